//! Fuzzes custom packs compiled into an engine and run on text, as the
//! `customRules` option does: the input is a TOML pack, a NUL byte, and a
//! text. Loading must never panic; a pack that loads must stay within the
//! budgets for untrusted packs, build an engine, and check the text (and the
//! pack's own examples) with every finding pointing at the original text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sotorko::rules::Terms;
use sotorko::{Context, Engine, RulePack};
use std::sync::OnceLock;

fn base() -> &'static RulePack {
    static BASE: OnceLock<RulePack> = OnceLock::new();
    BASE.get_or_init(|| match RulePack::default_pack() {
        Ok(p) => p,
        Err(e) => panic!("the default pack must load: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let (pack, text) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &b""[..]),
    };
    let (Ok(pack), Ok(text)) = (std::str::from_utf8(pack), std::str::from_utf8(text)) else {
        return;
    };
    let Ok(custom) = RulePack::custom(pack, base()) else {
        return;
    };
    let regexes: usize = custom
        .rules
        .iter()
        .map(|r| {
            r.regex.len()
                + r.near
                    .iter()
                    .map(|n| n.a_regex.len() + n.b_regex.len())
                    .sum::<usize>()
        })
        .sum();
    assert!(regexes <= sotorko::rules::MAX_REGEXES_PER_PACK);
    let engine = match Engine::from_pack(custom, &Terms::default()) {
        Ok(e) => e,
        Err(e) => panic!("a pack that loads must build: {e}"),
    };
    let _ = engine.example_failures();
    for context in [Context::Official, Context::Personal] {
        for f in &engine.check(text, context).findings {
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()));
            assert_eq!(f.start_utf16, text[..f.start].encode_utf16().count());
            assert_eq!(f.end_utf16, text[..f.end].encode_utf16().count());
        }
    }
});
