"""Postal addresses: find the postcode/city line by country pattern, then the street lines around it.

Lines already taken by emails, phones or websites are never part of an address, and no
address is returned without a recognisable postcode or city line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..models import Address
from .phones import LABELS
from .text import AS_DIGIT, AS_LETTER, TextLine, fold, is_junk, ocr_edits, similar, similarity, strip_accents

US_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "DC",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "PR",
]
CA_PROVINCES = ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"]
AU_STATES = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "ACT", "NT"]
#: India's states and union territories, as an address names them after the city
IN_STATES = frozenset(
    """andhra pradesh|arunachal pradesh|assam|bihar|chhattisgarh|goa|gujarat|haryana|himachal pradesh|jharkhand|
    karnataka|kerala|madhya pradesh|maharashtra|manipur|meghalaya|mizoram|nagaland|odisha|punjab|rajasthan|sikkim|
    tamil nadu|telangana|tripura|uttar pradesh|uttarakhand|west bengal|delhi|chandigarh|puducherry|jammu and kashmir|
    ladakh""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
IN_PLACES = [
    "india",
    "mumbai",
    "delhi",
    "bengaluru",
    "bangalore",
    "chennai",
    "hyderabad",
    "pune",
    "kolkata",
    "gurugram",
    "gurgaon",
    "noida",
    "ahmedabad",
    "karnataka",
    "maharashtra",
    "tamil",
    "telangana",
    "haryana",
    "kerala",
    "kochi",
    "jaipur",
    "lucknow",
    "chandigarh",
    "kolkata",
    "coimbatore",
    "indore",
    "nagpur",
    # the states, which a city line names after a city OCR may misread ("Noda, Uttar Pradesh 201629")
    "pradesh",
    "gujarat",
    "rajasthan",
    "punjab",
    "bengal",
    "odisha",
    "bihar",
    "jharkhand",
    "uttarakhand",
]
JP_PLACES = ["japan", "tokyo", "osaka", "kyoto", "yokohama", "nagoya", "fukuoka", "sapporo", "kobe"]
#: the largest cities of the countries whose postcodes name no town in our tables, and their states' names: a city
#: line's word a look-alike or two off one of them is taken for it ("Caigary, AB", "213 Adetade Street, Melbourne")
PLACES_BY_COUNTRY = {
    "CA": "toronto montreal vancouver calgary edmonton ottawa winnipeg quebec hamilton kitchener waterloo victoria "
    "halifax oshawa windsor saskatoon regina mississauga brampton markham burnaby laval gatineau kelowna",
    "US": "chicago houston phoenix philadelphia dallas austin seattle boston denver atlanta miami portland detroit "
    "nashville baltimore pittsburgh columbus charlotte indianapolis minneapolis cleveland cincinnati raleigh "
    "sacramento orlando tampa milwaukee memphis louisville richmond omaha tucson albuquerque oakland redmond "
    "bellevue irvine stamford "
    # the distinctive word of a city named in two ("San Francisco", "Los Angeles", "New Orleans")
    "francisco angeles diego antonio vegas orleans",
    "AU": "sydney melbourne brisbane perth adelaide canberra hobart darwin parramatta geelong wollongong townsville "
    "cairns",
}

#: printed country names -> ISO code; also used to spot a country line under the address
COUNTRIES: dict[str, str] = {
    "usa": "US", "united states": "US", "u.s.a.": "US", "uk": "GB", "united kingdom": "GB",
    "england": "GB", "scotland": "GB", "germany": "DE", "deutschland": "DE", "france": "FR",
    "india": "IN", "australia": "AU", "japan": "JP", "canada": "CA", "netherlands": "NL",
    "the netherlands": "NL", "nederland": "NL", "spain": "ES", "españa": "ES", "italy": "IT",
    "italia": "IT", "ireland": "IE", "singapore": "SG", "switzerland": "CH", "austria": "AT",
    "österreich": "AT", "schweiz": "CH", "suisse": "CH", "méxico": "MX", "mexico": "MX",
    "brasil": "BR", "brazil": "BR", "belgium": "BE", "belgique": "BE", "belgië": "BE", "sweden": "SE",
    "sverige": "SE", "norway": "NO", "norge": "NO", "denmark": "DK", "danmark": "DK", "finland": "FI",
    "suomi": "FI", "portugal": "PT", "poland": "PL", "polska": "PL", "new zealand": "NZ", "south africa": "ZA",
}  # fmt: skip
_COUNTRIES_PLAIN = {strip_accents(k): v for k, v in COUNTRIES.items()}
#: the accented spelling of each country name that has one, by its plain letters
_COUNTRY_SPELLED = {strip_accents(k): k for k in COUNTRIES if not k.isascii()}


def country_spelled(text: str) -> str:
    """A country line as the country spells itself, when OCR lost its accents ("Espafia", "Osterreich" ->
    "España", "Österreich"), in the case it was printed in; the line itself otherwise."""
    key = strip_accents(text.strip(" .,").lower())
    if key.count(" ") == 1 and key.replace(" ", "") in _COUNTRIES_PLAIN and key not in _COUNTRIES_PLAIN:
        key = key.replace(" ", "")  # "Neder Land": one word OCR parted
        text = key.upper() if text.isupper() else key.capitalize()
    name = _COUNTRY_SPELLED.get(key) or _COUNTRY_SPELLED.get(key.replace("fi", "n"))
    if name is None and key not in _COUNTRIES_PLAIN and key.replace("fi", "n") not in _COUNTRIES_PLAIN:
        name = _country_misread(key)  # "Deutschiand": a letter read as its look-alike
    if name is None or text.strip(" .,").lower() == name:
        return text
    return name.upper() if text.isupper() else name.title() if text[:1].isupper() else name


_CITY = r"(?P<city>[A-ZÀ-Ýa-zà-ÿ][\w'’ .-]*?)"
_LETTERS_CITY = r"(?P<city>[A-ZÀ-Ý][A-Za-zÀ-ÿß'’ .-]*?)"
_STREET_WORDS = re.compile(
    r"\b(?:street|st|avenue|ave|road|rd|boulevard|blvd|lane|ln|drive|dr|way|court|ct|place|pl|square|sq|"
    r"suite|ste|floor|fl|level|unit|building|bldg|tower|house|park|parkway|pkwy|highway|hwy|p\.?o\.? box|"
    r"straße|strasse|str|weg|platz|allee|gasse|ring|damm|rue|av|bd|chemin|allée|quai|impasse|calle|avda|"
    r"avenida|plaza|paseo|via|viale|piazza|corso|largo|straat|laan|gracht|plein|marg|nagar|sector|bâtiment|batiment|"
    r"cross|main|layout|chome|ku|shi|cho|machi)\b\.?|\d",
    re.I,
)
_HINTS = (
    ("DE", re.compile(r"straße|strasse|str\.|\w+(?:weg|platz|allee|gasse|damm)\b|\bD-\d{5}", re.I)),
    ("FR", re.compile(r"\b(?:rue|avenue|bd|boulevard|chemin|allée|quai|impasse|cedex)\b|\bF-\d{5}", re.I)),
    ("ES", re.compile(r"\b(?:calle|avda|avenida|plaza|paseo|c/)|\bE-\d{5}", re.I)),
    ("IT", re.compile(r"\b(?:via|viale|piazza|corso|largo)\b|\bI-\d{5}", re.I)),
)
_LABEL = re.compile(r"^\s*(?:address|addr|adresse|anschrift|a)\s*[:.]\s*", re.I)


@dataclass(frozen=True)
class CityLine:
    country: str
    city: str
    region: str
    postcode: str
    before: str  # text on the same line before the city: the street of a one-line address
    read_as: str = ""  # the postcode as OCR read it, when a repair changed it ("SEI 5XJ" for "SE1 5XJ")


@dataclass(frozen=True)
class AddressHit:
    address: Address
    lines: tuple[int, ...]
    confidence: float


_DIRECTION = r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"


def _last_segment(text: str) -> tuple[str, str]:
    """Split "2 Kingdom Street, Paddington, London" into ("2 Kingdom Street, Paddington", "London").

    Without a comma, the city starts after the last street word: "4001 1st Ave NE Redmond".
    """
    text = text.rstrip(" ,")
    if "," in text:
        head, _, tail = text.rpartition(",")
        return head.strip(" ,"), tail.strip(" ,")
    ends = [m.end() for m in re.finditer(rf"(?:{_STREET_WORDS.pattern}){_DIRECTION}", text, re.I)]
    if ends and ends[-1] < len(text):
        return text[: ends[-1]].strip(), text[ends[-1] :].strip()
    return "", text.strip()


