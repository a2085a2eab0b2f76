"""Frozen entry point of the command line (``sfjwt`` in the bundle): the same function as the installed script."""

import sys

from sfjwt_gui.cli import main

if __name__ == "__main__":
    sys.exit(main())
