//! The table of settings keys: for each key its JSON type, who may set it,
//! its built-in default, how Group Policy shows it, and its texts. Every
//! other description of a key (the JavaScript tables, `managed_schema.json`,
//! the ADMX/ADML templates, the example policies) is generated from here by
//! `sotorko contract emit`.

use super::problem::bn_digits;
use super::texts::*;
use crate::model::Category;
use serde::Serialize;
use serde_json::{json, Value};

/// A text in English and Bangla, known at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Text {
    /// English.
    pub en: &'static str,
    /// Bangla.
    pub bn: &'static str,
}

/// One value of a key that takes one of a few fixed values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Choice {
    /// The value as stored, e.g. `strict`.
    pub value: &'static str,
    /// What the value means, for a drop-down.
    pub text: Text,
}

/// A key's texts for administrators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct KeyTexts {
    /// A short name (options page, ADMX display name).
    pub title: Text,
    /// What the key does and what "not configured" means (ADMX explanation, schema description).
    pub explain: Text,
    /// Texts of the values of a [`ValueType::Choice`] key; empty otherwise.
    pub choices: &'static [Choice],
}

/// The JSON type of a key's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// `true` or `false`.
    Bool,
    /// A string.
    Text,
    /// One of a few strings.
    Choice(&'static [&'static str]),
    /// A list of strings.
    List,
    /// An object (its shape depends on the key).
    Object,
    /// A whole number from `min` to `max` (a string of digits, as a Group
    /// Policy text box gives it, is read as that number).
    Integer {
        /// The smallest value accepted.
        min: i64,
        /// The largest value accepted.
        max: i64,
    },
}

impl ValueType {
    /// The JSON Schema type name.
    pub fn schema_type(self) -> &'static str {
        match self {
            ValueType::Bool => "boolean",
            ValueType::Text | ValueType::Choice(_) => "string",
            ValueType::List => "array",
            ValueType::Object => "object",
            ValueType::Integer { .. } => "integer",
        }
    }
}

/// How Group Policy (ADMX) presents a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AdmxKind {
    /// Enabled = true, Disabled = false.
    Bool,
    /// A drop-down of the key's choices.
    Enum,
    /// A list box; browsers read the numbered values of a subkey as a list.
    List,
    /// A text box holding JSON (browsers parse a REG_SZ as JSON for object-typed keys).
    Json,
    /// A text box (REG_SZ).
    Text,
}

/// Who may set a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The official on the options page, unless policy sets or locks it.
    User,
    /// Policy only: an official can never set it, so there is nothing to lock.
    PolicyOnly,
}

/// One settings key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeySpec {
    /// The key as written in policy and storage, e.g. `allowedTerms`.
    pub name: &'static str,
    /// Its JSON type.
    pub value_type: ValueType,
    /// Who may set it.
    pub scope: Scope,
    /// Whether the checking engine is built from it (a change rebuilds the engine).
    pub engine: bool,
    /// How Group Policy shows it.
    pub admx: AdmxKind,
    /// The built-in default, as JSON (`enabledCategories`: every category).
    default: &'static str,
    /// Texts for administrators.
    pub texts: &'static KeyTexts,
}

impl KeySpec {
    /// True when policy `lockedSettings` may name this key.
    pub fn lockable(&self) -> bool {
        self.scope == Scope::User
    }

    /// The built-in default value.
    pub fn default_value(&self) -> Value {
        if self.name == "enabledCategories" {
            return json!(Category::ALL.map(Category::id));
        }
        serde_json::from_str(self.default).unwrap_or(Value::Null)
    }
}

/// Severities a policy may give a category or rule; `off` switches it off.
pub const SEVERITY_LEVELS: [&str; 4] = ["block", "warn", "advise", "off"];

/// The contexts a severity override names.
pub const SEVERITY_CONTEXTS: [&str; 2] = ["official", "personal"];

