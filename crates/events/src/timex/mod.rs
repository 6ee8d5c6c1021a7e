//! Temporal expressions (TIMEX) in French and English running text: found
//! with a per-language grammar read from data files
//! (`data/lang/<lang>/timex/lexicon.tsv` and `patterns.tsv`) plus the
//! absolute dates of [`dossier_dates::find_dates_with`], and normalised to
//! ISO 8601 / TIMEX3-style values against an anchor (the article's
//! publication date) at the anchor's own precision.
//!
//! Choices (see also the crate documentation):
//! * Spans leave out plain prepositions ("en", "in", "on") but keep words
//!   that change the meaning ("le", "ce", "dernier", "fin", "depuis",
//!   "jusqu'au", "il y a", "ago").
//! * "fin 2014", "mi-juin 2025", "late 2014": the value stays at the
//!   printed precision (`2014`, `2025-06`) and [`TimexMod`] says which part
//!   (TIMEX3 `mod` END / MID / START).
//! * Intervals are written `start/end` with `..` for an open end (ISO
//!   8601-2): "depuis 2021" = `2021/..`, "jusqu'au 26 juin" = `../2025-06-26`.
//! * Durations are ISO 8601 (`P2Y`; `PXD` for "quelques jours").
//! * Weekdays are past-biased: "lundi" is the most recent Monday on or
//!   before the anchor day (within the last 7 days), unless a future-tense
//!   cue (lexicon classes `future` / `futuresuffix`: "se rendra", "will")
//!   precedes it in its clause, when it is the next Monday on or after the
//!   anchor; "lundi dernier" is strictly before, "lundi prochain" strictly
//!   after. A day or month without a year is its nearest occurrence to the
//!   anchor (ties go to the past); with "dernier"/"prochain", the nearest
//!   strictly before/after it.
//! * Honest precision: a minute anchor is used as its day. With a month or
//!   year anchor, an expression within about two weeks of the anchor day
//!   ("lundi", "hier", "la semaine dernière") takes the anchor's month
//!   (year); any other is evaluated at the first and the last day the anchor
//!   allows and keeps what both agree on (same value, else same month, else
//!   same year, else unresolved): "le 11 novembre dernier" is 2021-11-11 with
//!   anchor 2022-03 but unresolved with anchor 2022 or 2021-11. Without an
//!   anchor, relative expressions are unresolved (value `None`), with the
//!   TIMEX3 underspecified form in `partial` ("XXXX-11-11").
//! * Same-text coreference: an unresolved day or month without a year takes
//!   the year of the same day (month) written in full elsewhere in the text,
//!   when all such mentions agree ("le 11 novembre dernier" … "le 11
//!   novembre 2021"); flagged estimated, with a note.
//! * [`TimexOptions::text_anchor`] (off by default): without an anchor, the
//!   year of the latest absolute date in the text serves as an estimated
//!   year anchor.
//! * Vague expressions ("quelques jours après", "a few days later") take the
//!   anchor's month (its year when only the year is known), flagged
//!   estimated, with [`TimexMod::Approx`].
//! * Expressions relative to an event rather than to the anchor ("la
//!   veille", "deux ans plus tard") are reported unresolved.

mod calendar;
mod grammar;

use std::collections::{BTreeMap, HashMap};

use chrono::Datelike;

use dossier_document::{DateValue, Precision};
use dossier_text::Span;
use regex::Captures;
use serde::{Deserialize, Serialize};

use calendar::{Pt, Rel, Unit, Val};
use grammar::{Grammar, RuleKind};

/// What sort of temporal expression a [`Timex`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    /// A date that carries its own year ("le 4 mars 2025", "en 2022").
    Absolute,
    /// A date that needs the anchor ("lundi", "hier", "en juin prochain").
    Relative,
    /// A span of time with one or two ends ("depuis 2021", "du 3 au 5 mars").
    Interval,
    /// A length of time ("pendant deux ans": `P2Y`).
    Duration,
}

/// The precision of a normalised value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexPrecision {
    /// `2022`
    Year,
    /// `2022-06`
    Month,
    /// `2022-06-04`
    Day,
    /// `2022-06-04T10:30`
    Minute,
    /// `2021/..`, `2025-03-03/2025-03-05`: see the interval ends.
    Interval,
    /// `P2Y`
    Duration,
}

