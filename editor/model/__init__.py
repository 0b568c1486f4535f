"""Document model: plain dataclasses for an issue of the gazette (layer: model, no I/O).

Glossary (gazette term -> identifier): 公报 gazette, 期 issue, 栏目 section, 文件 document,
发文机关标志 issuer_mark, 发文字号 doc_number, 主送机关 recipients, 落款 signature,
成文日期 date, 附件 attachment, 版记 colophon_note, 校样 proof, 批注 annotation,
目录 toc, 书眉 running_head, 页码 folio.

Every block carries a stable ``id`` (unique within its document).  The head parts of a
document (issuer mark, doc number, title ...) are plain strings; annotations address them
with the pseudo block ids in ``HEAD_PARTS`` ("title", "doc_number", ...).

``editor.model.serialize`` turns any of these objects into JSON-ready dicts and back,
losslessly.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# Pseudo block ids for the head parts of a document (used by annotation anchors and
# layout source references).
HEAD_PARTS = ("issuer_mark", "doc_number", "mark", "title", "subtitle", "speaker", "recipients",
              "attachment_note", "signature", "date")

# The head parts a footnote may be called from, in the order the head prints them.
HEAD_NOTE_PARTS = ("title", "subtitle", "date", "speaker")

# notice: 通知/通报/决定/意见/批复/函/命令; request: 请示/报告; minutes: 会议纪要; speech: 领导讲话,
# 政府工作报告; doc_list: 上级政府文件目录; chronicle: 大事记; news: 政务简讯;
# article: 基本区情, 调研与交流 (a title, body, pictures); other: nothing recognisable.
DOCUMENT_KINDS = ("notice", "request", "minutes", "speech", "doc_list", "chronicle", "news",
                  "article", "other")

# The gazette template (layouts/NAME.toml) an issue is set with unless it names another.
DEFAULT_TEMPLATE_NAME = "gazette"


@dataclass
class Run:
    """A piece of text with one formatting.

    ``font`` is the East Asian font name as the .docx names it (e.g. 仿宋_GB2312),
    ``font_latin`` the ASCII/hAnsi font; ``role`` the gazette font role resolved from the
    font name (song, fangsong, hei, kai, biaosong) or None when unknown.
    ``size`` is in points; ``color`` is "RRGGBB" or None (automatic/black).
    ``vert`` is None, "superscript" or "subscript".
    ``note`` is set on a footnote/endnote reference: the id of the ``Footnote`` the
    reference point (between the text before and after this run) calls.  Such a run has
    no text of its own; the layout prints the mark (①, 1 …) the template says.
    ``emphasis``: 着重号 (w:em), a dot under each character of the run.
    ``picture`` is set on a small picture the sender put inside a line (an icon about
    the text's height): such a run has no text either; the layout sets the picture in
    the line like a character, one 字 high.
    """
    text: str
    font: str | None = None
    font_latin: str | None = None
    role: str | None = None
    size: float | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False
    strike: bool = False
    color: str | None = None
    vert: str | None = None
    note: str | None = None
    emphasis: bool = False
    picture: Image | None = None

    @property
    def anchored(self) -> bool:
        """A text-less run standing at a point of the text (a note's reference or a
        picture in the line): edits around it keep it."""
        return bool(self.note) or self.picture is not None


@dataclass
class ParaStyle:
    """Resolved paragraph formatting; all lengths in points, None = not set (template decides).

    ``align``: "left", "center", "right", "justify", "distribute".
    ``line_pitch``: exact line pitch in points (w:lineRule exact/atLeast) or None;
    ``line_multiple``: proportional spacing (1.0 = single) or None.
    """
    align: str | None = None
    first_indent: float | None = None     # negative = hanging indent
    left_indent: float | None = None
    right_indent: float | None = None
    space_before: float | None = None
    space_after: float | None = None
    line_pitch: float | None = None
    line_multiple: float | None = None
    keep_with_next: bool = False
    keep_together: bool = False
    page_break_before: bool = False
    widow_control: bool = True


@dataclass
class Paragraph:
    """A paragraph of body text.  ``label`` is a list/heading number computed from
    numbering.xml that is *not* part of the runs' text (displayed before it);
    ``role`` says what the paragraph is in the gazette sense: "body", "attachment_label"
    (附件1), "attachment_title", "chronicle_entry", "list_entry", "caption", "subtitle",
    "speaker", "news_title", "colophon" ...."""
    id: str
    runs: list[Run] = field(default_factory=list)
    role: str = "body"
    label: str = ""
    style: ParaStyle = field(default_factory=ParaStyle)
    style_name: str | None = None

    @property
    def text(self) -> str:
        """The paragraph's own text (without the numbering label)."""
        return "".join(r.text for r in self.runs)

    @property
    def display_text(self) -> str:
        """The text as Word shows it: numbering label first."""
        return self.label + self.text


@dataclass
class Heading(Paragraph):
    """A heading; ``level`` 1..4 for 一、 /（一）/ 1. /（1）."""
    level: int = 1


@dataclass
class ListItem(Paragraph):
    """An item of a Word-numbered or bulleted list; ``level`` is the 0-based ilvl."""
    level: int = 0
    num_id: str | None = None


@dataclass
class Cell:
    """A table cell positioned on the table grid at (row index of its Row, ``col``);
    ``row_span``/``col_span`` cover merged cells (the covered positions have no Cell)."""
    id: str
    col: int
    blocks: list[Block] = field(default_factory=list)
    row_span: int = 1
    col_span: int = 1
    v_align: str | None = None            # "top", "center", "bottom"
    shading: str | None = None            # fill "RRGGBB"
    borders: dict[str, float] | None = None   # side -> width pt (0 = none)

    @property
    def text(self) -> str:
        return "\n".join(block_text(b) for b in self.blocks)


@dataclass
class Row:
    cells: list[Cell] = field(default_factory=list)
    is_header: bool = False
    height: float | None = None           # minimum height pt
    cant_split: bool = False


@dataclass
class TableLayout:
    """Editor overrides for a table's layout (None = automatic)."""
    col_widths: list[float] | None = None     # relative weights, scaled to the text block
    font_size: float | None = None
    padding: float | None = None              # pt, all sides
    header_rows: int | None = None
    landscape: bool | None = None
    keep_rows_together: bool = False
    col_align: list[str | None] | None = None
    split_before_rows: list[int] = field(default_factory=list)


@dataclass
class Table:
    id: str
    grid: list[float] = field(default_factory=list)   # column widths in pt from w:tblGrid
    rows: list[Row] = field(default_factory=list)
    borders: dict[str, float] | None = None
    style_name: str | None = None
    align: str | None = None
    layout: TableLayout = field(default_factory=TableLayout)
    header_doubt: str = ""    # header rows guessed on weak evidence: why (Chinese)

    @property
    def header_rows(self) -> int:
        """Number of leading rows repeated on each page."""
        if self.layout.header_rows is not None:
            return self.layout.header_rows
        n = 0
        for row in self.rows:
            if not row.is_header:
                break
            n += 1
        return n

    @property
    def n_cols(self) -> int:
        return len(self.grid)


@dataclass
class Image:
    """A picture in its own box.  ``beside``: the sender put it in one paragraph with the
    picture before it (nothing but spaces between them), so the two are set side by side
    when they fit the 版心 together."""
    id: str
    data: bytes = b""
    content_type: str = "image/png"
    width: float = 0.0                    # pt, as placed in the docx
    height: float = 0.0
    name: str = ""
    alt: str = ""
    beside: bool = False


@dataclass
class PageBreak:
    id: str


Block = Union[Paragraph, Heading, ListItem, Table, Image, PageBreak]


@dataclass
class Attachment:
    """附件: label 附件1, title, blocks (starts on a new page).  ``landscape``: set on
    landscape pages (a landscape section in Word)."""
    id: str
    label: str = ""
    title: str = ""
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False


@dataclass
class Footnote:
    """A footnote (脚注, ``kind`` "footnote") or endnote (尾注, "endnote") of a document.

    Its content is ``blocks`` (paragraphs with their own runs and formatting); it is
    attached to its reference point by the ``Run`` whose ``note`` is this ``id`` (in the
    body, an attachment or a table cell).  ``text`` is the plain content of notes stored
    before notes had blocks (those have no reference run and print after the text)."""
    id: str
    text: str = ""
    kind: str = "footnote"
    blocks: list[Paragraph] = field(default_factory=list)

    @property
    def plain_text(self) -> str:
        """The note's text: its paragraphs joined with "\n" (or the stored plain text)."""
        if self.blocks:
            return "\n".join(b.display_text for b in self.blocks).strip()
        return self.text.strip()


@dataclass
class Reply:
    author: str
    time: str
    text: str


@dataclass
class Annotation:
    """批注 anchored to (document, block, character range, quoted text).

    ``kind``: 改 replace, 删 delete, 增 insert, 疑 query, 注 comment.
    ``status``: open, accepted, rejected, answered.  ``orphaned`` is set when the anchor
    can no longer be found (never dropped)."""
    id: str
    doc_id: str
    block_id: str
    start: int = 0
    end: int = 0
    quote: str = ""
    prefix: str = ""
    suffix: str = ""
    kind: str = "注"
    note: str = ""
    new_text: str = ""
    author: str = ""
    time: str = ""
    round: str = ""
    status: str = "open"
    replies: list[Reply] = field(default_factory=list)
    orphaned: bool = False


@dataclass
class DocumentLayout:
    """Editor overrides for a document's place in the issue."""
    toc_title: str | None = None
    start: str | None = None              # "new_page" | "odd_page" | None = template
    show_masthead: bool | None = None     # 版头 (issuer mark, doc number, red rule)


@dataclass
class Document:
    """A document of the issue.  ``mark`` is a conference-file mark printed above the title
    (区十一届人大四次会议文件（6）); ``date_in_head``: the date belongs under the title (a
    speech's （2025年2月10日） line or a subtitle holding it), not at the end; ``uncertain``
    names the parts the import guessed (e.g. "title"), for the editor to check.
    ``head_notes``: footnotes called from a head part (a speech's title with ①, its
    ——subtitle or speaker line): part name ("title", "subtitle", "date", "speaker") → the
    ids of the notes whose reference stands at the end of that part, in order.  The
    reference belongs to the part, not to its wording: a title corrected or retyped
    keeps its note."""
    id: str
    kind: str = "notice"
    issuer_mark: str = ""
    doc_number: str = ""
    mark: str = ""
    title: str = ""
    subtitle: str = ""
    speaker: str = ""
    recipients: str = ""
    body: list[Block] = field(default_factory=list)
    attachment_note: list[str] = field(default_factory=list)
    signature: list[str] = field(default_factory=list)
    date: str = ""
    date_in_head: bool = False
    uncertain: list[str] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    colophon_note: list[str] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    head_notes: dict[str, list[str]] = field(default_factory=dict)
    annotations: list[Annotation] = field(default_factory=list)
    layout: DocumentLayout = field(default_factory=DocumentLayout)
    source_name: str = ""
    source_sha256: str = ""

    @property
    def toc_title(self) -> str:
        """The title the 目录, bookmarks and lists show: the editor's, else the document's;
        never the file name (a document without any title shows 无标题文件)."""
        return self.layout.toc_title or self.title or "无标题文件"

    def head_note_ids(self, parts=HEAD_NOTE_PARTS) -> list[str]:
        """Ids of the notes called from the head parts ``parts`` that have text, in the
        order the head prints them (title, subtitle, date line, speaker)."""
        out: list[str] = []
        for part in parts:
            if str(getattr(self, part, "") or "").strip():
                out.extend(n for n in self.head_notes.get(part, []) if n not in out)
        return out

    def all_blocks(self):
        """Yield every top-level block: body first, then each attachment's blocks."""
        yield from self.body
        for att in self.attachments:
            yield from att.blocks

    def block_lists(self) -> list[tuple[str, list]]:
        """(where, blocks) of the body ("body") and of each attachment (its id)."""
        return [("body", self.body)] + [(a.id, a.blocks) for a in self.attachments]

    def place_of(self, block_id: str) -> tuple[list, int, str] | None:
        """(block list, index, where) of the top-level block ``block_id``, or None."""
        for where, blocks in self.block_lists():
            for i, b in enumerate(blocks):
                if getattr(b, "id", None) == block_id:
                    return blocks, i, where
        return None


@dataclass
class Section:
    """栏目."""
    id: str
    title: str
    documents: list[Document] = field(default_factory=list)


@dataclass
class IssueMeta:
    title: str = ""
    title_pinyin: str = ""
    period: str = ""
    total_number: int | None = None
    issue_label: str = ""
    published: str = ""
    founded: str = ""
    colophon: dict[str, str] = field(default_factory=dict)
    intro_title: str = ""
    intro_paragraphs: list[str] = field(default_factory=list)
    intro_note: str = ""
    slogans: list[str] = field(default_factory=list)


@dataclass
class Issue:
    meta: IssueMeta = field(default_factory=IssueMeta)
    sections: list[Section] = field(default_factory=list)
    template: str = DEFAULT_TEMPLATE_NAME

    def documents(self):
        for section in self.sections:
            yield from section.documents

    def find_document(self, doc_id: str) -> Document | None:
        return next((d for d in self.documents() if d.id == doc_id), None)


def note_ids_referenced(blocks) -> list[str]:
    """Ids of the notes referenced (``Run.note``) in ``blocks`` and their table cells, in
    reading order."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            out.extend(r.note for r in b.runs if r.note)
        elif isinstance(b, Table):
            for row in b.rows:
                for cell in row.cells:
                    out.extend(note_ids_referenced(cell.blocks))
    return out


def block_text(block) -> str:
    """Plain text of a block as displayed (labels included; table cells row by row)."""
    if isinstance(block, Paragraph):
        return block.display_text
    if isinstance(block, Table):
        return "\n".join(c.text for row in block.rows for c in row.cells)
    return ""


__all__ = [
    "HEAD_PARTS", "HEAD_NOTE_PARTS", "DOCUMENT_KINDS", "Run", "ParaStyle", "Paragraph", "Heading", "ListItem",
    "Cell", "Row", "TableLayout", "Table", "Image", "PageBreak", "Block", "Attachment",
    "Footnote", "Reply", "Annotation", "DocumentLayout", "Document", "Section", "IssueMeta",
    "Issue", "block_text", "note_ids_referenced",
]
