"""Field parsers: OCR lines with layout in, a `Contact` with per-field confidence out.

`parse_page` is the only entry point the pipeline uses; the modules below it are pure.
"""

from __future__ import annotations

from .card import parse_page

__all__ = ["parse_page"]
