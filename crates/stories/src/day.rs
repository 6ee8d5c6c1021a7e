//! Day intervals from the date strings the project stores
//! (`DateValue::value`: `2025`, `2025-06`, `2025-06-23`, `2025-06-23T00:53`):
//! a year covers all its days, a month all its days, so a month-precise date
//! is never treated as the 1st.

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// `days_from_civil`; hand-written: a dozen lines, no date crate needed).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = m as i64;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    }
}

/// The first and last day (days since 1970-01-01) covered by `s`; None when
/// it is not one of the forms above (or out of range).
pub fn day_interval(s: &str) -> Option<(i64, i64)> {
    let s = s.trim();
    let date = s.split(['T', ' ']).next().unwrap_or("");
    let mut parts = date.split('-');
    let y: i64 = parts.next().filter(|p| p.len() == 4).and_then(|p| p.parse().ok())?;
    let m: Option<u32> = match parts.next() {
        None => None,
        Some(p) => Some(p.parse().ok().filter(|m| (1..=12).contains(m))?),
    };
    let d: Option<u32> = match parts.next() {
        None => None,
        Some(p) => Some(p.parse().ok()?),
    };
    if parts.next().is_some() {
        return None;
    }
    match (m, d) {
        (None, _) => Some((days_from_civil(y, 1, 1), days_from_civil(y, 12, 31))),
        (Some(m), None) => Some((days_from_civil(y, m, 1), days_from_civil(y, m, days_in_month(y, m)))),
        (Some(m), Some(d)) if d >= 1 && d <= days_in_month(y, m) => {
            let x = days_from_civil(y, m, d);
            Some((x, x))
        }
        _ => None,
    }
}

/// Days between two intervals (0 when they overlap).
pub fn gap(a: (i64, i64), b: (i64, i64)) -> i64 {
    if a.1 < b.0 {
        b.0 - a.1
    } else if b.1 < a.0 {
        a.0 - b.1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        let d = day_interval("2025-06-23T00:53").unwrap();
        assert_eq!(d.0, d.1);
        let m = day_interval("2024-02").unwrap();
        assert_eq!(m.1 - m.0, 28);
        let y = day_interval("2023").unwrap();
        assert_eq!(y.1 - y.0, 364);
        assert_eq!(day_interval("2025-02-30"), None);
        assert_eq!(day_interval("hier"), None);
        assert_eq!(day_interval(""), None);
        assert_eq!(gap(day_interval("2025-06-01").unwrap(), day_interval("2025-06").unwrap()), 0);
        assert_eq!(gap(day_interval("2025-06-01").unwrap(), day_interval("2025-06-08").unwrap()), 7);
    }
}
