"""Synthetic business-card photos with ground truth, for tests and the benchmark.

Three steps, each a plain function: `compose_card` draws the fields (and the exact text printed),
`render_card` paints the card with Pillow, `photograph` turns it into a scan or a phone photo.
It never reads the real cards in shared/realcards and never touches the scanning pipeline.
"""

from __future__ import annotations

import argparse
import functools
import io
import json
import math
import os
import random
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np
import phonenumbers
from PIL import Image, ImageDraw, ImageFont

from .errors import MissingDependencyError

LAYOUTS = ("centered", "left", "two_column", "dark", "band_top", "band_left", "logo_spaced", "portrait")
CONDITIONS = ("flat", "phone", "hard")
COUNTRIES = ("US", "UK", "DE", "FR", "IN", "AU", "CA", "NL", "ES", "IT", "JP", "SG", "IE")
# The six main markets are drawn more often than the others.
_COUNTRY_WEIGHTS = (4, 4, 4, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1)
_REGION = {"UK": "GB"}  # phonenumbers wants ISO codes; the truth keeps the everyday "UK"

# --------------------------------------------------------------------------- fonts

FONT_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/truetype/liberation2"),
    Path("/usr/share/fonts/truetype/liberation"),
    Path("/usr/share/fonts/truetype/freefont"),
)
# family -> (regular, bold, italic) file names
_FAMILIES: dict[str, tuple[str, str, str]] = {
    "DejaVuSans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    "DejaVuSansCondensed": (
        "DejaVuSansCondensed.ttf",
        "DejaVuSansCondensed-Bold.ttf",
        "DejaVuSansCondensed-Oblique.ttf",
    ),
    "DejaVuSerif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf"),
    "LiberationSans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf"),
    "LiberationSerif": (
        "LiberationSerif-Regular.ttf",
        "LiberationSerif-Bold.ttf",
        "LiberationSerif-Italic.ttf",
    ),
    "LiberationMono": ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf", "LiberationMono-Italic.ttf"),
    "FreeSans": ("FreeSans.ttf", "FreeSansBold.ttf", "FreeSansOblique.ttf"),
    "FreeSerif": ("FreeSerif.ttf", "FreeSerifBold.ttf", "FreeSerifItalic.ttf"),
}
_FONT_HELP = (
    "No TrueType fonts were found under /usr/share/fonts/truetype; install them with "
    "`apt-get install fonts-dejavu-core fonts-liberation2 fonts-freefont-ttf` (or run `make deps`)."
)


@dataclass(frozen=True)
class FontSet:
    name: str
    regular: str
    bold: str
    italic: str


@functools.cache
def available_fonts() -> tuple[FontSet, ...]:
    """Every font family whose three faces are installed; raises when there is none."""
    found: list[FontSet] = []
    for name, files in _FAMILIES.items():
        paths = []
        for f in files:
            hit = next((d / f for d in FONT_DIRS if (d / f).is_file()), None)
            if hit is None:
                break
            paths.append(str(hit))
        if len(paths) == 3:
            found.append(FontSet(name, *paths))
    if not found:
        raise MissingDependencyError(_FONT_HELP)
    return tuple(found)


@functools.cache
def _font(path: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, max(6, size))


# --------------------------------------------------------------------------- country data


def _split(s: str) -> list[str]:
    return [x.strip() for x in s.split("|") if x.strip()]


@dataclass(frozen=True)
class City:
    name: str
    region: str  # state / county code when the address shows one
    post: str  # postcode prefix or pattern seed
    area: str  # national significant number prefix of landlines there ("" = any)


@dataclass(frozen=True)
class CountryData:
    given: list[str]
    family: list[str]
    streets: list[str]
    cities: list[City]
    tlds: list[str]
    suffixes: list[str]  # company legal forms
    country_line: list[str]  # how the country is written when the card adds it
    labels: list[dict[str, str]] = field(default_factory=list)  # local phone label styles
    titles: list[str] = field(default_factory=list)  # local-language titles
    roots: list[str] = field(default_factory=list)  # local company names


def _cities(spec: str) -> list[City]:
    out = []
    for item in _split(spec):
        name, region, post, area = (p.strip() for p in item.split(";"))
        out.append(City(name, region, post, area))
    return out


