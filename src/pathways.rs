//! Where to look next: the roles an assessment names under `commentary.where_to_look_next`
//! (`spec/product.md`, "Where to look next: pathways"), resolved in a library so that each option
//! shows the library's live score and zone beside the figure published with the entry.
//!
//! Pure functions over what the caller loaded and scored ([`LibraryRole`]): no file I/O, no
//! window. A resolved option names the library role it found by its index in the slice given
//! to [`Library::new`], so the window can map it to its document and the command line to its
//! file.
//!
//! # How an entry finds its role
//!
//! 1. **By id.** An entry that carries an `id` (written when the adviser links it) means the
//!    library role with that `meta.id`. An id that no role of the library has any more falls back
//!    to the title ([`PathwayOption::stale_link`] says so), so a deleted or renamed file does not
//!    hide a role the title still names.
//! 2. **By title**, with case, spacing and punctuation ignored ("Backend/API developer" is
//!    "Backend API Developer"). A seniority word in the title ("Senior Software Engineer",
//!    "Backend/API Developer (mid-level)") is the level the entry means: it matches a library role
//!    of the same title at that level, the level being the one the role's title names, else its
//!    `seniority` field ("Senior (5+ years)"). A role at another named level never matches; one
//!    that names no level may. Levels: junior (jr, entry-level), mid (mid-level, intermediate),
//!    senior (sr), lead, staff, principal. As punctuation is ignored, "C# Developer" and
//!    "C Developer" read alike.
//! 3. **Ties**, when several library roles match:
//!    1. a title written the same (the role's title, or its title with its seniority as the
//!       program shows it) before one that matches only once the seniority word is set aside;
//!    2. the level the entry names before a role that names none; when the entry names none, the
//!       level of the role the entry belongs to (a move sideways keeps the seniority), then a role
//!       naming no level, then any other;
//!    3. the first in the library's order (the command line sorts by file).
//!
//!    The others that matched are kept ([`Match::alternatives`]), so a view can say so.
//!
//! A role is no pathway to itself: an entry whose match would be the role it belongs to (when that
//! role is in the library) has none, and says so ([`PathwayOption::names_itself`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use crate::fmt;
use crate::framework::Framework;
use crate::model::{Assessment, RelatedRole, Zone};
use crate::scoring::{self, FinalResult};

/// One role of the library, as the caller loaded and scored it.
#[derive(Debug, Clone, Copy)]
pub struct LibraryRole<'a> {
    /// Its file.
    pub file: &'a Path,
    /// The assessment.
    pub assessment: &'a Assessment,
    /// Its final result (score and zone) under the framework it is scored under; `None` when it
    /// has no score.
    pub result: Option<FinalResult>,
}

/// A seniority level a title or a `seniority` field names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Level {
    Junior,
    Mid,
    Senior,
    Lead,
    Staff,
    Principal,
}

impl Level {
    /// The level a word names on its own ("senior", "jr"), or with "level" after it ("entry").
    fn of_word(word: &str, next: Option<&str>) -> Option<Self> {
        match word {
            "junior" | "jr" => Some(Self::Junior),
            "entry" if next == Some("level") => Some(Self::Junior),
            "mid" | "midlevel" | "intermediate" => Some(Self::Mid),
            "senior" | "sr" => Some(Self::Senior),
            "lead" => Some(Self::Lead),
            "staff" => Some(Self::Staff),
            "principal" => Some(Self::Principal),
            _ => None,
        }
    }
}

/// The words of a text: its runs of letters and digits, in lower case.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The first level a text names.
fn level_in(text: &str) -> Option<Level> {
    let words = words(text);
    (0..words.len()).find_map(|i| Level::of_word(&words[i], words.get(i + 1).map(String::as_str)))
}

/// A text with case, spacing and punctuation dropped: "Backend/API Developer" is
/// "backendapideveloper".
fn squeezed(text: &str) -> String {
    words(text).concat()
}

