//! WARC reading end to end on fixtures built in code: which records become
//! pages, which are skipped, how truncation is reported; plain and
//! per-record gzip (multi-member `.warc.gz`).

use std::io::Write;
use std::path::PathBuf;

use dossier_document::PageKind;
use dossier_ingest::{decode, read_inputs, read_warc_bytes, Item, ReadOptions};

/// Builds WARC records.
struct Fixture {
    records: Vec<Vec<u8>>,
}

impl Fixture {
    fn new() -> Self {
        Self { records: Vec::new() }
    }

    fn record(&mut self, kind: &str, uri: Option<&str>, content_type: &str, block: &[u8]) -> &mut Self {
        let mut r = format!("WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08}>\r\n", self.records.len());
        if let Some(uri) = uri {
            r.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
        }
        r.push_str(&format!(
            "WARC-Date: 2024-03-0{}T08:00:00Z\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            self.records.len() % 9 + 1,
            block.len()
        ));
        let mut bytes = r.into_bytes();
        bytes.extend_from_slice(block);
        bytes.extend_from_slice(b"\r\n\r\n");
        self.records.push(bytes);
        self
    }

    fn http(&mut self, uri: &str, status: &str, headers: &str, body: &[u8]) -> &mut Self {
        let mut block = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
        block.extend_from_slice(body);
        self.record("response", Some(uri), "application/http; msgtype=response", &block)
    }

    /// A record whose Content-Length runs past the end of the input.
    fn truncated(&mut self) -> &mut Self {
        self.records.push(
            b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://ex.fr/cut\r\nContent-Length: 9000\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html>cut he"
                .to_vec(),
        );
        self
    }

    fn plain(&self) -> Vec<u8> {
        self.records.concat()
    }

    fn gzip_per_record(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for r in &self.records {
            let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            e.write_all(r).unwrap();
            out.extend(e.finish().unwrap());
        }
        out
    }
}

fn chunked(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in body.chunks(7) {
        out.extend(format!("{:x}\r\n", chunk.len()).into_bytes());
        out.extend_from_slice(chunk);
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b"0\r\n\r\n");
    out
}

fn gzip(body: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(body).unwrap();
    e.finish().unwrap()
}

const PAGE_A: &str = "<html><head><title>Un</title></head><body><p>Le maire a parlé.</p></body></html>";

fn fixture() -> Fixture {
    let latin1 = encoding_rs::WINDOWS_1252.encode("<html><body><p>Déjà l’été, œuvre à 5 €</p></body></html>").0.into_owned();
    let mut f = Fixture::new();
    f.record("warcinfo", None, "application/warc-fields", b"software: test\r\nformat: WARC File Format 1.0\r\n")
        .record("request", Some("https://ex.fr/a"), "application/http; msgtype=request", b"GET /a HTTP/1.1\r\nHost: ex.fr\r\n\r\n")
        .http(
            "https://ex.fr/a",
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n",
            &chunked(PAGE_A.as_bytes()),
        )
        .http("https://ex.fr/old", "301 Moved Permanently", "Location: https://ex.fr/a\r\nContent-Length: 0\r\n", b"")
        .http("https://ex.fr/logo.png", "200 OK", "Content-Type: image/png\r\n", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .record("metadata", Some("https://ex.fr/a"), "application/warc-fields", b"via: https://ex.fr/\r\n")
        .http(
            "https://ex.fr/b",
            "200 OK",
            "Content-Type: text/html; charset=ISO-8859-1\r\nContent-Encoding: gzip\r\n",
            &gzip(&latin1),
        )
        .http("https://ex.fr/404", "404 Not Found", "Content-Type: text/html\r\n", b"<html>not found</html>")
        .record("resource", Some("file:///c.html"), "text/html", b"<!doctype html><p>ressource</p>")
        .truncated();
    f
}

fn check(items: &[Item], source_prefix: &str) {
    let pages: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Page(p) => Some(p),
            _ => None,
        })
        .collect();
    let skipped: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Skipped(f) => Some(f),
            _ => None,
        })
        .collect();
    let failures: Vec<_> = items
        .iter()
        .filter_map(|i| match i {
            Item::Failure(f) => Some(f),
            _ => None,
        })
        .collect();
    assert_eq!(pages.len(), 3, "{items:#?}");
    assert_eq!(skipped.len(), 6, "{skipped:#?}");
    assert_eq!(failures.len(), 1, "{failures:#?}");

    let a = pages[0];
    assert_eq!(a.url.as_deref(), Some("https://ex.fr/a"));
    assert_eq!(a.fetched_at.as_deref(), Some("2024-03-03T08:00:00Z"));
    assert_eq!(a.kind, PageKind::Html);
    assert_eq!(a.bytes, PAGE_A.as_bytes(), "chunked coding undone");
    assert_eq!(a.declared_charset.as_deref(), Some("utf-8"));
    assert_eq!(a.source, format!("{source_prefix}#record-3"));

    let b = pages[1];
    assert_eq!(b.url.as_deref(), Some("https://ex.fr/b"));
    assert_eq!(b.declared_charset.as_deref(), Some("ISO-8859-1"));
    assert!(decode(b).text.contains("Déjà l’été, œuvre à 5 €"), "gzip content coding undone, Latin-1 decoded");

    assert_eq!(pages[2].url.as_deref(), Some("file:///c.html"));

    let reasons: Vec<&str> = skipped.iter().map(|s| s.reason.as_str()).collect();
    assert!(reasons[0].contains("warcinfo"));
    assert!(reasons[1].contains("request"));
    assert!(reasons[2].contains("301") && reasons[2].contains("redirect"));
    assert!(reasons[3].contains("image/png"));
    assert!(reasons[4].contains("metadata"));
    assert!(reasons[5].contains("404"));

    let cut = failures[0];
    assert_eq!(cut.source, format!("{source_prefix}#record-10"));
    let offset = fixture().records[..9].iter().map(Vec::len).sum::<usize>();
    assert!(cut.reason.contains("truncated") && cut.reason.contains(&format!("offset {offset}")), "{cut:?}");
    // Reading stopped cleanly after the failure.
    assert!(matches!(items.last(), Some(Item::Failure(_))));
}

