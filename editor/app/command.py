"""The edit-command contract (layer: app, no Qt).

Every mutation of an issue is a ``Command``: ``apply`` and ``revert`` change the model in
place and return a ``Change`` naming what changed, so views refresh only that and undo
never reaches into widgets.  Commands are dataclasses registered by name, so the undo
history can be stored in the project file and survive a restart (``to_dict``/``from_dict``).
``title`` is the Chinese text shown in 编辑 › 撤销.
"""
from __future__ import annotations

import dataclasses
import importlib
from dataclasses import dataclass, field
from typing import Any, ClassVar

from editor.errors import GazetteError
from editor.model import Issue
from editor.model.serialize import from_dict as model_from_dict
from editor.model.serialize import to_dict as model_to_dict


@dataclass
class Change:
    """What a command changed."""
    meta: bool = False
    sections: bool = False                           # section list, titles or document order
    documents: set[str] = field(default_factory=set)          # doc ids whose content changed
    tables: set[tuple[str, str]] = field(default_factory=set)  # (doc id, table id)
    annotations: set[str] = field(default_factory=set)        # annotation ids

    def merge(self, other: "Change") -> "Change":
        return Change(self.meta or other.meta, self.sections or other.sections,
                      self.documents | other.documents, self.tables | other.tables,
                      self.annotations | other.annotations)

    @property
    def empty(self) -> bool:
        return not (self.meta or self.sections or self.documents or self.tables or self.annotations)


_REGISTRY: dict[str, type["Command"]] = {}

# Every module that defines commands, so a step read back from a project file finds its
# class even when nothing imported its module.  tests/test_command_registry.py fails when a
# command is defined anywhere else.  A broken import here is a bug and fails loudly.
COMMAND_MODULES = ("editor.app.commands", "editor.app.table_commands",
                   "editor.app.recognition_commands", "editor.app.reimport",
                   "editor.proof.corrections", "editor.proof.import_")


class UnknownCommand(GazetteError):
    """A stored step names a command this version does not have (a newer program wrote it)."""


def _load_all() -> None:
    for module in COMMAND_MODULES:
        importlib.import_module(module)


def _command_class(name: str) -> type["Command"]:
    if name not in _REGISTRY:
        _load_all()
    if name not in _REGISTRY:
        raise UnknownCommand("项目文件中的这一步操作无法识别，可能由更新版本的程序写入，不能撤销或重做。",
                             f"unknown command {name!r}")
    return _REGISTRY[name]


@dataclass
class Command:
    """Base class: subclasses are dataclasses holding what they need to apply *and* revert
    (e.g. the old value, captured in ``apply``)."""
    title: ClassVar[str] = "编辑"
    # The form of the stored step (``to_dict``): a command whose fields change meaning
    # raises it, and a step stored by a newer version is refused, never misread.
    version: ClassVar[int] = 1

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.__name__.startswith("_"):
            return                          # a shared base, never stored on its own
        known = _REGISTRY.get(cls.__name__)
        if known is not None and known.__module__ != cls.__module__:
            raise TypeError(f"command name {cls.__name__} defined in {known.__module__} "
                            f"and {cls.__module__}")
        _REGISTRY[cls.__name__] = cls

    def apply(self, issue: Issue) -> Change:
        raise NotImplementedError

    def revert(self, issue: Issue) -> Change:
        raise NotImplementedError

    def describe(self) -> str:
        """Chinese text for the undo menu and the revision log."""
        return self.title

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: model_to_dict(getattr(self, f.name)) for f in dataclasses.fields(self)}
        return {"command": type(self).__name__, "version": type(self).version, "data": data}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> "Command":
        cls = _command_class(data["command"])
        stored = int(data.get("version", 1))        # steps stored before versions were 1
        if stored > cls.version:
            raise UnknownCommand("项目文件中的这一步操作由更新版本的程序写入，不能撤销或重做。",
                                 f"{data['command']} version {stored} > {cls.version}")
        kwargs = {k: model_from_dict(v) for k, v in data["data"].items()}
        return cls(**kwargs)


@dataclass
class CommandGroup(Command):
    """Several commands done and undone as one step (a batch import).  ``parts`` holds
    the commands in their stored form, rewritten after each apply/revert so the state
    they captured travels with the group; ``text`` is the undo-menu text."""
    parts: list[dict] = field(default_factory=list)
    text: str = ""
    title: ClassVar[str] = "批量操作"

    def apply(self, issue: Issue) -> Change:
        return self._run(issue, [Command.from_dict(d) for d in self.parts], forward=True)

    def revert(self, issue: Issue) -> Change:
        commands = [Command.from_dict(d) for d in reversed(self.parts)]
        return self._run(issue, commands, forward=False)

    def _run(self, issue: Issue, commands: list["Command"], forward: bool) -> Change:
        """Apply (or revert) ``commands`` in order; on an error, the ones done are
        taken back so the issue is as before."""
        change, done = Change(), []
        try:
            for command in commands:
                change = change.merge(command.apply(issue) if forward else command.revert(issue))
                done.append(command)
        except BaseException:
            for command in reversed(done):
                if forward:
                    command.revert(issue)
                else:
                    command.apply(issue)
            raise
        stored = [c.to_dict() for c in commands]
        self.parts = stored if forward else stored[::-1]
        return change

    def describe(self) -> str:
        return self.text or self.title

    def reports_for(self, undo: bool) -> dict | None:
        """The import reports the parts bring with them (see ``Session``)."""
        reports: dict = {}
        for data in self.parts:
            if callable(getattr(_command_class(data["command"]), "reports_for", None)):
                reports.update(Command.from_dict(data).reports_for(undo) or {})
        return reports or None


def registered_commands() -> dict[str, type[Command]]:
    """Every command class by its stored name (all command modules loaded)."""
    _load_all()
    return dict(_REGISTRY)
