"""cache: hits on unchanged content, corrupt entries rebuilt, clear, prune, info."""

from __future__ import annotations

import gzip
import shutil

from click.testing import CliRunner

from pipeline.cli import EXIT_SOME_FAILED, cli
from pipeline.run import cache as cache_module
from pipeline.run.cache import DocumentCache


def test_cache_round_trip_restores_source_path(tmp_path):
    cache = DocumentCache(tmp_path)
    value = {"doc_id": "abc", "message": "a/2020/x.pdf: 2 of 9 pages have no text layer"}

    cache.put("abc", "a/2020/x.pdf", value)

    assert cache.get("abc", "a/2020/x.pdf") == value
    moved = cache.get("abc", "b/2021/copy.pdf")
    assert moved["message"] == "b/2021/copy.pdf: 2 of 9 pages have no text layer"
    assert (cache.hits, cache.misses) == (2, 0)


def test_cache_corrupt_entry_is_rebuilt_not_trusted(tmp_path):
    cache = DocumentCache(tmp_path)
    cache.put("abc", "x.pdf", {"doc_id": "abc", "appearances": [1, 2]})
    entry = next(tmp_path.rglob("*.json.gz"))
    data = gzip.decompress(entry.read_bytes()).replace(b"[1, 2]", b"[1, 3]")
    entry.write_bytes(gzip.compress(data))

    assert cache.get("abc", "x.pdf") is None
    assert not entry.exists()
    entry.parent.mkdir(parents=True, exist_ok=True)
    entry.write_bytes(b"not gzip at all")
    assert cache.get("abc", "x.pdf") is None


def test_cache_model_salt_separates_entries(tmp_path):
    DocumentCache(tmp_path, salt="model=a").put("abc", "x", {"v": 1})
    assert DocumentCache(tmp_path, salt="model=b").get("abc", "x") is None


def test_cache_second_run_reads_nothing_and_clear_empties(tmp_path, raw_corpus):
    raw = tmp_path / "raw" / "fosdem" / "2014"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_bytes((raw_corpus / "fosdem/2014/schedule.xml").read_bytes())
    cache_dir, runner = tmp_path / "cache", CliRunner()
    args = ["run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--silent",
            "--cache-dir", str(cache_dir), "--jobs", "1"]

    first = runner.invoke(cli, args)
    first_people = (tmp_path / "out" / "people.csv").read_text()
    args[3] = str(tmp_path / "out2")  # another folder: the per-document cache, not up-to-date
    second = runner.invoke(cli, ["-v", *args])

    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "cache: 1 documents reused, 0 read" in second.output
    assert (tmp_path / "out2" / "people.csv").read_text() == first_people
    cleared = runner.invoke(cli, ["cache", "clear", "--cache-dir", str(cache_dir)])
    assert cleared.output.strip() == "removed 1 cached documents"


