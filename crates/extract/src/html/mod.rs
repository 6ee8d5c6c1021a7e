//! Extraction from HTML pages: main content and metadata.
//!
//! The page is parsed once with html5ever (through `scraper`); then
//!
//! * [`dom`] flattens the DOM into elements and text blocks in one
//!   iterative pass (no recursion, any depth);
//! * [`content`] scores containers and blocks and selects the article
//!   (Readability-style container scoring, conditional pruning, jusText-like
//!   edge and fallback rules), with [`boilerplate`] naming furniture by its
//!   words;
//! * [`metadata`] reads title, authors, site, canonical URL and declared
//!   language; dates come from [`dossier_dates::html::find`];
//! * [`source`] leads every emitted character back to its byte offset in the
//!   input (scraper keeps no positions; see that module for the method).
//!
//! Output text: blocks separated by a blank line (consecutive items of one
//! list or rows of one table by a single newline), whitespace collapsed,
//! `<br>` as a newline, table cells separated by " | ".

mod boilerplate;
mod classes;
mod content;
mod dom;
mod ld_body;
mod metadata;
mod source;

use dossier_document::Diagnostic;
use dossier_text::normalize::is_space;
use dossier_text::TextBuilder;
use scraper::Html;

use crate::Extraction;
use dom::{Kind, Piece};

/// Extracts the article from an HTML page; `url` is the page URL if known.
/// Offsets in the result are byte offsets into `html`.
pub fn extract(html: &str, url: Option<&str>) -> Extraction {
    // Pathologically deep markup is flattened first, or html5ever's scope
    // checks make parsing quadratic; style sheets are not parsed.
    let prepared = source::parser_input(html, MAX_DEPTH);
    let doc = Html::parse_document(prepared.as_ref().map_or(html, |(s, _)| s.as_str()));
    let mut ex = extract_parsed(&doc, html, url);
    if prepared.is_some_and(|(_, deep)| deep) {
        ex.diagnostics.push(Diagnostic::warning(
            "html-deep-nesting",
            format!("markup nested deeper than {MAX_DEPTH} elements was flattened before parsing"),
        ));
    }
    ex
}

/// Deepest element nesting parsed as is (browsers cap layout depth at a
/// few hundred levels too).
const MAX_DEPTH: usize = 512;

/// Like [`extract`], for a page already parsed from `html` (the caller is
/// then responsible for the cost of parsing deeply nested markup).
pub fn extract_parsed(doc: &Html, html: &str, url: Option<&str>) -> Extraction {
    let mut diagnostics = Vec::new();
    let mut page = metadata::collect(doc, url);
    let mut meta = std::mem::take(&mut page.metadata);
    let dates = dossier_dates::html::find(html, url);
    meta.published = dates.published;
    meta.modified = dates.modified;

    let (flat, selection) = choose_blocks(doc, html, &page, &meta);
    let (mut text, mut offsets) = emit(&flat, &selection.blocks, html);
    let mut from_ld = false;

    // The markup holds much less than the article the page declares in its
    // JSON-LD (rendered by a script, or behind a wall): the declared body is
    // the article.
    if let Some(body) = page.ld_body.as_deref() {
        let ours = text.chars().filter(|c| !c.is_whitespace()).count();
        // The raw body (markup included) bounds its text: most pages stop here.
        let raw_chars = body.chars().filter(|c| !c.is_whitespace()).count();
        let candidate = (raw_chars > 500 && ours * 2 < raw_chars)
            .then(|| ld_body::body_text(html, body, &page.title_variants))
            .flatten();
        if let Some((ld_text, ld_offsets)) = candidate {
            let body_chars = ld_text.chars().filter(|c| !c.is_whitespace()).count();
            if body_chars > 500 && ours * 2 < body_chars {
                // The standfirst the markup shows above the article stays.
                let lead = content::described_lead_blocks(&flat, &selection.blocks, &page.descriptions, &ld_text);
                let (ld_text, ld_offsets) = if lead.is_empty() {
                    (ld_text, ld_offsets)
                } else {
                    let mut out = TextBuilder::new();
                    emit_into(&flat, &lead, html, &mut out);
                    ld_body::body_into(html, body, &page.title_variants, &mut out);
                    out.finish()
                };
                diagnostics.push(Diagnostic::info(
                    "html-content-json-ld",
                    format!("the page's markup held {ours} characters of text; its JSON-LD articleBody ({body_chars}) was taken instead"),
                ));
                text = ld_text;
                offsets = ld_offsets;
                from_ld = true;
            }
        }
    }

    if text.is_empty() {
        diagnostics.push(Diagnostic::warning("html-no-content", "no main content found in the HTML page"));
    } else if !from_ld && selection.method != "container" {
        diagnostics.push(Diagnostic::info(
            "html-content-fallback",
            format!("main content chosen by the {} method", selection.method),
        ));
    }
    Extraction { text, offsets, metadata: meta, diagnostics }
}

