//! The sections of the published text: which headings and labelled lines start one, and the split
//! of a text into sections. Sections may come in any order; each may appear once.

use std::sync::LazyLock;

use super::ImportError;
use super::lines::{Line, bullet_item, cells, clean, is_rule, key, split_lines};

/// A part of the published text that starts with a heading ("Evidence Score") or a labelled line
/// ("Timeline: …").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SectionKind {
    /// The role definition table.
    Role,
    /// "Seniority note: …".
    SeniorityNote,
    /// The protective principles table with the growth row.
    Protective,
    /// "Quick screen result: …".
    QuickScreen,
    /// The task table, the TRS line and the split line.
    Tasks,
    /// "Reinstatement check (Acemoglu): …".
    Reinstatement,
    /// The evidence table.
    Evidence,
    /// The barrier table.
    Barriers,
    /// The AI growth correlation check paragraph.
    GrowthCheck,
    /// The composite table and the raw, score and zone lines.
    Composite,
    /// The sub-label table.
    SubLabel,
    /// "Assessor override: …".
    Override,
    /// The "Assessor Commentary" heading over the commentary parts.
    Commentary,
    /// Score vs reality check.
    ScoreVsReality,
    /// What the numbers don't capture (bullets).
    NumbersDontCapture,
    /// Who should worry (paragraphs).
    WhoShouldWorry,
    /// What this means: the role's outlook.
    WhatThisMeans,
    /// "Survival strategy:" (bullets).
    SurvivalStrategy,
    /// "Where to look next." (related roles).
    WhereToLookNext,
    /// "Timeline: …".
    Timeline,
}

/// How a section is written and recognised.
pub(crate) struct SectionDef {
    /// The section.
    pub kind: SectionKind,
    /// Its heading or label as the published text writes it.
    pub title: &'static str,
    /// Other names it is recognised by.
    pub aliases: &'static [&'static str],
    /// Whether its content may start on the heading's own line after `:` or `.`.
    pub labelled: bool,
}

const fn def(
    kind: SectionKind,
    title: &'static str,
    aliases: &'static [&'static str],
    labelled: bool,
) -> SectionDef {
    SectionDef {
        kind,
        title,
        aliases,
        labelled,
    }
}

/// Every section, in the order of the published text.
pub(crate) static SECTIONS: [SectionDef; 20] = {
    use SectionKind as K;
    [
        def(K::Role, "Role Definition", &[], false),
        def(K::SeniorityNote, "Seniority note", &[], true),
        def(
            K::Protective,
            "Protective Principles + AI Growth Correlation",
            &["Protective Principles"],
            false,
        ),
        def(
            K::QuickScreen,
            "Quick screen result",
            &["Quick screen"],
            true,
        ),
        def(
            K::Tasks,
            "Task Decomposition (Agentic AI Scoring)",
            &["Task Decomposition", "Tasks"],
            false,
        ),
        def(
            K::Reinstatement,
            "Reinstatement check (Acemoglu)",
            &["Reinstatement check", "Reinstatement"],
            true,
        ),
        def(
            K::Evidence,
            "Evidence Score",
            &["Evidence", "Evidence Scores"],
            false,
        ),
        def(K::Barriers, "Barrier Assessment", &["Barriers"], false),
        def(K::GrowthCheck, "AI Growth Correlation Check", &[], false),
        def(
            K::Composite,
            "JobZone Composite Score (AIJRI)",
            &["JobZone Composite Score", "Composite Score"],
            false,
        ),
        def(K::SubLabel, "Sub-Label Determination", &[], false),
        def(K::Override, "Assessor override", &[], true),
        def(K::Commentary, "Assessor Commentary", &["Commentary"], false),
        def(
            K::ScoreVsReality,
            "Score vs Reality Check",
            &["Score vs Reality"],
            false,
        ),
        def(
            K::NumbersDontCapture,
            "What the Numbers Don't Capture",
            &[],
            false,
        ),
        def(
            K::WhoShouldWorry,
            "Who Should Worry (and Who Shouldn't)",
            &["Who Should Worry"],
            false,
        ),
        def(K::WhatThisMeans, "What This Means", &[], false),
        def(K::SurvivalStrategy, "Survival strategy", &[], true),
        def(K::WhereToLookNext, "Where to look next", &[], true),
        def(K::Timeline, "Timeline", &[], true),
    ]
};

