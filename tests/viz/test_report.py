"""The HTML versnippering report: self-contained, every metric plotted and explained in Dutch and
English, the caveat shown; checked as text and in a real headless Chromium."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from beleidsgraaf.errors import ConfigError
from beleidsgraaf.graph.store import Store
from beleidsgraaf.graph.versnippering import definitions, fragmentation_report
from beleidsgraaf.queries.sample import sample_extractions, sample_vocabulary
from beleidsgraaf.viz.report import PLOTTED, render_report, write_report


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
            assert defs[metric][lang][:25].replace("&", "&amp;") in body


def test_table_caveat_and_groups(html: str, result: dict[str, Any]) -> None:
    assert result["scope"]["caveat"]["nl"][:40] in html
    assert result["scope"]["caveat"]["en"][:40] in html
    for key, group in result["groups"].items():
        assert f'id="group-{key}"' in html
        assert group["label"] in html
    # a hostile-looking label from the sample is escaped, not injected
    assert 'Bedrijf "Quote}' not in html
    assert "Bedrijf &#34;Quote} ; DROP ALL&#34;" in html  # a key player of the whole graph


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
