"""Stage 2, entities: tag actor and place mentions and normalize them to spec codes.

`actor_tagger` is a spaCy component placed after the statistical NER. The gazetteer is
authoritative: its matches override whatever class spaCy guessed ("Lavrov" as ORG,
"Putin's Approach" as PERSON), and spaCy's entities fill in only where the gazetteer is
silent (an unlisted city becomes a place, an unlisted official takes the state named next
to his title). Mentions are stored in `doc.spans["actors"]`: label = mention label,
kb_id = actor code (comma-joined for compound adjectives), `span._.agent` = finer name.

`resolve_reference` maps pronouns and descriptions ("it", "the two", "we") to codes;
the claims stage uses it, and such references are not mention records.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from .gazetteer import Entry, Gazetteer, load_gazetteer

if not Span.has_extension("agent"):
    Span.set_extension("agent", default=None)
if not Span.has_extension("located_in"):
    Span.set_extension("located_in", default=None)  # a place's state: "Aleppo" -> SYR
if not Doc.has_extension("year"):
    Doc.set_extension("year", default=None)
if not Doc.has_extension("named_bodies"):  # one document's bodies so far, by head word
    Doc.set_extension("named_bodies", default=None)

DETERMINERS = frozenset({"the", "The", "a", "an"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
VENUE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "into", "outside", "via"})
COMPOUND = re.compile(r"\b[A-Z][\w.]*(?:-[A-Za-z][\w.]*)+")
DOCUMENT_NOUNS = frozenset(
    "agreement accord statute protocol initiative declaration convention charter process "
    "format principle plan programme program consensus formula summit club".split()
)
BODY_LABELS = frozenset({"ORG", "MILITARY", "GROUP"})
NER_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TITLE_WORDS = frozenset(
    "president prime minister foreign defense defence secretary chancellor king queen "
    "premier ambassador general admiral spokesman spokeswoman spokesperson envoy "
    "chairman leader commander official officer head chief deputy vice senator".split()
)


@dataclass
class MentionCandidate:
    start: int  # token indices
    end: int
    label: str
    actor: str
    agent: str | None
    kind: str
    source: str  # "gazetteer", "compound" or "ner"
    fallback: str = ""
    located_in: str = ""


def compound_candidates(doc: Doc, gaz: Gazetteer) -> list[MentionCandidate]:
    """Hyphenated adjectives naming two or more states: Sino-Russian, Japan-US-Russia."""
    found = []
    for match in COMPOUND.finditer(doc.text):
        parts = match.group(0).split("-")
        codes = [gaz.state_code(p) for p in parts]
        # keep the leading run of parts that name states ("U.S.-backed" -> "U.S.")
        run = 0
        while run < len(codes) and codes[run]:
            run += 1
        if run >= 2:
            end_char = match.start() + len("-".join(parts[:run]))
            span = doc.char_span(match.start(), end_char, alignment_mode="expand")
            if span is not None:
                actor = ",".join(sorted(set(c for c in codes[:run] if c)))
                found.append(MentionCandidate(span.start, span.end, "STATE", actor, None,
                                              "compound", "compound"))
    return found


def hyphen_chains(doc: Doc, chosen: list[MentionCandidate]) -> list[MentionCandidate]:
    """States joined by hyphens into one modifier, names of several words included: "the
    United States-Japan-Republic of Korea trio", "the Tokyo-Seoul-Canberra quartet" (also
    with the space UN transcripts print after a hyphen: "Australia- United Kingdom")."""
    merged: list[MentionCandidate] = []
    for cand in chosen:
        last = merged[-1] if merged else None
        between = doc.text[doc[last.start:last.end].end_char:doc[cand.start].idx] if last else ""
        if last is not None and last.label == cand.label == "STATE" and \
                re.fullmatch(r"-\s?", between):
            codes = sorted(set(last.actor.split(",")) | set(cand.actor.split(",")))
            merged[-1] = MentionCandidate(last.start, cand.end, "STATE", ",".join(codes),
                                          None, "compound", "compound")
        else:
            merged.append(cand)
    return merged


def choose(candidates: list[MentionCandidate], doc: Doc) -> list[MentionCandidate]:
    """Greedy longest-first choice of non-overlapping candidates; a leading "the" does not
    count toward the length ("the West Bank" is the place, not "the West")."""
    def length(c: MentionCandidate) -> int:
        return c.end - c.start - (doc[c.start].lower_ == "the")

    chosen: list[MentionCandidate] = []
    taken: set[int] = set()
    for cand in sorted(candidates, key=lambda c: (-length(c), c.source != "compound",
                                                  c.start)):
        tokens = set(range(cand.start, cand.end))
        if tokens & taken:
            continue
        taken |= tokens
        chosen.append(cand)
    return sorted(chosen, key=lambda c: c.start)


def attach_bodies(doc: Doc, chosen: list[MentionCandidate]) -> list[MentionCandidate]:
    """Give generic bodies their state, and merge `Russian Pacific Fleet` into one span.

    "Russia's Foreign Ministry" stays two mentions; the ministry acts for RUS.
    """
    out: list[MentionCandidate] = []
    for cand in chosen:
        prev = out[-1] if out else None
        if cand.label in BODY_LABELS and prev is not None and prev.label == "STATE":
            between = doc[prev.end:cand.start]
            own = cand.actor and cand.actor != prev.actor
            if len(between) == 0 and "," not in prev.actor and not own:
                cand.start = prev.start
                cand.actor = cand.actor or prev.actor
                out[-1] = cand
                continue
            if len(between) == 1 and between[0].text in POSSESSIVE and not cand.actor:
                cand.actor = prev.actor
        if cand.label in BODY_LABELS and not cand.actor:
            owner = doc[cand.end:cand.end + 3]
            if len(owner) >= 2 and owner[0].lower_ == "of":
                for c in chosen:
                    if c.start in (cand.end + 1, cand.end + 2) and c.label == "STATE":
                        cand.actor = c.actor
        if cand.label in BODY_LABELS and not cand.actor:
            cand.actor = cand.fallback
        out.append(cand)
    return [c for c in out if c.actor or c.label == "LOC"]


def official_state(doc: Doc, start: int, chosen: list[MentionCandidate]) -> str | None:
    """The state named in a title right before a person ("Chinese Foreign Minister Wang")."""
    by_end = {c.end: c for c in chosen if c.label == "STATE"}
    i = start
    while i > 0 and doc[i - 1].lower_ in TITLE_WORDS and doc[i - 1].text[:1].isupper():
        i -= 1
    if i < start and i in by_end and "," not in by_end[i].actor:
        return by_end[i].actor
    if i < start and i >= 2 and doc[i - 1].text in POSSESSIVE and i - 1 in by_end:
        return by_end[i - 1].actor
    return None


def ner_candidates(doc: Doc, taken: set[int], chosen: list[MentionCandidate],
                   not_places: frozenset[str] = frozenset()) -> list[MentionCandidate]:
    """spaCy's entities where the gazetteer found nothing overlapping; `not_places` are
    words its NER wrongly calls places."""
    found = []
    for ent in doc.ents:
        if taken & set(range(ent.start, ent.end)):
            continue
        start, end = ent.start, ent.end
        while start < end and doc[start].text in DETERMINERS:
            start += 1
        while end > start and doc[end - 1].text in POSSESSIVE:
            end -= 1
        if start >= end or not doc[start].text[:1].isupper():
            continue
        text = doc[start:end].text
        if ent.label_ in NER_PLACE_LABELS and text in not_places:
            continue  # "Member States", "AI" (models/gazetteer/not_places.tsv)
        if ent.label_ in NER_PLACE_LABELS:
            found.append(MentionCandidate(start, end, "LOC", "", None, "place", "ner"))
        elif ent.label_ == "PERSON":
            state = official_state(doc, start, chosen)
            if state:
                found.append(MentionCandidate(start, end, "PERSON", state, text, "person", "ner"))
        elif ent.label_ == "ORG":
            inner = [c for c in chosen if c.label == "STATE" and start <= c.start < end]
            proper = all(t.text[:1].isupper() or t.lower_ in {"of", "on", "for", "and"}
                         for t in doc[start:end])
            if len(inner) == 1 and proper and end - start >= 2 and "," not in inner[0].actor:
                found.append(MentionCandidate(start, end, "ORG", inner[0].actor, text, "body",
                                              "ner"))
    return found


def short_names(doc: Doc, chosen: list[MentionCandidate], heads: dict[str, str]
                ) -> list[MentionCandidate]:
    """ "the Assembly", "this Council", "our Organization": the body last named with that
    head word, in this paragraph or earlier in the document (`doc._.named_bodies`, kept by
    the pipeline). With no such body, the head word's `otherwise` actor if a body of that
    actor was named before ("the United Nations ... our Organization"); else no mention."""
    memory: dict[str, MentionCandidate] = doc._.named_bodies if doc._.named_bodies is not None \
        else {}
    taken = {i for c in chosen for i in range(c.start, c.end)}
    bodies = sorted((c for c in chosen if c.label == "ORG" and c.actor), key=lambda c: c.start)
    found: list[MentionCandidate] = []
    named = 0  # bodies[:named] are in `memory` (chosen spans do not overlap)
    for token in doc:
        while named < len(bodies) and bodies[named].end <= token.i:
            memory[doc[bodies[named].start:bodies[named].end].root.text] = bodies[named]
            named += 1
        if token.text not in heads or token.i in taken or token.i == 0 or \
                doc[token.i - 1].lower_ not in {"the", "this", "our"}:
            continue
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.text[:1].isupper()):
            continue  # "the Council of Europe": a name of its own
        body = memory.get(token.text)
        otherwise = heads[token.text]
        if body is not None:
            found.append(MentionCandidate(token.i, token.i + 1, body.label, body.actor,
                                          body.agent, body.kind, "short name"))
        elif otherwise and any(b.actor == otherwise for b in memory.values()):
            found.append(MentionCandidate(token.i, token.i + 1, "ORG", otherwise,
                                          token.text, "body", "short name"))
    for body in bodies[named:]:
        memory[doc[body.start:body.end].root.text] = body
    return sorted(chosen + found, key=lambda c: c.start)


def not_directions(chosen: list[MentionCandidate]) -> list[MentionCandidate]:
    """Drop a one-word "West"/"Western" right before another name: "Western Cambodia" is a
    part of Cambodia, not the West."""
    starts = {c.start for c in chosen}
    return [c for c in chosen
            if not (c.actor == "WEST" and c.end - c.start == 1 and c.end in starts)]


def venue_or_actor(doc: Doc, cand: MentionCandidate) -> MentionCandidate:
    """A capital after a place preposition is a venue (LOC), not the government."""
    if cand.kind != "capital":
        return cand
    head = doc[cand.end - 1]
    if head.dep_ == "pobj" and head.head.lower_ in VENUE_PREPOSITIONS:
        return MentionCandidate(cand.start, cand.end, "LOC", "", None, "place", cand.source,
                                located_in=cand.located_in)
    return cand


class ActorTagger:
    """spaCy component: gazetteer + compound adjectives + NER -> `doc.spans["actors"]`."""

    def __init__(self, nlp: Language, gazetteer_dir: str | None = None) -> None:
        self.gaz = load_gazetteer(gazetteer_dir)
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        single, multi = [], []
        for surface in self.gaz.entries:
            pattern = nlp.make_doc(surface)
            (multi if len(pattern) > 1 and not surface.isupper() else single).append(pattern)
        self.exact.add("G", single)
        self.lower.add("G", multi)
        self.by_lower = {s.lower(): found[0] for s, found in self.gaz.entries.items()}

    def entry_for(self, span: Span, year: int | None) -> Entry | None:
        return self.gaz.lookup(span.text, year) or self.by_lower.get(span.text.lower())

    def __call__(self, doc: Doc) -> Doc:
        year = doc._.year
        candidates = compound_candidates(doc, self.gaz)
        for matcher in (self.exact, self.lower):
            for _, start, end in matcher(doc):
                span = doc[start:end]
                entry = self.entry_for(span, year)
                if entry is None:
                    continue
                if entry.kind == "capital" and end < len(doc) and \
                        doc[end].lemma_.lower() in DOCUMENT_NOUNS:
                    continue  # "Paris Agreement", "Minsk agreements": a name, not an actor
                candidates.append(MentionCandidate(start, end, entry.label, entry.actor,
                                                   entry.agent, entry.kind, "gazetteer",
                                                   entry.fallback, entry.located_in))
        chosen = not_directions(choose(candidates, doc))
        chosen = [venue_or_actor(doc, c) for c in chosen]
        taken = {i for c in chosen for i in range(c.start, c.end)}
        chosen = choose(chosen + ner_candidates(doc, taken, chosen, self.gaz.not_places), doc)
        chosen = attach_bodies(doc, chosen)
        chosen = short_names(doc, chosen, self.gaz.short_heads)
        chosen = hyphen_chains(doc, chosen)
        spans = []
        for cand in chosen:
            span = Span(doc, cand.start, cand.end, label=cand.label, kb_id=cand.actor)
            if cand.label in BODY_LABELS or cand.label == "PERSON":
                span._.agent = cand.agent or span.text
            if cand.label == "LOC" and cand.located_in:
                span._.located_in = cand.located_in
            spans.append(span)
        doc.spans["actors"] = spans
        doc.user_data["actor_tokens"] = {i for s in spans if s.label_ != "LOC"
                                         for i in range(s.start, s.end)}
        return doc


@Language.factory("actor_tagger", default_config={"gazetteer_dir": None})
def make_actor_tagger(nlp: Language, name: str, gazetteer_dir: str | None) -> ActorTagger:
    return ActorTagger(nlp, gazetteer_dir)


# ---------------------------------------------------------------- references
CLAUSE_LINKS = frozenset({"conj", "advcl", "ccomp", "xcomp", "relcl", "acl", "parataxis"})
FIRST_PERSON = frozenset({"i", "we", "us", "our", "ours", "my", "me", "myself", "ourselves"})
PAIR_WORDS = frozenset({"they", "them", "their", "both", "two", "each", "neither", "either"})
SINGULAR = frozenset({"it", "its", "itself"})
PERSONAL = frozenset({"he", "his", "him", "she", "her", "hers"})
FIRST_PERSON_NOUNS = frozenset({"country", "nation", "government", "people", "state"})
COPULAS = frozenset({"be", "seem", "appear", "remain", "become"})


def actor_codes(span: Span) -> list[str]:
    return span.kb_id_.split(",") if span.kb_id_ else []


def resolve_reference(token: Token, sentence_spans: list[Span], previous_spans: list[Span],
                      speaker: str | None, descriptions: dict[str, str] | None = None
                      ) -> list[str]:
    """Codes a pronoun or description refers to, when the antecedent is clear; else [].

    `descriptions` maps nouns such as "group" or "country" to the label of the actor that
    "the group", "this country" stands for: the last one of that label named before it.
    """
    word = token.lower_
    if word in FIRST_PERSON:
        return [speaker] if speaker else []
    if word in FIRST_PERSON_NOUNS and speaker:
        if any(c.lower_ in {"my", "our"} for c in token.children):
            return [speaker]
    before = [s for s in sentence_spans if s.end <= token.i and s.label_ != "LOC"]
    label = (descriptions or {}).get(word)
    if label and token.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
        for spans in (before, previous_spans):
            named = [s for s in spans if s.label_ == label and "," not in s.kb_id_
                     and not co_argument(s, token)]
            if named:
                return actor_codes(named[-1])
        return []
    if word == "they":
        reporters = reporting_subject(token, before)
        if reporters:  # "Palestinian leaders said they would boycott ...": the leaders
            return reporters
    if word in {"their", "its"} and token.dep_ == "poss":
        owners = clause_subject(token, before)
        if owners:  # "Moroccan diplomats held their first meeting with ...": the diplomats
            return owners
    if word in PERSONAL:
        for spans in (before, previous_spans):
            people = [s for s in spans if s.label_ == "PERSON"]
            if people:
                return actor_codes(people[-1])[:1]
        return []
    if word in SINGULAR:
        if expletive(token):
            return []
        for spans in (before, previous_spans):
            states = [s for s in spans if s.label_ == "STATE" and "," not in s.kb_id_]
            if states:
                return [salient(states)]
        return []
    pair_np = word in PAIR_WORDS or word == "bilateral" or (
        word in {"countries", "states", "sides", "nations", "governments"}
        and any(c.lower_ in {"two", "both"} for c in token.children)
    )
    if not pair_np or (word in {"each", "either"} and token.dep_ != "nsubj"):
        return []
    for spans in (before, previous_spans):
        pair = salient_pair(spans)
        if pair:
            return pair
        groups = [s for s in spans if s.label_ == "GROUP"]
        if groups and word in {"they", "them", "their"}:  # "the Taliban ... their cease-fire"
            return actor_codes(groups[-1])
    if word == "bilateral":  # "when Medvedev visited, bilateral relations were considered in
        # Japan to have plunged": the sentence's only two states, named after the word
        states = code_counts([s for s in sentence_spans if s.label_ in {"STATE", "PERSON"}])
        if len(states) == 2:
            return list(states)
    return []


def clause_subject(token: Token, spans: list[Span]) -> list[str]:
    """Codes a possessive pronoun is bound to in its clause: the subject of the verb whose
    direct object it possesses ("the ILO reiterated its demand": the ILO), or the verb's
    object when it possesses a prepositional object ("Japan criticized China for its
    actions": China)."""
    owned = token.head
    if owned.dep_ == "pobj" and owned.head.dep_ == "prep" and owned.head.head.pos_ == "VERB":
        # "Japan criticized China for its actions", "thanked Kenya for its leadership"
        verb = owned.head.head
        return codes_in([c for c in verb.children if c.dep_ == "dobj" and c.i < token.i], spans)
    if owned.dep_ != "dobj" or owned.head.pos_ not in {"VERB", "AUX"}:
        return []
    verb = owned.head
    return codes_in([c for c in verb.children if c.dep_ == "nsubj" and c.i < token.i], spans)


def codes_in(phrases: list[Token], spans: list[Span]) -> list[str]:
    """Codes of the mentions inside the phrases headed by these words."""
    codes: list[str] = []
    for head in phrases:
        for span in spans:
            if head.left_edge.i <= span.start and span.end <= head.right_edge.i + 1:
                codes += [c for c in actor_codes(span) if c not in codes]
    return codes


def reporting_subject(token: Token, spans: list[Span]) -> list[str]:
    """Codes named in the subject of the verb whose complement clause the word is the
    subject of ("Turkish and Greek officials said they ...": TUR, GRC)."""
    clause = token.head
    if token.dep_ not in {"nsubj", "nsubjpass"} or clause.dep_ != "ccomp" or \
            clause.head is clause:
        return []
    return codes_in([c for c in clause.head.children if c.dep_ == "nsubj" and c.i < token.i],
                    spans)


def co_argument(span: Span, token: Token, hops: int = 2) -> bool:
    """Whether a mention and a word are arguments of one predicate: their nearest common
    head lies within `hops` of both ("Chile criticized the country": the country is not
    Chile; "the withdrawal of U.S. troops from the country": not the US)."""
    if span.doc is not token.doc:
        return False

    def heads(t: Token) -> list[int]:  # up to the clause's own verb, not past it
        chain = [t.i]
        while t.head is not t and len(chain) <= hops and not (
                t.pos_ in {"VERB", "AUX"} and t.dep_ in CLAUSE_LINKS):
            t = t.head
            chain.append(t.i)
        return chain

    root = span.root  # a modifier stands for its phrase: "U.S." in "U.S. troops"
    phrase = root.head if root.dep_ in {"compound", "amod", "poss", "nmod"} else root
    mine, theirs = heads(token), heads(phrase)
    return any(i in theirs for i in mine[1:]) and root.i not in mine


def expletive(token: Token) -> bool:
    """An "it" that stands for no actor: "it is paradoxical that ...", "it seems that"."""
    if token.dep_ == "expl":
        return True
    head = token.head
    return token.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ in COPULAS and any(
        c.dep_ in {"ccomp", "csubj", "xcomp"} and c.i > token.i for c in head.children)


def salient(spans: list[Span]) -> str:
    """The antecedent a reader prefers: a grammatical subject, else the most named, else first."""
    subjects = [s for s in spans if s.root.dep_ in {"nsubj", "nsubjpass"}]
    if subjects:
        return actor_codes(subjects[0])[0]
    counts = code_counts(spans)
    return max(counts, key=lambda c: counts[c])  # ties: first named (dicts keep order)


def salient_pair(spans: list[Span]) -> list[str]:
    """The two actors "the two" or "they" most likely mean: a compound, else the most named."""
    for span in spans:
        if len(actor_codes(span)) == 2:
            return actor_codes(span)
    counts = code_counts(spans)
    if len(counts) < 2:
        return []
    ranked = sorted(counts, key=lambda c: -counts[c])  # stable: ties keep first-named order
    return ranked[:2]


def code_counts(spans: list[Span]) -> dict[str, int]:
    """How often each actor code is named, in order of first mention."""
    counts: dict[str, int] = {}
    for span in spans:
        for code in actor_codes(span):
            counts[code] = counts.get(code, 0) + 1
    return counts
