// SPDX-License-Identifier: GPL-2.0
/*
 * What a pin by struct page costs, against pin_user_pages_fast() on the
 * same pages, through gup_test (CONFIG_GUP_TEST):
 *
 *   anon           private anonymous memory, 4 KiB pages, written first:
 *                  pin_user_pages_fast(FOLL_WRITE) in one call and a page
 *                  per call (PIN_FAST_BENCHMARK), pin_page() for writing
 *                  and for reading (PIN_PAGE_TEST, pin_page() alone timed)
 *   file N maps    a file of the current directory (ext4 in the
 *                  workbench) mapped shared N times (1, 10, 100), each
 *                  page written through every mapping: pin_page() for
 *                  reading (no rmap walk) and for writing (the walk stops
 *                  at the first writable mapping); after fsync(), whose
 *                  writeback write-protects every mapping, for writing
 *                  (the walk visits all N, then refuses); and for writing
 *                  with N read-only mappings (refused, the walk skipping
 *                  each mapping by its flags)
 *
 * Each figure
 * is the best of PASSES passes after a warm-up, in nanoseconds of
 * CLOCK_MONOTONIC a page; under QEMU's -icount that clock counts guest
 * instructions.  Prints them as "# result:" lines; the tests check that
 * every pin is taken or refused as it must be, and that pin_page() for
 * writing costs at most MAX_RATIO times what pin_user_pages_fast() costs
 * for one page a call on mapped anonymous memory: the same work, one page
 * in and one pin out.  A call for many pages shares one lockless page
 * table walk among them, which pin_page(), one rmap walk a page, cannot;
 * its ratio is printed, not checked.
 *
 * Usage: pin_page_cost [-p PASSES] [-r MAX_RATIO]
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "mm/gup_test.h"
#include "kselftest.h"

#define GUP_TEST	"/sys/kernel/debug/gup_test"
#define CLOCKSOURCE	"/sys/devices/system/clocksource/clocksource0/current_clocksource"
#define FOLL_WRITE	0x01	/* include/linux/mm_types.h */
#define ANON_PAGES	4096
#define FILE_PAGES	64
#define MAX_MAPS	100
#define MAX_PASSES	99

static const int nr_maps[] = { 1, 10, MAX_MAPS };
static size_t pagesize;
static int gup_fd;
static int passes = 9;

static double best(double a, double b)
{
	return a < 0 || b < a ? b : a;
}

/* pin_user_pages_fast() over [mem, mem + size), @per_call pages a call. */
static double pin_fast_ns(char *mem, size_t size, unsigned int per_call)
{
	struct gup_test gup = {
		.addr = (uintptr_t)mem,
		.size = size,
		.nr_pages_per_call = per_call,
		.gup_flags = FOLL_WRITE,
	};

	if (ioctl(gup_fd, PIN_FAST_BENCHMARK, &gup))
		ksft_exit_fail_perror("PIN_FAST_BENCHMARK");
	if (gup.size != size)
		ksft_exit_fail_msg("PIN_FAST_BENCHMARK pinned %llu of %zu bytes\n",
				   (unsigned long long)gup.size, size);
	return gup.get_delta_usec * 1000.0 / (size / pagesize);
}

/*
 * pin_page() on each page of [addr, addr + size), or of @fd's page cache
 * from offset @addr; ns a page, or -1 if not @want_pinned pages pinned
 * (and the rest refused).
 */
static double pin_page_ns(int fd, uintptr_t addr, size_t size, unsigned int flags,
			  unsigned int want_pinned)
{
	unsigned int nr = size / pagesize;
	struct pin_page_test t = {
		.addr = addr,
		.size = size,
		.fd = fd,
		.flags = flags,
	};

	if (ioctl(gup_fd, PIN_PAGE_TEST, &t))
		ksft_exit_fail_perror("PIN_PAGE_TEST");
	if (t.nr_pinned != want_pinned || t.nr_refused != nr - want_pinned || t.nr_lost) {
		ksft_print_msg("pinned %u, refused %u (error %d), lost %u of %u pages; want %u pinned\n",
			       t.nr_pinned, t.nr_refused, t.error, t.nr_lost, nr, want_pinned);
		return -1;
	}
	return (double)t.pin_nsec / nr;
}

