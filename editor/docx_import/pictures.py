"""Pictures at import: a picture with more pixels than print needs is downsampled once,
here, so that no later step (layout, the PDF writer, the preview) has to decode a
400-megapixel scan (layer: import).

``for_print(data)`` returns the bytes to keep and, when it changed them, a note for the
report.  The decoder's own bomb check (Pillow's ``DecompressionBombError``) is not what
decides: a valid 389 KB PNG of 20000×20000 pixels (a scanned map) is a real picture.  What
decides is the memory its decoding takes: up to ``MAX_DECODE_BYTES`` it is decoded and
reduced to at most ``MAX_SIDE`` pixels on its longer side (600 ppi across an A4 text
block); beyond that (or when it cannot be decoded) it is left out of print with a note.
"""
from __future__ import annotations

import io
import threading
import warnings
from dataclasses import dataclass

MAX_PIXELS = 36_000_000           # kept as it is up to this many pixels
MAX_SIDE = 6000                   # longer side after downsampling
MAX_DECODE_BYTES = 640 * 1024 * 1024
_BYTES_PER_PIXEL = {"1": 1, "L": 1, "P": 1, "LA": 4, "PA": 4, "I;16": 2, "I;16B": 2,
                    "RGB": 4, "RGBA": 4, "CMYK": 4, "YCbCr": 4, "I": 4, "F": 4}
_LOCK = threading.Lock()


@dataclass
class Picture:
    data: bytes                   # what to keep (b"" when the picture is left out)
    content_type: str = ""        # of ``data`` when it changed (else keep the old one)
    note: str = ""                # Chinese, for the report (empty: unchanged)
    detail: str = ""


def pixel_count(data: bytes) -> tuple[int, int, str, str] | None:
    """(width, height, mode, format) from the header alone, however large; None when no
    decoder knows the data."""
    from PIL import Image
    try:
        with _LOCK, warnings.catch_warnings():
            warnings.simplefilter("ignore")
            limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
            try:
                with Image.open(io.BytesIO(data)) as im:
                    return im.size[0], im.size[1], im.mode, im.format or ""
            finally:
                Image.MAX_IMAGE_PIXELS = limit
    except Exception:             # noqa: BLE001 — any decoder error: not a raster we know
        return None


def for_print(data: bytes, name: str) -> Picture:
    """The picture as it will be kept (see the module docstring)."""
    size = pixel_count(data)
    if size is None:
        return Picture(data)
    w, h, mode, fmt = size
    if w * h <= MAX_PIXELS or fmt in ("WMF", "EMF", "EPS"):
        return Picture(data)
    need = w * h * _BYTES_PER_PIXEL.get(mode, 4)
    if fmt == "JPEG":
        need //= 64                                   # decoded at 1/8 scale (draft)
    if need > MAX_DECODE_BYTES:
        return Picture(b"", "", f"图片“{name}”像素过多（{w}×{h}），无法缩小，印刷版上该处留空；"
                            "请换用较小的图片后重新导入", f"{w}x{h} {mode} needs {need} bytes")
    try:
        small = _reduced(data, w, h)
    except (MemoryError, Exception) as exc:          # noqa: BLE001 — a decoder failure
        return Picture(b"", "", f"图片“{name}”像素过多（{w}×{h}）且无法解码，印刷版上该处留空",
                       f"{type(exc).__name__}: {exc}")
    from PIL import Image
    with Image.open(io.BytesIO(small)) as im:
        (sw, sh), kind = im.size, f"image/{im.format.lower()}"
    return Picture(small, kind, f"图片“{name}”像素过多（{w}×{h}），已缩小为 {sw}×{sh} 用于排版和印刷",
                   f"downsampled {w}x{h} -> {sw}x{sh}")


def _reduced(data: bytes, w: int, h: int) -> bytes:
    """Decode and downsample to ``MAX_SIDE``; PNG out (JPEG for a JPEG photograph)."""
    from PIL import Image
    scale = MAX_SIDE / max(w, h)
    target = (max(1, round(w * scale)), max(1, round(h * scale)))
    with _LOCK, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
        try:
            with Image.open(io.BytesIO(data)) as im:
                fmt = im.format
                if fmt == "JPEG":
                    im.draft(im.mode, target)
                im.load()
                factor = max(1, min(im.size[0] // target[0], im.size[1] // target[1]))
                if im.mode not in ("L", "LA", "RGB", "RGBA", "CMYK", "RGBX"):
                    small = im.resize(target, Image.Resampling.NEAREST)    # 1, P, I;16
                else:
                    small = im.reduce(factor) if factor > 1 else im
                if small.size[0] > target[0] or small.size[1] > target[1]:
                    small = small.resize(target, Image.Resampling.LANCZOS)
        finally:
            Image.MAX_IMAGE_PIXELS = limit
    out = io.BytesIO()
    if fmt == "JPEG" and small.mode in ("RGB", "L", "CMYK"):
        small.save(out, "JPEG", quality=90)
    else:
        if small.mode not in ("1", "L", "LA", "P", "RGB", "RGBA"):
            small = small.convert("RGBA")
        small.save(out, "PNG", optimize=False)
    return out.getvalue()
