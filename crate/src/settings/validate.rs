//! Validation of a policy (or of the official's stored options) against the
//! key table, one top-level key at a time.
//!
//! A key with any problem is left out of `values`, so its built-in value
//! applies; this never lowers protection below the built-in settings (an
//! `enabledCategories` with one misspelt id checks every category, not the
//! others only). The one exception is `lockedSettings`, which keeps its valid
//! names: dropping it would unlock every other setting.

use super::problem::{PolicyError, Problem};
use super::spec::{
    key as key_spec, KeySpec, ValueType, ADAPTER_LABEL_LISTS, ADAPTER_SELECTOR_LISTS, KEYS,
    LABEL_LIST_PARTS, LIMITS, SEVERITY_CONTEXTS, SEVERITY_LEVELS,
};
use crate::model::Category;
use serde::Serialize;
use serde_json::{Map, Value};

/// Problems listed per key at most; the rest are counted in one more line.
const MAX_PROBLEMS_PER_KEY: usize = 20;

/// A validated policy: the valid values, the keys an official cannot change,
/// and every problem.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Resolved {
    /// The keys whose values are valid, with those values.
    pub values: Map<String, Value>,
    /// The keys locked for the official, in table order: every lockable key
    /// that the policy sets (validly or not) or names in `lockedSettings`.
    pub locked: Vec<String>,
    /// Every problem found, key by key.
    pub errors: Vec<PolicyError>,
}

impl Resolved {
    /// True when the policy has no problem.
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

/// The problems of one key's value, with their paths.
#[derive(Default)]
struct Found {
    problems: Vec<(String, Problem)>,
}

impl Found {
    fn add(&mut self, path: impl Into<String>, problem: Problem) {
        self.problems.push((path.into(), problem));
    }

    fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    fn into_errors(self, key: &str) -> Vec<PolicyError> {
        let extra = self.problems.len().saturating_sub(MAX_PROBLEMS_PER_KEY);
        let mut errors: Vec<PolicyError> = self
            .problems
            .iter()
            .take(MAX_PROBLEMS_PER_KEY)
            .map(|(path, p)| PolicyError::new(key, path, p))
            .collect();
        if extra > 0 {
            errors.push(PolicyError::new(key, key, &Problem::More(extra)));
        }
        errors
    }
}

/// Validates a policy object (the browser's managed storage, or a policy
/// file) as the extension does. `null` means no policy.
pub fn validate_policy(raw: &Value) -> Resolved {
    let mut resolved = Resolved::default();
    let obj = match raw {
        Value::Null => return resolved,
        Value::Object(o) => o,
        other => {
            resolved.errors.push(PolicyError::new(
                "(policy)",
                "(policy)",
                &Problem::NotAnObject(other.clone()),
            ));
            return resolved;
        }
    };
    let mut locked: Vec<&str> = Vec::new();
    for (name, value) in obj {
        let Some(spec) = key_spec(name) else {
            let suggestion = nearest_key(name);
            resolved.errors.push(PolicyError::new(
                name,
                name,
                &Problem::UnknownKey { suggestion },
            ));
            continue;
        };
        if spec.lockable() {
            locked.push(spec.name);
        }
        if spec.name == "lockedSettings" {
            let (names, found) = locked_settings(value);
            locked.extend(names.iter().copied());
            if let Some(names) = names_value(value, &names) {
                resolved.values.insert(name.clone(), names);
            }
            resolved.errors.extend(found.into_errors(name));
            continue;
        }
        let found = check_key(spec, value);
        if found.is_empty() {
            resolved
                .values
                .insert(name.clone(), normalized(spec, value));
        } else {
            resolved.errors.extend(found.into_errors(name));
        }
    }
    resolved.locked = KEYS
        .iter()
        .filter(|k| locked.contains(&k.name))
        .map(|k| k.name.to_owned())
        .collect();
    resolved
}

/// `lockedSettings` as a value to keep: the valid names, or `None` when the
/// value is not a list.
fn names_value(value: &Value, names: &[&str]) -> Option<Value> {
    value
        .is_array()
        .then(|| Value::Array(names.iter().map(|n| Value::from(*n)).collect()))
}

/// The valid names of `lockedSettings` (deduplicated) and its problems.
fn locked_settings(value: &Value) -> (Vec<&'static str>, Found) {
    let mut found = Found::default();
    let mut names: Vec<&'static str> = Vec::new();
    let Some(items) = value.as_array() else {
        found.add(
            "lockedSettings",
            wrong_type(("a list of setting names", "সেটিংসের নামের তালিকা"), value),
        );
        return (names, found);
    };
    for (i, item) in items.iter().enumerate() {
        match item.as_str().and_then(key_spec).filter(|k| k.lockable()) {
            Some(k) => {
                if !names.contains(&k.name) {
                    names.push(k.name);
                }
            }
            None => found.add(
                format!("lockedSettings[{i}]"),
                Problem::NotLockable(item.clone()),
            ),
        }
    }
    (names, found)
}

fn wrong_type(expected: (&'static str, &'static str), got: &Value) -> Problem {
    Problem::WrongType {
        expected,
        got: got.clone(),
    }
}

/// Every problem of one key's value (not `lockedSettings`).
fn check_key(spec: &KeySpec, value: &Value) -> Found {
    let mut found = Found::default();
    let name = spec.name;
    match spec.value_type {
        ValueType::Bool => {
            if !value.is_boolean() && !is_registry_bool(value) {
                found.add(
                    name,
                    wrong_type(
                        ("true or false (or 1 or 0)", "true বা false (অথবা 1 বা 0)"),
                        value,
                    ),
                );
            }
        }
        ValueType::Choice(choices) => {
            if !value.as_str().is_some_and(|s| choices.contains(&s)) {
                found.add(
                    name,
                    Problem::NotAChoice {
                        choices,
                        got: value.clone(),
                    },
                );
            }
        }
        ValueType::Integer { min, max } => {
            if integer_of(value).is_none_or(|n| n < min || n > max) {
                found.add(
                    name,
                    Problem::NotAnInteger {
                        min,
                        max,
                        got: value.clone(),
                    },
                );
            }
        }
        _ => match name {
            "enabledCategories" => enabled_categories(value, &mut found),
            "categorySeverity" => category_severity(value, &mut found),
            "ruleSeverity" => rule_severity(value, &mut found),
            "customRules" => custom_rules(value, &mut found),
            "extraTerms" => extra_terms(value, &mut found),
            "allowedTerms" => allowed_terms(value, &mut found),
            "officialPages" => {
                text_list(
                    "officialPages",
                    value,
                    LIMITS.official_pages_entries,
                    LIMITS.page_chars,
                    &mut found,
                );
            }
            "siteAdapterOverrides" => adapter_overrides(value, &mut found),
            _ => found.add(name, Problem::UnknownKey { suggestion: None }),
        },
    }
    found
}

/// 1 or 0: how Firefox reads a Group Policy REG_DWORD for an extension
/// (it has no schema to turn it into a boolean, as Chromium does).
fn is_registry_bool(value: &Value) -> bool {
    matches!(value.as_u64(), Some(0 | 1))
}

/// A whole number, or a string of ASCII digits (a Group Policy text box).
fn integer_of(value: &Value) -> Option<i64> {
    match value {
        Value::Number(n) => n.as_i64(),
        Value::String(s)
            if !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) =>
        {
            s.parse().ok()
        }
        _ => None,
    }
}

