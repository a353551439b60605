"""Canonical keys and same-entity decisions across documents, languages and scripts.

A person's name is romanized (anyascii, after the letters whose Latin value depends on
the language are spelled out: Azerbaijani/Turkish "c" is /dʒ/, "ş" is "sh", Cyrillic
"ё" is "yo") and normalized by the correspondences that Russian, English and Turkic
spellings of one name trade for each other ("dzh"/"j"/"zh", "kh"/"x", "q"/"k", "y"/"i",
"ə"/"a", doubled letters). Equal normalized names give equal keys: "Rasim Baghirov",
"Rasim Bağırov", "Расим Багиров" -> ``person:rasim bagirov``.

What the key does not catch is decided by fuzzy matching with explicit thresholds
(:func:`same_person`, rapidfuzz's Levenshtein distance): surname and given names must
each be within ``SHORT_EDITS`` edit (``LONG_EDITS`` from ``LONG_PART`` letters on) of the
other name's (an initial agrees with a name it begins), on forms in which the
consonants Russian writes for Turkic and English "h" are one class ("Heydar",
"Гейдар"), and so are the "a" and "e" Azerbaijani "ə" is read as ("Mammadov",
"Memmedov"); a compound given name written as two words counts as one ("Kasım Cömert",
"Kassym-Jomart"). Different people stay apart: a different given name ("Ilham Aliyev",
"Heydar Aliyev"), a feminine surname ("Mehriban Aliyeva"), a surname alone (it may be
anyone's). Countries key on ISO 3166-1 codes; organizations on the nominative name,
or a known organization's own key (``extractor/entities/data/organizations.json``) whatever the
language or acronym ("OTS", "ОТГ", "Türk Dövlətləri Təşkilatı").
"""

from __future__ import annotations

import json
import re
from functools import cache, lru_cache
from pathlib import Path

from anyascii import anyascii
from rapidfuzz.distance import Levenshtein

# Edits (Levenshtein) allowed between two phonetic forms of a name part that are
# still one name: one in a short part, two from ``LONG_PART`` letters on.
SHORT_EDITS = 1
LONG_EDITS = 2
LONG_PART = 8

# Letters whose Latin reading depends on the alphabet they come from. Turkic Latin
# alphabets (Azerbaijani, Turkish, Uzbek): "c" is /dʒ/, "x" is /x/; Cyrillic "ё" is "yo".
_TURKIC_LATIN = str.maketrans(
    {
        "c": "j",
        "ç": "ch",
        "ş": "sh",
        "ğ": "g",
        "ı": "i",
        "ə": "a",
        "ö": "o",
        "ü": "u",
        "x": "kh",
        "q": "k",
    }
)
_TURKIC_LETTERS = frozenset("əğışçöüı")
_TURKIC_LANGUAGES = frozenset({"az", "tr", "uz"})
_CYRILLIC = str.maketrans({"ё": "yo", "ә": "a", "ғ": "g", "қ": "k", "һ": "h"})
# Latin letters with a háček of Slavic romanizations ("Ševčenko", "Džon").
_HACEK = str.maketrans({"č": "ch", "š": "sh", "ž": "zh"})

# Spelling correspondences between scripts and transliteration systems, longest first.
_CORRESPONDENCES = (
    ("shch", "sh"),
    ("dzh", "j"),
    ("dj", "j"),
    ("zh", "j"),
    ("kh", "h"),
    ("gh", "g"),
    ("ph", "f"),
    ("sch", "sh"),
    ("ck", "k"),
    ("x", "ks"),
    ("q", "k"),
    ("w", "v"),
    ("y", "i"),
)
# For fuzzy comparison only: Russian writes Turkic and English "h" as "г" or "х"
# ("Гейдар", "Мехрибан"), Turkic "k"/"q" alternate with "g", and Azerbaijani "ə" is
# read as "a" and as "e" ("Məmmədov": "Mammadov", Turkish "Memmedov"; "Şövkət": "Shavkat",
# "Şevket").
_SOUND_CLASSES = str.maketrans({"h": "g", "k": "g", "e": "a"})


@lru_cache(maxsize=65536)
def romanize(name: str, language: str | None = None) -> str:
    """A name in lower-case ASCII letters, digits and spaces, read as its own alphabet reads
    it: "Ceyhun Bayramov" (az) -> "jeyhun bayramov", "Çavuşoğlu" -> "chavushoglu",
    "Мирзиёев" -> "mirziyoev"."""
    text = name.casefold()
    if language in _TURKIC_LANGUAGES or any(ch in _TURKIC_LETTERS for ch in text):
        text = " ".join(_turkic_reading(word, language) for word in text.split())
    text = anyascii(text.translate(_CYRILLIC).translate(_HACEK)).lower()
    # Apostrophes and the hyphen of a compound name ("Kassym-Jomart") join letters.
    text = re.sub(r"['`’ʼʻ]|(?<=[a-z])-(?=[a-z])", "", text)
    return " ".join(re.findall(r"[a-z0-9]+", text))