/// Every settings key, in the order the options page, schema and templates list them.
pub const KEYS: [KeySpec; 17] = [
    KeySpec {
        name: "enabled",
        value_type: ValueType::Bool,
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::Bool,
        default: "true",
        texts: &ENABLED_TEXTS,
    },
    KeySpec {
        name: "enabledCategories",
        value_type: ValueType::List,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::List,
        default: "null",
        texts: &ENABLED_CATEGORIES_TEXTS,
    },
    KeySpec {
        name: "categorySeverity",
        value_type: ValueType::Object,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::Json,
        default: "{}",
        texts: &CATEGORY_SEVERITY_TEXTS,
    },
    KeySpec {
        name: "ruleSeverity",
        value_type: ValueType::Object,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::Json,
        default: "{}",
        texts: &RULE_SEVERITY_TEXTS,
    },
    KeySpec {
        name: "customRules",
        value_type: ValueType::Text,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::Text,
        default: "\"\"",
        texts: &CUSTOM_RULES_TEXTS,
    },
    KeySpec {
        name: "extraTerms",
        value_type: ValueType::Object,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::Json,
        default: "{}",
        texts: &EXTRA_TERMS_TEXTS,
    },
    KeySpec {
        name: "allowedTerms",
        value_type: ValueType::List,
        scope: Scope::User,
        engine: true,
        admx: AdmxKind::List,
        default: "[]",
        texts: &ALLOWED_TERMS_TEXTS,
    },
    KeySpec {
        name: "officialPages",
        value_type: ValueType::List,
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::List,
        default: "[]",
        texts: &OFFICIAL_PAGES_TEXTS,
    },
    KeySpec {
        name: "officialByDefault",
        value_type: ValueType::Bool,
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::Bool,
        default: "false",
        texts: &OFFICIAL_BY_DEFAULT_TEXTS,
    },
    KeySpec {
        name: "mode",
        value_type: ValueType::Choice(&["warn", "strict"]),
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::Enum,
        default: "\"warn\"",
        texts: &MODE_TEXTS,
    },
    KeySpec {
        name: "requireReasonToOverride",
        value_type: ValueType::Bool,
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::Bool,
        default: "false",
        texts: &REQUIRE_REASON_TO_OVERRIDE_TEXTS,
    },
    KeySpec {
        name: "stanceModel",
        value_type: ValueType::Bool,
        scope: Scope::PolicyOnly,
        engine: true,
        admx: AdmxKind::Bool,
        default: "true",
        texts: &STANCE_MODEL_TEXTS,
    },
    KeySpec {
        name: "activityRetentionDays",
        value_type: ValueType::Integer { min: 1, max: 3650 },
        scope: Scope::PolicyOnly,
        engine: false,
        admx: AdmxKind::Text,
        default: "396",
        texts: &ACTIVITY_RETENTION_DAYS_TEXTS,
    },
    KeySpec {
        name: "minPasswordScore",
        value_type: ValueType::Integer { min: 0, max: 4 },
        scope: Scope::PolicyOnly,
        engine: false,
        admx: AdmxKind::Text,
        default: "3",
        texts: &MIN_PASSWORD_SCORE_TEXTS,
    },
    KeySpec {
        name: "uiLanguage",
        value_type: ValueType::Choice(&["auto", "bn", "en"]),
        scope: Scope::User,
        engine: false,
        admx: AdmxKind::Enum,
        default: "\"auto\"",
        texts: &UI_LANGUAGE_TEXTS,
    },
    KeySpec {
        name: "lockedSettings",
        value_type: ValueType::List,
        scope: Scope::PolicyOnly,
        engine: false,
        admx: AdmxKind::List,
        default: "[]",
        texts: &LOCKED_SETTINGS_TEXTS,
    },
    KeySpec {
        name: "siteAdapterOverrides",
        value_type: ValueType::Object,
        scope: Scope::PolicyOnly,
        engine: false,
        admx: AdmxKind::Json,
        default: "{}",
        texts: &SITE_ADAPTER_OVERRIDES_TEXTS,
    },
];

/// The spec of `name`, if it is a settings key.
pub fn key(name: &str) -> Option<&'static KeySpec> {
    KEYS.iter().find(|k| k.name == name)
}

