//! Extraction from plain-text dumps of rendered pages (what a browser's
//! "select all, copy" or a text browser gives): one clean article text and
//! its metadata with evidence.
//!
//! The method is line classification, one linear pass per step:
//!
//! 1. `lines`: every non-empty line is trimmed and measured (words, share
//!    of stop words of the page language, sentence end, capitals, list
//!    markers, code-like chunks, exact repetitions). The page language is
//!    the one whose stop words (data files, see `lexicon`) are most
//!    frequent.
//! 2. `region`: prose lines weigh positively (not three or more long list
//!    items in a row without a sentence end: a box of teasers), other lines negatively
//!    (little inside a short gap between prose lines; time stamps of live
//!    blogs almost nothing); the weights are cut into runs whose sum stays
//!    positive, the first run weighing at least half the heaviest is the
//!    main region (an article comes before its comments; when a
//!    comment-section heading, a cue of the data files, follows a
//!    substantial run, only runs before it count and the region ends
//!    before it; of a heading repeated, only the last; a count of no
//!    comment, "0 Kommentare", heads nothing, nor does a count printed
//!    under the article's date, a share bar maybe between, right above its text), and earlier runs a few
//!    lines before it (a lede split off by an image, a table of contents,
//!    a "read also" box; the lighter the run, the nearer it must be) are
//!    merged in, and so is the next run when the article goes on after a
//!    block that weighs as chrome (a "most read" box, a table, a recipe's
//!    steps): within a few lines, with no cue or comment heading between,
//!    as heavy as a run chosen first. Inside the region, prose is kept, and short lines only
//!    when they sit next to prose like headings, captions or short
//!    sentences, or form a list introduced by a colon (which may run past
//!    the region's end); the rows of a table (lines with column gaps)
//!    between region lines, and a short run of list items, quoted posts or
//!    lines each opening with a label of its own and a colon ("Path A: …")
//!    between two kept lines, are kept too, as are a one-word heading or
//!    sentence ("Yikes.") between two paragraphs (or under a section
//!    heading after a paragraph), a caption printed twice in a row after a
//!    paragraph (once), the long headings in capitals of an article that
//!    heads its sections in capitals, an embedded post with its
//!    signature ("— Name (@handle) date", "Publiée par … sur <date>"),
//!    a repeated line that heads a paragraph at
//!    each of its occurrences (an interview series' questions, a
//!    speaker's one-word label, "Anne:", also over a short question; a
//!    question heading also listed in a table of contents), a list of
//!    numbered notes ("[1] …", "[2] …") whose first note is in the region,
//!    with a short heading right above it (or further down the page,
//!    when the kept text carries their markers, "[1]"), the short entries that follow
//!    the time stamps of a live report ("88'" then "Sortie de X"), a
//!    section break drawn with one mark ("___", "* * *") between two kept
//!    lines, a one-word label heading ending with a colon ("Fazit:")
//!    between two paragraphs, up to
//!    three short sentences right after the region's last paragraph (the
//!    first may be a closing line without an end mark that opens with a
//!    stop word; a list of names ending with a full stop needs no stop
//!    word; a salutation ending with a comma comes with the signature
//!    under it), and the block that the last kept line announces with a
//!    colon past the region's end (a code listing, names, verse), up to a
//!    menu-like line, or that a colon sentence right after it announces
//!    (two lines or more, no list item, link or kicker-headed teaser). Other
//!    lists, repeated lines, lone words, code-like lines, advertising
//!    labels, check-box labels ("[ ] I agree…"), short lines naming a
//!    newsletter (`promo` words of the data files) and lines opening with
//!    a "read also" cue (data files) are chrome. Everything outside the
//!    region is chrome, except a lede between the headline and the region
//!    (of a standfirst printed again lower down, the copy nearest the
//!    body) and a salutation ("Ami abonné,") right before it.
//! 3. `meta`: around the start of the region (and at its end, for
//!    signatures), date lines and bylines are read into metadata and left
//!    out of the text (not, inside the body once a date is read, a
//!    heading that ends with a date after a label of its own); the
//!    headline is chosen among the headline-shaped
//!    lines before the body (not a "read also" or subscription line, nor
//!    one opening with a word in lower case) by
//!    the share of its words found at the start
//!    of the body, its repetition elsewhere on the page (breadcrumbs) and
//!    its nearness (the title given as metadata: never a caption, a
//!    form or a picture's placeholder, and a breadcrumb's last part); a
//!    date line under the headline wins over one above it (a header's
//!    today); a date printed in front of it is the publication date
//!    when no date line or byline gives one; a dateline opening the first
//!    paragraph gives the place (and a date, last resort).
//!
//! Kept lines are copied byte for byte; paragraphs (one per kept line) are
//! separated by one blank line, so every clean byte maps back to the input.

pub(crate) mod lexicon;
mod lines;
mod meta;
pub(crate) mod region;

use std::borrow::Cow;

use dossier_document::{DateValue, Diagnostic, Evidenced, Metadata};
use dossier_text::TextBuilder;

use crate::Extraction;
use lexicon::{CueKind, Lexicon};
use lines::Line;
use meta::{BylineContext, DateRole, LineDate};

/// Non-empty lines before the region searched for the headline, bylines
/// and date lines (list items, such as a share bar between the byline and
/// the body, not counted; see [`head_start`]).
const HEAD_WINDOW: usize = 12;
/// Most lines, list items included, in that window.
const HEAD_WINDOW_MAX: usize = 40;

/// First line of the window before line `a` that holds [`HEAD_WINDOW`]
/// lines other than list items (at most [`HEAD_WINDOW_MAX`] lines).
fn head_start(lines: &[Line], a: usize) -> usize {
    let mut counted = 0usize;
    let mut i = a;
    while i > 0 && counted < HEAD_WINDOW && a - i < HEAD_WINDOW_MAX {
        i -= 1;
        if !lines.get(i).is_some_and(|l| l.bullet) {
            counted += 1;
        }
    }
    i
}
/// Most words of a line opening with a publication or update cue that is
/// taken as a date line even when its date cannot be read.
const DATE_CUE_LINE_WORDS: u32 = 8;
/// Fewest words besides its date of a heading with a date inside the body
/// (see [`read_meta_line`]).
const LABELLED_DATE_WORDS: usize = 3;
/// Lines at the start of the region searched for bylines and date lines.
const BODY_WINDOW: usize = 8;
/// Lines before the region searched for a date line when none is nearer.
const FAR_WINDOW: usize = 40;
/// Lines at the end of the region and after it searched for signatures.
const TAIL_WINDOW: usize = 3;

/// The dateline opening a paragraph ("MOSCOU – 23 juin 2025 – …",
/// "DENVER (AP) — …"): the place, with the printed dateline as evidence.
/// Shared with the HTML extractor, whose first paragraph may open with one.
pub fn dateline_of(paragraph: &str) -> Option<Evidenced<String>> {
    let d = meta::dateline(paragraph, Lexicon::get())?;
    let place = paragraph.get(d.place.0..d.place.1)?;
    // The printed dateline up to its closing dash (kept: a closing
    // parenthesis of an agency credit, "LONDON (Reuters)").
    let evidence = paragraph
        .get(..d.end)
        .unwrap_or(place)
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—' | ',' | ':'));
    Some(Evidenced::new(place.to_string(), evidence))
}

