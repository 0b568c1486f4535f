"""FontBook faces + characters → embeddable TrueType files (layer: fonts, file I/O).

For each face the PDF needs: the licence is checked (OS/2 fsType), characters the face
lacks are reported, and a cached TrueType subset is chosen — the face's base subset
(GB2312 and common symbols, converted once per machine) for ``<face>`` keys, a small
subset keyed by the character set's hash for ``<face>~x`` keys.  An installed CFF face
(system Noto CJK, Source Han) has no base subset: it serves a role or two (titles, a
heading level) for a few hundred characters per issue, and converting just those takes a
fraction of a second where a base set takes seconds; the bundled faces keep theirs, which
the installer ships converted.  Missing files are made
on first use, several faces in parallel processes when more than one must be converted
(a CFF face takes ~10 s), with progress lines in Chinese.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from editor.errors import GazetteError
from editor.fonts.charsets import base_chars
from editor.fonts.convert import cached_subset, chars_key, source_key
from editor.fonts.faces import embedding_text
from editor.fonts.seed import portable_key, seeded_base

_NAME_SAFE = str.maketrans({c: "-" for c in " /\\()[]{}<>%#~"})


def _plan(book, face: str, chars: set[str]):
    """(reportlab name, output path, source record, chars to convert) for one face."""
    from editor.fonts.book import EXT
    try:
        rec = book.record(face)
    except KeyError:
        raise GazetteError(f"未知字体：{face}", f"face {face!r} is not in this FontBook") from None
    if not rec.embeddable:
        raise GazetteError(f"字体“{rec.names[0] if rec.names else rec.key}”{embedding_text(rec.fs_type)}，"
                           "不能用于印刷 PDF：请在字体设置中换用其他字体",
                           f"fsType {rec.fs_type:#06x} forbids embedding {rec.path}", rec.path)
    folder = book.cache
    stem = rec.key
    ident = source_key(Path(rec.path), rec.index)
    if face.endswith(EXT) or not chars <= base_chars() or not book.uses_base(rec):
        label = chars_key(chars)
        wanted = frozenset(chars)
    else:
        label = "base"
        wanted = base_chars()
    out = Path(folder) / f"{stem}-{ident}-{label}.ttf"
    # the reportlab (and PDF BaseFont) name: one per file, the same on every machine
    name = f"GB-{stem}-{portable_key(Path(rec.path), rec.index)[:6]}"
    name = name if label == "base" else f"{name}-{label[:10]}"
    return name.translate(_NAME_SAFE), out, rec, wanted, label


def _convert(args) -> str:
    path, index, chars, folder, stem, label = args
    return str(cached_subset(Path(path), index, chars, Path(folder), stem,
                             tag=label if label == "base" else None))


def _parallel_ok() -> bool:
    return not getattr(sys, "frozen", False) and (os.cpu_count() or 1) > 1


def shown_name(rec) -> str:
    """The name a user knows a face by (its Chinese family name when it has one, e.g.
    思源宋体 rather than the file's NotoSerifSC-Regular)."""
    names = [n for n in rec.names if n]
    chinese = [n for n in names if any("\u4e00" <= ch <= "\u9fff" for ch in n)]
    return (chinese or names or [rec.key])[0]


def prepare_files(book, chars_by_face: dict[str, set[str]], progress=None) -> dict:
    from editor.fonts.book import PdfFont
    say = progress or (lambda _msg: None)
    out: dict[str, PdfFont] = {}
    jobs = []
    for face in sorted(chars_by_face):
        chars = set(chars_by_face[face])
        name, path, rec, wanted, label = _plan(book, face, chars)
        metrics = book.metrics(rec.key)
        lacking = sorted(c for c in chars if not metrics.has(c) and c.isprintable())
        if lacking and label != "base":     # the base set is the same for every face
            say(f"警告：字体 {shown_name(rec)} 缺少 {len(lacking)} 个字符：{''.join(lacking[:20])}")
        if not path.exists() and label == "base":
            seeded = seeded_base(Path(rec.path), rec.index)
            if seeded is not None:      # converted when the bundle was built
                path = seeded
        if not path.exists():
            jobs.append((shown_name(rec), (rec.path, rec.index, wanted, str(book.cache),
                                           rec.key, label)))
        out[face] = PdfFont(name, path, 0)
    if jobs:
        _run(jobs, say)
    return out


def _run(jobs, say) -> None:
    started = time.perf_counter()
    total = len(jobs)
    for n, (face, args) in enumerate(jobs, 1):
        size = "基础字集（约 5000 字）" if args[5] == "base" else f"{len(args[2])} 个字符"
        say(f"首次使用字体，正在转换 {n}/{total}：{face}，{size}……")
    if total > 1 and _parallel_ok():
        from concurrent.futures import ProcessPoolExecutor, as_completed
        try:
            workers = min(total, os.cpu_count() or 1)
            with ProcessPoolExecutor(max_workers=workers) as pool:
                # the largest sets first, so no worker is left with one at the end
                futures = {pool.submit(_convert, args): face for face, args in
                           sorted(jobs, key=lambda job: -len(job[1][2]))}
                for done in as_completed(futures):
                    done.result()
                    say(f"字体已转换：{futures[done]}（{time.perf_counter() - started:.1f} 秒）")
            return
        except (OSError, RuntimeError) as exc:  # no process pool here: convert in-process
            say(f"并行转换不可用（{exc}），改为逐个转换")
    for face, args in jobs:
        if not Path(_convert(args)).exists():
            raise GazetteError(f"字体转换失败：{face}", f"no output for {args[0]}")
        say(f"字体已转换：{face}（{time.perf_counter() - started:.1f} 秒）")
