//! `--format csv`: one row per page with the JSON contract's columns.
//!
//! Columns: `id,name,posts,weeks,weeksAtCadence,held,heldEdited,heldPosted,
//! heldCancelled`, then `byCategory` flattened into one column per category
//! in guideline order, named `byCategory.<category id>` (e.g.
//! `byCategory.political`). The row without a page has empty `id` and `name`.
//! RFC 4180: CRLF line ends, fields with a comma, quote or line break are
//! quoted and quotes doubled. The file starts with a UTF-8 byte-order mark so
//! that spreadsheet programs show Bangla correctly. A text field starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
//! so a spreadsheet never runs a page name as a formula.

use super::export::Outcome;
use super::report::Review;
use sotorko::Category;
use std::io::{self, Write};

/// Writes the CSV table.
pub fn write(out: &mut impl Write, review: &Review) -> io::Result<()> {
    out.write_all("\u{FEFF}".as_bytes())?;
    let mut header: Vec<String> = [
        "id",
        "name",
        "posts",
        "weeks",
        "weeksAtCadence",
        "held",
        "heldEdited",
        "heldPosted",
        "heldCancelled",
    ]
    .map(String::from)
    .to_vec();
    header.extend(Category::ALL.map(|c| format!("byCategory.{}", c.id())));
    row(out, &header)?;
    for page in &review.pages {
        let mut cells = vec![
            text(page.id.as_deref().unwrap_or("")),
            text(page.name.as_deref().unwrap_or("")),
            page.posts.to_string(),
            page.weeks().to_string(),
            page.weeks_at_cadence().to_string(),
            page.held().to_string(),
            page.outcome(Outcome::HeldEdited).to_string(),
            page.outcome(Outcome::HeldPosted).to_string(),
            page.outcome(Outcome::HeldCancelled).to_string(),
        ];
        cells.extend(page.by_category.iter().map(u64::to_string));
        row(out, &cells)?;
    }
    Ok(())
}

/// A text cell, defused against spreadsheet formulas.
fn text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_owned()
    }
}

fn row(out: &mut impl Write, cells: &[String]) -> io::Result<()> {
    let line: Vec<String> = cells.iter().map(|c| quote(c)).collect();
    write!(out, "{}\r\n", line.join(","))
}

/// Quotes a field when RFC 4180 requires it.
fn quote(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_and_formula_defusing() {
        assert_eq!(quote("ঢাকা, জেলা"), "\"ঢাকা, জেলা\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
        assert_eq!(quote("জেলা প্রশাসকের কার্যালয়"), "জেলা প্রশাসকের কার্যালয়");
        assert_eq!(text("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(text("-1"), "'-1");
        assert_eq!(text("DC Office"), "DC Office");
    }
}
