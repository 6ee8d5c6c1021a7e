//! Content sniffing on the first bytes of an input: gzip, WARC, binary
//! (magic numbers, NUL and control bytes), HTML, JSON Lines; and the format a
//! file name suggests.

/// How many bytes are looked at to sniff an input.
pub(crate) const SNIFF_BYTES: usize = 8 * 1024;

/// The format a file name (without a `.gz` suffix) suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameHint {
    Warc,
    Jsonl,
    Html,
    Text,
    Unknown,
}

/// The format suggested by the last extension of `name`, case-insensitive.
pub(crate) fn name_hint(name: &str) -> NameHint {
    let ext = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && !ext.contains('/') => ext.to_ascii_lowercase(),
        _ => return NameHint::Unknown,
    };
    match ext.as_str() {
        "warc" => NameHint::Warc,
        "jsonl" | "ndjson" => NameHint::Jsonl,
        "html" | "htm" | "xhtml" | "shtml" => NameHint::Html,
        "txt" | "text" => NameHint::Text,
        _ => NameHint::Unknown,
    }
}

/// `name` without a `.gz`/`.gzip` suffix (case-insensitive), or as is.
pub(crate) fn strip_gz(name: &str) -> &str {
    let lower_ends = |suffix: &str| {
        name.len() > suffix.len()
            && name.is_char_boundary(name.len() - suffix.len())
            && name[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for suffix in [".gz", ".gzip"] {
        if lower_ends(suffix) {
            return &name[..name.len() - suffix.len()];
        }
    }
    name
}

/// Whether `head` starts with the gzip magic number.
pub(crate) fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

/// Whether `head` starts like a WARC record.
pub(crate) fn is_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/")
}

/// Known binary formats by magic number.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x7fELF", "ELF executable"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xfd7zXZ\0", "xz archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"BZh", "bzip2 archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"\0asm", "WebAssembly module"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "WOFF font"),
    (b"wOF2", "WOFF2 font"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2 (MS Office) document"),
];

/// Why `head` looks binary, or `None` if it looks like text.
///
/// UTF-16 text with a byte-order mark is text even though it holds NUL
/// bytes.
pub(crate) fn binary_reason(head: &[u8]) -> Option<String> {
    for (magic, what) in MAGIC {
        if head.starts_with(magic) {
            // `BZh` needs the block-size digit and block magic to be bzip2.
            if *what == "bzip2 archive" && !head.get(3).is_some_and(|d| (b'1'..=b'9').contains(d)) {
                continue;
            }
            // ID3v2 major versions are 2 to 4.
            if *what == "MP3 audio" && !matches!(head.get(3), Some(2..=4)) {
                continue;
            }
            return Some((*what).to_string());
        }
    }
    if head.starts_with(b"RIFF") && head.len() >= 12 {
        return Some("RIFF media".to_string());
    }
    if head.starts_with(&[0xff, 0xfe]) || head.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    if memchr::memchr(0, head).is_some() {
        return Some("contains NUL bytes".to_string());
    }
    let control = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    // More than 10% control bytes: not a text a person wrote.
    if !head.is_empty() && control * 10 > head.len() {
        return Some(format!("{}% control bytes", control * 100 / head.len()));
    }
    None
}

fn skip_bom_and_space(head: &[u8]) -> &[u8] {
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = head.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(head.len());
    &head[start..]
}

/// Case-insensitive ASCII substring search.
pub(crate) fn contains_ignore_case(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle))
}

/// Whether `head` looks like HTML: it starts with `<` (after a BOM and white
/// space) and holds a typical document-level tag.
pub(crate) fn looks_like_html(head: &[u8]) -> bool {
    let body = skip_bom_and_space(head);
    if !body.starts_with(b"<") {
        return false;
    }
    const TAGS: &[&[u8]] =
        &[b"<!doctype html", b"<html", b"<head", b"<body", b"<meta", b"<title", b"<div", b"<p>", b"<script", b"<article"];
    let window = &body[..body.len().min(SNIFF_BYTES)];
    TAGS.iter().any(|t| contains_ignore_case(window, t))
}

/// Whether `head` looks like JSON Lines: it starts with `{"` (after white
/// space).
pub(crate) fn looks_like_jsonl(head: &[u8]) -> bool {
    let body = skip_bom_and_space(head);
    let Some(rest) = body.strip_prefix(b"{") else { return false };
    // Spaces only: a `{` alone on its line is pretty-printed JSON, not lines.
    let rest = &rest[rest.iter().position(|&b| b != b' ' && b != b'\t').unwrap_or(rest.len())..];
    rest.starts_with(b"\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(name_hint("a/b.HTML"), NameHint::Html);
        assert_eq!(name_hint("x.warc"), NameHint::Warc);
        assert_eq!(name_hint("x.ndjson"), NameHint::Jsonl);
        assert_eq!(name_hint("x.txt"), NameHint::Text);
        assert_eq!(name_hint("README"), NameHint::Unknown);
        assert_eq!(name_hint(".hidden"), NameHint::Unknown);
        assert_eq!(strip_gz("x.warc.GZ"), "x.warc");
        assert_eq!(strip_gz("x.gz"), "x");
        assert_eq!(strip_gz(".gz"), ".gz");
        assert_eq!(strip_gz("é"), "é");
    }

    #[test]
    fn binary() {
        assert_eq!(binary_reason(b"\x89PNG\r\n\x1a\n\0\0").as_deref(), Some("PNG image"));
        assert_eq!(binary_reason(b"%PDF-1.4").as_deref(), Some("PDF document"));
        assert_eq!(binary_reason(b"PK\x03\x04zz").as_deref(), Some("ZIP archive"));
        assert_eq!(binary_reason(b"abc\0def").as_deref(), Some("contains NUL bytes"));
        assert!(binary_reason(b"\x01\x02\x03\x04abc").unwrap().contains("control bytes"));
        assert_eq!(binary_reason("Le président a dit « non ».\n".as_bytes()), None);
        assert_eq!(binary_reason(b"\xff\xfeh\0i\0"), None);
        assert_eq!(binary_reason(b"BZh is not bzip"), None);
        assert_eq!(binary_reason(b"caf\xe9 cr\xe8me"), None);
    }

    #[test]
    fn html_and_jsonl() {
        assert!(looks_like_html(b"\xef\xbb\xbf  <!DOCTYPE html><html>"));
        assert!(looks_like_html(b"<html lang=fr>"));
        assert!(!looks_like_html(b"Accueil > Politique"));
        assert!(!looks_like_html(b"<3 love"));
        assert!(looks_like_jsonl(b" { \"text\": 1}"));
        assert!(!looks_like_jsonl(b"{not json"));
        assert!(!looks_like_jsonl(b"{\n  \"text\": 1\n}"));
    }
}
