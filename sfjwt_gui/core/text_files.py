"""Text files as Windows tools save them: UTF-8 with or without a BOM, or UTF-16 with one."""

from __future__ import annotations

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text_file(raw: bytes) -> str:
    """Decode ``raw`` without its byte-order mark; raises UnicodeDecodeError when it is not such text.

    Notepad saves UTF-8 with a BOM, PowerShell's ``>`` redirection UTF-16: a BOM is never part of the content.
    """
    return raw.decode("utf-16" if raw[:2] in _UTF16_BOMS else "utf-8-sig")
