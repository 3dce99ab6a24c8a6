// SPDX-License-Identifier: GPL-2.0
/*
 * The inaccessible-folio simulator checked against what mainline already
 * does: a FOLL_PIN pin makes a marked folio accessible (GUP and GUP-fast),
 * a FOLL_GET reference does not, writeback of a dirty marked folio does.
 * Also: an injected error fails the pin and keeps the mark, a mark outlives
 * the file and the process it came from, the sink catches a marked folio
 * that reaches it, and bad input gets an errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <linux/magic.h>
#include <mm/gup_test.h>

#include "../kselftest_harness.h"
#include "inaccessible.h"

FIXTURE(sim)
{
	int gup_fd;
	size_t page;
	char *anon;
};

FIXTURE_SETUP(sim)
{
	self->gup_fd = -1;
	self->anon = MAP_FAILED;
	if (!inaccessible_available())
		SKIP(return, "no %s (CONFIG_INACCESSIBLE_FOLIO_INJECT)", INACCESSIBLE_DIR);
	self->gup_fd = open("/sys/kernel/debug/gup_test", O_RDWR);
	if (self->gup_fd < 0)
		SKIP(return, "no /sys/kernel/debug/gup_test (CONFIG_GUP_TEST)");
	ASSERT_EQ(0, inaccessible_clear());
	self->page = getpagesize();
	self->anon = mmap(NULL, self->page, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, self->anon);
	memset(self->anon, 0x5a, self->page);
}

FIXTURE_TEARDOWN(sim)
{
	if (self->anon != MAP_FAILED)
		munmap(self->anon, self->page);
	if (self->gup_fd >= 0) {
		EXPECT_EQ(0, inaccessible_clear());
		close(self->gup_fd);
	}
}

/* Run one gup_test command over [addr, addr + size): bytes taken, or -errno. */
static long gup(int fd, unsigned long cmd, void *addr, size_t size)
{
	struct gup_test args = {
		.addr = (unsigned long)addr,
		.size = size,
		.nr_pages_per_call = 1,
	};

	if (ioctl(fd, cmd, &args))
		return -errno;
	return args.size;
}

