//! Metadata lines of a dump: the headline (and a date printed before it),
//! bylines ("Par Jean Dupont", "By Jane Doe", "Auteur: Pierre", "Marie
//! Merlet | lundi 9 décembre 2019"), date lines ("2025-04-03", "Mis à jour
//! le 3 mai 2024") and the dateline opening the first paragraph ("MOSCOU –
//! 23 juin 2025 –", "PARIS (Reuters) -").
//!
//! Each parser looks at one trimmed line and returns byte ranges into it;
//! the caller turns them into evidence. Dates are read with
//! [`dossier_dates`].

use dossier_dates::FoundDate;
use dossier_text::normalize::is_space;

use super::lexicon::{CueKind, Lexicon};
use super::lines::Line;

/// Most words of a byline or date line.
const META_WORDS: u32 = 25;
/// Most non-date words left on a date line ("Publié le", "Mis à jour le").
const DATE_LINE_EXTRA_WORDS: usize = 5;
/// Most bytes of text (a label such as "date" or "Publié le") before a date
/// printed in front of the headline.
const TITLE_PREFIX_BYTES: usize = 24;

/// Whether a date announces publication or an update.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DateRole {
    Published,
    Modified,
}

/// A date found on a metadata line.
#[derive(Debug, Clone)]
pub(crate) struct LineDate {
    pub role: DateRole,
    pub found: FoundDate,
}

/// A byline: author names (byte ranges in the line) and the dates on it.
#[derive(Debug, Clone, Default)]
pub(crate) struct Byline {
    pub names: Vec<(usize, usize)>,
    pub dates: Vec<LineDate>,
}

/// Skips spaces from byte `i`.
fn skip_spaces(s: &str, mut i: usize) -> usize {
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if is_space(c) {
            i += c.len_utf8();
        } else {
            break;
        }
    }
    i
}

/// Number of alphabetic words in `s`.
fn word_count(s: &str) -> usize {
    s.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).count()
}

/// The dates of a line with the role each one is announced with: a date
/// preceded (since the previous date) by an update cue is `Modified`.
fn dates_with_roles(text: &str, lex: &Lexicon) -> Vec<LineDate> {
    let mut out = Vec::new();
    let mut prev_end = 0usize;
    for found in dossier_dates::find_dates(text) {
        let before = text.get(prev_end..found.start).unwrap_or("");
        let role = if has_cue(before, lex, CueKind::Modified) { DateRole::Modified } else { DateRole::Published };
        prev_end = found.end;
        out.push(LineDate { role, found });
    }
    out
}

/// The dates of a line, read once and kept in `cache` for the next parser
/// of the same line. Every date pattern holds an ASCII digit, so a line
/// without one has none.
fn cached_dates<'c>(text: &str, line: &Line, lex: &Lexicon, cache: &'c mut Option<Vec<LineDate>>) -> &'c [LineDate] {
    cache.get_or_insert_with(|| if line.digits == 0 { Vec::new() } else { dates_with_roles(text, lex) })
}

/// True when a cue of `kind` starts at some word of `text`.
fn has_cue(text: &str, lex: &Lexicon, kind: CueKind) -> bool {
    let mut at_word_start = true;
    for (i, c) in text.char_indices() {
        if c.is_alphabetic() {
            if at_word_start && lex.cue_at_start(text.get(i..).unwrap_or(""), &[kind]).is_some() {
                return true;
            }
            at_word_start = false;
        } else {
            at_word_start = true;
        }
    }
    false
}

/// A line made of dates and a few label words ("2025-04-03", "Publié le 3
/// mai 2024 à 10h", "Mis à jour le 4 mai"): its dates, or `None`.
pub(crate) fn date_line(text: &str, line: &Line, lex: &Lexicon) -> Option<Vec<LineDate>> {
    date_line_cached(text, line, lex, &mut None)
}

