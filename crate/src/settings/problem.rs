//! What can be wrong with a settings value, as a typed problem that renders
//! itself in English and Bangla.

use crate::model::Message;
use serde::Serialize;
use serde_json::Value;

/// A short description of a JSON value for a message, in (English, Bangla).
fn describe(value: &Value) -> (String, String) {
    match value {
        Value::Null => ("null".to_owned(), "null".to_owned()),
        Value::Bool(b) => (format!("{b}"), format!("{b}")),
        Value::Number(n) => (format!("the number {n}"), format!("সংখ্যা {n}")),
        Value::String(s) => {
            let shown: String = s.chars().take(40).collect();
            let shown = if shown.len() < s.len() {
                format!("{shown}…")
            } else {
                shown
            };
            let quoted = format!("\"{shown}\"");
            (quoted.clone(), quoted)
        }
        Value::Array(_) => ("a list".to_owned(), "একটি তালিকা".to_owned()),
        Value::Object(_) => ("an object".to_owned(), "একটি অবজেক্ট".to_owned()),
    }
}

/// `n` (a number, or a text with digits) with Bangla digits, for the Bangla messages.
pub fn bn_digits(n: impl std::fmt::Display) -> String {
    n.to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x09E6 + d).unwrap_or(c),
            None => c,
        })
        .collect()
}

