//! HTML metadata: title, authors, site name, canonical URL and declared
//! language, each with the evidence it was read from.
//!
//! One pass over the element nodes collects `<meta>`, `<link>`, `<title>`,
//! the first `<h1>`, JSON-LD scripts, `rel=author` / `itemprop=author`
//! elements and byline-like elements; the choices are then made in a fixed
//! order of trust:
//!
//! * title: `og:title`, `twitter:title`, JSON-LD `headline`, the first
//!   `<h1>`, `<title>`; site suffixes (" - Site", " | Site") and prefixes
//!   are removed when the other part is the site name or the domain, or is
//!   short and the page has a longer heading that matches; a site name
//!   right after the headline goes with the taglines after it, and one
//!   glued to the headline goes with the same suffix. A logo h1 (one
//!   link) the `<title>` shows as a part after another, or first before
//!   a last part an h2 spells, names the site. An h1's kicker
//!   or subtitle element is left out when a declared title shows it apart;
//!   a declared title adding a label or a date to a heading gives the
//!   heading, and takes the typography of an h1 or h2 spelling the same
//!   words. A lone h1 of three words or more that is no link is the
//!   headline even beside a rewritten og:title, and among several h1s one
//!   the `<title>` or JSON-LD spells wins unless an h2 shows og:title;
//!   declared titles are compared without the site's name. A blog
//!   archive label ("Site » Blog Archive » Headline") is followed by the
//!   headline; a logo h1 spelling the `<title>`'s last parts names the site.
//! * authors: JSON-LD `author` (persons, or a person the graph describes
//!   under the `@id` the author points to; line breaks inside its strings
//!   read as spaces), `meta name=author` and kin (tags of one name read
//!   together; `twitter:dataN` when `twitter:labelN` is a byline formula),
//!   `article:author` when it is not a URL, `itemprop=author`, an hCard's
//!   `fn` inside an author element, `rel=author` (these declared names may
//!   be a pen name of one word), then byline elements (class or id naming
//!   a byline or the author, also "autor", "auteur"; read from a formula
//!   inside them, "Posted on 12 May by Jane Doe", when their whole text
//!   yields no name), then short
//!   blocks that open with a byline formula ("By Jane Doe", "Von A und B",
//!   "— by Jane Doe") and hold full names. Several
//!   names are kept as a list; a comma list ends at its first part that is
//!   no name ("By A, BBC News, New York"). A candidate equal to the site,
//!   the publisher or the domain (or spelling out its acronym), a news
//!   agency or a newsroom (`agencies.txt`, `org-words.txt`), or holding a
//!   function word (`not-in-names.txt`) is never an author; authors of
//!   reviews, answers and comments (microdata items) are not the
//!   article's; byline openers ("By", "Eingestellt von",
//!   from `data/lang/mul/byline-prefixes.txt`, also before a colon: "Von:",
//!   "By:"), roles, dates and e-mail
//!   addresses are stripped. Credits of other contributors ("Foto:",
//!   "Übersetzung", "Quelle:", from `data/lang/mul/byline-roles.txt`) and
//!   elements in figures, captions and credit/licence lines are not
//!   bylines; a conjunction inside an organisation's name ("… für
//!   Wirtschaft und Klimaschutz") does not split it into names. Every name
//!   must be shown in the page's visible text (the classes of `<body>`
//!   hide nothing), a date after a name without a separator, a
//!   social-media handle beside it and another contributor's credit after
//!   it ("Illustration von …") go, a known first name of three letters is
//!   a name, two words spelling the site's acronym are not, a person's full name with a known
//!   first name may name a personal site, author links of one byline that
//!   name every declared author and more give them all, a byline element
//!   may hold a known first name alone, bylines in lists of other articles
//!   ("related", "listing") are theirs, and byline elements are
//!   read from the first one that yields a name and its siblings only (not
//!   teasers further down).

use super::dom::AttrStr;
use dossier_document::{Evidenced, Metadata};
use scraper::{ElementRef, Html, Node};
use serde_json::Value;

/// Raw candidates collected from the page.
#[derive(Debug, Default)]
struct Found {
    og_title: Option<String>,
    twitter_title: Option<String>,
    title_tag: Option<String>,
    h1: Vec<String>,
    /// The page's first h2s, with its h1s the headings a declared title
    /// may add a label or a date to.
    h2: Vec<String>,
    /// The first h1's kicker and subtitle, with the text beside each
    /// ("<h1><span>Frain</span> Incendie dans une maison…</h1>").
    h1_parts: H1Parts,
    /// h1s that are one link, as logos are ("<h1><a>Site</a></h1>").
    linked_h1: Vec<String>,
    ld_headline: Option<String>,
    ld_authors: Vec<String>,
    /// `@id`s an article's `author` points to without a name
    /// (`"author": {"@id": "…#/schema/person/1"}`), and the names of the
    /// persons the page's JSON-LD describes by `@id`: the author is the
    /// person so named (the graphs of SEO plugins).
    ld_author_refs: Vec<String>,
    ld_person_ids: Vec<(String, String)>,
    /// `twitter:labelN` / `twitter:dataN` pairs by N: a label that is a
    /// byline formula ("Written by", "Verfasst von") names the author in
    /// its data.
    twitter_labels: Vec<(String, String)>,
    twitter_data: Vec<(String, String)>,
    ld_publisher: Option<String>,
    ld_body: Option<String>,
    /// `description`, `og:description`, `twitter:description`.
    descriptions: Vec<String>,
    meta_authors: Vec<(String, String)>,
    rel_authors: Vec<(String, ego_tree::NodeId)>,
    itemprop_authors: Vec<String>,
    /// Names marked up as an hCard inside an author element
    /// (`<span class="author vcard"><a class="url fn n">jane</a></span>`).
    hcard_authors: Vec<(String, ego_tree::NodeId)>,
    byline_texts: Vec<(String, ego_tree::NodeId)>,
    /// Short blocks that open with a byline formula ("By Jane Doe",
    /// "Von A und B") whatever their class: the last source.
    opener_texts: Vec<(String, ego_tree::NodeId)>,
    site_name: Option<(String, String)>,
    canonical: Option<(String, String)>,
    html_lang: Option<String>,
    content_language: Option<String>,
    /// Whether names are checked against the page's visible text (there
    /// is an author candidate); the text itself is read by [`decide`] the
    /// first time a name needs the check.
    check_visible: bool,
}

/// Metadata of a parsed page (dates are filled by the caller) and the
/// JSON-LD `articleBody`, if any.
pub(crate) struct PageMeta {
    pub metadata: Metadata,
    pub ld_body: Option<String>,
    /// Every title-like string of the page (og/twitter titles, `<title>`,
    /// headline, first h1, the chosen title), to keep them out of the text.
    pub title_variants: Vec<String>,
    /// The titles the page declares in its head (og/twitter titles, JSON-LD
    /// headline, `<title>`), to recognise the article's own headline.
    pub declared_titles: Vec<String>,
    /// The descriptions the page declares in its head (`description`,
    /// `og:description`, `twitter:description`).
    pub descriptions: Vec<String>,
}

/// Elements whose text is never shown: inline style sheets and scripts
/// ("<h1><style>.css-x{…}</style>Headline</h1>").
fn unshown(n: ego_tree::NodeRef<'_, Node>) -> bool {
    n.value().as_element().is_some_and(|e| matches!(e.name(), "style" | "script" | "noscript" | "template"))
}

fn text_of(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for d in el.descendants() {
        let Node::Text(t) = d.value() else { continue };
        if d.ancestors().take_while(|a| a.id() != el.id()).any(unshown) {
            continue;
        }
        s.push_str(t);
        if s.len() > 2000 {
            break;
        }
    }
    dossier_text::normalize::collapse_whitespace(&s)
}

/// Whether an element's whole text `t` is one link, as a logo's is
/// ("<h1><a>Site</a></h1>"; the parser's input keeps no `href` of links).
fn one_link(el: ElementRef<'_>, t: &str) -> bool {
    el.descendants().filter_map(ElementRef::wrap).any(|a| a.value().name() == "a" && text_of(a) == t)
}

/// Label punctuation between a kicker and its headline ("Kicker: Headline").
const LABEL_PUNCT: [char; 9] = ['.', ':', '-', '–', '—', '|', ',', '/', '·'];

/// The parts of a headline: a kicker, an element of one to eight words
/// the h1 opens with, and the text after it; or a subtitle, an element the
/// h1 ends with, and the text before it. Label punctuation between the two
/// ("<span>Kicker</span><span>:</span> Headline") goes with neither. An h1
/// wrapping one element is read inside it.
#[derive(Debug, Default)]
struct H1Parts {
    kicker: Option<(String, String)>,
    subtitle: Option<(String, String)>,
}

fn h1_parts(h1: ElementRef<'_>, text: &str) -> H1Parts {
    let words = |s: &str| s.split_whitespace().count();
    let trim_label = |s: &str| s.trim().trim_start_matches(|c: char| LABEL_PUNCT.contains(&c) || c.is_whitespace()).trim_end_matches(|c: char| LABEL_PUNCT.contains(&c) || c.is_whitespace()).to_string();
    let mut el = h1;
    loop {
        let kids: Vec<_> = el.children().filter(|c| !c.value().as_text().is_some_and(|t| t.trim().is_empty()) && !unshown(*c)).collect();
        match kids.as_slice() {
            [only] if only.value().is_element() => match ElementRef::wrap(*only) {
                Some(e) => el = e,
                None => break,
            },
            _ => break,
        }
    }
    let kids: Vec<_> = el.children().filter(|c| !c.value().as_text().is_some_and(|t| t.trim().is_empty()) && !unshown(*c)).collect();
    let mut parts = H1Parts::default();
    if kids.len() < 2 {
        return parts;
    }
    if let Some(first) = kids.first().and_then(|c| ElementRef::wrap(*c)) {
        let k = text_of(first);
        if let Some(rest) = text.strip_prefix(k.as_str()) {
            let rest = trim_label(rest);
            if (1..=8).contains(&words(&k)) && words(&rest) >= 2 {
                parts.kicker = Some((k, rest));
            }
        }
    }
    if let Some(last) = kids.last().and_then(|c| ElementRef::wrap(*c)) {
        let sub = text_of(last);
        if let Some(head) = text.strip_suffix(sub.as_str()) {
            let head = trim_label(head);
            if (1..=15).contains(&words(&sub)) && words(&head) >= 2 {
                parts.subtitle = Some((sub, head));
            }
        }
    }
    parts
}

/// The h1 without its kicker or subtitle when a declared title (site name
/// removed) is the rest alone, or shows the left-out part as a label
/// ("Frain. Incendie dans…", "Frain : Incendie…", "Headline - Kicker").
fn unkicked<'a>(f: &'a Found, site_names: &[String]) -> Option<&'a str> {
    let declared: Vec<String> = [&f.og_title, &f.twitter_title, &f.ld_headline, &f.title_tag]
        .into_iter()
        .flatten()
        .map(|d| strip_site(d, site_names, &[]))
        .collect();
    // The rest alone, or the rest on one side of a label's punctuation.
    let labelled = |d: &str, r: &str| {
        if squash(d) == r {
            return true;
        }
        d.char_indices().filter(|(_, c)| LABEL_PUNCT.contains(c)).any(|(i, c)| {
            let (before, after) = (&d[..i], &d[i + c.len_utf8()..]);
            // A label's punctuation stands before a space ("Kicker: Rest"),
            // not inside a word ("Covid-19").
            (after.starts_with(' ') || before.ends_with(' ')) && (squash(before) == r || squash(after) == r)
        })
    };
    let pick = |part: &'a Option<(String, String)>| {
        let (_, rest) = part.as_ref()?;
        let r = squash(rest);
        (!r.is_empty() && declared.iter().any(|d| labelled(d, &r))).then_some(rest.as_str())
    };
    // A declared title opening with the kicker as a label before a
    // shortened headline ("Initiative EnergieEffizienz - kostenloser
    // Stromcheck" for the h1 "<span>Initiative EnergieEffizienz</span>
    // Kostenloser Stromcheck für private Haushalte") shows it apart too.
    let kicker_labelled = || {
        let (k, rest) = f.h1_parts.kicker.as_ref()?;
        let k = squash(k);
        let opens = |d: &str| {
            d.char_indices().filter(|(_, c)| LABEL_PUNCT.contains(c)).any(|(i, c)| {
                let (before, after) = (&d[..i], &d[i + c.len_utf8()..]);
                after.starts_with(' ') && squash(before) == k && !squash(after).is_empty()
            })
        };
        (!k.is_empty() && declared.iter().any(|d| opens(d))).then_some(rest.as_str())
    };
    pick(&f.h1_parts.kicker).or_else(|| pick(&f.h1_parts.subtitle)).or_else(kicker_labelled)
}

fn clean(s: &str) -> String {
    dossier_text::normalize::collapse_whitespace(s)
}