/// The value as the extension uses it: a registry 1/0 becomes true/false, a
/// string of digits for a number becomes that number.
fn normalized(spec: &KeySpec, value: &Value) -> Value {
    match (spec.value_type, value.as_u64()) {
        (ValueType::Bool, Some(n)) => Value::Bool(n == 1),
        (ValueType::Integer { .. }, _) => {
            integer_of(value).map_or_else(|| value.clone(), Value::from)
        }
        _ => value.clone(),
    }
}

fn object<'v>(path: &str, value: &'v Value, found: &mut Found) -> Option<&'v Map<String, Value>> {
    let o = value.as_object();
    if o.is_none() {
        found.add(path, wrong_type(("an object", "একটি অবজেক্ট"), value));
    }
    o
}

fn list<'v>(path: &str, value: &'v Value, found: &mut Found) -> Option<&'v Vec<Value>> {
    let l = value.as_array();
    if l.is_none() {
        found.add(path, wrong_type(("a list", "একটি তালিকা"), value));
    }
    l
}

/// A list of at most `max_entries` non-empty texts of at most `max_chars`
/// characters; returns the valid texts with their indices.
fn text_list<'v>(
    path: &str,
    value: &'v Value,
    max_entries: usize,
    max_chars: usize,
    found: &mut Found,
) -> Vec<(usize, &'v str)> {
    let Some(items) = list(path, value, found) else {
        return Vec::new();
    };
    if items.len() > max_entries {
        found.add(
            path,
            Problem::TooMany {
                count: items.len(),
                max: max_entries,
            },
        );
        return Vec::new();
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        // The path is written only for a problem (a policy may list thousands of texts).
        let at = || format!("{path}[{i}]");
        match item.as_str() {
            None => found.add(at(), wrong_type(("text", "লেখা"), item)),
            Some(s) if s.trim().is_empty() => found.add(at(), Problem::Empty),
            Some(s) => {
                let chars = s.chars().count();
                if chars > max_chars {
                    found.add(
                        at(),
                        Problem::TooLong {
                            chars,
                            max: max_chars,
                        },
                    );
                } else {
                    out.push((i, s));
                }
            }
        }
    }
    out
}

