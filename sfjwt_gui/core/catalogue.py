"""The error catalogue: data in ``resources/errors/catalogue.json`` (English and Japanese), loaded and matched here.

``match_oauth(error, description)`` finds the entry for an OAuth error body (exact reference strings, the seed
article's codes and known variants); ``match_oauth_rule`` also says which rule matched (a rule marked ``closest``
maps an answer that is not a documented JWT error, and the diagnosis must say so); ``entry(id)`` looks one up;
``closest(error, description)`` suggests the nearest known entry for an unknown error.

Every entry carries its ``confidence`` (confirmed | reported | unconfirmed) and its ``sources``: titled links
(``Source``: kind, title, url, and the kind's label in each language), never bare codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from sfjwt_gui.core.text_data import load_json

LANGS = ("en", "ja")
UNKNOWN_ID = "unknown-oauth-error"

MATCH_EXCERPT = 4096  # characters of an error or description the closest-entry guess looks at


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
    where: dict[str, str] | None = None  # what the cause is about, for its evidence sentence ("the Login Hours")
    org_check: str = ""  # the org inspector's check that confirms or rules this cause out (core/org/checks.py)
    org_confirms_only: bool = False  # the org can confirm it, but its "ok" does not rule the cause out


CONFIDENCES = ("confirmed", "reported", "unconfirmed")
SOURCE_KINDS = ("doc", "field", "sf-code", "3p", "seed")


@dataclass(frozen=True)
class Source:
    """One public source: its title, its address (empty only for the seed article) and its kind's label."""

    kind: str
    title: str
    url: str
    label: str = ""

    def to_json(self) -> dict[str, str]:
        """Plain JSON."""
        return {"kind": self.kind, "label": self.label, "title": self.title, "url": self.url}

    def __str__(self) -> str:
        return f"{self.label}: {self.title}" + (f" <{self.url}>" if self.url else "")


@dataclass(frozen=True)
class Fix:
    """One fix step; ``causes`` names the causes it belongs to (empty: it always applies)."""

    text: dict[str, str]
    causes: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchRule:
    """``error`` equals the OAuth error; ``description`` is contained in error_description; or a non-OAuth key."""

    error: str | None = None
    description: str | None = None
    network: str | None = None
    outcome: str | None = None
    closest: bool = False  # not a documented JWT error: only the nearest documented entry

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
    fixes: tuple[Fix, ...]
    sources: tuple[dict[str, str], ...]
    keywords: tuple[str, ...] = ()
    confidence: str = "unconfirmed"
    flow: dict[str, dict[str, str]] | None = None  # the other OAuth flow this answer belongs to: {name, why}

    def title_in(self, lang: str) -> str:
        """Title in ``lang``."""
        return _text(self.title, lang)

    def meaning_in(self, lang: str) -> str:
        """Plain-words meaning in ``lang``."""
        return _text(self.meaning, lang)

    def fixes_in(self, lang: str) -> list[str]:
        """Fix steps in ``lang``."""
        return [_text(f.text, lang) for f in self.fixes]

    def sources_in(self, lang: str) -> list[Source]:
        """The sources as titled links, their kind labelled in ``lang``."""
        labels = load_catalogue().labels
        return [
            Source(
                kind=str(s.get("kind", "")),
                title=str(s.get("title", "")),
                url=str(s.get("url", "")),
                label=_text(labels.get(f"source_{s.get('kind', '')}", {}), lang),
            )
            for s in self.sources
        ]

    def flow_note(self, lang: str) -> str | None:
        """'Not a JWT bearer error: this answer belongs to the … flow. Why …' when the entry names another flow."""
        if not self.flow:
            return None
        template = _text(load_catalogue().labels.get("flow", {}), lang)
        return template.format(flow=_text(self.flow.get("name"), lang), why=_text(self.flow.get("why"), lang))

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
        found = self.match_oauth_rule(error, description)
        return found[0] if found else None

    def match_oauth_rule(self, error: str | None, description: str | None) -> tuple[Entry, MatchRule] | None:
        """The best entry and the rule that matched (``rule.closest``: not a documented JWT error), or None."""
        # a known description sits at the start of error_description: an excerpt keeps a megabyte answer fast
        err, desc = (error or "").strip().lower()[:MATCH_EXCERPT], normalise((description or "")[:MATCH_EXCERPT])
        best: tuple[float, Entry, MatchRule] | None = None
        for item in self.entries:
            for rule in item.match:
                score = rule.score(err, desc)
                if score and (best is None or score > best[0]):
                    best = (score, item, rule)
        return (best[1], best[2]) if best else None

    def match_key(self, *, network: str | None = None, outcome: str | None = None) -> Entry | None:
        """The entry for a network kind or a non-OAuth outcome."""
        for item in self.entries:
            for rule in item.match:
                if (network and rule.network == network) or (outcome and rule.outcome == outcome):
                    return item
        return None

    def closest(self, error: str | None, description: str | None) -> Entry | None:
        """The nearest OAuth entry for an unknown error, or None when nothing is close enough to guess.

        A description that is a near spelling of a known one (difflib ratio >= 0.85) wins outright. Otherwise
        the words of the description (and of the code, when it is not a known one) are compared with each
        entry's words (its match strings and ``keywords``), each shared word weighted by how few entries use it,
        and entries of the same error code (the code's family) get a bonus. A guess needs at least one telling
        shared word, or a code that belongs to one or two entries only (``invalid_grant`` covers too many
        entries to guess from its code alone).
        """
        import difflib

        # Bounded whatever the input: only an excerpt is compared (no known description is near that long), and
        # difflib's cheap upper bounds skip the quadratic ratio() where it cannot reach the threshold.
        desc = normalise((description or "")[:MATCH_EXCERPT])
        err = (error or "").strip().lower()[:MATCH_EXCERPT]
        oauth = [item for item in self.entries if item.oauth_strings]
        if desc:
            spelled: tuple[float, Entry] | None = None
            for item in oauth:
                for rule in item.match:
                    if rule.description and not rule.closest:
                        matcher = difflib.SequenceMatcher(None, desc, normalise(rule.description))
                        if matcher.real_quick_ratio() < _SPELLING or matcher.quick_ratio() < _SPELLING:
                            continue
                        ratio = matcher.ratio()
                        if ratio >= _SPELLING and (spelled is None or ratio > spelled[0]):
                            spelled = (ratio, item)
            if spelled:
                return spelled[1]
        vocabulary = {item.id: _entry_words(item) for item in oauth}
        frequency: dict[str, int] = {}
        for words in vocabulary.values():
            for word in words:
                frequency[word] = frequency.get(word, 0) + 1
        family = [item for item in oauth if any(rule.error and rule.error.lower() == err for rule in item.match)]
        # a known code speaks through its family bonus; an unknown code's words (unsupported_response_type) count
        query = _words(desc) if family else _words(err.replace("_", " ")) | _words(desc)
        best: tuple[float, Entry] | None = None
        for item in oauth:
            shared = query & vocabulary[item.id]
            telling = sum(1 / frequency[word] for word in shared)
            in_family = item in family
            if telling < _TELLING and not (in_family and len(family) <= 2):
                continue
            score = telling + (_FAMILY_BONUS if in_family else 0.0)
            if best is None or score > best[0]:  # ties: the catalogue's order, most common first
                best = (score, item)
        return best[1] if best else None


