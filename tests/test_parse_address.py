"""Postal addresses in the formats of the countries cards come from; never phone or email lines."""

from __future__ import annotations

import pytest

from cardscan.config import Settings
from cardscan.models import Box, Contact, Line, Page, Word
from cardscan.parse import address, parse_page
from cardscan.parse.address import country_line, mend_zip, region_town, uk_postcode, zip_state
from cardscan.parse.text import page_from_rows


def card(*rows: str | tuple[str, float, float]) -> Contact:
    return parse_page(page_from_rows([("Avery Smith", 40), "Product Manager", *rows]), Settings())


@pytest.mark.parametrize(
    ("rows", "city", "region", "postcode", "country"),
    [
        (["4001 1st Ave NE", "Redmond, WA 98052"], "Redmond", "WA", "98052", "US"),
        (["4001 1st Ave NE Redmond, WA 98052"], "Redmond", "WA", "98052", "US"),
        (["2 Kingdom Street", "Paddington, London, W2 6BD"], "London", "", "W2 6BD", "GB"),
        (["2 Kingdom Street, London W2 6BD", "United Kingdom"], "London", "", "W2 6BD", "GB"),
        (["Hauptstraße 5", "10115 Berlin"], "Berlin", "", "10115", "DE"),
        (["12 rue de la Paix", "75002 Paris", "France"], "Paris", "", "75002", "FR"),
        (["Level 5, 1 Martin Place", "Sydney NSW 2000"], "Sydney", "NSW", "2000", "AU"),
        (["12 MG Road", "Bengaluru - 560001", "India"], "Bengaluru", "", "560001", "IN"),
        (["2-16-3 Konan, Minato-ku", "Tokyo 108-0075, Japan"], "Tokyo", "", "108-0075", "JP"),
        (["100 King St W", "Toronto, ON M5X 1A9"], "Toronto", "ON", "M5X 1A9", "CA"),
        (["Herengracht 100", "1015 BS Amsterdam"], "Amsterdam", "", "1015 BS", "NL"),
        (["Via Roma 10", "00187 Roma RM"], "Roma", "RM", "00187", "IT"),
        (["1 Raffles Place", "Singapore 048616"], "Singapore", "", "048616", "SG"),
    ],
)
def test_address_formats(rows: list[str], city: str, region: str, postcode: str, country: str) -> None:
    a = card(*rows).address
    assert a is not None
    assert (a.city, a.region, a.postcode, a.country) == (city, region, postcode, country)
    assert a.lines == tuple(rows)


def test_street_is_split_from_the_city_line() -> None:
    a = card("4001 1st Ave NE Redmond, WA 98052").address
    assert a is not None and a.street == "4001 1st Ave NE"


def test_phone_and_email_lines_are_not_part_of_the_address() -> None:
    c = card("avery@contoso.com", "Tel: +1 425 555 0100", "Redmond, WA 98052")
    assert c.address is not None and c.address.lines == ("Redmond, WA 98052",)
    assert [p.number for p in c.phones] == ["+14255550100"]


def test_no_address_without_a_postcode_line() -> None:
    assert card("Innovation for everyone", "avery@contoso.com").address is None


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("9? planta", "9ª planta"),
        ("5* planta", "5ª planta"),
        ("3° piso", "3º piso"),
        ("9è planta", "9ª planta"),
        ("6® planta", "6ª planta"),
        ("72 planta", "7ª planta"),
        ("92 piso", "9º piso"),
        # a 2 after a 1 or a 2 may be a floor of its own (12ª, 22ª) with its sign lost: left as read
        ("12 planta", "12 planta"),
        ("22 planta", "22 planta"),
    ],
)
def test_spanish_floor_ordinal_misread(printed: str, read: str) -> None:
    c = parse_page(page_from_rows([("Lucía Romero", 40), "lucia@brisa.es", f"Gran Vía 211, {printed}", "28038 Madrid"]),
                   Settings())  # fmt: skip
    assert c.address is not None and c.address.lines[0] == f"Gran Vía 211, {read}"


def test_floor_without_its_ordinal_sign_is_flagged() -> None:
    c = parse_page(page_from_rows([("Lucía Romero", 40), "lucia@brisa.es", "Gran Via 211, 7 planta", "28038 Madrid"]),
                   Settings())  # fmt: skip
    assert c.address is not None and "address" in c.review


@pytest.mark.parametrize(("street", "flagged"), [("Königsallee 1 69", True), ("Königsallee 169", False)])
def test_a_house_number_read_in_two_pieces_is_flagged(street: str, flagged: bool) -> None:
    # "169" read "1 69": which of 169, 1 or 69 is printed cannot be told from the text
    rows = [("Marie Werner", 45), "m.werner@bodensee.de", street, "50028 Köln"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None and c.address.street == street
    assert ("address" in c.review) == flagged


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("SEI 5XJ", "SE1 5XJ"),
        ("WIT SLY", "W1T 5LY"),
        ("RG27TQ", "RG2 7TQ"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("GIR 0AA", "GIR 0AA"),
        ("CB4 ILD", "CB4 1LD"),  # not "C84 1LD": C is no postcode area
    ],
)
def test_uk_postcode_mends_letters_and_digits_read_in_each_others_places(read: str, printed: str) -> None:
    assert uk_postcode(read) == printed


def test_a_british_cards_misread_postcode_is_mended_in_the_address_it_prints() -> None:
    rows = ["212 Princes Street", "London SEI 5XJ", "Tel +44 (0) 20 8894 9716"]
    a = card(*rows).address
    assert a is not None
    assert (a.city, a.postcode, a.country) == ("London", "SE1 5XJ", "GB")
    assert a.lines == ("212 Princes Street", "London SE1 5XJ")
    # its space lost as well, on a line of its own ("W1T 9LJ" read "WIT9LJ")
    a = card("3rd Floor", "176 King Street", "London", "WIT9LJ", "Direct: +44 (0)20 4161 8075").address
    assert a is not None and (a.city, a.postcode) == ("London", "W1T 9LJ")
    assert card("176 King Street", "Chelmsford", "ESSEX", "+44 20 4161 8075").address is None  # a county is none


def test_a_misread_postcode_shape_is_no_address_without_a_british_cue() -> None:
    # the same slips on a card that says nothing of Britain are not taken for a postcode
    assert card("212 Princes Street", "London SEI 5XJ").address is None


def test_a_bare_postcode_line_under_its_town_prints_mended_too() -> None:
    rows = ["Unit 4", "190 Temple Quay", "Reading", "RG27TQ"]
    a = card(*rows).address
    assert a is not None
    assert (a.city, a.postcode) == ("Reading", "RG2 7TQ")
    assert a.lines[-1] == "RG2 7TQ"


def test_a_county_in_capitals_is_no_misread_postcode() -> None:
    rows = ["12 DUKE STREET", "CHELMSFORD, ESSEX", "CM1 1AA", "Tel +44 1245 123456"]
    a = card(*rows).address
    assert a is None or "E5 5EX" not in " ".join(a.lines)