/// [`date_line`] with the line's dates cached (see [`cached_dates`]).
pub(crate) fn date_line_cached(text: &str, line: &Line, lex: &Lexicon, cache: &mut Option<Vec<LineDate>>) -> Option<Vec<LineDate>> {
    if line.digits == 0 || line.words > META_WORDS {
        return None;
    }
    let dates = cached_dates(text, line, lex, cache);
    if dates.is_empty() {
        return None;
    }
    (words_besides_dates(text, dates, lex) <= DATE_LINE_EXTRA_WORDS).then(|| dates.to_vec())
}

/// Words of `text` (runs of letters) before its first date, the
/// publication and update cues left out, when none follows its last date:
/// the label of a heading that ends with a date ("Communiqué de presse -
/// 12 juin 2019" has three); 0 when words follow the date.
pub(crate) fn label_before_dates(text: &str, dates: &[LineDate], lex: &Lexicon) -> usize {
    let (Some(first), Some(last)) = (dates.first(), dates.last()) else { return 0 };
    if words_besides_date_cues(text.get(last.found.end..).unwrap_or(""), lex) > 0 {
        return 0;
    }
    words_besides_date_cues(text.get(..first.found.start).unwrap_or(""), lex)
}

/// Words of `text` (runs of letters) outside its `dates` and the
/// publication and update cues.
fn words_besides_dates(text: &str, dates: &[LineDate], lex: &Lexicon) -> usize {
    let mut extra = 0usize;
    let mut prev = 0usize;
    for d in dates {
        extra += words_besides_date_cues(text.get(prev..d.found.start).unwrap_or(""), lex);
        prev = d.found.end;
    }
    extra + words_besides_date_cues(text.get(prev..).unwrap_or(""), lex)
}

/// Words of `s` (runs of letters) outside the publication and update cues
/// it holds: "Publié le … à 16:00 Mis à jour le …" has one ("à").
fn words_besides_date_cues(s: &str, lex: &Lexicon) -> usize {
    let mut n = 0usize;
    let mut i = 0usize;
    while let Some(start) = s.get(i..).and_then(|r| r.find(char::is_alphabetic)).map(|k| i + k) {
        let rest = s.get(start..).unwrap_or("");
        if let Some((_, len)) = lex.cue_at_start(rest, &[CueKind::Published, CueKind::Modified]) {
            i = start + len;
            continue;
        }
        n += 1;
        i = start + rest.find(|c: char| !c.is_alphabetic()).unwrap_or(rest.len());
    }
    n
}

/// One word of a person's name: starts with an upper-case letter, made of
/// letters, hyphens, apostrophes and dots ("Jean-Pierre", "O'Neil", "J.").
/// Two words glued by the page's layout ("JamesStaff", a name and the
/// role printed after it) are not one name word; a short prefix before a
/// capital is ("McCoy", "MacKenzie", "LeBron").
fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    let glued = w.char_indices().zip(w.chars().skip(1)).any(|((i, c), n)| c.is_lowercase() && n.is_uppercase() && w.get(..i).map_or(0, |p| p.chars().count()) >= 3);
    first.is_uppercase()
        && !glued
        && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// Reads author names from the start of `s` (after a byline cue): words
