"""CLI: every command has help; shortlist, show and graph on a processed folder; outreach."""

from __future__ import annotations

from pathlib import Path

import click
import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner
from ranking_data import resolved

from pipeline.cli import cli
from pipeline.run.outputs import write_outputs
from pipeline.run.uptodate import stamp_path
from pipeline.stages.graph import build_graph
from pipeline.stages.rank import rank_people
from pipeline.stages.shortlist import build_shortlist
from pipeline.tables import GRAPH_NODE_TYPES
from pipeline.userfiles.weights import default_weights

SCHEDULE = (
    '<?xml version="1.0"?>\n<schedule><conference><title>Demo 2021</title>'
    '<start>2021-05-01</start></conference><day date="2021-05-01"><room name="A">'
    '<event id="1"><title>Careers</title><type>talk</type><track>Data</track><persons>'
    '<person id="7">Ann Lee</person></persons></event></room></day></schedule>'
)


def _commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(_commands(cli)), ids=" ".join)
def test_cli_every_command_has_help(command):
    result = CliRunner().invoke(cli, [*command, "--help"])

    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


@pytest.fixture()
def processed(tmp_path: Path) -> Path:
    appearances, people, organizations = resolved()
    graph = build_graph(appearances, people, organizations)
    scores = rank_people(appearances, weights=default_weights())
    shortlist = build_shortlist(appearances, people, organizations, scores)
    documents = pd.DataFrame(columns=["doc_id", "source_path", "kind", "association", "year",
                                      "pages", "status", "message", "appearances"])
    out = tmp_path / "processed"
    write_outputs(out, documents=documents, appearances=appearances, people=people,
                  organizations=organizations, shortlist=shortlist, graph=graph)
    return out


def test_cli_shortlist_writes_csv_with_filters(processed, tmp_path):
    out = tmp_path / "short.csv"

    result = CliRunner().invoke(cli, ["-q", "shortlist", "-i", str(processed), "--top", "2",
                                      "--association", "acm", "--min-events", "2",
                                      "-o", str(out)])

    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert list(table["rank"]) == [1, 2] and table["name"].iloc[0] == "Ann Lee"


def test_cli_shortlist_topic(processed, tmp_path):
    out = tmp_path / "topic.csv"

    result = CliRunner().invoke(cli, ["-q", "shortlist", "-i", str(processed), "--topic",
                                      "machine learning", "-o", str(out)])

    assert result.exit_code == 0, result.output
    table = pd.read_csv(out)
    assert set(table["name"].head(2)) == {"Bo Chen", "Cy Diaz"}
    assert "score_topic" in table.columns


def test_cli_shortlist_outreach_is_read_not_written(processed, tmp_path):
    _, people, _ = resolved()
    ann = people.set_index("name").loc["Ann Lee", "person_id"]
    notes = tmp_path / "outreach.csv"
    notes.write_text(f"person_id,status,last_contact,notes\n{ann},open,2024-05-01,=cmd\n",
                     encoding="utf-8")
    before = notes.read_bytes()
    out = tmp_path / "short.csv"

    for _ in range(2):  # a re-run keeps the notes
        result = CliRunner().invoke(cli, ["-q", "shortlist", "-i", str(processed), "--outreach",
                                          str(notes), "--status", "open", "-o", str(out)])
        assert result.exit_code == 0, result.output
        table = pd.read_csv(out, dtype=str, keep_default_na=False)
        assert list(table["name"]) == ["Ann Lee"]
        assert table["notes"].iloc[0] == "'=cmd"  # neutralized in our output only

    assert notes.read_bytes() == before


def test_cli_show(processed):
    result = CliRunner().invoke(cli, ["show", "Ann Lee", "-i", str(processed)])

    assert result.exit_code == 0, result.output
    assert "Timeline:" in result.output and "acm/2022/program.pdf p.1" in result.output


