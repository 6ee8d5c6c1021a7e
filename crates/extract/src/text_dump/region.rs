//! Line classification and the main-content region.
//!
//! A line is *prose* when it reads like running text: enough words, a
//! sentence end, a normal share of stop words (of its own language for a
//! paragraph quoted in another one between two prose lines,
//! [`foreign_paragraphs`]), no code-like chunks (a
//! long sentence may cite a few: one per eight words at most), no
//! opening "read also", subscription or consent cue, not a teaser cut by
//! "..." ("… à venir. Plus...") or by a template's spaced "…" (see
//! `Line::ellipsis`), not a list item opening with a picture's
//! placeholder ("• [image-3] Headline", a link box's teaser). Every
//! line gets a weight — positive for prose (growing with its length),
//! negative for everything else (cheaper for lines shaped like headings or
//! short sentences) — and the main region is chosen among the runs of
//! lines whose running weight stays positive (one linear pass, see
//! [`best_segment_before_comments`]).
//! Inside the region, prose is kept and the other lines are kept only when
//! they look like the article's own headings, captions or short sentences,
//! table rows between region lines ([`table_row`]), short lists between
//! kept lines ([`keep_sandwiched_lists`]), one-word headings between
//! paragraphs ([`word_heading`]) or repeated lines heading a paragraph
//! wherever they occur ([`repeated_headings`]), embedded social posts
//! with their signature ([`keep_embedded_posts`]), lists after a short
//! colon introducer ([`keep_introduced_lists`]), numbered notes
//! with their heading ([`keep_notes`]; further down when the text calls
//! them, [`keep_called_notes`]) and the short entries after the
//! time stamps of a live report ([`keep_stamped_entries`]), section breaks
//! between kept lines ([`keep_section_breaks`]); short sentences right
//! after the region are kept too ([`tail_sentences`]), and so are the
//! next items of a numbered list whose item is kept
//! ([`keep_numbered_sequence`]). Other list items,
//! repeated lines, code-like lines, "read also" lines and lone words are
//! chrome.

use super::lexicon::Lexicon;
use super::lines::Line;

/// Thresholds of the classifier, in one place.
mod limits {
    /// Fewest words of a prose line that ends like a sentence.
    pub const PROSE_WORDS: u32 = 8;
    /// Fewest words of a prose line without a sentence end.
    pub const LONG_WORDS: u32 = 25;
    /// Fewest words of a question counted as prose when it is a single
    /// sentence (shorter ones read like headlines).
    pub const QUESTION_WORDS: u32 = 15;
    /// Least share of stop words in prose, when the language is known.
    pub const PROSE_STOPS: f32 = 0.15;
    /// Least share of stop words in a long line without a sentence end.
    pub const LONG_STOPS: f32 = 0.2;
    /// Most words of a heading.
    pub const HEADING_WORDS: u32 = 20;
    /// Fewest words of a line ending with a full stop that is prose even
    /// when most of its words are capitalised (names).
    pub const NAMED_SENTENCE_WORDS: u32 = 15;
    /// Most characters of a non-prose line kept inside the region.
    pub const MINOR_CHARS: u32 = 300;
}

/// True when the line reads like running text.
pub(crate) fn is_prose(l: &Line, lang_known: bool) -> bool {
    // A line opening with a "read also", subscription or consent cue is
    // never kept, so it does not pull the region either, however long.
    let stops_ok = |min: f32| !lang_known || l.stop_ratio() >= min;
    // A long sentence with a normal share of stop words may cite a few
    // identifiers, addresses or formulas ("n=1.787", "Student_innen", a
    // URL) without being code: there, only the share of odd chunks counts
    // (see `Line::code_like`).
    let long_text = l.words >= limits::LONG_WORDS && l.terminal() && stops_ok(limits::LONG_STOPS) && l.odd * 8 <= l.words;
    // A list item opening with a picture's placeholder is a link box's
    // teaser, however long its headline (see `Line::picture_item`).
    if l.bare || l.chrome_cue || l.code_like() && !long_text || l.repeats > 2 || l.picture_item {
        return false;
    }
    // A teaser cut short ("… sur la ...") in a list of headlines, or
    // ending with its "more" link ("… à venir. Plus...").
    if l.cut_teaser || l.ellipsis && l.inner_stops == 0 && l.words < limits::LONG_WORDS {
        return false;
    }
    if l.words >= limits::LONG_WORDS && stops_ok(limits::LONG_STOPS) {
        return true;
    }
    if l.words < limits::PROSE_WORDS || !l.terminal() || !stops_ok(limits::PROSE_STOPS) {
        return false;
    }
    // A single short question reads like a headline ("Qui est le
    // favori ?"); an exclamation of as many words is a sentence of the
    // text ("Crowds of people came to the opening ceremony!").
    if l.last == '?' && l.inner_stops == 0 && l.words < limits::QUESTION_WORDS {
        return false;
    }
    // Mostly capitalised words: a headline in title case or a name list
    // (a long line ending with a full stop is a sentence full of names:
    // a headline or a list does not end so).
    l.capitalised * 2 <= l.words + 1 || l.last == '.' && l.words >= limits::NAMED_SENTENCE_WORDS
}

/// Marks as prose a paragraph quoted in another language between two
/// prose lines (a speech or a post left untranslated): a line that is not
/// prose by the page language's stop words, has more stop words of
/// another language, and reads as prose by those; not a list item (a
/// numbered reference), no odd chunk (formulas, whose one-letter
/// variables are stop words of some language). Shorter ones are kept
/// anyway as short text next to prose ([`keep_in_region`]); a long one
/// would be lost. Chrome in another language stands in runs and blocks,
/// not alone between two paragraphs.
pub(crate) fn foreign_paragraphs(lines: &[Line], prose: &mut [bool], lang_known: bool) {
    if !lang_known {
        return;
    }
    for i in 1..lines.len().saturating_sub(1) {
        let Some(l) = lines.get(i) else { break };
        if prose.get(i).copied().unwrap_or(true) || l.own_stops <= l.stops || l.words < limits::PROSE_WORDS || l.bullet || l.odd > 0 || !prose.get(i - 1).copied().unwrap_or(false) || !prose.get(i + 1).copied().unwrap_or(false) {
            continue;
        }
        let own = Line { stops: l.own_stops, ..l.clone() };
        if is_prose(&own, true) {
            if let Some(p) = prose.get_mut(i) {
                *p = true;
            }
        }
    }
}

/// Marks as chrome a list of teasers: [`TEASER_ITEMS`] or more list items
/// in a row, each of [`limits::LONG_WORDS`] words or more (prose by length
/// alone) without a sentence end and not numbered. A "more headlines" box
/// prints each headline run into its standfirst ("• Mike Tyson 'offered
/// £16m…' as comeback offers pour in for boxing legend after video emerged
/// of his"), and a long run of them outweighs the article; an article's
/// own list items of that length end like sentences, and its references
/// are numbered.
pub(crate) fn teaser_lists(input: &str, lines: &[Line], prose: &mut [bool]) {
    let teaser = |l: &Line| {
        l.bullet && l.words >= limits::LONG_WORDS && !l.terminal() && item_number(l.text(input).trim_start_matches(|c: char| !c.is_alphanumeric())).is_none()
    };
    let mut i = 0;
    while i < lines.len() {
        let n = lines.get(i..).unwrap_or(&[]).iter().take_while(|l| teaser(l)).count();
        if n >= TEASER_ITEMS {
            for p in prose.iter_mut().skip(i).take(n) {
                *p = false;
            }
        }
        i += n.max(1);
    }
}

/// Fewest long list items without a sentence end in a row that make a
/// list of teasers (see [`teaser_lists`]).
const TEASER_ITEMS: usize = 3;

/// True when a non-prose line may be a heading, caption or short sentence
/// of the article (its neighbours decide). A whole-line bracketed item
/// (`[image-name-2-1]`, `[INS::INS]`) is what a text rendering prints for
/// an image or an embed, never the article's own words.
fn is_minor_text(l: &Line, lang_known: bool) -> bool {
    !l.bullet
        && !l.bare
        && !l.placeholder
        && l.odd == 0
        && l.repeats == 1
        && l.words >= 2
        && l.chars <= limits::MINOR_CHARS
        && l.letters * 2 >= l.chars.saturating_sub(l.chars / 4)
        && (!lang_known || l.stops > 0 || l.words <= 6)
}

/// Weights of every line for the region search. A short gap (at most
/// [`SHORT_GAP`] lines) between two prose lines costs little, so that an
/// ad or a heading inside the article does not split it; longer runs of
/// non-prose lines cost about one per line.
pub(crate) fn weights(lines: &[Line], prose: &[bool], lang_known: bool) -> Vec<f32> {
    let is_prose = |i: usize| prose.get(i).copied().unwrap_or(false);
    let mut w = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let v = if is_prose(i) {
            let w = (l.chars as f32 / 100.0).clamp(1.0, 4.0);
            if l.sloppy {
                w * 0.5
            } else {
                w
            }
        } else if is_stamp(l) {
            STAMP_COST
        } else if l.words == 0 || l.placeholder {
            -0.3
        } else if is_minor_text(l, lang_known) {
            -0.5
        } else {
            -1.0
        };
        w.push(v);
    }
    let mut i = 0;
    while i < lines.len() {
        if is_prose(i) {
            i += 1;
            continue;
        }
        let run_start = i;
        while i < lines.len() && !is_prose(i) {
            i += 1;
        }
        if run_start > 0 && i < lines.len() {
            // A gap between two prose lines: its first lines are cheap.
            // Time stamps (live blogs, minute-by-minute reports) do not
            // count towards the gap.
            let mut counted = 0;
            for (v, l) in w.iter_mut().zip(lines).take(i).skip(run_start) {
                if is_stamp(l) {
                    continue;
                }
                if counted == SHORT_GAP {
                    break;
                }
                *v = v.max(GAP_COST);
                counted += 1;
            }
        }
    }
    w
}

/// True for a line that is only a short number or time stamp ("14:32",
/// "7'", "12h05", "3."), as live blogs and match reports print before
/// each entry.
fn is_stamp(l: &Line) -> bool {
    l.words <= 1 && l.digits > 0 && l.chars <= 8 && l.letters <= 1
}

/// Weight of a time stamp line.
const STAMP_COST: f32 = -0.1;

/// Keeps the entries of a live blog or a minute-by-minute report inside
/// the region `a..=b`: when the region holds at least [`LIVE_STAMPS`]
/// time stamps (see [`is_stamp`]), the short lines right after a stamp,
/// up to the next stamp or kept line (at most [`ENTRY_LINES`] of them),
/// are the entry that the stamp dates ("Sortie de Jean Lucas", "Lyon n'a
/// plus que 20 minutes…"), even when too short to weigh as prose: a
/// stamp is the report's own mark, not a menu's or a link box's. Each line
/// is short text (see [`is_minor_text`]), not a list item, not repeated,
/// with no cue, not title or metadata, and the entry is closed by a stamp,
/// a kept line or the region's end (an entry running into other chrome is
/// no entry).
pub(crate) fn keep_stamped_entries(lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize, lang_known: bool) {
    let stamps = lines.iter().take(b + 1).skip(a).filter(|l| is_stamp(l)).count();
    if stamps < LIVE_STAMPS {
        return;
    }
    let entry_line = |keep: &[bool], j: usize| {
        !skip.get(j).copied().unwrap_or(true)
            && !keep.get(j).copied().unwrap_or(true)
            && lines.get(j).is_some_and(|l| !is_stamp(l) && !l.chrome_cue && !l.comments_cue && is_minor_text(l, lang_known))
    };
    let mut i = a;
    while i < b {
        if !lines.get(i).is_some_and(is_stamp) {
            i += 1;
            continue;
        }
        let start = i + 1;
        let mut end = start;
        while end <= b && end - start < ENTRY_LINES && entry_line(keep, end) {
            end += 1;
        }
        let closed = end > b || lines.get(end).is_some_and(is_stamp) || keep.get(end).copied().unwrap_or(false);
        if end > start && closed {
            for k in keep.iter_mut().take(end).skip(start) {
                *k = true;
            }
        }
        i = end.max(start);
    }
}

/// Fewest time stamps in the region for it to be read as a live report.
const LIVE_STAMPS: usize = 3;
/// Most short lines of one entry after a time stamp.
const ENTRY_LINES: usize = 3;

/// Most non-prose lines between two prose lines that still count as one
/// article (headings, an ad, a caption).
const SHORT_GAP: usize = 3;
/// Weight of a line in such a gap (at most; chrome-like lines are not
/// made dearer).
const GAP_COST: f32 = -0.3;

/// The main region: the weight sequence is cut, Kadane-style, into pieces
/// whose running sum stays positive; each piece's best prefix is a
/// candidate. The first candidate (in page order) weighing at least
/// [`FIRST_SHARE`] of the heaviest is chosen: an article comes before its
/// comments and "related" blocks, so a heavier block further down does
/// not win over a substantial first one. Then a candidate just before the
/// region, separated from it by at most [`MERGE_GAP`] lines (a table of
/// contents, an image with its caption and credits, a "read also" box
/// splitting the lede from the body), is merged into it, at most
/// [`MERGES`] times. Returns an inclusive range of line indices, or `None`
/// when no line has a positive weight.
#[cfg(test)]
pub(crate) fn best_segment(w: &[f32]) -> Option<(usize, usize)> {
    best_segment_before_comments(w, &[], &[], &|_, _| false)
}

/// [`best_segment`], knowing the lines that head a comment section
/// (`comment_heads`, ascending) and the list items (`items`, one flag per
/// line; half a line each in a merge gap): an article comes before its
/// comments, so when candidates starting before such a heading weigh at
/// least [`COMMENTS_MIN`] and [`COMMENTS_SHARE`] of the heaviest, the
/// region is chosen among them only (a long comment
/// thread would otherwise outweigh a short article); and a heading inside
/// the chosen region, after at least [`COMMENTS_MIN`] of prose, ends it.
///
/// `same_header(i, j)` tells whether the candidates starting at lines `i`
/// and `j` are headed alike (see [`same_article_header`]): a page that
/// loads the next stories below its own prints each under the same
/// template (kicker, date, image counter), and the first of them, when it
/// weighs at least [`STREAM_MIN`], is the page's article however much
/// longer the next one is.
pub(crate) fn best_segment_before_comments(w: &[f32], comment_heads: &[usize], items: &[bool], same_header: &dyn Fn(usize, usize) -> bool) -> Option<(usize, usize)> {
    let mut pieces: Vec<(f32, usize, usize)> = Vec::new();
    let mut sum = 0.0f32;
    let mut start = 0usize;
    let mut piece_best: Option<(f32, usize, usize)> = None;
    for (i, &v) in w.iter().enumerate() {
        if sum <= 0.0 {
            pieces.extend(piece_best.take());
            sum = 0.0;
            start = i;
        }
        sum += v;
        if sum > 0.0 && !piece_best.is_some_and(|(b, _, _)| sum <= b) {
            piece_best = Some((sum, start, i));
        }
    }
    pieces.extend(piece_best);
    let heaviest = pieces.iter().map(|p| p.0).fold(0.0f32, f32::max);
    for &h in comment_heads {
        let before = pieces.iter().take_while(|p| p.1 < h).count();
        if pieces.get(..before).is_some_and(|p| p.iter().any(|p| p.0 >= COMMENTS_MIN && p.0 >= heaviest * COMMENTS_SHARE)) {
            pieces.truncate(before);
            break;
        }
    }
    let best = pieces.iter().map(|p| p.0).fold(0.0f32, f32::max);
    let mut k = pieces.iter().position(|p| p.0 >= best * FIRST_SHARE && p.0 >= MIN_FIRST.min(best))?;
    // A stream of articles: an earlier candidate headed like the chosen one.
    if let Some(&(_, ka, _)) = pieces.get(k) {
        if let Some(j) = pieces.iter().take(k).position(|p| p.0 >= STREAM_MIN && same_header(p.1, ka)) {
            k = j;
        }
    }
    let (_, mut a, mut b) = *pieces.get(k)?;
    for _ in 0..MERGES {
        let Some(&(s, pa, pb)) = k.checked_sub(1).and_then(|j| pieces.get(j)) else { break };
        let reach = (s * GAP_PER_WEIGHT).min(MERGE_GAP as f32);
        // List items in the gap (a box's bullets) count for half a line.
        let gap: f32 = (pb + 1..a).map(|j| if items.get(j).copied().unwrap_or(false) { 0.5 } else { 1.0 }).sum();
        if gap > reach || s < MERGE_MIN {
            break;
        }
        a = pa;
        k -= 1;
    }
    // A comment heading inside the region, after substantial text, ends it.
    if let Some(&h) = comment_heads.iter().find(|&&h| h > a && h <= b) {
        let before: f32 = w.get(a..h).unwrap_or(&[]).iter().filter(|v| **v > 0.0).sum();
        if before >= COMMENTS_MIN {
            if let Some(last) = (a..h).rev().find(|&j| w.get(j).is_some_and(|v| *v > 0.0)) {
                b = last;
            }
        }
    }
    Some((a, b))
}

