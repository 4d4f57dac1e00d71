"""The data model: plain dataclasses whose character offsets are the single source of truth.

Every span (`start`, `end`) indexes the document text exactly as read from the file
(spec section 1): `doc.text[span.start:span.end]` gives the span back.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any

CLAIM_TYPES = (
    "SEEK_COOPERATION", "AGREE", "COOPERATE", "SUPPORT", "NEUTRAL", "OPPOSE", "CONCERN",
    "CONTAIN", "MILITARY_ACTION", "ATTACK", "CONCEDE", "EXPAND", "RELATIONS", "ASSESSMENT",
)
SYMMETRIC_TYPES = frozenset({"AGREE", "COOPERATE", "RELATIONS"})
UNARY_TYPES = frozenset({"MILITARY_ACTION", "EXPAND", "ASSESSMENT", "CONCEDE"})
DEFAULT_STANCE = {
    "SEEK_COOPERATION": "cooperative", "AGREE": "cooperative", "COOPERATE": "cooperative",
    "SUPPORT": "cooperative", "NEUTRAL": "neutral", "OPPOSE": "conflictual",
    "CONCERN": "conflictual", "CONTAIN": "conflictual", "MILITARY_ACTION": "conflictual",
    "ATTACK": "conflictual", "CONCEDE": "cooperative", "EXPAND": "conflictual",
    "RELATIONS": "neutral", "ASSESSMENT": "neutral",
}
MODALITIES = ("asserted", "hedged", "predicted", "normative")
STANCES = ("cooperative", "conflictual", "neutral")
TOPICS = (
    "MARITIME", "MILITARY", "SECURITY", "TERRITORY", "ENERGY", "ARMS", "ECONOMY",
    "DIPLOMACY", "ARCTIC", "NUCLEAR", "INTELLIGENCE", "OTHER",
)
MENTION_LABELS = ("STATE", "PERSON", "ORG", "MILITARY", "GROUP", "LOC")
CLAIM_FIELDS = (  # the claim record of spec 3.2, in output order
    "claim_id", "doc_id", "sentence", "start", "end", "evidence", "subject", "subject_agent",
    "type", "object", "negated", "modality", "source", "source_agent", "topic", "stance",
    "time", "text", "confidence",
)


def content_hash(text: str) -> str:
    """SHA-256 of a document's text: what incremental runs compare."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Section:
    """A heading line and the paragraphs under it (`heading_*` is -1 for none)."""

    index: int
    start: int
    end: int
    heading: str | None = None
    heading_start: int = -1
    heading_end: int = -1


@dataclass
class Paragraph:
    index: int
    start: int
    end: int
    section: int
    kind: str = "body"  # "title", "heading", "body" or "note"


@dataclass
class Note:
    """An endnote such as `1. At the Russo-US summit ...`."""

    number: int
    start: int
    end: int
    text: str


@dataclass
class NoteRef:
    """A footnote marker glued to a sentence end (`Asia.1`), linked to its note."""

    number: int
    start: int
    end: int
    note_start: int | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    section: int
    paragraph: int
    kind: str = "body"  # "body", "heading", "title" or "note"
    note_refs: list[NoteRef] = field(default_factory=list)


@dataclass
class Mention:
    """An actor or place mention (spec section 2). `actor` is None only for LOC."""

    start: int
    end: int
    text: str
    label: str
    actor: str | None
    agent: str | None = None
    sentence: int = -1

    @property
    def codes(self) -> list[str]:
        return self.actor.split(",") if self.actor else []


@dataclass
class Claim:
    """One typed claim grounded in its evidence sentence (spec section 3.2)."""

    doc_id: str
    sentence: int
    start: int
    end: int
    evidence: str
    subject: str
    type: str
    object: str | None
    subject_agent: str | None = None
    negated: bool = False
    modality: str = "asserted"
    source: str = "AUTHOR"
    source_agent: str | None = None
    topic: str = "OTHER"
    stance: str = "neutral"
    time: str | None = None
    text: str = ""
    confidence: float = 0.5
    claim_id: str = ""

    def __post_init__(self) -> None:
        if not self.claim_id:
            self.claim_id = claim_id(
                self.doc_id, self.start, self.end, self.subject, self.type, self.object
            )

    def record(self) -> dict[str, Any]:
        values = asdict(self)
        return {key: values[key] for key in CLAIM_FIELDS}


def claim_id(doc_id: str, start: int, end: int, subject: str, type_: str,
             object_: str | None) -> str:
    """Stable id: a hash of doc_id, start, end, subject, type and object (spec 3.2)."""
    key = "\x1f".join([doc_id, str(start), str(end), subject, type_, object_ or ""])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class Document:
    """A processed document: its text, metadata and the output of every stage."""

    doc_id: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    body_start: int = 0  # first character after any `key: value` header block
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def speaker(self) -> str | None:
        return self.metadata.get("speaker")

    @property
    def date(self) -> str | None:
        return self.metadata.get("date")
