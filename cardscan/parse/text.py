"""Shared text helpers for the field parsers: NFKC lines with their layout, OCR repair, domains.

Everything here is pure and works on strings or `TextLine`s; it decides no field on its own.
"""

from __future__ import annotations

import functools
import itertools
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..models import Box, Line, Page, Word


@dataclass(frozen=True)
class TextLine:
    """One OCR line as the parsers see it: NFKC text plus the layout cues they weigh."""

    index: int  # position in reading order
    text: str
    height: float  # font-size proxy in pixels
    box: Box
    block: int
    conf: float  # mean word confidence; UNKNOWN_CONF when OCR gave none
    words: tuple[Word, ...] = ()  # the OCR words behind `text` (empty for lines built from plain text)

    def word_confs(self) -> list[float]:
        return [UNKNOWN_CONF if w.conf is None else w.conf for w in self.words] or [self.conf]


#: confidence assumed for text whose OCR confidence is unknown (hand-built pages, tests)
UNKNOWN_CONF = 0.9

_SPACES = re.compile(r"\s+")


def nfkc(text: str) -> str:
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


#: a word this unsure, with this few letters, at either end of a line is a speck or a logo edge
EDGE_JUNK_CONF = 0.3


#: marks that join what is either side of them, inside a number or a line ("0761 / 4095")
_JOINING_MARKS = frozenset({"/", "-", "–", "·", "."})


#: a group of a phone number's digits, as printed ("(0)4", "+33", "4719")
_NUMBER_GROUP = re.compile(r"[(+]?\d+\)?\d*")


def split_columns(words: Sequence[Word]) -> list[list[Word]]:
    """Cut one OCR line where it jumps across a column gap or changes font size.

    Tesseract joins "David Taylor      E: davidt@lumen.com" into one line when two columns share
    a row; the name and the email must be read apart.
    """
    parts: list[list[Word]] = [[words[0]]] if words else []
    typical = statistics.median([w.box.h for w in words]) if words else 0.0
    for prev, word in itertools.pairwise(words):
        gap = word.box.x - prev.box.x2
        # a joining mark's box is not its font's size either way: "Kolkata - 700099" with the dash boxed a quarter
        # as tall is measured by the words beside the mark
        sized = [w for w in parts[-1] if w.text not in _JOINING_MARKS] or parts[-1]
        small = max(1, min(sized[-1].box.h, word.box.h))
        # a true median: of two words, one box OCR drew too tall ("C" beside a separator) is not the font
        left_h = statistics.median([w.box.h for w in sized])
        # a label one small letter wide ("M") sits further from its number than words do: measure
        # the gap against the line's typical height, not the letter's
        cut = gap >= 2.5 * typical
        # (digits after digits go on: a number's groups boxed unevenly, "+33 (0)4 65 36" boxed twice as tall as "4719")
        digits = _NUMBER_GROUP.fullmatch(prev.text) is not None and word.text.isdigit()
        if not cut and not digits and gap >= 1.0 * small and word.text not in _JOINING_MARKS:
            # a wide gap plus a clear change of font size: a big name next to small contact text (a joining
            # mark's box is not its font's size: "0761 / 4095" with the slash boxed half as tall stays one line)
            ratio = max(left_h, word.box.h) / max(1, min(left_h, word.box.h))
            cut = ratio >= 1.6
        if cut:
            parts.append([word])
        else:
            parts[-1].append(word)
    return parts


def _domain_ending(words: list[Word]) -> bool:
    """The last word is the ending of the email before it, read apart and unsurely ("arthur_thomas@vantage" "fr"):
    a domain with no dot yet needs it."""
    if len(words) < 2 or words[-1].text.lower() not in KNOWN_TLDS:
        return False
    _, at, domain = words[-2].text.rpartition("@")
    return bool(at) and bool(domain) and "." not in domain


