"""The web app in Debian's chromium driven by Playwright, at phone and desktop widths."""

import shutil

import pytest

from newsfuse.service import ServiceSettings
from tests.live_server import live_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (apt-get install chromium); "
                             "browser tests skipped")
TOKEN = "browser-token-8c2e"
WIDTHS = [390, 1280]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    settings = ServiceSettings(token=TOKEN, pool="thread",
                               db_url=f"sqlite:///{tmp_path_factory.mktemp('b') / 'web.db'}")
    with live_server(settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM,
                                              args=["--no-sandbox", "--disable-gpu"])
        yield chromium
        chromium.close()


def new_page(browser, server, width, javascript=True):
    context = browser.new_context(viewport={"width": width, "height": 900},
                                  java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(60_000)
    page.goto(f"{server}/login?token={TOKEN}&next=/add")
    return page


def add_demo(page, server):
    page.click("#demo")
    page.wait_for_url(f"{server}/events/ev*")
    playwright_api.expect(page.locator("h1")).to_contain_text("Chornohora")


@pytest.mark.parametrize("width", WIDTHS)
def test_add_demo_cite_list_search_fold(browser, server, width):
    page = new_page(browser, server, width)
    add_demo(page, server)
    # A citation previews its source passage in place.
    page.locator("#summary a.cite").first.click()
    preview = page.locator("#preview mark.passage")
    playwright_api.expect(preview).to_be_visible()
    assert len(preview.inner_text().split()) >= 5
    # Sections fold.
    section = page.locator("details#summary")
    assert section.get_attribute("open") is not None
    page.click("details#summary > summary")
    assert section.evaluate("d => d.open") is False
    # The events list, and a search in it.
    page.click("header.top >> text=Events")
    playwright_api.expect(page.locator("ol.events li")).not_to_have_count(0)
    page.fill("#q", "dam")
    page.click("form[role=search] button")
    playwright_api.expect(page.locator("ol.events mark").first).to_be_visible()
    assert "q=dam" in page.url
    # Nothing overflows the phone width.
    assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
    page.context.close()


def test_citation_without_javascript_opens_the_passage(browser, server):
    page = new_page(browser, server, 390, javascript=False)
    add_demo(page, server)
    page.locator("#summary a.cite").first.click()
    page.wait_for_url("**/articles/**")
    playwright_api.expect(page.locator("mark#passage")).to_be_visible()
    page.context.close()