static void report(const char *what, double ns)
{
	if (ns < 0)
		ksft_test_result_fail("%s\n", what);
	else
		ksft_test_result_pass("%s\n", what);
	ksft_print_msg("result: %s %.1f ns a page\n", what, ns);
}

static void bench_anon(double max_ratio)
{
	size_t size = ANON_PAGES * pagesize;
	double batch = -1, single = -1, write = -1, read = -1;
	char *mem;
	int pass;

	mem = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		ksft_exit_fail_perror("mmap");
	if (madvise(mem, size, MADV_NOHUGEPAGE))
		ksft_exit_fail_perror("MADV_NOHUGEPAGE");
	memset(mem, 1, size);

	for (pass = 0; pass <= passes; pass++) {
		double b = pin_fast_ns(mem, size, ANON_PAGES);
		double s = pin_fast_ns(mem, size, 1);
		double w = pin_page_ns(-1, (uintptr_t)mem, size, PIN_PAGE_TEST_FLAG_WRITE,
				       ANON_PAGES);
		double r = pin_page_ns(-1, (uintptr_t)mem, size, 0, ANON_PAGES);

		if (w < 0 || r < 0) {
			write = read = -1;
			break;
		}
		if (!pass)
			continue;	/* warm-up */
		batch = best(batch, b);
		single = best(single, s);
		write = best(write, w);
		read = best(read, r);
	}
	munmap(mem, size);

	report("anon pin_user_pages_fast(FOLL_WRITE) 4096 pages a call", batch);
	report("anon pin_user_pages_fast(FOLL_WRITE) 1 page a call", single);
	report("anon pin_page(FOLL_WRITE)", write);
	report("anon pin_page(0)", read);
	if (write < 0 || batch <= 0 || single <= 0) {
		ksft_test_result_fail("anon pin_page(FOLL_WRITE) within %.1fx of pin_user_pages_fast(), 1 page a call: no figures\n",
				      max_ratio);
		return;
	}
	ksft_print_msg("result: anon pin_page(FOLL_WRITE)/pin_user_pages_fast(FOLL_WRITE) %.2f (1 page a call), %.2f (4096 pages a call)\n",
		       write / single, write / batch);
	ksft_test_result(write <= max_ratio * single,
			 "anon pin_page(FOLL_WRITE) within %.1fx of pin_user_pages_fast(), 1 page a call\n",
			 max_ratio);
}

/* @nr shared mappings of @fd, every page of each written if @writable. */
static void map_file(int fd, char **maps, int nr, int writable)
{
	size_t size = FILE_PAGES * pagesize;
	int prot = PROT_READ | (writable ? PROT_WRITE : 0);
	size_t off;
	int i;

	for (i = 0; i < nr; i++) {
		maps[i] = mmap(NULL, size, prot, MAP_SHARED, fd, 0);
		if (maps[i] == MAP_FAILED)
			ksft_exit_fail_perror("mmap");
		for (off = 0; off < size; off += pagesize) {
			if (writable)
				maps[i][off]++;
			else
				(void)*(volatile char *)&maps[i][off];
		}
	}
}

/* The best of the passes of one pin_page() case; -1 if one went wrong. */
static double best_pin_page_ns(int fd, unsigned int flags, unsigned int want_pinned)
{
	double ns = -1, n;
	int pass;

	for (pass = 0; pass <= passes; pass++) {
		n = pin_page_ns(fd, 0, FILE_PAGES * pagesize, flags, want_pinned);
		if (n < 0)
			return -1;
		if (pass)
			ns = best(ns, n);
	}
	return ns;
}

