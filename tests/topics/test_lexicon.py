"""The packaged topic lexicon: two scales, Phoenix's issues merged in, PLOVER's code priors."""

from __future__ import annotations

from dragoman.topics import load_lexicon


def test_lexicon_has_about_forty_contexts_and_the_issues_of_today():
    lex = load_lexicon()
    contexts = set(lex.names("context"))
    assert 35 <= len(contexts) <= 45
    plover_2021 = {
        "military",
        "diplomatic",
        "economic",
        "cbrn",
        "terrorism",
        "human_rights",
        "migration",
        "legal",
        "rights_freedoms",
        "humanitarian",
        "peacekeeping",
        "intelligence",
        "cyber",
    }
    assert plover_2021 <= contexts and "territory" in contexts
    issues = set(lex.names("issue"))
    for name in (
        "missile_defense",
        "iran_nuclear_program",
        "nato_enlargement",
        "sanctions_on_russia",
        "cyber_attacks",
        "drones",
        "terrorism",
        "drug_trafficking",
        "refugees",
    ):
        assert name in issues, name
    assert lex.version.startswith("topics-")


def test_every_issue_names_declared_contexts_and_phoenix_issues_came_in():
    lex = load_lexicon()
    contexts = set(lex.names("context"))
    issues = [t for t in lex.topics if t["scale"] == "issue"]
    for t in issues:
        assert set(t["contexts"]) <= contexts, t["name"]
    from_phoenix = [t for t in issues if "phoenix" in t["sources"]]
    assert len(from_phoenix) >= 40
    assert sum(1 for p in lex.patterns if p[2] == "pos") > 4000


def test_code_prior_uses_plover_table_then_root():
    lex = load_lexicon()
    assert lex.code_prior("0311") == ["economic"]
    assert lex.code_prior("190") == ["military"]
    assert lex.code_prior("091") == ["crime", "corruption"]
    assert lex.code_prior("040") == ["diplomatic"]  # blank in PLOVER's table: the root's context
    assert lex.code_prior("0") == [] and lex.code_prior("") == []
