//! The default pack precomputed at build time (BENCHMARKS.md, "Policy at the
//! limits").
//!
//! Loading the embedded default pack means parsing 280 KB of TOML, merging its
//! sets into the rules, folding every term into the matching views and
//! generating every verb form; in the WASM build, right after a service-worker
//! start, that took most of the first check's time. `./build.sh` does it once
//! instead, natively (`cargo run -p sotorko --example default_snapshot -- FILE`),
//! and builds the WASM with the result (`SOTORKO_PACK_SNAPSHOT=FILE`, embedded by
//! `build.rs`): the loaded pack (without the rules' example sentences, which
//! only the test suite runs), the three views' collected terms after the
//! default rules, and the prefilter literals of the default regexes.
//!
//! Without a snapshot (native builds, `cargo test`) the embedded bytes are
//! empty and everything is computed from the TOML as before. The engine built
//! either way is the same (`tests` below: the decoded state equals the
//! computed one, and the findings on the corpus are identical).

use crate::engine::scan::{Builder, Script};
use crate::model::{Category, Message, Severity};
use crate::rules::{ContextSeverity, Examples, Near, Origin, Rule, RulePack, Terms, WordTerm};
use crate::stance::Stance;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// The snapshot `build.rs` embedded when the build set `SOTORKO_PACK_SNAPSHOT`.
#[cfg(sotorko_snapshot)]
static EMBEDDED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/default-pack.bin"));
#[cfg(not(sotorko_snapshot))]
static EMBEDDED: &[u8] = &[];

const MAGIC: &[u8; 4] = b"STKS";
const VERSION: u8 = 2;

/// The default pack with its precomputed engine state.
pub(crate) struct DefaultState {
    /// The loaded default pack.
    pub pack: RulePack,
    /// The three views' builders (Bangla, Latin, Skeleton) after the terms of
    /// every rule of `pack` were added.
    pub builders: [Builder; 3],
    /// The prefilter literals of each regex of `pack`'s rules, in the order
    /// the engine collects them.
    pub literals: Vec<Option<Vec<Vec<u8>>>>,
}

/// The embedded snapshot, decoded; `None` when the build embedded none (or it
/// could not be read, which `build.sh`'s tests rule out).
pub(crate) fn embedded() -> Option<DefaultState> {
    if EMBEDDED.is_empty() {
        return None;
    }
    decode(EMBEDDED)
}

/// The embedded pack alone, when a snapshot is embedded.
#[cfg_attr(not(sotorko_snapshot), allow(dead_code))]
pub(crate) fn embedded_pack() -> Option<RulePack> {
    if EMBEDDED.is_empty() {
        return None;
    }
    let mut r = Reader::new(EMBEDDED);
    r.header()?;
    read_pack(&mut r)
}

/// The error when the embedded snapshot cannot be read (never, for one
/// `./build.sh` wrote; the end-to-end tests check the WASM flags).
#[cfg_attr(not(sotorko_snapshot), allow(dead_code))]
pub(crate) fn unreadable() -> crate::PackError {
    crate::PackError {
        problems: vec![crate::Problem {
            file: Some("default-pack.bin".to_owned()),
            line: None,
            rule: None,
            message: "the precomputed default pack could not be read".to_owned(),
        }],
    }
}

/// The snapshot of the embedded default pack, computed from its TOML (what
/// `build.rs` embeds). Deterministic: the same sources give the same bytes.
pub fn generate() -> Result<Vec<u8>, crate::PackError> {
    let pack = RulePack::default_pack_from_sources()?;
    let state = crate::engine::default_state(pack);
    Ok(encode(&state))
}

pub(crate) fn encode(state: &DefaultState) -> Vec<u8> {
    // Strings are numbered in sorted order, so that the table compresses
    // well (neighbours share prefixes): a first pass collects them.
    let mut first = Writer::default();
    encode_with(&mut first, state);
    let mut strings = first.strings;
    strings.sort_unstable();
    let mut w = Writer {
        string_index: strings.iter().cloned().zip(0..).collect(),
        strings,
        ..Writer::default()
    };
    encode_with(&mut w, state);
    w.finish()
}

fn encode_with(w: &mut Writer, state: &DefaultState) {
    let w = &mut *w;
    write_pack(w, &state.pack);
    for b in &state.builders {
        b.encode(w);
    }
    w.len(state.literals.len());
    for lits in &state.literals {
        match lits {
            None => w.u8(0),
            Some(set) => {
                w.u8(1);
                w.len(set.len());
                for l in set {
                    w.bytes(l);
                }
            }
        }
    }
}

