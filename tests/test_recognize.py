"""OCR strategy with the real Tesseract: a rendered card is read whichever way up it lies,
and the real photos (when present) yield their e-mail addresses."""

from __future__ import annotations

import dataclasses
import json
import random
import shutil
import statistics
import struct
from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageOps
from test_preprocess import photo_of, render_card  # tests/ is on sys.path under pytest

from cardscan import ocr, pipeline, synth
from cardscan import preprocess as P
from cardscan.config import Settings
from cardscan.errors import MissingDependencyError
from cardscan.models import Box, Contact, Line, Page, PersonName, Phone, Word, result_to_dict
from cardscan.recognize import (
    _within_rows,
    better,
    distinct,
    doubtful,
    lost_to_latin,
    missed_print,
    read_strips,
    recognize,
    script_model,
    second_look,
    settled,
    swallowed_starts,
)

pytestmark = pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract is not installed")

REAL = Path(__file__).resolve().parents[2] / "shared" / "realcards"


def _read(rgb: np.ndarray) -> str:
    return recognize(P.prepare(rgb, Settings()), Settings())[1].text


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
    _, page = recognize(prepared, Settings())
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


# --------------------------------------------------------------------------- models: accents, fallback, fast copy

HAVE_LATIN = shutil.which("tesseract") is not None and "Latin" in ocr.list_models()[1]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")  # has the accented glyphs (make deps)


@pytest.mark.skipif(not HAVE_LATIN, reason="the Latin script model (tesseract-ocr-script-latn) is not installed")
@pytest.mark.skipif(not DEJAVU.is_file(), reason="the DejaVu font is not installed")
def test_accented_names_keep_their_accents(tmp_path: Path) -> None:
    from PIL import ImageDraw, ImageFont

    def font(size: int) -> ImageFont.FreeTypeFont:
        return ImageFont.truetype(str(DEJAVU), size)

    img = Image.new("RGB", (900, 514), (245, 245, 245))
    d = ImageDraw.Draw(img)
    d.text((70, 70), "Zoë Müller-Schäfer", fill=(20, 20, 20), font=font(56))
    d.text((70, 200), "Directrice générale", fill=(20, 20, 20), font=font(32))
    d.text((70, 270), "zoe@example.de", fill=(20, 20, 20), font=font(32))
    settings = Settings(lang="Latin+eng", out_dir=tmp_path)
    text = recognize(P.prepare(np.asarray(img), settings), settings)[1].text
    assert "Müller-Schäfer" in text
    assert "générale" in text
    assert "zoe@example.de" in text.replace(" ", "")


def test_a_missing_latin_model_falls_back_to_english_with_a_warning(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(ocr, "list_models", lambda: (None, frozenset({"eng", "osd"})))
    ocr.models.cache_clear()
    try:
        assert ocr.models("Latin+eng", tmp_path) == ("eng", "")
        info = ocr.probe(Settings(lang="Latin+eng", out_dir=tmp_path))
    finally:
        ocr.models.cache_clear()
    assert len(info.warnings) == 1
    assert "apt-get install tesseract-ocr-script-latn" in info.warnings[0]


def test_a_missing_ordinary_language_pack_still_stops_the_scan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr, "list_models", lambda: (None, frozenset({"eng", "osd"})))
    with pytest.raises(MissingDependencyError, match="tesseract-ocr-deu"):
        ocr.probe(Settings(lang="eng+deu"))


def test_strip_wordlist_drops_only_the_word_list(tmp_path: Path) -> None:
    n = 24
    parts = {17: b"LSTM" * 10, 18: b"punc", 19: b"W" * 1000, 21: b"unicharset"}
    offsets, body, pos = [-1] * n, b"", 4 + 8 * n
    for i in sorted(parts):
        offsets[i], body, pos = pos, body + parts[i], pos + len(parts[i])
    src = tmp_path / "x.traineddata"
    src.write_bytes(struct.pack(f"<i{n}q", n, *offsets) + body)
    dest = tmp_path / "out" / "x.traineddata"
    ocr.strip_wordlist(src, dest)
    data = dest.read_bytes()
    new = struct.unpack_from(f"<{n}q", data, 4)
    assert new[19] == -1
    assert data[new[17] : new[18]] == parts[17]
    assert data[new[18] : new[21]] == parts[18]
    assert data[new[21] :] == parts[21]
    assert len(data) == len(src.read_bytes()) - len(parts[19])


