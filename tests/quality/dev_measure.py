#!/usr/bin/env python3
"""Measure the release CLI on data written independently of the rule pack.

Sets (read from ../shared/data, never copied into the repo):
  dev-a   dev/dev-a.jsonl   officials' posts, colloquial (for tuning)
  dev-b   dev/dev-b.jsonl   officials' posts, official register (SEALED: aggregate
                            figures only; this script prints no text from it)
  helper  tests/quality/register/helper-official.jsonl  official-register posts
                            written by a helper who had not seen the rules; measured
                            once untouched, then used for tuning
  heldout tests/quality/register/heldout-official-2.jsonl  a second such set (HELD
                            OUT: aggregate figures only, no --show)
  own     tests/quality/register/official-register.jsonl  official-register posts
                            written by the project for tuning (see its README)
  hardneg-1, hardneg-2  tests/quality/register/hardneg-N.jsonl  hard negatives (and a
                            few violations) written by helpers in session 7; measured
                            once untouched, then used for tuning (see the README)
  hardneg-3, hardneg-4  tests/quality/register/hardneg-N.jsonl  two more (HELD OUT:
                            aggregate figures only, no --show)
  writers-3  tests/quality/register/writers-3.jsonl  2,400 posts by eight new writers
                            of session 9 (HELD OUT: aggregate figures only, no --show)
  writers-7  tests/quality/register/writers-7.jsonl  2,400 posts by eight more writers
                            of session 12 (HELD OUT: aggregate figures only, no --show);
                            the earlier closed waves are training data since
                            (writers-5 = synthetic-68..75, writers-6 = synthetic-76..83)
  writers-8  tests/quality/register/writers-8.jsonl  2,400 posts by eight more writers
                            of session 12, written while writers-7 was the closed set
                            (HELD OUT: aggregate figures only, no --show)
  writers-9  tests/quality/register/writers-9.jsonl  2,400 posts by eight more writers
                            of session 13 (synthetic-100..107; HELD OUT: aggregate
                            figures only, no --show)
  synthetic-N  scripts/model/data/synthetic-N.jsonl  the model's training posts; a
                            set is a measure only with a CLI whose model never saw it
                            (--bin of an older build: how session 8 measured sets 15-35
                            untouched before training on them)
  news    train/bn-news-dev.csv   newspaper sentences (false alarms on formal Bangla)
  karim   train/karim-bhs-v2.0.csv  hate comments by topic (all rows are hate)

For dev sets a violation is *found* when the post gets a finding (any severity) in
one of its expected categories, *held* when that finding is block or warn. Benign
posts count as *flagged* with any block/warn finding, and as *noisy* with any
finding at all (an advisory underline included).

Usage: python3 tests/quality/dev_measure.py [--bin PATH] [--no-build]
           [--sets dev-a,dev-b,news,karim] [--show N] [--extra-args ARGS] [--doc PATH] [--brief]
--brief prints one table row per dev set (found, held, flagged, any finding).
--doc PATH writes the tables between `<!-- dev:begin -->` and `<!-- dev:end -->` in PATH
(docs/quality.md) instead of printing them.
--show N prints up to N misses and false alarms of the tuning sets (never dev-b or heldout).
Python 3 standard library only.
"""
from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
HOLDING = {"block", "warn"}


def run(bin_path: str, rows: list[dict], extra: list[str]) -> dict:
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    out = subprocess.run([bin_path, "check", "--jsonl", *extra, "-"], input=payload.encode(),
                         capture_output=True, check=True).stdout.decode()
    res = {}
    for line in out.splitlines():
        o = json.loads(line)
        res[o["id"]] = o["findings"]
    return res


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:.1f}%" if b else "n/a"


OWN = REPO / "tests" / "quality" / "register" / "official-register.jsonl"
HELPER = REPO / "tests" / "quality" / "register" / "helper-official.jsonl"
HELDOUT = REPO / "tests" / "quality" / "register" / "heldout-official-2.jsonl"
HARDNEG = {f"hardneg-{n}": REPO / "tests" / "quality" / "register" / f"hardneg-{n}.jsonl" for n in (1, 2, 3, 4)}
WRITERS = {
    "writers-3": REPO / "tests" / "quality" / "register" / "writers-3.jsonl",
    "writers-7": REPO / "tests" / "quality" / "register" / "writers-7.jsonl",
    "writers-8": REPO / "tests" / "quality" / "register" / "writers-8.jsonl",
    "writers-9": REPO / "tests" / "quality" / "register" / "writers-9.jsonl",
}
SYNTHETIC = REPO / "scripts" / "model" / "data"
# Sets measured as aggregates only: their texts are never printed.
SEALED = ("dev-b", "heldout", "hardneg-3", "hardneg-4", "writers-3", "writers-7", "writers-8", "writers-9")


