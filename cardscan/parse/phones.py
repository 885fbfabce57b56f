"""Phone numbers: find them with phonenumbers, store E.164, and type them from printed labels.

Letters are repaired to digits (O->0, l->1, ...) only inside number-shaped text. Postcodes,
dates and street numbers are not phones; numbers phonenumbers calls impossible are dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType, geocoder

from ..models import Phone, PhoneType
from .text import AS_DIGIT, TextLine, ocr_edits

#: printed label (lower case, without punctuation) -> phone type
LABELS: dict[str, PhoneType] = {
    **dict.fromkeys(
        [
            "t",
            "tel",
            "tele",
            "telephone",
            "telefon",
            "téléphone",
            "tél",
            "phone",
            "ph",
            "p",
            "office",
            "off",
            "o",
            "direct",
            "dir",
            "d",
            "w",
            "work",
            "business",
            "bus",
            "電話",
            "tfn",
        ],
        "work",
    ),
    **dict.fromkeys(
        [
            "m",
            "mob",
            "mobile",
            "mobil",
            "mobiel",
            "móvil",
            "movil",
            "cell",
            "cellular",
            "cel",
            "celi",  # "Cell" with its last l read as an i
            "gell",  # ... and with its C read as a G
            "c",
            "handy",
            "portable",
            "port",
            "gsm",
            "cellulare",
            "携帯",
            "携帯電話",
        ],
        "mobile",
    ),
    **dict.fromkeys(["f", "fax", "telefax", "fx", "ファックス", "pax"], "fax"),  # "Pax": its F read as a P
    # a switchboard or main line reaches the company, not this person: not their work number
    **dict.fromkeys(
        [
            "h",
            "home",
            "priv",
            "private",
            "main",
            "switchboard",
            "zentrale",
            "z",  # German cards abbreviate Zentrale, the switchboard, as they do Telefon and Mobil
            "centralita",
            "centralino",
            "standard",
            "alg",
            "algemeen",  # Dutch: the general number
        ],
        "other",
    ),
}
# a word that is only a phone label when it stands next to a number ("T", "P") must still be
# a whole word; this pattern finds candidate label words
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SEPARATOR = re.compile(r"[|•·,;]|\s/\s")
# number-shaped text: digits with a few letters Tesseract confuses with digits
_NUMBERISH = re.compile(r"(?<![^\W\d_])[+(]?[\dOoIlSB$][\dOoIlSB$ ().,\-/]{5,}[\dOoIlSB$](?![^\W\d_])")
# a comma between two digits inside a number is a misread dot ("667,0942"); ", " parts two numbers
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")
_DATE = re.compile(r"^\s*(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}[./-]\d{1,2}[./-]\d{1,2})\s*$")
# emails, URLs and Japanese postcodes ("〒108-0075") carry digits that are no phone
_EMAIL_OR_URL = re.compile(r"\S*@\S*|(?:https?://|www\.)\S*|〒\s?\d{3}-?\d{4}", re.I)


@dataclass(frozen=True)
class PhoneHit:
    phone: Phone
    line: int
    confidence: float
    labelled: bool


def _repair_digits(text: str) -> tuple[str, bool]:
    """Turn O/l/I/S/B/$ into digits, and a comma between digits into a dot, inside number-shaped runs
    only; keeps every position."""
    changed = False

    def fix(m: re.Match[str]) -> str:
        nonlocal changed
        s = m.group(0)
        alnum = [c for c in s if c.isalnum()]
        digits = sum(c.isdigit() for c in alnum)
        if digits < 6 or digits < 0.7 * (len(alnum) + s.count("$")):
            return s
        fixed = _DIGIT_COMMA.sub(".", s.translate(AS_DIGIT))
        changed = changed or fixed != s
        return fixed

    # "+1 {987) 123-4567": an area code's bracket read as a brace or a square bracket
    bracketed = _BRACE_OPEN.sub(r"(\1)", _BRACE_CLOSE.sub(r"(\1)", text))
    # "+4 (987) 312-6745": a North American number's +1 misread; no other country's code is one digit but 7's
    bracketed = _LONE_CC_NANP.sub("+1", bracketed)
    # "090-698 |-8127": a 1 read as a bar, glued to the dash of its group (a separating bar has space both sides)
    unbarred = _BAR_AS_ONE.sub("1", bracketed)
    changed = unbarred != text
    out = _NUMBERISH.sub(fix, unbarred)
    # "-49 (0)351 93544": the plus before a country code read as a dash (only the international form writes "(0)");
    # "+61 (012 2945 1608": the trunk zero's closing bracket read as a 1
    # "+31 (©) 15 856 6794": the bracketed trunk zero read as a copyright sign (or an at sign, see _mask)
    # "M 449 (0) 15847 252812", "P |449 (0) 351 7822": the plus read as a 4 (or a bar), before a country code
    mended = _TRUNK_BRACKET_AS_ONE.sub(r"\1(0)", _PLUS_AS_DASH.sub("+", _PLUS_AS_FOUR.sub("+", out)))
    mended = _TRUNK_ZERO_AS_MARK.sub(r"\1(0)", mended)
    return mended, changed or mended != out


_LONE_CC_NANP = re.compile(r"\+[02-689](?= ?\(\d{3}\) ?\d{3}[-. ]?\d{4}\b)")
_BRACE_OPEN = re.compile(r"[{\[](\d{1,4})\)")
_BRACE_CLOSE = re.compile(r"\((\d{1,4})[}\]]")
_BAR_AS_ONE = re.compile(r"(?<=\d)\s?\|(?=-\d)|(?<=\d-)\|(?=\d)")
_PLUS_AS_DASH = re.compile(r"(?<![\w+-])-(?=\d{1,3}\s?\(0\))")
#: the countries whose numbers are printed with a bracketed trunk zero after the code ("+49 (0)")
_TRUNK_ZERO_CODES = "31|32|33|34|39|41|43|44|45|46|47|49|61|64|27|352|353"
_PLUS_AS_FOUR = re.compile(rf"(?<![\w+])(?:\|\s?)?[4|](?=(?:{_TRUNK_ZERO_CODES})\s?\(0\))")
_TRUNK_ZERO_AS_MARK = re.compile(r"(\+\d{1,3}\s?)\([©®]\)(?=\s?\d)")
_TRUNK_BRACKET_AS_ONE = re.compile(r"(\+\d{1,3}\s?)\(0[1l](?=\d)(?!\d{0,4}\))")


#: a Japanese address line: the postcode mark or a prefecture, city or ward character
_JP_ADDRESS = re.compile(r"〒|[都道府県市区町村]")
# "108-0075" on such a line is a postcode, also when OCR read "〒" as a digit ("1708-0075");
# a Japanese phone number starts with 0 and has three groups, so none is lost
_JP_POSTCODE = re.compile(r"(?<![\d-])\d{3,4}-\d{4}(?![\d-])")


#: "+49 (@)351 290297": a bracketed trunk zero read as an at sign, which is no email's
_TRUNK_ZERO_AS_AT = re.compile(r"(\+\d{1,3}\s?\()@(?=\)\s?\d)")


def _mask(text: str) -> str:
    """Blank out emails, URLs and postcodes, keeping positions, so their digits are not read as phones."""
    text = _TRUNK_ZERO_AS_AT.sub(r"\1©", text)  # mended as the copyright sign is, by _repair_digits
    out = _EMAIL_OR_URL.sub(lambda m: " " * len(m.group(0)), text)
    if _JP_ADDRESS.search(text):
        out = _JP_POSTCODE.sub(lambda m: " " * len(m.group(0)), out)
    return out


def label_letters(text: str) -> str:
    """A label's letters, with an "l" OCR read as "!" put back between letters ("Ce!!" is "Cell", "Mobi!e")."""
    return re.sub(r"(?<=[^\W\d_])!+", lambda m: "l" * len(m.group(0)), text)