def _match_city_line(text: str, hint: str) -> CityLine | None:
    """Recognise the line that carries the postcode (and usually the city) of one country's format."""
    states = "|".join(US_STATES)
    m = re.search(rf"{_CITY},?\s+(?P<region>{states})\.?,?\s+(?P<postcode>\d{{5}}(?:-\d{{4}})?)\b", text)
    if m:
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("US", city, m["region"], m["postcode"], before)
    # a state's second capital read small ("Madison, Wi 53730"): taken when the ZIP code belongs to that state
    m = re.search(rf"{_CITY},?\s+(?P<region>[A-Z][a-z])\.?,?\s+(?P<postcode>\d{{5}}(?:-\d{{4}})?)\b", text)
    if m and m["region"].upper() in US_STATES and zip_state(m["postcode"]) == m["region"].upper():
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("US", city, m["region"].upper(), m["postcode"], before)
    # a Canadian postcode alternates letter and digit, so an I, l, O, S or B where a digit belongs is one (and a
    # letter read small, "H3B 7x7", a capital)
    m = re.search(
        rf"{_CITY},?\s+(?P<region>{'|'.join(CA_PROVINCES)}),?\s+"
        r"(?P<postcode>[A-Z][\dIlOSB][A-Za-z)]\s?[\dIlOSB][A-Za-z)][\dIlOSB])\b",
        text,
    )
    if m:
        before, city = _last_segment(text[: m.start("region")])
        raw = m["postcode"]
        digit = (1, len(raw) - 3, len(raw) - 1)
        # (a J read as a bracket, "B3) 6H4", as on British postcodes)
        pc = "".join(ch.translate(AS_DIGIT) if i in digit else ch.upper() for i, ch in enumerate(raw)).replace(")", "J")
        return CityLine("CA", city, m["region"], pc, before, raw if pc != raw else "")
    # the state as OCR may read its capitals ("Southbank ViC 3006"), before the four-digit postcode
    m = re.search(rf"{_CITY},?\s+(?P<region>(?i:{'|'.join(AU_STATES)})),?\s+(?P<postcode>\d{{4}})\b", text)
    if m and m["region"][0].isupper():
        before, city = _last_segment(text[: m.start("region")])
        return CityLine("AU", city, m["region"].upper(), m["postcode"], before)
    m = re.search(
        r"(?:(?:〒|(?<![^\W\d_])T)\s?)(?P<postcode>\d{3}-?\d{4})|(?<![\d-])(?P<pc2>\d{3}-\d{4})(?![\d-])", text
    )
    if m and ("〒" in text or hint == "JP" or any(p in text.lower() for p in JP_PLACES)):
        postcode = m["postcode"] or m["pc2"]
        before, city = _last_segment(text[: m.start()])
        return CityLine("JP", city, "", postcode, before)
    m = _UK_POSTCODE.search(text)
    if m:
        before, city = _last_segment(text[: m.start()])
        pc = _known_area(uk_postcode(m["postcode"]) or m["postcode"], city)
        return CityLine("GB", city, "", pc, before, m["postcode"] if pc != m["postcode"] else "")
    m = _UK_POSTCODE_MISREAD.search(text) if hint == "GB" else None
    mended = uk_postcode(m["postcode"]) if m else None
    if m and mended:
        before, city = _last_segment(text[: m.start()])
        return CityLine("GB", city, "", mended, before, m["postcode"])
    # "G1 3xQ": a capital read small, ending the line of a British card
    m = _UK_POSTCODE_SMALL.search(text) if hint == "GB" else None
    if m and sum(c.isupper() for c in m["postcode"]) >= 2 and _UK_POSTCODE.fullmatch(m["postcode"].upper()):
        before, city = _last_segment(text[: m.start()])
        return CityLine("GB", city, "", m["postcode"].upper(), before, m["postcode"])
    m = re.search(r"\bSingapore\s+(?P<postcode>\d{6})\b", text, re.I)
    if m:
        return CityLine("SG", "Singapore", "", m["postcode"], text[: m.start()].strip(" ,"))
    indian = hint == "IN" or any(p in text.lower() for p in IN_PLACES)
    m = re.search(r"\b(?P<postcode>[1-9]\d{2} ?\d{3})\b", text) if indian else None
    # "Karnataka S60191": a PIN code ending the line, a digit of it read as a look-alike (S O l I B $)
    misread = None if m or not indian else _PIN_MISREAD.search(text)
    if misread and sum(ch.isdigit() for ch in misread["postcode"]) >= 4:
        m = misread
    if m:
        head = text[: m.start()].rstrip(" -–,")
        before, city = _last_segment(head)
        region = ""
        if city.lower() in IN_STATES and before:
            region, (before, city) = city, _last_segment(before)  # "Kochi, Kerala 682168": the city, then its state
        postcode = m["postcode"].replace(" ", "").translate(AS_DIGIT)
        return CityLine("IN", city, region, postcode, before, m["postcode"] if m is misread else "")
    m = re.search(rf"\b(?P<postcode>\d{{4}} ?[A-Z]{{2}})\s+{_CITY}\s*(?:,|$)", text)
    if m is None and hint == "NL":
        # "2617 Pj Delft": the postcode's second letter read in small case, on a card the domain or a number calls Dutch
        m = re.search(rf"\b(?P<postcode>\d{{4}} ?[A-Z][a-z])\s+{_CITY}\s*(?:,|$)", text)
    # (letters that are also Australian states only on a card the domain or a number says is Dutch)
    if m and (m["postcode"][-2:].upper() not in {"SA", "WA", "NT"} or hint == "NL"):
        return CityLine("NL", m["city"].strip(), "", m["postcode"].upper(), text[: m.start()].strip(" ,"))
    text = eircode_zeros(_dublin_routing_key(text))
    m = re.search(r"\b(?P<postcode>[AC-FHKNPRTV-Y]\d{2} ?[AC-FHKNPRTV-Y\d]{4})\b|\bDublin \d{1,2}\b", text)
    if m and ("dublin" in text.lower() or "ireland" in text.lower() or hint == "IE"):
        # an Eircode alone names no town ("V94 F6VH" is Limerick): the town is the line above it, if any
        before, city = _last_segment(text[: m.start()]) if m["postcode"] else (text[: m.start()], "Dublin")
        # "Dublin 1 D01 15FW": the Eircode after the district (its zero perhaps read as an O) is the postcode
        eircode = None if m["postcode"] else _EIRCODE_ZERO.search(text, m.end())
        postcode = m["postcode"] or (eircode_zeros(eircode.group(0)) if eircode else "")
        return CityLine("IE", city, "", postcode, before.strip(" ,"))
    m = re.search(
        rf"(?:\b(?P<cc>[DFEI])-)?\b(?P<postcode>\d{{5}})\s+{_LETTERS_CITY}(?:\s+\(?(?P<region>[A-Z]{{2}})\)?"
        # an Italian province in brackets with its I read as a small l ("Milano (Ml)"), its O as a zero ("(T0)")
        r"|\s+\((?P<misread>[A-Zl0][A-Zl0])\))?\s*(?:,|$)",
        text,
    )
    if m:
        country = {"D": "DE", "F": "FR", "E": "ES", "I": "IT"}.get(m["cc"] or "", "")
        region = m["region"] or (m["misread"] or "").replace("l", "I").replace("0", "O")
        region = region if region.isalpha() else ""  # "(00)" is no province
        return CityLine(country, m["city"].strip(), region, m["postcode"], text[: m.start()].strip(" ,"))
    # "50543 K6in": the town's ö read as a 6; taken only when a look-alike or two off the main town of the
    # postcode's region (in one country alone, or the one the card's phone or domain names)
    m = re.search(r"\b(?P<postcode>\d{5})\s+(?P<city>[A-ZÀ-Ý](?=[A-Za-zÀ-ÿß]*\d)[A-Za-zÀ-ÿß\d]{2,})\s*(?:,|$)", text)
    main_towns = {c: region_town(c, m["city"], m["postcode"]) for c in REGION_TOWNS if hint in ("", c)} if m else {}
    if m and len(towns := [c for c, t in main_towns.items() if t]) == 1:
        return CityLine(towns[0], m["city"], "", m["postcode"], text[: m.start()].strip(" ,"))
    # "Im Mediapark 228, $2565 Aachen": a five-digit postcode with a digit read as a look-alike ($ S O l I B),
    # after a street number and a comma, before a city
    m = re.search(rf"(?<=\d, )(?P<raw>[\d$SOolIB]{{5}})\s+{_LETTERS_CITY}\s*(?:,|$)", text)
    if m and sum(ch.isdigit() for ch in m["raw"]) >= 3:
        pc = m["raw"].translate(AS_DIGIT)
        return CityLine("", m["city"].strip(), "", pc, text[: m.start()].strip(" ,"), m["raw"])
    return None


_PIN_MISREAD = re.compile(r"(?<![\w$])(?P<postcode>[1-9SlIB$][\dOolISB$]{2} ?[\dOolISB$]{3})\s*$")
_UK_POSTCODE = re.compile(r"\b(?P<postcode>(?:[A-Z]{1,2}\d[A-Z\d]?|GIR) ?\d[A-Z]{2})\b")
#: the same shape with OCR's slips (I, l, O, S for 1, 0, 5 and back), only at the end of a British card's line,
#: and with its space (a county in capitals, "ESSEX", has the shape of a postcode without one)
#: ("WIT9LJ": without it only when the inward code's digit and letters are read as such)
#: ("0X2 7QY": an area whose O was read as a zero, which no area starts with)
_UK_POSTCODE_SMALL = re.compile(r"\b(?P<postcode>[A-Za-z]{1,2}\d[A-Za-z\d]? \d[A-Za-z]{2})\s*$")
_UK_POSTCODE_MISREAD = re.compile(
    r"\b(?P<postcode>[A-Z0][A-Z]?[\dIlOS!][A-Z\d]?(?: [\dIlOS][A-Z\d)]{2}|\d[A-Z]{2}))\s*$"
)


