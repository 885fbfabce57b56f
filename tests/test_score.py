"""score.py: the benchmark's comparison rules."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from cardscan.bench import AGAIN, photographed_again, tesseract_readable
from cardscan.score import normalise, outline_right, phones_from_printed, score_contact

SAMPLES = Path(__file__).resolve().parents[1] / "sample_cards"


def test_letter_spaced_company_and_case_match() -> None:
    assert normalise("company", "V E R Y F I") == normalise("company", "Veryfi")


def test_website_scheme_and_slash_do_not_matter() -> None:
    assert normalise("website", "https://www.contoso.com/") == normalise("website", "contoso.com")


def test_phone_type_matters() -> None:
    truth = {"phones": [{"number": "+14155550100", "type": "mobile"}]}
    got = {"phones": [{"number": "+14155550100", "type": "work"}], "review": []}
    by = {fs.field: fs for fs in score_contact(got, truth)}
    assert not by["phones"].right


def test_invented_and_flagged() -> None:
    truth = {"name": "Avery Smith", "title": None}
    got = {"name": "Avery Smith", "title": "Tagline Inc", "review": ["title"]}
    by = {fs.field: fs for fs in score_contact(got, truth)}
    assert by["name"].right and not by["name"].invented
    assert by["title"].invented and by["title"].flagged and not by["title"].right


def test_missing_contact_scores_every_present_field_wrong_and_flagged() -> None:
    truth = {"name": "Avery Smith", "emails": ["a@b.com"]}
    by = {fs.field: fs for fs in score_contact(None, truth)}
    assert not by["name"].right and not by["emails"].right and by["address"].right
    assert by["name"].flagged  # a failed card is announced to the user as failed


def test_printed_phones_become_e164() -> None:
    got = phones_from_printed([{"number": "+44 (0) 20 9876 5432", "type": "work"}], "US")
    assert got == [{"number": "+442098765432", "type": "work"}]
    assert phones_from_printed([{"number": "03-8765-4321", "type": "work"}], "JP")[0]["number"] == "+81387654321"


def test_outline_right_takes_a_close_quad_in_any_corner_order() -> None:
    corners = [[100, 100], [450, 120], [440, 320], [90, 300]]
    shuffled = [[442, 318], [91, 302], [101, 99], [449, 121]]
    assert outline_right(shuffled, corners, (800, 600)) is True


def test_outline_right_refuses_a_part_of_the_card_and_no_outline_on_a_small_card() -> None:
    corners = [[100, 100], [450, 120], [440, 320], [90, 300]]
    left_part = [[100, 100], [270, 110], [265, 310], [90, 300]]  # cut where a shadow crosses the card
    assert outline_right(left_part, corners, (800, 600)) is False
    assert outline_right(None, corners, (800, 600)) is False


def test_outline_right_takes_the_whole_photo_for_a_card_that_fills_it() -> None:
    scan = [[10, 8], [790, 12], [788, 590], [12, 592]]
    assert outline_right(None, scan, (800, 600)) is True
    assert outline_right(scan, None, (800, 600)) is None  # no truth to say: a real photo


def test_plain_tesseract_yardstick_reads_a_heic_photo_from_a_png_copy(tmp_path: Path) -> None:
    # Tesseract cannot open HEIC: a call on the file itself fails at once and would make the yardstick short
    heic = SAMPLES / "card_09.heic"
    copy = tesseract_readable(heic, tmp_path / "yardstick")
    assert copy.parent == tmp_path / "yardstick" and copy.suffix == ".png"
    with Image.open(copy) as png, Image.open(heic) as original:
        assert png.size == original.size
    assert tesseract_readable(SAMPLES / "card_01.jpg", tmp_path / "yardstick") == SAMPLES / "card_01.jpg"
    out = subprocess.run(["tesseract", str(copy), "stdout"], capture_output=True, text=True, check=False)
    assert out.returncode == 0 and sum(ch.isalnum() for ch in out.stdout) > 20


def test_photographed_again_turns_shrinks_and_spoils_a_photo_as_named() -> None:
    rgb = np.zeros((60, 100, 3), np.uint8)
    rgb[:, :50] = 200
    shapes = {how: photographed_again(rgb, how)[0].shape for how in AGAIN}
    assert shapes["rot90"] == shapes["exif"] == (100, 60, 3) and shapes["rot180"] == (60, 100, 3)
    assert shapes["half"] == (30, 50, 3) and shapes["quarter"] == (15, 25, 3)
    assert photographed_again(rgb, "exif")[1] == 8 and photographed_again(rgb, "rot90")[1] == 1
    assert photographed_again(rgb, "rot180")[0][0, -1, 0] == 200  # the light half is now on the right
    assert photographed_again(rgb, "dim")[0][:, 0].max() < 200  # darker to the left
    assert shapes["tilt8"] == shapes["angle"] == shapes["shadow"] == shapes["motion"] == (60, 100, 3)
    angled = photographed_again(np.full((60, 100, 3), 200, np.uint8), "angle")[0]
    assert angled[0, 5, 0] == 90 and angled[0, 50, 0] == 200 and angled[-5, 10, 0] == 200  # the top edge narrower
    shaded = photographed_again(np.full((60, 100, 3), 200, np.uint8), "shadow")[0]
    assert shaded[0, -1, 0] == 110 and shaded[0, 0, 0] == 200  # the right part in shadow
    with pytest.raises(ValueError):
        photographed_again(rgb, "sideways")


def test_stage_means_are_over_all_cards_so_that_they_add_up() -> None:
    from cardscan.bench import stage_means

    # the fallback ran on one card of four: a quarter of its time per card, not all of it
    means = stage_means({"ocr": [0.2, 0.2, 0.2, 0.2], "fallback": [0.4]}, 4)
    assert means == {"ocr": pytest.approx(0.2), "fallback": pytest.approx(0.1)}
    assert stage_means({}, 0) == {}