def _turkic_reading(word: str, language: str | None) -> str:
    """One word read with the Turkic Latin letter values, unless it is spelled in
    another alphabet: a letter or a pair its language's alphabet lacks ("Wallace",
    "Trix", "Zuckerberg" in a Turkish text; an Uzbek "c" outside "ch") and none of the
    Turkic letters."""
    if not any(ch in _TURKIC_LETTERS for ch in word) and _FOREIGN_SPELLING.get(
        language or "", _NO_MATCH
    ).search(word):
        return word
    # No Turkic alphabet writes "ch", and no Turkic word starts with two consonants:
    # "Chelax", "Michael", "Clinton" are foreign spellings and keep their "c".
    word = word.replace("o'", "o").replace("g'", "g").replace("ch", "\0")
    word = re.sub(r"^c(?=[bcdfghjklmnpqrstvwxz])", "\1", word)
    return word.translate(_TURKIC_LATIN).replace("\0", "ch").replace("\1", "c")


# What a Turkic Latin alphabet never writes: Turkish has no "q", "w", "x"; Azerbaijani
# no "w"; Uzbek no "w" and "c" only in "ch"; none writes "ck".
_FOREIGN_SPELLING = {
    "tr": re.compile(r"[qwx]|ck"),
    "az": re.compile(r"w|ck"),
    "uz": re.compile(r"w|c(?!h)"),
}
_NO_MATCH = re.compile(r"(?!)")


@lru_cache(maxsize=65536)
def name_key(name: str, language: str | None = None) -> str:
    """The normalized form of a personal name that equal keys are made of."""
    words = []
    for word in romanize(name, language).split():
        for a, b in _CORRESPONDENCES:
            word = word.replace(a, b)
        # Latin "c" outside "ch" is /k/ or, before a front vowel, /s/ ("Macron" =
        # "Макрон"); Turkic "c" was spelled "j" above.
        word = re.sub(r"c(?!h)(?=[eiy])", "s", word)
        word = re.sub(r"c(?!h)", "k", word)
        word = re.sub(r"(.)\1+", r"\1", word)
        # An "i" (written "y") between a vowel and "e" is the Russian spelling of a
        # vowel-initial "е" ("Tokayev" = "Токаев", "Aliyev" = "Алиев").
        word = re.sub(r"(?<=[aeiou])i(?=e)", "", word)
        # Russian "ё" between consonants is written "yo", "io" and, without its dots,
        # "e" ("Fyodor", "Fiodor", "Fedor"; "Artyom", "Artem").
        word = re.sub(r"(?<=[b-df-hj-np-tv-z])io(?=[b-df-hj-np-tv-z])", "e", word)
        words.append(word)
    return " ".join(words)


def _sound(word: str) -> str:
    return word.translate(_SOUND_CLASSES)


# First letters no transliteration trades for another ("c", "ts", "s", "z" and the
# "g" class are traded: "Tsarev"/"Carev", "Cavusoglu"/"Chavushoglu").
_FIRM_FIRST = frozenset("bdflmnprvw")
_VOWELS = frozenset("aeiou")


def _similar(a: str, b: str) -> bool:
    """Two phonetic forms of one name part, within the edits allowed for its length and
    beginning alike: spellings of one name differ inside it, names of two people often
    by a first letter no spelling changes ("Postnikov", "Bortnikov"; "Mario", "Dario").
    A "y" written before a first vowel counts for none ("Yevgeny")."""
    sa, sb = _sound(a), _sound(b)
    fa, fb = re.sub(r"^i(?=[aeiou])", "", sa)[:1], re.sub(r"^i(?=[aeiou])", "", sb)[:1]
    if fa != fb and (fa in _FIRM_FIRST or fb in _FIRM_FIRST) and not {fa, fb} <= _VOWELS:
        return False
    allowed = LONG_EDITS if max(len(a), len(b)) >= LONG_PART else SHORT_EDITS
    return any(
        Levenshtein.distance(x, y, score_cutoff=allowed) <= allowed
        for x in _ts_readings(sa)
        for y in _ts_readings(sb)
    )


def _ts_readings(sound: str) -> tuple[str, ...]:
    """A phonetic form, and with its "ts" as Latin "c" reads in the key ("g" or "s"):
    Central European and some romanizations of Russian write "ц" as "c" ("Václav",
    "Carev"), which the key reads as English does ("Vaklav", "Karev")."""
    readings = [sound]
    if "ts" in sound:
        readings += [sound.replace("ts", "g"), sound.replace("ts", "s")]
    return tuple(readings)


