"""Cards as a phone photo reads them: columns run together, logos split, labels glued on, specks.

Each test builds the OCR lines with their boxes and confidences the way Tesseract returns them,
and checks what a user would see in the contact.
"""

from __future__ import annotations

import pytest

from cardscan.config import Settings
from cardscan.models import Box, Contact, Line, Page, Word
from cardscan.parse import parse_page
from cardscan.parse.text import ocr_edits, page_from_rows

Placed = tuple[str, int, int, int] | tuple[str, int, int, int, float]


def line(text: str, x: int, y: int, h: int, conf: float = 0.95) -> Line:
    """One OCR line: its words laid out from x, each as wide as its letters."""
    words: list[Word] = []
    for token in text.split():
        w = max(1, int(len(token) * 0.6 * h))
        words.append(Word(token, Box(x, y, w, h), conf))
        x += w + int(0.4 * h)
    return Line(words=tuple(words))


def page(*placed: Placed | Line) -> Page:
    lines = [p if isinstance(p, Line) else line(*p) for p in placed]
    lines.sort(key=lambda ln: (ln.box.y, ln.box.x))
    return Page(lines=tuple(lines), width=1400, height=900)


def scan(*placed: Placed | Line) -> Contact:
    return parse_page(page(*placed), Settings())


def card(*rows: str | tuple[str, float] | tuple[str, float, float]) -> Contact:
    return parse_page(page_from_rows(list(rows)), Settings())


# --------------------------------------------------------------------------- layout


def test_name_and_email_in_one_ocr_line_are_read_apart() -> None:
    name = line("David Taylor", 60, 190, 48)
    contact = line("E: davidt@lumen.com", 700, 200, 26)
    joined = Line(words=name.words + contact.words)  # Tesseract's reading: one line across the gap
    c = scan(("Lumen Analytics", 60, 50, 47), joined, ("Work | +1 (512) 503-6229", 700, 260, 22))
    assert c.name is not None and c.name.full == "David Taylor"
    assert c.emails == ("davidt@lumen.com",)
    assert c.company == "Lumen Analytics"


def test_name_glued_to_its_email_label_is_still_the_name() -> None:
    c = card(("Chloé Moreau Email: chloe.moreau@azur.io", 30), "www.azur.io")
    assert c.name is not None and c.name.full == "Chloé Moreau"
    assert c.emails == ("chloe.moreau@azur.io",)


def test_specks_at_the_ends_of_a_line_are_dropped() -> None:
    speck = Word("ie", Box(900, 700, 40, 33), 0.13)
    address = Line(words=(*line("4001 ist Ave NE Redmond, WA 98052", 100, 700, 33).words, speck))
    logo = Line(words=(Word("~CONTOSO", Box(0, 3, 700, 160), 0.21), Word("4", Box(720, 3, 40, 160), 0.04)))
    c = scan(logo, ("Chris Smith", 790, 295, 69), ("chris.smith@contoso.com", 800, 494, 32), address)
    assert c.address is not None and c.address.lines == ("4001 1st Ave NE Redmond, WA 98052",)
    assert c.company == "CONTOSO"  # the printed word, spelled exactly like the domain: no doubt left
    assert "company" not in c.review


def test_street_found_in_its_column_when_reading_order_interleaves_columns() -> None:
    c = scan(
        ("Keisha W. Thompson", 80, 90, 53),
        ("Westbrook Inc.", 930, 90, 40),
        ("Cell (608) 674-5174", 85, 480, 30),
        ("keisha.thompson@westbrook.us", 86, 569, 39),
        ("9382 Hill St., Suite 3000", 796, 566, 28),
        ("www.westbrook.us", 86, 617, 31),
        ("Madison, WI 53751", 890, 611, 28),
    )
    assert c.address is not None
    assert c.address.lines == ("9382 Hill St., Suite 3000", "Madison, WI 53751")
    assert c.website == "www.westbrook.us"


