"""Personal data of the persons in a record (ID numbers, phones): shown in full only to roles
with the ``view_personal_data`` permission, masked for everyone else."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from dashboard import cases, identifiers
from dashboard.users import Actor, can


@dataclass(frozen=True)
class PersonView:
    id: int
    kind: str
    name: str
    unit: str
    id_number: str
    phone: str
    signed: bool
    recused: bool
    is_main: bool
    recusal_reason: str = ""


def present(actor: Actor, id_number: str, phone: str) -> tuple[str, str]:
    """(id_number, phone) as this actor may see them."""
    if can(actor, "view_personal_data"):
        return id_number, phone
    return identifiers.mask_id_number(id_number), identifiers.mask_phone(phone)


def record_persons(session: Session, actor: Actor, case_id: int) -> list[PersonView]:
    """Persons of the case's record, masked according to the actor's role."""
    case = cases.get_case(session, actor, case_id)
    if case.record is None:
        return []
    out = []
    for p in case.record.persons:
        id_number, phone = present(actor, p.id_number, p.phone)
        out.append(PersonView(p.id, p.kind, p.name, p.unit, id_number, phone, p.signed,
                              p.recused, p.is_main, p.recusal_reason or ""))  # fmt: skip
    return out
