#!/usr/bin/env python3
"""List English words that the pack's Banglish terms meet in the skeleton view (for review).

Banglish terms match in a loose Latin skeleton view (`chor`/`cor`, `bh`/`b`, a final `e`
dropped, a short suffix allowed), and English text goes through that view too. So a
Banglish term can meet an ordinary English word: `chor` (thief) + the suffix `s` is
"course" ("The officers completed the training course" was held as belittling), `tor` is
"tour", `bia` is "via", `indur` is "indoor". The engine leaves out Banglish matches on the
words of `ENGLISH_COLLISIONS` (crate/src/engine/morph/english_collisions.rs); this script
proposes that list from data:

1. the English vocabulary of officials' posts: every word (at least --min-count times) of
   the English posts of the project's training posts (`scripts/model/data/synthetic-*.jsonl`,
   the project's own, MIT); a post counts as English when at least a quarter of its Latin
   words are English function words;
2. each word checked alone with a pack made of every `banglish` list of the default pack
   (`sotorko check --jsonl --no-model --rules GENERATED`);
3. a word that a Banglish list spells literally (`police`, `office`, `court`, plural `s`
   included) is a loanword the list means, not a collision, and is left out.

Usage: python3 scripts/lexicon/english_collisions.py [--bin target/release/sotorko]
           [--min-count 2] [--rust]
`--rust` prints the Rust array body (sorted, deduplicated) instead of the review list.
The CLI already leaves out the words on the list, so a run shows only what is not on it yet;
at the end of session 12 that was seven words kept on purpose (islami, name, shaheed, santali,
confidentially, bawm, reporter: the lists mean them).
Standard library only.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "crate" / "rules" / "default"
DATA = ROOT / "scripts" / "model" / "data"

FUNCTION_WORDS = set(
    "the of and to a in is are for on with that this will be by at from as all an our we "
    "it or has have was were not their they you your its which been can may should must "
    "who after before during into under than these those".split()
)

LIST = re.compile(r"\bbanglish(?:_verbs)?\s*=\s*\[(.*?)\]", re.S)
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def banglish_lists() -> list[tuple[str, str, list[str]]]:
    """(file, key, terms) of every `banglish` / `banglish_verbs` array of the default pack."""
    out = []
    for path in sorted(PACK.glob("*.toml")):
        text = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        for m in LIST.finditer(text):
            key = "banglish_verbs" if m.group(0).startswith("banglish_verbs") else "banglish"
            terms = [json.loads(f'"{s}"') for s in STRING.findall(m.group(1))]
            if terms:
                out.append((path.name, key, terms))
    return out


def english_vocabulary(min_count: int) -> Counter:
    """Words of the English training posts, with their counts."""
    words: Counter = Counter()
    for path in sorted(DATA.glob("synthetic-*.jsonl")):
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            latin = re.findall(r"[A-Za-z]+", json.loads(line)["text"])
            low = [w.lower() for w in latin]
            if len(low) >= 4 and sum(w in FUNCTION_WORDS for w in low) * 4 >= len(low):
                words.update(w for w in low if len(w) >= 2)
    return Counter({w: n for w, n in words.items() if n >= min_count})


def generated_pack(lists) -> str:
    """One rule per Banglish list: matching any term of it is a finding."""
    parts = ['[pack]\nname = "english-collisions"\n']
    for i, (_, key, terms) in enumerate(lists):
        parts.append(
            f'[[rule]]\nid = "local.list-{i}"\ncategory = "belittling"\nclause = "-"\n'
            'severity = { official = "warn", personal = "warn" }\n'
            'message.en = "-"\nmessage.bn = "-"\n'
            f"terms = {{ {key} = {json.dumps(terms, ensure_ascii=False)} }}\n"
            f"[rule.examples]\nflag = [{json.dumps(terms[0], ensure_ascii=False)}]\n"
        )
    return "\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "sotorko"))
    ap.add_argument("--min-count", type=int, default=2)
    ap.add_argument("--rust", action="store_true")
    a = ap.parse_args()
    lists = banglish_lists()
    literal = {t.lower() for _, _, terms in lists for t in terms}
    vocab = english_vocabulary(a.min_count)
    with tempfile.NamedTemporaryFile("w", suffix=".toml", encoding="utf-8") as pack:
        pack.write(generated_pack(lists))
        pack.flush()
        lines = "".join(json.dumps({"id": w, "text": w}) + "\n" for w in sorted(vocab))
        run = subprocess.run(
            [a.bin, "check", "--jsonl", "--no-model", "--rules", pack.name, "-"],
            input=lines, capture_output=True, text=True, check=False,
        )
    if run.returncode:
        sys.exit(f"sotorko check failed:\n{run.stderr}")
    found = []
    for line in run.stdout.splitlines():
        d = json.loads(line)
        w = d["id"]
        if not d["findings"] or w in literal or (w.endswith("s") and w[:-1] in literal):
            continue
        origin = sorted({f"{lists[int(f['rule'].rsplit('-', 1)[1])][0]}" for f in d["findings"]})
        found.append((w, vocab[w], origin))
    if a.rust:
        print("\n".join(f'    "{w}",' for w, _, _ in sorted(found)))
        return
    for w, n, origin in sorted(found, key=lambda x: -x[1]):
        print(f"{n:6}  {w:20} {', '.join(origin)}")
    print(f"{len(found)} English words of {len(vocab)} met by a Banglish term", file=sys.stderr)


if __name__ == "__main__":
    main()
