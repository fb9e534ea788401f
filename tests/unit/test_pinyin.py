import pytest

from hallclient.pinyin import initials, name_initials


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("燃气表", "rqb"),
        ("重庆", "cq"),  # read as a phrase, not 重 zhòng
        ("IC卡补卡工本费", "ickbkgbf"),
        ("燃气表具(G2.5)", "rqbjg25"),
        ("", ""),
    ],
)
def test_initials(text, expected):
    assert initials(text) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("张伟", "zw"), ("单雄信", "sxx"), ("曾国藩", "zgf"), ("欧阳修", "oyx"), ("尉迟恭", "ycg")],
)
def test_name_initials_use_surname_readings(name, expected):
    assert name_initials(name) == expected
