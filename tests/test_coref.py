"""Coreference of speakers: surnames, titles, pronouns; corpus-level alias merging."""

from __future__ import annotations

import pytest

from attribution.coref import corpus_aliases, slug
from attribution.model import Source, SourceKind


@pytest.mark.stanza
def test_surname_title_and_pronoun(analyze):
    text = (
        "Maria Lopez, a lawyer for the campaign, spoke to reporters on Monday.\n\n"
        "“We will appeal the ruling in the state supreme court,” Lopez said.\n\n"
        "Ms. Lopez added that the appeal would be filed within days.\n\n"
        "“Nobody should doubt our resolve on this,” she said."
    )
    qs = analyze(text).quotes
    assert [q.speaker.name for q in qs] == ["Maria Lopez"] * 3
    assert [q.speaker.mention for q in qs] == ["Lopez", "Ms. Lopez", "she"]
    assert len({q.speaker.source_id for q in qs}) == 1


@pytest.mark.stanza
def test_it_resolves_to_organisation(analyze):
    text = (
        "Amnesty International published a report on the prison on Tuesday. "
        "It said that detainees had been tortured for years."
    )
    qs = [q for q in analyze(text).quotes if q.speaker and q.speaker.mention == "It"]
    assert qs and qs[0].speaker.name == "Amnesty International"


@pytest.mark.stanza
@pytest.mark.parametrize(
    "text, name",
    [
        ("A child is on life support after a beating, police said.\n"
         "Beijing will \"seriously\" implement new United Nations sanctions on North Korea, it said Thursday.",
         "Beijing"),
        ("Amnesty International published a report on Tuesday.\n"
         "The prisoners “had been tortured for years,” it said.", "Amnesty International"),
    ],
    ids=["the-sentences-own-subject", "no-subject-the-last-organisation"],
)  # fmt: skip
def test_it_is_the_organisation_its_own_sentence_opens_with(analyze, text, name):
    """ "Beijing will … implement …, it said": *it* is Beijing, not the police of another paragraph."""
    qs = [q for q in analyze(text).quotes if q.speaker and q.speaker.mention == "it"]
    assert qs and qs[-1].speaker.name == name


def test_slug_is_xml_safe():
    assert slug("Noah Bonsey") == "noah-bonsey"
    assert slug("!!!") == "x"


def test_corpus_aliases_merge_acronyms_never_bare_names():
    src = [
        Source("person:noah-bonsey", "Noah Bonsey", SourceKind.PERSON),
        Source("person:bonsey", "Bonsey", SourceKind.PERSON),
        Source("org:international-crisis-group", "International Crisis Group", SourceKind.ORGANIZATION),
        Source("org:icg", "ICG", SourceKind.ORGANIZATION),
        Source("org:the-crisis-group", "the Crisis Group", SourceKind.ORGANIZATION),
        Source("person:smith", "Smith", SourceKind.PERSON),
        Source("person:john-smith", "John Smith", SourceKind.PERSON),
        Source("person:anna-smith", "Anna Smith", SourceKind.PERSON),
    ]
    m = corpus_aliases(src)
    assert "person:bonsey" not in m  # a bare surname never joins across articles (Kim / Erin Kim)
    assert m["org:icg"] == "org:international-crisis-group"
    assert m["org:the-crisis-group"] == "org:international-crisis-group"
    assert "person:smith" not in m


@pytest.mark.stanza
def test_a_one_word_name_that_it_refers_to_is_an_organisation(analyze):
    """ "Roscosmos said … It said …": *it* tells what a tagger may call a person."""
    text = (
        "Roscosmos said in a statement that the craft broke up over Siberia. "
        "It said most of the debris burnt up over an uninhabited area."
    )
    result = analyze(text)
    assert [(s.name, str(s.kind)) for s in result.sources] == [("Roscosmos", "organization")]
    assert len(result.quotes) == 2


@pytest.mark.stanza
def test_a_name_that_she_refers_to_stays_a_person(analyze):
    text = (
        "Hale said the talks had failed on Monday. She said the mediators had left the city. "
        "It said the mediators would return in the spring."
    )
    kinds = {s.name: str(s.kind) for s in analyze(text).sources}
    assert kinds.get("Hale") == "person"


@pytest.mark.stanza
def test_a_name_the_article_makes_an_organisation_is_one_throughout(analyze):
    text = (
        "Uber said in a statement that it would cap its prices in New York.\n"
        "Uber unilaterally slashes drivers’ rates, while claiming they don’t need to unionize."
    )
    result = analyze(text)
    assert [(s.name, str(s.kind)) for s in result.sources] == [("Uber", "organization")]


@pytest.mark.stanza
def test_an_organisation_nominal_takes_the_organisation_its_noun_names(analyze):
    """ "the conservation department" is the Department of Conservation, not the last organisation."""
    text = (
        "Strandings have many causes, according to the New Zealand Department of Conservation. "
        "The recent spate began in November, according to the rescue group Project Jonah. "
        "The strandings have been described as “heartbreaking” by the conservation department."
    )
    q = next(q for q in analyze(text).quotes if q.content.text == "heartbreaking")
    assert q.speaker is not None and q.speaker.name == "New Zealand Department of Conservation"
