//! Reading a published text into an assessment, one section at a time.

use super::lines::{
    Line, bullet_item, input_number, integer, key, leading_number, line_content, number,
    result_number, unescape,
};
use super::sections::{BROWSE_LINE_KEY, Document, Section, SectionKind as K, labelled};
use super::{IMPORTED_SOURCE, ImportError, ROLE_FIELDS};
use crate::framework::Framework;
use crate::library;
use crate::model::{
    Assessment, Barrier, Commentary, Dimension, EvidenceItem, Extra, Impact, Meta, Override,
    Principle, Published, Rated, Reinstatement, RelatedRole, Role, Split, SubLabel, Task, Zone,
};

/// Reads a whole text; names are those of `framework`. Also returns the first and last line of a
/// copied page's footer, left out.
pub(crate) fn assessment(
    text: &str,
    framework: &Framework,
) -> Result<(Assessment, Option<(usize, usize)>), ImportError> {
    let doc = Document::read(text)?;
    let mut a = Assessment::blank();
    let mut published = Published::default();
    a.role = role(doc.require(K::Role)?)?;
    a.role.seniority_note = paragraphs_of(&doc, K::SeniorityNote);
    protective(doc.require(K::Protective)?, framework, &mut a)?;
    a.quick_screen_note = doc
        .get(K::QuickScreen)
        .map(quick_screen_note)
        .unwrap_or_default();
    a.tasks = tasks(doc.require(K::Tasks)?, &mut published)?;
    a.reinstatement = doc
        .get(K::Reinstatement)
        .map(reinstatement)
        .unwrap_or_default();
    evidence(doc.require(K::Evidence)?, framework, &mut a)?;
    barriers(doc.require(K::Barriers)?, framework, &mut a)?;
    a.growth.check = paragraphs_of(&doc, K::GrowthCheck);
    if let Some(section) = doc.get(K::Composite) {
        composite(section, &mut published)?;
    }
    if let Some(section) = doc.get(K::SubLabel) {
        sub_label_table(section, framework, &mut published)?;
    }
    a.override_result = doc.get(K::Override).and_then(override_result);
    a.commentary = commentary(&doc)?;
    a.meta = Meta {
        id: library::file_name_for(&a.role.title)
            .trim_end_matches(library::EXTENSION)
            .to_owned(),
        source: IMPORTED_SOURCE.to_owned(),
        ..Meta::default()
    };
    a.published = (published != Published::default()).then_some(published);
    Ok((a, doc.footer))
}

/// An error at a line, quoting it.
fn expected(line: &Line, what: &str) -> ImportError {
    ImportError::new(line.number, what).found(&line.text)
}

/// An error at a section's heading: something it should hold is missing.
fn missing(section: &Section, what: &str) -> ImportError {
    ImportError::new(
        section.heading,
        format!("{what} in the section “{}”", section.kind.def().title),
    )
}

/// A line of a table section: a row (its first cell and the others), or a line that is not one.
enum Item<'a> {
    Row {
        line: &'a Line,
        name: String,
        values: Vec<String>,
    },
    Text(&'a Line),
}

/// The lines of a table section; the header row (first cell `header`, no number after it) is left out.
fn items<'a>(section: &'a Section, header: &str) -> impl Iterator<Item = Item<'a>> {
    let header = key(header);
    section
        .lines
        .iter()
        .filter_map(move |line| match line.row_cells() {
            Some(mut values) if !values.is_empty() => {
                let name = values.remove(0);
                let is_header =
                    key(&name) == header && values.first().is_none_or(|v| number(v).is_none());
                (!is_header).then_some(Item::Row { line, name, values })
            }
            _ => Some(Item::Text(line)),
        })
}

