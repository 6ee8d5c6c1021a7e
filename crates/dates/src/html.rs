//! Publication and modification dates of an HTML page.
//!
//! One pass over the page's source ([`markup::walk`]: elements, attributes
//! and text as a tree builder would nest them, without building the tree)
//! gathers dated candidates from every kind of source, each with a
//! reliability score:
//!
//! * `<meta>` tags (`article:published_time`, `datePublished`, `dc.date`,
//!   `pubdate`, `parsely-pub-date`, `sailthru.date`, …; the modified-time
//!   family goes to `modified`), `http-equiv`, `itemprop` attributes;
//! * JSON-LD (`datePublished`, `dateCreated`, `uploadDate`, `dateModified`)
//!   and JSON keys in other scripts (`publishedAt`, `publish_date`, …);
//! * `<time datetime>`, `<abbr title>`, `data-*` date attributes;
//! * elements whose class or id names a date (`date`, `published`,
//!   `entry-date`, `byline`, `timestamp`, …): their own short text;
//! * dates in text introduced by a cue word ("Publié le", "Updated",
//!   "Veröffentlicht am": `data/cues.tsv`) that opens a byline, not one
//!   inside a sentence ("5.2 was released on …");
//! * the page URL, the canonical link and `og:url` (`/2025/06/23/`; a
//!   month-only `/2025/06/` takes the text's day of that month when only
//!   weak candidates name another month);
//! * every other date in the text, as a last resort (dates standing alone
//!   in a short text before those of running prose, timestamps with a time
//!   of day first among them, then the most frequent day, earliest first), outside navigation, sidebars, comments, the
//!   site's banner (a page-level `<header>`: it shows today's date) and
//!   footers; when nothing at all dates the page, a day in its
//!   description meta.
//!
//! Candidates outside the plausible range (1990-01-01 up to tomorrow) are
//! dropped; the best-scored published candidate wins (ties: first in the
//! document). Modification candidates never become the publication date
//! unless nothing else dates the page, or the page prints its (reliable,
//! later) update day but nowhere its publication day from markup: readers
//! date it by what they see. For the same reason a publication day from
//! markup that the page prints nowhere yields to one of the page's first
//! `<time>` elements whose day it prints. Comments, scripts other than data
//! scripts, and web-archive toolbars are never read, so crawl dates do not
//! leak in.
//!
//! A UTC time (`Z`, `+00:00`) is moved to the page's local day when the
//! page's own local times give its offset, when its local dates favour the
//! neighbouring day, or when the page declares a region of the Americas
//! (`en_US`, `fr-CA`) and the UTC hour is earlier than that region's least
//! offset (the page not showing the UTC day).

use std::sync::OnceLock;

use std::borrow::Cow;

use dossier_document::{DateValue, Precision};
use regex::Regex;
use rustc_hash::FxHashMap;

use crate::calendar::{Bounds, Ymd};
use crate::markup::{self, Tag};
use crate::text::{find_dates_with, parse_with, DayOrder};

/// Dates found on an HTML page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlDates {
    /// Original publication date.
    pub published: Option<DateValue>,
    /// Last modification date.
    pub modified: Option<DateValue>,
}

/// Settings of [`find_with`].
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// The day dates may not be later than (plus one day for time zones).
    pub today: Ymd,
    /// How to read ambiguous numeric dates; `None`: from the page's
    /// declared language (month first for US English, else day first).
    pub order: Option<DayOrder>,
    /// Read dates from the page text when no structured source dates the
    /// page (cue words, date-named elements always count).
    pub text_fallback: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { today: Ymd::today(), order: None, text_fallback: true }
    }
}

/// Finds the dates of the page whose HTML source is `src` (`url`: where it
/// was fetched from, if known).
pub fn find(src: &str, url: Option<&str>) -> HtmlDates {
    find_with(src, url, &Options::default())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Meta,
    JsonLd,
    Itemprop,
    Time,
    Url,
    /// Text of a date-named element or introduced by a cue word: visible.
    Visible,
    Attr,
    Script,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Published,
    Modified,
}

#[derive(Debug, Clone)]
struct Candidate {
    date: DateValue,
    kind: Kind,
    score: i32,
    /// Order of discovery (document order within a source family).
    seq: usize,
    /// Where it came from (corroboration counts distinct families).
    family: Family,
    /// Tag and classes of the element it came from: the same signature
    /// dating many different days marks a listing (teasers, comments).
    sig: String,
    /// The source gave the time in UTC (`Z`, `+00:00`, a Unix timestamp):
    /// its day may be the next or previous local day.
    utc: bool,
    /// From a creation key (`dcterms.created`, `dateCreated`): the day the
    /// record was made, which yields to an explicit publication date.
    created: bool,
}

fn utc_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)(?:[0-9]Z|[+-]00:?00|(?-u:\b)UTC|(?-u:\b)GMT|=[0-9]{9,13})(?:\s*\([^()]{0,40}\))?\s*$").unwrap_or_else(|e| panic!("utc regex: {e}"))
    })
}

// Scores: higher is more reliable.
const S_META_STRONG: i32 = 100;
const S_JSONLD: i32 = 96;
const S_ITEMPROP: i32 = 94;
const S_META_WEAK: i32 = 58;
const S_TIME_MARKED: i32 = 90;
const S_URL_DAY: i32 = 98;
const S_CUE: i32 = 76;
const S_CLASS_STRONG: i32 = 72;
const S_TIME_PLAIN: i32 = 66;
const S_CLASS_WEAK: i32 = 60;
const S_DATA_ATTR: i32 = 55;
const S_SCRIPT_JSON: i32 = 50;
const S_URL_MONTH: i32 = 20;
/// Other meta names that speak of publication or creation.
const S_META_OTHER: i32 = 70;
/// A day in the URL of the page's main image.
const S_IMAGE_URL: i32 = 40;
/// The least score of a modification date standing in for a missing
/// publication date before the text's dates are tried.
const MODIFIED_AS_PUBLISHED: i32 = 30;
/// Penalty for candidates from a listing (see `penalise_listings`).
const LISTING_PENALTY: i32 = 30;
/// Bonus per other source family dating the same day.
const CORROBORATION: i32 = 8;
/// The least score of a candidate that corroborates another's day.
const MIN_CORROBORATING: i32 = 40;
/// Bonus when the day is also printed in the main text.
const VISIBLE_BONUS: i32 = 12;
/// The least score of a `<time>` that may stand for a hidden publication
/// day (`printed_time_over_hidden_markup`): one of the page's first few
/// time elements, outside boilerplate and listings.
const MIN_PRINTED_TIME: i32 = 52;
/// Penalty for dates inside navigation, sidebars, comments, footers.
const BOILER_PENALTY: i32 = 40;

fn meta_key_kind(key: &str) -> Option<(Kind, i32)> {
    const STRONG: &[&str] = &[
        "article:published_time", "og:article:published_time", "og:published_time", "article.published",
        "article_date_original", "article:publicationdate", "article.created", "datepublished", "date_published",
        "datecreated", "dateposted", "published_time", "published-date", "publishdate", "publish_date",
        "publish-date", "publication_date", "publication-date", "pubdate", "parsely-pub-date", "sailthru.date",
        "dc.date.issued", "dc.date.created", "dc.date.publication", "dcterms.issued", "dcterms.created",
        "dc.created", "dc:created", "citation_publication_date", "citation_date", "originalpublicationdate",
        "rnews:datepublished", "bt:pubdate", "cxenseparse:recs:publishtime", "shareaholic:article_published_time",
        "og:pubdate", "article:published", "article_published_time", "date.published", "publishtime",
        "publish-time", "publication-time", "firstpublisheddate", "dc.date.available",
    ];
    const WEAK: &[&str] = &["date", "dc.date", "dcterms.date", "dc:date", "created", "creation_date", "sort_date"];
    const MODIFIED: &[&str] = &[
        "article:modified_time", "og:article:modified_time", "og:updated_time", "datemodified", "date_modified",
        "dc.modified", "dcterms.modified", "dc.date.modified", "modified_time", "updated_time", "lastmod",
        "last-modified", "lastmodified", "last_modified", "article.updated", "dateupdate", "revised",
        "article:modified", "modified", "updated",
    ];
    if STRONG.contains(&key) {
        Some((Kind::Published, S_META_STRONG))
    } else if WEAK.contains(&key) {
        Some((Kind::Published, S_META_WEAK))
    } else if MODIFIED.contains(&key) {
        Some((Kind::Modified, S_META_STRONG))
    } else if key.contains("modif") || key.contains("updat") {
        Some((Kind::Modified, S_META_OTHER))
    } else if ["publish", "created", "uploaded", "pubdate", "date"].iter().any(|w| key.contains(w))
        && !["expir", "valid", "end", "start", "event", "birth", "copyright", "format"].iter().any(|w| key.contains(w))
    {
        Some((Kind::Published, S_META_OTHER))
    } else {
        None
    }
}

fn itemprop_kind(p: &str) -> Option<Kind> {
    match p {
        "datepublished" | "datecreated" | "uploaddate" | "pubdate" => Some(Kind::Published),
        "datemodified" | "dateupdated" | "dateupdate" => Some(Kind::Modified),
        _ => None,
    }
}

struct Cues {
    /// (cue, kind), in the automaton's pattern order.
    cues: Vec<(String, Kind)>,
    /// All cues at once.
    automaton: aho_corasick::AhoCorasick,
}

fn cues() -> &'static Cues {
    static C: OnceLock<Cues> = OnceLock::new();
    C.get_or_init(|| {
        let mut cues = Vec::new();
        for line in include_str!("../data/cues.tsv").lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(kind), Some(cue)) = (cols.get(1), cols.get(2)) else { continue };
            let kind = match *kind {
                "published" => Kind::Published,
                "modified" => Kind::Modified,
                _ => continue,
            };
            cues.push((cue.trim().to_lowercase(), kind));
        }
        let automaton = aho_corasick::AhoCorasick::new(cues.iter().map(|c| c.0.as_str()))
            .unwrap_or_else(|e| panic!("cue words: {e}"));
        Cues { cues, automaton }
    })
}

