"""Pages of the main window: one per flow step and per tool."""
