//! Charset decoding of raw pages to UTF-8.
//!
//! Order of evidence: a byte-order mark; the charset declared by the
//! container (HTTP `Content-Type`); for HTML a `<meta charset>` or
//! `<meta http-equiv=Content-Type content="…; charset=…">` in the first
//! 2048 bytes; valid UTF-8; finally a statistical guess (chardetng, with the
//! URL's top-level domain as a hint). A declared charset other than UTF-8 is
//! overridden when the bytes are valid UTF-8 holding non-ASCII text (a
//! legacy single-byte page is practically never valid UTF-8), and a declared
//! UTF-8 that is invalid falls back to detection; both are reported. Bytes
//! that are UTF-8 but for a few stray sequences (a template in UTF-8 holding
//! a snippet pasted in Latin-1) are read as UTF-8, the stray bytes replaced:
//! detection would read every accented letter of the page as two.
//!
//! Decoding itself is `encoding_rs` (WHATWG Encoding Standard: `iso-8859-1`
//! means windows-1252, so `€`, `œ`, `’` come out right).

use std::borrow::Cow;

use dossier_document::{Diagnostic, PageKind, RawPage};
use encoding_rs::{Encoding, UTF_8};

/// How far into an HTML page a `<meta>` charset is looked for.
const META_SCAN_BYTES: usize = 2048;
/// How many bytes the charset detector is fed at most.
const DETECT_BYTES: usize = 64 * 1024;

/// A page decoded to UTF-8.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The decoded text (without a byte-order mark).
    pub text: String,
    /// The encoding used (WHATWG name, e.g. `UTF-8`, `windows-1252`).
    pub encoding: &'static str,
    /// Notes on the decoding (replacement characters, guessed charset).
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes a raw page to UTF-8. Never fails: undecodable bytes become
/// U+FFFD, counted in a `decode-replacement` warning.
pub fn decode(page: &RawPage) -> Decoded {
    let bytes = &page.bytes[..];
    let mut diagnostics = Vec::new();

    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(encoding, bytes.get(bom_len..).unwrap_or_default(), diagnostics);
    }

    let declared = page.declared_charset.as_deref().map(|label| (label, "declared by the server"));
    let meta = if page.kind == PageKind::Html { meta_charset(bytes) } else { None };
    let meta = meta.as_deref().map(|label| (label, "declared in a <meta> tag"));
    for (label, origin) in declared.into_iter().chain(meta) {
        let Some(encoding) = Encoding::for_label(label.trim().as_bytes()) else {
            diagnostics.push(Diagnostic::info("charset-unknown", format!("unknown charset {label:?} {origin}; ignored")));
            continue;
        };
        // A <meta> cannot declare UTF-16 (the bytes read it as ASCII), and
        // `replacement`/`x-user-defined` map per the HTML standard.
        let encoding = if origin.contains("meta") { encoding.output_encoding() } else { encoding };
        let utf8_ok = std::str::from_utf8(bytes).is_ok();
        if encoding == UTF_8 {
            if utf8_ok {
                return finish(UTF_8, bytes, diagnostics);
            }
            if mostly_utf8(bytes) {
                return finish(UTF_8, bytes, diagnostics);
            }
            diagnostics.push(Diagnostic::warning(
                "charset-mismatch",
                format!("charset UTF-8 {origin}, but the bytes are not valid UTF-8; detecting"),
            ));
            return detect(page, bytes, diagnostics);
        }
        if utf8_ok && !bytes.is_ascii() && is_ascii_compatible(encoding) {
            diagnostics.push(Diagnostic::warning(
                "charset-mismatch",
                format!("charset {} {origin}, but the bytes are valid UTF-8; read as UTF-8", encoding.name()),
            ));
            return finish(UTF_8, bytes, diagnostics);
        }
        return finish(encoding, bytes, diagnostics);
    }

    // Valid UTF-8 is copied as it is (decoding it again would only
    // validate it a second time).
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: text.to_owned(), encoding: UTF_8.name(), diagnostics };
    }
    if mostly_utf8(bytes) {
        return finish(UTF_8, bytes, diagnostics);
    }
    detect(page, bytes, diagnostics)
}

