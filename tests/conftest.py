"""Shared fixtures: the bad-input corpus, built once per session."""

from __future__ import annotations

import os
from pathlib import Path

import badinputs
import pytest

# The CLI takes its default phone region from the locale; the tests' cards expect the documented US default
# whatever the locale of the machine running them.
os.environ["LC_ALL"] = "C.UTF-8"


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[badinputs.Case]]:
    """(root, cases): root/inbox holds the inputs, root/outside the symlink's target. Read-only for tests."""
    root = tmp_path_factory.mktemp("corpus")
    return root, badinputs.make_corpus(root)
