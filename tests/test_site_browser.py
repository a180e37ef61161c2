"""The site as a reader sees it, in headless Chromium (Debian's ``chromium``
and ``chromium-driver``): every page loads with no console error and no
KaTeX error, the step reveal and the language switch work, and the graph
page shows every derivation.  Skips when the browser is not installed."""
import functools
import http.server
import shutil
import tempfile
import threading

import pytest

from derivations import registry
from derivations.i18n import translate

pytestmark = pytest.mark.slow

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1200,900")


@pytest.fixture(scope="module")
def server(built_site):
    """The built site over HTTP on localhost (as a reader's browser fetches it)."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def browser():
    if not (CHROMIUM and DRIVER):
        pytest.skip("chromium and chromium-driver are not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="infoderive-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _visible_steps(browser):
    return [s.get_attribute("id") for s in browser.find_elements("css selector", "li.step")
            if s.is_displayed()]


def _errors(browser):
    return [entry["message"] for entry in browser.get_log("browser")
            if entry["level"] in ("SEVERE", "ERROR")]


def test_every_page_loads_without_console_or_katex_errors(browser, server, built_site):
    pages = ["index.html"] + sorted(str(p.relative_to(built_site))
                                    for p in built_site.glob("*/*.html"))
    assert len(pages) == 1 + 2 * (len(registry.REGISTRY) + 4)
    browser.get_log("browser")
    for page in pages:
        browser.get(f"{server}/{page}")
        assert browser.execute_script("return document.readyState") == "complete"
        assert browser.find_elements("css selector", ".katex-error") == [], page
        assert _errors(browser) == [], page
        if page.count("/") and not page.endswith(("index.html", "graph.html", "errata.html",
                                                  "figures.html")):
            assert browser.find_elements("css selector", ".katex"), page
            # the KaTeX fonts loaded (served from assets/, not a CDN)
            assert browser.execute_script(
                "return document.fonts.check('1em KaTeX_Main')"), page


def test_step_reveal_with_buttons_and_arrow_keys(browser, server):
    from selenium.webdriver.common.keys import Keys
    browser.get(f"{server}/en/sigmoid-is-inverse-logit.html")
    counter = browser.find_element("id", "step-counter")
    assert _visible_steps(browser) == ["step-1"]
    assert counter.text == "Step 1 of 7"
    browser.find_element("id", "next-step").click()
    assert _visible_steps(browser) == ["step-1", "step-2"]
    body = browser.find_element("tag name", "body")
    body.send_keys(Keys.ARROW_RIGHT)
    body.send_keys(Keys.ARROW_RIGHT)
    assert _visible_steps(browser) == ["step-1", "step-2", "step-3", "step-4"]
    assert counter.text == "Step 4 of 7"
    body.send_keys(Keys.ARROW_LEFT)
    assert counter.text == "Step 3 of 7"
    browser.find_element("id", "prev-step").click()
    browser.find_element("id", "prev-step").click()
    assert _visible_steps(browser) == ["step-1"]
    assert not browser.find_element("id", "prev-step").is_enabled()
    browser.find_element("id", "all-steps").click()
    assert _visible_steps(browser) == [f"step-{i}" for i in range(1, 8)]
    assert not browser.find_element("id", "next-step").is_enabled()
    assert _errors(browser) == []


def test_step_counter_in_korean(browser, server):
    browser.get(f"{server}/ko/jensen-bound-on-agreement.html")
    assert browser.find_element("id", "step-counter").text == "6단계 중 1단계"
    assert browser.find_element("id", "next-step").text == "다음 단계 →"


def test_language_switch_goes_to_the_same_page(browser, server):
    name = "kl-divergence-is-nonnegative"
    d = registry.build(name)
    browser.get(f"{server}/en/{name}.html")
    assert browser.find_element("tag name", "h1").text == d.title
    browser.find_element("id", "lang-switch").click()
    assert browser.current_url == f"{server}/ko/{name}.html"
    assert browser.find_element("tag name", "html").get_attribute("lang") == "ko"
    assert browser.find_element("tag name", "h1").text == translate(d, "ko").title
    browser.find_element("id", "lang-switch").click()
    assert browser.current_url == f"{server}/en/{name}.html"


def test_graph_page_shows_every_derivation(browser, server):
    for lang in ("en", "ko"):
        browser.get(f"{server}/{lang}/graph.html")
        nodes = browser.find_elements("css selector", "#graph g.node")
        ids = {n.get_attribute("id") for n in nodes}
        assert {f"node-{name}" for name in registry.REGISTRY} <= ids
        assert all(n.is_displayed() for n in nodes)
    browser.find_element("css selector", "#node-sigmoid-is-inverse-logit a").click()
    assert browser.current_url == f"{server}/ko/sigmoid-is-inverse-logit.html"
