"""``python -m sfjwt_gui`` starts the window."""

from sfjwt_gui.app import main

raise SystemExit(main())