def test_cli_show_unknown_is_exit_1(processed):
    result = CliRunner().invoke(cli, ["-q", "show", "Nobody Here", "-i", str(processed)])

    assert result.exit_code == 1 and "No person named" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_cli_graph_formats(processed, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"

    result = CliRunner().invoke(cli, ["-q", "graph", "-i", str(processed), "--format", fmt,
                                      "--out", str(out)])

    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert {d["type"] for _, d in graph.nodes(data=True)} == set(GRAPH_NODE_TYPES)


def test_cli_run_twice_keeps_outreach(tmp_path):
    raw = tmp_path / "raw" / "demo" / "2021"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_text(SCHEDULE, encoding="utf-8")
    (tmp_path / "raw" / "sources.csv").write_text(
        "source_path,association,industry,profession\n,demo,software,developer\n",
        encoding="utf-8")
    notes = tmp_path / "mine" / "outreach.csv"
    notes.parent.mkdir()
    notes.write_text("person_id,status,last_contact,notes,name\nstale-id,open,,hi,Ann Lee\n",
                     encoding="utf-8")
    before = notes.read_bytes()
    out = tmp_path / "out"
    args = ["-q", "run", str(tmp_path / "raw"), "--out", str(out), "--silent", "--no-cache",
            "-j", "1", "--outreach", str(notes)]

    for _ in range(2):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        shortlist = pd.read_csv(out / "shortlist.csv", dtype=str, keep_default_na=False)
        assert shortlist.set_index("name").loc["Ann Lee", "status"] == "open"
        assert shortlist.set_index("name").loc["Ann Lee", "industry"] == "software"

    assert notes.read_bytes() == before
    appearances = pd.read_csv(out / "appearances.csv", dtype=str, keep_default_na=False)
    assert appearances["profession"].iloc[0] == "developer"
    graph = nx.read_graphml(out / "graph.graphml")
    assert all(d.get("type") in GRAPH_NODE_TYPES for _, d in graph.nodes(data=True))


def test_cli_run_with_out_cache_and_notes_inside_the_input_folder_reads_only_documents(
        tmp_path):
    raw = tmp_path / "programs"
    (raw / "demo" / "2021").mkdir(parents=True)
    (raw / "demo" / "2021" / "schedule.xml").write_text(SCHEDULE, encoding="utf-8")
    (raw / "notes").mkdir()
    notes = raw / "notes" / "outreach.csv"
    notes.write_text("person_id,status,last_contact,notes\n", encoding="utf-8")
    args = ["run", str(raw), "--out", str(raw / "results"), "--silent", "-j", "1",
            "--cache-dir", str(raw / "cache"), "--outreach", str(notes)]

    runs = [CliRunner().invoke(cli, args) for _ in range(2)]
    stamp_path(raw / "results").unlink()
    runs.append(CliRunner().invoke(cli, args))  # reads the folder again, from the cache

    for result in runs:
        assert result.exit_code == 0, result.output
        assert "documents: 1 (ok 1, empty 0, scanned 0, error 0)" in result.output
    assert f"{raw / 'results'}: not read as documents" in runs[-1].output
    documents = pd.read_csv(raw / "results" / "documents.csv", dtype=str)
    assert documents["source_path"].tolist() == ["demo/2021/schedule.xml"]


def test_cli_run_refuses_the_input_folder_as_output_and_negative_jobs(tmp_path):
    raw = tmp_path / "programs"
    raw.mkdir()
    (raw / "notes.txt").write_text("the user's", encoding="utf-8")

    same = CliRunner().invoke(cli, ["run", str(raw), "--out", f"{raw}/", "--silent"])
    negative = CliRunner().invoke(cli, ["run", str(raw), "--out", str(tmp_path / "o"), "-j",
                                        "-1"])

    assert same.exit_code == 2
    assert f"{raw} is the input folder" in same.output
    assert negative.exit_code == 2 and "-1 is not in the range x>=0" in negative.output
    assert sorted(p.name for p in raw.iterdir()) == ["notes.txt"]
    assert not (tmp_path / "o").exists()


def test_cli_run_on_an_empty_folder_warns(tmp_path):
    raw = tmp_path / "programs"
    raw.mkdir()
    (raw / ".DS_Store").write_bytes(b"\0")

    result = CliRunner().invoke(cli, ["run", str(raw), "--out", str(tmp_path / "o"),
                                      "--silent", "--no-cache"])

    assert result.exit_code == 0
    assert f"{raw}: no files to read (hidden files are skipped)" in result.output
    assert "documents: 0 (ok 0" in result.output


@pytest.mark.parametrize(("encoding", "separator"), [("cp1252", ";"), ("utf-16", "\t")])
def test_cli_shortlist_outreach_saved_by_a_spreadsheet(processed, tmp_path, encoding, separator):
    _, people, _ = resolved()
    ann = people.set_index("name").loc["Ann Lee", "person_id"]
    notes = tmp_path / "outreach.csv"
    notes.write_bytes((separator.join(["person_id", "status", "notes"]) + "\r\n"
                       + separator.join([ann, "open", "café à 10h"])).encode(encoding))
    out = tmp_path / "short.csv"

    result = CliRunner().invoke(cli, ["-q", "shortlist", "-i", str(processed), "--outreach",
                                      str(notes), "--status", "open", "-o", str(out)])

    assert result.exit_code == 0, result.output
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert table[["name", "notes"]].values.tolist() == [["Ann Lee", "café à 10h"]]


def _program_pdf(path: Path, lines: list[str]) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path.write_bytes(bytes(pdf.output()))


def test_cli_run_a_document_read_but_naming_nobody_is_empty_and_said_so(tmp_path):
    raw = tmp_path / "raw" / "demo" / "2024"
    raw.mkdir(parents=True)
    _program_pdf(raw / "grid.pdf", ["9:00 10:00 11:00", "Room A Room B", "Lunch", "Break"])
    _program_pdf(raw / "program.pdf", ["Keynote", "Dr. Jane Doe, Chief People Officer, Acme Corp"])
    (raw / "data.json").write_text('{"rooms": [{"id": 1, "capacity": 40}]}', encoding="utf-8")
    (raw / "zero.pdf").write_bytes(b"")
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out", str(out),
                                      "--silent", "--no-cache", "-j", "0"])

    assert result.exit_code == 0, result.output  # nothing failed: empty is not an error
    documents = pd.read_csv(out / "documents.csv", dtype=str,
                            keep_default_na=False).set_index("source_path")
    grid = documents.loc["demo/2024/grid.pdf"]
    assert grid["status"] == "empty" and grid["appearances"] == "0"
    assert grid["message"] == ("demo/2024/grid.pdf: text on 1 page, no people or organizations "
                               "found (read as program_pdf)")
    data = documents.loc["demo/2024/data.json"]
    assert data["status"] == "empty"
    assert data["message"].startswith("demo/2024/data.json: ")
    assert "keys seen" in data["message"] and data["message"].endswith("(read as structured_data)")
    assert documents.loc["demo/2024/program.pdf", "status"] == "ok"
    assert "read, nothing found: 2 " in result.output
    assert "  demo/2024/grid.pdf\n" in result.output and "  demo/2024/zero.pdf\n" not in \
        result.output