TEST_F(sim, pin_makes_accessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(1, inaccessible_stat("marked"));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_BASIC_TEST, self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

TEST_F(sim, pin_fast_makes_accessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_FAST_BENCHMARK, self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/*
 * GUP-fast itself converts: with an error injected, its conversion fails
 * (counted), pin_user_pages_fast() falls back to the slow path, whose
 * conversion succeeds.  Had GUP-fast skipped the conversion, the slow path
 * would take the error and the pin would fail.
 */
TEST_F(sim, gup_fast_converts_before_fallback)
{
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(0, inaccessible_fail_next(self->anon, EIO));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_FAST_BENCHMARK, self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

TEST_F(sim, get_leaves_inaccessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, GUP_BASIC_TEST, self->anon, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, GUP_FAST_BENCHMARK, self->anon, self->page));
	EXPECT_EQ(0, inaccessible_stat("conversions"));
	EXPECT_EQ(1, inaccessible_stat("marked"));
}

TEST_F(sim, writeback_makes_accessible)
{
	char name[] = "inaccessible_wb.XXXXXX";
	struct statfs fs;
	char *map;
	int fd;

	fd = mkstemp(name);
	ASSERT_LE(0, fd);
	unlink(name);
	ASSERT_EQ(0, fstatfs(fd, &fs));
	if (!disk_filesystem(fs.f_type)) {
		close(fd);
		SKIP(return, "writeback needs ext4, xfs or btrfs in the test directory");
	}
	ASSERT_EQ(0, ftruncate(fd, self->page));
	map = mmap(NULL, self->page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, map);
	/* Mark, then dirty: background writeback cannot get in between. */
	ASSERT_EQ(0, inaccessible_mark(map, self->page));
	memset(map, 0xa5, self->page);
	/* Writeback cannot fail a conversion: an injected error is ignored. */
	ASSERT_EQ(0, inaccessible_fail_next(map, EIO));

	ASSERT_EQ(0, fsync(fd));
	EXPECT_EQ(0, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
	munmap(map, self->page);
	close(fd);
}

TEST_F(sim, injected_error_fails_pin)
{
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(0, inaccessible_fail_next(self->anon, EIO));

	/* The pin fails: gup_test reports no byte pinned. */
	EXPECT_EQ(0, gup(self->gup_fd, PIN_BASIC_TEST, self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("marked"));

	/* Only the next conversion fails. */
	EXPECT_EQ(self->page, gup(self->gup_fd, PIN_BASIC_TEST, self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/* A mark holds its folio: truncation and exit must not free it under us. */
TEST_F(sim, mark_outlives_file_and_process)
{
	char name[] = "inaccessible_tr.XXXXXX";
	char *map;
	pid_t pid;
	int fd, status;

	fd = mkstemp(name);
	ASSERT_LE(0, fd);
	unlink(name);
	ASSERT_EQ(0, ftruncate(fd, self->page));
	map = mmap(NULL, self->page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, map);
	memset(map, 1, self->page);
	ASSERT_EQ(0, inaccessible_mark(map, self->page));
	munmap(map, self->page);
	ASSERT_EQ(0, ftruncate(fd, 0));
	close(fd);

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char *p = mmap(NULL, getpagesize(), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(1);
		memset(p, 2, getpagesize());
		_exit(inaccessible_mark(p, getpagesize()) ? 2 : 0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));

	EXPECT_EQ(2, inaccessible_stat("marked"));
	EXPECT_EQ(0, inaccessible_clear());
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/*
 * The sink's detector: vmsplice() takes FOLL_GET references, so a marked
 * anon folio reaches the sink still inaccessible, and the sink says so.
 */
TEST_F(sim, sink_catches_inaccessible_folio)
{
	struct iovec iov = { .iov_base = self->anon, .iov_len = self->page };
	int pipefd[2], sink;

	sink = open(INACCESSIBLE_DIR "sink", O_WRONLY);
	ASSERT_LE(0, sink);
	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(self->page, vmsplice(pipefd[1], &iov, 1, 0));
	ASSERT_EQ(self->page, splice(pipefd[0], NULL, sink, NULL, self->page, 0));

	EXPECT_EQ(1, inaccessible_stat("violations"));
	EXPECT_EQ(self->page, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(crc32_le(0, (unsigned char *)self->anon, self->page),
		  (uint32_t)inaccessible_stat("sink_crc32"));
	close(pipefd[0]);
	close(pipefd[1]);
	close(sink);
}

TEST_F(sim, bad_input)
{
	size_t page = self->page;
	int pipefd[2], sink, left;
	char *hole;

	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "garbage"));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "%#lx -1", (unsigned long)self->anon));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "%#lx 0", (unsigned long)self->anon));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "%0200d", 1));
	EXPECT_EQ(-EFAULT, inaccessible_cmd("mark", "0x1000"));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "0xffffffff81000000"));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("mark", "0xfffffffffffff000 0x2000"));
	EXPECT_EQ(-E2BIG, inaccessible_cmd("mark", "%#lx 0x10000000", (unsigned long)self->anon));
	/* 64 pages' worth from an unaligned address spans 65 pages. */
	EXPECT_EQ(-E2BIG, inaccessible_cmd("mark", "%#lx %#lx",
					   (unsigned long)self->anon + 1, 64 * page));
	EXPECT_EQ(0, inaccessible_stat("marked"));

	/* A range with a hole: marks up to the hole, then fails. */
	hole = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	memset(hole, 3, 3 * page);
	ASSERT_EQ(0, munmap(hole + page, page));
	EXPECT_EQ(-EFAULT, inaccessible_mark(hole, 3 * page));
	EXPECT_EQ(1, inaccessible_stat("marked"));

	EXPECT_EQ(-EINVAL, inaccessible_cmd("fail", "%#lx", (unsigned long)hole));
	EXPECT_EQ(-EINVAL, inaccessible_fail_next(hole, 0));
	EXPECT_EQ(-EINVAL, inaccessible_fail_next(hole, 5000));
	EXPECT_EQ(-EINVAL, inaccessible_fail_next(hole, 512));	/* ERESTARTSYS */
	EXPECT_EQ(-EINVAL, inaccessible_fail_next(hole, ENODATA));
	EXPECT_EQ(-ENOENT, inaccessible_fail_next(self->anon, EIO));
	EXPECT_EQ(-EFAULT, inaccessible_fail_next(hole + page, EIO));

	/* The zero page is everybody's: it cannot be marked. */
	munmap(hole, 3 * page);
	hole = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	EXPECT_EQ(0, hole[0]);
	EXPECT_EQ(-EINVAL, inaccessible_mark(hole, page));
	munmap(hole, page);
	EXPECT_EQ(1, inaccessible_stat("marked"));

	/*
	 * A short splice into the sink takes what it asks for, no more, and
	 * the next one goes on from there.
	 */
	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(page, write(pipefd[1], self->anon, page));
	sink = open(INACCESSIBLE_DIR "sink", O_WRONLY);
	ASSERT_LE(0, sink);
	EXPECT_EQ(100, splice(pipefd[0], NULL, sink, NULL, 100, 0));
	EXPECT_EQ(100, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(crc32_le(0, (unsigned char *)self->anon, 100),
		  (uint32_t)inaccessible_stat("sink_crc32"));
	ASSERT_EQ(0, ioctl(pipefd[0], FIONREAD, &left));
	EXPECT_EQ(page - 100, left);
	EXPECT_EQ(page - 100, splice(pipefd[0], NULL, sink, NULL, page, 0));
	EXPECT_EQ(page, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(crc32_le(0, (unsigned char *)self->anon, page),
		  (uint32_t)inaccessible_stat("sink_crc32"));
	close(sink);
	close(pipefd[0]);
	close(pipefd[1]);

	/* The page limit itself is allowed, from an unaligned address too. */
	hole = mmap(NULL, 64 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	memset(hole, 4, 64 * page);
	EXPECT_EQ(0, inaccessible_mark(hole + 1, 64 * page - 1));
	EXPECT_EQ(1 + 64, inaccessible_stat("marked"));
	munmap(hole, 64 * page);
}

/* Writers racing on mark, fail and clear: errnos only, no leak, no splat. */
TEST_F(sim, concurrent_writers)
{
	int i, status;
	pid_t pid;

	for (i = 0; i < 4; i++) {
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid) {
			int round, err;

			/* Only these outcomes are allowed; anything else fails. */
			for (round = 0; round < 200; round++) {
				if (inaccessible_mark(self->anon, self->page))
					_exit(1);
				err = inaccessible_fail_next(self->anon, EAGAIN);
				if (err && err != -ENOENT)
					_exit(2);
				if (gup(self->gup_fd, PIN_FAST_BENCHMARK, self->anon,
					self->page) < 0)
					_exit(3);
				if (round % 16 == i && inaccessible_clear())
					_exit(4);
			}
			_exit(0);
		}
	}
	while (wait(&status) > 0) {
		EXPECT_TRUE(WIFEXITED(status));
		EXPECT_EQ(0, WEXITSTATUS(status));
	}
	EXPECT_EQ(0, inaccessible_clear());
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

TEST_HARNESS_MAIN
