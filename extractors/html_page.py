"""HTML pages (programs, speaker and name-index pages, award winners, sponsors) as text blocks."""

from __future__ import annotations

import re
from pathlib import Path

from extractors.award_labels import award_label_blocks
from extractors.html_cards import card_blocks, card_grid
from extractors.html_rows import (
    BREAK,
    CELL_BLOCK_TAGS,
    DATA_CELL_RE,
    cell_lines,
    class_record,
    grid_rows,
    row_line,
)
from extractors.name_index import index_name, with_index_records
from extractors.records import person_name, year_in
from extractors.registry import Extraction, register
from extractors.role_lists import (
    heading_person,
    list_blocks,
    runs_as_records,
    with_heading_orgs,
)
from extractors.structured_data import path_context
from extractors.tree_context import heading_tier
from extractors.tree_walk import table_blocks
from pipeline.errors import ExtractionError
from pipeline.tables import Block
from pipeline.text.lexicon import (
    context_role,
    field_kind,
)
from pipeline.text.lines import looks_like_name
from pipeline.text.logos import LOGO_RE
from pipeline.text.role_labels import role_label_re, role_labels

CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
XML_ENCODING_RE = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
                           re.I | re.S)
# Boilerplate: navigation, page chrome and anything that is not content.
SKIP_TAGS = {"script", "style", "noscript", "nav", "footer", "form", "iframe", "template",
             "svg", "button", "select", "input", "textarea", "head", "menu", "aside"}
SKIP_ATTR_RE = re.compile(r"(^|[\s_-])(nav|navbar|menu|footer|breadcrumbs?|cookie|sidebar|"
                          r"skip-link|social|share|banner|masthead)([\s_-]|$)", re.I)
SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar"}
BLOCK_TAGS = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd", "div",
              "section", "article", "main", "blockquote", "pre", "figcaption", "caption",
              "address", "tr", "table", "tbody", "thead", "ul", "ol", "dl", "header", "figure",
              "center", "body", "html", "span_block"}
HEADINGS = {"h1", "h2", "h3", "h4"}
# A class that styles its element as a heading (`<div class="section-title">`, `card-header`):
# sites set headings in divs as often as in <h2>.
TITLE_CLASS_RE = re.compile(r"(^|[\s_-])(title|heading|header|headline|subtitle|caption)"
                            r"([\s_-]|$)", re.I)


def declared_encoding(head: bytes) -> str:
    """The charset a page declares (`<meta charset>`, `http-equiv`, `<?xml encoding>`), or ''."""
    match = XML_ENCODING_RE.search(head[:200]) or CHARSET_RE.search(head[:4096])
    return match.group(1).decode("ascii", "replace").lower() if match else ""


@register("html_page")
class HtmlPage:
    version = "1"
    priority = 40

    def matches(self, path: Path, head: bytes) -> bool:
        if HTML_START_RE.match(head.lstrip(b"\xef\xbb\xbf")):
            return True
        return path.suffix.lower() in (".html", ".htm", ".xhtml") and b"<" in head[:1024]

    def extract(self, path: Path) -> Extraction:
        return read_html(path, path.read_bytes())


def read_html(path: Path, data: bytes, *, title: str = "") -> Extraction:
    """The blocks of an HTML page `data`, read from `path` (whose folder and file names give
    it context): also a Markdown page written in HTML blocks (extractors/text_document.py),
    with the title of its front matter."""
    import lxml.html
    from lxml import etree

    encoding = declared_encoding(data)
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8"
    try:
        parser = lxml.html.HTMLParser(encoding=_python_codec(encoding) or "utf-8",
                                      remove_comments=True, no_network=True)
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError, LookupError) as e:
        raise ExtractionError(path, f"unreadable HTML ({e})") from e
    title = " ".join((root.findtext(".//title") or "").split()) or title
    for br in root.iter("br"):
        br.tail = BREAK + (br.tail or "")
    for cell in root.iter("td", "th"):
        # a list or paragraphs in a cell are lines of it (`Session 1` over its talks)
        for el in cell.iter(*CELL_BLOCK_TAGS):
            if el is not cell:
                el.text, el.tail = BREAK + (el.text or ""), BREAK + (el.tail or "")
    body = root.find("body")
    context = _Trail([p for p in path_context(path) + [title] if p])
    lines = _Lines(context)
    _visit(body if body is not None else root, lines, "", context)
    lines = _role_lines(lines, [p for p in path_context(path) + [title] if p])
    lines = with_heading_orgs(with_index_records(lines, source="html"))
    year = year_in(title) or next((year_in(b.text) for b in lines
                                   if b.role_hint == "heading" and year_in(b.text)), None)
    return Extraction(lines, event=title, year=year, status="ok" if lines else "empty",
                      extra={"encoding": encoding or "utf-8"})


