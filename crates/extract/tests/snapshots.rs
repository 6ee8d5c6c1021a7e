//! Snapshot tests: every page under `tests/corpus/` (repository root) is run
//! through the extract and language stages and its `extract` JSON record is
//! compared with the stored snapshot. Review changes with `cargo insta review`.

use std::path::{Path, PathBuf};

use dossier_document::{ExtractRecord, PageKind, Pipeline, RawPage};
use dossier_extract::{ExtractStage, LanguageStage};

fn corpus_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            corpus_files(&p, out);
        } else if !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            out.push(p);
        }
    }
}

#[test]
fn corpus_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus");
    let mut files = Vec::new();
    corpus_files(&root, &mut files);
    assert!(!files.is_empty(), "tests/corpus is empty");
    let pipeline = Pipeline::new(vec![Box::new(ExtractStage), Box::new(LanguageStage)]).unwrap();
    for path in files {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        let name = rel.to_lowercase();
        let kind = if name.ends_with(".html") || name.ends_with(".htm") { PageKind::Html } else { PageKind::Text };
        let raw = RawPage {
            source: rel.clone(),
            url: None,
            fetched_at: None,
            kind,
            declared_charset: None,
            bytes: std::fs::read(&path).unwrap(),
        };
        let doc = pipeline.run(&raw).unwrap();
        let record = ExtractRecord::from_document(&doc);
        let snap_name = rel.replace(['/', '.'], "_");
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false, description => rel.clone() }, {
            insta::assert_json_snapshot!(snap_name, record);
        });
    }
}
