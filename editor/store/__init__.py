"""The project file (``*.gazette``): one SQLite database per issue (layer: store, no Qt).

``ProjectStore`` reads and writes its rows; ``load_issue(path)`` reads the Issue of a
project without writing (what ``python main.py build FILE.gazette`` uses).  Editing goes
through ``editor.app.session.Session``.
"""
from editor.store.project import ProjectStore, load_issue
from editor.store.schema import SCHEMA_VERSION, check_file

__all__ = ["ProjectStore", "load_issue", "SCHEMA_VERSION", "check_file"]
