"""Plain-text and Markdown programs: lines as text blocks, Markdown headings and bold kept."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from extractors.award_labels import award_label_blocks
from extractors.markdown_html import (
    card_record,
    front_matter_end,
    front_matter_title,
    inline_html,
    without_comments,
)
from extractors.marked_authors import presenter_blocks
from extractors.name_index import with_index_records
from extractors.registry import Extraction, register
from extractors.role_lists import heading_person, runs_as_records, with_heading_orgs
from extractors.structured_data import path_context
from extractors.tree_context import heading_tier
from extractors.tree_walk import blocks_from_tree, table_blocks
from pipeline.errors import ExtractionError
from pipeline.tables import Block
from pipeline.text.decode import decode_text
from pipeline.text.lexicon import context_role
from pipeline.text.lines import looks_like_name, looks_like_org

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".rst", ".text"}
HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
SETEXT_RE = re.compile(r"^(=+|-+)\s*$")
BOLD_RE = re.compile(r"^(\*\*|__)(?P<text>.+?)\1:?\s*$")
BULLET_RE = re.compile(r"^\s*(?:[-*+•·]|\d{1,3}[.)])\s+")
MARKUP_RE = re.compile(r"\*\*|__|`|\{:[^}]*\}|!?\[(?P<label>[^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
# A link reference definition (`[venue]: ./travel`, kramdown's `[comment]: text`) is no content.
REFDEF_RE = re.compile(r"^ {0,3}\[[^\]]+\]:(?:\s|$)")
DEFINITION_RE = re.compile(r"^:(?:\s+|$)")  # kramdown's definition marker (`: + Ann Lee -- Talk`)


@register("text_document")
class TextDocument:
    version = "1"
    priority = 60

    def matches(self, path: Path, head: bytes) -> bool:
        if path.suffix.lower() not in TEXT_SUFFIXES or b"\x00" in head[:4096]:
            return False
        return bool(head.strip())

    def extract(self, path: Path) -> Extraction:
        try:
            text = decode_text(path.read_bytes())
        except OSError as e:
            raise ExtractionError(path, f"cannot read file ({e.strerror or e})") from e
        lines = without_comments(text).splitlines()
        title, front = "", []
        end = front_matter_end(lines)
        if end:  # the YAML (`---`) or TOML (`+++`) front matter of a web page
            title = front_matter_title(lines[1:end])
            if lines[0].strip() == "---":
                front = _front_matter_records(path, "\n".join(lines[1:end]), title)
            lines = lines[end + 1:]
        page = _html_page(lines)
        if page is not None:  # a page written in HTML blocks: the HTML reader, its structure kept
            return _read_as_html(path, page, title, front)
        blocks: list[Block] = list(front)
        trail: list[tuple[int, str]] = []  # the headings above, outermost first
        section, in_item, items = "", False, {}
        lines = _headerless_rows(lines)
        tables = markdown_tables(lines)
        for i, raw in enumerate(lines):
            if i in tables:
                blocks.extend(_table(path, tables[i], title, [t for _, t in trail]))
                continue
            if _in_table(i, tables, lines):
                continue
            line = DEFINITION_RE.sub("", raw.strip())
            if not line or SETEXT_RE.match(line) or REFDEF_RE.match(raw):
                in_item = in_item and bool(raw.strip())
                continue
            if in_item and raw[:1].isspace() and not BULLET_RE.match(line) and blocks and (
                    not blocks[-1].is_record and blocks[-1].role_hint != "heading"):
                # a list item's wrapped line (`+ Ann Lee -- A Title That Goes On` / `  And On`)
                blocks[-1] = replace(blocks[-1], text=f"{blocks[-1].text} {_plain(line)}")
                continue
            in_item = bool(BULLET_RE.match(line))
            following = lines[i + 1].strip() if i + 1 < len(lines) else ""
            heading = HEADING_RE.match(line)
            if heading or (SETEXT_RE.match(following) and len(line) < 100):
                level = len(heading.group(1)) if heading else 1 if following[:1] == "=" else 2
                section = _plain(html.unescape(heading.group(2) if heading else line))
                trail = [(lv, t) for lv, t in trail if lv < level]
                # `## Keynote Speakers` / `### Ann Lee (Acme)`: one person per heading
                blocks.extend(heading_person(section, [c for c in path_context(path) + [
                    title] + [t for _, t in trail] if c]))
                trail.append((level, section))
                blocks.append(Block(text=section, section=section, role_hint="heading"))
                continue
            context = [c for c in path_context(path) + [title] + [t for _, t in trail] if c]
            for part, was in inline_html(line):
                if was == "alt" and (logo := _logo(path, part, context, section)):
                    blocks.extend(logo)
                    continue
                if not was and (awarded := award_label_blocks(part, context, source="award-label")):
                    blocks.extend(awarded)  # `* **Best Paper**: Ann Lee and Bo Chen. Title.`
                    continue
                if not was and (marked := presenter_blocks(part, context, source="presenter")):
                    blocks.extend(marked)  # `Ann Lee\*, Bo Chen. Title.`: Ann Lee presents
                    continue
                bold = BOLD_RE.match(part)
                content = _plain(bold.group("text") if bold else BULLET_RE.sub("", part))
                bold = bool(bold) or was == "bold"
                if content:
                    if not bold:  # a line of a list of people, maybe (extractors/role_lists.py)
                        items[len(blocks)] = (context, bool(BULLET_RE.match(part)))
                    elif _role_label(content):  # `**Posters Chairs**` over the names below it
                        trail = [(lv, t) for lv, t in trail if lv < 7] + [(7, content)]
                    blocks.append(Block(text=content, section=section,
                                        role_hint="bold" if bold else "", bold=bold))
        blocks = with_heading_orgs(_role_lists(blocks, items))
        blocks = with_index_records(join_label_blocks(_without_record_headings(blocks)),
                                    source="text")
        return Extraction(blocks, status="ok" if blocks else "empty",
                          message="" if blocks else "no text")


_TABLE_ROW_RE = re.compile(r"^\s*\|.*\|")  # the closing pipe is optional
_TABLE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _table(path: Path, rows: list[dict], title: str, headings: list[str]) -> list[Block]:
    """A table's rows as records: the walker types its columns by their headers, with the page
    title and the headings above it as context (on a sponsor page, the nearest is the tier of
    the sponsors under it); a header-less one-column table is one card."""
    context = [c for c in path_context(path) + [title, *headings] if c]
    section = headings[-1] if headings else ""
    card = card_record(rows)
    return table_blocks([card] if card else rows, context=context, source="markdown-table",
                        tier=heading_tier(section, context))


def _logo(path: Path, alt: str, context: list[str], section: str) -> list[Block]:
    """A logo's alt text under a sponsor or exhibitor heading: that organization's record
    (in the heading's tier); [] elsewhere (a speaker's photo names the speaker, read as text)."""
    if context_role(section) not in ("sponsor", "exhibitor"):
        return []
    return table_blocks([{"name": alt}], context=context, source="markdown-logo",
                        tier=heading_tier(section, context))


def _front_matter_records(path: Path, text: str, title: str) -> list[Block]:
    """Records in a page's YAML front matter (`schedule: [{speaker: ..., title: ...}]`, as
    static sites keep a page's data), read by the tree walker; scalars alone give none."""
    import yaml

    try:
        data = yaml.safe_load(text)
    except (yaml.YAMLError, RecursionError):
        return []
    if not isinstance(data, dict) or not any(isinstance(v, list | dict) for v in data.values()):
        return []
    context = [c for c in path_context(path) + [title] if c]
    return blocks_from_tree(data, context=context, source="front-matter")[0]


