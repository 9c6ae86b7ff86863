/* SHA-256 (FIPS 180-4) and HMAC-SHA-256 (RFC 2104), for pseudonyms. */
#ifndef TURNUS_SHA256_H
#define TURNUS_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_LEN	32
#define SHA256_BLOCK	64

struct sha256 {
	uint32_t	 h[8];
	uint64_t	 len;		/* bytes hashed so far */
	unsigned char	 buf[SHA256_BLOCK];
	size_t		 nbuf;
};

void	 sha256_init(struct sha256 *);
void	 sha256_add(struct sha256 *, const void *, size_t);
void	 sha256_end(struct sha256 *, unsigned char [SHA256_LEN]);

/* HMAC-SHA-256 of msg under key (any length). */
void	 hmac_sha256(const void *, size_t, const void *, size_t,
	    unsigned char [SHA256_LEN]);

#endif
