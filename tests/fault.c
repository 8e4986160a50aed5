/* fault.c: a shared library for LD_PRELOAD that makes things happen at
 * the moments a test cannot reach from outside, as jq's tests inject
 * faults.  Built by the tests that use it; never part of a tool.
 *
 *   FAULT_APPEND=TEXT   at fsync(), append TEXT to the file FAULT_FILE,
 *   FAULT_FILE=PATH     as someone editing it meanwhile would
 *   FAULT_SIGNAL=N      at fsync(), send the process signal N
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int
fsync(int fd)
{
	static int (*real)(int);
	const char *sig = getenv("FAULT_SIGNAL");
	const char *text = getenv("FAULT_APPEND"), *file = getenv("FAULT_FILE");
	int out;

	if (real == NULL)
		real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
	if (text && file && (out = open(file, O_WRONLY | O_APPEND)) != -1) {
		if (write(out, text, strlen(text)) < 0)
			perror("fault: append");
		close(out);
	}
	if (sig)
		raise(atoi(sig));
	return real(fd);
}
