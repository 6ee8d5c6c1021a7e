//! Date expressions in running text: one regular expression, built once
//! from the month and weekday names of `data/lexicon.tsv`, finds every
//! candidate in linear time; each match is then checked against the
//! calendar and turned into a [`DateValue`] at its precision.
//!
//! Recognised (case-insensitive, with or without accents):
//! * ISO 8601 and year-first numbers: `2025-06-23`, `2025-06-23T00:53:00+02:00`,
//!   `2025/6/23`, `2025.06.23`; `2025-06` (month);
//! * day-first / month-first numbers: `23/06/2025`, `23.06.2025`, `23-06-25`,
//!   `06/23/2025`, `26 | 01 | 2022` (the order is decided by values > 12,
//!   else by [`DayOrder`]);
//!   `06/2025` (month);
//! * day month year in seven languages: `Lundi 23 Juin 2025 à 00:53`,
//!   `1er mars 2025`, `23. Juni 2025, 14:30 Uhr`, `23 de junio de 2025`,
//!   `Montag, den 23. Juni 2025`, `23-Jun-2025`;
//! * month day year: `June 23, 2025, 10:02 a.m.`, `Mon, Jun 23rd 2025`;
//! * month year: `juin 2025`, `June, 2025`, `junio de 2025` (month);
//! * `2025年6月23日`.
//!
//! Times are kept as printed (local time, no time zone); a date with a time
//! has minute precision.

use std::sync::OnceLock;

use dossier_document::{DateValue, Precision};
use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use crate::calendar::{is_valid, Ymd};
use crate::FoundDate;

/// Which order to read ambiguous numeric dates in (`03/04/2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DayOrder {
    /// Day first (`03/04/2025` = 3 April): most of the world.
    #[default]
    Dmy,
    /// Month first (`03/04/2025` = 4 March): US English.
    Mdy,
}

impl DayOrder {
    /// The usual order for a BCP 47 language tag (`en-US` -> month first).
    pub fn for_language(tag: &str) -> Self {
        let t = tag.trim().to_ascii_lowercase().replace('_', "-");
        let mut parts = t.split('-');
        let lang = parts.next().unwrap_or("");
        let region = parts.next().unwrap_or("");
        if lang == "en" && matches!(region, "" | "us" | "ph" | "ca") {
            DayOrder::Mdy
        } else {
            DayOrder::Dmy
        }
    }
}

struct Lexicon {
    /// (lower-case form, month number, is_full_name)
    months: Vec<(String, u32, bool)>,
    /// lower-case weekday forms
    weekdays: Vec<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let mut months = Vec::new();
        let mut weekdays = Vec::new();
        for line in include_str!("../data/lexicon.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(num), Some(full)) = (cols.get(1), cols.get(2), cols.get(3)) else {
                continue;
            };
            let abbr = cols.get(4).copied().unwrap_or("");
            let Ok(n) = num.trim().parse::<u32>() else { continue };
            let forms = full
                .split(',')
                .map(|f| (f, true))
                .chain(abbr.split(',').map(|f| (f, false)))
                .filter(|(f, _)| !f.trim().is_empty());
            for (f, is_full) in forms {
                let f = f.trim().to_lowercase();
                match *kind {
                    "month" => months.push((f, n, is_full)),
                    "weekday" => weekdays.push(f),
                    _ => {}
                }
            }
        }
        // Longest first so that alternations prefer "septembre" to "sept".
        months.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        months.dedup_by(|a, b| a.0 == b.0 && {
            b.2 |= a.2;
            true
        });
        weekdays.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        weekdays.dedup();
        Lexicon { months, weekdays }
    })
}

/// Month number of a (case-insensitive) month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_lowercase();
    let lex = lexicon();
    // Names shared by languages always denote the same month (checked by a test).
    lex.months.iter().find(|(f, _, _)| *f == n).map(|(_, m, _)| *m)
}

fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    forms.map(regex::escape).collect::<Vec<_>>().join("|")
}

/// The time part that may follow a date: `, 10:02 a.m.`, ` à 00h53`,
/// `T00:53:00+02:00`, ` um 14:30 Uhr`.
fn time_suffix(p: &str) -> String {
    time_part(p, r"(?:\s*(?:,|à|a|at|@|um|-|–|—|\||às|as|alle|ore|om|kl\.?|o)?\s*|T)", true)
}

/// A time introduced by `lead`; optional or required.
fn time_part(p: &str, lead: &str, optional: bool) -> String {
    let q = if optional { "?" } else { "" };
    format!(
        r"(?:{lead}(?P<{p}h>[0-9]{{1,2}})\s?(?::|h|H)\s?(?P<{p}mi>[0-9]{{2}})(?:Z(?-u:\b)|(?-u:\b)(?::[0-9]{{2}}(?:[.,][0-9]+)?)?(?:\s*(?P<{p}ap>[aApP])\.?\s?[mM](?-u:\b)\.?)?(?:\s*(?:Z|UTC|GMT|(?-i:[A-Z]{{1,3}}T|MESZ|MEZ)|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)(?-u:\b))?(?:\s*Uhr(?-u:\b))?)){q}"
    )
}

/// The capture groups of one match of the date pattern, read like
/// `regex::Captures` (`name`, `get`).
struct Captures<'h> {
    caps: regex_automata::util::captures::Captures,
    hay: &'h str,
}