#: the post town of each British postcode area: the city a card prints beside the postcode, most often
UK_POST_TOWNS = {
    "AB": "Aberdeen", "AL": "St Albans", "B": "Birmingham", "BA": "Bath", "BB": "Blackburn", "BD": "Bradford",
    "BH": "Bournemouth", "BL": "Bolton", "BN": "Brighton", "BR": "Bromley", "BS": "Bristol", "BT": "Belfast",
    "CA": "Carlisle", "CB": "Cambridge", "CF": "Cardiff", "CH": "Chester", "CM": "Chelmsford", "CO": "Colchester",
    "CR": "Croydon", "CT": "Canterbury", "CV": "Coventry", "CW": "Crewe", "DA": "Dartford", "DD": "Dundee",
    "DE": "Derby", "DG": "Dumfries", "DH": "Durham", "DL": "Darlington", "DN": "Doncaster", "DT": "Dorchester",
    "DY": "Dudley", "E": "London", "EC": "London", "EH": "Edinburgh", "EN": "Enfield", "EX": "Exeter",
    "FK": "Falkirk", "FY": "Blackpool", "G": "Glasgow", "GL": "Gloucester", "GU": "Guildford", "HA": "Harrow",
    "HD": "Huddersfield", "HG": "Harrogate", "HP": "Hemel Hempstead", "HR": "Hereford", "HU": "Hull",
    "HX": "Halifax", "IG": "Ilford", "IP": "Ipswich", "IV": "Inverness", "KA": "Kilmarnock",
    "KT": "Kingston upon Thames", "KY": "Kirkcaldy", "L": "Liverpool", "LA": "Lancaster", "LE": "Leicester",
    "LL": "Llandudno", "LN": "Lincoln", "LS": "Leeds", "LU": "Luton", "M": "Manchester", "ME": "Rochester",
    "MK": "Milton Keynes", "ML": "Motherwell", "N": "London", "NE": "Newcastle upon Tyne", "NG": "Nottingham",
    "NN": "Northampton", "NP": "Newport", "NR": "Norwich", "NW": "London", "OL": "Oldham", "OX": "Oxford",
    "PA": "Paisley", "PE": "Peterborough", "PH": "Perth", "PL": "Plymouth", "PO": "Portsmouth", "PR": "Preston",
    "RG": "Reading", "RH": "Redhill", "RM": "Romford", "S": "Sheffield", "SA": "Swansea", "SE": "London",
    "SG": "Stevenage", "SK": "Stockport", "SL": "Slough", "SM": "Sutton", "SN": "Swindon", "SO": "Southampton",
    "SP": "Salisbury", "SR": "Sunderland", "SS": "Southend-on-Sea", "ST": "Stoke-on-Trent", "SW": "London",
    "SY": "Shrewsbury", "TA": "Taunton", "TF": "Telford", "TN": "Tonbridge", "TQ": "Torquay", "TR": "Truro",
    "TS": "Middlesbrough", "TW": "Twickenham", "UB": "Southall", "W": "London", "WA": "Warrington", "WC": "London",
    "WD": "Watford", "WF": "Wakefield", "WN": "Wigan", "WR": "Worcester", "WS": "Walsall", "WV": "Wolverhampton",
    "YO": "York",
}  # fmt: skip
#: the areas of each post town, by its name in lower case ("london": E, EC, N, NW...)
_AREAS_OF_TOWN: dict[str, set[str]] = {}
for _area, _town in UK_POST_TOWNS.items():
    _AREAS_OF_TOWN.setdefault(_town.lower(), set()).add(_area)


def uk_post_town(city: str, postcode: str) -> str | None:
    """The post town of the postcode's area when `city` is a misreading of it, a look-alike or two off
    ("Oxtord" beside "OX2 2ZX", "Beltast" beside "BT1 2QQ"); None when it is the town or another place."""
    town = UK_POST_TOWNS.get(re.sub(r"[^A-Z].*", "", postcode.upper()))
    written, spelled = "".join(fold(c) for c in city), "".join(fold(c) for c in town or "")
    if not town or not written or written == spelled:
        return None
    if len(written) >= 5 and written == spelled[1:]:
        return town  # "ristol": its first letter lost at the edge of the print
    edits = ocr_edits(town, written)
    plausible = bool(edits) and len(edits) <= 2 and all(e.plausible for e in edits)
    return town if plausible or (written[0] == spelled[0] and similarity(written, spelled) >= 0.75) else None


#: the main town of each two-digit postcode region (German Leitregion, French département, Spanish province,
#: Italian CAP area) whose town a card most often prints; only regions one town stands for
_REGION_TOWNS = {
    "DE": "01 Dresden|04 Leipzig|06 Halle (Saale)|09 Chemnitz|10 Berlin|12 Berlin|13 Berlin|18 Rostock|19 Schwerin|"
    "20 Hamburg|22 Hamburg|23 Lübeck|24 Kiel|26 Oldenburg|28 Bremen|30 Hannover|33 Bielefeld|34 Kassel|"
    "37 Göttingen|38 Braunschweig|39 Magdeburg|40 Düsseldorf|42 Wuppertal|44 Dortmund|45 Essen|47 Duisburg|"
    "48 Münster|49 Osnabrück|50 Köln|51 Köln|52 Aachen|53 Bonn|54 Trier|55 Mainz|56 Koblenz|60 Frankfurt am Main|"
    "64 Darmstadt|65 Wiesbaden|66 Saarbrücken|68 Mannheim|69 Heidelberg|70 Stuttgart|74 Heilbronn|76 Karlsruhe|"
    "79 Freiburg im Breisgau|80 München|81 München|86 Augsburg|89 Ulm|90 Nürnberg|93 Regensburg|94 Passau|"
    "96 Bamberg|97 Würzburg|99 Erfurt",
    "FR": "06 Nice|13 Marseille|14 Caen|21 Dijon|25 Besançon|31 Toulouse|33 Bordeaux|34 Montpellier|35 Rennes|"
    "37 Tours|38 Grenoble|44 Nantes|45 Orléans|49 Angers|51 Reims|54 Nancy|57 Metz|59 Lille|63 Clermont-Ferrand|"
    "66 Perpignan|67 Strasbourg|69 Lyon|75 Paris|76 Rouen|80 Amiens|86 Poitiers|87 Limoges",
    "ES": "03 Alicante|08 Barcelona|18 Granada|28 Madrid|29 Málaga|30 Murcia|31 Pamplona|33 Oviedo|41 Sevilla|"
    "46 Valencia|47 Valladolid|48 Bilbao|50 Zaragoza",
    "IT": "00 Roma|10 Torino|16 Genova|20 Milano|30 Venezia|34 Trieste|35 Padova|37 Verona|40 Bologna|50 Firenze|"
    "70 Bari|80 Napoli|90 Palermo|95 Catania",
}
REGION_TOWNS = {c: dict(e.split(" ", 1) for e in spec.split("|")) for c, spec in _REGION_TOWNS.items()}


def postcode_town_country(postcode: str, city: str) -> str:
    """The one country whose postcode region has `city` for its main town ("10189 Berlin": Germany), else ""."""
    if not re.fullmatch(r"\d{5}", postcode) or not city:
        return ""
    written = "".join(fold(c) for c in city).lower()
    found = [
        c
        for c, towns in REGION_TOWNS.items()
        if "".join(fold(ch) for ch in towns.get(postcode[:2], "")).lower() == written
    ]
    return found[0] if len(found) == 1 else ""


#: the letter a digit inside a town's name was read for ("K6in": Köln, its ö read as a 6)
_DIGIT_AS_LETTER = str.maketrans("013568", "olesob")


def region_town(country: str, city: str, postcode: str) -> str | None:
    """The main town of the postcode's region when `city` is a misreading of it ("Minster" beside 48468,
    "Kobn" beside 50080); None when it is that town, another place, or the country has no table."""
    town = REGION_TOWNS.get(country, {}).get(postcode[:2]) if re.fullmatch(r"\d{5}", postcode) else None
    # (a letter read as a digit is read back as the letter it looks like: "K6in" for Köln)
    written = "".join(fold(c) for c in city.translate(_DIGIT_AS_LETTER))
    spelled = "".join(fold(c) for c in town or "")
    if not town or not written or city == town:
        return None
    if written == spelled:
        return town  # its accents lost ("Nurnberg")
    edits = ocr_edits(town, written)
    plausible = bool(edits) and len(edits) <= 2 and all(e.plausible for e in edits)
    return town if plausible or (written[0] == spelled[0] and similarity(written, spelled) >= 0.75) else None


def _known_area(postcode: str, city: str) -> str:
    """ "Cambridge C84 1LD" -> "CB4 1LD": a postcode of no area whose second letter was read as a digit (B as 8),
    when that letter gives the area whose post town is the city printed beside it; the postcode itself otherwise."""
    if _postcode_area(postcode) in UK_POST_TOWNS or len(postcode) < 6 or not postcode[1].isdigit():
        return postcode
    fixed = postcode[0] + postcode[1].translate(AS_LETTER) + postcode[2:]
    town = UK_POST_TOWNS.get(_postcode_area(fixed), "")
    return fixed if town.lower() == city.lower() and _UK_POSTCODE.fullmatch(fixed) else postcode


def _postcode_area(postcode: str) -> str:
    return re.sub(r"[^A-Z].*", "", postcode)


def uk_postcode(text: str) -> str | None:
    """A British postcode in its printed form ("SE1 5XJ"), mending what OCR does to one: a letter
    read in a digit's place or a digit in a letter's ("SEI 5XJ", "WIT SLY", "NE! 8ZQ"), a lost space ("RG27TQ").
    None when no reading of it has the shape."""
    bare = text.replace(" ", "").replace("!", "1")  # "NE! 8ZQ": a 1 read as "!"
    if len(bare) < 5:
        return None
    if _UK_POSTCODE.fullmatch(spaced := f"{bare[:-3]} {bare[-3:]}"):
        return spaced
    inward = bare[-3:]
    inward = inward[0].translate(AS_DIGIT) + inward[1:].translate(AS_LETTER).replace(")", "J")  # "5)G": J as ")"
    candidates = []
    for letters in (1, 2):  # the outward code's area: one letter or two, then its district digit
        outward = bare[:-3]
        if len(outward) <= letters:
            continue
        outward = outward[:letters].translate(AS_LETTER) + outward[letters].translate(AS_DIGIT) + outward[letters + 1 :]
        candidate = f"{outward} {inward}"
        if _UK_POSTCODE.fullmatch(candidate):
            candidates.append(candidate)
    # "CB4 ILD" is "CB4 1LD", not "C84 1LD": C is no postcode area
    return next((c for c in candidates if _postcode_area(c) in UK_POST_TOWNS), candidates[0] if candidates else None)


