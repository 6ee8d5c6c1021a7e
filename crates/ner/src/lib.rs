//! Named-entity recognition (PER, ORG, LOC) for French and English.
//!
//! * [`analyze`]: tokens, sentences and mentions of a text, as spans;
//!   [`analyze_headline`]: the same for a headline, with its body as context.
//! * [`NerStage`]: the same as a pipeline [`Stage`].
//! * [`Model`]: an averaged-perceptron tagger with first-order Viterbi BIO
//!   decoding over hashed features (see `features`), trained by [`train`]
//!   from the public corpora and shipped in `data/models/ner-<iso>.bin`
//!   (embedded at build).
//! * [`consistency`]: document-level rules applied after tagging.

#![deny(missing_docs)]

pub mod consistency;
pub mod corpus;
mod features;
pub mod label;
mod model;
pub mod resources;
pub mod train;

use std::sync::OnceLock;

use dossier_document::{Diagnostic, Document, Layer, Mention, RawPage, Stage, StageError};
use dossier_text::Span;

pub use label::{Label, Type};
pub use model::{Example, Lexicon, Model, ModelError, Tagged, DEFAULT_DOMAIN};

static MODEL_FR: &[u8] = include_bytes!(env!("DOSSIER_NER_MODEL_FR"));
static MODEL_EN: &[u8] = include_bytes!(env!("DOSSIER_NER_MODEL_EN"));

/// The shipped model for `lang`, loaded once; `None` when there is none
/// for that language (or it could not be read).
pub fn model_for(lang: &str) -> Option<&'static Model> {
    static FR: OnceLock<Option<Model>> = OnceLock::new();
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    let (cell, bytes) = match lang {
        "fr" => (&FR, MODEL_FR),
        "en" => (&EN, MODEL_EN),
        _ => return None,
    };
    cell.get_or_init(|| if bytes.is_empty() { None } else { Model::read(bytes).ok() }).as_ref()
}

/// Tokens, sentences and entity mentions of a text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Analysis {
    /// Sentences.
    pub sentences: Vec<Span>,
    /// Tokens.
    pub tokens: Vec<Span>,
    /// PER, ORG and LOC mentions, in text order, each inside one sentence.
    pub mentions: Vec<Mention>,
}

/// Analyses `text` in language `lang` (ISO 639-1) with the shipped model.
/// Languages without a model get tokens and sentences but no mentions.
pub fn analyze(text: &str, lang: &str) -> Analysis {
    analyze_with(text, lang, model_for(lang))
}

/// Analyses `text` with a given model (or none).
pub fn analyze_with(text: &str, lang: &str, model: Option<&Model>) -> Analysis {
    analyze_in(text, lang, model, Conventions::Modern)
}

/// Which annotation conventions the tagger follows: those of modern edited
/// news (the default), or those of historical newspapers read by OCR
/// (NewsEye/HIPE: titles kept in names, OCR-tolerant features, a tagger
/// specialised on that domain where the model carries one).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum Conventions {
    /// Modern edited news.
    #[default]
    Modern,
    /// Historical OCR newspapers.
    Historical,
}

impl Conventions {
    /// The model's training domain for these conventions.
    pub fn domain(self) -> &'static str {
        match self {
            Conventions::Modern => DEFAULT_DOMAIN,
            Conventions::Historical => features::HISTORICAL_DOMAIN,
        }
    }
}

/// Analyses `text` with a given model (or none) under given conventions.
pub fn analyze_in(text: &str, lang: &str, model: Option<&Model>, conventions: Conventions) -> Analysis {
    analyze_rules(text, lang, model, conventions, true)
}

