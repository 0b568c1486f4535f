"""One guard for reading untrusted files: zip members, XML parts, compressed streams and
embedded maps, each read with size and ratio limits (layer: core utility, no I/O of its own).

A ``Guard`` belongs to one input file (a .docx, a proof PDF).  It is given a ``refuse``
function that makes the caller's clear Chinese refusal (``problem``, ``detail``) → an
exception naming the file; the guard adds the part.  Everything that can go wrong while a
part is read — a bomb, a CRC or deflate error, a truncated member, a bad encoding, a
DOCTYPE, a structure the parser rejects — leaves as that refusal, never as ``zlib.error``
or ``UnicodeDecodeError`` (an "internal error" to the user).

``reading(part)`` is a context manager for code that walks a part's content itself (pypdf
objects, JSON): the decoding and structure errors listed in ``DAMAGE`` become the refusal.
"""
from __future__ import annotations

import codecs
import errno
import os
import stat
import gzip
import json
import re
import struct
import zipfile
import zlib
from collections.abc import Callable
from contextlib import contextmanager

from editor.errors import GazetteError

MAX_PART_BYTES = 64 * 1024 * 1024          # one decompressed part or stream
MAX_TOTAL_BYTES = 256 * 1024 * 1024        # everything decompressed from one file
MAX_RATIO = 400                            # suspicious compression ratio …
RATIO_FLOOR = 8 * 1024 * 1024              # … for parts larger than this

BOMB = "解压后体积异常巨大（疑似压缩炸弹），已拒绝"
DOCTYPE = "文件内的 XML 声明了 DTD/外部实体（不安全，已拒绝，实体不会被解析）"

# Errors of damaged content (not of the program): decompression, CRC, encodings, numbers,
# structures a parser rejects.
DAMAGE = (zlib.error, EOFError, zipfile.BadZipFile, zipfile.LargeZipFile, UnicodeError,
          ValueError, struct.error, OSError, RuntimeError, NotImplementedError, KeyError,
          IndexError, TypeError, AttributeError, OverflowError, RecursionError, LookupError,
          AssertionError, json.JSONDecodeError)