/// The cells from `from` on as one text: a text split by an unescaped `|` is joined back (empty
/// cells left out).
fn joined(values: &[String], from: usize) -> String {
    let cells = values.get(from..).unwrap_or_default().iter();
    cells
        .filter(|c| !c.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Which parts of a table were read, and on which line, to refuse a part given twice.
struct Seen<P>(Vec<(P, usize)>);

impl<P: Copy + PartialEq> Seen<P> {
    fn new() -> Self {
        Self(Vec::new())
    }

    fn first(&mut self, part: P, line: &Line, name: &str) -> Result<(), ImportError> {
        if let Some(&(_, at)) = self.0.iter().find(|(p, _)| *p == part) {
            return Err(ImportError::new(
                line.number,
                format!("the row “{name}” once (it is already on line {at})"),
            ));
        }
        self.0.push((part, line.number));
        Ok(())
    }

    fn has(&self, part: P) -> bool {
        self.0.iter().any(|(p, _)| *p == part)
    }
}

fn role(section: &Section) -> Result<Role, ImportError> {
    const WHAT: &str = "a role definition row `| Field | Value |` (Job Title, Seniority Level, Primary Function, \
                        What This Role Is NOT or Typical Experience)";
    let mut role = Role::default();
    let mut seen = Seen::new();
    for item in items(section, "Field") {
        let Item::Row { line, name, values } = item else {
            return Err(item_error(&item, WHAT));
        };
        let name_key = key(&name);
        let index = ROLE_FIELDS
            .iter()
            .position(|f| key(f.name) == name_key)
            .ok_or_else(|| expected(line, WHAT))?;
        let field = &ROLE_FIELDS[index];
        seen.first(index, line, field.name)?;
        *(field.get_mut)(&mut role) = joined(&values, 0);
    }
    if !seen.has(0) {
        return Err(missing(section, "the row “Job Title”"));
    }
    Ok(role)
}

fn item_error(item: &Item<'_>, what: &str) -> ImportError {
    match item {
        Item::Row { line, .. } | Item::Text(line) => expected(line, what),
    }
}

/// One row of a scored part: its score and text.
struct ScoredRow {
    score: i64,
    text: String,
}

fn scored_row(line: &Line, values: &[String], what: &str) -> Result<ScoredRow, ImportError> {
    let score = values.first().and_then(|v| integer(v));
    let score = score.ok_or_else(|| expected(line, &format!("{what} with an integer score")))?;
    Ok(ScoredRow {
        score,
        text: joined(values, 1),
    })
}

/// How to read one table of named, scored parts (principles, dimensions, barriers).
struct PartTable<'a, P> {
    /// The first cell of the header row.
    header: &'a str,
    /// What a row looks like, for errors.
    what: &'a str,
    /// Each part with its name.
    parts: Vec<(P, &'a str)>,
    /// Labelled lines the table may hold and that carry nothing ("Reframed question: …").
    ignored_labels: &'a [&'a str],
}

impl<P: Copy + PartialEq> PartTable<'_, P> {
    /// Reads every part once; `other` may accept further rows (totals, growth) and returns whether
    /// it did.
    fn read(
        &self,
        section: &Section,
        mut other: impl FnMut(&Line, &str, &[String]) -> Result<bool, ImportError>,
    ) -> Result<Vec<(P, ScoredRow)>, ImportError> {
        let mut rows = Vec::new();
        let mut seen = Seen::new();
        for item in items(section, self.header) {
            match item {
                Item::Row { line, name, values } => {
                    let name_key = key(&name);
                    if let Some(&(part, part_name)) =
                        self.parts.iter().find(|(_, n)| key(n) == name_key)
                    {
                        seen.first(part, line, part_name)?;
                        rows.push((part, scored_row(line, &values, self.what)?));
                    } else if !other(line, &name_key, &values)? {
                        return Err(expected(line, self.what));
                    }
                }
                Item::Text(line) if labelled(&line.text, self.ignored_labels).is_some() => {}
                Item::Text(line) => return Err(expected(line, self.what)),
            }
        }
        match self.parts.iter().find(|(part, _)| !seen.has(*part)) {
            Some((_, name)) => Err(missing(section, &format!("the row “{name}”"))),
            None => Ok(rows),
        }
    }
}

/// Accepts a "Total" row (its figure is recomputed, not kept).
fn total_row(_: &Line, name_key: &str, _: &[String]) -> Result<bool, ImportError> {
    Ok(name_key == "total")
}

fn rated(row: ScoredRow) -> Rated {
    Rated {
        score: Some(row.score),
        rationale: row.text,
        extra: Extra::new(),
    }
}

