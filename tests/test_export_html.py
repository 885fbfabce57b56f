"""report.html: everything escaped, no scripts, no remote loads, review fields highlighted."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from test_export_all import NOW, RESULTS, SAMPLE, SETTINGS, sample_plan

from cardscan.export import html as html_export
from cardscan.models import Contact, PersonName, ScanResult, Status

ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "table", "tr", "th", "td", "br"}


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> Collect:
    p = Collect()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def test_report_lists_contacts_failures_and_the_schedule(tmp_path: Path) -> None:
    plan = sample_plan()
    html_export.write(tmp_path, SAMPLE, plan, SETTINGS, NOW, RESULTS)
    page = parse(tmp_path / "report.html")
    text = "".join(page.text)
    assert "Dr. Anna-Lena van der Berg PhD" in text and "Müller & Söhne GmbH" in text
    assert "cards/blurry.jpg" in text and "No text was found on the card." in text
    assert sum(1 for tag, _ in page.tags if tag == "tr") == 1 + len(SAMPLE) + 2 + 1 + len(plan.tasks)
    review_cells = [a for tag, a in page.tags if tag == "td" and a.get("class") == "review"]
    assert len(review_cells) == sum(len(c.review) for c in SAMPLE) == 1
    csp = [a for tag, a in page.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and csp[0]["content"] == "default-src 'none'; style-src 'unsafe-inline'"


def test_markup_in_ocr_text_stays_text(tmp_path: Path) -> None:
    evil = Contact(
        name=PersonName(full="<script>alert(1)</script>"),
        company='"><img src=x onerror=alert(1)>',
        title="<a href='javascript:alert(1)'>x</a>",
        review=("company",),
    )
    failed = ScanResult("<iframe src=//evil>.jpg", "", Status.FAILED, error="<b>bad</b>")
    html_export.write(tmp_path, [evil], None, SETTINGS, NOW, [failed])
    page = parse(tmp_path / "report.html")
    assert {tag for tag, _ in page.tags} <= ALLOWED_TAGS
    assert not [a for _, attrs in page.tags for a in attrs if a in {"src", "href", "onerror"}]
    text = "".join(page.text)
    for value in ("<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<iframe src=//evil>.jpg"):
        assert value in text
