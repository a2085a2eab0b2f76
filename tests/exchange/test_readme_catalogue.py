"""The README's catalogue section lists every entry with its confidence and the counts (issue 12 §4)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from sfjwt_gui.core.catalogue import CONFIDENCES, load_catalogue

README = Path(__file__).resolve().parents[2] / "README.md"
START, END = "<!-- catalogue:start -->", "<!-- catalogue:end -->"


def catalogue_block() -> str:
    """The block as it must read: counts by confidence, then one row per entry."""
    entries = load_catalogue().entries
    counts = Counter(entry.confidence for entry in entries)
    lines = [
        f"{len(entries)} entries: " + ", ".join(f"{counts[c]} {c}" for c in CONFIDENCES) + ".",
        "",
        "| id | confidence | sources |",
        "|---|---|---|",
    ]
    for entry in entries:
        sources = "; ".join(f"[{s['title']}]({s['url']})" if s.get("url") else s["title"] for s in entry.sources)
        lines.append(f"| `{entry.id}` | {entry.confidence} | {sources or '—'} |")
    return "\n".join(lines)


def test_readme_lists_every_entry_with_its_confidence() -> None:
    text = README.read_text(encoding="utf-8")
    block = text.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == catalogue_block(), "README catalogue section is stale: paste catalogue_block() between the markers"
