//! The report's data model: what `dossier report --format json` prints
//! (documented by `docs/report.schema.json`). Every statement carries
//! [`Citation`]s pointing at a sentence of an article.

use dossier_document::DateValue;
use dossier_events::{EventTime, EventType};
use serde::{Deserialize, Serialize};

/// Version of the JSON form; bumped on any incompatible change.
pub const REPORT_FORMAT_VERSION: u32 = 1;

/// A pointer to one sentence of one article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Citation {
    /// Article id.
    pub doc: String,
    /// Index of the sentence in the article (0-based).
    pub sentence: usize,
    /// Code-point offsets of the sentence in the article's `text`.
    pub start: usize,
    /// End (exclusive) of the sentence.
    pub end: usize,
}

/// One source article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Article id (content hash of the raw page).
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Path or URL it came from.
    pub source: String,
    /// Page URL.
    pub url: Option<String>,
    /// Outlet: site name, else URL host.
    pub outlet: Option<String>,
    /// Publication date at its precision.
    pub published: Option<DateValue>,
    /// ISO 639-1.
    pub language: Option<String>,
    /// Authors.
    pub authors: Vec<String>,
    /// Story id, when grouped with other articles.
    pub story: Option<String>,
    /// Id of the article this one is a near-duplicate copy of.
    pub duplicate_of: Option<String>,
    /// The sentences, as printed (citations index into this list).
    pub sentences: Vec<String>,
}

/// A role stated for an entity, with its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Role {
    /// The role as printed ("porte-parole du Kremlin").
    pub role: String,
    /// Where it is stated.
    pub cite: Citation,
}

/// An actor of the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable dossier id.
    pub id: String,
    /// `PER`, `ORG` or `LOC`.
    #[serde(rename = "type")]
    pub kind: String,
    /// Canonical (fullest) name.
    pub name: String,
    /// Other surface forms.
    pub aliases: Vec<String>,
    /// Stated roles.
    pub roles: Vec<Role>,
    /// Id in a knowledge file or gazetteer, when linked.
    pub linked_id: Option<String>,
    /// The gazetteer place a location is linked to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<PlaceInfo>,
    /// Why mentions were merged into this entity.
    pub merge_reasons: Vec<String>,
    /// Articles naming it.
    pub articles: Vec<String>,
    /// Number of mentions.
    pub mentions: usize,
    /// One citation per article (its first mention).
    pub cites: Vec<Citation>,
}

/// A location's entry in the shipped gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceInfo {
    /// `country`, `region`, `bigcity`, `subdivision` or `city`.
    pub tier: String,
    /// ISO 3166-1 alpha-2 country, when known.
    pub country: Option<String>,
    /// GeoNames id (cities).
    pub geonames_id: Option<u64>,
    /// Latitude and longitude (cities).
    pub coordinates: Option<(f64, f64)>,
    /// Confidence of the name-only match, in `[0, 1]`.
    pub confidence: f32,
}

/// An attributed direct quotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Speaker entity id, when resolved.
    pub speaker: Option<String>,
    /// Speaker name as resolved.
    pub speaker_name: Option<String>,
    /// Speech verb.
    pub verb: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Where.
    pub cite: Citation,
}

/// An event on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// Event id.
    pub id: String,
    /// Where it is placed (its earliest point, at its own precision).
    pub point: String,
    /// Precision of `point`.
    pub precision: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Participant entity ids and names.
    pub participants: Vec<(String, String)>,
    /// Place entity id and name.
    pub place: Option<(String, String)>,
    /// Every time the sources give.
    pub times: Vec<EventTime>,
    /// True when sources disagree on the time.
    pub times_disagree: bool,
    /// Trigger words, one per source.
    pub triggers: Vec<String>,
    /// Evidence sentences.
    pub cites: Vec<Citation>,
}

/// A relation between two actors, from the events they share.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    /// First entity id.
    pub source: String,
    /// Second entity id.
    pub target: String,
    /// Event type.
    #[serde(rename = "type")]
    pub kind: EventType,
    /// Dates of the events.
    pub points: Vec<String>,
    /// Event ids.
    pub events: Vec<String>,
    /// Evidence sentences.
    pub cites: Vec<Citation>,
}

/// A group of articles telling the same story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryGroup {
    /// Story id.
    pub id: String,
    /// Article ids.
    pub articles: Vec<String>,
    /// Entities shared by its articles.
    pub entities: Vec<String>,
    /// First and last publication dates.
    pub first: Option<String>,
    /// Last publication date.
    pub last: Option<String>,
}

/// Counts and period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Overview {
    /// Number of articles.
    pub articles: usize,
    /// Distinct outlets.
    pub outlets: usize,
    /// Languages and counts.
    pub languages: Vec<(String, usize)>,
    /// Earliest publication date.
    pub from: Option<String>,
    /// Latest publication date.
    pub to: Option<String>,
    /// Articles without a publication date.
    pub undated: usize,
}

impl Overview {
    /// The report's opening sentence, in plain text: counts, period and
    /// languages ("5 article(s) from 3 outlet(s), 2025-04-03 to 2025-06-23
    /// (0 undated); languages fr: 5."). Pages that name no outlet (text
    /// dumps) give "outlet not named" rather than "from 0 outlet(s)".
    pub fn sentence(&self) -> String {
        let langs: Vec<String> = self.languages.iter().map(|(l, n)| format!("{l}: {n}")).collect();
        let outlets = if self.outlets == 0 {
            ", outlet not named,".to_string()
        } else {
            format!(" from {} outlet(s),", self.outlets)
        };
        format!(
            "{} article(s){outlets} {} to {} ({} undated); languages {}.",
            self.articles,
            self.from.as_deref().unwrap_or("?"),
            self.to.as_deref().unwrap_or("?"),
            self.undated,
            langs.join(", ")
        )
    }
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`REPORT_FORMAT_VERSION`].
    pub format_version: u32,
    /// Counts and period.
    pub overview: Overview,
    /// Source articles, by date.
    pub articles: Vec<Article>,
    /// Actors, most mentioned first.
    pub entities: Vec<Entity>,
    /// Events by time.
    pub timeline: Vec<TimelineItem>,
    /// Quotes, grouped by speaker order of appearance.
    pub quotes: Vec<Quote>,
    /// Relations between actors.
    pub relations: Vec<Relation>,
    /// Stories of two or more articles.
    pub stories: Vec<StoryGroup>,
    /// Groups of near-duplicate articles (first = the one kept).
    pub duplicates: Vec<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::Overview;

    fn overview(outlets: usize) -> Overview {
        Overview {
            articles: 5,
            outlets,
            languages: vec![("fr".into(), 4), ("en".into(), 1)],
            from: Some("2025-04-03".into()),
            to: Some("2025-06-23T00:53".into()),
            undated: 2,
        }
    }

    #[test]
    fn the_opening_sentence_counts_outlets_only_when_pages_name_them() {
        assert_eq!(
            overview(3).sentence(),
            "5 article(s) from 3 outlet(s), 2025-04-03 to 2025-06-23T00:53 (2 undated); languages fr: 4, en: 1."
        );
        assert_eq!(
            overview(0).sentence(),
            "5 article(s), outlet not named, 2025-04-03 to 2025-06-23T00:53 (2 undated); languages fr: 4, en: 1."
        );
    }
}
