"""Quality benchmarks on the annotated corpora: quote attribution on PolNeAR.

Definitions (kept fixed so that results compare over time):
- the overlap of a predicted and a gold content span is the number of shared characters
  divided by the length of the longer of the two; a gold content split in pieces counts
  as its covering span;
- gold quotes (for recall) are PolNeAR attributions with a non-empty Source whose Cue is
  an act of speech or writing (:data:`SPEECH_CUES`, or a punctuation cue such as a colon
  or dash introducing a quote) or whose Content contains quotation marks; PolNeAR's
  beliefs and intentions ("X wants ...") are not quotes;
- a predicted quote is correct (precision) when it matches the content of any gold
  attribution at the threshold;
- a speaker is accurate when the quote's ``speaker_mention`` overlaps the gold Source,
  or the resolved speaker entity has a mention overlapping it;
- gold kinds: ``direct`` when the content is all inside quotation marks, ``mixed`` when
  it contains some, ``indirect`` otherwise; predicted kinds are the extractor's own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ..schema import Extraction, Span
from .corpora import BratDoc, Occupation, polnear

THRESHOLDS = (0.3, 0.8)
KINDS = ("direct", "indirect", "mixed")

# Lemmas of verbs of speaking or writing that report *what* was said (verba dicendi,
# after the reporting-verb lists of textacy and of the PARC/PolNeAR guidelines). A gold
# Cue is speech when one of its words is an inflected form of one of these.
SPEECH_CUES = frozenset(
    """
    say tell add note according write announce state claim argue explain insist warn ask
    reply respond declare comment report acknowledge admit confirm deny suggest stress
    emphasize emphasise tweet post testify quote recall reiterate continue urge plead
    pledge promise vow predict joke boast complain point mention remark observe indicate
    counter retort concede allege assert maintain contend inform disclose reveal recount
    shout yell scream whisper mutter repeat told said conclude propose demand
    """.split()
)
# Acts of speech that PolNeAR annotates but whose Content is the act's target or topic,
# not a statement: "criticized Clinton's email use", "talked about the economy",
# "called for a ban", "cited a poll", "praised the governor". They are not quotes
# (unless the Content holds quotation marks) and are left out of the gold quotes.
NOT_QUOTE_CUES = frozenset(
    """
    call cite criticize criticise attack praise accuse blame slam blast charge describe
    speak talk read chant echo interview discuss address mock condemn denounce thank
    """.split()
)
_IRREGULAR = {
    "said": "say",
    "told": "tell",
    "wrote": "write",
    "written": "write",
    "spoke": "speak",
    "spoken": "speak",
    "read": "read",
}
QUOTE_MARKS = '"“”«»„'
_PUNCT_CUE = re.compile(r"^[\s:―—–-]+$")


def _lemmas(word: str) -> set[str]:
    """Candidate lemmas of an English word form (enough for cue words)."""
    w = word.lower()
    found = {w}
    if w in _IRREGULAR:
        found.add(_IRREGULAR[w])
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("es", ""),
        ("s", ""),
        ("ed", ""),
        ("ed", "e"),
        ("d", ""),
        ("ing", ""),
        ("ing", "e"),
    ):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            stem = w[: -len(suffix)] + repl
            found.add(stem)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                found.add(stem[:-1])  # "admitted" -> "admit"
    return found


def is_speech_cue(cue: str) -> bool:
    """Whether a gold cue names an act of speech or writing."""
    if _PUNCT_CUE.match(cue):
        return True
    words = re.findall(r"[A-Za-z'-]+", cue)
    if any(_lemmas(word) & NOT_QUOTE_CUES for word in words):
        return False
    return any(_lemmas(word) & SPEECH_CUES for word in words)


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    sources: tuple[tuple[int, int], ...]
    speech: bool


@dataclass(frozen=True)
class PredQuote:
    start: int
    end: int
    kind: str
    speakers: tuple[tuple[int, int], ...]  # speaker mention and the entity's mentions


def gold_kind(text: str) -> str:
    stripped = text.strip().rstrip(".,;")
    if not any(ch in QUOTE_MARKS for ch in stripped):
        return "indirect"
    if stripped[:1] in QUOTE_MARKS and stripped[-1:] in QUOTE_MARKS:
        inner = stripped[1:-1]
        if not any(ch in QUOTE_MARKS for ch in inner):
            return "direct"
    return "mixed"


def polnear_gold(doc: BratDoc) -> list[GoldQuote]:
    """All attributions of a PolNeAR document (``speech`` marks the gold quotes)."""
    out: list[GoldQuote] = []
    for event in doc.events:
        content = doc.spans.get(event.get("Content", ""))
        if content is None:
            continue
        pieces = content[1]
        start, end = min(p[0] for p in pieces), max(p[1] for p in pieces)
        source = doc.spans.get(event.get("Source", ""))
        cue = doc.spans.get(event.get("Cue", ""))
        sources = tuple(source[1]) if source else ()
        text = doc.text[start:end]
        quoted = any(ch in QUOTE_MARKS for ch in text)
        speech = bool(sources) and (quoted or (cue is not None and is_speech_cue(cue[2])))
        out.append(GoldQuote(start, end, gold_kind(text), sources, speech))
    return out


def predicted(result: Extraction) -> list[PredQuote]:
    by_id = {e.id: e for e in result.entities}
    out = []
    for q in result.quotes:
        spans: list[tuple[int, int]] = []
        if q.speaker_mention is not None:
            spans.append((q.speaker_mention.start, q.speaker_mention.end))
        entity = by_id.get(q.speaker) if q.speaker else None
        if entity is not None:
            spans.extend((m.start, m.end) for m in entity.mentions)
        out.append(PredQuote(q.start, q.end, q.kind, tuple(spans)))
    return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    shared = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    longer = max(a[1] - a[0], b[1] - b[0])
    return shared / longer if longer > 0 else 0.0


def _touches(spans: Iterable[tuple[int, int]], targets: Iterable[tuple[int, int]]) -> bool:
    targets = list(targets)
    return any(s[0] < t[1] and t[0] < s[1] for s in spans for t in targets)


@dataclass
class Counts:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    speaker_ok: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.tp_gold if self.tp_gold else 0.0


@dataclass
class QuoteScores:
    """Counts per (threshold, kind); kind "all" is the overall figure."""

    counts: dict[tuple[float, str], Counts] = field(default_factory=dict)

    def get(self, threshold: float, kind: str = "all") -> Counts:
        return self.counts.setdefault((threshold, kind), Counts())


def score(
    gold_docs: Sequence[list[GoldQuote]],
    pred_docs: Sequence[list[PredQuote]],
    thresholds: Sequence[float] = THRESHOLDS,
    kinds: Sequence[str] = KINDS,
) -> QuoteScores:
    scores = QuoteScores()
    for golds, preds in zip(gold_docs, pred_docs, strict=True):
        speech = [g for g in golds if g.speech]
        for t in thresholds:
            for kind in ("all", *kinds):
                c = scores.get(t, kind)
                kind_preds = [p for p in preds if kind in ("all", p.kind)]
                kind_golds = [g for g in speech if kind in ("all", g.kind)]
                c.n_pred += len(kind_preds)
                c.tp_pred += sum(
                    any(overlap((p.start, p.end), (g.start, g.end)) >= t for g in golds)
                    for p in kind_preds
                )
                c.n_gold += len(kind_golds)
                for g in kind_golds:
                    matches = [p for p in preds if overlap((p.start, p.end), (g.start, g.end)) >= t]
                    if matches:
                        c.tp_gold += 1
                        best = max(
                            matches, key=lambda p: overlap((p.start, p.end), (g.start, g.end))
                        )
                        c.speaker_ok += _touches(best.speakers, g.sources)
    return scores


def textacy_predictions(texts: Sequence[str], pipeline: str) -> list[list[PredQuote]]:
    """textacy's ``direct_quotations`` on the same texts with the same spaCy model."""
    import spacy
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(pipeline)
    out: list[list[PredQuote]] = []
    for doc in nlp.pipe(texts):
        preds: list[PredQuote] = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            triples = []  # textacy gives up on a document with an unclosed quote
        for triple in triples:
            content = triple.content
            speakers = tuple((t.idx, t.idx + len(t.text)) for t in triple.speaker)
            preds.append(PredQuote(content.start_char, content.end_char, "direct", speakers))
        out.append(preds)
    return out


