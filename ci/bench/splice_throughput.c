// SPDX-License-Identifier: GPL-2.0
/*
 * Splice throughput of a page-cache file, to compare kernels.
 *
 * For tmpfs (a memfd) and for the filesystem of the current directory
 * (ext4 in the workbench's guest), write a file, fsync it (a clean page
 * cache, nothing left for writeback) and move it through a pipe with each
 * consumer below, once to warm up and then PASSES times.  Every consumer
 * calls pipe_buf_confirm() on each pipe buffer, so each 4 KiB of the file
 * costs one ->confirm call:
 *
 *   splice-null    splice(file -> pipe), splice(pipe -> /dev/null)
 *   sendfile-null  sendfile(/dev/null <- file) (the internal pipe)
 *   pipe-read      splice(file -> pipe), read(pipe) into a buffer
 *
 * Prints, per filesystem and consumer, the median, best and worst pass in
 * MiB/s of CLOCK_MONOTONIC as "# result:" lines, with KTAP around them.
 * Under QEMU's -icount that clock counts guest instructions: two kernels
 * booted alike compare by the work they do, free of host noise.
 *
 * Usage: splice_throughput [-s SIZE_MIB] [-p PASSES]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <linux/magic.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/vfs.h>

#include "kselftest.h"

#define CHUNK		(64 << 10)	/* a default pipe: 16 buffers */
#define MAX_PASSES	99

enum consumer { SPLICE_NULL, SENDFILE_NULL, PIPE_READ, NR_CONSUMERS };

static const char * const consumer_name[NR_CONSUMERS] = {
	[SPLICE_NULL]	= "splice-null",
	[SENDFILE_NULL]	= "sendfile-null",
	[PIPE_READ]	= "pipe-read",
};

static size_t size = 64 << 20;
static int passes = 9;
static int devnull;
static char buf[CHUNK];

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Move the whole file once; 0 on success, -1 with errno set. */
static int one_pass(int fd, enum consumer how)
{
	loff_t off = 0;
	int pipefd[2];
	ssize_t n, m;
	int ret = 0;

	if (how == SENDFILE_NULL) {
		while ((size_t)off < size) {
			n = sendfile(devnull, fd, &off, size - off);
			if (n <= 0)
				return n ? -1 : (errno = ENODATA, -1);
		}
		return 0;
	}

	if (pipe(pipefd))
		return -1;
	while ((size_t)off < size) {
		n = splice(fd, &off, pipefd[1], NULL, CHUNK, 0);
		if (n <= 0) {
			if (!n)
				errno = ENODATA;
			ret = -1;
			break;
		}
		for (; n > 0; n -= m) {
			if (how == SPLICE_NULL)
				m = splice(pipefd[0], NULL, devnull, NULL, n, 0);
			else
				m = read(pipefd[0], buf, n);
			if (m <= 0) {
				if (!m)
					errno = ENODATA;
				ret = -1;
				goto out;
			}
		}
	}
out:
	close(pipefd[0]);
	close(pipefd[1]);
	return ret;
}

static int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

static double mib_per_s(long long ns)
{
	return (double)size / (1 << 20) / (ns / 1e9);
}

static const char *fs_name(int fd)
{
	static char name[32];
	struct statfs st;

	if (fstatfs(fd, &st))
		return "unknown-fs";
	switch (st.f_type) {
	case TMPFS_MAGIC:
		return "tmpfs";
	case EXT4_SUPER_MAGIC:
		return "ext4";
	}
	snprintf(name, sizeof(name), "fs-%#lx", (unsigned long)st.f_type);
	return name;
}

static void measure(const char *fs, int fd, enum consumer how)
{
	long long ns[MAX_PASSES], t;
	int i;

	if (one_pass(fd, how)) {
		ksft_test_result_fail("%s %s: %s\n", fs, consumer_name[how],
				      strerror(errno));
		return;
	}
	for (i = 0; i < passes; i++) {
		t = now_ns();
		if (one_pass(fd, how)) {
			ksft_test_result_fail("%s %s: %s\n", fs,
					      consumer_name[how], strerror(errno));
			return;
		}
		ns[i] = now_ns() - t;
	}
	qsort(ns, passes, sizeof(ns[0]), cmp_ll);
	ksft_print_msg("result: %s %s median %.1f best %.1f worst %.1f MiB/s\n",
		       fs, consumer_name[how], mib_per_s(ns[passes / 2]),
		       mib_per_s(ns[0]), mib_per_s(ns[passes - 1]));
	ksft_test_result_pass("%s %s\n", fs, consumer_name[how]);
}

static int make_file(bool memfd)
{
	char name[] = "splice_throughput.XXXXXX";
	size_t done;
	ssize_t n;
	int fd;

	if (memfd) {
		fd = memfd_create(name, 0);
	} else {
		fd = mkstemp(name);
		if (fd >= 0)
			unlink(name);
	}
	if (fd < 0)
		return -1;
	memset(buf, 0x5a, sizeof(buf));
	for (done = 0; done < size; done += n) {
		n = write(fd, buf, sizeof(buf));
		if (n <= 0)
			goto fail;
	}
	if (!fsync(fd))
		return fd;
fail:
	n = errno;
	close(fd);
	errno = n ? n : ENOSPC;
	return -1;
}

int main(int argc, char **argv)
{
	char clocksource[64];
	enum consumer how;
	int opt, memfd, fd;
	const char *fs;
	FILE *cs;

	while ((opt = getopt(argc, argv, "s:p:")) != -1) {
		switch (opt) {
		case 's':
			size = strtoul(optarg, NULL, 0) << 20;
			break;
		case 'p':
			passes = atoi(optarg);
			break;
		default:
			ksft_exit_fail_msg("usage: %s [-s SIZE_MIB] [-p PASSES]\n", argv[0]);
		}
	}
	if (!size || size % CHUNK || passes < 1 || passes > MAX_PASSES)
		ksft_exit_fail_msg("need SIZE_MIB >= 1 and 1 <= PASSES <= %d\n", MAX_PASSES);

	ksft_print_header();
	ksft_set_plan(2 * NR_CONSUMERS);
	ksft_print_msg("%zu MiB files, %d passes, %d KiB per splice\n",
		       size >> 20, passes, CHUNK >> 10);
	cs = fopen("/sys/devices/system/clocksource/clocksource0/current_clocksource", "r");
	if (!cs || fscanf(cs, "%63s", clocksource) != 1)
		snprintf(clocksource, sizeof(clocksource), "unknown");
	if (cs)
		fclose(cs);
	ksft_print_msg("clocksource %s; inaccessible-folio simulator %s\n", clocksource,
		       access("/sys/kernel/debug/inaccessible-folio", F_OK) ?
		       "absent" : "present");

	devnull = open("/dev/null", O_WRONLY);
	if (devnull < 0)
		ksft_exit_fail_perror("/dev/null");
	for (memfd = 1; memfd >= 0; memfd--) {
		fd = make_file(memfd);
		fs = fd < 0 ? (memfd ? "tmpfs" : "cwd") : fs_name(fd);
		for (how = 0; how < NR_CONSUMERS; how++) {
			if (fd < 0)
				ksft_test_result_fail("%s %s: no file: %s\n", fs,
						      consumer_name[how], strerror(errno));
			else
				measure(fs, fd, how);
		}
		if (fd >= 0)
			close(fd);
	}
	ksft_finished();
}