def dev_path(name: str) -> Path | None:
    """The JSON-lines file of a labelled set, or None for a name that is not one."""
    if name.startswith("synthetic-"):
        path = SYNTHETIC / f"{name}.jsonl"
        return path if path.is_file() else None
    if name in ("dev-a", "dev-b"):
        return DATA / "dev" / f"{name}.jsonl"
    return {"own": OWN, "helper": HELPER, "heldout": HELDOUT, **HARDNEG, **WRITERS}.get(name)


def dev(name: str, path: Path, bin_path: str, extra: list[str], show: int, brief: bool) -> None:
    rows = [json.loads(l) for l in path.open(encoding="utf-8") if l.strip()]
    inp = [{"id": r["id"], "text": r["text"], "context": r.get("context", "official")} for r in rows]
    res = run(bin_path, inp, extra)
    viol = [r for r in rows if r["expect"]]
    benign = [r for r in rows if not r["expect"]]
    found = held = any_found = 0
    by_cat = defaultdict(lambda: [0, 0, 0])
    # context -> [violations, found, held, benign, flagged, noisy]
    by_ctx = defaultdict(lambda: [0, 0, 0, 0, 0, 0])
    misses = []
    for r in viol:
        fs = res[r["id"]]
        cats = {f["category"] for f in fs}
        hcats = {f["category"] for f in fs if f["severity"] in HOLDING}
        exp = set(r["expect"])
        f_ok = bool(cats & exp)
        h_ok = bool(hcats & exp)
        found += f_ok
        held += h_ok
        ctx = by_ctx[r.get("context", "official")]
        ctx[0] += 1
        ctx[1] += f_ok
        ctx[2] += h_ok
        any_found += bool(fs)
        for c in exp:
            by_cat[c][0] += 1
            by_cat[c][1] += c in cats
            by_cat[c][2] += c in hcats
        if not f_ok:
            misses.append(r)
    flagged, noisy = [], []
    for r in benign:
        fs = res[r["id"]]
        is_flagged = any(f["severity"] in HOLDING for f in fs)
        if is_flagged:
            flagged.append(r)
        if fs:
            noisy.append(r)
        ctx = by_ctx[r.get("context", "official")]
        ctx[3] += 1
        ctx[4] += is_flagged
        ctx[5] += bool(fs)
    if brief:
        print(f"| {name} | {len(viol)} | {pct(found, len(viol))} | {pct(held, len(viol))} | {len(benign)} "
              f"| {pct(len(flagged), len(benign))} | {pct(len(noisy), len(benign))} |")
        return
    print(f"\n## {name}: {len(rows)} posts ({len(viol)} violations, {len(benign)} benign)")
    print("| measure | value |\n|---|---:|")
    print(f"| violations found in an expected category (any severity) | {found}/{len(viol)} = {pct(found, len(viol))} |")
    print(f"| violations held in an expected category (block/warn) | {held}/{len(viol)} = {pct(held, len(viol))} |")
    print(f"| violations with any finding | {any_found}/{len(viol)} = {pct(any_found, len(viol))} |")
    print(f"| benign posts flagged block/warn | {len(flagged)}/{len(benign)} = {pct(len(flagged), len(benign))} |")
    print(f"| benign posts with any finding | {len(noisy)}/{len(benign)} = {pct(len(noisy), len(benign))} |")
    print("\n| category | violations | found | held |\n|---|---:|---:|---:|")
    for c in sorted(by_cat):
        n, f, h = by_cat[c]
        print(f"| `{c}` | {n} | {pct(f, n)} | {pct(h, n)} |")
    print("\n| context | violations | found | held | benign | flagged | any finding |\n|---|---:|---:|---:|---:|---:|---:|")
    for c in sorted(by_ctx):
        v, f, h, b, fl, no = by_ctx[c]
        print(f"| {c} | {v} | {pct(f, v)} | {pct(h, v)} | {b} | {pct(fl, b)} | {pct(no, b)} |")
    if show and name not in SEALED:
        print("\n### misses")
        for r in misses[:show]:
            got = sorted({(f['category'], f['severity']) for f in res[r['id']]})
            print(f"- {r['id']} {r['expect']} {r['text']!r} got={got}")
        print("\n### false alarms / noise")
        for r in noisy[:show]:
            got = sorted({(f['rule'], f['severity'], f['excerpt']) for f in res[r['id']]})
            print(f"- {r['id']} {r['text']!r} got={got}")


