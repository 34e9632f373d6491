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
    let err = |line: usize, path: &str, problem: Problem| ExportError {
        file: file.to_owned(),
        location: Some(Location {
            line,
            path: path.to_owned(),
        }),
        problem,
    };
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, col) = super::super::input::position(bytes, e.valid_up_to());
            return Err(vec![err(line, "", Problem::NotUtf8(col))]);
        }
    };
    let top: BTreeMap<String, &RawValue> = match serde_json::from_str::<Value>(text) {
        Err(e) => {
            let message = e.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m)
                .to_owned();
            return Err(vec![err(
                e.line().max(1),
                "",
                Problem::NotJson {
                    column: e.column().max(1),
                    message,
                },
            )]);
        }
        Ok(Value::Object(_)) => match serde_json::from_str(text) {
            Ok(map) => map,
            Err(_) => return Err(vec![err(1, "", Problem::WrongKind("an object".into()))]),
        },
        Ok(other) => {
            let found = match other {
                Value::Array(_) => "an array",
                Value::String(_) => "a string",
                Value::Number(_) => "a number",
                Value::Bool(_) => "true or false",
                _ => "null",
            };
            return Err(vec![err(1, "", Problem::WrongKind(found.into()))]);
        }
    };
    let fields = Fields {
        text,
        map: &top,
        prefix: String::new(),
    };
    let start = fields.object_line();
    let fail = |(line, path, problem): Fail| vec![err(line, &path, problem)];
    match fields.optional("kind") {
        Some(kind) if kind == KIND => {}
        Some(kind) if kind == OLD_KIND => {
            let (line, path, ()) = fields.at("kind");
            return Err(vec![err(line, &path, Problem::OverrideLog)]);
        }
        Some(kind) => {
            let (line, path, ()) = fields.at("kind");
            return Err(vec![err(line, &path, Problem::WrongKind(kind.to_string()))]);
        }
        None => {
            return Err(vec![err(
                start,
                "",
                Problem::WrongKind("no \"kind\"".into()),
            )])
        }
    }
    let version = fields.required("version").map_err(fail)?;
    if version.1 != VERSION {
        let (line, path, _) = fields.at("version");
        return Err(vec![err(
            line,
            &path,
            Problem::WrongVersion(version.1.to_string()),
        )]);
    }
    let mut errors = Vec::new();
    let exported_at = match fields.timestamp("exportedAt") {
        Ok(t) => Some(t),
        Err(f) => {
            errors.extend(fail(f));
            None
        }
    };
    if let Err(f) = fields.string("extensionVersion") {
        errors.extend(fail(f));
    }
    let raw_entries: Vec<&RawValue> = match top.get("entries") {
        None => {
            errors.push(err(start, "", Problem::Missing("entries")));
            Vec::new()
        }
        Some(raw) => match serde_json::from_str(raw.get()) {
            Ok(list) => list,
            Err(_) => {
                let (line, path, _) = fields.at("entries");
                errors.push(err(line, &path, Problem::IllTyped("an array of entries")));
                Vec::new()
            }
        },
    };
    let mut entries = Vec::with_capacity(raw_entries.len());
    for (i, raw) in raw_entries.iter().enumerate() {
        let path = format!("entries[{i}]");
        match entry(text, raw, path) {
            Ok(e) => entries.push(e),
            Err(f) => errors.extend(fail(f)),
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

/// One JSON object's fields, with enough to name their lines and paths.
struct Fields<'a> {
    text: &'a str,
    map: &'a BTreeMap<String, &'a RawValue>,
    prefix: String,
}

impl<'a> Fields<'a> {
    fn line_of_raw(&self, raw: &RawValue) -> usize {
        line_at(self.text, raw)
    }

    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    /// Line and path of a field (the object's own line and path when absent).
    fn at(&self, key: &str) -> (usize, String, ()) {
        match self.map.get(key) {
            Some(raw) => (self.line_of_raw(raw), self.path(key), ()),
            None => (self.object_line(), self.prefix.clone(), ()),
        }
    }

    /// The line of the object itself: that of its first field, or 1.
    fn object_line(&self) -> usize {
        self.map
            .values()
            .map(|raw| self.line_of_raw(raw))
            .min()
            .unwrap_or(1)
    }

    fn fail(&self, key: &str, problem: Problem) -> Fail {
        let (line, path, ()) = self.at(key);
        (line, path, problem)
    }

    /// A field that must be present (null counts as present), parsed as JSON.
    fn required(&self, key: &'static str) -> Result<(&'a RawValue, Value), Fail> {
        let raw = *self.map.get(key).ok_or_else(|| {
            (
                self.object_line(),
                self.prefix.clone(),
                Problem::Missing(key),
            )
        })?;
        let value = serde_json::from_str(raw.get())
            .map_err(|_| self.fail(key, Problem::IllTyped("valid JSON")))?;
        Ok((raw, value))
    }

    /// A field that may be absent or null.
    fn optional(&self, key: &str) -> Option<Value> {
        self.map
            .get(key)
            .and_then(|raw| serde_json::from_str(raw.get()).ok())
            .filter(|v: &Value| !v.is_null())
    }

    fn string(&self, key: &'static str) -> Result<String, Fail> {
        match self.required(key)?.1 {
            Value::String(s) => Ok(s),
            _ => Err(self.fail(key, Problem::IllTyped("a string"))),
        }
    }

    fn timestamp(&self, key: &'static str) -> Result<DateTime<Utc>, Fail> {
        let s = match self.required(key)?.1 {
            Value::String(s) => s,
            _ => {
                return Err(self.fail(
                    key,
                    Problem::IllTyped("a string like \"2026-11-30T09:58:00Z\""),
                ))
            }
        };
        DateTime::parse_from_rfc3339(&s)
            .map(|t| t.with_timezone(&Utc))
            .map_err(|_| self.fail(key, Problem::BadTimestamp(Value::String(s).to_string())))
    }

    fn one_of<T: Copy>(
        &self,
        key: &'static str,
        all: &[T],
        id: fn(T) -> &'static str,
    ) -> Result<T, Fail> {
        let s = match self.required(key)?.1 {
            Value::String(s) => s,
            _ => return Err(self.fail(key, Problem::IllTyped("a string"))),
        };
        all.iter().copied().find(|&v| id(v) == s).ok_or_else(|| {
            self.fail(
                key,
                Problem::Unknown {
                    value: Value::String(s).to_string(),
                    expected: all.iter().map(|&v| id(v)).collect::<Vec<_>>().join(", "),
                },
            )
        })
    }

    fn strings(&self, key: &'static str) -> Result<Vec<String>, Fail> {
        match self.required(key)?.1 {
            Value::Array(items) => items
                .into_iter()
                .map(|v| match v {
                    Value::String(s) => Ok(s),
                    _ => Err(self.fail(key, Problem::IllTyped("an array of strings"))),
                })
                .collect(),
            _ => Err(self.fail(key, Problem::IllTyped("an array of strings"))),
        }
    }
}

/// The 1-based line where `raw`, a value borrowed from `text`, starts.
fn line_at(text: &str, raw: &RawValue) -> usize {
    let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let before = text.get(..offset).unwrap_or(text);
    before.bytes().filter(|&b| b == b'\n').count() + 1
}

/// Parses one raw value into a map of its fields, or reports it is not an object.
fn object<'a>(
    text: &str,
    raw: &'a RawValue,
    path: &str,
) -> Result<BTreeMap<String, &'a RawValue>, Fail> {
    serde_json::from_str(raw.get()).map_err(|_| {
        (
            line_at(text, raw),
            path.to_owned(),
            Problem::IllTyped("an object"),
        )
    })
}

