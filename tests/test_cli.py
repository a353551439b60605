"""The `extractor` command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "extractor.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )


@pytest.mark.model
def test_extract_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text('"We will not back down," said Sen. Elizabeth Warren.', encoding="utf-8")
    done = run("extract", str(path))
    assert done.returncode == 0, done.stderr
    body = json.loads(done.stdout)
    assert body["quotes"][0]["text"] == "We will not back down"


@pytest.mark.model
def test_extract_loads_only_what_an_english_text_needs(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text('"We will not back down," said Sen. Elizabeth Warren.', encoding="utf-8")
    code = (
        "import sys\n"
        "from extractor.cli import main\n"
        f"main(['extract', {str(path)!r}])\n"
        "heavy = ('torch', 'natasha', 'stanza', 'slovnet')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert done.returncode == 0, done.stderr
    assert list(json.loads(done.stdout)["models"]) == ["en"]
    assert done.stderr.strip().splitlines()[-1] == "[]"


@pytest.mark.model
def test_extract_stdin_pretty() -> None:
    done = run("extract", "--pretty", "-l", "en", stdin="Hakan Fidan arrived in Baku.")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("{\n")
    assert any(e["name"] == "Hakan Fidan" for e in json.loads(done.stdout)["entities"])


@pytest.mark.model
def test_extract_turtle_with_source() -> None:
    done = run(
        "extract",
        "--format",
        "turtle",
        "--source",
        "https://example.org/a",
        "-l",
        "en",
        stdin='"We will not back down," said Sen. Elizabeth Warren.',
    )
    assert done.returncode == 0, done.stderr
    from rdflib import Graph

    g = Graph().parse(data=done.stdout, format="turtle")
    assert any("example.org/a#char=" in str(o) for o in g.objects())


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (("extract", "/no/such/file.txt"), "", "no such file"),
        (("extract",), "   ", "text is empty"),
        (("extract", "--language", "xx"), "Hello world.", "not supported"),
        (("eval", "quotes", "--corpus", "quotes-ru-dev", "--split", "train"), "", "dev set only"),
        (("eval", "quotes", "--errors"), "", "news sets only"),
        (("eval", "identity", "--archive", "2", "--offset", "-5"), "", "zero or more"),
        (("train", "names", "--output", "/proc/no/such/names.txt"), "", "cannot write"),
        (("train", "ner", "-l", "tr", "--corpus", "no-such-corpus"), "", "unknown NER corpus"),
        (("train", "ner", "-l", "tr", "--corpus", "az-ner:x"), "", "TIMES must be a whole"),
        (("train", "ner", "-l", "kk", "--backend", "stanza"), "", "needs --output"),
        (("train", "ner", "-l", "ru", "--corpus", "nerel", "--corpus", "az-ner"), "", "alone"),
        (("train", "quotes", "--epochs", "0"), "", "epochs must be 1 or more"),
        (("train", "quotes", "--epochs", "x"), "", "not a whole number"),
        (("train", "quotes", "--limit", "0"), "", "nothing to learn from"),
        (("train", "quotes", "--limit", "1", "--output", "/proc/no/b.json.gz"), "", "cannot write"),
        (("eval", "parallel", "--limit", "-1"), "", "not a whole number"),
        (("bench", "statements", "--limit", "0"), "", "--limit must be at least 1"),
    ],
)
def test_errors_are_one_line_not_a_traceback(
    args: tuple[str, ...], stdin: str, message: str
) -> None:
    done = run(*args, stdin=stdin)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_help_lists_commands() -> None:
    done = run("--help")
    assert done.returncode == 0
    for command in ("extract", "serve", "bench"):
        assert command in done.stdout


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.model
def test_bench_prints_figures(shared_dir: Path) -> None:
    done = run("bench", "--limit", "3", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    for label in ("bare nlp.pipe", "extract_many", "cost ratio", "peak RSS"):
        assert label in done.stdout


@pytest.mark.slow
@pytest.mark.model
def test_bench_cold_start_and_vocabulary() -> None:
    done = run("bench", "cold-start", "--repeat", "1")
    assert done.returncode == 0, done.stderr
    assert "cold start, best of 1:" in done.stdout
    done = run("bench", "vocab", "--limit", "20")
    assert done.returncode == 0, done.stderr
    strings = {
        line.split("  ")[0]: int(line.split(" strings")[0].split()[-1].replace(",", ""))
        for line in done.stdout.splitlines()
        if " strings" in line
    }
    # extract_many keeps no new word; bare nlp.pipe, outside a memory zone, keeps them all.
    assert strings["after extract_many"] == strings["before"]
    assert strings["after bare nlp.pipe"] > strings["before"]
