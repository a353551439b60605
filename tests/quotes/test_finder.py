"""The finder's last checks on every language's quotes."""

from __future__ import annotations

from extractor.quotes.common import FoundQuote
from extractor.quotes.finder import _outside_words


def _quote(
    kind: str, speaker: tuple[int, int], pieces: tuple[tuple[int, int], ...] = ()
) -> FoundQuote:
    return FoundQuote(10, 60, kind, (61, 66), speaker, "name", 0.9, pieces)


def test_a_direct_quote_is_not_its_own_speaker() -> None:
    # "… объявлены как «Ветра зимы»": the quoted words named no one who said them.
    quote = _outside_words(_quote("direct", (12, 20)))
    assert (quote.speaker, quote.speaker_kind) == (None, None)


def test_a_speaker_between_the_pieces_of_a_split_quote_stays() -> None:
    # «A, — сказал Дмитрий Песков. — B»: the name is between the quoted pieces.
    quote = _outside_words(_quote("direct", (30, 44), pieces=((10, 25), (47, 60))))
    assert quote.speaker == (30, 44)


def test_a_source_inside_reported_content_stays() -> None:
    # "X, по версии Y, Z": an indirect report's content may hold its source.
    assert _outside_words(_quote("indirect", (12, 20))).speaker == (12, 20)
    assert _outside_words(_quote("direct", (70, 80))).speaker == (70, 80)