def news(bin_path: str, extra: list[str], show: int) -> None:
    with (DATA / "train" / "bn-news-dev.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    inp = [{"id": r["id"], "text": r["text"], "context": "official"} for r in rows]
    res = run(bin_path, inp, extra)
    hold = Counter()
    hold_np = anyf = 0
    samples = []
    for r in rows:
        fs = res[r["id"]]
        anyf += bool(fs)
        h = {f["category"] for f in fs if f["severity"] in HOLDING}
        for c in h:
            hold[c] += 1
        if h - {"political"}:
            hold_np += 1
            samples.append((r["text"], sorted((f["rule"], f["excerpt"]) for f in fs)))
    n = len(rows)
    print(f"\n## bn-news-dev: {n} sentences, context official")
    print("| measure | value |\n|---|---:|")
    print(f"| block/warn outside `political` | {hold_np} = {pct(hold_np, n)} |")
    print(f"| block/warn `political` | {hold['political']} = {pct(hold['political'], n)} |")
    print(f"| any finding | {anyf} = {pct(anyf, n)} |")
    print("By category (block/warn): " + ", ".join(f"`{c}` {k}" for c, k in hold.most_common()))
    for t, fs in samples[:show]:
        print(f"- {t!r} {fs}")


KARIM_TOPIC = {"Personal": "belittling", "Religious": "religious-harmony", "Political": "political",
               "Geopolitical": "national-unity"}


def karim(bin_path: str, extra: list[str]) -> None:
    with (DATA / "train" / "karim-bhs-v2.0.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    inp = [{"id": str(i), "text": r["text"], "context": "official"} for i, r in enumerate(rows)]
    res = run(bin_path, inp, extra)
    stat = defaultdict(lambda: [0, 0, 0])
    for i, r in enumerate(rows):
        fs = res[str(i)]
        t = r["label"]
        stat[t][0] += 1
        stat[t][1] += bool(fs)
        stat[t][2] += any(f["severity"] in HOLDING for f in fs)
    print(f"\n## Karim BHS v2.0: {len(rows)} hate comments, context official")
    print("| topic | rows | any finding | block/warn |\n|---|---:|---:|---:|")
    for t in sorted(stat):
        n, a, h = stat[t]
        print(f"| {t} | {n} | {pct(a, n)} | {pct(h, n)} |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(REPO / "target" / "release" / "sotorko"))
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--sets", default="dev-a,dev-b,news,karim")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--extra-args", default="")
    ap.add_argument("--doc")
    ap.add_argument("--brief", action="store_true", help="one table row per dev set")
    a = ap.parse_args()
    if a.doc and a.show:
        sys.exit("--show prints posts; it cannot be used with --doc")
    if a.doc:
        import contextlib
        import io
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            measure(a)
        doc = Path(a.doc)
        text = doc.read_text(encoding="utf-8")
        begin, end = "<!-- dev:begin -->", "<!-- dev:end -->"
        if begin not in text or end not in text:
            sys.exit(f"{doc}: markers {begin} / {end} not found")
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        cmd = "python3 tests/quality/dev_measure.py --sets " + a.sets + (" --extra-args '" + a.extra_args + "'" if a.extra_args else "")
        block = f"{begin}\nCommand: `{cmd}` (release CLI).\n" + buf.getvalue().replace("\n## ", "\n### ") + f"\n{end}"
        doc.write_text(head + block + tail, encoding="utf-8")
        return
    measure(a)


def measure(a) -> None:
    if not a.no_build:
        subprocess.run(["cargo", "build", "-q", "--release", "-p", "sotorko"], cwd=REPO, check=True)
    extra = a.extra_args.split()
    if a.brief:
        print("| set | violations | found | held | benign | flagged | any finding |\n|---|---:|---:|---:|---:|---:|---:|")
    for s in a.sets.split(","):
        path = dev_path(s)
        if path is not None:
            dev(s, path, a.bin, extra, a.show, a.brief)
        elif s == "news":
            news(a.bin, extra, a.show)
        elif s == "karim":
            karim(a.bin, extra)
        else:
            sys.exit(f"unknown set {s}")


if __name__ == "__main__":
    main()
