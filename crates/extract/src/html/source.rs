//! Leading DOM text back to byte positions in the HTML source.
//!
//! html5ever (through scraper) keeps no source positions, so the extractor
//! finds them again:
//!
//! 1. [`SourceText::scan`] lexes the source once (linear, hand-written
//!    because it only needs to tell character data from markup) and records
//!    the byte ranges that hold character data: outside tags, comments,
//!    doctypes and the raw text of `<script>`/`<style>`-like elements. Text
//!    that looks like the article inside JSON-LD or an attribute can thus
//!    never be taken for it.
//! 2. For each DOM text node the extractor emits, in document order,
//!    [`SourceText::locate`] searches a literal probe of the node (its first
//!    run of plain ASCII word characters, which entities and CR/LF
//!    normalisation never alter) in those ranges, from a cursor that only
//!    moves forward.
//! 3. [`SourceText::align`] then walks the node's decoded text and the
//!    source together: equal characters are copied, character references
//!    (`&amp;`, `&#8217;`, `&nbsp;`) and `\r\n` map to the raw bytes they
//!    came from. If the two ever disagree, the rest of the node maps to the
//!    last aligned position (rewritten), which keeps evidence near the right
//!    place.
//!
//! Cost: the lexing pass and each alignment are linear. Searches that find
//! their probe stop at it; the bytes scanned by failed searches are capped
//! by a budget proportional to the page size, after which nodes map to the
//! cursor. The whole pass is therefore O(page size + text size).

use memchr::memmem;

/// Character-data ranges of an HTML source, and a forward cursor into them.
#[derive(Debug)]
pub(crate) struct SourceText<'a> {
    src: &'a str,
    /// Character-data ranges `[start, end)`, in order, disjoint.
    regions: Vec<(usize, usize)>,
    /// Index of the region the cursor is in (or the next one).
    region: usize,
    /// Byte position no later text can start before.
    cursor: usize,
    /// Bytes failed searches may still scan.
    budget: usize,
}

/// How the lexers treat an element, by tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagKind {
    /// Raw text (`script`, `style`, `xmp`, `iframe`, `noembed`,
    /// `noframes`: not markup, not character data we would ever emit; scraper
    /// parses `noscript` as markup) or escapable raw text (`title`,
    /// `textarea`: character data the extractor never emits). Holds the
    /// lower-case name its end tag must carry.
    Raw(&'static [u8]),
    /// Void elements and elements whose end tag the next sibling implies:
    /// not counted as depth.
    NotNesting,
    Other,
}

/// The [`TagKind`] of a tag name, any case. One lower-cased copy and one
/// `match` per tag: a linear search of the lists, compared ignoring case,
/// showed in profiles of pages with many tags.
fn tag_kind(name: &[u8]) -> TagKind {
    let mut buf = [0u8; 8];
    let Some(lower) = buf.get_mut(..name.len()) else { return TagKind::Other };
    for (d, s) in lower.iter_mut().zip(name) {
        *d = s.to_ascii_lowercase();
    }
    match &*lower {
        b"script" => TagKind::Raw(b"script"),
        b"style" => TagKind::Raw(b"style"),
        b"xmp" => TagKind::Raw(b"xmp"),
        b"iframe" => TagKind::Raw(b"iframe"),
        b"noembed" => TagKind::Raw(b"noembed"),
        b"noframes" => TagKind::Raw(b"noframes"),
        b"title" => TagKind::Raw(b"title"),
        b"textarea" => TagKind::Raw(b"textarea"),
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link" | b"meta" | b"source"
        | b"track" | b"wbr" | b"param" | b"keygen" | b"p" | b"li" | b"dt" | b"dd" | b"option" | b"optgroup" | b"tr"
        | b"td" | b"th" | b"thead" | b"tbody" | b"tfoot" | b"colgroup" | b"rt" | b"rp" => TagKind::NotNesting,
        _ => TagKind::Other,
    }
}