/// Size limits. A policy at every limit at once still builds the engine and
/// runs the first check after a worker restart within 300 ms in the WASM build
/// (BENCHMARKS.md, "Policy at the limits"); each value over a limit is an
/// error for its key, and the built-in value applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// `customRules`, in UTF-8 bytes.
    pub custom_rules_bytes: usize,
    /// Different verbs (`bn_verbs`, `banglish_verbs`, `en_verbs`) of a `customRules` pack.
    pub custom_rules_verbs: usize,
    /// Regexes of a `customRules` pack.
    pub custom_rules_regexes: usize,
    /// Entries of `ruleSeverity`.
    pub rule_severity_entries: usize,
    /// Characters of a rule id.
    pub rule_id_chars: usize,
    /// Terms of `extraTerms`, all categories together.
    pub extra_terms_entries: usize,
    /// UTF-8 bytes of all `extraTerms` terms together.
    pub extra_terms_bytes: usize,
    /// Characters of one term (`extraTerms`, `allowedTerms`).
    pub term_chars: usize,
    /// Entries of `allowedTerms`.
    pub allowed_terms_entries: usize,
    /// UTF-8 bytes of all `allowedTerms` entries together.
    pub allowed_terms_bytes: usize,
    /// Fewest Bangla letters (consonants and full vowels; vowel signs do not
    /// count) of an `allowedTerms` entry in Bangla script.
    pub allowed_term_min_bangla_letters: usize,
    /// Fewest letters of any other `allowedTerms` entry.
    pub allowed_term_min_latin_letters: usize,
    /// Entries of `officialPages`.
    pub official_pages_entries: usize,
    /// Characters of one `officialPages` entry.
    pub page_chars: usize,
    /// Entries of one `siteAdapterOverrides` list.
    pub adapter_entries: usize,
    /// Characters of one `siteAdapterOverrides` label.
    pub adapter_label_chars: usize,
    /// Characters of one `siteAdapterOverrides` selector.
    pub adapter_selector_chars: usize,
}

/// The limits in force.
pub const LIMITS: Limits = Limits {
    custom_rules_bytes: 256 * 1024,
    custom_rules_verbs: 100,
    custom_rules_regexes: 64,
    rule_severity_entries: 2000,
    rule_id_chars: 100,
    extra_terms_entries: 2000,
    extra_terms_bytes: 64 * 1024,
    term_chars: 100,
    allowed_terms_entries: 1000,
    allowed_terms_bytes: 32 * 1024,
    allowed_term_min_bangla_letters: 2,
    allowed_term_min_latin_letters: 3,
    official_pages_entries: 500,
    page_chars: 500,
    adapter_entries: 200,
    adapter_label_chars: 200,
    adapter_selector_chars: 300,
};

/// The label lists of `siteAdapterOverrides` and what each lists. Each value
/// is `{ exact?, prefix?, suffix?, contains? }`, each part a list of texts.
pub const ADAPTER_LABEL_LISTS: [(&str, &str); 8] = [
    (
        "sendLabels",
        "controls that publish (Post, Publish, Post comment, …)",
    ),
    (
        "handOffLabels",
        "controls that hand the draft to a next step (Next, …)",
    ),
    (
        "notSendLabels",
        "controls that never publish (openers such as \"Leave a comment\", target pickers)",
    ),
    (
        "backLabels",
        "controls of a later step that go back to the draft (Back, …)",
    ),
    (
        "closeLabels",
        "controls that close or discard a composer (Close, Cancel, …)",
    ),
    (
        "commentBoxLabels",
        "labels of comment boxes, where Enter sends",
    ),
    ("replyBoxLabels", "labels of reply boxes, where Enter sends"),
    (
        "messengerBoxLabels",
        "labels of chat boxes, which are never checked",
    ),
];