_DATA: dict[str, CountryData] = {
    "US": CountryData(
        _split(
            "James|Mary|Robert|Patricia|Michael|Jennifer|David|Linda|William|Elizabeth|Christopher|Jessica|"
            "Daniel|Sarah|Matthew|Karen|Anthony|Nancy|Joshua|Ashley|Kevin|Emily|Brian|Megan|Tyler|Rachel|"
            "Jordan|Taylor|Marcus|Alicia|Carlos|Sofia|Andre|Keisha|Ethan|Hannah|Logan|Brooke"
        ),
        _split(
            "Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|Hernandez|Lopez|"
            "Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|Thompson|White|Harris|Clark|Lewis|"
            "Robinson|Walker|Young|Allen|King|Wright|Nguyen|Patel|Kim|Okafor|O'Brien|McCarthy|Sullivan|"
            "Washington|Reyes|Bennett|Coleman"
        ),
        _split(
            "Market|Main|Oak|Pine|Maple|Cedar|Elm|Washington|Lincoln|Park|Lake|Hill|Mission|Congress|"
            "Commerce|Madison|Franklin|Jefferson|Spring|Highland|Riverside|Peachtree|Wacker|Boylston|"
            "Michigan|Colorado|Sansome|Howard|Folsom|Broad"
        ),
        _cities(
            "San Francisco;CA;941;415|New York;NY;100;212|Austin;TX;787;512|Seattle;WA;981;206|"
            "Chicago;IL;606;312|Boston;MA;021;617|Denver;CO;802;303|Atlanta;GA;303;404|Portland;OR;972;503|"
            "Raleigh;NC;276;919|Minneapolis;MN;554;612|Phoenix;AZ;850;602|Pittsburgh;PA;152;412|"
            "San Diego;CA;921;619|Nashville;TN;372;615|Columbus;OH;432;614|Madison;WI;537;608|"
            "Salt Lake City;UT;841;801|Palo Alto;CA;943;650|Cambridge;MA;021;617"
        ),
        ["com", "com", "com", "io", "co", "us"],
        ["Inc.", "LLC", "Corp.", "Co.", "Inc"],
        ["USA", "United States"],
    ),
    "UK": CountryData(
        _split(
            "Oliver|Amelia|George|Isla|Harry|Ava|Jack|Mia|Charlie|Grace|Thomas|Freya|Oscar|Lily|William|"
            "Emily|James|Sophie|Alfie|Poppy|Rhys|Siobhan|Callum|Niamh|Hamish|Eilidh|Rajesh|Aisha|Imran|"
            "Chloe|Eleanor|Rory|Søren|Zara"
        ),
        _split(
            "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|"
            "Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|Hughes|Edwards|Harrison|Patel|Khan|"
            "Ahmed|MacDonald|Campbell|Fitzgerald|Ashworth|Pemberton|Okonkwo|Møller|Fairbairn|"
            "Llewellyn|Cartwright"
        ),
        _split(
            "High Street|Victoria Road|King Street|Queen Street|Church Lane|Station Road|Bridge Street|"
            "Albert Embankment|Princes Street|Deansgate|Park Row|Castle Street|Old Broad Street|"
            "Southwark Street|Cheapside|Farringdon Road|Great Portland Street|Temple Quay|Corn Street|"
            "George Street|St Vincent Street|Regent Street|Hills Road|Kingdom Street|Whitehall Road"
        ),
        _cities(
            "London;;EC1A EC2M W1T SE1 N1 E14 WC2H W2;20|Manchester;;M1 M2 M3 M4;161|"
            "Birmingham;;B1 B2 B3;121|Leeds;;LS1 LS2 LS11;113|Bristol;;BS1 BS2;117|"
            "Edinburgh;;EH1 EH2 EH3;131|Glasgow;;G1 G2;141|Cambridge;;CB1 CB2 CB4;1223|Oxford;;OX1 OX2 OX4;1865|"
            "Reading;;RG1 RG2;118|Cardiff;;CF10 CF11;29|Belfast;;BT1 BT2;28|Newcastle upon Tyne;;NE1;191|"
            "Brighton;;BN1 BN2;1273"
        ),
        ["co.uk", "co.uk", "com", "uk", "io"],
        ["Ltd", "Ltd.", "Limited", "PLC", "LLP"],
        ["United Kingdom", "UK"],
    ),
    "DE": CountryData(
        _split(
            "Lukas|Anna|Maximilian|Lena|Felix|Laura|Jonas|Julia|Leon|Sophie|Paul|Marie|Tobias|Katharina|"
            "Jan|Sarah|Florian|Johanna|Matthias|Anna-Lena|Karl-Heinz|Jürgen|Jörg|Björn|Sönke|Ute|Dörte|"
            "Mehmet|Ayşe|Stefan|Sabine|Niklas|Friederike"
        ),
        _split(
            "Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|Schäfer|Koch|"
            "Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|Krüger|Hofmann|Hartmann|"
            "Lange|Werner|Krause|Lehmann|von Berg|von Stein|Müller-Lüdenscheidt|Yılmaz|Kowalski|"
            "Brandt|Vogel|Jäger|Groß"
        ),
        _split(
            "Hauptstraße|Bahnhofstraße|Schillerstraße|Goethestraße|Friedrichstraße|Am Sandtorkai|"
            "Hafenstraße|Kurfürstendamm|Königsallee|Leopoldstraße|Lindenstraße|Mühlenweg|Gartenstraße|"
            "Berliner Allee|Schloßstraße|Rheinuferstraße|Am Werder|Im Mediapark|Theresienhöhe|Torstraße|"
            "Speicherstadt|Kaiserstraße|Marienplatz|Neuer Wall"
        ),
        _cities(
            "Berlin;;10;30|Hamburg;;20;40|München;;80;89|Köln;;50;221|Frankfurt am Main;;60;69|"
            "Stuttgart;;70;711|Düsseldorf;;40;211|Leipzig;;04;341|Dresden;;01;351|Hannover;;30;511|"
            "Nürnberg;;90;911|Bremen;;28;421|Karlsruhe;;76;721|Freiburg im Breisgau;;79;761|"
            "Mannheim;;68;621|Bonn;;53;228|Münster;;48;251|Aachen;;52;241"
        ),
        ["de", "de", "de", "com", "io"],
        ["GmbH", "GmbH", "AG", "GmbH & Co. KG", "SE", "KG"],
        ["Deutschland", "Germany"],
        [
            {"work": "Tel.", "mobile": "Mobil", "fax": "Fax", "other": "Zentrale"},
            {"work": "T", "mobile": "M", "fax": "F", "other": "Z"},
            {"work": "Telefon", "mobile": "Mobil", "fax": "Telefax", "other": "Zentrale"},
        ],
        _split(
            "Personalreferentin|Personalreferent|Leiterin Personal|Recruiterin|Geschäftsführer|"
            "Geschäftsführerin|Teamleiter Softwareentwicklung|Bereichsleiterin Vertrieb|Projektleiter|"
            "Referentin Personalmarketing"
        ),
        _split(
            "Nordlicht|Bergwerk|Elbbrücke|Rheinblick|Alpenglühen|Sternwarte|Hansekontor|Löwenzahn|"
            "Weißwald|Isarwerk|Spreeblick|Bodensee"
        ),
    ),
    "FR": CountryData(
        _split(
            "Camille|Louis|Léa|Gabriel|Chloé|Arthur|Manon|Hugo|Inès|Jules|Élodie|Mathis|Céline|Théo|"
            "Amélie|Nicolas|Hélène|Julien|Margaux|Antoine|Clément|Océane|Benoît|Anaïs|Jean-Baptiste|"
            "Marie-Claire|François|Noémie|Yasmine|Karim"
        ),
        _split(
            "Martin|Bernard|Dubois|Thomas|Robert|Richard|Petit|Durand|Leroy|Moreau|Simon|Laurent|Lefèbvre|"
            "Michel|Garcia|David|Bertrand|Roux|Vincent|Fournier|Morel|Girard|André|Mercier|de la Fontaine|"
            "Le Goff|de Villiers|Benali|Chevalier|Lemaître|Gauthier|Faure|Rousseau|Bonnet"
        ),
        _split(
            "rue de la Paix|avenue des Champs-Élysées|boulevard Haussmann|rue du Faubourg Saint-Honoré|"
            "rue La Fayette|quai de la Loire|rue Victor Hugo|place Bellecour|rue Sainte-Catherine|"
            "rue de Rivoli|rue Nationale|avenue Jean Jaurès|rue de la République|cours Lafayette|"
            "allée des Tilleuls|boulevard de Strasbourg|rue Oberkampf|quai des Chartrons"
        ),
        _cities(
            "Paris;;75;1|Lyon;;690;4|Marseille;;130;4|Toulouse;;31000;5|Nantes;;44000;2|"
            "Bordeaux;;33000;5|Lille;;59000;3|Strasbourg;;67000;3|Montpellier;;34000;4|Rennes;;35000;2|"
            "Nice;;06000;4|Grenoble;;38000;4"
        ),
        ["fr", "fr", "com", "io"],
        ["SAS", "SA", "SARL", "SAS"],
        ["France"],
        [
            {"work": "Tél.", "mobile": "Port.", "fax": "Fax", "other": "Standard"},
            {"work": "Tél :", "mobile": "Mob :", "fax": "Fax :", "other": "Standard :"},
            {"work": "T.", "mobile": "M.", "fax": "F.", "other": "S."},
        ],
        _split(
            "Chargée de recrutement|Chargé de recrutement|Responsable des ressources humaines|"
            "Directrice commerciale|Ingénieur logiciel|Chef de projet|Directeur général|"
            "Responsable talent acquisition|Consultante senior"
        ),
        _split("Lumière|Hexagone|Belle Rive|Mistral|Arc-en-Ciel|Azur|Bastille|Ondine|Sillage|Écume"),
    ),
    "IN": CountryData(
        _split(
            "Aarav|Priya|Vivaan|Ananya|Aditya|Diya|Arjun|Isha|Rohan|Kavya|Vikram|Meera|Rahul|Sneha|Karthik|"
            "Lakshmi|Siddharth|Pooja|Nikhil|Deepika|Sanjay|Anjali|Harpreet|Farhan|Zoya|Venkatesh|Divya"
        ),
        _split(
            "Sharma|Verma|Patel|Gupta|Singh|Kumar|Reddy|Iyer|Nair|Menon|Rao|Joshi|Mehta|Chatterjee|"
            "Banerjee|Mukherjee|Desai|Kapoor|Malhotra|Ramanathan|Krishnan|Subramanian|Agarwal|Bhat|"
            "Pillai|Khan|Siddiqui|Gill|Dutta"
        ),
        _split(
            "MG Road|Outer Ring Road|Bandra Kurla Complex|HITEC City|Cyber City|Sector 62|Brigade Road|"
            "Residency Road|Anna Salai|Nariman Point|Whitefield Main Road|Baner Road|Park Street|"
            "Old Mahabalipuram Road|Infopark Road|SG Highway"
        ),
        _cities(
            "Bengaluru;Karnataka;560;80|Mumbai;Maharashtra;400;22|New Delhi;Delhi;110;11|"
            "Hyderabad;Telangana;500;40|Chennai;Tamil Nadu;600;44|Pune;Maharashtra;411;20|"
            "Gurugram;Haryana;122;124|Noida;Uttar Pradesh;201;120|Kolkata;West Bengal;700;33|"
            "Ahmedabad;Gujarat;380;79|Kochi;Kerala;682;484"
        ),
        ["in", "co.in", "com", "com", "io"],
        ["Pvt Ltd", "Pvt. Ltd.", "Private Limited", "Ltd", "LLP"],
        ["India"],
        roots=_split("Sahyadri|Ganga|Vistara|Kaveri|Himalaya|Nakshatra|Tejas|Sarovar|Aravali|Prakriti"),
    ),
    "AU": CountryData(
        _split(
            "Jack|Charlotte|William|Olivia|Noah|Isla|Lachlan|Matilda|Cooper|Ruby|Liam|Chloe|Riley|"
            "Harper|Angus|Zoe|Hamish|Sienna|Mitchell|Tahlia|Bronwyn|Darcy|Kirra|Jarrah|Mei|Nikos"
        ),
        _split(
            "Smith|Jones|Williams|Brown|Wilson|Taylor|Johnson|White|Martin|Anderson|Thompson|Nguyen|"
            "Thomas|Walker|Harris|Lee|Ryan|Robinson|Kelly|King|Papadopoulos|Kowalczyk|O'Connor|"
            "Fitzpatrick|McKenzie|Tran|Henderson|Campbell"
        ),
        _split(
            "George Street|Collins Street|Pitt Street|Queen Street|St Georges Terrace|King William Street|"
            "Bourke Street|Elizabeth Street|Eagle Street|Miller Street|Flinders Lane|Murray Street|"
            "Macquarie Street|Adelaide Street|Kent Street|Swanston Street"
        ),
        _cities(
            "Sydney;NSW;2000;2|Melbourne;VIC;3000;3|Brisbane;QLD;4000;7|Perth;WA;6000;8|"
            "Adelaide;SA;5000;8|Canberra;ACT;2601;2|Hobart;TAS;7000;3|North Sydney;NSW;2060;2|"
            "Parramatta;NSW;2150;2|Southbank;VIC;3006;3|Fortitude Valley;QLD;4006;7|Darwin;NT;0800;8"
        ),
        ["com.au", "com.au", "com.au", "com", "io"],
        ["Pty Ltd", "Pty Ltd", "Pty. Ltd.", "Ltd"],
        ["Australia"],
    ),
    "CA": CountryData(
        _split(
            "Liam|Emma|Noah|Olivia|Ethan|Chloé|Lucas|Charlotte|Mathieu|Sophie|Owen|Ava|Benjamin|Maëlle|"
            "Gabriel|Isabelle|Connor|Avery|Rajiv|Mei-Ling|Étienne|Geneviève"
        ),
        _split(
            "Tremblay|Gagnon|Roy|Côté|Bouchard|Gauthier|Morin|Lavoie|Fortin|Smith|Brown|Wilson|MacDonald|"
            "Campbell|Stewart|Chen|Wong|Singh|Leblanc|Bélanger|Fraser|Thibodeau"
        ),
        _split(
            "Bay Street|King Street West|Yonge Street|Front Street West|Howe Street|Burrard Street|"
            "Rue Sainte-Catherine Ouest|Boulevard René-Lévesque|Sparks Street|Barrington Street|"
            "King Street North|8th Avenue SW"
        ),
        _cities(
            "Toronto;ON;M5J M5V M5H M4W;416|Vancouver;BC;V6B V6C V6E;604|Montréal;QC;H3B H2Y H3A;514|"
            "Calgary;AB;T2P T2R;403|Ottawa;ON;K1P K1R;613|Waterloo;ON;N2L N2J;519|Halifax;NS;B3J;902"
        ),
        ["ca", "ca", "com"],
        ["Inc.", "Ltd.", "Corp.", "Inc"],
        ["Canada"],
    ),
    "NL": CountryData(
        _split(
            "Daan|Emma|Sem|Julia|Lucas|Mila|Levi|Tess|Finn|Sophie|Bram|Anouk|Jeroen|Sanne|Thijs|Fleur|"
            "Maarten|Lotte|Pieter|Marieke|Joost|Ingrid"
        ),
        _split(
            "de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Janssen|Visser|Smit|Meijer|de Boer|Mulder|"
            "de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|van der Meer|van der Linden|Brouwer|"
            "de Wit|Dijkstra|van Beek|Kuipers"
        ),
        _split(
            "Keizersgracht|Herengracht|Prinsengracht|Damrak|Coolsingel|Stationsplein|Wilhelminakade|"
            "Catharijnesingel|Lange Voorhout|Torenallee|Vijzelstraat|Weena|Oudegracht|Zuidplein|"
            "Strawinskylaan|Gustav Mahlerlaan"
        ),
        _cities(
            "Amsterdam;;10;20|Rotterdam;;30;10|Utrecht;;35;30|Den Haag;;25;70|Eindhoven;;56;40|"
            "Groningen;;97;50|Leiden;;23;71|Delft;;26;15"
        ),
        ["nl", "nl", "com", "eu"],
        ["B.V.", "B.V.", "N.V.", "BV"],
        ["Nederland", "The Netherlands"],
        [{"work": "T", "mobile": "M", "fax": "F", "other": "Alg."}],
        roots=_split("Dijkwerk|Tulpveld|Zeewind|Polderlicht|Grachtenhuis|Molenaar|Oranjeboom|Duinzicht"),
    ),
    "ES": CountryData(
        _split(
            "Alejandro|Lucía|Pablo|María|Javier|Carmen|Daniel|Paula|Sergio|Elena|Álvaro|Marta|Íñigo|"
            "Nuria|Jordi|Montserrat|Begoña|Iñaki|Rocío|Andrés"
        ),
        _split(
            "García|Fernández|González|Rodríguez|López|Martínez|Sánchez|Pérez|Gómez|Martín|Jiménez|Ruiz|"
            "Hernández|Díaz|Moreno|Muñoz|Álvarez|Romero|Núñez|de la Cruz|de la Torre|Castaño|Ibáñez|Peña"
        ),
        _split(
            "Calle de Alcalá|Paseo de la Castellana|Gran Vía|Calle de Serrano|Avinguda Diagonal|"
            "Passeig de Gràcia|Calle Larios|Calle Colón|Avenida de la Constitución|Calle Mayor|"
            "Calle de Velázquez|Rambla de Catalunya"
        ),
        _cities(
            "Madrid;;280;91|Barcelona;;080;93|Valencia;;460;96|Sevilla;;410;95|Bilbao;;480;94|"
            "Málaga;;290;95|Zaragoza;;500;976"
        ),
        ["es", "es", "com"],
        ["S.L.", "S.A.", "S.L.U.", "SL"],
        ["España", "Spain"],
        [{"work": "Tel.", "mobile": "Móvil", "fax": "Fax", "other": "Centralita"}],
        roots=_split("Solana|Brisa|Almendro|Levante|Olivar|Marea|Sierra Azul|Alborada"),
    ),
    "IT": CountryData(
        _split(
            "Leonardo|Sofia|Francesco|Giulia|Alessandro|Aurora|Lorenzo|Alice|Matteo|Ginevra|Andrea|"
            "Chiara|Giuseppe|Francesca|Luca|Elisa|Niccolò|Benedetta|Davide|Federica"
        ),
        _split(
            "Rossi|Russo|Ferrari|Esposito|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Bruno|Gallo|Conti|"
            "De Luca|Mancini|Costa|Giordano|Rizzo|Lombardi|Moretti|Di Stefano|Fabbri|Santoro|Caruso"
        ),
        _split(
            "Via Roma|Corso Buenos Aires|Via Montenapoleone|Via del Corso|Piazza del Duomo|Via Garibaldi|"
            "Corso Vittorio Emanuele II|Via Dante|Viale Monza|Via Nazionale|Via Torino|Corso Italia"
        ),
        _cities("Milano;MI;201;2|Roma;RM;001;6|Torino;TO;101;11|Bologna;BO;401;51|Firenze;FI;501;55|Napoli;NA;801;81"),
        ["it", "it", "com"],
        ["S.r.l.", "S.p.A.", "Srl", "S.r.l."],
        ["Italia", "Italy"],
        [{"work": "Tel.", "mobile": "Cell.", "fax": "Fax", "other": "Centralino"}],
        roots=_split("Aurora|Vela|Cipresso|Lanterna|Fontana|Castello|Orizzonte|Dolomiti"),
    ),
    "JP": CountryData(
        _split(
            "Daiki|Yui|Haruto|Sakura|Ren|Hina|Sota|Aoi|Takumi|Yuna|Kenji|Akiko|Hiroshi|Naoko|Satoshi|"
            "Emi|Takeshi|Mai|Kazuki|Rina"
        ),
        _split(
            "Sato|Suzuki|Takahashi|Tanaka|Watanabe|Ito|Yamamoto|Nakamura|Kobayashi|Kato|Yoshida|Yamada|"
            "Sasaki|Yamaguchi|Matsumoto|Inoue|Kimura|Hayashi|Shimizu|Tamura"
        ),
        _split("Konan|Roppongi|Akasaka|Marunouchi|Otemachi|Dogenzaka|Nishi-Shinjuku|Umeda|Minatomirai|Toranomon"),
        _cities(
            "Tokyo;Minato-ku;105 106 107 108;3|Tokyo;Chiyoda-ku;100;3|Tokyo;Shibuya-ku;150;3|"
            "Tokyo;Shinjuku-ku;160;3|Osaka;Kita-ku;530;6|Yokohama;Nishi-ku;220;45|Kyoto;Shimogyo-ku;600;75|"
            "Fukuoka;Chuo-ku;810;92"
        ),
        ["co.jp", "co.jp", "jp", "com"],
        ["Co., Ltd.", "K.K.", "Inc.", "Corporation"],
        ["Japan"],
        roots=_split("Sakura|Fujimi|Hikari|Kaze|Mirai|Asahi|Yamato|Shinsei"),
    ),
    "SG": CountryData(
        _split(
            "Wei Ling|Jun Jie|Hui Min|Zhi Hao|Siti|Muhammad|Priya|Kumar|Mei Xin|Ryan|Sarah|Darren|Nurul|"
            "Kelvin|Jasmine|Benjamin"
        ),
        _split("Tan|Lim|Lee|Ng|Ong|Wong|Goh|Chua|Chan|Koh|Teo|Ang|Yeo|Tay|Ho|Low|Abdullah|Rahman|Pillai|Nair"),
        _split(
            "Raffles Place|Marina Boulevard|Shenton Way|Cecil Street|Robinson Road|Anson Road|"
            "Orchard Road|Science Park Road|Fusionopolis Way|Pasir Panjang Road|Tanjong Pagar Road"
        ),
        _cities("Singapore;;0;6"),
        ["com.sg", "com.sg", "sg", "com"],
        ["Pte Ltd", "Pte. Ltd.", "Pte Ltd"],
        ["Singapore"],
        roots=_split("Merlion|Lion City|Temasek|Straits|Orchid|Marina|Kallang|Sentosa"),
    ),
    "IE": CountryData(
        _split(
            "Seán|Aoife|Conor|Saoirse|Cian|Niamh|Oisín|Ciara|Darragh|Róisín|Eoin|Siobhán|Pádraig|Gráinne|"
            "Liam|Orla|Fionn|Méabh"
        ),
        _split(
            "Murphy|Kelly|O'Sullivan|Walsh|Smith|O'Brien|Byrne|Ryan|O'Connor|O'Neill|Ó Briain|McCarthy|"
            "Gallagher|Doherty|Kennedy|Lynch|Quinn|Ní Bhriain|Fitzgerald|Brennan"
        ),
        _split(
            "Baggot Street Lower|Grand Canal Square|Sir John Rogerson's Quay|Harcourt Street|"
            "St Stephen's Green|Fitzwilliam Square|Dawson Street|Merrion Square|Patrick Street|"
            "Eyre Square|O'Connell Street|Barrow Street"
        ),
        _cities("Dublin 2;;D02;1|Dublin 4;;D04;1|Dublin 1;;D01;1|Cork;;T12;21|Galway;;H91;91|Limerick;;V94;61"),
        ["ie", "ie", "com"],
        ["Ltd", "Limited", "DAC", "Teoranta"],
        ["Ireland"],
    ),
}