def test_cli_run_identical_copies_each_carry_their_own_message(tmp_path):
    raw = tmp_path / "raw" / "demo" / "2024"
    raw.mkdir(parents=True)
    broken = b"%PDF-1.4\n1 0 obj << /Type /Catalog"
    (raw / "flyer.pdf").write_bytes(broken)
    (raw / "program.pdf").write_bytes(broken)
    out = tmp_path / "out"

    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out", str(out),
                                      "--silent", "--no-cache", "-j", "1"])

    assert result.exit_code == 3, result.output
    documents = pd.read_csv(out / "documents.csv", dtype=str, keep_default_na=False)
    for row in documents.itertuples():
        assert row.message.startswith(f"{row.source_path}: "), row.message
        other = ({"demo/2024/flyer.pdf", "demo/2024/program.pdf"} - {row.source_path}).pop()
        assert other not in row.message
    failed_lines = [line for line in result.output.splitlines() if line.startswith("  demo/")]
    assert len(failed_lines) == len(set(failed_lines)) == 2


def test_cli_quiet_prints_no_results_only_errors(processed, tmp_path):
    """Issue 22: -q prints only warnings and errors. A command's result line stayed
    (`shortlist -o FILE -q` printed "4 candidates written to FILE")."""
    short, graph = tmp_path / "short.csv", tmp_path / "g.graphml"

    results = [CliRunner().invoke(cli, ["-q", *args]) for args in (
        ["shortlist", "-i", str(processed), "-o", str(short)],
        ["shortlist", "-i", str(processed)],
        ["graph", "-i", str(processed), "-o", str(graph)],
        ["show", "Ann Lee", "-i", str(processed)])]
    mistake = CliRunner().invoke(cli, ["-q", "shortlist", "-i", str(processed), "--suppress",
                                       str(tmp_path / "nope.csv")])

    assert [result.exit_code for result in results] == [0, 0, 0, 0]
    assert [result.output for result in results] == ["", "", "", ""]
    assert short.is_file() and graph.is_file()
    assert mistake.exit_code == 2
    assert mistake.output == (f"Error: --suppress: {tmp_path / 'nope.csv'} not found; give the "
                              "leave-me-out CSV (columns person_id or name, optional reason).\n")


