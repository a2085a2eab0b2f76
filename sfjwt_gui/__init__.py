"""sfjwt-gui: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow."""

from __future__ import annotations

import sys as _sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence
    from importlib.machinery import ModuleSpec
    from types import ModuleType

__version__ = "0.1.0"


class _WithoutHttpxCli:
    """httpx imports its own command-line client (click, rich, pygments: ~0.2 s) whenever those happen to be installed
    in the same environment; neither the window nor `sfjwt` uses it. This finder answers "not installed" for that one
    module, so httpx keeps its stub ``httpx.main``; every other import passes through untouched."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname == "httpx._main":
            raise ModuleNotFoundError("httpx's command-line client is not used by sfjwt-gui", name=fullname)
        return None


if "httpx" not in _sys.modules:
    _sys.meta_path.insert(0, _WithoutHttpxCli())
