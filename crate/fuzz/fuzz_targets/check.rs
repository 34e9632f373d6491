//! Fuzzes `Engine::check` with the default pack: it must never panic, and
//! every finding must point at the original text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sotorko::{Context, Engine};
use std::sync::OnceLock;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| match Engine::default_pack() {
        Ok(e) => e,
        Err(e) => panic!("the default pack must load: {e}"),
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for context in [Context::Official, Context::Personal] {
        let report = engine().check(text, context);
        for f in &report.findings {
            assert_eq!(text.get(f.start..f.end), Some(f.excerpt.as_str()));
            assert_eq!(f.start_utf16, text[..f.start].encode_utf16().count());
            assert_eq!(f.end_utf16, text[..f.end].encode_utf16().count());
        }
    }
});
