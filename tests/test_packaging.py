"""The wheel carries what the package needs on a machine without the sources (a Spark
cluster's executors): the project's models (setup.py copies models/ into it as
extractor/_models), the pages and the data files; installed from it, the settings find
the models inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    (built,) = out.glob("who_said_what_extractor-*.whl")
    return built


@pytest.mark.slow
def test_the_wheel_carries_the_models_pages_and_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for model in sorted(p.name for p in (ROOT / "models").iterdir() if p.is_dir()):
        for path in (ROOT / "models" / model).rglob("*"):
            if path.is_file():
                assert f"extractor/_models/{path.relative_to(ROOT / 'models')}" in names
    assert "extractor/web/templates/base.html" in names
    assert any(n.startswith("extractor/entities/data/") for n in names)
    assert not any(n.startswith("tests/") for n in names)


@pytest.mark.slow
def test_installed_from_the_wheel_the_settings_find_its_models(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
         str(wheel)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    code = (
        "import extractor.settings as s\n"
        "from pathlib import Path\n"
        "print(s.MODELS_DIR)\n"
        "print(all(Path(p, 'meta.json').is_file() for p in s.DEFAULT_PIPELINES.values()"
        " if '/' in p))\n"
    )
    ran = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True, text=True, timeout=120, cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-3000:]
    where, found = ran.stdout.split()
    assert Path(where) == target / "extractor" / "_models"
    assert found == "True"
