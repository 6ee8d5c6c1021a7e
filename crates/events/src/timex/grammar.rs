//! The per-language data of temporal expressions: the word lists of
//! `data/lang/<lang>/timex/lexicon.tsv` and the expression shapes of
//! `data/lang/<lang>/timex/patterns.tsv`, compiled once per language into
//! regular expressions (languages by data: adding one adds two files and a
//! line in [`SOURCES`]).

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

/// The languages shipped: (ISO 639-1 code, lexicon, patterns).
const SOURCES: &[(&str, &str, &str)] = &[
    (
        "fr",
        include_str!("../../../../data/lang/fr/timex/lexicon.tsv"),
        include_str!("../../../../data/lang/fr/timex/patterns.tsv"),
    ),
    (
        "en",
        include_str!("../../../../data/lang/en/timex/lexicon.tsv"),
        include_str!("../../../../data/lang/en/timex/patterns.tsv"),
    ),
];

/// How a pattern's match is interpreted (the rule names of `patterns.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleKind {
    Date,
    DateDir,
    DayRange,
    MonthYear,
    MonthDir,
    Month,
    Year,
    YearRange,
    WeekdayDir,
    Weekday,
    Deictic,
    UnitDir,
    Ago,
    In,
    Later,
    EventRel,
    Duration,
    SinceDur,
    Decade,
}

impl RuleKind {
    fn parse(name: &str) -> Option<Self> {
        Some(match name {
            "date" => RuleKind::Date,
            "date_dir" => RuleKind::DateDir,
            "day_range" => RuleKind::DayRange,
            "month_year" => RuleKind::MonthYear,
            "month_dir" => RuleKind::MonthDir,
            "month" => RuleKind::Month,
            "year" => RuleKind::Year,
            "year_range" => RuleKind::YearRange,
            "weekday_dir" => RuleKind::WeekdayDir,
            "weekday" => RuleKind::Weekday,
            "deictic" => RuleKind::Deictic,
            "unit_dir" => RuleKind::UnitDir,
            "ago" => RuleKind::Ago,
            "in" => RuleKind::In,
            "later" => RuleKind::Later,
            "eventrel" => RuleKind::EventRel,
            "duration" => RuleKind::Duration,
            "since_dur" => RuleKind::SinceDur,
            "decade" => RuleKind::Decade,
            _ => return None,
        })
    }
}

/// One compiled expression shape.
pub(crate) struct Rule {
    pub kind: RuleKind,
    pub re: Regex,
}

/// A language's compiled temporal grammar.
pub(crate) struct Grammar {
    /// (class, normalised form) -> value.
    words: HashMap<(String, String), String>,
    pub rules: Vec<Rule>,
    /// Matches a "since" cue at the end of the text before an expression.
    pub since: Option<Regex>,
    /// Matches an "until" cue at the end of the text before an expression.
    pub until: Option<Regex>,
    /// Matches a "from" cue at the end of the text before an expression.
    pub from: Option<Regex>,
    /// Matches the whole gap between the two ends of a range.
    pub to: Option<Regex>,
    /// Finds a future-tense cue (a `future` word or a verb with a
    /// `futuresuffix` ending) in the clause before a weekday.
    pub future: Option<Regex>,
}

impl Grammar {
    /// The value of `form` in lexicon class `class`, if it is listed there.
    pub fn value(&self, class: &str, form: &str) -> Option<&str> {
        self.words
            .get(&(class.to_string(), normalise(form)))
            .map(String::as_str)
    }

    /// The direction class (`past`, `this`, `next`) of a cue word.
    pub fn direction(&self, form: &str) -> Option<i64> {
        let f = normalise(form);
        ["past", "this", "next"]
            .iter()
            .zip([-1, 0, 1])
            .find(|(c, _)| self.words.contains_key(&(c.to_string(), f.clone())))
            .map(|(_, d)| d)
    }

    fn build(lexicon: &str, patterns: &str) -> Self {
        let mut words = HashMap::new();
        // class -> forms (as written, with a possible leading '=')
        let mut classes: HashMap<String, Vec<String>> = HashMap::new();
        for line in lexicon.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(class), Some(value), Some(forms)) = (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            for form in forms.split('|').map(str::trim).filter(|f| !f.is_empty()) {
                let bare = form.strip_prefix('=').unwrap_or(form);
                words.insert((class.to_string(), normalise(bare)), value.to_string());
                classes
                    .entry(class.to_string())
                    .or_default()
                    .push(form.to_string());
            }
        }
        let alt = |class: &str| -> String {
            alternation(classes.get(class).map(Vec::as_slice).unwrap_or(&[]))
        };
        let mut rules = Vec::new();
        for line in patterns.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((name, template)) = line.split_once('\t') else {
                continue;
            };
            let Some(kind) = RuleKind::parse(name.trim()) else {
                continue;
            };
            let body = expand(template.trim(), &alt);
            // No word bounds in the regex (they would keep the fast engines
            // from running on non-ASCII text); they are checked on each match.
            if let Ok(re) = Regex::new(&format!("(?i)(?:{body})")) {
                rules.push(Rule { kind, re });
            }
        }
        let cue_at_end = |class: &str| -> Option<Regex> {
            let a = alt(class);
            (!a.is_empty())
                .then(|| Regex::new(&format!(r"(?i)(?:^|[^\w'’])(?P<cue>{a})\s*$")).ok())
                .flatten()
        };
        let to = {
            let a = alt("to");
            (!a.is_empty())
                .then(|| Regex::new(&format!(r"(?i)^\s*(?:{a})\s*$")).ok())
                .flatten()
        };
        let future = {
            let (words, suffixes) = (alt("future"), alt("futuresuffix"));
            let mut parts = Vec::new();
            if !words.is_empty() {
                parts.push(format!(r"(?:^|[^\w'’])(?:{words})(?:[^\w]|$)"));
            }
            if !suffixes.is_empty() {
                // Lower-case words only: "Ankara" is not a verb.
                parts.push(format!(
                    r"(?:^|[^\w'’])(?-i:\p{{Ll}})\w+(?:{suffixes})(?:[^\w'’]|$)"
                ));
            }
            (!parts.is_empty())
                .then(|| Regex::new(&format!("(?i){}", parts.join("|"))).ok())
                .flatten()
        };
        Grammar {
            future,
            since: cue_at_end("since"),
            until: cue_at_end("until"),
            from: cue_at_end("from"),
            to,
            words,
            rules,
        }
    }
}

