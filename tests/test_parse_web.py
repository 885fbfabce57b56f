"""Website and LinkedIn: printed URLs, lightly repaired, never invented from an email domain."""

from __future__ import annotations

import pytest

from cardscan.config import Settings
from cardscan.models import Contact, PersonName
from cardscan.parse import parse_page
from cardscan.parse.card import odd_slug_tail
from cardscan.parse.text import page_from_rows
from cardscan.parse.web import mentions_linkedin


def card(*rows: str) -> Contact:
    return parse_page(page_from_rows([("Avery Smith", 40), *rows]), Settings())


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("www.contoso.com", "www.contoso.com"),
        ("contoso.com", "contoso.com"),
        ("https://www.contoso.com/", "https://www.contoso.com/"),
        ("Web: www.contoso.com", "www.contoso.com"),
        ("www,contoso.com", "www.contoso.com"),
        ("juniper .com.au", "juniper.com.au"),  # a space read before the dot (fresh phone set)
        ("wwW.Contoso.com", "www.contoso.com"),
        ("www.contoso,com", "www.contoso.com"),
        ("https://www.contoso.com|}", "https://www.contoso.com"),
        ("http://jasonpriem.com", "http://jasonpriem.com"),
        ("https://www.contoso.co,jp/", "https://www.contoso.co.jp/"),  # a comma for the dot before a country
        ("W: www.kinetic-mobility i0", "www.kinetic-mobility.io"),  # the ending set apart, a zero for its "o"
        ("www.contoso.c0m", "www.contoso.com"),
        ("Web. wwwcontoso com", "www.contoso.com"),  # the dots lost, "www" glued to the host
        ("Web www contoso com", "www.contoso.com"),
        ("www. onyx-security de", "www.onyx-security.de"),  # the ending set apart at the end of the line
        ("www.everg reen.io", "www.evergreen.io"),  # a space inside the host's name
        ("Web: www. foxg love.co.uk", "www.foxglove.co.uk"),
        ("Wew contoso de", "www.contoso.de"),  # a stray letter for the middle w, and both dots lost
        ("tts: [WNW .Contoso.com|", "www.contoso.com"),  # the middle w read as an n (real card seen at an angle)
        ("attas:| [nnn .contoso.com|", "contoso.com"),  # the www garbled, its dot left before the host
        ("Web. https //meridian.comy", "https://meridian.com"),  # a speck after the ending read as a letter
    ],
)
def test_website_as_printed(printed: str, expected: str) -> None:
    assert card(printed).website == expected


def test_no_scheme_is_added() -> None:
    assert card("www.contoso.com").website == "www.contoso.com"


def test_email_domain_alone_is_not_a_website() -> None:
    c = card("avery.smith@contoso.com")
    assert c.website is None
    assert "website" not in c.confidence


@pytest.mark.parametrize("printed", ["Contoso Inc.", "e.g. this", "St. Mary Ave."])
def test_abbreviations_are_not_websites(printed: str) -> None:
    assert card(printed).website is None


def test_website_agreeing_with_email_is_confident() -> None:
    c = card("avery@contoso.com", "www.contoso.com")
    assert c.website == "www.contoso.com" and c.confidence["website"] >= 0.9


def test_misread_website_is_recovered_from_email_domain_and_flagged_lower() -> None:
    agree = card("avery@contoso.com", "www.contoso.com")
    fixed = card("avery@contoso.com", "www.cantoso.com")
    assert fixed.website == "www.contoso.com"
    assert fixed.confidence["website"] < agree.confidence["website"]


def test_a_website_a_slip_off_two_email_domains_is_mended_in_review() -> None:
    # one email's domain misread as well (bench flat card 082): the site may be either domain
    c = card("Email: r.tanaka@spatrow.jp", "Web: www.spalrow.jp", "Email: jobs@sparrow.jp")
    assert c.website in ("www.spatrow.jp", "www.sparrow.jp") and "website" in c.review
    # one email domain: the mend stands out of review
    one = card("Email: jobs@sparrow.jp", "Web: www.spalrow.jp")
    assert one.website == "www.sparrow.jp" and "website" not in one.review


