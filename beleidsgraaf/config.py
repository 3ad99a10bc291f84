"""Settings: working defaults, one optional TOML file, environment variables, options.

Precedence, lowest first: built-in defaults; the config file (``--config PATH``, else
``$BELEIDSGRAAF_CONFIG``, else ``./beleidsgraaf.toml`` when it exists); environment variables
``BELEIDSGRAAF_<FIELD>`` (e.g. ``BELEIDSGRAAF_STORE``); explicit command-line options.

Example ``beleidsgraaf.toml``::

    store = "data/store"        # embedded Oxigraph store folder
    out = "out"                 # where run/map/fragmentation write their files
    model = "nl_core_news_lg"   # the spaCy pipeline that parses (default: the shipped one)
    endpoint = "http://127.0.0.1:7878"
    endpoint_user = "analyst"
    curator = "curation.yaml"   # merges, renames, retypes and rejections applied on every build
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from beleidsgraaf.errors import ConfigError

__all__ = ["Settings", "load_settings"]

ENV_PREFIX = "BELEIDSGRAAF_"
DEFAULT_CONFIG_FILE = "beleidsgraaf.toml"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with; every field has a working default."""

    store: Path = Path(".beleidsgraaf/store")
    out: Path = Path("out")
    model: str | None = None
    endpoint: str | None = None
    endpoint_user: str | None = None
    endpoint_password: str | None = None
    endpoint_timeout: float = 30.0
    update_token: str | None = None
    """The bearer token ``serve --allow-updates`` accepts (``$BELEIDSGRAAF_UPDATE_TOKEN``;
    16+ characters); without ``--allow-updates`` it is never used."""
    curator: Path | None = None
    query_timeout: float = 30.0
    workers: int = 1
    min_confidence: float = 0.5
    """Relations the extractor believes less than this are not stored (0-1; structural and
    curated relations, which carry no confidence, always are)."""

    def with_overrides(self, **values: Any) -> Settings:
        """Return a copy with the non-``None`` values applied (command-line options)."""
        given = {k: v for k, v in values.items() if v is not None}
        return replace(self, **_coerce(given, source="option"))


_TYPES: dict[str, type] = {
    "store": Path,
    "out": Path,
    "curator": Path,
    "endpoint_timeout": float,
    "query_timeout": float,
    "workers": int,
    "min_confidence": float,
}


def _coerce(values: dict[str, Any], source: str) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})"
            )
        kind = _TYPES.get(key, str)
        try:
            out[key] = kind(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{source}: setting {key!r} must be {kind.__name__}: {exc}") from exc
    return out


def load_settings(
    config_file: Path | None = None, environ: dict[str, str] | None = None
) -> Settings:
    """Build the settings from defaults, the config file and the environment.

    Examples
    --------
    >>> load_settings(environ={"BELEIDSGRAAF_STORE": "/tmp/s"}).store
    PosixPath('/tmp/s')
    """
    env = dict(os.environ if environ is None else environ)
    settings = Settings()
    path = config_file or (
        Path(env["BELEIDSGRAAF_CONFIG"]) if "BELEIDSGRAAF_CONFIG" in env else None
    )
    if path is None and Path(DEFAULT_CONFIG_FILE).is_file():
        path = Path(DEFAULT_CONFIG_FILE)
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: config file not found") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        settings = replace(settings, **_coerce(data, source=str(path)))
    from_env = {
        k[len(ENV_PREFIX) :].lower(): v
        for k, v in env.items()
        if k.startswith(ENV_PREFIX) and k != "BELEIDSGRAAF_CONFIG"
    }
    return replace(settings, **_coerce(from_env, source="environment"))