impl From<Precision> for TimexPrecision {
    fn from(p: Precision) -> Self {
        match p {
            Precision::Year => TimexPrecision::Year,
            Precision::Month => TimexPrecision::Month,
            Precision::Day => TimexPrecision::Day,
            Precision::Minute => TimexPrecision::Minute,
        }
    }
}

/// Which part of the value is meant (TIMEX3 `mod`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexMod {
    /// "début 2020", "early 2020"
    Start,
    /// "mi-juin", "mid-June"
    Mid,
    /// "fin 2014", "late 2014"
    End,
    /// A vague expression placed at the anchor's period.
    Approx,
}

/// The anchor a relative expression was resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimexAnchor {
    /// ISO 8601 value as given (`2025-06`, `2025-06-23T00:53`).
    pub value: String,
    /// Its precision.
    pub precision: Precision,
    /// True when the anchor is an estimate (see [`TimexOptions::text_anchor`]).
    pub estimated: bool,
}

/// A temporal expression found in a text, with its normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// Byte offset of the first byte of the expression in the searched text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The expression as printed (`text[start..end]`).
    pub text: String,
    /// Absolute, relative, interval or duration.
    pub kind: TimexKind,
    /// The normalised value (ISO 8601 / TIMEX3 style: `2025-03-04`,
    /// `2025-06`, `2022`, `2021/..`, `P2Y`); `None` when not resolved.
    pub value: Option<String>,
    /// The precision of `value`; `None` when not resolved.
    pub precision: Option<TimexPrecision>,
    /// Which part of the value is meant ("fin 2014": `End`).
    pub modifier: Option<TimexMod>,
    /// The value as a date, when it is a point in time.
    pub date: Option<DateValue>,
    /// The first end of an interval value (`None`: open or not an interval).
    pub interval_start: Option<DateValue>,
    /// The last end of an interval value (`None`: open or not an interval).
    pub interval_end: Option<DateValue>,
    /// The anchor used, for expressions that need one (even when it was too
    /// coarse to resolve them).
    pub anchor: Option<TimexAnchor>,
    /// True when `value` is set.
    pub resolved: bool,
    /// True when the value is an estimate (vague expressions).
    pub estimated: bool,
    /// The underspecified TIMEX3 value of an unresolved expression, when it
    /// has one (`XXXX-11-11`, `XXXX-WXX-1`, `XXXX-06`).
    pub partial: Option<String>,
    /// Why the expression is not resolved.
    pub note: Option<String>,
}

impl Timex {
    /// The expression's byte span.
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// What a candidate means before the anchor is applied.
#[derive(Debug, Clone, PartialEq)]
enum Sem {
    Abs(Val),
    Rel {
        rel: Rel,
        near: bool,
    },
    Vague,
    EventRel,
    Dur(String),
    /// Recognised but not resolvable, with the reason.
    Unresolved(&'static str),
}

/// How a candidate was widened by a neighbouring cue.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Wrap {
    None,
    Since,
    Until,
}

#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    /// Rule order (ties in length go to the earlier rule; dates from
    /// `dossier-dates` come last).
    order: usize,
    sem: Sem,
    modifier: Option<TimexMod>,
    partial: Option<String>,
    interval: bool,
}

/// Finds the temporal expressions of `text` (language `lang`, ISO 639-1:
/// `fr` or `en`; other languages get only the absolute dates that
/// `dossier-dates` reads) and normalises them against `anchor`, the
/// article's publication date at its precision (`None`: relative
/// expressions stay unresolved). Expressions are returned in text order and
/// do not overlap. Linear in the text (a fixed set of regexes compiled once).
pub fn find_timexes(text: &str, lang: &str, anchor: Option<&DateValue>) -> Vec<Timex> {
    find_timexes_with(text, lang, anchor, &TimexOptions::default())
}

