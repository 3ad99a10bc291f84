"""Rebuild the registry snapshots in this folder from local copies of their sources.

Nothing is downloaded: get the sources first (see ``README.md``), then::

    python -m beleidsgraaf.ontology.registries.refresh PATH [PATH ...] [--out DIR]

Each PATH is recognised by its shape:

- a ROR data dump as ROR publishes it (``v2.9-2026-06-23-ror-data.zip`` or the ``.json``
  inside it): every record is read;
- a checkout of ``ror-community/ror-records`` (a folder with release folders ``v1.0`` ...
  ``v2.9``, one JSON file per new or changed record): the newest version of each record wins;
- a checkout of the Polder dataset (``anneschuth/polder``, a folder with
  ``data/organisaties/``): the government organisations of the kinds in :data:`GOVERNMENT_KINDS`.

ROR records are kept when their country is the Netherlands and they are not withdrawn; only the
fields the linker and the analysts use are kept (names with their kind and language, types,
city, relationships, external ids). The output is sorted and written one record per line, so a
refresh shows up as a readable diff.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "GOVERNMENT_KINDS",
    "government_snapshot",
    "main",
    "ror_record",
    "ror_snapshot",
    "write_snapshot",
]

HERE = Path(__file__).resolve().parent
ROR_FILE = "ror-nl.json"
GOVERNMENT_FILE = "overheid-nl.json"

GOVERNMENT_KINDS: dict[str, str] = {
    "ministeries": "ministerie",
    "provincies": "provincie",
    "gemeenten": "gemeente",
    "zbo": "zbo",
    "agentschappen": "agentschap",
    "inspecties": "inspectie",
    "adviescolleges": "adviescollege",
}
"""Polder folder -> the register's kind of organisation, for the kinds this tool links."""

_RELEASE = re.compile(r"^v(\d+(?:\.\d+)*)$")
_DUMP_NAME = re.compile(r"(v\d+(?:\.\d+)*)-(\d{4}-\d{2}-\d{2})")
_EXTERNAL = {"wikidata": "wikidata", "isni": "isni", "grid": "grid", "fundref": "fundref"}


class SourceError(Exception):
    """A path given to refresh is not a source this module knows."""


def _release_key(name: str) -> tuple[int, ...]:
    match = _RELEASE.match(name)
    return tuple(int(p) for p in match.group(1).split(".")) if match else ()


def _ids(entries: dict[str, list[str]]) -> dict[str, list[str]]:
    return {k: v for k, v in sorted(entries.items()) if v}


def _v2_record(raw: dict[str, Any]) -> dict[str, Any]:
    countries = [loc["geonames_details"].get("country_code") for loc in raw.get("locations", [])]
    cities = [loc["geonames_details"].get("name") for loc in raw.get("locations", [])]
    ids: dict[str, list[str]] = {}
    for ext in raw.get("external_ids", []):
        key = _EXTERNAL.get(ext.get("type", "").lower())
        if key:
            preferred = ext.get("preferred")
            values = [v for v in ext.get("all", []) if v]
            ids[key] = ([preferred] if preferred else []) + [v for v in values if v != preferred]
    names = [
        {"value": n["value"], "types": sorted(n.get("types", [])), "lang": n.get("lang")}
        for n in raw.get("names", [])
    ]
    return {
        "countries": countries,
        "city": cities[0] if cities else None,
        "names": names,
        "types": sorted(t.lower() for t in raw.get("types", [])),
        "ids": ids,
        "modified": raw.get("admin", {}).get("last_modified", {}).get("date"),
    }


def _v1_record(raw: dict[str, Any]) -> dict[str, Any]:
    names = [{"value": raw["name"], "types": ["label", "ror_display"], "lang": None}]
    names += [{"value": a, "types": ["alias"], "lang": None} for a in raw.get("aliases", [])]
    names += [{"value": a, "types": ["acronym"], "lang": None} for a in raw.get("acronyms", [])]
    names += [
        {"value": lab["label"], "types": ["label"], "lang": lab.get("iso639")}
        for lab in raw.get("labels", [])
    ]
    ids: dict[str, list[str]] = {}
    for kind, ext in (raw.get("external_ids") or {}).items():
        key = _EXTERNAL.get(kind.lower())
        if key and ext:
            values = ext.get("all") or []
            values = [values] if isinstance(values, str) else values
            preferred = ext.get("preferred")
            ids[key] = ([preferred] if preferred else []) + [v for v in values if v != preferred]
    addresses = raw.get("addresses") or [{}]
    return {
        "countries": [(raw.get("country") or {}).get("country_code")],
        "city": addresses[0].get("city"),
        "names": names,
        "types": sorted(t.lower() for t in raw.get("types", [])),
        "ids": ids,
        "modified": None,
    }


