"""Entry point: ``python main.py`` opens the editor window; ``python main.py build`` etc. run headless."""
import sys

from editor.cli import main

if __name__ == "__main__":
    sys.exit(main())
