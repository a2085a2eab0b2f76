"""Subcommands of ``sfjwt``; each module registers its parsers (see ``sfjwt_gui.cli``)."""
