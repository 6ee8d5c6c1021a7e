//! Rendering of article text and raw sources into (escaped) HTML.
//!
//! Everything that comes from a page goes through maud's `(…)` splices,
//! which escape `<`, `>`, `&`, `"` and `'`: page text can never become
//! markup, attributes or script. URLs built from page data are
//! percent-encoded query values on our own paths, never page-provided hrefs.

use dossier_document::Document;
use dossier_text::{OffsetMap, Span};
use maud::{html, Markup};

use crate::knowledge::Knowledge;

/// `/entity?id=…` for an entity id.
pub fn entity_href(id: &str) -> String {
    format!(
        "/entity?id={}",
        form_urlencoded::byte_serialize(id.as_bytes()).collect::<String>()
    )
}

/// The paragraphs of a document: its block layer when present and valid,
/// else its lines.
pub fn paragraphs(doc: &Document) -> Vec<Span> {
    let text = doc.text();
    if let Some(blocks) = &doc.layers.blocks {
        let mut ok: Vec<Span> = blocks
            .iter()
            .copied()
            .filter(|b| b.slice(text).is_some() && !b.is_empty())
            .collect();
        ok.sort_by_key(|b| b.start);
        let mut last_end = 0;
        ok.retain(|b| {
            let keep = b.start >= last_end;
            if keep {
                last_end = b.end;
            }
            keep
        });
        if !ok.is_empty() {
            return ok;
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' {
            if text[start..i].trim().is_empty() {
                start = i + 1;
                continue;
            }
            out.push(Span::new(start, i));
            start = i + 1;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push(Span::new(start, text.len()));
    }
    out
}

/// The valid, non-overlapping mentions of a document, in text order (on
/// overlap the earlier, then longer, one wins).
pub fn clean_mentions(doc: &Document) -> Vec<(Span, &str)> {
    let text = doc.text();
    let mut ms: Vec<(Span, &str)> = doc
        .layers
        .mentions
        .iter()
        .flatten()
        .filter(|m| !m.span.is_empty() && m.span.slice(text).is_some())
        .map(|m| (m.span, m.kind.as_str()))
        .collect();
    ms.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut last_end = 0;
    ms.retain(|(s, _)| {
        let keep = s.start >= last_end;
        if keep {
            last_end = s.end;
        }
        keep
    });
    ms
}

/// CSS class for a mention type (only known types; others are `m-other`).
pub fn kind_class(kind: &str) -> &'static str {
    match kind {
        "PER" => "m m-per",
        "ORG" => "m m-org",
        "LOC" => "m m-loc",
        "MISC" => "m m-misc",
        _ => "m m-other",
    }
}

/// A piece of a rendered paragraph.
enum Piece<'a> {
    Text(&'a str),
    /// An anchor `id="s{offset}"` at the start of a sentence.
    Anchor(usize),
    Mention {
        surface: &'a str,
        kind: &'a str,
        href: Option<String>,
    },
}

/// The article body: paragraphs with mentions marked by type and linked to
/// their entity. Linear in text length plus mentions; a mention crossing a
/// paragraph boundary is not marked.
pub fn article_body<'a>(doc: &'a Document, knowledge: &dyn Knowledge) -> Markup {
    let text = doc.text();
    let mentions = clean_mentions(doc);
    let mut starts: Vec<usize> = doc
        .layers
        .sentences
        .iter()
        .flatten()
        .map(|s| s.start)
        .collect();
    starts.sort_unstable();
    starts.dedup();
    let mut si = 0;
    // Pushes text[from..to], with sentence anchors at the sentence starts in it.
    let mut push_text = |pieces: &mut Vec<Piece<'a>>, from: usize, to: usize| {
        let mut at = from;
        while let Some(&st) = starts.get(si) {
            if st >= to {
                break;
            }
            si += 1;
            if st < at {
                continue;
            }
            if let Some(t) = text.get(at..st) {
                if !t.is_empty() {
                    pieces.push(Piece::Text(t));
                }
                pieces.push(Piece::Anchor(st));
                at = st;
            }
        }
        if let Some(t) = text.get(at..to) {
            if !t.is_empty() {
                pieces.push(Piece::Text(t));
            }
        }
    };
    let mut mi = 0;
    let mut paras: Vec<Vec<Piece>> = Vec::new();
    for p in paragraphs(doc) {
        let mut pieces = Vec::new();
        let mut at = p.start;
        while let Some(&(span, kind)) = mentions.get(mi) {
            if span.start >= p.end {
                break;
            }
            mi += 1;
            if span.start < at || span.end > p.end {
                continue;
            }
            if let Some(surface) = text.get(span.start..span.end) {
                push_text(&mut pieces, at, span.start);
                let href = knowledge
                    .entity_of_mention(&doc.id, span, kind, surface)
                    .map(|id| entity_href(&id));
                pieces.push(Piece::Mention {
                    surface,
                    kind,
                    href,
                });
                at = span.end;
            }
        }
        push_text(&mut pieces, at, p.end);
        paras.push(pieces);
    }
    html! {
        @for pieces in &paras {
            p {
                @for piece in pieces {
                    @match piece {
                        Piece::Text(t) => (t),
                        Piece::Anchor(at) => span.s id={ "s" (at) } {},
                        Piece::Mention { surface, kind, href: Some(h) } => {
                            mark class=(kind_class(kind)) title=(kind) { a href=(h) { (surface) } }
                        }
                        Piece::Mention { surface, kind, href: None } => {
                            mark class=(kind_class(kind)) title=(kind) { (surface) }
                        }
                    }
                }
            }
        }
    }
}

