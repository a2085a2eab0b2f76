"""Keeping the GUI thread under one frame: big updates run in turns, views render only what is on screen.

- ``later(owner, step)`` runs one step in a later turn of the event loop; ``in_turns(owner, step, step, …)`` runs
  each step in its own turn (the first one now), so the window repaints and handles input between them; the steps
  stop when ``owner`` is destroyed. Use it where one update would take longer than a frame (16 ms at 60 Hz).
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

STEP_GAP_MS = 5  # a third of a frame at 60 Hz: what falls due during a step runs before the next one


def in_turns(owner: QObject, *steps: Callable[[], object]) -> None:
    """Run ``steps`` in order, the first now and each next one in a later event-loop turn, while ``owner`` lives.

    Each next step waits ``STEP_GAP_MS`` on a timer, not a posted call (``QTimer.singleShot(0, …)``): a posted call
    would run in the same pass of the loop as the repaint the step before asked for, and a zero timer would run
    before the timers that fell due during that step (Qt fires due timers by deadline). With the gap, the repaint,
    input and those timers (an animation, a blinking cursor) all come first, so two steps never chain into one
    stretch. The whole answer is on screen a few frames later, instead of one long frame."""
    if not steps or not shiboken6.isValid(owner):
        return
    steps[0]()
    if len(steps) > 1:
        later(owner, functools.partial(in_turns, owner, *steps[1:]))


def later(owner: QObject, step: Callable[[], object]) -> None:
    """Run ``step`` in a later event-loop turn (``STEP_GAP_MS`` from now), unless ``owner`` is destroyed first."""
    QTimer.singleShot(STEP_GAP_MS, owner, step)


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
