"""Which lines may carry the accents the English model drops, and which accents to put back.

The `eng` model reads "Mühlenweg" as "Muhlenweg"; the `Latin` model keeps the ü but costs
half again the OCR time on a whole card. So the name and address lines of cards from countries
that write with diacritics are read again with `Latin` in recognize's one second look. A word
takes that reading when it spells the same plain letters as the English one, or when only the
letters the Latin model reads accented differ ("Mihlenweg" for "Mühlenweg") and the Latin reading
is the surer; where the two models spell a word apart otherwise, the English reading stays and
its field goes to review. Two dots over a letter that neither model read are taken from the pixels
(`marks`). No OCR here.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata

import numpy as np
import phonenumbers

from . import marks
from .layout import mark_over_capital
from .models import Contact, Line, Page, Word
from .parse.address import looks_like_street
from .parse.text import UNKNOWN_CONF, TextLine, fold, ocr_edits, similarity

MODEL = "Latin"
#: countries whose names and streets are commonly written with diacritics
ACCENT_COUNTRIES = frozenset(
    [
        "AT",
        "BE",
        "BR",
        "CH",
        "CL",
        "CO",
        "CZ",
        "DE",
        "DK",
        "ES",
        "FI",
        "FR",
        "HU",
        "IE",
        "IS",
        "IT",
        "LU",
        "MX",
        "NL",
        "NO",
        "PE",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
        "TR",
        "AR",
        "EE",
        "LV",
        "LT",
        "HR",
    ]
)
SURE = 0.8  # the Latin model's word confidence needed to put an accent on a word
#: a word the two models spell with different letters, the Latin one with an accent ("Kéin", "Köln"):
#: its English reading keeps at most this confidence, so the field goes to review
DISAGREE = 0.5
#: how much surer than the English reading the Latin one must be to mend look-alike letters as well
LOOKALIKE_BY = 0.1


#: letters that carry their accent inside them, so NFKD does not take it off
_BARE = str.maketrans(
    {"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
     "ħ": "h", "Ħ": "H"}
)  # fmt: skip


def _plain(text: str) -> str:
    """The letters of a text without accents, case or spaces: what both models must agree on."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_BARE))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and not c.isspace()).casefold()


def _accented(c: str) -> bool:
    """A letter with a diacritic ("ü", "ß", "ø"); quotes and dashes outside ASCII are not."""
    return c.isalpha() and not c.isascii()


def _misread_accents(english: str, latin: str) -> bool:
    """The English reading is the Latin one with its accented letters misread ("Mihlenweg" for
    "Mühlenweg", "Gartenstrae" for "Gartenstraße"): every plain letter agrees, and each accented
    letter stands for at most two others. A word with no accented letter never matches."""
    if not any(_accented(c) for c in latin):
        return False
    pattern = "".join(".{0,2}" if _accented(c) else re.escape(c) for c in latin.lower())
    return re.fullmatch(pattern, english.lower()) is not None


def _misread_lookalikes(english: str, latin: str) -> bool:
    """The English reading is the Latin one with an accent lost and a letter or two misread as its
    look-alike ("Kéin" for "Köln", "Numberg" for "Nürnberg"): one or two OCR look-alike swaps
    (o/e, l/i, rn/m) and no other change. A word with no accented letter never matches."""
    if not any(_accented(c) for c in latin):
        return False
    edits = ocr_edits(latin, "".join(fold(c) for c in english))
    return 0 < len(edits) <= 2 and all(e.plausible for e in edits)


#: two-letter domains bought for their letters, not their country (.io, .co, .ai, .me): no sign of where a card is from
VANITY_TLDS = frozenset({"io", "co", "ai", "me", "tv", "ly", "fm", "gg", "sh", "cc", "to", "ws", "so", "gl", "vc"})
#: Canada writes French, and its accents, in Québec
_QUEBEC = re.compile(r"\b(?:QC|Qu[ée]bec|Montr[ée]al|Laval|Gatineau|Sherbrooke|Trois-Rivi[èe]res)\b", re.I)


