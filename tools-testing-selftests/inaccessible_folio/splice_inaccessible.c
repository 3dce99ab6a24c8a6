// SPDX-License-Identifier: GPL-2.0
/*
 * Folios that splice(), sendfile() and vmsplice() put in a pipe must be made
 * accessible before a consumer hands them on (arch_make_folio_accessible(),
 * called from the pipe buffers' ->confirm).  With the inaccessible-folio
 * simulator, mark page-cache folios, feed them to the simulator's sink from
 * the file or, with vmsplice(), from a mapping of it, and check that no
 * folio reached the sink still inaccessible, that the sink got the file's
 * bytes, and that a failed conversion comes back to user space as an error
 * with no byte handed on and no reference left behind.  Runs over tmpfs
 * (memfd) and over the filesystem of the test directory (ext4 on the
 * workbench's disk).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/uio.h>
#include <sys/vfs.h>

#include "../kselftest_harness.h"
#include "inaccessible.h"

#define NR_PAGES	4

FIXTURE(splice)
{
	size_t page, size;
	unsigned char *data;
	char *map;
	int fd, sink;
};

FIXTURE_VARIANT(splice)
{
	int memfd;	/* tmpfs through memfd_create(), or a file in "." */
};

FIXTURE_VARIANT_ADD(splice, tmpfs)
{
	.memfd = 1,
};

FIXTURE_VARIANT_ADD(splice, local_file)
{
	.memfd = 0,
};

FIXTURE_SETUP(splice)
{
	char name[] = "splice_inaccessible.XXXXXX";
	struct statfs fs;
	size_t i;

	self->fd = -1;
	self->sink = -1;
	self->map = MAP_FAILED;
	self->data = NULL;
	if (!inaccessible_available())
		SKIP(return, "no %s (CONFIG_INACCESSIBLE_FOLIO_INJECT)", INACCESSIBLE_DIR);
	ASSERT_EQ(0, inaccessible_clear());
	self->page = getpagesize();
	self->size = NR_PAGES * self->page;

	if (variant->memfd) {
		self->fd = memfd_create("splice_inaccessible", 0);
		ASSERT_LE(0, self->fd);
	} else {
		self->fd = mkstemp(name);
		ASSERT_LE(0, self->fd);
		unlink(name);
		ASSERT_EQ(0, fstatfs(self->fd, &fs));
		if (!disk_filesystem(fs.f_type))
			SKIP(return, "needs ext4, xfs or btrfs in the test directory");
	}

	self->data = malloc(self->size);
	ASSERT_NE(NULL, self->data);
	for (i = 0; i < self->size; i++)
		self->data[i] = i * 7 + i / self->page;
	/*
	 * Only small folios can be marked, as only those can be secure on
	 * s390.  A page a write: ext4 and xfs give a larger write a large
	 * folio.  tmpfs gives every write one when shmem THP is on.
	 */
	if (variant->memfd && shmem_thp_always())
		SKIP(return, "shmem THP or mTHP is always on: tmpfs folios are large");
	for (i = 0; i < NR_PAGES; i++)
		ASSERT_EQ(self->page, write(self->fd, self->data + i * self->page, self->page));
	ASSERT_EQ(0, fsync(self->fd));

	/*
	 * Writable: marking faults a folio in for writing, as KVM's import,
	 * which dirties it.  The flusher writes it back, and so converts it,
	 * no earlier than dirty_expire_centisecs (30 s by default) later:
	 * each case checks first that nothing is converted yet, so that
	 * writeback's conversion cannot pass for the one under test.
	 */
	self->map = mmap(NULL, self->size, PROT_READ | PROT_WRITE, MAP_SHARED,
			 self->fd, 0);
	ASSERT_NE(MAP_FAILED, self->map);
	ASSERT_EQ(0, inaccessible_mark(self->map, self->size));
	ASSERT_EQ(NR_PAGES, inaccessible_stat("marked"));

	self->sink = open(INACCESSIBLE_DIR "sink", O_WRONLY);
	ASSERT_LE(0, self->sink);
}

