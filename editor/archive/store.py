"""The gazette archive: every published issue in one SQLite file, searchable (layer:
archive, no Qt).

``Archive(path)`` opens or creates a ``*.gazette-archive`` file.  Tables (made and queried
with sqlite-utils): ``issues`` (metadata and a frozen copy of the print PDF), ``documents``
(kind, title, 文号, issuer, 成文日期, 栏目, first/last folio, text, the model as JSON for the
electronic edition) and ``pages`` (the text each printed page shows, per document), with
an FTS5 index using the trigram tokenizer so Chinese needs no word segmentation.  A query
word shorter than three characters (硚口) cannot use trigrams; a second FTS5 index holds
each page's characters one token each (``pages_chars``), where such a word is a phrase of
single characters — still an index look-up, not a scan.

Adding an issue whose key (刊名 + 总第N期) is already there replaces it: never a duplicate.
"""
from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from editor.archive.records import IssueRecord
from editor.errors import GazetteError

SCHEMA_VERSION = 1
SUFFIX = ".gazette-archive"
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def iso_date(text: str) -> str:
    """2025年3月13日 → 2025-03-13 (empty when the text holds no whole date)."""
    found = DATE.search(text or "")
    if not found:
        return ""
    y, m, d = (int(g) for g in found.groups())
    return f"{y:04d}-{m:02d}-{d:02d}"


@dataclass
class Hit:
    """One place a query was found: a printed page of a document of an issue."""
    issue: str                  # 总第32期
    total_number: int | None
    year: int | None
    section: str
    title: str
    doc_number: str
    page: int | None            # printed folio
    pdf_page: int               # 0-based page of the issue PDF
    snippet: str
    issue_key: str
    doc_id: str
    score: float = 0.0

    def as_json(self) -> dict:
        return asdict(self)


