"""The project's manifest of what is indexed (corpus/manifest.toml)."""

from __future__ import annotations

import tomllib
from functools import cache

from assistant.settings import ROOT

SCOPES = ("default", "all")
MANIFEST_PATH = ROOT / "corpus" / "manifest.toml"


@cache
def default_law_titles() -> tuple[str, ...]:
    with MANIFEST_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    return tuple(data["default"]["laws"])
