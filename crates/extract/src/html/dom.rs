//! One iterative pass over the parsed DOM that flattens it into an element
//! table and a list of text blocks.
//!
//! A *block* is the text of one block-level element up to its next
//! block-level child (a paragraph, a heading, a list item, a table row…),
//! kept as references to the DOM text nodes plus separators (line breaks,
//! table cells), with the features the content scorer needs: characters,
//! characters inside links, commas, sentence ends, words. The walk uses an
//! explicit cursor over first-child/next-sibling links, never recursion, so
//! any depth is safe; subtrees that never hold article text (scripts,
//! styles, forms controls, hidden elements) are not entered at all.

use rustc_hash::FxHashMap;

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

use super::classes::{classify, ClassInfo};

/// Attribute lookup by name, as [`Element::attr`] answers it.
///
/// Speed: scraper's `attr` builds an interned atom from the name and
/// binary-searches attributes compared as qualified names (string
/// comparisons of the atoms), which showed up in profiles; elements have a
/// handful of attributes, so a linear scan comparing local names is
/// cheaper. Same answer: an attribute without namespace or prefix, and
/// html5ever never keeps two attributes of one name.
pub(crate) trait AttrStr {
    /// The value of attribute `name` (exact, lower-case name), if present.
    fn attr_str(&self, name: &str) -> Option<&str>;
}

impl AttrStr for Element {
    #[inline]
    fn attr_str(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(q, _)| q.prefix.is_none() && q.ns.is_empty() && &*q.local == name)
            .map(|(_, v)| &**v)
    }
}

/// Index meaning "no element".
pub(crate) const NONE: u32 = u32::MAX;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Paragraph or any other run of text.
    Para,
    /// `h1`…`h6`.
    Heading(u8),
    /// List item, definition term or description.
    Item,
    /// `pre`.
    Pre,
    /// A table row (cells separated by " | ").
    Row,
    /// `figcaption` / `caption`.
    Caption,
}

/// One element of the page.
#[derive(Debug, Clone)]
pub(crate) struct Elem {
    /// Parent element, or [`NONE`].
    pub parent: u32,
    /// Lower-case local name (interned by html5ever, so cheap to compare).
    pub tag: Tag,
    /// Class/id verdict (tag and role hints folded in).
    pub class: ClassInfo,
    /// Characters of text in the subtree (whitespace not counted).
    pub chars: u32,
    /// Of which inside links.
    pub link_chars: u32,
    /// Paragraph-like blocks of at least 25 characters in the subtree.
    pub paras: u32,
    /// Commas in the subtree.
    pub commas: u32,
    /// List items and table rows in the subtree.
    pub items: u32,
    /// Of which items that carry a sentence of their own beside their links
    /// (see [`is_text_item`]).
    pub text_items: u32,
    /// First and one-past-last block index in the subtree.
    pub blocks: (u32, u32),
    /// One past the index of the last element of the subtree.
    pub end: u32,
    /// Inside a `blockquote` or `q` (the element included).
    pub quote: bool,
    /// The subtree (this element excluded) holds a `main` element or an
    /// element whose class/role/itemprop marks the article body.
    pub has_content: bool,
    /// An `img` is one of the element's children (a picture box, whose
    /// text is then the picture's caption).
    pub image: bool,
    /// The element is an `img`.
    pub picture: bool,
}

/// The tags the extractor tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Tag {
    /// `article`
    Article,
    /// `main`
    Main,
    /// `div`, `section`, `center`…
    Div,
    /// `p`
    P,
    /// `td`/`th`/`pre`/`blockquote` (Readability's +3 group).
    CellLike,
    /// lists and list items, `form`, `address` (Readability's −3 group).
    ListLike,
    /// Headings and `th`.
    HeadingLike,
    /// `header`, `footer`, `nav`, `aside`.
    Boiler,
    /// `body`/`html`.
    Body,
    /// Anything else.
    Other,
}

/// A piece of block text.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Piece<'a> {
    /// A DOM text node.
    Text(&'a str),
    /// `<br>`: a line break.
    Break,
    /// Start of a table cell after another cell.
    Cell,
    /// A space between two elements laid out apart (see
    /// [`laid_out_apart`]): shown as one space unless whitespace or a
    /// closing punctuation mark is there anyway.
    Space,
}