/// One capture group of [`Captures`].
#[derive(Clone, Copy)]
struct Group<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Group<'h> {
    fn as_str(&self) -> &'h str {
        self.hay.get(self.start..self.end).unwrap_or("")
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'h> Captures<'h> {
    fn group(&self, span: Option<regex_automata::Span>) -> Option<Group<'h>> {
        span.map(|s| Group { hay: self.hay, start: s.start, end: s.end })
    }
    fn name(&self, name: &str) -> Option<Group<'h>> {
        self.group(self.caps.get_group_by_name(name))
    }
    fn get(&self, i: usize) -> Option<Group<'h>> {
        self.group(self.caps.get_group(i))
    }
}

/// The date pattern: its alternatives (ISO, CJK, numeric, day-month-year,
/// month-day-year, month-year, year-month, month/year) as one
/// multi-pattern regex that finds matches and tells which alternative
/// matched, and each alternative alone, which reads the groups.
///
/// Speed: one regex with all alternatives in groups gave the same matches,
/// but reading groups runs a bounded backtracker that clears a visited set
/// of (pattern states x match length) bits per match; with 13,000 states
/// that clearing cost more than all the searching. The alternatives alone
/// have 18 to 4,700 states (ISO 344, numeric 896). Same matches and groups:
/// leftmost-first matching prefers the first alternative at the leftmost
/// start, which is the pattern the multi-pattern regex reports, and that
/// alternative, anchored at the match start, matches the same span.
///
/// The alternatives that read the groups spell month and weekday names as
/// runs of the letters names are written with, not as the lexicon's
/// hundreds of forms: on a span the strict pattern matched, a name is
/// followed by a separator or a digit, so the run takes the same text
/// (`read` then looks it up), and the visited set the backtracker clears
/// per match is a fraction of the size.
struct DatePattern {
    all: meta::Regex,
    alternatives: Vec<meta::Regex>,
}

/// Every match of the date pattern in `text`, with its groups.
fn date_captures(text: &str) -> impl Iterator<Item = Captures<'_>> {
    let p = date_pattern();
    p.all.find_iter(text).filter_map(move |m| {
        let re = p.alternatives.get(m.pattern().as_usize())?;
        let mut caps = re.create_captures();
        re.search_captures(&Input::new(text).span(m.range()).anchored(Anchored::Yes), &mut caps);
        caps.is_match().then_some(Captures { caps, hay: text })
    })
}

fn date_pattern() -> &'static DatePattern {
    static RE: OnceLock<DatePattern> = OnceLock::new();
    RE.get_or_init(|| {
        let (strict, loose) = (strict_names(lexicon()), loose_names(lexicon()));
        // The pattern is built from the bundled lexicon; a failure is a bug
        // in the data file, caught by every test.
        // A large lazy-DFA cache: the pattern has many alternatives and the
        // default cache would be rebuilt over and over on long pages.
        let config = || meta::Config::new().nfa_size_limit(Some(64 << 20)).hybrid_cache_capacity(64 << 20);
        let all = meta::Builder::new()
            .configure(config())
            .build_many(&alternatives(&strict))
            .unwrap_or_else(|e| panic!("date regex: {e}"));
        let alternatives = alternatives(&loose)
            .iter()
            .map(|a| meta::Builder::new().configure(config()).build(a).unwrap_or_else(|e| panic!("date regex: {e}")))
            .collect();
        DatePattern { all, alternatives }
    })
}

/// Month and weekday names as alternations of the lexicon's forms.
fn strict_names(lex: &Lexicon) -> Names {
    Names {
        month_any: alternation(lex.months.iter().map(|(f, _, _)| f.as_str())),
        month_full: alternation(lex.months.iter().filter(|m| m.2).map(|(f, _, _)| f.as_str())),
        wd_long: alternation(lex.weekdays.iter().filter(|w| w.chars().count() >= 3).map(|s| s.as_str())),
        wd_short: alternation(lex.weekdays.iter().filter(|w| w.chars().count() < 3).map(|s| s.as_str())),
    }
}

/// Names as letter runs, for reading the groups of a span the strict
/// pattern has already matched; forms with other characters
/// ("segunda-feira", Arabic month names of two words) come first.
fn loose_names(lex: &Lexicon) -> Names {
    let odd = |forms: &mut dyn Iterator<Item = &str>| -> String {
        forms.filter(|f| !f.chars().all(char::is_alphabetic)).map(regex::escape).map(|f| f + "|").collect()
    };
    let odd_months = odd(&mut lex.months.iter().map(|(f, _, _)| f.as_str()));
    let odd_weekdays = odd(&mut lex.weekdays.iter().map(|s| s.as_str()));
    // The letters the names are written with (a class far smaller than
    // all of Unicode's letters). A name in a strict match is followed by a
    // separator or a digit, so a run of these letters from its start
    // covers exactly the name.
    let mut letters: Vec<char> = lex
        .months
        .iter()
        .map(|(f, _, _)| f.as_str())
        .chain(lex.weekdays.iter().map(|s| s.as_str()))
        .flat_map(str::chars)
        .filter(|c| c.is_alphabetic())
        .collect();
    letters.sort_unstable();
    letters.dedup();
    let letter: String = std::iter::once('[').chain(letters).chain(std::iter::once(']')).collect();
    Names {
        month_any: format!(r"{odd_months}{letter}+"),
        month_full: format!(r"{odd_months}{letter}+"),
        wd_long: format!(r"{odd_weekdays}{letter}{{3,}}"),
        wd_short: format!(r"{letter}{{1,2}}"),
    }
}

