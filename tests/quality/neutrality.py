#!/usr/bin/env python3
"""Political-neutrality check for the default rule pack (design §1).

For every party name, wing, leader, electoral symbol and ideology in the shared sets
of crate/rules/default/00-sets.toml, builds the same praise, attack and
campaign sentences and checks that the CLI flags each one `political` at
warn (official context). Any entry that is not flagged exactly like the
others is printed, and the exit code is 1. Python 3.11+ standard library.

Usage: python3 tests/quality/neutrality.py [--bin target/release/sotorko]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SETS = REPO / "crate" / "rules" / "default" / "00-sets.toml"

TEMPLATES = {
    # set name -> script -> sentence templates ({} is the entry)
    "party_names": {
        "bn": ["{} জিন্দাবাদ", "{}-কে ভোট দিন", "{} নিপাত যাক"],
        "en": ["{} zindabad", "Vote for {}", "Down with {}, they are looters"],
        "banglish": ["{} zindabad", "{} ke vote din"],
    },
    "party_wings": {
        "bn": ["{} জিন্দাবাদ", "{} নিপাত যাক"],
        "en": ["{} zindabad"],
        "banglish": ["{} zindabad"],
    },
    "party_leaders": {
        "bn": ["{} দীর্ঘজীবী হোক", "{} জিন্দাবাদ"],
        "en": ["Long live {}", "{} zindabad"],
        "banglish": ["{} zindabad"],
    },
    "ideologies": {
        "bn": ["{} ছাড়া মুক্তি নাই", "{} একটি ব্যর্থ মতবাদ, এর কোনো ভবিষ্যৎ নেই"],
        "en": ["{} is the only way for this country"],
        "banglish": ["{} chara mukti nai"],
    },
    "party_symbols": {
        "bn": ["{} মার্কায় ভোট দিন", "{}-এর আমলে কোনো উন্নয়ন হয়নি"],
        "en": ["Vote for the {}", "The {} government did nothing for us"],
        "banglish": ["{} markay vote din"],
    },
}
PASS_TEMPLATES = {
    # neutral administration must not be held, whichever party
    "party_names": {"bn": ["{} এর প্রতিনিধিরা নির্বাচন কমিশনের সংলাপে অংশ নেন।"], "en": ["Representatives of {} attended the Election Commission dialogue."]},
    "party_leaders": {"bn": ["অনুষ্ঠানে {} উপস্থিত ছিলেন।"], "en": ["{} attended the ceremony."]},
    "party_symbols": {"bn": ["রিটার্নিং কর্মকর্তা আজ প্রার্থীদের মধ্যে প্রতীক বরাদ্দ করেছেন: {} ও অন্যান্য।"]},
    "ideologies": {"bn": ["রাষ্ট্রবিজ্ঞান বিভাগে {} বিষয়ক সেমিনার অনুষ্ঠিত হয়েছে।"], "en": ["The textbook chapter explains {} and its history."]},
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", type=Path, default=REPO / "target" / "release" / "sotorko")
    args = ap.parse_args()
    sets = tomllib.loads(SETS.read_text(encoding="utf-8"))["set"]
    cases = []  # (expect_flag, set, script, entry, text)
    for table, expect in ((TEMPLATES, True), (PASS_TEMPLATES, False)):
        for name, by_script in table.items():
            for script, templates in by_script.items():
                for entry in sets[name].get(script, []):
                    for t in templates:
                        cases.append((expect, name, script, entry, t.format(entry)))
    lines = [
        json.dumps({"id": i, "text": c[4], "context": "official"}, ensure_ascii=False)
        for i, c in enumerate(cases)
    ]
    proc = subprocess.run(
        [str(args.bin), "check", "--jsonl", "-"],
        input="\n".join(lines) + "\n", capture_output=True, text=True, encoding="utf-8",
    )
    if proc.returncode != 0:
        print(proc.stderr, file=sys.stderr)
        return 2
    bad = []
    for line in proc.stdout.splitlines():
        obj = json.loads(line)
        expect, name, script, entry, text = cases[int(obj["id"])]
        held = any(f["category"] == "political" and f["severity"] in ("warn", "block") for f in obj["findings"])
        if held != expect:
            bad.append(f"{'not flagged' if expect else 'flagged'}: [{name}/{script}] {entry!r}: {text}")
    print(f"{len(cases)} sentences, {len(bad)} inconsistent")
    for b in bad:
        print("  " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
