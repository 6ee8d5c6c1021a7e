//! Splitting a dump into trimmed lines and measuring each line's shape
//! (words, stop words, capitals, punctuation, bullets, odd tokens), in one
//! linear pass; plus the page language guessed from stop words.

use std::collections::HashMap;

use dossier_text::normalize::is_space;

use super::lexicon::{CueKind, FastBuild, Lexicon};

/// One non-empty line of the dump and its features.
#[derive(Debug, Clone, Default)]
pub(crate) struct Line {
    /// Byte range of the trimmed line in the input.
    pub start: usize,
    pub end: usize,
    /// Characters of the trimmed line.
    pub chars: u32,
    /// Alphabetic words.
    pub words: u32,
    /// Words that are stop words of the page language (set after the
    /// language is chosen).
    pub stops: u32,
    /// Words that are stop words of the language with the most of them in
    /// this line (a quotation may be in another language than the page).
    pub own_stops: u32,
    /// Words starting with an upper-case letter.
    pub capitalised: u32,
    /// Letters, and upper-case letters among them.
    pub letters: u32,
    pub upper: u32,
    /// Digits.
    pub digits: u32,
    /// Space-separated chunks that look like code, paths or URLs
    /// (`image/svg+xml`, `spot_img`, `http://…`).
    pub odd: u32,
    /// Sentence ends inside the line (`. `, `? `, `! ` followed by more text).
    pub inner_stops: u32,
    /// The line starts with a list marker (`-`, `•`, `*`, `1.`…).
    pub bullet: bool,
    /// The line is only a list marker or punctuation (no letter or digit).
    pub bare: bool,
    /// Last meaningful character, closing quotes and brackets skipped.
    pub last: char,
    /// The line ends with three full stops ("..."), as a headline cut
    /// short by a page template does (a writer's ellipsis is mostly "…"),
    /// or with an ellipsis set apart from the last word after
    /// [`CUT_HEADLINE_WORDS`] words or more ("Japan's SoftBank hit with
    /// $6.2B quarterly loss as …") when [`CUT_HEADLINES`] such lines or
    /// more on the page are as long, give or take [`CUT_SPREAD`]
    /// characters: a template cuts its teasers' headlines to one length,
    /// where a writer trailing off ("Not to get too Einstein on you, but
    /// …") stops anywhere.
    pub ellipsis: bool,
    /// The line ends with a sentence of one or two words cut short by
    /// three full stops ("… qui tarde à venir. Plus...", "… next year? The..."):
    /// a teaser with its "more" link, or one cut by a page template.
    pub cut_teaser: bool,
    /// How many times this exact trimmed line occurs in the dump.
    pub repeats: u32,
    /// Typed carelessly, as comments often are: starts with a lower-case
    /// letter, a comma glued to the next word, doubled `!!` / `??`.
    pub sloppy: bool,
    /// Gaps of three or more spaces inside the line: the column breaks of a
    /// table row as a text browser lays it out.
    pub cells: u32,
    /// The line starts with a phrase announcing links to other pages ("À
    /// lire aussi", "Read more"; `chrome` cues of the data files), or is
    /// only an advertising label ("Advertisement", "Anzeige"; `ad` lines).
    pub chrome_cue: bool,
    /// The signature of an embedded social-media post: a dash, a name, a
    /// handle in brackets, a date ending with the year ("— Jane Doe
    /// (@jane) November 18, 2019"), or a `post` cue, a name, a date
    /// ending with the year ("Publiée par Mairie de Lyon sur Jeudi 26 mars
    /// 2020").
    pub embed_credit: bool,
    /// The line heads a comment section (`comments` cues of the data
    /// files, maybe after a count), and is short like a heading.
    pub comments_cue: bool,
    /// The whole line is one bracketed item (`[image]`, `[ ]`), what text
    /// renderings show for images and form fields.
    pub placeholder: bool,
    /// A list item whose text opens with a bracketed item other than a
    /// note number ("• [28116120-0-image-m-2] 'I had a scare…'": a
    /// picture's placeholder and a headline), what a link box prints for
    /// each of its teasers.
    pub picture_item: bool,
}

impl Line {
    /// The trimmed text of the line.
    pub fn text<'a>(&self, input: &'a str) -> &'a str {
        input.get(self.start..self.end).unwrap_or("")
    }

    /// Share of stop words among the words (0 when there is no word).
    pub fn stop_ratio(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stops as f32 / self.words as f32
        }
    }

    /// True when the line reads like code: two odd chunks or more, or one
    /// for every eight words (see [`is_odd_chunk`]).
    pub fn code_like(&self) -> bool {
        self.odd > 1 || self.odd * 8 > self.words
    }

    /// True when every letter is upper case (and there are at least two).
    pub fn all_caps(&self) -> bool {
        self.letters >= 2 && self.upper == self.letters
    }

    /// Ends like a sentence: `.`, `!`, `?`, `…`, `;` or `:` (closing quotes
    /// and brackets skipped, and pictographs after an end mark: "soon! 🙂").
    pub fn terminal(&self) -> bool {
        matches!(self.last, '.' | '!' | '?' | '…' | ';' | ':' | '。' | '！' | '？' | '；' | '：')
    }
}

/// Characters that close a quotation or bracket, skipped before looking at a
/// line's final punctuation.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']' | '›' | '*' | '」' | '』' | '）' | '】')
}