def _row(label: str, c: Counts) -> str:
    return (
        f"{label:<22} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f} {c.speaker_accuracy:8.3f}"
        f"   {c.tp_gold:>4}/{c.n_gold:<4} {c.tp_pred:>4}/{c.n_pred:<4}"
    )


@dataclass
class QuoteReport:
    ours: QuoteScores
    textacy: QuoteScores | None
    documents: int

    def text(self) -> str:
        lines = [f"documents: {self.documents}"]
        for t in THRESHOLDS:
            lines.append("")
            lines.append(f"overlap >= {t}")
            lines.append(f"{'':<22} {'P':>6} {'R':>6} {'F1':>6} {'speaker':>8}   gold hit  pred ok")
            for kind in ("all", *KINDS):
                lines.append(_row(f"extractor {kind}", self.ours.get(t, kind)))
            if self.textacy is not None:
                lines.append(_row("textacy direct", self.textacy.get(t, "direct")))
        return "\n".join(lines)


def eval_quotes(
    split: str = "dev",
    *,
    with_textacy: bool = True,
    limit: int | None = None,
    shared_dir: Path | None = None,
) -> QuoteReport:
    """Run ``extract_many`` on PolNeAR ``split`` and score it (and textacy) against gold."""
    from ..extract import Extractor, extracted

    docs = list(polnear(split, shared_dir))[:limit] if limit else list(polnear(split, shared_dir))
    texts = [d.text for d in docs]
    golds = [polnear_gold(d) for d in docs]
    extractor = Extractor()
    results = extracted(extractor.extract_many(texts, language="en"))
    ours = score(golds, [predicted(r) for r in results])
    theirs = None
    if with_textacy:
        theirs = score(golds, textacy_predictions(texts, extractor.settings.pipeline_for("en")))
    return QuoteReport(ours, theirs, len(docs))