/// [`analyze_in`] with or without the document-level rules (`doc_rules`
/// false: the tagger alone, an ablation).
fn analyze_rules(text: &str, lang: &str, model: Option<&Model>, conventions: Conventions, doc_rules: bool) -> Analysis {
    let seg = dossier_lang::segment(text, lang);
    let mut mentions = Vec::new();
    if let Some(model) = model {
        let sentences: Vec<Vec<&str>> = seg
            .sentence_tokens
            .iter()
            .map(|r| seg.tokens.get(r.clone()).unwrap_or(&[]).iter().map(|s| s.slice(text).unwrap_or("")).collect())
            .collect();
        let tags = tag_document_with(model, &sentences, doc_rules, conventions.domain());
        for (range, tags) in seg.sentence_tokens.iter().zip(&tags) {
            let spans = seg.tokens.get(range.clone()).unwrap_or(&[]);
            let labels: Vec<Label> = tags.iter().map(|t| t.0).collect();
            for (a, b, ty) in label::entities(&labels) {
                if ty == Type::Misc {
                    continue;
                }
                let (Some(first), Some(last)) = (spans.get(a), spans.get(b.saturating_sub(1))) else { continue };
                let score = tags.get(a..b).map_or(0.0, |s| s.iter().map(|x| x.1).sum::<f32>() / (b - a).max(1) as f32);
                let span = Span::new(first.start, last.end);
                mentions.push(Mention { span, kind: ty.as_str().to_string(), score });
            }
            // Hyphenated compounds of places ("Mali-Russie"), whatever their tag.
            for (k, tok) in spans.iter().enumerate() {
                let Some(parts) = tok.slice(text).and_then(consistency::split_compound) else { continue };
                let in_other = labels.get(k).is_some_and(|l| *l != Label::O);
                if in_other {
                    mentions.retain(|m| !m.span.contains(tok));
                }
                for (s, e) in parts {
                    mentions.push(Mention { span: Span::new(tok.start + s, tok.start + e), kind: "LOC".into(), score: 0.8 });
                }
            }
        }
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
    Analysis { sentences: seg.sentences, tokens: seg.tokens, mentions }
}

/// Analyses a headline with its article's body as context: the two are
/// tagged as one document, so that the document-level rules see both (a
/// name spelled out in the body gives its type to the same name in the
/// headline, where a short, verbless line gives the model little to go
/// on). Spans are offsets into `title`. When the segmenter would not keep
/// the headline apart from the body, the headline is analysed alone.
pub fn analyze_headline(title: &str, body: &str, lang: &str) -> Analysis {
    analyze_headline_with(title, body, lang, model_for(lang))
}

/// [`analyze_headline`] with a given model (or none).
pub fn analyze_headline_with(title: &str, body: &str, lang: &str, model: Option<&Model>) -> Analysis {
    analyze_headline_in(title, body, lang, model, Conventions::Modern)
}

/// [`analyze_headline`] with a given model (or none) under given
/// conventions.
pub fn analyze_headline_in(title: &str, body: &str, lang: &str, model: Option<&Model>, conventions: Conventions) -> Analysis {
    analyze_headline_rules(title, body, lang, model, conventions, true)
}

/// [`analyze_headline_in`] with or without the document-level rules.
fn analyze_headline_rules(title: &str, body: &str, lang: &str, model: Option<&Model>, conventions: Conventions, doc_rules: bool) -> Analysis {
    let text = format!("{title}\n\n{body}");
    let end = title.len();
    let a = analyze_rules(&text, lang, model, conventions, doc_rules);
    if a.sentences.iter().any(|s| s.start < end && s.end > end) {
        return analyze_rules(title, lang, model, conventions, doc_rules);
    }
    let inside = |s: &Span| s.end <= end;
    Analysis {
        sentences: a.sentences.into_iter().filter(inside).collect(),
        tokens: a.tokens.into_iter().filter(inside).collect(),
        mentions: a.mentions.into_iter().filter(|m| inside(&m.span)).collect(),
    }
}

/// Tags the sentences of one document and applies the document-level
/// consistency rules.
pub fn tag_document(model: &Model, sentences: &[Vec<&str>]) -> Vec<Tagged> {
    tag_document_with(model, sentences, true, DEFAULT_DOMAIN)
}

/// Tags the sentences of one document, with or without the document-level
/// rules (for ablations), with the conventions of a training domain.
pub fn tag_document_with(model: &Model, sentences: &[Vec<&str>], doc_rules: bool, domain: &str) -> Vec<Tagged> {
    let model = model.for_domain(domain);
    let tags: Vec<Tagged> = sentences.iter().map(|s| model.tag_in(s, domain)).collect();
    if !doc_rules {
        return tags;
    }
    let mut doc = consistency::DocTags { sentences: sentences.to_vec(), tags };
    consistency::apply_with(&mut doc, &model.lexicon, &model.lang, domain == DEFAULT_DOMAIN);
    doc.tags
}

/// The pipeline stage: tokens, sentences and mentions for a document whose
/// text and language are known.
#[derive(Debug, Default, Clone)]
pub struct NerStage {
    /// The annotation conventions to follow.
    pub conventions: Conventions,
    /// A model to use instead of the shipped one, for documents in its
    /// language (evaluation of a candidate model).
    pub model: Option<std::sync::Arc<Model>>,
    /// Ablation: the tagger alone, without the document-level rules.
    pub without_doc_rules: bool,
}

impl NerStage {
    /// The stage under `conventions`, with the shipped models.
    pub fn new(conventions: Conventions) -> NerStage {
        NerStage { conventions, model: None, without_doc_rules: false }
    }

    /// The model for `lang`: the override when it is of that language,
    /// else the shipped one.
    fn model_for(&self, lang: &str) -> Option<&Model> {
        match &self.model {
            Some(m) if m.lang == lang => Some(m),
            _ => model_for(lang),
        }
    }
}

impl Stage for NerStage {
    fn name(&self) -> &'static str {
        "ner"
    }
    fn version(&self) -> u32 {
        // 2: headline mentions; 3: the tagger retrained with hand-labelled
        // Wikinews and word clusters; 4: the English tagger with word
        // clusters, quotes and detached clitics in the tokeniser (bump with
        // any new model or rule).
        4
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Text, Layer::Language]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Mentions]
    }
    fn run(&self, _raw: &RawPage, doc: &mut Document) -> Result<(), StageError> {
        let lang = doc.metadata.language.as_ref().map(|l| l.value.clone()).unwrap_or_default();
        let model = self.model_for(&lang);
        if model.is_none() {
            doc.diagnostics.push(Diagnostic::info(
                "ner-no-model",
                format!("no named-entity model for language `{lang}`; tokens and sentences only"),
            ));
        }
        let rules = !self.without_doc_rules;
        let a = analyze_rules(doc.text(), &lang, model, self.conventions, rules);
        doc.layers.sentences = Some(a.sentences);
        doc.layers.tokens = Some(a.tokens);
        doc.layers.mentions = Some(a.mentions);
        // The headline, with the body as context; none when the text
        // already opens with it.
        let title = doc.metadata.title.as_ref().map(|t| t.value.clone());
        doc.layers.title_mentions = title.filter(|t| !t.trim().is_empty() && !doc.text().starts_with(t.as_str())).map(|t| {
            analyze_headline_rules(&t, doc.text(), &lang, model, self.conventions, rules).mentions
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn analysis_without_model_has_tokens() {
        let a = analyze_with("Le Mali. La Russie.", "fr", None);
        assert_eq!(a.sentences.len(), 2);
        assert_eq!(a.tokens.len(), 6);
        assert!(a.mentions.is_empty());
    }

    #[test]
    fn compound_places_are_split() {
        let m = Model::empty("fr");
        let text = "La coopération Mali-Russie avance.";
        let a = analyze_with(text, "fr", Some(&m));
        let got: Vec<&str> = a.mentions.iter().map(|m| m.span.slice(text).unwrap()).collect();
        assert_eq!(got, ["Mali", "Russie"]);
    }

    #[test]
    fn stage_fills_layers() {
        use dossier_document::{Evidenced, PageKind, Pipeline};
        let raw = RawPage {
            source: "t".into(),
            url: None,
            fetched_at: None,
            kind: PageKind::Text,
            declared_charset: None,
            bytes: Vec::new(),
        };
        let mut doc = Document::from_parts("id".into(), "t".into(), "M. Lavrov est à Bamako. Il part.".into());
        doc.metadata.language = Some(Evidenced::new("fr".to_string(), "test"));
        NerStage::default().run(&raw, &mut doc).unwrap();
        assert_eq!(doc.layers.sentences.as_ref().map(Vec::len), Some(2));
        assert_eq!(doc.layers.tokens.as_ref().map(Vec::len), Some(9));
        assert!(doc.layers.mentions.is_some());
        for m in doc.layers.mentions.as_deref().unwrap_or(&[]) {
            assert!(doc.check_span(m.span).is_ok());
        }
        // No headline, no headline mentions; with one, spans into it.
        assert_eq!(doc.layers.title_mentions, None);
        let title = "Sergueï Lavrov au Mali";
        doc.metadata.title = Some(Evidenced::new(title.to_string(), "test"));
        NerStage::default().run(&raw, &mut doc).unwrap();
        let heads = doc.layers.title_mentions.clone().unwrap_or_default();
        assert!(heads.iter().all(|m| m.span.slice(title).is_some()), "{heads:?}");
        if model_for("fr").is_some() {
            assert!(heads.iter().any(|m| m.span.slice(title) == Some("Mali")), "{heads:?}");
        }
        // Requirements are checked when a pipeline is built.
        assert!(Pipeline::new(vec![Box::new(NerStage::default())]).is_err());
    }

    #[test]
    fn headline_takes_the_body_as_context() {
        // Alone, a surname after a preposition in a short headline reads
        // as a place; the body spells out the person's full name.
        let Some(m) = model_for("fr") else { return };
        let title = "Retour sur Sollacaro";
        let body = "L'avocat Antoine Sollacaro a été entendu. Il a parlé.";
        let kind = |a: &Analysis| a.mentions.iter().find(|x| x.span.slice(title) == Some("Sollacaro")).map(|x| x.kind.clone());
        assert_ne!(kind(&analyze_with(title, "fr", Some(m))).as_deref(), Some("PER"));
        let with = analyze_headline_with(title, body, "fr", Some(m));
        assert_eq!(kind(&with).as_deref(), Some("PER"));
        assert!(with.tokens.iter().all(|t| t.end <= title.len()));
        assert_eq!(with.sentences.len(), 1);
    }

    fn tiny_model() -> &'static Model {
        static M: OnceLock<Model> = OnceLock::new();
        M.get_or_init(|| {
            use Label::*;
            let ex = |s: &str, l: Vec<Label>| Example { domain: DEFAULT_DOMAIN.into(), tokens: s.split(' ').map(String::from).collect(), labels: l };
            let data = vec![
                ex("Jean Dupont est à Bamako .", vec![B(Type::Per), I(Type::Per), O, O, B(Type::Loc), O]),
                ex("L' ONU parle .", vec![O, B(Type::Org), O, O]),
            ];
            train::train_examples("fr", &data, 5)
        })
    }

    proptest! {
        #[test]
        fn mentions_inside_sentences(s in "[A-Za-zé' .,«»\\-\n]{0,80}") {
            let a = analyze_with(&s, "fr", Some(tiny_model()));
            for m in &a.mentions {
                prop_assert!(m.span.slice(&s).is_some());
                prop_assert!(a.sentences.iter().any(|x| x.contains(&m.span)));
            }
            for t in &a.tokens {
                prop_assert!(a.sentences.iter().any(|x| x.contains(t)));
            }
        }
    }
}
