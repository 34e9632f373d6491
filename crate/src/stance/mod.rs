//! The stance model: a small linear classifier over hashed character and word
//! n-grams that scores each clause of a text for thirteen stances — derogatory,
//! violent, sexist, communal, ethnic, divisive, partisan, secret and personal,
//! one for each guideline category, and the official register's own kinds of
//! belittling, communal bias, gender bias and incitement (contempt, sectarian,
//! gendered, unrest) — and names the words that drove a score.
//!
//! The weights (`crate/model/stance.bin`) are produced by
//! `scripts/model/train.py` (see `crate/model/PROVENANCE.md`) and embedded in
//! the binary; nothing is downloaded. Scoring is integer arithmetic (i8
//! weights summed into i32), so a text gets the same scores natively and in
//! WebAssembly, and the same scores as the training script computes.
//!
//! The model never decides a category on its own: rules use it through the
//! `model` matcher (docs/rules.md), which feeds the driver words of a clause
//! over threshold into the engine like term matches.

mod features;

pub use features::{clauses, words, Word, MAX_WORDS};
use std::borrow::Cow;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// The embedded weights.
static EMBEDDED: &[u8] = include_bytes!("../../model/stance.bin");

/// A stance class of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Insults, contempt, ridicule of a person or group.
    Derogatory,
    /// Threats and calls to violence.
    Violent,
    /// Sexist or sexual remarks about women or men.
    Sexist,
    /// Hostility to a faith, its rituals or its followers.
    Communal,
    /// Contempt for or exclusion of an ethnic, indigenous or caste community.
    Ethnic,
    /// Against national unity or the Liberation War: distortion of 1971,
    /// praise of its collaborators, regional hatred, secession.
    Divisive,
    /// Party-political talk: praise, attack, campaigning, vote appeals.
    Partisan,
    /// Disclosure of secrets or personal data: unpublished questions,
    /// results and orders, credentials, citizens' numbers.
    Secret,
    /// One's own family, feelings, trips and sales.
    Personal,
    /// The official register's scorn for an office, an official, a court or
    /// the state: sarcasm, ridicule, "so-called", "a circus" (learnt from
    /// officials' posts only, where `Derogatory` also learns comment insults).
    Contempt,
    /// The official register's communal bias: suspicion of a faith's
    /// followers, restricting or belittling their rituals, discouraging
    /// contact (learnt from officials' posts only).
    Sectarian,
    /// The official register's gender bias: stereotypes given as
    /// administrative reasons, victim blaming, exclusion (officials' posts
    /// only).
    Gendered,
    /// The official register's incitement: calls to blockades, strikes,
    /// gheraos, panic buying, mob justice (officials' posts only).
    Unrest,
}

impl Stance {
    /// The number of classes.
    pub const COUNT: usize = 13;

    /// Every class, in the order of the weights file.
    pub const ALL: [Stance; Stance::COUNT] = [
        Stance::Derogatory,
        Stance::Violent,
        Stance::Sexist,
        Stance::Communal,
        Stance::Ethnic,
        Stance::Divisive,
        Stance::Partisan,
        Stance::Secret,
        Stance::Personal,
        Stance::Contempt,
        Stance::Sectarian,
        Stance::Gendered,
        Stance::Unrest,
    ];

    /// The class name used in packs and in the weights file.
    pub fn id(self) -> &'static str {
        match self {
            Stance::Derogatory => "derogatory",
            Stance::Violent => "violent",
            Stance::Sexist => "sexist",
            Stance::Communal => "communal",
            Stance::Ethnic => "ethnic",
            Stance::Divisive => "divisive",
            Stance::Partisan => "partisan",
            Stance::Secret => "secret",
            Stance::Personal => "personal",
            Stance::Contempt => "contempt",
            Stance::Sectarian => "sectarian",
            Stance::Gendered => "gendered",
            Stance::Unrest => "unrest",
        }
    }

    /// Index in [`Stance::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl std::str::FromStr for Stance {
    type Err = String;
    fn from_str(s: &str) -> Result<Stance, String> {
        Stance::ALL
            .into_iter()
            .find(|c| c.id() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Stance::ALL.iter().map(|c| c.id()).collect();
                format!(
                    "unknown model class `{s}`; expected one of: {}",
                    names.join(", ")
                )
            })
    }
}

/// Which threshold a matcher uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    /// The strict threshold, for a `model` matcher of a rule on its own.
    Alone,
    /// The looser threshold, for a `model` list on a side of a `near`
    /// matcher (it also needs a target in the same clause).
    Framed,
}