/// Options of [`find_timexes_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimexOptions {
    /// When no anchor is given, use the year of the latest absolute date the
    /// text mentions as an estimated anchor (an article is published on or
    /// after the dates it reports, most often the same year). Values
    /// resolved against it are flagged `estimated`, and so is the anchor.
    /// Off by default.
    pub text_anchor: bool,
}

/// [`find_timexes`] with options.
pub fn find_timexes_with(
    text: &str,
    lang: &str,
    anchor: Option<&DateValue>,
    options: &TimexOptions,
) -> Vec<Timex> {
    let grammar = grammar::grammar(lang);
    let mut cands = Vec::new();
    if let Some(g) = grammar {
        for (order, rule) in g.rules.iter().enumerate() {
            // The patterns have no leading word bound (an ASCII one would
            // miss "à la fin de"; a Unicode one slows the regex engine down):
            // a match that starts inside a word is dropped and the search
            // resumes one character later ("France lundi" -> "lundi").
            let mut pos = 0;
            while pos <= text.len() {
                let Some(caps) = rule.re.captures_at(text, pos) else {
                    break;
                };
                let Some(whole) = caps.get(0) else { break };
                let next_char = whole.start()
                    + text
                        .get(whole.start()..)
                        .and_then(|r| r.chars().next())
                        .map_or(1, char::len_utf8);
                let m = caps.name("core").unwrap_or(whole);
                // A final abbreviation dot ("janv.") is left out of the span:
                // it may as well end the sentence.
                let end = if m.as_str().ends_with('.') {
                    m.end() - 1
                } else {
                    m.end()
                };
                if m.start() >= end
                    || !on_word_bounds(text, whole.start(), whole.end())
                    || !on_word_bounds(text, m.start(), end)
                {
                    pos = next_char;
                    continue;
                }
                pos = whole.end().max(next_char);
                if let Some(c) = interpret(g, rule.kind, &caps, m.start(), end, order) {
                    cands.push(c);
                }
            }
        }
    }
    let order_dates = usize::MAX;
    for f in dossier_dates::find_dates_with(text, dossier_dates::DayOrder::for_language(lang)) {
        if let Some(p) = Pt::parse(&f.date.value, f.date.precision) {
            if text.get(f.start..f.end).is_some() {
                cands.push(Cand {
                    start: f.start,
                    end: f.end,
                    order: order_dates,
                    sem: Sem::Abs(Val::Pt(p)),
                    modifier: None,
                    partial: None,
                    interval: false,
                });
            }
        }
    }
    let mut chosen = select(cands);
    if let Some(g) = grammar {
        future_weekdays(g, text, &mut chosen);
    }
    // An anchor whose value cannot be read is no anchor.
    let mut anchor_pt = anchor.and_then(|a| Pt::parse(&a.value, a.precision));
    let mut anchor_out = anchor.filter(|_| anchor_pt.is_some()).map(|a| TimexAnchor {
        value: a.value.clone(),
        precision: a.precision,
        estimated: a.estimated,
    });
    if anchor_pt.is_none() && options.text_anchor {
        let latest = chosen
            .iter()
            .filter_map(|c| match &c.sem {
                Sem::Abs(v) => v.end().and_then(|p| p.last_day()),
                _ => None,
            })
            .max();
        if let Some(d) = latest {
            let p = Pt::Y(d.year());
            anchor_pt = Some(p);
            anchor_out = Some(TimexAnchor {
                value: p.iso(),
                precision: Precision::Year,
                estimated: true,
            });
        }
    }
    let anchor_estimated = anchor_out.as_ref().is_some_and(|a| a.estimated);
    let mut out: Vec<Timex> = Vec::with_capacity(chosen.len());
    let mut prev_end = 0usize;
    let mut i = 0;
    while i < chosen.len() {
        let Some(c) = chosen.get(i) else { break };
        // A range "du X au Y", "between X and Y", "2020 - 2021".
        if let (Some(g), Some(next)) = (grammar, chosen.get(i + 1)) {
            if let Some(from) = range_start(g, text, prev_end, c, next) {
                // "du 28 décembre au 3 janvier 2025": a start without a year
                // takes it from the end, not from the anchor.
                let start_from_end = match (&c.sem, &next.sem) {
                    (
                        Sem::Rel {
                            rel: Rel::YearlessDate { month, day, dir: 0 },
                            ..
                        },
                        Sem::Abs(v),
                    ) => v.start().and_then(|p| p.first_day()).and_then(|d| {
                        (Rel::YearlessDate {
                            month: *month,
                            day: *day,
                            dir: -1,
                        })
                        .eval(d.succ_opt()?)
                    }),
                    (
                        Sem::Rel {
                            rel: Rel::YearlessMonth { month, dir: 0 },
                            ..
                        },
                        Sem::Abs(v),
                    ) => v.start().and_then(|p| p.last_day()).and_then(|d| {
                        (Rel::YearlessMonth {
                            month: *month,
                            dir: -1,
                        })
                        .eval(d.succ_opt()?)
                    }),
                    _ => None,
                };
                let a = match &start_from_end {
                    Some(v) => Ok(v.clone()),
                    None => eval(c, anchor_pt),
                };
                let b = match (&a, &next.sem) {
                    // "de vendredi à samedi": the end weekday follows the start.
                    (
                        Ok(Val::Pt(Pt::D(first))),
                        Sem::Rel {
                            rel: Rel::Weekday { wd, .. },
                            ..
                        },
                    ) => first
                        .checked_add_days(chrono::Days::new(6))
                        .and_then(|d| (Rel::Weekday { wd: *wd, dir: 0 }).eval(d))
                        .ok_or(calendar::OUT_OF_RANGE),
                    _ => eval(next, anchor_pt),
                };
                let uses =
                    (start_from_end.is_none() && needs_anchor(&c.sem)) || needs_anchor(&next.sem);
                let val = match (&a, &b) {
                    (Ok(va), Ok(vb)) => match (va.start(), vb.end()) {
                        // "de lundi à mardi" with a month anchor: one month.
                        (Some(s), Some(e)) if s == e => Some(Ok(Val::Pt(s))),
                        (Some(s), Some(e)) if s.first_day() <= e.last_day() => {
                            Some(Ok(Val::Iv(Some(s), Some(e))))
                        }
                        // An end before the start: not a range after all.
                        _ => None,
                    },
                    (Err(e), _) | (_, Err(e)) => Some(Err(*e)),
                };
                if let Some(val) = val {
                    out.push(build(
                        text,
                        from,
                        next.end,
                        TimexKind::Interval,
                        val,
                        None,
                        uses,
                        &anchor_out,
                        uses && anchor_estimated,
                        None,
                    ));
                    prev_end = next.end;
                    i += 2;
                    continue;
                }
            }
        }
        let (wrap, start) = match grammar {
            Some(g) => wrap_cue(g, text, prev_end, c),
            None => (Wrap::None, c.start),
        };
        let base = eval(c, anchor_pt);
        let val = match wrap {
            Wrap::None => base,
            Wrap::Since => base.and_then(|v| {
                v.start()
                    .map(|p| Val::Iv(Some(p), None))
                    .ok_or(calendar::OUT_OF_RANGE)
            }),
            Wrap::Until => base.and_then(|v| {
                v.end()
                    .map(|p| Val::Iv(None, Some(p)))
                    .ok_or(calendar::OUT_OF_RANGE)
            }),
        };
        let kind = match (&c.sem, wrap) {
            (Sem::Dur(_), _) => TimexKind::Duration,
            (_, Wrap::Since | Wrap::Until) => TimexKind::Interval,
            _ if c.interval => TimexKind::Interval,
            (Sem::Abs(_), _) => TimexKind::Absolute,
            _ => TimexKind::Relative,
        };
        let vague = matches!(c.sem, Sem::Vague);
        let modifier = if vague {
            Some(TimexMod::Approx)
        } else {
            c.modifier
        };
        let uses = needs_anchor(&c.sem);
        let estimated = vague || (uses && anchor_estimated);
        let partial = c.partial.clone();
        let t = build(
            text,
            start,
            c.end,
            kind,
            val,
            modifier,
            uses,
            &anchor_out,
            estimated,
            partial,
        );
        out.push(t);
        prev_end = c.end;
        i += 1;
    }
    corefer(&mut out);
    out
}