def _trim_edges(words: list[Word]) -> list[Word]:
    """Drop near-zero-confidence specks ("4", "ie", "sy,") from both ends of a line."""

    def junk(w: Word) -> bool:
        return w.conf is not None and w.conf < EDGE_JUNK_CONF and sum(c.isalnum() for c in w.text) <= 2

    while words and junk(words[-1]) and not _domain_ending(words):
        words = words[:-1]
    # (a "ww" before a host is its "www" misread, not a speck: "WW N@KUS. Uk")
    while words and junk(words[0]) and not (len(words) > 1 and re.fullmatch(r"w{2,3}[.,]?", words[0].text, re.I)):
        words = words[1:]
    return words


def is_cjk(ch: str) -> bool:
    """A Han, kana or Hangul character: scripts printed without spaces between words."""
    o = ord(ch)
    return (
        0x3040 <= o <= 0x30FF  # hiragana, katakana (with the long-vowel mark)
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF
        or 0xF900 <= o <= 0xFAFF
        or 0xFF66 <= o <= 0xFF9F  # half-width katakana
    )


def has_kana(text: str) -> bool:
    """Hiragana or katakana: Japanese print (Han characters alone could be Chinese)."""
    return any(0x3041 <= ord(c) <= 0x30FA or 0xFF66 <= ord(c) <= 0xFF9D for c in text)


def join_words(words: Sequence[Word]) -> str:
    """The words' text with spaces, except inside a run of CJK characters set close together.

    Tesseract's Japanese model returns one word per character or two ("株 式 会 社"); a wide
    gap is a real space ("田村 大輝"), so the gap decides, not the script alone.
    """
    out = words[0].text if words else ""
    for prev, word in itertools.pairwise(words):
        gap = word.box.x - prev.box.x2
        close = gap < 0.5 * max(prev.box.h, word.box.h, 1)
        glue = prev.text and word.text and is_cjk(prev.text[-1]) and is_cjk(word.text[0]) and close
        out += ("" if glue else " ") + word.text
    return out


_DASHES = frozenset("ー一—–-－")


def merge_long_vowel_marks(lines: Sequence[Line]) -> list[Line]:
    """Put a katakana long-vowel mark OCR read as a line of its own back into its word.

    "ー" is a flat stroke, so Tesseract's layout often takes it for a rule and returns it as a
    separate line; "コント ソ" then loses it. It is put back only between two katakana words of
    a line whose band it sits in.
    """
    out = list(lines)
    for dash in lines:
        if len(dash.words) != 1 or dash.words[0].text not in _DASHES:
            continue
        d = dash.words[0].box
        for k, host in enumerate(out):
            if host is dash or not (host.box.y <= d.cy <= host.box.y2) or d.h >= 0.5 * host.height:
                continue
            ws = host.words
            slot = next((i for i in range(1, len(ws)) if ws[i - 1].box.x2 <= d.cx <= ws[i].box.x), None)
            katakana = slot is not None and all(
                0x30A0 <= ord(t) <= 0x30FF for t in (ws[slot - 1].text[-1], ws[slot].text[0])
            )
            if slot is not None and katakana:
                # boxed like its neighbour: a 4-pixel-high word would read as a change of font
                nb = ws[slot].box
                mark = Word("ー", Box(d.x, nb.y, d.w, nb.h), dash.words[0].conf)
                out[k] = Line(words=(*ws[:slot], mark, *ws[slot:]), block=host.block)
                out = [ln for ln in out if ln is not dash]
                break
    return out


def text_lines(page: Page) -> list[TextLine]:
    """The page's non-empty lines, cut at column gaps and normalised once, in reading order."""
    out: list[TextLine] = []
    for line in merge_long_vowel_marks(page.lines):
        for part in split_columns(line.words):
            words = _trim_edges(part) or part
            seg = Line(words=tuple(words), block=line.block)
            text = grave_before_mute_e(nfkc(join_words(words)))
            if not text:
                continue
            conf = seg.conf
            conf_ = UNKNOWN_CONF if conf is None else conf
            out.append(TextLine(len(out), text, seg.height, seg.box, seg.block, conf_, tuple(words)))
    return out


#: an é before a consonant and a word's last, silent e: French writes è there ("Lumière", "Hélène", "Genève"), and OCR
#: reads the one accent for the other
_ACUTE_FOR_GRAVE = re.compile(r"(?<=[^\W\d_])([éÉ])(?=(?:[bcdfgjklmnprstvz]|ch|gn|qu|tr|vr|br)es?\b)")


