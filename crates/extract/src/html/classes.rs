//! What `class` and `id` attributes say about an element: a weight for
//! main-content scoring and whether the element is boilerplate.
//!
//! The vocabularies are the ones the established extractors converge on
//! (Readability's positive/negative/unlikely patterns, trafilatura's discard
//! XPaths, boilerpipe's and jusText's observations), written as token
//! fragments. Matching is done once per element on the lower-cased
//! `class` + `id` string with one Aho-Corasick automaton per vocabulary
//! (through `regex`), so the cost stays linear in the attribute length.

use std::sync::OnceLock;

use regex::Regex;

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
    /// Hash of the raw `class` attribute (0 when absent), to find the
    /// other parts of an article split into same-class chunks.
    pub class_hash: u64,
}

struct Vocab {
    positive: Regex,
    negative: Regex,
    strong: Regex,
    unlikely: Regex,
    maybe: Regex,
    meta_line: Regex,
    content_hint: Regex,
    lead: Regex,
    consent: Regex,
}



fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let re = |s: &str| Regex::new(s).unwrap_or_else(|_| Regex::new("$^").expect("trivial regex"));
        Vocab {
            positive: re(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text"),
            negative: re(concat!(
                r"(^|[^a-z])(ad|ads|adv|hid|tags?|meta|tools?|nav|promo)([^a-z]|$)|-ad-|banner|combx|comment|com-|",
                r"contact|foot|footnote|gdpr|masthead|media|outbrain|taboola|related|scroll|share|sharing|shoutbox|sidebar|",
                r"skyscraper|sponsor|shopping|widget|social|newsletter|subscri|signup|cookie|consent|breadcrumb|popup|",
                r"modal|overlay|paywall|teaser|recommend|trending|popular|most-?read|read-?more|more-?stories|caption-credit|(^|\s)(hidden|hide)(\s|$)"
            )),
            strong: re(concat!(
                r"(^|[^a-z])(ad|ads|adv|advert|nav|menu|tags|tag-list|share|sharing|social|related)([^a-z]|$)|",
                r"-ad-|ad-?slot|ad-?container|adsense|advertis|comment|kommentare|disqus|cookie|consent|gdpr|newsletter|subscri|",
                r"signup|sign-up|share-|sharebar|sharing|social|related|breadcrumb|outbrain|taboola|sidebar|footer|",
                r"recommend|popup|modal|promo|sponsor|navigation|navbar|pagination|pager|most-?read|most-?popular|",
                r"trending|read-?more|more-?stories|read-?next|tag-?cloud|post-?tags|article-?tags|entry-?tags|",
                r"author-?bio|author-?box|about-?the-?author|author-?profile|author-?description|saboxplugin|skip-?link|sr-only|screen-?reader|visually-?hidden|",
                r"print-?only|rss|jump-?link|prev-?next|next-?prev|post-?nav|",
                r"slideshow|carousel|lightbox"
            )),
            unlikely: re(concat!(
                r"header|extra|remark|replies|shoutbox|skyscraper|supplemental|agegate|banner|masthead|toolbar|tools|",
                r"widget|copyright|disclaimer|login|register|categories|combx|community|cover-wrap|legends|ai2html|",
                r"yom-remote|teaser|(^|[^a-z])toc([^a-z]|$)|table-?of-?contents|overlay|paywall|topbar|top-?bar|bottom-?bar"
            )),
            consent: re(r"cookie[-_]?(law|banner|notice|consent|bar|popup|message|hinweis|layer|warning|box|alert)|consent|gdpr"),
            maybe: re(r"and|article|body|column|content|main|shadow|post-?text|story"),
            lead: re(r"(^|[^a-z])(lead|lede|leader|vorspann|intro|chapo|chapeau|standfirst|stand-first|dek|deck|summary|excerpt|subtitle|sub-?headline|abstract)([^a-z]|$)"),
            meta_line: re(concat!(
                r"byline|by-?line|author|dateline|date|time|posted|published|meta-?data|article-?meta|post-?meta|",
                r"entry-?meta|credits?|timestamp|updated"
            )),
            content_hint: re(concat!(
                r"article[-_]?body|articlebody|article__body|article[-_]?content|article__content|article[-_]?text|articletext|",
                r"entry[-_]?content|post[-_]?content|post[-_]?body|post[-_]?text|post[-_]?entry|postcontent|story[-_]?body|story[-_]?content|",
                r"story[-_]?text|body[-_]?text|main[-_]?content|content[-_]?body|text[-_]?content|rich[-_]?text|richtext|field[-_]?body|",
                r"news[-_]?text|news[-_]?content|single[-_]?content|td[-_]?post[-_]?content|c[-_]?article|article[-_]?main"
            )),
        }
    })
}

/// Judges a lower-cased `class id` string.
pub(crate) fn classify(s: &str) -> ClassInfo {
    if s.is_empty() {
        return ClassInfo::default();
    }
    let v = vocab();
    let mut info = ClassInfo::default();
    if v.positive.is_match(s) {
        info.weight += 25;
    }
    if v.negative.is_match(s) {
        info.weight -= 25;
    }
    info.lead = v.lead.is_match(s);
    info.ingredients = s.contains("ingredient");
    info.content_hint = v.content_hint.is_match(s);
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
    info.strong = v.strong.is_match(s);
    info.discussion = info.strong
        && (s.contains("comment") || s.contains("kommentare") || s.contains("disqus") || s.contains("respond") || s.contains("repl") || v.consent.is_match(s));
    info.boiler = info.strong || (v.unlikely.is_match(s) && !v.maybe.is_match(s));
    info.meta_line = v.meta_line.is_match(s);
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
        assert!(classify("dig-vorspann").lead);
        assert!(classify("leader").lead);
        assert!(!classify("leaderboard").lead);
        // The author's box after the story (bio, photo, links).
        assert!(classify("author-profile").boiler);
        assert!(classify("author-description").boiler);
        assert!(classify("saboxplugin-wrap").boiler);
    }
}
