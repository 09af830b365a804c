"""The conversion script: malformed lines fail with file and line; dates and codes parse."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dragoman.actors.phoenix import parse_code, read_actors, read_agents
from dragoman.errors import DictionaryError

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    "lines,line,what",
    [
        (["RUSSIA_ [RUS]", "+MOSCOW_", "\t[RUSGOV 9901-000101]"], 3, "bad date"),
        (["RUSSIA_ [RUS", "+MOSCOW_"], 1, "unbalanced"),
        (["+MOSCOW_"], 1, "before any entry"),
        (["LAVROV_", "\t[rusgov >040309]"], 2, "bad code"),
        (["PUTIN_", "\t[RUSGOV 080101-070101]"], 2, "ends before it starts"),
    ],
)
def test_malformed_actor_line_names_file_and_line(lines, line, what):
    with pytest.raises(DictionaryError) as err:
        list(read_actors(Path("Test.actors.txt"), lines))
    assert f"Test.actors.txt:{line}:" in str(err.value) and what in str(err.value)


def test_malformed_agent_line():
    with pytest.raises(DictionaryError, match=r"Test.agents.txt:2:"):
        list(read_agents(Path("Test.agents.txt"), ["TROOP [~MIL]", "SOLDIER [~MIL}"]))


def test_codes_and_dates():
    span = parse_code("USAGOV 090121-130201", "f", 1)
    assert (span.code, span.start, span.end) == ("USAGOV", "2009-01-21", "2013-02-01")
    assert parse_code("RUSELI >19991231", "f", 1).start == "1999-12-31"
    assert parse_code("---", "f", 1).code is None


def test_agents_expand_plurals_and_macros():
    got = {a.phrase for a in read_agents(Path("a"), ["!M! = MINISTER, MINISTRY", "FOREIGN_!M! [~GOV]", "TROOP [~MIL]"])}
    assert {"FOREIGN_MINISTER", "FOREIGN_MINISTRY", "TROOP", "TROOPS"} <= got


def test_script_fails_on_malformed_line_with_file_and_line(tmp_path):
    src = ROOT.parent / "shared" / "data" / "petrarch2" / "dictionaries"
    if not src.exists():
        pytest.skip("../shared/data is not beside the checkout")
    for f in src.glob("Phoenix.*"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    bad = tmp_path / "Phoenix.MilNonState.actors.txt"
    lines = bad.read_text(encoding="latin-1").splitlines()
    lines.insert(60, "BROKEN_GROUP_ [ABCREB 2099x]")
    bad.write_text("\n".join(lines) + "\n", encoding="latin-1")
    out = tmp_path / "out"
    p = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_actors.py"), "--phoenix", str(tmp_path),
                        "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert p.returncode == 1
    assert "Phoenix.MilNonState.actors.txt:61:" in p.stderr
    assert not out.exists()