/// The name parts of the date pattern, as regex alternations.
struct Names {
    month_any: String,
    month_full: String,
    wd_long: String,
    wd_short: String,
}

/// The alternatives of the date pattern, in order, with the given names.
fn alternatives(names: &Names) -> Vec<String> {
    let Names { month_any, month_full, wd_long, wd_short } = names;
    // Optional weekday prefix ("Lundi ", "Mon, ", "Montag, den ", "Di. ").
    let weekday = format!(
        r"(?:(?-u:\b)(?:(?:{wd_long})\.?,?\s+|(?:{wd_short})(?:\.,?|,)\s*)(?:(?:den|der|le|el|il|o)\s+)?)?"
    );
    let b = r"(?-u:\b)";
    let iso = format!(
        r"{b}(?P<iy>[0-9]{{4}})(?P<is1>[-/.])(?P<im>[0-9]{{1,2}})(?P<is2>[-/.])(?P<id>[0-9]{{1,2}})(?:{b}{}|{})",
        time_suffix("it"),
        time_part("iT", "T", false)
    );
    let cjk = r"(?P<cy>[0-9]{4})\s*年\s*(?P<cm>[0-9]{1,2})\s*月(?:\s*(?P<cd>[0-9]{1,2})\s*日)?".to_string();
    let num = format!(
        r"{weekday}{b}(?P<na>[0-9]{{1,2}})(?P<ns1>[-/.]|[ ]?\|[ ]?)(?P<nb>[0-9]{{1,2}})(?P<ns2>[-/.]|[ ]?\|[ ]?)(?P<ny>[0-9]{{4}}|[0-9]{{2}}){b}{}",
        time_suffix("nt")
    );
    let dmy = format!(
        r"{weekday}{b}(?P<dd>[0-9]{{1,2}})(?:er|re|e|st|nd|rd|th|º|°|ª|o)?\.?\s*(?:(?:de|of)\s+|-)?(?P<dm>{month_any})\.?(?:\s*,?\s*|\s+del?\s+|-|\s*\.\s*)(?P<dy>[0-9]{{4}}){b}{}",
        time_suffix("dt")
    );
    let mdy = format!(
        r"{weekday}(?P<mm>{month_any})\.?\s*(?P<md>[0-9]{{1,2}})(?:st|nd|rd|th)?{b},?\s*(?P<my>[0-9]{{4}}){b}{}",
        time_suffix("mt")
    );
    let month_year = format!(
        r"(?P<ym>(?:{month_full})|(?:{month_any})\.)(?:\s*,?\s*|\s+del?\s+|-)(?P<yy>[0-9]{{4}}){b}"
    );
    let year_month = format!(r"{b}(?P<ky>[0-9]{{4}})-(?P<km>[0-9]{{2}}){b}");
    let month_slash_year = format!(r"{b}(?P<sm>[0-9]{{1,2}})/(?P<sy>[0-9]{{4}}){b}");
    [iso, cjk, num, dmy, mdy, month_year, year_month, month_slash_year]
        .iter()
        .map(|a| format!("(?i){a}"))
        .collect()
}

fn num(c: &Captures<'_>, name: &str) -> Option<u32> {
    c.name(name)?.as_str().parse().ok()
}

/// Reads the time groups with prefix `p`; `None` when absent or invalid.
fn time_of(c: &Captures<'_>, p: &str) -> Option<(u32, u32)> {
    let mut h = num(c, &format!("{p}h"))?;
    let mi = num(c, &format!("{p}mi"))?;
    if let Some(ap) = c.name(&format!("{p}ap")) {
        if !(1..=12).contains(&h) {
            return None;
        }
        let pm = ap.as_str().eq_ignore_ascii_case("p");
        h = match (pm, h) {
            (false, 12) => 0,
            (true, 12) => 12,
            (true, h) => h + 12,
            (false, h) => h,
        };
    }
    (h < 24 && mi < 60).then_some((h, mi))
}

/// The end of the date proper when a time group exists but is invalid.
fn date_end_without_time(c: &Captures<'_>, last_group: &str) -> Option<usize> {
    c.name(last_group).map(|m| m.end())
}

fn two_digit_year(y: u32, text_len: usize) -> i32 {
    if text_len == 4 {
        return y as i32;
    }
    let this_year = Ymd::today().year;
    let candidate = 2000 + y as i32;
    if candidate <= this_year + 1 {
        candidate
    } else {
        1900 + y as i32
    }
}

/// A date read from one regex match: (year, month, day, time, precision, end).
struct Reading {
    year: i32,
    month: u32,
    day: u32,
    time: Option<(u32, u32)>,
    precision: Precision,
    start: usize,
    end: usize,
}