def test_a_dash_boxed_too_flat_for_its_row_is_put_back_before_the_pin() -> None:
    # phone dev card: Tesseract returns the dash of "Mumbai - 400507" as a line of its own, 3 px high
    city = Line(words=(Word("Mumbai", Box(84, 678, 103, 22), 0.96), Word("400507", Box(215, 678, 93, 22), 0.95)))
    dash = Line(words=(Word("-", Box(198, 690, 5, 3), 0.93),))  # 5 px wide: small print, a blurred photo
    c = scan(
        ("Meera F. Mehta", 89, 91, 51),
        ("E: meera_mehta@tejas.co.in", 85, 542, 30),
        ("4th Floor, Raheja Mindspace", 83, 601, 28),
        ("Cyber City", 83, 639, 28),
        city,
        dash,
    )
    assert c.address is not None
    assert c.address.lines == ("4th Floor, Raheja Mindspace", "Cyber City", "Mumbai - 400507")
    assert (c.address.city, c.address.postcode) == ("Mumbai", "400507")


def test_a_middle_dot_is_not_put_back_as_a_dash() -> None:
    # "Tech Park · Whitefield": a separator dot, square and tiny, read as "-"
    words = line("Tower B, Prestige Tech Park Whitefield Main Road, Kolkata 700696", 485, 632, 29).words
    gap = 24  # room for the dot after "Park"
    street = Line(
        words=words[:5] + tuple(Word(w.text, Box(w.box.x + gap, w.box.y, w.box.w, w.box.h), w.conf) for w in words[5:])
    )
    dot = Line(words=(Word("-", Box(words[4].box.x2 + 10, 645, 3, 1), 0.92),))
    c = scan(("Vikram F. Singh", 100, 100, 60), ("vsingh@foxglove.com", 483, 598, 20), street, dot)
    assert c.address is not None and "-" not in c.address.lines[0]


def test_a_slash_boxed_half_as_tall_does_not_cut_a_number_in_two() -> None:
    # "0761 / 4095": Tesseract boxed the slash 11 px high beside 22 px digits; the font-size cut split the line
    number = Line(
        words=(
            Word("0761", Box(425, 507, 54, 22), 0.87),
            Word("/", Box(494, 509, 5, 11), 0.87),
            Word("4095", Box(508, 507, 57, 22), 0.92),
        )
    )
    c = scan(
        ("Anna Lehmann", 426, 80, 40),
        ("E-Mail: a.lehmann@wavelength.de", 427, 428, 29),
        ("www.wavelength.de", 426, 467, 29),
        number,
    )
    assert [p.number for p in c.phones] == ["+497614095"]


def test_a_street_word_with_its_sharp_s_misread_still_tells_the_country() -> None:
    # "Hafenstra&e": no website, a gmail address; the street word alone says German, and with it the phones
    c = card(
        "Paul Kowalski",
        "M 01591 / 4458433",
        "T 089 / 69995",
        "Email: paulk@gmail.com",
        "Hafenstra&e 20a 80979 Miinchen",
    )
    assert c.address is not None and c.address.country == "DE"
    assert c.address.lines == ("Hafenstraße 20a 80979 München",)
    assert {(p.number, p.type) for p in c.phones} == {("+4915914458433", "mobile"), ("+498969995", "work")}


# --------------------------------------------------------------------------- emails and web


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("E. mtaylor@driftwood.us", "mtaylor@driftwood.us"),
        ("e. priya.lim @straits.com.sg", "priya.lim@straits.com.sg"),
        ('<foaf:mbox rdf:resource="maili. priem@email.unc.edu |', "priem@email.unc.edu"),
        ("julia.mueller @parallax-systems, io", "julia.mueller@parallax-systems.io"),
        ("karen, lee@granite. com", "karen.lee@granite.com"),
        ("e.smith@contoso.com", "e.smith@contoso.com"),  # a real local part, not a label
        ("Smith, jo@contoso.com", "jo@contoso.com"),
    ],
)
def test_email_labels_and_ocr_damage(printed: str, expected: str) -> None:
    assert card(("Avery Smith", 40), printed).emails == (expected,)


def test_email_split_over_two_ocr_lines_on_one_row() -> None:
    c = scan(("Darcy McKenzie", 82, 91, 58), ("e. d.mckenzie", 83, 634, 27), ("@ westbrook.io", 300, 630, 40))
    assert c.emails == ("d.mckenzie@westbrook.io",)
    assert c.website is None  # the email's domain is not a printed website