/// The cue closest to the end of `before` (lower-cased context preceding a
/// date), if it is near enough.
fn cue_before(before: &str) -> Option<Kind> {
    let c = cues();
    // (end, length, kind) of the cue ending last (the longest at that end).
    let mut best: Option<(usize, usize, Kind)> = None;
    for m in c.automaton.find_overlapping_iter(before) {
        // Whole word at its start.
        if before.get(..m.start()).and_then(|s| s.chars().next_back()).is_some_and(char::is_alphanumeric) {
            continue;
        }
        let Some(&(_, kind)) = c.cues.get(m.pattern().as_usize()) else { continue };
        let better = match best {
            None => true,
            Some((end, len, _)) => (end, len) < (m.end(), m.len()),
        };
        if better {
            best = Some((m.end(), m.len(), kind));
        }
    }
    let (end, len, kind) = best?;
    // A cue opens a byline, not a sentence: far into running prose ("Mercurial
    // 5.2 was released on 5 November 2019") it dates something else.
    let lead = before.get(..end.saturating_sub(len)).unwrap_or("");
    let lead = lead.rsplit_once('|').map_or(lead, |(_, l)| l);
    let words: Vec<&str> = lead.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).collect();
    let verb_before = words.len() >= 3 && words.last().is_some_and(|w| w.chars().all(char::is_alphabetic));
    if lead.chars().count() > MAX_CUE_LEAD || verb_before {
        return None;
    }
    // Only a few characters (articles, "on", "le", ":") between cue and date.
    let gap = before.get(end..).unwrap_or("");
    (gap.chars().count() <= 16 && !gap.bytes().any(|b| b.is_ascii_digit())).then_some(kind)
}

fn url_date_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?x)
            [/_.-](?P<y>(?:19|20)[0-9]{2})[/_-](?P<m>[0-9]{1,2})[/_-](?P<d>[0-9]{1,2})(?:[/_.?\#-]|$)
            | [/_-](?P<cy>(?:19|20)[0-9]{2})(?P<cm>[01][0-9])(?P<cd>[0-3][0-9])(?:[/_.?\#-]|$)
            | /(?P<my>(?:19|20)[0-9]{2})/(?P<mm>[0-9]{1,2})/
            | [/_-](?P<ed>[0-9]{1,2})[-_](?P<em>[0-9]{1,2})[-_](?P<ey>(?:19|20)[0-9]{2})(?:[/_.?\#-]|$)",
        )
        .unwrap_or_else(|e| panic!("url regex: {e}"))
    })
}

/// A date in a URL path: `/2025/06/23/`, `/2025-06-23-title`, `/20250623/`
/// (day), `/2025/06/` (month).
pub fn url_date(url: &str) -> Option<DateValue> {
    // Only the path and query, not the host.
    let path = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = path.find('/').and_then(|i| path.get(i..)).unwrap_or("");
    let c = url_date_regex().captures(path)?;
    let get = |n: &str| c.name(n).and_then(|m| m.as_str().parse::<u32>().ok());
    let ev = c.get(0).map(|m| m.as_str()).unwrap_or("");
    let evidence = format!("url {ev}");
    if let (Some(y), Some(m), Some(d)) = (get("y"), get("m"), get("d")) {
        return Ymd::new(y as i32, m, d).map(|_| DateValue::from_parts(y as i32, m, d, None, Precision::Day, evidence));
    }
    if let (Some(y), Some(m), Some(d)) = (get("cy"), get("cm"), get("cd")) {
        return Ymd::new(y as i32, m, d).map(|_| DateValue::from_parts(y as i32, m, d, None, Precision::Day, evidence));
    }
    if let (Some(y), Some(m), Some(d)) = (get("ey"), get("em"), get("ed")) {
        return Ymd::new(y as i32, m, d).map(|_| DateValue::from_parts(y as i32, m, d, None, Precision::Day, evidence));
    }
    if let (Some(y), Some(m)) = (get("my"), get("mm")) {
        return Ymd::new(y as i32, m, 1).map(|_| DateValue::from_parts(y as i32, m, 1, None, Precision::Month, evidence));
    }
    None
}

fn script_url_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r#"https?://[^\s"'<>]{4,300}"#).unwrap_or_else(|e| panic!("url regex: {e}")))
}

fn json_key_regex() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r#""(?P<k>datePublished|dateCreated|uploadDate|dateModified|publishedAt|published_at|publishDate|publish_date|publishedDate|published_date|firstPublished|first_published_at|datePosted|pubDate|modifiedAt|updatedAt|updated_at|lastModified|date_modified|modified_date)"\s*:\s*"(?P<v>[^"]{6,64})""#,
        )
        .unwrap_or_else(|e| panic!("json regex: {e}"))
    })
}

fn json_key_kind(k: &str) -> Kind {
    let l = k.to_ascii_lowercase();
    if l.contains("modif") || l.contains("updat") {
        Kind::Modified
    } else {
        Kind::Published
    }
}

/// Reads a date from an attribute value: a whole date expression, a date at
/// its start ("2025-06-23 10:00:00.0"), or a Unix timestamp.
fn attr_date(v: &str, order: DayOrder) -> Option<DateValue> {
    let t = v.trim();
    if t.is_empty() || t.len() > 120 {
        return None;
    }
    // Machine-written values with slashes ("11/01/2023 12:43:42") follow
    // the US convention whatever the page's language.
    let order = if t.starts_with(|c: char| c.is_ascii_digit()) && t.get(..6).is_some_and(|p| p.contains('/')) {
        DayOrder::Mdy
    } else {
        order
    };
    if let Some(d) = parse_with(t, order) {
        return Some(d);
    }
    if t.len() >= 9 && t.len() <= 13 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = t.parse().ok()?;
        let secs = if t.len() == 13 { n / 1000 } else { n };
        let day = Ymd::from_days(secs.div_euclid(86_400));
        return Some(DateValue::from_parts(day.year, day.month, day.day, None, Precision::Day, t));
    }
    let first = find_dates_with(t, order).into_iter().next()?;
    // A date field: any day it holds ("Published: 23 June 2025").
    (first.date.precision >= Precision::Day).then_some(first.date)
}

fn with_evidence(mut d: DateValue, evidence: String) -> DateValue {
    d.evidence = evidence;
    d
}

/// How an element relates to dates and boilerplate.
#[derive(Debug, Clone, Copy, Default)]
struct Frame {
    /// Text below is never read (script, style, archive toolbar, …).
    skip: bool,
    /// Inside navigation, sidebar, comments, footer.
    boiler: bool,
    /// Inside an `<article>` or the `<main>` content.
    content: bool,
    /// Index of this element's date-class buffer, if it has one.
    buffer: Option<usize>,
}

/// A date-named element whose text is being gathered.
#[derive(Debug)]
struct Buffer {
    text: String,
    sig: String,
    kind: Kind,
    score: i32,
    boiler: bool,
    open: bool,
}

const BUFFER_CAP: usize = 300;
/// Data scripts longer than this are not searched.
const MAX_SCRIPT_BYTES: usize = 4 << 20;
/// How many nested date elements a text is gathered into at most.
const MAX_OPEN_BUFFERS: usize = 4;
const CONTEXT_CAP: usize = 64;
/// Characters of its block a cue word may follow (a byline's author, a
/// separator); more: the cue is inside a sentence.
const MAX_CUE_LEAD: usize = 48;
/// Characters of a text whose dates stand alone rather than in a sentence.
const MAX_SHORT_TEXT: usize = 80;
const MAX_TEXT_CANDIDATES: usize = 2_000;
/// Structured candidates kept at most (bounds the selection's work).
const MAX_CANDIDATES: usize = 2_000;

fn lower_attrs(e: &Tag) -> String {
    let mut s = String::new();
    if let Some(id) = e.attr_str("id") {
        s.push_str(id);
        s.push(' ');
    }
    if let Some(class) = e.attr_str("class") {
        s.push_str(class);
    }
    s.make_ascii_lowercase();
    s
}

/// What the words of an element's class and id say about it.
#[derive(Debug, Clone, Copy, Default)]
struct ClassWords {
    boiler: bool,
    modified: bool,
    strong: bool,
    weak: bool,
    /// Shows the reader's clock or is the Wayback Machine's toolbar: skipped.
    skip: bool,
}

const BOILER_WORDS: &[&str] = &[
    "comment", "footer", "sidebar", "related", "widget", "navbar", "navigation", "menu", "recommend", "popular",
    "trending", "most-read", "mostread", "breadcrumb", "reply", "respond", "disqus", "also-read", "more-stories",
    "read-more", "newsletter", "cookie", "instagram", "twitter-tweet", "embed", "teaser",
];
const MODIFIED_WORDS: &[&str] = &["updated", "modified", "update-date", "last-mod", "dateupdate", "date-update", "revised"];
const STRONG_WORDS: &[&str] = &[
    "publish", "pubdate", "posted", "entry-date", "post-date", "postdate", "article-date", "articledate", "created",
    "story-date", "news-date", "date-header", "dateline", "timestamp", "byline", "submitted",
];
const WEAK_WORDS: &[&str] = &["date", "time", "datum", "fecha", "meta", "info", "author", "data"];

/// One automaton for all class words (one pass over the attribute text),
/// ignoring ASCII case as the lower-cased attributes did.
fn class_automaton() -> &'static aho_corasick::AhoCorasick {
    static AC: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    AC.get_or_init(|| {
        let words = BOILER_WORDS.iter().chain(MODIFIED_WORDS).chain(STRONG_WORDS).chain(WEAK_WORDS).chain(SKIP_WORDS);
        aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words)
            .unwrap_or_else(|e| panic!("class words: {e}"))
    })
}

/// [`class_words`] of an element's id and class, read without a copy (the
/// automaton ignores ASCII case; no word holds a space, so none matches
/// across the two values). A page repeats its class values over and over
/// (menu items, teasers), so their words are remembered in `seen`.
fn class_words_of<'a>(e: &Tag<'a>, seen: &mut FxHashMap<Cow<'a, str>, ClassWords>) -> ClassWords {
    let mut w = ClassWords::default();
    if let Some(id) = e.attr_str("id") {
        w.add(id);
    }
    if let Some(class) = e.attr_cow("class") {
        let known = match seen.get(&class) {
            Some(k) => *k,
            None => {
                let k = class_words(&class);
                if seen.len() < MAX_SEEN_CLASSES {
                    seen.insert(class, k);
                }
                k
            }
        };
        w.boiler |= known.boiler;
        w.modified |= known.modified;
        w.strong |= known.strong;
        w.weak |= known.weak;
        w.skip |= known.skip;
    }
    w
}

/// Distinct class values remembered per page at most.
const MAX_SEEN_CLASSES: usize = 4_096;

fn class_words(attrs: &str) -> ClassWords {
    let mut w = ClassWords::default();
    w.add(attrs);
    w
}

impl ClassWords {
    /// Adds the words found in `attrs`.
    fn add(&mut self, attrs: &str) {
        if attrs.is_empty() {
            return;
        }
        let (b, m, s, wk) = (BOILER_WORDS.len(), MODIFIED_WORDS.len(), STRONG_WORDS.len(), WEAK_WORDS.len());
        for found in class_automaton().find_overlapping_iter(attrs) {
            let i = found.pattern().as_usize();
            if i < b {
                self.boiler = true;
            } else if i < b + m {
                self.modified = true;
            } else if i < b + m + s {
                self.strong = true;
            } else if i < b + m + s + wk {
                self.weak = true;
            } else {
                self.skip = true;
            }
        }
    }
}

