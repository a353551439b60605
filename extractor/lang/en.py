"""English.

Reporting verbs follow the speech-act verbs of textacy's ``constants.REPORTING_VERBS``
and the cue lemmas most frequent in PolNeAR train (say, tell, add, note, write, argue,
claim, ...), limited to verbs of speaking or writing: belief and intention verbs (think,
believe, want) are attributions but not quotes. Title and organization head words are
the common heads of English news job titles and institution names.
"""

from . import LangData

LANG = LangData(
    code="en",
    reporting_verbs=frozenset(
        """
        say tell add note stress emphasize emphasise state claim argue insist explain
        announce declare warn write reply respond comment remark observe mention suggest
        acknowledge admit confirm deny assert maintain contend affirm reiterate underline
        underscore highlight recall predict ask urge caution concede complain tweet
        testify conclude reveal disclose indicate promise vow pledge joke quip allege
        exclaim shout whisper recount report tout boast announce lament charge counter
        retort concur agree disagree propose recommend demand accuse criticize criticise
        praise blast slam dismiss describe estimate forecast clarify elaborate continue
        hint signal repeat post
        """.split()
    ),
    phrasal_reporting_verbs=frozenset(
        {("point", "out"), ("go", "on"), ("spell", "out"), ("lay", "out")}
    ),
    source_cues=(("according", "to"), ("in", "the", "words", "of"), ("quoting",)),
    quote_pairs={"“": "”", '"': '"', "‘": "’", "«": "»", "„": "“"},
    title_heads=frozenset(
        """
        director minister president chairman chairwoman chairperson chair spokesman
        spokeswoman spokesperson secretary ambassador governor mayor senator
        congressman congresswoman representative ceo cfo coo cto chief head leader
        commissioner officer manager professor adviser advisor envoy deputy prosecutor
        judge commander chancellor premier king queen prince princess pope
        editor founder co-founder economist analyst lawyer attorney executive
        administrator coordinator rector dean speaker treasurer official diplomat
        counsel consul ombudsman auditor inspector superintendent sheriff chairman
        vice-president vice-chairman strategist campaigner activist researcher
        sen. rep. gov. gen. amb. lt. col. capt. supt. insp.
        """.split()
    ),
    title_modifiers=frozenset(
        """
        deputy vice assistant acting former senior chief executive general foreign
        prime interior defense defence finance economy health justice energy trade
        state first managing press communications security national associate
        regional principal lead deputy-head head main top interim
        agriculture education culture labour labor transport environment
        """.split()
    ),
    title_postmodifiers=frozenset({"general", "elect", "designate"}),
    org_heads=frozenset(
        """
        agency department ministry organization organisation group council committee
        union bank university party commission office service institute association
        corporation company corp inc ltd llc plc federation foundation fund authority
        board bureau administration assembly parliament court police army navy
        force forces center centre network agency news times post journal
        academy college school hospital directorate division secretariat cabinet
        government senate congress league alliance coalition chamber exchange
        airlines airways holdings industries institution society trust motors
        technologies systems pharmaceuticals partners capital investments museum
        library observatory laboratory
        """.split()
    ),
    org_unit_heads=frozenset(
        """
        department division directorate office unit section bureau service sector
        secretariat branch desk
        """.split()
    ),
    name_connectors=frozenset({"of", "for", "and", "the", "on", "&", "de"}),
    title_org_preps=frozenset({"of", "at", "for", "in"}),
    honorifics=frozenset(
        {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "mr.", "mrs.", "ms.", "dr.", "prof", "prof."}
    ),
    person_pronouns=frozenset({"he", "she", "him", "her"}),
    determiners=frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their"}),
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
