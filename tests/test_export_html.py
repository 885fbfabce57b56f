"""report.html: everything escaped, no scripts, no remote loads, pictures as data: URIs, review fields highlighted."""

from __future__ import annotations

import base64
import io
import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from PIL import Image
from test_export_all import NOW, RESULTS, SAMPLE, SETTINGS, sample_plan

from cardscan.export import html as html_export
from cardscan.followup import short_when
from cardscan.models import Contact, PersonName, ScanResult, Status

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "main", "section", "article", "figure",
                "figcaption", "div", "h1", "h2", "h3", "p", "ul", "ol", "li", "dl", "dt", "dd", "span", "small",
                "b", "a", "br", "img", "time"}  # fmt: skip
DATA_JPEG = re.compile(r"data:image/jpeg;base64,[A-Za-z0-9+/]+=*")


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, cls: str | None = None) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and (cls is None or cls in (a.get("class") or "").split())]


def parse(path: Path) -> Collect:
    p = Collect()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def jpeg(colour: tuple[int, int, int], size: tuple[int, int] = (360, 200)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, colour).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def test_report_shows_each_card_its_failures_and_the_timeline(tmp_path: Path) -> None:
    plan = sample_plan()
    html_export.write(tmp_path, SAMPLE, plan, SETTINGS, NOW, RESULTS)
    page = parse(tmp_path / "report.html")
    text = "".join(page.text)
    assert len(page.having("article", "card")) == len(SAMPLE)
    assert "Dr. Anna-Lena van der Berg PhD" in text and "Müller & Söhne GmbH" in text
    assert "cards/blurry.jpg" in text and "No text was found on the card." in text
    assert "Interview follow-up: Data Engineer" in text
    # one timeline entry per task, each at its time in the user's zone
    tasks = page.having("li", "task")
    assert len(tasks) == len(plan.tasks)
    times = [a["datetime"] for a in page.having("time", "at")]
    assert times == [t.due.isoformat() for t in plan.tasks]
    for t in plan.tasks:
        assert t.title in text
    days = [a["datetime"] for a in page.having("time") if a.get("class") is None]
    assert days == sorted({t.due.astimezone(NOW.tzinfo).date().isoformat() for t in plan.tasks})
    # the call to Avery is at 10:00 London time, which the page spells out beside the Berlin time
    call = next(t for t in plan.tasks if t.kind == "follow-up-call" and "Avery" in t.title)
    assert f"{call.due:%H:%M} their time (Europe/London)" in text and short_when(call.due).startswith("Mon")
    # Anna's title is doubtful: highlighted, labelled, with its confidence
    review = page.having("dd", "review")
    assert len(review) == sum(len(c.review) for c in SAMPLE) == 1
    assert review[0]["title"] == "read with 41% confidence"
    assert "Not found on the card: department, website, linkedin, address." in text  # Avery's card
    csp = page.having("meta")
    policy = next(a["content"] for a in csp if a.get("http-equiv") == "Content-Security-Policy")
    assert policy is not None and "default-src 'none'" in policy and "img-src data:;" in policy
    assert "script-src" not in policy  # default-src 'none' already forbids scripts


def test_thumbnails_are_embedded_jpegs_and_anything_else_is_left_out(tmp_path: Path) -> None:
    anna, avery = (replace(c, sources=(h,)) for c, h in zip(SAMPLE, ("a" * 64, "b" * 64), strict=False))
    results = [
        ScanResult("cards/anna.jpg", "a" * 64, Status.OK, contact=anna, thumbnail=jpeg((200, 30, 30))),
        ScanResult("cards/avery.jpg", "b" * 64, Status.OK, contact=avery, thumbnail=b"<svg onload=alert(1)>"),
    ]
    html_export.write(tmp_path, [anna, avery], None, SETTINGS, NOW, results)
    page = parse(tmp_path / "report.html")
    (img,) = page.having("img")
    assert img["src"] is not None and DATA_JPEG.fullmatch(img["src"])
    assert base64.b64decode(img["src"].partition(",")[2]) == results[0].thumbnail
    assert (img["width"], img["height"]) == ("360", "200")
    assert img["alt"] == "The card of Dr. Anna-Lena van der Berg PhD"
    assert "No picture of this card" in "".join(page.text)  # Avery's bytes are not a JPEG
    assert "cards/anna.jpg" in "".join(page.text)


def test_markup_in_ocr_text_stays_text(tmp_path: Path) -> None:
    evil = Contact(
        name=PersonName(full="<script>alert(1)</script>"),
        company='"><img src=x onerror=alert(1)>',
        title="<a href='javascript:alert(1)'>x</a>",
        emails=('x"@example.com',),
        review=("company",),
    )
    failed = ScanResult("<iframe src=//evil>.jpg", "", Status.FAILED, error="<b>bad</b>")
    html_export.write(tmp_path, [evil], sample_plan((evil,)), SETTINGS, NOW, [failed])
    page = parse(tmp_path / "report.html")
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not page.having("img")  # no thumbnail was given, and OCR text made none
    for _, attrs in page.tags:
        assert not [a for a in attrs if a.startswith("on") or a in {"src", "style"}]
        href = attrs.get("href")
        assert href is None or re.fullmatch(r"(mailto|tel):[A-Za-z0-9%@+._-]+", href), href
    text = "".join(page.text)
    for value in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<iframe src=//evil>.jpg"):
        assert value in text


def test_timeline_starts_a_new_day_heading_per_local_day(tmp_path: Path) -> None:
    html_export.write(tmp_path, SAMPLE, sample_plan(), SETTINGS, NOW, RESULTS)
    text = "".join(parse(tmp_path / "report.html").text).partition("Follow-up timeline")[2]
    for heading in ("Monday 2 March 2026", "Tuesday 3 March 2026", "Monday 9 March 2026"):
        assert text.count(heading) == 1
    assert text.index("Monday 2 March 2026") < text.index("Tuesday 3 March 2026") < text.index("Monday 9 March 2026")
