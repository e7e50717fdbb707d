import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsfuse.cli_events import register

FIXTURES = Path(__file__).parent / "fixtures" / "events"


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def stdout_of(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def test_cluster_paths_prints_one_jsonl_line_per_article(app, runner):
    result = runner.invoke(app, ["cluster", str(FIXTURES), "--format", "jsonl"])
    lines = [json.loads(line) for line in stdout_of(result).splitlines()]
    assert len(lines) == 8
    event_of = {line["id"]: line["event"] for line in lines}
    assert event_of["flood_valley_post"] == event_of["flood_river_news"]
    assert event_of["rovers_sports_daily"] == event_of["rovers_city_gazette"]
    assert event_of["flood_valley_post"] != event_of["rovers_sports_daily"]
    assert len(set(event_of.values())) == 3


def test_ingest_cluster_events_report_over_the_store(app, runner, tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = stdout_of(runner.invoke(app, ["ingest", str(FIXTURES), "--db", db]))
    assert first.count("stored ") == 8
    again = stdout_of(runner.invoke(app, ["ingest", str(FIXTURES), "--db", db]))
    assert again.count("unchanged ") == 8 and "stored " not in again
    # Ingest placed the articles into events online: they are listed without `cluster`.
    online = json.loads(stdout_of(runner.invoke(app, ["events", "--db", db, "-f", "json"])))
    assert sum(e["size"] for e in online) == 8 and len(online) == 3

    clustered = stdout_of(runner.invoke(app, ["cluster", "--db", db, "--format", "jsonl"]))
    assignments = [json.loads(line) for line in clustered.splitlines()]
    assert len(assignments) == 8 and len({a["event"] for a in assignments}) == 3

    listed = json.loads(stdout_of(runner.invoke(app, ["events", "--db", db, "--format",
                                                      "json"])))
    flood = next(e for e in listed if "flood_valley_post" in e["article_ids"])
    assert flood["size"] == 3 and flood["conflicts"] is None
    assert flood["first_date"] == "2024-03-05" and flood["last_date"] == "2024-03-06"

    report = json.loads(stdout_of(runner.invoke(app, ["report", flood["id"], "--db", db])))
    assert {a["id"] for a in report["articles"]} == set(flood["article_ids"])
    markdown = stdout_of(runner.invoke(app, ["report", flood["id"], "--db", db, "-f", "md"]))
    assert markdown.lstrip().startswith("#")
    relisted = json.loads(stdout_of(runner.invoke(app, ["events", "--db", db, "-f", "json"])))
    assert next(e for e in relisted if e["id"] == flood["id"])["conflicts"] is not None
    assert sum(e["conflicts"] is None for e in relisted) == 2
    analyzed = json.loads(stdout_of(runner.invoke(app, ["events", "--db", db, "-f", "json",
                                                        "--analyze"])))
    assert all(e["conflicts"] is not None for e in analyzed)


def test_report_of_an_unknown_event_fails_clearly(app, runner, tmp_path):
    result = runner.invoke(app, ["report", "ev99", "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 1
    assert "no event 'ev99'" in result.output


def test_watch_once_writes_what_is_new_per_touched_event(app, runner, tmp_path):
    inbox, updates = tmp_path / "inbox", tmp_path / "updates"
    inbox.mkdir()
    db = f"sqlite:///{tmp_path / 'watch.db'}"
    for name in ("flood_valley_post.txt", "rovers_sports_daily.txt"):
        shutil.copy(FIXTURES / name, inbox / name)
    first = stdout_of(runner.invoke(app, ["watch", str(inbox), "--db", db, "--once",
                                          "--out", str(updates)]))
    assert len(first.splitlines()) == 2  # two new events, one update file each

    shutil.copy(FIXTURES / "flood_county_herald.txt", inbox / "flood_county_herald.txt")
    second = stdout_of(runner.invoke(app, ["watch", str(inbox), "--db", db, "--once",
                                           "--out", str(updates)]))
    (line,) = second.splitlines()
    update = Path(line.split("\t")[1]).read_text(encoding="utf-8")
    assert "what's new" in update
    assert "## New sources" in update and "flood_county_herald" in update
    # Only what the new article adds: its own facts, cited, not the whole report again.
    summary = update.split("## ")[0].split("\n\n", 1)[1]
    assert "primary school" in summary and "[2]" in summary
    assert "hypothermia" not in summary  # both outlets report it: not new
    assert len(summary.split()) <= 100 + summary.count("[")
    # The figure both give differently, in words, never an internal key.
    assert re.search(r"homes[^:]*: 42 → 40 \[2\]", update)
    assert "::" not in update and "count:" not in update

    third = stdout_of(runner.invoke(app, ["watch", str(inbox), "--db", db, "--once",
                                          "--out", str(updates)]))
    assert third == ""  # nothing arrived, nothing written


def test_watch_rejects_a_missing_folder(app, runner, tmp_path):
    result = runner.invoke(app, ["watch", str(tmp_path / "absent"), "--once"])
    assert result.exit_code == 1


def test_ingest_names_deeply_nested_json_and_goes_on(app, runner, tmp_path):
    """JSON nested past the decoder's recursion limit is that item's error, not a traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    deep = "[" * 5000 + "]" * 5000
    (folder / "deep.json").write_text(deep)
    record = {"title": "Tram line reopens in Velmor",
              "text": "The tram line through Velmor reopened on Monday after repairs."}
    (folder / "mixed.jsonl").write_text(f"{json.dumps(record)}\n{deep}\n")
    db = f"sqlite:///{tmp_path / 'store.db'}"
    result = runner.invoke(app, ["ingest", str(folder), "--db", db], env={"COLUMNS": "500"})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output and result.stdout.count("stored ") == 1
    errors = " ".join(result.stderr.split())
    assert "deep.json: JSON nested too deeply" in errors
    assert "mixed.jsonl line 2: JSON nested too deeply" in errors
