// The system liburing (2.3 on Debian bookworm) plus the helpers mediasoup 3.19 calls that only
// liburing >= 2.4 has. PLENUM_LIBURING_MAJOR/MINOR come from pkg-config (see ../meson.build).
#ifndef PLENUM_LIBURING_ADAPTER_H
#define PLENUM_LIBURING_ADAPTER_H

#include_next <liburing.h>

#if !defined(IO_URING_VERSION_MAJOR)

#ifdef __cplusplus
extern "C" {
#endif

// What liburing 2.4 defines: a send with a destination address (IORING_OP_SEND + addr2).
static inline void io_uring_prep_sendto(struct io_uring_sqe* sqe, int sockfd, const void* buf, size_t len,
                                        int flags, const struct sockaddr* addr, socklen_t addrlen)
{
	io_uring_prep_send(sqe, sockfd, buf, len, flags);
	io_uring_prep_send_set_addr(sqe, addr, (__u16)addrlen);
}

static inline int io_uring_major_version(void)
{
	return PLENUM_LIBURING_MAJOR;
}

static inline int io_uring_minor_version(void)
{
	return PLENUM_LIBURING_MINOR;
}

#ifdef __cplusplus
}
#endif

#endif // !IO_URING_VERSION_MAJOR

#endif // PLENUM_LIBURING_ADAPTER_H
