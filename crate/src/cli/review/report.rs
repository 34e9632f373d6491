//! Merging exports and counting one quarter: the numbers behind every format.

use super::export::{Entry, Export, FalseAlarm, Outcome};
use super::quarter::{monday_of, IsoWeek, Quarter};
use chrono::{DateTime, TimeDelta, Utc};
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use sotorko::Category;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Posts a week that meet the guideline's "update the page twice a week".
pub const CADENCE: u64 = 2;

/// Entries merged from several exports.
#[derive(Debug, Clone)]
pub struct Merged {
    /// Every distinct entry (see [`merge`] for what "distinct" means).
    pub entries: Vec<Entry>,
    /// How many files were read.
    pub files: usize,
    /// Entries in all files before merging.
    pub read: usize,
    /// The earliest and latest `exportedAt`.
    pub exported: Option<(DateTime<Utc>, DateTime<Utc>)>,
}

impl Merged {
    /// Entries that appeared in more than one file and were counted once.
    pub fn duplicates(&self) -> usize {
        self.read - self.entries.len()
    }
}

/// Merges exports. An entry identical in every field to one in another file
/// is the same post attempt seen twice (the same export given twice, or two
/// exports of one browser whose periods overlap): it counts once. Identical
/// entries within one file are distinct attempts, so each entry counts as
/// many times as the file that holds it most often.
pub fn merge(exports: &[Export]) -> Merged {
    let mut most: HashMap<&Entry, usize> = HashMap::new();
    let mut order: Vec<&Entry> = Vec::new();
    for export in exports {
        let mut here: HashMap<&Entry, usize> = HashMap::new();
        for entry in &export.entries {
            *here.entry(entry).or_default() += 1;
        }
        for entry in &export.entries {
            if let Some(n) = here.remove(entry) {
                let m = most.entry(entry).or_insert_with(|| {
                    order.push(entry);
                    0
                });
                *m = (*m).max(n);
            }
        }
    }
    let entries = order
        .into_iter()
        .flat_map(|e| std::iter::repeat_n(e, most.get(e).copied().unwrap_or(1)))
        .cloned()
        .collect();
    let exported = exports
        .iter()
        .map(|e| e.exported_at)
        .fold(None, |acc, t| match acc {
            None => Some((t, t)),
            Some((lo, hi)) => Some((t.min(lo), t.max(hi))),
        });
    Merged {
        entries,
        files: exports.len(),
        read: exports.iter().map(|e| e.entries.len()).sum(),
        exported,
    }
}

/// The quarter of the latest entry, or of the latest export when no file has
/// an entry; `None` without any file.
pub fn default_quarter(merged: &Merged) -> Option<Quarter> {
    merged
        .entries
        .iter()
        .map(|e| e.at)
        .max()
        .or(merged.exported.map(|(_, last)| last))
        .map(Quarter::of)
}

/// One page's numbers for the quarter (the JSON contract's `pages[]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRow {
    /// The page id; `None` groups entries without a page.
    pub id: Option<String>,
    /// The latest name seen for the page up to the quarter's end.
    pub name: Option<String>,
    /// Entries that went out: posted, held-edited, held-posted.
    pub posts: u64,
    /// Posts in each of the quarter's ISO weeks (days in the quarter only).
    pub per_week: Vec<u64>,
    /// Entries per outcome, in [`Outcome::ALL`] order.
    pub outcomes: [u64; 4],
    /// Entries per category, in [`Category::ALL`] order.
    pub by_category: [u64; 9],
    /// When posts went out in the quarter, in time order.
    pub post_times: Vec<DateTime<Utc>>,
}

impl PageRow {
    fn new(id: Option<String>, name: Option<String>, weeks: usize) -> PageRow {
        PageRow {
            id,
            name,
            posts: 0,
            per_week: vec![0; weeks],
            outcomes: [0; 4],
            by_category: [0; 9],
            post_times: Vec::new(),
        }
    }

    /// The ISO weeks the quarter touches.
    pub fn weeks(&self) -> usize {
        self.per_week.len()
    }

    /// Weeks with at least [`CADENCE`] posts.
    pub fn weeks_at_cadence(&self) -> usize {
        self.per_week.iter().filter(|&&n| n >= CADENCE).count()
    }

