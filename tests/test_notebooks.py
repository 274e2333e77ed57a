"""Every notebook in notebooks/ runs top to bottom on the bundled sample's outputs (STYLE §9)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT_S = 300
# Appended by the test: under Agg nothing is displayed, so draw every open figure (drawing is
# where bad text such as unbalanced `$` fails) and report how many there were.
DRAW_ALL = """import matplotlib.pyplot as plt
for number in plt.get_fignums():
    plt.figure(number).canvas.draw()
print(f"figures drawn: {len(plt.get_fignums())}")"""


def run_sample(tmp_path_factory) -> Path:
    """The data folder of one `mentor-miner run data/raw` (its tables in `processed/`).

    Shared by test_notebooks.py and test_report.py: the second caller finds the first run.
    """
    from click.testing import CliRunner

    from pipeline.cli import cli

    data = tmp_path_factory.getbasetemp() / "sample-data"
    if not (data / "processed" / "shortlist.csv").exists():
        result = CliRunner().invoke(cli, ["-q", "run", str(ROOT / "data" / "raw"), "--out",
                                          str(data / "processed"), "--jobs", "1", "--silent",
                                          "--no-cache"])
        assert result.exit_code == 0, result.output
    return data


@pytest.fixture(scope="session")
def sample_data(tmp_path_factory) -> Path:
    return run_sample(tmp_path_factory)


def test_notebooks_exist_and_are_stripped():
    import nbformat

    assert [p.name for p in NOTEBOOKS] == ["1-corpus-overview.ipynb", "2-people.ipynb",
                                          "3-network.ipynb"]
    for path in NOTEBOOKS:
        notebook = nbformat.read(path, as_version=4)
        nbformat.validate(notebook)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert all(not c.outputs and c.execution_count is None for c in code), path.name
        assert "MENTOR_MINER_DATA" in code[0].source and "DATA_DIR" in code[0].source
        assert any(c.cell_type == "markdown" for c in notebook.cells)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebooks_run_on_sample(path: Path, sample_data: Path, monkeypatch):
    import nbformat
    from nbclient import NotebookClient

    monkeypatch.setenv("MENTOR_MINER_DATA", str(sample_data))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.delenv("MENTOR_MINER_PERSON", raising=False)
    notebook = nbformat.read(path, as_version=4)
    notebook.cells.append(nbformat.v4.new_code_cell(DRAW_ALL, id="test-draw-all"))
    client = NotebookClient(notebook, timeout=TIMEOUT_S, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    client.execute()  # raises CellExecutionError with the failing cell and traceback
    outputs = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    warnings = [o.text for o in outputs if o.output_type == "stream" and o.name == "stderr"
                and "Warning" in o.text]
    assert not warnings, warnings
    drawn = notebook.cells[-1].outputs[0].text
    assert int(drawn.split(":")[1]) >= 2, f"{path.name} drew too little: {drawn}"
