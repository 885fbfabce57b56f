"""marks.py: two dots over a letter, found in a word's pixels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cardscan import accents, marks
from cardscan.models import Box, Line, Word

FONTS = Path("/usr/share/fonts/truetype/dejavu")


def word_image(text: str, font: str = "DejaVuSans-Bold.ttf", size: int = 40) -> tuple[np.ndarray, Box]:
    """`text` printed dark on white, and the box Tesseract would give it (its ink, marks included)."""
    im = Image.new("L", (40 + size * len(text), 3 * size), 255)
    ImageDraw.Draw(im).text((20, size), text, font=ImageFont.truetype(str(FONTS / font), size), fill=20)
    pixels = np.asarray(im)
    ys, xs = np.nonzero(pixels < 128)
    return pixels, Box(int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))


@pytest.mark.parametrize("font", ["DejaVuSans-Bold.ttf", "DejaVuSerif.ttf", "DejaVuSans.ttf"])
@pytest.mark.parametrize(
    ("text", "spots"),
    [("Anaïs", [0.7]), ("Anais", []), ("Jörg", [0.38]), ("Geschäftsführer", [0.37, 0.7]), ("Kenji", []),
     ("Gráinne", []), ("Müller", [0.25])],
)  # fmt: skip
def test_two_dots_over_one_letter_are_found_and_the_dots_of_two_letters_are_not(
    text: str, spots: list[float], font: str
) -> None:
    seen = marks.over(*word_image(text, font))
    found = None if seen is None else list(seen.pairs)
    assert found is not None and len(found) == len(spots)
    # where they stand, as a share of the word's width: near the letter's place if letters were equally wide
    assert all(abs(f - s) < 0.15 for f, s in zip(found, spots, strict=True))


def test_a_word_too_small_to_tell_says_nothing() -> None:
    pixels, box = word_image("Anaïs", size=9)
    assert marks.over(pixels, box) is None


def test_dots_in_the_pixels_go_on_the_letter_neither_model_read_them_on() -> None:
    pixels, box = word_image("Maëlle", "DejaVuSerif-Bold.ttf")
    line = Line((Word("Maelle", box, 0.95),))
    # the Latin model saw an accent, but not which: the two dots say it is a diaeresis, and the word is sure
    taken = accents.take(line, [Word("Maélle", box, 0.6)], image=pixels)
    assert taken.words[0].text == "Maëlle" and taken.words[0].conf == 0.95
    # with no Latin reading at all the dots still go on the e (no i there to mistake a dot for)
    assert accents.take(line, [], image=pixels).words[0].text == "Maëlle"


def test_dots_over_an_i_are_taken_only_where_the_latin_model_read_them() -> None:
    pixels, box = word_image("Anaïs", "DejaVuSerif-Bold.ttf")
    line = Line((Word("Anais", box, 0.95),))
    # "Anaiïs": the Latin model's way of reading an ï, unsure
    assert accents.take(line, [Word("Anaiïs", box, 0.5)], image=pixels).words[0].text == "Anaïs"
    # the Latin model read a plain i: an i's own dot by another mark may pass for two, so the word goes to review
    kept = accents.take(line, [Word("Anais", box, 0.9)], image=pixels).words[0]
    assert kept.text == "Anais" and kept.conf is not None and kept.conf <= accents.DISAGREE


def test_the_dots_of_dutch_ij_are_no_diaeresis() -> None:
    # blurred, the i and the j of "ij" may pass for one letter with two dots over it (bench phone photo)
    word = "Catharijnesingel"
    assert accents._with_diaereses(word, [(word.index("ij") + 1) / len(word)], "") == word
    assert accents._with_diaereses("Maelle", [0.5], "") == "Maëlle"
    assert accents._with_diaereses("Lynn", [0.9], "") is None  # over no vowel: not known which letter


def test_a_word_whose_pixels_show_no_dots_is_left_as_read() -> None:
    pixels, box = word_image("Anais", "DejaVuSerif-Bold.ttf")
    line = Line((Word("Anais", box, 0.95),))
    assert accents.take(line, [Word("Anais", box, 0.9)], image=pixels).words[0] == line.words[0]


@pytest.mark.parametrize(("printed", "taken"), [("Léa", "Léa"), ("Lea", "Lea")])
def test_an_accent_the_latin_model_read_unsurely_is_taken_where_the_pixels_show_its_mark(
    printed: str, taken: str
) -> None:
    pixels, box = word_image(printed, "DejaVuSans.ttf")
    line = Line((Word("Lea", box, 0.95),))
    word = accents.take(line, [Word("Léa", box, 0.6)], image=pixels).words[0]
    assert word.text == taken
    # a mark in the pixels says an accent is there, not which one ("Sânchez" for "Sánchez"): the word is in doubt
    # either way
    assert word.conf == accents.DISAGREE


def test_marks_a_text_puts_over_its_letters() -> None:
    assert marks.expected("Fernández") == (1, 0)
    assert marks.expected("Anaïs") == (0, 1)
    assert marks.expected("Íñigo") == (3, 0)  # the acute, the tilde, the i's dot
    assert marks.expected("Geschäftsführerin") == (1, 2)


def test_dots_over_a_vowel_are_put_on_any_line_and_over_an_i_left_to_the_latin_reading() -> None:
    from cardscan.models import Page

    company, box = word_image("ALPENGLÜHEN", "DejaVuSerif-Bold.ttf")
    page = Page(lines=(Line((Word("ALPENGLUHEN", box, 0.96),)),), width=company.shape[1], height=company.shape[0])
    assert accents.dotted(page, company).lines[0].text == "ALPENGLÜHEN"
    name, box = word_image("Anaïs", "DejaVuSerif-Bold.ttf")
    page = Page(lines=(Line((Word("Anais", box, 0.96),)),), width=name.shape[1], height=name.shape[0])
    assert accents.dotted(page, name) == page
