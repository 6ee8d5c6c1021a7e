//! The document pipeline the commands run, and the per-page processing
//! shared by `ingest` and `extract`.

use dossier_document::{Document, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_ingest::Failure;
use dossier_ner::{Conventions, NerStage};

/// Extraction then language identification (what `extract` prints).
pub fn extraction() -> anyhow::Result<Pipeline> {
    Ok(Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage)])?)
}

/// Extraction, language, then tokens, sentences and entity mentions under
/// the given conventions (what `analyze` prints and `ingest` stores).
pub fn analysis(conventions: Conventions) -> anyhow::Result<Pipeline> {
    Ok(Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage), Box::new(NerStage::new(conventions))])?)
}

/// Runs the pipeline on one page; a failing stage becomes a failure with
/// the page's source and the stage's reason.
pub fn process(pipeline: &Pipeline, raw: &RawPage) -> Result<Document, Failure> {
    process_identified(pipeline, raw, raw.hash())
}

/// [`process`] for a page whose content hash is already known.
pub fn process_identified(pipeline: &Pipeline, raw: &RawPage, id: String) -> Result<Document, Failure> {
    pipeline.run_identified(raw, id).map_err(|e| Failure {
        source: raw.source.clone(),
        reason: format!("{} stage: {}", e.stage, e.diagnostic.message),
    })
}
