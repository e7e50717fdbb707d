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


def test_analyze_reads_chinese_articles_sentence_by_sentence(tmp_path):
    """Chinese has no spaces between words: sentences end at "。", words are counted by
    characters, and a fact two outlets state is found by shared character pairs."""
    records = [
        {"id": "a", "source": "松江晚报", "published": "2026-03-02",
         "text": "松江大桥因裂缝关闭\n交通局周一表示，松江大桥的桥墩出现裂缝，大桥已全面封闭。"
                 "工程师正在检查桥梁结构。公交线路将绕行至东门路。"},
        {"id": "b", "source": "江城日报", "published": "2026-03-02",
         "text": "松江大桥封闭\n据报道，检查人员在桥墩发现了多处裂缝。松江大桥已全面封闭。"
                 "市政府计划下个月公布维修方案。"},
    ]
    source = tmp_path / "zh.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                      encoding="utf-8")
    out = tmp_path / "report.json"
    assert runner.invoke(app, ["analyze", str(source), "-o", str(out)]).exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert all(article["words"] > 20 for article in report["articles"])
    assert len(report["summary"]) > 2
    corroborated = [f for f in report["corroborated"] if sorted(f["sources"]) == ["a", "b"]]
    assert any("全面封闭" in f["text"] for f in corroborated)
