"""The practice org: a Salesforce-compatible JWT Bearer token endpoint on loopback (Qt-free).

See ``server`` for the endpoints, ``checks`` for the refusal order, ``org`` for the org file, ``scenarios`` for the
named broken set-ups and ``faults`` for what can be made to go wrong on purpose.
"""

from sfjwt_gui.practice.faults import Faults
from sfjwt_gui.practice.org import Org, default_org, load_org
from sfjwt_gui.practice.scenarios import SCENARIOS, Scenario, get_scenario
from sfjwt_gui.practice.server import PracticeServer

__all__ = ["SCENARIOS", "Faults", "Org", "PracticeServer", "Scenario", "default_org", "get_scenario", "load_org"]
