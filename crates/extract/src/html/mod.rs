//! Extraction from HTML pages.

use crate::Extraction;

/// Extracts the article from an HTML page; `url` is the page URL if known.
pub fn extract(html: &str, url: Option<&str>) -> Extraction {
    let _ = url;
    crate::text_dump::extract(html)
}
