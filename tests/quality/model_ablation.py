#!/usr/bin/env python3
"""Model-level ablations: re-run the stance model's cross-validation with one change.

`scripts/model/train.py` picks its thresholds on out-of-fold scores; this script repeats
that cross-validation (without writing any file) after changing a constant or the
training data, and prints the out-of-fold recall at the data-chosen thresholds:

  ours     every official-register violation of dev-a and the project's sets
           (own, helper, synthetic; the corpus is left out), by class and overall
  BD-SHS   hate rows of the four comment classes; the share of non-hate rows over
           any of their thresholds

Options (JSON, second argument):
  any UPPER_CASE constant of train.py     e.g. {"HASH_BITS": 16, "EPOCHS": 12}
  "_by_file": true     synthetic sets grouped by file into folds, and dev-a, own,
                       helper, corpus each in one fold, so that no fold's writer
                       is seen in training (train.py folds at random)
  "_drop": ["karim"]   leave sources out of training and thresholds
  "_karim": {"Political": ["partisan"], "Personal": []}   map Karim v2 topics to
                       classes; a topic mapped to [] is left out

dev-b and the closed heldout-2 are never read (train.py never reads them). The
figures are model-level: docs/quality.md ("Session 6") shows how far they are from
what the whole system does on posts by other writers, so a candidate model is
judged with dev_measure.py and model_cv.py, not by this alone.

Usage: python3 tests/quality/model_ablation.py NAME ['{"OPTION": value}']
Python 3.11 standard library only; about two minutes per run on one core.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts" / "model"))
import train as T  # noqa: E402

OURS = ("synthetic", "dev-a", "helper", "own")
BDSHS_CLASSES = (("slander", "derogatory"), ("callToViolence", "violent"),
                 ("gender", "sexist"), ("religion", "communal"))


def configure(options: dict) -> bool:
    """Applies the options to the train module; returns whether folds go by file."""
    by_file = bool(options.pop("_by_file", False))
    drop = set(options.pop("_drop", []))
    karim = options.pop("_karim", None)
    for key, value in options.items():
        if not key.isupper() or not hasattr(T, key):
            raise SystemExit(f"unknown option {key!r}")
        setattr(T, key, value)
    T.MASK = (1 << T.HASH_BITS) - 1
    original = T.load_data

    def load_data():
        examples, inputs = original()
        # The guards on KARIM and load_lexicon let the script also run with
        # scripts/model/experiments/target-pairs.patch applied (no Karim, a target lexicon).
        if karim is not None and hasattr(T, "KARIM"):
            # Re-label Karim rows by topic (the text's label is not kept, so
            # re-read the topics in file order).
            import csv
            with (T.DATA / "train" / "karim-bhs-v2.0.csv").open(encoding="utf-8", newline="") as f:
                topics = [r["label"] for r in csv.DictReader(f)]
            rows = [ex for ex in examples if ex.source == "karim"]
            for ex, topic in zip(rows, topics):
                ex.labels = frozenset(karim.get(topic, []))
            examples = [ex for ex in examples if ex.source != "karim" or ex.labels]
        return [ex for ex in examples if ex.source not in drop], inputs

    T.load_data = load_data
    return by_file


def fold_by_file(examples) -> None:
    fixed = {"dev-a": 0, "own": 1, "helper": 2, "corpus": 3}
    for ex in examples:
        if ex.source == "synthetic":
            ex.fold = int(str(ex.meta).split("-")[0][1:]) % T.FOLDS
        elif ex.source in fixed:
            ex.fold = fixed[ex.source]


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    name = sys.argv[1]
    options = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
    by_file = configure(dict(options))
    started = time.time()
    if hasattr(T, "load_lexicon"):  # only with the target-pairs patch applied
        T.LEXICON.update(T.load_lexicon())
    examples, _ = T.load_data()
    if by_file:
        fold_by_file(examples)
    for ex in examples:
        ex.feats = T.unit_feats(ex.text)
    classes = len(T.CLASSES)
    unit = [[0.0] * classes for _ in examples]
    clause = [[0.0] * classes for _ in examples]
    for k in range(T.FOLDS):
        ws, bs = T.train([ex for ex in examples if ex.fold != k], f"fold{k}")
        for i, ex in enumerate(examples):
            if ex.fold != k:
                continue
            cf = T.clause_feats(ex.text) if ex.benign_kind == "post" else [ex.feats]
            for c in range(classes):
                unit[i][c] = T.float_score(ws[c], bs[c], ex.feats)
                clause[i][c] = max(T.float_score(ws[c], bs[c], f) for f in cf)
    for level, post_fire, news_fire in (("alone", T.POST_FIRE, T.NEWS_FIRE),
                                        ("framed", T.FRAMED_POST_FIRE, T.FRAMED_NEWS_FIRE)):
        thresholds = [T.choose_threshold(
            [clause[i][c] for i, ex in enumerate(examples) if ex.benign_kind == "post"],
            [clause[i][c] for i, ex in enumerate(examples) if ex.benign_kind == "news"],
            post_fire, news_fire) for c in range(classes)]
        cells, hit, total = [], 0, 0
        for c, cls in enumerate(T.CLASSES):
            idx = [i for i, ex in enumerate(examples) if ex.source in OURS and cls in ex.labels]
            h = sum(1 for i in idx if unit[i][c] >= thresholds[c])
            hit, total = hit + h, total + len(idx)
            cells.append(f"{cls}={100 * h / max(1, len(idx)):.0f}")
        bd = []
        for label, cls in BDSHS_CLASSES:
            c = T.CLASSES.index(cls)
            idx = [i for i, ex in enumerate(examples) if ex.source == "bdshs" and cls in ex.labels]
            bd.append(f"{label}={100 * sum(1 for i in idx if unit[i][c] >= thresholds[c]) / max(1, len(idx)):.0f}")
        benign = [i for i, ex in enumerate(examples) if ex.source == "bdshs" and not ex.labels]
        over = sum(1 for i in benign if any(unit[i][T.CLASSES.index(cls)] >= thresholds[T.CLASSES.index(cls)]
                                            for _, cls in BDSHS_CLASSES))
        print(f"{name} {level}: ours {100 * hit / max(1, total):.1f}%  {' '.join(cells)}  "
              f"BD-SHS {' '.join(bd)} non-hate-over={100 * over / max(1, len(benign)):.0f}%", flush=True)
    print(f"{name}: {time.time() - started:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
