"""Window requests → app commands and session calls (layer: ui, no widgets).

The panels speak in ids and field names; this module builds the ``editor.app`` command
for each request (``MoveDocument``, ``SetMeta``, the table commands …), runs the session's
long use cases as jobs (import), and reads what the window shows about a session (import
reports, text width, where a click landed).  Keeping it free of widgets keeps the window
thin and lets tests drive the same path the window uses.
"""
from __future__ import annotations

from pathlib import Path

from editor import model
from editor.app import commands as cmds
from editor.app import table_commands as tcmds
from editor.app.command import Change, Command
from editor.model.address import PART_LABELS, BlockAddress
from editor.errors import GazetteError


def move_document(issue, doc_id: str, section_id: str, index: int) -> Command | None:
    s, d = cmds.document_place(issue, doc_id)
    if issue.sections[s].id == section_id and d == index:
        return None
    cmds.find_section(issue, section_id)
    return cmds.MoveDocument(doc_id=doc_id, section_id=section_id, index=index)


def move_section(issue, section_id: str, index: int) -> Command | None:
    ids = [s.id for s in issue.sections]
    if section_id not in ids or ids.index(section_id) == index:
        return None
    return cmds.MoveSection(section_id=section_id, index=index)


def add_section(issue, title: str) -> Command:
    return cmds.AddSection(title_text=title)


def rename_section(issue, section_id: str, title: str) -> Command:
    return cmds.RenameSection(section_id=section_id, new_title=title)


def remove_section(issue, section_id: str) -> Command:
    return cmds.RemoveSection(section_id=section_id)


def remove_document(issue, doc_id: str) -> Command:
    return cmds.RemoveDocument(doc_id=doc_id)


def set_meta(issue, field: str, value) -> Command | None:
    if getattr(issue.meta, field) == value:
        return None
    return cmds.SetMeta(field=field, value=value)


def set_template(issue, name: str) -> Command | None:
    if not name or name == issue.template:
        return None
    return cmds.SetTemplate(name=name)


def set_document_layout(issue, doc_id: str, field: str, value) -> Command | None:
    doc = issue.find_document(doc_id)
    if doc is None or getattr(doc.layout, field) == value:
        return None
    return cmds.SetDocumentLayout(doc_id=doc_id, field=field, value=value)


def set_document_field(issue, doc_id: str, field: str, text: str) -> Command | None:
    """Correct a head part of a document (None when the text is unchanged)."""
    doc = issue.find_document(doc_id)
    if doc is None or getattr(doc, field) == text.strip():
        return None
    return cmds.SetDocumentField(doc_id=doc_id, field=field, value=text)


def paragraph_roles(issue, source) -> tuple[str, list[tuple[str, str]]] | None:
    """For a click on a top-level paragraph of a document, or on its title, subtitle,
    speaker, conference mark or date: (what it is now, the (part, menu text) choices of
    ``SetPart``); None for anything else (table cells, pictures, 落款 …)."""
    from editor.app.commands import block_place
    from editor.app.recognition_commands import HEAD_TEXT_PARTS, PART_NAMES
    doc = issue.find_document(source.doc_id)
    if doc is None or len(BlockAddress.parse(source.block_id).parts) > 1:
        return None
    choices = list(PART_NAMES.items())
    if source.block_id in HEAD_TEXT_PARTS:
        return (source.block_id, choices) if getattr(doc, source.block_id) else None
    try:
        blocks, i, where = block_place(doc, source.block_id)
    except GazetteError:                  # another head part (文号, 落款 …) or a vanished block
        return None
    block = blocks[i]
    if not isinstance(block, model.Paragraph):
        return None
    current = f"heading{block.level}" if isinstance(block, model.Heading) else "body"
    return current, choices


def document_kinds(issue, doc_id: str) -> tuple[str, list[tuple[str, str]]] | None:
    """(the document's kind, the (kind, menu text) choices of ``SetDocumentKind``)."""
    from editor.app.recognition_commands import KIND_NAMES
    doc = issue.find_document(doc_id)
    return None if doc is None else (doc.kind, list(KIND_NAMES.items()))


