"""README screenshots of the web app (make screenshots): the demo event at 1280 px and 390 px.

Runs a local server on a temporary store, adds the bundled demo through the page, and saves
docs/img/web-event-1280.png and docs/img/web-events-390.png with Debian's chromium.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from newsfuse.service import ServiceSettings
from tests.live_server import live_server

OUT = Path(__file__).resolve().parents[1] / "docs" / "img"
TOKEN = "screenshot-token"


def main() -> int:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium is not installed (apt-get install chromium)", file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp, live_server(ServiceSettings(
            token=TOKEN, pool="thread", db_url=f"sqlite:///{tmp}/web.db")) as url, \
            sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.goto(f"{url}/login?token={TOKEN}&next=/add")
        page.click("#demo")
        page.wait_for_url(f"{url}/events/ev*", timeout=120_000)
        page.locator("#summary a.cite").nth(2).click()
        page.locator("#preview mark").wait_for()
        page.screenshot(path=OUT / "web-event-1280.png")
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2)
        phone.goto(f"{url}/login?token={TOKEN}&next=/%3Fq%3Ddam")
        phone.screenshot(path=OUT / "web-events-390.png")
        browser.close()
    print(f"wrote {OUT / 'web-event-1280.png'} and {OUT / 'web-events-390.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
