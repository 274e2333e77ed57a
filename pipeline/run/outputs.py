"""Outputs: the tables of a run written atomically through a staging folder, and read back.

Nothing in the output folder changes until every table has been written in full; a forked
child may write some tables while the run goes on (see :mod:`pipeline.run.forked`)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.errors import MentorMinerError
from pipeline.tables import (
    APPEARANCE_COLUMNS,
    DOCUMENT_COLUMNS,
    ORGANIZATION_COLUMNS,
    PEOPLE_COLUMNS,
    PEOPLE_EXTRA_COLUMNS,
    ReadOptions,
)

if TYPE_CHECKING:  # pandas is imported where a table is built
    import pandas as pd

    from pipeline.run.forked import Forked


OUTPUT_FILES = (
    "documents.csv", "appearances.csv", "appearances.parquet", "people.csv",
    "organizations.csv", "shortlist.csv", "graph.graphml",
)


def read_table(out_dir: Path, name: str) -> pd.DataFrame:
    import pandas as pd

    from pipeline.run.store import read_csv

    table = read_csv(out_dir / f"{name}.csv")
    if name == "shortlist":
        for col in ("rank", "n_events"):
            table[col] = pd.to_numeric(table[col])
    return table


def write_outputs(out_dir: Path, *, documents, appearances, people, organizations, shortlist,
                  graph) -> None:
    """Write every table into a temporary folder, then move each file into `out_dir`.

    Nothing in `out_dir` changes until every table has been written in full.
    """
    with staged_outputs(out_dir) as stage:
        stage.write(documents=documents, appearances=appearances, people=people,
                    organizations=organizations, shortlist=shortlist, graph=graph)


# Names tempfile gives the staging folder and atomic_write's files (8 random characters).
_STAGING = re.compile(r"\.staging-[a-z0-9_]{8}")


_ATOMIC_TMP = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")


@contextlib.contextmanager
def staged_outputs(out_dir: Path) -> Iterator[StagedOutputs]:
    """A `StagedOutputs` for `out_dir`: its files move into place when the block ends without
    an error, and are thrown away with their staging folder when it does not."""
    out_dir.mkdir(parents=True, exist_ok=True)
    # Under the output lock, any staging folder or temp file of ours left here is from a killed
    # run. Only our names (tempfile's, see store.atomic_write): a file of the user's stays.
    for stale in out_dir.glob(".*"):
        if stale.is_dir() and _STAGING.fullmatch(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
        elif _ATOMIC_TMP.fullmatch(stale.name) and stale.is_file():
            stale.unlink(missing_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".staging-", dir=out_dir) as staging:
            stage = StagedOutputs(Path(staging))
            try:
                yield stage
                stage.wait()
            finally:
                stage.stop()
            for name in OUTPUT_FILES:
                os.replace(stage.folder / name, out_dir / name)
    except OSError as e:
        from pipeline.errors import OutputNotWritten

        raise OutputNotWritten(
            f"{out_dir}: cannot write the outputs ({e.strerror or e}); the previous outputs "
            "are untouched. Free some space or choose another --out folder."
        ) from e


class StagedOutputs:
    """The output files of one run, written into a staging folder.

    `write_forked` hands tables to a forked child process that writes them while this one goes
    on (ranking, the shortlist); `wait` collects it and raises its error, if any.
    """

    def __init__(self, folder: Path):
        self.folder = folder
        self._children: list[Forked] = []  # one per forked writer

    def write(self, *, documents=None, appearances=None, people=None, organizations=None,
              shortlist=None, graph=None, parquet: bool = True) -> None:
        """Write the tables given. `graph`: a graph, or a function that builds one."""
        from pipeline.run.store import write_csv, write_graphml

        stage = self.folder
        if documents is not None:
            write_csv(documents[list(DOCUMENT_COLUMNS)], stage / "documents.csv")
        if appearances is not None:
            write_csv(appearances, stage / "appearances.csv")
            if parquet:
                self.write_parquet(appearances)
        if people is not None:
            write_csv(people[[*PEOPLE_COLUMNS, *(c for c in PEOPLE_EXTRA_COLUMNS
                                                  if c in people)]], stage / "people.csv")
        if organizations is not None:
            write_csv(organizations[[*ORGANIZATION_COLUMNS, *[
                c for c in organizations.columns if c not in ORGANIZATION_COLUMNS]]],
                stage / "organizations.csv")
        if shortlist is not None:
            write_csv(shortlist, stage / "shortlist.csv")
        if graph is not None:
            write_graphml(graph() if callable(graph) else graph, stage / "graph.graphml")

    def write_parquet(self, appearances) -> None:
        from pipeline.run.store import write_parquet

        write_parquet(appearances, self.folder / "appearances.parquet")

    def write_forked(self, **tables) -> None:
        """`write(**tables)` in a forked child (see :mod:`pipeline.run.forked`; here when no child
        can start). The CSV and GraphML files only: Parquet, whose library keeps threads of
        its own, stays with the caller."""
        from pipeline.run.forked import fork_call

        self._children.append(fork_call(self.write, **tables, parquet=False))

    def wait(self) -> None:
        """Wait for the forked writers; the first one that failed raises its error (OSError
        for a failed write, as a write here would)."""
        failure = None
        while self._children:  # a child leaves the list once collected: stop() kills the rest
            try:
                self._children[0].result()
            except Exception as e:  # noqa: BLE001 - the first failure wins, after all ended
                failure = failure or e
            self._children.pop(0)
        if failure is not None:
            raise failure

    def stop(self) -> None:
        """Kill the forked writers still running (the block failed; their files go unused)."""
        children, self._children = self._children, []
        for child in children:
            child.cancel()


def read_processed(processed_dir: Path) -> dict[str, pd.DataFrame]:
    """`appearances`, `people` and `organizations` as `mentor-miner run` wrote them."""
    import pandas as pd

    from pipeline.errors import SchemaError
    from pipeline.run.store import read_csv

    processed_dir = Path(processed_dir)
    needed = {"appearances": APPEARANCE_COLUMNS, "people": PEOPLE_COLUMNS,
              "organizations": ORGANIZATION_COLUMNS}
    tables: dict[str, pd.DataFrame] = {}
    for name, columns in needed.items():
        parquet, csv_path = processed_dir / f"{name}.parquet", processed_dir / f"{name}.csv"
        if parquet.exists():
            table = pd.read_parquet(parquet)
        elif csv_path.exists():
            table = read_csv(csv_path)
        else:
            raise MentorMinerError(f"{csv_path}: not found. Run `mentor-miner run RAW_DIR --out "
                                   f"{processed_dir}` first.")
        missing = [c for c in columns if c not in table.columns]
        if missing:
            raise SchemaError(f"{csv_path}: missing columns {', '.join(missing)}; "
                              "re-run `mentor-miner run` to rebuild it.")
        for col in table.columns:
            if col not in ("page", "year") and (table[col].dtype == object
                                                or pd.api.types.is_string_dtype(table[col])):
                table[col] = table[col].fillna("").astype(str)
        tables[name] = table
    appearances = tables["appearances"]
    for col in ("page", "year"):
        appearances[col] = pd.to_numeric(appearances[col], errors="coerce").astype("Int64")
    for col in ("n_events", "n_appearances"):
        for name in ("people", "organizations"):
            if col in tables[name].columns:
                tables[name][col] = pd.to_numeric(tables[name][col], errors="coerce")
    return tables


def write_table(table: pd.DataFrame, path: Path) -> None:
    """A derived table (a shortlist) to CSV, atomically, formulas neutralized."""
    from pipeline.run.store import write_csv

    write_csv(table, Path(path))


def write_graph(processed_dir: Path, path: Path, *, fmt: str = "graphml",
                weights_path: Path | None = None) -> tuple[int, int]:
    """Build the graph from the processed tables and write it as GraphML or GEXF."""
    import networkx as nx

    from pipeline.run.store import atomic_write, graph_safe, write_graphml
    from pipeline.stages.graph import build_graph
    from pipeline.userfiles.weights import load_weights

    tables = read_processed(processed_dir)
    graph = build_graph(tables["appearances"], tables["people"], tables["organizations"],
                        weights=load_weights(weights_path))
    if fmt == "graphml":
        write_graphml(graph, Path(path))
    else:
        with atomic_write(Path(path)) as tmp:
            nx.write_gexf(graph_safe(graph), tmp)  # no control characters in XML
    return graph.number_of_nodes(), graph.number_of_edges()


def blocks_table(path: Path, options: ReadOptions) -> tuple[pd.DataFrame, str]:
    """The blocks table of the document at `path` (columns of :class:`pipeline.tables.Block`)
    and the kind it was read as; a file no reader takes, or a broken one, raises
    :class:`pipeline.errors.MentorMinerError` saying why."""
    from dataclasses import asdict

    import pandas as pd

    from pipeline.run.worker import extract_document
    from pipeline.tables import BLOCK_COLUMNS

    extracted = extract_document({"path": str(path), "source_path": str(path), "doc_id": ""},
                                 options=options)
    if extracted.extraction is None:
        raise MentorMinerError(extracted.message)
    rows = [asdict(block) for block in extracted.extraction.blocks]
    return pd.DataFrame(rows, columns=list(BLOCK_COLUMNS)), extracted.kind
