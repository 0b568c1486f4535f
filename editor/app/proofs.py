"""Proof rounds as use cases shared by the window and the command line (layer: app, no Qt).

- ``export_proof`` lays an issue out and writes its 校样 (``proof_file``: from a file
  name, with the output checked and an optional 校次比较 against an earlier proof);
- ``import_proof`` reads the marks a proofreader made in any PDF reader onto the issue's
  text, ``imported_command`` makes them one undoable step (``import_proof_file``: both,
  for a project file);
- ``summary_lines`` tells, in Chinese, what reading a marked-up proof PDF found: the marks
  by kind, each mark with its quote, and the marks that could not be placed.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from editor.app.loading import load_any_issue
from editor.app.production import (Progress, fontbook, lay_out, open_for_output, read_issue,
                                   say, writing)
from editor.errors import GazetteError


def summary_lines(result) -> list[str]:
    """Chinese lines summarising an ImportResult."""
    kinds = Counter(a.kind for a in result.annotations)
    summary = "、".join(f"{k} {kinds[k]}" for k in "改删增疑注" if kinds[k])
    lines = [f"读到 {len(result.annotations)} 条批注（{summary or '无'}），"
             f"对已有批注的答复 {len(result.replies)} 条。"]
    for ann in result.annotations:
        where = f"「{ann.quote[:16]}」" if ann.quote else f"「{ann.prefix[-6:]}‸{ann.suffix[:6]}」"
        extra = f" → {ann.new_text}" if ann.kind in ("改", "增") else ""
        flag = "（原文已改动，待重新定位）" if ann.orphaned else ""
        lines.append(f"  {ann.kind} {where}{extra} {ann.note[:30]}{flag}".rstrip())
    if result.unplaced:
        lines.append(f"未能定位 {len(result.unplaced)} 条：")
        lines += [f"  {u.describe()}" for u in result.unplaced]
    return lines


# -- exporting a proof ---------------------------------------------------------------------

@dataclass
class ProofExport:
    out: Path
    pmap: object                   # the proof's ProofMap (its pages' positioned text)
    missing: list                  # open annotations whose text is on no page
    shown: int                     # annotations marked on the proof
    changes: str | None = None     # 校次比较 report against an earlier proof, when asked


def export_proof(issue, out, round_label: str = "", *, template=None,
                 progress: Progress = None) -> ProofExport:
    """Lay ``issue`` out and write its 校样 at ``out``: watermark, round and date in the
    margin, every open annotation as a PDF comment, the positioned text embedded."""
    from editor.proof.export import export_proof as write_proof
    from editor.proof.export import open_annotations
    book = fontbook()
    laid_out = lay_out(issue, template, progress, book)
    with writing(Path(out)):
        pmap, missing = write_proof(issue, out, round_label, laid_out=laid_out,
                                    fontbook=book, progress=progress)
    return ProofExport(Path(out), pmap, missing, len(open_annotations(issue)) - len(missing))


def proof_file(source, out, round_label: str = "", *, template=None, compare=None,
               force: bool = False, progress: Progress = None) -> ProofExport:
    """``python main.py proof``: the proof of the issue in ``source`` (default: the
    sample); ``compare``: an earlier proof PDF whose text changes are reported."""
    from editor.proof.import_ import read_old_proof
    path, out = open_for_output(source, out, "校样.pdf", force, [compare])
    previous = read_old_proof(compare) if compare else None
    issue = read_issue(path, progress)
    result = export_proof(issue, out, round_label, template=template, progress=progress)
    if previous is not None:
        from editor.proof.compare import compare_drafts, format_report
        result.changes = format_report(compare_drafts(previous, result.pmap))
    return result


# -- reading a marked-up proof back ---------------------------------------------------------

def import_proof(pdf, issue, *, template=None, round_label: str | None = None,
                 relayout: bool = True, progress: Progress = None):
    """The marks a proofreader made in ``pdf`` (any PDF reader), placed on ``issue``'s
    text: an ``ImportResult``.  A proof that carries no positioned text of its own is
    placed on the issue laid out again (``relayout``) in ``template``."""
    from editor.proof.import_ import import_proof as read_marks

    def rebuilt():
        from editor.proof.geometry import ProofMap
        say(progress, "校样未附排版信息，重新排版以定位批注")
        return ProofMap.from_layout(lay_out(issue, template))
    return read_marks(str(pdf), issue, fallback=rebuilt if relayout else None,
                      round_label=round_label)


def imported_command(issue, result, only_new: bool = False):
    """The one undoable command adding what ``result`` read (``only_new``: leave out the
    annotations ``issue`` holds already); None when there is nothing to add."""
    from editor.proof.import_ import AddImportedAnnotations
    fresh = result.annotations
    if only_new:
        known = {a.id for d in issue.documents() for a in d.annotations}
        fresh = [a for a in fresh if a.id not in known]
    if not fresh and not result.replies:
        return None
    return AddImportedAnnotations(annotations=fresh, replies=result.replies)


def import_proof_file(project, pdf, *, template=None, round_label: str | None = None,
                      dry_run: bool = False, progress: Progress = None):
    """``python main.py proof-import``: read ``pdf``'s marks onto the issue of ``project``
    and, for a project file unless ``dry_run``, store the new ones as one undoable step.
    Returns (ImportResult, the command executed or None, whether anything could be
    stored)."""
    path, pdf = Path(project), Path(pdf)
    if not pdf.exists():
        raise GazetteError(f"找不到文件：{pdf}")
    if path.suffix.lower() != ".gazette":
        issue = load_any_issue(path, progress)
        return import_proof(pdf, issue, template=template, round_label=round_label,
                            progress=progress), None, False
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    from editor.app.session import Session
    session = Session.open(path)
    try:
        result = import_proof(pdf, session.issue, template=template,
                              round_label=round_label, progress=progress)
        command = None if dry_run else imported_command(session.issue, result, only_new=True)
        if command is not None:
            session.execute(command)
    finally:
        session.close()
    return result, command, True
