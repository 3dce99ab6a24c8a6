// SPDX-License-Identifier: GPL-2.0
/*
 * vhost_net_rings: vhost-net keeps reading and writing the rings of its
 * virtqueues where the process has them, whatever the process does to the
 * memory they are in.
 *
 * The test is the driver side of a virtio-net device whose device side is
 * /dev/vhost-net over a tap device: it keeps a receive and a transmit split
 * virtqueue in its own memory, moves packets both ways through an
 * AF_PACKET socket bound to the tap, and checks every byte of every packet
 * and every used-ring entry.  Between bursts of packets it changes the
 * memory of the rings in each way a process can: munmap() and mmap() again
 * at the same address with a copy of the rings in new pages, mremap() of
 * such a copy over them, MADV_DONTNEED, fork() (copy on write for a private
 * mapping), mprotect() read-only, MADV_FREE followed by reclaim, and, for
 * rings in a file on ext4, fsync() and drop_caches followed by reading the
 * file back.  A used-ring entry that vhost wrote to a page the process no
 * longer maps there is lost, and the test fails; so does one written to a
 * page the process made read-only, or to its child's copy.  Closing the
 * device must leave no page pinned (nr_foll_pin_* of /proc/vmstat).
 *
 * Ring addresses a process should not give must get an errno (unaligned)
 * or an error report on the virtqueue's error eventfd (unmapped, in
 * read-only memory), or work (overlapping rings, a descriptor table across
 * two pages), and leave the device working once the addresses are right;
 * so must new addresses while the device runs.
 *
 * The rings are anonymous memory, shmem (memfd) or a file on ext4 in
 * $VHOST_TEST_DIR (default: the current directory).  VHOST_STRESS_ROUNDS
 * (default 10000) is the number of invalidations of the stress test.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <linux/if_packet.h>
#include <linux/if_tun.h>
#include <linux/vhost.h>
#include <linux/virtio_config.h>
#include <linux/virtio_ring.h>

#include "../../kselftest_harness.h"

#define RING_NUM	64
#define BUF_LEN		2048
/* struct virtio_net_hdr_v1, which the tap puts before every frame. */
#define HDR_LEN		12
#define ETH_HLEN_	14
#define ETH_TYPE_TEST	0x88b5	/* IEEE local experimental */
#define TIMEOUT_MS	5000
#ifndef EXT4_SUPER_MAGIC
#define EXT4_SUPER_MAGIC 0xEF53
#endif

enum backing { ANON, SHMEM, EXT4 };

/* One virtqueue, as its driver sees it. */
struct ring {
	unsigned int index;
	/*
	 * Two pages at a fixed address: the descriptor table and the
	 * available ring in the first, the used ring alone in the second.
	 */
	char *mem;
	int slot;	/* of the file, for SHMEM and EXT4 */
	struct vring_desc *desc;
	struct vring_avail *avail;
	struct vring_used *used;
	char *bufs;	/* RING_NUM buffers of BUF_LEN */
	uint16_t avail_idx;	/* next entry of the available ring */
	uint16_t used_idx;	/* next entry of the used ring to read */
	uint16_t lost;		/* entries vhost took and could not return */
	int kick, call, err;
};

struct dev {
	enum backing backing;
	int vhost, tap, sock, ifindex;
	int file;
	size_t page, ring_len;
	struct ring rx, tx;
	char *bufs;	/* both rings' buffers: the guest's memory */
	uint32_t seq;	/* of the next frame */
	long pins;	/* FOLL_PIN pins outstanding before the device */
	char param;	/* vhost.metadata_map before the test, or 0 */
};

#define RING_SLOTS	4	/* two for each ring: the current one and a new one */
#define PARAM		"/sys/module/vhost/parameters/metadata_map"

/*
 * vhost.metadata_map: set it to @c and return what it was, or 0 where
 * vhost has no such parameter (the rings are always reached with the
 * user accessors there).
 */
static char set_metadata_map(char c)
{
	char old = 0;
	int fd = open(PARAM, O_RDWR);

	if (fd < 0)
		return 0;
	if (read(fd, &old, 1) != 1 || pwrite(fd, &c, 1, 0) != 1)
		old = 0;
	close(fd);
	return old;
}

/* FOLL_PIN pins taken and not released, in the whole system. */
static long pins_outstanding(struct __test_metadata *_metadata)
{
	long acquired = -1, released = -1, v;
	char name[64];
	int fd = open("/proc/sys/vm/stat_refresh", O_WRONLY);
	FILE *f;

	/* Fold the CPUs' counts in: a pin and its release may be on two. */
	if (fd >= 0) {
		if (write(fd, "1", 1) != 1)
			TH_LOG("vm.stat_refresh: %s", strerror(errno));
		close(fd);
	}
	f = fopen("/proc/vmstat", "r");
	if (!f)
		return 0;
	while (fscanf(f, "%63s %ld", name, &v) == 2) {
		if (!strcmp(name, "nr_foll_pin_acquired"))
			acquired = v;
		else if (!strcmp(name, "nr_foll_pin_released"))
			released = v;
	}
	fclose(f);
	return acquired < 0 || released < 0 ? 0 : acquired - released;
}

