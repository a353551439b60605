"""English quote attribution, table-driven: sentences written in the style of wire news."""

from __future__ import annotations

import pytest

from extractor import Extractor

from ..helpers import assert_spans_exact, quote_rows

pytestmark = pytest.mark.model

# (id, text, [(content, kind, speaker_mention, speaker entity name), ...])
CASES = [
    (
        "said-after-inverted",
        '"We will not back down," said Sen. Elizabeth Warren.',
        [("We will not back down", "direct", "Elizabeth Warren", "Elizabeth Warren")],
    ),
    (
        "pronoun-she",
        'Janet Yellen spoke in Washington on Monday. "The economy is recovering," she said.',
        [("The economy is recovering", "direct", "she", "Janet Yellen")],
    ),
    (
        "told-colon-before",
        'Finance Minister Samir Sharifov met the press. He told reporters: "We have no plans to raise taxes."',
        [("We have no plans to raise taxes.", "direct", "He", "Samir Sharifov")],
    ),
    (
        "split-title-speaker",
        "Foreign Minister Jeyhun Bayramov arrived in Geneva on Tuesday. "
        '"We are ready," the minister said, "but we need more time."',
        [
            (
                "We are ready … but we need more time.",
                "direct",
                "the minister",
                "Jeyhun Bayramov",
            ),
        ],
    ),
    (
        "told-object-prenominal-title",
        '"It is a historic day for our country," Prime Minister Ali Asadov told parliament.',
        [("It is a historic day for our country", "direct", "Ali Asadov", "Ali Asadov")],
    ),
    (
        "curly-appositive-subject",
        "“We expect inflation to fall next year,” the central bank’s governor, Taleh Kazimov, said.",
        [("We expect inflation to fall next year", "direct", "Taleh Kazimov", "Taleh Kazimov")],
    ),
    (
        "multi-sentence",
        '"We have made progress. But much remains to be done," said Antonio Guterres, '
        "the secretary-general of the United Nations.",
        [
            (
                "We have made progress. But much remains to be done",
                "direct",
                "Antonio Guterres",
                "Antonio Guterres",
            )
        ],
    ),
    (
        "straight-appositive-org",
        '"Our doors remain open," said Anna Smith, a spokeswoman for the company.',
        [("Our doors remain open", "direct", "Anna Smith", "Anna Smith")],
    ),
    (
        "said-comma-before",
        'Lawyer John Smith said, "We will appeal the decision."',
        [("We will appeal the decision.", "direct", "John Smith", "John Smith")],
    ),
    (
        "according-to-end",
        "The talks will resume next week, according to a senior official.",
        [("The talks will resume next week", "indirect", "a senior official", None)],
    ),
    (
        "according-to-start-org",
        "According to the Ministry of Health, 120 new cases were recorded on Sunday.",
        [
            (
                "120 new cases were recorded on Sunday",
                "indirect",
                "Ministry of Health",
                "Ministry of Health",
            )
        ],
    ),
    (
        "noted-that-surname",
        "Treasury Secretary Janet Yellen spoke on Monday. "
        "Yellen noted that the labor market remained strong.",
        [("the labor market remained strong", "indirect", "Yellen", "Janet Yellen")],
    ),
    (
        "stressed-title-unresolved",
        "The president stressed that the country would not accept any ultimatum.",
        [("the country would not accept any ultimatum", "indirect", "The president", None)],
    ),
    (
        "stressed-title-resolved",
        "President Ilham Aliyev received the delegation in Baku. "
        "The president stressed that the country would not accept any ultimatum.",
        [
            (
                "the country would not accept any ultimatum",
                "indirect",
                "The president",
                "Ilham Aliyev",
            )
        ],
    ),
    (
        "added-pronoun-appositive-role",
        "Mary Barra, chief executive of General Motors, spoke at the plant. "
        "She added that the company would hire 500 people next year.",
        [("the company would hire 500 people next year", "indirect", "She", "Mary Barra")],
    ),
    (
        "says-present-inverted",
        "The plan is dead, says Senator Chuck Schumer.",
        [("The plan is dead", "indirect", "Chuck Schumer", "Chuck Schumer")],
    ),
    (
        "told-honorific",
        "Ms. Lopez told Reuters that the deal was signed on Friday.",
        [("the deal was signed on Friday", "indirect", "Lopez", "Lopez")],
    ),
    (
        "passive-no-speaker",
        "It was announced that the summit would be held in Baku.",
        [],
    ),
    (
        "ministry-resolved",
        "The Ministry of Defence of Azerbaijan issued a statement on Monday. "
        '"We will respond to any provocation," the ministry said.',
        [
            (
                "We will respond to any provocation",
                "direct",
                "the ministry",
                "Ministry of Defence of Azerbaijan",
            )
        ],
    ),
    (
        "group-speaker",
        '"The situation is under control," officials said.',
        [("The situation is under control", "direct", "officials", None)],
    ),
    (
        "pointed-out-phrasal",
        "Economy Minister Mikayil Jabbarov spoke at the forum. "
        "He pointed out that exports had doubled since 2020.",
        [("exports had doubled since 2020", "indirect", "He", "Mikayil Jabbarov")],
    ),
    (
        "went-on-to-say",
        "Ursula von der Leyen opened the summit. "
        "She went on to say that the reforms were irreversible.",
        [("the reforms were irreversible", "indirect", "She", "Ursula von der Leyen")],
    ),
    (
        "org-warned",
        "The IMF warned that global growth would slow this year.",
        [("global growth would slow this year", "indirect", "IMF", "IMF")],
    ),
    (
        "explained-surname-direct",
        'Central bank governor Taleh Kazimov met bankers. "Demand is weak," Kazimov explained.',
        [("Demand is weak", "direct", "Kazimov", "Taleh Kazimov")],
    ),
    (
        "colon-block-next-paragraph",
        "President Ilham Aliyev addressed the nation on Sunday. Aliyev said:\n\n"
        '"Our position is clear. We want lasting peace in the region."',
        [
            (
                "Our position is clear. We want lasting peace in the region.",
                "direct",
                "Aliyev",
                "Ilham Aliyev",
            )
        ],
    ),
    (
        "headline-name",
        "Bayramov: Talks with Armenia are moving forward\n\n"
        "Foreign Minister Jeyhun Bayramov said on Monday that talks with Armenia were moving forward.",
        [
            ("Talks with Armenia are moving forward", "direct", "Bayramov", "Jeyhun Bayramov"),
            (
                "talks with Armenia were moving forward",
                "indirect",
                "Jeyhun Bayramov",
                "Jeyhun Bayramov",
            ),
        ],
    ),
    (
        "headline-title",
        "Minister: New metro line to open in 2026\n\n"
        "Transport Minister Rashad Nabiyev said the new line would open in 2026.",
        [
            ("New metro line to open in 2026", "direct", "Minister", "Rashad Nabiyev"),
            ("the new line would open in 2026", "indirect", "Rashad Nabiyev", "Rashad Nabiyev"),
        ],
    ),
    (
        "mixed",
        'Elizabeth Warren said the bill was "a disaster for working families."',
        [
            (
                'the bill was "a disaster for working families."',
                "mixed",
                "Elizabeth Warren",
                "Elizabeth Warren",
            )
        ],
    ),
    (
        "nested-quotes",
        "\"He told me 'never again,' and I believed him,\" said Elnur Rahimov.",
        [
            (
                "He told me 'never again,' and I believed him",
                "direct",
                "Elnur Rahimov",
                "Elnur Rahimov",
            )
        ],
    ),
    (
        "split-curly-surname",
        "Transport Minister Rashad Nabiyev visited the site. "
        "“Reforms take time,” Nabiyev said on Tuesday, “but they are working.”",
        [
            (
                "Reforms take time … but they are working.",
                "direct",
                "Nabiyev",
                "Rashad Nabiyev",
            ),
        ],
    ),
    (
        "claimed-noun",
        "The company claimed that its products were safe.",
        [("its products were safe", "indirect", "The company", None)],
    ),
    (
        "insisted",
        "Boris Johnson insisted that he had done nothing wrong.",
        [("he had done nothing wrong", "indirect", "Boris Johnson", "Boris Johnson")],
    ),
    (
        "wrote",
        '"The era of cheap money is over," Paul Krugman wrote in a column.',
        [("The era of cheap money is over", "direct", "Paul Krugman", "Paul Krugman")],
    ),
    (
        "announced-org",
        "Microsoft announced that it would cut 10,000 jobs.",
        [("it would cut 10,000 jobs", "indirect", "Microsoft", "Microsoft")],
    ),
    (
        "denied",
        "The spokesman denied that the minister had resigned.",
        [("the minister had resigned", "indirect", "The spokesman", None)],
    ),
    (
        "denied-a-thing-is-no-quote",
        "The Kremlin denied any involvement in the attack.",
        [],
    ),
    (
        "denied-words-said",
        "The Kremlin denied the allegations of interference.",
        [("the allegations of interference", "indirect", "Kremlin", "Kremlin")],
    ),
    (
        "adding-that-takes-the-main-subject",
        "Dmitry Peskov told reporters the talks would continue, adding that no date had been set.",
        [
            ("the talks would continue", "indirect", "Dmitry Peskov", "Dmitry Peskov"),
            ("no date had been set", "indirect", "Dmitry Peskov", "Dmitry Peskov"),
        ],
    ),
    (
        "asked-question",
        '"Why should we wait?" asked Sophie Turner.',
        [("Why should we wait?", "direct", "Sophie Turner", "Sophie Turner")],
    ),
    (
        "confirmed-inverted",
        "The minister will travel to Ankara on Monday, the ministry confirmed.",
        [("The minister will travel to Ankara on Monday", "indirect", "the ministry", None)],
    ),
    (
        "scare-quotes",
        'The so-called "peace plan" was rejected by both sides.',
        [],
    ),
    (
        "no-reporting-verb",
        "He made this statement at the meeting of the working group.",
        [],
    ),
    (
        "no-quotes",
        "The parliament approved the budget on Friday after a long debate.",
        [],
    ),
    (
        "appositive-role-indirect",
        "Tim Cook, chief executive of Apple, said the company would invest $1 billion.",
        [("the company would invest $1 billion", "indirect", "Tim Cook", "Tim Cook")],
    ),
    (
        "prenominal-direct",
        '"Our relations are strategic," Foreign Minister Hakan Fidan said.',
        [("Our relations are strategic", "direct", "Hakan Fidan", "Hakan Fidan")],
    ),
    (
        "follow-on-paragraph",
        '"We will build 20 new schools this year," said Emin Amrullayev.\n\n'
        '"Each of them will have a modern laboratory."',
        [
            (
                "We will build 20 new schools this year",
                "direct",
                "Emin Amrullayev",
                "Emin Amrullayev",
            ),
            (
                "Each of them will have a modern laboratory.",
                "direct",
                "Emin Amrullayev",
                "Emin Amrullayev",
            ),
        ],
    ),
    (
        "multi-paragraph",
        '"This is the first paragraph of a long statement, and it does not close.\n\n'
        '"This is the second paragraph, which ends the quote," said Aykhan Hajizada.',
        [
            (
                "This is the first paragraph of a long statement, and it does not close.\n\n"
                '"This is the second paragraph, which ends the quote',
                "direct",
                "Aykhan Hajizada",
                "Aykhan Hajizada",
            )
        ],
    ),
    (
        "parenthetical-cue",
        "The economy, the minister said, would grow by 3 percent next year.",
        [
            (
                "The economy, the minister said, would grow by 3 percent next year",
                "indirect",
                "the minister",
                None,
            )
        ],
    ),
    (
        "parenthetical-cue-at-end",
        "Prices will keep rising through the spring, experts say.",
        [("Prices will keep rising through the spring", "indirect", "experts", None)],
    ),
    (
        "participle-saying",
        "Judge Anna Petrova rejected the request on Monday, saying the court had no business in the matter.",
        [("the court had no business in the matter", "indirect", "Anna Petrova", "Anna Petrova")],
    ),
    (
        "by-saying",
        "Barack Obama responded by saying the issue was manufactured.",
        [("the issue was manufactured", "indirect", "Barack Obama", "Barack Obama")],
    ),
    (
        "dash-attribution",
        "“We will never give up on our people.” ― Leyla Aliyeva",
        [("We will never give up on our people.", "direct", "Leyla Aliyeva", "Leyla Aliyeva")],
    ),
    (
        "vowed-to",
        "Finance Minister Samir Sharifov vowed to cut taxes for small businesses.",
        [("to cut taxes for small businesses", "indirect", "Samir Sharifov", "Samir Sharifov")],
    ),
    (
        "urged-object",
        "Jeyhun Bayramov urged both sides to return to the negotiating table.",
        [
            (
                "both sides to return to the negotiating table",
                "indirect",
                "Jeyhun Bayramov",
                "Jeyhun Bayramov",
            )
        ],
    ),
    (
        "embedded-mixed",
        'Hakan Fidan said on Monday that the plan was "dead on arrival" for Ankara.',
        [('the plan was "dead on arrival" for Ankara', "mixed", "Hakan Fidan", "Hakan Fidan")],
    ),
    (
        "doubled-apostrophes",
        "''This isn't tax reform,'' said Douglas Holtz-Eakin, an economist.",
        [("This isn't tax reform", "direct", "Douglas Holtz-Eakin", "Douglas Holtz-Eakin")],
    ),
    (
        "mismatched-marks",
        '“We will respond firmly," said Hikmet Hajiyev.',
        [("We will respond firmly", "direct", "Hikmet Hajiyev", "Hikmet Hajiyev")],
    ),
    (
        "closing-mark-typed-as-opening",
        "”We are ready for anything that comes.” ― Elnur Mammadov",
        [("We are ready for anything that comes.", "direct", "Elnur Mammadov", "Elnur Mammadov")],
    ),
    (
        "colon-after-named-subject",
        'President Ilham Aliyev has a new message for voters: "Our future is bright and strong."',
        [("Our future is bright and strong.", "direct", "Ilham Aliyev", "Ilham Aliyev")],
    ),
    (
        "transcript-labels",
        "TAPPER: Do you support the new tax plan that the governor proposed last week?\n\n"
        "PENCE: I support it fully, and so do the people of Indiana.",
        [
            (
                "Do you support the new tax plan that the governor proposed last week?",
                "direct",
                "TAPPER",
                "TAPPER",
            ),
            ("I support it fully, and so do the people of Indiana.", "direct", "PENCE", "PENCE"),
        ],
    ),
    (
        "in-the-words-of",
        "In the words of the foreign minister, the talks were very productive.",
        [("the talks were very productive", "indirect", "the foreign minister", None)],
    ),
    (
        "so-called-is-no-cue",
        'The so-called "road map" was published on Friday by the two governments.',
        [],
    ),
    (
        "coordinated-cue-cut",
        "Bernie Sanders says he respects Clinton and calls her “an extremely intelligent woman.”",
        [
            ("he respects Clinton", "indirect", "Bernie Sanders", "Bernie Sanders"),
            ("her “an extremely intelligent woman.”", "mixed", "he", "Bernie Sanders"),
        ],
    ),
    (
        "emphasized-further",
        "Hikmet Hajiyev further emphasized that the region needed peace and cooperation.",
        [
            (
                "the region needed peace and cooperation",
                "indirect",
                "Hikmet Hajiyev",
                "Hikmet Hajiyev",
            )
        ],
    ),
    (
        "moved-relative-pronoun",
        "The reserve fund, which the ministry says holds 40 billion manats, will grow.",
        [("which the ministry says holds 40 billion manats", "indirect", "the ministry", None)],
    ),
    (
        "moved-wh-word",
        "Nobody knows what Mayor Elena Petrova says her plan would cost.",
        [
            (
                "what Mayor Elena Petrova says her plan would cost",
                "indirect",
                "Elena Petrova",
                "Elena Petrova",
            )
        ],
    ),
    (
        "fragment-completes-clause",
        "Critics mocked the prediction that the bridge would be “the safest crossing "
        "ever built in the state.”",
        [
            (
                "the bridge would be “the safest crossing ever built in the state.”",
                "mixed",
                None,
                None,
            )
        ],
    ),
    (
        "fragment-in-object-of-cue",
        "Senator Mark Hale repeated his prediction that the bridge would be “the safest crossing "
        "ever built in the state.”",
        [
            (
                "the bridge would be “the safest crossing ever built in the state.”",
                "mixed",
                "Mark Hale",
                "Mark Hale",
            )
        ],
    ),
    (
        "fragment-object-and-predicate",
        "The governor described the flooding as a “national emergency,” but did not ask for troops.",
        [("the flooding as a “national emergency,”", "mixed", "The governor", None)],
    ),
    (
        "addressee-not-content",
        "Anna Kovacs told the students that “nobody is too young to vote.”",
        [("nobody is too young to vote.", "direct", "Anna Kovacs", "Anna Kovacs")],
    ),
    (
        "that-said-is-no-cue",
        'That said, the coach also noted, "We still have a lot of work to do."',
        [("We still have a lot of work to do.", "direct", "the coach", None)],
    ),
    (
        "cue-after-conjunction-is-the-next-quotes",
        "The poll found that 40 percent said “very likely” and 12 percent said “not at all likely.”",
        [
            ("very likely", "direct", "40 percent", None),
            ("not at all likely.", "direct", "12 percent", None),
        ],
    ),
    (
        "adverbial-then-cue-then-quote",
        "At the same time, the adviser added, “the party has to win back rural voters.”",
        [("the party has to win back rural voters.", "direct", "the adviser", None)],
    ),
    (
        "reporting-verb-used-for-its-object",
        "The agency said the tax would cut revenue at first, but would eventually add "
        "$9 billion over ten years.",
        [
            (
                "the tax would cut revenue at first, but would eventually add $9 billion over ten years",
                "indirect",
                "The agency",
                None,
            )
        ],
    ),
    (
        "relative-pronoun-speaker",
        "Residents cheered Mayor Ana Ruiz, who described the new park as “a gift to every family.”",
        [("the new park as “a gift to every family.”", "mixed", "who", "Ana Ruiz")],
    ),
    (
        "title-of-a-show-is-no-quote",
        "Kovacs told BBC Radio’s “Today” programme that the vote would be “a turning point for "
        "the region.”",
        [
            (
                "the vote would be “a turning point for the region.”",
                "mixed",
                "Kovacs",
                "Kovacs",
            )
        ],
    ),
    (
        "one-word-answer-after-cue",
        'Asked about the rumours, Hale said "No."',
        [("No.", "direct", "Hale", "Hale")],
    ),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quote_cases(extractor: Extractor, text: str, expected: list[tuple]) -> None:
    result = extractor.extract(text, language="en")
    assert_spans_exact(text, result)
    assert quote_rows(result) == expected


def test_split_quote_keeps_its_pieces(extractor: Extractor) -> None:
    text = '"We are ready," the minister said. "But we need more time."'
    quote = extractor.extract(text, language="en").quotes[0]
    assert [p.text for p in quote.pieces] == ["We are ready", "But we need more time."]
    # Its words, never the narration between them; start and end run over both pieces.
    assert quote.text == "We are ready … But we need more time."
    assert text[quote.start : quote.end] == text[1:-1]


def test_confidence_orders_evidence(extractor: Extractor) -> None:
    text = (
        '"We will win this election," said Elizabeth Warren. '
        'A sign on the door: "Closed for the holidays until the fifth of January, sorry."'
    )
    quotes = extractor.extract(text, language="en").quotes
    attributed = [q for q in quotes if q.speaker]
    unattributed = [q for q in quotes if not q.speaker_mention]
    assert attributed and unattributed
    assert min(q.confidence for q in attributed) > max(q.confidence for q in unattributed)


@pytest.mark.parametrize(
    "text",
    [
        # left open at a paragraph end that does not re-open
        'The minister said "we will see what happens next week.\n\n'
        'Prices will rise, said economist Jane Doe. "We are ready for it," she added.',
        # a stray opening mark inside a paragraph
        'The minister called it a "plan. "We are ready for it," said economist Jane Doe.',
    ],
)
def test_unbalanced_quote_mark_keeps_other_quotes(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text, language="en")
    assert_spans_exact(text, result)
    by_text = {q.text: q for q in result.quotes}
    assert "We are ready for it" in by_text
    assert result.entity(by_text["We are ready for it"].speaker).name == "Jane Doe"


@pytest.mark.parametrize(
    "text",
    [
        '"',
        'He said "',
        "“”",
        "«»",
        '"""',
        "It's the company's view that ’tis fine’",
        "‘Alone",
        '"\n\n"\n\n"',
    ],
)
def test_stray_marks_never_raise(extractor: Extractor, text: str) -> None:
    result = extractor.extract(text + " The minister spoke.", language="en")
    assert_spans_exact(text + " The minister spoke.", result)