/// The selector lists of `siteAdapterOverrides` and what each selects; each value is a list of CSS selectors.
pub const ADAPTER_SELECTOR_LISTS: [(&str, &str); 4] = [
    ("editorSelectors", "editable boxes that are composers"),
    (
        "controlSelectors",
        "elements that are controls (buttons) though they have no button role",
    ),
    (
        "sendSlotSelectors",
        "containers whose controls send the composer next to them, whatever their label",
    ),
    (
        "commentBoxSelectors",
        "editable boxes that are comment boxes, whatever their label",
    ),
];

/// The parts of a label list.
pub const LABEL_LIST_PARTS: [&str; 4] = ["exact", "prefix", "suffix", "contains"];

/// The limits of `key` as a sentence in English and Bangla, or `None` when it has none.
pub fn limits_text(key: &str) -> Option<(String, String)> {
    let l = LIMITS;
    let (en, bn) = match key {
        "enabledCategories" => (
            "at least one category, each at most once".to_owned(),
            "অন্তত একটি বিভাগ, প্রতিটি একবার".to_owned(),
        ),
        "ruleSeverity" => (
            format!("at most {} rules", l.rule_severity_entries),
            format!("সর্বোচ্চ {}টি নিয়ম", l.rule_severity_entries),
        ),
        "customRules" => (
            format!(
                "at most {} KiB, {} different verbs and {} regexes",
                l.custom_rules_bytes / 1024,
                l.custom_rules_verbs,
                l.custom_rules_regexes
            ),
            format!(
                "সর্বোচ্চ {} KiB, {}টি ভিন্ন ক্রিয়া ও {}টি regex",
                l.custom_rules_bytes / 1024,
                l.custom_rules_verbs,
                l.custom_rules_regexes
            ),
        ),
        "extraTerms" => (
            format!(
                "at most {} terms in all, {} KiB in all, {} characters each",
                l.extra_terms_entries,
                l.extra_terms_bytes / 1024,
                l.term_chars
            ),
            format!(
                "সব মিলিয়ে সর্বোচ্চ {}টি শব্দ ও {} KiB, প্রতিটি সর্বোচ্চ {} অক্ষর",
                l.extra_terms_entries,
                l.extra_terms_bytes / 1024,
                l.term_chars
            ),
        ),
        "allowedTerms" => (
            format!(
                "at most {} entries, {} KiB in all, {} characters each; each at least {} Bangla letters \
                 (vowel signs do not count) or {} letters in other scripts",
                l.allowed_terms_entries,
                l.allowed_terms_bytes / 1024,
                l.term_chars,
                l.allowed_term_min_bangla_letters,
                l.allowed_term_min_latin_letters
            ),
            format!(
                "সর্বোচ্চ {}টি, সব মিলিয়ে {} KiB, প্রতিটি সর্বোচ্চ {} অক্ষর; প্রতিটিতে অন্তত {}টি বাংলা বর্ণ \
                 (কার-চিহ্ন গোনা হয় না) বা অন্য লিপির {}টি বর্ণ",
                l.allowed_terms_entries,
                l.allowed_terms_bytes / 1024,
                l.term_chars,
                l.allowed_term_min_bangla_letters,
                l.allowed_term_min_latin_letters
            ),
        ),
        "officialPages" => (
            format!(
                "at most {} pages, {} characters each",
                l.official_pages_entries, l.page_chars
            ),
            format!(
                "সর্বোচ্চ {}টি পেজ, প্রতিটি সর্বোচ্চ {} অক্ষর",
                l.official_pages_entries, l.page_chars
            ),
        ),
        "siteAdapterOverrides" => (
            format!(
                "at most {} entries per list; labels at most {} characters, selectors at most {}",
                l.adapter_entries, l.adapter_label_chars, l.adapter_selector_chars
            ),
            format!(
                "প্রতি তালিকায় সর্বোচ্চ {}টি; লেবেল সর্বোচ্চ {} অক্ষর, সিলেক্টর সর্বোচ্চ {} অক্ষর",
                l.adapter_entries, l.adapter_label_chars, l.adapter_selector_chars
            ),
        ),
        _ => return None,
    };
    Some((en, bn_digits(bn)))
}