/*
 * After an invalidation, wait for vhost to let a mapping of a ring go
 * (it does so in a work item): until fewer than @before pins are
 * outstanding, none are (the rings are not pinned), or a timeout.
 */
static void wait_unpinned(struct __test_metadata *_metadata, long before)
{
	int waited;

	for (waited = 0; waited < TIMEOUT_MS; waited += 10) {
		long now = pins_outstanding(_metadata);

		if (!now || now < before)
			return;
		usleep(10000);
	}
}

static int open_backing(struct __test_metadata *_metadata, struct dev *d)
{
	const char *dir = getenv("VHOST_TEST_DIR") ?: ".";
	char path[4096];
	struct statfs sfs;
	int fd;

	if (d->backing == ANON)
		return 0;
	if (d->backing == SHMEM) {
		fd = memfd_create("vhost_net_rings", 0);
		ASSERT_LE(0, fd);
	} else {
		ASSERT_EQ(0, statfs(dir, &sfs));
		if (sfs.f_type != EXT4_SUPER_MAGIC)
			return -1;
		snprintf(path, sizeof(path), "%s/vhost_net_rings.XXXXXX", dir);
		fd = mkstemp(path);
		ASSERT_LE(0, fd);
		unlink(path);
	}
	ASSERT_EQ(0, ftruncate(fd, RING_SLOTS * d->ring_len));
	d->file = fd;
	return 0;
}

/* Map slot @slot of the backing at @addr (anywhere if NULL). */
static char *map_slot(struct dev *d, void *addr, int slot)
{
	int fixed = addr ? MAP_FIXED : 0;
	char *p;

	if (d->backing == ANON)
		p = mmap(addr, d->ring_len, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | fixed, -1, 0);
	else
		p = mmap(addr, d->ring_len, PROT_READ | PROT_WRITE,
			 MAP_SHARED | fixed, d->file, slot * d->ring_len);
	return p == MAP_FAILED ? NULL : p;
}

static void ring_layout(struct dev *d, struct ring *r)
{
	r->desc = (struct vring_desc *)r->mem;
	r->avail = (struct vring_avail *)(r->mem + RING_NUM * sizeof(*r->desc));
	r->used = (struct vring_used *)(r->mem + d->page);
}

static int vhost_ring_addr(struct dev *d, struct ring *r)
{
	struct vhost_vring_addr addr = {
		.index = r->index,
		.desc_user_addr = (unsigned long)r->desc,
		.avail_user_addr = (unsigned long)r->avail,
		.used_user_addr = (unsigned long)r->used,
	};

	return ioctl(d->vhost, VHOST_SET_VRING_ADDR, &addr);
}

static void setup_ring(struct __test_metadata *_metadata, struct dev *d,
		       struct ring *r, unsigned int index)
{
	struct vhost_vring_state state = { .index = index };
	struct vhost_vring_file file = { .index = index };

	r->index = index;
	r->slot = 2 * index;
	r->mem = map_slot(d, NULL, r->slot);
	ASSERT_NE(NULL, r->mem);
	memset(r->mem, 0, d->ring_len);
	ring_layout(d, r);
	r->bufs = d->bufs + index * RING_NUM * BUF_LEN;

	r->kick = eventfd(0, EFD_NONBLOCK);
	r->call = eventfd(0, EFD_NONBLOCK);
	r->err = eventfd(0, EFD_NONBLOCK);
	ASSERT_LE(0, r->kick);
	ASSERT_LE(0, r->call);
	ASSERT_LE(0, r->err);

	state.num = RING_NUM;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_VRING_NUM, &state));
	state.num = 0;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_VRING_BASE, &state));
	ASSERT_EQ(0, vhost_ring_addr(d, r));
	file.fd = r->kick;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_VRING_KICK, &file));
	file.fd = r->call;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_VRING_CALL, &file));
	file.fd = r->err;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_VRING_ERR, &file));
}

