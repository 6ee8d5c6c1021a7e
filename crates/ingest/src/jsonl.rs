//! JSON Lines reader: one JSON object per line with at least `text` or
//! `html` (a string), optionally `url`, `fetched_at`, and for `text` pages
//! `title` and `published` (or `date`): a text page is then read as the dump
//! a browser would give — the headline, the date line, the text — so that
//! extraction takes its title and publication date from them (never from
//! `fetched_at`). Each valid line is a
//! page with source `path:LINE`; each invalid line a failure with its line
//! number and reason; blank lines are ignored. Lines are read with a length
//! cap, so one huge line never takes more than the page limit in memory.

use std::io::{self, BufRead};

use dossier_document::{PageKind, RawPage};
use serde::Deserialize;

use crate::bufio::{read_line_limited, skip_line, Line};
use crate::{Item, ReadOptions};

/// The fields read from a line; others are ignored.
#[derive(Deserialize)]
struct JsonPage {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<Scalar>,
    #[serde(default)]
    fetched_at: Option<Scalar>,
    #[serde(default)]
    title: Option<Scalar>,
    #[serde(default)]
    published: Option<Scalar>,
    #[serde(default)]
    date: Option<Scalar>,
}

/// A string, or a number written as one (`"fetched_at": 1717000000`);
/// anything else is ignored.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    String(String),
    Number(serde_json::Number),
    Other(serde::de::IgnoredAny),
}

impl Scalar {
    fn into_string(self) -> Option<String> {
        match self {
            Scalar::String(s) if s.trim().is_empty() => None,
            Scalar::String(s) => Some(s),
            Scalar::Number(n) => Some(n.to_string()),
            Scalar::Other(_) => None,
        }
    }
}

/// Streams [`Item`]s out of a JSON Lines input.
pub struct JsonlReader<R> {
    r: R,
    name: String,
    max_line: usize,
    line_no: u64,
    buf: Vec<u8>,
    done: bool,
    gzip: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// Reads JSON Lines from `reader`; `name` prefixes sources (`name:LINE`).
    pub fn new(reader: R, name: impl Into<String>, opts: &ReadOptions) -> Self {
        Self {
            r: reader,
            name: name.into(),
            // Room for the JSON quoting around a page of the maximum size.
            max_line: usize::try_from(opts.max_page_bytes.saturating_mul(2).saturating_add(4096)).unwrap_or(usize::MAX),
            line_no: 0,
            buf: Vec::with_capacity(8 * 1024),
            done: false,
            gzip: false,
        }
    }

    /// Labels read errors as gzip errors (the reader decompresses).
    pub(crate) fn gzip(mut self, gzip: bool) -> Self {
        self.gzip = gzip;
        self
    }

    fn source(&self) -> String {
        format!("{}:{}", self.name, self.line_no)
    }

    fn fail_io(&mut self, e: io::Error) -> Item {
        self.done = true;
        Item::failure(self.source(), crate::IngestError::read(e, self.gzip))
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        while !self.done {
            self.buf.clear();
            self.line_no += 1;
            let status = match read_line_limited(&mut self.r, &mut self.buf, self.max_line) {
                Ok(s) => s,
                Err(e) => return Some(self.fail_io(e)),
            };
            match status {
                Line::Eof => {
                    self.done = true;
                    return None;
                }
                Line::TooLong => {
                    if let Err(e) = skip_line(&mut self.r) {
                        return Some(self.fail_io(e));
                    }
                    return Some(Item::failure(self.source(), format_args!("line longer than {} bytes", self.max_line)));
                }
                Line::Complete => {}
            }
            if self.buf.iter().all(|b| b.is_ascii_whitespace()) {
                continue;
            }
            return Some(parse_line(&self.buf, self.source()));
        }
        None
    }
}

