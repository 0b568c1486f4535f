"""Map font names found in .docx files to gazette font roles (layer: fonts, no I/O).

Roles: biaosong 小标宋 (titles), song 宋体, fangsong 仿宋 (body), kai 楷体, hei 黑体,
latin (Latin letters and digits).  GB/T 9704 names 方正小标宋简体, 仿宋_GB2312, 楷体_GB2312
and 黑体; offices also use SimSun, FangSong, KaiTi, SimHei, Microsoft YaHei ….
"""
from __future__ import annotations

# Checked in order: the first pattern contained in the lower-cased name wins.
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("小标宋", "biaosong"), ("xiaobiaosong", "biaosong"), ("fzxbs", "biaosong"), ("标宋", "biaosong"),
    ("大标宋", "biaosong"), ("华文中宋", "biaosong"), ("stzhongsong", "biaosong"), ("中宋", "biaosong"),
    ("仿宋", "fangsong"), ("fangsong", "fangsong"), ("simfang", "fangsong"), ("stfangsong", "fangsong"),
    ("楷", "kai"), ("kaiti", "kai"), ("simkai", "kai"), ("stkaiti", "kai"), ("kai", "kai"),
    ("黑体", "hei"), ("simhei", "hei"), ("heiti", "hei"), ("雅黑", "hei"), ("yahei", "hei"),
    ("等线", "hei"), ("dengxian", "hei"), ("苹方", "hei"), ("pingfang", "hei"), ("sans sc", "hei"),
    ("sans cjk", "hei"), ("source han sans", "hei"), ("思源黑体", "hei"), ("wenquanyi", "hei"),
    ("宋", "song"), ("simsun", "song"), ("nsimsun", "song"), ("songti", "song"), ("stsong", "song"),
    ("serif sc", "song"), ("serif cjk", "song"), ("source han serif", "song"), ("思源宋体", "song"),
    ("mincho", "song"), ("ming", "song"),
    ("times", "latin"), ("arial", "latin"), ("calibri", "latin"), ("cambria", "latin"),
    ("helvetica", "latin"), ("courier", "latin"), ("georgia", "latin"), ("verdana", "latin"),
)


def role_for_font_name(name: str | None) -> str | None:
    """The gazette role of a font name, or None when the name says nothing we know."""
    if not name:
        return None
    lowered = name.strip().lower()
    for pattern, role in _PATTERNS:
        if pattern in lowered:
            return role
    return None