def ror_record(raw: dict[str, Any], release: str | None = None) -> dict[str, Any] | None:
    """The snapshot form of one ROR record (schema 1 or 2), or None when it is not kept.

    Kept: records located in the Netherlands whose status is not 'withdrawn' (a withdrawn
    record is a duplicate that points to the record to use).
    """
    parsed = _v2_record(raw) if "names" in raw else _v1_record(raw)
    if "NL" not in parsed["countries"] or raw.get("status") == "withdrawn":
        return None
    seen: set[tuple[str, str]] = set()
    names = []
    for name in parsed["names"]:
        key = (name["value"], ",".join(name["types"]))
        if name["value"] and key not in seen:
            seen.add(key)
            names.append(name)
    return {
        "id": raw["id"].rsplit("/", 1)[-1],
        "status": raw.get("status", "active"),
        "types": parsed["types"],
        "names": sorted(names, key=lambda n: (n["value"], n["types"])),
        "city": parsed["city"],
        "relationships": sorted(
            (
                {"type": r["type"].lower(), "id": r["id"].rsplit("/", 1)[-1], "label": r["label"]}
                for r in raw.get("relationships", [])
            ),
            key=lambda r: (r["type"], r["id"]),
        ),
        "ids": _ids(parsed["ids"]),
        "release": release,
        "modified": parsed["modified"],
    }


def _dump_records(path: Path) -> Iterator[dict[str, Any]]:
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            members = [m for m in archive.namelist() if m.endswith(".json")]
            # A release zip holds schema 1 and schema 2 files; schema 2 carries languages.
            member = next((m for m in members if "v2" in m), members[0] if members else None)
            if member is None:
                raise SourceError(f"{path}: no JSON file in the zip")
            yield from json.loads(archive.read(member))
    else:
        yield from json.loads(path.read_text(encoding="utf-8"))


