//! Every unknown key of a pack source, with its byte offset.
//!
//! Deserializing into the `raw` types stops at the first unknown key; an
//! administrator fixing a pack wants them all at once. This walks the parsed
//! TOML document against the format's key schema and reports each key that
//! the format does not know, where it is written. The schema below must list
//! the fields of the `raw` types; a test compares the two.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

/// Keys of a term list (`terms`, `except`, `set.<name>`, `near` sides).
const TERM_LIST: &[&str] = &[
    "bn",
    "bn_words",
    "bn_suffixes",
    "regex",
    "en",
    "banglish",
    "en_verbs",
    "bn_verbs",
    "banglish_verbs",
    "sets",
    "model",
];
const TOP: &[&str] = &["pack", "set", "rule"];
const PACK: &[&str] = &["name", "version", "description"];
const RULE: &[&str] = &[
    "id",
    "category",
    "clause",
    "severity",
    "message",
    "terms",
    "regex",
    "near",
    "model",
    "except",
    "except_within",
    "examples",
];
const SEVERITY: &[&str] = &["official", "personal"];
const MESSAGE: &[&str] = &["en", "bn"];
const NEAR: &[&str] = &[
    "a",
    "b",
    "within",
    "scope",
    "target_share",
    "except",
    "except_within",
];
const EXAMPLES: &[&str] = &["flag", "pass"];

/// One unknown key: its dotted path, the keys expected there, and the byte
/// offset where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownKey {
    /// Where the key is, e.g. `rule[2].severity.offical`.
    pub path: String,
    /// The keys allowed in that table.
    pub expected: &'static [&'static str],
    /// Byte offset of the key in the source.
    pub offset: usize,
    /// The id of the rule the key is in, when it is in a rule with an id.
    pub rule: Option<String>,
}

/// Every unknown key of a source, in source order; empty when the text is
/// not valid TOML (the parse error is reported instead) or has none.
pub(crate) fn unknown_keys(text: &str) -> Vec<UnknownKey> {
    let Ok(doc) = DeTable::parse(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    table(
        doc.get_ref(),
        "",
        TOP,
        &mut out,
        &|path, key, value, out| match key {
            "pack" => expect_table(value, path, PACK, out),
            "set" => {
                if let DeValue::Table(sets) = value.get_ref() {
                    for (name, list) in sets.iter() {
                        let p = format!("{path}.{}", name.get_ref());
                        expect_table(list, &p, TERM_LIST, out);
                    }
                }
            }
            "rule" => each_table(value, path, out, &|p, rule, out| {
                let first = out.len();
                table(rule, p, RULE, out, &rule_child);
                let id = rule.iter().find_map(|(k, v)| match v.get_ref() {
                    DeValue::String(id) if k.get_ref() == "id" => Some(id.to_string()),
                    _ => None,
                });
                for key in out.iter_mut().skip(first) {
                    key.rule.clone_from(&id);
                }
            }),
            _ => {}
        },
    );
    out.sort_by_key(|k| k.offset);
    out
}

/// A child visitor: (path of the child, key, value, output).
type Child<'a> = dyn Fn(&str, &str, &Spanned<DeValue<'_>>, &mut Vec<UnknownKey>) + 'a;

/// Checks the keys of one table against `allowed`, then visits each known child.
fn table(
    t: &DeTable<'_>,
    path: &str,
    allowed: &'static [&'static str],
    out: &mut Vec<UnknownKey>,
    child: &Child<'_>,
) {
    for (key, value) in t.iter() {
        let name = key.get_ref().as_ref();
        let p = if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        };
        if allowed.contains(&name) {
            child(&p, name, value, out);
        } else {
            out.push(UnknownKey {
                path: p,
                expected: allowed,
                offset: key.span().start,
                rule: None,
            });
        }
    }
}

/// A value that should be a table with `allowed` keys and plain values.
fn expect_table(
    value: &Spanned<DeValue<'_>>,
    path: &str,
    allowed: &'static [&'static str],
    out: &mut Vec<UnknownKey>,
) {
    if let DeValue::Table(t) = value.get_ref() {
        table(t, path, allowed, out, &|_, _, _, _| {});
    }
}