fn category(path: &str, name: &Value, found: &mut Found) -> Option<Category> {
    let c = name.as_str().and_then(|s| s.parse::<Category>().ok());
    if c.is_none() {
        found.add(path, Problem::UnknownCategory(name.clone()));
    }
    c
}

fn enabled_categories(value: &Value, found: &mut Found) {
    let Some(items) = list("enabledCategories", value, found) else {
        return;
    };
    if items.is_empty() {
        found.add("enabledCategories", Problem::Empty);
        return;
    }
    let mut seen: Vec<Category> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("enabledCategories[{i}]");
        if let Some(c) = category(&at, item, found) {
            if seen.contains(&c) {
                found.add(at, Problem::DuplicateCategory(c.id().to_owned()));
            } else {
                seen.push(c);
            }
        }
        if found.problems.len() > MAX_PROBLEMS_PER_KEY {
            break;
        }
    }
}

/// `{ official?, personal? }`, each a severity level, at least one given.
/// `path` gives the pair's path, written only for a problem.
fn severity_pair(path: &dyn Fn() -> String, value: &Value, found: &mut Found) {
    let Some(o) = value.as_object().filter(|o| !o.is_empty()) else {
        found.add(path(), Problem::NotASeverityPair(value.clone()));
        return;
    };
    for (ctx, level) in o {
        let at = || format!("{}.{ctx}", path());
        if !SEVERITY_CONTEXTS.contains(&ctx.as_str()) {
            found.add(at(), Problem::UnknownContext(ctx.clone()));
        } else if !level.as_str().is_some_and(|l| SEVERITY_LEVELS.contains(&l)) {
            found.add(
                at(),
                Problem::NotAChoice {
                    choices: &SEVERITY_LEVELS,
                    got: level.clone(),
                },
            );
        }
    }
}

fn category_severity(value: &Value, found: &mut Found) {
    let Some(o) = object("categorySeverity", value, found) else {
        return;
    };
    for (id, pair) in o {
        let at = format!("categorySeverity.{id}");
        if category(&at, &Value::String(id.clone()), found).is_some() {
            severity_pair(&|| at.clone(), pair, found);
        }
        if found.problems.len() > MAX_PROBLEMS_PER_KEY {
            break;
        }
    }
}

/// True for a rule id: lower-case ASCII letters, digits, `.` and `-`.
pub fn is_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id.chars().count() <= LIMITS.rule_id_chars
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'-')
}

fn rule_severity(value: &Value, found: &mut Found) {
    let Some(o) = object("ruleSeverity", value, found) else {
        return;
    };
    if o.len() > LIMITS.rule_severity_entries {
        found.add(
            "ruleSeverity",
            Problem::TooMany {
                count: o.len(),
                max: LIMITS.rule_severity_entries,
            },
        );
        return;
    }
    for (id, pair) in o {
        if is_rule_id(id) {
            severity_pair(&|| format!("ruleSeverity.{id}"), pair, found);
        } else {
            found.add("ruleSeverity", Problem::NotARuleId(id.clone()));
        }
        if found.problems.len() > MAX_PROBLEMS_PER_KEY {
            break;
        }
    }
}

fn custom_rules(value: &Value, found: &mut Found) {
    match value.as_str() {
        None => found.add(
            "customRules",
            wrong_type(
                ("the text of a TOML rule pack", "TOML নিয়ম-প্যাকের লেখা"),
                value,
            ),
        ),
        Some(s) if s.trim().is_empty() => found.add("customRules", Problem::Empty),
        Some(s) if s.len() > LIMITS.custom_rules_bytes => found.add(
            "customRules",
            Problem::TooBig {
                bytes: s.len(),
                max: LIMITS.custom_rules_bytes,
            },
        ),
        Some(_) => {}
    }
}

fn extra_terms(value: &Value, found: &mut Found) {
    let Some(o) = object("extraTerms", value, found) else {
        return;
    };
    let (mut count, mut bytes) = (0usize, 0usize);
    for (id, terms) in o {
        let at = format!("extraTerms.{id}");
        if category(&at, &Value::String(id.clone()), found).is_none() {
            continue;
        }
        let valid = text_list(&at, terms, usize::MAX, LIMITS.term_chars, found);
        count += terms.as_array().map_or(0, Vec::len);
        bytes += valid.iter().map(|(_, t)| t.len()).sum::<usize>();
        if found.problems.len() > MAX_PROBLEMS_PER_KEY {
            break;
        }
    }
    if count > LIMITS.extra_terms_entries {
        found.add(
            "extraTerms",
            Problem::TooMany {
                count,
                max: LIMITS.extra_terms_entries,
            },
        );
    } else if bytes > LIMITS.extra_terms_bytes {
        found.add(
            "extraTerms",
            Problem::TooBig {
                bytes,
                max: LIMITS.extra_terms_bytes,
            },
        );
    }
}

