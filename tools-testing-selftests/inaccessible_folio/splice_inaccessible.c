// SPDX-License-Identifier: GPL-2.0
/*
 * Page-cache folios that splice() and sendfile() hand on must be made
 * accessible first (arch_make_folio_accessible(), called from
 * page_cache_pipe_buf_confirm()).  With the inaccessible-folio simulator,
 * mark a page-cache folio, feed the file to the simulator's sink, and
 * check that no folio reached the sink still inaccessible, that the sink
 * got the file's bytes, and that a failed conversion comes back to user
 * space as an error with no byte handed on and no reference left behind.
 * Runs over tmpfs (memfd) and over the filesystem of the test directory
 * (ext4 on the workbench's disk).
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
#include <sys/vfs.h>

#include "../kselftest_harness.h"
#include "inaccessible.h"

#define NR_PAGES	4

/* Does every tmpfs write get a large folio (shmem_enabled always or force)? */
static bool shmem_thp_always(void)
{
	char buf[128] = "";
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/shmem_enabled", "r");

	if (!f)
		return false;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return strstr(buf, "[always]") || strstr(buf, "[force]");
}

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
		SKIP(return, "shmem THP is on (shmem_enabled): tmpfs folios are large");
	for (i = 0; i < NR_PAGES; i++)
		ASSERT_EQ(self->page, write(self->fd, self->data + i * self->page, self->page));
	/* Clean before marking: writeback must not convert the folios first. */
	ASSERT_EQ(0, fsync(self->fd));

	self->map = mmap(NULL, self->size, PROT_READ, MAP_SHARED, self->fd, 0);
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

/* Every folio reached the sink accessible, and the sink got the file. */
static void expect_handed_on_accessible(struct __test_metadata *_metadata,
					const unsigned char *data, size_t size)
{
	EXPECT_EQ(0, inaccessible_stat("violations"));
	EXPECT_EQ(0, inaccessible_stat("marked"));
	EXPECT_EQ(size, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(crc32_le(0, data, size), (uint32_t)inaccessible_stat("sink_crc32"));
}

TEST_F(splice, sendfile)
{
	off_t off = 0;

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
	for (done = 0; done < self->size; done += n) {
		n = splice(self->fd, &off, pipefd[1], NULL, self->page, 0);
		ASSERT_EQ(self->page, n);
		ASSERT_EQ(n, splice(pipefd[0], NULL, self->sink, NULL, n, 0));
	}
	expect_handed_on_accessible(_metadata, self->data, self->size);
	close(pipefd[0]);
	close(pipefd[1]);
}

/*
 * From the "marks" file: the pfn of the mark with an error pending
 * (want_pfn == 0), or the refcount of the mark at want_pfn; -1 if none.
 */
static long marks_lookup(unsigned long want_pfn)
{
	FILE *f = fopen(INACCESSIBLE_DIR "marks", "r");
	unsigned long pfn;
	long found = -1;
	int ref, err;

	if (!f)
		return -1;
	while (found < 0 && fscanf(f, "%lx %d %d", &pfn, &ref, &err) == 3) {
		if (!want_pfn && err)
			found = pfn;
		else if (want_pfn && pfn == want_pfn)
			found = ref;
	}
	fclose(f);
	return found;
}

TEST_F(splice, injected_error_reaches_user_space)
{
	long pfn, ref, after;
	off_t off = 0;
	int i;

	ASSERT_EQ(0, inaccessible_fail_next(self->map, EIO));
	pfn = marks_lookup(0);
	ASSERT_LT(0, pfn);
	ref = marks_lookup(pfn);
	ASSERT_LT(0, ref);

	/* Twice, so that a leaked reference shows through an LRU drain. */
	for (i = 0; i < 2; i++) {
		if (i)
			ASSERT_EQ(0, inaccessible_fail_next(self->map, EIO));
		EXPECT_EQ(-1, sendfile(self->sink, self->fd, &off, self->size));
		EXPECT_EQ(EIO, errno);
	}
	EXPECT_EQ(0, off);
	EXPECT_EQ(0, inaccessible_stat("sink_bytes"));
	EXPECT_EQ(0, inaccessible_stat("violations"));
	EXPECT_EQ(2, inaccessible_stat("failures"));
	/*
	 * The pipe let go of the folio: no reference is left behind.  Each
	 * leak would add one; a drain of the per-CPU LRU batch the written
	 * folio sat in takes at most one away meanwhile.
	 */
	after = marks_lookup(pfn);
	ASSERT_LT(0, after);
	EXPECT_GE(ref, after);
}

TEST_HARNESS_MAIN
