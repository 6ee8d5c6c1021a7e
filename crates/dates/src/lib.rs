//! Dates: parsing date expressions ("23 juin 2025", "June 23, 2025 at
//! 10:02", "2025-06-23T00:53:00+02:00", "23/06/2025", "Lundi 23 Juin 2025 à
//! 00:53") in several languages into [`dossier_document::DateValue`]s with
//! their precision and evidence, finding them in running text, and finding
//! the publication date of an HTML page.
//!
//! API contract (other crates rely on these names):
//! * [`parse`]`(s) -> Option<DateValue>`: the whole string (trimmed) is one
//!   date expression; evidence = the matched substring.
//! * [`find_dates`]`(text) -> Vec<FoundDate>`: every date expression in
//!   running text with its byte span, in order.
//! * [`html::find`]`(src, url) -> HtmlDates`: publication and modification
//!   dates of an HTML page, read from its source in one tree-free pass
//!   ([`markup::walk`]).
//!
//! Also: [`parse_with`] / [`find_dates_with`] (explicit [`DayOrder`] for
//! ambiguous numeric dates such as `03/04/2025`), [`plausible_publication`]
//! and [`Bounds`] (plausibility of a publication date), [`Ymd`] (calendar
//! days), [`html::find_with`] / [`html::explain`] / [`html::url_date`].
//!
//! Month and weekday names (English, French, German, Spanish, Italian,
//! Portuguese, Dutch, Russian, Ukrainian, Polish, Turkish, Arabic) are data:
//! `data/lexicon.tsv`; the cue words that introduce a date on a page
//! ("Publié le", "Updated") are `data/cues.tsv`. Adding a language adds
//! lines there, not code.

use dossier_document::DateValue;

mod calendar;
pub mod html;
pub mod markup;
mod text;

pub use calendar::{days_in_month, is_leap, is_valid, plausible_publication, Bounds, Ymd};
pub use text::{find_dates_with, month_number, parse_with, DayOrder};

/// A date expression found in running text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundDate {
    /// Byte offset of the expression's first byte in the searched text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The parsed value; its evidence is `text[start..end]`.
    pub date: DateValue,
}

/// Parses a string that is one date expression (day-first reading of
/// ambiguous numeric dates; see [`parse_with`]).
pub fn parse(s: &str) -> Option<DateValue> {
    text::parse_with(s, DayOrder::Dmy)
}

/// Finds every date expression in running text, in order (day-first
/// reading of ambiguous numeric dates; see [`find_dates_with`]).
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    text::find_dates_with(text, DayOrder::Dmy)
}