fn quoted(choices: &[&str]) -> String {
    choices
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One thing wrong with a value. `Display`-free on purpose: use
/// [`Problem::message`] for both languages.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The policy as a whole is not a JSON object.
    NotAnObject(Value),
    /// A key that is not a setting; `suggestion` is the nearest real key.
    UnknownKey {
        /// The closest known key, if one is near.
        suggestion: Option<&'static str>,
    },
    /// A key that is a setting but not one the engine is built from.
    NotAnEngineKey,
    /// The value has the wrong JSON type; `expected` is (English, Bangla).
    WrongType {
        /// What was expected, in (English, Bangla).
        expected: (&'static str, &'static str),
        /// The value given.
        got: Value,
    },
    /// Not one of the allowed strings.
    NotAChoice {
        /// The allowed strings.
        choices: &'static [&'static str],
        /// The value given.
        got: Value,
    },
    /// Not a whole number from `min` to `max`.
    NotAnInteger {
        /// The smallest value accepted.
        min: i64,
        /// The largest value accepted.
        max: i64,
        /// The value given.
        got: Value,
    },
    /// An empty string or list where something is needed.
    Empty,
    /// Too many entries.
    TooMany {
        /// Entries given.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// An entry with too many characters.
    TooLong {
        /// Characters given.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// Too many UTF-8 bytes in all.
    TooBig {
        /// Bytes given.
        bytes: usize,
        /// The limit.
        max: usize,
    },
    /// An allowed term shorter than a word.
    TooShort {
        /// Letters found.
        letters: usize,
        /// The minimum.
        min: usize,
        /// True for a Bangla-script term.
        bangla: bool,
    },
    /// Not a category id.
    UnknownCategory(Value),
    /// A category named twice.
    DuplicateCategory(String),
    /// Not a rule id.
    NotARuleId(String),
    /// A severity override given as something other than `{ official, personal }`.
    NotASeverityPair(Value),
    /// A context other than official or personal.
    UnknownContext(String),
    /// A name in `lockedSettings` that is not a lockable setting.
    NotLockable(Value),
    /// An unknown `siteAdapterOverrides` list.
    UnknownAdapterList,
    /// An unknown part of a label list.
    UnknownLabelPart,
    /// A text that is not a CSS selector.
    NotASelector(String),
    /// A selector that would match almost everything.
    SelectorTooBroad(String),
    /// More problems in this key than are listed.
    More(usize),
}

impl Problem {
    /// The problem in English and Bangla (without the key).
    pub fn message(&self) -> (String, String) {
        match self {
            Problem::NotAnObject(v) => {
                let (en, bn) = describe(v);
                (
                    format!("the policy must be an object of settings, not {en}"),
                    format!("পলিসি অবশ্যই সেটিংসের একটি অবজেক্ট হবে, {bn} নয়"),
                )
            }
            Problem::UnknownKey { suggestion } => {
                let (hint_en, hint_bn) = match suggestion {
                    Some(s) => (
                        format!(" Did you mean \"{s}\"?"),
                        format!(" আপনি কি \"{s}\" বোঝাতে চেয়েছেন?"),
                    ),
                    None => (String::new(), String::new()),
                };
                (
                    format!("unknown setting; it is ignored.{hint_en}"),
                    format!("অজানা সেটিং; এটি উপেক্ষা করা হলো।{hint_bn}"),
                )
            }
            Problem::NotAnEngineKey => (
                "not a setting of the checking engine; it is ignored".to_owned(),
                "যাচাই ইঞ্জিনের সেটিং নয়; উপেক্ষা করা হলো".to_owned(),
            ),
            Problem::WrongType { expected, got } => {
                let (en, bn) = describe(got);
                (
                    format!("expected {}, got {en}", expected.0),
                    format!("{} প্রত্যাশিত, পাওয়া গেছে {bn}", expected.1),
                )
            }
            Problem::NotAChoice { choices, got } => {
                let (en, bn) = describe(got);
                let list = quoted(choices);
                (
                    format!("expected one of {list}, got {en}"),
                    format!("{list}-এর একটি প্রত্যাশিত, পাওয়া গেছে {bn}"),
                )
            }
            Problem::NotAnInteger { min, max, got } => {
                let (en, bn) = describe(got);
                (
                    format!("expected a whole number from {min} to {max}, got {en}"),
                    format!(
                        "{} থেকে {} পর্যন্ত একটি পূর্ণসংখ্যা প্রত্যাশিত, পাওয়া গেছে {bn}",
                        bn_digits(*min),
                        bn_digits(*max)
                    ),
                )
            }
            Problem::Empty => ("is empty".to_owned(), "ফাঁকা".to_owned()),
            Problem::TooMany { count, max } => (
                format!("has {count} entries; at most {max} are allowed"),
                format!(
                    "{}টি এন্ট্রি আছে; সর্বোচ্চ {}টি অনুমোদিত",
                    bn_digits(*count),
                    bn_digits(*max)
                ),
            ),
            Problem::TooLong { chars, max } => (
                format!("is {chars} characters long; at most {max} are allowed"),
                format!(
                    "{} অক্ষর দীর্ঘ; সর্বোচ্চ {} অক্ষর অনুমোদিত",
                    bn_digits(*chars),
                    bn_digits(*max)
                ),
            ),
            Problem::TooBig { bytes, max } => (
                format!("is {bytes} bytes in all; at most {max} are allowed"),
                format!(
                    "সব মিলিয়ে {} বাইট; সর্বোচ্চ {} বাইট অনুমোদিত",
                    bn_digits(*bytes),
                    bn_digits(*max)
                ),
            ),
            Problem::TooShort {
                letters,
                min,
                bangla,
            } => {
                if *bangla {
                    (
                        format!(
                            "has {letters} Bangla letter(s) (a conjunct counts once, vowel signs not at all); an allowed term \
                             needs at least {min}, so that it cannot silence whole words"
                        ),
                        format!(
                            "এতে {}টি বাংলা বর্ণ (যুক্তবর্ণ একটি ধরা হয়, কার-চিহ্ন গোনা হয় না); অনুমোদিত শব্দে \
                             অন্তত {}টি বর্ণ লাগে, যাতে তা পুরো শব্দের যাচাই বন্ধ করে দিতে না পারে",
                            bn_digits(*letters),
                            bn_digits(*min)
                        ),
                    )
                } else {
                    (
                        format!(
                            "has {letters} letter(s); an allowed term needs at least {min}, so that it \
                             cannot silence whole words"
                        ),
                        format!(
                            "এতে {}টি বর্ণ; অনুমোদিত শব্দে অন্তত {}টি বর্ণ লাগে, যাতে তা পুরো শব্দের \
                             যাচাই বন্ধ করে দিতে না পারে",
                            bn_digits(*letters),
                            bn_digits(*min)
                        ),
                    )
                }
            }
            Problem::UnknownCategory(v) => {
                let (en, bn) = describe(v);
                let list = quoted(&crate::model::Category::ALL.map(|c| c.id()));
                (
                    format!("unknown category {en}; expected one of {list}"),
                    format!("অজানা বিভাগ {bn}; প্রত্যাশিত: {list}"),
                )
            }
            Problem::DuplicateCategory(id) => (
                format!("category \"{id}\" is listed more than once"),
                format!("\"{id}\" বিভাগটি একাধিকবার আছে"),
            ),
            Problem::NotARuleId(id) => {
                let (en, bn) = describe(&Value::String(id.clone()));
                (
                    format!("{en} is not a rule id (lower-case letters, digits, \".\" and \"-\")"),
                    format!("{bn} নিয়মের আইডি নয় (ছোট হাতের ইংরেজি বর্ণ, অঙ্ক, \".\" ও \"-\")"),
                )
            }
            Problem::NotASeverityPair(v) => {
                let (en, bn) = describe(v);
                (
                    format!(
                        "expected {{\"official\": …, \"personal\": …}} with a severity ({}) for at least \
                         one context, got {en}",
                        quoted(&super::SEVERITY_LEVELS)
                    ),
                    format!(
                        "অন্তত একটি প্রেক্ষাপটের তীব্রতাসহ ({}) {{\"official\": …, \"personal\": …}} \
                         প্রত্যাশিত, পাওয়া গেছে {bn}",
                        quoted(&super::SEVERITY_LEVELS)
                    ),
                )
            }
            Problem::UnknownContext(name) => (
                format!("unknown context \"{name}\"; expected \"official\" or \"personal\""),
                format!("অজানা প্রেক্ষাপট \"{name}\"; \"official\" বা \"personal\" প্রত্যাশিত"),
            ),
            Problem::NotLockable(v) => {
                let (en, bn) = describe(v);
                let names: Vec<&str> = super::KEYS
                    .iter()
                    .filter(|k| k.lockable())
                    .map(|k| k.name)
                    .collect();
                let list = quoted(&names);
                (
                    format!("{en} is not a setting that can be locked; expected one of {list}"),
                    format!("{bn} লক করা যায় এমন সেটিং নয়; প্রত্যাশিত: {list}"),
                )
            }
            Problem::UnknownAdapterList => {
                let names: Vec<&str> = super::ADAPTER_LABEL_LISTS
                    .iter()
                    .chain(super::ADAPTER_SELECTOR_LISTS.iter())
                    .map(|(n, _)| *n)
                    .collect();
                let list = quoted(&names);
                (
                    format!("unknown list; expected one of {list}"),
                    format!("অজানা তালিকা; প্রত্যাশিত: {list}"),
                )
            }
            Problem::UnknownLabelPart => {
                let list = quoted(&super::LABEL_LIST_PARTS);
                (
                    format!("unknown part; expected one of {list}"),
                    format!("অজানা অংশ; প্রত্যাশিত: {list}"),
                )
            }
            Problem::NotASelector(why) => (
                format!("is not a CSS selector ({why})"),
                format!("CSS সিলেক্টর নয় ({why})"),
            ),
            Problem::SelectorTooBroad(s) => (
                format!("\"{s}\" would match almost every element of the page"),
                format!("\"{s}\" পৃষ্ঠার প্রায় সব উপাদানের সঙ্গে মিলে যাবে"),
            ),
            Problem::More(n) => (
                format!("and {n} more problems"),
                format!("এবং আরও {}টি সমস্যা", bn_digits(*n)),
            ),
        }
    }
}

/// A problem with one settings key, for an administrator: the key, where in
/// its value, and what is wrong in both languages. The key's built-in value
/// applies instead (except `lockedSettings`, which keeps its valid names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PolicyError {
    /// The top-level key, e.g. `allowedTerms`; `(policy)` for the policy as a whole.
    pub key: String,
    /// Where in the value, e.g. `allowedTerms[3]`.
    pub path: String,
    /// What is wrong and what happens instead.
    pub message: Message,
}

