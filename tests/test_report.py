"""The HTML report: escaped, self-contained, written by the CLI, working in headless Chromium."""

from __future__ import annotations

import html
import os
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
from test_notebooks import run_sample

from pipeline.run.store import read_csv
from pipeline.views.report import build_report, html_table

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--window-size=1280,1800")


@pytest.fixture(scope="session")
def sample_processed(tmp_path_factory) -> Path:
    return run_sample(tmp_path_factory) / "processed"


@pytest.fixture(scope="session")
def report_path(sample_processed: Path, tmp_path_factory) -> Path:
    from click.testing import CliRunner

    from pipeline.cli import cli

    out = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(cli, ["report", "--processed", str(sample_processed),
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "report of" in result.stdout
    return out


def _tables(**overrides) -> dict[str, pd.DataFrame]:
    """Tiny tables in the contract's shape: one person, one sponsor, one document."""
    appearance = dict(appearance_id="a1", doc_id="d1", source_path="x/2021/p.pdf", page=1,
                      role="chair", person_name="Ann Lee", person_id="p1", org_name="Acme",
                      org_id="o1", title="", session="Careers", award="", sponsor_tier="",
                      booth="", association="acm", event="", year=2021, method="rule",
                      snippet="")
    tables = {
        "documents": pd.DataFrame([dict(doc_id="d1", source_path="x/2021/p.pdf",
                                        kind="program_pdf", association="acm", year=2021,
                                        pages=2, status="ok", message="", appearances=2)]),
        "appearances": pd.DataFrame([appearance, {**appearance, "appearance_id": "a2",
                                                  "role": "sponsor", "person_name": "",
                                                  "person_id": "", "sponsor_tier": "Gold"}]),
        "people": pd.DataFrame([dict(person_id="p1", name="Ann Lee", variants="Ann Lee",
                                     organization="Acme", title="", n_appearances=1, n_events=1,
                                     n_associations=1, first_year=2021, last_year=2021,
                                     roles="chair")]),
        "organizations": pd.DataFrame([dict(org_id="o1", name="Acme", variants="Acme",
                                            kind="company", n_appearances=2, n_events=1,
                                            roles="chair; sponsor")]),
        "shortlist": pd.DataFrame([dict(rank=1, person_id="p1", name="Ann Lee",
                                        organization="Acme", title="", mentor_type="recognized",
                                        score=0.5, n_events=1, n_associations=1, years="2021",
                                        roles="chair", why="Chair at ACM 2021.",
                                        evidence="x/2021/p.pdf p.1", score_roles=0.7)]),
    }
    for name, changes in overrides.items():
        for column, value in changes.items():
            tables[name][column] = value
    return tables


def test_report_escapes_text_from_documents():
    hostile = '<script>alert("x")</script> & $5M Club'
    tables = _tables(shortlist={"name": hostile, "why": "<img src=x onerror=alert(1)>"},
                     people={"name": hostile}, appearances={"person_name": hostile},
                     organizations={"name": "<b>Acme</b>"})

    page = build_report(tables)

    assert "<script>alert" not in page and "<img src=x" not in page and "<b>Acme" not in page
    assert html.escape(hostile) in page
    assert page.count("<script>") == 1  # only our own sorting script


def test_report_is_self_contained():
    page = build_report(_tables())

    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    assert "default-src 'none'" in page
    assert page.count('<img src="data:image/svg+xml;base64,') == 2  # a timeline, the network


def test_report_html_table_numbers_sort_by_value():
    table = pd.DataFrame(dict(name=["a", "b"], score=[0.5, 0.25], n_events=[10, 9]))

    out = html_table(table, ["name", "score", "n_events"], table_id="t")

    assert '<th scope="col" data-type="num">score</th>' in out
    assert '<td class="num" data-v="0.25">0.250</td>' in out
    assert '<td class="num" data-v="10.0">10</td>' in out


def test_report_cli_writes_one_file(report_path: Path, sample_processed: Path):
    page = report_path.read_text(encoding="utf-8")
    shortlist = read_csv(sample_processed / "shortlist.csv")

    assert page.startswith("<!DOCTYPE html>")
    assert page.count("<tr>") >= len(shortlist)
    assert [p.name for p in report_path.parent.iterdir()] == ["report.html"]  # no temp files


def test_report_cli_missing_folder_is_an_error(tmp_path: Path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    result = CliRunner().invoke(cli, ["report", "--processed", str(tmp_path), "--out",
                                      str(tmp_path / "r.html")])

    assert result.exit_code == 1
    assert "not found" in result.output
    assert not (tmp_path / "r.html").exists()


def test_report_cli_on_a_run_that_found_nobody(tmp_path: Path):
    from click.testing import CliRunner

    from pipeline.cli import cli

    (tmp_path / "raw").mkdir()
    run = CliRunner().invoke(cli, ["run", str(tmp_path / "raw"), "--out", str(tmp_path / "out"),
                                   "--silent", "--no-cache"])
    result = CliRunner().invoke(cli, ["report", "--processed", str(tmp_path / "out"), "--out",
                                      str(tmp_path / "r.html")])

    assert run.exit_code == 0 and result.exit_code == 0, result.output
    assert f"report of 0 candidates written to {tmp_path / 'r.html'}" in result.output
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through the Debian chromedriver; never downloads a driver."""
    if not (CHROMIUM and CHROMEDRIVER.exists()):
        message = "chromium and chromium-driver are not installed (`make sys-deps`)"
        if os.environ.get("CI"):
            pytest.fail(message + " - required in CI")
        pytest.skip(message)
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    yield driver
    driver.quit()


def _column(driver, table_id: str, index: int) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
        ".map(r => r.cells[arguments[1]].textContent)", table_id, index)


def test_report_in_headless_chromium(browser, report_path: Path, sample_processed: Path,
                                     tmp_path: Path):
    from selenium.webdriver.common.by import By

    # Errors thrown while the page loads are caught by a listener added before any script
    # runs (Chrome DevTools Protocol), and console errors come from the browser log.
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__errors = [];"
        "window.addEventListener('error', e => window.__errors.push(String(e.message)));")})
    browser.get(report_path.as_uri())

    errors = browser.execute_script("return window.__errors")
    console = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == [] and console == [], (errors, console)

    shortlist = read_csv(sample_processed / "shortlist.csv")
    rows = browser.find_elements(By.CSS_SELECTOR, "#shortlist tbody tr")
    assert len(rows) == min(len(shortlist), 1000)

    heads = browser.find_elements(By.CSS_SELECTOR, "#shortlist thead th")
    names = [h.text.strip() for h in heads]
    name_col, score_col = names.index("name"), names.index("score")
    heads[name_col].click()
    by_name = _column(browser, "shortlist", name_col)
    assert by_name == sorted(by_name, key=str.lower) and by_name != list(shortlist["name"])
    assert heads[name_col].get_attribute("aria-sort") == "ascending"
    heads[score_col].click()
    scores = [float(s) for s in _column(browser, "shortlist", score_col)]
    assert scores == sorted(scores)
    heads[score_col].click()
    scores = [float(s) for s in _column(browser, "shortlist", score_col)]
    assert scores == sorted(scores, reverse=True)

    images = browser.execute_script(
        "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)")
    assert images and all(images)

    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    _assert_not_blank(shot)


def _assert_not_blank(png: Path) -> None:
    """A screenshot that is one colour (a blank or crashed page) has no pixel variance."""
    import matplotlib.image

    pixels = matplotlib.image.imread(png)
    assert pixels.shape[0] > 100 and pixels.shape[1] > 100
    assert float(pixels[..., :3].std()) > 0.05, "screenshot is blank"
