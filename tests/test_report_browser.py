"""report.html in a real headless browser (Debian's chromium, which `make test` installs).

Without scripts the page cannot report on itself, so the browser's own outputs are checked:
the DOM it built (--dump-dom) and the pixels it painted (--screenshot). Each thumbnail is a
solid colour, so finding that colour in the screenshot proves the JPEG decoded and the CSP let it in.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageStat
from test_export_all import NOW, SAMPLE, SETTINGS, sample_plan

from cardscan.export import html as html_export
from cardscan.followup import display_name
from cardscan.models import Contact, PersonName, Phone, ScanResult, Status

CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed; `make test` installs it (apt-get install chromium)"
)
WINDOW = (1280, 2000)
# Solid thumbnail colours, far from anything in the page's palette.
COLOURS = ((230, 20, 200), (20, 200, 230), (250, 140, 0))
NO_EMAIL = Contact(
    name=PersonName(full="Théo David", given="Théo", family="David"),
    title="Junior Financial Analyst",
    company="Nexus",
    phones=(Phone("+33322464197", "work", "03.22.46.41.97"),),
)


def render(page: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    args = [
        CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--force-device-scale-factor=1", f"--user-data-dir={out / 'profile'}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
        *extra, page.resolve().as_uri(),
    ]  # fmt: skip
    done = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done


class Dom(HTMLParser):
    """The parts of the browser's DOM a user sees: text per element class, and the images."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: dict[str, list[str]] = {}
        self.imgs: list[dict[str, str | None]] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        a = dict(attrs)
        if tag == "img":
            self.imgs.append(a)
        elif tag not in {"br", "meta"}:
            self.stack.append(" ".join(c for c in (a.get("class") or "").split()))
            for cls in self.stack[-1].split():
                self.text.setdefault(cls, []).append("")

    def handle_endtag(self, tag: str) -> None:
        if tag not in {"img", "br", "meta"} and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for classes in self.stack:
            for cls in classes.split():
                self.text[cls][-1] += data


def thumb(colour: tuple[int, int, int]) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (360, 200), colour).save(buf, "JPEG", quality=95)
    return buf.getvalue()


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Contact], Dom, Image.Image]:
    out = tmp_path_factory.mktemp("report")
    contacts = [replace(c, sources=(f"{i:064x}",)) for i, c in enumerate((*SAMPLE, NO_EMAIL))]
    results = [
        ScanResult(f"cards/{i}.jpg", c.sources[0], Status.OK, contact=c, thumbnail=thumb(colour))
        for i, (c, colour) in enumerate(zip(contacts, COLOURS, strict=False))  # the last card has no picture
    ]
    results.append(ScanResult("cards/blurry.jpg", "f" * 64, Status.FAILED, error="No text was found on the card."))
    plan = sample_plan(tuple(contacts))
    html_export.write(out, contacts, plan, SETTINGS, NOW, results)
    dom = Dom()
    dom.feed(render(out / "report.html", out, "--dump-dom").stdout)
    render(out / "report.html", out, f"--screenshot={out / 'report.png'}")
    return out, contacts, dom, Image.open(out / "report.png").convert("RGB")


def test_every_card_renders_with_its_name_and_picture(rendered: tuple[Path, list[Contact], Dom, Image.Image]) -> None:
    _, contacts, dom, _ = rendered
    cards = dom.text["card"]
    assert len(cards) == len(contacts)
    for card, c in zip(cards, contacts, strict=True):
        assert display_name(c) in card
    # the card without an email says so instead of guessing one
    assert "email" in cards[-1].partition("Not found on the card:")[2] and "@" not in cards[-1]
    assert len(dom.imgs) == len(COLOURS)
    assert all((img.get("src") or "").startswith("data:image/jpeg;base64,") for img in dom.imgs)
    assert "script" not in dom.tags


def test_every_task_is_on_the_timeline(rendered: tuple[Path, list[Contact], Dom, Image.Image]) -> None:
    _, contacts, dom, _ = rendered
    plan = sample_plan(tuple(contacts))
    titles = dom.text["title"]
    assert titles == [t.title for t in plan.tasks]
    assert len(dom.text["day"]) == len({t.due.astimezone(NOW.tzinfo).date() for t in plan.tasks})
    assert dom.text["why"] == ["No text was found on the card."]


def test_the_screenshot_shows_the_pictures_and_the_highlight(
    rendered: tuple[Path, list[Contact], Dom, Image.Image],
) -> None:
    out, _, _, shot = rendered
    assert (out / "report.png").stat().st_size > 10_000
    assert shot.size == WINDOW
    assert max(ImageStat.Stat(shot).stddev) > 20  # not a blank page
    pixels = np.asarray(shot, dtype=np.int16)

    def count(colour: tuple[int, int, int], tolerance: int = 24) -> int:
        return int((np.abs(pixels - np.array(colour)) <= tolerance).all(axis=2).sum())

    # a 360x200 picture drawn 240 pixels wide covers 240x133 pixels, less the border
    for colour in COLOURS:
        assert count(colour) > 0.8 * 238 * 131, f"the thumbnail in colour {colour} did not render"
    assert count((0xFF, 0xF1, 0xBF), tolerance=3) > 500  # the yellow of the field to check


def test_hostile_text_stays_text_in_the_browser(tmp_path: Path) -> None:
    evil = Contact(
        name=PersonName(full="<img src=x onerror=alert(1)><script>document.title='owned'</script>"),
        company='"><style>body{display:none}</style>',
        emails=("eve@example.com",),
    )
    failed = ScanResult("<iframe src=https://example.com>.jpg", "", Status.FAILED, error="<b>bad</b>")
    html_export.write(tmp_path, [evil], sample_plan((evil,)), SETTINGS, NOW, [failed])
    dom = Dom()
    dom.feed(render(tmp_path / "report.html", tmp_path, "--dump-dom").stdout)
    assert not dom.imgs and not {"script", "iframe"} & dom.tags
    assert dom.text["why"] == ["<b>bad</b>"]
    assert evil.name is not None and evil.name.full in dom.text["card"][0]
    assert '"><style>body{display:none}</style>' in dom.text["card"][0]
    assert "<iframe src=https://example.com>.jpg" in dom.text["file"][0]