def test_a_website_cut_short_of_the_email_domains_last_letter_takes_it_in_review() -> None:
    # the real Veryfi card in a shadow, at half size: "www.veryfi.co", its m lost at the print's edge
    c = card("Dmitry Birulia", "dmitry@veryfi.com", "www.veryfi.co")
    assert c.website == "www.veryfi.com" and "website" in c.review
    c = card("Dmitry Birulia", "dmitry@veryfi.com", "www.veryfi.co.uk")  # another ending of its own: kept
    assert c.website == "www.veryfi.co.uk"


def test_unrelated_website_is_kept() -> None:
    assert card("priem@email.unc.edu", "http://jasonpriem.com").website == "http://jasonpriem.com"


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("linkedin.com/in/avery-smith", "linkedin.com/in/avery-smith"),
        ("https://www.linkedin.com/in/avery-smith/", "https://www.linkedin.com/in/avery-smith/"),
        ("LinkedIn: in/avery-smith", "linkedin.com/in/avery-smith"),
        ("in /in/avery-smith", "linkedin.com/in/avery-smith"),
        ("wwvw.linkedin.com/in/avery-smith", "www.linkedin.com/in/avery-smith"),  # a w of four read as v
        ("LinkedIn: https://www.linkedin.com/n/avery-smith", "https://www.linkedin.com/in/avery-smith"),  # i lost
        ("ww.linkedin.com/in/einoue", "www.linkedin.com/in/einoue"),  # a w lost: no country's subdomain
        ("uk.linkedin.com/in/avery-smith", "uk.linkedin.com/in/avery-smith"),  # a country's
    ],
)
def test_linkedin(printed: str, expected: str) -> None:
    c = card(printed)
    assert c.linkedin == expected
    assert c.website is None


def test_linkedin_profile_path_survives_a_misread_domain_less_surely() -> None:
    c = card("www.linkedin. conv in/mei-ling-campbell")
    assert c.linkedin == "linkedin.com/in/mei-ling-campbell"
    assert c.confidence["linkedin"] < card("www.linkedin.com/in/mei-ling-campbell").confidence["linkedin"]
    # "in/" without LinkedIn named before it is no profile
    assert card("Join us in/out of hours").linkedin is None


@pytest.mark.parametrize(
    "read",
    [
        "LinkedIn: www.linkedin.convin/sanne-vos970",
        "linkedin.comin/sanne-vos970",
        "in: linkedin.convir/sanne-vos970",  # its "in" read "ir" (fresh phone set)
    ],
)
def test_linkedin_profile_path_glued_to_a_misread_domain(read: str) -> None:
    c = card(read)
    assert c.linkedin == "linkedin.com/in/sanne-vos970"
    assert c.website is None


def test_social_profile_is_not_the_website() -> None:
    assert card("github.com/averysmith").website is None


def test_a_website_that_lost_its_ending_takes_the_email_domain() -> None:
    c = card("william@orbital.co.uk", "Web: www.orbital")
    assert c.website == "www.orbital.co.uk"


def test_a_website_with_no_known_ending_is_doubtful() -> None:
    c = card("Web: www.orbital")
    assert c.website == "www.orbital"
    assert "website" in c.review


@pytest.mark.parametrize("site", ["www.firma.cz", "https://www.shop.ru", "www.firma.hu"])
def test_a_country_ending_is_no_doubt(site: str) -> None:
    assert "website" not in card(site).review


def test_a_country_ending_set_apart_at_the_end_of_the_line_joins_the_host() -> None:
    c = card("riley.mckenzie@onyx.com.au", "onyx.com au")
    assert c.website == "onyx.com.au"


def test_an_ending_alone_is_no_website() -> None:
    # "isa.taylor@wavelength" / "co.uk": the email wrapped, its name part lost in OCR
    assert card("Isla Taylor", "co.uk").website is None
    assert card("Isla Taylor", "www.com.au").website is None