/// Extracts the article from a text dump.
pub fn extract(input: &str) -> Extraction {
    let lex = Lexicon::get();
    let (mut lines, hits) = lines::split(input, lex);
    let n = lex.codes.len();
    let lang = lines::choose_language(&lines, &hits, n);
    lines::set_stops(&mut lines, &hits, n, lang);
    drop(hits);
    let lang_known = lang.is_some();
    let mut prose: Vec<bool> = lines.iter().map(|l| region::is_prose(l, lang_known)).collect();
    region::foreign_paragraphs(&lines, &mut prose, lang_known);
    region::teaser_lists(input, &lines, &mut prose);
    let mut weights = region::weights(&lines, &prose, lang_known);
    let table_rows = region::introduced_tables(input, &lines, &prose);
    for (w, _) in weights.iter_mut().zip(&table_rows).filter(|(_, r)| **r) {
        *w = region::INTRODUCED_ROW_WEIGHT;
    }
    let mut diagnostics = Vec::new();
    // Comment headings; of one repeated several times (a comment count
    // under the headline and above the thread) only the last occurrence.
    let mut comment_heads: Vec<usize> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    // A count of no comment heads no thread (see `region::zero_count`),
    // nor does a count printed with the article's date above its first
    // paragraph (see `byline_count`).
    for (i, l) in lines.iter().enumerate().rev().filter(|(i, l)| l.comments_cue && !region::zero_count(l.text(input)) && !byline_count(input, &lines, &prose, *i, lex)) {
        let t = l.text(input);
        if !seen.contains(&t) {
            seen.push(t);
            comment_heads.push(i);
        }
    }
    comment_heads.reverse();
    let items: Vec<bool> = lines.iter().map(|l| l.bullet).collect();
    let same_header = |i: usize, j: usize| region::same_article_header(input, &lines, i, j);
    let Some((a, b)) = region::best_segment_before_comments(&weights, &comment_heads, &items, &same_header) else {
        diagnostics.push(Diagnostic::warning("no-main-text", "no run of prose lines was found in the dump"));
        return Extraction { diagnostics, ..Default::default() };
    };
    // The article going on after a block that weighs as chrome.
    let cue = |j: usize| lines.get(j).is_some_and(|l| l.chrome_cue || l.comments_cue);
    let b = region::merge_later(&weights, a, b, &comment_heads, &cue);

    let mut meta = Metadata::default();
    let mut skip = vec![false; lines.len()];
    let mut dates: Vec<(usize, LineDate)> = Vec::new();

    // Metadata lines around the start of the body, and signatures at its end.
    let win_start = head_start(&lines, a);
    let win_end = b.min(a + BODY_WINDOW);
    let tail = b.saturating_sub(TAIL_WINDOW).max(win_end + 1)..=(b + TAIL_WINDOW).min(lines.len().saturating_sub(1));
    for i in (win_start..=win_end).chain(tail) {
        let ctx = if i < a + 3 { BylineContext::Dated } else { BylineContext::Cue };
        // Bylines and date lines only within HEAD_WINDOW lines of the body
        // (the wider window is for the headline): higher up, past a share
        // bar, they are more often a teaser's or the site's.
        let near = i + HEAD_WINDOW >= a;
        if !near {
            continue;
        }
        read_meta_line(input, &lines, i, ctx, lex, &mut meta, &mut dates, &mut skip, i >= a);
    }
    // No date near the body: the nearest date line higher up the page.
    if dates.is_empty() {
        for i in (a.saturating_sub(FAR_WINDOW)..a.saturating_sub(HEAD_WINDOW)).rev() {
            let Some(l) = lines.get(i) else { continue };
            if let Some(ds) = meta::date_line(l.text(input), l, lex) {
                dates.extend(ds.into_iter().map(|d| (i, d)));
                skip[i] = true;
                break;
            }
        }
    }
    // The headline.
    let mut title_date: Option<DateValue> = None;
    let (title_line, meta_title_line) = find_title(input, &lines, a, b, &skip, lex, lang);
    // The headline without a date printed before it: its value, and the
    // date with the byte where the headline starts.
    let unprefixed = |text: &'_ str| match meta::title_prefix_date(text) {
        Some((found, start)) => (text.get(start..).unwrap_or(text).to_string(), Some((found, start))),
        None => (text.to_string(), None),
    };
    if let Some(t) = meta_title_line {
        let text = lines[t].text(input);
        let (value, prefix) = unprefixed(text);
        // A breadcrumb ends with the page's title.
        let value = meta::breadcrumb_tail(&value).unwrap_or(&value);
        let value = kicker_free(input, &lines, t, value.trim_end());
        if let Some((found, start)) = prefix {
            let evidence = text.get(..start).unwrap_or("").trim_end_matches(|c: char| !c.is_alphanumeric());
            let mut d = found.date;
            d.evidence = evidence.to_string();
            title_date = Some(d);
        }
        meta.title = Some(Evidenced::new(value.to_string(), text));
    }
    if let Some(t) = title_line {
        // The line the body is placed under (see `find_title`).
        let (value, _) = unprefixed(lines[t].text(input));
        let value = kicker_free(input, &lines, t, value.trim_end());
        skip[t] = true;
        // Lines repeating the headline (breadcrumbs, share boxes) are chrome;
        // not a paragraph that quotes it at its end ("McKinley said that
        // \"$53 million a week…\"", under a claim printed as the headline).
        for (i, other) in lines.iter().enumerate() {
            let ot = other.text(input);
            if other.end - other.start >= value.len() && ot.ends_with(value) && !(prose.get(i).copied().unwrap_or(false) && quotes_headline(ot.get(..ot.len() - value.len()).unwrap_or(""))) {
                skip[i] = true;
            }
        }
    }
    if meta.title.is_none() {
        diagnostics.push(Diagnostic::info("no-title", "no headline line was found before the body"));
    }

    // Which lines are article text.
    let mut keep = vec![false; lines.len()];
    if let Some(t) = title_line {
        // A standfirst between the headline and the body.
        for i in t + 1..a {
            if let Some(l) = lines.get(i) {
                // A standfirst printed again lower down (a share box): the
                // copy nearest the body.
                let repeated = || region::is_repeated_lede(l, lang_known) && !(i + 1..a).any(|j| lines.get(j).is_some_and(|o| o.text(input) == l.text(input)));
                keep[i] = !skip[i] && (region::is_lede(l, lang_known) || repeated());
            }
        }
    }
    // A salutation opening the article ("Ami abonné,") right before its
    // first line.
    if let Some(h) = a.checked_sub(1) {
        if !skip.get(h).copied().unwrap_or(true) && lines.get(h).is_some_and(region::salutation) {
            keep[h] = true;
        }
    }
    let rep_heads = region::repeated_headings(input, &lines, &prose, &skip, a, b, lang_known);
    for (i, k) in keep.iter_mut().enumerate().take(b + 1).skip(a) {
        *k = region::keep_in_region(&lines, &prose, &skip, i, lang_known)
            || rep_heads.get(i).copied().unwrap_or(false)
            || region::word_heading(&lines, &prose, &skip, i)
            || region::doubled_caption(input, &lines, &prose, &skip, i, lang_known)
            || !skip.get(i).copied().unwrap_or(true) && region::table_row(&lines, &prose, i, a, b);
    }
    region::keep_capital_headings(&lines, &prose, &skip, &mut keep, a, b, lang_known);
    region::keep_sandwiched_lists(input, &lines, &skip, &mut keep, a, b, lang_known);
    region::keep_introduced_lists(&lines, &skip, &mut keep, a, b, lang_known);
    region::keep_embedded_posts(&lines, &skip, &mut keep, a, b);
    region::keep_notes(input, &lines, &skip, &mut keep, a, b);
    region::keep_introduced_blocks(&lines, &skip, &mut keep, a, b);
    region::keep_stamped_entries(&lines, &skip, &mut keep, a, b, lang_known);
    region::keep_section_breaks(input, &lines, &skip, &mut keep, a, b);
    // The rows of a table under a kept colon introducer (they may run past
    // the region's end).
    let mut r = 1;
    while r < table_rows.len() {
        if table_rows.get(r).copied().unwrap_or(false) && keep.get(r - 1).copied().unwrap_or(false) && !table_rows.get(r - 1).copied().unwrap_or(false) {
            while table_rows.get(r).copied().unwrap_or(false) {
                if let Some(k) = keep.get_mut(r) {
                    *k = !skip.get(r).copied().unwrap_or(true);
                }
                r += 1;
            }
        } else {
            r += 1;
        }
    }

    // region's end (its items weigh as chrome).
    let mut j = b + 1;
    while lines.get(j).is_some_and(|l| l.bullet) && region::keep_in_region(&lines, &prose, &skip, j, lang_known) {
        if let Some(k) = keep.get_mut(j) {
            *k = true;
        }
        j += 1;
    }
    // Paragraphs right after such a list: the article goes on (a long
    // list weighs as chrome and ends the region before them).
    if j > b + 1 {
        j = region::paragraphs_after_list(&lines, &prose, &skip, &mut keep, j);
    }
    // Short closing sentences right after the last paragraph.
    if j == b + 1 {
        for k in keep.iter_mut().skip(j).take(region::tail_sentences(input, &lines, &skip, b, lex, lang.map_or(0, |k| 1u64 << k))) {
            *k = true;
        }
    }
    // Embedded posts among the paragraphs kept past the region's end
    // (after a long list), as inside it.
    if let Some(last) = keep.iter().rposition(|k| *k).filter(|&last| last > b) {
        region::keep_embedded_posts(&lines, &skip, &mut keep, a, last);
    }

    // The rest of a dialogue (an interview's "Q:" / "A:" lines) after the
    // last kept line.
    if let Some(last) = keep.iter().rposition(|k| *k) {
        for j in region::dialogue_after(input, &lines, &skip, &keep, a, last) {
            if let Some(k) = keep.get_mut(j) {
                *k = true;
            }
        }
    }
    // The article's notes, called by markers in its text, further down.
    if let Some(last) = keep.iter().rposition(|k| *k) {
        region::keep_called_notes(input, &lines, &skip, &mut keep, last);
    }
    // A list of records (tour dates, results) under its heading after the
    // last kept line.
    if let Some(last) = keep.iter().rposition(|k| *k) {
        let kept_text = || lines.iter().zip(&keep).filter(|(_, k)| **k).map(|(l, _)| l.text(input).to_lowercase()).collect::<Vec<_>>().join(" ");
        if let Some(r) = region::records_after(input, &lines, &skip, last, &kept_text, lex, lang.map_or(0, |k| 1u64 << k)) {
            for k in keep.iter_mut().take(r.end).skip(r.start) {
                *k = true;
            }
        }
    }

    // The rest of the article's numbered list (items dropped as chrome
    // inside the region or past its end).
    region::keep_numbered_sequence(input, &lines, &skip, &mut keep);
    // The block that the last kept line announces with a colon past the
    // region's end (a code listing, a list of names, a poem), and the
    // paragraphs after it.
    if let Some(last) = keep.iter().rposition(|k| *k).filter(|&last| last >= b) {
        let j = region::keep_announced_block(input, &lines, &skip, &mut keep, last, lang_known);
        if j > last + 1 {
            region::paragraphs_after_list(&lines, &prose, &skip, &mut keep, j);
        }
    }

    // A line printed twice in a row is an image's alternative text and
    // caption (the second time maybe with a credit): the caption is the
    // article's (captions are kept), once, without its credit.
    // A short line with a copyright sign, or ending with a picture
    // library after a slash ("Jane Doe/Getty Images"), is a picture's
    // credit, and so is a line opening with a picture label ("Photo :",
    // "Foto:", "Image caption", see `CueKind::Picture`); "Image 1 of 5" a
    // gallery's slide counter.
    for i in 0..keep.len() {
        let second_copy = region::doubled_line(input, &lines, i) && i > 0 && lines.get(i - 1).is_some_and(|p| p.text(input) == lines[i].text(input));
        let first_copy_dropped = second_copy && !keep[i - 1];
        if keep[i] && (second_copy && !first_copy_dropped || lines.get(i).is_some_and(|l| region::credit_line(input, l) || region::library_credit(input, l, lex) || lex.cue_at_start(l.text(input), &[CueKind::Picture]).is_some() || l.words <= 3 && l.digits >= 2 && region::slide_counter(l.text(input)))) {
            keep[i] = false;
        }
    }
    for i in 0..lines.len().saturating_sub(1) {
        if (keep[i] || keep[i + 1]) && region::caption_pair(input, &lines, i) {
            // Keep the shorter copy, the one without the credit or id.
            let (a, b) = (&lines[i], &lines[i + 1]);
            let (short, long) = if b.end - b.start >= a.end - a.start { (i, i + 1) } else { (i + 1, i) };
            keep[short] = keep[i] || keep[i + 1];
            keep[long] = false;
        }
    }

    // Dateline at the start of the first paragraph.
    let mut dateline_date: Option<DateValue> = None;
    if let Some(first) = keep.iter().position(|k| *k) {
        let text = lines[first].text(input);
        if let Some(d) = meta::dateline(text, lex) {
            meta.dateline = dateline_of(text);
            dateline_date = d.date.map(|f| f.date);
        }
    }

    // Dates: a date line or byline near the top, else a date printed with
    // the headline, else the dateline's date.
    // A date line under the headline (before the body's first lines) wins
    // over one above it: the date a site prints in its header is today's,
    // the one under the headline the article's.
    // Only as precise a date (not a month read from two glued dates) and
    // near the body.
    let first = dates.iter().find(|(_, d)| d.role == DateRole::Published);
    let under_title = |i: usize, d: &LineDate| {
        title_line.is_some_and(|t| i > t && i <= win_end) && first.is_some_and(|(_, f)| d.found.date.precision >= f.found.date.precision)
    };
    let mut published = dates
        .iter()
        .find(|(i, d)| d.role == DateRole::Published && under_title(*i, d))
        .or(first)
        .map(|(_, d)| d.found.date.clone());
    meta.modified = dates.iter().find(|(_, d)| d.role == DateRole::Modified).map(|(_, d)| d.found.date.clone());
    if published.is_none() {
        published = title_date.or(dateline_date);
    }
    if published.is_none() {
        diagnostics.push(Diagnostic::info("no-date", "the dump prints no publication date near its headline"));
    }
    meta.published = published;

    let (text, offsets) = build_text(input, &lines, &keep);
    if text.is_empty() {
        diagnostics.push(Diagnostic::warning("no-main-text", "no article line was kept"));
    }
    Extraction { text, offsets, metadata: meta, diagnostics }
}

