#!/usr/bin/env python3
"""Measure the whole system (rules + stance model) with the release CLI.

The stance model learns from BD-SHS val, the news sentences, dev-a and the
project's corpus, so on those sets the model part is cross-validated: each
text is checked with the fold model trained without it
(`sotorko check --model-file foldK.bin`, written by
`scripts/model/train.py --folds DIR`). dev-b is never read here: the CLI
runs over it and only aggregate figures are printed. Every set is also
measured with `--no-model` (the rules alone) for comparison.

Usage:
  python3 tests/quality/model_cv.py [--bin PATH] [--folds DIR] [--no-train] [--rules PACK] [--no-dev-b]

Prints a Markdown report (for docs/quality.md). Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
HOLDING = {"block", "warn"}
BDSHS_TYPES = {
    "slander": "belittling",
    "religion": "religious-harmony",
    "gender": "gender",
    "callToViolence": "incitement",
}
FOLDS = 5
# Extra CLI arguments for every run (`--rules PACK`), set from the command line.
EXTRA: list[str] = []


def run(binary: Path, items: list[dict] | Path, extra: list[str]) -> dict[str, list[dict]]:
    """Checks `items` ({id, text, context}) in one CLI batch, or a JSON-lines
    file given by path (the CLI reads it; used for sealed dev-b); findings by id."""
    extra = [*EXTRA, *extra]
    if isinstance(items, Path):
        proc = subprocess.run([str(binary), "check", "--jsonl", *extra, str(items)],
                              capture_output=True, text=True, encoding="utf-8")
    elif not items:
        return {}
    else:
        lines = "\n".join(json.dumps(i, ensure_ascii=False) for i in items) + "\n"
        proc = subprocess.run(
            [str(binary), "check", "--jsonl", *extra, "-"],
            input=lines, capture_output=True, text=True, encoding="utf-8",
        )
    if proc.returncode != 0:
        raise SystemExit(f"sotorko exited {proc.returncode}: {proc.stderr.strip()}")
    out = {}
    for line in proc.stdout.splitlines():
        if line.strip():
            obj = json.loads(line)
            out[str(obj["id"])] = obj["findings"]
    return out


def run_modes(binary: Path, items: list[dict], folds: dict[str, int] | None, fold_dir: Path):
    """{mode: findings by id} for the rules alone and for rules + model
    (cross-validated when `folds` is given, else the embedded model)."""
    res = {"rules": run(binary, items, ["--no-model"])}
    if folds is None:
        res["model"] = run(binary, items, [])
    else:
        merged = {}
        for k in range(FOLDS):
            part = [i for i in items if folds[i["id"]] == k]
            merged.update(run(binary, part, ["--model-file", str(fold_dir / f"fold{k}.bin")]))
        res["model"] = merged
    return res


def pct(n: int, d: int) -> str:
    return "–" if d == 0 else f"{100 * n / d:.1f}%"


def labelled(path: Path, binary: Path, folds, fold_dir: Path, name: str) -> list[str]:
    """Figures for a labelled JSON-lines set. Without folds (dev-b) the CLI
    reads the file itself and only ids and labels are read here."""
    items, expect = [], {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                expect[str(d["id"])] = set(d.get("expect") or [])
                if folds is not None:
                    items.append({"id": d["id"], "text": d["text"], "context": d.get("context", "official")})
    if folds is None:
        res = {"rules": run(binary, path, ["--no-model"]), "model": run(binary, path, [])}
    else:
        res = run_modes(binary, items, folds, fold_dir)
    viol = [i for i in expect if expect[i]]
    benign = [i for i in expect if not expect[i]]
    rows = []
    for mode, r in res.items():
        in_cat = sum(1 for i in viol if any(f["category"] in expect[i] for f in r[i]))
        any_f = sum(1 for i in viol if r[i])
        held = sum(1 for i in viol if any(f["severity"] in HOLDING for f in r[i]))
        b_any = sum(1 for i in benign if r[i])
        b_hold = sum(1 for i in benign if any(f["severity"] in HOLDING for f in r[i]))
        label = "rules alone (`--no-model`)" if mode == "rules" else (
            "rules + model (5-fold CV)" if folds is not None else "rules + model")
        rows.append(
            f"| {name} | {label} | {pct(in_cat, len(viol))} | {pct(any_f, len(viol))} | "
            f"{pct(held, len(viol))} | {pct(b_hold, len(benign))} | {pct(b_any, len(benign))} |")
    return rows


def news(binary: Path, folds, fold_dir: Path) -> list[str]:
    items = []
    with (DATA / "train" / "bn-news-dev.csv").open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f)):
            items.append({"id": str(n), "text": r["text"], "context": "official"})
    fmap = {str(n): k for n, k in enumerate(folds)}
    res = run_modes(binary, items, fmap, fold_dir)
    rows = []
    for mode, r in res.items():
        hold = sum(1 for i in items if any(f["severity"] in HOLDING and f["category"] != "political" for f in r[i["id"]]))
        anyf = sum(1 for i in items if any(f["category"] != "political" for f in r[i["id"]]))
        model_f = sum(1 for i in items if any(f["rule"].startswith("model.") for f in r[i["id"]]))
        label = "rules alone" if mode == "rules" else "rules + model (5-fold CV)"
        rows.append(f"| {label} | {len(items):,} | {pct(hold, len(items))} | {pct(anyf, len(items))} | {pct(model_f, len(items))} |")
    return rows


def bdshs(binary: Path, folds, fold_dir: Path) -> list[str]:
    items, rows_meta = [], {}
    with (DATA / "bdshs-val.csv").open(encoding="utf-8", newline="") as f:
        for n, r in enumerate(csv.DictReader(f)):
            types = {t for t in (r.get("type") or "").split("_") if t}
            items.append({"id": str(n), "text": r["sentence"], "context": "official"})
            rows_meta[str(n)] = (types, r.get("hate speech") == "1")
    fmap = {str(n): k for n, k in enumerate(folds)}
    res = run_modes(binary, items, fmap, fold_dir)
    out = []
    for mode, r in res.items():
        cells = []
        for t, cat in BDSHS_TYPES.items():
            ids = [i for i, (ty, h) in rows_meta.items() if h and t in ty]
            hit = sum(1 for i in ids if any(f["category"] == cat and f["severity"] in HOLDING for f in r[i]))
            cells.append(pct(hit, len(ids)))
        non = [i for i, (_, h) in rows_meta.items() if not h]
        fa = sum(1 for i in non if any(f["severity"] in HOLDING and f["category"] != "political" for f in r[i]))
        label = "rules alone" if mode == "rules" else "rules + model (5-fold CV)"
        out.append(f"| {label} | " + " | ".join(cells) + f" | {pct(fa, len(non))} |")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO / "target" / "release" / "sotorko")
    ap.add_argument("--folds", type=Path, default=Path("/tmp/sotorko-model-folds"))
    ap.add_argument("--no-train", action="store_true", help="use the fold models already in --folds")
    ap.add_argument("--rules", type=Path, help="measure this rule pack instead of the default one")
    ap.add_argument("--no-dev-b", action="store_true", help="leave sealed dev-b out (experiments)")
    args = ap.parse_args()
    if args.rules:
        EXTRA.extend(["--rules", str(args.rules)])
    if not args.no_train:
        subprocess.run([sys.executable, str(REPO / "scripts" / "model" / "train.py"), "--folds", str(args.folds)],
                       check=True, cwd=REPO)
    folds = json.loads((args.folds / "folds.json").read_text(encoding="utf-8"))

    print("| set | system | violations: finding of an expected category | any finding | block/warn | benign: block/warn | benign: any finding |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for row in labelled(DATA / "dev" / "dev-a.jsonl", args.bin, folds["dev-a"], args.folds, "dev-a"):
        print(row)
    # dev-b: sealed; the CLI runs over it, only these aggregates are printed.
    if not args.no_dev_b:
        for row in labelled(DATA / "dev" / "dev-b.jsonl", args.bin, None, args.folds, "dev-b"):
            print(row)
    corpus_rows = []
    for p in sorted((REPO / "tests" / "corpus").glob("*.jsonl")):
        corpus_rows += labelled(p, args.bin, folds["corpus"], args.folds, f"corpus {p.stem}")
    for row in corpus_rows:
        print(row)
    print()
    print("| bn-news-dev | sentences | block/warn outside political | any finding outside political | any model finding |")
    print("|---|---:|---:|---:|---:|")
    for row in news(args.bin, folds["news"], args.folds):
        print(row)
    print()
    print("| BD-SHS val (official context, block/warn in the category) | slander → belittling | religion → religious-harmony | gender → gender | callToViolence → incitement | non-hate: block/warn outside political |")
    print("|---|---:|---:|---:|---:|---:|")
    for row in bdshs(args.bin, folds["bdshs"], args.folds):
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