pub(crate) fn decode(bytes: &[u8]) -> Option<DefaultState> {
    let mut r = Reader::new(bytes);
    r.header()?;
    let pack = read_pack(&mut r)?;
    let builders = [
        Builder::decode(Script::Bangla, &mut r)?,
        Builder::decode(Script::Latin, &mut r)?,
        Builder::decode(Script::Skeleton, &mut r)?,
    ];
    let n = r.len()?;
    let mut literals = Vec::with_capacity(n);
    for _ in 0..n {
        literals.push(match r.u8()? {
            0 => None,
            _ => {
                let k = r.len()?;
                let mut set = Vec::with_capacity(k);
                for _ in 0..k {
                    set.push(r.bytes()?.to_vec());
                }
                Some(set)
            }
        });
    }
    r.at_end().then_some(DefaultState {
        pack,
        builders,
        literals,
    })
}

/// Appends the compact encoding: LEB128 numbers, length-prefixed bytes, and
/// strings as numbers into one table of distinct strings (the rules repeat
/// the terms of the sets they use), written before the body.
#[derive(Default)]
pub(crate) struct Writer {
    out: Vec<u8>,
    /// `bn_words` suffix lists already written, by content.
    suffixes: HashMap<Vec<String>, usize>,
    /// The distinct strings in order of first use, and their numbers.
    strings: Vec<String>,
    string_index: HashMap<String, usize>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.out.push(v);
    }

    pub(crate) fn u64(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.out.push(byte);
                return;
            }
            self.out.push(byte | 0x80);
        }
    }

    pub(crate) fn u32(&mut self, v: u32) {
        self.u64(u64::from(v));
    }

    pub(crate) fn len(&mut self, v: usize) {
        self.u64(v as u64);
    }

    pub(crate) fn bytes(&mut self, b: &[u8]) {
        self.len(b.len());
        self.out.extend_from_slice(b);
    }

    pub(crate) fn str(&mut self, s: &str) {
        let next = self.strings.len();
        let i = match self.string_index.get(s) {
            Some(&i) => i,
            None => {
                self.strings.push(s.to_owned());
                self.string_index.insert(s.to_owned(), next);
                next
            }
        };
        self.len(i);
    }

    /// The whole encoding: magic, version, the string table, the body.
    fn finish(self) -> Vec<u8> {
        let mut head = Writer::default();
        head.out.extend_from_slice(MAGIC);
        head.out.push(VERSION);
        head.len(self.strings.len());
        for s in &self.strings {
            head.bytes(&pack_str(s));
        }
        head.out.extend_from_slice(&self.out);
        head.out
    }

    pub(crate) fn strs(&mut self, list: &[String]) {
        self.len(list.len());
        for s in list {
            self.str(s);
        }
    }

    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.u8(0),
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
        }
    }
}

/// Reads what [`Writer`] wrote; every read is checked (`None`: malformed).
pub(crate) struct Reader<'a> {
    data: &'a [u8],
    at: usize,
    /// The string table.
    strings: Vec<String>,
    /// `bn_words` suffix lists read so far (shared by the words of a list).
    suffixes: Vec<Arc<[String]>>,
}

impl<'a> Reader<'a> {
    fn new(data: &'a [u8]) -> Reader<'a> {
        Reader {
            data,
            at: 0,
            strings: Vec::new(),
            suffixes: Vec::new(),
        }
    }

    /// Reads the magic, the version and the string table.
    fn header(&mut self) -> Option<()> {
        if self.take(4)? != MAGIC || self.u8()? != VERSION {
            return None;
        }
        let n = self.len()?;
        let mut strings = Vec::with_capacity(n);
        for _ in 0..n {
            let b = self.bytes()?;
            strings.push(unpack_str(b)?);
        }
        self.strings = strings;
        Some(())
    }

    fn at_end(&self) -> bool {
        self.at == self.data.len()
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let s = self.data.get(self.at..end)?;
        self.at = end;
        Some(s)
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        let b = *self.data.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    pub(crate) fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.u64()?).ok()
    }

    pub(crate) fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        // A length can never exceed the bytes left (each item takes at least one).
        (n <= self.data.len() - self.at).then_some(n)
    }

    pub(crate) fn bytes(&mut self) -> Option<&'a [u8]> {
        let n = self.len()?;
        self.take(n)
    }

    pub(crate) fn str(&mut self) -> Option<&str> {
        let i = usize::try_from(self.u64()?).ok()?;
        self.strings.get(i).map(String::as_str)
    }

    pub(crate) fn string(&mut self) -> Option<String> {
        self.str().map(str::to_owned)
    }

    pub(crate) fn strings(&mut self) -> Option<Vec<String>> {
        let n = self.len()?;
        let mut v = Vec::with_capacity(n);
        for _ in 0..n {
            v.push(self.string()?);
        }
        Some(v)
    }

    fn opt_string(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            _ => Some(Some(self.string()?)),
        }
    }
}

