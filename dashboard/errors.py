"""Errors of the case-tracking domain, each a small class with the fields the UI needs.

DashboardError
 +-- ConfigError              bad setting at startup
 +-- ValidationError          bad input; ``problems`` maps a field to a message id
 +-- NotFound                 an id that does not exist (or is outside the actor's scope)
 +-- OutOfScope               the case belongs to another jurisdiction
 +-- RoleNotPermitted         the actor's role may not take this step
 +-- TransitionNotAllowed     the step does not exist from the case's current state
 +-- GuardFailed              the step exists but a rule of the regulation blocks it
 +-- VersionConflict          someone else saved the case since it was read
 +-- DuplicateMatter          the same matter was already interviewed (earlier case given)
 +-- AuthenticationFailed     wrong user name or password
 +-- NoAdministrator          no administrator account exists yet (first run not done)
 +-- DemoRefused              demo data would be written into a database with real cases
 +-- ImportFailed             an Excel import was rejected; ``rows`` lists every bad row
 +-- NothingToImport          the uploaded sheet holds no case rows
 +-- UnreadableWorkbook       the upload is not an .xlsx workbook openpyxl can read
 +-- DatabaseUnavailable      the configured database server cannot be reached
 +-- DatabaseEmpty            the database holds no tables yet (not initialised, or a typo)

Every error has ``message_id`` and ``params``: ``messages.text(err.message_id, **err.params)``
renders the Chinese text shown to users; ``str(err)`` is English for logs.
"""

from __future__ import annotations

from dataclasses import dataclass, field


class DashboardError(Exception):
    message_id = "error.generic"

    @property
    def params(self) -> dict:
        return {}

    def user_text(self) -> str:
        from dashboard import messages

        return messages.text(self.message_id, **self.params)


class ConfigError(DashboardError):
    """A bad setting; ``reason_id`` is a message id saying in Chinese what is wrong and what
    is expected (filled with ``value`` and ``params``)."""

    message_id = "error.config"

    def __init__(self, env: str, value: str, reason_id: str, params: dict | None = None):
        super().__init__(f"setting {env}={value!r} is invalid ({reason_id})")
        self.env, self.value, self.reason_id = env, value, reason_id
        self.reason_params = params or {}

    @property
    def params(self) -> dict:
        from dashboard import messages

        reason = messages.text(self.reason_id, value=self.value, **self.reason_params)
        return {"env": self.env, "reason": reason}


class ValidationError(DashboardError):
    message_id = "error.validation"

    def __init__(self, problems: dict[str, str], values: dict | None = None):
        super().__init__(f"invalid input: {sorted(problems)}")
        self.problems = problems
        self.values = values or {}

    @property
    def params(self) -> dict:
        from dashboard import messages

        lines = [messages.problem_line(k, v, **self.values) for k, v in self.problems.items()]
        return {"details": "；".join(lines)}


# What was looked for, as users call it (the code names kinds in English).
_KINDS = {
    "user": "用户",
    "person": "人员",
    "reminder": "提醒",
    "situation": "特殊或重大情况记录",
    "case": "案件",
    "jurisdiction": "辖区",
}


class NotFound(DashboardError):
    message_id = "error.not_found"

    def __init__(self, kind: str, key):
        super().__init__(f"{kind} {key!r} not found")
        self.kind, self.key = kind, key

    @property
    def params(self) -> dict:
        return {"kind": _KINDS.get(self.kind, self.kind), "key": self.key}


class OutOfScope(DashboardError):
    message_id = "error.out_of_scope"

    def __init__(self, user_id: int, jurisdiction_code: str):
        super().__init__(f"user {user_id} may not act in jurisdiction {jurisdiction_code}")
        self.user_id, self.jurisdiction_code = user_id, jurisdiction_code

    @property
    def params(self) -> dict:
        return {"code": self.jurisdiction_code}


class RoleNotPermitted(DashboardError):
    message_id = "error.role_not_permitted"

    def __init__(self, role: str, action: str, allowed: tuple[str, ...]):
        super().__init__(f"role {role} may not {action}; allowed: {', '.join(allowed)}")
        self.role, self.action, self.allowed = role, action, allowed

    @property
    def params(self) -> dict:
        from dashboard import messages

        return {
            "action": messages.action_title(self.action),
            "allowed": "、".join(messages.role_title(r) for r in self.allowed),
        }


class TransitionNotAllowed(DashboardError):
    message_id = "error.transition_not_allowed"

    def __init__(self, transition: str, state: str):
        super().__init__(f"transition {transition} is not possible from state {state}")
        self.transition, self.state = transition, state

    @property
    def params(self) -> dict:
        from dashboard import messages

        return {
            "action": messages.action_title(self.transition),
            "state": messages.state_title(self.state),
        }


