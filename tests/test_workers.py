"""The scanning process's set-up: worker count and the allocator that keeps freed memory."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from cardscan import workers

FAULTS = """
import resource, sys
import numpy as np
from cardscan import workers
if sys.argv[1] == "reuse":
    workers.reuse_freed_memory()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for i in range(20):
    # as cards come one after another: a few large float images alive at once, their size changing
    arrays = [np.ones((1000 + 10 * (i % 5), 1800), np.float32) for _ in range(4)]
    del arrays
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def _page_faults(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", FAULTS, mode], capture_output=True, text=True, check=True)
    return int(out.stdout)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="mallopt is glibc's")
def test_freed_image_memory_is_reused_not_faulted_in_again() -> None:
    # by default glibc returns each freed image to the system and faults the next one in page by page
    assert _page_faults("reuse") * 4 < _page_faults("default")


def test_default_jobs_is_the_cores_this_process_may_use() -> None:
    assert 1 <= workers.default_jobs() <= (os.cpu_count() or 1)
