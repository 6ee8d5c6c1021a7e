//! WARC/1.0 and WARC/1.1 reader, streamed record by record with bounded
//! memory.
//!
//! * `response` records with an HTML payload (by HTTP `Content-Type`, or
//!   sniffed when absent) and `resource` records with HTML become pages: URL
//!   from `WARC-Target-URI`, fetch time from `WARC-Date`, charset from the
//!   HTTP `Content-Type`; chunked transfer coding and gzip/deflate content
//!   coding are undone.
//! * Other records (warcinfo, request, metadata, revisit, conversion),
//!   redirects, error statuses and non-HTML responses are skipped with a
//!   reason; payloads over the page limit are skipped without being buffered.
//! * A malformed or truncated record (bad header, `Content-Length` past the
//!   end) yields one failure with its offset, and reading that input stops.
//!
//! Hand-written rather than the `warc` crate: we need per-record offsets,
//! bounded header reads, skipping oversized bodies without buffering, and a
//! clean stop on truncation, all of which are simplest with a small reader
//! over `BufRead` (the format is a header block plus `Content-Length` bytes).
//!
//! Offsets are into the (decompressed) WARC stream.

use std::io::{self, BufRead, Read, Take};

use dossier_document::{PageKind, RawPage};

use crate::bufio::{read_line_limited, Counting, Line};
use crate::http::{self, clip, header, HeadError};
use crate::sniff::{looks_like_html, SNIFF_BYTES};
use crate::{Item, ReadOptions};

/// Largest WARC record header block read.
const MAX_WARC_HEAD: usize = 1024 * 1024;

/// Streams [`Item`]s out of a WARC file. Built by [`read_warc`].
pub struct WarcReader<R> {
    r: Counting<R>,
    name: String,
    max_page_bytes: u64,
    record: u64,
    done: bool,
    gzip: bool,
}

/// Reads WARC records from `reader` (uncompressed: wrap `.warc.gz` in a
/// `flate2::read::MultiGzDecoder` first, or use [`crate::read_reader`]).
/// `name` prefixes each item's source: `name#record-N`, N counting from 1.
pub fn read_warc<R: BufRead>(reader: R, name: impl Into<String>, opts: &ReadOptions) -> WarcReader<R> {
    WarcReader {
        r: Counting::new(reader),
        name: name.into(),
        max_page_bytes: opts.max_page_bytes,
        record: 0,
        done: false,
        gzip: false,
    }
}

/// Reads WARC records from bytes in memory with default options (for tests
/// and fuzzing). Sources are `<bytes>#record-N`.
pub fn read_warc_bytes(bytes: &[u8]) -> WarcReader<&[u8]> {
    read_warc(bytes, "<bytes>", &ReadOptions::default())
}

impl<R: BufRead> WarcReader<R> {
    /// Labels read errors as gzip errors (the reader decompresses).
    pub(crate) fn gzip(mut self, gzip: bool) -> Self {
        self.gzip = gzip;
        self
    }

    /// Offset of the next unread byte in the WARC stream.
    pub fn offset(&self) -> u64 {
        self.r.offset()
    }

    /// Skips the CR/LF between records. Returns whether input remains.
    fn skip_separators(&mut self) -> io::Result<bool> {
        loop {
            let buf = match self.r.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
            if n == 0 {
                return Ok(true);
            }
            self.r.consume(n);
        }
    }