_ORDINAL_MISREAD = re.compile(r"(?<=\d )[iIl|](?=st\b)")
#: "ath floor": the 4 of "4th floor" read as an "a"
_FOURTH_MISREAD = re.compile(r"\b[aA](?=th (?:floor|fl\b|level))", re.I)
#: "31d Floor": the r of "3rd" read as a 1 or an l
_THIRD_MISREAD = re.compile(r"\b([2-9]?3)[1lI](?=d (?:floor|fl\b|level))", re.I)
#: "T 108-0075 東京都港区": the postal mark 〒 read as a T, before a Japanese postcode and Japanese print
_POSTAL_MARK_MISREAD = re.compile(r"^T\s?(?=\d{3}-\d{4}\s*[\u3040-\u30ff\u3400-\u9fff])")
#: "Gartenstrabe", "Gartenstraie", "Hauptstrabbe": a ß read as a letter or two no German street name has there (or
#: lost altogether: "Leopoldstrae")
_ESZETT_MISREAD = re.compile(
    r"(?<=[a-zäöü]stra)(?:B|b|R|&|f|8|fs|6|13|g|ĝ|i|bb|Bb|fh|)(?=e\b)|(?<=[A-ZÄÖÜ]STRA)(?:B|8|&)(?=E\b)"
)
#: "Catharijnesinge!": a word's last l read as an exclamation mark, which no address prints
_L_AS_BANG = re.compile(r"(?<=[a-zà-ÿ]{2})!(?=[\s,]|$)")

#: "9ª planta", "3º piso": the raised ordinal sign OCR reads as "?", "*", "è", "®" or a degree sign, or as a "2"
#: after a digit from 3 up ("72 planta": no Spanish office stands on a 32nd to 92nd floor)
_FLOOR_ORDINAL_MISREAD = re.compile(r"(?:(?<=\b\d)\s?[?*°è®©]|(?<=\b[3-9])2)(?=\s(?P<floor>planta|piso|andar)\b)", re.I)
#: "3 planta": the sign not read at all; put back as the likelier reading, and the address stays in review
_FLOOR_SIGN_LOST = re.compile(r"(?<=\b\d)(?=\s(?P<floor>planta|piso|andar)\b)", re.I)


#: "40011 st Ave": the space inside "4001 1st Ave" lost; told by the ordinal that fits the last digit and
#: the street word after it (a street is never "St Ave")
_ORDINAL_JOINED = re.compile(
    r"\b(?P<number>\d{1,5})(?P<digit>[1-9]) (?P<suffix>st|nd|rd|th)"
    r"(?= (?:ave|avenue|st|street|rd|road|blvd|dr|drive|pl|place|way|ln|lane|ct|court|pkwy|ter|terrace|sq)\b)",
    re.I,
)


#: "4001 1 st Ave", "315 15 th St": an ordinal's ending read apart from its number (it is often printed raised), before
#: a street word; joined when it is the ending that number takes
_ORDINAL_APART = re.compile(
    r"\b(?P<number>\d{1,4}) (?P<suffix>st|nd|rd|th)"
    r"(?= (?:ave|avenue|st|street|rd|road|blvd|dr|drive|pl|place|way|ln|lane|ct|court|pkwy|ter|terrace|sq)\b)",
    re.I,
)


def _ordinal(n: int) -> str:
    """The English ordinal ending of a number: 1st, 2nd, 3rd, 11th, 21st."""
    return "th" if n % 100 in (11, 12, 13) else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


#: a street name followed by two short numbers ("Königsallee 1 69"): OCR split the house number, or joined two
_NUMBER_SPLIT = re.compile(r"[^\W\d_]{3,}\.?\s\d{1,2}\s\d{1,3}[a-z]?\s*,?$")
#: a line read at least this surely whose street word alone was misread ("5804 Commerce Bivd" at 0.90) needs no
#: review for it (measured on hard dev photos: 6 right addresses out of review, no wrong one)
STREET_LINE_SURE = 0.85
#: an address whose street number was split that way stays in review: the split is a guess
GUESSED_SPACE_CONF = 0.5
#: a dot after a house number written "No. 12" (an Indian address's), after a building's letter ("Tower B. Embassy
#: Golf Links") or after a word of four or more small letters before a five-digit postcode: the comma printed
#: there, misread (no abbreviation is that long, but "-str.")
_COMMA_AS_DOT = re.compile(
    r"(?<=\bNo\. \d)\.(?= )|(?<=\bNo\. \d\d)\.(?= )|(?<=[a-z]{4})(?<!str)\.(?= \d{5}\b)"
    r"|(?:(?<=\bTower [A-Z])|(?<=\bBlock [A-Z])|(?<=\bWing [A-Z]))\.(?= [A-Z][a-z])"
)


def _split_ordinal(m: re.Match[str]) -> str:
    suffix = m["suffix"].lower()
    # "21 st Ave" is 21st, its ending read apart; "40011 st" cannot be: 40011th
    if suffix != _ordinal(int(m["digit"])) or suffix == _ordinal(int(m["number"] + m["digit"])):
        return m.group(0)
    return f"{m['number']} {m['digit']}{m['suffix'].lower()}"


#: an Eircode alone on its line (its routing key's zero perhaps read as an O)
_EIRCODE_LINE = re.compile(r"\s*[AC-FHKNPRTV-Y][\dO]{2} ?[AC-FHKNPRTV-Y\dO]{4}\s*")
#: an Eircode with its zeros perhaps read as the letter O, which no Eircode uses ("DO1 15FW", "D04 AOE6")
_EIRCODE_ZERO = re.compile(r"\b(?P<key>[AC-FHKNPRTV-Y](?:\d[\dO]|O\d)) (?P<id>[AC-FHKNPRTV-Y\dO]{4})\b")


def eircode_zeros(text: str) -> str:
    """ "DO1 15FW" -> "D01 15FW", "D04 AOE6" -> "D04 A0E6", "T12 WOWV" -> "T12 W0WV": an O in an Eircode is a zero
    read as a letter (its routing key must hold a digit of its own: "COO DATA" is no Eircode)."""

    def mend(m: re.Match[str]) -> str:
        return f"{m['key'].replace('O', '0')} {m['id'].replace('O', '0')}"

    return _EIRCODE_ZERO.sub(mend, text)


#: "Dublin 1 001 VX7X": a Dublin district's Eircode with its D read as a zero (or an O)
_DUBLIN_D_AS_ZERO = re.compile(
    r"\b(?P<district>Dublin (?P<n>\d{1,2}),? )[0O](?P<key>[\dO]{2})(?= [AC-FHKNPRTV-Y\d]{4}\b)"
)


def _dublin_routing_key(line: str) -> str:
    """ "Dublin 1 001 VX7X" -> "Dublin 1 D01 VX7X": the routing key of a Dublin district is D and its number."""

    def mend(m: re.Match[str]) -> str:
        key = m["key"].replace("O", "0")
        return f"{m['district']}D{key}" if int(key) == int(m["n"]) else m.group(0)

    return _DUBLIN_D_AS_ZERO.sub(mend, line)


UMLAUT_COUNTRIES = frozenset({"DE", "AT", "CH"})
_UMLAUT_AS_II = re.compile(r"(?<=[A-Za-zÄÖÜäöüß])ii(?=[a-zäöüß])")


def umlaut_read_as_ii(text: str) -> str:
    """ "Kurfiirstendamm" -> "Kurfürstendamm": a ü whose dots OCR read as a second i, after a letter (no German
    word writes "ii"); for the print of a German, Austrian or Swiss card."""
    return _UMLAUT_AS_II.sub("ü", text)


#: address words of one language that are always printed with their accents, which OCR often loses
_ACCENTED_WORDS = {
    "batiment": "bâtiment", "etage": "étage", "entree": "entrée",
    "elysées": "élysées", "elysees": "élysées",  # "Champs-Elysées": the accent over a capital lost
    # Spanish streets and cities that always carry theirs ("Gran Vía", "Calle de Alcalá", "Málaga")
    "gran via": "gran vía", "alcala": "alcalá", "malaga": "málaga", "cordoba": "córdoba", "cadiz": "cádiz",
    "almeria": "almería", "logrono": "logroño",
}  # fmt: skip
_ACCENTLESS_WORD = re.compile(rf"\b(?:{'|'.join(_ACCENTED_WORDS)})\b", re.I)
#: the first part of a German street name, always written with its umlaut, read without it ("Konigsallee",
#: "Muhlenweg"); the dots over a capital or a small letter are the print blur loses first
_UMLAUT_STEMS = {"konig": "könig", "muhlen": "mühlen"}
_UMLAUTLESS_STEM = re.compile(rf"\b(?:{'|'.join(_UMLAUT_STEMS)})(?=s?[a-z]{{2,}}\b)", re.I)


#: a king's numeral after his name read as bars (a single bar parts two things; two or three are the numeral)
_NUMERAL_AS_BARS = re.compile(r"(?<=[^\W\d_]{3} )\|{2,3}(?=[ ,]|$)")
#: and read with a small l for an I ("Vittorio Emanuele Il 152"), before the house number: "Il" is no word there
_NUMERAL_AS_L = re.compile(r"(?<=[^\W\d_]{3} )(?:Il|lI|ll|Ill|IIl|IlI|lII)(?= \d)")


#: a bracket opening a line before its number and never closed on it
_OPEN_BEFORE_NUMBER = re.compile(r"^[(\[{](?=\d)(?!.*[)\]}])")
#: a unit, suite or floor word read glued to its number ("Unit4", "Suite200"): the space between them lost
_UNIT_GLUED = re.compile(r"\b(unit|suite|ste|floor|level|room|apt|flat|bldg)(?=\d{1,4}\b)", re.I)


def _accented(m: re.Match[str]) -> str:
    """The accented spelling of the words matched, each in the case it was read in ("Gran Via" -> "Gran Vía")."""
    words = zip(m.group(0).split(" "), _ACCENTED_WORDS[m.group(0).lower()].split(" "), strict=True)
    return " ".join(
        printed.upper() if read.isupper() else printed.capitalize() if read[0].isupper() else printed
        for read, printed in words
    )


