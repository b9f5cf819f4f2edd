"""One password rule for the web forms and ``init`` (10+ characters, letters and digits, no
space at either end) and the sign-in lock after five wrong passwords, stored in the database."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard import __main__ as cli
from dashboard import db, users
from dashboard.db import User
from dashboard.errors import AuthenticationFailed, SignInLocked, ValidationError
from tests.dashboard.helpers import PASSWORD

AT = dt.datetime(2026, 12, 3, 9, 0, 0)


@pytest.mark.parametrize(("password", "problem"), [
    ("          1a", "validation.password_spaces"), (" Passw0rd1", "validation.password_spaces"),
    ("abcdefghij", "validation.password_mix"), ("1234567890", "validation.password_mix"),
    ("Pass0rd", "validation.password_short"), ("Passw0rd test", None),
])  # fmt: skip
def test_sign_in_password_rule(password, problem):
    assert users.password_problem(password) == problem


def test_sign_in_spaces_password_refused_for_new_user(world):
    engine, actors = world
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        users.create_user(s, actors["admin"], "newuser", "新用户", "          1a", "handler",
                          "650102")  # fmt: skip
    assert "密码开头和结尾不能是空格" in err.value.user_text()


def test_sign_in_cli_init_applies_the_same_rule(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'init.sqlite'}"
    assert cli.main(["init", "--db", url, "--admin-password", "          1a"]) == 2
    assert "密码开头和结尾不能是空格" in capsys.readouterr().err
    assert cli.main(["init", "--db", url, "--admin-password", "abcdefghijk"]) == 2
    assert "密码须同时包含字母和数字" in capsys.readouterr().err
    assert cli.main(["init", "--db", url, "--admin-password", PASSWORD]) == 0


def _sign_in(engine, password, at):
    with db.session_scope(engine) as s:
        return users.authenticate(s, "tianshan", password, at=at)


def _stored(engine) -> tuple[int, dt.datetime | None]:
    with db.session_scope(engine) as s:
        user = s.query(User).filter_by(username="tianshan").one()
        return user.failed_sign_ins, user.locked_until


def test_sign_in_locked_after_five_wrong_passwords(world):
    engine, _ = world
    for n in range(1, 5):
        with pytest.raises(AuthenticationFailed):
            _sign_in(engine, "wrong-passw0rd", AT)
        assert _stored(engine) == (n, None)
    with pytest.raises(SignInLocked) as err:
        _sign_in(engine, "wrong-passw0rd", AT)
    until = AT + dt.timedelta(minutes=5)
    assert err.value.until == until and _stored(engine) == (0, until)
    assert "请于 2026-12-03 09:05 之后再试" in err.value.user_text()
    with pytest.raises(SignInLocked):  # the right password is refused during the lock
        _sign_in(engine, PASSWORD, AT + dt.timedelta(minutes=4, seconds=59))
    actor = _sign_in(engine, PASSWORD, until + dt.timedelta(seconds=1))
    assert actor.username == "tianshan" and _stored(engine) == (0, None)


def test_sign_in_success_resets_failures(world):
    engine, _ = world
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            _sign_in(engine, "wrong-passw0rd", AT)
    assert _sign_in(engine, PASSWORD, AT).username == "tianshan"
    assert _stored(engine) == (0, None)