impl<'a> SourceText<'a> {
    /// Lexes `src` once.
    pub(crate) fn scan(src: &'a str) -> Self {
        let b = src.as_bytes();
        let n = b.len();
        let mut regions = Vec::new();
        let mut i = 0usize;
        let mut text_start = 0usize;
        while i < n {
            let Some(off) = memchr::memchr(b'<', &b[i..]) else {
                break;
            };
            let lt = i + off;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            let markup_end = if b[lt..].starts_with(b"<!--") {
                Some(find_from(b, lt + 4, b"-->").map_or(n, |p| p + 3))
            } else if next == b'!' || next == b'?' {
                Some(memchr::memchr(b'>', &b[lt..]).map_or(n, |p| lt + p + 1))
            } else if next == b'/' || next.is_ascii_alphabetic() {
                let name_start = if next == b'/' { lt + 2 } else { lt + 1 };
                let mut name_end = name_start;
                while name_end < n && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
                    name_end += 1;
                }
                if name_end == name_start {
                    // "</ " or "</>": html5ever treats it as a bogus comment / skips it.
                    Some(memchr::memchr(b'>', &b[lt..]).map_or(n, |p| lt + p + 1))
                } else {
                    let tag_end = skip_tag(b, name_end);
                    let name = &b[name_start..name_end];
                    if next != b'/' {
                        match tag_kind(name) {
                            TagKind::Raw(t) => Some(find_close_tag(b, tag_end, t)),
                            _ => Some(tag_end),
                        }
                    } else {
                        Some(tag_end)
                    }
                }
            } else {
                None
            };
            match markup_end {
                Some(end) => {
                    if lt > text_start {
                        regions.push((text_start, lt));
                    }
                    i = end.max(lt + 1).min(n);
                    text_start = i;
                }
                None => i = lt + 1,
            }
        }
        if n > text_start {
            regions.push((text_start, n));
        }
        SourceText { src, regions, region: 0, cursor: 0, budget: 4 * n + 4096 }
    }

    /// Number of character-data ranges found.
    #[cfg(test)]
    pub(crate) fn regions(&self) -> &[(usize, usize)] {
        &self.regions
    }

    /// Where the next emitted text node `text` lies in the source, searching
    /// forward from the cursor: `(offset of the probe in text, raw position
    /// of the probe)`; `None` when it cannot be found (then the caller maps
    /// the node to [`Self::cursor`]).
    pub(crate) fn locate(&mut self, text: &str) -> Option<(usize, usize)> {
        let (probe_off, probe) = probe(text)?;
        let finder = memmem::Finder::new(probe.as_bytes());
        let b = self.src.as_bytes();
        let mut r = self.region;
        let mut scanned = 0usize;
        while let Some(&(start, end)) = self.regions.get(r) {
            let from = start.max(self.cursor);
            if from < end {
                if let Some(p) = finder.find(&b[from..end]) {
                    self.region = r;
                    self.budget = self.budget.saturating_sub(scanned);
                    return Some((probe_off, from + p));
                }
                scanned += end - from;
                if scanned > self.budget {
                    self.budget = 0;
                    return None;
                }
            }
            r += 1;
        }
        self.budget = self.budget.saturating_sub(scanned);
        None
    }

    /// Current cursor position.
    pub(crate) fn cursor(&self) -> usize {
        self.cursor
    }

    /// Aligns decoded `text` with the source, given the probe found by
    /// [`Self::locate`], calling `emit(char_byte_offset_in_text, raw_start,
    /// raw_len, exact)` for every character of `text`. Advances the cursor
    /// past what was aligned.
    pub(crate) fn align(&mut self, text: &str, found: (usize, usize), mut emit: impl FnMut(usize, usize, usize, bool)) {
        let b = self.src.as_bytes();
        let (probe_off, at) = found;
        let probe_off = probe_off.min(text.len());
        let (mut r, skip) = match at.checked_sub(probe_off) {
            Some(s) if b.get(s..at) == text.as_bytes().get(..probe_off) => (s, 0),
            _ => (at.min(b.len()), probe_off),
        };
        let mut lost = false;
        for (i, c) in text.char_indices() {
            if i < skip {
                emit(i, r, 0, false);
                continue;
            }
            if lost {
                emit(i, r, 0, false);
                continue;
            }
            let mut buf = [0u8; 4];
            let cb = c.encode_utf8(&mut buf).as_bytes();
            if b.get(r..r + cb.len()) == Some(cb) {
                emit(i, r, cb.len(), true);
                r += cb.len();
            } else if c == '\n' && b.get(r) == Some(&b'\r') {
                let l = if b.get(r + 1) == Some(&b'\n') { 2 } else { 1 };
                emit(i, r, l, false);
                r += l;
            } else if b.get(r) == Some(&b'&') {
                let l = char_ref_len(&b[r..]);
                emit(i, r, l, false);
                r += l;
            } else if c == '\u{FFFD}' && b.get(r) == Some(&0) {
                emit(i, r, 1, false);
                r += 1;
            } else {
                lost = true;
                emit(i, r, 0, false);
            }
        }
        if r > self.cursor {
            self.cursor = r;
        }
    }
}

