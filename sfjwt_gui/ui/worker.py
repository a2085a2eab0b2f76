"""The one way the window runs work off the GUI thread.

Usage::

    job = start(owner, core_function, arg, on_done=show_result, on_error=show_error, cancel=CancelToken())
    job.cancel()                      # core functions that take ``cancel=`` (a CancelToken) stop early

Guarantees:

- ``fn(*args)`` runs on the global QThreadPool, never on the GUI thread; ``start`` returns at once.
- ``on_done(result)`` or ``on_error(exception)`` then runs on the GUI thread, exactly once, *only while ``owner``
  lives*: when the owner is destroyed (page closed, window gone) late results are dropped. Pages need no "am I
  closing?" flags.
- The job is registered before it is queued, so even an instant job cannot finish unheard.
- An exception in ``fn`` never escapes into the pool thread; it becomes ``on_error`` (or is logged by type only:
  exception texts may hold secrets).

Types: ``start`` is generic in the function's positional parameters (``TypeVarTuple``; mypy rejects keyword
parameters after ``ParamSpec.args``) and result (``TypeVar``), so mypy checks the
arguments against ``fn`` and ``on_done`` against its return type (pattern: Picard ``util/thread.py``).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, TypeVarTuple

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Ts = TypeVarTuple("Ts")
R = TypeVar("R")
R_contra = TypeVar("R_contra", contravariant=True)


class Callback(Protocol[R_contra]):
    """What receives a job's result on the GUI thread."""

    def __call__(self, result: R_contra, /) -> object: ...


class CancelFlag:
    """A thread-safe flag with the ``cancel()``/``cancelled`` shape of ``core.retry.CancelToken``."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop."""
        self._event.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._event.is_set()


class _Hub(QObject):
    """The one QObject behind every job, made once on the GUI thread and never deleted: a pool thread emits
    ``finished(job)``, Qt queues it here, and ``deliver`` calls the job's callback on the GUI thread if the job's
    owner still exists. No per-job QObject is ever created or destroyed off the GUI thread."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self.deliver)

    @Slot(object)
    def deliver(self, job: object) -> None:
        if isinstance(job, Job):
            _jobs.discard(job)
            job.deliver()


class Job(Generic[R]):
    """One call of a function on a pool thread; keep it to cancel or to ask whether it still runs."""

    def __init__(
        self,
        owner: QObject,
        fn: Callable[..., R],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        on_done: Callback[R] | None,
        on_error: Callable[[BaseException], object] | None,
    ) -> None:
        self.name = getattr(fn, "__name__", "job")
        self._owner: QObject | None = owner
        self._call = (fn, args, kwargs)
        self._callbacks = (on_done, on_error)
        self.cancel_token: Any = kwargs.get("cancel") or CancelFlag()
        self._finished = threading.Event()
        self._outcome: tuple[bool, Any] = (False, None)

    def cancel(self) -> None:
        """Ask the job to stop (functions that poll ``cancel=`` return early; the result is delivered as usual)."""
        self.cancel_token.cancel()

    @property
    def running(self) -> bool:
        """True until the function returned or raised."""
        return not self._finished.is_set()

    def run(self) -> None:
        """Pool thread: call the function, keep its outcome, never raise."""
        fn, args, kwargs = self._call
        try:
            self._outcome = (True, fn(*args, **kwargs))
        except BaseException as exc:  # every failure must reach the GUI, never kill the pool thread
            log.debug("background job %s failed: %s", self.name, type(exc).__name__)
            self._outcome = (False, exc)
        self._finished.set()
        try:
            _hub[0].finished.emit(self)
        except RuntimeError:  # the application is shutting down and took the hub with it: nobody to deliver to
            log.debug("background job %s finished after shutdown", self.name)

    def deliver(self) -> None:
        """GUI thread: hand the outcome to the callback, unless the owner was destroyed meanwhile."""
        owner, self._owner = self._owner, None
        if owner is None or not shiboken6.isValid(owner):
            return
        ok, value = self._outcome
        on_done, on_error = self._callbacks
        self._callbacks = (None, None)
        if ok and on_done is not None:
            on_done(value)
        elif not ok and on_error is not None:
            on_error(value)


class _Runnable(QRunnable):
    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self._job = job

    def run(self) -> None:
        self._job.run()


_jobs: set[Job[Any]] = set()  # started and not yet delivered
_hub: list[_Hub] = []  # made on first use, on the GUI thread


def start(
    owner: QObject,
    fn: Callable[[*Ts], R],
    *args: *Ts,
    on_done: Callback[R] | None = None,
    on_error: Callable[[BaseException], object] | None = None,
    cancel: Any = None,
) -> Job[R]:
    """Run ``fn(*args)`` on the thread pool; call ``on_done(result)`` or ``on_error(exc)`` on the GUI thread while
    ``owner`` lives. ``cancel`` (a ``core.retry.CancelToken``) is passed to ``fn`` as ``cancel=`` and kept as
    ``job.cancel_token``, so ``job.cancel()`` stops core functions that poll it."""
    if not _hub:
        _hub.append(_Hub())
    job: Job[R] = Job(owner, fn, args, {} if cancel is None else {"cancel": cancel}, on_done, on_error)
    _jobs.add(job)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job


def wait_for_all(timeout_ms: int = 10_000) -> bool:
    """Wait for running jobs (at shutdown and in tests)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