def label_type(text: str, nearest_last: bool = True) -> PhoneType | None:
    """The phone type named by label words in `text` (mobile and fax beat a generic "phone")."""
    words = [w.lower() for w in _WORD.findall(label_letters(text))]
    if not words:
        return None
    words = words[-3:] if nearest_last else words[:3]
    types = [LABELS[w] for w in words if w in LABELS]
    kinds: tuple[PhoneType, ...] = ("fax", "mobile", "work", "other")
    for kind in kinds:
        if kind in types:
            return kind
    return None


def misread_label(text: str) -> PhoneType | None:
    """The phone type of a label OCR misread by one letter just before a number ("Fex", "Fox", "mod", "Coll"): its
    last word, three letters or more, one change off label words of a single type. A number so labelled does not
    count as labelled (a misread word is no proof that the digits after it are a phone number)."""
    words = _WORD.findall(label_letters(text))
    if not words or len(words[-1]) < 3 or words[-1].lower() in LABELS:
        return None
    word = words[-1].lower()
    kinds = {kind for label, kind in LABELS.items() if len(label) >= 3 and len(ocr_edits(word, label)) == 1}
    return kinds.pop() if len(kinds) == 1 else None


def _nearest(gap: str, last: bool) -> str:
    """The part of the text between two numbers that belongs to the number on the `last` side.

    "Fax | " before a number is the label "Fax" with a "|" between label and number, so empty
    parts left by a separator are skipped.
    """
    parts = [part for part in _SEPARATOR.split(gap) if part.strip(" ()")]
    if not parts:
        return ""
    return parts[-1] if last else parts[0].strip(" ()")