static void setup_tap(struct __test_metadata *_metadata, struct dev *d)
{
	struct sockaddr_ll sll = { .sll_family = AF_PACKET };
	struct ifreq ifr = { .ifr_flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR };
	int hdr_len = HDR_LEN, fd;
	char path[128];

	d->tap = open("/dev/net/tun", O_RDWR);
	ASSERT_LE(0, d->tap);
	strcpy(ifr.ifr_name, "vhtest%d");
	ASSERT_EQ(0, ioctl(d->tap, TUNSETIFF, &ifr));
	ASSERT_EQ(0, ioctl(d->tap, TUNSETVNETHDRSZ, &hdr_len));

	d->sock = socket(AF_PACKET, SOCK_RAW, htons(ETH_TYPE_TEST));
	ASSERT_LE(0, d->sock);
	ASSERT_EQ(0, ioctl(d->sock, SIOCGIFINDEX, &ifr));
	d->ifindex = ifr.ifr_ifindex;
	/* No IPv6 autoconfiguration traffic in the receive queue. */
	snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/disable_ipv6",
		 ifr.ifr_name);
	fd = open(path, O_WRONLY);
	if (fd >= 0) {
		ASSERT_EQ(1, write(fd, "1", 1));
		close(fd);
	}
	ASSERT_EQ(0, ioctl(d->sock, SIOCGIFFLAGS, &ifr));
	ifr.ifr_flags |= IFF_UP;
	ASSERT_EQ(0, ioctl(d->sock, SIOCSIFFLAGS, &ifr));
	sll.sll_protocol = htons(ETH_TYPE_TEST);
	sll.sll_ifindex = d->ifindex;
	ASSERT_EQ(0, bind(d->sock, (struct sockaddr *)&sll, sizeof(sll)));
}

/* Returns false if @backing is not available here. */
static bool setup_dev(struct __test_metadata *_metadata, struct dev *d,
		      enum backing backing)
{
	struct vhost_memory *mem;
	struct vhost_vring_file backend;
	uint64_t features;

	memset(d, 0, sizeof(*d));
	d->backing = backing;
	d->vhost = -1;
	d->tap = -1;
	d->sock = -1;
	d->file = -1;
	d->page = sysconf(_SC_PAGESIZE);
	d->ring_len = 2 * d->page;
	d->pins = pins_outstanding(_metadata);
	if (open_backing(_metadata, d))
		return false;

	d->vhost = open("/dev/vhost-net", O_RDWR);
	if (d->vhost < 0 && errno == ENOENT)
		return false;
	ASSERT_LE(0, d->vhost);
	/*
	 * What the test is for: the rings through kernel mappings.  Set once
	 * vhost is loaded (opening the device loads it); vhost reads it at
	 * every round.
	 */
	d->param = set_metadata_map('Y');
	if (!d->param)
		TH_LOG("vhost has no metadata_map: the rings go through the user accessors");
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_OWNER, NULL));
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_GET_FEATURES, &features));
	ASSERT_NE(0, features & (1ULL << VIRTIO_F_VERSION_1));
	features = 1ULL << VIRTIO_F_VERSION_1;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_FEATURES, &features));

	/* The buffers, at guest physical addresses that are the test's own. */
	d->bufs = mmap(NULL, 2 * RING_NUM * BUF_LEN, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, d->bufs);
	mem = calloc(1, sizeof(*mem) + sizeof(mem->regions[0]));
	ASSERT_NE(NULL, mem);
	mem->nregions = 1;
	mem->regions[0].guest_phys_addr = (unsigned long)d->bufs;
	mem->regions[0].userspace_addr = (unsigned long)d->bufs;
	mem->regions[0].memory_size = 2 * RING_NUM * BUF_LEN;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_SET_MEM_TABLE, mem));
	free(mem);

	setup_ring(_metadata, d, &d->rx, 0);
	setup_ring(_metadata, d, &d->tx, 1);
	setup_tap(_metadata, d);
	backend.fd = d->tap;
	backend.index = 0;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_NET_SET_BACKEND, &backend));
	backend.index = 1;
	ASSERT_EQ(0, ioctl(d->vhost, VHOST_NET_SET_BACKEND, &backend));
	return true;
}

/* Closing the device lets every page it pinned go. */
static void teardown_dev(struct __test_metadata *_metadata, struct dev *d)
{
	long left;

	if (d->file >= 0)
		close(d->file);
	if (d->vhost < 0)
		return;
	close(d->vhost);
	close(d->sock);
	close(d->tap);
	if (d->param)
		set_metadata_map(d->param);
	left = pins_outstanding(_metadata) - d->pins;
	EXPECT_EQ(0, left) {
		TH_LOG("the device left %ld pages pinned", left);
	}
}

static uint16_t load_used_idx(struct ring *r)
{
	return __atomic_load_n(&r->used->idx, __ATOMIC_ACQUIRE);
}

static void publish(struct ring *r)
{
	__atomic_store_n(&r->avail->idx, r->avail_idx, __ATOMIC_RELEASE);
	eventfd_write(r->kick, 1);
}

/* Descriptor @head of @r. */
static void set_desc(struct ring *r, uint16_t head, void *buf, uint32_t len,
		     uint16_t flags)
{
	struct vring_desc desc = {
		.addr = (unsigned long)buf,
		.len = len,
		.flags = flags,
	};

	memcpy((char *)r->desc + head * sizeof(desc), &desc, sizeof(desc));
}

/* Frame @seq: broadcast, of the test's ethertype, @seq and a pattern. */
static size_t make_frame(uint32_t seq, unsigned char *f)
{
	size_t len = 60 + seq % 1400, i;

	memset(f, 0xff, 6);
	memcpy(f + 6, "\x02\x00\x00\x00\x00\x01", 6);
	f[12] = ETH_TYPE_TEST >> 8;
	f[13] = ETH_TYPE_TEST & 0xff;
	memcpy(f + ETH_HLEN_, &seq, sizeof(seq));
	for (i = ETH_HLEN_ + sizeof(seq); i < len; i++)
		f[i] = seq * 31 + i;
	return len;
}

