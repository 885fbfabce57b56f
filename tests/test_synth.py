"""The synthetic card generator: deterministic, valid truth, EXIF that viewers honour, every variant renders."""

from __future__ import annotations

import json
import random
from pathlib import Path

import phonenumbers
import pytest
from PIL import Image, ImageOps

from cardscan import synth

TRUTH_KEYS = [
    "file",
    "condition",
    "country",
    "layout",
    "name",
    "prefix",
    "given_name",
    "middle_name",
    "family_name",
    "suffix",
    "title",
    "department",
    "company",
    "emails",
    "phones",
    "website",
    "linkedin",
    "address",
    "exif_orientation",
    "card_corners",
]


def _open(path: Path) -> Image.Image:
    if path.suffix == ".heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
    return Image.open(path)


def test_same_seed_gives_same_bytes_and_truth(tmp_path: Path) -> None:
    a = synth.generate(tmp_path / "a", 3, seed=7, condition="mixed")
    b = synth.generate(tmp_path / "b", 3, seed=7, condition="mixed")
    assert [p.name for p in a] == [p.name for p in b]
    for pa, pb in zip(a, b, strict=True):
        assert pa.read_bytes() == pb.read_bytes()
        assert pa.with_suffix(".json").read_text() == pb.with_suffix(".json").read_text()
    c = synth.generate(tmp_path / "c", 1, seed=8, condition="mixed")
    assert c[0].with_suffix(".json").read_text() != a[0].with_suffix(".json").read_text()


def test_truth_file_has_the_scorer_schema(tmp_path: Path) -> None:
    (path,) = synth.generate(tmp_path, 1, seed=3, condition="phone")
    truth = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert list(truth) == TRUTH_KEYS
    assert truth["file"] == path.name
    assert truth["condition"] == "phone"
    assert truth["exif_orientation"] in (1, 3, 6, 8)


@pytest.mark.parametrize("seed", range(60))
def test_phones_are_valid_e164_and_printed_as_raw(seed: int) -> None:
    spec = synth.compose_card(random.Random(seed))
    printed = "\n".join(spec.printed)
    region = {"UK": "GB"}.get(spec.country, spec.country)
    for p in spec.phones:
        num = phonenumbers.parse(p.number)
        assert phonenumbers.is_valid_number(num), p
        assert phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164) == p.number
        assert phonenumbers.region_code_for_number(num) == region
        assert p.raw in printed
        # What is printed means the same number to a reader in that country.
        assert phonenumbers.format_number(phonenumbers.parse(p.raw, region), 0) == p.number
        assert p.type in ("work", "mobile", "fax", "other")


def test_printed_text_carries_every_truth_field() -> None:
    for seed in range(40):
        spec = synth.compose_card(random.Random(seed))
        printed = "\n".join(spec.printed)
        for value in [spec.name, spec.title, spec.website, spec.linkedin, *spec.emails]:
            if value:
                assert value in printed, (seed, value)
        for line in spec.address:
            assert line in spec.printed


def test_fields_are_sometimes_missing() -> None:
    """The benchmark counts invented fields, so the set must have cards without them."""
    specs = [synth.compose_card(random.Random(s)) for s in range(150)]
    for attr in ("title", "website", "linkedin", "department"):
        missing = sum(getattr(s, attr) is None for s in specs)
        assert 10 < missing < 150, attr
    assert 10 < sum(not s.address for s in specs) < 140
    assert sum(any(p.type == "fax" for p in s.phones) for s in specs) < 75


def test_exif_rotated_files_show_a_landscape_card_upright(tmp_path: Path) -> None:
    rng = random.Random(11)
    for orientation in (6, 8, 3):
        plan = synth.Plan("phone", "two_column", "DE", fmt="jpg", exif=orientation)
        path = synth.make_card(f"exif{orientation}", tmp_path, rng, plan)
        img = Image.open(path)
        assert img.getexif().get(0x0112) == orientation
        stored_landscape = img.width > img.height
        assert stored_landscape == (orientation == 3)  # 6 and 8 store the pixels sideways
        upright = ImageOps.exif_transpose(img)
        assert upright.width > upright.height
        truth = json.loads(path.with_suffix(".json").read_text())
        assert truth["exif_orientation"] == orientation


@pytest.mark.parametrize("layout", synth.LAYOUTS)
def test_every_layout_renders_a_card_with_its_name(layout: str) -> None:
    spec = synth.compose_card(random.Random(5), "UK", layout)
    card = synth.render_card(spec)
    w, h = card.size
    assert (h > w) == (layout == "portrait")
    assert 580 <= min(w, h) <= 660 and 1000 <= max(w, h) <= 1060
    # Something was drawn: the card is not one flat colour.
    lo, hi = card.convert("L").getextrema()
    assert hi - lo > 100


