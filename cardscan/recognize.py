"""The OCR strategy: which Tesseract passes to run on a prepared card, and which reading to keep.

preprocess turns the card upright from its letter shapes, so most cards read well at once; a poor
reading is still retried turned by 180 degrees (the shapes can mislead on a badly cropped card) and
the better reading wins. After a first parse, one second look reads the lines that need it again,
enlarged, as strips stacked into one small image: lines read with low confidence (a shadow, glare,
blur) are read from the card prepared without `light` and keep the more confident of their two
readings, and name and address lines take back accents. Print that no word of the first reading covers
(a line Tesseract's page layout dropped) is read in the same call, as lines of its own, or with the line it
starts (a first word dropped), which is then in doubt; so is a line whose first word Tesseract read together
with specks beside it into one tall doubtful word ("fo Soot" for "4001" before "1st Ave NE").
Only ocr.py calls Tesseract.
"""

from __future__ import annotations

import dataclasses
import statistics
from collections.abc import Callable

import cv2
import numpy as np

from . import accents, ocr
from .config import Settings
from .layout import group_lines, page_from_data
from .models import Box, Contact, Line, Page, Word
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


def sure_share(page: Page) -> float:
    """The share of the page's letters and digits in words read at WORD_CONF or more (0 for a page without)."""
    letters = [(sum(ch.isalnum() for ch in w.text), w.conf or 0.0) for line in page.lines for w in line.words]
    total = sum(n for n, _ in letters)
    return sum(n for n, conf in letters if conf >= WORD_CONF) / total if total else 0.0


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


#: a second reading replaces a line only when it is this much more confident
BETTER_BY = 0.05


#: doubtful lines are re-read this much larger: measured on hard dev photos, a larger size mends more
#: doubtful lines than Otsu or adaptive binarisation of the same crop (which mended none)
SECOND_SCALE = 1.4
#: a line with a few letters below this confidence is doubtful and is read again
DOUBTFUL_LINE = 0.75
#: padding around a line's box, in line heights (twice this to the left and right, for a clipped word)
STRIP_PAD = 0.4


def doubtful(page: Page) -> list[Line]:
    """The lines worth a second reading: a few letters or digits, read with low confidence."""
    return [ln for ln in page.lines if sum(ch.isalnum() for ch in ln.text) >= 4 and (ln.conf or 0.0) < DOUBTFUL_LINE]


def read_strips(
    image: np.ndarray, lines: list[Line], settings: Settings, scale: float = SECOND_SCALE
) -> list[list[Word]]:
    """Read `lines` again: their strips, enlarged and stacked into one image, in one Tesseract call
    (with settings.lang). A few strips cost a fraction of reading the whole card again.

    Each strip is enlarged `scale` times, and a strip of bigger print than the strips' median (a name)
    only to `scale` times that median: psm 6 reads the stack as one block of text, and a big name
    beside small print throws its reading of the small print.

    Returns, for each line, the words read in its strip, in pixels of `image` and in reading order.
    """
    height, width = image.shape[:2]
    if not lines:
        return []
    body = statistics.median(ln.height for ln in lines)
    origins: list[tuple[int, int]] = []  # each strip's x0, y0 in `image`
    factors: list[float] = []  # each strip's scale
    crops: list[np.ndarray] = []
    for ln in lines:
        pad = max(2, round(STRIP_PAD * ln.box.h))
        x0, y0 = max(0, ln.box.x - 2 * pad), max(0, ln.box.y - pad)
        x1, y1 = min(width, ln.box.x2 + 2 * pad), min(height, ln.box.y2 + pad)
        origins.append((x0, y0))
        f = scale * min(1.0, body / max(ln.height, 1.0))
        factors.append(f)
        crop = image[y0:y1, x0:x1]
        crops.append(crop if f == 1 else cv2.resize(crop, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC))
    # white margins and gaps as tall as the tallest strip, so Tesseract keeps the strips apart
    gap = max(c.shape[0] for c in crops)
    tops = [gap + sum(c.shape[0] + gap for c in crops[:i]) for i in range(len(crops))]
    stack = np.full((tops[-1] + crops[-1].shape[0] + gap, max(c.shape[1] for c in crops) + 2 * gap), 255, np.uint8)
    for top, crop in zip(tops, crops, strict=True):
        stack[top : top + crop.shape[0], gap : gap + crop.shape[1]] = crop
    per_line: list[list[Word]] = [[] for _ in lines]
    for ln in read(stack, settings, psm=6).lines:
        for w in ln.words:
            # the strip a word came from: the last one starting above its middle
            i = max((i for i, t in enumerate(tops) if t <= w.box.cy), default=0)
            f = 1 / factors[i]
            x, y = origins[i][0] + (w.box.x - gap) * f, origins[i][1] + (w.box.y - tops[i]) * f
            box = Box(round(x), round(y), max(1, round(w.box.w * f)), max(1, round(w.box.h * f)))
            per_line[i].append(Word(w.text, box, w.conf))
    return [sorted(words, key=lambda w: w.box.x) for words in per_line]