    /// Entries with one of the three `held-*` outcomes.
    pub fn held(&self) -> u64 {
        self.outcomes[1..].iter().sum()
    }

    /// Stretches without a post between `from` and `to` (the part of the
    /// quarter the exports cover): before the first post, between posts and
    /// after the last, longest first.
    pub fn silences(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<TimeDelta> {
        let mut times: Vec<DateTime<Utc>> = self.post_times.clone();
        times.sort_unstable();
        let mut edges = vec![from];
        edges.extend(times.into_iter().filter(|t| (from..to).contains(t)));
        edges.push(to);
        let mut gaps: Vec<TimeDelta> = edges.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable_by(|a, b| b.cmp(a));
        gaps
    }

    /// Entries with one outcome.
    pub fn outcome(&self, outcome: Outcome) -> u64 {
        self.outcomes.get(outcome.index()).copied().unwrap_or(0)
    }
}

/// One rule and term reported as "Not a problem here", with how often.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FalseAlarmRow {
    /// The rule id.
    pub rule: String,
    /// The matched term.
    pub term: String,
    /// Reports in the quarter.
    pub count: u64,
}

/// One quarter's review, merged over all files.
#[derive(Debug, Clone)]
pub struct Review {
    /// The quarter.
    pub quarter: Quarter,
    /// Its ISO weeks.
    pub weeks: Vec<IsoWeek>,
    /// Pages by id, then the group without a page.
    pub pages: Vec<PageRow>,
    /// False-alarm reports, most frequent first.
    pub false_alarms: Vec<FalseAlarmRow>,
    /// All entries of the quarter, as one row.
    pub total: PageRow,
    /// Entries per rule id, most frequent first.
    pub rules: Vec<(String, u64)>,
    /// Entries in the quarter.
    pub entries: usize,
}

/// Counts the entries of `quarter`. Pages seen in any entry up to the
/// quarter's end are listed, with zeros when silent in the quarter, so a
/// page that stopped posting shows up; entries without a page form the last
/// row, present only when there are such entries in the quarter.
pub fn review(merged: &Merged, quarter: Quarter) -> Review {
    let weeks = quarter.weeks();
    let mut names: BTreeMap<&str, (DateTime<Utc>, &str)> = BTreeMap::new();
    for e in &merged.entries {
        if let Some(page) = e.page.as_ref().filter(|_| quarter.not_after(e.at)) {
            let seen = names.entry(&page.id).or_insert((e.at, &page.name));
            if (e.at, page.name.as_str()) > *seen {
                *seen = (e.at, &page.name);
            }
        }
    }
    let mut pages: BTreeMap<&str, PageRow> = names
        .iter()
        .map(|(&id, &(_, name))| {
            let row = PageRow::new(Some(id.to_owned()), Some(name.to_owned()), weeks.len());
            (id, row)
        })
        .collect();
    let mut unknown = PageRow::new(None, None, weeks.len());
    let mut total = PageRow::new(None, None, weeks.len());
    let mut rules: BTreeMap<&str, u64> = BTreeMap::new();
    let mut alarms: BTreeMap<&FalseAlarm, u64> = BTreeMap::new();
    let mut entries = 0;
    let mut unknown_seen = false;
    for e in merged.entries.iter().filter(|e| quarter.contains(e.at)) {
        entries += 1;
        let row = match &e.page {
            Some(page) => pages.get_mut(page.id.as_str()),
            None => {
                unknown_seen = true;
                Some(&mut unknown)
            }
        };
        let week = weeks
            .iter()
            .position(|w| w.monday == monday_of(e.at.date_naive()));
        for row in row.into_iter().chain([&mut total]) {
            count(row, e, week);
        }
        for rule in e.rules.iter().collect::<BTreeSet<_>>() {
            *rules.entry(rule).or_default() += 1;
        }
        for alarm in e.false_alarms.iter().collect::<BTreeSet<_>>() {
            *alarms.entry(alarm).or_default() += 1;
        }
    }
    let mut pages: Vec<PageRow> = pages.into_values().collect();
    if unknown_seen {
        pages.push(unknown);
    }
    let mut rules: Vec<(String, u64)> = rules
        .into_iter()
        .map(|(rule, n)| (rule.to_owned(), n))
        .collect();
    rules.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut false_alarms: Vec<FalseAlarmRow> = alarms
        .into_iter()
        .map(|(a, count)| FalseAlarmRow {
            rule: a.rule.clone(),
            term: a.term.clone(),
            count,
        })
        .collect();
    false_alarms.sort_by_key(|a| std::cmp::Reverse(a.count));
    Review {
        quarter,
        weeks,
        pages,
        false_alarms,
        total,
        rules,
        entries,
    }
}

