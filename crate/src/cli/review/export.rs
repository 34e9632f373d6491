//! Reading and validating activity exports (`"kind": "sotorko-activity"`,
//! version 1), as written by the extension's options page.
//!
//! Every problem is reported with the file, the line and, inside `entries`,
//! the entry's index and field (`entries[2].outcome`), so an administrator
//! can find it. Unknown fields are ignored, so a newer extension can add
//! fields without breaking older tools; unknown values of known fields
//! (an outcome, a category) are errors, because they cannot be counted.

use chrono::{DateTime, Utc};
use serde_json::value::RawValue;
use serde_json::Value;
use sotorko::{Category, Context};
use std::collections::BTreeMap;
use std::fmt;

/// The `kind` every export carries.
pub const KIND: &str = "sotorko-activity";
/// The `kind` of the override log that the activity log replaced.
pub const OLD_KIND: &str = "sotorko-override-log";
/// The only export version this tool reads.
pub const VERSION: u64 = 1;

/// One export file, validated.
#[derive(Debug, Clone)]
pub struct Export {
    /// When the export was written.
    pub exported_at: DateTime<Utc>,
    /// Its entries, in file order.
    pub entries: Vec<Entry>,
}

/// One post attempt that the extension saw.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Entry {
    /// When it happened, in UTC.
    pub at: DateTime<Utc>,
    /// Official or personal.
    pub context: Context,
    /// The office page, when known.
    pub page: Option<Page>,
    /// Where the text was written.
    pub surface: Surface,
    /// What became of the post.
    pub outcome: Outcome,
    /// Categories of the findings.
    pub categories: Vec<Category>,
    /// Rule ids of the findings.
    pub rules: Vec<String>,
    /// The reason given for "Post anyway" (may be empty).
    pub reason: String,
    /// "Not a problem here" reports.
    pub false_alarms: Vec<FalseAlarm>,
}

/// An office page as the export names it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Page {
    /// Facebook's page id (a string: ids exceed what JSON numbers hold exactly).
    pub id: String,
    /// The page's name as seen then (untrusted text).
    pub name: String,
}

/// One "Not a problem here" report: a rule and the matched term, never the post.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FalseAlarm {
    /// The rule id.
    pub rule: String,
    /// The matched term.
    pub term: String,
}

/// Where the text was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Surface {
    /// A post.
    Post,
    /// A comment.
    Comment,
    /// A reply to a comment.
    Reply,
    /// A post in Meta Business Suite.
    Business,
}

/// What became of a post attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Outcome {
    /// Nothing held it; it was posted.
    Posted,
    /// Held, then changed and posted.
    HeldEdited,
    /// Held, then posted anyway.
    HeldPosted,
    /// Held, then cancelled.
    HeldCancelled,
}

impl Outcome {
    /// Every outcome, in contract order.
    pub const ALL: [Outcome; 4] = [
        Outcome::Posted,
        Outcome::HeldEdited,
        Outcome::HeldPosted,
        Outcome::HeldCancelled,
    ];

    /// The outcome's place in [`Outcome::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The contract id, e.g. `held-edited`.
    pub fn id(self) -> &'static str {
        match self {
            Outcome::Posted => "posted",
            Outcome::HeldEdited => "held-edited",
            Outcome::HeldPosted => "held-posted",
            Outcome::HeldCancelled => "held-cancelled",
        }
    }

    /// Whether the post went out.
    pub fn went_out(self) -> bool {
        self != Outcome::HeldCancelled
    }
}

impl Surface {
    const ALL: [Surface; 4] = [
        Surface::Post,
        Surface::Comment,
        Surface::Reply,
        Surface::Business,
    ];

    fn id(self) -> &'static str {
        match self {
            Surface::Post => "post",
            Surface::Comment => "comment",
            Surface::Reply => "reply",
            Surface::Business => "business",
        }
    }
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// 1-based line.
    pub line: usize,
    /// The JSON path of the value, e.g. `entries[2].outcome`; empty for the file itself.
    pub path: String,
}

/// A problem with one export file.
#[derive(Debug, thiserror::Error)]
pub struct ExportError {
    /// The file as named on the command line.
    pub file: String,
    /// Where in it, when the file could be read.
    pub location: Option<Location>,
    /// What is wrong.
    pub problem: Problem,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            None => write!(f, "{}: {}", self.file, self.problem),
            Some(Location { line, path }) if path.is_empty() => {
                write!(f, "{}: line {line}: {}", self.file, self.problem)
            }
            Some(Location { line, path }) => {
                write!(f, "{}: line {line}: {path}: {}", self.file, self.problem)
            }
        }
    }
}

