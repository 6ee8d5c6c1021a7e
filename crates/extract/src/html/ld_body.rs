//! The article text a page declares in its JSON-LD `articleBody`, as a
//! fallback when the visible markup holds much less of it (pages that
//! render the article with a script from the JSON-LD or another store).
//!
//! The body is read again from the source: the JSON string literal of the
//! `"articleBody"` key whose decoded value is the body is decoded alongside
//! its raw bytes, so each character maps to the bytes it came from (escapes
//! such as `\n` or `\u00e9` map to the escape). Markup inside the string
//! (some sites store HTML there) is dropped, block tags and line breaks
//! separate paragraphs, a few character references are decoded, and leading
//! lines that repeat the page's title are left out.

use dossier_text::normalize::is_space;
use dossier_text::{OffsetMap, TextBuilder};
use memchr::memmem;

/// One decoded character of the body and the raw bytes it came from.
#[derive(Debug, Clone, Copy)]
struct Unit {
    c: char,
    raw: usize,
    raw_len: usize,
    /// Copied verbatim (the raw bytes are the character).
    exact: bool,
}

/// Occurrences of `"articleBody"` tried before mapping the body to the first.
const MAX_TRIES: usize = 20;

/// The body's text, paragraphs separated by a blank line, with offsets into
/// `html`; `None` when nothing is left.
pub(crate) fn body_text(html: &str, body: &str, titles: &[String]) -> Option<(String, OffsetMap)> {
    let mut out = TextBuilder::new();
    body_into(html, body, titles, &mut out);
    let (text, map) = out.finish();
    (!text.is_empty()).then_some((text, map))
}

/// Like [`body_text`], appending to `out` after a blank line when `out`
/// holds text already.
pub(crate) fn body_into(html: &str, body: &str, titles: &[String], out: &mut TextBuilder) {
    let units = locate(html, body).unwrap_or_else(|| {
        let anchor = memmem::find(html.as_bytes(), b"\"articleBody\"").unwrap_or(0);
        body.chars().map(|c| Unit { c, raw: anchor, raw_len: 0, exact: false }).collect()
    });
    let lines = lines(&units);
    let titles: Vec<String> = titles.iter().map(|t| key(t.chars())).filter(|t| !t.is_empty()).collect();
    let mut started = false;
    let mut sep = !out.as_str().is_empty();
    for line in &lines {
        let Some(first) = line.first() else { continue };
        if !started && titles.iter().any(|t| *t == key(line.iter().map(|u| u.c))) {
            continue;
        }
        if started || sep {
            out.push_rewritten("\n\n", first.raw, 0);
            sep = false;
        }
        started = true;
        let mut pending: Option<usize> = None;
        for u in line {
            if is_space(u.c) {
                pending = Some(u.raw);
                continue;
            }
            if let Some(r) = pending.take() {
                out.push_rewritten(" ", r, 0);
            }
            let mut buf = [0u8; 4];
            let s = u.c.encode_utf8(&mut buf);
            if u.exact {
                out.push_copied(s, u.raw);
            } else {
                out.push_rewritten(s, u.raw, u.raw_len);
            }
        }
    }
}

/// Lower-cased letters and digits of a line, to compare it with a title.
fn key(chars: impl Iterator<Item = char>) -> String {
    chars.filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The decoded units of the `"articleBody"` string literal in `html` whose
/// value is `body`.
fn locate(html: &str, body: &str) -> Option<Vec<Unit>> {
    let b = html.as_bytes();
    let finder = memmem::Finder::new(b"\"articleBody\"");
    let mut from = 0;
    for _ in 0..MAX_TRIES {
        let at = from + finder.find(b.get(from..)?)?;
        from = at + 13;
        let mut i = from;
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        if b.get(i) != Some(&b':') {
            continue;
        }
        i += 1;
        while b.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
            i += 1;
        }
        if b.get(i) != Some(&b'"') {
            continue;
        }
        if let Some(units) = decode_string(html, i + 1) {
            if units.len() == body.chars().count() && units.iter().map(|u| u.c).eq(body.chars()) {
                return Some(units);
            }
        }
    }
    None
}

/// Decodes the JSON string literal whose content starts at byte `start` of
/// `src`, up to its closing quote; `None` if it is not closed.
fn decode_string(src: &str, start: usize) -> Option<Vec<Unit>> {
    let rest = src.get(start..)?;
    let mut units = Vec::new();
    let mut it = rest.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let raw = start + i;
        match c {
            '"' => return Some(units),
            '\\' => {
                let (_, e) = it.next()?;
                let c = match e {
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'u' => {
                        let hi = hex4(rest, i + 2)?;
                        for _ in 0..4 {
                            it.next();
                        }
                        if (0xD800..0xDC00).contains(&hi) && rest.get(i + 6..i + 8) == Some("\\u") {
                            let lo = hex4(rest, i + 8)?;
                            for _ in 0..6 {
                                it.next();
                            }
                            let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo.wrapping_sub(0xDC00) & 0x3FF);
                            units.push(Unit { c: char::from_u32(cp).unwrap_or('\u{FFFD}'), raw, raw_len: 12, exact: false });
                        } else {
                            units.push(Unit { c: char::from_u32(hi).unwrap_or('\u{FFFD}'), raw, raw_len: 6, exact: false });
                        }
                        continue;
                    }
                    other => other,
                };
                units.push(Unit { c, raw, raw_len: 2, exact: false });
            }
            c => units.push(Unit { c, raw, raw_len: c.len_utf8(), exact: true }),
        }
    }
    None
}