/// Validates one entry.
fn entry(text: &str, raw: &RawValue, path: String) -> Result<Entry, Fail> {
    let map = object(text, raw, &path)?;
    let f = Fields {
        text,
        map: &map,
        prefix: path,
    };
    let at = f.timestamp("at")?;
    let context = f.one_of(
        "context",
        &[Context::Official, Context::Personal],
        Context::id,
    )?;
    let page = match f.map.get("page") {
        None => None,
        Some(raw) if raw.get() == "null" => None,
        Some(raw) => {
            let page_path = f.path("page");
            let map = object(text, raw, &page_path)?;
            let p = Fields {
                text,
                map: &map,
                prefix: page_path,
            };
            let id = p.string("id")?;
            if id.trim().is_empty() {
                return Err(p.fail("id", Problem::IllTyped("a non-empty string")));
            }
            let name = match p.optional("name") {
                None => String::new(),
                Some(Value::String(s)) => s,
                Some(_) => return Err(p.fail("name", Problem::IllTyped("a string or null"))),
            };
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
                f.fail(
                    "categories",
                    Problem::Unknown {
                        value: Value::String(s).to_string(),
                        expected: Category::ALL.map(Category::id).join(", "),
                    },
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let rules = f.strings("rules")?;
    let reason = match f.optional("reason") {
        None => String::new(),
        Some(Value::String(s)) => s,
        Some(_) => return Err(f.fail("reason", Problem::IllTyped("a string or null"))),
    };
    let false_alarms = match f.map.get("falseAlarms") {
        None => Vec::new(),
        Some(raw) if raw.get() == "null" => Vec::new(),
        Some(raw) => {
            let fa_path = f.path("falseAlarms");
            let items: Vec<&RawValue> = serde_json::from_str(raw.get()).map_err(|_| {
                (
                    line_at(text, raw),
                    fa_path.clone(),
                    Problem::IllTyped("an array of {\"rule\", \"term\"} objects"),
                )
            })?;
            let mut out = Vec::with_capacity(items.len());
            for (j, item) in items.into_iter().enumerate() {
                let item_path = format!("{fa_path}[{j}]");
                let map = object(text, item, &item_path)?;
                let a = Fields {
                    text,
                    map: &map,
                    prefix: item_path,
                };
                out.push(FalseAlarm {
                    rule: a.string("rule")?,
                    term: a.string("term")?,
                });
            }
            out
        }
    };
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
