//! Per-language word lists of the text-dump extractor, embedded from
//! `data/lang/<iso>/` at build time: stop words (`stopwords.txt`) and
//! metadata cue phrases (`dump-cues.txt`), plus language-independent lists
//! under `data/lang/mul/` (news agencies, name particles).
//!
//! Adding a language means adding its two files and one row in
//! [`LANGUAGE_FILES`]; no code looks at a language code.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dossier_text::data_lines;
use dossier_text::normalize::fold;

/// `(ISO 639-1 code, stopwords.txt, dump-cues.txt)` for every language.
const LANGUAGE_FILES: &[(&str, &str, &str)] = &[
    ("fr", include_str!("../../../../data/lang/fr/stopwords.txt"), include_str!("../../../../data/lang/fr/dump-cues.txt")),
    ("en", include_str!("../../../../data/lang/en/stopwords.txt"), include_str!("../../../../data/lang/en/dump-cues.txt")),
    ("de", include_str!("../../../../data/lang/de/stopwords.txt"), include_str!("../../../../data/lang/de/dump-cues.txt")),
    ("es", include_str!("../../../../data/lang/es/stopwords.txt"), include_str!("../../../../data/lang/es/dump-cues.txt")),
    ("it", include_str!("../../../../data/lang/it/stopwords.txt"), include_str!("../../../../data/lang/it/dump-cues.txt")),
    ("pt", include_str!("../../../../data/lang/pt/stopwords.txt"), include_str!("../../../../data/lang/pt/dump-cues.txt")),
    ("nl", include_str!("../../../../data/lang/nl/stopwords.txt"), include_str!("../../../../data/lang/nl/dump-cues.txt")),
    ("pl", include_str!("../../../../data/lang/pl/stopwords.txt"), include_str!("../../../../data/lang/pl/dump-cues.txt")),
];

const AGENCIES: &str = include_str!("../../../../data/lang/mul/agencies.txt");
const PARTICLES: &str = include_str!("../../../../data/lang/mul/name-particles.txt");
const NAME_ARTICLES: &str = include_str!("../../../../data/lang/mul/name-articles.txt");
const ORG_WORDS: &str = include_str!("../../../../data/lang/mul/org-words.txt");

/// Hash builder for the short string keys of the extractor's maps: FxHash
/// (`rustc-hash`, also used by the HTML extractor), since SipHash's
/// resistance to crafted keys is not needed for word lists and it dominated
/// the line pass.
pub(crate) type FastBuild = rustc_hash::FxBuildHasher;

/// Hasher of the packed short stop words (see [`pack_word`]): one `u64`
/// mixed so that its low bits, which pick the table slot, depend on every
/// byte of the word.
#[derive(Default, Clone, Copy)]
pub(crate) struct PackedHasher(u64);

impl std::hash::Hasher for PackedHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b) ^ self.0.rotate_left(8));
        }
    }
    fn write_u64(&mut self, x: u64) {
        let x = (x ^ (x >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
        self.0 = x ^ (x >> 29);
    }
}

/// Longest word, in bytes, packed into one `u64` for the stop-word map.
const PACKED_BYTES: usize = 8;

/// The bytes of a word of at most [`PACKED_BYTES`] bytes as one number
/// (zero-padded: words hold no NUL, so two words never share a number).
fn pack_word(word: &str) -> u64 {
    let mut b = [0u8; PACKED_BYTES];
    let n = word.len().min(PACKED_BYTES);
    b[..n].copy_from_slice(&word.as_bytes()[..n]);
    u64::from_le_bytes(b)
}

/// At most this many languages fit the per-word bit mask.
const MAX_LANGUAGES: usize = 64;

/// What a cue phrase announces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// Introduces an author's name ("Par", "By", "Auteur :").
    Byline,
    /// Announces the publication date ("Publié le").
    Published,
    /// Announces an update date ("Mis à jour le").
    Modified,
    /// Joins two author names ("et", "and").
    And,
    /// Opens a line that points to other pages ("À lire aussi", "Read
    /// more", "Article suivant"): such a line is never article text.
    Chrome,
    /// Heads a comment section ("Commentaires", "Leave a reply"): what
    /// follows is readers' text, not the article.
    Comments,
    /// Heads a comment section after a count only ("6 thoughts on “…”",
    /// "2 Kommentare zu „…“"): alone, such words may open a sentence.
    CountedComments,
    /// A formula that closes an article on a line of its own ("À suivre",
    /// "To be continued"): kept as the article's last line.
    Closing,
    /// Opens a line about a picture ("Photo :", "Foto:", "Image caption"):
    /// its credit or caption, not the article's text.
    Picture,
    /// Opens the signature of an embedded social-media post ("Publiée
    /// par … sur <date>", as a social network's embed prints it): the post
    /// is quoted by the article.
    Post,
}

