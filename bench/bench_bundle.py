"""Benchmark: the bundled program on a freshly installed workstation (layer: bench).

Prints figures, asserts nothing (packaging/smoke.py is the pass/fail check):
- size of the one-folder bundle (dist/gongbao) and of its largest parts;
- first build of the sample issue with an empty cache: the bundle (fonts arrive
  converted) against the source run (converts the fallback fonts first);
- warm build with the bundle, best of N.

Build the bundle first: pyinstaller --noconfirm packaging/gongbao.spec (or
python packaging/smoke.py --build).

Usage: python bench/bench_bundle.py [--dist DIR] [--runs N]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def timed(cmd: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", default=str(ROOT / "dist"))
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    bundle = Path(args.dist) / "gongbao"
    exe = bundle / ("gongbao-cli.exe" if sys.platform.startswith("win") else "gongbao-cli")
    if not exe.exists():
        print(f"没有打包目录 {bundle}：请先运行 python packaging/smoke.py --build")
        return 1
    inner = bundle / "_internal"
    print(f"打包目录 {bundle}：{folder_size(bundle) / 2**20:.0f} MB")
    parts = sorted(((folder_size(p) if p.is_dir() else p.stat().st_size, p.name)
                    for p in inner.iterdir() if not p.is_symlink()), reverse=True)[:6]
    print("  最大的部分：" + "，".join(f"{name} {size / 2**20:.0f} MB" for size, name in parts))
    base = {k: v for k, v in os.environ.items() if not k.startswith("GONGBAO_")}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        out = str(tmp / "out.pdf")
        bundle_env = dict(base, GONGBAO_HOME=str(tmp / "h1"), GONGBAO_CACHE_DIR=str(tmp / "c1"))
        source_env = dict(base, GONGBAO_HOME=str(tmp / "h2"), GONGBAO_CACHE_DIR=str(tmp / "c2"),
                          PYTHONPATH=str(ROOT))
        first_bundle = timed([str(exe), "build", "-o", out, "--force"], bundle_env)
        first_source = timed([sys.executable, str(ROOT / "main.py"), "build", "-o", out, "--force"], source_env)
        warm = min(timed([str(exe), "build", "-o", out, "--force"], bundle_env) for _ in range(args.runs))
    print(f"首次构建（空缓存）：打包程序 {first_bundle:.1f} 秒，源码运行（需先转换字体）{first_source:.1f} 秒")
    print(f"打包程序再次构建：最快 {warm:.2f} 秒（{args.runs} 次）")
    return 0


if __name__ == "__main__":
    sys.exit(main())
