"""Generic workflow engine over the procedure declared in ``workflow.toml``.

Each transition is checked in a fixed order, so the UI can tell the user precisely why a step
is refused: the case must be in the actor's jurisdiction (OutOfScope), unchanged since it was
read (VersionConflict), in a state the transition leaves from (TransitionNotAllowed), the actor
must hold one of its roles (RoleNotPermitted), give a comment where one is required
(ValidationError), and every guard must pass (GuardFailed). Then the state changes, effects run
and an audit row is written, all in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import logging
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from dashboard import jurisdictions
from dashboard.db import AuditEntry, Case
from dashboard.errors import (
    GuardFailed,
    RoleNotPermitted,
    TransitionNotAllowed,
    ValidationError,
    VersionConflict,
)
from dashboard.users import Actor

log = logging.getLogger(__name__)
DEFINITION_FILE = Path(__file__).resolve().parent / "workflow.toml"

GuardFn = Callable[[Session, Case, Actor], list[str]]
EffectFn = Callable[[Session, Case, Actor], None]
GUARDS: dict[str, GuardFn] = {}
EFFECTS: dict[str, EffectFn] = {}


@dataclass(frozen=True)
class State:
    id: str
    title: str
    terminal: bool


@dataclass(frozen=True)
class Transition:
    id: str
    title: str
    sources: tuple[str, ...]
    target: str
    roles: tuple[str, ...]
    comment_required: bool
    guards: tuple[str, ...]
    effects: tuple[str, ...]
    date_field: str | None = None  # a Case date column the step asks for (e.g. report received)


@dataclass(frozen=True)
class Worklist:
    id: str
    title: str
    states: tuple[str, ...]
    roles: tuple[str, ...]


@dataclass(frozen=True)
class Role:
    id: str
    title: str
    permissions: frozenset[str]


@dataclass(frozen=True)
class Definition:
    states: dict[str, State]
    transitions: dict[str, Transition]
    worklists: dict[str, Worklist]
    roles: dict[str, Role]
    initial: str


def _transition(tid: str, raw: dict) -> Transition:
    return Transition(
        id=tid,
        title=raw["title"],
        sources=tuple(raw["from"]),
        target=raw["to"],
        roles=tuple(raw["roles"]),
        comment_required=bool(raw.get("comment_required", False)),
        guards=tuple(raw.get("guards", [])),
        effects=tuple(raw.get("effects", [])),
        date_field=raw.get("date"),
    )


@lru_cache(maxsize=1)
def definition(path: Path = DEFINITION_FILE) -> Definition:
    """The parsed workflow (cached)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    states = {
        k: State(k, v["title"], bool(v.get("terminal", False))) for k, v in raw["states"].items()
    }
    roles = {
        k: Role(k, v["title"], frozenset(v.get("permissions", []))) for k, v in raw["roles"].items()
    }
    worklists = {
        k: Worklist(k, v["title"], tuple(v["states"]), tuple(v["roles"]))
        for k, v in raw["worklists"].items()
    }
    transitions = {k: _transition(k, v) for k, v in raw["transitions"].items()}
    return Definition(states, transitions, worklists, roles, initial=next(iter(states)))


def reachable(start: set[str], skip: set[str] = frozenset()) -> set[str]:
    """States reachable from ``start`` (included) without taking a transition in ``skip``."""
    steps = [t for t in definition().transitions.values() if t.id not in skip]
    found, todo = set(start), list(start)
    while todo:
        state = todo.pop()
        for t in steps:
            if state in t.sources and t.target not in found:
                found.add(t.target)
                todo.append(t.target)
    return found


INTERVIEW_HELD = "interview_held"  # the guard of the steps taken once the interview was held


def interview_date_states() -> tuple[frozenset[str], frozenset[str]]:
    """(states that need the interview date, states that cannot have one), from the graph: a
    state every path reaches through an ``interview_held`` step needs the date; a state not
    reachable from where such steps leave lies before the interview."""
    d = definition()
    held = {t.id for t in d.transitions.values() if INTERVIEW_HELD in t.guards}
    at_interview = {s for t in held for s in d.transitions[t].sources}
    needs = set(d.states) - reachable({d.initial}, skip=held)
    before = set(d.states) - reachable(at_interview)
    return frozenset(needs), frozenset(before)