/// One block of text.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The block-level element that owns the text.
    pub elem: u32,
    /// What kind of block.
    pub kind: Kind,
    /// The list or table the item/row belongs to (or [`NONE`]).
    pub group: u32,
    /// Pieces, as a range into [`Flat::pieces`].
    pub pieces: (u32, u32),
    /// Characters, whitespace excluded.
    pub chars: u32,
    /// Characters inside links.
    pub link_chars: u32,
    /// Commas.
    pub commas: u32,
    /// Sentence-ending punctuation marks.
    pub stops: u32,
    /// Words before the first link text.
    pub lead_words: u32,
    /// The last text is outside links and ends a sentence ("… was
    /// <a>re-opened this year</a>.").
    pub ends_with_stop: bool,
    /// Inside a byline/date/metadata element (`time`, `address`, class
    /// byline…).
    pub meta_line: bool,
    /// Inside a `blockquote`.
    pub quote: bool,
    /// Inside a `figure` (captions, credits, gallery controls).
    pub figure: bool,
    /// Inside an element marked as the article's lead/standfirst.
    pub lead: bool,
}

/// The flattened page.
#[derive(Debug, Default)]
pub(crate) struct Flat<'a> {
    /// Elements in document order.
    pub elems: Vec<Elem>,
    /// Blocks in document order.
    pub blocks: Vec<Block>,
    /// All pieces.
    pub pieces: Vec<Piece<'a>>,
}

enum Role {
    /// Never holds article text: not entered.
    Skip,
    /// Starts a block of this kind.
    Block(Kind),
    /// A table cell.
    Cell,
    /// A line break.
    Break,
    /// Inline (links counted separately).
    Inline,
}

fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object" | "embed" | "canvas"
        | "select" | "option" | "optgroup" | "button" | "input" | "textarea" | "head" | "title" | "meta" | "link"
        | "video" | "audio" | "source" | "track" | "map" | "dialog" | "label" | "frameset" | "frame" | "datalist"
        | "output" | "progress" | "meter" | "base" | "param" => Role::Skip,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside" | "blockquote"
        | "address" | "center" | "details" | "summary" | "dl" | "ul" | "ol" | "menu" | "dir" | "figure" | "form"
        | "fieldset" | "legend" | "hgroup" | "table" | "tbody" | "thead" | "tfoot" | "body" | "html" | "hr"
        | "noframes" => Role::Block(Kind::Para),
        // A `picture` holds `source`s and an `img` (no text), but templates
        // put the picture's caption box inside it too: its text is kept.
        "picture" => Role::Block(Kind::Para),
        "h1" => Role::Block(Kind::Heading(1)),
        "h2" => Role::Block(Kind::Heading(2)),
        "h3" => Role::Block(Kind::Heading(3)),
        "h4" => Role::Block(Kind::Heading(4)),
        "h5" => Role::Block(Kind::Heading(5)),
        "h6" => Role::Block(Kind::Heading(6)),
        "li" | "dt" | "dd" => Role::Block(Kind::Item),
        "pre" => Role::Block(Kind::Pre),
        "tr" => Role::Block(Kind::Row),
        "figcaption" | "caption" => Role::Block(Kind::Caption),
        "td" | "th" => Role::Cell,
        "br" => Role::Break,
        _ => Role::Inline,
    }
}

fn tag_of(name: &str) -> Tag {
    match name {
        "article" => Tag::Article,
        "main" => Tag::Main,
        "div" | "section" | "center" => Tag::Div,
        "p" => Tag::P,
        "td" | "pre" | "blockquote" => Tag::CellLike,
        "ul" | "ol" | "li" | "dl" | "dd" | "dt" | "form" | "address" => Tag::ListLike,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => Tag::HeadingLike,
        "header" | "footer" | "nav" | "aside" => Tag::Boiler,
        "body" | "html" => Tag::Body,
        _ => Tag::Other,
    }
}

/// True when the element is hidden by attribute or inline style.
/// Whether the `<noscript>` `node` renders the client-side template
/// just before it (`<script type="text/template">` holding the post,
/// then the same post as markup for readers without scripts, as blog
/// templates do): its content is the page's text, not a notice.
fn renders_template(node: NodeRef<'_, Node>) -> bool {
    let Some(prev) = node.prev_siblings().find(|n| !matches!(n.value(), Node::Text(t) if t.trim().is_empty()) && !n.value().is_comment()) else {
        return false;
    };
    let Node::Element(e) = prev.value() else { return false };
    e.name() == "script" && e.attr_str("type").is_some_and(|t| t.to_ascii_lowercase().contains("template"))
}

