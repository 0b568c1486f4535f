"""Where a command may write its output: never over an input, a project or its journal, and
over another existing file only when the user said so (layer: app, no Qt).

``check_output(out, inputs, force)`` is called by every command that writes a file the
user named (``build``, ``proof``, ``booklet``, the window's exports) before any work is
done.  It raises ``OutputRefused`` (a ``GazetteError``, never overridable) when ``out``

- is the same file as one of ``inputs`` (the project, the issue.json and the .docx files
  it lists, a proof PDF read with ``--compare``) — by path or by inode, so a link counts;
- is a project file: any ``*.gazette`` name, a file whose content is a gazette project,
  or a project's SQLite side file (``-wal``, ``-shm``, ``-journal``);
- is a folder;

and ``OutputExists`` (also a ``GazetteError``) when ``out`` is another existing file and
``force`` is false: the CLI tells the user to add ``--force``, the window asks before it
overwrites (``editor.ui.export``).  ``written(out)`` removes a new file that an error left
half written.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path

from editor.errors import GazetteError

PROJECT_SUFFIX = ".gazette"
SIDE_FILES = ("-wal", "-shm", "-journal")
_SQLITE_HEADER = b"SQLite format 3\x00"
_APPLICATION_ID = b"GAZ1"            # PRAGMA application_id, big-endian at offset 68


class OutputRefused(GazetteError):
    """The output would destroy an input or a project: refused, ``--force`` or not."""


class OutputExists(GazetteError):
    """The output names another existing file: overwrite only when the user confirms."""


def is_project_file(path: Path) -> bool:
    """True for a gazette project by name or by content (an SQLite file marked GAZ1, or
    any SQLite file named like one), and for a project's SQLite side files."""
    name = path.name.lower()
    if name.endswith(PROJECT_SUFFIX) or any(
            name.endswith(PROJECT_SUFFIX + side) for side in SIDE_FILES):
        return True
    try:
        with open(path, "rb") as fh:
            head = fh.read(72)
    except OSError:
        return False
    return head.startswith(_SQLITE_HEADER) and head[68:72] == _APPLICATION_ID


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.abspath(a) == os.path.abspath(b)


def check_output(out: str | Path, inputs: Iterable[str | Path | None] = (),
                 force: bool = False) -> Path:
    """Refuse to write ``out`` over an input, a project or (without ``force``) any other
    existing file; returns ``out`` as a Path.  See the module docstring."""
    out = Path(out)
    for source in inputs:
        if source is not None and _same_file(out, Path(source)):
            raise OutputRefused(
                f"输出文件“{out.name}”就是输入文件本身，不能覆盖（请换一个输出文件名）",
                f"output {out} is input {source}", str(out))
    if is_project_file(out):
        raise OutputRefused(
            f"不能把输出写到期刊项目文件“{out.name}”上：那样会毁掉项目（请用 .pdf 等其他文件名）",
            f"output {out} is a project file", str(out))
    if out.is_dir():
        raise OutputRefused(f"“{out.name}”是文件夹，不能作为输出文件", "output is a folder",
                            str(out))
    folder = next((p for p in out.parents if p.exists()), None)
    if folder is not None and not folder.is_dir():      # -o 某文件/公报.pdf: told before any work
        raise OutputRefused(f"“{folder}”是文件，不是文件夹，无法在其中写出“{out.name}”"
                            "（请换一个位置或名称）", f"{folder} is not a folder", str(out))
    if out.exists() and not force:
        raise OutputExists(f"文件“{out}”已存在；要覆盖它请加 --force，或换一个输出文件名",
                           "output exists", str(out))
    return out


@contextmanager
def written(out: Path):
    """Around the writing of ``out``: a file that did not exist before and was left half
    written by an error (a full disk, an interruption) is removed, not left to be sent
    to the print shop."""
    existed = Path(out).exists()
    try:
        yield out
    except BaseException:
        if not existed:
            try:
                Path(out).unlink(missing_ok=True)
            except OSError:
                pass
        raise


def issue_inputs(path: str | Path | None) -> list[Path]:
    """The files an issue description reads: the issue.json or project itself and, for an
    issue.json, the .docx files it lists (unreadable lists are skipped: loading reports
    them)."""
    if path is None:
        return []
    path = Path(path)
    found = [path]
    if path.suffix.lower() == ".json" and path.is_file():
        from editor.issue_json import document_files
        try:
            found += [docx for _s, _entry, docx in document_files(path)]
        except (GazetteError, KeyError, TypeError, AttributeError, OSError):
            pass                    # loading the issue reports what is wrong with it
    return found