/// What is wrong with an export.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file could not be read.
    #[error("cannot read the file: {0}")]
    Unreadable(#[source] std::io::Error),
    /// Bytes that are not UTF-8.
    #[error("not valid UTF-8 (column {0})")]
    NotUtf8(usize),
    /// Not JSON at all.
    #[error("not valid JSON (column {column}): {message}")]
    NotJson {
        /// 1-based column.
        column: usize,
        /// serde_json's description.
        message: String,
    },
    /// Valid JSON that is not an object with `kind: "sotorko-activity"`.
    #[error("not a Sotorko activity export: expected \"kind\": \"{KIND}\", found {0} (export the activity log from the extension's options page)")]
    WrongKind(String),
    /// The "Post anyway" log of extensions before the activity log.
    #[error("this is the \"Post anyway\" log of an older Sotorko (\"kind\": \"{OLD_KIND}\"); update the extension and export its activity log, which includes it")]
    OverrideLog,
    /// An export of another version.
    #[error("unsupported export version {0}; this sotorko reads version {VERSION}")]
    WrongVersion(String),
    /// A required field is absent.
    #[error("missing field `{0}`")]
    Missing(&'static str),
    /// A field of the wrong JSON type.
    #[error("must be {0}")]
    IllTyped(&'static str),
    /// A timestamp that is not RFC 3339.
    #[error("{0} is not a timestamp like \"2026-11-30T09:58:00Z\" (RFC 3339 with Z or an offset)")]
    BadTimestamp(String),
    /// A value outside the contract's list.
    #[error("unknown value {value}; expected one of {expected}")]
    Unknown {
        /// The value as written.
        value: String,
        /// The accepted values.
        expected: String,
    },
}

/// Reads one export from its bytes. Returns every problem found (entries are
/// all checked, so one run lists every bad entry).
pub fn parse(file: &str, bytes: &[u8]) -> Result<Export, Vec<ExportError>> {
    let err = |(line, path, problem): Fail| ExportError {
        file: file.to_owned(),
        location: Some(Location { line, path }),
        problem,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, col) = super::super::input::position(bytes, e.valid_up_to());
            return Err(vec![err((line, String::new(), Problem::NotUtf8(col)))]);
        }
    };
    let src = Source::new(text);
    let top = top_object(text).map_err(|f| vec![err(f)])?;
    let fields = Fields {
        src: &src,
        map: &top,
        prefix: String::new(),
    };
    check_kind(&fields).map_err(|f| vec![err(f)])?;
    let mut errors = Vec::new();
    let exported_at = fields
        .timestamp("exportedAt")
        .map_err(|f| errors.push(err(f)))
        .ok();
    if let Err(f) = fields.string("extensionVersion") {
        errors.push(err(f));
    }
    let raw_entries: Vec<&RawValue> = match top.get("entries") {
        None => {
            errors.push(err(fields.missing("entries")));
            Vec::new()
        }
        Some(raw) => serde_json::from_str(raw.get()).unwrap_or_else(|_| {
            errors.push(err(
                fields.fail("entries", Problem::IllTyped("an array of entries"))
            ));
            Vec::new()
        }),
    };
    let mut entries = Vec::with_capacity(raw_entries.len());
    for (i, raw) in raw_entries.into_iter().enumerate() {
        match entry(&src, raw, format!("entries[{i}]")) {
            Ok(e) => entries.push(e),
            Err(f) => errors.push(err(f)),
        }
    }
    match exported_at {
        Some(exported_at) if errors.is_empty() => Ok(Export {
            exported_at,
            entries,
        }),
        _ => Err(errors),
    }
}

/// A problem found inside the JSON: line, JSON path and what is wrong.
type Fail = (usize, String, Problem);

/// The file's top-level object, field by field, or why it is not one.
fn top_object(text: &str) -> Result<BTreeMap<String, &RawValue>, Fail> {
    match serde_json::from_str::<Value>(text) {
        Err(e) => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_owned();
            let column = e.column().max(1);
            Err((
                e.line().max(1),
                String::new(),
                Problem::NotJson { column, message },
            ))
        }
        Ok(Value::Object(_)) => serde_json::from_str(text)
            .map_err(|_| (1, String::new(), Problem::WrongKind("an object".into()))),
        Ok(other) => {
            let found = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "true or false",
                _ => "null",
            };
            Err((1, String::new(), Problem::WrongKind(found.into())))
        }
    }
}

