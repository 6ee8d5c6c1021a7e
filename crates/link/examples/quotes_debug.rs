//! Prints the quotes and mentions the linker finds in a text file (debug aid).
use dossier_link::{DocInput, Dossier};
fn main() {
    let path = std::env::args().nth(1).expect("file");
    let lang = std::env::args().nth(2).unwrap_or_else(|| "en".into());
    let text = std::fs::read_to_string(path).expect("read");
    let a = dossier_ner::analyze(&text, &lang);
    for m in &a.mentions {
        if let Some(s) = m.span.slice(&text) { eprint!("[{}:{}] ", m.kind, s); }
    }
    eprintln!();
    let mut d = Dossier::new();
    d.add_documents(&[DocInput { id: "a".into(), text: text.clone(), language: lang, mentions: a.mentions, sentences: a.sentences, title: None }]);
    for q in &d.quotes { println!("{:?} [{}] {:?}", q.speaker_name, q.cue, q.text); }
}