    /// Reads one record. `Err` is fatal for this input: the reason.
    fn record(&mut self, source: &str) -> Result<Item, String> {
        let offset = self.r.offset();
        let mut line = Vec::with_capacity(16);
        let status = read_line_limited(&mut self.r, &mut line, 64).map_err(|e| self.read_error(e))?;
        let version = http::trim_eol(&line);
        if status != Line::Complete || !version.starts_with(b"WARC/") {
            return Err(format!(
                "bad WARC record at offset {offset}: expected a WARC/1.x version line, found {:?}",
                clip(&String::from_utf8_lossy(version))
            ));
        }
        let mut budget = MAX_WARC_HEAD;
        let headers = http::read_headers(&mut self.r, &mut budget).map_err(|e| match e {
            HeadError::Io(e) => self.read_error(e),
            HeadError::Eof => format!("truncated WARC record at offset {offset}: the input ends inside its header"),
            HeadError::TooLong => format!("bad WARC record at offset {offset}: header over {MAX_WARC_HEAD} bytes"),
            HeadError::Malformed(m) => format!("bad WARC record header at offset {offset}: {m}"),
        })?;
        let length = header(&headers, "Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
            .ok_or_else(|| format!("bad WARC record at offset {offset}: missing or invalid Content-Length"))?;
        let kind = header(&headers, "WARC-Type").unwrap_or("").trim().to_ascii_lowercase();
        let meta = RecordMeta {
            source,
            url: header(&headers, "WARC-Target-URI").map(|u| u.trim().trim_start_matches('<').trim_end_matches('>').to_string()),
            date: header(&headers, "WARC-Date").map(|d| d.trim().to_string()),
            content_type: header(&headers, "Content-Type").map(http::media_type),
            max: self.max_page_bytes,
        };

        let mut body = (&mut self.r).take(length);
        let outcome = match kind.as_str() {
            "response" => response(&mut body, &meta),
            "resource" => resource(&mut body, &meta),
            "" => Ok(Item::skipped(source, "WARC record without WARC-Type")),
            "revisit" => Ok(Item::skipped(source, "WARC revisit record (duplicate of an earlier capture)")),
            other => Ok(Item::skipped(source, format_args!("WARC {} record", clip(other)))),
        };
        // Whatever the payload handling left unread is skipped, not buffered.
        let drained = io::copy(&mut body, &mut io::sink());
        let left = body.limit();
        let outcome = outcome.map_err(|e| self.read_error(e))?;
        drained.map_err(|e| self.read_error(e))?;
        if left > 0 {
            return Err(format!(
                "truncated WARC record at offset {offset}: Content-Length {length} but the input ends after {} bytes",
                length - left
            ));
        }
        Ok(outcome)
    }

    fn read_error(&self, e: io::Error) -> String {
        format!("{} at offset {}", crate::IngestError::read(e, self.gzip), self.r.offset())
    }
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if self.done {
            return None;
        }
        match self.skip_separators() {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                self.done = true;
                return Some(Item::failure(self.name.clone(), self.read_error(e)));
            }
        }
        self.record += 1;
        let source = format!("{}#record-{}", self.name, self.record);
        match self.record(&source) {
            Ok(item) => Some(item),
            Err(reason) => {
                self.done = true;
                Some(Item::failure(source, reason))
            }
        }
    }
}

/// What a record's WARC header says.
struct RecordMeta<'a> {
    source: &'a str,
    url: Option<String>,
    date: Option<String>,
    content_type: Option<http::MediaType>,
    max: u64,
}

impl RecordMeta<'_> {
    fn page(&self, bytes: Vec<u8>, charset: Option<String>) -> Item {
        Item::Page(RawPage {
            source: self.source.to_string(),
            url: self.url.clone(),
            fetched_at: self.date.clone(),
            kind: PageKind::Html,
            declared_charset: charset,
            bytes,
        })
    }
}

/// Initial buffer for a payload: `Content-Length` may lie (truncated or
/// damaged input), so it is not trusted for a large upfront allocation.
const PAYLOAD_START_CAPACITY: u64 = 256 * 1024;

/// Reads the rest of `body` (at most `max` bytes, checked by the caller).
fn read_payload<R: Read>(body: &mut Take<R>) -> io::Result<Vec<u8>> {
    let mut payload = Vec::with_capacity(body.limit().min(PAYLOAD_START_CAPACITY) as usize);
    body.read_to_end(&mut payload)?;
    Ok(payload)
}