#[test]
fn plain_warc() {
    let bytes = fixture().plain();
    let items: Vec<_> = read_warc_bytes(&bytes).collect();
    check(&items, "<bytes>");
}

#[test]
fn warc_files_plain_and_multi_member_gzip() {
    let dir = tempfile::tempdir().unwrap();
    let f = fixture();
    let plain = dir.path().join("crawl.warc");
    std::fs::write(&plain, f.plain()).unwrap();
    let gz = dir.path().join("crawl.warc.gz");
    std::fs::write(&gz, f.gzip_per_record()).unwrap();
    // No extension: found by content.
    let sniffed = dir.path().join("crawl-data");
    std::fs::write(&sniffed, f.gzip_per_record()).unwrap();

    for path in [plain, gz, sniffed] {
        let mut inputs = read_inputs(std::slice::from_ref(&path), &ReadOptions::default());
        let items: Vec<_> = inputs.by_ref().collect();
        check(&items, &path.display().to_string());
        let stats = inputs.stats();
        assert_eq!((stats.pages, stats.skipped, stats.failures), (3, 6, 1));
    }
}

#[test]
fn truncated_gzip_warc_keeps_earlier_records() {
    let mut f = fixture();
    f.records.pop();
    let gz = f.gzip_per_record();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cut.warc.gz");
    // Cut inside the last member (the resource record).
    std::fs::write(&path, &gz[..gz.len() - 20]).unwrap();
    let items: Vec<_> = read_inputs(&[path], &ReadOptions::default()).collect();
    let pages = items.iter().filter(|i| matches!(i, Item::Page(_))).count();
    assert_eq!(pages, 2, "{items:#?}");
    let Some(Item::Failure(f)) = items.last() else { panic!("{items:#?}") };
    assert!(f.reason.contains("gzip error"), "{f:?}");
}

#[test]
fn page_limit_applies_per_record() {
    let mut f = Fixture::new();
    let big = format!("<html><body>{}</body></html>", "<p>mot</p>".repeat(500));
    f.http("https://ex.fr/big", "200 OK", "Content-Type: text/html\r\n", big.as_bytes())
        .http("https://ex.fr/small", "200 OK", "Content-Type: text/html\r\n", PAGE_A.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join("x.warc");
    std::fs::write(&path, f.plain()).unwrap();
    let items: Vec<_> = read_inputs(&[path], &ReadOptions { max_page_bytes: 1000 }).collect();
    assert!(matches!(&items[0], Item::Skipped(s) if s.reason.starts_with("too large")), "{items:?}");
    assert!(matches!(&items[1], Item::Page(p) if p.url.as_deref() == Some("https://ex.fr/small")));
}
