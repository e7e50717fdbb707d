"""The executor seam: same results in this process, in a thread pool and on Dask.

The Dask test runs a 2-worker LocalCluster inside this process (threads, in-process
transport): no port is opened, and the models load once.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsfuse import api
from newsfuse.config import Config
from newsfuse.executor import ExecutorSpecError, InProcess, PoolExecutor, make_executor, partitions
from newsfuse.store import Store
from newsfuse.workflow import cluster_store, ingest, report_events

FIXTURES = Path(__file__).parent / "fixtures" / "events"
FLOOD = sorted(str(p) for p in FIXTURES.glob("flood_*.txt"))


def _square(partition: list[int], offset: int) -> list[int]:
    return [x * x + offset for x in partition]


def test_partitions_are_fixed_size_and_keep_order():
    assert partitions(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert partitions([], 3) == []


def test_pool_results_come_back_in_partition_order():
    with PoolExecutor(2, "threads") as pool:
        results = list(pool.map(_square, partitions(list(range(50)), 4), 1))
    assert [x for part in results for x in part] == [x * x + 1 for x in range(50)]


@pytest.mark.parametrize("spec", ["local:0", "local:two", "http://example.org:8786", "dask"])
def test_a_bad_spec_is_refused_with_its_forms(spec):
    with pytest.raises(ExecutorSpecError, match="local:N"):
        make_executor(spec)


def test_no_spec_runs_here():
    assert isinstance(make_executor(None), InProcess)


def test_cli_refuses_a_bad_dask_spec_with_a_usage_error(tmp_path):
    from newsfuse.cli_events import register

    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["cluster", str(FIXTURES), "--dask", "local:x"])
    assert result.exit_code == 2
    assert "local:N" in result.output


# --------------------------------------------------------------------------- Dask

@pytest.fixture(scope="module")
def dask_executor():
    pytest.importorskip("distributed")
    from newsfuse.executor import DaskExecutor

    executor = DaskExecutor.local(2, processes=False)
    address = executor.client.scheduler.address
    assert address.startswith(("inproc://", "tcp://127.0.0.1:")), address
    yield executor
    executor.close()


def test_the_test_cluster_listens_on_loopback_only(dask_executor):
    import psutil

    listening = [c.laddr for c in psutil.Process().net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert all(address.ip in ("127.0.0.1", "::1") for address in listening), listening


def _report_json(report) -> dict:
    return json.loads(report.model_dump_json())


def test_analyze_on_dask_equals_analyze_here(dask_executor):
    assert dask_executor.workers == 2
    here = api.analyze(FLOOD, Config())
    there = api.analyze(FLOOD, Config(), executor=dask_executor)
    assert _report_json(there) == _report_json(here)
    assert here.summary  # a real report, not two empty ones


def _run_store(tmp_path: Path, name: str, executor=None) -> tuple[Store, dict]:
    store = Store(f"sqlite:///{tmp_path / name}")
    config = Config()
    outcome = ingest([str(FIXTURES)], store, config, executor=executor)
    infos = cluster_store(store, config, executor=executor)
    reports = dict(report_events(store, [i.id for i in infos], config, executor))
    stored = {s.id for s in outcome.stored}
    groups = sorted(sorted(i.article_ids) for i in infos)
    vectors = store.embeddings("minilm", sorted(stored))
    return store, {"stored": sorted(stored), "groups": groups,
                   "vectors": [v.tolist() for v in vectors],
                   "reports": {k: _report_json(r) for k, r in reports.items()}}


def test_ingest_cluster_and_reports_on_dask_equal_a_single_process(dask_executor, tmp_path):
    _, here = _run_store(tmp_path, "here.db")
    store, there = _run_store(tmp_path, "there.db", dask_executor)
    assert there["stored"] == here["stored"] and len(here["stored"]) == 8
    assert there["groups"] == here["groups"] and len(here["groups"]) == 3
    assert there["vectors"] == here["vectors"]
    assert there["reports"] == here["reports"] and len(here["reports"]) == 3
    # Every report was saved by the client, the one writer.
    assert all(store.last_report(event_id) is not None for event_id in there["reports"])


def test_an_interrupted_ingest_resumes_without_duplicates(dask_executor, tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'resume.db'}")
    files = sorted(str(p) for p in FIXTURES.glob("*.txt"))
    # The first run "dies" after three articles were committed.
    first = ingest(files[:3], store, Config(), executor=dask_executor)
    again = ingest(files, store, Config(), executor=dask_executor)
    assert first.created == 3
    assert again.created == 5 and store.count_articles() == 8
    assert {s.id for s in again.stored if not s.created} == {s.id for s in first.stored}


def test_partition_results_survive_the_trip_between_processes():
    """Worker processes send results pickled (the in-process cluster above does not)."""
    import pickle

    from newsfuse.workflow import prepare_partition, report_partition

    articles, _ = api.load(FLOOD, Config())
    annotated = pickle.loads(pickle.dumps(api.annotate_partition(articles, Config())))
    assert [d.article.id for d in annotated.documents] == [a.id for a in articles]
    assert annotated.embeddings.shape[0] == sum(len(s) for s in annotated.sentences)
    prepared, errors = pickle.loads(pickle.dumps(prepare_partition(articles, Config())))
    assert len(prepared) == 3 and not errors
    report = pickle.loads(pickle.dumps(report_partition(articles, Config())))
    assert report is not None and report.summary
    arguments = pickle.loads(pickle.dumps((api.annotate_partition, Config())))
    assert arguments[0] is api.annotate_partition
