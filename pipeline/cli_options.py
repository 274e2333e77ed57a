"""What the command modules (`pipeline.cli`, `pipeline.cli_tables`) share: the default paths,
the one-line usage mistake, the checks of the paths an --out names, and the rule by which
output obeys -q and --silent."""

from __future__ import annotations

from pathlib import Path

import click

OUT_DEFAULT = Path("data/processed")
OUTREACH_DEFAULT = Path("data/overrides/outreach.csv")
OVERRIDES_DEFAULT = Path("data/overrides")


class UsageMistake(click.ClickException):
    """A mistake in what the user asked for (a path, a value): one line, exit 2, no usage."""

    exit_code = 2


def say(text: str = "", *, err: bool = False, level: str = "info") -> None:
    """Print `text` as the current command's `level` of output: 'info' (summaries, results,
    what was written: not under -q) or 'warning' (a failure or a caution: not under --silent).
    Issue 22: -q prints only warnings and errors, --silent nothing."""
    ctx = click.get_current_context(silent=True)
    options = (ctx.obj if ctx is not None else None) or {}
    if options.get("silent") or (level != "warning" and options.get("quiet")):
        return
    click.echo(text, err=err)


def is_quiet() -> bool:
    """Whether the current command runs under -q (or --silent)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and (ctx.obj or {}).get("quiet"))


def check_out_dir(out_dir: Path, *, option: str = "--out") -> None:
    """--out must be a folder that can be written, or created: else one line, exit 2 (issue 22:
    `--out afile/sub` was a NotADirectoryError traceback)."""
    from pipeline.run.files import out_dir_problem

    problem = out_dir_problem(out_dir)
    if problem:
        raise UsageMistake(f"{option}: {problem}. Choose another output folder.")


def check_out_file(path: Path, option: str) -> None:
    """The file an --out names must be one that can be written: its folder a folder (or one
    that can be created), the path itself not a folder. One line, exit 2."""
    if path.is_dir():
        raise UsageMistake(f"{option}: {path} is a folder; name a file to write.")
    check_out_dir(path.parent, option=option)


def default_overrides() -> Path | None:
    """`data/overrides` in the working folder when it exists (the user's merge/split/aliases)."""
    return OVERRIDES_DEFAULT if OVERRIDES_DEFAULT.is_dir() else None
