"""The HTML versnippering report: self-contained, a summary to cite at the top, a compact
overview with the full table as CSV, every figure charted across the groups (every group present,
the whole network as a reference line) and explained in Dutch and English, the caveat shown;
checked as text, on the main job's own report of the demo corpus, and in a real headless
Chromium."""

from __future__ import annotations

import base64
import json
import re
from html import escape
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import markupsafe
import pytest

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.versnippering import FAMILY, definitions, fragmentation_report, to_csv
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary
from beleidsgraaf.viz.report import PLOTTED, TABLE, render_report, write_report


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    store = Store()
    for extraction in sample_extractions():
        store.write_extraction(extraction)
    store.load_vocabulary(sample_vocabulary())
    return fragmentation_report(store, by="document")


@pytest.fixture(scope="module")
def html(result: dict[str, Any]) -> str:
    return render_report(result)


def test_self_contained(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script" not in html
    assert "@import" not in html


def test_every_metric_has_a_plot_and_both_explanations(html: str) -> None:
    defs = definitions()
    for metric in PLOTTED:
        section = re.search(
            rf'<section class="metric" id="metric-{metric}">(.*?)</section>', html, re.S
        )
        assert section, metric
        body = section.group(1)
        encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', body)
        assert encoded, metric
        svg = ElementTree.fromstring(base64.b64decode(encoded.group(1)))
        assert svg.tag.endswith("svg")
        # the explanation is escaped HTML of the YAML text
        for lang in ("nl", "en"):
            assert f'lang="{lang}"' in body
            assert str(markupsafe.escape(defs[metric][lang][:25])) in body


def test_table_caveat_and_groups(html: str, result: dict[str, Any]) -> None:
    assert result["scope"]["caveat"]["nl"][:40] in html
    assert result["scope"]["caveat"]["en"][:40] in html
    for key, group in result["groups"].items():
        assert f'id="group-{key}"' in html
        assert group["label"] in html


def test_labels_are_escaped(result: dict[str, Any]) -> None:
    hostile = json.loads(json.dumps(result))
    hostile["groups"]["all"]["label"] = 'Bedrijf "Quote} ; DROP ALL" <script>alert(1)</script>'
    html = render_report(hostile)
    assert "<script>alert(1)" not in html
    assert "Bedrijf &#34;Quote} ; DROP ALL&#34; &lt;script&gt;" in html


def test_too_few_is_written_not_a_number(html: str, result: dict[str, Any]) -> None:
    # the sample's five actors are below the minimum: the overview says so in words
    assert result["groups"]["all"]["status"]["network"] == "too_few"
    row = re.search(r'<tr id="group-all".*?</tr>', html, re.S)
    assert row and "te weinig / too few" in row.group(0)


def test_write_report_writes_json_and_html(tmp_path: Path, result: dict[str, Any]) -> None:
    written = write_report(result, tmp_path / "out")
    assert [p.name for p in written] == ["versnippering.json", "versnippering.html"]
    assert json.loads(written[0].read_text(encoding="utf-8")) == result
    assert written[1].read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_not_a_result_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="not a versnippering result"):
        render_report({"groups": {}})


@pytest.mark.browser
def test_report_renders_offline_in_chromium(browser: Any, tmp_path: Path, html: str) -> None:
    path = tmp_path / "versnippering.html"
    path.write_text(html, encoding="utf-8")
    url = path.resolve().as_uri()
    foreign: list[str] = []
    errors: list[str] = []
    page = browser.new_page()
    try:

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                foreign.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_load_state("load")
        images = page.eval_on_selector_all(
            "section.metric img", "els => els.map(e => [e.complete, e.naturalWidth])"
        )
        assert len(images) == len(PLOTTED)
        assert all(done and width > 0 for done, width in images)
        assert page.locator("#caveat").is_visible()
        rows = page.locator("#table tbody tr, table tbody tr[id^=group-]").count()
        assert rows >= 4
    finally:
        page.close()
    assert foreign == []
    assert errors == []


def test_report_is_reproducible(result: dict[str, Any], html: str) -> None:
    assert render_report(result) == html


# -- the main job's own report of the demo corpus ------------------------------------------


@pytest.fixture(scope="module")
def demo_report(demo_run: Any) -> tuple[dict[str, Any], str]:
    out = demo_run[1].out
    result = json.loads((out / "versnippering.json").read_text(encoding="utf-8"))
    return result, (out / "versnippering.html").read_text(encoding="utf-8")


def _chart_texts(html: str, metric: str) -> list[str]:
    section = re.search(
        rf'<section class="metric" id="metric-{metric}">(.*?)</section>', html, re.S
    )
    assert section, metric
    encoded = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', section.group(1))
    assert encoded, metric
    svg = ElementTree.fromstring(base64.b64decode(encoded.group(1)))
    return ["".join(e.itertext()) for e in svg.iter() if e.tag.endswith("text")]


@pytest.mark.slow
def test_demo_report_opens_with_the_summary_in_both_languages(
    demo_report: tuple[dict[str, Any], str],
) -> None:
    result, html = demo_report
    assert html.index('id="summary-nl"') < html.index('id="table"')
    for lang in ("nl", "en"):
        sentences = result["summary"][lang]
        assert len(sentences) >= 8
        for sentence in sentences:
            assert escape(sentence, quote=False) in html
    english = " ".join(result["summary"]["en"])
    assert "95% interval" in english and "Kendall" in english
    assert "Landsdeel Oost" in english


@pytest.mark.slow
def test_demo_report_charts_show_every_group_and_not_the_whole_network(
    demo_report: tuple[dict[str, Any], str],
) -> None:
    result, html = demo_report
    groups = {k: g for k, g in result["groups"].items() if k != "all"}
    assert len(groups) == 6  # five landsdelen and the national level
    for metric in PLOTTED:
        texts = _chart_texts(html, metric)
        labels = [t for t in texts if any(t == g["label"][:40] for g in groups.values())]
        assert len(labels) == len(groups), metric  # every group has its row
        assert not any(t.startswith("Heel netwerk") for t in texts), metric  # no 'all' bar
        too_few = [
            g
            for g in groups.values()
            if g.get(metric) is None and (g["status"].get(FAMILY.get(metric, ""), "") == "too_few")
        ]
        assert texts.count("te weinig / too few") == len(too_few), metric
        if result["groups"]["all"].get(metric) is not None:
            assert any("whole network" in t for t in texts), metric


@pytest.mark.slow
def test_demo_report_overview_is_compact_and_the_csv_is_the_full_table(
    demo_report: tuple[dict[str, Any], str],
) -> None:
    result, html = demo_report
    table = re.search(r'<table id="overview">.*?</table>', html, re.S)
    assert table
    header = re.findall(r"<th[ >]", table.group(0).split("</thead>")[0])
    assert len(header) == len(TABLE) + 1 <= 10
    rows = re.findall(r'<tr id="group-([^"]+)"', table.group(0))
    assert rows[-1] == "all" and set(rows) == set(result["groups"])
    encoded = re.search(r'href="data:text/csv;charset=utf-8;base64,([^"]+)"', html)
    assert encoded
    assert base64.b64decode(encoded.group(1)).decode("utf-8") == to_csv(result)
    assert len(to_csv(result).splitlines()[0].split(",")) > 3 * len(TABLE)
