"""discover: content-hash ids, association/year from paths, sources.csv overrides, odd names."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import MentorMinerError
from pipeline.run.inputs import content_id, discover


def _write(path: Path, data: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_corpus_association_and_year_from_path(tmp_path):
    _write(tmp_path / "shrm" / "2023" / "program.pdf", b"a")
    _write(tmp_path / "shrm" / "awards" / "winners-2019.csv", b"b")
    _write(tmp_path / "loose.pdf", b"c")

    documents = discover(tmp_path).set_index("source_path")

    assert documents.loc["shrm/2023/program.pdf", "association"] == "shrm"
    assert documents.loc["shrm/2023/program.pdf", "year"] == 2023
    assert documents.loc["shrm/awards/winners-2019.csv", "year"] == 2019
    assert documents.loc["loose.pdf", "association"] == ""


def test_corpus_ids_are_content_hashes(tmp_path):
    a = _write(tmp_path / "x" / "2020" / "a.pdf", b"same bytes")
    b = _write(tmp_path / "y" / "2021" / "b.pdf", b"same bytes")
    c = _write(tmp_path / "y" / "2021" / "c.pdf", b"other bytes")

    assert content_id(a) == content_id(b) != content_id(c)
    assert len(content_id(a)) == 16


def test_corpus_sources_csv_overrides(tmp_path):
    _write(tmp_path / "misc" / "prog.pdf")
    (tmp_path / "sources.csv").write_text(
        "source_path,association,year,event\nmisc/prog.pdf,ahima,2021,AHIMA Convention 2021\n"
    )

    documents = discover(tmp_path)

    assert list(documents["source_path"]) == ["misc/prog.pdf"]  # sources.csv itself is no input
    row = documents.iloc[0]
    assert (row["association"], row["year"]) == ("ahima", 2021)
    assert row["event"] == "AHIMA Convention 2021"


@pytest.mark.parametrize(("encoding", "separator"), [
    ("cp1252", ";"), ("utf-16", "\t"), ("utf-8-sig", ","), ("utf-8", ";")])
def test_corpus_sources_csv_as_spreadsheets_save_it(tmp_path, caplog, encoding, separator):
    _write(tmp_path / "misc" / "prog.pdf")
    text = separator.join(["source_path", "association", "year"]) + "\r\n" + separator.join(
        ["misc/prog.pdf", "Société française", "2021"]) + "\r\n"
    (tmp_path / "sources.csv").write_bytes(text.encode(encoding))

    row = discover(tmp_path).iloc[0]

    assert (row["association"], row["year"]) == ("Société française", 2021)
    assert ("not UTF-8; read as Windows-1252" in caplog.text) == (encoding == "cp1252")


def test_corpus_sources_csv_with_no_known_column_is_an_error(tmp_path):
    _write(tmp_path / "misc" / "prog.pdf")
    (tmp_path / "sources.csv").write_text("path,assoc\nmisc/prog.pdf,ahima\n")

    with pytest.raises(MentorMinerError, match=r"sources.csv: header path,assoc has neither "
                                               r"source_path nor association"):
        discover(tmp_path)


def test_corpus_sources_csv_unknown_column_is_named(tmp_path, caplog):
    _write(tmp_path / "misc" / "prog.pdf")
    (tmp_path / "sources.csv").write_text(
        "source_path,asociation,year\nmisc/prog.pdf,ahima,2021\n")

    row = discover(tmp_path).iloc[0]

    assert (row["association"], row["year"]) == ("misc", 2021)
    assert "column(s) asociation not known, ignored" in caplog.text


def test_corpus_unicode_and_shell_characters_in_names(tmp_path):
    odd = _write(tmp_path / "assoc" / "2022" / "Prógramme $(rm -rf) ; 'final'.pdf")

    documents = discover(tmp_path)

    assert documents.iloc[0]["source_path"] == "assoc/2022/" + odd.name


def test_corpus_symlink_outside_not_followed(tmp_path):
    outside = _write(tmp_path / "outside" / "secret.pdf")
    raw = tmp_path / "raw"
    _write(raw / "a" / "2020" / "real.pdf")
    (raw / "a" / "2020" / "link.pdf").symlink_to(outside)

    documents = discover(raw)

    assert list(documents["source_path"]) == ["a/2020/real.pdf"]