def test_email_lookalike_letter_repaired_only_when_the_name_proves_it() -> None:
    c = card(("Lily Taylor", 58), "Itaylor@umbra.uk")
    assert c.emails == ("ltaylor@umbra.uk",)
    assert card(("Ian Taylor", 58), "itaylor@umbra.uk").emails == ("itaylor@umbra.uk",)
    # the big name read surely, the small email less so: the email's "e" was the printed "c"
    c = card(("Mei-Ling Campbell", 58, 0.95), ("meampbell@outlook.com", 20, 0.8))
    assert c.name is not None and c.name.full == "Mei-Ling Campbell"
    assert c.emails == ("mcampbell@outlook.com",) and "emails" not in c.review  # the name bears the mend out
    # a local part that is no slip away from the name stays as printed
    assert card(("Mei-Ling Campbell", 58), "meiling.c@outlook.com").emails == ("meiling.c@outlook.com",)
    # digits read for the letters they look like ("zoe" as "20e"), in review; trailing digits are the address's own
    c = card(("Zoe Johnson-Smith", 58), "20ejohnson-smith@relay.com.au")
    assert c.emails == ("zoejohnson-smith@relay.com.au",) and "emails" in c.review
    c = card(("Padraig O'Brien", 58), "padraig.obrien80@outlook.com")
    assert c.emails == ("padraig.obrien80@outlook.com",)


@pytest.mark.parametrize(
    ("printed", "website", "linkedin"),
    [
        ("in: www. Linked in.com/in/jmuller", None, "www.linkedin.com/in/jmuller"),
        ("wwww.parallax-systems.io", "www.parallax-systems.io", None),
        ("parallax -Ssystems.io", "parallax-systems.io", None),
        ("W: www, parallax-systems. io", "www.parallax-systems.io", None),
    ],
)
def test_website_and_linkedin_repairs(printed: str, website: str | None, linkedin: str | None) -> None:
    c = card(("Julia Muller", 40), "julia@parallax-systems.io", printed)
    assert (c.website, c.linkedin) == (website, linkedin)


# --------------------------------------------------------------------------- company, title, name


@pytest.mark.parametrize(
    ("top", "below", "email", "expected"),
    [
        ("Parallax", "Systems KG", "julia@parallax-systems.io", "Parallax Systems KG"),
        ("Riverstone", "Data Ltd", "emily@riverstone.uk", "Riverstone Data Ltd"),
        ("Granite GmbH", "& Co. KG", "leon@granite.de", "Granite GmbH & Co. KG"),
        ("Stonebridge", "Co.", "cmartin@stonebridge.com", "Stonebridge Co."),
        ("MONARCH", "CONSULTING", "jo.bloggs@monarch.co.uk", "MONARCH CONSULTING"),
    ],
)
def test_company_printed_over_two_lines(top: str, below: str, email: str, expected: str) -> None:
    c = scan(
        (top, 100, 100, 60),
        (below, 100, 170, 50),
        ("Jo Bloggs", 100, 400, 50),
        ("Sales Director", 100, 470, 28),
        (email, 700, 400, 28),
    )
    assert c.company == expected
    assert "company" not in c.review


def test_tagline_under_the_company_is_not_joined() -> None:
    c = scan(
        ("Westbrook", 100, 100, 60),
        ("Simply better software", 100, 170, 30),
        ("Jo Bloggs", 100, 400, 50),
        ("jo@westbrook.com", 700, 400, 28),
    )
    assert c.company == "Westbrook"
    assert c.title is None


@pytest.mark.parametrize(
    ("printed", "title", "department"),
    [
        ("Partner, Finance & Controlling", "Partner", "Finance & Controlling"),
        ("Junior Product Owner, Research & Development", "Junior Product Owner", "Research & Development"),
        ("HR Business Partner Platform Engineering", "HR Business Partner", "Platform Engineering"),
        ("Head of Data Platform", "Head of Data Platform", None),
        ("Senior Data Engineer", "Senior Data Engineer", None),
    ],
)
def test_department_printed_after_the_title(printed: str, title: str, department: str | None) -> None:
    c = card(("Chloe Williams", 52), printed, "chloe@contoso.com")
    assert (c.title, c.department) == (title, department)