/// A title as matching reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct TitleKey {
    /// The whole title, squeezed.
    full: String,
    /// The title without the level it names (a seniority word, or a bracketed seniority such as
    /// "(mid-level)" or "(Mid-Level (3-5 years))"), squeezed; the whole title when nothing else
    /// is left.
    base: String,
    /// The level it names.
    level: Option<Level>,
}

impl TitleKey {
    fn of(title: &str) -> Self {
        let mut level = None;
        let mut kept = String::new();
        for (part, bracketed) in bracket_parts(title) {
            let part_level = level_in(part);
            if bracketed && part_level.is_some() {
                level = level.or(part_level);
                continue;
            }
            let words = words(part);
            let mut i = 0;
            while let Some(word) = words.get(i) {
                let next = words.get(i + 1).map(String::as_str);
                match Level::of_word(word, next) {
                    Some(found) => {
                        level = level.or(Some(found));
                        // "mid level", "entry level": the "level" goes with it.
                        i += if next == Some("level") { 2 } else { 1 };
                    }
                    None => {
                        kept.push_str(word);
                        i += 1;
                    }
                }
            }
        }
        let full = squeezed(title);
        if kept.is_empty() {
            return Self {
                base: full.clone(),
                full,
                level: None,
            };
        }
        Self {
            full,
            base: kept,
            level,
        }
    }
}

/// A title cut into its unbracketed stretches and its outermost bracketed groups, in order, each
/// with whether it was in brackets: "Developer (Mid-Level (3-5 years))" gives ("Developer ",
/// false) and ("Mid-Level (3-5 years)", true). An unclosed bracket runs to the end.
fn bracket_parts(title: &str) -> Vec<(&str, bool)> {
    let mut parts = Vec::new();
    let mut depth = 0_usize;
    let mut start = 0;
    for (i, c) in title.char_indices() {
        match c {
            '(' => {
                if depth == 0 {
                    parts.push((&title[start..i], false));
                    start = i + 1;
                }
                depth += 1;
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    parts.push((&title[start..i], true));
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    parts.push((&title[start..], depth > 0));
    parts
}

/// How a library role was matched to an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    /// By the entry's `id`: the role the adviser linked.
    Id,
    /// By title (and seniority).
    Title,
}

/// The library role an entry resolved to.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The role's index in the library slice.
    pub index: usize,
    /// How it was found.
    pub by: MatchedBy,
    /// Its final result, as [`LibraryRole::result`].
    pub result: Option<FinalResult>,
    /// The other library roles that matched as well and lost the tie-break (by title), or shared
    /// the id, in the library's order.
    pub alternatives: Vec<usize>,
}

/// An option's figures: the score published with the entry and what the library says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OptionFigures {
    /// The score published with the entry, when it states one.
    pub published: Option<f64>,
    /// Whether a library role was found for the entry.
    pub matched: bool,
    /// The final result of that role, when it has a score.
    pub live: Option<FinalResult>,
}

impl OptionFigures {
    /// The figures of an entry no library role was found for.
    #[must_use]
    pub fn unmatched(related: &RelatedRole) -> Self {
        Self {
            published: finite(related.aijri),
            matched: false,
            live: None,
        }
    }

    /// The option's score: the library's when its role has one, else the published one.
    #[must_use]
    pub fn score(&self) -> Option<f64> {
        self.live.map(|r| r.score).or(self.published)
    }

    /// The option's score and zone: the library's, else the published score with the zone it
    /// falls in under `framework` (the framework of the role the entry belongs to).
    #[must_use]
    pub fn shown(&self, framework: &Framework) -> Option<(f64, Zone)> {
        match self.live {
            Some(live) => Some((live.score, live.zone)),
            None => self.published.map(|p| (p, scoring::zone_of(p, framework))),
        }
    }

    /// Whether the library's score and the published one differ as displayed (one decimal).
    #[must_use]
    pub fn differs(&self) -> bool {
        match (self.live, self.published) {
            (Some(live), Some(published)) => fmt::score(live.score) != fmt::score(published),
            _ => false,
        }
    }