/// Flattens the page and chooses the article's blocks (selection, then
/// the rules that trim or extend it at its edges).
fn choose_blocks<'a>(doc: &'a Html, html: &str, page: &metadata::PageMeta, meta: &dossier_document::Metadata) -> (dom::Flat<'a>, content::Selection) {
    let authors: Vec<&str> = meta.authors.iter().map(|a| a.value.as_str()).collect();
    let authors = authors.as_slice();
    let mut flat = dom::flatten(doc.tree.root());
    content::trim_caption_credits(&mut flat);
    content::trim_closing_credit_lines(&mut flat);
    content::trim_opening_byline_lines(&mut flat);
    content::trim_php_diagnostics(&mut flat);
    let mut selection = content::select(&flat, &page.title_variants, &page.declared_titles);
    content::cut_at_comments(&flat, &mut selection.blocks);
    content::cut_at_closing_box(&flat, &mut selection.blocks);
    content::drop_trailing_teasers(&flat, &mut selection.blocks);
    content::drop_entry_headers(&flat, &mut selection.blocks);
    if let Some(body) = page.ld_body.as_deref() {
        if let Some((declared, _)) = ld_body::body_text(html, body, &[]) {
            content::restore_declared_paragraphs(&flat, &mut selection.blocks, &declared);
            content::end_at_declared_body(&flat, &mut selection.blocks, &declared);
            content::start_at_declared_body(&flat, &mut selection.blocks, &declared, &page.descriptions);
        }
    }
    content::drop_closing_author_bio(&flat, &mut selection.blocks, authors);
    content::drop_closing_bio(&flat, &mut selection.blocks);
    content::drop_closing_signature(&flat, &mut selection.blocks, authors);
    content::append_notes(&flat, &mut selection.blocks);
    content::drop_stranded_labels(&flat, &mut selection.blocks);
    content::drop_repeated_player_labels(&flat, &mut selection.blocks);
    content::prepend_described_lead(&flat, &mut selection.blocks, &page.descriptions);
    // The headline is known by the titles the page declares and the title
    // chosen (not by the first `h1` alone: a site logo is one).
    let mut titles = page.declared_titles.clone();
    titles.extend(meta.title.as_ref().map(|t| t.value.clone()));
    content::prepend_headline_standfirst(&flat, &mut selection.blocks, &titles);
    (flat, selection)
}

/// A developer's view of the page as the extractor sees it: one line per
/// text block (index, kept or not, kind, characters and link characters,
/// the chain of enclosing elements as tag and class weight, the text's
/// opening), for reading why a block was kept or left out. Not part of
/// the product (`cargo run -p dossier-extract --example html_blocks`).
#[doc(hidden)]
pub fn debug_blocks(html: &str, url: Option<&str>) -> String {
    use std::fmt::Write;
    let prepared = source::parser_input(html, MAX_DEPTH);
    let doc = Html::parse_document(prepared.as_ref().map_or(html, |(s, _)| s.as_str()));
    let page = metadata::collect(&doc, url);
    let (flat, selection) = choose_blocks(&doc, html, &page, &page.metadata);
    let kept: std::collections::HashSet<u32> = selection.blocks.iter().copied().collect();
    let mut out = format!("method {}\n", selection.method);
    for (i, b) in flat.blocks.iter().enumerate() {
        let mut chain = String::new();
        let mut at = b.elem;
        let mut n = 0;
        while at != dom::NONE && n < 8 {
            let Some(e) = flat.elems.get(at as usize) else { break };
            let _ = write!(chain, "{}{:?}{}{}{}{} ", at, e.tag, e.class.weight, if e.class.boiler { "B" } else { "" }, if e.class.content_hint { "H" } else { "" }, if e.image { "I" } else { "" });
            at = e.parent;
            n += 1;
        }
        let text = content::block_text(&flat, b);
        let _ = writeln!(
            out,
            "{} {:>5} {:?} c{} l{} s{}{}{}{}{} [{}] {}",
            if kept.contains(&(i as u32)) { "+" } else { "-" },
            i,
            b.kind,
            b.chars,
            b.link_chars,
            b.stops,
            if b.meta_line { " meta" } else { "" },
            if b.figure { " fig" } else { "" },
            if b.lead { " lead" } else { "" },
            if b.quote { " quote" } else { "" },
            chain.trim_end(),
            text
        );
    }
    out
}

