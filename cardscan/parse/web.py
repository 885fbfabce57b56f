"""Website and LinkedIn profile: printed URLs, lightly repaired and cross-checked with email domains.

A website is only ever read from the card; an email's domain alone never becomes one,
and no scheme is added when none was printed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import (
    FREEMAIL,
    KNOWN_TLDS,
    TLD_COUNTRY,
    TextLine,
    mend_tld,
    ocr_edits,
    registrable,
    second_level_dotted,
    similarity,
)


@dataclass(frozen=True)
class WebHit:
    value: str
    line: int
    confidence: float


_TLDS = "com|org|net|edu|gov|io|ai|co|de|fr|uk|in|au|jp|ca|nl|es|it|ie|sg|ch|at|be|us|eu|info|biz"
_REPAIRS: tuple[tuple[re.Pattern[str], str], ...] = (
    # "Linked in", "Linkedln", "Iinkedin": the name OCR splits or misreads most often on cards
    (re.compile(r"\b[lI1]{1,2}[i1lI]nked\s?[i1lI]n\b", re.I), "linkedin"),
    # "linkedin.com/n/siobhan-hughes": the i of the profile path's "in" lost
    (re.compile(r"(?<=linkedin\.com/)n/(?=\w)", re.I), "in/"),
    # "www, ", "www. ", and a doubled w ("wwww."); its middle w read as an n or a u ("WNW .Contoso.com")
    (re.compile(r"\b(?:w{3,4}|w[nu]w)\s?[.,;:]\s?(?=\w)", re.I), "www."),
    # "https:/Avww.": the second slash read as a letter, joined to the host
    (re.compile(r"\b(https?):/[/A-Za-z]?(?=[vw]{3}\.)", re.I), r"\1://"),
    # a stray letter among the w's ("wwew.novatek.co", "wwvw.linkedin.com")
    (re.compile(r"\b(?:ww[a-vxyz]w|w[a-vxyz]ww)\.(?=\w)", re.I), "www."),
    # one w of three read as a "v" ("vww.linkedin.com"); "vw." alone is a real host, so three letters only
    (re.compile(r"\b(?:vww|wvw|wwv)\.(?=\w)", re.I), "www."),
    # "contoso. com", "juniper .com.au", "parallax -systems.io": spaces OCR put inside a host name
    (re.compile(rf"(?<=[a-z0-9])\s?\.\s(?=(?:{_TLDS})\b)", re.I), "."),
    (re.compile(rf"(?<=[a-z0-9])\s\.(?=(?:{_TLDS})\b)", re.I), "."),  # "juniper .com.au"
    # "[nnn .contoso.com|": the dot after a www OCR garbled, left before the host
    (re.compile(rf"(?<=\s)\.(?=[a-z0-9][a-z0-9-]*\.(?:{_TLDS})\b)", re.I), ""),
    (re.compile(rf"(?<=[a-z0-9])\s-\s?(?=[a-z0-9-]+\.(?:{_TLDS})\b)", re.I), "-"),
    (re.compile(r"\b(https?)\s?[:;]?\s?/\s?/\s?", re.I), r"\1://"),
    # "https./aimendro.cony": the colon read as a dot and one slash of two lost, before the host
    (re.compile(r"\b(https?)[.,]/(?=[a-z0-9])", re.I), r"\1://"),
    # "http:/ljasonpriem.com", "http:Iijasonpriem.com": the two slashes read as one or two thin strokes (see
    # _SCHEME_SLIP), glued to the host
    (re.compile(r"\b(https?):(?!//)[/\\|lIi1]{1,2}(?=[a-z0-9])", re.I), r"\1://"),
    # "contoso,com"; not "Denver, CO 80275", a city and its state: the ending in small letters only
    (re.compile(r"(?<=[a-z0-9])\s?,\s?(?=(?-i:com|org|net|de|fr|co|io)\b)", re.I), "."),
    # "contoso.co,jp": a country code after a second-level suffix
    (re.compile(r"(\.(?:co|com|ne|or|ac|go)),(?=(?:jp|uk|au|in|nz|za|kr|br|mx|sg)\b)", re.I), r"\1."),
    # "onyx.com au": the country code after a second-level suffix set apart, at the end of the line
    (re.compile(r"(\.(?:co|com|net|org|ne|or|ac|go))\s(?=(?:jp|uk|au|in|nz|za|kr|br|mx|sg)\s*$)", re.I), r"\1."),
    (re.compile(r"\.c[o0]rn\b", re.I), ".com"),
    # "linkedin.com/in/kirra-‘mckenzie": a speck read as a quote mark inside a profile name
    (re.compile(r"(/in/[\w%-]*-)[‘’'`´\"“”]+(?=\w)", re.I), r"\1"),
    # "Wwq..trellis.io": a dot doubled inside a host
    (re.compile(r"(?<=[a-z0-9])\.\.(?=[a-z0-9])", re.I), "."),
    # "Wew welsswald de": a stray letter for the middle w of three, the dot lost, the host's ending set apart
    (re.compile(rf"^\W*w[a-uxyz]w\s(?=[a-z0-9][a-z0-9-]+(?:\s|\.\s?)(?:{_TLDS})\s*$)", re.I), "www "),
    # "wwwlevante es", "www nexagone fr": the dot after "www" lost, with the host's ending set apart at the line's end
    (re.compile(rf"\bwww\s?(?=[a-z0-9][a-z0-9-]+(?:\s|\.\s?)(?:{_TLDS})\s*$)", re.I), "www."),
    # "www.everg reen.io": a space OCR put inside the name of a www host (its first piece has no ending)
    (re.compile(rf"\b(www\.[a-z0-9-]+)\s(?=[a-z0-9-]+\.(?:{_TLDS})\b)", re.I), r"\1"),
    # "www.onyx-security de": a www host's ending set apart by a space at the end of the line
    (re.compile(rf"\b(www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*)\s(?=(?:{_TLDS})\s*$)", re.I), r"\1."),
)
#: a scheme whose slashes were read as strokes ("http:/l", "http:I"): which of the strokes were slashes and which a
#: letter of the host the print cannot tell ("http:/lego.com" may be lego.com with a slash lost), so such a
#: website goes to review
_SCHEME_SLIP = re.compile(r"\bhttps?:(?!//)[/\\|lIi1]{1,2}[a-z0-9]", re.I)
#: the confidence of a website whose host was cut from such strokes
SCHEME_SLIP_CONF = 0.55
#: ...and of one whose ending was mended from a look-alike (`text.TLD_SLIPS`): in review even after `cross_check` adds
#: 0.1 for an email domain it matches, which the same slip was mended in
TLD_SLIP_CONF = 0.45
_LABEL = re.compile(r"^\s*(?:w|web|website|site|url|internet)\s*[:.]\s*", re.I)
#: a web label, or one read a letter off ("Wed:"), before a host and its ending with the dot read as a space
_LABELLED_UNDOTTED = re.compile(
    rf"^\W*(?:w|we[a-z]|website|site|url)\s*[:.|]\s*([a-z0-9][a-z0-9-]{{2,}})\s((?:{_TLDS}))\W*$", re.I
)
#: the confidence of such a website: the dot put back is the likelier reading, for the user to check
UNDOTTED_LABELLED_CONF = 0.5
_URL = re.compile(
    r"(?<![\w@.-])(?P<scheme>https?://)?(?P<host>(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})"
    r"(?P<path>/[^\s|,;\"'<>]*)?",
    re.I,
)
_SOCIAL = frozenset(
    [
        "twitter.com",
        "x.com",
        "facebook.com",
        "fb.com",
        "instagram.com",
        "github.com",
        "youtube.com",
        "xing.com",
        "tiktok.com",
    ]
)
_LINKEDIN_URL = re.compile(r"(?:https?://)?(?:[a-z]{2,3}\.)?linkedin\.com/(?:in|pub|company)/[\w%-]+/?", re.I)
_LINKEDIN_LABELLED = re.compile(r"^\s*(?:linked\s?in|in)\b\s*[:|]?\s*/?in/(?P<slug>[\w-]{3,})", re.I)
#: a profile path after a misread LinkedIn domain
_PROFILE_PATH = re.compile(r"(?<![\w.])in/(?P<slug>[^\W_][\w-]{2,})", re.I)
#: a line labelled as an email's
_EMAIL_LABEL = re.compile(r"^\W*(?:e|e-?mail|mail|courriel)\s*[:.|]", re.I)
#: a profile path after ".com", the LinkedIn name before it misread past knowing ("www. liokodin com/in/sarah-schmidt")
_COM_IN_PATH = re.compile(r"(?<![\w-])c[o0]m/in/(?P<slug>[^\W_][\w-]{2,})", re.I)
#: ".com/in/" read as one word with the profile path glued on ("linkedin.convin/sanne-vos970", "linkedin.convir/kreyes")
_GLUED_PATH = re.compile(r"linkedin\.c[a-z]{1,3}[il1][nr]/(?P<slug>[^\W_][\w-]{2,})", re.I)
_TRAILING = ".,;:|})]>'\"-"
#: one to three letters or digits right after a URL, then nothing: a piece of it OCR split off
#: the profile name going on after a space ("…/in/karl-heinz -vogel328")
_SLUG_GOES_ON = re.compile(r"^\s[-_]\w")
_SPLIT_TAIL = re.compile(r"^\s?[a-z0-9]{1,3}\s*$", re.I)
#: the rest of a profile name after a dash and a space, ending the line ("…/in/paul- zimmermann")
_AFTER_DASH = re.compile(r"\s([a-z][a-z0-9-]{2,})\s*$", re.I)


def _dash_joined(m: re.Match[str], fixed: str, group: int | str = 0) -> tuple[str, bool]:
    """`m`'s text (or its `group`) with the rest of a profile name OCR set apart after a dash ("…/in/paul- zimmermann":
    a space read inside the name, which holds none) joined back, and whether it was."""
    text = m.group(group)
    rest = _AFTER_DASH.fullmatch(fixed, m.end(group)) if text.endswith("-") else None
    return (text + rest[1], True) if rest else (text, False)


#: a bar or "!" alone after a profile name ending in digits: its last digit, a 1, read apart ("…/vandermeer98 |")
_BAR_TAIL = re.compile(r"^\s?[|!]\s*$")
SPLIT_TAIL_FACTOR = 0.6


#: where an email whose domain has no dot was masked: the words after it are the rest of its domain
_CUT_EMAIL = "\x00"


#: nothing but letters between such an email and a host: the host is the end of the email's domain
#: ("n.rousseau@br ight Line. io")
_AFTER_CUT_EMAIL = re.compile(rf"{_CUT_EMAIL}[^\W\d_]*(?:\s+[^\W\d_]+)*\s*$")


def _mask_emails(text: str) -> str:
    def mask(m: re.Match[str]) -> str:
        return " " if "." in m.group(0).partition("@")[2] else f" {_CUT_EMAIL} "

    return re.sub(r"\S*\s?@\s?\S*", mask, text)


#: "www.kinetic-mobility i0": a www host whose ending OCR set apart and read with a zero for an "o"
_ZERO_TLD = re.compile(r"\b(www\.[a-z0-9-]+)(?:\s?[.,]\s?|\s)([a-z0]*0[a-z0]*)\b", re.I)


def _zero_tld(m: re.Match[str]) -> str:
    tld = m.group(2).replace("0", "o")
    return f"{m.group(1)}.{tld}" if tld.lower() in KNOWN_TLDS else m.group(0)


def _repair(text: str) -> str:
    out = _LABEL.sub("", _mask_emails(text))
    for pattern, repl in _REPAIRS:
        out = pattern.sub(repl, out)
    return _ZERO_TLD.sub(_zero_tld, out)


def _cut_short(url: str, rest: str) -> bool:
    """A profile name ending in a dash, or glued to a mark no URL holds ("…/in/kirra-»mckenzie"): cut short."""
    return url.endswith("-") or (bool(rest[:1]) and not rest[:1].isspace() and rest[:1] not in _TRAILING)


def find_linkedin(lines: list[TextLine]) -> WebHit | None:
    for line in lines:
        fixed = _repair(line.text)
        m = _LINKEDIN_URL.search(fixed)
        if m:
            url, joined = _dash_joined(m, fixed)
            # "ww.linkedin.com/in/…": a "www." that lost a w (or gained one) is no country's subdomain
            value = re.sub(r"^(https?://)?w{2,4}\.", r"\1www.", url.rstrip(_TRAILING), flags=re.I)
            conf = line.conf * (1.0 if value in line.text else 0.85)
            rest = "" if joined else fixed[m.end() :]
            bar_one = value[-1:].isdigit() and _BAR_TAIL.match(rest) is not None
            if _SPLIT_TAIL.match(rest) or _SLUG_GOES_ON.match(rest) or _cut_short(url, rest) or bar_one:
                # "…/rajesh-green18 1", "…/karl-heinz -voge t328": OCR cut the profile name, the rest is apart
                conf *= SPLIT_TAIL_FACTOR
            return WebHit(value, line.index, round(conf, 3))
        m = _LINKEDIN_LABELLED.search(fixed)
        if m:
            # printed as "in/slug" next to a LinkedIn label or icon: the profile path is printed
            return WebHit(f"linkedin.com/in/{_dash_joined(m, fixed, 'slug')[0]}", line.index, round(line.conf * 0.8, 3))
        m = _PROFILE_PATH.search(fixed)
        if not (m and mentions_linkedin(fixed[: m.start()])):
            m = _GLUED_PATH.search(fixed)
        if m:
            # "linkedin. conv in/mei-ling-campbell": the domain misread, the profile path intact
            return WebHit(f"linkedin.com/in/{_dash_joined(m, fixed, 'slug')[0]}", line.index, round(line.conf * 0.7, 3))
        m = _COM_IN_PATH.search(fixed)
        if m:
            # "www. liokodin com/in/sarah-schmidt": only the path says LinkedIn, so it goes to review
            slug = _dash_joined(m, fixed, "slug")[0]
            return WebHit(f"linkedin.com/in/{slug}", line.index, round(min(line.conf * 0.7, 0.55), 3))
    return None


#: a line ending where an email's "@" was (read as "?", "©", "®" or "&"): the next line holds its domain
_EMAIL_HEAD = re.compile(r"[\w.-]\s?[@?©®&]$")


def _email_tail(line: TextLine, previous: TextLine | None) -> bool:
    """True when a line opening on a bare domain continues an email wrapped from the line above.

    "darcy.king@" / "monarch.com": the domain is the address's, not a printed website.
    """
    return previous is not None and bool(_EMAIL_HEAD.search(previous.text.strip()))


def mentions_linkedin(text: str) -> bool:
    """The text names LinkedIn, spelled right or one OCR slip off ("linkodin", "Iinkedln", "linked in"), its "www."
    before it read as part of the word or not ("wwwlinkedin")."""
    words = [w.removeprefix("www") for w in re.findall(r"[^\W\d_]+", text.lower().replace("linked in", "linkedin"))]
    return any(len(w) >= 7 and similarity(w, "linkedin") >= 0.85 for w in words)


def find_websites(lines: list[TextLine]) -> list[WebHit]:
    """Printed website URLs, best-looking first (a scheme or www. before a bare domain)."""
    hits: list[tuple[int, WebHit]] = []
    by_index = {ln.index: ln for ln in lines}
    for line in lines:
        fixed = _repair(line.text)
        if mentions_linkedin(fixed) or _COM_IN_PATH.search(fixed):
            continue  # a profile, however misread, is no website
        wrapped = _email_tail(line, by_index.get(line.index - 1))
        for m in _URL.finditer(fixed):
            host = m.group("host")
            tld = host.rsplit(".", 1)[-1].lower()
            speck = len(tld) == 4 and tld[:3] in {"com", "org", "net"}  # "meridian.comy": a speck read as a letter
            if speck:
                host, tld = host[:-1], tld[:3]
            strong = bool(m.group("scheme")) or host.lower().startswith("www.")
            # (an ending a look-alike off a known one counts: "Web: tessellate.tr" is mended to ".fr" below)
            known = tld in KNOWN_TLDS or mend_tld(host).rsplit(".", 1)[-1].lower() in KNOWN_TLDS
            if not strong and (not known or (wrapped and not fixed[: m.start()].strip())):
                continue
            if not strong and _EMAIL_LABEL.match(line.text):
                continue  # "E: poojacG larkspur.com": an email whose "@" did not read, no website
            if not strong and _AFTER_CUT_EMAIL.search(fixed[: m.start()]):
                continue  # "karim.laurent@bright line. fr": the end of an email's domain split by a space, no website
            if host.lower().removeprefix("www.") in _SOCIAL | FREEMAIL or only_suffix(host):
                continue  # (a mail provider's domain is an email's whose "@" did not read: "king? gmail.com")
            value = m.group(0).rstrip(_TRAILING)
            slip = mend_tld(host) != host  # "redwood-data.jo": the likelier ending, in review
            if speck or slip:
                value = value.replace(m.group("host"), mend_tld(host), 1)
                host = mend_tld(host)
            dotted = _dotted_www(host, line, lines)
            if dotted != host:  # "www.vireoio" under "Vireo Capital": the ending's dot lost
                value, host, tld, slip = value.replace(host, dotted, 1), dotted, dotted.rsplit(".", 1)[-1], True
            # "orbitalco.uk" beside "Orbital Recruitment": the dot before its second level lost
            dotted = second_level_dotted(host, [ln.text for ln in lines if ln is not line])
            value, host = value.replace(host, dotted, 1), dotted
            # the host is case-insensitive; lower it so "wwW.Contoso.COM" reads well
            value = value.replace(host, host.lower(), 1)
            conf = line.conf * (1.0 if value in line.text else 0.9) * (1.0 if strong else 0.9)
            if m.group("scheme") and _SCHEME_SLIP.search(line.text):
                conf = min(conf, SCHEME_SLIP_CONF)
            if slip:
                conf = min(conf, TLD_SLIP_CONF)
            if tld not in KNOWN_TLDS and not (len(tld) == 2 and tld.isalpha()):
                conf = min(conf, 0.5)  # "www.orbital" with its ".co.uk" lost: no website ends like that
            hits.append((0 if strong else 1, WebHit(value, line.index, round(conf, 3))))
        undotted = _LABELLED_UNDOTTED.match(line.text)
        if undotted and not _URL.search(fixed):
            # "W: inkwell com", "Wed: ondine fr": the host's dot read as a space after a web label; put back, in review
            value = f"{undotted[1]}.{undotted[2]}".lower()
            hits.append((1, WebHit(value, line.index, round(min(line.conf * 0.9, UNDOTTED_LABELLED_CONF), 3))))
    hits.sort(key=lambda h: h[0])
    return [h for _, h in hits]


def _dotted_www(host: str, line: TextLine, lines: list[TextLine]) -> str:
    """ "www.vireoio" -> "www.vireo.io": a www host whose last dot OCR lost, leaving no known ending, when another
    line of the card spells the name before the ending ("Vireo Capital"); any other host is returned as it is."""
    head, _, last = host.lower().rpartition(".")
    if head != "www" or last in KNOWN_TLDS:
        return host
    for tld in sorted(KNOWN_TLDS, key=len, reverse=True):
        name = last.removesuffix(tld)
        if name != last and len(name) >= 4 and any(name in _letters(ln.text) for ln in lines if ln is not line):
            return f"www.{name}.{tld}"
    return host


def _letters(text: str) -> str:
    return "".join(c for c in text.lower() if c.isalnum() or c == "-")


#: endings a host may have after the organisation's name ("co" of "contoso.co.uk")
_SUFFIX_LABELS = KNOWN_TLDS | set(TLD_COUNTRY) | {"co", "com", "ac", "org", "net", "gov", "edu", "ne", "or", "go"}


def only_suffix(host: str) -> bool:
    """ "co.uk": the ending of a host whose name did not read, no website."""
    return all(label in _SUFFIX_LABELS for label in host.lower().removeprefix("www.").split("."))


def host_of(url: str) -> str:
    m = _URL.search(url)
    return m.group("host").lower() if m else ""


#: "www" with one of its letters misread ("wwq", "vww", "wew"): three or four letters, two of them w; or lost ("ww")
_WWW_MISREAD = re.compile(r"(?=(?:[^w]*w){2})[a-z]{3,4}|ww", re.I)


#: the confidence of a website mended to one of several email domains it is a slip off: in review
AMBIGUOUS_MEND = 0.55


def cross_check(site: WebHit, email_domains: list[str]) -> WebHit:
    """Compare the website with the email domains: agreement raises confidence; a near miss is repaired.

    A near miss ("contoso.corn.", "cont0so.com") is an OCR slip when the email domain is clear;
    an unrelated domain (a personal site next to a university address) is kept, slightly lowered.
    """
    if not email_domains:
        return site
    host = host_of(site.value)
    head, _, rest = host.partition(".")
    if rest in {d.lower() for d in email_domains} and _WWW_MISREAD.fullmatch(head):
        # "wwq.trellis.io" beside msimon@trellis.io: the www misread, the rest spelled as the email's domain
        site = WebHit(re.sub(re.escape(head), "www", site.value, count=1, flags=re.I), site.line, site.confidence)
        host = f"www.{rest}"
    bare = host.removeprefix("www.")
    best = max(email_domains, key=lambda d: similarity(bare, d.lower()))
    best_l = best.lower()
    if bare == best_l or bare.endswith("." + best_l) or best_l.endswith("." + bare):
        return WebHit(site.value, site.line, round(min(1.0, site.confidence + 0.1), 3))
    if best_l.startswith(bare) and len(best_l) - len(bare) <= 2:
        # "www.veryfi.co" beside dmitry@veryfi.com: the host's last letter lost at the print's edge (or the site's
        # own ending: in review either way)
        return WebHit(site.value.replace(bare, best_l, 1), site.line, round(min(site.confidence, CUT_HOST_CONF), 3))
    if "." in bare and registrable(bare) and registrable(bare) == registrable(best_l):
        return WebHit(site.value, site.line, round(min(1.0, site.confidence + 0.05), 3))
    if similarity(bare, best_l) >= 0.8 or best_l.startswith(bare + "."):
        # a near miss, or the front of the email's domain with its ending lost ("www.orbital" ~ orbital.co.uk)
        fixed = site.value.replace(bare, best_l, 1)
        # emails whose domains are each a slip off the site ("spalrow.jp" beside "@sparrow.jp" and "@spatrow.jp"):
        # which one the site is, the emails cannot say
        near = {d.lower() for d in email_domains if similarity(bare, d.lower()) >= 0.8}
        return WebHit(fixed, site.line, round(min(site.confidence, 0.7 if len(near) <= 1 else AMBIGUOUS_MEND), 3))
    if _tail_of(bare, best_l):
        return WebHit(site.value, site.line, round(min(site.confidence, CUT_HOST_CONF), 3))
    return WebHit(site.value, site.line, round(site.confidence * 0.85, 3))


#: the confidence of a website whose host is the end of the email's domain ("ine-talent.com" beside
#: @silverlinetalent.com): its start was cut off, or the email's is misread
CUT_HOST_CONF = 0.5


def _tail_of(host: str, domain: str) -> bool:
    """`host`'s name, letters only, is the end of `domain`'s, with the same ending, a good part of it missing."""
    a, b = registrable(host), registrable(domain)
    if not a or not b or host.rsplit(".", 1)[-1] != domain.rsplit(".", 1)[-1]:
        return False
    a, b = re.sub(r"[^a-z0-9]", "", a), re.sub(r"[^a-z0-9]", "", b)
    return len(a) >= 3 and len(b) - len(a) >= 3 and b.endswith(a)


#: what may stand before a web address whose dots were lost: a label, a scheme or a stub of "www" read garbled
#: ("yw", "hrww", "vaww", "hittps"); a word ("Careers bluepeak com": an email whose "@" was lost) may not
_BEFORE_UNDOTTED = re.compile(r"(?:w|web|website|site|url|internet|h[a-z]{1,3}ps?|[a-z]{0,2}w[a-z]{0,2})", re.I)
#: the confidence of such an address: the email spells it, but a stub read garbled may have been a word;
#: behind a label, "www" or nothing, as sure as its line up to this (`cross_check` adds its agreement with the email)
UNDOTTED_CONF = 0.7
UNDOTTED_STUB_CONF = 0.45


def undotted_site(lines: list[TextLine], domains: list[str]) -> WebHit | None:
    """A web address whose dots OCR lost or read as spaces, at the end of a line, which an organisation's email
    domain spells ("sternwarteio", "yw tidewater de", "hittps /hrww mosaic-securitycom" beside @sternwarte.io,
    @tidewater.de, @mosaic-security.com): the email's domain, as find_websites found no address with its dots."""
    for ln in lines:
        if "@" in ln.text:
            continue
        for domain in domains:
            labels = domain.lower().split(".")
            if len(labels) < 2 or len(labels[0]) < 4:
                continue
            m = re.search(r"(?:^|[\s/:.,])" + r"[\s.,]{0,2}".join(map(re.escape, labels)) + r"[\s./]*$", ln.text, re.I)
            if m is None:
                continue
            head = [t for t in re.split(r"[\s/:.,]+", ln.text[: m.start()]) if t]
            if not all(_BEFORE_UNDOTTED.fullmatch(t) for t in head):
                continue
            tail = m.group().strip(" \t/:.,")
            if ".".join(labels) in tail.lower():
                continue  # read with its dots: find_websites' to take or leave ("monarch.com" an email's lost end)
            if not head and " " in tail and not tail.islower():
                continue  # "Keystone Co" beside @keystone.co: a company and its legal form, not its web address
            plain = all(t.lower() in _PLAIN_HEADS for t in head)
            conf = min(ln.conf, UNDOTTED_CONF) if plain else min(ln.conf, UNDOTTED_STUB_CONF)
            return WebHit(domain.lower(), ln.index, round(conf, 3))
    return _slipped_site(lines, domains)