fn protective(
    section: &Section,
    framework: &Framework,
    a: &mut Assessment,
) -> Result<(), ImportError> {
    let what = format!(
        "a protective principle row `| Principle | score | rationale |`, the Protective Total or the {} row",
        framework.growth.name
    );
    let table = PartTable {
        header: "Principle",
        what: &what,
        parts: Principle::ALL
            .iter()
            .map(|&p| (p, framework.principle(p).name.as_str()))
            .collect(),
        ignored_labels: &[],
    };
    let growth_key = key(&framework.growth.name);
    let mut growth: Option<(usize, ScoredRow)> = None;
    let rows = table.read(section, |line, name_key, values| {
        if name_key == key("Protective Total") {
            return Ok(true);
        }
        if name_key != growth_key {
            return Ok(false);
        }
        if let Some((at, _)) = &growth {
            let name = &framework.growth.name;
            return Err(ImportError::new(
                line.number,
                format!("the row “{name}” once (it is already on line {at})"),
            ));
        }
        growth = Some((line.number, scored_row(line, values, &what)?));
        Ok(true)
    })?;
    for (principle, row) in rows {
        *a.protective.get_mut(principle) = rated(row);
    }
    let (_, growth) =
        growth.ok_or_else(|| missing(section, &format!("the row “{}”", framework.growth.name)))?;
    a.growth.score = Some(growth.score);
    a.growth.rationale = growth.text;
    Ok(())
}

fn evidence(
    section: &Section,
    framework: &Framework,
    a: &mut Assessment,
) -> Result<(), ImportError> {
    let table = PartTable {
        header: "Dimension",
        what: "an evidence row `| Dimension | score | evidence |`",
        parts: Dimension::ALL
            .iter()
            .map(|&d| (d, framework.dimension(d).name.as_str()))
            .collect(),
        ignored_labels: &[],
    };
    for (dimension, row) in table.read(section, total_row)? {
        *a.evidence.get_mut(dimension) = EvidenceItem {
            score: Some(row.score),
            evidence: row.text,
            extra: Extra::new(),
        };
    }
    Ok(())
}

fn barriers(
    section: &Section,
    framework: &Framework,
    a: &mut Assessment,
) -> Result<(), ImportError> {
    let table = PartTable {
        header: "Barrier",
        what: "a barrier row `| Barrier | score | rationale |`",
        parts: Barrier::ALL
            .iter()
            .map(|&b| (b, framework.barrier(b).name.as_str()))
            .collect(),
        ignored_labels: &["Reframed question"],
    };
    for (barrier, row) in table.read(section, total_row)? {
        *a.barriers.get_mut(barrier) = rated(row);
    }
    Ok(())
}

const TASK_ROW: &str = "a task row `| Task | Time % | Score | Weighted | Aug/Disp | Rationale |`";

fn tasks(section: &Section, published: &mut Published) -> Result<Vec<Task>, ImportError> {
    let mut tasks = Vec::new();
    for item in items(section, "Task") {
        match item {
            Item::Row { name, values, .. } if key(&name) == "total" && values.len() <= 3 => {
                published.task_total = values.get(1).and_then(|v| number(v));
            }
            Item::Row { line, name, values } => tasks.push(task(line, name, &values)?),
            Item::Text(line) => task_section_line(line, published)?,
        }
    }
    Ok(tasks)
}

/// A task row: name, time, score, optionally the weighted figure, impact, rationale.
fn task(line: &Line, name: String, values: &[String]) -> Result<Task, ImportError> {
    let time_pct = values
        .first()
        .and_then(|v| input_number(v))
        .ok_or_else(|| expected(line, "the task's share of time as a percentage, e.g. `15%`"))?;
    let score = values
        .get(1)
        .and_then(|v| integer(v))
        .ok_or_else(|| expected(line, "the task's automation score as an integer, e.g. `3`"))?;
    let (column, impact) = (2..=3)
        .find_map(|i| {
            values
                .get(i)
                .and_then(|v| parse_impact(v))
                .map(|found| (i, found))
        })
        .ok_or_else(|| {
            expected(
                line,
                "the task's impact: AUGMENTATION, DISPLACEMENT or NOT INVOLVED",
            )
        })?;
    Ok(Task {
        id: None,
        name,
        time_pct,
        score,
        impact,
        rationale: joined(values, column + 1),
        extra: Extra::new(),
    })
}