/// Whether a start tag's bytes name JSON-LD (`type="application/ld+json"`,
/// also written with character references: `ld&#x2B;json`).
fn mentions_json_ld(tag: &[u8]) -> bool {
    let named = |t: &[u8]| t.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"));
    if !tag.contains(&b'&') {
        return named(tag);
    }
    named(dossier_dates::markup::decode(&String::from_utf8_lossy(tag), true).as_bytes())
}


/// The source as the parser should read it, when that differs from `src`,
/// and whether deep nesting was flattened. Four changes, found in one
/// linear scan:
///
/// * html5ever's tree builder checks element scopes by walking the stack
///   of open elements, which makes absurdly deep nesting quadratic (100,000
///   nested `<div>`s take tens of seconds). When the tags of `src` nest
///   deeper than `limit`, the start and end tags beyond that depth are
///   overwritten with spaces.
/// * The contents of `<style>` elements are dropped, so that no element's
///   text ever holds CSS (CSS-in-JS puts `<style>` inside headings). They
///   are about a quarter of the bytes of the ScrapingHub pages, but the
///   parser reads raw text fast: about 1 % fewer instructions in all.
///   So are the contents of scripts other than JSON-LD: nothing read from
///   the DOM uses them (dates are read from the source, by
///   `dossier_dates`), and of inline SVG drawings (4 % of the ScrapingHub
///   pages' bytes), which the DOM walk skips.
/// * Attributes the extractor never reads are cut from start tags
///   ([`cut_unread_attributes`]).
/// * Whitespace alone between two tags is cut to its first byte, unless
///   the page holds preformatted elements ([`has_preformatted`]).
///
/// Offsets of the clean text never come from the parsed copy but from
/// `src` itself ([`SourceText`]). `None` when none applies.
pub(crate) fn parser_input(src: &str, limit: usize) -> Option<(String, bool)> {
    let b = src.as_bytes();
    let mut tags: Vec<(usize, usize, bool)> = Vec::new(); // (start, end, is_end_tag)
    let mut depth = 0usize;
    let mut max_depth = 0usize;
    // Contents of `<style>` elements, of scripts other than JSON-LD and of
    // inline SVG drawings: `[start, end)`, in order.
    let mut styles: Vec<(usize, usize)> = Vec::new();
    // Attributes the DOM walk never reads, cut like the contents above.
    let mut unread_bytes = 0usize;
    // Runs of indentation between two tags are cut to their first byte
    // (the tokenizer reads them character by character, line by line;
    // an eighth of the ScrapingHub pages' bytes), unless the page holds an
    // element whose whitespace is shown as is.
    let collapse = !has_preformatted(b);
    let mut i = 0usize;
    let n = b.len();
    while i < n {
        let Some(off) = memchr::memchr(b'<', &b[i..]) else { break };
        let lt = i + off;
        if collapse && lt > i + 1 && i > 0 && b[i - 1] == b'>' && b[i..lt].iter().all(u8::is_ascii_whitespace) {
            styles.push((i + 1, lt));
            unread_bytes += lt - i - 1;
        }
        let next = b.get(lt + 1).copied().unwrap_or(0);
        if b[lt..].starts_with(b"<!--") {
            i = find_from(b, lt + 4, b"-->").map_or(n, |p| p + 3);
            continue;
        }
        if next == b'!' || next == b'?' {
            i = memchr::memchr(b'>', &b[lt..]).map_or(n, |p| lt + p + 1);
            continue;
        }
        if next != b'/' && !next.is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let is_end = next == b'/';
        let name_start = if is_end { lt + 2 } else { lt + 1 };
        let mut name_end = name_start;
        while name_end < n && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
            name_end += 1;
        }
        let tag_end = skip_tag(b, name_end);
        let name = &b[name_start..name_end];
        i = tag_end.max(lt + 1);
        let kind = tag_kind(name);
        if name.is_empty() {
            continue;
        }
        if kind == TagKind::NotNesting {
            if !is_end {
                unread_bytes += cut_unread_attributes(b, name, name_end, tag_end, &mut styles);
            }
            continue;
        }
        if !is_end {
            if let TagKind::Raw(t) = kind {
                let (close, after) = find_close_tag_at(b, tag_end, t);
                let dropped = t == b"style" || (t == b"script" && !mentions_json_ld(&b[lt..tag_end]));
                if dropped && close > tag_end {
                    styles.push((tag_end, close));
                }
                i = after;
                continue;
            }
            unread_bytes += cut_unread_attributes(b, name, name_end, tag_end, &mut styles);
            let self_closing = tag_end >= 2 && b.get(tag_end - 2) == Some(&b'/');
            if self_closing {
                continue;
            }
            depth += 1;
            max_depth = max_depth.max(depth);
            if depth > limit {
                tags.push((lt, tag_end, false));
            }
            // An inline SVG's drawing is never read (the DOM walk skips
            // `svg`): its contents are left out like a style sheet's,
            // unless another `svg` nests inside (the first `</svg>` would
            // then close the inner one).
            if name.eq_ignore_ascii_case(b"svg") {
                let (close, _) = find_close_tag_at(b, tag_end, b"svg");
                let inner = b.get(tag_end..close).unwrap_or(&[]);
                let nested = memmem::find(inner, b"<svg").is_some() || memmem::find(inner, b"<SVG").is_some();
                if close < n && close > tag_end && !nested {
                    styles.push((tag_end, close));
                    i = close;
                }
            }
        } else {
            if depth > limit {
                tags.push((lt, tag_end, true));
            }
            depth = depth.saturating_sub(1);
        }
    }
    let deep = max_depth > limit;
    let style_bytes: usize = styles.iter().map(|(s, e)| e - s).sum::<usize>() - unread_bytes;
    if !deep && style_bytes < MIN_STYLE_BYTES && unread_bytes < MIN_UNREAD_ATTRIBUTE_BYTES {
        return None;
    }
    let mut out = b.to_vec();
    if deep {
        for (s, e, _) in tags {
            if let Some(span) = out.get_mut(s..e) {
                span.fill(b' ');
            }
        }
    }
    if !styles.is_empty() {
        let mut kept = Vec::with_capacity(out.len() - style_bytes - unread_bytes);
        let mut at = 0;
        for (s, e) in styles {
            kept.extend_from_slice(out.get(at..s).unwrap_or(&[]));
            at = e;
        }
        kept.extend_from_slice(out.get(at..).unwrap_or(&[]));
        out = kept;
    }
    // Only ASCII markup bytes were replaced by ASCII spaces, and whole
    // element contents (between ASCII `>` and `<`) were cut out.
    String::from_utf8(out).ok().map(|s| (s, deep))
}

