"""Score claims, mentions and sentences against hand annotations (spec section 4)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dataset import read_jsonl
from .model import CLAIM_TYPES, SYMMETRIC_TYPES

ATTRIBUTES = ("stance", "modality", "source", "topic", "time")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


def pair_key(claim: dict[str, Any]) -> tuple:
    """(subject, object, type), the pair unordered for symmetric types."""
    subject, obj = claim["subject"], claim.get("object")
    if claim["type"] in SYMMETRIC_TYPES and obj is not None:
        subject, obj = sorted([subject, obj])
    return (subject, obj, claim["type"])


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def match_claims(pred: list[dict], gold: list[dict], strict: bool = True
                 ) -> list[tuple[dict, dict]]:
    """One-to-one greedy matching in document order (spec 4); `strict` adds negation."""
    pairs = []
    used: set[int] = set()
    gold_sorted = sorted(enumerate(gold), key=lambda x: (x[1]["doc_id"], x[1]["start"]))
    for p in sorted(pred, key=lambda c: (c["doc_id"], c["start"])):
        for gi, g in gold_sorted:
            if gi in used or g["doc_id"] != p["doc_id"] or not overlaps(p, g):
                continue
            if pair_key(p) != pair_key(g):
                continue
            if strict and bool(p.get("negated")) != bool(g.get("negated")):
                continue
            used.add(gi)
            pairs.append((p, g))
            break
    return pairs


def relaxed_key(claim: dict[str, Any]) -> tuple:
    subject, obj = claim["subject"], claim.get("object")
    return tuple(sorted([subject, obj or ""]))


def match_relaxed(pred: list[dict], gold: list[dict]) -> int:
    """Relaxed: same actors (order free), overlapping evidence, type ignored."""
    used: set[int] = set()
    count = 0
    for p in sorted(pred, key=lambda c: (c["doc_id"], c["start"])):
        for gi, g in enumerate(gold):
            if gi in used or g["doc_id"] != p["doc_id"] or not overlaps(p, g):
                continue
            if relaxed_key(p) == relaxed_key(g):
                used.add(gi)
                count += 1
                break
    return count


@dataclass
class ClaimScores:
    strict: PRF
    relaxed: PRF
    per_type: dict[str, PRF]
    attributes: dict[str, float]
    matched: int
    errors: dict[str, list[dict]] = field(default_factory=dict)


def score_claims(pred: list[dict], gold: list[dict]) -> ClaimScores:
    pairs = match_claims(pred, gold, strict=True)
    strict = PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs))
    n_relaxed = match_relaxed(pred, gold)
    relaxed = PRF(n_relaxed, len(pred) - n_relaxed, len(gold) - n_relaxed)
    per_type = {}
    for type_ in CLAIM_TYPES:
        p_t = [c for c in pred if c["type"] == type_]
        g_t = [c for c in gold if c["type"] == type_]
        if not p_t and not g_t:
            continue
        m = len(match_claims(p_t, g_t, strict=True))
        per_type[type_] = PRF(m, len(p_t) - m, len(g_t) - m)
    loose = match_claims(pred, gold, strict=False)
    attributes = {}
    for attr in ATTRIBUTES:
        if loose:
            same = sum(1 for p, g in loose if (p.get(attr) or None) == (g.get(attr) or None))
            attributes[attr] = round(same / len(loose), 4)
    attributes["negated"] = round(sum(1 for p, g in loose if bool(p.get("negated")) ==
                                      bool(g.get("negated"))) / len(loose), 4) if loose else 0.0
    matched_pred = {id(p) for p, _ in pairs}
    matched_gold = {id(g) for _, g in pairs}
    errors = {"false_positives": [p for p in pred if id(p) not in matched_pred],
              "misses": [g for g in gold if id(g) not in matched_gold]}
    return ClaimScores(strict, relaxed, per_type, attributes, len(loose), errors)


def score_mentions(pred: list[dict], gold: list[dict]) -> dict[str, PRF]:
    """Exact: same span and actor. Overlap: overlapping span and same actor, one-to-one."""
    def key(m: dict) -> tuple:
        return (m["doc_id"], m["start"], m["end"], m.get("actor") or None)

    gold_keys = {key(m) for m in gold}
    pred_keys = {key(m) for m in pred}
    exact_tp = len(gold_keys & pred_keys)
    exact = PRF(exact_tp, len(pred_keys) - exact_tp, len(gold_keys) - exact_tp)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc_id"]].append(g)
    used: set[int] = set()
    tp = 0
    for p in sorted(pred, key=lambda m: (m["doc_id"], m["start"])):
        for g in by_doc.get(p["doc_id"], []):
            if id(g) in used or not overlaps(p, g):
                continue
            if (g.get("actor") or None) == (p.get("actor") or None):
                used.add(id(g))
                tp += 1
                break
    overlap = PRF(tp, len(pred) - tp, len(gold) - tp)
    return {"exact": exact, "overlap": overlap}


def score_sentences(pred: list[dict], gold_claims: list[dict]) -> PRF:
    """Boundary F1 of sentence ends, against the evidence sentences of the gold claims.

    Only boundaries inside the annotated evidence regions are counted, since gold claims
    do not cover every sentence.
    """
    gold_spans = {(g["doc_id"], g["start"], g["end"]) for g in gold_claims}
    gold_bounds = {(d, s) for d, s, _ in gold_spans} | {(d, e) for d, _, e in gold_spans}
    pred_bounds = set()
    for s in pred:
        for d, gs, ge in gold_spans:
            if s["doc_id"] == d and s["start"] < ge and gs < s["end"]:
                pred_bounds |= {(d, s["start"]), (d, s["end"])}
    tp = len(gold_bounds & pred_bounds)
    return PRF(tp, len(pred_bounds) - tp, len(gold_bounds) - tp)


def load_gold(gold_dir: Path, doc_ids: Iterable[str] | None = None
              ) -> tuple[list[dict], list[dict], list[str]]:
    """Gold claims and mentions of every annotated document (or of `doc_ids`)."""
    wanted = set(doc_ids) if doc_ids else None
    claims, mentions, ids = [], [], []
    for path in sorted(gold_dir.glob("*.claims.jsonl")):
        doc_id = path.name[: -len(".claims.jsonl")]
        if wanted is not None and doc_id not in wanted:
            continue
        ids.append(doc_id)
        claims += read_jsonl(path)
        mention_path = gold_dir / f"{doc_id}.mentions.jsonl"
        if mention_path.exists():
            mentions += read_jsonl(mention_path)
    return claims, mentions, ids


def report(pred_claims: list[dict], gold_claims: list[dict], pred_mentions: list[dict],
           gold_mentions: list[dict], pred_sentences: list[dict]) -> dict[str, Any]:
    claims = score_claims(pred_claims, gold_claims)
    mentions = score_mentions(pred_mentions, gold_mentions)
    return {
        "claims": {"strict": claims.strict.as_dict(), "relaxed": claims.relaxed.as_dict(),
                   "per_type": {t: s.as_dict() for t, s in claims.per_type.items()},
                   "attributes": claims.attributes, "matched": claims.matched},
        "mentions": {k: v.as_dict() for k, v in mentions.items()},
        "sentences": score_sentences(pred_sentences, gold_claims).as_dict(),
        "errors": claims.errors,
    }


def format_report(result: dict[str, Any]) -> str:
    lines = []
    c = result["claims"]
    lines.append(f"{'claims':<22}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'fp':>6}{'fn':>6}")
    for name in ("strict", "relaxed"):
        s = c[name]
        lines.append(f"  {name:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    lines.append("per type (strict)")
    for type_, s in sorted(c["per_type"].items()):
        lines.append(f"  {type_:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    lines.append(f"attribute accuracy on {c['matched']} matched claims")
    for attr, value in c["attributes"].items():
        lines.append(f"  {attr:<20}{value:>8.3f}")
    lines.append("mentions")
    for name, s in result["mentions"].items():
        lines.append(f"  {name:<20}{s['precision']:>8.3f}{s['recall']:>8.3f}{s['f1']:>8.3f}"
                     f"{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    s = result["sentences"]
    lines.append(f"{'sentence boundaries':<22}{s['precision']:>8.3f}{s['recall']:>8.3f}"
                 f"{s['f1']:>8.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    return "\n".join(lines)


def format_errors(errors: dict[str, list[dict]], limit: int = 200) -> str:
    lines = []
    for kind in ("false_positives", "misses"):
        lines.append(f"== {kind.replace('_', ' ')} ({len(errors[kind])})")
        for c in errors[kind][:limit]:
            neg = " NOT" if c.get("negated") else ""
            lines.append(f"[{c['doc_id']}:{c['start']}]{neg} {c['subject']} {c['type']} "
                         f"{c.get('object')} | {c['evidence'][:160]}")
    return "\n".join(lines)


# ---------------------------------------------------------------- external (PLOVER)
def score_external(records: list[dict], predictions: dict[str, list[dict]]) -> dict[str, Any]:
    """Type recall, triple recall and matching share on the PLOVER development set."""
    type_hits = triple_hits = matched_pred = n_pred = 0
    for record in records:
        preds = predictions.get(str(record["id"]), [])
        n_pred += len(preds)
        gold = record["gold"]
        acceptable = {t for g in gold for t in g["types"]}
        if any(p["type"] in acceptable for p in preds):
            type_hits += 1
        if any(triple_match(p, g) for p in preds for g in gold):
            triple_hits += 1
        matched_pred += sum(1 for p in preds if any(triple_match(p, g) for g in gold))
    n = len(records)
    return {"records": n, "type_recall": round(type_hits / n, 4) if n else 0.0,
            "triple_recall": round(triple_hits / n, 4) if n else 0.0,
            "matching_share": round(matched_pred / n_pred, 4) if n_pred else 0.0,
            "predicted_claims": n_pred}


def triple_match(pred: dict, gold: dict) -> bool:
    if pred["type"] not in gold["types"]:
        return False

    def same(a: str | None, b: str | None) -> bool:
        return b is None or a == b

    direct = same(pred["subject"], gold["subject"]) and same(pred.get("object"), gold["object"])
    if direct:
        return True
    if pred["type"] in SYMMETRIC_TYPES:
        return same(pred.get("object"), gold["subject"]) and same(pred["subject"], gold["object"])
    return False