fn parse_impact(text: &str) -> Option<Impact> {
    match key(text).as_str() {
        "augmentation" | "aug" | "augmented" => Some(Impact::Augmentation),
        "displacement" | "disp" | "displaced" => Some(Impact::Displacement),
        "notinvolved" | "none" | "na" => Some(Impact::NotInvolved),
        _ => None,
    }
}

/// The lines below the task table: the TRS, the split and a provisional note.
fn task_section_line(line: &Line, published: &mut Published) -> Result<(), ImportError> {
    const LABELS: [&str; 3] = [
        "Task Resistance Score",
        "Displacement/Augmentation split",
        "Provisional",
    ];
    match labelled(&line.text, &LABELS) {
        Some((0, rest)) => {
            let trs = result_number(rest).ok_or_else(|| {
                expected(
                    line,
                    "the Task Resistance Score as `6.00 - 2.95 = 3.05/5.0`",
                )
            })?;
            published.task_resistance = Some(trs);
        }
        Some((1, rest)) => {
            let split = split(rest).ok_or_else(|| {
                expected(
                    line,
                    "the split as `30% displacement, 70% augmentation, 0% not involved.`",
                )
            })?;
            published.split = Some(split);
        }
        Some(_) => {}
        None => return Err(expected(line, TASK_ROW)),
    }
    Ok(())
}

/// "30% displacement, 70% augmentation, 0% not involved." (parts not named are 0).
fn split(text: &str) -> Option<Split> {
    let mut split = Split::default();
    let parts: Vec<&str> = text
        .split([',', ';'])
        .filter(|p| !p.trim().is_empty())
        .collect();
    for part in &parts {
        let (value, label) = leading_number(part)?;
        let share = match key(label).as_str() {
            "displacement" => &mut split.displacement,
            "augmentation" => &mut split.augmentation,
            "notinvolved" => &mut split.not_involved,
            _ => return None,
        };
        *share = value;
    }
    (!parts.is_empty()).then_some(split)
}

