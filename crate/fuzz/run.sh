#!/usr/bin/env bash
# Short fuzz run of every target (part of `./build.sh test`):
#   crate/fuzz/run.sh [SECONDS_PER_TARGET]      (default 60; or FUZZ_SECONDS)
# Needs a nightly toolchain (`rustup toolchain install nightly`); without one
# it prints a visible SKIPPED note and succeeds. cargo-fuzz is not needed:
# the targets are built with the same coverage flags cargo-fuzz passes
# (no sanitizer, like `cargo fuzz run -s none`).
set -euo pipefail
cd "$(dirname "$0")"
FUZZ=$(pwd)
ROOT=$(cd ../.. && pwd)
seconds=${1:-${FUZZ_SECONDS:-60}}

if ! cargo +nightly --version >/dev/null 2>&1; then
  printf '\n*** fuzz: SKIPPED — no nightly Rust toolchain (rustup toolchain install nightly) ***\n\n'
  exit 0
fi

host=$(rustc +nightly -vV | sed -n 's/^host: //p')
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
-Cdebug-assertions -Coverflow-checks"
# Coverage flags must not reach build scripts and proc macros: --target does that.
cargo +nightly build -q --release --manifest-path "$FUZZ/Cargo.toml" \
  --target "$host" --target-dir "$FUZZ/target" --bins
bin="$FUZZ/target/$host/release"

# Seed corpora (not in git): the default pack's files, and small custom packs with a text.
mkdir -p corpus/check corpus/parse_rules corpus/custom_pack
cp "$ROOT"/crate/rules/default/*.toml corpus/parse_rules/
cp "$ROOT"/crate/rules/default/*.toml corpus/custom_pack/
printf '%s' 'নৌকা মার্কায় ভোট দিন। Vote for the boat! sobai rajpothe namun.' > corpus/check/seed1
printf '%s\0%s' '[[rule]]
id = "local.falcon"
category = "secrecy"
clause = "2016"
severity = { official = "block", personal = "warn" }
message.en = "e"
message.bn = "b"
terms = { en = ["falcon"], bn = ["প্রকল্প"], banglish = ["prokolpo"], bn_verbs = ["মার"] }
regex = ['"'"'\bcode\s*[0-9]{4}'"'"']
[[rule.near]]
a = { en = ["project"] }
b = { regex = ['"'"'[0-9]{3,}'"'"'] }
within = 3
[rule.examples]
flag = ["Project Falcon"]' 'The falcon project 1234 code 9999 প্রকল্পের মারবে' > corpus/custom_pack/seed1

for target in check parse_rules custom_pack; do
  mkdir -p "artifacts/$target"
  printf '\n==> fuzz %s for %ss\n' "$target" "$seconds"
  "$bin/$target" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$target/" -print_final_stats=1 "corpus/$target" 2>&1 \
    | grep -E '^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::peak_rss_mb)|ERROR|panicked|SUMMARY|^==' || true
  if compgen -G "artifacts/$target/*" >/dev/null; then
    echo "fuzz: $target found a failure; see crate/fuzz/artifacts/$target/" >&2
    exit 1
  fi
done