/* Wait until @r's used index is @want, or for the timeout. */
static bool wait_used(struct ring *r, uint16_t want)
{
	struct pollfd pfd = { .fd = r->call, .events = POLLIN };
	int waited = 0;
	eventfd_t v;

	while (load_used_idx(r) != want) {
		if (waited >= TIMEOUT_MS)
			return false;
		poll(&pfd, 1, 10);
		waited += 10;
		eventfd_read(r->call, &v);
	}
	return true;
}

/* Send @n frames through the transmit queue; check what the tap gets. */
static void transmit(struct __test_metadata *_metadata, struct dev *d,
		     unsigned int n)
{
	struct ring *r = &d->tx;
	unsigned char frame[BUF_LEN], got[BUF_LEN];
	uint32_t seq = d->seq;
	unsigned int i;

	ASSERT_LE(n, RING_NUM);
	for (i = 0; i < n; i++) {
		uint16_t head = (r->avail_idx + i) % RING_NUM;
		char *buf = r->bufs + head * BUF_LEN;
		size_t len = make_frame(seq + i, (unsigned char *)buf + HDR_LEN);

		memset(buf, 0, HDR_LEN);
		set_desc(r, head, buf, HDR_LEN + len, 0);
		r->avail->ring[(r->avail_idx + i) % RING_NUM] = head;
	}
	r->avail_idx += n;
	publish(r);

	for (i = 0; i < n; i++) {
		struct pollfd pfd = { .fd = d->sock, .events = POLLIN };
		size_t len = make_frame(seq + i, frame);
		ssize_t ret;

		ASSERT_EQ(1, poll(&pfd, 1, TIMEOUT_MS)) {
			TH_LOG("frame %u of %u never reached the tap", i, n);
		}
		ret = recv(d->sock, got, sizeof(got), 0);
		ASSERT_EQ(len, ret);
		ASSERT_EQ(0, memcmp(frame, got, len)) {
			TH_LOG("frame %u differs", seq + i);
		}
	}
	ASSERT_TRUE(wait_used(r, r->avail_idx - r->lost)) {
		TH_LOG("sent: used index %u, want %u: a used entry was lost",
		       load_used_idx(r), (uint16_t)(r->avail_idx - r->lost));
	}
	for (i = 0; i < n; i++) {
		struct vring_used_elem *e = &r->used->ring[r->used_idx % RING_NUM];

		ASSERT_EQ((uint16_t)(r->used_idx + r->lost) % RING_NUM, e->id);
		r->used_idx++;
	}
	d->seq += n;
}

/* Send @n frames into the tap; check what the receive queue gets. */
static void receive(struct __test_metadata *_metadata, struct dev *d,
		    unsigned int n)
{
	struct sockaddr_ll sll = {
		.sll_family = AF_PACKET,
		.sll_protocol = htons(ETH_TYPE_TEST),
		.sll_ifindex = d->ifindex,
		.sll_halen = 6,
	};
	/* The tap fills the struct virtio_net_hdr part of the header. */
	static const unsigned char zero_hdr[10];
	struct ring *r = &d->rx;
	unsigned char frame[BUF_LEN];
	uint32_t seq = d->seq;
	unsigned int i;

	ASSERT_LE(n, RING_NUM);
	for (i = 0; i < n; i++) {
		uint16_t head = (r->avail_idx + i) % RING_NUM;
		char *buf = r->bufs + head * BUF_LEN;

		memset(buf, 0xa5, BUF_LEN);
		set_desc(r, head, buf, BUF_LEN, VRING_DESC_F_WRITE);
		r->avail->ring[(r->avail_idx + i) % RING_NUM] = head;
	}
	r->avail_idx += n;
	publish(r);

	for (i = 0; i < n; i++) {
		size_t len = make_frame(seq + i, frame);

		ASSERT_EQ(len, sendto(d->sock, frame, len, 0,
				      (struct sockaddr *)&sll, sizeof(sll)));
	}
	ASSERT_TRUE(wait_used(r, r->avail_idx)) {
		TH_LOG("received: used index %u, want %u: a used entry was lost",
		       load_used_idx(r), r->avail_idx);
	}
	for (i = 0; i < n; i++) {
		struct vring_used_elem *e = &r->used->ring[r->used_idx % RING_NUM];
		size_t len = make_frame(seq + i, frame);
		char *buf = r->bufs + e->id * BUF_LEN;

		ASSERT_EQ((r->used_idx % RING_NUM), e->id);
		ASSERT_EQ(HDR_LEN + len, e->len);
		ASSERT_EQ(0, memcmp(buf, zero_hdr, sizeof(zero_hdr)));
		ASSERT_EQ(0, memcmp(buf + HDR_LEN, frame, len)) {
			TH_LOG("received frame %u differs", seq + i);
		}
		r->used_idx++;
	}
	d->seq += n;
}

