//! Article page render benchmark: one generated article with 500 mentions
//! (20 paragraphs, 50 distinct names, 4 types), rendered to HTML the way
//! the server does (body with linked marks, metadata, names list).
//!
//! `cargo run --release -p dossier-web --example render_bench -- [MENTIONS] [ITERATIONS]`
//! (defaults 500 and 300). Prints the server-side render time per page.

use std::time::Instant;

use dossier_document::{DateValue, Document, Evidenced, Mention, Precision};
use dossier_text::Span;
use dossier_web::{render_article_page, Catalog};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mentions: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(500);
    let iterations: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(300);
    let kinds = ["PER", "ORG", "LOC", "MISC"];
    let mut text = String::new();
    let mut spans = Vec::new();
    let per_para = mentions.div_ceil(20).max(1);
    for i in 0..mentions {
        if i > 0 && i % per_para == 0 {
            text.push('\n');
        }
        text.push_str("Selon des sources « proches » du dossier, l'accord <signé> & commenté par ");
        let name = format!("Nom{} Élevé-{}", i % 50, (i % 50) * 7);
        let start = text.len();
        text.push_str(&name);
        spans.push(Mention {
            span: Span::new(start, text.len()),
            kind: kinds[i % 4].into(),
            score: 0.9,
        });
        text.push_str(" a été discuté. ");
    }
    let raw = dossier_document::RawPage {
        source: "bench.txt".into(),
        url: None,
        fetched_at: None,
        kind: dossier_document::PageKind::Text,
        declared_charset: None,
        bytes: text.as_bytes().to_vec(),
    };
    let mut doc = Document::for_page(&raw);
    doc.set_text(text, Default::default())?;
    doc.layers.mentions = Some(spans);
    doc.metadata.title = Some(Evidenced::new(
        "Un article très cité".into(),
        "<h1>Un article très cité</h1>",
    ));
    doc.metadata.published = Some(DateValue::from_parts(
        2025,
        4,
        3,
        Some((10, 30)),
        Precision::Minute,
        "2025-04-03T10:30",
    ));
    doc.metadata.language = Some(Evidenced::new("fr".into(), "identified"));
    doc.metadata.authors = vec![Evidenced::new("Jean Auteur".into(), "Par Jean Auteur")];
    let catalog = Catalog::load([doc.clone()]);
    let seen = vec![("bench.txt".to_string(), None, None)];

    let mut times = Vec::with_capacity(iterations);
    let mut bytes = 0;
    for _ in 0..iterations {
        let t = Instant::now();
        let html = render_article_page(&doc, &catalog, &seen).into_string();
        times.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = html.len();
    }
    // The whole server path: read the document from SQLite, then render.
    let tmp = std::env::temp_dir().join(format!("dossier-render-bench-{}.db", std::process::id()));
    let mut store = dossier_store::Store::open(&tmp)?;
    store.insert_batch(&[(raw, doc.clone())])?;
    let mut full = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let t = Instant::now();
        let d = store.get(&doc.id)?.ok_or("stored document not found")?;
        let seen = store.sources_of(&d.id)?;
        let html = render_article_page(&d, &catalog, &seen).into_string();
        full.push(t.elapsed().as_secs_f64() * 1000.0);
        bytes = html.len();
    }
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", tmp.display()));
    }
    full.sort_by(|a, b| a.total_cmp(b));
    let f = |q: f64| full[((full.len() - 1) as f64 * q).round() as usize];
    println!(
        "with the SQLite read and JSON decoding (the handler's work): p50 {:.3} ms, p99 {:.3} ms",
        f(0.5),
        f(0.99)
    );
    times.sort_by(|a, b| a.total_cmp(b));
    let p = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "article page, {} chars, {mentions} mentions, {bytes} bytes of HTML: render p50 {:.3} ms, p99 {:.3} ms, max {:.3} ms ({iterations} runs)",
        doc.text().len(),
        p(0.5),
        p(0.99),
        times.last().copied().unwrap_or(0.0)
    );
    Ok(())
}