def grave_before_mute_e(text: str) -> str:
    """ "Lumiére" -> "Lumière": an acute accent where French spelling has only a grave one."""
    return _ACUTE_FOR_GRAVE.sub(lambda m: "è" if m.group(1) == "é" else "È", text)


@functools.lru_cache(maxsize=16384)
def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=16384)
def letters_only(text: str) -> str:
    """Lower-case ASCII letters and digits: the form used to compare a name or company with a domain."""
    return _NOT_ALNUM.sub("", strip_accents(text).lower())


_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@functools.lru_cache(maxsize=16384)
def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b).ratio() if a and b else 0.0


def similar(a: str, b: str, least: float) -> bool:
    """similarity(a, b) >= least, answered from the cheap upper bounds first when they already fall short
    (most of a vocabulary is far off the word looked up)."""
    if not (a and b):
        return least <= 0.0
    m = SequenceMatcher(None, a, b)
    return m.real_quick_ratio() >= least and m.quick_ratio() >= least and m.ratio() >= least


_LETTER_SPACED = re.compile(r"^(?:[A-Za-z0-9&] ){2,}[A-Za-z0-9&]$")


def join_letter_spaced(text: str) -> str:
    """ "V E R Y F I" -> "VERYFI"; anything else is returned unchanged."""
    return text.replace(" ", "") if _LETTER_SPACED.match(text) else text


#: Tesseract's reading of logos and rules: lines with too few letters to mean anything
def is_junk(text: str) -> bool:
    letters = sum(c.isalpha() for c in text)
    digits = sum(c.isdigit() for c in text)
    if letters + digits < 2:
        return True
    if letters + digits < 0.5 * len(text.replace(" ", "")):
        return True
    if sum(is_cjk(c) for c in text) >= 2:
        return False  # two kanji are a word ("部長"): the fragment rule below is for alphabets
    # a run of one- and two-letter fragments ("ae a Re") is texture, not print
    words = [w for w in re.split(r"\W+", text) if w]
    return len(words) >= 1 and max(len(w) for w in words) <= 2 and not _LETTER_SPACED.match(text)


#: "rdf:resource=", "foaf:name"; not a capitalised word, which is a word with a thin letter read as ":" ("Speciai:st")
_NAMESPACED = re.compile(r"^(?![A-Z])[\w.-]*\w:\w")
#: the head of a closing tag read apart from its end: its "</" as a quote or a slash ("‘oat" of "‘oat name>")
_TAG_HEAD = re.compile(r"[‘'`/]+[a-z]+:?")


def strip_markup(text: str) -> str:
    """Remove printed XML-ish decoration such as "<foaf:name>" or 'rdf:resource="'.

    Works word by word, because OCR splits and mangles tags: "<foafiname Jason Priem foafname>".
    A word opening a tag goes, and so does a lower-case word right after it (the rest of the tag
    name, "<foaf organization", its ">" perhaps read as a "»" or a "”"); a word closing a tag or carrying
    a namespace goes too.
    """
    keep: list[str] = []
    in_tag = False
    for word in re.sub(r"(?=<)|(?<=>)", " ", text).split():
        opens = word.startswith("<")
        if opens or word.endswith(">") or _NAMESPACED.match(word):
            in_tag = opens and not word.endswith(">")
            if not opens and word.endswith(">") and keep and _TAG_HEAD.fullmatch(keep[-1]):
                # "Priem- ‘oat name>": the closing tag "</foaf:name>" read as two words, its "<" as a dash
                keep.pop()
                if keep and len(keep[-1]) > 1:
                    keep[-1] = keep[-1].removesuffix("-")
            continue
        if in_tag and re.fullmatch(r"[a-z][a-z:.’'\"-]*[»”]?", word):
            in_tag = False
            continue
        in_tag = False
        keep.append(word)
    return nfkc(re.sub(r"[<>\"]+", " ", " ".join(keep)))


# --------------------------------------------------------------------------- domains