/// Why a weights file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the stance model file is not usable: {0}")]
pub struct ModelError(String);

#[derive(Debug, Clone, Copy)]
struct ClassInfo {
    bias: i32,
    alone: i32,
    framed: i32,
}

/// Loaded weights: per class a bias and two thresholds, and a 4-bit weight
/// per (bucket, class), bucket-major, two per byte.
pub struct StanceModel {
    bits: u8,
    classes: [ClassInfo; Stance::COUNT],
    weights: Cow<'static, [u8]>,
    offset: usize,
}

/// The scores of one clause and the words that drove them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseScore {
    /// Byte span of the clause in the original text.
    pub span: (usize, usize),
    /// The integer score of each class, in [`Stance::ALL`] order.
    pub scores: [i32; Stance::COUNT],
}

/// One clause as the model sees it: its scores, and how much each of its
/// words adds to each score (a word's own features plus the bigrams it is
/// part of), for naming driver words and for leaving target words out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClauseAnalysis {
    /// Byte span of the clause in the original text.
    pub span: (usize, usize),
    /// The integer score of each class, in [`Stance::ALL`] order.
    pub scores: [i32; Stance::COUNT],
    /// Byte spans of the scored words, in order.
    pub words: Vec<(usize, usize)>,
    /// Per word, what it adds to each class score.
    pub contributions: Vec<[i32; Stance::COUNT]>,
}

impl ClauseAnalysis {
    /// The driver words of `stance` when the clause reaches `threshold`
    /// without the positive contributions of the words for which
    /// `excluded(start, end)` is true (e.g. the target of a frame rule, so
    /// that naming a faith is not read as hostility to it), except for
    /// `kept_percent` of their positive contribution. Drivers are the
    /// other words that add most to the score: positive, at least a third of
    /// the strongest, at most three, strongest first. `None` when the clause
    /// stays below the threshold or no word drives it.
    pub fn drivers(
        &self,
        stance: Stance,
        threshold: i32,
        excluded: impl Fn(usize, usize) -> bool,
        kept_percent: u8,
    ) -> Option<Vec<(usize, usize)>> {
        let dropped = 100 - i32::from(kept_percent.min(100));
        let c = stance.index();
        if self.scores[c] < threshold {
            return None;
        }
        let mut score = self.scores[c];
        let mut ranked: Vec<(i32, usize)> = Vec::new();
        for (k, (&(s, e), w)) in self.words.iter().zip(&self.contributions).enumerate() {
            if excluded(s, e) {
                score -= w[c].max(0) * dropped / 100;
            } else if w[c] > 0 {
                ranked.push((w[c], k));
            }
        }
        if score < threshold {
            return None;
        }
        ranked.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let top = ranked.first()?.0;
        Some(
            ranked
                .iter()
                .take(3)
                .filter(|r| r.0 * 3 >= top)
                .map(|r| self.words[r.1])
                .collect(),
        )
    }
}

impl fmt::Debug for StanceModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StanceModel")
            .field("bits", &self.bits)
            .field("classes", &self.classes)
            .field("weight_bytes", &(self.weights.len() - self.offset))
            .finish()
    }
}