/// A `response` record: an HTTP response. `Err` only for read errors.
fn response<R: BufRead>(body: &mut Take<R>, meta: &RecordMeta<'_>) -> io::Result<Item> {
    let source = meta.source;
    if let Some(ct) = &meta.content_type {
        if !ct.essence.starts_with("application/http") && !ct.essence.is_empty() {
            // Some tools store the bare payload in a response record.
            return resource(body, meta);
        }
    }
    let head = match http::read_response_head(body) {
        Ok(h) => h,
        Err(HeadError::Io(e)) => return Err(e),
        Err(HeadError::Eof) => return Ok(Item::failure(source, "incomplete HTTP response header")),
        Err(HeadError::TooLong) => return Ok(Item::failure(source, "HTTP response header too long")),
        Err(HeadError::Malformed(m)) => return Ok(Item::failure(source, format_args!("bad HTTP response: {m}"))),
    };
    let status = head.status;
    if (300..400).contains(&status) {
        let to = header(&head.headers, "Location").map(|l| format!(" to {}", clip(l))).unwrap_or_default();
        return Ok(Item::skipped(source, format_args!("HTTP {status} redirect{to}")));
    }
    if !(200..300).contains(&status) || status == 204 {
        return Ok(Item::skipped(source, format_args!("HTTP status {status}")));
    }
    let media = header(&head.headers, "Content-Type").map(http::media_type);
    if let Some(m) = &media {
        if !http::is_html_type(&m.essence) {
            return Ok(Item::skipped(source, format_args!("non-HTML response ({})", clip(&m.essence))));
        }
    }
    if body.limit() > meta.max {
        return Ok(Item::skipped(source, format_args!("too large: {} bytes > limit {} bytes", body.limit(), meta.max)));
    }
    let mut payload = read_payload(body)?;
    if let Some(te) = header(&head.headers, "Transfer-Encoding") {
        if te.to_ascii_lowercase().contains("chunked") {
            // Archives often store the payload already de-chunked but keep
            // the header: keep the bytes as they are when they are not chunked.
            if let Ok(plain) = http::dechunk(&payload) {
                payload = plain;
            }
        }
    }
    if let Some(ce) = header(&head.headers, "Content-Encoding") {
        payload = match http::decode_content(ce, payload, meta.max) {
            http::Decoded::Ok(p) => p,
            http::Decoded::TooLarge => {
                return Ok(Item::skipped(source, format_args!("too large: decoded payload > limit {} bytes", meta.max)))
            }
            http::Decoded::Unsupported(c) => {
                return Ok(Item::failure(source, format_args!("unsupported Content-Encoding {:?}", clip(&c))))
            }
            http::Decoded::Corrupt(e) => return Ok(Item::failure(source, e)),
        };
    }
    if payload.is_empty() {
        return Ok(Item::skipped(source, "empty HTML response"));
    }
    match media {
        Some(m) => Ok(meta.page(payload, m.charset)),
        None if looks_like_html(&payload[..payload.len().min(SNIFF_BYTES)]) => Ok(meta.page(payload, None)),
        None => Ok(Item::skipped(source, "non-HTML response (no Content-Type, content not HTML)")),
    }
}