/// True for emoji and pictographs (U+1F300–U+1FAFF, "☺", "♥", "❤") and
/// the variation selector that may follow them; not the geometric shapes
/// and stars that mark list items or ratings ("●", "□", "☆").
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1f300}'..='\u{1faff}' | '☺' | '♥' | '❤' | '\u{fe0f}')
}

/// True for characters used as list markers at the start of a line.
fn is_bullet_char(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '•' | '·' | '*' | '□' | '■' | '◦' | '▪' | '►' | '▸' | '›' | '>' | '+' | '○' | '●' | '◆' | '✓' | '✔' | '→' | '☆' | '★' | '✗' | '✘')
}

/// True for a space-separated chunk that looks like code, a path, a file
/// name or a URL (`image/svg+xml`, `spot_img`, `http://…`, `a=b`), not
/// for prose such as "Israël/Palestine" or "#MeToo".
fn is_odd_chunk(chunk: &str) -> bool {
    let chunk = chunk.trim_matches(|c: char| matches!(c, '(' | ')' | '[' | ']' | ',' | '.' | ';' | ':' | '!' | '?' | '"' | '\'' | '«' | '»' | '“' | '”' | '’'));
    if !chunk.chars().any(char::is_alphabetic) || chunk.chars().count() < 2 {
        return false;
    }
    // Angle brackets quoting a title ("<Parasite>", "<숨바꼭질>로", a
    // convention of Korean and Chinese text) are not code: a leading `<`
    // and a `>` followed by letters only are dropped before the test.
    let chunk = chunk.strip_prefix('<').unwrap_or(chunk);
    let owned;
    let chunk = match chunk.rfind('>') {
        Some(p) if chunk.get(p + 1..).is_some_and(|rest| rest.chars().all(char::is_alphabetic)) && !chunk.get(..p).unwrap_or("").contains(['<', '>']) => {
            owned = format!("{}{}", chunk.get(..p).unwrap_or(""), chunk.get(p + 1..).unwrap_or(""));
            owned.as_str()
        }
        _ => chunk,
    };
    let slashes = chunk.matches('/').count();
    chunk.contains("://")
        || chunk.starts_with("www.")
        || slashes >= 2
        || slashes == 1 && chunk.contains(['+', '.', '-'])
        || chunk.chars().skip(1).any(|c| matches!(c, '_' | '@' | '=' | '\\' | '{' | '}' | '<' | '>' | '#' | '|'))
}

/// Splits `input` into its non-empty trimmed lines with their features.
/// Stop-word counts are per language: `hits[i * n + l]` counts the words of
/// line `i` that are stop words of language `l` (`n` languages).
pub(crate) fn split(input: &str, lex: &Lexicon) -> (Vec<Line>, Vec<u16>) {
    let n = lex.codes.len();
    // Text dumps average some 80 bytes per non-empty line.
    let mut lines = Vec::with_capacity(input.len() / 64 + 1);
    let mut hits: Vec<u16> = Vec::with_capacity(lines.capacity() * n);
    let mut pos = 0usize;
    let mut word = String::new();
    let mut first_word = String::new();
    // Lines ending with an ellipsis set apart from their last word (see
    // `Line::ellipsis`).
    let mut cut: Vec<(u32, usize)> = Vec::new();
    for raw in input.split('\n') {
        let raw_start = pos;
        pos += raw.len() + 1;
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let trimmed = raw.trim_matches(is_space);
        if trimmed.is_empty() {
            continue;
        }
        let start = raw_start + lead;
        // A "read also" pointer glued to the paragraph after it (an inline
        // link rendered on the paragraph's line: "À LIRE AUSSI … du
        // pogromC'est ce que …"): two lines, the pointer and the paragraph.
        let cues = lex.line_cues_with(trimmed, &mut first_word);
        let glue = if cues.0 { glued_paragraph(trimmed) } else { None };
        let pieces: [Option<(usize, &str)>; 2] = match glue {
            Some(at) => [Some((0, trimmed.get(..at).unwrap_or(trimmed).trim_end_matches(is_space))), trimmed.get(at..).map(|t| (at, t))],
            None => [Some((0, trimmed)), None],
        };
        for (offset, text) in pieces.into_iter().flatten() {
            let start = start + offset;
            let mut line = Line { start, end: start + text.len(), ..Default::default() };
            let base = hits.len();
            hits.resize(base + n, 0);
            measure(text, lex, &mut line, &mut hits[base..], &mut word);
            let (chrome, comments) = if glue.is_none() { cues } else { lex.line_cues_with(text, &mut first_word) };
            line.chrome_cue = chrome || line.words <= AD_LABEL_WORDS && lex.is_ad_label(text, &mut first_word) || checkbox_label(text) || crate::server_messages::is_php_diagnostic(text) || line.words <= PROMO_LINE_WORDS && lex.has_promo_word(text) || line.words <= CONSENT_LINE_WORDS && lex.is_consent_line(text);
            line.embed_credit = embed_credit(text) || post_credit(text, lex);
            line.comments_cue = comments.is_some_and(|end| line.words <= COMMENTS_HEADING_WORDS || is_quotation(text.get(end..).unwrap_or("")) || enclosed(text));
            if line.words >= CUT_HEADLINE_WORDS && spaced_ellipsis(text) {
                cut.push((line.chars, lines.len()));
            }
            lines.push(line);
        }
    }
    // Of those, the ones that [`CUT_HEADLINES`] lines or more of about
    // one length share.
    if cut.len() >= CUT_HEADLINES {
        cut.sort_unstable();
        for w in cut.windows(CUT_HEADLINES) {
            let (Some(first), Some(last)) = (w.first(), w.last()) else { continue };
            if last.0 - first.0 <= CUT_SPREAD {
                for &(_, i) in w {
                    if let Some(l) = lines.get_mut(i) {
                        l.ellipsis = true;
                    }
                }
            }
        }
    }
    // Exact repetitions: each distinct text gets a slot of `counts` (one
    // hash look-up per line).
    let mut slots: HashMap<&str, usize, FastBuild> = HashMap::with_capacity_and_hasher(lines.len(), FastBuild::default());
    let mut counts: Vec<u32> = Vec::with_capacity(lines.len());
    let mut line_slot: Vec<usize> = Vec::with_capacity(lines.len());
    for l in &lines {
        let slot = *slots.entry(l.text(input)).or_insert_with(|| {
            counts.push(0);
            counts.len() - 1
        });
        if let Some(c) = counts.get_mut(slot) {
            *c += 1;
        }
        line_slot.push(slot);
    }
    for (l, slot) in lines.iter_mut().zip(line_slot) {
        l.repeats = counts.get(slot).copied().unwrap_or(1);
    }
    (lines, hits)
}

