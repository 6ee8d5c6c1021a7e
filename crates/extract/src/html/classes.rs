//! What `class` and `id` attributes say about an element: a weight for
//! main-content scoring and whether the element is boilerplate.
//!
//! The vocabularies are the ones the established extractors converge on
//! (Readability's positive/negative/unlikely patterns, trafilatura's discard
//! XPaths, boilerpipe's and jusText's observations), written as token
//! fragments. Matching is done once per distinct lower-cased `class` +
//! `id` string with one Aho-Corasick automaton for all vocabularies, so the
//! cost stays linear in the attribute length.

use std::sync::OnceLock;


/// Verdict on one element's class/id tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ClassInfo {
    /// Readability-style weight: +25 per positive vocabulary, −25 per
    /// negative one.
    pub weight: i32,
    /// The element is boilerplate (comments, share bars, related links,
    /// cookie banners…) and has no content-container token.
    pub boiler: bool,
    /// A byline/date/metadata line container.
    pub meta_line: bool,
    /// A strong main-content hint (`article-body`, `entry-content`…).
    pub content_hint: bool,
    /// Boilerplate by an unambiguous token (comments, share, related,
    /// cookie…).
    pub strong: bool,
    /// A comment or discussion area, or a cookie-consent notice: removed
    /// even by the lenient pass.
    pub discussion: bool,
    /// An article lead / standfirst (`intro`, `chapo`, `standfirst`…).
    pub lead: bool,
    /// A recipe's ingredient list (`recipe-ingredients`, `ingredient`).
    pub ingredients: bool,
    /// A table of contents (`toc`, `ez-toc-container`,
    /// `table-of-contents`, `sommaire`).
    pub toc: bool,
    /// Hash of the raw `class` attribute (0 when absent), to find the
    /// other parts of an article split into same-class chunks.
    pub class_hash: u64,
}

