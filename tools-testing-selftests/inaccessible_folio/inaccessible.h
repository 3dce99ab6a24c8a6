/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the selftests of the inaccessible-folio simulator
 * (CONFIG_INACCESSIBLE_FOLIO_INJECT, mm/inaccessible-inject.c).
 */
#ifndef __INACCESSIBLE_H
#define __INACCESSIBLE_H

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define INACCESSIBLE_DIR	"/sys/kernel/debug/inaccessible-folio/"

/* A filesystem with writeback, whose files are not tmpfs. */
static inline int disk_filesystem(long f_type)
{
	return f_type == 0xEF53 ||	/* EXT4_SUPER_MAGIC */
	       f_type == 0x58465342 ||	/* XFS_SUPER_MAGIC */
	       f_type == 0x9123683E;	/* BTRFS_SUPER_MAGIC */
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

static inline int inaccessible_fail_next(void *addr, int err)
{
	return inaccessible_cmd("fail", "%#lx %d", (unsigned long)addr, err);
}

static inline int inaccessible_clear(void)
{
	return inaccessible_cmd("clear", "1");
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
