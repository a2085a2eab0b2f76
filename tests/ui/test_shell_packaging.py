"""The wheel carries every resource folder the app reads, and not the README screenshots (force-include ignores
hatch's `exclude`, so pyproject lists the folders one by one: a new folder must be added there)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_wheel_includes_every_resource_folder_but_the_screenshots() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    forced = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    shipped = {Path(source).name for source in forced}
    on_disk = {p.name for p in (ROOT / "resources").iterdir() if not p.name.startswith(".")}
    assert "screenshots" in on_disk
    assert shipped == on_disk - {"screenshots"}
    for source, target in forced.items():
        assert target == f"sfjwt_gui/{source}"
