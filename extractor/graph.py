"""The knowledge graph of one or many Extractions, in the formats other tools read.

- JSON-LD and Turtle (RDF through rdflib) with the schema.org vocabulary: ``Person``,
  ``Organization``, ``Country``, ``Quotation`` (``text``, ``creator``), job titles as
  ``EmployeeRole`` (``roleName``; the person ``worksFor`` the role, the role
  ``worksFor`` the organization; the person is ``memberOf`` it), a country of a role as
  the person's ``nationality`` or the organization's ``address``/``addressCountry``,
  units as ``parentOrganization``/``subOrganization``; every statement's source is a W3C
  PROV ``wasDerivedFrom`` link to the document with RFC 5147 character offsets
  (``<document>#char=10,24``), and each document ``wasGeneratedBy`` an activity
  associated with this extractor and its version.
- GraphML (networkx; Gephi opens it) and Neo4j ``neo4j-admin import`` CSV files, from
  one property graph: entity, quote and document nodes; ``HOLDS_ROLE``, ``PART_OF``,
  ``SAID``, ``QUOTED_IN`` and ``MENTIONED_IN`` edges.

Entities of different documents with the same ``key`` are one node.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from .errors import InvalidInputError, NotAcceptableError
from .schema import Entity, Extraction
from .version import __version__

FORMATS: dict[str, str] = {
    "json": "application/json",
    "jsonld": "application/ld+json",
    "turtle": "text/turtle",
    "graphml": "application/graphml+xml",
    "neo4j": "application/zip",
}

SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
CONTEXT = {
    "@vocab": SCHEMA,
    "schema": SCHEMA,
    "prov": PROV,
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

_TYPES = {"PERSON": "Person", "ORGANIZATION": "Organization", "COUNTRY": "Country"}


@dataclass
class Document:
    """One extracted document and where it came from."""

    extraction: Extraction
    text: str
    iri: str = ""

    def __post_init__(self) -> None:
        self.digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:32]
        if not self.iri:
            self.iri = f"urn:extractor:document:{self.digest}"

    def node(self, kind: str, local_id: str) -> str:
        """The IRI of something extracted from this document (a quote, a role)."""
        return f"urn:extractor:{kind}:{self.digest}:{local_id}"

    def at(self, start: int, end: int) -> str:
        """The IRI of a stretch of the document (RFC 5147 ``char`` fragment)."""
        return f"{self.iri}#char={start},{end}"


def _known_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise InvalidInputError(
            f"unknown format {fmt!r}; known: {', '.join(FORMATS)}", format=fmt, known=list(FORMATS)
        )
    return fmt


def negotiate(fmt: str | None, accept: str | None) -> str:
    """The output format from a ``format`` parameter or, without one, an ``Accept``
    header (JSON when neither asks for something else)."""
    if fmt:
        return _known_format(fmt)
    by_type = {media: name for name, media in FORMATS.items()}
    offered = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    for media in offered:
        if media in by_type:
            return by_type[media]
        if media in {"*/*", "application/*", ""}:
            return "json"
    raise NotAcceptableError(
        f"cannot answer with {accept!r}; available: {', '.join(FORMATS.values())}",
        available=list(FORMATS.values()),
    )


def entity_iri(key: str) -> str:
    return "urn:extractor:entity:" + quote(key, safe=":")


def render(documents: Sequence[Document], fmt: str) -> tuple[bytes, str]:
    """The documents' graph in ``fmt`` (one of :data:`FORMATS`) and its media type."""
    _known_format(fmt)
    if fmt == "json":
        if len(documents) == 1:
            body = documents[0].extraction.model_dump_json()
        else:
            body = json.dumps([d.extraction.model_dump(mode="json") for d in documents])
        return body.encode("utf-8"), FORMATS[fmt]
    if fmt == "jsonld":
        return to_jsonld(documents).encode("utf-8"), FORMATS[fmt]
    if fmt == "turtle":
        return to_turtle(documents).encode("utf-8"), FORMATS[fmt]
    if fmt == "graphml":
        return to_graphml(documents).encode("utf-8"), FORMATS[fmt]
    return to_neo4j_zip(documents), FORMATS[fmt]


# --- RDF ---------------------------------------------------------------------------------