fn hidden(el: &Element) -> bool {
    if el.attr_str("hidden").is_some() {
        return true;
    }
    if let Some(style) = el.attr_str("style").filter(|s| s.contains("none") || s.contains("hidden")) {
        let compact: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
        if compact.contains("display:none") || compact.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Verdicts already given on a page, by lower-cased "class id " string.
#[derive(Default)]
struct ClassCache {
    seen: FxHashMap<String, ClassInfo>,
    key: String,
}

/// Class, id, role and itemprop, lower-cased, judged together with the tag.
fn class_info(el: &Element, tag: Tag, cache: &mut ClassCache) -> ClassInfo {
    if el.attrs.is_empty() {
        let mut info = ClassInfo::default();
        if tag == Tag::Boiler {
            info.boiler = true;
            info.strong = true;
        }
        return info;
    }
    // The key is built in a buffer kept across elements (no allocation on
    // a cache hit).
    let s = &mut cache.key;
    s.clear();
    // A heading's id is an anchor made from its words for a table of
    // contents ("nav_nur_die_folie", "toc-results"), not a template part.
    let keys: &[&str] = if tag == Tag::HeadingLike { &["class"] } else { &["class", "id"] };
    for &key in keys {
        if let Some(v) = el.attr_str(key) {
            s.push_str(v);
            s.push(' ');
        }
    }
    s.make_ascii_lowercase();
    let mut info = match cache.seen.get(s.as_str()) {
        Some(i) => *i,
        None => {
            let mut i = classify(s.trim_end());
            if let Some(c) = el.attr_str("class").filter(|c| !c.trim().is_empty()) {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                c.trim().to_ascii_lowercase().hash(&mut h);
                i.class_hash = h.finish() | 1;
            }
            if cache.seen.len() < 4096 {
                cache.seen.insert(s.clone(), i);
            }
            i
        }
    };
    if let Some(role) = el.attr_str("role") {
        match role.trim().to_ascii_lowercase().as_str() {
            "navigation" | "complementary" | "contentinfo" | "banner" | "menu" | "menubar" | "search" | "dialog"
            | "alert" | "alertdialog" | "toolbar" => {
                info.boiler = true;
                info.strong = true;
            }
            "main" | "article" => {
                info.weight += 25;
                info.content_hint = true;
                info.boiler = false;
                info.strong = false;
            }
            _ => {}
        }
    }
    if let Some(prop) = el.attr_str("itemprop") {
        let p = prop.to_ascii_lowercase();
        if p.contains("articlebody") || p.contains("text") && !p.contains("headline") {
            info.weight += 50;
            info.content_hint = true;
            info.boiler = false;
            info.strong = false;
        } else if p.contains("author") || p.contains("date") || p.contains("publisher") {
            info.meta_line = true;
        } else if p.split_whitespace().any(|t| t == "description") && matches!(tag, Tag::Div | Tag::P) && !info.strong {
            // The article's description, shown as its standfirst (a
            // "teaser-text" block before the `articleBody`): a lead, not a
            // teaser for another page.
            info.lead = true;
            info.boiler = false;
        }
    }
    if tag == Tag::Boiler {
        info.boiler = true;
        info.strong = true;
    }
    info
}

struct Current<'a> {
    pieces_start: usize,
    chars: u32,
    link_chars: u32,
    words: u32,
    commas: u32,
    stops: u32,
    lead_words: u32,
    ends_with_stop: bool,
    has_cell: bool,
    _p: std::marker::PhantomData<&'a ()>,
}

impl Current<'_> {
    fn new(pieces_start: usize) -> Self {
        Current {
            pieces_start,
            chars: 0,
            link_chars: 0,
            words: 0,
            commas: 0,
            stops: 0,
            lead_words: 0,
            ends_with_stop: false,
            has_cell: false,
            _p: std::marker::PhantomData,
        }
    }
}

/// Per-open-block-element state on the walk's stack.
struct Open {
    elem: u32,
    kind: Kind,
}

