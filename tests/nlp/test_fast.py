"""The fast lemmatizer and attribute ruler annotate exactly as the model's own components do."""

from __future__ import annotations

import logging
import pickle
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler

from dragoman.nlp import load_package, model_name
from dragoman.nlp.fast import FastAttributeRuler, FastLemmatizer, install_fast
from dragoman.pipeline import COMPONENTS

ROOT = Path(__file__).resolve().parents[2]
ATTRS = [ORTH, NORM, TAG, POS, MORPH, DEP, HEAD, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]

ODD = [
    "",
    " ",
    "\n\n\n",
    "Russia   condemned\t\tGeorgia.\n\n\nThe talks   ended.  ",
    "RUSSIA CONDEMNED GEORGIA'S ATTACK ON TSKHINVALI, SAID THE KREMLIN.",
    "Erdoğan met Müller in Zürich; Шойгу and 习近平 sent envoys to São Paulo. 🚀",
    "He ain't gonna say nothin' 'bout it, y'all. They're not. I'd've gone. Dunno, lemme see.",
    "whom whose it its they them their theirs we us our I me my mine you your yours",
    "The U.S.-led forces (NATO's) struck at 3:45 a.m. -- e.g. 12,000 troops; 3.5% of GDP!!!",
    "Ministers said , \" we will go \" ; others replied ' no ' .",
    "better best worse worst more most less least faster fastest",
]


def _texts() -> list[str]:
    files = sorted((ROOT / "dragoman" / "data" / "sample").rglob("*.txt"))
    files += sorted((ROOT / "tests").rglob("*.txt"))
    assert len(files) > 50, "the sample reports and test fixtures are the corpus"
    return [f.read_text(encoding="utf-8") for f in files] + ODD


@pytest.fixture(scope="module")
def stock():
    """The model exactly as dragoman runs it, with the stock rule components."""
    nlp = load_package(model_name(""))
    nlp.add_pipe("dragoman_sentences", before="parser")
    return nlp


def _differences(a, b) -> list[str]:
    out = []
    if not numpy.array_equal(a.to_array(ATTRS), b.to_array(ATTRS)):
        out.append("arrays")
    for ta, tb in zip(a, b, strict=True):
        sa = (ta.tag_, ta.pos_, str(ta.morph), ta.dep_, ta.head.i, ta.lemma_, ta.ent_iob_, ta.ent_type_)
        sb = (tb.tag_, tb.pos_, str(tb.morph), tb.dep_, tb.head.i, tb.lemma_, tb.ent_iob_, tb.ent_type_)
        if sa != sb or ta.is_sent_start != tb.is_sent_start:
            out.append(f"{ta.i} {ta.text!r}: {sa} != {sb}")
    return out