def test_company_word_next_to_the_company_is_not_a_title() -> None:
    c = scan(
        ("Marieke de Wit", 69, 65, 48),
        ("Umbra", 867, 67, 33),
        ("Recruitment", 751, 123, 35),
        ("Senior Product Owner", 66, 144, 30),
        ("E: marieked@umbra-recruitment.nl", 66, 440, 28),
    )
    assert (c.title, c.department, c.company) == ("Senior Product Owner", None, "Umbra Recruitment")


def test_name_repairs_that_the_card_itself_proves() -> None:
    assert card(("Hamish Ryan Ill", 50), "Engineer").name.full == "Hamish Ryan III"  # type: ignore[union-attr]
    assert card(("Jack Hall, ITI", 50), "Director of Sales").name.full == "Jack Hall, III"  # type: ignore[union-attr]
    muller = card(("Julia Muller", 50), "julia.mueller@parallax.de").name
    assert muller is not None and muller.full == "Julia Müller"
    # without the email's "ue" nothing says the printed name had an umlaut
    plain = card(("Julia Muller", 50), "julia.muller@parallax.de").name
    assert plain is not None and plain.full == "Julia Muller"


def test_name_inside_printed_markup() -> None:
    c = card(
        ("<foafiname Jason Priem foafname>", 43),
        ("<foaf:homepage rdf:resource= http://jasonpriem.com |", 52),
        ('<foaf mbox rdf:resource="maili. priem@email.unc.edu |', 52),
        ("<foaf organization’ UNC-Chapel Hill SILS ‘cat.org>", 43),
        ("Information Science PhD Student", 35),
    )
    assert c.name is not None and c.name.full == "Jason Priem"
    assert c.emails == ("priem@email.unc.edu",)
    assert c.website == "http://jasonpriem.com"
    assert c.company == "UNC-Chapel Hill SILS"


def test_misread_logo_is_recovered_from_the_domain_and_flagged_unless_the_email_was_read_surely() -> None:
    for email_conf in (0.95, 0.7):
        c = card(("Dmitry Birulia", 70), ("VERYEFI", 84, 0.27), ("dmitry@veryfi.com", 56, email_conf), "www.veryfi.com")
        assert c.company == "VERYFI"
        assert ("company" in c.review) is (email_conf < 0.85)


def test_only_a_legal_form_is_flagged() -> None:
    c = card(("B.V.", 40), ("Sanne Peters", 50), "s.peters@zeewind.eu")
    assert "company" in c.review or c.company is None


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("rows", "street", "city", "postcode", "country"),
    [
        (["34 Adelaide Street", "Parramatta NSW 2150"], "34 Adelaide Street", "Parramatta", "2150", "AU"),
        (
            ["4155 8th Avenue SW, Floor 11, Ottawa, ON K1R 3L3, Canada"],
            "4155 8th Avenue SW, Floor 11",
            "Ottawa",
            "K1R 3L3",
            "CA",
        ),
        (["Hauptstrafe 99a", "70761 Stuttgart", "Germany"], "Hauptstraße 99a", "Stuttgart", "70761", "DE"),
        (
            ["Riverside House", "2 Old Broad Street", "Manchester", "M2 3JS"],
            "Riverside House, 2 Old Broad Street",
            "Manchester",
            "M2 3JS",
            "GB",
        ),
        (
            ["No. 12, Embassy Golf Links", "Anna Salai", "Gurugram - 122972"],
            "No. 12, Embassy Golf Links, Anna Salai",
            "Gurugram",
            "122972",
            "IN",
        ),
    ],
)
def test_addresses(rows: list[str], street: str, city: str, postcode: str, country: str) -> None:
    c = card(("Avery Smith", 40), "Product Manager", *rows)
    assert c.address is not None
    a = c.address
    assert (a.street, a.city, a.postcode, a.country) == (street, city, postcode, country)


def test_a_phone_the_phone_parser_missed_is_not_a_street() -> None:
    c = card(("Leon Fischer", 60), "leon@granite.de", "Cell 01591 / 6216077", "Gartenstraße 29", "79100 Freiburg")
    assert c.address is not None and c.address.lines == ("Gartenstraße 29", "79100 Freiburg")
    assert [p.number for p in c.phones] == ["+4915916216077"]