# --- named entities ----------------------------------------------------------------------

NER_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "TITLE")


def ner_gold(
    sentence_spans: Iterable[tuple[int, int, str]], text: str, language: str
) -> set[tuple[int, int, str]]:
    """Gold entities of one sentence in our types: PERSON, ORG -> ORGANIZATION, TITLE,
    and GPE -> COUNTRY only where the words name a country (a city is no country)."""
    from ..entities.countries import country_code

    gold: set[tuple[int, int, str]] = set()
    for start, end, label in sentence_spans:
        if label == "PERSON":
            gold.add((start, end, "PERSON"))
        elif label == "ORG":
            gold.add((start, end, "ORGANIZATION"))
        elif label == "TITLE":
            gold.add((start, end, "TITLE"))
        elif label == "GPE" and country_code(text[start:end], language):
            gold.add((start, end, "COUNTRY"))
    return gold


def predicted_entities(result: Extraction) -> set[tuple[int, int, str]]:
    """Every entity mention of an Extraction as (start, end, type)."""
    return {(m.start, m.end, e.type) for e in result.entities for m in e.mentions}


@dataclass
class NerReport:
    corpus: str
    split: str
    language: str
    sentences: int
    counts: dict[str, Counts]
    unit: str = "sentences"
    links: dict[str, Counts] = field(default_factory=dict)

    def text(self) -> str:
        header = f"{self.corpus} {self.split} ({self.language}, {self.sentences} {self.unit})"
        lines = [
            f"{header}; exact spans",
            f"{'':<20} {'P':>6} {'R':>6} {'F1':>6}   gold   pred",
        ]
        for kind in [*NER_TYPES, *self.links]:
            c = self.counts[kind] if kind in self.counts else self.links[kind]
            scores = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
            lines.append(f"{kind:<20} {scores} {c.n_gold:6} {c.n_pred:6}")
        return "\n".join(lines)


