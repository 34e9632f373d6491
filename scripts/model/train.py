#!/usr/bin/env python3
"""Train Sotorko's stance model and write crate/model/stance.bin.

A one-vs-rest logistic regression over hashed features (word unigrams and
bigrams, character 2-4-grams inside words) of a normalised text, for the
stance classes derogatory, violent, sexist, communal, ethnic, divisive,
partisan, secret and personal — one per guideline category — and contempt,
sectarian, gendered and unrest, learnt from officials' posts only ("none" is
every class below its threshold). The five fold models and the final model
are trained in parallel processes where there is more than one core.
Weights are quantised to 4 bits (-QMAX..QMAX) with one scale per class; a
score is the integer sum bias + the weights of every distinct feature bucket
of the clause (each counts once), compared with an integer threshold per
class. The Rust engine
(crate/src/stance/) computes exactly the same integers.

Python 3.11 standard library only. Deterministic: fixed seed, fixed data
order, fixed folds; `--check` re-trains and compares the committed files
byte for byte.

Usage:
  python3 scripts/model/train.py            # train, write crate/model/*
  python3 scripts/model/train.py --check    # re-train, verify the committed files
  python3 scripts/model/train.py --folds DIR  # also write the k fold models (for CV with the CLI)

Data (read in place from ../shared/data, never copied into the repo):
  train/karim-bhs-v2.0.csv, bdshs-val.csv, train/bn-news-dev.csv,
  dev/dev-a.jsonl, and the project's own tests/corpus/*.jsonl,
  tests/quality/register/{official-register,helper-official}.jsonl and
  scripts/model/data/synthetic-*.jsonl (see README-synthetic-*.md there).
  dev/dev-b.jsonl and tests/quality/register/heldout-official-2.jsonl are never read.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import multiprocessing
import os
import random
import struct
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO.parent / "shared" / "data"
OUT_DIR = REPO / "crate" / "model"
WEIGHTS = OUT_DIR / "stance.bin"
FIXTURE = OUT_DIR / "fixture.json"
PROVENANCE = OUT_DIR / "PROVENANCE.md"
OFFICIAL_BENIGN = Path(__file__).resolve().parent / "official-benign.txt"
# Official-register posts written by the project (tests/quality/register/README.md).
OWN_REGISTER = REPO / "tests" / "quality" / "register" / "official-register.jsonl"
# Official-register posts written by a helper without seeing the rules
# (measured once untouched, then used for tuning and training).
HELPER_REGISTER = REPO / "tests" / "quality" / "register" / "helper-official.jsonl"
# Synthetic official-register training posts (scripts/model/data/README-synthetic-*.md).
SYNTHETIC_DIR = Path(__file__).resolve().parent / "data"

SEED = 20261130
CLASSES = ("derogatory", "violent", "sexist", "communal", "ethnic", "divisive",
           "partisan", "secret", "personal", "contempt", "sectarian", "gendered", "unrest")
HASH_BITS = 14
QMAX = 7  # weights are quantised to 4 bits: -QMAX..QMAX
EPOCHS = 6
LR0 = 0.25
L2 = 2e-6
FOLDS = 5
OURS_REPEAT = 4  # our own posts are seen this many times per epoch
MAX_WORDS = 80
# Threshold targets (fractions of official-register benign text, out of fold).
POST_FIRE = 0.005  # corpus + dev-a benign posts with a clause over the threshold
NEWS_FIRE = 0.002  # news sentences over the threshold
# Classes whose findings without a target are only advice in the default pack
# (90-model.toml: model.violent, model.sexist, model.communal, model.ethnic-stance,
# model.divisive): an underline, never a hold, so their alone threshold lets a
# few more benign posts through (the "any finding" bar, not the held one).
ADVICE_CLASSES = ("violent", "sexist", "communal", "ethnic", "divisive")
ADVICE_POST_FIRE = 0.0075
# The looser "framed" threshold, used when the stance is paired with a target
# in the same clause (a `model` list on a side of a `near` matcher).
FRAMED_POST_FIRE = 0.03
FRAMED_NEWS_FIRE = 0.01

# Dataset labels -> stance classes (documented in PROVENANCE.md).
KARIM = {"Personal": ("derogatory",), "Political": ("derogatory", "partisan"),
         "Geopolitical": ("derogatory",), "Religious": ("communal",)}
BDSHS = {"slander": "derogatory", "callToViolence": "violent",
         "gender": "sexist", "religion": "communal"}
# Our posts' belittling is also `contempt`: the official register's scorn for
# offices, officials, courts and the state (sarcasm, "so-called", "a circus"),
# learnt from our posts alone, where `derogatory` is dominated by the
# colloquial insults of the comment datasets.
CATEGORY = {"belittling": ("derogatory", "contempt"), "national-unity": ("divisive",),
            "incitement": ("violent", "unrest"), "gender": ("sexist", "gendered"),
            "religious-harmony": ("communal", "sectarian"), "ethnic-minority": ("ethnic",),
            "political": ("partisan",), "secrecy": ("secret",),
            "personal-content": ("personal",)}
OURS = ("dev-a", "corpus", "official", "own", "helper", "synthetic")

# ---------------------------------------------------------------- features

CHAR_MAP = {
    0x09DC: 0x09A1, 0x09DD: 0x09A2, 0x09DF: 0x09AF, 0x09CE: 0x09A4,
    0x09C0: 0x09BF, 0x09C2: 0x09C1, 0x0988: 0x0987, 0x098A: 0x0989,
    0x09A3: 0x09A8, 0x09B7: 0x09B6,
}
DROPPED = {0x09BC, 0x0981, 0x200C, 0x200D, 0xFEFF}
CLAUSE_ENDS = set("।॥?!.;|\n")
COMMA = set(",،")
LONG_CLAUSE_WORDS = 20


def norm_char(c: str) -> str | None:
    """One character of the normalised text: '' (dropped, word continues),
    None (a separator) or the character."""
    o = ord(c)
    if o in DROPPED:
        return ""
    if 0x41 <= o <= 0x5A:
        return chr(o + 32)
    if 0x09E6 <= o <= 0x09EF:
        return chr(o - 0x09E6 + 0x30)
    o = CHAR_MAP.get(o, o)
    if 0x61 <= o <= 0x7A or 0x30 <= o <= 0x39 or 0x0980 <= o <= 0x09FF:
        return chr(o)
    return None


def words_of(text: str) -> list[tuple[str, int, int]]:
    """Normalised words with their character spans in `text`. Runs of one
    character are capped at two."""
    out = []
    cur: list[str] = []
    start = end = 0
    for i, c in enumerate(text):
        n = norm_char(c)
        if n is None:
            if cur:
                out.append(("".join(cur), start, end))
                cur = []
            continue
        if n == "":
            continue
        if not cur:
            start = i
        if len(cur) >= 2 and cur[-1] == n and cur[-2] == n:
            end = i + 1
            continue
        cur.append(n)
        end = i + 1
    if cur:
        out.append(("".join(cur), start, end))
    return out


def fnv1a(data: bytes) -> int:
    h = 0x811C9DC5
    for b in data:
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


MASK = (1 << HASH_BITS) - 1


def bucket(feature: str) -> int:
    h = fnv1a(feature.encode("utf-8"))
    return (h ^ (h >> HASH_BITS)) & MASK


_cache: dict[str, tuple[int, ...]] = {}


def word_features(w: str) -> tuple[int, ...]:
    """Buckets of a word's own features: the unigram and its character
    2-, 3- and 4-grams of `<word>`."""
    got = _cache.get(w)
    if got is not None:
        return got
    feats = [bucket("w" + w)]
    p = "<" + w + ">"
    for n in (2, 3, 4):
        for i in range(len(p) - n + 1):
            feats.append(bucket("c" + p[i:i + n]))
    got = tuple(feats)
    if len(_cache) < 400_000:
        _cache[w] = got
    return got


def features(words: list[str]) -> list[int]:
    """The distinct feature buckets of a word sequence, each once, in the
    order of first occurrence (each word's own features, then the bigram
    with the next word): a repeated word weighs what it weighs once."""
    out: list[int] = []
    for i, w in enumerate(words):
        out.extend(word_features(w))
        if i + 1 < len(words):
            out.append(bucket("b" + w + " " + words[i + 1]))
    return list(dict.fromkeys(out))


def clauses(text: str) -> list[tuple[int, int]]:
    """Character spans of the clauses of `text`: split at । ॥ ? ! . ; | and
    newlines; a part with more than LONG_CLAUSE_WORDS words is split again
    at commas. Empty parts (no word) are left out."""
    parts = []
    start = 0
    for i, c in enumerate(text):
        if c in CLAUSE_ENDS:
            parts.append((start, i))
            start = i + 1
    parts.append((start, len(text)))
    out = []
    for s, e in parts:
        ws = words_of(text[s:e])
        if not ws:
            continue
        if len(ws) > LONG_CLAUSE_WORDS:
            sub = s
            for i in range(s, e):
                if text[i] in COMMA:
                    if words_of(text[sub:i]):
                        out.append((sub, i))
                    sub = i + 1
            if words_of(text[sub:e]):
                out.append((sub, e))
        else:
            out.append((s, e))
    return out


def unit_words(text: str) -> list[str]:
    return [w for w, _, _ in words_of(text)][:MAX_WORDS]


# ---------------------------------------------------------------- data


def sha256_file(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


class Example:
    __slots__ = ("text", "labels", "source", "fold", "feats", "benign_kind", "meta")

    def __init__(self, text, labels, source, benign_kind=None, meta=None):
        self.text = text
        self.labels = labels  # frozenset of class names
        self.source = source
        self.fold = 0
        self.feats: list[int] = []
        self.benign_kind = benign_kind  # 'post' | 'news' | None
        self.meta = meta


def assign_folds(items: list[Example], salt: str) -> None:
    order = list(range(len(items)))
    random.Random(f"{SEED}:{salt}").shuffle(order)
    for rank, i in enumerate(order):
        items[i].fold = rank % FOLDS


def load_data() -> tuple[list[Example], dict]:
    inputs = {}
    examples: list[Example] = []

    p = DATA / "train" / "karim-bhs-v2.0.csv"
    inputs["train/karim-bhs-v2.0.csv"] = sha256_file(p)
    part = []
    with p.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            part.append(Example(r["text"], frozenset(KARIM[r["label"]]), "karim"))
    assign_folds(part, "karim")
    examples += part

    p = DATA / "bdshs-val.csv"
    inputs["bdshs-val.csv"] = sha256_file(p)
    part = []
    with p.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            types = [t for t in (r.get("type") or "").split("_") if t]
            hate = r.get("hate speech") == "1"
            labels = frozenset(BDSHS[t] for t in types) if hate else frozenset()
            part.append(Example(r["sentence"], labels, "bdshs", meta=(types, hate)))
    assign_folds(part, "bdshs")
    examples += part

    p = DATA / "train" / "bn-news-dev.csv"
    inputs["train/bn-news-dev.csv"] = sha256_file(p)
    part = []
    with p.open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            part.append(Example(r["text"], frozenset(), "news", benign_kind="news"))
    assign_folds(part, "news")
    examples += part

    p = DATA / "dev" / "dev-a.jsonl"
    inputs["dev/dev-a.jsonl"] = sha256_file(p)
    examples += jsonl_examples(p, "dev-a")

    p = OWN_REGISTER
    inputs["tests/quality/register/official-register.jsonl"] = sha256_file(p)
    examples += jsonl_examples(p, "own")

    p = HELPER_REGISTER
    inputs["tests/quality/register/helper-official.jsonl"] = sha256_file(p)
    examples += jsonl_examples(p, "helper")

    for p in sorted(SYNTHETIC_DIR.glob("synthetic-*.jsonl")):
        inputs[f"scripts/model/data/{p.name}"] = sha256_file(p)
        examples += jsonl_examples(p, "synthetic")

    for p in sorted((REPO / "tests" / "corpus").glob("*.jsonl")):
        inputs[f"tests/corpus/{p.name}"] = sha256_file(p)
        examples += jsonl_examples(p, "corpus")

    p = OFFICIAL_BENIGN
    inputs["scripts/model/official-benign.txt"] = sha256_file(p)
    part = []
    for line in p.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            # Training negatives only: short and easy, they would loosen the
            # thresholds if they were part of the benign posts used to set them.
            part.append(Example(line.strip(), frozenset(), "official"))
    assign_folds(part, "official")
    examples += part
    return examples, inputs


def jsonl_folds(path: Path) -> dict[str, int]:
    """A fold for every post of a JSON-lines file (by id), also for posts left
    out of training, so the whole system can be cross-validated on it."""
    ids = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                ids.append(json.loads(line)["id"])
    order = list(range(len(ids)))
    random.Random(f"{SEED}:{path.name}").shuffle(order)
    return {ids[i]: rank % FOLDS for rank, i in enumerate(order)}


def jsonl_examples(path: Path, source: str) -> list[Example]:
    """Benign posts -> none; violations -> their categories' classes, the
    evidence span when given (else the text)."""
    folds = jsonl_folds(path)
    part = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            d = json.loads(line)
            expect = d.get("expect") or []
            if not expect:
                ex = Example(d["text"], frozenset(), source, benign_kind="post", meta=d["id"])
            else:
                labels = frozenset(k for c in expect if c in CATEGORY for k in CATEGORY[c])
                if not labels:
                    continue
                ex = Example(d.get("evidence") or d["text"], labels, source, meta=d["id"])
            ex.fold = folds[d["id"]]
            part.append(ex)
    return part


# ---------------------------------------------------------------- training


def train(examples: list[Example], seed_salt: str) -> tuple[list[list[float]], list[float]]:
    """One-vs-rest logistic regression by SGD with L2 (a lazily applied
    global scale), a fixed learning-rate schedule and a seeded order."""
    n = 1 << HASH_BITS
    ws = []
    bs = []
    order = [i for i, ex in enumerate(examples)
             for _ in range(OURS_REPEAT if ex.source in OURS else 1)]
    rng = random.Random(f"{SEED}:{seed_salt}")
    for cls in CLASSES:
        v = [0.0] * n
        scale = 1.0
        b = 0.0
        t = 0
        for epoch in range(EPOCHS):
            rng.shuffle(order)
            for i in order:
                ex = examples[i]
                feats = ex.feats
                y = 1.0 if cls in ex.labels else 0.0
                lr = LR0 / (1.0 + t / 20000.0)
                t += 1
                z = b + scale * sum(map(v.__getitem__, feats))
                if z >= 0:
                    p = 1.0 / (1.0 + math.exp(-z))
                else:
                    e = math.exp(z)
                    p = e / (1.0 + e)
                g = y - p
                scale *= 1.0 - lr * L2
                if abs(g) > 1e-3:
                    step = lr * g / scale
                    for f in feats:
                        v[f] += step
                    b += lr * g * 0.1
                if scale < 1e-3:
                    v = [x * scale for x in v]
                    scale = 1.0
        ws.append([x * scale for x in v])
        bs.append(b)
    return ws, bs


# The examples the training jobs read: set before the worker processes are
# forked, so they inherit it instead of receiving a copy.
_JOB_EXAMPLES: list[Example] = []


def _training_job(k: int):
    """Fold model k (trained without fold k), or the final model (k == FOLDS)."""
    if k == FOLDS:
        return k, train(_JOB_EXAMPLES, "final")
    return k, train([ex for ex in _JOB_EXAMPLES if ex.fold != k], f"fold{k}")


def train_all(examples: list[Example]):
    """The FOLDS fold models and the final model. The six trainings are
    independent (each has its own seeded order), so they run in parallel
    processes on a machine with more than one core; the weights are the same
    bytes either way."""
    global _JOB_EXAMPLES
    _JOB_EXAMPLES = examples
    jobs = list(range(FOLDS + 1))
    workers = min(len(jobs), os.cpu_count() or 1)
    if workers > 1 and "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            results = dict(pool.map(_training_job, jobs))
    else:
        results = dict(map(_training_job, jobs))
    return [results[k] for k in range(FOLDS)], results[FOLDS]


def float_score(w: list[float], b: float, feats: list[int]) -> float:
    return b + sum(map(w.__getitem__, feats))


def unit_feats(text: str) -> list[int]:
    return features(unit_words(text))


def clause_feats(text: str) -> list[list[int]]:
    return [unit_feats(text[s:e]) for s, e in clauses(text)] or [[]]


# ---------------------------------------------------------------- quantising


def quantise(ws, bs):
    """Per class: scale = 99.95th percentile of |w| / QMAX, weights rounded
    and clamped to -QMAX..QMAX (4 bits), bias rounded to i32 in the same unit."""
    qs, qb, scales = [], [], []
    for w, b in zip(ws, bs):
        mags = sorted(abs(x) for x in w if x != 0.0)
        top = mags[min(len(mags) - 1, int(len(mags) * 0.9995))] if mags else 1.0
        scale = top / QMAX if top > 0 else 1.0
        scale = struct.unpack("<f", struct.pack("<f", scale))[0]
        q = [max(-QMAX, min(QMAX, round(x / scale))) for x in w]
        qs.append(q)
        qb.append(round(b / scale))
        scales.append(scale)
    return qs, qb, scales


def q_score(q: list[int], b: int, feats: list[int]) -> int:
    return b + sum(map(q.__getitem__, feats))


def encode(qs, qb, scales, thresholds_q, framed_q) -> bytes:
    """stance.bin: b"STNC", u8 version 2, u8 classes, u8 hash bits, u8 0;
    per class: u8 name length, name (ASCII), i32 bias, i32 threshold
    (alone), i32 threshold (framed), f32 scale; then 2^bits x classes
    4-bit signed weights, bucket-major, two per byte (the even index in the
    low nibble). Integers little-endian."""
    out = bytearray(b"STNC")
    out += bytes([2, len(CLASSES), HASH_BITS, 0])
    for c, name in enumerate(CLASSES):
        nb = name.encode("ascii")
        out += bytes([len(nb)]) + nb
        out += struct.pack("<iiif", qb[c], thresholds_q[c], framed_q[c], scales[c])
    n = 1 << HASH_BITS
    k = len(CLASSES)
    weights = bytearray((n * k + 1) // 2)
    for c in range(k):
        q = qs[c]
        for i in range(n):
            idx = i * k + c
            nib = q[i] & 0x0F
            weights[idx // 2] |= nib if idx % 2 == 0 else nib << 4
    out += weights
    return bytes(out)


# ---------------------------------------------------------------- thresholds


def choose_threshold(post_scores: list[float], news_scores: list[float],
                     post_fire: float, news_fire: float) -> float:
    """The lowest score such that at most `post_fire` of the benign posts
    (their highest clause) and `news_fire` of the news sentences reach it."""
    def at_most(scores, frac):
        s = sorted(scores, reverse=True)
        k = int(len(s) * frac)  # this many may fire
        # threshold just above the (k+1)-th highest score
        return s[k] + 1e-9 if k < len(s) else -1e9
    return max(at_most(post_scores, post_fire), at_most(news_scores, news_fire))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="re-train and compare with the committed files")
    ap.add_argument("--folds", type=Path, help="also write the fold models and fold id lists to DIR")
    args = ap.parse_args()

    examples, inputs = load_data()
    for ex in examples:
        ex.feats = unit_feats(ex.text)
    print(f"{len(examples)} examples", file=sys.stderr)

    # Out-of-fold scores: per fold, train on the other folds and score the
    # held-out examples (whole unit for recall, clauses for benign text).
    oof_unit = [[0.0] * len(CLASSES) for _ in examples]
    oof_clause = [[0.0] * len(CLASSES) for _ in examples]
    fold_models, (final_ws, final_bs) = train_all(examples)
    for k, (ws, bs) in enumerate(fold_models):
        for i, ex in enumerate(examples):
            if ex.fold != k:
                continue
            cf = clause_feats(ex.text) if ex.benign_kind == "post" else [ex.feats]
            for c in range(len(CLASSES)):
                oof_unit[i][c] = float_score(ws[c], bs[c], ex.feats)
                oof_clause[i][c] = max(float_score(ws[c], bs[c], f) for f in cf)
        print(f"fold {k} done", file=sys.stderr)

    thresholds = []
    framed = []
    for c in range(len(CLASSES)):
        posts = [oof_clause[i][c] for i, ex in enumerate(examples) if ex.benign_kind == "post"]
        news = [oof_clause[i][c] for i, ex in enumerate(examples) if ex.benign_kind == "news"]
        post_fire = ADVICE_POST_FIRE if CLASSES[c] in ADVICE_CLASSES else POST_FIRE
        thresholds.append(choose_threshold(posts, news, post_fire, NEWS_FIRE))
        framed.append(choose_threshold(posts, news, FRAMED_POST_FIRE, FRAMED_NEWS_FIRE))

    qs, qb, scales = quantise(final_ws, final_bs)
    thr_q = [math.ceil(t / s) for t, s in zip(thresholds, scales)]
    framed_q = [math.ceil(t / s) for t, s in zip(framed, scales)]
    blob = encode(qs, qb, scales, thr_q, framed_q)
    report = (cv_report(examples, oof_unit, oof_clause, thresholds, "alone")
              + "\n\n" + cv_report(examples, oof_unit, oof_clause, framed, "framed"))
    fixture = make_fixture(qs, qb)
    provenance = make_provenance(inputs, blob, thresholds, thr_q, framed, framed_q, scales, report)

    outputs = {WEIGHTS: blob, FIXTURE: fixture.encode("utf-8"), PROVENANCE: provenance.encode("utf-8")}
    if args.check:
        bad = [p for p, data in outputs.items() if not p.exists() or p.read_bytes() != data]
        for p in bad:
            print(f"differs from a fresh training: {p.relative_to(REPO)}", file=sys.stderr)
        if not bad:
            print("the committed model files are reproduced byte for byte", file=sys.stderr)
        return 1 if bad else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p, data in outputs.items():
        p.write_bytes(data)
    print(report, file=sys.stderr)
    if args.folds:
        args.folds.mkdir(parents=True, exist_ok=True)
        for k, (fw, fb) in enumerate(fold_models):
            fq, fqb, fs = quantise(fw, fb)
            ft = [math.ceil(t / s) for t, s in zip(thresholds, fs)]
            ff = [math.ceil(t / s) for t, s in zip(framed, fs)]
            (args.folds / f"fold{k}.bin").write_bytes(encode(fq, fqb, fs, ft, ff))
        corpus = {}
        for p in sorted((REPO / "tests" / "corpus").glob("*.jsonl")):
            corpus.update(jsonl_folds(p))
        (args.folds / "folds.json").write_text(json.dumps({
            "dev-a": jsonl_folds(DATA / "dev" / "dev-a.jsonl"),
            "corpus": corpus,
            "own": jsonl_folds(OWN_REGISTER),
            "bdshs": [ex.fold for ex in examples if ex.source == "bdshs"],
            "news": [ex.fold for ex in examples if ex.source == "news"],
        }, ensure_ascii=False))
    return 0


def cv_report(examples, oof_unit, oof_clause, thresholds, which) -> str:
    lines = []
    lines.append(f"| {which} threshold; set (out of fold, 5-fold CV) | " + " | ".join(CLASSES) + " |")
    lines.append("|---|" + "---|" * len(CLASSES))

    def rate(sel, c, scores):
        idx = [i for i, ex in enumerate(examples) if sel(ex)]
        if not idx:
            return "–"
        hit = sum(1 for i in idx if scores[i][c] >= thresholds[c])
        return f"{100 * hit / len(idx):.1f}% of {len(idx)}"

    for name, sel in [
        ("BD-SHS hate rows of the class: found", None),
        ("karim rows of the class: found", None),
        ("dev-a violations of the class (evidence): found", None),
        ("synthetic violations of the class (evidence): found", None),
    ]:
        src = {"BD-SHS": "bdshs", "karim": "karim", "dev-a": "dev-a", "synthetic": "synthetic"}[name.split()[0]]
        cells = [rate(lambda ex, c=c, src=src: ex.source == src and CLASSES[c] in ex.labels, c, oof_unit)
                 for c in range(len(CLASSES))]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    for name, src, kind in [
        ("BD-SHS non-hate rows: fire", "bdshs", None),
        ("news sentences: fire", "news", "news"),
        ("corpus benign posts (any clause): fire", "corpus", "post"),
        ("dev-a benign posts (any clause): fire", "dev-a", "post"),
        ("synthetic benign posts (any clause): fire", "synthetic", "post"),
    ]:
        if src == "bdshs":
            sel = lambda ex: ex.source == "bdshs" and not ex.labels
            scores = oof_unit
        else:
            sel = lambda ex, src=src, kind=kind: ex.source == src and ex.benign_kind == kind
            scores = oof_clause
        cells = [rate(sel, c, scores) for c in range(len(CLASSES))]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


FIXTURE_TEXTS = [
    "শুভ সকাল, সবাইকে শুভেচ্ছা।",
    "এই মালাউনগুলোকে দেশ থেকে বের করে দেওয়া উচিত! ওরা সবাই চোর।",
    "Oi sangbadik er bari ta chini, aj rate ek-ta operation hobe",
    "মেয়েদের জায়গা রান্নাঘরে; ওদের অফিসে আসার দরকার নেই",
    "ড়ঢ়য় ড়ঢ়য় ক্ষমতা‌ ABC abccc ১২৩ ৎ ণষীূঈঊ",
    "",
    "আজ উপজেলা পরিষদে সভা অনুষ্ঠিত হবে, সকলকে উপস্থিত থাকার অনুরোধ করা হলো, "
    "সভায় জেলা প্রশাসক প্রধান অতিথি হিসেবে উপস্থিত থাকবেন এবং বক্তব্য রাখবেন, ধন্যবাদ।",
]


def make_fixture(qs, qb) -> str:
    """Shared vectors for the Rust test: per text, the normalised words with
    their UTF-8 byte spans, the clause byte spans, and the integer score of
    every class over the whole text and over each clause."""
    items = []
    for t in FIXTURE_TEXTS:
        def b(ci):
            return len(t[:ci].encode("utf-8"))
        ws = words_of(t)
        cl = clauses(t)
        whole = unit_feats(t)
        items.append({
            "text": t,
            "words": [[w, b(s), b(e)] for w, s, e in ws],
            "clauses": [[b(s), b(e)] for s, e in cl],
            "features": len(whole),
            "scores": [q_score(qs[c], qb[c], whole) for c in range(len(CLASSES))],
            "clause_scores": [[q_score(qs[c], qb[c], unit_feats(t[s:e])) for c in range(len(CLASSES))]
                              for s, e in cl],
        })
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"


def make_provenance(inputs, blob, thresholds, thr_q, framed, framed_q, scales, report) -> str:
    rows = "\n".join(f"| `{k}` | `{v}` |" for k, v in sorted(inputs.items()))
    thr = "\n".join(
        f"| {c} | {t:.4f} | {q} | {ft:.4f} | {fq} | {s:.6g} |"
        for c, t, q, ft, fq, s in zip(CLASSES, thresholds, thr_q, framed, framed_q, scales))
    return f"""# Stance model: provenance