def countries(contact: Contact) -> frozenset[str]:
    """Where the card is from, as far as its phones, address and domains tell (ISO codes)."""
    out = set()
    for p in contact.phones:
        try:
            region = phonenumbers.region_code_for_number(phonenumbers.parse(p.number))
        except phonenumbers.NumberParseException:
            region = None
        if region and region != "ZZ":
            out.add(region)
    if contact.address and contact.address.country:
        out.add(contact.address.country.upper())
    for host in (*(e.rpartition("@")[2] for e in contact.emails), contact.website or ""):
        tld = host.rstrip("/").rpartition(".")[2].split("/")[0].lower()
        if len(tld) == 2 and tld.isalpha() and tld not in VANITY_TLDS:
            out.add("GB" if tld.lower() == "uk" else tld.upper())
    return frozenset(out)


#: a name read less surely than this, on a card from anywhere, gets the second look for accents (0.8 missed
#: "Dr. Soren Fairbairn" read at 0.86, its "Soren" at 0.81 beside words at 0.96, once OpenCV 5 changed the
#: pixels a little)
NAME_SURE = 0.9


#: names most often written with a diacritic, without it: the people who bear them live everywhere (a
#: "José" or an "Étienne" on a card from Toronto or Texas), so their names get the second look on any card
#: (not those English writes the same without one, "Eric", "Maria", "Martin": on an English card they cost a look)
ACCENTED_NAMES = frozenset(
    """
    amelie anais anaelle aurelie aurelien benoit cecile cedric celine chloe clement elodie emilie
    etienne francois francoise frederic gael gaelle genevieve gregoire helene heloise herve honore
    ines jerome jeremie joelle josee lea leonie loic maelle mailys megane noemie
    oceane ophelie raphaelle regis remi rene sebastien solene stephane therese
    timothee veronique
    alvaro andres cesar concepcion inaki inigo jesus joaquin jose
    matias ramon raul rocio joao
    conceicao flavia marcia vinicius begona
    jurgen jorg jorn bjorn dorte sonke gunter gunther barbel kathe soren jorgen asa stale goran hakan
    siobhan padraig roisin oisin grainne meabh aoibhinn maire ciaran eabha seamus sinead donal
    ayse gul omer ozge sule gokhan umit
    cote gagne belanger levesque bedard pepin frechette lefevre lefebvre lemaitre menard hebert theriault seguin
    garcia rodriguez martinez hernandez lopez gonzalez perez sanchez ramirez diaz gomez jimenez alvarez
    fernandez munoz nunez ibanez velazquez pena marquez dominguez vazquez gutierrez suarez mendez castano
    ordonez chavez cortes duran guzman muller schafer schroder kruger jager kohler moller sjoberg yilmaz celik
    ozturk sahin dogan
    angeles iniguez italo ursula edouard eloise elise eleonore evelyne ozlem ulku ake eanna orla olafur
    """.split()  # noqa: SIM905 - a block of words reads better than 180 quoted ones
)


def accented_name(name: str) -> bool:
    """A name with a word usually written with a diacritic ("Jose", "Etienne", "Munoz"), read with or without it."""
    return any(_plain(w) in ACCENTED_NAMES for w in name.split())


def _target_texts(contact: Contact) -> list[str]:
    """The name and the address lines of a card from a country that writes accents; elsewhere the name
    alone, when it is in doubt (the email spells "Seren Wright" as soren.wright@: "Søren" misread), read
    only middlingly ("Dr. Soren Fairbairn", its "Soren" far less sure than the words around it), or when it
    is one usually written with accents ("Etienne Thibodeau" in Toronto)."""
    name = contact.name.full if contact.name else ""
    address = contact.address.lines if contact.address else ()
    if countries(contact) & ACCENT_COUNTRIES or any(_QUEBEC.search(ln) for ln in address):
        texts = [name, *address]
    else:
        texts = [name] if "name" in contact.review or middling_name(contact) or accented_name(name) else []
    return [t for t in texts if _plain(t)]


