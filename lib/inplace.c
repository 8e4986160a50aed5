/* inplace.c: a journal read whole and written back in place, for rel-fmt
 * -i, without changing what kind of file it is, or whose, and without
 * losing what someone else writes to it meanwhile; or appended to, for
 * rel-add, in one write that is whole or taken back.
 *
 * The new text goes to a temporary file beside the file, which gets the
 * file's mode, owner and group, is flushed to disk, and is renamed over
 * the file only if the file is still the one that was read: a crash, a
 * signal or a refusal leaves the old file or the new, never half of one,
 * and never a temporary file. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inplace.h"
#include "reader.h"
#include "util.h"

/* The temporary file being written, for the signal handler. */
static char tmp_path[PATH_MAX + 32];
static volatile sig_atomic_t tmp_live;

static void
on_signal(int sig)
{
	if (tmp_live)
		unlink(tmp_path);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Reads all of fd into b: at most LINES_MAXLINE bytes without a line end,
 * as the reader takes them (so /dev/zero is not read until memory runs
 * out).  -1 with errno set (EFBIG for a line too long). */
static int
read_all(int fd, struct buf *b)
{
	char chunk[65536];
	size_t line = 0, i;
	ssize_t n;

	b->len = 0;
	buf_add(b, "", 0);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		/* the line that runs on: what follows the chunk's last LF */
		for (i = (size_t)n; i > 0 && chunk[i - 1] != '\n'; i--)
			;
		line = i > 0 ? (size_t)n - i : line + (size_t)n;
		if (line > LINES_MAXLINE) {
			errno = EFBIG;
			return -1;
		}
		buf_add(b, chunk, (size_t)n);
	}
	return 0;
}

/* Reads the file at path ("-": standard input) into b, and what it is
 * into st.  With plain_only (rel-fmt -i), anything but a plain file is
 * refused before a byte is read, and a FIFO is not waited on.  -1 with
 * errno set: EISDIR, EINVAL for a file that is not plain, EFBIG for a line
 * too long. */
int
file_read(const char *path, struct buf *b, struct file_state *st,
    int plain_only)
{
	int fd, rc, saved;

	if (strcmp(path, "-") == 0)
		fd = 0;
	else if ((fd = open(path, O_RDONLY | O_CLOEXEC |
	    (plain_only ? O_NONBLOCK : 0))) == -1)
		return -1;
	rc = fstat(fd, &st->sb);
	if (rc == 0 && S_ISDIR(st->sb.st_mode)) {
		errno = EISDIR;
		rc = -1;
	} else if (rc == 0 && plain_only && !S_ISREG(st->sb.st_mode)) {
		errno = EINVAL;
		rc = -1;
	}
	if (rc == 0 && plain_only)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	if (rc == 0)
		rc = read_all(fd, b);
	saved = errno;
	if (fd > 0)
		close(fd);
	errno = saved;
	return rc;
}

/* What a file_read() that failed says, by the errno it left. */
const char *
file_read_error(int err)
{
	return err == EFBIG ? "line longer than 16 MiB: is this a journal?" :
	    err == EINVAL ? "not a plain file" : strerror(err);
}

/* The file that path names, symbolic links followed, so that a link is
 * kept and its target rewritten; NULL with why. */
static char *
target_of(const char *path, const char **why)
{
	char *real = realpath(path, NULL);

	if (real == NULL)
		*why = strerror(errno);
	return real;
}

/* What would stop a rewrite of the plain file read as st: other names
 * share it (a hard link would be parted from it). */
const char *
file_unsafe(const struct file_state *st)
{
	static char why[120];

	if (st->sb.st_nlink > 1) {
		snprintf(why, sizeof(why), "has %lu hard links, which a rewrite "
		    "would part: write rel-fmt FILE > NEW and copy NEW over it",
		    (unsigned long)st->sb.st_nlink);
		return why;
	}
	return NULL;
}

/* The file is still the one read: the same inode, size and time of the
 * last change. */