/// Ends the region `a..=b` further down when the article goes on after a
/// block that weighs as chrome (an inline "most read" box, a table, the
/// steps of a recipe, a gallery): the next candidate after the region
/// (its first positive line, the best prefix of its run) is merged when
/// it starts within [`MERGE_GAP`] lines of the region's end, with no line
/// in between that carries a cue (`cue`: "read also", advertising,
/// comments) nor a comment heading (`comment_heads`) in between or in it,
/// and weighs at least [`MIN_FIRST`] and [`FIRST_SHARE`] of the region
/// (what a candidate needs to be chosen over a heavier one): comments,
/// teasers and footers after an article weigh less. At most [`MERGES`]
/// times. Returns the region's new last line.
pub(crate) fn merge_later(w: &[f32], a: usize, b: usize, comment_heads: &[usize], cue: &dyn Fn(usize) -> bool) -> usize {
    let region: f32 = w.get(a..=b).unwrap_or(&[]).iter().sum();
    let mut b = b;
    for _ in 0..MERGES {
        let Some(p) = (b + 1..w.len()).find(|&j| w.get(j).is_some_and(|v| *v > 0.0)) else { break };
        if p - b - 1 > MERGE_GAP || (b + 1..p).any(|j| cue(j) || comment_heads.contains(&j)) {
            break;
        }
        let (mut sum, mut best, mut end) = (0.0f32, 0.0f32, p);
        for (j, v) in w.iter().enumerate().skip(p) {
            sum += v;
            if sum <= 0.0 || comment_heads.contains(&j) {
                break;
            }
            if sum > best {
                best = sum;
                end = j;
            }
        }
        if best < MIN_FIRST || best < region * FIRST_SHARE {
            break;
        }
        b = end;
    }
    b
}

/// Least weight of an earlier candidate headed like the chosen one for it
/// to be chosen instead (the first story of a stream of articles).
const STREAM_MIN: f32 = 6.0;

/// Lines above a candidate's start read as its header.
const HEADER_LINES: usize = 6;
/// Fewest template lines two headers share for two candidates to be
/// stories printed under the same template.
const HEADER_SHARED: usize = 2;
/// Most words of a template line (a kicker, "Foto 1 de 1", "Partager").
const TEMPLATE_WORDS: u32 = 4;

/// True when the [`HEADER_LINES`] lines above line `i` and those above
/// line `j` share at least [`HEADER_SHARED`] distinct template lines:
/// short lines with letters, printed more than once on the page (a
/// section kicker, "Foto 1 de 1"), not a bare marker, an image
/// placeholder or a list item (menus repeat those everywhere).
pub(crate) fn same_article_header(input: &str, lines: &[Line], i: usize, j: usize) -> bool {
    let template = |k: usize| -> Option<&str> {
        let l = lines.get(k)?;
        (l.repeats >= 2 && !l.bare && !l.placeholder && !l.bullet && l.letters > 0 && l.words <= TEMPLATE_WORDS).then(|| l.text(input))
    };
    let above = |s: usize| s.saturating_sub(HEADER_LINES)..s;
    let mut shared: Vec<&str> = Vec::new();
    for t in above(i).filter_map(template) {
        if !shared.contains(&t) && above(j).filter_map(template).any(|u| u == t) {
            shared.push(t);
        }
    }
    i != j && shared.len() >= HEADER_SHARED
}

/// True when a comment heading counts no comment at all ("0 Kommentare",
/// "0Comments", "Comments (0)"): its only number is zero. No thread
/// follows such a count (it is printed with the byline, above the
/// article, or closes a page without comments), so it heads no comment
/// section.
pub(crate) fn zero_count(text: &str) -> bool {
    let mut numbers = text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty());
    matches!((numbers.next(), numbers.next()), (Some(n), None) if n.bytes().all(|b| b == b'0'))
}

/// Least weight of a candidate before a comment heading for the region to
/// be chosen before it.
const COMMENTS_MIN: f32 = 2.0;
/// Least share of the heaviest candidate's weight that a candidate before
/// a comment heading needs for the region to be chosen before it: a
/// comment count printed with the byline ("0 Comments") sits above the
/// article, after a site blurb or two that weigh next to nothing.
const COMMENTS_SHARE: f32 = 0.1;
/// Share of the heaviest candidate's weight that an earlier candidate needs
/// to be chosen as the main region.
const FIRST_SHARE: f32 = 0.5;
/// Least weight of an earlier candidate chosen over a heavier later one.
const MIN_FIRST: f32 = 3.0;
/// Most lines between the region and an earlier candidate merged into it
/// (a lighter candidate must be nearer: [`GAP_PER_WEIGHT`] lines per unit
/// of its weight).
const MERGE_GAP: usize = 20;
/// Lines of gap allowed per unit of weight of the earlier candidate (a
/// list item in the gap, such as a promotion box's bullets, counts for
/// half a line: boxes between a lede and the body are list-heavy).
const GAP_PER_WEIGHT: f32 = 6.0;
/// Least weight of an earlier candidate merged into the region.
const MERGE_MIN: f32 = 1.2;
/// Most candidates merged into the region.
const MERGES: usize = 4;

/// Whether a line inside the region is article text. `prose` holds the
/// prose flags of all lines; `skip` marks lines already taken as title or
/// metadata.
pub(crate) fn keep_in_region(lines: &[Line], prose: &[bool], skip: &[bool], i: usize, lang_known: bool) -> bool {
    if skip.get(i).copied().unwrap_or(false) || lines.get(i).is_some_and(|l| l.chrome_cue) {
        return false;
    }
    if prose.get(i).copied().unwrap_or(false) {
        return true;
    }
    let Some(l) = lines.get(i) else { return false };
    // One-word items only in the list's running style ("• oxymètres,",
    // "• etc…"), not menu labels ("• Accueil").
    let item_words = l.words >= 2 || running_item(l);
    if l.bullet && !l.bare && item_words && l.odd == 0 && introduced_list(lines, prose, i) {
        return true;
    }
    // A long line in capitals between paragraphs is another article's
    // headline or a call ("CLICK HERE TO GET THE … APP"), not a heading.
    if !is_minor_text(l, lang_known) || l.all_caps() && l.words >= SHOUTED_WORDS {
        return false;
    }
    // Neighbours that are article text, skipping title/metadata lines.
    let next = next_shown(skip, lines.len(), i);
    let prev = prev_shown(skip, i);
    let next_prose = next.is_some_and(|j| prose.get(j).copied().unwrap_or(false));
    let prev_prose = prev.is_some_and(|j| prose.get(j).copied().unwrap_or(false));
    let stops_ok = !lang_known || l.stop_ratio() >= limits::PROSE_STOPS;
    // A heading (or lede) right before a paragraph.
    if next_prose && l.words <= limits::HEADING_WORDS {
        return true;
    }
    // A caption, attribution or closing line right after a paragraph.
    if prev_prose && (l.terminal() || l.words >= 4) {
        return true;
    }
    // A short sentence between article lines.
    l.terminal() && l.words >= 3 && stops_ok && (prev_prose || next_prose)
}

/// Fewest words of a line in capitals that is not kept as a heading.
const SHOUTED_WORDS: u32 = 9;

/// Keeps the long headings in capitals of an article that writes its
/// headings in capitals: when the region `a..=b` already keeps at least
/// [`CAPITAL_HEADINGS`] lines in capitals (its shorter headings), a line
/// in capitals of [`SHOUTED_WORDS`] words or more (at most
/// [`limits::HEADING_WORDS`]) between two prose lines is one more of its
/// headings, not another article's headline or a call ("CLICK HERE …"),
/// which [`keep_in_region`] leaves out on other pages.
pub(crate) fn keep_capital_headings(lines: &[Line], prose: &[bool], skip: &[bool], keep: &mut [bool], a: usize, b: usize, lang_known: bool) {
    let kept_caps = (a..=b).filter(|&j| keep.get(j).copied().unwrap_or(false) && lines.get(j).is_some_and(Line::all_caps)).count();
    if kept_caps < CAPITAL_HEADINGS {
        return;
    }
    let is_prose = |j: usize| prose.get(j).copied().unwrap_or(false);
    for i in a..=b {
        let Some(l) = lines.get(i) else { break };
        if keep.get(i).copied().unwrap_or(true) || skip.get(i).copied().unwrap_or(true) || l.chrome_cue || !l.all_caps() || l.words < SHOUTED_WORDS || l.words > limits::HEADING_WORDS || !is_minor_text(l, lang_known) {
            continue;
        }
        let next = next_shown(skip, lines.len(), i);
        let prev = prev_shown(skip, i);
        if next.is_some_and(is_prose) && prev.is_some_and(is_prose) {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
    }
}

/// Fewest kept lines in capitals for an article to write its headings so.
const CAPITAL_HEADINGS: usize = 3;

/// True when line `i` is the first copy of a caption printed twice in a
/// row (an image's alternative text, then its caption; see
/// [`doubled_line`]) right after a paragraph: read as if printed once, it
/// is a caption of the article, kept like one after prose by
/// [`keep_in_region`] (short text, a sentence end or four words or more),
/// unless it carries a credit (a slash, a copyright sign, a bracketed end).
/// The second copy is dropped when the copies are deduplicated.
pub(crate) fn doubled_caption(input: &str, lines: &[Line], prose: &[bool], skip: &[bool], i: usize, lang_known: bool) -> bool {
    let Some(l) = lines.get(i) else { return false };
    if l.repeats != 2 || l.chrome_cue || skip.get(i).copied().unwrap_or(true) || lines.get(i + 1).is_none_or(|n| n.text(input) != l.text(input)) {
        return false;
    }
    // A caption carrying its credit ("… (REUTERS/Jane Doe)", "… [File:
    // Reuters]", "© …") is the picture's furniture, printed as such.
    let text = l.text(input);
    if text.contains(['/', '©']) || text.ends_with([')', ']']) {
        return false;
    }
    let once = Line { repeats: 1, ..l.clone() };
    if !is_minor_text(&once, lang_known) || l.all_caps() && l.words >= SHOUTED_WORDS || !(l.terminal() || l.words >= 4) {
        return false;
    }
    let prev = prev_shown(skip, i);
    prev.is_some_and(|j| prose.get(j).copied().unwrap_or(false))
}

/// True when line `i` is a one-word section heading between two
/// paragraphs ("Keyboard", "Fazit", "Conclusion"), or a one-word
/// sentence there ("Yikes.", "Really?"), or a one-word label heading
/// ending with a colon ("Fazit:", "Contexte :"): a single word of
/// letters (at least [`WORD_HEADING_LETTERS`]; an end mark or a colon allowed), not repeated, after a
/// prose line that ends a sentence (or under a heading of its own right
/// after one) and before a prose line (title and
/// metadata lines in `skip` are passed over). Menu labels and tags come
/// in runs, not alone between two paragraphs.
pub(crate) fn word_heading(lines: &[Line], prose: &[bool], skip: &[bool], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    if l.words != 1 || l.bullet || l.bare || l.odd > 0 || l.repeats > 1 || l.chrome_cue || l.comments_cue || l.placeholder || l.digits > 0 || l.letters < WORD_HEADING_LETTERS || l.all_caps() {
        return false;
    }
    // A one-word sentence ("Yikes.", "Really?") keeps its end mark, a
    // label heading ("Fazit:", "Contexte :") its colon, maybe after a
    // space (French typography).
    let mark = match l.last {
        '.' | '!' | '?' | '…' => 1,
        ':' => 2,
        _ => 0,
    };
    if l.letters * 10 < l.chars.saturating_sub(mark) * 9 {
        return false;
    }
    let is_prose = |j: usize| prose.get(j).copied().unwrap_or(false);
    let next = next_shown(skip, lines.len(), i);
    let prev = prev_shown(skip, i);
    let after_sentence = |j: usize| is_prose(j) && lines.get(j).is_some_and(Line::terminal);
    // Or right under a section heading that follows a paragraph (a
    // subsection's heading: "Results" then "Caveat"): a short line of
    // its own, without an end mark (a caption or a credit's picture
    // line ends like a sentence).
    let under_heading = |j: usize| {
        lines.get(j).is_some_and(|h| !is_prose(j) && !h.bullet && !h.bare && !h.placeholder && !h.chrome_cue && !h.comments_cue && h.odd == 0 && h.repeats == 1 && (2..=limits::HEADING_WORDS).contains(&h.words) && !h.terminal() && h.last != ')')
            && prev_shown(skip, j).is_some_and(after_sentence)
    };
    next.is_some_and(is_prose) && prev.is_some_and(|j| after_sentence(j) || under_heading(j))
}

/// Fewest letters of a one-word heading.
const WORD_HEADING_LETTERS: u32 = 3;

/// Repeated lines inside the region `a..=b` that are the article's own
/// headings: the questions of an interview series asked to each guest,
/// the same sub-heading over each item of a list. A repeated line that
/// ends like a sentence ("?", ":", ".") is one when every occurrence lies
/// in the region and is directly followed by a prose line (chrome
/// repeated on a page — menus, share bars, ads, captions — stands in runs,
/// outside the article, or reads like a label). So is a one-word label
/// ending with a colon that names an interview's speaker ("Anne:"), which
/// may also head a short question ([`short_sentence`]). A question
/// heading printed once more in a table of contents is one too. Returns
/// one flag per line.
pub(crate) fn repeated_headings(input: &str, lines: &[Line], prose: &[bool], skip: &[bool], a: usize, b: usize, lang_known: bool) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let is_prose = |j: usize| prose.get(j).copied().unwrap_or(false);
    if !lines.iter().enumerate().take(b + 1).skip(a).any(|(j, l)| l.repeats > 1 && l.terminal() && is_prose(j + 1)) {
        return out;
    }
    let candidate = |j: usize, l: &Line| {
        l.repeats > 1
            && l.terminal()
            && !l.bullet
            && !l.bare
            && l.odd == 0
            && !l.chrome_cue
            && !l.comments_cue
            && !l.all_caps()
            && (l.words >= 2 || speaker(l))
            && l.words <= limits::HEADING_WORDS
            && l.chars <= limits::MINOR_CHARS
            && (!lang_known || l.stops > 0 || speaker(l))
            && !skip.get(j).copied().unwrap_or(true)
    };
    // Texts that occur somewhere not shaped as a heading of the region.
    let mut bad: std::collections::HashSet<&str, super::lexicon::FastBuild> = std::collections::HashSet::default();
    // A speaker's label may head a short question ("Sunshine:" then "Was
    // liest du denn gerne?"), which reads as a headline, not as prose.
    let heads = |j: usize, l: &Line| is_prose(j + 1) || speaker(l) && lines.get(j + 1).is_some_and(|n| short_sentence(n, lang_known));
    // A question printed again in a table of contents ("Inhalt", then the
    // section questions one per line): that copy stands in a run of at
    // least [`TOC_LINES`] questions that are all printed again on the page
    // (their headings), none of them prose; it heads nothing, and is
    // neither held against the heading nor kept by this rule.
    let question = |o: &Line| matches!(o.last, '?' | '？');
    let listed = |k: usize| lines.get(k).is_some_and(|o| o.repeats > 1 && question(o) && !is_prose(k));
    let toc = |j: usize, l: &Line| {
        if !question(l) {
            return false;
        }
        let before = (j.saturating_sub(MAX_LIST_ITEMS)..j).rev().take_while(|&k| listed(k)).count();
        let after = (j + 1..(j + 1 + MAX_LIST_ITEMS).min(lines.len())).take_while(|&k| listed(k)).count();
        before + 1 + after >= TOC_LINES
    };
    for (j, l) in lines.iter().enumerate().filter(|(_, l)| l.repeats > 1) {
        if !candidate(j, l) || (j < a || j > b || !heads(j, l)) && !toc(j, l) {
            bad.insert(l.text(input));
        }
    }
    for (j, l) in lines.iter().enumerate().take(b + 1).skip(a) {
        if l.repeats > 1 && !bad.contains(l.text(input)) && !toc(j, l) {
            out[j] = true;
        }
    }
    out
}

/// Fewest lines of a table of contents whose questions are printed again
/// as headings (see [`repeated_headings`]).
const TOC_LINES: usize = 3;

/// True for a one-word label ending with a colon, letters only ("Anne:",
/// "Sunshine :"): an interview's speaker, when it heads each turn (see
/// [`repeated_headings`]).
fn speaker(l: &Line) -> bool {
    l.words == 1 && l.last == ':' && l.digits == 0 && !l.bullet && l.letters >= WORD_HEADING_LETTERS
}

