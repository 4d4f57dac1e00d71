"""Stage 3, claims: candidates from the dependency parse, typed by lexicon (and classifier).

A *trigger* is a verb, noun or adjective whose lemma is in `models/lexicon/predicates.tsv`
("seek", "concern", "relations"). For each trigger the parse gives its subject and object
actors (`roles.py`: subjects, objects and prepositional objects of verbs; possessives,
adjectives and prepositional phrases of nouns; control, relative clauses, coordination and
passives); this module types the trigger, reframes the constructions that change who acts
("X's advance alarmed Y", "demand the lifting of sanctions on X") and reads negation,
modality, source, topic, stance and time. Each (subject, type, object) becomes a
`Candidate`; the optional classifier then rejects candidates or adds pairs the rules
missed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Span, Token

from .dates import find_times, is_deadline, plausible, relative_time
from .entities import COPULAS
from .lexicon import Lexicon
from .model import DEFAULT_STANCE, SYMMETRIC_TYPES, UNARY_TYPES
from .roles import (
    ADDRESSEE_PREPS,
    NO_CLIMB,
    NOUN_OBJECT_PREPS,
    OBJECT_PREPS,
    SUBJECT_DEPS,
    ActorRef,
    SentenceActors,
    clause_actor,
    collect,
    companions,
    distinct_agents,
    governors,
    is_deontic,
    leaders,
    light_verb,
    noun_objects,
    noun_subject,
    object_phrase,
    own_clauses,
    participles,
    place_objects,
    prep_objects,
    purpose_objects,
    unique_codes,
    verb_objects,
    verb_subject,
)

CLIMB_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "xcomp", "conj", "appos", "acomp",
                        "oprd", "pcomp", "nsubjpass", "compound"})
SEEK_CLIMB_DEPS = CLIMB_DEPS | {"acl"}
CHAIN_DEPS = CLIMB_DEPS | {"advcl", "ccomp", "relcl", "acl"}
SEEK_DIRECT = frozenset({"seek", "court", "approach", "invite", "urge", "ask", "request",
                         "appeal", "offer", "propose", "call"})
RECIPROCAL = frozenset({"each", "another"})  # "each other", "one another"
COOPERATIVE_NOMINALS = frozenset({"SEEK_COOPERATION", "COOPERATE", "AGREE", "SUPPORT",
                                  "RELATIONS"})  # "we support dialogue with X": our dialogue
YIELDING = frozenset({"accept", "meet", "satisfy", "grant", "heed"})  # + a demand: CONCEDE
DEMANDS = frozenset({"demand", "condition", "ultimatum"})
THREATS = frozenset({"threaten", "threat", "prepare", "preparation"})  # see `threatened`
COMMISSIVES = frozenset({"threaten", "vow", "pledge", "promise", "plan", "prepare"})
LIGHT_VERB_PREPS = frozenset({"to", "with", "against"})  # "gave aid to", "stand in solidarity with"
CORE_NOUNS = frozenset({"core", "centre", "center", "heart"})  # "with the UN at its core"
MEETINGS = frozenset({"summit", "meeting", "conference", "session", "forum"})  # at X's summit
PERMISSIONS = frozenset({"allow", "permit"})  # CONCEDE only toward an actor allowed to act
AGGRESSOR_NOUNS = frozenset({"aggressor", "occupier", "invader"})  # see name_aggressors
WAR_NOUNS = frozenset({"war", "aggression", "invasion", "occupation", "annexation",
                       "hostilities"})  # see the_conflict
AIMED_PREPS = frozenset({"against", "toward", "towards", "at"})  # a drill aimed at its target
NAMED_RELATIONS = frozenset({"relation", "relationship", "connection"})  # see stated_relation
CIVIL_TOO = frozenset({"modernize", "modernization"})  # military only in a military phrase
FORCE_TOPICS = frozenset({"MILITARY", "ARMS", "NUCLEAR", "MARITIME", "SECURITY"})
HELP_TYPES = frozenset({"SUPPORT", "COOPERATE"})  # "with the support/assistance of X"
TARGETED_IN_PLACE = frozenset({"OPPOSE", "ATTACK"})  # see `place_objects`
REVERSIBLE = frozenset({"COOPERATE", "AGREE", "SUPPORT", "RELATIONS"})  # see `reversed_by`
COMMITMENTS = frozenset({"offer", "promise", "pledge"})  # + "to <verb>": a proposal
URL = re.compile(r"(?:https?://|www\.)\S+")
NEGATING_WORDS = frozenset({"fail", "refuse", "decline", "lack", "cease",  # governing words
                            "reluctant", "unwilling", "hesitant", "cautious", "deny"})
MODAL_AUX = {"may": "hedged", "might": "hedged", "could": "hedged", "will": "predicted",
             "shall": "predicted", "'ll": "predicted", "would": "hedged", "should": "normative",
             "must": "normative", "ought": "normative"}
GOVERNING_MODALITY = {"seem": "hedged", "appear": "hedged", "need": "normative",
                      "expect": "predicted", "aim": "predicted", "plan": "predicted",
                      "intend": "predicted"}
TOPIC_PRIORITY = ("ARCTIC", "NUCLEAR", "INTELLIGENCE", "ARMS", "ENERGY", "MARITIME",
                  "TERRITORY", "SECURITY", "MILITARY", "ECONOMY", "DIPLOMACY", "OTHER")
TYPE_TOPIC = {"ATTACK": "MILITARY", "MILITARY_ACTION": "MILITARY", "COOPERATE": "DIPLOMACY",
              "SEEK_COOPERATION": "DIPLOMACY", "AGREE": "DIPLOMACY", "RELATIONS": "DIPLOMACY",
              "SUPPORT": "DIPLOMACY", "OPPOSE": "DIPLOMACY", "NEUTRAL": "DIPLOMACY",
              "CONTAIN": "SECURITY", "CONCERN": "SECURITY", "EXPAND": "SECURITY",
              "ASSESSMENT": "DIPLOMACY", "CONCEDE": "DIPLOMACY"}


@dataclass
class Candidate:
    """A (subject, type, object) proposition found in one sentence, with its attributes."""

    sentence: Span
    trigger: Token
    subject: str
    object: str | None
    type: str
    subject_agent: str | None = None
    negated: bool = False
    modality: str = "asserted"
    source: str = "AUTHOR"
    source_agent: str | None = None
    topic: str = "OTHER"
    stance: str = "neutral"
    time: str | None = None
    confidence: float = 0.6
    record: Any = None  # the Sentence record the candidate was found in
    implied: bool = False  # a side is not named: `ConflictMemory` gave it


@dataclass
class SentenceWork:
    """One sentence with actors, ready for typing: its parse, actors and lexicon candidates."""

    doc: Any  # the Document being built
    sentence: Any  # its Sentence record
    span: Span
    actors: SentenceActors
    candidates: list[Candidate]
    time: str | None
    trigger_types: list[tuple[Token, str]] = field(default_factory=list)

    @cached_property
    def codes(self) -> list[str]:
        return unique_codes(self.actors.refs)

    @cached_property
    def self_codes(self) -> list[str]:
        """States named here as two different actors (`distinct_agents`): a self pair."""
        return [c for c in self.codes if self.self_refs(c) is not None]

    def self_refs(self, code: str) -> tuple[ActorRef, ActorRef] | None:
        refs = [r for r in self.actors.refs if r.codes == [code]]
        return next(((a, b) for i, a in enumerate(refs) for b in refs[i + 1:]
                     if distinct_agents(a, b)), None)


class ConflictMemory:
    """Who has attacked whom so far in one document, counted from the rule claims that name
    both sides: the attacker that an act against a state with no agent implies ("the
    aggression against Ukraine has yet to cease", after "Russia invaded Ukraine")."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()

    def attacker_of(self, target: str) -> str | None:
        """The one most often said to attack `target` (ties: the first said)."""
        return most_said((a, n) for (a, t), n in self.counts.items() if t == target)

    def target_of(self, attacker: str) -> str | None:
        """The one `attacker` is most often said to attack (ties: the first said)."""
        return most_said((t, n) for (a, t), n in self.counts.items() if a == attacker)

    def main_conflict(self) -> tuple[str, str] | None:
        """The (attacker, target) pair said most often, if said at least twice."""
        best = self.counts.most_common(1)
        return best[0][0] if best and best[0][1] >= 2 else None

    def aggressor(self) -> str | None:
        """The one most often said to attack anyone, if said at least twice."""
        by_attacker: Counter[str] = Counter()
        for (attacker, _), n in self.counts.items():
            by_attacker[attacker] += n
        best = by_attacker.most_common(1)
        return best[0][0] if best and best[0][1] >= 2 else None

    def record(self, candidates: list[Candidate]) -> None:
        for cand in candidates:
            if cand.type == "ATTACK" and cand.object and not cand.implied:
                self.counts[cand.subject, cand.object] += 1


def most_said(counted: Iterable[tuple[str, int]]) -> str | None:
    """The code with the highest count (ties: the first); None when there is none."""
    ranked = list(counted)
    return max(ranked, key=lambda x: x[1])[0] if ranked else None


def is_passive(verb: Token) -> bool:
    """A passive clause: "was arrested", "have been expelled"."""
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def yields_to(verb: Token) -> bool:
    """Whether a verb meets a demand: "accepted the demands", "met their conditions"."""
    return verb.pos_ == "VERB" and verb.lemma_ in YIELDING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DEMANDS for c in verb.children)


