"""Direct quotations through the real pipeline: styles, split, multi-paragraph, nested, negatives."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.stanza


def direct(result):
    return [q for q in result.quotes if q.kind == "direct"]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        ("“We will not give up the city,” the commander said on Monday.", "We will not give up the city,", "commander"),
        ('"We will not give up the city," the commander said on Monday.', "We will not give up the city,", "commander"),
        ("‘We will not give up the city,’ the commander said on Monday.", "We will not give up the city,", "commander"),
        ("'We will not give up the city,' the commander said on Monday.", "We will not give up the city,", "commander"),
        ("«We will not give up the city», the commander said on Monday.", "We will not give up the city", "commander"),
        ("„We will not give up the city“, the commander said on Monday.", "We will not give up the city", "commander"),
        (
            "Maria Lopez said: “The vote was stolen from the people of this state.”",
            "The vote was stolen from the people of this state.",
            "Maria Lopez",
        ),
        (
            "Maria Lopez: “The vote was stolen from the people of this state.”",
            "The vote was stolen from the people of this state.",
            "Maria Lopez",
        ),
        ("“The vote was stolen,” said Maria Lopez, a lawyer for the campaign.", "The vote was stolen,", "Maria Lopez"),
        (
            "Maria Lopez said in a letter to the governor last month: “The vote was stolen from the people.”",
            "The vote was stolen from the people.",
            "Maria Lopez",
        ),
        (
            "Perkins wrote in a blog post published Monday, “To hear that the board may appoint him is upsetting.”",
            "To hear that the board may appoint him is upsetting.",
            "Perkins",
        ),
        ("“We will win,” the senator, who asked not to be named, said.", "We will win,", "senator"),
    ],
    ids=[
        "curly",
        "straight",
        "single-curly",
        "single-straight",
        "guillemets",
        "german",
        "said-colon",
        "name-colon",
        "inverted",
        "channel-then-colon",
        "channel-participle-then-comma",
        "cue-in-the-speakers-relative-clause",
    ],
)
def test_quote_styles(analyze, text, content, speaker):
    qs = direct(analyze(text))
    assert [q.content.text for q in qs] == [content]
    assert qs[0].speaker is not None and speaker in qs[0].speaker.name


def test_split_quote_same_sentence(analyze):
    text = "“We are ready,” John Smith said, “and we will win the vote in November.”"
    qs = direct(analyze(text))
    assert [q.content.text for q in qs] == ["We are ready,", "and we will win the vote in November."]
    assert qs[1].continues == qs[0].id
    assert qs[0].speaker.name == qs[1].speaker.name == "John Smith"


@pytest.mark.parametrize(
    "text, second",
    [
        ("“Every time you say that,” Tester said, referring to the 1 percent excuse, “you give ammunition to the "
         "people who want to break up the big banks.”", "you give ammunition"),
        ('"You know, I love Larry," he said, but "when it comes to energy issues, Larry has a history of '
         'representing fossil fuel industries."', "when it comes"),
        ('"I think Lester Holt will be very fair," Trump said during a rally in Kenansville, N.C., "but a lot of '
         'people are going to be watching to see if that\'s true."', "but a lot of people"),
    ],
    ids=["participle-between", "but-between", "place-between"],
)  # fmt: skip
def test_a_split_quotation_continues_whatever_its_frame_holds(analyze, text, second):
    qs = direct(analyze(text))
    assert [q.content.text[: len(second)] for q in qs][1:] == [second]
    assert qs[1].continues == qs[0].id


@pytest.mark.parametrize(
    "text",
    [
        # a title that ends on a comma is no first piece; the second quotation is part of a clause
        "On this weekend’s broadcast of “Fox News Sunday,” Republican vice-presidential nominee Gov. Mike Pence "
        "(R-IN) said his running mate's tweet to invite Gennifer Flowers to Monday night’s debate was only “to "
        "mock” Hillary Clinton for inviting Trump critic Mark Cuban.",
        # another cue after the first piece's: a quotation of its own
        "“We are ready for the vote,” he said, adding that it would take “more hours” before details emerge.",
    ],
    ids=["title-then-mixed", "second-cue"],
)
def test_a_later_quotation_in_a_clause_is_no_second_piece(analyze, text):
    """The later quotation stays inside the reported content around it: no quotation of its own."""
    qs = analyze(text).quotes
    assert qs and all(q.continues is None for q in qs), [(q.content.text, q.continues) for q in qs]
    assert not [q.content.text for q in qs if str(q.kind) == "direct" and len(q.content.text.split()) <= 2]


def test_multi_paragraph_quote(analyze):
    text = (
        "Senator Jane Doe spoke to the crowd on Friday.\n\n"
        "“We have waited too long for this bill to pass the chamber,” Doe said. “Our families cannot wait.\n\n"
        "“The time to act is now, before the session closes for the year.”\n\n"
        "The bill failed."
    )
    qs = direct(analyze(text))
    assert [q.speaker.name for q in qs] == ["Jane Doe"] * 3
    assert qs[0].cue is not None and qs[0].cue.lemma == "say"
    assert qs[1].continues == qs[0].id and qs[2].continues == qs[0].id
    assert qs[2].content.text.startswith("The time to act is now")


def test_nested_quote_is_part_of_content(analyze):
    text = "“He told me ‘never again’ and I believed him at the time,” Ahmed Khan said."
    qs = direct(analyze(text))
    assert len(qs) == 1 and "‘never again’" in qs[0].content.text
    assert qs[0].speaker.name == "Ahmed Khan"


def test_paragraph_without_cue_continues_previous_speaker(analyze):
    text = (
        "“The ceasefire will not hold for long,” said Rami Abdulrahman, the group’s director.\n\n"
        "“Both sides are preparing for a new offensive in the north of the country.”"
    )
    qs = direct(analyze(text))
    assert len(qs) == 2
    assert qs[1].speaker.name == "Rami Abdulrahman"
    assert qs[1].continues == qs[0].id  # the speaker goes on: one quotation in two paragraphs, as PolNeAR has it


def test_a_caption_line_between_does_not_part_a_quotation_from_its_speaker(analyze):
    """A page's photo caption, extracted as a list line between two quotation paragraphs."""
    text = (
        "“The ceasefire will not hold for long,” said Rami Abdulrahman, the group’s director.\n"
        "- Residents walk past a ruined building in the old city\n"
        "“Both sides are preparing for a new offensive in the north of the country.”"
    )
    qs = direct(analyze(text))
    assert len(qs) == 2 and qs[1].speaker is not None and qs[1].speaker.name == "Rami Abdulrahman"


