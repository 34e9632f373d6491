#!/usr/bin/env python3
"""Measure the whole system out of fold on the model's own training posts.

`scripts/model/train.py` gives every post of `scripts/model/data/synthetic-*.jsonl`
a fold (by the file's name and the post's id, `jsonl_folds`), and `train.py
--folds DIR` writes the five fold models, each trained without its fold. Checking
each post with the CLI and the fold model that never saw it (`sotorko check
--model-file DIR/foldK.bin`) is therefore an honest measure of rules + model on
thousands of violations and hard-negative benign posts: the way session 10
compared model and rule changes without touching dev-b or the closed sets.

Usage:
  python3 tests/quality/synthetic_oof.py --bin CLI --folds DIR [--rules PACK] [--sets 1-51]

Prints found/held (violations, a finding of an expected category; held = block or
warn) and benign posts held, with the rules that held them. The sets default to
every synthetic set; give a range to compare runs over the same posts. Python 3
standard library only.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "scripts" / "model" / "data"
SEED = 20261130  # train.py's SEED
FOLDS = 5


def folds_of(path: Path, ids: list[str]) -> dict[str, int]:
    """The fold of every post, exactly as train.py's `jsonl_folds`."""
    order = list(range(len(ids)))
    random.Random(f"{SEED}:{path.name}").shuffle(order)
    return {ids[i]: rank % FOLDS for rank, i in enumerate(order)}


def set_numbers(spec: str | None) -> list[int] | None:
    if not spec:
        return None
    lo, _, hi = spec.partition("-")
    return list(range(int(lo), int(hi or lo) + 1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", type=Path, default=REPO / "target" / "release" / "sotorko")
    ap.add_argument("--folds", type=Path, required=True, help="fold models of train.py --folds DIR")
    ap.add_argument("--rules", type=Path, help="a rule pack to use instead of the embedded one")
    ap.add_argument("--sets", help="a range of synthetic set numbers, e.g. 1-51")
    args = ap.parse_args()

    wanted = set_numbers(args.sets)
    posts = []
    for path in sorted(DATA.glob("synthetic-*.jsonl")):
        number = int(path.stem.split("-")[1])
        if wanted is not None and number not in wanted:
            continue
        rows = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
        fold = folds_of(path, [r["id"] for r in rows])
        for r in rows:
            r["fold"] = fold[r["id"]]
        posts += rows
    if not posts:
        sys.exit("no synthetic posts matched --sets")

    extra = ["--rules", str(args.rules)] if args.rules else []
    findings: dict[str, list[dict]] = {}
    for k in range(FOLDS):
        part = [p for p in posts if p["fold"] == k]
        lines = "".join(json.dumps({"id": p["id"], "text": p["text"], "context": p["context"]}, ensure_ascii=False) + "\n" for p in part)
        model = args.folds / f"fold{k}.bin"
        proc = subprocess.run([str(args.bin), "check", "--jsonl", "--model-file", str(model), *extra, "-"],
                              input=lines, capture_output=True, text=True, encoding="utf-8")
        if proc.returncode != 0:
            sys.exit(f"sotorko exited {proc.returncode}: {proc.stderr.strip()}")
        for line in proc.stdout.splitlines():
            d = json.loads(line)
            findings[d["id"]] = d["findings"]

    counts = collections.Counter()
    held_benign = collections.Counter()
    for p in posts:
        fs = findings[p["id"]]
        if p["expect"]:
            counts["violations"] += 1
            counts["found"] += any(f["category"] in p["expect"] for f in fs)
            counts["held"] += any(f["category"] in p["expect"] and f["severity"] in ("block", "warn") for f in fs)
        else:
            held = [f for f in fs if f["severity"] in ("block", "warn")]
            counts["benign"] += 1
            counts["benign held"] += bool(held)
            for rule in {f["rule"] for f in held}:
                held_benign[rule] += 1
    v, b = counts["violations"], counts["benign"]
    print(f"violations {v}: found {counts['found']} ({100 * counts['found'] / v:.1f}%), "
          f"held {counts['held']} ({100 * counts['held'] / v:.1f}%)")
    print(f"benign {b}: held {counts['benign held']} ({100 * counts['benign held'] / b:.2f}%)")
    print("benign posts held, by rule: " + ", ".join(f"{r} {n}" for r, n in held_benign.most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