def middling_name(contact: Contact) -> bool:
    """A name read only middlingly, not in review, on a card from a country that writes no accents."""
    return (
        not countries(contact) & ACCENT_COUNTRIES
        and "name" not in contact.review
        and contact.confidence.get("name", 1.0) < NAME_SURE
    )


def wanted(contact: Contact) -> bool:
    """Worth a second look: the card has a name or an address that may have lost its accents."""
    return bool(_target_texts(contact))


def target_lines(page: Page, contact: Contact) -> list[int]:
    """Indexes of the page lines that carry the texts `wanted` asks about."""
    keys = [_plain(t) for t in _target_texts(contact)]
    out = []
    for i, line in enumerate(page.lines):
        # (the parser may have put back a ü OCR read as "ii": "Kriiger" is the line of "Krüger")
        read = {_plain(line.text), _plain(re.sub(r"(?<=[^\W\d_])ii(?=[^\W\d_])", "u", line.text))}
        read.add(_plain(re.sub(r"(?<=[^\W\d_])fi(?=[^\W\d_])", "n", line.text)))  # and an ñ as "fi": "Mufioz"
        # a stray letter or two is part of every key, but no line of the name or address; the parser may
        # have mended a line it printed ("9? planta" -> "9ª planta"), so a near match counts too
        if any(len(p) >= 3 and any(k in p or p in k or similarity(k, p) >= 0.9 for k in keys) for p in read):
            out.append(i)
    if contact.address is None and countries(contact) & ACCENT_COUNTRIES:
        # no address was made out (its city misread: "50618 K6in"), but its street line lost its accents too
        out += [i for i, line in enumerate(page.lines) if i not in out and _street_line(i, line)]
    return out


def _street_line(index: int, line: Line) -> bool:
    as_text = TextLine(index, line.text, line.height, line.box, line.block, line.conf or UNKNOWN_CONF, line.words)
    return looks_like_street(as_text)


#: names whose capital usually carries the accent, which both models drop ("Alvaro" for "Álvaro"): put back
#: when a mark stands over the capital in the photo
_CAPITAL_ACCENTED = (
    "Álvaro Ángel Ángela Ángeles Álvarez Óscar Íñigo Íñiguez Ítalo Úrsula Étienne Élodie Émilie Émile Éric "
    "Édouard Éloïse Élise Éléonore Évelyne Ömer Özge Özlem Öztürk Ümit Ülkü Åsa Åke Éabha Éanna Órla Ólafur"
)
CAPITAL_ACCENTED = {_plain(n): n for n in _CAPITAL_ACCENTED.split()}
#: letters only some languages write, by the countries that write them: the Latin model reads them elsewhere too
#: ("Båtiment" for "Bâtiment" on a French card)
_LETTER_LANDS = {
    "å": {"SE", "NO", "DK", "FI"}, "ø": {"NO", "DK"}, "æ": {"NO", "DK"}, "ş": {"TR", "RO"}, "ğ": {"TR"},
    "ı": {"TR"}, "ł": {"PL"}, "ő": {"HU"}, "ű": {"HU"}, "ř": {"CZ"}, "ů": {"CZ"}, "ě": {"CZ"},
    "ą": {"PL", "LT"}, "ę": {"PL", "LT"}, "ã": {"PT", "BR"}, "õ": {"PT", "BR", "EE"},
}  # fmt: skip
#: a ring read where a circumflex is printed: they look alike in small print
_RING_FOR_CIRCUMFLEX = str.maketrans("åÅ", "âÂ")


