"""``LoadedMaterial``: a private key and/or certificate with where it came from (no loader imports, so it is cheap)."""

from __future__ import annotations

from dataclasses import dataclass, field

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import rsa

from sfjwt_gui.core.key_texts import Note, notes_in


@dataclass
class LoadedMaterial:
    """A private key and/or certificate read from one input, with how it was read and what was repaired."""

    private_key: rsa.RSAPrivateKey | None
    certificate: x509.Certificate | None
    extra_certificates: list[x509.Certificate] = field(default_factory=list)
    source_format: str = ""
    repairs: list[str] = field(default_factory=list)
    source_name: str = "(pasted text)"
    repair_notes: list[Note] = field(default_factory=list)  # ``repairs`` as codes + params (resources/keys)

    @property
    def repair_codes(self) -> list[str]:
        """Stable code of each repair (``repairs`` stays the English text)."""
        return [item.code for item in self.repair_notes]

    def repairs_in(self, lang: str = "en") -> list[str]:
        """``repairs`` in ``lang`` (``en`` or ``ja``)."""
        return notes_in(self.repair_notes, self.repairs, lang)
