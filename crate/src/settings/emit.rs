//! The files generated from the key table (`sotorko contract emit`), as
//! `(path relative to the repository root, contents)`:
//!
//! - `extension/shared/contract.generated.js`: categories, keys, defaults,
//!   limits and the `siteAdapterOverrides` shape for the extension's scripts;
//! - `extension/managed_schema.json`: the schema Chromium and Edge load for
//!   `storage.managed` (JSON types only: an enum there would make Chromium
//!   drop a bad value before the extension could report it);
//! - `deploy/tools/contract.json`: each key's kind, texts and limits, from
//!   which `deploy/tools/generate.mjs` writes the ADMX/ADML templates and
//!   policy examples.

use super::spec::{
    limits_text, AdmxKind, Choice, Scope, Text, ValueType, ADAPTER_LABEL_LISTS,
    ADAPTER_SELECTOR_LISTS, KEYS, LABEL_LIST_PARTS, LIMITS, SEVERITY_CONTEXTS, SEVERITY_LEVELS,
};
use crate::model::{Category, Message};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use serde_json::Value;

/// A JSON value whose object keys keep the order they were written in.
enum Node {
    Map(Vec<(String, Node)>),
    Json(Value),
}

impl Serialize for Node {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Node::Map(entries) => {
                let mut m = s.serialize_map(Some(entries.len()))?;
                for (k, v) in entries {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
            Node::Json(v) => v.serialize(s),
        }
    }
}