/// The vocabularies, written as regular expressions over the lower-cased
/// `class id` string. Only a small subset of the syntax is used (and
/// supported by [`expand`]): literal characters, `x?` and `[-_]?`, groups of
/// alternatives, and the boundaries `(^|[^a-z])…([^a-z]|$)` and
/// `(^|\s)…(\s|$)` around a group. The tests check that [`Vocab`] answers
/// exactly as these expressions compiled by `regex` do.
const PATTERNS: [(&str, &str); 9] = [
    ("positive", r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text"),
    (
        "negative",
        concat!(
            r"(^|[^a-z])(ad|ads|adv|hid|tags?|meta|tools?|nav|promo)([^a-z]|$)|-ad-|banner|combx|comment|com-|",
            r"contact|foot|footnote|gdpr|masthead|media|outbrain|taboola|related|scroll|share|sharing|shoutbox|sidebar|",
            r"skyscraper|sponsor|shopping|widget|social|newsletter|subscri|signup|cookie|consent|breadcrumb|popup|",
            r"modal|overlay|paywall|teaser|recommend|trending|popular|most-?read|read-?more|more-?stories|caption-credit|(^|\s)(hidden|hide)(\s|$)"
        ),
    ),
    (
        "strong",
        concat!(
            r"(^|[^a-z])(ad|ads|adv|advert|nav|menu|tags|tag-list|share|sharing|social|related)([^a-z]|$)|",
            r"-ad-|ad-?slot|ad-?container|adsense|advertis|comment|kommentare|disqus|cookie|consent|gdpr|newsletter|subscri|",
            r"signup|sign-up|share-|sharebar|sharing|social|related|breadcrumb|outbrain|taboola|sidebar|footer|",
            r"recommend|popup|modal|promo|sponsor|navigation|navbar|pagination|pager|most-?read|most-?popular|",
            r"trending|read-?more|more-?stories|read-?next|tag-?cloud|post-?tags|article-?tags|entry-?tags|",
            r"author-?bio|author-?box|about-?the-?author|author-?profile|author-?description|saboxplugin|skip-?link|sr-only|screen-?reader|visually-?hidden|",
            r"contrib-?bio|contributor-?bio|short-?bio|mini-?bio|auth-?bio|bio-?box|bio-?desc|",
            r"print-?only|rss|jump-?link|prev-?next|next-?prev|post-?nav|",
            r"slideshow|carousel|lightbox|",
            // SPIP's readers' forum under an article.
            r"forum-(fil|message|chapo|texte|titre|repondre)"
        ),
    ),
    (
        "unlikely",
        concat!(
            r"header|extra|remark|replies|shoutbox|skyscraper|supplemental|agegate|banner|masthead|toolbar|tools|",
            r"widget|copyright|disclaimer|login|register|categories|combx|community|cover-wrap|legends|ai2html|",
            r"yom-remote|teaser|(^|[^a-z])toc([^a-z]|$)|table-?of-?contents|overlay|paywall|topbar|top-?bar|bottom-?bar"
        ),
    ),
    ("consent", r"cookie[-_]?(law|banner|notice|consent|bar|popup|message|hinweis|layer|warning|box|alert)|consent|gdpr"),
    ("maybe", r"and|article|body|column|content|main|shadow|post-?text|story"),
    (
        "lead",
        r"(^|[^a-z])(lead|lede|leader|vorspann|intro|chapo|chapeau|standfirst|stand-first|dek|deck|summary|excerpt|subtitle|sub-?headline|abstract)([^a-z]|$)",
    ),
    (
        "meta_line",
        concat!(
            r"byline|by-?line|author|dateline|date|time|posted|published|meta-?data|article-?meta|post-?meta|",
            r"entry-?meta|credits?|timestamp|updated|",
            // French and Spanish or German templates' bylines ("auteurs",
            // "autor-fecha") and SPIP's publication line ("info-publi").
            r"(^|[^a-z])(auteurs?|autor|autores|autoren|publi)([^a-z]|$)"
        ),
    ),
    (
        "content_hint",
        concat!(
            r"article[-_]?body|articlebody|article__body|article[-_]?content|article__content|article[-_]?text|articletext|",
            r"entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?text|post[-_]?entry|postcontent|story[-_]?body|story[-_]?content|",
            r"story[-_]?text|body[-_]?text|main[-_]?content|content[-_]?body|text[-_]?content|rich[-_]?text|richtext|field[-_]?body|",
            r"news[-_]?text|news[-_]?content|single[-_]?content|td[-_]?post[-_]?content|c[-_]?article|article[-_]?main"
        ),
    ),
];

/// Index of each vocabulary in [`PATTERNS`] (and bit in a match set).
const POSITIVE: usize = 0;
const NEGATIVE: usize = 1;
const STRONG: usize = 2;
const UNLIKELY: usize = 3;
const CONSENT: usize = 4;
const MAYBE: usize = 5;
const LEAD: usize = 6;
const META_LINE: usize = 7;
const CONTENT_HINT: usize = 8;

/// What must surround a literal for it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// Nothing: a substring anywhere.
    None,
    /// No ASCII lower-case letter right before or after (`(^|[^a-z])`).
    Letters,
    /// White space or the end of the string on both sides (`(^|\s)`).
    Space,
}

/// All vocabularies as one Aho-Corasick automaton over their literal
/// forms: a class string is read once for all nine, where nine regex
/// searches per distinct class string showed in profiles (the patterns
/// are alternations of literals, so the automaton answers the same).
struct Vocab {
    automaton: aho_corasick::AhoCorasick,
    /// For each automaton pattern: its vocabulary and boundary.
    kinds: Vec<(usize, Bound)>,
}

impl Vocab {
    /// Bit `v` set when vocabulary `v` matches `s`.
    fn matches(&self, s: &str) -> u16 {
        let b = s.as_bytes();
        let mut set = 0u16;
        for m in self.automaton.find_overlapping_iter(s) {
            let Some(&(v, bound)) = self.kinds.get(m.pattern().as_usize()) else { continue };
            let ok = match bound {
                Bound::None => true,
                Bound::Letters => {
                    let before = m.start().checked_sub(1).and_then(|i| b.get(i));
                    !before.is_some_and(u8::is_ascii_lowercase) && !b.get(m.end()).is_some_and(u8::is_ascii_lowercase)
                }
                Bound::Space => {
                    let before = s.get(..m.start()).and_then(|h| h.chars().next_back());
                    let after = s.get(m.end()..).and_then(|t| t.chars().next());
                    before.is_none_or(char::is_whitespace) && after.is_none_or(char::is_whitespace)
                }
            };
            if ok {
                set |= 1 << v;
            }
        }
        set
    }
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut literals = Vec::new();
        let mut kinds = Vec::new();
        for (v, (_, pattern)) in PATTERNS.iter().enumerate() {
            for (literal, bound) in expand(pattern) {
                literals.push(literal);
                kinds.push((v, bound));
            }
        }
        // The patterns are constants: a failure is a bug caught by every test.
        let automaton = aho_corasick::AhoCorasick::new(&literals).unwrap_or_else(|e| panic!("class vocabularies: {e}"));
        Vocab { automaton, kinds }
    })
}