def _quality(words: list[Word]) -> float:
    """Confidence weighted by letters and digits: how well a stretch of the card was read."""
    weights = [_letters(w) for w in words]
    total = sum(weights)
    if total == 0:
        return 0.0
    return sum(n * (w.conf or 0.0) for n, w in zip(weights, words, strict=True)) / total


def _inside(box: Box, span: Box) -> bool:
    """The word's middle lies on the line: within its height, and its width give or take a third of it."""
    return span.x - 0.3 * span.h <= box.cx <= span.x2 + 0.3 * span.h and span.y <= box.cy <= span.y2


def better(line: Line, again: list[Word], unread: int = 0) -> bool:
    """The second reading of a line is clearly the more confident one, letter for letter. `unread`: letters and
    digits the second reading found where the first found none (print beside the line), which count against
    the first as read with no confidence."""
    read = sum(map(_letters, line.words))
    first = _quality(list(line.words)) * read / max(1, read + unread)
    return bool(again) and _quality(again) >= first + BETTER_BY


def _letters(word: Word) -> int:
    return sum(ch.isalnum() for ch in word.text)


#: a reading of at least this many lines is no card's print (the most on a card measured: 26)...
NOISE_LINES = 30
#: ...when its lines average fewer confident letters (`score`) than this (cards: 2.6-9; a sheet of print: 0-0.7)
NOISE_SCORE = 1.0


def noise(page: Page) -> bool:
    """Many lines with hardly a confident letter: a sheet of print, a keyboard or a patterned desk was read,
    not a card. Reading it turned, or its lines again, costs seconds and seldom finds a card in it."""
    return len(page.lines) >= NOISE_LINES and score(page) < NOISE_SCORE * len(page.lines)


def recognize(prepared: Prepared, settings: Settings) -> tuple[Prepared, Page]:
    """Read the card: the page, and the prepared card it is in pixels of, turned by 180 degrees when
    the turned card read better (its image and rotation then say so); noise is not turned."""
    page = read(prepared.image, settings)
    if not looks_upright(page) and not noise(page):
        turned = turn(prepared.image, 180)
        flipped = read(turned, settings)
        if score(flipped) > score(page):
            rotation = (prepared.rotation + 180) % 360
            unlit = None if prepared.unlit is None else turn(prepared.unlit, 180)
            return (
                dataclasses.replace(prepared, image=turned, rotation=rotation, unlit=unlit, unlit_contrast=None),
                flipped,
            )
    return prepared, page


def reread_settings(settings: Settings) -> Settings:
    """The models a second look reads with: `Latin` in place of the default `eng`, because it reads
    English lines as well (measured on the phone and hard benchmarks) and keeps the accents `eng` drops;
    a user's own --lang is kept."""
    return dataclasses.replace(settings, lang=accents.MODEL) if settings.lang == "eng" else settings


#: letters and digits a settled line may hold beside its value: a label ("Email:", "Website")
LABEL_ROOM = 7


def settled(line: Line, contact: Contact) -> bool:
    """A doubtful line that holds only a label and an email or website the first parse is sure of (not in
    review: the website is the email's domain, the email bears the name out). A second reading could
    change no field, so it is not worth a Tesseract call."""
    text = "".join(line.text.split()).lower()
    sure = [*(contact.emails if "emails" not in contact.review else ()),
            *((contact.website,) if contact.website and "website" not in contact.review else ())]  # fmt: skip
    for value in sure:
        if value.lower() in text:
            rest = text.replace(value.lower(), "", 1)
            return sum(ch.isalnum() for ch in rest) <= LABEL_ROOM
    return False


#: models for a script of their own: asked for beside a Latin one ("jpn+eng"), they still lose some lines to
#: it, whose big kanji come back as short capitals ("営業部 部長" as "SRB BWR", at 0.66-0.82)
SCRIPT_MODELS = ("jpn", "jpn_vert", "chi_sim", "chi_tra", "kor")
#: a line of capitals read at least this surely is Latin print, not a script model's line lost to eng
SURE_LATIN = 0.9


