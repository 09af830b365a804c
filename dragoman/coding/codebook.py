"""The CAMEO codebook: names, Goldstein scores, quad classes, PLOVER types; and CAMEO's frames.

A *frame* is what an actor does with another act: intends it (03), asks for it (02),
demands it (10), rejects it (12) or threatens it (13). ``frame_code("intent", "061")``
gives ``"0311"``: "agreed to trade" is an intent to cooperate economically, not trade.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import DataError

#: what an act is about, by CAMEO code prefix (longest prefix wins)
_SLOT_OF = {
    "04": "meet", "045": "mediate", "05": "diplomatic", "057": "settle",
    "06": "material", "061": "econ", "062": "mil", "063": "judicial", "064": "intel",
    "07": "aid", "071": "aid_econ", "072": "aid_mil", "073": "aid_hum", "074": "aid_pk",
    "08": "yield", "081": "ease_admin", "082": "ease_dissent", "083": "reform", "0831": "leadership",
    "0832": "policy", "0833": "rights", "0834": "institutions", "084": "release", "085": "ease_econ",
    "086": "allow_intl", "087": "deescalate",
}  # fmt: skip

#: slot -> (intent, appeal, demand, reject) codes
_FRAMES = {
    "coop": ("030", "020", "100", "120"),
    "material": ("031", "021", "101", "121"),
    "econ": ("0311", "0211", "1011", "1211"),
    "mil": ("0312", "0212", "1012", "1212"),
    "judicial": ("0313", "0213", "1013", "1213"),
    "intel": ("0314", "0214", "1014", "121"),
    "diplomatic": ("032", "022", "102", "120"),
    "aid": ("033", "023", "103", "122"),
    "aid_econ": ("0331", "0231", "1031", "1221"),
    "aid_mil": ("0332", "0232", "1032", "1222"),
    "aid_hum": ("0333", "0233", "1033", "1223"),
    "aid_pk": ("0334", "0234", "1034", "1224"),
    "reform": ("034", "024", "104", "123"),
    "leadership": ("0341", "0241", "1041", "1231"),
    "policy": ("0342", "0242", "1042", "1232"),
    "rights": ("0343", "0243", "1043", "1233"),
    "institutions": ("0344", "0244", "1044", "1234"),
    "yield": ("035", "025", "105", "124"),
    "ease_admin": ("0351", "0251", "1051", "1241"),
    "ease_dissent": ("0352", "0252", "1052", "1242"),
    "release": ("0353", "0253", "1053", "1243"),
    "ease_econ": ("0354", "0254", "1054", "1244"),
    "allow_intl": ("0355", "0255", "1055", "1245"),
    "deescalate": ("0356", "0256", "1056", "1246"),
    "meet": ("036", "026", "106", "125"),
    "settle": ("037", "027", "107", "127"),
    "mediate": ("039", "028", "108", "126"),
}
_FRAME_INDEX = {"intent": 0, "appeal": 1, "demand": 2, "reject": 3}

#: conflictual act -> the threat of it (longest prefix wins)
_THREAT_OF = {
    "09": "130", "10": "130", "11": "130", "12": "130", "13": "same", "14": "133", "15": "138",
    "16": "131", "160": "1313", "161": "1313", "162": "1311", "163": "1312", "164": "134",
    "165": "135", "166": "136", "17": "130", "172": "132", "1721": "1321", "1722": "1322",
    "1723": "1323", "1724": "1324", "173": "132", "174": "132", "175": "137", "18": "1383",
    "19": "1384", "191": "1381", "192": "1382", "20": "1383", "204": "1385",
}  # fmt: skip


@dataclass(frozen=True)
class CodeInfo:
    """One CAMEO code as events carry it."""

    code: str
    root: str
    name: str
    quad_class: int
    goldstein: float
    plover: dict[str, Any] | None


def _longest(table: dict[str, str], code: str) -> str | None:
    for n in range(len(code), 1, -1):
        v = table.get(code[:n])
        if v is not None:
            return v
    return None


class Codebook:
    """CAMEO codes from package data; unknown codes fall back to their parent."""

    def __init__(self, data: dict[str, Any]):
        self.version: str = data["version"]
        self._codes: dict[str, dict[str, Any]] = data["codes"]
        self._cache: dict[str, CodeInfo] = {}

    def __contains__(self, code: str) -> bool:
        return code in self._codes

    def info(self, code: str) -> CodeInfo:
        """The codebook entry of a code (its nearest known parent when the code is unknown)."""
        hit = self._cache.get(code)
        if hit is None:
            known = code
            while known and known not in self._codes:
                known = known[:-1]
            if not known:
                raise DataError(f"[D303] CAMEO code '{code}' is not in the codebook: fix the pattern that emits it.")
            c = self._codes[known]
            hit = CodeInfo(known, c["root"], c["name"], c["quad_class"], c["goldstein"], c["plover"])
            self._cache[code] = hit
        return hit

    def codes(self) -> list[str]:
        """All codes, sorted."""
        return sorted(self._codes)


def slot(code: str) -> str:
    """What an act is about: 'meet', 'aid_hum', 'econ', ... ('coop' when nothing finer)."""
    return _longest(_SLOT_OF, code) or "coop"


def is_cooperative(code: str) -> bool:
    """Roots 02-08: acts a frame turns into intents, appeals, demands or rejections."""
    return "02" <= code[:2] <= "08"


def frame_code(frame: str, code: str) -> str | None:
    """The code of intending/asking/demanding/rejecting/threatening an act coded ``code``."""
    if frame == "threat":
        t = _longest(_THREAT_OF, code)
        return code if t == "same" else t if t else "130"
    if frame not in _FRAME_INDEX:
        return None
    if code[:2] in ("02", "03", "10", "12"):
        return _FRAMES[_reverse_slot(code)][_FRAME_INDEX[frame]]
    if not is_cooperative(code):
        return None
    return _FRAMES[slot(code)][_FRAME_INDEX[frame]]


def _reverse_slot(code: str) -> str:
    """The slot of an already framed code (0311 -> econ)."""
    for name, codes in _FRAMES.items():
        if code in codes:
            return name
    return "coop"


@lru_cache(maxsize=1)
def load_codebook() -> Codebook:
    """The packaged codebook (once per process)."""
    try:
        text = resources.files("dragoman").joinpath("data/coding/codebook.json").read_text(encoding="utf-8")
    except FileNotFoundError as e:
        raise DataError(
            "[D301] dragoman/data/coding/codebook.json is missing: run `python scripts/build_codebook.py`."
        ) from e
    return Codebook(json.loads(text))