    /// The change from the score `from` to the option's, on the displayed scores (so that it is
    /// the difference of the figures shown): 24.5 → 55.4 is 30.9.
    #[must_use]
    pub fn change_from(&self, from: Option<f64>) -> Option<f64> {
        Some(scoring::displayed_change(from?, self.score()?))
    }

    /// The score and zone in words, as the command line shows them: "61.2 Green" (the library's,
    /// as published), "61.2 Green (published 55.4)" (they differ), "58.2 Green (published)" (no
    /// library role), "no score in the library (published 55.4)", "no score". See
    /// [`OptionFigures::standing`] for the two parts.
    #[must_use]
    pub fn text(&self, framework: &Framework) -> String {
        match self.standing(framework) {
            Standing { shown, aside: None } => shown,
            Standing {
                shown,
                aside: Some(aside),
            } => format!("{shown} ({aside})"),
        }
    }

    /// The score and zone in words, and beside it where the figure comes from when that needs
    /// saying (see [`OptionFigures::text`]), for a layout that sets them apart.
    #[must_use]
    pub fn standing(&self, framework: &Framework) -> Standing {
        let published = self.published.map(fmt::score);
        let (shown, aside) = match (self.live, self.matched) {
            (Some(live), _) => (
                format!("{} {}", fmt::score(live.score), live.zone.name()),
                published
                    .filter(|_| self.differs())
                    .map(|p| format!("published {p}")),
            ),
            (None, true) => (
                "no score in the library".to_owned(),
                published.map(|p| format!("published {p}")),
            ),
            (None, false) => match self.shown(framework) {
                Some((score, zone)) => (
                    format!("{} {}", fmt::score(score), zone.name()),
                    Some("published".to_owned()),
                ),
                None => ("no score".to_owned(), None),
            },
        };
        Standing { shown, aside }
    }
}

/// An option's score and zone in words, in two parts (see [`OptionFigures::standing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Standing {
    /// "61.2 Green", "no score in the library", "no score".
    pub shown: String,
    /// "published 55.4" (the library's figure differs), "published" (the figure is the
    /// published one), or nothing.
    pub aside: Option<String>,
}

/// A published figure the program can use: a finite number.
fn finite(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite())
}

/// One entry under "where to look next", resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct PathwayOption<'r> {
    /// The entry as the assessment holds it.
    pub related: &'r RelatedRole,
    /// Its position in `commentary.where_to_look_next` (for an edit that links it).
    pub position: usize,
    /// The library role it resolved to.
    pub matched: Option<Match>,
    /// The entry carries an `id` that no role of the library has (it was then matched by title,
    /// if at all).
    pub stale_link: bool,
    /// The entry means the role it belongs to (its best match is that role): no pathway, so no
    /// match, and not counted among the library's links.
    pub names_itself: bool,
    /// Its figures.
    pub figures: OptionFigures,
    /// The option's score minus the role's, on the displayed scores; `None` when either has none.
    pub change: Option<f64>,
}

/// The options of one role, resolved in a library.
#[derive(Debug, Clone, PartialEq)]
pub struct Pathway<'r> {
    /// The role's own final result, when it has a score.
    pub result: Option<FinalResult>,
    /// Its index in the library, when it is a library role.
    pub source: Option<usize>,
    /// The options, in the order the assessment lists them.
    pub options: Vec<PathwayOption<'r>>,
}

impl Pathway<'_> {
    /// The figures of each option, in order (what the client report needs, owned).
    #[must_use]
    pub fn figures(&self) -> Vec<OptionFigures> {
        self.options.iter().map(|o| o.figures).collect()
    }
}

/// A library made ready for matching: its roles by id and by title.
#[derive(Debug, Clone)]
pub struct Library<'a> {
    roles: &'a [LibraryRole<'a>],
    index: Cow<'a, LibraryIndex>,
}

