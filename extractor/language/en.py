"""English.

Reporting verbs follow the speech-act verbs of textacy's ``constants.REPORTING_VERBS``
and the cue lemmas most frequent in PolNeAR train (say, tell, add, note, write, argue,
claim, ...), limited to verbs of speaking or writing: belief and intention verbs (think,
believe, want) are attributions but not quotes. Title and organization head words are
the common heads of English news job titles and institution names.
"""

from . import LangData, Words

LANG = LangData(
    code="en",
    quote_bounds="en_quote_bounds",
    institution_nouns=Words("police".split()),
    reporting_verbs=frozenset(
        """
        accuse acknowledge add admit affirm agree allege announce argue ask assert
        blast boast brand call caution chant charge claim clarify comment complain
        concede conclude concur confirm contend continue counter criticise criticize
        cry declare demand deny describe disagree disclose dismiss dub elaborate
        emphasise emphasize estimate exclaim explain forecast highlight hint
        indicate insist joke label lament maintain mention mumble mutter note
        observe pledge post praise predict promise propose quip read recall
        recommend recount reiterate remark repeat reply report respond retort reveal
        say scream shout signal sing slam state stress suggest tell term testify
        tout tweet underline underscore urge vow warn whisper write yell
        """.split()
    ),
    object_reporting_verbs=frozenset(
        """
        acknowledge admit announce ask claim confirm demand deny disclose mention
        offer pledge predict promise propose recommend report reveal suggest
        threaten urge vow
        """.split()
    ),
    complementizers=frozenset({"that"}),
    denial_verbs=frozenset("decline deny dismiss dispute refuse reject".split()),
    statement_nouns=frozenset(
        """
        accusation allegation assertion charge claim comment notion report rumor rumour
        speculation statement story suggestion
        """.split()
    ),
    phrasal_reporting_verbs=frozenset(
        {("point", "out"), ("go", "on"), ("spell", "out"), ("lay", "out")}
    ),
    source_cues=(("according", "to"), ("in", "the", "words", "of"), ("quoting",)),
    # '' ... '' (doubled apostrophes) stands for double quotes in some news archives.
    # A closing curly mark typed as an opening one ("”Fear. ...”") also pairs with itself.
    quote_pairs={
        "“": ("”", '"'),
        '"': ('"', "”"),
        "‘": ("’",),
        "«": ("»",),
        "„": ("“", "”"),
        "''": ("''",),
        "”": ("”",),
    },
    title_heads=frozenset(
        """
        activist administrator adviser advisor amb. ambassador analyst attorney
        auditor campaigner capt. ceo cfo chair chairman chairperson chairwoman
        chancellor chief co-founder col. commander commissioner congressman
        congresswoman consul coo coordinator counsel cto dean deputy diplomat
        director economist editor envoy executive founder gen. gov. governor head
        insp. inspector judge king lawyer leader lt. manager mayor minister officer
        official ombudsman pope premier president prince princess professor
        prosecutor queen rector rep. representative researcher secretary sen.
        senator sheriff speaker spokesman spokesperson spokeswoman strategist
        superintendent supt. treasurer vice-chairman vice-president
        """.split()
    ),
    title_modifiers=frozenset(
        """
        acting agriculture assistant associate chief communications culture defence
        defense deputy deputy-head economy education energy environment executive
        finance first foreign former general head health interim interior justice
        labor labour lead main managing national press prime principal regional
        security senior state top trade transport vice
        """.split()
    ),
    title_postmodifiers=frozenset({"general", "elect", "designate"}),
    org_heads=frozenset(
        """
        academy administration agency airlines airways alliance army assembly
        association authority bank board bureau cabinet capital center centre
        chamber coalition college commission committee company congress corp
        corporation council court department directorate division exchange
        federation force forces foundation fund government group holdings hospital
        inc industries institute institution investments journal laboratory league
        library llc ltd ministry motors museum navy network news observatory office
        organisation organization parliament partners party pharmaceuticals plc
        police post school secretariat senate service society systems technologies
        times trust union university
        """.split()
    ),
    org_unit_heads=frozenset(
        """
        branch bureau department desk directorate division office secretariat
        section sector service unit
        """.split()
    ),
    name_connectors=frozenset({"of", "for", "and", "the", "on", "&", "de"}),
    title_org_preps=frozenset({"of", "at", "for", "in"}),
    honorifics=frozenset(
        {
            "mr",
            "mrs",
            "ms",
            "miss",
            "dr",
            "sir",
            "dame",
            "mr.",
            "mrs.",
            "ms.",
            "dr.",
            "prof",
            "prof.",
        }
    ),
    pronouns=frozenset("they we i you".split()),
    person_pronouns=frozenset({"he", "she", "him", "her"}),
    determiners=frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"}),
    time_adverbs=frozenset({"now", "today", "tomorrow", "yesterday"}),
    relative_pronouns=frozenset({"which", "what", "that", "who", "whom", "whatever"}),
    conjunctions=frozenset({"and", "but", "or", "nor", "yet"}),
    abbreviations=frozenset(
        """
        adm. amb. apr. atty. aug. ave. blvd. capt. co. col. corp. d.c. dec. dept.
        etc. feb. fr. ft. gen. gov. inc. insp. jan. jr. lt. ltd. mar. mt. no. nov.
        oct. pres. rep. rev. sec. sen. sep. sept. sgt. sr. st. supt. u.k. u.n. u.s.
        univ. vs.
        """.split()
    ),
    non_speaker_labels=frozenset(
        """
        a alert also analysis breaking correction credit disclosure editor editors
        exclusive live more note opinion photo photos q read related see share
        source sources tags topics update updated via video warning watch
        """.split()
    ),
    country_aliases={
        "Turkey": "TR",
        "US": "US",
        "U.S.": "US",
        "USA": "US",
        "U.S.A.": "US",
        "America": "US",
        "UK": "GB",
        "U.K.": "GB",
        "Britain": "GB",
        "Great Britain": "GB",
        "Holland": "NL",
        "Czech Republic": "CZ",
        "Ivory Coast": "CI",
        "Burma": "MM",
        "Swaziland": "SZ",
        "Macedonia": "MK",
    },
)