/// Checks `kind` and `version`.
fn check_kind(fields: &Fields<'_, '_>) -> Result<(), Fail> {
    match fields.optional("kind") {
        Some(kind) if kind == KIND => {}
        Some(kind) if kind == OLD_KIND => return Err(fields.fail("kind", Problem::OverrideLog)),
        Some(kind) => {
            return Err(fields.fail("kind", Problem::WrongKind(kind.to_string())));
        }
        None => {
            let (line, path) = fields.at("kind");
            return Err((line, path, Problem::WrongKind("no \"kind\"".into())));
        }
    }
    let version = fields.required("version")?;
    if version != VERSION {
        return Err(fields.fail("version", Problem::WrongVersion(version.to_string())));
    }
    Ok(())
}

/// A file's text and where its lines start, to name the line of any value
/// borrowed from it in O(log n).
struct Source<'a> {
    text: &'a str,
    line_starts: Vec<usize>,
}

impl<'a> Source<'a> {
    fn new(text: &'a str) -> Source<'a> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Source { text, line_starts }
    }

    /// The 1-based line where `raw`, a value borrowed from the text, starts.
    fn line_of(&self, raw: &RawValue) -> usize {
        let offset = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        self.line_starts
            .partition_point(|&start| start <= offset)
            .max(1)
    }

    /// One JSON object's fields, or a problem at `path`.
    fn object<'r>(
        &self,
        raw: &'r RawValue,
        path: &str,
    ) -> Result<BTreeMap<String, &'r RawValue>, Fail> {
        serde_json::from_str(raw.get()).map_err(|_| {
            (
                self.line_of(raw),
                path.to_owned(),
                Problem::IllTyped("an object"),
            )
        })
    }
}

/// One JSON object's fields, with enough to name their lines and paths.
struct Fields<'s, 'r> {
    src: &'s Source<'s>,
    map: &'s BTreeMap<String, &'r RawValue>,
    /// The object's own path (`entries[2]`); empty for the file.
    prefix: String,
}

impl Fields<'_, '_> {
    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// Line and path of a field; the object's own when the field is absent.
    fn at(&self, key: &str) -> (usize, String) {
        match self.map.get(key) {
            Some(raw) => (self.src.line_of(raw), self.path(key)),
            None => (self.object_line(), self.prefix.clone()),
        }
    }

    /// The line of the object: that of its first field, or 1.
    fn object_line(&self) -> usize {
        self.map
            .values()
            .map(|raw| self.src.line_of(raw))
            .min()
            .unwrap_or(1)
    }

    fn fail(&self, key: &str, problem: Problem) -> Fail {
        let (line, path) = self.at(key);
        (line, path, problem)
    }

    fn missing(&self, key: &'static str) -> Fail {
        (
            self.object_line(),
            self.prefix.clone(),
            Problem::Missing(key),
        )
    }

    /// A field that must be present (null counts as present).
    fn required(&self, key: &'static str) -> Result<Value, Fail> {
        let raw = self.map.get(key).ok_or_else(|| self.missing(key))?;
        serde_json::from_str(raw.get()).map_err(|_| self.fail(key, Problem::IllTyped("valid JSON")))
    }

    /// A field that may be absent or null.
    fn optional(&self, key: &str) -> Option<Value> {
        self.map
            .get(key)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .filter(|v: &Value| !v.is_null())
    }

    fn string(&self, key: &'static str) -> Result<String, Fail> {
        match self.required(key)? {
            Value::String(s) => Ok(s),
            _ => Err(self.fail(key, Problem::IllTyped("a string"))),
        }
    }

    /// A string field that may be absent or null (then empty).
    fn optional_string(&self, key: &str) -> Result<String, Fail> {
        match self.optional(key) {
            None => Ok(String::new()),
            Some(Value::String(s)) => Ok(s),
            Some(_) => Err(self.fail(key, Problem::IllTyped("a string or null"))),
        }
    }