_LABEL_STYLES: list[dict[str, str]] = [
    {"work": "T", "mobile": "M", "fax": "F", "other": "Main"},  # not "O": a reader takes that for Office
    {"work": "Tel", "mobile": "Mob", "fax": "Fax", "other": "Tel"},
    {"work": "Office", "mobile": "Mobile", "fax": "Fax", "other": "Main"},
    {"work": "Direct", "mobile": "Cell", "fax": "Fax", "other": "Switchboard"},
    {"work": "P", "mobile": "M", "fax": "F", "other": "P"},
    {"work": "Phone", "mobile": "Mobile", "fax": "Fax", "other": "Main"},
    {"work": "tel", "mobile": "mob", "fax": "fax", "other": "tel"},
    {"work": "Work", "mobile": "Cell", "fax": "Fax", "other": "Main"},
]
_LABEL_SEPS = (": ", " ", ". ", "  ", " | ")

_ROOTS = _split(
    "Acme|Northwind|Bluepeak|Brightline|Cobalt|Evergreen|Lumen|Meridian|Novatek|Orbital|Pinnacle|Quantix|"
    "Redwood|Silverline|Skyward|Stonebridge|Summit|Tidewater|Vantage|Westbrook|Zenith|Halcyon|Ironclad|"
    "Keystone|Larkspur|Monarch|Nimbus|Oakridge|Parallax|Riverstone|Sapphire|Tessellate|Umbra|Vertex|"
    "Willow|Yellowtail|Ampersand|Beacon|Cedarwood|Driftwood|Emberly|Foxglove|Granite|Harbor|Inkwell|"
    "Juniper|Kinetic|Lattice|Mosaic|Nexus|Onyx|Prism|Quarry|Relay|Sparrow|Trellis|Upland|Vireo|Wavelength"
)
_INDUSTRY = _split(
    "Logistics|Systems|Analytics|Consulting|Software|Labs|Technologies|Solutions|Partners|Group|Health|"
    "Robotics|Energy|Capital|Media|Networks|Foods|Engineering|Recruitment|Talent|Digital|Studio|Security|"
    "Data|Mobility|Biotech|Bank"
)
_SENIORITY = ("", "", "", "Senior ", "Lead ", "Principal ", "Junior ", "Associate ", "Staff ")
_ROLES = _split(
    "Recruiter|Technical Recruiter|Talent Acquisition Partner|Talent Acquisition Specialist|"
    "Talent Acquisition Manager|HR Business Partner|HR Generalist|People Partner|People Operations Manager|"
    "Software Engineer|Engineering Manager|Product Manager|Product Owner|Data Scientist|Solutions Architect|"
    "Account Executive|Customer Success Manager|Marketing Manager|Consultant|Managing Consultant|"
    "Project Manager|Operations Manager|Financial Analyst|Legal Counsel|UX Designer|Research Scientist|"
    "Sourcing Specialist|Campus Recruiter|Executive Search Consultant|Business Development Manager|"
    "Site Reliability Engineer|Data Engineer|Security Analyst|Office Manager|Executive Assistant"
)
_AREAS = _split(
    "Talent|Engineering|People|Sales|Product|Design|Marketing|Operations|Finance|Data|Talent Acquisition|"
    "Platform|Research|Customer Success|Infrastructure|Recruiting"
)
_CHIEFS = _split(
    "Chief Executive Officer|Chief Technology Officer|Chief People Officer|Chief Operating Officer|"
    "Chief Financial Officer|Chief Marketing Officer|Chief Data Officer|Chief Product Officer"
)
_PLAIN_TITLES = _split("Founder & CEO|Co-Founder|Managing Director|Partner|Managing Partner|Owner|President|CTO|CEO")
_DEPARTMENTS = _split(
    "Platform Engineering|Talent Acquisition|People & Culture|Human Resources|Research & Development|"
    "Global Recruiting|Cloud & AI Department|Sales EMEA|Finance & Controlling|Product Design|"
    "Customer Experience|Data Platform|Corporate Communications|Strategy & Operations|University Relations"
)
_TAGLINES = _split(
    "Building tomorrow's logistics|Engineering the future|Your partner in growth|Data you can trust|"
    "People first.|Since 1987|Innovation that moves|Simply better software|Connecting talent with opportunity|"
    "Smart energy for everyone|Where ideas take shape|Quality without compromise|Think big. Start small.|"
    "Powering digital transformation|Trusted by 500+ companies|Designed for people|Sustainable by design|"
    "Clarity in complexity|Made with care|Excellence in every detail"
)
_CERTS = _split(
    "ISO 9001:2015 certified|ISO/IEC 27001 certified|Certified B Corporation|Great Place to Work Certified|"
    "Cyber Essentials Plus|Member of the Chamber of Commerce|SOC 2 Type II|Carbon neutral since 2020|"
    "TÜV SÜD certified|Award-winning employer 2023"
)
_PREFIXES = ("Dr.", "Dr.", "Prof.", "Prof. Dr.")
_SUFFIXES = ("PhD", "MBA", "Jr.", "III", "CPA", "MSc", "Ph.D.", "Sr.")
_PERSONAL_DOMAINS = ("gmail.com", "outlook.com", "proton.me", "yahoo.com")

# --------------------------------------------------------------------------- composing a card


@dataclass(frozen=True)
class PhoneSpec:
    number: str  # E.164
    type: str  # work | mobile | fax | other
    raw: str  # as printed


@dataclass
class CardSpec:
    """Everything printed on one card plus how it is drawn; the truth JSON comes from it."""

    country: str
    layout: str
    portrait: bool
    eu_size: bool
    name: str | None
    prefix: str
    given: str
    middle: str
    family: str
    suffix: str
    title: str | None
    department: str | None
    title_dept_one_line: bool
    company: str | None
    company_display: str | None  # what the logo shows (letter-spaced for logo_spaced)
    emails: list[str]
    phones: list[PhoneSpec]
    website: str | None
    linkedin: str | None
    address: list[str]
    tagline: str | None
    cert: str | None
    identity_lines: list[str]
    contact_lines: list[str]
    style_seed: int

    @property
    def printed(self) -> list[str]:
        """Every text line drawn on the card, distractors included."""
        out = [self.company_display] if self.company_display else []
        out += self.identity_lines + self.contact_lines + self.address
        out += [t for t in (self.tagline, self.cert) if t]
        return out


