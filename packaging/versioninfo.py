"""editor.__version__ → the Windows VERSIONINFO resource of the bundled .exe, in the text
form PyInstaller's ``EXE(version=...)`` reads (layer: packaging tool, no Qt).

The installer (packaging/gongbao.iss) reads the version back from the .exe, so the
version is written in one place only: ``editor/__init__.py``.
"""
from __future__ import annotations

import re
from pathlib import Path

PRODUCT = "公报编辑器"
COMPANY = "东西湖区人民政府办公室"
DESCRIPTION = "公报编辑器（区人民政府公报排版与校对）"
COPYRIGHT = "© 东西湖区人民政府办公室；随附字体 Noto Serif SC / Noto Sans SC 依 SIL OFL 1.1 授权"
LANG_CODEPAGE = "080404B0"          # zh-CN (0x0804), Unicode (1200 = 0x04B0)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """"1.2.3" / "1.2.3rc1" / "1.2" → (1, 2, 3, 0): four numbers as Windows wants."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:4]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers)  # type: ignore[return-value]


def version_text(version: str, exe_name: str = "gongbao.exe") -> str:
    """The VSVersionInfo expression for ``version``."""
    nums = version_tuple(version)
    dotted = ".".join(str(n) for n in nums)
    strings = [("CompanyName", COMPANY), ("FileDescription", DESCRIPTION),
               ("FileVersion", dotted), ("InternalName", "gongbao"),
               ("LegalCopyright", COPYRIGHT), ("OriginalFilename", exe_name),
               ("ProductName", PRODUCT), ("ProductVersion", version)]
    table = ",\n".join(f"          StringStruct({key!r}, {value!r})" for key, value in strings)
    return f"""# Generated from editor.__version__ by packaging/versioninfo.py; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={nums!r},
    prodvers={nums!r},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable({LANG_CODEPAGE!r}, [
{table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def write_version_file(path: Path, version: str | None = None, exe_name: str = "gongbao.exe") -> Path:
    """Write the version resource text for ``version`` (default: editor.__version__)."""
    if version is None:
        from editor import __version__ as version
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(version_text(version, exe_name), encoding="utf-8")
    return path
