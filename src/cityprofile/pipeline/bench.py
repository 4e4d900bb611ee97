"""``cityprofile bench``: timings of the build, a peer chain, and scale.

Prints one table. Nothing here asserts a target: the figures are for people.
The large corpora are copies of an articles folder (``--articles``, by
default the seeds) with their cities renamed to other real cities.
"""

from __future__ import annotations

import json
import os
import random
import re
import resource
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from ..contract.files import write_atomic
from ..contract.paths import SEEDS
from ..contract.profiles import INDEX_NAME, read_index
from ..extract.corpus import find_files, read_file
from ..extract.gazetteer import Place, load_gazetteer, load_prefecture_cities, slugify
from .jobs import plan_jobs

SCALES = (2, 10, 50)
# Articles in each large corpus, and the cities they are spread over: about 40 articles a city.
CORPORA = ((2_000, 50), (10_000, 250))
LEAGUE_CITIES = 1_500  # the comparison of this many cities, made from the large corpus's profiles
ONE_LINE_BYTES = 4_900_000  # just under the extract stage's 5 MB cap on a file
_PARAGRAPH_WORDS = 20  # a line this long is article text, not a menu or a caption
_PARAGRAPH_CHARS = 40  # and a line of Chinese this long
_CJK = re.compile(r"[\u3400-\u9fff]")
# After a full stop, in English or Chinese: a paragraph cut into sentences to sample.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|(?<=[。！？])")


def _read_number(text: str, field: str) -> int:
    found = re.search(rf"^{field}:\s+(\d+)", text, re.M)
    return int(found.group(1)) if found else 0


def measure_tree_memory(root: int) -> int:
    """Return the memory in bytes of a process and all its descendants.

    Summed as proportional set size: workers forked from the build share
    its pages, and summing resident sizes would count those once per worker.
    """
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        try:
            parents[int(entry)] = _read_number(Path(f"/proc/{entry}/status").read_text(), "PPid")
        except (ValueError, OSError):
            continue
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent and pid not in tree]
        tree.update(children)
        frontier += children
    total = 0
    for pid in tree:
        try:
            total += _read_number(Path(f"/proc/{pid}/smaps_rollup").read_text(), "Pss") * 1024
        except OSError:
            continue  # the process ended meanwhile
    return total


def run_measured(command: list[str]) -> tuple[float, int, str]:
    """Run a command; return wall seconds, peak memory of its process tree, and its output."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, measure_tree_memory(process.pid))
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    output, _ = process.communicate()
    # Timed before the sampler is joined: it may be asleep for up to 0.2 s more.
    wall = time.perf_counter() - started
    sampler.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{output}")
    return wall, peak, output


def measure_children_cpu() -> float:
    """Return the CPU seconds (user and system) of this process's finished children, and of theirs they waited for.

    The difference over a run says whether the machine itself ran slower or
    faster than over another run of the same work, which wall time cannot.
    """
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _build(seeds: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "cityprofile", "build", "--seeds", str(seeds), "--out", str(out), "--jobs", str(jobs)]


def stage_seconds(output: str) -> dict[str, float]:
    """Return seconds per stage summed from a build's progress lines."""
    totals = {"extract": 0.0, "exports": 0.0, "execute": 0.0, "html": 0.0, "pdf": 0.0}
    for stage, line in (("extract", r"extract: \d+ cities"), ("exports", r"exports: .*")):
        found = re.search(rf"^{line} in ([\d.]+)s", output, re.M)
        if found:
            totals[stage] = float(found.group(1))
    for stage in ("execute", "html", "pdf"):
        totals[stage] = sum(float(s) for s in re.findall(rf"\b{stage} ([\d.]+)s", output))
    return totals


def peer_chain(seeds: Path, root: Path, jobs: int) -> float:
    """Time, from cold, the chain a competent user writes instead of ``cityprofile build``.

    ``cityprofile extract``, then per report ``papermill`` -> ``jupyter nbconvert --to html --no-input`` ->
    ``weasyprint``, as a Makefile run by ``make -j`` with as many jobs as the build.
    """
    out = root / "profiles"
    started = time.perf_counter()
    subprocess.run(_extract(seeds, out, jobs), check=True, capture_output=True)
    makefile = write_peer_makefile(out, root / "peer.mk")
    subprocess.run(["make", "-j", str(jobs), "-f", str(makefile), "all"], check=True, capture_output=True)
    return time.perf_counter() - started