/// True when comment heading `i` is a count printed with the article's
/// date ("• August 06, 2019" then "Comments (79)"): a date line within
/// [`COUNT_DATE_LINES`] lines above it (list items not counted, such as a
/// share bar's icons between them, at most [`COUNT_SHARE_LINES`] lines
/// up) and a prose line within as many lines below it. A thread's heading
/// is followed by a form, a commenter's name or a stamp before any text;
/// a count under the date line is followed by the article.
fn byline_count(input: &str, lines: &[Line], prose: &[bool], i: usize, lex: &Lexicon) -> bool {
    let prose_below = (i + 1..=i + COUNT_DATE_LINES).any(|j| prose.get(j).copied().unwrap_or(false));
    if !prose_below {
        return false;
    }
    let mut counted = 0;
    for j in (i.saturating_sub(COUNT_SHARE_LINES)..i).rev() {
        let Some(l) = lines.get(j) else { break };
        if meta::date_line(l.text(input), l, lex).is_some() {
            return true;
        }
        if !l.bullet {
            counted += 1;
            if counted >= COUNT_DATE_LINES {
                break;
            }
        }
    }
    false
}

/// Lines between a comment count and the date line above it, and the
/// article's first paragraph below it (see [`byline_count`]).
const COUNT_DATE_LINES: usize = 2;
/// Most lines, list items included, between a comment count and the
/// date line above it (see [`byline_count`]).
const COUNT_SHARE_LINES: usize = 12;

/// The headline without a kicker printed before it on the same line
/// ("Frain Incendie dans une maison…"): when another line of the page (a
/// breadcrumb, list markers passed over) is the headline without its first
/// one to [`KICKER_WORDS`] words, that shorter headline.
fn kicker_free<'a>(input: &str, lines: &[Line], t: usize, value: &'a str) -> &'a str {
    let starts: Vec<usize> = value.char_indices().filter(|&(i, c)| i > 0 && !c.is_whitespace() && value[..i].ends_with(char::is_whitespace)).map(|(i, _)| i).take(KICKER_WORDS).collect();
    for &at in &starts {
        let Some(rest) = value.get(at..) else { continue };
        if rest.split_whitespace().count() < 3 {
            break;
        }
        // The line ends with `rest` and holds nothing else but markers
        // (`ends_with` first: a cheap test that fails on almost every line).
        let repeated = lines.iter().enumerate().any(|(j, o)| {
            let ot = o.text(input);
            j != t && ot.ends_with(rest) && ot.get(..ot.len() - rest.len()).is_some_and(|lead| lead.chars().all(|c| !c.is_alphanumeric()))
        });
        if repeated {
            return rest;
        }
    }
    value
}

/// Most words of a kicker printed before the headline.
const KICKER_WORDS: usize = 3;

/// True when `prefix`, what a line prints before the headline it ends
/// with, is the opening of a sentence quoting it ("McKinley said that"):
/// [`QUOTING_WORDS`] words or more, each with letters (a breadcrumb's or a
/// share box's separators, "›", "|", "/", are no words).
fn quotes_headline(prefix: &str) -> bool {
    let mut words = 0usize;
    for token in prefix.split_whitespace() {
        if !token.chars().any(char::is_alphabetic) {
            return false;
        }
        words += 1;
    }
    words >= QUOTING_WORDS
}

/// Fewest words before the headline of a sentence that quotes it.
const QUOTING_WORDS: usize = 3;

/// Reads line `i` as a byline or a date line; records what it holds and
/// marks it as metadata (left out of the text). Inside the body
/// (`in_body`), once a date has been read, a line that ends with a date
/// after a label of its own of [`LABELLED_DATE_WORDS`] words or more and
/// no publication cue ("Communiqué de presse Libérons-Les - 12 juin 2019") is
/// the article's heading, not another date line.
#[allow(clippy::too_many_arguments)]
fn read_meta_line(
    input: &str,
    lines: &[Line],
    i: usize,
    ctx: BylineContext,
    lex: &Lexicon,
    meta: &mut Metadata,
    dates: &mut Vec<(usize, LineDate)>,
    skip: &mut [bool],
    in_body: bool,
) {
    let Some(l) = lines.get(i) else { return };
    // An embedded post's signature ("— Name (@handle) date") names the
    // post's author and date, not the article's.
    if l.embed_credit {
        return;
    }
    // An image's text printed twice, the second time with its credit
    // ("Jean Jaurès à l'Assemblée, par Jean Veber" then "… • Crédits :
    // Getty"), names the picture's maker, not the article's author.
    if region::caption_pair(input, lines, i) || i.checked_sub(1).is_some_and(|p| region::caption_pair(input, lines, p)) {
        return;
    }
    let text = l.text(input);
    let mut dates_cache = None;
    if let Some(by) = meta::byline_cached(text, l, lex, ctx, &mut dates_cache) {
        for &(s, e) in &by.names {
            if let Some(name) = text.get(s..e).map(dossier_text::normalize::collapse_whitespace) {
                if !meta.authors.iter().any(|x| x.value == name) {
                    meta.authors.push(Evidenced::new(name, text));
                }
            }
        }
        dates.extend(by.dates.into_iter().map(|d| (i, d)));
        if let Some(s) = skip.get_mut(i) {
            *s = true;
        }
    } else if let Some(ds) = meta::date_line_cached(text, l, lex, &mut dates_cache).filter(|ds| !(in_body && !dates.is_empty() && meta::label_before_dates(text, ds, lex) >= LABELLED_DATE_WORDS && lex.cue_at_start(text, &[CueKind::Published, CueKind::Modified]).is_none())) {
        dates.extend(ds.into_iter().map(|d| (i, d)));
        if let Some(s) = skip.get_mut(i) {
            *s = true;
        }
    } else if l.digits > 0 && l.words <= DATE_CUE_LINE_WORDS && lex.cue_at_start(text, &[CueKind::Published, CueKind::Modified]).is_some() {
        // "Publié le 27 Mar 20 à 9:21": a date line whose date is not
        // read; metadata all the same, not article text.
        if let Some(s) = skip.get_mut(i) {
            *s = true;
        }
    }
}

/// The headline, among the headline-shaped lines before the body (within
/// [`HEAD_WINDOW`] lines, at most [`TITLE_CANDIDATES`] of them). Each is
/// scored on the share of its content words (not stop words, 3+ letters)
/// found at the start of the body (a headline announces what follows; a
/// menu label, kicker or caption much less), on being repeated elsewhere
/// on the page (alone or at the end of a breadcrumb line), and on
/// nearness to the body.
fn find_title(input: &str, lines: &[Line], a: usize, b: usize, skip: &[bool], lex: &Lexicon, lang: Option<usize>) -> (Option<usize>, Option<usize>) {
    let candidates: Vec<usize> = (head_start(lines, a)..a)
        .rev()
        .filter(|&i| !skip.get(i).copied().unwrap_or(true))
        .filter(|&i| lines.get(i).is_some_and(|l| meta::is_headline(l) && !l.chrome_cue && !(l.sloppy && opens_lower_unprefixed(l.text(input)))))
        .take(TITLE_CANDIDATES)
        .collect();
    // The title given as metadata is never a picture's or a form's text
    // nor a breadcrumb ending with a separator; the body is still placed
    // under the line chosen among all candidates (as it always was).
    let titled = |i: usize| {
        lines.get(i).is_some_and(|l| {
            let t = l.text(input);
            !meta::is_widget_or_caption(t, lex) && meta::breadcrumb_tail(t) != Some("")
        })
    };
    if candidates.len() <= 1 {
        let first = candidates.first().copied();
        return (first, first.filter(|&i| titled(i)));
    }
    let stop_bit = lang.map_or(0, |k| 1u64 << k);
    let mut body_words: std::collections::HashSet<Cow<'_, str>, lexicon::FastBuild> = std::collections::HashSet::default();
    for l in lines.iter().take(b.min(a + TITLE_BODY_LINES) + 1).skip(a) {
        body_words.extend(content_words(l.text(input), lex, stop_bit));
    }
    let repeated = |i: usize, t: &str| lines.iter().enumerate().any(|(j, o)| j != i && o.text(input).ends_with(t));
    let mut best: Option<(f32, usize)> = None;
    let mut best_titled: Option<(f32, usize)> = None;
    let mut titled_rank = 0usize;
    for (rank, &i) in candidates.iter().enumerate() {
        let Some(l) = lines.get(i) else { continue };
        let t = l.text(input);
        let t = meta::title_prefix_date(t).and_then(|(_, s)| t.get(s..)).unwrap_or(t);
        let (mut words, mut found) = (0usize, 0usize);
        for w in content_words(t, lex, stop_bit) {
            words += 1;
            found += usize::from(body_words.contains(w.as_ref()));
        }
        let overlap = if words == 0 { 0.0 } else { found as f32 / words as f32 };
        let base = 2.0 * overlap + if repeated(i, t) { 1.0 } else { 0.0 };
        let score = base - 0.15 * rank as f32;
        if !best.is_some_and(|(s, _)| score <= s) {
            best = Some((score, i));
        }
        if titled(i) {
            // Ranked among the candidates left.
            let score = base - 0.15 * titled_rank as f32;
            titled_rank += 1;
            if !best_titled.is_some_and(|(s, _)| score <= s) {
                best_titled = Some((score, i));
            }
        }
    }
    (best.map(|(_, i)| i), best_titled.map(|(_, i)| i))
}

