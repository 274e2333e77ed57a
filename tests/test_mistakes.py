"""The mistakes users make: each gets one line saying what is wrong, the right exit code, no
traceback, and the outputs of the previous run stay exactly as they were (issue 22)."""

from __future__ import annotations

import errno
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from pipeline.cli import cli
from pipeline.run.outputs import OUTPUT_FILES

SCHEDULE = (
    '<?xml version="1.0"?>\n<schedule><conference><title>Demo 2021</title>'
    '<start>2021-05-01</start></conference><day date="2021-05-01"><room name="A">'
    '<event id="1"><title>Careers</title><type>talk</type><track>Data</track><persons>'
    '<person id="7">Ann Lee</person></persons></event></room></day></schedule>'
)
# What click prints around its own usage errors: the one line that matters comes after them.
_CLICK_USAGE = ("Usage: ", "Try '")


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> tuple[Path, Path]:
    """An input folder and the outputs of a good run over it."""
    base = tmp_path_factory.mktemp("previous")
    raw = base / "raw"
    (raw / "demo" / "2021").mkdir(parents=True)
    (raw / "demo" / "2021" / "schedule.xml").write_text(SCHEDULE, encoding="utf-8")
    out = base / "out"
    result = CliRunner().invoke(cli, ["-q", "run", str(raw), "--out", str(out), "--no-cache",
                                      "-j", "0"])
    assert result.exit_code == 0, result.output
    return raw, out


@dataclass
class Place:
    """Where one mistake is made: the input folder, the previous outputs, room for more."""

    raw: Path
    out: Path
    tmp: Path

    def file(self, name: str, text: str = "x") -> Path:
        path = self.tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path


@pytest.fixture()
def place(previous, tmp_path) -> Place:
    raw, out = previous
    shutil.copytree(raw, tmp_path / "raw")
    shutil.copytree(out, tmp_path / "out")
    return Place(tmp_path / "raw", tmp_path / "out", tmp_path)


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in OUTPUT_FILES}


def _run(p: Place, *options: str) -> list[str]:
    return ["run", str(p.raw), "--out", str(p.out), "--no-cache", "-j", "0", *options]


@dataclass
class Mistake:
    args: Callable[[Place], list[str]]
    exit_code: int
    says: str


def _binary(path: Path) -> Path:
    path.write_bytes(b"\xff\xd8\xff\xe0 a photo saved as .csv \x00\x9c")
    return path


def _processed_without_outputs(p: Place) -> list[str]:
    (p.tmp / "empty").mkdir()
    return ["shortlist", "--processed", str(p.tmp / "empty")]


def _looping_link(p: Place) -> list[str]:
    (p.tmp / "a").symlink_to(p.tmp / "b")
    (p.tmp / "b").symlink_to(p.tmp / "a")
    return ["run", str(p.raw), "--out", str(p.tmp / "a"), "--no-cache", "-j", "0"]


def _broken_link(p: Place) -> list[str]:
    (p.tmp / "gone").symlink_to(p.tmp / "nowhere")
    return ["run", str(p.raw), "--out", str(p.tmp / "gone"), "--no-cache", "-j", "0"]


def _bad_sources_header(p: Place) -> list[str]:
    (p.raw / "sources.csv").write_text("file,org\ndemo/2021/schedule.xml,x\n", encoding="utf-8")
    return _run(p)


def _locked(p: Place) -> list[str]:
    (p.out / ".mentor-miner.lock").write_text(str(os.getppid()), encoding="utf-8")
    return _run(p)


