"""The assembler: one OCR'd card (`Page`) -> one `Contact` with per-field confidence.

It runs the field parsers in the order their evidence needs (emails and websites first, as they
hint the country of phones and addresses) and cross-checks them. It invents no value.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import replace

import phonenumbers

from ..config import Settings
from ..layout import mark_over_capital
from ..models import FIELDS, Contact, Line, Page, PersonName, Word
from .address import (
    UK_POST_TOWNS,
    UMLAUT_COUNTRIES,
    country_line,
    find_address,
    garbled_city_line,
    line_above,
    line_below,
    looks_like_street,
    misread_street_word,
    umlaut_read_as_ii,
)
from .emails import (
    SEPARATORS_TOGETHER_CONF,
    TLD_ALT,
    EmailHit,
    at_read_as_letter,
    find_emails,
    normalise_email,
    separators_together,
)
from .people import (
    COMPANY_DISAGREES_CONF,
    GUESSED_NAME,
    ORG_NAME_WORDS,
    ROLE_MAILBOXES,
    TITLE_CUT_CONF,
    TITLE_PART_ONLY,
    People,
    email_agreement,
    find_people,
    generic_only,
    guessed_title_word,
    has_legal_form,
    mend_title_words,
    misread_title_word,
    misspells_domain,
    named_from_domain,
    only_legal_form,
    role_words_only,
    small_print_slip,
    split_name,
    split_parts,
    umlaut_misread_from_domain,
    umlauts_from_domain,
)
from .phones import (
    LABELS,
    STRAY_ONE,
    PhoneHit,
    area_place,
    area_regions,
    find_phones,
    label_letters,
    label_type,
    nearest_label,
    region_by_grouping,
)
from .text import (
    CONFUSIONS,
    FREEMAIL,
    KNOWN_TLDS,
    TLD_COUNTRY,
    TextLine,
    country_of_host,
    fold,
    has_kana,
    is_junk,
    join_words,
    letters_only,
    nfkc,
    ocr_edits,
    registrable,
    similar,
    similarity,
    strip_accents,
    text_lines,
)
from .web import (
    WebHit,
    cross_check,
    find_linkedin,
    find_websites,
    host_of,
    mentions_linkedin,
    only_suffix,
    undotted_site,
)

#: legal forms of one country's companies: "Prism Logistics Pty Ltd" on a .com card with no +CC is Australian
_LEGAL_COUNTRY = (
    (re.compile(r"\(Pty\.?\)\s*Ltd\b", re.I), "ZA"),
    (re.compile(r"\bPty\.?\s*Ltd\b", re.I), "AU"),
    (re.compile(r"\bPvt\.?\s*Ltd\b|\bPrivate\s+Limited\b", re.I), "IN"),
    (re.compile(r"\bPte\.?\s*Ltd\b", re.I), "SG"),
    (re.compile(r"\bSdn\.?\s*Bhd\b", re.I), "MY"),
    (re.compile(r"\bGmbH\b"), "DE"),
    (re.compile(r"\bS\.?A\.?R\.?L\b|\bS\.A\.S\b|\bSAS\b"), "FR"),
    (re.compile(r"\bS\.[rR]\.[lL]\b|\bS\.[pP]\.A\b"), "IT"),
    (re.compile(r"\bS\.L\.?$|\bS\.L\.U\b"), "ES"),
    (re.compile(r"\bB\.V\.?(?:\s|$)"), "NL"),
)


def legal_country(lines: list[TextLine]) -> str:
    """The country a company's legal form belongs to, from the first line that prints one ("" when none does)."""
    for ln in lines:
        for form, country in _LEGAL_COUNTRY:
            if form.search(ln.text):
                return country
    return ""


def _country_hint(
    website_host: str, org_domains: list[str], phone_countries: list[str], script: str = "", legal: str = ""
) -> str:
    """The country a card is probably from, before its address is read ("" when unknown).

    Domains speak first, then a printed +CC, then the script (kana is printed only in Japan), then the
    company's legal form ("Pty Ltd": Australia).
    """
    for host in [website_host, *org_domains]:
        country = country_of_host(host) if host else ""
        if country:
            return country
    return next((c for c in phone_countries if c and c != "001"), script) or legal


#: places in the UK's numbering plan (+44) that write British postcodes: a number of theirs says the card is British
#: as far as its address goes (the Contoso card's "+44 (0) 7911 123456" is a Guernsey mobile to phonenumbers)
_UK_NUMBERING = {"GG": "GB", "JE": "GB", "IM": "GB"}


_CONTACT_START = re.compile(
    r"@|^(?:https?|www)\b|^[+(]?\d|^(?:e-?mail|email|mail|e|tel|t|phone|p|mob|mobile|m|cell|fax|f|web|w|in|linkedin|"
    r"work|office|direct|main|mobil|handy|tél|fixe|portable)"
    r"\s*[:.|'’]?$",  # (a colon's lower dot lost leaves a speck read as a quote mark: "te!' 0117 978 5359")
    re.I,
)


_BARE_DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?P<tld>[a-z]{2,})/?", re.I)


def _starts_contact(word: str) -> bool:
    # "Chief Technology Officer meridian.io": a bare domain printed beside the title starts the contact part
    m = _BARE_DOMAIN.fullmatch(word)
    return bool(_CONTACT_START.search(label_letters(word))) or (m is not None and m["tld"].lower() in KNOWN_TLDS)


def _part_of(line: TextLine, words: list[Word]) -> TextLine:
    """Some of a line's words as a line of their own."""
    seg = Line(words=tuple(words), block=line.block)
    conf = seg.conf
    return replace(line, text=nfkc(join_words(seg.words)), height=seg.height, box=seg.box, words=seg.words,
                   conf=line.conf if conf is None else conf)  # fmt: skip


#: a run of eight or more digits ending a line: a number, however it read
_DIGIT_TAIL = re.compile(r"\s[+(]?\d[\d ()./-]{6,}\d\s*$")


def _before_digits(line: TextLine) -> TextLine:
    """The words before a long number ending the line, as a line of their own; the line itself otherwise.
    The number starts at its label, or else at the words with digits or no letters before it ("Emma van der
    Linden ‘e!0 58127589": a mobile in the next column, its label misread)."""
    if not _DIGIT_TAIL.search(line.text):
        return line
    head = leading_text(line) or line
    words = list(head.words)
    cut = len(words)
    while cut > 0 and (
        any(c.isdigit() for c in words[cut - 1].text)
        or not any(c.isalpha() for c in words[cut - 1].text)
        or (len(words[cut - 1].text) >= 3 and words[cut - 1].text.lower().strip(":.|") in LABELS)  # "Celi"
    ):
        cut -= 1
    return _part_of(line, words[:cut]) if 2 <= cut < len(words) else head


def free_words(line: TextLine) -> TextLine:
    """A line no field took, without a number ending it or the label of a number in the next column that OCR
    put on it ("Oliver Roberts Mobile", "Prof. Mathis Bonnet Fe:+93"): the words a name or title may be."""
    line = _before_digits(line)
    if len(line.words) >= 4 and all(len(w.text) == 1 for w in line.words):
        return line  # a logo's letters spaced out ("S A P P H I R E"): its last letter is no "E" label
    cut = _before_labels(list(line.words), len(line.words))
    return line if cut == len(line.words) else _part_of(line, list(line.words)[:cut])


#: a label and the start of its number read as one word ("Fe:+93", "Tel:+1")
_GLUED_NUMBER = re.compile(r"^[^\W\d_]{1,6}[:.]\s*[+(]?\d")


#: a short word in small letters with a mark in it, just before a number ("Paul Zimmermann od! +49 …"): a label
#: OCR misread ("Mob"), no part of a name, a title or a company, which print no such word
_MISREAD_LABEL = re.compile(r"[a-z]{1,3}[!|:;]")


def _before_labels(words: list[Word], cut: int) -> int:
    """`cut` moved back past the labels (and labels glued to their number's start, or misread) just before it,
    keeping at least two words."""
    while cut > 2 and (
        _starts_contact(words[cut - 1].text)
        or _GLUED_NUMBER.search(words[cut - 1].text)
        or _MISREAD_LABEL.fullmatch(words[cut - 1].text)
    ):
        cut -= 1
    return cut


#: a word that may be an email's local part: printed in lower case, unlike the words of a title
_LOCAL_PART = re.compile(r"[a-z0-9][a-z0-9._%+-]*")


def _label_before_words(words: list[Word], i: int) -> bool:
    """A label word followed by words, not by what a label labels: part of a name or title before the contact part
    ("Associate Office Manager mob. +61 …", "Kevin M. Wright, Jr. kevin.wright @…": "Office" and "M." start no number
    there). What a label labels starts with a digit, "+", "(" or "@", or holds an "@", a dot or a slash."""
    # (a separator between a label and its number, "Mob | +61 …", is passed over)
    rest = [w.text for w in words[i + 1 :] if any(c.isalnum() or c in "+(@" for c in w.text)]
    word = words[i].text
    if not re.fullmatch(r"[^\W\d_]+[:.|'’]?", word) or re.match(r"(?:https?|www)\b", word, re.I) or not rest:
        return False  # (a "www" or "http" starts a web address, whatever follows it)
    after = rest[0]
    return not (re.match(r"[+(\d@]", after) or re.search(r"[@./]", after) or _starts_contact(after))


def leading_text(line: TextLine) -> TextLine | None:
    """The words before an email, URL or labelled number on a line, as a line of their own, or None."""
    words = list(line.words)
    starts = (i for i, w in enumerate(words) if _starts_contact(w.text) and not _label_before_words(words, i))
    cut = next(starts, len(words))
    if 0 < cut < len(words) and words[cut].text.startswith("@") and _LOCAL_PART.fullmatch(words[cut - 1].text):
        cut -= 1  # an email's local part OCR set apart from its "@domain" ("george_hughes @westbrook.com")
        while cut > 0 and _LOCAL_PART.fullmatch(words[cut - 1].text) and words[cut - 1].text[-1] in "._-":
            cut -= 1  # and split itself ("ayse. bauer @...")
    if cut < 2 or cut == len(words):
        return None
    cut = _before_labels(words, cut)
    if cut > 2 and len(words[cut - 1].text) >= 3 and words[cut - 1].text.lower().strip(":.|") in LABELS:
        cut -= 1  # a label OCR misread into another ("Celi" of "Cell") just before its number
    return _part_of(line, words[:cut])


_URL_OR_EMAIL = re.compile(r"@|^(?:https?:|www\.)|linkedin|\.(?:com|org|net|io|de|uk|fr|au|ca|in|jp)\b", re.I)


def trailing_text(line: TextLine) -> TextLine | None:
    """The words after the last email or URL on a line, as a line of their own, or None."""
    words = list(line.words)
    last = max((i for i, w in enumerate(words) if _URL_OR_EMAIL.search(w.text)), default=-1)
    if last < 0 or len(words) - last - 1 < 2:
        return None
    return _part_of(line, words[last + 1 :])


def text_before_url(line: TextLine) -> TextLine | None:
    """The words before the first email or URL on a line, as a line of their own, or None."""
    words = list(line.words)
    first = next((i for i, w in enumerate(words) if _URL_OR_EMAIL.search(w.text)), 0)
    if first < 2:
        return None
    return _part_of(line, words[:first])


#: the letter each digit is a look-alike of, in a local part where letters are printed
_DIGIT_LETTERS = str.maketrans("0125689", "olzsbbg")
#: (printed, read) look-alikes, in a fixed order: what a letter or two of a local part may have been printed as
_SWAPS = sorted(CONFUSIONS)