def script_model(lang: str) -> str | None:
    """The script model among several asked for ("jpn" of "jpn+eng"); None without one, or when it is alone."""
    models = lang.split("+")
    return next((m for m in models if m in SCRIPT_MODELS), None) if len(models) > 1 else None


def lost_to_latin(line: Line) -> bool:
    """A line of only a few short capitalised words, read unsurely: what the Latin model makes of big kanji; or
    such words after the script's own ("営業部 BWR": the second word lost, the first not)."""
    words = [w.text for w in line.words]
    capitals = [w for w in words if w.isascii() and w.isalpha() and w.isupper() and len(w) <= 4]
    script = [w for w in words if w not in capitals and not w.isascii()]
    return (
        sum(len(w) for w in capitals) >= 3
        and len(capitals) + len(script) == len(words)
        and (line.conf or 0.0) < SURE_LATIN
    )


def script_look(image: np.ndarray, page: Page, settings: Settings) -> Page:
    """Read the lines the Latin model may have taken from a script model ("jpn+eng") with the script model
    alone, in one Tesseract call; a line takes the new reading when it holds that script's letters and is
    clearly the more confident. The same page comes back when no line is in doubt."""
    model = script_model(settings.lang)
    idx = [i for i, ln in enumerate(page.lines) if lost_to_latin(ln)] if model else []
    if model is None or not idx:
        return page
    reads = read_strips(
        image, [page.lines[i] for i in idx], dataclasses.replace(settings, lang=model), scale=SECOND_SCALE
    )
    out = list(page.lines)
    for i, words in zip(idx, reads, strict=True):
        again = [w for w in words if _inside(w.box, page.lines[i].box)]
        if any(not w.text.isascii() for w in again) and better(page.lines[i], again):
            out[i] = Line(words=tuple(again), block=page.lines[i].block)
    if out == list(page.lines):
        return page
    return dataclasses.replace(page, lines=tuple(group_lines((w, ln.block) for ln in out for w in ln.words)))


#: print no word covers, as tall as this share of the body text's height or more (and at most 2.5 times it), is a
#: line Tesseract's page layout dropped ("Germany" under an address, a website by the card's dark rim)
MISSED_HEIGHT = 0.5
#: a missed line's words are kept from this confidence on: what is read there may be a picture's edge
MISSED_CONF = 0.6


