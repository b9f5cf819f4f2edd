from dashboard import identifiers


def test_identifiers_credit_code_check_digit():
    assert identifiers.is_credit_code("91350100M000100Y43")
    assert not identifiers.is_credit_code("91350100M000100Y44")  # wrong check digit
    assert not identifiers.is_credit_code("91350100M000100Y4")  # 17 characters
    assert not identifiers.is_credit_code("91350100M000100I43")  # I is not in the alphabet
    assert identifiers.credit_check_char("91350100M000100Y4") == "3"
    assert identifiers.is_credit_code("９１３５０１００ｍ０００１００ｙ４３")  # full-width input


def test_identifiers_id_number_and_phone():
    assert identifiers.is_id_number("11010519491231002X")
    assert not identifiers.is_id_number("110105194912310021")
    assert not identifiers.is_id_number("11010519491331002X")  # month 13
    assert identifiers.is_phone("13812345678") and identifiers.is_phone("0991-4567890")
    assert not identifiers.is_phone("12345")


def test_identifiers_masking():
    assert identifiers.mask_id_number("11010519491231002X") == "110105********002X"
    assert identifiers.mask_phone("13812345678") == "138****5678"
