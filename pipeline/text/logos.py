"""Logos as sponsor pages print them: the words a logo's alt text adds to a name (`Acme logo`),
so the name is what is left."""

from __future__ import annotations

import re

# Words of an image's alt text that say what it is, not whose it is (`Initech logo`).
LOGO_RE = re.compile(r"\b(logo|image|icon|photo|picture|banner)\b", re.I)