def write_peer_makefile(out: Path, makefile: Path) -> Path:
    """Write the Makefile of the peer chain for the reports of ``out``: each report's PDF from its HTML, the HTML
    from the executed notebook, the notebook from papermill; return its path."""
    bin_dir, rules, targets = Path(sys.executable).parent, [], []
    for job in plan_jobs(out):
        executed = out / "peer" / f"{job.name}.ipynb"
        html, pdf = executed.with_suffix(".html"), executed.with_suffix(".pdf")
        parameters = []
        for key, value in job.parameters.items():
            parameters += ["-y", f"{key}: {value!r}"] if isinstance(value, list) else ["-p", key, str(value)]
        papermill = [str(bin_dir / "papermill"), str(job.notebook), str(executed), *parameters, "--no-progress-bar"]
        nbconvert = [str(bin_dir / "jupyter"), "nbconvert", "--to", "html", "--no-input", str(executed)]
        rules += [f"{_make_word(pdf)}: {_make_word(html)}",
                  f"\t{_make_line([str(bin_dir / 'weasyprint'), str(html), str(pdf)])}",
                  f"{_make_word(html)}: {_make_word(executed)}",
                  f"\t{_make_line(nbconvert)}",
                  f"{_make_word(executed)}:",
                  f"\t{_make_line(['mkdir', '-p', str(executed.parent)])} && {_make_line(papermill)}"]
        targets.append(_make_word(pdf))
    makefile.write_text("\n".join([f"all: {' '.join(targets)}", *rules]) + "\n", encoding="utf-8")
    return makefile


def _make_word(path: Path) -> str:
    """A path as one word of a make rule: the bench's scratch folders hold no spaces or colons."""
    return str(path).replace("$", "$$")


def _make_line(command: list[str]) -> str:
    """A command as one line of a make recipe: quoted for the shell, with make's "$" doubled."""
    return " ".join(shlex.quote(word) for word in command).replace("$", "$$")


def pick_stand_in_cities(count: int, exclude: list[str]) -> list[str]:
    """Return the most populous prefecture-level cities whose name means only that city.

    Not a district (it would count for its city) and not a province as well.
    """
    gazetteer = load_gazetteer()
    places = {gazetteer.lookup(name) for name in load_prefecture_cities()}
    names = [p.name for p in sorted(places, key=lambda p: -p.population)
             if p.name not in exclude and gazetteer.lookup(p.name) is p and p.name not in gazetteer.provinces]
    if len(names) < count:
        raise ValueError(f"only {len(names)} cities can stand in for the seed cities, not {count}")
    return names[:count]


def synthetic_corpus(articles: Path, target: Path, cities: int, size: int | None = None) -> None:
    """Copy the articles into ``size`` files (default: one copy per city), renaming their cities to other real cities.

    Copy ``k`` of the folder is about stand-in city ``k`` (modulo ``cities``). Each copy keeps its article's
    lines, with the sentences of its paragraphs drawn from all the articles': copies that differed only in
    the city's name would be found to be one story (duplicates.py) and counted once, and the corpus would
    build a few cities, not ``cities``.
    """
    work = Path(tempfile.mkdtemp())
    subprocess.run([sys.executable, "-m", "cityprofile", "extract", "--seeds", str(articles), "--out", str(work / "p")],
                   check=True, capture_output=True)
    seed_cities = [entry["city"] for entry in read_index(work / "p")]
    names = pick_stand_in_cities(cities, exclude=seed_cities)
    target.mkdir(parents=True, exist_ok=True)
    pattern = re.compile("|".join(re.escape(c) for c in sorted(seed_cities, key=len, reverse=True)))
    texts = [(path, read_article(path)) for path in find_files(articles)]
    pool = [sentence for _, text in texts for shape in split_paragraphs(text) for sentence in shape]
    for number in range(size or cities * len(texts)):
        copy, (path, text) = divmod(number, len(texts))[0], texts[number % len(texts)]
        own = pattern.sub(names[copy % cities], mix_sentences(text, pool, random.Random(number)))
        name = path.name if path.suffix.lower() != ".pdf" else f"{path.stem}.txt"  # a PDF's copy is its text
        (target / f"{copy:05d}_{name}").write_text(f"{own}\n\nCopy {copy} of {path.stem}.\n", encoding="utf-8")
    shutil.rmtree(work)


