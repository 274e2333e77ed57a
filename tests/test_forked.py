"""forked: a call in a forked child gives its value or its exception back to the parent."""

from __future__ import annotations

import errno
import os
import signal
import time

import pytest

from pipeline.run.forked import can_fork, fork_call

needs_fork = pytest.mark.skipif(not can_fork(), reason="fork_call forks on Linux only")


@needs_fork
def test_forked_call_runs_in_another_process_and_returns_its_value():
    value = fork_call(lambda: (os.getpid(), {"rows": [1, 2]})).result()

    assert value[0] != os.getpid()
    assert value[1] == {"rows": [1, 2]}


def test_forked_disabled_runs_here_at_once():
    calls = []

    later = fork_call(lambda: calls.append(os.getpid()) or len(calls), enabled=False)

    assert calls == [os.getpid()]  # already ran, in this process
    assert later.result() == 1


@needs_fork
def test_forked_os_error_keeps_its_type_and_errno():
    def disk_full():
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space left") as info:
        fork_call(disk_full).result()
    assert info.value.errno == errno.ENOSPC


@needs_fork
def test_forked_exception_that_does_not_pickle_comes_back_named():
    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fail():
        raise Local("bad row 7")

    with pytest.raises(RuntimeError, match="Local: bad row 7"):
        fork_call(fail).result()


@needs_fork
def test_forked_child_killed_is_an_error_not_a_value():
    def die():
        os.kill(os.getpid(), signal.SIGKILL)

    with pytest.raises(RuntimeError, match="status -9 and no result"):
        fork_call(die).result()


@needs_fork
def test_forked_cancel_kills_a_running_child():
    child = fork_call(time.sleep, 60)
    pid = child._pid

    child.cancel()

    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no such child any more


@needs_fork
def test_forked_interrupted_wait_leaves_the_child_cancellable():
    """Ctrl-C while waiting for a child: the child is still known, so cancel() kills it."""
    def interrupt(signum, frame):
        raise KeyboardInterrupt

    child = fork_call(time.sleep, 60)
    pid = child._pid
    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with pytest.raises(KeyboardInterrupt):
            child.result()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

    child.cancel()

    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