/// Flattens the subtree of `root` (normally the document root).
pub(crate) fn flatten<'a>(root: NodeRef<'a, Node>) -> Flat<'a> {
    let mut flat = Flat::default();
    // Pages repeat the same class/id strings many times: judge each once.
    let mut class_cache = ClassCache::default();
    // Element stack (indices into flat.elems) mirroring the walk.
    let mut elem_stack: Vec<u32> = Vec::new();
    // Which entries of elem_stack opened a block.
    let mut block_stack: Vec<Open> = Vec::new();
    let mut cur = Current::new(0);
    let mut link_depth = 0u32;
    let mut boiler_depth = 0u32;
    let mut meta_depth = 0u32;
    let mut quote_depth = 0u32;
    let mut figure_depth = 0u32;
    let mut lead_depth = 0u32;
    // Group (list/table) stack for items and rows.
    let mut group_stack: Vec<u32> = Vec::new();

    let mut node = root;
    'walk: loop {
        // ---- open `node`; decide whether to descend.
        let mut descend = false;
        match node.value() {
            Node::Document | Node::Fragment => descend = true,
            Node::Text(t) => {
                let text: &'a str = t;
                add_text(&mut flat, &mut cur, text, link_depth > 0);
            }
            Node::Element(el) => {
                let name = el.name();
                let r = if name == "noscript" && renders_template(node) { Role::Block(Kind::Para) } else { role(name) };
                let skipped = matches!(r, Role::Skip)
                    || hidden(el)
                    || matches!(r, Role::Inline)
                        && (inline_pointer(node)
                            || inline_popup(node, el)
                            || inline_credit(node, el, figure_depth > 0 || block_stack.last().is_some_and(|o| o.kind == Kind::Caption)));
                if !skipped {
                    descend = true;
                    let in_paragraph = block_stack.last().and_then(|o| flat.elems.get(o.elem as usize)).is_some_and(|e| e.tag == Tag::P);
                    if matches!(r, Role::Inline) && cur.chars > 0 && laid_out_apart(node, &flat.pieces, in_paragraph) {
                        flat.pieces.push(Piece::Space);
                    }
                    let tag = tag_of(name);
                    let mut class = class_info(el, tag, &mut class_cache);
                    if matches!(name, "time" | "address") {
                        class.meta_line = true;
                    }
                    let parent = elem_stack.last().copied().unwrap_or(NONE);
                    let idx = flat.elems.len() as u32;
                    let first_block = flat.blocks.len() as u32;
                    flat.elems.push(Elem {
                        parent,
                        tag,
                        class,
                        chars: 0,
                        link_chars: 0,
                        paras: 0,
                        commas: 0,
                        items: 0,
                        text_items: 0,
                        blocks: (first_block, first_block),
                        end: idx + 1,
                        quote: quote_depth > 0 || matches!(name, "blockquote" | "q"),
                        has_content: false,
                        image: false,
                        picture: name == "img",
                    });
                    if name == "img" {
                        if let Some(p) = flat.elems.get_mut(parent as usize) {
                            p.image = true;
                        }
                    }
                    elem_stack.push(idx);
                    if class.boiler {
                        boiler_depth += 1;
                    }
                    if class.lead {
                        lead_depth += 1;
                    }
                    if class.meta_line {
                        meta_depth += 1;
                    }
                    match name {
                        "a" => link_depth += 1,
                        "blockquote" | "q" => quote_depth += 1,
                        "figure" => figure_depth += 1,
                        "ul" | "ol" | "dl" | "table" | "menu" | "dir" => group_stack.push(idx),
                        _ => {}
                    }
                    match r {
                        Role::Block(kind) => {
                            flush(&mut flat, &mut cur, &block_stack, &group_stack, &Depths::new(meta_depth, quote_depth, figure_depth, lead_depth));
                            block_stack.push(Open { elem: idx, kind });
                        }
                        Role::Cell => {
                            if cur.chars > 0 {
                                flat.pieces.push(Piece::Cell);
                                cur.has_cell = true;
                            }
                        }
                        Role::Break => flat.pieces.push(Piece::Break),
                        Role::Inline | Role::Skip => {}
                    }
                    let nb = flat.blocks.len() as u32;
                    if let Some(e) = flat.elems.get_mut(idx as usize) {
                        e.blocks = (nb, nb);
                    }
                }
            }
            _ => {}
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue 'walk;
            }
        }
        // ---- close `node` (if it was entered) and climb.
        loop {
            if descend {
                close(&mut flat, &mut cur, node, &mut elem_stack, &mut block_stack, &mut group_stack, &mut Counters {
                    link: &mut link_depth,
                    boiler: &mut boiler_depth,
                    meta: &mut meta_depth,
                    quote: &mut quote_depth,
                    figure: &mut figure_depth,
                    lead: &mut lead_depth,
                });
            }
            if node == root {
                break 'walk;
            }
            // html5ever's adoption agency moves nodes between parents;
            // ego_tree can leave a moved node's old sibling link in place,
            // so a sibling is only followed when it shares the parent (or
            // the walk would leave an element without closing it).
            if let Some(sib) = node.next_sibling().filter(|s| s.parent() == node.parent()) {
                node = sib;
                continue 'walk;
            }
            match node.parent() {
                Some(p) => {
                    node = p;
                    // A parent was necessarily entered (we only reach
                    // children of entered nodes).
                    descend = true;
                }
                None => break 'walk,
            }
        }
    }
    let depths = Depths::new(0, 0, 0, 0);
    flush(&mut flat, &mut cur, &block_stack, &group_stack, &depths);
    keep_meta_lines_small(&mut flat);
    flat
}

