// ccryptoshim: OpenSSL 3 EVP wrappers (HMAC, digests, HKDF, PBKDF2, scrypt, AES-GCM, ChaCha20-Poly1305).
#include "ccryptoshim.h"

#include <limits.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <string.h>

int ws_hmac(const char *digest, const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
            uint8_t *out, size_t *out_len) {
    static const uint8_t empty = 0;
    return EVP_Q_mac(NULL, "HMAC", NULL, digest, NULL, key_len ? key : &empty, key_len, msg_len ? msg : &empty,
                     msg_len, out, EVP_MAX_MD_SIZE, out_len) != NULL;
}

int ws_digest(const char *digest, const uint8_t *msg, size_t msg_len, uint8_t *out, size_t *out_len) {
    return EVP_Q_digest(NULL, digest, NULL, msg, msg_len, out, out_len);
}

void *ws_digest_new(const char *digest) {
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    if (!ctx) return NULL;
    EVP_MD *md = EVP_MD_fetch(NULL, digest, NULL);
    int ok = md && EVP_DigestInit_ex2(ctx, md, NULL);
    EVP_MD_free(md);
    if (!ok) {
        EVP_MD_CTX_free(ctx);
        return NULL;
    }
    return ctx;
}

int ws_digest_update(void *ctx, const uint8_t *msg, size_t msg_len) {
    return EVP_DigestUpdate((EVP_MD_CTX *)ctx, msg, msg_len);
}

int ws_digest_final(void *ctx, uint8_t *out, size_t *out_len) {
    unsigned int n = 0;
    int ok = EVP_DigestFinal_ex((EVP_MD_CTX *)ctx, out, &n);
    *out_len = n;
    return ok;
}

void ws_digest_free(void *ctx) { EVP_MD_CTX_free((EVP_MD_CTX *)ctx); }

int ws_hkdf(const char *digest, const uint8_t *salt, size_t salt_len, const uint8_t *ikm, size_t ikm_len,
            const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len) {
    EVP_KDF *kdf = EVP_KDF_fetch(NULL, "HKDF", NULL);
    if (!kdf) return 0;
    EVP_KDF_CTX *ctx = EVP_KDF_CTX_new(kdf);
    EVP_KDF_free(kdf);
    if (!ctx) return 0;
    static uint8_t empty = 0;
    OSSL_PARAM params[5];
    size_t i = 0;
    params[i++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)digest, 0);
    params[i++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, ikm_len ? (void *)ikm : &empty, ikm_len);
    params[i++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, salt_len ? (void *)salt : &empty, salt_len);
    params[i++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, info_len ? (void *)info : &empty, info_len);
    params[i] = OSSL_PARAM_construct_end();
    int ok = EVP_KDF_derive(ctx, out, out_len, params) > 0;
    EVP_KDF_CTX_free(ctx);
    return ok;
}

int ws_pbkdf2(const char *digest, const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len,
              uint32_t iterations, uint8_t *out, size_t out_len) {
    if (pass_len > INT_MAX || salt_len > INT_MAX || out_len > INT_MAX || iterations == 0 || iterations > INT_MAX)
        return 0;
    EVP_MD *md = EVP_MD_fetch(NULL, digest, NULL);
    if (!md) return 0;
    int ok = PKCS5_PBKDF2_HMAC((const char *)pass, (int)pass_len, salt, (int)salt_len, (int)iterations, md,
                               (int)out_len, out);
    EVP_MD_free(md);
    return ok;
}

int ws_scrypt(const uint8_t *pass, size_t pass_len, const uint8_t *salt, size_t salt_len, uint64_t n, uint64_t r,
              uint64_t p, uint64_t max_mem, uint8_t *out, size_t out_len) {
    return EVP_PBE_scrypt((const char *)pass, pass_len, salt, salt_len, n, r, p, max_mem, out, out_len);
}