/// Collects metadata from `doc`.
pub(crate) fn collect(doc: &Html, url: Option<&str>) -> PageMeta {
    let mut f = Found::default();
    let mut byline_budget = 20usize;
    let mut opener_budget = 10usize;
    for node in doc.tree.nodes() {
        if let Node::Text(t) = node.value() {
            if opener_budget > 0 {
                if let Some((text, id)) = opener_block(node, t) {
                    opener_budget -= 1;
                    f.opener_texts.push((text, id));
                }
            }
            continue;
        }
        let Node::Element(el) = node.value() else { continue };
        let name = el.name();
        match name {
            "html" if f.html_lang.is_none() => {
                f.html_lang = el.attr_str("lang").or_else(|| el.attr_str("xml:lang")).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
            }
            "meta" => {
                let key = el
                    .attr_str("property")
                    .or_else(|| el.attr_str("name"))
                    .or_else(|| el.attr_str("itemprop"))
                    .or_else(|| el.attr_str("http-equiv"))
                    .map(|k| k.trim().to_ascii_lowercase());
                let Some(key) = key else { continue };
                let Some(content) = el.attr_str("content").map(clean).filter(|c| !c.is_empty()) else { continue };
                match key.as_str() {
                    "og:title" => set_once(&mut f.og_title, content),
                    "description" | "og:description" | "twitter:description"
                        if f.descriptions.len() < 3 && !f.descriptions.contains(&content) =>
                    {
                        f.descriptions.push(content);
                    }
                    "twitter:title" => set_once(&mut f.twitter_title, content),
                    "og:site_name" if f.site_name.as_ref().is_none_or(|s| s.1 != "meta[property=og:site_name]") => {
                        f.site_name = Some((content, "meta[property=og:site_name]".into()));
                    }
                    "application-name" if f.site_name.is_none() => {
                        f.site_name = Some((content, "meta[name=application-name]".into()));
                    }
                    "og:url" if f.canonical.is_none() => {
                        f.canonical = Some((content, "meta[property=og:url]".into()));
                    }
                    "content-language" => set_once(&mut f.content_language, content),
                    k if k.starts_with("twitter:label") && f.twitter_labels.len() < 8 => {
                        f.twitter_labels.push((k["twitter:label".len()..].to_string(), content));
                    }
                    k if k.starts_with("twitter:data") && f.twitter_data.len() < 8 => {
                        f.twitter_data.push((k["twitter:data".len()..].to_string(), content));
                    }
                    "author" | "dc.creator" | "dc:creator" | "dcterms.creator" | "article:author" | "og:article:author"
                    | "parsely-author" | "sailthru.author" | "byl" | "citation_author" | "cxenseparse:author" => {
                        f.meta_authors.push((content, format!("meta[{key}]")));
                    }
                    _ => {}
                }
            }
            "link" => {
                let rel = el.attr_str("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(h) = el.attr_str("href").map(clean).filter(|h| !h.is_empty()) {
                        if f.canonical.as_ref().is_none_or(|c| c.1 != "link[rel=canonical]") {
                            f.canonical = Some((h, "link[rel=canonical]".into()));
                        }
                    }
                }
            }
            "title" if f.title_tag.is_none() => {
                if let Some(er) = ElementRef::wrap(node) {
                    let t = text_of(er);
                    if !t.is_empty() {
                        f.title_tag = Some(t);
                    }
                }
            }
            "h1" if f.h1.len() < 8 => {
                if let Some(er) = ElementRef::wrap(node) {
                    let t = text_of(er);
                    if !t.is_empty() {
                        if f.h1.is_empty() {
                            f.h1_parts = h1_parts(er, &t);
                        }
                        // A heading inside a link (a teaser of another
                        // article) is a link too.
                        let in_link = node.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "a"));
                        if one_link(er, &t) || in_link {
                            f.linked_h1.push(t.clone());
                        }
                        f.h1.push(t);
                    }
                }
            }
            "h2" if f.h2.len() < 5 => {
                if let Some(er) = ElementRef::wrap(node) {
                    let t = text_of(er);
                    if !t.is_empty() {
                        f.h2.push(t);
                    }
                }
            }
            "script" => {
                let ty = el.attr_str("type").unwrap_or("").to_ascii_lowercase();
                if ty.contains("ld+json") {
                    if let Some(er) = ElementRef::wrap(node) {
                        let raw: String = er.text().collect();
                        read_json_ld(&raw, &mut f);
                    }
                }
            }
            _ => {}
        }
        // Author-ish elements.
        let rel_author = el.attr_str("rel").is_some_and(|r| r.to_ascii_lowercase().split_whitespace().any(|x| x == "author"));
        let itemprop_author = el.attr_str("itemprop").is_some_and(|p| p.to_ascii_lowercase().split_whitespace().any(|x| x == "author" || x == "creator"));
        if (rel_author || itemprop_author) && in_other_item(node) {
            // A review's or a comment's author, not the article's.
        } else if (rel_author || itemprop_author) && !in_discussion(node) && !in_credit(node) {
            if let Some(er) = ElementRef::wrap(node) {
                // itemprop=author may hold a nested itemprop=name.
                let mut t = String::new();
                if itemprop_author {
                    if let Some(c) = el.attr_str("content") {
                        t = clean(c);
                    }
                    if t.is_empty() {
                        for d in er.descendants() {
                            if let Some(de) = d.value().as_element() {
                                if de.attr_str("itemprop").is_some_and(|p| p.eq_ignore_ascii_case("name")) {
                                    if let Some(dr) = ElementRef::wrap(d) {
                                        t = de.attr_str("content").map(clean).unwrap_or_else(|| text_of(dr));
                                    }
                                    break;
                                }
                            }
                        }
                    }
                }
                if t.is_empty() {
                    t = text_of(er);
                }
                if !t.is_empty() && t.len() < 200 {
                    if rel_author {
                        f.rel_authors.push((t, node.id()));
                    } else {
                        f.itemprop_authors.push(t);
                    }
                }
            }
        } else if hcard_author(node) {
            if let Some(er) = ElementRef::wrap(node) {
                let t = text_of(er);
                if !t.is_empty() && t.len() < 200 && f.hcard_authors.len() < 10 {
                    f.hcard_authors.push((t, node.id()));
                }
            }
        } else if byline_budget > 0
            && matches!(name, "span" | "div" | "p" | "a" | "address" | "li" | "ul" | "strong" | "b" | "em" | "h3" | "h4" | "h5" | "h6")
            // Speed: a cheap look for the two words before building the string.
            && [el.attr_str("class"), el.attr_str("id")]
                .into_iter()
                .flatten()
                .any(|v| contains_ignore_ascii_case(v, "byline") || contains_ignore_ascii_case(v, "author") || contains_ignore_ascii_case(v, "autor") || contains_ignore_ascii_case(v, "auteur"))
        {
            let class = format!("{} {}", el.attr_str("class").unwrap_or(""), el.attr_str("id").unwrap_or("")).to_ascii_lowercase();
            if (class.contains("byline") || class.contains("author") || names_author_in_other_language(&class))
                && !class.contains("avatar")
                && !class.contains("bio")
                && !class.contains("comment")
                && !in_discussion(node)
                && !in_credit(node)
            {
                if let Some(er) = ElementRef::wrap(node) {
                    let mut t = text_of(er);
                    // A byline holding a widget (a rating, share buttons)
                    // in a block of its own: the text before that block.
                    if t.chars().count() > 120 {
                        t = lead_text(node);
                    }
                    if !t.is_empty() && t.chars().count() <= 120 {
                        byline_budget -= 1;
                        f.byline_texts.push((t, node.id()));
                    }
                }
            }
        }
    }
    // Authors the JSON-LD names by `@id` only.
    if f.ld_authors.is_empty() {
        for r in &f.ld_author_refs {
            if let Some((_, n)) = f.ld_person_ids.iter().find(|(id, _)| id == r) {
                f.ld_authors.push(n.clone());
            }
        }
    }
    // "twitter:label1" = "Written by", "twitter:data1" = the author.
    for (n, label) in &f.twitter_labels {
        let l = label.trim().trim_end_matches(':').trim().to_lowercase();
        if l.is_empty() || !byline_prefixes().iter().any(|p| p.trim_end().trim_end_matches(':').trim_end() == l) {
            continue;
        }
        if let Some((_, d)) = f.twitter_data.iter().find(|(m, _)| m == n) {
            f.meta_authors.push((d.clone(), format!("meta[twitter:data{n}]")));
        }
    }
    let has_candidates = !(f.ld_authors.is_empty()
        && f.meta_authors.is_empty()
        && f.rel_authors.is_empty()
        && f.itemprop_authors.is_empty()
        && f.hcard_authors.is_empty()
        && f.byline_texts.is_empty()
        && f.opener_texts.is_empty());
    if has_candidates {
        f.check_visible = true;
    }
    decide(f, url, doc)
}

/// The text of an element's children before its first block child
/// (`div`, `p`, a list, a table, a section, a form), whitespace collapsed.
fn lead_text(node: ego_tree::NodeRef<'_, Node>) -> String {
    let mut s = String::new();
    for c in node.children() {
        match c.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) if matches!(e.name(), "div" | "p" | "ul" | "ol" | "dl" | "table" | "section" | "form" | "article" | "aside") => break,
            Node::Element(_) if unshown(c) => {}
            Node::Element(_) => {
                if let Some(er) = ElementRef::wrap(c) {
                    s.push(' ');
                    s.push_str(&text_of(er));
                    s.push(' ');
                }
            }
            _ => {}
        }
        if s.len() > 400 {
            break;
        }
    }
    dossier_text::normalize::collapse_whitespace(&s)
}

/// True when a lower-case class or id names the author in another
/// language ("autor", "autore", "autorin", "auteur"), not an
/// authorisation ("autorisation", "autorizzazione").
fn names_author_in_other_language(class: &str) -> bool {
    class.split(|c: char| c.is_whitespace()).any(|w| (w.contains("autor") && !w.contains("autoris") && !w.contains("autoriz")) || w.contains("auteur"))
}

/// True when the element is the formatted name (class `fn`) of an hCard
/// (class `vcard`, on it or on one of its three nearest ancestors) inside
/// an author element (a class word holding "author", as near): the
/// microformat's author markup. Comments' hCards are left out (their
/// authors are commenters), as are those of other items and credits.
fn hcard_author(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let Some(el) = node.value().as_element() else { return false };
    if !el.attr_str("class").is_some_and(|c| c.split_whitespace().any(|w| w == "fn")) {
        return false;
    }
    let near = || std::iter::once(node).chain(node.ancestors()).take(4).filter_map(|a| a.value().as_element());
    let classed = |pred: &dyn Fn(&str) -> bool| near().any(|e| e.attr_str("class").is_some_and(|c| c.split_whitespace().any(pred)));
    classed(&|w| w.eq_ignore_ascii_case("vcard"))
        && classed(&|w| contains_ignore_ascii_case(w, "author"))
        && !in_discussion(node)
        && !in_credit(node)
        && !in_other_item(node)
}

/// `hay.to_ascii_lowercase().contains(needle)` for a lower-case ASCII
/// `needle`, without the allocation.
fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    let n = needle.as_bytes();
    n.is_empty() || hay.as_bytes().windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// Longest block read as a byline formula, in characters.
const OPENER_BLOCK_MAX: usize = 100;

/// The block a text node opens with a byline formula ("By", "Von",
/// "Par", from `data/lang/mul/byline-prefixes.txt`): the text's parent
/// element, or the parent's parent when the parent holds the formula alone
/// ("<p><span>By</span> <a>Jane Doe</a></p>"), with its text and id. The
/// block must itself open with the formula, be short, and sit outside
/// scripts, page furniture, credits and other items (reviews, comments).
fn opener_block(node: ego_tree::NodeRef<'_, Node>, t: &scraper::node::Text) -> Option<(String, ego_tree::NodeId)> {
    // Leading dashes or dots ("— By Jane Doe", "---- by Jane Doe") aside.
    let head = t.trim_start_matches(|c: char| !c.is_alphanumeric());
    if head.is_empty() || !head.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    // Cheap test first: the first word must open some formula.
    let first = head.split(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("");
    // Speed: most first words are already lower-case ASCII (no copy).
    let known = |w: &str| {
        if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            byline_first_words().contains(w)
        } else {
            byline_first_words().contains(&w.to_lowercase())
        }
    };
    if first.len() > 24 || !known(first) {
        return None;
    }
    let lower: String = head.chars().take(30).collect::<String>().to_lowercase();
    let bare = lower.trim_end();
    let colon = |p: &String| {
        let word = p.trim_end();
        !word.ends_with(':') && lower.strip_prefix(word).is_some_and(|r| r.starts_with(':'))
    };
    if !byline_prefixes().iter().any(|p| lower.starts_with(p.as_str()) || bare == p.trim_end() || colon(p)) {
        return None;
    }
    let mut block = ElementRef::wrap(node.parent()?)?;
    if matches!(block.value().name(), "script" | "style" | "noscript" | "template" | "title" | "textarea" | "option") {
        return None;
    }
    let mut text = text_of(block);
    if strip_byline_prefix(&format!("{text} ")).is_some_and(|rest| rest.trim().is_empty()) {
        block = ElementRef::wrap(block.parent()?)?;
        text = text_of(block);
    }
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric()).to_string();
    let starts = strip_byline_prefix(&text).is_some_and(|rest| !rest.is_empty());
    if !starts || text.chars().count() > OPENER_BLOCK_MAX {
        return None;
    }
    if in_discussion(node) || in_credit(node) || in_other_item(node) {
        return None;
    }
    Some((text, block.id()))
}

/// True when byline element `other` sits beside `first` (same parent) or
/// inside it: co-authors of one byline. Byline elements elsewhere on the
/// page belong to other articles (teasers, related stories).
fn same_byline(doc: &Html, first: ego_tree::NodeId, other: ego_tree::NodeId) -> bool {
    let (Some(a), Some(b)) = (doc.tree.get(first), doc.tree.get(other)) else { return false };
    first == other || a.parent().map(|p| p.id()) == b.parent().map(|p| p.id()) || b.ancestors().any(|x| x.id() == first)
}

/// Folded words of `s` (letters and digits), each followed by one space
/// and the whole preceded by one: " jane doe ". A name occurs in a text
/// when its key is a substring of the text's key.
fn word_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push(' ');
    // Speed: `fold` leaves ASCII as lower-case ASCII and folds each run of
    // other characters on its own, so ASCII runs are read byte by byte
    // here and only the other runs go through `fold` (same key as folding
    // the whole string first).
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let (head, tail) = rest.split_at(ascii);
        for b in head.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        let other = tail.bytes().position(|b| b.is_ascii()).unwrap_or(tail.len());
        let (head, tail) = tail.split_at(other);
        for c in dossier_text::normalize::fold(head).chars() {
            if c.is_alphanumeric() {
                out.push(c);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        rest = tail;
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Most visible text read for the author check, in bytes.
const VISIBLE_CAP: usize = 4 << 20;

/// The text a reader sees: every text node outside `<head>`, scripts,
/// styles, templates, `<noscript>` and hidden elements (see
/// [`hidden_element`]), as a [`word_key`].
fn visible_words(doc: &Html) -> String {
    use ego_tree::iter::Edge;
    let mut raw = String::new();
    let mut hidden = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                // The classes of <html> and <body> are the theme's flags
                // ("widgets-hidden"), never the page's own visibility.
                Node::Element(el)
                    if hidden > 0
                        || matches!(el.name(), "head" | "script" | "style" | "template" | "noscript" | "title")
                        || (hidden_element(el) && !matches!(el.name(), "body" | "html")) =>
                {
                    hidden += 1
                }
                Node::Text(t) if hidden == 0 && raw.len() < VISIBLE_CAP => {
                    raw.push_str(t);
                    raw.push(' ');
                }
                _ => {}
            },
            Edge::Close(n) => {
                if hidden > 0 && n.value().is_element() {
                    hidden -= 1;
                }
            }
        }
    }
    word_key(&raw)
}

/// True when the element is hidden from the reader: the `hidden`
/// attribute, an inline `display: none` / `visibility: hidden`, or a class
/// named "hidden" or ending in "-hidden" ("rich-snippet-hidden", a theme's
/// copy of the CMS account for search engines). "overflow-hidden" hides
/// nothing, "field--label-hidden" hides only the field's label, and
/// "hidden-xs" or "md:hidden" hide only on some screens.
fn hidden_element(el: &scraper::node::Element) -> bool {
    if el.attr_str("hidden").is_some() {
        return true;
    }
    if let Some(style) = el.attr_str("style") {
        let style: String = style.to_ascii_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
        if style.contains("display:none") || style.contains("visibility:hidden") {
            return true;
        }
    }
    el.attr_str("class").is_some_and(|c| {
        c.split_whitespace()
            // Speed: only tokens ending in "hidden" are lower-cased and read.
            .filter(|t| t.len() >= 6 && t.as_bytes()[t.len() - 6..].eq_ignore_ascii_case(b"hidden"))
            .map(str::to_ascii_lowercase)
            // "field--label-hidden" (Drupal) hides a field's label only.
            .any(|t| (t == "hidden" || t.ends_with("-hidden")) && !t.contains("overflow") && !t.contains("label-hidden") && !t.contains(':'))
    })
}

/// True when the element sits in a comment/discussion area or in page
/// furniture (navigation, sidebars, footers), where names are not the
/// article's authors. Class and id words are read one by one; `<body>`
/// and `<html>` are not read ("right-sidebar" there is a layout flag for
/// the whole page), nor are flags ("has-sidebar", "no-comments") and
/// wrappers of the content and its sidebar together
/// ("content-sidebar-wrap"); "sidebar" on an `<article>` or `<main>` is a
/// layout flag too ("sticky-sidebar-parent"), and an article's own
/// `<footer>` is no page footer.
fn in_discussion(node: ego_tree::NodeRef<'_, Node>) -> bool {
    for a in node.ancestors() {
        let Some(el) = a.value().as_element() else { continue };
        if matches!(el.name(), "body" | "html") {
            break;
        }
        // An article's own footer ("Posted by Jane Doe" under the post)
        // is no page furniture.
        // Nor is an aside of the article's meta data (author, date) inside
        // it, beside its text.
        let article_footer = matches!(el.name(), "footer" | "aside") && a.ancestors().any(|x| x.value().as_element().is_some_and(|e| e.name() == "article"));
        if matches!(el.name(), "nav" | "aside" | "footer") && !article_footer {
            return true;
        }
        // An element whose class names it the content area is not a
        // sidebar, whatever its id says (`class="content-area" id="sidebar"`).
        let content_area = el.attr_str("class").is_some_and(|c| {
            c.split_whitespace().map(str::to_ascii_lowercase).any(|t| t.contains("content") && !t.contains("sidebar"))
        });
        let words = el.attr_str("class").into_iter().flat_map(str::split_whitespace).chain(el.attr_str("id"));
        for w in words {
            let w = w.to_ascii_lowercase();
            // Layout flags: "has-sidebar", "no-comments", and the count of
            // a layout's sidebars or columns ("one-sidebar", "two-sidebars")
            // on the element holding the content beside them.
            if ["has-", "no-", "with-", "without-", "one-", "two-", "three-"].iter().any(|f| w.starts_with(f)) {
                continue;
            }
            if w.contains("comment") || w.contains("respond") || w.contains("repl") || w.contains("discussion") {
                return true;
            }
            // Lists of other articles ("related-posts",
            // "fachartikel-listing__item"): their bylines are theirs.
            if w.contains("related") || w.contains("listing") {
                return true;
            }
            // An article or main element holds the content: "sidebar" in
            // its class is a layout flag ("sticky-sidebar-parent").
            if w.contains("sidebar") && !w.contains("wrap") && !w.contains("content") && !content_area && !matches!(el.name(), "article" | "main") {
                return true;
            }
        }
    }
    false
}

