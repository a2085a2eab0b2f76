"""Locate data files shipped in ``resources/`` (source tree) or ``sfjwt_gui/resources`` (wheel)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the directory holding icons, translations and the error catalogue."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "resources", here.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"resources directory not found next to {here}")


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped data file."""
    return resources_dir().joinpath(*parts)