_PLAIN_HEADS = frozenset({"w", "web", "website", "site", "url", "internet", "www"})
#: a web address whose dots were lost and a letter misread as its look-alike ("www pinnacle health jo" beside
#: @pinnacle-health.io) is the email's domain when its letters are at most this many look-alike swaps off them
SLIPPED_SWAPS = 1


#: two or three w's, a letter after them at most, starting a word
_GLUED_STUB = re.compile(r"w{2,3}[a-z]?")


def _slipped_site(lines: list[TextLine], domains: list[str]) -> WebHit | None:
    """`undotted_site` for an address with a look-alike slip too: the line's letters after a www stub or label are the
    domain's with at most SLIPPED_SWAPS look-alike swaps, and nearer the whole domain than its name without its
    ending (a company line "Pinnacle Health" spells the name only). In review unless behind a plain "www" or label."""
    for ln in lines:
        if "@" in ln.text:
            continue
        tokens = [t for t in re.split(r"[\s/:.,]+", ln.text) if t]
        k = 0
        while k < len(tokens) - 1 and _BEFORE_UNDOTTED.fullmatch(tokens[k]):
            k += 1
        head, tail = tokens[:k], " ".join(tokens[k:])
        if not head and " " in tail and not tail.islower():
            continue  # "Pinnacle Health Jo": words of a company, not a web address
        written = re.sub(r"[^a-z0-9]", "", tail.lower())
        readings = [(head, written)]
        # "wwaveryficom": a www stub glued to the name, its last w misread (the second reading, after the whole)
        if not head and (glued := _GLUED_STUB.match(written)):
            readings.append(([glued[0]], written[glued.end() :]))
        for domain in domains:
            labels = domain.lower().split(".")
            if len(labels) < 2 or len(labels[0]) < 4 or domain.lower() in ln.text.lower():
                continue  # (read with its dots: find_websites' to take or leave, as in `undotted_site`)
            for stub, letters in readings:
                whole = _swaps("".join(labels), letters)
                if whole is None or whole > SLIPPED_SWAPS:
                    continue
                # the name without its ending, or without a second level's too ("emberly" of emberly.com.au)
                names = ["".join(labels[:-n]) for n in (1, 2) if len(labels) > n]
                if any(n is not None and n <= whole for n in (_swaps(name, letters) for name in names)):
                    continue
                plain = bool(stub) and all(t.lower() in _PLAIN_HEADS for t in stub)
                conf = min(ln.conf, UNDOTTED_CONF) if plain else min(ln.conf, UNDOTTED_STUB_CONF)
                return WebHit(domain.lower(), ln.index, round(conf, 3))
    return None


def _swaps(printed: str, written: str) -> int | None:
    """How many look-alike swaps read `printed` as `written`; None when any other change is needed too."""
    edits = ocr_edits(printed, written)
    return len(edits) if all(e.plausible for e in edits) else None
