"""Who acts on whom: the actors of a sentence and the parse paths from a trigger word to
its subject and object actors.

`sentence_actors` indexes a sentence's actor mentions and resolved references ("we", "the
two", "the group") by token. The functions below climb the dependency parse from a
trigger: `verb_subject` and `noun_subject` through control, coordination, clauses and
possessives; `verb_objects`, `noun_objects` and `object_phrase` through objects,
prepositions, participles and a passive's patient. The claims stage (`claims.py`) types
the trigger and reads the attributes; this module only finds the actors.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from .entities import actor_codes, resolve_reference
from .model import UNARY_TYPES

CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis",
                         "pcomp"})
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_PREPS = frozenset({"with", "toward", "towards", "against", "to", "on", "into", "over",
                          "about", "at", "from", "between", "among", "of", "for", "by",
                          "regarding", "concerning", "vis-à-vis", "like", "under"})
NOUN_OBJECT_PREPS = OBJECT_PREPS - {"by", "at", "from"}
ADDRESSEE_PREPS = frozenset({"on", "upon"})  # "called on Iran to release ..."
PURPOSE_PASSIVES = frozenset({"aim", "design", "intend", "direct", "mean"})
SCENE_PREPS = frozenset({"after", "before", "since", "during", "following", "until", "amid",
                         "despite", "throughout", "prior"})  # time or setting, not a role
NO_CLIMB = 4  # hops value at which noun_subject looks no further than the noun itself
OBJECT_CONTROL = frozenset({"drive", "push", "force", "compel", "urge", "encourage",
                            "prompt", "press", "induce", "persuade", "invite", "lead"})
DEONTIC = frozenset({"must", "should", "shall", "ought"})


@dataclass
class ActorRef:
    """An actor in a sentence: a tagged mention or a resolved reference."""

    start: int  # token indices in the spaCy doc
    end: int
    root: int
    codes: list[str]
    agent: str | None
    label: str
    sector: str | None = None  # domestic role ("REB", "GOV") from models/lexicon/domestic_agents


def distinct_agents(a: ActorRef, b: ActorRef) -> bool:
    """Two refs of one state that act as different actors: police vs demonstrators, or the
    state vs its president. A resolved pronoun is never a second actor."""
    return a is not b and bool(a.sector or b.sector) and a.sector != b.sector and \
        "REF" not in (a.label, b.label)


class SentenceActors:
    """Index of the actors of one sentence by token."""

    def __init__(self, refs: list[ActorRef], places: list[ActorRef] | None = None) -> None:
        self.refs = refs
        self.by_token = {i: ref for ref in refs for i in range(ref.start, ref.end)}
        # places that lie in a state ("Aleppo", "Kabul" as a venue): targets of force only
        self.place_by_token = {i: p for p in places or [] for i in range(p.start, p.end)}

    def add(self, ref: ActorRef) -> None:
        self.refs.append(ref)
        self.by_token.update({i: ref for i in range(ref.start, ref.end)})

    def place_at(self, token: Token) -> ActorRef | None:
        return self.place_by_token.get(token.i)

    def at(self, token: Token) -> ActorRef | None:
        return self.by_token.get(token.i)


def sentence_actors(sent: Span, spans: list[Span], previous: list[Span],
                    speaker: str | None, domestic: dict[str, str] | None = None,
                    states: set[str] | None = None,
                    descriptions: dict[str, str] | None = None) -> SentenceActors:
    """Tagged mentions (`spans`, those of this sentence) plus resolved pronouns and
    descriptions of one sentence, and its unnamed domestic actors (see `domestic_refs`)."""
    domestic = domestic or {}
    refs = [ActorRef(s.start, s.end, s.root.i, actor_codes(s), s._.agent, s.label_,
                     mention_sector(s, domestic)) for s in spans if s.label_ != "LOC" and s.kb_id_]
    covered = {i for r in refs for i in range(r.start, r.end)}
    for token in sent:
        if token.i in covered or token.pos_ not in {"PRON", "NUM", "DET", "NOUN"} and \
                token.lower_ != "bilateral":  # "bilateral relations": the pair named before
            continue
        codes = resolve_reference(token, spans, previous, speaker, descriptions)
        if codes:
            refs.append(ActorRef(token.i, token.i + 1, token.i, codes, None, "REF"))
    places = [ActorRef(s.start, s.end, s.root.i, [s._.located_in], None, "PLACE")
              for s in spans if s.label_ == "LOC" and s._.located_in]
    if domestic and states:
        refs += domestic_refs(sent, refs, domestic, states, places)
    return SentenceActors(refs, places)


def sector_word(token: Token, domestic: dict[str, str]) -> str | None:
    return domestic.get(token.lower_) or domestic.get(token.lemma_.lower())


def mention_sector(span: Span, domestic: dict[str, str]) -> str | None:
    """The domestic role of a mention: a person governs; "Egyptian police" is police."""
    if span.label_ == "PERSON":
        return "GOV"
    if span.label_ != "STATE" or span.root.dep_ not in {"amod", "compound", "poss"}:
        return None
    head = span.root.head
    words = [head, *(c for c in head.children if c.dep_ == "compound")]
    return next((sec for t in words if (sec := sector_word(t, domestic))), None)


def domestic_refs(sent: Span, refs: list[ActorRef], domestic: dict[str, str],
                  states: set[str], places: list[ActorRef] | None = None) -> list[ActorRef]:
    """Unnamed domestic actors ("the rebels", "demonstrators", "President Mugabe" when not
    in the gazetteer) of the state that their phrase names ("security forces in Guinea",
    "rebels in Aleppo"), else of the one state the sentence names (or, naming none, the one
    its places lie in); none if it names several."""
    places = places or []
    named = {c for r in refs for c in r.codes if c in states}
    if not named and not places:
        return []
    named = named or {c for p in places for c in p.codes}  # "Rebels in Aleppo shelled ..."
    only = next(iter(named)) if len(named) == 1 else None
    owners = {i: r.codes[0] for r in refs + places if len(r.codes) == 1 and
              r.codes[0] in states for i in range(r.start, r.end)}
    covered = {i for r in refs for i in range(r.start, r.end)}
    found = []
    for token in sent:
        sector = sector_word(token, domestic) if token.pos_ in {"NOUN", "PROPN"} else None
        if sector is None or token.i in covered:
            continue
        root = token
        if token.dep_ == "compound":  # "President Mugabe", "opposition groups": the head
            if token.head.pos_ not in {"NOUN", "PROPN"} or token.head.i in covered:
                continue
            root = token.head
        if any(c.i in covered for c in root.children if c.dep_ in {"amod", "compound", "poss"}):
            continue  # "Egyptian police": the state mention already stands for it
        code = next((owners[g.i] for p in root.children if p.dep_ == "prep" and
                     p.lower_ in {"in", "of"} for g in p.children
                     if g.dep_ == "pobj" and g.i in owners), only)
        if code is None:
            continue
        words = sent.doc[token.i:root.i + 1].text
        found.append(ActorRef(token.i, root.i + 1, root.i, [code], words, "DOMESTIC", sector))
        covered.update(range(token.i, root.i + 1))
    return found


def collect(token: Token, actors: SentenceActors, through_preps: frozenset[str],
            depth: int = 0) -> list[ActorRef]:
    """Actors in a noun phrase: the head, its modifiers, conjuncts and allowed preps."""
    if depth > 6:
        return []
    found = []
    ref = actors.at(token)
    if ref is not None:
        found.append(ref)
    for child in token.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and through_preps:
            # "crimes committed by Croat forces": the participle's agent is in the phrase
            found.extend(r for agent in child.children if agent.dep_ == "agent"
                         for p in agent.children
                         for r in collect(p, actors, frozenset(), depth + 1))
        if child.dep_ in CLAUSE_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ not in through_preps:
            continue
        found.extend(collect(child, actors, through_preps, depth + 1))
    unique: list[ActorRef] = []
    for ref in found:
        if ref not in unique:
            unique.append(ref)
    return unique


def verb_subject(verb: Token, actors: SentenceActors, hops: int = 0) -> list[ActorRef]:
    """Subject actors of a verb, climbing through control, coordination and clauses."""
    acted_on = patients(verb, actors)
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child not in acted_on:
            return collect(child, actors, frozenset({"of"}))
        if child.dep_ == "nsubjpass" and verb.lemma_ in PURPOSE_PASSIVES:
            # "Washington's pivot is aimed at containing China": the pivot's owner aims
            return noun_subject(child, actors, hops + 1) or collect(child, actors, frozenset())
        if child.dep_ == "agent":
            for pobj in child.children:
                return collect(pobj, actors, frozenset({"of"}))
    if hops >= 3:
        return []
    head = verb.head
    if head is not verb and (verb.dep_ == "xcomp" or verb.dep_ == "advcl" and
                             head.lemma_ in OBJECT_CONTROL and
                             any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
        # object control: "driving the Russian side to seek", "urged Japan to join" (the
        # parser may hang the infinitive on a causative verb as a clause of purpose)
        for child in head.children:
            addressees = [p for p in child.children if p.dep_ == "pobj"] \
                if child.dep_ == "prep" and child.lower_ in ADDRESSEE_PREPS else []
            for controller_word in ([child] if child.dep_ == "dobj" else addressees):
                controller = collect(controller_word, actors, frozenset({"of"}))
                if controller:
                    return controller
    if verb.dep_ == "pcomp" and head.pos_ == "ADP":
        head = head.head  # "aimed at containing": the verb that the preposition hangs on
        for child in head.children:  # "accused the Taliban of plotting": the one accused
            if child.dep_ == "dobj" and head.pos_ == "VERB":
                controller = collect(child, actors, frozenset({"of"}))
                if controller:
                    return controller
    if verb.dep_ in {"xcomp", "conj", "advcl", "pcomp", "ccomp"} and head is not verb:
        if head.pos_ in {"VERB", "AUX"}:
            return verb_subject(head, actors, hops + 1)
        return noun_subject(head, actors, hops + 1)
    if verb.dep_ in {"relcl", "acl"} and head is not verb:
        found = collect(head, actors, frozenset({"of"}))
        if not found and verb.dep_ == "acl" and verb.tag_ == "VBG" and head.dep_ == "dobj":
            # "the PKK issued a declaration demanding ...": the issuer demands
            return noun_subject(head, actors, hops + 1)
        return found
    return []


def noun_subject(noun: Token, actors: SentenceActors, hops: int = 0,
                 type_: str | None = None) -> list[ActorRef]:
    """Subject of a nominal predicate: possessor, adjective, "of X", or the light verb's.

    "of X" is the subject only of intransitive (unary-type) nominals ("the withdrawal of US
    troops"); of others it is the object ("the invasion of Ukraine").
    """
    own = actors.at(noun)
    for child in noun.children:
        if child.dep_ == "poss":
            return collect(child, actors, frozenset())
    if type_ in UNARY_TYPES:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                found = [r for p in child.children for r in collect(p, actors, frozenset({"of"}))]
                if found:
                    return found
    for child in noun.children:
        if child.dep_ in {"amod", "compound", "nmod"}:
            ref = actors.at(child)
            if ref is not None and ref is not own:
                return [ref]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return [r for p in child.children for r in collect(p, actors, frozenset())]
    for clause in participles(noun):  # "the sanctions imposed by the United States"
        for agent in clause.children:
            if agent.dep_ == "agent":
                found = [r for p in agent.children for r in collect(p, actors, frozenset())]
                if found:
                    return found
    preps = {c.lower_: c for c in noun.children if c.dep_ == "prep"}
    if "of" in preps and preps.keys() & {"to", "with"}:
        # "the visit of the US speaker to Taiwan": "of" names the one who acts
        found = [r for p in preps["of"].children if p.dep_ == "pobj"
                 for r in collect(p, actors, frozenset({"of"}))]
        if found:
            return found
    if hops >= NO_CLIMB:
        return []
    head = noun.head
    if head is noun:
        return []
    if noun.dep_ in {"dobj", "attr", "oprd", "nsubjpass", "acomp"} and \
            head.pos_ in {"VERB", "AUX"}:  # "Japan is wary of China": acomp of "is"
        return verb_subject(head, actors, hops + 1)
    if noun.dep_ == "pobj" and head.lower_ in SCENE_PREPS and not any(
            c.dep_ == "prep" and c.lower_ == "with" for c in noun.children):
        # "Japan imposed sanctions after the annexation of Crimea": not Japan's; but
        # "retook the village after fierce fighting with guerrillas": the subject fought
        return []
    if noun.dep_ in {"pobj", "conj", "appos", "compound"}:
        up = head.head if noun.dep_ == "pobj" else head
        if up.pos_ in {"VERB", "AUX"}:
            return verb_subject(up, actors, hops + 1)
        if up.pos_ in {"NOUN", "PROPN", "NUM"}:  # NUM: "pledged $5 million in aid"
            return noun_subject(up, actors, hops + 1)
    return []


def patients(verb: Token, actors: SentenceActors) -> list[Token]:
    """The words a passive verb with a "by" agent that names an actor acts on: its subject,
    marked nsubjpass or not ("towns wiped out by Russian artillery"), or, for a participle
    after "remain" or "be", that verb's subject ("parts of Moldova remain occupied by
    Russia")."""
    if not any(collect(p, actors, frozenset()) for c in verb.children if c.dep_ == "agent"
               for p in c.children):
        return []  # "shortened by one hour"
    found = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not found and verb.dep_ in {"acomp", "oprd", "xcomp"} and verb.tag_ == "VBN":
        found = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return found


def verb_objects(verb: Token, actors: SentenceActors) -> list[ActorRef]:
    """Objects, datives, prepositional objects, the subject of a complement clause
    ("demanded that the DPRK forsake ...", "urged Japan to ...") and a passive's patient."""
    found: list[ActorRef] = [r for p in patients(verb, actors) for r in object_phrase(p, actors)]
    for child in verb.children:
        if child.dep_ == "ccomp" and (any(c.dep_ == "mark" for c in child.children) or
                                      is_deontic(child)):
            for grand in child.children:
                if grand.dep_ in {"nsubj", "nsubjpass"}:
                    found += collect(grand, actors, frozenset({"of"}))
        if child.dep_ in {"dobj", "dative", "nsubjpass", "attr", "oprd"}:
            found += object_phrase(child, actors)
        elif child.dep_ == "prep":
            found += prep_objects(child, actors, OBJECT_PREPS)
        elif child.dep_ == "prt":  # "kidnapped up to 16 Russian advisers": "to" hangs on "up"
            found += [r for p in child.children if p.dep_ == "prep"
                      for r in prep_objects(p, actors, OBJECT_PREPS)]
        elif child.dep_ == "xcomp":
            for grand in child.children:
                if grand.dep_ == "dobj":
                    found += collect(grand, actors, OBJECT_PREPS)
                elif grand.dep_ == "prep":
                    found += prep_objects(grand, actors, OBJECT_PREPS)
    return found


def object_phrase(noun: Token, actors: SentenceActors) -> list[ActorRef]:
    """Actors of an object phrase; a named possessor or "by" agent stands for it alone
    ("condemn Russia's aggression against Ukraine": Russia; "against Ukraine" is the
    aggression's own; "the invasion of Iraq by the United States": the United States)."""
    owners = [r for c in noun.children if c.dep_ == "poss" for r in collect(c, actors, frozenset())
              if r.label != "REF"]  # "reopened its border with Eritrea": its adds no one
    agents = [r for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
              for p in c.children for r in collect(p, actors, frozenset())]
    if owners or agents:
        return owners or agents
    return [r for r in collect(noun, actors, OBJECT_PREPS)  # "modernized their forces": no one
            if not (r.label == "REF" and noun.doc[r.root].dep_ == "poss" and
                    noun.doc[r.root].head == noun)]


def prep_objects(prep: Token, actors: SentenceActors, allowed: frozenset[str]
                 ) -> list[ActorRef]:
    """Actors in the object of a preposition, if the preposition is one of `allowed`."""
    if prep.lower_ not in allowed:
        return []
    return [r for p in prep.children if p.dep_ == "pobj"
            for r in collect(p, actors, OBJECT_PREPS)]


def participles(noun: Token) -> list[Token]:
    """Past participles modifying a noun: "the sanctions imposed by X on Y"."""
    return [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]


def own_clauses(noun: Token, actors: SentenceActors) -> list[Token]:
    """Relative clauses of a noun whose subject is an actor, not the relative pronoun: "the
    war that Russia wages", "the aggression Russia launched"."""
    return [c for c in noun.children if c.dep_ == "relcl" and c.pos_ in {"VERB", "NOUN"}
            and any(s.dep_ == "nsubj" and actors.at(s) is not None for s in c.children)
            and not any(p.dep_ == "prep" and any(  # "relations with X, with which Y ..."
                w.lower_ in {"which", "whom"} for w in p.children) for p in c.children)]


def noun_objects(noun: Token, actors: SentenceActors) -> list[ActorRef]:
    """Prepositional objects of a noun or of its participle ("the sanctions imposed on
    Syria"), and the subject of its "that" clause ("its demand that Israel ease ...")."""
    found = [r for child in noun.children if child.dep_ == "prep"
             for r in prep_objects(child, actors, NOUN_OBJECT_PREPS)]
    found += [r for clause in participles(noun) for child in clause.children
              if child.dep_ == "prep" for r in prep_objects(child, actors, NOUN_OBJECT_PREPS)]
    for clause in noun.children:
        if clause.dep_ in {"acl", "ccomp"} and any(
                c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            found += [r for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}
                      for r in collect(c, actors, frozenset({"of"}))]
    return found


def governors(token: Token, deps: frozenset[str], hops: int) -> Iterator[tuple[str, Token]]:
    """The words above a token, nearest first, as long as each link is one of `deps`:
    (the dependency by which the word below hangs on it, the word)."""
    node = token
    for _ in range(hops):
        if node.dep_ not in deps or node.head is node:
            return
        yield node.dep_, node.head
        node = node.head


def companions(token: Token) -> list[Token]:
    """The partners of "together with X", "jointly with X", "alongside X"."""
    if token.dep_ != "prep" or not (token.lower_ == "alongside" or (
            token.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ in
                                           {"together", "jointly"} for c in token.children))):
        return []
    return [p for p in token.children if p.dep_ == "pobj"]