def is_label_only(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(label_letters(text))]
    return bool(words) and all(w in LABELS for w in words) and not any(c.isdigit() for c in text)


def _row_label(line: TextLine, lines: list[TextLine]) -> PhoneType | None:
    """A label printed in its own column on the same row, left of the number (the nearest one)."""
    best: TextLine | None = None
    for other in lines:
        if other.index == line.index or other.box.x2 > line.box.x + 2:
            continue
        if abs(other.box.cy - line.box.cy) < 0.5 * max(line.height, 1) and is_label_only(other.text):
            best = other if best is None or other.box.x2 > best.box.x2 else best
    return label_type(best.text) if best else None


#: an Indian number printed as a mobile is: ten digits in one run, or five and five ("98765 43210"); a landline
#: is printed with its area code apart ("80 4946 0170", "022-4807-0918")
_INDIAN_MOBILE_PRINT = re.compile(r"(?:\+91|0)?[\s.-]*(?:\d{10}|\d{5}[\s.-]\d{5})\s*$")


def _unlabelled_type(number: phonenumbers.PhoneNumber, raw: str = "") -> PhoneType:
    kind = phonenumbers.number_type(number)
    if kind == PhoneNumberType.FIXED_LINE_OR_MOBILE and number.country_code == 91:
        # India's plan shares some ranges ("8158..."), but its mobiles and landlines are printed apart
        return "mobile" if _INDIAN_MOBILE_PRINT.fullmatch(raw.strip()) else "work"
    return "mobile" if kind == PhoneNumberType.MOBILE else "work"


def _with_plan(kind: PhoneType | None, text: str, number: phonenumbers.PhoneNumber) -> PhoneType | None:
    """Of the labels in front of a number ("M P 029 2028 2160": the M the next column's), the one its numbering
    plan agrees with: a mobile label on a number the plan says is a landline gives way to a landline label beside
    it, and the reverse. One label, or labels that all agree or all disagree, are taken as printed."""
    words = [w.lower() for w in _WORD.findall(label_letters(text))][-3:]
    others = {LABELS[w] for w in words if w in LABELS} - {kind}
    if kind is None or not others:
        return kind
    plan = phonenumbers.number_type(number)
    if kind == "mobile" and plan == PhoneNumberType.FIXED_LINE:
        return next(k for k in ("fax", "work", "other") if k in others) if others - {"mobile"} else kind
    if kind in ("work", "fax") and plan == PhoneNumberType.MOBILE and "mobile" in others:
        return "mobile"
    return kind


#: the confidence of a number whose labels name two types that its numbering plan cannot choose between
#: ("P M | 512-381-2168": a US number may be either), typed by the likelier label: in review
UNSETTLED_CONF = 0.5


def _labels_unsettled(text: str, number: phonenumbers.PhoneNumber) -> bool:
    """The labels in front of a number name more than one type and its plan tells landlines from mobiles by no
    range (the US, Canada): which label is the number's, the reading cannot tell."""
    words = [w.lower() for w in _WORD.findall(label_letters(text))][-3:]
    kinds = {LABELS[w] for w in words if w in LABELS}
    return len(kinds) > 1 and phonenumbers.number_type(number) == PhoneNumberType.FIXED_LINE_OR_MOBILE