def _ascii(s: str, german: bool = False) -> str:
    if german:
        for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue")):
            s = s.replace(a, b)
    for a, b in (("ß", "ss"), ("ø", "o"), ("Ø", "O"), ("æ", "ae"), ("ı", "i"), ("ş", "s")):
        s = s.replace(a, b)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _slug(s: str, german: bool = False) -> str:
    return "".join(c for c in _ascii(s, german).lower() if c.isalnum() or c == "-")


def _make_number(rng: random.Random, country: str, kind: str, area: str) -> phonenumbers.PhoneNumber:
    """A number valid for the country; landlines start with the city's area code when it has one."""
    region = _REGION.get(country, country)
    pnt = phonenumbers.PhoneNumberType
    wanted = {"mobile": pnt.MOBILE, "other": pnt.FIXED_LINE}.get(kind, pnt.FIXED_LINE)
    ok = {wanted, pnt.FIXED_LINE_OR_MOBILE}
    example = phonenumbers.example_number_for_type(region, wanted)
    if example is None:
        raise ValueError(f"phonenumbers has no example number for {region}.")
    nsn = phonenumbers.national_significant_number(example)
    cc = phonenumbers.country_code_for_region(region)
    for attempt in range(400):
        # North American mobiles share the city's area code too.
        if area and attempt < 300 and (wanted != pnt.MOBILE or country in ("US", "CA")):
            head = area
        else:
            head = nsn[: rng.randint(1, 2)]
        length = len(nsn) + (rng.choice((-1, 0, 0, 1)) if country in ("DE", "IT", "AT") else 0)
        tail = "".join(rng.choice("0123456789") for _ in range(max(2, length - len(head))))
        tail = str(rng.randint(2, 9)) + tail[1:]  # a leading 0/1 after the area code is rarely valid
        num = phonenumbers.parse(f"+{cc}{head}{tail}")
        in_region = phonenumbers.region_code_for_number(num) == region  # +1 is shared by US and CA
        if in_region and phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in ok:
            return num
    return example


def _format_number(rng: random.Random, country: str, num: phonenumbers.PhoneNumber) -> str:
    """The number the way cards in that country print it; always parses back to the same E.164."""
    fmt = phonenumbers.PhoneNumberFormat
    national = phonenumbers.format_number(num, fmt.NATIONAL)
    intl = phonenumbers.format_number(num, fmt.INTERNATIONAL)
    choices = [national, intl]
    if country in ("US", "CA"):
        digits = phonenumbers.national_significant_number(num)
        a, b, c = digits[:3], digits[3:6], digits[6:]
        choices += [f"{a}.{b}.{c}", f"{a}-{b}-{c}", f"+1 {a} {b} {c}", f"+1 ({a}) {b}-{c}", f"+1.{a}.{b}.{c}"]
    elif country in ("UK", "DE", "AU", "FR", "NL", "IE", "IT", "ES"):
        cc, rest = intl.split(" ", 1)
        if country not in ("IT", "ES"):
            choices += [f"{cc} (0){rest}", f"{cc} (0) {rest}"]
        if country == "DE":
            choices.append(national.replace(" ", " / ", 1))
        if country == "FR":
            choices.append(national.replace(" ", "."))
    elif country == "IN":
        digits = phonenumbers.national_significant_number(num)
        choices += [f"+91 {digits[:5]} {digits[5:]}", f"+91-{digits}"]
    for raw in rng.sample(choices, len(choices)):
        try:
            back = phonenumbers.parse(raw, _REGION.get(country, country))
        except phonenumbers.NumberParseException:
            continue
        if back.national_number == num.national_number and back.country_code == num.country_code:
            return raw
    return intl


def _postcode(rng: random.Random, country: str, city: City) -> str:
    d = lambda k: "".join(rng.choice("0123456789") for _ in range(k))  # noqa: E731
    letters = "ABDEFGHJLNPQRSTUWXYZ"
    if country == "US":
        return city.post + d(2)
    if country == "UK":
        return f"{rng.choice(city.post.split())} {rng.randint(1, 9)}{rng.choice(letters)}{rng.choice(letters)}"
    if country in ("DE", "ES", "IT"):
        return (city.post + d(5))[:5]
    if country == "FR":
        if city.name == "Paris":
            return f"750{rng.randint(1, 20):02d}"
        return (city.post + f"0{rng.randint(1, 9)}")[:5] if len(city.post) < 5 else city.post
    if country == "IN":
        return city.post + d(3)
    if country == "AU":
        return city.post
    if country == "CA":
        return (
            f"{rng.choice(city.post.split())} {rng.randint(1, 9)}{rng.choice('ABCEGHJKLMNPRSTVXY')}{rng.randint(1, 9)}"
        )
    if country == "NL":
        return f"{city.post}{d(2)} {rng.choice('ABCEGHJKLMNPRTVWXZ')}{rng.choice('ABCEGHJKLMNPRTVWXZ')}"
    if country == "JP":
        return f"{rng.choice(city.post.split())}-{d(4)}"
    if country == "SG":
        return f"0{d(5)}"
    if country == "IE":
        return f"{city.post} {''.join(rng.choice('ACDEFHKNPRTVWXY0123456789') for _ in range(4))}"
    return d(5)


def _address(rng: random.Random, country: str, data: CountryData, city: City) -> list[str]:
    street = rng.choice(data.streets)
    num = rng.randint(1, 240)
    pc = _postcode(rng, country, city)
    lines: list[str]
    if country in ("US", "CA"):
        kind = "" if country == "CA" else rng.choice((" Street", " St.", " Avenue", " Ave", " Blvd", " Drive"))
        first = f"{rng.randint(100, 9999)} {street}{kind}"
        unit = rng.choice(("", "", f"Suite {rng.randint(1, 30)}00", f"Floor {rng.randint(2, 40)}"))
        town = f"{city.name}, {city.region} {pc}"
        lines = [f"{first}, {unit}", town] if unit and rng.random() < 0.6 else [first, unit, town]
    elif country == "UK":
        bld = rng.choice(("", "", f"{rng.choice(('2nd', '3rd', '4th'))} Floor", "Riverside House", "Unit 4"))
        lines = [bld, f"{num} {street}", f"{city.name} {pc}" if rng.random() < 0.6 else city.name]
        if not lines[2].endswith(pc):
            lines.append(pc)
    elif country in ("DE", "NL"):
        letter = rng.choice(("", "", "", "a", "b"))
        lines = [f"{street} {num}{letter}", f"{pc} {city.name}"]
    elif country == "FR":
        bis = rng.choice(("", "", "", " bis"))
        lines = [f"{num}{bis} {street}", f"{pc} {city.name}"]
        if rng.random() < 0.25:
            lines.insert(0, f"Bâtiment {rng.choice('ABC')}")
    elif country == "IN":
        floor = rng.choice(("3rd Floor", "4th Floor", "Plot No. 45", "Tower B", "No. 12"))
        bld = rng.choice(("Prestige Tech Park", "DLF Cyber City", "Embassy Golf Links", "Raheja Mindspace"))
        lines = [f"{floor}, {bld}", street, f"{city.name}, {city.region} {pc}"]
        if rng.random() < 0.3:
            lines[2] = f"{city.name} - {pc}"
    elif country == "AU":
        lvl = rng.choice(("", f"Level {rng.randint(2, 40)}, "))
        lines = [f"{lvl}{num} {street}", f"{city.name} {city.region} {pc}"]
    elif country == "ES":
        lines = [f"{street} {num}, {rng.randint(1, 9)}ª planta", f"{pc} {city.name}"]
    elif country == "IT":
        lines = [
            f"{street} {num}",
            f"{pc} {city.name} ({city.region})" if rng.random() < 0.5 else f"{pc} {city.name} {city.region}",
        ]
    elif country == "JP":
        blk = f"{rng.randint(1, 6)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}"
        lines = [f"{blk} {street}, {city.region}", f"{city.name} {pc}"]
        if rng.random() < 0.4:
            lines.insert(0, f"{rng.choice(('Grand Central', 'Midtown', 'Sky'))} Tower {rng.randint(3, 40)}F")
    elif country == "SG":
        lines = [f"{num} {street}, #{rng.randint(2, 40):02d}-{rng.randint(1, 12):02d}", f"Singapore {pc}"]
    else:  # IE
        lines = [f"{num} {street}", f"{city.name}, {pc}" if rng.random() < 0.5 else city.name]
        if not lines[-1].endswith(pc):
            lines.append(pc)
    lines = [ln for ln in lines if ln]
    if rng.random() < 0.2:
        lines.append(rng.choice(data.country_line))
    if rng.random() < 0.2 and len(lines) <= 3:
        lines = [rng.choice((", ", " · ", " | ")).join(lines)]  # printed on one line
    return lines


def _title(rng: random.Random, data: CountryData) -> str:
    r = rng.random()
    if data.titles and r < 0.25:
        return rng.choice(data.titles)
    if r < 0.55:
        return rng.choice(_SENIORITY) + rng.choice(_ROLES)
    if r < 0.68:
        return f"Head of {rng.choice(_AREAS)}"
    if r < 0.76:
        return rng.choice(
            (f"VP {rng.choice(_AREAS)}", f"VP of {rng.choice(_AREAS)}", f"Director of {rng.choice(_AREAS)}")
        )
    if r < 0.86:
        return rng.choice(_CHIEFS)
    return rng.choice(_PLAIN_TITLES)


def _person(rng: random.Random, country: str, data: CountryData) -> tuple[str, str, str, str, str, str]:
    """(full, prefix, given, middle, family, suffix) as printed."""
    given = rng.choice(data.given)
    family = rng.choice(data.family)
    if country in ("US", "UK", "AU", "CA", "IE") and rng.random() < 0.08:
        family = f"{family}-{rng.choice(data.family)}"  # double-barrelled
    middle = ""
    if country in ("US", "CA", "IN") and rng.random() < 0.3:
        middle = rng.choice("ABCDEFGHJKLMNPRSTW") + "."
    elif country in ("US", "UK") and rng.random() < 0.06:
        middle = rng.choice(data.given)
    prefix = ""
    if rng.random() < 0.1 and country != "JP":
        prefix = rng.choice(_PREFIXES if country in ("DE", "NL") else _PREFIXES[:3])
    suffix = ""
    if country in ("US", "CA", "UK", "AU", "IN") and rng.random() < 0.12:
        suffix = rng.choice(_SUFFIXES)
        if prefix == "Dr." and suffix in ("PhD", "Ph.D."):
            suffix = "MBA"
    full = " ".join(p for p in (prefix, given, middle, family) if p)
    if suffix:
        full += rng.choice((", ", " ")) + suffix
    return full, prefix, given, middle, family, suffix


def _company(rng: random.Random, country: str, data: CountryData) -> tuple[str, str, str]:
    """(printed name, logo word, domain stem)."""
    root = rng.choice(data.roots) if data.roots and rng.random() < 0.5 else rng.choice(_ROOTS)
    name = root
    stem = _slug(root, german=country == "DE")
    if rng.random() < 0.55:
        ind = rng.choice(_INDUSTRY)
        name = f"{root} {ind}"
        if rng.random() < 0.3:
            stem = f"{stem}-{_slug(ind)}"
    if rng.random() < 0.5:
        suf = rng.choice(data.suffixes)
        sep = ", " if suf.startswith("Inc") and rng.random() < 0.3 else " "
        name = f"{name}{sep}{suf}"
    return name, root, stem