class Archive:
    """See the module docstring.  Use as a context manager or call ``close``."""

    def __init__(self, path: str | Path, create: bool = True):
        self.path = Path(path)
        if not self.path.exists() and not create:
            raise GazetteError(f"找不到档案文件：{self.path}")
        try:
            self.db = sqlite_utils.Database(self.path)
            self._schema()
        except sqlite3.DatabaseError as exc:
            raise GazetteError(f"{self.path.name} 不是公报档案文件，或已损坏。", str(exc),
                               str(self.path)) from exc

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- schema --------------------------------------------------------------------------
    def _schema(self) -> None:
        db = self.db
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise GazetteError("这个档案文件由更新版本的程序写入，请升级后再打开。",
                               f"archive schema {version}", str(self.path))
        if version == SCHEMA_VERSION:
            return
        db["issues"].create({
            "key": str, "gazette": str, "year": int, "total_number": int, "label": str,
            "period": str, "published": str, "added": str, "pdf_sha256": str, "pdf": bytes,
            "source": str}, pk="key", if_not_exists=True)
        db["documents"].create({
            "id": int, "issue_key": str, "doc_id": str, "position": int, "section": str,
            "kind": str, "title": str, "doc_number": str, "issuer": str, "date": str,
            "date_iso": str, "first_folio": int, "last_folio": int, "first_page": int,
            "last_page": int, "text": str, "model": str}, pk="id",
            foreign_keys=[("issue_key", "issues", "key")], if_not_exists=True)
        db["pages"].create({
            "id": int, "issue_key": str, "doc_id": str, "page_index": int, "folio": int,
            "text": str}, pk="id", foreign_keys=[("issue_key", "issues", "key")],
            if_not_exists=True)
        db["documents"].create_index(["issue_key", "doc_id"], unique=True, if_not_exists=True)
        db["pages"].create_index(["issue_key", "doc_id"], if_not_exists=True)
        db["pages"].enable_fts(["text"], tokenize="trigram", create_triggers=True,
                               replace=True)
        db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS pages_chars USING "
                   "fts5(chars, tokenize='unicode61')")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- adding ----------------------------------------------------------------------------
    def add(self, record: IssueRecord, pdf: bytes | None = None, source: str = "") -> bool:
        """Store ``record`` (and its print PDF); True when it replaced an older copy."""
        db = self.db
        with db.conn:
            existed = db.execute("SELECT 1 FROM issues WHERE key = ?", [record.key]).fetchone()
            db.execute("DELETE FROM pages_chars WHERE rowid IN "
                       "(SELECT id FROM pages WHERE issue_key = ?)", [record.key])
            for table in ("pages", "documents"):
                db[table].delete_where("issue_key = ?", [record.key])
            db["issues"].upsert({
                "key": record.key, "gazette": record.gazette, "year": record.year,
                "total_number": record.total_number, "label": record.label,
                "period": record.period, "published": record.published,
                "added": datetime.now().isoformat(timespec="seconds"),
                "pdf_sha256": hashlib.sha256(pdf).hexdigest() if pdf else "",
                "pdf": pdf, "source": source}, pk="key")
            db["documents"].insert_all(({
                "issue_key": record.key, "doc_id": d.doc_id, "position": d.position,
                "section": d.section, "kind": d.kind, "title": d.title,
                "doc_number": d.doc_number, "issuer": d.issuer, "date": d.date,
                "date_iso": iso_date(d.date), "first_folio": d.first_folio,
                "last_folio": d.last_folio, "first_page": d.first_page,
                "last_page": d.last_page, "text": d.text,
                "model": json.dumps(d.model, ensure_ascii=False)}
                for d in record.documents), pk="id")
            db["pages"].insert_all(({
                "issue_key": record.key, "doc_id": p.doc_id, "page_index": p.page_index,
                "folio": p.folio, "text": p.text} for p in record.pages), pk="id")
            db.conn.executemany(
                "INSERT INTO pages_chars (rowid, chars) VALUES (?, ?)",
                [(row["id"], _chars(row["text"])) for row in db.query(
                    "SELECT id, text FROM pages WHERE issue_key = ?", [record.key])])
        return existed is not None

    # -- reading -----------------------------------------------------------------------------
    def issues(self, year: int | None = None) -> list[dict]:
        """The archived issues (without their PDFs), oldest first."""
        where, args = ("WHERE year = ?", [year]) if year is not None else ("", [])
        return list(self.db.query(
            "SELECT key, gazette, year, total_number, label, period, published, added, "
            f"pdf_sha256 FROM issues {where} ORDER BY year, total_number, key", args))

    def years(self) -> list[int]:
        return [r["year"] for r in self.db.query(
            "SELECT DISTINCT year FROM issues WHERE year IS NOT NULL ORDER BY year")]

    def number_in_year(self, key: str) -> int:
        """The issue's 期 within its year (1 for the year's first archived issue)."""
        row = self.db["issues"].get(key)
        same = [r["key"] for r in self.issues(row["year"])]
        return same.index(key) + 1

    def documents(self, issue_key: str | None = None, year: int | None = None) -> list[dict]:
        """Documents in reading order, with their issue's year, label and number."""
        where, args = [], []
        if issue_key is not None:
            where.append("d.issue_key = ?")
            args.append(issue_key)
        if year is not None:
            where.append("i.year = ?")
            args.append(year)
        sql = ("SELECT d.*, i.year, i.label, i.total_number, i.gazette FROM documents d "
               "JOIN issues i ON i.key = d.issue_key "
               + (f"WHERE {' AND '.join(where)} " if where else "")
               + "ORDER BY i.year, i.total_number, d.position")
        return list(self.db.query(sql, args))

    def pdf(self, issue_key: str) -> bytes:
        row = self.db.execute("SELECT pdf FROM issues WHERE key = ?", [issue_key]).fetchone()
        if row is None or not row[0]:
            raise GazetteError("档案中没有这一期的 PDF。", issue_key)
        return row[0]

    # -- search ------------------------------------------------------------------------------
    def search(self, query: str, year: int | None = None, kind: str | None = None,
               issuer: str | None = None, date_from: str | None = None,
               date_to: str | None = None, limit: int = 50) -> list[Hit]:
        """Pages whose text holds every word of ``query`` (words split at spaces), best
        first; filters by the issue's year, the document's kind, its issuer (part of the
        name) and its 成文日期 range (2025-01-01 or 2025年1月1日)."""
        words = [w for w in re.split(r"[\s\u3000]+", query.strip()) if w]
        if not words:
            return []
        where, args = [], []
        for column, value, op in (("i.year", year, "="), ("d.kind", kind, "="),
                                  ("d.date_iso", _date_arg(date_from), ">="),
                                  ("d.date_iso", _date_arg(date_to), "<=")):
            if value not in (None, ""):
                where.append(f"{column} {op} ?")
                args.append(value)
        if issuer:
            where.append("instr(d.issuer, ?) > 0")
            args.append(issuer)
        join = ("FROM pages p JOIN documents d ON d.issue_key = p.issue_key "
                "AND d.doc_id = p.doc_id JOIN issues i ON i.key = p.issue_key ")
        columns = ("SELECT p.text, p.folio, p.page_index, p.doc_id, p.issue_key, d.section, "
                   "d.title, d.doc_number, i.label, i.total_number, i.year")
        if all(len(w) >= 3 for w in words):
            index, match = "pages_fts", " ".join(_quoted(w) for w in words)
        else:                                       # single-character tokens: phrases
            index, match = "pages_chars", " ".join(_quoted(_chars(w)) for w in words)
        sql = (f"{columns}, bm25({index}) AS score {join}"
               f"JOIN {index} ON {index}.rowid = p.id WHERE {index} MATCH ? "
               + "".join(f"AND {w} " for w in where)
               + "ORDER BY score, i.year DESC, i.total_number DESC, p.page_index LIMIT ?")
        rows = self.db.query(sql, [match] + args + [limit])
        return [Hit(r["label"], r["total_number"], r["year"], r["section"], r["title"],
                    r["doc_number"], r["folio"], r["page_index"], snippet(r["text"], words),
                    r["issue_key"], r["doc_id"], float(r["score"] or 0.0)) for r in rows]


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _chars(text: str) -> str:
    """Every character of ``text`` a token of its own (spaces dropped)."""
    return " ".join(ch for ch in text if not ch.isspace())


def _date_arg(value: str | None) -> str | None:
    if not value:
        return None
    return iso_date(value) or value


def snippet(text: str, words: list[str], width: int = 24) -> str:
    """The text around the first word found, the word in 【】, … where cut."""
    at = min((text.find(w) for w in words if w in text), default=-1)
    if at < 0:
        return text[:2 * width] + ("…" if len(text) > 2 * width else "")
    word = next(w for w in words if text.find(w) == at)
    start, end = max(0, at - width), min(len(text), at + len(word) + width)
    return (("…" if start else "") + text[start:at] + "【" + word + "】"
            + text[at + len(word):end] + ("…" if end < len(text) else ""))