def _table_records(table) -> list[dict] | None:
    """Rows of a table as {header: cell} when its first row is a header that names at least
    one column holding names (person or organization) by the lexicon; else None."""
    rows = [r for r in table.iter("tr") if not _skip(r)]
    if len(rows) < 2:
        return None

    grid = grid_rows(rows, lambda cell: " ".join(_text(cell).split()))
    header = grid[0]
    if any(DATA_CELL_RE.search(h) or len(h.split()) > 6 for h in header):
        return None  # `09:00 | Keynote: Rivers at night`: the first row is data
    kinds = [field_kind(h) for h in header]
    if any(looks_like_name(h) and not k for h, k in zip(header, kinds, strict=True)):
        return None  # `General Chair | Ann Lee | MIT`: the first row is data, no header
    if len(header) < 2 or not any(k in ("person", "org", "given_name") for k in kinds) or len(
            [h for h in header if h]) != len(header):
        return None
    return [dict(zip(header, cells, strict=False)) for cells in grid[1:]]


def _definitions(el, lines: list[Block], section: str) -> None:
    """`<dt>Program Chair</dt><dd>Ann Lee, MIT</dd>`: a label and what it labels, one line."""
    label = ""
    for child in el:
        if not isinstance(child.tag, str) or _skip(child):
            continue
        text = " ".join(_text(child).split())
        if child.tag.lower() == "dt":
            label = text.rstrip(":")
        elif child.tag.lower() == "dd" and text:
            # `<dt>Lee, Ann</dt><dd>Session 2A, 14</dd>`: an index's name, read as an index line
            _emit(lines, label if index_name(label) else f"{label}: {text}" if label else text,
                  section=section)


class _Trail(list):
    """A page's context words: its folder, file name and title, then the headings above the
    element being read, outermost first (`Program Committee` over `Area Chairs`)."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(words)
        self.levels: list[int] = []

    def heading(self, level: int, text: str) -> None:
        while self.levels and self.levels[-1] >= level:
            self.levels.pop()
            self.pop()
        self.levels.append(level)
        self.append(text)


def _words(context: list[str], section: str) -> list[str]:
    """The context words of an element under `section`."""
    words = list(context)
    return words if words and words[-1] == section or not section else [*words, section]


def _role_lines(lines: list[Block], context: list[str]) -> list[Block]:
    """Runs of plain lines under one heading that names a role of people (`<h2>General
    Chairs</h2><p>Ann Lee, MIT</p><p>Bo Chen, ETH</p>`) as records in that role, with the
    headings above that one as their context."""
    trails = getattr(lines, "trails", {})

    def heading(i: int) -> tuple[list[str], str] | None:
        section, trail = lines[i].section, trails.get(i, ())
        if not section:
            return None
        if trail and trail[-1] == section:
            return list(trail[:-1]), section
        return context, section

    return runs_as_records(
        lines, lambda i: None if lines[i].is_record or lines[i].role_hint else lines[i].section,
        heading)


def _logo_records(el, section: str, context: list[str]) -> list[Block]:
    """The organizations a block of logos names (their `alt`) under a sponsor or exhibitor
    heading, in the heading's tier; [] elsewhere, or when the block has text of its own."""
    if context_role(section) not in ("sponsor", "exhibitor") or " ".join(
            el.text_content().split()):
        return []
    names = [_logo_name(img) for img in el.iter("img") if not _skip(img)]
    words = _words(context, section)
    return table_blocks([{"name": n} for n in names if n], context=words, source="html-logo",
                        tier=heading_tier(section, words))