/// Adds one entry of the quarter to a row.
fn count(row: &mut PageRow, e: &Entry, week: Option<usize>) {
    if let Some(n) = row.outcomes.get_mut(e.outcome.index()) {
        *n += 1;
    }
    if e.outcome.went_out() {
        row.posts += 1;
        row.post_times.push(e.at);
        if let Some(n) = week.and_then(|w| row.per_week.get_mut(w)) {
            *n += 1;
        }
    }
    for c in e.categories.iter().collect::<BTreeSet<_>>() {
        if let Some(n) = Category::ALL
            .iter()
            .position(|a| a == c)
            .and_then(|i| row.by_category.get_mut(i))
        {
            *n += 1;
        }
    }
}

impl Serialize for Review {
    /// The `--format json` contract: `{"quarter", "pages", "falseAlarms"}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Review", 3)?;
        out.serialize_field("quarter", &self.quarter.to_string())?;
        out.serialize_field("pages", &self.pages)?;
        out.serialize_field("falseAlarms", &self.false_alarms)?;
        out.end()
    }
}

impl Serialize for PageRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("Page", 10)?;
        out.serialize_field("id", &self.id)?;
        out.serialize_field("name", &self.name)?;
        out.serialize_field("posts", &self.posts)?;
        out.serialize_field("weeks", &self.weeks())?;
        out.serialize_field("weeksAtCadence", &self.weeks_at_cadence())?;
        out.serialize_field("held", &self.held())?;
        out.serialize_field("heldEdited", &self.outcome(Outcome::HeldEdited))?;
        out.serialize_field("heldPosted", &self.outcome(Outcome::HeldPosted))?;
        out.serialize_field("heldCancelled", &self.outcome(Outcome::HeldCancelled))?;
        out.serialize_field("byCategory", &ByCategory(&self.by_category))?;
        out.end()
    }
}

/// Every category with its count, in guideline order.
struct ByCategory<'a>(&'a [u64; 9]);

impl Serialize for ByCategory<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_map(Some(9))?;
        for (c, n) in Category::ALL.iter().zip(self.0) {
            out.serialize_entry(c.id(), n)?;
        }
        out.end()
    }
}

impl Serialize for FalseAlarmRow {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut out = s.serialize_struct("FalseAlarm", 3)?;
        out.serialize_field("rule", &self.rule)?;
        out.serialize_field("term", &self.term)?;
        out.serialize_field("count", &self.count)?;
        out.end()
    }
}