def test_an_ending_alone_still_names_the_cards_country() -> None:
    c = card("Isla Taylor", "M 07476 782439", "isa.taylor@wavelength", "co.uk")
    assert c.website is None
    assert [p.number for p in c.phones] == ["+447476782439"]


def test_a_profile_name_cut_by_a_space_sends_linkedin_to_review() -> None:
    c = card("LinkedIn: https://www.linkedin.com/in/karl-heinz -voge t328")
    assert c.linkedin == "https://www.linkedin.com/in/karl-heinz"
    assert "linkedin" in c.review
    # fresh phone set: a speck read as a quote mark after a dash is dropped; other marks cut the name short
    assert card("in: linkedin.com/in/kirra-‘mckenzie").linkedin == "linkedin.com/in/kirra-mckenzie"
    c = card("in: linkedin.com/in/kirra-»mckenzie")
    assert c.linkedin == "linkedin.com/in/kirra" and "linkedin" in c.review
    # a bar after a name ending in digits may be its last 1 (unseen phone set); after letters it parts columns
    assert "linkedin" in card("www.linkedin.com/in/maarten-vandermeer98 |").review
    assert "linkedin" not in card("www.linkedin.com/in/maarten-vandermeer |").review


def test_a_profile_path_after_com_is_linkedin_however_its_name_was_misread() -> None:
    c = card("in: www. liokodin com/in/sarah-schmidt")
    assert c.linkedin == "linkedin.com/in/sarah-schmidt"
    assert c.website is None  # "www.liokodin" was taken for one
    assert "linkedin" in c.review


def test_a_bare_domain_on_an_email_line_is_no_website() -> None:
    c = card("Pooja Chatterjee", "E: poojacG larkspur.com")
    assert c.website is None  # the email's "@" read as a G
    assert c.emails == ("poojac@larkspur.com",) and "emails" in c.review  # mended, for the user to check
    assert card("Pooja Chatterjee", "E: pooja@larkspur.com", "W: larkspur.com").website == "larkspur.com"
    # fresh phone set: the end of an email's domain that OCR split off with a space is no website either
    assert card("Karim Laurent", "karim. Llaurent@bright line. fr").website is None
    assert card("Noémie Rousseau", "e. n.rousseau@br ight Line. io").website is None
    # fresh hard set: a mail provider's domain, its email's "@" unread, is neither a website nor a company
    c = card("Email:", "king? gmail.com }@")
    assert (c.website, c.company) == (None, None)
    # nor is an email that did not validate anyone's company
    from cardscan.parse.people import Candidate, _pick_company

    unread = Candidate(line=3, text="karim llaurent@bright line fr", height=34, top=300, conf=0.8)
    assert _pick_company([unread], [], 20)[0] is None
    # nor an email's line that its label still starts (unseen hard set: "Sgmail.com", its "@" read as an S)
    rows = [("Rohan Mehta CPA", 40), "Sourcing Specialist", "Cell +91 83714 75390",
            ("Email: rohan. consulting Sgmail.com", 20, 0.22)]  # fmt: skip
    assert parse_page(page_from_rows(rows), Settings()).company is None
    assert card("Karim Laurent", "karim@brightline.fr brightline.fr").website == "brightline.fr"


