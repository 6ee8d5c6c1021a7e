use dossier_document::{PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_ner::NerStage;
fn main() -> anyhow::Result<()> {
    let p = Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage), Box::new(NerStage)])?;
    for f in std::env::args().skip(1) {
        let bytes = std::fs::read(&f)?;
        let raw = RawPage { source: f.clone(), url: None, fetched_at: None, kind: PageKind::Text, declared_charset: None, bytes };
        let d = p.run(&raw).map_err(|e| anyhow::anyhow!("{:?}", e.diagnostic))?;
        println!("=== {f} title={:?} lang={:?} pub={:?}", d.metadata.title.as_ref().map(|t| &t.value), d.metadata.language.as_ref().map(|t| &t.value), d.metadata.published.as_ref().map(|t| &t.value));
        println!("{}", d.text());
        for m in d.layers.mentions.as_deref().unwrap_or(&[]) {
            print!("[{} {}] ", m.kind, d.slice(m.span));
        }
        println!();
    }
    Ok(())
}