def to_rdf(documents: Sequence[Document]) -> Any:
    """An rdflib Graph of the documents (schema.org + PROV)."""
    from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef

    sdo = Namespace(SCHEMA)
    prov = Namespace(PROV)
    g = Graph()
    g.bind("schema", sdo)
    g.bind("prov", prov)
    agent = URIRef(f"urn:extractor:software:who-said-what-extractor:{__version__}")
    g.add((agent, RDF.type, prov.SoftwareAgent))
    g.add((agent, sdo.name, Literal("who-said-what extractor")))
    g.add((agent, sdo.softwareVersion, Literal(__version__)))
    for doc in documents:
        x = doc.extraction
        d = URIRef(doc.iri)
        g.add((d, RDF.type, sdo.CreativeWork))
        g.add((d, sdo.inLanguage, Literal(x.language)))
        activity = URIRef(doc.node("extraction", x.extractor_version))
        g.add((activity, RDF.type, prov.Activity))
        g.add((activity, prov.wasAssociatedWith, agent))
        g.add((activity, prov.used, d))
        g.add((d, prov.wasGeneratedBy, activity))
        nodes: dict[str, URIRef] = {}
        for e in x.entities:
            node = URIRef(entity_iri(e.key))
            nodes[e.id] = node
            if e.type == "TITLE":
                continue  # a title is the roleName of the roles that hold it
            g.add((node, RDF.type, sdo[_TYPES[e.type]]))
            g.add((node, sdo.name, Literal(e.name)))
            g.add((node, sdo.identifier, Literal(e.key)))
            if e.code:
                g.add((node, sdo.identifier, Literal(e.code)))
            for m in e.mentions:
                if m.text != e.name:
                    g.add((node, sdo.alternateName, Literal(m.text)))
                g.add((node, prov.wasDerivedFrom, URIRef(doc.at(m.start, m.end))))
        by_id = {e.id: e for e in x.entities}
        for r in x.roles:
            person = nodes[r.person]
            role = URIRef(doc.node("role", r.id))
            g.add((role, RDF.type, sdo.EmployeeRole))
            g.add((role, sdo.roleName, Literal(by_id[r.title].name)))
            for ev in [r.evidence, *r.other_evidence]:
                g.add((role, prov.wasDerivedFrom, URIRef(doc.at(ev.start, ev.end))))
            g.add((person, sdo.worksFor, role))
            if r.organization:
                org = nodes[r.organization]
                g.add((role, sdo.worksFor, org))
                g.add((person, sdo.memberOf, org))
                if r.country:
                    address = BNode()
                    g.add((org, sdo.address, address))
                    g.add((address, RDF.type, sdo.PostalAddress))
                    g.add((address, sdo.addressCountry, nodes[r.country]))
            elif r.country:
                g.add((person, sdo.nationality, nodes[r.country]))
        for rel in x.relations:
            if rel.type == "part_of":
                g.add((nodes[rel.source], sdo.parentOrganization, nodes[rel.target]))
                g.add((nodes[rel.target], sdo.subOrganization, nodes[rel.source]))
        for q in x.quotes:
            node = URIRef(doc.node("quote", q.id))
            g.add((node, RDF.type, sdo.Quotation))
            g.add((node, sdo.text, Literal(q.text)))
            g.add((node, sdo.isPartOf, d))
            g.add((node, sdo.additionalType, Literal(q.kind)))
            g.add((node, prov.wasDerivedFrom, URIRef(doc.at(q.start, q.end))))
            if q.speaker and q.speaker in nodes:
                g.add((node, sdo.creator, nodes[q.speaker]))
            if q.statement:
                # The versions of one statement are examples of one work.
                statement = URIRef(doc.node("statement", q.statement))
                g.add((statement, RDF.type, sdo.CreativeWork))
                g.add((node, sdo.exampleOfWork, statement))
    return g


def to_jsonld(documents: Sequence[Document]) -> str:
    """JSON-LD with an inline context (readable without fetching schema.org)."""
    text: str = to_rdf(documents).serialize(format="json-ld", context=CONTEXT, auto_compact=True)
    return text


def to_turtle(documents: Sequence[Document]) -> str:
    text: str = to_rdf(documents).serialize(format="turtle")
    return text


# --- property graph: GraphML and Neo4j CSV ------------------------------------------------


@dataclass
class PropertyGraph:
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> properties
    edges: list[tuple[str, str, str, dict[str, Any]]] = field(default_factory=list)