def _logo_name(img) -> str:
    """A logo's name as its page prints it: its alt text, else its title or its link's."""
    link = next((a for a in img.iterancestors("a")), None)
    for text in (img.get("alt"), img.get("title"), *(
            (link.get("title"), link.get("aria-label")) if link is not None else ())):
        text = LOGO_RE.sub("", text or "").strip(" -_|")
        if text:
            return " ".join(text.split())
    return ""


def _role_list(el, section: str, context: list[str]) -> list[tuple[str, list[Block]]] | None:
    """A list of people under a heading naming their role (`<h3>Program chair</h3><ul>`):
    each item with its records; None for other lists (their items are lines)."""
    items = [c for c in el if isinstance(c.tag, str) and not _skip(c)]
    if not items or any(c.tag.lower() != "li" or _has_block_child(c) for c in items):
        return None
    texts = [" ".join(_text(c).split()) for c in items]
    words = _words(context, section)
    found = list_blocks(texts, words[:-1], words[-1])
    return None if found is None else list(zip(texts, found, strict=True))


def _bold_led(el, strong: list, text: str) -> str:
    """The text of an element that opens with a bold label, the label marked as Markdown marks
    it (`**Best Paper:** A Title. Ann Lee`), for the award-label reader; else the text."""
    line = " ".join(text.split())
    if not strong or (el.text or "").strip() or strong[0] is not el[0]:
        return line
    label = " ".join(strong[0].text_content().split())
    return f"**{label}**{line[len(label):]}" if label and line.startswith(label) else line


def _class_labelled(el, text: str) -> str:
    """An element's text after the role label its class names (`<span class="chair">Ann
    Lee</span>` -> `Chair: Ann Lee`), when the text opens with a name and the role is more
    than the speaker every name of a program is by default; else the text as it is.

    >>> import lxml.html
    >>> _class_labelled(lxml.html.fromstring('<span class="session-chair">Ann Lee</span>'),
    ...                 "Ann Lee")
    'session chair: Ann Lee'
    >>> _class_labelled(lxml.html.fromstring('<span class="chair">Workshops</span>'), "Workshops")
    'Workshops'
    """
    classes = (el.get("class") or "").lower().split()
    line = " ".join(text.split())
    if not classes or not line or role_label_re(alone=True).match(line):
        return text
    for word in [c.replace("-", " ").replace("_", " ") for c in classes]:
        label = role_label_re(alone=True).fullmatch(word)
        role = role_labels().get(label.group("label").lower(), "") if label else ""
        if label and role not in ("", "speaker") and looks_like_name(
                person_name(line.split(",")[0])):
            return f"{word}: {line}"
    return text


def _python_codec(name: str) -> str:
    import codecs

    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


def _skip(el) -> bool:
    if not isinstance(el.tag, str) or el.tag.lower() in SKIP_TAGS:
        return True
    if (el.get("role") or "").lower() in SKIP_ROLES or el.get("hidden") is not None:
        return True
    if el.tag.lower() == "header" and el.find(".//nav") is not None:
        return True
    attrs = f"{el.get('id') or ''} {el.get('class') or ''}"
    return bool(SKIP_ATTR_RE.search(attrs)) and el.tag.lower() not in ("body", "main", "html")


def _has_block_child(el) -> bool:
    return any(isinstance(c.tag, str) and c.tag.lower() in BLOCK_TAGS and not _skip(c)
               for c in el.iterdescendants())


class _Lines(list):
    """The lines of a page, each with the trail of headings above it when it was read (index
    -> context words, the nearest heading last): a run of lines under `2023` on a page of
    `Young Researcher Prize` winners is that prize's."""

    def __init__(self, trail: _Trail) -> None:
        super().__init__()
        self.trail, self.trails = trail, {}


def _emit(lines: list[Block], text: str, *, section: str, heading: bool = False,
          bold: bool = False) -> None:
    for line in text.split(BREAK):
        line = " ".join(line.split())
        if line:
            if isinstance(lines, _Lines):
                lines.trails[len(lines)] = tuple(lines.trail)
            lines.append(Block(text=line, section=section, bold=bold or heading,
                               role_hint="heading" if heading else ("bold" if bold else "")))