/// Gives an unresolved day or month without a year ("le 11 novembre
/// dernier", partial `XXXX-11-11`) the year of the same day (month) written
/// in full elsewhere in the text ("le 11 novembre 2021"), when all such
/// mentions agree on one year. The value is flagged estimated and the note
/// names the mention.
fn corefer(out: &mut [Timex]) {
    // "MM-DD" and "MM" of each absolute date -> (its year, or None when
    // mentions disagree; the first mention's text).
    let mut years: HashMap<String, (Option<String>, String)> = HashMap::new();
    for t in out.iter().filter(|t| t.kind == TimexKind::Absolute) {
        let Some(v) = t.date.as_ref().map(|d| d.value.as_str()) else {
            continue;
        };
        let (Some(year), Some("-")) = (v.get(..4), v.get(4..5)) else {
            continue;
        };
        for key in [v.get(5..10), v.get(5..7)].into_iter().flatten() {
            years
                .entry(key.to_string())
                .and_modify(|(y, _)| {
                    if y.as_deref() != Some(year) {
                        *y = None;
                    }
                })
                .or_insert_with(|| (Some(year.to_string()), t.text.clone()));
        }
    }
    for t in out.iter_mut() {
        if t.resolved || t.kind != TimexKind::Relative {
            continue;
        }
        let Some(partial) = t.partial.as_deref().and_then(|p| p.strip_prefix("XXXX-")) else {
            continue;
        };
        let precision = match partial.len() {
            5 => Precision::Day,
            2 => Precision::Month,
            _ => continue,
        };
        let Some((Some(first), evidence)) = years.get(partial) else {
            continue;
        };
        let (first, evidence) = (first.clone(), evidence.clone());
        let value = format!("{first}-{partial}");
        t.date = Some(DateValue {
            value: value.clone(),
            precision,
            evidence: t.text.clone(),
            estimated: true,
        });
        t.value = Some(value);
        t.precision = Some(precision.into());
        t.resolved = true;
        t.estimated = true;
        t.partial = None;
        t.note = Some(format!("year taken from {evidence:?} in the same text"));
    }
}

