"""Font preference order per gazette role (layer: fonts; reads an optional JSON file).

GB/T 9704's faces come first when installed (方正小标宋简体 for titles, 仿宋_GB2312 for the
body, 楷体_GB2312 and 黑体 for headings), then the usual Windows, macOS and Linux names —
on Linux faces that look like the role: a heavy serif (Noto Serif CJK SC Bold/Black) for
小标宋, a 楷体 (LXGW WenKai, AR PL UKai) for 楷体 — then the open fallback shipped with the
program: Noto Serif SC stands in for 小标宋, 宋体,
仿宋 and 楷体 (no open-licensed 仿宋/楷体 of print quality is available as a package) and
Noto Sans SC for 黑体.

Preferences are a dict ``{role: [font names…]}`` (names as the font calls itself: family,
full or PostScript name, any language).  The user's ``fonts.json`` in the settings folder
and the caller (template, settings dialog) may give lists; their names are tried before
the defaults, so the fallback always remains.
"""
from __future__ import annotations

import json
from pathlib import Path

from editor.fonts.measure import ROLES

FALLBACK_SERIF = "Noto Serif SC"
FALLBACK_SANS = "Noto Sans SC"

DEFAULT_PREFERENCES: dict[str, list[str]] = {
    "biaosong": ["方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05",
                 "方正小标宋简", "华文中宋", "STZhongsong", "Source Han Serif SC Heavy",
                 "思源宋体 Heavy", "Noto Serif CJK SC Bold", "Noto Serif CJK SC Black",
                 "Source Han Serif SC Bold", "思源宋体 Bold", "Noto Serif SC Bold",
                 "Noto Serif SC Black", FALLBACK_SERIF],
    "song": ["宋体", "SimSun", "Songti SC", "STSong", "华文宋体", "Source Han Serif SC",
             "思源宋体", "Noto Serif CJK SC", FALLBACK_SERIF],
    "fangsong": ["仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋",
                 FALLBACK_SERIF],
    "kai": ["楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "Kaiti SC",
            "LXGW WenKai", "霞鹜文楷", "LXGW WenKai GB", "AR PL UKai CN", "AR PL KaitiM GB",
            FALLBACK_SERIF],
    "hei": ["黑体", "SimHei", "Heiti SC", "STHeiti", "华文黑体", "Source Han Sans SC",
            "思源黑体", "Noto Sans CJK SC", "Microsoft YaHei", "微软雅黑", FALLBACK_SANS],
    "latin": ["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "TeX Gyre Termes",
              "Nimbus Roman"],
}

# the open face standing in for each role when nothing preferred is installed
FALLBACK_FOR_ROLE = {"biaosong": FALLBACK_SERIF, "song": FALLBACK_SERIF,
                     "fangsong": FALLBACK_SERIF, "kai": FALLBACK_SERIF, "hei": FALLBACK_SANS,
                     "latin": FALLBACK_SERIF}


def user_preferences_file() -> Path:
    from editor.appdirs import data_dir
    return data_dir() / "fonts.json"


def _read_user_file(path: Path | None) -> dict:
    path = path if path is not None else user_preferences_file()
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def merge_preferences(*layers: dict | None) -> dict[str, list[str]]:
    """Defaults with each layer's names in front (the last layer has the highest rank).

    A layer is ``{role: [names]}`` or ``{"roles": {role: [names]}}``; a single name
    string is accepted for a list of one."""
    merged = {role: list(names) for role, names in DEFAULT_PREFERENCES.items()}
    for layer in layers:
        if not layer:
            continue
        roles = layer.get("roles", layer) if isinstance(layer.get("roles"), dict) else layer
        for role, names in roles.items():
            if role not in ROLES:
                continue
            names = [names] if isinstance(names, str) else [str(n) for n in names or ()]
            merged[role] = names + [n for n in merged[role] if n not in names]
    return merged


def load_preferences(preferences: dict | None = None, user_file: Path | None = None) -> dict[str, list[str]]:
    """Defaults ← the user's fonts.json ← ``preferences``."""
    return merge_preferences(_read_user_file(user_file), preferences)