# --------------------------------------------------------------------------- the second pass (no Tesseract needed)


def _page(*lines: list[tuple[str, int, int, float]]) -> Page:
    """Lines of (text, x, y, conf) words, each word 60x20 px."""
    return Page(
        lines=tuple(Line(words=tuple(Word(t, Box(x, y, 60, 20), c) for t, x, y, c in ln)) for ln in lines),
        width=800,
        height=400,
    )


def test_only_the_doubtful_lines_are_read_again() -> None:
    page = _page(
        [("Anna", 10, 10, 0.95), ("Berg", 80, 10, 0.93)],
        [("+4A", 10, 50, 0.4), ("79A6", 80, 50, 0.3)],
        [("~", 10, 90, 0.1)],  # a speck, not text: reading it again finds nothing either
    )
    assert [ln.text for ln in doubtful(page)] == ["+4A 79A6"]


def test_second_look_reads_the_doubtful_strips_and_puts_the_words_back_where_they_are_on_the_card() -> None:
    image = np.full((400, 900), 255, np.uint8)
    cv2.putText(image, "Anna Berg", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.putText(image, "Sales Manager", (300, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    unsure = Page(
        lines=(Line(words=(Word("Arma Bery", Box(40, 50, 210, 40), 0.3),)),
               Line(words=(Word("Saies Manag", Box(300, 270, 290, 40), 0.3),))),
        width=900, height=400,
    )  # fmt: skip
    page = second_look(image, unsure, Contact(), Settings())
    words = {w.text: w.box for ln in page.lines for w in ln.words}
    assert {"Anna", "Berg", "Sales", "Manager"} <= set(words)
    assert abs(words["Anna"].x - 40) < 10 and abs(words["Anna"].y2 - 80) < 10
    assert abs(words["Sales"].x - 300) < 10 and abs(words["Sales"].y2 - 300) < 10


def test_a_line_whose_first_word_went_into_a_tall_speck_beside_it_is_read_with_that_stretch() -> None:
    # "4001 1st Ave NE Redmond" on a card with a patterned corner: Tesseract read "4001" with the pattern's specks
    # above and below it as one tall doubtful line ("fo Soot"), and the street line without its number
    image = np.full((400, 1000), 255, np.uint8)
    cv2.putText(image, "4001 1st Ave NE Redmond", (60, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    specks = np.random.default_rng(5)  # the pattern's specks above and below the number
    for x, y in zip(specks.integers(50, 150, 60), specks.choice([*range(200, 262), *range(306, 315)], 60), strict=True):
        cv2.circle(image, (int(x), int(y)), 3, 0, -1)
    tall = Line(words=(Word("fo", Box(50, 200, 50, 115), 0.2), Word("Soot", Box(105, 200, 45, 115), 0.15)), block=1)
    street = Line(words=(Word("1st", Box(165, 270, 60, 35), 0.92), Word("Ave", Box(235, 270, 70, 35), 0.93),
                         Word("NE", Box(315, 270, 50, 35), 0.93), Word("Redmond", Box(375, 270, 170, 35), 0.92)),
                  block=1)  # fmt: skip
    page = Page(lines=(tall, street), width=1000, height=400)
    assert swallowed_starts(page) == {1: (0, Box(50, 270, 100, 35))}
    again = second_look(image, page, Contact(), Settings())
    assert [ln.text for ln in again.lines] == ["4001 1st Ave NE Redmond"]
    # the tall line must be doubtful, of one or two words, and the line it starts must be more than a speck itself
    assert swallowed_starts(dataclasses.replace(page, lines=(_with_conf(tall, 0.9), street))) == {}
    assert swallowed_starts(dataclasses.replace(page, lines=(tall, Line(words=street.words[:1])))) == {}
    three = Line(words=(*tall.words, Word("x", Box(152, 200, 8, 115), 0.2)))
    assert swallowed_starts(dataclasses.replace(page, lines=(three, street))) == {}
    # a line beside it of its own height, or away from the street line's start, is no swallowed word
    low = Line(words=tuple(dataclasses.replace(w, box=Box(w.box.x, 270, w.box.w, 35)) for w in tall.words))
    assert swallowed_starts(dataclasses.replace(page, lines=(low, street))) == {}
    far = Line(words=tuple(dataclasses.replace(w, box=Box(w.box.x - 100, 200, w.box.w, 115)) for w in tall.words))
    assert swallowed_starts(dataclasses.replace(page, lines=(far, street))) == {}


def _with_conf(line: Line, conf: float) -> Line:
    return Line(words=tuple(dataclasses.replace(w, conf=conf) for w in line.words), block=line.block)


def test_second_look_reads_doubtful_lines_from_the_other_image_it_is_given() -> None:
    # the first image has lost the line (blank where it was read badly); the other still shows it
    blank = np.full((400, 900), 255, np.uint8)
    other = blank.copy()
    cv2.putText(other, "Sales Manager", (300, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    unsure = Page(lines=(Line(words=(Word("Saies Manag", Box(300, 270, 290, 40), 0.3),)),), width=900, height=400)
    asked: list[bool] = []

    def give_other() -> np.ndarray:
        asked.append(True)
        return other

    page = second_look(blank, unsure, Contact(), Settings(), other=give_other)
    assert [w.text for ln in page.lines for w in ln.words] == ["Sales", "Manager"]
    # a page with nothing doubtful never makes the other image
    sure = Page(lines=(Line(words=(Word("Sales", Box(300, 270, 120, 40), 0.95),)),), width=900, height=400)
    asked.clear()
    assert second_look(blank, sure, Contact(), Settings(), other=give_other) is sure and not asked


def test_a_middling_names_doubtful_line_is_read_as_a_doubtful_line_from_the_other_image() -> None:
    # the name is worth an accent look (middling, on a US card), but its line is doubtful as a whole: it
    # is read as a doubtful line, from the other image, not replaced by the accent reading of the first
    blank = np.full((400, 900), 255, np.uint8)
    other = blank.copy()
    cv2.putText(other, "Anna Berg", (300, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    unsure = Page(lines=(Line(words=(Word("Arma Bery", Box(300, 270, 210, 40), 0.3),)),), width=900, height=400)
    middling = Contact(name=PersonName("Arma Bery"), phones=(Phone("+14155550133", "work", "415 555 0133"),),
                       confidence={"name": 0.65})  # fmt: skip
    page = second_look(blank, unsure, middling, Settings(), other=lambda: other)
    assert [w.text for ln in page.lines for w in ln.words] == ["Anna", "Berg"]


def test_without_light_is_the_card_in_the_pixels_of_the_image_ocr_read() -> None:
    corners = np.array([[260, 190], [930, 240], [900, 660], [210, 600]], dtype=np.float32)
    prepared = P.prepare(photo_of(render_card(), corners), Settings())
    unlit = P.without_light(prepared, Settings())
    assert unlit is not None and unlit.shape == prepared.image.shape and unlit.dtype == np.uint8
    # the same card: its print lies where the prepared image's does
    ink, unlit_ink = prepared.image < 128, unlit < 128
    assert (ink & unlit_ink).sum() > 0.6 * min(ink.sum(), unlit_ink.sum())
    # the print contrast `light` measured is reused, not changed: the same pixels as measuring it afresh
    again = P.without_light(dataclasses.replace(prepared, unlit_contrast=None), Settings())
    assert again is not None and np.array_equal(again, unlit)
    assert np.array_equal(P.without_light(prepared, Settings()), unlit)
    assert P.without_light(P.prepare(render_card(), Settings(disabled_steps=frozenset({"light"}))), Settings()) is None
    # large print, shrunk for OCR, has no second image: light thickens only small print
    large = P.prepare(render_card(2000), Settings())
    assert large.scale < 1 and P.without_light(large, Settings()) is None


def test_strips_of_different_sizes_are_read_at_one_size_and_mapped_back_each_by_its_own_scale() -> None:
    # a name twice the size of the line under it: its strip is shrunk to the small line's size in the
    # stack, and the words of both come back where they are printed
    image = np.full((400, 900), 255, np.uint8)
    cv2.putText(image, "Anna Berg", (40, 110), cv2.FONT_HERSHEY_SIMPLEX, 2.4, 0, 5)
    cv2.putText(image, "Sales Manager", (300, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    big = Line(words=(Word("Arma", Box(40, 55, 190, 60), 0.3), Word("Bery", Box(250, 55, 180, 60), 0.3)))
    small = Line(words=(Word("Saies", Box(300, 270, 120, 30), 0.3), Word("Manag", Box(440, 270, 150, 30), 0.3)))
    got = read_strips(image, [big, small], Settings())
    words = {w.text: w.box for strip in got for w in strip}
    assert {"Anna", "Berg", "Sales", "Manager"} <= set(words), words
    assert [w.text for w in got[0]] == ["Anna", "Berg"] and [w.text for w in got[1]] == ["Sales", "Manager"]
    # where putText drew them: each line starts at its x, its letters stand on its baseline
    for text, x, baseline in (("Anna", 40, 110), ("Sales", 300, 300)):
        assert abs(words[text].x - x) < 12 and abs(words[text].y2 - baseline) < 12, (text, words[text])


def test_a_doubtful_line_holding_only_a_sure_website_or_email_is_settled() -> None:
    def ln(text: str) -> Line:
        return Line(words=tuple(Word(t, Box(10 + 80 * i, 10, 70, 20), 0.4) for i, t in enumerate(text.split())))

    sure = Contact(emails=("kelvin_low@relay.sg",), website="www.relay.sg")
    assert settled(ln("Web: www. relay.sg"), sure) and settled(ln("E: kelvin_low@relay.sg"), sure)
    # a website in review, or more on the line than a label, is read again
    assert not settled(ln("Web: www. relay.sg"), Contact(website="www.relay.sg", review=("website",)))
    assert not settled(ln("www.relay.sg Tel +65 6376 2370"), sure)
    assert not settled(ln("London SEI 5XJ"), sure)


def test_second_look_leaves_a_sure_page_alone_without_calling_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ocr(*args: object, **kwargs: object) -> None:
        raise AssertionError("a sure page from a country without accents needs no second look")

    monkeypatch.setattr(ocr, "image_to_data", no_ocr)
    page = _page([("Anna", 10, 10, 0.95), ("Berg", 80, 10, 0.93)], [("anna@example.com", 10, 50, 0.92)])
    us = Contact(phones=(Phone("+14155550133", "work", "415 555 0133"),))
    assert second_look(np.full((400, 800), 255, np.uint8), page, us, Settings()) is page


def test_print_no_word_covers_is_read_as_a_line_of_its_own() -> None:
    # Tesseract's layout dropped a line ("Germany" under an address): it is found in the pixels and read
    image = np.full((400, 900), 255, np.uint8)
    cv2.putText(image, "Anna Berg", (40, 80), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.putText(image, "Germany", (300, 300), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)
    cv2.rectangle(image, (700, 150), (860, 190), 0, -1)  # a solid bar (a picture) is no print
    cv2.putText(image, "Rim", (-20, 390), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)  # cut by the image's edge
    words = (Word("Anna", Box(40, 52, 95, 30), 0.95), Word("Berg", Box(150, 52, 95, 36), 0.95))
    read = Page(lines=(Line(words=words),), width=900, height=400)
    [box] = missed_print(image, read)
    assert abs(box.x - 300) < 10 and abs(box.y2 - 300) < 12
    page = second_look(image, read, Contact(), Settings())
    assert [ln.text for ln in page.lines] == ["Anna Berg", "Germany"]
    assert missed_print(image, page) == []  # once read, nothing is missed


def test_print_missed_beside_a_doubtful_line_is_read_with_it() -> None:
    # psm 11 left "Birmingham" of "Birmingham B3 5ZB" unread (bench phone card 097: "im B3 5ZB"): the doubtful
    # line is read again widened over the missed print, in one strip, and the whole line replaces the first
    image = np.full((300, 900), 255, np.uint8)
    cv2.putText(image, "Birmingham B3 5ZB", (40, 150), cv2.FONT_HERSHEY_SIMPLEX, 1.2, 0, 3)

    def x(prefix: str) -> int:
        return 40 + cv2.getTextSize(prefix, cv2.FONT_HERSHEY_SIMPLEX, 1.2, 3)[0][0]

    tail = (
        Word("im", Box(x("Birmingh") - 4, 115, x("Birmingham") - x("Birmingh") + 8, 46), 0.5),
        Word("B3", Box(x("Birmingham ") - 4, 122, x("Birmingham B3") - x("Birmingham ") + 8, 32), 0.9),
        Word("5ZB", Box(x("Birmingham B3 ") - 4, 122, x("Birmingham B3 5ZB") - x("Birmingham B3 ") + 8, 32), 0.8),
    )
    read = Page(lines=(Line(words=tail),), width=900, height=300)
    [box] = missed_print(image, read)
    assert box.x < 50
    page = second_look(image, read, Contact(), Settings())
    [line] = page.lines
    assert line.text.startswith("Birmingham B3")
    # the words keep to the rows of the line read again, however tall Tesseract boxed them in the strip
    assert all(w.box.y >= 115 and w.box.y2 <= 161 for w in line.words)


def test_print_missed_before_a_sure_small_line_is_found_and_read_with_it() -> None:
    # bench phone card 052: "28070 Madrid" read as "Madrid" (0.94) on a card of big print, the postcode less than
    # half the body text's height: it is found as the line's unread start, and the line is read again whole
    image = np.full((400, 900), 255, np.uint8)
    cv2.putText(image, "Elena Diaz", (40, 90), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4)
    cv2.putText(image, "Solana SL", (40, 190), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4)
    cv2.putText(image, "28070 Madrid", (40, 218), cv2.FONT_HERSHEY_SIMPLEX, 0.7, 0, 2)  # close under "Solana SL"

    def box(text: str, x: int, baseline: int, scale: float, thick: int) -> Box:
        (w, h), _ = cv2.getTextSize(text, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
        return Box(x, baseline - h, w, h + 2)

    big = [Line(words=(Word(t, box(t, 40, y, 2.0, 4), 0.95),)) for t, y in (("Elena Diaz", 90), ("Solana SL", 190))]
    x = 40 + cv2.getTextSize("28070 ", cv2.FONT_HERSHEY_SIMPLEX, 0.7, 2)[0][0]
    madrid = Line(words=(Word("Madrid", box("Madrid", x, 218, 0.7, 2), 0.94),))
    read = Page(lines=(*big, madrid), width=900, height=400)
    [found] = missed_print(image, read)
    assert found.x < 50 and found.h < 0.5 * statistics.median(ln.height for ln in read.lines)
    page = second_look(image, read, Contact(), Settings())
    assert page.lines[-1].text == "28070 Madrid"


def test_print_read_where_the_first_reading_found_none_counts_against_the_first() -> None:
    line = Line(words=(Word("im", Box(10, 50, 20, 20), 0.5), Word("B3", Box(40, 50, 20, 20), 0.9)))
    again = [Word("Birmingham", Box(0, 50, 60, 20), 0.6), Word("B3", Box(40, 50, 20, 20), 0.9)]
    assert not better(line, again)  # letter for letter, the first reading is as sure
    assert better(line, again, unread=8)  # but it read nothing of "Birmingh"


def test_a_word_read_again_keeps_to_the_rows_of_its_line() -> None:
    span = Box(0, 100, 200, 30)
    assert _within_rows(Word("B3", Box(10, 80, 20, 70), 0.9), span).box == Box(10, 100, 20, 30)
    word = Word("B3", Box(10, 105, 20, 20), 0.9)
    assert _within_rows(word, span) is word


def test_a_second_reading_replaces_a_line_only_when_clearly_more_confident() -> None:
    line = Line(words=(Word("anna@exarnple", Box(10, 50, 60, 20), 0.4),))
    assert better(line, [Word("anna@example", Box(10, 52, 60, 20), 0.92)])
    assert not better(line, [Word("anna@exampie", Box(10, 52, 60, 20), 0.42)])
    assert not better(line, [])


@pytest.fixture
def desk_first(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A card photo whose finder's first outline is a patch of desk (as a keyboard's keys can be)."""
    corners = np.array([[300, 250], [900, 280], [880, 620], [280, 590]], dtype=np.float32)
    path = tmp_path / "card.png"
    Image.fromarray(photo_of(render_card(), corners)).save(path)
    desk = np.array([[20, 20], [260, 20], [260, 160], [20, 160]], dtype=np.float32)
    monkeypatch.setattr(P, "find_card_quad", lambda rgb: desk)
    monkeypatch.setattr(P, "outlines", lambda rgb, limit=3: P.Outlines([desk, corners], None))
    return path


def test_an_outline_that_held_no_card_is_followed_by_the_next_one(desk_first: Path, tmp_path: Path) -> None:
    from cardscan import pipeline

    r = pipeline.scan_file(desk_first, Settings(out_dir=tmp_path / "out"))
    assert r.status.value == "ok", r.error
    assert r.contact is not None and "anna.berg@example.com" in r.contact.emails
    assert any("another part of the photo" in w for w in r.warnings)


def test_keep_intermediates_saves_the_retry_steps_after_the_first_reading(desk_first: Path, tmp_path: Path) -> None:
    from cardscan import pipeline

    kept = tmp_path / "steps"
    r = pipeline.scan_file(desk_first, Settings(out_dir=tmp_path / "out", keep_intermediates=kept))
    assert r.status.value == "ok", r.error
    names = sorted(p.name for p in (kept / "card").iterdir())
    flattened = [n for n in names if n.endswith("-find_card.png")]
    assert len(flattened) == 2, names  # the patch of desk, then the card the retry read
    assert names[-1].endswith("-rescale.png") and names.index(flattened[1]) > names.index(flattened[0])


def test_a_retry_that_fails_leaves_the_first_reading_standing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # the first outline holds no card, and reading the next times out: the file fails with the first verdict
    from cardscan import pipeline
    from cardscan.errors import OcrError

    path = tmp_path / "desk.png"
    Image.fromarray(
        photo_of(
            np.full((600, 1050, 3), 245, np.uint8),
            np.array([[300, 250], [900, 280], [880, 620], [280, 590]], np.float32),
        )
    ).save(path)
    desk = np.array([[20, 20], [260, 20], [260, 160], [20, 160]], dtype=np.float32)
    monkeypatch.setattr(P, "find_card_quad", lambda rgb: desk)
    monkeypatch.setattr(P, "outlines", lambda rgb, limit=3: P.Outlines([desk, desk + 300], None))
    real_prepare = P.prepare

    def prepare(rgb: np.ndarray, settings: Settings, keep: object = None, outline: object = P.FIND) -> P.Prepared:
        if not isinstance(outline, str):
            raise OcrError("Tesseract took longer than 30 seconds on this image and was stopped.")
        return real_prepare(rgb, settings, outline=outline)

    monkeypatch.setattr(P, "prepare", prepare)
    r = pipeline.scan_file(path, Settings(out_dir=tmp_path / "out"))
    assert r.status.value == "failed"
    assert r.error is not None and "Tesseract took longer" not in r.error
    assert "fallback" in r.timings


def test_only_a_script_model_beside_a_latin_one_gets_a_look_of_its_own() -> None:
    assert script_model("jpn+eng") == "jpn"
    assert script_model("eng+chi_sim") == "chi_sim"
    assert script_model("jpn") is None  # alone, it read every line already
    assert script_model("eng+deu") is None


def test_lines_lost_to_the_latin_model_are_short_unsure_capitals() -> None:
    def line(*words: tuple[str, float]) -> Line:
        return Line(words=tuple(Word(t, Box(10 + 60 * i, 10, 50, 40), c) for i, (t, c) in enumerate(words)))

    assert lost_to_latin(line(("SRB", 0.82)))  # 営業部
    assert lost_to_latin(line(("BAL", 0.62), ("AAG", 0.61)))  # 田村 大輝
    assert not lost_to_latin(line(("IBM", 0.95)))  # Latin capitals read surely
    assert not lost_to_latin(line(("CONTOSO", 0.7)))  # a word too long for one kanji's misreading
    assert not lost_to_latin(line(("Sales", 0.7)))
    assert not lost_to_latin(line(("aN", 0.26)))  # a speck
    assert not lost_to_latin(line(("T", 0.9), ("108-0075", 0.94)))
    # only the second word lost (the real card, its dark logo band's print decided word by word): "営業部 BWR"
    assert lost_to_latin(line(("営業部", 0.8), ("BWR", 0.7)))
    assert not lost_to_latin(line(("営業部", 0.8), ("Sales", 0.7)))


JAPANESE = REAL / "images" / "azure_business_cards_japanese.png"


@pytest.mark.skipif(not JAPANESE.is_file(), reason="../shared/realcards is not present")
def test_the_japanese_cards_title_line_lost_to_eng_is_read_by_jpn(tmp_path: Path) -> None:
    settings = Settings(lang="jpn+eng", out_dir=tmp_path)
    if "jpn" not in ocr.probe(Settings()).langs:
        pytest.skip("the jpn model is not installed (make LANGS=jpn)")
    contact = pipeline.scan_file(JAPANESE, settings).contact
    assert contact is not None
    # "営業部 部長" came back from jpn+eng as "SRB BWR"
    assert (contact.title, contact.department) == ("部長", "営業部")
    assert contact.address is not None and contact.address.lines[0].startswith("〒108-0075 東京都")


def _many_lines(n: int, conf: float) -> Page:
    return Page(
        lines=tuple(Line(words=(Word("IIll III", Box(10, 20 * i, 60, 12), conf),)) for i in range(n)),
        width=800,
        height=20 * n + 20,
    )


def test_many_lines_with_hardly_a_confident_letter_are_noise() -> None:
    from cardscan.recognize import noise

    assert noise(_many_lines(40, 0.3))  # a sheet of print read from a wrong outline
    assert not noise(_many_lines(12, 0.3))  # a card read badly is still a card: few lines
    assert not noise(_many_lines(40, 0.9))  # dense print read surely is not noise


def test_noise_is_not_read_again_turned(monkeypatch: pytest.MonkeyPatch) -> None:
    from cardscan import recognize as R

    calls: list[int] = []

    def read(image: np.ndarray, settings: Settings, psm: int = R.PSM) -> Page:
        calls.append(psm)
        return _many_lines(40 if len(calls) == 1 else 8, 0.3)

    monkeypatch.setattr(R, "read", read)
    prepared = P.Prepared(image=np.full((300, 500), 255, np.uint8), card_found=True)
    assert R.recognize(prepared, Settings())[0].rotation == 0 and len(calls) == 1
    calls.clear()
    monkeypatch.setattr(R, "read", lambda image, settings, psm=R.PSM: calls.append(psm) or _many_lines(8, 0.3))
    R.recognize(prepared, Settings())
    assert len(calls) == 2  # a poor reading of a few lines is tried turned


def test_a_name_alone_on_noise_is_no_card() -> None:
    name = Contact(name=PersonName(full="Zo Loz", given="Zo", family="Loz"))
    assert not pipeline._is_card(_many_lines(40, 0.3), name)
    assert pipeline._is_card(_many_lines(8, 0.3), name)
    assert pipeline._is_card(_many_lines(40, 0.3), Contact(emails=("ann@example.com",)))
    assert not pipeline._is_card(_many_lines(8, 0.9), Contact())


def test_a_word_read_twice_over_the_same_place_is_kept_once_the_surer_reading() -> None:
    # the real Contoso card in a hard shadow: two overlapping lines, each read again whole, gave
    # "Paddington, London, London, W2 W2 6BD"
    first = Word("London,", Box(371, 523, 103, 22), 0.91)
    twice = Word("London,", Box(372, 524, 101, 22), 0.92)
    other = Word("London,", Box(600, 523, 103, 22), 0.90)  # the same word elsewhere on the card stays
    kept = distinct([(first, 1), (twice, 2), (other, 1), (Word("W2", Box(484, 526, 44, 20), 0.95), 1)])
    assert sorted((w.text, w.box.x, w.conf) for w, _ in kept) == [
        ("London,", 372, 0.92), ("London,", 600, 0.90), ("W2", 484, 0.95)]  # fmt: skip


def test_a_reading_mostly_unsure_says_the_photo_may_be_blurred() -> None:
    from cardscan.parse.text import page_from_rows
    from cardscan.pipeline import no_card_message
    from cardscan.recognize import sure_share

    unsure = page_from_rows([("Sse ogame UNOOhapei SE", 20, 0.2), ("oorater Smemes", 20, 0.3), ("TS", 20, 0.9)])
    assert sure_share(unsure) == pytest.approx(2 / 34)
    assert "blurred or shaken" in no_card_message(unsure)
    sure = page_from_rows([("Terms and conditions apply", 20, 0.93)])  # a printed sheet read well: no card, no blur
    assert sure_share(sure) == 1.0
    assert no_card_message(sure) == (
        "Text was found, but nothing on it looks like a business card (no name, email or phone)."
    )
    assert sure_share(page_from_rows([])) == 0.0


def test_a_photo_with_no_outline_whose_print_held_no_card_is_read_within_the_guessed_one(tmp_path: Path) -> None:
    # bench hard card 78: no outline convinces, so the photo's print is read, and it holds no card (the desk's
    # print and the card's light print on its dark paper, unflipped); the guessed outline reads as the card
    photo = synth.make_card("card_078", tmp_path, random.Random("cardscan-synth:3003:77"), synth.Plan("hard"))
    r = pipeline.scan_file(photo, Settings(out_dir=tmp_path / "out"))
    assert r.status.value == "ok", r.error
    assert r.contact is not None
    assert {p.number for p in r.contact.phones} == {"+14042518764", "+14048325051"}
    assert any("likeliest" in w for w in r.warnings)
    assert "fallback" in r.timings
    assert result_to_dict(r)["warnings"] == list(r.warnings)  # --json tells the user so


def test_a_guessed_outline_is_read_even_after_the_photos_print_gave_a_card_and_kept_when_it_reads_more(
    tmp_path: Path,
) -> None:
    # a hard synthetic photo (dev seed 4343, card 36): no outline convinces, and the photo's print reads as a
    # card, with its company, an email and the website lost among the desk's print (3 fields sure); the
    # guessed outline reads every field, 6 of them surely
    photo = synth.make_card("card_036", tmp_path, random.Random("cardscan-synth:4343:35"), synth.Plan("hard"))
    r = pipeline.scan_file(photo, Settings(out_dir=tmp_path / "out"))
    assert r.status.value == "ok" and r.contact is not None
    truth = json.loads(photo.with_suffix(".json").read_text("utf-8"))
    assert [e.lower() for e in r.contact.emails] == [e.lower() for e in truth["emails"]]
    assert r.contact.company == truth["company"]
    assert any("likeliest" in w for w in r.warnings)


def test_a_guessed_outline_counts_only_when_it_reads_an_email_or_a_phone(tmp_path: Path) -> None:
    # a name read within a doubtful outline is too often a few letters of the desk; as a runner-up outline
    # (after a convincing one held no card) the same name counts
    corners = np.array([[300, 250], [900, 280], [880, 620], [280, 590]], dtype=np.float32)
    rgb = photo_of(render_card(lines=("Anna Berg", "Head of Talent")), corners)
    settings = Settings(out_dir=tmp_path / "out")
    assert pipeline._fallback(rgb, settings, [corners], guessed=True) is None
    runner_up = pipeline._fallback(rgb, settings, [corners])
    assert runner_up is not None and runner_up[2].name.full == "Anna Berg"
