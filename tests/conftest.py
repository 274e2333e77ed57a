"""Shared fixtures: the real corpus in ../shared/corpus (a failure in CI when missing)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("MENTOR_MINER_CORPUS", ROOT.parent / "shared" / "corpus"))


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true",
                     help="Rewrite tests/golden files from the current output.")


@pytest.fixture(scope="session")
def update_golden(request) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """`../shared/corpus`; missing is a failure in CI (CI=true) and a skip elsewhere."""
    if not (CORPUS / "raw").is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"real corpus not found at {CORPUS} (required in CI)")
        pytest.skip(f"real corpus not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def raw_corpus(corpus_dir: Path) -> Path:
    return corpus_dir / "raw"


@pytest.fixture(scope="session")
def nlp():
    from pipeline.text.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def corpus_run(raw_corpus: Path, tmp_path_factory) -> Path:
    """One CLI run over the whole real corpus, shared by every test that reads its outputs."""
    from click.testing import CliRunner

    from pipeline.cli import cli

    out = tmp_path_factory.mktemp("corpus-out")
    result = CliRunner().invoke(
        cli, ["-q", "run", str(raw_corpus), "--out", str(out), "--silent", "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def tesseract():
    """The tesseract program; missing is a failure in CI (CI=true) and a skip elsewhere."""
    if shutil.which("tesseract") is None:
        message = "tesseract is not installed (`make sys-deps`, Debian package tesseract-ocr)"
        if os.environ.get("CI"):
            pytest.fail(message + " - required in CI")
        pytest.skip(message)


@pytest.fixture
def ocr_env(monkeypatch):
    """A stray MENTOR_MINER_OCR in the environment: OCR must come from `--ocr` alone."""
    monkeypatch.setenv("MENTOR_MINER_OCR", "1")
