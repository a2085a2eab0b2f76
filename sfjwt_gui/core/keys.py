"""Keys and certificates: one import for generation, import, inspection and export.

The work is split into small modules (``key_generation``, ``key_loading``, ``pem_repair``, ``inspection``,
``key_export``, ``jks``); this module re-exports their public API. Code on a hot start-up path (the ``sfjwt keygen``
command) imports the specific module instead.
"""

from __future__ import annotations

from sfjwt_gui.core.inspection import Inspection, inspect_material
from sfjwt_gui.core.jks import JksKeyStore, read_jks, write_jks
from sfjwt_gui.core.key_export import (
    export_certificate,
    export_jks,
    export_pkcs12,
    export_private_key_pkcs8,
    normalise_alias,
)
from sfjwt_gui.core.key_generation import (
    ALLOWED_BITS,
    MIN_RSA_BITS,
    Subject,
    check_validity_days,
    generate_private_key,
    long_validity_warning,
    self_signed_certificate,
)
from sfjwt_gui.core.key_loading import (
    check_rsa_key,
    load_certificate,
    load_file,
    load_material,
    load_public_key,
)
from sfjwt_gui.core.material import LoadedMaterial
from sfjwt_gui.core.pem_repair import RepairedText, repair_pem

__all__ = [
    "ALLOWED_BITS",
    "MIN_RSA_BITS",
    "Inspection",
    "JksKeyStore",
    "LoadedMaterial",
    "RepairedText",
    "Subject",
    "check_rsa_key",
    "check_validity_days",
    "export_certificate",
    "export_jks",
    "export_pkcs12",
    "export_private_key_pkcs8",
    "generate_private_key",
    "inspect_material",
    "load_certificate",
    "load_file",
    "load_material",
    "load_public_key",
    "long_validity_warning",
    "normalise_alias",
    "read_jks",
    "repair_pem",
    "self_signed_certificate",
    "write_jks",
]