#: TLD (or second-level suffix) -> ISO country, for phone region hints
TLD_COUNTRY: dict[str, str] = {
    "co.uk": "GB", "uk": "GB", "de": "DE", "fr": "FR", "in": "IN", "co.in": "IN", "com.au": "AU",
    "au": "AU", "jp": "JP", "co.jp": "JP", "ca": "CA", "nl": "NL", "es": "ES", "it": "IT", "ie": "IE",
    "sg": "SG", "com.sg": "SG", "ch": "CH", "at": "AT", "be": "BE", "se": "SE", "dk": "DK", "no": "NO",
    "pl": "PL", "pt": "PT", "br": "BR", "com.br": "BR", "mx": "MX", "com.mx": "MX", "nz": "NZ",
    "co.nz": "NZ", "za": "ZA", "co.za": "ZA", "cn": "CN", "kr": "KR", "hk": "HK", "fi": "FI",
}  # fmt: skip

#: TLDs accepted for a bare "name.tld" website (no www., no scheme) and checked on emails
KNOWN_TLDS = frozenset(
    [
        "com",
        "org",
        "net",
        "edu",
        "gov",
        "io",
        "ai",
        "co",
        "app",
        "dev",
        "info",
        "biz",
        "me",
        "tech",
        "us",
        "eu",
        "uk",
        "de",
        "fr",
        "in",
        "au",
        "jp",
        "ca",
        "nl",
        "es",
        "it",
        "ie",
        "sg",
        "ch",
        "at",
        "be",
        "se",
        "dk",
        "no",
        "pl",
        "pt",
        "br",
        "mx",
        "nz",
        "za",
        "cn",
        "kr",
        "hk",
        "fi",
        "cloud",
        "design",
        "studio",
        "agency",
        "health",
        "law",
    ]
)

#: endings OCR makes of common ones by a look-alike letter: "jo" for "io" (an i read as j), "tr" for "fr". Jordan's
#: and Turkey's own are written under a second level ("gov.jo", "com.tr") as often as not, and are left so
TLD_SLIPS = {"jo": "io", "tr": "fr"}


def mend_tld(host: str) -> str:
    """ "redwood-data.jo" -> "redwood-data.io": a host's ending read a look-alike letter off a common one (TLD_SLIPS),
    right after the organisation's name; any other host is returned as it is."""
    head, _, tld = host.rpartition(".")
    if tld.lower() not in TLD_SLIPS or not head or "." in head.lower().removeprefix("www."):
        return host
    return f"{head}.{TLD_SLIPS[tld.lower()]}"


#: countries whose organisations' hosts end in a second level before the country ("co.uk", "com.au")
_SECOND_LEVEL = re.compile(
    r"^(?P<name>[a-z0-9-]{4,}?)(?P<level>com|co|net|org|ac|gov|edu)\.(?P<cc>uk|au|jp|nz|in|za|sg|br|mx)$"
)


def second_level_dotted(host: str, others: list[str]) -> str:
    """ "tidewatercom.au" -> "tidewater.com.au", "www.orbitalco.uk" -> "www.orbital.co.uk": a host whose dot before its
    second level ("com" of "com.au") OCR lost, when one of `others` (the card's other lines) starts with the name's
    words ("TIDEWATER MEDIA", "Orbital Recruitment"); any other host is returned as it is."""
    www = "www." if host.lower().startswith("www.") else ""
    m = _SECOND_LEVEL.match(host.lower().removeprefix("www."))
    if m is None:
        return host
    starts = {
        "".join(ws[:k]) for ws in ([letters_only(w).lower() for w in t.split()] for t in others) for k in range(1, 5)
    }
    name = m["name"].replace("-", "")
    if name in starts and name + m["level"] not in starts:  # ("Monaco Ltd" beside monaco.uk: no dot was lost)
        return f"{www}{m['name']}.{m['level']}.{m['cc']}"
    return host


def registrable(host: str) -> str:
    """The organisation part of a host: "www.mail.contoso.co.uk" -> "contoso"."""
    parts = host.lower().removeprefix("www.").split(".")
    suffixes = KNOWN_TLDS | set(TLD_COUNTRY) | {"co", "com", "ac", "org", "net", "gov", "edu"}
    while len(parts) > 1 and parts[-1] in suffixes:
        parts.pop()
    return parts[-1] if parts else ""