    fn timestamp(&self, key: &'static str) -> Result<DateTime<Utc>, Fail> {
        let s = match self.required(key)? {
            Value::String(s) => s,
            _ => {
                let expected = "a string like \"2026-11-30T09:58:00Z\"";
                return Err(self.fail(key, Problem::IllTyped(expected)));
            }
        };
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| self.fail(key, Problem::BadTimestamp(Value::String(s).to_string())))
    }

    /// A string field whose value is one of `all` (by `id`).
    fn one_of<T: Copy>(
        &self,
        key: &'static str,
        all: &[T],
        id: fn(T) -> &'static str,
    ) -> Result<T, Fail> {
        let s = self.string(key)?;
        all.iter().copied().find(|&v| id(v) == s).ok_or_else(|| {
            let expected = all.iter().map(|&v| id(v)).collect::<Vec<_>>().join(", ");
            let value = Value::String(s).to_string();
            self.fail(key, Problem::Unknown { value, expected })
        })
    }

    fn strings(&self, key: &'static str) -> Result<Vec<String>, Fail> {
        let bad = || self.fail(key, Problem::IllTyped("an array of strings"));
        match self.required(key)? {
            Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(bad()),
                })
                .collect(),
            _ => Err(bad()),
        }
    }

    /// A nested object field, absent or null as `None`.
    fn nested(&self, key: &str) -> Result<Option<BTreeMap<String, &RawValue>>, Fail> {
        match self.map.get(key) {
            None => Ok(None),
            Some(raw) if raw.get() == "null" => Ok(None),
            Some(raw) => self.src.object(raw, &self.path(key)).map(Some),
        }
    }
}

