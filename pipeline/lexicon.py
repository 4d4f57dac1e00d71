"""Load the readable lexicons in `models/lexicon/` (predicates, cues, topics, templates)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .gazetteer import MODELS_DIR, read_tsv


@dataclass
class Lexicon:
    predicates: dict[tuple[str, str], str] = field(default_factory=dict)  # (lemma, pos) -> type
    alone: dict[tuple[str, str], str] = field(default_factory=dict)  # type with no object
    seek_objects: frozenset[str] = frozenset()
    modality: dict[str, str] = field(default_factory=dict)  # cue -> modality
    attribution: frozenset[str] = frozenset()
    valence: dict[str, str] = field(default_factory=dict)
    evaluative: dict[str, str] = field(default_factory=dict)  # word -> positive/negative
    topics: dict[str, str] = field(default_factory=dict)
    templates: dict[str, dict[str, str]] = field(default_factory=dict)
    time_anaphora: tuple[str, ...] = ()  # cues that carry the paragraph's date forward
    domestic: dict[str, str] = field(default_factory=dict)  # "rebels" -> REB (sector)
    descriptions: dict[str, str] = field(default_factory=dict)  # "group" -> GROUP (label)
    experiencers: frozenset[str] = frozenset()  # "alarm": its object feels, its subject causes
    threat_nouns: frozenset[str] = frozenset()  # "X's threat to Y": Y feels, X causes
    reversals: frozenset[tuple[str, str]] = frozenset()  # (lemma, pos): "sever" ties, "suspend" aid
    publications: frozenset[str] = frozenset()  # "released a statement" concedes nothing
    expansion_objects: frozenset[str] = frozenset()  # "extend its influence": what expands
    nonmilitary_objects: frozenset[str] = frozenset()  # "mobilize funds" is no military act
    prep_predicates: dict[tuple[str, str], str] = field(default_factory=dict)  # "stand with"
    relief_nouns: frozenset[str] = frozenset()  # "the lifting of sanctions on X": support X
    authority_acts: dict[str, frozenset[str]] = field(default_factory=dict)  # "arrested in X"
    courtesy_verbs: frozenset[str] = frozenset()  # "would like to thank": no hedge
    other_conflicts: frozenset[str] = frozenset()  # "the Cold War" is not the war at hand

    def predicate_type(self, lemma: str, pos: str) -> str | None:
        pos = "NOUN" if pos == "PROPN" else pos
        return self.predicates.get((lemma.lower(), pos)) or self.predicates.get((lemma, pos))


@lru_cache(maxsize=2)
def load_lexicon(directory: str | None = None) -> Lexicon:
    base = MODELS_DIR / "lexicon" if directory is None else Path(directory)
    return Lexicon(
        predicates={(r["lemma"], r["pos"]): r["type"] for r in read_tsv(base / "predicates.tsv")},
        alone={(r["lemma"], r["pos"]): r["alone"] for r in read_tsv(base / "predicates.tsv")
               if r.get("alone")},
        seek_objects=frozenset(r["lemma"] for r in read_tsv(base / "seek_objects.tsv")),
        modality={r["cue"]: r["modality"] for r in read_tsv(base / "modality.tsv")},
        attribution=frozenset(r["lemma"] for r in read_tsv(base / "attribution.tsv")),
        valence={r["word"]: r["stance"] for r in read_tsv(base / "valence.tsv")},
        evaluative={r["word"]: r["polarity"] for r in read_tsv(base / "evaluative.tsv")},
        topics={r["keyword"]: r["topic"] for r in read_tsv(base / "topics.tsv")},
        templates={r["type"]: r for r in read_tsv(base / "templates.tsv")},
        time_anaphora=tuple(r["cue"] for r in read_tsv(base / "time_anaphora.tsv")),
        domestic={r["word"]: r["sector"] for r in read_tsv(base / "domestic_agents.tsv")},
        descriptions={r["word"]: r["label"] for r in read_tsv(base / "descriptions.tsv")},
        experiencers=frozenset(r["lemma"] for r in read_tsv(base / "experiencer_verbs.tsv")),
        threat_nouns=frozenset(r["lemma"] for r in read_tsv(base / "threat_nouns.tsv")),
        reversals=frozenset((r["lemma"], r["pos"]) for r in read_tsv(base / "reversals.tsv")),
        publications=frozenset(r["lemma"] for r in read_tsv(base / "publications.tsv")),
        expansion_objects=frozenset(r["lemma"] for r in read_tsv(base / "expansion_objects.tsv")),
        nonmilitary_objects=frozenset(r["lemma"]
                                      for r in read_tsv(base / "nonmilitary_objects.tsv")),
        prep_predicates={(r["lemma"], r["prep"]): r["type"]
                         for r in read_tsv(base / "prep_predicates.tsv")},
        relief_nouns=frozenset(r["lemma"] for r in read_tsv(base / "relief_nouns.tsv")),
        authority_acts={r["lemma"]: frozenset(r["preps"].split(","))
                        for r in read_tsv(base / "authority_acts.tsv")},
        courtesy_verbs=frozenset(r["lemma"] for r in read_tsv(base / "courtesy_verbs.tsv")),
        other_conflicts=frozenset(r["lemma"] for r in read_tsv(base / "other_conflicts.tsv")),
    )