fn is_boiler(tag: &str, words: &ClassWords) -> bool {
    matches!(tag, "nav" | "footer" | "aside" | "menu") || words.boiler
}

/// Words of elements showing the reader's current date or time
/// (`current-time`, `todays-date`: the day of the visit, not of the page)
/// and of the Wayback Machine's toolbar (`wm-ipp`). Found by the class
/// automaton in the same pass as the other words.
const SKIP_WORDS: &[&str] = &[
    "current-time", "current_time", "currenttime", "current-date", "current_date", "currentdate", "todays-date",
    "todaysdate", "today-date", "date-today", "wm-ipp",
];

/// The page's main content: `<main>`.
fn is_main(e: &Tag) -> bool {
    e.name() == "main"
}

/// The site's banner (logo, menu, often today's date), outside the
/// article and the main content: a `<header>`, or an element whose id
/// names a header (`headerContainer`, `masthead`; an id names a region of
/// the page, a class may name any item's header).
fn is_site_header(e: &Tag) -> bool {
    e.name() == "header"
        || e.attr_str("id").is_some_and(|id| {
            has(id, "masthead") || (has(id, "header") && !["entry", "post", "article", "story"].iter().any(|w| has(id, w)))
        })
}

/// `h.to_ascii_lowercase().contains(w)` (`w` lower-case) for the short
/// names and ids read on every element: a copy and `str::contains`'s
/// searcher set-up per call showed in profiles; a plain scan is cheaper on
/// strings this short.
fn has(h: &str, w: &str) -> bool {
    let (h, w) = (h.as_bytes(), w.as_bytes());
    h.len() >= w.len() && h.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w))
}

/// Class/id words naming a date element, with the kind and score they imply.
fn date_class(words: &ClassWords) -> Option<(Kind, i32)> {
    if words.modified {
        Some((Kind::Modified, S_CLASS_STRONG))
    } else if words.strong {
        Some((Kind::Published, S_CLASS_STRONG))
    } else if words.weak {
        Some((Kind::Published, S_CLASS_WEAK))
    } else {
        None
    }
}

struct Collector {
    order: DayOrder,
    order_fixed: bool,
    cands: Vec<Candidate>,
    /// Other dates of the main text.
    text_cands: Vec<Candidate>,
    /// Other dates of navigation, sidebars, footers.
    boiler_text_cands: Vec<Candidate>,
    seq: usize,
    time_seen: usize,
    urls: Vec<String>,
    /// The page's descriptions (`description`, `og:description`), read for
    /// a date only when nothing else dates the page.
    descriptions: Vec<String>,
    /// How far behind UTC, at the least, every time zone of the region the
    /// page declares (`en-US`, `og:locale` `pt_BR`) is, in minutes.
    behind_utc: Option<Option<i64>>,
    /// The last characters of text read, lower-cased, for cue words.
    context: String,
}

impl Collector {
    fn push(&mut self, date: DateValue, kind: Kind, score: i32, family: Family, sig: String) {
        if self.cands.len() >= MAX_CANDIDATES {
            return;
        }
        self.seq += 1;
        let utc = utc_regex().is_match(&date.evidence);
        self.cands.push(Candidate { date, kind, score, seq: self.seq, family, sig, utc, created: false });
    }

    /// The first locale naming a region decides `behind_utc`.
    fn declare_locale(&mut self, tag: &str) {
        if self.behind_utc.is_none() {
            let region = tag.trim().split(['-', '_']).nth(1).map(str::to_ascii_lowercase);
            if let Some(r) = region.filter(|r| r.len() == 2) {
                self.behind_utc = Some(region_behind_utc(&r));
            }
        }
    }

    /// Pushes a candidate read under `key`, marking creation keys.
    fn push_keyed(&mut self, key: &str, date: DateValue, kind: Kind, score: i32, family: Family) {
        let before = self.cands.len();
        self.push(date, kind, score, family, String::new());
        if self.cands.len() > before && kind == Kind::Published && key.to_ascii_lowercase().contains("created") {
            if let Some(c) = self.cands.last_mut() {
                c.created = true;
            }
        }
    }

    fn push_context(&mut self, text: &str) {
        // Only the tail can matter.
        let mut from = text.len().saturating_sub(CONTEXT_CAP);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        let tail = text.get(from..).unwrap_or("");
        if tail.bytes().all(|b| b.is_ascii_whitespace() || b == 0x0b) {
            // Blank text between tags: at most one space.
            if !tail.is_empty() && !self.context.ends_with(' ') {
                self.context.push(' ');
                self.trim_context();
            }
            return;
        }
        if tail.is_ascii() {
            // The common case: bytes, no character decoding.
            self.context.reserve(tail.len());
            let mut space = self.context.ends_with(' ');
            for &b in tail.as_bytes() {
                let white = matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
                if white && space {
                    continue;
                }
                space = white;
                self.context.push(if white { ' ' } else { char::from(b.to_ascii_lowercase()) });
            }
            self.trim_context();
            return;
        }
        for ch in tail.chars() {
            let ch = if ch.is_whitespace() { ' ' } else { ch };
            if ch == ' ' && self.context.ends_with(' ') {
                continue;
            }
            if ch.is_ascii() {
                self.context.push(ch.to_ascii_lowercase());
            } else {
                self.context.extend(ch.to_lowercase());
            }
        }
        self.trim_context();
    }

    /// Keeps the last `CONTEXT_CAP` bytes once the context is twice that.
    fn trim_context(&mut self) {
        if self.context.len() > CONTEXT_CAP * 2 {
            let mut cut = self.context.len() - CONTEXT_CAP;
            while !self.context.is_char_boundary(cut) {
                cut += 1;
            }
            self.context.drain(..cut);
        }
    }

    fn element(&mut self, e: &Tag, frame: &Frame) {
        let tag = e.name();
        match tag {
            "html" => {
                if let Some(lang) = e.attr_str("lang").or_else(|| e.attr_str("xml:lang")) {
                    if !self.order_fixed {
                        self.order = DayOrder::for_language(lang);
                    }
                    self.declare_locale(lang);
                }
            }
            "meta" => self.meta(e),
            "link" if e.attr_str("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(h) = e.attr_str("href") {
                    self.urls.push(h.to_string());
                }
            }
            "time" => {
                self.time_seen += 1;
                let attrs = lower_attrs(e);
                let value = e.attr_str("datetime").or_else(|| e.attr_str("content"));
                if let Some(v) = value {
                    if let Some(d) = attr_date(v, self.order) {
                        let (kind, mut score) = match date_class(&class_words(&attrs)) {
                            Some((Kind::Modified, _)) => (Kind::Modified, S_TIME_MARKED),
                            Some((_, s)) if s >= S_CLASS_STRONG => (Kind::Published, S_TIME_MARKED),
                            _ if e.attr_str("pubdate").is_some() => (Kind::Published, S_TIME_MARKED),
                            _ => (Kind::Published, S_TIME_PLAIN - 2 * (self.time_seen.min(10) as i32 - 1)),
                        };
                        if let Some(ip) = e.attr_str("itemprop").and_then(|p| itemprop_kind(&p.to_ascii_lowercase())) {
                            if ip == Kind::Modified {
                                self.push(with_evidence(d, format!("time[itemprop][datetime]={v}")), Kind::Modified, S_ITEMPROP, Family::Itemprop, String::new());
                                return;
                            }
                            score = score.max(S_ITEMPROP);
                        }
                        if frame.boiler {
                            score -= BOILER_PENALTY;
                        }
                        self.push(with_evidence(d, format!("time[datetime]={v}")), kind, score, Family::Time, format!("time {attrs}"));
                    }
                }
            }
            "abbr" => {
                if let Some(t) = e.attr_str("title") {
                    let attrs = lower_attrs(e);
                    if let Some((kind, score)) = date_class(&class_words(&attrs)) {
                        if let Some(d) = attr_date(t, self.order) {
                            let s = if frame.boiler { score - BOILER_PENALTY } else { score + 10 };
                            self.push(with_evidence(d, format!("abbr[title]={t}")), kind, s, Family::Visible, format!("abbr {attrs}"));
                        }
                    }
                }
            }
            _ => {}
        }
        if !e.has_attrs() {
            return;
        }
        // itemprop on any element other than meta/time (handled above).
        if tag != "meta" && tag != "time" {
            if let Some(ip) = e.attr_str("itemprop") {
                if let Some(kind) = itemprop_kind(&ip.to_ascii_lowercase()) {
                    let v = e.attr_str("content").or_else(|| e.attr_str("datetime")).or_else(|| e.attr_str("title"));
                    if let Some(v) = v {
                        if let Some(d) = attr_date(v, self.order) {
                            self.push(with_evidence(d, format!("{tag}[itemprop={ip}]={v}")), kind, S_ITEMPROP, Family::Itemprop, String::new());
                        }
                    }
                }
            }
        }
        // data-* attributes naming a date.
        for (name, value) in e.attrs() {
            if !name.starts_with("data-") || value.len() < 6 || value.len() > 64 {
                continue;
            }
            // Attribute names are lower-case (`markup`).
            let n = name;
            if !(has(n, "date") || has(n, "time") || has(n, "publish")) || has(n, "format") {
                continue;
            }
            if let Some(d) = attr_date(value, self.order) {
                let kind = if n.contains("modif") || n.contains("updat") { Kind::Modified } else { Kind::Published };
                let s = if frame.boiler { S_DATA_ATTR - BOILER_PENALTY } else { S_DATA_ATTR };
                self.push(with_evidence(d, format!("{tag}[{name}]={value}")), kind, s, Family::Attr, format!("{tag} {n}"));
            }
        }
    }

    fn meta(&mut self, e: &Tag) {
        let Some(content) = e.attr_str("content") else { return };
        for attr in ["property", "name", "itemprop", "http-equiv"] {
            let Some(key) = e.attr_str(attr) else { continue };
            let k = key.trim().to_ascii_lowercase();
            if k == "og:url" || k == "twitter:url" {
                self.urls.push(content.to_string());
                return;
            }
            if matches!(k.as_str(), "og:locale" | "dc.language" | "content-language" | "language") {
                self.declare_locale(content);
                return;
            }
            if matches!(k.as_str(), "description" | "og:description" | "twitter:description") {
                if self.descriptions.len() < 4 && may_hold_date(content) {
                    self.descriptions.push(content.chars().take(1_000).collect());
                }
                return;
            }
            if matches!(k.as_str(), "og:image" | "twitter:image" | "twitter:image:src" | "thumbnailurl") {
                if let Some(d) = url_date(content).filter(|d| d.precision >= Precision::Day) {
                    let d = with_evidence(d, format!("meta[{attr}={key}]={content}"));
                    self.push(d, Kind::Published, S_IMAGE_URL, Family::Attr, String::new());
                }
                return;
            }
            let kind_score = if attr == "itemprop" {
                itemprop_kind(&k).map(|kind| (kind, S_ITEMPROP))
            } else if attr == "http-equiv" {
                match k.as_str() {
                    "date" => Some((Kind::Published, S_META_WEAK)),
                    "last-modified" => Some((Kind::Modified, S_META_WEAK)),
                    _ => None,
                }
            } else {
                meta_key_kind(&k)
            };
            if let Some((kind, score)) = kind_score {
                if let Some(d) = attr_date(content, self.order) {
                    let family = if attr == "itemprop" { Family::Itemprop } else { Family::Meta };
                    self.push_keyed(&k, with_evidence(d, format!("meta[{attr}={key}]={content}")), kind, score, family);
                }
                return;
            }
        }
    }

    fn script(&mut self, text: &str, json_ld: bool) {
        let mut seen: Vec<&str> = Vec::new();
        for c in json_key_regex().captures_iter(text) {
            let (Some(k), Some(v)) = (c.name("k"), c.name("v")) else { continue };
            let key = k.as_str();
            let kind = json_key_kind(key);
            let Some(d) = attr_date(v.as_str(), self.order) else { continue };
            // The first value of a key describes the page's main entity;
            // later ones (lists, related items) count less. Creation and
            // upload dates (often of an embedded video or image) count less
            // than publication dates.
            let base = if json_ld { S_JSONLD } else { S_SCRIPT_JSON };
            let base = match key {
                "dateCreated" => base - 6,
                "uploadDate" => base - 30,
                _ => base,
            };
            let score = if seen.contains(&key) { base - 30 } else { base };
            seen.push(key);
            let (what, family) =
                if json_ld { ("script[type=application/ld+json]", Family::JsonLd) } else { ("script", Family::Script) };
            self.push_keyed(key, with_evidence(d, format!("{what} {key}={}", v.as_str())), kind, score, family);
        }
    }
}

