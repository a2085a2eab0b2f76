"""Entry point of the desktop window (``sfjwt-gui``, ``python -m sfjwt_gui``).

``sfjwt-gui --practice`` starts the built-in practice org and fills the connection; ``--lang ja`` picks Japanese.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Start the Qt application; returns its exit code."""
    from sfjwt_gui.ui.application import run

    return run(list(sys.argv if argv is None else argv))