def split_paragraphs(text: str) -> list[list[str]]:
    """Return each line of ``text`` as its sentences when it is a paragraph, else as an empty list."""
    return [[part for part in _SENTENCE_END.split(line) if part.strip()] if _is_paragraph(line) else []
            for line in text.splitlines()]


def _is_paragraph(line: str) -> bool:
    """Whether a line is article text, not a menu or a caption: long enough in words, or in characters for Chinese,
    which has no spaces between its words."""
    return len(line.split()) >= _PARAGRAPH_WORDS or len(line) >= _PARAGRAPH_CHARS and bool(_CJK.search(line))


def mix_sentences(text: str, pool: list[str], chance: random.Random) -> str:
    """Return ``text`` with the sentences of its paragraphs drawn at random from ``pool``; other lines stay.

    Two such copies of one article share a few sentences, not most of their wording.
    """
    lines, shapes = text.splitlines(), split_paragraphs(text)
    wanted = sum(map(len, shapes))
    # Without repeats while the pool allows: a sentence twice in one copy would be page furniture.
    drawn = iter(chance.sample(pool, wanted) if wanted <= len(pool) else chance.choices(pool, k=wanted))
    return "\n".join(" ".join(next(drawn) for _ in shape) if shape else line for line, shape in zip(lines, shapes))


class _Rows:
    """Prints each measurement as soon as it is known: the whole run takes minutes."""

    def append(self, row: tuple[str, str]) -> None:
        print(f"  {row[0]:<58}  {row[1]}", flush=True)


def run_bench(seeds: Path = SEEDS, jobs: int = os.cpu_count() or 1, articles: Path | None = None,
              corpora: tuple = CORPORA) -> None:
    """Run every measurement and print the table; the large corpora are made from ``articles`` (default: seeds)."""
    print(f"cityprofile bench on {os.cpu_count()} cores, {jobs} jobs, Python {sys.version.split()[0]}", flush=True)
    rows = _Rows()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        corpus = root / "seeds"
        shutil.copytree(seeds, corpus)
        out = root / "profiles"
        cold, cold_peak, output = run_measured(_build(corpus, out, jobs))
        stages = stage_seconds(output)
        rows.append(("seeds: cold build", f"{cold:.1f} s wall; " + ", ".join(f"{k} {v:.1f} s" for k, v in stages.items())
                     + f"; peak {cold_peak / 2**20:.0f} MiB"))
        # Straight after, on the same machine and load: the chain a user would write instead, from cold too.
        peer = peer_chain(corpus, root / "peer", jobs)
        rows.append((f"seeds: peer chain, cold (extract, then papermill, nbconvert, weasyprint under make -j{jobs})",
                     f"{peer:.1f} s wall"))
        rows.append(("seeds: speed-up over the peer chain, both cold", f"{peer / cold:.2f}x"))
        noop, _, _ = run_measured(_build(corpus, out, jobs))
        rows.append(("seeds: no-op rebuild", f"{noop:.2f} s"))
        smallest = read_index(out)[-1]
        edit_article(first_article_file(out, smallest["slug"], corpus))
        one, _, output = run_measured(_build(corpus, out, jobs))
        rebuilt = ", ".join(re.findall(r"^  ([^:\s]+): built", output, re.M)) or "nothing"
        rows.append(("seeds: one article changed", f"{one:.1f} s; rebuilt {rebuilt}"))
        one_line = root / "one-line"
        write_one_line_article(seeds, one_line / "one-line.txt")
        wall, peak, _ = run_measured(_build(one_line, root / "one-line-out", jobs))
        rows.append((f"one-line {ONE_LINE_BYTES / 1e6:.1f} MB article: cold build",
                     f"{wall:.1f} s, peak {peak / 2**20:.0f} MiB"))
        for cities in SCALES:
            synthetic = root / f"scale{cities}"
            synthetic_corpus(seeds, synthetic, cities)
            wall, peak, _ = run_measured(_build(synthetic, root / f"out{cities}", jobs))
            built = len(read_index(root / f"out{cities}"))
            rows.append((f"scale: {built} cities", f"{wall:.1f} s, {wall / built:.2f} s per city, peak {peak / 2**20:.0f} MiB"))
        for size, cities in corpora:
            out = bench_corpus(articles or seeds, root / f"corpus{size}", size, cities, jobs, rows)
        bench_league(out, root / "league", LEAGUE_CITIES, rows)


