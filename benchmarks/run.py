"""``make bench``: what validation, rendering and queries cost against the YAML floor.

For each size, on the same generated files (``generate.py``), every command runs as
a separate process, so interpreter start-up counts for all alike:

- **floor**: ``yaml.load`` with the C loader (``CSafeLoader``) of every YAML file
  claimledger reads: claim files, the speaker registry and the corpus metadata;
- **validate cold**, with ``--jobs 1`` and with the default jobs (one per core);
- **validate warm** after one claim file changed, and with nothing changed;
- **check-jsonschema** on the same files (claims, speakers and source schemas);
- **render** (``--single-page``), **query** (one topic) and **search** (one word).

Each is measured as the whole process tree pays for it: wall time, CPU time (user +
system of the command and every process it started, ``RUSAGE_CHILDREN``) and peak
memory (the sum of the resident sets of every process of the tree, sampled every
10 ms with psutil). Commands run in interleaved rounds (each round runs every
command once, in order) and the median of the rounds is reported; ratios are given
in both measures. CPU time is what a loaded CI runner or a laptop pays, and is the
measure the targets are stated in; wall time on a machine shared with other work is
the noisier figure.

    python benchmarks/run.py --sizes 1000 10000 --rounds 3 --out benchmarks/RESULTS.md

``BENCH_SIZES`` (e.g. ``BENCH_SIZES="1000"``), ``BENCH_ROUNDS`` and ``BENCH_STEPS`` (commands
by their names in the table, comma-separated: ``BENCH_STEPS="validate cold,render"`` with
``BENCH_SIZES="10000 100000"`` measures the growth exponent without the rest) set the same
from ``make bench``. The results replace the marked section of the output file and leave
the rest of it (written notes, the component benchmarks) as it is.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
FLOOR = """
import sys, pathlib, yaml
root = pathlib.Path(sys.argv[1])
for path in sorted([*root.glob("claims/*.yaml"), *root.glob("corpus/*.yaml")]):
    try:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        pass
"""

psutil: Any
try:
    import psutil  # type: ignore[import-untyped,no-redef,unused-ignore]
except ImportError:  # pragma: no cover - psutil is in the test extra
    psutil = None


class Measured:
    """Wall and CPU seconds and peak memory (MB, whole tree) of one command run."""

    def __init__(self, wall: float, cpu: float, peak_mb: float, code: int) -> None:
        self.wall, self.cpu, self.peak_mb, self.code = wall, cpu, peak_mb, code


def _tree_rss(pid: int) -> int:
    assert psutil is not None
    try:
        parent = psutil.Process(pid)
        total = parent.memory_info().rss
        for child in parent.children(recursive=True):
            with contextlib.suppress(psutil.Error):
                total += child.memory_info().rss
        return int(total)
    except psutil.Error:
        return 0


def run_measured(argv: list[str], cwd: Path) -> Measured:
    """Run ``argv`` to its end; its wall time, the CPU time of its whole process tree
    and the peak of the tree's summed resident memory."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(process.pid))
            done.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    if psutil is not None:
        sampler.start()
    code = process.wait()
    wall = time.perf_counter() - started
    done.set()
    if psutil is not None:
        sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if psutil is None:  # the largest process only: labelled so in the report
        peak[0] = after.ru_maxrss * 1024
    return Measured(wall, cpu, peak[0] / 2**20, code)


def has_command(name: str) -> bool:
    """Whether this claimledger has a subcommand (exports are an optional part)."""
    argv = [str(BIN / "claimledger"), "--help"]
    usage = subprocess.run(argv, capture_output=True, text=True, check=False).stdout
    return f"    {name}" in usage


#: check-jsonschema is measured up to this size: it takes minutes beyond.
PEER_MAX = 10_000


class Step:
    """One measured command: a name, how to prepare for it, and its argument list."""

    def __init__(
        self,
        name: str,
        argv: list[str],
        cwd: Path,
        prepare: Callable[[], None] = lambda: None,
        jobs: int | str = "-",
        expect: tuple[int, ...] = (0, 1),
    ) -> None:
        self.name, self.argv, self.cwd, self.prepare = name, argv, cwd, prepare
        self.jobs, self.expect = jobs, expect
        self.runs: list[Measured] = []

    def run(self) -> None:
        self.prepare()
        measured = run_measured(self.argv, self.cwd)
        if measured.code not in self.expect:
            raise SystemExit(f"{self.name}: {' '.join(self.argv)} exited {measured.code}")
        self.runs.append(measured)

    def median(self, what: str) -> float:
        return float(statistics.median(getattr(m, what) for m in self.runs))


