"""Report: one self-contained HTML page of the processed tables (no network access needed)."""

from __future__ import annotations

import base64
import html
import io
import logging
from pathlib import Path

import pandas as pd

from pipeline.run.store import write_text
from pipeline.views import explore

logger = logging.getLogger(__name__)

TOP_ROWS = 1000
TOP_TIMELINES = 8
NETWORK_PEOPLE = 30
SHORTLIST_SHOWN = ("rank", "name", "organization", "title", "mentor_type", "type_rank", "score",
                   "n_events", "n_associations", "years", "roles", "why")
NUMERIC_COLUMNS = {"rank", "score", "n_events", "n_associations", "n_appearances", "pages",
                   "appearances", "pages_without_text", "per_page", "year", "vendor_rank",
                   "type_rank"}
PER_TYPE = 10  # people of each mentor type side by side (issue 21)
VENDOR_PEOPLE = 25
# The order a coach reads them in (as the run's summary).
TYPE_ORDER = ("industry-focused", "profession-focused", "vendor/consultant", "recognized")

CSS = """
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d1d1f;
background:#f6f7f9}
header{background:#23395d;color:#fff;padding:18px 32px}
header h1{margin:0 0 4px;font-size:22px}
header p{margin:0;opacity:.85}
main{padding:8px 32px 40px;max-width:1400px}
section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:14px 18px;margin:16px 0}
h2{font-size:17px;margin:4px 0 10px}
.note{color:#555;margin:0 0 10px}
.stats{display:flex;gap:14px;flex-wrap:wrap}
.stat{background:#eef2f8;border-radius:6px;padding:8px 14px}
.stat b{display:block;font-size:20px}
.scroll{overflow:auto;max-height:520px}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{border-bottom:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f0f2f5;position:sticky;top:0}
th.sortable{cursor:pointer;user-select:none;white-space:nowrap}
th.sortable::after{content:" \\2195";color:#999}
th[aria-sort=ascending]::after{content:" \\2191";color:#23395d}
th[aria-sort=descending]::after{content:" \\2193";color:#23395d}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.bad td{background:#fff1f0}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(560px,1fr));gap:14px}
.types{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:14px}
.card{border:1px solid #e5e7eb;border-radius:6px;padding:8px 10px}
.card h3{margin:0;font-size:14px}
.card p{margin:2px 0;color:#555;font-size:12px}
img{max-width:100%;height:auto}
td.c-why{min-width:340px}td.c-roles,td.c-people,td.c-associations{min-width:170px}
td.c-years{white-space:nowrap}
"""

# Sorts a table when a header is clicked: numbers as numbers (data-v holds the raw value),
# text with localeCompare; a second click reverses.
SCRIPT = """
(function(){
  function key(cell, numeric){
    var v = cell.getAttribute('data-v');
    if (v === null) v = cell.textContent;
    if (!numeric) return v.toLowerCase();
    var n = parseFloat(v);
    return isNaN(n) ? Infinity : n;
  }
  document.querySelectorAll('table.sortable').forEach(function(table){
    var heads = table.querySelectorAll('th');
    heads.forEach(function(th, i){
      th.classList.add('sortable');
      th.addEventListener('click', function(){
        var numeric = th.getAttribute('data-type') === 'num';
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        heads.forEach(function(h){ h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function(a, b){
          var x = key(a.cells[i], numeric), y = key(b.cells[i], numeric);
          var c = numeric ? (x < y ? -1 : x > y ? 1 : 0) : String(x).localeCompare(String(y));
          return ascending ? c : -c;
        });
        rows.forEach(function(r){ body.appendChild(r); });
      });
    });
  });
})();
"""