static void bench_file(int fd, int nr)
{
	size_t size = FILE_PAGES * pagesize;
	char *maps[MAX_MAPS];
	char what[80];
	int i;

	map_file(fd, maps, nr, 1);
	snprintf(what, sizeof(what), "file %d maps pin_page() read", nr);
	report(what, best_pin_page_ns(fd, 0, FILE_PAGES));
	snprintf(what, sizeof(what), "file %d maps pin_page() write", nr);
	report(what, best_pin_page_ns(fd, PIN_PAGE_TEST_FLAG_WRITE, FILE_PAGES));
	/* Writeback write-protects every mapping: a write pin walks them all. */
	if (fsync(fd))
		ksft_exit_fail_perror("fsync");
	snprintf(what, sizeof(what), "file %d maps pin_page() write refused, after fsync", nr);
	report(what, best_pin_page_ns(fd, PIN_PAGE_TEST_FLAG_WRITE, 0));
	for (i = 0; i < nr; i++)
		munmap(maps[i], size);

	/* Read-only mappings: the walk skips them without their page tables. */
	map_file(fd, maps, nr, 0);
	snprintf(what, sizeof(what), "file %d maps pin_page() write refused, read-only maps", nr);
	report(what, best_pin_page_ns(fd, PIN_PAGE_TEST_FLAG_WRITE, 0));
	for (i = 0; i < nr; i++)
		munmap(maps[i], size);
}

/* A file in the current directory, written a page at a time: small folios. */
static int make_file(void)
{
	char name[] = "pin_page_cost.XXXXXX";
	char *page = malloc(pagesize);
	int fd = mkstemp(name);
	int i;

	if (fd < 0 || !page)
		ksft_exit_fail_perror("file in the current directory");
	unlink(name);
	for (i = 0; i < FILE_PAGES; i++) {
		memset(page, i, pagesize);
		if (pwrite(fd, page, pagesize, i * pagesize) != (ssize_t)pagesize)
			ksft_exit_fail_perror("pwrite");
	}
	free(page);
	return fd;
}

/* x86 switches from tsc-early to tsc a second or so into boot. */
static void settle_clocksource(void)
{
	char name[64] = "unknown";
	int i;

	for (i = 0; i < 100; i++) {
		FILE *f = fopen(CLOCKSOURCE, "r");

		if (f) {
			if (!fgets(name, sizeof(name), f))
				strcpy(name, "unknown\n");
			fclose(f);
		}
		if (!strstr(name, "-early"))
			break;
		usleep(100000);
	}
	name[strcspn(name, "\n")] = '\0';
	ksft_print_msg("clocksource %s, %d passes\n", name, passes);
}

int main(int argc, char **argv)
{
	double max_ratio = 2.0;
	unsigned int i;
	char *end;
	int opt, fd;

	while ((opt = getopt(argc, argv, "p:r:")) != -1) {
		switch (opt) {
		case 'p':
			passes = strtol(optarg, &end, 10);
			if (*end || passes < 1 || passes > MAX_PASSES)
				passes = 0;
			break;
		case 'r':
			max_ratio = strtod(optarg, &end);
			if (*end || !(max_ratio > 0))
				passes = 0;
			break;
		default:
			passes = 0;
		}
	}
	ksft_print_header();
	if (!passes || optind != argc)
		ksft_exit_fail_msg("usage: %s [-p PASSES (1-%d)] [-r MAX_RATIO (> 0)]\n",
				   argv[0], MAX_PASSES);
	pagesize = getpagesize();
	gup_fd = open(GUP_TEST, O_RDWR);
	if (gup_fd < 0)
		ksft_exit_skip("%s: %s (CONFIG_GUP_TEST, debugfs)\n", GUP_TEST, strerror(errno));
	ksft_set_plan(5 + 4 * ARRAY_SIZE(nr_maps));
	settle_clocksource();

	bench_anon(max_ratio);
	fd = make_file();
	for (i = 0; i < ARRAY_SIZE(nr_maps); i++)
		bench_file(fd, nr_maps[i]);
	close(fd);
	ksft_finished();
}
