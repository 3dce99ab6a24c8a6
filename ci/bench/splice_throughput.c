// SPDX-License-Identifier: GPL-2.0
/*
 * Splice throughput of a page-cache file, to compare kernels.
 *
 * For tmpfs (a memfd) and for the filesystem of the current directory
 * (ext4 in the workbench's guest), write a file (and fsync it, so ext4
 * has no writeback left to do) and move it through a pipe with each
 * consumer below, once to warm up and then PASSES times.  Every consumer
 * calls pipe_buf_confirm() on each pipe buffer, so each 4 KiB of the file
 * costs one ->confirm call:
 *
 *   splice-null    splice(file -> pipe), splice(pipe -> /dev/null)
 *   sendfile-null  sendfile(/dev/null <- file) (the internal pipe)
 *   pipe-read      splice(file -> pipe), read(pipe) into a buffer
 *
 * Prints, per filesystem and consumer, the best, median and worst pass in
 * MiB/s of CLOCK_MONOTONIC as "# result:" lines, with KTAP around them.
 * Under QEMU's -icount that clock counts guest instructions: two kernels
 * booted alike compare by the work they do, free of host noise, and the
 * best pass is the one least disturbed by the rest of the guest.
 *
 * Usage: splice_throughput [-s SIZE_MIB] [-p PASSES]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
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
#include "bench.h"

#define CHUNK		(64 << 10)	/* a default pipe: 16 buffers */
#define MAX_SIZE_MIB	1024
#define MAX_PASSES	99
#define SIMULATOR	"/sys/kernel/debug/inaccessible-folio/marks"

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

/* Drain @len bytes from the pipe into the consumer; 0 or -errno. */
static int drain(int pipe_out, size_t len, enum consumer how)
{
	ssize_t n;

	while (len) {
		if (how == SPLICE_NULL)
			n = splice(pipe_out, NULL, devnull, NULL, len, 0);
		else
			n = read(pipe_out, buf, len);
		if (n < 0)
			return -errno;
		if (!n)
			return -ENODATA;
		len -= n;
	}
	return 0;
}

/* Move the whole file once; 0 or -errno. */
static int one_pass(int fd, enum consumer how)
{
	loff_t off = 0;
	int pipefd[2];
	ssize_t n;
	int ret = 0;

	if (how == SENDFILE_NULL) {
		while ((size_t)off < size) {
			n = sendfile(devnull, fd, &off, size - off);
			if (n < 0)
				return -errno;
			if (!n)
				return -ENODATA;
		}
		return 0;
	}

	if (pipe(pipefd))
		return -errno;
	while (!ret && (size_t)off < size) {
		n = splice(fd, &off, pipefd[1], NULL, CHUNK, 0);
		if (n < 0)
			ret = -errno;
		else if (!n)
			ret = -ENODATA;
		else
			ret = drain(pipefd[0], n, how);
	}
	close(pipefd[0]);
	close(pipefd[1]);
	return ret;
}

static double mib_per_s(long long ns)
{
	return (double)size / (1 << 20) / (ns / 1e9);
}

static void measure(const char *fs, int fd, enum consumer how)
{
	long long ns[MAX_PASSES], t;
	int i, ret;

	ret = one_pass(fd, how);
	for (i = 0; !ret && i < passes; i++) {
		t = now_ns();
		ret = one_pass(fd, how);
		ns[i] = now_ns() - t;
	}
	if (ret) {
		ksft_test_result_fail("%s %s: %s\n", fs, consumer_name[how], strerror(-ret));
		return;
	}
	qsort(ns, passes, sizeof(ns[0]), cmp_ll);
	ksft_print_msg("result: %s %s best %.1f median %.1f worst %.1f MiB/s\n",
		       fs, consumer_name[how], mib_per_s(ns[0]),
		       mib_per_s(ns[passes / 2]), mib_per_s(ns[passes - 1]));
	ksft_test_result_pass("%s %s\n", fs, consumer_name[how]);
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

/* A file of @size bytes on tmpfs or in ".": its fd, or -errno. */
static int make_file(int on_tmpfs)
{
	char name[] = "splice_throughput.XXXXXX";
	size_t done;
	ssize_t n;
	int fd, err;

	if (on_tmpfs) {
		fd = memfd_create(name, 0);
	} else {
		fd = mkstemp(name);
		if (fd >= 0)
			unlink(name);
	}
	if (fd < 0)
		return -errno;
	memset(buf, 0x5a, sizeof(buf));
	for (done = 0; done < size; done += n) {
		n = write(fd, buf, sizeof(buf));
		if (n <= 0) {
			err = n ? errno : ENOSPC;
			goto fail;
		}
	}
	if (!fsync(fd))
		return fd;
	err = errno;
fail:
	close(fd);
	return -err;
}

/* "absent", or how many folios are marked (0 for "compiled in, off"). */
static void describe_simulator(char *desc, size_t len)
{
	int marked = 0;
	FILE *f;

	f = fopen(SIMULATOR, "r");
	if (!f) {
		snprintf(desc, len, "absent");
		return;
	}
	while (fgets(buf, sizeof(buf), f))
		marked++;
	fclose(f);
	snprintf(desc, len, "present, %d folios marked", marked);
}

int main(int argc, char **argv)
{
	static const int on_tmpfs[] = { 1, 0 };
	char clocksource[64], simulator[64];
	unsigned long size_mib = size >> 20;
	enum consumer how;
	unsigned int f;
	const char *fs;
	char *end;
	int opt, fd;

	while ((opt = getopt(argc, argv, "s:p:")) != -1) {
		switch (opt) {
		case 's':
			size_mib = strtoul(optarg, &end, 10);
			if (*end || !size_mib || size_mib > MAX_SIZE_MIB)
				size_mib = 0;
			break;
		case 'p':
			passes = strtol(optarg, &end, 10);
			if (*end || passes < 1 || passes > MAX_PASSES)
				passes = 0;
			break;
		default:
			size_mib = 0;
		}
	}
	ksft_print_header();
	if (!size_mib || !passes || optind != argc)
		ksft_exit_fail_msg("usage: %s [-s SIZE_MIB (1-%d)] [-p PASSES (1-%d)]\n",
				   argv[0], MAX_SIZE_MIB, MAX_PASSES);
	size = size_mib << 20;
	ksft_set_plan(ARRAY_SIZE(on_tmpfs) * NR_CONSUMERS);

	settle_clocksource(clocksource, sizeof(clocksource));
	describe_simulator(simulator, sizeof(simulator));
	ksft_print_msg("%lu MiB files, %d passes, %d KiB per splice\n",
		       size_mib, passes, CHUNK >> 10);
	ksft_print_msg("clocksource %s; inaccessible-folio simulator %s\n",
		       clocksource, simulator);

	devnull = open("/dev/null", O_WRONLY);
	if (devnull < 0)
		ksft_exit_fail_perror("/dev/null");
	for (f = 0; f < ARRAY_SIZE(on_tmpfs); f++) {
		fd = make_file(on_tmpfs[f]);
		fs = fd < 0 ? (on_tmpfs[f] ? "tmpfs" : "cwd") : fs_name(fd);
		for (how = 0; how < NR_CONSUMERS; how++) {
			if (fd < 0)
				ksft_test_result_fail("%s %s: no file: %s\n", fs,
						      consumer_name[how], strerror(-fd));
			else
				measure(fs, fd, how);
		}
		if (fd >= 0)
			close(fd);
	}
	ksft_finished();
}