def score_ner(
    golds: Sequence[set[tuple[int, int, str]]], preds: Sequence[set[tuple[int, int, str]]]
) -> dict[str, Counts]:
    counts = {kind: Counts() for kind in NER_TYPES}
    for gold, pred in zip(golds, preds, strict=True):
        for kind, c in counts.items():
            g = {x for x in gold if x[2] == kind}
            p = {x for x in pred if x[2] == kind}
            c.tp_gold += len(g & p)
            c.tp_pred += len(g & p)
            c.n_gold += len(g)
            c.n_pred += len(p)
    return counts


def eval_ner(
    corpus: str,
    split: str = "dev",
    *,
    limit: int | None = None,
    shared_dir: Path | None = None,
) -> NerReport:
    """Entities found by ``extract_many`` on a token-tagged corpus, against its gold."""
    from ..extract import Extractor, extracted
    from .corpora import NER_CORPUS_LANGUAGE, ner_corpus

    if corpus == "nerel":
        return _eval_nerel(split, limit=limit, shared_dir=shared_dir)
    if corpus == "factrueval":
        return _eval_factrueval(split, limit=limit, shared_dir=shared_dir)
    sentences = ner_corpus(corpus, split, shared_dir)[:limit]
    language = NER_CORPUS_LANGUAGE[corpus]
    texts = [s.text for s in sentences]
    results = extracted(Extractor().extract_many(texts, language=language))
    golds = [ner_gold(s.spans(), s.text, language) for s in sentences]
    preds = [predicted_entities(r) for r in results]
    return NerReport(corpus, split, language, len(sentences), score_ner(golds, preds))


# NEREL types -> ours (PROFESSION is NEREL's job title; nested spans all count).
_NEREL_TYPES = {
    "PERSON": "PERSON",
    "ORGANIZATION": "ORGANIZATION",
    "COUNTRY": "COUNTRY",
    "PROFESSION": "TITLE",
}


Link = tuple[tuple[int, int], tuple[int, int]]
RoleSpans = tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]


def role_spans(result: Extraction, *, each_statement: bool = False) -> list[RoleSpans]:
    """(person, title, organization + country) mentions inside each role's statements
    (its evidence and other evidence): one row per role, or per statement."""
    out = []
    for role in result.roles:
        rows: list[RoleSpans] = []
        for ev in [role.evidence, *role.other_evidence]:

            def inside(entity_id: str | None, ev: Span = ev) -> list[tuple[int, int]]:
                entity = result.entity(entity_id)
                if entity is None:
                    return []
                return [(m.start, m.end) for m in entity.mentions if ev.start <= m.start < ev.end]

            places = [*inside(role.organization), *inside(role.country)]
            rows.append((inside(role.person), inside(role.title), places))
        if each_statement:
            out.extend(rows)
        else:
            out.append(
                (
                    [p for row in rows for p in row[0]],
                    [t for row in rows for t in row[1]],
                    [o for row in rows for o in row[2]],
                )
            )
    return out


def predicted_links(result: Extraction) -> dict[str, set[Link]]:
    """Role links as character spans: person -> title (``WORKS_AS``) and title ->
    organization or country (``WORKPLACE``)."""
    links: dict[str, set[Link]] = {"WORKS_AS": set(), "WORKPLACE": set()}
    for persons, titles, places in role_spans(result, each_statement=True):
        links["WORKS_AS"].update((p, t) for p in persons for t in titles)
        links["WORKPLACE"].update((t, p) for t in titles for p in places)
    return links


