"""Where a piece of text lives in a document, and the Chinese names of kinds and parts
(layer: model, no I/O).

``BlockAddress`` is the typed form of the block ids that annotations, layout sources and
edits carry (their text form is what the project file stores):

    p9                       a top-level block of the body or of an attachment
    t1/c3/p1                 a block in a table cell (cells nest: t1/c3/t2/c1/p1)
    title, signature/2       a head part; one line of a list part (落款, 附件说明)
    a1/title, a1/label       an attachment's title or label

``KIND_LABELS`` and ``PART_LABELS`` are the one table of what the window, the command
line and the messages call each document kind and each part.
"""
from __future__ import annotations

from dataclasses import dataclass

# Head parts whose lines are addressed one by one (signature/2).
LIST_PARTS = ("attachment_note", "signature")
ATTACHMENT_PARTS = ("label", "title")

KIND_LABELS = {"notice": "公文", "request": "请示、报告", "minutes": "会议纪要", "speech": "讲话",
               "doc_list": "文件目录",
               "chronicle": "大事记", "news": "简讯", "article": "文章", "other": "其他"}
# What each kind takes in, for a menu where the editor picks one.
KIND_HINTS = {"notice": "通知、通报、决定、意见、批复、函、命令", "article": "区情、调研"}

PART_LABELS = {"issuer_mark": "发文机关标志", "doc_number": "文号", "mark": "会议文件标识",
               "title": "文件标题", "subtitle": "副标题", "speaker": "讲话人",
               "recipients": "主送机关", "attachment_note": "附件说明", "signature": "落款",
               "date": "成文日期", "colophon_note": "版记",
               "heading1": "一级标题", "heading2": "二级标题", "heading3": "三级标题",
               "heading4": "四级标题", "body": "正文段落"}


def kind_label(kind: str, hint: bool = False) -> str:
    """公文, or with ``hint`` 公文（通知、通报、…）."""
    label = KIND_LABELS.get(kind, kind)
    return f"{label}（{KIND_HINTS[kind]}）" if hint and kind in KIND_HINTS else label


@dataclass(frozen=True)
class BlockAddress:
    parts: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> "BlockAddress":
        return cls(tuple(text.split("/")))

    @classmethod
    def cell(cls, table_id: str, cell_id: str, block_id: str) -> "BlockAddress":
        return cls((table_id, cell_id, block_id))

    def __str__(self) -> str:
        return "/".join(self.parts)

    @property
    def top(self) -> str:
        """The top-level block, head part or attachment the address starts at."""
        return self.parts[0]

    @property
    def in_table(self) -> bool:
        """A block inside a table cell (table id, cell id, block id …)."""
        return len(self.parts) >= 3

    @property
    def table_id(self) -> str | None:
        return self.parts[0] if self.in_table else None

    @property
    def cell_id(self) -> str | None:
        """The innermost cell holding the block."""
        return self.parts[-2] if self.in_table else None

    @property
    def head_part(self) -> str | None:
        """The head part (title, signature …) the address names, if it names one."""
        from editor.model import HEAD_PARTS
        top = self.parts[0]
        return top if top in HEAD_PARTS or top == "colophon_note" else None

    @property
    def line(self) -> int | None:
        """The line of a list part (signature/2 → 2), else None."""
        if len(self.parts) == 2 and self.parts[0] in LIST_PARTS and self.parts[1].isdigit():
            return int(self.parts[1])
        return None

    @property
    def attachment_part(self) -> tuple[str, str] | None:
        """(attachment id, label|title) for an attachment's own text, else None."""
        if len(self.parts) == 2 and self.parts[1] in ATTACHMENT_PARTS \
                and self.head_part is None:
            return self.parts[0], self.parts[1]
        return None
