"""Render every page in English and Japanese, light and dark, to PNG: ``python -m sfjwt_gui.ui.screenshots OUTDIR``
(``--size 1024x700 1280x720``, ``--system-keyring`` for the OS keyring users see).

The pages show a real session: practice mode generates a key, fills the connection and gets a token from the
practice org; the Diagnosis page shows a real refusal (scenario ``user-not-approved``) checked in the org, which the
Org inspector page shows too. Keys live in an in-memory keyring so the user's own keyring is never touched. Runs
offscreen when no display is set.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

SIZES = ((1280, 720),)


def _memory_keyring() -> Any:
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1

        def __init__(self) -> None:
            super().__init__()  # type: ignore[no-untyped-call]
            self.store: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    MemoryKeyring.__module__, MemoryKeyring.__qualname__ = "screenshots", "InMemoryKeyring"  # the name pages show
    return MemoryKeyring()


def wait_until(predicate: Callable[[], bool], timeout: float = 30.0) -> bool:
    """Run the Qt event loop until ``predicate()`` is true (or the timeout passes).

    Uses short nested event loops, not ``processEvents`` (PySide6 6.12 on Python 3.11 drops a reference to None on
    every ``processEvents`` call, which aborts the interpreter after a few thousand calls).
    """
    from PySide6.QtCore import QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        loop = QEventLoop()
        QTimer.singleShot(20, loop.quit)
        loop.exec()
        if predicate():
            return True
    return predicate()


def settle(seconds: float = 0.3) -> None:
    """Let layouts and queued signals finish."""
    wait_until(lambda: False, seconds)


def render(
    outdir: Path,
    langs: list[str],
    themes: list[str],
    sizes: tuple[tuple[int, int], ...] = SIZES,
    *,
    system_keyring: bool = False,
) -> list[Path]:
    """Render the pages at each size; returns the files written (``<lang>-<theme>[-WxH]-NN-<step>.png``, the size
    in the name only when several are asked for). Also checks each page with ``layout_audit`` and that the window
    kept its size; problems are printed to stderr."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("SFJWT_SETTINGS_DIR", tempfile.mkdtemp(prefix="sfjwt-shots-settings-"))
    os.environ.setdefault("SFJWT_DATA_DIR", tempfile.mkdtemp(prefix="sfjwt-shots-data-"))
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    families = set(QFontDatabase.families())
    for family in ("Noto Sans CJK JP", "IPAPGothic", "IPAGothic"):
        if family in families:
            font = QFont(app.font())
            font.setFamilies(["DejaVu Sans", family])
            app.setFont(font)
            break

    from sfjwt_gui.core.vault import Vault
    from sfjwt_gui.ui import theme
    from sfjwt_gui.ui.i18n import set_language
    from sfjwt_gui.ui.main_window import MainWindow
    from sfjwt_gui.ui.pages.registry import ENTRIES
    from sfjwt_gui.ui.state import AppState

    theme.apply_theme(app, dark=False)
    set_language("en")
    state = AppState()
    backend = None if system_keyring else _memory_keyring()  # the README pictures use the real OS keyring
    state.vault = Vault(backend=backend, index_dir=Path(os.environ["SFJWT_DATA_DIR"]))
    window = MainWindow(state, build_pages_eagerly=True)
    window.resize(*sizes[0])
    window.show()
    settle()

    window.start_practice()
    if not wait_until(lambda: state.practice is not None, 60):
        raise SystemExit("the practice org did not start")
    failing = state.practice
    assert failing is not None

    # the Diagnosis page shows a refusal; the Send page then shows a success
    window.set_scenario("user-not-approved")
    wait_until(lambda: failing.scenario.name == "user-not-approved", 10)
    send = window.page("send")
    results: list[Any] = []
    send.exchange_finished.connect(results.append)
    send.send()
    wait_until(lambda: len(results) == 1, 60)
    refused_by, refused_flow = state.result_scenario, state.flow
    org_bar = window.page("diagnosis").org_row.bar  # "Check in the org": the org confirms the refusal's cause
    org_bar.run()
    wait_until(lambda: not org_bar.running, 30)
    window.set_scenario("healthy")
    wait_until(lambda: failing.scenario.name == "healthy", 10)
    send.send()
    wait_until(lambda: len(results) == 2, 60)
    granted_flow, granted_by = state.flow, state.result_scenario
    assert refused_flow is not None
    assert granted_flow is not None

    def show_answer(flow: Any, scenario: Any, lang: str) -> None:
        """One answer everywhere: steps, Diagnosis page and status bar (the Send page keeps its success card)."""
        state.result_scenario = scenario
        state.flow = flow
        state.result = flow.exchange
        state.diagnosis = flow.diagnosis(lang)

    send.start_api_check()
    wait_until(lambda: send.api_job is None, 30)
    decode = window.page("decode")
    decode.set_text(f"curl -H 'Authorization: Bearer {state.token}'")  # a real token to decode, as pasted
    decode.use_session_certificate()
    from sfjwt_gui.ui.layout_audit import faults

    written: list[Path] = []
    outdir.mkdir(parents=True, exist_ok=True)
    for (width, height), theme_name, lang in [(s, t, la) for s in sizes for t in themes for la in langs]:
        window.resize(width, height)
        theme.apply_theme(app, dark=theme_name == "dark")
        window.switch_language(lang)
        settle(0.5)
        if state.diagnosis is not None:
            wait_until(lambda: getattr(window.page("diagnosis"), "_job", None) is None, 10)
        for number, entry in enumerate(ENTRIES, start=1):
            # the Diagnosis picture explains the refusal and the Org inspector shows the org's answers about it: the
            # steps and the status bar show the scenario that refused
            refusal = entry.step_id in ("diagnosis", "org")
            if refusal:
                show_answer(refused_flow, refused_by, lang)
            else:
                show_answer(granted_flow, granted_by, lang)
            failing.set_scenario("user-not-approved" if refusal else "healthy")
            window.practice_menu.update_label()
            window.show_step(entry.step_id)
            window.statusBar().clearMessage()  # a transient message may predate the language switch
            settle(0.15)
            size = f"-{width}x{height}" if len(sizes) > 1 else ""
            path = outdir / f"{lang}-{theme_name}{size}-{number:02d}-{entry.step_id}.png"
            window.grab().save(str(path))
            written.append(path)
            problems = faults(window.page(entry.step_id))
            if (window.width(), window.height()) != (width, height):
                problems.append(f"the window is {window.width()}x{window.height()}, not {width}x{height}")
            for problem in problems:
                print(f"{path.name}: {problem}", file=sys.stderr)
    window.close()
    from sfjwt_gui.ui.worker import wait_for_all

    wait_for_all(5000)
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: OUTDIR [--lang en ja] [--theme light dark]."""
    parser = argparse.ArgumentParser(prog="python -m sfjwt_gui.ui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--lang", nargs="+", default=["en", "ja"], choices=["en", "ja"])
    parser.add_argument("--theme", nargs="+", default=["light", "dark"], choices=["light", "dark"])
    parser.add_argument("--size", nargs="+", default=["1280x720"], help="window sizes, e.g. 1024x700 1280x720")
    parser.add_argument(
        "--system-keyring", action="store_true", help="use the OS keyring (as users see it) instead of an in-memory one"
    )
    args = parser.parse_args(argv)
    sizes = tuple((int(w), int(h)) for w, h in (s.lower().split("x") for s in args.size))
    files = render(args.outdir, args.lang, args.theme, sizes, system_keyring=args.system_keyring)
    for path in files:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