`stance.bin` is generated by `scripts/model/train.py`; do not edit it by hand.
Reproduce and verify it byte for byte with

    python3 scripts/model/train.py --check

(Python 3.11, standard library only; a few minutes on one core; `./build.sh test`
runs it when `../shared/data` is present). `--folds DIR` also writes the five fold
models used by `tests/quality/model_cv.py` to cross-validate the whole system
(figures in docs/quality.md).

- Output: `crate/model/stance.bin`, {len(blob)} bytes, sha256 `{hashlib.sha256(blob).hexdigest()}`
- Seed: `{SEED}`; {FOLDS}-fold cross-validation with seeded folds; {EPOCHS} SGD epochs,
  learning rate {LR0} / (1 + t / 20000), L2 {L2}; hashed features in 2^{HASH_BITS} buckets
  (FNV-1a 32, folded): word unigrams, word bigrams, character 2-4-grams of `<word>`.
- Weights: 4-bit signed (-{QMAX}..{QMAX}), two per byte, one scale per class (99.95th
  percentile of |w| / {QMAX}), bias i32 in the same unit.

## Training data (read in place, not redistributed)

| file (under `../shared/data/`, or the repo) | sha256 |
|---|---|
{rows}

| source | licence | use |
|---|---|---|
| Karim et al., Bengali Hate Speech Dataset v2.0 (rezacsedu/Bengali-Hate-Speech-Dataset @9e1ce5b, `bengali_hate_v2.0.csv`) | MIT | every row hate: Personal, Geopolitical → derogatory; Political → derogatory and partisan; Religious → communal |
| Romim et al., BD-SHS (naurosromim/hate-speech-dataset-for-Bengali-social-media @5a185a9, `dataset/val.csv`) | MIT | hate rows: slander → derogatory, callToViolence → violent, gender → sexist, religion → communal (several types: several classes); non-hate rows → none |
| bnlp-resources news sentences (banglanlp/bnlp-resources @29225a3, `punctuation_restoration/test_news`, Alam et al. W-NUT 2020) | articles CC BY 4.0, splits MIT | all → none |
| Sotorko dev-a (`dev/dev-a.jsonl`, written for this project) | project's own | benign → none; violations (trained on the `evidence` span): belittling → derogatory and contempt; incitement → violent; gender → sexist; religious-harmony → communal; ethnic-minority → ethnic; national-unity → divisive; political → partisan; secrecy → secret; personal-content → personal |
| Sotorko corpus (`tests/corpus/*.jsonl`) | project's own (MIT) | as dev-a |
| Sotorko official-register tuning posts (`tests/quality/register/official-register.jsonl`, written by the project without reading dev-b) | project's own (MIT) | as dev-a; its benign posts also set the thresholds |
| Helper-written official-register posts (`tests/quality/register/helper-official.jsonl`, written on 2026-12-01 by an AI helper that had not seen the rules; measured once untouched, see its README) | project's own (MIT) | as dev-a; its benign posts also set the thresholds |
| Synthetic official-register training posts (`scripts/model/data/synthetic-*.jsonl`, written on 2026-12-01 by AI helpers for this project, one family of government offices or one kind of writer per file; see `README-synthetic-*.md` and `WRITING.md`) | project's own (MIT) | as dev-a; their benign posts (mostly hard negatives) also set the thresholds |
| `scripts/model/official-benign.txt` (short official-register notices, calls to action and greetings written for the model) | project's own (MIT) | all → none |