fn needs_anchor(sem: &Sem) -> bool {
    matches!(sem, Sem::Rel { .. } | Sem::Vague | Sem::Unresolved(_))
}

fn eval(c: &Cand, anchor: Option<Pt>) -> Result<Val, &'static str> {
    match &c.sem {
        Sem::Abs(v) => Ok(v.clone()),
        Sem::Rel { rel, near } => calendar::resolve(rel, *near, anchor),
        Sem::Vague => calendar::vague(anchor),
        Sem::EventRel => Err("relative to an event of the text, not to the anchor"),
        Sem::Dur(d) => Ok(Val::Dur(d.clone())),
        Sem::Unresolved(why) => Err(why),
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    text: &str,
    start: usize,
    end: usize,
    kind: TimexKind,
    val: Result<Val, &'static str>,
    modifier: Option<TimexMod>,
    uses_anchor: bool,
    anchor: &Option<TimexAnchor>,
    estimated: bool,
    partial: Option<String>,
) -> Timex {
    let surface = text.get(start..end).unwrap_or("").to_string();
    let (value, precision, date, interval_start, interval_end, note) = match &val {
        Ok(v) => {
            let (prec, date, is, ie) = match v {
                Val::Pt(p) => (
                    TimexPrecision::from(p.precision()),
                    Some(p.date_value(&surface, estimated)),
                    None,
                    None,
                ),
                Val::Iv(a, b) => (
                    TimexPrecision::Interval,
                    None,
                    a.map(|p| p.date_value(&surface, estimated)),
                    b.map(|p| p.date_value(&surface, estimated)),
                ),
                Val::Dur(_) => (TimexPrecision::Duration, None, None, None),
            };
            (Some(v.iso()), Some(prec), date, is, ie, None)
        }
        Err(e) => (None, None, None, None, None, Some(e.to_string())),
    };
    let resolved = value.is_some();
    Timex {
        start,
        end,
        text: surface,
        kind,
        value,
        precision,
        modifier,
        date,
        interval_start,
        interval_end,
        anchor: if uses_anchor { anchor.clone() } else { None },
        resolved,
        estimated: estimated && resolved,
        partial: if resolved { None } else { partial },
        note,
    }
}

