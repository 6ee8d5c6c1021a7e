//! Prints the temporal expressions of text files: `timexes LANG [ANCHOR] FILE...`
//! (ANCHOR: an ISO 8601 prefix such as 2025-06-23, 2025-06 or 2025; `-` for none).

use dossier_document::{DateValue, Precision};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(lang), Some(anchor)) = (args.first(), args.get(1)) else {
        eprintln!("usage: timexes LANG ANCHOR|- FILE...");
        return;
    };
    let precision = match anchor.len() {
        4 => Some(Precision::Year),
        7 => Some(Precision::Month),
        10 => Some(Precision::Day),
        16 => Some(Precision::Minute),
        _ => None,
    };
    let anchor = precision.map(|p| DateValue {
        value: anchor.clone(),
        precision: p,
        evidence: "command line".into(),
        estimated: false,
    });
    let mut total = 0usize;
    let mut bytes = 0usize;
    let started = std::time::Instant::now();
    for path in args.iter().skip(2) {
        let Ok(text) = std::fs::read_to_string(path) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        bytes += text.len();
        for t in dossier_events::find_timexes(&text, lang, anchor.as_ref()) {
            total += 1;
            println!(
                "{path}\t{}..{}\t{:?}\t{:?}\t{}\t{:?}\t{}",
                t.start,
                t.end,
                t.text,
                t.kind,
                t.value.as_deref().unwrap_or("-"),
                t.modifier,
                t.note.as_deref().unwrap_or("")
            );
        }
    }
    eprintln!(
        "{total} expressions in {bytes} bytes, {:?}",
        started.elapsed()
    );
}
