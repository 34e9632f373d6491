//! Fuzzes rule-pack parsing and linting, and checking with whatever pack
//! loads: untrusted packs must never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sotorko::{Context, Engine};

fuzz_target!(|data: &[u8]| {
    let Ok(toml) = std::str::from_utf8(data) else {
        return;
    };
    let _ = sotorko::lint("fuzz.toml", toml);
    let _ = sotorko::lint_custom(toml);
    if let Ok(engine) = Engine::from_source("fuzz.toml", toml) {
        let _ = engine.check(toml, Context::Official);
    }
});
