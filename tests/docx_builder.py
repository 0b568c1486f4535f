"""Build small .docx packages for importer tests (a real zip with the parts Word writes)."""
from __future__ import annotations

import io
import zipfile

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

CONTENT_TYPES = (
    DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Default Extension="png" ContentType="image/png"/>'
    '<Override PartName="/{main}" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.{kind}.main+xml"/></Types>')


def package(body: str, styles: str = "", numbering: str = "", comments: str = "",
            footnotes: str = "", main: str = "word/document.xml", kind: str = "document",
            extra: dict[str, bytes] | None = None, root_rels: bool = True,
            endnotes: str = "") -> bytes:
    """A .docx as bytes: ``body`` is the inside of w:body; other parts are optional."""
    folder = main.rsplit("/", 1)[0]
    rels = []
    parts: dict[str, bytes] = {}
    for name, content, rtype in (("styles.xml", styles, "styles"),
                                 ("numbering.xml", numbering, "numbering"),
                                 ("comments.xml", comments, "comments"),
                                 ("footnotes.xml", footnotes, "footnotes"),
                                 ("endnotes.xml", endnotes, "endnotes")):
        if content:
            parts[f"{folder}/{name}"] = (DECL + content).encode()
            rels.append(f'<Relationship Id="rId{len(rels) + 1}" Type="{REL}{rtype}" '
                        f'Target="{name}"/>')
    for name in (extra or {}):
        if name.startswith(folder + "/media/"):
            rels.append(f'<Relationship Id="rIdImg" Type="{REL}image" '
                        f'Target="media/{name.rsplit("/", 1)[1]}"/>')
    doc = (DECL + f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture">'
           f"<w:body>{body}</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(main=main, kind=kind))
        if root_rels:
            z.writestr("_rels/.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats'
                       '.org/package/2006/relationships"><Relationship Id="rId1" Type="'
                       f'{REL}officeDocument" Target="{main}"/></Relationships>')
        z.writestr(main, doc.encode())
        base = main.rsplit("/", 1)[1]
        z.writestr(f"{folder}/_rels/{base}.rels",
                   DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships">' + "".join(rels) + "</Relationships>")
        for name, content in parts.items():
            z.writestr(name, content)
        for name, content in (extra or {}).items():
            z.writestr(name, content)
    return out.getvalue()


def notes_xml(kind: str, notes: dict[str, str], separators: bool = True) -> str:
    """A footnotes.xml (``kind`` "footnote") or endnotes.xml ("endnote") part as Word
    writes it: the separator notes -1 and 0, then each note id → its inner XML (one or
    more w:p; a plain string is made one paragraph led by the note's own mark)."""
    seps = (f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f'</w:{kind}><w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f'<w:continuationSeparator/></w:r></w:p></w:{kind}>') if separators else ""
    body = "".join(
        f'<w:{kind} w:id="{nid}">' + (xml if xml.startswith("<w:p") else
                                      f'<w:p><w:r><w:{kind}Ref/></w:r><w:r><w:t xml:space='
                                      f'"preserve"> {xml}</w:t></w:r></w:p>') + f"</w:{kind}>"
        for nid, xml in notes.items())
    return f'<w:{kind}s xmlns:w="{W_NS}">{seps}{body}</w:{kind}s>'


def run(text: str, rpr: str = "") -> str:
    """One w:r of ``text`` with the run properties ``rpr``."""
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def note_ref(nid, kind: str = "footnote") -> str:
    """A run holding a footnote (or endnote) reference to note ``nid``."""
    return f'<w:r><w:{kind}Reference w:id="{nid}"/></w:r>'


def styles_xml(inner: str, defaults: str = "") -> str:
    return (f'<w:styles xmlns:w="{W_NS}"><w:docDefaults>{defaults}</w:docDefaults>'
            f"{inner}</w:styles>")


def para(text: str, ppr: str = "", rpr: str = "") -> str:
    return (f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr>"
            f'<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')


def edited_copy(src, dst, replace: list[tuple[str, str]], then=None) -> None:
    """Copy the .docx at ``src`` to ``dst`` with text replacements (each must be found) in
    word/document.xml, then ``then(xml) -> xml`` when given; other parts unchanged."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "word/document.xml":
                xml = data.decode("utf-8")
                for old, new in replace:
                    assert old in xml, old
                    xml = xml.replace(old, new, 1)
                data = (then(xml) if then else xml).encode("utf-8")
            zout.writestr(info, data)


def add_part(data: bytes, part: str, content: bytes, content_type: str, rels: str,
             rel_type: str, target: str, rel_id: str, replace: dict | None = None) -> bytes:
    """``data`` (a .docx) with one more part: ``part`` holding ``content``, declared in
    [Content_Types].xml as ``content_type`` and related from the ``rels`` part by
    ``rel_id`` (relationship type ``rel_type``, target ``target``); ``replace`` maps other
    part names to (old, new) byte replacements."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/></Types>'
    relation = (f'<Relationship Id="{rel_id}" Type="http://schemas.openxmlformats.org/'
                f'officeDocument/2006/relationships/{rel_type}" Target="{target}"/>'
                '</Relationships>')
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", override.encode())
            elif info.filename == rels:
                body = body.replace(b"</Relationships>", relation.encode())
            for old, new in (replace or {}).get(info.filename, []):
                body = body.replace(old, new)
            z.writestr(info.filename, body)
        z.writestr(part, content)
    return out.getvalue()


def write_issue(folder, makers: dict, names, section_titles: list[str], meta: dict,
                per_section: int = 4):
    """Write the documents ``names`` (keys of ``makers``: name → function returning the
    .docx bytes) into ``folder`` and an issue.json with ``meta`` and one section per
    ``per_section`` documents, titled from ``section_titles`` in turn; its path."""
    import json
    from pathlib import Path
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    sections: list[dict] = []
    for k, name in enumerate(names):
        (folder / name).write_bytes(makers[name]())
        if k % per_section == 0:
            sections.append({"title": section_titles[len(sections) % len(section_titles)],
                             "documents": []})
        sections[-1]["documents"].append({"file": name})
    path = folder / "issue.json"
    path.write_text(json.dumps({**meta, "sections": sections}, ensure_ascii=False),
                    encoding="utf-8")
    return path