#: an Italian province in brackets with its I read as a small l ("(Ml)", "(Pl)") or its O as a zero ("(T0)")
_ITALIAN_PROVINCE_MISREAD = re.compile(r"\((?=.?[A-Z])(?=.?[l0])[A-Zl0]{2}\)")


def _with_umlaut(m: re.Match[str]) -> str:
    stem = _UMLAUT_STEMS[m.group(0).lower()]
    return stem.upper() if m.group(0).isupper() else stem.capitalize() if m.group(0)[0].isupper() else stem


#: the article "la" after "de" with its l read as t: no address's word is "ta" there
_LA_AS_TA = re.compile(r"(?<=\b[Dd]e )ta\b")


def repair_street(text: str) -> str:
    """Undo OCR slips street lines are prone to: "4001 ist Ave", "40011 st Ave" and "4001 1 st Ave" (4001 1st Ave),
    "Gartenstrabe"/"Hauptstrafe" (ß), "9? planta" (9ª), "T 108-0075 東京都" (〒), "Batiment B" (Bâtiment),
    "Konigsallee" (Königsallee), "Emanuele || 155" (II), "Unit4" (Unit 4), "(239 Farringdon Road" (a speck)."""
    text = _POSTAL_MARK_MISREAD.sub("〒", text)
    text = _ORDINAL_MISREAD.sub("1", text)
    text = _FOURTH_MISREAD.sub("4", text)
    text = _THIRD_MISREAD.sub(r"\1r", text)
    text = _ORDINAL_JOINED.sub(_split_ordinal, text)
    text = _ORDINAL_APART.sub(
        lambda m: m["number"] + m["suffix"].lower() if m["suffix"].lower() == _ordinal(int(m["number"])) else m[0], text
    )
    # "planta" is feminine (9ª), "piso" and "andar" masculine (3º)
    text = _FLOOR_ORDINAL_MISREAD.sub(lambda m: "ª" if m["floor"].lower() == "planta" else "º", text)
    text = _FLOOR_SIGN_LOST.sub(lambda m: "ª" if m["floor"].lower() == "planta" else "º", text)
    text = _L_AS_BANG.sub("l", text)
    text = _LA_AS_TA.sub("la", text)  # "30 quai de ta Loire": "la", its l read as t
    text = _UNIT_GLUED.sub(r"\1 ", text)  # "Unit4" -> "Unit 4"
    text = _OPEN_BEFORE_NUMBER.sub("", text)  # "(239 Farringdon Road": a speck read as a bracket never closed
    text = _ACCENTLESS_WORD.sub(_accented, text)  # "Batiment B" -> "Bâtiment B"
    text = _UMLAUTLESS_STEM.sub(_with_umlaut, text)  # "Konigsallee" -> "Königsallee"
    text = _NUMERAL_AS_BARS.sub(lambda m: "I" * len(m.group(0)), text)  # "Vittorio Emanuele || 155"
    text = _NUMERAL_AS_L.sub(lambda m: "I" * len(m.group(0)), text)  # "Vittorio Emanuele Il 152"
    return _ESZETT_MISREAD.sub(lambda m: "SS" if m.group(0) in {"B", "8", "&"} and text.isupper() else "ß", text)


def country_line(text: str) -> str:
    """The country a line names and nothing else ("India", "United Kingdom"), as an ISO code; "" otherwise.
    Its accents may be lost, or an ñ read as "fi" ("Espafia")."""
    key = text.strip(" .,").lower()
    if key in COUNTRIES:
        return COUNTRIES[key]
    if key.count(" ") == 1 and key.replace(" ", "") in COUNTRIES:
        return COUNTRIES[key.replace(" ", "")]  # "Neder Land": OCR parted one word
    plain = strip_accents(key)
    found = _COUNTRIES_PLAIN.get(plain) or _COUNTRIES_PLAIN.get(plain.replace("fi", "n"), "")
    return found or (COUNTRIES[near] if (near := _country_misread(plain)) else "")


def _country_misread(plain: str) -> str | None:
    """The country name (a COUNTRIES key) that `plain`, a line's lower-case letters without accents, is one OCR
    look-alike off ("deutschiand"): names of six letters or more, and only one of them."""
    if len(plain) < 6 or not plain.replace(" ", "").isalpha():
        return None
    near = {
        name
        for name in COUNTRIES
        if len(name) >= 6 and abs(len(name) - len(plain)) <= 1
        and len(e := ocr_edits(strip_accents(name), plain)) == 1 and e[0].plausible
    }  # fmt: skip
    return near.pop() if len(near) == 1 else None


_PHONE_LABEL = re.compile(r"^\W*(?:t|p|m|f|o|tel|tél|phone|ph|mob|mobile|cell|fax|office|direct|work|main)\b", re.I)


def _is_street(line: TextLine) -> bool:
    digits = sum(c.isdigit() for c in line.text)
    if digits >= 7 and (sum(c.isalpha() for c in line.text) < 4 or _PHONE_LABEL.match(line.text)):
        return False  # a phone number the phone parser could not place, not a street line
    if re.match(r"(?:dr|prof|mr|mrs|ms)\.?\s", line.text, re.I):
        return False  # "Dr. Avery Smith": an honorific, not a drive
    label = re.match(r"\W*([^\W\d_]+)\W{0,2}\s*\+\d", line.text)
    if label and label[1].lower() in LABELS:
        return False  # "Telefon +49 oe": a phone label and a country code, the number unread
    if _WEB_ADDRESS.search(line.text):
        return False  # "in: wwwlinkedin com/inivsubramanian 158": a web address, its house number a profile's digits
    return not is_junk(line.text) and bool(_STREET_WORDS.search(line.text)) and "@" not in line.text


#: a web address or LinkedIn profile, however its dots were read
_WEB_ADDRESS = re.compile(r"\bwww|\bhttps?\b|linkedin|\bc[o0]m/", re.I)


def _aligned(a: TextLine, b: TextLine) -> bool:
    """Two lines of one column: left, right or centre edges agree within two letter heights."""
    tol = 2.0 * max(a.height, b.height, 1)
    return (
        abs(a.box.x - b.box.x) < tol
        or abs(a.box.x2 - b.box.x2) < tol
        or abs(a.box.cx - b.box.cx) < tol
        # a short line inside a long one's span (a centred city under a long street)
        or (a.box.x >= b.box.x - tol and a.box.x2 <= b.box.x2 + tol)
        or (b.box.x >= a.box.x - tol and b.box.x2 <= a.box.x2 + tol)
    )


#: how much taller one line of a left-aligned address may be boxed than the next
SWOLLEN = 2.5
#: two lines whose middles are this many letter heights (the smaller) apart are two rows, however their boxes overlap
ROWS_APART = 1.0


def _neighbour(line: TextLine, lines: list[TextLine], above: bool) -> TextLine | None:
    """The nearest line of the same column just above (or below) `line`, in any reading order.

    Reading order interleaves columns on two-column cards, so the street line of an address is
    found by geometry, not by index.
    """
    best: TextLine | None = None
    best_gap = 0.0
    for other in lines:
        if other.index == line.index:
            continue
        gap = (line.box.y - other.box.y2) if above else (other.box.y - line.box.y2)
        # boxes that overlap may still be two rows: a blurred photo swells them past their letters
        rows_apart = ((line.box.cy - other.box.cy) if above else (other.box.cy - line.box.cy)) >= ROWS_APART * min(
            line.height, other.height
        )
        if (gap < -0.4 * min(line.height, other.height) and not rows_apart) or gap > 1.8 * max(
            line.height, other.height
        ):
            continue
        # a font at most twice the other's; a little more where both start at one left edge (a swollen box)
        most = SWOLLEN if abs(line.box.x - other.box.x) < 0.5 * min(line.height, other.height) else 2.0
        if not _aligned(line, other) or not 1 / most <= other.height / max(1.0, line.height) <= most:
            continue
        if best is None or gap < best_gap:
            best, best_gap = other, gap
    return best


def line_below(line: TextLine, lines: list[TextLine]) -> TextLine | None:
    """The nearest line of `line`'s column just below it, among `lines`."""
    return _neighbour(line, lines, above=False)


def line_above(line: TextLine, lines: list[TextLine]) -> TextLine | None:
    """The nearest line of `line`'s column just above it, among `lines`."""
    return _neighbour(line, lines, above=True)


def _left_neighbour(line: TextLine, lines: list[TextLine]) -> TextLine | None:
    """The line just left of `line` on the same row, within a few letter widths."""
    near = [
        o
        for o in lines
        if o.box.x2 <= line.box.x + 2
        and line.box.x - o.box.x2 < 4 * line.height
        and abs(o.box.cy - line.box.cy) < 0.5 * line.height
    ]
    return max(near, key=lambda o: o.box.x2, default=None)


_WORDY = re.compile(r"[^\W\d_]{2}")


def _right_neighbour(line: TextLine, lines: list[TextLine]) -> TextLine | None:
    """The line just right of `line` on the same row, within a few letter widths."""
    near = [
        o
        for o in lines
        if o.box.x >= line.box.x2 - 2
        and o.box.x - line.box.x2 < 4 * line.height
        and abs(o.box.cy - line.box.cy) < 0.5 * line.height
    ]
    return min(near, key=lambda o: o.box.x, default=None)


_DASHES = frozenset("-–—")


def with_lost_dash(line: TextLine, lines: list[TextLine]) -> str:
    """`line`'s text with a dash put back that OCR boxed too flat to join its row ("Mumbai - 400507"): a lone
    dash, wider than tall (a middle dot is not), inside the line's height, in a gap before a number."""
    words, tokens = line.words, line.text.split()
    if len(tokens) != len(words):
        return line.text  # text no longer word for word what OCR boxed
    for other in lines:
        box = other.box
        if other.text not in _DASHES or len(other.words) != 1 or box.h >= 0.4 * line.height:
            continue
        if box.w < max(1.5 * box.h, 0.2 * line.height):
            continue
        if not line.box.y <= box.cy <= line.box.y2:
            continue
        for k in range(1, len(words)):
            if words[k - 1].box.x2 <= box.x and box.x2 <= words[k].box.x and tokens[k][:1].isdigit():
                return " ".join([*tokens[:k], other.text, *tokens[k:]])
    return line.text