def _extract(seeds: Path, out: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "cityprofile", "extract", "--seeds", str(seeds), "--out", str(out), "--jobs", str(jobs)]


def bench_corpus(articles: Path, root: Path, size: int, cities: int, jobs: int, rows) -> Path:
    """Time a large corpus: cold extraction on 1 and ``jobs`` processes, the reports, one article added, a no-op."""
    corpus = root / "seeds"
    synthetic_corpus(articles, corpus, cities, size)
    name = f"{size:,} articles"
    started = measure_children_cpu()
    one, _, _ = run_measured(_extract(corpus, root / "one", 1))
    between = measure_children_cpu()
    out = root / "profiles"
    many, peak, _ = run_measured(_extract(corpus, out, jobs))
    cpu_one, cpu_many = between - started, measure_children_cpu() - between
    rows.append((f"{name}: cold extraction, 1 / {jobs} jobs",
                 f"{one:.1f} s / {many:.1f} s, {one / many:.2f}x; CPU {cpu_one:.1f} s / {cpu_many:.1f} s "
                 f"({1000 * cpu_one / size:.0f} ms an article), "
                 f"the {jobs} jobs busy {cpu_many / (jobs * many):.0%} of the time; peak {peak / 2**20:.0f} MiB"))
    # On the extraction just timed: extracting a third time would only repeat it.
    wall, peak, output = run_measured(_build(corpus, out, jobs))
    built = len(read_index(out))
    rows.append((f"{name}: every report, cold, {built} cities", f"{wall:.0f} s, peak {peak / 2**20:.0f} MiB; comparison "
                 f"{count_pages(out / 'comparison' / 'comparison.pdf')} pages"))
    add_article(corpus, "added")
    wall, peak, output = run_measured(_build(corpus, out, jobs))
    rebuilt = ", ".join(re.findall(r"^  ([^:\s]+): built", output, re.M)) or "nothing"
    stages = stage_seconds(output)
    rows.append((f"{name}: one article added", f"extract {stages['extract']:.1f} s, exports {stages['exports']:.1f} s, "
                 f"build {wall:.1f} s (rebuilt {rebuilt}); peak {peak / 2**20:.0f} MiB"))
    noop, _, _ = run_measured(_build(corpus, out, jobs))
    rows.append((f"{name}: no-op rebuild", f"{noop:.2f} s"))
    stages, wall = time_watched_addition(corpus, out, jobs)
    rows.append((f"{name}: one article added, to a running watch", f"extract {stages['extract']:.1f} s, "
                 f"exports {stages['exports']:.1f} s, build {wall:.1f} s"))
    return out


def add_article(corpus: Path, tag: str) -> Path:
    """Add a copy of the corpus's first article, made distinct by a sentence naming ``tag``; return its path."""
    first = min(corpus.iterdir())
    added = corpus / f"zz_{tag}_{first.name}"
    added.write_text(read_article(first) + f"\nAdded to the corpus after its first build ({tag}).\n", encoding="utf-8")
    return added


def read_until_waiting(process: subprocess.Popen) -> str:
    """Return the output of a running ``cityprofile watch`` up to and including its next "waiting" line."""
    lines = []
    for line in process.stdout:
        lines.append(line)
        if line.startswith("watch: waiting"):
            return "".join(lines)
    raise RuntimeError("cityprofile watch ended:\n" + "".join(lines))