fn map(entries: Vec<(&str, Node)>) -> Node {
    Node::Map(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn s(text: &str) -> Node {
    Node::Json(Value::String(text.to_owned()))
}

fn pretty<T: Serialize>(value: &T) -> String {
    // Serialising these in-memory values cannot fail (string keys only).
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn typed(ty: &str) -> Vec<(&str, Node)> {
    vec![("type", s(ty))]
}

fn strings() -> Node {
    map(typed("string"))
}

fn string_list() -> Node {
    map(vec![("type", s("array")), ("items", strings())])
}

/// A key's explanation with its limits, in one language.
fn explain(name: &str, text: &Text, en: bool) -> String {
    let base = if en { text.en } else { text.bn };
    match limits_text(name) {
        Some((l_en, _)) if en => format!("{base}\nLimits: {l_en}."),
        Some((_, l_bn)) => format!("{base}\nসীমা: {l_bn}।"),
        None => base.to_owned(),
    }
}

fn severity_pair_schema() -> Node {
    map(vec![
        ("type", s("object")),
        ("title", s("Severity by context")),
        (
            "description",
            s("official and/or personal, each one of: block, warn, advise, off."),
        ),
        ("additionalProperties", strings()),
    ])
}

fn adapter_schema() -> Vec<(String, Node)> {
    let mut props = Vec::new();
    for (name, what) in ADAPTER_LABEL_LISTS {
        let parts = LABEL_LIST_PARTS
            .iter()
            .map(|p| (p.to_string(), string_list()))
            .collect();
        props.push((
            name.to_owned(),
            map(vec![
                ("type", s("object")),
                ("title", s("Label list")),
                (
                    "description",
                    s(&format!(
                        "Labels of {what}. Parts: exact (whole label), prefix, suffix, contains; each a list of texts."
                    )),
                ),
                ("properties", Node::Map(parts)),
            ]),
        ));
    }
    for (name, what) in ADAPTER_SELECTOR_LISTS {
        props.push((
            name.to_owned(),
            map(vec![
                ("type", s("array")),
                ("title", s("Selector list")),
                ("description", s(&format!("CSS selectors of {what}."))),
                ("items", strings()),
            ]),
        ));
    }
    props
}

/// `extension/managed_schema.json`.
pub fn managed_schema() -> String {
    let mut props = Vec::new();
    for k in KEYS {
        let mut entries = vec![
            ("type", s(k.value_type.schema_type())),
            ("title", s(k.texts.title.en)),
            ("description", s(&explain(k.name, &k.texts.explain, true))),
        ];
        match k.name {
            "categorySeverity" | "ruleSeverity" => {
                entries.push(("additionalProperties", severity_pair_schema()));
            }
            "extraTerms" => entries.push(("additionalProperties", string_list())),
            "siteAdapterOverrides" => entries.push(("properties", Node::Map(adapter_schema()))),
            _ if k.value_type == ValueType::List => entries.push(("items", strings())),
            _ => {}
        }
        props.push((k.name.to_owned(), map(entries)));
    }
    let schema = map(vec![
        ("type", s("object")),
        ("properties", Node::Map(props)),
    ]);
    format!("{}\n", pretty(&schema))
}

#[derive(Serialize)]
struct CategoryOut {
    id: &'static str,
    name: Message,
}

#[derive(Serialize)]
struct SettingOut {
    name: &'static str,
    #[serde(rename = "type")]
    value_type: &'static str,
    #[serde(rename = "policyOnly")]
    policy_only: bool,
    engine: bool,
    #[serde(rename = "default")]
    default_value: Value,
    choices: Vec<&'static str>,
    title: Text,
}

/// `extension/shared/contract.generated.js`.
pub fn contract_js() -> String {
    let categories: Vec<CategoryOut> = Category::ALL
        .iter()
        .map(|c| CategoryOut {
            id: c.id(),
            name: c.name(),
        })
        .collect();
    let settings: Vec<SettingOut> = KEYS
        .iter()
        .map(|k| SettingOut {
            name: k.name,
            value_type: k.value_type.schema_type(),
            policy_only: k.scope == Scope::PolicyOnly,
            engine: k.engine,
            default_value: k.default_value(),
            choices: match k.value_type {
                ValueType::Choice(c) => c.to_vec(),
                _ => Vec::new(),
            },
            title: k.texts.title,
        })
        .collect();
    let label_keys = Node::Map(
        ADAPTER_LABEL_LISTS
            .iter()
            .map(|(n, w)| (n.to_string(), s(w)))
            .collect(),
    );
    let selector_keys = Node::Map(
        ADAPTER_SELECTOR_LISTS
            .iter()
            .map(|(n, w)| (n.to_string(), s(w)))
            .collect(),
    );
    let sections = [
        (
            "CATEGORIES",
            "The guideline categories, in guideline order, with their names in both UI languages.",
            pretty(&categories),
        ),
        (
            "SETTINGS",
            "Every settings key in table order: JSON type, policy-only or not, whether the engine is built from it, built-in default, allowed values (for a choice) and title.",
            pretty(&settings),
        ),
        (
            "POLICY_LIMITS",
            "Size limits of settings values; a value over a limit is an error for its key.",
            pretty(&LIMITS),
        ),
        (
            "SEVERITY_LEVELS",
            "Severities a policy may give a category or rule; `off` switches it off.",
            pretty(&SEVERITY_LEVELS),
        ),
        (
            "SEVERITY_CONTEXTS",
            "The contexts a severity override names.",
            pretty(&SEVERITY_CONTEXTS),
        ),
        (
            "ADAPTER_LABEL_KEYS",
            "`siteAdapterOverrides` label lists: each value is `{ exact?, prefix?, suffix?, contains? }`, each a list of texts.",
            pretty(&label_keys),
        ),
        (
            "ADAPTER_SELECTOR_KEYS",
            "`siteAdapterOverrides` selector lists: each value is a list of CSS selectors.",
            pretty(&selector_keys),
        ),
        (
            "LABEL_LIST_PARTS",
            "The parts of a label list.",
            pretty(&LABEL_LIST_PARTS),
        ),
    ];
    let mut out = String::from(
        "// Generated by `sotorko contract emit` from crate/src/settings/ (the settings contract).\n\
         // Do not edit: change the Rust table and run `./build.sh` (or `cargo run -p sotorko -- contract emit`).\n\n\
         const deepFreeze = (value) => {\n  \
         if (value && typeof value === \"object\") for (const v of Object.values(Object.freeze(value))) deepFreeze(v);\n  \
         return value;\n};\n",
    );
    for (name, doc, json) in sections {
        out.push_str(&format!(
            "\n/** {doc} */\nexport const {name} = deepFreeze({json});\n"
        ));
    }
    out
}

#[derive(Serialize)]
struct TemplatesDoc {
    #[serde(rename = "generatedBy")]
    generated_by: &'static str,
    keys: Vec<TemplateKey>,
}

#[derive(Serialize)]
struct TemplateKey {
    name: &'static str,
    kind: AdmxKind,
    #[serde(rename = "type")]
    value_type: &'static str,
    en: TemplateTexts,
    bn: TemplateTexts,
    choices: Vec<ChoiceOut>,
}

#[derive(Serialize)]
struct TemplateTexts {
    title: &'static str,
    explain: String,
}

#[derive(Serialize)]
struct ChoiceOut {
    value: &'static str,
    en: &'static str,
    bn: &'static str,
}

impl From<&Choice> for ChoiceOut {
    fn from(c: &Choice) -> Self {
        ChoiceOut {
            value: c.value,
            en: c.text.en,
            bn: c.text.bn,
        }
    }
}

/// `deploy/tools/contract.json`: what the Group Policy templates need of each key.
pub fn templates_json() -> String {
    let keys: Vec<TemplateKey> = KEYS
        .iter()
        .map(|k| TemplateKey {
            name: k.name,
            kind: k.admx,
            value_type: k.value_type.schema_type(),
            en: TemplateTexts {
                title: k.texts.title.en,
                explain: explain(k.name, &k.texts.explain, true),
            },
            bn: TemplateTexts {
                title: k.texts.title.bn,
                explain: explain(k.name, &k.texts.explain, false),
            },
            choices: k.texts.choices.iter().map(ChoiceOut::from).collect(),
        })
        .collect();
    let doc = TemplatesDoc {
        generated_by: "sotorko contract emit (crate/src/settings/); do not edit",
        keys,
    };
    format!("{}\n", pretty(&doc))
}

/// Every generated file: (path relative to the repository root, contents).
pub fn generated_files() -> Vec<(&'static str, String)> {
    vec![
        ("extension/shared/contract.generated.js", contract_js()),
        ("extension/managed_schema.json", managed_schema()),
        ("deploy/tools/contract.json", templates_json()),
    ]
}
