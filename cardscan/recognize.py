"""The OCR strategy: which Tesseract passes to run on a prepared card, and which reading to keep.

preprocess turns the card upright from its letter shapes, so most cards read well at once; a poor
reading is still retried turned by 180 degrees (the shapes can mislead on a badly cropped card) and
the better reading wins. A reading that stays unsure (a shadow, glare, blur) is read once more with
other settings, and each line keeps the more confident of its two readings. Only ocr.py calls Tesseract.
"""

from __future__ import annotations

import cv2
import numpy as np

from . import ocr
from .config import Settings
from .layout import group_lines, page_from_data
from .models import Box, Page, Word
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


#: a reading is unsure when its mean word confidence is below this, or when this share of its lines
#: (those with a few letters) are below WORD_CONF: then it is worth a second pass
UNSURE_PAGE = 0.75
UNSURE_LINES = 0.25
#: a second reading replaces a line only when it is this much more confident
BETTER_BY = 0.05


def unsure(page: Page) -> bool:
    """A reading with many doubtful words, where a second pass with other settings often reads better."""
    conf = page.conf
    if conf is None:
        return False  # nothing read at all: another pass finds nothing either, and costs as much
    lines = [ln for ln in page.lines if sum(ch.isalnum() for ch in ln.text) >= 3]
    low = sum(1 for ln in lines if (ln.conf or 0.0) < WORD_CONF)
    return conf < UNSURE_PAGE or (bool(lines) and low / len(lines) >= UNSURE_LINES)


#: the second pass reads the card this much larger: measured on hard dev photos, it mends more
#: doubtful lines than Otsu or adaptive binarisation of the same crop (which mended none)
SECOND_SCALE = 1.4


def second_look(image: np.ndarray) -> np.ndarray:
    """The same card, larger: Tesseract segments small or blurred letters differently at another size."""
    return cv2.resize(image, None, fx=SECOND_SCALE, fy=SECOND_SCALE, interpolation=cv2.INTER_CUBIC)


def _quality(words: list[Word]) -> float:
    """Confidence weighted by letters and digits: how well a stretch of the card was read."""
    weights = [sum(ch.isalnum() for ch in w.text) for w in words]
    total = sum(weights)
    if total == 0:
        return 0.0
    return sum(n * (w.conf or 0.0) for n, w in zip(weights, words, strict=True)) / total


def _inside(box: Box, span: Box) -> bool:
    return span.x - 0.3 * span.h <= box.cx <= span.x2 + 0.3 * span.h and span.y <= box.cy <= span.y2


def merge(first: Page, second: Page) -> Page:
    """Per line of `first`, keep the words of whichever reading is more confident over that stretch;
    confident lines that only `second` found are added. Both pages in the same pixels."""
    spans = [ln.box for ln in first.lines]
    taken: set[int] = set()
    words: list[tuple[Word, int]] = []
    others = [w for ln in second.lines for w in ln.words]
    for line, span in zip(first.lines, spans, strict=True):
        mine = [i for i, w in enumerate(others) if i not in taken and _inside(w.box, span)]
        theirs = [others[i] for i in mine]
        taken.update(mine)
        better = theirs and _quality(theirs) >= _quality(list(line.words)) + BETTER_BY
        words += [(w, line.block) for w in (theirs if better else line.words)]
    for i, w in enumerate(others):
        if i not in taken and (w.conf or 0.0) >= SURE_CONF and not any(_inside(w.box, s) for s in spans):
            words.append((w, 0))
    return Page(lines=tuple(group_lines(words)), width=first.width, height=first.height)


def recognize(prepared: Prepared, settings: Settings) -> Page:
    """Read the card; the Page is in pixels of the upright image (turned 180 degrees when that won)."""
    image = prepared.image
    page = read(image, settings)
    if not looks_upright(page):
        flipped = read(turn(image, 180), settings)
        if score(flipped) > score(page):
            image, page = turn(image, 180), flipped
    if not settings.step_on("second_pass") or not unsure(page):
        return page
    again = second_look(image)
    other = _scaled(read(again, settings), image.shape[1] / again.shape[1], image.shape[1], image.shape[0])
    return merge(page, other)


def _scaled(page: Page, f: float, width: int, height: int) -> Page:
    def box(b: Box) -> Box:
        return Box(round(b.x * f), round(b.y * f), max(1, round(b.w * f)), max(1, round(b.h * f)))

    words = [(Word(w.text, box(w.box), w.conf), ln.block) for ln in page.lines for w in ln.words]
    return Page(lines=tuple(group_lines(words)), width=width, height=height)