def set_document_kind(issue, doc_id: str, kind: str) -> Command | None:
    """Read the document again as ``kind`` (None when it is that kind already)."""
    from editor.app.recognition_commands import SetDocumentKind
    doc = issue.find_document(doc_id)
    if doc is None or doc.kind == kind:
        return None
    return SetDocumentKind(doc_id=doc_id, kind=kind)


def editable_text(issue, source) -> tuple[str, str, str] | None:
    """For a click on text of a document: (the text the editor may rewrite, the automatic
    number before it, where it is — for the dialog); None where nothing can be edited
    (cover, 目录, running heads, a vanished block)."""
    from editor.proof.corrections import editable_text as editable
    doc = issue.find_document(source.doc_id)
    found = editable(doc, source.block_id) if doc is not None else None
    return (*found, f"《{doc_label(doc)[:30]}》") if found is not None else None


def edit_text(issue, source, old: str, new: str) -> Command | None:
    """The undoable edit making the text ``old`` (as offered) ``new`` (None when
    unchanged).  A line break typed into text that had none is dropped: one paragraph
    stays one paragraph."""
    from editor.proof.corrections import edit_text as make
    if "\n" not in old:
        new = new.replace("\n", "")
    return make(issue, source.doc_id, source.block_id, new)


def set_paragraph_role(issue, doc_id: str, block_id: str, target: str) -> Command:
    from editor.app.recognition_commands import SetPart
    return SetPart(doc_id=doc_id, block_id=block_id, target=target)


TABLE_FIELD_COMMANDS = {"col_widths": tcmds.SetColumnWidths, "font_size": tcmds.SetTableFontSize,
                        "padding": tcmds.SetCellPadding, "header_rows": tcmds.SetHeaderRows,
                        "landscape": tcmds.SetLandscape,
                        "keep_rows_together": tcmds.SetKeepRowsTogether}


def set_table_layout(issue, doc_id: str, table_id: str, field: str, value) -> Command | None:
    """The table command that sets ``TableLayout.<field>`` to ``value`` (None when the
    value is already set)."""
    table = tcmds.find_table(issue, doc_id, table_id)
    if getattr(table.layout, field) == value:
        return None
    return TABLE_FIELD_COMMANDS[field](doc_id=doc_id, table_id=table_id, value=value)


def _cell_place(issue, doc_id: str, table_id: str, cell_id: str):
    table = tcmds.find_table(issue, doc_id, table_id)
    for r, row in enumerate(table.rows):
        for cell in row.cells:
            if cell.id == cell_id:
                return r, cell
    raise GazetteError("找不到该单元格（表格可能已改动）")


def merge_cells(issue, doc_id: str, table_id: str, cell_id: str, direction: str) -> Command:
    """Merge the cell with its neighbour to the right or below."""
    r, cell = _cell_place(issue, doc_id, table_id, cell_id)
    n_rows = cell.row_span + (1 if direction == "down" else 0)
    n_cols = cell.col_span + (1 if direction == "right" else 0)
    return tcmds.MergeCells(doc_id=doc_id, table_id=table_id, row=r, col=cell.col,
                                  n_rows=n_rows, n_cols=n_cols)


def unmerge_cell(issue, doc_id: str, table_id: str, cell_id: str) -> Command:
    r, cell = _cell_place(issue, doc_id, table_id, cell_id)
    return tcmds.UnmergeCell(doc_id=doc_id, table_id=table_id, row=r, col=cell.col)


def cell_action(issue, doc_id: str, table_id: str, cell_id: str, action: str,
                value=None) -> Command | None:
    """The table command for an action on the clicked cell: ``align`` its column,
    ``delete_row`` / ``delete_col`` (when empty), ``split`` the table before its row."""
    r, cell = _cell_place(issue, doc_id, table_id, cell_id)
    ids = dict(doc_id=doc_id, table_id=table_id)
    if action == "align":
        aligns = tcmds.find_table(issue, doc_id, table_id).layout.col_align or []
        if (aligns[cell.col] if cell.col < len(aligns) else None) == value:
            return None
        return tcmds.SetColumnAlignment(**ids, col=cell.col, align=value)
    if action == "delete_row":
        return tcmds.DeleteEmptyRow(**ids, row=r)
    if action == "delete_col":
        return tcmds.DeleteEmptyColumn(**ids, col=cell.col)
    if action == "split":
        return tcmds.SplitTableAtRow(**ids, row=r)
    raise ValueError(f"unknown table action {action!r}")


