"""What the 印前检查 reports: rules, severities and findings (layer: preflight, no Qt).

Every rule has a stable id (``OVERLAP``, ``DOCNO_FORMAT`` …), a severity — 错误 ``error``
(the issue should not go to print like this), 警告 ``warning`` (very likely a slip),
提示 ``info`` (worth a look) — and a Chinese name.  A ``Finding`` says which rule, where
(document, page index and printed folio, block id and character span, or an item box on the
page), the offending text, a Chinese message and, when a fix is safe, the places of a
``FixPunctuation`` (editor.proof.corrections) that mends it as one undoable step.

``Finding.key`` identifies a finding across re-layouts (page numbers left out), so an
exception the editor accepted (忽略) is recognised the next time.
"""
from __future__ import annotations

from dataclasses import dataclass, field

ERROR, WARNING, INFO = "error", "warning", "info"
SEVERITY_ZH = {ERROR: "错误", WARNING: "警告", INFO: "提示"}
SEVERITY_ORDER = {ERROR: 0, WARNING: 1, INFO: 2}

# rule id -> (severity, Chinese name)
RULES: dict[str, tuple[str, str]] = {
    # from the pages
    "GLYPH_MISSING": (ERROR, "缺字"),
    "OVERLAP": (ERROR, "内容重叠"),
    "OUTSIDE_TYPE_AREA": (ERROR, "超出版心"),
    "HEADING_STRANDED": (WARNING, "标题落在页末"),
    "ORPHAN_WIDOW": (WARNING, "孤行"),
    "ROW_FRAGMENT": (WARNING, "表格行被拆成一行"),
    "TABLE_HEADER_GUESSED": (INFO, "表头为推测"),
    "FOOTNOTE_OVERFLOW": (WARNING, "脚注排不下"),
    "TOC_UNSETTLED": (ERROR, "目录页码未稳定"),
    "IMAGE_LOW_RES": (WARNING, "图片分辨率偏低"),
    "IMAGE_SCALED": (INFO, "图片已缩小"),
    "TEXT_COLOURED": (WARNING, "正文彩色文字"),
    "FONT_SUBSTITUTED": (INFO, "字体替代"),
    "BLANK_PAGE_UNEXPECTED": (WARNING, "多余空白页"),
    "LAYOUT_OTHER": (WARNING, "排版提示"),
    # from the documents
    "TITLE_MISSING": (ERROR, "缺少标题"),
    "KIND_UNCERTAIN": (INFO, "文件类型不确定"),
    "EMPTY_DOCUMENT": (ERROR, "空文件"),
    "DOCNO_FORMAT": (WARNING, "发文字号格式"),
    "DATE_FORMAT": (WARNING, "成文日期格式"),
    "ATTACHMENT_MISMATCH": (WARNING, "附件不符"),
    "HEADING_SEQUENCE": (WARNING, "标题序号不连续"),
    "RECIPIENTS_COLON": (WARNING, "主送机关冒号"),
    "PUNCT_HALFWIDTH": (WARNING, "半角标点"),
    "PUNCT_PAIRS": (WARNING, "标点不成对"),
    "DUPLICATE_DOCUMENT": (ERROR, "文件重复"),
    # from the issue
    "ISSUE_METADATA": (WARNING, "期号与日期"),
    "SECTION_EMPTY": (WARNING, "空栏目"),
}


@dataclass
class Finding:
    """One problem found.  ``page`` is the 0-based page index in the issue (None when
    the problem is on no one page), ``folio`` its printed number (None on unnumbered
    pages); ``box`` an item box (x0, top, x1, bottom) in page coordinates; ``fix`` the
    places of a FixPunctuation ([doc, block, start, end, old, new] each) or empty."""
    rule: str
    message: str
    doc_id: str | None = None
    document: str = ""
    page: int | None = None
    folio: int | None = None
    block_id: str | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    box: tuple[float, float, float, float] | None = None
    fix: list = field(default_factory=list)
    level: str | None = None          # a severity other than the rule's (a guess, not a fault)
    office: str = ""                  # FONT_SUBSTITUTED: the office font missing
    anchor: str = ""                  # what ``key`` uses instead of ``text``, when set

    @property
    def severity(self) -> str:
        return self.level or RULES.get(self.rule, (WARNING, ""))[0]

    @property
    def severity_zh(self) -> str:
        return SEVERITY_ZH[self.severity]

    @property
    def key(self) -> str:
        """Stable across re-layouts: rule, document, block and text (not the page)."""
        return "|".join((self.rule, self.doc_id or "", self.block_id or "",
                         self.anchor or self.text))

    @property
    def pdf_page(self) -> int | None:
        """1-based page of the PDF (counting every page from the cover)."""
        return None if self.page is None else self.page + 1

    def where(self) -> str:
        """第 N 页 by the folio, 第 N 面 for an unnumbered page, empty for no page."""
        if self.page is None:
            return ""
        return f"第 {self.folio} 页" if self.folio is not None else f"第 {self.page + 1} 面"

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "document": self.document,
                "page": self.folio if self.folio is not None else None,
                "pdf_page": self.pdf_page, "text": self.text, "message": self.message,
                "block": self.block_id, "fixable": bool(self.fix)}


def counts(findings: list[Finding]) -> dict[str, int]:
    out = {ERROR: 0, WARNING: 0, INFO: 0}
    for f in findings:
        out[f.severity] += 1
    return out


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """By page (no page last), then severity, then rule."""
    return sorted(findings, key=lambda f: (f.page is None, f.page or 0,
                                           SEVERITY_ORDER[f.severity], f.rule))
