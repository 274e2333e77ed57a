"""Pictures saved in place of a program (issues 22 and 23): said without --ocr, read with it."""

import pandas as pd
from click.testing import CliRunner
from test_ocr import PROGRAM, _scan

from extractors.image_file import ImageFile


def _flyer(path, fmt="PNG", dpi=200):
    path.parent.mkdir(parents=True, exist_ok=True)
    _scan(PROGRAM).save(path, format=fmt, dpi=(dpi, dpi))
    return path


def test_image_without_ocr_is_scanned_and_says_how_to_read_it(tmp_path):
    extraction = ImageFile(ocr=False).extract(_flyer(tmp_path / "flyer.png"))
    assert extraction.status == "scanned"
    assert extraction.message == ("a PNG image, not a document with text: run with --ocr to "
                                  "read it")


def test_image_with_ocr_names_people_and_sponsors(tmp_path, tesseract, ocr_env):
    from pipeline.cli import cli

    raw = tmp_path / "raw" / "acme" / "2024"
    _flyer(raw / "flyer.jpg", fmt="JPEG")
    _flyer(raw / "program.pdf")  # a PNG saved under a PDF's name
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out",
                                      str(tmp_path / "out"), "--ocr", "--no-cache",
                                      "--jobs", "1", "--silent"])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False)
    documents = documents.set_index("source_path")
    assert documents.loc["acme/2024/flyer.jpg", "status"] == "ok"
    assert documents.loc["acme/2024/flyer.jpg", "message"] == "1 of 1 pages read by OCR (pages 1)"
    assert documents.loc["acme/2024/program.pdf", "message"].startswith(
        "read as image_file: its content looks like a PNG image, not PDF")
    appearances = pd.read_csv(tmp_path / "out" / "appearances.csv", keep_default_na=False)
    for source in ("acme/2024/flyer.jpg", "acme/2024/program.pdf"):
        rows = appearances[appearances["source_path"] == source]
        found = set(zip(rows["role"], rows["person_name"], rows["org_name"], strict=True))
        assert ("keynote", "Alan Turing", "Globex Labs") in found
        assert ("sponsor", "", "Initech Solutions") in found


def test_damaged_image_is_an_error_with_its_cause(tmp_path, ocr_env):
    from pipeline.cli import cli

    raw = tmp_path / "raw" / "acme" / "2024"
    raw.mkdir(parents=True)
    good = _flyer(tmp_path / "good.png")
    (raw / "flyer.png").write_bytes(good.read_bytes()[:200])
    result = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out",
                                      str(tmp_path / "out"), "--no-cache", "--jobs", "1",
                                      "--silent"])
    assert result.exit_code == 3, result.output
    row = pd.read_csv(tmp_path / "out" / "documents.csv", keep_default_na=False).iloc[0]
    assert row["status"] == "error"
    assert row["message"].startswith("acme/2024/flyer.png: a PNG image that cannot be read: "
                                     "the file is damaged or cut short")
