"""Stage 1, segment: title, sections, paragraphs, sentences, endnotes and note references.

Layout is found with plain rules over lines; sentences come from spaCy's parser run per
paragraph, so that a heading never merges into a sentence. Footnote markers glued to a
sentence end (`Asia.1`) are masked with spaces before parsing (offsets unchanged), so they
neither merge two sentences nor leak into an entity.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model import Document, Note, NoteRef, Paragraph, Section

NOTE_LINE = re.compile(r"(\d{1,3})\.\s+\S")
# A marker: 1-3 digits right after sentence-final punctuation that follows a letter,
# a closing quote or bracket ("Asia.1", "proposed.3 In", "States.6 On").
MARKER = re.compile(r"(?<=[A-Za-z\)\]’”\"'][.!?])(\d{1,3})(?=\s|$)|"
                    r"(?<=[A-Za-z][.!?][’”\"'])(\d{1,3})(?=\s|$)")
FINAL_PUNCT = ".,;:!"
MAX_HEADING_WORDS = 20
SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of on or the to with without vs via".split()
)


@dataclass
class Block:
    """A paragraph-sized span of text before it is classified."""

    start: int
    end: int
    text: str


def split_blocks(text: str, start: int) -> list[Block]:
    """Split text into paragraphs at blank lines and at line breaks between paragraphs.

    A line break inside a paragraph (a wrapped line: no final punctuation, next line in
    lower case) does not split it.
    """
    lines: list[tuple[int, int]] = []
    pos = start
    for line in text[start:].splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        if stripped.strip():
            lead = len(stripped) - len(stripped.lstrip().lstrip("\ufeff"))
            lines.append((pos + lead, pos + len(stripped.rstrip())))
        else:
            lines.append((-1, -1))
        pos += len(line)
    blocks: list[Block] = []
    current: list[int] | None = None
    for line_start, line_end in lines:
        if line_start < 0:
            current = None
            continue
        if current is not None:
            previous = text[current[0]:current[1]]
            following = text[line_start:line_end]
            wrapped = previous[-1] not in ".!?:;”\"’)" and following[:1].islower()
            if wrapped:
                current[1] = line_end
                continue
        current = [line_start, line_end]
        blocks.append(current)  # type: ignore[arg-type]
    return [Block(s, e, text[s:e]) for s, e in blocks]


def is_heading(block: str) -> bool:
    """A Markdown `#` heading, a short single line without final punctuation, or a
    title-case question."""
    if "\n" in block:
        return False
    if re.match(r"#{1,6}\s+\S", block):
        return True
    if not block[:1].isupper():
        return False
    words = block.split()
    if len(words) > MAX_HEADING_WORDS:
        return False
    if block[-1] in FINAL_PUNCT:
        return False
    if block[-1] == "?":
        content = [w for w in words if w.lower() not in SMALL_WORDS]
        capitalized = sum(1 for w in content if w[:1].isupper())
        return bool(content) and capitalized / len(content) >= 0.6
    return True


def find_notes(text: str, blocks: list[Block]) -> int:
    """Return how many trailing blocks are endnotes numbered 1, 2, 3, ... in order."""
    first = len(blocks)
    expected = None
    for i in range(len(blocks) - 1, -1, -1):
        match = NOTE_LINE.match(blocks[i].text)
        if not match:
            break
        number = int(match.group(1))
        if expected is not None and number != expected - 1:
            break
        expected = number
        first = i
    if first == len(blocks) or expected != 1:
        return 0
    return len(blocks) - first


def find_markers(text: str, start: int, end: int, note_numbers: set[int]) -> list[NoteRef]:
    refs = []
    for match in MARKER.finditer(text, start, end):
        number = int(match.group(0))
        if number in note_numbers:
            refs.append(NoteRef(number, match.start(), match.end()))
    return refs


def mask(text: str, refs: list[NoteRef]) -> str:
    """Replace marker digits by spaces so that spaCy never sees them (offsets kept)."""
    if not refs:
        return text
    chars = list(text)
    for ref in refs:
        chars[ref.start:ref.end] = " " * (ref.end - ref.start)
    return "".join(chars)


def layout(doc: Document) -> tuple[list[NoteRef], str]:
    """Fill sections, paragraphs and notes of `doc`; return note refs and the masked text."""
    text = doc.text
    blocks = split_blocks(text, doc.body_start)
    n_notes = find_notes(text, blocks)
    body, note_blocks = blocks[: len(blocks) - n_notes], blocks[len(blocks) - n_notes:]
    for block in note_blocks:
        match = NOTE_LINE.match(block.text)
        assert match is not None
        doc.notes.append(Note(int(match.group(1)), block.start, block.end, block.text))
    numbers = {note.number for note in doc.notes}
    refs = [ref for b in body for ref in find_markers(text, b.start, b.end, numbers)]
    by_number = {note.number: note for note in doc.notes}
    for ref in refs:
        ref.note_start = by_number[ref.number].start

    section = Section(0, doc.body_start, doc.body_start)
    doc.sections.append(section)
    for i, block in enumerate(body):
        kind = "body"
        if is_heading(block.text):
            if i == 0 and "title" not in doc.metadata:
                kind = "title"
                doc.metadata["title"] = block.text
            elif i == 0:
                kind = "title"
            else:
                kind = "heading"
                if section.end > section.start or section.heading is not None:
                    section = Section(len(doc.sections), block.start, block.end)
                    doc.sections.append(section)
                section.heading = block.text
                section.heading_start, section.heading_end = block.start, block.end
        doc.paragraphs.append(Paragraph(len(doc.paragraphs), block.start, block.end,
                                        section.index, kind))
        section.end = block.end
    if note_blocks:
        notes = Section(len(doc.sections), note_blocks[0].start, note_blocks[-1].end,
                        heading=None)
        doc.sections.append(notes)
        for block in note_blocks:
            doc.paragraphs.append(Paragraph(len(doc.paragraphs), block.start, block.end,
                                            notes.index, "note"))
    return refs, mask(text, refs)


def note_body_start(text: str, start: int) -> int:
    """Offset just after a note's `N. ` number, where its sentences begin."""
    match = NOTE_LINE.match(text, start)
    return match.end() - 1 if match else start


def list_period_pattern(names: list[str]) -> re.Pattern[str]:
    """A period printed for a comma inside a list of state names, as UN transcripts print
    "partnership with India. Japan and Australia" and "Brazil. Russia. India. China":
    the name before the period, when the name after it goes on with "," "." or "and"."""
    alternatives = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\.(?= (?:{alternatives})(?:[.,]| and\b))")


# A period between two lowercase words, which UN transcripts print for a comma ("the
# unprecedentedly inhumane trade. economic and financial blockade"); not an abbreviation's.
LOWERCASE_PERIOD = re.compile(r"\b(?!(?:etc|vs|viz|cf|al|approx|incl|esp)\.)[a-z]{2,}\.(?= [a-z])")
PLURAL_POSSESSIVE = re.compile(r"(?<=s)\u2019(?=\s)")  # "the United States’ blockade"


def repair_for_parsing(text: str, list_periods: re.Pattern[str]) -> str:
    """The text the parser reads: periods of state lists (`list_period_pattern`) and
    between lowercase words made commas, a curly plural possessive made straight (the
    tagger knows only "States'"). One character for one, so offsets hold."""
    for periods in (list_periods, LOWERCASE_PERIOD):
        text = periods.sub(lambda m: m.group(0)[:-1] + ",", text)
    return PLURAL_POSSESSIVE.sub("'", text)
