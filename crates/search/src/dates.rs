//! Publication dates as day intervals for range search.
//!
//! Days are encoded as `YYYYMMDD` integers: the order is the calendar order,
//! and an interval's end may be a non-existent day (`20250431` for "April
//! 2025"), which compares correctly without calendar arithmetic.

use dossier_document::Precision;

use crate::SearchError;

/// A closed interval of `YYYYMMDD` days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateBound {
    /// First day.
    pub start: i64,
    /// Last day.
    pub end: i64,
}

fn num(s: Option<&str>, lo: i64, hi: i64) -> Option<i64> {
    let s = s?;
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = s.parse().ok()?;
    (lo..=hi).contains(&v).then_some(v)
}

/// The interval a date prefix denotes: `2025` is the whole year, `2025-04`
/// the month, `2025-04-03` (or anything longer, e.g. with a time) the day.
pub fn date_bounds(value: &str) -> Result<DateBound, SearchError> {
    let bad = || SearchError::Date(value.to_string());
    let v = value.trim();
    let year = num(v.get(..4), 0, 9999).ok_or_else(bad)?;
    if v.len() == 4 {
        return Ok(DateBound {
            start: year * 10000 + 101,
            end: year * 10000 + 1231,
        });
    }
    if v.as_bytes().get(4) != Some(&b'-') {
        return Err(bad());
    }
    let month = num(v.get(5..7), 1, 12).ok_or_else(bad)?;
    if v.len() == 7 {
        return Ok(DateBound {
            start: year * 10000 + month * 100 + 1,
            end: year * 10000 + month * 100 + 31,
        });
    }
    if v.as_bytes().get(7) != Some(&b'-') {
        return Err(bad());
    }
    let day = num(v.get(8..10), 1, 31).ok_or_else(bad)?;
    let d = year * 10000 + month * 100 + day;
    Ok(DateBound { start: d, end: d })
}

/// Widens `b` (parsed from `value`) to what `precision` says is known: a
/// value written to the day but marked month-precise covers the month.
pub(crate) fn widen_to(b: DateBound, _value: &str, precision: Precision) -> DateBound {
    let year = b.start / 10000;
    let month = (b.start / 100) % 100;
    match precision {
        Precision::Year => DateBound {
            start: year * 10000 + 101,
            end: year * 10000 + 1231,
        },
        Precision::Month => DateBound {
            start: year * 10000 + month * 100 + 1,
            end: year * 10000 + month * 100 + 31,
        },
        Precision::Day | Precision::Minute => b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_follow_precision() {
        assert_eq!(
            date_bounds("2025").unwrap(),
            DateBound {
                start: 20250101,
                end: 20251231
            }
        );
        assert_eq!(
            date_bounds("2025-04").unwrap(),
            DateBound {
                start: 20250401,
                end: 20250431
            }
        );
        assert_eq!(
            date_bounds("2025-04-03T10:00").unwrap(),
            DateBound {
                start: 20250403,
                end: 20250403
            }
        );
        for bad in [
            "",
            "20",
            "2025/04",
            "2025-13",
            "2025-04-x",
            "abcd",
            "2025-04-32",
            "é",
        ] {
            assert!(date_bounds(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn widening() {
        let b = date_bounds("2025-04-03").unwrap();
        assert_eq!(
            widen_to(b, "", Precision::Month),
            DateBound {
                start: 20250401,
                end: 20250431
            }
        );
        assert_eq!(widen_to(b, "", Precision::Year).end, 20251231);
    }
}
