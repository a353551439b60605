"""The build step pyproject.toml cannot declare: the project's models travel with the
package. A wheel (or an install from the sources that is not editable) carries
``models/`` as ``extractor/_models``, where :data:`extractor.settings.MODELS_DIR` finds
them; an editable install reads ``models/`` in place."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

MODELS = Path(__file__).resolve().parent / "models"


class BuildWithModels(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False) or not MODELS.is_dir():
            return
        target = Path(self.build_lib) / "extractor" / "_models"
        shutil.copytree(MODELS, target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithModels})
