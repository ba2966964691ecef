"""The ``bilateral`` command line."""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Iterator, Sequence

from bilateral.errors import BilateralError
from bilateral.facts import extract_document
from bilateral.mentions.lexicon import Lexicon, default_lexicon, load_officeholders
from bilateral.model import ExtractionResult
from bilateral.model.serialize import to_json
from bilateral.output.summary import summarize
from bilateral.text import examples, read_document

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilateral",
        description="Extract official visits, statements and agreements from news articles.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    commands = parser.add_subparsers(dest="command", required=True)
    extract = commands.add_parser("extract", help="extract facts from article files")
    extract.add_argument("files", nargs="*", metavar="FILE", help="article text files")
    extract.add_argument("--examples", action="store_true", help="use the bundled example articles")
    extract.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text: a readable summary; json: one indented object per article; "
        "jsonl: one line per article, in input order",
    )
    extract.add_argument(
        "--officeholders",
        metavar="TOML",
        action="append",
        default=[],
        help="an office-holder table of your own (same format as the packaged one), loaded on "
        "top of it; may be given more than once",
    )
    extract.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        sys.stderr.close()
        return EXIT_OK


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if bool(args.files) == bool(args.examples):
        parser.error("give article FILEs or --examples (not both)")
    try:
        lexicon = _lexicon(args.officeholders)
    except BilateralError as exc:
        print(f"bilateral: error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_USAGE
    failed = False
    for result in _results(args.files, args.examples, args.debug, lexicon):
        if result is None:
            failed = True
            continue
        if args.format == "text":
            print(summarize(result), end="\n\n")
        elif args.format == "json":
            print(to_json(result, indent=2))
        else:
            print(to_json(result))
        sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _lexicon(tables: Sequence[str]) -> Lexicon:
    lexicon = default_lexicon()
    for table in tables:
        lexicon = lexicon.with_officeholders(load_officeholders(table))
    return lexicon


def _results(
    files: Sequence[str], use_examples: bool, debug: bool, lexicon: Lexicon
) -> Iterator[ExtractionResult | None]:
    """Results in input order; None (after a one-line error on stderr) for unreadable files."""
    if use_examples:
        for document in examples():
            yield extract_document(document, lexicon)
        return
    for path in files:
        try:
            document = read_document(path)
        except BilateralError as exc:
            print(f"bilateral: error: {exc}", file=sys.stderr)
            if debug:
                traceback.print_exc()
            yield None
            continue
        yield extract_document(document, lexicon)