# -- long use cases --------------------------------------------------------------------------

def import_work(session, paths: list[Path], section_title: str):
    """The import job: runs the session's import generator, returns its result."""
    def work(progress):
        return session.import_documents([Path(p) for p in paths], section_title, progress)
    return work


def import_result(result) -> tuple[Change, list[str]]:
    """(Change, problem lines) from what ``Session.import_documents`` returned."""
    change = result if isinstance(result, Change) else Change(sections=True)
    problems = []
    for item in getattr(result, "problems", []) or []:
        problems.append(str(item))
    return change, problems


def reimport(session, doc_id: str, path: Path) -> Change:
    change = session.reimport(doc_id, path)
    return change if isinstance(change, Change) else Change(documents={doc_id})


def save_copy(session, target: Path) -> None:
    session.save_as(target)


def checkpoint(session) -> None:
    """保存: the session's writes folded into the project file (see ProjectStore)."""
    store = getattr(session, "store", None)
    if store is not None:
        store.checkpoint()


def last_write_time(session) -> float | None:
    """When the project file (or its write-ahead log) was last written; None unknown."""
    path = getattr(session, "path", None)
    if path is None:
        return None
    times = []
    for name in (str(path), f"{path}-wal"):
        try:
            times.append(Path(name).stat().st_mtime)
        except OSError:
            continue
    return max(times) if times else None


# -- what the window shows ---------------------------------------------------------------------

def doc_label(doc) -> str:
    """A document as the window's lists name it: its 目录 title; a document with no title
    (无标题文件, what the 目录 prints) also by the file it came from, so that several
    untitled ones can be told apart in the tree, the 印前检查 list and the messages."""
    if doc.layout.toc_title or doc.title or not doc.source_name:
        return doc.toc_title
    return f"{doc.toc_title}（{doc.source_name}）"


def import_summary(result, total: int) -> tuple[str, str]:
    """(headline, details) of the 导入报告 shown after importing ``total`` files."""
    imported = len(getattr(result, "imported", []) or [])
    problems = [str(p) for p in getattr(result, "problems", []) or []]
    refused = max(0, total - imported)
    head = f"已导入 {imported} 个文件" + (f"，{refused} 个文件未能导入" if refused else "") + "。"
    details = "\n".join(problems[:30]) + (f"\n……另有 {len(problems) - 30} 条" if len(problems) > 30 else "")
    if len(problems) > refused:      # each refused file has one line; the rest are doubts
        details += ("\n\n左侧目录中带 ⚠ 的文件请核对：选中后在右侧“属性”中改正；"
                    "右击文件 › 导入报告… 可再次查看。")
    return head, details


def report_lines(session, doc_id: str) -> list[str]:
    """The import report of a document as lines of Chinese text."""
    if session is None:
        return []
    getter = getattr(session, "import_report", None)
    report = getter(doc_id) if callable(getter) else None
    if report is None:
        return []
    entries = getattr(report, "entries", report)
    lines = []
    for entry in entries or []:
        text = getattr(entry, "message_zh", None) or getattr(entry, "message", None) or entry
        level = "警告" if getattr(entry, "level", "") == "warning" else "提示"
        lines.append(f"{level}：{text}")
    return lines


def report_counts(session, doc_id: str) -> tuple[int, int]:
    """(warnings, entries) of a document's import report."""
    lines = report_lines(session, doc_id)
    return sum(1 for line in lines if line.startswith("警告")), len(lines)


