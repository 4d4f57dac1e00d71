"""Share of speeches whose speaker's own state is among the three most mentioned actors.

    python scripts/speaker_check.py OUT_DIR      (an `irclaims extract` output folder)

Counts the actor codes of `mentions.jsonl` per document (a compound such as `CHN,RUS`
counts for each state); a speaker counts as top three when fewer than three other actors
are mentioned more often.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path


def main(out: Path) -> int:
    speakers = {}
    for line in (out / "documents.jsonl").open(encoding="utf-8"):
        doc = json.loads(line)
        if doc.get("speaker"):
            speakers[doc["doc_id"]] = doc["speaker"]
    counts: dict[str, Counter] = defaultdict(Counter)
    for line in (out / "mentions.jsonl").open(encoding="utf-8"):
        m = json.loads(line)
        if m["actor"] and m["doc_id"] in speakers:
            for code in m["actor"].split(","):
                counts[m["doc_id"]][code] += 1
    misses = []
    for doc_id, speaker in sorted(speakers.items()):
        own = counts[doc_id][speaker]
        above = sum(1 for code, n in counts[doc_id].items() if code != speaker and n > own)
        if above >= 3 or own == 0:
            top = ", ".join(f"{c} {n}" for c, n in counts[doc_id].most_common(4))
            misses.append(f"{doc_id}: {speaker} {own}; top: {top}")
    total = len(speakers)
    print(f"{total - len(misses)}/{total} speeches ({(total - len(misses)) / total:.1%}) have "
          "the speaker's state among the three most mentioned actors")
    for miss in misses:
        print(f"  miss {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "out")))