/// The index of a library's roles by id and by title: owned, so a window can keep it while the
/// roles do not change (indexing 10,000 roles every frame would be felt).
#[derive(Debug, Clone, Default)]
pub struct LibraryIndex {
    /// Each role's title key, in the library's order.
    keys: Vec<RoleKey>,
    by_id: HashMap<String, Vec<usize>>,
    by_base: HashMap<String, Vec<usize>>,
}

impl LibraryIndex {
    /// Indexes `roles` by `meta.id` and by title.
    #[must_use]
    pub fn of(roles: &[LibraryRole<'_>]) -> Self {
        let keys: Vec<RoleKey> = roles.iter().map(|r| RoleKey::of(r.assessment)).collect();
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::new();
        let mut by_base: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, (role, key)) in roles.iter().zip(&keys).enumerate() {
            if let Some(id) = id_of(Some(&role.assessment.meta.id)) {
                by_id.entry(id.to_owned()).or_default().push(index);
            }
            by_base
                .entry(key.title.base.clone())
                .or_default()
                .push(index);
        }
        Self {
            keys,
            by_id,
            by_base,
        }
    }
}

/// A library role's title as matching reads it.
#[derive(Debug, Clone)]
struct RoleKey {
    title: TitleKey,
    /// The title with its seniority as the program shows it, squeezed.
    display: String,
    /// The level its title names, else its `seniority` field.
    level: Option<Level>,
}

impl RoleKey {
    fn of(assessment: &Assessment) -> Self {
        let title = TitleKey::of(&assessment.role.title);
        Self {
            display: squeezed(&assessment.display_title()),
            level: role_level(&title, assessment),
            title,
        }
    }
}

/// The level of a role: the one its title names, else its `seniority` field's.
fn role_level(title: &TitleKey, assessment: &Assessment) -> Option<Level> {
    title.level.or_else(|| level_in(&assessment.role.seniority))
}

/// An id as matching reads it: trimmed, `None` when blank.
fn id_of(id: Option<&str>) -> Option<&str> {
    id.map(str::trim).filter(|id| !id.is_empty())
}

