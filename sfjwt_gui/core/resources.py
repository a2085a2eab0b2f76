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
    from sfjwt_gui.core.errors import InstallError

    # English only: the translated texts live in the folder that is missing
    raise InstallError(
        f"This installation of sfjwt-gui is incomplete: its resources folder was not found next to {here}.",
        fix='Reinstall sfjwt-gui (download the bundle again, or "pipx reinstall sfjwt-gui").',
        code="install-resources-missing",
        params={"place": str(here)},
    )


def resource_path(*parts: str) -> Path:
    """Return the path of one shipped data file."""
    return resources_dir().joinpath(*parts)