/// A string of the table in one byte per Bangla letter: ASCII as itself
/// (but 0x01), a character of the Bengali block U+0980–U+09FF as 0x80 plus
/// its offset, any other character as 0x01 and its UTF-8 bytes. About half
/// the bytes of UTF-8 for Bangla, and a fifth less once gzipped.
fn pack_str(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        match u32::from(c) {
            b @ 0..=0x7f if b != 1 => out.push(b as u8),
            b @ 0x0980..=0x09ff => out.push(0x80 + (b - 0x0980) as u8),
            _ => {
                out.push(1);
                out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
    }
    out
}

/// Reads what [`pack_str`] wrote; `None` when it is malformed.
fn unpack_str(b: &[u8]) -> Option<String> {
    let mut out = String::with_capacity(b.len() * 2);
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        i += 1;
        match x {
            1 => {
                let len = match b.get(i)? {
                    0..=0x7f => 1,
                    0xc0..=0xdf => 2,
                    0xe0..=0xef => 3,
                    _ => 4,
                };
                out.push_str(std::str::from_utf8(b.get(i..i + len)?).ok()?);
                i += len;
            }
            0..=0x7f => out.push(char::from(x)),
            _ => out.push(char::from_u32(0x0980 + u32::from(x - 0x80))?),
        }
    }
    Some(out)
}

fn write_pack(w: &mut Writer, pack: &RulePack) {
    w.opt_str(pack.name.as_deref());
    w.opt_str(pack.version.as_deref());
    w.opt_str(pack.description.as_deref());
    w.len(pack.rules.len());
    for rule in &pack.rules {
        write_rule(w, rule);
    }
    w.len(pack.sets.len());
    for (name, terms) in &pack.sets {
        w.str(name);
        write_terms(w, terms);
    }
}

fn read_pack(r: &mut Reader<'_>) -> Option<RulePack> {
    let name = r.opt_string()?;
    let version = r.opt_string()?;
    let description = r.opt_string()?;
    let n = r.len()?;
    let mut rules = Vec::with_capacity(n);
    for _ in 0..n {
        rules.push(read_rule(r)?);
    }
    let n = r.len()?;
    let mut sets = BTreeMap::new();
    for _ in 0..n {
        let name = r.string()?;
        sets.insert(name, read_terms(r)?);
    }
    Some(RulePack {
        name,
        version,
        description,
        rules,
        sets,
    })
}

fn write_severity(w: &mut Writer, s: Option<Severity>) {
    w.u8(match s {
        None => 0,
        Some(Severity::Advise) => 1,
        Some(Severity::Warn) => 2,
        Some(Severity::Block) => 3,
    });
}

fn read_severity(r: &mut Reader<'_>) -> Option<Option<Severity>> {
    Some(match r.u8()? {
        0 => None,
        1 => Some(Severity::Advise),
        2 => Some(Severity::Warn),
        3 => Some(Severity::Block),
        _ => return None,
    })
}

fn write_stances(w: &mut Writer, list: &[Stance]) {
    w.len(list.len());
    for s in list {
        w.u8(s.index() as u8);
    }
}

fn read_stances(r: &mut Reader<'_>) -> Option<Vec<Stance>> {
    let n = r.len()?;
    let mut v = Vec::with_capacity(n);
    for _ in 0..n {
        v.push(*Stance::ALL.get(usize::from(r.u8()?))?);
    }
    Some(v)
}

fn write_rule(w: &mut Writer, rule: &Rule) {
    w.str(&rule.id);
    w.str(rule.category.id());
    w.str(&rule.clause);
    write_severity(w, rule.severity.official);
    write_severity(w, rule.severity.personal);
    w.str(&rule.message.en);
    w.str(&rule.message.bn);
    write_terms(w, &rule.terms);
    w.strs(&rule.regex);
    write_stances(w, &rule.model);
    w.len(rule.near.len());
    for near in &rule.near {
        write_terms(w, &near.a);
        w.strs(&near.a_regex);
        write_terms(w, &near.b);
        w.strs(&near.b_regex);
        write_stances(w, &near.a_model);
        write_stances(w, &near.b_model);
        w.u32(near.within);
        w.u8(u8::from(near.same_clause));
        w.u8(u8::from(near.anaphora));
        w.u8(near.target_share);
    }
    write_terms(w, &rule.except);
    w.u32(rule.except_within);
    // The rules' example sentences are left out: only the test suite runs
    // the default pack's (a custom pack's examples come with its TOML).
    w.str(&rule.origin.file);
    w.len(rule.origin.line);
}

