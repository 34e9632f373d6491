//! The HTML report's words in Bangla and English, and numbers and dates in each.

use super::export::Outcome;
use super::quarter::Quarter;
use chrono::{Datelike, NaiveDate};

/// The language of the HTML report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Bangla, with Bangla digits.
    Bn,
    /// English.
    En,
}

/// Every fixed text of the report. `{}` marks are filled in order by [`fill`].
pub struct Labels {
    /// The `lang` attribute.
    pub html_lang: &'static str,
    /// The product's name.
    pub brand: &'static str,
    /// The report's title.
    pub title: &'static str,
    /// The quarter: year, ordinal, months.
    pub quarter: &'static str,
    /// Ordinal names of the quarters.
    pub ordinals: [&'static str; 4],
    /// Month names.
    pub months: [&'static str; 12],
    /// Date: day, month, year.
    pub date: &'static str,
    /// Files merged: files, first export, last export, entries.
    pub sources: &'static str,
    /// Entries in more than one file: count.
    pub duplicates: &'static str,
    /// What the numbers cover.
    pub coverage: &'static str,
    /// Key figure: posts.
    pub card_posts: &'static str,
    /// Key figure: held then edited or cancelled.
    pub card_prevented: &'static str,
    /// Key figure: posted anyway.
    pub card_anyway: &'static str,
    /// Key figure: false-alarm reports.
    pub card_false_alarms: &'static str,
    /// Section: posts per week.
    pub cadence_heading: &'static str,
    /// What the weekly charts show.
    pub cadence_intro: &'static str,
    /// Under a page's chart: weeks at target, weeks, posts.
    pub cadence_caption: &'static str,
    /// Under a page's chart: longest stretch without a post (days), stretches over 4 days.
    pub silence: &'static str,
    /// A bar's tooltip: week, first day, last day, posts.
    pub week_bar: &'static str,
    /// The x axis.
    pub week_axis: &'static str,
    /// The target line's label.
    pub target: &'static str,
    /// The row of entries without a page.
    pub no_page: &'static str,
    /// What that row holds.
    pub no_page_note: &'static str,
    /// No entry in the quarter.
    pub no_entries: &'static str,
    /// Section: outcomes.
    pub outcomes_heading: &'static str,
    /// What the outcomes show.
    pub outcomes_intro: &'static str,
    /// Section: categories.
    pub categories_heading: &'static str,
    /// What the categories show.
    pub categories_intro: &'static str,
    /// Section: top rules.
    pub rules_heading: &'static str,
    /// What the top rules show.
    pub rules_intro: &'static str,
    /// No rule flagged anything.
    pub rules_none: &'static str,
    /// Section: false alarms.
    pub false_alarms_heading: &'static str,
    /// What the false alarms show.
    pub false_alarms_intro: &'static str,
    /// No false alarm reported.
    pub false_alarms_none: &'static str,
    /// Column: rule.
    pub col_rule: &'static str,
    /// Column: term.
    pub col_term: &'static str,
    /// Column: reports.
    pub col_reports: &'static str,
    /// Section: the pages table.
    pub pages_heading: &'static str,
    /// Columns of the pages table.
    pub page_columns: [&'static str; 8],
    /// The footer.
    pub footer: &'static str,
}

const EN: Labels = Labels {
    html_lang: "en",
    brand: "Sotorko",
    title: "Office social-media review",
    quarter: "{} Q{}: {}",
    ordinals: ["1", "2", "3", "4"],
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ],
    date: "{} {} {}",
    sources: "Merged from {} export files written {} – {}: {} post attempts in this quarter.",
    duplicates: "{} entries appeared in more than one file and were counted once.",
    coverage: "These numbers cover only the post attempts that Sotorko saw in the browsers that made these exports: posts from phones or other computers are not included. Weeks are ISO weeks (Monday to Sunday); times are in UTC.",
    card_posts: "Posts published",
    card_prevented: "Risky posts stopped (held, then edited or cancelled)",
    card_anyway: "Posted anyway after a hold",
    card_false_alarms: "“Not a problem here” reports",
    cadence_heading: "Posts per week, per page",
    cadence_intro: "The guideline asks that an office page be updated twice a week. The dashed line marks two posts: green bars met it, amber bars did not. The quarter's first and last weeks count only their days inside the quarter. Stretches without a post run from the quarter's start to its end, or to the latest export if that is earlier.",
    cadence_caption: "{} of {} weeks at the twice-weekly target · {} posts",
    silence: "Longest stretch without a post: {} days · stretches of more than 4 days without a post: {}",
    week_bar: "Week {} ({} – {}): {} posts",
    week_axis: "ISO week",
    target: "2 a week",
    no_page: "Page not known",
    no_page_note: "personal profiles, or pages Sotorko could not identify",
    no_entries: "No post attempts in this quarter.",
    outcomes_heading: "Outcomes",
    outcomes_intro: "What became of each post attempt, on all pages.",
    categories_heading: "Findings by category",
    categories_intro: "Post attempts with at least one finding in the category.",
    rules_heading: "Top rules",
    rules_intro: "The rules that flagged the most post attempts (up to ten).",
    rules_none: "No rule flagged anything in this quarter.",
    false_alarms_heading: "“Not a problem here” reports",
    false_alarms_intro: "Officials marked these findings as false alarms. A term reported often may belong in the policy's allowedTerms list.",
    false_alarms_none: "No reports in this quarter.",
    col_rule: "Rule",
    col_term: "Term",
    col_reports: "Reports",
    pages_heading: "Pages",
    page_columns: [
        "Page", "Id", "Posts", "Weeks at target", "Held", "Edited", "Posted anyway",
        "Cancelled",
    ],
    footer: "Made with “sotorko review” from the activity exports of the Sotorko extension. The exports hold no post text.",
};

const BN: Labels = Labels {
    html_lang: "bn",
    brand: "সতর্ক",
    title: "দপ্তরের সামাজিক যোগাযোগ মাধ্যম পর্যালোচনা",
    quarter: "{} সালের {} প্রান্তিক: {}",
    ordinals: ["প্রথম", "দ্বিতীয়", "তৃতীয়", "চতুর্থ"],
    months: [
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন", "জুলাই", "আগস্ট",
        "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ],
    date: "{} {} {}",
    sources: "{}টি এক্সপোর্ট ফাইল একত্র করা হয়েছে (তৈরি {} – {}): এই প্রান্তিকে {}টি পোস্ট-প্রচেষ্টা।",
    duplicates: "{}টি এন্ট্রি একাধিক ফাইলে ছিল; প্রতিটি একবার গণনা করা হয়েছে।",
    coverage: "এই হিসাব কেবল সেই পোস্ট-প্রচেষ্টাগুলোর, যা এক্সপোর্টকারী ব্রাউজারগুলোতে সতর্ক দেখেছে: মোবাইল বা অন্য কম্পিউটার থেকে করা পোস্ট এতে নেই। সপ্তাহ মানে আইএসও সপ্তাহ (সোমবার থেকে রবিবার); সময় ইউটিসি (UTC) অনুযায়ী।",
    card_posts: "প্রকাশিত পোস্ট",
    card_prevented: "ঝুঁকিপূর্ণ পোস্ট ঠেকানো গেছে (আটকানোর পর সংশোধন বা বাতিল)",
    card_anyway: "আটকানোর পরও “তবুও পোস্ট”",
    card_false_alarms: "“এখানে সমস্যা নেই” রিপোর্ট",
    cadence_heading: "প্রতি সপ্তাহে পোস্ট, পেজ অনুযায়ী",
    cadence_intro: "নির্দেশিকা অনুযায়ী দাপ্তরিক পেজ সপ্তাহে দুবার হালনাগাদ করতে হয়। ড্যাশ রেখাটি দুটি পোস্ট নির্দেশ করে: সবুজ কলাম লক্ষ্য পূরণ করেছে, হলুদ কলাম করেনি। প্রান্তিকের প্রথম ও শেষ সপ্তাহে কেবল প্রান্তিকের ভেতরের দিনগুলো গণনা করা হয়েছে। পোস্টহীন সময় মাপা হয়েছে প্রান্তিকের শুরু থেকে শেষ পর্যন্ত, অথবা সর্বশেষ এক্সপোর্ট আগে হলে সে পর্যন্ত।",
    cadence_caption: "{1}টি সপ্তাহের মধ্যে {0}টিতে সপ্তাহে দুবারের লক্ষ্য পূরণ · {2}টি পোস্ট",
    silence: "পোস্ট ছাড়া দীর্ঘতম সময়: {} দিন · ৪ দিনের বেশি পোস্টহীন সময়: {}বার",
    week_bar: "সপ্তাহ {} ({} – {}): {}টি পোস্ট",
    week_axis: "আইএসও সপ্তাহ",
    target: "সপ্তাহে ২",
    no_page: "পেজ অজানা",
    no_page_note: "ব্যক্তিগত প্রোফাইল, অথবা যে পেজ সতর্ক শনাক্ত করতে পারেনি",
    no_entries: "এই প্রান্তিকে কোনো পোস্ট-প্রচেষ্টা নেই।",
    outcomes_heading: "ফলাফল",
    outcomes_intro: "সব পেজ মিলিয়ে প্রতিটি পোস্ট-প্রচেষ্টার কী হয়েছে।",
    categories_heading: "বিভাগ অনুযায়ী সমস্যা",
    categories_intro: "যে পোস্ট-প্রচেষ্টায় বিভাগটির অন্তত একটি সমস্যা ধরা পড়েছে।",
    rules_heading: "সবচেয়ে বেশি ধরা পড়া নিয়ম",
    rules_intro: "যে নিয়মগুলো সবচেয়ে বেশি পোস্ট-প্রচেষ্টায় সমস্যা ধরেছে (সর্বোচ্চ দশটি)।",
    rules_none: "এই প্রান্তিকে কোনো নিয়ম কিছু ধরেনি।",
    false_alarms_heading: "“এখানে সমস্যা নেই” রিপোর্ট",
    false_alarms_intro: "কর্মকর্তারা এই সমস্যাগুলোকে ভুল সতর্কতা হিসেবে চিহ্নিত করেছেন। বারবার রিপোর্ট হওয়া শব্দ নীতির allowedTerms তালিকায় যোগ করার কথা বিবেচনা করা যায়।",
    false_alarms_none: "এই প্রান্তিকে কোনো রিপোর্ট নেই।",
    col_rule: "নিয়ম",
    col_term: "শব্দ",
    col_reports: "রিপোর্ট",
    pages_heading: "পেজ",
    page_columns: [
        "পেজ", "আইডি", "পোস্ট", "লক্ষ্য পূরণের সপ্তাহ", "আটকানো", "সংশোধিত", "তবুও পোস্ট",
        "বাতিল",
    ],
    footer: "সতর্ক এক্সটেনশনের কার্যক্রম-এক্সপোর্ট থেকে “sotorko review” দিয়ে তৈরি। এক্সপোর্টে কোনো পোস্টের লেখা থাকে না।",
};

impl Lang {
    /// The report's texts in this language.
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Bn => &BN,
            Lang::En => &EN,
        }
    }

    /// A number, with Bangla digits in Bangla.
    pub fn num(self, n: impl ToString) -> String {
        let s = n.to_string();
        match self {
            Lang::En => s,
            Lang::Bn => s
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) => char::from_u32(0x09E6 + d).unwrap_or(c),
                    None => c,
                })
                .collect(),
        }
    }

    /// A date: "1 October 2026", "১ অক্টোবর ২০২৬".
    pub fn date(self, d: NaiveDate) -> String {
        let l = self.labels();
        let month = l.months.get(d.month0() as usize).copied().unwrap_or("");
        fill(
            l.date,
            &[self.num(d.day()), month.to_owned(), self.num(d.year())],
        )
    }

    /// A day and month without the year.
    pub fn day_month(self, d: NaiveDate) -> String {
        let month = self
            .labels()
            .months
            .get(d.month0() as usize)
            .copied()
            .unwrap_or("");
        format!("{} {month}", self.num(d.day()))
    }

    /// "2026 Q4: 1 October – 31 December 2026" and its Bangla.
    pub fn quarter(self, q: Quarter) -> String {
        let l = self.labels();
        let ordinal = l.ordinals.get(q.number as usize - 1).copied().unwrap_or("");
        let span = format!(
            "{} – {}",
            self.day_month(q.first_day()),
            self.date(q.last_day())
        );
        fill(l.quarter, &[self.num(q.year), ordinal.to_owned(), span])
    }

    /// An outcome's label.
    pub fn outcome(self, o: Outcome) -> &'static str {
        match (self, o) {
            (Lang::En, Outcome::Posted) => "Posted, nothing flagged",
            (Lang::En, Outcome::HeldEdited) => "Held, then edited and posted",
            (Lang::En, Outcome::HeldPosted) => "Held, posted anyway",
            (Lang::En, Outcome::HeldCancelled) => "Held, then cancelled",
            (Lang::Bn, Outcome::Posted) => "কোনো সমস্যা ছাড়াই পোস্ট",
            (Lang::Bn, Outcome::HeldEdited) => "আটকানোর পর সংশোধন করে পোস্ট",
            (Lang::Bn, Outcome::HeldPosted) => "আটকানোর পরও “তবুও পোস্ট”",
            (Lang::Bn, Outcome::HeldCancelled) => "আটকানোর পর বাতিল",
        }
    }
}

