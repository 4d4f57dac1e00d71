"""The `irclaims` command line: extract, eval, train, load and annotations."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from .reader import InputError, RawDocument, iter_inputs  # noqa: E402


def fail(message: str, code: int = 2) -> int:
    print(f"irclaims: error: {message}", file=sys.stderr)
    return code


# ---------------------------------------------------------------- extract
def process_documents(pipeline: Any, raws: list[RawDocument], quiet: bool
                      ) -> Iterator[tuple[RawDocument, Any, str | None]]:
    """Yield (raw, document or None, error) for each input, in small batches.

    A batch that fails is retried one document at a time, so one bad document never
    stops the rest.
    """
    size = 8
    batches = [raws[i:i + size] for i in range(0, len(raws), size)]
    bar = None
    if not quiet and len(raws) > 1:
        from tqdm import tqdm

        bar = tqdm(total=len(raws), desc="extract", unit="doc", file=sys.stderr)
    for batch in batches:
        try:
            docs = pipeline.process(batch)
            results = [(raw, doc, None) for raw, doc in zip(batch, docs, strict=True)]
        except Exception:  # noqa: BLE001 - isolate the failing document below
            results = []
            for raw in batch:
                try:
                    results.append((raw, pipeline.process([raw])[0], None))
                except Exception as err:  # noqa: BLE001
                    results.append((raw, None, f"{raw.origin or raw.doc_id}: "
                                    f"processing failed ({type(err).__name__}: {err})"))
        if bar is not None:
            bar.update(len(batch))
        yield from results
    if bar is not None:
        bar.close()


def cmd_extract(args: argparse.Namespace) -> int:
    from .dataset import OUTPUT_FILES, document_tables, read_output, write_output

    started = time.perf_counter()
    errors: list[str] = []
    raws: list[RawDocument] = []
    seen_ids: set[str] = set()
    for item in iter_inputs(args.inputs):
        if isinstance(item, InputError):
            errors.append(str(item))
            print(f"irclaims: error: {item}", file=sys.stderr)
        elif item.doc_id in seen_ids:
            errors.append(f"{item.origin}: duplicate doc_id '{item.doc_id}' (skipped)")
            print(f"irclaims: error: {errors[-1]}", file=sys.stderr)
        else:
            seen_ids.add(item.doc_id)
            raws.append(item)
    if not raws:
        return fail("nothing could be processed", 1) if errors else fail("no input")

    out = Path(args.out)
    previous = read_output(out) if (out / "documents.jsonl").exists() and not args.force else {}
    stored = {d["doc_id"]: d["content_hash"] for d in previous.get("documents", [])}
    engine = None
    if args.db:
        from .database import connect, create_schema, stored_hashes

        try:
            engine = connect(args.db)
            create_schema(engine)
        except Exception as err:  # noqa: BLE001
            return fail(f"database {args.db}: {err}".splitlines()[0])
        if not args.force:
            db_hashes = stored_hashes(engine)
            stored = {k: v for k, v in stored.items() if db_hashes.get(k) == v} if stored \
                else db_hashes
    from .model import content_hash

    todo, unchanged = [], []
    for raw in raws:
        (unchanged if stored.get(raw.doc_id) == content_hash(raw.text) else todo).append(raw)
    new = [r for r in todo if r.doc_id not in stored]
    changed = [r for r in todo if r.doc_id in stored]

    tables: dict[str, list[dict]] = {name.removesuffix(".jsonl"): [] for name in OUTPUT_FILES}
    keep = {r.doc_id for r in unchanged}
    for name, rows in previous.items():
        tables[name] = [row for row in rows if row.get("doc_id") in keep]
    words = 0
    if todo:
        from .pipeline import Pipeline

        pipeline = Pipeline.load(classifier=not args.no_classifier)
        for raw, doc, error in process_documents(pipeline, todo, args.quiet):
            if error:
                errors.append(error)
                print(f"irclaims: error: {error}", file=sys.stderr)
                continue
            words += len(raw.text.split())
            for name, rows in document_tables(doc).items():
                tables[name].extend(rows)
            for warning in doc.warnings:
                if not args.quiet:
                    print(f"irclaims: warning: {doc.doc_id}: {warning}", file=sys.stderr)
    order = {r.doc_id: i for i, r in enumerate(raws)}
    for rows in tables.values():
        rows.sort(key=lambda r: (order.get(r.get("doc_id"), 1 << 30), r.get("index", 0),
                                 r.get("start", 0)))
    if len(tables["documents"]) == 0:
        return fail("nothing could be processed", 1)
    write_output(out, tables)
    if engine is not None:
        from .database import load_records

        report = load_records(engine, tables["documents"], tables["sentences"],
                              tables["mentions"], tables["claims"], tables["stances"],
                              force=args.force)
        if not args.quiet:
            print(f"database: {report.summary()}", file=sys.stderr)
    seconds = time.perf_counter() - started
    summary = (f"{len(tables['documents'])} documents ({len(new)} new, {len(changed)} changed, "
               f"{len(unchanged)} unchanged), {len(tables['sentences'])} sentences, "
               f"{len(tables['claims'])} claims in {seconds:.1f} s"
               + (f" ({words / seconds:,.0f} words/s)" if words and seconds else ""))
    print(summary)
    if errors:
        print(f"{len(errors)} input(s) failed:", file=sys.stderr)
        for error in errors:
            print(f"  {error}", file=sys.stderr)
    return 0


# ---------------------------------------------------------------- eval
def cmd_eval(args: argparse.Namespace) -> int:
    from .evaluate import format_errors, format_report, load_gold, report

    if args.external:
        return eval_external(args)
    gold_dir = Path(args.gold)
    if not gold_dir.is_dir():
        return fail(f"{gold_dir}: no such annotations folder")
    try:
        gold_claims, gold_mentions, doc_ids = load_gold(gold_dir, args.docs)
    except ValueError as err:  # a malformed annotation line, named with its number
        return fail(str(err))
    if not doc_ids:
        return fail(f"{gold_dir}: no annotated documents" + (" among --docs" if args.docs else ""))
    if args.pred:
        from .dataset import read_output

        try:
            tables = read_output(Path(args.pred))
        except ValueError as err:
            return fail(str(err))
        tables = {k: [r for r in v if r.get("doc_id") in set(doc_ids)] for k, v in tables.items()}
    else:
        tables = run_on_gold_documents(doc_ids, Path(args.corpus), args)
        if tables is None:
            return 1
    result = report(tables["claims"], gold_claims, tables["mentions"], gold_mentions,
                    tables["sentences"])
    result["documents"] = doc_ids
    result["setting"] = describe_setting(args, doc_ids)
    if "thresholds" in tables:
        result["thresholds"] = tables["thresholds"]
    if args.json:
        out = {k: v for k, v in result.items() if k != "errors" or args.errors}
        print(json.dumps(out, indent=2))
    else:
        print(f"{len(doc_ids)} documents, {len(gold_claims)} gold claims; {result['setting']}")
        print(format_report(result))
        if "thresholds" in result:
            print(format_thresholds(result["thresholds"]))
        if args.errors:
            print(format_errors(result["errors"]))
    return 0


def threshold_rows(cv: Any) -> list[dict]:
    """Per held-out document, the thresholds it was typed with and its strict counts; then
    the totals at the best thresholds on all held-out scores and at the shipped ones."""
    from .classifier import CLASSIFIER_DIR, THRESHOLD_GRID, shipped_thresholds

    def row(name: str, thresholds: Any, doc_ids: list[str]) -> dict:
        counts = [cv.strict_counts(d, thresholds) for d in doc_ids]
        return {"doc_id": name, **vars(thresholds),
                **{k: sum(c[i] for c in counts)
                   for i, k in enumerate(("tp", "predicted", "gold"))}}

    shipped = shipped_thresholds(CLASSIFIER_DIR)
    return [row(d, t, [d]) for d, t in cv.chosen.items()] + [
        row("*", cv.overall, list(cv.chosen))] + (
        [row("shipped", shipped, list(cv.chosen))] if shipped in THRESHOLD_GRID else [])


def format_thresholds(rows: list[dict]) -> str:
    """The decision thresholds each held-out document was typed with (reject / accept /
    fallback / retype), and the ones chosen on all documents."""
    lines = ["per document: thresholds typed with (reject accept fallback retype) and strict "
             "claims",
             f"  {'':<28}{'rej':>5}{'acc':>6}{'fall':>6}{'ret':>6}{'tp':>6}{'pred':>6}"
             f"{'gold':>6}{'F1':>8}"]
    for row in rows:
        name = {"*": "best on all held-out scores", "shipped": "shipped thresholds, all"}.get(
            row["doc_id"], row["doc_id"])
        total = row["predicted"] + row["gold"]
        f1 = 2 * row["tp"] / total if total else 0.0
        lines.append(f"  {name:<28}{row['reject']:>5.2f}{row['accept']:>6.2f}"
                     f"{row['fallback']:>6.2f}{row['retype']:>6.2f}{row['tp']:>6}"
                     f"{row['predicted']:>6}"
                     f"{row['gold']:>6}{f1:>8.3f}")
    return "\n".join(lines)


def describe_setting(args: argparse.Namespace, doc_ids: list[str] | None = None) -> str:
    """How the scored claims were made; for the shipped classifier, whether it was trained
    on the scored documents (in-sample) or not (held out)."""
    if args.pred:
        return f"predictions read from {args.pred}"
    if args.no_classifier:
        return "lexicon only (no classifier)"
    if args.cv:
        folds = getattr(args, "folds", None)
        split = f"in {folds} folds of documents" if folds else "leave-one-document-out"
        tuned = ", thresholds tuned without the held-out document" \
            if getattr(args, "tune", False) else ""
        return f"classifier scored {split}{tuned}"
    return f"classifier as shipped ({shipped_overlap(doc_ids or [])})"


def shipped_overlap(doc_ids: list[str]) -> str:
    """"in-sample", "held out" or "k of n in-sample": the scored documents against the
    documents the shipped classifier was trained on (its `config.json`)."""
    from .classifier import CLASSIFIER_DIR

    try:
        config = json.loads((CLASSIFIER_DIR / "config.json").read_text(encoding="utf-8"))
        trained = set(config.get("documents", []))
    except (OSError, ValueError):
        return "training documents unknown"
    seen = sum(1 for d in doc_ids if d in trained)
    if seen == len(doc_ids):
        return "in-sample: trained on these documents"
    if seen == 0:
        return "held out: not trained on these documents"
    return f"{seen} of {len(doc_ids)} documents in-sample"


def run_on_gold_documents(doc_ids: list[str], corpus: Path, args: argparse.Namespace
                          ) -> dict[str, list[dict]] | None:
    """Output tables of the annotated documents (and, with --cv, the thresholds used)."""
    from .dataset import document_tables
    from .pipeline import Pipeline, load_spacy
    from .reader import read_text_file

    raws = []
    for doc_id in doc_ids:
        path = corpus / f"{doc_id}.txt"
        if not path.exists():
            fail(f"{path}: annotated document has no text in {corpus}")
            return None
        raws.append(read_text_file(path))
    tables: dict[str, list[dict]] = {"claims": [], "mentions": [], "sentences": []}
    if args.cv and not args.no_classifier:
        from .classifier import cross_validated_documents, save_thresholds

        cv = cross_validated_documents(raws, Path(args.gold), Path(args.corpus),
                                       quiet=args.quiet, tune=args.tune, folds=args.folds)
        docs = cv.docs
        tables["thresholds"] = threshold_rows(cv)
        if args.save_thresholds:
            path = save_thresholds(cv.overall)
            print(f"thresholds chosen on all documents' held-out scores saved in {path}",
                  file=sys.stderr)
    else:
        pipeline = Pipeline(load_spacy()) if args.no_classifier else Pipeline.load()
        docs = pipeline.process(raws)
    for doc in docs:
        t = document_tables(doc)
        for name in ("claims", "mentions", "sentences"):
            tables[name] += t[name]
    return tables


def eval_external(args: argparse.Namespace) -> int:
    from .evaluate import score_external

    path = Path(args.external)
    if not path.exists():
        return fail(f"{path}: no such file")
    from .classifier import cross_validated_external, read_external

    try:
        records = read_external(path)
    except ValueError as err:
        return fail(str(err))
    if args.cv and not args.no_classifier:

        predictions = cross_validated_external(records, Path(args.gold), Path(args.corpus),
                                               quiet=args.quiet)
    else:
        from .pipeline import Pipeline, load_spacy
        from .reader import raw_document

        pipeline = Pipeline(load_spacy()) if args.no_classifier else Pipeline.load()
        docs = pipeline.process([raw_document(str(r["id"]), r["text"], "") for r in records])
        predictions = {d.doc_id: [c.record() for c in d.claims] for d in docs}
    result = score_external(records, predictions)
    result["setting"] = describe_setting(args).replace(
        "leave-one-document-out", "5-fold over the records, annotated documents always in training")
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(f"{path.name}: {result['records']} records; {result['setting']}")
        for key in ("type_recall", "triple_recall", "matching_share"):
            print(f"  {key:<16}{result[key]:.3f}")
    return 0


# ---------------------------------------------------------------- train, load, annotations
def cmd_train(args: argparse.Namespace) -> int:
    from .classifier import train_and_save

    card = train_and_save(Path(args.gold), Path(args.external),
                          Path(args.out) if args.out else None, seed=args.seed,
                          corpus=Path(args.corpus), quiet=args.quiet)
    print(card)
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from .database import load_output_dir

    try:
        report = load_output_dir(Path(args.dir), args.db, force=args.force)
    except (ValueError, OSError) as err:
        return fail(str(err).splitlines()[0])
    print(report.summary())
    return 0


def cmd_annotations(args: argparse.Namespace) -> int:
    from .annotations import check, fix_sentences

    if args.action == "check":
        problems = check(Path(args.gold), Path(args.corpus))
        for problem in problems:
            print(problem)
        print(f"{len(problems)} problem(s)")
        return 1 if problems else 0
    fix_sentences(Path(args.gold), Path(args.corpus))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="irclaims", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract claims from texts")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help=".txt/.md file, folder, .jsonl of {id, text} records, or - for stdin")
    p.add_argument("--out", required=True, help="output folder")
    p.add_argument("--db", help="also load into a database: sqlite:///x.db, postgresql://...")
    p.add_argument("--force", action="store_true", help="reprocess unchanged documents too")
    p.add_argument("--no-classifier", action="store_true", help="lexicon typing only")
    p.add_argument("--quiet", action="store_true", help="no progress bar or warnings")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score against hand annotations")
    p.add_argument("--pred", help="read predictions from an earlier --out folder")
    p.add_argument("--gold", default="annotations", help="annotations folder")
    p.add_argument("--corpus", default="corpus", help="texts of the annotated documents")
    p.add_argument("--docs", nargs="+", metavar="ID", help="only these documents")
    p.add_argument("--json", action="store_true", help="print scores as JSON")
    p.add_argument("--errors", action="store_true", help="list false positives and misses")
    p.add_argument("--cv", action="store_true",
                   help="score the classifier leave-one-document-out (cross-validated)")
    p.add_argument("--external", help="PLOVER-style JSONL (type and triple recall)")
    p.add_argument("--no-classifier", action="store_true", help="lexicon typing only")
    p.add_argument("--folds", type=int, default=None, metavar="K",
                   help="with --cv: K groups of documents instead of one document per fold")
    p.add_argument("--tune", action="store_true",
                   help="with --cv: type each held-out document with thresholds tuned on the "
                   "other documents' held-out scores (nested)")
    p.add_argument("--save-thresholds", action="store_true",
                   help="with --cv: write the thresholds tuned on all documents' held-out "
                   "scores into models/classifier/config.json")
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("train", help="rebuild the claim classifier in models/")
    p.add_argument("--gold", default="annotations")
    p.add_argument("--external", default="../shared/eval/plover_gsr_dev.jsonl")
    p.add_argument("--out", default=None, help="folder for weights (default models/classifier)")
    p.add_argument("--corpus", default="corpus")
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_train)

    p = sub.add_parser("load", help="load an --out folder into a database")
    p.add_argument("dir")
    p.add_argument("--db", required=True)
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_load)

    p = sub.add_parser("annotations", help="check annotation files or fill sentence indexes")
    p.add_argument("action", choices=["check", "fix-sentences"])
    p.add_argument("--gold", default="annotations")
    p.add_argument("--corpus", default="corpus")
    p.set_defaults(func=cmd_annotations)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from .classifier import ModelError

    try:
        return args.func(args)
    except ModelError as exc:
        return fail(str(exc))
    except KeyboardInterrupt:
        return fail("interrupted", 130)
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
