"""Imports go one way: stages never import the application layer above them.

The application layer (api, workflow, executor, the CLI and the web service) composes the
stages; a stage importing it back (as cluster once imported api) ties the layers into a knot.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "newsfuse"
APPLICATION = {"api", "workflow", "executor", "distributed", "cli", "cli_events", "cli_common",
               "service", "__main__"}
STAGES = ["ingest", "clean", "segment", "dedup", "nlp", "align", "synthesize", "cluster",
          "store", "render", "model", "config", "lang"]


def imported_modules(path: Path) -> set[str]:
    """Every newsfuse module a file imports, at module level or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.split(".")[0] == "newsfuse"}


def stage_files() -> list[Path]:
    files = []
    for stage in STAGES:
        target = PACKAGE / stage
        files.extend(sorted(target.rglob("*.py")) if target.is_dir()
                     else [target.with_suffix(".py")])
    return files


@pytest.mark.parametrize("path", stage_files(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_stage_does_not_import_the_application_layer(path: Path) -> None:
    upward = sorted(m for m in imported_modules(path)
                    if len(m.split(".")) > 1 and m.split(".")[1] in APPLICATION)
    assert not upward, f"{path.relative_to(PACKAGE)} imports {upward}"


def test_near_duplicates_sit_below_analyze_and_cluster() -> None:
    assert "newsfuse.dedup" in imported_modules(PACKAGE / "api.py")
    assert "newsfuse.dedup" in imported_modules(PACKAGE / "cluster" / "events.py")
    assert not (PACKAGE / "cluster" / "dedup.py").exists()
    assert not (PACKAGE / "cluster" / "workflow.py").exists()
