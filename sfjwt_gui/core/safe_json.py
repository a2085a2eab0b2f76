"""JSON from anywhere we do not control (a server's answer, a pasted body, a claim, an index file), parsed with a
nesting limit.

``json.loads`` recurses once per level and ends in ``RecursionError`` near 1,000 levels; a hostile body of 10,000
``[`` would crash whoever parses it, and code that walks the result (rendering, redaction) recurses again. ``loads``
refuses anything nested deeper than ``MAX_DEPTH`` with ``JsonTooDeepError``, a ``json.JSONDecodeError``, so every
``except ValueError`` / ``except json.JSONDecodeError`` that already handles broken JSON handles it too. The check is
one linear scan (strings skipped), so it costs milliseconds on a megabyte.
"""

from __future__ import annotations

import json
import re
from typing import Any

MAX_DEPTH = 64  # a token answer, an org file or a claim set needs fewer than 10

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: one step per run of plain characters
_BRACKET = re.compile(r"[\[\]{}]")


class JsonTooDeepError(json.JSONDecodeError):
    """JSON nested deeper than the limit (a ``JSONDecodeError``: callers treat it as broken JSON)."""


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> tuple[int, int]:
    """``(depth, position)``: the deepest nesting of brackets outside strings, stopping at the first position
    deeper than ``limit`` (``(0, -1)`` at once when there are too few brackets to go deeper)."""
    if text.count("[") + text.count("{") <= limit:  # cannot nest deeper than it has openings: no scan needed
        return 0, -1
    depth = deepest = 0
    for match in _BRACKET.finditer(_STRING.sub('""', text)):
        if match.group() in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth > limit:
                    return depth, match.start()
        else:
            depth -= 1
    return deepest, -1


def loads(text: str | bytes, *, max_depth: int = MAX_DEPTH, **kwargs: Any) -> Any:
    """``json.loads`` that raises ``JsonTooDeepError`` for nesting deeper than ``max_depth``."""
    doc = text.decode("utf-8") if isinstance(text, bytes | bytearray) else text
    depth, position = nesting_depth(doc, max_depth)
    if depth > max_depth:
        raise JsonTooDeepError(f"nested deeper than {max_depth} levels", doc, max(position, 0))
    try:
        return json.loads(doc, **kwargs)
    except RecursionError:  # a limit above what this interpreter's stack allows
        raise JsonTooDeepError(f"nested deeper than {max_depth} levels", doc, 0) from None
