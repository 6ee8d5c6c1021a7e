//! `dossier-stories`: which articles are copies of one another, and which
//! report the same story.
//!
//! * [`DedupIndex`] (module [`dedup`]): near-duplicate detection over clean
//!   article texts. Word 4-gram shingles of folded tokens, 128-value MinHash
//!   signatures, LSH banding for candidates, verification by estimated
//!   Jaccard and containment. Incremental: inserting a document compares it
//!   only with its LSH candidates.
//! * [`group_stories`] (module [`story`]): articles on the same story,
//!   grouped by TF-IDF cosine over content words, shared entities and a
//!   publication-date window, with candidate pairs drawn from rare shared
//!   terms and entities (no all-pairs pass).
//!
//! Lower-level pieces: [`shingle`] (tokens and shingle hashes without a
//! per-token allocation), [`minhash`] (signatures and estimates),
//! [`day`] (day intervals from ISO-like date strings).

pub mod day;
pub mod dedup;
pub mod minhash;
pub mod shingle;
pub mod story;
mod unionfind;

pub use dedup::{DedupConfig, DedupIndex, DedupStats};
pub use story::{group_stories, group_stories_with, Story, StoryConfig, StoryInput};
