"""Getting documents into a project: a new project from an issue.json, and batch import
of .docx files into a section (layer: app, no Qt).

A new project is written to ``NAME.gazette.part`` and renamed when complete, so an
interrupted creation never leaves a half project under the real name.  A batch import
commits each document as its own ``AddDocument`` command (source bytes, model and report
in one transaction): a crash in the middle keeps every document already imported.  When
the batch ends, its commands are folded into one ``CommandGroup``, so one 撤销 takes the
whole import back.
"""
from __future__ import annotations

import copy
import dataclasses
import hashlib
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from editor.app import commands as cmds
from editor.errors import CREATE_SUFFIX_BYTES, GazetteError, StorageError, storage_problem
from editor.guard import display_name, read_input
from editor.issue_json import document_id
from editor.model import Issue, Section
from editor.store import ProjectStore


_ISSUE_LABEL = re.compile(r"^(总第\s*)(\d+)(\s*期)$")


def next_issue(previous: Issue) -> Issue:
    """The next issue of the same gazette, empty: what stays from one issue to the next
    (刊名 and its pinyin, 创刊年份, 版权页, 简介, 口号, template, the 栏目 in their order)
    comes from ``previous``; 总期数 and a 总第N期 label count on by one; the period and
    the publication date are left for the editor, and there are no documents yet."""
    old = previous.meta
    total = old.total_number + 1 if old.total_number is not None else None
    label = old.issue_label
    m = _ISSUE_LABEL.match(label.strip())
    if m:
        label = f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}"
    elif total is not None:
        label = f"总第{total}期"
    meta = dataclasses.replace(copy.deepcopy(old), total_number=total, issue_label=label,
                               period="", published="")
    sections = [Section(id=f"s{n}", title=s.title) for n, s in enumerate(previous.sections, 1)]
    return Issue(meta=meta, sections=sections, template=previous.template)


def create_project(path: Path, from_issue_json: str | Path | None,
                   progress: Callable[[str], None] | None = None,
                   base: Issue | None = None) -> ProjectStore:
    """Write a new project file at ``path`` and return its open store: empty, from an
    issue.json, or holding ``base`` (e.g. ``next_issue`` of the last one)."""
    if path.exists():
        raise GazetteError(f"文件已存在：{path}", path=str(path))
    if not path.parent.is_dir():
        raise GazetteError(f"文件夹不存在：{path.parent}", path=str(path))
    problem = storage_problem(path, CREATE_SUFFIX_BYTES)
    if problem is not None:
        raise StorageError(f"无法在此新建项目：{problem.message}", problem.kind, path=str(path))
    part = path.with_name(path.name + ".part")
    for leftover in (part, Path(f"{part}-wal"), Path(f"{part}-shm")):
        leftover.unlink(missing_ok=True)
    issue, sources = (copy.deepcopy(base) if base is not None else Issue()), {}
    if from_issue_json is not None:
        from editor.issue_json import load_issue_parts
        issue, sources = load_issue_parts(from_issue_json, progress)
    try:
        store = ProjectStore.create(part, issue)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    try:
        with store.transaction():
            for doc_id, (docx_path, _report) in sources.items():
                data = docx_path.read_bytes()
                store.put_source(hashlib.sha256(data).hexdigest(), docx_path.name, data)
            store.write_issue(issue, {d: rep for d, (_p, rep) in sources.items()})
            what = (f"由 {Path(from_issue_json).name} 新建" if from_issue_json else
                    f"沿用《{issue.meta.title}》上一期的设置新建" if base is not None else "新建空白期刊")
            store.add_revision("CreateIssue", what, None)
    except BaseException:
        store.close()
        part.unlink(missing_ok=True)
        raise
    store.close()                      # checkpoints the WAL into the file
    os.replace(part, path)
    if progress:
        progress(f"已新建项目 {path.name}")
    return ProjectStore.open(path)


