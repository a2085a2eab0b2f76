"""Start a background job and deliver its result to callbacks owned by a widget, race-free and lifetime-safe.

``worker.run_in_background`` starts the job before the caller can connect to its signals, so a very fast job could
finish unheard. ``start_job`` holds the job at a gate until the callbacks are connected. The callbacks are invoked
through a QObject parented to ``owner``: when the owner is destroyed, late results are dropped instead of reaching a
deleted widget.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from sfjwt_gui.ui.worker import Job, run_in_background


class _Relay(QObject):
    def __init__(
        self,
        owner: QObject,
        on_finished: Callable[[Any], None] | None,
        on_failed: Callable[[BaseException], None] | None,
    ) -> None:
        super().__init__(owner)
        self._on_finished = on_finished
        self._on_failed = on_failed

    @Slot(object)
    def finished(self, result: Any) -> None:
        if self._on_finished is not None:
            self._on_finished(result)

    @Slot(object)
    def failed(self, error: Any) -> None:
        if self._on_failed is not None:
            self._on_failed(error)

    @Slot()
    def done(self) -> None:
        self.deleteLater()


def start_job(
    owner: QObject,
    fn: Callable[..., Any],
    *args: Any,
    on_finished: Callable[[Any], None] | None = None,
    on_failed: Callable[[BaseException], None] | None = None,
    **kwargs: Any,
) -> Job:
    """Run ``fn(*args, **kwargs)`` in the background; call ``on_finished(result)`` or ``on_failed(error)`` on the GUI
    thread while ``owner`` lives."""
    gate = threading.Event()

    def gated(*a: Any, **kw: Any) -> Any:
        gate.wait()
        return fn(*a, **kw)

    gated.__name__ = getattr(fn, "__name__", "job")
    job = run_in_background(gated, *args, **kwargs)
    relay = _Relay(owner, on_finished, on_failed)
    job.signals.finished.connect(relay.finished)
    job.signals.failed.connect(relay.failed)
    job.signals.done.connect(relay.done)
    gate.set()
    return job