static int
unchanged(const char *path, const struct file_state *st)
{
	struct stat now;

	return stat(path, &now) == 0 && now.st_dev == st->sb.st_dev &&
	    now.st_ino == st->sb.st_ino && now.st_size == st->sb.st_size &&
	    now.st_mtim.tv_sec == st->sb.st_mtim.tv_sec &&
	    now.st_mtim.tv_nsec == st->sb.st_mtim.tv_nsec;
}

static int
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, s, n)) == -1) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Writes the temporary file beside target and renames it over target.
 * 0, or -1 with why; the temporary file is gone either way. */
static int
replace(const char *target, const struct file_state *st, const char *text,
    size_t n, const char **why)
{
	int fd;

	if (snprintf(tmp_path, sizeof(tmp_path), "%s.fmt.XXXXXX", target) >=
	    (int)sizeof(tmp_path)) {
		*why = strerror(ENAMETOOLONG);
		return -1;
	}
	if ((fd = mkstemp(tmp_path)) == -1) {
		*why = strerror(errno);
		return -1;
	}
	tmp_live = 1;
	*why = NULL;
	if (write_all(fd, text, n) == -1 || fsync(fd) == -1)
		*why = strerror(errno);
	else if (fchown(fd, st->sb.st_uid, st->sb.st_gid) == -1)
		*why = "cannot give the new file the owner and group of the old: "
		    "not rewritten";
	else if (fchmod(fd, st->sb.st_mode & 07777) == -1)
		*why = strerror(errno);
	if (close(fd) == -1 && *why == NULL)
		*why = strerror(errno);
	if (*why == NULL && !unchanged(target, st))
		*why = "changed while it was formatted: not rewritten; run "
		    "rel-fmt -i again";
	if (*why == NULL && rename(tmp_path, target) == -1)
		*why = strerror(errno);
	if (*why)
		unlink(tmp_path);
	tmp_live = 0;
	return *why ? -1 : 0;
}

int
file_rewrite(const char *path, const struct file_state *st, const char *text,
    size_t n, const char **why)
{
	static const int sigs[] = { SIGHUP, SIGINT, SIGTERM };
	struct sigaction sa, old[3];
	char *target;
	size_t i;
	int rc;

	if ((*why = file_unsafe(st)) != NULL ||
	    (target = target_of(path, why)) == NULL)
		return -1;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < 3; i++) {	/* a signal ignored stays ignored */
		sigaction(sigs[i], NULL, &old[i]);
		if (old[i].sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
	rc = replace(target, st, text, n, why);
	for (i = 0; i < 3; i++)
		sigaction(sigs[i], &old[i], NULL);
	free(target);
	return rc;
}

/* Cuts the n bytes just written to fd (O_APPEND) off the end again. */
static int
take_back(int fd, size_t n)
{
	off_t end = lseek(fd, 0, SEEK_CUR);

	return end == -1 ? -1 : ftruncate(fd, end - (off_t)n);
}

/* Appends text, n bytes, to the file at path, read as st: one write(2)
 * to a descriptor opened O_APPEND, so that no other writer's bytes can
 * come between its bytes, then fsync(2).  A file changed since it was
 * read is refused; a write that fails or falls short (a full disk) and
 * an fsync that fails are taken back, so that no part of text stays.
 * 0, or -1 with why. */
int
file_append(const char *path, const struct file_state *st, const char *text,
    size_t n, const char **why)
{
	ssize_t w;
	int fd;

	if ((fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC)) == -1) {
		*why = strerror(errno);
		return -1;
	}
	*why = NULL;
	if (!unchanged(path, st))
		*why = "changed since it was read";
	else if ((w = write(fd, text, n)) == -1)
		*why = strerror(errno);
	else if ((size_t)w < n) {
		*why = "short write: the disk is full";
		if (take_back(fd, (size_t)w) == -1)
			*why = "short write, and the part written could not be "
			    "taken back: look at the end of the file";
	} else if (fsync(fd) == -1) {
		*why = strerror(errno);
		if (take_back(fd, n) == -1)
			*why = "fsync failed, and what was written could not be "
			    "taken back: look at the end of the file";
	}
	if (close(fd) == -1 && *why == NULL)
		*why = strerror(errno);
	return *why ? -1 : 0;
}
