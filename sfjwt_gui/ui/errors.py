"""The one way the window turns an exception into text: ``error_parts`` / ``render_error``, in a given language.

Core errors carry a code and parameters; their texts (en and ja) live in data and are rendered here when shown, so a
language switch re-renders without re-running anything. Pages never call ``str()`` on an exception
(``tests/ui/test_error_rendering.py`` fails on it). Qt-free.
"""

from __future__ import annotations


def error_parts(error: BaseException, lang: str | None = None) -> tuple[str, str]:
    """The message and the fix of an error in ``lang`` (None: the window's language), through core's one rendering
    function (``key_texts.describe_error``): core errors render from their code; any other exception (a bug, an OS
    error) shows its own text."""
    from sfjwt_gui.core.key_texts import describe_error

    if lang is None:
        from sfjwt_gui.ui.i18n import current_language

        lang = current_language()
    return describe_error(error, "ja" if lang.startswith("ja") else "en")


def render_error(error: BaseException, lang: str | None = None) -> str:
    """Message and fix on one line, in ``lang``."""
    message, fix = error_parts(error, lang)
    return f"{message} {fix}".strip()