def _local_part(rng: random.Random, given: str, family: str, german: bool) -> str:
    g = _slug(given.split()[0], german)
    f = _slug(family.replace(" ", ""), german).replace("'", "")
    return rng.choice((f"{g}.{f}", f"{g}.{f}", f"{g[0]}{f}", f"{g}", f"{g[0]}.{f}", f"{g}{f[0]}", f"{g}_{f}"))


def compose_card(rng: random.Random, country: str | None = None, layout: str | None = None) -> CardSpec:
    """Draw the fields of one card; about a third of optional fields are left out on purpose."""
    country = country or rng.choices(COUNTRIES, _COUNTRY_WEIGHTS)[0]
    # Portrait cards are rare in real life.
    layout = layout or rng.choices(LAYOUTS, (4, 4, 4, 3, 3, 3, 3, 1))[0]
    data = _DATA[country]
    german = country == "DE"

    has_name = rng.random() > 0.03
    full, prefix, given, middle, family, suffix = _person(rng, country, data)
    if not has_name:
        full, prefix, given, middle, family, suffix = "", "", "", "", "", ""

    freelancer = rng.random() < 0.05
    company: str | None
    company, root, stem = _company(rng, country, data)
    tld = rng.choice(data.tlds)
    domain = f"{stem}.{tld}"
    company_display: str | None = company
    if layout == "logo_spaced":
        company = root.upper()
        company_display = " ".join(root.upper())
    elif rng.random() < 0.12:
        company = company.upper()
        company_display = company
    if freelancer:
        company, company_display = None, None

    title = _title(rng, data) if (has_name and rng.random() < 0.8) else None
    if freelancer and has_name and title is None:
        title = "Independent Consultant"
    department = rng.choice(_DEPARTMENTS) if (title and rng.random() < 0.3) else None
    one_line = bool(department) and rng.random() < 0.25

    emails: list[str] = []
    if rng.random() < 0.93:
        if has_name:
            local = _local_part(rng, given, family, german)
        else:
            local = rng.choice(("info", "hello", "contact", "jobs"))
        if freelancer:
            emails.append(
                f"{local}{rng.choice(('', '.consulting', str(rng.randint(1, 99))))}@{rng.choice(_PERSONAL_DOMAINS)}"
            )
        else:
            emails.append(f"{local}@{domain}")
        if has_name and not freelancer and rng.random() < 0.08:
            emails.append(f"{rng.choice(('careers', 'jobs', 'info'))}@{domain}")

    city = rng.choice(data.cities)
    kinds: list[str] = []
    if rng.random() < 0.8:
        kinds.append("work")
    if rng.random() < 0.6:
        kinds.append("mobile")
    if "work" in kinds and rng.random() < 0.25:
        kinds.append("fax")
    if rng.random() < 0.05:
        kinds.append("other")
    rng.shuffle(kinds) if rng.random() < 0.3 else kinds.sort(key=("mobile", "work", "other", "fax").index)
    phones = []
    for kind in kinds:
        num = _make_number(rng, country, kind, city.area)
        phones.append(
            PhoneSpec(
                phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164),
                kind,
                _format_number(rng, country, num),
            )
        )

    website = None
    if not freelancer and rng.random() < 0.65:
        website = rng.choice((f"www.{domain}", f"www.{domain}", domain, f"https://www.{domain}", f"https://{domain}/"))
    linkedin = None
    if has_name and rng.random() < 0.2:
        handle = rng.choice(
            (
                f"{_slug(given, german)}-{_slug(family.replace(' ', ''), german)}",
                f"{_slug(given)[0]}{_slug(family.replace(' ', ''))}",
            )
        )
        if rng.random() < 0.3:
            handle += str(rng.randint(1, 999))
        linkedin = rng.choice(("linkedin.com/in/", "www.linkedin.com/in/", "https://www.linkedin.com/in/")) + handle
    address = _address(rng, country, data, city) if rng.random() < 0.65 else []
    tagline = rng.choice(_TAGLINES) if (company and rng.random() < 0.25) else None
    cert = rng.choice(_CERTS) if rng.random() < 0.12 else None

    identity = [full] if full else []
    if title and department and one_line:
        identity.append(f"{title}{rng.choice((' | ', ' – ', ', '))}{department}")
    else:
        identity += [t for t in (title, department) if t]

    contact_lines, phones = _contact_lines(rng, country, layout, phones, emails, website, linkedin)
    eu = country not in ("US", "CA") and rng.random() < 0.6
    return CardSpec(
        country=country,
        layout=layout,
        portrait=layout == "portrait",
        eu_size=eu,
        name=full or None,
        prefix=prefix,
        given=given,
        middle=middle,
        family=family,
        suffix=suffix,
        title=title,
        department=department,
        title_dept_one_line=one_line,
        company=company,
        company_display=company_display,
        emails=emails,
        phones=phones,
        website=website,
        linkedin=linkedin,
        address=address,
        tagline=tagline,
        cert=cert,
        identity_lines=identity,
        contact_lines=contact_lines,
        style_seed=rng.getrandbits(32),
    )


def _contact_lines(
    rng: random.Random,
    country: str,
    layout: str,
    phones: list[PhoneSpec],
    emails: list[str],
    website: str | None,
    linkedin: str | None,
) -> tuple[list[str], list[PhoneSpec]]:
    """The phone, email and web lines, and the phones typed as printed: a switchboard number under the
    work phone's own label ("Tel" for both) is a work phone to anyone reading the card."""
    styles = _DATA[country].labels + _LABEL_STYLES if _DATA[country].labels else _LABEL_STYLES
    labels = rng.choice(styles)
    sep = rng.choice(_LABEL_SEPS)
    if labels["work"].endswith(":"):
        sep = " "
    bare_ok = len(phones) == 1 and country not in ("US", "CA")
    phone_texts = []
    for p in phones:
        if bare_ok and rng.random() < 0.35 and p.type in ("work", "mobile"):
            phone_texts.append(p.raw)
        else:
            phone_texts.append(f"{labels[p.type]}{sep}{p.raw}")
    lines: list[str] = []
    if len(phone_texts) >= 2 and layout in ("centered", "left") and rng.random() < 0.35:
        joiner = rng.choice(("  |  ", "   ", "  ·  ", "  /  "))
        lines.append(joiner.join(phone_texts[:2]))
        lines += phone_texts[2:]
    else:
        lines += phone_texts
    elabel = rng.choice(("", "", "", "E: ", "Email: ", "E-Mail: " if country == "DE" else "e. "))
    lines += [f"{elabel}{e}" for e in emails]
    if website:
        lines.append(rng.choice(("", "", "", "W: ", "Web: ")) + website)
    if linkedin:
        lines.append(rng.choice(("", "LinkedIn: ", "in: ")) + linkedin)
    if rng.random() < 0.2:
        rng.shuffle(lines)  # some cards put the email first
    if labels["other"] == labels["work"]:
        phones = [PhoneSpec(p.number, "work", p.raw) if p.type == "other" else p for p in phones]
    return lines, phones


def truth_of(
    spec: CardSpec, file: str, condition: str, exif_orientation: int, corners: list[list[float]] | None = None
) -> dict[str, object]:
    """The ground-truth record in the scorer's schema (key order is fixed). `card_corners`: where the card
    lies in the photo as shown upright (its printed top left first, then clockwise), to score finding it."""
    return {
        "file": file,
        "condition": condition,
        "country": spec.country,
        "layout": spec.layout,
        "name": spec.name,
        "prefix": spec.prefix,
        "given_name": spec.given,
        "middle_name": spec.middle,
        "family_name": spec.family,
        "suffix": spec.suffix,
        "title": spec.title,
        "department": spec.department,
        "company": spec.company,
        "emails": list(spec.emails),
        "phones": [{"number": p.number, "type": p.type, "raw": p.raw} for p in spec.phones],
        "website": spec.website,
        "linkedin": spec.linkedin,
        "address": "\n".join(spec.address) if spec.address else None,
        "exif_orientation": exif_orientation,
        "card_corners": corners,
    }


# --------------------------------------------------------------------------- rendering

_INK = ((20, 20, 20), (35, 35, 45), (45, 45, 45), (25, 35, 60), (30, 30, 30))
_ACCENTS = (
    (20, 50, 110),
    (0, 110, 110),
    (30, 110, 60),
    (120, 20, 40),
    (210, 95, 20),
    (90, 40, 130),
    (185, 30, 40),
    (30, 80, 190),
    (60, 60, 60),
)
_PAPER = ((252, 252, 250), (248, 244, 232), (238, 238, 235), (242, 246, 250), (255, 255, 255), (250, 247, 240))
_DARK = ((25, 30, 40), (30, 30, 30), (15, 40, 70), (40, 22, 50), (20, 50, 45), (10, 10, 12))
_LIGHT_INK = ((240, 240, 240), (230, 230, 225), (250, 250, 250))
_GOLD = (215, 180, 100)

RGB = tuple[int, int, int]


@dataclass(frozen=True)
class TextStyle:
    path: str
    size: int
    color: RGB
    tracking: float = 0.0  # extra space between letters, in ems
    wrap: bool = False  # a designer would break this line in two rather than shrink it


@dataclass(frozen=True)
class Region:
    x: float
    y: float
    w: float
    h: float


def _text_width(text: str, st: TextStyle, scale: float) -> float:
    f = _font(st.path, round(st.size * scale))
    if not st.tracking:
        return f.getlength(text)
    return sum(f.getlength(c) for c in text) + st.tracking * f.size * max(0, len(text) - 1)


def draw_block(
    draw: ImageDraw.ImageDraw,
    lines: Sequence[tuple[str, TextStyle]],
    region: Region,
    align: str = "left",
    valign: str = "top",
) -> None:
    """Draw lines in a region, shrinking them together until they fit; "" is a half-line gap."""
    lines = list(lines)
    while lines and not lines[0][0]:
        lines.pop(0)
    while lines and not lines[-1][0]:
        lines.pop()
    if not lines:
        return
    wrapped: list[tuple[str, TextStyle]] = []
    for text, st in lines:
        if st.wrap and " " in text and _text_width(text, st, 0.9) > region.w:
            # Break at the space nearest the middle.
            cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - len(text) / 2))
            wrapped += [(text[:cut], st), (text[cut + 1 :], st)]
        else:
            wrapped.append((text, st))
    lines = wrapped
    scale = 1.0

    def heights(s: float) -> list[float]:
        return [st.size * s * (0.6 if not t else 1.32) for t, st in lines]

    while scale > 0.35:
        too_wide = any(_text_width(t, st, scale) > region.w for t, st in lines if t)
        if not too_wide and sum(heights(scale)) <= region.h:
            break
        scale *= 0.94
    total = sum(heights(scale))
    y = region.y + {"top": 0.0, "center": (region.h - total) / 2, "bottom": region.h - total}[valign]
    for (text, st), h in zip(lines, heights(scale), strict=True):
        if text:
            f = _font(st.path, round(st.size * scale))
            w = _text_width(text, st, scale)
            x = region.x + {"left": 0.0, "center": (region.w - w) / 2, "right": region.w - w}[align]
            if st.tracking:
                for ch in text:
                    draw.text((x, y), ch, font=f, fill=st.color)
                    x += f.getlength(ch) + st.tracking * f.size
            else:
                draw.text((x, y), text, font=f, fill=st.color)
        y += h