def _score_links(golds: Sequence[set[Link]], preds: Sequence[set[Link]]) -> Counts:
    c = Counts()
    for gold, pred in zip(golds, preds, strict=True):
        c.tp_gold += len(gold & pred)
        c.tp_pred += len(gold & pred)
        c.n_gold += len(gold)
        c.n_pred += len(pred)
    return c


def _eval_nerel(split: str, *, limit: int | None, shared_dir: Path | None) -> NerReport:
    from ..extract import Extractor, extracted
    from .corpora import nerel

    docs = list(nerel(split, shared_dir))[:limit]
    results = extracted(Extractor().extract_many([d.text for d in docs], language="ru"))
    golds = []
    for d in docs:
        gold: set[tuple[int, int, str]] = set()
        for label, pieces, _ in d.spans.values():
            kind = _NEREL_TYPES.get(label)
            if kind is not None and len(pieces) == 1:
                gold.add((pieces[0][0], pieces[0][1], kind))
        golds.append(gold)
    preds = [predicted_entities(r) for r in results]
    report = NerReport("nerel", split, "ru", len(docs), score_ner(golds, preds), "documents")
    # Links (exact spans): WORKS_AS is person -> profession; WORKPLACE counts where its
    # first argument is the profession (its organization or country), as roles state it.
    for kind, first, seconds in (
        ("WORKS_AS", {"PERSON"}, {"PROFESSION"}),
        ("WORKPLACE", {"PROFESSION"}, {"ORGANIZATION", "COUNTRY"}),
    ):
        gold_links = []
        for d in docs:
            found: set[Link] = set()
            for rel, a, b in d.relations:
                if rel != kind or a not in d.spans or b not in d.spans:
                    continue
                (la, pa, _), (lb, pb, _) = d.spans[a], d.spans[b]
                if la in first and lb in seconds and len(pa) == 1 and len(pb) == 1:
                    found.add((pa[0], pb[0]))
            gold_links.append(found)
        pred_links = [predicted_links(r)[kind] for r in results]
        report.links[f"link {kind}"] = _score_links(gold_links, pred_links)
    return report


# factRuEval object types -> ours (Location/LocOrg only where they name a country).
_FACTRU_TYPES = {"Person": "PERSON", "Org": "ORGANIZATION"}


def _ru_country(text: str) -> str | None:
    """The country a Russian place name names, in any case ("России" -> RU)."""
    from ..entities.countries import country_code

    code = country_code(text, "ru")
    if code is None:
        words = []
        for word in text.split():
            form = _morph().parse(word)[0].inflect({"nomn"})
            base = form.word if form is not None else word
            words.append(base.capitalize() if word[:1].isupper() else base)
        code = country_code(" ".join(words), "ru")
    return code


@cache
def _morph() -> Any:
    import pymorphy2

    return pymorphy2.MorphAnalyzer()


def _eval_factrueval(split: str, *, limit: int | None, shared_dir: Path | None) -> NerReport:
    """factRuEval-2016: entities (Person, Org, the countries among Location/LocOrg, and
    ``job`` spans as TITLE) and Occupation facts. A fact is found when one role has a
    person mention overlapping a mention of Who and a title overlapping its Position
    (``Occupation who+job``), and also an organization or country overlapping a mention
    of Where (``Occupation +where``); precision counts the roles that match a fact."""
    from ..extract import Extractor, extracted
    from .corpora import factrueval

    docs = list(factrueval(split, shared_dir))[:limit]
    results = extracted(Extractor().extract_many([d.text for d in docs], language="ru"))
    golds = []
    for d in docs:
        gold: set[tuple[int, int, str]] = set()
        for start, end, kind in d.entities:
            if kind in _FACTRU_TYPES:
                gold.add((start, end, _FACTRU_TYPES[kind]))
            elif kind in {"Location", "LocOrg"} and _ru_country(d.text[start:end]):
                gold.add((start, end, "COUNTRY"))
        gold.update((start, end, "TITLE") for start, end in d.jobs)
        golds.append(gold)
    preds = [predicted_entities(r) for r in results]
    report = NerReport("factrueval", split, "ru", len(docs), score_ner(golds, preds), "documents")
    for label, need_where in (("Occupation who+job", False), ("Occupation +where", True)):
        c = Counts()
        for d, r in zip(docs, results, strict=True):
            roles = role_spans(r)
            facts = [f for f in d.occupations if f.position and (f.where or not need_where)]
            hits = [[_fact_matches(f, role, need_where) for role in roles] for f in facts]
            c.n_gold += len(facts)
            c.tp_gold += sum(any(row) for row in hits)
            c.n_pred += len(roles)
            c.tp_pred += sum(any(row[j] for row in hits) for j in range(len(roles)))
        report.links[label] = c
    return report


