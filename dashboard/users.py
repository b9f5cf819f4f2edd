"""Accounts, roles and permissions.

Roles are stable English ids with Chinese titles (declared in ``workflow.toml``): leader 领导,
handler 承办人员, approver 审批人, trainee 学员, admin 管理员. Passwords are bcrypt-hashed; there
is no default password: the first administrator is created with ``create_admin``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass

import bcrypt
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from dashboard import jurisdictions
from dashboard.db import Jurisdiction, User, now
from dashboard.errors import (
    AccountInactive,
    AuthenticationFailed,
    NotFound,
    OutOfScope,
    RoleNotPermitted,
    SignInLocked,
    ValidationError,
)

log = logging.getLogger(__name__)
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")
LEAST_ROLE = "trainee"  # 学员: no permission at all, the new-account form's default
MAX_FAILURES = 5  # wrong passwords in a row before sign-in is locked
LOCK_TIME = dt.timedelta(minutes=5)


@dataclass(frozen=True)
class Actor:
    """The signed-in user as services see it (safe to keep in the UI session)."""

    id: int
    username: str
    display_name: str
    role: str
    jurisdiction_code: str
    level: int
    is_principal: bool = False
    # A fingerprint of the password hash: when an administrator resets the password, sessions
    # opened with the old one no longer match and are signed out.
    credential: str = ""


def roles() -> dict:
    from dashboard.workflow import definition

    return definition().roles


def can(actor: Actor, permission: str) -> bool:
    role = roles().get(actor.role)
    return role is not None and permission in role.permissions


def require_permission(actor: Actor, permission: str) -> None:
    if not can(actor, permission):
        allowed = tuple(r.id for r in roles().values() if permission in r.permissions)
        raise RoleNotPermitted(actor.role, permission, allowed)


def password_problem(password: str) -> str | None:
    """The one password rule (web forms and ``init`` alike): at least 10 characters, letters
    and digits, no space at either end. A message id, or None when the password is fine."""
    if password != password.strip():
        return "validation.password_spaces"
    if len(password) < 10:
        return "validation.password_short"
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        return "validation.password_mix"
    return None


def _hash(password: str) -> str:
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt(rounds=10)).decode("ascii")


def find_user(session: Session, username: str) -> User | None:
    """The account signed in as ``username``: the exact name, else the one account whose name
    differs only in letter case (names are unique ignoring case; older twins keep exact)."""
    user = session.scalar(select(User).where(User.username == username))
    if user is not None:
        return user
    same = session.scalars(select(User).where(func.lower(User.username) == username.lower()))
    found = list(same.all())
    return found[0] if len(found) == 1 else None


def _validate(session: Session, username: str, display_name: str, password: str, role: str) -> None:
    problems = {}
    if not USERNAME.match(username):
        problems["username"] = "validation.username"
    elif session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        problems["username"] = "validation.username_taken"
    if not display_name.strip():
        problems["display_name"] = "validation.required"
    elif len(display_name.strip()) > User.__table__.c.display_name.type.length:
        problems["display_name"] = "validation.too_long_64"
    if (p := password_problem(password)) is not None:
        problems["password"] = p
    if role not in roles():
        problems["role"] = "validation.unknown_role"
    if problems:
        raise ValidationError(problems)


def to_actor(session: Session, user: User) -> Actor:
    level = jurisdictions.get(session, user.jurisdiction_code).level
    return Actor(
        user.id,
        user.username,
        user.display_name,
        user.role,
        user.jurisdiction_code,
        level,
        user.is_principal,
        hashlib.sha256(user.password_hash.encode("ascii")).hexdigest()[:16],
    )


def _insert(session: Session, **fields) -> Actor:
    password = fields.pop("password")
    fields["display_name"] = fields["display_name"].strip()
    _validate(session, fields["username"], fields["display_name"], password, fields["role"])
    jurisdictions.get(session, fields["jurisdiction_code"])
    user = User(password_hash=_hash(password), **fields)
    session.add(user)
    session.flush()
    log.info("user %s created with role %s", user.id, user.role)
    return to_actor(session, user)


def has_admin(session: Session) -> bool:
    """Whether any administrator account exists (the first-run form shows until one does)."""
    stmt = select(func.count()).select_from(User).where(User.role == "admin")
    return bool(session.scalar(stmt))


def create_admin(
    session: Session, password: str, username: str = "admin", jurisdiction_code: str | None = None
) -> Actor:
    """Create the first administrator (refused once any administrator exists)."""
    if has_admin(session):
        raise ValidationError({"username": "validation.admin_exists"})
    from dashboard import settings

    code = jurisdiction_code or settings.region_code()
    return _insert(
        session,
        username=username,
        display_name="系统管理员",
        password=password,
        role="admin",
        jurisdiction_code=code,
    )


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    display_name: str,
    password: str,
    role: str,
    jurisdiction_code: str,
    is_principal: bool = False,
) -> Actor:
    """Create an account (administrators, within their own jurisdiction)."""
    require_permission(actor, "manage_users")
    if not jurisdiction_code:  # chosen deliberately: the form has no default
        raise ValidationError({"jurisdiction_code": "validation.required"})
    if not jurisdictions.covers(session, actor.jurisdiction_code, jurisdiction_code):
        raise OutOfScope(actor.id, jurisdiction_code)
    return _insert(
        session,
        username=username,
        display_name=display_name,
        password=password,
        role=role,
        jurisdiction_code=jurisdiction_code,
        is_principal=is_principal and role == "leader",
    )


def authenticate(
    session: Session, username: str, password: str, at: dt.datetime | None = None
) -> Actor:
    """The actor for valid credentials; AuthenticationFailed otherwise (same error either way).

    After MAX_FAILURES wrong passwords in a row the account is locked for LOCK_TIME
    (SignInLocked, which says until when); the count is kept in the database."""
    at = at or now()
    user = find_user(session, username)
    if user is not None and user.locked_until is not None and user.locked_until > at:
        raise SignInLocked(user.locked_until)
    ok = user is not None and bcrypt.checkpw(
        password.encode("utf-8"), user.password_hash.encode("ascii")
    )
    if ok and not user.active:
        raise AccountInactive()
    if not ok:
        log.info("failed sign-in attempt")
        until = _count_failure(session, user, at) if user is not None else None
        raise SignInLocked(until) if until else AuthenticationFailed()
    if user.failed_sign_ins or user.locked_until:
        user.failed_sign_ins, user.locked_until = 0, None
    return to_actor(session, user)


def _count_failure(session: Session, user: User, at: dt.datetime) -> dt.datetime | None:
    """Store one more failure in its own transaction (the caller's rolls back on the error);
    returns the lock's end when this failure locks the account."""
    failures = user.failed_sign_ins + 1
    until = at + LOCK_TIME if failures >= MAX_FAILURES else None
    values = {"failed_sign_ins": 0, "locked_until": until} if until else {
        "failed_sign_ins": failures}  # fmt: skip
    with session.get_bind().begin() as conn:
        conn.execute(update(User).where(User.id == user.id).values(**values))
    if until:
        log.warning("sign-in locked for user %s after %s failures", user.id, failures)
    return until


def actor_for(session: Session, user_id: int) -> Actor:
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise NotFound("user", user_id)
    return to_actor(session, user)


def actor_by_username(session: Session, username: str) -> Actor:
    """The active account ``username`` as an actor (for command-line work done in its name)."""
    user = find_user(session, username)
    if user is None or not user.active:
        raise NotFound("用户", username)
    return to_actor(session, user)


def change_password(session: Session, actor: Actor, old: str, new: str) -> None:
    authenticate(session, actor.username, old)
    if (p := password_problem(new)) is not None:
        raise ValidationError({"password": p})
    session.get(User, actor.id).password_hash = _hash(new)


def list_users(session: Session, actor: Actor) -> list[User]:
    require_permission(actor, "manage_users")
    users = session.scalars(select(User).order_by(User.username))
    return [
        u
        for u in users
        if jurisdictions.covers(session, actor.jurisdiction_code, u.jurisdiction_code)
    ]


def _managed_user(session: Session, actor: Actor, user_id: int) -> User:
    """An account the administrator may change: one in the administrator's jurisdiction."""
    require_permission(actor, "manage_users")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("user", user_id)
    if not jurisdictions.covers(session, actor.jurisdiction_code, user.jurisdiction_code):
        raise OutOfScope(actor.id, user.jurisdiction_code)
    return user


def _keep_an_administrator(session: Session, user: User, field: str) -> None:
    """Refuse a change to ``user`` (already changed, not flushed) that leaves no active
    administrator, or no active administrator of the whole region when there was one (only
    a region-level one manages every account): a role change, deactivation, or a move down."""
    admins = select(func.count()).select_from(User).where(
        User.role == "admin", User.active.is_(True))  # fmt: skip
    stays_admin = user.role == "admin" and user.active
    if not stays_admin and not session.scalar(admins.where(User.id != user.id)):
        raise ValidationError({field: "validation.last_admin"})
    top = select(Jurisdiction.code).where(Jurisdiction.parent_code.is_(None))
    if stays_admin and user.jurisdiction_code in set(session.scalars(top)):
        return
    if session.scalar(admins.where(User.id != user.id, User.jurisdiction_code.in_(top))):
        return
    # The stored row still holds the values before this change (nothing flushed yet).
    if session.scalar(admins.where(User.id == user.id, User.jurisdiction_code.in_(top))):
        raise ValidationError({field: "validation.last_region_admin"})


def update_user(
    session: Session,
    actor: Actor,
    user_id: int,
    display_name: str,
    role: str,
    jurisdiction_code: str,
    is_principal: bool = False,
) -> Actor:
    """Change an account's name, role, jurisdiction and 主要领导 flag (administrators, within
    their jurisdiction; the last active administrator keeps the administrator role)."""
    user = _managed_user(session, actor, user_id)
    display_name = display_name.strip()
    problems = {}
    if not display_name:
        problems["display_name"] = "validation.required"
    elif len(display_name) > User.__table__.c.display_name.type.length:
        problems["display_name"] = "validation.too_long_64"
    if role not in roles():
        problems["role"] = "validation.unknown_role"
    if not jurisdiction_code:
        problems["jurisdiction_code"] = "validation.required"
    if problems:
        raise ValidationError(problems)
    jurisdictions.get(session, jurisdiction_code)
    if not jurisdictions.covers(session, actor.jurisdiction_code, jurisdiction_code):
        raise OutOfScope(actor.id, jurisdiction_code)
    with session.no_autoflush:
        user.display_name, user.role, user.jurisdiction_code = display_name, role, jurisdiction_code
        user.is_principal = is_principal and role == "leader"
        _keep_an_administrator(session, user, "role")
    session.flush()
    log.info("user %s changed by %s: role %s", user.id, actor.id, user.role)
    return to_actor(session, user)


def set_active(session: Session, actor: Actor, user_id: int, active: bool) -> None:
    """Deactivate (no more sign-in; case history keeps the name) or reactivate an account."""
    user = _managed_user(session, actor, user_id)
    with session.no_autoflush:
        user.active = active
        _keep_an_administrator(session, user, "active")
    if active:  # a fresh start: no lock left from before
        user.failed_sign_ins, user.locked_until = 0, None
    session.flush()
    log.info("user %s %s by %s", user.id, "reactivated" if active else "deactivated", actor.id)


def reset_password(session: Session, actor: Actor, user_id: int, new: str) -> None:
    """Set a new password chosen by an administrator (same rule as everywhere); lifts a lock."""
    user = _managed_user(session, actor, user_id)
    if (p := password_problem(new)) is not None:
        raise ValidationError({"password": p})
    user.password_hash = _hash(new)
    user.failed_sign_ins, user.locked_until = 0, None
    log.info("password of user %s reset by %s", user.id, actor.id)


def user_name(session: Session, user_id: int) -> str:
    """The display name of any account, deactivated ones included (for case history)."""
    user = session.get(User, user_id)
    return user.display_name if user is not None else ""
