//! Calendar values of temporal expressions and the arithmetic that resolves
//! relative ones against an anchor day (with `chrono`), including the rule
//! that keeps precision honest when the anchor is only known to the month or
//! the year.

use chrono::{Datelike, Duration, NaiveDate};
use dossier_document::{DateValue, Precision};

/// A calendar point at its precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pt {
    Y(i32),
    M(i32, u32),
    D(NaiveDate),
    /// A day with a time of day (hour, minute), as printed.
    T(NaiveDate, u32, u32),
}

impl Pt {
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Y(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Pt::M(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Pt::D(d) | Pt::T(d, _, _) => Some(d),
        }
    }

    pub fn last_day(&self) -> Option<NaiveDate> {
        match *self {
            Pt::Y(y) => NaiveDate::from_ymd_opt(y, 12, 31),
            Pt::M(y, m) => last_of_month(y, m),
            Pt::D(d) | Pt::T(d, _, _) => Some(d),
        }
    }

    pub fn precision(&self) -> Precision {
        match self {
            Pt::Y(_) => Precision::Year,
            Pt::M(..) => Precision::Month,
            Pt::D(_) => Precision::Day,
            Pt::T(..) => Precision::Minute,
        }
    }

    pub fn iso(&self) -> String {
        match *self {
            Pt::Y(y) => format!("{y:04}"),
            Pt::M(y, m) => format!("{y:04}-{m:02}"),
            Pt::D(d) => d.format("%Y-%m-%d").to_string(),
            Pt::T(d, h, mi) => format!("{}T{h:02}:{mi:02}", d.format("%Y-%m-%d")),
        }
    }

    pub fn date_value(&self, evidence: &str, estimated: bool) -> DateValue {
        DateValue {
            value: self.iso(),
            precision: self.precision(),
            evidence: evidence.to_string(),
            estimated,
        }
    }

    /// Parses an ISO 8601 prefix at the given precision (`2025`, `2025-06`,
    /// `2025-06-23`, `2025-06-23T00:53`).
    pub fn parse(value: &str, precision: Precision) -> Option<Pt> {
        let num = |r: std::ops::Range<usize>| value.get(r).and_then(|s| s.parse::<i64>().ok());
        let year = i32::try_from(num(0..4)?).ok()?;
        let month = || {
            num(5..7)
                .and_then(|m| u32::try_from(m).ok())
                .filter(|m| (1..=12).contains(m))
        };
        match precision {
            Precision::Year => Some(Pt::Y(year)),
            Precision::Month => Some(Pt::M(year, month()?)),
            Precision::Day => Some(Pt::D(NaiveDate::from_ymd_opt(
                year,
                month()?,
                u32::try_from(num(8..10)?).ok()?,
            )?)),
            Precision::Minute => {
                let d = NaiveDate::from_ymd_opt(year, month()?, u32::try_from(num(8..10)?).ok()?)?;
                let h = u32::try_from(num(11..13)?).ok().filter(|h| *h < 24)?;
                let mi = u32::try_from(num(14..16)?).ok().filter(|m| *m < 60)?;
                Some(Pt::T(d, h, mi))
            }
        }
    }
}

/// A resolved value: a point, an interval (open ends allowed) or a duration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Val {
    Pt(Pt),
    Iv(Option<Pt>, Option<Pt>),
    Dur(String),
}

impl Val {
    pub fn iso(&self) -> String {
        match self {
            Val::Pt(p) => p.iso(),
            Val::Iv(a, b) => format!(
                "{}/{}",
                a.map_or_else(|| "..".to_string(), |p| p.iso()),
                b.map_or_else(|| "..".to_string(), |p| p.iso())
            ),
            Val::Dur(d) => d.clone(),
        }
    }

    /// The first point of the value (itself for a point).
    pub fn start(&self) -> Option<Pt> {
        match self {
            Val::Pt(p) => Some(*p),
            Val::Iv(a, _) => *a,
            Val::Dur(_) => None,
        }
    }

    /// The last point of the value (itself for a point).
    pub fn end(&self) -> Option<Pt> {
        match self {
            Val::Pt(p) => Some(*p),
            Val::Iv(_, b) => *b,
            Val::Dur(_) => None,
        }
    }

    fn first_day(&self) -> Option<NaiveDate> {
        self.start()?.first_day()
    }

    fn last_day(&self) -> Option<NaiveDate> {
        self.end()?.last_day()
    }
}

/// The unit of a relative offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        })
    }

    pub fn iso_letter(&self) -> char {
        match self {
            Unit::Day => 'D',
            Unit::Week => 'W',
            Unit::Month => 'M',
            Unit::Year => 'Y',
        }
    }
}

