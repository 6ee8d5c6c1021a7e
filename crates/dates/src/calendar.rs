//! Calendar arithmetic the crate needs: month lengths, leap years, today's
//! date from the system clock (UTC), and plausibility bounds for
//! publication dates. Hand-written (a few lines) rather than pulling a date
//! crate: only the proleptic Gregorian calendar and whole days are needed.

use std::time::{SystemTime, UNIX_EPOCH};

use dossier_document::{DateValue, Precision};

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    /// Year (e.g. 2025).
    pub year: i32,
    /// Month, 1..=12.
    pub month: u32,
    /// Day of month, 1..=31.
    pub day: u32,
}

impl Ymd {
    /// A day, when it exists in the calendar (no 31 February).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        (is_valid(year, month, day)).then_some(Ymd { year, month, day })
    }

    /// Today's date (UTC) from the system clock.
    pub fn today() -> Self {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        let days = i64::try_from(secs / 86_400).unwrap_or(0);
        Self::from_days(days)
    }

    /// The day `days` days after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Ymd { year, month, day }
    }

    /// Days since 1970-01-01.
    pub fn to_days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The year, month and day of a [`DateValue`] (month and day are 1 when
    /// its precision does not reach them).
    pub fn of(d: &DateValue) -> Option<Self> {
        let v = d.value.as_str();
        let year: i32 = v.get(..4)?.parse().ok()?;
        let month: u32 = if d.precision >= Precision::Month { v.get(5..7)?.parse().ok()? } else { 1 };
        let day: u32 = if d.precision >= Precision::Day { v.get(8..10)?.parse().ok()? } else { 1 };
        Ymd::new(year, month, day)
    }
}

/// True for Gregorian leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in a month (0 for an invalid month).
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True when the day exists (years 1..=9999).
pub fn is_valid(year: i32, month: u32, day: u32) -> bool {
    (1..=9999).contains(&year) && day >= 1 && day <= days_in_month(year, month)
}

/// Inclusive bounds a date must fall in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    /// Earliest accepted day.
    pub min: Ymd,
    /// Latest accepted day.
    pub max: Ymd,
}

impl Bounds {
    /// Bounds for publication dates of web pages: 1990-01-01 up to the end
    /// of next year (relative to `today`).
    pub fn publication(today: Ymd) -> Self {
        Bounds {
            min: Ymd { year: 1990, month: 1, day: 1 },
            max: Ymd { year: today.year.saturating_add(1), month: 12, day: 31 },
        }
    }

    /// True when the date (at its precision) can fall within the bounds.
    pub fn contains(&self, d: &DateValue) -> bool {
        let Some(start) = Ymd::of(d) else { return false };
        // The last day the value can denote at its precision.
        let end = match d.precision {
            Precision::Year => Ymd { year: start.year, month: 12, day: 31 },
            Precision::Month => Ymd { day: days_in_month(start.year, start.month), ..start },
            _ => start,
        };
        end >= self.min && start <= self.max
    }
}

/// True when `d` is plausible as a web page's publication date: year 1990
/// or later and not after the end of the year following `today`.
pub fn plausible_publication(d: &DateValue, today: Ymd) -> bool {
    Bounds::publication(today).contains(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_roundtrip() {
        for days in [-1_000_000i64, -1, 0, 1, 10_957, 20_000, 2_932_896] {
            assert_eq!(Ymd::from_days(days).to_days(), days);
        }
        assert_eq!(Ymd::from_days(0), Ymd { year: 1970, month: 1, day: 1 });
        assert_eq!(Ymd::from_days(20_262), Ymd { year: 2025, month: 6, day: 23 });
    }

    #[test]
    fn validity() {
        assert!(is_valid(2024, 2, 29));
        assert!(!is_valid(2025, 2, 29));
        assert!(!is_valid(2025, 2, 31));
        assert!(!is_valid(1900, 2, 29));
        assert!(is_valid(2000, 2, 29));
        assert!(!is_valid(2025, 13, 1));
        assert!(!is_valid(2025, 4, 31));
    }

    #[test]
    fn plausibility() {
        let today = Ymd { year: 2025, month: 6, day: 1 };
        let d = |v: &str, p| DateValue { value: v.into(), precision: p, evidence: v.into(), estimated: false };
        assert!(plausible_publication(&d("2025-06-23", Precision::Day), today));
        assert!(plausible_publication(&d("2026-12", Precision::Month), today));
        assert!(!plausible_publication(&d("2027-01-01", Precision::Day), today));
        assert!(!plausible_publication(&d("1989-12-31", Precision::Day), today));
        assert!(plausible_publication(&d("1990", Precision::Year), today));
    }
}