/// of names, joined by commas, "&" or an "and" cue. Returns the names'
/// byte ranges and the byte where the names stop.
fn read_names(s: &str, lex: &Lexicon) -> (Vec<(usize, usize)>, usize) {
    let mut names = Vec::new();
    let mut cur: Option<(usize, usize)> = None;
    let mut cur_words = 0usize;
    let mut particle = false;
    let mut prev_particle = false;
    let mut stop = 0usize;
    let mut i = skip_spaces(s, 0);
    while i < s.len() {
        let rest = s.get(i..).unwrap_or("");
        let len = rest.find(is_space).unwrap_or(rest.len());
        let raw = rest.get(..len).unwrap_or("");
        // Separator characters glued to the word end a name.
        let word = raw.trim_end_matches([',', ';', '|', '/', '·', '•']);
        // A full stop after a word longer than an initial ends the name.
        let word = match word.strip_suffix('.') {
            Some(w) if w.chars().count() > 2 && w.chars().all(char::is_alphabetic) => w,
            _ => word,
        };
        let ends_name = word.len() < raw.len();
        let lower = word.to_lowercase();
        // A date or byline cue ("Updated", "Publié le", "Recueilli par")
        // ends the names before it.
        let date_cue = lex.cue_at_start(rest, &[CueKind::Published, CueKind::Modified, CueKind::Byline]).is_some();
        if !date_cue && is_name_word(word) && dossier_dates::month_number(word.trim_end_matches('.')).is_none() {
            cur = Some((cur.map_or(i, |c| c.0), i + word.len()));
            cur_words += 1;
            particle = false;
            stop = i + word.len();
            if cur_words > 5 {
                // Too long for a name: a headline in title case.
                return (Vec::new(), 0);
            }
            if ends_name {
                names.extend(cur.take());
                cur_words = 0;
                stop = i + raw.len();
            }
        } else if cur.is_some() && !particle && !ends_name && lex.is_particle(&lower) && (!lex.is_name_article(&lower) || prev_particle) {
            particle = true;
        } else if !ends_name && (lex.is_and(&lower) || word == "&") && (cur.is_some() || !names.is_empty()) {
            names.extend(cur.take());
            cur_words = 0;
            particle = false;
        } else {
            break;
        }
        // "Van der Bellen": a capitalised particle before an article.
        prev_particle = lex.is_particle(&lower);
        i = skip_spaces(s, i + raw.len());
    }
    names.extend(cur);
    (names, stop)
}

/// True when a name is a person's rather than an agency's or a
/// publisher's: not listed as an agency, not an all-capitals acronym.
fn is_person(name: &str, lex: &Lexicon) -> bool {
    if lex.is_agency(name) {
        return false;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    let acronym = !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && !name.chars().any(is_space);
    // A capitalised function word ("Zum Video", "Das Kabinett") is no
    // part of a name.
    let function_word = name.split_whitespace().any(|w| {
        let lower = w.to_lowercase();
        w.chars().next().is_some_and(char::is_uppercase) && lex.stop_mask(&lower) != 0 && !lex.is_particle(&lower)
    });
    !acronym && !function_word && letters.len() >= 2
}

/// A byline cue after at most [`BYLINE_LEAD_WORDS`] capitalised words
/// (an outlet's or a section's name): the number of those words and the
/// byte where the cue ends.
fn byline_cue_after_lead(f: &str, lex: &Lexicon) -> Option<(usize, usize)> {
    let mut words = 0usize;
    let mut i = 0usize;
    while words < BYLINE_LEAD_WORDS {
        let rest = f.get(i..)?;
        let len = rest.find(is_space).unwrap_or(rest.len());
        let word = rest.get(..len)?;
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        words += 1;
        i = skip_spaces(f, i + len);
        if i >= f.len() {
            return None;
        }
        if let Some((_, cue_len)) = lex.cue_at_start(f.get(i..)?, &[CueKind::Byline]) {
            return Some((words, i + cue_len));
        }
    }
    None
}

/// Most words before a byline cue on the same field.
const BYLINE_LEAD_WORDS: usize = 3;

/// How much a byline may rely on its context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BylineContext {
    /// Anywhere near the body: a byline cue is needed ("Par X", "By X").
    Cue,
    /// Near the headline: a name next to a date also counts ("Marie
    /// Merlet | lundi 9 décembre 2019", "Janic Cathomen, 01.12.2021").
    Dated,
}

/// Characters that separate the fields of a byline.
fn is_field_separator(c: char) -> bool {
    matches!(c, '|' | '·' | '•' | '/' | '–' | '—' | '-' | ',' | ';' | '(' | ')' | '[' | ']')
}

/// Most words of a byline that are neither names, dates nor cues ("Uhr",
/// "7 comments", a category).
const BYLINE_OTHER_WORDS: usize = 6;

/// Parses a byline. The line is cut into fields at separators and dates;
/// a field is a date, a cue ("Par", "Publié le") possibly followed by
/// names, names alone, or other words. A byline has at least one person's
/// name and, depending on `ctx`, a byline cue or a date; other words are
/// few. Agencies and acronyms are never names.
#[cfg(test)]
pub(crate) fn byline(text: &str, line: &Line, lex: &Lexicon, ctx: BylineContext) -> Option<Byline> {
    byline_cached(text, line, lex, ctx, &mut None)
}

