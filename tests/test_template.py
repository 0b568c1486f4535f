"""Templates are data: loading, units, inheritance and errors (layouts/*.toml)."""
from __future__ import annotations

import pytest

from editor.errors import GazetteError
from editor.layout.template import (MM, available_templates, font_size, load_template)


def test_default_template_is_a4_with_gbt9704_type_area():
    t = load_template("gbt9704")
    assert (round(t.width, 2), round(t.height, 2)) == (595.28, 841.89)
    frame = t.frame(1)
    assert frame.width == pytest.approx(156 * MM)
    assert frame.height == pytest.approx(225 * MM)
    assert frame.x == pytest.approx(28 * MM) and frame.y == pytest.approx(37 * MM)
    assert t.line_pitch == pytest.approx(28.99, abs=0.01)      # 22 lines
    assert t.char_pitch == pytest.approx(15.79, abs=0.01)      # 28 characters


def test_mirrored_margins_put_binding_on_the_spine_side():
    t = load_template("gbt9704")
    assert t.frame(0).x == pytest.approx(26 * MM)
    assert t.frame(0).width == pytest.approx(t.frame(1).width)


def test_styles_resolve_chinese_sizes_and_character_units():
    t = load_template("gbt9704")
    body = t.style("body")
    assert (body.role, body.size) == ("fangsong", 16.0)
    assert body.first_indent == pytest.approx(2 * t.char_pitch)
    assert t.style("heading1").role == "hei" and t.style("heading2").role == "kai"
    title = t.style("title")
    assert (title.role, title.size, title.align) == ("biaosong", 22.0, "center")
    fmt = title.fmt()
    assert fmt.keep_with_next and fmt.snap_to_grid
    assert font_size("小四") == 12 and font_size("五号") == 10.5


def test_second_template_inherits_and_overrides():
    assert {"gbt9704", "gazette16k"} <= set(available_templates())
    t = load_template("gazette16k")
    assert t.width == pytest.approx(185 * MM) and t.height == pytest.approx(260 * MM)
    assert t.style("body").size == 14.0                        # overridden default
    assert t.style("heading2").role == "kai"                   # inherited
    assert t.get("document", "start") == "odd_page"
    assert t.get("document", "masthead_color") == "D7000F"     # inherited key in a table
    assert t.digest != load_template("gbt9704").digest


def test_template_by_path_extending_by_name(tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text('extends = "gbt9704"\nname = "mine"\n[folio]\nposition = "center"\n',
                    encoding="utf-8")
    t = load_template(str(path))
    assert t.name == "mine" and t.get("folio", "position") == "center"
    assert t.get("folio", "format") == "— {n} —"


def test_inheritance_cycle_and_unknown_names_are_clear_errors(tmp_path):
    (tmp_path / "a.toml").write_text('extends = "b"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('extends = "a"\n', encoding="utf-8")
    with pytest.raises(GazetteError, match="循环"):
        load_template(str(tmp_path / "a.toml"))
    with pytest.raises(GazetteError, match="找不到版式模板"):
        load_template("no_such_template")
    bad = tmp_path / "bad.toml"
    bad.write_text("[page\n", encoding="utf-8")
    with pytest.raises(GazetteError, match="格式错误"):
        load_template(str(bad))


def _variant(tmp_path, body: str):
    path = tmp_path / "我的版式.toml"
    path.write_text('extends = "gbt9704"\nname = "mine"\n' + body, encoding="utf-8")
    return path


def test_an_unknown_key_is_refused_naming_the_file_and_the_key(tmp_path):
    with pytest.raises(GazetteError) as info:
        load_template(_variant(tmp_path, "[folio]\nposition_x = \"outer\"\n"))
    assert "我的版式.toml" in info.value.message and "folio.position_x" in info.value.message
    with pytest.raises(GazetteError) as info:
        load_template(_variant(tmp_path, "[colour]\nred = \"D7000F\"\n"))
    assert "colour" in info.value.message


def test_a_value_of_the_wrong_kind_is_refused(tmp_path):
    with pytest.raises(GazetteError) as info:
        load_template(_variant(tmp_path, "[folio]\nenabled = \"yes\"\n"))
    assert "folio.enabled" in info.value.message and "true 或 false" in info.value.message
    with pytest.raises(GazetteError) as info:
        load_template(_variant(tmp_path, "[style.body]\nbold = 3\n"))
    assert "style.body.bold" in info.value.message


def test_a_new_style_and_lengths_as_numbers_or_text_are_accepted(tmp_path):
    t = load_template(_variant(tmp_path, "[style.my_note]\nrole = \"kai\"\nsize = \"小四\"\n"
                                         "[folio]\ndistance = 20\n"))
    assert t.style("my_note").size == 12
    assert t.get("folio", "distance") == 20


def test_every_key_of_the_default_template_is_read_by_the_program():
    """Each documented key does something: the code names it somewhere."""
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    data = tomllib.loads((root / "layouts" / "gbt9704.toml").read_text(encoding="utf-8"))
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "editor").rglob("*.py"))

    def keys(d, path=()):
        for k, v in d.items():
            if isinstance(v, dict):
                yield from keys(v, path + (k,))
            elif path:                      # top-level name/label/description are metadata
                yield path + (k,)
    unread = [".".join(p) for p in keys(data) if f'"{p[-1]}"' not in source]
    assert unread == []