def same_person(
    a: str, b: str, language_a: str | None = None, language_b: str | None = None
) -> bool:
    """Whether two full names name the same person, in any script or spelling.

    Equal keys are the same person. Otherwise both names need a given name and a
    surname: the surnames are within the allowed edits and end alike (Aliyev is not
    Aliyeva), and each given name of the shorter name is within the allowed edits of
    the other's or, written as an initial, begins it."""
    return same_name_key(name_key(a, language_a), name_key(b, language_b))


def surname_skeleton(key: str) -> str:
    """The consonants of a full name's surname, in the sound classes (and "ts", "s",
    "z", "c" and the "g" class as one), doubles as one ("mamadov", "memedov" -> "mdv"):
    spellings of one surname share it, so an archive compares a new name only with the
    names of that skeleton. Empty for a single word (a surname alone is no one's in
    particular)."""
    words = key.split()
    return word_skeleton(words[-1]) if len(words) >= 2 else ""


def word_skeleton(word: str) -> str:
    """The consonant skeleton of one word of a name key (see :func:`surname_skeleton`)."""
    consonants = re.sub(r"[aeiou]", "", _sound(word))
    # "ts" may be written "c", which the key reads "k" or "s" ("Sentsov", "Sencov"), and
    # an English text writes Turkish "ç" as "c" ("Çavuşoğlu", "Cavusoglu"): the
    # sibilants, "c" and the "g" class are one letter here.
    consonants = consonants.replace("ts", "s").translate(_SKELETON_CLASSES)
    return re.sub(r"(.)\1+", r"\1", consonants)


_SKELETON_CLASSES = str.maketrans({"g": "s", "z": "s", "c": "s"})


def same_name_key(ka: str, kb: str) -> bool:
    """:func:`same_person` on two names already normalized by :func:`name_key`."""
    if ka == kb:
        return bool(ka)
    wa, wb = ka.split(), kb.split()
    if len(wa) < 2 or len(wb) < 2:
        return False  # a surname alone may be anyone's
    if len(wa) != len(wb) and min(len(wa), len(wb)) == 2:
        # A compound given name written as two words ("Kasım Cömert" for
        # "Kassym-Jomart"): the longer name's given names as one.
        longer = wa if len(wa) > len(wb) else wb
        joined = ["".join(longer[:-1]), longer[-1]]
        if same_name_key(*((" ".join(joined), kb) if longer is wa else (ka, " ".join(joined)))):
            return True
    sa, sb = wa[-1], wb[-1]
    if sa[-1:] != sb[-1:] and "a" in (sa[-1:], sb[-1:]):
        return False  # a feminine surname ("Aliyeva") is another person than "Aliyev"
    if not _similar(sa, sb):
        return False
    short, long_ = sorted((wa[:-1], wb[:-1]), key=len)
    for given, other in zip(short, long_, strict=False):
        if len(given) == 1 or len(other) == 1:
            if _sound(given[0]) != _sound(other[0]):
                return False
        elif not _similar(given, other):
            return False
    return True


@cache
def _organizations() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(key, names) of each known organization, read once."""
    path = Path(__file__).parent / "data" / "organizations.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple((org["key"], tuple(org["names"])) for org in data["organizations"])


@cache
def _known_organizations() -> dict[str, str]:
    """Known organization names and acronyms (casefolded) -> the organization's key."""
    return {name.casefold(): key for key, names in _organizations() for name in names}


def known_names() -> list[str]:
    """Every name and acronym of the known organizations, as written."""
    return [name for _, names in _organizations() for name in names]


def known_organization(name: str) -> str | None:
    """The key of a known organization named ``name`` in any supported language."""
    cleaned = re.sub(r"\s+", " ", name.strip().strip('«»"“”')).casefold()
    return _known_organizations().get(cleaned)


def entity_key(kind: str, name: str, code: str | None = None, language: str | None = None) -> str:
    """The canonical key of an entity: ``country:AZ``, ``person:rasim bagirov``,
    ``organization:organization of turkic states``, ``title:director``."""
    if kind == "COUNTRY" and code:
        return f"country:{code}"
    if kind == "PERSON":
        return f"person:{name_key(name, language)}"
    if kind == "ORGANIZATION":
        known = known_organization(name)
        if known is not None:
            return f"organization:{known}"
        return f"organization:{romanize(name, language)}"
    return f"{kind.lower()}:{romanize(name, language)}"


def same_entity(key_a: str, key_b: str) -> bool:
    """Whether two entities' keys (from different documents) name one entity: equal
    keys, or two people's names that :func:`same_name_key` matches."""
    if key_a == key_b:
        return True
    kind_a, _, name_a = key_a.partition(":")
    kind_b, _, name_b = key_b.partition(":")
    return kind_a == kind_b == "person" and same_name_key(name_a, name_b)