/// [`byline`] with the line's dates cached (see [`cached_dates`]).
pub(crate) fn byline_cached(text: &str, line: &Line, lex: &Lexicon, ctx: BylineContext, cache: &mut Option<Vec<LineDate>>) -> Option<Byline> {
    if line.words > META_WORDS || line.odd > 0 || line.chars > 200 || line.terminal() && line.words > 10 {
        return None;
    }
    let dates = cached_dates(text, line, lex, cache);
    // Fields: the text between dates, cut at separators.
    let mut fields: Vec<(usize, usize)> = Vec::new();
    let mut prev = 0usize;
    for d in dates.iter().map(|d| (d.found.start, d.found.end)).chain(std::iter::once((text.len(), text.len()))) {
        let chunk = text.get(prev..d.0).unwrap_or("");
        let mut start = prev;
        for (i, c) in chunk.char_indices() {
            // A hyphen inside a word ("Jean-Paul") separates nothing.
            let glued = c == '-' && chunk.get(i + 1..).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric)
                && i > 0 && chunk.get(..i).and_then(|r| r.chars().last()).is_some_and(char::is_alphanumeric);
            if is_field_separator(c) && !glued {
                fields.push((start, prev + i));
                start = prev + i + c.len_utf8();
            }
        }
        fields.push((start, d.0));
        prev = d.1;
    }
    let mut names: Vec<(usize, usize)> = Vec::new();
    let mut cue = false;
    let mut other = 0usize;
    for (fs, fe) in fields {
        let field = text.get(fs..fe).unwrap_or("");
        let lead = field.len() - field.trim_start_matches(is_space).len();
        let f = field.trim_matches(|c: char| is_space(c) || c == ':');
        if f.is_empty() {
            continue;
        }
        let base = fs + lead;
        // The person names from byte `at` of the field on (after a cue),
        // with the words left after them; `None` when there are none or,
        // without a cue (`shaped`), when one is not 2 to 4 words long.
        let names_from = |at: usize, shaped: bool| -> Option<(Vec<(usize, usize)>, usize)> {
            let rest = f.get(at..).unwrap_or("");
            let r = rest.trim_start_matches(|c: char| is_space(c) || c == ':');
            let r_off = base + at + (rest.len() - r.len());
            let (found, stop) = read_names(r, lex);
            let persons: Vec<(usize, usize)> = found
                .into_iter()
                .filter(|&(a, b)| r.get(a..b).is_some_and(|n| is_person(n, lex)))
                .map(|(a, b)| (a + r_off, b + r_off))
                .collect();
            let shape_ok = !shaped || persons.iter().all(|&(a, b)| (2..=4).contains(&text.get(a..b).map_or(0, |n| n.split_whitespace().count())));
            (!persons.is_empty() && shape_ok).then(|| (persons, word_count(r.get(stop..).unwrap_or(""))))
        };
        let (mut at, mut has_cue) = (0usize, false);
        if let Some((c, len)) = lex.cue_at_start(f, &[CueKind::Byline, CueKind::Published, CueKind::Modified]) {
            has_cue = c.kind == CueKind::Byline;
            at = len;
            // "Publié le … par X": a date cue; names may follow.
            cue |= has_cue;
        }
        let mut read = names_from(at, !has_cue);
        if read.is_none() && at == 0 && !dates.is_empty() {
            // "Ouest-France Recueilli par X. Publié le …": the outlet before
            // the cue, on a dated line; the name must then have the shape
            // of a person's (2 to 4 words). (Undated, "Foto von X", "Photo
            // by X" or "Rede von X" are not bylines.)
            if let Some((lead_words, len)) = byline_cue_after_lead(f, lex) {
                read = names_from(len, true);
                if read.is_some() {
                    cue = true;
                    other += lead_words;
                }
            }
        }
        let Some((persons, leftover)) = read else {
            other += word_count(f.get(at..).unwrap_or(""));
            continue;
        };
        other += leftover;
        names.extend(persons);
    }
    if names.is_empty() || other > BYLINE_OTHER_WORDS {
        return None;
    }
    let ok = match ctx {
        BylineContext::Cue => cue,
        BylineContext::Dated => cue || !dates.is_empty(),
    };
    ok.then(|| Byline { names, dates: dates.to_vec() })
}