def country_of_host(host: str) -> str:
    host = host.lower()
    for suffix, country in sorted(TLD_COUNTRY.items(), key=lambda kv: -len(kv[0])):
        if host.endswith("." + suffix):
            return country
    return ""


#: mail providers whose domain says nothing about the person's organisation or country
FREEMAIL = frozenset(
    [
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "live.com",
        "yahoo.com",
        "ymail.com",
        "icloud.com",
        "me.com",
        "aol.com",
        "gmx.de",
        "gmx.net",
        "web.de",
        "t-online.de",
        "proton.me",
        "protonmail.com",
        "yahoo.co.uk",
        "yahoo.fr",
        "orange.fr",
        "free.fr",
        "rediffmail.com",
        "qq.com",
        "163.com",
        "naver.com",
    ]
)


def page_from_rows(rows: Sequence[str | tuple[str, float] | tuple[str, float, float]], width: int = 1000) -> Page:
    """A Page from plain text rows: (text, height[, conf]); a bare str is 20 px high.

    For tests and fake OCR engines: rows are stacked top to bottom, left-aligned, words
    boxed in proportion to their length, so layout cues (size, order) match the rows.
    """
    lines: list[Line] = []
    y = 20
    for block, row in enumerate(rows):
        text, height, conf = (row, 20.0, 0.95) if isinstance(row, str) else (*row, 0.95)[:3]
        h = int(height)
        x = 20
        words: list[Word] = []
        for token in text.split():
            w = max(1, int(len(token) * 0.6 * h))
            words.append(Word(token, Box(x, y, w, h), conf))
            x += w + int(0.4 * h)
        if words:
            lines.append(Line(words=tuple(words), block=block))
        y += int(h * 1.6)
    return Page(lines=tuple(lines), width=width, height=y + 20)


# --------------------------------------------------------------------------- OCR-aware comparison

#: letters OCR reads where a digit is printed, as the digit: for a place only a digit may stand
#: (a phone number, a postcode's digit); and the reverse, for a place only a letter may stand
AS_DIGIT = str.maketrans("OoIlSB$", "0011585")
AS_LETTER = str.maketrans("0158", "OISB")

#: letter shapes OCR mistakes for one another (either way round); the left side as printed,
#: the right as another reading of the same print would spell it
CONFUSIONS: frozenset[tuple[str, str]] = frozenset(
    pair
    for a, b in [
        ("l", "i"), ("l", "1"), ("i", "1"), ("l", "t"), ("i", "j"), ("o", "0"), ("o", "c"), ("c", "e"),
        ("e", "o"), ("a", "o"), ("a", "u"), ("u", "v"), ("v", "y"), ("n", "h"), ("h", "b"), ("w", "h"), ("m", "n"),
        ("u", "n"), ("s", "5"), ("b", "8"), ("g", "q"), ("g", "9"), ("z", "2"), ("f", "t"), ("k", "x"),
        ("rn", "m"), ("cl", "d"), ("vv", "w"), ("ri", "n"), ("li", "h"), ("in", "m"), ("ni", "m"),
        ("ii", "u"), ("nn", "m"), ("iu", "m"), ("ct", "d"), ("k", "r"), ("ti", "u"), ("ti", "n"),
    ]
    for pair in ((a, b), (b, a))
)  # fmt: skip
#: CONFUSIONS by their printed side: what each one- or two-letter print may be read as
_READS_AS: dict[str, tuple[str, ...]] = {
    a: tuple(sorted(b for x, b in CONFUSIONS if x == a)) for a in sorted({a for a, _ in CONFUSIONS})
}
_FOLD = {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "þ": "th"}
_UMLAUT_E = {"ä": "ae", "ö": "oe", "ü": "ue"}
_UMLAUT_READS = {"ue": ("ü", ("u", "i", "ii", "iu", "ui", "iui")), "oe": ("ö", ("o", "6", "0")), "ae": ("ä", ("a",))}


def fold(ch: str) -> str:
    """How an email or a domain spells one printed letter: lower case, accents dropped."""
    low = ch.lower()
    return _FOLD.get(low) or strip_accents(low)


