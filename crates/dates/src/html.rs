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