#: the small words of place names ("Newcastle upon Tyne", "Frankfurt am Main", "Saint-Étienne-du-Rouvray")
_PLACE_PARTICLES = frozenset({"upon", "on", "am", "an", "der", "im", "de", "du", "la", "le", "les", "sur", "en", "di"})


def _is_place(line: TextLine) -> bool:
    """A line of one to three capitalised words (and the small words of a place name between them): the town
    over a UK postcode printed on its own line."""
    words = line.text.strip(" ,").split()
    names = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and w in _PLACE_PARTICLES)]
    return 1 <= len(names) <= 3 and all(re.fullmatch(r"[^\W\d_][\w'’.-]*", w) and w[0].isupper() for w in names)


def _town_over(line: TextLine, found: CityLine) -> bool:
    """The line over a postcode printed alone names its town: capitalised words, or a British post town misread
    ("ristol" over "BS2 1NX")."""
    if _is_place(line):
        return True
    return found.country == "GB" and uk_post_town(line.text.strip(" ,"), found.postcode) is not None


def _is_numbered_street(line: TextLine) -> bool:
    return _is_street(line) and any(c.isdigit() for c in line.text)


#: street words long enough that a word a letter off one is a misreading ("Sureet"), not another word
_LONG_STREET_WORDS = (
    "street", "avenue", "boulevard", "strasse", "straße", "parkway", "highway", "square", "avenida", "suite", "floor"
)  # fmt: skip


def misread_street_word(word: str) -> bool:
    """ "Sureet", "Avenve": a word a letter off a long street word, which an address never prints."""
    return _street_word_meant(word.strip(".,")) is not None


#: short street words misread past `similar`: French "rue" with its e read as c ("205 ruc Sainte-Catherine"), "Bivd"
#: ("Piot No. 45": l read as i; "311 Washington Stu.": a speck read after St)
_SHORT_STREET_MISREADS = {"ruc": "rue", "rne": "rue", "bivd": "blvd", "piot": "plot", "stu": "st"}


#: the one letter a blurred "tr" is read as
_TR_READS = ("u", "v")


#: the endings of German and Dutch street names written as one word ("Marienplatz", "Herengracht"), long enough that
#: an ending one look-alike off is a misreading ("Marienpiatz", "Herengracnt")
_COMPOUND_ENDINGS = ("platz", "strasse", "allee", "gasse", "gracht", "plein", "straat", "singel")


def _compound_ending(w: str) -> tuple[str, str] | None:
    """(the ending as read, the street ending meant) of a lower-case word whose ending, after a stem of three letters
    or more, is one OCR look-alike off one street ending; None otherwise."""
    found = set()
    for ending in _COMPOUND_ENDINGS:
        for size in (len(ending) - 1, len(ending), len(ending) + 1):
            read = w[-size:]
            if len(w) - size >= 3 and read != ending and len(e := ocr_edits(ending, read)) == 1 and e[0].plausible:
                found.add((read, ending))
    return found.pop() if len(found) == 1 else None


def _street_word_meant(word: str) -> str | None:
    """The one long street word a misread word is a letter off, in the word's case ("Sureet" -> "Street",
    "Fioor" -> "Floor"); None for any other word, and for a plural ("Suites") of a street word."""
    w = word.lower()
    if w in _SHORT_STREET_MISREADS:
        meant = _SHORT_STREET_MISREADS[w]
        return meant.upper() if word.isupper() else meant.capitalize() if word[0].isupper() else meant
    if not w.isalpha() or w.rstrip("s") in _LONG_STREET_WORDS:
        return None
    if (ending := _compound_ending(w)) is not None:
        # "Marienpiatz" -> "Marienplatz": the stem as read, the ending as a street's
        stem = word[: len(word) - len(ending[0])]
        return stem + (ending[1].upper() if word.isupper() else ending[1])
    # "Sueet", "Sveet": a blurred "tr" run together into one letter, too far from "Street" for `similar`
    merged = [s for s in _LONG_STREET_WORDS if any(w.replace(one, "tr", 1) == s for one in _TR_READS)]
    # a letter off, not a compound ending in one ("Torstrasse")
    near = merged or [s for s in _LONG_STREET_WORDS if w != s and abs(len(w) - len(s)) <= 1 and similar(w, s, 0.8)]
    if len(near) != 1:
        return None
    meant = near[0]
    return meant.upper() if word.isupper() else meant.capitalize() if word[0].isupper() else meant


#: letters thin enough to fade from print, or to be lost between two others
_THIN = frozenset("iltfjr")


