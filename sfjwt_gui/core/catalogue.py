"""The error catalogue: data in ``resources/errors/catalogue.json`` (English and Japanese), loaded and matched here.

``match_oauth(error, description)`` finds the entry for an OAuth error body (exact reference strings, the seed
article's codes and known variants); ``entry(id)`` looks one up; ``closest(error, description)`` suggests the nearest
known entry for an unknown error.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sfjwt_gui.core.resources import resource_path

LANGS = ("en", "ja")
UNKNOWN_ID = "unknown-oauth-error"


def _text(node: Any, lang: str) -> str:
    if isinstance(node, dict):
        return str(node.get(lang) or node.get("en") or "")
    return str(node or "")


def normalise(text: str | None) -> str:
    """Lower-case, straight quotes, single spaces: how descriptions are compared."""
    text = (text or "").replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@dataclass(frozen=True)
class CauseSpec:
    """One likely cause of an entry, with the check that looks for evidence of it."""

    id: str
    check: str
    certainty: str  # documented | field | reported | likely
    text: dict[str, str]


@dataclass(frozen=True)
class MatchRule:
    """``error`` equals the OAuth error; ``description`` is contained in error_description; or a non-OAuth key."""

    error: str | None = None
    description: str | None = None
    network: str | None = None
    outcome: str | None = None

    def score(self, error: str, description: str) -> float:
        """0 when it does not match; more specific rules score higher."""
        if self.network or self.outcome or (self.error is None and self.description is None):
            return 0.0
        if self.error is not None and self.error.lower() != error:
            return 0.0
        if self.description is not None and normalise(self.description) not in description:
            return 0.0
        return (2.0 if self.error else 0.0) + (1.5 if self.description else 0.0)


@dataclass(frozen=True)
class Entry:
    """One catalogue entry (texts keyed by language)."""

    id: str
    kind: str
    match: tuple[MatchRule, ...]
    title: dict[str, str]
    meaning: dict[str, str]
    causes: tuple[CauseSpec, ...]
    fixes: tuple[dict[str, str], ...]
    sources: tuple[dict[str, str], ...]

    def title_in(self, lang: str) -> str:
        """Title in ``lang``."""
        return _text(self.title, lang)

    def meaning_in(self, lang: str) -> str:
        """Plain-words meaning in ``lang``."""
        return _text(self.meaning, lang)

    def fixes_in(self, lang: str) -> list[str]:
        """Fix steps in ``lang``."""
        return [_text(f, lang) for f in self.fixes]

    def sources_text(self) -> list[str]:
        """``MARK: reference`` strings."""
        return [f"{s.get('mark', '')}: {s.get('ref', '')}" for s in self.sources]

    @property
    def oauth_strings(self) -> list[tuple[str | None, str | None]]:
        """The (error, description) pairs this entry matches."""
        return [(r.error, r.description) for r in self.match if r.error or r.description]


@dataclass(frozen=True)
class Catalogue:
    """All entries plus UI labels."""

    entries: tuple[Entry, ...]
    labels: dict[str, dict[str, str]]

    def entry(self, entry_id: str) -> Entry:
        """The entry with ``entry_id`` (KeyError if unknown)."""
        for item in self.entries:
            if item.id == entry_id:
                return item
        raise KeyError(entry_id)

    def label(self, key: str, lang: str) -> str:
        """A UI label such as ``confirmed`` in ``lang``."""
        return _text(self.labels.get(key, {"en": key}), lang)

    def match_oauth(self, error: str | None, description: str | None) -> Entry | None:
        """The best entry for an OAuth error body, or None when nothing matches."""
        err, desc = (error or "").strip().lower(), normalise(description)
        best: tuple[float, Entry] | None = None
        for item in self.entries:
            for rule in item.match:
                score = rule.score(err, desc)
                if score and (best is None or score > best[0]):
                    best = (score, item)
        return best[1] if best else None

    def match_key(self, *, network: str | None = None, outcome: str | None = None) -> Entry | None:
        """The entry for a network kind or a non-OAuth outcome."""
        for item in self.entries:
            for rule in item.match:
                if (network and rule.network == network) or (outcome and rule.outcome == outcome):
                    return item
        return None

    def closest(self, error: str | None, description: str | None) -> Entry | None:
        """The nearest OAuth entry by description similarity (at least 0.5), else one sharing the error code."""
        import difflib

        desc = normalise(description)
        best: tuple[float, Entry] | None = None
        for item in self.entries:
            for rule in item.match:
                if rule.description and desc:
                    ratio = difflib.SequenceMatcher(None, desc, normalise(rule.description)).ratio()
                    if ratio >= 0.5 and (best is None or ratio > best[0]):
                        best = (ratio, item)
        if best:
            return best[1]
        err = (error or "").strip().lower()
        if err and err != "invalid_grant":  # invalid_grant covers too many entries to guess from
            for item in self.entries:
                if any(rule.error and rule.error.lower() == err for rule in item.match):
                    return item
        return None


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        id=raw["id"],
        kind=raw["kind"],
        match=tuple(MatchRule(**rule) for rule in raw.get("match", [])),
        title=raw["title"],
        meaning=raw["meaning"],
        causes=tuple(
            CauseSpec(id=c["id"], check=c["check"], certainty=c["certainty"], text=c["text"])
            for c in raw.get("causes", [])
        ),
        fixes=tuple(raw.get("fixes", [])),
        sources=tuple(raw.get("sources", [])),
    )


@cache
def load_catalogue() -> Catalogue:
    """Load (once) the catalogue shipped in ``resources/errors/catalogue.json``."""
    data = json.loads(resource_path("errors", "catalogue.json").read_text(encoding="utf-8"))
    return Catalogue(entries=tuple(_entry(e) for e in data["entries"]), labels=data.get("labels", {}))


@cache
def evidence_templates() -> dict[str, dict[str, str]]:
    """Evidence sentences (``resources/errors/evidence.json``), keyed by template id then language."""
    data: dict[str, Any] = json.loads(resource_path("errors", "evidence.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if isinstance(v, dict)}