/// True for a Bangla consonant or full vowel (a letter that starts a syllable).
fn is_bangla_letter(c: char) -> bool {
    matches!(c, '\u{0985}'..='\u{09B9}' | '\u{09CE}' | '\u{09DC}'..='\u{09DF}' | '\u{09F0}'..='\u{09F1}')
}

fn is_bangla(c: char) -> bool {
    ('\u{0980}'..='\u{09FF}').contains(&c)
}

/// How many letters `term` has and whether it is in Bangla script. In Bangla
/// a conjunct (letters joined by the virama, as in ক্ষ) counts as one.
fn letters(term: &str) -> (usize, bool) {
    if term.chars().any(is_bangla) {
        let mut count = 0;
        let mut after_virama = false;
        for c in term.chars() {
            if is_bangla_letter(c) && !after_virama {
                count += 1;
            }
            after_virama = c == '\u{09CD}';
        }
        (count, true)
    } else {
        (term.chars().filter(|c| c.is_alphabetic()).count(), false)
    }
}

fn allowed_terms(value: &Value, found: &mut Found) {
    let terms = text_list(
        "allowedTerms",
        value,
        LIMITS.allowed_terms_entries,
        LIMITS.term_chars,
        found,
    );
    let mut bytes = 0;
    {
        for (i, term) in terms {
            bytes += term.len();
            let (n, bangla) = letters(term);
            let min = if bangla {
                LIMITS.allowed_term_min_bangla_letters
            } else {
                LIMITS.allowed_term_min_latin_letters
            };
            if n < min {
                found.add(
                    format!("allowedTerms[{i}]"),
                    Problem::TooShort {
                        letters: n,
                        min,
                        bangla,
                    },
                );
            }
        }
    }
    if bytes > LIMITS.allowed_terms_bytes {
        found.add(
            "allowedTerms",
            Problem::TooBig {
                bytes,
                max: LIMITS.allowed_terms_bytes,
            },
        );
    }
}

/// A CSS selector as far as it can be checked without a DOM (the content
/// script tries it in the page too).
fn selector(path: &str, s: &str, found: &mut Found) {
    if s.contains(['{', '}', ';']) {
        found.add(
            path,
            Problem::NotASelector("it contains \"{\", \"}\" or \";\"".to_owned()),
        );
        return;
    }
    let mut depth: i64 = 0;
    for c in s.chars() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            break;
        }
    }
    if depth != 0 {
        found.add(
            path,
            Problem::NotASelector("unbalanced brackets".to_owned()),
        );
        return;
    }
    let bare = s.trim().to_ascii_lowercase();
    if ["*", "html", "body", "div", "span"].contains(&bare.as_str()) {
        found.add(path, Problem::SelectorTooBroad(s.to_owned()));
    }
}

fn adapter_overrides(value: &Value, found: &mut Found) {
    let Some(o) = object("siteAdapterOverrides", value, found) else {
        return;
    };
    for (name, entry) in o {
        let path = format!("siteAdapterOverrides.{name}");
        if ADAPTER_LABEL_LISTS.iter().any(|(n, _)| n == name) {
            let Some(parts) = object(&path, entry, found) else {
                continue;
            };
            for (part, texts) in parts {
                let at = format!("{path}.{part}");
                if LABEL_LIST_PARTS.contains(&part.as_str()) {
                    text_list(
                        &at,
                        texts,
                        LIMITS.adapter_entries,
                        LIMITS.adapter_label_chars,
                        found,
                    );
                } else {
                    found.add(at, Problem::UnknownLabelPart);
                }
            }
        } else if ADAPTER_SELECTOR_LISTS.iter().any(|(n, _)| n == name) {
            let valid = text_list(
                &path,
                entry,
                LIMITS.adapter_entries,
                LIMITS.adapter_selector_chars,
                found,
            );
            for (i, s) in valid {
                selector(&format!("{path}[{i}]"), s, found);
            }
        } else {
            found.add(path, Problem::UnknownAdapterList);
        }
    }
}

/// Levenshtein distance, for "did you mean" on unknown keys.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut current = vec![i];
        for j in 1..=b.len() {
            let substitution = previous[j - 1] + usize::from(a[i - 1] != b[j - 1]);
            current.push((previous[j] + 1).min(current[j - 1] + 1).min(substitution));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The known key nearest to `name`, when it is close (at most 3 edits, ignoring case).
fn nearest_key(name: &str) -> Option<&'static str> {
    if name.chars().count() > 64 {
        return None;
    }
    let lower = name.to_lowercase();
    KEYS.iter()
        .map(|k| (k.name, edit_distance(&lower, &k.name.to_lowercase())))
        .min_by_key(|(_, d)| *d)
        .filter(|(_, d)| *d <= 3)
        .map(|(k, _)| k)
}