fn read_i32(b: &[u8], at: usize) -> Option<i32> {
    Some(i32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

impl StanceModel {
    /// The embedded model (parsed once). `None` only if the embedded file is
    /// broken, which the test suite rules out.
    pub fn embedded() -> Option<Arc<StanceModel>> {
        static MODEL: OnceLock<Option<Arc<StanceModel>>> = OnceLock::new();
        MODEL
            .get_or_init(|| {
                StanceModel::parse(Cow::Borrowed(EMBEDDED))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// Reads a weights file (the format written by `scripts/model/train.py`).
    pub fn from_bytes(bytes: &[u8]) -> Result<StanceModel, ModelError> {
        StanceModel::parse(Cow::Owned(bytes.to_vec()))
    }

    fn parse(data: Cow<'static, [u8]>) -> Result<StanceModel, ModelError> {
        let bytes: &[u8] = &data;
        let err = |m: &str| ModelError(m.to_owned());
        if bytes.get(0..4) != Some(b"STNC") {
            return Err(err("it does not start with STNC"));
        }
        if bytes.get(4) != Some(&2) {
            return Err(err("unknown version (expected 2: 4-bit weights)"));
        }
        if bytes.get(5).map(|&n| usize::from(n)) != Some(Stance::COUNT) {
            return Err(ModelError(format!("expected {} classes", Stance::COUNT)));
        }
        let bits = *bytes.get(6).ok_or_else(|| err("truncated header"))?;
        if !(8..=24).contains(&bits) {
            return Err(err("hash bits out of range 8-24"));
        }
        let mut at = 8;
        let mut classes = [ClassInfo {
            bias: 0,
            alone: 0,
            framed: 0,
        }; Stance::COUNT];
        for (c, stance) in Stance::ALL.into_iter().enumerate() {
            let len = usize::from(*bytes.get(at).ok_or_else(|| err("truncated class"))?);
            let name = bytes
                .get(at + 1..at + 1 + len)
                .ok_or_else(|| err("truncated class name"))?;
            if name != stance.id().as_bytes() {
                return Err(ModelError(format!(
                    "class {c} is `{}`, expected `{stance}`",
                    String::from_utf8_lossy(name)
                )));
            }
            at += 1 + len;
            let field =
                |k: usize| read_i32(bytes, at + 4 * k).ok_or_else(|| err("truncated class"));
            classes[c] = ClassInfo {
                bias: field(0)?,
                alone: field(1)?,
                framed: field(2)?,
            };
            at += 16; // bias, alone, framed, f32 scale (informative)
        }
        let want = ((1usize << bits) * Stance::COUNT).div_ceil(2);
        if bytes.len() != at + want {
            return Err(ModelError(format!(
                "{} weight bytes, expected {want}",
                bytes.len().saturating_sub(at)
            )));
        }
        Ok(StanceModel {
            bits,
            classes,
            offset: at,
            weights: data,
        })
    }

    /// The 4-bit signed weight of (bucket, class): two per byte, the even
    /// index in the low nibble.
    fn weight(&self, bucket: usize, class: usize) -> i32 {
        let idx = bucket * Stance::COUNT + class;
        let byte = self.weights[self.offset + idx / 2];
        let nibble = if idx % 2 == 0 { byte & 0x0F } else { byte >> 4 };
        // Sign-extend the nibble.
        i32::from(((nibble << 4) as i8) >> 4)
    }

    /// The integer score of every class for `text` scored as one unit (its
    /// first [`MAX_WORDS`] words).
    pub fn score(&self, text: &str) -> [i32; Stance::COUNT] {
        let mut ws = words(text, 0);
        ws.truncate(MAX_WORDS);
        self.score_words(&ws, None)
    }

    fn score_words(
        &self,
        ws: &[Word],
        mut per_word: Option<&mut Vec<[i32; Stance::COUNT]>>,
    ) -> [i32; Stance::COUNT] {
        let mut scores = [0i32; Stance::COUNT];
        for (c, s) in scores.iter_mut().enumerate() {
            *s = self.classes[c].bias;
        }
        if let Some(pw) = per_word.as_deref_mut() {
            pw.clear();
            pw.resize(ws.len(), [0; Stance::COUNT]);
        }
        features::for_each_feature(ws, self.bits, |k, bucket, second| {
            for (c, s) in scores.iter_mut().enumerate() {
                let w = self.weight(bucket, c);
                if !second {
                    *s += w;
                }
                if let Some(pw) = per_word.as_deref_mut() {
                    pw[k][c] += w;
                }
            }
        });
        scores
    }

    /// Scores every clause of `text`.
    pub fn clause_scores(&self, text: &str) -> Vec<ClauseScore> {
        clauses(text)
            .into_iter()
            .map(|(s, e)| {
                let mut ws = words(&text[s..e], s);
                ws.truncate(MAX_WORDS);
                ClauseScore {
                    span: (s, e),
                    scores: self.score_words(&ws, None),
                }
            })
            .collect()
    }

    /// The threshold of a class at a level.
    pub fn threshold(&self, stance: Stance, level: Level) -> i32 {
        let info = self.classes[stance.index()];
        match level {
            Level::Alone => info.alone,
            Level::Framed => info.framed,
        }
    }

    /// Scores every clause of `text`, with each word's contributions.
    pub fn analyse(&self, text: &str) -> Vec<ClauseAnalysis> {
        clauses(text)
            .into_iter()
            .map(|(s, e)| {
                let mut ws = words(&text[s..e], s);
                ws.truncate(MAX_WORDS);
                let mut contributions = Vec::new();
                let scores = self.score_words(&ws, Some(&mut contributions));
                ClauseAnalysis {
                    span: (s, e),
                    scores,
                    words: ws.iter().map(|w| (w.start, w.end)).collect(),
                    contributions,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
