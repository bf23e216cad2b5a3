// ccryptoshim: thin C wrappers over OpenSSL 3 EVP calls for walletsec.
// Every function returns 1 on success and 0 on failure (for *_open: 0 also means the tag did not verify).
#ifndef CCRYPTOSHIM_H
#define CCRYPTOSHIM_H

#include <stddef.h>
#include <stdint.h>

#include "ccryptoshim_hmac.h"  // reusable HMAC contexts (one-time passwords)

/// digest names: "SHA1", "SHA256", "SHA512"
int ws_hmac(const char *digest, const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
            uint8_t *out, size_t *out_len);
int ws_digest(const char *digest, const uint8_t *msg, size_t msg_len, uint8_t *out, size_t *out_len);

/// Streaming digest; the handle is freed by ws_digest_free (always call it).
void *ws_digest_new(const char *digest);
int ws_digest_update(void *ctx, const uint8_t *msg, size_t msg_len);
int ws_digest_final(void *ctx, uint8_t *out, size_t *out_len);
void ws_digest_free(void *ctx);

int ws_hkdf(const char *digest, const uint8_t *salt, size_t salt_len, const uint8_t *ikm, size_t ikm_len,
            const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len);
int ws_pbkdf2(const char *digest, const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len,
              uint32_t iterations, uint8_t *out, size_t out_len);
int ws_scrypt(const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len, uint64_t n, uint64_t r,
              uint64_t p, uint64_t max_mem, uint8_t *out, size_t out_len);

/// AES-GCM with a 16-byte tag; key length 16, 24 or 32.
int ws_aes_gcm_seal(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len, const uint8_t *aad,
                    size_t aad_len, const uint8_t *pt, size_t pt_len, uint8_t *ct, uint8_t *tag);
int ws_aes_gcm_open(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len, const uint8_t *aad,
                    size_t aad_len, const uint8_t *ct, size_t ct_len, const uint8_t *tag, uint8_t *pt);

/// AES-256-CBC decryption with PKCS#7 padding removed (other apps' exports): key 32 bytes, iv 16, ct_len a
/// multiple of 16; pt must hold ct_len bytes and *pt_len receives the unpadded length. Returns 0 on bad padding.
int ws_aes_cbc_decrypt(const uint8_t *key, const uint8_t *iv, const uint8_t *ct, size_t ct_len, uint8_t *pt,
                       size_t *pt_len);

/// ChaCha20-Poly1305 (RFC 8439) with a reusable context: key 32 bytes, nonce 12, tag 16.
void *ws_chacha_new(void);
void ws_chacha_free(void *ctx);
int ws_chacha_seal(void *ctx, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_len,
                   const uint8_t *pt, size_t pt_len, uint8_t *ct, uint8_t *tag);
int ws_chacha_open(void *ctx, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_len,
                   const uint8_t *ct, size_t ct_len, const uint8_t *tag, uint8_t *pt);

#endif