def markdown_tables(lines: list[str]) -> dict[int, list[dict]]:
    """Pipe tables: {index of the header line: rows as {header: cell}}.

    >>> markdown_tables(["| Year | Recipient |", "|---|---|", "| 2024 | [Ann Lee](/a) |"])
    {0: [{'Year': '2024', 'Recipient': 'Ann Lee'}]}
    """
    out: dict[int, list[dict]] = {}
    i = 0
    while i + 1 < len(lines):
        if _TABLE_ROW_RE.match(lines[i]) and _TABLE_RULE_RE.match(lines[i + 1]):
            header = _cells(lines[i])
            rows, j = [], i + 2
            while j < len(lines) and _TABLE_ROW_RE.match(lines[j]):
                cells = _cells(lines[j])
                rows.append(dict(zip(header, cells, strict=False)))
                j += 1
            out[i] = rows
            i = j
            continue
        i += 1
    return out


def _cells(line: str) -> list[str]:
    # a `<br>` inside a cell parts its items (`Ann Lee (Acme)<br>Bo Chen (Globex)`)
    return [_plain(html.unescape(_CELL_BREAK_RE.sub("; ", cell)))
            for cell in line.strip().strip("|").split("|")]


_CELL_BREAK_RE = re.compile(r"\s*<br\s*/?>\s*", re.I)