def time_watched_addition(corpus: Path, out: Path, jobs: int) -> tuple[dict[str, float], float]:
    """Return the stage seconds and whole time of the build a running ``cityprofile watch`` makes for one new article."""
    command = [sys.executable, "-m", "cityprofile", "watch", "--seeds", str(corpus), "--out", str(out),
               "--jobs", str(jobs), "--interval", "0.5"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        read_until_waiting(process)
        add_article(corpus, "watched")
        output = read_until_waiting(process)
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return stage_seconds(output), float(re.search(r"^build: .* in ([\d.]+)s", output, re.M).group(1))


def bench_league(profiles: Path, out: Path, cities: int, rows) -> None:
    """Time the comparison alone over ``cities`` cities: the profiles of ``profiles``, renamed round-robin."""
    entries = read_index(profiles)
    places = pick_many_cities(cities)
    index = []
    for number, place in enumerate(places):
        profile = json.loads((profiles / entries[number % len(entries)]["slug"] / "profile.json").read_text())
        # The place's own province, so that the comparison's map places every city.
        profile.update(city=place.name, slug=slugify(place.name), province=place.province)
        write_atomic(out / profile["slug"] / "profile.json", json.dumps(profile, ensure_ascii=False))
        index.append({"slug": profile["slug"], "city": place.name, "province": place.province,
                      "articles": len(profile["articles"])})
    write_atomic(out / INDEX_NAME, json.dumps({"cities": index}, ensure_ascii=False))
    script = ("import sys\nfrom pathlib import Path\nfrom cityprofile.pipeline.jobs import plan_jobs\nfrom cityprofile.pipeline.workers import run_jobs\n"
              f"jobs = [j for j in plan_jobs(Path({str(out)!r})) if j.name == 'comparison']\n"
              "sys.exit([o.status for o in run_jobs(jobs, 1)] != ['built'])\n")
    wall, peak, _ = run_measured([sys.executable, "-c", script])
    pages = count_pages(out / "comparison" / "comparison.pdf")
    rows.append((f"comparison of {cities:,} cities", f"{wall:.0f} s, {pages} pages, peak {peak / 2**20:.0f} MiB"))
    slugs = [entry["slug"] for entry in index]
    locator, whole = time_maps([{**entry, "articles": [{}] * entry["articles"], "all_slugs": slugs} for entry in index])
    rows.append(("maps: one locator map", f"{locator * 1000:.0f} ms"))
    rows.append((f"maps: comparison map of {cities:,} cities", f"{whole * 1000:.0f} ms"))


def pick_many_cities(count: int) -> list[Place]:
    """Return ``count`` gazetteer places of distinct names, most populous first (for a comparison only)."""
    gazetteer = load_gazetteer()
    by_slug = {}
    for place in sorted(gazetteer.places, key=lambda p: -p.population):
        if place.name not in gazetteer.provinces:
            by_slug.setdefault(slugify(place.name), place)
    places = list(by_slug.values())
    if len(places) < count:
        raise ValueError(f"the gazetteer names only {len(places)} places, not {count}")
    return places[:count]


def time_maps(profiles: list[dict]) -> tuple[float, float]:
    """Return the seconds to draw one locator map, and the comparison map of ``profiles``, shapes already read."""
    from ..report import maps

    maps.locator_map(profiles[0])  # the shapes, read once per worker
    started = time.perf_counter()
    maps.locator_map(profiles[-1])
    locator = time.perf_counter() - started
    started = time.perf_counter()
    maps.comparison_map(profiles)
    return locator, time.perf_counter() - started


def count_pages(pdf: Path) -> int:
    """Return the pages of a PDF."""
    from pypdf import PdfReader  # a test dependency, which `make bench` installs

    return len(PdfReader(pdf).pages)


def read_article(path: Path) -> str:
    """Return an article file's text as the build reads it (any encoding it recognises, a PDF's text), or "" when
    the build would skip it."""
    source, _ = read_file(path, path.stem)
    return source.text if source else ""


def write_one_line_article(seeds: Path, path: Path) -> None:
    """Write the paragraphs of the longest seed article on one line, repeated up to ONE_LINE_BYTES: a page dump."""
    lines = max((read_article(p) for p in find_files(seeds)), key=len).splitlines()
    body = " ".join(" ".join(line.split()) for line in lines if _is_paragraph(line)).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((body + b" ") * (ONE_LINE_BYTES // (len(body) + 1)))


def edit_article(path: Path) -> None:
    """Add a sentence to an article's longest line, its body (a sentence after the body would be page furniture)."""
    lines = read_article(path).splitlines()
    longest = max(range(len(lines)), key=lambda i: len(lines[i]))
    lines[longest] += " Officials said 12 new companies joined the scheme."
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def first_article_file(out: Path, slug: str, corpus: Path) -> Path:
    """Return the file of the first article of a city's profile: named by its id, or by its id and an extension."""
    article_id = json.loads((out / slug / "profile.json").read_text(encoding="utf-8"))["articles"][0]["id"]
    return next(path for path in sorted(corpus.iterdir()) if article_id in (path.name, path.stem))
