"""Reading an issue from whatever file the user names (layer: app, no Qt).

``load_any_issue`` takes a project file (*.gazette) or an issue description (issue.json);
a single .docx (or .doc/.wps/.rtf) is refused with the two commands that make an issue
of it, since a natural first try is to build a notice directly.
"""
from __future__ import annotations

from pathlib import Path

from editor.errors import GazetteError


def load_any_issue(path: Path, progress=None):
    """An Issue from an issue.json or a *.gazette project file."""
    if not path.exists():
        raise GazetteError(f"找不到文件：{path}")
    if path.suffix.lower() in (".docx", ".doc", ".wps", ".rtf"):
        raise GazetteError(
            f"“{path.name}”是单篇文件，不是一整期。请先新建项目，再把文件导入某个栏目：\n"
            f"  python main.py project new 本期.gazette\n"
            f"  python main.py project import 本期.gazette \"{path}\" --section 栏目名称\n"
            f"  python main.py build 本期.gazette -o 本期.pdf", path=str(path))
    if path.suffix.lower() == ".gazette":
        from editor.store import load_issue as load_project
        return load_project(path, progress)
    from editor.issue_json import load_issue
    return load_issue(path, progress)
