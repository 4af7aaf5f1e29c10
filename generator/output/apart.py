"""Run one step of the build in a forked child process, so its memory leaves with it.

CPython rarely hands freed memory back to the system: after MkDocs has built 10,000 pages the
process still holds about 0.6 GB, and Pagefind, run next, would sit on top of it. Forked, the
step's memory is the child's, and the parent that runs Pagefind holds only what it had
before (its configuration).

The child answers through a pipe with its pickled result, or the exception it raised, which
the parent raises again. Stopping is the parent's business: the child ignores Ctrl-C (the
terminal sends it to both), the parent kills the child when it is stopped itself, and a child
whose parent died (``kill -9``) exits at once, so that nothing writes into a staging folder
the next build is sweeping.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
CHUNK = 1 << 16


class ChildFailedError(Exception):
    """The child process ended without an answer (killed, or out of memory)."""


def _exit_with_parent(alive: int) -> None:
    """Block until the parent's end of ``alive`` closes, which only its exit does; then exit."""
    while os.read(alive, 1):
        pass
    os._exit(1)


def _answer(work: Callable[[], T]) -> bytes:
    try:
        outcome = (True, work())
    except BaseException as err:  # every failure is the parent's to raise
        outcome = (False, err)
    try:
        return pickle.dumps(outcome)
    except Exception as err:  # an exception that cannot travel, as text
        return pickle.dumps((False, ChildFailedError(f"{outcome[1]!r} ({err})")))


def _child(work: Callable[[], T], answer: int, alive: int) -> None:
    """The child's whole life: run ``work``, write the answer, leave without clean-ups."""
    status = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        threading.Thread(target=_exit_with_parent, args=(alive,), daemon=True).start()
        data = memoryview(_answer(work))
        while data:
            data = data[os.write(answer, data[:CHUNK]) :]
    except BaseException:  # the parent reports a missing answer
        status = 1
    finally:
        # No atexit handlers, no flushing of the parent's buffers a second time.
        os._exit(status)


def _read_all(fd: int) -> bytes:
    parts = []
    while chunk := os.read(fd, CHUNK):
        parts.append(chunk)
    return b"".join(parts)


def run_apart(work: Callable[[], T]) -> T:
    """Run ``work()`` in a forked child; return what it returned or raise what it raised."""
    answer_r, answer_w = os.pipe()
    alive_r, alive_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(answer_r)
        os.close(alive_w)
        _child(work, answer_w, alive_r)
    os.close(answer_w)
    os.close(alive_r)
    try:
        data = _read_all(answer_r)
        os.waitpid(pid, 0)
    except BaseException:
        # Ctrl-C or SIGTERM here: the child stops now, before the caller cleans up after it.
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        raise
    finally:
        os.close(answer_r)
        os.close(alive_w)
    if not data:
        raise ChildFailedError("the build process ended without finishing (out of memory?)")
    try:
        finished, value = pickle.loads(data)
    except Exception as err:  # an exception whose class cannot be rebuilt here
        raise ChildFailedError(f"the build process failed: {err}") from None
    if not finished:
        raise value
    return value