/// True when a line has the shape of a headline: a few words up to a long
/// sentence, no list marker, no code, not ending like a paragraph.
pub(crate) fn is_headline(l: &Line) -> bool {
    !l.bullet
        && !l.bare
        && l.odd == 0
        && (3..=40).contains(&l.words)
        && l.chars <= 300
        && !matches!(l.last, ':' | ';' | ',')
        && !(l.last == '.' && (l.inner_stops > 0 || l.words >= 25))
        && (!l.all_caps() || l.words >= 5)
}

/// True when `text` opens with a word all in lower case ("y disfrutá de
/// …", not "iPhone …" or "Élan …"): the rest of a sentence broken by a link
/// or a label, never a headline (which opens with a capital, a digit, a
/// quote or a brand name such as "iPhone").
pub(crate) fn opens_lower(text: &str) -> bool {
    let first = text.split(char::is_whitespace).next().unwrap_or("");
    first.chars().next().is_some_and(|c| c.is_alphabetic() && c.is_lowercase()) && !first.chars().any(char::is_uppercase)
}

/// True when a line shows what a text browser prints for a picture or a
/// form, never a headline: it opens with a bracket ("[van-der-be]", "]Nur
/// Titel durchsuchen") or holds an empty input field ("Suche nach: [    ]
/// [Suche]"); or when it credits a picture ("… © Burkard Meyer", "…
/// (Foto: Instagram)"): a caption.
pub(crate) fn is_widget_or_caption(text: &str, lex: &Lexicon) -> bool {
    let empty_field = text.match_indices('[').any(|(i, _)| {
        let rest = text.get(i + 1..).unwrap_or("");
        rest.find(']').is_some_and(|j| j > 0 && rest.get(..j).is_some_and(|f| f.chars().all(is_space)))
    });
    // A picture cue opens the line or follows a space or a parenthesis
    // ("(Foto: …)", not "„Blue Marble“-Foto: …").
    let picture = text.char_indices().any(|(i, c)| {
        c.is_alphabetic()
            && text.get(..i).is_none_or(|b| b.chars().last().is_none_or(|p| is_space(p) || p == '('))
            && lex.cue_at_start(text.get(i..).unwrap_or(""), &[CueKind::Picture]).is_some()
    });
    text.starts_with(['[', ']']) || empty_field || text.contains('©') || picture
}

/// The last part of a breadcrumb line ("Home / Essays / 2017 / Aggression
/// Fotografie", "Sie sind hier: Home » Europa » Emden"): what follows the
/// last of two or more separators of one kind printed between spaces;
/// `Some("")` when the line ends with one ("Industrie > Deutschland >").
pub(crate) fn breadcrumb_tail(text: &str) -> Option<&str> {
    for sep in ['»', '›', '→', '>', '/'] {
        let spaced: Vec<usize> = text
            .match_indices(sep)
            .filter(|&(i, _)| {
                let before = text.get(..i).and_then(|b| b.chars().last()).is_some_and(is_space);
                let after = text.get(i + sep.len_utf8()..).is_none_or(|a| a.chars().next().is_none_or(is_space));
                before && after
            })
            .map(|(i, _)| i)
            .collect();
        if let (true, Some(&last)) = (spaced.len() >= 2, spaced.last()) {
            return Some(text.get(last + sep.len_utf8()..).unwrap_or("").trim_matches(is_space));
        }
    }
    None
}