def mend_places(text: str, places: list[str]) -> str:
    """Each word one or two OCR look-alike slips off exactly one of `places` (lower case) spelled as that place,
    in the word's case ("Anmedabad" -> "Ahmedabad", "Kamataka" -> "Karnataka": rn read as m)."""

    def meant(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if len(low) < 5 or low in places:
            return word
        near = {p for p in places if abs(len(p) - len(low)) <= 1 and p[0] == low[0]}
        near = {
            p
            for p in near
            if ((e := ocr_edits(p, low)) and len(e) <= 2 and all(x.plausible for x in e))
            # a thin letter lost, faded at the print's edge or squeezed between others ("Mumba" for "Mumbai")
            or (len(p) == len(low) + 1 and any(p[k] in _THIN and p[:k] + p[k + 1 :] == low for k in range(1, len(p))))
        }
        if len(near) != 1:
            return word
        place = near.pop()
        return place.upper() if word.isupper() else place.capitalize()

    return re.sub(r"[^\W\d_]+", meant, text)


#: how near a word comes to a known place to be that place misread (`similarity`: "pitisburgh" 0.9, "phoenia" 0.86)
PLACE_LIKE = 0.85


#: the names German streets are most often given, before "strasse", "weg", "allee", "platz" or "ring"
_GERMAN_STREET_NAMES = frozenset(
    [
        "haupt", "schul", "garten", "bahnhof", "dorf", "berg", "kirch", "wald", "ring", "schiller", "goethe", "jahn",
        "wiesen", "friedhof", "feld", "tal", "linden", "birken", "mühlen", "markt", "park", "sonnen", "kaiser",
        "königs", "friedrich", "wilhelm", "luisen", "leopold", "ludwig", "maximilian", "beethoven", "mozart",
        "bismarck", "lessing", "uhland", "kant", "herder", "rosen", "blumen", "eichen", "buchen", "tannen", "burg",
        "schloss", "hafen", "rathaus", "post", "industrie", "neue", "alte", "lange", "breite", "hohe", "mittel",
        "kurze",
    ]
)  # fmt: skip
#: how near the name before a German street's ending comes to a usual one, and is none, to be a misreading of it
STREET_NAME_LIKE = 0.8


def near_street_name(text: str) -> bool:
    """A German street's name nearly spells one of the usual names and is none ("Hahnhofstrasse" for
    "Bahnhofstrasse", "Kaserstrasse" for "Kaiserstrasse"): OCR misread it."""
    # (an ß read as "fi", "B" or "13": "Karserstrafie")
    for word in re.findall(r"[^\W\d_]{6,}", re.sub(r"stra(?:ß|fi|b|13)e\b", "strasse", text.lower())):
        m = re.fullmatch(r"(.{4,}?)(strasse|str|weg|allee|platz|ring|gasse|damm)", word)
        if m is None or m[1] in _GERMAN_STREET_NAMES:
            continue
        stem = m[1].removesuffix("s")  # "Königsallee": the name's genitive s
        if stem in _GERMAN_STREET_NAMES:
            continue
        if any(abs(len(n) - len(stem)) <= 1 and similarity(stem, n) >= STREET_NAME_LIKE for n in _GERMAN_STREET_NAMES):
            return True
    return False


def near_place(text: str, places: list[str]) -> bool:
    """A word of the text is not one of `places` (lower case) but nearly spells one: the same first letter, a letter
    more, less or other (its slip not an OCR look-alike, which `mend_places` puts right)."""
    for word in re.findall(r"[^\W\d_]{5,}", strip_accents(text.lower())):  # "Montréal" is Montreal, spelled right
        if word in places:
            continue
        if any(p[0] == word[0] and abs(len(p) - len(word)) <= 1 and similarity(word, p) >= PLACE_LIKE for p in places):
            return True
    return False


def mend_street_words(text: str) -> str:
    """ "52 Eagle Sureet" -> "52 Eagle Street": each word a letter off one long street word is taken for it
    (the likelier reading; the caller sends the address to review)."""
    return re.sub(r"[^\W\d_]+", lambda m: _street_word_meant(m.group(0)) or m.group(0), text)


def looks_like_street(line: TextLine) -> bool:
    """A house number with a street word: part of an address, even when no city line was recognised."""
    words = _STREET_WORDS.pattern.removesuffix("|\\d")
    compound = r"\w+(?:straße|strasse|str\.|weg|platz|allee|gasse|damm|ring|laan|straat|gracht|plein|singel|kade)\b"
    named = re.search(f"{words}|{compound}", repair_street(line.text), re.I) is not None  # "LindenstraBe 233a"
    return _is_street(line) and named and re.search(r"(?<![\w(])\d{1,5}[a-z]?\b", line.text) is not None


#: "Galt Late Cay UT OOLI7": a US (or Canadian) city line whose city and ZIP code OCR garbled, its state read
_GARBLED_US_CITY = re.compile(
    rf"[A-Za-z]{{3,}},?\s+(?:{'|'.join(US_STATES)})\.?,?\s+(?=\S*\d)[\dOoIlSB]{{2}}[\dA-Z]{{1,3}}\s*$"
    # ...and a Canadian one, its province and a postcode's shape read ("Weterion, ON N23 755")
    rf"|(?:[A-Za-z]{{3,}},?\s+|^\s*)(?:{'|'.join(CA_PROVINCES)})\.?,?\s+"
    r"(?=[A-Z0-9 ]*\d)[A-Z0-9]{3} ?[A-Z0-9]{3}\s*$"
)


#: cities and states of one word that a city line names (lower case, no accents): beside digits, an address line
_PLACES = frozenset(
    strip_accents(place.lower())
    for place in [
        *IN_PLACES,
        *JP_PLACES,
        *UK_POST_TOWNS.values(),
        *(t for towns in REGION_TOWNS.values() for t in towns.values()),
    ]
    if place.isalpha() and len(place) >= 4 and place.lower() != "india"
)


def garbled_city_line(text: str) -> bool:
    """A city line whose postcode or street OCR garbled past reading: a US state still read ("Galt Late Cay UT
    OOLI7"), or a city or state of another country's tables beside digits ("Murnbai, Maharashtra 400% 51",
    "ghamta 008 Valencia"), or a line of digits and words ending in a country's name after a comma. An address
    is there."""
    if _GARBLED_US_CITY.search(text) is not None:
        return True
    if "@" in text or re.search(r"www|http", text, re.I) or sum(c.isdigit() for c in text) < 3:
        return False
    if "," in text and country_line(text.rsplit(",", 1)[1]):
        return True  # "Lewel 28. 29) fhocrke Rewet, Parrematia NUW 2150, Australia": a country ends it
    return any(strip_accents(w.lower()) in _PLACES for w in re.findall(r"[^\W\d_]+", text))


#: "Torstraße 14b | 60191 Frankfurt am Main | Deutschland": parts of a one-line address set apart by a bar or
#: a dot, as commas do
_SEPARATOR = re.compile(r"\s+[|·•]\s+")
#: such a middle dot read as a dash between words ("Elizabeth Street - Parramatta NSW 2150", "H91 DE1H - Ireland";
#: a dash before a number that ends the line, or its country, is printed: "Bengaluru - 560001"), or between a house
#: number and a postcode with its city after it ("Im Mediapark 233b - 70299 Stuttgart"), or between a word and a house
#: number or postcode with words after it ("Bâtiment C - 219 Allée des Tilleuls", "62 - 7a planta - 28084 Madrid"; an
#: Indian PIN code has six digits), or as a full stop after a postcode ("NSW 2000. Australia"); a comma read as a full
#: stop after a word of four or more small letters (no abbreviation, but "-str."), before a state and its postcode
#: ("Pittsburgh. PA 15284", "Toronto. ON M5J 2N1", "Perth. WA 6000") or a capitalised word ("Spring Avenue. Floor 34",
#: "153 Cheapside. Edinburgh EH3 2FW"): an address holds no sentence to end
_SEPARATOR_MISREAD = re.compile(
    r"(?<=[^\W_]{2})\s+[-–]\s+(?=[^\W\d_]{2})|(?:(?<=\d)|(?<=\d[A-Za-z]))\s*[-–.]\s+(?=\d{4,5}\s+[^\W\d_]{2})"
    r"|(?<=[^\W_])\s+[-–]\s+(?=\d{1,5}[A-Za-z]?\s+[^\W\d_]{2})"
    r"|(?<=\d{4})\.(?=\s+[A-Z][^\W\d_]{2})"
    r"|(?<=[a-z]{4})(?<!str)\.(?=\s+(?:[A-Z]{2}\s+(?:\d{5}\b|[A-Z]\d[A-Z])|(?:NSW|VIC|QLD|TAS|ACT|NT|WA|SA)\s+\d{4}\b"
    r"|[A-ZÀ-Þ][a-zß-ÿ]{2,}))"
)
#: ...and as a full stop after a word, before a country's name that ends the line ("Münster. Deutschland")
_STOP_BEFORE_COUNTRY = re.compile(r"(?<=[^\W\d_]{3})\.\s+(?=([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*$)")


def _separated(text: str) -> str:
    """`text` with its misread separators (`_SEPARATOR_MISREAD`) printed as the commas they stand for."""
    text = _SEPARATOR_MISREAD.sub(lambda m: "," if m.group() == "." else ", ", text)
    return _STOP_BEFORE_COUNTRY.sub(lambda m: ", " if country_line(m[1]) else m[0], text)


#: a space between two Japanese letters (kana or kanji)
_CJK_SPACE = re.compile(r"(?<=[\u3040-\u30ff\u3400-\u9fff]) +(?=[\u3040-\u30ff\u3400-\u9fff])")


def without_trailing_specks(text: str) -> str:
    """`text` without the marks after its last word: specks of a picture or the card's edge read after the
    line ("Redmond, WA 98052 >\\_")."""
    words = text.split()
    while len(words) > 1 and not any(c.isalnum() for c in words[-1]):
        words.pop()
    return " ".join(words) if words != text.split() else text


def after_zip_specks(text: str, postcode: str) -> str:
    """`text` cut after its US ZIP code `postcode` when all that follows is one to three letters that name no
    country: specks of the card's edge read as letters ("Redmond, WA 98052. NN"). "USA" after it stays."""
    m = re.search(rf"(?<!\d){re.escape(postcode)}(?!\d)\.?", text)
    if m is None:
        return text
    rest = text[m.end() :].strip()
    if not re.fullmatch(r"[A-Za-z]{1,3}", rest) or rest.upper() in ("US", "USA") or country_line(rest):
        return text
    return text[: m.end()]


def _street_cut(street: str) -> bool:
    """The street of an address with a city line is missing, or only a fragment of it read: a house number alone
    ("46b" of "Goethestrasse 46b"), a street word alone ("Blvd" of "3546 Howard Blvd"), or a street that starts
    with an ordinal's ending ("st Ave NE" of "4001 1st Ave NE")."""
    words = [w for w in re.split(r"[\s,]+", street) if w]
    if words and words[0] in ("st", "nd", "rd", "th"):
        return True
    return all(_STREET_WORDS.fullmatch(w) or re.fullmatch(r"\d+[a-z]?", w, re.I) for w in words)


#: the state of each range of a US ZIP code's first three digits (the Postal Service's allocation; military
#: and territory ranges left out, so nothing is said of them)
_US_ZIP3 = (
    "010-027 MA|028-029 RI|030-038 NH|039-049 ME|050-059 VT|060-069 CT|070-089 NJ|100-149 NY|150-196 PA|197-199 DE|"
    "200-200 DC|201-201 VA|202-205 DC|206-219 MD|220-246 VA|247-268 WV|270-289 NC|290-299 SC|300-319 GA|320-339 FL|"
    "341-349 FL|350-369 AL|370-385 TN|386-397 MS|398-399 GA|400-427 KY|430-459 OH|460-479 IN|480-499 MI|500-528 IA|"
    "530-549 WI|550-567 MN|570-577 SD|580-588 ND|590-599 MT|600-629 IL|630-658 MO|660-679 KS|680-693 NE|700-714 LA|"
    "716-729 AR|730-749 OK|750-799 TX|800-816 CO|820-831 WY|832-838 ID|840-847 UT|850-865 AZ|870-884 NM|885-885 TX|"
    "889-898 NV|900-961 CA|967-968 HI|970-979 OR|980-994 WA|995-999 AK"
)
_ZIP_STATES = {
    n: state
    for span in _US_ZIP3.split("|")
    for lo, hi, state in [(*span[:7].split("-"), span[8:])]
    for n in range(int(lo), int(hi) + 1)
}
#: digits OCR reads one for another in small print
_DIGIT_LOOKALIKES = {
    "0": "869", "1": "74", "2": "7", "3": "85", "4": "19", "5": "638", "6": "850", "7": "12", "8": "6305", "9": "840"
}  # fmt: skip


def zip_state(postcode: str) -> str | None:
    """The US state a ZIP code belongs to, from its first three digits (None when the table does not say)."""
    return _ZIP_STATES.get(int(postcode[:3])) if re.fullmatch(r"\d{5}(?:-\d{4})?", postcode) else None


def mend_zip(postcode: str, state: str) -> str | None:
    """ "Salt Lake City, UT 64130": a ZIP code of another state than the one printed beside it has a digit
    misread; the one ZIP code a single look-alike digit off it that belongs to the printed state, else None."""
    fits = {
        postcode[:i] + d + postcode[i + 1 :]
        for i in range(3)
        for d in _DIGIT_LOOKALIKES[postcode[i]]
        if zip_state(postcode[:i] + d + postcode[i + 1 :]) == state
    }
    return fits.pop() if len(fits) == 1 else None


def find_address(lines: list[TextLine], claimed: frozenset[int], hint: str = "") -> AddressHit | None:
    """The card's postal address, or None. `hint` is a country guessed from phones or domains."""
    free = [ln for ln in lines if ln.index not in claimed]
    by_index = {ln.index: ln for ln in lines}
    # a British post town printed on a line of its own ("Reading" over "RGI IFQ"): a misread postcode of its
    # area beside it is British, though nothing else on the card says so
    towns = {area for ln in lines for area in _AREAS_OF_TOWN.get(ln.text.strip(" ,").lower(), ())}
    for line in free:
        text = _SEPARATOR.sub(", ", _separated(_LABEL.sub("", line.text)))
        found = _match_city_line(text, hint)
        misread = _UK_POSTCODE_MISREAD.search(text) if found is None and towns else None
        mended = uk_postcode(misread["postcode"]) if misread else None
        if mended and re.sub(r"[^A-Z].*", "", mended) in towns:
            found = _match_city_line(text, "GB")
        if found is None:
            continue
        used = [line.index]
        street_lines: list[str] = []
        # street lines sit just above the city line, in the same column and a similar font
        top = line
        bare_postcode = not found.city and not found.before
        while len(street_lines) < 3:
            above = _neighbour(top, lines, above=True)
            if above is None or above.index in claimed or above.index in used:
                break
            town = bare_postcode and not street_lines and _town_over(above, found)
            if _match_city_line(above.text, hint):
                break
            if not (town or _is_street(above)):
                # a district or area line ("Anna Salai") between the street and the city
                over = _neighbour(above, lines, above=True) if _is_place(above) else None
                if over is None or over.index in claimed or not _is_street(over) or len(street_lines) > 1:
                    break
            street_lines.insert(0, _separated(without_trailing_specks(_LABEL.sub("", above.text))))
            used.insert(0, above.index)
            top = above
        if not street_lines and not found.before:
            # "Piazza del Duomo 3  ·  20168 Milano": a one-line address OCR cut at its separator
            left = _left_neighbour(line, [ln for ln in free if ln.index not in used])
            if left is not None and _is_numbered_street(left):
                street_lines.append(_separated(_LABEL.sub("", left.text)))
                used.insert(0, left.index)
        if bare_postcode and street_lines and _town_over(by_index[used[-2]], found):
            found = replace(found, city=street_lines.pop().strip(" ,"), before="")
        country = found.country
        below = _neighbour(line, [ln for ln in free if ln.index not in used], above=False)
        if found.country == "IE" and not found.postcode and below is not None and _EIRCODE_LINE.fullmatch(below.text):
            # "Dublin 4" over "D04 3AXN": the Eircode on a line of its own under the town
            eircode = eircode_zeros(below.text.strip())
            found = replace(found, postcode=eircode)
            used.append(below.index)
            below = _neighbour(below, [ln for ln in free if ln.index not in used], above=False)
        # (the separator itself, read as a speck "-", is no line to stop at)
        beside = _right_neighbour(line, [ln for ln in free if ln.index not in used and _WORDY.search(ln.text)])
        if below is not None and country_line(below.text):
            country = country_line(below.text)
            used.append(below.index)
        elif beside is not None and country_line(beside.text):
            # "Denver, CO 80216  ·  United States": a one-line address OCR cut at its separator before the country
            country = country_line(beside.text)
            used.append(beside.index)
            below = beside
        # a Japanese address often prints the postcode first and the rest underneath
        elif found.country == "JP" and not street_lines and below is not None and _is_street(below):
            used.append(below.index)
            street_lines.append(below.text)
        if not country and "," in text:
            country = country_line(text.rpartition(",")[2])  # "60191 Frankfurt am Main, Deutschland"
        if not country:
            joined = repair_street(" ".join([*street_lines, text]))  # "Hafenstra&e" is a German street
            country = next((c for c, pattern in _HINTS if pattern.search(joined)), "") or postcode_town_country(
                found.postcode, found.city
            )
            country = country or hint
        street = ", ".join([*street_lines, found.before] if found.before else street_lines)
        printed = tuple(
            repair_street(
                _separated(
                    without_trailing_specks(with_lost_dash(line, lines) if i == line.index else by_index[i].text)
                )
            )
            for i in used
        )
        if below is not None and below.index in used:
            printed = tuple(country_spelled(t) if i == below.index else t for i, t in zip(used, printed, strict=True))
        # "…, 48276 Münster, Deutschiand": the country after the last comma of a line, spelled as it is printed
        head, comma, last = printed[-1].rpartition(",")
        if comma and country_line(last) and country_spelled(last.strip()) != last.strip():
            printed = (*printed[:-1], f"{head}, {country_spelled(last.strip())}")
        if country == "JP":
            # "東京 都港区": Japanese writes no space between its letters; OCR parted a word there
            printed = tuple(_CJK_SPACE.sub("", ln) for ln in printed)
        if country == "IE":
            # "DO1 15FW": an Eircode's routing key with a zero read as the letter O
            printed = tuple(eircode_zeros(ln) for ln in printed)
            printed = tuple(_dublin_routing_key(ln) for ln in printed)
        if country == "IT":
            # "20105 Milano (Ml)": the province's I read as a small l
            printed = tuple(
                _ITALIAN_PROVINCE_MISREAD.sub(lambda m: m[0].replace("l", "I").replace("0", "O"), ln) for ln in printed
            )
        if country in UMLAUT_COUNTRIES:
            # "Kurfiirstendamm": a ü whose dots OCR read as a second i; no German word writes "ii"
            printed = tuple(umlaut_read_as_ii(ln) for ln in printed)
            street = umlaut_read_as_ii(street)
            found = replace(found, city=umlaut_read_as_ii(found.city))
        if found.read_as:
            # the postcode was read with a letter for a digit ("KIR 3L3", "SEI 5XJ"): print the repaired one
            k = used.index(line.index)
            printed = (*printed[:k], printed[k].replace(found.read_as, found.postcode, 1), *printed[k + 1 :])
        if found.country == "US" and found.postcode:
            # "Redmond, WA 98052. NN": a letter or two read from specks after the ZIP code, where only a country goes
            k = used.index(line.index)
            printed = (*printed[:k], after_zip_specks(printed[k], found.postcode), *printed[k + 1 :])
        zip_misread = found.country == "US" and zip_state(found.postcode) not in (None, found.region)
        if zip_misread:
            # the ZIP code and the state disagree: a digit misread, put right when one look-alike does it
            mended = mend_zip(found.postcode, found.region)
            if mended:
                k = used.index(line.index)
                printed = (*printed[:k], printed[k].replace(found.postcode, mended, 1), *printed[k + 1 :])
                found = replace(found, postcode=mended)
        post_town = uk_post_town(found.city, found.postcode) if found.country == "GB" and found.city else None
        main_town = region_town(country, found.city, found.postcode) if found.city and not post_town else None
        accents_only = main_town is not None and strip_accents(main_town).lower() == strip_accents(found.city).lower()
        if main_town is not None and accents_only:
            # "90631 Nurnberg": the postcode's town with the accents neither model read; a sure mend
            printed = tuple(ln.replace(found.city, main_town, 1) for ln in printed)
            found = replace(found, city=main_town)
        post_town = post_town or (main_town if not accents_only else None)
        if post_town:
            # "Oxtord OX2 2ZX": the postcode's own town, a look-alike off what was read; likelier, not certain
            printed = tuple(ln.replace(found.city, post_town, 1) for ln in printed)
            found = replace(found, city=post_town)
        if found.region and found.region.isupper():
            # a state whose capitals OCR read in small letters ("Southbank ViC 3006"): print it as the card does
            k = used.index(line.index)
            mended = re.sub(rf"\b{found.region}\b", found.region, printed[k], count=1, flags=re.I)
            printed = (*printed[:k], mended, *printed[k + 1 :])
        # "No. 12. DLF Cyber City", "6ª planta. 50007 Zaragoza": a comma read as a dot, where no dot belongs
        comma_read = any(_COMMA_AS_DOT.search(ln) for ln in printed)
        printed = tuple(_COMMA_AS_DOT.sub(",", ln) for ln in printed)
        street = _COMMA_AS_DOT.sub(",", street)
        if comma_read:
            street = re.sub(r"(?<=[a-z]{4})(?<!str)\.$", "", street.strip(" ,"))  # its dot stood before the postcode
        street = repair_street(street)
        # "52 Eagle Sureet": a street word misread, put right, in review (`misread_street_word` in the card's checks):
        # a line read so poorly may hold other slips ("89 Pin Sireet"); on one read surely the slip was that word's
        misread_words = any(
            mend_street_words(ln) != ln and by_index[i].conf < STREET_LINE_SURE
            for i, ln in zip(used, printed, strict=True)
        )
        printed = tuple(mend_street_words(ln) for ln in printed)
        street = mend_street_words(street)
        places = IN_PLACES if country == "IN" else PLACES_BY_COUNTRY.get(country, "").split()
        if places:
            # "Anmedabad, Gujarat", "Bengaluru, Kamataka", "Caigary, AB": a known city or state a look-alike or two off
            misread_words |= any(mend_places(ln, places) != ln for ln in printed)
            printed = tuple(mend_places(ln, places) for ln in printed)
            # "Pitisburgh", "Phoenia": a known city a letter off, by a slip no look-alike explains: kept, in review
            misread_words |= any(near_place(ln, places) for ln in printed)
            found = replace(found, city=mend_places(found.city, places))
            street = mend_places(street, places)
        if country in UMLAUT_COUNTRIES:
            misread_words |= any(near_street_name(ln) for ln in printed)
        conf = sum(by_index[i].conf for i in used) / len(used)
        conf *= 1.0 if street and found.city else 0.75
        if any(_ORDINAL_JOINED.sub(_split_ordinal, by_index[i].text) != by_index[i].text for i in used):
            conf = min(conf, GUESSED_SPACE_CONF)  # "4001 1st" is the likely reading, "40011 St" not ruled out
        floor_sign_lost = any(_FLOOR_SIGN_LOST.search(by_index[i].text) for i in used)
        number_split = _NUMBER_SPLIT.search(street) is not None  # "Königsallee 1 69": 169, or 1, or 69?
        # "G2 70T": no British inward code uses an O; its round letter is a D or a Q, read as an O or a zero
        inward_round = country == "GB" and re.search(r"\d[A-Z]*O[A-Z]*$", found.postcode or "") is not None
        cut = _street_cut(street.strip(" ,"))
        guessed = (zip_misread, misread_words, post_town, cut, floor_sign_lost, number_split, comma_read, inward_round)
        if any(guessed):
            conf = min(conf, GUESSED_SPACE_CONF)
        addr = Address(
            lines=printed,
            street=street.strip(" ,"),
            city=found.city,
            region=found.region,
            postcode=found.postcode,
            country=country,
        )
        return AddressHit(addr, tuple(used), round(conf, 3))
    return None
