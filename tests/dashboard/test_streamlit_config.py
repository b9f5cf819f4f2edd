"""The project's .streamlit/config.toml: known options only, and Streamlit reads its values."""

from __future__ import annotations

import tomllib

from tests.dashboard.app_support import REPO

CONFIG = REPO / ".streamlit" / "config.toml"
EXPECTED = {
    "client.toolbarMode": "viewer",
    "browser.gatherUsageStats": False,
    "server.headless": True,
}


def _options() -> dict:
    with CONFIG.open("rb") as f:
        data = tomllib.load(f)
    return {f"{section}.{key}": v for section, keys in data.items() for key, v in keys.items()}


def test_streamlit_config_declares_only_known_options():
    from streamlit import config

    options = _options()
    assert options == EXPECTED
    known = config.get_config_options()
    assert not [name for name in options if name not in known]


def test_streamlit_config_values_are_read_from_the_project_root(monkeypatch):
    from streamlit import config

    monkeypatch.chdir(REPO)
    try:
        config.get_config_options(force_reparse=True)
        assert {name: config.get_option(name) for name in EXPECTED} == EXPECTED
    finally:
        config.get_config_options(force_reparse=True)
