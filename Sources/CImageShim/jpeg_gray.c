// JPEG to 8-bit grayscale with libjpeg(-turbo): errors come back as return codes (setjmp/longjmp),
// warnings are never printed (a library must not write to stderr), and a premature end of data is an
// error rather than the gray fill libjpeg would otherwise hand back.
#include "cimageshim.h"

#include <setjmp.h>
#include <stdio.h>
#include <string.h>

#include <jerror.h>
#include <jpeglib.h>

/// Real encoders write at most a few dozen scans; libjpeg-turbo's own guidance caps untrusted input.
#define WS_MAX_SCANS 500
/// libjpeg's working memory for one image (a progressive 50-megapixel photo needs about 300 MB).
#define WS_MAX_MEMORY (512L * 1024 * 1024)

struct ws_error {
    struct jpeg_error_mgr base;
    jmp_buf jump;
    int result;
    int truncated;
};

static void ws_error_exit(j_common_ptr cinfo) {
    struct ws_error *error = (struct ws_error *)cinfo->err;
    // Data running out (a warning first) usually ends in an error further on: report the cause.
    if (error->result == WS_JPEG_OK) error->result = error->truncated ? WS_JPEG_TRUNCATED : WS_JPEG_CORRUPT;
    longjmp(error->jump, 1);
}

static void ws_emit_message(j_common_ptr cinfo, int level) {
    struct ws_error *error = (struct ws_error *)cinfo->err;
    // Level -1 is a warning; the end of data arriving early is the one that means "truncated".
    if (level < 0 && error->base.msg_code == JWRN_JPEG_EOF) error->truncated = 1;
}

static void ws_output_message(j_common_ptr cinfo) { (void)cinfo; }

static void ws_progress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor) {
        j_decompress_ptr d = (j_decompress_ptr)cinfo;
        if (d->input_scan_number > WS_MAX_SCANS) {
            ((struct ws_error *)cinfo->err)->result = WS_JPEG_TOO_MANY_SCANS;
            longjmp(((struct ws_error *)cinfo->err)->jump, 1);
        }
    }
}

static void ws_setup(struct jpeg_decompress_struct *cinfo, struct ws_error *error,
                     struct jpeg_progress_mgr *progress) {
    cinfo->err = jpeg_std_error(&error->base);
    error->base.error_exit = ws_error_exit;
    error->base.emit_message = ws_emit_message;
    error->base.output_message = ws_output_message;
    error->result = WS_JPEG_OK;
    error->truncated = 0;
    jpeg_create_decompress(cinfo);
    cinfo->mem->max_memory_to_use = WS_MAX_MEMORY;
    progress->progress_monitor = ws_progress;
    cinfo->progress = progress;
}

/// One decoder for both entry points (setjmp must sit in the function libjpeg longjmps out of): with `out`
/// NULL it reads the header and stores the size; otherwise it decodes into `out`, which must match that size.
static int ws_jpeg_run(const uint8_t *data, size_t size, uint8_t *out, size_t out_size, uint32_t *width,
                       uint32_t *height) {
    struct jpeg_decompress_struct cinfo;
    struct ws_error error;
    struct jpeg_progress_mgr progress;
    memset(&cinfo, 0, sizeof cinfo);
    memset(&progress, 0, sizeof progress);
    ws_setup(&cinfo, &error, &progress);
    if (setjmp(error.jump)) {
        int result = error.result;
        jpeg_destroy_decompress(&cinfo);
        return result;
    }
    jpeg_mem_src(&cinfo, data, (unsigned long)size);
    jpeg_read_header(&cinfo, TRUE);
    if (out == NULL) {
        *width = cinfo.image_width;
        *height = cinfo.image_height;
        int result = error.truncated ? WS_JPEG_TRUNCATED : WS_JPEG_OK;
        jpeg_destroy_decompress(&cinfo);
        return result;
    }
    uint32_t w = *width, h = *height;
    if (cinfo.image_width != w || cinfo.image_height != h || (size_t)w * h != out_size) {
        jpeg_destroy_decompress(&cinfo);
        return WS_JPEG_BAD_BUFFER;
    }
    if (cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK) {
        jpeg_destroy_decompress(&cinfo);
        return WS_JPEG_UNSUPPORTED;
    }
    cinfo.out_color_space = JCS_GRAYSCALE;
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_components != 1 || cinfo.output_width != w || cinfo.output_height != h) {
        jpeg_destroy_decompress(&cinfo);
        return WS_JPEG_BAD_BUFFER;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = out + (size_t)cinfo.output_scanline * w;
        if (jpeg_read_scanlines(&cinfo, &row, 1) != 1) break;
        if (error.truncated) break;
    }
    int result = error.truncated ? WS_JPEG_TRUNCATED : WS_JPEG_OK;
    if (result == WS_JPEG_OK) jpeg_finish_decompress(&cinfo);
    else jpeg_abort_decompress(&cinfo);
    result = error.truncated ? WS_JPEG_TRUNCATED : result;
    jpeg_destroy_decompress(&cinfo);
    return result;
}

int ws_jpeg_dimensions(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height) {
    return ws_jpeg_run(data, size, NULL, 0, width, height);
}

int ws_jpeg_decode_gray(const uint8_t *data, size_t size, uint8_t *out, size_t out_size, uint32_t width,
                        uint32_t height) {
    if (out == NULL) return WS_JPEG_BAD_BUFFER;
    return ws_jpeg_run(data, size, out, out_size, &width, &height);
}