/// True when the nearest microdata item around the element (its closest
/// ancestor with `itemscope`) is a review, comment, answer, rating,
/// product or offer: an `itemprop=author` there names a customer, a
/// commenter or an answerer, not the article's author (a question's
/// asker, the main item of a Q&A page, is kept).
fn in_other_item(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let Some(item) = node.ancestors().filter_map(|a| a.value().as_element()).find(|el| el.attr_str("itemscope").is_some()) else {
        return false;
    };
    let ty = item.attr_str("itemtype").unwrap_or("").to_ascii_lowercase();
    ["review", "comment", "answer", "rating", "product", "offer"].iter().any(|t| ty.contains(t))
}

/// True when the element is or sits in a figure or its caption, or when
/// it or one of its three nearest ancestors is a credit line (class or id
/// naming a credit, licence, copyright, caption or photographer): the name
/// there is a photographer's or a licensor's, not the article's author
/// (`class="license-author"`, `class="photo-credit"`).
fn in_credit(node: ego_tree::NodeRef<'_, Node>) -> bool {
    let credit_class = |v: &str| {
        let v = v.to_ascii_lowercase();
        [
            "license", "licence", "copyright", "caption", "photographer", "fotograf", "photo-credit", "photocredit", "image-credit",
            "imagecredit", "bildnachweis", "bildquelle",
        ].iter().any(|w| v.contains(w))
    };
    std::iter::once(node).chain(node.ancestors()).enumerate().any(|(depth, a)| {
        let Some(el) = a.value().as_element() else { return false };
        matches!(el.name(), "figure" | "figcaption")
            || (depth <= 3 && ["class", "id"].iter().filter_map(|k| el.attr_str(k)).any(credit_class))
    })
}

fn set_once(slot: &mut Option<String>, v: String) {
    if slot.is_none() {
        *slot = Some(v);
    }
}

/// Reads the fields we use from one JSON-LD script (objects, lists and
/// `@graph`s, visited with an explicit stack).
fn read_json_ld(raw: &str, f: &mut Found) {
    // Raw line breaks and tabs inside strings (invalid JSON, but pages
    // print them) read as spaces: outside strings they are spaces anyway.
    let parsed = serde_json::from_str::<Value>(raw.trim()).or_else(|e| {
        if raw.chars().any(|c| c < ' ') {
            serde_json::from_str::<Value>(raw.replace(|c: char| c < ' ', " ").trim())
        } else {
            Err(e)
        }
    });
    let Ok(v) = parsed else { return };
    let mut stack: Vec<&Value> = vec![&v];
    let mut visited = 0;
    while let Some(v) = stack.pop() {
        visited += 1;
        if visited > 500 {
            break;
        }
        match v {
            Value::Array(a) => stack.extend(a.iter().rev()),
            Value::Object(o) => {
                let ty = type_names(o.get("@type"));
                let is_article = ty.iter().any(|t| {
                    let t = t.to_ascii_lowercase();
                    t.contains("article") || t.contains("posting") || t == "report" || t == "webpage" || t.contains("review")
                });
                if is_article {
                    if f.ld_headline.is_none() {
                        if let Some(h) = o.get("headline").or_else(|| o.get("name")).and_then(Value::as_str) {
                            let h = clean(h);
                            if !h.is_empty() && !ty.iter().any(|t| t.eq_ignore_ascii_case("webpage")) {
                                f.ld_headline = Some(h);
                            }
                        }
                    }
                    if f.ld_authors.is_empty() {
                        if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                            collect_ld_people(a, &mut f.ld_authors);
                            if f.ld_authors.is_empty() {
                                collect_ld_refs(a, &mut f.ld_author_refs);
                            }
                        }
                    }
                    if f.ld_body.is_none() {
                        if let Some(b) = o.get("articleBody").and_then(Value::as_str) {
                            if !b.trim().is_empty() {
                                f.ld_body = Some(b.to_string());
                            }
                        }
                    }
                }
                // A person described by `@id`, whom an article's author
                // may point to.
                if ty.iter().any(|t| t.eq_ignore_ascii_case("person")) && f.ld_person_ids.len() < 50 {
                    if let (Some(id), Some(n)) = (o.get("@id").and_then(Value::as_str), o.get("name").and_then(Value::as_str)) {
                        f.ld_person_ids.push((id.to_string(), clean(n)));
                    }
                }
                if f.ld_publisher.is_none() {
                    if let Some(p) = o.get("publisher") {
                        let name = match p {
                            Value::Object(po) => po.get("name").and_then(Value::as_str),
                            Value::Array(a) => a.first().and_then(|x| x.get("name")).and_then(Value::as_str),
                            Value::String(s) => Some(s.as_str()),
                            _ => None,
                        };
                        if let Some(n) = name.map(clean).filter(|n| !n.is_empty()) {
                            f.ld_publisher = Some(n);
                        }
                    }
                }
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(m) = o.get("mainEntity").or_else(|| o.get("mainEntityOfPage")) {
                    if m.is_object() || m.is_array() {
                        stack.push(m);
                    }
                }
            }
            _ => {}
        }
    }
}