static int aead_run(const EVP_CIPHER *cipher, EVP_CIPHER_CTX *ctx, int enc, const uint8_t *key, const uint8_t *iv,
                    size_t iv_len, const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t in_len,
                    uint8_t *out, uint8_t *tag) {
    int len = 0;
    if (in_len > INT_MAX || aad_len > INT_MAX) return 0;
    if (!EVP_CipherInit_ex2(ctx, cipher, NULL, NULL, enc, NULL)) return 0;
    if (!EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_IVLEN, (int)iv_len, NULL)) return 0;
    if (!EVP_CipherInit_ex2(ctx, NULL, key, iv, enc, NULL)) return 0;
    if (aad_len && !EVP_CipherUpdate(ctx, NULL, &len, aad, (int)aad_len)) return 0;
    if (!enc && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_SET_TAG, 16, (void *)tag)) return 0;
    if (in_len && !EVP_CipherUpdate(ctx, out, &len, in, (int)in_len)) return 0;
    uint8_t scratch[16];
    if (!EVP_CipherFinal_ex(ctx, scratch, &len)) return 0;
    if (enc && !EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, tag)) return 0;
    return 1;
}

static const EVP_CIPHER *gcm_for(size_t key_len) {
    switch (key_len) {
    case 16: return EVP_aes_128_gcm();
    case 24: return EVP_aes_192_gcm();
    case 32: return EVP_aes_256_gcm();
    default: return NULL;
    }
}

int ws_aes_gcm_seal(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len, const uint8_t *aad,
                    size_t aad_len, const uint8_t *pt, size_t pt_len, uint8_t *ct, uint8_t *tag) {
    const EVP_CIPHER *c = gcm_for(key_len);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int ok = c && ctx && aead_run(c, ctx, 1, key, iv, iv_len, aad, aad_len, pt, pt_len, ct, tag);
    EVP_CIPHER_CTX_free(ctx);
    return ok;
}

int ws_aes_gcm_open(const uint8_t *key, size_t key_len, const uint8_t *iv, size_t iv_len, const uint8_t *aad,
                    size_t aad_len, const uint8_t *ct, size_t ct_len, const uint8_t *tag, uint8_t *pt) {
    const EVP_CIPHER *c = gcm_for(key_len);
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int ok = c && ctx && aead_run(c, ctx, 0, key, iv, iv_len, aad, aad_len, ct, ct_len, pt, (uint8_t *)tag);
    EVP_CIPHER_CTX_free(ctx);
    if (!ok && ct_len) memset(pt, 0, ct_len);
    return ok;
}

int ws_aes_cbc_decrypt(const uint8_t *key, const uint8_t *iv, const uint8_t *ct, size_t ct_len, uint8_t *pt,
                       size_t *pt_len) {
    int len = 0, final_len = 0;
    *pt_len = 0;
    if (ct_len == 0 || ct_len % 16 != 0 || ct_len > INT_MAX) return 0;
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    // OpenSSL checks and strips the PKCS#7 padding in EVP_DecryptFinal_ex (padding is on by default).
    int ok = ctx && EVP_DecryptInit_ex2(ctx, EVP_aes_256_cbc(), key, iv, NULL) &&
             EVP_DecryptUpdate(ctx, pt, &len, ct, (int)ct_len) && EVP_DecryptFinal_ex(ctx, pt + len, &final_len);
    EVP_CIPHER_CTX_free(ctx);
    if (!ok) {
        memset(pt, 0, ct_len);
        return 0;
    }
    *pt_len = (size_t)len + (size_t)final_len;
    return 1;
}

void *ws_chacha_new(void) { return EVP_CIPHER_CTX_new(); }

void ws_chacha_free(void *ctx) { EVP_CIPHER_CTX_free((EVP_CIPHER_CTX *)ctx); }

int ws_chacha_seal(void *ctx, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_len,
                   const uint8_t *pt, size_t pt_len, uint8_t *ct, uint8_t *tag) {
    return aead_run(EVP_chacha20_poly1305(), (EVP_CIPHER_CTX *)ctx, 1, key, nonce, 12, aad, aad_len, pt, pt_len, ct,
                    tag);
}

int ws_chacha_open(void *ctx, const uint8_t *key, const uint8_t *nonce, const uint8_t *aad, size_t aad_len,
                   const uint8_t *ct, size_t ct_len, const uint8_t *tag, uint8_t *pt) {
    int ok = aead_run(EVP_chacha20_poly1305(), (EVP_CIPHER_CTX *)ctx, 0, key, nonce, 12, aad, aad_len, ct, ct_len,
                      pt, (uint8_t *)tag);
    if (!ok && ct_len) memset(pt, 0, ct_len);
    return ok;
}
