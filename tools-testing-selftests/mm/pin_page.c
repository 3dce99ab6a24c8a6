// SPDX-License-Identifier: GPL-2.0-only
/*
 * pin_page(): a FOLL_PIN pin taken on a page found without a user address
 * (gup_test's PIN_PAGE_TEST looks the pages up, drops to struct page and
 * pins them through pin_page()), over every backing, against what
 * pin_user_pages() allows for the same page.
 *
 * The file cases need a file system that does writeback in the current
 * directory (the workbench runs it on ext4); a movable zone (movablecore=
 * on the kernel command line) makes longterm.movable run.  The pin
 * counters it checks (/proc/vmstat) are system-wide: nothing else may take
 * or release FOLL_PIN pins while it runs.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <pthread.h>
#include <sched.h>
#include <linux/magic.h>
#include <linux/memfd.h>

#include "../../../../mm/gup_test.h"
#include "kselftest.h"
#include "vm_util.h"
#include "hugepage_settings.h"

#define NR_PAGES	16

static size_t pagesize;
static int gup_fd;

/* The pin counters of /proc/vmstat. */
struct pins {
	unsigned long acquired;
	unsigned long released;
};

/*
 * The counters are per-CPU until folded: stat_refresh folds them, so that
 * /proc/vmstat has every pin taken and released so far.
 */
static bool read_pins(struct pins *p)
{
	int refresh = open("/proc/sys/vm/stat_refresh", O_WRONLY);
	char name[64];
	unsigned long value;
	int found = 0;
	FILE *f;

	if (refresh < 0 || write(refresh, "1", 1) != 1)
		ksft_exit_fail_msg("/proc/sys/vm/stat_refresh: %s\n", strerror(errno));
	close(refresh);
	f = fopen("/proc/vmstat", "r");
	if (!f)
		return false;
	while (fscanf(f, "%63s %lu", name, &value) == 2) {
		if (!strcmp(name, "nr_foll_pin_acquired")) {
			p->acquired = value;
			found++;
		} else if (!strcmp(name, "nr_foll_pin_released")) {
			p->released = value;
			found++;
		}
	}
	fclose(f);
	return found == 2;
}

/*
 * pin_pages() - PIN_PAGE_TEST over [addr, addr + size), or over the page
 * cache of @fd at offset @addr when @fd >= 0.  Returns the ioctl's result
 * (0 or -errno); *out has the counts.  The pin counters must have moved
 * by the same amount, and by the number of pages pinned.
 */
static int pin_pages(int fd, uintptr_t addr, size_t size, unsigned int flags,
		     struct pin_page_test *out, bool *balanced)
{
	struct pins before, after;
	int ret;

	memset(out, 0, sizeof(*out));
	out->addr = addr;
	out->size = size;
	out->fd = fd;
	out->flags = flags;
	if (!read_pins(&before))
		ksft_exit_fail_msg("no pin counters in /proc/vmstat\n");
	ret = ioctl(gup_fd, PIN_PAGE_TEST, out) ? -errno : 0;
	if (!read_pins(&after))
		ksft_exit_fail_msg("no pin counters in /proc/vmstat\n");
	*balanced = after.acquired - before.acquired ==
		    after.released - before.released &&
		    (ret || after.acquired - before.acquired == out->nr_pinned);
	if (!*balanced)
		ksft_print_msg("pins acquired %lu, released %lu, pinned %u\n",
			       after.acquired - before.acquired,
			       after.released - before.released, out->nr_pinned);
	return ret;
}

#define R	0
#define W	PIN_PAGE_TEST_FLAG_WRITE
#define LT	PIN_PAGE_TEST_FLAG_LONGTERM

/*
 * expect() - one pin call, and what it must give: every page pinned, or
 * every page refused with @want_error; with LT, whatever the call, every
 * page whose folio may not be pinned long-term refused with -EBUSY, and
 * no other.
 */