/// True for an inline element inside running text that points to another
/// article: short (at most [`POINTER_CHARS`] characters), opening with a
/// furniture phrase ("À LIRE AUSSI", "Read more") and mostly a link
/// ("À LIRE AUSSI <a>Antisémitisme : retour au Moyen Âge</a>" inside a
/// paragraph). Its text is left out of the paragraph. Only elements whose
/// first text is short and that hold a link are read.
fn inline_pointer(node: NodeRef<'_, Node>) -> bool {
    // Speed: without a link inside (most inline elements, links
    // themselves included) no text counts as linked and the answer is no;
    // found without reading any text. Only the nodes the walk below may
    // read are looked at (past them it answers no anyway).
    let has_link = node
        .descendants()
        .skip(1)
        .take(POINTER_NODES)
        .any(|n| matches!(n.value(), Node::Element(e) if e.name() == "a"));
    if !has_link {
        return false;
    }
    let first_text = node.descendants().take(POINTER_NODES).find_map(|n| match n.value() {
        Node::Text(t) if !t.trim().is_empty() => Some(t.trim()),
        _ => None,
    });
    if !first_text.is_some_and(|t| t.chars().count() <= 40 && t.chars().next().is_some_and(char::is_alphabetic)) {
        return false;
    }
    let (mut text, mut link_chars) = (String::new(), 0usize);
    let mut nodes = 0usize;
    for n in node.descendants() {
        nodes += 1;
        if nodes > POINTER_NODES {
            return false;
        }
        if let Node::Text(t) = n.value() {
            let in_link = n.ancestors().take_while(|a| *a != node).any(|a| matches!(a.value(), Node::Element(e) if e.name() == "a"));
            let count = t.chars().filter(|c| !c.is_whitespace()).count();
            if in_link {
                link_chars += count;
            }
            text.push_str(t);
            text.push(' ');
            if text.len() > POINTER_CHARS * 4 {
                return false;
            }
        }
    }
    let chars = text.chars().filter(|c| !c.is_whitespace()).count();
    link_chars > 0 && chars <= POINTER_CHARS && link_chars * 2 >= chars && super::boilerplate::opens_with_furniture(&text)
}

/// Whether the inline element `node` is laid out apart from the element
/// just before it: both are elements of a parent that holds no text of its
/// own, and they are links to two pages or, outside a paragraph, both
/// styled by a class (a row of labels, tags or links:
/// `<div><span class="label">Dossier</span><span class="tag">Gaza</span></div>`,
/// which a style sheet spaces or stacks), and the text written so far ends
/// glued, with a word of at least two characters. Text between elements
/// (`<p>the <b>word</b><i>s</i></p>`) is running text, left as written.
/// At most [`APART_SIBLINGS`] children of the parent are read.
fn laid_out_apart(node: NodeRef<'_, Node>, pieces: &[Piece<'_>], in_paragraph: bool) -> bool {
    let Some(Piece::Text(last)) = pieces.last() else { return false };
    let word = last.rsplit(|c: char| dossier_text::normalize::is_space(c)).next().unwrap_or("");
    // A one-letter drop cap, a number before its unit ("31" "g"), a
    // script written without spaces: glued as written.
    if word.chars().nth(1).is_none() || word.chars().next_back().is_some_and(|c| c.is_ascii_digit() || unspaced_script(c)) {
        return false;
    }
    let parent = node.parent();
    let Some(prev) = node.prev_sibling().filter(|p| p.parent() == parent) else { return false };
    let (Node::Element(pe), Node::Element(ne)) = (prev.value(), node.value()) else { return false };
    // Two links to different pages (tags, a breadcrumb, a menu) are two
    // items; elements styled apart (both with a class) outside a paragraph
    // are a row of labels. Unstyled spans side by side, and styled ones in
    // a paragraph, are often one text cut by an editor ("industri" "els"):
    // left as written.
    let links = pe.name() == "a" && ne.name() == "a" && pe.attr_str("href").is_some() && ne.attr_str("href").is_some() && pe.attr_str("href") != ne.attr_str("href");
    let styled = !in_paragraph && pe.attr_str("class").is_some() && ne.attr_str("class").is_some();
    if !(links || styled) {
        return false;
    }
    // Code is written as is (highlighted tokens are spans side by side).
    let in_code = node.ancestors().take(CODE_ANCESTORS).any(|a| {
        matches!(a.value(), Node::Element(e) if matches!(e.name(), "pre" | "code" | "kbd" | "samp" | "tt"))
    });
    if in_code {
        return false;
    }
    let Some(parent) = parent else { return false };
    let mut n = 0;
    for child in parent.children() {
        n += 1;
        if n > APART_SIBLINGS {
            return false;
        }
        if let Node::Text(t) = child.value() {
            if !t.chars().all(dossier_text::normalize::is_space) {
                return false;
            }
        }
    }
    true
}