FIXTURE_TEARDOWN(splice)
{
	if (self->sink >= 0)
		close(self->sink);
	if (self->map != MAP_FAILED)
		munmap(self->map, self->size);
	if (self->fd >= 0)
		close(self->fd);
	free(self->data);
	EXPECT_EQ(0, inaccessible_clear());
}

/* Nothing converted the folios since the fixture marked them. */
static void assert_all_marked(struct __test_metadata *_metadata)
{
	ASSERT_EQ(NR_PAGES, inaccessible_stat("marked"));
	ASSERT_EQ(0, inaccessible_stat("conversions"));
}

/* Every folio reached the sink accessible, and the sink got the file. */
static void expect_handed_on_accessible(struct __test_metadata *_metadata,
					const unsigned char *data, size_t size)
{
	EXPECT_EQ(0, inaccessible_stat("violations"));
	EXPECT_EQ(NR_PAGES, inaccessible_stat("conversions"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
	EXPECT_EQ(size, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(crc32_le(0, data, size), (uint32_t)inaccessible_stat("sink_crc32"));
}

TEST_F(splice, sendfile)
{
	off_t off = 0;

	assert_all_marked(_metadata);
	ASSERT_EQ(self->size, sendfile(self->sink, self->fd, &off, self->size));
	expect_handed_on_accessible(_metadata, self->data, self->size);
}

TEST_F(splice, splice_through_pipe)
{
	loff_t off = 0;
	int pipefd[2];
	size_t done;
	ssize_t n;

	ASSERT_EQ(0, pipe(pipefd));
	assert_all_marked(_metadata);
	for (done = 0; done < self->size; done += n) {
		n = splice(self->fd, &off, pipefd[1], NULL, self->page, 0);
		ASSERT_EQ(self->page, n);
		ASSERT_EQ(n, splice(pipefd[0], NULL, self->sink, NULL, n, 0));
	}
	expect_handed_on_accessible(_metadata, self->data, self->size);
	close(pipefd[0]);
	close(pipefd[1]);
}

/* User pages: vmsplice() takes them with FOLL_GET, which does not convert. */
TEST_F(splice, vmsplice_of_mapping)
{
	struct iovec iov;
	int pipefd[2];
	size_t i;

	ASSERT_EQ(0, pipe(pipefd));
	assert_all_marked(_metadata);
	for (i = 0; i < NR_PAGES; i++) {
		iov.iov_base = self->map + i * self->page;
		iov.iov_len = self->page;
		ASSERT_EQ(self->page, vmsplice(pipefd[1], &iov, 1, 0));
		ASSERT_EQ(self->page, splice(pipefd[0], NULL, self->sink, NULL,
					     self->page, 0));
	}
	expect_handed_on_accessible(_metadata, self->data, self->size);
	close(pipefd[0]);
	close(pipefd[1]);
}

TEST_F(splice, injected_error_reaches_user_space)
{
	off_t off = 0;
	int i;

	assert_all_marked(_metadata);
	/* Twice: the first failure must not have used up the second. */
	for (i = 0; i < 2; i++) {
		ASSERT_EQ(0, inaccessible_fail_next(self->map));
		EXPECT_EQ(-1, sendfile(self->sink, self->fd, &off, self->size));
		EXPECT_EQ(EINVAL, errno);
	}
	EXPECT_EQ(0, off);
	EXPECT_EQ(0, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(0, inaccessible_stat("violations"));
	EXPECT_EQ(2, inaccessible_stat("failures"));
	EXPECT_EQ(NR_PAGES, inaccessible_stat("marked"));
	/*
	 * The pipe let go of the folios it held: they can be marked again,
	 * which needs their reference counts to freeze at what the page cache
	 * and the mapping account for.  A reference left behind would make it
	 * EBUSY.
	 */
	ASSERT_EQ(0, inaccessible_clear());
	EXPECT_EQ(0, inaccessible_mark(self->map, self->size));
	EXPECT_EQ(NR_PAGES, inaccessible_stat("marked"));
}

TEST_HARNESS_MAIN