`dev/dev-b.jsonl` and the held-out `tests/quality/register/heldout-official-2.jsonl` are never read.

## Thresholds

Chosen on data, not by hand: per class, the lowest score such that at most
{POST_FIRE * 100:.1f}% of the benign posts of the corpus, dev-a and the official-register sets (their highest
clause; {ADVICE_POST_FIRE * 100:.2f}% for {", ".join(ADVICE_CLASSES)}, whose findings without a target
are only advice in the default pack) and at most {NEWS_FIRE * 100:.1f}% of the news sentences reach it ("alone": a
`model` matcher of a rule), and at most {FRAMED_POST_FIRE * 100:.1f}% / {FRAMED_NEWS_FIRE * 100:.1f}%
("framed": a `model` list on a side of a `near` matcher, which also needs a
target in the same clause), using out-of-fold scores (each text scored by the
model trained without its fold).

| class | alone (logit) | alone (units) | framed (logit) | framed (units) | scale |
|---|---|---|---|---|---|
{thr}

## Cross-validated figures of the model alone

Every figure is out of fold ({FOLDS}-fold CV: each text is scored by a model
trained on the other folds). Violations are scored as one unit (the dev-a
evidence span); benign posts by their highest clause.

{report}
"""


if __name__ == "__main__":
    sys.exit(main())
