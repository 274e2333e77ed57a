"""Extractors: one module per document kind, registered by name in `extractors.registry`."""

from extractors import (  # noqa: F401  (import registers)
    frab_xml,
    pretalx_json,
    program_pdf,
    sessionize_json,
)