MISTAKES = {
    # The input folder.
    "input folder missing": Mistake(lambda p: ["run", str(p.tmp / "nope"), "--out", str(p.out)],
                                    2, "input folder not found"),
    "input is a file": Mistake(
        lambda p: ["run", str(p.file("program.pdf")), "--out", str(p.out)], 2, "is a file"),
    "input is a looping link": Mistake(
        lambda p: (_looping_link(p), ["run", str(p.tmp / "a"), "--out", str(p.out)])[1], 2,
        "input folder not found"),
    "sources.csv with a wrong header": Mistake(_bad_sources_header, 2,
                                               "has neither source_path nor association"),
    # The output folder.
    "--out under a file": Mistake(
        lambda p: _run(p)[:3] + [str(p.file("afile") / "sub")] + _run(p)[4:], 2,
        "afile (in "),
    "--out is a file": Mistake(lambda p: _run(p)[:3] + [str(p.file("afile"))] + _run(p)[4:], 2,
                               "is a file"),
    "--out is the input folder": Mistake(
        lambda p: ["run", str(p.raw), "--out", str(p.raw)], 2, "is the input folder"),
    "--out is a looping link": Mistake(_looping_link, 2, "a broken or looping link"),
    "--out is a broken link": Mistake(_broken_link, 2, "a broken or looping link"),
    "--out locked by another run": Mistake(_locked, 1, "another mentor-miner run"),
    # Option values.
    "--jobs negative": Mistake(lambda p: _run(p, "--jobs", "-1"), 2, "-1 is not in the range"),
    "--jobs not a number": Mistake(lambda p: _run(p, "--jobs", "two"), 2, "'two' is not a valid"),
    "--timeout negative": Mistake(lambda p: _run(p, "--timeout", "-5"), 2, "not in the range"),
    "--timeout not a number": Mistake(lambda p: _run(p, "--timeout", "10m"), 2, "'10m'"),
    "--memory-mb negative": Mistake(lambda p: _run(p, "--memory-mb", "-1"), 2, "not in the range"),
    "--executor misspelt": Mistake(lambda p: _run(p, "--executor", "dsak"), 2, "'dsak'"),
    "--executor dask without a scheduler": Mistake(lambda p: _run(p, "--executor", "dask"), 2,
                                                   "needs --scheduler"),
    "--model not installed": Mistake(lambda p: _run(p, "--model", "en_core_web_xx"), 2,
                                     "en_core_web_xx is not an installed spaCy model"),
    "option misspelt": Mistake(lambda p: ["run", str(p.raw), "--ouput", str(p.out)], 2,
                               "No such option '--ouput'. (Did you mean"),
    "--config, an option that does not exist": Mistake(
        lambda p: _run(p, "--config", str(p.tmp / "mentor.yaml")), 2, "No such option '--config'"),
    "command misspelt": Mistake(lambda p: ["rnu", str(p.raw)], 2, "No such command 'rnu'"),
    "--cache-dir is a file": Mistake(
        lambda p: ["run", str(p.raw), "--out", str(p.out), "--cache-dir", str(p.file("c"))], 2,
        "is a file"),
    # Files the user writes.
    "--weights missing": Mistake(lambda p: _run(p, "--weights", str(p.tmp / "weights.yml")), 2,
                                 "does not exist"),
    "--weights is a folder": Mistake(lambda p: _run(p, "--weights", str(p.tmp)), 2,
                                     "is a directory"),
    "--weights with a YAML typo": Mistake(
        lambda p: _run(p, "--weights", str(p.file("w.yaml", "roles: {keynote: 3\n"))), 2,
        "cannot read ranking weights"),
    "--weights with a word for a number": Mistake(
        lambda p: _run(p, "--weights", str(p.file("w.yaml", "roles:\n  keynote: high\n"))), 2,
        "roles"),
    "--weights not a mapping": Mistake(
        lambda p: _run(p, "--weights", str(p.file("w.yaml", "- keynote\n"))), 2,
        "must be a YAML mapping"),
    "--overrides missing": Mistake(lambda p: _run(p, "--overrides", str(p.tmp / "over")), 2,
                                   "does not exist"),
    "--overrides is a file": Mistake(lambda p: _run(p, "--overrides", str(p.file("merge.csv"))),
                                     2, "is a file"),
    "--outreach is a folder": Mistake(lambda p: _run(p, "--outreach", str(p.tmp)), 2,
                                      "is a directory"),
    "merge.csv with a wrong header": Mistake(
        lambda p: (p.file("over/merge.csv", "who,whom\na,b\n"),
                   _run(p, "--overrides", str(p.tmp / "over")))[1], 2, "merge.csv"),
    # The other commands.
    "shortlist of a folder never processed": Mistake(_processed_without_outputs, 1,
                                                     "Run `mentor-miner run"),
    "shortlist --processed missing": Mistake(
        lambda p: ["shortlist", "--processed", str(p.tmp / "nope")], 2, "does not exist"),
    "shortlist --role misspelt": Mistake(
        lambda p: ["shortlist", "-i", str(p.out), "--role", "keynotes"], 2, "'keynotes'"),
    "shortlist --since not a year": Mistake(
        lambda p: ["shortlist", "-i", str(p.out), "--since", "last year"], 2, "'last year'"),
    "shortlist -o under a file": Mistake(
        lambda p: ["shortlist", "-i", str(p.out), "-o", str(p.file("afile") / "s.csv")], 2,
        "is a file, not a folder"),
    "shortlist -o is a folder": Mistake(
        lambda p: ["shortlist", "-i", str(p.out), "-o", str(p.tmp)], 2, "is a directory"),
    "show without a name": Mistake(lambda p: ["show", "-i", str(p.out)], 2,
                                   "Missing argument 'NAME'"),
    "graph --format misspelt": Mistake(
        lambda p: ["graph", "-i", str(p.out), "--format", "gefx", "-o", str(p.tmp / "g")], 2,
        "'gefx'"),
    "graph --out under a file": Mistake(
        lambda p: ["graph", "-i", str(p.out), "-o", str(p.file("afile") / "g.graphml")], 2,
        "is a file, not a folder"),
    "report --out under a file": Mistake(
        lambda p: ["report", "-i", str(p.out), "-o", str(p.file("afile") / "r.html")], 2,
        "is a file, not a folder"),
    "eval --truth missing": Mistake(
        lambda p: ["eval", "--truth", str(p.tmp / "truth.csv"), "--processed", str(p.out)], 2,
        "does not exist"),
    "eval truth without its columns": Mistake(
        lambda p: ["eval", "--truth", str(p.file("truth.csv", "name,role\nAnn,chair\n")),
                   "--processed", str(p.out)], 1, "truth lacks columns"),
    "eval truth that is not a CSV": Mistake(
        lambda p: ["eval", "--truth", str(_binary(p.file("truth.csv"))), "--processed",
                   str(p.out)], 1, "cannot read the truth CSV"),
}


