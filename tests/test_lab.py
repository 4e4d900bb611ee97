"""In JupyterLab, driven by a real browser, the city notebook runs and reads like the report.

JupyterLab starts from the project's venv on a free port of 127.0.0.1, on a copy
of the notebook with profiles extracted from the seeds, all in the test's tmp
folder; headless Chromium (Debian's chromium and chromium-driver, installed by
``tools/install-system-deps test``) opens it, runs every cell from the Run menu,
and checks what the page shows. The screenshots are left in the tmp folder.
"""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS, make_variable
from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from cityprofile.pipeline.build import Options, extract_stage
from cityprofile.report.charts import PALETTE

NOTEBOOK = "city_profile.ipynb"
RUN_SECONDS = 240  # a shared two-core machine may run the whole suite beside this test
# The machine's network is closed, and a browser run as root needs --no-sandbox.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1400,1000")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_server(url: str, log: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"JupyterLab exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"JupyterLab did not answer at {url}:\n{log.read_text()[-3000:]}")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A JupyterLab server on a copy of the notebooks; yields its base URL with token, and its folder."""
    root = tmp_path_factory.mktemp("clone")
    extract_stage(SEEDS, root / "profiles", Options(report=lambda _: None, warn=lambda _: None))
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    # Everything Jupyter writes (settings, workspaces, runtime files) stays in the tmp folder.
    jupyter_dirs = {name: str(root / "jupyter" / name.lower()) for name in
                    ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR")}
    env = {**os.environ, "CITYPROFILE_ROOT": str(root), **jupyter_dirs}
    # No pop-up asking whether to fetch Jupyter news over the page being checked and shot.
    notification = Path(jupyter_dirs["JUPYTERLAB_SETTINGS_DIR"], "@jupyterlab", "apputils-extension")
    notification.mkdir(parents=True)
    (notification / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    port, token = _free_port(), secrets.token_hex(16)
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={token}", make_variable("LAB_HOOK"),
               str(root / "notebooks")]
    if os.geteuid() == 0:
        command.insert(2, "--allow-root")
    log = root / "lab.log"
    with log.open("w") as log_file:
        process = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, env=env)
    try:
        _wait_for_server(f"http://127.0.0.1:{port}/api/status?token={token}", log, process)
        yield f"http://127.0.0.1:{port}", token, root
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless Chromium with a fresh profile, driven through Debian's chromedriver."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        pytest.fail("Chromium and its driver are missing: run `tools/install-system-deps test` (as root) "
                    "or `apt-get install chromium chromium-driver`")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"):
        options.add_argument(flag)
    session = webdriver.Chrome(service=Service(driver), options=options)
    yield session
    session.quit()


def _click_menu(browser, menu: str, item: str) -> None:
    bar = WebDriverWait(browser, 60).until(lambda b: [m for m in b.find_elements(By.CSS_SELECTOR, ".lm-MenuBar-item")
                                                      if m.text == menu])
    bar[0].click()
    entry = WebDriverWait(browser, 10).until(lambda b: [i for i in b.find_elements(By.CSS_SELECTOR, ".lm-Menu-itemLabel")
                                                        if i.text == item])
    entry[0].click()


