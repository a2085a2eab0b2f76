"""Texts of the keys and vault core in en and ja (``resources/keys/texts.json``, plus the area files in
``TEXT_FILES``): repair notes, inspection and key-generation warnings, key-import errors, vault/keyring errors, the
keyring status line, certificate requests, the key file written for other tools, and the errors of hardware-token
and cloud-KMS keys (``signers.json``).

Core keeps English strings in its existing attributes (CLI JSON, logs) and records a ``Note`` (stable code + params)
next to each, so a front end can show the same text in Japanese; errors carry ``code``/``params`` and
``describe_error(exc, lang)`` renders them. Params named in the file's ``terms`` hold the id of a phrase that is
translated too (e.g. ``kind: "double"`` → "double quotes" / "ダブルクォート").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any, TypeVar

from sfjwt_gui.core.codec_texts import describe_token_error
from sfjwt_gui.core.errors import SfjwtError, TokenFormatError
from sfjwt_gui.core.text_data import LANGUAGES as LANGUAGES
from sfjwt_gui.core.text_data import KeepPlaceholders, load_json
from sfjwt_gui.core.text_data import check_language as check_language

E = TypeVar("E", bound=SfjwtError)


# texts.json holds the sections; each further file adds entries to the same sections (one file per area, so
# the areas grow without touching each other's entries). A code defined twice is a mistake that tests catch.
TEXT_FILES = ("texts.json", "certificates.json", "signers.json")


@cache
def texts() -> dict[str, Any]:
    """Every section of the files in ``TEXT_FILES`` merged (read once)."""
    merged: dict[str, Any] = {}
    for name in TEXT_FILES:
        for section, entries in load_json("keys", name).items():
            if isinstance(entries, dict):
                merged.setdefault(section, {}).update(entries)
    return merged


@cache
def _section(name: str) -> dict[str, Any]:
    """``terms`` or ``errors`` of the keys texts together with those of ``resources/errors/core.json`` (the other
    core errors); any other section of the keys texts as it is."""
    merged: dict[str, Any] = dict(texts()[name])
    if name in ("terms", "errors"):
        core: dict[str, Any] = load_json("errors", "core.json")[name]
        for key, value in core.items():
            # a term name in both (e.g. "what") holds phrases from both files: merge them, never let one file's
            # phrases replace the other's
            both = name == "terms" and isinstance(merged.get(key), dict)
            merged[key] = {**merged[key], **value} if both else value
    return merged


def _values(params: Mapping[str, str], lang: str) -> KeepPlaceholders:
    terms: dict[str, dict[str, dict[str, str]]] = _section("terms")
    values = KeepPlaceholders(params)
    for _ in range(2):  # a phrase may hold another translated phrase (the reason inside a keyring chain)
        current = KeepPlaceholders(values)
        for name, value in params.items():
            phrase = terms.get(name, {}).get(value)
            if phrase is not None:
                values[name] = phrase[lang].format_map(current)
    return values


def term(name: str, value: str, lang: str = "en", **params: str) -> str:
    """One phrase of ``terms`` (e.g. ``term("reason", "fail", "ja")``), its own placeholders filled from params."""
    return _values({**params, name: value}, check_language(lang))[name]


def render(section: str, code: str, params: Mapping[str, str], lang: str = "en", part: str = "") -> str | None:
    """The text ``section.code`` (its ``part``, e.g. ``message``/``fix``, for errors) in ``lang``; None if unknown."""
    entry = _section(section).get(code)
    if entry is None:
        return None
    template = entry[check_language(lang)]
    if part:
        template = template.get(part)
        if template is None:
            return None
    text: str = template.format_map(_values(params, lang))
    return text


@dataclass(frozen=True)
class Note:
    """One repair note or warning: ``section`` and ``code`` in texts.json, and the values of its placeholders."""

    section: str
    code: str
    params: Mapping[str, str] = field(default_factory=dict, hash=False)

    def text(self, lang: str = "en") -> str:
        """The note in ``lang`` (``en`` or ``ja``)."""
        rendered = render(self.section, self.code, self.params, lang)
        if rendered is None:
            raise KeyError(f"{self.section}.{self.code} is not in resources/keys/texts.json")
        return rendered


def note(section: str, code: str, **params: str) -> Note:
    """A ``Note`` (checks the code exists so a typo fails in tests, not on a Japanese screen)."""
    made = Note(section, code, params)
    made.text("en")
    return made


def notes_in(notes: Iterable[Note], english: list[str], lang: str = "en") -> list[str]:
    """``english`` (the lines core reports) in ``lang``: each line that one of ``notes`` produced is translated;
    a line appended by other code without a note stays as it is."""
    if check_language(lang) == "en":
        return list(english)
    translated = {item.text("en"): item.text(lang) for item in notes}
    return [translated.get(line, line) for line in english]


def error(cls: type[E], code: str, **params: str) -> E:
    """An instance of ``cls`` with the English message and fix of ``errors.code``, carrying code and params."""
    message = render("errors", code, params, "en", "message")
    fix = render("errors", code, params, "en", "fix")
    if message is None or fix is None:
        raise KeyError(f"errors.{code} is in neither resources/keys/texts.json nor resources/errors/core.json")
    return cls(message, fix=fix, code=code, params=params)


def describe_error(exc: BaseException, lang: str = "en") -> tuple[str, str]:
    """``(message, fix)`` of any exception in ``lang``: the one function front ends show errors through.

    Core errors render from their code (token decode errors from ``resources/lint/codec.json``, the others from
    ``resources/keys/texts.json`` and ``resources/errors/core.json``); an error without a known code keeps its
    English text, and anything that is not an ``SfjwtError`` shows its own text (or its class name) with no fix.
    """
    check_language(lang)
    if not isinstance(exc, SfjwtError):
        return (str(exc) or type(exc).__name__), ""
    if isinstance(exc, TokenFormatError) and exc.code:
        return describe_token_error(exc, lang)
    message = render("errors", exc.code, exc.params, lang, "message") if exc.code else None
    fix = render("errors", exc.code, exc.params, lang, "fix") if exc.code else None
    if message is None or fix is None:
        return exc.message, exc.fix
    return message, fix
