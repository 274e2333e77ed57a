"""discover: content-hash ids, association/year from paths, sources.csv overrides, odd names."""

from __future__ import annotations

from pathlib import Path

from pipeline.corpus import content_id, discover


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
