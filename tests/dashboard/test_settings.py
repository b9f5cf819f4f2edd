"""Settings: declared once in dashboard.settings (the law index's included), read from env."""

from __future__ import annotations

import ast

import pytest

from dashboard import settings
from dashboard.errors import ConfigError
from tests.dashboard.app_support import REPO


def test_settings_law_index_settings_declared_in_the_table(monkeypatch):
    envs = {s.env for s in settings.SETTINGS.values()}
    assert {"YTT_INDEX_SCOPE", "YTT_DENSE_IN_BACKGROUND"} <= envs
    monkeypatch.delenv("YTT_INDEX_SCOPE", raising=False)
    monkeypatch.delenv("YTT_DENSE_IN_BACKGROUND", raising=False)
    assert (settings.index_scope(), settings.dense_in_background()) == ("default", True)
    monkeypatch.setenv("YTT_INDEX_SCOPE", " all ")
    monkeypatch.setenv("YTT_DENSE_IN_BACKGROUND", "0")
    assert (settings.index_scope(), settings.dense_in_background()) == ("all", False)


def test_settings_unknown_index_scope_is_refused_at_startup(monkeypatch):
    """A typo in the scope would otherwise show "index missing" and offer a build of a scope
    that does not exist; start-up names the variable and the two scopes instead."""
    monkeypatch.setenv("YTT_INDEX_SCOPE", "county")
    with pytest.raises(ConfigError) as err:
        settings.check()
    assert err.value.env == "YTT_INDEX_SCOPE"
    text = err.value.user_text()
    assert "YTT_INDEX_SCOPE" in text and "default" in text and "all" in text


def test_settings_bad_dense_flag_names_the_variable(monkeypatch):
    monkeypatch.setenv("YTT_DENSE_IN_BACKGROUND", "maybe")
    with pytest.raises(ConfigError) as err:
        settings.dense_in_background()
    assert err.value.env == "YTT_DENSE_IN_BACKGROUND"
    assert "YTT_DENSE_IN_BACKGROUND" in err.value.user_text()


def test_settings_declared_nowhere_else_in_the_dashboard():
    """Only settings.py builds a Setting; other modules read through it."""
    for path in sorted((REPO / "dashboard").rglob("*.py")):
        if path.name == "settings.py" and path.parent.name == "dashboard":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call)
                 and getattr(n.func, "id", getattr(n.func, "attr", "")) == "Setting"]  # fmt: skip
        assert not calls, f"{path.relative_to(REPO)} declares a Setting"
