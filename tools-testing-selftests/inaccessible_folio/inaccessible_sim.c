// SPDX-License-Identifier: GPL-2.0
/*
 * The inaccessible-folio simulator checked against what mainline already
 * does: a FOLL_PIN pin makes a marked folio accessible (GUP and GUP-fast),
 * a FOLL_GET reference does not, over anonymous memory, shmem and a file's
 * page cache; so does a pin by struct page (pin_page()), which an injected
 * error fails with no pin left; writeback of a dirty marked folio does.
 * Also: marking refuses what s390 refuses to make secure (a pinned folio,
 * one in a pipe) and a folio mapped twice, an injected error fails the pin
 * and keeps the mark, a mark goes with its folio when that is freed,
 * racing writers leave no reference behind, the sink catches a marked
 * folio that a consumer skipping pipe_buf_confirm() hands it, and bad
 * input gets an errno.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <pthread.h>
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

/*
 * The GUP cases run over each kind of memory GUP takes: anonymous memory,
 * shmem (a memfd) and the page cache of a file on the test directory's
 * disk filesystem (skipped elsewhere).  Marking takes a write fault, so a
 * file's folio is dirty: the flusher writes it back (and converts it) no
 * earlier than dirty_expire_centisecs, 30 s by default, after the mark,
 * and each case takes well under that.
 */
enum backing_kind { BACKING_ANON, BACKING_MEMFD, BACKING_FILE };

FIXTURE(backing)
{
	int gup_fd;
	int fd;
	size_t page;
	char *mem;
};

FIXTURE_VARIANT(backing)
{
	enum backing_kind kind;
};

FIXTURE_VARIANT_ADD(backing, anon)
{
	.kind = BACKING_ANON,
};

FIXTURE_VARIANT_ADD(backing, memfd)
{
	.kind = BACKING_MEMFD,
};

FIXTURE_VARIANT_ADD(backing, file)
{
	.kind = BACKING_FILE,
};

FIXTURE_SETUP(backing)
{
	char name[] = "inaccessible_sim.XXXXXX";
	int flags = MAP_SHARED;
	struct statfs fs;

	self->gup_fd = -1;
	self->fd = -1;
	self->mem = MAP_FAILED;
	if (!inaccessible_available())
		SKIP(return, "no %s (CONFIG_INACCESSIBLE_FOLIO_INJECT)", INACCESSIBLE_DIR);
	self->gup_fd = open("/sys/kernel/debug/gup_test", O_RDWR);
	if (self->gup_fd < 0)
		SKIP(return, "no /sys/kernel/debug/gup_test (CONFIG_GUP_TEST)");
	ASSERT_EQ(0, inaccessible_clear());
	self->page = getpagesize();

	switch (variant->kind) {
	case BACKING_ANON:
		flags = MAP_PRIVATE | MAP_ANONYMOUS;
		break;
	case BACKING_MEMFD:
		/* Marking refuses large folios, as KVM splits them first. */
		if (shmem_thp_always())
			SKIP(return, "shmem THP or mTHP is always on: tmpfs folios are large");
		self->fd = memfd_create("inaccessible_sim", 0);
		ASSERT_LE(0, self->fd);
		break;
	case BACKING_FILE:
		self->fd = mkstemp(name);
		ASSERT_LE(0, self->fd);
		unlink(name);
		ASSERT_EQ(0, fstatfs(self->fd, &fs));
		if (!disk_filesystem(fs.f_type))
			SKIP(return, "no ext4, xfs or btrfs in the test directory");
		break;
	}
	if (self->fd >= 0)
		ASSERT_EQ(0, ftruncate(self->fd, self->page));
	self->mem = mmap(NULL, self->page, PROT_READ | PROT_WRITE, flags,
			 self->fd, 0);
	ASSERT_NE(MAP_FAILED, self->mem);
	memset(self->mem, 0x5a, self->page);
}

FIXTURE_TEARDOWN(backing)
{
	if (self->mem != MAP_FAILED)
		munmap(self->mem, self->page);
	if (self->fd >= 0)
		close(self->fd);
	if (self->gup_fd >= 0) {
		EXPECT_EQ(0, inaccessible_clear());
		close(self->gup_fd);
	}
}