def _fact_matches(fact: Occupation, role: RoleSpans, need_where: bool) -> bool:
    def meets(spans: Iterable[tuple[int, int]], targets: Iterable[tuple[int, int]]) -> bool:
        return any(a < d and c < b for a, b in spans for c, d in targets)

    persons, titles, places = role
    position = [fact.position] if fact.position else []
    return (
        meets(persons, fact.who)
        and meets(titles, position)
        and (not need_where or meets(places, fact.where))
    )


# --- entity linking ----------------------------------------------------------------------

_LINK_TYPES = {"PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "COUNTRY": "COUNTRY"}
_ACRONYM = re.compile(r"[A-ZА-ЯЁƏÜÖÇŞĞİ]{2,8}")


@dataclass
class LinkingReport:
    documents: int
    entities: int
    pairs: dict[str, Counts]
    acronyms: Counts
    cross_script: Counts
    cross_script_pairs: int

    def text(self) -> str:
        lines = [
            f"nerel dev ({self.documents} documents, {self.entities} entities aligned to "
            "Wikidata); pairs of entities in different documents",
            f"{'':<24} {'P':>6} {'R':>6} {'F1':>6}   gold same   pred same",
        ]
        rows = [*self.pairs.items(), ("acronym links", self.acronyms)]
        rows.append((f"cross-script pairs ({self.cross_script_pairs})", self.cross_script))
        for label, c in rows:
            scores = f"{c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}"
            lines.append(f"{label:<24} {scores}   {c.n_gold:9}   {c.n_pred:9}")
        return "\n".join(lines)


def eval_linking(*, limit: int | None = None, shared_dir: Path | None = None) -> LinkingReport:
    """Cross-document identity on NEREL dev, acronym links, and the cross-script pairs.

    - Each predicted PERSON, ORGANIZATION or COUNTRY entity is aligned to the Wikidata
      item of the NEREL mentions its own mentions overlap (the most frequent one);
      unaligned entities are left out. For every two aligned entities of one type in
      different documents, gold says "same" when their Wikidata items are equal, the
      extractor when :func:`linking.same_entity` holds for their keys.
    - Acronym links: NEREL ALTERNATIVE_NAME pairs of organizations where one side is an
      acronym; found when one predicted entity has mentions overlapping both sides.
      Predicted links are each entity's acronym mentions paired with its other names;
      one is right when a gold pair overlaps it.
    - Cross-script pairs: ``extractor/devtools/data/cross_script_pairs.tsv`` (written for this
      project), scored with :func:`linking.same_person`.
    """
    from ..entities.linking import same_entity
    from ..extract import Extractor, extracted
    from .corpora import nerel

    docs = list(nerel("dev", shared_dir))[:limit]
    results = extracted(Extractor().extract_many([d.text for d in docs], language="ru"))
    aligned: list[tuple[int, str, str, str]] = []  # (document, type, key, Wikidata item)
    acronyms = Counts()
    for n, (d, r) in enumerate(zip(docs, results, strict=True)):
        refs = [
            (pieces[0], d.references[tid])
            for tid, (label, pieces, _) in d.spans.items()
            if tid in d.references
            and not d.references[tid].endswith(":NULL")  # no Wikidata item: no identity
            and label in _LINK_TYPES
            and len(pieces) == 1
        ]
        for e in r.entities:
            if e.type not in _LINK_TYPES:
                continue
            hits = Counter(
                qid for m in e.mentions for (a, b), qid in refs if m.start < b and a < m.end
            )
            if hits:
                aligned.append((n, e.type, e.key, hits.most_common(1)[0][0]))
        _count_acronyms(d, r, acronyms)
    pairs = {kind: Counts() for kind in _LINK_TYPES}
    for i, (doc_a, kind_a, key_a, qid_a) in enumerate(aligned):
        for doc_b, kind_b, key_b, qid_b in aligned[i + 1 :]:
            if doc_a == doc_b or kind_a != kind_b:
                continue
            gold, pred = qid_a == qid_b, same_entity(key_a, key_b)
            c = pairs[kind_a]
            c.n_gold += gold
            c.n_pred += pred
            c.tp_gold += gold and pred
            c.tp_pred += gold and pred
    pairs = {f"same {k.lower()}": c for k, c in pairs.items()}
    everything = Counts()
    for c in pairs.values():
        everything.n_gold += c.n_gold
        everything.n_pred += c.n_pred
        everything.tp_gold += c.tp_gold
        everything.tp_pred += c.tp_pred
    pairs["same entity (all)"] = everything
    cross, n_pairs = cross_script_scores()
    return LinkingReport(len(docs), len(aligned), pairs, acronyms, cross, n_pairs)


def _count_acronyms(d: BratDoc, r: Extraction, c: Counts) -> None:
    gold = []
    for rel, a, b in d.relations:
        if rel != "ALTERNATIVE_NAME" or a not in d.spans or b not in d.spans:
            continue
        (la, pa, ta), (lb, pb, tb) = d.spans[a], d.spans[b]
        short = [_ACRONYM.fullmatch(t.strip('"«» ')) is not None for t in (ta, tb)]
        if la == lb == "ORGANIZATION" and len(pa) == len(pb) == 1 and short[0] != short[1]:
            gold.append((pa[0], pb[0]))

    def overlaps(span: tuple[int, int], m: Span) -> bool:
        return m.start < span[1] and span[0] < m.end

    entities = [e for e in r.entities if e.type == "ORGANIZATION"]
    c.n_gold += len(gold)
    c.tp_gold += sum(
        any(
            any(overlaps(x, m) for m in e.mentions) and any(overlaps(y, m) for m in e.mentions)
            for e in entities
        )
        for x, y in gold
    )
    for e in entities:
        shorts = [m for m in e.mentions if _ACRONYM.fullmatch(m.text) is not None]
        longs = [m for m in e.mentions if _ACRONYM.fullmatch(m.text) is None]
        for text in {m.text for m in shorts} if longs else set():
            same = [m for m in shorts if m.text == text]

            def links(
                x: tuple[int, int],
                y: tuple[int, int],
                same: list[Span] = same,
                longs: list[Span] = longs,
            ) -> bool:
                return any(overlaps(x, m) for m in same) and any(overlaps(y, m) for m in longs)

            c.n_pred += 1
            c.tp_pred += any(links(x, y) or links(y, x) for x, y in gold)


def cross_script_scores() -> tuple[Counts, int]:
    """Precision/recall of :func:`linking.same_person` on the cross-script pairs."""
    import csv

    from ..entities.linking import same_person

    path = Path(__file__).parent / "data" / "cross_script_pairs.tsv"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("#")]
    c = Counts()
    rows = list(csv.reader(lines, delimiter="\t"))
    for name_a, lang_a, name_b, lang_b, same, *_ in rows:
        gold, pred = same == "1", same_person(name_a, name_b, lang_a, lang_b)
        c.n_gold += gold
        c.n_pred += pred
        c.tp_gold += gold and pred
        c.tp_pred += gold and pred
    return c, len(rows)
