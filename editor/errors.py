"""Errors the user sees (layer: core utility).

A ``GazetteError`` carries a clear Chinese message for the user and an English detail for
logs; the CLI prints it and exits with code 2, the window shows it in a message box.
Never a traceback for a problem the user can understand.
"""
from __future__ import annotations


class GazetteError(Exception):
    def __init__(self, message: str, detail: str = "", path: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail
        self.path = path

    def __str__(self) -> str:
        text = self.message
        if self.detail:
            text += f"（{self.detail}）"
        return text