/// Finds the dates of a page with explicit settings.
pub fn find_with(src: &str, url: Option<&str>, opts: &Options) -> HtmlDates {
    let walked = collect(src, url, opts);
    let order = walked.col.order;
    let scripts = walked.scripts;
    let mut dates = select(walked.col, opts);
    if dates.published.is_none() && opts.text_fallback {
        dates.published = script_fallback(&scripts, order, &publication_bounds(opts));
    }
    dates
}

fn publication_bounds(opts: &Options) -> Bounds {
    let tomorrow = Ymd::from_days(opts.today.to_days() + 1);
    Bounds { min: Ymd { year: 1990, month: 1, day: 1 }, max: tomorrow }
}

/// Last resort, when nothing on the page dates it: the most frequent day
/// written in its scripts (`showDate("2020/04/17")`). Not printed on the
/// page, so marked as an estimate. A second pass over script elements only,
/// run on the few pages that need it.
fn script_fallback(scripts: &[Cow<str>], order: DayOrder, bounds: &Bounds) -> Option<DateValue> {
    let mut cands: Vec<Candidate> = Vec::new();
    for text in scripts {
        let text: &str = text;
        if text.len() > MAX_SCRIPT_BYTES || !may_hold_date(text) {
            continue;
        }
        let in_urls = script_url_regex().find_iter(text).filter_map(|m| url_date(m.as_str()));
        let in_text = find_dates_with(text, order).into_iter().map(|f| f.date);
        for date in in_urls.chain(in_text) {
            if date.precision < Precision::Day || cands.len() >= MAX_TEXT_CANDIDATES {
                continue;
            }
            let mut date = date;
            date.evidence = format!("script: {}", date.evidence);
            date.estimated = true;
            let seq = cands.len();
            cands.push(Candidate {
                date,
                kind: Kind::Published,
                score: 0,
                seq,
                family: Family::Script,
                sig: String::new(),
                utc: false,
                created: false,
            });
        }
    }
    best_text(&cands, bounds)
}

/// Every dated candidate the finder saw, one line each (kind, score,
/// value, evidence), best sources first: to explain a choice.
pub fn explain(src: &str, url: Option<&str>, opts: &Options) -> Vec<String> {
    let col = collect(src, url, opts).col;
    let mut c: Vec<&Candidate> = col.cands.iter().collect();
    c.sort_by(|a, b| b.score.cmp(&a.score).then(a.seq.cmp(&b.seq)));
    let mut out: Vec<String> = c
        .iter()
        .map(|c| {
            format!("{:?} {} {}{} {:?} {:?}", c.kind, c.score, c.date.value, if c.utc { " utc" } else { "" }, c.family, c.date.evidence)
        })
        .collect();
    out.extend(col.text_cands.iter().take(200).map(|c| format!("text {} {} {:?}", c.score, c.date.value, c.date.evidence)));
    out
}

fn collect<'a>(src: &'a str, url: Option<&str>, opts: &Options) -> Walker<'a> {
    let col = Collector {
        order: opts.order.unwrap_or_default(),
        order_fixed: opts.order.is_some(),
        cands: Vec::new(),
        text_cands: Vec::new(),
        boiler_text_cands: Vec::new(),
        seq: 0,
        time_seen: 0,
        urls: Vec::new(),
        descriptions: Vec::new(),
        behind_utc: None,
        context: String::new(),
    };
    let walker = Walker {
        col,
        text_fallback: opts.text_fallback,
        stack: Vec::new(),
        buffers: Vec::new(),
        open_buffers: Vec::new(),
        script_kind: None,
        scripts: Vec::new(),
        seen_classes: FxHashMap::default(),
    };
    let mut w = markup::walk(src, walker);
    let col = &mut w.col;
    if let Some(u) = url {
        col.urls.insert(0, u.to_string());
    }
    for (i, u) in std::mem::take(&mut col.urls).iter().enumerate() {
        if let Some(d) = url_date(u) {
            let score = if d.precision >= Precision::Day { S_URL_DAY } else { S_URL_MONTH };
            col.push(d, Kind::Published, score - i as i32, Family::Url, String::new());
        }
    }
    w
}

/// An open element, as the walk sees it.
struct Open<'a> {
    frame: Frame,
    /// A `script` element (its text is kept for [`script_fallback`]).
    script: bool,
    /// The `title` attribute of a date-named element, read when it closes.
    title: Option<Cow<'a, str>>,
}

/// The single pass over a page's elements and text ([`markup::walk`]).
struct Walker<'a> {
    col: Collector,
    text_fallback: bool,
    stack: Vec<Open<'a>>,
    buffers: Vec<Buffer>,
    open_buffers: Vec<usize>,
    /// Inside a data script: `Some(json_ld?)`.
    script_kind: Option<bool>,
    /// The text of every script, for the last resort.
    scripts: Vec<Cow<'a, str>>,
    /// Class values met so far and their words.
    seen_classes: FxHashMap<Cow<'a, str>, ClassWords>,
}

impl<'a> markup::Visitor<'a> for Walker<'a> {
    fn open(&mut self, e: &Tag<'a>) {
        let parent = self.stack.last().map(|o| o.frame).unwrap_or_default();
        let tag = e.name();
        let words = if e.has_attrs() { class_words_of(e, &mut self.seen_classes) } else { ClassWords::default() };
        let mut frame = Frame { skip: parent.skip, boiler: parent.boiler, content: parent.content, buffer: None };
        if matches!(tag, "script" | "style" | "noscript" | "template" | "svg" | "textarea" | "select" | "button" | "iframe" | "object")
            || words.skip
        {
            frame.skip = true;
        }
        if tag == "script" && !parent.skip {
            let ty = e.attr_str("type").map(|t| t.trim().to_ascii_lowercase());
            self.script_kind = match ty.as_deref() {
                Some("application/ld+json") => Some(true),
                Some("application/json") | None | Some("") | Some("text/javascript") => Some(false),
                _ => None,
            };
        }
        let mut title = None;
        if !frame.skip {
            if is_main(e) {
                // The page's main content is never boilerplate,
                // even inside a page-wide wrapper named "menu".
                frame.boiler = false;
            } else if !matches!(tag, "html" | "body" | "article") {
                frame.boiler = frame.boiler || is_boiler(tag, &words) || (!parent.content && is_site_header(e));
            }
            frame.content |= matches!(tag, "article" | "main");
            self.col.element(e, &frame);
            if !matches!(tag, "html" | "body" | "head" | "main" | "article") {
                if let Some((kind, score)) = date_class(&words) {
                    self.buffers.push(Buffer {
                        text: String::new(),
                        sig: format!("{tag} {}", lower_attrs(e)),
                        kind,
                        score,
                        boiler: frame.boiler,
                        open: true,
                    });
                    frame.buffer = Some(self.buffers.len() - 1);
                    self.open_buffers.push(self.buffers.len() - 1);
                    title = e.attr_cow("title");
                }
            }
        }
        if matches!(tag, "p" | "div" | "br" | "li" | "td" | "h1" | "h2" | "h3" | "section" | "article" | "header") {
            self.col.push_context(" | ");
        }
        self.stack.push(Open { frame, script: tag == "script", title });
    }

    fn close(&mut self, name: &str) {
        if name == "script" {
            self.script_kind = None;
        }
        let Some(open) = self.stack.pop() else { return };
        if let Some(b) = open.frame.buffer {
            // Elements close innermost first.
            if self.open_buffers.last() == Some(&b) {
                self.open_buffers.pop();
            } else {
                self.open_buffers.retain(|&x| x != b);
            }
            if let Some(buf) = self.buffers.get_mut(b) {
                buf.open = false;
                close_buffer(&mut self.col, buf, open.title.as_deref());
            }
        }
    }

    fn text(&mut self, t: Cow<'a, str>) {
        let Some(top) = self.stack.last() else {
            // Text outside every element (the tree would put it in the body).
            self.plain_text(&t, Frame::default());
            return;
        };
        let frame = top.frame;
        if top.script {
            if let Some(json_ld) = self.script_kind {
                if t.len() < MAX_SCRIPT_BYTES {
                    self.col.script(&t, json_ld);
                }
            }
            self.scripts.push(t);
            return;
        }
        if frame.skip {
            return;
        }
        self.plain_text(&t, frame);
    }
}

impl Walker<'_> {
    /// Text of the page outside skipped elements.
    fn plain_text(&mut self, text: &str, frame: Frame) {
        // The innermost few date elements only: bounded work per text.
        let from = self.open_buffers.len().saturating_sub(MAX_OPEN_BUFFERS);
        for &b in self.open_buffers.get(from..).unwrap_or(&[]) {
            if let Some(buf) = self.buffers.get_mut(b) {
                // A teaser or comment block nested in a date
                // element does not give that element's date.
                if buf.open && buf.text.len() < BUFFER_CAP && (buf.boiler || !frame.boiler) {
                    let room = BUFFER_CAP - buf.text.len();
                    let mut cut = text.len().min(room);
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    buf.text.push_str(text.get(..cut).unwrap_or(""));
                    buf.text.push(' ');
                }
            }
        }
        if self.text_fallback && may_hold_date(text) {
            text_dates(&mut self.col, text, frame.boiler);
        } else {
            self.col.push_context(text);
        }
    }
}