/// True when no letter or digit touches the range on either side.
fn on_word_bounds(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let after = text.get(end..).and_then(|s| s.chars().next());
    let last = text.get(..end).and_then(|s| s.chars().next_back());
    let first = text.get(start..).and_then(|s| s.chars().next());
    let touches = |a: Option<char>, b: Option<char>| matches!((a, b), (Some(x), Some(y)) if x.is_alphanumeric() && y.is_alphanumeric());
    !touches(before, first) && !touches(last, after)
}

/// Keeps the longest candidates that do not overlap (ties: earlier rule,
/// then earlier start), in text order.
fn select(mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.order.cmp(&b.order))
            .then(a.start.cmp(&b.start))
    });
    // Chosen spans by start; they never overlap, so an overlap test needs
    // only the neighbours of the new span (O(log n) each).
    let mut chosen: BTreeMap<usize, Cand> = BTreeMap::new();
    for c in cands {
        let clash_prev = chosen
            .range(..=c.start)
            .next_back()
            .is_some_and(|(_, p)| p.end > c.start);
        let clash_next = chosen
            .range(c.start..)
            .next()
            .is_some_and(|(s, _)| *s < c.end);
        if !clash_prev && !clash_next {
            chosen.insert(c.start, c);
        }
    }
    chosen.into_values().collect()
}

/// A bare weekday ("lundi", "ce dimanche") in a clause whose words before
/// it are in the future tense ("se rendra lundi", "will travel to Moscow on
/// Monday") is the next such day on or after the anchor instead of the
/// last one. The clause runs back to the previous punctuation mark, at most
/// 80 bytes.
fn future_weekdays(g: &Grammar, text: &str, chosen: &mut [Cand]) {
    let Some(future) = g.future.as_ref() else {
        return;
    };
    for c in chosen.iter_mut() {
        let Sem::Rel {
            rel: Rel::Weekday { wd, dir: 0 },
            near,
        } = c.sem
        else {
            continue;
        };
        let window = before_n(text, 0, c.start, 80);
        let clause = window
            .rsplit([
                '.', ',', ';', ':', '!', '?', '(', ')', '«', '»', '"', '“', '”', '\n',
            ])
            .next()
            .unwrap_or("");
        if future.is_match(clause) {
            c.sem = Sem::Rel {
                rel: Rel::Weekday {
                    wd,
                    dir: calendar::FORWARD,
                },
                near,
            };
        }
    }
}

/// The text before `c` back to the previous expression, at most 40 bytes.
fn before(text: &str, prev_end: usize, start: usize) -> &str {
    before_n(text, prev_end, start, 40)
}

/// The text before `start` back to `prev_end`, at most `n` bytes.
fn before_n(text: &str, prev_end: usize, start: usize, n: usize) -> &str {
    let mut from = start.saturating_sub(n).max(prev_end);
    while from < start && !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..start).unwrap_or("")
}

/// A "since" / "until" cue right before the candidate, and the widened start.
fn wrap_cue(g: &Grammar, text: &str, prev_end: usize, c: &Cand) -> (Wrap, usize) {
    if matches!(c.sem, Sem::Dur(_) | Sem::EventRel | Sem::Unresolved(_)) || c.interval {
        return (Wrap::None, c.start);
    }
    let window = before(text, prev_end, c.start);
    let offset = c.start - window.len();
    for (re, wrap) in [(&g.since, Wrap::Since), (&g.until, Wrap::Until)] {
        if let Some(cue) = re
            .as_ref()
            .and_then(|re| re.captures(window))
            .and_then(|caps| caps.name("cue"))
        {
            return (wrap, offset + cue.start());
        }
    }
    (Wrap::None, c.start)
}

