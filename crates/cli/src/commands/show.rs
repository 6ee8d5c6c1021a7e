//! `dossier show ID`: one stored document with its metadata and evidence,
//! clean text and diagnostics.

use std::io::Write;
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

/// `text` with each mention marked as `[text]{TYPE}` (mentions out of
/// order or off character boundaries are skipped).
fn marked(text: &str, mentions: Option<&[dossier_document::Mention]>) -> String {
    let Some(mentions) = mentions else { return text.to_string() };
    let mut out = String::with_capacity(text.len() + mentions.len() * 8);
    let mut at = 0;
    for m in mentions {
        let Some(covered) = (m.span.start >= at).then(|| m.span.slice(text)).flatten() else { continue };
        out.push_str(&text[at..m.span.start]);
        out.push('[');
        out.push_str(covered);
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
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&record)?)?;
        return Ok(0);
    }
    let m = &doc.metadata;
    writeln!(out, "id        {}", doc.id)?;
    writeln!(out, "source    {}", doc.source)?;
    for (source, url, fetched) in store.sources_of(&doc.id)?.iter().filter(|(s, _, _)| s != &doc.source) {
        writeln!(out, "also at   {source} {} {}", url.as_deref().unwrap_or(""), fetched.as_deref().unwrap_or(""))?;
    }
    if let Some(url) = &doc.url {
        writeln!(out, "url       {url}")?;
    }
    let title = m.title.as_ref().map(|t| {
        let shown = if args.plain { t.value.clone() } else { marked(&t.value, doc.layers.title_mentions.as_deref()) };
        (shown, t.evidence.as_str())
    });
    field(&mut out, "title", title.as_ref().map(|(v, e)| (v.as_str(), *e)))?;
    for a in &m.authors {
        field(&mut out, "author", Some((a.value.as_str(), a.evidence.as_str())))?;
    }
    date(&mut out, "published", m.published.as_ref())?;
    date(&mut out, "modified", m.modified.as_ref())?;
    field(&mut out, "dateline", m.dateline.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())))?;
    field(&mut out, "site", m.site_name.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())))?;
    field(&mut out, "language", m.language.as_ref().map(|d| (d.value.as_str(), d.evidence.as_str())))?;
    let stages: Vec<String> = doc.stamps.iter().map(|s| format!("{}@{}", s.stage, s.version)).collect();
    writeln!(out, "stages    {}", stages.join(", "))?;
    writeln!(out)?;
    if args.plain {
        writeln!(out, "{}", doc.text())?;
    } else {
        writeln!(out, "{}", marked(doc.text(), doc.layers.mentions.as_deref()))?;
    }
    if !record.diagnostics.is_empty() {
        writeln!(out)?;
        writeln!(out, "diagnostics:")?;
        for d in &record.diagnostics {
            writeln!(out, "  {}: {}", d.code, d.message)?;
        }
    }
    Ok(0)
}

fn field(out: &mut impl Write, name: &str, value: Option<(&str, &str)>) -> std::io::Result<()> {
    match value {
        Some((v, e)) => writeln!(out, "{name:<9} {v}    [evidence: {e}]"),
        None => writeln!(out, "{name:<9} unknown"),
    }
}

fn date(out: &mut impl Write, name: &str, value: Option<&DateValue>) -> std::io::Result<()> {
    match value {
        Some(d) => writeln!(
            out,
            "{name:<9} {} ({}{})    [evidence: {}]",
            d.value,
            d.precision.as_str(),
            if d.estimated { ", estimated" } else { "" },
            d.evidence
        ),
        None => writeln!(out, "{name:<9} unknown"),
    }
}