/// Whether invalid `bytes` are UTF-8 all the same: many multi-byte
/// characters, few invalid sequences. Text in a single-byte encoding almost
/// never forms a valid multi-byte sequence (a lead byte `À`–`ß` then a byte
/// from 0x80–0xBF), so even a few dozen of them mean UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    multi >= MIN_UTF8_CHARS && invalid * UTF8_PER_INVALID <= multi
}

/// Multi-byte characters that [`mostly_utf8`] needs at least.
const MIN_UTF8_CHARS: usize = 8;
/// Multi-byte characters per invalid sequence that [`mostly_utf8`] needs at
/// least.
const UTF8_PER_INVALID: usize = 4;

/// Whether ASCII bytes mean ASCII in `encoding` (not UTF-16, not ISO-2022-JP).
fn is_ascii_compatible(encoding: &'static Encoding) -> bool {
    encoding.is_ascii_compatible()
}

/// Guesses the encoding with chardetng.
fn detect(page: &RawPage, bytes: &[u8], mut diagnostics: Vec<Diagnostic>) -> Decoded {
    let mut detector = chardetng::EncodingDetector::new();
    let sample = detection_sample(bytes);
    detector.feed(sample, sample.as_ptr_range().end == bytes.as_ptr_range().end);
    let tld = page.url.as_deref().and_then(tld);
    let encoding = detector.guess(tld.as_deref().map(str::as_bytes), true);
    diagnostics.push(Diagnostic::info("charset-guessed", format!("no usable charset declared; guessed {}", encoding.name())));
    finish(encoding, bytes, diagnostics)
}

/// The part of `bytes` the detector sees: chardetng learns nothing from
/// ASCII and costs time per byte, so the sample starts at the word holding
/// the first non-ASCII byte and is at most [`DETECT_BYTES`] long.
fn detection_sample(bytes: &[u8]) -> &[u8] {
    let first = bytes.iter().position(|b| !b.is_ascii()).unwrap_or(0);
    let back = first.saturating_sub(64);
    let start = bytes[back..first]
        .iter()
        .rposition(|b| b.is_ascii_whitespace() || *b == b'>')
        .map_or(back, |i| back + i + 1);
    &bytes[start..bytes.len().min(start.saturating_add(DETECT_BYTES))]
}

/// Decodes `bytes` (without BOM handling) and reports replacements.
fn finish(encoding: &'static Encoding, bytes: &[u8], mut diagnostics: Vec<Diagnostic>) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let count = text.chars().filter(|&c| c == '\u{FFFD}').count();
        diagnostics.push(Diagnostic::warning(
            "decode-replacement",
            format!("{count} invalid byte sequence(s) for {} replaced by U+FFFD", encoding.name()),
        ));
    }
    let text = match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    };
    Decoded { text, encoding: encoding.name(), diagnostics }
}

/// The top-level domain of `url`'s host (`fr` for `https://www.lemonde.fr/x`),
/// lowercase ASCII letters only.
fn tld(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let (_, tld) = host.rsplit_once('.')?;
    (!tld.is_empty() && tld.bytes().all(|b| b.is_ascii_alphabetic())).then(|| tld.to_ascii_lowercase())
}

