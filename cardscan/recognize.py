"""The OCR strategy: which Tesseract passes to run on a prepared card, and which reading to keep.

preprocess turns the card upright from its letter shapes, so most cards read well at once; a poor
reading is still retried turned by 180 degrees (the shapes can mislead on a badly cropped card) and
the better reading wins. Only ocr.py calls Tesseract.
"""

from __future__ import annotations

import numpy as np

from . import ocr
from .config import Settings
from .layout import page_from_data
from .models import Page
from .preprocess import Prepared, turn

#: psm 11 (sparse text): a card is scattered blocks, and psm 3/6 drop isolated lines
PSM = 11
#: words below this confidence do not count towards a reading's score
WORD_CONF = 0.6
#: a "sure" word: upside-down text almost never yields one (measured: 0-1 per card, upright 2-23)
SURE_CONF = 0.85


def read(image: np.ndarray, settings: Settings, psm: int = PSM) -> Page:
    """One Tesseract pass -> Page in pixels of `image`."""
    data = ocr.image_to_data(image, settings, psm)
    return page_from_data(data, image.shape[1], image.shape[0])


def score(page: Page) -> float:
    """How much text was read confidently: letters and digits in words above WORD_CONF."""
    total = 0.0
    for line in page.lines:
        for w in line.words:
            if w.conf is not None and w.conf >= WORD_CONF:
                total += sum(ch.isalnum() for ch in w.text) * w.conf
    return total


def looks_upright(page: Page) -> bool:
    """Several sure words, or plenty of confident text: the card was read the right way up.

    Mean confidence is no test: logos and paper grain add junk words to upright readings too.
    """
    sure = sum(
        1
        for line in page.lines
        for w in line.words
        if w.conf is not None and w.conf >= SURE_CONF and sum(ch.isalnum() for ch in w.text) >= 3
    )
    return sure >= 3 or score(page) >= 50


def recognize(prepared: Prepared, settings: Settings) -> Page:
    """Read the card; the Page is in pixels of the upright image (turned 180 degrees when that won)."""
    page = read(prepared.image, settings)
    if looks_upright(page):
        return page
    flipped = read(turn(prepared.image, 180), settings)
    return flipped if score(flipped) > score(page) else page
