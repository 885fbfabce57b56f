"""The bad-input corpus through the real CLI (one subprocess batch) and through the watcher.

Every input must end as `ok` or as `failed` with one clear sentence; no traceback, no lost or
changed input, nothing written outside OUT, every good card exported, hostile text defused.
"""

from __future__ import annotations

import csv
import errno
import importlib.util
import os
import shutil
from pathlib import Path

import badinputs
import pytest

from cardscan import imageio, pipeline, robustness
from cardscan.config import Settings
from cardscan.models import Status

pytestmark = [
    pytest.mark.tesseract,
    pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed"),
]


@pytest.fixture(scope="module")
def batch(corpus: tuple[Path, list[badinputs.Case]]) -> tuple[list[robustness.Row], robustness.Totals, Path]:
    """`cardscan scan INBOX -o OUT --json` once over the whole corpus, good cards mixed in."""
    root, cases = corpus
    rows = [robustness.Row(c.name, c.expect) for c in cases]
    totals = robustness.Totals()
    robustness.scan_batch(badinputs, cases, rows, root, totals)
    return rows, totals, root / "outs" / "batch"


def test_every_input_gets_the_outcome_a_user_expects(batch: tuple[list[robustness.Row], robustness.Totals, Path]):
    rows, totals, _ = batch
    problems = {r.name: r.problems for r in rows if r.problems}
    assert problems == {}
    assert totals.crashes == 0 and totals.tracebacks == 0, totals.notes


def test_no_input_is_lost_or_changed_and_nothing_lands_outside_out(batch):
    _, totals, _ = batch
    assert totals.lost == []
    assert totals.outside == []  # includes HOME and TMPDIR of the run, and the symlink's target


def test_every_good_card_is_exported(batch):
    _, totals, out = batch
    assert totals.good_total >= 4
    assert totals.good_exported == totals.good_total
    names = robustness.exported_keys(out)
    assert {"maria lindqvist", "tomas okafor", "hanna berg", "peter newline"} <= names


def test_hostile_card_text_is_defused_in_every_export(batch):
    _, _, out = batch
    assert robustness.out_problems(out) == []
    with (out / "contacts.csv").open(newline="", encoding="utf-8-sig") as f:
        cells = [c for row in csv.reader(f) for c in row]
    # The parsers keep the company "=SUM(A1) Widgets GmbH" and the title "-Head of Sales": both defused.
    assert "'=SUM(A1) Widgets GmbH" in cells
    assert not any(c.startswith("=") for c in cells)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1).jpg" in html  # the file name of a failed input, escaped
    written = [p.relative_to(out) for p in out.rglob("*")]
    assert all(".." not in p.parts and "etc" not in p.parts for p in written)


def test_failure_sentences_read_well(batch):
    rows, _, _ = batch
    failed = [r for r in rows if r.batch == "failed"]
    assert len(failed) >= 12
    for r in rows:
        assert "Traceback" not in r.message


@pytest.mark.skipif(importlib.util.find_spec("cardscan.watch") is None, reason="cardscan.watch not written yet")
def test_watcher_files_every_input_under_done_or_failed(corpus, batch):
    root, cases = corpus
    rows = [robustness.Row(c.name, c.expect) for c in cases]
    totals = robustness.Totals()
    robustness.watch_phase(badinputs, cases, rows, root, totals)
    assert totals.notes == []  # the watcher neither died nor hung nor left files behind
    assert totals.lost == [] and totals.outside == [] and totals.out_problems == []
    assert {r.name: r.problems for r in rows if r.problems} == {}


# --------------------------------------------------------------------------- simulated faults on one file


@pytest.fixture
def card(tmp_path: Path) -> Path:
    path = tmp_path / "card.jpg"
    badinputs.render_card(badinputs.card_lines("Ida", "Race", "Timing Ltd", 20)).save(path, quality=92)
    return path


def _failing_open(path: Path, exc: OSError, before=lambda: None):
    real_open = open

    def fake_open(file, *args, **kwargs):
        if Path(file) == path:
            before()
            raise exc
        return real_open(file, *args, **kwargs)

    return fake_open


def test_unreadable_file_fails_with_permission_sentence(card: Path, monkeypatch: pytest.MonkeyPatch):
    if os.geteuid() == 0:  # root reads chmod 000 files: simulate what every other user gets
        monkeypatch.setattr(
            imageio, "open", _failing_open(card, PermissionError(errno.EACCES, "denied")), raising=False
        )
    else:
        card.chmod(0)
    r = pipeline.scan_file(card, Settings(jobs=1))
    assert r.status is Status.FAILED
    assert r.error == "The file 'card.jpg' cannot be read: permission denied."


def test_file_deleted_between_the_event_and_the_read(card: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(
        imageio, "open", _failing_open(card, FileNotFoundError(errno.ENOENT, "gone"), card.unlink), raising=False
    )
    r = pipeline.scan_file(card, Settings(jobs=1))
    assert r.status is Status.FAILED
    assert r.error == "The file 'card.jpg' disappeared before it could be read."


@pytest.mark.parametrize("factor", [1.5, 3.0])
def test_pixel_limit_names_the_limit_and_the_way_out(tmp_path: Path, factor: float):
    # Both sides of Pillow's own 2x bomb threshold must give the same kind of sentence.
    path = tmp_path / "big.png"
    limit = 1_000_000
    side = int((limit * factor) ** 0.5)
    badinputs.render_card(["Big Picture"], (side, side)).save(path)
    r = pipeline.scan_file(path, Settings(jobs=1, max_pixels=limit))
    assert r.status is Status.FAILED
    assert "1 megapixel limit" in (r.error or "") and "--max-pixels" in (r.error or "")


def test_non_utf8_file_name_is_shown_escaped(tmp_path: Path, card: Path):
    odd = tmp_path / os.fsdecode(b"caf\xe9\ncard.jpg")
    card.rename(odd)
    r = pipeline.scan_file(odd, Settings(jobs=1))
    assert r.source.endswith("caf\\xe9\ncard.jpg")
    r.source.encode("utf-8")  # JSON, SQLite and the terminal can all carry it
