//! Stages and pipelines. A stage reads layers and adds its own; the
//! pipeline checks, when it is built, that every stage's requirements are
//! provided by the input or an earlier stage.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::{Diagnostic, Document, RawPage};

/// A layer of a document that stages require and provide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Layer {
    /// The raw page (always present at the start).
    Raw,
    /// The clean text and its offset map.
    Text,
    /// Title, author, dates, dateline, site.
    Metadata,
    /// The language of the text.
    Language,
    /// Paragraph blocks.
    Blocks,
    /// Sentences.
    Sentences,
    /// Tokens.
    Tokens,
    /// Entity mentions.
    Mentions,
}

/// The name and version of a stage that ran on a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageStamp {
    /// Stage name.
    pub stage: String,
    /// Stage version.
    pub version: u32,
}

/// A stage could not process a document.
#[derive(Debug, Error)]
#[error("stage {stage}: {diagnostic:?}")]
pub struct StageError {
    /// The stage that failed.
    pub stage: &'static str,
    /// Why, as a diagnostic to keep.
    pub diagnostic: Diagnostic,
}

/// One small, pure, versioned step of the pipeline.
pub trait Stage: Send + Sync {
    /// Stable name, e.g. `extract`.
    fn name(&self) -> &'static str;
    /// Bumped whenever the output may change, so stored results can be
    /// recomputed selectively.
    fn version(&self) -> u32;
    /// Layers that must exist before the stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers the stage adds.
    fn provides(&self) -> &'static [Layer];
    /// Processes one document. `raw` is the page it was made from.
    fn run(&self, raw: &RawPage, doc: &mut Document) -> Result<(), StageError>;
}

/// A pipeline configuration that cannot run.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PipelineError {
    /// A stage needs a layer no earlier stage provides.
    #[error("stage `{stage}` requires layer {layer:?}, which no earlier stage provides")]
    MissingRequirement {
        /// The stage.
        stage: &'static str,
        /// The missing layer.
        layer: Layer,
    },
    /// Two stages provide the same layer.
    #[error("layer {layer:?} is provided twice (by `{first}` and `{second}`)")]
    ProvidedTwice {
        /// The layer.
        layer: Layer,
        /// First provider.
        first: &'static str,
        /// Second provider.
        second: &'static str,
    },
}

/// An ordered list of stages, validated when built.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.stages.iter().map(|s| (s.name(), s.version()))).finish()
    }
}

impl Pipeline {
    /// Builds a pipeline starting from a raw page; rejects a misordered or
    /// incomplete configuration.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Self, PipelineError> {
        let mut available: Vec<(Layer, &'static str)> = vec![(Layer::Raw, "input")];
        for stage in &stages {
            for layer in stage.requires() {
                if !available.iter().any(|(l, _)| l == layer) {
                    return Err(PipelineError::MissingRequirement { stage: stage.name(), layer: *layer });
                }
            }
            for layer in stage.provides() {
                if let Some((_, first)) = available.iter().find(|(l, _)| l == layer) {
                    return Err(PipelineError::ProvidedTwice {
                        layer: *layer,
                        first,
                        second: stage.name(),
                    });
                }
                available.push((*layer, stage.name()));
            }
        }
        Ok(Pipeline { stages })
    }

    /// Stage names and versions, in order.
    pub fn stamps(&self) -> Vec<StageStamp> {
        self.stages
            .iter()
            .map(|s| StageStamp { stage: s.name().to_string(), version: s.version() })
            .collect()
    }

    /// Runs every stage on a new document for `raw`. A failing stage adds
    /// its diagnostic and stops the document there.
    pub fn run(&self, raw: &RawPage) -> Result<Document, StageError> {
        self.run_identified(raw, raw.hash())
    }

    /// [`Pipeline::run`] for a page whose content hash is already known.
    pub fn run_identified(&self, raw: &RawPage, id: String) -> Result<Document, StageError> {
        let mut doc = Document::for_page_with_id(raw, id);
        for stage in &self.stages {
            stage.run(raw, &mut doc)?;
            doc.stamps.push(StageStamp { stage: stage.name().to_string(), version: stage.version() });
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_text::OffsetMap;

    struct Fake(&'static str, &'static [Layer], &'static [Layer]);
    impl Stage for Fake {
        fn name(&self) -> &'static str {
            self.0
        }
        fn version(&self) -> u32 {
            1
        }
        fn requires(&self) -> &'static [Layer] {
            self.1
        }
        fn provides(&self) -> &'static [Layer] {
            self.2
        }
        fn run(&self, raw: &RawPage, doc: &mut Document) -> Result<(), StageError> {
            if self.2.contains(&Layer::Text) {
                let text = String::from_utf8_lossy(&raw.bytes).into_owned();
                doc.set_text(text, OffsetMap::default()).map_err(|e| StageError {
                    stage: self.0,
                    diagnostic: Diagnostic::error("text", e.to_string()),
                })?;
            }
            Ok(())
        }
    }

    const RAW: &[Layer] = &[Layer::Raw];
    const TEXT: &[Layer] = &[Layer::Text];
    const LANG: &[Layer] = &[Layer::Language];

    #[test]
    fn accepts_ordered_and_rejects_misordered() {
        let ok = Pipeline::new(vec![Box::new(Fake("extract", RAW, TEXT)), Box::new(Fake("lang", TEXT, LANG))]);
        assert!(ok.is_ok());
        let bad = Pipeline::new(vec![Box::new(Fake("lang", TEXT, LANG)), Box::new(Fake("extract", RAW, TEXT))]);
        assert_eq!(
            bad.unwrap_err(),
            PipelineError::MissingRequirement { stage: "lang", layer: Layer::Text }
        );
        let twice = Pipeline::new(vec![Box::new(Fake("a", RAW, TEXT)), Box::new(Fake("b", RAW, TEXT))]);
        assert!(matches!(twice, Err(PipelineError::ProvidedTwice { .. })));
    }

    #[test]
    fn run_stamps_stages() {
        let p = Pipeline::new(vec![Box::new(Fake("extract", RAW, TEXT))]).unwrap();
        let raw = RawPage {
            source: "s".into(),
            url: None,
            fetched_at: None,
            kind: crate::PageKind::Text,
            declared_charset: None,
            bytes: b"abc".to_vec(),
        };
        let doc = p.run(&raw).unwrap();
        assert_eq!(doc.text(), "abc");
        assert_eq!(doc.stamps, p.stamps());
    }
}