def test_a_website_read_unsurely_that_nothing_else_spells_goes_to_review() -> None:
    rows = [("Linda Martin", 40), ("www quantx com", 20, 0.78)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "www.quantx.com" and "website" in c.review
    # the same reading, spelled by the email's domain or by the company, is borne out
    for other in ("linda@quantx.com", ("QUANTX", 40)):
        c = parse_page(page_from_rows([*rows, other]), Settings())
        assert c.website == "www.quantx.com" and "website" not in c.review, other


def test_a_website_a_doubled_letter_short_of_the_company_is_spelled_as_it() -> None:
    from cardscan.parse.card import respelled_label

    assert respelled_label("silage", "Sillage SAS") == "sillage"
    assert respelled_label("bel-rive", "Bellrive") == "bell-rive"
    c = parse_page(page_from_rows([("SILLAGE SAS", 40, 0.95), ("Jules Moreau", 30), "Web. www silage fr"]), Settings())
    assert c.website == "www.sillage.fr" and "website" in c.review


@pytest.mark.parametrize(
    ("slug", "doubtful"),
    [
        ("kandersonie4", True),  # "kanderson164" with 1 and 6 read as i and e
        ("kanderson164", False),
        ("kirra-anderson", False),
        ("kirra-anderson-1a2b3c", False),  # LinkedIn's own suffix, a part of its own
        ("k4nderson", False),  # no name part read: nothing to measure against
    ],
)
def test_profile_name_with_letters_among_its_digits_is_doubtful(slug: str, doubtful: bool) -> None:
    name = PersonName(full="Kirra Anderson", given="Kirra", family="Anderson")
    assert odd_slug_tail(slug, name) is doubtful


def test_a_profile_misread_among_its_digits_goes_to_review() -> None:
    c = card("LinkedIn: https://www.linkedin.com/in/asmithie4", "avery.smith@contoso.com")
    assert c.linkedin == "https://www.linkedin.com/in/asmithie4" and "linkedin" in c.review
    c = card("LinkedIn: https://www.linkedin.com/in/asmith164", "avery.smith@contoso.com")
    assert c.linkedin == "https://www.linkedin.com/in/asmith164" and "linkedin" not in c.review


def test_website_misread_is_spelled_from_the_email_domain_less_surely() -> None:
    c = card("annag@weisswald.de", "Wew welsswald de")
    assert c.website == "www.weisswald.de" and c.confidence["website"] <= 0.7


def test_www_misread_before_the_emails_own_domain_is_www() -> None:
    c = card("msimon@trellis.io", "Wwq..trellis.io")
    assert c.website == "www.trellis.io"
    c = card("msimon@trellis.io", "shop.trellis.io")  # a real part of the site stays
    assert c.website == "shop.trellis.io"
    # phone dev card: one w of three lost ("https://ww.nordlicht.de" beside p.schwarz@nordlicht.de)
    c = card("p.schwarz@nordlicht.de", "W: https://ww.nordlicht.de")
    assert c.website == "https://www.nordlicht.de"


def test_a_bare_domain_with_its_countrys_ending_misread_is_the_website_in_review() -> None:
    from cardscan.config import Settings
    from cardscan.parse import parse_page
    from cardscan.parse.text import page_from_rows

    # hard dev card: ".es" read as ".cs" on a Spanish card; no website ends so, and the company spells the name
    rows = [("Cedarwood Systems S.L.U.", 34), ("Sergio Moreno", 35), "M: 617 03 73 30", "P: +34 952 00 78 41"]
    c = parse_page(page_from_rows([*rows, "cedarwood.cs"]), Settings())
    assert c.website == "cedarwood.es" and "website" in c.review
    # a name the company does not spell is left alone
    assert parse_page(page_from_rows([*rows, "quantix.cs"]), Settings()).website is None


def test_a_website_ending_a_look_alike_off_the_cards_own_country_is_that_countrys_in_review() -> None:
    from cardscan.config import Settings
    from cardscan.parse import parse_page
    from cardscan.parse.text import page_from_rows

    # hard dev cards: "www.parallax.ni" on a Dutch card; "www.quarry.fr" read right, but spelled from the
    # email's misread "quarry.tr" before the email was mended to the French ending
    dutch = [
        ("Thijs Vos", 40),
        "e. thijs.vos@parallax.ni",
        "Web: www.parallax.ni",
        "Vijzelstraat 23",
        "1020 RW Amsterdam",
    ]
    c = parse_page(page_from_rows(dutch), Settings())
    assert c.website == "www.parallax.nl" and "website" in c.review
    french = [("Quarry", 45), ("Marie-Claire Chevalier", 35), "Tél: +33 (0)4 59 63 36 41", "marie-claire@quarry.tr"]
    c = parse_page(page_from_rows([*french, "Web. www.quarry.fr"]), Settings())
    assert c.website == "www.quarry.fr" and c.emails == ("marie-claire@quarry.fr",)
    # ".io" on a Dutch card is a choice, not a slip
    c = parse_page(page_from_rows([*dutch[:1], "Web: www.parallax.io", *dutch[3:]]), Settings())
    assert c.website == "www.parallax.io"


def test_a_website_and_a_company_that_agree_outvote_the_email_domain() -> None:
    # fresh hard set: "Meridian" printed clearly, "meridian.comy" on the web line, the email "@mendian.com"
    rows = [("Meridian", 31), ("Biotech Pty Ltd", 31), "Eh kowatczyk @mendian.com", "Web. https //meridian.comy",
            ("Harper Kowalczyk", 53)]  # fmt: skip
    c = parse_page(page_from_rows(rows), Settings())
    assert (c.website, c.emails) == ("https://meridian.com", ("kowalczyk@meridian.com",))
    assert c.company is not None and c.company.startswith("Meridian") and "emails" in c.review


@pytest.mark.parametrize("read", ["http:/ljasonpriem.com", "http:Ijasonpriem.com", "http:Iijasonpriem.com"])
def test_a_schemes_slashes_read_as_strokes_are_mended_in_review(read: str) -> None:
    # the real FOAF card photographed again: "//" read as "/l", "I" or "Ii", glued to the host, on a line read
    # surely. Which strokes were slashes and which a letter of the host the print cannot tell ("http:/lego.com"
    # may have lost a slash), so the mended website goes to review
    c = card("priem@email.unc.edu", read)
    assert c.website == "http://jasonpriem.com"
    assert "website" in c.review


def test_a_scheme_printed_whole_keeps_a_host_starting_with_a_stroke() -> None:
    assert card("http://lego.com").website == "http://lego.com"
    assert card("https://ibm.com").website == "https://ibm.com"


def test_a_line_spelling_the_email_domain_as_a_web_address_does_flags_the_missing_website() -> None:
    # bench hard card 098: its website "www.emberly.io" read "wan embertyo" (0.12); nothing is made of it, but the
    # empty website goes to review
    rows = [("Emberly", 40), ("Angus Anderson", 40), "angus.anderson@emberly.io", ("wan embertyo", 20, 0.12)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website is None and "website" in c.review
    # the organisation's name in a tagline is no web address
    rows = [("Emberly", 40), ("Angus Anderson", 40), "angus.anderson@emberly.io", "Emberly cares for you"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website is None and "website" not in c.review


@pytest.mark.parametrize(
    ("read", "conf", "sure"),
    [
        ("sternwarteio", 0.71, True),  # bench hard card 082: the dot lost; the line was taken for the company
        ("Web: sternwarteio", 0.8, True),
        ("W: sternwarte, io", 0.8, True),
        ("yw sternwarte io", 0.8, False),  # bench hard card 039: "www" garbled, which a word might have been too
        ("hittps /hrww sternwarteio", 0.8, False),  # bench hard card 089
        # a letter misread as its look-alike too (hard dev card: "www pinnacle health jo" beside @pinnacle-health.io)
        ("www sternwarte jo", 0.81, True),
        ("sternwarte jo", 0.81, False),
        ("wwasternwarteio", 0.65, False),  # a www stub glued on, its last w misread (a real card seen at an angle)
    ],
)
def test_a_web_address_whose_dots_were_lost_is_the_email_domain_it_spells(read: str, conf: float, sure: bool) -> None:
    rows = [("Sternwarte GmbH", 40), ("Matthias Koch", 40), ("matthias.koch@sternwarte.io", 20, 0.9), (read, 20, conf)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "sternwarte.io"
    assert ("website" in c.review) is not sure
    assert c.company == "Sternwarte GmbH"


@pytest.mark.parametrize(
    ("read", "sure"),
    [
        ("https //sapphire uk/", True),  # hard dev card: read at 0.48, its dots lost after the scheme
        ("www sapphire uk", True),
        ("sapphire uk", True),
        ("yw sapphire uk", False),  # a stub before it, which may be a word of the host
    ],
)
def test_a_website_whose_dots_were_lost_is_confirmed_by_the_email_domain_read_surely(read: str, sure: bool) -> None:
    rows = [("Sapphire", 40), ("George Fitzgerald", 40), ("g.fitzgerald@sapphire.uk", 20, 0.9), (read, 20, 0.48)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website is not None and c.website.endswith("sapphire.uk")
    assert ("website" in c.review) is not sure


@pytest.mark.parametrize(
    "read",
    [
        "Careers sternwarte io",  # an email whose "@" was lost: a word before the domain
        "Sternwarte IO",  # a company and a legal form or a country's code, not a web address
        "sternwarte io solutions",  # the domain not at the line's end
        "Sternwarte Jo",  # words of a company, not a web address
        "www sternwarte jo iq",  # more than one letter misread
        "www stemwarte",  # the name only, misread: nearer the name than the whole domain
    ],
)
def test_no_web_address_is_made_of_a_line_that_only_holds_the_email_domains_letters(read: str) -> None:
    rows = [("Sternwarte GmbH", 40), ("Matthias Koch", 40), ("matthias.koch@sternwarte.io", 20, 0.9), (read, 20, 0.9)]
    assert parse_page(page_from_rows(rows), Settings()).website is None


def test_a_hosts_ending_read_a_look_alike_off_a_common_one_is_mended_in_review() -> None:
    # dev hard card: "www.mistral.tr" and "h.richard@mistral.tr" for .fr, both read with the same slip, so their
    # agreement confirms nothing: both go to review
    rows = [("Mistral SAS", 40), ("Hugo Richard", 40), ("h.richard@mistral.tr", 20, 0.9), ("www.mistral.tr", 20, 0.9)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "www.mistral.fr" and c.emails == ("h.richard@mistral.fr",)
    assert {"website", "emails"} <= set(c.review)
    # an ending under a second level is the country's own ("com.tr", "gov.jo"), as is any other ending
    rows = [("Mistral AS", 40), ("Hugo Richard", 40), ("h.richard@mistral.com.tr", 20, 0.9)]
    c = parse_page(page_from_rows([*rows, ("www.mistral.com.tr", 20, 0.9)]), Settings())
    assert c.website == "www.mistral.com.tr" and c.emails == ("h.richard@mistral.com.tr",)
    # a bare host too, whose ending as read is no known one (bench hard card 033: "Web: tessellate.tr")
    rows = [("Camille Morel", 40), ("Tessellate", 30), ("camille_morel@tessellate.fr", 20, 0.77), "Web: tessellate.tr"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "tessellate.fr" and "website" in c.review


def test_an_email_ending_in_jo_for_io_beside_the_website_read_right_is_mended() -> None:
    # phone dev card: the website's "io" read right, the email's i read as j
    rows = [("Imran Hall", 40), ("e. imran@redwood-data.jo", 20, 0.75), ("Web: www.redwood-data.io", 20, 0.79)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.emails == ("imran@redwood-data.io",) and "emails" in c.review
    assert c.website == "www.redwood-data.io" and "website" not in c.review


def test_a_www_host_whose_last_dot_was_lost_is_split_where_another_line_spells_its_name() -> None:
    # bench hard card 077: "W: bhups//www.vireoio" under "Vireo Capital" (the company was taken as "Vireoio Capital")
    rows = [("Vireo Capital", 40), ("Stefan Lehmann", 40), ("Personalreferentin", 20)]
    rows.append(("W: bhups//www.vireoio", 20, 0.73))
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website is not None and c.website.endswith("www.vireo.io") and "website" in c.review
    assert c.company == "Vireo Capital"
    # no line spells the name before an ending: the host is left as read, in review
    rows[0] = ("Capital Partners", 40)
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website is None or "vireo.io" not in c.website


def test_a_website_whose_host_is_the_end_of_the_emails_domain_goes_to_review() -> None:
    # phone dev card: "ine-talent.com" beside "mfournier@silverlinetalent.com" (both misread; wrong and unflagged)
    rows = [("Marie Fournier", 40), ("mfournier@silverlinetalent.com", 20, 0.9), ("ine-talent.com", 20, 0.9)]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "ine-talent.com" and "website" in c.review
    # an unrelated host (a personal site beside a university address), or another ending, is no cut one
    from cardscan.parse.web import _tail_of

    assert _tail_of("ine-talent.com", "silverlinetalent.com")
    assert not _tail_of("jasonpriem.com", "email.unc.edu")
    assert not _tail_of("talent.co.uk", "silverlinetalent.com")
    assert not _tail_of("linetalent.com", "silverlinetalent.com".replace("silver", "se"))  # two letters missing


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("W: inkwell com", "inkwell.com"),  # bench hard card 059
        ("Wed: ondine fr", "ondine.fr"),  # dev hard card: the label's b read as a d too
        ("Web | nordlicht-software de", "nordlicht-software.de"),
        ("Hours: mon fr", None),  # no web label: no website
        ("Web: see our site at fr", None),  # words, not a host and its ending
    ],
)
def test_a_host_whose_dot_was_read_as_a_space_after_a_web_label_is_put_back_in_review(
    printed: str, expected: str | None
) -> None:
    c = card(printed)
    assert c.website == expected
    if expected:
        assert "website" in c.review


@pytest.mark.parametrize("printed", ["linkedin.com/in/paul- zimmermann", "in: www linkedin. .com/in/paul- zimmermann"])
def test_a_profile_name_with_a_space_read_after_its_dash_is_joined(printed: str) -> None:
    # bench hard card 059: the second part of the name set apart by a space OCR read after the dash
    c = parse_page(page_from_rows([("Paul Zimmermann", 40), "Tel +49 30 383035", printed]), Settings())
    assert c.linkedin == "linkedin.com/in/paul-zimmermann"
    # a name cut at the dash, nothing after it, is still cut short: in review
    c = parse_page(page_from_rows([("Paul Zimmermann", 40), "Tel +49 30 383035", "linkedin.com/in/paul-"]), Settings())
    assert "linkedin" in c.review


def test_a_host_whose_dot_before_its_second_level_was_lost_is_dotted_where_another_line_spells_the_name() -> None:
    from cardscan.parse.text import second_level_dotted

    # new hard card 014 and bench hard card 023: "com.au" and "co.uk" read glued to the name
    rows = [("TIDEWATER MEDIA", 50), ("Zoe Thompson", 40), "zoe@tidewatercom.au", "tidewatercom.au"]
    c = parse_page(page_from_rows(rows), Settings())
    assert c.emails == ("zoe@tidewater.com.au",) and c.website == "tidewater.com.au"
    assert second_level_dotted("www.orbitalco.uk", ["Orbital Recruitment"]) == "www.orbital.co.uk"
    # no line spells the name, or one spells the whole label: as read
    assert second_level_dotted("tidewatercom.au", ["Zoe Thompson"]) == "tidewatercom.au"
    assert second_level_dotted("monaco.uk", ["Monaco Ltd", "Mona Lisa"]) == "monaco.uk"


def test_a_scheme_with_its_colon_read_as_a_dot_and_a_slash_lost_still_starts_a_website() -> None:
    # hard dev card: "https./aimendro.cony" beside "javier_ruiz@almendro.com" (an l read as i, a speck after "com")
    rows = [("Almendro SL", 40), ("Javier Ruiz", 40), ("E: javier_ruiz@almendro.com", 20, 0.39),
            ("https./aimendro.cony", 20, 0.34)]  # fmt: skip
    c = parse_page(page_from_rows(rows), Settings())
    assert c.website == "https://almendro.com" and "website" in c.review


def test_linkedin_is_named_with_its_www_glued_on() -> None:
    assert mentions_linkedin("in: wwwlinkedin com/inivsubramanian 158")
    assert mentions_linkedin("wwwlinkodin com")
    assert not mentions_linkedin("www.linkway.com")
