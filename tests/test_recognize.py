"""OCR strategy with the real Tesseract: a rendered card is read whichever way up it lies,
and the real photos (when present) yield their e-mail addresses."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from test_preprocess import photo_of, render_card  # tests/ is on sys.path under pytest

from cardscan import preprocess as P
from cardscan.config import Settings
from cardscan.recognize import recognize

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")

REAL = Path(__file__).resolve().parents[2] / "shared" / "realcards"


def _read(rgb: np.ndarray) -> str:
    return recognize(P.prepare(rgb, Settings()), Settings()).text


def test_recognize_reads_the_email_of_a_photographed_card() -> None:
    corners = np.array([[260, 190], [930, 240], [900, 660], [210, 600]], dtype=np.float32)
    text = _read(photo_of(render_card(), corners))
    assert "anna.berg@example.com" in text.replace(" ", "")
    assert "7946" in text


@pytest.mark.parametrize("ccw", [90, 180, 270])
def test_recognize_reads_a_card_lying_sideways_or_upside_down(ccw: int) -> None:
    card = P.turn(render_card(900), ccw)
    text = _read(card)
    assert "anna.berg@example.com" in text.replace(" ", "")


def test_page_boxes_are_in_pixels_of_the_image_that_was_read() -> None:
    prepared = P.prepare(render_card(900), Settings())
    page = recognize(prepared, Settings())
    assert page.lines
    for line in page.lines:
        b = line.box
        assert b.x >= 0 and b.y >= 0
        assert b.x2 <= page.width and b.y2 <= page.height


@pytest.mark.skipif(not REAL.is_dir(), reason="the real card photos are not here")
@pytest.mark.parametrize("name", ["azure_business_card_english.jpg", "veryfi_business_card.jpg"])
def test_real_photos_yield_their_email(name: str) -> None:
    truth = {t["file"]: t for t in json.loads((REAL / "truth.json").read_text())}[name]
    img = ImageOps.exif_transpose(Image.open(REAL / "images" / name)).convert("RGB")
    text = _read(np.asarray(img)).replace(" ", "").lower()
    assert truth["emails"][0] in text
