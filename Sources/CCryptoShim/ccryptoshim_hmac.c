// Reusable HMAC contexts over OpenSSL 3's EVP_MAC: fetch and key once, then re-initialise per message
// (EVP_MAC_init with a NULL key keeps the key already set).
#include "ccryptoshim_hmac.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

void *ws_hmac_ctx_new(const char *digest, const uint8_t *key, size_t key_len) {
    static const uint8_t empty = 0;
    EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
    if (!mac) return NULL;
    EVP_MAC_CTX *ctx = EVP_MAC_CTX_new(mac);
    EVP_MAC_free(mac);
    if (!ctx) return NULL;
    OSSL_PARAM params[2];
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)digest, 0);
    params[1] = OSSL_PARAM_construct_end();
    if (!EVP_MAC_init(ctx, key_len ? key : &empty, key_len, params)) {
        EVP_MAC_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

int ws_hmac_ctx_compute(void *ctx, const uint8_t *msg, size_t msg_len, uint8_t *out, size_t *out_len) {
    static const uint8_t empty = 0;
    EVP_MAC_CTX *mac = (EVP_MAC_CTX *)ctx;
    if (!EVP_MAC_init(mac, NULL, 0, NULL)) return 0;
    if (!EVP_MAC_update(mac, msg_len ? msg : &empty, msg_len)) return 0;
    return EVP_MAC_final(mac, out, out_len, EVP_MAX_MD_SIZE);
}

void ws_hmac_ctx_free(void *ctx) { EVP_MAC_CTX_free((EVP_MAC_CTX *)ctx); }
