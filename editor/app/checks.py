"""The checks of an issue as use cases shared by the window and the command line (layer:
app, no Qt).

- ``preflight_pages`` — 印前检查 of an issue against its laid-out pages (the window after
  each layout, ``build`` after writing); ``preflight_file`` lays a file's issue out and
  checks it (``python main.py preflight``);
- ``punctuation_file`` / ``fix_punctuation_file`` — 标点检查 (``python main.py check``);
- ``font_report`` — which face serves each role, and an issue's characters per face
  (``python main.py fonts``).
"""
from __future__ import annotations

from pathlib import Path

from editor.app.loading import load_any_issue
from editor.app.production import Progress, fontbook, lay_out, source_path, template_of
from editor.errors import GazetteError

ROLE_LABELS = {"biaosong": "小标宋", "song": "宋体", "fangsong": "仿宋", "kai": "楷体",
               "hei": "黑体", "latin": "西文"}


# -- 印前检查 ------------------------------------------------------------------------------

def ignored_in(path: Path) -> dict[str, str]:
    """The 印前检查 exceptions kept in a project file (none for other files)."""
    if path.suffix.lower() != ".gazette":
        return {}
    from editor.store.project import load_ignored
    return load_ignored(path)


def preflight_pages(issue, laid_out, template=None, ignored: dict[str, str] | None = None,
                    measurer=None, previous_total: int | None = None):
    """The 印前检查 Report of ``issue`` and its pages (``measurer``: the FontBook they were
    set with, default this machine's)."""
    from editor.preflight import run_preflight
    return run_preflight(issue, laid_out, template_of(issue, template),
                         measurer if measurer is not None else fontbook(), ignored,
                         previous_total)


def single_document_issue(path: Path):
    """An Issue holding just the notice in one .docx."""
    from editor import model
    from editor.docx_import import import_docx
    doc = import_docx(path).document
    return model.Issue(sections=[model.Section("s1", "来文", [doc])])


def load_for_check(path: Path):
    """(issue, ignored exceptions) from an issue.json, a project file or one .docx."""
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return single_document_issue(path), {}
    if suffix not in (".json", ".gazette"):
        raise GazetteError(f"无法检查“{path.name}”：请给出 issue.json、项目文件（.gazette）或 .docx")
    return load_any_issue(path), ignored_in(path)


def previous_total(value: str | Path | None) -> int | None:
    """总第N期 of the previous issue's file, to check this one's number against."""
    if not value:
        return None
    meta = load_any_issue(Path(value)).meta
    if meta.total_number is None:
        raise GazetteError(f"上一期“{value}”没有总期数，无法核对")
    return meta.total_number


def archived_previous_total(archive_path: str | Path | None, meta) -> int | None:
    """总第N期 of the latest issue of the same gazette in the archive that comes before
    ``meta``'s (None without an archive, a 总期数 or such an issue): the window checks
    this issue's number against it, as ``preflight --previous`` does against a file.
    An archived issue with this issue's own number but another 期次 is an issue before
    it too (the number was not moved on from the last issue's); one with the same 期次 is
    this issue itself, archived before — also when its 出版日期 has been corrected since."""
    if not archive_path or meta.total_number is None or not Path(archive_path).is_file():
        return None
    import sqlite3
    from editor.archive.store import Archive

    def before(row) -> bool:
        if row["total_number"] < meta.total_number:
            return True
        return row["total_number"] == meta.total_number and \
            (row["period"] or "") != (meta.period or "")
    try:
        with Archive(archive_path, create=False) as archive:
            totals = [row["total_number"] for row in archive.issues()
                      if row["gazette"] == meta.title and row["total_number"] is not None
                      and before(row)]
    except (GazetteError, sqlite3.Error):
        return None                     # an unreadable archive is the 档案 menu's to report
    return max(totals, default=None)


def preflight_file(source, previous=None, progress: Progress = None):
    """Lay the issue of ``source`` (default: the sample) out and check it: the Report."""
    issue, ignored = load_for_check(source_path(source))
    total = previous_total(previous)
    laid_out = lay_out(issue, None, progress)
    return preflight_pages(issue, laid_out, None, ignored, previous_total=total)


# -- 标点检查 ------------------------------------------------------------------------------