def _records_folder(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(release, raw record) for the newest version of every record in a ror-records checkout."""
    releases = sorted(
        (p for p in path.iterdir() if p.is_dir() and _release_key(p.name)),
        key=lambda p: _release_key(p.name),
    )
    newest: dict[str, tuple[str, Path]] = {}
    for release in releases:
        # Release folders hold the records of that release; 'v1/' beside them repeats them in
        # the old schema, so only the files directly in the folder are read.
        for file in release.glob("*.json"):
            newest[file.stem] = (release.name, file)
    for _, (release_name, file) in sorted(newest.items()):
        yield release_name, json.loads(file.read_text(encoding="utf-8"))


def ror_snapshot(path: Path) -> dict[str, Any]:
    """The Dutch part of ROR from a dump file or a ror-records checkout at ``path``."""
    records: list[dict[str, Any]] = []
    if path.is_dir():
        release = None
        for release_name, raw in _records_folder(path):
            kept = ror_record(raw, release_name)
            if kept:
                records.append(kept)
            release = max(release or release_name, release_name, key=_release_key)
        dates = [r["modified"] for r in records if r["modified"]]
        source = "ror-community/ror-records (per-record files of every release)"
        date = max(dates) if dates else None
    else:
        named = _DUMP_NAME.search(path.name)
        release, date = (named.group(1), named.group(2)) if named else (None, None)
        for raw in _dump_records(path):
            kept = ror_record(raw, release)
            if kept:
                records.append(kept)
        source = f"ROR data dump {path.name}"
    return {
        "registry": "ROR",
        "source": source,
        "licence": "CC0-1.0",
        "release": release,
        "date": date,
        "records": sorted(records, key=lambda r: r["id"]),
    }


def _government_record(kind: str, raw: dict[str, Any]) -> dict[str, Any] | None:
    ids = raw.get("identifiers") or {}
    tooi = ids.get("tooi") or ""
    # Only organisations with their own TOOI identifier; 'hv_' identifiers are historical
    # versions of another organisation, not organisations.
    if not tooi or "/hv_" in tooi:
        return None
    names: list[dict[str, Any]] = []
    for name in raw.get("names") or []:
        value = (name.get("value") or "").strip()
        if not value:
            continue
        if kind == "ministerie" and not value.lower().startswith("ministerie"):
            names.append({"value": f"Ministerie van {value}", "types": ["label"]})
            names.append({"value": value, "types": ["alias"]})
        else:
            names.append({"value": value, "types": ["label"]})
        abbr = (name.get("abbr") or "").strip()
        # A province's 'abbr' is a two-letter code and a municipality's is its bare place name:
        # neither is a name the organisation goes by in a text.
        if abbr and kind not in ("provincie", "gemeente") and abbr != value:
            names.append({"value": abbr, "types": ["acronym"]})
    unique = {(n["value"], n["types"][0]): n for n in names}
    return {
        "id": tooi,
        "kind": kind,
        "names": sorted(unique.values(), key=lambda n: (n["value"], n["types"])),
        "ids": {
            k: v
            for k, v in (
                ("owms", ids.get("owms")),
                ("wikidata", ids.get("wikidata")),
                ("roo", ids.get("roo_id")),
            )
            if v
        },
        # Neither an end date nor a successor is reliable alone in Polder (provinces that
        # exist carry an end date; a live ministry points to a historical version of another);
        # an organisation with both has ended.
        "ended": bool(raw.get("valid_until") and raw.get("successor_id")),
    }


def government_snapshot(path: Path) -> dict[str, Any]:
    """Ministries, provinces, municipalities and agencies from a Polder checkout at ``path``."""
    root = path / "data" / "organisaties"
    records: list[dict[str, Any]] = []
    dates: list[str] = []
    for folder, kind in GOVERNMENT_KINDS.items():
        for file in sorted((root / folder).glob("*.yaml")):
            raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            kept = _government_record(kind, raw)
            if kept:
                records.append(kept)
                dates += [str(s["retrieved"]) for s in raw.get("sources") or [] if "retrieved" in s]
    return {
        "registry": "TOOI",
        "source": "Polder (anneschuth/polder), data/organisaties; from the Register van "
        "Overheidsorganisaties, TOOI and Wikidata",
        "licence": "CC0-1.0",
        "release": None,
        "date": max(dates) if dates else None,
        "records": sorted(records, key=lambda r: r["id"]),
    }


def write_snapshot(snapshot: dict[str, Any], path: Path) -> None:
    """Write a snapshot as JSON with one record per line (small, stable diffs)."""
    head = {k: v for k, v in snapshot.items() if k != "records"}
    lines = [json.dumps(r, ensure_ascii=False, sort_keys=True) for r in snapshot["records"]]
    text = json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1]
    text += ', "records": [\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")


def _kind(path: Path) -> str:
    if path.is_dir() and (path / "data" / "organisaties").is_dir():
        return "government"
    if path.is_dir() and any(_release_key(p.name) for p in path.iterdir() if p.is_dir()):
        return "ror"
    if path.is_file() and path.suffix in (".zip", ".json"):
        return "ror"
    raise SourceError(
        f"{path}: not a ROR dump (.zip/.json), a ror-records checkout or a Polder checkout"
    )


def refresh(paths: Iterable[Path], out: Path) -> list[Path]:
    """Rebuild the snapshot of every source in ``paths`` into ``out``; the files written."""
    written = []
    for path in paths:
        if _kind(path) == "ror":
            target, snapshot = out / ROR_FILE, ror_snapshot(path)
        else:
            target, snapshot = out / GOVERNMENT_FILE, government_snapshot(path)
        write_snapshot(snapshot, target)
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m beleidsgraaf.ontology.registries.refresh",
        description="Rebuild the registry snapshots from local copies of ROR and Polder.",
    )
    parser.add_argument("paths", nargs="+", type=Path, help="dump file or checkout folder")
    parser.add_argument("--out", type=Path, default=HERE, help="where to write (default: here)")
    args = parser.parse_args(argv)
    try:
        for target in refresh(args.paths, args.out):
            records = len(json.loads(target.read_text(encoding="utf-8"))["records"])
            print(f"{target}: {records} records")
    except (SourceError, OSError, ValueError, zipfile.BadZipFile, yaml.YAMLError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