static void traffic(struct __test_metadata *_metadata, struct dev *d)
{
	transmit(_metadata, d, 32);
	receive(_metadata, d, 32);
}

/* New pages with the rings' contents, for @r's place. */
static char *copy_ring(struct __test_metadata *_metadata, struct dev *d,
		       struct ring *r)
{
	char *p;

	r->slot ^= 1;
	p = map_slot(d, NULL, r->slot);
	if (!p)
		return NULL;
	memcpy(p, r->mem, d->ring_len);
	return p;
}

static void remap_ring(struct __test_metadata *_metadata, struct dev *d,
		       struct ring *r)
{
	char *saved = malloc(d->ring_len);

	ASSERT_NE(NULL, saved);
	memcpy(saved, r->mem, d->ring_len);
	ASSERT_EQ(0, munmap(r->mem, d->ring_len));
	r->slot ^= 1;
	ASSERT_EQ(r->mem, map_slot(d, r->mem, r->slot));
	memcpy(r->mem, saved, d->ring_len);
	free(saved);
}

static void mremap_ring(struct __test_metadata *_metadata, struct dev *d,
			struct ring *r)
{
	char *p = copy_ring(_metadata, d, r);

	ASSERT_NE(NULL, p);
	ASSERT_EQ(r->mem, mremap(p, d->ring_len, d->ring_len,
				 MREMAP_MAYMOVE | MREMAP_FIXED, r->mem));
}

static void dontneed_ring(struct __test_metadata *_metadata, struct dev *d,
			  struct ring *r)
{
	char *saved = malloc(d->ring_len);

	ASSERT_NE(NULL, saved);
	memcpy(saved, r->mem, d->ring_len);
	ASSERT_EQ(0, madvise(r->mem, d->ring_len, MADV_DONTNEED));
	if (d->backing == ANON)
		memcpy(r->mem, saved, d->ring_len);
	else
		ASSERT_EQ(0, memcmp(r->mem, saved, d->ring_len));
	free(saved);
}

#define ROUNDS 8

/* ROUNDS times: traffic, then @change to each ring; traffic at the end. */
static void change_rounds(struct __test_metadata *_metadata, struct dev *d,
			  void (*change)(struct __test_metadata *_metadata,
					 struct dev *d, struct ring *r))
{
	int i;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		change(_metadata, d, &d->tx);
		change(_metadata, d, &d->rx);
	}
	traffic(_metadata, d);
}

FIXTURE(rings) {
	struct dev d;
};

FIXTURE_VARIANT(rings) {
	enum backing backing;
};

FIXTURE_VARIANT_ADD(rings, anon) {
	.backing = ANON,
};

FIXTURE_VARIANT_ADD(rings, shmem) {
	.backing = SHMEM,
};

FIXTURE_VARIANT_ADD(rings, ext4) {
	.backing = EXT4,
};

FIXTURE_SETUP(rings)
{
	if (!setup_dev(_metadata, &self->d, variant->backing))
		SKIP(return, "no /dev/vhost-net, or $VHOST_TEST_DIR not on ext4");
}

FIXTURE_TEARDOWN(rings)
{
	teardown_dev(_metadata, &self->d);
}

TEST_F(rings, traffic)
{
	int i;

	for (i = 0; i < ROUNDS; i++)
		traffic(_metadata, &self->d);
}

TEST_F(rings, munmap_mmap)
{
	change_rounds(_metadata, &self->d, remap_ring);
}

TEST_F(rings, mremap)
{
	change_rounds(_metadata, &self->d, mremap_ring);
}

TEST_F(rings, madv_dontneed)
{
	change_rounds(_metadata, &self->d, dontneed_ring);
}

/*
 * After fork(), a private ring is the parent's only once it has copied it
 * on write: vhost must follow it there, and write nothing into the pages
 * the child keeps.
 */
TEST_F(rings, fork)
{
	struct dev *d = &self->d;
	int go[2], ready[2], i, status;
	pid_t pid;
	char c;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		ASSERT_EQ(0, pipe(go));
		ASSERT_EQ(0, pipe(ready));
		pid = fork();
		ASSERT_LE(0, pid);
		if (!pid) {
			char *rx = malloc(d->ring_len), *tx = malloc(d->ring_len);
			bool same;

			/* If the parent fails, its end of go closes. */
			close(go[1]);
			close(ready[0]);
			memcpy(rx, d->rx.mem, d->ring_len);
			memcpy(tx, d->tx.mem, d->ring_len);
			if (write(ready[1], "r", 1) != 1 || read(go[0], &c, 1) != 1)
				_exit(2);
			same = !memcmp(rx, d->rx.mem, d->ring_len) &&
			       !memcmp(tx, d->tx.mem, d->ring_len);
			_exit(same || d->backing != ANON ? 0 : 1);
		}
		close(go[0]);
		close(ready[1]);
		ASSERT_EQ(1, read(ready[0], &c, 1));
		traffic(_metadata, d);
		ASSERT_EQ(1, write(go[1], "g", 1));
		ASSERT_EQ(pid, waitpid(pid, &status, 0));
		ASSERT_TRUE(WIFEXITED(status));
		ASSERT_EQ(0, WEXITSTATUS(status)) {
			TH_LOG("the child's copy of the rings was written to");
		}
		close(go[1]);
		close(ready[0]);
	}
	traffic(_metadata, d);
}

