"""A small, varied set of records for store, export and analysis tests (hand-made, no NLP)."""

from __future__ import annotations

from dragoman.models import Actor, Article, Event, Place, Quote, Record, Trigger

GENEVA = Place(name="Geneva", country="CHE", lat=46.2, lon=6.15, geonameid=2660646, start=40, end=46)
TSKHINVALI = Place(name="Tskhinvali", country="GEO", lat=42.23, lon=43.97, geonameid=611403)


def actor(
    code: str | None,
    country: str | None = None,
    igo: str | None = None,
    name: str | None = None,
    sectors: tuple[str, ...] = (),
    start: int = 0,
    text: str | None = None,
) -> Actor:
    return Actor(
        text=text or name or code or "",
        name=name,
        code=code,
        country=country,
        igo=igo,
        sectors=list(sectors),
        start=start,
        end=start + len(text or name or code or ""),
    )


def event(
    code: str,
    quad: int,
    goldstein: float,
    source: Actor | None,
    target: Actor | None,
    date: str | None,
    sentence: int = 0,
    trigger: tuple[str, int] = ("met", 10),
    plover: tuple[str, str | None] | None = None,
    place: Place | None = None,
    contexts: tuple[str, ...] = (),
    issues: tuple[str, ...] = (),
    name: str = "",
) -> Event:
    return Event(
        code=code,
        root=code[:2],
        name=name or f"CAMEO {code}",
        quad_class=quad,
        goldstein=goldstein,
        source=source,
        target=target,
        trigger=Trigger(trigger[0], trigger[1], trigger[1] + len(trigger[0])),
        sentence=sentence,
        text=f"Sentence {sentence} with {trigger[0]}.",
        rule=f"{code}:{trigger[0]}",
        confidence=0.8,
        plover={"type": plover[0], "mode": plover[1]} if plover else None,
        date=date,
        place=place,
        contexts=list(contexts),
        issues=list(issues),
    )


def records() -> list[Record]:
    """Five articles: wars, visits, agreements, a month- and a year-precision date, IGOs, a duplicate."""
    usa_gov = actor("USAGOV", "USA", name="Hillary Clinton", sectors=("GOV",), start=0)
    rus_gov = actor("RUSGOV", "RUS", name="Sergei Lavrov", sectors=("GOV",), start=30)
    rus_mil = actor("RUSMIL", "RUS", name="Russian troops", sectors=("MIL",), start=0)
    nato = actor("IGOWSTNAT", igo="NATO", name="NATO", sectors=("IGO",), start=5)
    war = Record(
        article=Article(
            text="Russian troops attacked Georgia.\tUS condemned it.",
            id="voa_2008_08_10",
            title="War\tin Georgia",
            date="2008-08-10",
            url="https://voa.example/1",
            source="VOA",
        ),
        events=[
            event(
                "190",
                4,
                -10.0,
                rus_mil,
                actor("GEO", "GEO", start=24),
                "2008-08-08",
                0,
                ("attacked", 15),
                ("ASSAULT", None),
                TSKHINVALI,
                contexts=("military",),
                issues=("conflict",),
            ),
            event(
                "111",
                3,
                -2.0,
                actor("USA", "USA", start=33),
                actor("RUS", "RUS", start=50),
                "2008-08-10",
                1,
                ("condemned\tit", 36),
                ("ACCUSE", None),
            ),
            event("010", 1, 0.0, actor("RUS", "RUS", start=60), None, "2008-08", 2, ("said", 66)),
        ],
        quotes=[Quote(text="This is unacceptable.", kind="direct", speaker=usa_gov, start=70, end=90)],
        places=[TSKHINVALI],
        contexts=["military"],
        issues=["conflict"],
        coder_version="test-1",
    )
    visit = Record(
        article=Article(
            text="Clinton met Lavrov in Geneva. NATO will meet Russia.",
            id="voa-2009-03-06",
            title="Clinton meets Lavrov",
            date="2009-03-06",
            url="https://voa.example/2",
            source="VOA",
        ),
        events=[
            event("043", 1, 2.8, usa_gov, rus_gov, "2009-03-06", 0, ("met", 8), ("CONSULT", "visit"), GENEVA),
            event(
                "036",
                1,
                4.0,
                nato,
                actor("RUS", "RUS", start=45),
                "2009-03-05",
                1,
                ("will meet", 35),
                ("CONSULT", None),
            ),
            event("112", 3, -2.0, actor("RUS", "RUS", start=80), nato, "2009", 2, ("accused", 85), ("ACCUSE", None)),
        ],
        quotes=[
            Quote(text="We pressed the reset button.", kind="direct", speaker=usa_gov, start=0, end=20),
            Quote(text="relations must improve", kind="indirect", speaker=rus_gov, start=30, end=52),
        ],
        places=[GENEVA],
        coder_version="test-1",
    )
    treaty = Record(
        article=Article(
            text="The US and Russia signed a treaty.", id="a3", title="Treaty", date="2009-03-20", source="Reuters"
        ),
        events=[
            event(
                "057",
                1,
                8.0,
                actor("USA", "USA", start=4),
                actor("RUS", "RUS", start=15),
                "2009-03-20",
                0,
                ("signed", 22),
                ("AGREE", None),
                GENEVA,
                contexts=("nuclear", "arms control"),
                issues=("nuclear",),
            ),
            event(
                "173",
                4,
                -5.0,
                actor("GEO", "GEO", start=0),
                actor("RUS", "RUS", start=9),
                "2009-03-19",
                1,
                ("arrested", 5),
                ("COERCE", "arrest"),
            ),
        ],
        coder_version="test-1",
    )
    same_day = Record(
        article=Article(text="Russia and the US signed an arms treaty.", id="a4", date="2009-03-21", source="AFP"),
        events=[
            event(
                "057",
                1,
                8.0,
                actor("USA", "USA", start=18),
                actor("RUS", "RUS", start=0),
                "2009-03-20",
                3,
                ("signed", 25),
                ("AGREE", None),
                GENEVA,
                contexts=("nuclear",),
                issues=("nuclear",),
            ),
        ],
        coder_version="test-1",
    )
    empty = Record(
        article=Article(text="Nothing happened today.", id="a5", title="Quiet", date="2009-04-01"),
        coder_version="test-1",
    )
    return [war, visit, treaty, same_day, empty]


def duplicate() -> Record:
    """A second report of ``a4`` (stored with ``duplicate_of="a4"``)."""
    return Record(article=Article(text="Russia and the US signed an arms treaty!", id="a4-copy", date="2009-03-21"))


def fill(store) -> None:
    """Store the sample records and the duplicate."""
    for rec in records():
        assert store.add_record(rec)
    assert store.add_record(duplicate(), duplicate_of="a4")