def missed_print(image: np.ndarray, page: Page) -> list[Box]:
    """Boxes of lines of print in `image` that no word of `page` covers: ink blobs joined along a line, about
    as tall as the card's body text or as the read line they carry on, wider than tall, neither solid (a
    picture) nor on the image's rim."""
    sure = [ln.height for ln in page.lines if (ln.conf or 0.0) >= WORD_CONF and any(c.isalnum() for c in ln.text)]
    if not sure:
        return []
    body = statistics.median(sure)
    height, width = image.shape[:2]
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    for w in (w for ln in page.lines for w in ln.words):  # what was read, with a margin for its stray pixels
        pad, rows = round(0.3 * w.box.h), round(0.1 * w.box.h)  # less above and below: lines may lie close
        ink[max(0, w.box.y - rows) : w.box.y2 + rows, max(0, w.box.x - pad) : w.box.x2 + pad] = 0
    k = max(3, round(0.6 * body))
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (k, max(1, k // 4))))
    _, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    out = []
    for x, y, w, h, _area in stats[1:]:
        box = Box(int(x), int(y), int(w), int(h))
        # as tall as the body text, or as the line it carries on (a postcode before a small "Madrid")
        sized = MISSED_HEIGHT * body <= h <= 2.5 * body or any(
            0.6 * ln.height <= h <= 1.6 * ln.height and _beside(box, ln.box) for ln in page.lines if _worded(ln)
        )
        if not sized or w < 1.2 * h:
            continue
        if x <= 2 or y <= 2 or x + w >= width - 2 or y + h >= height - 2:
            continue  # the card's edge or the desk beyond it
        if 0.08 <= np.count_nonzero(ink[y : y + h, x : x + w]) / (w * h) <= 0.6:
            out.append(box)
    return out


#: a doubtful line of one or two words at least this many times as tall as the worded line it starts...
SWALLOWED_HEIGHT = 1.8
#: ...when that line has this many letters and digits (its height is a line's, not a speck's)
SWALLOWER_LETTERS = 8


def swallowed_starts(page: Page) -> dict[int, tuple[int, Box]]:
    """Lines whose first word was read together with something beside it (a speck of the card's pattern, an
    icon) into one tall doubtful word or line of its own ("fo Soot" for "4001" before "1st Ave NE Redmond"):
    {the line's index: (the tall line's index, its stretch within the line's rows, to be read with the line)}.
    The tall line is SWALLOWED_HEIGHT times the line's height or more, spans its rows, and ends beside its start
    (of two such lines, the nearer one)."""
    out: dict[int, tuple[int, Box]] = {}
    for j, tall in enumerate(page.lines):
        if (tall.conf or 0.0) >= DOUBTFUL_LINE or len(tall.words) > 2 or not any(c.isalnum() for c in tall.text):
            continue
        t = tall.box
        beside = [
            (line.box.x - t.x2, i)
            for i, line in enumerate(page.lines)
            if i != j
            and i not in out
            and _worded(line)
            and sum(map(_letters, line.words)) >= SWALLOWER_LETTERS
            and t.h >= SWALLOWED_HEIGHT * line.box.h
            and t.y <= line.box.y
            and t.y2 >= line.box.y2
            and t.x < line.box.x
            and -0.5 * line.box.h <= line.box.x - t.x2 <= 1.5 * line.box.h
        ]
        if beside:
            b = page.lines[min(beside)[1]].box
            out[min(beside)[1]] = (j, Box(t.x, b.y, min(t.x2, b.x) - t.x, b.h))
    return out


def _within_rows(word: Word, span: Box) -> Word:
    """The word with its box cut to the rows of the line it was read again for: a strip's margins hold bits of
    the lines above and below, which Tesseract may box with it (a line's height doubled puts it in a block
    of its own)."""
    top, bottom = max(word.box.y, span.y), min(word.box.y2, span.y2)
    if top >= bottom or (top, bottom) == (word.box.y, word.box.y2):
        return word
    return Word(word.text, Box(word.box.x, top, word.box.w, bottom - top), word.conf)


def _worded(line: Line) -> bool:
    """The line holds a word read with some confidence: print, not a speck or a picture's edge."""
    return any((w.conf or 0.0) >= WORD_CONF and _letters(w) for w in line.words)


def _beside(box: Box, line: Box) -> bool:
    """The missed print `box` starts `line`: on its row, left of it, no more than a word space or two away
    (Tesseract's sparse layout may leave a line's first word unread: "im B3 5ZB" for "Birmingham B3 5ZB"). Print
    missed after a line is read as a line of its own: a strip widened to the right changed how Tesseract read
    the strips stacked with it (the real FOAF card's "UNC-Chapel Hill SILS" came apart)."""
    shared = min(box.y2, line.y2) - max(box.y, line.y)
    gap = line.x - box.x2
    return box.x < line.x and shared >= 0.5 * min(box.h, line.h) and gap <= 1.5 * min(box.h, line.h)


def distinct(words: list[tuple[Word, int]]) -> list[tuple[Word, int]]:
    """The words with those read twice kept once, the surer reading: the same text over the same place. Tesseract
    may read a stretch as two overlapping lines ("Paddington, condo, WI" over "London, W2 58D"); each is then
    read again whole, and both readings land on the card ("London, London, W2 W2")."""
    kept: list[tuple[Word, int]] = []
    for word, block in sorted(words, key=lambda wb: -(wb[0].conf or 0.0)):
        if not any(k.text == word.text and _same_place(k.box, word.box) for k, _ in kept):
            kept.append((word, block))
    return kept


def _same_place(a: Box, b: Box) -> bool:
    """The boxes share most of the smaller one."""
    w = min(a.x2, b.x2) - max(a.x, b.x)
    h = min(a.y2, b.y2) - max(a.y, b.y)
    return w > 0 and h > 0 and w * h >= 0.6 * min(a.w * a.h, b.w * b.h)


def second_look(
    image: np.ndarray,
    page: Page,
    contact: Contact,
    settings: Settings,
    other: Callable[[], np.ndarray | None] | None = None,
) -> Page:
    """Read some lines once more: the doubtful ones (but not a settled one), and on a card from a country
    that writes accents, its name and address lines (on any card, a name in doubt). A doubtful line keeps
    the more confident of its two readings; a name or address line takes only the accents the second
    reading is sure of. `image` is the one `page` was read from (upright); the same page comes back when
    no line needs a second look.

    `other` gives the card prepared another way, in the same pixels (`preprocess.without_light`): the
    doubtful lines are read from it, as a second opinion a different image gives more often than the same
    one enlarged (the accent lines still come from `image`). Each image's strips take one Tesseract call."""
    if settings.step_on("second_pass"):
        page = script_look(image, page, settings)
    doubt = {ln for ln in doubtful(page) if not settled(ln, contact)} if settings.step_on("second_pass") else set()
    accented = settings.step_on("accents") and accents.wanted(contact)
    latin = ocr.models(accents.MODEL, settings.out_dir / ocr.CACHE_NAME)[0] == accents.MODEL  # asked once a process
    if accented and settings.lang == "eng" and not latin:
        accented = False  # without the Latin model a second reading has no accents to give
    targets = set(accents.target_lines(page, contact)) if accented else set()
    if accents.middling_name(contact):
        # a middling name on a doubtful line is read as a doubtful line (from `other`): the accent reading
        # comes from `image`, and it may replace the whole line ("<foaf:name-Jason" swallowed the name)
        targets = {i for i in targets if page.lines[i] not in doubt}
    # print no word covers: read with the line it starts (which is then in doubt: a word of it went unread),
    # or else as a line of its own (numbered after the page's lines)
    strips = list(page.lines)  # what is read again of each line: widened over print beside it
    missed = []
    for box in missed_print(image, page) if settings.step_on("second_pass") else []:
        i = next((i for i, ln in enumerate(page.lines) if _worded(ln) and _beside(box, ln.box)), None)
        if i is None:
            missed.append(Line((Word("", box, 0.0),)))
        else:
            strips[i] = Line((*strips[i].words, Word("", box, None)), block=strips[i].block)
            doubt.add(page.lines[i])
    # a line whose first word went into a tall doubtful word beside it: read with that word's stretch of its rows
    swallowed = swallowed_starts(page) if settings.step_on("second_pass") else {}
    for i, (_, box) in swallowed.items():
        strips[i] = Line((*strips[i].words, Word("", box, None)), block=strips[i].block)
        doubt.add(page.lines[i])
    lines_by_index = [*strips, *missed]
    idx = [i for i, ln in enumerate(page.lines) if ln in doubt or i in targets]
    if not idx and not missed:
        return page
    doubt_only = [i for i in idx if i not in targets]
    lost = list(range(len(page.lines), len(lines_by_index)))
    second = other() if other is not None and doubt_only else None
    from_image = idx if second is None else [i for i in idx if i in targets]
    sources = [(image, from_image + lost)] + ([(second, doubt_only)] if second is not None else [])
    reads: dict[int, list[Word]] = {}
    for source, ids in sources:
        if ids:
            lines = [lines_by_index[i] for i in ids]
            reads.update(zip(ids, read_strips(source, lines, reread_settings(settings)), strict=True))
    out = list(page.lines)
    lands = accents.countries(contact)
    regroup = False
    for i in lost:
        found = [w for w in reads[i] if _inside(w.box, lines_by_index[i].box) and (w.conf or 0.0) >= MISSED_CONF]
        if any(c.isalnum() for w in found for c in w.text):
            out.append(Line(words=tuple(found), block=1 + max((ln.block for ln in out), default=0)))
            regroup = True
    taken: list[int] = []  # lines that took their second reading
    for i in idx:
        line = page.lines[i]
        # a strip's margin shows bits of the lines by it
        again = [w for w in reads[i] if _inside(w.box, lines_by_index[i].box)]
        # a widened strip reads print the first reading missed (its word boxes are too rough to say which)
        beyond = sum(map(_letters, again)) - sum(map(_letters, line.words)) if strips[i] is not line else 0
        if line in doubt and better(line, again, max(0, beyond)):
            out[i] = Line(words=tuple(_within_rows(w, lines_by_index[i].box) for w in again), block=line.block)
            regroup = True  # the new words may split or join lines differently
            taken.append(i)
        elif i in targets and again:
            # a name may come from anywhere ("Ayşe" on a German card): only an address's letters are the country's
            out[i] = accents.take(line, again, frozenset() if accents.holds_name(line, contact) else lands, image)
    for i in taken:
        if i in swallowed:  # the tall word's print is now the line's first word: its own reading goes
            out[swallowed[i][0]] = Line(())
    if regroup:
        return Page(
            lines=tuple(group_lines(distinct([(w, ln.block) for ln in out for w in ln.words]))),
            width=page.width,
            height=page.height,
        )
    return dataclasses.replace(page, lines=tuple(out))