def test_an_ordinal_street_whose_space_ocr_lost_is_split_again() -> None:
    # "4001 1st Ave NE" read "40011 st Ave NE" (the real Azure sample card): the ordinal that fits the
    # last digit, and a street word after it, say where the space was; the split stays in review
    c = card("40011 st Ave NE Redmond, WA 98052")
    a = c.address
    assert a is not None and a.lines == ("4001 1st Ave NE Redmond, WA 98052",) and a.street == "4001 1st Ave NE"
    assert "address" in c.review
    # an ordinal that does not fit the digit: as printed
    a = card("40012 st Ave", "Redmond, WA 98052").address
    assert a is not None and a.lines[0] == "40012 st Ave"


@pytest.mark.parametrize(
    ("read", "street"),
    [
        ("4001 1 st Ave NE", "4001 1st Ave NE"),  # the real Azure card photographed small: its ending read apart
        ("1200 21 st Ave", "1200 21st Ave"),
        ("315 15 th St", "315 15th St"),
        ("12 2 nd Street", "12 2nd Street"),
        ("500 2 st Ave", "500 2 st Ave"),  # not the ending 2 takes: as read
        ("1 St Paul Ave", "1 St Paul Ave"),  # Saint, no ordinal: no street word after it
    ],
)
def test_an_ordinals_ending_read_apart_from_its_number_is_joined(read: str, street: str) -> None:
    a = card(read, "Redmond, WA 98052").address
    assert a is not None and a.lines[0] == street


def test_a_unit_word_glued_to_its_number_is_set_apart() -> None:
    # phone dev card: "Unit4" over "119 St Vincent Street", "Reading", "RG2 9GD" (wrong and unflagged)
    a = card("Unit4", "119 St Vincent Street", "Reading", "RG2 9GD").address
    assert a is not None and a.lines[0] == "Unit 4"
    a = card("Suite200, 12 King Street", "Toronto, ON M5H 1A1").address
    assert a is not None and a.lines[0].startswith("Suite 200, ")


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Anna Salai, Anmedabad, Gujarat 380046", "Anna Salai, Ahmedabad, Gujarat 380046"),
        ("Outer Ring Road, Bengaluru, Kamataka 560480", "Outer Ring Road, Bengaluru, Karnataka 560480"),  # rn as m
        ("Outer Ring Road, Mumba - 400316", "Outer Ring Road, Mumbai - 400316"),  # hard dev card: a thin letter lost
    ],
)
def test_an_indian_city_or_state_a_look_alike_off_is_mended_in_review(read: str, printed: str) -> None:
    c = card("Plot No. 45, Raheja Mindspace", read, "+91 80 4946 0170")
    assert c.address is not None and c.address.lines[-1] == printed and "address" in c.review


def test_a_large_city_of_a_country_without_postcode_towns_a_look_alike_off_is_mended_in_review() -> None:
    # dev hard card: "4454 King Street West | Caigary, AB T2R 2H8" (wrong and unflagged)
    c = card("P: +1.403.634.3231", "4454 King Street West | Caigary, AB T2R 2H8")
    assert c.address is not None and c.address.city == "Calgary" and "address" in c.review
    assert c.address.lines == ("4454 King Street West | Calgary, AB T2R 2H8",)
    # a city not in the list, or two cities as near, is left as read
    c = card("P: +1.403.634.3231", "4454 King Street West | Airdrie, AB T4B 2H8")
    assert c.address is not None and c.address.city == "Airdrie"


@pytest.mark.parametrize(
    ("street", "city", "doubtful"),
    [
        ("447 Colorado Drive", "Pitisburgh, PA 15201", True),  # held-out hard card: t read as i, kept, in review
        ("4278 Lincoln Ave", "Phoenia, AZ 85014", True),  # hard dev card: x read as a
        ("447 Colorado Drive", "Pittsburgh, PA 15201", False),
        ("6821 Sparks Street", "Montréal, QC H3B 2Y9", False),  # spelled right, with its accent
        ("3420 Elm St.", "San Francesco, CA 94184", True),  # a city named in two words, its second misread
        ("3420 Elm St.", "San Francisco, CA 94184", False),
    ],
)
def test_a_known_city_a_letter_off_sends_the_address_to_review(street: str, city: str, doubtful: bool) -> None:
    c = card("P: +1 412 634 3231", street, city)
    assert c.address is not None and c.address.lines == (street, city)
    assert ("address" in c.review) is doubtful


def test_an_eircode_on_a_line_of_its_own_under_a_dublin_district_is_its_postcode() -> None:
    rows = [("Aoife O'Connor", 52), "aoife@quantix-energy.com", "119 O'Connell Street", "Dublin 4", "DO4 3AXN",
            "Ireland"]  # fmt: skip
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines == ("119 O'Connell Street", "Dublin 4", "D04 3AXN", "Ireland")
    assert (a.city, a.postcode, a.country) == ("Dublin", "D04 3AXN", "IE")


def test_a_street_line_whose_box_ocr_drew_twice_as_tall_still_joins_its_address() -> None:
    # Tesseract's boxes for "65 Merrion Square" reached down to the town line: 32 px against 17
    rows = [("Oisín O'Brien", 33), "o.obrien@driftwood-partners.ie", ("65 Merrion Square", 32), ("Limerick", 17),
            ("V94 F6VH", 18)]  # fmt: skip
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None
    assert c.address.lines == ("65 Merrion Square", "Limerick", "V94 F6VH")
    assert (c.address.street, c.address.city, c.address.postcode) == ("65 Merrion Square", "Limerick", "V94 F6VH")


def test_an_eircode_alone_names_no_town() -> None:
    c = parse_page(page_from_rows([("Oisín O'Brien", 33), "o.obrien@driftwood-partners.ie", "V94 F6VH"]), Settings())
    assert c.address is not None and (c.address.postcode, c.address.city) == ("V94 F6VH", "")


@pytest.mark.parametrize("bar", ["|", "·", "•"])
def test_one_line_address_set_apart_by_bars_or_dots(bar: str) -> None:
    line = f"TorstraBe 14b {bar} 60191 Frankfurt am Main {bar} Deutschland"
    c = parse_page(page_from_rows([("Friederike Yilmaz", 40), "friederike@kinetic.com", line]), Settings())
    assert c.address is not None
    assert (c.address.street, c.address.postcode, c.address.city) == ("Torstraße 14b", "60191", "Frankfurt am Main")
    assert c.address.country == "DE"
    assert c.address.lines == (f"Torstraße 14b {bar} 60191 Frankfurt am Main {bar} Deutschland",)