def punctuation_file(source):
    """(issue, findings) of 标点检查 over an issue.json, a project or one .docx."""
    from editor.proof.punctcheck import check_punctuation
    path = source_path(source)
    issue = single_document_issue(path) if path.suffix.lower() == ".docx" else \
        load_any_issue(path)
    return issue, check_punctuation(issue)


def fix_punctuation_file(source) -> int:
    """Fix every 标点检查 finding of a project file as one undoable step; the count."""
    from editor.app.session import Session
    from editor.proof.corrections import FixPunctuation
    from editor.proof.punctcheck import check_punctuation, fix_places
    path = source_path(source)
    if path.suffix.lower() != ".gazette":
        raise GazetteError("--fix 只能用于项目文件（.gazette）：请先用 project new 建立项目")
    with Session.open(path) as session:
        if session.access is not None and session.access.readonly:
            raise GazetteError("项目文件正由他人编辑，只能读取，不能改正", path=str(path))
        findings = check_punctuation(session.issue)
        if findings:
            session.execute(FixPunctuation(places=fix_places(findings)))
    return len(findings)


# -- 字体 -------------------------------------------------------------------------------------

def issue_chars_by_face(issue, book) -> dict[str, set[str]]:
    """Lay the issue out with ``book`` and collect the characters drawn per face."""
    from editor.render.pdf import chars_by_face
    return chars_by_face(lay_out(issue, None, None, book))


def coverage(book, chars_by_face: dict[str, set[str]]) -> dict[str, dict]:
    """Per face: characters drawn and those the face has no glyph for (the characters no
    face has are drawn as placeholders: they are listed apart, see ``missing``)."""
    from editor.fonts.measure import MISSING_FACE
    out = {}
    for face, chars in sorted(chars_by_face.items()):
        if face == MISSING_FACE:
            continue
        metrics = book.metrics(face)
        lacking = sorted(c for c in chars if not metrics.has(c) and c.isprintable())
        out[face] = {"chars": len(chars), "missing": "".join(lacking)}
    return out


def _base_sets(book) -> dict[str, set[str]]:
    """The base character set of each role's first face that has one, less what the face
    lacks (a Latin face has no 汉字: that is no missing character)."""
    from editor.fonts.charsets import base_chars
    out: dict[str, set[str]] = {}
    for role in ROLE_LABELS:
        face = book.faces_for_role(role)[0]
        if not book.uses_base(book.record(face)):     # converted per issue, quickly
            continue
        metrics = book.metrics(face)
        out.setdefault(face, set()).update(c for c in base_chars() if metrics.has(c))
    return out


def font_report(source=None, sample: bool = False, prepare: bool = False,
                progress: Progress = None) -> dict:
    """The fonts of this machine as a dict (``roles``, ``refused``, ``cache``,
    ``substituted``); with an issue (``source``, or the sample when ``sample``) also its
    ``coverage`` per face, the ``substitutions`` among its characters and the characters
    no face has (``missing``).  ``prepare`` makes the embeddable files now (``files``)."""
    import time

    from editor.fonts.measure import MISSING_FACE
    book = fontbook()
    result: dict = {"cache": str(book.cache)}
    cbf: dict[str, set[str]] = {}
    if source or sample:
        path = source_path(source)
        if not path.exists():
            raise GazetteError(f"找不到文件：{path}")
        cbf = issue_chars_by_face(load_any_issue(path, progress), book)
        result["coverage"] = coverage(book, cbf)
    if prepare:
        started = time.perf_counter()
        files = book.prepare_for_pdf(cbf or _base_sets(book), progress)
        result["files"] = {face: str(pdf.path) for face, pdf in files.items()}
        if progress:
            progress(f"字体文件已就绪（用时 {time.perf_counter() - started:.2f} 秒）")
    report = book.report()
    drawn = set().union(*cbf.values()) if cbf else set()
    # what this issue needs: substitutions and missing characters among its characters
    result.update(report, substitutions={ch: face for ch, face in report["substitutions"].items()
                                         if ch in drawn},
                  missing="".join(sorted(cbf.get(MISSING_FACE, ()))),
                  substituted={role: found for role in ROLE_LABELS
                               if (found := book.substitute(role))})
    return result