/// Most words of a line looked up as an advertising label.
const AD_LABEL_WORDS: u32 = 5;
/// Most words of a line that a `promo` word ("newsletter") makes a call to
/// subscribe: "Sign up for our newsletter", "Receive our monthly
/// newsletter to stay on top of…" (a paragraph reporting on one is longer).
const PROMO_LINE_WORDS: u32 = 40;
/// Most words of a cookie-consent banner's line (a banner's paragraph).
const CONSENT_LINE_WORDS: u32 = 90;

/// True for the label of a form's check box as a text rendering shows it
/// ("[ ] I agree to the processing of my data…", "[*] Remember me"): a
/// consent, opt-in or login option, in any language, never article text.
fn checkbox_label(text: &str) -> bool {
    let mut it = text.chars();
    it.next() == Some('[') && matches!(it.next(), Some(' ' | 'X' | '*')) && it.next() == Some(']') && it.next().is_some_and(is_space) && it.any(char::is_alphabetic)
}

/// Fills the shape features of one trimmed line.
fn measure(text: &str, lex: &Lexicon, line: &mut Line, hits: &mut [u16], word: &mut String) {
    let mut chars = 0u32;
    let mut in_word = false;
    let mut prev: Option<char> = None;
    let mut pending_stop = false;
    // Features read in the same pass: column gaps (runs of 3+ spaces, tabs
    // or no-break spaces before more text), a byte an odd chunk needs
    // ("www." included), a comma glued to a letter, a doubled `!` or `?`.
    let mut space_run = 0u32;
    let mut cells = 0u32;
    let mut suspect = false;
    let mut w_run = 0u32;
    let mut glued_comma = false;
    let mut doubled = false;
    word.clear();
    let flush = |word: &mut String, line: &mut Line, hits: &mut [u16]| {
        if word.is_empty() {
            return;
        }
        line.words += 1;
        let mask = lex.stop_mask(word);
        if mask != 0 {
            for (l, h) in hits.iter_mut().enumerate() {
                if mask & (1u64 << l) != 0 {
                    *h = h.saturating_add(1);
                }
            }
        }
        word.clear();
    };
    for c in text.chars() {
        chars += 1;
        // Fast path: a small letter (ASCII or Latin-1) inside a word, the
        // most common character. The previous character was then a letter,
        // so the general path below would only count the letter, add it to
        // the word and end a run of `w` (no column gap, suspect byte, glued
        // comma, doubled mark, capital or sentence end to note).
        if in_word {
            let small = if c.is_ascii_lowercase() {
                true
            } else {
                latin1_letter(c).is_some_and(|(upper, _)| !upper)
            };
            if small {
                line.letters += 1;
                word.push(c);
                w_run = if c == 'w' { w_run + 1 } else { 0 };
                pending_stop = false;
                prev = Some(c);
                continue;
            }
        }
        if matches!(c, ' ' | '\t' | '\u{a0}') {
            space_run += 1;
            w_run = 0;
        } else {
            if space_run >= 3 {
                cells += 1;
            }
            space_run = 0;
            if c.is_ascii() {
                suspect |= is_suspect_byte(c as u8);
                if c == 'w' {
                    w_run += 1;
                } else {
                    suspect |= c == '.' && w_run >= 3;
                    w_run = 0;
                }
                glued_comma |= prev == Some(',') && c.is_ascii_alphabetic();
                doubled |= matches!(c, '!' | '?') && prev == Some(c);
            } else {
                w_run = 0;
            }
        }
        // ASCII and Latin-1 fast paths: no Unicode tables.
        let (alpha, upper) = if c.is_ascii() {
            (c.is_ascii_alphabetic(), c.is_ascii_uppercase())
        } else if let Some((upper, _)) = latin1_letter(c) {
            (true, upper)
        } else {
            let alpha = fast_alphabetic(c);
            (alpha, alpha && c.is_uppercase())
        };
        if alpha {
            line.letters += 1;
            if upper {
                line.upper += 1;
            }
            // Ideographs and kana are words of their own (no spaces).
            let ideograph = !c.is_ascii() && is_ideograph(c);
            if ideograph && in_word {
                flush(word, line, hits);
                in_word = false;
            }
            if !in_word {
                in_word = true;
                if upper {
                    line.capitalised += 1;
                }
            }
            if c.is_ascii() {
                word.push(c.to_ascii_lowercase());
            } else if let Some((_, lower)) = latin1_letter(c) {
                word.push(lower);
            } else {
                word.extend(c.to_lowercase());
            }
            if pending_stop && upper {
                line.inner_stops += 1;
            }
            pending_stop = false;
            if ideograph {
                flush(word, line, hits);
                in_word = false;
            }
        } else {
            if in_word {
                flush(word, line, hits);
                in_word = false;
            }
            if c.is_ascii_digit() {
                line.digits += 1;
                pending_stop = false;
            } else if matches!(c, '.' | '!' | '?' | '…') {
                // Wait for a space then an upper-case letter.
                pending_stop = false;
            } else if is_space(c) {
                if matches!(prev, Some('.' | '!' | '?' | '…')) {
                    pending_stop = true;
                }
            } else if !matches!(c, '"' | '«' | '“' | '\'') {
                pending_stop = false;
            }
        }
        prev = Some(c);
    }
    if in_word {
        flush(word, line, hits);
    }
    line.chars = chars;
    line.cells = cells;
    // Only lines holding a character an odd chunk needs are split, and only
    // their chunks holding one are tested.
    line.odd = if suspect { text.split(is_space).filter(|c| may_be_odd(c) && is_odd_chunk(c)).count() as u32 } else { 0 };
    line.last = text.chars().rev().find(|c| !is_closer(*c) && !is_space(*c)).unwrap_or(' ');
    // A smiley or other pictograph after a sentence's end mark does not
    // hide it ("We hope to see you soon! 🙂"). One right after a word is
    // no end mark: comments and captions end so ("Danke ♥️").
    if is_pictograph(line.last) {
        if let Some(c) = text.chars().rev().find(|c| !is_closer(*c) && !is_space(*c) && !is_pictograph(*c)) {
            if matches!(c, '.' | '!' | '?' | '…') {
                line.last = c;
            }
        }
    }
    let end = text.trim_end_matches(|c: char| is_closer(c) || is_space(c));
    let dots = end.ends_with("...");
    line.ellipsis = dots;
    line.cut_teaser = dots && cut_teaser(end);
    line.bare = line.letters == 0 && line.digits == 0 && !text.chars().any(fast_numeric);
    line.placeholder = text.starts_with('[') && text.ends_with(']') && text.matches(']').count() == 1;
    let mut it = text.chars();
    let first = it.next().unwrap_or(' ');
    let second = it.next();
    // The first character is a letter, so also the first alphanumeric one.
    let starts_lower = first.is_alphabetic() && first.is_lowercase();
    line.sloppy = starts_lower || glued_comma || doubled;
    line.bullet = line.bare
        || (is_bullet_char(first)
            && second.is_none_or(|c| is_space(c) || c.is_alphanumeric() && !matches!(first, '-' | '–' | '—' | '+' | '>')))
        || numbered_marker(text);
    line.picture_item = line.bullet && picture_item(text);
}

