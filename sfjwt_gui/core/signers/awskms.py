"""AWS KMS keys through boto3: open a ``SIGN_VERIFY`` RSA key, sign inside KMS, make such a key.

Credentials and region come from the standard AWS chain (environment, profile, SSO, instance/task role); an ARN
gives its own region. ``endpoint_url`` (or boto3's own ``AWS_ENDPOINT_URL_KMS``) points at another endpoint: the
tests use the moto emulator on loopback. A real AWS account was not tested. boto3 is the optional extra
``sfjwt-gui[kms]``; this module imports it only when a KMS key is used.

Signing asks for ``RSASSA_PKCS1_V1_5_SHA_256`` over the message itself (``MessageType=RAW``, up to 4096 bytes; a
longer message is sent as its SHA-256 ``DIGEST``), and every signature is checked against the public key before
it is used, so a misbehaving endpoint can never produce an assertion that Salesforce would refuse.
KMS keeps no certificate: keygen writes it to ``--cert-out``, and ``certificate=`` attaches it again.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field
from typing import Any

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from sfjwt_gui.core.errors import KeyNotFoundError, KeyReferenceError, SignerBackendError, UnsupportedKeyError
from sfjwt_gui.core.key_refs import AwsKmsRef
from sfjwt_gui.core.key_texts import error
from sfjwt_gui.core.signer import Backend

ALGORITHM = "RSASSA_PKCS1_V1_5_SHA_256"
MAX_RAW_MESSAGE = 4096  # KMS Sign's limit for MessageType=RAW
KEY_SPECS = {2048: "RSA_2048", 3072: "RSA_3072", 4096: "RSA_4096"}
_REFUSALS = {
    "AccessDeniedException",
    "DisabledException",
    "KMSInvalidStateException",
    "InvalidKeyUsageException",
    "UnsupportedOperationException",
    "KMSInvalidSignatureException",
}


def _boto3() -> Any:
    try:
        import boto3
    except ImportError:
        raise error(
            SignerBackendError, "backend-library-missing", service="AWS KMS", package="boto3", extra="kms"
        ) from None
    return boto3


def kms_client(ref: AwsKmsRef, *, endpoint_url: str | None = None) -> Any:
    """A KMS client for the reference's region (from its ARN, else the AWS chain), with bounded timeouts."""
    boto3 = _boto3()
    from botocore.config import Config

    config = Config(connect_timeout=10, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"})
    with _translated(ref, "connect"):
        return boto3.session.Session().client(
            "kms", region_name=ref.region or None, endpoint_url=endpoint_url or None, config=config
        )


class _Translated:
    """botocore's exceptions as ours: no credentials / region, no such key, refused, unreachable."""

    def __init__(self, ref: AwsKmsRef, action: str, permission: str = "") -> None:
        self.ref, self.action, self.permission = ref, action, permission

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc is None:
            return
        from botocore import exceptions as bx

        key = repr(self.ref.key_id)
        reference = repr(self.ref.text())
        if isinstance(exc, bx.NoRegionError):
            raise error(KeyReferenceError, "kms-no-region", reference=reference) from exc
        if isinstance(exc, bx.NoCredentialsError | bx.PartialCredentialsError | bx.TokenRetrievalError):
            raise error(SignerBackendError, "kms-no-credentials", reference=reference) from exc
        if isinstance(exc, bx.ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
            reason = str(exc.response.get("Error", {}).get("Message", "")) or code
            if code == "NotFoundException":
                region = self.ref.region or "from the AWS settings"
                raise error(KeyNotFoundError, "kms-key-not-found", key=key, region=region) from exc
            if code in _REFUSALS or code.endswith(("Denied", "DeniedException")):
                raise error(
                    SignerBackendError,
                    "kms-refused",
                    action=self.action,
                    key=key,
                    reason=reason,
                    permission=self.permission or "*",
                ) from exc
            raise error(SignerBackendError, "kms-unreachable", key=key, reason=reason) from exc
        if isinstance(exc, bx.BotoCoreError):
            raise error(SignerBackendError, "kms-unreachable", key=key, reason=str(exc)) from exc


_translated = _Translated


@dataclass
class AwsKmsSigner:
    """An RSA ``SIGN_VERIFY`` key in AWS KMS."""

    ref: AwsKmsRef
    client: Any
    _public: RSAPublicKey
    certificate: x509.Certificate | None = None
    backend: Backend = Backend.AWS_KMS
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def reference(self) -> str:
        """``awskms:KEY``."""
        return self.ref.text()

    def public_key(self) -> RSAPublicKey:
        """The RSA public key (``GetPublicKey``)."""
        return self._public

    def sign(self, data: bytes) -> bytes:
        """``Sign`` with RSASSA_PKCS1_V1_5_SHA_256, checked against the public key before it is returned."""
        if len(data) <= MAX_RAW_MESSAGE:
            message, kind = data, "RAW"
        else:
            message, kind = hashlib.sha256(data).digest(), "DIGEST"
        with self._lock, _translated(self.ref, "sign", "Sign"):
            answer = self.client.sign(
                KeyId=self.ref.key_id, Message=message, MessageType=kind, SigningAlgorithm=ALGORITHM
            )
        signature: bytes = answer["Signature"]
        try:
            self._public.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        except InvalidSignature:
            raise error(
                SignerBackendError, "signer-bad-signature", reference=repr(self.reference), action=kind
            ) from None
        return signature

    def close(self) -> None:
        """Nothing to release (the HTTP pool closes with the client)."""


def open_awskms(
    ref: AwsKmsRef, *, endpoint_url: str | None = None, certificate: x509.Certificate | None = None
) -> AwsKmsSigner:
    """Open a KMS key: it must be an enabled RSA key for SIGN_VERIFY that offers RSASSA_PKCS1_V1_5_SHA_256."""
    if ref.is_new:
        raise error(KeyReferenceError, "ref-new-only-for-keygen", shown=repr(ref.text()))
    client = kms_client(ref, endpoint_url=endpoint_url)
    with _translated(ref, "describe the key", "DescribeKey"):
        meta = client.describe_key(KeyId=ref.key_id)["KeyMetadata"]
    spec = str(meta.get("KeySpec") or meta.get("CustomerMasterKeySpec") or "")
    usage = str(meta.get("KeyUsage", ""))
    algorithms = meta.get("SigningAlgorithms") or [ALGORITHM]
    if not spec.startswith("RSA_") or usage != "SIGN_VERIFY" or ALGORITHM not in algorithms:
        raise error(UnsupportedKeyError, "kms-wrong-key-usage", key=repr(ref.key_id), spec=spec, usage=usage)
    with _translated(ref, "read the public key", "GetPublicKey"):
        der = client.get_public_key(KeyId=ref.key_id)["PublicKey"]
    public = serialization.load_der_public_key(der)
    if not isinstance(public, RSAPublicKey):  # pragma: no cover - KeySpec said RSA
        raise error(UnsupportedKeyError, "signer-not-rsa", reference=repr(ref.text()), kind=type(public).__name__)
    return AwsKmsSigner(ref, client, public, certificate)


def create_awskms(
    ref: AwsKmsRef, *, bits: int = 2048, description: str = "sfjwt-gui JWT signing key", endpoint_url: str | None = None
) -> AwsKmsSigner:
    """``CreateKey`` an RSA SIGN_VERIFY key (``awskms:new``) and open it by its ARN."""
    client = kms_client(ref, endpoint_url=endpoint_url)
    with _translated(ref, "create a key", "CreateKey"):
        meta = client.create_key(KeySpec=KEY_SPECS[bits], KeyUsage="SIGN_VERIFY", Description=description)
    arn = str(meta["KeyMetadata"]["Arn"])
    from sfjwt_gui.core.key_refs import parse_reference

    made = parse_reference(f"awskms:{arn}")
    assert isinstance(made, AwsKmsRef)
    return open_awskms(made, endpoint_url=endpoint_url)
