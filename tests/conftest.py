import os
from pathlib import Path

import pytest

os.environ.setdefault("ORT_DISABLE_TELEMETRY", "1")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "src" / "newsfuse" / "demo"
SHARED = REPO.parent / "shared"
EXAMPLE = SHARED / "examples" / "ukraine-2022-02-28"


@pytest.fixture
def demo_dir() -> Path:
    return DEMO


@pytest.fixture
def example_dir() -> Path:
    if not EXAMPLE.is_dir():
        pytest.skip(f"shared example not found at {EXAMPLE} (../shared is not beside the repo)")
    return EXAMPLE