/// When `a` and `b` form a range ("du X au Y", "entre X et Y", "X - Y"),
/// the range's start.
fn range_start(g: &Grammar, text: &str, prev_end: usize, a: &Cand, b: &Cand) -> Option<usize> {
    let point = |c: &Cand| {
        !matches!(c.sem, Sem::Dur(_) | Sem::EventRel | Sem::Unresolved(_)) && !c.interval
    };
    if !point(a) || !point(b) || b.start < a.end || b.start - a.end > 16 {
        return None;
    }
    let gap = text.get(a.end..b.start)?;
    if !g.to.as_ref()?.is_match(gap) {
        return None;
    }
    let window = before(text, prev_end, a.start);
    let offset = a.start - window.len();
    match g
        .from
        .as_ref()
        .and_then(|re| re.captures(window))
        .and_then(|caps| caps.name("cue"))
    {
        Some(cue) => Some(offset + cue.start()),
        None if gap.trim().chars().all(|ch| ch == '-' || ch == '–') => Some(a.start),
        None => None,
    }
}

/// Turns one regex match into a candidate, or `None` when its values are
/// not a calendar date.
fn interpret(
    g: &Grammar,
    kind: RuleKind,
    caps: &Captures,
    start: usize,
    end: usize,
    order: usize,
) -> Option<Cand> {
    let get = |name: &str| caps.name(name).map(|m| m.as_str());
    let num_of = |name: &str| get(name).and_then(|s| s.parse::<u32>().ok());
    let month_of = |name: &str| {
        get(name)
            .map(|s| s.trim_end_matches('.'))
            .and_then(|s| g.value("month", s).or_else(|| g.value("monthabbr", s)))
            .and_then(|v| v.parse::<u32>().ok())
    };
    let year = num_of("year").and_then(|y| i32::try_from(y).ok());
    let day = num_of("day");
    let month = month_of("month");
    let dir = get("dir").and_then(|s| g.direction(s)).unwrap_or(0);
    let modifier = get("mod")
        .and_then(|s| g.value("mod", s))
        .and_then(|v| match v {
            "start" => Some(TimexMod::Start),
            "mid" => Some(TimexMod::Mid),
            "end" => Some(TimexMod::End),
            _ => None,
        });
    let unit = get("unit")
        .and_then(|s| g.value("unit", s))
        .or_else(|| get("unitsg").and_then(|s| g.value("unitsg", s)))
        .and_then(Unit::parse);
    // A number: digits or a number word; `Some(None)` is a vague one.
    let num: Option<Option<i64>> = get("num").map(|s| match s.parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => g.value("num", s).and_then(|v| v.parse::<i64>().ok()),
    });
    let mut partial = None;
    let mut interval = false;
    let rel = |rel: Rel, near: bool| Sem::Rel { rel, near };
    let sem = match kind {
        RuleKind::Date | RuleKind::DateDir => {
            let (m, d) = (month?, day?);
            if !valid_day(m, d) {
                return None;
            }
            match (year, kind) {
                (Some(y), RuleKind::Date) => {
                    Sem::Abs(Val::Pt(Pt::D(chrono::NaiveDate::from_ymd_opt(y, m, d)?)))
                }
                _ => {
                    partial = Some(format!("XXXX-{m:02}-{d:02}"));
                    rel(
                        Rel::YearlessDate {
                            month: m,
                            day: d,
                            dir: if kind == RuleKind::DateDir { dir } else { 0 },
                        },
                        false,
                    )
                }
            }
        }
        RuleKind::DayRange => {
            let (m, d, d2) = (month?, day?, num_of("day2")?);
            if !valid_day(m, d) || !valid_day(m, d2) || d2 <= d {
                return None;
            }
            interval = true;
            match year {
                Some(y) => Sem::Abs(Val::Iv(
                    Some(Pt::D(chrono::NaiveDate::from_ymd_opt(y, m, d)?)),
                    Some(Pt::D(chrono::NaiveDate::from_ymd_opt(y, m, d2)?)),
                )),
                None => {
                    partial = Some(format!("XXXX-{m:02}-{d:02}/XXXX-{m:02}-{d2:02}"));
                    rel(
                        Rel::YearlessRange {
                            month: m,
                            day: d,
                            day2: d2,
                        },
                        false,
                    )
                }
            }
        }
        RuleKind::MonthYear => Sem::Abs(Val::Pt(Pt::M(year?, month?))),
        RuleKind::MonthDir | RuleKind::Month => {
            let m = month?;
            partial = Some(format!("XXXX-{m:02}"));
            rel(
                Rel::YearlessMonth {
                    month: m,
                    dir: if kind == RuleKind::MonthDir { dir } else { 0 },
                },
                false,
            )
        }
        RuleKind::Year => Sem::Abs(Val::Pt(Pt::Y(year?))),
        RuleKind::Decade => {
            // "les années 1990", "the 1990s": 1990/1999.
            let y = year?;
            // "the 1900s" may be a decade or a century: left out.
            if y % 10 != 0 || y % 100 == 0 {
                return None;
            }
            interval = true;
            Sem::Abs(Val::Iv(Some(Pt::Y(y)), Some(Pt::Y(y + 9))))
        }
        RuleKind::YearRange => {
            let (a, b) = (year?, num_of("year2").and_then(|y| i32::try_from(y).ok())?);
            if b <= a {
                return None;
            }
            interval = true;
            Sem::Abs(Val::Iv(Some(Pt::Y(a)), Some(Pt::Y(b))))
        }
        RuleKind::Weekday | RuleKind::WeekdayDir => {
            let wd = get("weekday")
                .and_then(|s| g.value("weekday", s.trim_end_matches('.')))
                .and_then(|v| v.parse::<u32>().ok())?;
            partial = Some(format!("XXXX-WXX-{wd}"));
            rel(
                Rel::Weekday {
                    wd,
                    dir: if kind == RuleKind::WeekdayDir { dir } else { 0 },
                },
                true,
            )
        }
        RuleKind::Deictic => {
            let n = get("deictic")
                .and_then(|s| g.value("deictic", s))
                .and_then(|v| v.parse::<i64>().ok())?;
            rel(Rel::Offset { unit: Unit::Day, n }, true)
        }
        RuleKind::UnitDir => {
            let u = unit?;
            rel(
                Rel::Offset { unit: u, n: dir },
                matches!(u, Unit::Day | Unit::Week),
            )
        }
        RuleKind::Ago | RuleKind::In => {
            let u = unit?;
            match num? {
                // "il y a quelques jours": near the anchor.
                None if matches!(u, Unit::Day | Unit::Week) => Sem::Vague,
                // "il y a plusieurs années": no honest value.
                None => Sem::Unresolved("a vague number of months or years from the anchor"),
                Some(n) => {
                    let n = if kind == RuleKind::Ago { -n } else { n };
                    let near = match u {
                        Unit::Day => n.abs() <= 14,
                        Unit::Week => n.abs() <= 2,
                        _ => false,
                    };
                    rel(Rel::Offset { unit: u, n }, near)
                }
            }
        }
        // "quelques jours après": near the anchor; "quelques mois
        // après", "deux ans plus tard": relative to an event.
        RuleKind::Later => match (num?, unit?) {
            (None, Unit::Day | Unit::Week) => Sem::Vague,
            _ => Sem::EventRel,
        },
        RuleKind::EventRel => Sem::EventRel,
        RuleKind::Duration => {
            let u = unit?;
            match num? {
                None => Sem::Dur(format!("PX{}", u.iso_letter())),
                Some(n) => Sem::Dur(format!("P{n}{}", u.iso_letter())),
            }
        }
        RuleKind::SinceDur => {
            let u = unit?;
            match num? {
                // "depuis quelques jours": near the anchor; "depuis
                // plusieurs années": a start that cannot be placed.
                None if matches!(u, Unit::Day | Unit::Week) => Sem::Vague,
                None => {
                    interval = true;
                    Sem::Unresolved("a vague length back from the anchor: the start is unknown")
                }
                Some(n) => {
                    interval = true;
                    rel(Rel::Since { unit: u, n }, false)
                }
            }
        }
    };
    Some(Cand {
        start,
        end,
        order,
        sem,
        modifier,
        partial,
        interval,
    })
}

fn valid_day(month: u32, day: u32) -> bool {
    // Leap year 2000 admits 29 February.
    chrono::NaiveDate::from_ymd_opt(2000, month, day).is_some()
}

#[cfg(test)]
mod tests;