TEST_F(backing, pin_makes_accessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(1, inaccessible_stat("marked"));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_BASIC_TEST, self->mem, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

TEST_F(backing, pin_fast_makes_accessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_FAST_BENCHMARK, self->mem, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/*
 * GUP-fast itself converts: with an error injected, its conversion fails
 * (counted), pin_user_pages_fast() falls back to the slow path, whose
 * conversion succeeds.  Had GUP-fast skipped the conversion, the slow path
 * would take the error and the pin would fail.
 */
TEST_F(backing, gup_fast_converts_before_fallback)
{
	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(0, inaccessible_fail_next(self->mem));
	ASSERT_EQ(self->page, gup(self->gup_fd, PIN_FAST_BENCHMARK, self->mem, self->page));
	EXPECT_EQ(1, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

TEST_F(backing, get_leaves_inaccessible)
{
	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, GUP_BASIC_TEST, self->mem, self->page));
	ASSERT_EQ(self->page, gup(self->gup_fd, GUP_FAST_BENCHMARK, self->mem, self->page));
	EXPECT_EQ(0, inaccessible_stat("conversions"));
	EXPECT_EQ(1, inaccessible_stat("marked"));
}

TEST_F(backing, injected_error_fails_pin)
{
	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(0, inaccessible_fail_next(self->mem));

	/* The pin fails: gup_test reports no byte pinned. */
	EXPECT_EQ(0, gup(self->gup_fd, PIN_BASIC_TEST, self->mem, self->page));
	EXPECT_EQ(1, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("marked"));

	/* Only the next conversion fails. */
	EXPECT_EQ(self->page, gup(self->gup_fd, PIN_BASIC_TEST, self->mem, self->page));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/* pin_page() on the page of @addr, found by get_user_pages(): 0 or -errno. */
static int pin_page_test(int gup_fd, void *addr, size_t size, struct pin_page_test *t)
{
	memset(t, 0, sizeof(*t));
	t->addr = (unsigned long)addr;
	t->size = size;
	t->fd = -1;
	return ioctl(gup_fd, PIN_PAGE_TEST, t) ? -errno : 0;
}

/* A pin by struct page converts as a pin by address does. */
TEST_F(backing, pin_page_makes_accessible)
{
	struct pin_page_test t;

	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(0, pin_page_test(self->gup_fd, self->mem, self->page, &t));
	EXPECT_EQ(0, t.error);
	EXPECT_EQ(1, t.nr_pinned);
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
}

/*
 * A failed conversion makes pin_page() return its error and leaves no
 * pin: gup_test unpins only what pin_page() reported pinned, so a pin
 * kept behind the error shows in the pin counters.
 */
TEST_F(backing, pin_page_injected_error_leaves_no_pin)
{
	struct pin_page_test t;
	long long held;

	ASSERT_EQ(0, inaccessible_mark(self->mem, self->page));
	ASSERT_EQ(0, inaccessible_fail_next(self->mem));
	held = foll_pins_held();
	ASSERT_LE(0, held);
	ASSERT_EQ(0, pin_page_test(self->gup_fd, self->mem, self->page, &t));
	EXPECT_EQ(-EINVAL, t.error);
	EXPECT_EQ(0, t.nr_pinned);
	EXPECT_EQ(held, foll_pins_held());
	EXPECT_EQ(1, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("marked"));
}

TEST_F(sim, writeback_makes_accessible)
{
	char name[] = "inaccessible_wb.XXXXXX";
	struct statfs fs;
	int fd, err;
	char *map;

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
	/*
	 * Dirty, then mark (a write fault, as KVM's import): the CPU's own
	 * stores do not convert in the simulator, as they do on s390.
	 */
	memset(map, 0xa5, self->page);
	ASSERT_EQ(0, inaccessible_mark(map, self->page));
	/*
	 * Writeback cannot fail a conversion: an injected error is ignored.
	 * ENOENT: background writeback converted the folio already.
	 */
	err = inaccessible_fail_next(map);
	ASSERT_TRUE(!err || err == -ENOENT);

	ASSERT_EQ(0, fsync(fd));
	EXPECT_EQ(0, inaccessible_stat("failures"));
	EXPECT_EQ(1, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
	/*
	 * Nothing is left armed: marked again, the folio converts on a pin
	 * with no failure.
	 */
	ASSERT_EQ(0, inaccessible_mark(map, self->page));
	EXPECT_EQ(self->page, gup(self->gup_fd, PIN_BASIC_TEST, map, self->page));
	EXPECT_EQ(0, inaccessible_stat("failures"));
	EXPECT_EQ(2, inaccessible_stat("conversions"));
	munmap(map, self->page);
	close(fd);
}

/*
 * As on s390, marking needs the reference count to freeze at what the
 * mappings and the page cache account for: a folio pinned, or held by a
 * pipe, cannot be marked until it is let go.
 */
TEST_F(sim, mark_refuses_busy_folio)
{
	struct pin_longterm_test pin = {
		.addr = (unsigned long)self->anon,
		.size = self->page,
	};
	struct iovec iov = { .iov_base = self->anon, .iov_len = self->page };
	int pipefd[2], sink;

	ASSERT_EQ(0, ioctl(self->gup_fd, PIN_LONGTERM_TEST_START, &pin));
	EXPECT_EQ(-EBUSY, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(0, ioctl(self->gup_fd, PIN_LONGTERM_TEST_STOP));
	EXPECT_EQ(0, inaccessible_stat("marked"));

	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(self->page, vmsplice(pipefd[1], &iov, 1, 0));
	EXPECT_EQ(-EBUSY, inaccessible_mark(self->anon, self->page));
	sink = open(INACCESSIBLE_DIR "sink", O_WRONLY);
	ASSERT_LE(0, sink);
	ASSERT_EQ(self->page, splice(pipefd[0], NULL, sink, NULL, self->page, 0));

	/* Let go of, the folio can be marked. */
	EXPECT_EQ(0, inaccessible_mark(self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("marked"));
	close(sink);
	close(pipefd[0]);
	close(pipefd[1]);
}

/*
 * A folio mapped twice cannot be marked: the freeze is safe only with the
 * page table lock of every mapping held, and the simulator holds one.
 */
TEST_F(sim, mark_refuses_folio_mapped_twice)
{
	char *map, *alias;
	int fd;

	if (shmem_thp_always())
		SKIP(return, "shmem THP or mTHP is always on: tmpfs folios are large");
	fd = memfd_create("inaccessible_sim", 0);
	ASSERT_LE(0, fd);
	ASSERT_EQ(0, ftruncate(fd, self->page));
	map = mmap(NULL, self->page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, map);
	alias = mmap(NULL, self->page, PROT_READ, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, alias);
	memset(map, 0x3c, self->page);
	/* Map the folio at the alias too. */
	ASSERT_EQ(0x3c, alias[0]);

	EXPECT_EQ(-EBUSY, inaccessible_mark(map, self->page));
	EXPECT_EQ(0, inaccessible_stat("marked"));
	munmap(alias, self->page);
	EXPECT_EQ(0, inaccessible_mark(map, self->page));
	EXPECT_EQ(1, inaccessible_stat("marked"));
	munmap(map, self->page);
	close(fd);
}

/*
 * A mark holds no reference: when its folio is freed (the file truncated,
 * the process gone) the mark goes with it, unconverted, and nothing is
 * left that could be mistaken for a mark on the page's next folio.
 */
TEST_F(sim, mark_goes_with_freed_folio)
{
	char name[] = "inaccessible_tr.XXXXXX";
	char *map;
	pid_t pid;
	int fd, status;

	/* The LRU batches that may still hold the folios: this CPU's. */
	ASSERT_EQ(0, bind_to_this_cpu());
	fd = mkstemp(name);
	ASSERT_LE(0, fd);
	unlink(name);
	ASSERT_EQ(0, ftruncate(fd, self->page));
	map = mmap(NULL, self->page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	ASSERT_NE(MAP_FAILED, map);
	memset(map, 1, self->page);
	ASSERT_EQ(0, inaccessible_mark(map, self->page));
	ASSERT_EQ(1, inaccessible_stat("marked"));
	munmap(map, self->page);
	ASSERT_EQ(0, ftruncate(fd, 0));
	close(fd);
	ASSERT_EQ(0, drain_lru_batches());
	EXPECT_EQ(0, inaccessible_stat("marked"));

	pid = fork();
	ASSERT_LE(0, pid);
	if (!pid) {
		char *p = mmap(NULL, getpagesize(), PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		if (p == MAP_FAILED)
			_exit(1);
		memset(p, 2, getpagesize());
		if (inaccessible_mark(p, getpagesize()))
			_exit(2);
		_exit(inaccessible_stat("marked") == 1 ? 0 : 3);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	ASSERT_EQ(0, WEXITSTATUS(status));
	ASSERT_EQ(0, drain_lru_batches());
	EXPECT_EQ(0, inaccessible_stat("marked"));
	EXPECT_EQ(0, inaccessible_stat("conversions"));
}

/*
 * The sink's detector, on a consumer that skips pipe_buf_confirm(): a
 * marked folio that reaches it is a violation.
 */
TEST_F(sim, unconfirmed_consumer_is_caught)
{
	struct iovec iov = { .iov_base = self->anon, .iov_len = self->page };
	int pipefd[2], sink;

	sink = open(INACCESSIBLE_DIR "sink_unconfirmed", O_WRONLY);
	ASSERT_LE(0, sink);
	ASSERT_EQ(0, pipe(pipefd));
	ASSERT_EQ(0, inaccessible_mark(self->anon, self->page));
	ASSERT_EQ(self->page, vmsplice(pipefd[1], &iov, 1, 0));
	ASSERT_EQ(self->page, splice(pipefd[0], NULL, sink, NULL, self->page, 0));

	EXPECT_EQ(1, inaccessible_stat("violations"));
	EXPECT_EQ(0, inaccessible_stat("conversions"));
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
	ASSERT_EQ(0, bind_to_this_cpu());
	hole = mmap(NULL, 3 * page, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	memset(hole, 3, 3 * page);
	ASSERT_EQ(0, munmap(hole + page, page));
	EXPECT_EQ(-EFAULT, inaccessible_mark(hole, 3 * page));
	EXPECT_EQ(1, inaccessible_stat("marked"));

	EXPECT_EQ(-EINVAL, inaccessible_cmd("fail", "garbage"));
	EXPECT_EQ(-EINVAL, inaccessible_cmd("fail", "%#lx 5", (unsigned long)hole));
	EXPECT_EQ(-ENOENT, inaccessible_fail_next(self->anon));
	EXPECT_EQ(-EFAULT, inaccessible_fail_next(hole + page));

	/* KVM imports with a write fault: a read-only mapping cannot be marked. */
	munmap(hole, 3 * page);
	hole = mmap(NULL, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, hole);
	EXPECT_EQ(0, hole[0]);
	EXPECT_EQ(-EFAULT, inaccessible_mark(hole, page));
	munmap(hole, page);
	/* The one mark went with its folio, unmapped above. */
	ASSERT_EQ(0, drain_lru_batches());
	EXPECT_EQ(0, inaccessible_stat("marked"));

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
	/* Small folios only: no anon THP or mTHP here. */
	ASSERT_EQ(0, madvise(hole, 64 * page, MADV_NOHUGEPAGE));
	memset(hole, 4, 64 * page);
	EXPECT_EQ(0, inaccessible_mark(hole + 1, 64 * page - 1));
	EXPECT_EQ(64, inaccessible_stat("marked"));
	munmap(hole, 64 * page);
}

struct writer {
	char *anon;
	size_t page;
	int gup_fd, id, err;
};

/* One of the racing writers: only these outcomes are allowed. */
static void *writer(void *arg)
{
	struct writer *w = arg;
	int round, err;
	long n;

	for (round = 0; round < 200; round++) {
		/* EBUSY: another writer has the folio pinned. */
		err = inaccessible_mark(w->anon, w->page);
		if (err && err != -EBUSY) {
			w->err = 1;
			break;
		}
		err = inaccessible_fail_next(w->anon);
		if (err && err != -ENOENT) {
			w->err = 2;
			break;
		}
		/* A pin fails (0 bytes) when its conversion was made to fail. */
		n = gup(w->gup_fd, PIN_FAST_BENCHMARK, w->anon, w->page);
		if (n != 0 && n != (long)w->page) {
			w->err = 3;
			break;
		}
		if (round % 16 == w->id && inaccessible_clear()) {
			w->err = 4;
			break;
		}
	}
	return NULL;
}

/*
 * Threads of one process racing on mark, fail, pin and clear of one anon
 * folio: errnos only, no splat, and no reference left behind: afterwards
 * the folio can be marked, which needs its reference count to freeze at
 * what its mapping accounts for.
 */
TEST_F(sim, concurrent_writers)
{
	long taint = kernel_tainted();
	struct writer w[4];
	pthread_t t[4];
	int i;

	ASSERT_LE(0, taint);
	for (i = 0; i < 4; i++) {
		w[i] = (struct writer){
			.anon = self->anon,
			.page = self->page,
			.gup_fd = self->gup_fd,
			.id = i,
		};
		ASSERT_EQ(0, pthread_create(&t[i], NULL, writer, &w[i]));
	}
	for (i = 0; i < 4; i++) {
		ASSERT_EQ(0, pthread_join(t[i], NULL));
		EXPECT_EQ(0, w[i].err);
	}
	EXPECT_EQ(0, inaccessible_clear());
	EXPECT_EQ(0, inaccessible_mark(self->anon, self->page));
	EXPECT_EQ(1, inaccessible_stat("marked"));
	/* No warning, no bad page state: the kernel is not tainted by it. */
	EXPECT_EQ(taint, kernel_tainted());
}

TEST_HARNESS_MAIN