/// A date printed before the headline on the same line ("date 2025-06
/// Le Kremlin…"): the date and the byte where the headline starts.
pub(crate) fn title_prefix_date(text: &str) -> Option<(FoundDate, usize)> {
    let first = dossier_dates::find_dates(text.get(..text.len().min(160))?).into_iter().next()?;
    let before = text.get(..first.start)?;
    if first.start > TITLE_PREFIX_BYTES || before.chars().any(|c| c.is_ascii_digit()) || word_count(before) > 2 {
        return None;
    }
    let rest = text.get(first.end..)?;
    let headline = rest.trim_start_matches(|c: char| is_space(c) || matches!(c, '-' | '–' | '—' | '|' | ':' | ',' | '·' | '•'));
    if !rest.starts_with(|c: char| !c.is_alphanumeric()) || word_count(headline) < 3 {
        return None;
    }
    Some((first, text.len() - headline.len()))
}

/// A dateline at the start of a paragraph: the place's byte range, the
/// byte where the dateline ends (after its dash) and its date if any.
#[derive(Debug, Clone)]
pub(crate) struct Dateline {
    pub place: (usize, usize),
    pub end: usize,
    pub date: Option<FoundDate>,
}

/// Reads a place in capitals ("MOSCOU", "NEW YORK", "SAINT-PÉTERSBOURG")
/// at `i`; returns its end.
fn caps_place(s: &str, i: usize) -> Option<usize> {
    let mut end = None;
    let mut j = i;
    let mut letters = 0;
    for _ in 0..4 {
        let rest = s.get(j..)?;
        let len = rest.find(|c: char| is_space(c) || c == ',' || c == '(').unwrap_or(rest.len());
        let w = rest.get(..len)?;
        let ok = !w.is_empty()
            && w.chars().all(|c| c.is_uppercase() || matches!(c, '-' | '\'' | '’' | '.'))
            && w.chars().any(char::is_alphabetic);
        if !ok {
            break;
        }
        letters += w.chars().filter(|c| c.is_alphabetic()).count();
        end = Some(j + len);
        j += len;
        if !s.get(j..)?.starts_with(' ') {
            break;
        }
        j += 1;
    }
    end.filter(|_| letters >= 3)
}

/// Reads one to three capitalised words ("Bamako", "Le Caire") at `i`.
fn title_place(s: &str, i: usize) -> Option<usize> {
    let mut end = None;
    let mut j = i;
    for _ in 0..3 {
        let rest = s.get(j..)?;
        let len = rest.find(|c: char| is_space(c) || c == ',' || c == '(').unwrap_or(rest.len());
        let w = rest.get(..len)?;
        if !is_name_word(w) {
            break;
        }
        end = Some(j + len);
        j += len;
        if !s.get(j..)?.starts_with(' ') {
            break;
        }
        j += 1;
    }
    end
}

/// A parenthesised credit ("(AFP)", "(Reuters)") at `i`: its end.
fn paren(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?;
    if !rest.starts_with('(') {
        return None;
    }
    let close = rest.get(..rest.len().min(40))?.find(')')?;
    Some(i + close + 1)
}

/// A dash separator (`–`, `—`, `-`) at `i` followed by a space: its end.
fn dash(s: &str, i: usize) -> Option<usize> {
    let c = s.get(i..)?.chars().next()?;
    if !matches!(c, '–' | '—' | '-' | '‒' | '―') {
        return None;
    }
    let j = i + c.len_utf8();
    s.get(j..)?.starts_with(is_space).then_some(j)
}

/// A date starting at `i` (after spaces): the date and its end.
fn date_at(s: &str, i: usize) -> Option<FoundDate> {
    let rest = s.get(i..)?;
    let head = rest.get(..rest.len().min(64)).or_else(|| rest.get(..))?;
    // Cut on a char boundary.
    let mut cut = head.len();
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut d = dossier_dates::find_dates(rest.get(..cut)?).into_iter().next()?;
    if d.start != 0 {
        return None;
    }
    d.start += i;
    d.end += i;
    Some(d)
}

