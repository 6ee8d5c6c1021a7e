//! `dossier show ID`: one stored document with its metadata and evidence,
//! clean text and diagnostics.

use std::path::Path;

use anyhow::{bail, Context};
use dossier_document::{DateValue, ExtractRecord};
use dossier_store::Store;

/// Arguments of `dossier show`.
#[derive(clap::Args)]
pub struct Args {
    /// Document id or a unique prefix of it.
    id: String,
    /// Print the document as one JSON object.
    #[arg(long)]
    json: bool,
    /// Print the clean text without entity marks.
    #[arg(long)]
    plain: bool,
}

/// The clean text with each mention marked as `[text]{TYPE}`.
fn marked_text(doc: &dossier_document::Document) -> String {
    let text = doc.text();
    let Some(mentions) = doc.layers.mentions.as_deref() else { return text.to_string() };
    let mut out = String::with_capacity(text.len() + mentions.len() * 8);
    let mut at = 0;
    for m in mentions {
        if m.span.start < at || doc.check_span(m.span).is_err() {
            continue;
        }
        out.push_str(&text[at..m.span.start]);
        out.push('[');
        out.push_str(&text[m.span.start..m.span.end]);
        out.push_str("]{");
        out.push_str(&m.kind);
        out.push('}');
        at = m.span.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Runs the command.
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let Some(doc) = store.get(&args.id)? else {
        bail!("no stored document id starts with `{}`", args.id);
    };
    let record = ExtractRecord::from_document(&doc);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&record)?);
        return Ok(0);
    }
    let m = &doc.metadata;
    println!("id        {}", doc.id);
    println!("source    {}", doc.source);
    for (source, url, fetched) in store.sources_of(&doc.id)?.iter().filter(|(s, _, _)| s != &doc.source) {
        println!("also at   {source} {} {}", url.as_deref().unwrap_or(""), fetched.as_deref().unwrap_or(""));
    }
    if let Some(url) = &doc.url {
        println!("url       {url}");
    }
    field("title", m.title.as_ref().map(|t| (t.value.as_str(), t.evidence.as_str())));
    for a in &m.authors {
        field("author", Some((a.value.as_str(), a.evidence.as_str())));
    }
    date("published", m.published.as_ref());
    date("modified", m.modified.as_ref());
    field("dateline", m.dateline.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())));
    field("site", m.site_name.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())));
    field("language", m.language.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())));
    let stages: Vec<String> = doc.stamps.iter().map(|s| format!("{}@{}", s.stage, s.version)).collect();
    println!("stages    {}", stages.join(", "));
    println!();
    if args.plain {
        println!("{}", doc.text());
    } else {
        println!("{}", marked_text(&doc));
    }
    if !record.diagnostics.is_empty() {
        println!();
        println!("diagnostics:");
        for d in &record.diagnostics {
            println!("  {}: {}", d.code, d.message);
        }
    }
    Ok(0)
}

fn field(name: &str, value: Option<(&str, &str)>) {
    match value {
        Some((v, e)) => println!("{name:<9} {v}    [evidence: {e}]"),
        None => println!("{name:<9} unknown"),
    }
}

fn date(name: &str, value: Option<&DateValue>) {
    match value {
        Some(d) => println!(
            "{name:<9} {} ({}{})    [evidence: {}]",
            d.value,
            d.precision.as_str(),
            if d.estimated { ", estimated" } else { "" },
            d.evidence
        ),
        None => println!("{name:<9} unknown"),
    }
}