fn close_buffer(col: &mut Collector, buf: &mut Buffer, title: Option<&str>) {
    let text = std::mem::take(&mut buf.text);
    let mut found = None;
    if text.bytes().any(|b| b.is_ascii_digit()) {
        found = find_dates_with(&text, col.order).into_iter().find(|f| f.date.precision >= Precision::Day);
    }
    let (date, kind) = match found {
        Some(f) => {
            let before = text.get(..f.start).unwrap_or("").to_lowercase();
            let kind = cue_before(&before).unwrap_or(buf.kind);
            (f.date, kind)
        }
        None => match title.and_then(|t| attr_date(t, col.order)) {
            Some(d) => (d, buf.kind),
            None => return,
        },
    };
    let score = if buf.boiler { buf.score - BOILER_PENALTY } else { buf.score };
    let sig = std::mem::take(&mut buf.sig);
    col.push(date, kind, score, Family::Visible, sig);
}

/// A cheap test before the date regex: every date form it reads holds
/// four digits in a row (a year) or three numbers joined by `.`, `/`, `-`.
fn may_hold_date(text: &str) -> bool {
    if !crate::text::has_ascii_digit(text.as_bytes()) {
        return false;
    }
    let mut run = 0usize; // current run of digits
    let mut groups = 0usize; // digit groups joined by separators so far
    let mut prev_sep = false;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 4 {
                return true;
            }
            if run == 1 {
                groups = if prev_sep { groups + 1 } else { 1 };
                if groups >= 3 {
                    return true;
                }
            }
            prev_sep = false;
        } else {
            prev_sep = run > 0 && matches!(b, b'.' | b'/' | b'-');
            if !prev_sep {
                groups = 0;
            }
            run = 0;
        }
    }
    false
}

fn text_dates(col: &mut Collector, text: &str, boiler: bool) {
    let found = find_dates_with(text, col.order);
    // A date in a short text stands alone (byline, timestamp); in a long
    // one it belongs to a sentence.
    let alone = i32::from(text.trim().chars().nth(MAX_SHORT_TEXT).is_none());
    let mut last = 0;
    for f in found {
        col.push_context(text.get(last..f.start).unwrap_or(""));
        last = f.end;
        let cue = cue_before(&col.context);
        col.push_context(text.get(f.start..f.end).unwrap_or(""));
        if f.date.precision < Precision::Day {
            continue;
        }
        match cue {
            Some(kind) => {
                let s = if boiler { S_CUE - BOILER_PENALTY } else { S_CUE };
                col.push(f.date, kind, s, Family::Visible, String::new());
            }
            None => {
                // Plain text dates: boilerplate ones are kept apart, as a
                // last resort.
                let seq = col.seq + 1;
                let cands = if boiler { &mut col.boiler_text_cands } else { &mut col.text_cands };
                if cands.len() < MAX_TEXT_CANDIDATES {
                    cands.push(Candidate {
                        date: f.date,
                        kind: Kind::Published,
                        score: alone,
                        seq,
                        family: Family::Visible,
                        sig: String::new(),
                        utc: false,
                        created: false,
                    });
                    col.seq = seq;
                }
            }
        }
    }
    col.push_context(text.get(last..).unwrap_or(""));
}

fn in_bounds(d: &DateValue, bounds: &Bounds) -> bool {
    bounds.contains(d)
}

fn best(cands: &[Candidate], kind: Kind, bounds: &Bounds) -> Option<Candidate> {
    let mut best: Option<&Candidate> = None;
    for c in cands.iter().filter(|c| c.kind == kind && in_bounds(&c.date, bounds)) {
        let better = match best {
            None => true,
            Some(b) => (c.score, c.date.precision) > (b.score, b.date.precision),
        };
        if better {
            best = Some(c);
        }
    }
    best.cloned()
}

/// The most frequent day among text dates (ties: the first seen); dates
/// standing alone in a short text (a byline, a timestamp) before those of
/// running prose, which date what the article tells of.
fn best_text(cands: &[Candidate], bounds: &Bounds) -> Option<DateValue> {
    let mut days: Vec<(&str, i32, usize, usize)> = Vec::new(); // (day, best score, count, first index)
    for (i, c) in cands.iter().enumerate() {
        if !in_bounds(&c.date, bounds) {
            continue;
        }
        let Some(day) = c.date.day() else { continue };
        // A timestamp (day and time) standing alone stamps the page.
        let score = 2 * c.score + i32::from(c.score > 0 && c.date.precision == Precision::Minute);
        if let Some(e) = days.iter_mut().find(|(d, _, _, _)| *d == day) {
            e.1 = e.1.max(score);
            e.2 += 1;
        } else if days.len() < 200 {
            days.push((day, score, 1, i));
        }
    }
    let (_, _, _, idx) = days.iter().max_by(|a, b| a.1.cmp(&b.1).then(a.2.cmp(&b.2)).then(b.3.cmp(&a.3)))?;
    cands.get(*idx).map(|c| c.date.clone())
}

/// Lowers candidates whose element signature dates several different days
/// (a list of teasers, comments or posts): none of them is the page's date.
fn penalise_listings(cands: &mut [Candidate]) {
    let mut groups: Vec<(&str, usize, Option<String>, bool)> = Vec::new(); // sig, count, first day, several days
    for c in cands.iter() {
        if c.sig.is_empty() {
            continue;
        }
        let day = c.date.day().map(str::to_string);
        if let Some(g) = groups.iter_mut().find(|g| g.0 == c.sig) {
            g.1 += 1;
            if g.2 != day {
                g.3 = true;
            }
        } else if groups.len() < 500 {
            groups.push((c.sig.as_str(), 1, day, false));
        }
    }
    let listed: Vec<String> = groups.iter().filter(|g| g.1 >= 3 && g.3).map(|g| g.0.to_string()).collect();
    for c in cands.iter_mut() {
        if listed.contains(&c.sig) {
            c.score -= LISTING_PENALTY;
        }
    }
}

/// Picks the published day: each day scores its best candidate plus a
/// bonus per other source family giving the same day, and a bonus when the
/// day is also printed in the main text (what the reader sees).
///
/// A time given in UTC may fall on the next or previous local day: when
/// the page's own (non-UTC) dates favour the day on the side the hour
/// allows (before noon UTC: the day before; after: the day after), the UTC
/// candidate counts for that day.
fn best_published(cands: &[Candidate], text: &[Candidate], bounds: &Bounds, behind_utc: Option<i64>) -> Option<Candidate> {
    struct Day<'a> {
        day: i64,
        best: &'a Candidate,
        families: Vec<Family>,
    }
    let dated = |c: &&Candidate| c.kind == Kind::Published && c.date.precision >= Precision::Day && in_bounds(&c.date, bounds);
    // A record's creation date yields to an explicit publication date from
    // metadata of the same standing (CMS drafts are created before they are
    // published).
    let explicit = cands.iter().filter(dated).any(|c| !c.created && c.score >= S_ITEMPROP && c.family != Family::Url);
    let published: Vec<(&Candidate, i64)> = cands
        .iter()
        .filter(dated)
        .filter(|c| !(explicit && c.created))
        .filter_map(|c| Ymd::of(&c.date).map(|d| (c, d.to_days())))
        .collect();
    // On a page whose region lies behind UTC, a zone-less time equal to one
    // of its UTC times is that UTC time without its marker.
    let utc_like = |c: &Candidate| {
        c.utc
            || (behind_utc.is_some()
                && c.date.precision == Precision::Minute
                && published.iter().any(|(u, _)| u.utc && u.date.value == c.date.value))
    };
    let local_support = |day: i64| {
        published
            .iter()
            .filter(|(c, d)| *d == day && !utc_like(c) && c.score >= S_CLASS_WEAK)
            .map(|(c, _)| c.score)
            .max()
            .unwrap_or(i32::MIN)
    };
    // The day is printed or given by a local source.
    let shown = |day: i64| {
        let y = Ymd::from_days(day);
        let ymd = format!("{:04}-{:02}-{:02}", y.year, y.month, y.day);
        published.iter().any(|(c, d)| *d == day && !utc_like(c) && c.score >= MIN_CORROBORATING)
            || text.iter().any(|t| t.date.day() == Some(ymd.as_str()))
    };
    // An offset the declared region cannot have is no evidence.
    let offset = utc_offset(cands).filter(|&off| behind_utc.is_none_or(|b| off <= -b));
    let mut days: Vec<Day<'_>> = Vec::new();
    for &(c, own) in &published {
        let mut day = own;
        if utc_like(c) && c.date.precision == Precision::Minute {
            let hour: i64 = c.date.value.get(11..13).and_then(|h| h.parse().ok()).unwrap_or(12);
            let minute: i64 = c.date.value.get(14..16).and_then(|h| h.parse().ok()).unwrap_or(0);
            match offset {
                Some(off) => day = own + (hour * 60 + minute + off).div_euclid(1440),
                None => {
                    let alt = if hour < 12 { own - 1 } else { own + 1 };
                    if local_support(alt) > local_support(own) {
                        day = alt;
                    } else if behind_utc.is_some_and(|b| hour * 60 + minute < b) && !shown(own) {
                        // Early UTC hours are the evening before in the
                        // page's region, unless the page shows the UTC day.
                        day = own - 1;
                    }
                }
            }
        }
        if let Some(d) = days.iter_mut().find(|d| d.day == day) {
            let better = (c.score, c.date.precision, d.best.utc) > (d.best.score, d.best.date.precision, c.utc);
            if better && !(c.utc && day != own) {
                d.best = c;
            }
            if c.score >= MIN_CORROBORATING && !d.families.contains(&c.family) {
                d.families.push(c.family);
            }
        } else if days.len() < 500 {
            days.push(Day { day, best: c, families: vec![c.family] });
        }
    }
    let mut winner: Option<(i32, &Candidate, i64)> = None;
    for d in &days {
        // The best candidate's own day (a rehomed UTC candidate's day is not
        // what it prints): then prefer a local candidate of that day.
        let best = if Ymd::of(&d.best.date).map(Ymd::to_days) != Some(d.day) {
            published
                .iter()
                .filter(|(c, day)| *day == d.day && !utc_like(c))
                .map(|(c, _)| *c)
                .max_by_key(|c| c.score)
                .unwrap_or(d.best)
        } else {
            d.best
        };
        let mut score = d.best.score + CORROBORATION * (d.families.len().min(4) as i32 - 1);
        let printed = Ymd::from_days(d.day);
        let printed = format!("{:04}-{:02}-{:02}", printed.year, printed.month, printed.day);
        if best.family != Family::Visible && text.iter().any(|t| t.date.day() == Some(printed.as_str())) {
            score += VISIBLE_BONUS;
        }
        let better = match winner {
            None => true,
            Some((s, w, _)) => score > s || (score == s && best.seq < w.seq),
        };
        if better {
            winner = Some((score, best, d.day));
        }
    }
    // A UTC time moved to its local day dates that day (the local time of
    // day is unknown).
    let winner = winner.map(|(_, c, day)| {
        // A winner without a time of day (a URL, a bare date) takes the
        // time a reader sees for that day: a printed local time.
        if c.date.precision < Precision::Minute {
            let printed_time = published
                .iter()
                .filter(|(t, d)| *d == day && t.date.precision == Precision::Minute && !utc_like(t))
                .filter(|(t, _)| t.family == Family::Visible && t.score >= S_CLASS_WEAK)
                .map(|(t, _)| *t)
                .max_by_key(|t| (t.score, std::cmp::Reverse(t.seq)));
            if let Some(t) = printed_time {
                return t.clone();
            }
        }
        let mut c = c.clone();
        // A UTC time on a page that shows its own offset is given as the
        // page's local time, as its readers see it.
        if let (true, Precision::Minute, Some(off)) = (utc_like(&c), c.date.precision, offset) {
            if let Some(utc) = minute_of_time(&c.date) {
                let local = utc + off;
                if local.div_euclid(1440) == day {
                    let y = Ymd::from_days(day);
                    let t = local.rem_euclid(1440);
                    let sign = if off < 0 { '-' } else { '+' };
                    let evidence = format!(
                        "{} (at the page's offset, UTC{sign}{:02}:{:02})",
                        c.date.evidence,
                        off.abs() / 60,
                        off.abs() % 60
                    );
                    c.date = DateValue::from_parts(
                        y.year,
                        y.month,
                        y.day,
                        Some(((t / 60) as u32, (t % 60) as u32)),
                        Precision::Minute,
                        evidence,
                    );
                    c.utc = false;
                    return c;
                }
            }
        }
        if Ymd::of(&c.date).map(Ymd::to_days) != Some(day) {
            let y = Ymd::from_days(day);
            let evidence = std::mem::take(&mut c.date.evidence);
            c.date = DateValue::from_parts(y.year, y.month, y.day, None, Precision::Day, evidence);
        }
        c
    });
    // A day-less candidate (month from a URL) only when nothing dates a day.
    winner.or_else(|| best(cands, Kind::Published, bounds))
}

