"""The commands over the tables `mentor-miner run` wrote: shortlist, vendors, show, graph,
report (registered on the group of :mod:`pipeline.cli`)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli_options import (
    OUT_DEFAULT,
    OUTREACH_DEFAULT,
    UsageMistake,
    check_out_file,
    default_overrides,
    say,
)
from pipeline.views.summary import plural

MENTOR_TYPES = ("recognized", "vendor/consultant", "profession-focused", "industry-focused")
MENTOR_TYPE_CHOICES = (*MENTOR_TYPES, "vendor", "consultant", "profession", "industry")
SUPPRESS_DEFAULT = Path("data/overrides/suppress.csv")

_processed_option = click.option(
    "--processed", "-i", "processed_dir", default=OUT_DEFAULT, show_default=True,
    type=click.Path(path_type=Path, file_okay=False, exists=True),
    help="Folder `mentor-miner run` wrote.")

_suppress_option = click.option(
    "--suppress", "suppress_path", default=None,
    type=click.Path(path_type=Path, dir_okay=False),
    help="Leave-me-out list (person_id or name, optional reason): these people are never "
         "listed [default: data/overrides/suppress.csv].")


def _suppress_path(path: Path | None) -> Path | None:
    """--suppress FILE must exist; without it, data/overrides/suppress.csv when it exists."""
    if path is not None and not path.is_file():
        raise UsageMistake(f"--suppress: {path} not found; give the leave-me-out CSV "
                           "(columns person_id or name, optional reason).")
    return path or (SUPPRESS_DEFAULT if SUPPRESS_DEFAULT.is_file() else None)


def _say_suppressed(table) -> None:
    from pipeline.views.console import suppressed_line

    line = suppressed_line(table)
    if line:
        say(line)


@click.command()
@_processed_option
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV to write [default: print the top rows].")
@click.option("--association", "-a", multiple=True,
              help="Only this association (repeatable); one not in the data is an error "
                   "that lists the known ones.")
@click.option("--since", type=int, default=None, help="Only appearances from this year on.")
@click.option("--role", multiple=True, type=click.Choice(
    ["keynote", "speaker", "panelist", "moderator", "chair", "organizer", "committee", "board",
     "award_recipient"]), help="Only people who held this role (repeatable).")
@click.option("--min-events", type=int, default=0, show_default=True,
              help="Only people at this many distinct events (programs) or more; award years "
                   "are honours, not events.")
@click.option("--top", "-n", type=int, default=None, help="Keep the best N.")
@click.option("--exclude-org", multiple=True,
              help="Drop people whose current organization is this one: its name, any "
                   "printed variant or an alias in data/overrides/aliases.csv, whole ('Acme "
                   "Labs Boston' drops Acme Labs Boston, not every Acme Labs office). "
                   "Repeatable.")
@click.option("--exclude-org-prefix", multiple=True,
              help="Drop people whose current organization's name or a variant starts with "
                   "these whole words ('University of California' drops every campus).")
@click.option("--topic", default=None,
              help='Only people whose own sessions, awards or titles match one of these '
                   'comma-separated phrases ("machine learning, careers"), boosted by how '
                   "often; `why` starts with what matched.")
@click.option("--mentor-type", multiple=True, type=click.Choice(MENTOR_TYPE_CHOICES),
              help="Only this mentor type (repeatable; vendor = vendor/consultant).")
@click.option("--status", multiple=True,
              help="Only this outreach status (repeatable; `none` = not in outreach.csv).")
@click.option("--outreach", "outreach_path", default=None,
              type=click.Path(path_type=Path, dir_okay=False),
              help="Your follow-up notes [default: data/overrides/outreach.csv].")
@_suppress_option
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
def shortlist(processed_dir: Path, out_path: Path | None, association: tuple[str, ...],
              since: int | None, role: tuple[str, ...], min_events: int, top: int | None,
              exclude_org: tuple[str, ...], exclude_org_prefix: tuple[str, ...],
              topic: str | None, mentor_type: tuple[str, ...], status: tuple[str, ...],
              outreach_path: Path | None, suppress_path: Path | None,
              weights: Path | None) -> None:
    """Rank the processed tables again with filters and write a shortlist CSV.

    \b
    Example:
      mentor-miner shortlist --association sigcse --since 2016 --top 50 -o sigcse.csv
    """
    from pipeline.errors import MentorMinerError, UnknownFilterValue
    from pipeline.run.outputs import write_table
    from pipeline.run.runner import shortlist_from_processed
    from pipeline.stages.shortlist import Filters
    from pipeline.views.console import shortlist_lines

    if out_path is not None:
        check_out_file(out_path, "--out")
    filters = Filters(association=association, since=since, role=role, min_events=min_events,
                      top=top, exclude_org=exclude_org, exclude_org_prefix=exclude_org_prefix,
                      mentor_type=mentor_type, status=status, topic=topic)
    try:
        if exclude_org or exclude_org_prefix:  # your aliases.csv names count as the org's
            from dataclasses import replace

            from pipeline.userfiles.overrides import load_overrides

            aliases = load_overrides(default_overrides()).aliases
            filters = replace(filters, org_aliases=tuple(aliases.items()))
        table = shortlist_from_processed(processed_dir, filters=filters, weights_path=weights,
                                         outreach_path=outreach_path or OUTREACH_DEFAULT,
                                         suppress_path=_suppress_path(suppress_path))
        if out_path is not None:
            write_table(table, out_path)
    except UnknownFilterValue as e:  # a value the tables do not hold: exit 2, like --role's
        raise UsageMistake(str(e)) from e
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    if out_path is None:  # the top rows are the answer; with -o the file is
        for line in shortlist_lines(table):
            say(line)
    _say_suppressed(table)
    say(plural(len(table), "candidate") + (f" written to {out_path}" if out_path else ""))


@click.command()
@_processed_option
@click.option("--out", "-o", "out_path", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="CSV to write [default: print them].")
@click.option("--top", "-n", type=int, default=None, help="Keep the best N.")
@_suppress_option
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding ranking weights.")
def vendors(processed_dir: Path, out_path: Path | None, top: int | None,
            suppress_path: Path | None, weights: Path | None) -> None:
    """List the people who represent sponsors, exhibitors and consultancies, best first,
    with their organization's sponsor tiers and years.

    \b
    Example:
      mentor-miner vendors --top 20
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.outputs import read_processed, write_table
    from pipeline.run.runner import shortlist_from_processed
    from pipeline.stages.vendors import vendor_people
    from pipeline.views.console import vendor_lines

    if out_path is not None:
        check_out_file(out_path, "--out")
    try:
        table = shortlist_from_processed(processed_dir, weights_path=weights,
                                         suppress_path=_suppress_path(suppress_path))
        tables = read_processed(processed_dir)
        people = vendor_people(table, tables["appearances"], tables["organizations"])
        if top:
            people = people.head(top)
        if out_path is not None:
            write_table(people, out_path)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    if out_path is None:
        for line in vendor_lines(people):
            say(line)
    _say_suppressed(table)
    say(f"{len(people)} {'person' if len(people) == 1 else 'people'} at vendors"
        + (f" written to {out_path}" if out_path else ""))


