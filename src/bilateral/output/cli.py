"""The ``bilateral`` command line.

    bilateral extract [--format text|json|jsonl] (FILE... | --examples)
    bilateral query officials|visits|statements|agreements|calls [filters | --id ID]
        (FILE... | --examples | --corpus FILE)
    bilateral query topics
    bilateral timeline [--countries PK,IR] [--planned] (FILE... | --examples)
    bilateral export (--sqlite OUT.db | --jsonl OUT | --json OUT | --events OUT)
        (FILE... | --examples)

Exit codes: 0 success, 1 when some input could not be read (the others are processed) or a
worker process died, 2 for usage errors, invalid data files and output that cannot be
written, 130 when interrupted (Ctrl-C), 143 when terminated (SIGTERM).
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from bilateral import __version__
from bilateral.corpus import Corpus
from bilateral.corpus.persistence import load, save_json, save_jsonl, save_sqlite
from bilateral.errors import (
    BilateralError,
    InvalidQueryError,
    UnreadableArticleError,
    UnwritableError,
)
from bilateral.facts.batch import extract_many_as
from bilateral.facts.kinds import KIND_NAMED, KINDS, checked, country_code, country_codes
from bilateral.facts.vocabulary import topic_names
from bilateral.mentions.lexicon import Lexicon, default_lexicon, load_officeholders
from bilateral.model import ExtractionResult, PartialDate
from bilateral.model.serialize import to_json
from bilateral.output.events import write_events
from bilateral.output.summary import summarize
from bilateral.output.tables import fact_lines, timeline_table
from bilateral.text import Document, examples

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
T = TypeVar("T")


def _inputs(parser: argparse.ArgumentParser, corpus: bool = False) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="article text files")
    parser.add_argument("--examples", action="store_true", help="use the bundled example articles")
    parser.add_argument(
        "--officeholders",
        metavar="TOML",
        action="append",
        default=[],
        help="an office-holder table of your own (same format as the packaged one), loaded on "
        "top of it; may be given more than once",
    )
    if corpus:
        parser.add_argument(
            "--corpus", metavar="FILE", help="a saved corpus (.db, .jsonl or .json) to query"
        )
    parser.add_argument(
        "--workers",
        type=_positive,
        default=1,
        metavar="N",
        help="extract on N processes (default 1)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")


def _positive(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, not {text!r}")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bilateral",
        description="Extract official visits, statements and agreements from news articles.",
    )
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract facts from article files")
    _inputs(extract)
    extract.add_argument(
        "--format",
        choices=("text", "json", "jsonl"),
        default="text",
        help="text: a readable summary; json: one indented object per article; "
        "jsonl: one line per article, in input order",
    )

    query = commands.add_parser(
        "query", help="query the facts of many articles, merged; `query topics` lists the topics"
    )
    query.add_argument("kind", choices=("officials", *(k.plural for k in KINDS), "topics"))
    _inputs(query, corpus=True)
    query.add_argument("--country", help="officials of this country")
    query.add_argument("--office", help="officials of this office key (army_chief...)")
    query.add_argument("--name", help="officials with this name (spellings folded)")
    options = {f.name: f for kind in KINDS for f in kind.filters}  # a name shared is one option
    for option, found in options.items():
        query.add_argument(f"--{option}", help=found.help, choices=found.choices or None)
    query.add_argument(
        "--from", dest="since", metavar="DATE", help="on or after (2018, 2018-06...)"
    )
    query.add_argument("--to", dest="until", metavar="DATE", help="on or before")
    query.add_argument("--id", dest="fact_id", metavar="ID", help="the one fact with this id")
    query.add_argument("--format", choices=("text", "jsonl"), default="text")

    timeline = commands.add_parser("timeline", help="visits between countries, in order")
    _inputs(timeline, corpus=True)
    timeline.add_argument("--countries", default="PK,IR", help="comma-separated ISO codes")
    timeline.add_argument("--planned", action="store_true", help="include announced visits")

    export = commands.add_parser("export", help="save the merged facts of many articles")
    _inputs(export)
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--sqlite", metavar="OUT.db")
    target.add_argument("--jsonl", metavar="OUT")
    target.add_argument("--json", metavar="OUT")
    target.add_argument(
        "--events",
        metavar="OUT",
        help="event-data rows (CAMEO, PLOVER): CSV for OUT.csv, else JSON Lines",
    )
    export.add_argument(
        "--force", action="store_true", help="write over OUT when it exists (never over an input)"
    )
    return parser


def _end(signum: int, frame: object) -> None:
    """Ctrl-C or SIGTERM: the worker processes are ended, then the program, at once and
    quietly (each result is flushed as it is written, so what was written stays written)."""
    try:  # whatever the signal interrupted (even the list of children being changed)
        for child in multiprocessing.active_children():
            child.terminate()
    finally:
        os._exit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = (
        {number: signal.signal(number, _end) for number in (signal.SIGINT, signal.SIGTERM)}
        if in_main_thread
        else {}
    )
    try:
        return _run(argv)
    except BrokenPipeError:  # the reader of our output went away (e.g. `| head`)
        sys.stderr.close()
        return EXIT_OK
    except BrokenProcessPool as exc:
        print(f"bilateral: error: a worker process died ({exc}); results before it were written",
              file=sys.stderr)  # fmt: skip
        sys.stdout.flush()
        sys.stderr.flush()
        # at once: the pool's thread may wait for ever on what the dead worker half wrote,
        # and the interpreter would wait for that thread on exit
        os._exit(EXIT_FAILED)
    finally:
        for number, handler in previous.items():
            if handler is not None:  # None: a handler not set from Python, left as it is
                signal.signal(number, handler)


def _run(argv: Sequence[str] | None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command == "query" and args.kind == "topics":
        print("\n".join(topic_names()))
        return EXIT_OK
    from_corpus = getattr(args, "corpus", None)
    sources = sum(bool(x) for x in (args.files, args.examples, from_corpus))
    if sources != 1:
        choices = (
            "FILEs, --examples or --corpus" if hasattr(args, "corpus") else "FILEs or --examples"
        )
        parser.error(f"give article {choices} (one of them)")
    try:
        if args.command != "extract":
            _check_ids(args.files)
        if args.command == "query":
            _check_dates(args)
            _check_filters(args)
        if args.command == "timeline":
            _timeline_countries(args.countries)
        if args.command == "export":
            _check_target(args)
        lexicon = _lexicon(args.officeholders)
        if args.command == "extract":
            return _extract(args, lexicon)
        failed: list[bool] = []
        corpus = (
            load(from_corpus)
            if from_corpus
            else Corpus.from_results(_results(args, lexicon, failed, _whole), lexicon)
        )
        if args.command == "query":
            _query(args, corpus)
        elif args.command == "timeline":
            countries = _timeline_countries(args.countries)
            visits = corpus.timeline(countries, include_planned=args.planned)
            print(timeline_table(corpus, visits))
        else:
            _export(args, corpus)
        return EXIT_FAILED if failed else EXIT_OK
    except BilateralError as exc:
        print(f"bilateral: error: {exc}", file=sys.stderr)
        if args.debug:
            traceback.print_exc()
        return EXIT_USAGE


def _check_ids(files: Sequence[str]) -> None:
    """Two inputs of one name (in two folders) would be one article id: refused."""
    seen: dict[str, str] = {}
    for file in files:
        stem = Path(file).stem
        if stem in seen:
            raise BilateralError(
                f"{seen[stem]} and {file} would both be article {stem!r} (an article's id is its "
                "file name without extension): rename one"
            )
        seen[stem] = file


def _check_dates(args: argparse.Namespace) -> None:
    for flag, value in (("--from", args.since), ("--to", args.until)):
        if value is not None:
            try:
                PartialDate.parse(value)
            except ValueError as exc:
                raise BilateralError(f"{flag}: {exc}") from exc


def _check_filters(args: argparse.Namespace) -> None:
    """Refuse, before any extraction, a filter value that can never match."""
    if args.country is not None:
        country_code(args.country, "--country")
    kind = KIND_NAMED.get(args.kind)
    for found in kind.filters if kind else ():
        checked(found, getattr(args, found.name))


def _timeline_countries(text: str) -> tuple[str, ...]:
    codes = tuple(
        dict.fromkeys(country_codes([c for c in text.split(",") if c.strip()], "--countries"))
    )
    if len(codes) < 2:
        raise InvalidQueryError("--countries: a visit is between two countries; give two: PK,IR")
    return codes


def _check_target(args: argparse.Namespace) -> None:
    """Refuse, before any extraction, an export target that cannot or must not be written."""
    target = Path(args.sqlite or args.jsonl or args.json or args.events)
    if target.is_dir():
        raise UnwritableError(str(target), "is a folder")
    if not target.parent.is_dir():
        raise UnwritableError(str(target), f"no folder {str(target.parent)!r}")
    if not target.exists():
        return
    for file in args.files:
        if Path(file).exists() and target.samefile(file):
            raise UnwritableError(str(target), "is an input file; not written over")
    if args.sqlite and not target.is_file():
        raise UnwritableError(str(target), "not a regular file, which SQLite needs")
    if target.is_file() and not args.force:
        raise UnwritableError(str(target), "exists; give --force to write over it")


def _lexicon(tables: Sequence[str]) -> Lexicon:
    lexicon = default_lexicon()
    for table in tables:
        lexicon = lexicon.with_officeholders(load_officeholders(table))
    return lexicon


def _extract(args: argparse.Namespace, lexicon: Lexicon) -> int:
    failed: list[bool] = []
    # each result is written out where it is extracted: workers send back text, not results
    if args.format == "text":
        texts = _results(args, lexicon, failed, summarize)
        end = "\n\n"
    else:
        indent = 2 if args.format == "json" else None
        texts = _results(args, lexicon, failed, partial(to_json, indent=indent))
        end = "\n"
    for text in texts:
        print(text, end=end)
        sys.stdout.flush()
    return EXIT_FAILED if failed else EXIT_OK


def _whole(result: ExtractionResult) -> ExtractionResult:
    """A result as it is, for the commands that build a corpus of them."""
    return result


def _results(
    args: argparse.Namespace,
    lexicon: Lexicon,
    failed: list[bool],
    convert: Callable[[ExtractionResult], T],
) -> Iterator[T]:
    """What ``convert`` makes of each result, in input order, as each finishes; an unreadable
    file gives a one-line error on stderr (and a traceback with --debug) and is skipped."""
    items: list[Document | Path] = (
        list(examples()) if args.examples else [Path(f) for f in args.files]
    )

    def report(error: UnreadableArticleError) -> None:
        print(f"bilateral: error: {error}", file=sys.stderr)
        if args.debug:
            traceback.print_exception(error)
        failed.append(True)

    results = extract_many_as(
        items, convert, workers=args.workers, lexicon=lexicon, on_error=report
    )
    bar = _progress_bar() if len(items) > 1 and not args.quiet and sys.stderr.isatty() else None
    if bar is not None:
        yield from bar(results, total=len(items), unit="article", file=sys.stderr)
    else:
        yield from results


def _progress_bar() -> Callable[..., Iterator[Any]] | None:
    """tqdm's progress bar, where tqdm is installed; without it the command runs unchanged,
    with no bar (a process may lack it, as the scoring harness's did)."""
    try:
        bar: Callable[..., Iterator[Any]] = importlib.import_module("tqdm").tqdm
        return bar
    except ImportError:
        return None


def _query(args: argparse.Namespace, corpus: Corpus) -> None:
    between = (args.since, args.until) if args.since or args.until else None
    facts: Sequence[object]
    if args.fact_id is not None:
        facts = [_one(args.kind, args.fact_id, corpus)]
    elif args.kind == "officials":
        facts = corpus.officials(country=args.country, office=args.office, name=args.name)
    else:
        kind = KIND_NAMED[args.kind]
        filters: dict[str, object] = {}
        for found in kind.filters:
            value = getattr(args, found.name)
            if value is not None:
                filters[found.name] = value
        facts = getattr(corpus, kind.plural)(between=between, **filters)
    for line in fact_lines(corpus, facts, args.format):
        print(line)


def _one(plural: str, fact_id: str, corpus: Corpus) -> object:
    """The official or fact of this kind with this id, or :class:`InvalidQueryError`."""
    found: object = corpus.official(fact_id) if plural == "officials" else corpus.fact(fact_id)
    kind = KIND_NAMED.get(plural)
    if found is None or (kind is not None and not isinstance(found, kind.record)):
        raise InvalidQueryError(f"--id: no {plural[:-1]} {fact_id!r} in the corpus")
    return found


def _export(args: argparse.Namespace, corpus: Corpus) -> None:
    if args.events:
        write_events(corpus, args.events)
    elif args.sqlite:
        save_sqlite(corpus, args.sqlite)
    elif args.jsonl:
        save_jsonl(corpus, args.jsonl)
    else:
        save_json(corpus, args.json)
    print(f"bilateral: wrote {corpus!r}", file=sys.stderr)
