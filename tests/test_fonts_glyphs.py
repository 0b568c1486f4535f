"""No .notdef: every character of the sample documents has a glyph in the face the
default FontBook chooses for it, for every role (text read with python-docx, independent
of the importer), and the embedded files really contain those glyphs."""
from __future__ import annotations

import docx
import pytest

from editor.fonts import ROLES, default_fontbook
from tests.conftest import SAMPLES


def _sample_text() -> str:
    parts = []
    for path in sorted(SAMPLES.glob("*.docx")):
        document = docx.Document(str(path))
        parts += [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        for section in document.sections:
            parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "".join(parts)


@pytest.fixture(scope="module")
def chars() -> set[str]:
    text = set(_sample_text())
    return {c for c in text if c.isprintable() and not c.isspace()}


def test_samples_have_many_characters(chars):
    assert len(chars) > 800
    assert {"东", "西", "湖", "〔", "〕"} <= chars


@pytest.mark.parametrize("role", ROLES)
def test_every_sample_character_has_a_glyph_in_its_face(chars, role):
    book = default_fontbook()
    lacking = [c for c in chars if not book.metrics(book.face_for(c, role)).has(c)]
    assert lacking == []
    assert all(book.advance(c, role, 16) > 0 for c in chars)


def test_embedded_files_contain_every_sample_character(chars):
    from fontTools.ttLib import TTFont
    book = default_fontbook()
    by_face: dict[str, set[str]] = {}
    for role in ("fangsong", "hei"):
        for c in chars:
            by_face.setdefault(book.face_for(c, role), set()).add(c)
    files = book.prepare_for_pdf(by_face)
    for face, pdf in files.items():
        font = TTFont(str(pdf.path), lazy=True)
        assert "glyf" in font
        cmap = font.getBestCmap()
        assert [c for c in by_face[face] if ord(c) not in cmap] == []