/// Whether the page holds an element that shows its whitespace as is
/// (`pre`, `textarea`, `listing`, `plaintext`), any case.
fn has_preformatted(b: &[u8]) -> bool {
    memchr::memchr_iter(b'<', b).any(|lt| {
        let name = b.get(lt + 1..).unwrap_or(&[]);
        [&b"pre"[..], b"textarea", b"listing", b"plaintext"].iter().any(|t| {
            name.len() > t.len()
                && name[..t.len()].eq_ignore_ascii_case(t)
                && !name[t.len()].is_ascii_alphanumeric()
        })
    })
}

/// Unread attribute bytes worth a copy of the page when nothing else is cut.
const MIN_UNREAD_ATTRIBUTE_BYTES: usize = 1024;

/// Attributes the extractor reads from the DOM (`AttrStr::attr_str` calls
/// in `dom.rs`, `metadata.rs`) or that change how html5ever builds the tree
/// (`type` of a hidden input in a table, `color`/`face`/`size` of a `font`
/// in foreign content, `encoding` of MathML's `annotation-xml`, namespace
/// declarations). Keep this list in step with new `attr_str` calls: a test
/// below checks that every name those files ask for is here.
const READ_ATTRIBUTES: &[&[u8]] = &[
    b"class", b"id", b"itemprop", b"itemscope", b"itemtype", b"content", b"style", b"rel", b"hidden", b"lang",
    b"xml:lang", b"type", b"role", b"property", b"name", b"http-equiv", b"href", b"charset", b"color", b"face",
    b"size", b"encoding", b"xmlns",
];

