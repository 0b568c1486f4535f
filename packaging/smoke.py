"""Bundle smoke test: build the PyInstaller bundle with packaging/gongbao.spec, run the
bundled program's headless ``build`` of the sample issue and compare the PDF byte for
byte with the same build run from source (layer: packaging tool, run by .ci/run).

    python packaging/smoke.py --build        # build dist/gongbao, then compare
    python packaging/smoke.py                # compare with an existing dist/gongbao

The bundled run uses an empty settings folder and an empty cache, as on a freshly
installed workstation: it must not convert fonts (the bundle carries them converted)
and must write the same bytes as the source run.  Exit code 0 only when all holds.
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
SPEC = ROOT / "packaging" / "gongbao.spec"


def build_bundle(dist: Path, work: Path) -> float:
    """Run PyInstaller on the spec; returns the seconds it took."""
    started = time.perf_counter()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(cmd, check=True, cwd=str(ROOT))
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def _run(cmd: list[str], env: dict, label: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, encoding="utf-8")
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(done.stdout + done.stderr, file=sys.stderr)
        raise SystemExit(f"失败：{label} 退出码 {done.returncode}")
    return seconds


def first_difference(a: bytes, b: bytes) -> int:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def window_starts(exe: Path, env: dict, seconds: float = 8.0) -> bool:
    """The window program starts and keeps running (offscreen) for ``seconds``."""
    proc = subprocess.Popen([str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        proc.terminate()
        proc.wait(timeout=10)
        return True
    print(proc.stdout.read().decode("utf-8", "replace"), file=sys.stderr)
    return False


def compare(bundle: Path, scratch: Path) -> int:
    suffix = ".exe" if sys.platform.startswith("win") else ""
    exe = bundle / f"gongbao-cli{suffix}"
    if not exe.exists():
        print(f"失败：找不到打包程序 {exe}", file=sys.stderr)
        return 1
    base = {k: v for k, v in os.environ.items() if not k.startswith("GONGBAO_")}
    base["QT_QPA_PLATFORM"] = "offscreen"
    # the PDF's creation date is the build time unless SOURCE_DATE_EPOCH fixes it: both
    # runs are dated alike, so only what they draw and embed can differ
    base["SOURCE_DATE_EPOCH"] = "1751328000"
    src_env = dict(base, PYTHONPATH=str(ROOT), GONGBAO_HOME=str(scratch / "src-home"))
    fresh_cache = scratch / "bundle-cache"
    bundle_env = dict(base, GONGBAO_HOME=str(scratch / "bundle-home"), GONGBAO_CACHE_DIR=str(fresh_cache))
    bundle_env.pop("PYTHONPATH", None)
    src_pdf, bundle_pdf = scratch / "source.pdf", scratch / "bundle.pdf"

    version = subprocess.run([str(exe), "--version"], env=bundle_env, capture_output=True,
                             text=True, encoding="utf-8")
    from editor import __version__
    if __version__ not in version.stdout:
        print(f"失败：打包程序 --version 输出“{version.stdout.strip()}”，应含 {__version__}", file=sys.stderr)
        return 1
    t_src = _run([sys.executable, str(ROOT / "main.py"), "build", "-o", str(src_pdf)], src_env, "源码运行 build")
    t_bundle = _run([str(exe), "build", "-o", str(bundle_pdf)], bundle_env, "打包程序 build")
    print(f"源码运行 build：{t_src:.1f} 秒；打包程序首次运行 build（空缓存）：{t_bundle:.1f} 秒")
    converted = sorted(p.name for p in fresh_cache.rglob("*-base.ttf"))
    if converted:
        print(f"失败：打包程序首次运行仍在转换字体：{', '.join(converted)}", file=sys.stderr)
        return 1
    a, b = src_pdf.read_bytes(), bundle_pdf.read_bytes()
    if a != b:
        print(f"失败：PDF 不一致（源码 {len(a)} 字节，打包 {len(b)} 字节，"
              f"第 {first_difference(a, b)} 字节起不同）", file=sys.stderr)
        return 1
    print(f"通过：打包程序输出的 PDF 与源码运行逐字节相同（{len(a)} 字节）")
    if not window_starts(bundle / f"gongbao{suffix}", bundle_env):
        print("失败：打包的编辑器窗口程序启动后立即退出", file=sys.stderr)
        return 1
    print("通过：打包的编辑器窗口程序可以启动")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="打包冒烟测试：打包程序与源码运行的 PDF 必须逐字节相同")
    parser.add_argument("--build", action="store_true", help="先用 packaging/gongbao.spec 打包")
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="打包输出目录（默认 dist/）")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller 工作目录（默认 build/）")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    dist = Path(args.dist)
    if args.build:
        seconds = build_bundle(dist, Path(args.work))
        print(f"打包用时：{seconds:.0f} 秒")
    bundle = dist / "gongbao"
    print(f"打包目录：{bundle}（{folder_size(bundle) / 2**20:.0f} MB）")
    with tempfile.TemporaryDirectory(prefix="gongbao-smoke-") as scratch:
        return compare(bundle, Path(scratch))


if __name__ == "__main__":
    sys.exit(main())