/// Most children of a parent read by [`laid_out_apart`].
const APART_SIBLINGS: usize = 64;
/// Ancestors looked at for code by [`laid_out_apart`].
const CODE_ANCESTORS: usize = 8;

/// A character of a script written without spaces between words (Chinese,
/// Japanese, Thai…) or a full-width form: no space is put beside it.
pub(crate) fn unspaced_script(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}' | '\u{2E80}'..='\u{A4CF}' | '\u{F900}'..='\u{FAFF}' | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FFEF}')
}

/// A card that pops up over the text (a person's "rollover" with links to
/// their other stories, a hover card, a popover menu): an inline element
/// whose class or id names a popup and whose text is mostly links. Such a
/// card is hidden by the page's stylesheet, which is not read, so its
/// words are left out of the paragraph. A tooltip's plain definition (no
/// links) stays.
fn inline_popup(node: NodeRef<'_, Node>, el: &scraper::node::Element) -> bool {
    fn names_popup(e: &scraper::node::Element) -> bool {
        let named = |s: &str| {
            let s = s.to_ascii_lowercase();
            ["tooltip", "popover", "popup", "rollover", "hovercard", "hover-card"].iter().any(|t| s.contains(t))
        };
        e.attr_str("class").is_some_and(named) || e.attr_str("id").is_some_and(named)
    }
    if !names_popup(el) {
        return false;
    }
    let (mut chars, mut link_chars, mut links) = (0usize, 0usize, 0usize);
    for (k, n) in node.descendants().enumerate() {
        if k > POINTER_NODES {
            return false;
        }
        match n.value() {
            // The card is the innermost element named so (the outer one
            // also holds the linked name the sentence needs).
            Node::Element(e) if k > 0 && names_popup(e) => return false,
            Node::Element(e) if e.name() == "a" => links += 1,
            Node::Text(t) => {
                let count = t.chars().filter(|c| !c.is_whitespace()).count();
                chars += count;
                if n.ancestors().take_while(|a| *a != node).any(|a| matches!(a.value(), Node::Element(e) if e.name() == "a")) {
                    link_chars += count;
                }
            }
            _ => {}
        }
    }
    links >= 2 && link_chars * 2 > chars
}

/// A photo credit set apart in its own inline element (`<span
/// class="credits">DCV / Oppitz</span>`, `<em class="copyright">© …</em>`,
/// in a caption `<span class="picture__source">© Agency</span>`): it names
/// who took the picture, not what it shows, so its words are left out of
/// the caption or paragraph. Only short elements are read so.
fn inline_credit(node: NodeRef<'_, Node>, el: &scraper::node::Element, in_caption: bool) -> bool {
    let named = |s: &str| {
        let s = s.to_ascii_lowercase();
        CREDIT_CLASSES.iter().any(|t| s.contains(t)) || in_caption && s.contains("source")
    };
    if !(el.attr_str("class").is_some_and(named) || el.attr_str("id").is_some_and(named)) {
        return false;
    }
    let mut chars = 0usize;
    for (k, n) in node.descendants().enumerate() {
        if k > POINTER_NODES {
            return false;
        }
        if let Node::Text(t) = n.value() {
            chars += t.chars().filter(|c| !c.is_whitespace()).count();
            if chars > CREDIT_CHARS {
                return false;
            }
        }
    }
    true
}

/// Class or id fragments naming a photo credit.
const CREDIT_CLASSES: [&str; 6] = ["credit", "copyright", "photographer", "bildnachweis", "fotonachweis", "bildquelle"];
/// Most characters of an inline credit.
const CREDIT_CHARS: usize = 120;

/// Fewest words of a closing link read as the end of the sentence.
const LINKED_CLAUSE_WORDS: u32 = 5;

/// Most characters of an inline pointer to another article.
const POINTER_CHARS: usize = 200;
/// Most nodes looked at in an inline element to judge it (bounds the cost
/// on deeply nested markup).
const POINTER_NODES: usize = 64;

/// A metadata class on a large element does not make its text a byline or
/// date line: blog templates put `date-outer` or `author-NAME` on the
/// wrapper of whole posts. A block stays a metadata line only when some
/// element with such a class (or `time`, `address`) around it is small:
/// fewer than three paragraphs and 600 characters.
fn keep_meta_lines_small(flat: &mut Flat<'_>) {
    let mut small = vec![false; flat.elems.len()];
    for (i, e) in flat.elems.iter().enumerate() {
        let own = e.class.meta_line && e.paras < 3 && e.chars < 600;
        // Elements come in document order: a parent before its children.
        let inherited = small.get(e.parent as usize).copied().unwrap_or(false);
        small[i] = own || inherited;
    }
    for b in &mut flat.blocks {
        if b.meta_line {
            b.meta_line = small.get(b.elem as usize).copied().unwrap_or(true);
        }
    }
}