def _label_unread(text: str, number: phonenumbers.PhoneNumber) -> bool:
    """A word no label is stands just before a number whose plan tells landlines from mobiles by no range (the US,
    Canada): a label OCR misread past knowing ("Mobée (602) 797-8313", "Cot +1 919 ..."), so the number's type is
    a guess. The word must open the line's text before the number, as a label does, and not be one itself."""
    words = _WORD.findall(label_letters(text))
    return (
        1 <= len(words) <= 2
        and len(words[-1]) >= 3
        and words[-1].lower() not in LABELS
        and misread_label(text) is None
        and phonenumbers.number_type(number) == PhoneNumberType.FIXED_LINE_OR_MOBILE
    )


#: the confidence of a number printed in its country's national form without the trunk 0 that form starts with
#: ("Tel. 6241 / 62298" for 0241 / 62298 in Aachen: the 0 read as a 6, which leaves a valid number elsewhere)
TRUNK_LOST_CONF = 0.5


def _trunk_zero_lost(raw: str, number: phonenumbers.PhoneNumber) -> bool:
    """`raw` is written as a national number (no +CC, no 00) of a country whose national numbers start with a
    trunk 0, but starts with a 6, 8 or 9 instead, which read as that 0 makes a valid number too: which one is
    printed, the reading cannot tell ("6 79 16 26 11", whose 0 was lost, is no valid number with a 0 for its 6)."""
    digits = "".join(ch for ch in raw if ch.isdigit())
    if not digits or digits[0] not in "689" or raw.lstrip("( ").startswith(("+", "00")):
        return False
    region = phonenumbers.region_code_for_number(number) or ""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    if meta is None or meta.national_prefix != "0":
        return False
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse("0" + digits[1:], region))
    except phonenumbers.NumberParseException:
        return False


def find_phones(lines: list[TextLine], region: str, address_lines: frozenset[int] = frozenset()) -> list[PhoneHit]:
    """Every possible phone number on the card, typed, E.164, first printed first, no duplicates."""
    hits: list[PhoneHit] = []
    seen: set[str] = set()
    for line in lines:
        masked = _mask(line.text)
        fixed, repaired = _repair_digits(masked)
        matches = _matches(fixed, region)
        # "Tél. 101 49 86 85 59": a mark before a trunk 0 read as a 1, taken away when only that makes numbers valid
        strays = [m.start() for m in _STRAY_ONES.finditer(fixed)]
        if strays:
            unstrayed = _STRAY_ONES.sub(" ", fixed)
            alt = _matches(unstrayed, region)
            if _reading_score(alt) > _reading_score(matches):
                fixed, matches = unstrayed, alt
            else:
                strays = []
        # the text between numbers; labels either all precede their numbers or all follow them
        gaps = [fixed[: m.start] if i == 0 else fixed[matches[i - 1].end : m.start] for i, m in enumerate(matches)]
        gaps.append(fixed[matches[-1].end :] if matches else "")
        labels_first = bool(matches) and label_type(_nearest(gaps[0], last=True)) is not None
        for i, m in enumerate(matches):
            raw = line.text[m.start : m.end].strip()
            number = m.number
            nsn = phonenumbers.national_significant_number(number)
            valid = phonenumbers.is_valid_number(number)
            if _DATE.match(raw) or len(nsn) < 7 or (not valid and len(nsn) < 8):
                continue
            unsettled = False
            if labels_first or len(matches) == 1:
                kind = _with_plan(label_type(_nearest(gaps[i], last=True)), _nearest(gaps[i], last=True), number)
                unsettled = _labels_unsettled(_nearest(gaps[i], last=True), number)
            else:
                kind = None
            if kind is None and (not labels_first or len(matches) == 1):
                kind = label_type(_nearest(gaps[i + 1], last=False), nearest_last=False)
            if kind is None:
                kind = _row_label(line, lines)
            labelled = kind is not None
            if kind is None and (labels_first or len(matches) == 1):
                kind = misread_label(_nearest(gaps[i], last=True))
            if not valid and not labelled and not raw.startswith("+"):
                continue  # no country's plan has it and nothing calls it a phone: a postcode or an ID
            # a bare number on an address line is a postcode or street number until labelled
            if line.index in address_lines and not labelled and not raw.startswith("+"):
                continue
            e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
            if e164 in seen:
                continue
            seen.add(e164)
            conf = line.conf
            conf *= 1.0 if valid else 0.5
            conf *= 0.85 if repaired and fixed[m.start : m.end] != masked[m.start : m.end] else 1.0
            conf *= 1.0 if labelled else 0.9
            conf *= 0.5 if any(m.start - 3 <= at < m.end for at in strays) else 1.0  # a guess: in review
            if _trunk_zero_lost(raw, number):
                conf = min(conf, TRUNK_LOST_CONF)
            if unsettled or (not labelled and _label_unread(_nearest(gaps[i], last=True), number)):
                conf = min(conf, UNSETTLED_CONF)
            phone = Phone(number=e164, type=kind or _unlabelled_type(number, raw), raw=raw)
            hits.append(PhoneHit(phone, line.index, round(conf, 3), labelled))
    return hits


