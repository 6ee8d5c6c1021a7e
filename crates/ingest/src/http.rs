//! The HTTP side of archived responses: the status line and headers, media
//! types and their `charset`, chunked transfer coding, and gzip/deflate
//! content coding.
//!
//! Hand-written rather than `httparse`: archived headers are often not
//! strictly valid (bare `\n`, obsolete line folding, stray bytes), and a
//! lenient reader keeps those pages; the parts needed here are small.

use std::io::{self, BufRead, Read};

use flate2::read::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use crate::bufio::{read_line_limited, Line};

/// Largest HTTP header block read.
pub(crate) const MAX_HEAD_BYTES: usize = 256 * 1024;

/// Header name/value pairs in order, names as received.
pub(crate) type Headers = Vec<(String, String)>;

/// The first value of header `name` (case-insensitive).
pub(crate) fn header<'a>(headers: &'a Headers, name: &str) -> Option<&'a str> {
    headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
}

/// Why a header block could not be read.
#[derive(Debug)]
pub(crate) enum HeadError {
    Io(io::Error),
    /// The input ended before the blank line ending the block.
    Eof,
    /// Over [`MAX_HEAD_BYTES`].
    TooLong,
    /// A line that is neither `Name: value` nor a continuation.
    Malformed(String),
}

/// Reads `Name: value` lines up to a blank line. Obsolete line folding
/// (continuation lines starting with white space) is joined.
pub(crate) fn read_headers<R: BufRead + ?Sized>(r: &mut R, budget: &mut usize) -> Result<Headers, HeadError> {
    let mut headers = Headers::new();
    let mut line = Vec::with_capacity(128);
    loop {
        line.clear();
        match read_line_limited(r, &mut line, *budget).map_err(HeadError::Io)? {
            Line::Eof => return Err(HeadError::Eof),
            Line::TooLong => return Err(HeadError::TooLong),
            Line::Complete => {}
        }
        *budget = budget.saturating_sub(line.len());
        if !line.ends_with(b"\n") {
            return Err(HeadError::Eof);
        }
        let text = trim_eol(&line);
        if text.is_empty() {
            return Ok(headers);
        }
        let text = String::from_utf8_lossy(text);
        if text.starts_with([' ', '\t']) {
            if let Some((_, value)) = headers.last_mut() {
                value.push(' ');
                value.push_str(text.trim());
                continue;
            }
            return Err(HeadError::Malformed(format!("continuation line without a header: {:?}", clip(&text))));
        }
        match text.split_once(':') {
            Some((name, value)) if !name.trim().is_empty() => {
                headers.push((name.trim().to_string(), value.trim().to_string()));
            }
            _ => return Err(HeadError::Malformed(format!("bad header line {:?}", clip(&text)))),
        }
    }
}

/// At most 80 characters of `s`, for messages.
pub(crate) fn clip(s: &str) -> &str {
    match s.char_indices().nth(80) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `line` without its trailing `\r\n` / `\n`.
pub(crate) fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// A parsed HTTP response head.
#[derive(Debug)]
pub(crate) struct ResponseHead {
    pub status: u16,
    pub headers: Headers,
}

/// Reads an HTTP response status line and headers.
pub(crate) fn read_response_head<R: BufRead + ?Sized>(r: &mut R) -> Result<ResponseHead, HeadError> {
    let mut budget = MAX_HEAD_BYTES;
    let mut line = Vec::with_capacity(64);
    // Tolerate blank lines before the status line.
    loop {
        line.clear();
        match read_line_limited(r, &mut line, budget).map_err(HeadError::Io)? {
            Line::Eof => return Err(HeadError::Eof),
            Line::TooLong => return Err(HeadError::TooLong),
            Line::Complete => {}
        }
        budget = budget.saturating_sub(line.len());
        if !trim_eol(&line).is_empty() {
            break;
        }
    }
    let status_line = String::from_utf8_lossy(trim_eol(&line)).into_owned();
    let mut parts = status_line.split_ascii_whitespace();
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/") {
        return Err(HeadError::Malformed(format!("not an HTTP status line: {:?}", clip(&status_line))));
    }
    let status = parts
        .next()
        .and_then(|s| s.parse::<u16>().ok())
        .ok_or_else(|| HeadError::Malformed(format!("bad HTTP status line: {:?}", clip(&status_line))))?;
    let headers = read_headers(r, &mut budget)?;
    Ok(ResponseHead { status, headers })
}

/// A media type split into its lowercase essence and `charset` parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MediaType {
    pub essence: String,
    pub charset: Option<String>,
}

/// Parses a `Content-Type` value such as `text/html; charset="ISO-8859-1"`.
pub(crate) fn media_type(value: &str) -> MediaType {
    let mut parts = value.split(';');
    let essence = parts.next().unwrap_or("").trim().to_ascii_lowercase();
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
        (!v.is_empty()).then(|| v.to_string())
    });
    MediaType { essence, charset }
}

/// Whether a media type essence is HTML.
pub(crate) fn is_html_type(essence: &str) -> bool {
    matches!(essence, "text/html" | "application/xhtml+xml" | "application/xhtml" | "text/xhtml")
}