@click.command()
@click.argument("name")
@_processed_option
@_suppress_option
def show(name: str, processed_dir: Path, suppress_path: Path | None) -> None:
    """Print a person's timeline with evidence, organizations and co-speakers.

    \b
    Example:
      mentor-miner show "Samuel Osei"
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.outputs import read_processed
    from pipeline.userfiles.suppress import read_suppress
    from pipeline.views.show import person_report

    try:
        tables = read_processed(processed_dir)
        say(person_report(name, tables["appearances"], tables["people"],
                          tables["organizations"],
                          suppress=read_suppress(_suppress_path(suppress_path))))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e


@click.command()
@_processed_option
@click.option("--format", "fmt", type=click.Choice(["graphml", "gexf"]), default="graphml",
              show_default=True, help="File format (Gephi, Cytoscape and yEd read both).")
@click.option("--out", "-o", "out_path", required=True,
              type=click.Path(path_type=Path, dir_okay=False), help="File to write.")
@click.option("--weights", type=click.Path(path_type=Path, dir_okay=False, exists=True),
              help="YAML file overriding role weights (edge `weight`).")
def graph(processed_dir: Path, fmt: str, out_path: Path, weights: Path | None) -> None:
    """Write the people–organization–event–association–award graph.

    \b
    Example:
      mentor-miner graph --format gexf --out mentors.gexf
    """
    from pipeline.errors import MentorMinerError
    from pipeline.run.outputs import write_graph

    check_out_file(out_path, "--out")
    try:
        nodes, edges = write_graph(processed_dir, out_path, fmt=fmt, weights_path=weights)
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    say(f"{nodes} nodes, {edges} edges written to {out_path}")


@click.command()
@_processed_option
@click.option("--out", "-o", "out_path", default=Path("report.html"), show_default=True,
              type=click.Path(path_type=Path, dir_okay=False), help="HTML file to write.")
@click.option("--top", type=int, default=1000, show_default=True,
              help="Shortlist rows in the table.")
@click.option("--timelines", type=int, default=8, show_default=True,
              help="Top people who get a timeline chart.")
@_suppress_option
def report(processed_dir: Path, out_path: Path, top: int, timelines: int,
           suppress_path: Path | None) -> None:
    """Write one self-contained HTML report: shortlist, timelines, network, vendors, quality.

    \b
    Example:
      mentor-miner report --processed results/ --out report.html
    """
    from pipeline.errors import MentorMinerError
    from pipeline.views.report import write_report

    check_out_file(out_path, "--out")
    try:
        rows = write_report(processed_dir, out_path, top_rows=top, top_timelines=timelines,
                            suppress_path=_suppress_path(suppress_path))
    except MentorMinerError as e:
        raise click.ClickException(str(e)) from e
    say(f"report of {plural(rows, 'candidate')} written to {out_path}")