def test_five_digit_postcode_with_a_look_alike_for_a_digit() -> None:
    rows = [("Ayse Bauer", 40), "ayse.bauer@driftwood-mobility.de", "Im Mediapark 228, $2565 Aachen"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None
    assert (c.address.postcode, c.address.city, c.address.country) == ("52565", "Aachen", "DE")
    assert c.address.lines == ("Im Mediapark 228, 52565 Aachen",)
    rows[2] = "Hauptstr. 5, SOHO House"  # a word of capitals is no postcode
    assert parse_page(page_from_rows(rows), Settings()).address is None


def test_an_australian_state_read_in_small_letters_is_printed_in_capitals() -> None:
    rows = [("William McKenzie", 36), "mob +61 (0)474 545 367", "Level 5, 158 Macquarie Street", "Southbank ViC 3006"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines[-1] == "Southbank VIC 3006" and (a.region, a.postcode) == ("VIC", "3006")
    # a word in small letters is no state
    rows[-1] = "Melbourne via 3000"
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is None or a.region != "VIA"


def test_a_british_postcode_with_a_1_read_as_an_exclamation_mark_is_mended() -> None:
    assert uk_postcode("NE! 8ZQ") == "NE1 8ZQ"
    # and a J read as a bracket (fresh phone set), on its own line under the town
    assert uk_postcode("B2 5)G") == "B2 5JG"
    c = card(("Imran Patel", 40), "Riverside House", "188 Victoria Road", "Birmingham", "B2 5)G")
    assert c.address is not None and c.address.postcode == "B2 5JG"
    # no inward code uses an O: "G2 70T" is a D or a Q read round; left as read, in review (unseen phone set)
    c = card(("Imran Patel", 40), "169 High Street", "Glasgow", "G2 70T", "United Kingdom")
    assert c.address is not None and "address" in c.review
    assert "address" not in card(("Imran Patel", 40), "169 High Street", "Glasgow", "G2 7DT", "United Kingdom").review


def test_a_street_before_an_email_on_one_line_is_the_addresss_first_line() -> None:
    # two columns OCR read as one line: the street on the left, the email on the right
    rows = [("Kumar Low", 36), "Head of Talent", "Work. +65 6833 6172",
            "111 Pasir Panjang Road, #03-01 k.low@merlion-security.com.sg", "Singapore 041725"]  # fmt: skip
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None and c.address.lines == ("111 Pasir Panjang Road, #03-01", "Singapore 041725")
    assert c.emails == ("k.low@merlion-security.com.sg",)


def test_a_british_town_a_look_alike_off_its_postcodes_post_town_is_mended_and_in_review() -> None:
    from cardscan.parse.address import uk_post_town

    assert uk_post_town("Oxtord", "OX2 2ZX") == "Oxford"
    assert uk_post_town("Beltast", "BT1 2QQ") == "Belfast"
    # the town itself, or another town of the area, is left as read
    assert uk_post_town("Oxford", "OX2 2ZX") is None
    assert uk_post_town("Abingdon", "OX14 1AA") is None
    c = parse_page(
        page_from_rows([("Amelia Clarke", 36), "+44 1865 123456", "118 Hills Road", "Oxtord OX2 2ZX"]), Settings()
    )
    assert c.address is not None and c.address.lines[-1] == "Oxford OX2 2ZX" and c.address.city == "Oxford"
    assert "address" in c.review


def test_an_address_whose_street_is_missing_or_only_a_fragment_goes_to_review() -> None:
    for street in ("46b", "Blvd", None):
        rows = [("Jonas Becker", 36), "+49 40 1234567", *([street] if street else []), "20297 Hamburg"]
        c = parse_page(page_from_rows(rows), Settings())
        assert c.address is not None and "address" in c.review, street
    rows = [("Jonas Becker", 36), "+49 40 1234567", "Goethestrasse 46b", "20297 Hamburg"]
    assert "address" not in parse_page(page_from_rows(rows), Settings()).review


def test_a_spanish_floor_whose_ordinal_sign_did_not_read_gets_it_back_in_review() -> None:
    rows = [("Lucía Romero", 36), "+34 934 123 456", "Passeig de Gràcia 68, 3 planta", "08007 Barcelona"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None and c.address.lines[0] == "Passeig de Gràcia 68, 3ª planta"
    assert "address" in c.review


def test_a_german_umlaut_read_as_a_second_i_is_put_back() -> None:
    rows = [("Jonas Schwarz", 36), "+49 69 252993", "Kurfiirstendamm 170", "60647 Frankfurt am Main"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.street == "Kurfürstendamm 170" and a.lines[0] == "Kurfürstendamm 170"
    # outside the countries that write umlauts, "ii" is left as read ("Hawaii")
    rows = [("Avery Smith", 36), "+1 808 555 0100", "2255 Kuhio Hawaii Ave", "Honolulu, HI 96815"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and "Hawaii" in a.street


def test_a_city_whose_umlaut_was_read_as_two_is_put_back() -> None:
    rows = [("Jonas Schwarz", 36), "+49 211 252993", "Torstrasse 217", "40955 Diisseldorf"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.city == "Düsseldorf"


def test_an_eircode_after_the_dublin_district_is_the_postcode_its_zero_read_as_o_mended() -> None:
    rows = [("Siobhan Byrne", 36), "+353 1 234 5678", "232 Fitzwilliam Square", "Dublin 1 DO1 15FW"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines[-1] == "Dublin 1 D01 15FW" and (a.city, a.postcode) == ("Dublin", "D01 15FW")
    # its D read as a zero: the routing key of district 1 is D01
    rows = [("Mary Kennedy", 36), "+353 1 234 5678", "17 Merrion Square", "Dublin 1 001 VX7X"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines[-1] == "Dublin 1 D01 VX7X" and a.postcode == "D01 VX7X"
    # phone dev card: a zero of the second part read as an O, which no Eircode uses
    rows = [("Liam Kennedy", 36), "+353 1 290 7779", "15 O'Connell Street Dublin 4, D04 AOE6"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines[-1].endswith("Dublin 4, D04 A0E6") and a.postcode == "D04 A0E6"
    assert a.street == "15 O'Connell Street"  # the O of O'Connell is a letter


def test_letters_that_only_look_like_an_eircode_keep_their_os() -> None:
    from cardscan.parse.address import eircode_zeros

    assert eircode_zeros("COO DATA") == "COO DATA"
    assert eircode_zeros("DO1 15FW") == "D01 15FW"


def test_a_logo_residue_before_the_company_the_domain_spells_is_dropped_but_not_an_article() -> None:
    for printed, company in (
        ("all Wavelength Recruitment", "Wavelength Recruitment"),
        ("V Dolomiti", "Dolomiti"),
        ("Oo Wavelength Limited", "Wavelength Limited"),
        ("La Wavelength", "La Wavelength"),  # a word a name may start with
    ):
        rows = [(printed, 45), ("Chloe Thompson", 36), "Direct +353 1 234 5678", "chloet@wavelength.ie"]
        if printed.startswith("V"):
            rows[-1] = "chloet@dolomiti.it"
        assert parse_page(page_from_rows(rows), Settings()).company == company, printed


@pytest.mark.parametrize(
    ("postcode", "state"),
    [
        ("98052", "WA"),
        ("84130", "UT"),
        ("10001", "NY"),
        ("02139", "MA"),
        ("20500", "DC"),
        ("20166", "VA"),
        ("99501", "AK"),
    ],
)
def test_zip_code_belongs_to_its_state(postcode: str, state: str) -> None:
    assert zip_state(postcode) == state


def test_zip_code_a_look_alike_digit_off_the_printed_state_is_mended_and_flagged() -> None:
    # "Salt Lake City, UT 64130": 64130 is Missouri's; an 8 read as a 6 gives Utah's 84130
    c = card("6578 Washington Drive", "Salt Lake City, UT 64130")
    assert c.address is not None and c.address.postcode == "84130"
    assert c.address.lines[-1] == "Salt Lake City, UT 84130" and "address" in c.review
    assert mend_zip("64130", "UT") == "84130"


def test_zip_code_of_another_state_with_no_single_mend_is_kept_and_flagged() -> None:
    c = card("4001 1st Ave NE", "Redmond, WA 10001")  # New York's, and no one look-alike makes it Washington's
    assert c.address is not None and c.address.postcode == "10001" and "address" in c.review
    c = card("4001 1st Ave NE", "Redmond, WA 98052")
    assert c.address is not None and "address" not in c.review


def test_indian_city_line_is_found_by_its_state_when_the_city_is_misread() -> None:
    c = card("Residency Road", "Noda, Uttar Pradesh 201629")  # "Noida" misread; the state and PIN still say India
    assert c.address is not None and c.address.postcode == "201629" and c.address.country == "IN"


def test_country_name_alone_on_a_line_says_an_address_did_not_read() -> None:
    c = card("Plot wo. 45. Prestige feeh Part", "te~pelury - S6e8e6", "India")
    assert c.address is None and "address" in c.review


@pytest.mark.parametrize(
    ("printed", "kept"),
    [
        ("Redmond, WA 98052. NN", "Redmond, WA 98052."),  # real Azure card, its outline a few pixels off
        ("Redmond, WA 98052 x", "Redmond, WA 98052"),
        ("Redmond, WA 98052 USA", "Redmond, WA 98052 USA"),
        ("Redmond, WA 98052 US", "Redmond, WA 98052 US"),
    ],
)
def test_letters_read_from_specks_after_a_zip_code_are_no_part_of_the_address(printed: str, kept: str) -> None:
    c = card("4001 1st Ave NE", printed)
    assert c.address is not None and c.address.lines == ("4001 1st Ave NE", kept)


@pytest.mark.parametrize(
    ("printed", "mended"),
    [
        ("52 Eagle Sureet", "52 Eagle Street"),
        ("2nd Fioor, 153 Cheapside", "2nd Floor, 153 Cheapside"),
        ("12 AVENVE FOCH", "12 AVENUE FOCH"),
        ("205 ruc Sainte-Catherine", "205 rue Sainte-Catherine"),  # French "rue", its e read as c
        ("4368 Franklin Bivd", "4368 Franklin Blvd"),  # its l read as i
        ("Piot No. 45, Prestige Tech Park", "Plot No. 45, Prestige Tech Park"),  # so too in "Plot" (fresh hard set)
        ("311 Washington Stu.", "311 Washington St."),  # a speck read after "St" (new hard set)
        ("133 Barrow Sueet", "133 Barrow Street"),  # a blurred "tr" read as one letter (hard dev sets, four cards)
        ("89 PITT SVEET", "89 PITT STREET"),
        ("Marienpiatz 156", "Marienplatz 156"),  # a street name's ending one look-alike off (hard dev sets)
        ("Herengracnt 7", "Herengracht 7"),
        ("MARIENPIATZ 156", "MARIENPLATZ 156"),
    ],
)
def test_street_word_a_letter_off_is_mended_and_flagged(printed: str, mended: str) -> None:
    # on a line read unsurely, which may hold other slips ("89 Pin Sireet")
    c = card((printed, 20, 0.7), "Darwin NT 0800")
    assert c.address is not None and c.address.lines[0] == mended and "address" in c.review
    # on one read surely the slip was that word's: mended, out of review (hard dev: "5804 Commerce Bivd" at 0.90)
    c = card((printed, 20, 0.9), "Darwin NT 0800")
    assert c.address is not None and c.address.lines[0] == mended and "address" not in c.review


@pytest.mark.parametrize(
    "printed",
    [
        "Torstrasse 14b",
        "Suites 100-120, 4 Main Street",
        "12 Sweet Street",
        "Marienplatz 156",
        "Singel 7",
        "8 Stuart Street",
    ],
)
def test_compound_plural_and_other_words_are_not_street_words_misread(printed: str) -> None:
    c = card(printed, "60191 Frankfurt am Main")
    assert c.address is not None and c.address.lines[0] == printed and "address" not in c.review


@pytest.mark.parametrize(
    ("country", "city", "postcode", "town"),
    [
        ("DE", "Minster", "48468", "Münster"),  # ü read as i
        ("DE", "Kobn", "50080", "Köln"),
        ("DE", "Bertin", "10571", "Berlin"),
        ("FR", "Montpether", "34000", "Montpellier"),
        ("DE", "Nurnberg", "90631", "Nürnberg"),  # only its accent lost
        ("DE", "Fürth", "90762", None),  # another town of the region
        ("DE", "Münster", "48468", None),  # read right
        ("NL", "Utrecht", "35000", None),  # no table
    ],
)
def test_city_misread_is_its_postcode_regions_main_town(
    country: str, city: str, postcode: str, town: str | None
) -> None:
    assert region_town(country, city, postcode) == town


def test_city_spelled_from_its_postcode_goes_to_review_unless_only_its_accents_were_lost() -> None:
    c = card("Marienplatz 148", "48468 Minster", "Deutschland")
    assert c.address is not None and c.address.city == "Münster" and "address" in c.review
    c = card("Rheinuferstrasse 105", "90631 Nurnberg", "Deutschland")
    assert c.address is not None and c.address.city == "Nürnberg" and "address" not in c.review


@pytest.mark.parametrize(
    ("printed", "mended"),
    [
        ("Bahnhofstrage 112b", "Bahnhofstraße 112b"),  # ß read as g
        ("Goethestrabe 184", "Goethestraße 184"),  # or as a small b
        ("Leopoldstrae 206", "Leopoldstraße 206"),  # or lost
        ("Gartenstraie 232", "Gartenstraße 232"),  # or as an i (twice on 780 cached hard and phone pages)
        ("HauptstraBbe 197", "Hauptstraße 197"),  # or as two letters (new hard cards)
        ("Torstrafhe 92", "Torstraße 92"),
        ("Catharijnesinge! 153a", "Catharijnesingel 153a"),  # a last l read as "!"
    ],
)
def test_street_slips_no_address_prints_are_mended(printed: str, mended: str) -> None:
    c = card(printed, "01345 Dresden")
    assert c.address is not None and c.address.lines[0] == mended


def test_a_dutch_postcode_whose_letters_are_an_australian_state_is_dutch_on_a_dutch_card() -> None:
    c = card("Coolsingel 8b", "3557 NT Utrecht", "www.oranjeboom.nl")
    assert c.address is not None and (c.address.postcode, c.address.city) == ("3557 NT", "Utrecht")
    c = card("12 Smith St", "Darwin NT 0800", "jack@example.com.au")  # an Australian state before its postcode
    assert c.address is not None and (c.address.region, c.address.country) == ("NT", "AU")


@pytest.mark.parametrize(("line", "country"), [("Espafia", "España"), ("Espana", "España"), ("ESPAFIA", "ESPAÑA")])
def test_a_country_line_with_its_accent_lost_joins_the_address_spelled_as_the_country_spells_itself(
    line: str, country: str
) -> None:
    c = card("Calle Colón 113", "41090 Sevilla", line)
    assert c.address is not None and c.address.lines[-1] == country and c.address.country == "ES"
    assert country_line("Osterreich") == "AT" and country_line("Finland") == "FI"  # an "fi" of its own stays


def test_a_post_town_with_small_words_over_a_postcode_alone_is_the_town() -> None:
    c = card("147 Church Lane", "Newcastle upon Tyne", "NE1 9XA")
    assert c.address is not None and c.address.city == "Newcastle upon Tyne" and c.address.street == "147 Church Lane"


def test_british_town_a_letter_off_its_post_town_is_spelled_as_it() -> None:
    c = card("Unit 4, 190 Whitehall Road", "Bellast BT1 4AP")
    assert c.address is not None and c.address.city == "Belfast" and "address" in c.review


def test_misread_british_postcode_under_its_post_town_is_found_with_nothing_else_british() -> None:
    c = card("174 Great Portland Street", "Reading", "RGI IFQ")
    assert c.address is not None and c.address.postcode == "RG1 1FQ" and c.address.city == "Reading"


def test_a_british_postcode_whose_area_o_was_read_as_a_zero_is_mended() -> None:
    # fresh phone set: "0X2 7QY" under "Oxford" on a card with British numbers was no address at all
    c = card("121 Cheapside", "Oxford", "0X2 7QY", "M +44 7435 951863")
    assert c.address is not None and c.address.postcode == "OX2 7QY" and c.address.city == "Oxford"


@pytest.mark.parametrize(
    "rows",
    [
        ["Galt Late Cay UT OOLI7"],  # a US city line, its ZIP code garbled, its state read
        ["LindenstraBe 233a", "ein Si ih Salat cach"],  # a German street with its ß read as B, the city line lost
        ["Murnbai, Maharashtra 400% 51"],  # a state named beside a garbled PIN code
        ["Rumnbhe de Caatumys 168,97 ghamta 008 Valencia Copate"],  # a city named beside a garbled street
    ],
)
def test_address_lines_too_garbled_to_read_send_the_empty_address_to_review(rows: list[str]) -> None:
    c = card(*rows)
    assert c.address is None and "address" in c.review


@pytest.mark.parametrize("line", ["Offices in London", "Reading Room", "Valencia Partners"])
def test_a_city_named_without_digits_is_no_sign_of_an_address(line: str) -> None:
    assert "address" not in card("Ana Ruiz", line, "ana@ruiz.es").review


def test_post_town_over_a_postcode_alone_with_its_first_letter_lost_is_the_town() -> None:
    c = card("Unit 4", "191 Queen Street", "ristol", "BS2 1NX", "United Kingdom")
    assert c.address is not None and c.address.city == "Bristol" and c.address.street == "Unit 4, 191 Queen Street"
    assert "address" in c.review


@pytest.mark.parametrize(("printed", "found"), [("Madison, Wi 53730", True), ("Madison, Wi 90210", False)])
def test_a_state_read_with_a_small_second_letter_counts_when_the_zip_is_that_states(printed: str, found: bool) -> None:
    # "Wi": WI's I read small; 53730 is a Wisconsin ZIP code, 90210 is not (and "Wi" alone is no state)
    c = card("4368 Franklin Blvd", "Suite 2100", printed)
    if found:
        assert c.address is not None and c.address.lines[-1] == "Madison, WI 53730"
        assert (c.address.region, c.address.country) == ("WI", "US")
    else:
        assert c.address is None or c.address.region != "WI"


@pytest.mark.parametrize(
    ("rows", "printed"),
    [
        (["No. 12. DLF Cyber City", "Outer Ring Road", "Gurugram, Haryana 122580"], "No. 12, DLF Cyber City"),
        (
            ["Tower B. Embassy Golf Links", "Whitefield Main Road", "Pune, Maharashtra 411809"],
            "Tower B, Embassy Golf Links",
        ),
        (
            ["Paseo de la Castellana 130, 6a planta. 50007 Zaragoza"],
            "Paseo de la Castellana 130, 6a planta, 50007 Zaragoza",
        ),
    ],
)
def test_a_comma_read_as_a_dot_where_no_dot_belongs_is_mended_in_review(rows: list[str], printed: str) -> None:
    c = card(*rows)
    assert c.address is not None and c.address.lines[0] == printed and "address" in c.review
    assert not c.address.street.endswith(".")


@pytest.mark.parametrize(
    ("rows", "printed", "street", "city"),
    [
        # hard dev cards: the comma between the city and the state read as a full stop, kept in the city
        (
            ["6917 Folsom Drive", "Pittsburgh. PA 15284"],
            ("6917 Folsom Drive", "Pittsburgh, PA 15284"),
            "6917 Folsom Drive",
            "Pittsburgh",
        ),
        (["89 Pitt Street", "Perth. WA 6000"], ("89 Pitt Street", "Perth, WA 6000"), "89 Pitt Street", "Perth"),
        (
            ["2318 King Street North", "Toronto. ON M5J 5X7"],
            ("2318 King Street North", "Toronto, ON M5J 5X7"),
            "2318 King Street North",
            "Toronto",
        ),
        # and between the street and the floor, or the street and the town
        (
            ["4818 Spring Avenue. Floor 34", "Columbus, OH 43282"],
            ("4818 Spring Avenue, Floor 34", "Columbus, OH 43282"),
            "4818 Spring Avenue, Floor 34",
            "Columbus",
        ),
        (
            ["2nd Floor, 153 Cheapside. Edinburgh EH3 2FW"],
            ("2nd Floor, 153 Cheapside, Edinburgh EH3 2FW",),
            "2nd Floor, 153 Cheapside",
            "Edinburgh",
        ),
        # a speck after the street read as a lone full stop is no part of the street
        (
            ["2318 King Street North .", "Toronto, ON M5J 5X7"],
            ("2318 King Street North", "Toronto, ON M5J 5X7"),
            "2318 King Street North",
            "Toronto",
        ),
    ],
)
def test_a_comma_read_as_a_full_stop_after_a_word_is_a_comma(
    rows: list[str], printed: tuple[str, ...], street: str, city: str
) -> None:
    c = card(*rows)
    assert c.address is not None and c.address.lines == printed
    assert (c.address.street, c.address.city) == (street, city)


def test_an_abbreviation_keeps_its_full_stop_before_a_town() -> None:
    # "Str." (and short abbreviations: "Ave.", "Blvd.") are printed with their dot
    c = card("Hauptstr. 12", "10115 Berlin")
    assert c.address is not None and c.address.lines[0] == "Hauptstr. 12"


@pytest.mark.parametrize(
    ("row", "printed", "city"),
    [
        # a middle dot between the parts of a one-line address, read as a dash or a full stop
        (
            "Level 34, 85 Elizabeth Street - Parramatta NSW 2150",
            "Level 34, 85 Elizabeth Street, Parramatta NSW 2150",
            "Parramatta",
        ),
        (
            "Level 30, 181 Murray Street, Sydney NSW 2000. Australia",
            "Level 30, 181 Murray Street, Sydney NSW 2000, Australia",
            "Sydney",
        ),
        # between a house number and a postcode with its city after it (phone dev card, wrong and unflagged)
        ("Im Mediapark 233b - 70299 Stuttgart", "Im Mediapark 233b, 70299 Stuttgart", "Stuttgart"),
        # or as full stops, after the house number and before the country (phone dev card, wrong and unflagged)
        ("Hafenstraße 20. 48320 Münster. Deutschland", "Hafenstraße 20, 48320 Münster, Deutschland", "Münster"),
        # a dash before an Indian PIN is printed so
        ("12 MG Road, Bengaluru - 560001", "12 MG Road, Bengaluru - 560001", "Bengaluru"),
        # a dash between a word or a number and a house number or postcode with words after it (phone bench cards)
        (
            "Bâtiment C - 219 Allée des Tilleuls - 38000 Grenoble",
            "Bâtiment C, 219 Allée des Tilleuls, 38000 Grenoble",
            "Grenoble",
        ),
        ("Avinguda Diagonal 62 - 7a planta - 28084 Madrid", "Avinguda Diagonal 62, 7a planta, 28084 Madrid", "Madrid"),
    ],
)
def test_a_separator_read_as_a_dash_or_a_dot_is_printed_as_a_comma(row: str, printed: str, city: str) -> None:
    c = card(row)
    assert c.address is not None and c.address.lines == (printed,)
    assert c.address.city == city and "-" not in c.address.street


def test_a_postcode_beside_the_main_town_of_its_region_tells_the_country() -> None:
    # nothing else on the card says Germany (an .io email); 10xxx is Berlin's, and the phone is read as German
    c = card("Berliner Allee 87a", "10189 Berlin", "P 030 / 81505", "felix.schneider@bodensee.io")
    assert c.address is not None and c.address.country == "DE"
    assert [p.number for p in c.phones] == ["+493081505"]
    assert address.postcode_town_country("75008", "Paris") == "FR"
    assert address.postcode_town_country("10189", "Paris") == ""  # no region 10 has Paris for its town


def test_an_abbreviations_dot_before_a_postcode_is_kept() -> None:
    c = card("Hauptstr. 10115 Berlin")  # "-str." is an abbreviation; no comma was misread
    assert c.address is None or "Hauptstr." in c.address.lines[0]


def test_a_street_line_whose_box_a_blurred_photo_swelled_over_the_next_row_still_joins() -> None:
    from dataclasses import replace as swap

    from cardscan.models import Box

    # hard dev card: "Golf" boxed 44 px high among 20 px words, reaching into the row below
    rows = [("Deepika Reddy", 45), "E: deepika.reddy@vistara.com", "No. 12, Embassy Golf Links", "Anna Salai"]
    page = page_from_rows([*rows, "Kochi, Kerala 682168"])
    street = page.lines[2]
    golf = street.words[3]
    swollen = swap(golf, box=Box(golf.box.x, golf.box.y, golf.box.w, 44))
    lines = list(page.lines)
    lines[2] = swap(street, words=(*street.words[:3], swollen, street.words[4]))
    a = parse_page(swap(page, lines=tuple(lines)), Settings()).address
    assert a is not None and a.lines == ("No. 12, Embassy Golf Links", "Anna Salai", "Kochi, Kerala 682168")
    # the state after the city is the region, for the vCard's ADR
    assert (a.street, a.city, a.region, a.postcode) == (
        "No. 12, Embassy Golf Links, Anna Salai",
        "Kochi",
        "Kerala",
        "682168",
    )


@pytest.mark.parametrize(
    ("printed", "city", "region"),
    [
        ("Chennai, Tamil Nadu 600482", "Chennai", "Tamil Nadu"),
        ("New Delhi, Delhi 110066", "New Delhi", "Delhi"),
        ("Mumbai 400001", "Mumbai", ""),
        ("Bengaluru - 560517", "Bengaluru", ""),
    ],
)
def test_an_indian_citys_state_is_its_region(printed: str, city: str, region: str) -> None:
    a = parse_page(page_from_rows([("Priya Nair", 36), "Tower B, DLF Cyber City", printed]), Settings()).address
    assert a is not None and (a.city, a.region) == (city, region)


def test_a_street_boxed_over_twice_as_tall_as_the_town_under_it_joins_when_both_start_at_one_edge() -> None:
    # hard dev card: "178 Castle Street" boxed 44 px high over "Belfast" boxed 20 (blur swelled the street's words)
    rows = [("Siobhan Clarke", 42), "Mobile +44 (0) 7201 650113", ("178 Castle Street", 44), "Belfast", "BT1 6EA"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.lines == ("178 Castle Street", "Belfast", "BT1 6EA")
    # a centred line that big over the town stays out: a name, not a street
    from dataclasses import replace as swap

    page = page_from_rows(rows)
    big = page.lines[2]
    moved = swap(big, words=tuple(swap(w, box=swap(w.box, x=w.box.x + 200)) for w in big.words))
    a = parse_page(swap(page, lines=(*page.lines[:2], moved, *page.lines[3:])), Settings()).address
    assert a is not None and a.lines == ("Belfast", "BT1 6EA")


def test_a_british_postcode_with_a_capital_read_small_is_read_on_a_british_card() -> None:
    # phone dev card: "G1 3XQ" read as "G1 3xQ" under "Glasgow"; the +44 number says the card is British
    rows = [("Poppy Fairbairn", 40), "Tel +44 (0)141 813 4076", "187 George Street", "Glasgow", "G1 3xQ", "UK"]
    a = parse_page(page_from_rows(rows), Settings()).address
    assert a is not None and a.postcode == "G1 3XQ" and a.lines[-2:] == ("G1 3XQ", "UK")
    # words in small letters are no postcode ("at 2 pm")
    a = parse_page(page_from_rows([*rows[:2], "Meet us at 2 pm"]), Settings()).address
    assert a is None


@pytest.mark.parametrize(
    ("rows", "postcode"),
    [
        # phone dev cards: a Canadian postcode's 5 read as S; an Eircode's zero read as O in its second part
        (["4265 Front Street West", "Suite 2700", "Toronto, ON MSV 8P2"], "M5V 8P2"),
        (["190 Harcourt Street", "Cork, T12 WOWV"], "T12 W0WV"),
        (["8017 Sparks Street", "Montréal, QC H3B 7x7"], "H3B 7X7"),  # a letter read small (fresh phone set)
    ],
)
def test_a_postcodes_digit_read_as_a_letter_is_mended(rows: list[str], postcode: str) -> None:
    a = parse_page(page_from_rows([("Gráinne O'Sullivan", 35), "grainne@inkwell.ie", *rows]), Settings()).address
    assert a is not None and a.postcode == postcode and a.lines[-1].endswith(postcode)


def _row(*parts: tuple[str, int], y: int, h: int = 19) -> list[Line]:
    """Lines on one row, each (text, x), as OCR boxes the pieces of a line it cut at wide gaps."""
    lines = []
    for text, x in parts:
        words = []
        for token in text.split():
            w = max(1, int(len(token) * 0.6 * h))
            words.append(Word(token, Box(x, y, w, h), 0.95))
            x += w + int(0.4 * h)
        lines.append(Line(words=tuple(words), block=len(lines) + 50))
    return lines


def test_a_country_beside_a_one_line_address_cut_at_its_separator_is_part_of_it() -> None:
    # fresh phone set: "7405 Commerce Ave · Denver, CO 80216 · United States" read as two pieces and a speck
    top = page_from_rows([("David Anderson", 44), "davida@prism.com"])
    row = _row(("7405 Commerce Ave Denver, CO 80216", 40), ("-", 420), ("United States", 440), y=200)
    c = parse_page(Page(lines=(*top.lines, *row), width=1000, height=300), Settings())
    assert c.address is not None and c.address.lines == ("7405 Commerce Ave Denver, CO 80216", "United States")
    assert c.address.country == "US"


def test_the_r_of_a_third_floor_read_as_a_1_is_mended() -> None:
    # bench phone card: "3rd Floor, Raheja Mindspace - Nariman Point - Ahmedabad" read "31d Floor"
    assert address.repair_street("31d Floor, Raheja Mindspace") == "3rd Floor, Raheja Mindspace"
    assert address.repair_street("231d Floor") == "23rd Floor"
    assert address.repair_street("31 Main Street") == "31 Main Street"
    # a clean hard set: "quai de la Loire" read "quai de ta Loire", its l as a t; "de Tarbes" is a name
    assert address.repair_street("30 quai de ta Loire") == "30 quai de la Loire"
    assert address.repair_street("30 rue de Tarbes") == "30 rue de Tarbes"


def test_french_address_words_get_the_accents_they_are_always_printed_with() -> None:
    # fresh phone sets: "Batiment B" read without its circumflex on three French cards
    c = card(("Élodie Moreau", 40), "Batiment B", "45 rue Nationale", "06000 Nice")
    assert c.address is not None and c.address.lines[0] == "Bâtiment B"
    assert address.repair_street("BATIMENT C, 3e etage") == "BÂTIMENT C, 3e étage"
    assert address.repair_street("12 Entreesville Rd") == "12 Entreesville Rd"
    # the accent over the capital of "Champs-Élysées" (fresh phone and hard sets)
    assert address.repair_street("28 avenue des Champs-Elysées") == "28 avenue des Champs-Élysées"


def test_spanish_streets_and_cities_get_the_accents_they_are_always_printed_with() -> None:
    # dev phone and hard cards: "Gran Vía" and "Calle de Alcalá" read without their accents, each word in its case
    c = card(("Elena Díaz", 40), "Gran Via 119, 2a planta", "28070 Madrid")
    assert c.address is not None and c.address.lines[0] == "Gran Vía 119, 2a planta"
    assert address.repair_street("CALLE DE ALCALA 216") == "CALLE DE ALCALÁ 216"
    assert address.repair_street("Via Montenapoleone 143") == "Via Montenapoleone 143"  # an Italian "Via" has none


def test_german_street_names_get_back_the_umlaut_their_first_part_is_always_written_with() -> None:
    # dev phone cards: "Konigsallee 232", "Muhlenweg 84b" (the dots over the o and the u lost)
    c = card(("Jonas Vogel", 40), "Konigsallee 232", "20628 Hamburg")
    assert c.address is not None and c.address.lines[0] == "Königsallee 232"
    assert address.repair_street("MUHLENWEG 84B") == "MÜHLENWEG 84B"
    assert address.repair_street("Konig 5") == "Konig 5"  # a word of its own, not the start of a street's name


def test_a_numeral_read_as_bars_after_a_name_in_a_street_is_put_back() -> None:
    # fresh phone set: "Corso Vittorio Emanuele II 155" read with its "II" as two bars
    c = card(("Sofia Fabbri", 32), "Corso Vittorio Emanuele || 155", "00133 Roma RM")
    assert c.address is not None and c.address.lines[0] == "Corso Vittorio Emanuele II 155"
    assert address.repair_street("Unit 4 | 22 Main St") == "Unit 4 | 22 Main St"  # one bar parts two things
    # and with a small l for an I (fresh phone set); "Il" before a word is the Italian article
    assert address.repair_street("Corso Vittorio Emanuele Il 152") == "Corso Vittorio Emanuele II 152"
    assert address.repair_street("Piazza Il Campo 3") == "Piazza Il Campo 3"


def test_specks_read_after_an_address_line_are_not_printed() -> None:
    # the real Contoso card photographed again (turned, blurred): its map pin's edge read as "\_" after the ZIP
    c = card("4001 1st Ave NE Redmond, WA 98052 >\\_")
    assert c.address is not None and c.address.lines == ("4001 1st Ave NE Redmond, WA 98052",)
    assert address.without_trailing_specks("Milano (MI)") == "Milano (MI)"
    assert address.without_trailing_specks("Suite 4 ~N") == "Suite 4 ~N"  # a letter may be a word's


def test_a_uk_number_phonenumbers_places_in_guernsey_still_reads_a_british_postcode() -> None:
    # the real Contoso card in a hard shadow: "W2 6BD" read "W2 68D", and "+44 7911 123456" is a Guernsey
    # mobile to phonenumbers, so the card was not taken for British and the misread postcode was not mended
    c = card("mob: +44 (0) 7911 123456", "2 Kingdom Street", "Paddington, London, W2 68D")
    assert c.address is not None and c.address.postcode == "W2 6BD" and c.address.country == "GB"


def test_a_street_that_starts_with_an_ordinals_ending_was_cut_and_is_in_review() -> None:
    # the real Chris Smith card with a glare spot: "4001 1" lost from "4001 1st Ave NE"
    c = card("st Ave NE Redmond, WA 98052")
    assert c.address is not None and "address" in c.review
    assert "address" not in card("4001 1st Ave NE Redmond, WA 98052").review


def test_a_one_line_address_whose_numbers_look_like_a_phone_is_an_address() -> None:
    # fresh phone set: "225 76488" of "Berliner Allee 225 76488 Karlsruhe" was taken for a German phone number
    c = card("www.pinnacle.de", "T. 0721 / 2046", "Berliner Allee 225 76488 Karlsruhe")
    assert c.address is not None and (c.address.street, c.address.postcode) == ("Berliner Allee 225", "76488")
    assert [p.number for p in c.phones] == ["+497212046"]


def test_an_indian_pin_code_with_a_digit_read_as_a_look_alike_is_mended() -> None:
    # bench phone card 037: a small footer line read "... Bengaluru, Karnataka S60191"
    row = "4th Floor, Raheja Mindspace - Brigade Road Bengaluru, Karnataka S60191"
    found = card("Mob | +91-8138797109", row).address
    assert found is not None and found.postcode == "560191" and found.region == "Karnataka"
    assert found.lines[-1].endswith("Karnataka 560191")
    # only at the line's end, and only on an Indian card: a British "S60 1AB" or a word is no PIN code
    assert card("Mob | +44 7700 900123", "12 High St, Sheffield S60191").address is None


def test_a_town_with_a_letter_read_as_a_digit_is_its_postcode_regions_main_town_in_review() -> None:
    # fresh phone set: "50543 K6in", the ö of Köln read as a 6, gave no address at all
    c = card("lena.meyer@bluepeak-health.com", "Am Werder 169b", "50543 K6in")
    assert c.address is not None and c.address.city == "Köln" and c.address.lines[-1] == "50543 Köln"
    assert "address" in c.review
    # only the region's own town: "B3rlin" beside a Cologne postcode is no town this can put right
    assert card("lena.meyer@bluepeak-health.com", "Am Werder 169b", "50543 B3rlin").address is None


def test_a_british_postcode_of_no_area_its_b_read_as_8_is_the_area_of_the_town_beside_it() -> None:
    # fresh hard set: "Cambridge C84 1LD" (no area C), unflagged
    found = card("+44 1223 123456", "4 Castle Street", "Cambridge C84 1LD").address
    assert found is not None and found.postcode == "CB4 1LD" and found.lines[-1] == "Cambridge CB4 1LD"
    # a town the mended area does not have: left as read
    assert card("+44 1223 123456", "4 Castle Street", "London C84 1LD").address.postcode == "C84 1LD"  # type: ignore[union-attr]
    assert card("+44 121 496 0000", "Birmingham B15 2TT").address.postcode == "B15 2TT"  # type: ignore[union-attr]


def test_a_town_in_small_letters_lost_its_start_and_the_address_is_in_review() -> None:
    # dev hard set: "nberra ACT 2601", Canberra's "Ca" lost to a shadow, went unflagged
    c = card("+61 2 6123 4567", "Level 25, 69 Elizabeth Street", "nberra ACT 2601")
    assert c.address is not None and c.address.city == "nberra" and "address" in c.review
    assert "address" not in card("+61 2 6123 4567", "Level 25, 69 Elizabeth Street", "Canberra ACT 2601").review


def test_a_dutch_postcodes_second_letter_read_small_is_mended_on_a_dutch_card() -> None:
    # phone dev card: "Coolsingel 78b | 2617 Pj Delft" gave no address (wrong and unflagged)
    c = card("T +31 (0) 15 427 6041", "Coolsingel 78b | 2617 Pj Delft")
    assert c.address is not None and c.address.postcode == "2617 PJ" and c.address.city == "Delft"
    # on a card nothing calls Dutch, two letters of which one is small are no postcode
    c = card("T +44 20 7946 0958", "Coolsingel 78b | 2617 Pj Delft")
    assert c.address is None or c.address.postcode != "2617 PJ"


def test_a_country_name_read_one_look_alike_off_is_the_country_spelled_as_printed() -> None:
    assert address.country_line("Deutschiand") == "DE" and address.country_spelled("Deutschiand") == "Deutschland"
    assert address.country_spelled("UNITED KLNGDOM") == "UNITED KINGDOM"
    assert address.country_line("Chennai") == ""  # a city is no country
    assert address.country_line("Itaiy") == ""  # five letters: too many words are a letter off a short name
    # dev hard card: a one-line address ending in the country after a comma
    c = card(("Jürgen Braun", 40), "+49 1529 5074409", "Hafenstraße 210, 48276 Münster, Deutschiand")
    assert c.address is not None and c.address.lines == ("Hafenstraße 210, 48276 Münster, Deutschland",)
    assert c.address.country == "DE"


def test_a_province_and_a_postcode_letter_read_as_look_alikes_still_make_the_city_line() -> None:
    # dev phone cards: "20105 Milano (Ml)" (the province's I read as a small l) and "Halifax, NS B3) 6H4" (a J as ")")
    c = card(("Davide Esposito", 40), "Corso Italia 213", "20105 Milano (Ml)")
    assert c.address is not None and c.address.lines == ("Corso Italia 213", "20105 Milano (MI)")
    assert (c.address.city, c.address.region, c.address.country) == ("Milano", "MI", "IT")
    c = card(("Mei-Ling Lavoie", 40), "T. 902-445-9172", "1127 Sparks Street, Suite 1600", "Halifax, NS B3) 6H4")
    assert c.address is not None and c.address.lines[-1] == "Halifax, NS B3J 6H4" and c.address.postcode == "B3J 6H4"


def test_a_province_read_with_a_zero_and_a_country_parted_in_two_are_still_the_address() -> None:
    # hard dev cards: "10106 Torino (T0)" lost its province, and "Neder Land" under "2374 KC Leiden" its country
    c = card(("Francesco Bruno", 40), "Viale Monza 172", "10106 Torino (T0)")
    assert c.address is not None and c.address.lines == ("Viale Monza 172", "10106 Torino (TO)")
    assert (c.address.city, c.address.region) == ("Torino", "TO")
    c = card(("Jeroen van der Meer", 40), "Herengracht 164b", "2374 KC Leiden", "Neder Land")
    assert c.address is not None and c.address.country == "NL" and len(c.address.lines) == 3


def test_a_bracket_opening_a_street_line_before_its_number_and_never_closed_is_a_speck() -> None:
    # phone dev card: "(239 Farringdon Road"
    c = card(("Lily Patel", 40), "Riverside House", "(239 Farringdon Road", "Belfast BT1 1BX")
    assert c.address is not None and c.address.lines[:2] == ("Riverside House", "239 Farringdon Road")
    assert address.repair_street("(12) Main Street") == "(12) Main Street"  # closed: printed so


def test_a_linkedin_line_over_the_street_is_no_part_of_the_address() -> None:
    # dev hard card: the profile's digits read apart ("… 158") made its line a street line over "No. 12 …"
    rows = [("Vikram T. Subramanian", 40), "Senior Managing Consultant", "M +91-8123738961",
            "in: wwwlinkedin com/inivsubramanian 158", "No. 12, Embassy Golf Links", "Infopark Road",
            "Ahmedabad, Gujarat 380895"]  # fmt: skip
    c = parse_page(page_from_rows(rows), Settings())
    assert c.address is not None
    assert c.address.lines == ("No. 12, Embassy Golf Links", "Infopark Road", "Ahmedabad, Gujarat 380895")
    assert "linkedin" in c.review


@pytest.mark.parametrize(
    ("street", "doubtful"),
    [
        ("Hahnhofstrasse 195", True),  # hard dev cards: "Bahnhofstrasse", its B read as h
        ("Kaserstrasse 17b", True),  # "Kaiserstrasse", its i lost
        ("Karserstrafie 67", True),  # and its ß read as "fi" (a clean hard set)
        ("Bahnhofstraße 195", False),
        ("Königsallee 12", False),
        ("Torstrasse 5", False),  # a name no usual one comes near
    ],
)
def test_a_german_street_a_letter_off_a_usual_name_sends_the_address_to_review(street: str, doubtful: bool) -> None:
    c = card("Tel. +49 211 5861 220", street, "40492 Düsseldorf")
    assert c.address is not None and c.address.lines[0] == street
    assert ("address" in c.review) is doubtful
