"""cardscan: business-card photos in, phone contacts and a follow-up plan out."""

from __future__ import annotations

from .config import Settings, load_settings
from .errors import CardscanError, ExitCode
from .models import Address, Contact, Page, PersonName, Phone, ScanResult, Status

__version__ = "0.1.0"

__all__ = [
    "Address",
    "CardscanError",
    "Contact",
    "ExitCode",
    "Page",
    "PersonName",
    "Phone",
    "ScanResult",
    "Settings",
    "Status",
    "__version__",
    "load_settings",
]
