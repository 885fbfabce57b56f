"""Put back the accents the English model drops, on the few lines that need them.

The `eng` model reads "Mühlenweg" as "Muhlenweg"; the `Latin` model keeps the ü but costs
half again the OCR time on a whole card. So after parsing, only the name and address lines
of cards from countries that write with diacritics are read again with `Latin`, in one
Tesseract call, and a reading is taken only when it spells the same letters as the English
one apart from the accents: it can add an accent, never change a word.
"""

from __future__ import annotations

import dataclasses
import unicodedata

import numpy as np
import phonenumbers

from . import ocr
from .config import Settings
from .layout import page_from_data
from .models import Contact, Line, Page, Word

MODEL = "Latin"
#: countries whose names and streets are commonly written with diacritics
ACCENT_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BR",
        "CH",
        "CL",
        "CO",
        "CZ",
        "DE",
        "DK",
        "ES",
        "FI",
        "FR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LU",
        "MX",
        "NL",
        "NO",
        "PE",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "TR",
        "AR",
        "EE",
        "LV",
        "LT",
        "HR",
    ]
)
_PAD = 12  # white border around each line crop, in pixels
SURE = 0.8  # the Latin model's word confidence needed to put an accent on a word


def _plain(text: str) -> str:
    """The letters of a text without accents, case or spaces: what both models must agree on."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace()).casefold()


def countries(contact: Contact) -> frozenset[str]:
    """Where the card is from, as far as its phones, address and domains tell (ISO codes)."""
    out = set()
    for p in contact.phones:
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(p.number))
        except phonenumbers.NumberParseException:
            region = None
        if region and region != "ZZ":
            out.add(region)
    if contact.address and contact.address.country:
        out.add(contact.address.country.upper())
    for host in (*(e.rpartition("@")[2] for e in contact.emails), contact.website or ""):
        tld = host.rstrip("/").rpartition(".")[2].split("/")[0]
        if len(tld) == 2 and tld.isalpha():
            out.add("GB" if tld.lower() == "uk" else tld.upper())
    return frozenset(out)


def wanted(contact: Contact) -> bool:
    """Worth a second look: the card has a name or an address, from a country that writes accents."""
    return bool(contact.name or contact.address) and bool(countries(contact) & ACCENT_COUNTRIES)


def target_lines(page: Page, contact: Contact) -> list[int]:
    """Indexes of the page lines that carry the name or an address line."""
    texts = [
        t for t in (contact.name.full if contact.name else "", *(contact.address.lines if contact.address else ()))
    ]
    keys = [_plain(t) for t in texts if _plain(t)]
    out = []
    for i, line in enumerate(page.lines):
        p = _plain(line.text)
        if p and any(k in p or p in k for k in keys):
            out.append(i)
    return out


def _stack(image: np.ndarray, lines: list[Line]) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The line crops one under another on white, and the y-band each one occupies."""
    crops = []
    for line in lines:
        b = line.box
        grow = max(2, b.h // 4)
        y0, y1 = max(0, b.y - grow), min(image.shape[0], b.y2 + grow)
        x0, x1 = max(0, b.x - grow), min(image.shape[1], b.x2 + grow)
        crops.append(image[y0:y1, x0:x1])
    width = max(c.shape[1] for c in crops) + 2 * _PAD
    rows, bands, y = [], [], 0
    for c in crops:
        row = np.full((c.shape[0] + 2 * _PAD, width), 255, dtype=np.uint8)
        row[_PAD : _PAD + c.shape[0], _PAD : _PAD + c.shape[1]] = c
        rows.append(row)
        bands.append((y, y + row.shape[0]))
        y += row.shape[0]
    return np.vstack(rows), bands


def _take(line: Line, latin: list[Word]) -> Line:
    """The line with each word the Latin model read surely and that differs only by accents."""
    if len(latin) != len(line.words):
        return line
    words = []
    for old, new in zip(line.words, latin, strict=True):
        same_letters = _plain(new.text) == _plain(old.text)
        sure = new.conf is not None and new.conf >= SURE
        words.append(Word(new.text, old.box, old.conf) if same_letters and sure else old)
    return dataclasses.replace(line, words=tuple(words))


def restore(image: np.ndarray, page: Page, contact: Contact, settings: Settings) -> Page:
    """The page with accents put back on its name and address lines (the same page when none)."""
    if image.ndim != 2 or MODEL not in ocr.list_models()[1]:
        return page
    idx = target_lines(page, contact)
    if not idx:
        return page
    lines = [page.lines[i] for i in idx]
    stacked, bands = _stack(image, lines)
    data = ocr.image_to_data(stacked, dataclasses.replace(settings, lang=MODEL), psm=6)
    latin = page_from_data(data, stacked.shape[1], stacked.shape[0])
    out = list(page.lines)
    for i, line, (top, bottom) in zip(idx, lines, bands, strict=True):
        read = [w for ln in latin.lines if top <= ln.box.cy < bottom for w in ln.words]
        if read and _plain(" ".join(w.text for w in read)) == _plain(line.text):
            out[i] = _take(line, read)
    return dataclasses.replace(page, lines=tuple(out))