/*
 * Wait for the round of vhost that took @r's last descriptor to end (the
 * virtqueue mutex, which VHOST_GET_VRING_BASE takes, is held for the whole
 * round, used-ring writes included), then take the error reports of the
 * round, so that the next poll() of r->err waits for a new one.
 */
static void end_of_round(struct __test_metadata *_metadata, struct dev *d,
			 struct ring *r)
{
	struct vhost_vring_state state = { .index = r->index };
	eventfd_t v;

	ASSERT_EQ(0, ioctl(d->vhost, VHOST_GET_VRING_BASE, &state));
	ASSERT_EQ(r->avail_idx, state.num) {
		TH_LOG("vhost took %u descriptors, want %u", state.num,
		       r->avail_idx);
	}
	eventfd_read(r->err, &v);
}

/*
 * Send a frame through the transmit queue, whose used ring is read-only:
 * vhost reports the error and the used ring stays as it was.  The frame
 * goes out and its used entry is lost: vhost does not try again.
 */
static void transmit_to_read_only(struct __test_metadata *_metadata,
				  struct dev *d)
{
	struct ring *r = &d->tx;
	struct pollfd err = { .fd = r->err, .events = POLLIN };
	struct pollfd sock = { .fd = d->sock, .events = POLLIN };
	uint16_t head = r->avail_idx % RING_NUM;
	char *buf = r->bufs + head * BUF_LEN;
	unsigned char got[BUF_LEN];
	char *saved = malloc(d->page);

	ASSERT_NE(NULL, saved);
	memcpy(saved, r->used, d->page);
	memset(buf, 0, HDR_LEN);
	set_desc(r, head, buf,
		 HDR_LEN + make_frame(d->seq++, (unsigned char *)buf + HDR_LEN),
		 0);
	r->avail->ring[head] = head;
	r->avail_idx++;
	publish(r);

	ASSERT_EQ(1, poll(&err, 1, TIMEOUT_MS)) {
		TH_LOG("no error reported for a read-only used ring");
	}
	ASSERT_EQ(1, poll(&sock, 1, TIMEOUT_MS));
	ASSERT_LT(0, recv(d->sock, got, sizeof(got), 0));
	end_of_round(_metadata, d, r);
	ASSERT_EQ(0, memcmp(saved, r->used, d->page)) {
		TH_LOG("the read-only used ring was written to");
	}
	r->lost++;
	free(saved);
}

/*
 * A used ring the process made read-only takes no write; once it is
 * writable again, the next packets complete.
 */
TEST_F(rings, mprotect_read_only)
{
	struct dev *d = &self->d;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		ASSERT_EQ(0, mprotect(d->tx.used, d->page, PROT_READ));
		transmit_to_read_only(_metadata, d);
		ASSERT_EQ(0, mprotect(d->tx.used, d->page,
				      PROT_READ | PROT_WRITE));
	}
	traffic(_metadata, d);
}

/*
 * Give vhost @r's rings at @mem (a copy of them, in slot @slot of the
 * backing): VHOST_SET_VRING_ADDR while the device runs.
 */
static void move_ring(struct __test_metadata *_metadata, struct dev *d,
		      struct ring *r, char *mem, int slot)
{
	r->mem = mem;
	r->slot = slot;
	ring_layout(d, r);
	ASSERT_EQ(0, vhost_ring_addr(d, r));
}

/*
 * New ring addresses between bursts: vhost uses the new ones and never
 * again the old ones, which stay mapped with other contents.
 */
TEST_F(rings, addr_change)
{
	struct dev *d = &self->d;
	struct ring *rings[] = { &d->tx, &d->rx };
	char *old[2], *p;
	size_t j;
	int i, k;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		for (k = 0; k < 2; k++) {
			struct ring *r = rings[k];

			old[k] = r->mem;
			p = map_slot(d, NULL, r->slot ^ 1);
			ASSERT_NE(NULL, p);
			memcpy(p, r->mem, d->ring_len);
			move_ring(_metadata, d, r, p, r->slot ^ 1);
			memset(old[k], 0x5a, d->ring_len);
		}
		traffic(_metadata, d);
		for (k = 0; k < 2; k++) {
			for (j = 0; j < d->ring_len; j++)
				if (old[k][j] != 0x5a)
					break;
			ASSERT_EQ(d->ring_len, j) {
				TH_LOG("vhost wrote at offset %zu of the %s rings' old place",
				       j, k ? "receive" : "transmit");
			}
			ASSERT_EQ(0, munmap(old[k], d->ring_len));
		}
	}
	traffic(_metadata, d);
}

