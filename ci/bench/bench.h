/* SPDX-License-Identifier: GPL-2.0 */
/* What the benchmarks of ci/bench/ share: the guest's clock. */
#ifndef CI_BENCH_H
#define CI_BENCH_H

#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CLOCKSOURCE	"/sys/devices/system/clocksource/clocksource0/current_clocksource"

static inline long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline int cmp_ll(const void *a, const void *b)
{
	long long x = *(const long long *)a, y = *(const long long *)b;

	return (x > y) - (x < y);
}

/*
 * x86 starts on tsc-early and switches to tsc once the TSC is calibrated
 * again, a second or so into boot: measure on the final clock.
 */
static inline void settle_clocksource(char *name, size_t len)
{
	FILE *f;
	int i;

	for (i = 0; i < 100; i++) {
		f = fopen(CLOCKSOURCE, "r");
		if (!f || !fgets(name, len, f))
			snprintf(name, len, "unknown\n");
		if (f)
			fclose(f);
		if (!strstr(name, "-early"))
			break;
		usleep(100000);
	}
	name[strcspn(name, "\n")] = '\0';
}

#endif