static bool expect(const char *what, int fd, void *addr, size_t size,
		   unsigned int flags, int want_error)
{
	struct pin_page_test t;
	unsigned int busy;
	bool balanced;
	int ret;

	ret = pin_pages(fd, (uintptr_t)addr, size, flags, &t, &balanced);
	if (ret) {
		ksft_print_msg("%s: PIN_PAGE_TEST failed (%s)\n", what, strerror(-ret));
		return false;
	}
	if (t.nr_lost) {
		ksft_print_msg("%s: %u pages pinned but not seen pinned\n", what, t.nr_lost);
		return false;
	}
	busy = flags & LT ? t.nr_unpinnable : 0;
	if (t.nr_busy != busy) {
		ksft_print_msg("%s: %u pages refused -EBUSY, want %u (not long-term pinnable)\n",
			       what, t.nr_busy, busy);
		return false;
	}
	if (want_error) {
		if (t.nr_pinned || t.nr_zero || t.nr_refused + busy != size / pagesize ||
		    (t.nr_refused && t.error != want_error)) {
			ksft_print_msg("%s: want %s and no pin, got %s, %u pinned\n", what,
				       strerror(-want_error), strerror(-t.error),
				       t.nr_pinned + t.nr_zero);
			return false;
		}
	} else if (t.error || t.nr_pinned + t.nr_zero + busy != size / pagesize) {
		ksft_print_msg("%s: want every page pinned, got %s, %u pinned, %u zero\n",
			       what, strerror(-t.error), t.nr_pinned, t.nr_zero);
		return false;
	}
	return balanced;
}

static void *map(int fd, int prot, int flags)
{
	void *p = mmap(NULL, NR_PAGES * pagesize, prot, flags, fd, 0);

	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap() failed (%s)\n", strerror(errno));
	return p;
}

static void *map_huge(int fd, size_t size)
{
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap() failed (%s)\n", strerror(errno));
	return p;
}