/*
 * vhost refuses an available ring that is not 2-byte aligned and a used
 * ring that is not 4-byte aligned, and changes nothing.  A descriptor
 * table across two pages works.
 */
TEST_F(rings, addr_unaligned)
{
	struct dev *d = &self->d;
	struct ring *r = &d->tx;
	struct vring_desc *desc = r->desc;
	char *p;
	int i;

	traffic(_metadata, d);
	r->avail = (void *)((char *)r->avail + 1);
	EXPECT_EQ(-1, vhost_ring_addr(d, r));
	EXPECT_EQ(EINVAL, errno);
	ring_layout(d, r);
	r->used = (void *)((char *)r->used + 2);
	EXPECT_EQ(-1, vhost_ring_addr(d, r));
	EXPECT_EQ(EINVAL, errno);
	ring_layout(d, r);
	traffic(_metadata, d);

	p = map_slot(d, NULL, r->slot ^ 1);
	ASSERT_NE(NULL, p);
	r->desc = (void *)(p + d->page - RING_NUM * sizeof(*desc) / 2);
	ASSERT_EQ(0, vhost_ring_addr(d, r));
	for (i = 0; i < ROUNDS; i++)
		traffic(_metadata, d);
	r->desc = desc;
	ASSERT_EQ(0, vhost_ring_addr(d, r));
	traffic(_metadata, d);
	ASSERT_EQ(0, munmap(p, d->ring_len));
}

/*
 * Rings where nothing is mapped: vhost takes the addresses (it checks only
 * that they are user addresses) and reports the error at the next kick.
 * Given the right addresses again, the device goes on where it stopped.
 */
TEST_F(rings, addr_unmapped)
{
	struct dev *d = &self->d;
	struct ring *r = &d->tx;
	struct pollfd err = { .fd = r->err, .events = POLLIN };
	char *mem = r->mem, *hole;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		hole = map_slot(d, NULL, r->slot ^ 1);
		ASSERT_NE(NULL, hole);
		ASSERT_EQ(0, munmap(hole, d->ring_len));
		r->mem = hole;
		ring_layout(d, r);
		ASSERT_EQ(0, vhost_ring_addr(d, r));
		eventfd_write(r->kick, 1);
		ASSERT_EQ(1, poll(&err, 1, TIMEOUT_MS)) {
			TH_LOG("no error reported for unmapped rings");
		}
		end_of_round(_metadata, d, r);
		r->mem = mem;
		ring_layout(d, r);
		ASSERT_EQ(0, vhost_ring_addr(d, r));
	}
	traffic(_metadata, d);
}

/*
 * A used ring at a new address in read-only memory: an error report, no
 * write; writable again, the ring works.
 */
TEST_F(rings, addr_read_only)
{
	struct dev *d = &self->d;
	struct ring *r = &d->tx;
	char *old, *p;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		old = r->mem;
		p = map_slot(d, NULL, r->slot ^ 1);
		ASSERT_NE(NULL, p);
		memcpy(p, r->mem, d->ring_len);
		ASSERT_EQ(0, mprotect(p + d->page, d->page, PROT_READ));
		move_ring(_metadata, d, r, p, r->slot ^ 1);
		ASSERT_EQ(0, munmap(old, d->ring_len));
		transmit_to_read_only(_metadata, d);
		ASSERT_EQ(0, mprotect(r->used, d->page,
				      PROT_READ | PROT_WRITE));
	}
	traffic(_metadata, d);
}

/*
 * A used ring over the descriptor table: vhost may refuse it; if it takes
 * it, it writes its used entries and index where it is told, over
 * descriptors it has read, and the frames go out whole.  Given its own page
 * again, the used ring goes on.
 */
TEST_F(rings, addr_overlapping)
{
	struct dev *d = &self->d;
	struct ring *r = &d->tx;
	struct vring_used *used = r->used;
	int i;

	traffic(_metadata, d);
	r->used = (struct vring_used *)r->desc;
	if (vhost_ring_addr(d, r)) {
		ASSERT_EQ(EINVAL, errno);
	} else {
		/* One at a time: a used entry overwrites a descriptor. */
		for (i = 0; i < ROUNDS; i++)
			transmit(_metadata, d, 1);
	}
	r->used = used;
	ASSERT_EQ(0, vhost_ring_addr(d, r));
	traffic(_metadata, d);
}

static void drop_page_cache(struct __test_metadata *_metadata)
{
	int fd = open("/proc/sys/vm/drop_caches", O_WRONLY);

	ASSERT_LE(0, fd);
	ASSERT_EQ(1, write(fd, "3", 1));
	close(fd);
}

/*
 * The used ring's writes are the process's: once the ring is changed
 * under vhost, they must be in the memory of the file the ring is in.
 */