/// Raw byte ranges the clean text came from, sorted and merged, on char
/// boundaries of `raw`.
pub fn extracted_ranges(doc: &Document, raw: &str) -> Vec<(usize, usize)> {
    extracted_ranges_of(&paragraphs(doc), &doc.offsets, raw)
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

fn extracted_ranges_of(pieces: &[Span], map: &OffsetMap, raw: &str) -> Vec<(usize, usize)> {
    let mut ranges: Vec<(usize, usize)> = pieces
        .iter()
        .filter_map(|p| map.range_to_raw(p.start, p.end))
        .map(|(s, e)| (floor_boundary(raw, s), ceil_boundary(raw, e)))
        .filter(|(s, e)| s < e)
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
    for (s, e) in ranges {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    merged
}

/// The raw page as escaped text with the extracted ranges marked; the
/// first mark carries `id="extracted"` so the page can link to it.
pub fn raw_with_marks(raw: &str, ranges: &[(usize, usize)]) -> Markup {
    // (text, marked, first mark)
    let mut pieces: Vec<(&str, bool, bool)> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    let mut first = true;
    for &(s, e) in ranges {
        if s < at {
            continue;
        }
        if let (Some(before), Some(part)) = (raw.get(at..s), raw.get(s..e)) {
            pieces.push((before, false, false));
            pieces.push((part, true, first));
            first = false;
            at = e;
        }
    }
    pieces.push((raw.get(at..).unwrap_or(""), false, false));
    html! {
        pre.raw {
            @for (t, marked, first) in &pieces {
                @if *marked && *first {
                    mark.extracted id="extracted" { (t) }
                } @else if *marked {
                    mark.extracted { (t) }
                } @else {
                    (t)
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::Catalog;
    use dossier_document::Mention;
    use dossier_text::TextBuilder;

    #[test]
    fn body_escapes_and_marks() {
        let text = "Le <script>alert(1)</script> de Lavrov.\nSecond & last".to_string();
        let mut d = Document::from_parts("x".into(), "s".into(), text.clone());
        let at = text.find("Lavrov").unwrap();
        d.layers.mentions = Some(vec![
            Mention {
                span: Span::new(at, at + 6),
                kind: "PER".into(),
                score: 1.0,
            },
            Mention {
                span: Span::new(at, at + 3),
                kind: "PER".into(),
                score: 1.0,
            },
            Mention {
                span: Span::new(1, 999),
                kind: "PER".into(),
                score: 1.0,
            },
        ]);
        let c = Catalog::load([d.clone()]);
        let html = article_body(&d, &c).into_string();
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains(r#"<mark class="m m-per" title="PER"><a href="/entity?id=PER%3Alavrov">Lavrov</a></mark>"#), "{html}");
        assert!(html.contains("<p>Second &amp; last</p>"));
    }

    #[test]
    fn raw_marks_follow_offsets() {
        let raw = "<p>Hé <b>x</b></p><p>Two</p>";
        let mut b = TextBuilder::new();
        b.push_copied("Hé ", 3);
        b.push_copied("x", 10);
        b.push_rewritten("\n", 18, 0);
        b.push_copied("Two", 21);
        let (text, map) = b.finish();
        let mut d = Document::from_parts("x".into(), "s".into(), String::new());
        d = {
            let mut n = Document::for_page(&dossier_document::RawPage {
                source: "s".into(),
                url: None,
                fetched_at: None,
                kind: dossier_document::PageKind::Html,
                declared_charset: None,
                bytes: raw.as_bytes().to_vec(),
            });
            n.set_text(text, map).unwrap();
            let _ = &mut d;
            n
        };
        let ranges = extracted_ranges(&d, raw);
        assert_eq!(ranges, vec![(3, 11), (21, 24)]);
        let html = raw_with_marks(raw, &ranges).into_string();
        assert!(
            html.contains(
                r#"&lt;p&gt;<mark class="extracted" id="extracted">Hé &lt;b&gt;x</mark>"#
            ),
            "{html}"
        );
        // Ranges beyond the text are clamped, never panic.
        assert!(extracted_ranges_of(&[Span::new(0, 3)], &d.offsets, "ab")
            .iter()
            .all(|&(s, e)| e <= 2 && s < e));
    }

    proptest::proptest! {
        #[test]
        fn body_never_panics_nor_leaks_markup(
            text in "[a-z<>&\"' éï\\n]{0,80}",
            spans in proptest::collection::vec((0usize..90, 0usize..90), 0..12),
        ) {
            let mut d = Document::from_parts("x".into(), "s".into(), text);
            d.layers.mentions = Some(spans.iter().map(|&(a, b)| Mention {
                span: Span::new(a.min(b), a.max(b)), kind: "PER".into(), score: 1.0,
            }).collect());
            d.layers.sentences = Some(spans.iter().map(|&(a, _)| Span::new(a, a)).collect());
            let c = Catalog::load([d.clone()]);
            let html = article_body(&d, &c).into_string();
            let tags: Vec<&str> = html.split('<').skip(1).map(|t| t.split(['>', ' ']).next().unwrap_or("")).collect();
            for t in tags {
                proptest::prop_assert!(["p", "/p", "mark", "/mark", "a", "/a", "span", "/span"].contains(&t), "{}", t);
            }
            let ranges = extracted_ranges(&d, d.text());
            let _ = raw_with_marks(d.text(), &ranges);
        }
    }
}
