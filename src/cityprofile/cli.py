"""Command line: cityprofile extract, execute, render, build, watch, clean or bench."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from . import __version__
from .contract.errors import CityprofileError, ReportFailed
from .contract.files import write_atomic
from .contract.outputs import clean
from .contract.paths import PROFILES, SEEDS, corrections_for
from .pipeline.build import Options, build, count_warnings, extract_alone, hold_profiles
from .pipeline.executor import find_scheduler
from .pipeline.jobs import plan_jobs
from .pipeline.reports import execute_job, render_job
from .pipeline.watch import watch


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of jobs")
    return number


def _seconds(text: str) -> float:
    seconds = float(text)
    if not seconds > 0:  # also refuses "nan"
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of seconds")
    return seconds


def _folder(text: str) -> Path:
    # "~/articles" arrives unexpanded when quoted, as the Makefile quotes it, or from shells that leave it.
    return Path(text).expanduser()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cityprofile", description=__doc__)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    helps = {
        "extract": "read the articles and write profiles/<city>/profile.json",
        "execute": "run the notebooks with papermill for every extracted city",
        "render": "turn executed notebooks into HTML and PDF",
        "build": "extract, execute and render: every report",
        "watch": "build, then build again each time an article or the corrections change (Ctrl-C stops)",
        "bench": "time builds of the seeds, a peer chain, 2 to 50 cities, 2,000 and 10,000 articles, 1,500 cities",
        "clean": "delete what builds wrote into the output folder, and nothing else",
    }
    for name, text in helps.items():
        command = commands.add_parser(name, help=text, description=text)
        if name in ("extract", "build", "watch"):
            command.add_argument("--seeds", type=_folder, default=SEEDS,
                                 help="folder of article files (default: %(default)s)")
            command.add_argument("--corrections", type=Path,
                                 help="CSV of corrections to the extraction (default: corrections.csv beside the seeds "
                                      "folder, if it exists)")
        if name in ("extract", "build"):
            command.add_argument("--strict", action="store_true", help="exit non-zero when any file gives a warning")
        if name == "bench":
            command.add_argument("--seeds", type=_folder, default=SEEDS,
                                 help="folder of article files (default: %(default)s)")
            command.add_argument("--articles", type=_folder, help="articles the large corpora are copied from "
                                                                  "(default: the seeds folder)")
            continue
        command.add_argument("--out", type=_folder, default=PROFILES, help="output folder (default: %(default)s)")
        if name in ("extract", "build", "watch"):
            command.add_argument("--force-out", action="store_true",
                                 help="write into an output folder that holds files cityprofile did not make "
                                      "(they are left alone)")
        if name == "clean":
            continue
        if name == "watch":
            command.add_argument("--interval", type=_seconds, default=2.0, metavar="SECONDS",
                                 help="how often to look for changes, and how long they must hold still before a "
                                      "build (default: %(default)s)")
        elif name in ("extract", "build"):  # execute and render always run every report
            command.add_argument("--force", action="store_true", help="rebuild even when nothing changed")
        if name in ("extract", "build", "watch"):
            command.add_argument("--jobs", type=_positive, default=os.cpu_count() or 1,
                                 help="processes extracting articles and building reports "
                                      "(default: %(default)s, the number of cores)")
            command.add_argument("--scheduler", default=find_scheduler(), metavar="ADDRESS",
                                 help="a Dask scheduler to run on (default: $DASK_SCHEDULER_ADDRESS, else local "
                                      "processes); needs cityprofile[dask]")
    return parser


def _execute(out: Path) -> int:
    import nbformat

    status = 0
    for job in plan_jobs(out):
        try:
            write_atomic(job.executed, nbformat.writes(execute_job(job)))
            print(f"  {job.name}: executed -> {job.executed}")
        except ReportFailed as error:
            print(f"  {job.name}: FAILED: {error}", file=sys.stderr)
            status = 1
    return status


def _render(out: Path) -> int:
    status = 0
    for job in plan_jobs(out):
        try:
            seconds = render_job(job)
            print(f"  {job.name}: " + ", ".join(f"{k} {v:.1f}s" for k, v in seconds.items()))
        except (ReportFailed, FileNotFoundError) as error:
            print(f"  {job.name}: FAILED: {error}", file=sys.stderr)
            status = 1
    return status


def _options(args: argparse.Namespace, corrections: Path) -> Options:
    """Return the build options the command line gave; watch takes neither --force nor --strict."""
    return Options(corrections=corrections, workers=args.jobs, force=getattr(args, "force", False),
                   strict=getattr(args, "strict", False), scheduler=args.scheduler)


def _run(args: argparse.Namespace, corrections: Path) -> int:
    """Run one command that writes into ``args.out``; return its exit status."""
    if args.command == "extract":
        problems = extract_alone(args.seeds, args.out, _options(args, corrections))
        return 1 if args.strict and count_warnings(problems) else 0
    if args.command == "build":
        return build(args.seeds, args.out, _options(args, corrections))
    if args.command == "execute":
        return _execute(args.out)
    return _render(args.out)


def _watch(args: argparse.Namespace, corrections: Path) -> int:
    """Build into ``args.out`` each time the articles change, holding the output folder only while building."""

    def run() -> int:
        with hold_profiles(args.out, force_out=args.force_out):
            return build(args.seeds, args.out, _options(args, corrections))

    return watch(args.seeds, corrections, run, args.interval)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    corrections = getattr(args, "corrections", None)
    if corrections is not None and not corrections.is_file():
        # Only the default may be missing: a path given by hand that is not there is a typo to report.
        print(f"error: {corrections}: no such corrections file", file=sys.stderr)
        return 2
    corrections = corrections or corrections_for(getattr(args, "seeds", SEEDS))
    try:
        if args.command == "watch":
            return _watch(args, corrections)
        if args.command == "bench":
            from .pipeline.bench import run_bench  # imports the extraction stack, which other commands may skip

            run_bench(args.seeds, articles=args.articles)
            return 0
        if args.command == "clean":
            kept = clean(args.out)
            print(f"clean: {args.out}: the build's outputs deleted" + (f"; kept {', '.join(kept)}" if kept else ""))
            return 0
        with hold_profiles(args.out, force_out=getattr(args, "force_out", False)):
            return _run(args, corrections)
    except CityprofileError as error:
        print(f"error: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        print("interrupted: finished reports are kept; no half-written file was left", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Whoever read the output stopped (`| head`). Point stdout at /dev/null
        # so that flushing it at exit does not fail again with a traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a full disk, a read-only folder: one line naming the file, no traceback
        print(f"error: {error.filename}: {error.strerror}; the last good outputs are kept", file=sys.stderr)
        return 1


def run() -> None:
    """End the process with the command line's exit status: ``python -m cityprofile``."""
    status = main()
    # Python collects garbage as it ends, through every object the extraction stack holds, millions: 0.2 s
    # after every build. Frozen, they are left to the operating system, which frees the memory at once.
    gc.freeze()
    sys.exit(status)


if __name__ == "__main__":
    run()
