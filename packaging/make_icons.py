"""Draw the program icon — a red seal with 公报 in white — into resources/icons as a 256 px
PNG and a multi-size Windows .ico (layer: packaging tool, run by hand; uses Pillow).

    python packaging/make_icons.py

The characters come from the open Noto Serif SC face shipped with the program, so the
drawing is the same on every machine; the result is committed to the repository.
"""
from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
RED = (200, 16, 46, 255)
WHITE = (255, 255, 255, 255)
SIZE = 1024                      # drawn large, scaled down for each icon size
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def _face(px: int) -> ImageFont.FreeTypeFont:
    sys.path.insert(0, str(ROOT))
    from editor.fonts.discovery import bundled_dir
    folder = bundled_dir()
    if folder is None:
        raise SystemExit("需要 pylopdf-fonts-zh-cn 字体包")
    return ImageFont.truetype(str(folder / "NotoSerifSC-Regular.otf"), px)


def draw_seal(size: int = SIZE) -> Image.Image:
    """The seal: rounded red square, a thin white inner frame, 公 above 报."""
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    pen = ImageDraw.Draw(img)
    pad = size // 32
    pen.rounded_rectangle([pad, pad, size - pad, size - pad], radius=size // 8, fill=RED)
    inset = size // 11
    pen.rounded_rectangle([inset, inset, size - inset, size - inset], radius=size // 16,
                          outline=WHITE, width=max(1, size // 48))
    face = _face(int(size * 0.36))
    for text, centre_y in (("公", 0.305), ("报", 0.695)):
        box = pen.textbbox((0, 0), text, font=face, stroke_width=size // 90)
        w, h = box[2] - box[0], box[3] - box[1]
        x = (size - w) / 2 - box[0]
        y = size * centre_y - h / 2 - box[1]
        pen.text((x, y), text, font=face, fill=WHITE, stroke_width=size // 90, stroke_fill=WHITE)
    return img


def main() -> int:
    out = ROOT / "resources" / "icons"
    out.mkdir(parents=True, exist_ok=True)
    seal = draw_seal()
    seal.resize((256, 256), Image.LANCZOS).save(out / "gongbao.png", optimize=True)
    seal.resize((256, 256), Image.LANCZOS).save(out / "gongbao.ico", sizes=ICO_SIZES)
    print(f"已写出 {out / 'gongbao.png'} 与 {out / 'gongbao.ico'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
