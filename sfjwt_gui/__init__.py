"""sfjwt-gui: set up and debug the Salesforce OAuth 2.0 JWT Bearer Flow."""

import sys as _sys

__version__ = "0.1.0"

# httpx imports its own command-line client (click, rich, pygments: ~0.2 s) whenever those happen to be installed in
# the same environment; neither the window nor `sfjwt` uses it. Marked absent, httpx keeps its stub ``httpx.main``.
if "httpx" not in _sys.modules:
    _sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
