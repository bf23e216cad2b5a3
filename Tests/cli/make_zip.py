#!/usr/bin/env python3
# Test helper: writes a ZIP archive with libzip itself (through ctypes), the library walletsec reads
# bills with, so the e2e tests need no `zip` tool and get WinZip AES as well as traditional PKWARE.
# Usage: make_zip.py OUT none|aes|pkware FILE... (password from $ZIP_TEST_PASSWORD, never argv).
import ctypes
import ctypes.util
import os
import sys

out, method, files = sys.argv[1], sys.argv[2], sys.argv[3:]
lib = ctypes.CDLL(ctypes.util.find_library("zip") or "libzip.so.4")
lib.zip_open.restype = ctypes.c_void_p
lib.zip_open.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
lib.zip_source_file.restype = ctypes.c_void_p
lib.zip_source_file.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_uint64, ctypes.c_int64]
lib.zip_file_add.restype = ctypes.c_int64
lib.zip_file_add.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p, ctypes.c_uint32]
lib.zip_file_set_encryption.argtypes = [ctypes.c_void_p, ctypes.c_uint64, ctypes.c_uint16, ctypes.c_char_p]
lib.zip_close.argtypes = [ctypes.c_void_p]

error = ctypes.c_int(0)
archive = lib.zip_open(out.encode(), 1 | 8, ctypes.byref(error))  # ZIP_CREATE | ZIP_TRUNCATE
assert archive, f"zip_open failed: {error.value}"
password = os.environ.get("ZIP_TEST_PASSWORD", "").encode()
for path in files:
    source = lib.zip_source_file(archive, path.encode(), 0, 0)
    index = lib.zip_file_add(archive, os.path.basename(path).encode(), source, 2048)  # ZIP_FL_ENC_UTF_8
    assert index >= 0
    if method != "none":
        em = {"aes": 0x0103, "pkware": 1}[method]  # ZIP_EM_AES_256, ZIP_EM_TRAD_PKWARE
        assert lib.zip_file_set_encryption(archive, index, em, password) == 0
assert lib.zip_close(archive) == 0, "zip_close failed"
