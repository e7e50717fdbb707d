"""Print a benchmark's markdown section and store it under benchmarks/results/."""

from __future__ import annotations

from pathlib import Path


def publish(report: str, path: Path, write: bool = True) -> None:
    print(report)
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report, encoding="utf-8")
        print(f"wrote {path}")