/// A `resource` record: the payload itself, typed by the record's
/// `Content-Type`. `Err` only for read errors.
fn resource<R: BufRead>(body: &mut Take<R>, meta: &RecordMeta<'_>) -> io::Result<Item> {
    let source = meta.source;
    if let Some(m) = &meta.content_type {
        if !m.essence.is_empty() && !http::is_html_type(&m.essence) {
            return Ok(Item::skipped(source, format_args!("non-HTML resource ({})", clip(&m.essence))));
        }
    }
    if body.limit() > meta.max {
        return Ok(Item::skipped(source, format_args!("too large: {} bytes > limit {} bytes", body.limit(), meta.max)));
    }
    let payload = read_payload(body)?;
    if payload.is_empty() {
        return Ok(Item::skipped(source, "empty HTML resource"));
    }
    match &meta.content_type {
        Some(m) if !m.essence.is_empty() => Ok(meta.page(payload, m.charset.clone())),
        _ if looks_like_html(&payload[..payload.len().min(SNIFF_BYTES)]) => Ok(meta.page(payload, None)),
        _ => Ok(Item::skipped(source, "non-HTML resource (no Content-Type, content not HTML)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, extra: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Date: 2024-05-01T10:00:00Z\r\n{extra}Content-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn items(bytes: &[u8]) -> Vec<Item> {
        read_warc_bytes(bytes).collect()
    }

    #[test]
    fn response_page() {
        let http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<html>caf\xe9</html>";
        let bytes = record("response", "WARC-Target-URI: <https://ex.fr/a>\r\nContent-Type: application/http; msgtype=response\r\n", http);
        let items = items(&bytes);
        assert_eq!(items.len(), 1);
        let Item::Page(p) = &items[0] else { panic!("{items:?}") };
        assert_eq!(p.url.as_deref(), Some("https://ex.fr/a"));
        assert_eq!(p.fetched_at.as_deref(), Some("2024-05-01T10:00:00Z"));
        assert_eq!(p.declared_charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(p.bytes, b"<html>caf\xe9</html>");
        assert_eq!(p.source, "<bytes>#record-1");
    }

    #[test]
    fn resource_and_sniffed_response() {
        let mut bytes = record("resource", "Content-Type: text/html\r\n", b"<p>x</p>");
        bytes.extend(record("resource", "Content-Type: text/plain\r\n", b"x"));
        bytes.extend(record("response", "", b"HTTP/1.0 200 OK\r\n\r\n<!doctype html><p>y"));
        bytes.extend(record("response", "", b"HTTP/1.0 200 OK\r\n\r\nplain words"));
        let items = items(&bytes);
        let kinds: Vec<_> = items
            .iter()
            .map(|i| match i {
                Item::Page(_) => 'P',
                Item::Skipped(_) => 'S',
                Item::Failure(_) => 'F',
            })
            .collect();
        assert_eq!(kinds, vec!['P', 'S', 'P', 'S']);
    }

    #[test]
    fn oversized_payload_is_skipped() {
        let big = vec![b'a'; 5000];
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
        http.extend_from_slice(&big);
        let mut bytes = record("response", "", &http);
        bytes.extend(record("resource", "Content-Type: text/html\r\n", b"<p>ok</p>"));
        let items: Vec<_> = read_warc(&bytes[..], "x", &ReadOptions { max_page_bytes: 1000 }).collect();
        assert!(matches!(&items[0], Item::Skipped(f) if f.reason.starts_with("too large")));
        assert!(matches!(&items[1], Item::Page(_)));
    }

    #[test]
    fn bad_and_truncated() {
        let bad = items(b"not a warc");
        assert_eq!(bad.len(), 1);
        assert!(matches!(&bad[0], Item::Failure(f) if f.reason.contains("offset 0")));
        let mut bytes = record("warcinfo", "", b"software: x");
        let ok_len = bytes.len();
        bytes.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200");
        let got = items(&bytes);
        assert_eq!(got.len(), 2);
        assert!(matches!(&got[0], Item::Skipped(_)));
        let Item::Failure(f) = &got[1] else { panic!() };
        assert!(f.reason.contains(&format!("offset {ok_len}")), "{f:?}");
        assert!(f.reason.contains("truncated"), "{f:?}");
        assert_eq!(f.source, "<bytes>#record-2");
        // Missing Content-Length.
        let got = items(b"WARC/1.0\r\nWARC-Type: response\r\n\r\n");
        assert!(matches!(&got[0], Item::Failure(f) if f.reason.contains("Content-Length")));
        // Header ends early.
        let got = items(b"WARC/1.0\r\nWARC-Type: resp");
        assert!(matches!(&got[0], Item::Failure(f) if f.reason.contains("truncated")));
        assert!(items(b"").is_empty());
        assert!(items(b"\r\n\r\n").is_empty());
    }
}
