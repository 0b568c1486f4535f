"""Lossless conversion of model objects to JSON-ready dicts and back (layer: model).

Every dataclass becomes a dict with a ``"type"`` key naming its class, so the block union
(Paragraph | Heading | ListItem | Table | Image | PageBreak) round-trips without guessing.
Bytes (image data) are stored as base64 text.  Fields left at their default are omitted to
keep the JSON small; ``from_dict`` restores them from the dataclass defaults.
"""
from __future__ import annotations

import base64
import dataclasses
import json
from typing import Any

from editor import model

_CLASSES: dict[str, type] = {
    name: getattr(model, name) for name in model.__all__
    if isinstance(getattr(model, name), type) and dataclasses.is_dataclass(getattr(model, name))
}


def to_dict(obj: Any) -> Any:
    """Turn a model object (or list/dict of them) into plain JSON-ready data."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {"type": type(obj).__name__}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if _is_default(f, value):
                continue
            out[f.name] = to_dict(value)
        return out
    if isinstance(obj, (list, tuple)):
        return [to_dict(v) for v in obj]
    if isinstance(obj, dict):
        return {k: to_dict(v) for k, v in obj.items()}
    if isinstance(obj, bytes):
        return {"$bytes": base64.b64encode(obj).decode("ascii")}
    return obj


def from_dict(data: Any) -> Any:
    """Inverse of :func:`to_dict`."""
    if isinstance(data, list):
        return [from_dict(v) for v in data]
    if isinstance(data, dict):
        if "$bytes" in data and len(data) == 1:
            return base64.b64decode(data["$bytes"])
        type_name = data.get("type")
        cls = _CLASSES.get(type_name) if isinstance(type_name, str) else None
        if cls is None:
            return {k: from_dict(v) for k, v in data.items()}
        names = {f.name for f in dataclasses.fields(cls)}
        kwargs = {k: from_dict(v) for k, v in data.items() if k in names}
        return cls(**kwargs)
    return data


def dumps(obj: Any) -> str:
    return json.dumps(to_dict(obj), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> Any:
    return from_dict(json.loads(text))


def _is_default(f: dataclasses.Field, value: Any) -> bool:
    if f.default is not dataclasses.MISSING:
        return value == f.default and type(value) is type(f.default)
    if f.default_factory is not dataclasses.MISSING:  # type: ignore[misc]
        return value == f.default_factory()  # type: ignore[misc]
    return False