/// True when `text`, past its list marker, opens with a bracketed item
/// that is not a note number ("[image-3] Headline", not "[12] Note") and
/// goes on with words (see [`Line::picture_item`]).
fn picture_item(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| is_bullet_char(c) || is_space(c));
    let Some(inner) = rest.strip_prefix('[') else { return false };
    let Some(close) = inner.find(']') else { return false };
    let label = inner.get(..close).unwrap_or("");
    let after = inner.get(close + 1..).unwrap_or("");
    !label.trim().is_empty() && !label.bytes().all(|b| b.is_ascii_digit()) && after.chars().any(char::is_alphabetic)
}

/// Where a paragraph glued to a pointer line starts: the last place where
/// a lower-case letter is directly followed by a capital ("pogromC'est")
/// with at least [`GLUED_WORDS`] words after it, ending like a sentence;
/// failing that, the first opening quote that starts a capitalised
/// sentence ("… de la rhétorique nazie « Vous devez … »") after at least
/// [`POINTER_WORDS`] words, when a long text ([`QUOTED_WORDS`] words or
/// more) follows it: a pointer's title is short, so a paragraph's worth
/// of text after it is the article going on.
fn glued_paragraph(text: &str) -> Option<usize> {
    let mut found = None;
    let mut quote = None;
    let mut words = 0usize;
    let mut prev: Option<char> = None;
    let chars = text.char_indices().peekable();
    for (i, c) in chars {
        if c.is_uppercase() && prev.is_some_and(char::is_lowercase) {
            found = Some(i);
        }
        if prev.is_some_and(is_space) && !is_space(c) {
            words += 1;
            if quote.is_none() && words > POINTER_WORDS && matches!(c, '«' | '“' | '"') {
                let next = text.get(i + c.len_utf8()..).and_then(|r| r.trim_start_matches(is_space).chars().next());
                if next.is_some_and(char::is_uppercase) {
                    quote = Some(i);
                }
            }
        }
        prev = Some(c);
    }
    let ends = |tail: &str| tail.trim_end().ends_with(['.', '!', '?', '…', '»', '"', '”']);
    if let Some(at) = found {
        let tail = text.get(at..)?;
        if ends(tail) && tail.split_whitespace().count() >= GLUED_WORDS {
            return Some(at);
        }
    }
    let at = quote?;
    let tail = text.get(at..)?;
    (ends(tail) && tail.split_whitespace().count() >= QUOTED_WORDS).then_some(at)
}