/// A weekday direction: on or after the anchor day (a bare weekday in a
/// clause in the future tense).
pub(crate) const FORWARD: i64 = 2;

/// A relative expression as a function of the anchor day. `dir` is -1
/// (strictly before the anchor: "dernier", "last"), 0 (the nearest, past-
/// biased: bare or "ce", "this"), +1 (strictly after: "prochain", "next")
/// or, for weekdays only, [`FORWARD`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rel {
    /// A weekday (1 = Monday).
    Weekday { wd: u32, dir: i64 },
    /// `n` units from the anchor, at the unit's precision (a week is the
    /// ISO week, Monday to Sunday, as an interval of days).
    Offset { unit: Unit, n: i64 },
    /// A day of a month without a year.
    YearlessDate { month: u32, day: u32, dir: i64 },
    /// Days `day..=day2` of a month without a year.
    YearlessRange { month: u32, day: u32, day2: u32 },
    /// A month without a year.
    YearlessMonth { month: u32, dir: i64 },
    /// From `n` units before the anchor, open end ("depuis deux ans").
    Since { unit: Unit, n: i64 },
}

impl Rel {
    /// The value for an anchor day.
    pub fn eval(&self, d: NaiveDate) -> Option<Val> {
        match *self {
            Rel::Weekday { wd, dir } => {
                let cur = i64::from(d.weekday().number_from_monday());
                let wd = i64::from(wd);
                let delta = match dir {
                    0 => -(cur - wd).rem_euclid(7),
                    FORWARD => (wd - cur).rem_euclid(7),
                    d if d < 0 => -((cur - wd - 1).rem_euclid(7) + 1),
                    _ => (wd - cur - 1).rem_euclid(7) + 1,
                };
                Some(Val::Pt(Pt::D(
                    d.checked_add_signed(Duration::try_days(delta)?)?,
                )))
            }
            Rel::Offset { unit, n } => offset(d, unit, n),
            Rel::YearlessDate { month, day, dir } => {
                let cands =
                    (-8..=8).filter_map(|k| NaiveDate::from_ymd_opt(d.year() + k, month, day));
                let pick = match dir {
                    0 => cands.min_by_key(|c| ((*c - d).num_days().abs(), *c)),
                    x if x < 0 => cands.filter(|c| *c < d).max(),
                    _ => cands.filter(|c| *c > d).min(),
                };
                pick.map(|p| Val::Pt(Pt::D(p)))
            }
            Rel::YearlessRange { month, day, day2 } => {
                let Some(Val::Pt(Pt::D(first))) =
                    (Rel::YearlessDate { month, day, dir: 0 }).eval(d)
                else {
                    return None;
                };
                let last = NaiveDate::from_ymd_opt(first.year(), month, day2)?;
                (last >= first).then_some(Val::Iv(Some(Pt::D(first)), Some(Pt::D(last))))
            }
            Rel::YearlessMonth { month, dir } => {
                let here = i64::from(d.year()) * 12 + i64::from(d.month0());
                let cands = (-2..=2).map(|k| (i64::from(d.year()) + k) * 12 + i64::from(month) - 1);
                let pick = match dir {
                    0 => cands.min_by_key(|c| ((c - here).abs(), *c)),
                    x if x < 0 => cands.filter(|c| *c < here).max(),
                    _ => cands.filter(|c| *c > here).min(),
                }?;
                month_index(pick).map(Val::Pt)
            }
            Rel::Since { unit, n } => Some(Val::Iv(offset(d, unit, -n)?.start(), None)),
        }
    }
}

fn month_index(i: i64) -> Option<Pt> {
    let y = i32::try_from(i.div_euclid(12)).ok()?;
    let m = u32::try_from(i.rem_euclid(12) + 1).ok()?;
    Some(Pt::M(y, m))
}

fn offset(d: NaiveDate, unit: Unit, n: i64) -> Option<Val> {
    match unit {
        Unit::Day => Some(Val::Pt(Pt::D(
            d.checked_add_signed(Duration::try_days(n)?)?,
        ))),
        Unit::Week => {
            let day = d.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?)?;
            let monday = day.checked_sub_signed(Duration::try_days(i64::from(
                day.weekday().num_days_from_monday(),
            ))?)?;
            let sunday = monday.checked_add_signed(Duration::try_days(6)?)?;
            Some(Val::Iv(Some(Pt::D(monday)), Some(Pt::D(sunday))))
        }
        Unit::Month => {
            month_index(i64::from(d.year()) * 12 + i64::from(d.month0()) + n).map(Val::Pt)
        }
        Unit::Year => Some(Val::Pt(Pt::Y(i32::try_from(i64::from(d.year()) + n).ok()?))),
    }
}

