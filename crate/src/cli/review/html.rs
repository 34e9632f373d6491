//! `--format html`: one self-contained page (inline CSS and SVG, no script,
//! nothing loaded from anywhere), readable offline and printable. Every
//! string that comes from an export (page names and ids, rule ids, terms)
//! is escaped; a Content-Security-Policy forbids scripts and remote loads.

use super::export::Outcome;
use super::labels::{fill, Lang};
use super::report::{Merged, PageRow, Review};
use super::svg;
use chrono::TimeDelta;
use sotorko::Category;
use std::fmt::Write as _;
use std::io::{self, Write};

/// How many rules and false alarms the bar charts show.
const TOP: usize = 10;

/// Escapes text for HTML content and attribute values (also inside SVG).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --met: #2e7d32; --short: #d39000; --target: #b71c1c; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans Bengali", "Noto Sans", "Kalpurush", "SolaimanLipi", "Nirmala UI", "Vrinda", system-ui, sans-serif; color: var(--ink); margin: 0 auto; max-width: 60rem; padding: 1.5rem; line-height: 1.5; }
header { border-bottom: 3px solid var(--ink); margin-bottom: 1rem; }
.brand { font-weight: 700; color: var(--muted); margin: 0; letter-spacing: .03em; }
h1 { margin: .2rem 0; font-size: 1.7rem; }
h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; font-size: 1.25rem; }
.quarter { font-size: 1.15rem; font-weight: 600; margin: .2rem 0; }
.note, .intro, figcaption .id, footer { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .75rem; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; }
.card .big { font-size: 1.8rem; font-weight: 700; display: block; }
figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { overflow-wrap: anywhere; }
figcaption .name { font-weight: 700; }
svg.weekly { width: 100%; height: auto; max-width: 44rem; display: block; }
svg text { font-size: 11px; fill: var(--ink); }
.grid { stroke: var(--line); stroke-width: 1; }
.target { stroke: var(--target); stroke-width: 2; stroke-dasharray: 6 4; }
text.target-label { fill: var(--target); font-weight: 700; }
.bar.met { fill: var(--met); }
.bar.short { fill: var(--short); }
text.tick, text.axis { fill: var(--muted); }
text.value { fill: #fff; font-weight: 700; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; overflow-wrap: anywhere; }
td.pid, th.pid { white-space: nowrap; overflow-wrap: normal; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.bars th { font-weight: 400; width: 40%; }
td.barcell { width: 50%; }
td.barcell svg { width: 100%; height: 14px; display: block; }
.o-posted { fill: #607d8b; } .o-held-edited { fill: var(--met); } .o-held-posted { fill: #c62828; } .o-held-cancelled { fill: #1565c0; }
.c-bar { fill: #3f51b5; } .r-bar { fill: #6d4c41; } .f-bar { fill: #8e24aa; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
footer { border-top: 1px solid var(--line); margin-top: 2rem; padding-top: .5rem; font-size: .9rem; }
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; page-break-after: avoid; }
  tr, .card { break-inside: avoid; page-break-inside: avoid; }
  .cards { grid-template-columns: repeat(4, 1fr); }
}
"#;

/// Writes the report.
pub fn write(out: &mut impl Write, review: &Review, merged: &Merged, lang: Lang) -> io::Result<()> {
    let l = lang.labels();
    let mut h = String::with_capacity(32 * 1024);
    let quarter = lang.quarter(review.quarter);
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{} — {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        l.html_lang, l.title, quarter
    );
    header(&mut h, lang, review, merged, &quarter);
    cards(&mut h, lang, review);
    cadence(&mut h, lang, review, merged);
    outcomes(&mut h, lang, review);
    categories(&mut h, lang, review);
    rules(&mut h, lang, review);
    false_alarms(&mut h, lang, review);
    pages(&mut h, lang, review);
    let _ = write!(
        h,
        "<footer><p>{}</p></footer>\n</body>\n</html>\n",
        l.footer
    );
    out.write_all(h.as_bytes())
}

fn header(h: &mut String, lang: Lang, review: &Review, merged: &Merged, quarter: &str) {
    let l = lang.labels();
    let (first, last) = merged
        .exported
        .map(|(a, b)| (lang.date(a.date_naive()), lang.date(b.date_naive())))
        .unwrap_or_default();
    let sources = fill(
        l.sources,
        &[
            lang.num(merged.files),
            first,
            last,
            lang.num(review.entries),
        ],
    );
    let _ = write!(
        h,
        "<header>\n<p class=\"brand\">{}</p>\n<h1>{}</h1>\n<p class=\"quarter\">{quarter}</p>\n<p>{sources}",
        l.brand, l.title
    );
    if merged.duplicates() > 0 {
        let _ = write!(
            h,
            " {}",
            fill(l.duplicates, &[lang.num(merged.duplicates())])
        );
    }
    let _ = write!(h, "</p>\n<p class=\"note\">{}</p>\n</header>\n", l.coverage);
}

fn cards(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let t = &review.total;
    let stopped = t.outcome(Outcome::HeldEdited) + t.outcome(Outcome::HeldCancelled);
    let reports: u64 = review.false_alarms.iter().map(|a| a.count).sum();
    h.push_str("<section class=\"cards\">\n");
    for (n, label) in [
        (t.posts, l.card_posts),
        (stopped, l.card_prevented),
        (t.outcome(Outcome::HeldPosted), l.card_anyway),
        (reports, l.card_false_alarms),
    ] {
        let _ = writeln!(
            h,
            "<div class=\"card\"><span class=\"big\">{}</span>{label}</div>",
            lang.num(n)
        );
    }
    h.push_str("</section>\n");
}

/// A page's name for display (escaped), and the id line under it.
fn page_name(lang: Lang, page: &PageRow) -> (String, String) {
    let l = lang.labels();
    match (&page.id, &page.name) {
        (Some(id), Some(name)) if !name.trim().is_empty() => (esc(name), esc(id)),
        (Some(id), _) => (esc(id), esc(id)),
        (None, _) => (l.no_page.to_owned(), l.no_page_note.to_owned()),
    }
}

fn cadence(h: &mut String, lang: Lang, review: &Review, merged: &Merged) {
    let l = lang.labels();
    // The part of the quarter the exports can speak for.
    let from = review.quarter.start();
    let to = merged.exported.map_or(review.quarter.end(), |(_, last)| {
        last.min(review.quarter.end())
    });
    let window = (to > from).then_some((from, to));
    let _ = write!(
        h,
        "<section id=\"cadence\">\n<h2>{}</h2>\n<p class=\"intro\">{}</p>\n",
        l.cadence_heading, l.cadence_intro
    );
    if review.pages.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", l.no_entries);
    }
    for page in &review.pages {
        let (name, id) = page_name(lang, page);
        let caption = fill(
            l.cadence_caption,
            &[
                lang.num(page.weeks_at_cadence()),
                lang.num(page.weeks()),
                lang.num(page.posts),
            ],
        );
        let silence = match (&page.id, window) {
            (Some(_), Some((from, to))) => {
                let gaps = page.silences(from, to);
                let longest = gaps.first().map_or(0, |g| g.num_days());
                let long = gaps.iter().filter(|g| **g > TimeDelta::days(4)).count();
                format!(
                    "<br>{}",
                    fill(l.silence, &[lang.num(longest), lang.num(long)])
                )
            }
            _ => String::new(),
        };
        let chart = svg::weekly(
            lang,
            &review.weeks,
            &page.per_week,
            &format!("{name}: {caption}"),
        );
        let _ = write!(
            h,
            "<figure>\n<figcaption><span class=\"name\">{name}</span> <span class=\"id\">({id})</span><br>{caption}{silence}</figcaption>\n{chart}\n</figure>\n"
        );
    }
    h.push_str("</section>\n");
}

fn bar_section(h: &mut String, id: &str, heading: &str, intro: &str, body: &str) {
    let _ = write!(
        h,
        "<section id=\"{id}\">\n<h2>{heading}</h2>\n<p class=\"intro\">{intro}</p>\n{body}</section>\n"
    );
}

fn bar_table(rows: String) -> String {
    format!("<table class=\"bars\">\n{rows}\n</table>\n")
}

fn outcomes(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let rows: Vec<(String, u64)> = Outcome::ALL
        .iter()
        .map(|&o| (lang.outcome(o).to_owned(), review.total.outcome(o)))
        .collect();
    let rows = svg::bar_rows(lang, &rows, |i| {
        format!("o-{}", Outcome::ALL.get(i).map_or("", |o| o.id()))
    });
    bar_section(
        h,
        "outcomes",
        l.outcomes_heading,
        l.outcomes_intro,
        &bar_table(rows),
    );
}

fn categories(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let rows: Vec<(String, u64)> = Category::ALL
        .iter()
        .zip(review.total.by_category)
        .map(|(c, n)| {
            let name = c.name();
            let label = match lang {
                Lang::Bn => name.bn,
                Lang::En => name.en,
            };
            (esc(&label), n)
        })
        .collect();
    let body = bar_table(svg::bar_rows(lang, &rows, |_| "c-bar".into()));
    bar_section(
        h,
        "categories",
        l.categories_heading,
        l.categories_intro,
        &body,
    );
}

fn rules(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let rows: Vec<(String, u64)> = review
        .rules
        .iter()
        .take(TOP)
        .map(|(rule, n)| (format!("<code>{}</code>", esc(rule)), *n))
        .collect();
    let body = if rows.is_empty() {
        format!("<p>{}</p>\n", l.rules_none)
    } else {
        bar_table(svg::bar_rows(lang, &rows, |_| "r-bar".into()))
    };
    bar_section(h, "rules", l.rules_heading, l.rules_intro, &body);
}

fn false_alarms(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let mut body = String::new();
    if review.false_alarms.is_empty() {
        let _ = writeln!(body, "<p>{}</p>", l.false_alarms_none);
    } else {
        let rows: Vec<(String, u64)> = review
            .false_alarms
            .iter()
            .take(TOP)
            .map(|a| {
                (
                    format!("<code>{}</code> · {}", esc(&a.rule), esc(&a.term)),
                    a.count,
                )
            })
            .collect();
        body.push_str(&bar_table(svg::bar_rows(lang, &rows, |_| "f-bar".into())));
        let _ = write!(
            body,
            "<table>\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead>\n<tbody>\n",
            l.col_rule, l.col_term, l.col_reports
        );
        for a in &review.false_alarms {
            let _ = writeln!(
                body,
                "<tr><td><code>{}</code></td><td>{}</td><td class=\"num\">{}</td></tr>",
                esc(&a.rule),
                esc(&a.term),
                lang.num(a.count)
            );
        }
        body.push_str("</tbody>\n</table>\n");
    }
    bar_section(
        h,
        "false-alarms",
        l.false_alarms_heading,
        l.false_alarms_intro,
        &body,
    );
}

fn pages(h: &mut String, lang: Lang, review: &Review) {
    let l = lang.labels();
    let _ = write!(h, "<section id=\"pages\">\n<h2>{}</h2>\n", l.pages_heading);
    if review.pages.is_empty() {
        let _ = writeln!(h, "<p>{}</p>", l.no_entries);
        h.push_str("</section>\n");
        return;
    }
    h.push_str("<table>\n<thead><tr>");
    for (i, col) in l.page_columns.iter().enumerate() {
        let class = match i {
            0 => "",
            1 => " class=\"pid\"",
            _ => " class=\"num\"",
        };
        let _ = write!(h, "<th{class}>{col}</th>");
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for page in &review.pages {
        let (name, _) = page_name(lang, page);
        let id = page.id.as_deref().map(esc).unwrap_or_default();
        let cadence = format!(
            "{} / {}",
            lang.num(page.weeks_at_cadence()),
            lang.num(page.weeks())
        );
        let _ = write!(h, "<tr><td>{name}</td><td class=\"pid\">{id}</td>");
        for cell in [
            lang.num(page.posts),
            cadence,
            lang.num(page.held()),
            lang.num(page.outcome(Outcome::HeldEdited)),
            lang.num(page.outcome(Outcome::HeldPosted)),
            lang.num(page.outcome(Outcome::HeldCancelled)),
        ] {
            let _ = write!(h, "<td class=\"num\">{cell}</td>");
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            esc(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(esc("জেলা প্রশাসন"), "জেলা প্রশাসন");
    }
}
