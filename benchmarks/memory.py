"""Peak memory of a whole process tree: the build, MkDocs in its own process, and Pagefind.

``wait4``'s ``ru_maxrss`` (what ``/usr/bin/time -v`` prints) is the largest of the single
processes, not what they hold at once: a Python process at 0.6 GB beside a Pagefind at
2.5 GB shows as 2.5 GB. So this samples ``/proc``: every ``interval`` seconds it sums the
resident set of the process and all its descendants, and keeps the largest sum. Short spikes
between two samples can be missed; ``ru_maxrss`` is reported beside it as a floor.

``python -m benchmarks.memory -- COMMAND…`` prints the figures of one command as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024
INTERVAL_S = 0.05


@dataclass(frozen=True)
class TreeRun:
    """One measured command: CPU of it and its children, single and whole-tree peak RSS."""

    wall_s: float
    cpu_s: float
    largest_process_mb: float
    tree_peak_mb: float
    returncode: int


def _children() -> dict[int, list[int]]:
    """Parent pid → child pids, read from every ``/proc/<pid>/stat``."""
    tree: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name is in brackets and may hold spaces: fields start after ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(entry.name))
    return tree


def _rss_kb(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/statm").read_text().split()
    except OSError:
        return 0
    return int(fields[1]) * PAGE_KB


def tree_rss_mb(root: int) -> float:
    """The resident memory of ``root`` and all its descendants now, in MB."""
    tree, total, todo = _children(), 0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_kb(pid)
        todo.extend(tree.get(pid, ()))
    return total / 1024


def measure_tree(command: list[str], cwd: Path | None = None, env=None, log=None) -> TreeRun:
    """Run ``command`` to its end, sampling its process tree's memory; output to ``log``."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
    peak = [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], tree_rss_mb(process.pid))
            done.wait(INTERVAL_S)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    # wait4 counts the CPU of every child the command waited for (MkDocs, Pagefind).
    _pid, status, usage = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    return TreeRun(
        wall_s=time.perf_counter() - start,
        cpu_s=usage.ru_utime + usage.ru_stime,
        largest_process_mb=usage.ru_maxrss / 1024,
        tree_peak_mb=peak[0],
        returncode=process.returncode,
    )


def main(argv: list[str] | None = None) -> int:
    """Measure the command after ``--`` and print its figures as JSON."""
    args = sys.argv[1:] if argv is None else argv
    command = args[args.index("--") + 1 :] if "--" in args else args
    run = measure_tree(command)
    print(json.dumps(asdict(run)))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