def confirm_with_name(hit: EmailHit, name: PersonName | None) -> EmailHit:
    """Fix one look-alike OCR slip in the local part (i/l, c/e, ri/n, ...) when the printed name proves it.

    "itaylor@" under "Lily Taylor" is "ltaylor@", "meampbell@" under "Mei-Ling Campbell" "mcampbell@":
    only a swap that makes the local part agree with the name where it did not before is made, and the
    result is marked as repaired (and less sure). Failing a look-alike, any one letter inside a word of a local
    part of eight or more ("mitchell_jonex@" under "Mitchell Jones") is mended too, and sent to review.
    """
    if name is None or not name.given or not name.family:
        return hit
    local, domain = hit.email.rsplit("@", 1)
    tokens = [name.given, name.family]
    if email_agreement(tokens, [local]) >= 0.9:
        return hit
    # "20ejohnson-smith@" under "Zoe Johnson-Smith": digits read for the letters they look like, in review
    # (a dot may have been lost with them)
    spelled = re.sub(r"\d+(?=[a-z])", lambda m: m[0].translate(_DIGIT_LETTERS), local, flags=re.I)
    if spelled != local and email_agreement(tokens, [spelled]) >= 0.9:
        conf = round(min(hit.confidence, EMAIL_DISAGREES_CONF), 3)
        return replace(hit, email=f"{spelled}@{domain}", confidence=conf, repaired=True)
    # the given or the family name alone, spelled exactly ("nuna@" under "Nuria Vidal" is "nuria@"), or the
    # two together; a doubled letter read as one ("charlote@" under "Charlotte Wood") counts as a look-alike
    parts = {letters_only(t).lower() for t in tokens}
    doubled = [(c + c, c) for c in sorted(set(local.lower())) if c.isalpha()]
    for i in range(len(local)):
        for printed, read in [*_SWAPS, *doubled]:
            if local.lower().startswith(read, i):
                fixed = local[:i] + printed + local[i + len(read) :]
                # (a doubled letter only to spell a name part: "clementt" would pass for "Clément T.")
                agrees = email_agreement(tokens, [fixed]) >= 0.9 and (printed, read) not in doubled
                if agrees or fixed.lower() in parts:
                    conf = round(min(hit.confidence, 0.7), 3)
                    return replace(hit, email=f"{fixed}@{domain}", confidence=conf, repaired=True)
    # "irra.oconnor@" under "Kirra O'Connor", "arah@" under "Sarah Wood": the first letter lost at the edge of the
    # line; "luciaamunoz@" under "Lucia Muñoz": the dot between the two names read as a letter (in review)
    edge = [t[0].lower() + local for t in tokens if letters_only(t)]
    given, family = (letters_only(t).lower() for t in tokens)
    dotted = [f"{given}.{family}"] if re.fullmatch(rf"{given}[a-z]{family}", local.lower()) else []
    for fixed in [*edge, *dotted]:
        if email_agreement(tokens, [fixed]) >= 1.0 or fixed.lower() in parts:
            conf = round(min(hit.confidence, EMAIL_DISAGREES_CONF), 3)
            return replace(hit, email=f"{fixed}@{domain}", confidence=conf, repaired=True)
    # "mitchell_jonex@" under "Mitchell Jones": one letter that is no look-alike, inside a word of a local part
    # long enough that the name it spells all but that letter is surely the one meant (never an initial:
    # "j.smith@" under "Avery Smith" may be another person's); the likelier reading, in review
    if len(local) >= 8:
        for i, ch in enumerate(local):
            word = re.split(r"[._-]", local[: i + 1])[-1] + re.split(r"[._-]", local[i:])[0][1:]
            if not ch.isalpha() or len(word) < 4:
                continue
            for letter in sorted(set(letters_only("".join(tokens)).lower()) - {ch.lower()}):
                fixed = local[:i] + letter + local[i + 1 :]
                if email_agreement(tokens, [fixed]) >= 0.9:
                    conf = round(min(hit.confidence, EMAIL_DISAGREES_CONF), 3)
                    return replace(hit, email=f"{fixed}@{domain}", confidence=conf, repaired=True)
    # the name all but one slip that no mend above undoes: one of the two readings is wrong (digits after the name,
    # "ginevra.deluca93@", are no slip, nor a letter the comparison cannot spell: "Yılmaz")
    spellable = all(len(letters_only(t)) == sum(c.isalpha() for c in t) for t in tokens)
    if spellable and email_agreement(tokens, [re.sub(r"\d+$", "", local)]) == 0.8:
        return replace(hit, confidence=round(min(hit.confidence, EMAIL_DISAGREES_CONF), 3))
    return hit


#: confidence of the phones when an office number's area code serves another state than the address's
AREA_ELSEWHERE_CONF = 0.5


def elsewhere(hit: PhoneHit, region: str) -> bool:
    """An office or fax number whose area code serves another state or province than the card's address
    ("Salt Lake City, UT" beside "(601) 624-9458", Mississippi's): most likely a digit misread ("801"). A mobile
    number may come from anywhere, so it says nothing."""
    served = area_regions(hit.phone.number)
    return hit.phone.type in ("work", "fax") and bool(region) and bool(served) and region not in served


_POST_TOWNS = frozenset(UK_POST_TOWNS.values())
#: area codes that serve several post towns, named after one of them ("0191": Tyneside, Sunderland and Durham)
_TYNESIDE = frozenset({"Durham", "Newcastle upon Tyne", "Sunderland"})
_AREA_SHARED = dict.fromkeys(_TYNESIDE, _TYNESIDE)


def other_town(hit: PhoneHit, city: str) -> bool:
    """A British office or fax number whose area code is another post town's than the address's ("Office: +44 20
    2927 2426", London's, on a Cardiff card): a digit misread ("29"). Only towns both named as post towns."""
    place = area_place(hit.phone.number) if hit.phone.number.startswith("+44") else ""
    towns = _AREA_SHARED.get(place, frozenset({place}))
    return hit.phone.type in ("work", "fax") and place in _POST_TOWNS and city in _POST_TOWNS and city not in towns


#: confidence of a LinkedIn profile name with letters and digits mixed after the person's name
ODD_SLUG_CONF = 0.5


def odd_slug_tail(slug: str, name: PersonName) -> bool:
    """ "kandersonie4" under "Kirra Anderson": after the name it spells, a profile name carries digits ("164") or
    nothing; letters mixed in with them are digits OCR read as look-alikes (1 as i, 6 as e). A part of its own
    after a hyphen ("john-smith-1a2b3c") is LinkedIn's own and is left alone."""
    parts = [letters_only(t).lower() for t in (name.given, name.family) if len(letters_only(t)) >= 3]
    for segment in slug.lower().split("-"):
        ends = [segment.find(p) + len(p) for p in parts if p in segment]
        rest = segment[max(ends) :] if ends else ""
        if rest and any(c.isdigit() for c in rest) and any(c.isalpha() for c in rest):
            return True
    return False


def _dash_for_dot(hit: EmailHit, name: PersonName | None) -> EmailHit:
    """ "p-kowalski@" under "Paul Kowalski" -> "p.kowalski@": an initial joined to the family name by a hyphen,
    where addresses almost always have a dot, which OCR reads as one; the likelier reading, in review."""
    given, family = (letters_only(name.given), letters_only(name.family)) if name else ("", "")
    local, _, domain = hit.email.partition("@")
    if given and family and local.lower() == f"{given[0]}-{family}".lower():
        dotted = f"{local[0]}.{local[2:]}@{domain}"
        return replace(hit, email=dotted, confidence=min(hit.confidence, EMAIL_DISAGREES_CONF), repaired=True)
    return hit


_UMLAUTS = frozenset("äöüÄÖÜ")


def slug_from_name(url: str, name: PersonName) -> str:
    """The profile URL with the printed name's letters back where OCR read a look-alike in its profile name
    ("in/lachian-campbell" under "Lachlan Campbell", "in/Ifischer" under "Laura Fischer": an initial l read as I).
    A profile name that spells the name otherwise is left as it is."""
    bare = url.rstrip("/")
    slug = bare.rpartition("/")[2]
    parts = [letters_only(t).lower() for t in (name.given, name.family) if len(letters_only(t)) >= 3]
    if not parts or not slug:
        return url
    initial = parts[0][0] if letters_only(name.given) else ""
    segments = slug.split("-")
    for k, seg in enumerate(segments):
        low = seg.lower().rstrip("0123456789")  # "ikumar334": the digits LinkedIn added stay
        digits = seg[len(low) :]
        for part in parts:
            # (a length apart for two letters read as one: "hemandez" under "Hernandez")
            edits = ocr_edits(part, low) if abs(len(low) - len(part)) <= 1 and low != part else []
            # (an umlaut the profile name spells out, "jaeger" under "Jäger", is no misreading)
            if len(edits) == 1 and edits[0].plausible and edits[0].to not in _UMLAUTS:
                segments[k] = part + digits
                break
            # "Ifischer": the initial l before the family name read as its look-alike
            if initial == "l" and len(low) == len(part) + 1 and low[1:] == part and low[0] in "i1|":
                segments[k] = initial + part + digits
                break
            # "jjarrah-wilson" under "Jarrah Wilson": the given name's first letter read twice (the path's slash);
            # "kkobayashi" under "Kenji Kobayashi" is the initial and the family name
            if k == 0 and part == parts[0] and low == part[0] + part and len(parts) > 1 and parts[1] != part:
                segments[k] = part + digits
                break
            # "jjandre" under "Julien André": the initial read twice before the family name (never "kkobayashi"
            # under "Kenji Kobayashi": that is the initial and the family name)
            if k == 0 and initial and part == parts[-1] and low == initial * 2 + part and len(parts) > 1:
                segments[k] = initial + part + digits
                break
    mended = "-".join(segments)
    return url if mended.lower() == slug.lower() else bare[: -len(slug)] + mended + url[len(bare) :]


#: confidence of a company word with a mark over its capital that no model read as an accent
ACCENT_DOUBT_CONF = 0.5
#: countries that write French: a mark over a company word's capital E there is an acute accent
FRENCH_COUNTRIES = frozenset({"FR", "BE", "LU", "MC"})


def role_mailbox(hit: EmailHit) -> EmailHit:
    """ "into@yellowtail.ie" -> "info@yellowtail.ie": a local part one look-alike letter off exactly one role
    mailbox (info, sales, jobs...) of its length, or that mailbox with its first letter lost ("ontact@"), is that
    mailbox; a person's name is no such near miss."""
    local, _, domain = hit.email.partition("@")
    if local in ROLE_MAILBOXES or not local.isalpha():
        return hit
    near = [
        r for r in ROLE_MAILBOXES
        if len(r) == len(local) >= 4 and len(e := ocr_edits(r, local)) == 1 and e[0].plausible
    ]  # fmt: skip
    # or two look-alikes off a mailbox of five letters or more ("hetio@" of "hello@": each l read as t, as i)
    near = near or [
        r for r in ROLE_MAILBOXES
        if len(r) == len(local) >= 5 and len(e := ocr_edits(r, local)) == 2 and all(x.plausible for x in e)
    ]  # fmt: skip
    # or its first letter lost at the edge of the print ("ontact@"), of a mailbox long enough to be sure
    # ("nfo@": no mailbox but "info" ends so, and no one's address is "nfo")
    near = near or [r for r in ROLE_MAILBOXES if (len(r) >= 5 or r == "info") and r[1:] == local]
    # or a thin letter too many inside it, a speck or a stroke read as one ("inflo@")
    near = near or [
        r
        for r in ROLE_MAILBOXES
        if len(r) >= 4 and len(local) == len(r) + 1
        and any(local[k] in "iltfj" and local[:k] + local[k + 1 :] == r for k in range(1, len(local) - 1))
    ]  # fmt: skip
    return replace(hit, email=f"{near[0]}@{domain}", repaired=True) if len(near) == 1 else hit


#: a legal form only German-speaking countries use: the card is from one of them, whatever its domain's ending
_GERMAN_FORM = re.compile(r"\b(?:GmbH|KG|KGaA|e\.\s?V\.)(?!\w)")
#: a ß read as an 8 between small letters ("Wei8wald")
_ESZETT_AS_8 = re.compile(r"(?<=[a-zäöü])8(?=[a-zäöü])")
#: confidence of a name or company whose ü, read as "ii", was put back
UMLAUT_MENDED_CONF = 0.5


#: a name read at least this surely is not put in doubt by an email that misread it
NAME_SURE = 0.9


def spelled_by_name(read: EmailHit, mended: EmailHit, people: People, read_conf: float) -> bool:
    """The email's local part, read (at `read_conf`, its line's weakest word) a look-alike slip off a name read
    more surely and surely enough, was mended to spell it ("hugo.taure@" under "Hugo Faure" is "hugo.faure@"): the
    email was the misreading, and the name and the mended email no longer disagree."""
    if people.name is None or people.name_ocr < NAME_SURE or read_conf >= people.name_ocr:
        return False
    before, after = (h.email.rsplit("@", 1)[0].lower() for h in (read, mended))
    tokens = [people.name.given, people.name.family]
    return before != after and email_agreement(tokens, [after]) > email_agreement(tokens, [before])


def email_misread(people: People, read: list[EmailHit], mended: list[EmailHit], conf_of: dict[int, float]) -> bool:
    """The name and the email disagreed, and the email, read less surely than a surely read name, was mended to
    spell it ("rpatei@" under "Rory Patel" is "rpatel@"): the email was the misreading, not the name, which need not
    go to review for it (nor need the email, when a look-alike slip was all that was mended: `confirm_with_name`).
    Read as surely as each other, either may be wrong."""
    if people.name is None or people.name_check != "disagree" or people.name_ocr < NAME_SURE:
        return False
    tokens = [people.name.given, people.name.family]
    personal = [
        (a, b) for a, b in zip(read, mended, strict=True) if a.email.split("@")[0].lower() not in ROLE_MAILBOXES
    ]
    return (
        any(a.email != b.email for a, b in personal)
        and all(email_agreement(tokens, [b.email.split("@")[0]]) >= 0.7 for _, b in personal)
        and all(conf_of[a.line] < people.name_ocr for a, b in personal if a.email != b.email)
    )


#: confidence of an email with a lower-case word just before it: OCR may have cut its local part there
EMAIL_CUT_CONF = 0.5
_EMAIL_LABEL_WORDS = frozenset({"e", "email", "e-mail", "mail", "courriel", "correo"})


def _cut_local(hit: EmailHit, lines: list[TextLine]) -> bool:
    """True when "montserrat alvarez@brisa.es" or "j schaefer@…" was read: the word or initial before the
    address may belong to it (a label, "E:" or "email", does not)."""
    line = next((ln for ln in lines if ln.index == hit.line), None)
    m = _printed_local(hit, line) if line else None
    at = m.start() if m else -1
    if line is None or at <= 0 or line.text[at - 1] != " ":
        return False
    before = line.text[:at].split()
    word = _bang_as_l(before[-1]) if before else ""
    return word.isalpha() and word.islower() and word not in _EMAIL_LABEL_WORDS


def _bang_as_l(word: str) -> str:
    """ "rahu!" -> "rahul": an l read as "!" after a small letter (as in the address itself, `emails._repair`)."""
    return re.sub(r"(?<=[a-z])!", "l", word)


def _word_before(hit: EmailHit, lines: list[TextLine]) -> str:
    """The lower-case word just before the email on its line ("marta" of "Email: marta perez@levante.es"),
    when `_cut_local` says OCR may have cut the local part there; "" otherwise."""
    if not _cut_local(hit, lines):
        return ""
    line = next(ln for ln in lines if ln.index == hit.line)
    m = _printed_local(hit, line)
    return _bang_as_l(line.text[: m.start()].split()[-1]) if m else ""