fn hex4(s: &str, at: usize) -> Option<u32> {
    u32::from_str_radix(s.get(at..at + 4)?, 16).ok()
}

/// Splits the units into lines: at line breaks and block tags; other tags
/// are dropped and common character references decoded.
fn lines(units: &[Unit]) -> Vec<Vec<Unit>> {
    let mut lines = vec![Vec::new()];
    let mut i = 0;
    while let Some(u) = units.get(i) {
        i += 1;
        match u.c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => lines.push(Vec::new()),
            '<' => {
                let next = units.get(i).map_or(' ', |n| n.c);
                if !(next.is_ascii_alphabetic() || next == '/' || next == '!') {
                    push(&mut lines, *u);
                    continue;
                }
                let Some(len) = units.get(i..).and_then(|r| r.iter().take(2000).position(|n| n.c == '>')) else {
                    push(&mut lines, *u);
                    continue;
                };
                let name: String = units
                    .get(i..i + len)
                    .unwrap_or(&[])
                    .iter()
                    .map(|n| n.c)
                    .skip_while(|&c| c == '/')
                    .take_while(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase())
                    .collect();
                i += len + 1;
                if BLOCK_TAGS.contains(&name.as_str()) {
                    lines.push(Vec::new());
                }
            }
            '&' => {
                let end = units.get(i..).and_then(|r| r.iter().take(MAX_REFERENCE).position(|n| n.c == ';'));
                let decoded = end.and_then(|len| {
                    let name: String = units.get(i..=i + len)?.iter().map(|n| n.c).collect();
                    Some((entity(&name)?, len))
                });
                match decoded {
                    Some((c, len)) => {
                        let last = units.get(i + len).map_or(u.raw + 1, |l| l.raw + l.raw_len);
                        push(&mut lines, Unit { c, raw: u.raw, raw_len: last.saturating_sub(u.raw), exact: false });
                        i += len + 1;
                    }
                    None => push(&mut lines, *u),
                }
            }
            _ => push(&mut lines, *u),
        }
    }
    lines.retain(|l| l.iter().any(|u| !is_space(u.c)));
    for l in &mut lines {
        let lead = l.iter().take_while(|u| is_space(u.c)).count();
        l.drain(..lead);
        while l.last().is_some_and(|u| is_space(u.c)) {
            l.pop();
        }
    }
    lines
}

fn push(lines: &mut [Vec<Unit>], u: Unit) {
    if let Some(l) = lines.last_mut() {
        l.push(u);
    }
}

const BLOCK_TAGS: &[&str] = &[
    "p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "figure", "figcaption",
    "table", "tr", "section", "hr", "pre", "dd", "dt",
];

/// Longest character reference looked for, `;` included.
const MAX_REFERENCE: usize = 40;

/// The one character a whole reference (`amp;`, `#233;`, the `&` left out)
/// stands for, read as HTML does ([`dossier_dates::markup::char_ref`]).
fn entity(reference: &str) -> Option<char> {
    match dossier_dates::markup::char_ref(reference, false)? {
        ([Some(c), None], len) if len == reference.len() => Some(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_is_read_from_its_json_string_with_offsets() {
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\
                    \"articleBody\":\"My title\\nCaf\\u00e9 au <strong>lait</strong> &amp; pain.\\n\\nSecond line.\"}\
                    </script></head><body><p>x</p></body></html>";
        let body = "My title\nCafé au <strong>lait</strong> &amp; pain.\n\nSecond line.";
        let (text, map) = body_text(html, body, &["My Title".to_string()]).unwrap();
        assert_eq!(text, "Café au lait & pain.\n\nSecond line.");
        let at = |s: &str| map.to_raw(text.find(s).unwrap()).unwrap();
        assert_eq!(&html[at("Caf")..][..3], "Caf");
        assert_eq!(&html[at("é")..][..6], "\\u00e9");
        assert_eq!(&html[at("lait")..][..4], "lait");
        assert_eq!(&html[at("&")..][..5], "&amp;");
        assert_eq!(&html[at("Second")..][..6], "Second");
    }

    #[test]
    fn html_paragraphs_split_and_unlocated_bodies_map_to_the_key() {
        let html = "<script>{\"articleBody\": \"<p>One.</p><p>Two.</p>\"}</script>";
        let (text, _) = body_text(html, "<p>One.</p><p>Two.</p>", &[]).unwrap();
        assert_eq!(text, "One.\n\nTwo.");
        // Not found literally: mapped to the key's position, not lost.
        let (text, map) = body_text(html, "Other body", &[]).unwrap();
        assert_eq!(text, "Other body");
        assert_eq!(map.to_raw(0), html.find("\"articleBody\""));
        assert!(body_text(html, "<p> </p>", &[]).is_none());
    }
}
