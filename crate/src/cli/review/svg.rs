//! Inline SVG charts: a page's posts per week against the twice-weekly
//! line, and rows of horizontal bars. Every text passed in must already be
//! escaped (see [`super::html::esc`]).

use super::labels::{fill, Lang};
use super::quarter::IsoWeek;
use super::report::CADENCE;
use chrono::Days;
use std::fmt::Write;

const WIDTH: u32 = 640;
const HEIGHT: u32 = 170;
const LEFT: u32 = 34;
const RIGHT: u32 = 64;
const TOP: u32 = 12;
const BOTTOM: u32 = 40;

/// Bars of posts per ISO week, a dashed line at the cadence target, week
/// numbers below. `label` names the chart for screen readers.
pub fn weekly(lang: Lang, weeks: &[IsoWeek], posts: &[u64], label: &str) -> String {
    let l = lang.labels();
    let top = posts.iter().copied().max().unwrap_or(0).max(CADENCE + 2);
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let base = TOP + plot_h;
    let y = |n: u64| f64::from(base) - f64::from(plot_h) * n as f64 / top as f64;
    let slot = f64::from(plot_w) / weeks.len().max(1) as f64;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="weekly" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{label}" xmlns="http://www.w3.org/2000/svg">"#
    );
    // Axis ticks: 0, the target and the top.
    for n in [0, CADENCE, top] {
        let _ = write!(
            s,
            r#"<line class="grid" x1="{LEFT}" x2="{}" y1="{y:.1}" y2="{y:.1}"/><text class="tick" x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT + plot_w,
            LEFT - 6,
            y(n) + 4.0,
            lang.num(n),
            y = y(n),
        );
    }
    for (i, (week, &n)) in weeks.iter().zip(posts).enumerate() {
        let x = f64::from(LEFT) + slot * i as f64;
        let bar_w = slot * 0.7;
        let bx = x + (slot - bar_w) / 2.0;
        let class = if n >= CADENCE { "bar met" } else { "bar short" };
        let sunday = week
            .monday
            .checked_add_days(Days::new(6))
            .unwrap_or(week.monday);
        let tip = fill(
            l.week_bar,
            &[
                lang.num(week.week),
                lang.day_month(week.monday),
                lang.day_month(sunday),
                lang.num(n),
            ],
        );
        let _ = write!(
            s,
            r#"<g><title>{tip}</title><rect class="{class}" x="{bx:.1}" y="{:.1}" width="{bar_w:.1}" height="{:.1}"/>"#,
            y(n),
            f64::from(base) - y(n),
        );
        if n > 0 {
            // Inside the bar's top, clear of the target line.
            let _ = write!(
                s,
                r#"<text class="value" x="{:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
                x + slot / 2.0,
                y(n) + 13.0,
                lang.num(n)
            );
        }
        let _ = write!(
            s,
            r#"<text class="tick" x="{:.1}" y="{}" text-anchor="middle">{}</text></g>"#,
            x + slot / 2.0,
            base + 15,
            lang.num(week.week)
        );
    }
    let ty = y(CADENCE);
    let _ = write!(
        s,
        r#"<line class="target" x1="{LEFT}" x2="{}" y1="{ty:.1}" y2="{ty:.1}"/><text class="target-label" x="{}" y="{:.1}">{}</text>"#,
        LEFT + plot_w,
        LEFT + plot_w + 4,
        ty + 4.0,
        l.target
    );
    let _ = write!(
        s,
        r#"<text class="axis" x="{}" y="{}" text-anchor="middle">{}</text></svg>"#,
        LEFT + plot_w / 2,
        HEIGHT - 6,
        l.week_axis
    );
    s
}

/// Table rows of horizontal bars sharing one scale: label, bar, number.
/// `rows` are (escaped label, value); `class(i)` colours row `i`'s bar.
pub fn bar_rows(lang: Lang, rows: &[(String, u64)], class: impl Fn(usize) -> String) -> String {
    let top = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let mut s = String::new();
    for (i, (label, n)) in rows.iter().enumerate() {
        let w = 300.0 * *n as f64 / top as f64;
        let _ = write!(
            s,
            r#"<tr><th scope="row">{label}</th><td class="barcell"><svg viewBox="0 0 300 14" preserveAspectRatio="none" aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><rect class="{}" width="{w:.1}" height="14"/></svg></td><td class="num">{}</td></tr>"#,
            class(i),
            lang.num(n)
        );
    }
    s
}
