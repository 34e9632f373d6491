#!/usr/bin/env python3
"""Does a violation stay found when it is buried in a long post?

For each violation of a set, builds a post of K benign posts of the same set
(seeded), the violation in the middle, and checks it with the release CLI
next to the violation alone. A drop means the engine lets neighbouring
sentences (exceptions, context, length) hide a violation -- the way
official-register posts bury one bad sentence in a notice.

Usage: python3 tests/quality/buried.py [--bin PATH] [--sets dev-a,own] [--k 2]
       [--seed 1] [--show]
--show prints the lost posts' ids and texts for tuning sets only (never dev-b).
Aggregate figures only for dev-b. Python 3 standard library only.
"""
from __future__ import annotations

import argparse
import json
import random
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
OWN = REPO / "tests" / "quality" / "register" / "official-register.jsonl"
HOLDING = {"block", "warn"}


def load(name: str) -> list[dict]:
    if name == "own":
        path = OWN
    elif name == "helper":
        path = REPO / "tests" / "quality" / "register" / "helper-official.jsonl"
    elif name == "heldout":
        path = REPO / "tests" / "quality" / "register" / "heldout-official-2.jsonl"
    else:
        path = DATA / "dev" / f"{name}.jsonl"
    return [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]


def run(bin_path: str, items: list[dict]) -> dict:
    payload = "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in items)
    out = subprocess.run([bin_path, "check", "--jsonl", "-"], input=payload.encode(),
                         capture_output=True, check=True).stdout.decode()
    return {json.loads(l)["id"]: json.loads(l)["findings"] for l in out.splitlines()}


def hit(findings: list, expect: set, holding: bool) -> bool:
    return any(f["category"] in expect and (not holding or f["severity"] in HOLDING)
               for f in findings)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "sotorko"))
    ap.add_argument("--sets", default="dev-a,own")
    ap.add_argument("--k", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    print("| set | violations | found alone | found buried | held alone | held buried |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in a.sets.split(","):
        rows = load(name)
        rng = random.Random(a.seed)
        benign = [r for r in rows if not r["expect"]]
        viol = [r for r in rows if r["expect"]]
        alone = run(a.bin, [{"id": r["id"], "text": r["text"], "context": r.get("context", "official")}
                            for r in viol])
        buried_in = []
        for r in viol:
            around = [b["text"] for b in rng.sample(benign, a.k)]
            half = len(around) // 2
            text = " ".join(around[:half] + [r["text"]] + around[half:])
            buried_in.append({"id": r["id"], "text": text, "context": r.get("context", "official")})
        buried = run(a.bin, buried_in)
        counts = [0, 0, 0, 0]
        lost = []
        for r in viol:
            exp = set(r["expect"])
            fa, fb = hit(alone[r["id"]], exp, False), hit(buried[r["id"]], exp, False)
            ha, hb = hit(alone[r["id"]], exp, True), hit(buried[r["id"]], exp, True)
            counts = [counts[0] + fa, counts[1] + fb, counts[2] + ha, counts[3] + hb]
            if (fa and not fb) or (ha and not hb):
                lost.append(r)
        n = len(viol)
        print(f"| {name} | {n} | {counts[0]} | {counts[1]} | {counts[2]} | {counts[3]} |")
        if a.show and name not in ("dev-b", "heldout"):
            for r in lost:
                print(f"  lost: {r['id']} {r['text'][:120]}")


if __name__ == "__main__":
    main()
