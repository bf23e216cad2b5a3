// cimageshim: JPEG decoding to 8-bit grayscale for the QR reader. libjpeg reports errors by calling
// error_exit, which must not return: only C can catch that with setjmp/longjmp, so these calls live here.
#ifndef CIMAGESHIM_H
#define CIMAGESHIM_H

#include <stddef.h>
#include <stdint.h>

/// Results of the calls below.
enum {
    WS_JPEG_OK = 0,
    /// libjpeg refused the data (not a JPEG, damaged, unsupported feature).
    WS_JPEG_CORRUPT = 1,
    /// The data ends before the image does.
    WS_JPEG_TRUNCATED = 2,
    /// A colour space that has no grayscale conversion (CMYK, YCCK).
    WS_JPEG_UNSUPPORTED = 3,
    /// More progressive scans than any real encoder writes (a decoding-time bomb).
    WS_JPEG_TOO_MANY_SCANS = 4,
    /// The caller's buffer does not match the image.
    WS_JPEG_BAD_BUFFER = 5,
};

/// Reads the header only: image width and height in pixels. Nothing proportional to the image is allocated.
int ws_jpeg_dimensions(const uint8_t *data, size_t size, uint32_t *width, uint32_t *height);

/// Decodes to 8-bit grayscale (the luma of colour images), `width * height` bytes, rows top to bottom.
/// `width` and `height` must be what ws_jpeg_dimensions returned.
int ws_jpeg_decode_gray(const uint8_t *data, size_t size, uint8_t *out, size_t out_size, uint32_t width,
                        uint32_t height);

#endif
