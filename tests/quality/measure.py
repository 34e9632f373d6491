#!/usr/bin/env python3
"""Measure the default rule pack on real Bangla social-media comments.

Reads BD-SHS (../shared/data/bdshs-val.csv: columns sentence, target, type,
hate speech), converts it to the CLI's JSON-lines input, runs the release
`sotorko check --jsonl` once (every row in the official and in the personal
context), and writes the numbers into docs/quality.md between the
`<!-- measure:begin -->` and `<!-- measure:end -->` markers. The hand-written
analysis around the markers is kept.

BD-SHS types map to Sotorko categories (see the README beside the data):
slander -> belittling, religion -> religious-harmony, gender -> gender,
callToViolence -> incitement. A row with several types ("slander_religion")
counts once for each of them.

Usage:
  python3 tests/quality/measure.py [--data CSV] [--bin PATH] [--no-build]
                                   [--show N] [--doc PATH]

--show N prints N sample misses and N sample false alarms per type to stdout
(for reading, not for the document). Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO.parent / "shared" / "data" / "bdshs-val.csv"
DEFAULT_DOC = REPO / "docs" / "quality.md"
BEGIN = "<!-- measure:begin -->"
END = "<!-- measure:end -->"

TYPE_TO_CATEGORY = {
    "slander": "belittling",
    "religion": "religious-harmony",
    "gender": "gender",
    "callToViolence": "incitement",
}
HOLDING = {"block", "warn"}
CONTEXTS = ("official", "personal")


def load_rows(path: Path) -> list[dict]:
    """Rows of the CSV with a parsed type set and hate flag."""
    rows = []
    with path.open(encoding="utf-8", newline="") as f:
        for i, r in enumerate(csv.DictReader(f)):
            types = {t for t in (r.get("type") or "").split("_") if t}
            unknown = types - TYPE_TO_CATEGORY.keys()
            if unknown:
                raise SystemExit(f"{path}: row {i + 2}: unknown type(s) {sorted(unknown)}")
            rows.append(
                {
                    "n": i,
                    "text": r["sentence"],
                    "types": types,
                    "hate": (r.get("hate speech") or "").strip() == "1",
                }
            )
    return rows


def build(no_build: bool) -> None:
    if no_build:
        return
    subprocess.run(
        ["cargo", "build", "--release", "-q", "-p", "sotorko"],
        cwd=REPO,
        check=True,
    )


def run_cli(binary: Path, rows: list[dict]) -> dict[tuple[int, str], list[dict]]:
    """Runs the CLI once over every row in both contexts."""
    lines = []
    for r in rows:
        for ctx in CONTEXTS:
            lines.append(
                json.dumps(
                    {"id": f"{r['n']}:{ctx}", "text": r["text"], "context": ctx},
                    ensure_ascii=False,
                )
            )
    proc = subprocess.run(
        [str(binary), "check", "--jsonl", "-"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    if proc.returncode != 0:
        raise SystemExit(f"sotorko exited {proc.returncode}: {proc.stderr.strip()}")
    out: dict[tuple[int, str], list[dict]] = {}
    for line in proc.stdout.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        n, ctx = str(obj["id"]).split(":")
        out[(int(n), ctx)] = obj["findings"]
    if len(out) != len(lines):
        raise SystemExit(f"expected {len(lines)} results, got {len(out)}")
    return out


def pct(num: int, den: int) -> str:
    return "–" if den == 0 else f"{100.0 * num / den:.1f}%"


def holding_categories(findings: list[dict], skip: set[str] = frozenset()) -> set[str]:
    return {f["category"] for f in findings if f["severity"] in HOLDING and f["category"] not in skip}


def measure(rows: list[dict], results: dict) -> tuple[str, dict]:
    """Markdown tables of the numbers, plus sample lists for --show."""
    md = []
    samples: dict = defaultdict(list)
    hate = [r for r in rows if r["hate"]]
    non_hate = [r for r in rows if not r["hate"]]
    md.append(
        f"Data: BD-SHS validation split, {len(rows):,} rows "
        f"({len(hate):,} hate, {len(non_hate):,} not hate). "
        "A row is *flagged* when it gets a `block` or `warn` finding; advisories do not count."
    )
    md.append("")
    for ctx in CONTEXTS:
        md.append(f"### Context `{ctx}`")
        md.append("")
        md.append(
            "| BD-SHS type | Sotorko category | hate rows | flagged in that category | flagged in any category |"
        )
        md.append("|---|---|---:|---:|---:|")
        for t, cat in TYPE_TO_CATEGORY.items():
            rs = [r for r in hate if t in r["types"]]
            in_cat = in_any = 0
            for r in rs:
                cats = holding_categories(results[(r["n"], ctx)])
                if cat in cats:
                    in_cat += 1
                elif ctx == "official":
                    samples[("miss", t)].append(r["text"])
                if cats:
                    in_any += 1
            md.append(f"| {t} | `{cat}` | {len(rs):,} | {pct(in_cat, len(rs))} | {pct(in_any, len(rs))} |")
        all_hate_any = sum(1 for r in hate if holding_categories(results[(r["n"], ctx)]))
        md.append(f"| all hate rows | | {len(hate):,} | | {pct(all_hate_any, len(hate))} |")
        md.append("")
        with_pol = without_pol = 0
        by_cat: Counter = Counter()
        for r in non_hate:
            findings = results[(r["n"], ctx)]
            cats = holding_categories(findings)
            if cats:
                with_pol += 1
                by_cat.update(cats)
                if ctx == "official":
                    for f in findings:
                        if f["severity"] in HOLDING:
                            samples[("fa", f["category"])].append((f["rule"], f["excerpt"], r["text"]))
            if holding_categories(findings, {"political"}):
                without_pol += 1
        md.append("| non-hate rows | flagged block/warn | flagged, `political` excluded |")
        md.append("|---:|---:|---:|")
        md.append(
            f"| {len(non_hate):,} | {with_pol:,} ({pct(with_pol, len(non_hate))}) "
            f"| {without_pol:,} ({pct(without_pol, len(non_hate))}) |"
        )
        md.append("")
        if by_cat:
            md.append(
                "Non-hate rows flagged, by category: "
                + ", ".join(f"`{c}` {n}" for c, n in sorted(by_cat.items(), key=lambda x: -x[1]))
                + "."
            )
            md.append("")
    return "\n".join(md), samples


def write_doc(doc: Path, body: str) -> None:
    block = f"{BEGIN}\n{body}\n{END}"
    if doc.exists():
        text = doc.read_text(encoding="utf-8")
        if BEGIN in text and END in text:
            head, rest = text.split(BEGIN, 1)
            _, tail = rest.split(END, 1)
            doc.write_text(head + block + tail, encoding="utf-8")
            return
        doc.write_text(text.rstrip() + "\n\n" + block + "\n", encoding="utf-8")
        return
    doc.parent.mkdir(parents=True, exist_ok=True)
    doc.write_text(
        "# Quality of the default rule pack\n\n"
        "Generated by `python3 tests/quality/measure.py`.\n\n" + block + "\n",
        encoding="utf-8",
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--bin", type=Path, default=REPO / "target" / "release" / "sotorko")
    ap.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    ap.add_argument("--no-build", action="store_true", help="use the binary as it is")
    ap.add_argument("--show", type=int, default=0, help="print N sample misses and false alarms")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    rows = load_rows(args.data)
    build(args.no_build)
    results = run_cli(args.bin, rows)
    body, samples = measure(rows, results)
    write_doc(args.doc, body)
    print(body)
    if args.show:
        rnd = random.Random(args.seed)
        for key, items in sorted(samples.items()):
            picked = rnd.sample(items, min(args.show, len(items)))
            print(f"\n== {key[0]} {key[1]} ({len(items)}) ==")
            for it in picked:
                print("  -", it if isinstance(it, str) else " | ".join(s[:160] for s in it))
    return 0


if __name__ == "__main__":
    sys.exit(main())