/// Writes the selected blocks into a clean text with its offset map.
fn emit(flat: &dom::Flat<'_>, blocks: &[u32], html: &str) -> (String, dossier_text::OffsetMap) {
    let mut out = TextBuilder::new();
    emit_into(flat, blocks, html, &mut out);
    out.finish()
}

/// Like [`emit`], appending to `out` (trailing whitespace trimmed).
fn emit_into(flat: &dom::Flat<'_>, blocks: &[u32], html: &str, out: &mut TextBuilder) {
    let mut src = source::SourceText::scan(html);
    let mut prev: Option<&dom::Block> = None;
    // One buffer for the aligned characters of every text piece.
    let mut chars = Vec::new();
    for &bi in blocks {
        let Some(b) = flat.blocks.get(bi as usize) else { continue };
        let pieces = flat.pieces.get(b.pieces.0 as usize..b.pieces.1 as usize).unwrap_or(&[]);
        let mut w = BlockWriter { out, started: false, pending_space: None, sep: None, soft: false };
        w.sep = Some(match prev {
            None => "",
            Some(p) if p.group != dom::NONE && p.group == b.group && matches!(b.kind, Kind::Item | Kind::Row) => "\n",
            Some(_) => "\n\n",
        });
        for p in pieces {
            match *p {
                Piece::Text(t) => {
                    let found = src.locate(t);
                    match found {
                        Some(f) => {
                            chars.clear();
                            src.align(t, f, |i, r, l, exact| chars.push((i, r, l, exact)));
                            for &(i, r, l, exact) in &chars {
                                let c = t[i..].chars().next().unwrap_or(' ');
                                w.push_char(c, &t[i..i + c.len_utf8()], r, l, exact);
                            }
                        }
                        None => {
                            let r = src.cursor();
                            for (i, c) in t.char_indices() {
                                w.push_char(c, &t[i..i + c.len_utf8()], r, 0, false);
                            }
                        }
                    }
                }
                Piece::Break => w.line_break(src.cursor()),
                Piece::Cell => w.cell(src.cursor()),
                Piece::Space => w.soft_space(src.cursor()),
            }
        }
        if w.started {
            prev = Some(b);
        }
    }
    out.trim_end();
}

/// Writes one block: collapses whitespace, inserts the block separator
/// before the first character.
struct BlockWriter<'o> {
    out: &'o mut TextBuilder,
    started: bool,
    /// A collapsed whitespace run waiting for the next visible character:
    /// (text, raw position).
    pending_space: Option<(&'static str, usize)>,
    /// Separator to write before the block's first character.
    sep: Option<&'static str>,
    /// The pending space is a [`Piece::Space`], not whitespace of the page.
    soft: bool,
}

impl BlockWriter<'_> {
    fn push_char(&mut self, c: char, s: &str, raw: usize, raw_len: usize, exact: bool) {
        if dossier_text::normalize::is_invisible(c) {
            return;
        }
        if is_space(c) {
            if self.started && (self.pending_space.is_none() || self.soft) {
                self.pending_space = Some((" ", raw));
                self.soft = false;
            }
            return;
        }
        if std::mem::take(&mut self.soft)
            && (matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '»' | '”' | '’' | '"' | '-' | '…') || dom::unspaced_script(c))
        {
            self.pending_space = None;
        }
        if !self.started {
            if let Some(sep) = self.sep.take() {
                self.out.push_rewritten(sep, raw, 0);
            }
            self.started = true;
        } else if let Some((sp, r)) = self.pending_space.take() {
            self.out.push_rewritten(sp, r, 0);
        }
        if exact {
            self.out.push_copied(s, raw);
        } else {
            self.out.push_rewritten(s, raw, raw_len);
        }
    }

    fn line_break(&mut self, raw: usize) {
        if self.started {
            self.pending_space = Some(("\n", raw));
            self.soft = false;
        }
    }

    /// A space between elements laid out apart: written before the next
    /// character unless that closes a clause or quotation (",", ")", "»"…).
    fn soft_space(&mut self, raw: usize) {
        if self.started && self.pending_space.is_none() {
            self.pending_space = Some((" ", raw));
            self.soft = true;
        }
    }

    fn cell(&mut self, raw: usize) {
        if self.started {
            self.pending_space = Some((" | ", raw));
            self.soft = false;
        }
    }
}

#[cfg(test)]
mod tests;