def _prompts(browser) -> list[str]:
    return [p.text.strip() for p in browser.find_elements(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputPrompt")]


def _all_ran(browser) -> bool:
    prompts = _prompts(browser)
    return bool(prompts) and all(p[1:-2].isdigit() for p in prompts)  # "[7]:", not "[*]:" or "[ ]:"


@pytest.fixture(scope="module")
def page(lab, browser):
    """The city notebook in JupyterLab after Run All."""
    url, token, root = lab
    browser.get(f"{url}/lab/tree/{NOTEBOOK}?token={token}")
    WebDriverWait(browser, 90).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-CodeCell"))
    WebDriverWait(browser, 90).until(  # a kernel to run the cells in
        lambda b: "Idle" in b.find_element(By.ID, "jp-main-statusbar").text)
    _click_menu(browser, "Run", "Run All Cells")
    try:
        WebDriverWait(browser, RUN_SECONDS).until(_all_ran)
    except TimeoutException:
        browser.save_screenshot(str(root / "timeout.png"))
        pytest.fail(f"the cells did not all run within {RUN_SECONDS} s: prompts {_prompts(browser)}; "
                    f"screenshot {root / 'timeout.png'}")
    browser.save_screenshot(str(root / "after-run-all.png"))
    return browser


def test_every_cell_runs_without_an_error(page):
    errors = page.find_elements(By.CSS_SELECTOR, '[data-mime-type="application/vnd.jupyter.error"], '
                                                 '[data-mime-type="application/vnd.jupyter.stderr"]')
    assert not errors, [e.text[:500] for e in errors]
    assert page.find_element(By.CSS_SELECTOR, "div.cityprofile h1").text == "Xining"


def test_the_cards_are_styled_side_by_side(page):
    cards = page.find_elements(By.CSS_SELECTOR, "div.cityprofile .cards .card")
    assert len(cards) >= 4
    style = page.execute_script("const s = getComputedStyle(arguments[0]);"
                                "return [s.borderTopWidth, s.borderTopColor, s.borderLeftStyle];", cards[0])
    red, green, blue = (int(PALETTE[0][i:i + 2], 16) for i in (1, 3, 5))  # the first city's colour
    assert style == ["4px", f"rgb({red}, {green}, {blue})", "solid"]
    tops = [card.rect["y"] for card in cards[:2]]
    assert tops[0] == tops[1], "the first two cards should sit side by side, not stacked"


def test_table_text_is_left_aligned_and_numbers_right(page):
    align = "return getComputedStyle(arguments[0]).textAlign;"
    number = page.find_element(By.CSS_SELECTOR, "div.cityprofile td.num")
    text = page.find_element(By.CSS_SELECTOR, "div.cityprofile td:not(.num)")
    assert page.execute_script(align, number) == "right"
    assert page.execute_script(align, text) == "left"


def test_the_contents_links_every_section_heading_and_a_link_scrolls_to_it(page):
    links = page.find_elements(By.CSS_SELECTOR, ".jp-MarkdownCell li a[href^='#']")
    anchors = [link.get_attribute("href").split("#", 1)[1] for link in links]
    assert anchors[:2] == ["At-a-glance", "Industries"] and "Sources" in anchors
    # JupyterLab names a heading by data-jupyter-id rather than id, so that two notebooks never share one.
    headings = {anchor: page.find_elements(By.CSS_SELECTOR, f'h2[data-jupyter-id="{anchor}"]') for anchor in anchors}
    assert all(headings.values()), headings
    panel = page.find_element(By.CSS_SELECTOR, ".jp-NotebookPanel .jp-WindowedPanel-outer")
    links[anchors.index("Timeline")].click()
    WebDriverWait(page, 10).until(  # the linked heading scrolls to the top of the notebook
        lambda _: abs(headings["Timeline"][0].rect["y"] - panel.rect["y"]) < 100)


def test_the_locator_map_sits_beside_the_title(page, lab):
    title = page.find_element(By.CSS_SELECTOR, "div.cityprofile .masthead h1")
    locator = page.find_element(By.CSS_SELECTOR, "div.cityprofile .masthead figure.locator svg")
    page.execute_script("arguments[0].scrollIntoView();", title)
    page.save_screenshot(str(lab[2] / "masthead.png"))
    assert locator.get_attribute("aria-label").startswith("Map of China")
    assert 150 < locator.size["width"] < 300 and locator.location["x"] > title.location["x"] + title.size["width"]


def test_a_chart_is_drawn(page, lab):
    charts = page.find_elements(By.CSS_SELECTOR, "div.cityprofile figure:not(.locator) svg")
    assert charts
    page.execute_script("arguments[0].scrollIntoView();", charts[0])
    assert charts[0].size["width"] > 300 and charts[0].size["height"] > 100
    assert charts[0].find_elements(By.CSS_SELECTOR, "path")
    page.save_screenshot(str(lab[2] / "chart.png"))


def test_saving_after_run_all_leaves_the_notebook_as_committed(page, lab):
    saved = lab[2] / "notebooks" / NOTEBOOK
    before = saved.stat().st_mtime_ns
    _click_menu(page, "File", "Save Notebook")
    WebDriverWait(page, 30).until(lambda _: saved.stat().st_mtime_ns != before)
    assert saved.read_bytes() == (ROOT / "notebooks" / NOTEBOOK).read_bytes()