impl SectionKind {
    /// The definition of this section.
    pub(crate) fn def(self) -> &'static SectionDef {
        // Every kind has exactly one entry, so the fallback is never taken.
        SECTIONS
            .iter()
            .find(|d| d.kind == self)
            .unwrap_or(&SECTIONS[0])
    }

    /// Whether the section is free text (paragraphs or a list) rather than a table.
    fn is_free_text(self) -> bool {
        !matches!(
            self,
            Self::Role
                | Self::Protective
                | Self::Tasks
                | Self::Evidence
                | Self::Barriers
                | Self::Composite
                | Self::SubLabel
                | Self::Commentary
        )
    }

    /// Whether the section is a list: its label line introduces the items that follow.
    fn is_list(self) -> bool {
        matches!(
            self,
            Self::NumbersDontCapture | Self::SurvivalStrategy | Self::WhereToLookNext
        )
    }

    /// Whether a line's key is this section's title or one of its aliases.
    fn matches(self, name_key: &str) -> bool {
        SECTION_KEYS
            .iter()
            .filter(|(kind, _)| *kind == self)
            .any(|(_, keys)| keys.iter().any(|k| k == name_key))
    }
}

/// The keys of each section's title and aliases, made once: every line of a text is matched
/// against them, and a page may have half a million lines.
static SECTION_KEYS: LazyLock<Vec<(SectionKind, Vec<String>)>> = LazyLock::new(|| {
    SECTIONS
        .iter()
        .map(|def| {
            let names = std::iter::once(def.title).chain(def.aliases.iter().copied());
            (def.kind, names.map(key).collect())
        })
        .collect()
});

/// Labels of lines inside a section ("Raw: …"), which free text must not be mistaken for.
pub(crate) const INLINE_LABELS: [&str; 8] = [
    "Task Resistance Score",
    "Displacement/Augmentation split",
    "Provisional",
    "Reframed question",
    "Raw",
    "JobZone Score",
    "Zone",
    "Note",
];

/// The start of the line that closes the related roles ("Browse all scored roles at …").
pub(crate) const BROWSE_LINE_KEY: &str = "browseallscoredroles";

/// When `text` is "Label: rest" or "Label. rest" with a label among `names`: the label's index and
/// the rest (still escaped, trimmed).
/// A line that starts with `\` is plain text, never a label.
pub(crate) fn labelled<'a>(text: &'a str, names: &[&str]) -> Option<(usize, &'a str)> {
    if text.starts_with('\\') {
        return None;
    }
    let end = text.find([':', '.'])?;
    let label = key(&text[..end]);
    let index = names.iter().position(|name| key(name) == label)?;
    Some((index, text[end + 1..].trim_start()))
}

/// When a line starts a section: the section and, for a labelled one, the rest of the line.
pub(crate) fn section_start(text: &str) -> Option<(SectionKind, Option<&str>)> {
    let heading = text.trim_start_matches('#').trim_start();
    if heading.starts_with(['\\', '|', '>'])
        || bullet_item(heading).is_some()
        || cells(heading).is_some()
    {
        return None;
    }
    if let Some(end) = heading.find([':', '.']) {
        let label = key(&heading[..end]);
        if let Some(def) = SECTIONS
            .iter()
            .find(|d| d.labelled && d.kind.matches(&label))
        {
            return Some((def.kind, Some(heading[end + 1..].trim_start())));
        }
    }
    let whole = key(heading);
    SECTIONS
        .iter()
        .find(|d| d.kind.matches(&whole))
        .map(|d| (d.kind, None))
}

/// Whether a line of free text would be read as structure (a heading, a label, a bullet, a table
/// row or separator) and so must be written with a leading `\`.
pub(crate) fn looks_structural(text: &str) -> bool {
    let text = clean(text);
    !text.starts_with('\\')
        && (super::lines::starts_like_markup(&text)
            || is_rule(&text)
            || section_start(&text).is_some()
            || labelled(&text, &INLINE_LABELS).is_some()
            || key(&text).starts_with(BROWSE_LINE_KEY)
            || cells(&text).is_some())
}

/// One section of a text: its kind, the line of its heading, the rest of a labelled heading line,
/// and the non-blank lines up to the next section.
#[derive(Debug)]
pub(crate) struct Section {
    /// What section this is.
    pub kind: SectionKind,
    /// The line number of its heading.
    pub heading: usize,
    /// The text after the label, for a labelled heading ("Timeline: 2-3 years").
    pub rest: Option<Line>,
    /// The lines of the section, blank lines and separators left out.
    pub lines: Vec<Line>,
}