def _esc(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def _numeric(column: str) -> bool:
    return column in NUMERIC_COLUMNS or column.startswith("score")


def _cell(column: str, value: object) -> str:
    if _numeric(column):
        number = pd.to_numeric(pd.Series([value]), errors="coerce").iloc[0]
        if pd.isna(number):
            return '<td class="num" data-v=""></td>'
        if column.startswith("score"):
            shown = f"{number:.3f}"
        elif number == int(number):
            shown = str(int(number))
        else:
            shown = f"{number:.2f}"
        return f'<td class="num" data-v="{float(number)!r}">{_esc(shown)}</td>'
    return f'<td class="c-{_esc(column)}">{_esc(value)}</td>'


def html_table(table: pd.DataFrame, columns: list[str] | tuple[str, ...], *, table_id: str,
               sortable: bool = True, row_class=None) -> str:
    """`table[columns]` as an escaped HTML table; `row_class(row)` may mark a row."""
    columns = [c for c in columns if c in table.columns]
    num = ' data-type="num"'
    heads = "".join(f'<th scope="col"{num if _numeric(c) else ""}>'
                    f"{_esc(c.replace('_', ' '))}</th>" for c in columns)
    rows = []
    for _, row in table.iterrows():
        klass = row_class(row) if row_class else ""
        cells = "".join(_cell(c, row[c]) for c in columns)
        rows.append(f'<tr class="{_esc(klass)}">{cells}</tr>' if klass else f"<tr>{cells}</tr>")
    klass = ' class="sortable"' if sortable else ""
    return (f'<table id="{table_id}"{klass}><thead><tr>{heads}</tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table>")


def figure_uri(figure) -> str:
    """A matplotlib figure as a `data:` SVG URI (an <img> cannot run scripts or clash ids)."""
    import matplotlib
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "mentor-miner"}):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _img(figure, alt: str) -> str:
    return f'<img src="{figure_uri(figure)}" alt="{_esc(alt)}">'


def _timelines(tables: dict[str, pd.DataFrame], top: int) -> str:
    import matplotlib.pyplot as plt

    appearances, shortlist = tables["appearances"], tables["shortlist"]
    paths = explore.role_trajectories(appearances).set_index("person_id")["path"]
    cards = []
    for row in shortlist.head(top).itertuples(index=False):
        timeline = explore.person_timeline(appearances, row.person_id)
        rungs = max(timeline["role"].nunique(), 1)
        figure, ax = plt.subplots(figsize=(6.4, 0.9 + 0.38 * rungs))
        explore.plot_timeline(ax, timeline)
        figure.tight_layout()
        who = ", ".join(x for x in (row.title, row.organization) if x)
        cards.append(
            f'<div class="card"><h3>{_esc(row.rank)}. {_esc(row.name)}</h3>'
            f"<p>{_esc(who)}</p><p>{_esc(paths.get(row.person_id, ''))}</p>"
            f"{_img(figure, f'Timeline of {row.name}')}</div>")
    return f'<div class="grid">{"".join(cards)}</div>'


def _network(tables: dict[str, pd.DataFrame], people: int) -> str:
    import matplotlib.pyplot as plt

    ids = list(tables["shortlist"]["person_id"].head(people))
    graph = explore.network_graph(tables["appearances"], tables["people"], person_ids=ids,
                                  min_org_degree=2)
    figure, ax = plt.subplots(figsize=(11, 8))
    explore.plot_network(ax, graph)
    figure.tight_layout()
    return _img(figure, f"Network of the top {len(ids)} people")


def _stats(summary: dict, tables: dict[str, pd.DataFrame]) -> str:
    items = [("documents", summary["documents"]), ("failed", summary["errors"]),
             ("pages", summary["pages"]), ("appearances", summary["appearances"]),
             ("people", len(tables["people"])), ("organizations", len(tables["organizations"]))]
    return '<div class="stats">' + "".join(
        f'<div class="stat"><b>{_esc(v)}</b>{_esc(k)}</div>' for k, v in items) + "</div>"


def _without(tables: dict[str, pd.DataFrame], hidden: set[str]) -> dict[str, pd.DataFrame]:
    """`tables` without the people of the leave-me-out list: no shortlist row, no person row,
    no appearance as a person (an organization's sponsor rows stay), and the vendors'
    `people` lists recounted without them."""
    if not hidden:
        return tables
    out = dict(tables)
    out["shortlist"] = tables["shortlist"][~tables["shortlist"]["person_id"].isin(hidden)]
    out["people"] = tables["people"][~tables["people"]["person_id"].isin(hidden)]
    out["appearances"] = tables["appearances"][
        ~tables["appearances"]["person_id"].isin(hidden)]
    out["organizations"] = tables["organizations"].drop(columns=["people"], errors="ignore")
    return out


