"""A party without a 统一社会信用代码 (无照经营) can be registered, imported and exported; a code
that is given is still checked, and the not-twice rule matches such parties by name."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from dashboard import cases, db, excel
from dashboard.cases import PartyDraft
from dashboard.errors import DuplicateMatter, ImportFailed, ValidationError
from tests.dashboard.helpers import draft, valid_credit_code
from tests.dashboard.test_excel import _book, _row


def test_no_credit_code_case_registered_and_stored_empty(world):
    engine, actors = world
    with db.session_scope(engine) as s:
        case = cases.create_case(
            s, actors["tianshan"], draft(parties=[PartyDraft("无照早餐摊", " ")])
        )
        assert case.parties[0].credit_code == ""
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        cases.create_case(s, actors["tianshan"], draft(parties=[PartyDraft("某店", "123")]))
    assert err.value.problems == {"credit_code": "validation.credit_code"}


def test_no_credit_code_parties_told_apart_by_name(world):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        cases.create_case(s, h, draft(parties=[PartyDraft("无照早餐摊", "")]))
        other = cases.create_case(s, h, draft(seed=2, parties=[PartyDraft("流动水果摊", "")]))
        assert other.id  # a different unlicensed operator is not the same matter
        collective = [PartyDraft("甲摊", ""), PartyDraft("乙摊", ""), PartyDraft("丙", "")]
        cases.create_case(s, h, draft(seed=3, is_collective=True, parties=collective[:2]))
    with pytest.raises(DuplicateMatter), db.session_scope(engine) as s:
        cases.create_case(s, h, draft(seed=4, parties=[PartyDraft("无照早餐摊", "")]))
    with pytest.raises(ValidationError) as err, db.session_scope(engine) as s:
        twice = [PartyDraft("甲摊", ""), PartyDraft("甲摊", "")]
        cases.create_case(s, h, draft(seed=5, is_collective=True, parties=twice))
    assert err.value.problems == {"parties": "validation.duplicate_party"}


def test_no_credit_code_excel_import_and_export(world):
    engine, actors = world
    code = valid_credit_code(90)
    rows = [_row(1, "2026/3/5"), _row(2, "2026/3/5"), _row(3, "2026/3/5")]
    rows[0][4:6] = ["无照早餐摊", None]
    rows[1][4:6] = ["甲摊、乙公司", f"无、{code}"]
    rows[2][4:6] = ["流动水果摊", "无"]
    with db.session_scope(engine) as s:
        assert len(excel.import_cases(s, actors["admin"], _book(rows))) == 3
    out = io.BytesIO()
    with db.session_scope(engine) as s:
        excel.export_cases(s, actors["tianshan"], cases.CaseFilter(), out)
    out.seek(0)
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    exported = {r[header.index("约谈对象")]: r[header.index("统一社会信用代码")]
                for r in sheet.iter_rows(min_row=2, values_only=True)}  # fmt: skip
    assert exported == {"无照早餐摊": "无", "甲摊、乙公司": f"无、{code}", "流动水果摊": "无"}
    # The same unlicensed operator on the same problem again is refused as a duplicate.
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book([rows[0]]))
    assert "duplicate" in err.value.rows[0].problems


@pytest.mark.parametrize("again", ["(全角)公司", " （全角） 公司", "（全角）公司\u3000"])
def test_no_credit_code_same_name_in_other_width_or_spacing_is_same_matter(world, again):
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        first = cases.create_case(s, h, draft(parties=[PartyDraft("（全角）公司", "")]))
        with pytest.raises(DuplicateMatter) as err:
            cases.create_case(s, h, draft(seed=2, parties=[PartyDraft(again, "")]))
        assert err.value.earlier_case_no == first.case_no


def test_no_credit_code_excel_import_same_name_in_other_width_refused(world):
    engine, actors = world
    rows = [_row(1, "2026/3/5"), _row(2, "2026/3/5")]
    rows[0][4:6] = ["（全角）公司", None]
    rows[1][4:6] = ["(全角)公司", None]
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book(rows))
    assert {r.row: r.problems for r in err.value.rows} == {
        3: {"duplicate": "validation.duplicate_row", "earlier_row": "2"}
    }
    with db.session_scope(engine) as s:
        assert len(excel.import_cases(s, actors["admin"], _book(rows[:1]))) == 1
    with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
        excel.import_cases(s, actors["admin"], _book(rows[1:]))
    assert err.value.rows[0].problems["duplicate"] == "validation.duplicate_case"


def test_no_credit_code_same_name_with_and_without_code_is_same_matter(world):
    """A firm written once with its code and once without (same name, other bracket width) is
    one party, both ways round; two firms of one name with different codes stay apart."""
    engine, actors = world
    h = actors["tianshan"]
    rows = [_row(1, "2026/3/5"), _row(2, "2026/3/5")]
    rows[0][4:6] = ["乌鲁木齐某(天山)商贸有限公司", valid_credit_code(91)]
    rows[1][4:6] = ["乌鲁木齐某（天山）商贸有限公司", None]
    for order in (rows, rows[::-1]):
        with pytest.raises(ImportFailed) as err, db.session_scope(engine) as s:
            excel.import_cases(s, actors["admin"], _book(order))
        assert [r.problems["duplicate"] for r in err.value.rows] == ["validation.duplicate_row"]
    with db.session_scope(engine) as s:
        first = cases.create_case(s, h, draft(parties=[PartyDraft("某（天山）商贸", "")]))
        with pytest.raises(DuplicateMatter) as dup:
            coded = [PartyDraft("某(天山)商贸", valid_credit_code(92))]
            cases.create_case(s, h, draft(seed=2, parties=coded))
        assert dup.value.earlier_case_no == first.case_no
        twins = [PartyDraft("同名商行", valid_credit_code(93))]
        cases.create_case(s, h, draft(seed=3, parties=twins))
        other = cases.create_case(
            s, h, draft(seed=4, parties=[PartyDraft("同名商行", valid_credit_code(94))])
        )
        assert other.id


def test_no_credit_code_added_after_registration(world):
    """A party registered without its code gets it later (checked, normalised, audited); a
    bad code, a blank name and another case's party on the same problem are refused."""
    engine, actors = world
    h = actors["tianshan"]
    code, taken = valid_credit_code(95), valid_credit_code(96)
    with db.session_scope(engine) as s:
        case = cases.create_case(s, h, draft(parties=[PartyDraft("某健身房", "")]))
        cases.create_case(s, h, draft(seed=2, parties=[PartyDraft("另一家", taken)]))
        for changes, field in (({"credit_code": "123"}, "credit_code"),
                               ({"name": "  "}, "name")):  # fmt: skip
            with pytest.raises(ValidationError) as err:
                cases.update_party(s, h, case.id, 0, case.version, **changes)
            assert field in err.value.problems
        with pytest.raises(DuplicateMatter):
            cases.update_party(s, h, case.id, 0, case.version, credit_code=taken)
        updated = cases.update_party(s, h, case.id, 0, case.version, credit_code=code.lower())
        assert updated.parties[0].credit_code == code
        trail = cases.audit_trail(s, h, case.id)[-1]
        assert (trail.action, trail.comment) == ("update_party", "某健身房：统一社会信用代码")


def test_changing_the_problem_category_keeps_the_not_twice_rule(world):
    """Moving a case to the problem type another case of the same party already has would
    make the same matter twice (art. 6): refused, naming the earlier case."""
    engine, actors = world
    h = actors["tianshan"]
    with db.session_scope(engine) as s:
        first = cases.create_case(s, h, draft(parties=[PartyDraft("某商行", "")]))
        other = cases.create_case(
            s, h, draft(seed=2, problem_category="quality", parties=[PartyDraft("某商行", "")])
        )
        with pytest.raises(DuplicateMatter) as err:
            cases.update_case(
                s, h, other.id, other.version, problem_category=first.problem_category
            )
        assert err.value.earlier_case_no == first.case_no
