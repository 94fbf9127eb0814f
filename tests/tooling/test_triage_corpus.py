"""The real triage corpus (issue 12): our label file is consistent, the split is fixed by the id,
the identifier finder validates check letters, the built corpus in ../shared carries our labels,
and — when the source snapshots are at hand (they are not in ../shared) — the builder rebuilds
the corpus from them."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from jun_desk.domain.adjudication import RELABELS_FILE, read_relabels
from jun_desk.resources import resource_path
from jun_desk.shared_material import TRIAGE_CORPUS, TRIAGE_SOURCES
from scripts.triage_corpus import build, detect
from scripts.triage_corpus.common import (
    DEPARTMENTS,
    LABELS,
    parse_personal,
    parse_urgent,
    read_labels,
    split_for,
)
from tests.material import need


def test_split_is_a_function_of_the_id_alone():
    ids = [f"src:{n}" for n in range(20000)]
    first = [split_for(i) for i in ids]
    assert first == [split_for(i) for i in ids]
    share = Counter(first)
    assert 0.23 < share["test"] / len(ids) < 0.27
    assert 0.08 < share["replay"] / len(ids) < 0.12


def test_identifier_finder_checks_the_letter():
    assert detect.identifiers("mi DNI es 12345678Z") == ["dni"]
    assert detect.identifiers("mi DNI es 12345678A") == []
    assert detect.identifiers("NIE X1234567L, llamar al 612 34 56 78") == ["nie", "phone"]
    assert detect.identifiers("aviso 8274572 cerrado") == []
    assert "email" in detect.identifiers("escribid a vecinos@example.org")


def test_label_file_is_consistent():
    rows = read_labels(LABELS)
    assert len(rows) >= 2000
    keys = [(r["source"], r["original_id"]) for r in rows]
    assert len(keys) == len(set(keys))
    for r in rows:
        assert r["department"] in (*DEPARTMENTS, "skip"), r
        assert r["split"] == split_for(f"{r['source']}:{r['original_id']}"), r
        assert parse_urgent(r["urgent"]) is not None, r
        assert parse_personal(r["personal_data"]) is not None, r
    kept = [r for r in rows if r["department"] != "skip"]
    per_dept = Counter(r["department"] for r in kept)
    assert set(per_dept) == set(DEPARTMENTS)
    test_depts = {r["department"] for r in kept if r["split"] == "test"}
    assert test_depts == set(DEPARTMENTS)
    assert sum(r["split"] == "replay" for r in kept) >= 200
    assert sum(r["urgent"] == "1" for r in kept) >= 60


def _sources() -> Path:
    """The snapshots' folder: TRIAGE_CORPUS_SOURCES, ../shared/triage-corpus/sources, or
    where the fetch tool leaves them (/work/.mirror); else a skip (they are not provided
    in ../shared, so CI skips too)."""
    for candidate in (*TRIAGE_SOURCES.candidates(), Path("/work/.mirror")):
        if (candidate / "javierarce+avisos-madrid").exists():
            return candidate
    return need(TRIAGE_SOURCES)


def test_builder_rebuilds_from_the_snapshots(tmp_path):
    """The builder reads every labelled text from the snapshots and applies the settled
    department boundaries (resources/triage/boundary_relabels.csv)."""
    items, problems = build.build(_sources())
    assert len(items) >= 2000
    assert all(i["text"].strip() for i in items)
    assert not [p for p in problems if "not in the snapshot" in p]
    assert {i["department"] for i in items if i["split"] == "test"} == set(DEPARTMENTS)
    relabels = read_relabels(resource_path("triage", RELABELS_FILE))
    by_id = {i["id"]: i for i in items}
    moved = [i for i in relabels if i in by_id]
    assert len(moved) == len(relabels)
    assert all(by_id[i]["department"] == relabels[i].after for i in moved)


def test_builder_reports_a_missing_snapshot(tmp_path):
    items, problems = build.build(tmp_path)
    assert items == []
    assert any("not found" in p for p in problems)


def test_hand_only_sources_are_merged_with_the_fixed_split():
    from scripts.triage_corpus import hand_sources
    from scripts.triage_corpus.sources import avisos_madrid_archive

    labels = {(r["source"], r["original_id"]): r for r in read_labels(LABELS)}
    for source in hand_sources.HAND_SOURCES:
        rows = hand_sources.rows(source)
        assert rows, f"no hand labels for {source}"
        for r in rows:
            merged = labels[(source, r["original_id"])]
            assert merged["department"] == r["department"]
            assert merged["split"] == split_for(f"{source}:{r['original_id']}")
            assert merged["method"] == "hand"
    # merging twice changes nothing (the label file is the merge's fixed point)
    once = hand_sources.merge_into(read_labels(LABELS))
    assert sorted(map(str, once)) == sorted(map(str, hand_sources.merge_into(once)))
    # every archive label has the commit that holds its text, and nothing else is indexed
    index = avisos_madrid_archive.read_index()
    archive = {r["original_id"] for r in hand_sources.rows("avisos-madrid-archive")}
    assert set(index) == archive
    assert all(len(c) == 40 for c in index.values())


def test_the_shared_corpus_carries_our_labels():
    """The corpus in ../shared (built outside the repository from the snapshots) says what
    our label file says, item by item, and has the counts its SOURCE.md gives."""
    rows = [json.loads(line) for line in
            need(TRIAGE_CORPUS).read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = {f"{r['source']}:{r['original_id']}": r for r in read_labels(LABELS)}
    wrong = [r["id"] for r in rows if r["id"] not in labels
             or (labels[r["id"]]["department"], labels[r["id"]]["split"])
             != (r["department"], r["split"])]
    assert wrong == []
    assert len(rows) == len({r["id"] for r in rows}) == 2830
    assert all(r["text"].strip() and r["source"] and r["licence"] and r["url"] for r in rows)
    assert Counter(r["department"] for r in rows) == {
        "obras": 1187, "limpieza": 751, "policia": 445, "alcaldia": 154, "suministros": 120,
        "atencion": 75, "educacion": 69, "salud": 29}