/// One cue phrase of one language.
#[derive(Debug, Clone)]
pub(crate) struct Cue {
    pub kind: CueKind,
    /// Lower-case phrase, words separated by one space.
    pub phrase: String,
    /// Its first character.
    first: char,
}

/// Every list the extractor reads, parsed once.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Language codes, in bit order.
    pub codes: Vec<&'static str>,
    /// Lower-case stop word → bit mask of the languages that list it
    /// (words longer than [`PACKED_BYTES`]).
    stop: HashMap<&'static str, u64, FastBuild>,
    /// The same for the shorter words, keyed by [`pack_word`] (no string
    /// hashing or comparison for the common short words).
    stop_short: HashMap<u64, u64, std::hash::BuildHasherDefault<PackedHasher>>,
    /// Bytes of the longest stop word (longer words are not looked up).
    stop_max: usize,
    /// Cue phrases of all languages, longest first.
    pub cues: Vec<Cue>,
    /// Folded agency names.
    agencies: HashSet<String>,
    /// Lower-case name particles.
    particles: HashSet<&'static str>,
    /// Particles that are also articles (`data/lang/mul/name-articles.txt`).
    name_articles: HashSet<&'static str>,
    /// Folded words that mark an organisation's name.
    org_words: HashSet<String>,
    /// First characters of the cue phrases, and the longest cue in chars.
    cue_firsts: Vec<char>,
    /// For each of `cue_firsts`, the indices in `cues` of the cues starting
    /// with it (longest first, as in `cues`).
    cues_by_first: Vec<Vec<usize>>,
    cue_chars: usize,
    /// First words of the `chrome` and `comments` cues (lower case), to
    /// test a line's first word before matching whole cues.
    chrome_firsts: HashSet<String, FastBuild>,
    comment_firsts: HashSet<String, FastBuild>,
    counted_firsts: HashSet<String, FastBuild>,
    /// Lower-case advertising labels (`ad` lines of the data files).
    ad_labels: HashSet<String, FastBuild>,
    /// First characters of the advertising labels.
    ad_firsts: Vec<char>,
    /// Words that, anywhere in a line, make it a call to subscribe
    /// (`promo` lines of the data files: "newsletter"), as one
    /// ASCII-case-insensitive automaton (one pass over a line).
    promo: Option<aho_corasick::AhoCorasick>,
    /// "ookie" ("cookie", "Cookies"): one SIMD substring search per line,
    /// much cheaper than a case-insensitive automaton on every line.
    cookie: Option<memchr::memmem::Finder<'static>>,
    /// Words of a consent banner's choices (`consent` lines of the data
    /// files: "accepter", "refuser", "paramétrer", "consent"), any case.
    consent: Option<aho_corasick::AhoCorasick>,
}

/// Longest advertising label looked up, in bytes.
const AD_LABEL_BYTES: usize = 40;