def _text(el, *, pre: bool = False) -> str:
    r"""An element's text, its lines separated by BREAK: at a `<br>`, around a photo's alt, and
    at a newline of the source between elements (`<a>Ann Lee</a>\n<span>MIT</span>`); a
    newline inside a run of text is a space, as a browser shows it (a paragraph's wrapped
    source lines are one line), except in `<pre>`.

    >>> import lxml.html
    >>> _text(lxml.html.fromstring("<div>A long\nsentence.\n<a>Ann Lee</a>\n<i>MIT</i></div>"))
    'A long sentence. Ann Lee\u2028MIT'
    """
    parts = []
    for node in el.iter():
        if node is not el and (not isinstance(node.tag, str) or _skip(node)):
            if node.tail:
                parts.append(node.tail)
            continue
        if node is not el and _abuts_styled(node, parts):
            parts.append(BREAK)  # `<span class="name">Ann Lee</span><span class="org">MIT`
        if isinstance(node.tag, str) and node.tag.lower() == "img" and (
                node.get("alt") or node.get("title")):  # a logo's title when it has no alt
            alt = LOGO_RE.sub("", node.get("alt") or node.get("title")).strip(" -_|")
            if alt:
                parts.append(f"{BREAK}{alt}{BREAK}")
        if node.text and node is not el and node.getparent() is not None:
            parts.append(node.text)
        elif node is el and node.text:
            parts.append(node.text)
        if node is not el and node.tail:
            parts.append(node.tail)
    if pre:
        return "".join(parts).replace("\n", BREAK)
    return "".join(BREAK if "\n" in part and not part.replace(BREAK, "").strip() else
                   part.replace("\n", " ") for part in parts)


def _abuts_styled(node, parts: list[str]) -> bool:
    """Whether `node` and the element before it are two styled fields set side by side with
    nothing between (`<span class="name">Ann Lee</span><span class="aff">MIT</span>`): a site
    shows them apart by its style sheet, so they are two lines, not `Ann LeeMIT`.

    >>> import lxml.html
    >>> el = lxml.html.fromstring('<div><span class="n">Ann Lee</span><span class="a">MIT</span>'
    ...                           '<b>A</b><i>B</i></div>')
    >>> _text(el).split("\u2028")
    ['Ann Lee', 'MITAB']
    """
    before = node.getprevious()
    if before is None or not isinstance(before.tag, str) or (before.tail or "").strip():
        return False
    if not (node.get("class") and before.get("class")) or node.get("class") == before.get(
            "class") and node.tag.lower() not in ("div", "p"):
        return False
    return bool(parts) and not parts[-1][-1:].isspace() and parts[-1][-1:] != BREAK


def _titled(el, text: str) -> bool:
    """Whether a block is a heading by its class (`<div class="section-title">Program
    Committee</div>`): a short line of a few words, not a sentence."""
    attrs = f"{el.get('class') or ''} {el.get('id') or ''}"
    line = " ".join(text.split())
    return bool(TITLE_CLASS_RE.search(attrs)) and 0 < len(line) <= 80 and BREAK not in line and (
        not line.endswith("."))


def _leaf(el, lines: list[Block], section: str, context: list[str]) -> None:
    """A block with no block inside: its logos, an award label's recipients, or its lines."""
    logos = _logo_records(el, section, context)
    if logos:  # `<h3>Supported by</h3><div><a><img alt="Acme"></a>...`
        lines.extend(logos)
        return
    record = class_record(el)
    if record is not None and (found := table_blocks([record], context=_words(
            context, section), source="html-class")):
        lines.extend(found)  # `<span class="time">…<span class="speaker">Ann Lee</span>`
        return
    text = _class_labelled(el, _text(el, pre=el.tag.lower() == "pre"))
    strong = [c for c in el if isinstance(c.tag, str) and c.tag.lower() in ("strong", "b")]
    awarded = award_label_blocks(_bold_led(el, strong, text), _words(context, section),
                                 source="award-label")
    if awarded:  # `<li><b>Best Paper:</b> A Title. Ann Lee, Bo Chen</li>`
        lines.extend(awarded)
        return
    bold = bool(strong) and " ".join(strong[0].text_content().split()) == " ".join(
        text.split()) and len(strong) == 1 or _titled(el, text)
    _emit(lines, text, section=section, bold=bold)


