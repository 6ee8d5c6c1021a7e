//! Events: who did what to whom, where and when, read from the sentences of
//! each article, merged across articles, and ordered into a timeline.
//!
//! The method is deliberately simple and inspectable:
//!
//! 1. **Triggers** come from per-language data files
//!    (`data/lang/<iso>/events/triggers.tsv`: a word or word prefix → a type
//!    of the taxonomy below). A sentence with a trigger and at least one
//!    actor is an event candidate; its type is the most specific trigger's.
//! 2. **Participants** are the people and organisations of the sentence,
//!    plus a place named before the trigger (a country acting: "la Russie a
//!    lancé …"). **Place** is the first other place, preferring one after a
//!    locative preposition.
//! 3. **Time** is the sentence's temporal expressions ([`crate::find_timexes`])
//!    resolved against the publication date at its own precision, nearest to
//!    the trigger first; every value is kept. Undated articles use an
//!    estimated anchor from their own absolute dates, flagged `estimated`.
//! 4. **Merging**: mentions of one event across sentences and articles (same
//!    or compatible type, a shared participant, compatible times — one value
//!    a prefix of the other) become one [`Event`] listing every source; when
//!    sources disagree on the time, all values are kept.
//!
//! Taxonomy (PLOVER-like): `meet` (meeting, talks, press conference),
//! `visit`, `agree` (agreement, signature, a vote passing a text),
//! `cooperate`, `statement` (a declaration on record), `deploy`, `withdraw`
//! (withdrawal, departure, resignation, retirement), `attack` (armed
//! attack, strike, violent crime), `coup`, `sanction` (sanctions, charges,
//! convictions, fines, bans), `announce` (announcement, publication,
//! decision, appointment, launch, opening of an inquiry).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use dossier_document::DateValue;
use dossier_text::Span;
use serde::{Deserialize, Serialize};

use crate::timex::{find_timexes_with, Timex, TimexKind, TimexOptions, TimexPrecision};

/// The kinds of event, most specific first (that order breaks ties when a
/// sentence holds several triggers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventType {
    /// A coup d'état, a seizure of power.
    Coup,
    /// An armed attack, strike, offensive, violent crime.
    Attack,
    /// A withdrawal, departure, evacuation, resignation.
    Withdraw,
    /// A deployment or presence of forces.
    Deploy,
    /// A visit to a place.
    Visit,
    /// A meeting, talks, a press conference.
    Meet,
    /// An agreement, a signature.
    Agree,
    /// Sanctions, an embargo, charges, a conviction, a fine, a ban.
    Sanction,
    /// Cooperation, partnership.
    Cooperate,
    /// An announcement, publication, decision, appointment, launch.
    Announce,
    /// A statement, a declaration.
    Statement,
}

impl EventType {
    /// The lower-case name used in data files and JSON.
    pub fn as_str(&self) -> &'static str {
        match self {
            EventType::Coup => "coup",
            EventType::Attack => "attack",
            EventType::Withdraw => "withdraw",
            EventType::Deploy => "deploy",
            EventType::Visit => "visit",
            EventType::Meet => "meet",
            EventType::Agree => "agree",
            EventType::Sanction => "sanction",
            EventType::Cooperate => "cooperate",
            EventType::Announce => "announce",
            EventType::Statement => "statement",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "coup" => EventType::Coup,
            "attack" => EventType::Attack,
            "withdraw" => EventType::Withdraw,
            "deploy" => EventType::Deploy,
            "visit" => EventType::Visit,
            "meet" => EventType::Meet,
            "agree" => EventType::Agree,
            "sanction" => EventType::Sanction,
            "cooperate" => EventType::Cooperate,
            "announce" => EventType::Announce,
            "statement" => EventType::Statement,
            _ => return None,
        })
    }

    /// Visits and meetings report the same encounter from two sides; the
    /// talk-like types (announce, statement, cooperate) describe it too.
    fn compatible(self, other: EventType) -> bool {
        use EventType::*;
        let family = |t: EventType| match t {
            Visit | Meet | Agree | Cooperate | Announce | Statement => 0,
            Withdraw | Deploy => 1,
            Attack => 2,
            Coup => 3,
            Sanction => 4,
        };
        self == other || family(self) == family(other)
    }
}

