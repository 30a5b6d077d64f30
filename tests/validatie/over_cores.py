"""Runs a checker over many files on every core: the largest files first,
each to the next free worker, so one large report does not leave a core
idle while the other works through the rest.

`cost` estimates a file's time (its size, unless the checker knows better).
A checker is a function of one path that returns a list of JSON-able
dicts (one per tool); `run` prints each as a JSON line with its "file",
in the order the files finish, and returns the exit status: 1 when any
dict's `count` key is above 0.
"""

import json
import os
import sys
from multiprocessing import get_context


def _apply(job):
    check, path = job
    return path, check(path)


def run(check, paths, count, cost=os.path.getsize):
    paths = sorted(paths, key=cost, reverse=True)
    failed = False

    def emit(path, results):
        nonlocal failed
        for r in results:
            r["file"] = path
            failed |= r[count] > 0
            print(json.dumps(r, ensure_ascii=False), flush=True)

    workers = min(len(paths), os.cpu_count() or 1)
    if workers <= 1:
        for path in paths:
            emit(path, check(path))
    else:
        # fork: the workers start with the modules and settings the checker's
        # script has already loaded.
        with get_context("fork").Pool(workers) as pool:
            for path, results in pool.imap_unordered(_apply, [(check, p) for p in paths]):
                emit(path, results)
    sys.stdout.flush()
    return 1 if failed else 0