def property_graph(documents: Sequence[Document]) -> PropertyGraph:
    pg = PropertyGraph()
    for doc in documents:
        x = doc.extraction
        pg.nodes[doc.iri] = {"label": "Document", "name": doc.iri, "language": x.language}
        by_id: dict[str, Entity] = {e.id: e for e in x.entities}
        node_of: dict[str, str] = {}
        for e in x.entities:
            nid = entity_iri(e.key)
            node_of[e.id] = nid
            props = pg.nodes.setdefault(
                nid,
                {"label": e.type.title(), "name": e.name, "key": e.key, "code": e.code or ""},
            )
            props["mentions"] = int(props.get("mentions", 0)) + len(e.mentions)
            if e.type != "TITLE":
                pg.edges.append((nid, doc.iri, "MENTIONED_IN", {"count": len(e.mentions)}))
        for r in x.roles:
            target = node_of.get(r.organization or "") or node_of.get(r.country or "")
            props = {"title": by_id[r.title].name, "evidence": r.evidence.text}
            pg.edges.append((node_of[r.person], target or node_of[r.title], "HOLDS_ROLE", props))
        for rel in x.relations:
            pg.edges.append((node_of[rel.source], node_of[rel.target], "PART_OF", {}))
        for q in x.quotes:
            qid = doc.node("quote", q.id)
            pg.nodes[qid] = {
                "label": "Quote",
                "name": q.text[:80],
                "text": q.text,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "confidence": q.confidence,
                "speaker_kind": q.speaker_kind or "",
                "statement": doc.node("statement", q.statement) if q.statement else "",
            }
            pg.edges.append((qid, doc.iri, "QUOTED_IN", {}))
            if q.speaker in node_of:
                pg.edges.append((node_of[q.speaker or ""], qid, "SAID", {}))
    return pg


def to_graphml(documents: Sequence[Document]) -> str:
    import networkx as nx

    pg = property_graph(documents)
    g = nx.MultiDiGraph()
    for nid, props in pg.nodes.items():
        g.add_node(nid, **props)
    for source, target, kind, props in pg.edges:
        g.add_edge(source, target, label=kind, **props)
    buffer = io.BytesIO()
    nx.write_graphml(g, buffer, encoding="utf-8")
    return buffer.getvalue().decode("utf-8")


def to_neo4j_csv(documents: Sequence[Document]) -> dict[str, str]:
    """``nodes.csv`` and ``relationships.csv`` in the ``neo4j-admin database import``
    header format (``:ID``, ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``)."""
    pg = property_graph(documents)
    keys = sorted({k for p in pg.nodes.values() for k in p} - {"label"})
    nodes = io.StringIO()
    writer = csv.writer(nodes)
    writer.writerow(["id:ID", ":LABEL", *keys])
    for nid, props in pg.nodes.items():
        writer.writerow([nid, props["label"], *(props.get(k, "") for k in keys)])
    edge_keys = sorted({k for *_, p in pg.edges for k in p})
    edges = io.StringIO()
    writer = csv.writer(edges)
    writer.writerow([":START_ID", ":END_ID", ":TYPE", *edge_keys])
    for source, target, kind, props in pg.edges:
        writer.writerow([source, target, kind, *(props.get(k, "") for k in edge_keys)])
    return {"nodes.csv": nodes.getvalue(), "relationships.csv": edges.getvalue()}


def to_neo4j_zip(documents: Sequence[Document]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in to_neo4j_csv(documents).items():
            zf.writestr(name, text)
    return buffer.getvalue()


# --- an archive neighbourhood (store.neighbourhood) ----------------------------------------


def render_neighbourhood(hood: dict[str, Any], fmt: str) -> tuple[bytes, str]:
    """Nodes and edges of the archive as JSON-LD (schema.org; co-mentions as
    ``urn:extractor:vocab:coMentionedWith``) or GraphML."""
    if fmt == "graphml":
        import networkx as nx

        g = nx.MultiDiGraph()
        for n in hood["nodes"]:
            g.add_node(
                str(n["id"]),
                label=n["type"].title(),
                name=n["name"],
                key=n["key"],
                code=n["code"] or "",
            )
        for e in hood["edges"]:
            g.add_edge(str(e["source"]), str(e["target"]), label=e["type"], weight=e["weight"])
        buffer = io.BytesIO()
        nx.write_graphml(g, buffer, encoding="utf-8")
        return buffer.getvalue(), FORMATS["graphml"]
    by_id = {n["id"]: n for n in hood["nodes"]}
    nodes: dict[int, dict[str, Any]] = {}
    for n in hood["nodes"]:
        kind = _TYPES.get(n["type"], "DefinedTerm")
        nodes[n["id"]] = {
            "@id": entity_iri(n["key"]),
            "@type": kind,
            "name": n["name"],
            "identifier": n["key"],
        }
    for e in hood["edges"]:
        source, target = nodes.get(e["source"]), nodes.get(e["target"])
        if source is None or target is None:
            continue
        if e["type"] == "HOLDS_ROLE":
            term = "nationality" if by_id[e["target"]]["type"] == "COUNTRY" else "memberOf"
        else:
            term = "ex:coMentionedWith"
        source.setdefault(term, []).append({"@id": target["@id"]})
    doc = {
        "@context": {**CONTEXT, "ex": "urn:extractor:vocab:"},
        "@graph": list(nodes.values()),
    }
    return json.dumps(doc, ensure_ascii=False).encode("utf-8"), FORMATS["jsonld"]
