"""`irclaims eval` end to end, on one annotated document."""

from __future__ import annotations

import json

from pipeline.cli import main

from .conftest import ROOT

PATHS = ["--gold", str(ROOT / "annotations"), "--corpus", str(ROOT / "corpus")]


def test_eval_json_scores(capsys):
    assert main(["eval", "--no-classifier", "--docs", "6203896", "--json", "--quiet", *PATHS]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == ["6203896"]
    for key in ("strict", "relaxed", "per_type", "attributes"):
        assert key in result["claims"]
    assert set(result["mentions"]) == {"exact", "overlap"}
    assert 0.0 <= result["mentions"]["exact"]["f1"] <= 1.0
    assert result["mentions"]["overlap"]["f1"] > 0.5
    assert "f1" in result["sentences"]


def test_eval_reads_earlier_output_and_lists_errors(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(ROOT / "corpus" / "6203896.txt"), "--out", str(out), "--quiet",
                 "--no-classifier"]) == 0
    capsys.readouterr()
    assert main(["eval", "--pred", str(out), "--docs", "6203896", "--errors", *PATHS]) == 0
    text = capsys.readouterr().out
    assert "strict" in text and "== misses" in text and "== false positives" in text


def test_eval_unknown_gold_folder(tmp_path, capsys):
    assert main(["eval", "--gold", str(tmp_path / "none")]) != 0
    assert "no such annotations folder" in capsys.readouterr().err


def test_eval_malformed_prediction_line(tmp_path, capsys):
    (tmp_path / "claims.jsonl").write_text('{"doc_id": "6203896"}\n{oops\n', encoding="utf-8")
    assert main(["eval", "--pred", str(tmp_path), "--docs", "6203896", *PATHS]) != 0
    err = capsys.readouterr().err
    assert "claims.jsonl, line 2: malformed JSON" in err and "Traceback" not in err


def test_eval_external_bad_records(tmp_path, capsys):
    bad = tmp_path / "ext.jsonl"
    bad.write_text('{"id": 1, "text": "Chile criticized Peru.", "gold": []}\n{oops\n',
                   encoding="utf-8")
    assert main(["eval", "--external", str(bad), "--no-classifier"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "ext.jsonl, line 2: malformed JSON" in err[0]
    bad.write_text('{"id": 1, "text": "Chile criticized Peru."}\n', encoding="utf-8")
    assert main(["eval", "--external", str(bad), "--no-classifier"]) == 2
    assert "record 1: needs id, text and gold" in capsys.readouterr().err


def test_threshold_table_of_a_cross_validation(monkeypatch):
    import pipeline.classifier
    from pipeline.classifier import THRESHOLD_GRID, CrossValidation, Thresholds
    from pipeline.cli import format_thresholds, threshold_rows

    tuned, shipped = Thresholds(0.99, 0.6, 0.3), Thresholds(0.95, 0.4, 0.1)
    monkeypatch.setattr(pipeline.classifier, "shipped_thresholds", lambda _: shipped)
    counts = {d: {t: (0, 0, 5) for t in THRESHOLD_GRID} for d in ("a", "b")}
    counts["a"][tuned], counts["b"][tuned] = (2, 4, 5), (1, 2, 5)
    counts["a"][shipped], counts["b"][shipped] = (3, 9, 5), (1, 6, 5)
    cv = CrossValidation([], {"a": tuned, "b": tuned}, tuned, counts)
    rows = {r["doc_id"]: r for r in threshold_rows(cv)}
    assert (rows["a"]["tp"], rows["a"]["predicted"], rows["a"]["gold"]) == (2, 4, 5)
    assert (rows["*"]["tp"], rows["*"]["predicted"], rows["*"]["gold"]) == (3, 6, 10)
    assert (rows["shipped"]["tp"], rows["shipped"]["predicted"]) == (4, 15)
    text = format_thresholds(list(rows.values()))
    assert "best on all held-out scores" in text and "0.375" in text  # 2*3/(6+10)