#: a lone 1 just before a number's trunk 0, "101 49 86 85 59" or "101595 / 3848290": an icon or a label's dot
#: read as a digit (no plan starts a national number with "10"); not a 1 inside a number ("0431 101 696")
STRAY_ONE = re.compile(r"(?<![\w+])(?<!\d[ .-])1(?= ?\(?0\d)")
#: and one glued to the first group of a number printed without its trunk 0 ("Fax 1918.41.25 83" on a Spanish card),
#: or to an area code's closing bracket ("+1 (987)1 123-4567": the bracket's tail), or to a one-letter label before
#: a number whose bar between them it is ("T16295 0186" for "T | 6295 0186"), or to a label word ("Fax191841 2583")
_GLUED_LABELS = "|".join(
    rf"(?<=\b{w})" for w in ("Fax", "Tel", "Tél", "Mob", "Mobil", "Work", "Office", "Direct", "Cell")
)  # one look-behind each: Python's must each be of one width
_STRAY_ONES = re.compile(
    rf"{STRAY_ONE.pattern}|(?<![\w+(./-])1(?=[2-9]\d\d[ .-]\d)|(?<=\d\d\))1(?= \d)"
    r"|(?<=\b[TMFPOEWHC])1(?=[2-9]\d{2,3}[ .-]?\d)"
    rf"|(?:{_GLUED_LABELS})1(?=[2-9]\d)"
)


def _matches(text: str, region: str) -> list[phonenumbers.PhoneNumberMatch]:
    return list(phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.POSSIBLE))


def _reading_score(matches: list[phonenumbers.PhoneNumberMatch]) -> tuple[int, int]:
    """How good a reading of a line's numbers is: its valid numbers, then the digits of its possible ones (a
    made-up number on a sample card, "+1 (987) 123-4567", is possible but not valid, and "123-4567" is less)."""
    possible = sum(
        len(phonenumbers.national_significant_number(m.number))
        for m in matches
        if phonenumbers.is_possible_number(m.number)
    )
    return sum(phonenumbers.is_valid_number(m.number) for m in matches), possible


#: countries whose cards cardscan reads (address formats, accents): where a number printed without its
#: country code may come from
GROUPING_REGIONS = (
    "US", "CA", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "NL", "LU", "ES", "PT", "IT", "SE", "NO", "DK", "FI",
    "PL", "AU", "NZ", "IN", "SG", "HK", "JP", "KR", "BR", "MX", "ZA",
)  # fmt: skip


def _shape(text: str) -> str:
    """How a number is printed, its digits aside: "045-888-5414" -> "999-999-9999". A dot separates as a space
    does: "06.14.15.21.81" is printed as France prints "06 14 15 21 81"."""
    return re.sub(r"[\s.]+", " ", re.sub(r"\d", "9", text)).strip()


def nearest_label(before: str) -> str:
    """The label words just before a number, from the text in front of it on its line."""
    return _nearest(before, last=True)


#: a number printed in groups of two or three digits without a trunk 0, as Spain prints all its numbers
#: ("976 77 52 85"): what `region_by_grouping` also asks about
_BARE_GROUPS = re.compile(r"[1-9]\d{1,2}(?:[ .]\d{2,3}){3}")