/// Short sentences right after the region's last line (a closing remark,
/// the last reply of a dialogue, a credit line such as "Originally
/// published on …"): up to [`TAIL_SENTENCES`] consecutive lines that end
/// with a full stop or an exclamation (a question or an ellipsis there is
/// mostly a call to subscribe or a teaser), hold 3+ words and a normal share of stop words,
/// not repeated, no "read also" cue, no bracketed credit ("(Reporting
/// by …)"), no copyright sign or handle; the first of them may lack an
/// end mark when it reads as a sentence of [`CLOSING_WORDS`] or more (a
/// source credit, a closing slogan) opening with a stop word of the page
/// language (`stop_bit`; none when it is unknown), and then it is the only one. The region ends on its last prose line,
/// so a short last paragraph, weighing as chrome, is otherwise lost.
/// Returns the lines to keep, from `b + 1`.
pub(crate) fn tail_sentences(input: &str, lines: &[Line], skip: &[bool], b: usize, lex: &Lexicon, stop_bit: u64) -> usize {
    let lang_known = stop_bit != 0;
    let mut n = 0;
    while n < TAIL_SENTENCES {
        let j = b + 1 + n;
        let Some(l) = lines.get(j) else { break };
        // A closing formula on its own line ("À suivre") ends the article.
        if !skip.get(j).copied().unwrap_or(true) && l.words <= CLOSING_FORMULA_WORDS && lex.is_closing(l.text(input)) {
            n += 1;
            break;
        }
        let form = !skip.get(j).copied().unwrap_or(true)
            && !l.chrome_cue
            && !l.comments_cue
            && is_minor_text(l, lang_known)
            && l.words >= 3
            && !l.text(input).starts_with(['(', '['])
            && !l.text(input).contains(['©', '@']);
        let shape = form && (!lang_known || l.stop_ratio() >= limits::PROSE_STOPS);
        // The end of a list of names that the last paragraph runs into
        // ("…, Observatoire de Paris." then "CNRS, Inserm, Inria."): no stop
        // word, but a sentence's full stop.
        if (shape || form && l.last == '.' && name_enumeration(l.text(input))) && matches!(l.last, '.' | '!' | '。' | '！') {
            n += 1;
            continue;
        }
        // A closing salutation ending with a comma ("Merci à toutes et à
        // tous pour vos messages,") right after the last paragraph, and the
        // signature under it (names, maybe a long list of signatories; not
        // the rest of the sentence in lower case): both end the article.
        if n == 0 && shape && l.last == ',' && l.capitalised * 2 <= l.words + 1 {
            let signature = !skip.get(j + 1).copied().unwrap_or(true)
                && lines.get(j + 1).is_some_and(|s| {
                    s.words >= 1 && s.text(input).chars().find(|c| c.is_alphanumeric()).is_some_and(|c| !c.is_lowercase()) && !s.bullet && !s.bare && !s.placeholder && s.odd == 0 && s.repeats == 1 && !s.chrome_cue && !s.comments_cue && !matches!(s.last, ':' | ',') && !s.text(input).starts_with(['(', '['])
                });
            return if signature { 2 } else { 0 };
        }
        // The line right after the last paragraph may close the article
        // without an end mark: a source credit ("D'après les informations
        // de … de CBC"), a closing slogan. It reads as a sentence: enough
        // words, not in title case, no colon, and it opens with a stop word
        // of the page language (a preposition, pronoun, conjunction), where
        // labels and calls ("Join our newsletter…", "Search for articles…")
        // open with a verb or a noun. It ends the tail.
        if n == 0 && shape && l.words >= CLOSING_WORDS && l.capitalised * 2 <= l.words + 1 && !matches!(l.last, ':' | '?' | '…' | ',') && opens_with_stop(l.text(input), lex, stop_bit) {
            n = 1;
        }
        break;
    }
    n
}

/// Fewest words of a closing line without an end mark after the region.
const CLOSING_WORDS: u32 = 7;

/// True for a list of names separated by commas: two commas or more, each
/// item of at most [`ENUMERATION_ITEM_WORDS`] words opening with a capital
/// or a digit ("CNRS, Inserm, Inria.").
fn name_enumeration(text: &str) -> bool {
    let items: Vec<&str> = text.trim_end_matches(['.', ' ']).split(',').map(str::trim).collect();
    items.len() >= 3
        && items.iter().all(|it| {
            let words = it.split_whitespace().count();
            (1..=ENUMERATION_ITEM_WORDS).contains(&words) && it.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// Most words of one item of a list of names (see [`name_enumeration`]).
const ENUMERATION_ITEM_WORDS: usize = 4;
/// Most words of a line looked up as a closing formula ("À suivre").
const CLOSING_FORMULA_WORDS: u32 = 6;

/// True when the first word of `text` (its letters up to the first other
/// character, so "D'après" gives "d") is a stop word of the language bits
/// in `stop_bit`.
fn opens_with_stop(text: &str, lex: &Lexicon, stop_bit: u64) -> bool {
    let start = text.trim_start_matches(|c: char| !c.is_alphabetic());
    let end = start.find(|c: char| !c.is_alphabetic()).unwrap_or(start.len());
    let first = start.get(..end).unwrap_or("").to_lowercase();
    lex.stop_mask(&first) & stop_bit != 0
}

/// True for a short sentence of running text: non-prose text that ends
/// like a sentence, with three words or more and a normal share of stop
/// words, no copyright sign or handle (credits and signatures).
fn short_sentence(l: &Line, lang_known: bool) -> bool {
    is_minor_text(l, lang_known) && l.terminal() && l.last != ':' && l.words >= 3 && (!lang_known || l.stop_ratio() >= limits::PROSE_STOPS) && l.capitalised * 2 <= l.words + 1
}

/// Most short sentences kept after the region.
const TAIL_SENTENCES: usize = 3;

/// Keeps the list items between article lines: a run of at most
/// [`MAX_SANDWICHED_ITEMS`] dropped lines inside `a..=b`, with kept lines
/// on both sides, made only of list items of two words or more (not
/// repeated, not code-like, no "read also" cue) or of embedded posts (a
/// text and its signature, see `Line::embed_credit`) is part of the
/// article (its steps, points, sub-headings, quoted posts); a menu or link
/// box rarely sits between two kept paragraphs. So is a run of at most
/// [`MAX_SANDWICHED_MINOR`] short sentences ("Are you ready?") there, and
/// a list of two items or more under its own colon introducer of
/// [`INTRODUCER_WORDS`] or more, maybe with a heading above it ("Summary",
/// "This post will discuss the following:", "• …"), two lists or more
/// each under its own short heading after a kept colon introducer (at most
/// [`MAX_HEADED_LIST_LINES`] lines), and a block of lines
/// that each open with a label of their own and a colon ("Path A:
/// Iceland, …", "Path B: …"; see `speaker_label`), where picture credits
/// repeat theirs ("Photo: …", "Photo: …").
pub(crate) fn keep_sandwiched_lists(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize, lang_known: bool) {
    let item = |j: usize| {
        let credit_next = lines.get(j + 1).is_some_and(|n| n.embed_credit);
        !skip.get(j).copied().unwrap_or(true)
            && lines.get(j).is_some_and(|l| {
                l.embed_credit
                    || credit_next && l.words >= 3 && !l.chrome_cue
                    || l.bullet && !l.bare && (l.words >= 2 || running_item(l) && !l.text(input).contains('[')) && l.odd == 0 && l.repeats == 1 && !l.chrome_cue && !l.comments_cue
            })
    };
    let mut i = a;
    while i <= b {
        if keep.get(i).copied().unwrap_or(true) {
            i += 1;
            continue;
        }
        let start = i;
        while i <= b && !keep.get(i).copied().unwrap_or(true) {
            i += 1;
        }
        let kept_before = start.checked_sub(1).is_some_and(|j| j >= a && keep.get(j).copied().unwrap_or(false));
        let kept_after = i <= b && keep.get(i).copied().unwrap_or(false);
        let minor = |j: usize| !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| !l.chrome_cue && !l.comments_cue && short_sentence(l, lang_known));
        let run_ok = (start..i).all(item) || i - start <= MAX_SANDWICHED_MINOR && (start..i).all(minor);
        // Or a list under its own introducer ("This post will discuss the
        // following:"), maybe with a heading above it ("Summary").
        // A short heading or label line ("Summary", "NOT SCARY").
        let label = |j: usize| {
            !skip.get(j).copied().unwrap_or(true)
                && lines.get(j).is_some_and(|l| {
                    !l.chrome_cue && !l.comments_cue && (is_minor_text(l, lang_known) || l.words == 1 && !l.bullet && !l.bare && !l.placeholder && l.odd == 0 && l.repeats == 1 && l.digits == 0 && l.letters >= WORD_HEADING_LETTERS)
                })
        };
        let introduced = || {
            let Some(f) = (start..i).find(|&j| item(j)) else { return false };
            let intro = f.checked_sub(1).and_then(|j| lines.get(j)).is_some_and(|l| l.last == ':' && l.words >= INTRODUCER_WORDS);
            (1..=2).contains(&(f - start)) && intro && i - f >= 2 && (start..f).all(label) && (f..i).all(item)
        };
        // Or a block of labelled lines ("Path A: Iceland, …", "Path B: …"),
        // each label its own.
        let labelled = || {
            let mut labels: Vec<&str> = Vec::new();
            i - start >= 2
                && (start..i).all(|j| {
                    let Some(l) = lines.get(j).filter(|l| !skip.get(j).copied().unwrap_or(true) && l.repeats == 1 && !l.chrome_cue && !l.comments_cue) else { return false };
                    let Some(label) = speaker_label(l.text(input)) else { return false };
                    let new = !labels.contains(&label);
                    labels.push(label);
                    new
                })
        };
        // Or lists under their own short headings ("NOT SCARY", "• …",
        // "• …", "KIND OF SCARY", "• …", "• …"), two groups or more, that
        // the kept line before introduces with a colon ("… used to look
        // like this:").
        let headed = || {
            let intro = start.checked_sub(1).and_then(|j| lines.get(j)).is_some_and(|l| l.last == ':' && l.words >= INTRODUCER_WORDS && !l.chrome_cue && !l.comments_cue);
            let heading = |j: usize| !item(j) && label(j) && lines.get(j).is_some_and(|l| l.words <= HEADED_LIST_WORDS);
            let mut j = start;
            let mut groups = 0;
            while j < i {
                if !heading(j) {
                    return false;
                }
                let first = j + 1;
                j = first;
                while j < i && item(j) {
                    j += 1;
                }
                if j - first < 2 {
                    return false;
                }
                groups += 1;
            }
            intro && groups >= 2
        };
        if kept_before && kept_after && (i - start <= MAX_SANDWICHED_ITEMS && (run_ok || labelled()) || i - start <= MAX_SANDWICHED_ITEMS + 2 && introduced() || i - start <= MAX_HEADED_LIST_LINES && headed()) {
            for k in keep.iter_mut().take(i).skip(start) {
                *k = true;
            }
        }
    }
}

/// Keeps the section breaks of the article inside the region `a..=b`: a
/// line drawn with one punctuation mark only ("___", "* * *", "---"),
/// [`BREAK_MARKS`] marks or more, between two kept lines (title and
/// metadata lines passed over). Wire copy separates its sections so
/// ("___" then "WHAT SAY YOU, IMPEACHMENT JURY?"); a rule drawn between two
/// paragraphs is the article's, where a menu's or a footer's stands among
/// chrome.
pub(crate) fn keep_section_breaks(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize) {
    for i in a..=b.min(lines.len().saturating_sub(1)) {
        if keep.get(i).copied().unwrap_or(true) || skip.get(i).copied().unwrap_or(true) || !lines.get(i).is_some_and(|l| section_break(l.text(input))) {
            continue;
        }
        let kept = |j: Option<usize>| j.is_some_and(|j| keep.get(j).copied().unwrap_or(false));
        if kept(prev_shown(skip, i)) && kept(next_shown(skip, lines.len(), i)) {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
        }
    }
}

/// Keeps the items of the article's numbered list that the region walk
/// dropped: from every kept line numbered `N` ("3. Am besten zügig…",
/// "2) Polistil 960574 …"), the next numbered line within
/// [`NUMBERED_GAP`] lines, when it is numbered `N + 1`, is kept too, and
/// so on down the list, inside the region and past its end. A listicle's
/// heading after an image placeholder or a caption, a product list whose
/// links and pictures weigh as chrome: the numbering carries on the
/// article's own sequence, where a menu, a "most read" box or a footer
/// starts its own (at 1, after an article that does not end on item 0).
/// The chain stops at the first numbered line that does not continue it
/// (a sub-list restarting at 1), at a skipped (title, metadata) line, a
/// "read also" or comment cue, or an image placeholder.
pub(crate) fn keep_numbered_sequence(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool]) {
    let n = lines.len().min(keep.len());
    let mut i = 0;
    while i < n {
        let Some(mut num) = keep.get(i).copied().unwrap_or(false).then(|| lines.get(i).and_then(|l| item_number(l.text(input)))).flatten() else {
            i += 1;
            continue;
        };
        let mut at = i;
        let next_item = |at: usize| (at + 1..n.min(at + 1 + NUMBERED_GAP)).find(|&j| lines.get(j).is_some_and(|l| item_number(l.text(input)).is_some()));
        while let Some(j) = next_item(at) {
            let Some(l) = lines.get(j) else { break };
            if item_number(l.text(input)) != Some(num + 1) || skip.get(j).copied().unwrap_or(true) || l.chrome_cue || l.comments_cue || l.placeholder {
                break;
            }
            if let Some(k) = keep.get_mut(j) {
                *k = true;
            }
            num += 1;
            at = j;
        }
        i = at.max(i) + 1;
    }
}

/// Most lines from one numbered item to the next for
/// [`keep_numbered_sequence`] (a product's link and picture, a heading's
/// paragraphs).
const NUMBERED_GAP: usize = 12;

/// The number opening a list item or a numbered heading: one or two
/// digits (1 to 99), then "." or ")" and a space, then a letter, a digit
/// or an opening quote ("3. Am besten", "12) Roger Waters", "4. “Veggie-fy”").
/// Not a decimal ("1.5 million"), a date ("12.05.2020") or a bare number.
fn item_number(text: &str) -> Option<u32> {
    let t = text.trim_start();
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let num: u32 = t.get(..digits)?.parse().ok()?;
    let rest = t.get(digits..)?;
    let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
    let after = rest.trim_start();
    if num == 0 || after.len() == rest.len() {
        return None;
    }
    let c = after.chars().next()?;
    (c.is_alphanumeric() || matches!(c, '“' | '"' | '„' | '«' | '‘' | '\'' | '¿' | '¡')).then_some(num)
}

/// True for a line drawn with one punctuation mark repeated (spaces
/// allowed between them), at least [`BREAK_MARKS`] times.
fn section_break(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else { return false };
    matches!(first, '_' | '*' | '-' | '–' | '—' | '=' | '~' | '#' | '⁂' | '•' | '·') && marks.clone().all(|c| c == first) && marks.count() + 1 >= BREAK_MARKS
}

/// Fewest marks of a section break.
const BREAK_MARKS: usize = 3;

/// Most lines of the headed lists kept between two article lines (see
/// [`keep_sandwiched_lists`]).
const MAX_HEADED_LIST_LINES: usize = 24;
/// Most words of the heading of one of those lists.
const HEADED_LIST_WORDS: u32 = 6;

/// Most list items kept between two article lines.
const MAX_SANDWICHED_ITEMS: usize = 8;

/// True for a one-word list item in the list's running style ("•
/// camera", "• oxymètres,", "• etc…"): lower case or ending with
/// punctuation, unlike a menu label ("• Accueil"). (Between paragraphs, an
/// item that is a bracketed image name, "• [photo-1]", is not one.)
fn running_item(l: &Line) -> bool {
    l.words == 1 && (l.capitalised == 0 || matches!(l.last, ',' | ';' | '.' | '…'))
}

/// Keeps the short lines that a kept line ending with a colon introduces
/// inside the region, up to the next kept line: a contact block ("Nous
/// communiquons les coordonnées :" then an address, a phone number, a
/// name), the parts of a formula. At most [`MAX_INTRODUCED_LINES`] lines,
/// each of at most [`INTRODUCED_LINE_WORDS`] words, not repeated, not a
/// bare marker, a placeholder or a teaser cut by "...", no cue, not title
/// or metadata, after an introducer of [`INTRODUCER_WORDS`] or more; the colon
/// says that they belong to the text (what a menu or a share bar between
/// two paragraphs never follows).
pub(crate) fn keep_introduced_blocks(lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize) {
    let block_line = |j: usize| {
        !skip.get(j).copied().unwrap_or(true)
            && lines.get(j).is_some_and(|l| l.words <= INTRODUCED_LINE_WORDS && !l.bare && !l.placeholder && !l.ellipsis && !l.cut_teaser && l.repeats == 1 && !l.chrome_cue && !l.comments_cue)
    };
    let mut i = a;
    while i < b {
        let intro = keep.get(i).copied().unwrap_or(false) && lines.get(i).is_some_and(|l| l.last == ':' && l.words >= INTRODUCER_WORDS && !l.chrome_cue && !l.comments_cue);
        if !intro {
            i += 1;
            continue;
        }
        let end = (i + 2 + MAX_INTRODUCED_LINES).min(b + 1);
        let next_kept = (i + 1..end).find(|&k| keep.get(k).copied().unwrap_or(false));
        match next_kept {
            Some(k) if k > i + 1 && (i + 1..k).all(block_line) => {
                for x in keep.iter_mut().take(k).skip(i + 1) {
                    *x = true;
                }
                i = k;
            }
            _ => i += 1,
        }
    }
}

/// Keeps the block that the last kept line `last`, a sentence ending with
/// a colon past the region's end, announces ("… looks like this:" then a
/// code listing, "Folgende Universitäten sind betroffen :" then their
/// names, a quoted poem line by line, a table): such a block is seldom
/// prose (code, names, rows, verse), so it weighs as chrome and ends the
/// region right after its introducer, whose colon says the article goes
/// on. From line `last + 1`, at most [`MAX_ANNOUNCED_LINES`] lines are
/// kept, up to the first that is title or metadata, a bare marker, a
/// placeholder, a teaser cut by "...", repeated on the page, opens with a
/// cue, or reads as a menu entry (a list item of at most two words, a
/// line opening with a bracket, a form field's or an image's, or with a
/// back arrow, or ending with a forward arrow: links to the previous or
/// next post). The introducer has [`INTRODUCER_WORDS`] words or more ("Suivez-nous sur :" is a label,
/// not a sentence). The introducer may also be the dropped line right
/// after `last` (a list ending the article weighs as chrome, and so does
/// the colon sentence under it: "Point d'étape au 12 janvier :" then the
/// figures) when it reads as a sentence (not a list item, not in title
/// case, a normal share of stop words when the language is known, even
/// when read as a date line) and announces [`MIN_LATE_BLOCK`] lines or
/// more: it is kept with them.
/// Returns the line after the last one kept (`last + 1` when none is).
pub(crate) fn keep_announced_block(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool], last: usize, lang_known: bool) -> usize {
    let intro_shape = |l: &Line| l.last == ':' && l.words >= INTRODUCER_WORDS && !l.chrome_cue && !l.comments_cue;
    let introducer = keep.get(last).copied().unwrap_or(false) && lines.get(last).is_some_and(intro_shape);
    // A dropped colon sentence right after the last kept line (maybe left
    // out as a date line when it holds a date: "Point d'étape au 12
    // janvier 2020 :"; a date stamp does not end with a colon).
    let late = !introducer
        && keep.get(last).copied().unwrap_or(false)
        && lines.get(last + 1).is_some_and(|l| intro_shape(l) && !l.bullet && l.capitalised * 2 <= l.words + 1 && (!lang_known || l.stop_ratio() >= limits::PROSE_STOPS));
    let mut j = last + 1;
    if !introducer && !late {
        return j;
    }
    let from = if late { last + 2 } else { last + 1 };
    // (Past the region's end, a line of the block holding a date may have
    // been read as a date line: under a dropped colon sentence, it is read
    // as what the sentence announces.)
    let block_line = |j: usize| {
        (late || !skip.get(j).copied().unwrap_or(true))
            && lines.get(j).is_some_and(|l| {
                let t = l.text(input);
                l.words >= 1
                    && !l.bare
                    && !l.placeholder
                    && !l.ellipsis
                    && !l.cut_teaser
                    && l.repeats == 1
                    && !l.chrome_cue
                    && !l.comments_cue
                    && !(l.bullet && l.words <= 2)
                    && !t.starts_with(['[', '←'])
                    && !t.ends_with('→')
                    // Under a dropped sentence, no list item, link, code or
                    // teaser headed by its kicker ("Richtig frühstücken: Die
                    // besten Tipps"): "Lesen Sie dazu auch:" then links to
                    // other releases, "Mehr Informationen finden Sie unter:"
                    // then an address, "Diese Artikel könnten dich
                    // ebenfalls interessieren:" then headlines.
                    && !(late && (l.bullet || l.odd > 0 || kicker_colon(t)))
            })
    };
    if late {
        let n = (from..=from + MAX_ANNOUNCED_LINES).take_while(|&k| block_line(k)).count();
        if n < MIN_LATE_BLOCK {
            return last + 1;
        }
        if let Some(k) = keep.get_mut(last + 1) {
            *k = true;
        }
        j = from;
    }
    while j < from + MAX_ANNOUNCED_LINES && block_line(j) {
        if let Some(k) = keep.get_mut(j) {
            *k = true;
        }
        j += 1;
    }
    j
}