/// Cuts the attributes of the start tag whose name ends at `name_end` that
/// the extractor never reads (`data-*` blobs, `srcset`, event handlers…:
/// a sixth of the ScrapingHub pages' bytes once scripts and styles are
/// out). html5ever tokenizes each of their characters and interns each
/// unknown name as an atom. Returns the bytes cut (ranges pushed on `cuts`).
///
/// The tag is split by [`lex_attributes`], as html5ever splits it; when
/// its end disagrees with `tag_end` nothing is cut.
fn cut_unread_attributes(b: &[u8], tag: &[u8], name_end: usize, tag_end: usize, cuts: &mut Vec<(usize, usize)>) -> usize {
    // Addresses are read from `<link>` only (the canonical URL): links are
    // told by their tag, and their `href`s are a seventh of the bytes.
    let href_read = tag.eq_ignore_ascii_case(b"link");
    // A tag name running on past what the scan took as its name (`<my_tag>`)
    // is left alone.
    if !matches!(b.get(name_end), Some(c) if c.is_ascii_whitespace() || *c == b'/' || *c == b'>') {
        return 0;
    }
    let mut found: [(usize, usize); 16] = [(0, 0); 16];
    let mut count = 0usize;
    let mut overflow = false;
    let end = lex_attributes(b, name_end, |start, attr_end, name| {
        let read = if name.eq_ignore_ascii_case(b"href") {
            href_read
        } else {
            READ_ATTRIBUTES.iter().any(|k| k.eq_ignore_ascii_case(name))
        };
        if !read {
            match found.get_mut(count) {
                Some(slot) => {
                    *slot = (start, attr_end);
                    count += 1;
                }
                None => overflow = true,
            }
        }
    });
    if end != tag_end || overflow {
        return 0;
    }
    let mut cut = 0;
    for &(s, e) in &found[..count] {
        cuts.push((s, e));
        cut += e - s;
    }
    cut
}

/// Style contents worth a copy of the page: any, so that no element's text
/// ever holds CSS (an `h1` with a CSS-in-JS `<style>` inside).
const MIN_STYLE_BYTES: usize = 1;

/// The literal probe searched for a text node: the longest prefix of the
/// text (after leading whitespace) made of ASCII characters that decoding
/// never produces from something else (letters, digits, plain spaces,
/// punctuation other than `&<>"'`), when it has at least four bytes; else
/// the first run of at least four ASCII alphanumerics (or the longest run of
/// two or more). Capped at 48 bytes. Returns `(offset in text, probe)`.
fn probe(text: &str) -> Option<(usize, &str)> {
    let b = text.as_bytes();
    let lead = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    let safe = |c: u8| c == b' ' || (c.is_ascii_graphic() && !matches!(c, b'&' | b'<' | b'>' | b'"' | b'\''));
    let mut e = lead;
    while e < b.len() && e - lead < 48 && safe(b[e]) {
        e += 1;
    }
    // Do not end on spaces: they may be the start of a collapsed run.
    while e > lead && b[e - 1] == b' ' {
        e -= 1;
    }
    if e - lead >= 4 {
        return Some((lead, &text[lead..e]));
    }
    let mut best: Option<(usize, usize)> = None;
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphanumeric() {
            let s = i;
            while i < b.len() && b[i].is_ascii_alphanumeric() && i - s < 32 {
                i += 1;
            }
            let len = i - s;
            if len >= 4 {
                return Some((s, &text[s..i]));
            }
            if best.is_none_or(|(_, l)| len > l) {
                best = Some((s, len));
            }
        } else {
            i += 1;
        }
    }
    best.filter(|&(_, l)| l >= 2).map(|(s, l)| (s, &text[s..s + l]))
}

/// Length of the character reference at the start of `b` (which starts
/// with `&`): `&name;`, `&#123;`, `&#x1F;`, with or without `;`.
fn char_ref_len(b: &[u8]) -> usize {
    let mut i = 1;
    if b.get(1) == Some(&b'#') {
        i = 2;
        if matches!(b.get(2), Some(b'x' | b'X')) {
            i = 3;
        }
    }
    while i < b.len() && i < 40 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if b.get(i) == Some(&b';') {
        i += 1;
    }
    i
}

/// First position of `needle` in `b` at or after `from`.
fn find_from(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let hay = b.get(from..)?;
    memmem::find(hay, needle).map(|p| from + p)
}

/// End (one past `>`) of a tag whose name ends at `i` (the end of `b`
/// when the tag never closes).
fn skip_tag(b: &[u8], mut i: usize) -> usize {
    // The rest of a name the scan did not take whole ("<my_tag", "<aé='"):
    // the tokenizer's tag name runs to a space, `/` or `>`.
    while i < b.len() && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>')) {
        i += 1;
    }
    lex_attributes(b, i, |_, _, _| {})
}

