//! Loops `check` on a post for profiling (`perf record`): `cargo run --release --example profile_check -- 300|2000|63206 [EXTRA.toml]`.
//!
//! With a pack file as second argument, its rules are added to the default
//! pack (as the `customRules` policy does), e.g. `crate/tests/packs/morph-verbs.toml`.
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(300);
    let sentences = [
        "জেলা প্রশাসকের কার্যালয়ে আজ বৃক্ষরোপণ কর্মসূচি অনুষ্ঠিত হয়েছে। ",
        "বন্যাদুর্গত মানুষের মাঝে ত্রাণ বিতরণ করা হয়েছে, সবাইকে ধন্যবাদ। ",
        "আগামীকাল সকাল দশটায় উপজেলা পরিষদ মিলনায়তনে মাসিক সমন্বয় সভা হবে। ",
        "নৌকা মার্কায় ভোট দিন, উন্নয়নের ধারা অব্যাহত রাখুন। ",
        "Vote for the boat on election day! sobai rajpothe namun. ",
    ];
    let text: String = sentences
        .iter()
        .cycle()
        .flat_map(|s| s.chars())
        .take(n)
        .collect();
    let extra = std::env::args()
        .nth(2)
        .map(|p| std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{p}: {e}")));
    let build = || {
        sotorko::RulePack::default_pack()
            .map_err(sotorko::EngineError::from)
            .and_then(|mut pack| {
                if let Some(text) = &extra {
                    let custom = sotorko::RulePack::custom(text, &pack)?;
                    pack.rules.extend(custom.rules);
                }
                sotorko::Engine::from_pack(pack, &sotorko::rules::Terms::default())
            })
    };
    let t = std::time::Instant::now();
    let builds = 20;
    for _ in 1..builds {
        std::hint::black_box(build().ok());
    }
    let engine = match build() {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    println!("build: {:?}", t.elapsed() / builds);
    engine.warm_up();
    let iters = (3_000_000 / n).max(20);
    let start = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..iters {
        total += engine
            .check(&text, sotorko::Context::Official)
            .findings
            .len();
    }
    let per = start.elapsed() / iters as u32;
    let t = std::time::Instant::now();
    for _ in 0..iters {
        std::hint::black_box(sotorko::normalize::normalize(&text));
    }
    println!(
        "{n} chars: check {per:?} (normalize {:?}), {total} findings",
        t.elapsed() / iters as u32
    );
}
