"""Executors: run the per-document stage in isolated worker processes, locally or on Dask."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from pipeline.errors import MentorMinerError

logger = logging.getLogger(__name__)


class DocumentTimeout(MentorMinerError):
    """A document took longer than the per-document time limit."""


@dataclass(frozen=True)
class Limits:
    """Per-document limits. Defaults let a 500-page handbook through on a slow core."""

    timeout_s: float = 900.0
    memory_mb: int = 4096


def _init_worker(memory_mb: int, warm: bool = False, model: str | None = None,
                 context: _CallerContext | None = None, parent: int | None = None) -> None:
    """Set the worker's limits; with `warm`, load the extractors and `model` before the first
    document comes. A worker forked by the fork server takes on the caller's `context`. The
    worker ends itself once the `parent` process is gone."""
    if context is not None:
        context.apply()
    if parent is not None:
        threading.Thread(target=_exit_without, args=(parent,), daemon=True,
                         name="mentor-miner-parent-watch").start()
    # The worker, not the parent, gets the memory ceiling: a bomb fails one document.
    if memory_mb > 0:
        import resource

        # The ceiling is on what a document may add: a forked worker starts with the parent's
        # address space (libraries, thread stacks), which no document should be charged for.
        limit = _address_space() + memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or hard > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    if warm:
        from pipeline.run.worker import warm_up

        warm_up(model)


@dataclass(frozen=True)
class _CallerContext:
    """What a forked worker inherits from the process that started it, and a worker of the
    fork server must be given: the environment (`--ocr` sets a variable; the server only has
    the one of the moment it started), the working folder, and the logging set-up."""

    environ: dict[str, str]
    cwd: str
    log_formatter: logging.Formatter | None
    log_levels: dict[str, int]

    @classmethod
    def current(cls) -> _CallerContext:
        root = logging.getLogger()
        formatters = [h.formatter for h in root.handlers if h.formatter is not None]
        levels = {name: log.level for name, log in logging.root.manager.loggerDict.items()
                  if isinstance(log, logging.Logger) and log.level != logging.NOTSET}
        return cls(dict(os.environ), os.getcwd(), formatters[0] if formatters else None,
                   {"": root.level, **levels})

    def apply(self) -> None:
        os.environ.clear()
        os.environ.update(self.environ)
        os.chdir(self.cwd)
        if self.log_formatter is not None:
            handler = logging.StreamHandler(sys.stderr)
            handler.setFormatter(self.log_formatter)
            logging.basicConfig(handlers=[handler], force=True)
        for name, level in self.log_levels.items():
            logging.getLogger(name or None).setLevel(level)


def _exit_without(parent: int, every_s: float = 1.0) -> None:
    """End this worker when `parent` no longer runs. A run killed outright (SIGKILL, SIGTERM,
    the out-of-memory killer) cannot stop its workers, and a worker left with a result for a
    dead parent would wait on the full pipe for ever, holding its memory."""
    while True:
        time.sleep(every_s)
        try:
            os.kill(parent, 0)
        except (ProcessLookupError, PermissionError):  # gone (its number reused by another
            os._exit(1)                                 # user's process: gone too)


def _noop() -> None:
    return None


class _StartedPool(ProcessPoolExecutor):
    """A pool whose workers a thread of its own starts (see :func:`start_pool`)."""

    starter: threading.Thread


def start_pool(jobs: int, *, model: str | None, limits: Limits) -> ProcessPoolExecutor:
    """A pool of `jobs` workers started now, each loading the model at once.

    Started before the main process has imported its own libraries and found the documents,
    the workers' model load runs alongside that work instead of after it. Hand the pool to
    :func:`run_local`, or to :func:`stop_pool` when no document needs reading after all.
    """
    jobs = max(1, jobs)
    pool = _StartedPool(
        max_workers=jobs, mp_context=_fork_server(), initializer=_init_worker,
        initargs=(limits.memory_mb, True, model, _CallerContext.current(), os.getpid()),
    )
    # A pool starts a worker per task until it has `jobs` (a forking one all at the first).
    # Starting one from the fork server waits for the server's own imports: a thread waits,
    # while this process goes on with its imports.
    pool.starter = threading.Thread(target=_start_workers, args=(pool, jobs), daemon=True,
                                    name="mentor-miner-pool-start")
    pool.starter.start()
    return pool


def _start_workers(pool: ProcessPoolExecutor, jobs: int) -> None:
    try:
        for _ in range(jobs):
            pool.submit(_noop)
    except RuntimeError:  # the pool was shut down meanwhile
        pass


def _fork_server():
    """On Linux, a fork server that imports spaCy and the extractors once and forks every
    worker from there: N workers pay for those imports once, not N times side by side (0.7 s
    of CPU each), and share the imported code's memory. Elsewhere the platform's default
    (spawn on macOS, where libraries do not survive fork without exec)."""
    if not sys.platform.startswith("linux"):
        return None
    import multiprocessing

    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["pipeline.run.preload"])
    return context


def stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now, workers and all (one still loading its model is not waited for)."""
    starter = getattr(pool, "starter", None)
    if starter is not None:
        starter.join()  # every worker it starts exists before any is killed
    _kill_workers(pool)
    pool.shutdown(wait=False, cancel_futures=True)