/// Minutes by which every time zone of a region of the Americas is behind
/// UTC at the least, summer time included (the eastern United States: 4
/// hours; Newfoundland: 2.5; Fernando de Noronha: 2): a UTC time earlier
/// in the day than that is the previous day there. `None` elsewhere.
fn region_behind_utc(region: &str) -> Option<i64> {
    match region {
        "us" => Some(240),
        "mx" | "co" | "pe" | "ec" => Some(300),
        "ar" | "cl" | "uy" | "py" | "bo" | "ve" => Some(180),
        "ca" => Some(150),
        "br" => Some(120),
        _ => None,
    }
}

/// Minutes since the calendar's epoch of a date at minute precision
/// (`2023-11-02T15:17`), read from its value.
fn minute_of_time(d: &DateValue) -> Option<i64> {
    let day = Ymd::of(d)?.to_days();
    let h: i64 = d.value.get(11..13)?.parse().ok()?;
    let m: i64 = d.value.get(14..16)?.parse().ok()?;
    Some(day * 1440 + h * 60 + m)
}

/// The page's offset from UTC in minutes, when one of its UTC times and
/// one of its local times are visibly the same instant (same minutes,
/// hours apart by a whole or half-hour offset of at most 14 hours).
fn utc_offset(cands: &[Candidate]) -> Option<i64> {
    let minutes = |c: &Candidate| minute_of_time(&c.date);
    let timed = |utc: bool| {
        cands
            .iter()
            .filter(move |c| c.utc == utc && c.date.precision == Precision::Minute)
            .filter_map(minutes)
            .take(64)
    };
    let locals: Vec<i64> = timed(false).collect();
    let mut counts: Vec<(i64, usize)> = Vec::new();
    for u in timed(true) {
        for &l in &locals {
            let diff = l - u;
            if diff != 0 && diff.abs() <= 14 * 60 && diff % 30 == 0 {
                match counts.iter_mut().find(|(o, _)| *o == diff) {
                    Some(e) => e.1 += 1,
                    None => counts.push((diff, 1)),
                }
            }
        }
        if locals.contains(&u) {
            match counts.iter_mut().find(|(o, _)| *o == 0) {
                Some(e) => e.1 += 1,
                None => counts.push((0, 1)),
            }
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map(|(o, _)| *o)
}


/// True when `day` is printed somewhere on the page (main text,
/// boilerplate, or a date-named element or cue). A machine timestamp left
/// in the text (`2021-10-27T20:35:36+01:00`, often hidden by style sheets)
/// is not written for readers.
fn printed(col: &Collector, day: &str) -> bool {
    let shown = |d: &DateValue| d.day() == Some(day) && !is_machine_stamp(&d.evidence);
    col.text_cands.iter().chain(&col.boiler_text_cands).any(|t| shown(&t.date))
        || col.cands.iter().any(|c| c.family == Family::Visible && shown(&c.date))
}

/// An ISO 8601 date and time joined by `T` (`2021-10-27T20:35`).
fn is_machine_stamp(s: &str) -> bool {
    let b = s.trim().as_bytes();
    b.len() >= 13
        && b.get(..4).is_some_and(|y| y.iter().all(u8::is_ascii_digit))
        && b.get(4) == Some(&b'-')
        && b.get(10).is_some_and(|&c| c == b'T' || c == b't')
        && b.get(11..13).is_some_and(|h| h.iter().all(u8::is_ascii_digit))
}

/// True when the reader sees only the update: the publication date comes
/// from markup (meta, JSON-LD, `time`) and its day is printed nowhere on the
/// page, while a reliable, later modification date is printed. A page that
/// shows "Updated 12 March" and hides its first publication is dated, for
/// its readers, by the day it shows.
fn shown_update_over_hidden_publication(p: &Candidate, m: &Candidate, col: &Collector) -> bool {
    if p.family == Family::Visible || m.score < S_ITEMPROP || p.date.precision < Precision::Day {
        return false;
    }
    let (Some(pday), Some(mday)) = (p.date.day(), m.date.day()) else { return false };
    if mday <= pday {
        return false;
    }
    printed(col, mday) && !printed(col, pday)
}

/// A `<time>` element dating a day the page prints, when the chosen
/// publication day comes from other markup and is printed nowhere: the
/// page's own visible, machine-readable date.
fn printed_time_over_hidden_markup<'a>(p: &Candidate, col: &'a Collector, bounds: &Bounds) -> Option<&'a Candidate> {
    if matches!(p.family, Family::Visible | Family::Time | Family::Url) || p.date.day().is_none_or(|d| printed(col, d)) {
        return None;
    }
    col.cands
        .iter()
        .filter(|c| c.kind == Kind::Published && c.family == Family::Time && c.score >= MIN_PRINTED_TIME)
        .filter(|c| in_bounds(&c.date, bounds))
        .filter(|c| c.date.day().is_some_and(|d| printed(col, d)))
        .max_by_key(|c| (c.score, std::cmp::Reverse(c.seq)))
}