impl Section {
    /// Whether the section's own content has begun: a list's first item, or for other sections
    /// the text after the label or the first line.
    fn has_body_content(&self) -> bool {
        let rest = self.rest.as_ref().is_some_and(|r| !r.text.is_empty());
        !self.lines.is_empty() || (rest && !self.kind.is_list())
    }
}

/// A text split into its sections.
#[derive(Debug)]
pub(crate) struct Document {
    sections: Vec<Section>,
    last_line: usize,
    /// The lines after the assessment that were left out as the page's footer (first, last).
    pub footer: Option<(usize, usize)>,
}

impl Document {
    /// Splits a text into sections; text before the first section (a page's navigation and
    /// title) is ignored, and so is a copied page's footer (see [`Document::cut_footer`]).
    ///
    /// # Errors
    /// A section appears twice.
    pub(crate) fn read(text: &str) -> Result<Self, ImportError> {
        let lines = split_lines(text);
        let last_line = lines.len();
        let copied_page = lines.iter().any(|l| l.tab_cells.is_some());
        let mut sections: Vec<Section> = Vec::new();
        // The first blank line after the content of the current section began.
        let mut blank_after_content: Option<usize> = None;
        for line in lines {
            if line.text.is_empty() {
                let current = sections.last().filter(|s| s.has_body_content());
                if current.is_some() && blank_after_content.is_none() {
                    blank_after_content = Some(line.number);
                }
                continue;
            }
            if is_rule(&line.text) {
                continue;
            }
            let start = line
                .tab_cells
                .is_none()
                .then(|| section_start(&line.text))
                .flatten();
            if let Some((kind, rest)) = start {
                if let Some(first) = sections.iter().find(|s| s.kind == kind) {
                    return Err(ImportError::new(
                        line.number,
                        format!(
                            "each section once: “{}” already began on line {}",
                            kind.def().title,
                            first.heading
                        ),
                    ));
                }
                let rest = rest.map(|r| Line::plain(line.number, r.to_owned()));
                sections.push(Section {
                    kind,
                    heading: line.number,
                    rest,
                    lines: Vec::new(),
                });
                blank_after_content = None;
            } else if let Some(current) = sections.last_mut() {
                current.lines.push(line);
            }
        }
        let footer = if copied_page {
            blank_after_content.and_then(|blank| Self::cut_footer(&mut sections, blank))
        } else {
            None
        };
        Ok(Self {
            sections,
            last_line,
            footer,
        })
    }

    /// A copied page's footer: in a copied page (one with tab-separated rows), when the last
    /// section is free text (paragraphs or a list), what follows the first blank line after its
    /// content is the page's footer, not the assessment. Takes those lines off the section and
    /// returns the first and last of them.
    fn cut_footer(sections: &mut [Section], blank: usize) -> Option<(usize, usize)> {
        let last = sections.last_mut().filter(|s| s.kind.is_free_text())?;
        let keep = last.lines.iter().take_while(|l| l.number < blank).count();
        let footer = last.lines.split_off(keep);
        Some((footer.first()?.number, footer.last()?.number))
    }
    /// The section of a kind, if the text has it.
    pub(crate) fn get(&self, kind: SectionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// The section of a kind.
    ///
    /// # Errors
    /// The text lacks it; the error names the line of the next section that the text has (in the
    /// published order), or the end of the text.
    pub(crate) fn require(&self, kind: SectionKind) -> Result<&Section, ImportError> {
        self.get(kind).ok_or_else(|| self.missing(kind))
    }

    fn missing(&self, kind: SectionKind) -> ImportError {
        let order = |k: SectionKind| SECTIONS.iter().position(|d| d.kind == k);
        let next = self
            .sections
            .iter()
            .filter(|s| order(s.kind) > order(kind))
            .min_by_key(|s| s.heading);
        let title = kind.def().title;
        match next {
            Some(next) => ImportError::new(
                next.heading,
                format!("the section “{title}” before “{}”", next.kind.def().title),
            ),
            None => ImportError::new(
                self.last_line.max(1),
                format!("the section “{title}” (not found in the text)"),
            ),
        }
    }
}
