/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the selftests of the inaccessible-folio simulator
 * (CONFIG_INACCESSIBLE_FOLIO_INJECT, mm/inaccessible-inject.c).
 */
#ifndef __INACCESSIBLE_H
#define __INACCESSIBLE_H

#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <sched.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#define INACCESSIBLE_DIR	"/sys/kernel/debug/inaccessible-folio/"

/* A filesystem with writeback, whose files are not tmpfs. */
static inline int disk_filesystem(long f_type)
{
	return f_type == 0xEF53 ||	/* EXT4_SUPER_MAGIC */
	       f_type == 0x58465342 ||	/* XFS_SUPER_MAGIC */
	       f_type == 0x9123683E;	/* BTRFS_SUPER_MAGIC */
}

/* Does @path say "[always]", or "[inherit]" with shmem_enabled's "[always]"? */
static inline bool shmem_thp_file_always(const char *path, bool inherit_always)
{
	char buf[128] = "";
	FILE *f = fopen(path, "r");

	if (!f)
		return false;
	if (!fgets(buf, sizeof(buf), f))
		buf[0] = '\0';
	fclose(f);
	return strstr(buf, "[always]") || strstr(buf, "[force]") ||
	       (inherit_always && strstr(buf, "[inherit]"));
}

/* Can a tmpfs write get a large folio (shmem THP, or an mTHP size, always)? */
static inline bool shmem_thp_always(void)
{
	bool top = shmem_thp_file_always("/sys/kernel/mm/transparent_hugepage/shmem_enabled",
					 false);
	bool any = top;
	glob_t g;
	size_t i;

	if (glob("/sys/kernel/mm/transparent_hugepage/hugepages-*kB/shmem_enabled",
		 0, NULL, &g))
		return any;
	for (i = 0; i < g.gl_pathc && !any; i++)
		any = shmem_thp_file_always(g.gl_pathv[i], top);
	globfree(&g);
	return any;
}

static inline int inaccessible_available(void)
{
	return access(INACCESSIBLE_DIR "mark", W_OK) == 0;
}

/* Write a command to one of the simulator's files: 0, or -errno. */
static inline int inaccessible_cmd(const char *file, const char *fmt, ...)
{
	char path[128], buf[256];
	va_list ap;
	ssize_t ret;
	int fd, len;

	va_start(ap, fmt);
	len = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	snprintf(path, sizeof(path), INACCESSIBLE_DIR "%s", file);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	ret = write(fd, buf, len);
	ret = ret < 0 ? -errno : 0;
	close(fd);
	return ret;
}

static inline int inaccessible_mark(void *addr, size_t len)
{
	return inaccessible_cmd("mark", "%#lx %#zx", (unsigned long)addr, len);
}

/* The next conversion of the folio at @addr fails, with -EINVAL. */
static inline int inaccessible_fail_next(void *addr)
{
	return inaccessible_cmd("fail", "%#lx", (unsigned long)addr);
}

static inline int inaccessible_clear(void)
{
	return inaccessible_cmd("clear", "1");
}

/*
 * Keep the caller on the CPU it runs on, so that the LRU batches its
 * folios go to are the ones drain_lru_batches() drains: 0, or -errno.
 */
static inline int bind_to_this_cpu(void)
{
	cpu_set_t set;
	int cpu = sched_getcpu();

	if (cpu < 0)
		return -errno;
	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	return sched_setaffinity(0, sizeof(set), &set) ? -errno : 0;
}

/*
 * Drain this CPU's LRU batches (mlock() does, lru_add_drain() in
 * mlock_vma_pages_range()): a folio that only a batch of this CPU still
 * holds is freed, and its mark goes with it.
 */
static inline int drain_lru_batches(void)
{
	size_t size = getpagesize();
	void *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int ret = 0;

	if (p == MAP_FAILED)
		return -errno;
	if (mlock(p, size) || munlock(p, size))
		ret = -errno;
	munmap(p, size);
	return ret;
}

/* The kernel's taint flags, or -1. */
static inline long kernel_tainted(void)
{
	FILE *f = fopen("/proc/sys/kernel/tainted", "r");
	long taint = -1;

	if (!f)
		return -1;
	if (fscanf(f, "%ld", &taint) != 1)
		taint = -1;
	fclose(f);
	return taint;
}

/* One counter of the simulator's "stats" file, or -1. */
static inline long long inaccessible_stat(const char *name)
{
	char key[32];
	long long value, found = -1;
	FILE *f = fopen(INACCESSIBLE_DIR "stats", "r");

	if (!f)
		return -1;
	while (fscanf(f, "%31s %lli", key, &value) == 2)
		if (!strcmp(key, name))
			found = value;
	fclose(f);
	return found;
}

/*
 * FOLL_PIN pins taken and not yet released, system-wide (the counters of
 * /proc/vmstat, folded from the per-CPU ones first), or -1.
 */
static inline long long foll_pins_held(void)
{
	long long value, acquired = -1, released = -1;
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);
	char key[64];
	FILE *f;

	if (fd < 0)
		return -1;
	if (write(fd, "1", 1) != 1) {
		close(fd);
		return -1;
	}
	close(fd);
	f = fopen("/proc/vmstat", "r");
	if (!f)
		return -1;
	while (fscanf(f, "%63s %lli", key, &value) == 2) {
		if (!strcmp(key, "nr_foll_pin_acquired"))
			acquired = value;
		else if (!strcmp(key, "nr_foll_pin_released"))
			released = value;
	}
	fclose(f);
	return acquired < 0 || released < 0 ? -1 : acquired - released;
}

/* crc32_le() as the kernel computes it: seed 0, no inversion. */
static inline uint32_t crc32_le(uint32_t crc, const unsigned char *p, size_t len)
{
	int i;

	while (len--) {
		crc ^= *p++;
		for (i = 0; i < 8; i++)
			crc = (crc >> 1) ^ (0xedb88320 & -(crc & 1));
	}
	return crc;
}

#endif /* __INACCESSIBLE_H */
