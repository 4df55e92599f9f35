"""The JSON contract: exact keys, and a lossless round trip (hypothesis)."""

from __future__ import annotations

import orjson
from hypothesis import given
from hypothesis import strategies as st

from attribution.model import (
    Article,
    ArticleResult,
    Cue,
    CueTier,
    Outlet,
    OutletKind,
    Quote,
    QuoteKind,
    Source,
    SourceKind,
    Span,
    SpeakerMention,
    dumps,
    loads_result,
)

texts = st.text(max_size=30)
opt = st.none() | texts
offsets = st.integers(min_value=0, max_value=10_000)


@st.composite
def quotes(draw, i=0):
    s = draw(offsets)
    return Quote(
        id=f"q{i + 1}",
        kind=draw(st.sampled_from(list(QuoteKind))),
        content=Span(draw(texts), s, s + draw(st.integers(0, 500))),
        cue=draw(st.none() | st.builds(Cue, texts, texts, st.just(1), st.just(2), st.sampled_from(list(CueTier)))),
        speaker=draw(
            st.none()
            | st.builds(
                SpeakerMention, texts, st.just(0), st.just(3), texts, st.sampled_from(list(SourceKind)), opt, opt, opt
            )
        ),
        outlet=draw(st.none() | st.builds(Outlet, texts, texts, st.sampled_from(list(OutletKind)))),
        continues=draw(st.none() | st.just("q1")),
        paragraph=draw(st.integers(0, 99)),
        sentence=draw(st.integers(0, 999)),
        confidence=draw(st.floats(0, 1).map(lambda x: round(x, 3))),
        negated=draw(st.booleans()),
        hypothetical=draw(st.booleans()),
    )


@st.composite
def results(draw):
    qs = tuple(draw(quotes(i)) for i in range(draw(st.integers(0, 4))))
    srcs = tuple(
        Source(
            f"person:s{i}",
            draw(texts),
            draw(st.sampled_from(list(SourceKind))),
            draw(opt),
            draw(opt),
            draw(opt),
            tuple(draw(st.lists(texts, max_size=3))),
        )
        for i in range(draw(st.integers(0, 3)))
    )
    art = Article(id=draw(texts), text="", path=draw(opt), title=draw(opt), outlet=draw(opt), date=draw(opt))
    by = {s.id: tuple(q.id for q in qs[:1]) for s in srcs}
    return ArticleResult(art, qs, srcs, by)


@given(results())
def test_round_trip(result):
    again = loads_result(dumps(result))
    assert again.to_dict() == result.to_dict()


def test_contract_keys():
    q = Quote("q1", QuoteKind.DIRECT, Span("x", 0, 1))
    r = ArticleResult(Article("a", "x"), (q,), ())
    d = orjson.loads(dumps(r))
    assert set(d) == {"article", "quotes", "sources"}
    assert set(d["article"]) == {"id", "path", "title", "outlet", "date"}
    assert set(d["quotes"][0]) == {
        "id",
        "kind",
        "text",
        "start",
        "end",
        "cue",
        "speaker",
        "outlet",
        "continues",
        "paragraph",
        "sentence",
        "confidence",
        "negated",
        "hypothetical",
    }
    assert d["quotes"][0]["cue"] is None and d["quotes"][0]["speaker"] is None


def test_span_rejects_bad_offsets():
    import pytest

    with pytest.raises(ValueError):
        Span("x", 5, 2)