impl Lexicon {
    /// The lexicon built from the embedded files (parsed on first use).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let mut lex = Lexicon::from_files(LANGUAGE_FILES, AGENCIES, PARTICLES);
            lex.org_words = data_lines(ORG_WORDS).map(fold).collect();
            lex
        })
    }

    fn from_files(langs: &[(&'static str, &'static str, &'static str)], agencies: &'static str, particles: &'static str) -> Self {
        let mut lex = Lexicon::default();
        let mut promo_words: Vec<String> = Vec::new();
        let mut consent_words: Vec<String> = Vec::new();
        for (bit, (code, stop, cues)) in langs.iter().take(MAX_LANGUAGES).enumerate() {
            lex.codes.push(code);
            for w in data_lines(stop) {
                if w.len() <= PACKED_BYTES {
                    *lex.stop_short.entry(pack_word(w)).or_insert(0) |= 1u64 << bit;
                } else {
                    *lex.stop.entry(w).or_insert(0) |= 1u64 << bit;
                }
                lex.stop_max = lex.stop_max.max(w.len());
            }
            for line in data_lines(cues) {
                let mut parts = line.splitn(2, char::is_whitespace);
                if let Some(label) = line.strip_prefix("ad ") {
                    lex.ad_labels.insert(label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase());
                    continue;
                }
                // Words matched anywhere in a line, one list per kind.
                let word_list = [("promo ", &mut promo_words), ("consent ", &mut consent_words)]
                    .into_iter()
                    .find_map(|(kind, list)| line.strip_prefix(kind).map(|w| (w.trim().to_lowercase(), list)));
                if let Some((word, list)) = word_list {
                    if !word.is_empty() && !list.contains(&word) {
                        list.push(word);
                    }
                    continue;
                }
                let kind = match parts.next() {
                    Some("byline") => CueKind::Byline,
                    Some("published") => CueKind::Published,
                    Some("modified") => CueKind::Modified,
                    Some("and") => CueKind::And,
                    Some("chrome") => CueKind::Chrome,
                    Some("comments") => CueKind::Comments,
                    Some("comments-after-count") => CueKind::CountedComments,
                    Some("closing") => CueKind::Closing,
                    Some("picture") => CueKind::Picture,
                    Some("post") => CueKind::Post,
                    _ => continue,
                };
                let phrase = parts.next().unwrap_or("").split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
                if let Some(first) = phrase.chars().next() {
                    lex.cues.push(Cue { kind, phrase, first });
                }
            }
        }
        lex.cues.sort_by_key(|c| std::cmp::Reverse(c.phrase.len()));
        lex.cue_firsts = lex.cues.iter().filter_map(|c| c.phrase.chars().next()).collect();
        lex.cue_firsts.sort_unstable();
        lex.cue_firsts.dedup();
        lex.cues_by_first = lex.cue_firsts.iter().map(|f| lex.cues.iter().enumerate().filter(|(_, c)| c.first == *f).map(|(i, _)| i).collect()).collect();
        lex.cue_chars = lex.cues.iter().map(|c| c.phrase.chars().count()).max().unwrap_or(0) + 1;
        let firsts = |kind: CueKind| -> HashSet<String, FastBuild> {
            // Split as `first_word_in` splits a line ("abonnez-vous" -> "abonnez").
            lex.cues.iter().filter(|c| c.kind == kind).filter_map(|c| c.phrase.split(|ch: char| !ch.is_alphanumeric()).next().map(str::to_string)).collect()
        };
        lex.chrome_firsts = firsts(CueKind::Chrome);
        lex.comment_firsts = firsts(CueKind::Comments);
        lex.counted_firsts = firsts(CueKind::CountedComments);
        lex.ad_firsts = lex.ad_labels.iter().filter_map(|l| l.chars().next()).collect();
        lex.ad_firsts.sort_unstable();
        lex.ad_firsts.dedup();
        lex.agencies = data_lines(agencies).map(fold).collect();
        lex.particles = data_lines(particles).collect();
        lex.name_articles = data_lines(NAME_ARTICLES).collect();
        lex.promo = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&promo_words).ok();
        lex.cookie = Some(memchr::memmem::Finder::new(b"ookie"));
        lex.consent = aho_corasick::AhoCorasick::builder().ascii_case_insensitive(true).build(&consent_words).ok();
        lex
    }

    /// Bit mask of the languages listing `lower` (a lower-case word) as a
    /// stop word.
    pub fn stop_mask(&self, lower: &str) -> u64 {
        if lower.len() > self.stop_max || lower.is_empty() {
            return 0;
        }
        if lower.len() <= PACKED_BYTES {
            return self.stop_short.get(&pack_word(lower)).copied().unwrap_or(0);
        }
        self.stop.get(lower).copied().unwrap_or(0)
    }

    /// True when the whole of `text` is an advertising label
    /// ("Advertisement", "- Publicité -", "ANZEIGE"), list markers and
    /// punctuation around it ignored. Short lines only are looked at.
    pub fn is_ad_label(&self, text: &str, buf: &mut String) -> bool {
        if text.len() > 2 * AD_LABEL_BYTES {
            return false;
        }
        let core = text.trim_matches(|c: char| !c.is_alphanumeric());
        if core.len() > AD_LABEL_BYTES || !core.chars().next().and_then(|c| c.to_lowercase().next()).is_some_and(|c| self.ad_firsts.contains(&c)) {
            return false;
        }
        buf.clear();
        push_lowercase(buf, core, usize::MAX);
        self.ad_labels.contains(buf.as_str())
    }

    /// True when `text` holds one of the `promo` words (any case, also
    /// inside a compound: "Sonder-Newsletter").
    pub fn has_promo_word(&self, text: &str) -> bool {
        self.promo.as_ref().is_some_and(|ac| ac.is_match(text))
    }

    /// True when `text` reads as a cookie-consent banner's line: it names
    /// cookies and one of the banner's choices (`consent` words: accept,
    /// refuse, set, consent), any case.
    pub fn is_consent_line(&self, text: &str) -> bool {
        self.cookie.as_ref().is_some_and(|f| f.find(text.as_bytes()).is_some()) && self.consent.as_ref().is_some_and(|ac| ac.is_match(text))
    }

    /// True when `name` is a news agency or publisher rather than a person:
    /// listed as an agency, or holding a word that marks an organisation
    /// ("CBS News", "Team Tech").
    pub fn is_agency(&self, name: &str) -> bool {
        let folded = fold(name.trim());
        self.agencies.contains(&folded)
            || folded.split(|c: char| !c.is_alphanumeric()).any(|w| self.org_words.contains(w))
    }

    /// True when `name` is a news agency or photo library of the list
    /// itself (no newsroom word test).
    pub fn is_listed_agency(&self, name: &str) -> bool {
        self.agencies.contains(&fold(name.trim()))
    }

    /// True when `lower` may sit inside a person's name ("de", "van").
    pub fn is_particle(&self, lower: &str) -> bool {
        self.particles.contains(lower)
    }

    /// True when the particle `lower` is also an article ("der", "des"):
    /// inside a name only after another particle.
    pub fn is_name_article(&self, lower: &str) -> bool {
        self.name_articles.contains(lower)
    }

    /// Whether `text` opens with a `chrome` cue ("À lire aussi", "Read
    /// more"), and whether it opens with a `comments` cue, maybe after a
    /// count ("12 commentaires", "Leave a Reply"), or a
    /// `comments-after-count` cue after a count ("6 thoughts on"). Most
    /// lines are rejected on their first word alone (one lower-casing, a
    /// few set look-ups).
    #[cfg(test)]
    pub fn line_cues(&self, text: &str) -> (bool, bool) {
        let (chrome, comments) = self.line_cues_with(text, &mut String::new());
        (chrome, comments.is_some())
    }

    /// [`Lexicon::line_cues`] with a buffer reused from line to line; the
    /// comment cue is given by the byte where it ends in `text`.
    pub fn line_cues_with(&self, text: &str, buf: &mut String) -> (bool, Option<usize>) {
        let chrome = first_word_in(text, &self.chrome_firsts, buf) && self.cue_at_start(text, &[CueKind::Chrome]).is_some();
        // A count in brackets, as a text browser prints a link or a button
        // ("[ 167 comments ]", "(12 Comments)", "{ 38 comments… read them
        // below or add one }"), is read as a bare count.
        let counted_text = |r: &str| r.trim_start_matches(dossier_text::normalize::is_space).starts_with(|c: char| c.is_ascii_digit());
        let inner = match text.as_bytes().first() {
            Some(b'[' | b'(' | b'{') if text.get(1..).is_some_and(counted_text) => text.get(1..).unwrap_or(text).trim_start_matches(dossier_text::normalize::is_space),
            _ => text,
        };
        let lead = text.len() - inner.len();
        let rest = inner.trim_start_matches(|c: char| c.is_ascii_digit() || dossier_text::normalize::is_space(c));
        let same = rest.len() == inner.len();
        let counted = !same && inner.starts_with(|c: char| c.is_ascii_digit());
        let first_ok = if same { self.comment_firsts.contains(buf.as_str()) } else {
            first_word_in(rest, &self.comment_firsts, buf) || counted && self.counted_firsts.contains(buf.as_str())
        };
        let kinds: &[CueKind] = if counted { &[CueKind::Comments, CueKind::CountedComments] } else { &[CueKind::Comments] };
        let comments = if first_ok { self.cue_at_start(rest, kinds).map(|(_, len)| lead + inner.len() - rest.len() + len) } else { None };
        (chrome, comments)
    }

    /// True when `text` opens with a `chrome` cue.
    #[cfg(test)]
    pub fn starts_with_chrome(&self, text: &str) -> bool {
        self.line_cues(text).0
    }

    /// True when `text` heads a comment section.
    #[cfg(test)]
    pub fn starts_with_comments(&self, text: &str) -> bool {
        self.line_cues(text).1
    }

    /// True when the whole of `text` is a closing formula ("À suivre",
    /// "(À suivre…)", "To be continued."), brackets and punctuation around
    /// it ignored.
    pub fn is_closing(&self, text: &str) -> bool {
        let core = text.trim_matches(|c: char| !c.is_alphanumeric());
        self.cue_at_start(core, &[CueKind::Closing]).is_some_and(|(_, len)| len == core.len())
    }

    /// True when `lower` is a conjunction joining two author names.
    pub fn is_and(&self, lower: &str) -> bool {
        self.cues.iter().any(|c| c.kind == CueKind::And && c.phrase == lower)
    }

    /// The longest cue (of `kinds`) that `text` starts with, matched
    /// case-insensitively on whole words; returns the cue and the byte
    /// length of `text` it covers.
    pub fn cue_at_start(&self, text: &str, kinds: &[CueKind]) -> Option<(&Cue, usize)> {
        // Most lines start with no cue's first letter.
        let first = text.chars().next()?.to_lowercase().next()?;
        let Ok(slot) = self.cue_firsts.binary_search(&first) else {
            return None;
        };
        // Lower-case a bounded prefix only (when a cue of the kinds starts
        // with that letter): cues are short (spaces may be runs, hence the
        // margin).
        let limit = self.cue_chars * 2;
        let mut lower: Option<String> = None;
        // Collapse runs of spaces to one so that multi-word cues match.
        let by_first = self.cues_by_first.get(slot).map_or(&[][..], Vec::as_slice);
        for cue in by_first.iter().filter_map(|&k| self.cues.get(k)).filter(|c| kinds.contains(&c.kind)) {
            let lower = lower.get_or_insert_with(|| {
                let mut lower = String::with_capacity(text.len().min(limit * 2));
                push_lowercase(&mut lower, text, limit);
                lower
            });
            if let Some(end) = match_phrase(lower, &cue.phrase) {
                let next = lower.get(end..).and_then(|r| r.chars().next());
                if !next.is_some_and(char::is_alphanumeric) {
                    // The input byte where the lower-cased text reaches `end`
                    // (none when `end` splits one character's lower case).
                    let mut at = 0usize;
                    let raw_end = text.char_indices().take(limit).find_map(|(i, c)| {
                        at += c.to_lowercase().map(char::len_utf8).sum::<usize>();
                        (at == end).then_some(i + c.len_utf8())
                    })?;
                    return Some((cue, raw_end));
                }
            }
        }
        None
    }
}

