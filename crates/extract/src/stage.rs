//! The extraction and language-identification pipeline stages.

use dossier_document::{Diagnostic, Document, Evidenced, Layer, PageKind, RawPage, Stage, StageError};

/// Decodes the raw page and extracts clean text and metadata, choosing the
/// HTML or text-dump extractor by the page kind (and by sniffing, for text
/// that is really markup).
#[derive(Debug, Default, Clone, Copy)]
pub struct ExtractStage;

/// True when `text` starts like an HTML document.
fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start_matches('\u{feff}').trim_start().chars().take(512).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml") && head.contains("<html")
        || (head.starts_with('<') && (head.contains("<head") || head.contains("<body")))
}

impl Stage for ExtractStage {
    fn name(&self) -> &'static str {
        "extract"
    }
    fn version(&self) -> u32 {
        // 2: the extractors' rules changed since the first stored pages;
        // 3: the seventeenth session's HTML and text-dump rules; 4: the
        // eighteenth session's (picture credits, teaser boxes, labels that
        // introduce lists, author bylines). Bump again with any change of
        // output.
        4
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Raw]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Metadata]
    }
    fn run(&self, raw: &RawPage, doc: &mut Document) -> Result<(), StageError> {
        let decoded = dossier_ingest::decode(raw);
        doc.diagnostics.extend(decoded.diagnostics);
        let is_html = raw.kind == PageKind::Html || looks_like_html(&decoded.text);
        let extraction = if is_html {
            crate::html::extract(&decoded.text, raw.url.as_deref())
        } else {
            crate::text_dump::extract(&decoded.text)
        };
        let crate::Extraction { mut text, mut offsets, mut metadata, diagnostics } = extraction;
        // Accents stored decomposed are composed (NFC), the map kept.
        if let Some((t, o)) = dossier_text::compose(&text, &offsets) {
            (text, offsets) = (t, o);
        }
        if is_html && metadata.dateline.is_none() {
            // A wire-style dateline opening the first paragraph.
            let first = text.split("\n\n").next().unwrap_or("");
            metadata.dateline = crate::text_dump::dateline_of(first);
        }
        doc.metadata = metadata;
        doc.diagnostics.extend(diagnostics);
        if text.trim().is_empty() {
            doc.diagnostics.push(Diagnostic::warning("empty-text", "no article text was found on the page"));
        }
        doc.set_text(text, offsets)
            .map_err(|e| StageError { stage: "extract", diagnostic: Diagnostic::error("text-set", e.to_string()) })
    }
}

/// Identifies the language of the clean text (falling back to the title),
/// and notes when it disagrees with the language the page declares.
#[derive(Debug, Default, Clone, Copy)]
pub struct LanguageStage;

impl Stage for LanguageStage {
    fn name(&self) -> &'static str {
        "language"
    }
    fn version(&self) -> u32 {
        1
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Metadata]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Language]
    }
    fn run(&self, _raw: &RawPage, doc: &mut Document) -> Result<(), StageError> {
        let title = doc.metadata.title.as_ref().map(|t| t.value.clone()).unwrap_or_default();
        let sample: std::borrow::Cow<str> =
            if doc.text().len() >= 40 { doc.text().into() } else { format!("{title}\n{}", doc.text()).into() };
        let declared = doc.metadata.declared_language.clone();
        let declared_code = declared.as_deref().map(|d| d.split(['-', '_']).next().unwrap_or(d).to_ascii_lowercase());
        match dossier_lang::identify(&sample) {
            Some(id) => {
                let mut evidence = format!("{} {} confidence {:.2}", id.method.name(), id.code, id.confidence);
                let mut code = id.code.to_string();
                if let Some(dc) = declared_code.as_deref() {
                    if dc != id.code {
                        if !id.reliable && dc.len() == 2 {
                            evidence = format!("declared lang=\"{}\" (text guess {} unreliable)", declared.as_deref().unwrap_or(dc), id.code);
                            code = dc.to_string();
                        } else {
                            doc.diagnostics.push(Diagnostic::info(
                                "language-mismatch",
                                format!("page declares {dc}, text reads as {}", id.code),
                            ));
                        }
                    }
                }
                doc.metadata.language = Some(Evidenced::new(code, evidence));
            }
            None => {
                if let Some(dc) = declared_code.filter(|d| d.len() == 2) {
                    doc.metadata.language = Some(Evidenced::new(dc.clone(), format!("declared lang=\"{dc}\"")));
                } else {
                    doc.diagnostics.push(Diagnostic::info("no-language", "too little text to identify the language"));
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("\u{feff}  <html lang=fr>"));
        assert!(!looks_like_html("Le Mali <b> mise"));
    }
}
