"""The layers contract in pyproject.toml ([tool.importlinter]) holds, and an upward import
breaks it (docs/architecture.md, "Import direction")."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def _root_packages() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def _lint(tree: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--no-logo", "--config", "pyproject.toml"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _copy_of_the_project(tmp_path: Path) -> Path:
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    for package in _root_packages():
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tmp_path


def test_the_project_keeps_the_layers_contract(tmp_path):
    result = _lint(_copy_of_the_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_an_upward_import_breaks_the_contract(tmp_path):
    tree = _copy_of_the_project(tmp_path)
    # employers sits below candidates: a service reaching up into candidates must fail CI.
    module = tree / "employers" / "services" / "openings.py"
    module.write_text("from candidates.models import Candidate  # noqa\n" + module.read_text())
    result = _lint(tree)
    assert result.returncode != 0
    assert "employers is not allowed to import candidates" in result.stdout
    assert "employers.services.openings -> candidates.models" in result.stdout


def test_a_domain_app_may_not_import_the_project_layer(tmp_path):
    tree = _copy_of_the_project(tmp_path)
    module = tree / "core" / "sections.py"
    module.write_text("from vi_inkluderer import home  # noqa\n" + module.read_text())
    result = _lint(tree)
    assert result.returncode != 0
    assert "core is not allowed to import vi_inkluderer" in result.stdout
