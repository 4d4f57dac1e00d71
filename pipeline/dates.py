"""Normalize date expressions to ISO 8601 at the precision the text states."""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
        r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
MONTH_DAY_YEAR = re.compile(MONTH + r"\s+(\d{1,2})(?:-\d{1,2})?,?\s+(\d{4})")
DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s+" + MONTH + r",?\s+(\d{4})")
MONTH_YEAR = re.compile(MONTH + r",?\s+(?:of\s+)?(\d{4})")
MONTH_DAY = re.compile(MONTH + r"\s+(\d{1,2})\b")
MONTH_ONLY = re.compile(r"\b" + MONTH + r"(?!\w)")
YEAR = re.compile(r"\b(1[89]\d{2}|2\d{3})\b")
DEADLINE = re.compile(r"\b(?:by|until|till|before|towards?|beyond|through|to)\s+"
                      r"(?:the\s+(?:year|end\s+of)\s+)?$", re.IGNORECASE)  # "by 2050"
NAMED_NUMBER = re.compile(r"\b(?:[Rr]esolutions?|Vision|Agenda|No\.)\s+$")
RELATIVE = re.compile(r"\b(?P<deictic>last|this|next)\s+year\b"
                      r"|\b(?P<count>\d+|[a-z]+(?:-[a-z]+)?)\s+years?\s+"
                      r"(?P<way>earlier|later|before|after|ago)\b", re.IGNORECASE)
UNITS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
         "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
         "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
         "eighteen": 18, "nineteen": 19}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}


def count_of(word: str) -> int | None:
    """ "3", "three", "fifty", "seventy-five" -> the number; other words -> None."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    if word in UNITS:
        return UNITS[word]
    tens, _, unit = word.partition("-")
    if tens in TENS and (not unit or unit in UNITS and UNITS[unit] < 10):
        return TENS[tens] + (UNITS[unit] if unit else 0)
    return None


@dataclass
class TimeRef:
    value: str  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
    start: int  # offsets within the searched string
    end: int


def month_number(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:4 if name.lower().startswith("sept") else 3]]


def find_times(text: str, default_year: int | None = None) -> list[TimeRef]:
    """Absolute date expressions in `text`, most precise first where they overlap."""
    found: list[TimeRef] = []
    taken: list[tuple[int, int]] = []

    def add(value: str, match: re.Match[str]) -> None:
        if any(s < match.end() and match.start() < e for s, e in taken):
            return
        taken.append((match.start(), match.end()))
        found.append(TimeRef(value, match.start(), match.end()))

    for m in MONTH_DAY_YEAR.finditer(text):
        add(f"{m.group(3)}-{month_number(m.group(1)):02d}-{int(m.group(2)):02d}", m)
    for m in DAY_MONTH_YEAR.finditer(text):
        add(f"{m.group(3)}-{month_number(m.group(2)):02d}-{int(m.group(1)):02d}", m)
    for m in MONTH_YEAR.finditer(text):
        add(f"{m.group(2)}-{month_number(m.group(1)):02d}", m)
    if default_year:
        for m in MONTH_DAY.finditer(text):
            add(f"{default_year}-{month_number(m.group(1)):02d}-{int(m.group(2)):02d}", m)
    for m in YEAR.finditer(text):
        if NAMED_NUMBER.search(text[:m.start()]) or text[m.end():].startswith(" Agenda"):
            continue  # "resolution 2231", "Vision 2030", "the 2030 Agenda": names, not times
        add(m.group(1), m)
    if default_year:
        for m in MONTH_ONLY.finditer(text):
            if m.group(0) in {"May", "March"} and not re.search(r"\b(in|early|late|mid|since|"
                                                                r"from|until|of)\s+$",
                                                                text[:m.start()]):
                continue
            add(f"{default_year}-{month_number(m.group(1)):02d}", m)
    return sorted(found, key=lambda t: t.start)


def shift_year(anchor: str, years: int) -> str:
    return str(int(anchor[:4]) + years)


def relative_time(text: str, anchor: str | None, doc_year: int | None) -> str | None:
    """Resolve "a year earlier" against an anchor date; "last year" and "fifty years ago"
    against the document's year (the time of writing or speaking)."""
    for m in RELATIVE.finditer(text):
        if m.group("deictic"):
            if doc_year is None:
                return None
            return str(doc_year + {"last": -1, "this": 0, "next": 1}[m.group("deictic").lower()])
        count = count_of(m.group("count"))
        if count is None:
            continue  # "many years ago"
        if m.group("way").lower() == "ago":
            return str(doc_year - count) if doc_year is not None else None
        if anchor is None:
            return None
        sign = -1 if m.group("way").lower() in {"earlier", "before"} else 1
        return shift_year(anchor, sign * count)
    return None


def plausible(value: str, doc_year: int | None) -> bool:
    """A year far after the text's own time ("2103" in a 2013 text) is not trusted."""
    year = int(value[:4])
    limit = (doc_year + 5) if doc_year else 2100
    return 1800 <= year <= limit


def is_deadline(text: str, ref: TimeRef) -> bool:
    """A bare year stated as a target or deadline: "by 2050", "until the end of 2030"."""
    return len(ref.value) == 4 and DEADLINE.search(text[:ref.start]) is not None


def document_year(text: str, date: str | None) -> int | None:
    """The document's year: its metadata date, else the latest plausible year it cites."""
    if date and re.match(r"\d{4}", date):
        return int(date[:4])
    years = [int(y) for y in YEAR.findall(text)]
    recent = [y for y in years if 1900 <= y <= 2030]
    return max(recent) if recent else None