def _logo(draw: ImageDraw.ImageDraw, rng: random.Random, cx: float, cy: float, r: float, color: RGB, bg: RGB) -> None:
    """A wordless logo mark: rings, a triangle, a diamond or bars."""
    kind = rng.choice(("rings", "triangle", "diamond", "bars", "dot"))
    if kind == "rings":
        for k in range(3):
            rr = r * (1 - k * 0.3)
            draw.ellipse((cx - rr, cy - rr, cx + rr, cy + rr), outline=color, width=max(2, int(r * 0.14)))
    elif kind == "triangle":
        draw.polygon([(cx - r, cy - r * 0.8), (cx + r, cy - r * 0.8), (cx, cy + r)], fill=color)
        draw.polygon([(cx - r * 0.45, cy - r * 0.8), (cx + r * 0.45, cy - r * 0.8), (cx, cy + r * 0.1)], fill=bg)
    elif kind == "diamond":
        draw.polygon([(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)], fill=color)
    elif kind == "bars":
        for k in range(4):
            h = r * (0.6 + 0.4 * k)
            x0 = cx - r + k * r * 0.55
            draw.rectangle((x0, cy + r - h, x0 + r * 0.4, cy + r), fill=color)
    else:
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), fill=color)
        draw.ellipse((cx - r * 0.4, cy - r * 0.4, cx + r * 0.4, cy + r * 0.4), fill=bg)


