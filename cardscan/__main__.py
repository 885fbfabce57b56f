"""python -m cardscan"""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
