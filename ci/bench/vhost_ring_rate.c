// SPDX-License-Identifier: GPL-2.0
/*
 * vhost's ring path alone: tools/virtio's virtio_test, the vhost
 * maintainers' own benchmark, against drivers/vhost/test.c
 * (/dev/vhost-test, built in by patches/bench/vhost-test-builtin.patch).
 * virtio_test puts 0x100000 buffers of one descriptor through a ring of
 * 256 entries, one at a time (its default); vhost-test takes each
 * descriptor, checks it and returns it in the used ring, touching no
 * data, so what a descriptor costs is the rings' metadata path and the
 * notifications.
 *
 * The program runs virtio_test (found next to itself) once to warm up,
 * then -p times (default 1), and reports descriptors per second of guest
 * time, the best of the passes, and the pins taken meanwhile: the
 * kernel mappings of patch 0006, none with vhost.metadata_map off (its
 * default), three a run with it on (boot with vhost.metadata_map=1).
 * Under QEMU's -icount shift=0 a nanosecond of guest time is an
 * instruction, so 1e9 / rate is the instructions a descriptor costs, both
 * sides included.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "kselftest.h"
#include "bench.h"

#define MAX_PASSES	99
#define PARAM		"/sys/module/vhost/parameters/metadata_map"

static char virtio_test[PATH_MAX];
static char report[256];	/* what the last run of virtio_test said */

/* FOLL_PIN pins taken since boot. */
static long pins_acquired(void)
{
	char name[64];
	long v, pins = -1;
	FILE *f = fopen("/proc/vmstat", "r");

	if (!f)
		return -1;
	while (fscanf(f, "%63s %ld", name, &v) == 2)
		if (!strcmp(name, "nr_foll_pin_acquired"))
			pins = v;
	fclose(f);
	return pins;
}

/*
 * One run of virtio_test: its guest time in ns, or -1.  The number of
 * descriptors it moved is in @done.
 */
static long long run(unsigned long *done)
{
	long long start, end;
	int out[2], status;
	ssize_t n;
	pid_t pid;

	if (pipe(out))
		ksft_exit_fail_perror("pipe");
	start = now_ns();
	pid = fork();
	if (pid < 0)
		ksft_exit_fail_perror("fork");
	if (!pid) {
		dup2(out[1], STDERR_FILENO);
		execl(virtio_test, virtio_test, (char *)NULL);
		_exit(127);
	}
	close(out[1]);
	n = read(out[0], report, sizeof(report) - 1);
	close(out[0]);
	if (waitpid(pid, &status, 0) != pid)
		ksft_exit_fail_perror("waitpid");
	end = now_ns();
	report[n > 0 ? n : 0] = '\0';
	report[strcspn(report, "\n")] = '\0';
	if (!WIFEXITED(status) || WEXITSTATUS(status) ||
	    sscanf(report, "spurious wakeups: %*x started=%*x completed=%lx",
		   done) != 1) {
		ksft_print_msg("virtio_test: status %#x, \"%s\"\n", status,
			       report);
		return -1;
	}
	return end - start;
}

int main(int argc, char **argv)
{
	char clocksource[64], param[2] = "-", self[PATH_MAX];
	long long ns[MAX_PASSES];
	int passes = 1, opt, fd, i;
	unsigned long done;
	long pins;

	while ((opt = getopt(argc, argv, "p:")) != -1)
		passes = opt == 'p' ? atoi(optarg) : 0;
	ksft_print_header();
	if (passes < 1 || passes > MAX_PASSES || optind != argc)
		ksft_exit_fail_msg("usage: %s [-p PASSES (1-%d)]\n", argv[0],
				   MAX_PASSES);
	if (!realpath("/proc/self/exe", self))
		ksft_exit_fail_perror("/proc/self/exe");
	snprintf(virtio_test, sizeof(virtio_test), "%s/virtio_test",
		 dirname(self));
	if (access(virtio_test, X_OK))
		ksft_exit_fail_msg("%s: %s\n", virtio_test, strerror(errno));
	if (access("/dev/vhost-test", R_OK | W_OK))
		ksft_exit_fail_msg("/dev/vhost-test: %s (a kernel without patches/bench/vhost-test-builtin.patch?)\n",
				   strerror(errno));
	fd = open(PARAM, O_RDONLY);
	if (fd >= 0) {
		if (read(fd, param, 1) != 1)
			ksft_exit_fail_perror(PARAM);
		close(fd);
	}
	ksft_set_plan(1);
	settle_clocksource(clocksource, sizeof(clocksource));
	ksft_print_msg("virtio_test against vhost-test, %d pass(es) after a warm-up\n",
		       passes);
	ksft_print_msg("clocksource %s; vhost.metadata_map %s\n", clocksource,
		       param);

	if (run(&done) < 0)
		ksft_exit_fail_msg("virtio_test failed\n");
	pins = pins_acquired();
	for (i = 0; i < passes; i++) {
		ns[i] = run(&done);
		if (ns[i] < 0)
			ksft_exit_fail_msg("virtio_test failed\n");
	}
	pins = pins_acquired() - pins;
	qsort(ns, passes, sizeof(ns[0]), cmp_ll);
	ksft_print_msg("result: ring descriptors best %.1f median %.1f worst %.1f kdesc/s, %.0f ns a descriptor at best\n",
		       done * 1e6 / ns[0], done * 1e6 / ns[passes / 2],
		       done * 1e6 / ns[passes - 1], ns[0] / (double)done);
	ksft_print_msg("%lu descriptors a run, %ld pins taken in %d run(s); %s\n",
		       done, pins, passes, report);
	ksft_test_result_pass("virtio_test\n");
	ksft_finished();
}
