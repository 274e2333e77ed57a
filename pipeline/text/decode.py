"""Bytes of a file a user saved, as text: the encodings that spreadsheets and editors write."""

from __future__ import annotations

# Latin-1 reads any bytes, so a chain that ends with it never fails.
SAVED_TEXT_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> str:
    """Text of a file a user saved: UTF-8 (with or without BOM), else Windows-1252, else
    Latin-1.

    >>> decode_text("café".encode("utf-8-sig")), decode_text("café".encode("cp1252"))
    ('café', 'café')
    """
    return decode_as(data, SAVED_TEXT_ENCODINGS)[0]


def decode_as(data: bytes, encodings: tuple[str, ...], *, utf16_bom: bool = False
              ) -> tuple[str, str]:
    """`data` decoded by the first of `encodings` that reads it, and the name of that encoding.

    With `utf16_bom`, data that opens with a UTF-16 byte-order mark is read as UTF-16 and as
    nothing else ("Unicode text" of Excel). When no encoding reads `data`, the
    `UnicodeDecodeError` of the last one tried is raised.

    >>> decode_as("café".encode("utf-16"), ("utf-8-sig", "cp1252"), utf16_bom=True)
    ('café', 'utf-16')
    >>> decode_as(b"caf\\xe9", ("utf-8-sig", "cp1252"))
    ('café', 'cp1252')
    """
    if utf16_bom and data.startswith(_UTF16_BOMS):
        return data.decode("utf-16"), "utf-16"
    error: UnicodeDecodeError | None = None
    for encoding in encodings:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as e:
            error = e
    if error is None:
        raise ValueError("decode_as needs at least one encoding")
    raise error