def _printed_local(hit: EmailHit, line: TextLine) -> re.Match[str] | None:
    """Where `hit`'s local part stands on its line, as printed: OCR may have put spaces around the @ ("anais david @
    bellerive.com"), and the local part may have been mended since ("knshnan@" under "Anjali Krishnan")."""
    local = hit.email.rsplit("@", 1)[0]
    m = re.search(re.escape(local) + r"\s*@", line.text, re.I)
    if m is None:
        m = re.search(r"[\w.+'-]+(?=\s*@)", line.text)
        if m is not None and similarity(m.group().lower(), local.lower()) < 0.7:
            m = None
    return m


def join_cut_local(hit: EmailHit, lines: list[TextLine], name: PersonName | None) -> EmailHit:
    """ "marta perez@levante.es" under "Marta Perez": the dot between the name's two parts read as a space, so
    the email read is only "perez@". When the word before and the local part spell the printed name (or its
    initial and family name: "j schaefer@"), they are joined with a dot, the likeliest separator; the email keeps
    the doubt of a cut local part."""
    word = _word_before(hit, lines)
    if not word or name is None or not name.given or not name.family:
        return hit
    local, domain = hit.email.rsplit("@", 1)
    joined = f"{word}.{local}"
    plain = ["".join(fold(c) for c in t) for t in (name.given, name.family)]  # "Anaïs" as an address spells it
    if email_agreement(plain, [joined]) < 0.9 or email_agreement(plain, [joined]) <= email_agreement(plain, [local]):
        return hit
    email = normalise_email(f"{joined}@{domain}")
    return (
        hit
        if email is None
        else replace(hit, email=email, confidence=min(hit.confidence, EMAIL_CUT_CONF), repaired=True)
    )


#: an email whose local part spells the printed name differently: one of them is misread
EMAIL_DISAGREES_CONF = 0.55
#: an email read less surely than this goes to review when neither the card's name nor its company
#: bears it out: with nothing to check its letters against, a middling reading is a guess
EMAIL_UNCHECKED_SURE = 0.75


#: the confidence of emails whose every letter other lines read surely spell: two readings agree
EMAIL_CONFIRMED_CONF = 0.75
#: a local part spelled by the name's words this well (`email_agreement`) is spelled by the name: the whole name
#: ("leonardo.rossi"), or its initial and the other part ("s.chatterjee", "niklask"); one part alone ("becker") may be
#: what OCR left of "j.becker" after losing the start of the line
LOCAL_SPELLED = 0.9


def confirmed(emails: list[EmailHit], people: People, site: WebHit | None, lines: list[TextLine]) -> bool:
    """Every email is spelled by other lines read surely: its local part by the printed name ("leonardo.rossi@" under
    "Leonardo Rossi", "s.chatterjee@" under "Sneha Chatterjee": `LOCAL_SPELLED`; a role mailbox, "careers@", needs
    none), its domain by the company ("vela.it" beside
    "Vela SpA") or the website. A blurred email line reads unsurely, but two readings that agree letter by letter
    are seldom both wrong. The local part must be as printed ("marta perez@" may have been "marta_perez@"), and
    the name and company read, not mended from the email (those are less sure)."""
    sure = EMAIL_UNCHECKED_SURE
    name = people.name if people.name and people.name_conf >= sure else None
    company = letters_only(people.company).lower() if people.company and people.company_conf >= sure else ""
    site_host = host_of(site.value).lower().removeprefix("www.") if site and site.confidence >= sure else ""
    for h in emails:
        local, _, domain = h.email.rpartition("@")
        label = letters_only(registrable(domain)).lower()
        printed = re.sub(r"\s*@\s*", "@", next((ln.text for ln in lines if ln.index == h.line), "")).lower()
        # (a domain mended from the company, "haicyon" to "halcyon", is not spelled by it a second time)
        by_company = len(label) >= 3 and company.startswith(label) and label in letters_only(printed)
        spelled_domain = domain.lower() == site_host or by_company
        role = local.lower() in ROLE_MAILBOXES
        spelled_local = role or (
            name is not None and email_agreement([name.given, name.family], [local]) >= LOCAL_SPELLED
        )
        # the letters agree, but a dash the name lacks between them is as likely a misread dot ("padraig-oneill@")
        # (in review, the line is read again)
        spelled_local = spelled_local and ("-" not in local or name is None or "-" in name.full)
        # (the domain's letters as printed: its dots may have been lost, "vela it", but an ending mended from a
        # look-alike, "mistral.tr" to .fr, is spelled by nothing)
        as_printed = re.sub(r"[\W_]", "", domain.lower()) in re.sub(r"[\W_]", "", printed.partition("@")[2])
        if f"{local.lower()}@" not in printed or not as_printed or not (spelled_domain and spelled_local):
            return False
    return True


def site_confirmed(site: WebHit, people: People, emails: list[EmailHit], lines: list[TextLine], country: str) -> bool:
    """A website read unsurely whose every part something else on the card spells: its name, as printed on its
    line, by the company read surely ("dijkwerk.nl" under "Dijkwerk Mobility BV") or by an email's domain read
    surely on its own line; its ending by that email's domain, or as the card's country's own ("nl" for an address
    or numbers in the Netherlands). A path after the host ("/careers") is spelled by nothing, so it is not confirmed."""
    m = re.fullmatch(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+)/?", site.value.lower())
    if m is None:
        return False
    host = m.group(1)
    label = registrable(host)
    printed = re.sub(r"\s+", "", next((ln.text for ln in lines if ln.index == site.line), "")).lower()
    # as printed, and with no name before the organisation's ("w.nimbus.co.uk": a "www" misread); its dots may have
    # been lost after a "www", a scheme or a label ("https //sapphire uk/"), not after a stub ("yw sternwarte io")
    dotless = r"(?:^|[/:]|www[.,]?)" + re.escape(host).replace(r"\.", "[.,]?") + r"(?![a-z0-9])"
    as_printed = host in printed or re.search(dotless, printed) is not None
    if len(label) < 3 or not as_printed or host.split(".")[0] != label:
        return False
    sure = EMAIL_UNCHECKED_SURE
    by_email = any(
        h.confidence >= sure and h.line != site.line and h.email.rsplit("@", 1)[1].lower() == host for h in emails
    )
    company = letters_only(people.company).lower() if people.company and people.company_conf >= sure else ""
    by_company = company.startswith(letters_only(label)) and bool(country) and country_of_host(host) == country
    return by_email or by_company


def borne_out(email: str, name: PersonName | None, company: str | None) -> bool:
    """Something else on the card spells the same: the name in the local part, the company in the domain."""
    local, _, domain = email.rpartition("@")
    if name is not None and email_agreement(name.full.split(), [local]) >= 0.6:
        return True
    label = letters_only(registrable(domain).split(".")[0]).lower()
    org = letters_only(company or "").lower()
    return bool(label and org) and (label in org or org in label or similarity(label, org) >= 0.8)


#: a label with a few digits after it: the start of a number whose rest OCR lost
_LABELLED_DIGITS = re.compile(
    r"(?:^|[\s|/,;])(?:tel|t|phone|p|ph|mob|mobil|mobile|m|cell|c|fax|f|office|o|direct|d)\b\W{0,3}[+(]?\d{2,}", re.I
)


def _without_phones(line: TextLine, phones: list[PhoneHit]) -> str:
    """The line's text with the numbers read from it blanked out."""
    rest = line.text
    for hit in phones:
        if hit.line == line.index:
            rest = rest.replace(hit.phone.raw, " ")
    return rest


def _cut_number_left(line: TextLine, phones: list[PhoneHit]) -> bool:
    """True when a phone line still holds a labelled digit group no phone was read from ("M 0429 | T +61 …")."""
    return bool(_LABELLED_DIGITS.search(_without_phones(line, phones)))


_PHONE_SHAPED = re.compile(
    r"^\W*(?:tel|t|phone|p|ph|mob|mobile|m|cell|c|fax|f|office|o|direct|d|work|w)\b\W*[+(\d]|^\W*\+\d", re.I
)


def _looks_like_phone(text: str) -> bool:
    digits = sum(c.isdigit() for c in text)
    if _PHONE_SHAPED.search(text) and digits >= 5:
        return True
    # "0141 555 5206" with no label: a run of digits as long as a phone number is one, however unusual
    return digits >= 8 and digits >= 0.7 * sum(c.isalnum() for c in text)


#: a phone label and the start of a number, its rest unread: "Telefon +49 oe"
_LABEL_STUB = re.compile(r"\W*([^\W\d_]{2,})\W{0,2}\s*(?:\+\d{1,3}|\(?0\d{1,4}\)?)(?:\s+\S{1,3})?\s*")


def _label_stub(text: str) -> bool:
    m = _LABEL_STUB.fullmatch(text)
    return m is not None and m[1].lower() in LABELS


#: a phone's label at the start of a line, then what follows it
_LABEL_HEAD = re.compile(r"\W*([^\W\d_]+)\.?\s*[:|.]?\s*(.*)")


def _spaced_logo(untaken: list[TextLine], labels: list[str]) -> str | None:
    """The first word of the organisation's domain ("skyward" of skyward-mobility.com), five letters or more, in
    capitals, when a line no field took is read in three pieces or more whose letters hold it whole ("vals ky w A RD":
    a letter-spaced logo read in misread pieces); None otherwise. The likelier reading of the logo: the caller sends it
    to review."""
    # (a row's pieces together: OCR may part a logo's letters at a wide gap, "vals" | "ky w A RD")
    rows = [
        " ".join(o.text for o in sorted(untaken, key=lambda o: o.box.x) if abs(o.box.cy - ln.box.cy) < 0.5 * ln.height)
        for ln in untaken
    ]
    for text in rows:
        letters = letters_only(text).lower()
        if len(text.split()) < 3:
            continue
        for label in labels:
            word = label.lower().split("-")[0]
            if len(word) >= 5 and word.isalpha() and word in letters:
                return word.upper()
    return None


#: letters OCR reads a ß as, inside a word
_ESZETT_READS = "fFbB6g"


def eszett_from_domain(company: str, labels: list[str]) -> str:
    """ "Weifwald Capital KG" beside weisswald.de -> "Weißwald Capital KG": a word with one letter a ß is read as, where
    the organisation's domain (`labels`: "weisswald", "weisswald-capital") writes "ss", spelled with the ß; the company
    as it is otherwise."""
    names = {part for label in labels for part in label.lower().split("-")}
    words = company.split(" ")
    for k, word in enumerate(words):
        for i in range(1, len(word) - 1):
            if word[i] in _ESZETT_READS and (word[:i] + "ss" + word[i + 1 :]).lower() in names:
                words[k] = word[:i] + ("SS" if word.isupper() else "ß") + word[i + 1 :]
                break
    return " ".join(words)


def _bare_label(line: TextLine, phone_lines: list[TextLine]) -> bool:
    """ "Tel" alone on its line, no number read on its row (beside it in a column of numbers): the number printed
    after it was lost, or read apart from it ("65020" of "+49 40 65020" below)."""
    label = line.text.strip(" :.|")
    if len(label) < 3 or label.lower() not in LABELS:
        return False
    return not any(min(line.box.y2, p.box.y2) - max(line.box.y, p.box.y) > 0.5 * line.box.h for p in phone_lines)


def _labelled_digits(text: str) -> bool:
    """ "Direct t61 (0)g 7475", "mob: K628 8706": a phone's label, then six digits or more among a few misread
    letters, which gave no number: the card prints one OCR garbled."""
    m = _LABEL_HEAD.fullmatch(text)
    if m is None or m[1].lower() not in LABELS or len(m[1]) < 2 or "@" in text:
        return False
    digits = sum(c.isdigit() for c in m[2])
    return digits >= 6 and digits >= 0.6 * sum(c.isalnum() for c in m[2])


def garbled_number(line: TextLine, least: int = 6) -> bool:
    """ "Po +) Se 21.2074": a line read unsurely that is mostly digits, `least` or more: a number OCR garbled."""
    digits = sum(c.isdigit() for c in line.text)
    return line.conf < SURE_LEFTOVER and digits >= least and digits >= 0.5 * sum(c.isalnum() for c in line.text)


#: letters a garbled line needs to be a line of words, not specks
GARBLED_LETTERS = 5


def garbled_address(line: TextLine) -> bool:
    """A line read unsurely of words and fewer digits than letters, at least one, with no email and no profile in
    it: what OCR makes of an address's line, its house number or postcode among misread words ("7 1S Broad Dewe").
    (On 380 hard dev photos such a line was left over beside an empty address on 10 cards printing one and 4 not.)"""
    letters = sum(c.isalpha() for c in line.text)
    digits = sum(c.isdigit() for c in line.text)
    return (
        line.conf < SURE_LEFTOVER
        and letters >= GARBLED_LETTERS
        and 1 <= digits < letters
        and "@" not in line.text
        and not (mentions_linkedin(line.text) or _LINKEDIN_MISREAD.search(line.text))
        and not is_junk(line.text)
        and not ((m := _LABEL_HEAD.fullmatch(line.text)) and m[1].lower() in LABELS)  # a phone's, garbled
        and not _credential(line.text)
    )


def _credential(text: str) -> bool:
    """A word of the text is, or is near, one a card's credentials are printed with."""
    words = re.findall(r"[^\W\d_]{5,}", text.lower())
    return any(similar(w, known, CREDENTIAL_LIKE) for w in words for known in _CREDENTIAL_WORDS)


