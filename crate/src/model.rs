//! The vocabulary shared by the engine, the CLI and the WASM API: categories,
//! severities, contexts and findings. Field names here are part of the
//! public JSON contract (design §3) and must not change casually.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

/// A guideline category. Every finding carries exactly one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// Against national unity or the spirit of the Liberation War (2019 ১০-ক).
    NationalUnity,
    /// Hurting religious sentiment or communal harmony (2019 ১০-খ).
    ReligiousHarmony,
    /// Political ideology or discussion (2019 ১০-গ).
    Political,
    /// Demeaning indigenous or ethnic minority communities (2019 ১০-ঘ).
    EthnicMinority,
    /// Belittling a person, institution or the state (2019 ১০-ঙ).
    Belittling,
    /// Supporting gender discrimination (2019 ১০-চ).
    Gender,
    /// Provoking public discontent or untoward behaviour (2016).
    Incitement,
    /// Personal or family matters in institutional communication (2016).
    PersonalContent,
    /// Security and secrecy: classified material, credentials, personal data (2016).
    Secrecy,
}

impl Category {
    /// Every category, in guideline order.
    pub const ALL: [Category; 9] = [
        Category::NationalUnity,
        Category::ReligiousHarmony,
        Category::Political,
        Category::EthnicMinority,
        Category::Belittling,
        Category::Gender,
        Category::Incitement,
        Category::PersonalContent,
        Category::Secrecy,
    ];

    /// The contract id, e.g. `national-unity`.
    pub fn id(self) -> &'static str {
        match self {
            Category::NationalUnity => "national-unity",
            Category::ReligiousHarmony => "religious-harmony",
            Category::Political => "political",
            Category::EthnicMinority => "ethnic-minority",
            Category::Belittling => "belittling",
            Category::Gender => "gender",
            Category::Incitement => "incitement",
            Category::PersonalContent => "personal-content",
            Category::Secrecy => "secrecy",
        }
    }

    /// The category's short name in English and Bangla, for panels and lists.
    pub fn name(self) -> Message {
        let (en, bn) = match self {
            Category::NationalUnity => (
                "National unity and the Liberation War",
                "জাতীয় ঐক্য ও মুক্তিযুদ্ধের চেতনা",
            ),
            Category::ReligiousHarmony => (
                "Religious sentiment and communal harmony",
                "ধর্মীয় অনুভূতি ও সাম্প্রদায়িক সম্প্রীতি",
            ),
            Category::Political => ("Political discussion", "রাজনৈতিক আলোচনা"),
            Category::EthnicMinority => (
                "Indigenous and ethnic minority communities",
                "ক্ষুদ্র নৃগোষ্ঠী ও আদিবাসী সম্প্রদায়",
            ),
            Category::Belittling => (
                "Belittling a person, institution or the state",
                "ব্যক্তি, প্রতিষ্ঠান বা রাষ্ট্রকে হেয় করা",
            ),
            Category::Gender => ("Gender discrimination", "লিঙ্গবৈষম্য"),
            Category::Incitement => (
                "Provoking public discontent",
                "জনমনে অসন্তোষ বা অনাকাঙ্ক্ষিত আচরণে উসকানি",
            ),
            Category::PersonalContent => (
                "Personal matters on an official account",
                "দাপ্তরিক অ্যাকাউন্টে ব্যক্তিগত বিষয়",
            ),
            Category::Secrecy => ("Security and secrecy", "নিরাপত্তা ও গোপনীয়তা"),
        };
        Message {
            en: en.to_owned(),
            bn: bn.to_owned(),
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Category {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.id() == s)
            .ok_or_else(|| UnknownValue::new("category", s, &Category::ALL.map(|c| c.id())))
    }
}

/// How strongly a finding holds a post. Ordered: `Advise < Warn < Block`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Shown inline only; never holds a post.
    Advise,
    /// The post needs confirmation.
    Warn,
    /// The post needs explicit confirmation; in strict mode it cannot be posted.
    Block,
}

