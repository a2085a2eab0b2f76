"""Frozen entry point of the window (``sfjwt-gui`` in the bundle): the same function as the installed gui-script."""

import sys

from sfjwt_gui.app import main

if __name__ == "__main__":
    sys.exit(main())