def _foreign(text: str, lands: frozenset[str]) -> bool:
    """The word holds a letter none of the card's countries writes (nothing is foreign when they are unknown)."""
    return bool(lands) and any(c.lower() in _LETTER_LANDS and not lands & _LETTER_LANDS[c.lower()] for c in text)


def holds_name(line: Line, contact: Contact) -> bool:
    """The line carries the card's name (its plain letters)."""
    name = _plain(contact.name.full) if contact.name else ""
    return bool(name) and name in _plain(line.text)


#: the Latin model reads an "ï" as the letter with a plain i beside it ("Anaiïs"); no language writes "iï"
_DOUBLED_I = re.compile(r"i?ïi?")
_DIAERESIS = dict(zip("aeiouyAEIOUY", "äëïöüÿÄËÏÖÜŸ", strict=True))
_DOTTED = frozenset(_DIAERESIS.values())


def _with_diaereses(text: str, spots: list[float], latin: str) -> str | None:
    """`text` with two dots on the vowel under each spot (`marks.over`), or None when a spot stands over
    no vowel within a letter and a half (letters are taken as equally wide), or over an "i" the Latin reading
    (`latin`, letter for letter) has no "ï" on: an i's own dot beside another mark can pass for a pair."""
    n = len(text)
    out = list(text)
    for spot in spots:
        vowels = [k for k, c in enumerate(text) if _plain(c) and _plain(c) in "aeiouy"]
        k = min(vowels, key=lambda k: abs((k + 0.5) / n - spot), default=None)
        if k is None or abs((k + 0.5) / n - spot) > 1.5 / n:
            return None
        base = _plain(text[k])
        if base == "i" and "j" in text[max(0, k - 1) : k + 2].lower():
            continue  # the dots of Dutch "ij", two letters close enough to pass for one
        if base == "i" and (len(latin) != n or latin[k].lower() != "ï"):
            return None
        out[k] = _DIAERESIS[base.upper() if text[k].isupper() else base]
    return "".join(out)


def dotted(page: Page, image: np.ndarray) -> Page:
    """`page` with the two dots the pixels show over a vowel of a word put on it ("Alpengluhen" to "Alpenglühen"),
    on every line: a company or a title is not read again with the Latin model. Not on an "i", which only a
    Latin reading settles (see `take`); a word whose dots stand over no vowel is left as read."""
    lines = []
    for line in page.lines:
        words = []
        for w in line.words:
            seen = marks.over(image, w.box) if len(w.text) >= 3 and w.text.isalpha() else None
            if seen is not None and seen.pairs and sum(c in _DOTTED for c in w.text) < len(seen.pairs):
                marked = _with_diaereses(w.text, list(seen.pairs), "")
                w = w if marked is None else Word(marked, w.box, w.conf)
            words.append(w)
        lines.append(dataclasses.replace(line, words=tuple(words)))
    return (
        page
        if all(a == b for a, b in zip(lines, page.lines, strict=True))
        else dataclasses.replace(page, lines=tuple(lines))
    )


