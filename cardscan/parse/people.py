"""Name, job title, department and company from the lines no other parser claimed.

Each is chosen by layout (font size, position, neighbours) and vocabulary, then checked
against the email and website domains. A line that fits none of them (a tagline) is dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from dataclasses import dataclass

from nameparser import HumanName

from ..models import PersonName
from .phones import LABELS
from .text import (
    AS_LETTER,
    FREEMAIL,
    Edit,
    TextLine,
    apply_edits,
    fold,
    is_junk,
    join_letter_spaced,
    letters_only,
    ocr_edits,
    similar,
    similarity,
    strip_accents,
    strip_markup,
)

_ROLE = re.compile(
    r"\b(?:manager|director|engineer|developer|recruiter|business partner|vp|svp|evp|generalist|counsel|"
    r"vice[- ]president|president|head of|chief|ceo|cto|cfo|coo|cmo|cio|ciso|cpo|partner|consultant|"
    r"analyst|designer|scientist|researcher|specialist|lead|architect|founder|co-founder|owner|associate|"
    r"coordinator|student|intern|professor|lecturer|officer|administrator|assistant|executive|"
    r"representative|advisor|adviser|attorney|lawyer|accountant|editor|writer|producer|secretary|"
    r"treasurer|chairman|chairwoman|chair|principal|fellow|technician|programmer|supervisor|agent|broker|"
    r"realtor|strategist|planner|buyer|product owner|scrum master|geschäftsführer|"
    r"geschaftsfuhrer|leiter|leiterin|ingénieur|directeur|directrice|gérant|responsable|chef|"
    r"postdoc|phd candidate|evangelist|advocate|trainer|coach|therapist|physician|nurse)\b"
    # German roles as compounds and in the feminine ("Vertriebsleiterin", "Personalreferentin", "Recruiterin");
    # "Halbleiter" (semiconductor) is a company word, not a role
    r"|\b(?!halb)\w*(?:leiter|referent|berater|entwickler|ingenieur|recruiter|manager|direktor|assistent|"
    r"sachbearbeiter|geschäftsführer|geschaftsfuhrer|inhaber|gründer|spezialist|architekt|kaufmann)(?:in)?\b"
    # French, Spanish and Italian roles, in both genders
    r"|\b(?:chargée? d[e'’]|ingénieure|gérante|consultante|développeu(?:r|se)|fondat(?:eur|rice)|présidente?|"
    r"gerente|jef[ea]|director[a]?|ingenier[oa]|consultor[a]?|desarrollador[a]?|fundador[a]?|presidente|"
    r"coordinador[a]?|asesor[a]?|técnic[oa]|responsabile|direttore|direttrice|ingegnere|consulente|"
    r"sviluppatore|fondat(?:ore|rice)|coordinat(?:ore|rice)|amministratore delegato)"
    r"|部長|課長|社長|取締役|主任|係長|室長|局長|次長|会長|専務|常務|代表|執行役員|顧問|マネージャー|エンジニア",
    re.I,
)
_DEPT_MARKER = re.compile(r"\b(?:department|dept|division|abteilung|département|departamento)\b|部$|課$", re.I)
_AREA = frozenset(
    [
        "human",
        "resources",
        "hr",
        "engineering",
        "platform",
        "research",
        "development",
        "r&d",
        "marketing",
        "sales",
        "finance",
        "accounting",
        "operations",
        "legal",
        "it",
        "information",
        "technology",
        "cloud",
        "ai",
        "data",
        "product",
        "design",
        "customer",
        "success",
        "support",
        "procurement",
        "purchasing",
        "logistics",
        "communications",
        "people",
        "talent",
        "security",
        "infrastructure",
        "services",
        "business",
        "strategy",
        "administration",
        "innovation",
        "analytics",
        "science",
        "global",
        "recruiting",
        "recruitment",
        "acquisition",
        "relations",
        "university",
        "experience",
        "corporate",
        "controlling",
        "culture",
        "quality",
        "compliance",
        "risk",
        "partnerships",
        "learning",
        "growth",
        "revenue",
        "brand",
        "content",
        "creative",
        "digital",
        "emea",
        "apac",
        "americas",
        "public",
        "affairs",
        "investor",
        # the same in the languages of the cards read (German, French, Spanish, Italian, Dutch)
        "vertrieb",
        "personal",
        "einkauf",
        "entwicklung",
        "forschung",
        "technik",
        "verwaltung",
        "buchhaltung",
        "softwareentwicklung",
        "personalmarketing",
        "geschäftsführung",
        "ventes",
        "achats",
        "ressources",
        "humaines",
        "développement",
        "recherche",
        "ventas",
        "recursos",
        "humanos",
        "desarrollo",
        "vendite",
        "risorse",
        "umane",
        "sviluppo",
        "ricerca",
        "verkoop",
        "inkoop",
        "ontwikkeling",
    ]
)
#: the words job titles are made of, in English: a title word one or two look-alike letters off one of
#: these ("Engjneer", "Managcr") is a misreading, which no dictionary check in Tesseract caught
_TITLE_WORDS = _AREA | frozenset(
    [
        "manager", "managers", "management", "managing", "director", "directors", "engineer", "developer", "recruiter",
        "partner", "generalist", "counsel", "president", "chief", "officer", "consultant", "analyst", "designer",
        "scientist", "researcher", "specialist", "lead", "architect", "founder", "owner", "associate", "coordinator",
        "student", "intern", "professor", "lecturer", "administrator", "assistant", "executive", "representative",
        "advisor", "adviser", "attorney", "lawyer", "accountant", "editor", "writer", "producer", "secretary",
        "treasurer", "chairman", "chairwoman", "chair", "principal", "fellow", "technician", "programmer", "supervisor",
        "agent", "broker", "realtor", "strategist", "planner", "buyer", "evangelist", "advocate", "trainer", "coach",
        "therapist", "physician", "nurse", "head", "vice", "senior", "junior", "staff", "general", "regional",
        "national", "international", "deputy", "acting", "interim", "team", "group", "account", "accounts", "software",
        "hardware", "systems", "system", "solutions", "project", "program", "programme", "board", "member", "office",
        "operating", "technical", "financial", "commercial", "client", "field", "site", "reliability", "machine",
        "frontend", "backend", "stack", "mobile", "assurance", "testing", "clinical", "medical", "graduate",
        "apprentice", "trainee", "relationship", "country", "territory", "inside", "enterprise", "strategic",
    ]
)  # fmt: skip


@functools.lru_cache(maxsize=4096)
def _title_word_read_as(raw: str) -> tuple[str, ...]:
    """The title words `raw` may be a misreading of: one or two look-alike letters off ("engjneer" for
    "engineer"); () for a title word itself, a short word, or a word no title word is close to."""
    word = "".join(fold(ch) for ch in raw if ch.isalnum() or ch == "!")
    if len(word) < 5 or word in _TITLE_WORDS or _ROLE.fullmatch(word):
        return ()
    # a thin letter read as an exclamation mark ("Technica!", "Chie!"): one look-alike slip already
    variants = [word.replace("!", thin, 1) for thin in "lift"] if word.count("!") == 1 else [word]
    found = set()
    for known in _TITLE_WORDS:
        for variant in variants:
            # "Recruter": a thin letter lost between two others
            if len(known) == len(variant) + 1 and any(
                known[k] in "ilt" and known[:k] + known[k + 1 :] == variant for k in range(1, len(known) - 1)
            ):
                found.add(known)
                continue
            if abs(len(known) - len(variant)) <= 1 and similar(variant, known, 0.6):
                edits = ocr_edits(variant, known)
                if (
                    (edits or variant != word)
                    and len(edits) + (variant != word) <= 2
                    and all(e.plausible for e in edits)
                ):
                    found.add(known)
    return tuple(sorted(found))


#: the words after its name that a company's name is made of most often, which a misread one is spelled as
ORG_NAME_WORDS = (
    "technologies", "solutions", "systems", "labs", "consulting", "partners", "holdings", "foundation", "agency",
    "studio", "capital", "ventures", "logistics", "analytics", "software", "networks", "robotics", "biotech",
    "foods", "media", "mobility", "energy", "group", "digital", "security", "health", "talent", "recruitment",
)  # fmt: skip


def mend_org_words(company: str) -> str:
    """ "Vertex Lahs" -> "Vertex Labs": a word after the company's first that is one look-alike letter off exactly
    one of the words companies are named with, spelled as that word in the case it was read in. The first word,
    the name itself, is left as read ("Dato Group" is no "Data")."""
    words = company.split(" ")
    for i, read in enumerate(words[1:], start=1):
        low = read.lower()
        if len(low) < 4 or not low.isalpha() or low in ORG_NAME_WORDS:
            continue
        near = [w for w in ORG_NAME_WORDS if len(e := ocr_edits(low, w)) == 1 and e[0].plausible]
        if len(near) == 1:
            spelled = near[0]
            words[i] = spelled.upper() if read.isupper() else spelled.capitalize() if read[0].isupper() else spelled
    return " ".join(words)


def role_words_only(text: str) -> bool:
    """Every word of a title or department is a role or area word ("Platform Engineering", "People & Culture"),
    joined by "of", "and" or "&" at most: OCR that misreads a word seldom lands on another of them."""
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in _FUNCTION_WORDS]
    known = ["".join(fold(c) for c in w) in _TITLE_WORDS or _ROLE.fullmatch(w) is not None for w in words]
    return bool(words) and all(known)


@functools.lru_cache(maxsize=4096)
def _long_word_one_letter_off(raw: str) -> str | None:
    """The title word a long word (eight letters or more) is one letter off, that letter read as another that is no
    look-alike, inside it ("Assastant", "Securtty"); None when it is one of several, or none. (A French feminine
    form, "Consultante", is a letter longer, and is no such slip.)"""
    word = "".join(fold(ch) for ch in raw if ch.isalnum())
    if len(word) < 8 or not word.isalpha() or word in _TITLE_WORDS:
        return None
    # (inside the word: a last letter apart is another form of it, "Directora" beside "directors")
    near = [
        k
        for k in _TITLE_WORDS
        if len(k) == len(word) and k[0] == word[0] and k[-1] == word[-1]
        and sum(a != b for a, b in zip(k, word, strict=True)) == 1
    ]  # fmt: skip
    return near[0] if len(near) == 1 else None


#: role words of other languages, printed on titles as read: never a misreading of an English title word they resemble;
#: and the words of departments, which `near_title_word` measures misread words against too
_OTHER_ROLE_WORDS = frozenset(
    [
        "directeur", "directrice", "chargé", "chargée", "responsable", "ingénieur", "ingénieure", "logiciel",
        "projet", "recrutement", "commerciale", "développeur", "développeuse", "gérant", "gérante", "conseiller",
        "conseillère", "assistante", "consultante", "stagiaire", "technicien", "technicienne", "comptable", "juriste",
        "leiter", "leiterin", "projektleiter", "projektleiterin", "berater", "beraterin", "entwickler",
        "entwicklerin", "ingenieur", "ingenieurin", "referent", "referentin", "vertrieb", "directora", "gerente",
        "ingeniero", "ingeniera", "jefe", "jefa", "analista", "consultor", "consultora", "desarrollador", "direttore",
        "direttrice", "responsabile", "ingegnere", "consulente", "sviluppatore", "adviseur", "medewerker",
        "ontwikkelaar", "comercial", "técnico", "técnica", "tecnico", "tecnica", "tecnología", "tecnologia",
        "technologie", "tecnologie", "informatique", "informática", "informatica", "gestion", "gestión", "gestione",
        "finanzas", "finances", "finanza", "operaciones", "opérations", "operazioni", "proyecto", "proyectos",
        "progetto", "progetti", "amministrazione", "administratif", "administrativo", "administrativa",
        # and the words of departments ("Cloud & AI Depanment") and German compounds ("Personatreferent")
        "department", "departement", "abteilung", "personalreferent", "personalreferentin",
    ]
)  # fmt: skip
_ROLE_VOCABULARY = frozenset("".join(fold(c) for c in w) for w in _OTHER_ROLE_WORDS)
#: how near a word of a title comes to a role word, and is none, to be a misreading of it ("Parmer", "Jecnnology")
NEAR_ROLE_WORD = 0.75


@functools.lru_cache(maxsize=4096)
def near_title_word(raw: str) -> str | None:
    """The role word a word of a title or department (five letters or more) nearly spells but is not, in any
    number or language, whatever the letters OCR swapped ("Parmer" for "Partner", "Iogiciel" for "logiciel"); None
    for a role word itself, and for a word no role word comes near."""
    word = "".join(fold(c) for c in raw if c.isalpha())
    known = _TITLE_WORDS | _ROLE_VOCABULARY
    if len(word) < 5 or word in known or word.rstrip("s") in known or f"{word}s" in known or _ROLE.fullmatch(word):
        return None
    near = [k for k in known if abs(len(k) - len(word)) <= 1 and similarity(word, k) >= NEAR_ROLE_WORD]
    return max(near, key=lambda k: similarity(word, k)) if near else None


def guessed_title_word(text: str) -> bool:
    """A word of a title or department that `mend_title_words` spells as a title word one letter that is no look-alike
    away, or joins from two pieces: the likelier reading, but a guess, so the field goes to review."""
    words = text.split()
    if _split_word_joined(words) != words:
        return True  # "Scie nce" joined: a word OCR split may have lost a letter at the split too
    return any(not _title_word_read_as(raw) and _long_word_one_letter_off(raw) for raw in words)


def misread_title_word(text: str) -> bool:
    """A word of a title or department that is not a title word but one or two look-alike letters off
    one ("engjneer" for "engineer"), or near one whatever the letters (`near_title_word`): OCR misread it, so the
    field is doubtful."""
    return any(_title_word_read_as(raw) or near_title_word(raw) for raw in text.split())


def _split_word_joined(words: list[str]) -> list[str]:
    """ "Information Scie nce": two pieces, neither a title word, that together spell one, joined."""
    out: list[str] = []
    for word in words:
        if (
            out
            and "".join(fold(c) for c in out[-1] + word).lower() in _TITLE_WORDS
            and not any("".join(fold(c) for c in w).lower() in _TITLE_WORDS for w in (out[-1], word))
        ):
            out[-1] += word
            continue
        out.append(word)
    return out


def mend_title_words(text: str) -> str:
    """A title or department with each word that is a misreading of exactly one title word ("Peopie
    Operations", "Ohief Product Officer") spelled as that word, in the case it was read in. A word
    two title words are close to, or none, is left as read. Role words get back the accents they are printed with."""
    # "Chef Data Officer", "Chet Financial Officer", "Chuef People Officer": the first word of a C-level title
    # misread ("Chef de projet" is French and has no "Officer")
    text = re.sub(
        r"\b(?:Ch|CH)[^\W\d_]{2,3}\b(?=(?:\s+[^\W\d_]+){1,3}\s+(?:Officer|OFFICER)\b)",
        lambda m: "CHIEF" if m[0][1].isupper() else "Chief",
        text,
    )
    # "Information Science Pho Student": the D of PhD read as an o
    text = re.sub(r"\bP[hn][oO0]\b(?=\s+(?:Student|Candidate|Researcher|STUDENT|CANDIDATE)\b)", "PhD", text)
    words = _split_word_joined(text.split(" "))
    for i, read in enumerate(words):
        if read in {"4&", "&4"}:
            words[i] = "&"  # "Strategy 4& Operations": the ampersand read twice
            continue
        # a thin last letter read as a slash ("Lega/ Counse/") as well as an exclamation mark
        raw = read[:-1] + "!" if len(read) > 1 and read[-1] == "/" and read[:-1].isalpha() else read
        # and one inside a word read as a colon ("Speciai:st"), which no title word holds
        raw = re.sub(r"(?<=[^\W\d_]):(?=[^\W\d_])", "!", raw, count=1)
        if not raw.replace("!", "").isalpha():
            continue
        if raw == "Al":  # "Cloud & Al": "AI" with its capital I read as a small l; no title or department says "Al"
            words[i] = "AI"
            continue
        if "ı" in raw and raw.replace("ı", "i").lower() in _TITLE_WORDS:
            words[i] = raw.replace("ı", "i")  # "Generalıst": the Latin model's dotless i, its dot blurred
            continue
        known = _title_word_read_as(raw) or tuple(filter(None, [_long_word_one_letter_off(raw)]))
        if len(known) == 1:
            k = known[0]
            if len(k) == len(raw):  # the accents read stay where the letters under them agree ("Généra!": "Général")
                k = "".join(r if fold(r) == c else c for r, c in zip(raw.lower(), k, strict=True))
            words[i] = k.upper() if raw.isupper() and len(raw) > 1 else k.capitalize() if raw[0].isupper() else k
    for i in range(1, len(words) - 1):
        # "People 4 Culture", "Peopie 6 Cuiture": an ampersand read as a digit between two area words (as mended)
        if words[i] in {"4", "6", "8"} and {words[i - 1].lower(), words[i + 1].lower()} <= _AREA:
            words[i] = "&"
    return restore_role_accents(" ".join(words))


_LEGAL = re.compile(
    r"(?:\b(?:inc|incorporated|llc|llp|ltd|limited|gmbh|ag|sas|sarl|sa|plc|corp|corporation|co|"
    r"teoranta|teo|b\.?\s?v|n\.?\s?v|s\.?\s?[la]\.?\s?u|s\.?\s?l|s\.?\s?p\.?\s?a|s\.?\s?r\.?\s?l|(?<!\.)s\.\s?a(?:\.\s?s)?|k\.?\s?k|pty|pvt|pte|kg|oy|"
    r"ab|as|aps|e\.?\s?v|(?-i:DAC|CLG)|"  # (Ireland's designated activity company and company limited by guarantee)
    # a European company ("Lattice SE"), in capitals: never a street's compass point ("4th Ave SE")
    r"(?<!\bave\s)(?<!\bst\s)(?<!\brd\s)(?<!\bdr\s)(?<!\bway\s)(?<!\bblvd\s)(?<!\bstreet\s)(?<!\bavenue\s)(?-i:SE))"
    r"\b\.?\s*$)|\b(?:pty ltd|pvt\.? ltd|pte\.? ltd|private limited|gmbh & co\.? kg)\b|株式会社|有限会社|合同会社",
    re.I,
)


def only_legal_form(text: str) -> bool:
    """The text is a legal form and nothing else ("Pte Ltd", "GmbH & Co. KG"): the company's name is elsewhere."""
    rest = text
    while (peeled := _LEGAL.sub("", rest).strip(" .,&")) != rest:
        rest = peeled
    return not rest and _LEGAL.search(text) is not None


def generic_only(company: str) -> bool:
    """ "Analytics Limited", "Technologies Ltd": a company of trade words and a legal form only, whose own name
    (the word before them, often a logo) did not read."""
    words = [re.sub(r"^[Iil1]td$", "Ltd", w) for w in re.split(r"[\s,&.]+", company) if w]  # "Itd": L read as I
    rest = [w for w in words if not _ORG_WORDS.fullmatch(w) and not _LEGAL.fullmatch(w) and not _LEGAL.search(w)]
    return bool(words) and not rest and any(_ORG_WORDS.fullmatch(w) for w in words)


def has_legal_form(text: str) -> bool:
    """True when the text ends on a company's legal form ("GmbH", "PLC", "Pty Ltd", "株式会社")."""
    return _LEGAL.search(text) is not None


_JP_LEGAL = re.compile(r"株式会社|有限会社|合同会社|合資会社|合名会社|[(（]株[)）]")
_ORG_WORDS = re.compile(
    r"\b(?:university|universität|université|college|institute|school|hospital|bank|group|"
    r"technologies|solutions|systems|labs|consulting|partners|holdings|foundation|agency|studio|"
    r"capital|ventures|logistics|analytics|software|networks|robotics|biotech|foods|media|mobility|energy)\b",
    re.I,
)
#: words common in company names that are also departments: they make a line no person's name and
#: may continue a company printed over two lines, but are no evidence of a company on their own
_TRADE_WORDS = re.compile(
    r"\b(?:data|health|security|talent|digital|engineering|recruitment|consultants|associates|services|"
    r"international|global|industries|enterprises|manufacturing|design|marketing|ventures|research)\b",
    re.I,
)
#: a line that tells of the company, a certification or an award, and so is never its name ("Certified B
#: Corporation" holds a legal form all the same)
_CERTIFICATION = re.compile(
    r"\b(?:certified|certification|accredited|zertifiziert|certifi[ée]e?|award-winning|member of)\b", re.I
)


def _sentence_case(text: str) -> bool:
    """Written as a sentence is, as a tagline is and a company's name is not: "Simply better software" (its
    company word aside)."""
    words = text.split()
    rest = [w for w in words[1:] if w.isalpha()]
    return (
        len(words) >= 3
        and words[0][:1].isupper()
        and len(rest) == len(words) - 1
        and all(w.islower() for w in rest)
        and sum(len(w) >= 4 for w in rest) >= 2
        and not _LEGAL.search(text)
    )


_PARTICLES = frozenset(
    [
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "della",
        "von",
        "zu",
        "bin",
        "al",
        "el",
        "ter",
        "ten",
        "dos",
        "das",
        "y",
    ]
)
_NAME_PREFIX = frozenset(
    [
        "dr",
        "dr.",
        "prof",
        "prof.",
        "mr",
        "mr.",
        "ms",
        "ms.",
        "mrs",
        "mrs.",
        "mx",
        "mx.",
        "sir",
        "dame",
        "herr",
        "frau",
        "mme",
        "m.",
        "mlle",
    ]
)
_NAME_SUFFIX = frozenset(
    [
        "phd",
        "ph.d.",
        "mba",
        "md",
        "m.d.",
        "jr",
        "jr.",
        "sr",
        "sr.",
        "ii",
        "iii",
        "iv",
        "esq",
        "esq.",
        "cpa",
        "pe",
        "msc",
        "bsc",
        "ma",
    ]
)
_NOT_NAME = frozenset(
    [
        "street",
        "city",
        "town",
        "tower",
        "plaza",
        "centre",
        "center",
        "building",
        "avenue",
        "road",
        "suite",
        "floor",
        "department",
        "senior",
        "junior",
        "services",
        "solutions",
        "group",
        "global",
        "international",
        "the",
        "and",
        "of",
        "for",
        "your",
        "our",
        "with",
        "we",
        "cloud",
        "team",
        "office",
        "business",
        "card",
        "www",
        "http",
        "email",
        "phone",
        "mobile",
        "fax",
        "contact",
        "address",
        "tel",
        "info",
        "sales",
        "support",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "your",
        "you",
        "our",
        "we",
        "to",
        "with",
        "of",
        "in",
        "a",
        "an",
        "is",
        "are",
        "that",
        "by",
        "at",
    ]
)
_SPLIT = re.compile(r"\s+[|–—-]\s+|\s*\|\s*")


def split_parts(text: str) -> list[str]:
    """The parts of a line a bar or a spaced dash splits ("CTO | Platform Engineering"), stripped of stray marks."""
    return [p for p in (clean_part(t) for t in _SPLIT.split(text)) if p]


@dataclass(frozen=True)
class Candidate:
    """A free line (or one part of a line split at "|" or a comma) with its layout."""

    line: int
    text: str
    height: float
    top: int
    conf: float
    source: TextLine | None = None  # the whole line it came from, for its box


@dataclass(frozen=True)
class People:
    name: PersonName | None = None
    name_conf: float = 0.0
    title: str | None = None
    title_conf: float = 0.0
    department: str | None = None
    department_conf: float = 0.0
    company: str | None = None
    company_conf: float = 0.0
    lines: tuple[int, ...] = ()
    name_check: str = "unknown"  # what the email says of the name: see `check_name_with_email`
    name_read_conf: float = 0.0  # the name's confidence before the email's say
    name_ocr: float = 0.0  # the weakest OCR word of the name's line


#: stray marks OCR leaves at the ends of a line: logo edges, rules, quotes
_EDGE_MARKS = " ,;:~_|\\{}[]<>*«»“”\"'’`^#°•·"


def clean_part(text: str) -> str:
    """Strip stray marks from both ends; a closing "." or ")" stays ("Inc.", "(MI)"); and specks read as small
    letters after a name in capitals or a legal form (`_without_tail_specks`)."""
    out = text.strip(_EDGE_MARKS)
    # a slash standing apart at either end (a hard shadow's edge, "Contoso /"); one glued to a word is its last
    # letter, an l read as a slash ("Associate Lega/ Counse/"), mended with the title words
    out = re.sub(r"^/\s+|\s+/$", "", out).strip(_EDGE_MARKS)
    # a dash at either end is no part of a name or a company ("“CONTOSO-": a logo's edge, "- Partner": a rule)
    out = _without_tail_specks(out.lstrip(".)-–—").rstrip("-–—").rstrip(_EDGE_MARKS))
    # a suffix after a name's comma read in two pieces ("William Ryan, MB A", "Ph D"): one word
    m = _SPLIT_SUFFIX.search(out)
    if m and (m[1] + m[2]).lower() in _NAME_SUFFIX:
        out = f"{out[: m.start(1)]}{m[1]}{m[2]}"
    return out


_SPLIT_SUFFIX = re.compile(r",\s*([A-Za-z]{1,2}\.?)\s([A-Za-z]{1,2}\.?)$")


#: the start of a web address whose host OCR lost ("https://a") or that it garbled ("Nttps /Nwww sillage",
#: "wwwnimbus-biotech"): a website, never a name or company
_URL_START = re.compile(r"^\W*(?:https?\b|www\s?[.,]|www\w|[a-z]{0,3}tps?\s?:?\s?//?)|:?//", re.I)


#: a word's capital read apart from the rest of it ("J ordan L. Williams"); not A, I or O, which stand alone as words
_INITIAL_APART = re.compile(r"(?<![\w.])([B-HJ-NP-Z]) ([a-zà-ÿ]{3,})\b")


def _joined_initial(m: re.Match[str]) -> str:
    """ "J ordan" -> "Jordan": no name or company has a capital alone before a word in small letters (but a particle
    or a word such as "and": "M van Dijk", "B and Q")."""
    rest = m.group(2)
    return m.group(0) if rest in _PARTICLES or rest in _FUNCTION_WORDS else m.group(1) + rest


def candidates(lines: list[TextLine]) -> list[Candidate]:
    out: list[Candidate] = []
    for line in lines:
        text = join_letter_spaced(strip_markup(line.text))
        if (is_junk(text) and not _LEGAL.search(text)) or _URL_START.search(text):
            continue
        parts = _SPLIT.split(text)
        if len(parts) > 1 and clean_part(parts[0]).lower().rstrip(":.") in LABELS:
            continue  # "Cell | Vo Lol soe Nt": a phone's label, then its number garbled; no name or company
        for part in parts:
            part = _INITIAL_APART.sub(_joined_initial, clean_part(part))
            # "Co." or "& Co. KG" under a company name is short, but it is print, not texture
            if part and (not is_junk(part) or _LEGAL.search(part)):
                out.append(Candidate(line.index, part, line.height, line.box.y, line.conf, line))
    return out


#: role words printed with accents, which OCR with the English model drops ("GeschaftsfUhrer": the ü's
#: dots lost and its U read as a capital)
_ACCENTED_ROLES = (
    # only words no language spells without the accents: not "General", "President", "Ingenieur" (German),
    # "Gestion" (French), "Tecnico" (Italian)
    "Geschäftsführer", "Geschäftsführerin", "Gründer", "Gründerin", "Gérant", "Gérante", "Développeur",
    "Développeuse", "Chargée", "Société", "Dirección", "Administración", "Ingénierie", "Données",
)  # fmt: skip
_ROLE_SPELLING = {
    unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode().lower(): w for w in _ACCENTED_ROLES
}


#: French heads whose "général" English spells without its accents: after them it is French ("Directeur Général")
_FRENCH_HEADS = frozenset({"directeur", "directrice", "president", "presidente", "administrateur", "secretaire"})
_GENERAL = {"general": "général", "generale": "générale"}


def restore_role_accents(text: str) -> str:
    """A title's role words with the accents they are always printed with, where OCR read their letters
    without them ("Geschaftsfuhrer" -> "Geschäftsführer", "Directeur General" -> "Directeur Général"); other
    words are left as read."""
    words = text.split(" ")
    for i, word in enumerate(words):
        printed = _ROLE_SPELLING.get(word.lower())
        after_head = i > 0 and "".join(fold(c) for c in words[i - 1]) in _FRENCH_HEADS
        if after_head and word.lower() in _GENERAL:
            printed = _GENERAL[word.lower()].capitalize() if word[0].isupper() else _GENERAL[word.lower()]
        if printed and word.isascii():
            words[i] = printed if not word.isupper() or len(word) == 1 else printed.upper()
    return " ".join(words)


def is_tagline(text: str) -> bool:
    if name_tokens(text) is not None or _part_spaced(text):
        return False  # a name, or a logo's spaced-out capitals ("P A RAL L A X": its "A" is no article)
    words = [w.lower().strip(".,!") for w in text.split()]
    function = sum(w in _FUNCTION_WORDS for w in words)
    return (
        len(words) >= 7
        or (len(words) >= 3 and function >= 1 and (speaks(text) or not _ROLE.search(text)))
        or text.endswith("!")
    )


def speaks(text: str) -> bool:
    """The line speaks to the reader or for the firm, as a slogan does and a title never does: "Your partner
    in growth" holds a role word all the same."""
    return any(w.lower().strip(".,!") in _ADDRESSING for w in text.split())


#: words a slogan speaks with and a title never does
_ADDRESSING = frozenset(["your", "you", "our", "we", "us", "ihr", "ihre", "unser", "votre", "vos", "notre", "nos"])


_HAN = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
#: a Japanese name: family and given name of one to three kanji each, set apart by a space (two
#: kanji without one are as often a word, "東京" or "携帯")
_JP_NAME = re.compile(rf"{_HAN}{{1,3}} {_HAN}{{1,3}}")
#: kanji that make a short line a place, a department or an organisation rather than a person
_JP_NOT_NAME = re.compile(r"[都道府県区部課室局社]|[市町村]$|会|店|所|館|院|大学")


def japanese_name_tokens(text: str) -> list[str] | None:
    """["田村", "大輝"] for a line of two to four kanji that reads as a person's name, else None."""
    if not _JP_NAME.fullmatch(text) or _ROLE.search(text) or _JP_NOT_NAME.search(text.replace(" ", "")):
        return None
    return text.split()


def _legal_form(text: str) -> bool:
    """A legal form ends the line or stands in it; an Irish "Teo" without its dot is as often a family name
    ("Mei Xin Teo")."""
    m = _LEGAL.search(text)
    return m is not None and m.group(0).strip().lower() != "teo"


_VOWEL = re.compile(r"[aeiouy]", re.I)


def name_tokens(text: str) -> list[str] | None:
    """The words of a person-like line without prefixes and suffixes, or None if it is not person-like."""
    if any(c.isdigit() for c in text) or "@" in text or _ROLE.search(text) or _legal_form(text):
        return None
    if re.search(r"\b[lIi1][i1lI]nked\s?[i1lI]n?", text, re.I):
        return None  # "Linkedin linkedi": a profile's label, cut from its address, is no one's name
    jp = japanese_name_tokens(text)
    if jp is not None:
        return jp
    if _ORG_WORDS.search(text) or _TRADE_WORDS.search(text) or _is_department(text):
        return None  # "Human Resources" is a department, however name-like its two capitalised words
    words = [w.strip("‘’'`\"“”") for w in text.replace(",", " ").split()]
    words = [w for w in words if w]
    core = [w for w in words if w.lower() not in _NAME_PREFIX and w.lower() not in _NAME_SUFFIX]
    if not 2 <= len(core) <= 5:
        return None
    upper = 0
    for w in core:
        bare = w.strip(".'")
        if w.lower() in _PARTICLES:
            continue
        if w.lower() in _NOT_NAME or not re.fullmatch(r"[^\W\d_]+(?:[-'’.][^\W\d_]+)*\.?", bare):
            return None
        if not bare[0].isupper() and not (bare[0] == "l" and bare[1:].islower()):
            return None  # "lan Wright": a lower-case l is how OCR often reads a capital I
        upper += bare.isupper() and len(bare) > 1
    letters = [w for w in core if w.lower() not in _PARTICLES]
    if len(letters) < 2 or max(len(w.strip(".")) for w in letters) < 3:
        return None
    if any(len(bare) >= 4 and not _VOWEL.search(bare) for bare in (strip_accents(letters_only(w)) for w in letters)):
        return None  # "BR I GHTL": a letter-spaced logo read in pieces; no name's word of four letters lacks a vowel
    # all-caps three-letter tokens ("PMP CSM") are credentials, not a name; nor are they with a letter alone
    # among them ("PEN GLÜ H EN": a letter-spaced logo read in pieces)
    if upper == sum(len(w.strip(".")) > 1 for w in letters) and all(len(w) <= 4 for w in letters):
        return None
    return core


#: the confidence of a name with a word read in lower case that the email does not spell
CASE_MENDED_CONF = 0.55


def _unspelled_middle(mended: list[str], read: list[str], locals_: list[str]) -> bool:
    """A word between the first and the last that was read in lower case and mended to a capital, which no email's
    local part spells."""
    if len(mended) != len(read) or len(mended) < 3:
        return False
    return any(
        m != r and not any(letters_only(m).lower() in letters_only(local).lower() for local in locals_)
        for m, r in zip(mended[1:-1], read[1:-1], strict=True)
    )


def email_agreement(tokens: list[str], locals_: list[str]) -> float:
    """How well a name matches an email local part: 1 = "avery.smith", 0.7 = "avery" or "smith"."""
    words = [letters_only(t) for t in tokens if t.lower() not in _PARTICLES]
    words = [w for w in words if w]
    if len(words) < 2:
        return 0.0
    given, family = words[0], words[-1]
    family_full = letters_only("".join(tokens[1:]))  # "van der Berg" -> "vanderberg"
    best = 0.0
    forms = [*locals_, *(_undo_german(loc) for loc in locals_ if _undo_german(loc) != loc)]
    for local in forms:
        parts = [letters_only(p) for p in re.split(r"[._-]", local)]
        flat = "".join(parts)
        if flat in {given + family, family + given, given + family_full} or set(parts) >= {given, family}:
            score = 1.0
        elif flat in {given[0] + family, given + family[0], family + given[0], given[0] + "" + family_full}:
            score = 0.9
        elif flat in {given, family}:
            score = 0.7
        elif similarity(flat, given + family) >= 0.85:
            score = 0.8  # one OCR slip on either side
        elif (len(family) >= 3 and family in flat) or (len(given) >= 3 and given in flat):
            score = 0.6
        else:
            score = 0.0
        best = max(best, score)
    return best


#: mailboxes of a function, not a person: they say nothing about a name on the card
ROLE_MAILBOXES = frozenset(
    ["info", "hello", "contact", "jobs", "careers", "office", "sales", "support", "mail", "team", "hr", "admin",
        "recruiting", "talent", "press", "enquiries", "inquiries", "service", "kontakt", "bonjour", "hola"]
)  # fmt: skip


#: a big line read at least this surely, on a card with no domain to check it against, is the company (measured on
#: hard dev photos: 12 right companies out of review, and no wrong one; the wrong ones were read at 0.87-0.93)...
SURE_LOGO = 0.95
#: ...at this confidence: above the review threshold, below a company a domain bears out
UNCHECKED_LOGO_CONF = 0.65

#: a logo spelled from the email's domain is no doubt when an email was read at least this surely (measured on dev
#: photos: 15 right companies out of review, one wrong one, a two-word logo whose second word was lost)...
SURE_DOMAIN = 0.85
#: ...at this confidence
SPELLED_CONF = 0.65

#: a name whose letters the email corrected: likely right now, but a person should glance at it
NAME_REPAIRED_CONF = 0.7
#: a name the card's own personal email spells differently: one of them is misread, so flag it
NAME_DISAGREES_CONF = 0.5
#: ...unless the name was read this surely (its weakest word) and the email less surely than UNSURE_EMAIL: then the
#: email is the misreading, and it alone goes to review (measured on hard dev photos: 26 right names kept out of
#: review, and no wrong one)
SURE_NAME = 0.9
UNSURE_EMAIL = 0.75


@dataclass(frozen=True)
class NameCheck:
    """What the email says about a printed name: `text` is the name to keep."""

    text: str
    verdict: str  # "agree", "repaired", "nickname", "disagree", or "unknown" (no personal email)


_VERDICT_RANK = {"agree": 4, "repaired": 3, "nickname": 2, "disagree": 1, "unknown": 0}


#: words a freelancer adds to their name in a personal address ("darraghd.consulting@gmail.com"): not a name
LOCAL_TRADE_WORDS = frozenset(
    ["consulting", "consultancy", "consults", "design", "designs", "studio", "photo", "photography", "art", "law",
     "legal", "coaching", "coach", "advisory", "media", "dev", "tech", "pro", "work", "works", "cv", "official"]
)  # fmt: skip


def _email_words(local: str) -> list[str]:
    """ "hanna.berg2" -> ["hanna", "berg"]: the letter words of a local part, without a trade word beside
    the name ("c.allen-clark.consulting" -> ["c", "allen-clark"])."""
    parts = [re.sub(r"\d+$", "", p) for p in re.split(r"[._+]", local.lower())]
    words = [p for p in parts if p]
    named = [w for w in words if w not in LOCAL_TRADE_WORDS]
    return named if named else words


def _compare(word: str, written: str, initial: bool = False) -> tuple[int, int, list[Edit]] | None:
    """(other changes, look-alike swaps, edits) to read `word` as `written`; None if hopeless."""
    if initial:
        return (0, 0, []) if written and fold(word[0]) == written[:1] else None
    edits = ocr_edits(word, written)
    other = sum(not e.plausible for e in edits)
    return other, len(edits) - other, edits


def _pairings(given: str, family: str, words: list[str]) -> list[list[tuple[str, str, bool]]]:
    """Ways an email's words may spell (given, family): [(name word, email text, initial only)]."""
    if len(words) >= 2:
        a, b = words[0], words[-1]
        out = [[(given, a, False), (family, b, False)], [(family, a, False), (given, b, False)]]
        if len(a) == 1:
            out.append([(given, a, True), (family, b, False)])
        if len(b) == 1:
            out.append([(given, b, True), (family, a, False)])
        return out
    flat = words[0]
    out = [[(given, flat, False)], [(family, flat, False)]]
    out += [
        [(given, flat[:1], True), (family, flat[1:], False)],
        [(given, flat[:-1], False), (family, flat[-1:], True)],
    ]
    for k in range(2, len(flat) - 1):
        out += [
            [(given, flat[:k], False), (family, flat[k:], False)],
            [(family, flat[:k], False), (given, flat[k:], False)],
        ]
    return out


def _nickname(pairing: list[tuple[str, str, bool]], results: list[tuple[int, int, list[Edit]] | None]) -> bool:
    """One word of the pair spelled exactly and the other a clearly different word, not a misreading.

    A word one letter longer or shorter ("hanne" for "Hanna") is more likely a misread letter
    than another form of the name, so it does not count.
    """
    exact = [r == (0, 0, []) and not init for r, (_, _, init) in zip(results, pairing, strict=True)]
    if not any(exact) or all(exact):
        return False
    word, written, _ = pairing[exact.index(False)]
    return abs(len(word) - len(written)) >= 2 or word[:1].lower() != written[:1]


def check_name_with_email(text: str, locals_: list[str]) -> NameCheck:
    """Cross-check a printed name with the email local parts on the card; repair a look-alike slip.

    "Wanna Berg" over hanna.berg@ is "Hanna Berg": when the email spells the name with one or two
    OCR look-alike swaps (W/h, rn/m, l/i, cl/d) the email's letters are taken, keeping the printed
    case and accents. Bigger differences are reported as "disagree" so the name gets flagged. A
    name is never built from an email: only letters of printed words are changed.
    """
    words = text.split()
    core = [
        i for i, w in enumerate(words)
        if w.lower() not in _NAME_PREFIX and w.lower() not in _NAME_SUFFIX and w.lower() not in _PARTICLES
        and re.fullmatch(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*[.,]?", w) and len(w.strip(".,")) >= 2
    ]  # fmt: skip
    personal = [_email_words(loc) for loc in locals_ if loc.lower() not in ROLE_MAILBOXES]
    personal = [ws for ws in personal if ws and not set(ws) & ROLE_MAILBOXES and sum(map(len, ws)) >= 3]
    latin = all(letters_only(words[i]) for i in core)  # "田村 大輝" cannot be compared with "daiki.tamura"
    if len(core) < 2 or not personal or not latin:
        return NameCheck(text, "unknown")
    gi, fi = core[0], core[-1]
    # "Nikhil Nair, Ph.D.": the comma before a suffix is no letter of the family name
    given, family = words[gi].strip(".,"), words[fi].strip(".,")
    # "Andrés de la Cruz" may write his family name whole: andresd@, andres.delacruz@
    start = fi
    while start - 1 > gi and words[start - 1].lower() in _PARTICLES:
        start -= 1
    families = [family] + (["".join(w.strip(".") for w in words[start : fi + 1])] if start < fi else [])
    best = NameCheck(text, "disagree")
    for ews, family in ((ews, family) for ews in personal for family in families):
        for pairing in _pairings(given, family, ews):
            results = [_compare(w, e, init) for w, e, init in pairing]
            if any(r is None for r in results):
                continue
            other = sum(r[0] for r in results if r)
            swaps = sum(r[1] for r in results if r)
            edits_by_word = {w: r[2] for (w, _, _), r in zip(pairing, results, strict=True) if r}
            if other == 0 and swaps == 0:
                return NameCheck(text, "agree")
            digit = any(e.to.isdigit() for es in edits_by_word.values() for e in es)
            if other == 0 and swaps <= 2 and digit:
                verdict = NameCheck(text, "agree")  # the email has the digit: the email is misread, not the name
            elif other == 0 and swaps <= 2:
                fixed = list(words)
                for idx, word in ((gi, given), (fi, family)):
                    es = edits_by_word.get(word)
                    if es:
                        new = apply_edits(word, es)
                        cased = new[:1].upper() + new[1:] if word[1:].islower() or word[1:] == "" else new
                        fixed[idx] = cased + words[idx][len(words[idx].rstrip(".,")) :]  # "Berg," keeps its comma
                verdict = NameCheck(" ".join(fixed), "repaired") if fixed != words else NameCheck(text, "disagree")
            elif len(pairing) == 2 and _nickname(pairing, results):
                # one name spelled exactly, the other a different length: "kate.lee" under "Katherine Lee"
                verdict = NameCheck(text, "nickname")
            else:
                continue
            if _VERDICT_RANK[verdict.verdict] > _VERDICT_RANK[best.verdict]:
                best = verdict
    return best


_GERMAN = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"))


def _undo_german(local: str) -> str:
    """ "mueller" -> "muller": how "Müller" reads once its accents are dropped, for comparison."""
    return local.replace("ae", "a").replace("oe", "o").replace("ue", "u")


def _german_ascii(text: str) -> str:
    out = text.lower()
    for a, b in _GERMAN:
        out = out.replace(a, b)
    return letters_only(out)


def domain_agreement(text: str, domains: list[str]) -> float:
    """1 when a line names the organisation of a domain ("Contoso" ~ contoso.com), else how close."""
    mine = letters_only(text)
    if len(mine) < 2:
        return 0.0
    best = 0.0
    for domain in domains:
        if not domain:
            continue
        flat = domain.replace("-", "")
        if mine in {domain, flat} or _german_ascii(text) == flat:
            return 1.0
        if len(flat) >= 3 and mine.startswith(flat):
            best = max(best, 0.9)
        # "VANTAGE" ~ vantage-consulting.io: the first word of a hyphenated domain
        head = domain.split("-")[0]
        if "-" in domain and len(head) >= 4 and mine == head:
            best = max(best, 0.9)
        # "Arc-en-Ciel" over "Media SAS" ~ arc-en-ciel-media: the domain's first words, hyphens where its are
        hyphened = re.sub(r"[^a-z0-9]+", "-", strip_accents(text).lower()).strip("-")
        if "-" in hyphened and len(mine) >= 4 and domain.startswith(hyphened + "-"):
            best = max(best, 0.9)
        domain = flat
        words = [letters_only(w) for w in re.split(r"[\s-]+", text)]
        words += [_german_ascii(w) for w in re.split(r"[\s-]+", text)]
        # "Léwenzahn Security" ~ loewenzahn: the umlaut read as another letter
        words += [_german_ascii(umlaut_misread_from_domain(w, [flat])) for w in re.split(r"[\s-]+", text)]
        if len(domain) >= 3 and domain in words:
            best = max(best, 0.85)
        best = max(best, similarity(mine, domain) if similarity(mine, domain) >= 0.6 else 0.0)
    return best


def misspells_domain(text: str, domains: list[str]) -> bool:
    """The line spells an email domain all but a letter or two ("RIFFTWOOD" ~ driftwood): one of them is
    misread. A line that holds the domain's word exactly ("Contoso Ltd", "Vantage") does not count."""
    mine = letters_only(text)
    words = {letters_only(w) for w in re.split(r"[\s-]+", text)}
    words |= {_german_ascii(w) for w in re.split(r"[\s-]+", text)}  # "Löwenzahn Media" ~ loewenzahn: spelled alike
    for domain in filter(None, domains):
        flat = domain.replace("-", "")
        # (and "Lowenzahn" beside loewenzahn: the umlaut's dots lost, which `umlauts_from_domain` puts back)
        dotless = flat.replace("ae", "a").replace("oe", "o").replace("ue", "u")
        if mine.startswith(flat) or flat in words or mine == domain.split("-")[0] or _german_ascii(text) == flat:
            return False
        if dotless != flat and dotless in words:
            return False
    # the first words joined ("Skyward Poods Ltd" ~ skyward-foods), and a short word one look-alike off ("Mesaic")
    split = text.split()
    heads = {letters_only("".join(split[:k])) for k in range(2, len(split) + 1)}
    flats = [d.replace("-", "") for d in domains if d]
    return any(0.85 <= similarity(w, d) < 1.0 for d in flats for w in {mine, *words, *heads}) or any(
        len(w) >= 5 and len(e := ocr_edits(d, w)) == 1 and e[0].plausible for d in flats for w in words
    )


def small_print_slip(text: str, domains: list[str]) -> bool:
    """A domain is the company's word (or first words joined) with only the slips small print makes of a name
    printed larger: a thin "l" read as "i" or "t" ("ironciad" for Ironclad, "emberty" for Emberly), or a letter
    inside the word lost ("tellis" for Trellis, "prsm" for Prism). The email, not the company line, is the
    misreading. (A letter more in the company, "Uptand" or "IFTWOOD" beside upland and driftwood, is no such slip.)"""
    split = text.split()
    forms = {letters_only(text), *(letters_only(w) for w in re.split(r"[\s-]+", text))}
    forms |= {letters_only("".join(split[:k])) for k in range(2, len(split) + 1)}

    def slip(word: str, domain: str) -> bool:
        edits = ocr_edits(word, domain)
        return 1 <= len(edits) <= 2 and all(
            (word[e.start : e.end] == "l" and e.to in ("i", "t"))
            or (e.end - e.start == 1 and not e.to and e.start > 0 and e.end < len(word))
            for e in edits
        )

    return any(slip(w, d.replace("-", "")) for w in forms if len(w) >= 4 for d in domains if d)


#: a company line read at least this surely is not spelled over by an email domain read less surely
SURE_COMPANY_WORD = 0.9
#: a company that misspells its email's domain, kept as printed: one of the two is misread
COMPANY_DISAGREES_CONF = 0.55


#: a numeral suffix with an I read as a look-alike (l, 1, or a serif I as T: "Jack Hall, ITI" on a phone dev card)
_ROMAN_MISREAD = {"Ill": "III", "IIl": "III", "lII": "III", "lll": "III", "IlI": "III", "ITI": "III", "I1I": "III",
                  "Il": "II", "lI": "II", "ll": "II"}  # fmt: skip


def _accent_from_email(token: str, locals_: list[str], initials: str = "") -> str:
    """ "Muller" -> "Müller" when the email spells "mueller", "Grok" -> "Groß" when it spells "gross": the only
    reading both agree on.

    German addresses write ü as ue; when OCR dropped the umlaut the email tells it back. Nothing
    is changed unless putting one umlaut back makes the name spell the email's word exactly, and
    not when the email spells the name with another name's initial ("avae@" for Ava Edwards).
    """
    words = {w for loc in locals_ for w in re.split(r"[._-]", loc.lower()) if len(w) >= 4}
    plain = letters_only(token)
    if plain in words or any(plain + i in words or i + plain in words for i in initials):
        return token
    for i, ch in enumerate(token):
        umlaut = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü"}.get(ch)
        if umlaut is None:
            continue
        candidate = token[:i] + umlaut + token[i + 1 :]
        if _german_ascii(candidate) in words:
            return candidate
    # "Grok" beside laura_gross@: a ß read as a letter of its shape (B, k, f) after a small letter
    for i in range(1, len(token)):
        if token[i] in "Bkf" and token[i - 1].islower():
            candidate = token[:i] + "ß" + token[i + 1 :]
            if _german_ascii(candidate) in words:
                return candidate
    return token


#: names written with an ñ, by their plain letters: OCR reads the ñ as "fi" ("Mufioz")
_ENYE_NAMES = {
    n.replace("ñ", "n").translate(str.maketrans("áéíóú", "aeiou")).lower(): n
    for n in "Muñoz Núñez Ibáñez Peña Ordóñez Castaño Íñiguez Íñigo Begoña Yáñez Toño Montaña Cañas".split()  # noqa: SIM905
}


def repair_name(text: str, locals_: list[str]) -> str:
    """Undo OCR slips the email or name grammar can prove: "III" read as "Ill", a dropped umlaut, a middle
    initial's lost dot, "Ph D." for "Ph.D.", a ß read as a capital B ("GroB")."""
    words = text.split()
    # "II I" -> "III": a numeral suffix OCR cut in two
    while len(words) >= 4 and re.fullmatch(r"[IVX]+", words[-1]) and re.fullmatch(r"[IVX]+", words[-2]):
        words[-2:] = [words[-2] + words[-1]]
    if len(words) >= 3 and words[-1] in _ROMAN_MISREAD:
        words[-1] = _ROMAN_MISREAD[words[-1]]
    # "Farhan Mehta, Ph D.": the dot inside the suffix read as a space
    if len(words) >= 4 and words[-2] == "Ph" and words[-1] in {"D", "D."}:
        words[-2:] = ["Ph.D."]
    # "Daniel E Okafor": a middle initial's dot, the smallest print on the line, lost
    # (or read as a comma: "Venkatesh F, Gill")
    words = [
        w.rstrip(",") + "." if 0 < i < len(words) - 1 and re.fullmatch(r"[A-Z],?", w) else w
        for i, w in enumerate(words)
    ]
    # "Noah ‘Thomas": a quote mark before a word is a speck (a name's apostrophe is inside it: "O'Neill")
    words = [w.lstrip("‘’'`\"“”") or w for w in words]
    # "Björn GroB": a capital B closing a word of small letters is a ß (no name is written so: "McBride" goes on)
    words = [re.sub(r"(?<=[a-zäöü]{2})B$", "ß", w) for w in words]
    # "Mufioz": an ñ read as "fi" in a name that is written with one
    words = [_ENYE_NAMES.get(w.lower().replace("fi", "n"), w) if "fi" in w.lower() else w for w in words]
    # "Pooja D. lyer": a name starts with a capital, and a small l that starts one is a capital I read as its look-alike
    if any(w[:1].isupper() for w in words):
        small = _PARTICLES | {"los", "las", "les", "lo"}  # "Maria de los Santos"
        words = ["I" + w[1:] if re.fullmatch(r"l[a-z]{2,}", w) and w not in small else w for w in words]
    initials = [letters_only(w)[:1] for w in words]
    return " ".join(
        _accent_from_email(w, locals_, "".join(x for j, x in enumerate(initials) if j != i))
        for i, w in enumerate(words)
    )


_JP_DEPT_TITLE = re.compile(r"(?P<dept>\S+?(?:本部|部|課|室|局|センター|グループ))\s*(?P<title>\S+)")


#: title words no title is made of alone: a title of one of them lost the words before it ("Chief Product Officer")
TITLE_PART_ONLY = frozenset({"officer", "head", "chief", "vice", "senior", "junior", "deputy"})
#: the confidence of such a title: in review
TITLE_CUT_CONF = 0.5


#: one-word job titles that stand on their own before a department ("Partner Finance & Controlling")
_STANDALONE_TITLES = frozenset(
    {"partner", "consultant", "analyst", "associate", "engineer", "manager", "recruiter", "advisor", "adviser",
        "founder", "co-founder", "cofounder", "owner", "president", "chairman",
        "counsel", "architect", "designer", "developer", "scientist", "specialist", "accountant",
        "ceo", "cto", "cfo", "coo", "cmo", "cio", "cpo", "chro"}
)  # fmt: skip


#: German roles that end a compound one-word title ("Personalreferentin", "Vertriebsleiter")
_COMPOUND_ROLES = ("referent", "referentin", "berater", "beraterin", "leiter", "leiterin", "entwickler", "entwicklerin",
                   "ingenieur", "ingenieurin", "managerin", "recruiterin", "spezialist", "spezialistin")  # fmt: skip


def _standalone_title(word: str) -> bool:
    # "Leiter Human Resources" alone is a rank over the area, as "Head of" is: only its compounds stand alone
    bare = word in _COMPOUND_ROLES and not word.startswith("leiter")
    return (
        word in _STANDALONE_TITLES or bare or any(word.endswith(r) and len(word) >= len(r) + 3 for r in _COMPOUND_ROLES)
    )


def split_title(text: str) -> tuple[str, str | None]:
    """ "Partner, Finance & Controlling" -> ("Partner", "Finance & Controlling"); else (text, None).

    A department printed after the title is cut off at a comma, or where a run of two or more
    functional-area words follows a word that ends a job title ("HR Business Partner Platform
    Engineering").
    """
    m = _JP_DEPT_TITLE.fullmatch(text)
    if m and _ROLE.search(m["title"]):
        return m["title"], m["dept"]  # "営業部 部長": the department comes first in Japanese
    head, comma, tail = text.rpartition(",")
    if comma and _ROLE.search(head) and _is_department(tail.strip()):
        return head.strip(), tail.strip()
    words = text.split()
    # the shortest run of area words at the end wins: "VP People | Global Recruiting"
    for k in range(len(words) - 2, 0, -1):  # down to a one-word title: "Partner Finance & Controlling"
        left, right = " ".join(words[:k]), " ".join(words[k:])
        # (the department's own word too, and "Al", which is "AI" misread: "Cloud & Al Department")
        areas_only = all(
            w.lower().strip("&,") in _AREA or w in {"&", "and", "Al"} or _DEPT_MARKER.fullmatch(w) for w in words[k:]
        )
        # neither half may hang on a joining word: "Founder & CEO People | & Culture" is cut one word late
        open_end = words[k - 1].lower() in {"of", "for", "&", "and", "the", "de", "du", "des"} or words[k] in {
            "&",
            "and",
        }
        # one word splits off only when it is a title on its own ("Partner"), not a rank ("VP Talent Acquisition")
        whole = k > 1 or _standalone_title(words[0].lower().strip(",."))
        if (
            whole
            and _ROLE.search(left)
            and not open_end
            and not _ROLE.search(right)
            and areas_only
            and _is_department(right)
        ):
            return left, right
    return text, None


def split_name(full: str) -> PersonName:
    jp = japanese_name_tokens(full)
    if jp is not None:
        # Japanese order: family name first
        return PersonName(full=full, given=jp[1] if len(jp) > 1 else "", family=jp[0])
    hn = HumanName(full)
    return PersonName(full=full, prefix=hn.title, given=hn.first, middle=hn.middle, family=hn.last, suffix=hn.suffix)


_STRAY_LETTER = re.compile(r"^[a-z]\s+(?=[A-Z])|(?<=[a-z])\s+[a-z]$")


#: what a name candidate of two or more lone letters loses: it is more likely a letter-spaced logo
LETTER_SPACED = 0.3


def _part_spaced(text: str) -> bool:
    """ "A U RORA", "K AVERI": capitals of a letter-spaced logo OCR joined only in part (a name's initials
    carry their dots: "J. R. Smith")."""
    words = text.split()
    singles = sum(len(w) == 1 and w.isalpha() for w in words)
    # "K AVERI": the first letter set apart alone, the rest joined
    first_apart = len(words) == 2 and len(words[0]) == 1 and words[0].isalpha() and len(words[1]) >= 4
    # capitals, but for a letter or so OCR read small ("K I NE T ! Cc": the C read twice, once small)
    letters = [c for c in text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters) >= max(len(letters) - 1, 0.85 * len(letters))
    return bool(letters) and capitals and (singles >= 2 or first_apart)


#: a name read less surely than this is a guess, which the card leaves empty (see `card.GUESS_CONF`)
GUESSED_NAME = 0.25
#: what a line gains as the name for starting with a person's title ("Prof. Dr. Emma Dekker" under a taller
#: "ZEEWIND NAV.", its "N.V." misread): no company or slogan starts so ("M." is left out: a mobile's label)
NAME_PREFIX_BONUS = 0.2
_PERSON_TITLE = _NAME_PREFIX - {"m."}


def _name_conf(cand: Candidate, agree: float, has_email: bool) -> float:
    """A name candidate's confidence from its reading and its agreement with the email's local part."""
    # the least sure word counts: one misread letter ("Seren" for "Søren") spoils the whole name
    words = cand.source.word_confs() if cand.source is not None and cand.text == cand.source.text else [cand.conf]
    ocr = (min(words) + cand.conf) / 2
    return ocr * (0.75 + 0.25 * agree) if has_email else ocr * 0.8  # (nothing to check it against)


def _pick_name(
    cands: list[Candidate], locals_: list[str], domains: list[str]
) -> tuple[Candidate | None, list[str], float]:
    tallest = max((c.height for c in cands), default=1.0) or 1.0
    page_top = min((c.top for c in cands), default=0)
    page_bottom = max((c.top for c in cands), default=1)
    best: tuple[float, Candidate | None, list[str], float] = (0.0, None, [], 0.0)
    best_guess = best
    for c in cands:
        tokens = name_tokens(c.text)
        if tokens is None:
            # "r Laura Fischer", "Alessandro Greco i": a speck read as a letter before or after the name; taken
            # off only when the email then spells the name
            bare = _STRAY_LETTER.sub("", c.text)
            # "Paul wolf" over `paulw@`: a capital read small (w, o, s, c, v look alike in either case)
            titled = " ".join(
                w[0].upper() + w[1:] if w.isalpha() and w.islower() and len(w) > 1 and w not in _PARTICLES else w
                for w in c.text.split()
            )
            text_before = c.text
            bare = bare if bare != c.text else titled
            tokens = name_tokens(bare) if bare != c.text else None
            if tokens is None or email_agreement(tokens, locals_) < 0.9:
                continue
            c = dataclasses.replace(c, text=bare)
            # a middle word the email does not spell, mended to a capital ("AI hur Bonnet" over `abonnet@`: "Arthur"
            # misread, its "rt" read as "I "): the likelier reading, in review
            if bare == titled and _unspelled_middle(c.text.split(), text_before.split(), locals_):
                c = dataclasses.replace(c, conf=min(c.conf, CASE_MENDED_CONF))
        agree = email_agreement(tokens, locals_)
        if agree < 0.6 and domain_agreement(c.text, domains) >= 0.85 and re.search(r"(?<!\S)[^\W\d_](?!\S)", c.text):
            continue  # "HEXAGON E" beside contact@hexagone.fr: the logo, its last letter set apart; no name
        # "SOMES Tar" at 0.16 over "Niamh Harrison" at 0.94: specks, which would be dropped as a guess, rank below
        # every name read surely enough to keep
        guess = _name_conf(c, agree, bool(locals_)) < GUESSED_NAME
        score = 0.45 + 0.25 * (c.height / tallest)
        score += 0.1 * (1 - (c.top - page_top) / max(1, page_bottom - page_top))
        score += 0.4 * agree
        # a two-word line that names the email's company is more likely the company
        if domain_agreement(c.text, domains) >= 0.85 and agree < 0.6:
            score -= 0.35
        if _part_spaced(c.text):
            score -= LETTER_SPACED
        if c.text.split()[0].lower() in _PERSON_TITLE:
            score += NAME_PREFIX_BONUS
        if guess and score > best_guess[0]:
            best_guess = (score, c, tokens, agree)
        elif not guess and score > best[0]:
            best = (score, c, tokens, agree)
    _, cand, tokens, agree = best if best[1] is not None else best_guess
    if cand is None:
        return None, [], 0.0
    conf = _name_conf(cand, agree, bool(locals_))
    # a clear font-size lead over every other line is layout evidence too
    others = [c.height for c in cands if c.line != cand.line]
    if agree < 0.6 and others and cand.height >= 1.3 * max(others):
        conf = min(1.0, conf + 0.08)
    return cand, tokens, round(min(1.0, conf), 3)


def _is_department(text: str) -> bool:
    if _DEPT_MARKER.search(text):
        return True
    words = [w.lower() for w in re.split(r"[\s,/]+", text) if w and w.lower() not in {"&", "and", "of"}]
    return bool(words) and not _ROLE.search(text) and sum(w in _AREA for w in words) >= max(1, 0.6 * len(words))


def _name_beside_company(c: Candidate, domains: list[str]) -> list[Candidate]:
    """ "Michael Hernandez Fvergreen Media": a name and the company beside it, printed on one row and read as
    one line, as two candidates: the first words spell a name and the rest the email's organisation."""
    words = c.text.split()
    if len(words) < 3 or not domains or _ROLE.search(c.text):
        return [c]
    for k in range(min(4, len(words) - 1), 1, -1):  # the longest name first: "Arjun Patel PhD" | "Skyward Data"
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if (
            name_tokens(head) is not None
            and domain_agreement(head, domains) < 0.6
            and domain_agreement(tail, domains) >= 0.8
        ):
            return [dataclasses.replace(c, text=head), dataclasses.replace(c, text=tail)]
    return [c]


def _respaced_name(c: Candidate, locals_: list[str]) -> Candidate:
    """ "M ia As hwo rth" over `m.ashworth.consulting@`: a name printed in widely spaced letters, which OCR read
    with spaces inside its words, closed up and parted where the email parts off the family name (its spelling
    one slip off at most: "Th omas Fa ł rba irn" over `thomas.fairbairn@`). Unchanged otherwise."""
    words = c.text.split()
    if len(words) < 3 or sum(map(len, words)) > 3.5 * len(words) or not all(w.isalpha() for w in words):
        return c
    if name_tokens(c.text) is not None:
        return c
    joined = "".join(words)
    for local in locals_:
        for piece in re.split(r"[._-]", local.lower()):
            head, tail = joined[: -len(piece)], joined[-len(piece) :]
            if len(piece) < 3 or len(head) < 2 or not (head[0].isupper() and tail[0].isupper()):
                continue
            if similarity(strip_accents(tail).lower(), piece) >= (1.0 if len(piece) < 7 else 0.85):
                respaced = " ".join(w if w.isupper() else w[0] + w[1:].lower() for w in (head, tail))  # "AShworth"
                if name_tokens(respaced) is not None:
                    return dataclasses.replace(c, text=respaced)
    return c


def _rejoined_letter(c: Candidate, locals_: list[str]) -> Candidate:
    """ "Stefan von Stei n" over `stefan.vonstein@`: a word's last letter OCR set apart (a wide gap in the print),
    joined back when the email spells the word whole. (A vowel alone may be a word: Spanish "y", Portuguese "e".)"""
    words = c.text.split()
    spelled = [letters_only(local) for local in locals_]
    out: list[str] = []
    for w in words:
        if out and re.fullmatch(r"[b-df-hj-np-tv-xz]", w) and out[-1][:1].isupper():
            whole = letters_only(out[-1] + w)
            if len(whole) >= 4 and any(whole in local for local in spelled):
                out[-1] += w
                continue
        out.append(w)
    return c if len(out) == len(words) else dataclasses.replace(c, text=" ".join(out))


def _logo_rows(lines: list[TextLine], domains: list[str]) -> list[Candidate]:
    """ "K EY S$ T" | "ONE" beside apatel@keystone.us: a letter-spaced logo OCR parted into lines at its wider gaps,
    as one candidate, when the pieces of its row, joined, spell the domain (and no piece alone does)."""
    out = []
    for first in lines:
        h = max(first.height, 1.0)
        row = [
            ln
            for ln in lines
            if abs(ln.box.cy - first.box.cy) < 0.5 * h
            and 0.7 <= ln.height / h <= 1.4
            and ln.box.x >= first.box.x
            and ln.box.x - first.box.x2 <= 8 * h  # a wide letter gap, not the next column
        ]
        if len(row) < 2 or any(ln.box.x < first.box.x for ln in row):
            continue
        row.sort(key=lambda ln: ln.box.x)
        # the logo's letters only: a speck beside one ("S$", "O:-") is no part of it
        joined = " ".join(w for ln in row for w in (re.sub(r"[^\w&]", "", t) for t in ln.text.split()) if w)
        if (
            domain_agreement("".join(joined.split()), domains)
            >= 0.85
            > max(domain_agreement(ln.text, domains) for ln in row)
        ):
            conf = min(ln.conf for ln in row)
            out.append(Candidate(first.index, joined, max(ln.height for ln in row), min(ln.box.y for ln in row), conf))
    return out


def find_people(
    lines: list[TextLine],
    emails: list[str],
    domains: list[str],
    body_height: float = 0.0,
    email_confs: list[float] | None = None,
) -> People:
    """Name, title, department and company from the free lines. `domains` are organisation labels.

    `body_height` is the card's typical letter height (all lines, not only the free ones): a
    logo-sized line is measured against it. `email_confs` are the OCR confidences of `emails`:
    the email corrects the name's letters only where it was read at least as surely.
    """

    def slogan(text: str) -> bool:
        # not "alu PL AND": a logo read in pieces whose letters spell the domain, its "AND" no slogan's word
        # (nor "all a z UR": its mark read as a word before the pieces)
        if not is_tagline(text):
            return False
        words = text.split()
        return max(domain_agreement("".join(words[k:]), domains) for k in range(min(2, len(words)))) < 0.85

    cands = [c for c in candidates(lines) if not slogan(c.text) or (_ROLE.search(c.text) and not speaks(c.text))]
    # "R I VE RS T ON E": a logo's capitals spaced out in fragments looks like texture, but it spells the domain
    cands += [
        Candidate(ln.index, ln.text, ln.height, ln.box.y, ln.conf, ln)
        for ln in lines
        if is_junk(ln.text) and _part_spaced(ln.text) and domain_agreement("".join(ln.text.split()), domains) >= 0.85
    ]
    cands = [part for c in cands for part in _name_beside_company(c, domains)]
    cands += _logo_rows(lines, domains)
    locals_ = [e.split("@", 1)[0] for e in emails]
    cands = [_rejoined_letter(_respaced_name(c, locals_), locals_) for c in cands]
    parts = {id(c) for c in cands if c.source is not None and c.text != c.source.text}
    name_c, _, name_conf = _pick_name(cands, locals_, domains)
    used = {id(name_c)} if name_c else set()
    name = None
    name_check = "unknown"
    name_read_conf, name_ocr = name_conf, 0.0
    if name_c:
        printed = repair_name(name_c.text, locals_)
        check = check_name_with_email(printed, locals_)
        name_ocr = min(name_c.source.word_confs()) if name_c.source is not None else name_c.conf
        email_ocr = min(email_confs) if email_confs else 1.0
        if check.verdict == "repaired" and email_ocr <= name_ocr:
            # "hemandez@" under a surely read "Hernandez": the email is the likelier misreading (read as
            # surely as the name, "nuna@" under "Nuria", either may be: both go to review)
            check = NameCheck(printed, "disagree")
        name_check = check.verdict
        name = split_name(check.text)
        name_read_conf = name_conf
        if check.verdict == "repaired":
            name_conf = min(name_conf, NAME_REPAIRED_CONF)
        elif check.verdict == "disagree" and not (name_ocr >= SURE_NAME and email_ocr < UNSURE_EMAIL):
            name_conf = min(name_conf, NAME_DISAGREES_CONF)

    # title: a role line, the nearer the name (just below it is the usual place) the better
    title_c, title_conf, title_score = None, 0.0, -1.0
    anchor = name_c.line if name_c else -1
    # distance counts candidate lines only: an email line between name and title does not part them
    order = {line: i for i, line in enumerate(sorted({c.line for c in cands}))}
    for c in cands:
        # a role word misread ("Financial Anatyst") is still one
        # (a long line may be a title with its department after it, "Lead Talent Acquisition Specialist Cloud & AI
        # Department": the title part must be short)
        too_long = len(c.text.split()) > 7 and len(split_title(c.text)[0].split()) > 7
        if id(c) in used or not (_ROLE.search(c.text) or _ROLE.search(mend_title_words(c.text))) or too_long:
            continue
        if c.text.split()[0].lower() in _ADDRESSING - {"us"}:
            continue  # "Your partner" (of "Your partner in growth", OCR parted at wide gaps): a slogan's start
        if _LEGAL.search(c.text) and not re.search(r"\b(?:of|at)\b", c.text):
            continue
        gap = abs(order[c.line] - order[anchor]) if anchor >= 0 else 3
        score = 1.0 / (1 + gap) + (0.2 if c.line > anchor else 0)
        if score > title_score:
            title_c, title_score = c, score
            title_conf = c.conf * (1.0 if gap <= 2 else 0.8)
    title, title_dept = split_title(title_c.text) if title_c else (None, None)
    if title_c:
        used.add(id(title_c))

    # department: an explicit "Department" line, or a line of functional areas next to the title
    dept_c, dept_conf = None, 0.0
    for c in cands:
        # "University Retations", "Customer Expenence": a department word misread is still one
        if id(c) in used or not (_is_department(c.text) or _is_department(mend_title_words(c.text))):
            continue
        if _LEGAL.search(c.text):
            continue
        # under the title in the same column; reading order alone mixes the columns of a card
        near_title = title_c is not None and (c.line == title_c.line or _stacked(title_c, c))
        # or after it on its row, in no column of its own ("Parallax" over "Recruitment" is a company's two lines)
        if (
            title_c is not None
            and _after_on_row(title_c, c)
            and not any(_stacked(o, c) for o in cands if o is not c and id(o) not in used)
        ):
            near_title = True
        if _DEPT_MARKER.search(c.text) or near_title:
            dept_c, dept_conf = c, c.conf * (1.0 if _DEPT_MARKER.search(c.text) else 0.85)
            break
    if dept_c:
        used.add(id(dept_c))
    department = dept_c.text if dept_c else title_dept
    if dept_c is None and title_dept:
        dept_conf = title_conf * 0.9  # cut from the title line: one more guess than a line of its own

    taken_lines = {c.line for c in (name_c, title_c, dept_c) if c}
    company, company_conf, company_lines = _pick_company(
        [
            c
            for c in cands
            if (c.line not in taken_lines or id(c) in parts) and id(c) not in used and not slogan(c.text)
        ],
        domains,
        body_height,
        max(email_confs or [0.0]),
        name_c.top if name_c else None,
    )
    picked = [c.line for c in (name_c, title_c, dept_c) if c] + list(company_lines)
    return People(
        name=name,
        name_conf=name_conf,
        name_read_conf=name_read_conf,
        name_ocr=name_ocr if name_c else 0.0,
        title=restore_role_accents(title) if title else title,
        title_conf=round(title_conf, 3),
        department=restore_role_accents(department) if department else department,
        department_conf=round(dept_conf, 3),
        company=company,
        company_conf=company_conf,
        lines=tuple(picked),
        name_check=name_check,
    )


def _style_like(printed: str, word: str) -> str:
    """Write `word` in the case style of the printed logo."""
    letters = [c for c in printed if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return word.upper()
    return word.capitalize()


def _fragments(text: str) -> bool:
    """A logo read in pieces: "um mit", "C ME" (several words, none longer than three letters)."""
    words = text.split()
    return len(words) >= 2 and max(len(w) for w in words) <= 3


#: the widest gap between two stacked lines of one block of print, in line heights...
STACK_GAP = 0.9
#: ...and between a company's lines when the other holds a legal form or a company word ("RHEINBLICK" over
#: "NETWORKS", set apart as a logo's two lines often are)
COMPANY_STACK_GAP = 1.5


def _stacked(a: Candidate, b: Candidate, most: float = STACK_GAP) -> bool:
    """b sits right under a (or over it) in the same column, in a similar font: one block of print (at most
    `most` line heights apart)."""
    if a.source is None or b.source is None or a.line == b.line:
        return False
    top, low = (a.source, b.source) if a.source.box.y <= b.source.box.y else (b.source, a.source)
    gap = low.box.y - top.box.y2
    h = max(top.height, low.height, 1)
    if not -0.3 * h <= gap <= most * h or not 0.45 <= top.height / max(1.0, low.height) <= 2.2:
        return False
    tol = 1.5 * h
    return abs(top.box.x - low.box.x) < tol or abs(top.box.x2 - low.box.x2) < tol or abs(top.box.cx - low.box.cx) < tol


def _after_on_row(a: Candidate, b: Candidate) -> bool:
    """b follows a on the same row of print, a few letters after it, in a similar font ("Head of People – Data
    Platform", which OCR read as two lines)."""
    if a.source is None or b.source is None or a.line == b.line:
        return False
    left, right = a.source, b.source
    h = max(left.height, right.height, 1)
    same_row = abs(left.box.cy - right.box.cy) < 0.5 * h and 0.7 <= left.height / max(1.0, right.height) <= 1.4
    return same_row and 0 <= right.box.x - left.box.x2 <= 2.5 * h


def _company_like(text: str) -> bool:
    """Printed like part of a company name: short, no digits, every real word capitalised."""
    words = text.split()
    if not 1 <= len(words) <= 4 or any(ch.isdigit() for ch in text) or "@" in text or _ROLE.search(text):
        return False
    return all(not w[0].isalpha() or w[0].isupper() or len(w) <= 2 for w in words)


def _stack_company(best: Candidate, pool: list[Candidate], domains: list[str]) -> tuple[str, list[Candidate]]:
    """Join a company printed over two or three lines ("Parallax" / "Systems KG", "Granite GmbH" / "& Co. KG").

    A neighbour joins when it is stacked with the company in the same column and adds evidence:
    a legal suffix or company word, a better match with the email domain, or the name that the
    company word ("Systems KG") was missing.
    """
    parts = [best]
    for below in (True, False):
        while len(parts) < 3:
            edge = parts[-1] if below else parts[0]
            near = [
                c
                for c in pool
                if c not in parts
                and (
                    _stacked(edge, c)
                    or (
                        _stacked(edge, c, COMPANY_STACK_GAP)
                        and bool(_LEGAL.search(c.text) or _ORG_WORDS.search(c.text))
                    )
                )
                and ((c.top > edge.top) if below else (c.top < edge.top))
                and len({p.line for p in parts} | {c.line}) == len(parts) + 1
            ]
            if not near:
                break
            nb = min(near, key=lambda c: abs(c.top - edge.top))
            # (a legal form alone in any case: "Silverline" over "corp.")
            if not (_company_like(nb.text) or only_legal_form(nb.text)) or is_tagline(nb.text):
                break
            # "Engineering" over "the future": the first word of a tagline wrapped under the logo
            # (a legal form or an organisation word is the company's own, whatever follows it)
            sure = _LEGAL.search(nb.text) or _ORG_WORDS.search(nb.text)
            if below and not sure and any(_stacked(nb, c) and c.top > nb.top and c.text[:1].islower() for c in pool):
                break
            joined = [*parts, nb] if below else [nb, *parts]
            now = " ".join(p.text for p in parts)
            text = " ".join(p.text for p in joined)
            better = domain_agreement(text, domains) > domain_agreement(now, domains) + 0.05
            if below:
                adds = bool(_LEGAL.search(nb.text) or _ORG_WORDS.search(nb.text) or _TRADE_WORDS.search(nb.text))
                adds = adds or nb.text.startswith("&") or better
            else:
                # the line above is the name part when the company so far starts with a generic word
                starts_generic = bool(re.match(rf"(?:{_ORG_WORDS.pattern}|{_TRADE_WORDS.pattern})", now, re.I))
                # "Straits Data" over "Pte Ltd": a legal form alone is the end of the name above it
                adds = better or only_legal_form(now) or (starts_generic and name_tokens(nb.text) is None)
            if not adds:
                break
            parts = joined
    # "UPLAND MOBILITY  LLC": a legal form printed beside the name, on its row, in a smaller font
    if not _LEGAL.search(" ".join(p.text for p in parts)):
        last = parts[-1].source
        beside = [
            c
            for c in pool
            if c not in parts
            and c.source is not None
            and last is not None
            and c.source.box.x >= last.box.x2
            and c.source.box.x - last.box.x2 < 3 * max(c.height, last.height, 1)
            and last.box.y <= c.source.box.cy <= last.box.y2
            and only_legal_form(c.text)
        ]
        if beside:
            parts = [*parts, min(beside, key=lambda c: c.source.box.x if c.source else 0)]
    return " ".join(p.text for p in parts), parts


def _is_fragment(word: str, follows: bool) -> bool:
    """A piece of a word, not a word: a lone letter ("G ranite"), a digit inside ("1X"), or a
    lower-case continuation after a capital ("Gran ite")."""
    letters = sum(c.isalpha() for c in word)
    return letters <= 1 or any(c.isdigit() for c in word) or (follows and word[:1].islower())


#: words of company names long enough that two pieces OCR split apart and that join into one are that word
_TRADE_WHOLE_WORDS = (
    "technologies technology solutions systems consulting partners holdings foundation agency studio capital "
    "ventures logistics analytics software networks robotics media mobility energy recruitment international "
    "engineering institute management services healthcare therapeutics industries digital security financial "
    "consultants laboratories university"
)
_TRADE_WHOLE = frozenset(_TRADE_WHOLE_WORDS.split())


def rejoin_trade_words(text: str) -> str:
    """ "INKWELL ANALY TiCS GMBH" -> "INKWELL ANALYTICS GMBH": two pieces OCR split apart that join into a word
    of company names, neither a word of its own there; the joined word takes the first piece's case."""
    words = text.split(" ")
    i = 0
    while i < len(words) - 1:
        a, b = words[i], words[i + 1]
        joined = (a + b).lower()
        if a.isalpha() and b.isalpha() and joined in _TRADE_WHOLE and a.lower() not in _TRADE_WHOLE:
            words[i : i + 2] = [joined.upper() if a.isupper() else joined.capitalize() if a[0].isupper() else joined]
        i += 1
    # "Weisswald hnologies KG": a word of company names whose first letters or few OCR lost (with the logo's
    # edge or a speck); after the first word only, a lone tail no word of its own, naming one such word
    for k, word in enumerate(words[1:], 1):
        low = word.lower()
        whole = [t for t in _TRADE_WHOLE if t.endswith(low) and 0 < len(t) - len(low) <= 4] if len(low) >= 6 else []
        if word.isalpha() and low not in _TRADE_WHOLE and len(whole) == 1:
            words[k] = whole[0].upper() if word.isupper() else whole[0].capitalize()
    return " ".join(words)


#: two-letter words a company's name holds on their own ("Acme AI"), unlike the tail of a split word ("SAPPHI RE")
_SHORT_WORDS = frozenset("ai it hr uk us eu ag sa co tv pr ux vr ar io my go on of to in at by de la le du et".split())  # noqa: SIM905


def _piece(word: str, follows: bool) -> bool:
    """A fragment, or two letters that are no word of its own: a tail ("SAPPHI RE"), or a head in small letters
    ("up land" of "upland")."""
    two = len(word) == 2 and word.isalpha() and word.lower() not in _SHORT_WORDS
    tail = two and (follows or word.islower())
    return _is_fragment(word, follows) or tail


def _rejoin_with_domain(text: str, domains: list[str]) -> str:
    """ "G ranite GmbH" -> "Granite GmbH", "Quant 1X Corp." -> "Quantix Corp.", "SAPPHI RE" -> "SAPPHIRE": OCR
    split a word or read a letter as a digit, and joining the pieces spells the email's domain exactly. Otherwise
    unchanged."""
    words = text.split()
    flat = {d.replace("-", "") for d in domains if d}
    split = any(_piece(w, k > 0) for k, w in enumerate(words))
    if domain_agreement(text, domains) >= 0.999 and not split:
        return text  # already spelled as the domain ("Cedarwood Consulting" ~ cedarwood-consulting)
    # a hyphenated domain's parts first: "Wave length Technologies" ~ wavelength-technologies is two words
    parts = {part for d in domains if d and "-" in d for part in d.split("-") if len(part) >= 3}
    for spellings in (parts, flat):
        for size in (6, 5, 4, 3, 2, 1):  # "ir on cla d": a letter-spaced logo OCR joined in a few places
            for i in range(len(words) - size + 1):
                piece = "".join(words[i : i + size])
                if size > 1 and not any(_piece(w, k > 0) for k, w in enumerate(words[i : i + size])):
                    continue  # "Prism Foods" ~ prism-foods.io: two real words stay two words
                if piece.translate(AS_LETTER).lower() in spellings and (size > 1 or piece.lower() not in spellings):
                    word = piece.translate(AS_LETTER).lower()
                    first = words[i]
                    styled = word.capitalize() if first[:1].isupper() else word  # "up land" stays in small letters
                    styled = word.upper() if first.isupper() and len(first) > 1 else styled
                    return " ".join([*words[:i], styled, *words[i + size :]])
    return text


#: an unsure logo reading is spelled from the domain only when its letters are this like the domain's
LOGO_SPELLED = 0.5


def _spell_from_domain(printed: str, domain: str) -> str:
    """The domain's word in the printed case style, with an umlaut back where the domain wrote "oe".

    "LOwenzahn" next to loewenzahn.de is "Löwenzahn": German domains spell ö as oe.
    """
    # "Mertion" beside merlion-foods.com is "Merlion": the domain's part it was printed as, not all of it
    options = [domain, *(part for part in domain.split("-") if len(part) >= 3)]
    for plain, umlaut in (("ae", "ä"), ("oe", "ö"), ("ue", "ü")):
        # (not across a hyphen: "vela-energy" writes no "ä")
        options += [o.replace(plain, umlaut, 1) for o in options if plain in o]
    seen = letters_only(printed)
    best = max(options, key=lambda o: similarity(seen, letters_only(o.replace("-", ""))))
    if len(printed.split()) == best.count("-") + 1 > 1:
        # "veia cnergy" beside vela-energy.com: the printed words are the domain's parts ("Vela Energy")
        return " ".join(_style_like(printed, part) for part in best.split("-"))
    return _style_like(printed, best.replace("-", ""))


def _umlaut_spellings(domains: list[str]) -> list[str]:
    """The domains' names (whole, and each hyphened part) that spell an umlaut as "ae", "oe" or "ue", with the
    umlaut written: "loewenzahn" -> "löwenzahn"."""
    out = []
    for domain in domains:
        for label in {domain, *domain.split("-")}:
            spelled = label
            for plain, umlaut in (("ae", "ä"), ("oe", "ö"), ("ue", "ü")):
                spelled = spelled.replace(plain, umlaut)  # (not across a hyphen: "vela-energy" writes no "ä")
            if spelled != label:
                out.append(spelled.replace("-", ""))
    return out


def named_from_domain(company: str, labels: list[str]) -> str | None:
    """A company read without its own name, which a logo prints, and whose organisation's domain spells it: "Data"
    beside redwood-data.io is "Redwood Data" (the end of a hyphenated domain; or the end of its last word, "cruitment"
    beside bodensee-recruitment.io), "CAPITAL SAS" beside mosaic.fr is "MOSAIC CAPITAL SAS" (trade words and a legal
    form only, before which the domain's one word goes). In the case the company was read in; None when the company
    has a name of its own or no domain spells one. The likelier reading, not a sure one: the caller sends it to
    review."""
    words = company.split()
    cut = next((i for i in range(len(words)) if only_legal_form(" ".join(words[i:]))), len(words))
    head, legal = words[:cut], words[cut:]
    read = letters_only(" ".join(head)).lower()
    trade = bool(head) and all(_ORG_WORDS.fullmatch(w) or _TRADE_WORDS.fullmatch(w) for w in head)
    if not read or not read.isalpha():
        return None

    def named(spelled: list[str], printed: list[str]) -> str:
        """The domain's words, in the case the company was read in, before the words read."""
        return " ".join([*(p.upper() if company.isupper() else p.capitalize() for p in spelled), *printed])

    for label in labels:
        parts = [p for p in label.lower().split("-") if p]
        if not parts or not all(p.isalpha() for p in parts):
            continue
        joined = "".join(parts)
        if len(parts) >= 2 and (
            any(read == "".join(parts[k:]) for k in range(1, len(parts)))
            or (len(read) >= 5 and joined.endswith(read) and len(read) < len(parts[-1]))
        ):
            return named(parts, legal)
        if len(parts) == 1 and trade and len(joined) >= 4 and joined not in read and read not in joined:
            return named(parts, [*head, *legal])
    return None


def umlauts_from_domain(company: str, domains: list[str]) -> str:
    """ "Lowenzahn Logistics" beside loewenzahn.de is "Löwenzahn Logistics": a word the domain spells with "oe",
    "ue" or "ae" read without its umlaut (the letters are the same but for the dots). Otherwise unchanged."""
    words = company.split(" ")
    for i, word in enumerate(words):
        if len(word) < 4 or not word.isalpha() or any(ch in "äöüÄÖÜ" for ch in word):
            continue
        for spelled in _umlaut_spellings(domains):
            if strip_accents(spelled) == word.lower():
                words[i] = _style_like(word, spelled)
    return " ".join(words)


def umlaut_misread_from_domain(company: str, domains: list[str]) -> str:
    """ "Liwenzahn Media" or "Léwenzahn SE" beside loewenzahn.de is "Löwenzahn …": a word the domain spells with
    "oe", "ue" or "ae" whose umlaut OCR read as another letter, that letter alone differing. The likelier
    reading, for the caller to send to review. Otherwise unchanged."""
    words = company.split(" ")
    for i, word in enumerate(words):
        if len(word) < 4 or not word.isalnum():
            continue
        for spelled in _umlaut_spellings(domains):
            if len(spelled) != len(word):
                continue
            off = [k for k, (a, b) in enumerate(zip(spelled, word.lower(), strict=True)) if a != b]
            if len(off) == 1 and spelled[off[0]] in "äöü" and word[off[0]].lower() not in "äöü":
                words[i] = _style_like(word, spelled)
    return " ".join(words)


def _without_mark(text: str) -> str:
    """ "ull Relay Biotech Pty. Ltd." -> "Relay Biotech Pty. Ltd.": a logo's mark read as a short word starting
    in lower case ("ull", "oO") before a capitalised company name (a particle such as "de" or "van" stays)."""
    first, _, rest = text.partition(" ")
    if (
        rest[:1].isupper()
        and first.isalpha()
        and first[:1].islower()
        and len(first) <= 3
        and first not in _PARTICLES
        and (_LEGAL.search(rest) or _ORG_WORDS.search(rest))
    ):
        return rest
    return text


def _respelled(text: str, confirmed: list[str]) -> str:
    """The company's words that misspell a domain the email and the website both spell ("monarcn Consulting"
    beside rohan@monarch.io and monarch.io, "Wes.wrook Logistics" beside westbrook-logistics.com), spelled
    from it: two readings that agree outvote one that does not. Otherwise unchanged."""
    words = text.split(" ")
    for i, word in enumerate(words):
        mine = letters_only(word)
        if len(mine) < 4:
            continue
        for domain in confirmed:
            labels = {domain.replace("-", ""), *(part for part in domain.split("-") if len(part) >= 4)}
            if any(0.8 <= similarity(mine, label) < 1.0 for label in labels) and mine not in labels:
                words[i] = _spell_from_domain(word, domain)
                break
    return " ".join(words)


def _named(text: str) -> str:
    """What a company line says before its legal form, or the first word of that when it has more ("Cumbra" of
    "Cumbra Digital Pty Ltd"): the word a domain names."""
    head = _LEGAL.sub("", text).strip(" ,")
    return head.split()[0] if head.split() else head


def _edge_slip(text: str, domains: list[str], most: int = 1) -> bool:
    """A one-word logo the domain spells but for a letter lost or gained at its edge ("iverstone", "qemberly"
    beside riverstone, emberly): the logo's first or last letter merged with its mark, or the mark read as one.
    `most`: how many letters may be lost (never more than leave four)."""
    mine = letters_only(text).lower()
    if len(text.split()) != 1 or len(mine) < 4:
        return False
    flats = [d.replace("-", "") for d in domains if len(d.replace("-", "")) >= 5]
    lost = {f for flat in flats for k in range(1, most + 1) for f in (flat[k:], flat[:-k])}
    return mine in lost or any(flat in {mine[1:], mine[:-1]} for flat in flats)


def _without_tail_specks(text: str) -> str:
    """ "Molenaar Robotics BV af" -> "Molenaar Robotics BV", "CONTOSO j" -> "CONTOSO": a letter or two in small
    case after the legal form that ends a company's name, or after a name in capitals (a logo), are specks OCR
    read beside it, not part of it."""
    words = text.split()
    cut = len(words)
    while cut > 1 and re.fullmatch(r"[a-z]{1,2}", words[cut - 1]):
        cut -= 1
    head = " ".join(words[:cut])
    return head if cut < len(words) and (_LEGAL.search(head) or head.isupper()) else text


#: a legal form's look-alikes at the end of a company's line ("Acme Consulting Ine": its c read as e)
_LEGAL_MISREADS = {
    "ine": "Inc", "lnc": "Inc", "!nc": "Inc", "itd": "Ltd", "lid": "Ltd", "ltc": "Ltd",
    "llu": "LLC", "llg": "LLC", "ilc": "LLC", "l1c": "LLC", "1lc": "LLC",  # "Foxglove LLU": its C read as U
    "sr1": "Srl", "s.r.1": "S.r.l",  # "Vela SR1": the l of the Italian form read as a 1
}  # fmt: skip


#: legal forms OCR may split in two at a wide letter gap ("SAR L", "Gmb H")
_SPLIT_FORMS = frozenset({"sarl", "gmbh", "llc", "ltd", "plc", "inc", "corp", "pty", "sas", "srl", "spa"})

#: legal forms long enough that a word one letter off one of them is it, misread
_LONG_FORMS = ("Teoranta", "Limited", "Incorporated", "Corporation")


def _one_letter_off(a: str, b: str) -> bool:
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def legal_form_misread(text: str) -> str:
    """ "Acme Consulting Ine" -> "Acme Consulting Inc": the last word a look-alike off a legal form; unchanged
    otherwise (and for one word alone, which may be a name)."""
    head, _, last = text.rpartition(" ")
    # "Azur Data SAR L": a legal form OCR split at a wide letter gap
    first, _, prev = head.rpartition(" ")
    if first and len(last) <= 2 and (prev + last).lower() in _SPLIT_FORMS:
        return f"{first} {prev}{last}"
    form = _LEGAL_MISREADS.get(last.rstrip(".,").lower()) if head else None
    plain = strip_accents(last.rstrip(".,")).lower()
    if form is None and head:
        # "Analytics Teoranté": a long legal form one letter off (no other word is so near it)
        form = next((f for f in _LONG_FORMS if len(f) == len(plain) and _one_letter_off(f.lower(), plain)), None)
    if form is None and head and "!" in last:
        # "S.r.!": an l read as "!" (with the dot after it)
        mended = last.replace("!", "L" if last.isupper() else "l")
        return f"{head} {mended}" if _LEGAL.search(mended) else text
    if form is None:
        return text
    return f"{head} {form.upper() if last.isupper() else form}{last[len(last.rstrip('.,')) :]}"


#: a line of one to three capitalised words above the name, read at least this surely, is likely the company's name in
#: plain type when no domain can check it ("Ondine" over "Inès Bernard", no bigger than the print around it)...
TOP_WORDS_SURE = 0.9
_TOP_WORDS = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


#: a line ending in a street word is a street, its house number unread ("M Queen Street" of "34 Queen Street"),
#: not a company, unless a legal form or the domain says otherwise
_STREET_END = re.compile(r"\b(?:street|avenue|road|boulevard|lane|drive|straße|strasse)\.?\s*$", re.I)


def _pick_company(
    cands: list[Candidate],
    domains: list[str],
    body_height: float = 0.0,
    email_conf: float = 0.0,
    name_top: int | None = None,
) -> tuple[str | None, float, tuple[int, ...]]:
    if not cands:
        return None, 0.0, ()
    median_h = body_height or sorted(c.height for c in cands)[len(cands) // 2]
    best: tuple[float, str | None, float, Candidate | None] = (0.0, None, 0.0, None)
    for c in cands:
        text = rejoin_trade_words(_rejoin_with_domain(_without_mark(c.text), domains))
        if _CERTIFICATION.search(text) or (_sentence_case(text) and domain_agreement(text, domains) < 0.6):
            continue
        if re.search(r"\w\s?@\s?\w|^\W*e-?mail\s*[:.]", text, re.I) or any(host in text.lower() for host in FREEMAIL):
            continue  # an email that did not validate, or whose "@" did not read ("king? gmail.com")
        if text.lower().strip(" .:|") in LABELS:
            continue  # a phone's label read apart from its number ("Standard": a French switchboard's)
        form_mended = legal_form_misread(text) != text
        text = legal_form_misread(text)
        spaced_out = _part_spaced(text)
        if spaced_out:
            text = "".join(text.split())  # "A U RORA": one word, spaced out as logos are
        elif (
            name_tokens(text) is not None
            and domain_agreement(text, domains) < (0.6 if text.isupper() else 0.85)  # "RIZ ZONTE": a logo in capitals
            and not _LEGAL.search(text)
        ):
            continue  # looks like a second person
        agree = domain_agreement(text, domains)
        legal = bool(_LEGAL.search(text)) or bool(_ORG_WORDS.search(text))
        if _STREET_END.search(text) and not legal and agree < 0.6:
            continue
        big = c.height >= 1.25 * median_h
        # "Cumbra Digital Pty Ltd" beside umbra.com.au: the logo's mark read as a letter glued to the name
        slipped = legal and agree < 0.999 and _edge_slip(_named(text), domains, 2)
        if _JP_LEGAL.search(text) and _JP_LEGAL.sub("", text).strip():
            # "株式会社コントーソ": the registered name, which a Japanese contact keeps, not the Latin logo
            score, conf = 5.0, c.conf
        elif agree >= 0.85 or (legal and (agree >= 0.6 or slipped)):
            score, conf = 3 + agree, c.conf + 0.1
            spaced = spaced_out or (
                c.source is not None and len(c.source.words) >= 3 and all(len(w.text) <= 2 for w in c.source.words)
            )
            if agree >= 0.999 and len(letters_only(text)) >= 4:
                conf = max(conf, 0.85)  # spelled exactly like the email's domain: OCR got it right
            elif (
                agree < 0.999
                and not legal
                and len(letters_only(text)) >= 4
                # (a row of logo pieces, which has no line of its own, is as good as spaced out)
                and (c.conf < 0.6 or _fragments(text) or spaced or c.source is None or _edge_slip(text, domains))
                # (not a line of more words than the domain spells: "UNC-Chapel Hill SILS" beside unc.edu)
                and max(similarity(letters_only(text).lower(), d.replace("-", "")) for d in domains) >= LOGO_SPELLED
            ):
                # an unsure logo reading one letter off the domain ("VERYEFI" ~ veryfi, the letters of
                # "D R I F T W O O D" read one by one): the domain spells it
                dom = max(domains, key=lambda d: similarity(letters_only(text), d.replace("-", "")))
                # in review, unless an email read surely spells the domain: a misread one spells a misread logo
                text, conf = _spell_from_domain(text, dom), (SPELLED_CONF if email_conf >= SURE_DOMAIN else 0.5)
            elif slipped:
                head = _named(text)
                # "llage SA" beside sillage.fr: the name's first letters lost to the logo's mark ("Cumbra Digital Pty
                # Ltd" beside umbra.com.au: the mark read as a letter, the name's first word the domain)
                dom = max(domains, key=lambda d: similarity(letters_only(head), d.replace("-", "")))
                text, conf = text.replace(head, _spell_from_domain(head, dom), 1), 0.5
            elif misspells_domain(text, domains) and not small_print_slip(text, domains):
                conf = min(conf, COMPANY_DISAGREES_CONF)
        elif legal:
            score, conf = 2.5, c.conf * 0.9
            if domains and agree < 0.6:
                conf *= 0.65  # the email names another organisation, or this is half a name ("tems Corp")
        elif agree >= 0.6 and len(letters_only(text)) >= 3 and c.conf > max(email_conf, SURE_COMPANY_WORD):
            # a word read more surely than the email ("Bluepeak" at 0.92 beside chloep@bivepeak.io at 0.45): the
            # email may be the misreading; kept as printed, and in review
            score, conf = 2 + agree, COMPANY_DISAGREES_CONF
        elif agree >= 0.6 and len(letters_only(text)) >= 3:
            # the logo was misread but plainly spells the domain ("VERY & 1" ~ veryfi)
            dom = max(domains, key=lambda d: similarity(letters_only(text), d))
            score, conf, text = 2 + agree, 0.5, _spell_from_domain(text, dom)
        elif (
            (big or spaced_out)
            and c.conf >= 0.6
            and len(text.split()) <= 4
            and sum(ch.isalpha() for ch in text) >= 4
            and not any(ch.isdigit() for ch in text)
        ):
            # a big line Tesseract was unsure of is usually a picture read as letters
            score, conf = 1 + c.conf + c.height / 1000, c.conf * 0.6
            if not domains and c.conf >= SURE_LOGO:
                # but one read this surely is print; with no email or website domain to disagree, it is the logo
                conf = UNCHECKED_LOGO_CONF
        elif (
            not domains
            and name_top is not None
            and c.top < name_top
            and c.conf >= TOP_WORDS_SURE
            and _TOP_WORDS.fullmatch(text)
            and sum(ch.isalpha() for ch in text) >= 4
        ):
            # ...the likelier reading, but in review: a line above the name may be a place or a tagline too
            score, conf = 0.5, COMPANY_DISAGREES_CONF
        else:
            continue
        if form_mended:
            conf = min(conf, COMPANY_DISAGREES_CONF)  # the likelier reading, not a certain one
        if score > best[0]:
            best = (score, text, round(min(1.0, conf), 3), c)
    _, picked, conf, cand = best
    if cand is None or picked is None:
        return None, 0.0, ()
    picked = mend_org_words(picked)
    # "©acme consulting pty ltd", "©oakridge": the logo's round mark read as a copyright sign glued to the name
    # (OCR's small letters after it, "acme CONSULTING", take the case of the rest)
    if (unmarked := re.sub(r"^[©®]\s?(?=[^\W\d_])", "", picked)) != picked:
        head, _, tail = unmarked.partition(" ")
        picked = f"{head.upper()} {tail}" if head.islower() and tail.isupper() else unmarked
    # "V Dolomiti Studio S.r.l.", "all Wavelength Recruitment": a logo's mark read as a letter or three before
    # the name the domain spells (not an article: "The Wavelength Group")
    # ("Oo Yellowtail Limited": two letters too, unless a word a name may start with, "De Vries", "La Fabrique";
    # "0 Quantix Consulting": a round mark read as a zero; "‘ondine SA": a mark read as a quote, glued to the name)
    m = re.match(r"(?:(?:[a-z]{1,3}|0|[^\W\d_]|(?!" + _NAME_WORDS_2 + r")[A-Z][a-z]) |[‘’'`]+)(?=[^\W\d_]{3})", picked)
    rest = picked[m.end() :] if m else ""
    if rest and domain_agreement(rest, domains) >= max(0.6, domain_agreement(picked, domains)):
        picked = rest
    elif rest:  # no domain says whether it is a mark or the name's first word: as read, in review
        conf = min(conf, COMPANY_DISAGREES_CONF)
    # "CNimbus Robotics Limited": a logo's mark read as a capital glued to the name's first word, which no name
    # starts so (two capitals, then small letters); the likelier reading, in review
    if re.match(r"[A-Z][A-Z][a-z]{2,}\b", picked) and domain_agreement(picked.split()[0], domains) < 0.999:
        picked, conf = picked[1:], min(conf, COMPANY_DISAGREES_CONF)
    text = picked = _without_tail_specks(picked)
    joined, parts = _stack_company(cand, cands, domains)
    if len(parts) > 1:
        # the picked line may have been re-spelled from the domain; its neighbours are kept as printed
        text = " ".join(picked if p is cand else p.text for p in parts)
        agree = domain_agreement(joined, domains)
        conf = max(conf, min(1.0, 0.9 * min(p.conf for p in parts) + 0.1 * agree))
        # the lines read less surely than the email ("Halcyon" read surely corrects an email's "haicyon" instead)
        confirmed = [d for d in set(domains) if domains.count(d) >= 2]
        pieces = [picked if p is cand else p.text for p in parts]
        mended = [_respelled(t, confirmed) if p.conf < email_conf else t for p, t in zip(parts, pieces, strict=True)]
        if mended != pieces:
            text, conf = " ".join(mended), min(conf, COMPANY_DISAGREES_CONF)
        text = rejoin_trade_words(text)  # "WEISSWALD / HNOLOGIES KG": the second line's first word too
    if only_legal_form(text):
        return None, 0.0, ()  # "Co", "B.V." alone: the company's name did not read, and a form is no name
    if len(parts) > 1 and legal_form_misread(text) != text:
        # the stacked line's form misread ("Wavelength" over "Analytics Teoranté"): the likelier reading
        text, conf = legal_form_misread(text), min(conf, COMPANY_DISAGREES_CONF)
    return _without_tail_specks(text), conf, tuple(p.line for p in parts)


#: two-letter words a company's name may start with, which are no logo's mark read as letters
_NAME_WORDS_2 = (
    r"(?:De|Du|La|Le|El|Il|Al|Da|Di|Do|Go|My|We|To|In|On|Of|At|By|Up|Me|No|So|Be|An|As|Is|It|Or|Us|St|Dr|Mr|Ms)\b"
)


__all__ = ["People", "domain_agreement", "email_agreement", "find_people", "name_tokens", "split_name"]