def _in_table(i: int, tables: dict, lines: list[str]) -> bool:
    return any(start < i <= start + 1 + len(rows) for start, rows in tables.items())


# Emphasis by one asterisk or underscore around words (`*Lund University*`), not a
# presenter's mark after a name (`Ann Lee*`) or a snake_case word.
EMPHASIS_RE = re.compile(r"(?<![\w*])\*(?![\s*])(?P<a>[^*\n]+?)(?<![\s*])\*(?![\w*])|"
                         r"(?<![\w_])_(?![\s_])(?P<b>[^_\n]+?)(?<![\s_])_(?![\w_])")


def _plain(text: str) -> str:
    """A line's text without its Markdown markup.

    >>> _plain("Ann Lee, *Lund University*"), _plain("Ann Lee*, Bo Chen*"), _plain("[Bo](/b)")
    ('Ann Lee, Lund University', 'Ann Lee*, Bo Chen*', 'Bo')
    """
    text = MARKUP_RE.sub(lambda m: m.group("label") or "", text)
    # an organization set in italics loses them; a title keeps its marks, which set it apart
    # from its people (extractors/role_lists.py)
    return " ".join(EMPHASIS_RE.sub(lambda m: (m.group("a") or m.group("b")) if looks_like_org(
        m.group("a") or m.group("b")) else m.group(0), text).split())


def _read_as_html(path: Path, page: str, title: str, front: list[Block]) -> Extraction:
    from extractors.html_page import read_html

    read = read_html(path, page.encode("utf-8"), title=title)
    blocks = list(front) + read.blocks
    return Extraction(blocks, event=read.event, year=read.year,
                      status="ok" if blocks else "empty", message="" if blocks else "no text")


HTML_BLOCK_RE = re.compile(r"^\s*</?(?:div|section|article|h[1-6]|p|ul|ol|li|table|thead|tbody|tr|"
                           r"td|th|dl|dt|dd|center|blockquote|figure|span)\b[^>]*>", re.I)