/// True when `text` holds a colon that is not between digits (a clock
/// time, "11:30"): a kicker or label before a headline or value.
fn kicker_colon(text: &str) -> bool {
    text.char_indices().any(|(i, c)| c == ':' && !text.get(i + 1..).and_then(|r| r.chars().next()).is_some_and(|n| n.is_ascii_digit()))
}

/// Fewest lines of the block that a dropped colon sentence after the last
/// kept line announces (see [`keep_announced_block`]).
const MIN_LATE_BLOCK: usize = 2;

/// Most lines of a block announced by the article's last kept line.
const MAX_ANNOUNCED_LINES: usize = 15;

/// Most lines of a block introduced by a colon.
const MAX_INTRODUCED_LINES: usize = 6;
/// Fewest words of the sentence introducing such a block (a label such
/// as "Suivez-nous sur :" is shorter).
const INTRODUCER_WORDS: u32 = 5;
/// Most words of a line of a block introduced by a colon.
const INTRODUCED_LINE_WORDS: u32 = 8;

/// The paragraphs after a list that ran past the region's end (a long
/// list weighs as chrome and ends the region before them), from line `j`:
/// prose lines are kept, across gaps of at most [`SHORT_GAP`] other lines
/// (an embedded post, a caption: dropped) with no cue and followed by
/// prose, as inside the region. Returns the line after the last kept one.
pub(crate) fn paragraphs_after_list(lines: &[Line], prose: &[bool], skip: &[bool], keep: &mut [bool], mut j: usize) -> usize {
    let is_prose = |k: usize| prose.get(k).copied().unwrap_or(false) && !skip.get(k).copied().unwrap_or(true);
    let cue = |k: usize| lines.get(k).is_some_and(|l| l.chrome_cue || l.comments_cue);
    let mut kept_any = false;
    loop {
        while is_prose(j) && !cue(j) {
            if let Some(k) = keep.get_mut(j) {
                *k = true;
            }
            j += 1;
            kept_any = true;
        }
        // Only once a paragraph follows the list does the article go on.
        if !kept_any {
            return j;
        }
        let gap_end = (j..(j + SHORT_GAP + 1).min(lines.len())).find(|&k| is_prose(k) || cue(k));
        match gap_end {
            Some(g) if g > j && is_prose(g) && !cue(g) => j = g,
            _ => return j,
        }
    }
}
/// Most short sentences (see [`short_sentence`]) kept between two article
/// lines.
const MAX_SANDWICHED_MINOR: usize = 2;

/// Keeps embedded social-media posts that the article quotes: a credit
/// line ("— Name (@handle) date", see `Line::embed_credit`) within
/// [`POST_LINES`] lines after a kept line, with the post's own lines
/// between them (any text, not a "read also" or comment cue, not title or
/// metadata). A post's text is often short or ends with a link, so it
/// weighs as chrome, and a post quoted last is past the region's end;
/// share bars and menus carry no such credit.
pub(crate) fn keep_embedded_posts(lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize) {
    let end = (b + 1 + POST_LINES).min(lines.len());
    for c in a..end {
        if keep.get(c).copied().unwrap_or(true) || !lines.get(c).is_some_and(|l| l.embed_credit) {
            continue;
        }
        let Some(p) = (c.saturating_sub(POST_LINES + 1)..c).rev().find(|&j| keep.get(j).copied().unwrap_or(false)) else { continue };
        let post_line = |j: usize| !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| !l.chrome_cue && !l.comments_cue && l.repeats <= 2 && (l.embed_credit || l.words >= 1 && !l.bare));
        if p >= a && (p + 1..=c).all(post_line) {
            for k in keep.iter_mut().take(c + 1).skip(p + 1) {
                *k = true;
            }
        }
    }
}

/// Most lines of an embedded post (its text and credit) after a kept line.
const POST_LINES: usize = 5;

/// Keeps the items of a list that a short line of the article introduces
/// with a colon ("Think about it:", "Les mesures :") inside the region:
/// list items of two words or more, not code-like, no "read also" or
/// comment cue. The introducer is either kept already or
/// is a short line (see `is_minor_text`) or a one-word label that is no
/// stop word (see `speaker`; repeated over each section's list, "Pros:",
/// "Cons:") right after a kept line and
/// followed by at least two such items; it is kept with them. (A list
/// introduced by a prose line is kept by [`keep_in_region`] already.)
pub(crate) fn keep_introduced_lists(lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize, lang_known: bool) {
    let item = |j: usize| !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| l.bullet && !l.bare && l.words >= 2 && l.odd == 0 && l.repeats == 1 && !l.chrome_cue && !l.comments_cue);
    let mut i = a;
    while i <= b && i < lines.len() {
        let kept = keep.get(i).copied().unwrap_or(false);
        let colon = !skip.get(i).copied().unwrap_or(true) && lines.get(i).is_some_and(|l| l.last == ':' && !l.chrome_cue && !l.comments_cue);
        let after_kept = i > a && keep.get(i - 1).copied().unwrap_or(false);
        // A one-word label ("Pros:", "Vorteile:") may head such a list at
        // each section, so it may repeat; not a stop word of the page
        // language ("More:", "Plus :" head a box of links).
        let label = |l: &Line| is_minor_text(l, lang_known) || lang_known && speaker(l) && l.stops == 0;
        let introduces = colon && (kept && item(i + 1) || after_kept && lines.get(i).is_some_and(label) && item(i + 1) && item(i + 2));
        i += 1;
        if !introduces {
            continue;
        }
        if let Some(k) = keep.get_mut(i - 1) {
            *k = true;
        }
        let mut n = 0;
        while n < MAX_LIST_ITEMS && item(i) {
            if let Some(k) = keep.get_mut(i) {
                *k = true;
            }
            i += 1;
            n += 1;
        }
    }
}

/// Keeps a list of numbered notes or references ("[1] Gingras, Y. (2014)
/// Les dérives de l'évaluation…", "[2] …"): lines opening with
/// consecutive bracketed numbers from `[1]`, each with two words or more,
/// when note `[1]` lies in the region `a..=b` (the list may run past its
/// end, at most [`MAX_NOTES`] notes). References carry names, titles and
/// URLs, so they weigh as chrome and fail the shape tests of short
/// lines; bracketed image or item ids are not numbered 1, 2, 3. A short
/// heading right before note `[1]` ("Bibliographie", "Notes") is kept
/// when the line above it is.
pub(crate) fn keep_notes(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool], a: usize, b: usize) {
    let note = |j: usize, n: u32| {
        !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| l.words >= 2 && !l.chrome_cue && !l.comments_cue && note_number(l.text(input)) == Some(n))
    };
    let mut i = a;
    while i <= b && i < lines.len() {
        if !note(i, 1) {
            i += 1;
            continue;
        }
        let mut n = 1;
        let mut j = i;
        while n as usize <= MAX_NOTES && note(j, n) {
            if let Some(k) = keep.get_mut(j) {
                *k = true;
            }
            n += 1;
            j += 1;
        }
        // The list's own heading ("Bibliographie", "Notes et références")
        // between a kept line and note [1].
        if let Some(h) = i.checked_sub(1).filter(|&h| h > a && lines.get(h).is_some_and(notes_heading) && !skip.get(h).copied().unwrap_or(true)) {
            if keep.get(h - 1).copied().unwrap_or(false) {
                if let Some(k) = keep.get_mut(h) {
                    *k = true;
                }
            }
        }
        i = j;
    }
}

/// Most notes kept in one list.
const MAX_NOTES: usize = 60;

/// Keeps a list of numbered notes ("[1] …", "[2] …", see [`keep_notes`];
/// or "(1) …", "(2) …", called by "(1)" in the text)
/// that lies after the article's last kept line `last`, however far (a
/// page template may put "related" boxes between the article and its
/// notes), when the article calls them: the kept lines carry the notes'
/// markers ("… les auteurs français [4] accèdent …") for at least half
/// of the notes, marker "[1]" among them, not at the start of a line.
/// A list of notes is the article's own when its markers are in the text;
/// a box of bracketed ids or another article's notes is not called there.
/// The first such list only, at most [`MAX_NOTES`] notes; its heading is
/// left out (a label such as "Notes" says nothing of the article).
pub(crate) fn keep_called_notes(input: &str, lines: &[Line], skip: &[bool], keep: &mut [bool], last: usize) {
    let note = |j: usize, open: char, n: u32| {
        !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| l.words >= 2 && !l.chrome_cue && !l.comments_cue && note_mark(l.text(input), open) == Some(n))
    };
    // Lines opening with a bracket are rare: one byte test per line.
    let opening = |j: usize| match input.as_bytes().get(lines.get(j).map_or(usize::MAX, |l| l.start)) {
        Some(b'[') => Some('['),
        Some(b'(') => Some('('),
        _ => None,
    };
    let Some((first, open)) = (last + 1..lines.len()).find_map(|j| opening(j).filter(|&o| note(j, o, 1)).map(|o| (j, o))) else { return };
    let mut n = 1u32;
    while (n as usize) < MAX_NOTES && note(first + n as usize, open, n + 1) {
        n += 1;
    }
    // Markers called in the kept text (not a note's own number).
    let mut called = vec![false; n as usize + 1];
    for (l, _) in lines.iter().zip(keep.iter()).filter(|(_, k)| **k) {
        let t = l.text(input);
        let mut rest = t.get(1..).unwrap_or("");
        while let Some(p) = rest.find(open) {
            rest = rest.get(p..).unwrap_or("");
            if let Some(k) = note_mark(rest, open) {
                if let Some(c) = called.get_mut(k as usize) {
                    *c = true;
                }
            }
            rest = rest.get(1..).unwrap_or("");
        }
    }
    let found = called.iter().filter(|c| **c).count();
    if called.get(1).copied().unwrap_or(false) && found * 2 >= n as usize {
        for k in keep.iter_mut().skip(first).take(n as usize) {
            *k = true;
        }
    }
}

/// True for a line shaped like the heading of a list of notes: one to
/// [`NOTES_HEADING_WORDS`] words of letters, no end mark but a colon, not
/// a list item, not repeated, no cue.
fn notes_heading(l: &Line) -> bool {
    (1..=NOTES_HEADING_WORDS).contains(&l.words)
        && !l.bullet
        && !l.bare
        && l.odd == 0
        && l.digits == 0
        && l.repeats == 1
        && !l.chrome_cue
        && !l.comments_cue
        && !l.placeholder
        && (l.last.is_alphabetic() || l.last == ':')
        && l.letters * 10 >= l.chars * 8
}

/// Most words of the heading of a list of notes.
const NOTES_HEADING_WORDS: u32 = 3;

/// The number of a note opening `text` with a bracketed number ("[12]").
fn note_number(text: &str) -> Option<u32> {
    note_mark(text, '[')
}

/// The number of a note opening `text` with a number in brackets
/// (`open` '[': "[12]") or in parentheses (`open` '(': "(12)", "( 3 )"),
/// of at most three digits. Shared with the HTML extractor's notes.
pub(crate) fn note_mark(text: &str, open: char) -> Option<u32> {
    let rest = text.strip_prefix(open)?;
    let close = rest.find(if open == '(' { ')' } else { ']' })?;
    let num = rest.get(..close)?.trim();
    if num.is_empty() || num.len() > 3 || !num.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    num.parse().ok()
}