def test_name_and_title_over_an_address_are_not_street_lines() -> None:
    c = card(("Prof. Dr. Florian Schafer", 42), "Solutions Architect", "Speicherstadt 111", "30772 Hannover")
    assert c.address is not None and c.address.lines == ("Speicherstadt 111", "30772 Hannover")


# --------------------------------------------------------------------------- phones and review flags


def test_label_and_number_parted_by_a_bar() -> None:
    c = card(("Hamish Lee", 50), "Cell | +61 (0)415 536 668", "Fax | +61 (0)8 8896 0960", "Switchboard +61 2 9184 7990")
    assert [(p.number, p.type) for p in c.phones] == [
        ("+61415536668", "mobile"), ("+61888960960", "fax"), ("+61291847990", "other")]  # fmt: skip


def test_a_garbled_number_flags_the_phones() -> None:
    c = card(("Chris Smith", 69), "chris.smith@contoso.com", "Eel: +1 {987) 123-456 sy,", "Tel: +1 (987) 213-5674")
    assert [p.number for p in c.phones] == ["+19872135674"]
    assert "phones" in c.review


def test_a_failed_read_flags_what_every_card_prints_not_every_field() -> None:
    c = card(("ae a Re", 40, 0.3), ("Avery Smith", 30, 0.7), ("——s ~~ |", 20, 0.2), ("ss a —", 25, 0.3))
    assert c.name is not None and c.name.full == "Avery Smith"
    # a card always has a company, an email and a phone: their absence here is a failed read
    assert {"company", "emails", "phones"} <= set(c.review)
    assert all(c.confidence[f] == 0.0 for f in ("company", "emails", "phones"))
    # many cards print no department or LinkedIn profile: flagging them would bury the real doubts
    assert not {"department", "linkedin"} & set(c.review)


def _page_with_word_confs(rows: list[list[tuple[str, float]]]) -> Page:
    lines = []
    for i, row in enumerate(rows):
        x, words = 20, []
        for text, conf in row:
            words.append(Word(text, Box(x, 20 + 40 * i, 12 * len(text), 20), conf))
            x += 12 * len(text) + 8
        lines.append(Line(words=tuple(words), block=i))
    return Page(lines=tuple(lines), width=1000, height=40 * len(rows) + 40)


def test_one_unsure_word_flags_the_address_it_sits_in() -> None:
    sure = 0.95
    rows = [
        [("Margaux", sure), ("Bertrand", sure)],
        [("President", sure)],
        [("m.bertrand@ironclad.fr", sure)],
        [("Tel", sure), ("+33", sure), ("4", sure), ("70", sure), ("00", sure), ("49", sure), ("42", sure)],
        [("Batument", 0.31), ("B,", sure), ("6", sure), ("boulevard", sure), ("de", sure), ("Strasbourg", sure)],
        [("38000", sure), ("Grenoble", sure)],
    ]
    c = parse_page(_page_with_word_confs(rows), Settings())
    assert c.address is not None and "address" in c.review
    assert "name" not in c.review and "emails" not in c.review  # the sure fields stay unflagged


def test_a_character_no_title_prints_flags_it() -> None:
    c = card(("Lily Jones", 50), "Sta}f Account Executive", "lilyj@ironclad.io", "Tel +1 212 555 0142")
    assert c.title is not None and "title" in c.review
    assert "name" not in c.review


def test_an_ordinal_cut_off_its_number_flags_the_address() -> None:
    c = card(("Chris Smith", 50), "chris@contoso.com", "Tel +1 987 213 5674", "40011 st Ave NE", "Redmond, WA 98052")
    # "4001 1st Ave" is the likely reading and is printed, but "40011 St Ave" is not ruled out: in review
    assert c.address is not None and c.address.street == "4001 1st Ave NE" and "address" in c.review


def test_an_email_that_did_not_read_flags_the_emails() -> None:
    c = card(("Max Weber", 50), "m.weber@upland.de", "info@", "T +49 40 7579149")
    assert c.emails == ("m.weber@upland.de",)  # the half-read address is not completed
    assert "emails" in c.review


def test_title_and_department_on_one_line_split_at_the_department_start() -> None:
    c = card(("Max Weber", 50), "Founder & CEO People & Culture", "m.weber@upland.de", "T +49 40 7579149")
    assert (c.title, c.department) == ("Founder & CEO", "People & Culture")