impl<'a> Library<'a> {
    /// Indexes `roles` by `meta.id` and by title.
    #[must_use]
    pub fn new(roles: &'a [LibraryRole<'a>]) -> Self {
        Self {
            roles,
            index: Cow::Owned(LibraryIndex::of(roles)),
        }
    }

    /// `roles` with an index made of them earlier ([`LibraryIndex::of`] of the same roles, in
    /// the same order).
    #[must_use]
    pub fn indexed(roles: &'a [LibraryRole<'a>], index: &'a LibraryIndex) -> Self {
        Self {
            roles,
            index: Cow::Borrowed(index),
        }
    }

    /// The roles, in the order given.
    #[must_use]
    pub fn roles(&self) -> &'a [LibraryRole<'a>] {
        self.roles
    }

    /// The options of `assessment` (final result `result`) resolved in the library. `source` is
    /// the assessment's own index when it is a library role: an entry that means it has no match
    /// ([`PathwayOption::names_itself`]).
    #[must_use]
    pub fn pathway<'r>(
        &self,
        assessment: &'r Assessment,
        result: Option<FinalResult>,
        source: Option<usize>,
    ) -> Pathway<'r> {
        let own_level = role_level(&TitleKey::of(&assessment.role.title), assessment);
        let own_score = result.map(|r| r.score);
        let options = assessment
            .commentary
            .where_to_look_next
            .iter()
            .enumerate()
            .map(|(position, related)| {
                let (found, stale_link) = self.resolve(related, own_level);
                let names_itself = source.is_some() && found.as_ref().map(|m| m.index) == source;
                let matched = found.filter(|_| !names_itself).map(|mut m| {
                    m.alternatives.retain(|&i| Some(i) != source);
                    m
                });
                let figures = match &matched {
                    Some(m) => OptionFigures {
                        published: finite(related.aijri),
                        matched: true,
                        live: m.result,
                    },
                    None => OptionFigures::unmatched(related),
                };
                PathwayOption {
                    related,
                    position,
                    matched,
                    stale_link,
                    names_itself,
                    change: figures.change_from(own_score),
                    figures,
                }
            })
            .collect();
        Pathway {
            result,
            source,
            options,
        }
    }

    /// The options of the library role at `index`, resolved in the library.
    #[must_use]
    pub fn pathway_of(&self, index: usize) -> Option<Pathway<'a>> {
        let role = self.roles.get(index)?;
        Some(self.pathway(role.assessment, role.result, Some(index)))
    }

    /// The options of every library role, in the library's order (for [`leading_to`] and
    /// [`summary`]).
    #[must_use]
    pub fn pathways(&self) -> Vec<Pathway<'a>> {
        (0..self.roles.len())
            .filter_map(|index| self.pathway_of(index))
            .collect()
    }

    /// The library role an entry means, and whether the entry's id names none. `own_level` is the
    /// level of the role the entry belongs to.
    fn resolve(&self, related: &RelatedRole, own_level: Option<Level>) -> (Option<Match>, bool) {
        let Some(id) = id_of(related.id.as_deref()) else {
            return (self.by_title(&related.title, own_level), false);
        };
        match self
            .index
            .by_id
            .get(id)
            .and_then(|linked| linked.split_first())
        {
            Some((&index, others)) => (Some(self.found(index, MatchedBy::Id, others)), false),
            None => (self.by_title(&related.title, own_level), true),
        }
    }

    /// The library role a title means (see the module's documentation for the rules).
    fn by_title(&self, title: &str, own_level: Option<Level>) -> Option<Match> {
        let key = TitleKey::of(title);
        let mut candidates: Vec<(Rank, usize)> = self
            .index
            .by_base
            .get(&key.base)?
            .iter()
            .filter_map(|&i| Some((rank(&key, self.index.keys.get(i)?, own_level)?, i)))
            .collect();
        candidates.sort_unstable();
        let (&(_, best), others) = candidates.split_first()?;
        let mut others: Vec<usize> = others.iter().map(|&(_, i)| i).collect();
        others.sort_unstable();
        Some(self.found(best, MatchedBy::Title, &others))
    }

    /// The match of the library role at `index`.
    fn found(&self, index: usize, by: MatchedBy, others: &[usize]) -> Match {
        Match {
            index,
            by,
            result: self.roles[index].result,
            alternatives: others.to_vec(),
        }
    }
}

/// How well a library role fits a title; `None` when its level rules it out. `own_level` is the
/// level of the role the entry belongs to.
fn rank(key: &TitleKey, role: &RoleKey, own_level: Option<Level>) -> Option<Rank> {
    let written_alike = key.full == role.title.full || key.full == role.display;
    let level = match (key.level, role.level) {
        (Some(wanted), Some(level)) if wanted == level => 0,
        (Some(_), Some(_)) => return None,
        (Some(_), None) => 1,
        (None, level) if level == own_level => 0,
        (None, None) => 1,
        (None, Some(_)) => 2,
    };
    Some((u8::from(!written_alike), level))
}

/// How well a candidate fits, lower first: whether the title is written differently, then how
/// far its level is from the one wanted.
type Rank = (u8, u8);

/// A library role that names another among its options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    /// The index of the role that names it.
    pub from: usize,
    /// The position of the entry in that role's `where_to_look_next`.
    pub position: usize,
}