/// An entity mention as the event extractor needs it: where, what type,
/// and which resolved entity it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorMention {
    /// Byte span in the document text.
    pub span: Span,
    /// `PER`, `ORG` or `LOC`.
    pub kind: String,
    /// The resolved entity's id.
    pub entity: String,
    /// The entity's canonical name.
    pub name: String,
}

/// One document, as the event extractor reads it.
#[derive(Debug, Clone, Copy)]
pub struct EventDoc<'a> {
    /// Document id.
    pub doc_id: &'a str,
    /// Clean text.
    pub text: &'a str,
    /// ISO 639-1 language.
    pub lang: &'a str,
    /// Publication date (the anchor of relative expressions).
    pub published: Option<&'a DateValue>,
    /// Sentence spans.
    pub sentences: &'a [Span],
    /// Entity mentions with their resolved entities, in text order.
    pub actors: &'a [ActorMention],
}

/// A reference to an entity taking part in an event.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ActorRef {
    /// Entity id.
    pub entity: String,
    /// Canonical name.
    pub name: String,
    /// `PER`, `ORG` or `LOC`.
    pub kind: String,
}

/// A normalised time of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventTime {
    /// ISO 8601 value (`2025-06-22`, `2025-06`, `2021/..`).
    pub value: String,
    /// `year`, `month`, `day`, `minute` or `interval`.
    pub precision: String,
    /// The point used to place the event on a timeline (an interval's
    /// known end), at its own precision.
    pub point: String,
    /// The expression as printed.
    pub text: String,
    /// The anchor it was resolved against, if any.
    pub anchor: Option<String>,
    /// True when resolved against an estimated anchor.
    pub estimated: bool,
    /// Document the time was read in.
    pub doc_id: String,
}

/// One report of an event in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// Document id.
    pub doc_id: String,
    /// The event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// The trigger's byte span.
    pub trigger: Span,
    /// The trigger as printed.
    pub trigger_text: String,
    /// The evidence sentence's byte span.
    pub sentence: Span,
    /// Who took part.
    pub participants: Vec<ActorRef>,
    /// Where.
    pub place: Option<ActorRef>,
    /// When, nearest expression first.
    pub times: Vec<EventTime>,
}

/// An event merged over all its reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id (type, participants and first time).
    pub id: String,
    /// Type (of the first report).
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Union of the participants.
    pub participants: Vec<ActorRef>,
    /// The place most reports give.
    pub place: Option<ActorRef>,
    /// Every distinct time the sources give (disagreements kept).
    pub times: Vec<EventTime>,
    /// Every report.
    pub sources: Vec<EventMention>,
}

impl Event {
    /// The time used to order the event: the earliest point among the
    /// values at the finest precision sources agree on.
    pub fn sort_point(&self) -> Option<&str> {
        self.times.iter().map(|t| t.point.as_str()).min()
    }

    /// True when two sources date the event differently: their first
    /// (nearest) times are not prefixes of one another. Several times in
    /// one sentence ("en 2020 et 2021") are not a disagreement.
    pub fn times_disagree(&self) -> bool {
        let points: Vec<&str> =
            self.sources.iter().filter_map(|s| s.times.first()).map(|t| t.point.as_str()).collect();
        points.iter().any(|a| points.iter().any(|b| !a.starts_with(b) && !b.starts_with(a)))
    }
}

struct Trigger {
    words: Vec<String>,
    prefix: bool,
    kind: EventType,
}

/// The trigger lists shipped per language (adding a language adds a file
/// and a line here).
const TRIGGER_FILES: &[(&str, &str)] = &[
    (
        "fr",
        include_str!("../../../data/lang/fr/events/triggers.tsv"),
    ),
    (
        "en",
        include_str!("../../../data/lang/en/events/triggers.tsv"),
    ),
];

fn triggers(lang: &str) -> &'static [Trigger] {
    static TABLES: OnceLock<BTreeMap<&'static str, Vec<Trigger>>> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        TRIGGER_FILES
            .iter()
            .map(|(lang, data)| (*lang, parse_triggers(data)))
            .collect()
    });
    tables.get(lang).map(Vec::as_slice).unwrap_or(&[])
}