/// Lower-cases the first word of `text` into `buf` (emptied first) and
/// tells whether `set` holds it.
fn first_word_in(text: &str, set: &HashSet<String, FastBuild>, buf: &mut String) -> bool {
    buf.clear();
    let first = text.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if first.is_empty() || first.len() > 24 {
        return false;
    }
    push_lowercase(buf, first, usize::MAX);
    set.contains(buf.as_str())
}

/// Appends the lower case of the first `limit` characters of `text` to
/// `out`; ASCII text is copied and lower-cased in place (no per-character
/// Unicode look-up).
fn push_lowercase(out: &mut String, text: &str, limit: usize) {
    match text.get(..limit.min(text.len())) {
        // `limit` ASCII characters are `limit` bytes.
        Some(head) if head.is_ascii() => {
            let from = out.len();
            out.push_str(head);
            if let Some(tail) = out.get_mut(from..) {
                tail.make_ascii_lowercase();
            }
        }
        _ => out.extend(text.chars().take(limit).flat_map(char::to_lowercase)),
    }
}

/// If `lower` starts with `phrase` (its single spaces matching any run of
/// spaces), the byte length of `lower` matched.
fn match_phrase(lower: &str, phrase: &str) -> Option<usize> {
    let mut it = lower.char_indices().peekable();
    for pc in phrase.chars() {
        if pc == ' ' {
            let mut any = false;
            while let Some(&(_, c)) = it.peek() {
                if dossier_text::normalize::is_space(c) {
                    any = true;
                    it.next();
                } else {
                    break;
                }
            }
            if !any {
                return None;
            }
        } else {
            match it.next() {
                Some((_, c)) if c == pc => {}
                _ => return None,
            }
        }
    }
    Some(it.peek().map_or(lower.len(), |&(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_loads_stop_words_and_cues() {
        let lex = Lexicon::get();
        assert!(lex.codes.contains(&"fr") && lex.codes.contains(&"en"));
        for (bit, code) in lex.codes.iter().enumerate() {
            assert!(lex.stop.values().chain(lex.stop_short.values()).any(|m| m & (1 << bit) != 0), "{code} has no stop words");
        }
        let fr = 1u64 << lex.codes.iter().position(|c| *c == "fr").unwrap();
        assert_ne!(lex.stop_mask("les") & fr, 0);
        assert_eq!(lex.stop_mask("kremlin"), 0);
    }

    #[test]
    fn consent_banner_lines() {
        let lex = Lexicon::get();
        assert!(lex.is_consent_line("En cliquant sur « OK TOUT ACCEPTER », vous acceptez que le site et les tiers utilisent des cookies."));
        assert!(lex.is_consent_line("We use cookies. You can manage your preferences or reject them."));
        assert!(!lex.is_consent_line("La recette des cookies au chocolat de ma grand-mère est simple."));
        assert!(!lex.is_consent_line("Le ministre a accepté de parler aux journalistes."));
    }

    #[test]
    fn consent_banner_asking_to_allow_cookies() {
        // "zuzulassen": the banner asks to allow (zulassen) third-party cookies.
        let lex = Lexicon::get();
        assert!(lex.is_consent_line("Zur Optimierung unseres Web-Angebots empfehlen wir zudem, technisch nicht notwendige \"Drittanbieter-Cookies\" zuzulassen."));
    }

    #[test]
    fn promo_words_match_anywhere_in_any_case() {
        let lex = Lexicon::get();
        assert!(lex.has_promo_word("Recevez notre NEWSLETTER chaque matin."));
        assert!(lex.has_promo_word("Jetzt den Sonder-Newsletter abonnieren!"));
        assert!(!lex.has_promo_word("Le ministre a parlé aux journalistes."));
    }

    #[test]
    fn advertising_labels_are_whole_lines() {
        let lex = Lexicon::get();
        for label in ["Advertisement", "- Publicité -", "ANZEIGE", "Ad", "Story continues below advertisement"] {
            assert!(lex.is_ad_label(label, &mut String::new()), "{label}");
        }
        for text in ["Advertisement revenue fell", "Publicité mensongère", ""] {
            assert!(!lex.is_ad_label(text, &mut String::new()), "{text}");
        }
    }

    #[test]
    fn cues_match_whole_words_case_insensitively() {
        let lex = Lexicon::get();
        let (cue, len) = lex.cue_at_start("Rédigé par Kamalenba le Lundi", &[CueKind::Byline]).unwrap();
        assert_eq!(cue.phrase, "rédigé par");
        assert_eq!(len, "Rédigé par".len());
        assert!(lex.cue_at_start("Parfois il pleut", &[CueKind::Byline]).is_none());
        // The byte length is measured on the input, not its lower case.
        let (_, len) = lex.cue_at_start("RÉDIGÉ  PAR KAMALENBA", &[CueKind::Byline]).unwrap();
        assert_eq!(len, "RÉDIGÉ  PAR".len());
        assert!(lex.cue_at_start("Rédigé parfois", &[CueKind::Byline]).is_none());
        let (cue, _) = lex.cue_at_start("Mis  à jour le 3 mai", &[CueKind::Modified, CueKind::Published]).unwrap();
        assert_eq!(cue.kind, CueKind::Modified);
    }

    #[test]
    fn picture_labels() {
        let lex = Lexicon::get();
        for text in ["Photo : Jean Dupont", "Foto: dpa", "Bild: Screenshot", "Image caption The minister in 2019", "Fotografía: Archivo", "fot. Jan Kowalski", "In this file photo, the minister speaks.", "Sur cette photo, le ministre à Paris."] {
            assert!(lex.cue_at_start(text, &[CueKind::Picture]).is_some(), "{text}");
        }
        for text in ["Photographs of the scene were shared online.", "Fotos und Videos zeigen die Lage.", "Imagine a city without cars.", "Bildung ist wichtig.", "In this photography course, students learn fast."] {
            assert!(lex.cue_at_start(text, &[CueKind::Picture]).is_none(), "{text}");
        }
    }

    #[test]
    fn agencies_and_particles() {
        let lex = Lexicon::get();
        assert!(lex.is_agency("AFP"));
        assert!(lex.is_agency(" Reuters "));
        assert!(!lex.is_agency("Pierre"));
        // Parties, movements and foundations publish pages too.
        assert!(lex.is_agency("Courant Communiste Révolutionnaire"));
        assert!(lex.is_agency("Wikimedia Foundation"));
        assert!(lex.is_agency("Parti socialiste"));
        assert!(!lex.is_agency("Richard Courant"));
        assert!(lex.is_particle("de"));
        assert!(lex.is_and("et"));
        assert!(lex.starts_with_chrome("À lire aussi » Un autre article"));
        assert!(lex.starts_with_chrome("LESEN SIE AUCH: Ein Artikel"));
        assert!(lex.starts_with_chrome("Diese Artikel könnten dich ebenfalls interessieren:"));
        assert!(lex.starts_with_chrome("Diese Artikel könnten Sie auch interessieren"));
        assert!(!lex.starts_with_chrome("Lire, écrire et compter."));
        assert!(!lex.starts_with_chrome(""));
        // Cues whose first word holds a hyphen or an apostrophe.
        assert!(lex.starts_with_chrome("Abonnez-vous pour accéder à tous nos contenus, c’est très simple !"));
        assert!(lex.starts_with_chrome("Je m’abonne dès 2,99€/mois"));
        assert!(lex.starts_with_chrome("Nous utilisons les témoins de navigation (cookies) afin d'opérer nos services."));
        assert!(lex.starts_with_comments("Tous vos commentaires (11)"));
        assert!(lex.starts_with_comments("12 commentaires"));
        assert!(lex.starts_with_comments("[ 167 comments ]"));
        assert!(lex.starts_with_comments("{ 38 comments… read them below or add one }"));
        assert!(lex.starts_with_comments("(12 Comments)"));
        assert!(!lex.starts_with_comments("[Comment réussir ses semis]"));
        assert!(lex.starts_with_comments("Leave a Reply Cancel reply"));
        assert!(!lex.starts_with_comments("Comment réussir ses semis de tomates"));
        for closing in ["A suivre", "(À suivre…)", "Affaire à suivre.", "To be continued"] {
            assert!(lex.is_closing(closing), "{closing}");
        }
        for text in ["À suivre sur notre site", "Suivre", ""] {
            assert!(!lex.is_closing(text), "{text}");
        }
    }
}