/// Each table of an array of tables (`[[rule]]`, `[[rule.near]]`).
fn each_table(
    value: &Spanned<DeValue<'_>>,
    path: &str,
    out: &mut Vec<UnknownKey>,
    visit: &dyn Fn(&str, &DeTable<'_>, &mut Vec<UnknownKey>),
) {
    if let DeValue::Array(items) = value.get_ref() {
        for (i, item) in items.iter().enumerate() {
            if let DeValue::Table(t) = item.get_ref() {
                visit(&format!("{path}[{i}]"), t, out);
            }
        }
    }
}

fn rule_child(path: &str, key: &str, value: &Spanned<DeValue<'_>>, out: &mut Vec<UnknownKey>) {
    match key {
        "severity" => expect_table(value, path, SEVERITY, out),
        "message" => expect_table(value, path, MESSAGE, out),
        "terms" | "except" => expect_table(value, path, TERM_LIST, out),
        "examples" => expect_table(value, path, EXAMPLES, out),
        "near" => each_table(value, path, out, &|p, near, out| {
            table(near, p, NEAR, out, &|p, key, value, out| {
                if matches!(key, "a" | "b" | "except") {
                    expect_table(value, p, TERM_LIST, out);
                }
            });
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unknown_key_is_found_where_it_is_written() {
        let text = "[pack]\nname = \"x\"\nauthor = \"me\"\n[set.a]\nen = [\"x\"]\nfr = [\"y\"]\n\
                    [[rule]]\nidd = \"x\"\nseverity = { offical = \"warn\" }\nterms = { english = [\"x\"] }\n\
                    [[rule.near]]\na = { en = [\"x\"], bengali = [\"y\"] }\nwithn = 3\n\
                    [rule.examples]\nflagged = [\"x\"]\n[extra]\n";
        let found: Vec<(String, usize)> = unknown_keys(text)
            .into_iter()
            .map(|k| (k.path, text[..k.offset].matches('\n').count() + 1))
            .collect();
        let want: Vec<(String, usize)> = [
            ("pack.author", 3),
            ("set.a.fr", 6),
            ("rule[0].idd", 8),
            ("rule[0].severity.offical", 9),
            ("rule[0].terms.english", 10),
            ("rule[0].near[0].a.bengali", 12),
            ("rule[0].near[0].withn", 13),
            ("rule[0].examples.flagged", 15),
            ("extra", 16),
        ]
        .into_iter()
        .map(|(p, l)| (p.to_owned(), l))
        .collect();
        assert_eq!(found, want);
    }

    /// The fields serde expects in a `raw` type, read from its
    /// unknown-field error.
    fn serde_fields<T: serde::de::DeserializeOwned + std::fmt::Debug>() -> Vec<String> {
        let err = toml::from_str::<T>("zzz_unknown = 1\n")
            .map(|v| panic!("accepted: {v:?}"))
            .unwrap_err();
        let message = err.message().to_owned();
        let list = message
            .split_once("expected one of ")
            .or_else(|| message.split_once("expected "))
            .map_or("", |(_, l)| l);
        list.replace("` or `", "`, `")
            .split(", ")
            .map(|f| f.trim().trim_matches('`').to_owned())
            .filter(|f| !f.is_empty())
            .collect()
    }

    #[test]
    fn the_schema_lists_exactly_the_fields_of_the_raw_types() {
        use super::super::raw::*;
        let sorted = |v: &[&str]| {
            let mut v: Vec<String> = v.iter().map(|s| (*s).to_owned()).collect();
            v.sort();
            v
        };
        let fields = |mut v: Vec<String>| {
            v.sort();
            v
        };
        assert_eq!(fields(serde_fields::<RawFile>()), sorted(TOP));
        assert_eq!(fields(serde_fields::<RawPackMeta>()), sorted(PACK));
        assert_eq!(fields(serde_fields::<RawTermList>()), sorted(TERM_LIST));
        assert_eq!(fields(serde_fields::<RawSeverity>()), sorted(SEVERITY));
        assert_eq!(fields(serde_fields::<RawMessage>()), sorted(MESSAGE));
        assert_eq!(fields(serde_fields::<RawNear>()), sorted(NEAR));
        assert_eq!(fields(serde_fields::<RawExamples>()), sorted(EXAMPLES));
        assert_eq!(fields(serde_fields::<RawRule>()), sorted(RULE));
    }

    #[test]
    fn a_valid_pack_and_invalid_toml_have_none() {
        assert!(unknown_keys("[pack]\nname = \"x\"\n[[rule]]\nid = \"a\"\n").is_empty());
        assert!(unknown_keys("[[rule]\n").is_empty());
    }
}