def test_a_linkedin_url_with_a_split_off_tail_is_flagged() -> None:
    c = card(("Rajesh Green", 50), "rajesh@brightline.co.uk", "in: www.linkedin.com/in/rajesh-green18 1")
    assert c.linkedin == "www.linkedin.com/in/rajesh-green18" and "linkedin" in c.review


def test_a_misread_www_before_linkedin_is_repaired() -> None:
    c = card(("Zara Ashworth", 50), "zara@mosaic.co.uk", "in: https:/Avww.linkedin.com/in/zara-ashworth")
    assert c.linkedin is not None and "vww" not in c.linkedin and c.linkedin.endswith("linkedin.com/in/zara-ashworth")


def test_missing_fields_a_cue_expects_are_flagged_not_invented() -> None:
    c = card(("Avery Smith", 40), "avery@contoso.com", "Tel: +1 212 555 0142", "77 Hill Street", "Sprngf!eld ?? 0")
    assert (c.company, c.address) == (None, None)
    assert c.review == ("company", "address")  # contoso.com names a company; a street without its city
    assert c.confidence["company"] == c.confidence["address"] == 0.0
    failed = card(("ae a Re", 40, 0.3), ("——s ~~ |", 20, 0.2), ("ss a —", 25, 0.3))
    # what every card prints, not read; and a website, printed with the email and phones more often than not
    assert failed.review == ("name", "company", "emails", "phones", "website")


def test_an_empty_website_goes_to_review_when_no_email_and_no_phone_was_read() -> None:
    # hard dev photo: the contact block read as specks, the name, title and company read well
    rows = [("Nordlicht", 36), ("Engineering SE", 44), ("orn oaraee", 28, 0.1), ("manies ben", 28, 0.18),
            ("Maximilian Schröder", 26, 0.91), "Lead Customer Success Manager"]  # fmt: skip
    c = card(*rows)
    assert c.website is None and "website" in c.review
    # an email or a phone read: the card's contact block was read, and an empty website is no cue by itself
    assert "website" not in card(*rows, "m.schroeder@nordlicht.de").review
    assert "website" not in card(*rows, "Tel. +49 40 7579149").review


def test_a_clean_minimal_card_flags_nothing() -> None:
    c = card(("Dmitry Birulia", 70), ("VERYFI", 84), ("dmitry@veryfi.com", 56), "www.veryfi.com")
    assert c.company == "VERYFI"
    assert c.review == ()


def test_address_after_a_url_on_the_same_ocr_line() -> None:
    c = scan(
        ("Kirra Anderson", 96, 103, 57),
        ("kirra.anderson@acme.io", 92, 548, 27),
        ("34 Adelaide Street", 990, 553, 33),
        ("LinkedIn: https://www.linkedin.com/in/kanderson Parramatta NSW 2150", 92, 600, 33),
    )
    assert c.linkedin == "https://www.linkedin.com/in/kanderson"
    assert c.address is not None and c.address.lines == ("34 Adelaide Street", "Parramatta NSW 2150")


def test_postcode_and_company_letters_read_as_digits() -> None:
    c = card(("Mathieu Thibodeau", 53), ("Quant 1X", 65), ("Corp.", 60), "mathieu.thibodeau@quantix.ca",
             "4155 8th Avenue SW", "Floor 11", "Ottawa, ON KIR 3L3", "Canada")  # fmt: skip
    assert c.company == "Quantix Corp."
    assert c.address is not None and (c.address.postcode, c.address.country) == ("K1R 3L3", "CA")
    assert c.address.lines[-2:] == ("Ottawa, ON K1R 3L3", "Canada")


# --------------------------------------------------------------------------- round 4: phone-photo cues


def test_a_wrapped_email_domain_is_not_a_website() -> None:
    # "darcy.king@" / "monarch.com" with the "@" read as "?": the domain line is the email's, not a website
    c = card(("Darcy King", 47), ("Monarch Labs Ltd", 25), "(08) 7330 3848", "darcy king?", "monarch.com")
    assert c.website is None
    # the same bare domain under a line that is no email is the card's printed website
    assert card(("Darcy King", 47), ("Monarch Labs Ltd", 25), "(08) 7330 3848", "monarch.com").website == "monarch.com"