fn parse_line(line: &[u8], source: String) -> Item {
    let page: JsonPage = match serde_json::from_slice(line) {
        Ok(p) => p,
        Err(e) => return Item::Failure(crate::Failure::new(source, format_args!("invalid JSON: {e}"))),
    };
    let (kind, body) = match (page.html, page.text) {
        (Some(html), _) if !html.trim().is_empty() => (PageKind::Html, html),
        (_, Some(text)) if !text.trim().is_empty() => {
            let title = page.title.and_then(Scalar::into_string).filter(|t| !text.trim_start().starts_with(t.trim()));
            let date = page.published.or(page.date).and_then(Scalar::into_string);
            let mut dump = String::with_capacity(text.len() + 128);
            for head in [title, date].into_iter().flatten() {
                dump.push_str(head.trim());
                dump.push_str("\n\n");
            }
            dump.push_str(&text);
            (PageKind::Text, dump)
        }
        (Some(_), _) | (_, Some(_)) => return Item::failure(source, "empty `text`/`html`"),
        (None, None) => return Item::failure(source, "no `text` or `html` string field"),
    };
    Item::Page(RawPage {
        source,
        url: page.url.and_then(Scalar::into_string),
        fetched_at: page.fetched_at.and_then(Scalar::into_string),
        kind,
        // JSON text is UTF-8 by definition.
        declared_charset: Some("UTF-8".to_string()),
        bytes: body.into_bytes(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &str) -> Vec<Item> {
        JsonlReader::new(input.as_bytes(), "f.jsonl", &ReadOptions::default()).collect()
    }

    #[test]
    fn lines() {
        let input = concat!(
            "{\"text\": \"Bonjour\", \"url\": \"https://a.fr/x\", \"fetched_at\": \"2024-01-02\"}\n",
            "\n",
            "   \r\n",
            "{\"html\": \"<p>salut</p>\", \"text\": \"salut\", \"other\": [1,2]}\r\n",
            "{\"text\": 3}\n",
            "not json\n",
            "{\"url\": \"x\"}\n",
            "[1]\n",
            "{\"text\": \"fin\", \"fetched_at\": 1717000000}",
        );
        let items = read(input);
        assert_eq!(items.len(), 7);
        let Item::Page(p) = &items[0] else { panic!() };
        assert_eq!(p.source, "f.jsonl:1");
        assert_eq!(p.kind, PageKind::Text);
        assert_eq!(p.bytes, b"Bonjour");
        assert_eq!(p.url.as_deref(), Some("https://a.fr/x"));
        assert_eq!(p.fetched_at.as_deref(), Some("2024-01-02"));
        let Item::Page(p) = &items[1] else { panic!() };
        assert_eq!(p.source, "f.jsonl:4");
        assert_eq!(p.kind, PageKind::Html);
        for (i, line) in [(2, 5), (3, 6), (4, 7), (5, 8)] {
            let Item::Failure(f) = &items[i] else { panic!("{:?}", items[i]) };
            assert_eq!(f.source, format!("f.jsonl:{line}"));
        }
        let Item::Page(p) = &items[6] else { panic!() };
        assert_eq!(p.fetched_at.as_deref(), Some("1717000000"));
    }

    #[test]
    fn title_and_date_head_a_text_page() {
        let items = read(concat!(
            "{\"title\": \"Un titre\", \"date\": \"2012-05-22\", \"text\": \"Le texte.\"}\n",
            "{\"title\": \"Le texte\", \"published\": 1717000000, \"text\": \"Le texte.\"}\n",
        ));
        let Item::Page(p) = &items[0] else { panic!() };
        assert_eq!(p.bytes, "Un titre\n\n2012-05-22\n\nLe texte.".as_bytes());
        let Item::Page(p) = &items[1] else { panic!() };
        assert_eq!(p.bytes, "1717000000\n\nLe texte.".as_bytes(), "a title the text opens with is not repeated");
    }

    #[test]
    fn long_line_is_reported_and_skipped() {
        let long = format!("{{\"text\": \"{}\"}}\n{{\"text\": \"ok\"}}\n", "a".repeat(10_000));
        let items: Vec<_> =
            JsonlReader::new(long.as_bytes(), "f", &ReadOptions { max_page_bytes: 1000 }).collect();
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[0], Item::Failure(f) if f.reason.contains("longer")));
        assert!(matches!(&items[1], Item::Page(p) if p.source == "f:2"));
    }
}
