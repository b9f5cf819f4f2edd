"""Registering a 市场监管所 under a county: names are unique per county and fit the column."""

from __future__ import annotations

import pytest

from dashboard import db, jurisdictions
from dashboard.errors import ValidationError


@pytest.mark.parametrize("again", ["红山市场监管所", "红山市场监管所 ", " 红山", "红山 市场监管所"])
def test_station_same_name_under_same_county_is_refused(world, again):
    engine, actors = world
    with db.session_scope(engine) as s:
        jurisdictions.add_station(s, actors["admin"], "650102", "红山市场监管所")
        with pytest.raises(ValidationError) as caught:
            jurisdictions.add_station(s, actors["admin"], "650102", again)
        assert "天山区下已有红山市场监管所" in caught.value.user_text()
        assert len(jurisdictions.children(s, "650102")) == 1


def test_station_same_name_under_another_county_is_allowed(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        jurisdictions.add_station(s, actors["admin"], "650102", "红山市场监管所")
        other = jurisdictions.add_station(s, actors["admin"], "650103", "红山市场监管所")
        assert other.parent_code == "650103"


def test_station_name_longer_than_the_column_is_refused(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        with pytest.raises(ValidationError) as caught:
            jurisdictions.add_station(s, actors["admin"], "650102", "红" * 101)
        assert "最多 100 个字" in caught.value.user_text()
        assert jurisdictions.children(s, "650102") == []
        assert jurisdictions.add_station(s, actors["admin"], "650102", "红" * 100).name
