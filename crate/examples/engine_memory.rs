//! Measures the heap memory held by a built default engine, with a counting
//! global allocator: live bytes after building minus live bytes before.
//!
//! `cargo run --release -p sotorko --example engine_memory [EXTRA.toml]`
//!
//! With a file argument, that pack's rules are added to the default pack
//! (as the `customRules` policy does), e.g. `crate/tests/packs/morph-verbs.toml`
//! to measure the cost of generated verb forms.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let before = LIVE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let extra = std::env::args()
        .nth(1)
        .map(|p| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}")));
    let built = sotorko::RulePack::default_pack()
        .map_err(sotorko::EngineError::from)
        .and_then(|mut pack| {
            if let Some(text) = &extra {
                let custom = sotorko::RulePack::custom(text, &pack)?;
                pack.rules.extend(custom.rules);
            }
            sotorko::Engine::from_pack(pack, &sotorko::rules::Terms::default())
        });
    let engine = match built {
        Ok(e) => e,
        Err(e) => {
            eprintln!("the pack does not load: {e}");
            std::process::exit(2);
        }
    };
    let held = LIVE.load(Ordering::Relaxed) - before;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    // Regexes compile on first use; this is the most the engine can hold.
    engine.warm_up();
    let warm = LIVE.load(Ordering::Relaxed) - before;
    let text = "নৌকা মার্কায় ভোট দিন। Vote for the boat! ".repeat(1_500);
    let before_check = LIVE.load(Ordering::Relaxed);
    PEAK.store(before_check, Ordering::Relaxed);
    let findings = engine
        .check(&text, sotorko::Context::Official)
        .findings
        .len();
    let check_peak = PEAK.load(Ordering::Relaxed) - before_check;
    let rules = engine.pack_rules();
    println!(
        "rules: {}, terms: {}, regexes: {}",
        rules.len(),
        rules.iter().map(|r| r.term_count()).sum::<usize>(),
        rules.iter().map(|r| r.regex.len()).sum::<usize>()
    );
    for (view, patterns, bytes) in engine.matcher_sizes() {
        println!(
            "{view} matcher: {patterns} patterns, {bytes} bytes ({:.2} MB)",
            bytes as f64 / 1e6
        );
    }
    println!(
        "memory held by the built engine: {held} bytes ({:.2} MB)",
        held as f64 / 1e6
    );
    println!(
        "memory held after compiling every regex (warm_up): {warm} bytes ({:.2} MB)",
        warm as f64 / 1e6
    );
    println!(
        "peak while building: {peak} bytes ({:.2} MB)",
        peak as f64 / 1e6
    );
    println!(
        "peak extra while checking a {}-char text ({findings} findings): {check_peak} bytes ({:.2} MB)",
        text.chars().count(),
        check_peak as f64 / 1e6
    );
}