/// Fewest words of a paragraph split from a pointer line.
const GLUED_WORDS: usize = 8;
/// Fewest words of a pointer's title before an opening quote that starts
/// the paragraph (the cue's words included).
const POINTER_WORDS: usize = 5;
/// Fewest words of a paragraph split from a pointer line at an opening
/// quote.
const QUOTED_WORDS: usize = 25;

/// True when `text` ends with an ellipsis set apart from its last word
/// ("… quarterly loss as …"), closers skipped.
fn spaced_ellipsis(text: &str) -> bool {
    let end = text.trim_end_matches(|c: char| is_closer(c) || is_space(c));
    end.strip_suffix('…').is_some_and(|rest| rest.ends_with(is_space))
}

/// Fewest words of a headline cut by a template with a spaced ellipsis.
const CUT_HEADLINE_WORDS: u32 = 6;
/// Fewest such headlines of about one length on a page for them to be
/// read as cut.
const CUT_HEADLINES: usize = 3;
/// Most characters between the shortest and the longest of them.
const CUT_SPREAD: u32 = 8;

/// True when `text` is enclosed whole in one pair of brackets ("[ 167
/// comments ]", "{ 38 comments… read them below or add one }"), as a text
/// browser prints a link or a button.
fn enclosed(text: &str) -> bool {
    let close = match text.as_bytes().first() {
        Some(b'[') => ']',
        Some(b'(') => ')',
        Some(b'{') => '}',
        _ => return false,
    };
    text.ends_with(close) && text.matches(close).count() == 1
}

/// See [`Line::cut_teaser`]: `end` (the line without closers, ending with
/// "...") holds a sentence end before its last one or two words (not an
/// ellipsis: "… Gemeinsa... weiter..." is a list entry cut twice).
fn cut_teaser(end: &str) -> bool {
    let body = end.trim_end_matches(|c: char| c == '.' || is_space(c));
    let Some(p) = body.rfind(['.', '?', '!']) else { return false };
    if body.get(..p).is_some_and(|b| b.ends_with('.')) {
        return false;
    }
    let tail = body.get(p + 1..).unwrap_or("");
    (1..=2).contains(&tail.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count())
}

/// The signature that a social network's embed prints under a quoted post
/// ("Publiée par Mairie de Lyon sur Jeudi 26 mars 2020"): a line of at most
/// [`POST_CREDIT_BYTES`] bytes opening with a `post` cue of the data files
/// and ending with the year. Another form of [`Line::embed_credit`].
fn post_credit(text: &str, lex: &Lexicon) -> bool {
    text.len() <= POST_CREDIT_BYTES && text.len() >= 4 && text.bytes().rev().take(4).all(|b| b.is_ascii_digit()) && lex.cue_at_start(text, &[CueKind::Post]).is_some()
}

/// Longest signature of an embedded post read by [`post_credit`].
const POST_CREDIT_BYTES: usize = 200;

/// See [`Line::embed_credit`].
fn embed_credit(text: &str) -> bool {
    text.starts_with(['—', '–', '-'])
        && text.contains("(@")
        && text.len() <= 200
        && text.bytes().rev().take(4).all(|b| b.is_ascii_digit())
        && text.len() >= 4
}

/// Most words of a line heading a comment section, unless the words after
/// the cue are one quotation (the title of the post: "6 thoughts on “How
/// to …”") or the line is a link printed whole in brackets (see
/// [`enclosed`]).
const COMMENTS_HEADING_WORDS: u32 = 6;

/// True when `text` (spaces and a colon aside) is one quotation: it opens
/// with a quotation mark and ends with one.
fn is_quotation(text: &str) -> bool {
    let t = text.trim_matches(|c: char| is_space(c) || c == ':');
    t.chars().count() >= 3
        && t.starts_with(['"', '“', '„', '«', '‘', '‚', '»', '「', '『'])
        && t.ends_with(['"', '”', '“', '»', '’', '‘', '«', '」', '』'])
}

/// Bytes of which an odd chunk (see [`is_odd_chunk`]) holds one, unless it
/// starts with "www.".
fn is_suspect_byte(b: u8) -> bool {
    matches!(b, b'/' | b'_' | b'@' | b'=' | b'\\' | b'{' | b'}' | b'<' | b'>' | b'#' | b'|')
}

/// Cheap necessary condition of [`is_odd_chunk`]: the chunk holds a
/// suspect byte or "www." (its trimming only removes characters).
fn may_be_odd(chunk: &str) -> bool {
    chunk.bytes().any(is_suspect_byte) || chunk.contains("www.")
}

/// `char::is_alphabetic` with quick answers for the blocks text dumps are
/// full of (Latin letters with accents, punctuation, box drawing, bullets)
/// before the Unicode tables.
fn fast_alphabetic(c: char) -> bool {
    match c as u32 {
        0xC0..=0x24F => !matches!(c, '×' | '÷'),
        0x2000..=0x2BFF => false,
        _ => c.is_alphabetic(),
    }
}

/// For a letter of the Latin-1 Supplement (U+00C0 to U+00FF but `×` and
/// `÷`): whether it is upper case and its lower case (one character: the
/// capitals lie 0x20 below their small letters). `None` for any other
/// character. Agrees with `char::is_uppercase` and `char::to_lowercase`
/// (checked by a test).
#[inline]
fn latin1_letter(c: char) -> Option<(bool, char)> {
    match c as u32 {
        0xD7 | 0xF7 => None,
        u @ 0xC0..=0xDE => Some((true, char::from_u32(u + 0x20).unwrap_or(c))),
        0xDF..=0xFF => Some((false, c)),
        _ => None,
    }
}