TEST(ext4_writeback)
{
	struct dev dev, *d = &dev;
	char *disk, *mem;
	long pins;
	int i;

	if (!setup_dev(_metadata, d, EXT4))
		SKIP(return, "no /dev/vhost-net, or $VHOST_TEST_DIR not on ext4");
	disk = malloc(d->page);
	mem = malloc(d->page);
	ASSERT_NE(NULL, disk);
	ASSERT_NE(NULL, mem);
	for (i = 0; i < ROUNDS; i++) {
		traffic(_metadata, d);
		ASSERT_EQ(0, fsync(d->file));
		drop_page_cache(_metadata);
		traffic(_metadata, d);
		memcpy(mem, d->tx.used, d->page);
		/* Let the file's pages go, then read them back. */
		pins = pins_outstanding(_metadata);
		ASSERT_EQ(0, munmap(d->tx.mem, d->ring_len));
		ASSERT_EQ(0, fsync(d->file));
		wait_unpinned(_metadata, pins);
		drop_page_cache(_metadata);
		ASSERT_EQ(d->page, pread(d->file, disk, d->page,
					 d->tx.slot * d->ring_len + d->page));
		ASSERT_EQ(0, memcmp(mem, disk, d->page)) {
			TH_LOG("the file lost writes to its used ring");
		}
		ASSERT_EQ(d->tx.mem, map_slot(d, d->tx.mem, d->tx.slot));
	}
	traffic(_metadata, d);
	free(disk);
	free(mem);
	teardown_dev(_metadata, d);
}

struct stress {
	struct dev *d;
	unsigned int rounds, done;
	bool stop;
};

/* Invalidate the rings without taking them from the driver or vhost. */
static void *invalidate(void *arg)
{
	struct stress *s = arg;
	struct dev *d = s->d;
	int prot = PROT_READ | PROT_WRITE;

	while (!__atomic_load_n(&s->stop, __ATOMIC_RELAXED) &&
	       s->done < s->rounds) {
		struct ring *r = s->done & 1 ? &d->rx : &d->tx;

		if (s->done % 100 == 99) {
			pid_t pid = fork();

			if (!pid)
				_exit(0);
			waitpid(pid, NULL, 0);
		} else if (mprotect(r->mem, d->ring_len,
				    s->done & 2 ? prot | PROT_EXEC : prot)) {
			break;
		}
		__atomic_add_fetch(&s->done, 1, __ATOMIC_RELAXED);
	}
	return NULL;
}

/*
 * VHOST_STRESS_ROUNDS invalidations (mprotect() and, one in a hundred,
 * fork()) while packets go both ways.
 */
TEST_F_TIMEOUT(rings, stress, 1200)
{
	const char *env = getenv("VHOST_STRESS_ROUNDS");
	struct stress s = {
		.d = &self->d,
		.rounds = env ? atoi(env) : 10000,
	};
	pthread_t thread;
	unsigned long bursts = 0;

	ASSERT_EQ(0, pthread_create(&thread, NULL, invalidate, &s));
	while (__atomic_load_n(&s.done, __ATOMIC_RELAXED) < s.rounds) {
		traffic(_metadata, &self->d);
		bursts++;
	}
	__atomic_store_n(&s.stop, true, __ATOMIC_RELAXED);
	pthread_join(thread, NULL);
	ASSERT_EQ(s.rounds, s.done);
	TH_LOG("%u invalidations during %lu bursts of 64 packets",
	       s.done, bursts);
}

/*
 * A used ring the kernel wrote to, of memory the process freed with
 * MADV_FREE and did not write again, is still dirty: reclaim must not
 * discard the kernel's writes.
 */
TEST(anon_madv_free)
{
	struct dev dev, *d = &dev;
	struct ring *r = &d->tx;
	char *saved;
	long pins;

	if (!setup_dev(_metadata, d, ANON))
		SKIP(return, "no /dev/vhost-net");
	saved = malloc(d->page);
	ASSERT_NE(NULL, saved);
	traffic(_metadata, d);
	ASSERT_EQ(0, madvise(r->used, d->page, MADV_FREE));
	transmit(_metadata, d, 32);
	memcpy(saved, r->used, d->page);
	/* Invalidate, leaving the page mapped and its PTE as it is. */
	pins = pins_outstanding(_metadata);
	ASSERT_EQ(0, mprotect(r->used, d->page, PROT_READ));
	ASSERT_EQ(0, mprotect(r->used, d->page, PROT_READ | PROT_WRITE));
	wait_unpinned(_metadata, pins);
	ASSERT_EQ(0, madvise(r->used, d->page, MADV_PAGEOUT));
	ASSERT_EQ(0, memcmp(saved, r->used, d->page)) {
		TH_LOG("reclaim discarded the used ring: used index %u, want %u",
		       load_used_idx(r), r->avail_idx);
	}
	free(saved);
	teardown_dev(_metadata, d);
}

TEST_HARNESS_MAIN