@pytest.mark.slow
def test_blank_pages_show_their_folio_when_the_template_says_so(tmp_path):
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.fonts.measure import FixedMeasurer
    from conftest import SAMPLES
    issue = load_issue(SAMPLES / "issue.json")
    odd = "[document]\nstart = \"odd_page\"\n[section_page]\nenabled = true\n"
    plain = layout_issue(issue, _variant(tmp_path, odd), measurer=FixedMeasurer())
    numbered = layout_issue(issue, _variant(tmp_path, odd + "[folio]\non_blank = true\n"),
                            measurer=FixedMeasurer())
    blanks = [p for p in plain.pages if p.kind == "blank" and p.section_id]   # in the body
    assert blanks and all(p.folio is None and not p.items for p in blanks)
    shown = [p for p in numbered.pages if p.kind == "blank" and p.section_id]
    assert [p.index for p in shown] == [p.index for p in blanks]
    for page in shown:
        assert page.folio is not None
        assert f"— {page.folio} —" in "".join(t.text for t in page.texts())


@pytest.mark.slow
def test_a_template_without_extends_gets_every_default_and_lays_out_like_gbt9704(tmp_path):
    """layouts/gbt9704.toml is the one place of every default: a template that only names
    itself is the default template under another name, page for page."""
    from editor.issue_json import load_issue
    from editor.layout.paginate import layout_issue
    from editor.fonts.measure import FixedMeasurer
    from conftest import SAMPLES
    import shutil
    import tomllib
    from editor.resources import layouts_dir
    path = tmp_path / "plain.toml"
    path.write_text('name = "plain"\n', encoding="utf-8")
    # a private copy of the default: the loaded one is shared with other tests
    default = tmp_path / "gbt9704.toml"
    shutil.copyfile(layouts_dir() / "gbt9704.toml", default)
    plain = load_template(path)
    assert (plain.name, plain.label) == ("plain", "plain")      # metadata is the file's own
    meta = ("name", "label", "description")
    assert ({k: v for k, v in plain.data.items() if k not in meta}
            == {k: v for k, v in tomllib.loads(default.read_text(encoding="utf-8")).items()
                if k not in meta})
    assert plain.get("page", "mirror_margins") is True
    assert plain.frame(0).x == pytest.approx(26 * MM)             # mirrored, as gbt9704
    issue = load_issue(SAMPLES / "issue.json")
    a = layout_issue(issue, path, measurer=FixedMeasurer())
    b = layout_issue(issue, default, measurer=FixedMeasurer())
    assert len(a.pages) == len(b.pages) > 20
    assert ([(p.kind, p.folio, p.landscape, p.items) for p in a.pages]
            == [(p.kind, p.folio, p.landscape, p.items) for p in b.pages])


def test_a_key_the_default_template_lacks_is_a_loud_error():
    t = load_template("gbt9704")
    with pytest.raises(KeyError, match="folio.no_such_key"):
        t.get("folio", "no_such_key")
    with pytest.raises(KeyError, match="no_such_table"):
        t.section("no_such_table")
    with pytest.raises(KeyError, match="style.no_such_style"):
        t.style("no_such_style")


def test_no_layout_render_or_fonts_module_keeps_a_default_of_a_template_key():
    """Defaults live in layouts/gbt9704.toml only: no ``.get("key", default)`` of a key the
    template has, and no ``Template.get(section, key, default)``, in the code that reads
    templates (a dict that is not the template but shares a key name: index it or rename)."""
    import ast
    import tomllib
    from pathlib import Path
    root = Path(__file__).resolve().parent.parent
    data = tomllib.loads((root / "layouts" / "gbt9704.toml").read_text(encoding="utf-8"))

    def keys(d):
        for k, v in d.items():
            yield k
            if isinstance(v, dict):
                yield from keys(v)
    known = set(keys(data)) - {"name", "label", "description"}
    offences = []
    for folder in ("layout", "render", "fonts"):
        for path in sorted((root / "editor" / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr == "get" and node.args
                        and isinstance(node.args[0], ast.Constant)
                        and node.args[0].value in known):
                    continue
                section_get = (len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
                               and isinstance(node.args[1].value, str)
                               and node.args[0].value in data)
                if len(node.args) + len(node.keywords) > (2 if section_get else 1):
                    offences.append(f"{path.relative_to(root)}:{node.lineno}")
    assert offences == []
