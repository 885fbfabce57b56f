"""The bad-input corpus: hostile, broken and odd files, each with the outcome a user should see.

`make_corpus(root)` writes everything under `root` (the inbox is root/inbox, the symlink's
target lives in root/outside) and returns one Case per input. It only writes files; it never
scans them. Used by the tests and by `python -m cardscan.robustness`.
"""

from __future__ import annotations

import os
import shutil
import stat
import struct
import zlib
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFont

#: Outcomes a case can expect from `cardscan scan`.
OK = "ok"  # a card: must be exported
FAILED = "failed"  # must be a `failed` record with one clear sentence
EITHER = "either"  # a legitimate image: ok, or failed with a sentence; never a crash
NO_RECORD = "none"  # not an input at all (a folder is walked, not scanned)

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
SAMPLES = Path(__file__).resolve().parents[1] / "sample_cards"

#: A card whose text tries formulas, markup and paths; the parsers keep some of it (the
#: company and title start with = and -), so the exporters must neutralise it.
HOSTILE_CARD = (
    "Hanna Berg",
    "-Head of Sales",
    "=SUM(A1) Widgets GmbH",
    "<script>alert(1)</script>",
    "../../etc",
    "hanna.berg@acmewidgets.com",
    "Tel +1 415 555 0133",
)


@dataclass(frozen=True)
class Case:
    name: str  # short id, also the table row
    path: Path  # where the input is (for the missing file: where it was)
    expect: str  # OK, FAILED, EITHER or NO_RECORD
    #: words of which at least one must appear in the failure sentence (lower case)
    mention: tuple[str, ...] = ()
    #: pass this path on the command line: a folder walk would not find it
    explicit: bool = False
    note: str = ""


def _font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    path = FONT_DIR / ("DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf")
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        return ImageFont.load_default(size=size)


def render_card(lines: list[str], size: tuple[int, int] = (1400, 900)) -> Image.Image:
    """A flat white card on a grey desk, first line large and bold, the rest below it."""
    img = Image.new("RGB", size, (110, 110, 115))
    draw = ImageDraw.Draw(img)
    w, h = size
    left, top = w // 8, h // 7
    draw.rectangle((left, top, w - left, h - top), fill=(252, 252, 250))
    y = top + 50
    for i, text in enumerate(lines):
        font = _font(54 if i == 0 else 34, bold=i == 0)
        draw.text((left + 60, y), text, fill=(20, 20, 25), font=font)
        y += 80 if i == 0 else 52
    return img


def card_lines(given: str, family: str, company: str, n: int) -> list[str]:
    """A plausible card; `n` makes the phone and bytes unique so no two cards are duplicates."""
    return [
        f"{given} {family}",
        "Senior Data Engineer",
        company,
        f"{given.lower()}.{family.lower()}@{company.split()[0].lower()}.com",
        f"Tel +1 415 555 01{n:02d}",
    ]


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _gray_png(width: int, height: int, rows: int | None = None) -> bytes:
    """An 8-bit grey PNG written by hand, so a huge one costs no memory; `rows` truncates the data."""
    comp = zlib.compressobj(9)
    row = bytes(width + 1)  # filter byte + black pixels: compresses to almost nothing
    parts = [comp.compress(row) for _ in range(height if rows is None else rows)]
    parts.append(comp.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", b"".join(parts))
        + _png_chunk(b"IEND", b"")
    )


