"""The few DER (ASN.1) pieces the key code needs: read a TLV, write a TLV, encode an OID.

Just enough to sniff formats, spot truncated files and build the JKS ``EncryptedPrivateKeyInfo``;
real parsing stays with ``cryptography``.
"""

from __future__ import annotations

from dataclasses import dataclass

SEQUENCE = 0x30
INTEGER = 0x02
OCTET_STRING = 0x04
NULL = 0x05
OID = 0x06


class DerError(ValueError):
    """Malformed DER; ``truncated`` is True when the data simply ends too early."""

    def __init__(self, message: str, *, truncated: bool = False) -> None:
        super().__init__(message)
        self.truncated = truncated


@dataclass(frozen=True)
class Tlv:
    """One DER element: its tag, its content, and where the element ends in the buffer."""

    tag: int
    content: bytes
    end: int


def read_tlv(data: bytes, offset: int = 0) -> Tlv:
    """Read the DER element at ``offset`` (short or long definite length)."""
    if offset + 2 > len(data):
        raise DerError("DER element header cut off", truncated=True)
    tag = data[offset]
    first = data[offset + 1]
    pos = offset + 2
    if first < 0x80:
        length = first
    else:
        count = first & 0x7F
        if count == 0 or count > 4:
            raise DerError("unsupported DER length form")
        if pos + count > len(data):
            raise DerError("DER length cut off", truncated=True)
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    end = pos + length
    if end > len(data):
        raise DerError(f"DER element declares {length} bytes but only {len(data) - pos} follow", truncated=True)
    return Tlv(tag, data[pos:end], end)


def read_children(content: bytes) -> list[Tlv]:
    """All elements inside a constructed element's content."""
    children: list[Tlv] = []
    offset = 0
    while offset < len(content):
        child = read_tlv(content, offset)
        children.append(child)
        offset = child.end
    return children


def encode_tlv(tag: int, content: bytes) -> bytes:
    """DER-encode one element."""
    length = len(content)
    if length < 0x80:
        header = bytes([tag, length])
    else:
        size = (length.bit_length() + 7) // 8
        header = bytes([tag, 0x80 | size]) + length.to_bytes(size, "big")
    return header + content


def encode_oid(dotted: str) -> bytes:
    """DER-encode an OBJECT IDENTIFIER such as ``1.3.6.1.4.1.42.2.17.1.1``."""
    arcs = [int(part) for part in dotted.split(".")]
    if len(arcs) < 2 or arcs[0] > 2 or (arcs[0] < 2 and arcs[1] >= 40) or min(arcs) < 0:
        raise DerError(f"invalid OBJECT IDENTIFIER {dotted!r}")
    body = bytearray()
    for value in [40 * arcs[0] + arcs[1], *arcs[2:]]:  # the first two arcs share one sub-identifier
        chunk = [value & 0x7F]
        value >>= 7
        while value:
            chunk.append(0x80 | (value & 0x7F))
            value >>= 7
        body.extend(reversed(chunk))
    return encode_tlv(OID, bytes(body))


def decode_oid(content: bytes) -> str:
    """Dotted form of an OBJECT IDENTIFIER's content bytes."""
    if not content or content[-1] & 0x80:
        raise DerError("empty or unterminated OBJECT IDENTIFIER")
    values: list[int] = []
    value = 0
    for byte in content:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value = 0
    first = values[0]
    arcs = [first // 40, first % 40] if first < 80 else [2, first - 80]
    return ".".join(str(arc) for arc in [*arcs, *values[1:]])
