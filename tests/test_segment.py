"""Segmentation: headings, footnote markers, endnotes, abbreviations, quotations, offsets."""

from __future__ import annotations

from pipeline.segment import find_markers, is_heading, split_blocks

TEXT = (
    "A Title Without Punctuation\n\n"
    "Moscow and Tokyo agreed on a plan in Asia.1 Talks resumed on Sept. 2, 2011, i.e., after "
    "the crisis. Officials met again in the United States.2 On the same day, nothing happened.\n\n"
    "Why Did Talks Stall?\n\n"
    "The minister said, “We will not yield. We will hold firm.” Then he left.\n\n"
    "1. A first note about the talks.\n\n"
    "2. A second note that wraps onto\nthe next line.\n"
)


def test_headings_and_title(nlp):
    doc = nlp(TEXT, doc_id="x")
    kinds = [(s.kind, s.text) for s in doc.sentences if s.kind != "body"]
    assert kinds[0] == ("title", "A Title Without Punctuation")
    assert ("heading", "Why Did Talks Stall?") in kinds
    assert len(doc.sections) == 3  # title section, the question heading, the notes
    assert not any("Title" in s.text for s in doc.sentences if s.kind == "body")


def test_is_heading_rules():
    assert is_heading("Putin’s Approach to China and Japan in Triangular Context")
    assert is_heading("Were Urgent Exercises Held without Notice Aimed at China?")
    assert not is_heading("Was it wise to go there?")
    assert not is_heading("This is a sentence.")


def test_footnote_markers_split_sentences_and_link_notes(nlp):
    doc = nlp(TEXT, doc_id="x")
    refs = [(s.text, [r.number for r in s.note_refs]) for s in doc.sentences if s.note_refs]
    assert refs == [("Moscow and Tokyo agreed on a plan in Asia.", [1]),
                    ("Officials met again in the United States.", [2])]
    assert [n.number for n in doc.notes] == [1, 2]
    for sentence in doc.sentences:
        for ref in sentence.note_refs:
            assert TEXT[ref.start:ref.end] == str(ref.number)
            assert ref.note_start == next(n.start for n in doc.notes if n.number == ref.number)
    # the marker never leaks into an entity
    assert all(not m.text[-1].isdigit() for m in doc.mentions)


def test_abbreviations_do_not_split(nlp):
    doc = nlp(TEXT, doc_id="x")
    texts = [s.text for s in doc.sentences]
    assert "Talks resumed on Sept. 2, 2011, i.e., after the crisis." in texts


def test_quotation_stays_one_sentence(nlp):
    doc = nlp(TEXT, doc_id="x")
    texts = [s.text for s in doc.sentences]
    assert "The minister said, “We will not yield. We will hold firm.”" in texts
    assert "Then he left." in texts


def test_endnotes_are_note_sentences(nlp):
    doc = nlp(TEXT, doc_id="x")
    notes = [s.text for s in doc.sentences if s.kind == "note"]
    assert notes == ["A first note about the talks.",
                     "A second note that wraps onto\nthe next line."]


def test_offsets_exact(nlp, seed_doc):
    text = seed_doc.text
    for s in seed_doc.sentences:
        assert text[s.start:s.end] == s.text
        assert s.text == s.text.strip()
    for m in seed_doc.mentions:
        assert text[m.start:m.end] == m.text
    for c in seed_doc.claims:
        assert text[c.start:c.end] == c.evidence


def test_seed_has_eight_linked_markers(seed_doc):
    refs = sorted(r.number for s in seed_doc.sentences for r in s.note_refs)
    assert refs == list(range(1, 9))
    assert [n.number for n in seed_doc.notes] == list(range(1, 9))
    # 'States.6 On' and 'Asia.1 Regarding' are split at the marker
    ends = {s.text[-12:] for s in seed_doc.sentences if s.note_refs}
    assert "United States." in {s.text[-14:] for s in seed_doc.sentences if s.note_refs}
    assert all(e.endswith(".") for e in ends)


def test_marker_needs_a_matching_note():
    text = "It grew 2.5 percent in Asia.3 Then it fell."
    assert [r.number for r in find_markers(text, 0, len(text), {3})] == [3]
    assert find_markers(text, 0, len(text), set()) == []
    # a number after a number is a decimal, not a marker
    assert find_markers("It was 2012.3 then.", 0, 19, {3}) == []
    assert find_markers("Track 1.5 talks.", 0, 16, {5}) == []


def test_wrapped_lines_join_paragraph_lines_split():
    text = "First paragraph line one\ncontinues here.\nSecond paragraph.\n\nThird."
    blocks = [b.text for b in split_blocks(text, 0)]
    assert blocks == ["First paragraph line one\ncontinues here.", "Second paragraph.", "Third."]


def test_crlf_offsets(nlp):
    text = "Title Line\r\n\r\nRussia criticized Japan.\r\nJapan protested.\r\n"
    doc = nlp(text, doc_id="crlf")
    for s in doc.sentences:
        assert text[s.start:s.end] == s.text
    assert [s.text for s in doc.sentences][-2:] == ["Russia criticized Japan.", "Japan protested."]


def test_markdown_headings(nlp):
    text = "# Arctic Rivalry\n\nNorway criticized Russia.\n\n## A closer look\n\nIt worked."
    doc = nlp(text, doc_id="md")
    kinds = [(s.kind, s.text) for s in doc.sentences]
    assert kinds == [("title", "# Arctic Rivalry"), ("body", "Norway criticized Russia."),
                     ("heading", "## A closer look"), ("body", "It worked.")]


def test_byte_order_mark_counts_as_a_character(nlp):
    text = "\ufeffRussia criticized Japan.\r\n"
    doc = nlp(text, doc_id="bom")
    assert [(s.start, s.text) for s in doc.sentences] == [(1, "Russia criticized Japan.")]
    assert all(text[m.start:m.end] == m.text for m in doc.mentions)


def test_verbless_fragments_join_the_next_sentence(nlp):
    # UN transcripts print list commas as periods: "Brazil. Russia. India and China met."
    text = ("Last year, for the first time. Norway. Chile and Peru voted against the plan. "
            "It failed.")
    doc = nlp(text, doc_id="x")
    texts = [s.text for s in doc.sentences]
    assert "Norway. Chile and Peru voted against the plan." in " ".join(texts)
    assert not any(t in {"Norway.", "Chile."} for t in texts)
    assert texts[-1] == "It failed."
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)


def test_a_period_printed_for_a_comma_in_a_list_of_states(nlp):
    text = ("We elevated our partnership with India. Japan and Australia. We met Peru. "
            "Chile has agreed.")
    doc = nlp(text, doc_id="t", metadata={"speaker": "USA"})
    assert doc.text == text  # the repair is for parsing only: text and offsets stay
    assert [s.text for s in doc.sentences] == [
        "We elevated our partnership with India. Japan and Australia.", "We met Peru.",
        "Chile has agreed."]
    assert {("AUS", "COOPERATE", "USA"), ("IND", "COOPERATE", "USA"),
            ("JPN", "COOPERATE", "USA")} <= {(c.subject, c.type, c.object) for c in doc.claims}


def test_a_period_between_lowercase_words_and_a_curly_plural_possessive(nlp):
    text = ("We insist on an end to the United States’ inhumane trade. economic and "
            "financial blockade of Cuba, etc. and more.")
    doc = nlp(text, doc_id="t", metadata={"speaker": "MEX"})
    assert doc.text == text and len(doc.sentences) == 1
    assert ("USA", "OPPOSE", "CUB") in {(c.subject, c.type, c.object) for c in doc.claims}