/// True when line `i` is a row of a table that sits inside the region
/// `a..=b`: a line with column gaps (see `Line::cells`) in a block of
/// such rows (at least [`MIN_TABLE_ROWS`], at most [`MAX_TABLE_ROWS`])
/// whose neighbours on both sides are region lines, one of them prose. A
/// text browser lays out an article's data tables (results, figures,
/// schedules) that way; navigation tables rarely sit between paragraphs.
pub(crate) fn table_row(lines: &[Line], prose: &[bool], i: usize, a: usize, b: usize) -> bool {
    let is_row = |j: usize| lines.get(j).is_some_and(|l| l.cells > 0 && !l.bare && l.odd == 0 && !l.chrome_cue);
    if !is_row(i) {
        return false;
    }
    let mut first = i;
    while first > a && is_row(first - 1) && i - first < MAX_TABLE_ROWS {
        first -= 1;
    }
    let mut last = i;
    while last < b && is_row(last + 1) && last - i < MAX_TABLE_ROWS {
        last += 1;
    }
    let rows = last - first + 1;
    let (Some(before), after) = (first.checked_sub(1), last + 1) else { return false };
    let is_prose = |j: usize| prose.get(j).copied().unwrap_or(false);
    (MIN_TABLE_ROWS..=MAX_TABLE_ROWS).contains(&rows) && before >= a && after <= b && (is_prose(before) || is_prose(after))
}

/// Rows of the tables that a prose line ending with a colon introduces
/// ("Classement final après 36 courses :" then "Pos.   Pilote   Points",
/// "1   Kyle Busch   5040"…): a block of [`MIN_TABLE_ROWS`] to
/// [`MAX_INTRODUCED_ROWS`] lines with column gaps (see `Line::cells`),
/// half of them with [`INTRODUCED_ROW_GAPS`] gaps or more (a line of code
/// with its comment has one), not code-like, no cue, no form field ("[      ]", whose blank box a text
/// browser prints as a gap), right under such a line. Returns one flag per
/// line, or no flag at all when the page has no such table. The colon says the table is the article's (a results table, a
/// schedule), and such a table may be longer than one between paragraphs.
pub(crate) fn introduced_tables(input: &str, lines: &[Line], prose: &[bool]) -> Vec<bool> {
    let mut out = Vec::new();
    let is_row = |j: usize| lines.get(j).is_some_and(|l| l.cells > 0 && !l.bare && l.odd == 0 && !l.chrome_cue && !l.comments_cue && !l.text(input).contains('['));
    let mut i = 1;
    while i < lines.len() {
        // Most lines have no column gap: one test.
        let gaps = lines.get(i).is_some_and(|l| l.cells > 0);
        let intro = || prose.get(i - 1).copied().unwrap_or(false) && lines.get(i - 1).is_some_and(|l| l.last == ':');
        if !gaps || !intro() || !is_row(i) {
            i += 1;
            continue;
        }
        let start = i;
        while is_row(i) {
            i += 1;
        }
        let wide = (start..i).filter(|&j| lines.get(j).is_some_and(|l| l.cells >= INTRODUCED_ROW_GAPS)).count();
        if (MIN_TABLE_ROWS..=MAX_INTRODUCED_ROWS).contains(&(i - start)) && wide * 2 >= i - start {
            out.resize(lines.len(), false);
            for f in out.iter_mut().take(i).skip(start) {
                *f = true;
            }
        }
    }
    out
}
/// Fewest column gaps of a row of a table under a colon introducer.
const INTRODUCED_ROW_GAPS: u32 = 2;
/// Most rows of a table under a colon introducer.
const MAX_INTRODUCED_ROWS: usize = 60;
/// Weight of a row of such a table for the region search: a little above
/// nothing, so that the table stays in the region with its introducer.
pub(crate) const INTRODUCED_ROW_WEIGHT: f32 = 0.1;
/// Fewest rows of a table kept inside the region.
const MIN_TABLE_ROWS: usize = 2;
/// Most rows of a table kept inside the region (longer blocks are link
/// grids or page layout).
const MAX_TABLE_ROWS: usize = 40;

/// Keeps a list of records after the article's last kept line `last`
/// (tour dates, fixtures, results: "June 9 – West Palm Beach, FL @ Coral
/// Sky Amphitheatre"): a run of [`MIN_RECORDS`] to [`MAX_RECORDS`] lines,
/// each with a digit and two words or more, not a list item, not repeated,
/// no cue, code-like chunk, placeholder or copyright sign, that all share
/// a separator token (a chunk without letters or digits: "–", "@", "--"),
/// with its heading right above it. The heading belongs to the article: it
/// ends with a colon, or half of its content words (two at least) occur
/// in the kept lines (`kept_text`, lower-cased). A sidebar's list (a
/// concert calendar, an archive) has a heading of its own words. Returns
/// the lines to keep, heading included.
pub(crate) fn records_after(input: &str, lines: &[Line], skip: &[bool], last: usize, kept_text: &dyn Fn() -> String, lex: &Lexicon, stop_bit: u64) -> Option<std::ops::Range<usize>> {
    let h = last + 1;
    let free = |j: usize| !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| !l.chrome_cue && !l.comments_cue && !l.bullet && !l.bare && !l.placeholder && l.odd == 0 && l.repeats == 1);
    let record = |j: usize| free(j) && lines.get(j).is_some_and(|l| l.digits > 0 && l.words >= 2 && !l.text(input).contains('©'));
    let head = lines.get(h)?;
    if !free(h) || head.words == 0 || head.words > limits::HEADING_WORDS || !record(h + 1) {
        return None;
    }
    let seps = |j: usize| lines.get(j).map(|l| l.text(input)).unwrap_or("").split(char::is_whitespace).filter(|t| !t.is_empty() && !t.chars().any(char::is_alphanumeric));
    let mut common: Vec<&str> = seps(h + 1).collect();
    let mut end = h + 1;
    while end - h <= MAX_RECORDS && record(end) {
        common.retain(|t| seps(end).any(|u| u == *t));
        if common.is_empty() {
            break;
        }
        end += 1;
    }
    let rows = end - h - 1;
    if !(MIN_RECORDS..=MAX_RECORDS).contains(&rows) || record(end) && !common.is_empty() {
        return None;
    }
    let heading_ok = head.last == ':' || {
        let text = kept_text();
        let (mut words, mut found) = (0usize, 0usize);
        for w in super::content_words(head.text(input), lex, stop_bit) {
            words += 1;
            found += usize::from(text.contains(w.as_ref()));
        }
        found >= 2 && found * 2 >= words
    };
    heading_ok.then_some(h..end)
}
/// Fewest lines of a list of records kept after the article.
const MIN_RECORDS: usize = 4;
/// Most lines of such a list (longer runs are archives or calendars).
const MAX_RECORDS: usize = 60;
/// True when line `i` is printed twice in a row (the same text on the
/// next or the previous non-empty line): an image's alternative text
/// followed by the same caption, as text renderings show a photo or a
/// gallery slide. An article does not repeat a sentence on the next line.
/// Table rows (column gaps) are left alone: a table may repeat a row.
pub(crate) fn doubled_line(input: &str, lines: &[Line], i: usize) -> bool {
    let Some(l) = lines.get(i) else { return false };
    if l.repeats < 2 || l.cells > 0 {
        return false;
    }
    let t = l.text(input);
    let same = |j: usize| lines.get(j).is_some_and(|o| o.text(input) == t);
    i.checked_sub(1).is_some_and(same) || same(i + 1)
}
/// True when line `i` is the first of a pair that prints an image's text
/// twice, the second time with a short addition: the alternative text
/// ("Neil Gaiman and John M. Ford in 2002") then the caption with its
/// credit or id ("… in 2002. Photo: Jane Doe", "…[33622-5947]"), in
/// either order. Of line `i` and the next non-empty line, the longer
/// starts with the whole of the shorter (of [`PAIR_WORDS`] words or more)
/// and adds at most [`CREDIT_WORDS`] words.
pub(crate) fn caption_pair(input: &str, lines: &[Line], i: usize) -> bool {
    let (Some(a), Some(b)) = (lines.get(i), lines.get(i + 1)) else { return false };
    // The shorter of the two comes first or second (the caption with its
    // id, "…MacBook Pro[33622-5947]", may precede the alternative text).
    let (l, n) = if b.end - b.start >= a.end - a.start { (a, b) } else { (b, a) };
    if l.words < PAIR_WORDS || n.words < l.words || n.words > l.words + CREDIT_WORDS || n.end - n.start <= l.end - l.start || l.cells > 0 {
        return false;
    }
    n.text(input).starts_with(l.text(input))
}
/// Fewest words of a line printed again with a credit.
const PAIR_WORDS: u32 = 4;
/// Most words added to a caption printed a second time.
const CREDIT_WORDS: u32 = 8;
/// True for a short credit line ("© Getty Images", "Foto © Jane Doe",
/// "(Image: © NASA)"): a copyright sign in a line of at most
/// [`CREDIT_LINE_WORDS`] words names who owns a picture, not what the
/// article says.
pub(crate) fn credit_line(input: &str, l: &Line) -> bool {
    l.words <= CREDIT_LINE_WORDS && l.text(input).contains('©')
}
/// Most words of a credit line.
const CREDIT_LINE_WORDS: u32 = 8;
/// True for a short credit line that names a picture library or agency
/// after a slash or a bar ("Jane Doe/Getty Images", "Foto: Jane Doe /
/// dpa", "(John Doe | Reuters)", "Jane Doe/Hindustan Times/Getty
/// Images"): at most [`CREDIT_LINE_WORDS`] words, the last part a listed
/// agency (`data/lang/mul/agencies.txt`), as a picture's credit ends with
/// who distributes it, in any language; a sentence that names an agency
/// ("an AP/NORC poll") goes on after it.
pub(crate) fn library_credit(input: &str, l: &Line, lex: &Lexicon) -> bool {
    if l.words > CREDIT_LINE_WORDS || l.words < 2 {
        return false;
    }
    let text = l.text(input);
    let Some(cut) = text.rfind(['/', '|']) else { return false };
    let last = text[cut + 1..].trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '[' | ']' | '.'));
    !last.is_empty() && text[..cut].chars().any(char::is_alphabetic) && lex.is_listed_agency(last)
}
/// True for a gallery's slide counter ("Image 1 of 5", "Bild 2 von 10",
/// "3 / 12"): maybe a word, then a number, a connector of at most three
/// letters or a slash, and a number not below the first (each of at most
/// three digits). A text rendering prints one over each slide's caption.
pub(crate) fn slide_counter(text: &str) -> bool {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let rest = match tokens.as_slice() {
        [w, rest @ ..] if rest.len() == 3 && w.chars().all(char::is_alphabetic) => rest,
        rest => rest,
    };
    let number = |t: &str| (1..=3).contains(&t.len()).then(|| t.parse::<u32>().ok()).flatten();
    let [n, conn, m] = rest else { return false };
    let conn_ok = *conn == "/" || (1..=3).contains(&conn.chars().count()) && conn.chars().all(char::is_alphabetic);
    matches!((number(n), number(m)), (Some(n), Some(m)) if conn_ok && 1 <= n && n <= m)
}
/// The speaker label opening a line of a dialogue or an interview ("Q:",
/// "A:", "Jane Doe:"): one or two words of letters, at most
/// [`LABEL_CHARS`] characters, then a colon and more text.
fn speaker_label(text: &str) -> Option<&str> {
    // The colon comes within the label's length (in bytes, four per
    // character at most): a paragraph is not scanned to its end.
    let colon = text.bytes().take(LABEL_CHARS * 4 + 1).position(|b| b == b':')?;
    let label = text.get(..colon)?;
    let words = label.split_whitespace().count();
    let ok = (1..=2).contains(&words) && label.chars().count() <= LABEL_CHARS && label.chars().all(|c| c.is_alphabetic() || c == ' ') && text.get(colon + 1..).is_some_and(|r| r.chars().any(char::is_alphanumeric));
    ok.then_some(label)
}
/// Most characters of a speaker label.
const LABEL_CHARS: usize = 20;
/// The rest of a dialogue after the article's last kept line `last` (an
/// interview's quick-fire questions, "Q: Favorite apps?" "A: …", weigh as
/// chrome and end the region): when at least two speaker labels (see
/// [`speaker_label`]) each open two kept lines or more of the region
/// (from `a`), the lines after `last` that open with one of them are
/// kept, up to the first line that does not (an image placeholder in
/// between is passed over, not kept), at most [`MAX_DIALOGUE_LINES`].
/// The last kept line must itself open with a label. Returns the lines to
/// keep.
pub(crate) fn dialogue_after(input: &str, lines: &[Line], skip: &[bool], keep: &[bool], a: usize, last: usize) -> Vec<usize> {
    let mut out = Vec::new();
    // Only a dialogue that runs up to the last kept line goes on after it
    // (one look-up on most pages).
    if lines.get(last).is_none_or(|l| speaker_label(l.text(input)).is_none()) {
        return out;
    }
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for j in a..=last {
        if !keep.get(j).copied().unwrap_or(false) {
            continue;
        }
        if let Some(label) = lines.get(j).and_then(|l| speaker_label(l.text(input))) {
            match counts.iter_mut().find(|(l, _)| *l == label) {
                Some((_, n)) => *n += 1,
                None => counts.push((label, 1)),
            }
        }
    }
    let labels: Vec<&str> = counts.iter().filter(|(_, n)| *n >= 2).map(|(l, _)| *l).collect();
    if labels.len() < 2 {
        return out;
    }
    let labelled = |j: usize| {
        !skip.get(j).copied().unwrap_or(true) && lines.get(j).is_some_and(|l| !l.chrome_cue && !l.comments_cue && speaker_label(l.text(input)).is_some_and(|s| labels.contains(&s)))
    };
    let mut j = last + 1;
    while j < lines.len() && out.len() < MAX_DIALOGUE_LINES {
        if labelled(j) {
            out.push(j);
        } else if !(lines.get(j).is_some_and(|l| l.placeholder) && labelled(j + 1)) {
            break;
        }
        j += 1;
    }
    out
}
/// Most dialogue lines kept after the region.
const MAX_DIALOGUE_LINES: usize = 80;
/// True when list item `i` belongs to a list that a paragraph ending with a
/// colon introduces ("Les travailleurs éligibles :" then "• …" lines).
fn introduced_list(lines: &[Line], prose: &[bool], i: usize) -> bool {
    let mut j = i;
    for _ in 0..MAX_LIST_ITEMS {
        let Some(k) = j.checked_sub(1) else { return false };
        j = k;
        let Some(l) = lines.get(j) else { return false };
        if !l.bullet || prose.get(j).copied().unwrap_or(false) {
            return prose.get(j).copied().unwrap_or(false) && l.last == ':';
        }
    }
    false
}

/// Most items of a list introduced by a paragraph.
const MAX_LIST_ITEMS: usize = 40;

/// True when a line before the region, between the title and the body, is
/// a standfirst / lede of the article.
pub(crate) fn is_lede(l: &Line, lang_known: bool) -> bool {
    !l.chrome_cue
        && is_minor_text(l, lang_known) && l.words >= 4 && (!lang_known || l.stop_ratio() >= limits::PROSE_STOPS)
}

/// True when a line before the region, between the title and the body, is
/// a standfirst printed more than once (at most [`LEDE_COPIES`] times): a
/// page template repeats the article's summary in a share box, a print
/// header or a teaser, so the copy under the headline is no less the
/// article's. It reads like a sentence ([`LEDE_SENTENCE_WORDS`] or more
/// words, a sentence's share of stop words, not in title case), unlike the
/// menu labels and headlines that pages repeat. The caller keeps the copy
/// nearest the body only.
pub(crate) fn is_repeated_lede(l: &Line, lang_known: bool) -> bool {
    (2..=LEDE_COPIES).contains(&l.repeats)
        && !l.chrome_cue
        && !l.comments_cue
        && !l.bullet
        && !l.bare
        && !l.placeholder
        && l.odd == 0
        && l.words >= LEDE_SENTENCE_WORDS
        && l.chars <= limits::MINOR_CHARS
        && l.capitalised * 2 <= l.words + 1
        && (!lang_known || l.stop_ratio() >= LEDE_STOPS)
}

/// Least share of stop words in a repeated standfirst: a sentence, where
/// a headline printed again ("2 US service members die in chopper crash")
/// is telegraphic.
const LEDE_STOPS: f32 = 0.3;
/// Most copies of a repeated standfirst.
const LEDE_COPIES: u32 = 3;
/// Fewest words of a repeated standfirst.
const LEDE_SENTENCE_WORDS: u32 = 8;

/// True for a salutation opening a letter-like article ("Ami abonné,",
/// "Chers lecteurs,", "Dear readers,"): one to [`SALUTATION_WORDS`] words
/// of letters ending with a comma, not a list item, not repeated, no cue.
/// Only the line right before the region's first line is looked at.
pub(crate) fn salutation(l: &Line) -> bool {
    (1..=SALUTATION_WORDS).contains(&l.words)
        && l.last == ','
        && l.capitalised >= 1
        && !l.bullet
        && !l.bare
        && l.odd == 0
        && l.digits == 0
        && l.repeats == 1
        && !l.chrome_cue
        && !l.comments_cue
        && !l.placeholder
}

/// Most words of a salutation.
const SALUTATION_WORDS: u32 = 4;

