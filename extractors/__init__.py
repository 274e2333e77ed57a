"""Extractors: one module per document kind, registered by name in `extractors.registry`."""

from extractors import (  # noqa: F401  (import registers)
    award_list,
    frab_xml,
    html_page,
    ical,
    image_file,
    pretalx_json,
    program_pdf,
    sessionize_json,
    sponsor_list,
    structured_data,
    text_document,
    word_document,
)
