"""The electronic edition: the archive as a static web folder (layer: archive, no Qt).

``write_site(archive, out_dir)`` writes, for the government website (no server needed; it
opens from disk too):

    index.html                      every year
    2025/index.html                 the year's issues, and its 总目次 PDF when given
    2025/32/index.html              an issue's 目录: 栏目, titles, 文号, printed pages
    2025/32/gongbao.pdf             the whole print PDF, as archived
    2025/32/<doc>.html              a document's text as HTML (headings, tables, pictures),
                                    marked up with its 文号, date and issuer
    2025/32/<doc>.pdf               the document's pages cut from the print PDF

The PDFs are pages of the archived print file itself, so the electronic edition is the
printed one, page for page (国办: 电子版与纸质版内容格式一致).  Links are relative.
"""
from __future__ import annotations

import html
import io
import json
import shutil
from pathlib import Path

from editor import model
from editor.archive.store import Archive, iso_date
from editor.model.serialize import from_dict

STYLE = """body{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;max-width:46em;
margin:2em auto;padding:0 1em;line-height:1.8;color:#111}
h1{font-size:1.6em;text-align:center;line-height:1.5}h2,h3,h4,h5{font-size:1.1em}
.issuer{color:#c00;text-align:center;font-size:1.8em;letter-spacing:.1em}
.docno,.subtitle,.speaker{text-align:center}.signature,.date{text-align:right}
p.body{text-indent:2em;margin:.2em 0}table{border-collapse:collapse;margin:1em 0;width:100%}
td,th{border:1px solid #333;padding:.2em .4em;vertical-align:top}
nav a{margin-right:1em}ul.docs li{margin:.4em 0}.meta{color:#555;font-size:.9em}
img{max-width:100%}"""


def _e(text) -> str:
    return html.escape(str(text or ""), quote=True)


def _page(title: str, body: str, depth: int, meta: dict | None = None) -> str:
    up = "../" * depth
    metas = "".join(f'<meta name="{_e(k)}" content="{_e(v)}">\n' for k, v in
                    (meta or {}).items() if v)
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{_e(title)}</title>\n{metas}"
            f"<link rel=\"stylesheet\" href=\"{up}style.css\">\n</head>\n<body>\n"
            f"{body}\n</body>\n</html>\n")


def _nav(*links: tuple[str, str]) -> str:
    parts = "".join(f'<a href="{_e(href)}">{_e(text)}</a>' for href, text in links)
    return f'<nav aria-label="位置">{parts}</nav>'


# -- a document as HTML -------------------------------------------------------------------