def test_number_lost_after_its_label_flags_the_phones() -> None:
    c = card(
        ("Kirra Anderson", 40), ("Northwind Pty Ltd", 30), "kirra@northwind.com.au", "M 0429 | T +61 (0) 8 7834 7003"
    )
    assert [p.number for p in c.phones] == ["+61878347003"]
    assert "phones" in c.review
    assert "phones" not in card(("Kirra Anderson", 40), "kirra@northwind.com.au", "T +61 (0) 8 7834 7003").review


def test_an_unlabelled_number_that_did_not_parse_flags_the_phones() -> None:
    c = card(("Jack Clarke", 60), ("Westbrook", 38), "0141 555 5206", "e. jack_clarke@westbrook.io")
    assert c.phones == () and "phones" in c.review


def test_words_glued_before_an_email_are_joined_when_they_spell_the_name_and_flag_it() -> None:
    # "montserrat.alvarez@" read with the dot as a space: joined with a dot, the likeliest separator, in review
    c = card(("Montserrat Alvarez", 40), ("Brisa SL", 40), "Mobile: 628 60 50 02", "@. montserrat alvarez@brisa.es")
    assert c.emails == ("montserrat.alvarez@brisa.es",) and "emails" in c.review
    assert "emails" not in card(("Montserrat Alvarez", 40), "E: montserrat.alvarez@brisa.es").review
    # spaces around the @ as well, and a name with an accent the address drops
    c = card(("Anaïs David", 40), ("Belle Rive", 30), "06 85 32 20 12", "anais david @ bellerive.com")
    assert c.emails == ("anais.david@bellerive.com",) and "emails" in c.review
    # an initial cut off the same way
    c = card(("Jan Schäfer", 40), ("Weisswald Data", 30), "0221 316855", "E-Mail: j schaefer@weisswald.de")
    assert c.emails == ("j.schaefer@weisswald.de",) and "emails" in c.review
    assert "emails" not in card(("Jan Schäfer", 40), ("Weisswald Data", 30), "e j.schaefer@weisswald.de").review
    # a word before that spells no part of the name is left out, and the email stays in review
    c = card(("Jan Schäfer", 40), ("Weisswald Data", 30), "0221 316855", "E-Mail: write schaefer@weisswald.de")
    assert c.emails == ("schaefer@weisswald.de",) and "emails" in c.review


def test_left_over_legal_form_flags_a_short_company() -> None:
    c = card(("Paul Zimmermann", 41), ("Lumen", 30), ("Head of Customer Success", 22), ("Data GmbH", 31),
             "Mobil. +49 (0)1579 4336958", "paul.zimmermann@lumen.de")  # fmt: skip
    assert c.company == "Lumen" and "company" in c.review


def test_street_left_over_flags_an_address_read_without_it() -> None:
    c = card(("Nurul Tan", 41), ("Driftwood Pte Ltd", 24), "nurul@driftwood.com.sg",
             "Direct: +65 6376 2370 133 Fusionopolis Way, #22-05", "Singapore 055637")  # fmt: skip
    assert c.address is not None and "address" in c.review


def test_title_beside_a_bare_domain_is_read() -> None:
    c = card(("Daniel Patel", 39), ("Meridian", 42), "E: danielp@meridian.io", "Chief Technology Officer meridian.io")
    assert c.title == "Chief Technology Officer"
    assert c.website == "meridian.io"


def test_logo_mark_read_as_a_letter_before_the_company_is_spelled_from_the_domain() -> None:
    # in review unless the email was read surely
    for email_conf in (0.95, 0.7):
        c = card(
            ("VEMBERLY", 68), ("Joshua C. Martinez", 44), ("e. j.martinez@emberly.co", 16, email_conf), "emberly.co"
        )
        assert c.company == "EMBERLY" and ("company" in c.review) is (email_conf < 0.85)
    assert "company" not in card(("EMBERLY", 68), ("Joshua C. Martinez", 44), "e. j.martinez@emberly.co").review


def test_linkedin_label_without_its_profile_is_flagged() -> None:
    c = card(("Marie Bertrand", 37), "E: mbertrand@juniper-talent.io", "Tel +33 4 95 29 37 63", "Linkedin:")
    assert c.linkedin is None and "linkedin" in c.review