fn select(mut col: Collector, opts: &Options) -> HtmlDates {
    let bounds = publication_bounds(opts);
    penalise_listings(&mut col.cands);
    let published =
        best_published(&col.cands, &col.text_cands, &bounds, col.behind_utc.flatten());
    let modified = best(&col.cands, Kind::Modified, &bounds);
    let published_score = published.as_ref().map_or(i32::MIN, |c| c.score);
    let published = match (published, &modified) {
        (Some(p), Some(m)) if shown_update_over_hidden_publication(&p, m, &col) => Some(m.clone()),
        (Some(p), _) => Some(printed_time_over_hidden_markup(&p, &col, &bounds).cloned().unwrap_or(p)),
        (p, _) => p,
    };
    let mut published = published.map(|c| c.date);
    // The URL names only a month (`/2025/06/`): the day is the text's date
    // of that month when nothing reliable dates a day, or when only weak
    // candidates (listings, comments, boilerplate) name another month.
    let url_month = col
        .cands
        .iter()
        .filter(|c| c.family == Family::Url && c.date.precision == Precision::Month && in_bounds(&c.date, &bounds))
        .find_map(|c| c.date.value.get(..7).map(str::to_string));
    if let (Some(month), true) = (url_month, opts.text_fallback) {
        let refine = match &published {
            None => false,
            Some(d) => {
                d.precision < Precision::Day || (d.value.get(..7) != Some(month.as_str()) && published_score < S_CLASS_WEAK)
            }
        };
        if refine {
            // The main text's days of that month; else those of the rest of
            // the page (some layouts hold the post in a "sidebar").
            let of_month = |cands: &[Candidate]| -> Vec<Candidate> {
                cands.iter().filter(|c| c.date.value.get(..7) == Some(month.as_str())).cloned().collect()
            };
            let mut in_month = of_month(&col.text_cands);
            if in_month.is_empty() {
                in_month = of_month(&col.boiler_text_cands);
            }
            if let Some(d) = best_text(&in_month, &bounds) {
                published = Some(d);
            }
        }
    }
    // A page dated only by its update ("Stand: 30.12.2016", last-modified)
    // is best dated by that; then by the dates of its text.
    if published.is_none() {
        published = modified.as_ref().filter(|c| c.score >= MODIFIED_AS_PUBLISHED).map(|c| c.date.clone());
    }
    if published.is_none() && opts.text_fallback {
        published = best_text(&col.text_cands, &bounds).or_else(|| best_text(&col.boiler_text_cands, &bounds));
    }
    // Nothing printed on the page: a day its description gives
    // ("… (Notizia del 14 Gennaio 2020)"), the first one.
    if published.is_none() && opts.text_fallback {
        published = col
            .descriptions
            .iter()
            .flat_map(|d| find_dates_with(d, col.order))
            .map(|f| f.date)
            .find(|d| d.precision >= Precision::Day && in_bounds(d, &bounds))
            .map(|d| {
                let ev = format!("meta description: {}", d.evidence);
                with_evidence(d, ev)
            });
    }
    if published.is_none() {
        published = modified.as_ref().map(|c| c.date.clone());
    }
    HtmlDates { published, modified: modified.map(|c| c.date) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn opts() -> Options {
        Options { today: Ymd { year: 2025, month: 7, day: 1 }, order: None, text_fallback: true }
    }

    fn run(html: &str, url: Option<&str>) -> HtmlDates {
        find_with(html, url, &opts())
    }

    fn published(html: &str) -> Option<String> {
        run(html, None).published.map(|d| d.value)
    }

    #[test]
    fn meta_published_and_modified() {
        let h = run(
            r#"<html><head>
            <meta property="article:published_time" content="2025-06-23T00:53:00+02:00">
            <meta property="article:modified_time" content="2025-06-24T08:00:00+02:00">
            </head><body><p>Text.</p></body></html>"#,
            None,
        );
        let p = h.published.unwrap();
        assert_eq!(p.value, "2025-06-23T00:53");
        assert_eq!(p.precision, Precision::Minute);
        assert_eq!(p.evidence, "meta[property=article:published_time]=2025-06-23T00:53:00+02:00");
        assert!(!p.estimated);
        assert_eq!(h.modified.unwrap().value, "2025-06-24T08:00");
    }

    #[test]
    fn json_ld_prefers_date_published() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@type":"NewsArticle","video":{"@type":"VideoObject","uploadDate":"2019-01-01T10:00:00+01:00"},
             "datePublished":"2025-03-04T10:00:00+01:00","dateModified":"2025-03-05T09:00:00+01:00"}
            </script></head><body><p>Hello</p></body></html>"#;
        let h = run(html, None);
        assert_eq!(h.published.unwrap().value, "2025-03-04T10:00");
        assert_eq!(h.modified.unwrap().value, "2025-03-05T09:00");
    }

    #[test]
    fn time_element_and_class_names() {
        assert_eq!(
            published(r#"<body><article><time class="entry-date" datetime="2024-11-02">2 novembre 2024</time></article></body>"#)
                .as_deref(),
            Some("2024-11-02")
        );
        assert_eq!(
            published(r#"<body><div class="post-date">Publié le 4 mars 2025 à 10h30</div><p>Texte du 1er janvier 2020.</p></body>"#)
                .as_deref(),
            Some("2025-03-04T10:30")
        );
    }

    #[test]
    fn url_dates() {
        assert_eq!(url_date("https://x.org/2025/06/23/title").map(|d| d.value).as_deref(), Some("2025-06-23"));
        assert_eq!(url_date("https://x.org/news/2025-06-23-title.html").map(|d| d.value).as_deref(), Some("2025-06-23"));
        assert_eq!(url_date("https://x.org/a/20250623/b").map(|d| d.value).as_deref(), Some("2025-06-23"));
        assert_eq!(url_date("https://x.org/2025/06/title").map(|d| d.value).as_deref(), Some("2025-06"));
        assert_eq!(url_date("https://x.org/2025/02/31/title"), None);
        assert_eq!(url_date("https://x.org/news/29-10-2021").map(|d| d.value).as_deref(), Some("2021-10-29"));
        assert_eq!(url_date("https://2025-06-23.example.org/"), None);
        let h = run("<body><p>No date here.</p></body>", Some("https://x.org/2025/06/23/title"));
        assert_eq!(h.published.unwrap().value, "2025-06-23");
        let h = run(r#"<head><link rel="canonical" href="https://x.org/2024/05/06/t"></head><body></body>"#, None);
        assert_eq!(h.published.unwrap().value, "2024-05-06");
    }

    #[test]
    fn meta_beats_text_and_text_is_a_fallback() {
        let html = r#"<head><meta name="date" content="2023-05-06"></head>
            <body><p>On 1 January 2020 something happened.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-05-06"));
        let html = "<body><h1>T</h1><p>Le 3 février 2021, puis le 3 février 2021 encore, et le 5 mai 2019.</p></body>";
        assert_eq!(published(html).as_deref(), Some("2021-02-03"));
    }

    #[test]
    fn cue_words_separate_published_and_modified() {
        let html = "<body><p>Mis à jour le 24/06/2025</p><p>Publié le 23/06/2025</p><p>Texte.</p></body>";
        let h = run(html, None);
        assert_eq!(h.published.unwrap().value, "2025-06-23");
        assert_eq!(h.modified.unwrap().value, "2025-06-24");
    }

    #[test]
    fn a_printed_update_beats_a_hidden_publication() {
        let head = r#"<head><meta property="article:published_time" content="2021-11-29T14:13:37+01:00">
            <meta property="article:modified_time" content="2022-01-12T14:27:30+01:00"></head>"#;
        // Only the update is printed: the reader's date.
        let html = format!("{head}<body><h1>T</h1><span>12. Januar 2022</span><p>Text.</p></body>");
        assert_eq!(published(&html).as_deref(), Some("2022-01-12T14:27"));
        // Both printed, or neither: the publication.
        let html = format!("{head}<body><h1>T</h1><span>29.11.2021</span><span>12. Januar 2022</span></body>");
        assert_eq!(published(&html).as_deref(), Some("2021-11-29T14:13"));
        let html = format!("{head}<body><h1>T</h1><p>Text.</p></body>");
        assert_eq!(published(&html).as_deref(), Some("2021-11-29T14:13"));
    }

    #[test]
    fn the_site_banner_date_is_today_not_the_article() {
        // Today's date in the site's header, outside the article.
        let html = r#"<head><meta name="date" content="2017-05-01T17:05:00+0200"></head><body>
            <header><h1>Radio</h1><span class="date">Mittwoch, 26.02.2020</span></header>
            <div><h2>T</h2><p>Text.</p></div></body>"#;
        assert_eq!(published(html).as_deref(), Some("2017-05-01T17:05"));
        let html = r#"<body><div id="headerContainer"><span>Donnerstag, 16. Februar 2012</span></div>
            <div class="box"><span>14. Februar 2012</span><p>Text.</p></div></body>"#;
        assert_eq!(published(html).as_deref(), Some("2012-02-14"));
        // An article's own header is the article's.
        let html = r#"<body><article><header><span class="date">26.02.2020</span></header><p>Text.</p></article>
            <p>Seit dem 3. Mai 2019.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2020-02-26"));
    }

    #[test]
    fn the_description_dates_a_page_nothing_else_dates() {
        let head = r#"<head><meta name="description" content="Orso marsicano: un anno da record (Notizia del 14 Gennaio 2020)"></head>"#;
        let html = format!("{head}<body><h1>Orso</h1><p>Testo.</p></body>");
        assert_eq!(published(&html).as_deref(), Some("2020-01-14"));
        // A date printed on the page comes first.
        let html = format!("{head}<body><h1>Orso</h1><span>15/01/2020</span><p>Testo.</p></body>");
        assert_eq!(published(&html).as_deref(), Some("2020-01-15"));
    }

    #[test]
    fn a_printed_time_beats_a_hidden_markup_day() {
        let head = r#"<head><meta name="og:article:published_time" content="2022-01-15"></head>"#;
        let html = format!(r#"{head}<body><h1>T</h1><time datetime="2022-01-25">25.01.2022</time><p>Text.</p></body>"#);
        assert_eq!(published(&html).as_deref(), Some("2022-01-25"));
        // The markup's day printed too: it stays.
        let html = format!(r#"{head}<body><h1>T</h1><span>15.01.2022</span><time datetime="2022-01-25">25.01.2022</time></body>"#);
        assert_eq!(published(&html).as_deref(), Some("2022-01-15"));
        // A time in the comments does not count.
        let html = format!(r#"{head}<body><h1>T</h1><p>Text.</p><div class="comments"><time datetime="2022-01-25">25.01.2022</time></div></body>"#);
        assert_eq!(published(&html).as_deref(), Some("2022-01-15"));
    }

    #[test]
    fn a_text_timestamp_beats_more_frequent_plain_days() {
        let html = "<body><h1>T</h1><div>02.02.2022 10:16 Uhr</div><p>Text.</p>\
            <ul><li>30.01.2022</li><li>30.01.2022</li><li>27.01.2022</li></ul></body>";
        assert_eq!(published(html).as_deref(), Some("2022-02-02T10:16"));
        // Without a time, the most frequent day.
        let html = "<body><h1>T</h1><div>02.02.2022</div><p>Text.</p>\
            <ul><li>30.01.2022</li><li>30.01.2022</li><li>27.01.2022</li></ul></body>";
        assert_eq!(published(html).as_deref(), Some("2022-01-30"));
    }

    #[test]
    fn utc_times_are_recognised() {
        for t in ["2020-08-25T00:23:33Z", "2020-08-25T00:23:33+00:00", "Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)"] {
            assert!(utc_regex().is_match(t), "{t}");
        }
        assert!(!utc_regex().is_match("2020-08-25T00:23:33+02:00 (CEST)"));
    }

    #[test]
    fn modified_only_page_is_dated_by_it() {
        let h = run("<body><p>Stand: 30.12.2016</p><p>Seit dem 4. August 2014 gilt das Gesetz.</p></body>", None);
        assert_eq!(h.published.unwrap().value, "2016-12-30");
    }

    #[test]
    fn implausible_and_future_dates_are_dropped() {
        let html = r#"<head><meta property="article:published_time" content="2031-01-01T00:00:00Z">
            <meta name="date" content="1970-01-01"></head><body><p>Posted 5 May 2024</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2024-05-05"));
    }

    #[test]
    fn utc_time_moves_to_the_local_day_printed_on_the_page() {
        // 03:28 UTC is 22:28 the day before in New York; the page says so.
        let html = r#"<head><meta property="article:published_time" content="2023-11-09T03:28:35+00:00">
            <meta name="sailthru.date" content="2023-11-08 22:28:35"></head><body></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-08T22:28"));
    }

    #[test]
    fn a_utc_time_is_given_at_the_offset_the_page_shows() {
        // The page prints 16h17 and its markup says 15:17Z: one hour ahead.
        let html = r#"<head><meta property="article:published_time" content="2023-11-02T15:17:04Z"></head>
            <body><h1>T</h1><div class="timestamp">Le 2 novembre 2023 à 16h17</div><p>Texte.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-02T16:17"));
        // Markup with its own offset says the same.
        let html = r#"<head><meta property="article:published_time" content="2023-11-02T13:49:33Z">
            <script type="application/ld+json">{"datePublished":"2023-11-02T14:49:33+01:00"}</script></head>
            <body><h1>T</h1><p>Texte.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-02T14:49"));
        // No local time on the page: the UTC time stays as it is.
        let html = r#"<head><meta property="article:published_time" content="2023-11-02T15:17:04Z"></head>
            <body><h1>T</h1><p>Texte.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-02T15:17"));
    }

    #[test]
    fn a_day_from_the_url_takes_the_printed_time_of_that_day() {
        let html = r#"<body><h1>T</h1><div class="date">Publié le 1er novembre 2023 à 16h28</div><p>Texte.</p></body>"#;
        let found = run(html, Some("https://example.org/monde/2023/11/01/titre-20231101_ABC/"));
        assert_eq!(found.published.map(|d| d.value).as_deref(), Some("2023-11-01T16:28"));
        // A time printed for another day does not move it.
        let html = r#"<body><h1>T</h1><div class="date">Publié le 2 novembre 2023 à 16h28</div><p>Texte.</p></body>"#;
        let found = run(html, Some("https://example.org/monde/2023/11/01/titre-20231101_ABC/"));
        assert_ne!(found.published.map(|d| d.value).as_deref(), Some("2023-11-01T16:28"));
    }

    #[test]
    fn scripts_comments_and_listings_are_not_the_date() {
        let html = r#"<body><!-- saved 2024-01-01 --><script>var built = "2024-02-02";</script>
            <ul class="list"><li><time datetime="2024-03-01">a</time></li><li><time datetime="2024-03-02">b</time></li>
            <li><time datetime="2024-03-03">c</time></li></ul>
            <div class="byline">By A. Writer, 12 April 2024</div></body>"#;
        assert_eq!(published(html).as_deref(), Some("2024-04-12"));
    }

    #[test]
    fn us_pages_read_month_first() {
        let html = r#"<html lang="en-US"><body><span class="date">03/04/2024</span></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2024-03-04"));
        let html = r#"<html lang="fr"><body><span class="date">03/04/2024</span></body></html>"#;
        assert_eq!(published(html).as_deref(), Some("2024-04-03"));
    }

    #[test]
    fn script_dates_are_a_marked_last_resort() {
        let h = run(r#"<body><script>showDate("2020/04/17 10:00")</script><p>Nothing.</p></body>"#, None);
        let p = h.published.unwrap();
        assert_eq!(p.value, "2020-04-17T10:00");
        assert!(p.estimated);
        let h = run(r#"<body><script>x("2020/04/17")</script><p>Le 3 mai 2021.</p></body>"#, None);
        assert_eq!(h.published.unwrap().value, "2021-05-03");
    }

    #[test]
    fn a_cue_inside_a_sentence_is_not_a_byline() {
        let html = "<body><h1>Title</h1><small>March 2, 2024 at 08:45 AM</small>\
            <p>Version 5 of the tool was released on November 5, 2019. The first one was released on December 3, 2008, \
            and released on December 3, 2008 again as a rebuild, which is why this text is long enough.</p></body>";
        assert_eq!(published(html).as_deref(), Some("2024-03-02T08:45"));
        // A cue opening its block still counts.
        let html = "<body><div>Released on 4 May 2023</div><p>Text.</p></body>";
        let h = run(html, None);
        assert_eq!(h.published.map(|d| d.value).as_deref(), Some("2023-05-04"));
    }

    #[test]
    fn text_dates_standing_alone_beat_dates_of_sentences() {
        let html = "<body><p>On 5 November 2019 the council met again, and on 5 November 2019 it voted on the budget \
            for the coming years, after long debates.</p><span>12.01.2022</span></body>";
        assert_eq!(published(html).as_deref(), Some("2022-01-12"));
    }

    #[test]
    fn a_month_in_the_url_picks_the_text_date_of_that_month() {
        // Only weak (listed comment) days elsewhere: the URL's month decides.
        let html = r#"<head><link rel="canonical" href="https://blog.example/2008/05/title.html"></head><body>
            <h1>Title</h1><span>26 May, 2008</span><p>Text.</p>
            <ol class="commentlist"><li><div class="comment-meta">24 February 2009 at 19:44</div></li>
            <li><div class="comment-meta">6 March 2009 at 18:09</div></li>
            <li><div class="comment-meta">18 March 2009 at 16:40</div></li></ol></body>"#;
        assert_eq!(published(html).as_deref(), Some("2008-05-26"));
        // The post held in a "sidebar": its day of that month still counts.
        let html = r#"<head><link rel="canonical" href="https://blog.example/2010/05/title.html"></head><body>
            <div id="sidebar"><h2>Title</h2><p class="news">Dieser Beitrag wurde am <nobr>19. Mai 2010</nobr> um 23:03 Uhr gepostet.</p></div></body>"#;
        assert_eq!(published(html).as_deref(), Some("2010-05-19"));
        // Nothing in the text: the month itself.
        let html = r#"<head><link rel="canonical" href="https://blog.example/2008/05/title.html"></head><body><p>Text.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2008-05"));
    }

    #[test]
    fn prefilter_keeps_every_date_form() {
        for t in ["2025", "le 4 mars 2025", "23.06.25", "1/2/25", "x 12-01-99 y", "2025年6月"] {
            assert!(may_hold_date(t), "{t}");
        }
        for t in ["", "abc", "12 items for 300 euros", "3.5 stars", "v1.2"] {
            assert!(!may_hold_date(t), "{t}");
        }
    }

    #[test]
    fn main_content_is_never_boilerplate() {
        // A page-wide wrapper named after its menu holds <main>: the byline
        // inside <main> is not navigation.
        let html = r#"<head><meta name="date" content="2021-10-15"></head><body><div id="mmenu-pagewrapper">
            <nav><a href="/">Home</a></nav><main><h1>T</h1><p>Erschienen am: 13.10.2021</p></main></div></body>"#;
        assert_eq!(published(html).as_deref(), Some("2021-10-13"));
    }

    #[test]
    fn the_current_date_shown_to_the_reader_is_not_the_page_date() {
        let html = r#"<body><div class="current-date">Today: 11 February 2020</div><h1>T</h1>
            <p>The club was founded on 26 October 2013 by a handful of friends who met every week in a pub near the station.</p></body>"#;
        assert_eq!(published(html).as_deref(), Some("2013-10-26"));
    }

    #[test]
    fn a_teaser_inside_a_date_element_does_not_date_it() {
        let html = r#"<head><meta name="date" content="2020-04-29T11:52:23"></head><body><h1>T</h1>
            <p class="info">28.04.2020 21:38 Uhr</p>
            <div class="infobox"><div class="teaser"><p>Uber dieses Thema berichtete Inforadio am 29. April 2020 um 09:53 Uhr.</p></div></div></body>"#;
        assert_eq!(published(html).as_deref().and_then(|d| d.get(..10)), Some("2020-04-28"));
    }

    #[test]
    fn a_creation_date_yields_to_the_publication_date() {
        let html = r#"<head><meta name="dcterms.created" content="2023-11-08T20:25:25-05:00">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-11-09T03:02:34-05:00"}</script></head><body></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-09T03:02"));
        // Alone, it dates the page.
        let html = r#"<head><meta name="dcterms.created" content="2023-11-08T20:25:25-05:00"></head><body></body>"#;
        assert_eq!(published(html).as_deref(), Some("2023-11-08T20:25"));
    }

    #[test]
    fn an_early_utc_time_is_the_evening_before_in_the_americas() {
        let head = r#"<meta property="article:published_time" content="2020-05-02T02:54:29.000Z">"#;
        let html = format!(r#"<head><meta property="og:locale" content="en_US">{head}</head><body><h1>T</h1></body>"#);
        assert_eq!(published(&html).as_deref(), Some("2020-05-01"));
        // Elsewhere the UTC day stays.
        let html = format!(r#"<head><meta property="og:locale" content="de_DE">{head}</head><body><h1>T</h1></body>"#);
        assert_eq!(published(&html).as_deref(), Some("2020-05-02T02:54"));
        // So it does when the page shows it.
        let html = format!(r#"<html lang="en-US"><head>{head}</head><body><h1>T</h1><p>May 2, 2020</p></body></html>"#);
        assert_eq!(published(&html).as_deref().and_then(|d| d.get(..10)), Some("2020-05-02"));
        // Four hours behind at the least: 04:10 UTC may be the same day.
        let html = r#"<head><meta property="og:locale" content="en_US"><meta property="article:published_time" content="2020-05-02T04:10:00Z"></head><body></body>"#;
        assert_eq!(published(html).as_deref(), Some("2020-05-02T04:10"));
    }

    #[test]
    fn a_machine_timestamp_in_the_text_is_not_printed_for_readers() {
        // The publication day shows only as a raw ISO stamp; the reader sees
        // the update day.
        let html = r#"<body><h1>T</h1><time itemprop="datePublished" datetime="2021-10-27T20:35:36+01:00">2021-10-27T20:35:36+01:00</time>
            <time itemprop="dateModified" datetime="2021-10-28T13:21:30+01:00">2021-10-28T13:21:30+01:00</time>
            <p class="c-article__meta">Berlin, 28.10.2021, 058/21</p><p>Text.</p></body>"#;
        assert_eq!(published(html).as_deref().and_then(|d| d.get(..10)), Some("2021-10-28"));
        assert!(is_machine_stamp("2021-10-27T20:35:36+01:00"));
        assert!(!is_machine_stamp("27.10.2021 20:35"));
    }

    #[test]
    fn a_zone_less_copy_of_a_utc_time_is_utc_in_the_americas() {
        // The same instant with and without its zone; the page is from
        // Canada, where 00:23 UTC is the evening before.
        let html = r#"<head><meta name="dc.language" content="fr-ca"><meta name="dc.date.created" content="2020-08-25|00h23">
            <script type="application/ld+json">{"datePublished":"2020-08-25T00:23:33.312Z"}</script></head><body><h1>T</h1></body>"#;
        assert_eq!(published(html).as_deref().and_then(|d| d.get(..10)), Some("2020-08-24"));
        // Elsewhere the equal times say the page keeps UTC.
        let html = r#"<head><meta name="dc.date.created" content="2020-08-25|00h23">
            <script type="application/ld+json">{"datePublished":"2020-08-25T00:23:33.312Z"}</script></head><body><h1>T</h1></body>"#;
        assert_eq!(published(html).as_deref().and_then(|d| d.get(..10)), Some("2020-08-25"));
    }

    #[test]
    fn the_source_is_read_as_a_browser_nests_it() {
        // Character references decoded; a paragraph left open closes at the
        // next one, so the byline's date is not the body's.
        let html = r#"<body><p class="date">Publi&eacute; le 12&nbsp;f&eacute;vrier 2024<p>Le 3 mars 2020, un texte assez long pour ne pas &ecirc;tre une date seule.</body>"#;
        assert_eq!(published(html).as_deref(), Some("2024-02-12"));
        // A stray end tag does not cut the date element's text.
        let html = r#"<body><div class="post-date">12 June</span> 2024</div><p>Body text.</p>"#;
        assert_eq!(published(html).as_deref(), Some("2024-06-12"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let mut html = String::from("<body>");
        for _ in 0..20_000 {
            html.push_str("<div class=\"date\">");
        }
        html.push_str("23 juin 2025");
        let h = run(&html, None);
        assert_eq!(h.published.map(|d| d.value).as_deref(), Some("2025-06-23"));
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_markup(s in "(<[a-z]{1,6}( [a-z-]{1,8}=\"[^\"]{0,20}\")?>|</[a-z]{1,6}>|[^<]{0,30}){0,40}") {
            let _ = run(&s, Some(&s));
            let _ = url_date(&s);
        }
    }
}