@pytest.mark.parametrize("mistake", list(MISTAKES.values()), ids=list(MISTAKES))
def test_mistakes_each_gets_one_line_and_loses_nothing(place, mistake):
    before = _snapshot(place.out)
    args = mistake.args(place)

    result = CliRunner().invoke(cli, ["-q", *args])  # -q: the INFO log lines aside

    assert result.exit_code == mistake.exit_code, result.output
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit), result.exception  # no exception escaped
    lines = [line for line in result.output.splitlines()
             if line.strip() and not line.startswith(_CLICK_USAGE)]
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ") and mistake.says in lines[0], result.output
    assert _snapshot(place.out) == before


def test_mistakes_suite_holds_at_least_thirty_mistakes():
    assert len(MISTAKES) + len(SIMULATED) >= 30


def _fail_with(error: int):
    def fail(*args, **kwargs):
        raise OSError(error, os.strerror(error))

    return fail


def _deny(target: Path):
    real = os.access

    def access(path, mode, *args, **kwargs):
        if Path(path) == target and mode & os.W_OK:
            return False
        return real(path, mode, *args, **kwargs)

    return access


def _read_only(target: Path):
    real = os.statvfs

    def statvfs(path):
        result = real(path)
        if Path(path) != target:
            return result
        return os.statvfs_result((*result[:8], result.f_flag | os.ST_RDONLY, result[9]))

    return statvfs


# Mistakes whose cause a test cannot make for real here (root ignores file modes; no test
# mounts a file system), made by the OS call that would fail.
SIMULATED = {
    "--out not writable (permission denied)": (
        lambda p, mp: mp.setattr(os, "access", _deny(p.out)), 2, "permission denied"),
    "--out on a read-only file system": (
        lambda p, mp: mp.setattr(os, "statvfs", _read_only(p.out)), 2, "read-only file system"),
    "disk full while writing": (
        lambda p, mp: mp.setattr("pipeline.run.store.write_parquet", _fail_with(errno.ENOSPC)), 1,
        "No space left on device"),
    "--out turns read-only mid-run": (
        lambda p, mp: mp.setattr("pipeline.run.store.write_parquet", _fail_with(errno.EROFS)), 1,
        "Read-only file system"),
}


