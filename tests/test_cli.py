import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from newsfuse.cli import EXIT_PARTIAL, app
from tests.conftest import DEMO

runner = CliRunner()


def test_analyze_json_matches_the_schema(tmp_path):
    from newsfuse.model import EventReport

    out = tmp_path / "r.json"
    result = runner.invoke(app, ["analyze", str(DEMO), "-o", str(out), "--max-words", "80"])
    assert result.exit_code == 0, result.output
    report = EventReport.model_validate_json(out.read_text())
    assert sum(len(s.text.split()) for s in report.summary) <= 80


@pytest.mark.parametrize("fmt,marker", [("md", "## Summary"), ("html", "<!DOCTYPE html>")])
def test_analyze_other_formats(fmt, marker):
    result = runner.invoke(app, ["analyze", str(DEMO), "--format", fmt])
    assert result.exit_code == 0
    assert marker in result.stdout


def test_partial_failure_has_its_own_exit_code(tmp_path):
    (tmp_path / "blank.txt").write_text("  ")
    result = runner.invoke(app, ["summarize", str(DEMO), str(tmp_path / "blank.txt")])
    assert result.exit_code == EXIT_PARTIAL
    assert "blank.txt" in result.stderr and "empty file" in result.stderr
    assert result.stdout.strip()


def test_nothing_readable_exits_1(tmp_path):
    (tmp_path / "blank.txt").write_text("")
    assert runner.invoke(app, ["analyze", str(tmp_path / "blank.txt")]).exit_code == 1


def test_clean_prints_the_body_without_boilerplate():
    result = runner.invoke(app, ["clean", str(DEMO / "01_valley_herald.txt")])
    assert result.exit_code == 0
    assert "Bilyi Kamin dam" in result.stdout and "cookies" not in result.stdout


def test_schema_command_prints_json_schema():
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout)["title"] == "EventReport"


def test_python_dash_m_works():
    result = subprocess.run([sys.executable, "-m", "newsfuse", "--help"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "analyze" in result.stdout
