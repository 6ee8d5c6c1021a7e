//! The article page shows an article's near-duplicate copies and the other
//! articles of its story, from the linked dossier.

use dossier_document::{PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};
use dossier_ner::NerStage;
use dossier_web::linked::LinkedKnowledge;
use dossier_web::Knowledge;

fn page(source: &str, text: &str) -> RawPage {
    RawPage {
        source: source.into(),
        url: None,
        fetched_at: None,
        kind: PageKind::Text,
        declared_charset: None,
        bytes: text.as_bytes().to_vec(),
    }
}

#[test]
fn copies_are_listed_on_the_article_page() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/seeds");
    let mut files: Vec<_> = std::fs::read_dir(&seeds).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let original = std::fs::read_to_string(&files[1]).unwrap();
    // The same story republished with other chrome.
    let copy = format!("Accueil\nMonde\nAfrique\n{original}\n\nPartager sur Facebook\nNewsletter : inscrivez-vous\n© Autre site 2025\n");
    let pipeline = Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage), Box::new(NerStage::default())]).unwrap();
    let mut docs = Vec::new();
    for f in &files {
        docs.push(pipeline.run(&page(&f.display().to_string(), &std::fs::read_to_string(f).unwrap())).unwrap());
    }
    docs.push(pipeline.run(&page("copy.txt", &copy)).unwrap());
    let original_id = docs[1].id.clone();
    let copy_id = docs[5].id.clone();
    assert_ne!(original_id, copy_id);
    let k = LinkedKnowledge::build(&docs);
    assert_eq!(k.copies_of(&original_id), vec![copy_id.clone()]);
    let html = dossier_web::render_article_page(&docs[1], &k, &[]).into_string();
    assert!(html.contains("Copies"), "no copies section");
    assert!(html.contains(&format!("/article/{copy_id}")));
}