fn parse_triggers(data: &str) -> Vec<Trigger> {
    data.lines()
        .filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let (pattern, kind) = l.split_once('\t')?;
            let kind = EventType::parse(kind.trim())?;
            let pattern = pattern.trim();
            let prefix = pattern.ends_with('*');
            let pattern = pattern.trim_end_matches('*');
            let words = pattern.split_whitespace().map(fold_apostrophes).collect();
            Some(Trigger {
                words,
                prefix,
                kind,
            })
        })
        .collect()
}

fn fold_apostrophes(s: &str) -> String {
    s.chars()
        .map(|c| if c == '’' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Word spans of a sentence (letters, digits, inner apostrophes and hyphens).
fn words(text: &str, sentence: Span) -> Vec<Span> {
    let Some(s) = sentence.slice(text) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut prev = ' ';
    for (i, c) in s.char_indices() {
        let inner = (c == '\'' || c == '’' || c == '-') && prev.is_alphanumeric();
        if c.is_alphanumeric() || inner {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(st) = start.take() {
            out.push(Span::new(sentence.start + st, sentence.start + i));
        }
        prev = c;
    }
    if let Some(st) = start {
        out.push(Span::new(sentence.start + st, sentence.end));
    }
    out
}

/// Finds triggers in a sentence: (span, type). A multi-word pattern
/// matches consecutive words; elided forms ("s'est") are single words.
fn find_triggers(text: &str, sentence: Span, lang: &str) -> Vec<(Span, EventType)> {
    let table = triggers(lang);
    let ws = words(text, sentence);
    let folded: Vec<String> = ws
        .iter()
        .map(|w| fold_apostrophes(w.slice(text).unwrap_or("")))
        .collect();
    let mut found = Vec::new();
    for i in 0..ws.len() {
        for t in table {
            let n = t.words.len();
            if n == 0 || i + n > ws.len() {
                continue;
            }
            let ok = t.words.iter().enumerate().all(|(k, w)| {
                let f = &folded[i + k];
                if k + 1 == n && t.prefix {
                    f.starts_with(w.as_str())
                } else {
                    f == w
                }
            });
            if ok {
                found.push((Span::new(ws[i].start, ws[i + n - 1].end), t.kind));
            }
        }
    }
    // The credit line of an embedded post ("— Jane Doe (@janedoe) March
    // 16, 2020") reports a statement by the person named before the handle.
    if let Some(s) = sentence.slice(text) {
        if let Some(at) = s.find("(@") {
            let handle = s.get(at + 2..).unwrap_or("");
            let len = handle.find(')').unwrap_or(0);
            let is_handle = len > 0 && handle.get(..len).is_some_and(|h| h.chars().all(|c| c.is_alphanumeric() || c == '_'));
            if is_handle {
                found.push((Span::new(sentence.start + at, sentence.start + at + len + 3), EventType::Statement));
            }
        }
    }
    found
}

/// Prepositions that make a place a complement ("le départ du Mali", "the
/// capital of France"), never the actor of the sentence.
const COMPLEMENTS: &[&str] = &["de", "du", "des", "of", "from", "contre", "against", "avec", "with", "par", "by"];

const LOCATIVES: &[&str] = &[
    "à", "au", "aux", "en", "dans", "vers", "in", "at", "to", "into",
];

/// Extracts event mentions from one document.
pub fn extract(doc: &EventDoc<'_>) -> Vec<EventMention> {
    let options = TimexOptions {
        text_anchor: doc.published.is_none(),
    };
    let timexes: Vec<Timex> = find_timexes_with(doc.text, doc.lang, doc.published, &options)
        .into_iter()
        .filter(|t| t.resolved && t.kind != TimexKind::Duration && t.value.is_some())
        .collect();
    let mut out = Vec::new();
    for &sentence in doc.sentences {
        let triggers = find_triggers(doc.text, sentence, doc.lang);
        let sentence_times: Vec<&Timex> = timexes.iter().filter(|t| sentence.contains(&t.span())).collect();
        // The trigger nearest to a time expression describes the dated
        // event ("a entamé ce dimanche une visite … dans un contexte
        // d'attaques"); without one, the most specific trigger wins.
        let distance = |span: &Span| {
            sentence_times.iter().map(|t| t.start.abs_diff(span.start).min(t.end.abs_diff(span.end))).min().unwrap_or(0)
        };
        let Some(&(trigger, kind)) = triggers.iter().min_by_key(|(span, kind)| (distance(span), *kind, span.start))
        else {
            continue;
        };
        let actors: Vec<&ActorMention> = doc.actors.iter().filter(|a| sentence.contains(&a.span)).collect();
        let has_agent = actors.iter().any(|a| a.kind != "LOC");
        let mut participants: Vec<ActorRef> = Vec::new();
        let mut places: Vec<(&ActorMention, bool)> = Vec::new();
        for a in &actors {
            let r = ActorRef { entity: a.entity.clone(), name: a.name.clone(), kind: a.kind.clone() };
            if a.kind == "LOC" {
                let before = doc.text.get(sentence.start..a.span.start).unwrap_or("");
                let prev_word = before.split_whitespace().last().unwrap_or("").to_lowercase();
                let locative = LOCATIVES.contains(&prev_word.as_str());
                let complement = COMPLEMENTS.contains(&prev_word.as_str()) || prev_word.ends_with("d'") || prev_word.ends_with("d’");
                // With no person or organisation in the sentence, a place
                // named before the trigger, not after a locative or
                // complement preposition, is the actor: "la Russie a
                // effectué …" (but not "le départ du Mali").
                if !has_agent && a.span.end <= trigger.start && !locative && !complement && !participants.contains(&r) {
                    participants.push(r);
                } else {
                    places.push((a, locative));
                }
            } else if !participants.contains(&r) {
                participants.push(r);
            }
        }
        if participants.is_empty() {
            continue;
        }
        let place = places
            .iter()
            .find(|(_, loc)| *loc)
            .or_else(|| places.first())
            .map(|(a, _)| ActorRef {
                entity: a.entity.clone(),
                name: a.name.clone(),
                kind: a.kind.clone(),
            })
            .filter(|p| !participants.contains(p));
        let mut times: Vec<(usize, EventTime)> = sentence_times
            .iter()
            .filter_map(|t| {
                let time = event_time(t, doc.doc_id)?;
                let distance = t.start.abs_diff(trigger.start);
                Some((distance, time))
            })
            .collect();
        times.sort_by_key(|(d, _)| *d);
        let mut seen: Vec<String> = Vec::new();
        times.retain(|(_, t)| {
            let fresh = !seen.contains(&t.value);
            seen.push(t.value.clone());
            fresh
        });
        out.push(EventMention {
            doc_id: doc.doc_id.to_string(),
            kind,
            trigger,
            trigger_text: doc
                .text
                .get(trigger.start..trigger.end)
                .unwrap_or("")
                .to_string(),
            sentence,
            participants,
            place,
            times: times.into_iter().map(|(_, t)| t).collect(),
        });
    }
    out
}

fn event_time(t: &Timex, doc_id: &str) -> Option<EventTime> {
    let value = t.value.clone()?;
    let precision = t.precision?;
    let point = match precision {
        TimexPrecision::Interval => {
            // Place an interval by its known start, else its end.
            let (start, end) = value.split_once('/')?;
            if start != ".." {
                start.to_string()
            } else if end != ".." {
                end.to_string()
            } else {
                return None;
            }
        }
        TimexPrecision::Duration => return None,
        _ => value.clone(),
    };
    let precision = match precision {
        TimexPrecision::Year => "year",
        TimexPrecision::Month => "month",
        TimexPrecision::Day => "day",
        TimexPrecision::Minute => "minute",
        TimexPrecision::Interval => "interval",
        TimexPrecision::Duration => "duration",
    };
    Some(EventTime {
        value,
        precision: precision.to_string(),
        point,
        text: t.text.clone(),
        anchor: t.anchor.as_ref().map(|a| a.value.clone()),
        estimated: t.estimated,
        doc_id: doc_id.to_string(),
    })
}

fn compatible_times(a: &[EventTime], b: &[EventTime]) -> bool {
    match (a.first(), b.first()) {
        (Some(x), Some(y)) => x.point.starts_with(&y.point) || y.point.starts_with(&x.point),
        // An undated report can join a dated event only through the other
        // checks (shared participants and compatible type).
        _ => true,
    }
}

/// Merges event mentions (from one or many documents) into events: reports
/// from different articles with the same or a compatible type, at least one
/// shared participant and compatible first times. Two sentences of one
/// article, or undated reports, stay separate events. Deterministic: input
/// order decides ids.
pub fn merge(mentions: Vec<EventMention>) -> Vec<Event> {
    let mut events: Vec<Event> = Vec::new();
    for m in mentions {
        let target = events.iter_mut().find(|e| {
            let shared = m
                .participants
                .iter()
                .filter(|p| e.participants.contains(p))
                .count();
            // Reports merge across articles only: two sentences of one
            // article are two events (an article restating its own event
            // usually does so without naming the actors again). Undated
            // reports stay on their own.
            let other_article = !e.sources.iter().any(|s| s.doc_id == m.doc_id);
            let enough = other_article && !m.times.is_empty() && !e.times.is_empty() && shared > 0;
            e.kind.compatible(m.kind) && enough && compatible_times(&e.times, &m.times)
        });
        match target {
            Some(e) => {
                for p in &m.participants {
                    if !e.participants.contains(p) {
                        e.participants.push(p.clone());
                    }
                }
                if e.place.is_none() {
                    e.place = m.place.clone();
                }
                for t in &m.times {
                    if !e.times.iter().any(|x| x.value == t.value) {
                        e.times.push(t.clone());
                    }
                }
                // Prefer the more specific type.
                if m.kind < e.kind {
                    e.kind = m.kind;
                }
                e.sources.push(m);
            }
            None => events.push(Event {
                id: String::new(),
                kind: m.kind,
                participants: m.participants.clone(),
                place: m.place.clone(),
                times: m.times.clone(),
                sources: vec![m],
            }),
        }
    }
    for e in &mut events {
        e.id = event_id(e);
    }
    events
}

fn event_id(e: &Event) -> String {
    // FNV-1a over the identifying parts: stable across runs and platforms.
    let mut h: u64 = 0xcbf29ce484222325;
    let mut feed = |s: &str| {
        for b in s.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x100000001b3);
        }
    };
    feed(e.kind.as_str());
    let mut names: Vec<&str> = e.participants.iter().map(|p| p.entity.as_str()).collect();
    names.sort_unstable();
    for n in names {
        feed(n);
    }
    feed(e.times.first().map_or("", |t| t.point.as_str()));
    if let Some(s) = e.sources.first() {
        feed(&s.doc_id);
        feed(&s.sentence.start.to_string());
    }
    format!("ev-{:012x}", h & 0xffff_ffff_ffff)
}

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// Where the event is placed (at its own precision: a month stays a month).
    pub point: String,
    /// Precision of the point.
    pub precision: String,
    /// The event.
    pub event: Event,
}

