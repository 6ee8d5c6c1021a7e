//! The top-level reader: paths (files, folders walked recursively in sorted
//! order without hidden entries, `-` for stdin) to one lazy stream of items.

use std::collections::VecDeque;
use std::fs::File;
use std::path::{Path, PathBuf};

use crate::stream::{one, open_stream, ItemIter};
use crate::{IngestError, Item, ReadOptions, ReadStats};

type Walker = walkdir::FilterEntry<walkdir::IntoIter, fn(&walkdir::DirEntry) -> bool>;

/// The items read from a list of paths, one input open at a time. Built by
/// [`read_inputs`].
pub struct Inputs {
    opts: ReadOptions,
    paths: VecDeque<PathBuf>,
    walker: Option<Walker>,
    current: Option<ItemIter>,
    stats: ReadStats,
}

/// Reads `paths` lazily: files, folders (recursive, sorted by name, hidden
/// files and folders skipped) and `-` for stdin. Never panics; everything
/// that cannot be read becomes an [`Item::Failure`].
pub fn read_inputs(paths: &[PathBuf], opts: &ReadOptions) -> Inputs {
    Inputs {
        opts: opts.clone(),
        paths: paths.iter().cloned().collect(),
        walker: None,
        current: None,
        stats: ReadStats::default(),
    }
}

impl Inputs {
    /// Counts of what was yielded so far.
    pub fn stats(&self) -> ReadStats {
        self.stats
    }

    fn open_file(&self, path: &Path) -> ItemIter {
        let source = path.display().to_string();
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => return one(Item::failure(source, IngestError::Io(e))),
        };
        // Sizes of pipes and devices (`/dev/stdin`, `<(zcat …)`) mean nothing.
        let size = match file.metadata() {
            Ok(m) if m.is_file() => Some(m.len()),
            Ok(_) => None,
            Err(e) => return one(Item::failure(source, IngestError::Io(e))),
        };
        if size == Some(0) {
            return one(Item::failure(source, IngestError::Empty));
        }
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        open_stream(Box::new(file), source, &name, size, false, &self.opts)
    }

    /// The next input to open from the walker or the path list (a single
    /// failure when it cannot be opened); `None` when everything was read.
    fn next_input(&mut self) -> Option<ItemIter> {
        loop {
            if let Some(walker) = &mut self.walker {
                match walker.next() {
                    Some(Ok(entry)) => {
                        if entry.file_type().is_file() {
                            return Some(self.open_file(entry.path()));
                        }
                        continue;
                    }
                    Some(Err(e)) => {
                        let source = e.path().map(|p| p.display().to_string()).unwrap_or_default();
                        return Some(one(Item::failure(source, format_args!("cannot read: {e}"))));
                    }
                    None => self.walker = None,
                }
            }
            let path = self.paths.pop_front()?;
            if path.as_os_str() == "-" {
                let stdin = Box::new(std::io::stdin());
                return Some(open_stream(stdin, "-".to_string(), "-", None, false, &self.opts));
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => {
                    let keep: fn(&walkdir::DirEntry) -> bool = |e| e.depth() == 0 || !is_hidden(e.file_name());
                    self.walker = Some(
                        walkdir::WalkDir::new(&path).follow_links(true).sort_by_file_name().into_iter().filter_entry(keep),
                    );
                }
                Ok(_) => return Some(self.open_file(&path)),
                Err(e) => return Some(one(Item::failure(path.display().to_string(), IngestError::Io(e)))),
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(current) = &mut self.current {
                if let Some(item) = current.next() {
                    self.stats.count(&item);
                    return Some(item);
                }
                self.current = None;
            }
            self.current = Some(self.next_input()?);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_can_move_to_another_thread() {
        fn assert_send<T: Send>() {}
        assert_send::<Inputs>();
    }

    #[test]
    fn folders_are_sorted_and_hidden_entries_skipped() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["b.txt", "a.txt", ".h.txt", "c/d.txt", ".git/x.txt", "c/.e/f.txt"] {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "texte").unwrap();
        }
        let sources: Vec<String> = read_inputs(&[dir.path().to_path_buf()], &ReadOptions::default())
            .map(|i| match i {
                Item::Page(p) => p.source,
                other => panic!("{other:?}"),
            })
            .collect();
        let rel: Vec<_> = sources
            .iter()
            .map(|s| Path::new(s).strip_prefix(dir.path()).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(rel, vec!["a.txt", "b.txt", "c/d.txt"]);
    }
}
