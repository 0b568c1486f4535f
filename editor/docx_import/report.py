"""Import report: everything the importer did not understand or left out (layer: import).

Entries are collected while a .docx is read so that nothing is lost silently; repeated
messages of the same kind are merged with a count.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.errors import GazetteError


class DocxImportError(GazetteError):
    """A .docx the importer refuses: ``message`` (Chinese) names the file and the problem,
    ``detail`` says it in English for logs."""


@dataclass
class ReportEntry:
    level: str            # "info" | "warning"
    message_zh: str
    detail: str = ""


@dataclass
class ImportReport:
    entries: list[ReportEntry] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def info(self, message_zh: str, detail: str = "") -> None:
        self._add("info", message_zh, detail)

    def warning(self, message_zh: str, detail: str = "") -> None:
        self._add("warning", message_zh, detail)

    def _add(self, level: str, message_zh: str, detail: str) -> None:
        for e in self.entries:
            if e.level == level and e.message_zh == message_zh and e.detail == detail:
                return
        self.entries.append(ReportEntry(level, message_zh, detail))

    @property
    def warnings(self) -> list[ReportEntry]:
        return [e for e in self.entries if e.level == "warning"]


class Counter:
    """Counts occurrences of dropped/unknown things and writes one entry per kind."""

    def __init__(self) -> None:
        self.counts: dict[tuple[str, str, str], int] = {}

    def add(self, level: str, message_zh: str, detail: str = "") -> None:
        key = (level, message_zh, detail)
        self.counts[key] = self.counts.get(key, 0) + 1

    def flush(self, report: ImportReport) -> None:
        for (level, message, detail), n in self.counts.items():
            text = message if n == 1 else f"{message}（共 {n} 处）"
            report._add(level, text, detail)
        self.counts.clear()
