"""Graph outputs, each parsed back by a real library: JSON-LD and Turtle (rdflib),
GraphML (networkx), Neo4j import CSV (csv); and format negotiation."""

from __future__ import annotations

import csv
import io
import json
import zipfile

import networkx as nx
import pytest
from rdflib import RDF, Graph, Namespace, URIRef

from extractor import Extractor
from extractor.errors import InvalidInputError, NotAcceptableError
from extractor.graph import Document, negotiate, render

pytestmark = pytest.mark.model

SDO = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

TEXT = (
    "Rasim Baghirov, Director of the Department of International Relations at the Media "
    "Development Agency of Azerbaijan, said that cooperation is growing.\n\n"
    '"We will continue," Baghirov said.'
)
OTHER = "Rasim Baghirov said that the Organization of Turkic States (OTS) is growing."


@pytest.fixture(scope="module")
def documents(extractor: Extractor) -> list[Document]:
    return [
        Document(extractor.extract(TEXT, language="en"), TEXT, "https://example.org/a"),
        Document(extractor.extract(OTHER, language="en"), OTHER),
    ]


def _rdf(documents: list[Document], fmt: str) -> Graph:
    body, _ = render(documents, fmt)
    g = Graph()
    g.parse(data=body.decode("utf-8"), format="json-ld" if fmt == "jsonld" else "turtle")
    return g


@pytest.mark.parametrize("fmt", ["jsonld", "turtle"])
def test_rdf_formats_parse_back(documents: list[Document], fmt: str) -> None:
    g = _rdf(documents, fmt)
    people = set(g.subjects(RDF.type, SDO.Person))
    assert len(people) == 1  # one key across both documents
    person = people.pop()
    assert str(g.value(person, SDO.name)) == "Rasim Baghirov"
    quotes = set(g.subjects(RDF.type, SDO.Quotation))
    assert len(quotes) == 3
    assert all(g.value(q, SDO.creator) == person for q in quotes)
    assert all(g.value(q, SDO.text) for q in quotes)
    # Each quote is an example of its statement (three statements: none restates another).
    works = {g.value(q, SDO.exampleOfWork) for q in quotes}
    assert len(works) == 3 and all((w, RDF.type, SDO.CreativeWork) in g for w in works)
    role = g.value(person, SDO.worksFor)
    assert (role, RDF.type, SDO.EmployeeRole) in g
    assert "Director" in str(g.value(role, SDO.roleName))
    agency = g.value(role, SDO.worksFor)
    assert "Media Development Agency" in str(g.value(agency, SDO.name))
    department = next(g.subjects(SDO.parentOrganization, agency))
    assert "Department" in str(g.value(department, SDO.name))
    # Provenance: character offsets into the source document, and the extractor.
    sources = {str(o) for o in g.objects(person, PROV.wasDerivedFrom)}
    assert "https://example.org/a#char=0,14" in sources
    doc = URIRef("https://example.org/a")
    activity = g.value(doc, PROV.wasGeneratedBy)
    agent = g.value(activity, PROV.wasAssociatedWith)
    assert g.value(agent, SDO.softwareVersion) is not None


def test_jsonld_has_an_inline_context(documents: list[Document]) -> None:
    data = json.loads(render(documents, "jsonld")[0])
    assert data["@context"]["@vocab"] == "https://schema.org/"


def test_graphml_parses_with_networkx(documents: list[Document]) -> None:
    body, media = render(documents, "graphml")
    assert media == "application/graphml+xml"
    g = nx.read_graphml(io.BytesIO(body))
    labels = nx.get_node_attributes(g, "label")
    assert sum(1 for v in labels.values() if v == "Person") == 1
    assert sum(1 for v in labels.values() if v == "Quote") == 3
    statements = nx.get_node_attributes(g, "statement")
    assert len({statements[n] for n, v in labels.items() if v == "Quote"}) == 3
    kinds = {d["label"] for _, _, d in g.edges(data=True)}
    assert {"SAID", "HOLDS_ROLE", "PART_OF", "QUOTED_IN", "MENTIONED_IN"} <= kinds


def test_neo4j_csv_is_importable(documents: list[Document]) -> None:
    body, media = render(documents, "neo4j")
    assert media == "application/zip"
    with zipfile.ZipFile(io.BytesIO(body)) as zf:
        nodes = list(csv.DictReader(io.StringIO(zf.read("nodes.csv").decode())))
        edges = list(csv.DictReader(io.StringIO(zf.read("relationships.csv").decode())))
    ids = {n["id:ID"] for n in nodes}
    assert len(ids) == len(nodes)
    assert {n[":LABEL"] for n in nodes} >= {"Person", "Organization", "Quote", "Document"}
    assert all(e[":START_ID"] in ids and e[":END_ID"] in ids for e in edges)
    assert {e[":TYPE"] for e in edges} >= {"SAID", "HOLDS_ROLE"}


def test_negotiation() -> None:
    assert negotiate(None, None) == "json"
    assert negotiate(None, "text/turtle") == "turtle"
    assert negotiate(None, "text/html, application/ld+json;q=0.9") == "jsonld"
    assert negotiate("graphml", "application/json") == "graphml"
    with pytest.raises(NotAcceptableError):
        negotiate(None, "text/html")
    with pytest.raises(InvalidInputError):
        negotiate("pdf", None)
