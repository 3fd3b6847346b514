"""The HTML view in a real headless Chromium: nodes render, search, filters and the
evidence panel work, hostile names stay text, and a screenshot is saved.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package;
skipped (with the reason) when any is missing. Set ``KGX_VIZ_SCREENSHOT=PATH``
(e.g. ``docs/img/viz.png``) to also write a screenshot of the corpus graph
there for the README (that one needs the spaCy model).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from kgextract.graph import to_networkx
from kgextract.viz.html import write_html

from .conftest import EVIL, EVIL_KEY, all_results

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--disable-dev-shm-usage", "--window-size=1400,860", "--hide-scrollbars"]
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not os.path.exists(DRIVER),
    reason="needs chromium and chromedriver (apt-get install chromium chromium-driver)")
webdriver = pytest.importorskip("selenium.webdriver", reason="needs the selenium package")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def open_page(browser, path: Path) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(path.resolve().as_uri())
    WebDriverWait(browser, 20).until(
        lambda d: d.execute_script("return document.body.dataset.ready") == "true")


def wait_for(browser, script: str, expected, timeout: float = 5):
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, timeout).until(lambda d: d.execute_script(script) == expected)


def severe_logs(browser) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


@pytest.fixture(scope="module")
def graph():
    return to_networkx(all_results())


@pytest.fixture
def page(browser, graph, tmp_path):
    path = write_html(graph, tmp_path / "graph.html", title="Test graph")
    open_page(browser, path)
    return path


def test_nodes_render_and_names_stay_text(browser, graph, page, tmp_path):
    from selenium.webdriver.common.by import By

    nodes = browser.find_elements(By.CSS_SELECTOR, "#graph .node")
    assert len(nodes) == graph.number_of_nodes()
    assert len(browser.find_elements(By.CSS_SELECTOR, "#graph path.edge")) == graph.number_of_edges()
    evil = browser.find_element(By.CSS_SELECTOR, f'#graph .node[data-id="{EVIL_KEY}"] title')
    assert browser.execute_script("return arguments[0].textContent", evil) == f"{EVIL} (Person)"
    assert browser.execute_script("return window.__pwned") is None
    assert browser.find_elements(By.CSS_SELECTOR, "img") == []
    boxes = browser.execute_script(
        "return Array.from(document.querySelectorAll('#graph .node circle'))"
        ".map(c => c.getBoundingClientRect()).filter(r => r.width > 0).length")
    assert boxes == graph.number_of_nodes()  # every node drawn with a size on screen
    assert severe_logs(browser) == []
    browser.save_screenshot(str(tmp_path / "viz.png"))
    assert (tmp_path / "viz.png").read_bytes().startswith(b"\x89PNG")


def test_search_highlights_and_lists_matches(browser, page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = browser.find_element(By.ID, "search")
    box.send_keys("nakam")
    wait_for(browser, "return document.querySelectorAll('#graph .node.match').length", 1)
    match = browser.find_element(By.CSS_SELECTOR, "#graph .node.match")
    assert match.get_attribute("data-id") == "person/izumi-nakamitsu"
    assert browser.find_element(By.CSS_SELECTOR, "#results button").text == "Izumi Nakamitsu"
    assert "1 match" in browser.find_element(By.ID, "status").text
    box.send_keys(Keys.ENTER)  # Enter opens the first match
    wait_for(browser, "return document.querySelector('#details h2')?.textContent", "Izumi Nakamitsu")
    box.clear()
    box.send_keys("zzz-nobody")
    wait_for(browser, "return document.querySelectorAll('#graph .node.match').length", 0)
    assert "No node matches" in browser.find_element(By.ID, "results").text
    box.clear()
    box.send_keys("MS. LEE")  # aliases, any case
    wait_for(browser, "return document.querySelector('#graph .node.match')?.dataset.id", "person/ann-lee")


def test_type_filter_hides_nodes(browser, graph, page):
    from selenium.webdriver.common.by import By

    dates = sum(1 for _, t in graph.nodes(data="type") if t == "Date")
    browser.find_element(By.CSS_SELECTOR, '#filters label[data-type="Date"] input').click()
    wait_for(browser, "return document.querySelectorAll('#graph .node.hidden').length", dates)
    hidden = browser.find_elements(By.CSS_SELECTOR, "#graph .node.hidden")
    assert {n.get_attribute("data-type") for n in hidden} == {"Date"}
    assert f"{graph.number_of_nodes() - dates} nodes" in browser.find_element(By.ID, "status").text


def test_click_a_node_shows_relations_and_evidence(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    circle = browser.find_element(By.CSS_SELECTOR, '#graph .node[data-id="person/ann-lee"] circle')
    ActionChains(browser).move_to_element(circle).click().perform()
    wait_for(browser, "return document.querySelector('#details h2')?.textContent", "Ann Lee")
    details = browser.find_element(By.ID, "details").text
    assert "Relations (2)" in details
    assert 'Beta "Co" <b>&amp;</b>' in details  # shown as text, not markup
    quotes = browser.find_elements(By.CSS_SELECTOR, "#details blockquote.evidence")
    assert len(quotes) == 3 and quotes[0].text.startswith("Ann Lee, CEO of Acme")
    assert browser.find_elements(By.CSS_SELECTOR, "#graph .node.near") != []
    # a name in the panel opens that node
    browser.find_element(By.CSS_SELECTOR, '#details button[data-id="role/ceo"]').click()
    wait_for(browser, "return document.querySelector('#details h2')?.textContent", "CEO")


@pytest.mark.skipif(not os.environ.get("KGX_VIZ_SCREENSHOT"),
                    reason="set KGX_VIZ_SCREENSHOT=docs/img/viz.png to refresh the README screenshot")
@pytest.mark.model
def test_readme_screenshot(browser, tmp_path):
    import kgextract

    G = kgextract.extract(ROOT / "corpus").to_networkx()
    open_page(browser, write_html(G, tmp_path / "corpus.html", title="kgextract: corpus/"))
    browser.execute_script("kgxViz.select('person/izumi-nakamitsu')")
    target = Path(os.environ["KGX_VIZ_SCREENSHOT"])
    target = target if target.is_absolute() else ROOT / target
    target.parent.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(target))
    assert target.read_bytes().startswith(b"\x89PNG")


def test_event_kind_filter_hides_events_of_that_kind(browser, tmp_path):
    from selenium.webdriver.common.by import By

    from .conftest import typed_results

    G = to_networkx(typed_results())
    open_page(browser, write_html(G, tmp_path / "typed.html"))
    browser.find_element(By.CSS_SELECTOR, '#event-filters label[data-kind="Meeting"] input').click()
    wait_for(browser, "return Array.from(document.querySelectorAll('#graph .node.hidden'))"
                      ".map(n => n.dataset.id).join()", "event/talks")