class GuardFailed(DashboardError):
    message_id = "error.guard_failed"

    def __init__(self, transition: str, reasons: list[str]):
        super().__init__(f"transition {transition} blocked: {', '.join(reasons)}")
        self.transition, self.reasons = transition, reasons

    @property
    def params(self) -> dict:
        from dashboard import messages

        return {
            "action": messages.action_title(self.transition),
            "reasons": "；".join(messages.text(r) for r in self.reasons),
        }


class InterviewNotYetHeld(DashboardError):
    """The interview is planned for later (or recorded as starting later) than now."""

    message_id = "error.interview_not_held"

    def __init__(self, case_id: int, planned_at):
        super().__init__(f"case {case_id}: interview planned for {planned_at}, not yet held")
        self.case_id, self.planned_at = case_id, planned_at

    @property
    def params(self) -> dict:
        return {"planned": f"{self.planned_at:%Y-%m-%d %H:%M}"}


class VersionConflict(DashboardError):
    message_id = "error.version_conflict"

    def __init__(self, case_id: int, expected: int | None, actual: int | None):
        super().__init__(f"case {case_id} changed: expected version {expected}, found {actual}")
        self.case_id, self.expected, self.actual = case_id, expected, actual

    @property
    def params(self) -> dict:
        return {"case_id": self.case_id}


class DuplicateMatter(DashboardError):
    message_id = "error.duplicate_matter"

    def __init__(self, earlier_case_id: int, earlier_case_no: str):
        super().__init__(f"same matter already handled in case {earlier_case_id}")
        self.earlier_case_id, self.earlier_case_no = earlier_case_id, earlier_case_no

    @property
    def params(self) -> dict:
        return {"case_no": self.earlier_case_no}


class AuthenticationFailed(DashboardError):
    message_id = "error.authentication"

    def __init__(self):
        super().__init__("authentication failed")


class AccountInactive(AuthenticationFailed):
    """The right password for a deactivated account (said only to someone who knows it)."""

    message_id = "error.account_inactive"

    def __init__(self):
        DashboardError.__init__(self, "account deactivated")


class NoAdministrator(DashboardError):
    """Work that needs an administrator was asked for before the first one was created."""

    message_id = "error.no_administrator"

    def __init__(self):
        super().__init__("no administrator account exists yet")


class SignInLocked(DashboardError):
    """Too many wrong passwords for one account: sign-in refused until ``until``."""

    message_id = "error.sign_in_locked"

    def __init__(self, until):
        super().__init__(f"sign-in locked until {until:%Y-%m-%d %H:%M:%S}")
        self.until = until

    @property
    def params(self) -> dict:
        return {"until": f"{self.until:%Y-%m-%d %H:%M}"}


class DemoRefused(DashboardError):
    message_id = "error.demo_refused"

    def __init__(self, real_cases: int):
        super().__init__(f"database holds {real_cases} real cases; demo data refused")
        self.real_cases = real_cases

    @property
    def params(self) -> dict:
        return {"count": self.real_cases}


@dataclass
class RowError:
    """One rejected row of an import: the sheet row number (header is row 1), problems, and
    the cell text of fields whose value the report repeats (a refused choice)."""

    row: int
    problems: dict[str, str] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)


class ImportFailed(DashboardError):
    message_id = "error.import_failed"

    def __init__(self, rows: list[RowError]):
        super().__init__(f"import rejected: {len(rows)} bad rows")
        self.rows = rows

    @property
    def params(self) -> dict:
        return {"count": len(self.rows), "rows": "、".join(str(r.row) for r in self.rows[:20])}

    def report_lines(self) -> list[str]:
        """One Chinese line per bad row: 第 N 行：field：problem；... (the error report)."""
        from dashboard import messages

        return [
            f"第 {r.row} 行："
            + "；".join(
                messages.problem_line(k, v, r.values.get(k, "")) for k, v in r.problems.items()
            )
            for r in self.rows
        ]


class NothingToImport(DashboardError):
    message_id = "error.import_empty"

    def __init__(self):
        super().__init__("import rejected: the sheet holds no case rows")


class UnreadableWorkbook(DashboardError):
    message_id = "error.import_unreadable"

    def __init__(self, reason: str):
        super().__init__(f"import rejected: workbook cannot be read ({reason})")
        self.reason = reason


class DatabaseUnavailable(DashboardError):
    message_id = "error.database_unavailable"

    def __init__(self, location: str, reason: str):
        super().__init__(f"database {location} unreachable: {reason}")
        self.location, self.reason = location, reason

    @property
    def params(self) -> dict:
        return {"location": self.location}


class DatabaseEmpty(DashboardError):
    message_id = "error.database_empty"

    def __init__(self, location: str):
        super().__init__(f"database {location} has no schema")
        self.location = location

    @property
    def params(self) -> dict:
        return {"location": self.location}
