"""The classifier rebuilds reproducibly, decides as documented, and can be switched off."""

from __future__ import annotations

import numpy as np
import pytest

from pipeline.classifier import CLASSES, NONE, ClaimClassifier, examples, train_and_save

from .conftest import ROOT, SHARED

PLOVER = SHARED / "eval" / "plover_gsr_dev.jsonl"
TEXT = ("Russia criticized Japan over the islands. China and Vietnam signed a trade pact. "
        "Egyptian police dispersed the demonstrators. Brazil and Peru held talks on trade.")


def works_of(nlp, text: str):
    from pipeline.classifier import sentence_works
    from pipeline.reader import raw_document

    return sentence_works([raw_document("t", text, "t")])[1]


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared/eval/plover_gsr_dev.jsonl missing")
def test_train_reproduces_shipped_model(tmp_path, nlp):
    train_and_save(ROOT / "annotations", PLOVER, tmp_path, seed=13, corpus=ROOT / "corpus",
                   quiet=True)
    new, shipped = ClaimClassifier.load_default(tmp_path), ClaimClassifier.load_default()
    batch = examples(works_of(nlp, TEXT))
    p_new = np.vstack(new.probabilities(batch))
    p_old = np.vstack(shipped.probabilities(batch))
    # Same data and seed give the same model; the tolerance only absorbs float noise from
    # another CPU or thread count (a stale or untrained model differs by far more).
    assert np.abs(p_new - p_old).max() < 0.1
    assert (p_new.argmax(1) == p_old.argmax(1)).mean() >= 0.9


def test_classifier_runs_and_can_be_switched_off(seed_doc):
    from pipeline.pipeline import Pipeline, load_spacy

    model = ClaimClassifier.load_default()
    assert model is not None
    with_model = Pipeline(load_spacy(), model)
    doc = with_model(TEXT, doc_id="t")
    assert all(0.0 <= c.confidence <= 1.0 for c in doc.claims)
    triples = {(c.subject, c.type, c.object) for c in doc.claims}
    assert ("CHN", "AGREE", "VNM") in triples
    assert ("RUS", "OPPOSE", "JPN") in triples


class FixedClassifier(ClaimClassifier):
    """The decision rule on given probabilities: P(NONE) = `none`, the rest on OPPOSE."""

    def __init__(self, none: float, **thresholds: float) -> None:
        super().__init__(model=None, **thresholds)
        self.none = none

    def probabilities(self, batch, size=32):
        p = np.zeros(len(CLASSES))
        p[CLASSES.index(NONE)], p[CLASSES.index("OPPOSE")] = self.none, 1 - self.none
        return [np.tile(p, (len(e.keys), 1)) for e in batch]


def test_accept_and_fallback_thresholds(nlp):
    from pipeline.claims import ClaimFinder
    from pipeline.lexicon import load_lexicon

    finder = ClaimFinder(load_lexicon())
    works = works_of(nlp, "Turkey and Greece are neighbours.")  # no trigger, no rule claim

    def decided(**kw):
        return [c for _, c in FixedClassifier(**kw).apply(works, finder)]

    assert len(decided(none=0.3, accept=0.4, fallback=0.1)) == 2  # both directions accepted
    fallback = decided(none=0.8, accept=0.4, fallback=0.1)  # none accepted: the best one kept
    assert len(fallback) == 1 and fallback[0].type == "OPPOSE"
    assert fallback[0].confidence == pytest.approx(0.2)
    assert decided(none=0.8, accept=0.4, fallback=0.3) == []


def test_rejected_rule_claims_are_dropped(nlp):
    from pipeline.claims import ClaimFinder
    from pipeline.lexicon import load_lexicon

    finder = ClaimFinder(load_lexicon())
    works = works_of(nlp, "Poland criticized Hungary over the vote.")
    assert any(c.type == "OPPOSE" for w in works for c in w.candidates)
    kept = FixedClassifier(none=0.5, reject=0.95).apply(works, finder)
    assert any(c.type == "OPPOSE" and c.subject == "POL" for _, c in kept)
    assert FixedClassifier(none=0.99, reject=0.95, fallback=1.1).apply(works, finder) == []


def test_a_confident_model_retypes_a_rule_claim(nlp):
    from pipeline.claims import ClaimFinder
    from pipeline.lexicon import load_lexicon

    finder = ClaimFinder(load_lexicon())
    works = works_of(nlp, "Poland praised Hungary for the vote.")
    assert {c.type for w in works for c in w.candidates} == {"SUPPORT"}

    def types(**kw):  # the model puts 1 - P(NONE) = 0.8 on OPPOSE
        return {(c.subject, c.type, c.object)
                for _, c in FixedClassifier(none=0.2, **kw).apply(works, finder)}

    assert ("POL", "SUPPORT", "HUN") in types(retype=1.01)  # never: the rule's type stays
    retyped = types(retype=0.7)
    assert ("POL", "OPPOSE", "HUN") in retyped and ("POL", "SUPPORT", "HUN") not in retyped
    assert ("POL", "SUPPORT", "HUN") in types(retype=0.9)  # 0.8 is not sure enough


def test_thresholds_are_tuned_on_held_out_scores(nlp):
    from pipeline.claims import ClaimFinder
    from pipeline.classifier import Thresholds, best_thresholds, threshold_counts
    from pipeline.lexicon import load_lexicon

    finder = ClaimFinder(load_lexicon())
    works = works_of(nlp, "Poland criticized Hungary over the vote. Turkey and Greece are "
                          "neighbours.")
    first = works[0].sentence
    gold = [{"doc_id": "t", "start": first.start, "end": first.end, "subject": "POL",
             "type": "OPPOSE", "object": "HUN", "negated": False}]
    scored = FixedClassifier(none=0.3).score_pairs(works)  # OPPOSE 0.7 for every pair
    counts = threshold_counts(scored, gold, finder)
    chosen = best_thresholds([counts])
    # the rule claim is right and every pair the model would add is wrong: keep the former,
    # add nothing, fall back to nothing
    assert chosen.reject > 0.3 and chosen.accept > 0.7 and chosen.fallback > 0.7
    assert counts[chosen] == (1, 1, 1)
    shipped = Thresholds(0.95, 0.4, 0.1, 1.01)
    assert counts[shipped][1] > 1  # the shipped values would add the two wrong pairs


def test_a_war_word_brings_the_war_sides_to_the_speaker_pairs():
    from pipeline.classifier import pairs, sentence_works
    from pipeline.reader import raw_document

    text = ("Ethiopia invaded Eritrea in May. Ethiopia shelled Eritrea again in June. "
            "Let me be clear: that aggression has raised food prices everywhere.")
    works = sentence_works([raw_document("KEN_78_2023", text, "KEN_78_2023.txt")])[1]
    last = [w for w in works if w.sentence.index == 2]
    assert len(last) == 1  # the speaker ("me") and the war's two sides, none named
    assert {("KEN", "ETH"), ("KEN", "ERI"), ("ETH", "ERI")} <= set(pairs(last[0]))