#: the words of a card's credentials, which print beside a number ("ISO/IEC 27001 certified", "Certified B
#: Corporation", "Award-winning employer 2023")...
_CREDENTIAL_WORDS = ("certified", "certification", "corporation", "accredited", "award", "winning", "employer")
#: ...and how near a garbled word comes to one of them ("cenified", "Corpcramn"; an address's words, garbled,
#: came at most 0.53 near on hard dev photos: "Francion")
CREDENTIAL_LIKE = 0.6


def poor_read(lines: list[TextLine]) -> bool:
    """True when most of the card's print came out as low-confidence fragments or not at all.

    Measured in letters and digits: a business card carries well over a hundred, and on a
    failed read they are either missing or sit in junk lines Tesseract was unsure of.
    """
    good = bad = 0
    for line in lines:
        n = sum(c.isalnum() for c in line.text)
        if is_junk(line.text) or line.conf < 0.6:
            bad += n
        else:
            good += n
    return good < 15 or bad >= good


#: fields nearly every business card prints: when one is empty, the user should look at the photo
#: (an interviewer's card without an email is rare, 7 of the 90 benchmark cards; one without a phone less
#: so: the real Veryfi card prints none)
ALWAYS_PRINTED = ("name", "emails")
#: fields many cards lack (a title, a department, a website, an address): an empty one is no cue even on a
#: failed read, or every card without them would be sent to review (but see the website's cue below)
OFTEN_ABSENT = frozenset({"title", "department", "website", "linkedin", "address"})
#: an email-shaped or web-labelled text that gave no address: the card has one OCR garbled
_UNREAD_EMAIL = re.compile(r"\w\s?[@©®]|[@©®]\s?\w")
#: an email's label left with no address after it
_EMAIL_LABEL = re.compile(r"^\W*e-?mail\W*$", re.I)
#: capitals spaced out as a logo prints them, three or more, a pair among them where OCR joined two
_SPACED_LOGO = re.compile(r"(?:[A-Z]{1,2} ){2,}[A-Z]{1,2}")
#: the same shape made of contact labels only ("T M E" of a column of labels)
_ONLY_LABELS = re.compile(r"(?:[TMEFWPO] ){2,}[TMEFWPO]")
_UNREAD_WEB = re.compile(
    r"^\W*(?:w|web|website|url)\s*[:.|]|^\W*webs?\s+\w|\bw{2,4}\s?[.,]\s?\w|\bhttps?\b"
    # garbled: "Webs Rewert ct", "Nitps /tejas", "Nttps /Nwww", "tp //ewe", "wwwnimbus-biotech", "wwe wana"
    r"|\b[a-z]{0,3}tps?\s?:?\s?//?|\w\s?//|\bwww\w|\bww[we]\s+\w{3}"
    # "Nttps rmetral tr", "Dttps 6 dar worst": an https with its first letter and slashes misread, or lost
    # ("ttps:] [nw contoso com")
    r"|\b[A-Za-z]?ttps\b"
    # a domain's ending before the path's slash, ending the line ("W hips/ipnsm com/"); a "www" read with one w
    # before a name and an ending ("‘wee Ametc com")
    r"|\bcom/\s*$|\bw[we]{1,2}\s+\w{3,}\s+(?:com|net|org|io)\b",
    re.I,
)
#: a line starting with two to four w's and a space or a dot, then a word: a web address, however misread after
_WWW_START = re.compile(r"^\W*w{2,4}[\s.,]+\S{3,}", re.I)
#: ...its w's read with a letter glued before or after ("Ewww onyxio", "wwu quanlir-technpologies com.au"), or
#: standing apart after a misread "https" ("Nps ww afC-en-Caet Com")
_WWW_MISREAD = re.compile(r"^\W*[a-z]?w{2,4}[a-z]?[\s.,]+\S{3,}|\sw{2,4}\s+\S{3,}", re.I)
#: LinkedIn's name misread further than `mentions_linkedin` allows: its "li" lost or misread ("hnkedin. convin",
#: "nkedn COmMinDQen"), glued to a "www" ("wwwlinkedin comän/mguyen"), or its "in" lost ("Linked Sittps")
_LINKEDIN_MISREAD = re.compile(r"nkedi?n|linkedin|\blinked\b|\bcom\s?[/|]?in\s?/?\s?[a-z]{3,}", re.I)
#: a web address's path after a garbled host ("m ewe com/eondingarr"), or LinkedIn's mark read as a word before one
_PROFILE_PATH = re.compile(r"\bcom\s?/\s?[a-z]{3,}|^\W*[il]?[nm][.:|]?\s+\S+\s+com", re.I)
#: a word or three in capitals on a line of its own, no field's: a logo in plain type ("WESTBROOK")
_CAPS_LOGO = re.compile(r"[A-Z][A-Z&'-]{2,}(?: [A-Z][A-Z&'-]+){0,2}")
#: a street's name whose house number was lost ("rand Canal Square" of "17 Grand Canal Square") or misread as a
#: letter or two ("M Queen Street" of "34 Queen Street")
_STREET_NAME = re.compile(
    r"^\W*(?:[A-Za-z0-9]{1,2} )?(?:[A-Za-z][a-z]+ ){1,3}(?:Street|Road|Avenue|Square|Lane|Drive|Boulevard|Place|Quay)$"
    # ...or named after a street word that comes first ("LBS rue Sainte Cathenne" of "185 rue Sainte-Catherine")
    r"|(?:^|\s)(?i:rue|avenue|boulevard|quai|allée|calle|avenida|paseo|via|viale|piazza|corso|avinguda|carrer|rua)\s+(?!(?i:linkedin))"
    r"(?:(?:de|du|des|la|le|del|di|della|dei)\s+)?[A-Z][a-zà-ÿ]{2,}"
)
#: a Spanish or Portuguese floor ("2ª planta", its ordinal sign lost: "Gran Via 119, 2 planta"): an address's line
_FLOOR = re.compile(r"\b\d{1,2}\s?[ªºoa]?\s+(?:planta|piso|andar)\b", re.I)
#: an Indian PIN code on a line of its own ("560517" under "Bengaluru", its dash lost): an address is printed
_BARE_PIN = re.compile(r"\s*[1-9]\d{2}\s?\d{3}\s*")
#: a web address in lower case with its dots read as spaces ("ween wallow in"), or as "! " ("ordta! com"), its ending
#: a domain's
_UNDOTTED_WEB = re.compile(r"^\W*(?:[a-z0-9-]+!?\s+){1,3}(?:com|net|org|io|in|de|co|uk|fr|au|ca|es|it|nl|ie|ch)\W*$")
#: a web address's start, wherever it stands on a line ("https", "www", or an "https" misread before its slash),
#: and a name after it
_WEB_INSIDE = re.compile(r"(?:\bhttps?\b|\bwww\b|\b[a-z]{0,3}tps?\s?:?\s?/)\W*[a-z]{3,}", re.I)
#: a line ending in a domain's two-part ending, its name garbled ("feu Com.au" of "www.nexus.com.au")
_WEB_ENDING = re.compile(r"\b(?:com|co|net|org|gov|ac|edu)\.[a-z]{2}\W*$", re.I)
#: a house number and a word or two, however misread the street word ("89 Pla Svest", "238 ainge ins")
_STREET_SHAPED = re.compile(r"^\W*\d{1,5}[a-z]?,?\s+[^\W\d_](?:['’]?[^\W\d_])+(?:\s+\S+)*$", re.I)


def street_shaped(line: TextLine) -> bool:
    """A line shaped like a street line with its street word misread: a house number, then words.
    Only a cue where an address is missing its street: "24 Hour Service" has the same shape."""
    letters = sum(c.isalpha() for c in line.text)
    shaped = bool(_STREET_SHAPED.match(line.text)) and letters >= 5 and not _looks_like_phone(line.text)
    return shaped and re.search(r"@\s?[a-z0-9]", line.text) is None  # "175 Orchard Beat @RRR" ("#35-03") is one


#: a leftover line read at least this surely is text the card prints, not specks of a failed read
SURE_LEFTOVER = 0.6
#: words only, no contact marks (an email or web line read badly is that field's business, not the address's)
_PLAIN_WORDS = re.compile(r"[^\W\d_]{2,}(?:[ ,'-]+[^\W\d_]+)*")


def _surely_words(line: TextLine) -> bool:
    return (line.conf or 0.0) >= SURE_LEFTOVER and sum(c.isalpha() for c in line.text) >= 2


#: a leftover line of plain words read at least this surely is a tagline ("Quality without compromise")
SURE_TAGLINE = 0.85


#: a name in lower case, then a space and a bare domain: an email whose "@" was read as a letter or a bracket ("elisa
#: Sdrightline.it", "athompsong) shy ward.com"), which the website may have taken
_AT_LOST = re.compile(rf"(?<![\w.@/:-])[a-z][a-z0-9._-]+[)\]}}]?\s[A-Za-z0-9][\w-]*(?:\s[\w-]+)?\.(?:{TLD_ALT})\b")


def _at_lost(line: TextLine) -> bool:
    """The line reads like an email whose "@" OCR lost (`_AT_LOST`), and not like a web address or an email."""
    text = line.text
    return "@" not in text and "www" not in text.lower() and "http" not in text.lower() and bool(_AT_LOST.search(text))


#: the words a department line is named by, which a misread one still spells nearly
_DEPT_WORDS = ("department", "abteilung", "département", "departamento")
#: how near a word comes to one of them (`similarity`: "Oepartmer" 0.737, "Deparment" 0.95, "parliament" 0.70)
DEPT_LIKE = 0.73
#: words as near that are no department's
_NOT_DEPT = frozenset({"apartment", "apartments", "departure", "departures", "departed", "repayment", "compartment"})


def _dept_word_misread(text: str) -> bool:
    """A word of the text is a department's word misread (not spelled right: then people.py took the line)."""
    words = (w.lower() for w in re.findall(r"[^\W\d_]{7,}", text))
    return any(
        w not in _DEPT_WORDS and w not in _NOT_DEPT and max(similarity(w, d) for d in _DEPT_WORDS) >= DEPT_LIKE
        for w in words
    )


def _accounted_for(line: TextLine) -> bool:
    """A leftover line that hides no field: specks (under three letters or digits: an icon, a rule) or plain
    words read surely (a tagline)."""
    if sum(c.isalnum() for c in line.text) < 3:
        return True
    return (line.conf or 0.0) >= SURE_TAGLINE and _PLAIN_WORDS.fullmatch(line.text.strip()) is not None


def _missing_but_expected(
    lines: list[TextLine],
    untaken: list[TextLine],
    has: set[str],
    org_domains: list[str],
    poor: bool,
    missed_phone: bool,
) -> set[str]:
    """Empty fields the card probably has, by a cue elsewhere on it: worth a look at the photo."""
    out = {f for f in ALWAYS_PRINTED if f not in has}
    # a card read with nothing left over but specks and taglines prints no email: an email OCR garbled is left
    # over (no other field takes it). (Not so a name: a misread one is taken for a company or a title.) Only on a
    # card that shows a website or an address: one that shows neither may have lost its email line with them.
    if all(map(_accounted_for, untaken)) and {"website", "address"} & has and not any(map(_at_lost, lines)):
        out.discard("emails")
    # an organisation's email names a company; and a card with neither a name nor a company read lost one
    if org_domains or "name" not in has:
        out.add("company")
    if poor:
        out |= set(FIELDS) - OFTEN_ABSENT  # most of the card was not read: any usual field may be on it
    if not {"emails", "phones"} & has:
        # the contact block was lost (no email, no phone): a web address printed in it was lost with it (on 700
        # hard dev photos such a card's empty website was printed on 29 of them and on 17 not)
        out.add("website")
    if missed_phone:
        out.add("phones")
    if any((_UNREAD_EMAIL.search(ln.text) and not _WWW_START.match(ln.text)) or _EMAIL_LABEL.match(ln.text)
           for ln in untaken):  # fmt: skip
        out.add("emails")
    # a logo's letters spaced out, read only in part ("O N DI" of "O N D I N E"): the company's name is there
    if any(_SPACED_LOGO.fullmatch(ln.text.strip()) and not _ONLY_LABELS.fullmatch(ln.text.strip()) for ln in untaken):
        out.add("company")
    if any(_CAPS_LOGO.fullmatch(ln.text.strip()) and sum(c.isalpha() for c in ln.text) >= 4 for ln in untaken):
        out.add("company")
    # (an "@" is an email's, unless the line starts as a web address does: "WW N@KUS. Uk", an "e" read as an "@")
    if any((_UNREAD_WEB.search(ln.text) or _UNDOTTED_WEB.match(ln.text) or _WWW_START.match(ln.text)
            or _WWW_MISREAD.search(ln.text))
           and ("@" not in ln.text or _WWW_START.match(ln.text))
           and not mentions_linkedin(ln.text) for ln in untaken):  # fmt: skip
        out.add("website")
    if any(_spells_domain(ln.text, org_domains) or (_WEB_ENDING.search(ln.text) and "@" not in ln.text)
           for ln in untaken):  # fmt: skip
        out.add("website")
    # a web address run into a line another field took ("Senior Recruiter W: hitps/ www mmeridian-energy jo")
    if any(_WEB_INSIDE.search(ln.text) and "@" not in ln.text
           and not (mentions_linkedin(ln.text) or _LINKEDIN_MISREAD.search(ln.text)) for ln in lines):  # fmt: skip
        out.add("website")
    # "LinkedIn:" printed with the profile path lost, or the name itself misread ("www .linkodin com/fe/…"), on a
    # line of its own or on one another field took ("knkedin.com/n/lorenzo-fabbn270" taken for the website, a
    # profile path run into the address above it)
    if any(mentions_linkedin(ln.text) or _LINKEDIN_MISREAD.search(ln.text) for ln in lines):
        out.add("linkedin")
    # ...or garbled past that, a line no field took that still shows a profile's path ("! bakodbn com/aAthbompson") or
    # starts with the "in" of LinkedIn's mark before a ".com" ("in inredh comankatharins-schaefer")
    if any(_PROFILE_PATH.search(ln.text) for ln in untaken):
        out.add("linkedin")
    # a street line left over: the card prints an address whose city line was not recognised; and so does a
    # country's name on a line of its own ("India" under two lines OCR garbled)
    if any(looks_like_street(ln) or street_shaped(ln) or country_line(ln.text) or garbled_city_line(ln.text)
           or _STREET_NAME.search(ln.text) or _BARE_PIN.fullmatch(ln.text) or _FLOOR.search(ln.text)
           for ln in untaken):  # fmt: skip
        out.add("address")
    # ...and so does a garbled line of words and a number or two ("7 1S Broad Dewe", "San Francion, CA $4100")
    if any(garbled_address(ln) for ln in untaken):
        out.add("address")
    return out - has


