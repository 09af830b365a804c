"""Build dragoman/data/coding/codebook.json: the CAMEO codebook with quad classes and PLOVER types.

Sources (see NOTICE): ``../shared/data/cameo/cameo-codes.csv`` (names and Goldstein scores per
full code, from the CAMEO manual via andybega/icews) and
``../shared/data/plover/CAMEO2PLOVER-2021.txt`` (CAMEO code -> PLOVER type, mode, context).

PLOVER has no category for CAMEO 01 (statements); its REQUEST type covers both CAMEO 02
(appeals) and 10 (demands), so 02 codes that the table leaves out map to REQUEST with the
mode of the matching 10 code. Codes missing from the table inherit their parent's entry.

Run: python scripts/build_codebook.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "dragoman" / "data" / "coding" / "codebook.json"
VERSION = "cameo-1.1b3+plover-2021.1"


def quad_class(root: str) -> int:
    """ICEWS quad class of a CAMEO root: 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict."""
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_codes(path: Path) -> dict[str, dict]:
    """CAMEO code -> name, root, Goldstein score."""
    out = {}
    with path.open(encoding="utf-8", errors="replace") as f:
        for row in csv.DictReader(f):
            code = row["code"].strip()
            name = row["name"].strip()
            if len(code) == 2:
                name = name.capitalize()
            out[code] = {"name": name, "root": code[:2], "goldstein": float(row["goldstein"])}
    return out


def read_plover(path: Path) -> dict[str, dict]:
    """CAMEO code -> {type, mode, context} from the conversion table (first line per code wins)."""
    out: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{2,4}):\s*([^#]*)", line)
        if not m or m.group(1) in out:
            continue
        parts = [p.strip() for p in m.group(2).split(",")]
        parts += [""] * (3 - len(parts))
        out[m.group(1)] = {"type": parts[0], "mode": parts[1] or None, "context": parts[2] or None}
    return out


def plover_for(code: str, table: dict[str, dict]) -> dict | None:
    """The PLOVER entry of a code: its own line, else its parent's; 02 follows 10; 01 has none."""
    if code.startswith("01"):
        return None
    if code.startswith("02") and code not in table:
        twin = "10" + code[2:]
        base = table.get(twin) or table.get(twin[:3]) or table["10"]
        return {"type": "REQUEST", "mode": base.get("mode"), "context": base.get("context")}
    c = code
    while c and c not in table:
        c = c[:-1]
    return dict(table[c]) if c else None


def build(shared: Path) -> dict:
    """The codebook as written to package data."""
    codes = read_codes(shared / "data" / "cameo" / "cameo-codes.csv")
    table = read_plover(shared / "data" / "plover" / "CAMEO2PLOVER-2021.txt")
    book = {}
    for code, c in sorted(codes.items()):
        p = plover_for(code, table)
        book[code] = {
            "name": c["name"],
            "root": c["root"],
            "goldstein": c["goldstein"],
            "quad_class": quad_class(c["root"]),
            "plover": {"type": p["type"], "mode": p["mode"]} if p else None,
        }
    return {"version": VERSION, "codes": book}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    args = ap.parse_args()
    data = build(Path(args.shared))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(data['codes'])} codes")


if __name__ == "__main__":
    main()