/// The nearest line after `i` (of `n`) that is not skipped (title and
/// metadata lines are skipped): its neighbour as the reader sees it.
fn next_shown(skip: &[bool], n: usize, i: usize) -> Option<usize> {
    (i + 1..n).find(|&j| !skip.get(j).copied().unwrap_or(false))
}

/// The nearest line before `i` that is not skipped.
fn prev_shown(skip: &[bool], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| !skip.get(j).copied().unwrap_or(false))
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::Lexicon;
    use super::super::lines::{set_stops, split};
    use super::*;

    fn fr_bit() -> u64 {
        Lexicon::get().codes.iter().position(|c| *c == "fr").map_or(0, |k| 1u64 << k)
    }

    fn classify(input: &str) -> (Vec<Line>, Vec<bool>) {
        let lex = Lexicon::get();
        let (mut lines, hits) = split(input, lex);
        let n = lex.codes.len();
        let k = lex.codes.iter().position(|c| *c == "fr");
        set_stops(&mut lines, &hits, n, k);
        let prose = lines.iter().map(|l| is_prose(l, true)).collect();
        (lines, prose)
    }

    #[test]
    fn a_paragraph_quoted_in_another_language_between_paragraphs_is_prose() {
        let quote = "I am a capitalist, and I believe in markets, but what I do not believe in is theft, and what I do not believe in is cheating, because that is where the difference is between a market that works for all of the people and one that only works for the few who can afford to buy the rules of the game, and that is what I have told the people of this state all year.";
        let input = format!(
            "Le sénateur a défendu son programme devant les électeurs de la ville, qui l'ont longuement applaudi à la fin de son discours.\n\
             {quote}\n\
             Il a ensuite répondu aux questions des journalistes sur le financement de ses propositions pendant près d'une heure.\n\
             {quote}\n\
             Accueil\n"
        );
        let (lines, mut p) = classify(&input);
        assert!(lines[1].chars > limits::MINOR_CHARS, "too long to be kept as short text");
        assert_eq!(p, vec![true, false, true, false, false]);
        foreign_paragraphs(&lines, &mut p, true);
        // Between two paragraphs; not the copy before the menu.
        assert_eq!(p, vec![true, true, true, false, false]);
        // By the page language's stop words alone (none known), nothing.
        let (lines, mut p) = classify(&input);
        foreign_paragraphs(&lines, &mut p, false);
        assert_eq!(p, vec![true, false, true, false, false]);
        // Nor a numbered reference, nor a line with a formula.
        for odd in [format!("2. {quote}"), format!("The variable {{\\displaystyle x_{{i}}}} is set so. {quote}")] {
            let input = format!(
                "Le sénateur a défendu son programme devant les électeurs de la ville, qui l'ont longuement applaudi à la fin de son discours.\n\
                 {odd}\n\
                 Il a ensuite répondu aux questions des journalistes sur le financement de ses propositions pendant près d'une heure.\n"
            );
            let (lines, mut p) = classify(&input);
            foreign_paragraphs(&lines, &mut p, true);
            assert_eq!(p, vec![true, false, true], "{odd}");
        }
    }

    #[test]
    fn a_one_word_label_heads_its_list_at_each_section() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Avantages :\n\
                     • rapide à installer sur toutes les machines\n\
                     • gratuit et libre pour tout le monde\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Avantages :\n\
                     • une seule commande pour tout faire\n\
                     • des dépendances toujours reproductibles\n\
                     Troisième paragraphe de l'article, encore assez long pour compter comme prose.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, true, false, false, false, true];
        keep_introduced_lists(&lines, &skip, &mut keep, 0, 8, true);
        // Both labels and their items, though the label repeats.
        assert_eq!(keep, vec![true; 9]);
        // A stop word of the page language heads a box of links ("Plus :").
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Plus :\n\
                     • Le gouvernement annonce de nouvelles mesures\n\
                     • La ville rouvre ses piscines cet été\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, true];
        keep_introduced_lists(&lines, &skip, &mut keep, 0, 4, true);
        assert_eq!(keep, vec![true, false, false, false, true]);
        // Nor when the page language is unknown.
        let mut keep = vec![true, false, false, false, true];
        keep_introduced_lists(&lines, &skip, &mut keep, 0, 4, false);
        assert_eq!(keep, vec![true, false, false, false, true]);
    }

    #[test]
    fn a_run_of_long_headlines_without_end_marks_is_a_teaser_list() {
        let item = |k: usize| format!("• Le maire de la ville numéro {k} annonce un plan pour les écoles et les routes après une longue réunion avec les habitants du quartier et les élus de la région qui");
        let input = format!("{}\n{}\n{}\nAccueil\n", item(1), item(2), item(3));
        let (lines, mut p) = classify(&input);
        assert!(lines[0].words >= limits::LONG_WORDS);
        assert_eq!(p, vec![true, true, true, false], "prose by length alone");
        teaser_lists(&input, &lines, &mut p);
        assert_eq!(p, vec![false; 4]);
        // Two in a row, items ending like sentences, numbered references:
        // left alone.
        for input in [
            format!("{}\n{}\nAccueil\n", item(1), item(2)),
            format!("{}.\n{}.\n{}.\nAccueil\n", item(1), item(2), item(3)),
            format!("{}\n{}\n{}\nAccueil\n", item(1).replace("• ", "• 1. "), item(2).replace("• ", "• 2. "), item(3).replace("• ", "• 3. ")),
        ] {
            let (lines, mut p) = classify(&input);
            let before = p.clone();
            teaser_lists(&input, &lines, &mut p);
            assert_eq!(p, before, "{input}");
            assert!(p[0], "{input}");
        }
    }

    #[test]
    fn section_breaks_between_kept_lines_are_kept() {
        assert!(section_break("___"));
        assert!(section_break("* * *"));
        assert!(!section_break("--"));
        assert!(!section_break("_-_"));
        assert!(!section_break("—— A"));
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     ___\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     ___\n\
                     Accueil\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, true, false, false];
        keep_section_breaks(input, &lines, &skip, &mut keep, 0, 4);
        // The break between two paragraphs; not the one before the menu.
        assert_eq!(keep, vec![true, true, true, false, false]);
    }

    #[test]
    fn the_article_numbered_list_goes_on_past_dropped_items() {
        assert_eq!(item_number("3. Am besten zügig vorgehen"), Some(3));
        assert_eq!(item_number("12) Roger Waters – The Wall (DVD)"), Some(12));
        assert_eq!(item_number("4. “Veggie-fy” your chips"), Some(4));
        assert_eq!(item_number("1.5 million people"), None);
        assert_eq!(item_number("12.05.2020"), None);
        assert_eq!(item_number("2020. The year"), None);
        assert_eq!(item_number("0. Intro"), None);
        assert_eq!(item_number("7."), None);
        let input = "1) Lego Star Wars 75188 Bombardiere della Resistenza
                     http://amzn.to/2iJFhRj
                     [1-300x300]
                     2) Polistil 960574 Pista Elettrica Sorpasso
                     http://amzn.to/2hZfWFJ
                     3) Cofanetto Nolan: Interstellar
                     Altri articoli
                     1) Il più letto della settimana
                     2) Il secondo più letto
                     5) Un numero fuori sequenza