#: a "www" read as a short word with a w in it ("wan", "yw", "ww")
_WWW_STUB = re.compile(r"[a-z]{0,2}w[a-z]{0,2}", re.I)


#: the endings of web addresses a garbled one most often keeps ("[nnn .contoso com")
_WEB_ENDINGS = frozenset({"com", "net", "org", "io"})


def _spells_domain(text: str, domains: list[str]) -> bool:
    """A line spelling an organisation's domain as a web address does, garbled past reading: the domain's name
    with more run on (its ending, "embertyo" for emberly.io), after a stub of "www" ("wan embertyo"), or before
    a web ending set apart ("[nnn .contoso com"; not after a word: "Careers bluepeak com" is an email's)."""
    words = [w for w in re.split(r"[\s.,]+", text.strip()) if w]
    for domain in domains:
        label = registrable(domain)
        if len(label) < 4:
            continue
        for i, word in enumerate(words):
            head = letters_only(word).lower()[: len(label)]
            if similarity(head, label) >= 0.8 and (len(letters_only(word)) > len(label) or (
                    i > 0 and _WWW_STUB.fullmatch(words[i - 1])) or (
                    i + 1 < len(words) and words[i + 1].lower() in _WEB_ENDINGS
                    and (i == 0 or len(letters_only(words[i - 1])) < 4))):  # fmt: skip
                return True
    return False


#: how near a leftover line's letters come to the rest of a domain to spell it ("Heaith" for "health")
REST_LIKE = 0.7


def _rest_of_domain_beside(company: str, domains: list[str], untaken: list[TextLine]) -> bool:
    """The company spells only the start of an organisation's domain ("Belle Rive" of bellerive-health.io), and a
    line no field took spells the rest ("Heaith"): a word of the company, stacked under it, misread and left out."""
    name = letters_only(company).lower()
    for domain in domains:
        label = letters_only(registrable(domain)).lower()
        rest = label[len(name) :]
        spelled = any(similar(letters_only(ln.text).lower(), rest, REST_LIKE) for ln in untaken)
        if len(name) >= 3 and label.startswith(name) and len(rest) >= 4 and spelled:
            return True
    return False


#: letters a part of the title's line needs to be words of print, not specks
PART_LETTERS = 5


def _part_beside(line: TextLine | None, taken: list[str]) -> bool:
    """The title's line holds another part, split off at a bar or a dash, that no field took, of words read as
    print ("Chief Marketing Officer | Globa! Recnucting"): a department OCR misread."""
    if line is None:
        return False
    for part in split_parts(line.text):
        if any(part in t or t in part for t in taken) or "@" in part or _looks_like_phone(part):
            continue
        if sum(c.isalpha() for c in part) >= PART_LETTERS and not is_junk(part):
            return True
    return False


#: a legal form on the line under the company's, read at least this surely, is joined to it out of review
SURE_FORM = 0.85
#: how near a misread word comes to a word companies are named with ("Consuiting" for "consulting")
ORG_WORD_LIKE = 0.8


def _company_goes_on_below(below: TextLine | None) -> bool:
    """The leftover line under the company's (`_leftover_below`) carries its name on: a word or two, the first a
    legal form or a word companies are named with, however misread ("Pvt. Led.", "Consuiting")."""
    words = below.text.split() if below is not None else []
    if not words or sum(any(c.isalpha() for c in w) for w in words) > 2:
        return False  # a tagline or a garbled stretch, not a logo's second line
    first = words[0].lower().strip(".,:;")
    return only_legal_form(words[0]) or any(similarity(first, w) >= ORG_WORD_LIKE for w in ORG_NAME_WORDS)


def _leftover_below(above: TextLine | None, untaken: list[TextLine]) -> TextLine | None:
    """A line of print just under `above`, in its column (left-aligned or centred), that no field took.
    Under the name that is where the title goes, under the title the department: one OCR misread
    ("Projektlei", "Prostuct Dougn") or could not read at all. (Measured: flagging these costs no right
    field on the benchmark; a tagline right under a name or a title is rare.)"""
    if above is None:
        return None
    for ln in untaken:
        gap = ln.box.y - above.box.y2
        letters = sum(c.isalpha() for c in ln.text)
        aligned = min(abs(ln.box.x - above.box.x), abs(ln.box.cx - above.box.cx)) < 2 * above.height
        # a box may overlap the line above a little: OCR draws some boxes too tall
        near = -0.5 * above.height <= gap < 1.5 * above.height
        if near and aligned and letters >= 5 and not is_junk(ln.text):
            return ln
    return None


_EDGE_PUNCT = ".,;:|()'\"‘’"
#: a word OCR was this unsure of makes its whole field doubtful, however sure the neighbours were
WEAK_WORD_CONF = 0.6


#: tokens of this many letters and digits or fewer are matched to whole words only
SHORT_TOKEN = 3


def _alnum(text: str) -> str:
    return "".join(c for c in text if c.isalnum())


def weakest_word(tokens: list[str], words: list[Word]) -> float | None:
    """The lowest OCR confidence among the printed words a field's value came from (None: unknown).

    Each token of the value is matched to the surest OCR word that carries it, so a word printed
    twice ("Street" in a tagline and an address) does not make the field look worse than it is. A token
    of two or three letters is carried only by a word of its own letters: many longer words hold it
    ("se", read at 0.47 in "1st Ave se NE", is in "Researcher").
    """
    worst: float | None = None
    for token in tokens:
        letters = _alnum(token)
        if len(letters) < 2:
            continue  # "&", "|", initials: too short to match one word for sure
        confs = [
            w.conf
            for w in words
            if w.conf is not None
            and (
                _alnum(w.text) == letters
                if len(letters) <= SHORT_TOKEN and letters.isascii()  # (kanji: a word of two is a word)
                else token in w.text or (len(w.text) > 2 and w.text in token)
            )
        ]
        if confs:
            worst = max(confs) if worst is None else min(worst, max(confs))
    return worst


#: fields whose words' own confidence tells a misread; a logo's letters ("~CONTOSO") and a styled
#: domain or number read right at low confidence too often to count
_WORD_CHECKED = frozenset({"name", "title", "department", "address"})
_TEXT_FIELDS = frozenset({"name", "title", "department", "company", "address"})
#: confidence of a text field with a character its kind never prints ("Sta}f", "‘Batument")
ODD_TEXT_CONF = 0.5
#: a title or department of role and area words only is read right however unsure OCR was of its words (measured
#: on hard dev photos: 26 right ones out of review, no wrong one): a misread word seldom lands on another such word
ROLE_WORDS_CONF = 0.65
#: a name read less surely than this is more likely junk than a name (on the benchmarks, no name read
#: right was below 0.4; the one below 0.25 was a logo's swirl): it is left empty, in review, not guessed.
#: Titles and companies keep theirs: a role line can be right on a line of low OCR confidence
GUESS_CONF = GUESSED_NAME
#: characters no name, title, company or address prints, but OCR makes of specks and accents
_ODD_CHAR = re.compile(r"[^\w\s.,'’&/()#+|@〒・（）-]")
#: an apostrophe with no letter after it, but for a plural's ("Mistral Bar’ SAS": a speck read as one; "Smiths’")
_LOOSE_APOSTROPHE = re.compile(r"(?<![sS])['’](?![^\W\d_])")
#: "40011 st Ave" for "4001 1st Ave": an ordinal suffix standing alone after a number was cut off it
#: "wn Research Scientist": a short lower-case fragment (a speck's reading) before capitalised print,
#: or a field opening on a joining sign ("& Culture"): its first half went elsewhere
_STRAY_HEAD = re.compile(r"^(?:[a-z]{1,3} (?=[A-Z])|[&/,+-])")
#: "Founder &": a title or name cannot end on a joining word; the rest of it did not read
_CUT_TAIL = re.compile(r"(?:[&/,+-]|\b(?:and|of|for|und|et|de))$", re.I)
#: (lower case only: "115 St Vincent Street" is a saint); and "7 planta" for "7ª planta": a Spanish or
#: Portuguese floor is never printed without its ordinal sign
_SPLIT_ORDINAL = re.compile(r"\b\d+ (?:st|nd|rd|th)\b|\b\d+ (?i:planta|piso|andar)\b")


#: a name whose letters spell the card's email domain's name ("CO NTOSO" over "chris smith@contoso LN") is the
#: company's logo read as a name: this sure at most
NAME_IS_DOMAIN_CONF = 0.3


#: how near the company's first word comes to the organisation's domain to be that name misread ("Mosak" ~ mosaic
#: 0.73, "Qrovar" ~ sarovar 0.77); a nearer one `misspells_domain` has found already
FIRST_WORD_LIKE = 0.7


