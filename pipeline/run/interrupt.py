"""Ctrl-C during a run: the workers die at once and the run unwinds; the early worker pool
starts with SIGINT blocked, so that no worker prints a traceback (issue 22)."""

from __future__ import annotations

import contextlib
import functools
import logging
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def interrupts_kill_workers() -> Iterator[None]:
    """While in the block, Ctrl-C kills the worker processes, then raises KeyboardInterrupt in
    this process; the previous handler is restored after it. Only the main thread may set a
    handler: a run started from another thread keeps Python's."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, functools.partial(_interrupt, os.getpid())) \
        if main else None
    unraisable = sys.unraisablehook
    sys.unraisablehook = functools.partial(_quiet_about_interrupts, unraisable)
    try:
        yield
    finally:
        sys.unraisablehook = unraisable
        if main:
            signal.signal(signal.SIGINT, previous)


def _quiet_about_interrupts(hook, unraisable) -> None:
    """An interrupt Python had to ignore (it came inside a callback) prints no traceback: it
    is raised again (see :func:`_retry_unless_caught`). Anything else is reported as before."""
    if unraisable.exc_type is not None and issubclass(unraisable.exc_type, KeyboardInterrupt):
        return
    hook(unraisable)


def _interrupt(run_pid: int, signum, frame) -> None:
    """Ctrl-C during a run: the workers are killed at once, then the run unwinds (its outputs
    are staged, so nothing is half-written). It waited for the documents in flight to finish:
    11.9 s on the sample (issue 22)."""
    import multiprocessing

    if os.getpid() != run_pid:  # a worker forked before its initializer ignores SIGINT
        return

    for child in multiprocessing.active_children():
        with contextlib.suppress(OSError):
            child.kill()
    _retry_unless_caught()
    raise KeyboardInterrupt


# A KeyboardInterrupt raised while Python runs a callback (an import lock's, a finalizer) is
# "ignored" with a traceback, and the run went on to exit 0. Until the command has caught the
# interrupt (:func:`interrupt_caught`), it is raised again a moment later, in the main thread.
_RETRY_S = 0.5
_retry: list[threading.Timer] = []


def _retry_unless_caught() -> None:
    import _thread

    if _retry:
        return
    timer = threading.Timer(_RETRY_S, _thread.interrupt_main)
    timer.daemon = True
    _retry.append(timer)
    timer.start()


def interrupt_caught() -> None:
    """The command has caught the KeyboardInterrupt: it need not be raised again."""
    while _retry:
        _retry.pop().cancel()


def start_pool_early(raw_dir: Path, jobs: int, model: str | None, limits, started: list
                     ) -> None:
    """Start the worker pool now, into `started` (see :func:`pipeline.run.executors.start_pool`)."""
    from pipeline.run.executors import start_pool

    # No more workers than files: three programs on an 8-core laptop load 3 models, not 8.
    files = count_files(raw_dir, stop_at=jobs)
    if not files:
        return
    # Ctrl-C is the run's to handle: the fork server and the workers start with SIGINT
    # blocked (a mask is inherited across fork and exec), or a Ctrl-C in their first second
    # printed their KeyboardInterrupt and EOFError tracebacks (issue 22). multiprocessing's
    # resource tracker unblocks SIGINT in the thread that starts it, which would be the thread
    # that starts the fork server: it starts here first. A Ctrl-C held back meanwhile arrives
    # when the mask is lifted, after the pool is in `started` for the caller to stop.
    _start_resource_tracker()
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        started.append(start_pool(files, model=model, limits=limits))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _start_resource_tracker() -> None:
    try:
        from multiprocessing import resource_tracker

        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - only Ctrl-C in the first second is at stake
        logger.debug("resource tracker not started here", exc_info=True)


def count_files(folder: Path, *, stop_at: int) -> int:
    """Files under `folder`, counted no further than `stop_at` (the walk stops there)."""
    found = 0
    for _, _, names in os.walk(folder):
        found += len(names)
        if found >= stop_at:
            return stop_at
    return found
