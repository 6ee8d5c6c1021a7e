//! Entity types and BIO labels, with their dense indices used by the model.

/// An entity type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Type {
    /// People.
    Per,
    /// Organisations.
    Org,
    /// Places.
    Loc,
    /// Other names (products, events, works); learnt but not emitted.
    Misc,
}

impl Type {
    /// All types, in index order.
    pub const ALL: [Type; 4] = [Type::Per, Type::Org, Type::Loc, Type::Misc];

    /// `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            Type::Per => "PER",
            Type::Org => "ORG",
            Type::Loc => "LOC",
            Type::Misc => "MISC",
        }
    }

    /// Parses `PER`, `ORG`, `LOC`, `MISC`.
    pub fn parse(s: &str) -> Option<Type> {
        Type::ALL.into_iter().find(|t| t.as_str() == s)
    }

    fn index(self) -> usize {
        match self {
            Type::Per => 0,
            Type::Org => 1,
            Type::Loc => 2,
            Type::Misc => 3,
        }
    }
}

/// A BIO label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(Type),
    /// Later token of an entity.
    I(Type),
}

/// Number of distinct labels.
pub const N_LABELS: usize = 9;

impl Label {
    /// Dense index in `0..N_LABELS`.
    pub fn index(self) -> usize {
        match self {
            Label::O => 0,
            Label::B(t) => 1 + 2 * t.index(),
            Label::I(t) => 2 + 2 * t.index(),
        }
    }

    /// The label with dense index `i` (`O` when out of range).
    pub fn from_index(i: usize) -> Label {
        match i {
            1..=8 => {
                let t = Type::ALL[(i - 1) / 2];
                if i % 2 == 1 {
                    Label::B(t)
                } else {
                    Label::I(t)
                }
            }
            _ => Label::O,
        }
    }

    /// True when `self` may follow `prev` in a BIO sequence.
    pub fn may_follow(self, prev: Label) -> bool {
        match self {
            Label::I(t) => matches!(prev, Label::B(p) | Label::I(p) if p == t),
            _ => true,
        }
    }

    /// The entity type, if any.
    pub fn entity_type(self) -> Option<Type> {
        match self {
            Label::O => None,
            Label::B(t) | Label::I(t) => Some(t),
        }
    }
}

/// Entity spans `(first token, one past last token, type)` of a BIO
/// sequence; a stray `I-X` starts a new entity.
pub fn entities(labels: &[Label]) -> Vec<(usize, usize, Type)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, Type)> = None;
    for (i, l) in labels.iter().enumerate() {
        match *l {
            // Speed: `O` first, the most frequent label by far.
            Label::O => {
                if let Some((s, t)) = cur.take() {
                    out.push((s, i, t));
                }
            }
            Label::I(t) if matches!(cur, Some((_, c)) if c == t) => {}
            Label::B(t) | Label::I(t) => {
                if let Some((s, c)) = cur.take() {
                    out.push((s, i, c));
                }
                cur = Some((i, t));
            }
        }
    }
    if let Some((s, t)) = cur {
        out.push((s, labels.len(), t));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_round_trip() {
        for i in 0..N_LABELS {
            assert_eq!(Label::from_index(i).index(), i);
        }
    }

    #[test]
    fn spans_from_bio() {
        use Label::*;
        let l = [B(Type::Per), I(Type::Per), O, I(Type::Loc), B(Type::Loc), I(Type::Org)];
        assert_eq!(entities(&l), [(0, 2, Type::Per), (3, 4, Type::Loc), (4, 5, Type::Loc), (5, 6, Type::Org)]);
    }
}