fn read(c: &Captures<'_>, text: &str, order: DayOrder) -> Option<Reading> {
    let whole = c.get(0)?;
    let (start, mut end) = (whole.start(), whole.end());
    let with_time = |y: i32, m: u32, d: u32, p: &str, last: &str, end: &mut usize| {
        if !is_valid(y, m, d) {
            return None;
        }
        let has_time_group = c.name(&format!("{p}h")).is_some();
        let time = time_of(c, p);
        if has_time_group && time.is_none() {
            *end = date_end_without_time(c, last)?;
        }
        let precision = if time.is_some() { Precision::Minute } else { Precision::Day };
        Some((time, precision))
    };
    if c.name("iy").is_some() {
        let (y, m, d) = (num(c, "iy")? as i32, num(c, "im")?, num(c, "id")?);
        if c.name("is1")?.as_str() != c.name("is2")?.as_str() {
            return None;
        }
        // Version numbers and IPs: "1.2.2025.06.23" or "2025.06.23.4".
        if c.name("is1")?.as_str() == "." && dotted_neighbour(text, start, c.name("id")?.end()) {
            return None;
        }
        let p = if c.name("iTh").is_some() { "iT" } else { "it" };
        let (time, precision) = with_time(y, m, d, p, "id", &mut end)?;
        return Some(Reading { year: y, month: m, day: d, time, precision, start, end });
    }
    if c.name("cy").is_some() {
        let (y, m) = (num(c, "cy")? as i32, num(c, "cm")?);
        return match num(c, "cd") {
            Some(d) => is_valid(y, m, d).then_some(Reading {
                year: y, month: m, day: d, time: None, precision: Precision::Day, start, end,
            }),
            None => is_valid(y, m, 1).then_some(Reading {
                year: y, month: m, day: 1, time: None, precision: Precision::Month, start, end,
            }),
        };
    }
    if c.name("na").is_some() {
        let sep = c.name("ns1")?.as_str().trim();
        if sep != c.name("ns2")?.as_str().trim() {
            return None;
        }
        let ny = c.name("ny")?;
        // `26 | 01 | 2022` (a bar between the numbers, as some bylines
        // print them): with a four-digit year only.
        if sep == "|" && ny.as_str().len() != 4 {
            return None;
        }
        if sep == "." && dotted_neighbour(text, start, ny.end()) {
            return None;
        }
        if matches!(sep, "/" | "-") && slashed_neighbour(text, start, ny.end(), sep) {
            return None;
        }
        let y = two_digit_year(ny.as_str().parse().ok()?, ny.as_str().len());
        let (a, b) = (num(c, "na")?, num(c, "nb")?);
        let (d, m) = if sep == "." || a > 12 {
            (a, b)
        } else if b > 12 {
            (b, a)
        } else {
            match order {
                DayOrder::Dmy => (a, b),
                DayOrder::Mdy => (b, a),
            }
        };
        let (time, precision) = with_time(y, m, d, "nt", "ny", &mut end)?;
        return Some(Reading { year: y, month: m, day: d, time, precision, start, end });
    }
    if c.name("dd").is_some() {
        let (y, m, d) = (num(c, "dy")? as i32, month_number(c.name("dm")?.as_str())?, num(c, "dd")?);
        let (time, precision) = with_time(y, m, d, "dt", "dy", &mut end)?;
        return Some(Reading { year: y, month: m, day: d, time, precision, start, end });
    }
    if c.name("mm").is_some() {
        // The month name must start a word (the regex cannot say so for
        // non-ASCII letters).
        if c.name("mm").is_some_and(|m| m.start() == start) && preceded_by_letter(text, start) {
            return None;
        }
        let (y, m, d) = (num(c, "my")? as i32, month_number(c.name("mm")?.as_str())?, num(c, "md")?);
        let (time, precision) = with_time(y, m, d, "mt", "my", &mut end)?;
        return Some(Reading { year: y, month: m, day: d, time, precision, start, end });
    }
    if c.name("ym").is_some() {
        if preceded_by_letter(text, start) {
            return None;
        }
        let (y, m) = (num(c, "yy")? as i32, month_number(c.name("ym")?.as_str())?);
        return is_valid(y, m, 1).then_some(Reading {
            year: y, month: m, day: 1, time: None, precision: Precision::Month, start, end,
        });
    }
    if c.name("ky").is_some() {
        let (y, m) = (num(c, "ky")? as i32, num(c, "km")?);
        // "2019-2020" never reaches here (needs a boundary after 2 digits);
        // "2025-06-" followed by more digits is a broken ISO date.
        if text.get(end..).is_some_and(|r| r.starts_with('-') || r.starts_with('/')) || preceded_by_sep(text, start) {
            return None;
        }
        return is_valid(y, m, 1).then_some(Reading {
            year: y, month: m, day: 1, time: None, precision: Precision::Month, start, end,
        });
    }
    if c.name("sm").is_some() {
        let (y, m) = (num(c, "sy")? as i32, num(c, "sm")?);
        if text.get(end..).is_some_and(|r| r.starts_with('/')) || preceded_by_sep(text, start) {
            return None;
        }
        return is_valid(y, m, 1).then_some(Reading {
            year: y, month: m, day: 1, time: None, precision: Precision::Month, start, end,
        });
    }
    None
}

fn preceded_by_letter(text: &str, start: usize) -> bool {
    text.get(..start).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric)
}

