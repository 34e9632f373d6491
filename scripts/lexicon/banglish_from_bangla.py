#!/usr/bin/env python3
"""Propose Banglish spellings of the rule pack's Bangla set terms (for a person to review).

Officials write the same stance in Bangla script and in romanized Bangla ("Banglish"), but
the pack's `[set.*]` tables list far more Bangla terms than Banglish ones. This script
romanizes each Bangla term of a set the way Banglish is commonly typed (consonants and
vowel signs to Latin letters, the inherent vowel dropped at the end of a word and before a
syllable that has its own vowel: একমাত্র ভরসা -> ekmatro bhorsa, জঙ্গল -> jongol, বিদায়
করুন -> biday korun) and lists the forms the set's `banglish` list does not have yet. The
engine matches Banglish terms in its loose skeleton view, so a reviewer keeps only the
forms that are unambiguous there: short forms meet English words (a term "shh" met "so",
"she" and "stay"), which is why forms shorter than --min-letters are never proposed.

Two outputs:
  (default)   a review list: per set, the proposed forms, ready to copy into its list
  --pack OUT  the whole pack (one TOML file) with every proposal added, for measuring
              the effect before anything is copied (`sotorko check --rules OUT`,
              `tests/quality/dev_measure.py --extra-args "--rules OUT"`)

Measured in session 7 (docs/quality.md): with forms of at least 5 letters, held violations
rose a little and so did false alarms; with at least 8, a few more violations were held and
no benign post, but nothing moved on the closed sets, so nothing was copied yet.

Usage:
  python3 scripts/lexicon/banglish_from_bangla.py [--sets stance_insult,target_ethnic]
      [--min-letters 8] [--pack OUT]
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

PACK = Path(__file__).resolve().parents[2] / "crate" / "rules" / "default"

CONSONANT = {
    "ক": "k", "খ": "kh", "গ": "g", "ঘ": "gh", "ঙ": "ng", "চ": "ch", "ছ": "ch", "জ": "j",
    "ঝ": "jh", "ঞ": "n", "ট": "t", "ঠ": "th", "ড": "d", "ঢ": "dh", "ণ": "n", "ত": "t",
    "থ": "th", "দ": "d", "ধ": "dh", "ন": "n", "প": "p", "ফ": "f", "ব": "b", "ভ": "bh",
    "ম": "m", "য": "j", "র": "r", "ল": "l", "শ": "sh", "ষ": "sh", "স": "s", "হ": "h",
    "ৎ": "t",
}
# Nukta letters, written here as placeholders so that NFD cannot split them.
NUKTA = {"ড\u09bc": ("\ue000", "r"), "ঢ\u09bc": ("\ue001", "rh"), "য\u09bc": ("\ue002", "y")}
for _, (mark, latin) in NUKTA.items():
    CONSONANT[mark] = latin
VOWEL = {"অ": "o", "আ": "a", "ই": "i", "ঈ": "i", "উ": "u", "ঊ": "u", "ঋ": "ri", "এ": "e",
         "ঐ": "oi", "ও": "o", "ঔ": "ou"}
SIGN = {"া": "a", "ি": "i", "ী": "i", "ু": "u", "ূ": "u", "ৃ": "ri", "ে": "e", "ৈ": "oi",
        "ো": "o", "ৌ": "ou"}
VIRAMA = "্"
BANGLA_TERM = re.compile(r"^[\u0980-\u09FF\s\-]+$")


def romanize_word(word: str) -> str:
    """One Bangla word as Banglish is commonly typed."""
    w = unicodedata.normalize("NFD", word)
    for seq, (mark, _) in NUKTA.items():
        w = w.replace(seq, mark)
    w = unicodedata.normalize("NFC", w.replace("\u09bc", "")).replace("ঙ্গ", "ঙ")
    out: list[str] = []
    i, n, first = 0, len(w), True
    while i < n:
        ch = w[i]
        nxt = w[i + 1] if i + 1 < n else ""
        if ch in CONSONANT:
            out.append(CONSONANT[ch])
            if nxt in SIGN:
                out.append(SIGN[nxt])
                i += 2
            elif nxt == VIRAMA:
                # য-ফলা and ব-ফলা lengthen the consonant; the Latin spelling ignores them.
                i += 3 if i + 2 < n and w[i + 2] in ("য", "ব") else 2
            elif i + 1 >= n:
                # The inherent vowel is silent at the end of a word, but not after a conjunct.
                if i >= 2 and w[i - 1] == VIRAMA:
                    out.append("o")
                i += 1
            elif not first and nxt in CONSONANT and i + 2 < n and w[i + 2] in SIGN:
                i += 1  # silent before a syllable with its own vowel (একমাত্র -> ekmatro)
            else:
                out.append("o")
                i += 1
            first = False
            continue
        first = False
        if ch in VOWEL:
            out.append(VOWEL[ch])
        elif ch in SIGN:
            out.append(SIGN[ch])
        elif ch == "ং":
            out.append("ng")
        elif ch not in "ঁঃ" + VIRAMA + "\u200c\u200d":
            out.append(ch)
        i += 1
    return "".join(out)


def romanize(term: str) -> str:
    """A Bangla term (one or more words) in Banglish."""
    return " ".join(romanize_word(w) for w in term.split())


def list_items(lines: list[str], start: int) -> tuple[int, list[str]]:
    """The string items of the TOML array that begins on lines[start], and its last line."""
    text, j = "", start
    while True:
        text += lines[j] + "\n"
        if text.count("[") <= text.count("]"):
            break
        j += 1
    return j, re.findall(r'"((?:[^"\\]|\\.)*)"', text.split("=", 1)[1])


def propose(lines: list[str], sets: set[str] | None, min_letters: int):
    """Per `[set.*]` section of one file: (header line, banglish list span, existing, new forms)."""
    heads = [(k, m.group(1) if (m := re.match(r"^\[set\.([a-z0-9_]+)\]", line)) else None)
             for k, line in enumerate(lines) if line.startswith("[")]
    heads.append((len(lines), None))
    for (k, name), (end, _) in zip(heads, heads[1:]):
        if name is None or (sets and name not in sets):
            continue
        bangla, span, have = [], None, []
        j = k + 1
        while j < end:
            line = lines[j]
            if line.startswith(("bn = [", "bn_words = [")):
                last, items = list_items(lines, j)
                bangla += items
                j = last
            elif line.startswith("banglish = ["):
                last, have = list_items(lines, j)
                span = (j, last)
                j = last
            j += 1
        known = {h.lower() for h in have}
        new: list[str] = []
        for term in bangla:
            if not BANGLA_TERM.match(term):
                continue
            form = romanize(term)
            if len(form.replace(" ", "")) >= min_letters and form not in known and form not in new:
                new.append(form)
        if new:
            yield name, k, span, have, new


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sets", help="comma-separated set names (default: every set)")
    ap.add_argument("--min-letters", type=int, default=8)
    ap.add_argument("--pack", type=Path, help="write the pack with every proposal added to this file")
    args = ap.parse_args()
    sets = set(args.sets.split(",")) if args.sets else None
    files, total = [], 0
    for path in sorted(PACK.glob("*.toml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        edits = {}
        for name, head, span, have, new in propose(lines, sets, args.min_letters):
            total += len(new)
            if not args.pack:
                print(f"# [set.{name}] ({path.name}): {len(new)} proposed")
                print("banglish += " + json.dumps(new, ensure_ascii=False))
            merged = "banglish = [" + ", ".join(json.dumps(x, ensure_ascii=False) for x in have + new) + "]"
            edits[span[0] if span else head] = (span[1] if span else head,
                                                [merged] if span else [lines[head], merged])
        out, i = [], 0
        while i < len(lines):
            if i in edits:
                last, repl = edits[i]
                out += repl
                i = last + 1
            else:
                out.append(lines[i])
                i += 1
        files.append("\n".join(out))
    if args.pack:
        args.pack.write_text("\n".join(files), encoding="utf-8")
    print(f"{total} Banglish forms proposed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
