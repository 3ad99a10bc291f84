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

import errno
import os
import stat
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from beleidsgraaf.errors import ConfigError

__all__ = ["Settings", "load_settings", "read_text_file", "regular_file"]

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
        return replace(self, **_coerce(given, source="command line"))


MAX_SECONDS = 86_400.0
"""Longest time limit a setting may give (a day): longer ones overflow the clocks that wait."""
MAX_WORKERS = 64


def _text(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    if "\x00" in value:
        raise ValueError("contains a NUL character")
    return value


def _path(value: Any) -> Path:
    if isinstance(value, Path):
        value = str(value)
    text = _text(value)
    if not text.strip():
        raise ValueError("is empty (give a folder or file name)")
    return Path(text)


def _seconds(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number of seconds, got {type(value).__name__}")
    seconds = float(value)
    if not 0 < seconds <= MAX_SECONDS:  # also false for nan
        raise ValueError(f"{value!r} is not a number of seconds above 0, at most {MAX_SECONDS:g}")
    return seconds


def _workers(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    workers = int(value)
    if not 1 <= workers <= MAX_WORKERS:
        raise ValueError(f"{value!r} is not between 1 and {MAX_WORKERS}")
    return workers


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(f"expected a number from 0 to 1, got {type(value).__name__}")
    number = float(value)
    if not 0 <= number <= 1:  # also false for nan
        raise ValueError(f"{value!r} is not a number from 0 to 1")
    return number


def _optional_text(value: Any) -> str | None:
    """An optional setting; an empty one (``BELEIDSGRAAF_ENDPOINT=``) is not set."""
    return _text(value).strip() or None


_CHECKS: dict[str, Callable[[Any], Any]] = {
    "store": _path,
    "out": _path,
    "curator": _path,
    "endpoint_timeout": _seconds,
    "query_timeout": _seconds,
    "workers": _workers,
    "model": _optional_text,
    "endpoint": _optional_text,
    "endpoint_user": _optional_text,
    "endpoint_password": _text,
    "update_token": _optional_text,
    "min_confidence": _fraction,
}
"""How each setting's value is checked and converted, whatever its source."""


def _coerce(values: dict[str, Any], source: str) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})"
            )
        try:
            out[key] = _CHECKS[key](value)
        except (TypeError, ValueError, OverflowError) as exc:
            raise ConfigError(f"{source}: setting {key!r}: {exc}") from exc
    return out


def regular_file(path: Path) -> Path:
    """``path``, if it is a regular file (or a link to one).

    Files users name (a config, a curator file, a query, a sidecar) are read whole. A FIFO
    would block the read forever and a device (``/dev/zero``) never end, so anything but a
    regular file is refused; the caller turns the ``OSError`` into its own one-line error.

    Raises
    ------
    OSError
        Missing (``FileNotFoundError``), a folder (``IsADirectoryError``), or no regular file.
    """
    info = Path(path).stat()
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file (a FIFO, device or socket)", str(path))
    return Path(path)


def read_text_file(path: Path) -> str:
    """The UTF-8 text of a small file a user names; only regular files (:func:`regular_file`)."""
    return regular_file(path).read_text(encoding="utf-8")


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
            data = tomllib.loads(read_text_file(path))
        except FileNotFoundError as exc:
            raise ConfigError(f"{path}: config file not found") from exc
        except IsADirectoryError as exc:
            raise ConfigError(f"{path}: is a folder, not a config file") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the config file: {exc.strerror}") from exc
        except ValueError as exc:
            raise ConfigError(f"{path}: cannot read the config file: {exc}") from exc
        settings = replace(settings, **_coerce(data, source=str(path)))
    from_env = {
        k[len(ENV_PREFIX) :].lower(): v
        for k, v in env.items()
        if k.startswith(ENV_PREFIX) and k != "BELEIDSGRAAF_CONFIG"
    }
    return replace(settings, **_coerce(from_env, source="environment"))