class _DocWriter:
    def __init__(self, folder: Path, doc_id: str):
        self.folder = folder
        self.doc_id = doc_id
        self.images = 0

    def blocks(self, blocks) -> str:
        return "\n".join(filter(None, (self.block(b) for b in blocks)))

    def block(self, block) -> str:
        if isinstance(block, model.Table):
            return self.table(block)
        if isinstance(block, model.Image):
            return self.image(block)
        if isinstance(block, model.PageBreak):
            return ""
        text = getattr(block, "display_text", None) or getattr(block, "text", "")
        if not text:
            return ""
        if isinstance(block, model.Heading):
            level = min(5, block.level + 1)
            return f"<h{level}>{_e(text)}</h{level}>"
        role = getattr(block, "role", "body") or "body"
        return f'<p class="{_e(role)}">{_e(text)}</p>'

    def table(self, table: model.Table) -> str:
        rows = []
        n_head = table.header_rows
        for r, row in enumerate(table.rows):
            tag = "th" if r < n_head else "td"
            cells = []
            for cell in row.cells:
                span = (f' rowspan="{cell.row_span}"' if cell.row_span > 1 else "") + \
                       (f' colspan="{cell.col_span}"' if cell.col_span > 1 else "")
                scope = ' scope="col"' if tag == "th" else ""
                inner = "<br>".join(_e(getattr(b, "display_text", "") or getattr(b, "text", ""))
                                    for b in cell.blocks if not isinstance(b, model.Image))
                inner += "".join(self.image(b) for b in cell.blocks if isinstance(b, model.Image))
                cells.append(f"<{tag}{scope}{span}>{inner}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        head, body = rows[:n_head], rows[n_head:]
        return ("<table>" + (f"<thead>{''.join(head)}</thead>" if head else "")
                + f"<tbody>{''.join(body)}</tbody></table>")

    def image(self, image: model.Image) -> str:
        if not image.data:
            return ""
        ext = {"image/jpeg": "jpg", "image/gif": "gif", "image/bmp": "bmp"}.get(
            image.content_type, "png")
        self.images += 1
        name = f"img/{self.doc_id}-{self.images}.{ext}"
        (self.folder / "img").mkdir(exist_ok=True)
        (self.folder / name).write_bytes(image.data)
        alt = image.alt or image.name or "插图"
        return f'<img src="{_e(name)}" alt="{_e(alt)}">'

    def document(self, doc: model.Document) -> str:
        out = []
        if doc.issuer_mark:
            out.append(f'<p class="issuer">{_e(doc.issuer_mark)}</p>')
        if doc.doc_number:
            out.append(f'<p class="docno">{_e(doc.doc_number)}</p>')
        out.append(f"<h1>{_e(doc.toc_title)}</h1>")
        for part in ("subtitle", "speaker", "recipients"):
            if getattr(doc, part, ""):
                out.append(f'<p class="{part}">{_e(getattr(doc, part))}</p>')
        out.append(self.blocks(doc.body))
        out += [f'<p class="attachment_note">{_e(line)}</p>' for line in doc.attachment_note]
        out += [f'<p class="signature">{_e(line)}</p>' for line in doc.signature]
        if doc.date:
            out.append(f'<p class="date">{_e(doc.date)}</p>')
        for att in doc.attachments:
            head = "　".join(x for x in (att.label, att.title) if x)
            if head:
                out.append(f"<h2>{_e(head)}</h2>")
            out.append(self.blocks(att.blocks))
        out += [f'<p class="colophon">{_e(line)}</p>' for line in doc.colophon_note]
        return "\n".join(x for x in out if x)


# -- the site -------------------------------------------------------------------------------

def _cut(pdf: bytes, first: int, last: int) -> bytes:
    """Pages ``first``..``last`` of ``pdf`` as a PDF of their own.  A document cut from an
    archival PDF/A file stays one: the same output intent, XMP and Info; links to pages
    left out lose their target and are dropped."""
    import pikepdf
    with pikepdf.open(io.BytesIO(pdf)) as src, pikepdf.new() as out:
        kept = {src.pages[k].objgen for k in range(first, last + 1)}
        for k in range(first, last + 1):
            page = src.pages[k]
            annots = page.obj.get("/Annots")
            if annots is not None:
                live = [a for a in annots if _target_kept(a, kept)]
                if live:
                    page.obj.Annots = pikepdf.Array(live)
                else:
                    del page.obj["/Annots"]
            out.pages.append(page)
        for key in ("/OutputIntents", "/Metadata", "/Lang"):
            if key in src.Root:
                value = src.Root[key]
                out.Root[key] = out.copy_foreign(value) if value.is_indirect else value
        for key, value in src.docinfo.items():
            out.docinfo[key] = value
        buf = io.BytesIO()
        out.save(buf, min_version=src.pdf_version, static_id=False, deterministic_id=True,
                 fix_metadata_version=False)
    return buf.getvalue()


def _target_kept(annot, kept: set) -> bool:
    import pikepdf
    dest = annot.get("/Dest")
    if dest is None and annot.get("/A") is not None and annot.A.get("/S") == "/GoTo":
        dest = annot.A.get("/D")
    if not isinstance(dest, pikepdf.Array) or len(dest) == 0:
        return True
    return getattr(dest[0], "objgen", None) in kept


def issue_folder(issue: dict) -> str:
    return f"{issue['year'] or '未标年份'}/{issue['total_number'] or issue['label']}"


MARKER = ".gongbao-site"          # marks a folder as an electronic edition we wrote


def site_folder_problem(out_dir: str | Path) -> str | None:
    """Why ``out_dir`` must not take the edition without the user's say-so (a file, or a
    folder holding other things than an edition written here), else None."""
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        return f"“{out.name}”是文件，不是文件夹"
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        return f"文件夹“{out.name}”里已有别的文件，电子版会覆盖其中的同名文件"
    return None


def write_site(archive: Archive, out_dir: str | Path,
               year_indexes: dict[int, bytes] | None = None) -> list[Path]:
    """Write the electronic edition into ``out_dir``; returns the HTML files written.
    ``year_indexes`` (year → 总目次 PDF bytes) are linked from the year pages."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("公报编辑器电子版\n", encoding="utf-8")
    (out / "style.css").write_text(STYLE, encoding="utf-8")
    written: list[Path] = []
    issues = archive.issues()
    gazette = issues[0]["gazette"] if issues else "公报"
    years: dict = {}
    for issue in issues:
        years.setdefault(issue["year"], []).append(issue)
    for year, members in years.items():
        written += _write_year(archive, out, gazette, year, members,
                               (year_indexes or {}).get(year))
    items = "".join(f'<li><a href="{_e(y or "未标年份")}/index.html">{_e(y or "未标年份")}年'
                    f'</a>（{len(m)} 期）</li>' for y, m in years.items())
    index = out / "index.html"
    index.write_text(_page(f"{gazette}·电子版", f"<main><h1>{_e(gazette)}</h1>"
                           f"<p>电子版与印刷版内容、版式一致。</p><ul>{items}</ul></main>", 0),
                     encoding="utf-8")
    return [index] + written


def _write_year(archive, out: Path, gazette: str, year, members, index_pdf) -> list[Path]:
    folder = out / str(year or "未标年份")
    folder.mkdir(exist_ok=True)
    written = []
    lines = []
    for issue in members:
        written += _write_issue(archive, out, gazette, issue)
        rel = issue_folder(issue).split("/", 1)[1]
        lines.append(f'<li><a href="{_e(rel)}/index.html">{_e(issue["label"])}</a>'
                     f' <span class="meta">{_e(issue["period"])}</span></li>')
    extra = ""
    if index_pdf:
        (folder / "zongmuci.pdf").write_bytes(index_pdf)
        extra = f'<p><a href="zongmuci.pdf">{_e(year)}年总目次（PDF）</a></p>'
    page = folder / "index.html"
    page.write_text(_page(f"{gazette} {year}年", _nav(("../index.html", "全部年份"))
                          + f"<main><h1>{_e(gazette)} {_e(year)}年</h1>{extra}"
                          f"<ul>{''.join(lines)}</ul></main>", 1), encoding="utf-8")
    return [page] + written


def _write_issue(archive, out: Path, gazette: str, issue: dict) -> list[Path]:
    folder = out / issue_folder(issue)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    pdf = archive.pdf(issue["key"])
    (folder / "gongbao.pdf").write_bytes(pdf)
    title = f"{gazette} {issue['label']}"
    written, sections = [], {}
    for row in archive.documents(issue_key=issue["key"]):
        sections.setdefault(row["section"], []).append(row)
        written.append(_write_document(folder, title, gazette, issue, row, pdf))
    toc = "".join(
        f"<section><h2>{_e(name)}</h2><ul class=\"docs\">" + "".join(
            f'<li><a href="{_e(r["doc_id"])}.html">{_e(r["title"])}</a>'
            f'{"（" + _e(r["doc_number"]) + "）" if r["doc_number"] else ""}'
            f' <span class="meta">第 {_e(r["first_folio"])} 页</span></li>' for r in rows)
        + "</ul></section>" for name, rows in sections.items())
    page = folder / "index.html"
    page.write_text(_page(title, _nav(("../../index.html", "全部年份"),
                                      ("../index.html", f"{issue['year']}年"))
                          + f"<main><h1>{_e(title)}</h1><p class=\"meta\">{_e(issue['period'])}"
                          f"　出版：{_e(issue['published'])}</p>"
                          f'<p><a href="gongbao.pdf">整期 PDF（与印刷版一致）</a></p>{toc}</main>',
                          2, {"DC.title": title, "DC.publisher": gazette}),
                    encoding="utf-8")
    return [page] + written


def _write_document(folder: Path, issue_title: str, gazette: str, issue: dict, row: dict,
                    pdf: bytes) -> Path:
    doc = from_dict(json.loads(row["model"]))
    (folder / f"{row['doc_id']}.pdf").write_bytes(_cut(pdf, row["first_page"], row["last_page"]))
    pages = (f"第 {row['first_folio']}–{row['last_folio']} 页"
             if row["last_folio"] != row["first_folio"] else f"第 {row['first_folio']} 页")
    body = _DocWriter(folder, row["doc_id"]).document(doc)
    meta = {"DC.title": row["title"], "DC.identifier": row["doc_number"],
            "DC.date": iso_date(row["date"]) or row["date"], "DC.creator": row["issuer"],
            "DC.publisher": gazette, "DC.source": issue_title,
            "description": row["text"][:120]}
    html_text = _page(row["title"], _nav(("../../index.html", "全部年份"),
                                         ("../index.html", f"{issue['year']}年"),
                                         ("index.html", issue["label"]))
                      + f'<main><article>{body}</article><p class="meta">载于 {_e(issue_title)}'
                      f"　{_e(pages)}　<a href=\"{_e(row['doc_id'])}.pdf\">本文 PDF（印刷版页面）"
                      f"</a></p></main>", 2, meta)
    page = folder / f"{row['doc_id']}.html"
    page.write_text(html_text, encoding="utf-8")
    return page