impl Severity {
    /// The contract id: `advise`, `warn` or `block`.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Advise => "advise",
            Severity::Warn => "warn",
            Severity::Block => "block",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Severity {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "advise" => Ok(Severity::Advise),
            "warn" => Ok(Severity::Warn),
            "block" => Ok(Severity::Block),
            _ => Err(UnknownValue::new(
                "severity",
                s,
                &["advise", "warn", "block"],
            )),
        }
    }
}

/// Who is posting: an office page (the guideline binds it) or a personal profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    /// Posting as, or on, an office page, or in Meta Business Suite.
    #[default]
    Official,
    /// A personal profile.
    Personal,
}

impl Context {
    /// The contract id: `official` or `personal`.
    pub fn id(self) -> &'static str {
        match self {
            Context::Official => "official",
            Context::Personal => "personal",
        }
    }
}

impl fmt::Display for Context {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for Context {
    type Err = UnknownValue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "official" => Ok(Context::Official),
            "personal" => Ok(Context::Personal),
            _ => Err(UnknownValue::new("context", s, &["official", "personal"])),
        }
    }
}

/// A value that is not one of the allowed ids, with a message that lists them.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {kind} `{value}`; expected one of: {expected}")]
pub struct UnknownValue {
    /// What was being parsed, e.g. `category`.
    pub kind: &'static str,
    /// The value that was given.
    pub value: String,
    /// The allowed values, comma-separated.
    pub expected: String,
}

impl UnknownValue {
    fn new(kind: &'static str, value: &str, expected: &[&str]) -> Self {
        UnknownValue {
            kind,
            value: value.to_owned(),
            expected: expected.join(", "),
        }
    }
}

/// A text in both UI languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// English.
    pub en: String,
    /// Bangla.
    pub bn: String,
}

/// One span of the original text that a rule flagged.
///
/// `start`/`end` are UTF-8 byte offsets into the original text; the `*_utf16`
/// fields are the same span in UTF-16 code units (a JavaScript string index).
/// `excerpt` is exactly the original text at that span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The id of the rule that matched.
    pub rule: String,
    /// The rule's category.
    pub category: Category,
    /// The severity in the context that was checked.
    pub severity: Severity,
    /// Byte offset where the span starts.
    pub start: usize,
    /// Byte offset where the span ends (exclusive).
    pub end: usize,
    /// UTF-16 offset where the span starts.
    pub start_utf16: usize,
    /// UTF-16 offset where the span ends (exclusive).
    pub end_utf16: usize,
    /// The original text at the span.
    pub excerpt: String,
    /// The guideline clause, e.g. `2019 ১০-গ`.
    pub clause: String,
    /// What is wrong and what to do instead.
    pub message: Message,
}

/// Totals for one check.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// The highest severity among the findings, if any.
    pub highest: Option<Severity>,
    /// Number of findings per severity id.
    pub by_severity: BTreeMap<Severity, usize>,
    /// Number of findings per category id.
    pub by_category: BTreeMap<Category, usize>,
}

impl Summary {
    /// Builds the totals for a list of findings.
    pub fn of(findings: &[Finding]) -> Summary {
        let mut summary = Summary::default();
        for f in findings {
            summary.highest = summary.highest.max(Some(f.severity));
            *summary.by_severity.entry(f.severity).or_default() += 1;
            *summary.by_category.entry(f.category).or_default() += 1;
        }
        summary
    }
}

/// The result of checking one text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// Findings ordered by position.
    pub findings: Vec<Finding>,
    /// Totals over the findings.
    pub summary: Summary,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip() {
        for c in Category::ALL {
            assert_eq!(c.id().parse::<Category>(), Ok(c));
            assert_eq!(
                serde_json::to_string(&c).ok(),
                Some(format!("\"{}\"", c.id()))
            );
        }
        assert!("politics".parse::<Category>().is_err());
        assert_eq!("block".parse::<Severity>(), Ok(Severity::Block));
        assert!(Severity::Advise < Severity::Warn && Severity::Warn < Severity::Block);
        assert_eq!("personal".parse::<Context>(), Ok(Context::Personal));
    }

    #[test]
    fn unknown_value_lists_choices() {
        let err = "loud".parse::<Severity>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown severity `loud`; expected one of: advise, warn, block"
        );
    }
}