def _html_page(lines: list[str]) -> str | None:
    """A Markdown page written mostly in HTML blocks (a static site's page of `<div>`,
    `<h3>`, `<table>`) as one HTML document, its few Markdown headings, bold lines and
    paragraphs turned into their HTML; None for a page of Markdown (its HTML is inline).

    >>> _html_page(["<div>", "<h3>Chairs</h3>", "<p>Ann Lee</p>", "</div>", "# Team"]).split()[-3:]
    ['</div>', '<h1>Team</h1>', '</body></html>']
    >>> _html_page(["# Chairs", "* Ann Lee", "<b>Bo Chen</b>"]) is None
    True
    """
    content = [line for line in lines if line.strip()]
    blocks = sum(bool(HTML_BLOCK_RE.match(line)) for line in content)
    if blocks < 3 or blocks * 2 < len(content):
        return None
    out = []
    for line in lines:
        heading = HEADING_RE.match(line.strip())
        bold = BOLD_RE.match(line.strip())
        if heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{html.escape(_plain(heading.group(2)))}</h{level}>")
        elif bold:
            out.append(f"<p><b>{html.escape(bold.group('text'))}</b></p>")
        elif line.strip() and not line.lstrip().startswith("<"):
            out.append(f"<p>{_plain(line)}</p>")
        else:
            out.append(line)
    return "<html><body>\n" + "\n".join(out) + "\n</body></html>"


def _headerless_rows(lines: list[str]) -> list[str]:
    """`lines` with each table of two columns or more whose header is empty (`| | |` over
    `|---|---|`) as plain lines,
    a row's cells joined by commas (`Grace Hooper, Stanford University`): a layout table, no
    columns to type, its rows read as the page's lines; the header and rule lines blank. (A
    header-less table of one column is a card: `card_record`.)

    >>> _headerless_rows(["| | |", "|---|---|", "| Ann Lee | MIT |", "after"])
    ['', '', 'Ann Lee, MIT', 'after']
    """
    out = list(lines)
    i = 0
    while i + 1 < len(out):
        header = out[i].strip().strip("|").split("|")
        if _TABLE_ROW_RE.match(out[i]) and _TABLE_RULE_RE.match(out[i + 1]) and len(
                header) >= 2 and not any(c.strip() for c in header):
            out[i] = out[i + 1] = ""
            j = i + 2
            while j < len(out) and _TABLE_ROW_RE.match(out[j]):
                cells = [c.strip() for c in out[j].strip().strip("|").split("|")]
                out[j] = ", ".join(c for c in cells if c)
                j += 1
            i = j
            continue
        i += 1
    return out


def _role_label(text: str) -> bool:
    """A bold line that names a role of the people below it (`Program Chairs`), no person."""
    return len(text.split()) <= 6 and bool(context_role(text)) and not looks_like_name(text)


def _role_lists(blocks: list[Block], items: dict[int, tuple[list[str], bool]]) -> list[Block]:
    """Blocks with each run of list items (or of plain lines) under one heading that names a
    role of people (`# Local Organization Team`, `### Officers`, `## Fellows` / `### 2023`)
    read as records in that role; `items` gives each line's context, its nearest heading
    last, and whether it is a list item."""
    return runs_as_records(
        blocks, items.get,
        lambda i: (items[i][0][:-1], items[i][0][-1]) if items.get(i) and items[i][0] else None)


def _without_record_headings(blocks: list[Block]) -> list[Block]:
    """Blocks without the headings over records alone (`# Patronage` over a sponsor's card):
    the records carry what the heading says (their tier, role, year), and the heading read as
    a line would name a sponsor called `Patronage`."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if block.role_hint == "heading":
            under = []
            for later in blocks[i + 1:]:
                if later.role_hint == "heading":
                    break
                under.append(later)
            if under and all(b.is_record for b in under):
                continue
        out.append(block)
    return out


def join_label_blocks(blocks: list):
    """Join a short label paragraph (`Panelists:`) to the paragraph after it.

    Formats without coordinates (Word, Markdown, plain text) print a label and its names as two
    paragraphs; a PDF's layout would have stacked them into one block.
    """
    out = []
    for block in blocks:
        previous = out[-1] if out else None
        if (previous is not None and previous.text.endswith(":") and len(previous.text) <= 40
                and previous.role_hint != "heading" and block.role_hint != "heading"
                and not previous.is_record and not block.is_record):
            out[-1] = replace(previous, text=f"{previous.text}\n{block.text}",
                              role_hint=block.role_hint, bold=block.bold)
            continue
        out.append(block)
    return out