def test_a_letter_box_drawn_too_tall_does_not_cut_a_one_line_address() -> None:
    # "Bâtiment C · 219 allée des Tilleuls · 38000 Grenoble": OCR drew the "C" beside the dropped
    # separator half again as tall as its letters; the building is still part of the address
    words = [("Bâtiment", 186, 541, 112, 23), ("C", 305, 537, 13, 37), ("219", 354, 542, 25, 22),
             ("allée", 409, 542, 57, 23), ("des", 475, 542, 41, 23), ("Tilleuls", 524, 542, 92, 23),
             ("38000", 642, 542, 78, 23), ("Grenoble", 729, 542, 115, 23)]  # fmt: skip
    address = Line(tuple(Word(t, Box(x, y, w, h), 0.92) for t, x, y, w, h in words))
    c = scan(("Jean-Baptiste Michel", 265, 300, 56), ("Ingénieur logiciel", 391, 380, 34), address)
    assert c.address is not None
    assert c.address.lines == ("Bâtiment C 219 allée des Tilleuls 38000 Grenoble",)


@pytest.mark.parametrize(
    ("read", "printed"),
    [
        ("Lumiére Security SAS", "Lumière Security SAS"),  # French writes only a grave before a silent-e syllable
        ("Héléne Fournier", "Hélène Fournier"),
        ("1 rue de Genéve", "1 rue de Genève"),
        ("Bibliothéque", "Bibliothèque"),
        ("José Pérez", "José Pérez"),  # no silent e after it: kept
        ("Renée Médecin", "Renée Médecin"),
        ("Péter Szabó", "Péter Szabó"),
    ],
)
def test_an_acute_accent_where_french_writes_a_grave_is_the_grave(read: str, printed: str) -> None:
    from cardscan.parse.text import grave_before_mute_e

    assert grave_before_mute_e(read) == printed


@pytest.mark.parametrize(
    ("over", "flagged"), [(("Bat iment C", 33, 0.27), True), (("W: www.lumiere.fr", 30, 0.46), False)]
)
def test_an_unsure_line_of_words_just_over_the_address_puts_it_in_review(over: tuple, flagged: bool) -> None:
    # "Bâtiment C" read unsurely as "Bat iment C": no field takes it, and the address may start there; a badly read
    # web line there is the website's business
    c = card(
        ("Dr. Clément Bonnet", 28),
        ("Chef de projet", 23),
        ("+33 4 27 64 18 26", 24),
        ("clement@lumiere.fr", 20),
        over,
        ("77 quai de la Loire", 18),
        ("06000 Nice", 18),
    )
    assert c.address is not None and c.address.lines == ("77 quai de la Loire", "06000 Nice")
    assert ("address" in c.review) is flagged


def test_an_unsure_email_that_the_name_and_company_spell_letter_by_letter_needs_no_review() -> None:
    rows: list[str | tuple[str, float] | tuple[str, float, float]] = [
        ("Vela S.p.A.", 44, 0.95),
        ("Leonardo Rossi", 36, 0.96),
        ("+39 06 7218 7152", 20, 0.9),
    ]
    c = card(*rows, ("leonardo.rossi@vela it", 20, 0.62))
    assert c.emails == ("leonardo.rossi@vela.it",) and "emails" not in c.review
    # its local part repaired: "marta perez@" may have been "marta_perez@"; another name spells nothing
    assert "emails" in card(*rows, ("leonardo rossi@vela.it", 20, 0.62)).review
    assert "emails" in card(*rows, ("l.bianchi@vela.it", 20, 0.62)).review


def test_ocr_edits_are_the_look_alike_swaps_and_each_caller_gets_its_own_list() -> None:
    edits = ocr_edits("Hernandez", "hemandez")
    assert [(e.start, e.end, e.to, e.plausible) for e in edits] == [(2, 4, "m", True)]  # "rn" read as "m"
    assert ocr_edits("Müller", "mueller") == []  # an umlaut spelled out costs nothing
    assert [e.plausible for e in ocr_edits("Acme", "axme")] == [False]
    edits.clear()  # the answers are remembered; changing one must not change the next
    assert len(ocr_edits("Hernandez", "hemandez")) == 1
