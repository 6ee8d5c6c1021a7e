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
//! * [`html::find`]`(doc, url) -> HtmlDates`: publication and modification
//!   dates of a parsed HTML page.

use dossier_document::DateValue;

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

/// Parses a string that is one date expression.
pub fn parse(s: &str) -> Option<DateValue> {
    let _ = s;
    None
}

/// Finds every date expression in running text.
pub fn find_dates(text: &str) -> Vec<FoundDate> {
    let _ = text;
    Vec::new()
}

pub mod html {
    //! Publication and modification dates of an HTML page.
    use dossier_document::DateValue;

    /// Dates found on an HTML page.
    #[derive(Debug, Clone, Default, PartialEq, Eq)]
    pub struct HtmlDates {
        /// Original publication date.
        pub published: Option<DateValue>,
        /// Last modification date.
        pub modified: Option<DateValue>,
    }

    /// Finds the dates of a parsed page.
    pub fn find(doc: &scraper::Html, url: Option<&str>) -> HtmlDates {
        let _ = (doc, url);
        HtmlDates::default()
    }
}