def test_cli_quiet_run_prints_nothing_when_all_goes_well_and_the_failures_otherwise(tmp_path):
    raw = tmp_path / "raw" / "demo" / "2021"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_text(SCHEDULE, encoding="utf-8")
    out = tmp_path / "out"
    args = ["-q", "run", str(tmp_path / "raw"), "--out", str(out), "--no-cache", "-j", "0"]

    good = CliRunner().invoke(cli, args)
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 cut")
    failed = CliRunner().invoke(cli, args)

    assert good.exit_code == 0 and good.output == ""  # no summary, no "documents" label
    assert failed.exit_code == 3 and failed.stdout == ""
    assert failed.stderr.splitlines()[0] == f"1 of 2 documents failed; see {out / 'documents.csv'}"


def test_cli_silent_prints_nothing_even_when_a_library_warns(processed, monkeypatch):
    """Issue 22: --silent prints nothing. The warnings of the libraries held at WARNING
    (pdfminer, PIL, fontTools) were printed."""
    import logging

    from pipeline.views import show

    real = show.person_report

    def warning_report(*args, **kwargs):
        logging.getLogger("pdfminer.pdfpage").warning("Invalid CropBox in /Page")
        logging.getLogger("pipeline.views.show").warning("a warning of ours")
        return real(*args, **kwargs)

    monkeypatch.setattr(show, "person_report", warning_report)
    args = ["show", "Ann Lee", "-i", str(processed)]

    silent = CliRunner().invoke(cli, ["--silent", *args])
    quiet = CliRunner().invoke(cli, ["-q", *args])

    assert silent.exit_code == quiet.exit_code == 0
    assert silent.output == ""
    assert quiet.output == ("WARNING pdfminer.pdfpage: Invalid CropBox in /Page\n"
                            "WARNING pipeline.views.show: a warning of ours\n")


def test_cli_extract_writes_the_blocks_table_recognize_reads(tmp_path) -> None:
    """`extract` writes one document's blocks (issue 19: the table between extract and
    recognize made visible), with the columns of pipeline.tables.Block."""
    from pipeline.tables import BLOCK_COLUMNS

    awards = Path("data/raw/atpo/2023/atpo-2023-awards.pdf")
    out = tmp_path / "blocks.csv"
    result = CliRunner().invoke(cli, ["extract", str(awards), "-o", str(out)])
    assert result.exit_code == 0, result.output
    blocks = pd.read_csv(out)
    assert tuple(blocks.columns) == BLOCK_COLUMNS
    assert blocks.loc[0, "text"] == "2023 ATPO Awards of Excellence"
    assert blocks.loc[0, "role_hint"] == "heading" and set(blocks["page"]) == {1, 2}
    assert "(read as program_pdf)" in result.output

    binary = tmp_path / "notes.bin"
    binary.write_bytes(b"\x00\x01\x02")
    unread = CliRunner().invoke(cli, ["extract", str(binary)])
    assert unread.exit_code == 1
    assert "not a document kind mentor-miner reads; binary data" in unread.output
    assert "Traceback" not in unread.output