def test_a_quotation_after_a_paragraph_of_narration_is_a_new_one(analyze):
    text = (
        "“The ceasefire will not hold for long,” said Rami Abdulrahman, the group’s director.\n\n"
        "The town fell to the rebels on Friday after a week of shelling.\n\n"
        "“Both sides are preparing for a new offensive in the north of the country.”"
    )
    assert [q.continues for q in direct(analyze(text))] in ([None], [None, None])


@pytest.mark.parametrize(
    "text",
    [
        "The city, known as “the capital of the revolution,” fell on Friday.",
        "She starred in “The Long Road Home” last year.",
        "The so-called “peace plan” was rejected by the rebels.",
        "Cats are “cuties” according to nobody in particular here.",
        "Joe “The Plumber” Wurzelbacher campaigned in Ohio.",
        "He read “War and Peace” on the plane.",
    ],
    ids=["known-as", "title", "so-called", "scare", "nickname", "book"],
)
def test_not_speech(analyze, text):
    assert direct(analyze(text)) == []


def test_odd_quote_marks_do_not_fail(analyze):
    result = analyze("“We will stay,” he said. “And then there was an unclosed one")
    assert [q.content.text for q in direct(result)] == ["We will stay,"]


def test_a_repeated_quotation_without_a_cue_is_one_attribution(analyze):
    """A pull quote or a caption printed again repeats words already attributed: one quotation."""
    text = (
        "“We are not going to close the hospital this winter,” the mayor said on Monday.\n\n"
        "“We are not going to close the hospital this winter”\n\n"
        "The council meets again next week."
    )
    qs = analyze(text).quotes
    assert [q.content.text for q in qs] == ["We are not going to close the hospital this winter,"]


def test_a_repeated_quotation_with_its_own_cue_stays(analyze):
    text = (
        "In one tweet Friday, Trump said: “The polls are rigged against me.”\n\n"
        "In one tweet, Trump said: “The polls are rigged against me.”"
    )
    assert len(analyze(text).quotes) == 2


@pytest.mark.parametrize(
    "text, name, lemma",
    [
        ("The newspaper ran a profile of the woman. Stephanie McCrummen reports:\n\n“Melanie thought the whole "
         "thing was outrageous.”", "Stephanie McCrummen", "report"),
        # the whole phrase, though the parser hangs "of the economy" on the quotation
        ("The minister of the economy: “The deal is a blow to the country.”", "minister", None),
    ],
    ids=["name-verb-colon", "phrase-colon"],
)  # fmt: skip
def test_speaker_before_a_colon(analyze, text, name, lemma):
    """ "McCrummen reports:" is a name and its speech verb (the tagger may take *reports* for a
    plural noun), not a document called *McCrummen reports*."""
    (q,) = direct(analyze(text))
    assert (q.speaker.name, str(q.speaker.kind)) == (name, "person")
    assert q.speaker.mention.endswith(name.split()[-1] if lemma else "economy")
    assert (q.cue.lemma if q.cue else None) == lemma