fn read_rule(r: &mut Reader<'_>) -> Option<Rule> {
    let id = r.string()?;
    let category: Category = r.str()?.parse().ok()?;
    let clause = r.string()?;
    let severity = ContextSeverity {
        official: read_severity(r)?,
        personal: read_severity(r)?,
    };
    let message = Message {
        en: r.string()?,
        bn: r.string()?,
    };
    let terms = read_terms(r)?;
    let regex = r.strings()?;
    let model = read_stances(r)?;
    let n = r.len()?;
    let mut near = Vec::with_capacity(n);
    for _ in 0..n {
        near.push(Near {
            a: read_terms(r)?,
            a_regex: r.strings()?,
            b: read_terms(r)?,
            b_regex: r.strings()?,
            a_model: read_stances(r)?,
            b_model: read_stances(r)?,
            within: r.u32()?,
            same_clause: r.u8()? != 0,
            anaphora: r.u8()? != 0,
            target_share: r.u8()?,
        });
    }
    let except = read_terms(r)?;
    let except_within = r.u32()?;
    let origin = Origin {
        file: r.string()?,
        line: r.len()?,
    };
    Some(Rule {
        id,
        category,
        clause,
        severity,
        message,
        terms,
        regex,
        model,
        near,
        except,
        except_within,
        examples: Examples::default(),
        origin,
    })
}

fn write_terms(w: &mut Writer, t: &Terms) {
    w.strs(&t.bn);
    w.len(t.bn_words.len());
    for word in &t.bn_words {
        w.str(&word.word);
        let list: Vec<String> = word.suffixes.to_vec();
        let next = w.suffixes.len();
        match w.suffixes.get(&list) {
            Some(&i) => w.len(i + 1),
            None => {
                w.suffixes.insert(list.clone(), next);
                w.len(0);
                w.strs(&list);
            }
        }
    }
    w.strs(&t.en);
    w.strs(&t.banglish);
    w.strs(&t.en_verbs);
    w.strs(&t.bn_verbs);
    w.strs(&t.banglish_verbs);
    w.strs(&t.regex);
}

