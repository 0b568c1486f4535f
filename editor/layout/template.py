"""Gazette templates: layouts/*.toml → resolved page geometry and text styles (layer: layout).

A template is data (see layouts/gbt9704.toml for every option, documented in the file).
``load_template(name_or_path)`` reads it with ``tomllib``, follows ``extends`` (deep merge:
tables key by key, other values replaced; cycles refused), merges it over the default
template — the one place every default lives, so every key is always there and the code
reads values without fallbacks — and returns a ``Template`` that
answers the paginator's questions in points: page size, the text frame of a page (mirrored
margins, landscape), the grid pitches, and resolved ``TextStyle``s that build ``ParaFormat``
and ``Span`` objects for the composer.
"""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from editor.errors import GazetteError
from editor.layout.flow import Frame, ParaFormat, Span
from editor.layout.items import Source
from editor.model import DEFAULT_TEMPLATE_NAME
from editor.resources import layouts_dir

MM = 72 / 25.4
# The file that holds every key and every default (the schema every template is read over),
# and the template an issue without one is set with (see layouts/gazette.toml for why).
SCHEMA_TEMPLATE = "gbt9704"
DEFAULT_TEMPLATE = DEFAULT_TEMPLATE_NAME

CHINESE_SIZES = {
    "初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16,
    "小三": 15, "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5,
}
_LENGTH = re.compile(r"^\s*(-?[0-9]*\.?[0-9]+)\s*(mm|cm|pt|字|em|行)?\s*$")


def font_size(value) -> float:
    """Points from a number or a Chinese size name (三号 → 16)."""
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip()
    if text in CHINESE_SIZES:
        return float(CHINESE_SIZES[text])
    try:
        return float(text.removesuffix("pt"))
    except ValueError as exc:
        raise GazetteError(f"模板中的字号无法识别：{value}", str(exc)) from exc


@dataclass(frozen=True)
class TextStyle:
    """A resolved text element: font and paragraph format, all lengths in points."""
    name: str
    role: str
    size: float
    color: str
    bold: bool
    align: str
    first_indent: float
    left_indent: float
    right_indent: float
    space_before: float
    space_after: float
    line_pitch: float | None
    grid: bool
    char_pitch: float | None
    keep_with_next: bool
    keep_together: bool
    punct: str
    scale_x: float
    max_size: float | None

    def fmt(self, **changes) -> ParaFormat:
        """The ``ParaFormat`` for this element; keyword arguments override fields."""
        f = ParaFormat(align=self.align, first_indent=self.first_indent,
                       left_indent=self.left_indent, right_indent=self.right_indent,
                       line_pitch=self.line_pitch, space_before=self.space_before,
                       space_after=self.space_after, keep_with_next=self.keep_with_next,
                       keep_together=self.keep_together, snap_to_grid=self.grid,
                       punct=self.punct, char_pitch=self.char_pitch)
        return replace(f, **changes) if changes else f

    def span(self, text: str, source: Source | None = None, **changes) -> Span:
        """A ``Span`` of ``text`` in this element's font; keyword arguments override."""
        values = dict(role=self.role, size=self.size, color=self.color, bold=self.bold,
                      scale_x=self.scale_x)
        values.update(changes)
        return Span(text=text, source=source, **values)

    def with_size(self, size: float) -> "TextStyle":
        return replace(self, size=size)


