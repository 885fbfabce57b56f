"""Tesseract's word table -> Words -> Lines in reading order, confidences 0..1.

Lines are rebuilt from geometry rather than trusted from Tesseract's line ids:
in sparse mode (psm 11) Tesseract splits one printed line into many blocks, and
on two-column cards it can join the columns. Pure functions; no OCR calls here.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .models import Box, Line, Page, Word

#: a word joins a line when the horizontal gap is below this many line heights
MAX_GAP = 1.6
#: and when the two overlap vertically by at least this share of the smaller height
MIN_OVERLAP = 0.5
#: the letters of a letter-spaced logo ("D R I F T W O O D") stand further apart than words do
MAX_SPACED_GAP = 3.0


def _spaced_letters(a: Word, b: Word) -> bool:
    """Two capital letters (or pairs, as OCR groups some) of a letter-spaced word."""
    return all(len(w.text) <= 2 and w.text.isalpha() and w.text.isupper() for w in (a, b))


def words_from_data(data: Mapping[str, Sequence[Any]], min_conf: float = 0.0) -> list[tuple[Word, int]]:
    """pytesseract's image_to_data dict -> (Word, Tesseract block number) for real words."""
    out: list[tuple[Word, int]] = []
    for i, raw in enumerate(data.get("text", [])):
        text = unicodedata.normalize("NFKC", str(raw)).strip()
        if not text:
            continue
        try:
            conf_raw = float(data["conf"][i])
        except (TypeError, ValueError):
            conf_raw = -1.0
        conf = None if conf_raw < 0 else min(conf_raw / 100.0, 1.0)
        if conf is not None and conf < min_conf:
            continue
        box = Box(int(data["left"][i]), int(data["top"][i]), int(data["width"][i]), int(data["height"][i]))
        if box.w <= 0 or box.h <= 0:
            continue
        out.append((Word(text, box, conf), int(data.get("block_num", [0] * (i + 1))[i])))
    return out


def _overlap(a: Box, b: Box) -> float:
    """Vertical overlap as a share of the smaller height."""
    inter = min(a.y2, b.y2) - max(a.y, b.y)
    return max(0, inter) / max(1, min(a.h, b.h))


#: words of a dash alone, which no height test can place in a row
DASHES = frozenset({"-", "–", "—"})


def _row_band(row: list[tuple[Word, int]]) -> Box:
    """The row's typical box at its right end: median height, so one tall glyph (@, a logo) does not skew it."""
    last = row[-1][0].box
    hs = sorted(w.box.h for w, _ in row)
    cys = sorted(w.box.cy for w, _ in row)
    h = hs[len(hs) // 2]
    cy = cys[len(cys) // 2]
    return Box(last.x, int(cy - h / 2), last.w, h)


def group_lines(words: Iterable[tuple[Word, int]]) -> list[Line]:
    """Join words into lines left to right, then order lines top to bottom."""
    rows: list[list[tuple[Word, int]]] = []
    for word, block in sorted(words, key=lambda wb: (wb[0].box.x, wb[0].box.y)):
        best, best_score = None, 0.0
        for row in rows:
            band = _row_band(row)
            last = row[-1][0].box
            height = max(band.h, word.box.h)
            gap = word.box.x - last.x2
            # Tesseract's box for a word sometimes runs on over the next words of its row ("0429" boxed
            # over "030 633"): an overlap joins them when Tesseract put them in one block, as it does
            # not for the next column's words under a big name's box
            limit = MAX_SPACED_GAP if _spaced_letters(row[-1][0], word) else MAX_GAP
            if gap > limit * height or (gap < -0.5 * height and block != row[-1][1]):
                continue
            if word.text in DASHES:
                # a dash is as flat as it is printed ("Kolkata - 700099"): it joins a row its middle lies in, of
                # its own block and nearest it first (not a tall speck's row reaching over it)
                if not band.y <= word.box.cy <= band.y2:
                    continue
                score = 1.0 + (block == row[-1][1]) + 1 / (1 + max(0, gap))
            elif not 0.4 <= word.box.h / max(1, band.h) <= 2.5:
                continue
            else:
                score = max(_overlap(band, word.box), _overlap(last, word.box))
            if score >= MIN_OVERLAP and score > best_score:
                best, best_score = row, score
        if best is None:
            rows.append([(word, block)])
        else:
            best.append((word, block))
    lines = [Line(words=tuple(w for w, _ in row), block=row[0][1]) for row in rows]
    return order_lines(lines)


def order_lines(lines: Sequence[Line]) -> list[Line]:
    """Reading order: top to bottom; lines whose vertical spans overlap go left to right."""
    ordered = sorted(lines, key=lambda ln: (ln.box.cy, ln.box.x))
    out: list[Line] = []
    for ln in ordered:
        # keep strictly by centre, but break near-ties (same row) by x
        same_row = bool(out) and abs(out[-1].box.cy - ln.box.cy) < 0.3 * min(out[-1].height, ln.height)
        if same_row and ln.box.x < out[-1].box.x:
            out.insert(len(out) - 1, ln)
        else:
            out.append(ln)
    return out


def page_from_data(data: Mapping[str, Sequence[Any]], width: int, height: int) -> Page:
    """The boundary from Tesseract's table to cardscan's Page."""
    return Page(lines=tuple(group_lines(words_from_data(data))), width=width, height=height)


#: how far above the other capitals of its line a word's top must reach (in their height) to carry a mark
MARK_ABOVE = 0.15
_TALL = re.compile(r"[A-Z0-9bdfhklt]")
_DESCENDER = re.compile(r"[gjpqy,;]")


def mark_over_capital(words: tuple[Word, ...], i: int) -> bool:
    """Word i starts with a plain capital vowel and reaches above the capitals and ascenders of the words beside
    it in the same print (about its size, on its baseline): an accent over its capital that OCR read as a plain
    letter ("Alvaro" for "Álvaro")."""
    word = words[i]
    if word.text[:1] not in set("AEIOUY") or not word.text.isalpha() or not word.text.isascii():
        return False
    if _DESCENDER.search(word.text[1:]):
        return False  # a box reaching below the baseline too may be larger print, not a mark ("Onyx" in a logo)
    box = word.box
    others = [
        w.box
        for j, w in enumerate(words)
        if j != i
        and _TALL.search(w.text)
        and not _DESCENDER.search(w.text)
        and not any(c.isalpha() and not c.isascii() for c in w.text)
        and 0.6 * box.h <= w.box.h <= 1.1 * box.h
        and abs(w.box.y2 - box.y2) <= 0.15 * box.h
    ]
    if not others:
        return False
    top = sorted(b.y for b in others)[len(others) // 2]
    height = sorted(b.h for b in others)[len(others) // 2]
    return box.y < top - MARK_ABOVE * height
