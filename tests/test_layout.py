"""layout.py: Tesseract's table -> lines in reading order, on hand-written boxes."""

from __future__ import annotations

from cardscan.layout import group_lines, page_from_data, words_from_data
from cardscan.models import Box, Word


def table(rows: list[tuple[str, int, int, int, int, float]]) -> dict[str, list[object]]:
    """Build pytesseract's image_to_data dict from (text, x, y, w, h, conf%) rows."""
    return {
        "text": [r[0] for r in rows],
        "left": [r[1] for r in rows],
        "top": [r[2] for r in rows],
        "width": [r[3] for r in rows],
        "height": [r[4] for r in rows],
        "conf": [r[5] for r in rows],
        "block_num": [i + 1 for i in range(len(rows))],
    }


def test_words_drop_empty_and_normalise_confidence() -> None:
    data = table([("Avery", 10, 10, 80, 30, 96.0), ("", 0, 0, 1000, 600, -1), ("  ", 5, 5, 5, 5, 50)])
    words = words_from_data(data)
    assert [w.text for w, _ in words] == ["Avery"]
    assert words[0][0].conf == 0.96


def test_missing_confidence_is_none_not_zero() -> None:
    words = words_from_data(table([("Tel", 10, 10, 40, 20, -1)]))
    assert words[0][0].conf is None


def test_text_is_nfkc_normalised() -> None:
    words = words_from_data(table([("ﬁnance", 10, 10, 80, 20, 90)]))  # the fi ligature
    assert words[0][0].text == "finance"


def test_sparse_blocks_on_one_baseline_become_one_line() -> None:
    # psm 11 gives each word its own block; geometry puts them back together
    data = table(
        [
            ("Smith", 120, 12, 90, 30, 90),
            ("Avery", 10, 10, 100, 32, 90),
            ("Senior", 10, 60, 70, 20, 90),
            ("Researcher", 88, 61, 120, 20, 90),
        ]
    )
    page = page_from_data(data, 400, 200)
    assert [ln.text for ln in page.lines] == ["Avery Smith", "Senior Researcher"]


def test_two_columns_stay_apart() -> None:
    # a wide gap on the same row is two lines, left column first
    data = table([("Avery", 10, 10, 80, 20, 90), ("Tel:", 500, 12, 50, 20, 90), ("555", 560, 12, 50, 20, 90)])
    lines = group_lines(words_from_data(data))
    assert [ln.text for ln in lines] == ["Avery", "Tel: 555"]


def test_different_font_sizes_do_not_merge() -> None:
    data = table([("CONTOSO", 10, 10, 300, 80, 90), ("ltd", 320, 60, 30, 12, 90)])
    assert len(group_lines(words_from_data(data))) == 2


def test_line_geometry() -> None:
    a = Word("a", Box(0, 0, 10, 10), 0.5)
    b = Word("b", Box(20, 2, 10, 14), None)
    from cardscan.models import Line

    ln = Line((a, b))
    assert ln.box == Box(0, 0, 30, 16)
    assert ln.conf == 0.5
    assert ln.text == "a b"


def test_a_tall_glyph_box_does_not_split_the_line() -> None:
    # Tesseract's box for "julia@parallax," is inflated by the @; the ".io" after it is the same line
    data = table(
        [("Tel.", 10, 600, 60, 28, 90), ("julia@parallax,", 10, 647, 600, 59, 55), ("io", 620, 688, 30, 27, 95)]
    )
    lines = group_lines(words_from_data(data))
    assert [ln.text for ln in lines] == ["Tel.", "julia@parallax, io"]


def test_a_dash_boxed_flat_joins_the_line_of_its_block_it_stands_in() -> None:
    # bench hard card: "Kolkata - 700099" with the dash boxed 3 px tall, beside a tall speck's row reaching over it
    words = [
        (Word(",", Box(3, 690, 52, 52), 0.51), 23),
        (Word("..", Box(129, 648, 204, 95), 0.34), 23),
        (Word("Kolkata", Box(321, 672, 76, 16), 0.85), 22),
        (Word("-", Box(405, 680, 4, 3), 0.87), 22),
        (Word("700099", Box(421, 671, 77, 17), 0.95), 22),
    ]
    assert [ln.text for ln in group_lines(words)] == ["Kolkata - 700099", ", .."]
    # a dash above or below a line's letters is none of its words
    low = [*words[2:3], (Word("-", Box(405, 700, 4, 3), 0.87), 22), words[4]]
    assert [ln.text for ln in group_lines(low)] == ["Kolkata 700099", "-"]


def test_a_word_box_running_over_the_next_words_keeps_them_on_its_line() -> None:
    # Tesseract boxed "0429" 170 px wide, over "030 633": the mobile number must stay one line
    data = table(
        [
            ("M", 74, 459, 12, 21, 93),
            ("0429", 103, 459, 170, 21, 96),
            ("030", 171, 455, 44, 37, 96),
            ("633", 227, 455, 44, 37, 96),
            ("|", 289, 459, 5, 27, 93),
            ("T", 310, 459, 13, 21, 93),
        ]
    )
    data["block_num"] = [2] * 6  # one Tesseract block
    assert [ln.text for ln in group_lines(words_from_data(data))] == ["M 0429 030 633 | T"]
    # the same overlap between two blocks (a big name's box over the next column) keeps them apart
    data["block_num"] = [1, 1, 2, 2, 2, 2]
    assert len(group_lines(words_from_data(data))) == 2


def test_the_letters_of_a_letter_spaced_logo_make_one_line() -> None:
    # "D R I F T" with gaps of two letter heights: wider than words stand, but one word all the same
    data = table(
        [(ch, 100 + 72 * i, 140, 20, 26, 90) for i, ch in enumerate("DRIFT")] + [("Eleanor", 100, 300, 90, 30, 96)]
    )
    assert [ln.text for ln in group_lines(words_from_data(data))] == ["D R I F T", "Eleanor"]
    # words, not letters, that far apart are two columns
    data = table([("Avery", 10, 10, 80, 26, 90), ("Smith", 160, 10, 80, 26, 90)])
    assert len(group_lines(words_from_data(data))) == 2
