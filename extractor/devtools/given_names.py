"""The list of given names the speaker rules read (``extractor train names``).

Every lemma the Russian morphology dictionary (OpenCorpora, shipped with pymorphy2's
``pymorphy2-dicts-ru``; CC BY-SA 3.0) tags as a given name: Russian names and the
Russian renderings of names from the whole world ("Джон", "Мариано", "Синдзо",
"Ильхам"), which the phonetic name key joins to their Latin spellings ("Dzhon",
"John"). Written one per line, sorted, to ``extractor/entities/data/given_names.txt``.
"""

from __future__ import annotations

from pathlib import Path

from ..entities.persons import GIVEN_NAMES_PATH
from ..errors import InvalidInputError

_HEADER = (
    "# Given names: every lemma tagged Name in the OpenCorpora dictionary as shipped\n"
    "# with pymorphy2-dicts-ru (CC BY-SA 3.0, opencorpora.org). Regenerate with\n"
    "# `extractor train names`.\n"
)


def write_given_names(path: Path | None = None) -> tuple[Path, int]:
    """Collect the dictionary's given names and write them; (path, how many)."""
    from ..nlp.natasha import russian_morphology

    out = path or GIVEN_NAMES_PATH
    try:  # (a folder that cannot be made fails before the minute of reading)
        out.parent.mkdir(parents=True, exist_ok=True)
        names: set[str] = set()
        for _, tag, normal, _, _ in russian_morphology().dictionary.iter_known_words():
            if "Name" in tag and "-" not in normal and normal.isalpha():
                names.add(normal)
        out.write_text(_HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    except OSError as exc:
        raise InvalidInputError(f"cannot write the given names to {out}: {exc.strerror}") from exc
    return out, len(names)