def take(line: Line, latin: list[Word], lands: frozenset[str] = frozenset(), image: np.ndarray | None = None) -> Line:
    """The line with the Latin model's accents on the words where they belong (see the module docstring).

    Words are paired by where they stand: each English word with the one Latin word whose middle
    lies inside it, so a separator one model read and the other did not changes nothing. `lands`: the
    card's countries (`countries`); a letter none of them writes is not taken ("å" on a French card is
    its "â"; another goes to review). `image`, the one the line was read from: where its pixels show two
    dots over a letter that neither model read, they are put on it ("Anais" to "Anaïs"), or, when the letter
    under them is not clear, the word goes to review.
    """
    latin = [dataclasses.replace(w, text=_DOUBLED_I.sub("ï", w.text)) for w in latin]
    words = []
    latin_of: list[str] = []  # the Latin reading paired with each word ("" for none)
    for old in line.words:
        inside = [w for w in latin if old.box.x <= w.box.cx <= old.box.x2]
        if len(inside) > 1:  # a speck or a neighbouring line's word in the strip beside the word itself
            inside = [w for w in inside if _plain(w.text) == _plain(old.text) or _misread_accents(old.text, w.text)]
        latin_of.append(inside[0].text if len(inside) == 1 else "")
        if len(inside) != 1:
            words.append(old)
            continue
        new = inside[0]
        if _foreign(new.text, lands):
            ring = new.text.translate(_RING_FOR_CIRCUMFLEX)
            new = dataclasses.replace(new, text=ring) if not _foreign(ring, lands) else new
        if _foreign(new.text, lands):
            words.append(Word(old.text, old.box, DISAGREE if old.conf is None else min(old.conf, DISAGREE)))
            continue
        conf = new.conf or 0.0
        sure = conf >= SURE
        same_letters = _plain(new.text) == _plain(old.text)
        # a misread accented letter is mended only by a reading surer than the English one
        mended = sure and conf > (old.conf or 0.0) and _misread_accents(old.text, new.text)
        # and a misread look-alike beside it only by a reading surer by LOOKALIKE_BY, and the field still goes
        # to review: the two models read other plain letters, and their confidences are not on one scale
        # ("Bernd" could come back "Bémd")
        lookalike = sure and conf >= (old.conf or 0.0) + LOOKALIKE_BY and _misread_lookalikes(old.text, new.text)
        seen = marks.over(image, old.box) if image is not None and same_letters and not sure else None
        # the marks in the pixels are those of the Latin reading, not the English one: an accent is there, as the
        # Latin model read, however unsure; which accent the count does not say ("Sânchez" for "Sánchez")
        confirmed = seen is not None and marks.expected(new.text) == (seen.single, len(seen.pairs)) != marks.expected(
            old.text
        )
        if (same_letters and sure) or mended:
            words.append(Word(new.text, old.box, old.conf))
        elif confirmed:
            words.append(Word(new.text, old.box, DISAGREE if old.conf is None else min(old.conf, DISAGREE)))
        elif lookalike:
            words.append(Word(new.text, old.box, DISAGREE))
        elif any(_accented(c) for c in new.text) and (not same_letters or new.text.casefold() != old.text.casefold()):
            # the models spell it apart ("Kéin"/"Köln"), or Latin sees an accent it is unsure of ("Ayse"/"Ayşe",
            # "Maélle"/"Maëlle"): which is right is not known
            words.append(Word(old.text, old.box, DISAGREE if old.conf is None else min(old.conf, DISAGREE)))
        else:
            words.append(old)
    for i, word in enumerate(words):
        seen = marks.over(image, line.words[i].box) if image is not None and word.text.isalpha() else None
        spots = list(seen.pairs) if seen is not None else []
        if not spots or sum(c in _DOTTED for c in word.text) >= len(spots):
            continue
        marked = _with_diaereses(word.text, spots, latin_of[i])
        if marked == word.text:
            continue
        if marked is not None and not _foreign(marked, lands):
            # the dots in the pixels settle what the models disagreed on: the word is as sure as its letters
            words[i] = Word(marked, word.box, line.words[i].conf)
        else:
            words[i] = Word(word.text, word.box, DISAGREE if word.conf is None else min(word.conf, DISAGREE))
    for i, word in enumerate(words):
        if mark_over_capital(line.words, i) and _plain(word.text) in CAPITAL_ACCENTED:
            # a mark over the capital of a name whose capital carries one: its usual spelling
            words[i] = Word(CAPITAL_ACCENTED[_plain(word.text)], word.box, word.conf)
        elif mark_over_capital(line.words, i) and word.text.isalpha():
            # a mark over a capital, which accent not known ("Ecume" for "Écume"): in doubt
            words[i] = Word(word.text, word.box, DISAGREE if word.conf is None else min(word.conf, DISAGREE))
    return dataclasses.replace(line, words=tuple(words))
