"""The long-lived Tesseract engine (ocr.Engine) against one-shot pytesseract calls, with the real Tesseract:
the same words, boxes and confidences; a process that dies, hangs or is recycled costs at most one image."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import tempfile
import time
from pathlib import Path

import numpy as np
import pytesseract
import pytest
from test_preprocess import render_card  # tests/ is on sys.path under pytest

from cardscan import ocr
from cardscan.config import Settings
from cardscan.errors import OcrError

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cards"


def _grey(rgb: np.ndarray) -> np.ndarray:
    return np.asarray(rgb.mean(axis=2), dtype=np.uint8)


def _one_shot(image: np.ndarray, psm: int) -> dict:
    lang, config = ocr.tesseract_config(Settings(), psm)
    data = pytesseract.image_to_data(
        ocr._uncompressed(image), lang=lang, config=config, output_type=pytesseract.Output.DICT
    )
    data.pop("page_num")
    return data


@pytest.fixture
def fresh_engine():
    ocr.close_engines()
    lang, config = ocr.tesseract_config(Settings(), 11)  # the engine image_to_data uses
    yield ocr.engine(("-l", lang, *shlex.split(config)))
    ocr.close_engines()


def _rows(tsv: str) -> list[list[str]]:
    """The TSV's rows without the page number, which counts pages per process."""
    return [row[:1] + row[2:] for row in (line.split("\t") for line in tsv.splitlines())]


def _words(data: dict) -> list[str]:
    return [t for t in data["text"] if t.strip()]


def test_the_engine_reads_each_image_exactly_as_a_one_shot_call_does(tmp_path: Path, fresh_engine) -> None:
    from PIL import Image

    card = _grey(render_card(900))
    photo = np.asarray(Image.open(SAMPLES / "card_01.jpg").convert("L"))
    settings = Settings(out_dir=tmp_path)
    readings = []
    for image in (card, photo, card):  # the same image again: nothing carries over from the page before
        streamed = ocr.image_to_data(image, settings, psm=11)
        assert streamed.pop("page_num")  # counted per process; the rest must match to the last digit
        assert streamed == _one_shot(image, 11)
        readings.append(streamed)
    assert "anna.berg@example.com" in _words(readings[0])
    assert readings[0] == readings[2]
    assert fresh_engine.pages == 6  # three images, each followed by its sentinel page, in one process


def test_tesseract_inverts_doubtful_lines_itself_only_when_preprocess_does_not() -> None:
    # preprocess turns light print dark, so Tesseract's own inverted second reading is switched off;
    # with the invert step disabled, Tesseract keeps it
    assert "tessedit_do_invert=0" in ocr.tesseract_config(Settings(), 11)[1]
    off = Settings(disabled_steps=frozenset({"invert"}))
    assert "invert" not in ocr.tesseract_config(off, 11)[1]


def test_an_engine_killed_between_cards_is_restarted_for_the_next(tmp_path: Path, fresh_engine) -> None:
    image = _grey(render_card(900))
    settings = Settings(out_dir=tmp_path)
    first = ocr.image_to_data(image, settings)
    assert fresh_engine.proc is not None
    os.kill(fresh_engine.proc.pid, signal.SIGKILL)
    fresh_engine.proc.wait()
    again = ocr.image_to_data(image, settings)
    assert _words(again) == _words(first)


def test_an_engine_that_ended_by_itself_reads_the_image_in_a_fresh_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_engine
) -> None:
    image = _grey(render_card(900))
    first = fresh_engine.tsv(ocr._uncompressed(image), 60)
    old = fresh_engine.proc
    assert old is not None and old.stdin is not None
    old.stdin.close()  # Tesseract sees the end of its list and exits 0, as if it had ended on its own
    old.wait(timeout=30)
    monkeypatch.setattr(old, "poll", lambda: None)  # it ends just after the check that it runs: found on reading
    assert _rows(fresh_engine.tsv(ocr._uncompressed(image), 60)) == _rows(first)
    assert fresh_engine.proc is not old


