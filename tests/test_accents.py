"""accents.py: re-reading name and address lines to put back the accents `eng` drops."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from cardscan import accents, ocr, pipeline
from cardscan.config import Settings
from cardscan.models import Address, Box, Contact, Line, Page, PersonName, Phone, Word

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def line(text: str, y: int, conf: float = 0.9) -> Line:
    words, x = [], 10
    for t in text.split():
        words.append(Word(t, Box(x, y, 20 * len(t), 30), conf))
        x += 20 * len(t) + 15
    return Line(tuple(words))


def again(old: Line, *read: tuple[str, float]) -> list[Word]:
    """The Latin reading of `old`: one word where each English word stands."""
    return [Word(t, w.box, c) for (t, c), w in zip(read, old.words, strict=False)]


def test_only_cards_from_accent_countries_are_read_again() -> None:
    name = PersonName("Julia Muller")
    de = Contact(name=name, phones=(Phone("+4971138480", "work", "0711 38480"),))
    us = Contact(name=PersonName("Julia Miller"), phones=(Phone("+14155550133", "work", "415 555 0133"),),
                 emails=("j@acme.com",))  # fmt: skip
    by_domain = Contact(name=name, emails=("julia@firma.de",))
    by_address = Contact(address=Address(("10 rue Oberkampf", "75014 Paris"), country="FR"))
    assert accents.wanted(de) and accents.wanted(by_domain) and accents.wanted(by_address)
    assert not accents.wanted(us)
    assert not accents.wanted(Contact(emails=("a@firma.de",)))  # nothing that carries accents


def test_target_lines_are_the_name_and_address_lines() -> None:
    page = Page((line("Julia Muller", 10), line("CEO", 50), line("Hauptstrasse 9", 90), line("70173 Stuttgart", 130)),
                400, 200)  # fmt: skip
    c = Contact(name=PersonName("Julia Muller"), address=Address(("Hauptstrasse 9", "70173 Stuttgart"), country="DE"))
    assert accents.target_lines(page, c) == [0, 2, 3]


def test_a_street_line_is_read_again_on_an_accent_card_whose_address_was_not_made_out() -> None:
    # the city misread ("50618 K6in") left no address, but the street line lost its umlaut too
    page = Page((line("Ayse Hartmann", 10), line("+49 15854 463717", 50), line("Muhlenweg 154b", 90),
                 line("50618 K6in", 130)), 400, 200)  # fmt: skip
    de = Contact(name=PersonName("Ayse Hartmann"), phones=(Phone("+4915854463717", "mobile", "+49 15854 463717"),))
    assert accents.target_lines(page, de) == [0, 2]
    uk = Contact(name=PersonName("Ayse Hartmann"), phones=(Phone("+447449260622", "mobile", "+44 7449 260622"),))
    assert accents.target_lines(page, uk) == [0]  # "Ayse": a name usually written with an accent, on any card


def test_elsewhere_only_a_name_in_doubt_is_read_again() -> None:
    # a British card: "Seren" under soren.wright@ is in review, and the Latin model may read "Søren"
    page = Page((line("Seren Wright", 10), line("soren.wright@cedarwood.co.uk", 50)), 600, 100)
    c = Contact(name=PersonName("Seren Wright"), emails=("soren.wright@cedarwood.co.uk",))
    assert not accents.wanted(c) and accents.target_lines(page, c) == []
    doubted = Contact(name=PersonName("Seren Wright"), emails=("soren.wright@cedarwood.co.uk",), review=("name",))
    assert accents.wanted(doubted) and accents.target_lines(page, doubted) == [0]


def test_elsewhere_a_name_read_only_middlingly_is_read_again() -> None:
    # "Dr. Soren Fairbairn" on a .com card: not in review, but its "Soren" was far less sure than its neighbours
    page = Page((line("Dr. Soren Fairbairn", 10), line("sfairbairn@keystone-foods.com", 50)), 600, 100)
    sure = Contact(name=PersonName("Dr. Simon Fairbairn"), confidence={"name": 0.9})
    assert not accents.wanted(sure)
    middling = Contact(name=PersonName("Dr. Soren Fairbairn"), confidence={"name": 0.7})
    assert accents.wanted(middling) and accents.target_lines(page, middling) == [0]


def test_an_accent_is_taken_only_when_the_letters_agree_and_the_reading_is_sure() -> None:
    old = line("Julia Muller", 10)
    assert accents.take(old, again(old, ("Julia", 0.95), ("Müller", 0.9))).text == "Julia Müller"
    assert accents.take(old, again(old, ("Julia", 0.95), ("Müller", 0.5))).text == "Julia Muller"
    assert accents.take(old, again(old, ("Julia", 0.95), ("Miller", 0.99))).text == "Julia Muller"
    assert accents.take(old, again(old, ("Julia", 0.95))).text == "Julia Muller"  # nothing read there: unchanged


def test_words_pair_by_where_they_stand_not_by_their_count() -> None:
    # the Latin model read the separator the English one left out: "Malaga" still takes its accent
    old = line("29010 Malaga", 10)
    dash = Word("–", Box(old.words[0].box.x2 + 2, 10, 8, 30), 0.9)
    read = [Word("29010", old.words[0].box, 0.93), dash, Word("Málaga", old.words[1].box, 0.9)]
    assert accents.take(old, read).text == "29010 Málaga"


@pytest.mark.skipif("Latin" not in ocr.list_models()[1], reason="the Latin model is not installed")
@pytest.mark.skipif(not DEJAVU.is_file(), reason="the DejaVu font is not installed")
def test_a_german_card_keeps_its_umlauts_end_to_end(tmp_path: Path) -> None:
    img = Image.new("RGB", (1050, 600), (250, 250, 248))
    d = ImageDraw.Draw(img)
    d.text((80, 80), "Jürgen Schäfer", fill=(20, 20, 20), font=ImageFont.truetype(str(DEJAVU), 64))
    small = ImageFont.truetype(str(DEJAVU), 34)
    for i, text in enumerate(("Vertriebsleiter", "juergen.schaefer@firma.de", "Tel. +49 711 3848 0123",
                              "Schönhauser Allee 12", "70173 Stuttgart")):  # fmt: skip
        d.text((80, 200 + 60 * i), text, fill=(20, 20, 20), font=small)
    path = tmp_path / "card.png"
    img.save(path)
    on = pipeline.scan_file(path, Settings(out_dir=tmp_path / "out"))
    english_only = frozenset({"accents", "second_pass"})  # no second look with the Latin model at all
    off = pipeline.scan_file(path, Settings(out_dir=tmp_path / "out", disabled_steps=english_only))
    assert on.contact is not None and on.contact.name is not None
    assert on.contact.name.full == "Jürgen Schäfer", on.contact.name
    # the name's umlauts can come from the email (juergen.schaefer@); the street's only from the re-read
    # (not "Königstraße": the parse puts back the umlaut of a street name starting "Konig" by itself)
    assert on.contact.address is not None and "Schönhauser Allee 12" in on.contact.address.lines, on.contact.address
    assert off.contact is not None and off.contact.address is not None
    assert not any("ö" in line for line in off.contact.address.lines), off.contact.address


def test_a_misread_accented_letter_is_mended_only_by_a_surer_latin_reading() -> None:
    def mend(english: str, conf: float, *read: tuple[str, float]) -> str:
        old = line(english, 10, conf)
        return accents.take(old, again(old, *read)).text

    assert mend("Mihlenweg 31", 0.7, ("Mühlenweg", 0.91), ("31", 0.95)) == "Mühlenweg 31"
    assert mend("Gartenstrae 9", 0.6, ("Gartenstraße", 0.9), ("9", 0.9)) == "Gartenstraße 9"
    assert mend("Seren Wright", 0.8, ("Søren", 0.91), ("Wright", 0.9)) == "Søren Wright"
    # a surer English reading stays, and an accent never comes with a change of a plain letter
    assert mend("Miller", 0.96, ("Müller", 0.9)) == "Miller"
    assert mend("Kern", 0.7, ("Köln", 0.95)) == "Kern"
    # a surer Latin reading mends a ü the English model read as i, even when that spells an English name;
    # without an accented letter nothing is changed, and quotes outside ASCII are no accents
    assert mend("Miller", 0.7, ("Müller", 0.91)) == "Müller"
    assert mend("Mailer", 0.5, ("Maler", 0.99)) == "Mailer"
    assert mend('"Hi"', 0.5, ("“Hi”", 0.99)) == '"Hi"'


def test_a_look_alike_beside_a_lost_accent_is_mended_only_by_a_much_surer_reading() -> None:
    def mend(english: str, conf: float, latin: str, latin_conf: float) -> str:
        old = line(english, 10, conf)
        return accents.take(old, again(old, (latin, latin_conf))).text

    assert mend("Numberg", 0.72, "Nürnberg", 0.91) == "Nürnberg"  # ü read as u, rn as m
    old = line("Numberg", 10, 0.72)
    taken = accents.take(old, again(old, ("Nürnberg", 0.91)))
    assert taken.words[0].conf == accents.DISAGREE  # taken, and still worth a look
    assert mend("Kéin", 0.77, "Köln", 0.89) == "Köln"  # ö read as é, l as i
    assert mend("Kéin", 0.85, "Köln", 0.89) == "Kéin"  # not surer by enough
    assert mend("Kern", 0.5, "Köln", 0.99) == "Kern"  # l for r is no look-alike: another word
    assert mend("Mnnnn", 0.5, "Müller", 0.99) == "Mnnnn"  # more than two swaps
    assert mend("Numberg", 0.5, "Numberg", 0.99) == "Numberg"


def test_stray_letters_are_not_taken_for_name_or_address_lines() -> None:
    page = Page((line("a", 5), line("Tobias Jager", 10), line("o", 40), line("Mihlenweg 31", 90)), 400, 200)
    c = Contact(name=PersonName("Tobias Jager"), address=Address(("Mihlenweg 31", "76197 Karlsruhe"), country="DE"))
    assert accents.target_lines(page, c) == [1, 3]


def test_a_word_the_two_models_spell_apart_is_left_doubtful() -> None:
    old = line("50618 Kéin", 10, conf=0.77)
    kept = accents.take(old, again(old, ("50618", 0.9), ("Köln", 0.75)))
    assert kept.text == "50618 Kéin"  # neither reading is taken over the other
    assert kept.words[1].conf is not None and kept.words[1].conf <= accents.DISAGREE
    assert kept.words[0].conf == 0.77


def test_an_address_line_the_parser_mended_is_still_read_again() -> None:
    page = Page((line("Sergio Romero", 10), line("Calle Larios 240, 9? planta 29010 Malaga", 60)), 800, 200)
    mended = Address(("Calle Larios 240, 9ª planta 29010 Malaga",), country="ES")
    c = Contact(name=PersonName("Sergio Romero"), address=mended)
    assert accents.target_lines(page, c) == [0, 1]


def test_an_accent_the_latin_model_is_unsure_of_leaves_the_word_doubtful() -> None:
    old = line("Dr. Ayse Hartmann", 10, conf=0.92)
    kept = accents.take(old, again(old, ("Dr.", 0.92), ("Ayşe", 0.7), ("Hartmann", 0.9)))
    assert kept.text == "Dr. Ayse Hartmann"
    assert kept.words[1].conf is not None and kept.words[1].conf <= accents.DISAGREE


def test_a_name_usually_written_with_accents_is_read_again_on_a_card_from_anywhere() -> None:
    # "Etienne" on a Toronto card: Canada is no accent country, but the name is one usually written "Étienne"
    page = Page((line("Etienne B. Thibodeau", 10), line("+1 (416) 363-9371", 50)), 600, 100)
    toronto = Phone("+14163639371", "mobile", "+1 (416) 363-9371")
    c = Contact(name=PersonName("Etienne B. Thibodeau"), phones=(toronto,), confidence={"name": 0.95})
    assert accents.wanted(c) and accents.target_lines(page, c) == [0]
    assert not accents.wanted(Contact(name=PersonName("Ava Edwards"), phones=(toronto,), confidence={"name": 0.95}))
    # a Québec address is read again, all of it, whatever the name
    quebec = Address(("3072 Sparks Street", "Montreal, QC H3A 9C5"), country="CA")
    assert accents.target_lines(
        Page((line("Ava Edwards", 10), line("3072 Sparks Street", 50), line("Montreal, QC H3A 9C5", 90)), 600, 150),
        Contact(name=PersonName("Ava Edwards"), address=quebec, confidence={"name": 0.95}),
    ) == [0, 1, 2]


def test_a_vanity_domain_is_no_sign_of_a_country() -> None:
    assert accents.countries(Contact(emails=("amoreau@sillage.io",), website="sillage.co")) == frozenset()
    assert accents.countries(Contact(emails=("a@firma.de",))) == {"DE"}


def test_a_latin_word_spelling_the_accent_otherwise_unsurely_leaves_the_word_doubtful() -> None:
    # eng read "Maélle", Latin "Maëlle" unsurely: which accent is printed is not known
    old = line("Maélle Thibodeau", 10, conf=0.92)
    kept = accents.take(old, again(old, ("Maëlle", 0.68), ("Thibodeau", 0.9)))
    assert kept.text == "Maélle Thibodeau"
    assert kept.words[0].conf is not None and kept.words[0].conf <= accents.DISAGREE
    assert kept.words[1].conf == 0.92  # the same letters, the same accents: nothing in doubt


def test_a_speck_in_the_strip_beside_a_word_does_not_hide_its_latin_reading() -> None:
    old = line("Prof. Jurgen Wolf", 10, conf=0.95)
    jurgen = old.words[1].box
    read = [Word("Prof.", old.words[0].box, 0.92), Word("Jürgen", jurgen, 0.92),
            Word("a3", Box(jurgen.x + 5, 10, 10, 30), 0.19), Word("Wolf", old.words[2].box, 0.87)]  # fmt: skip
    assert accents.take(old, read).text == "Prof. Jürgen Wolf"


def _words(*spec: tuple[str, int, int, int]) -> tuple[Word, ...]:
    """(text, left, top, height) words; each 20 px wide a letter."""
    return tuple(Word(t, Box(x, y, 20 * len(t), h), 0.9) for t, x, y, h in spec)


def test_a_mark_over_a_capital_is_seen_against_the_capitals_beside_it() -> None:
    # real readings' boxes: "Alvaro" reaches 12 px above "Mufioz" on the same baseline, "Etienne" above "Thibodeau"
    assert accents.mark_over_capital(_words(("Alvaro", 0, 277, 55), ("Mufioz", 140, 289, 44)), 0)
    assert accents.mark_over_capital(_words(("Etienne", 0, 67, 45), ("B.", 160, 76, 35), ("Thibodeau", 210, 75, 37)), 0)
    assert not accents.mark_over_capital(_words(("Alvaro", 0, 280, 44), ("Munoz", 140, 280, 44)), 0)  # no mark
    # a tilted line (tops and bottoms both lower to the right), a word swollen by a speck beside one with a
    # descender, and a name beside a column of small print: no mark
    assert not accents.mark_over_capital(_words(("Arthur", 0, 294, 41), ("André", 140, 304, 40)), 0)
    assert not accents.mark_over_capital(_words(("Andre", 0, 23, 91), ("Young", 120, 67, 58)), 0)
    yasmine = _words(("Yasmine", 0, 266, 47), ("Laurent", 160, 269, 45), ("Tél..", 400, 296, 22), ("+33", 460, 298, 20))
    assert not accents.mark_over_capital(yasmine, 0)
    # a logo word in larger print whose box reaches below the baseline as well: no mark can be told
    assert not accents.mark_over_capital(_words(("Onyx", 0, 38, 51), ("Teoranta", 100, 53, 37)), 0)


def test_a_name_with_a_mark_over_its_capital_takes_its_usual_accent_and_another_word_goes_to_review() -> None:
    old = Line(_words(("Alvaro", 0, 277, 55), ("Munoz", 140, 289, 44)))
    assert accents.take(old, again(old, ("Alvaro", 0.9), ("Muñoz", 0.9))).text == "Álvaro Muñoz"
    odd = Line(_words(("Ecume", 0, 47, 35), ("Robotics", 120, 55, 27)))
    kept = accents.take(odd, again(odd, ("Ecume", 0.9), ("Robotics", 0.9)))
    assert kept.text == "Ecume Robotics"  # which accent is not known
    assert kept.words[0].conf is not None and kept.words[0].conf <= accents.DISAGREE


def test_a_letter_the_cards_country_does_not_write_is_not_taken_in_its_address() -> None:
    old = line("Batiment B", 10, conf=0.9)
    # a ring read where a circumflex is printed: on a French card it is the circumflex
    assert accents.take(old, again(old, ("Båtiment", 0.9), ("B", 0.9)), frozenset({"FR"})).text == "Bâtiment B"
    assert accents.take(old, again(old, ("Båtiment", 0.9), ("B", 0.9)), frozenset({"SE"})).text == "Båtiment B"
    street = line("Rue Pasteur 12", 10, conf=0.9)
    kept = accents.take(street, again(street, ("Rue", 0.9), ("Pastęur", 0.9), ("12", 0.9)), frozenset({"FR"}))
    assert kept.text == "Rue Pasteur 12" and kept.words[1].conf is not None and kept.words[1].conf <= accents.DISAGREE
    # where the country is not known, any letter is taken
    assert accents.take(old, again(old, ("Båtiment", 0.9), ("B", 0.9))).text == "Båtiment B"


def test_a_name_line_is_told_from_an_address_line() -> None:
    c = Contact(name=PersonName("Ayşe Yilmaz"))
    assert accents.holds_name(line("Dr. Ayse Yilmaz", 10), c) and not accents.holds_name(line("Hauptstr. 5", 10), c)
