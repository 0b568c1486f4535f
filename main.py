"""Entry point: ``python main.py`` opens the editor window; ``python main.py build`` etc. run headless."""
import gc
import sys

from editor.cli import main

if __name__ == "__main__":
    if getattr(sys, "frozen", False):   # a frozen (PyInstaller) child process stops here
        import multiprocessing          # (not imported otherwise: 20 ms of every start)
        multiprocessing.freeze_support()
    code = main()
    gc.freeze()     # ending now: spare the interpreter's last collection over the whole heap
    sys.exit(code)