/// True when `text`, past a date printed before a headline ("date 2025-06
/// Le Kremlin…"), opens with a word all in lower case (see
/// `meta::opens_lower`): no headline.
fn opens_lower_unprefixed(text: &str) -> bool {
    let t = meta::title_prefix_date(text).and_then(|(_, s)| text.get(s..)).unwrap_or(text);
    meta::opens_lower(t)
}

/// The content words of `text` for [`find_title`]: runs of letters and
/// digits of 3+ characters, not all digits, lower-cased (borrowed when
/// they already are), not stop words of the page language (`stop_bit`).
fn content_words<'t>(text: &'t str, lex: &'t Lexicon, stop_bit: u64) -> impl Iterator<Item = Cow<'t, str>> + 't {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().nth(2).is_some() && !w.chars().all(|c| c.is_ascii_digit()))
        .map(|w| if w.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) { Cow::Owned(w.to_lowercase()) } else { Cow::Borrowed(w) })
        .filter(move |w| stop_bit == 0 || lex.stop_mask(w) & stop_bit == 0)
}

/// Most headline candidates looked at.
const TITLE_CANDIDATES: usize = 6;
/// Lines at the start of the body whose words a headline is compared with.
const TITLE_BODY_LINES: usize = 15;

/// Copies the kept lines into the clean text, one paragraph each.
fn build_text(input: &str, lines: &[Line], keep: &[bool]) -> (String, dossier_text::OffsetMap) {
    let mut b = TextBuilder::new();
    let mut prev_end: Option<usize> = None;
    for (l, _) in lines.iter().zip(keep).filter(|(_, k)| **k) {
        if let Some(pe) = prev_end {
            b.push_rewritten("\n\n", pe, l.start.saturating_sub(pe));
        }
        b.push_copied(l.text(input), l.start);
        prev_end = Some(l.end);
    }
    b.trim_end();
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_document::Precision;

    #[test]
    fn a_paragraph_ending_with_the_headline_is_kept() {
        assert!(quotes_headline("McKinley said that "));
        assert!(!quotes_headline("Accueil > Politique > "));
        assert!(!quotes_headline("Accueil›Politique› "));
        assert!(!quotes_headline("Le maire : "));
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let head = "« 53 millions par semaine passent la frontière »";
        let quoting = format!("Lors de sa visite à la frontière, le député de la région a affirmé lundi soir devant la presse locale, sans citer de source, que {head}");
        let input = format!("Accueil > Vérification > {head}\n{head}\n{}{quoting}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some(head));
        assert!(e.text.contains(&quoting), "{}", e.text);
        assert!(!e.text.contains("Accueil"), "{}", e.text);
    }

    #[test]
    fn a_long_german_heading_of_function_words_is_a_heading() {
        // "was", "mal", "etwas" are German function words too: a heading of
        // seven words needs one to count as the article's own short text.
        let input = "Topinambur im eigenen Garten anbauen\n\n\
            Topinambur ist eine robuste Pflanze, die in fast jedem Garten gedeiht und im Herbst reichlich Knollen liefert, die man roh oder gekocht essen kann.\n\n\
            Tipp 3: Mal was anderes – unbekannte Topinambur-Sorten ausprobieren\n\n\
            Neben den bekannten Sorten gibt es viele seltene Züchtungen, die sich in Farbe, Form und Geschmack deutlich unterscheiden und im Beet eine gute Figur machen.\n";
        assert!(extract(input).text.contains("Tipp 3: Mal was anderes"));
    }

    #[test]
    fn empty_and_blank_inputs() {
        for input in ["", "\n\n", "   \u{a0}\n", "-\n-\n"] {
            let e = extract(input);
            assert_eq!(e.text, "");
            assert!(e.metadata.title.is_none());
        }
    }

    #[test]
    fn a_caption_printed_twice_is_kept_once_without_its_credit() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let cap = "Le maire de la ville inaugure le nouveau pont sur la rivière, lundi matin.";
        for second in [cap.to_string(), format!("{cap} © Jean Dupont")] {
            let input = format!("Titre de l'article sur le pont\n{}{cap}\n{second}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
            let e = extract(&input);
            assert_eq!(e.text.matches(cap).count(), 1, "{}", e.text);
            assert!(!e.text.contains("Dupont"), "{}", e.text);
        }
    }

    #[test]
    fn a_caption_without_end_mark_printed_twice_after_the_lede_is_kept_once() {
        // An image's alternative text and caption (no end mark) right
        // after the first paragraph, then its credit: the caption once.
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let cap = "Le maire de la ville inaugure le nouveau pont sur la rivière, le 3 mars 2024 à Lyon";
        let input = format!("Accueil\nUn nouveau pont sur la rivière\n{}{cap}\n{cap}\nafp.com/Jean Dupont\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert_eq!(e.text.matches(cap).count(), 1, "{}", e.text);
        assert!(e.text.contains(&format!("mots.\n\n{cap}\n\nDeuxième")), "{}", e.text);
        // With its credit on the same line, it stays out.
        let credited = format!("{cap} REUTERS/Jean Dupont");
        let input = format!("Accueil\nUn nouveau pont sur la rivière\n{}{credited}\n{credited}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert!(!e.text.contains("REUTERS"), "{}", e.text);
    }

    #[test]
    fn a_caption_naming_its_painter_is_no_byline() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let cap = "Jean Jaurès à l'Assemblée, par Jean Veber";
        let input = format!("Prendre la parole\n{}{cap}\n{cap}• Crédits : Getty\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert!(e.metadata.authors.is_empty(), "{:?}", e.metadata.authors);
        assert_eq!(e.text.matches(cap).count(), 1, "{}", e.text);
    }

    #[test]
    fn a_standfirst_printed_twice_is_kept_once() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let lede = "Les bulletins nuls racontent de drôles de choses sur les électeurs";
        let first = "Faut-il compter le vote blanc parmi les suffrages exprimés lors des élections, demandent ses partisans chaque année ?\n";
        let input = format!("Accueil\nFaut-il compter le vote blanc ?\n{lede}\nPartager\nÉcouter\n{lede}\n{first}{}{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert_eq!(e.text.matches(lede).count(), 1, "{}\n{:?}", e.text, e.metadata.title);
        assert!(e.text.starts_with(lede), "{}", e.text);
        assert_eq!(e.metadata.title.map(|t| t.value).as_deref(), Some("Faut-il compter le vote blanc ?"));
        // A telegraphic line printed twice (another article's headline) is
        // no standfirst.
        let other = "Crash d'hélicoptère en Afghanistan : deux militaires américains tués";
        let input = format!("Accueil\nFaut-il compter le vote blanc ?\n{other}\nPartager\n{other}\n{first}{}{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert!(!e.text.contains(other), "{}", e.text);
    }

    #[test]
    fn a_line_opening_in_lower_case_is_no_headline() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let input = format!("Accueil\nLe gouvernement accuse le port de fomenter le conflit\net profitez de notre journal sans limites\n{}{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert_eq!(e.metadata.title.map(|t| t.value).as_deref(), Some("Le gouvernement accuse le port de fomenter le conflit"));
        assert!(meta::opens_lower("y disfrutá de El País sin límites."));
        assert!(!meta::opens_lower("iPhone 15 : Apple baisse ses prix"));
    }

    #[test]
    fn keeps_body_drops_chrome_and_maps_offsets() {
        let input = "Menu\nAccueil\n\nLe gouvernement annonce une réforme des retraites\n\
            Par Jean Dupont\n\
            Le gouvernement a présenté mardi une réforme des retraites qui repousse l'âge légal de départ.\n\n\
            Les syndicats ont immédiatement appelé à une journée de grève dans toute la France.\n\
            - Publicité-\n\
            Une réforme contestée\n\
            Selon un sondage publié dimanche, une majorité de Français est opposée au projet du gouvernement.\n\
            À lire aussi\n-\nLe prix de l'essence flambe\n-\nUn incendie ravage une forêt\n";
        let e = extract(input);
        assert_eq!(
            e.text,
            "Le gouvernement a présenté mardi une réforme des retraites qui repousse l'âge légal de départ.\n\n\
             Les syndicats ont immédiatement appelé à une journée de grève dans toute la France.\n\n\
             Une réforme contestée\n\n\
             Selon un sondage publié dimanche, une majorité de Français est opposée au projet du gouvernement."
        );
        assert_eq!(e.metadata.title.as_ref().unwrap().value, "Le gouvernement annonce une réforme des retraites");
        assert_eq!(e.metadata.authors.len(), 1);
        assert_eq!(e.metadata.authors[0].value, "Jean Dupont");
        for (i, c) in e.text.char_indices().filter(|(_, c)| *c != '\n') {
            let r = e.offsets.to_raw(i).unwrap();
            assert_eq!(input[r..].chars().next(), Some(c));
        }
    }

    #[test]
    fn list_introduced_by_the_last_paragraph_stays() {
        let input = "Accueil\nUne prime pour les salariés\n\
            Le gouvernement a présenté mardi une série de mesures destinées aux salariés les plus modestes.\n\
            Le ministre du Travail a détaillé devant la presse les deux mesures principales du texte :\n\
            • une prime de fin d'année\n\
            • deux jours de congé\n\
            • Accueil\n• Contact\n• Mentions légales\n";
        let e = extract(input);
        assert!(e.text.ends_with("du texte :\n\n• une prime de fin d'année\n\n• deux jours de congé"), "{}", e.text);
    }

    #[test]
    fn a_colon_sentence_after_the_closing_list_announces_its_figures() {
        let input = "Accueil\nUne caisse de grève pour les salariés\n\
            La caisse de grève a pour but de soutenir les salariés en grève reconductible dans tout le pays.\n\
            Elle est cogérée avec plusieurs syndicats et se distingue par les caractéristiques suivantes :\n\
            • une caisse transparente, qui associe les donateurs aux critères de distribution des dons.\n\
            • une caisse qui délivre la solidarité financière sous quarante-huit heures aux grévistes.\n\
            Point d’étape au 12 janvier 2020 à 11h :\n\
            MONTANT TOTAL COLLECTÉ DEPUIS LE 5 DÉC. 2019\n\
            2 235 010 EUROS\n\
            MERCI DE VOTRE AIDE\n\
            ━━━━━━━━━━━━━━━━━━━━\n\
            Faire un don en ligne :\n\
            https://www.exemple.fr/pot\n";
        let e = extract(input);
        assert!(e.text.ends_with("à 11h :\n\nMONTANT TOTAL COLLECTÉ DEPUIS LE 5 DÉC. 2019\n\n2 235 010 EUROS\n\nMERCI DE VOTRE AIDE"), "{}", e.text);
    }

    #[test]
    fn comments_after_the_article_are_left_out() {
        let input = "Un incendie ravage une forêt du Var\n12 commentaires\n\
            Un incendie a détruit mardi plus de deux cents hectares de forêt dans le département du Var.\n\
            Les pompiers ont mobilisé plusieurs centaines d'hommes et des avions pour contenir le feu.\n\
            12 commentaires\n\
            Jean75\n\
            c'est toujours la même chose chaque été, personne ne fait rien pour entretenir les forêts.\n\
            Marie\n\
            Merci aux pompiers pour leur courage, ils font un travail remarquable dans des conditions difficiles.\n";
        let e = extract(input);
        assert!(e.text.starts_with("Un incendie a détruit"), "{}", e.text);
        assert!(e.text.ends_with("pour contenir le feu."), "{}", e.text);
    }

    #[test]
    fn first_story_of_a_stream_of_articles_is_chosen() {
        // The page's story, then the next one loaded below it under the
        // same template ("Nacionales", "Foto 1 de 1"): the longer second
        // story does not win over the page's own.
        let para = "Le tribunal a entendu pendant toute la journée les témoins cités par la défense et par l'accusation, qui ont décrit les faits avec précision.";
        let related: String = (1..=25).map(|k| format!("Titre numéro {k} d'une autre rubrique\n")).collect();
        let input = format!(
            "Nacionales\n6 mai 2022\nBénédiction des véhicules ce samedi\nFoto 1 de 1\nLa bénédiction aura lieu demain.\n\
             Les frères capucins organisent samedi la bénédiction annuelle des véhicules devant leur église, de six heures du matin à vingt et une heures du soir.\n\
             Il s'agit de la vingtième édition de cette fête, qui veut remercier pour les moyens de transport qui permettent de travailler et de rendre visite aux siens.\n\
             Une image du saint patron et les dix commandements du conducteur seront remis à chaque participant à la fin de la cérémonie, comme les années passées.\n\
             Les organisateurs attendent plusieurs milliers de véhicules, des motos aux camions, et demandent aux conducteurs de suivre les consignes des bénévoles.\n\
             Étiquettes :\nautos\nLire aussi\n{related}Nacionales\n5 mai 2022\nLe procureur général défend son bilan\nFoto 1 de 1\nLe procureur général.\n\
             {para}\n{para} Ils ont parlé longtemps.\n{para} La salle était pleine.\n{para} Le verdict est attendu.\n{para} Les avocats ont plaidé.\n{para} Le juge a conclu.\n\
             {para} La presse était là.\n{para} Le public a applaudi.\n"
        );
        let e = extract(&input);
        assert!(e.text.contains("Les frères capucins"), "{}", e.text);
        assert!(!e.text.contains("Le tribunal"), "{}", e.text);
    }

    #[test]
    fn a_comment_count_under_the_date_heads_no_thread() {
        // The count printed with the date above the article does not end
        // the article's candidates there: the article is chosen, not the
        // standfirst above the count.
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let lede = "Taxer les entrées de capitaux vaut bien mieux que d'imposer des droits de douane pour rééquilibrer le commerce extérieur : cela s'attaque aux causes des déséquilibres, rend l'investissement plus productif et protège l'emploi.";
        let mut body = String::new();
        for n in ["Premier", "Deuxième", "Troisième", "Quatrième", "Cinquième", "Sixième", "Septième", "Huitième"] {
            body.push_str(&para(n));
        }
        let input = format!("Accueil\nWashington devrait taxer les entrées de capitaux\n• Michel Dupont\n{lede}\n• 6 août 2019\nCommentaires (79)\nRééquilibrer par l'investissement\n{body}");
        let e = extract(&input);
        assert!(e.text.contains("Huitième paragraphe"), "{}", e.text);
        // Nor with a share bar's icons between the date and the count
        // ("View" then "comments": a link printed on two lines).
        let shared = input.replace("• 6 août 2019\nCommentaires (79)\n", "• 6 août 2019\n•\n•\n• e-mail\n•\nVoir\nCommentaires (79)\n");
        let e = extract(&shared);
        assert!(e.text.contains("Huitième paragraphe"), "{}", e.text);
        // Without a date line above it, the count heads the thread.
        let input = input.replace("• 6 août 2019\n", "");
        let e = extract(&input);
        assert!(!e.text.contains("Huitième paragraphe"), "{}", e.text);
    }

    #[test]
    fn short_article_before_a_possessive_comment_heading_is_chosen() {
        // "Tous vos commentaires (3)" heads the thread (a data-file cue):
        // the short article before it wins over the longer thread.
        let long = "Je ne suis pas du tout d'accord avec cette chronique, elle oublie que la fraude fiscale coûte des milliards chaque année à l'État et donc à nous tous.";
        let input = format!(
            "Didier Porte souhaite la santé à Balkany\n\
             Figure-toi, mon lascar, que la fraude fiscale et la prise illégale d'intérêts sont un art de vivre qui se perd.\n\
             Au lieu d'en réprimer la pratique, on devrait au contraire en cultiver le souvenir et en perpétuer les savoir-faire.\n\
             Tous vos commentaires (3)\n\
             # Le 17 juillet à 22:09, par Horus\n{long}\n\
             # Le 3 juillet à 16:55, par voltaire\n{long} Et ce n'est pas fini.\n\
             # Le 3 juillet à 00:09, par Lepayste\n{long} Vraiment pas.\n\
             # Le 2 juillet à 08:19, par Gérard\n{long} Quelle honte.\n"
        );
        let e = extract(&input);
        assert!(e.text.starts_with("Figure-toi"), "{}", e.text);
        assert!(e.text.ends_with("les savoir-faire."), "{}", e.text);
    }

    #[test]
    fn subscription_line_is_never_the_headline() {
        let input = "Je m’abonne dès 2,99€/mois\n\
            En vidéo : voilà à quoi ressemblent les tunnels du Hamas\n\
            Publié le 27 octobre 2023 à 15h01\n\
            Les autorités israéliennes disent préparer une offensive terrestre dans la bande de Gaza pour éradiquer le Hamas.\n\
            Sous la surface de ce territoire très densément peuplé, un deuxième étage est creusé depuis des années.\n";
        let e = extract(input);
        assert_eq!(e.metadata.title.as_ref().unwrap().value, "En vidéo : voilà à quoi ressemblent les tunnels du Hamas");
        let input = input.replace("En vidéo : voilà à quoi ressemblent les tunnels du Hamas\n", "");
        assert!(extract(&input).metadata.title.is_none());
    }

    #[test]
    fn consent_banner_does_not_win_over_the_article() {
        let banner = "Nous utilisons les témoins de navigation (cookies) afin d'opérer et d'améliorer nos services ainsi qu'à des fins publicitaires. Le respect de votre vie privée est important pour nous. Si vous n'êtes pas à l'aise avec l'utilisation de ces informations, veuillez revoir vos paramètres avant de poursuivre votre visite.";
        let menu: String = (0..14).map(|i| format!("• Rubrique {i}\n")).collect();
        let body = "L'agence responsable du transport de milliers d'élèves indique que ses autobus ne retourneront pas sur les routes avant la mi-septembre.\n\
            Elle dit qu'elle doit s'adapter à des changements de dernière minute en lien avec la pandémie de COVID-19.\n\
            Parmi les détails à confirmer, on retrouve le nombre d'élèves qui n'auront pas besoin du transport scolaire.\n\
            Cette annonce ne concerne que les élèves des deux conseils scolaires anglophones qui voyagent en autobus jaunes.\n\
            La directrice générale de l'agence a souligné qu'avoir moins d'élèves veut habituellement dire moins d'autobus.\n\
            Selon un sondage en ligne réalisé par l'organisation, des milliers d'élèves ne prendront pas l'autobus cette année.\n\
            L'agence veut également regrouper les frères et sœurs dans le même banc pour sauver de l'espace dans les véhicules.\n";
        let input = format!("{banner}\nICI Radio\n{banner}\n{menu}{body}");
        let e = extract(&input);
        assert!(e.text.starts_with("L'agence responsable"), "{}", e.text);
        assert!(!e.text.contains("cookies"), "{}", e.text);
    }

    #[test]
    fn title_prefix_date_is_the_publication_date() {
        let input = " date 2025-06 Le Kremlin veut renforcer ses liens avec l'Afrique\n\n\
            Le Kremlin a dit lundi vouloir renforcer ses liens militaires avec l'Afrique, selon son porte-parole.\n\n\
            Il n'a toutefois pas directement commenté le départ de l'organisation paramilitaire du pays.\n";
        let e = extract(input);
        assert_eq!(e.metadata.title.as_ref().unwrap().value, "Le Kremlin veut renforcer ses liens avec l'Afrique");
        let p = e.metadata.published.unwrap();
        assert_eq!((p.value.as_str(), p.precision, p.evidence.as_str()), ("2025-06", Precision::Month, "date 2025-06"));
        assert!(!e.text.contains("date 2025-06"));
    }

    #[test]
    fn dateline_and_byline_with_date() {
        let input = "Menu\n\nVisite officielle du président en Russie\n\n\
            MOSCOU – 23 juin 2025 – Le président de la transition est arrivé dimanche à Moscou pour une visite officielle.\n\n\
            Rédigé par Kamalenba le Lundi 23 Juin 2025 à 00:53\n\n\
            Il doit s'entretenir avec plusieurs hauts responsables russes au cours de cette visite de trois jours.\n";
        let e = extract(input);
        assert_eq!(e.metadata.dateline.as_ref().unwrap().value, "MOSCOU");
        assert_eq!(e.metadata.authors[0].value, "Kamalenba");
        assert!(e.text.starts_with("MOSCOU – 23 juin 2025 – Le président"));
        assert!(!e.text.contains("Rédigé"));
        if let Some(p) = e.metadata.published {
            // Depends on dossier_dates reading the byline date.
            assert_eq!(p.value, "2025-06-23T00:53");
            assert_eq!(p.precision, Precision::Minute);
        }
    }

    #[test]
    fn agency_is_never_an_author() {
        let input = "Un accord signé à Bamako\nPar AFP\n\
            Le gouvernement malien a signé lundi un accord de coopération avec plusieurs pays de la région.\n\
            Le texte prévoit notamment des patrouilles communes le long des frontières du pays.\n";
        let e = extract(input);
        assert!(e.metadata.authors.is_empty());
        assert_eq!(e.metadata.title.unwrap().value, "Un accord signé à Bamako");
    }

    #[test]
    fn embedded_post_is_quoted_but_not_metadata() {
        // The post's text and signature stay in the text, even quoted last;
        // its date is not the article's, its author not the byline.
        let input = "Accueil\nLa pollution de l'air atteint un record à Delhi\nPar Jeanne Martin\n\
            Un nuage de fumée et de poussière doit retomber cette semaine sur les vingt millions d'habitants de Delhi.\n\
            Le ministre en chef de la ville a réagi sur Twitter le mois dernier en des termes très vifs :\n\
            Delhi est devenue une chambre à gaz\n\
            Nous distribuons des masques dans les écoles pic.twitter.com/abc\n\
            — Arvind Kejriwal (@ArvindKejriwal) November 1, 2019\n\
            Partager\n• Facebook\n• Twitter\n";
        let e = extract(input);
        assert!(e.text.ends_with("— Arvind Kejriwal (@ArvindKejriwal) November 1, 2019"), "{}", e.text);
        assert!(e.text.contains("\n\nDelhi est devenue une chambre à gaz\n\n"), "{}", e.text);
        assert!(e.metadata.published.is_none(), "{:?}", e.metadata.published);
        assert_eq!(e.metadata.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), ["Jeanne Martin"]);
    }

    #[test]
    fn embedded_page_post_with_its_network_signature_is_quoted() {
        // A social network's embed: the post's text, then "Publiée par
        // <page> sur <date>", between two paragraphs.
        let input = "Accueil\nLa mairie lance une collecte de jouets\nPar Jeanne Martin\n\
            La mairie de Villeneuve lance une grande collecte de jouets pour les enfants des familles les plus modestes de la commune.\n\
            Les dons peuvent être déposés à l'accueil de l'hôtel de ville jusqu'au 15 décembre, aux heures d'ouverture habituelles.\n\
            Noël solidaire #Villeneuve Déposez vos jouets en mairie !https://www.villeneuve.example/collecte\n\
            Publiée par Ville de Villeneuve sur Lundi 2 décembre 2019\n\
            Les jouets seront ensuite triés par les bénévoles du centre social puis distribués lors d'un goûter organisé le 20 décembre.\n\
            Partager\n• Facebook\n• Twitter\n";
        let e = extract(input);
        assert!(e.text.contains("modestes de la commune.\n\nLes dons") && e.text.contains("habituelles.\n\nNoël solidaire"), "{}", e.text);
        assert!(e.text.contains("\n\nPubliée par Ville de Villeneuve sur Lundi 2 décembre 2019\n\nLes jouets"), "{}", e.text);
        assert_eq!(e.metadata.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), ["Jeanne Martin"]);
        // The same post after a long list that ends the region: the
        // paragraphs after the list are kept, and so is the post among them.
        let mut input = String::from("Accueil\nLa mairie lance une collecte de jouets\n\
            La mairie de Villeneuve lance une grande collecte de jouets pour les enfants des familles les plus modestes de la commune.\n\
            Les bénévoles recherchent en particulier des jouets neufs ou en très bon état, parmi lesquels :\n");
        for item in ["jeux de société", "livres illustrés", "poupées et peluches", "voitures miniatures", "jeux de construction", "puzzles complets", "instruments de musique", "ballons,", "déguisements", "etc…"] {
            input.push_str(&format!("• {item}\n"));
        }
        input.push_str("Les dons peuvent être déposés à l'accueil de l'hôtel de ville jusqu'au 15 décembre, aux heures d'ouverture habituelles.\n\
            Noël solidaire #Villeneuve Déposez vos jouets en mairie !https://www.villeneuve.example/collecte\n\
            Publiée par Ville de Villeneuve sur Lundi 2 décembre 2019\n\
            Les jouets seront ensuite triés par les bénévoles du centre social puis distribués lors d'un goûter organisé le 20 décembre.\n\
            Partager\n• Facebook\n• Twitter\n");
        let e = extract(&input);
        assert!(e.text.contains("habituelles.\n\nNoël solidaire #Villeneuve"), "{}", e.text);
        assert!(e.text.ends_with("Publiée par Ville de Villeneuve sur Lundi 2 décembre 2019\n\nLes jouets seront ensuite triés par les bénévoles du centre social puis distribués lors d'un goûter organisé le 20 décembre."), "{}", e.text);
    }

    #[test]
    fn long_heading_in_capitals_of_an_article_headed_in_capitals() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let long = "LA LENTE TRANSFORMATION DES QUARTIERS NORD DE LA VILLE DEPUIS DIX ANS";
        let mut input = String::from("Accueil\nLa ville change de visage\n");
        for (i, h) in ["UN CHANTIER SANS FIN", "LES HABITANTS PARTAGÉS", long, "ET APRÈS ?"].iter().enumerate() {
            input.push_str(&para(&format!("Premier {i}")));
            input.push_str(&para(&format!("Deuxième {i}")));
            input.push_str(&format!("{h}\n"));
        }
        input.push_str(&para("Dernier"));
        let e = extract(&input);
        assert!(e.text.contains(&format!("mots.\n\n{long}\n\nPremier 3")), "{}", e.text);
        // Alone in capitals, a long line between paragraphs is a call or
        // another article's headline.
        let input = format!("Accueil\nLa ville change de visage\n{}{}{long}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"), para("Quatrième"));
        let e = extract(&input);
        assert!(!e.text.contains(long), "{}", e.text);
    }

    #[test]
    fn a_heading_ending_with_a_date_inside_the_body_is_text() {
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable, avec des virgules et des mots.\n");
        let heading = "Communiqué de presse du collectif - 12 juin 2019";
        let input = format!("Accueil\nLe collectif demande la libération du militant\njeudi 13 juin 2019\n{}{heading}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert!(e.text.contains(&format!("mots.\n\n{heading}\n\nDeuxième")), "{}", e.text);
        assert_eq!(e.metadata.published.as_ref().map(|p| p.value.as_str()), Some("2019-06-13"));
        // Words after the date: a signature or a comment's stamp, metadata.
        let stamp = "Communiqué du collectif - 12 juin 2019 - Répondre";
        let input = format!("Accueil\nLe collectif demande la libération du militant\njeudi 13 juin 2019\n{}{stamp}\n{}{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let e = extract(&input);
        assert!(!e.text.contains(stamp), "{}", e.text);
    }

    #[test]
    fn a_subscription_call_is_no_headline() {
        // "S'abonner …", printed twice (header and box) and echoed by a
        // promotion inside the article, is a call, not the headline.
        let input = "S'abonner - 1 mois offert\nActualité\nS'abonner - 1 mois offert\n• Sport\n\
            Rugby : le XV de France domine l'Écosse et reste invaincu\n\
            Le XV de France a dominé l'Écosse samedi au Stade de France et reste invaincu dans le Tournoi après trois journées.\n\
            Offre spéciale : 1 mois offert pour tout abonnement\n\
            Les Bleus ont inscrit trois essais en première période avant de gérer leur avance jusqu'au coup de sifflet final.\n\
            L'Écosse, qui restait sur deux victoires, n'a jamais trouvé la faille dans une défense française très disciplinée.\n";
        let e = extract(input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some("Rugby : le XV de France domine l'Écosse et reste invaincu"));
    }

    #[test]
    fn short_introducer_and_short_sentence_between_kept_lines() {
        let input = "Accueil\nComment bâtir une entreprise en ligne\n\
            Votre site vit dans son propre coin d'internet, et les moteurs de recherche le trouvent dès sa mise en ligne, puis les lecteurs arrivent un par un et reviennent quand ce qu'ils y trouvent leur sert vraiment.\n\
            Réfléchissez-y bien :\n\
            • les lecteurs découvrent votre site\n\
            • la relation avec eux grandit jour après jour\n\
            Êtes-vous prêt à vous lancer ?\n\
            Plus vite vous créez votre entreprise en ligne, plus vite ces avantages s'accumulent pour vous et vos clients, et plus tôt vous saurez ce qui marche et ce qu'il vaut mieux laisser de côté.\n\
            Menu\n• Accueil\n• Contact\n";
        let e = extract(input);
        assert!(e.text.contains("Réfléchissez-y bien :\n\n• les lecteurs découvrent votre site\n\n• la relation avec eux grandit jour après jour\n\nÊtes-vous prêt"), "{}", e.text);
        assert!(!e.text.contains("Contact"), "{}", e.text);
    }

    #[test]
    fn list_after_a_short_introducer() {
        // The introducer follows a kept caption, not a paragraph; a list of
        // recommended links after the article stays out.
        let input = "Accueil\nComment bâtir une entreprise en ligne\n\
            Votre site vit dans son propre coin d'internet, et les moteurs de recherche le trouvent dès sa mise en ligne, puis les lecteurs arrivent un par un et reviennent quand ce qu'ils y trouvent leur sert vraiment.\n\
            Les premiers mois sont les plus durs : il faut écrire, corriger, publier encore et encore, sans savoir si quelqu'un lira ces pages, et garder le cap quand les chiffres ne bougent pas.\n\
            Un entrepreneur devant son ordinateur, à Paris.\n\
            Retenez trois choses :\n\
            • commencer petit et publier souvent\n\
            • écouter les lecteurs\n\
            • mesurer ce qui marche\n\
            Plus vite vous créez votre entreprise en ligne, plus vite ces avantages s'accumulent pour vous et vos clients, et plus tôt vous saurez ce qui marche et ce qu'il vaut mieux laisser de côté.\n\
            Le reste viendra avec le temps : les premiers clients en amènent d'autres, les erreurs apprennent plus que les réussites, et chaque mois compte un peu plus que le précédent.\n\
            La rédaction vous conseille :\n\
            • Quand les soins du ventre apaisent le cerveau\n\
            • Que manger un lendemain de soirée arrosée ?\n\
            Menu\n• Accueil\n• Contact\n";
        let e = extract(input);
        assert!(e.text.contains("à Paris.\n\nRetenez trois choses :\n\n• commencer petit et publier souvent\n\n• écouter les lecteurs\n\n• mesurer ce qui marche\n\nPlus vite"), "{}", e.text);
        assert!(e.text.ends_with("que le précédent."), "{}", e.text);
    }

    #[test]
    fn date_line_with_publication_and_update_cues() {
        let input = "Menu\nManchester United rate la marche, Arsenal revit\nPar AFP\npublié le 26/12/2020 à 21:00 , mis à jour à 21:00\n\
            Manchester United a raté l'occasion de prendre la deuxième place au classement en ne faisant qu'un nul à Leicester, samedi.\n\
            Arsenal a prouvé qu'il pouvait redresser la tête avec un succès probant contre Chelsea, le premier depuis des semaines.\n";
        let e = extract(input);
        assert_eq!(e.metadata.published.as_ref().map(|p| p.value.as_str()), Some("2020-12-26T21:00"));
        assert!(!e.text.contains("publié"), "{}", e.text);
    }

    #[test]
    fn the_date_under_the_headline_wins_over_the_header_date() {
        // The site's header prints today's date above the headline; the
        // article's date is under it.
        let body = "Le tribunal d'appel a confirmé lundi la condamnation de l'ancien ministre pour corruption.\n\
            La défense a annoncé qu'elle se pourvoirait en cassation dans les prochains jours.\n";
        let input = format!("Menu\nMercredi 6 mai 2022\nLe tribunal confirme la condamnation de l'ancien ministre\n5 mai 2022\n{body}");
        let e = extract(&input);
        assert_eq!(e.metadata.published.as_ref().map(|p| p.value.as_str()), Some("2022-05-05"));
        // Not a less precise date under it (two dates glued into a month).
        let input = format!("Menu\n6 mai 2022\nLe tribunal confirme la condamnation de l'ancien ministre\nmai 2022\n{body}");
        let e = extract(&input);
        assert_eq!(e.metadata.published.as_ref().map(|p| p.value.as_str()), Some("2022-05-06"));
    }

    #[test]
    fn the_title_is_no_caption_and_no_whole_breadcrumb() {
        let body = "Le tribunal d'appel a confirmé lundi la condamnation de l'ancien ministre pour corruption.\n\
            La défense a annoncé qu'elle se pourvoirait en cassation dans les prochains jours.\n";
        let input = format!("Menu\nLe tribunal confirme la condamnation de l'ancien ministre\nL'ancien ministre à la sortie du tribunal (Photo: Jean Dupont)\n{body}");
        let e = extract(&input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some("Le tribunal confirme la condamnation de l'ancien ministre"));
        let input = format!("Accueil / Justice / 2022 / Le tribunal confirme la condamnation\n{body}");
        let e = extract(&input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some("Le tribunal confirme la condamnation"));
    }

    #[test]
    fn headline_above_a_long_share_bar() {
        // List items (a share bar) between the date line and the body do
        // not push the headline out of the window searched for it.
        let mut input = String::from("Accueil\nSociété\nTempête Ciaran : à quoi s'attendre en Nouvelle-Aquitaine ?\nPublié le 02/11/23 à 16h33\n0 commentaire 0 partage\n");
        for site in ["Messenger", "Facebook", "Twitter", "Flipboard", "Pinterest", "Linkedin", "Mail", "WhatsApp", "Telegram", "Reddit", "Bluesky"] {
            input.push_str(&format!("• Partager sur {site}\n"));
        }
        input.push_str("Des intempéries liées à la fin de la tempête Ciaran toucheront la Nouvelle-Aquitaine dans les prochaines heures.\n\
            Jusqu'en fin de matinée vendredi, les conditions météorologiques seront réunies pour déclencher une houle de sept mètres.\n");
        let e = extract(&input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some("Tempête Ciaran : à quoi s'attendre en Nouvelle-Aquitaine ?"));
    }

    #[test]
    fn glued_role_is_not_part_of_a_name() {
        let input = "Disney+ draws millions of subscribers on its first day\nBy Meg JamesStaff Writer\n\
            The Walt Disney Co. said overwhelming consumer demand led to some problems as it rolled out the streaming service.\n\
            Subscribers complained on social media that they could not log in or that the shows they wanted were missing.\n";
        let e = extract(input);
        assert!(e.metadata.authors.iter().all(|a| !a.value.contains("JamesStaff")), "{:?}", e.metadata.authors);
    }

    #[test]
    fn cut_teasers_after_the_article_stay_out() {
        let input = "Accueil\nArsenal revit contre Chelsea\n\
            Au plus mal en championnat avant ce match, Arsenal a prouvé qu'il pouvait redresser la tête avec un succès probant contre Chelsea.\n\
            Sérieux et appliqué, mais aussi très dynamique, face à un Chelsea trop prévisible, Arsenal s'est aussi montré très réaliste.\n\
            Les plus lus\n1\nDix séries géniales dont vous n'avez jamais entendu parler\n2\n\
            Caroline Fourest : Lettre à propos de malentendus empoisonnés sur la ...\n3\n\
            VIDÉO. Covid-19 : les fêtes de fin d'année, incubateurs de la troisièm...\n";
        let e = extract(input);
        assert!(e.text.ends_with("très réaliste."), "{}", e.text);
    }

    #[test]
    fn byline_with_no_break_spaces_and_capitals() {
        let input = "Accueil\nIncendie dans une maison : cinq personnes relogées\nPar E.\u{a0}NURDIN - 05:01 - Temps de lecture :\n\
            Des flammes se sont propagées rapidement dans une chambre située au premier étage d'une maison, hier en milieu d'après-midi.\n\
            Les sapeurs-pompiers prenaient ensuite le temps de sécuriser l'endroit en évacuant les débris et matériels.\n";
        let e = extract(input);
        assert_eq!(e.metadata.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), ["E. NURDIN"]);
        assert!(e.text.starts_with("Des flammes"), "{}", e.text);
    }

    #[test]
    fn outlet_before_the_byline_cue_on_a_dated_line() {
        let input = "Accueil\nÀ Gaza, les nuits terrifiantes de la famille Shehab\nOuest-France Recueilli par Patrick ANGEVIN. Publié le 02/11/2023 à 14h49\n\
            Zakaria Shehab, 37 ans, habite à Jabalia, une localité qui jouxte la ville de Gaza, dont les soldats sont tout proches.\n\
            Le pire, c'est la nuit. On est dans le noir, on sursaute avec les explosions, c'est tellement fort.\n";
        let e = extract(input);
        assert_eq!(e.metadata.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), ["Patrick ANGEVIN"]);
        assert_eq!(e.metadata.published.as_ref().map(|p| p.value.as_str()), Some("2023-11-02T14:49"));
        assert!(e.text.starts_with("Zakaria"), "{}", e.text);
    }

    #[test]
    fn long_introduced_list_then_the_article_goes_on() {
        let mut input = String::from("Accueil\nL'hôpital lance un appel aux dons\n\
            Le centre hospitalier de la Côte basque lance un appel aux dons des entreprises et des particuliers afin de récolter du matériel.\n\
            Vous êtes une entreprise ou un particulier et vous êtes détenteur de matériels et équipements liés à l'activité médicale :\n");
        for item in ["solutions hydroalcooliques", "blouses et surblouses", "tabliers plastiques", "masques chirurgicaux et FFP2", "lingettes désinfectantes", "lunettes de protection", "thermomètres frontaux", "oxymètres,", "pièges à eau", "etc…"] {
            input.push_str(&format!("• {item}\n"));
        }
        input.push_str("Ils recherchent également du matériel informatique comme des ordinateurs portables, des tablettes et des webcams.\nMenu\n• Accueil\n• Contact\n");
        let e = extract(&input);
        assert!(e.text.ends_with("• oxymètres,\n\n• pièges à eau\n\n• etc…\n\nIls recherchent également du matériel informatique comme des ordinateurs portables, des tablettes et des webcams."), "{}", e.text);
    }

    #[test]
    fn unreadable_date_line_is_still_metadata() {
        let input = "Accueil\nL'hôpital lance un appel aux dons\nPublié le 27 Mar 20 à 9:21\n\
            Le centre hospitalier de la Côte basque lance un appel aux dons des entreprises et des particuliers afin de récolter du matériel.\n\
            Il est en flux tendu pour un certain nombre d'équipements ou de matériels liés à l'activité médicale, selon sa direction.\n";
        let e = extract(input);
        assert!(e.text.starts_with("Le centre hospitalier"), "{}", e.text);
        assert!(!e.text.contains("Publié"), "{}", e.text);
    }

    #[test]
    fn kicker_before_the_headline_is_left_out_when_the_page_repeats_it_alone() {
        let input = "• Edition La Plaine\n• Incendie dans une maison : cinq personnes relogées\nFrain Incendie dans une maison : cinq personnes relogées\n\
            Des flammes se sont propagées rapidement dans une chambre située au premier étage d'une maison, hier en milieu d'après-midi.\n\
            Les sapeurs-pompiers prenaient ensuite le temps de sécuriser l'endroit en évacuant les débris et matériels.\n";
        let e = extract(input);
        assert_eq!(e.metadata.title.as_ref().map(|t| t.value.as_str()), Some("Incendie dans une maison : cinq personnes relogées"));
    }

    #[test]
    fn paragraph_glued_to_a_read_also_pointer_is_kept() {
        let input = "Accueil\nUn imam condamné à Nîmes\n\
            Le Franco-Marocain de 32 ans, arrêté et placé en garde à vue dans la nuit de lundi à mardi, était poursuivi pour apologie du terrorisme.\n\
            À LIRE AUSSI Guerre Hamas-Israël : les images insoutenables du pogromC'est ce que viendront confirmer, tour à tour, quatre fidèles de la mosquée cités par la défense.\n\
            Mais pour l'avocate de la partie civile, le message est extrêmement clair et le dossier ne laisse aucun doute sur les intentions.\n";
        let e = extract(input);
        assert!(e.text.contains("terrorisme.\n\nC'est ce que viendront confirmer"), "{}", e.text);
        assert!(!e.text.contains("LIRE AUSSI") && !e.text.contains("pogrom"), "{}", e.text);
        // The paragraph's offsets point into the input.
        let at = e.text.find("C'est ce que").unwrap();
        let raw = e.offsets.to_raw(at).unwrap();
        assert!(input[raw..].starts_with("C'est ce que"));
    }

    #[test]
    fn a_date_cue_ends_the_byline_name() {
        let input = "The law that fuels the city's air pollution\nBy Jane Smith Updated Nov 13, 2019, 10:28am EST\n\
            Another cloud of choking smoke and dust is set to descend upon the residents of the city this week.\n\
            Forecasters warn that air quality will reach hazardous levels again before the weekend.\n";
        let e = extract(input);
        assert_eq!(e.metadata.authors.iter().map(|a| a.value.as_str()).collect::<Vec<_>>(), ["Jane Smith"]);
    }

    fn line_strategy() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop_oneof![
            Just("Le gouvernement a présenté mardi une réforme des retraites qui repousse l'âge légal.".to_string()),
            Just("The council approved the budget late on Monday after a long and heated session.".to_string()),
            Just("Par Jean Dupont le 3 mai 2024 à 10h30".to_string()),
            Just("MOSCOU – 23 juin 2025 – Le président est arrivé dimanche pour une visite officielle.".to_string()),
            Just(" date 2025-06 Un titre d'article assez long pour compter".to_string()),
            Just("-".to_string()),
            Just("\u{a0}".to_string()),
            Just(String::new()),
            "\\PC{0,60}",
            "[ \\t\\r\u{a0}\u{200b}a-zé.:|–-]{0,30}",
        ]
    }

    proptest::proptest! {
        /// On any input: no panic, clean paragraphs (trimmed, one blank line
        /// between them), every clean character maps back to the same
        /// character of the input, evidence is text of the input.
        #[test]
        fn text_invariants(lines in proptest::collection::vec(line_strategy(), 0..40)) {
            let input = lines.join("\n");
            let e = extract(&input);
            proptest::prop_assert!(!e.text.contains("\n\n\n"));
            proptest::prop_assert_eq!(e.text.trim_end(), e.text.as_str());
            for para in e.text.split("\n\n") {
                proptest::prop_assert!(!para.is_empty() || e.text.is_empty());
                proptest::prop_assert!(!para.contains('\n'));
                proptest::prop_assert_eq!(para.trim_matches(dossier_text::normalize::is_space), para);
            }
            for (i, c) in e.text.char_indices().filter(|(_, c)| *c != '\n') {
                let r = e.offsets.to_raw(i);
                proptest::prop_assert!(r.is_some());
                proptest::prop_assert_eq!(input.get(r.unwrap_or(0)..).and_then(|s| s.chars().next()), Some(c));
            }
            if let Some(t) = &e.metadata.title {
                proptest::prop_assert!(input.contains(&t.evidence));
            }
            for a in &e.metadata.authors {
                proptest::prop_assert!(input.contains(&a.evidence) && a.evidence.contains(&a.value));
            }
            if let Some(p) = &e.metadata.published {
                proptest::prop_assert!(input.contains(&p.evidence));
            }
        }
    }

    /// The hand-made dumps of tests/corpus/dumps: what each must give.
    mod corpus {
        use super::*;

        fn authors(e: &Extraction) -> Vec<&str> {
            e.metadata.authors.iter().map(|a| a.value.as_str()).collect()
        }

        #[test]
        fn french_news_with_byline_and_date_line() {
            let input = include_str!("../../../tests/corpus/dumps/fr-visite-ministre.txt");
            let e = extract(input);
            let m = &e.metadata;
            assert_eq!(m.title.as_ref().unwrap().value, "Le ministre des Affaires étrangères en visite à Dakar pour relancer la coopération");
            assert_eq!(authors(&e), vec!["Claire Martin"]);
            assert_eq!(m.published.as_ref().map(|d| d.day()), Some(Some("2024-03-12")));
            assert!(e.text.starts_with("Le chef de la diplomatie a entamé mardi"));
            assert!(e.text.contains("\n\nUn agenda chargé\n\n"));
            assert!(e.text.contains("Le ministre et son homologue lors d'une conférence de presse à Dakar, le 12 mars 2024"));
            for chrome in ["Publicité", "À lire aussi", "Sahel : les nouvelles routes", "Commentaires", "Accueil >", "Par Claire"] {
                assert!(!e.text.contains(chrome), "{chrome}");
            }
        }

        #[test]
        fn english_wire_story_with_dateline() {
            let input = include_str!("../../../tests/corpus/dumps/en-wire-dateline.txt");
            let e = extract(input);
            let m = &e.metadata;
            assert_eq!(m.title.as_ref().unwrap().value, "Central bank holds rates steady as inflation cools");
            assert_eq!(authors(&e), vec!["Jane Doe", "John Smith"]);
            assert_eq!(m.dateline.as_ref().unwrap().value, "LONDON");
            assert!(e.text.starts_with("LONDON (Reuters) - The central bank"));
            assert!(e.text.contains("\n\nMarkets react\n\n"));
            for chrome in ["Read Next", "Oil prices slip", "newsletter", "Advertisement"] {
                assert!(!e.text.contains(chrome), "{chrome}");
            }
        }

        #[test]
        fn undated_blog_post() {
            let input = include_str!("../../../tests/corpus/dumps/fr-blog-sans-date.txt");
            let e = extract(input);
            let m = &e.metadata;
            assert_eq!(m.title.as_ref().unwrap().value, "Comment réussir ses semis de tomates");
            assert!(m.authors.is_empty());
            assert!(m.published.is_none());
            assert!(e.text.starts_with("Semer ses tomates soi-même"));
            assert!(e.text.ends_with("qui intervient en une dizaine de jours."));
            assert!(!e.text.contains("cookies"));
        }

        #[test]
        fn block_announced_after_the_last_paragraph() {
            let input = "Le Journal\n\nAccueil | Politique | Culture\n\n\
                         Le conseil municipal vote le nouveau plan de circulation\n\n\
                         Le conseil municipal a adopté mardi soir le nouveau plan de circulation du centre-ville, après trois heures de débats parfois vifs entre la majorité et l'opposition.\n\n\
                         Le texte prévoit la fermeture de plusieurs rues aux voitures le week-end et la création de deux nouvelles pistes cyclables le long des quais.\n\n\
                         Le maire a défendu un projet attendu depuis longtemps par les habitants, qui se plaignent du bruit et de la pollution dans les rues commerçantes.\n\n\
                         Les rues fermées aux voitures le week-end sont les suivantes :\n\n\
                         rue de la République\n\
                         rue Victor-Hugo\n\
                         place du Marché\n\
                         quai Saint-Antoine\n\n\
                         ← Article précédent\n\
                         Article suivant →\n\n\
                         Mentions légales | Contact\n";
            let e = extract(input);
            assert!(e.text.ends_with("rue Victor-Hugo\n\nplace du Marché\n\nquai Saint-Antoine"), "{}", e.text);
            assert!(!e.text.contains("Article"));
        }

        #[test]
        fn zero_comment_count_under_the_byline() {
            let input = "Le Journal\n\nAccueil | Politique | Culture\n\n\
                         Le conseil municipal vote le nouveau plan de circulation\n\n\
                         Après trois heures de débats, la majorité a fait adopter mardi soir un plan qui change la vie du centre-ville et de ses commerces pour les dix prochaines années au moins, selon le maire et ses adjoints réunis.\n\n\
                         Par Marie Dupont | 12 mars 2024\n\n\
                         0 commentaires\n\n\
                         Partager\n\nTweeter\n\nImprimer\n\nEnvoyer\n\nS'abonner\n\nFacebook\n\nLinkedIn\n\n\
                         Le conseil municipal a adopté mardi soir le nouveau plan de circulation du centre-ville, après trois heures de débats parfois vifs entre la majorité et l'opposition.\n\n\
                         Le texte prévoit la fermeture de plusieurs rues aux voitures le week-end et la création de deux nouvelles pistes cyclables le long des quais de la ville.\n\n\
                         Le maire a défendu un projet attendu depuis longtemps par les habitants, qui se plaignent du bruit et de la pollution dans les rues commerçantes du quartier.\n\n\
                         L'opposition dénonce au contraire un plan conçu sans concertation avec les commerçants, qui craignent de perdre une partie de leur clientèle venue en voiture.\n\n\
                         Un premier bilan sera présenté au conseil municipal dans un an, a promis l'adjoint chargé des transports, qui se dit prêt à corriger le plan si nécessaire.\n\n\
                         Mentions légales | Contact\n";
            let e = extract(input);
            assert!(e.text.ends_with("qui se dit prêt à corriger le plan si nécessaire."), "{}", e.text);
        }

        #[test]
        fn article_going_on_after_a_most_read_box() {
            let input = include_str!("../../../tests/corpus/dumps/fr-box-inside-article.txt");
            let e = extract(input);
            assert!(e.text.ends_with("Les premières rues seront fermées dès le mois de mai, avant l'été."), "{}", e.text);
            for chrome in ["Les plus lus", "FAITS DIVERS", "Incendie", "SPORTS", "Mentions"] {
                assert!(!e.text.contains(chrome), "{chrome}");
            }
        }

        #[test]
        fn dated_headline_and_label_headline_pairs() {
            let input = include_str!("../../../tests/corpus/dumps/en-dated-headline.txt");
            let e = extract(input);
            let m = &e.metadata;
            assert_eq!(m.title.as_ref().unwrap().value, "City council approves new budget after marathon session");
            assert_eq!(authors(&e), vec!["Sam Lee"]);
            let p = m.published.as_ref().unwrap();
            assert_eq!((p.value.as_str(), p.evidence.as_str()), ("2024-01-15", "2024-01-15"));
            assert!(e.text.ends_with("if the economy slowed."));
            assert!(!e.text.contains("New bus lines"));
        }
    }
}