def _steps(claims: int, work: Path) -> list[Step]:
    root = work / f"ledger-{claims}"
    generate(claims, root)
    # Render and the queries refuse a ledger with errors: they get a copy without the
    # generator's broken files (validation reads those, as a ledger under edit has them).
    clean = work / f"clean-{claims}"
    shutil.copytree(root, clean)
    for broken in (clean / "claims").glob("zz-broken-*.yaml"):
        broken.unlink()
    cli = str(BIN / "claimledger")
    cores = os.cpu_count() or 1
    story = root / "claims" / "story-00000.yaml"
    edits = iter(range(1_000_000))

    def cold() -> None:
        shutil.rmtree(root / ".claimledger", ignore_errors=True)

    def change_one() -> None:  # a different edit each round, so the file always misses
        text = story.read_text(encoding="utf-8").splitlines(keepends=True)
        text = [line for line in text if not line.startswith("# edit ")]
        story.write_text(f"# edit {next(edits)}\n" + "".join(text), encoding="utf-8")

    steps = [
        Step("floor", [sys.executable, "-c", FLOOR, "."], root, jobs=1, expect=(0,)),
        Step("validate cold", [cli, "validate", "-q", "--jobs", "1"], root, cold, jobs=1),
        Step("validate cold", [cli, "validate", "-q"], root, cold, jobs=cores),
        Step("warm, one file changed", [cli, "validate", "-q"], root, change_one, jobs=cores),
        Step("warm, nothing changed", [cli, "validate", "-q"], root, jobs=cores),
    ]
    checker = BIN / "check-jsonschema"
    if claims <= PEER_MAX and checker.exists() and has_command("schema"):
        schemas = work / f"schemas-{claims}"
        subprocess.run([cli, "schema", "--dir", str(schemas)], check=True, cwd=root)
        # The same files as the floor, each against its own schema, in one process.
        script = _peer_script(root, schemas)
        steps.append(Step("check-jsonschema", [sys.executable, "-c", script], root, jobs=1))
    out = work / "LEDGER.md"
    steps += [
        Step(
            "render",
            [cli, "render", "--single-page", "-o", str(out)],
            clean,
            lambda: out.unlink(missing_ok=True),
            jobs=cores,
            expect=(0,),
        ),
        Step("query", [cli, "query", "--topic", "economy"], clean, jobs=1, expect=(0,)),
        Step("search", [cli, "search", "minister"], clean, jobs=1, expect=(0,)),
    ]
    return steps


def _peer_script(root: Path, schemas: Path) -> str:
    """check-jsonschema over the claim files, the registry and the corpus metadata."""
    groups = {
        "claims": sorted(str(p) for p in (root / "claims").glob("*.yaml") if p.stem != "speakers"),
        "speakers": [str(root / "claims" / "speakers.yaml")],
        "source": sorted(str(p) for p in (root / "corpus").glob("*.yaml")),
    }
    files = {path.stem.split(".")[0]: path for path in schemas.iterdir()}
    runs = [
        [str(BIN / "check-jsonschema"), "--schemafile", str(files[kind]), *paths]
        for kind, paths in groups.items()
    ]
    return (
        "import subprocess, sys\n"
        f"for argv in {runs!r}:\n"
        "    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    )


def measure(claims: int, work: Path, rounds: int, names: Sequence[str] = ()) -> list[Step]:
    """``rounds`` interleaved runs of every step (of the steps ``names``, if given: the
    floor is always measured, every ratio needs it)."""
    steps = [s for s in _steps(claims, work) if not names or s.name in {"floor", *names}]
    for number in range(rounds):
        for step in steps:  # interleaved: every command once a round
            step.run()
        print(f"{claims} claims: round {number + 1} of {rounds}", file=sys.stderr)
    return steps


def slope(points: list[tuple[int, float]]) -> float:
    """Exponent k of cost ~ claims^k, least squares in log-log (1.0 is linear)."""
    logs = [(math.log(n), math.log(cost)) for n, cost in points]
    mean_x = sum(x for x, _ in logs) / len(logs)
    mean_y = sum(y for _, y in logs) / len(logs)
    num = sum((x - mean_x) * (y - mean_y) for x, y in logs)
    den = sum((x - mean_x) ** 2 for x, _ in logs)
    return num / den


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} with libyaml: {yaml.__with_libyaml__}"
    )


