"""Assemble the self-contained page: template, inlined assets, data island and CSP.

Three rules keep the page offline and safe whatever the documents contain:

* every asset (vis-network, the page script, the styles) is inlined; no font, script, style or
  image is fetched, and a Content-Security-Policy (``default-src 'none'``) makes the browser
  refuse any fetch that might slip in anyway;
* document text enters the page only as JSON in ``<script type="application/json">`` with ``<``,
  ``>``, ``&`` and U+2028/9 escaped, so it can never close the script element or start markup,
  and the page script puts it on screen with ``textContent`` only;
* the CSP allows exactly the page's two scripts (by SHA-256 hash), so even a successful markup
  injection could not run an inline event handler or a new script.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from importlib.resources import files
from typing import Any

from jinja2 import Environment, StrictUndefined

__all__ = ["data_island", "render_page"]

_SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def data_island(payload: Any) -> str:
    """JSON text that is safe between ``<script type="application/json">`` tags.

    Examples
    --------
    >>> data_island({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _asset(folder: str, name: str) -> str:
    return (files("beleidsgraaf.viz") / folder / name).read_text(encoding="utf-8")


def _script(name: str) -> str:
    """A vendored or own script, ready to inline: no source-map pointer, no ``</script``."""
    text = _SOURCE_MAP.sub("", _asset("static", name))
    if "</script" in text.lower():
        raise ValueError(f"viz/static/{name}: contains '</script' and cannot be inlined")
    return text


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def render_page(payload: dict[str, Any], *, title: str) -> str:
    """Render ``viz/templates/map.html`` around ``payload`` with every asset inlined."""
    env = Environment(autoescape=True, undefined=StrictUndefined, keep_trailing_newline=True)
    template = env.from_string(_asset("templates", "map.html"))
    vis_js = _script("vis-network.min.js")
    map_js = _script("map.js")
    csp = "; ".join(
        [
            "default-src 'none'",
            f"script-src {_csp_hash(vis_js)} {_csp_hash(map_js)}",
            "style-src 'unsafe-inline'",
            "img-src data:",
            "font-src 'none'",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )
    return template.render(
        title=title,
        csp=csp,
        css=_asset("static", "map.css"),
        vis_js=vis_js,
        map_js=map_js,
        data=data_island(payload),
    )