fn read_terms(r: &mut Reader<'_>) -> Option<Terms> {
    let bn = r.strings()?;
    let n = r.len()?;
    let mut bn_words = Vec::with_capacity(n);
    for _ in 0..n {
        let word = r.string()?;
        let suffixes = match r.len()? {
            0 => {
                let list: Arc<[String]> = r.strings()?.into();
                r.suffixes.push(Arc::clone(&list));
                list
            }
            i => Arc::clone(r.suffixes.get(i - 1)?),
        };
        bn_words.push(WordTerm { word, suffixes });
    }
    Some(Terms {
        bn,
        bn_words,
        en: r.strings()?,
        banglish: r.strings()?,
        en_verbs: r.strings()?,
        bn_verbs: r.strings()?,
        banglish_verbs: r.strings()?,
        regex: r.strings()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::model::Context;
    use crate::{Diagnostic, EngineConfig, Report, SeverityOverride};

    fn snapshot() -> Vec<u8> {
        generate().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Every text of the corpus and every example sentence of the default pack.
    fn texts() -> Vec<String> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/corpus");
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .expect("tests/corpus exists")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        let mut texts = Vec::new();
        for f in files {
            let body = std::fs::read_to_string(&f).unwrap_or_else(|e| panic!("{e}"));
            for line in body.lines().filter(|l| !l.trim().is_empty()) {
                let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
                if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                    texts.push(t.to_owned());
                }
            }
        }
        let pack = RulePack::default_pack_from_sources().expect("the default pack loads");
        for rule in &pack.rules {
            texts.extend(rule.examples.flag.iter().cloned());
            texts.extend(rule.examples.pass.iter().cloned());
        }
        assert!(texts.len() > 1000, "{} texts", texts.len());
        texts
    }

    fn without_examples(mut pack: RulePack) -> RulePack {
        for rule in &mut pack.rules {
            rule.examples = Examples::default();
        }
        pack
    }

    fn reports(engine: &Engine, texts: &[String]) -> Vec<Report> {
        texts
            .iter()
            .flat_map(|t| [Context::Official, Context::Personal].map(|c| engine.check(t, c)))
            .collect()
    }

    #[test]
    fn the_snapshot_reads_back_to_the_same_pack_and_terms() {
        let bytes = snapshot();
        assert_eq!(bytes, snapshot(), "the snapshot is deterministic");
        let state = decode(&bytes).expect("the snapshot decodes");
        assert_eq!(
            encode(&state),
            bytes,
            "decoding then encoding gives the same bytes"
        );
        let from_toml = without_examples(
            RulePack::default_pack_from_sources().expect("the default pack loads"),
        );
        assert_eq!(format!("{:?}", state.pack), format!("{from_toml:?}"));
        let mut r = Reader::new(&bytes);
        r.header().expect("a header");
        let pack = read_pack(&mut r).expect("the pack reads alone");
        assert_eq!(format!("{pack:?}"), format!("{from_toml:?}"));
    }

    #[test]
    fn table_strings_read_back() {
        for s in [
            "",
            "নৌকা মার্কায়",
            "ৎ ড় য়",
            "\u{1}x\u{1}",
            "café “x” 😀 ঀ৿",
            "a\u{200d}b",
        ] {
            assert_eq!(unpack_str(&pack_str(s)).as_deref(), Some(s), "{s:?}");
        }
        assert_eq!(pack_str("নৌকা").len(), 4);
        assert_eq!(unpack_str(&[1]), None);
        assert_eq!(unpack_str(&[1, 0xe0, 0xa6]), None);
    }

    #[test]
    fn a_damaged_snapshot_is_refused() {
        let bytes = snapshot();
        assert!(decode(&bytes[..bytes.len() - 1]).is_none());
        assert!(decode(&[bytes.as_slice(), &[0]].concat()).is_none());
        assert!(decode(b"STKS").is_none());
        assert!(decode(&[]).is_none());
    }

    /// The engine built on the snapshot finds exactly what the engine built
    /// from the TOML finds, with no options and with every engine option.
    #[test]
    fn engines_built_on_the_snapshot_check_identically() {
        let bytes = snapshot();
        let texts = texts();
        let verbs = include_str!("../tests/packs/morph-verbs.toml");
        let mut extra = BTreeMap::new();
        extra.insert(
            Category::Secrecy,
            vec!["project falcon".to_owned(), "প্রকল্প ফ".to_owned()],
        );
        extra.insert(Category::Political, vec!["উন্নয়নের ধারা".to_owned()]);
        let mut rule_severity = BTreeMap::new();
        rule_severity.insert(
            "political.party-campaign".to_owned(),
            SeverityOverride {
                official: Some(Some(Severity::Block)),
                personal: Some(None),
            },
        );
        rule_severity.insert("no.such-rule".to_owned(), SeverityOverride::default());
        let configs = [
            EngineConfig::default(),
            EngineConfig {
                custom_rules: Some(verbs.to_owned()),
                extra_terms: extra,
                allowed_terms: vec!["নৌকা বাইচ".to_owned(), "boat race".to_owned()],
                rule_severity,
                enabled_categories: Some(
                    Category::ALL
                        .into_iter()
                        .filter(|&c| c != Category::Gender)
                        .collect(),
                ),
                ..EngineConfig::default()
            },
            EngineConfig {
                custom_rules: Some("[[rule]]\nid = \"broken\"\n".to_owned()),
                model: Some(false),
                ..EngineConfig::default()
            },
        ];
        for (i, config) in configs.iter().enumerate() {
            let (plain, plain_diags): (Engine, Vec<Diagnostic>) =
                Engine::build_on(config, &|| None);
            let (fast, fast_diags) = Engine::build_on(config, &|| decode(&bytes));
            assert_eq!(fast_diags, plain_diags);
            // The second config's custom pack is applied (only the unknown rule id is reported).
            assert_eq!(i == 1, fast_diags.iter().any(|d| d.key == "ruleSeverity"));
            assert_eq!(i == 2, fast_diags.iter().any(|d| d.key == "customRules"));
            // The same rules; the default ones without their examples.
            let mut rules = plain.pack_rules().to_vec();
            for rule in &mut rules {
                if !rule.origin.file.ends_with("customRules") {
                    rule.examples = Examples::default();
                }
            }
            assert_eq!(format!("{:?}", fast.pack_rules()), format!("{rules:?}"));
            assert_eq!(fast.matcher_sizes(), plain.matcher_sizes());
            assert!(reports(&fast, &texts) == reports(&plain, &texts));
        }
    }
}