def _qr(draw: ImageDraw.ImageDraw, rng: random.Random, x: float, y: float, size: float, fg: RGB, bg: RGB) -> None:
    """A QR-looking square: a distractor that must not become text."""
    n = 21
    cell = size / n
    draw.rectangle((x - cell, y - cell, x + size + cell, y + size + cell), fill=bg)
    for i in range(n):
        for j in range(n):
            finder = (i < 7 and j < 7) or (i < 7 and j >= n - 7) or (i >= n - 7 and j < 7)
            if finder:
                ii, jj = i % (n - 7) if i >= 7 else i, j % (n - 7) if j >= 7 else j
                on = ii in (0, 6) or jj in (0, 6) or (2 <= ii <= 4 and 2 <= jj <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                draw.rectangle((x + j * cell, y + i * cell, x + (j + 1) * cell - 1, y + (i + 1) * cell - 1), fill=fg)


def _balanced_split(
    left: Sequence[tuple[str, TextStyle]], right: Sequence[tuple[str, TextStyle]], x0: float, x1: float, gap: float
) -> float:
    """Where the right column starts so both columns shrink about equally (within 30-62 % each)."""
    need_l = max((_text_width(t, st, 1.0) for t, st in left), default=1.0)
    need_r = max((_text_width(t, st, 1.0) for t, st in right), default=1.0)
    share = min(0.62, max(0.3, need_l / max(1.0, need_l + need_r)))
    return x0 + (x1 - x0 - gap) * share + gap


def render_card(spec: CardSpec) -> Image.Image:
    """Paint the card at 300 dpi (1050x600, 1004x650 for 85x55 mm, or portrait)."""
    rng = random.Random(spec.style_seed)
    fonts = available_fonts()
    body = rng.choice(fonts)
    head = body if rng.random() < 0.6 else rng.choice(fonts)
    if body.name == "LiberationMono" and rng.random() < 0.7:
        body = head = fonts[0]
    w, h = (1004, 650) if spec.eu_size else (1050, 600)
    if spec.portrait:
        w, h = h, w
    dark = spec.layout == "dark"
    paper = rng.choice(_DARK) if dark else rng.choice(_PAPER)
    ink = rng.choice(_LIGHT_INK) if dark else rng.choice(_INK)
    accent = rng.choice((_GOLD, ink, (150, 200, 230))) if dark else rng.choice(_ACCENTS)
    mix = [int(0.6 * a + 0.4 * b) for a, b in zip(ink, paper, strict=True)]
    muted: RGB = (mix[0], mix[1], mix[2])
    img = Image.new("RGB", (w, h), paper)
    draw = ImageDraw.Draw(img)

    cs = rng.randint(26, 33)  # contact size in px at 300 dpi: 6-8 pt, what real cards use
    name_st = TextStyle(
        head.bold if rng.random() < 0.7 else head.regular, rng.randint(48, 66), accent if rng.random() < 0.3 else ink
    )
    title_st = TextStyle(
        body.italic if rng.random() < 0.25 else body.regular, rng.randint(29, 36), muted if rng.random() < 0.5 else ink
    )
    dept_st = TextStyle(body.regular, rng.randint(26, 31), muted)
    comp_st = TextStyle(head.bold, rng.randint(40, 60), accent)
    tag_st = TextStyle(body.italic, rng.randint(20, 25), muted)
    contact_st = TextStyle(body.regular, cs, ink)
    addr_st = TextStyle(body.regular, cs - rng.randint(0, 3), ink if rng.random() < 0.6 else muted)
    cert_st = TextStyle(body.regular, rng.randint(18, 21), muted)

    def identity() -> list[tuple[str, TextStyle]]:
        out: list[tuple[str, TextStyle]] = []
        for i, t in enumerate(spec.identity_lines):
            if i == 0 and spec.name:
                out.append((t, name_st))
            else:
                out.append((t, title_st if i <= 1 else dept_st))
        return out

    def company(st: TextStyle = comp_st, tag_color: RGB | None = None) -> list[tuple[str, TextStyle]]:
        out: list[tuple[str, TextStyle]] = []
        if spec.company_display:
            track = rng.uniform(0.25, 0.5) if spec.layout == "logo_spaced" else 0.0
            size = st.size - 14 if track else st.size
            out.append((spec.company_display, TextStyle(st.path, size, st.color, track, wrap=not track)))
        if spec.tagline:
            out.append((spec.tagline, TextStyle(tag_st.path, tag_st.size, tag_color or tag_st.color, wrap=True)))
        return out

    contacts = [(t, contact_st) for t in spec.contact_lines]
    addr = [(t, addr_st) for t in spec.address]
    both = contacts + ([("", contact_st)] if contacts and addr else []) + addr
    m = 0.065 * w
    arrangement = spec.layout
    if dark:
        arrangement = rng.choice(("centered", "left", "two_column", "logo_spaced"))
        if arrangement == "logo_spaced":
            arrangement = "two_column"
    bottom = h - m - (34 if spec.cert else 0)

    if arrangement == "centered":
        if spec.company_display and rng.random() < 0.4:
            _logo(draw, rng, m + 40, m + 40, 36, accent, paper)
        draw_block(draw, company(), Region(m, m * 0.8, w - 2 * m, 0.24 * h), "center", "center")
        draw_block(draw, identity(), Region(m, 0.29 * h, w - 2 * m, 0.27 * h), "center", "center")
        draw_block(draw, both, Region(m, 0.58 * h, w - 2 * m, bottom - 0.58 * h), "center", "top")
    elif arrangement == "left":
        # the name's region ends before the company's begins: a long name ran into a long company name
        draw_block(draw, identity(), Region(m, m, 0.62 * w - m - 24, 0.34 * h), "left", "top")
        draw_block(
            draw,
            company(TextStyle(comp_st.path, comp_st.size - 10, accent)),
            Region(0.62 * w, m, 0.38 * w - m, 0.22 * h),
            "right",
            "top",
        )
        if addr and len(contacts) + len(addr) > 5:
            draw_block(draw, contacts, Region(m, 0.46 * h, 0.55 * w, bottom - 0.46 * h), "left", "bottom")
            draw_block(draw, addr, Region(0.6 * w, 0.5 * h, 0.4 * w - m, bottom - 0.5 * h), "right", "bottom")
        else:
            draw_block(draw, both, Region(m, 0.46 * h, w - 2 * m, bottom - 0.46 * h), "left", "bottom")
    elif arrangement == "two_column":
        split = _balanced_split([*identity(), *company()], both, m, w - m, 44) - 34
        top = m
        if rng.random() < 0.5:
            _logo(draw, rng, m + 36, m + 36, 34, accent, paper)
            top = m + 86
        draw_block(draw, company(), Region(m, top, split - m - 10, 0.36 * h - (top - m)), "left", "top")
        draw_block(draw, identity(), Region(m, 0.46 * h, split - m - 10, bottom - 0.46 * h), "left", "bottom")
        draw.line((split + 10, m, split + 10, h - m), fill=muted, width=2)
        draw_block(draw, both, Region(split + 34, m, w - split - 34 - m, bottom - m), "left", "center")
    elif arrangement == "band_top":
        bh = 0.28 * h
        draw.rectangle((0, 0, w, bh), fill=accent)
        white = TextStyle(comp_st.path, comp_st.size, (255, 255, 255))
        draw_block(
            draw,
            company(white, (235, 235, 235)),
            Region(m, 0.04 * h, w - 2 * m, bh - 0.08 * h),
            rng.choice(("left", "center")),
            "center",
        )
        split = _balanced_split(identity(), contacts, m, w - m, 20)
        draw_block(draw, identity(), Region(m, bh + 0.07 * h, split - m - 20, 0.32 * h), "left", "top")
        draw_block(draw, contacts, Region(split, bh + 0.07 * h, w - split - m, bottom - bh - 0.07 * h), "left", "top")
        draw_block(draw, addr, Region(m, 0.7 * h, 0.46 * w - m, bottom - 0.7 * h), "left", "bottom")
    elif arrangement == "band_left":
        bw = 0.32 * w
        draw.rectangle((0, 0, bw, h), fill=accent)
        white = TextStyle(comp_st.path, comp_st.size - 8, (255, 255, 255))
        _logo(draw, rng, bw / 2, 0.2 * h, 42, (255, 255, 255), accent)
        draw_block(
            draw, company(white, (235, 235, 235)), Region(0.04 * w, 0.33 * h, bw - 0.08 * w, 0.34 * h), "center", "top"
        )
        if rng.random() < 0.4:
            _qr(draw, rng, bw / 2 - 60, h - 160, 120, (20, 20, 20), (255, 255, 255))
        x0 = bw + 0.05 * w
        draw_block(draw, identity(), Region(x0, m, w - x0 - m, 0.33 * h), "left", "top")
        draw_block(draw, both, Region(x0, 0.42 * h, w - x0 - m, bottom - 0.42 * h), "left", "bottom")
    elif arrangement == "logo_spaced":
        if rng.random() < 0.5:
            _logo(draw, rng, w / 2, m + 34, 32, accent, paper)
            draw_block(draw, company(), Region(m, m + 78, w - 2 * m, 0.2 * h), "center", "top")
        else:
            _logo(draw, rng, m + 34, m + 38, 32, accent, paper)
            draw_block(draw, company(), Region(m + 90, m, w - 2 * m - 90, 0.2 * h), "left", "center")
        left = identity() + ([("", contact_st), *addr] if addr else [])
        split = _balanced_split(left, contacts, m, w - m, 40)
        draw_block(draw, left, Region(m, 0.42 * h, split - m - 40, bottom - 0.42 * h), "left", "top")
        draw_block(draw, contacts, Region(split, 0.42 * h, w - split - m, bottom - 0.42 * h), "left", "top")
    else:  # portrait
        _logo(draw, rng, w / 2, m + 50, 44, accent, paper)
        draw_block(draw, company(), Region(m, m + 110, w - 2 * m, 0.17 * h), "center", "top")
        draw_block(draw, identity(), Region(m, 0.33 * h, w - 2 * m, 0.2 * h), "center", "center")
        draw_block(draw, contacts, Region(m, 0.56 * h, w - 2 * m, 0.24 * h), "center", "top")
        draw_block(draw, addr, Region(m, 0.82 * h, w - 2 * m, bottom - 0.82 * h), "center", "bottom")
    if spec.cert:
        draw_block(draw, [(spec.cert, cert_st)], Region(m, h - m * 0.55 - 30, w - 2 * m, 30), "right", "top")
    return img


# --------------------------------------------------------------------------- photographing


def _low_freq(nrng: np.random.Generator, h: int, w: int, cells: int) -> np.ndarray:
    """Smooth noise in 0..1: a coarse random grid blown up with cubic interpolation."""
    g = nrng.random((cells, max(2, cells * w // max(h, 1))), dtype=np.float32)
    out = cv2.resize(g, (w, h), interpolation=cv2.INTER_CUBIC)
    return np.clip(out, 0, 1)


def _background(nrng: np.random.Generator, rng: random.Random, h: int, w: int, kind: str, near: RGB) -> np.ndarray:
    """A procedural surface, float32 HxWx3 in 0..255."""
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    if kind == "wood":
        base = np.array(rng.choice(((196, 160, 120), (150, 105, 70), (220, 195, 160), (110, 75, 50))), np.float32)
        img = base[None, None, :] * (0.78 + 0.34 * _wood_grain(nrng, rng, h, w))[..., None]
    elif kind == "fabric":
        base = np.array(
            rng.choice(((70, 80, 110), (120, 40, 40), (90, 90, 90), (60, 100, 80), (180, 170, 150))), np.float32
        )
        p = rng.uniform(3, 6)
        weave = (np.sin(xx * math.pi / p) * np.sin(yy * math.pi / p)) * 0.08
        img = base[None, None, :] * (0.95 + weave + 0.08 * _low_freq(nrng, h, w, 8))[..., None]
    elif kind == "concrete":
        level = rng.uniform(110, 190)
        speck = 0.5 * _low_freq(nrng, h, w, 300) + 0.3 * _low_freq(nrng, h, w, 60) + 0.2 * _low_freq(nrng, h, w, 6)
        img = np.repeat((level * (0.85 + 0.3 * speck))[..., None], 3, axis=2) * np.array([1.0, 0.99, 0.96], np.float32)
    else:  # plain desk; "near" makes it close to the card colour, the hard case for card finding
        if kind == "similar":
            base = np.array(near, np.float32) * rng.uniform(0.88, 0.97)
        else:
            base = np.array(
                rng.choice(((128, 128, 128), (200, 200, 198), (60, 60, 65), (225, 222, 215), (35, 35, 38))), np.float32
            )
        img = base[None, None, :] * (0.93 + 0.1 * _low_freq(nrng, h, w, 4))[..., None]
    return img.astype(np.float32)


def _wood_grain(nrng: np.random.Generator, rng: random.Random, h: int, w: int) -> np.ndarray:
    """Streaks stretched along the grain at three scales, bent by smooth noise; 0..1."""
    n = max(h, w)

    def streaks(rows: int, cols: int, interp: int) -> np.ndarray:
        return cv2.resize(nrng.random((max(2, rows), cols), dtype=np.float32), (n, n), interpolation=interp)

    g: np.ndarray = (
        0.3 * streaks(n // 2, 8, cv2.INTER_LINEAR)
        + 0.4 * streaks(n // 14, 4, cv2.INTER_CUBIC)
        + 0.3 * streaks(n // 70, 3, cv2.INTER_CUBIC)
    )
    mapx, mapy = np.meshgrid(np.arange(n, dtype=np.float32), np.arange(n, dtype=np.float32))
    mapy += (_low_freq(nrng, n, n, 4) - 0.5) * rng.uniform(30, 90)
    g = cv2.remap(g, mapx, mapy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REFLECT)
    if rng.random() < 0.4:  # plank seams
        step = int(n * rng.uniform(0.25, 0.45))
        for y in range(int(rng.uniform(0, step)), n, step):
            g[y : y + 3] = g[y : y + 3] * 0.55
    if rng.random() < 0.5:
        g = g.T
    g = g[:h, :w]
    return np.clip((g - g.min()) / max(1e-6, float(g.max() - g.min())), 0, 1)


def _paper(img: np.ndarray, rng: random.Random, cx: float, cy: float, pw: int, ph: int) -> None:
    """A printed sheet or sticky note with grey word-like dashes, rotated onto img."""
    h, w = img.shape[:2]
    colour = rng.choice(((245, 245, 240), (250, 235, 140), (230, 238, 245), (240, 230, 215)))
    sheet = np.zeros((ph, pw, 3), np.uint8)
    sheet[:] = colour
    step = rng.randint(14, 22)
    for y in range(step * 2, ph - step, step):
        x = rng.randint(12, 30)
        end = pw - rng.randint(12, 30) - (rng.random() < 0.2) * pw // 2
        while x < end:
            wlen = rng.randint(12, 60)
            cv2.line(sheet, (x, y), (min(end, x + wlen), y), (95, 95, 100), rng.randint(2, 4))
            x += wlen + rng.randint(8, 14)
    mask = np.full((ph, pw), 255, np.uint8)
    M = cv2.getRotationMatrix2D((pw / 2, ph / 2), rng.uniform(-40, 40), 1.0)
    M[:, 2] += np.array((cx - pw / 2, cy - ph / 2))
    warped = cv2.warpAffine(sheet, M, (w, h))
    m = cv2.warpAffine(mask, M, (w, h)) > 127
    img[m] = warped[m]


def _clutter(img: np.ndarray, rng: random.Random) -> None:
    """Papers with text-like lines, a keyboard, a mug and pens: a busy desk."""
    h, w = img.shape[:2]
    for _ in range(rng.randint(3, 6)):
        kind = rng.choice(("paper", "keys", "mug", "pen"))
        cx, cy = rng.uniform(0, w), rng.uniform(0, h)
        if kind == "paper":
            _paper(img, rng, cx, cy, int(rng.uniform(0.2, 0.4) * w), int(rng.uniform(0.25, 0.5) * h))
        elif kind == "keys":
            kw = rng.uniform(30, 60)
            for i in range(4):
                for j in range(10):
                    x, y = int(cx + j * kw * 1.1), int(cy + i * kw * 1.1)
                    cv2.rectangle(img, (x, y), (x + int(kw), y + int(kw)), (40, 40, 42), -1)
                    cv2.putText(
                        img,
                        rng.choice("QWERTYASDF"),
                        (x + 8, y + int(kw) - 10),
                        cv2.FONT_HERSHEY_SIMPLEX,
                        kw / 60,
                        (200, 200, 200),
                        2,
                    )
        elif kind == "mug":
            r = int(rng.uniform(0.06, 0.12) * w)
            cv2.circle(img, (int(cx), int(cy)), r, rng.choice(((200, 60, 50), (240, 240, 240), (40, 90, 160))), -1)
            cv2.circle(img, (int(cx), int(cy)), int(r * 0.8), (60, 35, 25), -1)
        else:
            x2, y2 = cx + rng.uniform(-300, 300), cy + rng.uniform(-300, 300)
            cv2.line(
                img,
                (int(cx), int(cy)),
                (int(x2), int(y2)),
                rng.choice(((20, 40, 150), (20, 20, 20), (200, 30, 30))),
                14,
            )


def _gaussian_spot(h: int, w: int, cx: float, cy: float, sigma: float) -> np.ndarray:
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * sigma**2))


def photograph(
    card: Image.Image, condition: str, rng: random.Random, noise: bool = True, orientation: int | None = None
) -> tuple[Image.Image, int, list[list[float]]]:
    """Turn a rendered card into a scan or photo; returns (stored pixels, EXIF orientation to write, the
    card's corners: its printed top left, top right, bottom right and bottom left, in pixels of the photo
    as an EXIF-aware viewer shows it).

    The stored pixels are already rotated for EXIF orientations 3, 6 and 8, so an EXIF-aware
    viewer shows the card upright (apart from any rotation that is part of the scene itself).
    `orientation` forces the EXIF orientation (and then the scene is never turned); `noise=False`
    leaves out sensor noise, for lossless files that would otherwise be huge.
    """
    nrng = np.random.default_rng(rng.getrandbits(64))
    src: np.ndarray = np.asarray(card.convert("RGB"), np.float32)
    ch, cw = src.shape[:2]
    portrait = ch > cw
    # Paper is never perfectly even.
    src = src * (0.97 + 0.03 * _low_freq(nrng, ch, cw, 5))[..., None]

    if condition == "flat":
        long_side = rng.randint(1600, 2000)
        s = long_side / max(cw, ch)
        margin = rng.randint(6, 30)
        fw, fh = int(cw * s) + 2 * margin, int(ch * s) + 2 * margin
        bed = np.full((fh, fw, 3), rng.uniform(230, 250), np.float32)
        angle = rng.uniform(-1.0, 1.0)
        M = cv2.getRotationMatrix2D((cw / 2, ch / 2), angle, s)
        M[:, 2] += np.array((fw / 2 - cw / 2, fh / 2 - ch / 2))
        warped = cv2.warpAffine(src, M, (fw, fh), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT)
        mask = cv2.warpAffine(np.ones((ch, cw), np.float32), M, (fw, fh), flags=cv2.INTER_LINEAR)
        out: np.ndarray = bed * (1 - mask[..., None]) + warped * mask[..., None]
        if noise:
            out += np.asarray(nrng.normal(0, 1.5, out.shape), np.float32)
        corners = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float64) @ M[:, :2].T + M[:, 2]
        return Image.fromarray(np.clip(out, 0, 255).astype(np.uint8)), 1, _rounded(corners)

    hard = condition == "hard"
    # The frame: a phone photo, landscape for a landscape card (portrait for a portrait one).
    long_side = rng.randint(1600, 2000) if hard else rng.randint(1700, 2400)
    fw, fh = long_side, long_side * 3 // 4
    if portrait:
        fw, fh = fh, fw
    card_w_px = rng.uniform(650, 900) if hard else fw * rng.uniform(0.45, 0.72)
    if portrait:
        card_w_px *= 0.7
    scale = card_w_px / cw
    small = cv2.resize(src, (max(8, int(cw * scale)), max(8, int(ch * scale))), interpolation=cv2.INTER_AREA)
    sh, sw = small.shape[:2]

    near = tuple(int(v) for v in src[5, 5])
    kinds = (
        ["wood", "wood", "fabric", "concrete", "plain", "plain", "similar"]
        if not hard
        else ["wood", "fabric", "concrete"]
    )
    bg = _background(nrng, rng, fh, fw, rng.choice(kinds), near)  # type: ignore[arg-type]
    if hard:
        busy = np.ascontiguousarray(bg, dtype=np.uint8)  # cv2 draws on contiguous 8-bit images only
        _clutter(busy, rng)
        bg = busy.astype(np.float32)

    # Where the corners land: rotate, then tilt (a far edge shorter) and jitter each corner.
    angle = math.radians(rng.uniform(-20, 20) if not hard else rng.uniform(-30, 30))
    tilt = rng.uniform(0.0, 0.18) if not hard else rng.uniform(0.12, 0.28)
    jitter = 0.03 if not hard else 0.07
    rect = np.array([[-sw / 2, -sh / 2], [sw / 2, -sh / 2], [sw / 2, sh / 2], [-sw / 2, sh / 2]], np.float32)
    far = rng.randrange(4)  # which edge leans away from the camera
    for i in range(4):
        on_far = i in (far, (far + 1) % 4)
        if on_far:
            rect[i] *= 1 - tilt
        rect[i] += [rng.uniform(-jitter, jitter) * sw, rng.uniform(-jitter, jitter) * sh]
    rot = np.array([[math.cos(angle), -math.sin(angle)], [math.sin(angle), math.cos(angle)]], np.float32)
    pts = rect @ rot.T
    span = pts.max(axis=0) - pts.min(axis=0)
    pad = 40
    # People aim at the card: its centre lands near the middle of the frame, more so on easy shots.
    spread = 0.15 if not hard else 0.25
    lo_x, hi_x = pad + span[0] / 2, max(pad + span[0] / 2, fw - pad - span[0] / 2)
    lo_y, hi_y = pad + span[1] / 2, max(pad + span[1] / 2, fh - pad - span[1] / 2)
    cx = lo_x + (hi_x - lo_x) * min(1.0, max(0.0, rng.gauss(0.5, spread)))
    cy = lo_y + (hi_y - lo_y) * min(1.0, max(0.0, rng.gauss(0.5, spread)))
    dst = pts - (pts.min(axis=0) + span / 2) + [cx, cy]
    srcq = np.array([[0, 0], [sw, 0], [sw, sh], [0, sh]], np.float32)
    M = cv2.getPerspectiveTransform(srcq, dst.astype(np.float32))
    warped = cv2.warpPerspective(small, M, (fw, fh), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((sh, sw), np.float32), M, (fw, fh), flags=cv2.INTER_LINEAR)

    # A soft drop shadow, then the card.
    off = np.array([[1, 0, rng.uniform(-25, 25)], [0, 1, rng.uniform(5, 30)]], np.float32)
    shadow = cv2.GaussianBlur(cv2.warpAffine(mask, off, (fw, fh)), (0, 0), rng.uniform(8, 25))
    bg *= (1 - shadow * rng.uniform(0.2, 0.45))[..., None]
    out = bg * (1 - mask[..., None]) + warped * mask[..., None]

    # Light: a gradient across the frame, a vignette and a colour cast.
    yy, xx = np.mgrid[0:fh, 0:fw].astype(np.float32)
    a = rng.uniform(0, 2 * math.pi)
    grad = ((xx / fw - 0.5) * math.cos(a) + (yy / fh - 0.5) * math.sin(a)) * rng.uniform(0.1, 0.35 if not hard else 0.5)
    r2 = ((xx / fw - 0.5) ** 2 + (yy / fh - 0.5) ** 2) * 2
    gain = 1.0 + grad - r2 * rng.uniform(0.05, 0.25)
    cast = np.array([rng.uniform(0.95, 1.05), 1.0, rng.uniform(0.92, 1.05)], np.float32)
    out = out * gain[..., None] * cast

    if hard:
        # A hard-edged shadow across the card (a hand or a phone), and a glare spot.
        p0 = dst[rng.randrange(4)]
        n = np.array([math.cos(a + 1.3), math.sin(a + 1.3)], np.float32)
        side = ((xx - p0[0]) * n[0] + (yy - p0[1]) * n[1]) > rng.uniform(-0.3, 0.1) * sw
        hs = cv2.GaussianBlur(side.astype(np.float32), (0, 0), rng.uniform(2, 6))
        out *= (1 - hs * rng.uniform(0.35, 0.55))[..., None]
        gx, gy = dst.mean(axis=0) + nrng.uniform(-0.3, 0.3, 2) * [sw, sh]
        spot = _gaussian_spot(fh, fw, float(gx), float(gy), rng.uniform(0.08, 0.18) * sw)
        # glare veils the print (it keeps 40-65% of its contrast at the centre) but does not erase it:
        # light added on top clipped paper and ink alike to white, leaving nothing a person could read
        veil = (spot * rng.uniform(0.35, 0.6) * mask)[..., None]
        out = out * (1 - veil) + 255 * veil
    elif rng.random() < 0.2:
        gx, gy = dst[rng.randrange(4)] * 0.6 + dst.mean(axis=0) * 0.4
        spot = _gaussian_spot(fh, fw, float(gx), float(gy), rng.uniform(0.1, 0.2) * sw)
        out += (spot * rng.uniform(30, 70) * mask)[..., None]

    sigma = rng.uniform(0.5, 1.2) if not hard else rng.uniform(0.8, 1.3)
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    sd = rng.uniform(2, 4.5) if not hard else rng.uniform(3, 6)
    if noise:
        out += nrng.normal(0, sd, out.shape).astype(np.float32)
    pixels = np.clip(out, 0, 255).astype(np.uint8)

    # The scene itself may be sideways or upside down (the card lay that way on the desk).
    turns = 0
    if orientation is None and rng.random() < (0.45 if hard else 0.12):
        turns = rng.choice((1, 2, 3))
        pixels = np.ascontiguousarray(np.rot90(pixels, turns))
    corners, width, height = dst.astype(np.float64), fw, fh
    for _ in range(turns):  # np.rot90 turns counter-clockwise: (x, y) -> (y, width - x)
        corners = np.stack([corners[:, 1], width - corners[:, 0]], axis=1)
        width, height = height, width
    img = Image.fromarray(pixels)

    # The phone stored its sensor's pixels and an Orientation tag telling the upright.
    if orientation is None:
        orientation = rng.choice((6, 6, 8, 3)) if not turns and not hard and rng.random() < 0.25 else 1
    if orientation != 1:
        img = img.transpose(_STORE_FOR[orientation])
    return img, orientation, _rounded(corners)


def _rounded(corners: np.ndarray) -> list[list[float]]:
    return [[round(float(x), 1), round(float(y), 1)] for x, y in corners]


# How the stored pixels relate to the upright image for each EXIF orientation.
_STORE_FOR = {
    6: Image.Transpose.ROTATE_90,  # viewer rotates 90° clockwise to undo this
    8: Image.Transpose.ROTATE_270,
    3: Image.Transpose.ROTATE_180,
}

# --------------------------------------------------------------------------- files


MAX_BYTES = 400_000  # keeps the committed sample set small


def _encode(img: Image.Image, fmt: str, quality: int, orientation: int) -> bytes:
    buf = io.BytesIO()
    if fmt == "png":
        img.save(buf, format="PNG", optimize=True)
    elif fmt == "heic":
        import pillow_heif

        pillow_heif.register_heif_opener()
        img.save(buf, format="HEIF", quality=max(30, quality - 35))  # HEIF's scale runs lower than JPEG's
    else:
        exif = Image.Exif()
        if orientation != 1:
            exif[0x0112] = orientation
        img.save(buf, format="JPEG", quality=quality, exif=exif.tobytes(), optimize=True)
    return buf.getvalue()


def _save(img: Image.Image, path: Path, quality: int, orientation: int) -> None:
    fmt = path.suffix.lower().lstrip(".")
    data = _encode(img, fmt, quality, orientation)
    # Noise makes some photos heavy: step the quality down, as a phone's size-saving mode would.
    while len(data) > MAX_BYTES and quality > 50 and fmt != "png":
        quality -= 6
        data = _encode(img, fmt, quality, orientation)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_json(obj: object, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


@dataclass(frozen=True)
class Plan:
    """What one card should be; None lets the seed decide."""

    condition: str
    layout: str | None = None
    country: str | None = None
    fmt: str | None = None  # jpg | png | heic
    exif: int | None = None  # force an EXIF orientation (jpg only)


def make_card(card_id: str, out_dir: Path, rng: random.Random, plan: Plan) -> Path:
    """Compose, render, photograph and save one card with its truth JSON beside it."""
    condition = plan.condition
    layout = plan.layout
    if layout is None and condition == "hard" and rng.random() < 0.35:
        layout = "dark"
    spec = compose_card(rng, plan.country, layout)
    card = render_card(spec)
    fmt = plan.fmt or ("png" if rng.random() < 0.05 else "heic" if rng.random() < 0.04 else "jpg")
    # Only the JPEGs carry an EXIF orientation; a PNG is a clean export, so it has no sensor noise.
    forced = plan.exif if fmt == "jpg" else 1
    img, orientation, corners = photograph(card, condition, rng, noise=fmt != "png", orientation=forced)
    quality = {"flat": rng.randint(88, 94), "phone": rng.randint(70, 90), "hard": rng.randint(62, 80)}[condition]
    path = out_dir / f"{card_id}.{fmt}"
    _save(img, path, quality, orientation)
    _write_json(truth_of(spec, path.name, condition, orientation, corners), path.with_suffix(".json"))
    return path


def generate(out_dir: Path, n: int, seed: int, condition: str) -> list[Path]:
    """Write n cards with truth JSON into out_dir; the same seed gives the same bytes."""
    if condition not in (*CONDITIONS, "mixed"):
        raise ValueError(f"Unknown condition {condition!r}; use one of flat, phone, hard, mixed.")
    available_fonts()  # fail before writing anything
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        # Each card has its own stream, so card 7 is the same whether n is 10 or 100.
        rng = random.Random(f"cardscan-synth:{seed}:{i}")
        cond = condition if condition != "mixed" else rng.choices(CONDITIONS, (15, 60, 25))[0]
        paths.append(make_card(f"card_{i + 1:03d}", out_dir, rng, Plan(cond)))
    return paths


#: The committed sample set: every layout, the six main countries, EXIF, HEIC, PNG and hard shots.
SAMPLE_PLAN: tuple[Plan, ...] = (
    Plan("phone", "centered", "US"),
    Plan("phone", "left", "UK", exif=6),
    Plan("phone", "two_column", "DE"),
    Plan("phone", "dark", "FR"),
    Plan("phone", "band_top", "IN"),
    Plan("phone", "band_left", "AU", exif=8),
    Plan("phone", "logo_spaced", "DE"),
    Plan("phone", "portrait", "US"),
    Plan("phone", "two_column", "NL", fmt="heic"),
    Plan("phone", "left", "CA"),
    Plan("phone", "centered", "ES", exif=3),
    Plan("phone", "band_top", "UK"),
    Plan("hard", "dark", "UK"),
    Plan("hard", "two_column", "IN"),
    Plan("hard", "band_left", "AU"),
    Plan("flat", "left", "FR"),
    Plan("flat", "centered", "JP", fmt="png"),
)
SAMPLE_SEED = 20240501


def generate_sample(out_dir: Path, seed: int = SAMPLE_SEED) -> list[Path]:
    """Write the committed sample set (SAMPLE_PLAN) into out_dir."""
    available_fonts()
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, plan in enumerate(SAMPLE_PLAN):
        rng = random.Random(f"cardscan-sample:{seed}:{i}")
        fixed = plan if plan.fmt else Plan(plan.condition, plan.layout, plan.country, "jpg", plan.exif)
        paths.append(make_card(f"card_{i + 1:02d}", out_dir, rng, fixed))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m cardscan.synth", description="Generate synthetic business-card photos with ground truth."
    )
    p.add_argument("out_dir", type=Path)
    p.add_argument("--n", type=int, default=20, help="how many cards (default 20)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--condition", choices=(*CONDITIONS, "mixed"), default="mixed")
    p.add_argument("--sample", action="store_true", help="write the committed sample set instead")
    args = p.parse_args(argv)
    try:
        if args.sample:
            paths = generate_sample(args.out_dir)
        else:
            paths = generate(args.out_dir, args.n, args.seed, args.condition)
    except MissingDependencyError as e:
        print(f"error: {e}", file=sys.stderr)
        return int(e.exit_code)
    print(f"Wrote {len(paths)} cards with truth JSON to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
