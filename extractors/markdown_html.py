"""What a Markdown page says once its web-page leftovers are read: comments, TOML front matter,
inline HTML (`<img alt>`, `<b>`, `<br>`, `&nbsp;`) and header-less card tables.

Static-site Markdown (Hugo, Jekyll) is a web page written by hand: commented-out blocks are not
published, a logo's `alt` is the sponsor's name, `<b>Name</b>` is a bold line, and a one-column
table without a header is one card (a name, a logo, a link).
"""

from __future__ import annotations

import html
import re

from pipeline.text.logos import LOGO_RE

_COMMENT_RE = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_ALT_RE = re.compile(r"""<img\b[^>]*?\balt\s*=\s*(?:"([^"]*)"|'([^']*)')[^>]*>""", re.I)
_BR_RE = re.compile(r"<br\s*/?>", re.I)
_TAG_RE = re.compile(r"</?[A-Za-z][^<>]*>")
_BOLD_LINE_RE = re.compile(r"^\s*<(b|strong)>(?P<text>[^<>]+)</\1>\s*$", re.I)
_URL_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.I)


def without_comments(text: str) -> str:
    """`text` without HTML comments, keeping their line breaks (so line numbers still match).

    >>> without_comments("a\\n<!--\\nb\\n-->\\nc")
    'a\\n\\n\\n\\nc'
    """
    return _COMMENT_RE.sub(lambda m: "\n" * m.group(0).count("\n"), text)


def front_matter_end(lines: list[str]) -> int:
    """The index of the line closing a YAML (`---`) or TOML (`+++`) front matter, else 0."""
    if not lines or lines[0].strip() not in ("---", "+++"):
        return 0
    fence = lines[0].strip()
    return next((i for i, line in enumerate(lines[1:], 1) if line.strip() == fence), 0)


def front_matter_title(lines: list[str]) -> str:
    """`title: X` (YAML) or `title = "X"` (TOML) among front-matter lines, or ''."""
    for line in lines:
        match = re.match(r"^title\s*[:=]\s*(.*)$", line.strip(), re.I)
        if match:
            return match.group(1).strip().strip("'\"")
    return ""


def inline_html(line: str) -> list[tuple[str, str]]:
    """A Markdown line holding HTML as plain lines, each with what it was (`bold`, `alt` for
    an image's alt text, a logo's name, else ''): `<br>` as a break, other tags dropped,
    entities decoded.

    >>> inline_html('<a href="x"><img src="a.png" alt="Acme Genomics" width="120"></a>')
    [('Acme Genomics', 'alt')]
    >>> inline_html("<b>Grace Hooper</b>  "), inline_html("&nbsp;")
    ([('Grace Hooper', 'bold')], [])
    """
    if "<" not in line and "&" not in line:
        return [(line, "")]
    bold = _BOLD_LINE_RE.match(line)
    if bold:
        text = " ".join(html.unescape(bold.group("text")).split())
        return [(text, "bold")] if text else []
    out = []
    for i, piece in enumerate(_ALT_RE.split(line)):
        # re.split with the two alt groups: text, alt "..", alt '..', text, ...
        if i % 3:
            alt = _alt(html.unescape(piece or ""))
            if alt:
                out.append((alt, "alt"))
            continue
        text = html.unescape(_TAG_RE.sub("", _BR_RE.sub("\n", piece)))
        for part in text.split("\n"):
            part = " ".join(part.replace("\xa0", " ").split())
            if part:
                out.append((part, ""))
    return out


def _alt(text: str) -> str:
    return LOGO_RE.sub("", text).strip(" -_|")


def card_record(rows: list[dict]) -> dict | None:
    """A header-less one-column table (`| **Acme** |`, `| ![](logo.png) |`, `| https://.. |`)
    as one card: its first text cell is the name, its first link the url; None for a table
    with a header or more than one column.

    >>> card_record([{"": "Globex"}, {"": ""}, {"": "https://globex.example/"}])
    {'name': 'Globex', 'url': 'https://globex.example/'}
    """
    if not rows or any(list(row) != [""] for row in rows):
        return None
    cells = [" ".join(str(row[""]).split()) for row in rows]
    name = next((c for c in cells if c and not _URL_RE.match(c)), "")
    if not name:
        return None
    record = {"name": name}
    url = next((c for c in cells if _URL_RE.match(c)), "")
    if url:
        record["url"] = url
    return record
