"""The practice org: a Salesforce-compatible JWT Bearer token endpoint on loopback (Qt-free).

See ``server`` for the endpoints, ``checks`` for the refusal order, ``org`` for the org file, ``scenarios`` for the
named broken set-ups and ``faults`` for what can be made to go wrong on purpose.

The names below load their module on first use (PEP 562): the window lists the scenarios while it starts, and that
must not start the server's imports (ssl, the org API, TLS) with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sfjwt_gui.practice.faults import Faults
    from sfjwt_gui.practice.org import Org, default_org, load_org
    from sfjwt_gui.practice.scenarios import SCENARIOS, Scenario, get_scenario
    from sfjwt_gui.practice.server import PracticeServer

__all__ = ["SCENARIOS", "Faults", "Org", "PracticeServer", "Scenario", "default_org", "get_scenario", "load_org"]

_MODULE_OF = {
    "Faults": "faults",
    "Org": "org",
    "default_org": "org",
    "load_org": "org",
    "SCENARIOS": "scenarios",
    "Scenario": "scenarios",
    "get_scenario": "scenarios",
    "PracticeServer": "server",
}


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