struct Depths {
    meta: bool,
    quote: bool,
    figure: bool,
    lead: bool,
}

impl Depths {
    fn new(meta: u32, quote: u32, figure: u32, lead: u32) -> Self {
        Depths { meta: meta > 0, quote: quote > 0, figure: figure > 0, lead: lead > 0 }
    }
}

struct Counters<'c> {
    link: &'c mut u32,
    boiler: &'c mut u32,
    meta: &'c mut u32,
    quote: &'c mut u32,
    figure: &'c mut u32,
    lead: &'c mut u32,
}

#[allow(clippy::too_many_arguments)]
fn close<'a>(
    flat: &mut Flat<'a>,
    cur: &mut Current<'a>,
    node: NodeRef<'a, Node>,
    elem_stack: &mut Vec<u32>,
    block_stack: &mut Vec<Open>,
    group_stack: &mut Vec<u32>,
    c: &mut Counters<'_>,
) {
    let Node::Element(el) = node.value() else {
        return;
    };
    let Some(idx) = elem_stack.pop() else {
        return;
    };
    let name = el.name();
    let is_block = block_stack.last().is_some_and(|o| o.elem == idx);
    if is_block {
        let d = Depths::new(*c.meta, *c.quote, *c.figure, *c.lead);
        flush(flat, cur, block_stack, group_stack, &d);
        block_stack.pop();
    }
    let (class, parent) = match flat.elems.get(idx as usize) {
        Some(e) => (e.class, e.parent),
        None => return,
    };
    if class.boiler {
        *c.boiler = c.boiler.saturating_sub(1);
    }
    if class.lead {
        *c.lead = c.lead.saturating_sub(1);
    }
    if class.meta_line {
        *c.meta = c.meta.saturating_sub(1);
    }
    match name {
        "a" => *c.link = c.link.saturating_sub(1),
        "blockquote" | "q" => *c.quote = c.quote.saturating_sub(1),
        "figure" => *c.figure = c.figure.saturating_sub(1),
        "ul" | "ol" | "dl" | "table" | "menu" | "dir"
            if group_stack.last() == Some(&idx) => {
                group_stack.pop();
            }
        _ => {}
    }
    // Fold the subtree's totals into the parent.
    let nblocks = flat.blocks.len() as u32;
    let nelems = flat.elems.len() as u32;
    let (chars, links, paras, commas, items, text_items, content) = match flat.elems.get_mut(idx as usize) {
        Some(e) => {
            e.blocks.1 = nblocks;
            e.end = nelems;
            let own = e.tag == Tag::Main || (e.class.content_hint && !e.class.strong);
            (e.chars, e.link_chars, e.paras, e.commas, e.items, e.text_items, e.has_content || own)
        }
        None => return,
    };
    if let Some(p) = flat.elems.get_mut(parent as usize) {
        p.has_content |= content;
        p.chars += chars;
        p.link_chars += links;
        p.paras += paras;
        p.commas += commas;
        p.items += items;
        p.text_items += text_items;
    }
}

fn add_text<'a>(flat: &mut Flat<'a>, cur: &mut Current<'a>, text: &'a str, link: bool) {
    let mut chars = 0u32;
    let mut words = 0u32;
    let mut commas = 0u32;
    let mut stops = 0u32;
    let mut in_word = false;
    for ch in text.chars() {
        if dossier_text::normalize::is_space(ch) {
            in_word = false;
            continue;
        }
        chars += 1;
        if ch.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
            match ch {
                ',' | '،' | '，' | '、' => commas += 1,
                '.' | '!' | '?' | '。' | '！' | '？' | ';' => stops += 1,
                _ => {}
            }
        }
    }
    if chars == 0 {
        // Whitespace only: keep it as a separator between inline pieces.
        if cur.chars > 0 {
            flat.pieces.push(Piece::Text(text));
        }
        return;
    }
    flat.pieces.push(Piece::Text(text));
    if !link && cur.link_chars == 0 {
        cur.lead_words += words;
    }
    // A sentence may also end inside its closing link when the link goes
    // on with a sentence begun before it and is a clause of its own ("…
    // Wiese, <a>who had held the post for eight months.</a>"), unlike a
    // call to action after a sentence ("Now digital! <a>Click here to
    // register!</a>").
    cur.ends_with_stop = ends_sentence(text) && (!link || words >= LINKED_CLAUSE_WORDS && !cur.ends_with_stop);
    cur.chars += chars;
    cur.words += words;
    cur.commas += commas;
    cur.stops += stops;
    if link {
        cur.link_chars += chars;
    }
}

