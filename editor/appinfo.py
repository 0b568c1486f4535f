"""The program's facts for the 关于 dialog and support requests: versions, the font file
serving each gazette role, the per-user folders and the licences of what ships with the
program (layer: core utility, no Qt; the dialog is editor.ui.about).
"""
from __future__ import annotations

import platform
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from editor import __version__

ROLE_LABELS = {"biaosong": "小标宋", "song": "宋体", "fangsong": "仿宋", "kai": "楷体",
               "hei": "黑体", "latin": "西文"}

# (component, licence) of what the installer ships; the fonts' licence is in the font files.
LICENCES = [
    ("公报编辑器", "东西湖区人民政府办公室内部使用（非开源）"),
    ("Python 3.11", "PSF License"),
    ("Qt 6 / PySide6", "LGPL v3（动态链接，可替换库文件）"),
    ("Noto Serif SC / Noto Sans SC 字体", "SIL Open Font License 1.1"),
    ("Noto Serif JP / Noto Sans JP 字体（扩展 B 区用字）", "SIL Open Font License 1.1"),
    ("reportlab", "BSD"),
    ("fontTools", "MIT"),
    ("uharfbuzz / HarfBuzz", "Apache 2.0；HarfBuzz：Old MIT"),
    ("python-docx", "MIT"),
    ("lxml", "BSD"),
    ("pypdf", "BSD"),
    ("pikepdf", "MPL 2.0；qpdf：Apache 2.0"),
    ("sqlite-utils", "Apache 2.0；SQLite：公有领域"),
    ("Pillow", "MIT-CMU（HPND）"),
]

_PACKAGES = ["PySide6-Essentials", "reportlab", "fonttools", "python-docx", "pikepdf", "pypdf",
             "sqlite-utils", "pylopdf-fonts-zh-cn", "pylopdf-fonts-jp", "uharfbuzz"]


@dataclass(frozen=True)
class FontUse:
    """One gazette role and the face that serves it."""
    role: str               # 小标宋, 宋体 …
    face: str               # face key (PostScript name)
    family: str             # the name the font gives itself (first name found)
    path: str
    index: int              # subfont of a .ttc, else 0
    embedding: str          # how the PDF carries it


@dataclass
class AppInfo:
    version: str
    python: str
    platform: str
    frozen: bool
    program_dir: str
    data_dir: str
    cache_dir: str
    packages: dict[str, str] = field(default_factory=dict)
    fonts: list[FontUse] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)   # face → reason (Chinese)
    licences: list[tuple[str, str]] = field(default_factory=lambda: list(LICENCES))
    kind: str = ""          # 安装版 / 源码运行 / Python 包安装 (``install_kind``)

    def as_text(self, qt_version: str = "") -> str:
        """Plain text of everything, for the clipboard (support requests)."""
        kind = self.kind or ("安装版" if self.frozen else install_kind())
        lines = [f"公报编辑器 {self.version}（{kind}）",
                 f"Python {self.python}；{self.platform}" + (f"；Qt {qt_version}" if qt_version else ""),
                 f"程序目录：{self.program_dir}", f"数据与设置：{self.data_dir}",
                 f"缓存：{self.cache_dir}", "字体："]
        for use in self.fonts:
            sub = f"#{use.index}" if use.index else ""
            lines.append(f"  {use.role}：{use.family}（{use.face}）{use.path}{sub}，{use.embedding}")
        for face, reason in self.refused.items():
            lines.append(f"  不使用 {face}：{reason}")
        lines.append("组件版本：" + "，".join(f"{k} {v}" for k, v in self.packages.items()))
        return "\n".join(lines)


def package_versions() -> dict[str, str]:
    found = {}
    for name in _PACKAGES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return found


def font_uses(book) -> list[FontUse]:
    """The first face of each role's chain in ``book`` (a FontBook)."""
    uses = []
    for role, faces in book.report()["roles"].items():
        first = faces[0]
        names = first.get("names") or [first["face"]]
        embedding = "嵌入子集（TrueType）" if book.record(first["face"]).embeddable else "不可嵌入"
        uses.append(FontUse(ROLE_LABELS.get(role, role), first["face"], names[0],
                            str(first["path"]), int(first["index"]), embedding))
    return uses


def install_kind() -> str:
    """How this copy runs: 安装版 (the Windows bundle), 源码运行 (a source checkout: the
    package sits beside its pyproject.toml), else Python 包安装 (site-packages)."""
    from editor.resources import is_frozen
    if is_frozen():
        return "安装版"
    package = Path(__file__).resolve().parent
    if (package.parent / "pyproject.toml").is_file() and package.parent.name not in (
            "site-packages", "dist-packages"):
        return "源码运行"
    return "Python 包安装"


def collect(book=None) -> AppInfo:
    """The facts of this installation; ``book`` (a FontBook) gives the fonts in use."""
    from editor.appdirs import cache_dir, data_dir
    from editor.resources import is_frozen, root
    info = AppInfo(version=__version__, python=platform.python_version(),
                   platform=f"{platform.system()} {platform.release()} {platform.machine()}",
                   frozen=is_frozen(), program_dir=str(Path(sys.executable).parent if is_frozen() else root()),
                   data_dir=str(data_dir()), cache_dir=str(cache_dir()), packages=package_versions(),
                   kind=install_kind())
    if book is not None:
        info.fonts = font_uses(book)
        info.refused = dict(book.report()["refused"])
    return info