/// Walks the attributes of a tag whose name ends at `i` as the WHATWG
/// tokenizer's attribute states split them (a name ends at a space, `/`,
/// `>` or `=`, and may open with `=`; a value is quoted, or runs to a
/// space or `>`), calling `attr(start, end, name)` for each, `start..end`
/// spanning the name and its value. Returns the position after the `>`
/// closing the tag, or the end of `b` when it never closes (a quote left
/// open). Hand-written: the tag lexers of the HTML crates do not report
/// source positions.
fn lex_attributes(b: &[u8], mut i: usize, mut attr: impl FnMut(usize, usize, &[u8])) -> usize {
    let n = b.len();
    loop {
        // Before attribute name.
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= n {
            return n;
        }
        if b[i] == b'>' {
            return i + 1;
        }
        let start = i;
        // Attribute name: a leading `=` belongs to it.
        i += 1;
        while i < n && !(b[i].is_ascii_whitespace() || matches!(b[i], b'/' | b'>' | b'=')) {
            i += 1;
        }
        let name_end = i;
        // After attribute name.
        let mut j = i;
        while j < n && b[j].is_ascii_whitespace() {
            j += 1;
        }
        let end = if j < n && b[j] == b'=' {
            j += 1;
            while j < n && b[j].is_ascii_whitespace() {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => match memchr::memchr(q, &b[j + 1..]) {
                    Some(p) => j + 1 + p + 1,
                    None => return n,
                },
                Some(b'>') | None => j,
                Some(_) => {
                    while j < n && !b[j].is_ascii_whitespace() && b[j] != b'>' {
                        j += 1;
                    }
                    j
                }
            }
        } else {
            name_end
        };
        attr(start, end, &b[start..name_end]);
        i = end;
    }
}

/// Position after the `</name ...>` closing a raw-text element whose content
/// starts at `from` (or the end of the source).
fn find_close_tag(b: &[u8], from: usize, name: &[u8]) -> usize {
    find_close_tag_at(b, from, name).1
}

