"""The scorer on small hand-made cases, so that a wrong scorer cannot hide a wrong pipeline."""

from __future__ import annotations

from pipeline.evaluate import score_claims, score_external, score_mentions


def claim(subject, type_, obj, start=0, end=10, negated=False, doc="d", **extra):
    return {"doc_id": doc, "start": start, "end": end, "evidence": "x" * (end - start),
            "subject": subject, "type": type_, "object": obj, "negated": negated, **extra}


def test_symmetric_types_ignore_order():
    s = score_claims([claim("RUS", "COOPERATE", "JPN")], [claim("JPN", "COOPERATE", "RUS")])
    assert s.strict.tp == 1
    s = score_claims([claim("RUS", "OPPOSE", "JPN")], [claim("JPN", "OPPOSE", "RUS")])
    assert s.strict.tp == 0 and s.strict.fp == 1 and s.strict.fn == 1


def test_matching_is_one_to_one():
    pred = [claim("RUS", "OPPOSE", "JPN"), claim("RUS", "OPPOSE", "JPN", start=2)]
    s = score_claims(pred, [claim("RUS", "OPPOSE", "JPN")])
    assert (s.strict.tp, s.strict.fp, s.strict.fn) == (1, 1, 0)
    assert s.strict.precision == 0.5 and s.strict.recall == 1.0


def test_spans_must_overlap_and_docs_agree():
    assert score_claims([claim("RUS", "OPPOSE", "JPN", 20, 30)],
                        [claim("RUS", "OPPOSE", "JPN", 0, 10)]).strict.tp == 0
    assert score_claims([claim("RUS", "OPPOSE", "JPN", doc="a")],
                        [claim("RUS", "OPPOSE", "JPN", doc="b")]).strict.tp == 0


def test_negation_counts_for_strict_not_relaxed():
    s = score_claims([claim("RUS", "AGREE", "CHN", negated=False)],
                     [claim("RUS", "AGREE", "CHN", negated=True)])
    assert s.strict.tp == 0 and s.relaxed.tp == 1


def test_relaxed_ignores_type_null_objects_match_only_null():
    s = score_claims([claim("RUS", "EXPAND", None)], [claim("RUS", "MILITARY_ACTION", None)])
    assert s.strict.tp == 0 and s.relaxed.tp == 1
    s = score_claims([claim("RUS", "EXPAND", None)], [claim("RUS", "EXPAND", "JPN")])
    assert s.strict.tp == 0


def test_attribute_accuracy_on_matched_pairs():
    pred = [claim("RUS", "OPPOSE", "JPN", stance="conflictual", time="2013")]
    gold = [claim("RUS", "OPPOSE", "JPN", stance="conflictual", time="2012")]
    s = score_claims(pred, gold)
    assert s.attributes["stance"] == 1.0 and s.attributes["time"] == 0.0


def test_per_type_scores():
    pred = [claim("RUS", "OPPOSE", "JPN"), claim("RUS", "SUPPORT", "CHN")]
    gold = [claim("RUS", "OPPOSE", "JPN"), claim("RUS", "CONCERN", "CHN")]
    s = score_claims(pred, gold)
    assert s.per_type["OPPOSE"].f1 == 1.0
    assert s.per_type["SUPPORT"].precision == 0.0 and s.per_type["CONCERN"].recall == 0.0


def test_mentions_exact_and_overlap():
    gold = [{"doc_id": "d", "start": 0, "end": 6, "actor": "RUS"},
            {"doc_id": "d", "start": 10, "end": 15, "actor": None}]
    pred = [{"doc_id": "d", "start": 0, "end": 6, "actor": "RUS"},
            {"doc_id": "d", "start": 9, "end": 15, "actor": None},
            {"doc_id": "d", "start": 20, "end": 25, "actor": "JPN"}]
    s = score_mentions(pred, gold)
    assert (s["exact"].tp, s["exact"].fp, s["exact"].fn) == (1, 2, 1)
    assert (s["overlap"].tp, s["overlap"].fp, s["overlap"].fn) == (2, 1, 0)


def test_external_scores():
    records = [{"id": "1", "gold": [{"subject": "USA", "object": None,
                                     "types": ["AGREE", "SEEK_COOPERATION"]}]},
               {"id": "2", "gold": [{"subject": "RUS", "object": "JPN", "types": ["OPPOSE"]}]}]
    preds = {"1": [{"subject": "USA", "object": "JOR", "type": "AGREE"}],
             "2": [{"subject": "JPN", "object": "RUS", "type": "OPPOSE"},
                   {"subject": "RUS", "object": "JPN", "type": "CONCERN"}]}
    result = score_external(records, preds)
    assert result["type_recall"] == 1.0
    assert result["triple_recall"] == 0.5
    assert result["matching_share"] == round(1 / 3, 4)
