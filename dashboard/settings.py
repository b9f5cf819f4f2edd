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


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'yuetantong.sqlite'}"


def db_url() -> str:
    """YTT_DB_URL, checked like the command line's --db; empty means the default SQLite file."""
    url = get("db_url").strip()
    if not url:
        return default_db_url()
    problem = db_url_problem(url)
    if problem is not None:
        raise ConfigError("YTT_DB_URL", url, *problem)
    return url


def db_url_problem(text: str) -> tuple[str, dict] | None:
    """Why ``text`` is not a usable database URL, as (message id, params); None when usable.

    Usable means: SQLAlchemy knows the dialect, its driver is installed, and a SQLite file
    lies in an existing folder and is not itself a folder (no folders are created).
    """
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    if "://" not in text and ("/" in text or text.endswith((".sqlite", ".sqlite3", ".db"))):
        return "db.bare_path", {"suggestion": f"sqlite:///{text}"}
    try:
        url = make_url(text)
        dialect = url.get_dialect()
    except (ArgumentError, NoSuchModuleError, ValueError):
        return "cli.bad_db_url", {}
    try:
        dialect.import_dbapi()
    except ImportError as exc:
        return "db.no_driver", {"driver": exc.name or url.drivername}
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        path = Path(url.database).expanduser()
        if path.is_dir():
            suggestion = f"sqlite:///{path / 'yuetantong.sqlite'}"
            return "db.is_folder", {"folder": path, "suggestion": suggestion}
        if not path.parent.is_dir():
            return "cli.no_folder", {"folder": path.parent}
    return None


def region_code() -> str:
    code = get("region_code").strip()
    if len(code) != 6 or not code.isdigit() or not code.endswith("0000"):
        raise ConfigError("YTT_REGION_CODE", code, "config.region_code")
    return code


def index_scope() -> str:
    from assistant.manifest import SCOPES

    scope = get("index_scope").strip() or "default"
    if scope not in SCOPES:
        raise ConfigError("YTT_INDEX_SCOPE", scope, "config.index_scope")
    return scope


def dense_in_background() -> bool:
    raw = get("dense_in_background").strip()
    if raw not in ("0", "1"):
        raise ConfigError("YTT_DENSE_IN_BACKGROUND", raw, "config.dense_flag")
    return raw == "1"


def int_setting(name: str) -> int:
    raw = get(name)
    try:
        value = int(raw)
    except ValueError:
        value = -1
    if value < 0:
        raise ConfigError(SETTINGS[name].env, raw, "config.whole_number")
    return value


def check() -> None:
    """Read every setting once so a bad value fails at startup (ConfigError), not mid-page."""
    db_url()
    region_code()
    index_scope()
    dense_in_background()
    for name in ("rectification_days", "due_soon_days"):
        int_setting(name)