@dataclass(frozen=True)
class Edit:
    """One step of reading `printed` as `written`: printed[start:end] became `to`."""

    start: int
    end: int
    to: str
    plausible: bool  # an OCR look-alike swap, not an arbitrary change


def ocr_edits(printed: str, written: str) -> list[Edit]:
    """The cheapest way to turn `printed` into `written` (already folded to lower-case ASCII).

    Accents, case and German "ue" for "ü" cost nothing; a look-alike swap ("W"/"h", "rn"/"m")
    costs 1, any other change 3. Only the changes are returned: [] means the same word.
    """
    return list(_ocr_edits(printed, written))


@functools.lru_cache(maxsize=8192)
def _ocr_edits(printed: str, written: str) -> tuple[Edit, ...]:
    """`ocr_edits`, remembered: a card's words are compared with the same domains and vocabularies many times
    over (and its page is parsed twice, before and after the second look)."""
    n, m = len(printed), len(written)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    # how each cell was reached best: (i, j, the edit as (start, end, to, plausible), or None for a free step);
    # the Edits are made only for the cheapest path, at the end
    step: list[list[tuple[int, int, tuple[int, int, str, bool] | None] | None]] = [
        [None] * (m + 1) for _ in range(n + 1)
    ]
    cost[0][0] = 0.0

    def relax(i: int, j: int, i2: int, j2: int, c: float, edit: tuple[int, int, str, bool] | None) -> None:
        if i2 <= n and j2 <= m and cost[i][j] + c < cost[i2][j2]:
            cost[i2][j2] = cost[i][j] + c
            step[i2][j2] = (i, j, edit)

    folded = [fold(c) for c in printed]
    for i in range(n + 1):
        if i < n:  # what the printed letter at i may be read as, the same in every column
            f = folded[i]
            alt = _UMLAUT_E.get(printed[i].lower())
            # a look-alike of one printed letter, or of two ("rn" read as "m")
            pairs = [(f, 1), (f + folded[i + 1], 2)] if i + 1 < n else [(f, 1)]
            looks = [(size, b) for a, size in pairs if len(a) == size for b in _READS_AS.get(a, ())]
            # an umlaut whose dots OCR lost or split ("Miuiller") where the email writes "ue"
            umlauts = [
                (spelled, umlaut, len(a))
                for spelled, (umlaut, reads) in _UMLAUT_READS.items()
                for a in reads
                if printed[i : i + len(a)].lower() == a
            ]
            droppable = printed[i] in "-'’."  # addresses drop a name's hyphen or apostrophe
        for j in range(m + 1):
            if cost[i][j] == inf:
                continue
            if i < n:
                if written.startswith(f, j) and f:
                    relax(i, j, i + 1, j + len(f), 0, None)
                if alt and written.startswith(alt, j):
                    relax(i, j, i + 1, j + 2, 0, None)
                for size, b in looks:
                    if written.startswith(b, j):
                        relax(i, j, i + size, j + len(b), 1, (i, i + size, b, True))
                for spelled, umlaut, size in umlauts:
                    if written.startswith(spelled, j):
                        relax(i, j, i + size, j + 2, 1, (i, i + size, umlaut, True))
                if droppable:
                    relax(i, j, i + 1, j, 0, None)
                relax(i, j, i + 1, j, 3, (i, i + 1, "", False))
                if j < m:
                    relax(i, j, i + 1, j + 1, 3, (i, i + 1, written[j], False))
            if j < m:
                relax(i, j, i, j + 1, 3, (i, i, written[j], False))
    edits: list[Edit] = []
    i, j = n, m
    while (i, j) != (0, 0):
        back = step[i][j]
        assert back is not None
        i, j, edit = back
        if edit is not None:
            edits.append(Edit(*edit))
    return tuple(edits[::-1])


def apply_edits(printed: str, edits: list[Edit]) -> str:
    """`printed` with each edit made, a replacement taking the case of the letters it replaces."""
    out, at = "", 0
    for e in edits:
        out += printed[at : e.start]
        old = printed[e.start : e.end]
        out += e.to.upper() if old[:1].isupper() and (len(old) > 1 or e.start == 0 or printed.isupper()) else e.to
        at = e.end
    return out + printed[at:]
