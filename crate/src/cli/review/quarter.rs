//! Calendar quarters (`2026Q4`) and the ISO 8601 weeks they touch, in UTC.

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, Utc};
use std::fmt;
use std::str::FromStr;

/// A calendar quarter: January–March is `Q1`, October–December `Q4`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quarter {
    /// The calendar year, 1000–9999.
    pub year: i32,
    /// 1 to 4.
    pub number: u32,
}

/// One ISO 8601 week: its week-numbering year, number and Monday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IsoWeek {
    /// The ISO week-numbering year (2027-01-01 is in week 53 of 2026).
    pub year: i32,
    /// 1 to 53.
    pub week: u32,
    /// The Monday that starts the week.
    pub monday: NaiveDate,
}

/// Why a `--quarter` value was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bad quarter {0:?}: expected a year and Q1 to Q4, like 2026Q4")]
pub struct BadQuarter(pub String);

impl FromStr for Quarter {
    type Err = BadQuarter;

    /// Parses `2026Q4` (the `Q` may be lower case; the year has four digits).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadQuarter(s.to_owned());
        let (year, number) = s.split_once(['Q', 'q']).ok_or_else(bad)?;
        if year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad());
        }
        let year: i32 = year.parse().map_err(|_| bad())?;
        let number = match number {
            "1" => 1,
            "2" => 2,
            "3" => 3,
            "4" => 4,
            _ => return Err(bad()),
        };
        if year < 1000 {
            return Err(bad());
        }
        Ok(Quarter { year, number })
    }
}

impl fmt::Display for Quarter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}Q{}", self.year, self.number)
    }
}

impl Quarter {
    /// The quarter a UTC instant falls in.
    pub fn of(at: DateTime<Utc>) -> Quarter {
        Quarter {
            year: at.year(),
            number: at.month0() / 3 + 1,
        }
    }

