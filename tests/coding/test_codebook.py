"""The CAMEO codebook in package data, and CAMEO's frames (intent, appeal, demand, reject, threat)."""

from __future__ import annotations

import pytest

from dragoman.coding.codebook import frame_code, load_codebook, slot


def test_all_twenty_roots_and_their_codes():
    book = load_codebook()
    codes = book.codes()
    assert len(codes) == 312
    assert {c[:2] for c in codes} == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize(
    "code,root,quad,goldstein,plover",
    [
        ("043", "04", 1, 2.8, "CONSULT"),
        ("0311", "03", 1, 5.2, "AGREE"),
        ("073", "07", 2, 7.4, "AID"),
        ("112", "11", 3, -2.0, "ACCUSE"),
        ("163", "16", 4, -8.0, "COERCE"),
        ("190", "19", 4, -10.0, "ASSAULT"),
        ("020", "02", 1, 3.0, "REQUEST"),
    ],
)
def test_code_info(code, root, quad, goldstein, plover):
    info = load_codebook().info(code)
    assert (info.root, info.quad_class, info.goldstein) == (root, quad, goldstein)
    assert info.plover["type"] == plover


def test_statements_have_no_plover_type():
    assert load_codebook().info("010").plover is None


def test_unknown_code_falls_back_to_parent():
    assert load_codebook().info("1952").code == "195"


@pytest.mark.parametrize(
    "frame,code,expected",
    [
        ("intent", "061", "0311"),  # agreed to trade
        ("intent", "040", "036"),  # agreed to meet
        ("appeal", "073", "0233"),  # urged to send food aid
        ("demand", "0874", "1056"),  # demanded a withdrawal
        ("reject", "040", "125"),  # refused to meet
        ("reject", "036", "125"),  # will not agree to meet
        ("threat", "163", "1312"),  # threatened sanctions
        ("threat", "190", "1384"),  # threatened an attack
        ("threat", "166", "136"),  # threatened to expel
        ("intent", "190", None),  # an "intent" to attack is a threat, handled by the caller
    ],
)
def test_frames(frame, code, expected):
    assert frame_code(frame, code) == expected


def test_slots():
    assert slot("0874") == "deescalate" and slot("071") == "aid_econ" and slot("045") == "mediate"
