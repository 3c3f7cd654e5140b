// libsrtp 3 API on top of the system libsrtp 2 (Debian bookworm ships libsrtp2 2.5).
//
// mediasoup 3.19 builds against a libsrtp 3 beta, whose protect/unprotect functions take a
// separate output buffer and size_t lengths, and which renamed srtp_remove_stream. The worker
// only calls these from C++, so plain C++ overloads beside libsrtp 2's C functions are enough:
// they copy the packet into the output buffer and run libsrtp 2's in-place function there.
#ifndef PLENUM_SRTP3_ADAPTER_H
#define PLENUM_SRTP3_ADAPTER_H

#include <srtp2/srtp.h>

#ifdef __cplusplus

#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstring>

// Error codes that only libsrtp 3 has (same numbers as there); libsrtp 2 stops at 27.
static constexpr srtp_err_status_t srtp_err_status_buffer_small = static_cast<srtp_err_status_t>(28);
static constexpr srtp_err_status_t srtp_err_status_cryptex_err = static_cast<srtp_err_status_t>(29);

namespace plenum_srtp3
{
	// Upper bound of what libsrtp 2 appends: the auth tag, the MKI when one is used, and for
	// SRTCP the 4-byte E-flag/index word. (srtp_get_protect_trailer_length() reports 0 for
	// HMAC-SHA1 session templates in 2.5, so it cannot be used for this check.)
	inline size_t trailerRoom(size_t mkiIndex, bool rtcp)
	{
		return SRTP_MAX_TAG_LEN + (mkiIndex != 0 ? SRTP_MAX_MKI_LEN : 0) + (rtcp ? 4 : 0);
	}

	// Copies `in` to `out` when they differ and checks lengths fit libsrtp 2's `int`.
	inline srtp_err_status_t prepare(const uint8_t* in, size_t inLen, uint8_t* out, size_t outCap, size_t room)
	{
		if (inLen > static_cast<size_t>(INT_MAX) - room)
			return srtp_err_status_bad_param;
		if (outCap < inLen + room)
			return srtp_err_status_buffer_small;
		if (out != in)
			std::memmove(out, in, inLen);
		return srtp_err_status_ok;
	}
} // namespace plenum_srtp3

inline srtp_err_status_t srtp_protect(
  srtp_t ctx, const uint8_t* rtp, size_t rtpLen, uint8_t* srtp, size_t* srtpLen, size_t mkiIndex)
{
	const srtp_err_status_t ready =
	  plenum_srtp3::prepare(rtp, rtpLen, srtp, *srtpLen, plenum_srtp3::trailerRoom(mkiIndex, false));
	if (ready != srtp_err_status_ok)
		return ready;

	int len = static_cast<int>(rtpLen);
	const srtp_err_status_t err =
	  mkiIndex != 0 ? srtp_protect_mki(ctx, srtp, &len, 1, static_cast<unsigned int>(mkiIndex)) : srtp_protect(ctx, srtp, &len);
	if (err == srtp_err_status_ok)
		*srtpLen = static_cast<size_t>(len);
	return err;
}

inline srtp_err_status_t srtp_protect_rtcp(
  srtp_t ctx, const uint8_t* rtcp, size_t rtcpLen, uint8_t* srtcp, size_t* srtcpLen, size_t mkiIndex)
{
	const srtp_err_status_t ready =
	  plenum_srtp3::prepare(rtcp, rtcpLen, srtcp, *srtcpLen, plenum_srtp3::trailerRoom(mkiIndex, true));
	if (ready != srtp_err_status_ok)
		return ready;

	int len = static_cast<int>(rtcpLen);
	const srtp_err_status_t err = mkiIndex != 0
	                                ? srtp_protect_rtcp_mki(ctx, srtcp, &len, 1, static_cast<unsigned int>(mkiIndex))
	                                : srtp_protect_rtcp(ctx, srtcp, &len);
	if (err == srtp_err_status_ok)
		*srtcpLen = static_cast<size_t>(len);
	return err;
}

// Unprotecting only shrinks the packet, so the output needs room for the input alone.
inline srtp_err_status_t srtp_unprotect(
  srtp_t ctx, const uint8_t* srtp, size_t srtpLen, uint8_t* rtp, size_t* rtpLen)
{
	const srtp_err_status_t ready = plenum_srtp3::prepare(srtp, srtpLen, rtp, *rtpLen, 0);
	if (ready != srtp_err_status_ok)
		return ready;

	int len = static_cast<int>(srtpLen);
	const srtp_err_status_t err = srtp_unprotect(ctx, rtp, &len);
	if (err == srtp_err_status_ok)
		*rtpLen = static_cast<size_t>(len);
	return err;
}

inline srtp_err_status_t srtp_unprotect_rtcp(
  srtp_t ctx, const uint8_t* srtcp, size_t srtcpLen, uint8_t* rtcp, size_t* rtcpLen)
{
	const srtp_err_status_t ready = plenum_srtp3::prepare(srtcp, srtcpLen, rtcp, *rtcpLen, 0);
	if (ready != srtp_err_status_ok)
		return ready;

	int len = static_cast<int>(srtcpLen);
	const srtp_err_status_t err = srtp_unprotect_rtcp(ctx, rtcp, &len);
	if (err == srtp_err_status_ok)
		*rtcpLen = static_cast<size_t>(len);
	return err;
}

// libsrtp 3 name of srtp_remove_stream (same arguments: the SSRC in network byte order).
inline srtp_err_status_t srtp_stream_remove(srtp_t session, uint32_t ssrc)
{
	return srtp_remove_stream(session, ssrc);
}

#endif // __cplusplus

#endif // PLENUM_SRTP3_ADAPTER_H