/// Fills `{}` marks in order, or `{0}`, `{1}`… by position. Values are
/// inserted as given (escape them first when they come from a file).
pub fn fill(template: &str, values: &[String]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut next = 0;
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let inside = &after[..end];
                let index = if inside.is_empty() {
                    next += 1;
                    next - 1
                } else {
                    inside.parse().unwrap_or(usize::MAX)
                };
                out.push_str(values.get(index).map_or("", String::as_str));
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangla_digits_and_dates() {
        assert_eq!(Lang::Bn.num(2026), "২০২৬");
        assert_eq!(Lang::En.num(2026), "2026");
        let d = NaiveDate::from_ymd_opt(2026, 12, 31).unwrap_or_default();
        assert_eq!(Lang::Bn.date(d), "৩১ ডিসেম্বর ২০২৬");
        assert_eq!(Lang::En.date(d), "31 December 2026");
        let q: Quarter = "2026Q4".parse().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(Lang::En.quarter(q), "2026 Q4: 1 October – 31 December 2026");
        assert_eq!(
            Lang::Bn.quarter(q),
            "২০২৬ সালের চতুর্থ প্রান্তিক: ১ অক্টোবর – ৩১ ডিসেম্বর ২০২৬"
        );
    }

    #[test]
    fn fill_in_order_and_by_position() {
        let v = ["a".to_owned(), "b".to_owned()];
        assert_eq!(fill("{} and {}", &v), "a and b");
        assert_eq!(fill("{1} then {0}", &v), "b then a");
        assert_eq!(fill("open { brace", &v), "open { brace");
    }

    #[test]
    fn every_label_is_filled_in_both_languages() {
        for lang in [Lang::Bn, Lang::En] {
            let l = lang.labels();
            for s in [l.title, l.sources, l.coverage, l.cadence_intro, l.footer] {
                assert!(!s.is_empty());
            }
        }
    }
}