impl PolicyError {
    /// The error for `problem` at `path` of `key`.
    pub fn new(key: &str, path: &str, problem: &Problem) -> PolicyError {
        let (en, bn) = problem.message();
        let (tail_en, tail_bn) = match problem {
            Problem::UnknownKey { .. } | Problem::NotAnEngineKey | Problem::More(_) => {
                (String::new(), String::new())
            }
            Problem::NotLockable(_) => (
                " The other names stay locked.".to_owned(),
                " অন্য নামগুলো লক থাকে।".to_owned(),
            ),
            Problem::NotAnObject(_) => (
                " The built-in settings apply.".to_owned(),
                " পূর্বনির্ধারিত সেটিংস প্রযোজ্য।".to_owned(),
            ),
            _ => (
                " The built-in value applies.".to_owned(),
                " পূর্বনির্ধারিত মান প্রযোজ্য।".to_owned(),
            ),
        };
        PolicyError {
            key: key.to_owned(),
            path: path.to_owned(),
            message: Message {
                en: format!("{path}: {}{tail_en}", sentence(&en, '.')),
                bn: format!("{path}: {}{tail_bn}", sentence(&bn, '।')),
            },
        }
    }
}

/// `text` ending with a full stop (`stop`) unless it already ends a sentence.
fn sentence(text: &str, stop: char) -> String {
    if text.ends_with(['.', '?', '।']) {
        text.to_owned()
    } else {
        format!("{text}{stop}")
    }
}
