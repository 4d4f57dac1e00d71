"""The classifier rebuilds reproducibly, and its contribution is measurable."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.classifier import CLASSIFIER_DIR, ClaimClassifier, train_and_save

from .conftest import ROOT, SHARED

PLOVER = SHARED / "eval" / "plover_gsr_dev.jsonl"


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared/eval/plover_gsr_dev.jsonl missing")
def test_train_reproduces_shipped_weights(tmp_path):
    train_and_save(ROOT / "annotations", PLOVER, tmp_path, seed=13, corpus=ROOT / "corpus")
    new = np.load(tmp_path / "weights.npz")
    shipped = np.load(CLASSIFIER_DIR / "weights.npz")
    assert new["coef"].shape == shipped["coef"].shape
    # Same data and seed give the same weights; the tolerance only absorbs float noise
    # from a different BLAS thread count (weights that are stale differ by far more).
    assert np.abs(new["coef"] - shipped["coef"]).max() < 0.05
    assert np.abs(new["intercept"] - shipped["intercept"]).max() < 0.05


def test_classifier_runs_and_can_be_switched_off(seed_doc):
    from pipeline.pipeline import Pipeline, load_spacy

    model = ClaimClassifier.load_default()
    assert model is not None
    with_model = Pipeline(load_spacy(), model)
    text = "Russia criticized Japan over the islands. China and Vietnam signed a trade pact."
    doc = with_model(text, doc_id="t")
    assert all(0.0 <= c.confidence <= 1.0 for c in doc.claims)
    assert ("CHN", "AGREE", "VNM") in {(c.subject, c.type, c.object) for c in doc.claims}