@pytest.mark.parametrize("cause", list(SIMULATED.values()), ids=list(SIMULATED))
def test_mistakes_the_os_refuses_get_one_line_and_lose_nothing(place, monkeypatch, cause):
    make, exit_code, says = cause
    before = _snapshot(place.out)
    make(place, monkeypatch)

    result = CliRunner().invoke(cli, ["-q", *_run(place)])

    assert result.exit_code == exit_code, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: ") and says in lines[0], \
        result.output
    assert _snapshot(place.out) == before
    assert not list(place.out.glob(".staging-*"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere: chmod cannot deny it")
def test_mistakes_out_without_permission_for_real(place):
    locked = place.tmp / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = CliRunner().invoke(cli, ["run", str(place.raw), "--out", str(locked / "o")])
    finally:
        locked.chmod(0o700)
    assert result.exit_code == 2 and "permission denied" in result.output


def test_mistakes_a_folder_that_cannot_be_listed_is_said(place, monkeypatch):
    """A subfolder the walk cannot read (permission denied) was skipped in silence."""
    real = os.walk

    def walk(top, *args, onerror=None, **kwargs):
        error = PermissionError(errno.EACCES, "Permission denied", str(place.raw / "secret"))
        if onerror is not None:
            onerror(error)
        yield from real(top, *args, onerror=onerror, **kwargs)

    monkeypatch.setattr("pipeline.run.inputs.os.walk", walk)
    result = CliRunner().invoke(cli, ["-q", *_run(place)])

    assert result.exit_code == 0, result.output
    assert f"{place.raw / 'secret'}: cannot read this folder (Permission denied)" in \
        result.output


def test_mistakes_a_symlink_loop_inside_the_input_is_harmless(place):
    (place.raw / "demo" / "loop").symlink_to(place.raw / "demo", target_is_directory=True)

    result = CliRunner().invoke(cli, ["-q", *_run(place)])

    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    documents = pd.read_csv(place.out / "documents.csv", dtype=str)
    assert documents["source_path"].tolist() == ["demo/2021/schedule.xml"]


def test_mistakes_no_input_folder_given_says_the_bundled_sample_was_mined(tmp_path,
                                                                          monkeypatch):
    """`mentor-miner run --out X` in the project folder mined the fictional sample in silence."""
    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(tmp_path)
    sample = tmp_path / "data" / "raw"
    (sample / "atpo" / "2023").mkdir(parents=True)
    shutil.copyfile(root / "data/raw/atpo/2023/atpo-2023-awards.pdf",
                    sample / "atpo" / "2023" / "atpo-2023-program.pdf")

    loud = CliRunner().invoke(cli, ["run", "--out", "o", "--no-cache", "-j", "0"])
    quiet = CliRunner().invoke(cli, ["-q", "run", "--out", "o", "--no-cache", "-j", "0"])
    named = CliRunner().invoke(cli, ["run", "data/raw", "--out", "o", "--no-cache", "-j", "0"])

    assert loud.exit_code == quiet.exit_code == named.exit_code == 0, loud.output
    assert loud.stdout.splitlines()[0] == (
        "no input folder given: mined data/raw, which holds the bundled sample (fictional "
        "associations atpo). For your own downloads: mentor-miner run YOUR_FOLDER --out RESULTS")
    assert quiet.output.startswith("Warning: no input folder given: mined data/raw")
    assert "bundled sample" not in named.output


def test_mistakes_quiet_prints_warnings_only_and_silent_nothing(place):
    (place.raw / "demo" / "2021" / "broken.pdf").write_bytes(b"%PDF-1.4 cut")

    quiet = CliRunner().invoke(cli, ["-q", *_run(place)])
    silent = CliRunner().invoke(cli, ["--silent", *_run(place)])
    silent_mistake = CliRunner().invoke(cli, ["--silent", "run", str(place.tmp / "nope")])

    assert quiet.exit_code == silent.exit_code == 3
    assert quiet.stdout == ""  # no summary, no progress label
    assert quiet.stderr.splitlines() == [
        f"1 of 2 documents failed; see {place.out / 'documents.csv'}",
        "  demo/2021/broken.pdf: broken PDF: the file is cut short — a broken download? "
        "Download it again"]
    assert silent.output == "" and silent_mistake.output == ""
    assert silent_mistake.exit_code == 2


def test_mistakes_shortlist_to_a_file_prints_no_top_rows(place):
    out = place.tmp / "short.csv"

    to_file = CliRunner().invoke(cli, ["shortlist", "-i", str(place.out), "-o", str(out)])
    on_screen = CliRunner().invoke(cli, ["shortlist", "-i", str(place.out)])

    assert to_file.exit_code == on_screen.exit_code == 0
    assert to_file.stdout == f"1 candidate written to {out}\n"
    assert "Ann Lee" in on_screen.output


def test_mistakes_help_and_extractors_speak_to_users():
    eval_help = CliRunner().invoke(cli, ["eval", "--help"])
    kinds = CliRunner().invoke(cli, ["extractors"])

    assert "issue" not in eval_help.output.lower()
    lines = kinds.output.splitlines()
    assert len(lines) >= 10
    program = next(line for line in lines if line.startswith("program_pdf "))
    assert "PDF programs" in program  # says what the kind reads, not a name and a version only
    assert all(len(line.split()) >= 4 for line in lines)


def test_mistakes_an_unfinished_download_is_said_and_the_rest_is_read(place):
    """A program still downloading (`program.pdf.crdownload`, Firefox's `.part`) is an error
    saying so, never read as a broken document; the other files are read."""
    (place.raw / "demo" / "2021" / "program.pdf.crdownload").write_bytes(b"%PDF-1.7\n% cut")
    (place.raw / "demo" / "2021" / "awards.pdf.part").write_bytes(b"%PDF-1.4\n")
    result = CliRunner().invoke(cli, _run(place))
    assert "Traceback" not in result.output
    documents = pd.read_csv(place.out / "documents.csv", dtype=str).set_index("source_path")
    for name, suffix in (("program.pdf.crdownload", ".crdownload"), ("awards.pdf.part", ".part")):
        row = documents.loc[f"demo/2021/{name}"]
        assert row["status"] == "error"
        assert row["message"] == (f"demo/2021/{name}: an unfinished download ({suffix}); run "
                                  "again when the download has finished")
    assert documents.loc["demo/2021/schedule.xml", "status"] == "ok"


def test_mistakes_a_file_written_while_it_is_read_is_not_trusted(place, monkeypatch):
    """A file that grows while its reader runs (a copy or download still in progress): its
    result would belong to neither version, so it is an error saying why, and nothing of it is
    cached (the next run reads the finished file)."""
    from extractors.frab_xml import FrabXml

    schedule = place.raw / "demo" / "2021" / "schedule.xml"
    real_extract = FrabXml.extract

    def extract_while_written(self, path, **kwargs):
        extraction = real_extract(self, path, **kwargs)
        with open(schedule, "a", encoding="utf-8") as fh:
            fh.write("\n<!-- more bytes arrive -->")
        return extraction

    monkeypatch.setattr(FrabXml, "extract", extract_while_written)
    cache = place.tmp / "cache"
    args = ["run", str(place.raw), "--out", str(place.out), "-j", "0", "--cache-dir", str(cache)]
    CliRunner().invoke(cli, args)
    row = pd.read_csv(place.out / "documents.csv", dtype=str).iloc[0]
    assert row["status"] == "error"
    assert row["message"] == ("demo/2021/schedule.xml: the file changed while it was being read "
                              "(a download or copy still in progress?); run again when it is "
                              "complete")
    assert not any(p.suffix == ".gz" for p in cache.rglob("*"))  # nothing cached

    monkeypatch.setattr(FrabXml, "extract", real_extract)
    CliRunner().invoke(cli, args)  # the file is complete now
    again = pd.read_csv(place.out / "documents.csv", dtype=str).iloc[0]
    assert again["status"] == "ok" and int(again["appearances"]) == 1