/// Decodes a chunked transfer-coded body. Chunk extensions and trailers are
/// ignored. Errors when the body is not validly chunked.
pub(crate) fn dechunk(body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut rest = body;
    loop {
        let nl = memchr::memchr(b'\n', rest).ok_or("chunk size line without end")?;
        let size_line = trim_eol(&rest[..=nl]);
        let hex = size_line.split(|&b| b == b';').next().unwrap_or(b"");
        let hex = std::str::from_utf8(hex).map_err(|_| "bad chunk size")?.trim();
        let size = usize::from_str_radix(hex, 16).map_err(|_| format!("bad chunk size {:?}", clip(hex)))?;
        rest = &rest[nl + 1..];
        if size == 0 {
            return Ok(out);
        }
        if size > rest.len() {
            return Err(format!("chunk of {size} bytes past the end of the body"));
        }
        out.extend_from_slice(&rest[..size]);
        rest = &rest[size..];
        // The CRLF after the chunk data; tolerate a bare LF or its absence at
        // the very end.
        rest = rest.strip_prefix(b"\r\n").or_else(|| rest.strip_prefix(b"\n")).unwrap_or(rest);
        if rest.is_empty() {
            return Ok(out);
        }
    }
}

/// Outcome of content decoding.
pub(crate) enum Decoded {
    Ok(Vec<u8>),
    TooLarge,
    Unsupported(String),
    Corrupt(String),
}

/// Applies `Content-Encoding` (in reverse order of application). `identity`
/// and unknown-but-harmless values pass through. The decoded size is capped at
/// `limit` (decompression bombs).
///
/// Archives sometimes store the payload already decoded while keeping the
/// header: a body declared gzip that does not start with the gzip magic
/// number is kept as it is.
pub(crate) fn decode_content(encoding: &str, body: Vec<u8>, limit: u64) -> Decoded {
    let mut body = body;
    let codings: Vec<String> =
        encoding.split(',').map(|c| c.trim().to_ascii_lowercase()).filter(|c| !c.is_empty()).collect();
    for coding in codings.iter().rev() {
        body = match coding.as_str() {
            "identity" | "none" => body,
            "gzip" | "x-gzip" => {
                if !crate::sniff::is_gzip(&body) {
                    body
                } else {
                    match inflate(MultiGzDecoder::new(&body[..]), limit, body.len()) {
                        Ok(Some(b)) => b,
                        Ok(None) => return Decoded::TooLarge,
                        Err(e) => return Decoded::Corrupt(format!("gzip content: {e}")),
                    }
                }
            }
            "deflate" => {
                match inflate(ZlibDecoder::new(&body[..]), limit, body.len()) {
                    Ok(Some(b)) => b,
                    Ok(None) => return Decoded::TooLarge,
                    // Some servers send raw deflate without the zlib wrapper.
                    Err(_) => match inflate(DeflateDecoder::new(&body[..]), limit, body.len()) {
                        Ok(Some(b)) => b,
                        Ok(None) => return Decoded::TooLarge,
                        Err(e) => return Decoded::Corrupt(format!("deflate content: {e}")),
                    },
                }
            }
            other => return Decoded::Unsupported(other.to_string()),
        };
    }
    Decoded::Ok(body)
}

fn inflate<R: Read>(r: R, limit: u64, hint: usize) -> io::Result<Option<Vec<u8>>> {
    let mut out = Vec::with_capacity(hint.saturating_mul(4).min(usize::try_from(limit).unwrap_or(usize::MAX)).min(16 << 20));
    r.take(limit.saturating_add(1)).read_to_end(&mut out)?;
    Ok((out.len() as u64 <= limit).then_some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn response_head() {
        let mut r: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html;\r\n charset=utf-8\r\nX: y\r\n\r\nbody";
        let head = read_response_head(&mut r).unwrap();
        assert_eq!(head.status, 200);
        assert_eq!(header(&head.headers, "content-type"), Some("text/html; charset=utf-8"));
        assert_eq!(r, b"body");
        let mut r: &[u8] = b"garbage\r\n\r\n";
        assert!(matches!(read_response_head(&mut r), Err(HeadError::Malformed(_))));
        let mut r: &[u8] = b"HTTP/1.1 200 OK\r\nA: b\r\n";
        assert!(matches!(read_response_head(&mut r), Err(HeadError::Eof)));
    }

    #[test]
    fn media_types() {
        let m = media_type("Text/HTML; Charset=\"ISO-8859-1\"");
        assert_eq!(m.essence, "text/html");
        assert_eq!(m.charset.as_deref(), Some("ISO-8859-1"));
        assert_eq!(media_type("image/png").charset, None);
        assert!(is_html_type("application/xhtml+xml"));
    }

    #[test]
    fn chunks() {
        assert_eq!(dechunk(b"5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n").unwrap(), b"hello world");
        assert!(dechunk(b"<html>").is_err());
        assert!(dechunk(b"ff\r\nshort").is_err());
    }

    #[test]
    fn content_codings() {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>bonjour</p>").unwrap();
        let gz = gz.finish().unwrap();
        assert!(matches!(decode_content("gzip", gz.clone(), 100), Decoded::Ok(b) if b == b"<p>bonjour</p>"));
        assert!(matches!(decode_content("gzip", gz, 5), Decoded::TooLarge));
        assert!(matches!(decode_content("gzip", b"<p>plain</p>".to_vec(), 100), Decoded::Ok(b) if b == b"<p>plain</p>"));
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"abc").unwrap();
        assert!(matches!(decode_content("deflate", z.finish().unwrap(), 100), Decoded::Ok(b) if b == b"abc"));
        let mut d = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
        d.write_all(b"abc").unwrap();
        assert!(matches!(decode_content("deflate", d.finish().unwrap(), 100), Decoded::Ok(b) if b == b"abc"));
        assert!(matches!(decode_content("br", b"x".to_vec(), 100), Decoded::Unsupported(_)));
        assert!(matches!(decode_content("gzip", vec![0x1f, 0x8b, 8, 0, 1, 2], 100), Decoded::Corrupt(_)));
    }
}
