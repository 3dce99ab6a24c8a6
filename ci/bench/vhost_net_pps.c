// SPDX-License-Identifier: GPL-2.0
/*
 * vhost-net's packet rate over a tap device, both ways, with small frames:
 * the cost the rings' metadata path adds to each packet is the largest
 * share there.  The program is the driver side of a virtio-net device
 * (split virtqueues of 64 entries in anonymous memory, as
 * tools/testing/selftests/drivers/vhost/vhost_net_rings.c sets them up)
 * and moves -n frames of 60 bytes in bursts of 32:
 *
 *   tx  the transmit queue to the tap; the frames, of an ethertype
 *       nothing listens to, end in the tap's receive path
 *   rx  frames written to the tap through an AF_PACKET socket, received
 *       in the receive queue
 *
 * and reports packets per second of guest time, the best of -p passes
 * after a warm-up pass.  Where vhost has the parameter metadata_map
 * (patch 0006: the rings through kernel mappings, off by default), the
 * program turns it on first.  Under QEMU's -icount shift=0 a nanosecond of
 * guest time is an instruction, so 1e9 / rate is the instructions a
 * packet costs, the test's own included.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <stdlib.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/vhost.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include "kselftest.h"
#include "bench.h"

#define RING_NUM	64
#define BURST		32
#define BUF_LEN		2048
#define HDR_LEN		12	/* struct virtio_net_hdr_v1 */
#define FRAME_LEN	60
#define MAX_PASSES	99
#define PARAM		"/sys/module/vhost/parameters/metadata_map"

struct ring {
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	char *bufs;
	uint16_t avail_idx;
	int kick, call;
};

static int vhost, tap, sock, ifindex;
static struct ring rings[2];	/* receive, transmit */
static long packets = 16384;
static int passes = 9;

static void *map_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);

	if (p == MAP_FAILED)
		ksft_exit_fail_perror("mmap");
	return p;
}

static void xioctl(int fd, unsigned long req, void *arg, const char *what)
{
	if (ioctl(fd, req, arg))
		ksft_exit_fail_perror(what);
}

static void setup_ring(unsigned int index)
{
	struct ring *r = &rings[index];
	long page = sysconf(_SC_PAGESIZE);
	char *mem = map_anon(2 * page);
	struct vhost_vring_state state = { .index = index, .num = RING_NUM };
	struct vhost_vring_file file = { .index = index };
	struct vhost_vring_addr addr = { .index = index };

	r->desc = (struct vring_desc *)mem;
	r->avail = (struct vring_avail *)(mem + RING_NUM * sizeof(*r->desc));
	r->used = (struct vring_used *)(mem + page);
	r->bufs = map_anon(RING_NUM * BUF_LEN);
	r->kick = eventfd(0, EFD_NONBLOCK);
	r->call = eventfd(0, EFD_NONBLOCK);
	if (r->kick < 0 || r->call < 0)
		ksft_exit_fail_perror("eventfd");

	xioctl(vhost, VHOST_SET_VRING_NUM, &state, "VHOST_SET_VRING_NUM");
	state.num = 0;
	xioctl(vhost, VHOST_SET_VRING_BASE, &state, "VHOST_SET_VRING_BASE");
	addr.desc_user_addr = (unsigned long)r->desc;
	addr.avail_user_addr = (unsigned long)r->avail;
	addr.used_user_addr = (unsigned long)r->used;
	xioctl(vhost, VHOST_SET_VRING_ADDR, &addr, "VHOST_SET_VRING_ADDR");
	file.fd = r->kick;
	xioctl(vhost, VHOST_SET_VRING_KICK, &file, "VHOST_SET_VRING_KICK");
	file.fd = r->call;
	xioctl(vhost, VHOST_SET_VRING_CALL, &file, "VHOST_SET_VRING_CALL");
}

static void setup(void)
{
	struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR };
	struct vhost_vring_file backend;
	struct vhost_memory *mem;
	long page = sysconf(_SC_PAGESIZE);
	int hdr_len = HDR_LEN;
	uint64_t features = 1ULL << VIRTIO_F_VERSION_1;

	vhost = open("/dev/vhost-net", O_RDWR);
	if (vhost < 0)
		ksft_exit_fail_perror("/dev/vhost-net");
	xioctl(vhost, VHOST_SET_OWNER, NULL, "VHOST_SET_OWNER");
	xioctl(vhost, VHOST_SET_FEATURES, &features, "VHOST_SET_FEATURES");
	mem = calloc(1, sizeof(*mem) + sizeof(mem->regions[0]));
	if (!mem)
		ksft_exit_fail_perror("calloc");
	mem->nregions = 1;
	mem->regions[0].guest_phys_addr = page;
	mem->regions[0].userspace_addr = page;
	mem->regions[0].memory_size = (1ULL << 47) - 4 * page;
	xioctl(vhost, VHOST_SET_MEM_TABLE, mem, "VHOST_SET_MEM_TABLE");
	free(mem);
	setup_ring(0);
	setup_ring(1);

	tap = open("/dev/net/tun", O_RDWR);
	if (tap < 0)
		ksft_exit_fail_perror("/dev/net/tun");
	strcpy(ifr.ifr_name, "vhbench%d");
	xioctl(tap, TUNSETIFF, &ifr, "TUNSETIFF");
	xioctl(tap, TUNSETVNETHDRSZ, &hdr_len, "TUNSETVNETHDRSZ");
	sock = socket(AF_PACKET, SOCK_RAW, 0);
	if (sock < 0)
		ksft_exit_fail_perror("AF_PACKET socket");
	xioctl(sock, SIOCGIFINDEX, &ifr, "SIOCGIFINDEX");
	ifindex = ifr.ifr_ifindex;
	xioctl(sock, SIOCGIFFLAGS, &ifr, "SIOCGIFFLAGS");
	ifr.ifr_flags |= IFF_UP;
	xioctl(sock, SIOCSIFFLAGS, &ifr, "SIOCSIFFLAGS");

	backend.fd = tap;
	backend.index = 0;
	xioctl(vhost, VHOST_NET_SET_BACKEND, &backend, "VHOST_NET_SET_BACKEND");
	backend.index = 1;
	xioctl(vhost, VHOST_NET_SET_BACKEND, &backend, "VHOST_NET_SET_BACKEND");
}

