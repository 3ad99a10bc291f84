"""The main job on the bundled corpus: the store, the TriG dump, the map and the report."""

from __future__ import annotations

import json

# Floors for the demo corpus, set well below what the extractor finds today so that a real
# regression fails but normal tuning does not. The gold annotations of the annotated parts alone
# list 74+56 organisations, 131 interventions, 60 regions and 33 programmes, so a working
# extractor finds more than these across all five documents.
MIN_ENTITIES = {"Organisation": 100, "Programme": 25, "Intervention": 60, "Region": 30}
MIN_RELATIONS = 150


def test_main_job_builds_all_five_documents(demo_run) -> None:  # type: ignore[no-untyped-def]
    report, _ = demo_run
    assert report.build.documents == 5
    assert not report.build.failed
    for kind, floor in MIN_ENTITIES.items():
        assert report.build.entities_by_type[kind] >= floor, (kind, report.build.entities_by_type)
    assert report.build.relations >= MIN_RELATIONS


def test_main_job_writes_every_output(demo_run) -> None:  # type: ignore[no-untyped-def]
    _, settings = demo_run
    out = settings.out
    for name in ("graph.trig", "map.html", "versnippering.html", "versnippering.json"):
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 1000, name
    trig = (out / "graph.trig").read_text(encoding="utf-8")
    assert trig.count("https://w3id.org/beleidsgraaf/graph/") >= 5
    page = (out / "map.html").read_text(encoding="utf-8")
    for actor in ("4TU.Federatie", "Platform Talent voor Technologie"):
        assert actor in page, actor
    data = json.loads((out / "versnippering.json").read_text(encoding="utf-8"))
    assert data["groups"], "the report has no groups"
    html = (out / "versnippering.html").read_text(encoding="utf-8")
    assert "Borgatti" in html
    # the report names the actors the coordination depends on (key players) by name
    assert "4TU.Federatie" in html and "4TU.Federatie" in json.dumps(data, ensure_ascii=False)
    for landsdeel in ("Noord", "Noordwest", "Oost", "Zuidoost", "Zuidwest"):
        assert f"Landsdeel {landsdeel}" in html