def _address_space() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _alarm(signum, frame):
    raise DocumentTimeout("took longer than the per-document time limit")


def call_with_limits(func: Callable, doc: dict, model: str | None, timeout_s: float):
    """Run `func(doc, model=model)` with an in-process alarm (seconds) as the soft time limit."""
    in_main_thread = threading.current_thread() is threading.main_thread()
    # A Dask worker runs tasks in threads, where no alarm can be set: Dask's own
    # lifetime and memory limits apply there.
    if timeout_s and timeout_s > 0 and hasattr(signal, "SIGALRM") and in_main_thread:
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
        try:
            return func(doc, model=model)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    return func(doc, model=model)


def run_local(
    func: Callable, docs: list[dict], *, jobs: int, model: str | None, limits: Limits,
    on_failure: Callable[[dict, str], object], pool: ProcessPoolExecutor | None = None,
) -> Iterator[object]:
    """Yield `func(doc)` for every doc from a pool of `jobs` worker processes.

    `pool` (from :func:`start_pool`) serves the first round; later rounds, which read
    documents one per pool after a worker died, start their own.

    A worker that dies (out of memory, killed) takes its pool down with it; the documents that
    were in flight are then read again one per pool, so only the culprit fails. A worker that
    hangs past the hard limit (twice the soft limit, for code the alarm cannot interrupt) is
    killed and its document fails. Failed documents get `on_failure(doc, reason)`.
    """
    pending, isolate = list(docs), len(docs) == 1
    while pending:
        if isolate:
            batch, pending = pending[:1], pending[1:]
        else:
            batch, pending = pending, []
        if pool is None:
            pool = ProcessPoolExecutor(
                max_workers=max(1, min(jobs, len(batch))), initializer=_init_worker,
                initargs=(limits.memory_mb, False, None, None, os.getpid()),
            )
        try:
            futures: dict[Future, dict] = {
                pool.submit(call_with_limits, func, doc, model, limits.timeout_s): doc
                for doc in batch
            }
        except BrokenProcessPool:  # a started pool whose worker died before any document
            stop_pool(pool)
            pool, pending = None, batch + pending
            continue
        hard_limit = 2 * limits.timeout_s + 30 if limits.timeout_s else None
        broken = False
        try:
            while futures and not broken:
                done, _ = wait(futures, timeout=hard_limit, return_when=FIRST_COMPLETED)
                if not done:  # nothing finished in the hard limit: a worker hangs in C code
                    _kill_workers(pool)
                    broken = True
                    running = [f for f in futures if f.running()] or list(futures)
                    if isolate or len(running) == 1:
                        for future in running:
                            yield on_failure(futures.pop(future),
                                             "stopped: exceeded the time limit")
                    break  # the rest (and, unless alone, the running ones) go again, isolated
                suspects = []
                for future in done:
                    doc = futures.pop(future)
                    try:
                        yield future.result()
                    except BrokenProcessPool:
                        broken = True
                        suspects.append(doc)
                    except MentorMinerError as e:
                        yield on_failure(doc, str(e))
                    except Exception as e:  # noqa: BLE001 - a failure stays with its document
                        yield on_failure(doc, f"{type(e).__name__}: {e}")
                if broken:
                    suspects.extend(futures.values())
                    futures.clear()
                    if isolate:
                        for doc in suspects:
                            yield on_failure(doc, "worker process died (out of memory or killed)")
                    else:
                        pending = suspects + pending
                        isolate = True
        finally:
            pool.shutdown(wait=not broken, cancel_futures=True)
            pool = None
        if broken and futures:
            pending = list(futures.values()) + pending
            isolate = True


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            os.kill(process.pid, signal.SIGKILL)
        except (ProcessLookupError, AttributeError):
            pass


def run_dask(
    func: Callable, docs: list[dict], *, scheduler: str, model: str | None, limits: Limits,
    on_failure: Callable[[dict, str], object],
) -> Iterator[object]:
    """The same per-document function on a dask.distributed cluster at `scheduler`."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as e:
        raise MentorMinerError(
            "--executor dask needs dask.distributed: python -m pip install 'dask[distributed]'"
        ) from e
    try:
        client = Client(scheduler)
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        from pipeline.errors import Unreachable

        raise Unreachable(
            f"{scheduler}: cannot reach the Dask scheduler ({e}). Is `dask scheduler` running "
            "there, and is the address the one it printed (tcp://HOST:8786)?"
        ) from e
    with client:
        futures = {
            client.submit(call_with_limits, func, doc, model, limits.timeout_s, pure=False): doc
            for doc in docs
        }
        for future in as_completed(futures):
            doc = futures[future]
            try:
                yield future.result()
            except Exception as e:  # noqa: BLE001 - a lost worker fails one document
                yield on_failure(doc, f"dask worker failed ({type(e).__name__}: {e})")
