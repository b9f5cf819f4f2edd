"""Case-tracking settings: each declared once with its environment variable, default and help.

Relative paths are resolved against the project root. A bad value fails at startup with a
message naming the variable and how to fix it.
"""

from __future__ import annotations

from pathlib import Path

from assistant.settings import Setting as Setting  # re-exported: one Setting type
from dashboard.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


SETTINGS = {
    "data_dir": Setting("YTT_DATA_DIR", "data", "Folder for the SQLite database and exports."),
    "db_url": Setting(
        "YTT_DB_URL",
        "",
        "SQLAlchemy database URL; empty means the SQLite file <data_dir>/yuetantong.sqlite "
        "(WAL mode). Example: postgresql+psycopg://user@host/db",
    ),
    "region_code": Setting(
        "YTT_REGION_CODE",
        "650000",
        "GB/T 2260 code of the province-level region served (650000 = 新疆维吾尔自治区).",
    ),
    "rectification_days": Setting(
        "YTT_RECTIFICATION_DAYS", "15", "Working days allowed for the rectification report."
    ),
    "due_soon_days": Setting(
        "YTT_DUE_SOON_DAYS", "3", "Working days before a deadline at which a case is 'due soon'."
    ),
    "index_scope": Setting(
        "YTT_INDEX_SCOPE", "default", "Law index scope the dashboard searches and drafts with."
    ),
    "dense_in_background": Setting(
        "YTT_DENSE_IN_BACKGROUND",
        "1",
        "1: build the dense (semantic) law index in the background when it is missing; "
        "0: keyword search only.",
    ),
}


def get(name: str) -> str:
    return SETTINGS[name].value()


def data_dir() -> Path:
    p = Path(get("data_dir"))
    return p if p.is_absolute() else ROOT / p


def db_url() -> str:
    url = get("db_url").strip()
    if url:
        return url
    return f"sqlite:///{data_dir() / 'yuetantong.sqlite'}"


def region_code() -> str:
    code = get("region_code").strip()
    if len(code) != 6 or not code.isdigit() or not code.endswith("0000"):
        raise ConfigError("YTT_REGION_CODE", code, "a 6-digit province code such as 650000")
    return code


def index_scope() -> str:
    return get("index_scope").strip() or "default"


def dense_in_background() -> bool:
    raw = get("dense_in_background").strip()
    if raw not in ("0", "1"):
        raise ConfigError("YTT_DENSE_IN_BACKGROUND", raw, "1 (build in background) or 0 (off)")
    return raw == "1"


def int_setting(name: str) -> int:
    raw = get(name)
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(SETTINGS[name].env, raw, "a non-negative whole number")
    return value