fn type_names(t: Option<&Value>) -> Vec<String> {
    match t {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

fn collect_ld_people(v: &Value, out: &mut Vec<String>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for it in items.into_iter().take(20) {
        match it {
            Value::String(s) => out.push(clean(s)),
            Value::Object(o) => {
                let ty = type_names(o.get("@type"));
                if ty.iter().any(|t| t.eq_ignore_ascii_case("organization") || t.eq_ignore_ascii_case("newsmediaorganization")) {
                    continue;
                }
                if let Some(n) = o.get("name") {
                    match n {
                        Value::String(s) => out.push(clean(s)),
                        Value::Array(a) => out.extend(a.iter().filter_map(Value::as_str).map(clean)),
                        _ => {}
                    }
                }
            }
            _ => {}
        }
    }
}

/// The `@id`s of nameless author objects (`{"@id": "…"}`), to be
/// resolved against the persons the page describes.
fn collect_ld_refs(v: &Value, out: &mut Vec<String>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    for it in items.into_iter().take(20) {
        if let Some(id) = it.as_object().filter(|o| !o.contains_key("name")).and_then(|o| o.get("@id")).and_then(Value::as_str) {
            out.push(id.to_string());
        }
    }
}

/// Domain of a URL without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split("://").nth(1)?;
    let host = rest.split(['/', '?', '#', ':']).next()?.to_ascii_lowercase();
    Some(host.trim_start_matches("www.").to_string())
}

/// Letters only, lower-cased, accents removed: "Le Monde" == "lemonde".
fn squash(s: &str) -> String {
    dossier_text::normalize::fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The letters and digits of a string, case and accents kept: two
/// spellings of a title that differ in punctuation only share them.
fn letters_of(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

const TITLE_SEPARATORS: [&str; 10] = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " › ", " // ", " ~ "];

/// The parts of a title between separators (" | ", " - ", " : ", …).
fn title_parts(t: &str) -> Vec<&str> {
    let mut parts = vec![t];
    for sep in TITLE_SEPARATORS.iter().chain([&" : "]) {
        parts = parts.iter().flat_map(|p| p.split(sep)).collect();
    }
    parts.into_iter().map(str::trim).collect()
}

/// Removes a site name prefix or suffix from a title.
pub(crate) fn strip_site(title: &str, site_names: &[String], h1: &[String]) -> String {
    let t = title.trim();
    // Blog themes title a post "Site » Blog Archive » Headline": what
    // follows the archive label is the headline.
    for sep in TITLE_SEPARATORS {
        let pieces: Vec<&str> = t.split(sep).collect();
        if let Some(i) = pieces.iter().rposition(|p| archive_labels().contains(&squash(p))) {
            let rest = pieces[i + 1..].join(sep);
            if !rest.trim().is_empty() {
                return strip_site(&rest, site_names, h1);
            }
        }
    }
    let sites: Vec<String> = site_names.iter().map(|s| squash(s)).filter(|s| s.len() >= 2).collect();
    let is_site = |part: &str| {
        let p = squash(part);
        !p.is_empty() && sites.iter().any(|s| *s == p || (p.len() >= 4 && (s.starts_with(&p) || p.starts_with(s.as_str()))))
    };
    for sep in TITLE_SEPARATORS {
        // Suffix: the last separator.
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            if !head.trim().is_empty() && is_site(tail) {
                // A template gluing the site's name to the headline as well
                // ("Truckwash A31Site | Site").
                let glued = head.trim_end().strip_suffix(tail.trim()).filter(|h| h.ends_with(char::is_alphanumeric));
                return strip_site(glued.unwrap_or(head), site_names, h1);
            }
        }
        if let Some(pos) = t.find(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            if !tail.trim().is_empty() && is_site(head) {
                return strip_site(tail, site_names, h1);
            }
        }
    }
    // The site's name right after the headline, then taglines
    // ("Headline : Site | Since 2005 | Volume 6").
    for sep in TITLE_SEPARATORS.iter().chain([&" : "]) {
        if let Some((head, rest)) = t.split_once(sep) {
            let next = TITLE_SEPARATORS.iter().filter_map(|s| rest.find(s)).min().map_or(rest, |i| &rest[..i]);
            if head.split_whitespace().count() >= 2 && next.len() < rest.len() && is_site(next) {
                return head.trim().to_string();
            }
        }
    }
    // A bar without spaces ("NEWS WEB EASY|Headline") when a side is
    // exactly the site's name.
    for bar in ['|', '｜'] {
        if let Some((head, tail)) = t.rsplit_once(bar) {
            if !head.trim().is_empty() && sites.contains(&squash(tail)) {
                return strip_site(head, site_names, h1);
            }
        }
        if let Some((head, tail)) = t.split_once(bar) {
            if !tail.trim().is_empty() && sites.contains(&squash(head)) {
                return strip_site(tail, site_names, h1);
            }
        }
    }
    // No known site name: a short last part after " | " or " - " when the
    // page's h1 equals the rest.
    for sep in TITLE_SEPARATORS {
        if let Some(pos) = t.rfind(sep) {
            let head = t[..pos].trim();
            if h1.iter().any(|h| squash(h) == squash(head)) {
                return head.to_string();
            }
        }
    }
    // A heading of the page, then a label's punctuation and a shorter
    // part ("Headline : 31.10.2023, 10.19 Uhr", "Headline | Forum |
    // Site"), or such a part before it ("Pétition : Headline"): the heading.
    let is_label = |rest: &str| rest.trim_start().starts_with(|c: char| LABEL_PUNCT.contains(&c));
    for h in h1 {
        if h.split_whitespace().count() < 2 {
            continue;
        }
        if let Some(rest) = t.strip_prefix(h.as_str()) {
            if is_label(rest) && rest.trim().chars().count() <= h.chars().count() {
                return h.clone();
            }
        }
        if let Some(rest) = t.strip_suffix(h.as_str()) {
            let rest = rest.trim_end();
            if rest.ends_with(|c: char| LABEL_PUNCT.contains(&c)) && rest.chars().count() <= h.chars().count() {
                return h.clone();
            }
        }
    }
    t.to_string()
}

fn decide(f: Found, url: Option<&str>, doc: &Html) -> PageMeta {
    let mut m = Metadata::default();
    let host = url.and_then(host_of).or_else(|| f.canonical.as_ref().and_then(|c| host_of(&c.0)));
    let mut site_names: Vec<String> = Vec::new();
    if let Some((s, _)) = &f.site_name {
        site_names.push(s.clone());
    }
    if let Some(p) = &f.ld_publisher {
        site_names.push(p.clone());
    }
    if let Some(h) = &host {
        site_names.push(h.clone());
        // "lemonde.fr" -> "lemonde"; "news.bbc.co.uk" -> "bbc".
        let parts: Vec<&str> = h.split('.').collect();
        // "en.blog.wordpress.com" -> "wordpress.com", as a logo spells it.
        if parts.len() > 2 {
            site_names.push(parts[parts.len() - 2..].join("."));
        }
        for p in &parts {
            if p.len() >= 3 && !matches!(*p, "com" | "org" | "net" | "www" | "news" | "blog" | "blogs") {
                site_names.push((*p).to_string());
            }
        }
    }
    // A logo h1 (one link) names the site when the <title> shows it as a
    // part after another ("Headline : Logo | Tagline"), or first when an
    // h2 spells the last ("Logo » Blog Archive » Headline"); a linked
    // headline is the <title>'s first part ("Headline | Section | Site").
    if let Some(tag) = &f.title_tag {
        let parts: Vec<String> = title_parts(tag).iter().map(|p| squash(p)).filter(|p| !p.is_empty()).collect();
        for h in &f.linked_h1 {
            let Some(i) = parts.iter().position(|p| *p == squash(h)) else { continue };
            let h2_last = i + 1 < parts.len() && f.h2.iter().any(|h2| parts.last() == Some(&squash(h2)));
            // "Logo » Blog Archive » Headline": the theme's archive label
            // follows the site's name.
            let archive_next = parts.get(i + 1).is_some_and(|p| archive_labels().contains(p));
            if parts.len() >= 2 && (i > 0 || h2_last || archive_next) && !site_names.contains(h) {
                site_names.push(h.clone());
            }
        }
        // A logo h1 spelling several parts the <title> ends with ("Page -
        // Section - Site" under the logo "Section - Site") names the site.
        for h in &f.linked_h1 {
            let ends = TITLE_SEPARATORS.iter().any(|sep| tag.strip_suffix(h.as_str()).and_then(|r| r.strip_suffix(sep)).is_some_and(|r| !r.trim().is_empty()));
            if ends && TITLE_SEPARATORS.iter().any(|sep| h.contains(sep)) && !site_names.contains(h) {
                site_names.push(h.clone());
            }
        }
    }
    // Title.
    let title_cands: [(&Option<String>, &str); 4] = [
        (&f.og_title, "meta[property=og:title]"),
        (&f.twitter_title, "meta[name=twitter:title]"),
        (&f.ld_headline, "json-ld headline"),
        (&None, ""),
    ];
    let mut title: Option<Evidenced<String>> = None;
    // The page's one visible headline, when the declared titles agree with
    // it (they often carry SEO variants or site names).
    // A logo heading ("<h1><a>site.fr</a></h1>") names the site, not the article.
    let is_site_name = |t: &str| site_names.iter().any(|s| squash(s) == squash(t));
    // An h1 repeated word for word (a responsive layout's mobile and
    // desktop copies) is still the one visible headline.
    if let Some(h) = f.h1.first().filter(|h| f.h1.iter().all(|o| o == *h) && !is_site_name(h)) {
        // Compared without the site's name: a logo h1 ("El Mostrador, el
        // primer diario…") shares words with "Headline - El Mostrador" only
        // through the name.
        let declared: Vec<String> = [&f.og_title, &f.twitter_title, &f.ld_headline, &f.title_tag].into_iter().flatten().map(|d| strip_site(d, &site_names, &[])).collect();
        // A lone h1 of three words or more that is no logo link is the
        // visible headline even when the declared titles are SEO variants
        // sharing few of its words ("Gefahrstoff-Service" for "Gefahrstoff-
        // management für Hersteller, Importeure und Alleinvertreter").
        // Not when a declared title spells an h2 instead (the headline
        // under a page's h1).
        let names_h2 = f.h2.iter().any(|h2| declared.iter().any(|d| letters_of(d) == letters_of(h2)));
        let lone_headline = h.split_whitespace().count() >= 3 && h.chars().any(char::is_alphabetic) && !f.linked_h1.contains(h) && !names_h2;
        if (lone_headline || declared.iter().any(|d| word_overlap(h, d) >= 0.5)) && h.chars().count() <= 300 {
            title = Some(match unkicked(&f, &site_names) {
                Some(rest) => Evidenced::new(rest.to_string(), "h1 (kicker or subtitle left out)"),
                // A site name the h1 repeats after the headline goes (the
                // whole last part, not a part opening with it: "… - DRK: …").
                None => Evidenced::new(
                    TITLE_SEPARATORS
                        .iter()
                        .find_map(|sep| {
                            let (head, tail) = h.rsplit_once(sep)?;
                            (!head.trim().is_empty() && is_site_name(tail)).then(|| head.trim().to_string())
                        })
                        .unwrap_or_else(|| h.clone()),
                    "h1",
                ),
            });
        }
    }
    let headings: Vec<String> = f.h1.iter().chain(&f.h2).cloned().collect();
    // Among several h1s, one that the <title> (site name aside) or the
    // JSON-LD headline spells letter for letter is the visible headline,
    // even when og:title is a rewritten variant ("New York ramps up mass
    // burials amid virus outbreak" for the h1 and <title> "Coronavirus:
    // New York ramps up mass burials amid outbreak").
    if title.is_none() {
        let confirmed: Vec<String> = [f.title_tag.as_ref().map(|t| strip_site(t, &site_names, &headings)), f.ld_headline.clone()]
            .into_iter()
            .flatten()
            .map(|t| letters_of(&t))
            .filter(|t| !t.is_empty())
            .collect();
        // Not when an h2 shows og:title (the visible headline is then
        // the h2), nor when the h1 glues words the <title> spaces
        // ("Arbeit\"Wir" for "Arbeit - \"Wir").
        let og_shown = [&f.og_title, &f.twitter_title].into_iter().flatten().any(|o| {
            let o = letters_of(&strip_site(o, &site_names, &[]));
            f.h2.iter().any(|h2| letters_of(h2) == o)
        });
        let spaced = |h: &str| {
            let title = f.title_tag.as_ref().map(|t| strip_site(t, &site_names, &headings)).unwrap_or_default();
            let alnum_words = |s: &str| s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            alnum_words(h) == alnum_words(&title) || f.ld_headline.as_ref().is_some_and(|l| alnum_words(h) == alnum_words(l))
        };
        if let Some(h) = f.h1.iter().filter(|_| !og_shown).find(|h| {
            h.split_whitespace().count() >= 3 && !f.linked_h1.contains(h) && !is_site_name(h) && h.chars().count() <= 300 && confirmed.contains(&letters_of(h)) && spaced(h)
        }) {
            title = Some(Evidenced::new(h.clone(), "h1 (named by the title)"));
        }
    }
    for (v, ev) in title_cands {
        if title.is_some() {
            break;
        }
        if let Some(t) = v {
            let s = strip_site(t, &site_names, &headings);
            if !s.is_empty() {
                // The visible h1 spelling the same words keeps the typography
                // the meta tags often flatten ("Editor’s", „…“, "–", "…").
                // A meta tag cut at an unescaped quote (content="… de "x"")
                // is completed from the <title> that goes on with the quote.
                let s = match f.title_tag.as_ref().map(|t| strip_site(t, &site_names, &headings)) {
                    Some(full) if full.strip_prefix(s.as_str()).is_some_and(|r| r.trim_start().starts_with('"')) => full,
                    _ => s,
                };
                let words = |t: &str| t.split_whitespace().count();
                let s = f.h1.iter().chain(&f.h2).find(|h| letters_of(h) == letters_of(&s) && words(h) == words(&s)).cloned().unwrap_or(s);
                title = Some(Evidenced::new(s, ev));
                break;
            }
        }
    }
    if title.is_none() {
        // Pages often hold several h1s (menus, widgets, the site's logo):
        // the article's is the one the <title> names, when one does (the
        // longest: the <title> may name the site's too).
        let named = |h: &&String| {
            f.title_tag.as_ref().is_some_and(|t| h.split_whitespace().count() >= 2 && squash(t).contains(&squash(h)))
        };
        // An h2 the <title> names and longer than such an h1 is the
        // headline under a logo h1 ("Site » Blog Archive » Headline").
        let named_h2 = |h: &&String| named(h) && f.title_tag.as_ref().is_some_and(|t| t.contains(h.as_str()));
        let h1 = f.h1.iter().filter(named).chain(f.h2.iter().filter(named_h2)).filter(|h| !is_site_name(h)).max_by_key(|h| h.len()).or_else(|| f.h1.iter().find(|h| !is_site_name(h)));
        if let Some(h) = h1 {
            title = Some(Evidenced::new(h.clone(), "h1"));
        }
    }
    if title.is_none() {
        if let Some(t) = &f.title_tag {
            let s = strip_site(t, &site_names, &headings);
            if !s.is_empty() {
                title = Some(Evidenced::new(s, "title"));
            }
        }
    }
    let declared_titles: Vec<String> =
        [&f.og_title, &f.twitter_title, &f.ld_headline, &f.title_tag].into_iter().flatten().cloned().collect();
    let mut title_variants: Vec<String> = declared_titles.clone();
    if let Some(h) = f.h1.first() {
        title_variants.push(h.clone());
    }
    if let Some(t) = &title {
        title_variants.push(t.value.clone());
    }
    m.title = title;
    // The other part of a "Headline | Outlet" <title> names the outlet even
    // when no meta tag does: it is never an author.
    if let (Some(t), Some(tag)) = (&m.title, &f.title_tag) {
        for sep in TITLE_SEPARATORS {
            if let Some(pos) = tag.rfind(sep) {
                let (head, tail) = (tag[..pos].trim(), tag[pos + sep.len()..].trim());
                if squash(head) == squash(&t.value) && !tail.is_empty() {
                    site_names.push(tail.to_string());
                } else if squash(tail) == squash(&t.value) && !head.is_empty() {
                    site_names.push(head.to_string());
                }
            }
        }
    }
    // Site name.
    m.site_name = f
        .site_name
        .as_ref()
        .filter(|(s, _)| !s.starts_with("http"))
        .map(|(s, ev)| Evidenced::new(s.clone(), ev.clone()))
        .or_else(|| f.ld_publisher.as_ref().map(|p| Evidenced::new(p.clone(), "json-ld publisher.name")));
    m.canonical_url = f.canonical.as_ref().map(|(c, ev)| Evidenced::new(c.clone(), ev.clone()));
    m.declared_language = f.html_lang.clone().or_else(|| f.content_language.clone()).and_then(|l| {
        let l = l.split([',', ';']).next().unwrap_or("").trim().to_string();
        (!l.is_empty() && l.len() <= 20).then_some(l)
    });
    // Authors, first source that yields valid names.
    // Unstructured sources carry the element each text came from: after
    // the first element that yields a name, only elements of the same
    // byline are read.
    type Cands = Vec<(String, Option<ego_tree::NodeId>)>;
    let plain = |v: &[String]| -> Cands { v.iter().map(|t| (t.clone(), None)).collect() };
    let placed = |v: &[(String, ego_tree::NodeId)]| -> Cands { v.iter().take(3).map(|(t, id)| (t.clone(), Some(*id))).collect() };
    // What a source's names must look like: declared names are taken as
    // they are; a byline element's name must open with a formula or be a
    // full name; a block found by its formula alone must hold full names.
    #[derive(Clone, Copy, PartialEq)]
    enum Accept {
        Any,
        // Any, and a blog's host may spell the name (see `bloggers_name`).
        Markup,
        OpenedOrFull,
        Full,
    }
    let mut sources: Vec<(Cands, String, Accept)> = Vec::new();
    sources.push((plain(&f.ld_authors), "json-ld author".into(), Accept::Any));
    // Meta tags of one name ("parsely-author" twice for two authors) are
    // one source.
    let mut meta_keys: Vec<&String> = Vec::new();
    for (_, ev) in &f.meta_authors {
        if !meta_keys.contains(&ev) {
            meta_keys.push(ev);
        }
    }
    for key in meta_keys {
        let values: Vec<String> = f.meta_authors.iter().filter(|(_, ev)| ev == key).map(|(a, _)| a.clone()).collect();
        sources.push((plain(&values), key.clone(), Accept::Any));
    }
    sources.push((plain(&f.itemprop_authors), "[itemprop=author]".into(), Accept::Markup));
    // Markup that declares its text the author's name (an hCard in an
    // author element, a link to the author's page) may hold a pen name
    // of one word ("eseppelt").
    sources.push((placed(&f.hcard_authors), "hcard author".into(), Accept::Markup));
    sources.push((placed(&f.rel_authors), "[rel=author]".into(), Accept::Markup));
    sources.push((placed(&f.byline_texts), "byline".into(), Accept::OpenedOrFull));
    sources.push((placed(&f.opener_texts), "byline formula".into(), Accept::Full));
    // Speed: the visible text (a walk over the whole page) is read only
    // when some name gets as far as the check.
    let visible_text = std::cell::OnceCell::new();
    let visible = || f.check_visible.then(|| visible_text.get_or_init(|| visible_words(doc)).as_str());
    // The names one candidate text yields under a source's `accept` rule.
    // A blog's host names its blogger ("andrea-ulmer.de", "creeny.
    // wordpress.com", "limespace.de" for "Limespacer"): a one-word name
    // that the page's author markup (an hCard, a link to the author's
    // page, itemprop=author; not the JSON-LD or meta tags, which often
    // name the outlet) gives, and that a label of the host spells give or
    // take two letters at the end, or opens with when it is a known first
    // name, is the blogger's pen name or first name, not the site's name.
    // The domain's own label spelt exactly ("hejfish" on hejfish.com) is
    // the site's name; a subdomain's ("creeny" on creeny.wordpress.com)
    // names the account on a shared host.
    // The host's labels before its top-level domain, each with whether it
    // is the domain's own (the last of them).
    let host_labels: Vec<(String, bool)> = host
        .as_deref()
        .map(|h| {
            let parts: Vec<&str> = h.split('.').collect();
            let labels = &parts[..parts.len().saturating_sub(1)];
            labels.iter().enumerate().map(|(i, p)| (squash(p), i + 1 == labels.len())).filter(|(p, _)| p.len() >= 4).collect()
        })
        .unwrap_or_default();
    let bloggers_name = |n: &str| {
        let sq = squash(n);
        let close = |a: &str, b: &str| a.starts_with(b) && a.chars().count() <= b.chars().count() + 2;
        !n.trim().contains(' ')
            && sq.chars().count() >= 4
            && host_labels.iter().any(|(l, own)| {
                ((close(l, &sq) || close(&sq, l)) && !(*own && *l == sq)) || (l.starts_with(&sq) && is_first_name(n.trim()))
            })
    };
    let read = |c: &str, accept: Accept| -> Vec<String> {
        let mut out = Vec::new();
        let mut named = false;
        for n in split_names(c) {
            let mut cleaned = clean_author_opened(&n, &site_names);
            if cleaned.is_none() && accept == Accept::Markup {
                if let Some((pen, opened)) = clean_author_opened(&n, &[]).filter(|(pen, _)| bloggers_name(pen)) {
                    cleaned = Some((pen, opened));
                }
            }
            // "By Jane Doe, BBC News, New York": the list of names ends
            // where the first part that is no name (an outlet, a role)
            // begins; what follows is an affiliation or a place.
            if cleaned.is_none() && named {
                break;
            }
            named |= cleaned.is_some();
            if let Some(n) = cleaned
                .filter(|(n, opened)| match accept {
                    Accept::Any | Accept::Markup => true,
                    // A blogger signing with a first name alone ("Lars").
                    Accept::OpenedOrFull => *opened || looks_like_full_name(n) || (!n.contains(' ') && capitalised(n) && is_first_name(n)),
                    Accept::Full => looks_like_full_name(n),
                })
                .map(|(n, _)| n)
                .filter(|n| visible().is_none_or(|v| shown(n, v)))
            {
                out.push(n);
            }
        }
        out
    };
    // The names one source yields: after its first element that yields a
    // name, only elements of the same byline are read.
    let names_of = |cands: &Cands, accept: Accept| -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let mut anchor: Option<ego_tree::NodeId> = None;
        for (c, id) in cands {
            if let (Some(a), Some(id)) = (anchor, id) {
                if !same_byline(doc, a, *id) {
                    continue;
                }
            }
            let mut found = read(c, accept);
            // A byline element whose formula comes after a date or a label
            // ("Posted on 21 September 2020 by Jane Doe"), when the whole
            // text yields no name.
            if found.is_empty() && accept == Accept::OpenedOrFull {
                if let Some(tail) = inner_opener(c) {
                    found = read(tail, accept);
                }
            }
            for n in found {
                if anchor.is_none() {
                    anchor = *id;
                }
                if !names.iter().any(|x| squash(x) == squash(&n)) {
                    names.push(n);
                }
            }
        }
        // "Tomas Spahn Fr" (an outer element, with the next field's first
        // word) beside "Tomas Spahn" (the inner link): the shorter is the name.
        let keys: Vec<String> = names.iter().map(|n| word_key(n)).collect();
        names
            .iter()
            .zip(&keys)
            .filter(|(_, k)| !keys.iter().any(|o| o.len() < k.len() && k.starts_with(o.as_str())))
            .map(|(n, _)| n.clone())
            .collect()
    };
    for (cands, ev, accept) in &sources {
        let names = names_of(cands, *accept);
        if !names.is_empty() {
            m.authors = names.into_iter().take(10).map(|n| Evidenced::new(n, ev.clone())).collect();
            break;
        }
    }
    // A visible byline that names every declared author and more (a
    // co-author the structured data leaves out): its names, in its order.
    let declared: Vec<String> = m.authors.iter().map(|a| squash(&a.value)).collect();
    if !declared.is_empty() {
        for (t, _) in f.byline_texts.iter().take(3) {
            let names: Vec<String> = split_names(t).into_iter().filter_map(|n| clean_author_opened(&n, &site_names)).filter(|(n, opened)| *opened || looks_like_full_name(n)).map(|(n, _)| n).collect();
            let keys: Vec<String> = names.iter().map(|n| squash(n)).collect();
            if names.len() > declared.len() && names.len() <= 10 && declared.iter().all(|d| keys.contains(d)) {
                m.authors = names.into_iter().map(|n| Evidenced::new(n, "byline naming the declared author")).collect();
                break;
            }
        }
    }
    // Links to the authors' pages (or their hCards) of one byline that
    // name every declared author and more ("By <a>A</a> and <a>B</a>"
    // beside a meta tag naming A): their names, in their order.
    let declared: Vec<String> = m.authors.iter().map(|a| squash(&a.value)).collect();
    if !declared.is_empty() {
        for (cands, ev) in [(placed(&f.rel_authors), "[rel=author] naming the declared author"), (placed(&f.hcard_authors), "hcard naming the declared author")] {
            let names = names_of(&cands, Accept::Any);
            let keys: Vec<String> = names.iter().map(|n| squash(n)).collect();
            if names.len() > declared.len() && names.len() <= 10 && declared.iter().all(|d| keys.contains(d)) {
                m.authors = names.into_iter().map(|n| Evidenced::new(n, ev)).collect();
                break;
            }
        }
    }
    PageMeta { metadata: m, ld_body: f.ld_body, title_variants, declared_titles, descriptions: f.descriptions }
}