/// The dated events, ordered by time. An event is placed at the most
/// precise of its sources' first times (a month-precise report and a
/// day-precise report of one visit place it on the day), the earliest when
/// sources disagree, at that point's own precision: a month stays a month
/// and sorts before the days of that month. Undated events are left out.
pub fn timeline(events: &[Event]) -> Vec<TimelineEntry> {
    let mut entries: Vec<TimelineEntry> = events
        .iter()
        .filter_map(|e| {
            let firsts: Vec<&EventTime> = e.sources.iter().filter_map(|s| s.times.first()).collect();
            let pool: Vec<&EventTime> = if firsts.is_empty() { e.times.iter().collect() } else { firsts };
            let chosen = if e.times_disagree() {
                pool.iter().min_by(|a, b| a.point.cmp(&b.point))
            } else {
                pool.iter().max_by(|a, b| a.point.len().cmp(&b.point.len()).then(b.point.cmp(&a.point)))
            }?;
            Some(TimelineEntry { point: chosen.point.clone(), precision: chosen.precision.clone(), event: e.clone() })
        })
        .collect();
    entries.sort_by(|a, b| a.point.cmp(&b.point).then_with(|| a.event.id.cmp(&b.event.id)));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::Precision;

    fn actor(text: &str, name: &str, kind: &str) -> ActorMention {
        let start = text.find(name).unwrap();
        ActorMention {
            span: Span::new(start, start + name.len()),
            kind: kind.into(),
            entity: format!("{kind}:{name}"),
            name: name.into(),
        }
    }

    #[test]
    fn visit_with_relative_day() {
        let text = "Le ministre Jean Martin a entamé ce dimanche une visite officielle au Japon.";
        let actors = vec![
            actor(text, "Jean Martin", "PER"),
            actor(text, "Japon", "LOC"),
        ];
        let published = DateValue::from_parts(2024, 3, 11, None, Precision::Day, "x");
        let doc = EventDoc {
            doc_id: "d1",
            text,
            lang: "fr",
            published: Some(&published),
            sentences: &[Span::new(0, text.len())],
            actors: &actors,
        };
        let ms = extract(&doc);
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].kind, EventType::Visit);
        assert_eq!(ms[0].participants[0].name, "Jean Martin");
        assert_eq!(ms[0].place.as_ref().map(|p| p.name.as_str()), Some("Japon"));
        assert_eq!(ms[0].times[0].value, "2024-03-10");
    }

    #[test]
    fn country_before_trigger_is_a_participant() {
        let text = "La Norvège a lancé une offensive contre la Suède en 2019.";
        let actors = vec![actor(text, "Norvège", "LOC"), actor(text, "Suède", "LOC")];
        let doc = EventDoc {
            doc_id: "d",
            text,
            lang: "fr",
            published: None,
            sentences: &[Span::new(0, text.len())],
            actors: &actors,
        };
        let ms = extract(&doc);
        assert_eq!(ms[0].kind, EventType::Attack);
        assert_eq!(ms[0].participants[0].name, "Norvège");
        assert_eq!(ms[0].place.as_ref().unwrap().name, "Suède");
        assert_eq!(ms[0].times[0].point, "2019");
    }

    #[test]
    fn reports_merge_across_documents_and_keep_disagreements() {
        let mk = |doc: &str, value: &str, kind: EventType| EventMention {
            doc_id: doc.into(),
            kind,
            trigger: Span::new(0, 1),
            trigger_text: "x".into(),
            sentence: Span::new(0, 1),
            participants: vec![ActorRef {
                entity: "p1".into(),
                name: "A".into(),
                kind: "PER".into(),
            }],
            place: None,
            times: vec![EventTime {
                value: value.into(),
                precision: "day".into(),
                point: value.into(),
                text: value.into(),
                anchor: None,
                estimated: false,
                doc_id: doc.into(),
            }],
        };
        let events = merge(vec![
            mk("a", "2024-03", EventType::Visit),
            mk("b", "2024-03-10", EventType::Meet),
            mk("c", "2019", EventType::Attack),
        ]);
        assert_eq!(events.len(), 2);
        assert_eq!(events[0].sources.len(), 2);
        assert_eq!(events[0].kind, EventType::Visit);
        assert!(!events[0].times_disagree());
        let tl = timeline(&events);
        assert_eq!(tl[0].point, "2019");
        // The day-precise report places the merged visit on its day.
        assert_eq!(tl[1].point, "2024-03-10");
    }

    #[test]
    fn place_after_de_is_not_an_actor() {
        let text = "Le retrait des troupes du Tchad, où elles étaient présentes depuis 2019, est acté.";
        let actors = vec![actor(text, "Tchad", "LOC")];
        let doc = EventDoc { doc_id: "d", text, lang: "fr", published: None, sentences: &[Span::new(0, text.len())], actors: &actors };
        assert!(extract(&doc).is_empty());
    }

    #[test]
    fn no_actor_no_event() {
        let text = "Une visite est prévue en 2025.";
        let doc = EventDoc {
            doc_id: "d",
            text,
            lang: "fr",
            published: None,
            sentences: &[Span::new(0, text.len())],
            actors: &[],
        };
        assert!(extract(&doc).is_empty());
    }

    #[test]
    fn embedded_post_credit_is_a_statement() {
        let t = "— Jane Doe (@jane_doe) March 16, 2020";
        let found = find_triggers(t, Span::new(0, t.len()), "en");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, EventType::Statement);
        assert_eq!(found[0].0.slice(t), Some("(@jane_doe)"));
        let t = "Write to (@ the desk) today";
        assert!(find_triggers(t, Span::new(0, t.len()), "en").is_empty());
    }

    #[test]
    fn triggers_load_for_each_language() {
        assert!(!triggers("fr").is_empty());
        assert!(!triggers("en").is_empty());
        assert!(triggers("xx").is_empty());
    }
}
