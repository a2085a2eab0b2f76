"""Qt views of sfjwt-gui: thin pages over ``sfjwt_gui.core``."""