def assessed(noun: Token) -> bool:
    """Whether "power", "capacity" ... evaluates someone's strength: not a modifier ("power
    lines"), an ability to act ("the power to end this war"), or a scope ("within our
    capacity", "in our power")."""
    if noun.dep_ == "compound":
        return False
    if any(c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and
           any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           for c in noun.children):
        return False
    return not (noun.dep_ == "pobj" and noun.head.lower_ in {"in", "within", "beyond"})


class ClaimFinder:
    """Turns a parsed, actor-tagged sentence into typed claim candidates."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self.multiword_cues = sorted(((c, m) for c, m in lexicon.modality.items() if " " in c),
                                     key=lambda x: -len(x[0]))
        cues = "|".join(re.escape(cue) for cue in lexicon.time_anaphora)
        self.refers_back = re.compile(rf"\b(?:{cues})\b") if cues else None

    # ---------------------------------------------------------------- typing
    def trigger_type(self, token: Token) -> str | None:
        pos = token.pos_
        if pos == "AUX":
            return None
        if pos == "ADJ" or (pos == "VERB" and token.tag_ == "VBN" and token.dep_ == "amod"):
            return self.lex.predicate_type(token.lemma_, "ADJ")
        if pos == "VERB":  # "stand with", "push back on": the verb's type is its preposition's
            with_prep = next((self.lex.prep_predicates[key] for c in token.children
                              if c.dep_ == "prep" and (key := (token.lemma_.lower(), c.lower_))
                              in self.lex.prep_predicates), None)
            if with_prep:
                return with_prep
        if pos in {"VERB", "NOUN", "PROPN"}:
            type_ = self.lex.predicate_type(self.entry_lemma(token),
                                            "VERB" if pos == "VERB" else "NOUN")
            if type_ == "ASSESSMENT" and not assessed(token):
                return None
            return type_
        return None

    def entry_lemma(self, token: Token) -> str:
        """The lexicon entry a word is looked up under: a compound entry first ("war games"
        is "war game", which "game" alone is not), else its lemma."""
        if token.pos_ in {"NOUN", "PROPN"}:
            for c in token.children:
                whole = f"{c.lemma_.lower()} {token.lemma_.lower()}"
                if c.dep_ == "compound" and self.lex.predicate_type(whole, "NOUN"):
                    return whole
        return token.lemma_

    def seek_governed(self, token: Token) -> bool:
        """Is a cooperation word governed by a seek/propose/want word?"""
        for _, node in governors(token, SEEK_CLIMB_DEPS, 4):
            pos = node.pos_ if node.pos_ in {"VERB", "ADJ"} else "NOUN"  # "ready to hold talks"
            if self.lex.predicate_type(node.lemma_, pos) == "SEEK_COOPERATION":
                return True
        return False

    def reversed_by(self, token: Token) -> bool:
        """Is a cooperation word the object of a word that ends it ("severed relations",
        "a suspension of air links", "froze its assistance")? Then the act is OPPOSE."""
        for dep, node in governors(token, CLIMB_DEPS, 3):
            if dep == "pobj" and node.lower_ == "with":
                return False  # "sabotaged them with the West's support": a helper's help
            pos = "VERB" if node.pos_ == "VERB" else "NOUN"
            if (node.lemma_.lower(), pos) in self.lex.reversals:
                return True
            if node.pos_ == "VERB" or (node.pos_ in {"NOUN", "PROPN"} and dep != "compound"):
                return False  # "removed the barriers to trade": the barriers end, not trade
        return False

    def fits_its_object(self, token: Token, type_: str) -> bool:
        """Whether an EXPAND, MILITARY_ACTION or CONCEDE word acts on what its type needs.
        A verb of expansion with an object needs a sphere (`expansion_objects.tsv`: "extend
        its influence") or a direction ("to", "into", "toward"): "advance the cause" is no
        expansion, "make advances in" is progress. A military word's object must not be
        money or means (`nonmilitary_objects.tsv`: "mobilize funds", "the mobilization of
        financial resources"). A concession verb lifts nothing "out of" a condition
        ("lifted a billion people out of poverty")."""
        objects = [c for c in token.children if c.dep_ == "dobj"]
        if type_ == "CONCEDE" and token.pos_ == "VERB":
            # "lifting a billion people out of poverty" lifts no restriction
            return not any(c.dep_ == "prep" and c.lower_ == "out" for c in token.children)
        if type_ == "EXPAND":
            if token.pos_ != "VERB":
                return not (token.dep_ == "dobj" and token.head.lemma_ == "make")
            directed = any(c.dep_ == "prep" and c.lower_ in {"to", "into", "toward", "towards"}
                           for c in token.children)
            lemmas = {t.lemma_.lower() for c in objects for t in (c, *c.children)}
            spheres = self.lex.expansion_objects | self.lex.seek_objects  # "advance ties": SEEK
            return not objects or directed or bool(lemmas & spheres)
        if type_ == "MILITARY_ACTION":
            objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
            lemmas = {t.lemma_.lower() for c in objects for t in c.subtree}
            if lemmas & self.lex.nonmilitary_objects or \
                    any(t.text == "$" for c in objects for t in c.subtree):
                return False
            if token.lemma_.lower() in CIVIL_TOO:  # "Chinese modernization" is no build-up
                near = [*token.subtree, *token.head.children, token.head]
                return any(self.lex.topics.get(t.lower_) in FORCE_TOPICS for t in near)
        return True

    def relieved(self, noun: Token) -> Token | None:
        """The hostile act a relief noun ends: "the lifting of the sanctions imposed on
        Syria", "an end to the blockade of Cuba" (`relief_nouns.tsv`)."""
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.lex.relief_nouns:
            return None
        return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "to"}
                     for p in c.children if p.dep_ == "pobj" and self.conflictual(p)), None)

    def relief_roles(self, noun: Token, act: Token, actors: SentenceActors
                     ) -> tuple[list[ActorRef], list[ActorRef]]:
        """Who calls for the relief (the relief noun's subject, through "demand", "call
        for") and whom it helps: the act's targets, not its doers."""
        doers = noun_subject(act, actors, hops=NO_CLIMB) + [
            r for clause in participles(act) for a in clause.children if a.dep_ == "agent"
            for p in a.children for r in collect(p, actors, frozenset())]
        targets = [r for r in noun_objects(act, actors) if r not in doers]
        return noun_subject(noun, actors), targets

    @staticmethod
    def aimed_at(token: Token, actors: SentenceActors) -> list[str]:
        """Codes a drill is held against or aimed at: "exercises against Taiwan", "drills
        aimed at NATO" (on the word, its light verb or its participle)."""
        heads = [token, light_verb(token)] + [
            c for c in participles(token) if c.lemma_ in {"aim", "direct", "target"}]
        return unique_codes([r for head in heads if head is not None
                             for c in head.children if c.dep_ == "prep"
                             for r in prep_objects(c, actors, AIMED_PREPS)])

    def stated_relation(self, token: Token) -> bool:
        """Whether "relations" is given a state or a trend: as the subject of a clause
        ("relations sank"), under a noun of state ("the deterioration of relations", "an
        opening in relations"), with a valence word on it ("good relations") or as the
        object of a verb of change ("damaged relations"). Relations merely named ("taking
        relations into account", "attention is riveted to ... relations") are no claim;
        "normalize relations" is a seek claim of its own."""
        if token.lemma_.lower() not in NAMED_RELATIONS:
            return True  # "rift", "tension", "rivalry" are states themselves
        if token.dep_ in {"nsubj", "nsubjpass"} or any(
                t.lower_ in self.lex.valence or t.lemma_.lower() in self.lex.valence
                for t in token.children):
            return True
        head = token.head
        if token.dep_ == "dobj":  # "damaged relations"; "severed relations" (`reversed_by`)
            return head.lemma_.lower() in self.lex.valence or head.lower_ in self.lex.valence \
                or self.reversed_by(token)
        if token.dep_ == "pobj":
            return head.lower_ in {"of", "in", "between"} and head.head.pos_ in {"NOUN", "PROPN"}
        return token.dep_ in {"conj", "appos", "attr"}

    def threatened(self, token: Token) -> bool:
        """Is a use of force only threatened or prepared ("threatened to launch an offensive",
        "prepared to resume shelling")? The spec types that MILITARY_ACTION."""
        return any(node.lemma_ in THREATS for _, node in governors(token, CLIMB_DEPS, 3))

    def evaluated(self, token: Token, type_: str) -> bool:
        """Is a nominal event the object of a verb that judges it ("condemn the invasion",
        "welcome the withdrawal", "criticized the deployment")? Then the judge is not its
        agent. Verbs that commit their subject to the act ("threatened an invasion") are not
        judges."""
        verb = light_verb(token)
        if verb is None and token.dep_ == "pobj" and \
                (token.head.head.lemma_.lower(), token.head.lower_) in self.lex.prep_predicates:
            verb = token.head.head  # "stood against the invasion", "spoke out against"
        if verb is None or type_ in COOPERATIVE_NOMINALS or verb.lemma_ in COMMISSIVES:
            return False
        return self.trigger_type(verb) in {"OPPOSE", "SUPPORT", "CONCERN"}

    def ends_cooperation(self, token: Token) -> bool:
        """Is this a word that ends a cooperation word below it (`reversed_by`)?"""
        if (token.lemma_.lower(), "VERB" if token.pos_ == "VERB" else "NOUN") \
                not in self.lex.reversals:
            return False
        below = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}] + \
                [p for c in token.children if c.dep_ == "prep"
                 for p in c.children if p.dep_ == "pobj"]
        return any(self.trigger_type(c) in REVERSIBLE for c in below)

    # ---------------------------------------------------------------- attributes
    def chain(self, token: Token) -> list[Token]:
        """The trigger and the words governing it within its clause."""
        nodes = [token]
        node = token
        for _ in range(5):
            if node.dep_ not in CHAIN_DEPS or node.head is node:
                break
            node = node.head
            nodes.append(node)
            if node.pos_ in {"VERB", "AUX"} and node.dep_ not in {"xcomp", "pcomp", "conj"}:
                break
        return nodes

    def negated(self, token: Token) -> bool:
        """Whether the text says the claim is not so: a "not", "no", "neither" or a negating
        word ("failed to") on the trigger or the words governing it. A word that ends the
        trigger's thing stops the search: "the distrust has not been brushed away" and "did
        not lift the sanctions" leave the distrust and the sanctions in place."""
        below = token
        for node in self.chain(token):
            if node is not token and below.dep_ in {"dobj", "nsubjpass"} and (
                    (node.lemma_.lower(), "VERB") in self.lex.reversals or
                    self.trigger_type(node) == "CONCEDE"):
                return False
            below = node
            for child in node.children:
                if child.dep_ == "neg" or (child.lower_ in {"no", "neither"} and
                                           child.dep_ in {"det", "preconj"}):
                    return True
                if child.dep_ in {"nsubj", "nsubjpass"} and node is not token and any(
                        d.dep_ == "det" and d.lower_ in {"no", "neither"}
                        for d in child.children):
                    return True  # "neither side needs joint exercises"
            if node is not token and node.lemma_ in NEGATING_WORDS:
                return True
        return False

    def modality(self, token: Token, sent: Span) -> str:
        lowered = sent.text.lower()
        for node in self.chain(token):
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in MODAL_AUX and not (
                        child.lower_ == "would" and node.lemma_ in self.lex.courtesy_verbs):
                    return MODAL_AUX[child.lower_]
            if node is not token and node.lemma_ in GOVERNING_MODALITY:
                return GOVERNING_MODALITY[node.lemma_]
        for cue, modality in self.multiword_cues:
            if cue in lowered:
                return modality
        for tok in sent:
            if tok.lower_ in self.lex.modality and tok.pos_ not in {"AUX", "VERB"} \
                    and tok.lower_ not in {"will"}:
                return self.lex.modality[tok.lower_]
            if tok.lemma_ in {"seem", "surmise"}:
                return "hedged"
        return "asserted"

    def source(self, token: Token, sent: Span, actors: SentenceActors
               ) -> tuple[str, str | None]:
        for tok in sent:
            if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and \
                    tok.doc[tok.i + 1].lower_ == "to":
                to = tok.doc[tok.i + 1]
                pobjs = [c for c in to.children if c.dep_ == "pobj"] or \
                        [c for c in tok.children if c.dep_ == "pobj"]
                for pobj in pobjs:
                    phrase = tok.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
                    refs = [r for r in actors.refs if phrase.start <= r.start < phrase.end]
                    text = re.sub(r"^(the|a|an)\s+", "", phrase.text, flags=re.I)
                    if refs:
                        return refs[0].codes[0], text
                    return "AUTHOR", text
        for node in self.chain(token)[1:] + list(token.ancestors)[:4]:
            if node.lemma_ in self.lex.attribution and node.pos_ == "VERB":
                subjects = verb_subject(node, actors)
                if subjects:
                    subj = subjects[0]
                    agent = subj.agent or sent.doc[subj.start:subj.end].text
                    return subj.codes[0], agent
        return "AUTHOR", None

    def topic(self, token: Token, sent: Span, type_: str) -> str:
        def best(words: list[str]) -> str | None:
            topics = {self.lex.topics[w] for w in words if w in self.lex.topics}
            for topic in TOPIC_PRIORITY:
                if topic in topics:
                    return topic
            return None

        names = sent.doc.user_data.get("actor_tokens", set())  # places stay cues

        def words(tokens: list[Token]) -> list[str]:  # "Ivory Coast" is no maritime cue
            return [t.lower_ for t in tokens if t.i not in names]

        local = words([*token.subtree, *token.head.children, token, token.head])
        near = best(local)
        if near and near != "DIPLOMACY":
            return near
        return best(words(list(sent))) or near or TYPE_TOPIC.get(type_, "OTHER")

    def stance(self, type_: str, sent: Span) -> str:
        if type_ != "RELATIONS":
            return DEFAULT_STANCE[type_]
        words = [t.lemma_.lower() for t in sent] + [t.lower_ for t in sent]
        votes = [self.lex.valence[w] for w in words if w in self.lex.valence]
        if not votes:
            return "neutral"
        conflict = votes.count("conflictual")
        return "conflictual" if conflict >= len(votes) - conflict else "cooperative"

    # ---------------------------------------------------------------- candidates
    def triggers(self, sent: Span) -> list[tuple[Token, str]]:
        found = [(t, ty) for t in sent if (ty := self.trigger_type(t)) is not None]
        taken = {t.i for t, _ in found}
        for token in sent:
            # "X said that Y must ...": a demand, which the spec types OPPOSE
            if token.i not in taken and token.lemma_ in self.lex.attribution and any(
                    c.dep_ == "ccomp" and is_deontic(c) for c in token.children):
                found.append((token, "OPPOSE"))
            if token.i not in taken and yields_to(token):
                found.append((token, "CONCEDE"))  # "accepted the demands of X" (CAMEO 08)
            if token.i not in taken and self.relieved(token) is not None:
                found.append((token, "SUPPORT"))  # "demand the lifting of sanctions on X"
            if token.i not in taken and companions(token):
                found.append((token, "COOPERATE"))  # "together with Washington we ..."
        return found

    def candidates(self, sent: Span, actors: SentenceActors,
                   triggers: list[tuple[Token, str]] | None = None,
                   conflicts: ConflictMemory | None = None) -> list[Candidate]:
        """The sentence's candidates; `conflicts` (the document's so far) supplies the
        attacker of an agentless attack, which then joins the sentence's actors as a
        reference at its trigger ("the aggression" stands for its agent)."""
        if conflicts is not None:
            self.name_aggressors(sent, actors, conflicts)
        if not actors.refs and (conflicts is None or conflicts.main_conflict() is None):
            return []  # with a known war, "that aggression" may still name its two sides
        found: list[Candidate] = []
        for token, type_ in triggers if triggers is not None else self.triggers(sent):
            found += self.from_trigger(token, type_, sent, actors, conflicts)
        taken = {(c.subject, c.object) for c in found}
        found += [c for c in self.venue_candidates(sent, actors) + self.core_candidates(
            sent, actors) if (c.subject, c.object) not in taken]
        for cand in found:
            for code in (cand.subject, cand.object) if cand.implied else ():
                if code and not any(code in r.codes for r in actors.refs):
                    i = cand.trigger.i  # not indexed by token: the trigger is no actor's word
                    actors.refs.append(ActorRef(i, i + 1, i, [code], None, "REF"))
        if conflicts is not None:
            conflicts.record(found)
        return found

    @staticmethod
    def name_aggressors(sent: Span, actors: SentenceActors, conflicts: ConflictMemory) -> None:
        """"The aggressor", "the occupier": the one this document has most often said
        attacks someone."""
        words = [t for t in sent if t.lemma_.lower() in AGGRESSOR_NOUNS and
                 actors.at(t) is None and any(c.dep_ == "det" and c.lower_ in
                                              {"the", "this", "that"} for c in t.children)]
        attacker = conflicts.aggressor() if words else None
        if attacker is not None:
            for token in words:
                actors.add(ActorRef(token.i, token.i + 1, token.i, [attacker], None, "REF"))

    def the_conflict(self, noun: Token) -> bool:
        """A singular war word that names one known war: "the war", "that aggression",
        "Russia's invasion", not "any war", "wars", "the Cold War" or "a civil war"."""
        if noun.tag_ not in {"NN", "NNP"} or noun.lemma_.lower() not in WAR_NOUNS:
            return False
        for child in noun.children:
            if child.dep_ == "det" and child.lower_ not in {"the", "this", "that"}:
                return False
            if child.dep_ == "prep":
                if child.lower_ in AIMED_PREPS | {"on"}:
                    return False  # "the fight against COVID-19", "the war on terror"
                kinds = [g for g in child.children if g.dep_ == "pobj"]
            else:
                kinds = [child] if child.dep_ in {"amod", "compound"} else []
            if any(k.lemma_.lower() in self.lex.other_conflicts for k in kinds):
                return False  # "the Cold War", "a civil war"
        return True

    def venue_candidates(self, sent: Span, actors: SentenceActors) -> list[Candidate]:
        """Acting at a body's meeting is cooperating with the body: "At the G20, we rallied
        the major economies", "I presented the formula at the General Assembly", "as I
        pledged at the Group of 20 Summit"."""
        found = []
        for token in sent:
            if token.dep_ != "pobj" or token.head.lower_ != "at":
                continue
            verb = token.head.head  # "presented our plan at the Assembly": the plan's verb
            if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
                verb = verb.head
            if verb.pos_ != "VERB":
                continue
            own = actors.at(token)
            if own is None and token.lemma_.lower() in MEETINGS:
                own = next((r for c in token.children if c.dep_ in {"compound", "nmod", "poss"}
                            and (r := actors.at(c)) is not None), None)
            if own is None or own.label != "ORG":
                continue
            subjects = [r for r in verb_subject(verb, actors) if r.label != "ORG"]
            attributes = self.attributes(verb, sent, actors, "COOPERATE")
            type_ = "SEEK_COOPERATION" if attributes["modality"] in {"predicted", "normative"} \
                else "COOPERATE"
            found += [Candidate(sent, verb, s, body, type_, None, **attributes)
                      for s in unique_codes(subjects) for body in own.codes if s != body]
        return found

    def core_candidates(self, sent: Span, actors: SentenceActors) -> list[Candidate]:
        """Putting a body at the core of something supports it: "China supports the
        international system, with the United Nations at its core"; "let us renew our
        commitment to multilateralism, with the United Nations at its centre"."""
        found = []
        for token in sent:
            if token.lemma_.lower() not in CORE_NOUNS or token.dep_ != "pobj" or \
                    token.head.lower_ != "at" or not any(
                        c.dep_ == "poss" for c in token.children):
                continue
            at = token.head  # on the body ("with X at its core") or beside its "with"
            withs = [at.head.head] if at.head.dep_ == "pobj" else [
                c for c in at.head.children if c.dep_ == "prep" and c.i < at.i]
            with_ = next((w for w in withs if w.lower_ == "with"), None)
            body = next((p for p in with_.children if p.dep_ == "pobj"), None) if with_ else None
            own = actors.at(body) if body is not None else None
            if own is None or with_ is None:
                continue
            subjects = [c for r in clause_actor(with_, actors) if r is not own
                        for c in r.codes if c not in own.codes]
            attributes = self.attributes(with_.head, sent, actors, "SUPPORT")
            found += [Candidate(sent, token, s, o, "SUPPORT", None, **attributes)
                      for s in dict.fromkeys(subjects) for o in own.codes]
        return found

    def reciprocal(self, token: Token) -> bool:
        """Whether a predicate's coordinated subjects act on each other: "Japan and Russia
        exchanged fire", "... criticized each other", "... should deepen their dialogue"."""
        if (token.lemma_ == "exchange" and token.pos_ == "VERB") or any(  # "mutual distrust"
                c.dep_ == "amod" and c.lower_ in {"mutual", "reciprocal"} for c in token.children):
            return True
        objects = [c for c in token.children if c.dep_ in {"dobj", "prep"}]
        if any(t.lower_ in RECIPROCAL for c in objects for t in c.subtree):
            return True
        return any(c.dep_ == "dobj" and c.lemma_.lower() in self.lex.seek_objects and any(
            p.dep_ == "poss" and p.lower_ == "their" for p in c.children) for c in objects)

    @staticmethod
    def mutual_parties(codes: list[str], actors: SentenceActors) -> list[str]:
        """The parties of a reciprocal act: its own actors ("the mutual distrust between X
        and Y"), else a pair the sentence refers to ("in both countries", "the two")."""
        if len(codes) >= 2:
            return codes
        pair = next((r.codes for r in actors.refs if len(r.codes) == 2), [])
        return list(pair)

    def conflictual(self, token: Token) -> bool:
        """Whether a word is a trigger of a conflictual type ("strike", "fire", "critical")."""
        type_ = self.trigger_type(token)
        return type_ is not None and DEFAULT_STANCE[type_] == "conflictual"

    def from_pair(self, work: SentenceWork, subject: str, obj: str | None, type_: str,
                  confidence: float) -> Candidate:
        """A candidate typed by the classifier; attributes read at the best anchor word."""
        key = (subject, obj, type_)
        same = [c for c in work.candidates if (c.subject, c.object, c.type) == key]
        if same:
            same[0].confidence = confidence
            return same[0]
        anchors = [t for t, ty in work.trigger_types if ty == type_] or \
                  [c.trigger for c in work.candidates if subject in (c.subject, c.object)] or \
                  [t for t, _ in work.trigger_types] or [work.span.root]
        anchor = anchors[0]
        agent = next((r.agent for r in work.actors.refs if subject in r.codes and r.agent and
                      r.label != "STATE"), None)
        attributes = self.attributes(anchor, work.span, work.actors, type_)
        return Candidate(work.span, anchor, subject, obj, type_, agent, **attributes,
                         time=work.time, confidence=confidence, record=work.sentence)

    def attributes(self, token: Token, sent: Span, actors: SentenceActors, type_: str,
                   modality: str | None = None) -> dict[str, Any]:
        """Negation, modality, source, topic and stance read at the trigger word."""
        source, source_agent = self.source(token, sent, actors)
        return {"negated": self.negated(token),
                "modality": modality or self.modality(token, sent),
                "source": source, "source_agent": source_agent,
                "topic": self.topic(token, sent, type_), "stance": self.stance(type_, sent)}

    def aggressors_only(self, verb: Token, objects: list[ActorRef], actors: SentenceActors
                        ) -> list[ActorRef]:
        """A verb's object that is a hostile act with its actor named as a modifier stands
        for that actor alone: "condemned the US invasion of Iraq", "stood against the Russian
        occupation of Crimea": the United States, Russia; not the victim."""
        nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
            p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
        for noun in nouns:
            noun = self.relieved(noun) or noun  # "demand the lifting of the US sanctions"
            if not self.conflictual(noun):
                continue
            doers = [r for m in noun.children if m.dep_ in {"amod", "compound", "nmod"}
                     and (r := actors.at(m)) is not None]
            if doers:
                inside = range(noun.left_edge.i, noun.right_edge.i + 1)
                objects = [o for o in objects if o.root not in inside or o in doers]
        return objects

    def authorities(self, verb: Token, actors: SentenceActors) -> list[ActorRef]:
        """The states named as where an authority's act on someone happens ("arrested in
        Italy", "expelled from Poland"), directly or through a place that lies in one."""
        preps = self.lex.authority_acts.get(verb.lemma_, frozenset())
        phrases = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in preps
                   for p in c.children if p.dep_ == "pobj"]
        found = [r for p in phrases for r in collect(p, actors, frozenset({"of"}))
                 if r.label == "STATE"]
        return found + [place for p in phrases for t in p.subtree
                        if (place := actors.place_at(t)) is not None]

    def without_helpers(self, verb: Token, objects: list[ActorRef]) -> list[ActorRef]:
        """A word's (or its object's) "with X's support", "with the help of X" names a
        helper, not whom the word acts on: "Kyiv sabotaged the agreements with the West's
        support"."""
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]  # or the object's
        helps = [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                 for p in c.children if p.dep_ == "pobj" and self.trigger_type(p) in HELP_TYPES]
        return [o for o in objects if not any(
            h.left_edge.i <= o.root <= h.right_edge.i for h in helps)]

    def roles(self, token: Token, type_: str, actors: SentenceActors
              ) -> tuple[str, list[ActorRef], list[ActorRef]]:
        """A trigger's type, subjects and objects, with the constructions that reframe them
        (experiencer verbs, a light verb's object, copulas, "between", offers)."""
        is_verb = token.pos_ == "VERB"
        act = self.relieved(token) if type_ == "SUPPORT" else None
        if act is not None:  # "we demand the lifting of the sanctions on Syria"
            return (type_, *self.relief_roles(token, act, actors))
        if companions(token):  # "X, together with Y, will ...", "stood alongside Y"
            return type_, clause_actor(token, actors), [
                r for c in companions(token) for r in collect(c, actors, OBJECT_PREPS)]
        if is_verb:
            subjects = verb_subject(token, actors)
        elif type_ == "ASSESSMENT":  # "China's power", "the capacity of the Chinese navy";
            # an unowned "power" says nothing of the clause's subject ("employ nuclear power")
            subjects = noun_subject(token, actors, hops=NO_CLIMB, type_=type_)
        else:
            subjects = noun_subject(token, actors, type_=type_)
        objects = verb_objects(token, actors) if is_verb else noun_objects(token, actors)
        if not is_verb and type_ in HELP_TYPES and token.dep_ == "pobj" and \
                token.head.lower_ == "with":
            # "with the support of UN forces, the nation defended ...", "sabotaged them
            # with the West's support": "of" or the possessor helps the clause's subject
            helpers = [r for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                       for p in c.children if p.dep_ == "pobj"
                       for r in collect(p, actors, frozenset())]
            helpers += [r for c in token.children if c.dep_ == "poss"
                        for r in collect(c, actors, frozenset()) if r.label != "REF"]
            if helpers:
                return type_, helpers, clause_actor(token.head, actors)
        if not is_verb and self.evaluated(token, type_):
            # "we condemn the invasion of Ukraine": the one who condemns did not invade
            subjects = noun_subject(token, actors, hops=NO_CLIMB, type_=type_)
        felt = [r for c in token.children if c.dep_ == "dobj" for r in collect(
            c, actors, frozenset())] if is_verb and token.lemma_ in self.lex.experiencers else []
        if felt:  # "China's advance alarmed Japan": Japan is the one concerned, about China
            causes = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
            subjects, objects = felt, [r for c in causes for r in
                                       noun_subject(c, actors) or collect(c, actors, frozenset())]
        if is_verb:
            objects = self.aggressors_only(token, objects, actors)
            subjects += [r for r in leaders(token, actors) if r not in subjects]
        if is_verb and type_ == "COOPERATE":  # "exchanged fire": the object's type
            type_ = next((self.trigger_type(c) or type_ for c in token.children
                          if c.dep_ == "dobj" and self.conflictual(c)), type_)
        if not is_verb and token.dep_ in {"attr", "oprd"} and token.head.lemma_ in COPULAS:
            # "the United States remains Japan's closest ally": the clause's subject is the
            # subject, the possessor the object
            clause = verb_subject(token.head, actors)
            if clause:
                subjects, objects = clause, objects + [s for s in subjects if s not in clause]
        phrase = token
        if not is_verb and token.dep_ == "compound" and token.head.pos_ == "NOUN" and \
                self.trigger_type(token.head) is None:
            # "launched a mediation effort between X and Y": the phrase's head carries it
            phrase = token.head
            objects += noun_objects(phrase, actors)
        light = light_verb(phrase) if not is_verb else None
        if light is not None and phrase is not token:
            objects += [r for c in light.children if c.dep_ == "prep"
                        for r in prep_objects(c, actors, frozenset({"between"}))]
        if light is not None:
            # "gave Vietnam a loan", "has given backing to Syria": the light verb's recipient
            objects += [r for c in light.children if c.dep_ == "dative"
                        for r in collect(c, actors, frozenset())]
            objects += [r for c in light.children if c.dep_ == "prep" and c is not token.head
                        for r in prep_objects(c, actors, LIGHT_VERB_PREPS)]
            objects += [r for c in light.children if c.dep_ == "ccomp" and any(
                m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
                for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}
                for r in collect(s, actors, frozenset({"of"}))]  # "its demand today that X"
            if token.dep_ == "pobj":  # "Russia views China's influence with suspicion"
                objects += [r for c in light.children if c.dep_ == "dobj"
                            for r in object_phrase(c, actors)]
        objects = self.without_helpers(token, objects)
        if light is not None:
            objects = self.without_helpers(light, objects)
        if not is_verb and (type_ in SYMMETRIC_TYPES or type_ in UNARY_TYPES):
            # "energy imports from Russia", "withdrawal from Syria"; not "support from X",
            # whose "from" names the one who acts
            objects += [r for c in token.children if c.dep_ == "prep"
                        for r in prep_objects(c, actors, frozenset({"from"}))]
        if not is_verb and type_ in SYMMETRIC_TYPES:
            between = [r for c in token.children if c.dep_ == "prep" and c.lower_ == "between"
                       for r in prep_objects(c, actors, frozenset({"between"}))]
            own_subject = any(actors.at(c) for c in token.children
                              if c.dep_ in {"poss", "amod", "compound", "nmod"})
            if len(unique_codes(between)) >= 2 and not own_subject:
                # "welcome the agreement between X and Y": X and Y, not the welcomer
                # ("Syria's mediation between X and Y" stays Syria's)
                subjects, objects = [], between
        if not is_verb and type_ in UNARY_TYPES:
            objects = [o for o in objects if o not in subjects]
        if token.pos_ == "ADJ" and type_ == "SEEK_COOPERATION":  # "willing to withdraw from X"
            objects += [o for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                        and not self.conflictual(c) for o in verb_objects(c, actors)]
        if is_verb and token.dep_ in {"relcl", "acl"}:
            # "the dialogue that Turkey is seeking with Greece": the head noun is the object
            objects += noun_objects(token.head, actors)
        if not is_verb:
            # "the war that Russia wages against Ukraine": the clause's subject acts, its
            # prepositions name the other side
            for clause in own_clauses(token, actors):
                if clause.pos_ == "VERB" and self.trigger_type(clause):
                    continue  # "the dialogue that Turkey seeks with X": the verb's claim
                subjects = subjects or verb_subject(clause, actors)
                objects += [r for c in clause.children if c.dep_ == "prep"
                            for r in prep_objects(c, actors, NOUN_OBJECT_PREPS)]
        if not is_verb and token.lemma_.lower() in self.lex.threat_nouns:
            judged = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "as" \
                else None
            if judged is not None and judged.pos_ == "VERB" and any(
                    c.dep_ == "dobj" for c in judged.children):
                # "NATO characterizes the partnership of X and Y as a threat": the judge is
                # concerned about what it judges
                return type_, verb_subject(judged, actors), [
                    r for c in judged.children if c.dep_ == "dobj"
                    for r in collect(c, actors, OBJECT_PREPS)]
            # "X's programmes pose a threat to the peace of Y", "X is a threat to Y": Y is
            # the one concerned, about X
            subjects, objects = objects, subjects
        return type_, subjects, objects

    def from_trigger(self, token: Token, type_: str, sent: Span, actors: SentenceActors,
                     conflicts: ConflictMemory | None = None) -> list[Candidate]:
        is_verb = token.pos_ == "VERB"
        if self.ends_cooperation(token):
            return []  # "withdrew from the agreement with X": the agreement's word says it
        if not is_verb and token.dep_ == "dobj" and self.conflictual(token) and (
                self.trigger_type(token.head) == "CONCEDE" or yields_to(token.head)):
            return []  # "lifted sanctions on Sudan" is a concession, not a sanction
        if is_verb and type_ == "CONCEDE" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.publications
                for c in token.children):
            return []  # "released a statement"
        if type_ == "RELATIONS" and not self.stated_relation(token):
            return []  # "attention is riveted to Sino-Japanese relations": no state is told
        if type_ == "ASSESSMENT" and token.dep_ == "dobj" and self.trigger_type(token.head):
            return []  # "modernized its capabilities": the act says what is done with them
        if not self.fits_its_object(token, type_):
            return []  # "advance the human rights cause", "mobilized $30 billion"
        type_, subjects, objects = self.roles(token, type_, actors)
        if type_ in REVERSIBLE and self.reversed_by(token):
            type_ = "OPPOSE"
        elif type_ == "SEEK_COOPERATION" and is_verb:
            dobj_lemmas = {c.lemma_.lower() for c in token.children if c.dep_ in {"dobj", "xcomp"}}
            dobj_lemmas |= {g.lemma_.lower() for c in token.children if c.dep_ == "xcomp"
                            for g in c.children if g.dep_ == "dobj"}  # "seeks to normalize ties"
            dobj_lemmas |= {g.lemma_.lower() for c in token.children  # "call for talks"
                            if c.dep_ == "prep" and c.lower_ == "for"
                            for g in c.children if g.dep_ == "pobj"}
            if token.dep_ in {"relcl", "acl"}:
                dobj_lemmas.add(token.head.lemma_.lower())
            direct = any(actors.at(c) for c in token.children if c.dep_ == "dobj") or any(
                actors.at(g) for c in token.children if c.dep_ == "prep" and
                c.lower_ in ADDRESSEE_PREPS for g in c.children if g.dep_ == "pobj")
            offered = token.lemma_ in COMMITMENTS and any(  # "offered to hand them over to X"
                c.dep_ == "xcomp" and c.pos_ == "VERB" and not self.conflictual(c)
                for c in token.children)
            if not (dobj_lemmas & self.lex.seek_objects or offered or
                    (direct and token.lemma_ in SEEK_DIRECT) or
                    any(self.lex.predicate_type(lem, "VERB") in {"COOPERATE", "AGREE"}
                        for lem in dobj_lemmas)):
                return []
        elif type_ in {"COOPERATE", "AGREE", "SUPPORT"} and self.seek_governed(token) and \
                self.relieved(token) is None:  # "called for the removal of sanctions on X"
            type_ = "SEEK_COOPERATION"
        elif type_ == "ATTACK" and self.threatened(token):
            type_ = "MILITARY_ACTION"  # a threat of force (spec: PLOVER THREATEN)
        elif is_verb and type_ == "EXPAND" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self.lex.seek_objects
                for c in token.children):
            type_ = "SEEK_COOPERATION"  # "advance relations", "extend cooperation"
        subj_codes = unique_codes(subjects)
        obj_codes = [c for c in unique_codes(objects) if c not in subj_codes or any(
            distinct_agents(s, o) for s in subjects for o in objects
            if s.codes == o.codes == [c])]
        if not obj_codes and type_ in TARGETED_IN_PLACE:
            # "opened fire to disperse demonstrators": the purpose's object is the target;
            # "imposed a curfew in Turkey", "attacks in Ukraine": the place is
            targets = purpose_objects(token, actors) or place_objects(token, actors)
            obj_codes = [c for c in unique_codes(targets) if c not in subj_codes or any(
                distinct_agents(s, t) for s in subjects for t in targets if c in t.codes)]
        if not subj_codes and obj_codes and is_verb and is_passive(token) and \
                token.lemma_ in self.lex.authority_acts:
            # "a US national was arrested in Italy", "diplomats were expelled from Poland":
            # the state where it is done does it (`authority_acts.tsv`)
            where = self.authorities(token, actors)
            acted_on = [o for o in objects if o not in where]
            domestic = any(o.sector for o in acted_on)  # "protesters were detained in Egypt"
            obj_codes = unique_codes(acted_on)
            subj_codes = [c for c in unique_codes(where) if domestic or c not in obj_codes]
        implied = False
        if type_ == "ATTACK" and not subj_codes and obj_codes and conflicts and all(
                o.label != "REF" for o in objects):
            # "the aggression against Ukraine", "parts of Moldova remain occupied": the one
            # this document has said attacks them (one attacker for all)
            attackers = {conflicts.attacker_of(o) for o in obj_codes}
            attacker = attackers.pop() if len(attackers) == 1 else None
            if attacker is not None and attacker not in obj_codes:
                subj_codes, implied = [attacker], True
        elif type_ == "ATTACK" and not is_verb and conflicts and not obj_codes and \
                self.the_conflict(token):
            # "Russia's war of aggression", "that aggression", "this war": the war this
            # document has said is waged, with the side it has said is attacked
            if subj_codes:
                targets = {conflicts.target_of(s) for s in subj_codes} - {None}
                if len(targets) == 1 and not targets & set(subj_codes):
                    obj_codes, implied = [targets.pop()], True
            elif (main := conflicts.main_conflict()) is not None:
                subj_codes, obj_codes, implied = [main[0]], [main[1]], True
        agents = {}  # each subject's finer name: "Brussels" for EU, not for USA beside it
        for ref in subjects:
            if ref.agent and ref.label != "STATE":
                for code in ref.codes:
                    agents.setdefault(code, ref.agent)
        modality = self.modality(token, sent)
        if type_ == "COOPERATE" and modality in {"predicted", "normative"}:
            type_ = "SEEK_COOPERATION"  # cooperation planned or called for, not yet done
        pairs: list[tuple[str, str | None]] = []
        alone = self.lex.alone.get((self.entry_lemma(token).lower(),
                                    "VERB" if is_verb else "NOUN"))
        if alone and type_ in SYMMETRIC_TYPES and subj_codes:
            aimed = self.aimed_at(token, actors)
            if aimed:
                type_, obj_codes = alone, aimed  # "exercises against Taiwan": no joint act
        if type_ in SYMMETRIC_TYPES:
            people = subj_codes + obj_codes
            if len(subj_codes) >= 1 and obj_codes:
                pairs = [(s, o) for s in subj_codes for o in obj_codes]
            elif len(people) >= 2:
                pairs = [(people[i], people[j]) for i in range(len(people))
                         for j in range(i + 1, len(people))]
            elif subj_codes and alone:
                type_ = alone
                pairs = [(s, None) for s in subj_codes]
        elif subj_codes and obj_codes:
            pairs = [(s, o) for s in subj_codes for o in obj_codes]
        elif self.reciprocal(token) and len(mutual := self.mutual_parties(
                subj_codes + [c for c in obj_codes if c not in subj_codes], actors)) >= 2:
            # "exchanged fire", "each other", "the mutual distrust ... in both countries"
            pairs = [(s, o) for s in mutual for o in mutual if s != o]
        elif subj_codes and type_ in UNARY_TYPES:
            pairs = [(s, None) for s in subj_codes]
        if is_verb and token.lemma_ in PERMISSIONS and (not obj_codes or any(
                a.dep_ == "auxpass" for c in token.children if c.dep_ in {"xcomp", "ccomp"}
                for a in c.children)):
            return []  # "allow an injustice to recur", "allow Ukraine to be carved up"
        if not pairs:
            return []
        if type_ in SYMMETRIC_TYPES:  # the record's order (spec 3.1), so each side keeps its agent
            pairs = list(dict.fromkeys((min(s, o), max(s, o)) if o else (s, o) for s, o in pairs))
        attributes = self.attributes(token, sent, actors, type_, modality)
        return [Candidate(sent, token, s, o, type_, agents.get(s), implied=implied,
                          **attributes) for s, o in pairs]


