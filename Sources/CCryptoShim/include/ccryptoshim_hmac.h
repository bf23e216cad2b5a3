// ccryptoshim_hmac: a keyed HMAC context that is set up once and reused for many short messages
// (one-time-password windows and bulk code generation), instead of fetching the MAC for every call.
#ifndef CCRYPTOSHIM_HMAC_H
#define CCRYPTOSHIM_HMAC_H

#include <stddef.h>
#include <stdint.h>

/// digest names: "SHA1", "SHA256", "SHA512". Returns NULL on failure; free with ws_hmac_ctx_free.
void *ws_hmac_ctx_new(const char *digest, const uint8_t *key, size_t key_len);
/// HMAC of msg under the context's key; out must hold 64 bytes. Returns 1 on success.
int ws_hmac_ctx_compute(void *ctx, const uint8_t *msg, size_t msg_len, uint8_t *out, size_t *out_len);
/// Frees the context (OpenSSL cleanses the key material).
void ws_hmac_ctx_free(void *ctx);

#endif