def test_a_timeout_kills_the_busy_process_at_once_and_the_next_image_gets_a_new_one(fresh_engine) -> None:
    card = ocr._uncompressed(_grey(render_card(900)))
    fresh_engine.tsv(card, 60)  # started and warm: the timeout below falls in the middle of a page
    busy = fresh_engine.proc
    big = np.tile(_grey(render_card(900)), (7, 7))  # ~3 s of work: more than stopping it gently would wait
    t0 = time.monotonic()
    with pytest.raises(OcrError, match=r"longer than 0\.3 seconds"):
        fresh_engine.tsv(ocr._uncompressed(big), 0.3)
    assert time.monotonic() - t0 < 1.5  # killed, not waited for until it finished the page
    assert busy is not None and busy.poll() is not None and fresh_engine.proc is None
    assert "anna.berg@example.com" in fresh_engine.tsv(card, 60)


def test_a_read_cut_short_never_hands_its_rows_to_the_next_image(monkeypatch: pytest.MonkeyPatch, fresh_engine) -> None:
    card = ocr._uncompressed(_grey(render_card(900)))
    fresh_engine.tsv(card, 60)

    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(ocr.select, "select", interrupted)  # Ctrl-C while the card is being read
    with pytest.raises(KeyboardInterrupt):
        fresh_engine.tsv(card, 60)
    monkeypatch.undo()
    blank = ocr._uncompressed(np.full((300, 500), 255, np.uint8))
    assert "anna.berg@example.com" not in fresh_engine.tsv(blank, 60)  # the blank page's own rows, none of the card's


def test_the_process_is_replaced_after_its_quota_of_pages(monkeypatch: pytest.MonkeyPatch, fresh_engine) -> None:
    monkeypatch.setattr(ocr.Engine, "RECYCLE_AFTER", 4)
    image = ocr._uncompressed(_grey(render_card(900)))
    pids = []
    for _ in range(3):
        assert "anna.berg@example.com" in fresh_engine.tsv(image, 60)
        assert fresh_engine.proc is not None
        pids.append(fresh_engine.proc.pid)
    assert pids[0] == pids[1] != pids[2]


def test_nothing_is_left_in_the_temporary_folder_between_cards(tmp_path, monkeypatch, fresh_engine) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))  # where the engine's per-call folder goes
    assert "anna.berg@example.com" in fresh_engine.tsv(ocr._uncompressed(_grey(render_card(900))), 60)
    assert fresh_engine.proc is not None and fresh_engine.proc.poll() is None  # still running for the next card
    assert list(tmp_path.iterdir()) == []  # a worker killed now leaves nothing behind


def test_closing_the_engines_stops_their_processes(fresh_engine) -> None:
    fresh_engine.tsv(ocr._uncompressed(_grey(render_card(900))), 60)
    proc = fresh_engine.proc
    assert proc is not None
    ocr.close_engines()
    assert proc.poll() is not None


def test_a_forked_child_starts_its_own_engine_and_leaves_the_parents_alone(fresh_engine) -> None:
    import multiprocessing

    image = _grey(render_card(900))
    first = fresh_engine.tsv(ocr._uncompressed(image), 60)
    parent_pid = fresh_engine.proc.pid if fresh_engine.proc else None

    def child(q) -> None:
        e = ocr.engine(("-l", "eng", "--psm", "11"))
        q.put(
            (e.proc is None, _rows(e.tsv(ocr._uncompressed(image), 60)) == _rows(first), e.proc.pid if e.proc else None)
        )

    ctx = multiprocessing.get_context("fork")
    q = ctx.Queue()
    p = ctx.Process(target=child, args=(q,))
    p.start()
    try:
        fresh_before, same_words, child_engine = q.get(timeout=60)
    finally:
        p.join(timeout=30)
        if p.is_alive():
            p.kill()
    assert fresh_before and same_words  # a new engine of its own, reading as the parent's does
    assert child_engine != parent_pid
    assert fresh_engine.proc is not None and fresh_engine.proc.pid == parent_pid  # the parent's own, untouched
    assert _rows(fresh_engine.tsv(ocr._uncompressed(image), 60)) == _rows(first)
