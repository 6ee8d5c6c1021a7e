//! `dossier search`: full-text search over the stored articles, with
//! filters, printing ranked hits with highlighted snippets (or JSON Lines).
//! Builds or updates the index beside the database (`<db>.index/`) first
//! when it is missing or behind the store.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;
use dossier_search::{index_dir_for, Freshness, Hit, SearchIndex, SearchQuery};
use dossier_store::Store;

/// Arguments of `dossier search`.
#[derive(clap::Args)]
pub struct Args {
    /// Query: words (all required), "a phrase", a OR b, -excluded, (groups).
    query: Vec<String>,
    /// Only articles naming this entity (repeatable; matched as a phrase, accents and case folded).
    #[arg(long)]
    entity: Vec<String>,
    /// Only articles with a mention of this type (PER, ORG, LOC, MISC).
    #[arg(long = "type")]
    entity_type: Option<String>,
    /// Published on or after (YYYY, YYYY-MM or YYYY-MM-DD; a month-precise date matches if its month overlaps).
    #[arg(long)]
    from: Option<String>,
    /// Published on or before (same forms).
    #[arg(long)]
    to: Option<String>,
    /// Language (ISO 639-1, e.g. fr, en).
    #[arg(long)]
    lang: Option<String>,
    /// Outlet (host without www., or site name).
    #[arg(long)]
    site: Option<String>,
    /// Author (phrase, folded).
    #[arg(long)]
    author: Option<String>,
    /// Number of hits.
    #[arg(long, short = 'n', default_value_t = 20)]
    limit: usize,
    /// Print facet counts too.
    #[arg(long)]
    facets: bool,
    /// Print JSON Lines (one hit per line; with --facets, a last line {"facets": …}).
    #[arg(long)]
    json: bool,
    /// Rebuild the index from scratch first.
    #[arg(long)]
    reindex: bool,
}

/// Brings the index at `<db>.index` up to date with the store, then opens
/// it read-only. Falls back to the index as it is when another process
/// holds its writer.
pub fn open_current_index(db: &Path, reindex: bool) -> anyhow::Result<SearchIndex> {
    anyhow::ensure!(
        db.exists(),
        "no database at {}: ingest pages first (dossier ingest …)",
        db.display()
    );
    let store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let dir = index_dir_for(db);
    let quiet = !std::io::stderr().is_terminal();
    let freshness = dossier_search::bring_up_to_date(&store, &dir, reindex, |done, todo| {
        if !quiet {
            eprint!("\rindexing {done}/{todo}");
        }
    })
    .with_context(|| format!("updating the search index {}", dir.display()))?;
    match freshness {
        Freshness::Synced(report) if !quiet && report.indexed > 0 => eprintln!(),
        Freshness::Busy(e) => eprintln!("dossier: warning: search index not updated ({e}); using it as it is"),
        _ => {}
    }
    Ok(SearchIndex::open_read_only(&dir)?)
}

/// Runs the command.
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let index = open_current_index(db, args.reindex)?;
    let q = SearchQuery {
        text: args.query.join(" "),
        entities: args.entity,
        entity_type: args.entity_type,
        language: args.lang,
        site: args.site,
        author: args.author,
        from: args.from,
        to: args.to,
        limit: args.limit.max(1),
        facets: args.facets,
        ..Default::default()
    };
    let results = match index.search(&q) {
        Ok(r) => r,
        Err(e @ (dossier_search::SearchError::Date(_) | dossier_search::SearchError::Query(_))) => {
            eprintln!("dossier: {e}");
            return Ok(2);
        }
        Err(e) => return Err(e.into()),
    };
    for w in &results.warnings {
        eprintln!("dossier: warning: ignored part of the query: {w}");
    }
    let mut out = std::io::stdout().lock();
    if args.json {
        for hit in &results.hits {
            serde_json::to_writer(&mut out, hit)?;
            out.write_all(b"\n")?;
        }
        if let Some(f) = &results.facets {
            serde_json::to_writer(
                &mut out,
                &serde_json::json!({ "facets": f, "total": results.total }),
            )?;
            out.write_all(b"\n")?;
        }
        return Ok(0);
    }
    let color = std::io::stdout().is_terminal();
    for (i, hit) in results.hits.iter().enumerate() {
        print_hit(&mut out, i + 1, hit, color)?;
    }
    writeln!(
        out,
        "{} of {} article(s)",
        results.hits.len(),
        results.total
    )?;
    if let Some(f) = &results.facets {
        for (name, values) in [
            ("languages", &f.languages),
            ("outlets", &f.sites),
            ("authors", &f.authors),
            ("years", &f.years),
            ("entity types", &f.entity_types),
            ("entities", &f.entities),
        ] {
            if values.is_empty() {
                continue;
            }
            let list: Vec<String> = values
                .iter()
                .map(|v| format!("{} ({})", v.value, v.count))
                .collect();
            writeln!(out, "{name}: {}", list.join(", "))?;
        }
    }
    Ok(0)
}

fn print_hit(out: &mut impl Write, rank: usize, hit: &Hit, color: bool) -> std::io::Result<()> {
    let date = match (&hit.published, &hit.precision) {
        (Some(d), Some(p)) => format!("{d} ({p})"),
        (Some(d), None) => d.clone(),
        _ => "undated".into(),
    };
    writeln!(
        out,
        "{rank:>3}. {}\n     {} · {} · {} · {}",
        hit.title.as_deref().unwrap_or("(no title)"),
        date,
        hit.language.as_deref().unwrap_or("?"),
        hit.site.as_deref().unwrap_or("-"),
        hit.id.get(..10).unwrap_or(&hit.id),
    )?;
    let (on, off) = if color {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut line = String::new();
    for (text, highlighted) in hit.snippet.pieces() {
        // Control characters from pages must not reach the terminal.
        let clean: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if highlighted {
            line.push_str(on);
            line.push_str(&clean);
            line.push_str(off);
        } else {
            line.push_str(&clean);
        }
    }
    writeln!(out, "     {line}\n")
}
