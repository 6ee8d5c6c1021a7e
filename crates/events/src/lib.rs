//! Events of the dossier; for now, the temporal expressions they are dated
//! with.
//!
//! [`find_timexes`]`(text, lang, anchor)` finds the temporal expressions of
//! a French or English text and normalises them to ISO 8601 / TIMEX3-style
//! values against the article's publication date (`anchor`) at that date's
//! own precision:
//!
//! * absolute dates keep their printed precision: "le 4 mars 2025" →
//!   `2025-03-04`, "en 2022" → `2022`, "fin 2014" → `2014` with modifier
//!   `End` (TIMEX3 `mod="END"`), "mi-juin 2025" → `2025-06` with `Mid`;
//! * relative ones are resolved against the anchor: with a day anchor
//!   2025-06-23, "ce dimanche" → `2025-06-22`, "hier" → `2025-06-22`, "la
//!   semaine dernière" → `2025-06-16/2025-06-22`, "il y a deux ans" →
//!   `2023`; with a month anchor 2025-06, "lundi" → `2025-06` (never a
//!   made-up day); with no anchor, they are returned unresolved (`value:
//!   None`, `resolved: false`, a `note` saying why, and the underspecified
//!   TIMEX3 form in `partial` when there is one, e.g. `XXXX-WXX-1`);
//! * intervals are `start/end` with `..` for an open end: "depuis 2021" →
//!   `2021/..`, "jusqu'au 26 juin" → `../2025-06-26`, "du 3 au 5 mars 2025"
//!   → `2025-03-03/2025-03-05`; durations are ISO 8601: "pendant deux ans"
//!   → `P2Y`.
//!
//! [`find_timexes_with`] takes [`TimexOptions`] (an estimated anchor from
//! the dates of an undated text). Each [`Timex`] has its byte span and
//! text, its [`TimexKind`], `value` + [`TimexPrecision`], a [`TimexMod`]
//! ("fin" = END), `date` (a point as a `DateValue`) or `interval_start` /
//! `interval_end`, the [`TimexAnchor`] used, `resolved`, `estimated`, and
//! for unresolved ones `partial` and `note`.
//!
//! The words and shapes are data (`data/lang/{fr,en}/timex/`), the calendar
//! arithmetic is `chrono`'s; the rules for weekdays, yearless dates, vague
//! and coarse-anchored expressions are documented in [`timex`].
//!
//! ```
//! use dossier_document::{DateValue, Precision};
//! use dossier_events::{find_timexes, TimexKind, TimexPrecision};
//!
//! let anchor = DateValue::from_parts(2025, 6, 23, None, Precision::Day, "published");
//! let found = find_timexes(
//!     "Le président a entamé ce dimanche une visite prévue jusqu'au 26 juin.",
//!     "fr",
//!     Some(&anchor),
//! );
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].text, "ce dimanche");
//! assert_eq!(found[0].value.as_deref(), Some("2025-06-22"));
//! assert_eq!(found[0].precision, Some(TimexPrecision::Day));
//! assert_eq!(found[0].kind, TimexKind::Relative);
//! assert_eq!(found[1].text, "jusqu'au 26 juin");
//! assert_eq!(found[1].value.as_deref(), Some("../2025-06-26"));
//!
//! // Only the month of publication known: no made-up day.
//! let month = DateValue::from_parts(2025, 6, 1, None, Precision::Month, "published");
//! let found = find_timexes("Le Kremlin a dit lundi vouloir renforcer ses liens.", "fr", Some(&month));
//! assert_eq!(found[0].value.as_deref(), Some("2025-06"));
//! assert_eq!(found[0].precision, Some(TimexPrecision::Month));
//! ```

#![deny(missing_docs)]

pub mod timex;

pub use timex::{
    find_timexes, find_timexes_with, Timex, TimexAnchor, TimexKind, TimexMod, TimexOptions,
    TimexPrecision,
};

pub mod extract;

pub use extract::{
    extract, merge, timeline, ActorMention, ActorRef, Event, EventDoc, EventMention, EventTime,
    EventType, TimelineEntry,
};
