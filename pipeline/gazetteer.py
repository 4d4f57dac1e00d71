"""Load the actor gazetteer (`models/gazetteer/*.tsv`) into surface-form entries."""

from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DEFAULT_MODELS = Path(__file__).resolve().parent.parent / "models"
MODELS_DIR = Path(os.environ.get("IRCLAIMS_MODELS", DEFAULT_MODELS))


@dataclass(frozen=True)
class Entry:
    """One surface form: `Russia` -> STATE RUS; `Foreign Ministry` -> ORG with no actor."""

    surface: str
    label: str
    actor: str  # "" for a generic body whose state comes from context
    agent: str | None = None
    kind: str = "name"  # name, adjective, capital, person, body, place
    years: tuple[int, int] | None = None  # term of office for people
    fallback: str = ""  # actor of a generic body when context names no state
    located_in: str = ""  # a place's state ("Aleppo" -> SYR), or a capital's own state


@dataclass
class Gazetteer:
    entries: dict[str, list[Entry]] = field(default_factory=dict)
    # lower-cased parts of compound adjectives ("sino", "russian", "us") -> state code
    compound_parts: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # actor code -> display name
    state_codes: set[str] = field(default_factory=set)
    # "the Assembly" names the last body with that head word; the value is the actor the
    # word names when no such body came before but that actor did ("the Organization": UN)
    short_heads: dict[str, str] = field(default_factory=dict)
    not_places: frozenset[str] = frozenset()  # "Member States": spaCy's NER says place, no

    def add(self, entry: Entry) -> None:
        if entry.surface:
            self.entries.setdefault(entry.surface, []).append(entry)

    def lookup(self, surface: str, year: int | None = None) -> Entry | None:
        """The entry for a surface form, choosing a person's term by `year` if given."""
        found = self.entries.get(surface)
        if not found:
            return None
        if year is not None and len(found) > 1:
            # several offices held that year: the one taken up last ("Abdulla Shahid" in
            # 2021 is the President of the General Assembly, no longer the foreign minister)
            current = [e for e in found if e.years and e.years[0] <= year <= e.years[1]]
            if current:
                return max(current, key=lambda e: e.years or (0, 0))
        return found[-1] if found[0].kind == "person" else found[0]

    def state_names(self) -> list[str]:
        """The names and aliases of states ("India", "Saudi Arabia"), not adjectives."""
        return [surface for surface, found in self.entries.items()
                if any(e.label == "STATE" and e.kind == "name" for e in found)]

    def name(self, code: str) -> str:
        return " and ".join(self.names.get(part, part) for part in code.split(","))

    def state_code(self, word: str) -> str | None:
        """The state named by a word or compound part ("Sino", "Japanese", "US")."""
        return self.compound_parts.get(word.lower())


def read_tsv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        ]


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def years(start: str, end: str) -> tuple[int, int] | None:
    if not start and not end:
        return None
    try:
        return (int(start[:4]) if start else 0, int(end[:4]) if end else 9999)
    except ValueError:
        return None


@lru_cache(maxsize=4)
def load_gazetteer(directory: str | None = None) -> Gazetteer:
    base = Path(directory) if directory else MODELS_DIR / "gazetteer"
    gaz = Gazetteer()
    for row in read_tsv(base / "states.tsv"):
        code = row["code"]
        gaz.names.setdefault(code, row["name"])
        gaz.state_codes.add(code)
        for name in [row["name"], *split(row.get("aliases", ""))]:
            gaz.add(Entry(name, "STATE", code, None, "name"))
            gaz.compound_parts.setdefault(name.lower(), code)
        for adjective in split(row.get("adjectives", "")):
            gaz.add(Entry(adjective, "STATE", code, None, "adjective"))
            gaz.compound_parts.setdefault(adjective.lower(), code)
        for capital in split(row.get("capitals", "")):
            gaz.add(Entry(capital, "STATE", code, None, "capital", located_in=code))
        for form in split(row.get("combining", "")):
            gaz.compound_parts.setdefault(form.lower(), code)
    for row in read_tsv(base / "people.tsv"):
        term = years(row.get("from", ""), row.get("to", ""))
        for name in [row["name"], *split(row.get("aliases", ""))]:
            gaz.add(Entry(name, "PERSON", row["code"], name, "person", term))
    for row in read_tsv(base / "bodies.tsv"):
        agent = row.get("agent") or row["name"]
        if row.get("actor"):
            gaz.names.setdefault(row["actor"], agent)
        for name in [row["name"], *split(row.get("aliases", ""))]:
            gaz.add(Entry(name, row["label"], row.get("actor", ""), agent, "body",
                          fallback=row.get("fallback", "")))
        for seat in split(row.get("seat", "")):
            # "Washington and Brussels": the city stands for the body, not for its state;
            # after "in" it is a venue like any capital ("talks in Brussels")
            state = next((e.located_in for e in gaz.entries.get(seat, [])
                          if e.kind == "capital"), "")
            gaz.entries[seat] = [Entry(seat, row["label"], row["actor"], seat, "capital",
                                       located_in=state), *gaz.entries.get(seat, [])]
    for row in read_tsv(base / "places.tsv"):
        for name in [row["name"], *split(row.get("aliases", ""))]:
            gaz.add(Entry(name, "LOC", "", None, "place", located_in=row.get("state", "")))
    gaz.short_heads = {r["word"]: r.get("otherwise", "")
                       for r in read_tsv(base / "short_names.tsv")}
    gaz.not_places = frozenset(r["text"] for r in read_tsv(base / "not_places.tsv"))
    for surface, found in gaz.entries.items():
        # A surface that is both a place and an actor is an actor; persons sort by term.
        found.sort(key=lambda e: (e.kind == "place", e.years or (0, 0)))
        gaz.entries[surface] = found
    return gaz
