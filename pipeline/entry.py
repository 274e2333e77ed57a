"""The console script's first code: a Ctrl-C while the CLI is still being loaded stops at once
with one line, not a KeyboardInterrupt traceback from an import (issue 22).

Loading the CLI (click, pandas for some commands) takes ~100 ms; the `run` command installs
its own handler after that. This module is imported by the `mentor-miner` script before any of
it, and restores Python's own handler once the CLI is loaded, so the commands handle Ctrl-C as
before.
"""

from __future__ import annotations

import os
import signal
import sys


def _while_loading(signum, frame) -> None:
    sys.stderr.write("Interrupted (Ctrl-C) while starting: nothing was read or written.\n")
    sys.stderr.flush()
    os._exit(130)


# A Ctrl-C the shell told this process to ignore (a background job) stays ignored.
_PREVIOUS = signal.getsignal(signal.SIGINT)
if _PREVIOUS is not signal.SIG_IGN:
    signal.signal(signal.SIGINT, _while_loading)


def main() -> None:
    from pipeline.cli import cli

    if _PREVIOUS is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    cli()