def _first_word_off_domain(company: str, domains: list[str]) -> bool:
    """The company's first word is not the name its email and website agree on ("Mosak Co" beside mosaic.com and
    k.lewis@mosaic.com) but nearly spells it: one of the two is misread, and two readings of the domain agree."""
    words = company.split()
    first = "".join(c for c in words[0].lower() if c.isalpha()) if words else ""
    labels = [d.split("-")[0].lower() for d in domains if d]
    if len(first) < 4 or not labels or len(set(labels)) != 1 or len(labels) < 2:
        return False
    label = labels[0]
    # the domain writes "ue" for "ü", or drops the accent ("Löwenzahn" ~ loewenzahn, "Écume" ~ ecume)
    spelled = {first, strip_accents(first), first.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")}
    plain = strip_accents(first)
    if small_print_slip(company, [label]):
        return False  # the domain's small print misread ("ironciad" beside "Ironclad"), not the logo
    dotless = label.replace("ae", "a").replace("oe", "o").replace("ue", "u")  # "Lowenzahn": its umlaut's dots lost
    return (
        label not in spelled
        and dotless not in spelled
        and abs(len(plain) - len(label)) <= 2
        and similarity(plain, label) >= FIRST_WORD_LIKE
    )


def _spells_a_domain(name: str, lines: list[TextLine]) -> bool:
    """The name's letters, joined, are the name of an email's domain on the card (a web address may be a person's
    own: "jasonpriem.com"; an email's domain seldom is, beside another name)."""
    joined = letters_only(name).lower()
    if len(joined) < 4:
        return False
    pattern = re.compile(rf"@\s?{joined}\b", re.I)
    return any(pattern.search(ln.text) for ln in lines)


def odd_text(field: str, text: str) -> bool:
    """True when a text field carries a character or shape its kind of field never prints."""
    if _ODD_CHAR.search(text) or _unbalanced(text) or _LOOSE_APOSTROPHE.search(text):
        return True
    if field == "name" and any(c.isdigit() for c in text):
        return True
    # a person's title after the name, where only a suffix goes ("Keisha L. Moore Ms": "MSc" with its c lost)
    if field == "name" and len(text.split()) > 2 and text.split()[-1].lower().rstrip(".") in {"ms", "mr", "mrs", "dr"}:
        return True
    if field in ("title", "department") and misread_title_word(text):
        return True
    if field != "address" and (_STRAY_HEAD.match(text) or _CUT_TAIL.search(text)):
        return True
    # "東京都港区港南 03-": an address ends on a number or a word, never on a dangling hyphen; and no street has two
    # compass points in a row ("1st Ave se NE": a speck read as one)
    return field == "address" and bool(
        _SPLIT_ORDINAL.search(text) or re.search(r"\d-$", text) or _TWO_COMPASS_POINTS.search(text)
    )


_TWO_COMPASS_POINTS = re.compile(r"\b(?:[NS][EW]?|[EW])\s+(?:[NS][EW]?|[EW])\b", re.I)


def _unbalanced(text: str) -> bool:
    """A bracket that none closes or opens ("Research) Scientist"): a speck read as one (on 920 hard and phone
    dev photos, every such name, title, department, company or address was misread)."""
    depth = 0
    for c in text:
        depth += (c == "(") - (c == ")")
        if depth < 0:
            return True
    return depth != 0


#: a line read at least this surely spells what is printed: an email domain a letter off it is the misreading
SURE_PRINT = 0.9


def _folded(text: str) -> str:
    """Letters only, lower case, accents dropped and German umlauts written out, as a domain spells them."""
    german = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return letters_only(unicodedata.normalize("NFKD", german).encode("ascii", "ignore").decode())


def misspells_print(hit: EmailHit, lines: list[TextLine]) -> bool:
    """True when the email's domain is a letter or two off a word the card prints clearly ("vertes.io" under
    "Vertex") and spelled nowhere else as the domain spells it: one of the two readings is wrong."""
    domain = hit.email.rpartition("@")[2].lower()
    label = letters_only(registrable(domain).split(".")[0])
    if domain in FREEMAIL or len(label) < 4:
        return False
    others = [ln for ln in lines if ln.index != hit.line]
    # spelled elsewhere: in a website ("www.bodensee-data.com"), or a company across lines ("BODENSEE" "DATA")
    if any(label in _folded(ln.text) for ln in others) or label in "".join(_folded(ln.text) for ln in others):
        return False
    sure = [ln for ln in others if ln.conf >= SURE_PRINT and not re.search(r"[@.]", ln.text)]
    words = {_folded(w) for ln in sure for w in [ln.text, *ln.text.split()]}
    # a word of about the label's length: "BODENSEE" is part of bodensee-data, not a misspelling of it
    return any(len(w) >= 4 and abs(len(w) - len(label)) <= 2 and 0.8 <= similarity(w, label) < 1 for w in words)


def domain_from_print(emails: list[EmailHit], site: WebHit, lines: list[TextLine]) -> list[EmailHit]:
    """Mend an email domain one letter or two off the website's, when the card's own print (the company
    line) spells the website's: "tobias@stemwarte.de" beside "Web: sternwarte.de" and "Sternwarte" (or a line's first
    words: "mvonstein@cobalt4abs.de" beside "cobalt-labs.de" and "COBALT LABS GMBH")."""
    host = host_of(site.value).removeprefix("www.")
    label = letters_only(registrable(host).split(".")[0])
    printed = {form for ln in lines for form in (letters_only(ln.text), *_company_spellings(ln.text))}
    # a company set on two lines ("Umbra" over "Analytics SAS" for umbra-analytics.fr)
    printed |= {form for a, b in itertools.pairwise(lines) for form in _company_spellings(f"{a.text} {b.text}")}
    out = []
    for h in emails:
        local, _, domain = h.email.rpartition("@")
        theirs = letters_only(registrable(domain).split(".")[0])
        near = theirs != label and similarity(theirs, label) >= 0.8 and domain.endswith(host[len(host.split(".")[0]) :])
        if near and label in printed and theirs not in printed:
            h = replace(h, email=f"{local}@{host}", confidence=round(min(h.confidence, 0.7), 3), repaired=True)
        out.append(h)
    return out


#: thin letters small print blurs into one another beyond CONFUSIONS ("bastille" read as "basiille")
_THIN = frozenset("iltjf1")
#: a company read at least this surely (its weakest word) spells its name better than a small-print domain
SURE_COMPANY = 0.75


def _company_spellings(company: str) -> list[str]:
    """How a domain may spell the company: its first word, first two, ... all of them, letters only
    ("Halcyon Partners Pty Ltd" -> "halcyon", "halcyonpartners", ...), German umlauts as "ue" too."""
    words = company.split()
    forms = []
    for k in range(1, len(words) + 1):
        joined = " ".join(words[:k])
        for text in (joined, joined.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")):
            form = letters_only(unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()).lower()
            if form not in forms:
                forms.append(form)
    return forms


def _respelled_part(label: str, form: str) -> str | None:
    """`label` with one of its hyphen-parted parts spelled as `form` spells it there, when that part is a look-alike
    or two off and the other parts are `form`'s letters exactly; None otherwise."""
    parts = label.split("-")
    for j, part in enumerate(parts):
        head, tail = "".join(parts[:j]), "".join(parts[j + 1 :])
        if not (form.startswith(head) and form.endswith(tail)) or len(form) <= len(head) + len(tail):
            continue
        meant = form[len(head) : len(form) - len(tail)]
        edits = ocr_edits(meant, part)
        if edits and len(edits) <= 2 and all(e.plausible for e in edits):
            return "-".join([*parts[:j], meant, *parts[j + 1 :]])
    return None


def respelled_label(label: str, company: str) -> str | None:
    """A domain's first part ("haicyon", "beilerive-analytics") spelled as the company prints it, when the two
    differ by only one or two look-alike letters, or a doubled letter read as one ("silage" for "Sillage"),
    hyphens kept; None when they agree or differ otherwise."""
    letters = label.replace("-", "")
    forms = _company_spellings(company)
    if not letters.isalpha() or not letters.isascii() or letters in forms:
        return None  # "elbbruecke" is how a domain spells "Elbbrücke"
    if letters.replace("ae", "a").replace("oe", "o").replace("ue", "u") in forms:
        return None  # and "loewenzahn" how it spells "Löwenzahn" printed with its dots lost ("Lowenzahn")
    for form in forms:
        if len(form) == len(letters) + 1 and len(form) >= 5:
            # a doubled letter read as one ("silage" for "sillage"): the only change, put back
            for i in range(1, len(form)):
                if form[i] == form[i - 1] and form[:i] + form[i + 1 :] == letters:
                    at = next(k for k, c in enumerate(label) if sum(ch != "-" for ch in label[: k + 1]) == i)
                    return label[:at] + form[i] + label[at:]
        # two letters read as one or one as two ("stonebndge" for "Stonebridge": ri read as n), in one part of a
        # hyphenated label ("lantema-studio" for "Lanterna Studio")
        one_off = abs(len(form) - len(letters)) == 1 and len(form) >= 5
        if one_off and (respelled := _respelled_part(label, form)) is not None:
            return respelled
        if len(form) != len(letters) or len(form) < 5 or form == letters:
            continue
        diffs = [(p, c) for p, c in zip(form, letters, strict=True) if p != c]
        if len(diffs) <= 2 and all((p, c) in CONFUSIONS or {p, c} <= _THIN for p, c in diffs):
            it = iter(form)
            return "".join(c if c == "-" else next(it) for c in label)
    return None


def domain_from_company(
    emails: list[EmailHit], site: WebHit | None, company: str | None, company_conf: float | None
) -> tuple[list[EmailHit], WebHit | None]:
    """Mend the domain of the emails and website where it is a look-alike or two off the company's name,
    and the company, printed larger, read surely: "zoe@haicyon.com.au" and "haicyon.com.au" under a clear
    "Halcyon" are "halcyon". The mended fields go to review: the company line is the likelier reading,
    not a certain one."""
    if not company or company_conf is None or company_conf < SURE_COMPANY:
        return emails, site

    def mend(domain: str) -> str | None:
        label = registrable(domain)  # "haicyon" of "haicyon.com.au"
        parts = domain.lower().split(".")
        new = respelled_label(label, company) if domain.lower() not in FREEMAIL and label in parts else None
        if new is None:
            return None
        at = len(parts) - 1 - parts[::-1].index(label)
        return ".".join([*parts[:at], new, *parts[at + 1 :]])

    out = []
    for h in emails:
        local, _, domain = h.email.rpartition("@")
        if (new := mend(domain)) is not None:
            h = replace(h, email=f"{local}@{new}", confidence=min(h.confidence, EMAIL_DISAGREES_CONF), repaired=True)
        out.append(h)
    if site is not None and (host := host_of(site.value).removeprefix("www.")) and (new := mend(host)) is not None:
        site = replace(
            site, value=site.value.replace(host, new, 1), confidence=min(site.confidence, EMAIL_DISAGREES_CONF)
        )
    return out, site


def _column_left(line: TextLine, lines: list[TextLine]) -> float | None:
    """The left edge the lines just above and below `line` share (a left-aligned column), or None when
    it has no neighbour on both sides or theirs differ (a centred or ragged layout)."""
    h = max(line.height, 1.0)
    above = [ln for ln in lines if 0 <= line.box.y - ln.box.y2 < 1.5 * h and ln.box.x2 > line.box.x]
    below = [ln for ln in lines if 0 <= ln.box.y - line.box.y2 < 1.5 * h and ln.box.x2 > line.box.x]
    if not above or not below:
        return None
    up = max(above, key=lambda ln: ln.box.y2).box.x
    down = min(below, key=lambda ln: ln.box.y).box.x
    return (up + down) / 2 if abs(up - down) < 0.5 * h else None


def _email_remainder(site: WebHit, lines: list[TextLine], email_domains: list[str]) -> bool:
    """ "info@monarch.com" read as "monarch.com": a bare domain alone on its line, the domain of an email
    on the card, starting well to the right of the left-aligned column it sits in. OCR lost the local
    part; the card may print no website at all."""
    line = next((ln for ln in lines if ln.index == site.line), None)
    if line is None or site.value.lower() not in email_domains or line.text.strip().lower() != site.value.lower():
        return False
    left = _column_left(line, lines)
    return (
        left is not None
        and line.box.x - left > 1.5 * max(line.height, 1.0)
        and not _centred_with_neighbours(line, lines)
    )


def _centred_with_neighbours(line: TextLine, lines: list[TextLine]) -> bool:
    """The lines just above and below `line` share its middle: a centred layout, where a short line starts further
    right than its neighbours because it is short, not because it is indented (a card's website under its email)."""
    h = max(line.height, 1.0)
    above = [ln for ln in lines if 0 <= line.box.y - ln.box.y2 < 1.5 * h]
    below = [ln for ln in lines if 0 <= ln.box.y - line.box.y2 < 1.5 * h]
    if not above or not below:
        return False
    up, down = max(above, key=lambda ln: ln.box.y2), min(below, key=lambda ln: ln.box.y)
    return abs(up.box.cx - line.box.cx) < h and abs(down.box.cx - line.box.cx) < h


def parse_lines(lines: list[TextLine], settings: Settings) -> Contact:
    emails = find_emails(lines)
    linkedin = find_linkedin(lines)
    sites = find_websites(lines)
    lost_local = bool(sites) and _email_remainder(sites[0], lines, [h.email.rsplit("@", 1)[1] for h in emails])
    if lost_local:
        sites = sites[1:]
    if sites and emails:
        emails = domain_from_print(emails, sites[0], lines)
    email_domains = [h.email.rsplit("@", 1)[1].lower() for h in emails]
    org_domains = [d for d in email_domains if d not in FREEMAIL]
    if not sites and not lost_local and org_domains:
        undotted = undotted_site([ln for ln in lines if linkedin is None or ln.index != linkedin.line], org_domains)
        sites = [undotted] if undotted else []
    site = cross_check(sites[0], org_domains) if sites else None
    site_host = host_of(site.value) if site else ""
    taken = {h.line for h in emails} | {h.line for h in sites[:1]} | ({linkedin.line} if linkedin else set())
    if not emails and site:
        # "n.brownfironclad.com.au" beside the website ironclad.com.au: its "@" read as a letter
        emails = at_read_as_letter(lines, site_host.lower().removeprefix("www."), taken)
        taken |= {h.line for h in emails}

    # first pass over phones: which lines hold phones, and which countries the printed +CC name
    script = "JP" if any(has_kana(ln.text) for ln in lines) else ""
    # a domain's ending read on its own ("co.uk" under an email whose first part was lost) still names the country
    endings = [
        f"x.{w}"
        for ln in lines
        for w in (t.strip(".,;:").lower() for t in ln.text.split())
        if "." in w and only_suffix(w)
    ]
    domain_hint = _country_hint(site_host, [*org_domains, *endings], [], script)
    first = find_phones([ln for ln in lines if ln.index not in taken], domain_hint or settings.region)
    printed_cc = [
        _UK_NUMBERING.get(cc, cc)
        for h in first
        if h.phone.raw.lstrip("(").startswith("+")
        for cc in [phonenumbers.region_code_for_number(phonenumbers.parse(h.phone.number)) or ""]
    ]
    hint = _country_hint(site_host, [*org_domains, *endings], printed_cc, script, legal_country(lines))
    # "LinkedIn: https://…/kanderson  Parramatta NSW 2150": two columns OCR read as one line
    tails = {ln.index: tail for ln in lines if ln.index in taken and (tail := trailing_text(ln)) is not None}
    # "111 Pasir Panjang Road, #03-01 k.low@merlion.com.sg": a street before the email, two columns read as one line
    tails |= {
        ln.index: head
        for ln in lines
        if ln.index in taken
        and ln.index not in tails
        and (head := text_before_url(ln)) is not None
        and looks_like_street(head)
    }
    addr_view = [tails.get(ln.index, ln) for ln in lines]
    # a number neither labelled nor written with its +CC may be the street number and postcode of a one-line
    # address ("Berliner Allee 225 76488 Karlsruhe": "225 76488" has a German phone number's shape)
    called = {h.line for h in first if h.labelled or h.phone.raw.startswith("+")}
    addr = find_address(addr_view, frozenset((taken - tails.keys()) | called), hint)
    region = (addr.address.country if addr and addr.address.country else "") or hint or settings.region
    free_for_phones = [ln for ln in lines if ln.index not in taken]
    addr_lines = frozenset(addr.lines) if addr else frozenset()
    phones = find_phones(free_for_phones, region, addr_lines)
    if not (addr and addr.address.country) and not hint:
        phones = _regrouped(phones, free_for_phones, addr_lines)
    taken |= {h.line for h in phones} | set(addr_lines)

    orgs = [registrable(d) for d in [*org_domains, site_host] if d]
    # "William Pemberton, MBA 701182340162": two columns on one row, the number unread as one; the words are free
    free = [free_words(ln) for ln in lines if ln.index not in taken]
    # "Chloé Moreau  Email: chloe@azur.io" on one line: the words before the contact part are free
    # (not on an address line: "Portland, OR 97291" has a city, not a name, before its number)
    contact_lines = taken - addr_lines
    free += [head for ln in lines if ln.index in contact_lines and (head := leading_text(ln)) is not None]
    # the small print's height: a few big lines (name, logo) on a card of few lines must not raise it
    worded = sorted(ln.height for ln in lines if sum(ch.isalnum() for ch in ln.text) >= 3) or [0.0]
    body = worded[len(worded) * 2 // 5]
    conf_of = {ln.index: min(ln.word_confs()) for ln in lines}
    people = find_people(
        sorted(free, key=lambda ln: ln.index), [h.email for h in emails], orgs, body, [conf_of[h.line] for h in emails]
    )
    read = emails
    emails = [role_mailbox(join_cut_local(confirm_with_name(h, people.name), lines, people.name)) for h in emails]
    emails = [_dash_for_dot(h, people.name) for h in emails]
    if email_misread(people, read, emails, conf_of):
        people = replace(people, name_conf=people.name_read_conf)
    company_sure = weakest_word((people.company or "").split(), [w for ln in lines for w in ln.words])
    emails, site = domain_from_company(emails, site, people.company, company_sure)
    # "Emberly LLP" over "apillai@emberty.com" and "emberty.com": the company and the domain a letter apart,
    # one of them misread; the company went to review for it, and so do the email and the website when the
    # company was read as surely as they were (a logo misread, "qemberly", says nothing against a clear email)
    labels = [registrable(h.email.rsplit("@", 1)[1]) for h in emails] + (
        [registrable(host_of(site.value))] if site else []
    )
    read_as_surely = company_sure is not None and company_sure >= min(
        [h.confidence for h in emails] + ([site.confidence] if site else []), default=1.0
    )
    if people.company and read_as_surely and misspells_domain(people.company, [d for d in labels if d]):
        emails = [replace(h, confidence=min(h.confidence, EMAIL_DISAGREES_CONF)) for h in emails]
        site = replace(site, confidence=min(site.confidence, EMAIL_DISAGREES_CONF)) if site else None
    # "w.nimbus.co.uk": a host whose first label is a letter or two, the rest of a "www." or an icon read as letters
    if site and re.match(r"[a-z]{1,2}\.[a-z0-9-]+\.[a-z]", host_of(site.value).lower()):
        site = replace(site, confidence=min(site.confidence, EMAIL_DISAGREES_CONF))
    # a website read unsurely that neither an email nor the company spells ("www quantx com"): a guess
    if site and site.confidence < EMAIL_UNCHECKED_SURE:
        label = registrable(host_of(site.value))
        spelled = label in {registrable(h.email.rsplit("@", 1)[1]) for h in emails}
        if not spelled and not borne_out(f"x@{host_of(site.value)}", None, people.company):
            site = replace(site, confidence=min(site.confidence, EMAIL_DISAGREES_CONF))
    emails = [replace(h, confidence=min(h.confidence, EMAIL_CUT_CONF)) if _cut_local(h, lines) else h for h in emails]
    linkedin_read = linkedin.value.rstrip("/").rpartition("/")[2].lower() if linkedin else ""
    if linkedin and people.name:
        linkedin = replace(linkedin, value=slug_from_name(linkedin.value, people.name))
    country = (addr.address.country if addr else "") or next(
        (phonenumbers.region_code_for_number(phonenumbers.parse(h.phone.number)) or "" for h in phones), ""
    )
    emails = [_own_ending(h, country) if _tld_slip(h.email, country) else h for h in emails]
    if site and _tld_slip(f"x@{host_of(site.value)}", country):
        site = _site_own_ending(site, country)
    if site is None and people.company:
        site = _bare_domain_slip([ln for ln in lines if ln.index not in taken], country, people.company)
    if people.name_check == "disagree":
        # the card's own email spells the name otherwise: one of the two is misread (but not an email whose
        # local part was mended to spell a name read surely: "hugo.taure@" under "Hugo Faure" is "hugo.faure@")
        emails = [
            h
            if spelled_by_name(r, h, people, conf_of[r.line])
            else replace(h, confidence=min(h.confidence, EMAIL_DISAGREES_CONF))
            for r, h in zip(read, emails, strict=True)
        ]
    emails = [
        h
        if h.confidence >= EMAIL_UNCHECKED_SURE or borne_out(h.email, people.name, people.company)
        else replace(h, confidence=min(h.confidence, EMAIL_DISAGREES_CONF))
        for h in emails
    ]

    conf: dict[str, float] = {}
    if people.name:
        conf["name"] = people.name_conf
        if _spells_a_domain(people.name.full, lines):
            conf["name"] = min(conf["name"], NAME_IS_DOMAIN_CONF)
    if people.title:
        conf["title"] = people.title_conf
    if people.department:
        conf["department"] = people.department_conf
    if people.company:
        conf["company"] = people.company_conf
    if emails:
        conf["emails"] = min(h.confidence for h in emails)
        if confirmed(emails, people, site, lines):
            conf["emails"] = max(conf["emails"], EMAIL_CONFIRMED_CONF)
        if any(separators_together(h.email) for h in emails):  # the name bears out its words, not its dots
            conf["emails"] = min(conf["emails"], SEPARATORS_TOGETHER_CONF)
    if phones:
        conf["phones"] = min(h.confidence for h in phones)
        if addr and addr.address.country in ("US", "CA") and any(elsewhere(h, addr.address.region) for h in phones):
            conf["phones"] = min(conf["phones"], AREA_ELSEWHERE_CONF)
        if addr and addr.address.country == "GB" and any(other_town(h, addr.address.city) for h in phones):
            conf["phones"] = min(conf["phones"], AREA_ELSEWHERE_CONF)
    if site:
        conf["website"] = site.confidence
        if site_confirmed(site, people, emails, lines, country):
            conf["website"] = max(conf["website"], EMAIL_CONFIRMED_CONF)
    if linkedin:
        conf["linkedin"] = linkedin.confidence
        slug = linkedin.value.rstrip("/").rpartition("/")[2].lower()
        if people.name and odd_slug_tail(slug, people.name):
            conf["linkedin"] = min(conf["linkedin"], ODD_SLUG_CONF)
        # "walker" for Liam Walker, or beside lwalker@: a profile name that lost its first letters at the strip's edge
        # (a bare family name is no one's profile name: the first to hold it took it long ago)
        family = letters_only(people.name.family).lower() if people.name else ""
        if slug == family or any(len(slug) >= 4 and h.email.split("@")[0].lower()[1:] == slug for h in emails):
            conf["linkedin"] = min(conf["linkedin"], ODD_SLUG_CONF)
        # "jjandre" under "Julien André": the initial read twice (the path's slash), mended by `slug_from_name`; the
        # likelier reading, in review ("kkobayashi" under "Kenji Kobayashi" is the initial and the family name)
        initial = letters_only(people.name.given).lower()[:1] if people.name else ""
        if initial and family and linkedin_read and re.match(rf"{initial}{initial}{family}\d*$", linkedin_read):
            conf["linkedin"] = min(conf["linkedin"], ODD_SLUG_CONF)
    if addr:
        conf["address"] = addr.confidence
    # a number-shaped text no phone came from: the card has a number OCR garbled
    untaken = [ln for ln in lines if ln.index not in taken and ln.index not in people.lines]
    if not people.company and (logo := _spaced_logo(untaken, orgs)) is not None:
        people, conf["company"] = replace(people, company=logo), COMPANY_DISAGREES_CONF
    # "Data" beside redwood-data.io: the company's own name, a logo's, unread; the domain spells it
    if people.company and (named := named_from_domain(people.company, orgs)) is not None:
        people, conf["company"] = replace(people, company=named), min(conf["company"], COMPANY_DISAGREES_CONF)
    if people.company and _rest_of_domain_beside(people.company, orgs, untaken):
        conf["company"] = min(conf["company"], COMPANY_DISAGREES_CONF)
    # (the domains as mended: one a look-alike off the company was spelled as the company, which was then right)
    final_orgs = [registrable(h.email.rsplit("@", 1)[1]) for h in emails if h.email.rsplit("@", 1)[1] not in FREEMAIL]
    final_orgs += [registrable(host_of(site.value))] if site else []
    if people.company and _first_word_off_domain(people.company, final_orgs):
        conf["company"] = min(conf["company"], COMPANY_DISAGREES_CONF)
    missed_phone = any(
        _looks_like_phone(ln.text)
        # where no phone was read, a shorter stretch of one will do (".44 (¢@) 193" and "ne 8036")
        or garbled_number(ln, 6 if phones else 4)
        or _before_digits(ln) is not ln
        or _label_stub(ln.text)
        or _labelled_digits(ln.text)
        for ln in lines
        if ln.index not in taken
    )
    missed_phone = missed_phone or any(
        _cut_number_left(ln, phones) for ln in lines if ln.index in {h.line for h in phones}
    )
    phone_lines = [ln for ln in lines if ln.index in {h.line for h in phones}]
    missed_phone = missed_phone or any(
        _bare_label(ln, phone_lines) for ln in lines if ln.index not in taken and ln.index not in people.lines
    )
    if missed_phone and "phones" in conf:
        conf["phones"] = min(conf["phones"], 0.5)
    # "VEMBERLY" beside "@emberly.co": a logo mark read as a letter at the company's edge
    comp = (people.company or "").lower()
    if comp and any(o and comp != o and o in (comp[1:], comp[:-1]) for o in (d.split(".")[0] for d in orgs)):
        conf["company"] = min(conf["company"], 0.5)
    # a street line left over beside an address read without one: the address is missing its start
    # (or sharing a phone's line: "Direct: +65 6376 2370 133 Fusionopolis Way")
    phone_rests = [
        replace(ln, text=_without_phones(ln, phones)) for ln in lines if ln.index in {h.line for h in phones}
    ]
    rest = [ln for ln in [*untaken, *phone_rests] if ln.index not in addr_lines]
    if addr and any(looks_like_street(ln) or (not addr.address.street and street_shaped(ln)) for ln in rest):
        conf["address"] = min(conf["address"], 0.5)
    # a line read unsurely just over the address that no field took ("Bat iment C"): the address may start there
    above = line_above(next(ln for ln in lines if ln.index == addr.lines[0]), rest) if addr else None
    if addr and above is not None and above.conf < SURE_LEFTOVER and _PLAIN_WORDS.fullmatch(above.text):
        conf["address"] = min(conf["address"], 0.5)
    # ...or just under it ("haty" under "10106 Torino"): its country, or the city's line, misread
    last = max((ln for ln in lines if addr and ln.index in addr.lines), key=lambda ln: ln.box.y2, default=None)
    below = line_below(last, rest) if last is not None else None
    if (
        below is not None
        and below.conf < SURE_LEFTOVER
        and _PLAIN_WORDS.fullmatch(below.text.strip())
        and sum(c.isalpha() for c in below.text) >= 3  # not a speck ("BO", "te")
    ):
        conf["address"] = min(conf["address"], 0.5)
    # "Analytics Limited": trade words and a legal form only, the company's own name lost
    if people.company and generic_only(people.company):
        conf["company"] = min(conf["company"], 0.5)
    # "Data GmbH" left over while the company read has no legal form: the company is cut short
    # (a name before the form, read clearly: a lone "CO" is a logo's letters)
    left_legal = [ln for ln in untaken if has_legal_form(ln.text) and len(ln.text.split()) >= 2 and ln.conf >= 0.6]
    if people.company and not has_legal_form(people.company) and left_legal:
        conf["company"] = min(conf["company"], 0.5)
    # an "@" on a line no address came from, or an email's domain left alone on its line: one of the
    # card's addresses did not read
    # (an "@" on a line that starts as a web address does is its misread "e": "WW N@KUS. Uk")
    unread = [ln for ln in untaken if _UNREAD_EMAIL.search(ln.text) and not _WWW_START.match(ln.text)]
    if emails and (lost_local or unread):
        conf["emails"] = min(conf["emails"], 0.5)
    # "sarah@vertes.io" under a clearly printed "Vertex": the domain or the print is misread
    if any(misspells_print(h, lines) for h in emails):
        conf["emails"] = min(conf["emails"], EMAIL_DISAGREES_CONF)
    if addr and any(misread_street_word(t) for line in addr.address.lines for t in line.split()):
        conf["address"] = min(conf["address"], 0.5)
    # "Elizabeth Street nberra ACT 2601": a town in small letters lost its start (Canberra's "Ca" to a shadow)
    if addr and addr.address.city[:1].islower():
        conf["address"] = min(conf["address"], 0.5)
    values = {
        "name": people.name.full.split() if people.name else [],
        "title": (people.title or "").split(),
        "department": (people.department or "").split(),
        "company": (people.company or "").split(),
        "emails": [h.email for h in emails],
        "phones": [t for h in phones for t in h.phone.raw.split()],
        "website": [site.value] if site else [],
        "linkedin": [linkedin.value] if linkedin else [],
        "address": [t for line in addr.address.lines for t in line.split()] if addr else [],
    }
    words = [w for ln in lines for w in ln.words]
    for k in conf:
        vocab = k in ("title", "department") and role_words_only(mend_title_words(" ".join(values[k])))
        if vocab:
            conf[k] = max(conf[k], ROLE_WORDS_CONF)
        weakest = weakest_word(values[k], words) if k in _WORD_CHECKED and not vocab else None
        if weakest is not None and weakest < WEAK_WORD_CONF:
            conf[k] = min(conf[k], weakest)  # one word OCR was unsure of: the field may be misread
        # a title word a look-alike or two off exactly one role word is mended below, and the mended word is no
        # doubt (measured on hard dev photos: 17 right titles and departments out of review, and no wrong one)
        text = " ".join(values[k])
        if k in ("title", "department"):
            text = mend_title_words(text)
        if k in _TEXT_FIELDS and odd_text(k, text):
            conf[k] = min(conf[k], ODD_TEXT_CONF)
        if k in ("title", "department") and guessed_title_word(" ".join(values[k])):
            conf[k] = min(conf[k], ODD_TEXT_CONF)  # "Assastant" spelled "Assistant": likely, not certain
    if people.title and people.title.lower().strip(".,") in TITLE_PART_ONLY:
        conf["title"] = min(conf["title"], TITLE_CUT_CONF)  # "Officer": "Chief Product" did not read beside it
    # "Alpengliihen Labs", "Mehmet Miiller" on a German card: a ü read as "ii"; put back, in review
    german = (country or hint) in UMLAUT_COUNTRIES or bool(people.company and _GERMAN_FORM.search(people.company))
    if german:
        if people.company and umlaut_read_as_ii(people.company) != people.company:
            people = replace(people, company=umlaut_read_as_ii(people.company))
            conf["company"] = min(conf["company"], UMLAUT_MENDED_CONF)
        if people.name and umlaut_read_as_ii(people.name.full) != people.name.full:
            people = replace(people, name=split_name(umlaut_read_as_ii(people.name.full)))
            conf["name"] = min(conf["name"], UMLAUT_MENDED_CONF)
        # "Wei8wald GmbH": a ß read as an 8, which no word holds among its letters; the likelier reading, in review
        if people.company and _ESZETT_AS_8.search(people.company):
            people = replace(people, company=_ESZETT_AS_8.sub("ß", people.company))
            conf["company"] = min(conf["company"], UMLAUT_MENDED_CONF)
        # "Weifwald Capital KG" beside weisswald.de: a ß read as a letter where the domain writes "ss"; in review
        if people.company and (with_eszett := eszett_from_domain(people.company, orgs)) != people.company:
            people = replace(people, company=with_eszett)
            conf["company"] = min(conf["company"], UMLAUT_MENDED_CONF)
        # "Lowenzahn" beside loewenzahn.de: the domain spells the umlaut the print lost
        if people.company:
            labels = [d.split(".")[0] for d in orgs]
            people = replace(people, company=umlauts_from_domain(people.company, labels))
            # "Liwenzahn" beside loewenzahn.de: the umlaut read as another letter; the likelier reading, in review
            mended = umlaut_misread_from_domain(people.company, labels) if people.company else None
            if mended and mended != people.company:
                people = replace(people, company=mended)
                conf["company"] = min(conf["company"], UMLAUT_MENDED_CONF)
    # "Ecume Robotics" reaching above its capitals: an accent over the É, which no model read
    marked = {
        w.text
        for ln in lines
        for i, w in enumerate(ln.words)
        if people.company and w.text in people.company.split() and mark_over_capital(ln.words, i)
    }
    if marked and people.company:
        conf["company"] = min(conf["company"], ACCENT_DOUBT_CONF)
        if (country or hint) in FRENCH_COUNTRIES:
            # French writes an accent over a capital E far more often than over any other ("École", "Éditions"):
            # the likelier reading, still in review
            accented = [("É" + w[1:] if w in marked and w.startswith("E") else w) for w in people.company.split(" ")]
            people = replace(people, company=" ".join(accented))
    # "Responsable talent acquisition @bonnet@oakridge.com": a title sharing its line with a doubtful email may have
    # lost its last words to it, or taken the email's first
    shared = [ln for ln in lines if people.title and people.title in ln.text and "@" in ln.text]
    if shared and conf.get("emails", 0.0) < settings.review_threshold and "title" in conf:
        conf["title"] = min(conf["title"], TITLE_CUT_CONF)
    if people.title and "title" in conf and _title_cut_short(people, lines):
        conf["title"] = min(conf["title"], TITLE_CUT_CONF)
    poor = poor_read(lines) or not (emails or phones)
    conf = {k: round(max(0.0, min(1.0, v)), 3) for k, v in conf.items()}
    review = {k for k in conf if conf[k] < settings.review_threshold}
    # An empty field that a cue says the card has (a failed read, a field nearly every card prints,
    # a street without a city line) is not invented: it stays empty, with confidence 0, and goes
    # to review so the user looks at it.
    # an organisation's website names a company as its email does ("lumen-consulting.com" under a logo not read)
    named_by = org_domains + ([host_of(site.value)] if site and site.confidence >= EMAIL_UNCHECKED_SURE else [])
    expected = _missing_but_expected(lines, untaken, set(conf), named_by, poor, missed_phone)

    # a line right under the name, where the title goes, that was no title; and one under that, or
    # under the title, where the department goes
    def holding(text: str | None) -> TextLine | None:
        return next((ln for ln in lines if text and text in ln.text), None)

    under_name = _leftover_below(holding(people.name.full if people.name else None), untaken)
    if people.name and not people.title and under_name is not None:
        expected.add("title")
    # no name was read, so where the title goes cannot be told: any line of words no field took, read fairly
    # surely (not the specks of a failed read), may be it (a Japanese card's 部長 read as "BK"); the name is in
    # review already, so the card gets no extra look
    if not people.name and not people.title and any(_surely_words(ln) for ln in untaken):
        expected.add("title")
    title_line = holding(people.title) if people.title else under_name
    if not people.department and _leftover_below(title_line, [ln for ln in untaken if ln is not title_line]):
        expected.add("department")
    taken_texts = [t for t in (people.title, people.company, people.name.full if people.name else None) if t]
    if not people.department and people.title and _part_beside(holding(people.title), taken_texts):
        expected.add("department")
    # a leftover line with a department's word misread ("(Cxa & © Oepartmer:" of "Cloud & AI Department")
    if not people.department and any(_dept_word_misread(ln.text) for ln in untaken):
        expected.add("department")
    # "Kaze" over "Corporation ¢", "Sparrow Software" over "Pvt. Led.": a company stacked on two lines, the second
    # left over. A legal form read surely is joined to it (a speck beside it dropped); anything else goes to review
    # with the company (not empty, so apart from the empty fields below)
    below = _leftover_below(holding(people.company), untaken) if people.company else None
    stacked = people.company is not None and _company_goes_on_below(below)
    form = " ".join(w for w in below.text.split() if any(c.isalnum() for c in w)) if below is not None else ""
    if stacked and below is not None and only_legal_form(form):
        people = replace(people, company=f"{people.company} {form}")
        stacked = below.conf < SURE_FORM
    # "B.V." read clearly on its own: the company's legal form, its name unread
    if not people.company and any(only_legal_form(ln.text) and ln.conf >= 0.6 for ln in untaken):
        expected.add("company")
    if stacked:
        conf["company"] = 0.0
        review.add("company")
    guessed_name = conf.get("name", 1.0) < GUESS_CONF
    for k in expected | ({"name"} if guessed_name else set()):
        conf[k] = 0.0
        review.add(k)
    conf = {k: conf[k] for k in FIELDS if k in conf}
    return Contact(
        name=None if guessed_name else people.name,
        # a word a letter or two off exactly one title word is spelled as it (its misreading alone sent the field
        # to review only when the mend left the word odd; a weak OCR word still does)
        title=mend_title_words(people.title) if people.title else None,
        department=mend_title_words(people.department) if people.department else None,
        company=people.company,
        emails=tuple(h.email for h in emails),
        phones=tuple(h.phone for h in phones),
        website=site.value if site else None,
        linkedin=linkedin.value if linkedin else None,
        address=addr.address if addr else None,
        confidence=conf,
        review=tuple(k for k in FIELDS if k in review),
    )


def _title_cut_short(people: People, lines: list[TextLine]) -> bool:
    """The title ends where its line goes on in a word no other field took ("Chief People office:" read as the
    title "Chief People", "Responsable talent acquis:tion" as "Responsable talent"): its last word was misread
    past knowing, and lost."""
    line = next((ln for ln in lines if people.title and people.title in ln.text), None)
    if line is None or people.title is None:
        return False
    after = line.text.split(people.title, 1)[1]
    for other in (people.department, people.company):
        if other:
            after = after.replace(other, " ")
    words = after.split()
    first = words[0] if words else ""
    # (a phone's label before its number, or an email, run on after the title is no word of it)
    labelled = first.lower().strip(".:|") in LABELS and len(words) > 1 and words[1][:1] in "+(0123456789"
    return sum(c.isalpha() for c in first) >= 3 and "@" not in first and not labelled


def _own_tld(country: str) -> str:
    return next((t for t, c in TLD_COUNTRY.items() if c == country and "." not in t), "")


def _own_ending(hit: EmailHit, country: str) -> EmailHit:
    """The email of a `_tld_slip` with the card's own country's ending ("mistral.tr" on a French card is
    "mistral.fr"), the likelier reading; in review, as the address may be abroad after all."""
    email = normalise_email(hit.email.rsplit(".", 1)[0] + "." + _own_tld(country))
    conf = min(hit.confidence, EMAIL_DISAGREES_CONF)
    return replace(hit, confidence=conf) if email is None else replace(hit, email=email, confidence=conf, repaired=True)


def _site_own_ending(site: WebHit, country: str) -> WebHit:
    """The website of a `_tld_slip` ("www.parallax.ni" on a Dutch card) with its country's ending, in review, as
    `_own_ending` an email's (a site spelled from such an email, "quarry.tr" for the printed "quarry.fr", too)."""
    tld = host_of(site.value).rsplit(".", 1)[-1]
    value = re.sub(rf"\.{re.escape(tld)}(?=[/:?#]|$)", "." + _own_tld(country), site.value, count=1, flags=re.I)
    return replace(site, value=value, confidence=min(site.confidence, EMAIL_DISAGREES_CONF))


def _tld_slip(email: str, country: str) -> bool:
    """The email's ending is a rare one, a look-alike or two off the card's own country's ("mistral.tr" on a
    card from France): OCR misread it, or the address is abroad; either way the email is worth a look."""
    tld = email.rsplit(".", 1)[-1].lower()
    own = _own_tld(country)
    if not own or tld == own or len(tld) != 2 or tld in KNOWN_TLDS:
        return False  # ".io" on an Irish card is a startup's choice, not a slip
    return all(
        pair in CONFUSIONS or pair[::-1] in CONFUSIONS for pair in zip(own, tld, strict=True) if pair[0] != pair[1]
    )


_BARE_DOMAIN_LINE = re.compile(r"\W*([a-z0-9][a-z0-9-]+)\.([a-z]{2})\W*", re.I)


def _bare_domain_slip(lines: list[TextLine], country: str, company: str) -> WebHit | None:
    """ "cedarwood.cs" alone on a line of a Spanish card from Cedarwood Systems: the website, its country's ending
    misread (no website ends in ".cs"); the company must spell the name, and it goes to review."""
    for line in lines:
        m = _BARE_DOMAIN_LINE.fullmatch(line.text.strip())
        if m and _tld_slip(f"x@{m[1]}.{m[2]}", country):
            site = f"{m[1].lower()}.{_own_tld(country)}"
            if borne_out(f"x@{site}", None, company):
                return WebHit(site, line.index, min(line.conf, EMAIL_DISAGREES_CONF))
    return None


#: the confidence of numbers whose country only the way they are printed tells: a guess, so in review
GROUPING_CONF = 0.55


#: a number printed with a trunk 0, or in groups without one ("976 77 52 85"): what `_regrouped` asks about
_TRUNK_NUMBER = re.compile(r"(?<![\d+])\(?0\d[\d ().\-/]{6,}\d|(?<![\w+.])[1-9]\d{1,2}(?:[ .]\d{2,3}){3}(?![.\w])")


def _valid_in(raw: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("".join(re.findall(r"\d", raw)), region))
    except phonenumbers.NumberParseException:
        return False


def _regrouped(phones: list[PhoneHit], lines: list[TextLine], addr_lines: frozenset[int]) -> list[PhoneHit]:
    """On a card that names no country, numbers printed with a trunk 0 (or in a country's groups without one) that
    the default region cannot have ("045-888-5414" read as +1 045…; "06 85 32 20 12", "976 77 52 85" no number at
    all): read again as numbers of the one country that prints them just so, when every such number points to the
    same one or is valid there. Unchanged otherwise."""
    if any(phonenumbers.is_valid_number(phonenumbers.parse(h.phone.number)) for h in phones):
        return phones
    texts = [STRAY_ONE.sub(" ", ln.text) for ln in lines if ln.index not in addr_lines]
    found = [(m.group(0), text[: m.start()]) for text in texts for m in _TRUNK_NUMBER.finditer(text)]
    raws = [raw for raw, _ in found]
    # "Mob | 07448 603440": Britain, Germany and Austria print it alike, but only Britain's plan makes it a mobile
    fits = [region_by_grouping(raw, label_type(nearest_label(before))) for raw, before in found]
    known = set(filter(None, fits))
    if len(known) != 1:
        return phones
    region = known.pop()
    # a number several countries print alike ("0499 359 381") may be of the one the others point to, if valid there
    if any(fit is None and not _valid_in(raw, region) for raw, fit in zip(raws, fits, strict=True)):
        return phones
    again = find_phones(lines, region, addr_lines)
    if not again or not all(phonenumbers.is_valid_number(phonenumbers.parse(h.phone.number)) for h in again):
        return phones
    if all(region_by_grouping(raw) for raw in raws):  # each printed as that one country alone prints it: no guess
        return again
    return [replace(h, confidence=min(h.confidence, GROUPING_CONF)) for h in again]


def parse_page(page: Page, settings: Settings) -> Contact:
    """Every field the card shows, with a 0..1 confidence each and the doubtful ones in `review`."""
    return parse_lines(text_lines(page), settings)
