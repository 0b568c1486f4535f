"""印前检查 (preflight): every problem of an issue before it goes to print (layer: preflight,
no Qt).

    issue (model) ─┬─ editor.preflight.documents  (title, 文号, 成文日期, 附件, 序号, 标点 …)
                   └─ editor.preflight.pages      (cmap, overlaps, 版心, keeps, rows, 目录 …)
    laid-out pages ┘                 ↓
                    Report: findings by page, each with rule id, severity, place, fix

``run_preflight(issue, laid_out, template, fontbook)`` returns a ``Report``; the rules and
severities are in ``editor.preflight.findings``.  A finding the editor accepted (忽略, with
a reason; kept in the project file) is moved to ``Report.ignored``.  ``fix_command`` makes
one undoable ``FixPunctuation`` of the chosen findings' fixes.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from editor.preflight.findings import (ERROR, INFO, RULES, SEVERITY_ZH, WARNING, Finding,
                                       counts, sort_findings)

__all__ = ["Finding", "Report", "RULES", "ERROR", "WARNING", "INFO", "SEVERITY_ZH",
           "run_preflight", "preflight_issue", "fix_command", "counts"]


@dataclass
class Report:
    findings: list[Finding] = field(default_factory=list)
    ignored: list[tuple[Finding, str]] = field(default_factory=list)   # (finding, reason)

    @property
    def counts(self) -> dict[str, int]:
        return counts(self.findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    def summary(self) -> str:
        c = self.counts
        return f"错误 {c[ERROR]} 条，警告 {c[WARNING]} 条，提示 {c[INFO]} 条"

    def as_json(self) -> dict:
        return {"findings": [f.as_json() for f in self.findings], "counts": self.counts,
                "ignored": [dict(f.as_json(), reason=r) for f, r in self.ignored]}


def run_preflight(issue, laid_out=None, template=None, fontbook=None,
                  ignored: dict[str, str] | None = None,
                  previous_total: int | None = None) -> Report:
    """Check ``issue`` (and its pages when ``laid_out`` is given).  ``ignored`` maps a
    finding key to the reason the editor gave for accepting it."""
    from editor.preflight.documents import check_documents, check_issue
    findings = check_documents(issue) + check_issue(issue, previous_total)
    if laid_out is not None:
        from editor.preflight.pages import PageContext, check_pages
        _place(findings, laid_out)
        known = {(f.rule, f.doc_id, f.block_id) for f in findings}
        findings += check_pages(PageContext(issue, laid_out, template, fontbook), known)
    ignored = ignored or {}
    report = Report()
    for f in sort_findings(findings):
        if f.key in ignored:
            report.ignored.append((f, ignored[f.key]))
        else:
            report.findings.append(f)
    return report


def preflight_issue(issue, fontbook=None, template=None, progress=None,
                    ignored: dict[str, str] | None = None, previous_total: int | None = None):
    """Lay ``issue`` out with the real fonts and check it: (Report, LaidOutIssue)."""
    from editor.layout.paginate import layout_issue, resolve_template
    if fontbook is None:
        from editor.fonts import default_fontbook
        fontbook = default_fontbook()
    tpl = resolve_template(issue, template)
    laid_out = layout_issue(issue, tpl, measurer=fontbook, progress=progress)
    return run_preflight(issue, laid_out, tpl, fontbook, ignored, previous_total), laid_out


def _place(findings: list[Finding], laid_out) -> None:
    """The page (and box) of each document finding: where its block is set, else the
    document's first page."""
    first: dict[tuple[str, str], tuple] = {}
    for page in laid_out.pages:
        for t in page.texts():
            s = t.source
            if s is not None:
                first.setdefault((s.doc_id, s.block_id), []).append((page, t))
    for f in findings:
        if f.page is not None or f.doc_id is None:
            continue
        hits = first.get((f.doc_id, f.block_id or ""), [])
        chosen = next(((p, t) for p, t in hits if t.source.start <= f.start < t.source.end),
                      hits[0] if hits else None)
        if chosen is not None:
            page, _t = chosen
        else:
            index = laid_out.doc_first_page.get(f.doc_id)
            page = laid_out.pages[index] if index is not None else None
        if page is not None:
            f.page, f.folio = page.index, page.folio


def fix_command(findings: list[Finding]):
    """One undoable FixPunctuation for the fixes of ``findings`` (None when none has one)."""
    from editor.proof.corrections import FixPunctuation
    places, seen = [], set()
    for f in findings:
        for place in f.fix:
            key = tuple(place[:4])
            if key not in seen:
                seen.add(key)
                places.append(list(place))
    return FixPunctuation(places=places) if places else None
