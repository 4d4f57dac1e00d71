"""Shared fixtures: one pipeline per test session, offline Hugging Face settings."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("HF_HOME", tempfile.mkdtemp(prefix="irclaims-hf-"))
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ.setdefault("HF_DATASETS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "corpus" / "japan-russia-china-triangle.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    """The lexicon pipeline (no classifier): rules under test, nothing learned."""
    from pipeline.pipeline import Pipeline, load_spacy

    return Pipeline(load_spacy())


@pytest.fixture(scope="session")
def seed_doc(nlp):
    from pipeline.reader import read_text_file

    return nlp.process([read_text_file(SEED)])[0]


def claims_of(nlp, text: str, **meta):
    """(subject, type, object) triples of a text, plus the claims themselves."""
    doc = nlp(text, doc_id="t", metadata=meta or None)
    return {(c.subject, c.type, c.object) for c in doc.claims}, doc