fn preceded_by_sep(text: &str, start: usize) -> bool {
    text.get(..start).and_then(|s| s.chars().next_back()).is_some_and(|ch| matches!(ch, '/' | '-' | '.' | ':'))
}

/// True when a dotted number is part of a longer dotted sequence ("1.2.3.4").
fn dotted_neighbour(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let b = before.as_bytes();
    let a = after.as_bytes();
    (b.len() >= 2 && b[b.len() - 1] == b'.' && b[b.len() - 2].is_ascii_digit())
        || (a.len() >= 2 && a[0] == b'.' && a[1].is_ascii_digit())
}

/// True when a slashed or dashed number continues ("1/2/3/2025", "12-34-56-78").
fn slashed_neighbour(text: &str, start: usize, end: usize, sep: &str) -> bool {
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let s = sep.as_bytes().first().copied().unwrap_or(b'/');
    let b = before.as_bytes();
    let a = after.as_bytes();
    (b.len() >= 2 && b[b.len() - 1] == s && b[b.len() - 2].is_ascii_digit())
        || (a.len() >= 2 && a[0] == s && a[1].is_ascii_digit())
}

/// Whether `b` holds an ASCII digit: most texts of a page hold none, and
/// this scan, without a branch per byte, tells them apart quickly.
pub(crate) fn has_ascii_digit(b: &[u8]) -> bool {
    b.chunks(64).any(|c| c.iter().fold(false, |found, &x| found | x.is_ascii_digit()))
}

/// A necessary condition for a match of [`date_pattern`], tested by one byte
/// scan instead of a regex search: every alternative of the pattern holds
/// four ASCII digits in a row (a year) except the all-numeric one, which
/// holds three groups of digits apart (`23.06.25`).
fn may_hold_date(text: &str) -> bool {
    if !has_ascii_digit(text.as_bytes()) {
        return false;
    }
    let (mut run, mut runs) = (0usize, 0usize);
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run == 1 {
                runs += 1;
            }
            if run >= 4 || runs >= 3 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Finds every date expression in `text`, reading ambiguous numeric dates
/// in `order`.
pub fn find_dates_with(text: &str, order: DayOrder) -> Vec<FoundDate> {
    let mut out = Vec::new();
    if !may_hold_date(text) {
        return out;
    }
    for c in date_captures(text) {
        if let Some(r) = read(&c, text, order) {
            let mut end = r.end;
            // Trim trailing spaces or punctuation swallowed by optional parts.
            while end > r.start {
                match text.get(..end).and_then(|s| s.chars().next_back()) {
                    Some(ch) if ch.is_whitespace() || ch == ',' => end -= ch.len_utf8(),
                    _ => break,
                }
            }
            let Some(evidence) = text.get(r.start..end) else { continue };
            let date = DateValue::from_parts(r.year, r.month, r.day, r.time, r.precision, evidence);
            out.push(FoundDate { start: r.start, end, date });
        }
    }
    out
}

fn leading_particle() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(?:(?:le|la|el|il|on|am|den|the|du|vom|del|op|em|de|from|since|depuis|dated?)\s+)+")
            .unwrap_or_else(|e| panic!("particle regex: {e}"))
    })
}

/// Parses a string that is one date expression (surrounding spaces,
/// punctuation and a leading particle such as "le" or "on" are allowed).
pub fn parse_with(s: &str, order: DayOrder) -> Option<DateValue> {
    let t = s.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']' | '"' | '\''));
    let t = match leading_particle().find(t) {
        Some(m) => t.get(m.end()..).unwrap_or(t),
        None => t,
    };
    if t.is_empty() || t.len() > 200 {
        return None;
    }
    if let Some(d) = compact(t) {
        return Some(d);
    }
    let found = find_dates_with(t, order);
    let first = found.into_iter().next()?;
    let rest = t.get(first.end..).unwrap_or("");
    let lead = t.get(..first.start).unwrap_or("");
    let only_punct = |x: &str| x.chars().all(|c| c.is_whitespace() || c.is_ascii_punctuation());
    (only_punct(lead) && only_punct(rest)).then_some(first.date)
}

