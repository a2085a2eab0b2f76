"""What a finished send writes to the application state, in two parts the Send page applies one turn apart (issue 9).

1. ``publish_sent``: the claims and token actually sent (re-stamped). The form, Signed JWT and the steps follow them;
   the flow signed them in the background, so that signature is reused (``steps.remember_signed``) and nothing is
   signed again on the GUI thread.
2. ``publish_answer``: what came back and its explanation, together, so no page sees an answer without its diagnosis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sfjwt_gui.ui.steps import remember_signed

if TYPE_CHECKING:
    from sfjwt_gui.core.flow import FlowResult
    from sfjwt_gui.ui.state import AppState


def publish_sent(state: AppState, flow: FlowResult, key: Any) -> None:
    """The claims and token sent; ``key`` is the key the flow signed with (None when it did not sign)."""
    if flow.restamped and key is not None:
        remember_signed(flow.claims, key, flow.assertion)
    state.token = flow.assertion
    state.claims = flow.claims


def publish_answer(state: AppState, flow: FlowResult, scenario: Any) -> None:
    """The exchange, its diagnosis in the window's language and the practice ``scenario`` that answered (or None)."""
    state.result_scenario = scenario
    state.flow = flow
    state.send_error = None
    state.result = flow.exchange
    state.result_stale = False
    state.diagnosis = flow.diagnosis(state.lang())