_SPELLING = 0.85
_TELLING = 0.5  # a word shared with at most two entries
_FAMILY_BONUS = 0.75
_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "be",
        "by",
        "for",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "no",
        "not",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "with",
        "you",
        "your",
    ]
)


def _stem(word: str) -> str:
    word = word[:-1] if len(word) > 3 and word.endswith("s") else word
    return word[:5]


def _words(text: str) -> set[str]:
    """Stemmed content words of ``text`` (lower case)."""
    return {_stem(w) for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP_WORDS}


def _entry_words(item: Entry) -> set[str]:
    words: set[str] = set()
    for rule in item.match:
        words |= _words((rule.error or "").replace("_", " ")) | _words(normalise(rule.description))
    for keyword in item.keywords:
        words |= _words(keyword.replace("_", " "))
    return words


def _entry(raw: dict[str, Any]) -> Entry:
    return Entry(
        id=raw["id"],
        kind=raw["kind"],
        match=tuple(MatchRule(**rule) for rule in raw.get("match", [])),
        title=raw["title"],
        meaning=raw["meaning"],
        causes=tuple(
            CauseSpec(
                id=c["id"],
                check=c["check"],
                certainty=c["certainty"],
                text=c["text"],
                where=c.get("where"),
                org_check=c.get("org_check", ""),
                org_confirms_only=bool(c.get("org_confirms_only", False)),
            )
            for c in raw.get("causes", [])
        ),
        fixes=tuple(
            Fix(text={k: v for k, v in f.items() if k in LANGS}, causes=tuple(f.get("causes", ())))
            for f in raw.get("fixes", [])
        ),
        sources=tuple(raw.get("sources", [])),
        keywords=tuple(raw.get("keywords", [])),
        confidence=str(raw.get("confidence", "unconfirmed")),
        flow=raw.get("flow"),
    )


@cache
def load_catalogue() -> Catalogue:
    """Load (once) the catalogue shipped in ``resources/errors/catalogue.json``."""
    data = load_json("errors", "catalogue.json")
    return Catalogue(entries=tuple(_entry(e) for e in data["entries"]), labels=data.get("labels", {}))


@cache
def evidence_templates() -> dict[str, dict[str, str]]:
    """Evidence sentences (``resources/errors/evidence.json``), keyed by template id then language."""
    data: dict[str, Any] = load_json("errors", "evidence.json")
    return {k: v for k, v in data.items() if isinstance(v, dict)}
