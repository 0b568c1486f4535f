"""Entry point: ``python main.py`` opens the editor window; ``python main.py build`` etc. run headless."""
import gc
import multiprocessing
import sys

from editor.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()    # a frozen (PyInstaller) child process stops here
    code = main()
    gc.freeze()     # ending now: spare the interpreter's last collection over the whole heap
    sys.exit(code)