def region_by_grouping(raw: str, kind: PhoneType | None = None) -> str | None:
    """The one country where `raw`, printed with a trunk 0 and no country code, is a valid number printed
    just as that country prints its numbers ("045-888-5414" is Yokohama: Italy and the Netherlands set
    it apart with spaces); None when no country or several fit ("0161 396 6024": Britain, Italy, India).
    A number labelled a mobile narrows several to the one whose plan makes it a mobile ("Mob 07448 603440":
    Britain's; Germany and Austria print it alike, as a landline). A number of groups of two or three digits
    printed without a trunk 0 is asked about too: "976 77 52 85" is Spanish."""
    digits = "".join(re.findall(r"\d", raw))
    if raw.lstrip("( ").startswith("+") or not (digits.startswith("0") or _BARE_GROUPS.fullmatch(raw)):
        return None
    fits = []
    for region in GROUPING_REGIONS:
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        if phonenumbers.is_valid_number(number) and _shape(national) == _shape(raw):
            fits.append(region)
    if len(fits) > 1 and kind == "mobile":
        fits = [r for r in fits if phonenumbers.number_type(phonenumbers.parse(digits, r)) == PhoneNumberType.MOBILE]
    return fits[0] if len(fits) == 1 else None


#: the states and provinces the phonenumbers geocoder names for North American area codes
_NANP_PLACES = {
    "Alabama": "AL", "Alaska": "AK", "Arizona": "AZ", "Arkansas": "AR", "California": "CA", "Colorado": "CO",
    "Connecticut": "CT", "Delaware": "DE", "Washington D.C.": "DC", "Florida": "FL", "Georgia": "GA", "Hawaii": "HI",
    "Idaho": "ID", "Illinois": "IL", "Indiana": "IN", "Iowa": "IA", "Kansas": "KS", "Kentucky": "KY",
    "Louisiana": "LA", "Maine": "ME", "Maryland": "MD", "Massachusetts": "MA", "Michigan": "MI", "Minnesota": "MN",
    "Mississippi": "MS", "Missouri": "MO", "Montana": "MT", "Nebraska": "NE", "Nevada": "NV", "New Hampshire": "NH",
    "New Jersey": "NJ", "New Mexico": "NM", "New York": "NY", "North Carolina": "NC", "North Dakota": "ND",
    "Ohio": "OH", "Oklahoma": "OK", "Oregon": "OR", "Pennsylvania": "PA", "Puerto Rico": "PR", "Rhode Island": "RI",
    "South Carolina": "SC", "South Dakota": "SD", "Tennessee": "TN", "Texas": "TX", "Utah": "UT", "Vermont": "VT",
    "Virginia": "VA", "Washington State": "WA", "West Virginia": "WV", "Wisconsin": "WI", "Wyoming": "WY",
    "Alberta": "AB", "British Columbia": "BC", "British Colombia": "BC", "Manitoba": "MB", "New Brunswick": "NB",
    "Newfoundland and Labrador": "NL", "Nova Scotia/Prince Edward Island": "NS PE", "Ontario": "ON", "Quebec": "QC",
    "Saskatchewan": "SK", "Northwest Territories/Nunavut/Yukon": "NT NU YT",
}  # fmt: skip


def area_regions(e164: str) -> frozenset[str]:
    """The US states or Canadian provinces a North American number's area code serves ("+18012338140": UT);
    empty for other countries and for codes the geocoder does not place."""
    if not e164.startswith("+1"):
        return frozenset()
    try:
        place = geocoder.description_for_number(phonenumbers.parse(e164), "en")
    except phonenumbers.NumberParseException:
        return frozenset()
    m = re.search(r", ([A-Z]{2})$", place)  # "San Francisco, CA"
    return frozenset([m[1]] if m else _NANP_PLACES.get(place, "").split())


def area_place(e164: str) -> str:
    """The place the phonenumbers geocoder names for a number's area code, in English ("London" for +44 20);
    "" when it names none."""
    try:
        return str(geocoder.description_for_number(phonenumbers.parse(e164), "en"))
    except phonenumbers.NumberParseException:
        return ""
