//! Prints the sentences and mentions `dossier_ner::analyze` finds in the
//! text on standard input: `cargo run --release -p dossier-ner --example analyze -- fr < file.txt`.

use std::io::Read;

fn main() {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "fr".into());
    let mut text = String::new();
    if std::io::stdin().read_to_string(&mut text).is_err() {
        eprintln!("cannot read standard input");
        return;
    }
    let a = dossier_ner::analyze(&text, &lang);
    for s in &a.sentences {
        let toks: Vec<&str> = a.tokens.iter().filter(|t| s.contains(t)).filter_map(|t| t.slice(&text)).collect();
        println!("S {}", toks.join(" | "));
        for m in a.mentions.iter().filter(|m| s.contains(&m.span)) {
            println!("    {} {:.2} {}", m.kind, m.score, m.span.slice(&text).unwrap_or(""));
        }
    }
}
