"""The layout holds at run time: the library runs without the HTTP framework or the
development tools, service.py is only the entry point, and every room of the package
opens with its docstring (what comes in, what goes out, what it may import). The
static import contracts are checked by `lint-imports` (pyproject.toml)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import extractor

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = Path(extractor.__file__).parent


def test_the_library_loads_without_the_http_framework_or_devtools() -> None:
    code = (
        "import sys\n"
        "import extractor, extractor.extract, extractor.graph, extractor.archive.store\n"
        "import extractor.archive.annotate\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in {'fastapi', 'starlette'}"
        " or m.startswith('extractor.devtools') or m.startswith('extractor.web'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_service_py_only_builds_the_app_of_the_web_layer() -> None:
    tree = ast.parse((ROOT / "service.py").read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert imported <= {"__future__", "typing", "extractor.web"}, imported


ROOMS = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))


def test_the_rooms_are_the_documented_ones() -> None:
    assert ROOMS == [
        "archive",
        "devtools",
        "entities",
        "language",
        "nlp",
        "quotes",
        "web",
    ]


@pytest.mark.parametrize("room", ROOMS)
def test_every_room_opens_with_what_it_may_import(room: str) -> None:
    doc = ast.get_docstring(ast.parse((PACKAGE / room / "__init__.py").read_text("utf-8")))
    assert doc and "May import" in doc, doc
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"- `{room}/`" in readme  # one line per room in "How the code is laid out"