def test_dragoman_pipeline_uses_the_fast_components(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    assert nlp.pipe_names.index("attribute_ruler") < nlp.pipe_names.index("lemmatizer")


def test_every_token_annotated_as_by_the_stock_model(nlp, stock):
    texts = _texts()
    with nlp.select_pipes(disable=list(COMPONENTS)):
        fast_docs = list(nlp.pipe(texts))
    bad = []
    for text, a, b in zip(texts, stock.pipe(texts), fast_docs, strict=True):
        assert [t.text for t in a] == [t.text for t in b]
        diffs = _differences(a, b)
        if diffs or a.to_json() != b.to_json():
            bad.append((text[:40], diffs[:3]))
    assert not bad, bad
    assert sum(len(d) for d in fast_docs) > 20_000


def test_identical_through_the_whole_pipeline_and_in_workers(nlp, stock):
    texts = _texts()[:6] + ODD
    stock_docs = list(stock.pipe(texts))
    for docs in (list(nlp.pipe(texts)), list(nlp.pipe(texts, n_process=2, batch_size=4))):
        for a, b in zip(stock_docs, docs, strict=True):
            assert _differences(a, b) == []


def test_a_pickled_pipeline_keeps_the_fast_components(nlp, stock):
    ruler = pickle.loads(pickle.dumps(nlp.get_pipe("attribute_ruler")))
    lemmatizer = pickle.loads(pickle.dumps(nlp.get_pipe("lemmatizer")))
    text = "Protesters besieged the embassy; gonna see whether they're leaving."
    doc = stock.make_doc(text)
    for name, proc in stock.pipeline:
        if name == "attribute_ruler":
            proc = ruler
        elif name == "lemmatizer":
            proc = lemmatizer
        doc = proc(doc)
    assert _differences(stock(text), doc) == []


def _ruler_pair(patterns):
    stock_nlp, fast_nlp = spacy.blank("en"), spacy.blank("en")
    for target in (stock_nlp, fast_nlp):
        target.add_pipe("attribute_ruler").add_patterns(patterns)
    return stock_nlp, fast_nlp, install_fast(fast_nlp)


GENERIC = [
    {"patterns": [[{"LOWER": {"IN": ["a", "an", "the"]}}]], "attrs": {"TAG": "DT", "POS": "DET"}},
    {"patterns": [[{"TEXT": "The"}]], "attrs": {"TAG": "DTX", "LEMMA": "the-cap"}},
    {"patterns": [[{"LOWER": "new"}, {"LOWER": "york"}]], "attrs": {"POS": "PROPN"}, "index": -1},
    {"patterns": [[{"LOWER": "new"}, {"IS_TITLE": True}]], "attrs": {"MORPH": "Degree=Pos"}},
    {"patterns": [[{"IS_SPACE": True}], [{"IS_PUNCT": True}]], "attrs": {"POS": "PUNCT", "MORPH": "_"}},
    {"patterns": [[{"LOWER": {"REGEX": "^un"}, "IS_ALPHA": True}]], "attrs": {"LEMMA": "un-"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "new"]}, "LENGTH": 3}]], "attrs": {"TAG": "X3"}},
    {"patterns": [[{"LOWER": {"NOT_IN": ["the", "new"]}, "IS_UPPER": True}]], "attrs": {"TAG": "UP"}},
    {"patterns": [[{}, {"LOWER": "of"}, {}]], "attrs": {"DEP": "pobj"}, "index": 2},
    {"patterns": [[{"ORTH": "York"}]], "attrs": {"TAG": "NNP", "POS": "PROPN"}},
]


def test_compiled_ruler_matches_the_stock_ruler_on_generic_patterns():
    shapes = [p for p in GENERIC if "LENGTH" not in str(p)]
    stock_nlp, fast_nlp, done = _ruler_pair(shapes)
    assert done == ["attribute_ruler"]
    assert isinstance(fast_nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    texts = [
        "The new York times and the New York Times of an unusual kind.",
        "Unless  the\n\nun-named man of a town, new New new York York.",
        "",
    ] + ODD
    for text in texts:
        assert _differences(stock_nlp(text), fast_nlp(text)) == [], text


def test_unknown_pattern_shapes_keep_the_stock_ruler(caplog):
    with caplog.at_level(logging.WARNING, logger="dragoman.nlp.fast"):
        _, fast_nlp, done = _ruler_pair(
            GENERIC[:2] + [{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"POS": "X"}}]
        )
    assert done == []
    assert type(fast_nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert "kept the stock attribute_ruler" in caplog.text
    _, _, done = _ruler_pair(
        [p for p in GENERIC if "LENGTH" in str(p)]
    )  # LENGTH is no string attribute the compiler handles
    assert done == []


def test_fast_lemmatizer_respects_overwrite_and_existing_lemmas(stock):
    tables = stock.get_pipe("lemmatizer").lookups
    for overwrite in (False, True):
        lem = EnglishLemmatizer(stock.vocab, None, mode="rule", overwrite=overwrite)
        lem.lookups = tables
        fast = FastLemmatizer(stock, "lemmatizer").adopt(lem)
        text = "The ministers were meeting; talks went better than feared, and they've agreed."
        docs = []
        for component in (lem, fast):
            doc = stock.make_doc(text)
            for name, proc in stock.pipeline:
                if name not in ("lemmatizer", "ner"):
                    doc = proc(doc)
            doc[1].lemma_ = "PRESET"
            docs.append(component(doc))
        assert [t.lemma_ for t in docs[0]] == [t.lemma_ for t in docs[1]]
        assert (docs[1][1].lemma_ == "PRESET") is not overwrite
