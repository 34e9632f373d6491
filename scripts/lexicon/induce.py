#!/usr/bin/env python3
"""Propose candidate stance terms from labelled data (for a person to review).

Weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn
2008) of word unigrams and bigrams in a *foreground* corpus against a *background*
corpus. Foreground: hate rows of BD-SHS val (by type) and Karim BHS v2.0 (by topic);
background: Bangladeshi news sentences plus BD-SHS non-hate rows. Words that occur in
fewer than --min-docs foreground rows are left out, so one comment cannot make a term.

The output is a review list, not a lexicon: each candidate shows its z-score, its
foreground and background counts and a short example, and a reviewer copies the
terms that really carry a stance into a `[set.*]` table of the rule pack
(crate/rules/default/05-targets.toml, 60-frames.toml). Terms that name a party,
leader or faith are never added from here (political neutrality, design §1).

Usage:
  python3 scripts/lexicon/induce.py --group slander [--top 150] [--ngram 2]
  python3 scripts/lexicon/induce.py --group all --out /tmp/candidates.tsv
Groups: slander, religion, gender, callToViolence (BD-SHS types), Personal,
Religious, Political, Geopolitical (Karim topics), all (every hate row).
Data is read from ../shared/data and never copied. Standard library only.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
WORD = re.compile(r"[\u0980-\u09FFa-zA-Z\u200c\u200d]+")
ZW = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def tokens(text: str) -> list[str]:
    t = unicodedata.normalize("NFC", text).translate(ZW).lower()
    return [w for w in WORD.findall(t) if len(w) > 1]


def grams(text: str, n: int) -> set[str]:
    ws = tokens(text)
    out = set(ws)
    if n >= 2:
        out.update(" ".join(ws[i:i + 2]) for i in range(len(ws) - 1))
    return out


def load(group: str) -> tuple[list[str], list[str]]:
    fg, bg = [], []
    with (DATA / "bdshs-val.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            types = set((r.get("type") or "").split("_"))
            if r.get("hate speech") == "1":
                if group in types or group == "all":
                    fg.append(r["sentence"])
            else:
                bg.append(r["sentence"])
    with (DATA / "train" / "karim-bhs-v2.0.csv").open(encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if r["label"] == group or group == "all":
                fg.append(r["text"])
    with (DATA / "train" / "bn-news-dev.csv").open(encoding="utf-8", newline="") as f:
        bg.extend(r["text"] for r in csv.DictReader(f))
    return fg, bg


def log_odds(fg: list[str], bg: list[str], n: int, min_docs: int):
    cf, cb, df = Counter(), Counter(), Counter()
    for t in fg:
        g = grams(t, n)
        cf.update(g)
        df.update(g)
    for t in bg:
        cb.update(grams(t, n))
    prior = cf + cb
    a0 = sum(prior.values())
    nf, nb = sum(cf.values()), sum(cb.values())
    out = []
    for w, a in prior.items():
        if df[w] < min_docs:
            continue
        yf, yb = cf[w], cb[w]
        d = (math.log((yf + a) / (nf + a0 - yf - a)) - math.log((yb + a) / (nb + a0 - yb - a)))
        var = 1.0 / (yf + a) + 1.0 / (yb + a)
        out.append((d / math.sqrt(var), w, yf, yb))
    out.sort(key=lambda x: (-x[0], x[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--group", default="all")
    ap.add_argument("--top", type=int, default=150)
    ap.add_argument("--ngram", type=int, default=2, choices=(1, 2))
    ap.add_argument("--min-docs", type=int, default=4)
    ap.add_argument("--out")
    a = ap.parse_args()
    fg, bg = load(a.group)
    if not fg:
        sys.exit(f"no foreground rows for group {a.group!r}")
    rows = log_odds(fg, bg, a.ngram, a.min_docs)[: a.top]
    lines = ["z\tterm\tforeground\tbackground"] + [f"{z:.2f}\t{w}\t{yf}\t{yb}" for z, w, yf, yb in rows]
    text = "\n".join(lines) + "\n"
    if a.out:
        Path(a.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