/// The charset of a `<meta charset=…>` or `<meta http-equiv=Content-Type
/// content="…; charset=…">` in the first 2048 bytes, by a byte scan.
///
/// Hand-written: a full HTML parser would be wasted on 2 KiB, and the HTML
/// prescan algorithm only needs `<meta` tags and a `charset=` inside them.
fn meta_charset(bytes: &[u8]) -> Option<String> {
    let window = &bytes[..bytes.len().min(META_SCAN_BYTES)];
    let mut pos = 0;
    while let Some(found) = find_ignore_case(&window[pos..], b"<meta") {
        let start = pos + found + 5;
        let end = window[start..].iter().position(|&b| b == b'>').map_or(window.len(), |e| start + e);
        let tag = &window[start..end];
        if let Some(at) = find_ignore_case(tag, b"charset") {
            let mut value = &tag[at + 7..];
            value = trim_start(value);
            if let Some(v) = value.strip_prefix(b"=") {
                let v = trim_start(v);
                let v = v.strip_prefix(b"\"").or_else(|| v.strip_prefix(b"'")).unwrap_or(v);
                let len = v
                    .iter()
                    .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
                    .unwrap_or(v.len());
                let label = &v[..len];
                if !label.is_empty() && label.len() <= 40 {
                    return Some(String::from_utf8_lossy(label).into_owned());
                }
            }
        }
        pos = end.max(start);
        if pos >= window.len() {
            break;
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    &b[b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len())..]
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::Severity;
    use proptest::prelude::*;

    fn raw(bytes: &[u8], kind: PageKind, declared: Option<&str>, url: Option<&str>) -> RawPage {
        RawPage {
            source: "t".into(),
            url: url.map(Into::into),
            fetched_at: None,
            kind,
            declared_charset: declared.map(Into::into),
            bytes: bytes.to_vec(),
        }
    }

    fn codes(d: &Decoded) -> Vec<&str> {
        d.diagnostics.iter().map(|d| d.code.as_str()).collect()
    }

    const FRENCH: &str = "L’été à Orléans : le garçon a payé 5 € pour un œuf. Très cher, dit-il, à l’évidence ; « ça coûte » !";

    fn cp1252(s: &str) -> Vec<u8> {
        let (b, _, errors) = encoding_rs::WINDOWS_1252.encode(s);
        assert!(!errors);
        b.into_owned()
    }

    #[test]
    fn boms() {
        let mut b = vec![0xef, 0xbb, 0xbf];
        b.extend_from_slice("été".as_bytes());
        let d = decode(&raw(&b, PageKind::Text, Some("windows-1252"), None));
        assert_eq!(d.text, "été");
        assert_eq!(d.encoding, "UTF-8");
        let mut le = vec![0xff, 0xfe];
        for u in "été €".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(decode(&raw(&le, PageKind::Text, None, None)).text, "été €");
        let mut be = vec![0xfe, 0xff];
        for u in "œuf".encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&raw(&be, PageKind::Html, None, None));
        assert_eq!((d.text.as_str(), d.encoding), ("œuf", "UTF-16BE"));
    }

    #[test]
    fn declared_latin1_french() {
        let d = decode(&raw(&cp1252(FRENCH), PageKind::Html, Some("ISO-8859-1"), None));
        assert_eq!(d.text, FRENCH);
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.diagnostics.is_empty());
    }

    #[test]
    fn meta_charsets() {
        let mut page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"></head><body>".to_vec();
        page.extend(cp1252(FRENCH));
        let d = decode(&raw(&page, PageKind::Html, None, None));
        assert!(d.text.ends_with(FRENCH));
        assert_eq!(d.encoding, "windows-1252");
        let mut page = b"<!doctype html><META CHARSET = 'windows-1252' />".to_vec();
        page.extend(cp1252(FRENCH));
        assert!(decode(&raw(&page, PageKind::Html, None, None)).text.ends_with(FRENCH));
        // A meta in a text dump is just text.
        assert_eq!(meta_charset(b"<meta charset=utf-16>").as_deref(), Some("utf-16"));
        let d = decode(&raw(b"<meta charset=utf-16><p>x", PageKind::Html, None, None));
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(meta_charset(b"<meta name=x><meta charset=\"koi8-r\">").as_deref(), Some("koi8-r"));
        assert_eq!(meta_charset(b"<meta charset>"), None);
    }

    #[test]
    fn guessed_latin1_french() {
        let d = decode(&raw(&cp1252(FRENCH), PageKind::Text, None, Some("https://www.exemple.fr/a")));
        assert_eq!(d.text, FRENCH);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(codes(&d), vec!["charset-guessed"]);
        assert_eq!(d.diagnostics[0].severity, Severity::Info);
    }

    #[test]
    fn declared_utf8_but_latin1() {
        let d = decode(&raw(&cp1252(FRENCH), PageKind::Html, Some("utf-8"), None));
        assert_eq!(d.text, FRENCH);
        assert_eq!(codes(&d), vec!["charset-mismatch", "charset-guessed"]);
    }

    #[test]
    fn utf8_with_stray_latin1_bytes() {
        // A UTF-8 page holding one snippet in Latin-1: read as UTF-8, the
        // stray byte replaced, declared or not.
        let mut page = FRENCH.as_bytes().to_vec();
        page.extend(cp1252(" Süß"));
        page.extend(FRENCH.as_bytes());
        for declared in [Some("utf-8"), None] {
            let d = decode(&raw(&page, PageKind::Html, declared, None));
            assert_eq!(d.encoding, "UTF-8");
            assert!(d.text.starts_with(FRENCH) && d.text.ends_with(FRENCH), "{}", d.text);
            assert!(d.text.contains(" S\u{FFFD}\u{FFFD}"));
            assert_eq!(codes(&d), vec!["decode-replacement"]);
        }
        // Latin-1 with a few accidental valid pairs (`Ã©`) stays Latin-1.
        let mut page = cp1252(FRENCH);
        page.extend(cp1252(" Ã© "));
        assert_eq!(decode(&raw(&page, PageKind::Html, Some("utf-8"), None)).encoding, "windows-1252");
    }

    #[test]
    fn declared_latin1_but_utf8() {
        let d = decode(&raw(FRENCH.as_bytes(), PageKind::Html, Some("iso-8859-1"), None));
        assert_eq!(d.text, FRENCH);
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(codes(&d), vec!["charset-mismatch"]);
        // ASCII-only bytes: the declaration stands.
        let d = decode(&raw(b"plain", PageKind::Html, Some("iso-8859-1"), None));
        assert_eq!((d.encoding, d.diagnostics.len()), ("windows-1252", 0));
    }

    #[test]
    fn replacements_counted() {
        let d = decode(&raw(b"a\xff\xfeb\xc3", PageKind::Text, Some("utf-8"), None));
        // Declared UTF-8 but invalid: detection picks a single-byte encoding,
        // which decodes every byte; no replacement.
        assert!(!d.text.contains('\u{FFFD}'));
        let d = decode(&raw(b"\xef\xbb\xbfa\xffb\xffc", PageKind::Text, None, None));
        assert_eq!(d.text, "a\u{FFFD}b\u{FFFD}c");
        let rep = d.diagnostics.iter().find(|d| d.code == "decode-replacement").unwrap();
        assert!(rep.message.starts_with("2 "), "{}", rep.message);
        assert_eq!(rep.severity, Severity::Warning);
    }

    #[test]
    fn unknown_label_is_reported() {
        let d = decode(&raw("été".as_bytes(), PageKind::Text, Some("x-nonsense"), None));
        assert_eq!(d.text, "été");
        assert_eq!(codes(&d), vec!["charset-unknown"]);
    }

    #[test]
    fn guessed_after_long_ascii_prefix() {
        let mut page = format!("<html><head><script>{}</script></head><body><p>", "var x = 1;\n".repeat(20_000)).into_bytes();
        for _ in 0..2000 {
            page.extend(cp1252(FRENCH));
        }
        let d = decode(&raw(&page, PageKind::Html, None, None));
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.text.ends_with(FRENCH));
        assert_eq!(detection_sample(b"abc def\xe9g").first(), Some(&b'd'));
        assert_eq!(detection_sample(b"").len(), 0);
    }

    #[test]
    fn tlds() {
        assert_eq!(tld("https://user@www.Lemonde.FR:443/a?b").as_deref(), Some("fr"));
        assert_eq!(tld("http://127.0.0.1/"), None);
        assert_eq!(tld("nonsense"), None);
    }

    proptest! {
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600), html in any::<bool>(), declared in proptest::option::of("[a-z0-9-]{0,12}")) {
            let kind = if html { PageKind::Html } else { PageKind::Text };
            let d = decode(&raw(&bytes, kind, declared.as_deref(), Some("http://x.fr/")));
            prop_assert!(!d.encoding.is_empty());
        }
    }
}
