"""Repair PEM text mangled by CI secrets, environment variables and copy-paste, and say what was repaired.

Typical damage: the whole key on one line (newlines turned into spaces, or removed), a literal ``\\n`` instead of
line breaks, Windows CRLF, wrapping quotes, YAML indentation, a byte-order mark, no final newline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sfjwt_gui.core.key_texts import Note, note

_BLOCK = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.DOTALL)
_QUOTES = ('"', "'", "`")
_HEADER = re.compile(r"^([A-Za-z-]+):\s*(\S+)")


@dataclass
class RepairedText:
    """Text after repair, one English line per repair made, and the same as ``notes`` (code + params, any language)."""

    text: str
    repairs: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class Repairs(list[Note]):
    """The repairs made so far, as notes; ``english()`` gives the lines core reports (CLI JSON, logs)."""

    def add(self, code: str, **params: str) -> None:
        """Record one repair (``code`` names it in resources/keys/texts.json, section ``repairs``)."""
        self.append(note("repairs", code, **params))

    def english(self) -> list[str]:
        """Every repair as English text."""
        return [item.text("en") for item in self]


def looks_like_pem(text: str) -> bool:
    """True when the text holds a PEM armour line (possibly damaged)."""
    return "-----BEGIN " in text


def repair_pem(text: str) -> RepairedText:
    """Undo the usual damage to PEM text; returns the text unchanged (and no repairs) when it was fine."""
    repairs = Repairs()
    if text.startswith("\ufeff"):
        text = text[1:]
        repairs.add("bom")
    text = _unquote(text, repairs)
    if "\\n" in text or "\\r" in text:
        for escaped in ("\\\\r\\\\n", "\\\\n", "\\r\\n", "\\n", "\\r"):  # also doubly escaped JSON
            text = text.replace(escaped, "\n")
        repairs.add("literal-newlines")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        repairs.add("crlf")
    text = _dedent_blocks(text, repairs)
    text = _rebuild_blocks(text, repairs)
    if text.strip() and not text.endswith("\n"):
        text += "\n"
        repairs.add("final-newline")
    return RepairedText(text, repairs.english(), list(repairs))


def _dedent_blocks(text: str, repairs: Repairs) -> str:
    """Strip indentation from PEM lines (YAML block scalars); other text, e.g. "Bag Attributes", is left alone."""
    out: list[str] = []
    inside = changed = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("-----BEGIN "):
            inside = True
        pem_line = inside and bool(stripped)
        if stripped.startswith("-----END "):
            inside = False
        if pem_line and line != line.lstrip():
            changed = True
            line = line.lstrip()
        out.append(line)
    if changed:
        repairs.add("indentation")
    return "\n".join(out)


def _unquote(text: str, repairs: Repairs) -> str:
    stripped = text.strip()
    while len(stripped) >= 2 and stripped[0] in _QUOTES and stripped[-1] == stripped[0]:
        repairs.add("quotes", kind={'"': "double", "'": "single", "`": "backtick"}[stripped[0]])
        stripped = stripped[1:-1].strip()
    if stripped != text.strip():
        return stripped
    return text


def _rebuild_blocks(text: str, repairs: Repairs) -> str:
    """Re-wrap every PEM block whose line breaks were turned into spaces or removed."""

    def fix(match: re.Match[str]) -> str:
        label, body = match.group(1), match.group(2)
        inner = body.strip()
        has_space = re.search(r"\s", inner) is not None
        if not inner or "\n" in inner or (not has_space and body.startswith("\n") and body.endswith("\n")):
            return match.group(0)
        repairs.add("line-breaks", label=label, how="spaces" if has_space else "removed")
        return _canonical_block(label, body)

    return _BLOCK.sub(fix, text)


def _canonical_block(label: str, body: str) -> str:
    tokens = body.split()
    headers: list[str] = []
    # OpenSSL "traditional" encrypted PEM: "Proc-Type: 4,ENCRYPTED DEK-Info: AES-256-CBC,IV" before the base64
    while len(tokens) >= 2 and tokens[0].endswith(":") and _HEADER.match(f"{tokens[0]} {tokens[1]}"):
        headers.append(f"{tokens[0]} {tokens[1]}")
        tokens = tokens[2:]
    b64 = "".join(tokens)
    wrapped = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    parts = [f"-----BEGIN {label}-----", *headers]
    if headers:
        parts.append("")
    parts += [*wrapped, f"-----END {label}-----"]
    return "\n".join(parts)
