//! Criterion benchmarks of the engine with the default pack: building it,
//! and checking a 300-character Bangla post, a 2,000-character mixed post
//! and a 63,206-character post (Facebook's maximum).
//!
//! `cargo bench -p sotorko --no-default-features --bench engine -- --warm-up-time 1 --measurement-time 3`
//! (`--no-default-features` skips building the CLI binary, whose `panic = "abort"`
//! release build would clash with the unwinding bench build of the library.)

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sotorko::{Context, Engine};
use std::hint::black_box;

/// Realistic sentences: official notices, greetings, and a few violations.
const BANGLA: &[&str] = &[
    "জেলা প্রশাসকের কার্যালয়ে আজ বৃক্ষরোপণ কর্মসূচি অনুষ্ঠিত হয়েছে। ",
    "বন্যাদুর্গত মানুষের মাঝে ত্রাণ বিতরণ করা হয়েছে, সবাইকে ধন্যবাদ। ",
    "আগামীকাল সকাল দশটায় উপজেলা পরিষদ মিলনায়তনে মাসিক সমন্বয় সভা হবে। ",
    "নৌকা মার্কায় ভোট দিন, উন্নয়নের ধারা অব্যাহত রাখুন। ",
    "ডেঙ্গু প্রতিরোধে বাড়ির আশপাশ পরিষ্কার রাখুন এবং জমে থাকা পানি ফেলে দিন। ",
    "চাকমা ভাষায় পাঠ্যবই বিতরণ উৎসব অনুষ্ঠিত হয়েছে। ",
    "আগামীকালের হরতাল সফল করুন। ",
    "কৃষকদের মাঝে বিনামূল্যে বীজ ও সার বিতরণ করা হয়েছে। ",
];

const MIXED: &[&str] = &[
    "Today the Deputy Commissioner inaugurated the tree plantation week. ",
    "জেলা প্রশাসকের কার্যালয়ে আজ বৃক্ষরোপণ কর্মসূচি অনুষ্ঠিত হয়েছে। ",
    "Vote for the boat on election day! ",
    "sobai rajpothe namun, hortal sofol korun. ",
    "Please do not share your password or OTP with anyone. ",
    "নারী দিবসে নারী কর্মকর্তাদের সম্মাননা দেওয়া হয়েছে। ",
    "This office is run by useless idiots. ",
    "ধানের শীষে এবার সোনালি রং, কৃষকের মুখে হাসি। ",
    "TOP SECRET: movement plan attached. ",
];

/// Cycles through the sentences until the text has exactly `chars` characters.
fn text_of(sentences: &[&str], chars: usize) -> String {
    let mut out = String::new();
    let mut n = 0;
    'outer: loop {
        for s in sentences {
            for c in s.chars() {
                if n == chars {
                    break 'outer;
                }
                out.push(c);
                n += 1;
            }
        }
    }
    out
}

fn benches(c: &mut Criterion) {
    c.bench_function("build default engine", |b| {
        b.iter(|| black_box(Engine::default_pack().map(|e| e.rules().len()).ok()))
    });

    // Regexes compile on first use; this is the cost when every one of them is needed.
    c.bench_function("build default engine + compile every regex", |b| {
        b.iter(|| {
            black_box(Engine::default_pack().map(|e| {
                e.warm_up();
                e.rules().len()
            }))
            .ok()
        })
    });

    let engine = match Engine::default_pack() {
        Ok(e) => e,
        Err(e) => panic!("the default pack must load: {e}"),
    };
    engine.warm_up();
    let cases = [
        ("check 300-char Bangla post", text_of(BANGLA, 300)),
        ("check 2,000-char mixed post", text_of(MIXED, 2_000)),
        ("check 63,206-char post", text_of(MIXED, 63_206)),
    ];
    let mut group = c.benchmark_group("check");
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                black_box(
                    engine
                        .check(black_box(text), Context::Official)
                        .findings
                        .len(),
                )
            })
        });
    }
    group.finish();

    // The same checks without the stance model: the difference is its cost.
    let mut off = match Engine::default_pack() {
        Ok(e) => e,
        Err(e) => panic!("the default pack must load: {e}"),
    };
    off.set_stance_model(None);
    off.warm_up();
    let mut group = c.benchmark_group("check, model off");
    for (name, text) in &cases {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| black_box(off.check(black_box(text), Context::Official).findings.len()))
        });
    }
    group.finish();
}

criterion_group!(engine_benches, benches);
criterion_main!(engine_benches);
