"""Email addresses: repair common OCR damage, then validate with email-validator.

Only addresses that validate are returned, in their normalised form; this module
never guesses a domain or builds an address from a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from email_validator import EmailNotValidError, validate_email

from .text import (
    FREEMAIL,
    KNOWN_TLDS,
    TextLine,
    letters_only,
    mend_tld,
    ocr_edits,
    second_level_dotted,
    strip_accents,
)


@dataclass(frozen=True)
class EmailHit:
    email: str  # email-validator's normalised form
    line: int  # TextLine.index it was read from
    confidence: float
    repaired: bool  # True when the printed text had to be changed to validate


TLD_ALT = "com|org|net|edu|gov|io|ai|co|de|fr|uk|in|au|jp|ca|nl|es|it|ie|sg|ch|at|be|us|eu|info|biz"

# Each repair is (pattern, replacement); they run in order on the whole line.
_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"mailto:\s*", re.I), " "),
    (re.compile(r"\s*[\(\[\{]\s*at\s*[\)\]\}]\s*", re.I), "@"),
    # "©" and "®" are how Tesseract often reads a small "@"; only between word characters
    (re.compile(r"(?<=\w)\s?[©®]\s?(?=\w)"), "@"),
    # "careersĝlattice-logistics.com.au": the Latin model's reading of an "@", before a domain only
    (re.compile(r"(?<=\w)ĝ(?=[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b)"), "@"),
    (re.compile(r"(?<=\w)\s*@\s*(?=\w)"), "@"),
)

# Repairs that only apply to the domain, i.e. after an "@".
_DOMAIN_REPAIRS: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    (re.compile(rf"[,;]\s?(?=(?:{TLD_ALT})\b)", re.I), "."),
    (re.compile(r"\.\s+(?=[a-z]{2,6}\b)"), "."),
    (re.compile(r"\s+\.(?=[a-z]{2,6}\b)"), "."),
    (re.compile(r"\.c[o0]rn\b|\.c0m\b|\.corn\b", re.I), ".com"),
    # "@vantage-data om": the ".c" of ".com" lost; "@aravalicom": only its dot, in a domain with no dot at all
    (re.compile(r"^(@[\w-]+(?:\.[\w-]+)*)\s+[o0]m\b", re.I), r"\1.com"),
    (re.compile(r"^(@[\w-]{3,}?)(com|net|org)(?![\w.])", re.I), r"\1.\2"),
    # "@onyx 10": an ending ".io" read apart with its letters as digits, in a domain with no dot at all
    (re.compile(r"^(@[a-z][\w-]+)\s+(?:10|1o|i0|l0)$", re.I), r"\1.io"),
    # "@ outlook com", "@ contoso com au": the dots before the endings read as spaces
    (
        re.compile(rf"^(@[\w-]+(?:\.[\w-]+)*)\s+((?:{TLD_ALT})\b)(?:\s+((?:{TLD_ALT})\b))?", re.I),
        lambda m: ".".join(part for part in m.groups() if part),
    ),
    # "@bright line.fr": a space read inside a domain's first label, which holds no dot before it
    (re.compile(rf"^(@[a-z0-9-]{{2,}})\s(?!(?:{TLD_ALT})\b)([a-z0-9-]{{2,}}\.(?:{TLD_ALT})\b)", re.I), r"\1\2"),
)

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# A printed label before the address: "E: ", "e. ", "Email:", "mailto:" and OCR's readings of them
# ("maili. " for "mailto:"). A one-letter label needs its punctuation and a space after it, so the
# local part "e.smith@" is left alone; "mailto" is matched with up to two misread letters.
_LABEL = re.compile(
    r"(?<![\w.@])(?:e-?mail|mail(?:to|t0|t|i|io|l)?|e-?m|e)\s*[:;.]\s+(?=[\w.+'-]+\s?@)"
    r"|(?<![\w.@])(?:e-?mail|mail(?:to|t0|t|i|io|l)?)\s*[:;]\s*(?=[\w.+'-]+\s?@)"
    r"|(?<![\w.@])(?:e-?mail|mail)\s+(?=[\w.+'-]+\s?@)"
    # "e, m.washington@": the label's dot read as a comma, at the start of the line
    r"|^\W*e\s?,\s+(?=[\w.+'-]+\s?@)",
    re.I,
)


#: "E: poojacG larkspur.com": on a line labelled as an email's, with no "@", a lower-case word ending in
#: a capital G, Q or O (a small "@" as OCR reads it) before a domain is an email with its "@" misread
_AT_MISREAD = re.compile(
    rf"^\W*(?:e-?mail|mail|e)\s*[:;.]?\s+([a-z0-9](?:[a-z0-9._-]|(?<=[._])\s)*)(?-i:[GQO])\s?([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:{TLD_ALT}))\b",
    re.I,
)
#: confidence of an email whose "@" was read as a letter: a likely reading, for the user to check
AT_MISREAD_CONF = 0.55


def _repair(text: str) -> str:
    out = text
    for pattern, repl in _REPAIRS:
        out = pattern.sub(repl, out)
    out = _LABEL.sub(" ", out)
    at = out.find("@")
    if at < 0:
        return out
    head, tail = out[:at], out[at:]
    for domain_pattern, fix in _DOMAIN_REPAIRS:
        tail = domain_pattern.sub(fix, tail)
    # "@monarch.n!" -> "@monarch.nl": in the domain too (the address's own characters only)
    tail = re.sub(r"^@\S+", lambda m: re.sub(r"(?<=[a-z])!", "l", m.group(0)), tail)
    # "b.voge! @" -> "b.vogel@": an l read as "!" (no address holds one) after a lower-case letter
    head = re.sub(r"(?<=[a-z])!(?:\s+$|(?=[a-z0-9._-]*$))", "l", head)
    # "rahu! menon@": and in a word just before it, which may be the address's first part cut at a space
    head = re.sub(r"(?<=[a-z])!(?=\s[a-z][a-z0-9._-]*$)", "l", head)
    # "avery. smith@" -> "avery.smith@": a dot (or "_", "-") then a space inside the local part
    # (not after a name's suffix or prefix: "Kevin M. Wright, Jr. kevin.wright@")
    head = re.sub(
        r"(?<![\w.])([\w.]*\w)([._-])\s+(?=[\w.+'-]+$)",  # "charlotte. thomas-martin@", "lily_ macdonald@"
        lambda m: m[0] if m[2] == "." and m[1].lower() in _NAME_AFFIXES else m[1] + m[2],
        head,
    )
    head = re.sub(r"(?<=\w)\s+([._])(?=[\w.+'-]+$)", r"\1", head)  # "inaki .castano@", "lukas _richter@"
    # "nicolas_fo umier@" -> "nicolas_foumier@": a space read inside a local part, after a word of letters that
    # holds its "." or "_" and so is no label or printed name (nor a domain: "acme.com info@")
    # (what follows may start with a capital: "benjamin. abdul Lah@" is "benjamin.abdullah@"; a label's "e. " is no
    # word of the address)
    head = re.sub(
        rf"(?<![\w.-])(?!(?:e-?mail|mail)\b)([a-z]+[._]|[a-z]{{2,}}[._]\s)((?!(?:{TLD_ALT})\s)[a-z]+)\s([a-zA-Z0-9])"
        r"(?=[a-z0-9._-]*$)",
        lambda m: m[1].strip() + m[2] + m[3].lower(),
        head,
    )
    # "g.michel|@" -> "g.michel@": a bar against the "@" is the edge of its stroke (a mended address, so less sure)
    head = re.sub(r"(?<=[a-z0-9])\|$", "", head)
    # "|.martin@" -> "l.martin@": an initial l read as a bar, which no address holds
    head = re.sub(r"(?<![\w.])\|\.(?=[a-z0-9][\w.+'-]*$)", "l.", head)
    # "karen, lee@" -> "karen.lee@": a dot read as a comma between lower-case words (a printed
    # "Smith, jo@" keeps its capital and stays apart)
    head = re.sub(r"(?<![\w.])([a-z0-9][a-z0-9._-]*)[,;]\s?(?=[a-z0-9][\w.]*$)", r"\1.", head)
    return head + tail


def _ascii_local(candidate: str) -> str:
    """ "élisa.gallo@fontana.it" -> "elisa.gallo@fontana.it": an accent in a local part is OCR's (a name line's
    accents taken for the email beside it); cards print addresses in plain letters."""
    local, at, domain = candidate.rpartition("@")
    plain = strip_accents(local)
    return f"{plain}{at}{domain}" if plain != local and plain.isascii() else candidate


def normalise_email(candidate: str) -> str | None:
    """email-validator's normal form of a valid address, None for an invalid one."""
    try:
        return validate_email(candidate, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def _with_split_domain(line: TextLine, lines: list[TextLine]) -> str:
    """The line's text, plus the "@ domain" OCR put on a line of its own on the same row."""
    if line.text.startswith("@") or "@" in line.text:
        return line.text
    for other in lines:
        same_row = abs(other.box.cy - line.box.cy) < 0.6 * max(line.height, other.height)
        if other.text.startswith("@") and same_row and line.box.x < other.box.x <= line.box.x2 + line.height:
            return f"{line.text} {other.text}"
    return line.text


#: a label before an email, on a segment of its own ("e.", "Email.")
_LABEL_WORD = re.compile(r"(?:e-?mail|mail|e)[.:]", re.I)


def _with_local_head(line: TextLine, text: str, lines: list[TextLine]) -> str:
    """The text with the start of its local part that OCR put on a segment of its own just left of it
    ("s." beside "wood @quantix.io"): a segment on the same row, a letter's width or so away, ending in
    the ".", "_" or "-" that joins it to the rest. A label ("e.") is no start of an address."""
    if "@" not in text or " " in text.split("@", 1)[0].strip():
        return text
    for other in lines:
        same_row = abs(other.box.cy - line.box.cy) < 0.6 * max(line.height, other.height)
        gap = line.box.x - other.box.x2
        head = other.text.split()[-1] if other.text.split() else ""
        if same_row and 0 <= gap <= line.height and re.search(r"\w[._-]$", head) and not _LABEL_WORD.fullmatch(head):
            return head + text.lstrip()
    return text


#: a domain with no dot at all, ending in a country's or a newer ending: "@northwindio"
_DOTLESS = re.compile(rf"@([\w-]{{3,}}?)({TLD_ALT})(?![\w.-])", re.I)


def _dotted(text: str, line: TextLine, lines: list[TextLine]) -> str:
    """ "@northwindio" -> "@northwind.io": a domain whose only dot OCR lost (or read as a space: "@oak ndge uk"), when
    another line of the card spells the name before the ending ("NORTHWIND", "Nimbus Biotech" for
    "@nimbus-biotechio", "www larkspurio", "www.oakndge.uk"). The
    endings "com", "net" and "org" are split without that (`_DOMAIN_REPAIRS`); a shorter one, without a line
    to confirm where it starts, is as likely part of the name ("@studio")."""

    def spelled(m: re.Match[str]) -> str:
        label = letters_only(m.group(1))
        elsewhere = (letters_only(ln.text) for ln in lines if ln is not line)
        if len(label) >= 4 and any(label in other for other in elsewhere):
            return f"@{m.group(1)}.{m.group(2)}"
        return m.group(0)

    def spaced(m: re.Match[str]) -> str:
        return f"@{''.join(m.group(1).split())}.{m.group(2)}" if spelled(m) != m.group(0) else m.group(0)

    return _SPACED_ENDING.sub(spaced, _DOTLESS.sub(spelled, text))


#: ...or whose last dot OCR read as a space, at the line's end: "mpatel @oak ndge uk" beside "www.oakndge.uk"
_SPACED_ENDING = re.compile(rf"@([\w-]{{2,}}(?:\s[\w-]{{2,}})?)\s({TLD_ALT})(?=\W*$)", re.I)


#: a name's suffixes and prefixes written with a dot, which print just before an email on the name's row
_NAME_AFFIXES = frozenset({"jr", "sr", "dr", "mr", "mrs", "ms", "prof", "esq"})

#: confidence of an email whose domain's ending was mended from a look-alike (`text.TLD_SLIPS`): "@tidewater.jo" may be
#: Jordan's, however rarely
TLD_SLIP_CONF = 0.55

#: confidence of an email read from after a dot or dash: its local part likely lost its start, so in review
CUT_START_CONF = 0.5

#: confidence of an email whose domain was read a look-alike letter or two off a mail provider's: a likely reading
PROVIDER_MENDED_CONF = 0.55


def provider(domain: str) -> str | None:
    """The mail provider's domain that `domain` is a look-alike letter or two off ("outiook.com", "gmaii.com"); None
    when it is one, or near none. Only providers of nine letters or more: a short one ("me.com", "web.de") is a
    letter or two off too many other domains."""
    d = domain.lower()
    if d in FREEMAIL:
        return None
    for known in sorted(FREEMAIL):
        if len(known) < 9 or abs(len(known) - len(d)) > 1:
            continue
        edits = ocr_edits(known, d)
        if edits and len(edits) <= 2 and all(e.plausible for e in edits):
            return known
    return None


#: confidence of an email whose domain was printed as two words another line of the card prints side by side: the
#: space joined may have been a hyphen ("@pinnacle health.io" under "Pinnacle Health": pinnacle-health.io), so in review
JOINED_WORDS_CONF = 0.5


def _joined_words(line: TextLine, domain: str, lines: list[TextLine]) -> bool:
    """`domain`'s first label was read as two words with a space between ("@pinnacle health.io"), and another line
    prints the two words side by side ("Pinnacle Health"). A word split inside ("@sahy adri.in") is no such case."""
    m = re.search(r"@\s?([a-z0-9]{2,})\s([a-z0-9]{2,})\.", line.text, re.I)
    if m is None or (m[1] + m[2]).lower() != domain.split(".")[0].lower():
        return False
    pair = [m[1].lower(), m[2].lower()]
    for other in lines:
        words = [w.lower() for w in re.findall(r"\w+", other.text)] if other is not line else []
        if any(words[k : k + 2] == pair for k in range(len(words) - 1)):
            return True
    return False


#: two separators side by side in a local part ("mei._yeo@"): a speck read beside a dot, or one read as two; an
#: address a person was given hardly ever holds them, so it goes to review
_SEPARATORS_TOGETHER = re.compile(r"[._-]{2}")
SEPARATORS_TOGETHER_CONF = 0.5


def separators_together(email: str) -> bool:
    """The local part holds two separators side by side (`_SEPARATORS_TOGETHER`)."""
    return bool(_SEPARATORS_TOGETHER.search(email.rpartition("@")[0]))


def find_emails(lines: list[TextLine]) -> list[EmailHit]:
    """Every valid address on the card, first seen first, without duplicates."""
    hits: list[EmailHit] = []
    seen: set[str] = set()
    for line in lines:
        fixed = _repair(_with_local_head(line, _with_split_domain(line, lines), lines))
        m = _AT_MISREAD.match(line.text) if "@" not in fixed else None
        at_misread = m is not None and m.group(1).islower()
        if m is not None and at_misread:
            # (a space after a dot inside the local part is the print's: "E: m. brownG lattice.io")
            fixed = "".join(m.group(1).split()) + "@" + m.group(2)
        if "@" not in fixed:
            continue
        fixed = _dotted(fixed, line, lines)
        for match in _EMAIL.finditer(fixed):
            candidate = match.group(0).strip(".-'").lstrip("_")  # "|_jennifer@": an icon's underline
            # "®-bonnet@" for "a.bonnet@": what stood before the dot or dash was not read as the address's
            cut_start = match.group(0)[:1] in ".-"
            email = normalise_email(_ascii_local(candidate))
            known = provider(email.rpartition("@")[2]) if email else None
            if email is not None and known is not None:
                email = f"{email.rpartition('@')[0]}@{known}"
            split = False
            if email is not None:  # "zoe@tidewatercom.au" beside "TIDEWATER MEDIA": the dot before "com.au" lost
                head, _, domain = email.rpartition("@")
                dotted = second_level_dotted(domain, [ln.text for ln in lines if ln is not line])
                email, split = f"{head}@{dotted}", dotted != domain
            if email is None or email.lower() in seen:
                continue
            seen.add(email.lower())
            repaired = candidate not in line.text or known is not None or split
            conf = line.conf * (0.85 if repaired else 1.0)
            local, _, domain = email.rpartition("@")
            if mend_tld(domain) != domain:  # "@tidewater.jo": the likelier ending, not a certain one
                email, conf = f"{local}@{mend_tld(domain)}", min(conf, TLD_SLIP_CONF)
            tld = email.rsplit(".", 1)[-1].lower()
            if tld not in KNOWN_TLDS:
                conf *= 0.7  # a rare TLD is more often an OCR slip than a real one
            if at_misread:
                conf = min(conf, AT_MISREAD_CONF)
            if known is not None:
                conf = min(conf, PROVIDER_MENDED_CONF)
            if cut_start:
                conf = min(conf, CUT_START_CONF)
            if _joined_words(line, domain, lines):
                conf = min(conf, JOINED_WORDS_CONF)
            if separators_together(email):
                conf = min(conf, SEPARATORS_TOGETHER_CONF)
            hits.append(EmailHit(email, line.index, round(conf, 3), repaired))
    return hits


def at_read_as_letter(lines: list[TextLine], host: str, taken: set[int]) -> list[EmailHit]:
    """ "n.brownfironclad.com.au" beside the website ironclad.com.au: a line no field took, with no "@", that ends in
    the website's host with one letter or mark glued before it, after an address's first part: the "@" read as that
    letter. A likely reading (AT_MISREAD_CONF), for the user to check."""
    if not host:
        return []
    # (the letter is no dot, slash or colon: "www.ironclad.com.au" is a web address)
    at_host = re.compile(
        rf"(?<![\w.-])(?!www|https?\b)([a-z0-9][a-z0-9._-]+[a-z0-9])\s?[^\s./:_-]({re.escape(host)})\W*$"
    )
    hits = []
    for line in lines:
        if line.index in taken or "@" in line.text:
            continue
        m = at_host.search(_LABEL_WORD.sub(" ", line.text).lower())
        email = normalise_email(f"{m[1]}@{m[2]}") if m else None
        if email is not None:
            hits.append(EmailHit(email, line.index, round(min(line.conf, AT_MISREAD_CONF), 3), True))
    return hits
