"""The web page in a real headless browser (Debian's chromium), against a live local server."""

import re
import shutil
import socket
import subprocess
import threading
import time

import pytest
import uvicorn

from newsfuse.service import create_app

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                "(apt-get install chromium) - browser test skipped")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server_url():
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def dump_dom(url: str, tmp_path) -> str:
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking", "--disable-sync",
               "--disable-component-update", f"--user-data-dir={tmp_path}",
               "--virtual-time-budget=120000", "--dump-dom", url]
    return subprocess.run(command, capture_output=True, text=True, timeout=180,
                          check=True).stdout


def test_demo_button_renders_the_report_in_the_page(server_url, tmp_path):
    dom = dump_dom(f"{server_url}/#demo", tmp_path)
    assert re.search(r'id="status"[^>]*>Done\.<', dom), "the page did not finish the analysis"
    assert "srcdoc=" in dom and "Chornohora" in dom
    assert "Conflicts" in dom