/// `20250623` or `20250623T0053…` as a whole string.
fn compact(t: &str) -> Option<DateValue> {
    let b = t.as_bytes();
    if b.len() < 8 || !b[..8].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let y: i32 = t.get(..4)?.parse().ok()?;
    let m: u32 = t.get(4..6)?.parse().ok()?;
    let d: u32 = t.get(6..8)?.parse().ok()?;
    if !is_valid(y, m, d) {
        return None;
    }
    if b.len() == 8 {
        return Some(DateValue::from_parts(y, m, d, None, Precision::Day, t));
    }
    // YYYYMMDDHHMM[SS]
    if (b.len() == 12 || b.len() == 14) && b.iter().all(u8::is_ascii_digit) {
        let h: u32 = t.get(8..10)?.parse().ok()?;
        let mi: u32 = t.get(10..12)?.parse().ok()?;
        return (h < 24 && mi < 60).then(|| DateValue::from_parts(y, m, d, Some((h, mi)), Precision::Minute, t));
    }
    if b.len() >= 13 && b[8] == b'T' && b[9..13].iter().all(u8::is_ascii_digit) {
        let h: u32 = t.get(9..11)?.parse().ok()?;
        let mi: u32 = t.get(11..13)?.parse().ok()?;
        if h < 24 && mi < 60 {
            return Some(DateValue::from_parts(y, m, d, Some((h, mi)), Precision::Minute, t));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{find_dates, parse};

    /// The groups the strict alternatives and the letter-run ones read on
    /// the spans the strict pattern matches are the same, for every month
    /// and weekday form of the lexicon in every alternative's shape.
    #[test]
    fn letter_run_names_read_the_same_groups() {
        let lex = lexicon();
        let build = |names: &Names| -> Vec<meta::Regex> {
            alternatives(names).iter().map(|a| meta::Builder::new().configure(meta::Config::new().nfa_size_limit(Some(64 << 20))).build(a).unwrap()).collect()
        };
        let (strict, loose) = (build(&strict_names(lex)), build(&loose_names(lex)));
        let all = meta::Regex::new_many(&alternatives(&strict_names(lex))).unwrap();
        let mut texts = Vec::new();
        for (m, _, _) in &lex.months {
            for w in lex.weekdays.iter().step_by(3) {
                texts.push(format!("{w} 23 {m} 2025 à 10h30, puis"));
                texts.push(format!("le {w}, {m} 3rd, 2024 at 9:15 pm."));
            }
            texts.push(format!("({m}. 2019) et 5 de {m} del 2020"));
            texts.push(format!("{m} 2021-{m}-2022 {m}2023"));
        }
        texts.push("Lundi 12/03/2024 | 14:30 et 2024-03-12T10:00:00+01:00".to_string());
        let mut spans = 0;
        for text in &texts {
            for m in all.find_iter(text.as_str()) {
                let k = m.pattern().as_usize();
                let input = Input::new(text.as_str()).span(m.range()).anchored(Anchored::Yes);
                let (mut a, mut b) = (strict[k].create_captures(), loose[k].create_captures());
                strict[k].search_captures(&input, &mut a);
                loose[k].search_captures(&input, &mut b);
                let groups = |c: &regex_automata::util::captures::Captures| (0..c.group_len()).map(|g| c.get_group(g)).collect::<Vec<_>>();
                assert_eq!(groups(&a), groups(&b), "{text:?} pattern {k}");
                spans += 1;
            }
        }
        assert!(spans > 1000, "{spans}");
    }

    #[test]
    fn texts_without_a_year_or_three_numbers_hold_no_date() {
        let texts = [
            "2025-06-23", "2025-06-23T00:53:00+02:00", "2025/6/23", "23/06/2025", "23.06.25", "1.2.3", "6/23/25",
            "26 | 01 | 2022", "Lundi 23 Juin 2025 à 00:53", "1er mars 2025", "June 23, 2025, 10:02 a.m.", "juin 2025",
            "June, 2025", "2025年6月23日", "2025年6月", "2025-06", "06/2025", "23-Jun-2025", "le 3 mai", "14h30",
            "12 commentaires", "3 mai 14:30", "il y a 2 heures", "Mon, Jun 23rd 2025", "23. Juni 2025, 14:30 Uhr",
        ];
        for t in texts {
            let matched = date_pattern().all.is_match(t);
            assert!(!matched || may_hold_date(t), "{t}");
        }
        assert!(!may_hold_date("le 3 mai à 14h"));
        assert!(may_hold_date("3 mai 2025"));
    }
    use proptest::prelude::*;

    fn v(s: &str) -> Option<(String, Precision)> {
        parse(s).map(|d| (d.value, d.precision))
    }

    fn day(s: &str) -> Option<String> {
        parse(s).filter(|d| d.precision == Precision::Day).map(|d| d.value)
    }

    fn minute(s: &str) -> Option<String> {
        parse(s).filter(|d| d.precision == Precision::Minute).map(|d| d.value)
    }

    #[test]
    fn iso_forms() {
        assert_eq!(day("2025-04-03").as_deref(), Some("2025-04-03"));
        assert_eq!(day("2025/04/03").as_deref(), Some("2025-04-03"));
        assert_eq!(day("2025.04.03").as_deref(), Some("2025-04-03"));
        assert_eq!(minute("2025-06-23T00:53:00+02:00").as_deref(), Some("2025-06-23T00:53"));
        assert_eq!(minute("2025-06-23T00:53:00.123Z").as_deref(), Some("2025-06-23T00:53"));
        assert_eq!(minute("2025-06-23 22:05:01").as_deref(), Some("2025-06-23T22:05"));
        assert_eq!(minute("2025-06-23T0053").as_deref(), None);
        assert_eq!(minute("2020-06-07T15:06Z").as_deref(), Some("2020-06-07T15:06"));
        assert_eq!(minute("Sun, 07 Jun 2020 18:06:00 +0300").as_deref(), Some("2020-06-07T18:06"));
        assert_eq!(day("20250623").as_deref(), Some("2025-06-23"));
        assert_eq!(minute("201705011506").as_deref(), Some("2017-05-01T15:06"));
        assert_eq!(parse("201705011575"), None);
        assert_eq!(v("2025-06"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(v("date 2025-06"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(parse("2025-02-31"), None);
        assert_eq!(parse("2025-13-01"), None);
        assert_eq!(day("2024-02-29").as_deref(), Some("2024-02-29"));
        assert_eq!(parse("2023-02-29"), None);
    }

    #[test]
    fn numeric_forms() {
        assert_eq!(day("23/06/2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("23.06.2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("23-06-2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("06/23/2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("03/04/2025").as_deref(), Some("2025-04-03"));
        assert_eq!(parse_with("03/04/2025", DayOrder::Mdy).map(|d| d.value).as_deref(), Some("2025-03-04"));
        assert_eq!(day("3.4.2025").as_deref(), Some("2025-04-03"));
        assert_eq!(day("23.06.25").as_deref(), Some("2025-06-23"));
        assert_eq!(minute("23/06/2025 à 14h30").as_deref(), Some("2025-06-23T14:30"));
        assert_eq!(minute("23.06.2025, 14:30 Uhr").as_deref(), Some("2025-06-23T14:30"));
        assert_eq!(v("06/2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(day("26 | 01 | 2022").as_deref(), Some("2022-01-26"));
        assert_eq!(day("26|01|2022").as_deref(), Some("2022-01-26"));
        assert_eq!(parse("26 | 01 | 22"), None);
        assert_eq!(parse("26 | 01/2022"), None);
        assert_eq!(parse("31/02/2025"), None);
        assert_eq!(parse("23/13/2025"), None);
        assert_eq!(parse("23/06-2025"), None);
        assert!(find_dates("version 1.2.23.06.2025").is_empty());
        assert!(find_dates("ip 10.12.10.2025.1").is_empty());
    }

    #[test]
    fn french() {
        assert_eq!(minute("Lundi 23 Juin 2025 à 00:53").as_deref(), Some("2025-06-23T00:53"));
        assert_eq!(day("le 4 mars 2025").as_deref(), Some("2025-03-04"));
        assert_eq!(day("1er mars 2025").as_deref(), Some("2025-03-01"));
        assert_eq!(day("1er Février 2025").as_deref(), Some("2025-02-01"));
        assert_eq!(day("1er fevrier 2025").as_deref(), Some("2025-02-01"));
        assert_eq!(day("12 déc. 2024").as_deref(), Some("2024-12-12"));
        assert_eq!(day("12 DÉCEMBRE 2024").as_deref(), Some("2024-12-12"));
        assert_eq!(day("3 août 2021").as_deref(), Some("2021-08-03"));
        assert_eq!(day("3 aout 2021").as_deref(), Some("2021-08-03"));
        assert_eq!(minute("publié le mardi 3 août 2021 à 18h05").as_deref(), None);
        assert_eq!(v("juin 2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(v("Juin 2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(v("janv. 2025"), Some(("2025-01".into(), Precision::Month)));
    }

    #[test]
    fn english() {
        assert_eq!(minute("June 23, 2025, 10:02 a.m.").as_deref(), Some("2025-06-23T10:02"));
        assert_eq!(minute("June 23, 2025, 10:02 p.m.").as_deref(), Some("2025-06-23T22:02"));
        assert_eq!(minute("June 23, 2025 12:15 am").as_deref(), Some("2025-06-23T00:15"));
        assert_eq!(minute("June 23, 2025 at 12:15 PM EDT").as_deref(), Some("2025-06-23T12:15"));
        assert_eq!(day("Monday, June 23rd, 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("Mon, Jun 23 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("Sept. 3, 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(day("23rd of June 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("23 June 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("23-Jun-2025").as_deref(), Some("2025-06-23"));
        assert_eq!(v("June 2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(v("June, 2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(parse("February 30, 2025"), None);
        assert_eq!(minute("June 23, 2025 13:02 pm"), None);
    }

    #[test]
    fn german_dutch() {
        assert_eq!(day("23. Juni 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("Montag, den 23. Juni 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("3. März 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(day("3. Maerz 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(day("3. Jänner 2025").as_deref(), Some("2025-01-03"));
        assert_eq!(minute("Mo., 23.06.2025, 14:30 Uhr").as_deref(), Some("2025-06-23T14:30"));
        assert_eq!(day("23 juni 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("maandag 3 maart 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(day("3 mrt 2025").as_deref(), Some("2025-03-03"));
        assert_eq!(v("Oktober 2019"), Some(("2019-10".into(), Precision::Month)));
    }

    #[test]
    fn romance() {
        assert_eq!(day("23 de junio de 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("lunes, 23 de junio del 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("1º de março de 2025").as_deref(), Some("2025-03-01"));
        assert_eq!(day("1 de marco de 2025").as_deref(), Some("2025-03-01"));
        assert_eq!(day("segunda-feira, 23 de junho de 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(day("23 giugno 2025").as_deref(), Some("2025-06-23"));
        assert_eq!(minute("lunedì 23 giugno 2025 alle 10:30").as_deref(), Some("2025-06-23T10:30"));
        assert_eq!(day("3 settembre 2019").as_deref(), Some("2019-09-03"));
        assert_eq!(v("junio de 2025"), Some(("2025-06".into(), Precision::Month)));
        assert_eq!(v("outubro de 2025"), Some(("2025-10".into(), Precision::Month)));
    }

    #[test]
    fn slavic_turkish() {
        assert_eq!(minute("15 августа 2016, 13:43").as_deref(), Some("2016-08-15T13:43"));
        assert_eq!(v("Август 2016"), Some(("2016-08".into(), Precision::Month)));
        assert_eq!(day("7 червня 2020").as_deref(), Some("2020-06-07"));
        assert_eq!(day("3 października 2020").as_deref(), Some("2020-10-03"));
        assert_eq!(day("12 Kasım 2020").as_deref(), Some("2020-11-12"));
        assert!(find_dates("Humay 2025").is_empty());
    }

    #[test]
    fn arabic() {
        let f = find_dates("الأربعاء، 07 أكتوبر 2020 - 12:09 م");
        assert_eq!(f.first().map(|d| d.date.value.as_str()), Some("2020-10-07T12:09"));
        assert_eq!(day("24 نيسان 2020").as_deref(), Some("2020-04-24"));
    }

    #[test]
    fn cjk() {
        assert_eq!(day("2025年6月23日").as_deref(), Some("2025-06-23"));
        assert_eq!(v("2025年6月"), Some(("2025-06".into(), Precision::Month)));
    }

    #[test]
    fn parse_rejects_prose() {
        assert_eq!(parse("hello"), None);
        assert_eq!(parse(""), None);
        assert_eq!(parse("the meeting of 23 June 2025 was long"), None);
        assert_eq!(parse("2025"), None);
        assert_eq!(parse("12:30"), None);
    }

    #[test]
    fn finds_in_running_text() {
        let t = "Publié le lundi 23 juin 2025 à 00:53, mis à jour le 24/06/2025. Il était venu en mars 2021 puis le 1er mars 2022.";
        let f = find_dates(t);
        let vals: Vec<&str> = f.iter().map(|d| d.date.value.as_str()).collect();
        assert_eq!(vals, ["2025-06-23T00:53", "2025-06-24", "2021-03", "2022-03-01"]);
        for d in &f {
            assert_eq!(&t[d.start..d.end], d.date.evidence);
            assert!(!d.date.estimated);
        }
        assert_eq!(f[0].date.evidence, "lundi 23 juin 2025 à 00:53");
        assert_eq!(f[2].date.evidence, "mars 2021");
    }

    #[test]
    fn byline_evidence_is_the_date_expression() {
        let t = "Rédigé par Kamalenba le Lundi 23 Juin 2025 à 00:53";
        let f = find_dates(t);
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].date.evidence, "Lundi 23 Juin 2025 à 00:53");
        assert_eq!(f[0].date.value, "2025-06-23T00:53");
        let f = find_dates("date 2025-06");
        assert_eq!((f[0].date.value.as_str(), f[0].date.precision), ("2025-06", Precision::Month));
        assert_eq!(f[0].date.evidence, "2025-06");
    }

    #[test]
    fn no_false_positives_on_numbers() {
        assert!(find_dates("call 0800 123 456 or 12/34/5678").is_empty());
        assert!(find_dates("between 2019-2020 and 1,234,567").is_empty());
        assert!(find_dates("The marsupial 2025 report").is_empty());
        assert!(find_dates("score 3-2 in 90 minutes").is_empty());
    }

    #[test]
    fn shared_month_names_agree() {
        let lex = lexicon();
        for (f, m, _) in &lex.months {
            for (g, n, _) in &lex.months {
                if f == g {
                    assert_eq!(m, n, "{f}");
                }
            }
        }
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("MÄRZ"), Some(3));
    }

    #[test]
    fn day_order_for_language() {
        assert_eq!(DayOrder::for_language("en-US"), DayOrder::Mdy);
        assert_eq!(DayOrder::for_language("en"), DayOrder::Mdy);
        assert_eq!(DayOrder::for_language("en-GB"), DayOrder::Dmy);
        assert_eq!(DayOrder::for_language("fr-FR"), DayOrder::Dmy);
    }

    #[test]
    fn long_inputs_stay_linear() {
        let t = "le 1er mars 2025, 23/06/2025 12:30 et 2024-01-02T03:04Z; ".repeat(20_000);
        let f = find_dates(&t);
        assert_eq!(f.len(), 60_000);
        let digits = "1".repeat(200_000) + "-" + &"2".repeat(200_000);
        assert!(find_dates(&digits).is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_spans_are_evidence(s in "\\PC{0,200}") {
            let found = find_dates(&s);
            let mut last = 0;
            for d in &found {
                prop_assert!(d.start >= last && d.end > d.start);
                prop_assert_eq!(s.get(d.start..d.end), Some(d.date.evidence.as_str()));
                last = d.end;
            }
            let _ = parse(&s);
        }

        #[test]
        fn date_like_strings_never_panic(s in "[0-9 ./:-]{0,40}[a-zéû]{0,9}[0-9 ,./:aphT+-]{0,30}") {
            for d in find_dates(&s) {
                prop_assert!(crate::Ymd::of(&d.date).is_some());
            }
            let _ = parse(&s);
        }

        #[test]
        fn valid_iso_days_roundtrip(days in 0i64..40_000) {
            let d = crate::Ymd::from_days(days);
            let s = format!("{:04}-{:02}-{:02}", d.year, d.month, d.day);
            prop_assert_eq!(parse(&s).map(|v| v.value), Some(s.clone()));
            let fr = format!("{}/{:02}/{}", d.day, d.month, d.year);
            prop_assert_eq!(parse(&fr).map(|v| v.value), Some(s));
        }
    }
}
