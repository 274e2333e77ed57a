"""Extractors: one module per document kind, registered by name in `extractors.registry`."""

from extractors import program_pdf, frab_xml  # noqa: F401  (import registers)