class Template:
    """A loaded template: the merged TOML data plus geometry helpers."""

    def __init__(self, data: dict, name: str, path: Path | None = None,
                 label: str | None = None):
        self.data = data
        self.name = name
        self.path = path
        self.label = str(label) if label else name
        self.digest = hashlib.sha256(
            json.dumps(data, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
        self._styles: dict[str, TextStyle] = {}
        self.width = self.length(self.get("page", "width"))
        self.height = self.length(self.get("page", "height"))
        self.grid_enabled = bool(self.get("grid", "enabled"))
        self.line_pitch: float | None = None        # the frame below is the grid's own
        frame = self.frame(1)
        self.line_pitch = frame.height / int(self.get("grid", "lines"))
        self.char_pitch = frame.width / int(self.get("grid", "chars"))

    def __repr__(self) -> str:
        return f"Template({self.name!r})"

    # -- raw access ---------------------------------------------------------------------
    # Every template holds every key of the default template (load_template merges it in),
    # so a key missing here is a programming error: a KeyError naming it, no fallback.
    def section(self, name: str) -> dict:
        value = self.data.get(name)
        if not isinstance(value, dict):
            raise KeyError(f"template {self.name!r} has no table [{name}] "
                           f"(every table is in {SCHEMA_TEMPLATE}.toml)")
        return value

    def get(self, section: str, key: str):
        table = self.section(section)
        if key not in table:
            raise KeyError(f"template {self.name!r} has no key {section}.{key} "
                           f"(every key is in {SCHEMA_TEMPLATE}.toml)")
        return table[key]

    # -- units --------------------------------------------------------------------------
    def length(self, value, em: float | None = None) -> float:
        """Points from a template length; ``em`` is the width of one 字 for "字"."""
        if value is None:
            return 0.0
        if isinstance(value, (int, float)):
            return float(value)
        m = _LENGTH.match(str(value))
        if not m:
            raise GazetteError(f"模板 {self.name} 中的长度无法识别：{value}")
        number, unit = float(m.group(1)), m.group(2) or "pt"
        if unit == "mm":
            return number * MM
        if unit == "cm":
            return number * 10 * MM
        if unit in ("字", "em"):
            return number * (em if em is not None else 16.0)
        if unit == "行":
            if self.line_pitch is None:
                raise GazetteError(f"模板 {self.name} 中的页面尺寸和页边距不能以“行”为单位：{value}")
            return number * self.line_pitch
        return number

    # -- geometry -----------------------------------------------------------------------
    def page_size(self, landscape: bool = False) -> tuple[float, float]:
        return (self.height, self.width) if landscape else (self.width, self.height)

    def frame(self, folio_parity: int = 1, landscape: bool = False) -> Frame:
        """The text block of a page; ``folio_parity`` 1 = odd (recto), 0 = even (verso)."""
        width, height = self.page_size(landscape)
        m = self.section("landscape") if landscape else self.section("page")
        top, bottom = self.length(m["margin_top"]), self.length(m["margin_bottom"])
        left, right = self.length(m["margin_left"]), self.length(m["margin_right"])
        if folio_parity % 2 == 0 and self.get("page", "mirror_margins"):
            left, right = right, left
        grid = self.line_pitch if not landscape and self.grid_enabled else None
        return Frame(x=left, y=top, width=width - left - right, height=height - top - bottom,
                     grid_pitch=grid)

    # -- styles -------------------------------------------------------------------------
    def style(self, name: str) -> TextStyle:
        """The resolved text style ``[style.NAME]`` (unset keys from [style.default],
        which holds every key); a name no template defines is a KeyError."""
        cached = self._styles.get(name)
        if cached is not None:
            return cached
        styles = self.section("style")
        if name not in styles:
            raise KeyError(f"template {self.name!r} has no style [style.{name}] "
                           f"(every style the program sets is in {SCHEMA_TEMPLATE}.toml)")
        raw = {**styles["default"], **styles[name]}
        size = font_size(raw["size"])
        grid = bool(raw["grid"]) and self.grid_enabled
        char_grid = bool(raw["char_grid"]) and self.grid_enabled
        em = self.char_pitch if char_grid else size
        st = TextStyle(
            name=name, role=str(raw["role"]), size=size,
            color=str(raw["color"]), bold=bool(raw["bold"]),
            align=str(raw["align"]),
            first_indent=self.length(raw["first_indent"], em),
            left_indent=self.length(raw["left_indent"], em),
            right_indent=self.length(raw["right_indent"], em),
            space_before=self.length(raw["space_before"], em),
            space_after=self.length(raw["space_after"], em),
            line_pitch=self.length(raw["line_pitch"], em) or None,     # 0: automatic
            grid=grid, char_pitch=self.char_pitch if char_grid else None,
            keep_with_next=bool(raw["keep_with_next"]),
            keep_together=bool(raw["keep_together"]),
            punct=str(raw["punct"]), scale_x=float(raw["scale_x"]),
            max_size=font_size(raw["max_size"]) or None)                # 0: never shrinks
        self._styles[name] = st
        return st

    def em(self, name: str) -> float:
        """Width of one 字 for element ``name`` (grid pitch on the character grid)."""
        st = self.style(name)
        return st.char_pitch or st.size


# -- loading --------------------------------------------------------------------------------

def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


# Templates renamed since projects were saved naming them: old name → its name now.
RENAMED = {"gazette_dense": "gazette"}


def _resolve_path(name_or_path: str | Path, relative_to: Path | None = None) -> Path:
    text = RENAMED.get(str(name_or_path), str(name_or_path))
    candidates = []
    if text.endswith(".toml") or "/" in text or "\\" in text:
        p = Path(text)
        if not p.is_absolute() and relative_to is not None:
            candidates.append(relative_to / p)
        candidates.append(p)
    else:
        if relative_to is not None:
            candidates.append(relative_to / f"{text}.toml")
        candidates.append(layouts_dir() / f"{text}.toml")
    for c in candidates:
        if c.is_file():
            return c
    names = "、".join(available_templates())
    raise GazetteError(f"找不到版式模板：{text}（可用：{names}）")


# -- the schema: the default template itself ---------------------------------------------------
# Every key a template may set is a key of layouts/gbt9704.toml, where it is documented, and
# its value has the same kind there (true/false, a list, a table, or a number or text: lengths
# and sizes take either, "5mm" or points, 三号 or 16).  Styles may be added under
# [style.NAME], with the keys any style takes.
_KINDS = {bool: "true 或 false", float: "数字或文字", str: "数字或文字",
          list: "列表 [...]", dict: "一组设置 [...]"}
TOP_KEYS = ("extends", "name", "label", "description")


def _kind(value) -> type:
    if isinstance(value, bool):
        return bool
    return float if isinstance(value, int) else type(value)


def _schema() -> dict:
    path = layouts_dir() / f"{SCHEMA_TEMPLATE}.toml"
    hit = _LOADED_SCHEMA.get(path)
    if hit is None:
        hit = _LOADED_SCHEMA[path] = tomllib.loads(path.read_text(encoding="utf-8"))
    return hit


_LOADED_SCHEMA: dict[Path, dict] = {}


def check_keys(data: dict, path: Path, schema: dict | None = None, where: str = "") -> None:
    """Refuse, in Chinese naming the file and the key, a key the default template does not
    have or a value of the wrong kind."""
    schema = _schema() if schema is None else schema
    for key, value in data.items():
        name = f"{where}.{key}" if where else key
        if not where and key in TOP_KEYS:
            continue
        if where == "style":
            known = {k: v for style in schema.values() for k, v in style.items()}
            if not isinstance(value, dict):
                raise GazetteError(f"版式模板 {path.name} 的 [style.{key}] 应为一组设置", path=str(path))
            check_keys(value, path, known, name)
            continue
        if key not in schema:
            raise GazetteError(f"版式模板 {path.name} 中有未知的设置项：{name}"
                               f"（可用的设置项见 {SCHEMA_TEMPLATE}.toml）", path=str(path))
        want, got = _kind(schema[key]), _kind(value)
        if want is not got and not {want, got} <= {float, str}:
            raise GazetteError(f"版式模板 {path.name} 的设置项 {name} 应为{_KINDS[want]}，"
                               f"现在是 {value!r}", path=str(path))
        if want is dict:
            check_keys(value, path, schema[key], name)


def _read(path: Path, chain: tuple[Path, ...] = ()) -> dict:
    """The file's data merged over its ``extends`` chain; the metadata (name, label,
    description) is the file's own, never inherited."""
    if path in chain:
        raise GazetteError(f"版式模板继承关系出现循环：{path.name}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GazetteError(f"版式模板格式错误：{path.name}", str(exc), str(path)) from exc
    check_keys(data, path)
    parent = data.pop("extends", None)
    if parent:
        base = _read(_resolve_path(parent, path.parent), chain + (path,))
        data = _merge(_settings(base), data)
    return data


def _settings(data: dict) -> dict:
    return {k: v for k, v in data.items() if k not in TOP_KEYS}


_LOADED: dict[Path, tuple[float, Template]] = {}


def load_template(name_or_path: str | Path | None = None) -> Template:
    """Load a template by name (``layouts/NAME.toml``) or path, following ``extends``,
    merged over the default template (so a template without ``extends`` has every key)."""
    path = _resolve_path(name_or_path or DEFAULT_TEMPLATE).resolve()
    mtime = path.stat().st_mtime
    hit = _LOADED.get(path)
    if hit and hit[0] == mtime:
        return hit[1]
    data = _read(path)
    default = (layouts_dir() / f"{SCHEMA_TEMPLATE}.toml").resolve()
    if path != default:             # the schema template: every key, every default
        data = _merge(_settings(_read(default)), data)
    template = Template(data, str(data.get("name") or path.stem), path, data.get("label"))
    _LOADED[path] = (mtime, template)
    return template


def available_templates() -> list[str]:
    """Names of the templates in layouts/ (sorted)."""
    return sorted(p.stem for p in layouts_dir().glob("*.toml"))


def template_labels() -> dict[str, str]:
    """Template name → its human label (for menus)."""
    out = {}
    for name in available_templates():
        try:
            out[name] = load_template(name).label
        except GazetteError:
            continue
    return out