/// Parses a dateline at the start of a paragraph.
pub(crate) fn dateline(text: &str, lex: &Lexicon) -> Option<Dateline> {
    let (place_end, caps) = match caps_place(text, 0) {
        Some(e) => (e, true),
        None => (title_place(text, 0)?, false),
    };
    let place = text.get(..place_end)?;
    if lex.is_agency(place) {
        return None;
    }
    let mut i = skip_spaces(text, place_end);
    if text.get(i..)?.starts_with(',') {
        i = skip_spaces(text, i + 1);
    }
    let mut credited = false;
    if let Some(e) = paren(text, i) {
        credited = true;
        i = skip_spaces(text, e);
    }
    let mut date = None;
    if let Some(d) = date_at(text, i) {
        i = skip_spaces(text, d.end);
        date = Some(d);
        if let Some(e) = paren(text, i) {
            credited = true;
            i = skip_spaces(text, e);
        }
    }
    let mut end = dash(text, i)?;
    if date.is_none() {
        // "MOSCOU – 23 juin 2025 – Le président…"
        let j = skip_spaces(text, end);
        if let Some(d) = date_at(text, j) {
            let k = skip_spaces(text, d.end);
            if let Some(e) = dash(text, k) {
                end = e;
                date = Some(d);
            }
        }
    }
    if !caps && !credited {
        return None;
    }
    // Something must follow.
    if word_count(text.get(end..)?) < 3 {
        return None;
    }
    Some(Dateline { place: (0, place_end), end, date })
}

#[cfg(test)]
mod tests {
    use super::super::lines::split;
    use super::*;

    fn line(text: &str) -> Line {
        split(text, Lexicon::get()).0.remove(0)
    }

    fn names(text: &str, cueless: bool) -> Option<Vec<String>> {
        let ctx = if cueless { BylineContext::Dated } else { BylineContext::Cue };
        let b = byline(text, &line(text), Lexicon::get(), ctx)?;
        Some(b.names.iter().map(|&(a, e)| text[a..e].to_string()).collect())
    }

    #[test]
    fn bylines_with_cues() {
        assert_eq!(names("Auteur: Pierre", false), Some(vec!["Pierre".into()]));
        assert_eq!(names("Par Jean Dupont", false), Some(vec!["Jean Dupont".into()]));
        assert_eq!(names("By Jane Doe and John Smith", false), Some(vec!["Jane Doe".into(), "John Smith".into()]));
        assert_eq!(names("Written by Mary-Ann O'Neil, staff reporter", false), Some(vec!["Mary-Ann O'Neil".into()]));
        assert_eq!(names("Par Jean de La Fontaine", false), Some(vec!["Jean de La Fontaine".into()]));
        assert_eq!(names("Von Alexander Van der Bellen", false), Some(vec!["Alexander Van der Bellen".into()]));
        // An article between two capitalised words joins a label's words.
        assert_eq!(names("Thema des Tages // 02.11.2021", true), None);
        assert_eq!(names("05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)", true), Some(vec!["Eberhard Fuhr".into()]));
        assert_eq!(names("Rédigé par Kamalenba le Lundi 23 Juin 2025 à 00:53", false), Some(vec!["Kamalenba".into()]));
    }

    #[test]
    fn agencies_and_sentences_are_not_bylines() {
        assert_eq!(names("Par AFP", false), None);
        assert_eq!(names("By Reuters", false), None);
        assert_eq!(names("Par ailleurs, le gouvernement a annoncé une réforme.", false), None);
        assert_eq!(names("Par Moscou, la décision a été prise hier soir dans la plus grande discrétion.", false), None);
        assert_eq!(names("Paris Saint-Germain", false), None);
    }

    #[test]
    fn bylines_with_fields() {
        assert_eq!(names("Von: Björn Jahner | 31.10.23", false), Some(vec!["Björn Jahner".into()]));
        assert_eq!(names("Von David Hutzler, dpa", false), Some(vec!["David Hutzler".into()]));
        assert_eq!(names("Janic Cathomen, 01.12.2021", true), Some(vec!["Janic Cathomen".into()]));
        assert_eq!(names("04.02.2022 | 15:33 Uhr | Dennis Steimels", true), Some(vec!["Dennis Steimels".into()]));
        assert_eq!(names("Marie Merlet | lundi 9 décembre 2019 à 09h08", true), Some(vec!["Marie Merlet".into()]));
        assert_eq!(names("Publié le 3 mai 2024 par Jean-Paul Dupont", false), Some(vec!["Jean-Paul Dupont".into()]));
        assert_eq!(names("Marie Rövekamp", true), None);
        assert_eq!(names("CBS News February 24, 2020, 7:57 AM", true), None);
        assert_eq!(names("Zum Video | 3. Mai 2020", true), None);
        assert_eq!(names("Rahmenbedingungen für Vereinbarkeit von Familie und Beruf", false), None);
        let t = "Le 3 mai 2024, Jean Dupont a déclaré qu'il quittait ses fonctions au gouvernement";
        assert!(byline(t, &line(t), Lexicon::get(), BylineContext::Dated).is_none());
    }

