"""A project file's bytes, inflated first when they are kept compressed (File > Versions keeps
each save so), within the size a project may have: a few KB that inflate to gigabytes are
refused before they fill memory. Storage and versions both read through it."""

from __future__ import annotations

import zlib

MAX_FILE_BYTES = 20 * 1024 * 1024  # a project file, as saved and as opened
GZIP_MAGIC = b"\x1f\x8b"


def uncompressed(raw: bytes) -> bytes:
    """`raw` inflated if it is compressed (gzip), else as it is; ValueError says in plain words
    why it cannot be read: damaged, cut short, or over MAX_FILE_BYTES once inflated."""
    if not raw.startswith(GZIP_MAGIC):
        return raw
    inflate = zlib.decompressobj(wbits=31)
    try:
        text = inflate.decompress(raw, MAX_FILE_BYTES + 1)
    except zlib.error:
        raise ValueError("the file is compressed and damaged") from None
    if len(text) > MAX_FILE_BYTES:  # not inflated further
        raise ValueError(f"the file is compressed and over {MAX_FILE_BYTES / 2**20:.0f} MB "
                         f"uncompressed (a project is at most {MAX_FILE_BYTES / 2**20:.0f} MB)")
    if not inflate.eof:
        raise ValueError("the file is compressed and cut short")
    return text
