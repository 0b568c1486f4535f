"""Read an issue description (the format of samples/issue.json) into a model.Issue
(layer: app-level loader, no Qt).

The file gives metadata, colophon, 简介, slogans and the sections in order with their
documents as .docx paths relative to the file; extra keys are ignored.  Documents get
deterministic ids (from the .docx content), so the same inputs always give the same issue
and the same PDF bytes — whether built from the JSON or from a project made from it.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

from editor.errors import GazetteError
from editor.model import DEFAULT_TEMPLATE_NAME, Issue, IssueMeta, Section

Progress = Callable[[str], None]


def read_meta(data: dict) -> IssueMeta:
    intro = data.get("introduction") or {}
    return IssueMeta(
        title=str(data.get("title", "")),
        title_pinyin=str(data.get("title_pinyin", "")),
        period=str(data.get("period", "")),
        total_number=data.get("total_number"),
        issue_label=str(data.get("issue_label", "")),
        published=str(data.get("published", "")),
        founded=str(data.get("founded", "")),
        colophon={str(k): str(v) for k, v in (data.get("colophon") or {}).items()},
        intro_title=str(intro.get("title", "")),
        intro_paragraphs=[str(p) for p in intro.get("paragraphs", [])],
        intro_note=str(intro.get("note", "")),
        slogans=[str(s) for s in data.get("slogans", [])],
    )


def read_issue_json(path: str | Path) -> dict:
    path = Path(path)
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise GazetteError(f"找不到整期描述文件：{path}", str(exc), str(path)) from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GazetteError(f"整期描述文件不是有效的 JSON：{path.name}", str(exc), str(path)) from exc


def document_files(path: str | Path) -> Iterator[tuple[int, dict, Path]]:
    """(section index, document entry, .docx path) for every document of the file."""
    path = Path(path)
    data = read_issue_json(path)
    for s_index, section in enumerate(data.get("sections", [])):
        for entry in section.get("documents", []):
            yield s_index, entry, (path.parent / entry["file"]).resolve()


def document_id(content: bytes, taken: set[str]) -> str:
    """A stable id from the .docx bytes, made unique within the issue."""
    base = "d" + hashlib.sha256(content).hexdigest()[:10]
    doc_id, n = base, 2
    while doc_id in taken:
        doc_id, n = f"{base}-{n}", n + 1
    taken.add(doc_id)
    return doc_id


def load_issue(path: str | Path, progress: Progress | None = None) -> Issue:
    """Import every document of an issue.json and assemble the Issue."""
    return load_issue_parts(path, progress)[0]


def load_issue_parts(path: str | Path, progress: Progress | None = None
                     ) -> tuple[Issue, dict[str, tuple[Path, object]]]:
    """The Issue of an issue.json plus, per document id, its .docx path and import report
    (what a project file keeps beside the model)."""
    from editor.docx_import import import_docx

    path = Path(path)
    data = read_issue_json(path)
    issue = Issue(meta=read_meta(data), template=str(data.get("template", DEFAULT_TEMPLATE_NAME)))
    taken: set[str] = set()
    sources: dict[str, tuple[Path, object]] = {}
    for s_index, section_data in enumerate(data.get("sections", [])):
        section = Section(id=f"s{s_index + 1}", title=str(section_data.get("title", "")))
        for entry in section_data.get("documents", []):
            docx_path = (path.parent / entry["file"]).resolve()
            if progress:
                progress(f"导入 {docx_path.name}")
            result = import_docx(docx_path)
            if progress:
                # what the import guessed or left out (a table head taken as the header
                # row, tracked deletions dropped …), said where the file is named
                for note in result.report.entries:
                    level = "警告" if note.level == "warning" else "提示"
                    progress(f"  {level}：{note.message_zh}")
            doc = result.document
            doc.id = document_id(docx_path.read_bytes(), taken)
            _fix_annotation_doc_ids(doc)
            if entry.get("toc_title"):
                doc.layout.toc_title = str(entry["toc_title"])
            section.documents.append(doc)
            sources[doc.id] = (docx_path, result.report)
        issue.sections.append(section)
    return issue, sources


def _fix_annotation_doc_ids(doc) -> None:
    for ann in doc.annotations:
        ann.doc_id = doc.id
