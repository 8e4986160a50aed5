#!/bin/sh
# The pure parts of lib/, tested directly (tests/unit.c prints TAP).
. "$(dirname "$0")/lib.sh"
"$bin/tests/unit"