pub(crate) fn last_of_month(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 {
        (y.checked_add(1)?, 1)
    } else {
        (y, m + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// Why a relative expression could not be resolved.
pub(crate) const NO_ANCHOR: &str =
    "no anchor date: a relative expression is not resolved without one";
pub(crate) const TOO_COARSE: &str =
    "the anchor is too coarse: the expression could fall in different years depending on the anchor day";
pub(crate) const OUT_OF_RANGE: &str = "outside the calendar range";

/// Resolves a relative expression against an anchor point.
///
/// * Day or minute anchor: the anchor day is used as is.
/// * Month or year anchor: a `near` expression (one that lies within about
///   two weeks of the anchor day: weekdays, "hier", "la semaine dernière",
///   "il y a trois jours") takes the anchor's own month or year: the day is
///   not known, and the expression is taken to fall in the anchor's period
///   (wrong only when the article was published in the first days of a month
///   and the expression points back across the boundary). Any other
///   expression is evaluated at the first and at the last day the anchor
///   allows: the same value from both is the answer; otherwise the common
///   month or year of the two is; otherwise it is not resolved (e.g. "le 11
///   novembre dernier" with an anchor known only as 2022 may be 2021-11-11 or
///   2022-11-11).
pub(crate) fn resolve(rel: &Rel, near: bool, anchor: Option<Pt>) -> Result<Val, &'static str> {
    let anchor = anchor.ok_or(NO_ANCHOR)?;
    match anchor {
        Pt::D(d) | Pt::T(d, _, _) => rel.eval(d).ok_or(OUT_OF_RANGE),
        coarse if near => Ok(Val::Pt(coarse)),
        coarse => {
            let lo = rel
                .eval(coarse.first_day().ok_or(OUT_OF_RANGE)?)
                .ok_or(OUT_OF_RANGE)?;
            let hi = rel
                .eval(coarse.last_day().ok_or(OUT_OF_RANGE)?)
                .ok_or(OUT_OF_RANGE)?;
            if lo == hi {
                return Ok(lo);
            }
            let first = lo.first_day().ok_or(TOO_COARSE)?;
            let last = hi.last_day().ok_or(TOO_COARSE)?;
            if first.year() != last.year() {
                Err(TOO_COARSE)
            } else if first.month() == last.month() {
                Ok(Val::Pt(Pt::M(first.year(), first.month())))
            } else {
                Ok(Val::Pt(Pt::Y(first.year())))
            }
        }
    }
}

/// The anchor itself at no more than month precision, for vague expressions
/// ("quelques jours après").
pub(crate) fn vague(anchor: Option<Pt>) -> Result<Val, &'static str> {
    match anchor.ok_or(NO_ANCHOR)? {
        Pt::D(d) | Pt::T(d, _, _) => Ok(Val::Pt(Pt::M(d.year(), d.month()))),
        p => Ok(Val::Pt(p)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn weekdays_are_past_biased() {
        // 2025-06-23 is a Monday.
        let d = day("2025-06-23");
        let v = |wd, dir| Rel::Weekday { wd, dir }.eval(d).map(|v| v.iso());
        assert_eq!(v(1, 0).as_deref(), Some("2025-06-23"));
        assert_eq!(v(7, 0).as_deref(), Some("2025-06-22"));
        assert_eq!(v(1, -1).as_deref(), Some("2025-06-16"));
        assert_eq!(v(1, 1).as_deref(), Some("2025-06-30"));
        assert_eq!(v(2, 1).as_deref(), Some("2025-06-24"));
        assert_eq!(v(1, FORWARD).as_deref(), Some("2025-06-23"));
        assert_eq!(v(7, FORWARD).as_deref(), Some("2025-06-29"));
    }

    #[test]
    fn coarse_anchor_agreement() {
        let rel = Rel::YearlessDate {
            month: 11,
            day: 11,
            dir: -1,
        };
        assert_eq!(
            resolve(&rel, false, Some(Pt::M(2022, 3))).map(|v| v.iso()),
            Ok("2021-11-11".into())
        );
        assert_eq!(resolve(&rel, false, Some(Pt::M(2021, 11))), Err(TOO_COARSE));
        assert_eq!(resolve(&rel, false, Some(Pt::Y(2022))), Err(TOO_COARSE));
    }
}