/// The literal forms of a vocabulary pattern (see [`PATTERNS`] for the
/// syntax), each with its boundary. Hand-written because it reads only
/// that subset of the regular-expression syntax.
fn expand(pattern: &str) -> Vec<(String, Bound)> {
    let mut out = Vec::new();
    for branch in split_top(pattern) {
        let (bound, core) = if let Some(c) = branch.strip_prefix("(^|[^a-z])").and_then(|b| b.strip_suffix("([^a-z]|$)")) {
            (Bound::Letters, c)
        } else if let Some(c) = branch.strip_prefix("(^|\\s)").and_then(|b| b.strip_suffix("(\\s|$)")) {
            (Bound::Space, c)
        } else {
            (Bound::None, branch)
        };
        for literal in expand_seq(core) {
            out.push((literal, bound));
        }
    }
    out
}

/// The branches of `p` at parenthesis depth 0.
fn split_top(p: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let (mut depth, mut start) = (0i32, 0usize);
    for (i, c) in p.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            '|' if depth == 0 => {
                out.push(&p[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&p[start..]);
    out
}

/// The strings a sequence of literals, `[..]` classes, `(..|..)` groups
/// and `?` marks matches.
fn expand_seq(seq: &str) -> Vec<String> {
    let chars: Vec<char> = seq.chars().collect();
    let mut forms = vec![String::new()];
    let mut i = 0;
    while i < chars.len() {
        // One item: its alternatives, and where it ends.
        let (alts, next): (Vec<String>, usize) = match chars[i] {
            '(' | '[' => {
                let close = if chars[i] == '(' { ')' } else { ']' };
                let end = chars[i..].iter().position(|&c| c == close).map_or(chars.len(), |p| i + p);
                let inner: String = chars[i + 1..end].iter().collect();
                let alts = if chars[i] == '(' {
                    split_top(&inner).into_iter().flat_map(expand_seq).collect()
                } else {
                    inner.chars().map(String::from).collect()
                };
                (alts, end + 1)
            }
            c => (vec![c.to_string()], i + 1),
        };
        let optional = chars.get(next) == Some(&'?');
        let mut grown = Vec::new();
        for f in &forms {
            if optional {
                grown.push(f.clone());
            }
            for a in &alts {
                grown.push(format!("{f}{a}"));
            }
        }
        forms = grown;
        i = if optional { next + 1 } else { next };
    }
    forms
}

/// A page builder's name for its unit of layout: Elementor wraps every
/// block of a page, the article's text included, in `elementor-widget`,
/// `elementor-widget-wrap` and `elementor-widget-container` elements. There
/// "widget" names the builder's unit, not a sidebar widget; the unit's own
/// type after it (`-share-buttons`, `-sidebar`, `-wp-widget-recent-posts`,
/// `-theme-post-content`) is still read.
const BUILDER_UNIT: &str = "elementor-widget";
/// What [`BUILDER_UNIT`] is read as (a word of no vocabulary).
const BUILDER_UNIT_NEUTRAL: &str = "elementor-unit";

/// Whether a lower-cased `class id` string names a table of contents:
/// a `toc` word (`ez-toc-container`, `lwptoc`'s `toc` aside), or the words
/// spelt out.
fn is_toc(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_lowercase()).any(|w| w == "toc" || w == "sommaire" || w == "inhaltsverzeichnis")
        || s.contains("table-of-contents")
        || s.contains("table_of_contents")
        || s.contains("tableofcontents")
}

/// Judges a lower-cased `class id` string.
pub(crate) fn classify(s: &str) -> ClassInfo {
    if s.is_empty() {
        return ClassInfo::default();
    }
    let unit;
    let s = if s.contains(BUILDER_UNIT) {
        unit = s.replace(BUILDER_UNIT, BUILDER_UNIT_NEUTRAL);
        unit.as_str()
    } else {
        s
    };
    let m = vocab().matches(s);
    let has = |v: usize| m & (1 << v) != 0;
    let mut info = ClassInfo::default();
    if has(POSITIVE) {
        info.weight += 25;
    }
    if has(NEGATIVE) {
        info.weight -= 25;
    }
    info.lead = has(LEAD);
    info.ingredients = s.contains("ingredient");
    info.toc = is_toc(s);
    info.content_hint = has(CONTENT_HINT);
    if info.content_hint {
        info.weight += 25;
        return info;
    }
    // Embedded posts and media ("social-media-embed", "twitter-tweet")
    // are quoted by the author: content, whatever the network's name says.
    if s.contains("embed") || s.contains("tweet") {
        return info;
    }
    // Live coverage ("live-match-comment", "match-commentary") is the
    // article itself, not readers' comments.
    if is_live_commentary(s) {
        info.weight = info.weight.max(0);
        return info;
    }
    info.strong = has(STRONG);
    info.discussion = info.strong
        && (s.contains("comment")
            || s.contains("kommentare")
            || s.contains("disqus")
            || s.contains("respond")
            || s.contains("repl")
            || s.contains("forum-")
            || has(CONSENT));
    info.boiler = info.strong || (has(UNLIKELY) && !has(MAYBE));
    info.meta_line = has(META_LINE);
    info
}

/// Whether a class/id string names live coverage of an event: a token
/// "commentary", or a token made of the parts "live" and "comment…"
/// ("livefyre-comments", a comment platform, is not one).
fn is_live_commentary(s: &str) -> bool {
    s.split_whitespace().any(|token| {
        let parts = || token.split(['-', '_']);
        parts().any(|p| p.starts_with("commentary"))
            || (parts().any(|p| p == "live") && parts().any(|p| p.starts_with("comment")))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every vocabulary as `regex` compiles it: the reference [`Vocab`]
    /// must agree with.
    fn reference() -> &'static [regex::Regex] {
        static REFS: OnceLock<Vec<regex::Regex>> = OnceLock::new();
        REFS.get_or_init(|| PATTERNS.iter().map(|(name, p)| regex::Regex::new(p).unwrap_or_else(|e| panic!("{name}: {e}"))).collect())
    }

    fn agree(s: &str, refs: &[regex::Regex]) {
        let m = vocab().matches(s);
        for (v, re) in refs.iter().enumerate() {
            assert_eq!(m & (1 << v) != 0, re.is_match(s), "vocabulary {} on {s:?}", PATTERNS[v].0);
        }
    }

    #[test]
    fn expansion_reads_the_pattern_syntax() {
        let forms = |p: &str| expand(p).into_iter().map(|(f, b)| format!("{f}/{b:?}")).collect::<Vec<_>>();
        assert_eq!(forms("read-?more|x[-_]?y"), ["readmore/None", "read-more/None", "xy/None", "x-y/None", "x_y/None"]);
        assert_eq!(forms("(^|[^a-z])(ad|tags?)([^a-z]|$)"), ["ad/Letters", "tag/Letters", "tags/Letters"]);
        assert_eq!(forms("(^|\\s)(hide)(\\s|$)"), ["hide/Space"]);
        assert_eq!(forms("cookie[-_]?(law|bar)"), ["cookielaw/None", "cookiebar/None", "cookie-law/None", "cookie-bar/None", "cookie_law/None", "cookie_bar/None"]);
    }

    #[test]
    fn the_automaton_answers_as_the_expressions() {
        let refs = reference();
        for s in [
            "", "ad", "ads-top", "bad", "head", "main-nav", "navbar", "tag-list", "tag-lists", "hidden", "x hidden y", "xhidden",
            "hide\u{a0}", "toc", "tocs", "my-toc", "table-of-contents", "tableof-contents", "cookie_law", "cookie-notice",
            "article__body", "td_post-content", "c-article", "credits", "byline", "lead", "leader", "leaderboard",
            "sub-headline", "about-theauthor", "post_content entry", "ad2", "2ad", "éad", "adé", "-ad-",
        ] {
            agree(s, refs);
        }
    }

    fn fragment() -> impl Strategy<Value = String> {
        let mut pieces: Vec<String> = PATTERNS.iter().flat_map(|(_, p)| expand(p)).map(|(f, _)| f).collect();
        for sep in [" ", "-", "_", "a", "z", "1", "é", "\u{a0}", "\t", "s", "er"] {
            pieces.push(sep.to_string());
        }
        proptest::sample::select(pieces)
    }

    proptest! {
        #[test]
        fn the_automaton_agrees_with_the_expressions(parts in proptest::collection::vec(fragment(), 1..6)) {
            let s: String = parts.concat();
            agree(&s, reference());
        }
    }

    #[test]
    fn vocabularies() {
        assert!(classify("article-body").content_hint);
        assert!(classify("article-body").weight > 0);
        assert!(classify("comments-area").boiler);
        assert!(classify("share-bar").boiler);
        assert!(!classify("article-content comments").boiler);
        assert!(!classify("header-image").weight.is_negative() || !classify("header-image").content_hint);
        assert!(!classify("").boiler);
        assert!(classify("byline").meta_line);
        assert!(!classify("shadow").boiler);
        assert!(classify("nav").boiler);
        assert!(!classify("canvas").boiler);
        // Live coverage is not readers' comments.
        assert!(!classify("live-match-comment slider-ele left").boiler);
        assert!(!classify("match-commentary").boiler);
        assert!(classify("livefyre-comments").boiler);
        assert!(classify("comment-list").discussion);
        // German templates name the comment area in German.
        assert!(classify("kommentare").discussion);
        // "Der Kommentar" is an opinion column, not readers' comments.
        assert!(!classify("post category-der-kommentar").boiler);
        // A cookie notice is never the article, whichever pass reads it.
        assert!(classify("widget widget_eu_cookie_law_widget eu-cookie-law").discussion);
        assert!(classify("cookie-banner").discussion);
        assert!(!classify("recipe category-cookies").discussion);
        assert!(classify("list list--ingredients").ingredients);
        assert!(!classify("article-body").ingredients);
        // Leads named in German ("Vorspann") or as the "leader".
        assert!(classify("ez-toc-container").toc);
        assert!(classify("sommaire").toc);
        assert!(classify("wp-block-table-of-contents").toc);
        assert!(!classify("stock-ticker tocantins").toc);
        assert!(classify("dig-vorspann").lead);
        assert!(classify("leader").lead);
        assert!(!classify("leaderboard").lead);
        // The author's box after the story (bio, photo, links).
        assert!(classify("author-profile").boiler);
        assert!(classify("author-description").boiler);
        assert!(classify("saboxplugin-wrap").boiler);
        // A contributor's short biography, however the template names it.
        assert!(classify("contrib-bio").boiler);
        assert!(classify("contributor-bio contributor-bio--align-left").boiler);
        assert!(classify("short-bio").boiler);
        assert!(classify("bio-box").boiler);
        // "Bio" alone also means organic (German, French): not judged.
        assert!(!classify("product-name--sidamo-bio-kaffeebohnen").boiler);
        // A page builder's layout units hold the article; the unit's own
        // type still says what it is.
        assert!(!classify("elementor-widget-container").boiler);
        assert!(!classify("elementor-widget-wrap elementor-element-populated").boiler);
        assert!(classify("elementor-element elementor-widget elementor-widget-theme-post-content").content_hint);
        assert!(classify("elementor-element elementor-widget elementor-widget-share-buttons").boiler);
        assert!(classify("elementor-widget elementor-widget-wp-widget-recent-posts").boiler);
        assert!(classify("elementor-widget elementor-widget-sidebar").boiler);
        assert!(classify("widget-container").boiler);
        // Bylines and publication lines named in French, Spanish, German.
        assert!(classify("info-publi").meta_line);
        assert!(classify("auteurs").meta_line);
        assert!(classify("autor-fecha col l12").meta_line);
        assert!(!classify("publication-content").meta_line);
        assert!(!classify("autorisation").meta_line);
        // SPIP's forum: the readers' messages under the article, their
        // heads ("forum-chapo") no standfirst.
        assert!(classify("forum-fil").discussion);
        assert!(classify("forum-message").discussion);
        assert!(classify("forum-chapo").discussion);
        assert!(classify("forum-texte").boiler);
        assert!(!classify("forum").boiler);
        assert!(!classify("c-article__forum-banner-title").discussion);
    }
}