/// True when the name is shown on the page: its words occur, in order,
/// in the page's visible text (`visible`, a [`word_key`]). Declared
/// authors (JSON-LD, meta tags) that the page never shows are mostly a
/// site's owner or a CMS account rather than the article's byline.
fn shown(name: &str, visible: &str) -> bool {
    let k = word_key(name);
    k.len() > 2 && visible.contains(&k)
}

/// Share of the words of `a` that occur in `b` (case- and accent-folded).
fn word_overlap(a: &str, b: &str) -> f32 {
    let words = |s: &str| -> Vec<String> {
        dossier_text::normalize::fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f32 / wa.len() as f32
}

/// Splits "A and B", "A, B & C", "A et B" into names. A comma separates
/// names only when every part looks like a full name; otherwise what
/// follows it is a role or a place and is dropped by [`clean_author`].
/// When a part is a phrase rather than a name ("Bundesministerium für
/// Wirtschaft und Klimaschutz"), the conjunction joins the words of one
/// organisation's name, not two people: the string is returned whole, and
/// [`clean_author`] judges it as one.
fn split_names(s: &str) -> Vec<String> {
    let mut parts = vec![s.to_string()];
    let comma_names = s.split(", ").count() > 1
        && s.split(", ").all(|p| p.split([';', '&', '|']).all(|q| looks_like_full_name(q.trim())));
    let seps: &[&str] = if comma_names {
        &[";", " & ", " and ", " et ", " und ", " y ", " e ", " i ", " og ", " en ", ", ", "|", " / "]
    } else {
        &[";", " & ", " and ", " et ", " und ", " y ", " e ", " i ", " og ", " en ", "|", " / "]
    };
    for &sep in seps {
        parts = parts.iter().flat_map(|p| p.split(sep).map(str::to_string).collect::<Vec<_>>()).collect();
    }
    let parts: Vec<String> = parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().any(|p| is_phrase(p)) {
        return vec![s.trim().to_string()];
    }
    parts
}

/// True when a byline part, its opener ("von") and any trailing role
/// (after ", " or " - ") aside, holds a lower-case word that is no name
/// particle ("für", "in"): a phrase, not a person's name.
fn is_phrase(part: &str) -> bool {
    let mut s = part.trim();
    while let Some(rest) = strip_byline_prefix(s) {
        s = rest;
    }
    // A leading label ("Text: A") is not part of the name.
    if let Some((_, tail)) = s.split_once(':') {
        s = tail;
    }
    for sep in [", ", " - ", " – ", " — ", " | ", " ("] {
        if let Some(pos) = s.find(sep) {
            s = &s[..pos];
        }
    }
    s.split_whitespace().any(|w| {
        let head = w.split(['\'', '’']).next().unwrap_or(w);
        w.chars().next().is_some_and(|c| c.is_lowercase()) && !PARTICLES.contains(&head) && !matches!(head, "d" | "l")
    })
}

/// Byline openers ("by", "eingestellt von", "auteur :"), from
/// `data/lang/mul/byline-prefixes.txt`, longest first; each holds the
/// space that must follow it unless it ends in ':'.
pub(super) fn byline_prefixes() -> &'static [String] {
    static P: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    P.get_or_init(|| {
        let mut v: Vec<String> = dossier_text::data_lines(include_str!("../../../../data/lang/mul/byline-prefixes.txt"))
            .map(|l| if l.ends_with(':') { l.to_string() } else { format!("{l} ") })
            .collect();
        v.sort_by_key(|p| std::cmp::Reverse(p.len()));
        v
    })
}

/// True when `w` is a known first name (`data/lang/mul/first-names*.txt`,
/// the lists the named-entity recogniser reads), case aside.
fn is_first_name(w: &str) -> bool {
    static N: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    N.get_or_init(|| {
        [
            include_str!("../../../../data/lang/mul/first-names.txt"),
            include_str!("../../../../data/lang/mul/first-names-extra.txt"),
            include_str!("../../../../data/lang/mul/first-names-dicollecte.txt"),
        ]
        .into_iter()
        .flat_map(dossier_text::data_lines)
        .map(str::to_lowercase)
        .collect()
    })
    .contains(&w.to_lowercase())
}

/// Labels of a blog's archive that themes put between the site's name and
/// a post's headline ("Blog Archive"), squashed, from
/// `data/lang/mul/title-archive-labels.txt`.
fn archive_labels() -> &'static [String] {
    static L: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    L.get_or_init(|| dossier_text::data_lines(include_str!("../../../../data/lang/mul/title-archive-labels.txt")).map(squash).collect())
}

/// Function words that never sit inside a person's name ("and", "of",
/// "für"), from `data/lang/mul/not-in-names.txt`.
fn not_in_names() -> &'static [&'static str] {
    static W: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        dossier_text::data_lines(include_str!("../../../../data/lang/mul/not-in-names.txt"))
            .collect()
    })
}

/// Labels of contributors who are not the author ("Übersetzung", "Foto",
/// "Quelle"), from `data/lang/mul/byline-roles.txt`.
pub(crate) fn byline_roles() -> &'static [String] {
    static R: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    R.get_or_init(|| {
        dossier_text::data_lines(include_str!("../../../../data/lang/mul/byline-roles.txt"))
            .map(str::to_string)
            .collect()
    })
}

/// True when `s` opens with a non-author role label followed by a space
/// or a colon ("Foto: Jane Doe", "Übersetzung Jane Doe").
fn opens_with_role(s: &str) -> bool {
    let lower = s.trim().to_lowercase();
    byline_roles().iter().any(|r| {
        lower.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with([' ', ':', '\u{a0}']))
    })
}

/// First words of the byline openers ("by", "eingestellt", "auteur").
fn byline_first_words() -> &'static rustc_hash::FxHashSet<String> {
    static W: std::sync::OnceLock<rustc_hash::FxHashSet<String>> = std::sync::OnceLock::new();
    W.get_or_init(|| {
        byline_prefixes()
            .iter()
            .filter_map(|p| p.split(|c: char| c.is_whitespace() || c == ':').next())
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    })
}

/// The rest of `s` from its last byline opener that follows a space
/// ("Posted on 21 September 2020 by Jane Doe" -> "by Jane Doe"); `None`
/// when `s` opens with one or holds none.
fn inner_opener(s: &str) -> Option<&str> {
    if strip_byline_prefix(s).is_some() {
        return None;
    }
    // ASCII lower-casing keeps byte offsets.
    let lower = s.to_ascii_lowercase();
    byline_prefixes()
        .iter()
        .filter(|p| p.ends_with(' '))
        .filter_map(|p| lower.rfind(&format!(" {p}")).map(|pos| pos + 1))
        .max()
        .and_then(|pos| s.get(pos..))
}

/// `s` without a leading byline opener, if it has one; an opener may
/// also end in a colon ("Von: Jane Doe", "By: Jane Doe").
/// An opener of four letters or more may also be glued to a capitalised
/// name when the page's label and name elements touch ("AuthorJane Doe").
fn strip_byline_prefix(s: &str) -> Option<&str> {
    byline_prefixes().iter().find_map(|p| {
        let head = s.get(..p.len())?;
        if head.to_lowercase() == *p {
            return Some(s[p.len()..].trim());
        }
        let word = p.trim_end();
        let glued = s.get(..word.len())?;
        if !word.ends_with(':') && glued.to_lowercase() == word && s[word.len()..].starts_with(':') {
            return Some(s[word.len() + 1..].trim());
        }
        (word.len() >= 4 && !word.ends_with(':') && glued.to_lowercase() == word && s[word.len()..].starts_with(char::is_uppercase))
            .then(|| s[word.len()..].trim())
    })
}

/// A word shaped like a domain or an account name ("site.it",
/// "jane.doe"): a dot inside it followed by two lower-case letters.
/// Initials ("J.R.R.") and abbreviations ("Dr.") are not.
fn web_token(w: &str) -> bool {
    let cs: Vec<char> = w.chars().collect();
    cs.windows(3).enumerate().any(|(i, x)| i > 0 && x[0] == '.' && x[1].is_lowercase() && x[2].is_lowercase())
}

/// Initials of a name of three or more capitalised words ("Deutsches
/// Rotes Kreuz" -> "drk"), folded; `None` for shorter names.
fn initials(words: &[&str]) -> Option<String> {
    let caps: Vec<&&str> = words.iter().filter(|w| !PARTICLES.contains(*w)).collect();
    if caps.len() < 3 || !caps.iter().all(|w| capitalised(w)) {
        return None;
    }
    Some(caps.iter().filter_map(|w| w.chars().next()).collect::<String>()).map(|i| squash(&i))
}

const PARTICLES: [&str; 16] =
    ["de", "da", "di", "do", "du", "del", "della", "der", "den", "van", "von", "la", "le", "y", "bin", "al"];

/// Two to five words, each capitalised (name particles aside).
fn looks_like_full_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 2 && words.iter().all(|w| capitalised(w) || PARTICLES.contains(w))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Cleans one author candidate; `None` when it is not a person's name.
#[cfg(test)]
pub(crate) fn clean_author(raw: &str, site_names: &[String]) -> Option<String> {
    clean_author_opened(raw, site_names).map(|(n, _)| n)
}

