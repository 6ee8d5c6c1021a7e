//! Article metadata; every value carries the source text it came from.

use serde::{Deserialize, Serialize};

/// A value with the evidence (exact source text) it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidenced<T> {
    /// The value.
    pub value: T,
    /// The source text it came from (a substring of the raw page, or a
    /// description such as `meta[property=og:title]`).
    pub evidence: String,
}

impl<T> Evidenced<T> {
    /// Pairs a value with its evidence.
    pub fn new(value: T, evidence: impl Into<String>) -> Self {
        Self { value, evidence: evidence.into() }
    }
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// `2025`
    Year,
    /// `2025-06`
    Month,
    /// `2025-06-23`
    Day,
    /// `2025-06-23T00:53`
    Minute,
}

impl Precision {
    /// The lower-case name used in JSON and the store.
    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Minute => "minute",
        }
    }
}

/// A date as an ISO 8601 prefix at its precision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// `2025`, `2025-06`, `2025-06-23` or `2025-06-23T00:53`.
    pub value: String,
    /// The precision the value is given at.
    pub precision: Precision,
    /// The source text the date was read from.
    pub evidence: String,
    /// True when the date is an estimate rather than printed on the page.
    pub estimated: bool,
}

impl DateValue {
    /// Formats a date from its parts; `month`, `day` and `time` are used as
    /// far as `precision` asks for them.
    pub fn from_parts(
        year: i32,
        month: u32,
        day: u32,
        time: Option<(u32, u32)>,
        precision: Precision,
        evidence: impl Into<String>,
    ) -> Self {
        let value = match precision {
            Precision::Year => format!("{year:04}"),
            Precision::Month => format!("{year:04}-{month:02}"),
            Precision::Day => format!("{year:04}-{month:02}-{day:02}"),
            Precision::Minute => {
                let (h, m) = time.unwrap_or((0, 0));
                format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}")
            }
        };
        DateValue { value, precision, evidence: evidence.into(), estimated: false }
    }

    /// The `YYYY-MM-DD` day, when the precision reaches a day.
    pub fn day(&self) -> Option<&str> {
        (self.precision >= Precision::Day).then(|| self.value.get(..10)).flatten()
    }
}

/// Everything known about an article besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// Headline, without site suffixes or date prefixes.
    pub title: Option<Evidenced<String>>,
    /// Named authors (persons), in page order; never the publisher.
    pub authors: Vec<Evidenced<String>>,
    /// Original publication date.
    pub published: Option<DateValue>,
    /// Last modification date, when the page gives one.
    pub modified: Option<DateValue>,
    /// Place printed at the start of the body ("MOSCOU").
    pub dateline: Option<Evidenced<String>>,
    /// The outlet's name.
    pub site_name: Option<Evidenced<String>>,
    /// Canonical URL declared by the page.
    pub canonical_url: Option<Evidenced<String>>,
    /// Language declared by the page (`lang` attribute, meta), unchecked.
    pub declared_language: Option<String>,
    /// ISO 639-1 language of the clean text.
    pub language: Option<Evidenced<String>>,
}