/// Where the end tag of raw-text element `name` opened before `from`
/// starts, and the position just after it (both the end of `b` when it is
/// missing).
fn find_close_tag_at(b: &[u8], from: usize, name: &[u8]) -> (usize, usize) {
    let n = b.len();
    let mut i = from;
    while i < n {
        let Some(p) = memmem::find(&b[i..], b"</") else {
            return (n, n);
        };
        let at = i + p;
        let s = at + 2;
        if b.get(s..s + name.len()).is_some_and(|x| x.eq_ignore_ascii_case(name))
            && !b.get(s + name.len()).is_some_and(|c| c.is_ascii_alphanumeric())
        {
            return (at, memchr::memchr(b'>', &b[s..]).map_or(n, |q| s + q + 1));
        }
        i = at + 2;
    }
    (n, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs [`cut_unread_attributes`] on the single start tag `tag`.
    fn cut_attrs(tag: &str) -> String {
        let b = tag.as_bytes();
        let name_end = 1 + b[1..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        let mut cuts = Vec::new();
        cut_unread_attributes(b, &b[1..name_end], name_end, skip_tag(b, name_end), &mut cuts);
        let mut out = String::new();
        let mut at = 0;
        for (s, e) in cuts {
            out.push_str(&tag[at..s]);
            at = e;
        }
        out + &tag[at..]
    }

    #[test]
    fn unread_attributes_are_cut_read_ones_kept() {
        assert_eq!(
            cut_attrs(r#"<img data-src="a.jpg" srcset='a 1x, b 2x' class="pic" onclick=go() alt>"#),
            r#"<img   class="pic"  >"#
        );
        assert_eq!(cut_attrs(r#"<div DATA-X="1"CLASS="c"ID=main>"#), r#"<div CLASS="c"ID=main>"#);
        assert_eq!(cut_attrs(r#"<a href="/x" title="a > b" rel=author>"#), r#"<a   rel=author>"#);
        assert_eq!(cut_attrs(r#"<LINK REL=canonical HREF="/x">"#), r#"<LINK REL=canonical HREF="/x">"#);
        // A tag whose end the two lexers see differently is left whole.
        assert_eq!(cut_attrs(r#"<p data-x="open>"#), r#"<p data-x="open>"#);
        // A name the scan did not take whole is left alone.
        assert_eq!(cut_attrs(r#"<my_tag data-x="1">"#), r#"<my_tag data-x="1">"#);
    }

    #[test]
    fn every_attribute_the_extractor_reads_is_kept() {
        for file in [include_str!("dom.rs"), include_str!("metadata.rs"), include_str!("content.rs"), include_str!("mod.rs")] {
            for part in file.split("attr_str(\"").skip(1) {
                let name = part.split('"').next().unwrap_or_default();
                assert!(READ_ATTRIBUTES.iter().any(|k| k == &name.as_bytes()), "attribute {name} is read but cut");
            }
        }
    }

    /// The visible text of a page as html5ever builds it: text nodes
    /// outside scripts, styles and drawings, whitespace collapsed, and the
    /// attributes the extractor reads, in document order.
    fn visible(html: &str) -> String {
        use crate::html::dom::AttrStr;
        let doc = scraper::Html::parse_document(html);
        let mut out = String::new();
        for node in doc.tree.root().descendants() {
            let hidden = node.ancestors().any(|a| {
                a.value().as_element().is_some_and(|e| matches!(e.name(), "script" | "style" | "svg" | "title" | "textarea"))
            });
            match node.value() {
                scraper::Node::Text(t) if !hidden => {
                    let pre = node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "pre"));
                    if pre {
                        // Whitespace shown as is: kept visible.
                        out.extend(t.chars().map(|c| if c.is_whitespace() { '·' } else { c }));
                    } else {
                        out.push_str(t);
                    }
                }
                scraper::Node::Element(e) if !hidden => {
                    out.push(' ');
                    for a in ["class", "id", "href", "content", "itemprop", "rel", "style", "lang"] {
                        // Addresses are kept on `<link>` only.
                        if a == "href" && e.name() != "link" {
                            continue;
                        }
                        if let Some(v) = e.attr_str(a) {
                            out.push_str(&format!("<{} {a}={v}>", e.name()));
                        }
                    }
                }
                _ => {}
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        /// Whatever the markup, the cut copy parses to the same visible
        /// text and the same read attributes as the page (hrefs on
        /// `<link>` only), and nothing panics.
        #[test]
        fn the_cut_copy_parses_to_the_same_text(parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::string::string_regex("<(div|p|a|span|link|img|b) ?").unwrap(),
            proptest::string::string_regex("(data-x|class|id|href|srcset|rel|title|=x)(=\"[^\"]{0,8}\"|='[^']{0,8}'|=[a-z>]{0,4})? ?").unwrap(),
            proptest::string::string_regex("(/?>|</(div|p|a|span|b)>|<!--x-->|<pre>|<script>a<b</script>)").unwrap(),
            proptest::string::string_regex("[ \n\t]{0,6}").unwrap(),
            proptest::string::string_regex("[a-zé&;<>\"' =]{0,10}").unwrap(),
        ], 0..60)) {
            let page = format!("{}<p data-pad='{}'>", parts.concat(), "x".repeat(1100));
            if let Some((cut, _)) = parser_input(&page, 512) {
                proptest::prop_assert_eq!(visible(&cut), visible(&page));
            }
        }
    }

    #[test]
    fn indentation_between_tags_is_cut_to_one_byte_unless_preformatted() {
        let page = format!("<div class=a>\n    <p>Text <b>x</b>\n  <i>y</i></p>\n</div><p data-x='{}'>", "x".repeat(2000));
        let (input, _) = parser_input(&page, 512).unwrap();
        assert!(input.starts_with("<div class=a>\n<p>Text <b>x</b>\n<i>y</i></p>\n</div>"), "{input}");
        let pre = format!("<pre><b>a</b>\n    <b>b</b></pre><p data-x='{}'>", "x".repeat(2000));
        let (input, _) = parser_input(&pre, 512).unwrap();
        assert!(input.starts_with("<pre><b>a</b>\n    <b>b</b></pre>"), "{input}");
        assert!(has_preformatted(b"<PRE>") && !has_preformatted(b"<prefix>") && !has_preformatted(b"<p>"));
    }

    #[test]
    fn parser_input_cuts_unread_attributes_of_every_tag() {
        let blob = format!("<div data-big='{}' class=a><p data-x=1>Text</p><img srcset=x></div>", "x".repeat(2000));
        let (input, deep) = parser_input(&blob, 512).unwrap();
        assert!(!deep);
        assert_eq!(input, "<div  class=a><p >Text</p><img ></div>");
    }

    #[test]
    fn regions_skip_markup_scripts_and_comments() {
        let src = "<p a=\"x>y\">Hello</p><!-- c --><script>var a = '<p>no</p>';</script>World<style>p{}</style>";
        let s = SourceText::scan(src);
        let texts: Vec<&str> = s.regions().iter().map(|&(a, b)| &src[a..b]).collect();
        assert_eq!(texts, vec!["Hello", "World"]);
    }

    #[test]
    fn locates_and_aligns_entities() {
        let src = "<script>{\"articleBody\":\"Le caf\u{e9} au lait\"}</script><p>Le caf&eacute; au\r\nlait</p>";
        let mut s = SourceText::scan(src);
        let text = "Le café au\nlait";
        let found = s.locate(text).unwrap();
        let start = found.1;
        assert!(start > src.find("</script>").unwrap());
        let mut got = Vec::new();
        s.align(text, found, |i, r, l, _| got.push((i, r, l)));
        let e = got.iter().find(|g| g.0 == 6).unwrap();
        assert_eq!(&src[e.1..e.1 + e.2], "&eacute;");
        let nl = got.iter().find(|g| g.0 == text.find('\n').unwrap()).unwrap();
        assert_eq!(&src[nl.1..nl.1 + nl.2], "\r\n");
        assert!(s.cursor() > start);
    }

    #[test]
    fn deep_nesting_is_capped_in_place() {
        let src = format!("{}x{}", "<div>".repeat(10), "</div>".repeat(10));
        assert!(parser_input(&src, 20).is_none());
        let (capped, deep) = parser_input(&src, 4).unwrap();
        assert!(deep);
        assert_eq!(capped.len(), src.len());
        assert_eq!(capped.find('x'), src.find('x'));
        assert_eq!(capped.matches("<div>").count(), 4);
        assert_eq!(capped.matches("</div>").count(), 4);
        // Paragraphs close each other: no depth.
        assert!(parser_input(&"<p>a".repeat(100), 4).is_none());
    }

    #[test]
    fn tag_kinds_ignore_case() {
        assert_eq!(tag_kind(b"SCRIPT"), TagKind::Raw(b"script"));
        assert_eq!(tag_kind(b"TextArea"), TagKind::Raw(b"textarea"));
        assert_eq!(tag_kind(b"noframes"), TagKind::Raw(b"noframes"));
        assert_eq!(tag_kind(b"Br"), TagKind::NotNesting);
        assert_eq!(tag_kind(b"colgroup"), TagKind::NotNesting);
        assert_eq!(tag_kind(b"div"), TagKind::Other);
        assert_eq!(tag_kind(b"scripts"), TagKind::Other);
        assert_eq!(tag_kind(b"noscript"), TagKind::Other);
        assert_eq!(tag_kind(b"blockquote"), TagKind::Other);
        assert_eq!(tag_kind(b""), TagKind::Other);
    }

    #[test]
    fn style_sheets_are_not_given_to_the_parser() {
        let css = "p { color: red; }\n".repeat(400);
        let src = format!(
            "<html><head><STYLE type=\"text/css\">{css}</style><script>var s = '<style>keep</style>';</script></head>\
             <body><p>Text</p><style>{css}</Style ><textarea><style>kept</style></textarea></body></html>"
        );
        let (input, deep) = parser_input(&src, 512).unwrap();
        assert!(!deep);
        assert!(!input.contains("color: red"));
        assert!(input.contains("<STYLE type=\"text/css\"></style>"));
        // Script code is dropped too (nothing reads it from the DOM).
        assert!(input.contains("<script></script>"));
        assert!(input.contains("<p>Text</p><style></Style >"));
        assert!(input.contains("<textarea><style>kept</style></textarea>"));
        // Empty style elements need no copy.
        assert!(parser_input("<style></style><p>x</p>", 512).is_none());
        // Unclosed: the rest is cut, as the parser would have read it as CSS.
        let open = format!("<p>a</p><style>{css}");
        assert_eq!(parser_input(&open, 512).unwrap().0, "<p>a</p><style>");
    }

    #[test]
    fn json_ld_scripts_are_kept_and_other_scripts_dropped() {
        let src = r#"<script type="application&#x2F;ld&#x2B;json">{"author":"A"}</script><script type="text/javascript">var a = 1;</script><SCRIPT TYPE="application/LD+JSON">{"b":2}</SCRIPT>"#;
        let (input, _) = parser_input(src, 512).unwrap();
        assert!(input.contains(r#"{"author":"A"}"#));
        assert!(input.contains(r#"{"b":2}"#));
        assert!(!input.contains("var a"));
    }

    #[test]
    fn unclosed_constructs_do_not_hang() {
        for src in ["<!-- never closed", "<script>x", "<a href=\"x", "<", "&", "<p>&#"] {
            let mut s = SourceText::scan(src);
            let _ = s.locate("never");
        }
    }
}
