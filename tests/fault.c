/* fault.c: a shared library for LD_PRELOAD that makes things happen at
 * the moments a test cannot reach from outside, as jq's tests inject
 * faults.  Built by the tests that use it; never part of a tool.
 *
 *   FAULT_APPEND=TEXT   at fsync(), append TEXT to the file FAULT_FILE,
 *   FAULT_FILE=PATH     as someone editing it meanwhile would
 *   FAULT_SIGNAL=N      at fsync(), send the process signal N
 *   FAULT_WRITE=N       a write() to FAULT_FILE writes N bytes at most,
 *                       as on a disk that fills up; with 0 it fails
 *                       with ENOSPC
 *   FAULT_FSYNC=1       fsync() fails with EIO
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
	if (getenv("FAULT_FSYNC")) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

/* fd is the file FAULT_FILE names. */
static int
is_fault_file(int fd)
{
	const char *file = getenv("FAULT_FILE");
	struct stat a, b;

	return file && fstat(fd, &a) == 0 && stat(file, &b) == 0 &&
	    a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

ssize_t
write(int fd, const void *buf, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	const char *limit = getenv("FAULT_WRITE");

	if (real == NULL)
		real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT,
		    "write");
	if (limit && n > (size_t)atoi(limit) && is_fault_file(fd)) {
		if (atoi(limit) == 0) {
			errno = ENOSPC;
			return -1;
		}
		n = (size_t)atoi(limit);
	}
	return real(fd, buf, n);
}