_DOCTYPE_RE = re.compile(rb"<!DOCTYPE", re.I)
_WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
              (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_DECLARED = re.compile(rb"""^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")


class Guard:
    """Bounded, refusing reads of the parts of one file.

    ``refuse(problem, detail)`` returns the exception to raise (it names the file);
    ``part_limit`` bounds one part, ``total_limit`` all parts together; ``damage``: more
    exception classes that mean damage (a PDF library's own)."""

    def __init__(self, refuse: Callable[[str, str], Exception],
                 part_limit: int = MAX_PART_BYTES, total_limit: int = MAX_TOTAL_BYTES,
                 damage: tuple = ()):
        self.refuse = refuse
        self.damage = DAMAGE + tuple(damage)      # plus a parser's own error classes
        self.part_limit = part_limit
        self.total_limit = total_limit
        self.total = 0

    # -- accounting ------------------------------------------------------------------
    def charge(self, size: int, part: str) -> None:
        """Count ``size`` decompressed bytes of ``part`` against the file's budget."""
        self.total += size
        if size > self.part_limit or self.total > self.total_limit:
            raise self.refuse(BOMB, f"{part} decompresses beyond the limit "
                                    f"({size} bytes, {self.total} in all)")

    def damaged(self, part: str, exc: BaseException | str) -> Exception:
        detail = exc if isinstance(exc, str) else f"{type(exc).__name__}: {exc}"
        return self.refuse(f"文件已损坏，部件 {part} 无法读取", f"{part}: {detail}")

    @contextmanager
    def reading(self, part: str):
        """Turn the damage errors raised while ``part`` is read into the refusal."""
        try:
            yield
        except MemoryError:
            raise self.refuse(BOMB, f"{part}: out of memory") from None
        except self.damage as exc:
            if isinstance(exc, GazetteError):
                raise
            raise self.damaged(part, exc) from None

    # -- zip members -----------------------------------------------------------------
    def zip_member(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo,
                   limit: int | None = None) -> bytes:
        """The bytes of one zip member: declared size and ratio checked first, then read
        with a hard cap (declared sizes can lie), CRC and deflate errors refused."""
        limit = min(limit or self.part_limit, self.part_limit)
        part = info.filename
        if info.file_size > limit or (info.file_size > RATIO_FLOOR and info.compress_size
                                      and info.file_size / info.compress_size > MAX_RATIO):
            raise self.refuse(BOMB, f"part {part}: {info.file_size} bytes from "
                                    f"{info.compress_size}")
        if info.flag_bits & 0x1:
            raise self.refuse("文件已加密，请先在 Word 中取消密码再导入", f"encrypted {part}")
        with self.reading(part):
            with zf.open(info) as fh:
                data = fh.read(limit + 1)
        self.charge(len(data), part)
        if len(data) > limit:
            raise self.refuse(BOMB, f"part {part} decompresses beyond {limit} bytes")
        return data

    # -- compressed streams ----------------------------------------------------------
    def inflate(self, data: bytes, part: str, kind: str = "zlib",
                limit: int | None = None) -> bytes:
        """Decompress a zlib / gzip / raw-deflate stream, never beyond ``limit``."""
        limit = min(limit or self.part_limit, self.part_limit)
        wbits = {"zlib": zlib.MAX_WBITS, "gzip": 16 + zlib.MAX_WBITS,
                 "deflate": -zlib.MAX_WBITS, "auto": 32 + zlib.MAX_WBITS}[kind]
        out = bytearray()
        with self.reading(part):
            rest = data
            while rest:
                d = zlib.decompressobj(wbits)
                out += d.decompress(rest, limit + 1 - len(out))
                if len(out) > limit:
                    raise self.refuse(BOMB, f"{part} inflates beyond {limit} bytes")
                if not d.eof:
                    raise zlib.error("stream truncated")
                rest = d.unused_data if kind == "gzip" else b""   # gzip may be multi-member
                if rest and not rest.strip(b"\0"):
                    break
        self.charge(len(out), part)
        return bytes(out)

    def gunzip(self, data: bytes, part: str, limit: int | None = None) -> bytes:
        if data[:2] != b"\x1f\x8b":
            raise self.damaged(part, "not a gzip stream")
        return self.inflate(data, part, "gzip", limit)

    # -- XML -------------------------------------------------------------------------
    def check_xml(self, data: bytes, part: str) -> None:
        """Refuse a part that declares a DOCTYPE — anywhere in it, in any encoding."""
        if _DOCTYPE_RE.search(data) or _DOCTYPE_RE.search(_as_utf8(data)):
            raise self.refuse(DOCTYPE, f"DOCTYPE in {part}")

    def doctype_after_parse(self, root, part: str) -> None:
        """The parser's view, for encodings the byte check cannot read (a backstop)."""
        info = root.getroottree().docinfo
        if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
            raise self.refuse(DOCTYPE, f"DOCTYPE in {part} (seen by the parser)")


def _as_utf8(data: bytes) -> bytes:
    """``data`` re-encoded as UTF-8 when it is in a wide or declared non-ASCII encoding
    (UTF-16/32 with or without a BOM, or an ``encoding=`` in its declaration); else b""."""
    encoding = None
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding is None and len(data) >= 4:
        head = data[:4]
        if head[0] == 0 and head[1] == 0 and head[3] != 0:
            encoding = "utf-32-be"
        elif head[0] != 0 and head[1] == 0 and head[2] == 0:
            encoding = "utf-32-le"
        elif head[0] == 0 and head[1] != 0:
            encoding = "utf-16-be"
        elif head[0] != 0 and head[1] == 0:
            encoding = "utf-16-le"
    if encoding is None:
        m = _DECLARED.match(data[:200])
        if m is None:
            return b""
        encoding = m.group(1).decode("ascii").lower()
        if encoding.replace("-", "").replace("_", "") in ("utf8", "ascii", "usascii"):
            return b""
    try:
        return data.decode(encoding, errors="replace").encode("utf-8", errors="replace")
    except LookupError:
        return b""


# -- input files --------------------------------------------------------------------------
MAX_INPUT_BYTES = 512 * 1024 * 1024        # a .docx or PDF to read whole

_KINDS = ((stat.S_ISFIFO, "命名管道"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"),
          (stat.S_ISSOCK, "套接字"), (stat.S_ISDIR, "文件夹"))


def special_kind(st: os.stat_result) -> str | None:
    """What a non-regular file is, in Chinese (None for a regular file)."""
    for test, what in _KINDS:
        if test(st.st_mode):
            return what
    return None if stat.S_ISREG(st.st_mode) else "特殊文件"


def not_regular(path) -> str | None:
    """The Chinese refusal for a path that exists and is a FIFO, device or socket (told
    by its type, without opening it); None for a regular file, a folder or no file."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    what = special_kind(st)
    if what is None or what == "文件夹":
        return None
    return f"“{display_name(os.path.basename(os.fspath(path)))}”是{what}，不是普通文件，已拒绝"


def read_input(path, refuse: Callable[[str, str], Exception],
               limit: int = MAX_INPUT_BYTES) -> bytes:
    """The bytes of an input file, refusing by type before reading: a FIFO, a device (or a
    symlink to /dev/zero), a socket or a folder named ``x.docx`` is refused without ever
    blocking on it; a file larger than ``limit`` is refused.  OSErrors pass through."""
    st = os.stat(path)                          # follows symlinks: /dev/zero is a device
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    what = special_kind(st)
    if what is not None:
        raise refuse(f"这是{what}，不是普通文件，已拒绝", f"not a regular file: mode {st.st_mode:o}")
    flags = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())              # the file opened, not the one stat'ed
        what = special_kind(st)
        if what is not None:
            raise refuse(f"这是{what}，不是普通文件，已拒绝", "not a regular file once opened")
        if st.st_size > limit:
            raise refuse(f"文件过大（{st.st_size // (1024 * 1024)} MB），已拒绝",
                         f"{st.st_size} bytes > {limit}")
        # read what the file holds (a read of ``limit`` bytes would reserve all of them
        # first); a file still growing is read on in chunks up to the limit
        data = fh.read(st.st_size + 1)
        while len(data) > st.st_size and len(data) <= limit:
            more = fh.read(1 << 20)
            if not more:
                break
            data += more
    if len(data) > limit:
        raise refuse("文件过大，已拒绝", f"more than {limit} bytes")
    return data


def display_name(name) -> str:
    """A file name as text the user can be shown (and JSON, SQLite and a UTF-8 console
    take): bytes that are no valid UTF-8 — GBK names from older Windows shares, which
    Python keeps as lone surrogates — become U+FFFD."""
    text = os.fsdecode(name) if isinstance(name, (bytes, os.PathLike)) else str(name)
    text = _OTHER_SURROGATE.sub("\ufffd", text)     # not from undecodable bytes
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_OTHER_SURROGATE = re.compile("[\ud800-\udc7f\udd00-\udfff]")
