"""Run every benchmark (`make bench`) and assemble BENCHMARKS.md from their result sections.

Each `benchmarks/bench_*.py` module has a `main()` that writes `benchmarks/results/<name>.md`
and skips with a message when `../shared/data` is absent.
"""

from __future__ import annotations

import datetime as dt
import importlib
import sys
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
OUTPUT = HERE.parent / "BENCHMARKS.md"
# Result sections without a bench module of their own are assembled when present:
# speed_local2 (bench_speed --executor local:2), annotation (bench_speed --annotation N),
# scale_dask_5000 (bench_scale_dask --limit 5000), scale_dask_12925_no_reports
# (bench_scale_dask --limit 12925 --modes none,local:2 --no-reports).
ORDER = ["crossfacts", "heldout", "judged", "fakes", "summary", "speed", "speed_baseline",
         "speed_local2", "annotation", "extraction", "clustering", "cluster_cli", "reading",
         "scale_dask", "scale_dask_5000", "scale_dask_12925_no_reports", "web_load", "online_add"]


def run(selected: list[str]) -> int:
    failures = 0
    for name in selected:
        print(f"== benchmark {name}", flush=True)
        try:
            module = importlib.import_module(f"benchmarks.bench_{name}")
            module.main([])
        except SystemExit as exc:
            failures += bool(exc.code)
        except Exception:  # noqa: BLE001 - one broken benchmark must not hide the others
            traceback.print_exc()
            failures += 1
    assemble()
    return 1 if failures else 0


def assemble() -> None:
    sections = [RESULTS / f"{name}.md" for name in ORDER if (RESULTS / f"{name}.md").exists()]
    header = ("# newsfuse benchmarks\n\n"
              f"Assembled {dt.date.today().isoformat()} by `make bench` "
              "(`python -m benchmarks.run_all`) from `benchmarks/results/*.md`; each section "
              "gives its own command, date and numbers, with baselines run in the same process.\n")
    body = "\n\n".join(path.read_text(encoding="utf-8").strip() for path in sections)
    OUTPUT.write_text(header + "\n" + body + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")


def available() -> list[str]:
    return [name for name in ORDER if (HERE / f"bench_{name}.py").exists()]


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:] or available()))