    /// The first day of the quarter.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, (self.number - 1) * 3 + 1, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the quarter.
    pub fn last_day(self) -> NaiveDate {
        let next = if self.number == 4 {
            NaiveDate::from_ymd_opt(self.year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(self.year, self.number * 3 + 1, 1)
        };
        next.and_then(|d| d.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    /// The quarter's first instant (00:00 UTC on its first day).
    pub fn start(self) -> DateTime<Utc> {
        self.first_day().and_time(NaiveTime::MIN).and_utc()
    }

    /// The instant just after the quarter (00:00 UTC on the next quarter's first day).
    pub fn end(self) -> DateTime<Utc> {
        let next = self.last_day().succ_opt().unwrap_or(NaiveDate::MAX);
        next.and_time(NaiveTime::MIN).and_utc()
    }

    /// Whether a UTC instant falls in the quarter.
    pub fn contains(self, at: DateTime<Utc>) -> bool {
        Quarter::of(at) == self
    }

    /// Whether a UTC instant is before the quarter's end.
    pub fn not_after(self, at: DateTime<Utc>) -> bool {
        Quarter::of(at) <= self
    }

    /// The ISO weeks that have at least one day in the quarter, in order.
    /// The first and last may begin before or end after the quarter.
    pub fn weeks(self) -> Vec<IsoWeek> {
        let mut weeks = Vec::with_capacity(14);
        let last = self.last_day();
        let mut day = self.first_day();
        loop {
            let monday = monday_of(day);
            let iso = monday.iso_week();
            weeks.push(IsoWeek {
                year: iso.year(),
                week: iso.week(),
                monday,
            });
            match monday.checked_add_days(Days::new(7)) {
                Some(next) if next <= last => day = next,
                _ => break,
            }
        }
        weeks
    }
}

/// The Monday of the ISO week that contains `day`.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    let back = u64::from(day.weekday().num_days_from_monday());
    day.checked_sub_days(Days::new(back)).unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quarter {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date"))
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(
            q("2026Q4"),
            Quarter {
                year: 2026,
                number: 4
            }
        );
        assert_eq!(q("2026q1").to_string(), "2026Q1");
        for bad in [
            "2026Q5", "2026Q0", "2026", "26Q4", "2026-Q4", "Q4", "", "2026Q4 ", "+026Q4",
        ] {
            assert!(bad.parse::<Quarter>().is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn bounds() {
        assert_eq!(q("2026Q4").first_day(), date(2026, 10, 1));
        assert_eq!(q("2026Q4").last_day(), date(2026, 12, 31));
        assert_eq!(q("2024Q1").last_day(), date(2024, 3, 31));
        assert_eq!(q("2026Q2").last_day(), date(2026, 6, 30));
        assert_eq!(q("2026Q3").first_day(), date(2026, 7, 1));
        assert_eq!(
            q("2026Q4").start().to_rfc3339(),
            "2026-10-01T00:00:00+00:00"
        );
        assert_eq!(q("2026Q4").end().to_rfc3339(), "2027-01-01T00:00:00+00:00");
    }

    #[test]
    fn q4_2026_runs_from_week_40_to_week_53() {
        // 2026 starts on a Thursday, so it has 53 ISO weeks; 2027-01-01 is in W53 of 2026.
        let weeks = q("2026Q4").weeks();
        assert_eq!(weeks.len(), 14);
        assert_eq!((weeks[0].year, weeks[0].week), (2026, 40));
        assert_eq!(weeks[0].monday, date(2026, 9, 28));
        let last = weeks[weeks.len() - 1];
        assert_eq!((last.year, last.week), (2026, 53));
        assert_eq!(last.monday, date(2026, 12, 28));
        let jan1 = date(2027, 1, 1).iso_week();
        assert_eq!((jan1.year(), jan1.week()), (2026, 53));
    }

    #[test]
    fn q1_starts_in_the_previous_iso_year_when_january_1_is_late_in_the_week() {
        // 2027-01-01 is a Friday: Q1 2027 starts in 2026-W53.
        let weeks = q("2027Q1").weeks();
        assert_eq!((weeks[0].year, weeks[0].week), (2026, 53));
        assert_eq!((weeks[1].year, weeks[1].week), (2027, 1));
        // 2026-01-01 is a Thursday: it belongs to 2026-W01, whose Monday is in 2025.
        let weeks = q("2026Q1").weeks();
        assert_eq!((weeks[0].year, weeks[0].week), (2026, 1));
        assert_eq!(weeks[0].monday, date(2025, 12, 29));
        // 2024-12-30 (a Monday) starts 2025-W01, so 2024Q4 ends in 2025-W01.
        let weeks = q("2024Q4").weeks();
        let last = weeks[weeks.len() - 1];
        assert_eq!((last.year, last.week), (2025, 1));
    }

    #[test]
    fn every_day_of_a_quarter_is_in_exactly_one_of_its_weeks() {
        for s in [
            "2024Q1", "2024Q4", "2025Q4", "2026Q2", "2026Q4", "2027Q1", "2032Q4",
        ] {
            let quarter = q(s);
            let weeks = quarter.weeks();
            assert!(
                (13..=14).contains(&weeks.len()),
                "{s}: {} weeks",
                weeks.len()
            );
            let mut day = quarter.first_day();
            while day <= quarter.last_day() {
                let n = weeks.iter().filter(|w| w.monday == monday_of(day)).count();
                assert_eq!(n, 1, "{s}: {day}");
                day = day.succ_opt().unwrap_or(NaiveDate::MAX);
            }
        }
    }

    #[test]
    fn quarter_of_an_instant() {
        let at = |s: &str| {
            DateTime::parse_from_rfc3339(s)
                .unwrap_or_else(|e| panic!("{e}"))
                .with_timezone(&Utc)
        };
        assert_eq!(Quarter::of(at("2026-12-31T23:59:59Z")), q("2026Q4"));
        assert_eq!(Quarter::of(at("2027-01-01T00:00:00Z")), q("2027Q1"));
        // 05:00 in Dhaka on 1 October is still 30 September in UTC.
        assert_eq!(Quarter::of(at("2026-10-01T05:00:00+06:00")), q("2026Q3"));
        assert!(q("2026Q4").not_after(at("2026-07-01T00:00:00Z")));
        assert!(!q("2026Q4").not_after(at("2027-01-01T00:00:00Z")));
    }
}
