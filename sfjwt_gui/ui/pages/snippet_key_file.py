""" "Export the key for this command…" on the Signed JWT page: the one unencrypted key file the app writes, for
``sf org login jwt --jwt-key-file`` and the Python snippet, which read nothing else.

Where first (the save dialog starts in the last folder or Documents), then an explicit confirmation showing core's
``key_file.confirmation_text`` (it names the key, the path, mode 0600 and what anyone holding the file can do), then
core's ``write_key_for_command(..., confirmed=True)`` in the background. The snippet then names that real path; until
then it says which file it needs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sfjwt_gui.ui.dialogs.confirm import ConfirmDialog
from sfjwt_gui.ui.dialogs.files import choose_save_path
from sfjwt_gui.ui.dialogs.modal import run_modal
from sfjwt_gui.ui.worker import Job, start


def start_key_file_export(
    parent: QWidget,
    key: Any,
    name: str,
    lang: str,
    *,
    on_done: Callable[[Path], None],
    on_error: Callable[[BaseException], None],
) -> Job[Path] | None:
    """Ask where, confirm with core's text, write in the background. None when the user cancels either question."""
    from sfjwt_gui.core.key_file import confirmation_text, write_key_for_command
    from sfjwt_gui.core.save_location import suggested_path
    from sfjwt_gui.ui.pages.key_cert_save import last_folder

    path = choose_save_path(
        parent,
        QCoreApplication.translate("KeyFileExport", "Export the key for this command"),
        str(suggested_path(name, ".pem", last_folder())),
        QCoreApplication.translate("KeyFileExport", "Unencrypted PEM private key (*.pem *.key)"),
    )
    if path is None:
        return None
    dialog = ConfirmDialog(
        QCoreApplication.translate("KeyFileExport", "Write an unencrypted key file"),
        confirmation_text(name, path, lang),
        QCoreApplication.translate("KeyFileExport", "Write the key file"),
        parent,
    )
    dialog.setObjectName("keyFileConfirmDialog")
    if run_modal(dialog, lambda _dialog: True) is None:
        return None
    return start(
        parent,
        lambda: write_key_for_command(key, path, name=name, confirmed=True),
        on_done=on_done,
        on_error=on_error,
    )
