"""The only image loader: bytes -> upright RGB array, plus when the photo was taken.

Reads a file once (so hashing and decoding see the same bytes), applies EXIF
orientation, flattens alpha onto white, guards against oversized images, and
turns every decoding failure into an InputError sentence. Never writes.
"""

from __future__ import annotations

import hashlib
import io
import os
import stat
import warnings
from dataclasses import dataclass
from datetime import datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from .config import Settings
from .errors import InputError

try:  # HEIC/HEIF from iPhones
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - it is a declared dependency
    pillow_heif = None  # type: ignore[assignment]

IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".webp", ".gif"})
MAX_FILE_BYTES = 100 * 1024 * 1024
MIN_SIDE = 64  # smaller than this cannot hold a legible card

_EXIF_IFD = 0x8769
_DATETIME_ORIGINAL = 0x9003
_OFFSET_TIME_ORIGINAL = 0x9011
_DATETIME = 0x0132


@dataclass(frozen=True)
class LoadedImage:
    rgb: np.ndarray  # HxWx3 uint8, upright
    sha256: str
    taken_at: datetime  # tz-aware: EXIF DateTimeOriginal, else the file's mtime
    exif_orientation: int  # the tag as found (1 = none), for diagnostics


def local_zone(name: str | None) -> ZoneInfo:
    """The user's zone: the IANA name given, else $TZ, else the system's, else UTC."""
    if name:
        return ZoneInfo(name)
    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in link:
            candidates.append(link.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for cand in candidates:
        if cand:
            try:
                return ZoneInfo(cand)
            except (ValueError, OSError, KeyError):
                continue
    return ZoneInfo("UTC")


def read_bytes(path: Path) -> bytes:
    """Read a regular file once, with sentences for everything that is not one."""
    try:
        st = path.stat()
    except FileNotFoundError as e:
        raise InputError(f"The file {path.name!r} does not exist (it may have been moved or deleted).") from e
    except OSError as e:
        raise InputError(f"The file {path.name!r} cannot be examined: {e.strerror or e}.") from e
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{path.name!r} is a folder, not an image file.")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, sockets and devices would block or never end.
        raise InputError(f"{path.name!r} is not a regular file (it is a pipe, socket or device).")
    if st.st_size == 0:
        raise InputError(f"The file {path.name!r} is empty.")
    if st.st_size > MAX_FILE_BYTES:
        raise InputError(
            f"The file {path.name!r} is {st.st_size // (1024 * 1024)} MB, more than the "
            f"{MAX_FILE_BYTES // (1024 * 1024)} MB a card photo can reasonably be."
        )
    try:
        with open(path, "rb") as f:
            return f.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError as e:
        raise InputError(f"The file {path.name!r} disappeared before it could be read.") from e
    except PermissionError as e:
        raise InputError(f"The file {path.name!r} cannot be read: permission denied.") from e
    except OSError as e:
        raise InputError(f"The file {path.name!r} cannot be read: {e.strerror or e}.") from e


def _sniff(data: bytes) -> str:
    head = data[:512].lstrip().lower()
    if head.startswith(b"%pdf"):
        return " (it is a PDF; export the page as an image first)"
    if head.startswith((b"<!doctype html", b"<html")):
        return " (it is an HTML page)"
    try:
        data[:512].decode("utf-8")
        return " (it contains text)"
    except UnicodeDecodeError:
        return ""


def exif_of(img: Image.Image, data: bytes) -> Image.Exif:
    """The image's EXIF block. Pillow decodes a whole PNG to look for one after its pixels (where the PNG
    standard allows it); a PNG file without an eXIf chunk has none to find, so its pixels stay undecoded."""
    if img.format == "PNG" and "exif" not in img.info and b"eXIf" not in data:
        return Image.Exif()
    return img.getexif()


def decode(data: bytes, name: str, max_pixels: int) -> tuple[Image.Image, int]:
    """Bytes -> upright RGB Pillow image and the EXIF orientation tag that was applied."""
    Image.MAX_IMAGE_PIXELS = max_pixels  # Pillow's own bomb guard, on the header's size
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img: Image.Image = Image.open(io.BytesIO(data))
            w, h = img.size
            if w * h > max_pixels:
                raise InputError(
                    f"The image {name!r} is {w}x{h} pixels ({w * h / 1e6:.0f} megapixels), more than the "
                    f"{max_pixels / 1e6:.0f} megapixel limit; shrink it, or raise the limit with --max-pixels."
                )
            if getattr(img, "n_frames", 1) > 1:
                img.seek(0)  # animated: the first frame is the picture
            img.load()
            orientation = int(img.getexif().get(0x0112, 1) or 1)
            ImageOps.exif_transpose(img, in_place=True)  # no copy of a photo already upright
    except InputError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as e:
        raise InputError(
            f"The image {name!r} has more pixels than the {max_pixels / 1e6:.0f} megapixel limit (a very large "
            "photo, or a decompression bomb); shrink it, or raise the limit with --max-pixels."
        ) from e
    except UnidentifiedImageError as e:
        raise InputError(f"The file {name!r} is not an image cardscan can read{_sniff(data)}.") from e
    except (OSError, SyntaxError, ValueError, EOFError) as e:
        raise InputError(f"The image {name!r} is damaged or truncated and cannot be decoded ({e}).") from e
    return _to_rgb(img), orientation


def _to_rgb(img: Image.Image) -> Image.Image:
    if img.mode in ("I;16", "I;16B", "I;16L", "I"):
        arr = np.asarray(img, dtype=np.float64)
        top = max(float(arr.max()), 1.0)
        img = Image.fromarray((arr * (255.0 / top)).clip(0, 255).astype(np.uint8), "L")
    if img.mode == "P":
        img = img.convert("RGBA")
    if img.mode in ("RGBA", "LA", "PA"):
        # Transparent borders (screenshots, letterboxed PNGs) become white paper, not black.
        rgba = img.convert("RGBA")
        bg = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        img = Image.alpha_composite(bg, rgba)
    return img if img.mode == "RGB" else img.convert("RGB")


def taken_at(img_exif: Image.Exif | None, path: Path, zone: tzinfo) -> datetime:
    """EXIF DateTimeOriginal (with its offset when the camera wrote one), else the file's mtime."""
    if img_exif is not None:
        ifd = img_exif.get_ifd(_EXIF_IFD)
        raw = ifd.get(_DATETIME_ORIGINAL) or img_exif.get(_DATETIME)
        if isinstance(raw, str):
            try:
                dt = datetime.strptime(raw.strip("\x00 "), "%Y:%m:%d %H:%M:%S")
                offset = ifd.get(_OFFSET_TIME_ORIGINAL)
                if isinstance(offset, str) and offset.strip("\x00 "):
                    return datetime.fromisoformat(dt.isoformat() + offset.strip("\x00 "))
                return dt.replace(tzinfo=zone)
            except ValueError:
                pass  # a garbled date is no date; use the mtime
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, tz=zone)
    except OSError:
        return datetime.now(tz=zone)


def load(path: Path, settings: Settings) -> LoadedImage:
    """Open one card photo for the pipeline."""
    data = read_bytes(path)
    img, orientation = decode(data, path.name, settings.max_pixels)
    w, h = img.size
    if min(w, h) < MIN_SIDE:
        raise InputError(f"The image {path.name!r} is only {w}x{h} pixels, too small to hold a readable card.")
    try:
        exif = exif_of(Image.open(io.BytesIO(data)), data)  # header only: the pixels are decoded already
    except Exception:  # the pixels decoded; a broken EXIF block only costs the date
        exif = None
    when = taken_at(exif, path, local_zone(settings.tz))
    rgb = np.asarray(img, dtype=np.uint8)
    return LoadedImage(rgb=rgb, sha256=hashlib.sha256(data).hexdigest(), taken_at=when, exif_orientation=orientation)


def sha256_of(path: Path) -> str:
    """Hash of a file's bytes, "" when it cannot be read (used for failed records)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ""
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return ""