/* Post a burst of buffers to @r: frames to send, or room to receive. */
static void post(struct ring *r, bool receive)
{
	unsigned int i;

	for (i = 0; i < BURST; i++) {
		uint16_t head = (r->avail_idx + i) % RING_NUM;

		r->desc[head].addr = (unsigned long)(r->bufs + head * BUF_LEN);
		r->desc[head].len = receive ? BUF_LEN : HDR_LEN + FRAME_LEN;
		r->desc[head].flags = receive ? VRING_DESC_F_WRITE : 0;
		r->avail->ring[head] = head;
	}
	r->avail_idx += BURST;
	__atomic_store_n(&r->avail->idx, r->avail_idx, __ATOMIC_RELEASE);
	eventfd_write(r->kick, 1);
}

/* 0 once vhost has used everything posted to @r, -ETIMEDOUT if not. */
static int wait_used(struct ring *r)
{
	struct pollfd pfd = { .fd = r->call, .events = POLLIN };
	eventfd_t v;

	while (__atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE) != r->avail_idx) {
		if (poll(&pfd, 1, 5000) != 1)
			return -ETIMEDOUT;
		eventfd_read(r->call, &v);
	}
	return 0;
}

static int one_pass(bool receive)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_ifindex = ifindex,
		.sll_halen = 6,
	};
	struct ring *r = &rings[receive ? 0 : 1];
	unsigned char frame[FRAME_LEN];
	long n;
	int i, ret;

	memset(frame, 0xff, 12);
	frame[12] = 0x88;	/* IEEE local experimental, which nothing takes */
	frame[13] = 0xb6;
	for (n = 0; n < packets; n += BURST) {
		post(r, receive);
		for (i = 0; receive && i < BURST; i++)
			if (sendto(sock, frame, sizeof(frame), 0,
				   (struct sockaddr *)&sll, sizeof(sll)) != sizeof(frame))
				return -errno;
		ret = wait_used(r);
		if (ret)
			return ret;
	}
	return 0;
}

static void measure(bool receive)
{
	const char *way = receive ? "rx" : "tx";
	long long ns[MAX_PASSES], t;
	int i, ret;

	ret = one_pass(receive);
	for (i = 0; !ret && i < passes; i++) {
		t = now_ns();
		ret = one_pass(receive);
		ns[i] = now_ns() - t;
	}
	if (ret) {
		ksft_test_result_fail("anon %s: %s\n", way, strerror(-ret));
		return;
	}
	qsort(ns, passes, sizeof(ns[0]), cmp_ll);
	ksft_print_msg("result: anon %s best %.1f median %.1f worst %.1f kpps, %.0f ns a packet at best\n",
		       way, packets / (ns[0] / 1e6), packets / (ns[passes / 2] / 1e6),
		       packets / (ns[passes - 1] / 1e6), (double)ns[0] / packets);
	ksft_test_result_pass("anon %s\n", way);
}

int main(int argc, char **argv)
{
	char clocksource[64], param[8] = "absent";
	char *end;
	FILE *f;
	int opt;

	while ((opt = getopt(argc, argv, "n:p:")) != -1) {
		switch (opt) {
		case 'n':
			packets = strtol(optarg, &end, 10);
			if (*end || packets < BURST || packets % BURST)
				packets = 0;
			break;
		case 'p':
			passes = strtol(optarg, &end, 10);
			if (*end || passes < 1 || passes > MAX_PASSES)
				passes = 0;
			break;
		default:
			packets = 0;
		}
	}
	ksft_print_header();
	if (!packets || !passes || optind != argc)
		ksft_exit_fail_msg("usage: %s [-n PACKETS (a multiple of %d)] [-p PASSES (1-%d)]\n",
				   argv[0], BURST, MAX_PASSES);
	ksft_set_plan(2);
	settle_clocksource(clocksource, sizeof(clocksource));
	f = fopen(PARAM, "r+");
	if (f) {
		fputs("Y", f);
		rewind(f);
		if (!fgets(param, sizeof(param), f))
			strcpy(param, "?");
		param[strcspn(param, "\n")] = '\0';
		fclose(f);
	}
	ksft_print_msg("%ld frames of %d bytes a pass, %d passes, bursts of %d\n",
		       packets, FRAME_LEN, passes, BURST);
	ksft_print_msg("clocksource %s; vhost.metadata_map %s\n", clocksource, param);

	setup();
	measure(false);
	measure(true);
	ksft_finished();
}
