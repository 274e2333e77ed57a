"""Forked: run a function in a forked child while this process goes on, then collect its value.

The whole-corpus stages (resolve, rank, the shortlist, writing) run in one process after the
workers are done, while the other cores idle. Their independent parts are handed to forked
children: a child starts with a copy of every table already in memory, so nothing is pickled
on the way in, and only the (small) result comes back through a pipe.

Fork without exec is only safe on Linux (macOS system libraries do not survive it reliably),
and only worth its cost when more than one process is allowed: elsewhere, or when `enabled` is
false, the function runs at once in this process, and the caller's code stays the same.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

__all__ = ["Forked", "can_fork", "fork_call"]


def can_fork() -> bool:
    """Whether :func:`fork_call` may fork here (Linux only)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork")


class Forked(Generic[T]):
    """The value of a call made in a forked child (or already made here)."""

    def __init__(self, pid: int | None = None, read_end: int | None = None, *,
                 value: T | None = None, error: BaseException | None = None):
        self._pid, self._read_end = pid, read_end
        self._value, self._error = value, error

    def result(self) -> T:
        """Wait for the child and return its value; its exception is raised here.

        An exception that cannot be pickled comes back as a RuntimeError naming it; a child
        that died without a word (killed, out of memory) gives a RuntimeError with its status.
        """
        if self._pid is not None:
            self._collect()
        if self._error is not None:
            raise self._error
        return self._value  # type: ignore[return-value]

    def _collect(self) -> None:
        # Interrupted (Ctrl-C) while waiting, the child stays known, so cancel() can kill it.
        with os.fdopen(self._read_end, "rb") as pipe:  # type: ignore[arg-type]
            self._read_end = None  # the file object closes it
            data = pipe.read()
        _, status = os.waitpid(self._pid, 0)  # type: ignore[arg-type]
        self._pid = None
        try:
            ok, payload = pickle.loads(data)
        except Exception as e:  # noqa: BLE001 - nothing, half a message, or one unreadable
            code = os.waitstatus_to_exitcode(status)
            self._error = RuntimeError(f"forked process ended with status {code}" + (
                f" and a result that cannot be read ({e})" if data else " and no result"))
            return
        if ok:
            self._value = payload
        else:
            self._error = payload

    def cancel(self) -> None:
        """Kill the child if it is still running; its value is never wanted."""
        if self._pid is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self._pid, 0)
        if self._read_end is not None:
            os.close(self._read_end)
        self._pid = self._read_end = None


def _here(fn: Callable[..., T], args, kwargs) -> Forked[T]:
    try:
        return Forked(value=fn(*args, **kwargs))
    except Exception as e:  # noqa: BLE001 - raised by result(), as from a child
        return Forked(error=e)


def fork_call(fn: Callable[..., T], /, *args, enabled: bool = True, **kwargs) -> Forked[T]:
    """Start ``fn(*args, **kwargs)`` in a forked child; ``.result()`` waits for its value.

    Runs `fn` here, at once, when `enabled` is false, when this platform does not fork (see
    :func:`can_fork`) or when no child can be started (no memory or process slot).

    >>> fork_call(sum, [1, 2, 3]).result()
    6
    >>> fork_call(int, "x").result()
    Traceback (most recent call last):
    ...
    ValueError: invalid literal for int() with base 10: 'x'
    """
    if not (enabled and can_fork()):
        return _here(fn, args, kwargs)
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return _here(fn, args, kwargs)
    if pid == 0:  # the child: compute, report, and leave without running any cleanup
        status = 1
        try:
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
            try:
                message = pickle.dumps((True, fn(*args, **kwargs)), protocol=5)
            except BaseException as e:  # noqa: BLE001 - reported to the parent
                try:
                    message = pickle.dumps((False, e), protocol=5)
                except Exception:  # noqa: BLE001 - an exception that does not pickle
                    message = pickle.dumps((False, RuntimeError(f"{type(e).__name__}: {e}")))
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(message)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return Forked(pid, read_end)