/// Validates one entry.
fn entry(src: &Source<'_>, raw: &RawValue, path: String) -> Result<Entry, Fail> {
    let map = src.object(raw, &path)?;
    let f = Fields {
        src,
        map: &map,
        prefix: path,
    };
    let at = f.timestamp("at")?;
    let context = f.one_of(
        "context",
        &[Context::Official, Context::Personal],
        Context::id,
    )?;
    let page = match f.nested("page")? {
        None => None,
        Some(map) => {
            let p = Fields {
                src,
                map: &map,
                prefix: f.path("page"),
            };
            let id = p.string("id")?;
            if id.trim().is_empty() {
                return Err(p.fail("id", Problem::IllTyped("a non-empty string")));
            }
            let name = p.optional_string("name")?;
            Some(Page { id, name })
        }
    };
    let surface = f.one_of("surface", &Surface::ALL, Surface::id)?;
    let outcome = f.one_of("outcome", &Outcome::ALL, Outcome::id)?;
    let categories = f
        .strings("categories")?
        .into_iter()
        .map(|s| {
            s.parse::<Category>().map_err(|_| {
                let value = Value::String(s).to_string();
                let expected = Category::ALL.map(Category::id).join(", ");
                f.fail("categories", Problem::Unknown { value, expected })
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rules = f.strings("rules")?;
    let reason = f.optional_string("reason")?;
    let false_alarms = false_alarms(&f)?;
    Ok(Entry {
        at,
        context,
        page,
        surface,
        outcome,
        categories,
        rules,
        reason,
        false_alarms,
    })
}

/// An entry's `falseAlarms`: absent or null means none.
fn false_alarms(f: &Fields<'_, '_>) -> Result<Vec<FalseAlarm>, Fail> {
    let raw = match f.map.get("falseAlarms") {
        None => return Ok(Vec::new()),
        Some(raw) if raw.get() == "null" => return Ok(Vec::new()),
        Some(raw) => *raw,
    };
    let path = f.path("falseAlarms");
    let items: Vec<&RawValue> = serde_json::from_str(raw.get()).map_err(|_| {
        let expected = "an array of {\"rule\", \"term\"} objects";
        (
            f.src.line_of(raw),
            path.clone(),
            Problem::IllTyped(expected),
        )
    })?;
    let mut out = Vec::with_capacity(items.len());
    for (j, item) in items.into_iter().enumerate() {
        let item_path = format!("{path}[{j}]");
        let map = f.src.object(item, &item_path)?;
        let a = Fields {
            src: f.src,
            map: &map,
            prefix: item_path,
        };
        out.push(FalseAlarm {
            rule: a.string("rule")?,
            term: a.string("term")?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const GOOD: &str = r#"{"kind": "sotorko-activity", "version": 1, "exportedAt": "2026-11-30T10:00:00Z", "extensionVersion": "0.2.0",
 "entries": [{"at": "2026-11-30T09:58:00Z", "context": "official", "page": {"id": "1000", "name": "DC Office"},
   "surface": "post", "outcome": "held-edited", "categories": ["political"], "rules": ["political.party-campaign"],
   "reason": "", "falseAlarms": [{"rule": "political.party-campaign", "term": "নৌকা"}]}]}"#;

    fn problems(text: &str) -> Vec<String> {
        match parse("f.json", text.as_bytes()) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_contract_example_parses() {
        let export = parse("f.json", GOOD.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        let entry = &export.entries[0];
        assert_eq!(entry.outcome, Outcome::HeldEdited);
        assert_eq!(
            entry.page.as_ref().map(|p| p.name.as_str()),
            Some("DC Office")
        );
        assert_eq!(entry.false_alarms[0].term, "নৌকা");
        // Milliseconds and offsets, as browsers and people write them.
        let text = GOOD.replace("2026-11-30T09:58:00Z", "2026-11-30T15:58:00.123+06:00");
        let export = parse("f.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            export.entries[0].at.to_rfc3339(),
            "2026-11-30T09:58:00.123+00:00"
        );
    }

    #[test]
    fn optional_fields_may_be_absent_or_null() {
        let text = GOOD
            .replace(
                r#""page": {"id": "1000", "name": "DC Office"}"#,
                r#""page": null"#,
            )
            .replace(r#""reason": "", "#, "")
            .replace(
                r#""falseAlarms": [{"rule": "political.party-campaign", "term": "নৌকা"}]"#,
                r#""falseAlarms": null"#,
            );
        let export = parse("f.json", text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(export.entries[0].page, None);
        assert!(export.entries[0].false_alarms.is_empty());
    }

    #[test]
    fn problems_name_the_line_and_the_entry_field() {
        let text = GOOD.replace(r#""outcome": "held-edited""#, r#""outcome": "sent""#);
        assert_eq!(
            problems(&text),
            ["f.json: line 3: entries[0].outcome: unknown value \"sent\"; expected one of posted, held-edited, held-posted, held-cancelled"]
        );
        let text = GOOD.replace(r#""id": "1000""#, r#""id": 1000"#);
        assert_eq!(
            problems(&text),
            ["f.json: line 2: entries[0].page.id: must be a string"]
        );
        let text = GOOD.replace(r#""term": "নৌকা""#, r#""word": "নৌকা""#);
        assert_eq!(
            problems(&text),
            ["f.json: line 4: entries[0].falseAlarms[0]: missing field `term`"]
        );
        // A whole export on one line: still line 1, the path tells the entry.
        let text = GOOD.replace('\n', " ").replace(
            r#""at": "2026-11-30T09:58:00Z""#,
            r#""at": "2026-11-31T09:58:00Z""#,
        );
        assert_eq!(problems(&text).len(), 1);
        assert!(problems(&text)[0].starts_with(
            "f.json: line 1: entries[0].at: \"2026-11-31T09:58:00Z\" is not a timestamp"
        ));
    }

    #[test]
    fn outcome_index_is_its_place_in_all() {
        for (i, o) in Outcome::ALL.into_iter().enumerate() {
            assert_eq!(o.index(), i);
        }
    }

    #[test]
    fn a_byte_order_mark_is_allowed() {
        let text = format!("\u{FEFF}{GOOD}");
        assert!(parse("f.json", text.as_bytes()).is_ok());
    }

    proptest! {
        #[test]
        fn any_bytes_give_an_export_or_named_problems(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            if let Err(errors) = parse("f.json", &bytes) {
                prop_assert!(!errors.is_empty());
                for e in errors {
                    prop_assert!(e.to_string().starts_with("f.json: "));
                }
            }
        }

        #[test]
        fn any_json_in_any_field_gives_an_export_or_named_problems(
            field in prop::sample::select(vec!["\"at\"", "\"context\"", "\"page\"", "\"surface\"", "\"outcome\"",
                "\"categories\"", "\"rules\"", "\"reason\"", "\"falseAlarms\"", "\"id\"", "\"name\"", "\"rule\"",
                "\"term\"", "\"kind\"", "\"version\"", "\"exportedAt\"", "\"entries\""]),
            value in prop::sample::select(vec!["null", "1", "-0.5", "true", "\"\"", "\"x\"", "[]", "[1]", "[\"x\"]",
                "{}", "{\"id\": \"1\"}", "\"2026-11-30T09:58:00Z\"", "[{}]", "[{\"rule\": \"r\", \"term\": 2}]"]),
        ) {
            // Replace the value after the first occurrence of the key.
            let Some(start) = GOOD.find(&format!("{field}: ")) else { return Ok(()) };
            let value_start = start + field.len() + 2;
            let rest = &GOOD[value_start..];
            let mut stream = serde_json::Deserializer::from_str(rest).into_iter::<Value>();
            let _ = stream.next();
            let len = stream.byte_offset();
            let text = format!("{}{value}{}", &GOOD[..value_start], &rest[len..]);
            if let Err(errors) = parse("f.json", text.as_bytes()) {
                for e in errors {
                    let s = e.to_string();
                    prop_assert!(s.starts_with("f.json: line "), "{}", s);
                }
            }
        }
    }
}
