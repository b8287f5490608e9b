#!/usr/bin/python3
"""perf_chart.py REPORT [-o CHART.svg] — the run_program chart of docs/performance.md.

Reads the output of `scripts/bench.sh` (the performance report; a file, or - for stdin) or a
Markdown table with the same columns (docs/performance.md's "Results"), and draws, per program, the
time per run of clvm++ ("ours"), native clvmr and clvm_rs compiled to WebAssembly, on a log scale.

Columns are found by their header names, not their positions, so added or reordered columns do not
matter: the program column is "program"; ours, native and wasm are the first columns whose header
starts with "ours", "native" and "wasm" or "clvm_rs wasm" ("ours med", "native clvmr", ...) and is
not a minimum, memory or ratio column ("ours min", "wasm MiB", "wasm/us"). A cell holds a time
("59.9 us", "1.4 s", "273 µs"; anything after the first time is ignored) or "-" (not measured).

Needs matplotlib (Debian: python3-matplotlib, for /usr/bin/python3; `scripts/setup.sh chart`
installs it).
"""
import argparse
import math
import re
import sys

# The first header (lower-cased) that matches; never a minimum, a memory or a ratio column.
COLUMNS = {
    "ours": re.compile(r"^ours(?!.*(min|mib|/))"),
    "native": re.compile(r"^nat(ive)?(?!.*(min|mib|/))"),  # also "nat(Zen5)": the fixed reference
    "wasm": re.compile(r"^(clvm_rs )?wasm(?!.*(min|mib|/))"),
}
TIME = re.compile(r"([0-9][0-9.,]*)\s*(ns|us|µs|ms|s)(?![A-Za-z])")
SCALE = {"ns": 1.0, "us": 1e3, "µs": 1e3, "ms": 1e6, "s": 1e9}
# A value cell of the text report: a time with its unit, or one word ("-", "1.52x", "12.3").
CELL = re.compile(r"[0-9][0-9.,]*\s(?:ns|us|µs|ms|s)(?![A-Za-z/])|\S+")


def parse_time(cell):
    """Nanoseconds of the first time in `cell`, or None."""
    m = TIME.search(cell)
    if not m:
        return None
    return float(m.group(1).replace(",", "")) * SCALE[m.group(2)]


def markdown_tables(lines):
    """Yields (header cells, rows of cells) for each Markdown table."""
    i = 0
    while i + 1 < len(lines):
        if lines[i].lstrip().startswith("|") and re.match(r"^\s*\|[\s:|-]+\|\s*$", lines[i + 1]):
            split = lambda l: [c.strip() for c in l.strip().strip("|").split("|")]
            header, rows = split(lines[i]), []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append(split(lines[i]))
                i += 1
            yield header, rows
        else:
            i += 1


def text_tables(lines):
    """Yields (header cells, rows of cells) for each fixed-width table of the text report: a
    header line starting with "program", then rows until a blank line or a "#" line. Values are
    right-aligned under their header (the first column left-aligned), so each column ends where its
    values end, and its name is the header text above it."""
    i = 0
    while i < len(lines):
        if not re.match(r"^program\s", lines[i]):
            i += 1
            continue
        header_line, rows = lines[i], []
        i += 1
        while i < len(lines) and lines[i].strip() and not lines[i].startswith("#"):
            cells = [(m.start(), m.end(), m.group(0)) for m in CELL.finditer(lines[i])]
            if cells:
                rows.append(cells)
            i += 1
        width = max((len(r) for r in rows), default=0)
        rows = [r for r in rows if len(r) == width]
        if not rows:
            continue
        ends = [max(r[c][1] for r in rows) for c in range(width)]
        header = []
        for c in range(width):
            start = 0 if c == 0 else ends[c - 1]
            header.append(header_line[start:ends[c]].strip())
        yield header, [[cell[2] for cell in r] for r in rows]


def read_programs(text):
    """[(program, {"ours": ns, "native": ns, "wasm": ns})] from the first table that has a
    program column and an ours column."""
    lines = text.splitlines()
    for header, rows in list(markdown_tables(lines)) + list(text_tables(lines)):
        names = [h.lower() for h in header]
        if "program" not in names:
            continue
        index = {"program": names.index("program")}
        for key, pattern in COLUMNS.items():
            for j, n in enumerate(names):
                if pattern.match(n):
                    index[key] = j
                    break
        if "ours" not in index:
            continue
        out = []
        for r in rows:
            if len(r) != len(header):
                continue
            times = {k: parse_time(r[j]) for k, j in index.items() if k != "program"}
            if times.get("ours"):
                out.append((r[index["program"]], times))
        if out:
            return out
    return []


def draw(programs, path, title):
    try:
        import matplotlib
    except ImportError:
        sys.exit("perf_chart: needs matplotlib (Debian: scripts/setup.sh chart, then run it with "
                 "/usr/bin/python3)")

    matplotlib.use("Agg")
    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text: small, searchable SVG
    matplotlib.rcParams["svg.hashsalt"] = "clvmpp"  # the same input gives the same file
    import matplotlib.pyplot as plt

    series = [("ours", "clvm++", "#1f77b4"), ("native", "native clvmr 0.19", "#7f7f7f"),
              ("wasm", "clvm_rs 0.7 (wasm)", "#ff7f0e")]
    n = len(programs)
    fig, ax = plt.subplots(figsize=(8, 0.42 * n + 1.4))
    bar = 0.27
    for k, (key, label, color) in enumerate(series):
        ys, xs = [], []
        for i, (_, t) in enumerate(programs):
            if t.get(key):
                ys.append(i + (k - 1) * bar)
                xs.append(t[key] / 1e6)
        ax.barh(ys, xs, height=bar, label=label, color=color)
    for i, (_, t) in enumerate(programs):
        if t.get("native") and t.get("ours"):
            r = t["native"] / t["ours"]
            ax.annotate(f"{r:.2f}× faster" if r >= 1 else f"{1 / r:.2f}× slower",
                        (max(v for v in t.values() if v) / 1e6, i), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=8)
    ax.set_yticks(range(n))
    ax.set_yticklabels([p for p, _ in programs])
    ax.invert_yaxis()
    ax.set_xscale("log")
    lo = min(v for _, t in programs for v in t.values() if v) / 1e6
    hi = max(v for _, t in programs for v in t.values() if v) / 1e6
    ax.set_xlim(10 ** math.floor(math.log10(lo)), 10 ** (math.ceil(math.log10(hi)) + 0.6))
    ax.set_xlabel("time per run, ms (log scale; shorter is faster; labels: clvm++ vs native)")
    ax.set_title(title, fontsize=10)
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    fig.savefig(path, metadata={"Date": None} if path.endswith(".svg") else None)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("report", help="performance report output or Markdown with its table (- = stdin)")
    p.add_argument("-o", "--output", default="docs/performance.svg",
                   help="chart file (.svg or .png; default %(default)s)")
    p.add_argument("--title", default="run_program: clvmr's benchmark programs")
    a = p.parse_args()
    text = sys.stdin.read() if a.report == "-" else open(a.report, encoding="utf-8").read()
    programs = read_programs(text)
    if not programs:
        sys.exit(f"perf_chart: no table with 'program' and 'ours' columns in {a.report}")
    geo = [t["native"] / t["ours"] for _, t in programs if t.get("native")]
    if geo:
        g = math.exp(sum(map(math.log, geo)) / len(geo))
        a.title += f" — geomean {g:.2f}× native over {len(geo)}"
    draw(programs, a.output, a.title)
    print(f"perf_chart: {len(programs)} programs -> {a.output}")


if __name__ == "__main__":
    main()