/// The compiled grammar of a language (ISO 639-1, any case, region ignored),
/// or `None` when no data is shipped for it.
pub(crate) fn grammar(lang: &str) -> Option<&'static Grammar> {
    static ALL: OnceLock<Vec<(&'static str, Grammar)>> = OnceLock::new();
    let all = ALL.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(code, lex, pat)| (*code, Grammar::build(lex, pat)))
            .collect()
    });
    let code = lang
        .trim()
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    all.iter().find(|(c, _)| *c == code).map(|(_, g)| g)
}

/// Lower case, typographic apostrophe as ASCII, white space collapsed.
pub(crate) fn normalise(s: &str) -> String {
    let lower = s.to_lowercase().replace('’', "'");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A regex alternation of lexicon forms, longest first; a form starting
/// with `=` is case-sensitive.
fn alternation(forms: &[String]) -> String {
    let mut sorted: Vec<&String> = forms.iter().collect();
    let bare = |f: &String| f.trim_start_matches('=').chars().count();
    sorted.sort_by(|a, b| bare(b).cmp(&bare(a)).then(a.cmp(b)));
    sorted.dedup();
    sorted
        .iter()
        .map(|f| match f.strip_prefix('=') {
            Some(cs) => format!("(?-i:{})", literal(cs)),
            None => literal(f),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// A lexicon form as a regex: escaped, any apostrophe for `'`, any white
/// space for a space.
fn literal(form: &str) -> String {
    let mut out = String::new();
    for (i, part) in form.split(' ').filter(|p| !p.is_empty()).enumerate() {
        if i > 0 {
            out.push_str(r"\s+");
        }
        for ch in part.chars() {
            match ch {
                '\'' | '’' => out.push_str("['’]"),
                c => out.push_str(&regex::escape(c.encode_utf8(&mut [0; 4]))),
            }
        }
    }
    out
}

/// Expands a pattern template: `{class}` placeholders, spaces, apostrophes.
fn expand(template: &str, alt: &dyn Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(ch) = rest.chars().next() {
        // `{name}` is a placeholder; `{4}` or `{1,3}` a regex repetition.
        if ch == '{'
            && rest
                .get(1..2)
                .is_some_and(|c| c.chars().all(|c| c.is_ascii_alphabetic()))
        {
            if let Some(close) = rest.find('}') {
                let name = rest.get(1..close).unwrap_or("");
                out.push_str(&placeholder(name, alt));
                rest = rest.get(close + 1..).unwrap_or("");
                continue;
            }
        }
        match ch {
            ' ' => out.push_str(r"\s+"),
            '\'' => out.push_str("['’]"),
            c => out.push(c),
        }
        rest = rest.get(ch.len_utf8()..).unwrap_or("");
    }
    out
}

fn placeholder(name: &str, alt: &dyn Fn(&str) -> String) -> String {
    let ordinal = alt("ordinal");
    let ord = if ordinal.is_empty() {
        String::new()
    } else {
        format!("(?:{ordinal})?")
    };
    match name {
        "day" | "day2" => format!("(?P<{name}>3[01]|[12][0-9]|0?[1-9]){ord}"),
        "year" | "year2" => format!("(?P<{name}>1[5-9][0-9]{{2}}|20[0-9]{{2}})"),
        "num" => format!("(?P<num>[0-9]{{1,3}}|{})", alt("num")),
        "pn" => format!("(?P<dir>{}|{})", alt("past"), alt("next")),
        "dir" => format!("(?P<dir>{}|{}|{})", alt("past"), alt("this"), alt("next")),
        "month" | "month2" => {
            let abbr = alt("monthabbr");
            let both = if abbr.is_empty() {
                alt("month")
            } else {
                format!("{}|{abbr}", alt("month"))
            };
            format!("(?P<{name}>{both})\\.?")
        }
        "monthname" => format!("(?P<month>{})", alt("month")),
        "weekday" => format!("(?P<weekday>{})\\.?", alt("weekday")),
        class => {
            let a = alt(class);
            if a.is_empty() {
                // A class the language does not list: the shape cannot match.
                "[^\\s\\S]".to_string()
            } else {
                format!("(?P<{class}>{a})")
            }
        }
    }
}
