"""Reading inputs without models: titles, languages, ids."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from attribution.cli import app
from attribution.ingest import Failure, iter_articles
from attribution.store import Store

from .conftest import models_dir

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()

SPANISH = (
    "Ambos bandos acordaron una tregua de 48 horas en los combates en la tercera ciudad de Siria, lo que "
    "permitió a cientos de rebeldes huir a zonas controladas por la oposición, dijeron activistas a AP."
)
GERMAN = (
    "Die Waffenruhe in Homs ist ein symbolischer Schlag für die Rebellen, sagte der Analyst am Montag "
    "in einem Interview mit der Nachrichtenagentur."
)
ENGLISH = (
    "The talks failed on Monday, officials said, and the ceasefire that had held for two days in the old city "
    "collapsed as shelling resumed overnight."
)


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.mark.parametrize("text, lang", [(SPANISH, "es"), (GERMAN, "de")], ids=["spanish", "german"])
def test_a_foreign_article_is_a_failure_that_names_the_language(tmp_path, text, lang):
    src = _write(tmp_path / "in", {"foreign.txt": text, "english.txt": ENGLISH})
    items = list(iter_articles([src]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.message for f in failures] == [f"{src / 'foreign.txt'}: not English ({lang})"]
    assert [i.id for i in items if not isinstance(i, Failure)] == ["english"]
    assert all(not isinstance(i, Failure) for i in iter_articles([src], any_language=True))


@pytest.mark.parametrize(
    "text",
    [
        "fine one",
        "“Nous restons ici,” a déclaré le maire. The mayor said that the café would reopen.",
        "قال المتحدث “نحن هنا” said the spokesman. “השלום יגיע,” the minister said.",
        ENGLISH + " “Nous ne partirons pas, jamais, quoi qu'il arrive dans cette ville,” a déclaré le maire.",
    ],
    ids=["two-words", "short-mixed-french", "short-rtl", "english-with-french-quote"],
)
def test_short_or_mostly_english_text_is_kept(tmp_path, text):
    src = _write(tmp_path / "in", {"a.txt": text})
    (item,) = iter_articles([src])
    assert not isinstance(item, Failure), item


def test_jsonl_lines_are_checked_one_by_one(tmp_path):
    import orjson

    src = tmp_path / "feed.jsonl"
    src.write_bytes(b"\n".join(orjson.dumps({"id": i, "text": t}) for i, t in (("en", ENGLISH), ("es", SPANISH))))
    first, second = iter_articles([src])
    assert not isinstance(first, Failure)
    assert isinstance(second, Failure) and second.message == f"{src}:2: not English (es)"


def test_corpus_run_skips_and_records_foreign_articles(tmp_path):
    src = _write(tmp_path / "in", {"es.txt": SPANISH})
    out = tmp_path / "out"
    r = runner.invoke(app, ["analyze", str(src), "--out", str(out), "--quiet", "--models", str(models_dir())])
    assert r.exit_code == 1, r.output
    assert r.stderr.strip() == f"skipped: {src / 'es.txt'}: not English (es)"
    with Store(out / "attribution.sqlite") as store:
        assert [e["message"] for e in store.errors()] == [f"{src / 'es.txt'}: not English (es)"]


def test_single_article_run_skips_a_foreign_article(tmp_path):
    src = _write(tmp_path / "in", {"de.txt": GERMAN})
    r = runner.invoke(app, ["analyze", str(src / "de.txt"), "--models", str(models_dir()), "--offline"])
    assert r.exit_code == 1, r.output
    assert r.stderr.splitlines()[0] == f"skipped: {src / 'de.txt'}: not English (de)"


@pytest.mark.parametrize(
    "text, title",
    [
        (
            "This story is over 5 years old.\n\nThe Homs Ceasefire Is a Symbolic Blow to Syria's Rebels\n\nBody text.",
            "The Homs Ceasefire Is a Symbolic Blow to Syria's Rebels",
        ),
        (
            "Updated at 10:42.\nMarket fire destroys the old souk\n\nThe fire began at night.",
            "Market fire destroys the old souk",
        ),
        ("Market fire destroys the old souk\n\nThe fire destroyed the market.", "Market fire destroys the old souk"),
        ("Is the war over?\n\nOfficials said that it was.", "Is the war over?"),
        # a body with no headline: the first line stays the title, banner-like or not
        ("Officials said on Monday.\n\nThe talks failed.", "Officials said on Monday."),
        ("This story is over 5 years old.", "This story is over 5 years old."),
        (
            "Syrian President Bashar al-Assad will retake Homs under terms of a ceasefire agreement reached today.\n\n"
            "Both sides agreed on a break",
            "Syrian President Bashar al-Assad will retake Homs under terms of a ceasefire agreement reached today.",
        ),
    ],
    ids=["banner", "timestamp-banner", "headline", "question-headline", "no-headline", "banner-only", "long-lead"],
)
def test_title_is_the_headline_not_a_banner(text, title):
    from attribution.ingest import article_from_bytes

    assert article_from_bytes(text.encode(), "x.txt").title == title


def test_the_seed_article_title():
    from attribution.ingest import read_article

    title = read_article(ROOT / "samples" / "homs-ceasefire.txt").title
    assert title == "The Homs Ceasefire Is a Symbolic Blow to Syria's Rebels"


CAPTION = "A rally in Kyiv on Monday, the ministry said. (AP Photo/Efrem Lukatsky)"
STORY = [
    "The ceasefire in the old city held for a second day on Monday, officials said, as aid convoys reached the west.",
    "Residents said the shelling had stopped overnight and that shops had opened for the first time in weeks.",
    "The ministry said in a statement that talks would resume in Geneva on Thursday with both delegations present.",
]


def test_a_page_keeps_its_story_and_leaves_out_photo_captions(tmp_path):
    slide = "<p>Aid trucks wait at the crossing near the border, the agency said.</p>"
    body = "".join(f"<p>{p}</p>" for p in STORY[:2]) + f"<p>{CAPTION}</p>" + slide + slide
    page = tmp_path / "kyiv.html"
    page.write_text(
        f"<html><head><title>Ceasefire holds</title></head><body><article><h1>Ceasefire holds</h1>{body}"
        f"<p>{STORY[2]}</p></article></body></html>",
        encoding="utf-8",
    )
    (art,) = list(iter_articles([page]))
    for p in STORY:
        assert p in art.text
    assert "AP Photo" not in art.text and "A rally in Kyiv" not in art.text
    assert "Aid trucks wait" in art.text
