"""Loading the labelled demo data set from the overview, in chunks so a progress bar moves."""

from __future__ import annotations

from collections.abc import Callable

from dashboard import demo
from dashboard.ui import queries, services

CHUNK = 250


def load(total: int, progress: Callable[[int, int], None]) -> int:
    """Write ``total`` demo cases (refused if the database holds real ones)."""
    done = 0
    while done < total:
        size = min(CHUNK, total - done)
        with services.session() as s:
            demo.generate(s, cases=size, seed=7 + done)
        done += size
        progress(done, total)
    queries.clear()
    return done
