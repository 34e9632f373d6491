#!/usr/bin/env python3
"""Propose stance terms of the OFFICIAL REGISTER from our labelled posts (for review).

induce.py contrasts social-media hate comments with news; its terms are the comments'
register. Officials write otherwise ("স্বভাবতই", "উপযুক্ত নয়", "বিশেষ নজরদারি"), and the
posts that show how are our own tuning sets: every violation carries an `evidence` span,
and most benign posts are hard negatives on the same topics. This script contrasts

  foreground  the evidence spans of one category's violations, and
  background  the benign posts of the same sets (hard negatives) plus news sentences,

with the same weighted log-odds (Monroe, Colaresi & Quinn 2008) as induce.py, and keeps
only terms used by several WRITERS: a term must occur in evidence from at least
--min-writers different source files (each synthetic file is one helper, each tuning set
another), so one writer's pet phrase cannot become a term. Candidates are printed with
their z-score, the number of writers, foreground and background counts; a reviewer copies
those that really carry a stance into a `[set.*]` of the pack. Names of parties, leaders
and faiths are never copied from here (political neutrality, docs/design.md §1).

Read: dev/dev-a.jsonl (tuning), tests/quality/register/{official-register,helper-official,
hardneg-1,hardneg-2}.jsonl and scripts/model/data/synthetic-*.jsonl (or the files given
with --files). Never dev-b or the closed sets (heldout-official-2, hardneg-3, hardneg-4).

Usage:
  python3 scripts/lexicon/induce_register.py --category gender [--top 80] [--min-writers 4]
  python3 scripts/lexicon/induce_register.py --category all --out /tmp/register.tsv
Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from induce import DATA, grams, log_odds  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
REGISTER = REPO / "tests" / "quality" / "register"
CLOSED = {"heldout-official-2.jsonl", "hardneg-3.jsonl", "hardneg-4.jsonl", "dev-b.jsonl"}
CATEGORIES = ("belittling", "ethnic-minority", "gender", "incitement", "national-unity",
              "personal-content", "political", "religious-harmony", "secrecy")


def default_files() -> list[Path]:
    files = [DATA / "dev" / "dev-a.jsonl"]
    files += [REGISTER / n for n in ("official-register.jsonl", "helper-official.jsonl",
                                     "hardneg-1.jsonl", "hardneg-2.jsonl")]
    files += sorted((REPO / "scripts" / "model" / "data").glob("synthetic-*.jsonl"))
    return files


def load(files: list[Path], category: str) -> tuple[list[str], list[str], list[str]]:
    """Foreground evidence, its writer (file) per span, and the benign background."""
    fg, writers, bg = [], [], []
    for path in files:
        if path.name in CLOSED:
            sys.exit(f"{path.name} is sealed or closed: it is never read for tuning")
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        for row in rows:
            expect = row.get("expect") or []
            if not expect:
                bg.append(row["text"])
            elif category in expect or category == "all":
                fg.append(row.get("evidence") or row["text"])
                writers.append(path.name)
    with (DATA / "train" / "bn-news-dev.csv").open(encoding="utf-8", newline="") as f:
        bg.extend(r["text"] for r in csv.DictReader(f))
    return fg, writers, bg


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--category", required=True, choices=(*CATEGORIES, "all"))
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument("--ngram", type=int, default=2, choices=(1, 2))
    ap.add_argument("--min-writers", type=int, default=4)
    ap.add_argument("--files", nargs="*", type=Path, help="jsonl files instead of the defaults")
    ap.add_argument("--out")
    a = ap.parse_args()
    files = a.files or default_files()
    fg, writers, bg = load(files, a.category)
    if not fg:
        sys.exit(f"no violations of {a.category!r} in the files read")
    by_writer: dict[str, set[str]] = defaultdict(set)
    for text, w in zip(fg, writers):
        for g in grams(text, a.ngram):
            by_writer[g].add(w)
    rows = [r for r in log_odds(fg, bg, a.ngram, 2) if len(by_writer[r[1]]) >= a.min_writers]
    lines = ["z\tterm\twriters\tforeground\tbackground"]
    lines += [f"{z:.2f}\t{w}\t{len(by_writer[w])}\t{yf}\t{yb}" for z, w, yf, yb in rows[: a.top]]
    text = "\n".join(lines) + "\n"
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    print(f"# {len(fg)} evidence spans from {len(set(writers))} files; {len(bg)} background texts; "
          f"Counter of writers: {dict(Counter(writers).most_common(3))}…", file=sys.stderr)


if __name__ == "__main__":
    main()