";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![false; lines.len()];
        keep[0] = true;
        keep_numbered_sequence(input, &lines, &skip, &mut keep);
        // Items 2 and 3 carry on item 1; their links and pictures do not
        // count, and the box restarting at 1 is not the article's.
        assert_eq!(keep, vec![true, false, false, true, false, true, false, false, false, false]);
        // No kept item, nothing kept; a skipped line ends the chain.
        let mut keep = vec![false; lines.len()];
        keep_numbered_sequence(input, &lines, &skip, &mut keep);
        assert!(keep.iter().all(|k| !k));
        let mut skip = vec![false; lines.len()];
        skip[3] = true;
        let mut keep = vec![false; lines.len()];
        keep[0] = true;
        keep_numbered_sequence(input, &lines, &skip, &mut keep);
        assert_eq!(keep.iter().filter(|k| **k).count(), 1);
    }

    #[test]
    fn a_long_sentence_citing_a_few_identifiers_is_prose() {
        let (lines, p) = classify(
            "Les chercheurs ont suivi les patientes pendant trois ans et publié leurs données, que chacun peut consulter sur https://example.org/etude et sur https://example.org/annexe, avant de les comparer à celles des autres pays.\n\
             from setuptools import setup install_requires=['flask', 'dateutil'] packages=find_packages() name=exampleapp version=1.0\n",
        );
        assert!(lines.first().is_some_and(Line::code_like));
        assert_eq!(p, vec![true, false]);
    }

    #[test]
    fn prose_versus_chrome() {
        let (_, p) = classify(
            "Le Kremlin a dit lundi vouloir renforcer ses liens militaires avec l'Afrique, quelques jours après le départ.\n\
             Accueil image/svg+xml News - Infos image/svg+xml Sécurité image/svg+xml Un titre\n\
             - Publicité-\n\
             Vents violents et police: 40 migrants forcés d'abandonner leur pirogue clandestine sur la plage\n\
             Cambriolage au Louvre : où en est l'enquête ?\n",
        );
        assert_eq!(p, vec![true, false, false, false, false]);
        // A long line opening with a chrome cue (a consent banner) is not prose.
        let (_, p) = classify("Nous utilisons des cookies afin d'améliorer nos services et à des fins publicitaires, le respect de votre vie privée est important pour nous.\n");
        assert_eq!(p, vec![false]);
    }

    #[test]
    fn a_list_item_opening_with_a_picture_is_a_teaser() {
        // A link box prints each teaser as a linked picture and a long
        // headline: no prose, however long; a numbered note is still text.
        let (lines, p) = classify(
            "• [28119542-0-image-m-3] « J'ai eu peur le week-end dernier, on se rend compte de ce qui compte dans la vie » : l'entraîneur parle après avoir été hospitalisé d'urgence pour un problème cardiaque.\n\
             • [12] Le rapport de la commission, publié l'an dernier, dresse un bilan très sévère de la gestion des fonds publics par la ville.\n",
        );
        assert!(lines[0].picture_item && !lines[1].picture_item);
        assert_eq!(p, vec![false, true]);
    }

    #[test]
    fn image_placeholders_between_paragraphs_go() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     [vw-id-space-concept-6-1]\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        assert!(!keep_in_region(&lines, &prose, &skip, 1, true));
    }

    #[test]
    fn records_under_an_article_heading_stay() {
        let rows = "9 juin – Paris @ Zénith\n10 juin – Lyon @ Halle Tony Garnier\n12 juin – Lille @ Arena\n14 juin – Nantes @ Zénith\n";
        let body = "Le groupe annonce une tournée de trente dates en Europe l'été prochain, avec des invités.\n";
        let lex = Lexicon::get();
        for (heading, kept) in [("Les dates de la tournée", true), ("Agenda culturel", false), ("Où les voir :", true)] {
            let input = format!("{body}{heading}\n{rows}Newsletter\n");
            let (lines, _) = classify(&input);
            let skip = vec![false; lines.len()];
            let text = || lines[0].text(&input).to_lowercase();
            let got = records_after(&input, &lines, &skip, 0, &text, lex, fr_bit());
            assert_eq!(got, kept.then_some(1..6), "{heading}");
        }
        // Rows that share no separator are no list of records.
        let input = format!("{body}Les dates de la tournée\n9 juin – Paris\n10 juin @ Lyon\n12 juin / Lille\n14 juin | Nantes\n");
        let (lines, _) = classify(&input);
        let skip = vec![false; lines.len()];
        let text = || lines[0].text(&input).to_lowercase();
        assert_eq!(records_after(&input, &lines, &skip, 0, &text, lex, fr_bit()), None);
    }

    #[test]
    fn exclamations_are_prose_questions_not() {
        let input = "Les habitants du quartier ont fêté la victoire de leur équipe !\n\
                     Les habitants du quartier ont-ils fêté la victoire de leur équipe ?\n";
        let (_, prose) = classify(input);
        // A short question reads like a headline; an exclamation of as many
        // words is a sentence of the text.
        assert_eq!(prose, vec![true, false]);
    }

    #[test]
    fn long_sentences_full_of_names_are_prose() {
        let input = "Pierre Martin, Jean Dupont, Marie Curie, Paul Durand et Anne Leroy ont rejoint le club de Louis Bernard à Lyon pour la saison.\n\
                     Pierre Martin Et Jean Dupont Rejoignent Louis Bernard À Lyon.\n";
        let (_, prose) = classify(input);
        // A short line in title case is still a headline, full stop or not.
        assert_eq!(prose, vec![true, false]);
    }

    #[test]
    fn tables_under_a_colon_introducer() {
        let input = "Voici le classement final du championnat après les trente-six courses de la saison :\n\
                     Pos.  Pilote          Points  Victoires\n\
                     1     Kyle Busch      5040       5\n\
                     2     Martin Truex    5035       7\n\
                     3     Kevin Harvick   5033       4\n\
                     Pour installer le paquet puis le charger, il suffit de taper les deux lignes suivantes :\n\
                     install.packages(\"ggplot2\")      # installe\n\
                     library(\"ggplot2\")               # charge\n";
        let (lines, prose) = classify(input);
        let rows = introduced_tables(input, &lines, &prose);
        // Lines of code with their comment are no table.
        assert_eq!(rows, vec![false, true, true, true, true, false, false, false]);
    }

    #[test]
    fn captions_printed_twice_go() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Le maire de la ville inaugure le nouveau pont sur la rivière, lundi matin.\n\
                     Le maire de la ville inaugure le nouveau pont sur la rivière, lundi matin.\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Pos     Joueur     Club\n\
                     Pos     Joueur     Club\n";
        let (lines, _) = classify(input);
        let doubled: Vec<bool> = (0..lines.len()).map(|i| doubled_line(input, &lines, i)).collect();
        assert_eq!(doubled, vec![false, true, true, false, false, false]);
    }

    #[test]
    fn captions_printed_again_with_a_credit_go() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Le maire de la ville inaugure le nouveau pont sur la rivière.\n\
                     Le maire de la ville inaugure le nouveau pont sur la rivière. Photo : Jean Dupont\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose. Et il continue ensuite avec une longue phrase qui ajoute bien plus de mots.\n";
        let (lines, _) = classify(input);
        let pairs: Vec<bool> = (0..lines.len()).map(|i| caption_pair(input, &lines, i)).collect();
        // A paragraph that goes on at length is no credit.
        assert_eq!(pairs, vec![false, true, false, false, false]);
        // The caption with its id first, then the alternative text.
        let input = "Apple's new laptop on a desk[33622-5947]\nApple's new laptop on a desk\n";
        let (lines, _) = classify(input);
        assert!(caption_pair(input, &lines, 0));
    }

    #[test]
    fn short_copyright_lines_are_credits() {
        let input = "Stau auf der Autobahn © Jane Doe / Agentur\n\
                     Die Profile werden mit Hilfe eines Winkels an den bestehenden Profilen befestigt.© Firma\n";
        let (lines, _) = classify(input);
        let credits: Vec<bool> = lines.iter().map(|l| credit_line(input, l)).collect();
        assert_eq!(credits, vec![true, false]);
    }

    #[test]
    fn picture_library_credits() {
        let input = "Jane Doe/Hindustan Times/Getty Images\n\
                     Foto: Jean Dupont / dpa\n\
                     (John Smith | Reuters)\n\
                     An AP/NORC poll found most voters undecided.\n\
                     Entrée/sortie du parking\n\
                     Getty Images\n";
        let (lines, _) = classify(input);
        let lex = Lexicon::get();
        let credits: Vec<bool> = lines.iter().map(|l| library_credit(input, l, lex)).collect();
        assert_eq!(credits, vec![true, true, true, false, false, false]);
    }

    #[test]
    fn long_lines_in_capitals_are_no_headings() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     CLIQUEZ ICI POUR TÉLÉCHARGER LA NOUVELLE APPLICATION DE VOTRE JOURNAL\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     QUI EST LE FAVORI ?\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        assert!(!keep_in_region(&lines, &prose, &skip, 1, true));
        assert!(keep_in_region(&lines, &prose, &skip, 3, true));
    }

    #[test]
    fn slide_counters() {
        for t in ["Image 1 of 5", "Bild 10 von 10", "3 / 12", "Photo 2 sur 8"] {
            assert!(slide_counter(t), "{t}");
        }
        for t in ["2001       2013       2017", "Image 6 of 5", "Wakebeach 257", "Chapitre 2 : la suite", "Match 1 of the season"] {
            assert!(!slide_counter(t), "{t}");
        }
    }

    #[test]
    fn a_dialogue_goes_on_after_the_region() {
        let input = "Q: Comment êtes-vous arrivée à la tête de l'entreprise après toutes ces années ?\n\
                     A: Par hasard, et grâce à une équipe formidable qui m'a fait confiance dès le début.\n\
                     Q: Quel est le prochain grand projet de l'entreprise pour l'année qui vient ?\n\
                     A: Nous allons ouvrir trois nouvelles boutiques dans le sud du pays, dès le printemps.\n\
                     Q: Votre film préféré ?\n\
                     A: Les Enfants du paradis\n\
                     [photo-3]\n\
                     Q: Votre plat préféré ?\n\
                     A: La ratatouille\n\
                     Newsletter: inscrivez-vous\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let keep: Vec<bool> = (0..lines.len()).map(|i| i < 4).collect();
        assert_eq!(dialogue_after(input, &lines, &skip, &keep, 0, 3), vec![4, 5, 7, 8]);
        // One label alone is no dialogue.
        let keep: Vec<bool> = (0..lines.len()).map(|i| i < 2).collect();
        assert_eq!(dialogue_after(input, &lines, &skip, &keep, 0, 1), Vec::<usize>::new());
    }

    #[test]
    fn title_case_lines_are_not_prose() {
        let (_, p) = classify("Le Monde Afrique Société Économie Sport Culture Idées Vidéos Podcasts Jeux Services.\n");
        assert_eq!(p, vec![false]);
    }

    #[test]
    fn segment_is_the_heaviest_run() {
        assert_eq!(best_segment(&[-1.0, 2.0, -0.5, 3.0, -1.0, -1.0, 0.5]), Some((1, 3)));
        // A substantial first block wins over a heavier later one...
        assert_eq!(best_segment(&[4.0, -3.0, -3.0, 6.0]), Some((0, 0)));
        // ...a small one far before does not...
        let mut w = vec![2.0];
        w.extend([-1.0; 13]);
        w.push(16.0);
        assert_eq!(best_segment(&w), Some((14, 14)));
        // ...but a lede split from the body by a few lines is merged.
        assert_eq!(best_segment(&[2.0, -3.0, -3.0, 6.0]), Some((0, 3)));
        // A light candidate is merged only when near: 6 lines per unit of weight.
        let near: Vec<f32> = [1.5].into_iter().chain([-1.0; 8]).chain([16.0]).collect();
        assert_eq!(best_segment(&near), Some((0, 9)));
        let far: Vec<f32> = [1.5].into_iter().chain([-1.0; 10]).chain([16.0]).collect();
        assert_eq!(best_segment(&far), Some((11, 11)));
        // Up to four candidates are merged, one after the other.
        assert_eq!(best_segment(&[2.0, -3.0, 2.0, -3.0, 2.0, -3.0, 6.0]), Some((0, 6)));
        assert_eq!(best_segment(&[-1.0, -1.0]), None);
        assert_eq!(best_segment(&[]), None);
    }

    #[test]
    fn time_stamps_do_not_split_a_live_blog() {
        let input = "Les Merlus tentent d'opérer en contre mais la passe est trop longue pour l'attaquant.\n\
                     13'\n10'\nUn corner pour Lorient.\n7'\n3'\n\
                     Les deux équipes se cherchent en ce début de match sous la pluie.\n";
        let (lines, prose) = classify(input);
        let w = weights(&lines, &prose, true);
        assert_eq!(best_segment(&w), Some((0, lines.len() - 1)));
    }

    #[test]
    fn lists_between_paragraphs_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     • Une prime de fin d'année\n\
                     • Deux jours de congé\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     • Accueil\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n\
                     • Une ligne de liste\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = prose.clone();
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, lines.len() - 1, true);
        // One-word items (a menu) and items after the last paragraph go.
        assert_eq!(keep, vec![true, true, true, true, false, true, false]);
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Quelle journée ! pic.twitter.com/AbCdEf\n\
                     — Jane Doe (@jane_doe) November 18, 2019\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = prose.clone();
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, lines.len() - 1, true);
        assert_eq!(keep, vec![true; 4]);
    }

    #[test]
    fn labelled_lines_between_paragraphs_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Groupe A : Islande, Bulgarie, Israël\n\
                     Groupe B : Bosnie, Slovaquie, Irlande\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Photo : Jean Dupont\n\
                     Photo : Marie Durand\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = prose.clone();
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, lines.len() - 1, true);
        // The same label twice (picture credits) is no block of the article.
        assert_eq!(keep, vec![true, true, true, true, false, false, true]);
    }

    #[test]
    fn first_story_headed_like_the_chosen_one_wins() {
        // A story of weight 8, 25 lines of chrome (too far to merge), then
        // one of weight 40: the second wins, unless both are headed alike
        // (a stream of articles).
        let w: Vec<f32> = [-1.0, 8.0].into_iter().chain([-1.0; 25]).chain([40.0]).collect();
        assert_eq!(best_segment(&w), Some((27, 27)));
        assert_eq!(best_segment_before_comments(&w, &[], &[], &|i, j| (i, j) == (1, 27)), Some((1, 1)));
        // Too light a first candidate is no story.
        let w: Vec<f32> = [-1.0, 4.0].into_iter().chain([-1.0; 25]).chain([40.0]).collect();
        assert_eq!(best_segment_before_comments(&w, &[], &[], &|_, _| true), Some((27, 27)));
    }

    #[test]
    fn headers_sharing_two_template_lines() {
        let lex = Lexicon::get();
        let input = "Nacionales\n6 mai 2022\nFoto 1 de 1\nPremier texte de l'article qui parle de la fête.\nNacionales\n5 mai 2022\nFoto 1 de 1\nSecond texte de l'article qui parle du procès.\nAutre\n";
        let (lines, _) = split(input, lex);
        assert!(same_article_header(input, &lines, 3, 7));
        // One shared line is not a template.
        let input = "Nacionales\n6 mai 2022\nFoto 1\nPremier texte de l'article qui parle de la fête.\nNacionales\n5 mai 2022\nFoto 2\nSecond texte de l'article qui parle du procès.\nAutre\n";
        let (lines, _) = split(input, lex);
        assert!(!same_article_header(input, &lines, 3, 7));
    }

    #[test]
    fn list_items_count_half_in_the_merge_gap() {
        // A lede (weight 3: reach 18 lines), then 24 lines of a promotion
        // box, 12 of them list items, then the body.
        let w: Vec<f32> = [3.0].into_iter().chain([-1.0; 24]).chain([10.0]).collect();
        assert_eq!(best_segment(&w), Some((25, 25)));
        let items: Vec<bool> = (0..w.len()).map(|j| (1..=12).contains(&j)).collect();
        assert_eq!(best_segment_before_comments(&w, &[], &items, &|_, _| false), Some((0, 25)));
    }

    #[test]
    fn article_before_comments_wins() {
        // A short article, a comment heading (line 3), a long thread.
        let w: Vec<f32> = [2.5].into_iter().chain([-1.0; 16]).chain([3.0, -0.5, 3.0, -0.5, 3.0]).collect();
        assert_eq!(best_segment(&w), Some((17, 21)));
        assert_eq!(best_segment_before_comments(&w, &[3], &[], &|_, _| false), Some((0, 0)));
        // A heading with no substantial text before it changes nothing.
        assert_eq!(best_segment_before_comments(&w, &[1, 3], &[], &|_, _| false), Some((0, 0)));
        assert_eq!(best_segment_before_comments(&[0.5, -1.0, 6.0], &[1], &[], &|_, _| false), Some((2, 2)));
        // A comment count above the article ("0 Comments" by the byline),
        // after a site blurb weighing next to nothing beside the article,
        // does not bind.
        let w: Vec<f32> = [2.5].into_iter().chain([-1.0; 16]).chain([12.0, -0.5, 12.0, -0.5, 12.0]).collect();
        assert_eq!(best_segment_before_comments(&w, &[3], &[], &|_, _| false), Some((17, 21)));
        // A heading inside the region, after substantial text, ends it.
        let w = [3.0, -0.3, 3.0, -0.5, 2.0, -0.3, 2.0];
        assert_eq!(best_segment(&w), Some((0, 6)));
        assert_eq!(best_segment_before_comments(&w, &[3], &[], &|_, _| false), Some((0, 2)));
    }

    #[test]
    fn tables_between_paragraphs_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Équipe      Points      Buts\n\
                     Lyon        54          61\n\
                     Lille       51          48\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     À lire aussi : un autre article sur le même sujet que celui-ci, et qui est long.\n\
                     Accueil     Sport     Météo\n";
        let (lines, prose) = classify(input);
        let b = lines.len() - 1;
        let rows: Vec<bool> = (0..lines.len()).map(|i| table_row(&lines, &prose, i, 0, b)).collect();
        assert_eq!(rows, vec![false, true, true, true, false, false, false]);
        // A block at the edge of the region is not a table of the article.
        assert!(!table_row(&lines, &prose, 1, 1, b));
        let skip = vec![false; lines.len()];
        assert!(!keep_in_region(&lines, &prose, &skip, 5, true));
    }

    #[test]
    fn numbered_notes_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici [1].\n\
                     [1] Gingras, Y. (2014) Les Dérives de l'Évaluation de la Recherche, Raisons d'Agir.\n\
                     [2] Smaldino, P. E. (2016) The Natural Selection. https://doi.org/10.1098/rsos.160384\n\
                     [4] Conner, C. (2011) Histoire Populaire des Sciences, L'Échappée.\n\
                     [1535178347]\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false];
        keep_notes(input, &lines, &skip, &mut keep, 0, 1);
        // Notes 1 and 2 follow each other; [4] skips a number; an id is no note.
        assert_eq!(keep, vec![true, true, true, false, false]);
        // Note [1] outside the region: nothing is kept.
        let mut keep = vec![true, false, false, false, false];
        keep_notes(input, &lines, &skip, &mut keep, 0, 0);
        assert_eq!(keep, vec![true, false, false, false, false]);
        // The list's heading, after a kept signature line.
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici [1].\n\
                     Collectif de chercheurs\n\
                     Bibliographie\n\
                     [1] Gingras, Y. (2014) Les Dérives de l'Évaluation de la Recherche, Raisons d'Agir.\n\
                     [2] Smaldino, P. E. (2016) The Natural Selection. https://doi.org/10.1098/rsos.160384\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, true, false, false, false];
        keep_notes(input, &lines, &skip, &mut keep, 0, 3);
        assert_eq!(keep, vec![true, true, true, true, true]);
        // Not when the line above it is left out (a menu, a box).
        let mut keep = vec![true, false, false, false, false];
        keep_notes(input, &lines, &skip, &mut keep, 0, 3);
        assert_eq!(keep, vec![true, false, false, true, true]);
    }

    #[test]
    fn notes_called_in_the_text_stay_however_far() {
        let body = "Les auteurs français [1] accèdent très peu aux revues classées en tête par la communauté [2].\n";
        let input = format!("{body}À lire aussi\nUn autre article sur le même sujet\nNotes\n[1] Les chercheurs dits « français » signent depuis la France.\n[2] Il s'agit d'articles rédigés en anglais.\n[3] Voir la liste complète.\nArticles les plus lus\n");
        let (lines, _) = classify(&input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![false; lines.len()];
        keep[0] = true;
        keep_called_notes(&input, &lines, &skip, &mut keep, 0);
        assert_eq!(keep, vec![true, false, false, false, true, true, true, false]);
        // Without the markers in the text, the notes are another page's.
        let body = "Les auteurs français accèdent très peu aux revues classées en tête par la communauté.\n";
        let input = format!("{body}À lire aussi\nUn autre article sur le même sujet\nNotes\n[1] Les chercheurs dits « français » signent depuis la France.\n[2] Il s'agit d'articles rédigés en anglais.\n");
        let (lines, _) = classify(&input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![false; lines.len()];
        keep[0] = true;
        keep_called_notes(&input, &lines, &skip, &mut keep, 0);
        assert_eq!(keep.iter().filter(|k| **k).count(), 1);
        // Notes numbered in parentheses, called so in the text.
        let body = "Le roman (1) raconte deux vies qui se croisent dans les quartiers pauvres de Séoul (2).\n";
        let input = format!("{body}Article précédent\nUn autre billet du blog\n(1) Hwang Sok-yong, Au soleil couchant, Picquier, 2017.\n(2) Voir notre dossier sur la ville.\nÉcrire un commentaire\n");
        let (lines, _) = classify(&input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![false; lines.len()];
        keep[0] = true;
        keep_called_notes(&input, &lines, &skip, &mut keep, 0);
        assert_eq!(keep, vec![true, false, false, true, true, false]);
    }

    #[test]
    fn lists_introduced_by_a_colon_stay() {
        let input = "Le texte prévoit plusieurs mesures pour les salariés concernés par la réforme :\n\
                     • une prime de fin d'année\n\
                     • deux jours de congé\n\
                     Le gouvernement doit encore préciser le calendrier de ces mesures dans les semaines à venir.\n\
                     • Accueil\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| keep_in_region(&lines, &prose, &skip, i, true)).collect();
        assert_eq!(kept, vec![true, true, true, true, false]);
    }

    #[test]
    fn one_word_sentences_between_paragraphs_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Vraiment.\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Hélas!\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n\
                     Partager.\n\
                     Accueil.\n\
                     Quatrième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| word_heading(&lines, &prose, &skip, i)).collect();
        // Two one-word lines in a row are labels, not sentences.
        assert_eq!(kept, vec![false, true, false, true, false, false, false, false]);
    }

    #[test]
    fn one_word_headings_between_paragraphs_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Clavier\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     PUBLICITÉ\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n\
                     Accueil\n\
                     Sport\n\
                     Quatrième paragraphe de l'article, qui est également un paragraphe de prose\n\
                     Conclusion\n\
                     Cinquième paragraphe de l'article, qui est également un paragraphe de prose.\n\
                     Publicité\n\
                     Sixième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| word_heading(&lines, &prose, &skip, i)).collect();
        // Capitals only, a run of menu words, after a line with no sentence
        // end, an advertising label: not headings.
        assert_eq!(kept, vec![false, true, false, false, false, false, false, false, false, false, false, false]);
        assert!(lines[10].chrome_cue);
    }

    #[test]
    fn one_word_label_heading_with_a_colon_stays() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Contexte :\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Fazit:\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n\
                     Tags :\n\
                     politique, municipales, transports\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| word_heading(&lines, &prose, &skip, i)).collect();
        // A label over a line of tags is no heading.
        assert_eq!(kept, vec![false, true, false, true, false, false, false]);
    }

    #[test]
    fn one_word_heading_under_a_section_heading_stays() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Les résultats de l'enquête\n\
                     Méthode\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Une photo de la salle, prise lundi.\n\
                     Reuters\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| word_heading(&lines, &prose, &skip, i)).collect();
        // Under a heading, yes; under a caption (a sentence), no.
        assert_eq!(kept, vec![false, false, true, false, false, false, false]);
    }

    #[test]
    fn repeated_interview_questions_stay() {
        let q = "Qu'est-ce qui vous a donné envie de cuisiner ?";
        let input = format!(
            "Partager sur Facebook\n\
             Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
             {q}\n\
             Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
             Partager sur Facebook\n\
             {q}\n\
             Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n\
             Une légende de photo répétée.\n\
             Quatrième paragraphe de l'article, qui est également un paragraphe de prose.\n\
             Une légende de photo répétée.\n\
             Partager sur Facebook\n"
        );
        let (lines, prose) = classify(&input);
        let skip = vec![false; lines.len()];
        let h = repeated_headings(&input, &lines, &prose, &skip, 1, 8, true);
        // The question heads a paragraph each time; the share line stands
        // outside the region, the caption's last occurrence heads nothing.
        assert_eq!(h, vec![false, false, true, false, false, true, false, false, false, false, false]);
        // Outside the region, nothing is a heading.
        assert!(!repeated_headings(&input, &lines, &prose, &skip, 1, 4, true)[2]);
    }

    #[test]
    fn question_headings_listed_in_a_table_of_contents_stay() {
        // The questions head their sections and are listed once more
        // under "Sommaire"; the listed copies stay out.
        let para = |n: &str| format!("{n} paragraphe de l'article, assez long pour être de la prose véritable ici.\n");
        let (q1, q2, q3) = ("Combien d'alcool est permis sur un bateau ?", "Quelles sanctions risque-t-on ?", "Faut-il rendre son permis ?");
        let input = format!("Sommaire\n{q1}\n{q2}\n{q3}\n{}{q1}\n{}{q2}\n{}{q3}\n{}", para("Premier"), para("Deuxième"), para("Troisième"), para("Quatrième"));
        let (lines, prose) = classify(&input);
        let skip = vec![false; lines.len()];
        let h = repeated_headings(&input, &lines, &prose, &skip, 4, 10, true);
        assert_eq!(h, vec![false, false, false, false, false, true, false, true, false, true, false]);
        // Listed in a run of two only, a question is no heading of a table
        // of contents.
        let input = format!("{q1}\n{q2}\n{}{q1}\n{}{q2}\n{}", para("Premier"), para("Deuxième"), para("Troisième"));
        let (lines, prose) = classify(&input);
        let skip = vec![false; lines.len()];
        assert!(repeated_headings(&input, &lines, &prose, &skip, 2, 6, true).iter().all(|k| !k));
    }

    #[test]
    fn repeated_speaker_labels_of_an_interview_stay() {
        // "Sunshine:" heads each question, short or long; "Anne:" each
        // answer. A one-word label heading a link list ("Partager :") is
        // no speaker.
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Sunshine:\n\
                     Comment as-tu trouvé le temps d'écrire ce livre ?\n\
                     Anne:\n\
                     J'écrivais le soir, après les cours, et pendant toutes les vacances scolaires.\n\
                     Sunshine:\n\
                     Que fais-tu quand tu n'écris pas, à part lire les livres des autres auteurs ?\n\
                     Anne:\n\
                     Je vois mes amis, je vais au cinéma et je fais beaucoup de sport le week-end.\n\
                     Partager :\n\
                     Facebook\n\
                     Partager :\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let h = repeated_headings(input, &lines, &prose, &skip, 0, 8, true);
        assert_eq!(h, vec![false, true, false, true, false, true, false, true, false, false, false, false]);
    }

    #[test]
    fn short_closing_sentences_after_the_region_stay() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     « C'est exact », a-t-il répondu.\n\
                     Merci pour cet entretien !\n\
                     Vous aimez cet article ?\n\
                     Une dernière phrase courte.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 2);
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     (Reportage de Jean Dupont, avec Marie Durand.)\n\
                     © 2020 Le Journal. Tous droits réservés.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 0);
        // A closing line without an end mark: a credit, a slogan.
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     D'après les informations de Jean Dupont de la CBC\n\
                     Une dernière phrase courte.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 1);
        // Not a label in title case, nor a short one, nor a call.
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Ottawa-Gatineau en continu\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 0);
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Inscrivez-vous à notre lettre pour recevoir les dernières nouvelles\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 0);
    }

    #[test]
    fn the_end_of_a_name_list_and_a_signed_salutation_after_the_region_stay() {
        assert!(name_enumeration("CNRS, Inserm, Inria."));
        assert!(!name_enumeration("CNRS et Inserm."));
        assert!(!name_enumeration("Paris, le jardin des plantes, et le reste."));
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     CNRS, Inserm, Inria.\n\
                     Retour vers toutes les actualités\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 1);
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     Merci à toutes et à tous pour les messages de solidarité,\n\
                     Collectif Vérité et Justice Union Syndicale Solidaires Nouveau Parti Anticapitaliste\n\
                     Source : Page Facebook du collectif\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 2);
        // No signature under it (a list item, a menu, the next line of a
        // verse, the rest of the sentence): nothing.
        for next in ["• Accueil", "Et à tous nos soutiens,", "nous avons besoin de votre soutien pour continuer"] {
            let input = format!("Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\nMerci à toutes et à tous pour les messages de solidarité,\n{next}\n");
            let (lines, _) = classify(&input);
            let skip = vec![false; lines.len()];
            assert_eq!(tail_sentences(&input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 0, "{next}");
        }
    }

    #[test]
    fn closing_formula_after_the_region_stays() {
        // "A suivre" is too short for a closing sentence; as a closing
        // formula it is the article's last line, and ends the tail.
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     A suivre\n\
                     Une dernière phrase courte.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 1);
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     À suivre sur nos réseaux\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        assert_eq!(tail_sentences(input, &lines, &skip, 0, Lexicon::get(), fr_bit()), 0);
    }

    #[test]
    fn block_introduced_by_a_colon_stays() {
        let input = "Nous communiquons ainsi les coordonnées de la radio :\n\
                     redaction@exemple.fr\n\
                     BP 422\n\
                     38018 Grenoble cedex 01\n\
                     Tél : 04 76 40 63 62\n\
                     Nous vous tiendrons informés des actions que nous déciderons de mener dans les semaines à venir.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, true];
        keep_introduced_blocks(&lines, &skip, &mut keep, 0, 5);
        assert_eq!(keep, vec![true; 6]);
        // A label, or a teaser in the block: nothing is added.
        let input = "Retrouvez-nous aussi sur :\nFacebook\nTwitter\nUn paragraphe qui suit, assez long pour être de la prose véritable ici.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, true];
        keep_introduced_blocks(&lines, &skip, &mut keep, 0, 3);
        assert_eq!(keep, vec![true, false, false, true]);
        let input = "Voici ce que nous avons appris cette semaine :\nTu as aimé l'article ? Partage-le...\nUn paragraphe qui suit, assez long pour être de la prose véritable ici.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, true];
        keep_introduced_blocks(&lines, &skip, &mut keep, 0, 2);
        assert_eq!(keep, vec![true, false, true]);
    }

    #[test]
    fn block_announced_by_the_last_line_is_kept_up_to_the_menu() {
        let input = "Les rues fermées aux voitures le week-end sont les suivantes :\n\
                     rue de la République\n\
                     rue Victor-Hugo\n\
                     place du Marché\n\
                     ← Article précédent\n\
                     Article suivant →\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, false];
        assert_eq!(keep_announced_block(input, &lines, &skip, &mut keep, 0, true), 4);
        assert_eq!(keep, vec![true, true, true, true, false, false]);
        // A label is no sentence: what follows it is not announced.
        let input = "Suivez-nous sur :\nFacebook Twitter Instagram\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false];
        assert_eq!(keep_announced_block(input, &lines, &skip, &mut keep, 0, true), 1);
        assert_eq!(keep, vec![true, false]);
        // Nor a line without a colon.
        let input = "Les rues fermées aux voitures le week-end sont nombreuses.\nrue Victor-Hugo\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false];
        keep_announced_block(input, &lines, &skip, &mut keep, 0, true);
        assert_eq!(keep, vec![true, false]);
    }

    #[test]
    fn a_colon_sentence_right_after_the_last_kept_line_announces_its_block() {
        let input = "• une caisse qui délivre la solidarité sous quarante-huit heures aux grévistes.\n\
                     Point d’étape au 12 janvier 2020 à 11h :\n\
                     MONTANT TOTAL COLLECTÉ DEPUIS LE 5 DÉC. 2019\n\
                     2 235 010 EUROS\n\
                     MERCI DE VOTRE AIDE\n\
                     ━━━━━━━━━━━━━━━━━━━━\n\
                     Faire un don en ligne :\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, false, false];
        assert_eq!(keep_announced_block(input, &lines, &skip, &mut keep, 0, true), 5);
        assert_eq!(keep, vec![true, true, true, true, true, false, false]);
        // A label is no sentence, a colon sentence announcing a single
        // line is left alone, and so is one over links or list items.
        for input in [
            "Un paragraphe de l'article qui se termine ici.\nSuivez-nous sur :\nFacebook\nTwitter\n",
            "Un paragraphe de l'article qui se termine ici.\nPour en savoir plus sur le sujet :\nwww.exemple.fr\n",
            "Un paragraphe de l'article qui se termine ici.\nPour en savoir plus sur le sujet :\nhttps://www.exemple.fr/dossier\nPublié le 26 janvier 2022\n",
            "Un paragraphe de l'article qui se termine ici.\nLisez à ce sujet nos communiqués :\n• Nr. 34 du 8 novembre\n• Nr. 32 du 5 novembre\n",
            "Un paragraphe de l'article qui se termine ici.\nCes articles pourraient aussi vous intéresser :\nPetit-déjeuner : les meilleurs conseils\nMinceur : les aliments qui aident\n",
        ] {
            let (lines, _) = classify(input);
            let skip = vec![false; lines.len()];
            let mut keep = vec![false; lines.len()];
            keep[0] = true;
            assert_eq!(keep_announced_block(input, &lines, &skip, &mut keep, 0, true), 1, "{input}");
            assert!(keep.iter().skip(1).all(|k| !k), "{input}");
        }
    }

    #[test]
    fn a_zero_count_heads_no_comment_section() {
        for t in ["0 Kommentare", "0Comments", "Comments (0)", "0 commentaires"] {
            assert!(zero_count(t), "{t}");
        }
        for t in ["Comments (79)", "10 commentaires", "Commentaires", "2 Kommentare zu „Die 0-Euro-Frage“"] {
            assert!(!zero_count(t), "{t}");
        }
    }

    #[test]
    fn a_later_candidate_near_the_region_is_merged() {
        // Three paragraphs, a box of ten chrome lines, two more paragraphs.
        let mut w = vec![3.0, 3.0, 3.0];
        w.extend([-1.0; 10]);
        w.extend([3.0, 2.0, -1.0]);
        assert_eq!(best_segment(&w), Some((0, 2)));
        let no_cue = |_: usize| false;
        assert_eq!(merge_later(&w, 0, 2, &[], &no_cue), 14);
        // Not past a cue or a comment heading, nor a light candidate.
        assert_eq!(merge_later(&w, 0, 2, &[], &|j: usize| j == 5), 2);
        assert_eq!(merge_later(&w, 0, 2, &[7], &no_cue), 2);
        let mut light = w.clone();
        light[14] = -1.0;
        assert_eq!(merge_later(&light, 0, 2, &[], &no_cue), 2);
        // Nor one too far below.
        let mut far = vec![3.0, 3.0, 3.0];
        far.extend([-1.0; MERGE_GAP + 1]);
        far.extend([3.0, 3.0]);
        assert_eq!(merge_later(&far, 0, 2, &[], &no_cue), 2);
    }

    #[test]
    fn list_under_a_heading_and_an_introducer_between_paragraphs_stays() {
        let input = "Nous avons recommandé une subvention de cinq millions pour créer un programme dédié.\n\
                     Résumé\n\
                     Ce billet traite des points suivants :\n\
                     • Pourquoi ce programme est prometteur.\n\
                     • Les risques que nous voyons.\n\
                     Notre décision a été prise après une longue étude des programmes existants dans le pays.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, true];
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, 5, true);
        assert_eq!(keep, vec![true; 6]);
        // Without the introducer, a heading over links is a menu.
        let input = "Nous avons recommandé une subvention de cinq millions pour créer un programme dédié.\n\
                     Rubriques\n\
                     Voir aussi\n\
                     • Pourquoi ce programme est prometteur\n\
                     • Les risques que nous voyons\n\
                     Notre décision a été prise après une longue étude des programmes existants dans le pays.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, true];
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, 5, true);
        assert_eq!(keep, vec![true, false, false, false, false, true]);
    }

    #[test]
    fn headed_lists_under_a_colon_introducer_between_paragraphs_stay() {
        let input = "Chacun a sa propre liste, mais pour moi elle ressemblait à peu près à ceci :\n\
                     PAS EFFRAYANT\n\
                     • Écrire un billet de blog\n\
                     • Parler à quelqu'un au téléphone\n\
                     TERRIFIANT\n\
                     • Publier le billet de blog\n\
                     • Parler à quelqu'un en visioconférence\n\
                     Je ne suis pas passé directement de la première liste à la dernière, et c'est bien là tout le propos.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, false, false, false, true];
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, 7, true);
        assert_eq!(keep, vec![true; 8]);
        // Without the colon, headed link boxes between two paragraphs stay
        // out; so does a group of a single item.
        for (first, one_item) in [("Chacun a sa propre liste, mais pour moi elle ressemblait à peu près à ceci.", false), ("Chacun a sa propre liste, mais pour moi elle ressemblait à peu près à ceci :", true)] {
            let last_item = if one_item { "UN AUTRE TITRE" } else { "• Parler à quelqu'un en visioconférence" };
            let input = format!(
                "{first}\nPAS EFFRAYANT\n• Écrire un billet de blog\n• Parler à quelqu'un au téléphone\nUN PEU EFFRAYANT\n• Publier le billet de blog\n{last_item}\n\
                 Je ne suis pas passé directement de la première liste à la dernière, et c'est bien là tout le propos.\n"
            );
            let (lines, _) = classify(&input);
            let skip = vec![false; lines.len()];
            let mut keep = vec![true, false, false, false, false, false, false, true];
            keep_sandwiched_lists(&input, &lines, &skip, &mut keep, 0, 7, true);
            assert_eq!(keep, vec![true, false, false, false, false, false, false, true], "{first} / {last_item}");
        }
    }

    #[test]
    fn short_entries_of_a_live_report_stay() {
        let input = "88'\n\
                     Sortie de Pierre-Yves Hamel\n\
                     88'\n\
                     Nouvelle opportunité pour l'OL mais la volée de Bard termine dans le petit filet extérieur.\n\
                     74'\n\
                     Sortie de Fabien Lemoine\n\
                     Entrée de Thiago Mendes\n\
                     73'\n\
                     Lyon n'a plus que vingt minutes pour renverser Lorient...\n\
                     71'\n\
                     L'OL tente de réagir avec une frappe lointaine de Lucas qui passe largement au-dessus.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep: Vec<bool> = prose.clone();
        keep_stamped_entries(&lines, &skip, &mut keep, 0, lines.len() - 1, true);
        let stamps = [0, 2, 4, 7, 9];
        for (i, k) in keep.iter().enumerate() {
            assert_eq!(*k, !stamps.contains(&i), "line {i}");
        }
        // With fewer stamps, a short line between them is no entry.
        let input = "88'\n\
                     Sortie de Pierre-Yves Hamel\n\
                     71'\n\
                     L'OL tente de réagir avec une frappe lointaine de Lucas qui passe largement au-dessus.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep: Vec<bool> = prose.clone();
        keep_stamped_entries(&lines, &skip, &mut keep, 0, lines.len() - 1, true);
        assert_eq!(keep, vec![false, false, false, true]);
    }

    #[test]
    fn paragraphs_after_a_list_go_on_across_a_short_gap() {
        let input = "Ils recherchent également du matériel informatique comme des ordinateurs portables et des tablettes.\n\
                     Publiée par le Centre hospitalier sur Jeudi 26 mars 2020\n\
                     Si vous souhaitez aider le centre hospitalier dans sa mobilisation, rendez-vous sur ce site pour remplir un formulaire.\n\
                     À lire aussi : Un autre article sur le même sujet\n\
                     Un paragraphe d'un autre article, assez long pour être de la prose véritable ici.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![false; lines.len()];
        assert_eq!(paragraphs_after_list(&lines, &prose, &skip, &mut keep, 0), 3);
        assert_eq!(keep, vec![true, false, true, false, false]);
        // No paragraph right after the list: nothing is kept.
        let mut keep = vec![false; lines.len()];
        assert_eq!(paragraphs_after_list(&lines, &prose, &skip, &mut keep, 1), 1);
        assert!(keep.iter().all(|k| !k));
    }

    #[test]
    fn salutations_open_letters() {
        let (lines, _) = classify("Ami abonné,\nChers lecteurs et lectrices,\nAccueil\n• Chers amis,\nPartager\nMerci, à bientôt, et bonne lecture,\n");
        let s: Vec<bool> = lines.iter().map(salutation).collect();
        assert_eq!(s, vec![true, true, false, false, false, false]);
    }

    #[test]
    fn headings_and_captions_stay_ads_go() {
        let input = "Premier paragraphe de l'article, assez long pour être de la prose véritable ici.\n\
                     - Publicité-\n\
                     Un recrutement strict pour une force professionnalisée\n\
                     Deuxième paragraphe de l'article, lui aussi assez long pour compter comme prose.\n\
                     Le ministre lors de sa conférence de presse à Moscou, le 11 novembre\n\
                     Bénin\n\
                     Troisième paragraphe de l'article, qui est également un paragraphe de prose.\n";
        let (lines, prose) = classify(input);
        let skip = vec![false; lines.len()];
        let kept: Vec<bool> = (0..lines.len()).map(|i| keep_in_region(&lines, &prose, &skip, i, true)).collect();
        assert_eq!(kept, vec![true, false, true, true, true, false, true]);
    }

    #[test]
    fn one_word_items_in_running_style_between_paragraphs_stay() {
        let input = "Notre trousse de randonnée est vraiment très simple et tient dans un sac.\n\
                     • bouteilles d'eau\n\
                     • porte-bébé\n\
                     • appareil\n\
                     Depuis que nous vivons ici, nous sommes allés plusieurs fois dans la montagne.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, false, true];
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, 4, true);
        assert_eq!(keep, vec![true; 5]);
        // Menu labels stay out.
        let input = "Notre trousse de randonnée est vraiment très simple et tient dans un sac.\n\
                     • Accueil\n\
                     • Sports\n\
                     Depuis que nous vivons ici, nous sommes allés plusieurs fois dans la montagne.\n";
        let (lines, _) = classify(input);
        let skip = vec![false; lines.len()];
        let mut keep = vec![true, false, false, true];
        keep_sandwiched_lists(input, &lines, &skip, &mut keep, 0, 3, true);
        assert_eq!(keep, vec![true, false, false, true]);
    }
}