    #[test]
    fn cueless_byline_needs_a_date() {
        assert_eq!(names("Jean-Paul Delevoye, peu estimé par Jacques Chirac", true), None);
        assert_eq!(names("Emmanuel Macron", true), None);
    }

    #[test]
    fn datelines() {
        let lex = Lexicon::get();
        let t = "MOSCOU – 23 juin 2025 – Le président de la transition est arrivé.";
        let d = dateline(t, lex).unwrap();
        assert_eq!(&t[d.place.0..d.place.1], "MOSCOU");
        let t = "NEW YORK (Reuters) - Shares rose on Monday after the report.";
        let d = dateline(t, lex).unwrap();
        assert_eq!(&t[d.place.0..d.place.1], "NEW YORK");
        assert!(d.date.is_none());
        let t = "Bamako (AFP) – Le gouvernement malien a annoncé lundi un accord.";
        assert_eq!(&t[..dateline(t, lex).unwrap().place.1], "Bamako");
        assert!(dateline("L'AES, qui regroupe le Mali, le Burkina Faso et le Niger, est dirigée.", lex).is_none());
        assert!(dateline("Le président – qui arrive lundi – a parlé.", lex).is_none());
        assert!(dateline("AFP – Le président a parlé hier soir.", lex).is_none());
    }

    #[test]
    fn widgets_and_captions_are_no_headlines() {
        let lex = Lexicon::get();
        assert!(is_widget_or_caption("[van-der-be]", lex));
        assert!(is_widget_or_caption("]Nur Titel durchsuchen", lex));
        assert!(is_widget_or_caption("Suche nach: [                    ] [Suche]", lex));
        assert!(is_widget_or_caption("Das Sportzentrum Kerenzerberg in Filzbach © Burkard Meyer", lex));
        assert!(is_widget_or_caption("Der ehemalige Mr. Gay Germany: Benjamin Näßler (Foto: Instagram)", lex));
        assert!(!is_widget_or_caption("Après Wagner, quel nouveau partenaire sécuritaire pour le Mali ?", lex));
        assert!(!is_widget_or_caption("Le rapport [PDF] publié par la Cour des comptes", lex));
        assert!(!is_widget_or_caption("Neuer Blick auf das „Blue Marble“-Foto: ICON simuliert das Klimasystem", lex));
    }

    #[test]
    fn breadcrumb_tails() {
        assert_eq!(breadcrumb_tail("Home / Essays / 2017 / January / Aggression Fotografie"), Some("Aggression Fotografie"));
        assert_eq!(breadcrumb_tail("Sie sind hier: Home » Europa » Deutschland » Emden"), Some("Emden"));
        assert_eq!(breadcrumb_tail("Industrie > Deutschland > Energie-Krise >"), Some(""));
        assert_eq!(breadcrumb_tail("Paris 2024 : les Bleus en 1/8 de finale"), None);
        assert_eq!(breadcrumb_tail("Entre Paris / Berlin, le ton monte"), None);
    }

    #[test]
    fn headline_shapes() {
        assert!(is_headline(&line("Après Wagner, quel nouveau partenaire sécuritaire pour le Mali ?")));
        assert!(!is_headline(&line("- Publicité-")));
        assert!(!is_headline(&line("FAITS-DIVERS")));
        assert!(!is_headline(&line("Menu")));
        assert!(!is_headline(&line("Accueil image/svg+xml News image/svg+xml Un titre")));
    }
}
