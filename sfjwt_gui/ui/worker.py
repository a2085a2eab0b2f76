"""The one background-worker helper: run a core function on the QThreadPool, get its result as a signal.

Usage::

    job = run_in_background(core_function, arg, kw=value)
    job.signals.finished.connect(on_result)      # called on the GUI thread with the return value
    job.signals.failed.connect(on_error)         # called on the GUI thread with the exception
    job.cancel_token.cancel()                    # core functions that accept ``cancel=`` stop early

The worker holds no reference to widgets, so closing the window while a job runs is safe: results of a job
whose receiver is gone are dropped by Qt.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

log = logging.getLogger(__name__)


class WorkerSignals(QObject):
    """Signals a job emits; queued to the receiver's (GUI) thread."""

    started = Signal()
    finished = Signal(object)
    failed = Signal(object)
    done = Signal()  # after finished or failed, for progress indicators


class CancelFlag:
    """A thread-safe flag; compatible with ``core.exchange.CancelToken`` duck typing (``cancel()``, ``cancelled``)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()


class Job(QRunnable):
    """One call of a function on a pool thread."""

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the caller may keep the job to cancel it
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self.cancel_token: Any = kwargs.get("cancel") or CancelFlag()

    def run(self) -> None:
        """Run on the pool thread; never lets an exception escape (it becomes ``failed``)."""
        self.signals.started.emit()
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:  # every failure must reach the GUI, never kill the pool thread
            log.debug("background job %s failed: %s", getattr(self.fn, "__name__", self.fn), type(exc).__name__)
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)
        self.signals.done.emit()


_jobs: set[Job] = set()
_pending: list[Job] = []


def _start_pending() -> None:
    while _pending:
        QThreadPool.globalInstance().start(_pending.pop(0))


def run_in_background(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
    """Start ``fn(*args, **kwargs)`` on the global QThreadPool and return the job (connect to ``job.signals``).

    The job starts on the next event-loop turn, so the caller's ``connect`` calls right after this one are in place
    before a fast job emits (a signal emitted with no receiver yet would be lost).
    """
    job = Job(fn, *args, **kwargs)
    _jobs.add(job)
    job.signals.done.connect(lambda: _jobs.discard(job))
    _pending.append(job)
    QTimer.singleShot(0, _start_pending)
    return job


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait for running jobs (used at shutdown and by tests); starts jobs still waiting for the event loop."""
    _start_pending()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