def clause_actor(word: Token, actors: SentenceActors) -> list[ActorRef]:
    """The subject of the clause a modifier hangs on ("X, together with Y, will act"; an
    appositive's or adverbial's own noun when it modifies one)."""
    head = word.head
    if head.pos_ in {"VERB", "AUX"}:
        return verb_subject(head, actors)
    return collect(head, actors, frozenset({"of"})) or noun_subject(head, actors)


def leaders(verb: Token, actors: SentenceActors) -> list[ActorRef]:
    """Actors that lead the clause's subject in the act: "Led by Washington, the NATO
    countries are building up ...": Washington builds up too."""
    clause = verb
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return [r for c in clause.children if c.dep_ == "advcl" and c.lemma_ == "lead"
            and c.tag_ == "VBN" for a in c.children if a.dep_ == "agent"
            for p in a.children for r in collect(p, actors, frozenset())]


def light_verb(noun: Token) -> Token | None:
    """The verb a nominal trigger is the object of, also through a quantity ("gave a loan",
    "pledged $5 million in aid", "sent 500 tons of food aid")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "of"}:
        quantity = noun.head.head
        if quantity.dep_ == "dobj" and quantity.pos_ in {"NUM", "NOUN"}:
            noun = quantity
    if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ in {"in", "at", "with"} and \
            noun.head.head.pos_ == "VERB":
        return noun.head.head  # "stand in solidarity with", "at war with", "views X with suspicion"
    return None


def act_heads(token: Token) -> list[Token]:
    """The trigger, and the verb whose object it is ("imposed a curfew", "opened fire")."""
    return [token] + ([token.head] if token.dep_ == "dobj" else [])


def purpose_objects(token: Token, actors: SentenceActors) -> list[ActorRef]:
    """Objects of the purpose clause of an act or of its light verb ("opened fire to
    disperse the demonstrators"), or of its participle clause ("intensified attacks,
    inflicting heavy casualties on Afghan forces")."""
    return [r for head in act_heads(token) for clause in head.children
            if clause.dep_ in {"advcl", "xcomp"} and clause.pos_ == "VERB" and (
                clause.tag_ == "VBG" or
                any(a.dep_ == "aux" and a.lower_ == "to" for a in clause.children))
            for r in verb_objects(clause, actors)]


def place_objects(token: Token, actors: SentenceActors) -> list[ActorRef]:
    """States named as the place of an act, or as the place it strikes: "in X" on the
    trigger or on the light verb whose object it is ("imposed a curfew in the town of Cizre
    in Turkey"), places in its objects that lie in a state ("shelled Kharkiv": UKR) and
    states its objects lie in ("fired at targets in Lebanon")."""
    phrases = [p for head in act_heads(token) for prep in head.children
               if prep.dep_ == "prep" and prep.lower_ in {"in", "inside"}
               for p in prep.children if p.dep_ == "pobj"]
    found = [r for p in phrases for r in collect(p, actors, frozenset({"in", "of"}))]
    found += [r for p in patients(token, actors)  # "towns in Ukraine wiped out by ...": UKR
              for r in collect(p, actors, frozenset({"in", "of"})) if r not in found]
    phrases += [c for c in token.children if c.dep_ == "dobj"] + patients(token, actors)
    phrases += [p for prep in token.children if prep.dep_ == "prep" and
                prep.lower_ in OBJECT_PREPS for p in prep.children if p.dep_ == "pobj"]
    for phrase in phrases:
        found += [place for t in phrase.subtree if (place := actors.place_at(t)) is not None
                  and place not in found]
        found += [r for t in phrase.subtree if t.dep_ == "prep" and t.lower_ in {"in", "inside"}
                  for p in t.children if p.dep_ == "pobj"  # "fired at targets in Lebanon"
                  if (r := actors.at(p)) is not None and r.label == "STATE" and r not in found]
    return found


def is_deontic(clause: Token) -> bool:
    """A clause with must/should/shall/ought: "... that Sudan must return the helicopter"."""
    return any(a.dep_ == "aux" and a.lower_ in DEONTIC for a in clause.children)


def unique_codes(refs: list[ActorRef]) -> list[str]:
    codes: list[str] = []
    for ref in refs:
        for code in ref.codes:
            if code not in codes:
                codes.append(code)
    return codes
