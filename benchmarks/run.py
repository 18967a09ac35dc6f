"""``make bench``: validation and rendering cost against the YAML floor, in one run.

For each size, on the same generated files:

(a) floor: ``yaml.load`` with the C loader of every claim file, nothing else;
(b) ``claimledger validate``, cold (no cache);
(c) ``claimledger validate`` after one claim file changed, warm;
(d) ``check-jsonschema`` on the same claim files against the exported schema;
(e) ``claimledger render``;
(f) peak memory (RSS) of (b) and (e).

Each is a separate process, timed from outside, so interpreter start-up counts
for all alike. Results go to stdout and to ``benchmarks/RESULTS.md`` with the
machine. Figures are from one run on a noisy machine: read ratios, not seconds.
"""

from __future__ import annotations

import argparse
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

BIN = Path(sys.executable).parent
FLOOR = """
import sys, pathlib, yaml
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.yaml")):
    try:
        yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        pass
"""
# Runs a command and prints its peak RSS (KiB, children included) on stderr's last line.
MEASURE = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def timed(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Seconds, exit code and peak RSS in KiB of ``command``."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return time.perf_counter() - started, int(out[0]), int(out[1])


def available(name: str) -> bool:
    return (BIN / name).exists()


def has_command(name: str) -> bool:
    """Whether this claimledger has a subcommand (exports are an optional part)."""
    argv = [str(BIN / "claimledger"), "--help"]
    usage = subprocess.run(argv, capture_output=True, text=True, check=False).stdout
    return f"    {name}" in usage


#: check-jsonschema is measured up to this size: it takes minutes beyond, and the ratio
#: it shows is the same at 1k and 10k claims.
PEER_MAX = 10_000


def measure(claims: int, work: Path) -> dict[str, float | str]:
    root = work / f"ledger-{claims}"
    generate(claims, root)
    claimledger = str(BIN / "claimledger")
    row: dict[str, float | str] = {"claims": claims}
    row["a"], _, _ = timed([sys.executable, "-c", FLOOR, "claims"], root)
    shutil.rmtree(root / ".claimledger", ignore_errors=True)
    row["b"], code, rss = timed([claimledger, "validate"], root)
    assert code == 1, f"the generated ledger has broken files; validate exited {code}"
    row["f_b"] = rss / 1024
    story = root / "claims" / "story-00000.yaml"
    story.write_text(story.read_text().replace("Bears on the claim.", "Bears on it."))
    row["c"], _, _ = timed([claimledger, "validate"], root)
    if claims <= PEER_MAX and available("check-jsonschema") and has_command("schema"):
        schema = root / "claims.schema.json"
        subprocess.run([claimledger, "schema", "claims", "-o", str(schema)], check=True)
        files = [str(p) for p in sorted((root / "claims").glob("story-*.yaml"))]
        row["d"], _, _ = timed(
            [str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files], root
        )
    else:
        row["d"] = "n/a"
    for broken in (root / "claims").glob("zz-broken-*.yaml"):
        broken.unlink()  # render refuses a ledger with errors
    row["e"], code, rss = timed(
        [claimledger, "render", "--single-page", "-o", str(work / "LEDGER.md")], root
    )
    row["f_e"] = rss / 1024 if code == 0 else "failed"
    shutil.rmtree(root)
    return row


def slope(rows: list[dict[str, float | str]], key: str) -> float:
    """Exponent k of cost ~ claims^k, least squares in log-log (1.0 is linear)."""
    points = [(math.log(float(r["claims"])), math.log(float(r[key]))) for r in rows]
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return num / den


def fmt(value: float | str, digits: int = 2) -> str:
    return value if isinstance(value, str) else f"{value:.{digits}f}"


def ratio(row: dict[str, float | str], top: str, bottom: str) -> str:
    a, b = row[top], row[bottom]
    return "n/a" if isinstance(a, str) or isinstance(b, str) else f"{a / b:.2f}"


def report(rows: list[dict[str, float | str]]) -> str:
    machine = (
        f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}, "
        f"PyYAML {yaml.__version__} with libyaml: {yaml.__with_libyaml__}"
    )
    lines = [
        "# Benchmark results",
        "",
        "## Validation and rendering against the YAML floor",
        "",
        f"Machine: {machine}. One run of `make bench`; seconds are wall-clock, memory is peak RSS.",
        "",
        "| claims | (a) floor s | (b) validate cold s | (c) warm, one file changed s "
        "| (d) check-jsonschema s | (e) render s | (f) RSS (b) MB | (f) RSS (e) MB "
        "| b/a | c/b | d/b | e/b |",
        "|" + "---|" * 13,
    ]
    for r in rows:
        lines.append(
            f"| {r['claims']} | {fmt(r['a'])} | {fmt(r['b'])} | {fmt(r['c'])} | {fmt(r['d'])} "
            f"| {fmt(r['e'])} | {fmt(r['f_b'], 0)} | {fmt(r['f_e'], 0)} | {ratio(r, 'b', 'a')} "
            f"| {ratio(r, 'c', 'b')} | {ratio(r, 'd', 'b')} | {ratio(r, 'e', 'b')} |"
        )
    if len(rows) > 1:
        lines += [
            "",
            f"Growth of (b) with size: cost ~ claims^{slope(rows, 'b'):.2f} (1.00 is linear).",
        ]
    return "\n".join(lines) + "\n"


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
        sections.append(f"## {title}\n\n```\n{out.strip()}\n```\n")
        print(f"ran {script}", file=sys.stderr)
    return "\n".join(sections)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "RESULTS.md")
    parser.add_argument("--no-components", dest="components", action="store_false")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="claimledger-bench-") as tmp:
        rows = []
        for size in args.sizes:
            rows.append(measure(size, Path(tmp)))
            print(f"measured {size} claims", file=sys.stderr)
    text = report(rows)
    if args.components:
        text += "\n" + components()
    print(text)
    args.out.write_text(text)


if __name__ == "__main__":
    main()