@pytest.mark.parametrize("condition", synth.CONDITIONS)
def test_every_condition_produces_a_phone_sized_image(tmp_path: Path, condition: str) -> None:
    (path,) = synth.generate(tmp_path, 1, seed=2, condition=condition)
    img = _open(path)
    assert 1600 <= max(img.size) <= 3000
    assert path.stat().st_size < 400_000
    assert json.loads(path.with_suffix(".json").read_text())["condition"] == condition


def test_heic_and_png_outputs_open(tmp_path: Path) -> None:
    rng = random.Random(4)
    for fmt in ("heic", "png"):
        path = synth.make_card(f"x_{fmt}", tmp_path, rng, synth.Plan("phone", "centered", "FR", fmt=fmt))
        assert path.suffix == f".{fmt}"
        assert _open(path).size[0] > 1000
        assert json.loads(path.with_suffix(".json").read_text())["exif_orientation"] == 1


def test_unknown_condition_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="flat, phone, hard, mixed"):
        synth.generate(tmp_path, 1, seed=1, condition="blurry")


def test_committed_sample_set_matches_its_truth() -> None:
    folder = Path(__file__).resolve().parents[1] / "sample_cards"
    truths = sorted(folder.glob("*.json"))
    if not truths:
        pytest.skip("sample_cards/ has not been generated")
    assert len(truths) >= 14
    seen_layouts, seen_countries = set(), set()
    for t in truths:
        truth = json.loads(t.read_text(encoding="utf-8"))
        assert (folder / truth["file"]).is_file()
        seen_layouts.add(truth["layout"])
        seen_countries.add(truth["country"])
    assert set(synth.LAYOUTS) <= seen_layouts
    assert {"US", "UK", "DE", "FR", "IN", "AU"} <= seen_countries


def test_missing_fonts_give_an_install_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from cardscan.errors import MissingDependencyError

    monkeypatch.setattr(synth, "FONT_DIRS", (tmp_path / "nothing",))
    synth.available_fonts.cache_clear()
    try:
        with pytest.raises(MissingDependencyError, match="apt-get install fonts-dejavu-core"):
            synth.generate(tmp_path / "out", 1, seed=1, condition="flat")
        assert not (tmp_path / "out").exists()  # nothing half-written
    finally:
        synth.available_fonts.cache_clear()


@pytest.mark.parametrize("seed", range(12))
def test_card_corners_say_where_the_card_lies_in_the_upright_photo(seed: int) -> None:
    import cv2
    import numpy as np

    def detail(a: np.ndarray) -> np.ndarray:  # print and edges, without glare, shadow and shading
        a = a.astype(np.float32)
        return a - cv2.GaussianBlur(a, (0, 0), 6)

    rng = random.Random(f"corners:{seed}")
    card = synth.render_card(synth.compose_card(rng))
    condition = ("flat", "phone", "hard")[seed % 3]
    img, orientation, corners = synth.photograph(card, condition, rng)
    upright = np.asarray(ImageOps.exif_transpose(_with_orientation(img, orientation)).convert("L"))
    w, h = card.size
    printed = detail(np.asarray(card.convert("L")))
    match = []
    for shift in (0.0, 0.05 * w):  # the corners as given, and a twentieth of the card to the side
        frame = np.float32([[0, 0], [w, 0], [w, h], [0, h]]) + np.float32([shift, 0])
        back = cv2.warpPerspective(upright, cv2.getPerspectiveTransform(np.float32(corners), frame), (w, h))
        match.append(np.corrcoef(detail(back).ravel(), printed.ravel())[0, 1])
    # the photo taken back to the card's own frame lies on the printed card, and only there
    assert match[0] > 0.3
    assert match[0] > 3 * match[1]


def _with_orientation(img: Image.Image, orientation: int) -> Image.Image:
    """The stored pixels with the EXIF orientation the file would carry."""
    img.getexif()[0x0112] = orientation
    return img


def test_a_phone_printed_as_another_line_carries_a_label_that_says_so() -> None:
    # the truth types such a number "other": its label must not read as a work, mobile or fax label
    # ("O" reads as Office), unless the style prints it like the work number, whose truth is then "work"
    from cardscan.parse.phones import label_type

    styles = [*synth._LABEL_STYLES, *(s for data in synth._DATA.values() for s in data.labels)]
    for style in styles:
        if style["other"] != style["work"]:
            assert label_type(style["other"]) in (None, "other"), style
