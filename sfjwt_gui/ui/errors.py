"""The one way the window turns an exception into text: ``error_parts`` / ``render_error``, in a given language.

Core errors carry a code and parameters; their texts (en and ja) live in data and are rendered here when shown, so a
language switch re-renders without re-running anything. Pages never call ``str()`` on an exception
(``tests/ui/test_error_rendering.py`` fails on it). Qt-free.
"""

from __future__ import annotations


def error_parts(error: BaseException, lang: str | None = None) -> tuple[str, str]:
    """The message and the fix of an error in ``lang`` (None: the window's language). Core errors carry both and
    their codes name en/ja texts (token errors in jwt_codec, keys/vault errors in key_texts); any other exception
    (a bug or an OS error) shows its own text."""
    from sfjwt_gui.core.errors import SfjwtError, TokenFormatError

    if lang is None:
        from sfjwt_gui.ui.i18n import current_language

        lang = current_language()
    lang = "ja" if lang.startswith("ja") else "en"
    if isinstance(error, TokenFormatError) and error.code:
        from sfjwt_gui.core.jwt_codec import describe_token_error

        return describe_token_error(error, lang)
    if isinstance(error, SfjwtError):
        from sfjwt_gui.core.key_texts import describe_error

        return describe_error(error, lang)
    return (str(error) or type(error).__name__), ""  # the one place an exception's own text may be shown


def render_error(error: BaseException, lang: str | None = None) -> str:
    """Message and fix on one line, in ``lang``."""
    message, fix = error_parts(error, lang)
    return f"{message} {fix}".strip()