/// `char::is_numeric` with quick answers for the symbol blocks that
/// letter-free lines are made of (general punctuation, arrows, technical
/// signs, box drawing, shapes, dingbats before the circled digits), which
/// hold no numeric character (checked by a test).
fn fast_numeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_digit(),
        0x2000..=0x206F | 0x2190..=0x245F | 0x2500..=0x2775 => false,
        _ => c.is_numeric(),
    }
}

/// Han ideographs, kana and the CJK punctuation-free scripts written
/// without spaces between words.
fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// `1.`, `2)`, `12.` followed by a space at the start of a line.
fn numbered_marker(text: &str) -> bool {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let mut rest = text.get(digits..).unwrap_or("").chars();
    matches!(rest.next(), Some('.' | ')')) && rest.next().is_some_and(is_space)
}

/// Chooses the page language: the one whose stop words are most frequent in
/// lines of at least [`LANG_LINE_WORDS`] words. Returns its index, or
/// `None` when stop words are too rare to tell: fewer than 8 hits, or less
/// than [`LANG_MIN_SHARE`] of those lines' words (a language without data
/// files, whose prose must then be judged without stop words). Lines of
/// code (as many odd chunks as [`super::region::is_prose`] refuses) do not
/// vote: a script printed as text is full of one-letter names ("e", "t",
/// "a", "l") that are stop words of some language, and outvotes the article.
pub(crate) fn choose_language(lines: &[Line], hits: &[u16], n: usize) -> Option<usize> {
    if n == 0 {
        return None;
    }
    let mut totals = vec![0u64; n];
    let mut words = 0u64;
    for (i, l) in lines.iter().enumerate() {
        if l.words >= LANG_LINE_WORDS && !l.code_like() {
            words += u64::from(l.words);
            if let Some(h) = hits.get(i * n..(i + 1) * n) {
                for (t, v) in totals.iter_mut().zip(h) {
                    *t += u64::from(*v);
                }
            }
        }
    }
    let (best, &count) = totals.iter().enumerate().max_by_key(|(_, c)| **c)?;
    (count >= 8 && count as f64 >= words as f64 * LANG_MIN_SHARE).then_some(best)
}

/// Lines of fewer words are left out when choosing the language.
const LANG_LINE_WORDS: u32 = 8;
/// Least share of stop words in those lines for the language to be known.
const LANG_MIN_SHARE: f64 = 0.12;