def guard(name: str) -> Callable[[GuardFn], GuardFn]:
    """Register a guard: a function returning message ids of the rules it finds broken."""

    def register(fn: GuardFn) -> GuardFn:
        GUARDS[name] = fn
        return fn

    return register


def effect(name: str) -> Callable[[EffectFn], EffectFn]:
    """Register an effect applied after a transition's state change."""

    def register(fn: EffectFn) -> EffectFn:
        EFFECTS[name] = fn
        return fn

    return register


def available(actor: Actor, case: Case) -> list[Transition]:
    """Transitions the actor's role may take from the case's state (guards not evaluated)."""
    return [
        t
        for t in definition().transitions.values()
        if case.state in t.sources and actor.role in t.roles
    ]


def check_version(case: Case, expected_version: int | None) -> None:
    if expected_version is not None and case.version != expected_version:
        raise VersionConflict(case.id, expected_version, case.version)


def audit(session: Session, case: Case | None, actor: Actor, action: str, **kw) -> None:
    """Append an audit row (who, when, what, from -> to, comment)."""
    session.add(
        AuditEntry(case_id=case.id if case else None, actor_id=actor.id, action=action, **kw)
    )


def flush(session: Session, case: Case) -> None:
    """Flush, turning a lost optimistic-lock race into a VersionConflict."""
    try:
        session.flush()
    except StaleDataError as exc:
        session.rollback()
        raise VersionConflict(case.id, case.version, None) from exc


def _resolve(transition_id: str, case: Case, actor: Actor) -> Transition:
    spec = definition().transitions.get(transition_id)
    if spec is None or case.state not in spec.sources:
        raise TransitionNotAllowed(transition_id, case.state)
    if actor.role not in spec.roles:
        raise RoleNotPermitted(actor.role, transition_id, spec.roles)
    return spec


def _check_guards(
    session: Session, case: Case, actor: Actor, spec: Transition, on_date: dt.date | None
) -> None:
    """Run the guards; a step asking for a date stores it first and restores it on refusal."""
    if spec.date_field:
        if not isinstance(on_date, dt.date) or isinstance(on_date, dt.datetime):
            raise ValidationError({spec.date_field: "validation.required"})
        previous = getattr(case, spec.date_field)
        setattr(case, spec.date_field, on_date)
    reasons: list[str] = []
    for name in spec.guards:
        reasons.extend(GUARDS[name](session, case, actor))
    if reasons:
        if spec.date_field:
            setattr(case, spec.date_field, previous)
        raise GuardFailed(spec.id, reasons)


def execute(
    session: Session,
    actor: Actor,
    case: Case,
    transition_id: str,
    comment: str = "",
    expected_version: int | None = None,
    on_date: dt.date | None = None,
) -> Case:
    """Take one transition on ``case`` for ``actor``; see the module docstring for the checks.

    A step declaring ``date`` in workflow.toml needs ``on_date``; it is stored in that column
    before the guards run, so they can check it."""
    # Who and which version: scope first, so nothing leaks about other jurisdictions' cases.
    jurisdictions.require_scope(actor, case)
    check_version(case, expected_version)

    # Is the step possible here, and may this role take it?
    spec = _resolve(transition_id, case, actor)
    if spec.comment_required and not comment.strip():
        raise ValidationError({"comment": "validation.comment_required"})
    _check_guards(session, case, actor, spec, on_date)

    # Change state, apply effects, record the audit row, then flush under the version check.
    source = case.state
    case.state = spec.target
    for name in spec.effects:
        EFFECTS[name](session, case, actor)
    if spec.date_field:  # the history keeps the date given with the step
        comment = f"{on_date.isoformat()} {comment}".strip()
    audit(session, case, actor, spec.id, from_state=source, to_state=spec.target, comment=comment)
    flush(session, case)
    log.info("case %s: %s -> %s by user %s", case.id, source, spec.target, actor.id)
    return case