def _by_type(shortlist: pd.DataFrame, per_type: int) -> str:
    """The best `per_type` of each mentor type, side by side."""
    if shortlist.empty:
        return '<p class="note">Nobody was found.</p>'
    table = shortlist.copy()
    if "type_rank" not in table.columns:
        table["type_rank"] = table.groupby("mentor_type", sort=False).cumcount() + 1
    kinds = [k for k in TYPE_ORDER if k in set(table["mentor_type"])]
    kinds += sorted(set(table["mentor_type"]) - set(kinds))
    cards = []
    for kind in kinds:
        people = table[table["mentor_type"] == kind]
        cards.append(
            f'<div class="card"><h3>{_esc(kind)} ({len(people)})</h3>'
            + html_table(people.head(per_type), ["type_rank", "name", "organization",
                                                 "n_events", "rank", "why"],
                         table_id=f"type-{_esc(kind.replace('/', '-'))}", sortable=False)
            + "</div>")
    return f'<div class="types">{"".join(cards)}</div>'


def _network_section(network: str, bridges: pd.DataFrame, network_people: int) -> str:
    """The network picture of the top people and the table of bridges between associations."""
    return (
        "<section><h2>Network</h2>"
        f'<p class="note">The top {network_people} people (circles, coloured by community), the '
        "events they appeared at (squares) and the organizations linked to two or more of them "
        "(triangles). People between the clusters are the bridges between associations.</p>"
        + network
        + "<h3>Bridges between associations</h3>"
        + html_table(bridges.head(25), ["name", "organization", "n_associations",
                                        "associations", "n_events", "roles"],
                     table_id="bridges")
        + "</section>"
    )


def _vendors_section(vendors: pd.DataFrame, at_vendors: pd.DataFrame) -> str:
    """The top vendors and sponsors, and the best `VENDOR_PEOPLE` people at them."""
    return (
        "<section><h2>Top vendors and sponsors</h2>"
        '<p class="note">Sponsors, exhibitors, consultancies and firms that serve these '
        "associations, with the people who appeared for them.</p>"
        + html_table(vendors, ["name", "kind", "n_events", "n_appearances", "roles", "tiers",
                               "people"], table_id="vendors")
        + f"<h3>People at vendors (the best {VENDOR_PEOPLE})</h3>"
        '<p class="note">Who represents a sponsor, exhibitor or consultancy, best first, with '
        "the organization's sponsor tiers and the years it sponsored or exhibited "
        "(<code>mentor-miner vendors</code> lists them all).</p>"
        + html_table(at_vendors.head(VENDOR_PEOPLE),
                     ["rank", "name", "organization", "mentor_type", "org_roles", "tiers",
                      "org_years", "n_events", "why"], table_id="vendor-people")
        + "</section>"
    )


def _quality_section(quality: pd.DataFrame, summary: dict) -> str:
    """Extraction quality per document, failed rows tinted."""
    return (
        "<section><h2>Extraction quality</h2>"
        f'<p class="note">{summary["errors"]} of {summary["documents"]} documents failed and '
        f"{summary['scanned_or_empty']} were scanned or empty; {summary['pages_without_text']} "
        f"of {summary['pages']} pages yielded no appearance. Failed rows are tinted.</p>"
        '<div class="scroll">'
        + html_table(quality, ["source_path", "association", "year", "kind", "status", "pages",
                               "pages_without_text", "appearances", "per_page", "message"],
                     table_id="quality",
                     row_class=lambda r: "bad" if r["status"] in ("error", "scanned", "empty")
                     else "")
        + "</div></section>"
    )


