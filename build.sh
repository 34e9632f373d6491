#!/usr/bin/env bash
# Sotorko build script.
#   ./build.sh            build the installable extension into dist/
#   ./build.sh test       run every test: Rust (and a short fuzz run with nightly), extension units,
#                         real Chromium and Firefox ESR
#   ./build.sh package    build, then sign a CRX3 and write updates.xml (see docs/deploy.md)
#   ./build.sh bench      build, then measure cost side by side: package size, WASM checks in Node
#                         against a naive JS loop, criterion benches, engine memory (BENCHMARKS.md)
# Installs what it needs (apt, npm, rustup target, wasm-bindgen-cli) and skips what is present.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '\n==> %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

APT_UPDATED=0
apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if [ $APT_UPDATED -eq 0 ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  log "apt-get install ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

ensure_build_tools() {
  if ! have cargo; then
    if [ -x "$HOME/.cargo/bin/cargo" ]; then
      export PATH="$HOME/.cargo/bin:$PATH"
    else
      apt_install curl ca-certificates build-essential
      log "installing the Rust toolchain with rustup"
      curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal -c rustfmt,clippy
      export PATH="$HOME/.cargo/bin:$PATH"
    fi
  fi
  have node && have npm || apt_install nodejs npm
  have python3 || apt_install python3
  have openssl || apt_install openssl
  have advzip || apt_install advancecomp

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi

  local want
  want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if [ -z "$want" ]; then echo "build.sh: wasm-bindgen not found in Cargo.lock" >&2; exit 1; fi
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    log "cargo install wasm-bindgen-cli $want (takes a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want"
  fi

  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund
  fi
}

ensure_browsers() {
  apt_install chromium firefox-esr fonts-lohit-beng-bengali
}

build_wasm() {
  # opt-level s, not z: z made checks ~5x slower (regex engines) for ~20 KB less gzipped
  # (BENCHMARKS.md, "Cost side by side").
  # The default pack is loaded, its sets merged and its terms folded once, here, natively; the
  # WASM embeds the result instead of parsing the TOML at each start (crate/src/snapshot.rs).
  log "precomputing the default pack (crate/src/snapshot.rs)"
  mkdir -p build
  cargo run -q -p sotorko --example default_snapshot -- build/default-pack.bin >/dev/null
  log "compiling the core for wasm32 (release, size-optimised, opt-level s)"
  SOTORKO_PACK_SNAPSHOT="$ROOT/build/default-pack.bin" CARGO_PROFILE_RELEASE_OPT_LEVEL=s \
    cargo build -q -p sotorko --lib --release --target wasm32-unknown-unknown --no-default-features
  rm -rf build/wasm
  mkdir -p build/wasm
  wasm-bindgen --target web --out-dir build/wasm --out-name sotorko \
    target/wasm32-unknown-unknown/release/sotorko.wasm
  # wasm-opt runs after wasm-bindgen, so the custom sections are no longer needed except
  # target_features (wasm-opt reads it for the enabled features; keep it).
  node_modules/.bin/wasm-opt -Os --strip-debug --strip-producers \
    build/wasm/sotorko_bg.wasm -o build/wasm/sotorko_bg.opt.wasm
}

generate_contract() {
  # The settings contract (crate/src/settings/) generates the extension's JS tables,
  # managed_schema.json and the template texts; deploy/tools/generate.mjs turns those into
  # the ADMX/ADML templates and policy examples. Both write only files that changed.
  log "settings contract: sotorko contract emit, then deploy/tools/generate.mjs"
  cargo run -q -p sotorko -- contract emit --out .
  node deploy/tools/generate.mjs
}

build_extension() {
  ensure_build_tools
  generate_contract
  build_wasm
  log "assembling dist/extension"
  node scripts/bundle.mjs
  local version
  version=$(node -p 'require("./manifest.json").version')
  rm -f dist/sotorko-*-chromium.zip dist/sotorko-*-firefox.xpi
  # pack-zip.py recompresses with Zopfli (advancecomp's advzip, installed above): about 15 s.
  python3 scripts/pack-zip.py dist/extension "dist/sotorko-$version-chromium.zip"
  cp "dist/sotorko-$version-chromium.zip" "dist/sotorko-$version-firefox.xpi"
  local wasm_size
  wasm_size=$(stat -c %s dist/extension/engine/sotorko_bg.wasm)
  log "built dist/extension, dist/sotorko-$version-chromium.zip, dist/sotorko-$version-firefox.xpi (wasm $wasm_size bytes)"
}

run_tests() {
  ensure_build_tools
  ensure_browsers
  log "rustfmt"
  cargo fmt --all --check
  log "clippy (native and wasm32)"
  cargo clippy -q --workspace --all-targets -- -D warnings
  cargo clippy -q -p sotorko --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings
  log "generated files are current (settings contract, deploy templates)"
  cargo run -q -p sotorko -- contract emit --out . --check
  node deploy/tools/generate.mjs --check
  log "cargo test"
  cargo test -q --workspace
  log "fuzz: a short run of each target (FUZZ_SECONDS per target, default 20; skipped without nightly)"
  bash crate/fuzz/run.sh "${FUZZ_SECONDS:-20}"
  log "political neutrality of the default pack"
  python3 tests/quality/neutrality.py --bin target/debug/sotorko
  if [ -d ../shared/data/train ]; then
    log "stance model: re-training reproduces crate/model/ byte for byte (a few minutes)"
    python3 scripts/model/train.py --check
  else
    log "stance model: ../shared/data not here; skipping the re-training check"
  fi
  build_extension
  log "reproducibility: a second build from the same inputs gives the same bytes"
  local first second
  first=$(cd dist && sha256sum ./*.zip ./*.xpi extension/engine/sotorko_bg.wasm)
  touch crate/src/lib.rs
  build_extension >/dev/null
  second=$(cd dist && sha256sum ./*.zip ./*.xpi extension/engine/sotorko_bg.wasm)
  if [ "$first" != "$second" ]; then
    printf 'build.sh: the second build differs:\n%s\n---\n%s\n' "$first" "$second" >&2
    exit 1
  fi
  log "web-ext lint"
  node_modules/.bin/web-ext lint --source-dir dist/extension --self-hosted --warnings-as-errors=false --output text
  log "eslint: undefined names and unused variables in extension/, scripts/, tests/, deploy/"
  node_modules/.bin/eslint extension scripts tests deploy eslint.config.js
  log "extension unit tests"
  mapfile -t units < <(find extension deploy scripts -name '*.test.mjs' 2>/dev/null | sort)
  if [ ${#units[@]} -gt 0 ]; then node --test "${units[@]}"; fi
  log "end-to-end tests in real Chromium and Firefox ESR"
  mapfile -t e2e < <(find tests/e2e -name '*.test.mjs' | sort)
  node --test --test-concurrency=1 "${e2e[@]}"
}

case "${1:-build}" in
  build) build_extension ;;
  test) run_tests ;;
  package) shift; build_extension; bash scripts/package.sh "$@" ;;
  bench) shift; build_extension; node scripts/bench.mjs "$@" ;;
  *) echo "usage: ./build.sh [build|test|package|bench]" >&2; exit 2 ;;
esac