/// The first paragraph (on the heading's line, already read) and the section's lines, joined as
/// paragraphs.
fn paragraphs(first: String, section: &Section) -> String {
    let others = section
        .lines
        .iter()
        .map(|l| unescape(line_content(&l.text)));
    std::iter::once(first)
        .chain(others)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn rest(section: &Section) -> &str {
    section.rest.as_ref().map_or("", |r| r.text.as_str())
}

/// The paragraphs of a section, or "" when the text lacks it.
fn paragraphs_of(doc: &Document, kind: K) -> String {
    doc.get(kind)
        .map(|s| paragraphs(unescape(rest(s)), s))
        .unwrap_or_default()
}

/// How the quick-screen rule text ends (`report::quick_screen_text`); the note follows it.
const QUICK_SCREEN_RULE_ENDS: [&str; 2] = ["almost certainly red zone", "full assessment decides"];

fn quick_screen_note(section: &Section) -> String {
    let line = rest(section);
    let lower = line.to_ascii_lowercase();
    let after_rule = QUICK_SCREEN_RULE_ENDS
        .iter()
        .find_map(|end| lower.find(end).map(|i| &line[i + end.len()..]));
    let note = after_rule.map_or(line, |after| after.strip_prefix('.').unwrap_or(after));
    paragraphs(unescape(note), section)
}

/// "Moderate. New tasks emerging: …": the level up to the first full stop, then the note.
fn reinstatement(section: &Section) -> Reinstatement {
    let line = rest(section);
    let (level, note) = line.split_once('.').unwrap_or((line, ""));
    Reinstatement {
        level: unescape(level),
        note: paragraphs(unescape(note), section),
        extra: Extra::new(),
    }
}

fn composite(section: &Section, published: &mut Published) -> Result<(), ImportError> {
    const WHAT: &str = "a composite row `| Input | Value |` (Task Resistance Score, Evidence Modifier, Barrier \
                        Modifier or Growth Modifier) or a line `Raw: …`, `JobZone Score: …` or `Zone: …`";
    const ROWS: [&str; 4] = [
        "Task Resistance Score",
        "Evidence Modifier",
        "Barrier Modifier",
        "Growth Modifier",
    ];
    const LABELS: [&str; 4] = ["Raw", "JobZone Score", "Zone", "Note"];
    for item in items(section, "Input") {
        match item {
            Item::Row { line, name, values } => {
                let name_key = key(&name);
                let index = ROWS
                    .iter()
                    .position(|r| key(r) == name_key)
                    .ok_or_else(|| expected(line, WHAT))?;
                let value = result_number(&joined(&values, 0)).ok_or_else(|| {
                    expected(line, &format!("the {} as a number after `=`", ROWS[index]))
                })?;
                let slot = match index {
                    0 => &mut published.task_resistance,
                    1 => &mut published.evidence_modifier,
                    2 => &mut published.barrier_modifier,
                    _ => &mut published.growth_modifier,
                };
                // The TRS line under the tasks, where present, comes first.
                slot.get_or_insert(value);
            }
            Item::Text(line) => match labelled(&line.text, &LABELS) {
                Some((0, rest)) => published.raw = Some(figure(line, rest, "the raw composite")?),
                Some((1, rest)) => published.score = Some(figure(line, rest, "the JobZone score")?),
                Some((2, rest)) => {
                    published.zone = Some(
                        first_zone(rest)
                            .ok_or_else(|| expected(line, "the zone: RED, YELLOW or GREEN"))?,
                    )
                }
                Some(_) => {}
                None => return Err(expected(line, WHAT)),
            },
        }
    }
    Ok(())
}

fn figure(line: &Line, rest: &str, what: &str) -> Result<f64, ImportError> {
    result_number(rest).ok_or_else(|| expected(line, &format!("{what} as a number after `=`")))
}

fn zone(word: &str) -> Option<Zone> {
    let word = key(word);
    Zone::ALL.into_iter().find(|z| z.key() == word)
}

fn first_zone(text: &str) -> Option<Zone> {
    text.split_whitespace().find_map(zone)
}

fn sub_label_table(
    section: &Section,
    framework: &Framework,
    published: &mut Published,
) -> Result<(), ImportError> {
    const WHAT: &str = "a sub-label row `| Metric | Value |` (% of task time scoring 3+, AI Growth Correlation or Sub-label)";
    for item in items(section, "Metric") {
        let Item::Row { line, name, values } = item else {
            return Err(item_error(&item, WHAT));
        };
        let name_key = key(&name);
        if name_key.contains("tasktimescoring") {
            let share = values.first().and_then(|v| number(v));
            published.time_3plus_pct =
                Some(share.ok_or_else(|| {
                    expected(line, "the share of time as a percentage, e.g. `65%`")
                })?);
        } else if name_key == "sublabel" {
            published.sub_label = sub_label(&joined(&values, 0));
        } else if name_key != key(&framework.growth.name) {
            return Err(expected(line, WHAT));
        }
    }
    Ok(())
}

/// "Red — Does not meet all three Imminent conditions" → none, "Green (Transforming)" → Transforming.
fn sub_label(text: &str) -> Option<SubLabel> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .collect();
    let has = |word: &str| words.iter().any(|w| w == word);
    if has("transforming") {
        Some(SubLabel::Transforming)
    } else if has("stable") {
        Some(SubLabel::Stable)
    } else if has("imminent") && !has("not") && !has("doesn") {
        Some(SubLabel::Imminent)
    } else {
        None
    }
}

/// "None — formula score accepted." → no override; otherwise the score and zone before the first
/// dash, colon or full stop (a parenthesised part such as "(computed 24.5 RED)" left out) and the
/// reason after it.
fn override_result(section: &Section) -> Option<Override> {
    let text = paragraphs(unescape(rest(section)), section);
    let first_word = text
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    if first_word.is_none_or(|w| w.eq_ignore_ascii_case("none")) {
        return None;
    }
    let (head, reason) = split_reason(&text);
    let head = without_parentheses(head);
    Some(Override {
        score: head.split_whitespace().find_map(number),
        zone: first_zone(&head),
        reason: reason.trim_matches(' ').to_owned(),
        extra: Extra::new(),
    })
}

/// Splits "31.0 YELLOW — reason" at the first separator; without one, the whole text is both.
fn split_reason(text: &str) -> (&str, &str) {
    ["—", "–", " - ", ": ", ". "]
        .iter()
        .filter_map(|sep| text.find(sep).map(|i| (i, sep.len())))
        .min()
        .map_or((text, text), |(i, len)| (&text[..i], &text[i + len..]))
}