def text_width(issue) -> float:
    """Width of the template's text block in points (what table widths scale to)."""
    from editor.layout.template import load_template
    try:
        return load_template(issue.template or None).frame(1).width
    except Exception:                  # noqa: BLE001 — an unknown template: GB/T 9704 block
        return 156 * 72 / 25.4


def describe_source(doc: model.Document, source) -> str:
    """Status-bar text for a click on the page: which part of which document."""
    address = BlockAddress.parse(source.block_id)
    if address.head_part is not None:
        where = PART_LABELS.get(address.head_part, "")
    elif address.attachment_part is not None:
        where = "附件" + ("标题" if address.attachment_part[1] == "title" else "序号")
    elif address.in_table:
        where = _cell_place_text(doc, address)
    else:
        where = _paragraph_place(doc, address.top)
    return f"《{doc_label(doc)[:24]}》 · {where}"


def _paragraph_place(doc: model.Document, block_id: str) -> str:
    """``第 9 段``: the paragraph's place among the document's paragraphs (never its id);
    ``第 2 幅图片（原大 150×90 毫米）`` for a picture."""
    pictures = [b for b in doc.all_blocks() if isinstance(b, model.Image)]
    k = next((k for k, b in enumerate(pictures, 1) if b.id == block_id), None)
    if k is not None:
        pic = pictures[k - 1]
        size = (f"（原大 {pic.width * 25.4 / 72:.0f}×{pic.height * 25.4 / 72:.0f} 毫米）"
                if pic.width and pic.height else "")
        return f"第 {k} 幅图片{size}"
    paragraphs = [b for b in doc.all_blocks()
                  if not isinstance(b, (model.Table, model.Image))]
    n = next((k for k, b in enumerate(paragraphs, 1) if getattr(b, "id", None) == block_id),
             None)
    if n is None:                       # a note's paragraph (fn1p1): 脚注 / 尾注
        note = next((nt for nt in doc.footnotes for b in nt.blocks if b.id == block_id), None)
        if note is not None:
            return "尾注" if note.kind == "endnote" else "脚注"
    return f"第 {n} 段" if n else "段落"


def _cell_place_text(doc: model.Document, address: BlockAddress) -> str:
    """``表 1 第 3 行第 2 列`` for a click in a table cell (never its ids)."""
    tables = [b for b in doc.all_blocks() if isinstance(b, model.Table)]
    for k, table in enumerate(tables, 1):
        if table.id != address.table_id:
            continue
        for r, row in enumerate(table.rows, 1):
            cell = next((c for c in row.cells if c.id == address.parts[1]), None)
            if cell is not None:
                return f"表 {k} 第 {r} 行第 {cell.col + 1} 列"
        return f"表 {k}"
    return "表格单元格"


# -- reordering by keyboard and menu (上移 / 下移 / 移到栏目) -------------------------------------

def move_step(issue: model.Issue, doc_id: str, step: int) -> Command | None:
    """上移 (step -1) / 下移 (+1) a document by one place; past the first or last place of
    its section it goes to the end of the section before or the start of the one after.
    None at the very top or bottom of the issue."""
    s, d = cmds.document_place(issue, doc_id)
    section = issue.sections[s]
    if 0 <= d + step < len(section.documents):
        return cmds.MoveDocument(doc_id=doc_id, section_id=section.id, index=d + step)
    t = s + step
    if not 0 <= t < len(issue.sections):
        return None
    target = issue.sections[t]
    return cmds.MoveDocument(doc_id=doc_id, section_id=target.id,
                             index=len(target.documents) if step < 0 else 0)


def section_step(issue: model.Issue, section_id: str, step: int) -> Command | None:
    """上移 / 下移 a section by one place (None at either end)."""
    ids = [s.id for s in issue.sections]
    if section_id not in ids:
        return None
    return move_section(issue, section_id, ids.index(section_id) + step) \
        if 0 <= ids.index(section_id) + step < len(ids) else None


def move_to_section(issue: model.Issue, doc_id: str, section_id: str) -> Command | None:
    """移到栏目: a document to the end of another section."""
    section = cmds.find_section(issue, section_id)
    return move_document(issue, doc_id, section_id, len(section.documents))