/// True when `text` ends with a sentence end, closing quotes or brackets
/// aside ("… embassy.", "… « fin ».", "…)?").
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '»' | '”' | '’' | ')' | ']'))
        .ends_with(['.', '!', '?', '。', '！', '？', '…'])
}

/// A list item or row that says something beyond its links: at least 40
/// characters outside links and a sentence end ("<a>Headline</a>. What
/// happened, in a sentence."). Menus and lists of related links have
/// items made of the link alone, or of a link and a date.
pub(crate) fn is_text_item(chars: u32, link_chars: u32, stops: u32) -> bool {
    chars.saturating_sub(link_chars) >= 40 && stops > 0
}

/// Ends the current block (if it holds text) and starts a new one.
fn flush(flat: &mut Flat<'_>, cur: &mut Current<'_>, block_stack: &[Open], group_stack: &[u32], d: &Depths) {
    let end = flat.pieces.len();
    if cur.chars > 0 {
        let (elem, kind) = block_stack.last().map_or((NONE, Kind::Para), |o| (o.elem, o.kind));
        let kind = if cur.has_cell && kind == Kind::Para { Kind::Row } else { kind };
        let group = if matches!(kind, Kind::Item | Kind::Row) { group_stack.last().copied().unwrap_or(NONE) } else { NONE };
        flat.blocks.push(Block {
            elem,
            kind,
            group,
            pieces: (cur.pieces_start as u32, end as u32),
            chars: cur.chars,
            link_chars: cur.link_chars,
            commas: cur.commas,
            stops: cur.stops,
            lead_words: cur.lead_words,
            ends_with_stop: cur.ends_with_stop,
            meta_line: d.meta,
            quote: d.quote,
            figure: d.figure,
            lead: d.lead,
        });
        if let Some(e) = flat.elems.get_mut(elem as usize) {
            e.chars += cur.chars;
            e.link_chars += cur.link_chars;
            e.commas += cur.commas;
            if cur.chars >= 25 && matches!(kind, Kind::Para | Kind::Pre) {
                e.paras += 1;
            }
            if matches!(kind, Kind::Item | Kind::Row) {
                e.items += 1;
                if is_text_item(cur.chars, cur.link_chars, cur.stops) {
                    e.text_items += 1;
                }
            }
        }
    } else {
        // Drop separators collected for an empty block.
        flat.pieces.truncate(cur.pieces_start);
    }
    *cur = Current::new(flat.pieces.len());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(Kind, String)> {
        let doc = scraper::Html::parse_document(html);
        let flat = flatten(doc.tree.root());
        flat.blocks
            .iter()
            .map(|b| {
                let mut s = String::new();
                for p in &flat.pieces[b.pieces.0 as usize..b.pieces.1 as usize] {
                    match p {
                        Piece::Text(t) => s.push_str(t),
                        Piece::Break => s.push('\n'),
                        Piece::Cell => s.push('|'),
                        Piece::Space => s.push(' '),
                    }
                }
                (b.kind, s.split_whitespace().collect::<Vec<_>>().join(" "))
            })
            .collect()
    }

    #[test]
    fn splits_blocks_and_skips_scripts() {
        let b = blocks(
            "<body><div>Intro <b>bold</b><p>Para <a href=x>link</a>.</p>tail<script>x()</script>\
             <ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
             <h2>Head</h2><p style='display:none'>hidden</p></div></body>",
        );
        let texts: Vec<&str> = b.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(texts, vec!["Intro bold", "Para link.", "tail", "one", "two", "a|b", "Head"]);
        assert_eq!(b[3].0, Kind::Item);
        assert_eq!(b[5].0, Kind::Row);
        assert_eq!(b[6].0, Kind::Heading(2));
    }

    #[test]
    fn misnested_markup_is_walked_in_tree_order() {
        // The adoption agency moves the <p> and its children under new
        // parents; every element must still be closed inside its parent,
        // and the text after the misnested link is not link text.
        let html = "<body><div><a href=x>Menu<p>Item one</a> two</p>\
                    <b>bold<p>moved</b> tail</p></div>\
                    <div><p>The article paragraph, which is long enough and holds no link at all.</p></div></body>";
        let doc = scraper::Html::parse_document(html);
        let flat = flatten(doc.tree.root());
        for (i, e) in flat.elems.iter().enumerate() {
            if e.parent != NONE {
                let p = &flat.elems[e.parent as usize];
                assert!((e.parent as usize) < i && e.end <= p.end, "element {i} escapes its parent");
            }
        }
        let art = flat.blocks.iter().find(|b| b.chars > 40).expect("article block");
        assert_eq!(art.link_chars, 0);
    }
}
