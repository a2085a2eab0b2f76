"""Keeping the GUI thread under one frame: big updates run in turns, views render only what is on screen.

- ``in_turns(owner, step, step, …)`` runs each step in its own turn of the event loop (the first one now), so the
  window repaints and handles input between them; the steps stop when ``owner`` is destroyed. Use it where one
  update would take longer than a frame (16 ms at 60 Hz) in a single slot.
- ``RenderWhenShown(widget, render)``: ``request()`` renders now while ``widget`` is on screen; otherwise it only
  marks the view out of date, and the widget's ``showEvent`` calls ``flush()``: ``render`` runs once, *before* the
  first paint, with the values current then. A page that is not on screen therefore costs nothing when the state
  changes and never shows stale data when it appears.

Budget (issue 9): no GUI-thread stall of a frame or more during a slow token response (tests/benchmarks/bench_stall.py).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget


def in_turns(owner: QObject, *steps: Callable[[], object]) -> None:
    """Run ``steps`` in order, the first now and each next one in a later event-loop turn, while ``owner`` lives.

    The next step waits on a 1 ms timer, not on a posted call (``QTimer.singleShot(0, …)``) nor a zero timer: those
    would run in the same pass of the event loop as the repaint the step before asked for, so one pass would do both.
    With the timer, the repaint has a pass of its own, and the timers already due (a progress animation, a blinking
    cursor) run before the next step."""
    if not steps or not shiboken6.isValid(owner):
        return
    steps[0]()
    if len(steps) > 1:
        QTimer.singleShot(1, owner, functools.partial(in_turns, owner, *steps[1:]))


class RenderWhenShown:
    """Render a view now when it is on screen, else once when it is next shown (see the module contract).

    The widget calls ``flush()`` from its ``showEvent`` (Qt sends it before the first paint); no event filter, so
    nothing of ours runs while Qt takes the widget down."""

    def __init__(self, widget: QWidget, render: Callable[[], object]) -> None:
        self._widget = widget
        self._render = render
        self.dirty = False

    def request(self) -> None:
        """The data behind the view changed: render now if the widget is visible, else when it is shown."""
        if self._widget.isVisible():
            self.dirty = False
            self._render()
        else:
            self.dirty = True

    def flush(self) -> None:
        """Render now if a change is pending (call it from the widget's ``showEvent``)."""
        if self.dirty:
            self.dirty = False
            self._render()