def _visit(el, lines: list[Block], section: str, context: list[str]) -> str:
    """Walk block elements in order; a block with no block inside is one (or more, at <br>) line."""
    if _skip(el):
        return section
    tag = el.tag.lower()
    if tag in HEADINGS:
        if _has_block_child(el):
            # A heading left open by broken markup (`<h3>Speakers</h2><ul>...`) swallowed the
            # list after it: the heading is its own text, the blocks inside are content.
            own = [el.text or ""]
            for child in el:
                if isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS:
                    break
                own.append(child.text_content() + (child.tail or ""))
            text = " ".join("".join(own).split())
            _emit(lines, text, section=text, heading=True)
            context.heading(int(tag[1]), text)
            section, inside = text, False
            for child in el:
                if isinstance(child.tag, str) and child.tag.lower() in BLOCK_TAGS:
                    inside = True
                    section = _visit(child, lines, section, context)
                if inside and child.tail and child.tail.strip():
                    _emit(lines, child.tail, section=section)
            return section
        text = " ".join(el.text_content().split())
        context.heading(int(tag[1]), text)
        # `<h2>Keynote Speakers</h2><h3>Ann Lee</h3>`: one person per heading
        lines.extend(heading_person(text, context[:-1]))
        _emit(lines, text, section=text, heading=True)
        return text
    if tag in ("h5", "h6"):
        _emit(lines, el.text_content(), section=section, bold=True)
        return section
    if tag == "table":
        rows = _table_records(el)
        if rows is not None:
            # A table whose header names its columns (Name, Affiliation, Year, Award, ...) is a
            # list of records: the tree walker types the columns, with the page's context.
            lines.extend(table_blocks(rows, context=_words(context, section),
                                      source="html-table"))
            return section
    if tag == "dl":
        _definitions(el, lines, section)
        return section
    if tag in ("ul", "ol") and (found := _role_list(el, section, context)) is not None:
        for item, records in found:
            if records:
                lines.extend(records)
            else:
                _emit(lines, item, section=section)
        return section
    if tag == "tr":
        texts = [_text(c) for c in el if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")
                 and not _skip(c)]
        header = all(c.tag.lower() == "th" for c in el if isinstance(c.tag, str))
        cells = [c for c in (" ".join(t.split()) for t in texts) if c]
        if not any(BREAK in t.strip(BREAK + " \n\t") for t in texts):
            _emit(lines, row_line(cells), section=section, bold=header)
        else:  # cells of several lines: each cell's lines in turn, after the row's time
            for line in cell_lines(texts):
                _emit(lines, line, section=section, bold=header)
        return section
    if not _has_block_child(el):
        _leaf(el, lines, section, context)
        return section
    return _visit_children(el, lines, section, context)


def _visit_children(el, lines: list[Block], section: str, context: list[str]) -> str:
    """The blocks inside a container element, in order; the section after them."""
    if el.text and el.text.strip():
        _emit(lines, el.text, section=section)
    # A container that opens with its own heading (`<div class="session"><h3>Panel: …</h3>`)
    # is that heading's scope: what follows the container is under the headings before it.
    outer = (list(context), list(context.levels), section) if _opens_with_heading(el) else None
    cards = card_grid(el)
    for child in el:
        if child in cards:  # a speaker or committee card: its person as a record
            lines.extend(card_blocks(child, _words(context, section)))
        elif isinstance(child.tag, str):
            section = _visit(child, lines, section, context)
        if child.tail and child.tail.strip():
            _emit(lines, child.tail, section=section)
    if outer is not None and section != outer[2]:
        context[:], context.levels[:], section = outer
        if section:  # the reader's cue: the heading the page is back under
            _emit(lines, section, section=section, heading=True)
    return section


def _opens_with_heading(el) -> bool:
    """Whether a container element's first child is a heading (h1-h4)."""
    first = next((c for c in el if isinstance(c.tag, str) and not _skip(c)), None)
    return first is not None and first.tag.lower() in HEADINGS and el.tag.lower() not in (
        "body", "html", "main")