def iter_import(session, paths: list[Path], section_title: str):
    """Generator behind ``Session.iter_import`` (yields progress, returns ImportOutcome).
    Each document is committed as it is imported; at the end (or when stopped part-way)
    the commands of the batch, with the new section if one was made, become one undo
    step."""
    from editor.app.session import ImportOutcome

    title = section_title.strip()
    if not title:
        raise GazetteError("请指定栏目名称")
    outcome = ImportOutcome(sections=False)
    created = 0
    try:
        section = cmds.find_section_by_title(session.issue, title)
        total = len(paths)
        for n, path in enumerate(paths, 1):
            path = Path(path)
            yield f"正在导入 {n}/{total}：{display_name(path.name)}"
            read = yield from _read_one(path, outcome)
            if read is None:
                continue
            if section is None:     # made with the first file that imports: no empty section
                outcome = outcome_merge(outcome, session.execute(cmds.AddSection(title=title)))
                section = cmds.find_section_by_title(session.issue, title)
                created = 1
                yield f"已新建栏目“{title}”"
            _add_one(session, path, *read, section.id, outcome)
        yield f"导入完成：{len(outcome.imported)}/{total} 个文件"
    finally:
        _group_batch(session, created + len(outcome.imported), title, len(outcome.imported))
    return outcome


def _read_one(path: Path, outcome):
    """(bytes, import result) of one .docx, or None when refused (a problem line, and
    the one progress line this yields).  Whatever goes wrong with one file — damaged,
    not a regular file (a FIFO is refused by type, never read), even a fault of the
    importer — is that file's problem line, and the batch goes on."""
    from editor.crashlog import record_unforeseen
    from editor.docx_import import import_docx_bytes
    from editor.errors import user_message
    name = display_name(path.name)
    try:
        data = read_input(path, lambda problem, detail: GazetteError(
            f"无法导入“{name}”：{problem}", detail))
        return data, import_docx_bytes(data, name)
    except Exception as exc:  # noqa: BLE001 — one bad file must not stop the batch
        if isinstance(exc, GazetteError):
            message = exc.message
        elif isinstance(exc, OSError):
            message = f"无法读取“{name}”：{user_message(exc)}"
        else:
            record_unforeseen(exc, f"导入 {name}")
            message = f"无法导入“{name}”：{user_message(exc)}"
        outcome.problems.append(message)
        yield f"导入失败：{message}"
        return None


def _add_one(session, path: Path, data: bytes, result, section_id: str, outcome) -> None:
    """Add one imported document to the section as an ``AddDocument`` command."""
    doc = result.document
    doc.id = document_id(data, session.store.document_ids() |
                         {d.id for d in session.issue.documents()})
    for ann in doc.annotations:
        ann.doc_id = doc.id
    sha = hashlib.sha256(data).hexdigest()
    name = display_name(path.name)
    doc.source_sha256, doc.source_name = sha, name
    command = cmds.AddDocument(document=doc, section_id=section_id,
                               report=_report_entries(result.report))
    change = session._execute(command, sources=[(sha, name, data)],
                              reports={doc.id: result.report})
    outcome_merge(outcome, change)
    outcome.imported.append(doc.id)
    warnings = result.report.warnings
    if warnings:        # the file by its name (several may share 无标题文件) and what to check
        said = "；".join(w.message_zh for w in warnings[:2])
        more = f"（另有 {len(warnings) - 2} 条，见该文件的导入报告）" if len(warnings) > 2 else ""
        outcome.problems.append(f"“{name}”：{said}{more}")


def _group_batch(session, count: int, title: str, imported: int) -> None:
    """One undo step for the batch's commands (nothing to do for fewer than two)."""
    if count < 2:
        return
    text = (f"导入 {imported} 个文件到“{title}”" if imported != 1
            else session.history[-1].text)
    try:
        session.group_last(count, text)
    except (sqlite3.Error, StorageError):   # cannot write now: each step stays undoable
        pass


def outcome_merge(outcome, change):
    merged = outcome.merge(change)
    outcome.meta, outcome.sections = merged.meta, merged.sections
    outcome.documents, outcome.tables = merged.documents, merged.tables
    outcome.annotations = merged.annotations
    return outcome


def _report_entries(report) -> list[dict]:
    return [{"level": e.level, "message_zh": e.message_zh, "detail": e.detail}
            for e in getattr(report, "entries", [])]