#[cfg(test)]
mod tests {
    use super::super::export::{Page, Surface};
    use super::*;
    use sotorko::Context;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .unwrap_or_else(|e| panic!("{e}"))
            .with_timezone(&Utc)
    }

    fn entry(when: &str, page: Option<(&str, &str)>, outcome: Outcome) -> Entry {
        Entry {
            at: at(when),
            context: Context::Official,
            page: page.map(|(id, name)| Page {
                id: id.into(),
                name: name.into(),
            }),
            surface: Surface::Post,
            outcome,
            categories: vec![],
            rules: vec![],
            reason: String::new(),
            false_alarms: vec![],
        }
    }

    fn export(entries: Vec<Entry>) -> Export {
        Export {
            exported_at: at("2026-12-31T00:00:00Z"),
            entries,
        }
    }

    #[test]
    fn the_same_export_twice_counts_once_but_repeats_within_a_file_count() {
        let a = entry("2026-10-05T10:00:00Z", Some(("1", "A")), Outcome::Posted);
        let b = entry("2026-10-06T10:00:00Z", Some(("1", "A")), Outcome::Posted);
        let one = export(vec![a.clone(), a.clone(), b.clone()]);
        let merged = merge(&[one.clone(), one.clone()]);
        assert_eq!(merged.entries.len(), 3);
        assert_eq!(merged.duplicates(), 3);
        // An overlapping later export adds only what is new.
        let c = entry("2026-10-07T10:00:00Z", None, Outcome::HeldCancelled);
        let merged = merge(&[one, export(vec![b, c])]);
        assert_eq!(merged.entries.len(), 4);
    }

    #[test]
    fn counts_cadence_outcomes_and_silent_pages() {
        let quarter: Quarter = "2026Q4".parse().unwrap_or_else(|e| panic!("{e}"));
        let p = Some(("1", "Old name"));
        let merged = merge(&[export(vec![
            // Two posts in W40 (the quarter's first week), one in W41.
            entry("2026-10-01T00:00:00Z", p, Outcome::Posted),
            entry("2026-10-04T23:59:59Z", p, Outcome::HeldEdited),
            entry("2026-10-05T00:00:00Z", p, Outcome::HeldPosted),
            entry("2026-10-06T00:00:00Z", p, Outcome::HeldCancelled),
            // The last day of the quarter is in W53 and counts.
            entry(
                "2026-12-31T12:00:00Z",
                Some(("1", "New name")),
                Outcome::Posted,
            ),
            entry("2026-12-31T13:00:00Z", p, Outcome::Posted),
            // Outside the quarter: in W53 of 2026 but in 2027Q1; and in 2026Q3.
            entry("2027-01-01T00:00:00Z", p, Outcome::Posted),
            entry("2026-09-30T23:59:59Z", p, Outcome::Posted),
            // A page seen only before the quarter is listed with zeros.
            entry(
                "2026-08-01T00:00:00Z",
                Some(("2", "Silent")),
                Outcome::Posted,
            ),
            // A page first seen after the quarter is not.
            entry(
                "2027-02-01T00:00:00Z",
                Some(("3", "Later")),
                Outcome::Posted,
            ),
        ])]);
        let r = review(&merged, quarter);
        assert_eq!(r.pages.len(), 2);
        let page = &r.pages[0];
        assert_eq!(page.name.as_deref(), Some("Old name"));
        assert_eq!(page.posts, 5);
        assert_eq!(page.weeks(), 14);
        assert_eq!(page.per_week[0], 2);
        assert_eq!(page.per_week[1], 1);
        assert_eq!(page.per_week[13], 2);
        assert_eq!(page.weeks_at_cadence(), 2);
        assert_eq!(page.held(), 3);
        assert_eq!(page.outcomes, [3, 1, 1, 1]);
        let silent = &r.pages[1];
        assert_eq!((silent.id.as_deref(), silent.posts), (Some("2"), 0));
        assert_eq!(r.entries, 6);
    }

    #[test]
    fn silences_run_from_the_window_start_through_each_post_to_its_end() {
        let p = Some(("1", "A"));
        let merged = merge(&[export(vec![
            entry("2026-10-03T00:00:00Z", p, Outcome::Posted),
            entry("2026-10-04T00:00:00Z", p, Outcome::HeldCancelled),
            entry("2026-10-10T12:00:00Z", p, Outcome::HeldEdited),
        ])]);
        let quarter: Quarter = "2026Q4".parse().unwrap_or_else(|e| panic!("{e}"));
        let r = review(&merged, quarter);
        let days: Vec<i64> = r.pages[0]
            .silences(quarter.start(), at("2026-10-20T00:00:00Z"))
            .iter()
            .map(|g| g.num_hours())
            .collect();
        // 1 Oct → 3 Oct (48 h), 3 Oct → 10 Oct 12:00 (180 h; the cancelled post is not one),
        // 10 Oct 12:00 → 20 Oct (228 h); longest first.
        assert_eq!(days, [228, 180, 48]);
    }

    #[test]
    fn default_quarter_is_that_of_the_latest_entry() {
        let merged = merge(&[export(vec![
            entry("2026-11-01T00:00:00Z", None, Outcome::Posted),
            entry("2027-01-01T00:00:00Z", None, Outcome::Posted),
        ])]);
        assert_eq!(
            default_quarter(&merged).map(|q| q.to_string()),
            Some("2027Q1".into())
        );
        let empty = merge(&[export(vec![])]);
        assert_eq!(
            default_quarter(&empty).map(|q| q.to_string()),
            Some("2026Q4".into())
        );
    }
}