static void test_anon_private(void)
{
	char *p = map(-1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	bool ok;

	memset(p, 1, NR_PAGES * pagesize);
	ok = expect("read", -1, p, NR_PAGES * pagesize, R, 0) &&
	     expect("write", -1, p, NR_PAGES * pagesize, W, 0);
	mprotect(p, NR_PAGES * pagesize, PROT_READ);
	ok = ok && expect("write, mapped read-only", -1, p, NR_PAGES * pagesize, W, -EFAULT) &&
	     expect("read, mapped read-only", -1, p, NR_PAGES * pagesize, R, 0);
	munmap(p, NR_PAGES * pagesize);
	ksft_test_result(ok, "anon.private\n");
}

static void test_anon_zero_page(void)
{
	char *p = map(-1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	struct pin_page_test t;
	bool balanced, ok;
	size_t i;

	/* Read faults map the zero page. */
	for (i = 0; i < NR_PAGES * pagesize; i += pagesize)
		FORCE_READ(p[i]);
	ok = pin_pages(-1, (uintptr_t)p, NR_PAGES * pagesize, R, &t, &balanced) == 0 &&
	     balanced && t.nr_zero == NR_PAGES && !t.nr_pinned;
	if (!ok)
		ksft_print_msg("zero page, read: %s, %u zero, %u pinned\n",
			       strerror(-t.error), t.nr_zero, t.nr_pinned);
	ok = ok && expect("zero page, write", -1, p, NR_PAGES * pagesize, W, -EFAULT);
	munmap(p, NR_PAGES * pagesize);
	ksft_test_result(ok, "anon.zero_page\n");
}

/* A child that shares the parent's memory until *release is closed. */
static pid_t fork_holder(int *release)
{
	int pipefd[2];
	pid_t pid;

	if (pipe(pipefd))
		ksft_exit_fail_msg("pipe() failed (%s)\n", strerror(errno));
	pid = fork();
	if (pid < 0)
		ksft_exit_fail_msg("fork() failed (%s)\n", strerror(errno));
	if (!pid) {
		char c;

		close(pipefd[1]);
		while (read(pipefd[0], &c, 1) < 0 && errno == EINTR)
			;
		_exit(0);
	}
	close(pipefd[0]);
	*release = pipefd[1];
	return pid;
}

static void end_holder(pid_t pid, int release)
{
	int status;

	close(release);
	waitpid(pid, &status, 0);
}

static void test_anon_after_fork(void)
{
	char *p = map(-1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	int release;
	bool ok;
	pid_t pid;

	memset(p, 1, NR_PAGES * pagesize);
	pid = fork_holder(&release);
	/* Shared with the child: no pin, read or write, as GUP would unshare. */
	ok = expect("read, shared with a child", -1, p, NR_PAGES * pagesize, R, -EFAULT) &&
	     expect("write, shared with a child", -1, p, NR_PAGES * pagesize, W, -EFAULT);
	end_holder(pid, release);
	/* A write fault makes the pages exclusive to the parent again. */
	memset(p, 2, NR_PAGES * pagesize);
	ok = ok && expect("write, exclusive again", -1, p, NR_PAGES * pagesize, W, 0);
	munmap(p, NR_PAGES * pagesize);
	ksft_test_result(ok, "anon.after_fork\n");
}

static int local_file(void)
{
	char path[] = "pin_page_XXXXXX";
	int fd = mkstemp(path);

	if (fd < 0)
		ksft_exit_fail_msg("mkstemp() failed (%s)\n", strerror(errno));
	unlink(path);
	if (ftruncate(fd, NR_PAGES * pagesize))
		ksft_exit_fail_msg("ftruncate() failed (%s)\n", strerror(errno));
	return fd;
}

/* Whether the current directory is on a file system that does writeback. */
static bool cwd_does_writeback(const char *test)
{
	struct statfs fs;

	if (statfs(".", &fs))
		ksft_exit_fail_msg("statfs(.) failed (%s)\n", strerror(errno));
	if (fs.f_type == TMPFS_MAGIC || fs.f_type == RAMFS_MAGIC ||
	    fs.f_type == HUGETLBFS_MAGIC) {
		ksft_test_result_skip("%s: the current directory has no writeback\n", test);
		return false;
	}
	return true;
}

/* A file system that does writeback: ext4, the scratch disk of the run. */
static void test_local_file(void)
{
	size_t size = NR_PAGES * pagesize;
	char *buf, *p;
	bool ok;
	int fd;

	if (!cwd_does_writeback("file.local"))
		return;
	fd = local_file();
	buf = malloc(size);
	if (!buf)
		ksft_exit_fail_msg("out of memory\n");

	memset(buf, 1, size);
	if (pwrite(fd, buf, size, 0) != (ssize_t)size)
		ksft_exit_fail_msg("pwrite() failed (%s)\n", strerror(errno));
	free(buf);

	/* Not mapped: read yes, write only after ->page_mkwrite(). */
	ok = expect("not mapped, read", fd, 0, size, R, 0) &&
	     expect("not mapped, write", fd, 0, size, W, -EFAULT);

	p = map(fd, PROT_READ, MAP_SHARED);
	ok = ok && expect("mapped read-only, write", -1, p, size, W, -EFAULT) &&
	     expect("mapped read-only, read", -1, p, size, R, 0);
	munmap(p, size);

	p = map(fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	memset(p, 2, size);
	ok = ok && expect("mapped writable, write", -1, p, size, W, 0) &&
	     expect("mapped writable, write, from the page cache", fd, 0, size, W, 0) &&
	     expect("mapped writable, long-term write", -1, p, size, W | LT, -EFAULT);
	/* Writeback write-protects: the file system must be told again. */
	fsync(fd);
	ok = ok && expect("after fsync, write", fd, 0, size, W, -EFAULT);
	memset(p, 3, size);
	ok = ok && expect("written again, write", fd, 0, size, W, 0);
	munmap(p, size);
	close(fd);
	ksft_test_result(ok, "file.local\n");
}

/*
 * shmem does no writeback, but a write pin still needs what a write fault
 * leaves: a writable PTE in a shared mapping (not a private mapping of the
 * page cache, which a write would copy).
 */
static bool shmem_file(int fd)
{
	size_t size = NR_PAGES * pagesize, i;
	bool ok;
	char *p;

	if (ftruncate(fd, size))
		ksft_exit_fail_msg("ftruncate() failed (%s)\n", strerror(errno));
	p = map(fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	memset(p, 1, size);
	ok = expect("mapped writable, write", -1, p, size, W, 0) &&
	     expect("mapped writable, long-term write", -1, p, size, W | LT, 0) &&
	     expect("mapped writable, write, from the page cache", fd, 0, size, W, 0);
	munmap(p, size);
	ok = ok && expect("not mapped, read", fd, 0, size, R, 0) &&
	     expect("not mapped, write", fd, 0, size, W, -EFAULT);

	p = map(fd, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	for (i = 0; i < size; i += pagesize)
		FORCE_READ(p[i]);
	ok = ok && expect("mapped private, read", -1, p, size, R, 0) &&
	     expect("mapped private, write", -1, p, size, W, -EFAULT);
	munmap(p, size);
	return ok;
}

static void test_memfd(void)
{
	int fd = memfd_create("pin_page", 0);

	if (fd < 0)
		ksft_exit_fail_msg("memfd_create() failed (%s)\n", strerror(errno));
	ksft_test_result(shmem_file(fd), "file.memfd\n");
	close(fd);
}

/* fallocate()d shmem is not uptodate: shmem clears it on first use. */
static void test_memfd_fallocated(void)
{
	int fd = memfd_create("pin_page", 0);
	size_t size = NR_PAGES * pagesize;
	bool ok;

	if (fd < 0 || fallocate(fd, 0, 0, size))
		ksft_exit_fail_msg("memfd fallocate() failed (%s)\n", strerror(errno));
	ok = expect("not uptodate, read", fd, 0, size, R, -EIO) &&
	     expect("not uptodate, write", fd, 0, size, W, -EIO);
	close(fd);
	ksft_test_result(ok, "file.memfd_fallocated\n");
}

/* A tmpfs file: in /dev/shm or /tmp, whichever is tmpfs. */
static void test_tmpfs_file(void)
{
	static const char * const dirs[] = { "/dev/shm", "/tmp" };
	char path[64];
	struct statfs fs;
	unsigned int i;
	int fd;

	for (i = 0; i < ARRAY_SIZE(dirs); i++)
		if (!statfs(dirs[i], &fs) && fs.f_type == TMPFS_MAGIC)
			break;
	if (i == ARRAY_SIZE(dirs)) {
		ksft_test_result_skip("file.tmpfs: neither /dev/shm nor /tmp is tmpfs\n");
		return;
	}
	snprintf(path, sizeof(path), "%s/pin_page_XXXXXX", dirs[i]);
	fd = mkstemp(path);
	if (fd < 0)
		ksft_exit_fail_msg("mkstemp(%s) failed (%s)\n", path, strerror(errno));
	unlink(path);
	ksft_test_result(shmem_file(fd), "file.tmpfs\n");
	close(fd);
}

/* A PMD-mapped THP: exclusivity is the head page's. */
static void test_thp(void)
{
	size_t thp = read_pmd_pagesize();
	char *mem, *p;
	int release;
	bool ok;
	pid_t pid;

	if (!thp) {
		ksft_test_result_skip("anon.thp: no THP\n");
		return;
	}
	mem = mmap(NULL, 2 * thp, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		ksft_exit_fail_msg("mmap() failed (%s)\n", strerror(errno));
	p = (char *)(((uintptr_t)mem + thp - 1) & ~(thp - 1));
	madvise(p, thp, MADV_HUGEPAGE);
	memset(p, 1, thp);
	if (!check_huge_anon(p, thp, 1, thp)) {
		munmap(mem, 2 * thp);
		ksft_test_result_skip("anon.thp: no THP allocated\n");
		return;
	}
	ok = expect("read", -1, p, thp, R, 0) && expect("write", -1, p, thp, W, 0);
	pid = fork_holder(&release);
	ok = ok && expect("read, shared with a child", -1, p, thp, R, -EFAULT) &&
	     expect("write, shared with a child", -1, p, thp, W, -EFAULT);
	end_holder(pid, release);
	munmap(mem, 2 * thp);
	ksft_test_result(ok, "anon.thp\n");
}

static unsigned long nr_hugepages_before = -1UL;

/* At least @nr huge pages of the default size, or false. */
static bool reserve_hugepages(unsigned long nr)
{
	unsigned long now;
	FILE *f = fopen("/proc/sys/vm/nr_hugepages", "r+");

	if (!f)
		return false;
	if (fscanf(f, "%lu", &now) != 1) {
		fclose(f);
		return false;
	}
	if (nr_hugepages_before == -1UL)
		nr_hugepages_before = now;
	if (now < nr) {
		rewind(f);
		fprintf(f, "%lu\n", nr);
	}
	fclose(f);
	f = fopen("/proc/sys/vm/nr_hugepages", "r");
	if (!f || fscanf(f, "%lu", &now) != 1)
		now = 0;
	if (f)
		fclose(f);
	return now >= nr;
}

static void restore_hugepages(void)
{
	FILE *f;

	if (nr_hugepages_before == -1UL)
		return;
	f = fopen("/proc/sys/vm/nr_hugepages", "w");
	if (f) {
		fprintf(f, "%lu\n", nr_hugepages_before);
		fclose(f);
	}
}

/* hugetlb, private (anon) and shared (hugetlbfs: no writeback). */
static void test_hugetlb(void)
{
	size_t huge = default_huge_page_size();
	int fd, release;
	char *p;
	bool ok;
	pid_t pid;

	if (!huge || !reserve_hugepages(2)) {
		ksft_test_result_skip("hugetlb: no huge pages\n");
		return;
	}
	p = mmap(NULL, huge, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);
	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap(MAP_HUGETLB) failed (%s)\n", strerror(errno));
	memset(p, 1, huge);
	ok = expect("private, read", -1, p, huge, R, 0) &&
	     expect("private, write", -1, p, huge, W, 0);
	pid = fork_holder(&release);
	ok = ok && expect("private, shared with a child", -1, p, huge, R, -EFAULT);
	end_holder(pid, release);
	munmap(p, huge);

	fd = memfd_create("pin_page", MFD_HUGETLB);
	if (fd < 0 || ftruncate(fd, huge))
		ksft_exit_fail_msg("memfd_create(MFD_HUGETLB) failed (%s)\n", strerror(errno));
	p = map_huge(fd, huge);
	memset(p, 1, huge);
	ok = ok && expect("shared, write", -1, p, huge, W, 0) &&
	     expect("shared, long-term write", -1, p, huge, W | LT, 0);
	munmap(p, huge);
	close(fd);
	ksft_test_result(ok, "hugetlb\n");
}

/*
 * Writeback against pin_page(): one thread dirties a page of an ext4 file
 * through a shared mapping (->page_mkwrite, a writable PTE), one cleans it
 * (fsync: folio_mkclean() under the folio lock), and the test pins the page
 * for writing from the page cache, round after round.  A pin may be refused
 * (cleaned) or taken (written again); what must never happen is a writable
 * pin on a cleaned folio, which pin_page() asserts under DEBUG_VM and the
 * run's splat check reports.
 */
static bool race_over;
static char *race_map;
static unsigned long race_writes;
static int race_fd;

static void *race_writer(void *arg)
{
	unsigned char n = 0;

	while (!__atomic_load_n(&race_over, __ATOMIC_RELAXED)) {
		__atomic_store_n(&race_map[0], n++, __ATOMIC_RELAXED);
		__atomic_add_fetch(&race_writes, 1, __ATOMIC_RELEASE);
	}
	return NULL;
}

static void *race_cleaner(void *arg)
{
	while (!__atomic_load_n(&race_over, __ATOMIC_RELAXED))
		fsync(race_fd);
	return NULL;
}

#define TAINTED		"/proc/sys/kernel/tainted"
#define TAINT_WARN	9	/* W: a WARN() splat */

static unsigned long kernel_taint(void)
{
	FILE *f = fopen(TAINTED, "r");
	unsigned long taint = 0;

	if (!f || fscanf(f, "%lu", &taint) != 1)
		ksft_exit_fail_msg("%s unreadable\n", TAINTED);
	fclose(f);
	return taint;
}

/*
 * Write pins of an ext4 folio against writeback of it: one thread keeps
 * dirtying it through a shared mapping, another keeps cleaning it (fsync),
 * the test pins and unpins it from the page cache after each write.  Each
 * pin must either
 * find the writable mapping that a fault since the last clean made
 * (pinned) or find none (-EFAULT); pin_page() warns (CONFIG_DEBUG_VM)
 * where it would pin a folio that writeback cleaned after the check,
 * which a warning taint shows.  PIN_PAGE_RACE_ROUNDS sets the rounds.
 */
static void test_race_writeback(void)
{
	const char *env = getenv("PIN_PAGE_RACE_ROUNDS");
	unsigned long rounds = env ? strtoul(env, NULL, 0) : 1000, i;
	unsigned long pinned = 0, refused = 0, taint;
	pthread_t writer, cleaner;
	struct pins before, after;
	bool ok = true;

	if (!cwd_does_writeback("race.writeback"))
		return;
	race_fd = local_file();
	race_map = map(race_fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	race_map[0] = 1;
	race_over = false;
	taint = kernel_taint();
	if (!read_pins(&before))
		ksft_exit_fail_msg("no pin counters in /proc/vmstat\n");
	if (pthread_create(&writer, NULL, race_writer, NULL) ||
	    pthread_create(&cleaner, NULL, race_cleaner, NULL))
		ksft_exit_fail_msg("pthread_create() failed\n");
	for (i = 0; ok && i < rounds; i++) {
		unsigned long writes = __atomic_load_n(&race_writes, __ATOMIC_ACQUIRE);
		struct pin_page_test t = {
			.size = pagesize, .fd = race_fd, .flags = W,
		};

		while (__atomic_load_n(&race_writes, __ATOMIC_ACQUIRE) == writes)
			sched_yield();
		if (ioctl(gup_fd, PIN_PAGE_TEST, &t)) {
			ksft_print_msg("PIN_PAGE_TEST failed (%s)\n", strerror(errno));
			ok = false;
		} else if (t.nr_pinned == 1) {
			pinned++;
		} else if (t.error == -EFAULT) {
			refused++;
		} else {
			ksft_print_msg("round %lu: %s, %u pinned, %u lost\n", i,
				       strerror(-t.error), t.nr_pinned, t.nr_lost);
			ok = false;
		}
	}
	__atomic_store_n(&race_over, true, __ATOMIC_RELAXED);
	pthread_join(writer, NULL);
	pthread_join(cleaner, NULL);
	if (!read_pins(&after))
		ksft_exit_fail_msg("no pin counters in /proc/vmstat\n");
	munmap(race_map, NR_PAGES * pagesize);
	close(race_fd);
	ksft_print_msg("%lu rounds: %lu pinned, %lu refused (cleaned)\n",
		       i, pinned, refused);
	if (after.acquired - before.acquired != pinned ||
	    after.released - before.released != pinned) {
		ksft_print_msg("pins acquired %lu, released %lu, pinned %lu\n",
			       after.acquired - before.acquired,
			       after.released - before.released, pinned);
		ok = false;
	}
	if ((kernel_taint() & ~taint) >> TAINT_WARN & 1) {
		ksft_print_msg("the kernel warned (see its log)\n");
		ok = false;
	}
	/* Both outcomes, or the writer and the cleaner did not race. */
	if (ok && (!pinned || !refused))
		ksft_test_result_skip("race.writeback: the writer and fsync() did not race\n");
	else
		ksft_test_result(ok, "race.writeback\n");
}

/*
 * Al Viro's question: writeback locks a folio, write-protects its mappings
 * (folio_mkclean()) and relies on no pin appearing until it unlocks.
 * FOLIO_LOCKED_TEST does that for LOCK_HOLD_USEC; a quarter of the way in,
 * another thread pins the folio from the page cache and keeps the pin
 * twice as long, so that a pin taken under the lock is seen there.  A read
 * pin must wait for the unlock; a write pin must then be refused, as the
 * mapping was write-protected and nothing wrote the folio since.  (The
 * read rounds are what show the lock: a write pin tried under it finds the
 * mapping write-protected with or without the lock.)
 */
#define LOCK_ROUNDS	6
#define LOCK_HOLD_USEC	200000

static int lock_round = -1;
static struct pin_page_test lock_pin;

static void *lock_pinner(void *arg)
{
	int round;

	for (round = 0; round < LOCK_ROUNDS; round++) {
		struct pin_page_test t = {
			.size = pagesize, .fd = race_fd,
			.flags = round & 1 ? W : 0,
			.hold_usec = 2 * LOCK_HOLD_USEC,
		};

		while (__atomic_load_n(&lock_round, __ATOMIC_ACQUIRE) != round)
			sched_yield();
		usleep(LOCK_HOLD_USEC / 4);
		if (ioctl(gup_fd, PIN_PAGE_TEST, &t))
			t.error = -errno;
		lock_pin = t;
		__atomic_store_n(&lock_round, -1, __ATOMIC_RELEASE);
	}
	return NULL;
}

static void test_race_folio_lock(void)
{
	struct folio_locked_test l = { .hold_usec = LOCK_HOLD_USEC };
	unsigned long appeared = 0;
	pthread_t pinner;
	bool ok = true;
	int i;

	if (!cwd_does_writeback("race.folio_lock"))
		return;
	race_fd = local_file();
	race_map = map(race_fd, PROT_READ | PROT_WRITE, MAP_SHARED);
	race_map[0] = 1;
	l.addr = (uintptr_t)race_map;
	if (pthread_create(&pinner, NULL, lock_pinner, NULL))
		ksft_exit_fail_msg("pthread_create() failed\n");
	for (i = 0; i < LOCK_ROUNDS; i++) {
		bool write = i & 1;

		__atomic_store_n(&lock_round, i, __ATOMIC_RELEASE);
		if (ioctl(gup_fd, FOLIO_LOCKED_TEST, &l))
			ksft_exit_fail_msg("FOLIO_LOCKED_TEST failed (%s)\n", strerror(errno));
		while (__atomic_load_n(&lock_round, __ATOMIC_ACQUIRE) != -1)
			sched_yield();
		appeared += l.nr_appeared;
		if (write ? lock_pin.nr_pinned || lock_pin.error != -EFAULT :
			    lock_pin.nr_pinned != 1) {
			ksft_print_msg("round %d: %s pin %s, %u pinned\n", i,
				       write ? "write" : "read",
				       lock_pin.error ? strerror(-lock_pin.error) : "taken",
				       lock_pin.nr_pinned);
			ok = false;
		}
	}
	pthread_join(pinner, NULL);
	ksft_print_msg("%d holds of the folio lock: %lu pins appeared under it\n",
		       i, appeared);
	if (appeared)
		ok = false;
	race_map[0] = 2;
	ok = ok && expect("write, written again", race_fd, NULL, pagesize, W, 0);
	munmap(race_map, NR_PAGES * pagesize);
	close(race_fd);
	ksft_test_result(ok, "race.folio_lock\n");
}

/*
 * Pages of a movable zone (or CMA) may not be pinned long-term, and with no
 * user address pin_page() cannot migrate them: every such page refused with
 * -EBUSY, every other pinned.  Anonymous memory comes from the movable zone
 * first while it has free pages: drop the page cache to give it some; with
 * a movable zone smaller than the mapping (the workbench boots with
 * movablecore=32M), the rest comes from the normal zone.
 */
static void test_longterm_movable(void)
{
	size_t size = 64 << 20;	/* PIN_PAGE_TEST's most */
	struct pin_page_test t;
	bool balanced, ok;
	int drop, ret;
	char *p;

	drop = open("/proc/sys/vm/drop_caches", O_WRONLY);
	if (drop < 0 || write(drop, "3", 1) != 1)
		ksft_exit_fail_msg("/proc/sys/vm/drop_caches: %s\n", strerror(errno));
	close(drop);
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		ksft_exit_fail_msg("mmap() failed (%s)\n", strerror(errno));
	madvise(p, size, MADV_NOHUGEPAGE);
	memset(p, 1, size);
	ret = pin_pages(-1, (uintptr_t)p, size, LT, &t, &balanced);
	if (ret)
		ksft_exit_fail_msg("PIN_PAGE_TEST failed (%s)\n", strerror(-ret));
	if (!t.nr_unpinnable) {
		munmap(p, size);
		ksft_test_result_skip("longterm.movable: no movable zone (movablecore=)\n");
		return;
	}
	ksft_print_msg("%u of %zu pages not long-term pinnable\n",
		       t.nr_unpinnable, size / pagesize);
	ok = expect("long-term read", -1, p, size, LT, 0) &&
	     expect("long-term write", -1, p, size, W | LT, 0) &&
	     expect("write", -1, p, size, W, 0);
	munmap(p, size);
	ksft_test_result(ok, "longterm.movable\n");
}

/* bad() - PIN_PAGE_TEST on bad input: fails with @want, takes no pin. */
static bool bad(const char *what, int fd, uintptr_t addr, size_t size,
		unsigned int flags, int want)
{
	struct pin_page_test t;
	bool balanced;
	int ret;

	ret = pin_pages(fd, addr, size, flags, &t, &balanced);
	if (ret != want) {
		ksft_print_msg("%s: want %s, got %s\n", what, strerror(-want),
			       ret ? strerror(-ret) : "success");
		return false;
	}
	return balanced;
}

/* FOLIO_LOCKED_TEST on bad input: fails with @want. */
static bool bad_locked(const char *what, uintptr_t addr, unsigned int hold_usec,
		       int want)
{
	struct folio_locked_test l = { .addr = addr, .hold_usec = hold_usec };
	int ret = ioctl(gup_fd, FOLIO_LOCKED_TEST, &l) ? -errno : 0;

	if (ret != want)
		ksft_print_msg("folio lock, %s: want %s, got %s\n", what,
			       strerror(-want), ret ? strerror(-ret) : "success");
	return ret == want;
}

static void test_bad_input(void)
{
	char *p = map(-1, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS);
	uintptr_t addr = (uintptr_t)p;
	size_t half = NR_PAGES / 2 * pagesize;
	struct pin_page_test t = { .addr = addr, .size = pagesize, .fd = -1 };
	int pipefd[2], fd, rdonly;
	char *l_priv;
	char path[64];
	bool ok;

	memset(p, 1, NR_PAGES * pagesize);
	munmap(p + half, half);
	if (pipe(pipefd))
		ksft_exit_fail_msg("pipe() failed (%s)\n", strerror(errno));
	fd = local_file();	/* no page of it in the page cache */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	rdonly = open(path, O_RDONLY);
	if (rdonly < 0)
		ksft_exit_fail_msg("open(%s) failed (%s)\n", path, strerror(errno));
	if (pwrite(fd, p, pagesize, 0) != (ssize_t)pagesize)
		ksft_exit_fail_msg("pwrite() failed (%s)\n", strerror(errno));

	ok = bad("unaligned address", -1, addr + 1, pagesize, R, -EINVAL);
	ok &= bad("unaligned size", -1, addr, pagesize + 1, R, -EINVAL);
	ok &= bad("no pages", -1, addr, 0, R, -EINVAL);
	ok &= bad("negative size", -1, addr, -pagesize, R, -EINVAL);
	ok &= bad("over 64 MiB", -1, addr, (64 << 20) + pagesize, R, -EINVAL);
	ok &= bad("unknown flag", -1, addr, pagesize, 0x80, -EINVAL);
	ok &= bad("half unmapped", -1, addr, 2 * half, R, -EFAULT);
	ok &= bad("unmapped", -1, addr + half, half, R, -EFAULT);
	ok &= bad("fd not open", 1000, 0, pagesize, R, -EBADF);
	ok &= bad("negative fd", -5, 0, pagesize, R, -EBADF);
	ok &= bad("pipe", pipefd[0], 0, pagesize, R, -EINVAL);
	ok &= bad("write pin, read-only fd", rdonly, 0, pagesize, W, -EBADF);
	ok &= bad("not in the page cache", fd, 0, 2 * pagesize, R, -ENOENT);
	t.hold_usec = 1000001;
	if (!ioctl(gup_fd, PIN_PAGE_TEST, &t) || errno != EINVAL) {
		ksft_print_msg("pin hold over 1 s: want %s\n", strerror(EINVAL));
		ok = false;
	}
	ok &= bad_locked("no hold", addr, 0, -EINVAL);
	ok &= bad_locked("hold over 1 s", addr, 1000001, -EINVAL);
	ok &= bad_locked("unaligned", addr + 1, 1, -EINVAL);
	ok &= bad_locked("anonymous", addr, 1, -EINVAL);
	l_priv = map(fd, PROT_READ, MAP_PRIVATE);
	ok &= bad_locked("private file mapping", (uintptr_t)l_priv, 1, -EINVAL);
	munmap(l_priv, NR_PAGES * pagesize);
	ok &= bad_locked("unmapped", addr + half, 1, -EFAULT);

	close(rdonly);
	close(fd);
	close(pipefd[0]);
	close(pipefd[1]);
	munmap(p, half);
	ksft_test_result(ok, "bad_input\n");
}

int main(void)
{
	pagesize = getpagesize();
	ksft_print_header();
	if (geteuid())
		ksft_exit_skip("needs root (gup_test, stat_refresh, nr_hugepages)\n");
	gup_fd = open("/sys/kernel/debug/gup_test", O_RDWR);
	if (gup_fd < 0)
		ksft_exit_skip("gup_test not available (%s)\n", strerror(errno));
	atexit(restore_hugepages);
	ksft_set_plan(13);
	test_anon_private();
	test_anon_zero_page();
	test_anon_after_fork();
	test_thp();
	test_hugetlb();
	test_local_file();
	test_memfd();
	test_memfd_fallocated();
	test_tmpfs_file();
	test_race_writeback();
	test_race_folio_lock();
	test_longterm_movable();
	test_bad_input();
	ksft_finished();
}