def test_frame_after_a_question_the_tokenizer_split_off(analyze):
    """ "“…?” Trump said, looking out on the crowd.": the frame is the next sentence for the
    tokenizer, and the participle after the cue says how it was said, not what."""
    qs = analyze("“Who would have believed we would get 14 million votes?” Trump said, looking out on the crowd.")
    assert [(q.content.text, q.speaker and q.speaker.name, q.cue and q.cue.lemma) for q in qs.quotes] == [
        ("Who would have believed we would get 14 million votes?", "Trump", "say")
    ]


@pytest.mark.parametrize(
    "second, speaker",
    [
        ("On “Face the Nation,” Sen. Bernie Sanders (Vt.), who lost the primaries to Clinton, identified young "
         "voters' exhaustion with bigotry as a reason to back her. “The younger people are sick and tired of "
         "discrimination and racism.”", "Bernie Sanders"),
        # no new person in the paragraph: the quotation continues the previous speaker
        ("The crowd cheered loudly for a long time. “The younger people are sick and tired of discrimination.”",
         "Mike Pence"),
    ],
    ids=["new-subject", "no-new-subject"],
)  # fmt: skip
def test_a_person_named_in_the_paragraph_speaks_its_quotation(analyze, second, speaker):
    """A quotation with no cue after a sentence naming a new person speaks for that person, not
    for the speaker of the paragraph before."""
    text = "“We need to step away from efforts to paint the police with a broad brush,” Mike Pence said.\n\n" + second
    q = next(q for q in analyze(text).quotes if q.content.text.startswith("The younger"))
    assert q.speaker is not None and q.speaker.name == speaker


@pytest.mark.parametrize(
    "text, speaker",
    [
        ("Charles Schultze, chairman of the Council of Economic Advisers in the Carter administration, once "
         "summed up the danger of deficits with a metaphor. “It’s not so much a question of the wolf at the "
         "door, but termites in the woodwork.”", "Charles Schultze"),
        ("The coach, Maria Gonzalez, looked at the scoreboard and shook her head. “We just didn’t show up in "
         "the second half.”", "Maria Gonzalez"),
        # no person named before it: nobody to give the quotation to
        ("The lights went out over the stadium after the game. “We just didn’t show up in the second half.”",
         None),
        # a thing's "report" is dropped, the quotation after it stays
        ("The revision added a headphone jack. “We just didn’t show up in the second half of the game.”", None),
    ],
    ids=["first-quotation-after-its-speaker", "after-an-apposed-name", "nobody-named", "after-a-dropped-report"],
)  # fmt: skip
def test_a_first_quotation_speaks_for_the_person_its_paragraph_names(analyze, text, speaker):
    """With no quotation before it, a quotation with no frame speaks for the person its paragraph
    has just named as a subject. The sentence that names them is parsed although it holds no cue
    word, because a sentence that opens with a quotation keeps the sentence before it."""
    (q,) = analyze(text).quotes
    assert (q.speaker.name if q.speaker else None) == speaker


@pytest.mark.parametrize(
    "text, quoted, speech",
    [
        ("Rubio, who wrote “An American Son,” said little.", "An American Son,", False),
        ("Elizabeth Warren Hammers Wells Fargo CEO: “You Should Be Criminally Investigated”",
         "You Should Be Criminally Investigated", True),  # a headline capitalises its quotation too
    ],
    ids=["book-title", "headline"],
)  # fmt: skip
def test_a_quotation_in_title_case_is_a_title_unless_its_sentence_is_a_headline(analyze, text, quoted, speech):
    direct = [q.content.text for q in analyze(text).quotes if str(q.kind) == "direct"]
    assert (quoted in direct) is speech


def test_a_sentence_printed_again_after_a_dateline_is_one_attribution(analyze):
    """A page's teaser repeated by its story: the same sentence, frame and all, is one quotation."""
    sentence = (
        "An unmanned cargo ship heading to the space station broke up over Siberia on Thursday, the space agency said."
    )
    text = f"{sentence}\n\nMore news from the region.\n\nMOSCOW (AP) — {sentence} The launch had gone well."
    qs = [q for q in analyze(text).quotes if q.cue is not None and q.cue.lemma == "say"]
    assert len(qs) == 1 and qs[0].content.start < len(sentence)