def report(results: dict[int, list[Step]], rounds: int, load: tuple[float, float]) -> str:
    memory = "whole tree, sampled" if psutil is not None else "largest process only"
    lines = [
        f"Machine: {machine()}; load average {load[0]:.1f} before, {load[1]:.1f} after "
        f"(other work shares the cores). Medians of {rounds} interleaved rounds. CPU s is "
        f"user + system time of the command's whole process tree; peak MB is the {memory}. "
        "Ratios are to the floor (÷ floor) and to cold validation with the same jobs (÷ cold).",
        "",
    ]
    for claims, steps in results.items():
        floor = steps[0]
        colds = {s.jobs: s for s in steps if s.name == "validate cold"}
        lines += [
            f"### {claims:,} claims",
            "",
            "| command | jobs | wall s | CPU s | peak MB | ÷ floor (CPU) | ÷ floor (wall) "
            "| ÷ cold (CPU) | ÷ cold (wall) |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for step in steps:
            cold = colds.get(step.jobs, colds.get(1))
            row = [step.name, str(step.jobs)]
            row += [f"{step.median(w):.2f}" for w in ("wall", "cpu")]
            row.append(f"{step.median('peak_mb'):.0f}")
            for base in (floor, cold):
                for what in ("cpu", "wall"):
                    shown = base is not None and base is not step and step is not floor
                    row.append(
                        f"{step.median(what) / base.median(what):.2f}" if shown else "\u2013"  # type: ignore[union-attr]
                    )
            lines.append("| " + " | ".join(row) + " |")
        lines.append("")
    if len(results) > 1:
        for name, jobs in (("validate cold", 1), ("render", os.cpu_count() or 1)):
            points = [
                (n, s.median("cpu"))
                for n, steps in results.items()
                for s in steps
                if s.name == name and s.jobs == jobs
            ]
            lines.append(
                f"Growth of {name} (jobs {jobs}) with size, CPU time: cost ~ claims^"
                f"{slope(points):.2f} (1.00 is linear)."
            )
        lines.append("")
    return "\n".join(lines)


#: The component benchmarks, each a script printing its own figures.
COMPONENTS = (
    ("Quote anchoring: 30,000 quotes into 3,000 documents of ~5 kB", "bench_anchor.py"),
    (
        "Query: loading, filters and full-text search, 10,000 claims and a 15 MB corpus",
        "bench_query.py",
    ),
    ("Trace: 10,000 claims through a generated archive of 1 GB", "bench_trace.py"),
)


def components() -> str:
    sections = []
    for title, script in COMPONENTS:
        argv = [sys.executable, str(Path(__file__).parent / script)]
        out = subprocess.run(argv, capture_output=True, text=True, check=True).stdout
        sections.append(f"### {title}\n\n```\n{out.strip()}\n```\n")
        print(f"ran {script}", file=sys.stderr)
    return "\n".join(sections)


START, END = "<!-- make bench: start -->", "<!-- make bench: end -->"


def write_section(out: Path, text: str) -> None:
    """Replace the marked section of ``out`` (or write it whole) with ``text``."""
    block = f"{START}\n{text.strip()}\n{END}"
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if START in old and END in old:
        head, rest = old.split(START, 1)
        new = head + block + rest.split(END, 1)[1]
    else:
        new = f"# Benchmark results\n\n{block}\n{old}"
    out.write_text(new, encoding="utf-8")


def _env_ints(name: str) -> list[int] | None:
    value = os.environ.get(name, "").split()
    return [int(v) for v in value] if value else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=_env_ints("BENCH_SIZES") or [1000, 10000]
    )
    parser.add_argument(
        "--rounds", type=int, default=(_env_ints("BENCH_ROUNDS") or [3])[0], help="at least 3"
    )
    parser.add_argument(
        "--steps",
        nargs="+",
        default=[n for n in os.environ.get("BENCH_STEPS", "").split(",") if n],
        help="only these commands (as named in the table), e.g. for growth at 100,000 claims",
    )
    parser.add_argument("--out", type=Path, default=None, help="a results file to update")
    parser.add_argument("--components", action="store_true", help="also the component scripts")
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    results: dict[int, list[Step]] = {}
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        for size in args.sizes:
            results[size] = measure(size, Path(tmp), args.rounds, args.steps)
    text = report(results, args.rounds, (load_before, os.getloadavg()[0]))
    if args.components:
        text += "\n" + components()
    print(text)
    if args.out is not None:
        write_section(args.out, text)


if __name__ == "__main__":
    main()
