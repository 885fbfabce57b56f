"""Loading photos: a PNG's pixels are decoded once, and its EXIF is still read."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, PngImagePlugin

from cardscan import imageio
from cardscan.config import Settings


def _png(path: Path, exif: Image.Exif | None = None) -> None:
    rgb = np.zeros((200, 320, 3), np.uint8)
    rgb[40:80, 30:200] = 255
    buf = io.BytesIO()
    Image.fromarray(rgb, "RGB").save(buf, "PNG", **({"exif": exif.tobytes()} if exif is not None else {}))
    path.write_bytes(buf.getvalue())


def test_a_png_is_decoded_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "screenshot.png"
    _png(path)
    calls = []
    real = PngImagePlugin.PngImageFile.load

    def counted(self: PngImagePlugin.PngImageFile) -> object:
        if self._im is None:  # type: ignore[attr-defined]  # a decode, not a look at pixels already there
            calls.append(1)
        return real(self)

    monkeypatch.setattr(PngImagePlugin.PngImageFile, "load", counted)
    loaded = imageio.load(path, Settings(tz="UTC"))
    assert loaded.rgb.shape == (200, 320, 3)
    assert len(calls) == 1  # looking for EXIF decoded the whole PNG a second time


def test_a_pngs_exif_date_is_still_read(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x0132] = "2026:11:30 14:05:00"  # DateTime
    path = tmp_path / "dated.png"
    _png(path, exif)
    loaded = imageio.load(path, Settings(tz="UTC"))
    assert loaded.taken_at.replace(tzinfo=None) == datetime(2026, 11, 30, 14, 5)