def sentence_time(text: str, paragraph_anchor: str | None, doc_year: int | None,
                  warnings: list[str], refers_back: re.Pattern[str] | None = None
                  ) -> tuple[str | None, str | None]:
    """(time of this sentence's claims, anchor for later sentences of the paragraph).

    A sentence with no date of its own takes the paragraph's last date only when it
    refers back to it ("at this summit", "the following day", "a year earlier").
    """
    year_hint = int(paragraph_anchor[:4]) if paragraph_anchor else doc_year
    text = URL.sub(lambda m: " " * len(m.group(0)), text)  # no years from web addresses
    times = []
    for ref in find_times(text, year_hint):
        if plausible(ref.value, doc_year):
            times.append(ref.value)
        elif not is_deadline(text, ref):  # a far target ("by 2050") is no error, nor a time
            warnings.append(f"implausible year in '{text[ref.start:ref.end]}' "
                            f"(document year {doc_year}); not used as a time")
    relative = relative_time(text, times[-1] if times else paragraph_anchor, doc_year)
    if relative:
        return relative, times[-1] if times else paragraph_anchor
    if times:
        return times[0], times[-1]
    carried = refers_back is not None and refers_back.search(text.lower()) is not None
    return (paragraph_anchor if carried else None), paragraph_anchor