def _bad_crc_png(img: Image.Image, path: Path) -> None:
    img.save(path, "PNG")
    data = bytearray(path.read_bytes())
    idat = data.index(b"IDAT")
    (length,) = struct.unpack(">I", data[idat - 4 : idat])
    # Flip bytes in the middle of the compressed pixels: the CRC no longer matches, the stream breaks.
    for k in range(length // 2, length // 2 + 16):
        data[idat + 4 + k] ^= 0xFF
    path.write_bytes(bytes(data))


def _landscape() -> Image.Image:
    """A 'photo' with no text: sky, sun, hills."""
    img = Image.new("RGB", (1200, 800), (120, 170, 230))
    draw = ImageDraw.Draw(img)
    for y in range(800):
        draw.line((0, y, 1200, y), fill=(120 + y // 10, 170 + y // 20, 230 - y // 8))
    draw.ellipse((850, 90, 1010, 250), fill=(250, 220, 90))
    draw.polygon(
        [(0, 600), (300, 420), (650, 560), (1000, 380), (1200, 500), (1200, 800), (0, 800)], fill=(60, 130, 60)
    )
    return img


def _animated_gif(path: Path) -> None:
    first = render_card(card_lines("Gina", "Frames", "Loop Media Inc", 11)).convert("P")
    second = Image.new("P", first.size, 0)
    first.save(path, "GIF", save_all=True, append_images=[second, first], duration=200, loop=0)


def make_corpus(root: Path, samples: Path = SAMPLES) -> list[Case]:
    """Write the corpus under root/inbox (plus root/outside) and return its cases, good cards included.

    Up to two of `samples`/*.jpg (the generated sample cards) join the good cards when they exist.
    """
    inbox = root / "inbox"
    outside = root / "outside"
    inbox.mkdir(parents=True, exist_ok=True)
    outside.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def add(
        name: str, filename: str | bytes, expect: str, *mention: str, explicit: bool = False, note: str = ""
    ) -> Path:
        path = inbox / (os.fsdecode(filename) if isinstance(filename, bytes) else filename)
        cases.append(Case(name, path, expect, tuple(mention), explicit, note))
        return path

    # --- good cards: these must all come out as contacts
    render_card(card_lines("Maria", "Lindqvist", "Nordic Data AB", 1)).save(
        add("good card", "good-1.jpg", OK), quality=92
    )
    render_card(card_lines("Tomas", "Okafor", "Blue Harbor Labs", 2)).save(add("good card (PNG)", "good-2.png", OK))
    render_card(list(HOSTILE_CARD), (1500, 1000)).save(
        add("hostile text card", "hostile.png", OK, note="formula, markup and ../ printed on a card")
    )
    for i, sample in enumerate(sorted(samples.glob("*.jpg"))[:2]):
        shutil.copyfile(sample, add(f"sample card {sample.name}", f"sample-{i}-{sample.name}", OK))
    weird = add("name with newline and non-UTF-8 byte", b"odd\nname-\xff.jpg", OK)
    render_card(card_lines("Peter", "Newline", "Odd Names GmbH", 3)).save(weird, "JPEG", quality=92)

    # --- broken or not images at all
    add("empty file", "empty.jpg", FAILED, "empty").write_bytes(b"")
    good_jpeg = (inbox / "good-1.jpg").read_bytes()
    add("truncated JPEG", "truncated.jpg", FAILED, "truncated", "damaged").write_bytes(good_jpeg[: len(good_jpeg) // 3])
    _bad_crc_png(
        render_card(card_lines("Carl", "Crc", "Broken Chunk Co", 4)),
        add("PNG with a bad CRC", "bad-crc.png", FAILED, "damaged", "truncated", "not an image"),
    )
    add("markup in the file name", "<script>alert(1).jpg", FAILED, "not an image").write_text("<b>hi</b>\n")
    add("text named .jpg", "notes.jpg", FAILED, "not an image").write_text("Call Anna back on Monday\n")
    add("PDF", "card.pdf.jpg", FAILED, "pdf").write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    add("HTML", "page.png", FAILED, "html").write_text(
        "<!DOCTYPE html><html><body><img src=x onerror=alert(1)></body></html>"
    )

    # --- size guards
    add("200-megapixel image", "huge.png", FAILED, "megapixel").write_bytes(_gray_png(20000, 10000))
    add("decompression bomb (30000x30000 declared)", "bomb.png", FAILED, "megapixel").write_bytes(
        _gray_png(30000, 30000, rows=8)
    )
    Image.new("RGB", (1, 1), "white").save(add("1x1 image", "dot.png", FAILED, "too small"))
    Image.new("RGB", (10, 10000), "white").save(add("10x10000 image", "sliver.png", FAILED, "too small"))

    # --- legitimate but unusual images
    _animated_gif(add("animated GIF", "animated.gif", EITHER))
    render_card(card_lines("Carmen", "Cyan", "Four Colour Print", 5)).convert("CMYK").save(
        add("CMYK JPEG", "cmyk.jpg", EITHER), "JPEG", quality=92
    )
    grey16 = render_card(card_lines("Sixten", "Bits", "Deep Pixel Oy", 6)).convert("L")
    Image.fromarray(np.asarray(grey16, dtype=np.uint16) * 257).save(add("16-bit PNG", "deep16.png", EITHER))
    render_card(card_lines("Paula", "Lette", "Indexed Colour SA", 7)).convert("P", palette=Image.ADAPTIVE).save(
        add("palette PNG", "palette.png", EITHER)
    )
    Image.new("RGB", (1200, 800), (250, 250, 248)).save(add("image with no text", "blank.jpg", FAILED, "text"))
    _landscape().save(add("photo that is not a card", "landscape.jpg", FAILED, "text", "card"), quality=90)

    # --- things that are not regular files
    (add("folder named x.jpg", "x.jpg", NO_RECORD, explicit=True, note="walked like any folder")).mkdir()
    fifo = add("FIFO named .jpg", "pipe.jpg", FAILED, "pipe")
    os.mkfifo(fifo)
    target = outside / "secret.txt"
    target.write_text("outside the inbox: must stay untouched\n")
    (add("symlink pointing outside the inbox", "link.jpg", FAILED, "not an image")).symlink_to(target)
    locked = add(
        "unreadable file (chmod 000)",
        "locked.jpg",
        FAILED if os.geteuid() else EITHER,
        "permission",
        note="root reads it anyway" if os.geteuid() == 0 else "",
    )
    render_card(card_lines("Ulla", "Locked", "Closed Doors AB", 8)).save(locked, quality=92)
    locked.chmod(0)
    gone = add("file deleted before the read", "gone.jpg", FAILED, "does not exist", "disappeared", explicit=True)
    render_card(card_lines("Gustav", "Gone", "Vanishing Ltd", 9)).save(gone, quality=92)
    gone.unlink()
    return cases


def good(cases: list[Case]) -> list[Case]:
    return [c for c in cases if c.expect == OK]


def snapshot(root: Path, skip: Collection[Path] = ()) -> dict[str, tuple[int, int, int, str]]:
    """Every entry under root, links not followed: relative path -> (mode, size, mtime_ns, link target)."""
    out: dict[str, tuple[int, int, int, str]] = {}
    for dirpath, dirs, files in os.walk(root):
        base = Path(dirpath)
        dirs[:] = [d for d in dirs if base / d not in skip]
        for name in dirs + files:
            p = base / name
            st = p.lstat()
            link = os.readlink(p) if p.is_symlink() else ""
            # A folder's size and mtime change with its contents; its entries are compared instead.
            flat = 0 if stat.S_ISDIR(st.st_mode) else 1
            out[str(p.relative_to(root))] = (st.st_mode, st.st_size * flat, st.st_mtime_ns * flat, link)
    return out


def changes(before: dict[str, tuple[int, int, int, str]], after: dict[str, tuple[int, int, int, str]]) -> list[str]:
    """What differs between two snapshots, one readable line per entry."""
    out = [f"created {k!r}" for k in sorted(after.keys() - before.keys())]
    out += [f"deleted {k!r}" for k in sorted(before.keys() - after.keys())]
    out += [
        f"changed {k!r}" for k in sorted(before.keys() & after.keys()) if before[k] != after[k] and not Path(k).is_dir()
    ]
    return out


def fingerprint(path: Path) -> bytes | None:
    """The bytes of a regular file (None for anything else), read even when chmod 000 as non-root."""
    try:
        if not path.is_file() or path.is_symlink():
            return None
        mode = path.stat().st_mode
        path.chmod(0o600)
        try:
            return path.read_bytes()
        finally:
            path.chmod(mode)
    except OSError:
        return None