def test_cache_a_file_joined_by_id_is_read_again_when_its_sibling_changes(tmp_path):
    # awards.csv names its winners by paper id; papers.csv beside it holds the authors. A
    # cached awards.csv must not keep what it read before papers.csv was downloaded, nor the
    # authors of a papers.csv that has since changed.
    raw = tmp_path / "raw" / "soc" / "2022"
    raw.mkdir(parents=True)
    (raw / "awards.csv").write_text("Award,Paper ID\nBest Paper,P12\n", encoding="utf-8")
    (raw / "notes.txt").write_text("Programme notes, to come.\n", encoding="utf-8")
    papers = raw / "papers.csv"
    runner = CliRunner()
    args = ["run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--silent",
            "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]

    def winners() -> set[str]:
        rows = (tmp_path / "out" / "appearances.csv").read_text(encoding="utf-8").splitlines()
        return {row.split(",")[5] for row in rows if "awards.csv" in row}

    runner.invoke(cli, args)
    assert winners() == set()
    papers.write_text("Paper ID,Title,Authors\nP12,Rivers,Helen Marsh\n", encoding="utf-8")
    assert runner.invoke(cli, args).exit_code == 0
    assert winners() == {"Helen Marsh"}
    papers.write_text("Paper ID,Title,Authors\nP12,Rivers,Tom Fielding\n", encoding="utf-8")
    assert runner.invoke(cli, args).exit_code == 0
    assert winners() == {"Tom Fielding"}


def test_cache_unchanged_rerun_rewrites_nothing_until_an_input_changes(tmp_path, raw_corpus):
    raw = tmp_path / "raw" / "fosdem" / "2014"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_bytes((raw_corpus / "fosdem/2014/schedule.xml").read_bytes())
    out, runner = tmp_path / "out", CliRunner()
    args = ["run", str(tmp_path / "raw"), "--out", str(out), "--silent",
            "--cache-dir", str(tmp_path / "cache"), "--jobs", "1"]
    assert runner.invoke(cli, args).exit_code == 0
    written = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    again = runner.invoke(cli, ["-v", *args])
    after_again = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    weights = tmp_path / "weights.yaml"
    weights.write_text("components:\n  recency: 0.5\n")
    changed = runner.invoke(cli, ["-v", *args, "--weights", str(weights)])

    assert "are up to date" in again.output
    assert "top of the shortlist:" in again.output
    assert written == after_again
    assert "are up to date" not in changed.output
    assert "cache: 1 documents reused, 0 read" in changed.output


_READ_EVERY_KIND = """
import sys
from pathlib import Path
from pipeline.run.inputs import discover
from pipeline.run.worker import process_document
docs = discover(Path(sys.argv[1])).drop_duplicates("kind").to_dict("records")
before = set(sys.modules)  # what finding the documents loads is not the workers' reading
for doc in docs:
    process_document(doc, model="blank")
print(" ".join(sorted(set(sys.modules) - before)))
"""


def test_cache_fingerprint_covers_every_module_a_worker_runs(raw_corpus):
    import subprocess
    import sys
    from pathlib import Path

    from pipeline.run.cache import _FINGERPRINT_MODULES

    done = subprocess.run([sys.executable, "-c", _READ_EVERY_KIND, str(raw_corpus)],
                          capture_output=True, text=True, check=True)
    loaded = {m for m in done.stdout.split() if m.split(".")[0] in ("pipeline", "extractors")}
    loaded.discard("pipeline.text.names")  # the workers' parsed names are not cached
    covered = {Path(entry).with_suffix("").as_posix().replace("/", ".").removesuffix(".__init__")
               for entry in _FINGERPRINT_MODULES}

    def is_covered(module: str) -> bool:
        return any(module == entry or module.startswith(entry + ".") for entry in covered)

    assert len(loaded) > 10
    assert {m for m in loaded if not is_covered(m)} == set()


def test_cache_keeps_appearances_not_the_workers_parsed_names(tmp_path, raw_corpus):
    from pipeline.run.worker import process_document

    path = raw_corpus / "mzv-workshop" / "2024" / "program.pdf"
    result = process_document({"doc_id": "d", "path": str(path),
                                "source_path": "mzv-workshop/2024/program.pdf"}, model="blank")
    names = {row["person_name"] for row in result.appearances}

    assert set(result.parsed_names) == {n for n in names if n.strip()}
    assert result.parsed_names["Don Zagier"].key == "don zagier"
    assert "parsed_names" not in result.cached()
    cache = DocumentCache(tmp_path)
    cache.put("d", "mzv-workshop/2024/program.pdf", result.cached())
    assert cache.get("d", "mzv-workshop/2024/program.pdf")["appearances"] == result.appearances


def test_cache_up_to_date_result_reads_tables_only_when_asked(tmp_path, raw_corpus):
    import pandas as pd

    from pipeline.run.runner import run_pipeline
    from pipeline.run.store import read_csv

    raw = tmp_path / "raw" / "fosdem" / "2014"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_bytes((raw_corpus / "fosdem/2014/schedule.xml").read_bytes())
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = run_pipeline(tmp_path / "raw", out, jobs=0, cache_dir=cache)

    again = run_pipeline(tmp_path / "raw", out, jobs=0, cache_dir=cache)

    assert again.count("appearances") == len(first.appearances) > 100
    assert again.count("people") == len(first.people)
    assert "appearances" not in again._tables  # counted from the stamp, not read
    pd.testing.assert_frame_equal(again.appearances, read_csv(out / "appearances.csv"))
    assert again.shortlist["rank"].tolist() == first.shortlist["rank"].tolist()


_RERUN = """
import sys
from pipeline.cli import cli
try:
    cli(sys.argv[1:])
finally:
    print("pandas imported:", "pandas" in sys.modules)
"""


def test_cache_up_to_date_rerun_prints_the_same_summary_without_pandas(tmp_path, raw_corpus):
    """The re-run's summary is read from the CSVs with the csv module: same lines, same exit
    code (a failed document included), and pandas (a third of a second) never imported."""
    import subprocess
    import sys

    raw = tmp_path / "raw" / "fosdem" / "2014"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_bytes((raw_corpus / "fosdem/2014/schedule.xml").read_bytes())
    (raw / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    args = [sys.executable, "-c", _RERUN, "run", str(tmp_path / "raw"), "--out",
            str(tmp_path / "out"), "--silent", "--cache-dir", str(tmp_path / "cache"),
            "--jobs", "1"]

    first = subprocess.run(args, capture_output=True, text=True, timeout=300)
    again = subprocess.run(args, capture_output=True, text=True, timeout=300)

    assert first.returncode == again.returncode == EXIT_SOME_FAILED  # one document failed
    assert "top of the shortlist:" in first.stdout
    assert "1 of 2 documents failed" in first.stderr
    assert first.stdout.replace("pandas imported: True", "pandas imported: False") \
        == again.stdout
    failure = first.stderr[first.stderr.index("1 of 2 documents failed"):]
    assert again.stderr.endswith(failure)
    assert "broken.pdf: broken PDF" in failure
    assert again.stdout.endswith("pandas imported: False\n")


def _entry_of_another_version(folder, monkeypatch, doc_id="old"):
    """An entry written by another code version (another fingerprint)."""
    with monkeypatch.context() as patch:
        patch.setattr(cache_module, "code_fingerprint", lambda: "0123456789abcdef")
        DocumentCache(folder).put(doc_id, "x.pdf", {"v": 0})


def test_cache_clear_removes_only_the_caches_own_files(tmp_path, monkeypatch):
    folder = tmp_path / "mine"  # a folder of the user's, given as --cache-dir
    (folder / "notes").mkdir(parents=True)
    (folder / "notes" / "todo.txt").write_text("keep me")
    (folder / "ab").mkdir()  # looks like a shard, holds a file that is not an entry
    (folder / "ab" / "photo.jpg").write_bytes(b"jpeg")
    DocumentCache(folder).put("abc", "x.pdf", {"v": 1})
    _entry_of_another_version(folder, monkeypatch)

    result = CliRunner().invoke(cli, ["cache", "clear", "--cache-dir", str(folder)])

    assert result.output.strip() == "removed 2 cached documents"
    assert sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*")) == [
        "ab", "ab/photo.jpg", "notes", "notes/todo.txt"]


def test_cache_prune_keeps_this_versions_entries_and_drops_the_others(tmp_path, monkeypatch):
    cache = DocumentCache(tmp_path)
    cache.put("abc", "x.pdf", {"v": 1})
    _entry_of_another_version(tmp_path, monkeypatch)
    # The first layout kept entries in shards straight under the cache folder.
    legacy = tmp_path / "7f" / ("0" * 32 + ".json.gz")
    legacy.parent.mkdir()
    shutil.copyfile(next((tmp_path / "v1-0123456789abcdef").rglob("*.json.gz")), legacy)
    assert cache.other_versions() == 2
    usage = cache.usage()
    assert (usage.current_entries, usage.stale_entries) == (1, 2)

    result = CliRunner().invoke(cli, ["cache", "prune", "--cache-dir", str(tmp_path)])

    assert result.output.strip() == "removed 2 cached documents of other versions"
    assert DocumentCache(tmp_path).get("abc", "x.pdf") == {"v": 1}
    assert [p.name for p in tmp_path.iterdir()] == [cache_module._version_folder()]


def test_cache_info_reports_this_version_and_the_others(tmp_path, monkeypatch):
    DocumentCache(tmp_path).put("abc", "x.pdf", {"v": 1})
    _entry_of_another_version(tmp_path, monkeypatch, "old1")
    _entry_of_another_version(tmp_path, monkeypatch, "old2")

    lines = CliRunner().invoke(cli, ["cache", "info", "--cache-dir", str(tmp_path)]).output
    lines = lines.splitlines()

    assert lines[0] == f"cache folder: {tmp_path}"
    assert lines[1].startswith("this version: 1 documents, ")
    assert lines[2].startswith("other versions: 2 documents, ")
    assert lines[2].endswith("(mentor-miner cache prune removes them)")


def test_cache_run_says_when_other_versions_results_can_be_pruned(tmp_path, raw_corpus,
                                                                   monkeypatch):
    raw = tmp_path / "raw" / "fosdem" / "2014"
    raw.mkdir(parents=True)
    (raw / "schedule.xml").write_bytes((raw_corpus / "fosdem/2014/schedule.xml").read_bytes())
    cache_dir = tmp_path / "cache"
    args = ["-v", "run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--silent",
            "--cache-dir", str(cache_dir), "--jobs", "1"]

    first = CliRunner().invoke(cli, args)
    _entry_of_another_version(cache_dir, monkeypatch)
    args[4] = str(tmp_path / "out2")
    second = CliRunner().invoke(cli, args)

    assert "other version" not in first.output
    assert (f"cache: {cache_dir} also holds the results of 1 other version(s) of mentor-miner; "
            "`mentor-miner cache prune` removes them") in second.output
