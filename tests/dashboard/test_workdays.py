import datetime as dt

from dashboard import db, workdays
from dashboard.workdays import add_workdays

D = dt.date


def test_workdays_national_day_2026_skips_holidays_and_counts_both_makeup_days():
    # State Council notice for 2026 (data in chinese_calendar): 中秋 9-25..27 off, 国庆 10-1..7
    # off, make-up working days Sun 9-20 and Sat 10-10. Interview Fri 2026-09-18; day 1 is
    # Sun 9-20, then 9-21..24 (5), 9-28..30 (8), 10-8, 10-9 (10), Sat 10-10 (11), 10-12..15 (15).
    deadline = add_workdays(D(2026, 9, 18), 15)
    assert deadline.due == D(2026, 10, 15)
    assert deadline.unverified is False


def test_workdays_saturday_start_gives_same_due_as_friday_start():
    # 2026-03-07 is a Saturday: the count starts Mon 3-9, 15 working days end Fri 3-27.
    assert add_workdays(D(2026, 3, 7), 15).due == D(2026, 3, 27)
    assert add_workdays(D(2026, 3, 8), 15).due == D(2026, 3, 27)
    assert add_workdays(D(2026, 3, 6), 15).due == D(2026, 3, 27)


def test_workdays_december_2026_crosses_into_uncovered_2027_without_crash():
    # 12-22..25 (4), 12-28..31 (8); 2027 has no data: Mon-Fri fallback, but 元旦 1-1 is a
    # fixed-date holiday; 1-4..8 (13), 1-11 (14), 1-12 (15).
    deadline = add_workdays(D(2026, 12, 21), 15)
    assert deadline.due == D(2027, 1, 12)
    assert deadline.unverified is True
    assert deadline.uncovered[0] == D(2027, 1, 1)


def test_workdays_regional_holiday_table_shifts_due_date(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        assert workdays.rectification_deadline(s, D(2026, 3, 6)).due == D(2026, 3, 27)
        workdays.set_regional_day(s, actors["admin"], D(2026, 3, 20), "肉孜节")
        deadline = workdays.rectification_deadline(s, D(2026, 3, 6))
        assert deadline.due == D(2026, 3, 30)
        assert [d.name for d in workdays.list_regional_days(s, 2026)] == ["肉孜节"]
        workdays.remove_regional_day(s, actors["admin"], D(2026, 3, 20))
        assert workdays.rectification_deadline(s, D(2026, 3, 6)).due == D(2026, 3, 27)


def test_workdays_regional_table_only_editable_by_admin(world):
    import pytest

    from dashboard.errors import RoleNotPermitted

    engine, actors = world
    with db.session_scope(engine) as s, pytest.raises(RoleNotPermitted):
        workdays.set_regional_day(s, actors["tianshan"], D(2026, 5, 27), "古尔邦节")


def test_years_without_official_data_still_skip_fixed_date_holidays():
    # 2027 is not in the calendar data: Mon-Fri fallback, but 元旦 (a fixed date) is a day off.
    from dashboard.workdays import add_workdays

    deadline = add_workdays(dt.date(2026, 12, 28), 15)
    assert deadline.unverified
    assert dt.date(2027, 1, 1) in deadline.uncovered
    # 12-29, 12-30, 12-31 (covered: 2026 data), then 2027: 1-4..1-8, 1-11..1-15, 1-18, 1-19.
    assert deadline.due == dt.date(2027, 1, 19)
