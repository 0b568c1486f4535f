"""Per-user window settings through QSettings (layer: ui).

Recent project files (most recent first, missing files dropped), window geometry and
dock state, the last folders used for opening projects, importing .docx and exporting
PDFs, and the preview zoom.  They live in ``settings.ini`` in the per-user data folder
(Windows: %APPDATA%\\GongbaoEditor, see editor.appdirs), not in the registry, so a
portable or reinstalled copy keeps them.  Paths are stored as text, so Chinese folder
names round-trip unchanged.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "GongbaoEditor"
APPLICATION = "公报编辑器"
MAX_RECENT = 10


def default_qsettings() -> QSettings:
    """``settings.ini`` in the per-user data folder (GONGBAO_HOME overrides it)."""
    from editor.appdirs import data_dir
    return QSettings(str(data_dir() / "settings.ini"), QSettings.Format.IniFormat)


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        self.q = qsettings or default_qsettings()

    # -- recent files --------------------------------------------------------------------------
    def recent_files(self) -> list[Path]:
        values = self.q.value("recent_files", []) or []
        if isinstance(values, str):
            values = [values]
        return [Path(v) for v in values if v and Path(v).exists()]

    def add_recent(self, path: Path | str) -> None:
        path = str(Path(path).resolve())
        items = [str(p) for p in self.recent_files() if str(p) != path]
        self.q.setValue("recent_files", [path] + items[:MAX_RECENT - 1])

    def clear_recent(self) -> None:
        self.q.setValue("recent_files", [])

    # -- folders -------------------------------------------------------------------------------
    def last_folder(self, purpose: str) -> str:
        """Last folder used for ``purpose`` ("open", "import", "export"), or the home."""
        value = self.q.value(f"folders/{purpose}", "")
        if value and Path(str(value)).is_dir():
            return str(value)
        return str(Path.home())

    def set_last_folder(self, purpose: str, path: Path | str) -> None:
        path = Path(path)
        folder = path if path.is_dir() else path.parent
        self.q.setValue(f"folders/{purpose}", str(folder))

    # -- window --------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self.q.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        value = self.q.value("window/state")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self.q.setValue("window/geometry", geometry)
        self.q.setValue("window/state", state)

    def zoom(self) -> str | int:
        value = self.q.value("preview/zoom", "fit_width")
        if isinstance(value, str) and value.isdigit():
            return int(value)
        return value if value in ("fit_width", "fit_page") or isinstance(value, int) \
            else "fit_width"

    def set_zoom(self, mode: str | int) -> None:
        self.q.setValue("preview/zoom", str(mode))

    def bool_value(self, key: str, default: bool = False) -> bool:
        value = self.q.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("1", "true", "yes")
        return bool(value)

    def set_value(self, key: str, value) -> None:
        self.q.setValue(key, value)

    def last_page(self, project: Path) -> int:
        """The page a project was left on (0 when never), to open it there again."""
        try:
            return max(0, int(self.q.value(_page_key(project), 0)))
        except (TypeError, ValueError):
            return 0

    def set_last_page(self, project: Path, page: int) -> None:
        self.q.setValue(_page_key(project), int(page))

    def sync(self) -> None:
        self.q.sync()

    # -- the gazette archive ---------------------------------------------------------------------
    def archive_path(self) -> Path | None:
        value = self.q.value("archive/path", "")
        return Path(value) if value else None

    def set_archive_path(self, path: Path | str) -> None:
        self.q.setValue("archive/path", str(path))


def _page_key(project: Path) -> str:
    """A settings key per project file (its path hashed: a path holds / and \\)."""
    import hashlib
    name = str(Path(project).resolve())
    return "last_page/" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:16]