def build_report(tables: dict[str, pd.DataFrame], *, title: str = "mentor-miner report",
                 top_rows: int = TOP_ROWS, top_timelines: int = TOP_TIMELINES,
                 network_people: int = NETWORK_PEOPLE, per_type: int = PER_TYPE,
                 suppress: pd.DataFrame | None = None) -> str:
    """The whole report as one HTML string: every text escaped, every picture inline.

    People `suppress` names (the leave-me-out list) appear nowhere in it; the page says how
    many were left out.
    """
    import matplotlib

    from pipeline.stages.notes import suppressed_ids
    from pipeline.stages.vendors import vendor_people

    matplotlib.use("Agg")  # no display needed, and no window pops up from the CLI
    hidden = suppressed_ids(tables["people"], suppress)
    tables = _without(tables, hidden)
    shortlist = tables["shortlist"]
    quality = explore.extraction_quality(tables["documents"], tables["appearances"])
    summary = explore.quality_summary(quality)
    vendors = explore.top_vendors(tables["organizations"], tables["appearances"])
    bridges = explore.association_bridges(tables["appearances"], tables["people"])
    at_vendors = vendor_people(shortlist, tables["appearances"], tables["organizations"]) \
        if {"mentor_type", "person_id"} <= set(shortlist.columns) else pd.DataFrame()
    left_out = (f" {len(hidden)} {'person' if len(hidden) == 1 else 'people'} on the "
                "leave-me-out list are not shown." if hidden else "")
    shown = shortlist.head(top_rows)
    extra = [c for c in shortlist.columns if c.startswith("score_")]
    count = (f"all {len(shown)}" if len(shown) == len(shortlist)
             else f"the first {len(shown)} of {len(shortlist)}")
    with matplotlib.rc_context({"text.parse_math": False}):
        timelines = _timelines(tables, top_timelines)
        network = _network(tables, network_people)
    sections = [
        f"<section><h2>At a glance</h2>{_stats(summary, tables)}"
        + (f'<p class="note">{_esc(left_out.strip())}</p>' if left_out else "")
        + "</section>",
        "<section><h2>Best of each mentor type</h2>"
        f'<p class="note">The best {per_type} of each mentor type side by side: '
        "industry-focused, profession-focused, vendor/consultant (people at sponsors, "
        "exhibitors and consultancies: they know who is hiring) and recognized (award "
        "recipients, board members). <em>type rank</em> is the rank within the type, "
        "<em>rank</em> in the whole shortlist.</p>" + _by_type(shortlist, per_type)
        + "</section>",
        "<section><h2>Shortlist</h2>"
        f'<p class="note">Candidate mentors, best first ({count}). Click a column heading to '
        "sort; click again to reverse. The <em>score</em> is the weighted sum of the "
        "<em>score_*</em> components; <em>why</em> says what earned it.</p>"
        '<div class="scroll">'
        + html_table(shown, [*SHORTLIST_SHOWN, *extra], table_id="shortlist")
        + "</div></section>",
        f"<section><h2>Timelines of the top {min(top_timelines, len(shortlist))}</h2>"
        '<p class="note">Each dot is a role held at an association\'s event in a year; bigger '
        "dots stand for more appearances. The line under a name is the path up the ladder "
        "panelist → chair → keynote → award.</p>" + timelines + "</section>",
        _network_section(network, bridges, network_people),
        _vendors_section(vendors, at_vendors),
        _quality_section(quality, summary),
    ]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        # Nothing may load from the network: inline styles and script, data: images only.
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>"
        f"<header><h1>{_esc(title)}</h1><p>Who shows up again and again: "
        f"{len(shortlist)} candidate mentors from {summary['documents']} documents."
        f"{_esc(left_out)}</p></header>"
        f"<main>{''.join(sections)}</main><script>{SCRIPT}</script></body></html>\n"
    )


def write_report(processed_dir: Path, out_path: Path, *, suppress_path: Path | None = None,
                 **options) -> int:
    """Read `processed_dir`, write the report to `out_path` atomically, leaving out the people
    of the leave-me-out list at `suppress_path`; rows in the report's shortlist."""
    from pipeline.stages.notes import suppressed_ids
    from pipeline.userfiles.suppress import read_suppress

    tables = explore.load_tables(processed_dir)
    suppress = read_suppress(suppress_path)
    write_text(build_report(tables, suppress=suppress, **options), Path(out_path))
    hidden = suppressed_ids(tables["people"], suppress)
    rows = int((~tables["shortlist"]["person_id"].isin(hidden)).sum())
    logger.info("report: %d shortlist rows written to %s", rows, out_path)
    return rows