fn without_parentheses(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn commentary(doc: &Document) -> Result<Commentary, ImportError> {
    if let Some(line) = doc.get(K::Commentary).and_then(|s| s.lines.first()) {
        return Err(expected(
            line,
            "a commentary heading such as “Score vs Reality Check”",
        ));
    }
    Ok(Commentary {
        score_vs_reality: paragraphs_of(doc, K::ScoreVsReality),
        numbers_dont_capture: bullets_of(doc, K::NumbersDontCapture)?,
        who_should_worry: paragraphs_of(doc, K::WhoShouldWorry),
        role_outlook: paragraphs_of(doc, K::WhatThisMeans),
        survival_strategy: bullets_of(doc, K::SurvivalStrategy)?,
        where_to_look_next: related_roles(doc)?,
        timeline: paragraphs_of(doc, K::Timeline),
        extra: Extra::new(),
    })
}

/// The bullet items of a section (an item may also follow the label on its own line).
fn bullets_of(doc: &Document, kind: K) -> Result<Vec<String>, ImportError> {
    let Some(section) = doc.get(kind) else {
        return Ok(Vec::new());
    };
    let mut items: Vec<String> = section
        .rest
        .iter()
        .map(|r| unescape(bullet_item(&r.text).unwrap_or(&r.text)))
        .collect();
    items.retain(|item| !item.is_empty());
    let lines: Vec<&Line> = section.lines.iter().collect();
    for item in list_items(&lines, "a bullet `- …`")? {
        items.push(unescape(item));
    }
    Ok(items)
}

/// The items of a list: its bullet lines `- …`; in a list copied from a web page, where no line
/// has a bullet mark, every line is an item. A line without a mark among marked ones is an error.
fn list_items<'a>(lines: &[&'a Line], what: &str) -> Result<Vec<&'a str>, ImportError> {
    let marked = lines.iter().any(|l| bullet_item(&l.text).is_some());
    lines
        .iter()
        .map(|line| match bullet_item(&line.text) {
            Some(item) => Ok(item),
            None if !marked => Ok(line.text.as_str()),
            None => Err(expected(line, what)),
        })
        .collect()
}

fn related_roles(doc: &Document) -> Result<Vec<RelatedRole>, ImportError> {
    let Some(section) = doc.get(K::WhereToLookNext) else {
        return Ok(Vec::new());
    };
    let lines: Vec<&Line> = section
        .lines
        .iter()
        .filter(|line| !key(&line.text).starts_with(BROWSE_LINE_KEY))
        .collect();
    let items = list_items(&lines, "a related role `- Title (AIJRI 55.4) — why`")?;
    Ok(items
        .into_iter()
        .map(|item| related_role(&unescape(item)))
        .collect())
}

/// "Senior Software Engineer (AIJRI 55.4) — why", or "Title — why" without a score.
fn related_role(item: &str) -> RelatedRole {
    let dash = item.find('—');
    let marker = item.to_ascii_lowercase().find("(aijri");
    let scored = marker
        .filter(|&m| dash.is_none_or(|d| m < d))
        .and_then(|m| {
            let inside = &item[m + "(aijri".len()..];
            let (aijri, after) = leading_number(inside)?;
            let after = after.trim_start().strip_prefix(')')?;
            let after = after.trim_start();
            let note = after.strip_prefix(['—', '–', '-', ':']).unwrap_or(after);
            Some(RelatedRole {
                title: spaced(&item[..m]),
                aijri: Some(aijri),
                note: spaced(note),
                id: None,
                extra: Extra::new(),
            })
        });
    scored.unwrap_or_else(|| {
        let (title, note) = split_title(item);
        RelatedRole {
            title: spaced(title),
            aijri: None,
            note: spaced(note),
            id: None,
            extra: Extra::new(),
        }
    })
}

/// A part of an unescaped text without the spaces around it (line breaks stay).
fn spaced(text: &str) -> String {
    text.trim_matches(' ').to_owned()
}

/// "Title — why": at the first em dash, else the first spaced en dash or hyphen.
fn split_title(item: &str) -> (&str, &str) {
    if let Some((title, note)) = item.split_once('—') {
        return (title, note);
    }
    [" – ", " - "]
        .iter()
        .find_map(|sep| item.split_once(sep))
        .unwrap_or((item, ""))
}