/// The library roles whose options resolve to the role at `index` ("roles that lead here"), given
/// the pathways of every library role ([`Library::pathways`]), in the library's order.
#[must_use]
pub fn leading_to(pathways: &[Pathway<'_>], index: usize) -> Vec<Lead> {
    leads(pathways)
        .filter(|&(to, _)| to == index)
        .map(|(_, lead)| lead)
        .collect()
}

/// The roles that lead to each of a library's `count` roles ([`leading_to`] of every role at
/// once), by the index of the role led to.
#[must_use]
pub fn leading_to_each(pathways: &[Pathway<'_>], count: usize) -> Vec<Vec<Lead>> {
    let mut each = vec![Vec::new(); count];
    for (to, lead) in leads(pathways) {
        if let Some(leads) = each.get_mut(to) {
            leads.push(lead);
        }
    }
    each
}

/// Every link that resolves: the index of the role it leads to, and where it is written.
fn leads<'p>(pathways: &'p [Pathway<'_>]) -> impl Iterator<Item = (usize, Lead)> + 'p {
    pathways.iter().enumerate().flat_map(|(from, pathway)| {
        pathway.options.iter().filter_map(move |o| {
            let lead = Lead {
                from: pathway.source.unwrap_or(from),
                position: o.position,
            };
            Some((o.matched.as_ref()?.index, lead))
        })
    })
}

/// How well a library's links resolve.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    /// How many entries the library's roles name under "where to look next" (an entry that names
    /// its own role is none).
    pub links: usize,
    /// How many of them resolve to a library role.
    pub resolved: usize,
    /// The titles named that the library lacks, most named first (then by title).
    pub missing: Vec<MissingRole>,
}

/// A title named under "where to look next" that no library role answers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingRole {
    /// The title, as the first role naming it writes it.
    pub title: String,
    /// The library roles that name it (by index), in the library's order.
    pub named_by: Vec<usize>,
}

/// How the links of a library resolve, given the pathways of every library role
/// ([`Library::pathways`]). Titles that differ only in case, spacing and punctuation count as
/// one.
#[must_use]
pub fn summary(pathways: &[Pathway<'_>]) -> Summary {
    let mut summary = Summary::default();
    let mut missing: Vec<MissingRole> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (from, pathway) in pathways.iter().enumerate() {
        let from = pathway.source.unwrap_or(from);
        for option in pathway.options.iter().filter(|o| !o.names_itself) {
            summary.links += 1;
            if option.matched.is_some() {
                summary.resolved += 1;
                continue;
            }
            let slot = *seen
                .entry(squeezed(&option.related.title))
                .or_insert_with(|| {
                    missing.push(MissingRole {
                        title: option.related.title.clone(),
                        named_by: Vec::new(),
                    });
                    missing.len() - 1
                });
            let named_by = &mut missing[slot].named_by;
            if named_by.last() != Some(&from) {
                named_by.push(from);
            }
        }
    }
    missing.sort_by(|a, b| {
        b.named_by
            .len()
            .cmp(&a.named_by.len())
            .then_with(|| a.title.cmp(&b.title))
    });
    summary.missing = missing;
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_key_sets_the_seniority_aside() {
        let key = TitleKey::of("Backend/API Developer (mid-level)");
        assert_eq!(key.base, "backendapideveloper");
        assert_eq!(key.level, Some(Level::Mid));
        let key = TitleKey::of("Backend/API Developer (Mid-Level (3-5 years))");
        assert_eq!(key.base, "backendapideveloper");
        assert_eq!(key.level, Some(Level::Mid));
        let key = TitleKey::of("Senior Software Engineer");
        assert_eq!(
            (key.base.as_str(), key.level),
            ("softwareengineer", Some(Level::Senior))
        );
        let key = TitleKey::of("Entry-level Data Analyst");
        assert_eq!(
            (key.base.as_str(), key.level),
            ("dataanalyst", Some(Level::Junior))
        );
        // "entry" alone is a word of the title, and a bracket naming no level stays.
        let key = TitleKey::of("Data Entry Clerk (NHS)");
        assert_eq!((key.base.as_str(), key.level), ("dataentryclerknhs", None));
        // A title that is only a level word is its own base.
        let key = TitleKey::of("Principal");
        assert_eq!((key.base.as_str(), key.level), ("principal", None));
    }

    #[test]
    fn brackets_are_cut_at_the_outermost_level() {
        assert_eq!(
            bracket_parts("Developer (Mid-Level (3-5 years)) x"),
            vec![
                ("Developer ", false),
                ("Mid-Level (3-5 years)", true),
                (" x", false)
            ]
        );
        assert_eq!(bracket_parts("a (b"), vec![("a ", false), ("b", true)]);
        assert_eq!(bracket_parts("a) b"), vec![("a) b", false)]);
    }
}