/// [`clean_author`], also telling whether the candidate opened with a
/// byline formula ("By", "Posted by", "Auteur :"): then even a single
/// word (a pen name) is the author.
fn clean_author_opened(raw: &str, site_names: &[String]) -> Option<(String, bool)> {
    let mut s = clean(raw);
    let mut opened = false;
    while let Some(rest) = strip_byline_prefix(&s) {
        s = rest.to_string();
        opened = true;
    }
    // A social-media handle beside the name ("Jane Doe @janedoe").
    if s.contains('@') {
        let kept: Vec<&str> = s.split_whitespace().filter(|w| !w.starts_with('@')).collect();
        if !kept.is_empty() {
            s = kept.join(" ");
        }
    }
    // A translator's, photographer's or source's credit.
    if opens_with_role(&s) {
        return None;
    }
    // A leading role label: "Text: A", "Interview: A".
    if let Some((head, tail)) = s.split_once(':') {
        if !head.trim().is_empty() && !head.trim().contains(' ') && !tail.trim().is_empty() {
            s = tail.trim().to_string();
        }
    }
    // Photo credits glued to the byline.
    for marker in [" Foto:", " Fotos:", " Photo:", " Photos:", " Bild:", " Image:"] {
        if let Some(pos) = s.find(marker) {
            s.truncate(pos);
        }
    }
    // Another contributor's credit after the name, without a colon
    // ("Jane Doe Illustration von John Roe"): the name ends before the
    // capitalised role word (`byline-roles.txt`).
    {
        let words: Vec<&str> = s.split_whitespace().collect();
        if let Some(i) = (2..words.len()).find(|&i| {
            capitalised(words[i]) && byline_roles().iter().any(|r| !r.contains(' ') && *r == words[i].trim_end_matches(':').to_lowercase())
        }) {
            s = words[..i].join(" ");
        }
    }
    // Drop trailing roles/dates after separators.
    for sep in [" | ", " - ", " – ", " — ", ", ", " (", "\n"] {
        if let Some(pos) = s.find(sep) {
            s.truncate(pos);
        }
    }
    // A date after the name without a separator ("Jane Doe 8 January
    // 2020", "JANE DOE am 21. April 2020"): the words before the first
    // one holding a digit, less the lower-case words that lead to it, when
    // they are a full name or follow a byline formula.
    if s.chars().any(|c| c.is_ascii_digit()) {
        let words: Vec<&str> = s.split_whitespace().collect();
        if let Some(i) = words.iter().position(|w| w.chars().any(|c| c.is_ascii_digit())) {
            let mut head = &words[..i];
            while head.last().is_some_and(|w| !capitalised(w)) {
                head = &head[..head.len() - 1];
            }
            let head = head.join(" ");
            if looks_like_full_name(&head) || (opened && !head.is_empty()) {
                s = head;
            }
        }
    }
    let s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '\'').trim().to_string();
    if s.is_empty() || s.len() > 60 {
        return None;
    }
    let lower = s.to_lowercase();
    if lower.starts_with("http")
        || lower.contains("www.")
        || s.contains(['@', '/', '&', ';', '[', ']', '=', '#', '_', ':'])
        || s.contains(".com")
        || s.contains(".de")
        || s.contains(".fr")
        || s.split('.').count() > 2 && !s.contains(". ")
        || [
            "redaktion", "redacci", "rédaction", "redazione", "verlag", "gmbh", "e. v.", "e.v.", "verband", "forschung",
            "gesellschaft", "ministerium", "ministry", "department", "council", "committee", "network", "netzwerk",
            "kommission", "commission", "partei", "agentur", "agency",
        ]
        .iter()
        .any(|o| lower.contains(o))
    {
        return None;
    }
    if s.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // A news agency, or a name holding a newsroom word ("Agencia EFE",
    // "CBS News"), from `data/lang/mul/agencies.txt` and `org-words.txt`.
    if crate::text_dump::lexicon::Lexicon::get().is_agency(&s) {
        return None;
    }
    // The same name printed twice (a visible copy and a screen-reader
    // copy read as one text): once.
    let all: Vec<&str> = s.split_whitespace().collect();
    let half = all.len() / 2;
    let s = if all.len() >= 4 && all.len().is_multiple_of(2) && all[..half] == all[half..] { all[..half].join(" ") } else { s };
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.iter().any(|w| not_in_names().contains(&w.to_lowercase().as_str())) {
        return None;
    }
    if words.is_empty() || words.len() > 5 || words.iter().any(|w| web_token(w)) {
        return None;
    }
    // Several words: a name, not a phrase ("view my profile", "deutscher
    // Journalist").
    if words.len() >= 2
        && !words.iter().all(|w| capitalised(w) || PARTICLES.contains(w) || (w.len() <= 2 && w.ends_with('.')))
    {
        return None;
    }
    if let Some(last) = words.last() {
        let l = last.to_lowercase();
        if matches!(l.as_str(), "sagt" | "said" | "says" | "schreibt" | "dit" | "writes" | "wrote" | "dice" | "disse") {
            return None;
        }
    }
    if !s.chars().next().is_some_and(|c| c.is_alphabetic()) {
        return None;
    }
    // Agency codes and initials ("AFP", "dpa", "mf").
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    // A known first name of three letters ("Kay") is a name, not a code.
    let short_first_name = words.len() == 1 && letters == 3 && s.chars().skip(1).all(char::is_lowercase) && is_first_name(&s);
    if (letters < 4 && !short_first_name) || (words.len() == 1 && s.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())) {
        return None;
    }
    // Never the site or the publisher.
    let sq = squash(&s);
    if sq.len() < 2 {
        return None;
    }
    // An organisation named by the site's acronym ("Deutsches Rotes Kreuz"
    // on drk.example).
    if let Some(ini) = initials(&words) {
        if site_names.iter().any(|site| squash(site) == ini) {
            return None;
        }
    }
    // Two capitalised words spelling the site's acronym or its domain's
    // first label ("Deutsche Welle" on dw.com), unless they open with a
    // known first name.
    if words.len() == 2 && words.iter().all(|w| capitalised(w)) && !is_first_name(words[0]) {
        let ini = squash(&words.iter().filter_map(|w| w.chars().next()).collect::<String>());
        if site_names.iter().any(|site| squash(site) == ini || squash(site.split('.').next().unwrap_or("")) == ini) {
            return None;
        }
    }
    // A person's full name (a known first name and a surname, maybe with
    // an initial between) naming the site is a personal site's author
    // ("Daniel Lemire" writing on "Daniel Lemire's blog"); "Betty Crocker
    // Kitchens" is no person's name.
    let initial = |w: &str| w.chars().count() <= 2 && w.ends_with('.');
    let personal = (words.len() == 2 || (words.len() == 3 && initial(words[1])))
        && looks_like_full_name(&s)
        && is_first_name(words[0]);
    for site in site_names {
        let ss = squash(site);
        if !personal && ss.len() >= 3 && (sq == ss || sq.contains(&ss) && ss.len() * 2 >= sq.len() || ss.contains(&sq)) {
            return None;
        }
    }
    const NOT_NAMES: [&str; 29] = [
        "admin", "administrator", "staff", "redaction", "rédaction", "editor", "editors", "newsroom", "team", "anonymous",
        "guest", "unknown", "webmaster", "author", "autor", "auteur", "name", "von", "by", "par", "redaktion", "anonym",
        "super user", "wordpressadmin", "no author", "publisher", "anónimo", "anonyme", "anonimo",
    ];
    // Organisations, agencies and outlets are not authors.
    const ORG_WORDS: [&str; 52] = [
        "gmbh", "ag", "e.v", "ev", "inc", "ltd", "llc", "co", "kg", "sa", "srl", "sas", "plc", "corp", "verlag", "media",
        "online", "news", "press", "presse", "group", "gruppe", "verband", "institut", "institute", "university",
        "universität", "foundation", "stiftung", "association", "magazine", "magazin", "zeitung", "journal", "radio", "tv",
        "channel", "agency", "agentur", "software", "solutions", "publisher", "pressestelle", "redacción", "redaktion",
        "rédaction", "editorial", "beiträge", "artikel", "author", "autor", "verein",
    ];
    if words.iter().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '.').trim_end_matches('.').to_lowercase();
        ORG_WORDS.contains(&w.as_str())
    }) {
        return None;
    }
    if NOT_NAMES.iter().any(|n| lower == *n) || words.iter().any(|w| matches!(w.to_lowercase().as_str(), "redaktion" | "redacción" | "rédaction" | "redazione" | "staff" | "team" | "agencies" | "newsroom")) {
        return None;
    }
    Some((s, opened))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headline found on a page of `head` and `body` markup (a line of
    /// text after the body).
    fn headline(head: &str, body: &str) -> Option<String> {
        let html = format!("<html><head>{head}</head><body>{body}<p>Text.</p></body></html>");
        collect(&Html::parse_document(&html), None).metadata.title.map(|t| t.value)
    }

    #[test]
    fn a_kicker_labelled_in_the_declared_title_leaves_the_headline() {
        let page = |og: &str| {
            format!(
                "<html><head><meta property=\"og:title\" content=\"{og}\"></head><body>\
                 <h1> <span class=\"headline\">Frain</span> Incendie dans une maison : cinq personnes relogées</h1></body></html>"
            )
        };
        let title = |og: &str| collect(&Html::parse_document(&page(og)), None).metadata.title.map(|t| t.value);
        assert_eq!(title("Frain. Incendie dans une maison : cinq personnes relogées").as_deref(), Some("Incendie dans une maison : cinq personnes relogées"));
        // Declared with the kicker as part of the title: kept.
        assert_eq!(title("Frain Incendie dans une maison : cinq personnes relogées").as_deref(), Some("Frain Incendie dans une maison : cinq personnes relogées"));
    }

    #[test]
    fn a_headline_s_kicker_or_subtitle_shown_apart_in_the_declared_title_is_left_out() {
        let title = |head: &str, h1: &str| headline(head, &format!("<h1>{h1}</h1>"));
        // The label's punctuation is an element of its own: not kept.
        assert_eq!(
            title(
                "<meta property=\"og:title\" content=\"Klimaschutz: Bohren, bis es heiß wird\">",
                "<span>Klimaschutz</span><span>:</span> <span>Bohren, bis es heiß wird</span>"
            )
            .as_deref(),
            Some("Bohren, bis es heiß wird")
        );
        // A kicker of four words; the declared title carries a site name
        // and shows the kicker after the headline.
        assert_eq!(
            title(
                "<meta property=\"og:title\" content=\"Daten von Rheinmetall gehackt - Interne Unterlagen im Netz | tagesschau.de\">\
                 <meta property=\"og:site_name\" content=\"tagesschau.de\">",
                "<span>Interne Unterlagen im Netz</span> <span>Daten von Rheinmetall gehackt</span>"
            )
            .as_deref(),
            Some("Daten von Rheinmetall gehackt")
        );
        // A subtitle the declared title leaves out.
        assert_eq!(
            title(
                "<meta property=\"og:title\" content=\"Deep-Fried Fish Cakes, Hot and Fresh\">",
                "Deep-Fried Fish Cakes, Hot and Fresh <small>Welcome to the Flavor Capital</small>"
            )
            .as_deref(),
            Some("Deep-Fried Fish Cakes, Hot and Fresh")
        );
        // A hyphen inside a word is no label: the whole h1 stays.
        assert_eq!(
            title(
                "<meta property=\"og:title\" content=\"Covid-19 Impfstoff kommt\">",
                "<span>Covid</span>-19 Impfstoff kommt"
            )
            .as_deref(),
            Some("Covid-19 Impfstoff kommt")
        );
    }

    #[test]
    fn a_logo_h1_linking_home_that_the_title_tag_names_is_the_site() {
        let title = |head: &str, body: &str| headline(head, body);
        // The site's name after the headline, then taglines.
        assert_eq!(
            title(
                "<title>Das schwulste Musikvideo der Welt :  Krimiblog-Archiv | Gegründet 2005 | 6. Jahrgang</title>",
                "<h1 class=\"vcard\"><a href=\"http://archiv.krimiblog.de/\" title=\"Home\">Krimiblog-Archiv</a></h1>"
            )
            .as_deref(),
            Some("Das schwulste Musikvideo der Welt")
        );
        // The site's name first; the h2 the <title> ends with is the headline.
        assert_eq!(
            title(
                "<title>Four Years Remaining  &raquo; Blog Archive   &raquo; Interning of Small Integers</title>",
                "<h1><a href=\"http://fouryears.eu\">Four Years Remaining</a></h1><h2><a href=\"/2019/x\">Interning of Small Integers</a></h2>"
            )
            .as_deref(),
            Some("Interning of Small Integers")
        );
        // A linked h1 the <title> opens with is the headline.
        assert_eq!(
            title("<title>Ein Artikel | Rubrik | Eine Seite</title>", "<h1><a>Ein Artikel</a></h1><h2>Rubrik</h2>").as_deref(),
            Some("Ein Artikel")
        );
    }

    #[test]
    fn a_site_name_glued_to_the_headline_before_the_same_suffix_goes() {
        let head = "<title>Truckwash A31Das andere Branchenbuch | Das andere Branchenbuch</title>\
                    <meta property=\"og:site_name\" content=\"Das andere Branchenbuch\">";
        assert_eq!(headline(head, "<p>Text.</p>").as_deref(), Some("Truckwash A31"));
        // Spaced, the site's name is the headline's own last words.
        let head = "<title>Willkommen im Branchenbuch | Branchenbuch</title><meta property=\"og:site_name\" content=\"Branchenbuch\">";
        assert_eq!(headline(head, "<p>Text.</p>").as_deref(), Some("Willkommen im Branchenbuch"));
    }

    #[test]
    fn among_several_h1s_the_one_the_title_tag_names_is_the_headline() {
        let html = "<html><head><title>Was ist der Unterschied? – Meine Ansichten</title></head><body>\
                    <h1>Menu</h1><h1>Meine Ansichten</h1><h2>Ein Blog</h2><h1>Navigation</h1>\
                    <h1>Was ist der Unterschied?</h1><p>Text.</p><h1>Neueste Beiträge</h1></body></html>";
        let t = collect(&Html::parse_document(html), None).metadata.title.map(|t| t.value);
        assert_eq!(t.as_deref(), Some("Was ist der Unterschied?"));
    }

    #[test]
    fn the_visible_spelling_of_the_declared_title_and_no_site_name_after_the_h1() {
        let title = |html: &str| collect(&Html::parse_document(html), None).metadata.title.map(|t| t.value);
        // Two h1s; the declared title flattens the apostrophe the h1 shows.
        let html = "<html><head><meta property=\"og:title\" content=\"Editor's Letter: bye Baby\"></head><body>\
                    <h1>The Copy</h1><h1>Editor’s Letter: bye Baby</h1><p>Text.</p></body></html>";
        assert_eq!(title(html).as_deref(), Some("Editor’s Letter: bye Baby"));
        // The same letters without the space between two parts: not taken.
        let html = "<html><head><meta property=\"og:title\" content=\"Die Zukunft - &quot;Wir dekorieren um&quot;\"></head><body>\
                    <h1>Logo</h1><h1><span>Die Zukunft</span><span>\"Wir dekorieren um\"</span></h1></body></html>";
        assert_eq!(title(html).as_deref(), Some("Die Zukunft - \"Wir dekorieren um\""));
        // The one h1 repeats the site's name after the headline.
        let html = "<html><head><meta property=\"og:title\" content=\"Atomkraft ist nicht nachhaltig\">\
                    <meta property=\"og:site_name\" content=\"Umweltbundesamt\"></head><body>\
                    <h1>Atomkraft ist nicht nachhaltig | Umweltbundesamt</h1><p>Text.</p></body></html>";
        assert_eq!(title(html).as_deref(), Some("Atomkraft ist nicht nachhaltig"));
        // A last part that only opens with the site's name is the headline's.
        let html = "<html><head><meta property=\"og:title\" content=\"In Glasgow - DRK: Mehr Menschen brauchen Hilfe\"></head><body>\
                    <h1>In Glasgow - DRK: Mehr Menschen brauchen Hilfe</h1><p>Text.</p></body></html>";
        let t = collect(&Html::parse_document(html), Some("https://www.drk.de/a")).metadata.title.map(|t| t.value);
        assert_eq!(t.as_deref(), Some("In Glasgow - DRK: Mehr Menschen brauchen Hilfe"));
    }

    #[test]
    fn a_declared_title_adding_a_label_or_a_date_to_a_heading_gives_the_heading() {
        let title = headline;
        // A date after the first of several h1s.
        assert_eq!(
            title(
                "<meta property=\"og:title\" content=\"So viel Regen gab es lange nicht : 31.10.2023, 10.19 Uhr\">",
                "<h1>So viel Regen gab es lange nicht</h1><h1>Letzte Kommentare</h1>"
            )
            .as_deref(),
            Some("So viel Regen gab es lange nicht")
        );
        // Sections and site after an h2; no h1.
        assert_eq!(
            title("<title>kein App Store mehr mit iOS 13 ? | iPhone | Forum | Mac News</title>", "<h2>Menü</h2><h2>kein App Store mehr mit iOS 13 ?</h2>")
                .as_deref(),
            Some("kein App Store mehr mit iOS 13 ?")
        );
        // A label before the headline.
        assert_eq!(
            title("<meta property=\"og:title\" content=\"Pétition : Non à la fermeture du choeur\">", "<h1>Non à la fermeture du choeur</h1><h1>Non à la fermeture du choeur</h1>")
                .as_deref(),
            Some("Non à la fermeture du choeur")
        );
        // A heading shorter than what follows it is a kicker, not the title.
        assert_eq!(
            title("<meta property=\"og:title\" content=\"Kim Jong: Der Diktator ist zurück und Trump ist glücklich\">", "<h2>Kim Jong</h2><h2>Mehr</h2>")
                .as_deref(),
            Some("Kim Jong: Der Diktator ist zurück und Trump ist glücklich")
        );
    }

    #[test]
    fn style_sheets_inside_a_headline_are_no_kicker_and_no_text() {
        let html = "<html><head><title>Impfen ist bis Ende Februar noch möglich</title></head><body>\
                    <h1><style>.css-a{color:#707070}</style><span>Medienmitteilung der Direktion \
                    <style>.css-b{height:1px}</style><span>:</span></span>Impfen ist bis Ende Februar noch möglich</h1><p>Text.</p></body></html>";
        let t = collect(&Html::parse_document(html), None).metadata.title.map(|t| t.value);
        assert_eq!(t.as_deref(), Some("Impfen ist bis Ende Februar noch möglich"));
    }

    #[test]
    fn a_logo_h1_spelling_the_domain_and_an_h2_the_title_names() {
        let title = |html: &str, url: Option<&str>| collect(&Html::parse_document(html), url).metadata.title.map(|t| t.value);
        // The logo spells the registered domain of a sub-domain's page.
        let html = "<html><head><meta property=\"og:title\" content=\"So Do We. A More Diverse Community\"></head><body>\
                    <h1><a>WordPress.com</a></h1><p>Text.</p></body></html>";
        assert_eq!(title(html, Some("https://en.blog.wordpress.com/2019/a")).as_deref(), Some("So Do We. A More Diverse Community"));
        // No declared title: the h2 the <title> names, longer than the h1 it
        // also names; an h2 the <title> holds only without its marks is not.
        let html = "<html><head><title>Nachhaltigkeit im Onlineshop</title></head><body><h2>Nachhaltigkeit im Onlineshop</h2>\
                    <h1>Unsere 3 Maßnahmen zur Nachhaltigkeit im Onlineshop</h1><p>Text.</p></body></html>";
        assert_eq!(title(html, None).as_deref(), Some("Nachhaltigkeit im Onlineshop"));
        let html = "<html><head><title>Jens Weber</title></head><body><h2>[&gt; Jens Weber</h2><h1>Jens</h1><p>Text.</p></body></html>";
        assert_eq!(title(html, None).as_deref(), Some("Jens"));
    }

    #[test]
    fn a_declared_title_cut_at_an_unescaped_quote_is_completed_from_the_title_tag() {
        let title = |html: &str| collect(&Html::parse_document(html), None).metadata.title.map(|t| t.value);
        let html = "<html><head><meta property=\"og:title\" content=\"Senador califica a Biden de \"incapacitado\"\">\
                    <title>Senador califica a Biden de \"incapacitado\"</title></head><body><p>Text.</p></body></html>";
        assert_eq!(title(html).as_deref(), Some("Senador califica a Biden de \"incapacitado\""));
        // A <title> that goes on with other words leaves the declared title.
        let html = "<html><head><meta property=\"og:title\" content=\"Senador califica a Biden\">\
                    <title>Senador califica a Biden de incapaz</title></head><body><p>Text.</p></body></html>";
        assert_eq!(title(html).as_deref(), Some("Senador califica a Biden"));
    }

    #[test]
    fn title_suffix_is_removed() {
        let sites = vec!["Le Monde".to_string()];
        assert_eq!(strip_site("Mali : la junte accueille Lavrov - Le Monde", &sites, &[]), "Mali : la junte accueille Lavrov");
        assert_eq!(strip_site("Le Monde | Mali", &sites, &[]), "Mali");
        assert_eq!(strip_site("A story | Example", &[], &["A story".to_string()]), "A story");
        assert_eq!(strip_site("War - and peace", &sites, &[]), "War - and peace");
        // A bar without spaces beside the exact site name; not inside a title.
        let easy = vec!["NEWS WEB EASY".to_string()];
        assert_eq!(strip_site("NEWS WEB EASY|子どもへの体罰を禁止する", &easy, &[]), "子どもへの体罰を禁止する");
        assert_eq!(strip_site("Input|Output im Test", &easy, &[]), "Input|Output im Test");
    }

    #[test]
    fn authors_are_cleaned_and_never_the_site() {
        let sites = vec!["Reuters".to_string(), "reuters.com".to_string()];
        assert_eq!(clean_author("By Jane Doe", &sites).as_deref(), Some("Jane Doe"));
        assert_eq!(clean_author("Par Jean Dupont, envoyé spécial", &sites).as_deref(), Some("Jean Dupont"));
        assert_eq!(clean_author("Reuters", &sites), None);
        assert_eq!(clean_author("https://www.facebook.com/x", &sites), None);
        assert_eq!(clean_author("Jane Doe | 12 June 2024", &sites).as_deref(), Some("Jane Doe"));
        assert_eq!(split_names("Jane Doe and John Roe"), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn metadata_from_page() {
        let html = r#"<html lang="fr"><head><title>Un titre - Le Journal</title>
            <meta property="og:site_name" content="Le Journal">
            <meta name="author" content="Le Journal">
            <link rel="canonical" href="https://lejournal.example/a">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Un titre",
              "author":[{"@type":"Person","name":"Marie Curie"},{"@type":"Person","name":"Pierre Curie"}],
              "publisher":{"@type":"Organization","name":"Le Journal"}}</script></head>
            <body><h1>Un titre</h1><p>Par Marie Curie et Pierre Curie</p></body></html>"#;
        let doc = Html::parse_document(html);
        let pm = collect(&doc, Some("https://www.lejournal.example/a"));
        let m = pm.metadata;
        assert_eq!(m.title.unwrap().value, "Un titre");
        let names: Vec<String> = m.authors.iter().map(|a| a.value.clone()).collect();
        assert_eq!(names, vec!["Marie Curie", "Pierre Curie"]);
        assert_eq!(m.site_name.unwrap().value, "Le Journal");
        assert_eq!(m.canonical_url.unwrap().value, "https://lejournal.example/a");
        assert_eq!(m.declared_language.as_deref(), Some("fr"));
    }

    #[test]
    fn byline_adds_the_co_author_structured_data_leaves_out() {
        let html = r#"<html><head><title>T</title>
            <script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Person","name":"Elsa Provenzano"}}</script>
            </head><body><address class="authorsign"><span>Elsa Provenzano et Mickaël Bosredon</span></address>
            <p>Des intempéries toucheront la Nouvelle-Aquitaine dans les prochaines heures.</p></body></html>"#;
        let doc = Html::parse_document(html);
        let names: Vec<String> = collect(&doc, None).metadata.authors.into_iter().map(|a| a.value).collect();
        assert_eq!(names, vec!["Elsa Provenzano", "Mickaël Bosredon"]);
    }

    #[test]
    fn declared_author_must_be_shown() {
        // A CMS account in the meta tags that the page never shows.
        let html = r#"<html><head><title>T</title><meta name="author" content="Max Mustermann">
            <script type="application/ld+json">{"@type":"Article","author":{"@type":"Person","name":"Erika Muster"}}</script>
            </head><body><p>Text ohne Namen.</p><script>var a = "Max Mustermann";</script></body></html>"#;
        let doc = Html::parse_document(html);
        assert!(collect(&doc, None).metadata.authors.is_empty());
        // Shown in another case and with other punctuation: kept.
        let html = r#"<html><head><meta name="author" content="Sadhbh O'Sullivan"></head>
            <body><p class="x">BY SADHBH O’SULLIVAN</p></body></html>"#;
        let doc = Html::parse_document(html);
        let names: Vec<String> = collect(&doc, None).metadata.authors.into_iter().map(|a| a.value).collect();
        assert_eq!(names, vec!["Sadhbh O'Sullivan"]);
        assert!(shown("Jane Doe", &word_key("Text by jane  doe.")));
        assert!(!shown("Jane Doe", &word_key("Janet Doely")));
        assert!(!shown("", &word_key("anything")));
    }

    #[test]
    fn bylines_of_other_articles_are_not_read() {
        let names = |html: &str| -> Vec<String> {
            let doc = Html::parse_document(html);
            collect(&doc, None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        // Teasers further down carry their own bylines.
        let html = r#"<html><body><article><div class="byline"><span class="label">Autor</span></div>
            <div class="meta"><span class="author">Jane Doe</span></div><p>Text.</p></article>
            <ul><li><span class="author">John Roe</span></li><li><span class="author">Ann Poe</span></li></ul></body></html>"#;
        assert_eq!(names(html), vec!["Jane Doe"]);
        // Co-authors side by side are one byline.
        let html = r#"<html><body><p>By <a rel="author" href="/a">Jane Doe</a> and <a rel="author" href="/b">John Roe</a></p>
            <aside><a rel="author" href="/c">Ann Poe</a></aside></body></html>"#;
        assert_eq!(names(html), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn byline_formulas_domains_and_acronyms() {
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("Eingestellt von Jane Doe", &none).as_deref(), Some("Jane Doe"));
        assert_eq!(clean_author("Publié par Jean Dupont", &none).as_deref(), Some("Jean Dupont"));
        assert_eq!(clean_author("POSTED BY Jane Doe", &none).as_deref(), Some("Jane Doe"));
        assert_eq!(clean_author("Posted by Unknown", &none), None);
        // Non-ASCII lower-casing that changes byte lengths must not panic.
        assert_eq!(clean_author("İİİ", &none), None);
        // Domains and account names are not persons; initials are fine.
        assert_eq!(clean_author("example.it", &none), None);
        assert_eq!(clean_author("jane.doe", &none), None);
        assert_eq!(clean_author("J.R. Tolkien", &none).as_deref(), Some("J.R. Tolkien"));
        // An organisation spelled out from the site's acronym.
        let sites = vec!["nfb".to_string()];
        assert_eq!(clean_author("National Fishing Board", &sites), None);
        assert_eq!(clean_author("Nora Fay Baker", &[]).as_deref(), Some("Nora Fay Baker"));
        // A pen name counts only after a byline formula.
        let names = |html: &str| -> Vec<String> {
            let doc = Html::parse_document(html);
            collect(&doc, None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert_eq!(names(r#"<html><body><span class="byline">Posted by Sunflower</span></body></html>"#), vec!["Sunflower"]);
        assert!(names(r#"<html><body><span class="author-box">Sunflower</span></body></html>"#).is_empty());
    }

    #[test]
    fn publisher_as_meta_author_is_rejected() {
        let html = r#"<html><head><title>T</title><meta property="og:site_name" content="Daily Planet">
            <meta name="author" content="Daily Planet"></head><body><p>x</p></body></html>"#;
        let doc = Html::parse_document(html);
        assert!(collect(&doc, None).metadata.authors.is_empty());
    }

    #[test]
    fn a_conjunction_inside_an_organisation_name_splits_nothing() {
        assert_eq!(split_names("Bundesministerium für Wirtschaft und Klimaschutz"), vec!["Bundesministerium für Wirtschaft und Klimaschutz"]);
        assert_eq!(split_names("Von Jane Doe und John Roe"), vec!["Von Jane Doe", "John Roe"]);
        assert_eq!(split_names("Jane Doe and John Roe, staff writers"), vec!["Jane Doe", "John Roe, staff writers"]);
        let html = r#"<html><head><meta name="author" content="Landesanstalt für Wald und Forstwirtschaft - LWF"></head>
            <body><p>Landesanstalt für Wald und Forstwirtschaft</p></body></html>"#;
        assert!(collect(&Html::parse_document(html), None).metadata.authors.is_empty());
    }

    #[test]
    fn credits_of_photos_and_translations_are_not_bylines() {
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert!(names(r#"<html><body><p>Text.</p><span class="license-author">Jane Doe</span></body></html>"#).is_empty());
        assert!(names(r#"<html><body><figure><img src="a.jpg"><figcaption><span class="author">Jane Doe</span></figcaption></figure></body></html>"#).is_empty());
        assert_eq!(names(r#"<html><body><figure><figcaption><a rel="author">Jane Doe</a></figcaption></figure><p class="byline">By John Roe</p></body></html>"#), vec!["John Roe"]);
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("Übersetzung Sarah Jungblut", &none), None);
        assert_eq!(clean_author("Foto: Jane Doe", &none), None);
        assert_eq!(clean_author("Photo by Jane Doe", &none), None);
        assert_eq!(clean_author("Text: Jane Doe", &none).as_deref(), Some("Jane Doe"));
        // A bare label opener; a colon never sits inside a name.
        assert_eq!(clean_author("Autor Jane Doe", &none).as_deref(), Some("Jane Doe"));
        assert_eq!(clean_author("Jane Doe: EN", &none), None);
    }

    #[test]
    fn names_only_in_hidden_elements_are_not_shown() {
        let names = |body: &str| -> Vec<String> {
            let html = format!(r#"<html><head><meta name="author" content="Jane Doe"></head><body><p>Text.</p>{body}</body></html>"#);
            collect(&Html::parse_document(&html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert!(names(r#"<span class="vcard rich-snippet-hidden"><a rel="author">Jane Doe</a></span>"#).is_empty());
        assert!(names(r#"<div class="author" style="display: none"><span>Jane Doe</span></div>"#).is_empty());
        assert!(names(r#"<div hidden>Jane Doe</div>"#).is_empty());
        // Classes that hide nothing or only on some screens.
        assert_eq!(names(r#"<main class="tw-overflow-hidden"><p><br class="md:tw-hidden"> 1 May, Jane Doe</p></main>"#), vec!["Jane Doe"]);
        assert_eq!(names(r#"<div class="field field--name-field-author field--label-hidden"><a href="/a">Jane Doe</a></div>"#), vec!["Jane Doe"]);
    }

    #[test]
    fn sidebars_layout_flags_reviews_and_glued_words() {
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        // "right-sidebar" on <body> is a layout flag; the real sidebar is still skipped.
        assert_eq!(
            names(r#"<html><body class="single right-sidebar"><div class="content-sidebar-wrap"><span class="author vcard"><a rel="author" href="/a">Jane Doe</a></span>
            <div class="sidebar-primary"><a rel="author" href="/b">John Roe</a></div></div></body></html>"#),
            vec!["Jane Doe"]
        );
        assert!(names(r#"<html><body><div class="widget sidebar"><a rel="author" href="/b">John Roe</a></div></body></html>"#).is_empty());
        // Reviews of a product carry their own authors.
        assert!(names(r#"<html><body><div itemscope itemtype="https://schema.org/Review"><span itemprop="author" content="Georg N."></span>
            <span itemprop="author">Georg Nemo</span></div></body></html>"#)
        .is_empty());
        assert_eq!(
            names(r#"<html><body><div itemscope itemtype="https://schema.org/Article"><span itemprop="author">Jane Doe</span></div></body></html>"#),
            vec!["Jane Doe"]
        );
        // An outer byline element glued to the next field beside its inner link.
        assert_eq!(
            names(r#"<html><body><div class="article-author">Von <strong><a href="/a">Tomas Spahn</a></strong></div><div>Fr, 10. Juni</div>
            <div class="author-block">Von Tomas Spahn Fr, 10. Juni</div></body></html>"#),
            vec!["Tomas Spahn"]
        );
    }

    #[test]
    fn blocks_opening_with_a_byline_formula() {
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert_eq!(names(r#"<html><body><h1>T</h1><address>By <a href="/a"> Tim Anderson </a></address><p>Text.</p></body></html>"#), vec!["Tim Anderson"]);
        assert_eq!(
            names(r#"<html><body><p>Von <strong>Roland Brockmann</strong> und <strong>Sebastian Drescher</strong></p></body></html>"#),
            vec!["Roland Brockmann", "Sebastian Drescher"]
        );
        // Full names only, short blocks only, never in scripts or comments.
        assert!(names(r#"<html><body><p>Von Montag an gilt die Regel.</p><p>By Sunflower</p></body></html>"#).is_empty());
        assert!(names(r#"<html><body><p>Von Jane Doe stammt die Idee, die wir hier ausführlich über viele Zeilen hinweg besprechen wollen und noch mehr.</p></body></html>"#).is_empty());
        assert_eq!(names(r#"<html><body><script>By Jane Doe</script><div class="comments"><p>By John Roe</p></div></body></html>"#), Vec::<String>::new());
    }

    #[test]
    fn agencies_function_words_repeats_and_affiliations() {
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("Agencia EFE", &none), None);
        assert_eq!(clean_author("U.S. CUSTOMS AND BORDER PROTECTION", &none), None);
        assert_eq!(clean_author("Letters To The Editor", &none), None);
        assert_eq!(clean_author("Olivier Minot Olivier Minot", &none).as_deref(), Some("Olivier Minot"));
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert_eq!(names(r#"<html><body><p><strong>By Nada Tawfik, BBC News, New York</strong></p></body></html>"#), vec!["Nada Tawfik"]);
        assert_eq!(names(r#"<html><body><p class="byline">By Jane Doe, John Roe</p></body></html>"#), vec!["Jane Doe", "John Roe"]);
    }

    #[test]
    fn glued_openers_and_content_areas_named_sidebar() {
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("AuthorAndreas Kalt", &none).as_deref(), Some("Andreas Kalt"));
        // Short openers and lower-case continuations are not split.
        assert_eq!(clean_author("Bynum Smith", &none).as_deref(), Some("Bynum Smith"));
        assert_eq!(clean_author("Vonderbank Jane", &none).as_deref(), Some("Vonderbank Jane"));
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert_eq!(
            names(r#"<html><body><div class="site-content content-area" id="sidebar"><span class="author vcard"><a rel="author" href="/a">Heiko Sauer</a></span></div></body></html>"#),
            vec!["Heiko Sauer"]
        );
    }

    #[test]
    fn formulas_after_a_date_or_a_dash() {
        let names = |html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        assert_eq!(names(r#"<html><body><div class="page-meta--author">Posted on September 21, 2020 by Adi Tzlil</div></body></html>"#), vec!["Adi Tzlil"]);
        // Only when the whole text yields no name.
        assert_eq!(names(r#"<html><body><div class="author">Jane Doe (photos by John Roe)</div></body></html>"#), vec!["Jane Doe"]);
        assert_eq!(names(r#"<html><body><div><em>---- by Kenneth Surin</em></div></body></html>"#), vec!["Kenneth Surin"]);
        assert_eq!(inner_opener("By Jane Doe"), None);
        assert_eq!(inner_opener("Posted by Jane Doe"), None);
        assert_eq!(inner_opener("Am 3. Mai von Jane Doe"), Some("von Jane Doe"));
    }

    /// The key as defined: fold the whole string, then keep words.
    fn word_key_reference(s: &str) -> String {
        let mut out = String::from(" ");
        for c in dossier_text::normalize::fold(s).chars() {
            if c.is_alphanumeric() {
                out.push(c);
            } else if !out.ends_with(' ') {
                out.push(' ');
            }
        }
        if !out.ends_with(' ') {
            out.push(' ');
        }
        out
    }

    #[test]
    fn word_key_fast_path_matches_the_definition() {
        for s in ["", " ", "Jane Doe", "Sergueï ÉTAT, Moscou", "e\u{301}tat", "A\u{2019}s — «b»", "İstanbul \u{212A}elvin", "x\u{300}\u{301}y"] {
            assert_eq!(word_key(s), word_key_reference(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn word_key_fast_path_matches_the_definition_on_any_text(s in "\\PC{0,40}") {
            proptest::prop_assert_eq!(word_key(&s), word_key_reference(&s));
        }
    }

    #[test]
    fn a_lone_h1_of_three_words_beats_an_seo_title_sharing_few_words() {
        let head = "<meta property=\"og:title\" content=\"Gefahrstoff-Service\"><title>Gefahrstoff-Service</title>";
        assert_eq!(
            headline(head, "<h1>Gefahrstoffmanagement für Hersteller, Importeure und Alleinvertreter</h1>").as_deref(),
            Some("Gefahrstoffmanagement für Hersteller, Importeure und Alleinvertreter")
        );
        // A short h1 (a section label) or a logo link is no headline.
        assert_eq!(headline(head, "<h1>Details</h1>").as_deref(), Some("Gefahrstoff-Service"));
        assert_eq!(headline(head, "<h1><a href=\"/\">Qualität und Sicherheit</a></h1>").as_deref(), Some("Gefahrstoff-Service"));
    }

    #[test]
    fn a_heading_spelling_the_declared_title_gives_its_typography() {
        let head = "<meta property=\"og:title\" content=\"Termine Whisky Tastings Januar - Mai 2020\">";
        assert_eq!(headline(head, "<h2>Termine Whisky Tastings Januar – Mai 2020</h2>").as_deref(), Some("Termine Whisky Tastings Januar – Mai 2020"));
    }

    #[test]
    fn a_blog_archive_label_in_the_title_is_followed_by_the_headline() {
        assert_eq!(strip_site("Disfunctions.de » Blog Archiv » Podcasts in Plex einbinden", &[], &[]), "Podcasts in Plex einbinden");
        assert_eq!(strip_site("Blog Archive", &[], &[]), "Blog Archive");
        // The logo h1 before the label names the site, not the article.
        let head = "<title>Time 4 talks » Blog Archiv » Weitere Digitalisierung der Schweizer Kinos</title>";
        assert_eq!(headline(head, "<h1><a href=\"/\">Time 4 talks</a></h1>").as_deref(), Some("Weitere Digitalisierung der Schweizer Kinos"));
    }

    #[test]
    fn a_logo_h1_sharing_words_with_the_declared_title_only_through_the_site_name_is_no_headline() {
        let head = "<meta property=\"og:site_name\" content=\"El Mostrador\">\
                    <meta property=\"og:title\" content=\"Las trabas del Congreso podría tardar décadas - El Mostrador\">";
        assert_eq!(
            headline(head, "<h1><a href=\"/\">El Mostrador, el primer diario digital de Chile.</a></h1>").as_deref(),
            Some("Las trabas del Congreso podría tardar décadas")
        );
    }

    #[test]
    fn an_h1_the_title_tag_spells_beats_a_rewritten_og_title() {
        let head = "<meta property=\"og:title\" content=\"New York ramps up mass burials amid virus outbreak\">\
                    <title>Coronavirus: New York ramps up mass burials amid outbreak - BBC News</title>";
        let body = "<h1>Coronavirus: New York ramps up mass burials amid outbreak</h1><h1>Ask me</h1>";
        assert_eq!(headline(head, body).as_deref(), Some("Coronavirus: New York ramps up mass burials amid outbreak"));
        // An h2 showing og:title: the og:title.
        let body2 = format!("{body}<h2>New York ramps up mass burials amid virus outbreak</h2>");
        assert_eq!(headline(head, &body2).as_deref(), Some("New York ramps up mass burials amid virus outbreak"));
        // An h1 gluing a kicker to the headline the <title> spaces: not it.
        let head = "<meta property=\"og:title\" content=\"Zukunft - Wir dekorieren auf der Titanic\">\
                    <title>Die Zukunft der Arbeit - Wir dekorieren auf der Titanic</title>";
        let body = "<h1><span>Die Zukunft der Arbeit</span>Wir dekorieren auf der Titanic</h1><h1>Menu bar here</h1>";
        assert_eq!(headline(head, body).as_deref(), Some("Zukunft - Wir dekorieren auf der Titanic"));
    }

    #[test]
    fn an_h1_inside_a_link_is_no_lone_headline() {
        let head = "<meta property=\"og:title\" content=\"Sony and Kioxia hit by the export ban\">";
        let teaser = "<a href=\"/other\"><div><h1>Weekly: markets turn lower again 19:20</h1></div></a>";
        assert_eq!(headline(head, teaser).as_deref(), Some("Sony and Kioxia hit by the export ban"));
    }

    #[test]
    fn a_kicker_opening_the_declared_title_as_a_label_is_left_out() {
        let head = "<title>Initiative EnergieEffizienz - kostenloser Stromcheck | Ökologisch Bauen</title>";
        let h1 = "<h1><span class=\"h1small\">Initiative EnergieEffizienz</span> Kostenloser Stromcheck für private Haushalte</h1>";
        assert_eq!(headline(head, h1).as_deref(), Some("Kostenloser Stromcheck für private Haushalte"));
        // Declared without the kicker apart: the whole h1.
        let head = "<title>Kostenloser Stromcheck | Ökologisch Bauen</title>";
        assert_eq!(headline(head, h1).as_deref(), Some("Initiative EnergieEffizienz Kostenloser Stromcheck für private Haushalte"));
    }

    #[test]
    fn a_logo_h1_spelling_the_title_s_last_parts_names_the_site() {
        let head = "<title>Enchufla Figuren - Salsa-Figuren - Rueda in Berlin</title>";
        assert_eq!(headline(head, "<h1><a href=\"/\"><span>Salsa-Figuren - Rueda in Berlin</span></a></h1>").as_deref(), Some("Enchufla Figuren"));
    }

    #[test]
    fn an_h1_repeated_word_for_word_is_still_the_lone_headline() {
        let head = "<meta property=\"og:title\" content=\"Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac\">";
        let body = "<h1>Parallels Desktop 15 for Mac</h1><p>Mobile.</p><h1>Parallels Desktop 15 for Mac</h1>";
        assert_eq!(headline(head, body).as_deref(), Some("Parallels Desktop 15 for Mac"));
    }

    /// The authors found on a page.
    fn author_names(html: &str) -> Vec<String> {
        collect(&Html::parse_document(html), None).metadata.authors.into_iter().map(|a| a.value).collect()
    }

    #[test]
    fn an_author_named_by_id_in_a_json_ld_graph_is_read() {
        let html = r#"<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[
            {"@type":"Article","author":{"@id":"https://x.example/#/schema/person/1"},"headline":"H"},
            {"@type":["Person"],"@id":"https://x.example/#/schema/person/1","name":"Tine"},
            {"@type":"Person","@id":"https://x.example/#/schema/person/2","name":"Other Person"}]}</script></head>
            <body><p>Radtour von Tine, mit Other Person.</p></body></html>"#;
        assert_eq!(author_names(html), vec!["Tine"]);
    }

    #[test]
    fn json_ld_with_raw_line_breaks_in_its_strings_is_read() {
        let html = "<html><head><script type=\"application/ld+json\">{\"@type\":\"Article\",\"description\":\"one\ntwo\",\
            \"author\":{\"@type\":\"Person\",\"name\":\"Jacopo Rossi\"}}</script></head><body><p>Jacopo Rossi</p></body></html>";
        assert_eq!(author_names(html), vec!["Jacopo Rossi"]);
    }

    #[test]
    fn a_twitter_label_that_is_a_byline_formula_names_the_author_in_its_data() {
        let html = r#"<html><head><meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Fatima">
            <meta name="twitter:label2" content="Geschätzte Lesezeit"><meta name="twitter:data2" content="Karl">
            </head><body><p>Fatima und Karl.</p></body></html>"#;
        assert_eq!(author_names(html), vec!["Fatima"]);
    }

    #[test]
    fn an_hcard_in_an_author_element_and_a_rel_author_link_may_hold_a_pen_name() {
        let hcard = r#"<html><body><p class="post-meta"><span class="vcard author"><span class="fn">eseppelt</span></span></p>
            <div class="comment-author vcard"><cite class="fn">commenter</cite></div></body></html>"#;
        assert_eq!(author_names(hcard), vec!["eseppelt"]);
        let rel = r#"<html><body><div class="meta">26 Mai 2008 | <a href="/author/x" rel="author">Realiberry</a></div></body></html>"#;
        assert_eq!(author_names(rel), vec!["Realiberry"]);
        // A comment's hCard names a commenter.
        assert!(author_names(r#"<html><body><div class="comment-author vcard"><cite class="fn">commenter</cite></div></body></html>"#).is_empty());
    }

    #[test]
    fn a_blog_s_host_naming_the_blogger_leaves_the_declared_pen_name() {
        let names = |url: &str, html: &str| -> Vec<String> {
            collect(&Html::parse_document(html), Some(url)).metadata.authors.into_iter().map(|a| a.value).collect()
        };
        let hcard = |n: &str| format!(r#"<html><body><span class="author vcard"><a class="url fn n" href="/a">{n}</a></span><p>Text.</p></body></html>"#);
        assert_eq!(names("https://www.andrea-ulmer.de/laufen/", &hcard("Andrea")), vec!["Andrea"]);
        assert_eq!(names("https://creeny.wordpress.com/2020/01/24/x/", &hcard("Creeny")), vec!["Creeny"]);
        assert_eq!(names("https://limespace.de/x/", &hcard("Limespacer")), vec!["Limespacer"]);
        // A company's blog, a site's archive label, two words naming the
        // site: still the site's name.
        assert!(names("https://security.googleblog.com/x/", &hcard("Google")).is_empty());
        assert!(names("https://www.hejfish.com/x/", &hcard("hejfish")).is_empty());
        assert!(names("https://archiv.krimiblog.de/2895/", &hcard("Krimiblog-Archiv")).is_empty());
        assert!(names("https://www.telebasel-news.ch/x/", &hcard("Telebasel News")).is_empty());
        // The JSON-LD naming the outlet, a byline's text: no author markup.
        let ld = r#"<html><head><script type="application/ld+json">{"@type":"NewsArticle","author":{"@type":"Organization","name":"Makronom"}}</script></head><body><p>Makronom.</p></body></html>"#;
        assert!(names("https://makronom.de/x/", ld).is_empty());
        assert!(names("https://andrea-ulmer.de/x/", r#"<html><body><div class="byline">Andrea</div></body></html>"#).is_empty());
    }

    #[test]
    fn a_layout_flag_counting_sidebars_hides_no_byline() {
        let html = r#"<html><body><div id="main" class="one-sidebar"><article><span class="byline">By Jane Doe</span></article></div>
            <div class="sidebar"><span class="author">By John Roe</span></div></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe"]);
        let html = r#"<html><body><div class="layout two-sidebars"><p class="byline">Von Jane Doe</p></div></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe"]);
    }

    #[test]
    fn an_aside_inside_the_article_holds_its_byline() {
        let html = r#"<html><body><article><h1>Headline</h1><aside class="meta"><p class="authors">Von:<br><i><a class="author-name">Jane Doe</a></i></p></aside><p>Text.</p></article>
            <aside><span class="author">By John Roe</span></aside></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe"]);
    }

    #[test]
    fn a_byline_holding_a_widget_in_a_block_is_read_before_the_block() {
        let widget = "Bewertung: 3.17 von 5 Punkten, 12 Stimmen. ".repeat(4);
        let html = format!(r#"<html><body><div class="author"><a href="/autoren/x">Georg Quaas</a>, 21. Jan. 2015
            <div class="article-rating"><span>{widget}</span></div></div><p>Text.</p></body></html>"#);
        assert_eq!(author_names(&html), vec!["Georg Quaas"]);
    }

    #[test]
    fn theme_flags_on_body_hide_nothing() {
        let html = r#"<html><body class="single widgets-hidden"><span class="byline">By Jane Doe</span></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe"]);
    }

    #[test]
    fn an_article_s_own_footer_and_an_article_flagged_with_a_sidebar_hold_its_byline() {
        let html = r#"<html><body><article><p>Text.</p><footer class="post-footer"><span class="author">Posted by <a href="/a">Jane Doe</a></span></footer></article>
            <footer><span class="author">By John Roe</span></footer></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe"]);
        let html = r#"<html><body><article class="article sticky-sidebar-parent"><div class="wrap-byline"><span class="byline">By Emily Burack</span></div></article></body></html>"#;
        assert_eq!(author_names(html), vec!["Emily Burack"]);
    }

    #[test]
    fn a_date_after_the_name_and_a_handle_beside_it_go() {
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("VON MORITZ GATHMANN am 21. April 2020", &none).as_deref(), Some("MORITZ GATHMANN"));
        assert_eq!(clean_author("By Emily Burack 8 January 2020, 3:51 pm", &none).as_deref(), Some("Emily Burack"));
        assert_eq!(clean_author("Posted on 12 May 2020", &none), None);
        assert_eq!(clean_author("Por Williams Perdomo @wperdomod -", &none).as_deref(), Some("Williams Perdomo"));
    }

    #[test]
    fn bylines_in_headings_lists_and_classes_of_other_languages() {
        assert_eq!(author_names(r#"<html><body><h5 class="field--name-field-term-author">Christian Mihatsch</h5></body></html>"#), vec!["Christian Mihatsch"]);
        assert_eq!(author_names(r#"<html><body><ul class="author"><li>Stefan Loibl</li></ul></body></html>"#), vec!["Stefan Loibl"]);
        assert_eq!(author_names(r#"<html><body><span class="content-left-autor"><a href="/a">Clara Löw</a></span></body></html>"#), vec!["Clara Löw"]);
        assert!(author_names(r#"<html><body><div class="autorisation">Jane Doe</div></body></html>"#).is_empty());
    }

    #[test]
    fn a_person_naming_a_personal_site_is_its_author() {
        let sites = |s: &str| vec![s.to_string()];
        assert_eq!(clean_author("Daniel Lemire", &sites("Daniel Lemire's blog")).as_deref(), Some("Daniel Lemire"));
        assert_eq!(clean_author("Günter W. Kienitz", &sites("guenterwkienitz")).as_deref(), Some("Günter W. Kienitz"));
        assert_eq!(clean_author("Presse Augsburg", &sites("Presse Augsburg")), None);
        assert_eq!(clean_author("Betty Crocker Kitchens", &sites("Betty Crocker Kitchens")), None);
    }

    #[test]
    fn meta_tags_of_one_name_and_author_links_naming_the_declared_author_give_every_author() {
        let html = r#"<html><head><meta name="parsely-author" content="Jane Doe"><meta name="parsely-author" content="John Roe"></head>
            <body><p>By Jane Doe and John Roe</p></body></html>"#;
        assert_eq!(author_names(html), vec!["Jane Doe", "John Roe"]);
        let html = r#"<html><head><meta name="author" content="Jessica Holly"></head><body><div class="meta">
            <a rel="author" href="/a">Jessica Holly</a> and <a rel="author" href="/b">Gail Levy</a></div></body></html>"#;
        assert_eq!(author_names(html), vec!["Jessica Holly", "Gail Levy"]);
    }

    #[test]
    fn a_byline_element_may_hold_a_first_name_alone() {
        assert_eq!(author_names(r#"<html><body><span class="author"><a href="/user/30">Lars</a></span></body></html>"#), vec!["Lars"]);
        // Another single word is no name without a formula.
        assert!(author_names(r#"<html><body><span class="author"><a href="/user/30">Sunflower</a></span></body></html>"#).is_empty());
    }

    #[test]
    fn bylines_in_lists_of_other_articles_are_theirs() {
        let html = r#"<html><body><p>Text.</p><div class="fachartikel-listing"><div class="fachartikel-listing__item__author">Von <span>Jane Doe</span> am <span>08.12.2022</span></div></div>
            <ul class="related-posts"><li><span class="byline">By John Roe</span></li></ul></body></html>"#;
        assert!(author_names(html).is_empty());
    }

    #[test]
    fn a_byline_formula_may_end_in_a_colon() {
        assert_eq!(author_names(r#"<html><body><div class="info"><a href="/a">Von: Götz Warnke</a></div><p>Text.</p></body></html>"#), vec!["Götz Warnke"]);
        assert_eq!(clean_author("By: Sunflower", &[]).as_deref(), Some("Sunflower"));
        assert_eq!(author_names(r#"<html><body><p class="meta"><span>By:</span> <a href="/a">Jane Doe</a></p></body></html>"#), vec!["Jane Doe"]);
    }

    #[test]
    fn another_credit_short_first_names_and_two_word_acronyms() {
        let none: Vec<String> = Vec::new();
        assert_eq!(clean_author("Text von Christian Seiler Illustration von Markus Roost", &none).as_deref(), Some("Christian Seiler"));
        assert_eq!(clean_author("Kay", &none).as_deref(), Some("Kay"));
        assert_eq!(clean_author("dpa", &none), None);
        assert_eq!(clean_author("Red", &none), None);
        let sites = vec!["dw.com".to_string()];
        assert_eq!(clean_author("Deutsche Welle", &sites), None);
        assert_eq!(clean_author("Daniel Williams", &sites).as_deref(), Some("Daniel Williams"));
    }
}