/// Sets every line's `stops` to its count for language `lang`, and
/// `own_stops` to its highest count over all languages.
pub(crate) fn set_stops(lines: &mut [Line], hits: &[u16], n: usize, lang: Option<usize>) {
    for (i, l) in lines.iter_mut().enumerate() {
        l.stops = lang.and_then(|k| hits.get(i * n + k)).map_or(0, |v| u32::from(*v));
        l.own_stops = hits.get(i * n..(i + 1) * n).and_then(|h| h.iter().max()).map_or(0, |v| u32::from(*v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_numeric_agrees_with_unicode() {
        for u in 0..0x3000u32 {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(fast_numeric(c), c.is_numeric(), "U+{u:04X}");
            }
        }
    }

    #[test]
    fn latin1_letters_agree_with_unicode() {
        for u in 0..0x300u32 {
            let Some(c) = char::from_u32(u) else { continue };
            match latin1_letter(c) {
                Some((upper, lower)) => {
                    assert!(c.is_alphabetic() && fast_alphabetic(c), "U+{u:04X}");
                    assert_eq!(upper, c.is_uppercase(), "U+{u:04X}");
                    assert_eq!(c.to_lowercase().collect::<String>(), lower.to_string(), "U+{u:04X}");
                }
                None => assert!(!(0xC0..=0xFF).contains(&u) || !c.is_alphabetic(), "U+{u:04X}"),
            }
        }
    }

    fn one(text: &str) -> Line {
        let lex = Lexicon::get();
        let (mut lines, hits) = split(text, lex);
        let fr = lex.codes.iter().position(|c| *c == "fr");
        set_stops(&mut lines, &hits, lex.codes.len(), fr);
        lines.remove(0)
    }

    #[test]
    fn splits_and_trims_lines_with_offsets() {
        let lex = Lexicon::get();
        let input = "  Titre \n\n\u{a0}\nCorps du texte.\r\n";
        let (lines, _) = split(input, lex);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(input), "Titre");
        assert_eq!(lines[1].text(input), "Corps du texte.");
        assert_eq!(lines[0].start, 2);
    }

    #[test]
    fn measures_prose() {
        let l = one("Le Kremlin a dit lundi vouloir renforcer ses liens militaires avec l'Afrique.");
        assert_eq!(l.words, 13);
        assert!(l.terminal());
        assert!(l.stop_ratio() > 0.3);
        assert!(!l.bullet && l.odd == 0);
    }

    #[test]
    fn measures_chrome() {
        assert!(one("- Publicité-").bullet);
        assert!(one("-").bare);
        assert!(one("• Accueil").bullet);
        assert!(one("12. Sport").bullet);
        assert!(!one("12 morts au Mali").bullet);
        assert!(!one("-Mali").bullet);
        assert_eq!(one("Accueil image/svg+xml News").odd, 1);
        assert_eq!(one("spot_img").odd, 1);
        assert_eq!(one("contre Erlich/Roger-Vasselin (Israel/Frankreich).").odd, 1);
        assert_eq!(one("voir http://x.fr ou www.y.com, a=b").odd, 3);
        assert_eq!(one("#MeToo et Israël/Palestine.").odd, 0);
        assert_eq!(one("<숨바꼭질>로 승부를 <The Palace> a<b").odd, 1);
        assert!(one("FAITS-DIVERS").all_caps());
        assert_eq!(one("« Bonjour », dit-il.").last, '.');
        assert_eq!(one("We hope to see you soon! 🙂").last, '!');
        assert_eq!(one("Merci ! ❤\u{fe0f}").last, '!');
        assert_eq!(one("Try something new this weekend 😉").last, '😉');
        assert_eq!(one("Notez ce produit ☆").last, '☆');
        assert_eq!(one("Il part. Elle reste. Fin").inner_stops, 2);
        assert_eq!(one("DL     Larry Ogunjobi   \u{a0} 54   91%").cells, 3);
        assert_eq!(one("Un texte  normal, sans colonnes.").cells, 0);
        assert!(one("À lire aussi : Le prix de l'essence flambe").chrome_cue);
        assert!(one("Read more: Oil prices slip").chrome_cue);
        assert!(one("Related: Oil prices slip as demand cools").chrome_cue);
        assert!(!one("Related to this, oil prices slipped again on Monday.").chrome_cue);
        assert!(one("Subscribe to our channel on YouTube").chrome_cue);
        assert!(one("Follow us on Twitter and Facebook").chrome_cue);
        assert!(one("Suivez-nous sur Instagram").chrome_cue);
        assert!(one("Please enable JavaScript to view the comments.").chrome_cue);
        assert!(!one("Followers of the movement gathered on Sunday.").chrome_cue);
        assert!(one("Tempo de leitura: 2 minutos").chrome_cue);
        assert!(one("Lesezeit: 3 Minuten").chrome_cue);
        assert_eq!(glued_paragraph("À LIRE AUSSI Un titre du pogromC'est ce que viendront confirmer quatre fidèles de la mosquée."), Some("À LIRE AUSSI Un titre du pogrom".len()));
        assert_eq!(glued_paragraph("À LIRE AUSSI Un titre sur l'iPhone"), None);
        // No glue: an opening quote starting a long text after the title.
        let quoted = "À LIRE AUSSI Massacre du 7 octobre : comment les défenseurs s'inspirent de la rhétorique nazie « Vous devez le juger sans céder à la passion et à la pression », plaide l'avocate de l'accusé. Certes, concède-t-elle, les faits sont caractérisés par la publication du message sur le réseau.";
        assert_eq!(glued_paragraph(quoted), quoted.find('«'));
        // A quote inside a title, with no long text after it, stays.
        assert_eq!(glued_paragraph("À LIRE AUSSI Tempête Ciaran : le récit d'une nuit « Apocalyptique » en Bretagne"), None);
        assert_eq!(glued_paragraph("À LIRE AUSSI « Nous ne lâcherons rien », disent les grévistes de la raffinerie"), None);
        assert!(one("— Mike B (@MikeB) November 18, 2019").embed_credit);
        // A teaser ending with its "more" link or cut after a word or two.
        assert!(one("Le fongicide ne sera plus distribué par la coopérative. Plus...").cut_teaser);
        assert!(one("Il brille à l'entraînement. Mehr lesen ...").cut_teaser);
        assert!(one("He was like, this guy is going to be in the NHL next year? The...").cut_teaser);
        assert!(!one("Il hésite, puis... il part sans un mot...").cut_teaser);
        assert!(!one("Il part. Et puis, sans un mot, il revient...").cut_teaser);
        assert!(!one("Il part. Plus…").cut_teaser);
        assert!(!one("Un texte coupé à Gemeinsa... weiter...").cut_teaser);
        // A template cuts headlines to one length after a word and a
        // space; a writer trails off anywhere, or glues the ellipsis to
        // the word.
        let cut = "Japan’s SoftBank hit with $6.2B quarterly loss as …\n\
                   Le Japonais annonce une perte trimestrielle de …\n\
                   Un jury déclare l'homme non coupable d'avoir …\n\
                   Le maire inaugure le pont, mais …\n";
        let (all, _) = split(cut, Lexicon::get());
        assert_eq!(all.iter().map(|l| l.ellipsis).collect::<Vec<_>>(), [true, true, true, false]);
        let trailing = "Pas de quoi se prendre pour Einstein, mais …\n\
                        Une fois le bon produit trouvé, vous serez prêt pour …\n\
                        Et voici la suite, qui compte plus que tout le reste de ce que je vous ai dit jusqu'ici …\n";
        let (some, _) = split(trailing, Lexicon::get());
        assert!(some.iter().all(|l| !l.ellipsis));
        assert!(!one("Il hésite, puis il part sans un mot…").ellipsis);
        assert!(!one("— Mike B, November 18, 2019").embed_credit);
        assert!(!one("Lire un livre est un plaisir.").chrome_cue);
        // A check box's label (consent, opt-in) is chrome; a bracketed
        // word is not.
        assert!(one("[ ] J'accepte que mes données personnelles soient traitées pour l'envoi de la lettre d'information.").chrome_cue);
        assert!(one("[X] Se souvenir de moi").chrome_cue);
        assert!(!one("[ ]").chrome_cue);
        // A call to subscribe naming a newsletter (`promo` words), anywhere.
        assert!(one("Get the latest updates right in your inbox: subscribe to our weekly newsletter.").chrome_cue);
        assert!(!one("Get the latest updates right in your inbox every week.").chrome_cue);
        assert!(!one("[a] est une variable que nous définissons dans le texte.").chrome_cue);
        // Comment headings: short, or a count, a cue and the post's title.
        assert!(one("12 commentaires").comments_cue);
        assert!(one("6 thoughts on “How to Adopt an Online Leader Success Mindset”").comments_cue);
        assert!(one("2 Kommentare zu „Die Überforderung durch Überangebote“").comments_cue);
        assert!(one("11 responses to “The Loneliest Woman in the World”").comments_cue);
        assert!(!one("Thoughts on the budget").comments_cue);
        // A link or button printed whole in brackets is a heading however
        // many words it holds.
        assert!(one("{ 38 comments… read them below or add one }").comments_cue);
        assert!(!one("38 comments… read them below or add one of your own today").comments_cue);
        assert!(!one("Responses to “the crisis” have varied across the whole country this year.").comments_cue);
        assert!(!one("12 commentaires ont été publiés sous l'article de notre confrère hier soir.").comments_cue);
    }

    #[test]
    fn server_error_messages_are_chrome() {
        assert!(one("Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future version of PHP) in /homepages/1/d123/htdocs/wp-content/themes/greenery/comments.php on line 12").chrome_cue);
        assert!(one("Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/w00a2ebd/wp-settings.php on line 520").chrome_cue);
        assert!(one("Strict Standards: Declaration of Walker_Page::start_lvl() should be compatible with Walker::start_lvl(&$output) in C:\\inetpub\\wp-includes\\post-template.php on line 1242").chrome_cue);
        // A sentence about a warning, or without the file and line, is text.
        assert!(!one("Warning: the council says the bridge will stay closed in winter on line 4 of the tram network.").chrome_cue);
        assert!(!one("Notice: the meeting is moved to the town hall in June.").chrome_cue);
    }

    #[test]
    fn one_pass_features() {
        // Column gaps: runs of 3+ spaces, tabs or no-break spaces before text.
        assert_eq!(one("a \t\u{a0}b  c\t\t\td").cells, 2);
        assert_eq!(one("a  b").cells, 0);
        // "www." makes a line suspect, "www ." does not.
        assert_eq!(one("voir www.x.fr").odd, 1);
        assert_eq!(one("www . x").odd, 0);
        assert!(one("super,bien").sloppy);
        assert!(one("Quoi ?? Non").sloppy);
        assert!(one("Bravo !!").sloppy);
        assert!(one("élan du matin").sloppy);
        assert!(!one("Élan du matin, bien. Oui ! Non ?").sloppy);
        assert!(!one("« bonjour »").sloppy);
    }

    #[test]
    fn odd_chunks_hold_a_suspect_byte() {
        for chunk in ["image/svg+xml", "spot_img", "http://x.fr", "(www.y.com)", "a=b", "<b>x", "x\\y", "#tag|b", "ab>cd", "a@b"] {
            assert!(!is_odd_chunk(chunk) || may_be_odd(chunk), "{chunk}");
        }
        assert!(!may_be_odd("Israël-Palestine."));
    }

    #[test]
    fn ideographs_are_words() {
        let l = one("钟南山院士说武汉肯定能过关。");
        assert_eq!(l.words, 13);
        assert!(l.terminal());
    }

    #[test]
    fn counts_repeats() {
        let lex = Lexicon::get();
        let (lines, _) = split("Bénin\nx\nBénin\n", lex);
        assert_eq!(lines[0].repeats, 2);
        assert_eq!(lines[1].repeats, 1);
    }

    #[test]
    fn chooses_language_by_stop_words() {
        let lex = Lexicon::get();
        let (lines, hits) = split("Le chat est sur le tapis et il dort dans la maison.\nThe cat is on the mat.", lex);
        let k = choose_language(&lines, &hits, lex.codes.len()).unwrap();
        assert_eq!(lex.codes[k], "fr");
    }

    #[test]
    fn a_script_printed_as_text_does_not_choose_the_language() {
        // Minified code is full of one-letter names that are French stop
        // words ("a", "l", "t", "e"): it must not outvote a German article.
        let lex = Lexicon::get();
        let code = "n},function(e,t,n){function r(e,t,n){return t=i(void 0===t?e.length-1:t,0),function(){for(var r=arguments,a=-1,u=i(r.length-t,0),c=Array(u);++a<u;)c[a]=r[t+a];a=-1;for(var l=Array(t+1);++a<t;)l[a]=r[a];return l[t]=n(c),e.apply(this,l)}}var i=Math.max;e.exports=r},function(e,t,n){var r=n(1),a=n.n(r),l=e.a,s=t.l;return a&&l?e:t}\n";
        let text = format!("{}Die Abogebühr eines Nutzers soll nur noch unter den Künstlern verteilt werden, die er gehört hat, so das Ziel der Initiative.\nEs seien in der Kürze der Zeit schlicht nicht alle Künstler erreichbar gewesen, wird in der Mitteilung betont.\n", code.repeat(3));
        let (lines, hits) = split(&text, lex);
        assert!(lines[0].code_like());
        let k = choose_language(&lines, &hits, lex.codes.len()).unwrap();
        assert_eq!(lex.codes[k], "de");
    }
}
