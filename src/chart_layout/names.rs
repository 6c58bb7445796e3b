//! Names that tell roles apart. A chart row, a table header and a screen reader name a role by
//! its title; where titles repeat, its seniority tells them apart, and where the title and the
//! seniority repeat too (a variant saved beside its source), its file's name (or its id);
//! where even that repeats, its place in the set.

use std::collections::HashMap;

/// What stands for a blank title.
pub const UNTITLED: &str = "Untitled role";

/// What a role can be told apart by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NameSource<'a> {
    /// The job title.
    pub title: &'a str,
    /// The seniority.
    pub seniority: &'a str,
    /// Whether the role is an adjusted variant of another.
    pub adjusted: bool,
    /// Where it comes from: the file's name in the window, the assessment's id in a client report
    /// (nothing on the adviser's disk goes into it); empty when there is none.
    pub origin: &'a str,
}

/// A role's name in a set of roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleName {
    /// The full title ([`UNTITLED`] when blank), the first line of a chart row or table header.
    pub title: String,
    /// Under the title: the seniority; "adjusted" for a variant; the origin (file name or id)
    /// where the title and seniority repeat in the set; "#3" where even that repeats.
    pub detail: String,
    /// The name on one line, distinct in the set: the title; "Analyst (Senior)" where titles
    /// repeat; "Developer (Mid, developer-mid-london.aijri.json)" where that repeats too;
    /// "Nurse #4" where even that repeats.
    pub label: String,
}

/// The names of a set of roles, in its order.
#[must_use]
pub fn role_names(roles: &[NameSource<'_>]) -> Vec<RoleName> {
    let titles: Vec<String> = roles
        .iter()
        .map(|r| non_blank(r.title).unwrap_or(UNTITLED).to_owned())
        .collect();
    let title_counts = counts(&titles);
    let with_seniority: Vec<String> = roles
        .iter()
        .zip(&titles)
        .map(|(r, title)| match non_blank(r.seniority) {
            Some(s) if title_counts[title.as_str()] > 1 => format!("{title} ({s})"),
            _ => title.clone(),
        })
        .collect();
    let seniority_counts = counts(&with_seniority);
    let needs_origin: Vec<bool> = roles
        .iter()
        .zip(&with_seniority)
        .map(|(r, label)| seniority_counts[label.as_str()] > 1 && non_blank(r.origin).is_some())
        .collect();
    let with_origin: Vec<String> = roles
        .iter()
        .zip(&titles)
        .zip(&with_seniority)
        .zip(&needs_origin)
        .map(
            |(((r, title), label), &needs)| match (needs, non_blank(r.seniority)) {
                (false, _) => label.clone(),
                (true, Some(s)) => format!("{title} ({s}, {})", r.origin.trim()),
                (true, None) => format!("{title} ({})", r.origin.trim()),
            },
        )
        .collect();
    let label_counts = counts(&with_origin);
    roles
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let label = &with_origin[i];
            let number = (label_counts[label.as_str()] > 1).then(|| format!("#{}", i + 1));
            let detail: Vec<&str> = [
                non_blank(r.seniority),
                r.adjusted.then_some("adjusted"),
                needs_origin[i].then(|| r.origin.trim()),
                number.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect();
            RoleName {
                title: titles[i].clone(),
                detail: detail.join(" · "),
                label: number
                    .as_ref()
                    .map_or_else(|| label.clone(), |number| format!("{label} {number}")),
            }
        })
        .collect()
}

/// The text without its surrounding spaces, unless that leaves nothing.
fn non_blank(text: &str) -> Option<&str> {
    let text = text.trim();
    (!text.is_empty()).then_some(text)
}

/// How often each text occurs.
fn counts(texts: &[String]) -> HashMap<&str, usize> {
    let mut counts = HashMap::new();
    for text in texts {
        *counts.entry(text.as_str()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source<'a>(title: &'a str, seniority: &'a str, origin: &'a str) -> NameSource<'a> {
        NameSource {
            title,
            seniority,
            adjusted: false,
            origin,
        }
    }

    fn labels(roles: &[NameSource<'_>]) -> Vec<String> {
        role_names(roles).into_iter().map(|n| n.label).collect()
    }

    #[test]
    fn repeated_titles_are_told_apart_by_seniority_then_by_place() {
        let roles = [
            source("Analyst", "Junior", ""),
            source("Analyst", "Senior", ""),
            source("Nurse", "", ""),
            source("Nurse", "", ""),
            source("  ", "", ""),
            source("Welder", "Senior", ""),
        ];
        assert_eq!(
            labels(&roles),
            [
                "Analyst (Junior)",
                "Analyst (Senior)",
                "Nurse #3",
                "Nurse #4",
                "Untitled role",
                "Welder"
            ]
        );
        let names = role_names(&roles);
        assert_eq!(names[0].detail, "Junior");
        assert_eq!(names[3].detail, "#4", "the detail tells the row apart too");
        assert_eq!(names[4].title, UNTITLED);
        assert_eq!(names[5].detail, "Senior", "the seniority is always there");
    }

    #[test]
    fn a_variant_beside_its_source_is_told_apart_by_its_file() {
        let mut variant = source("Developer", "Mid", "developer-mid-london.aijri.json");
        variant.adjusted = true;
        let roles = [
            source("Developer", "Mid", "developer-mid.aijri.json"),
            variant,
            source("Tester", "Mid", "tester.aijri.json"),
        ];
        let names = role_names(&roles);
        assert_eq!(names[0].label, "Developer (Mid, developer-mid.aijri.json)");
        assert_eq!(
            names[1].label,
            "Developer (Mid, developer-mid-london.aijri.json)"
        );
        assert_eq!(
            names[1].detail,
            "Mid · adjusted · developer-mid-london.aijri.json"
        );
        assert_eq!(names[2].label, "Tester");
        assert_eq!(
            names[2].detail, "Mid",
            "no file name where the title is alone"
        );
    }
}
