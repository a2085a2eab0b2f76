"""Pure logic of sfjwt-gui: no Qt here (ruff's banned-api rule enforces it)."""
