"""A Japanese card as Tesseract's jpn+eng models read it: kanji one word apiece, the long-vowel
mark on a line of its own, a postcode beside the address, phones labelled 携帯 and 電話."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from cardscan.config import Settings
from cardscan.models import Box, Contact, Line, Page, Word
from cardscan.parse import parse_page
from cardscan.parse.text import text_lines

REAL = Path(__file__).resolve().parents[2] / "shared" / "realcards"


def chars(text: str, x: int, y: int, h: int, gap: int = 2) -> list[Word]:
    """One word per character, as jpn returns them; a space in `text` is a wide gap."""
    words: list[Word] = []
    for token in text.split(" "):
        for ch in token:
            words.append(Word(ch, Box(x, y, h, h), 0.9))
            x += h + gap
        x += h  # a real space: a whole character wide
    return words


def latin(text: str, x: int, y: int, h: int) -> list[Word]:
    words: list[Word] = []
    for token in text.split():
        w = int(len(token) * 0.6 * h)
        words.append(Word(token, Box(x, y, w, h), 0.92))
        x += w + int(0.5 * h)
    return words


def japanese_card(postcode_mark: str = "〒") -> Page:
    company = chars("株式会社コント", 150, 470, 20)
    dash_x = company[-1].box.x2 + 4
    company.append(Word("ソ", Box(dash_x + 24, 470, 20, 20), 0.9))
    lines = [
        Line(tuple(latin("CONTOSO", 170, 190, 50))),
        Line(tuple(chars("営業部 部長", 190, 300, 22))),
        Line(tuple(chars("田村 大輝", 170, 350, 50))),
        Line(tuple(company)),
        Line((Word("ー", Box(dash_x, 478, 20, 4), 0.9),)),  # the long-vowel mark, read as a rule
        Line(
            (
                Word(postcode_mark, Box(150, 505, 16, 18), 0.8),
                *latin("108-0075", 175, 505, 18),
                *chars("東京都港区港南", 300, 505, 18),
                *latin("2-16-3", 440, 505, 18),
            )
        ),
        Line(
            (
                *chars("携帯", 140, 530, 20),
                *latin(": 070-1234-5678", 190, 530, 20),
                *chars("電話", 400, 530, 20),
                *latin(": 03-8765-4321", 450, 530, 20),
            )
        ),
        Line(tuple(latin("daiki.tamura@contoso.com", 140, 560, 20))),
        Line(tuple(latin("https://www.contoso.co,jp/", 140, 590, 20))),
    ]
    return Page(tuple(lines), 1000, 700)


def scan(page: Page) -> Contact:
    return parse_page(page, Settings(lang="jpn+eng"))


def test_kanji_read_one_per_word_are_joined_but_a_real_space_stays() -> None:
    texts = [ln.text for ln in text_lines(japanese_card())]
    assert "田村 大輝" in texts
    assert "営業部 部長" in texts
    assert "株式会社コントーソ" in texts  # the long-vowel mark is back in its word


def test_japanese_card_fields() -> None:
    c = scan(japanese_card())
    assert c.name is not None and c.name.full == "田村 大輝"
    assert (c.name.family, c.name.given) == ("田村", "大輝")
    assert (c.title, c.department) == ("部長", "営業部")
    assert c.company == "株式会社コントーソ"  # the registered name, not the Latin logo
    assert c.emails == ("daiki.tamura@contoso.com",)
    assert c.website == "https://www.contoso.co.jp/"


@pytest.mark.parametrize("mark", ["〒", "T", "7"])
def test_postcode_is_never_a_phone_and_the_labels_type_the_numbers(mark: str) -> None:
    # "〒" is often read as "T" or "7": "7 108-0075", or glued on as "1708-0075"
    c = scan(japanese_card(mark))
    assert {(p.number, p.type) for p in c.phones} == {("+817012345678", "mobile"), ("+81387654321", "work")}
    assert "phones" not in c.review


def test_postal_mark_read_as_a_t_is_printed_back_and_is_no_city() -> None:
    c = scan(japanese_card("T"))
    assert c.address is not None
    assert c.address.lines[0] == "〒108-0075 東京都港区港南 2-16-3"
    assert (c.address.postcode, c.address.city) == ("108-0075", "")


def test_glued_postcode_mark_is_not_a_phone() -> None:
    page = japanese_card()
    lines = list(page.lines)
    lines[5] = Line((*latin("1708-0075", 150, 505, 18), *chars("東京都港区港南", 300, 505, 18)))
    c = scan(replace(page, lines=tuple(lines)))
    assert len(c.phones) == 2 and all(p.number.startswith("+81") for p in c.phones)


def test_two_kanji_label_is_not_a_name() -> None:
    page = japanese_card()
    c = scan(replace(page, lines=tuple(ln for ln in page.lines if "田" not in ln.text)))
    assert c.name is None  # "携帯" before the number is a label, "東京" a place


@pytest.mark.skipif(not REAL.is_dir(), reason="real card photos not present")
def test_truth_of_the_real_japanese_card_matches_the_rules() -> None:
    # the rules above were written from this card's printed values, not from its photo
    truth = {t["file"]: t for t in json.loads((REAL / "truth.json").read_text(encoding="utf-8"))}
    jp = truth["azure_business_cards_japanese.png"]
    assert jp["company"].startswith("株式会社")
    assert jp["title"] == "部長"
    assert [p["type"] for p in jp["phones"]] == ["mobile", "work"]


def test_a_space_ocr_put_inside_a_japanese_address_word_is_taken_out() -> None:
    # the real card: "東京都港区港南" read as "東京 都港区港南"
    page = japanese_card()
    lines = list(page.lines)
    lines[5] = Line(
        (
            Word("〒", Box(150, 505, 16, 18), 0.8),
            *latin("108-0075", 175, 505, 18),
            *chars("東京", 300, 505, 18),
            *chars("都港区港南", 360, 505, 18),
            *latin("2-16-3", 480, 505, 18),
        )
    )
    c = scan(Page(tuple(lines), page.width, page.height))
    assert c.address is not None and "108-0075 東京都港区港南 2-16-3" in c.address.lines[0]
