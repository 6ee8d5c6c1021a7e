//! `dossier list`: the stored documents as a table or JSON Lines.

use std::io::Write;
use std::path::Path;

use anyhow::Context;
use dossier_store::{Store, Summary};

/// Arguments of `dossier list`.
#[derive(clap::Args)]
pub struct Args {
    /// Print JSON Lines instead of a table.
    #[arg(long)]
    json: bool,
}

/// Runs the command.
pub fn run(db: &Path, args: Args) -> anyhow::Result<u8> {
    let store = Store::open(db).with_context(|| format!("opening database {}", db.display()))?;
    let rows = store.list()?;
    if args.json {
        let mut out = std::io::stdout().lock();
        for row in &rows {
            serde_json::to_writer(&mut out, row)?;
            out.write_all(b"\n")?;
        }
    } else {
        print_table(&mut std::io::stdout().lock(), &rows)?;
    }
    Ok(0)
}

/// Prints the article table: id, date, language, title, author.
pub fn print_table(out: &mut impl Write, rows: &[Summary]) -> std::io::Result<()> {
    writeln!(out, "{:<10}  {:<17}  {:<4}  {:<60}  AUTHOR", "ID", "DATE", "LANG", "TITLE")?;
    for r in rows {
        let date = match (&r.published, r.estimated) {
            (Some(d), false) => d.clone(),
            (Some(d), true) => format!("~{d}"),
            (None, _) => "unknown".to_string(),
        };
        writeln!(
            out,
            "{:<10}  {:<17}  {:<4}  {:<60}  {}",
            r.id.get(..10).unwrap_or(&r.id),
            date,
            r.language.as_deref().unwrap_or("?"),
            clip(r.title.as_deref().unwrap_or("(no title)"), 60),
            r.author.as_deref().unwrap_or("-"),
        )?;
    }
    writeln!(out, "{} article(s)", rows.len())
}

/// Cuts `s` to at most `n` characters, marking the cut with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.to_string();
    }
    let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::clip;

    #[test]
    fn clips_by_characters() {
        assert_eq!(clip("abc", 5), "abc");
        assert_eq!(clip("éééééé", 4), "ééé…");
    }
}
