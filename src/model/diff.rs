//! The one way two versions of an assessment are compared, field by field: what undo merges on,
//! what adjustments record and what `aijri-desk diff` lists all come from [`differences`].
//!
//! Fields are compared as the file holds them (JSON values), so a field a newer program adds is
//! compared too. Tasks are matched before they are compared — by their `id`, else by name, else
//! by position among the tasks left between matched ones — so removing, adding or moving one task
//! is one difference, not a change to every task after it.

use serde_json::{Map, Value};

use super::{Assessment, FieldPath, Task};

/// How the tasks of two versions correspond: which task of `a` became which of `b`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TaskMatching {
    /// The tasks of both, as (index in `a`, index in `b`), in `a`'s order.
    pub pairs: Vec<(usize, usize)>,
    /// The tasks only `a` has, by index in `a`.
    pub removed: Vec<usize>,
    /// The tasks only `b` has, by index in `b`.
    pub added: Vec<usize>,
}

impl TaskMatching {
    /// The index in `b` of the task `a` has at `index`, when `b` still has it.
    #[must_use]
    pub fn in_b(&self, index: usize) -> Option<usize> {
        self.pairs
            .iter()
            .find(|(a, _)| *a == index)
            .map(|&(_, b)| b)
    }

    /// The tasks of both that `b` lists in another order than `a`, relative to the others: every
    /// pair outside the longest run of pairs that kept their order, as (index in `a`, index in
    /// `b`). Moving one task is one move, whatever its distance.
    #[must_use]
    pub fn moved(&self) -> Vec<(usize, usize)> {
        let kept = longest_increasing(&self.pairs);
        self.pairs
            .iter()
            .enumerate()
            .filter(|(i, _)| !kept.contains(i))
            .map(|(_, &pair)| pair)
            .collect()
    }

    /// Whether task `i` of `a` is task `i` of `b` for every task: nothing added, removed or moved.
    #[must_use]
    pub fn is_positional(&self) -> bool {
        self.removed.is_empty() && self.added.is_empty() && self.pairs.iter().all(|(a, b)| a == b)
    }
}

/// A rule by which two tasks are the same task.
type SameTask = dyn Fn(&Task, &Task) -> bool;

/// Matches the tasks of `a` with those of `b`: first by `id` (where both have one), then by name
/// (spaces around it ignored; a task keeping its name and its place first, then equal names in
/// order), then the tasks left between two matched ones pair up in order (a task renamed in
/// place is the same task).
#[must_use]
pub fn match_tasks(a: &[Task], b: &[Task]) -> TaskMatching {
    let mut in_b: Vec<Option<usize>> = vec![None; a.len()];
    let mut taken = vec![false; b.len()];
    let same_id = |x: &Task, y: &Task| x.id.is_some() && x.id == y.id;
    let same_name =
        |x: &Task, y: &Task| !x.name.trim().is_empty() && x.name.trim() == y.name.trim();
    let rules: [(&SameTask, bool); 3] =
        [(&same_id, false), (&same_name, true), (&same_name, false)];
    for (same, in_place) in rules {
        for (i, task) in a.iter().enumerate() {
            if in_b[i].is_some() {
                continue;
            }
            let mut places = if in_place {
                i..(i + 1).min(b.len())
            } else {
                0..b.len()
            };
            if let Some(j) = places.find(|&j| !taken[j] && same(task, &b[j])) {
                taken[j] = true;
                in_b[i] = Some(j);
            }
        }
    }
    pair_in_gaps(&mut in_b, &mut taken);
    let pairs = in_b
        .iter()
        .enumerate()
        .filter_map(|(i, j)| Some((i, (*j)?)))
        .collect();
    TaskMatching {
        pairs,
        removed: (0..a.len()).filter(|&i| in_b[i].is_none()).collect(),
        added: (0..b.len()).filter(|&j| !taken[j]).collect(),
    }
}

/// Pairs the tasks left on both sides that lie after the same matched task (or before any), in
/// order: what stays between two tasks that were found again is taken to be the same tasks.
fn pair_in_gaps(in_b: &mut [Option<usize>], taken: &mut [bool]) {
    // The gap of a task: the task of `a` matched last before it (`None`: before every match).
    let gap_in_a = |i: usize, in_b: &[Option<usize>]| (0..i).rev().find(|&k| in_b[k].is_some());
    let gap_in_b = |j: usize, in_b: &[Option<usize>]| {
        (0..j)
            .rev()
            .find_map(|l| in_b.iter().position(|&m| m == Some(l)))
    };
    let matched = in_b.to_vec();
    let free_b: Vec<usize> = (0..taken.len()).filter(|&j| !taken[j]).collect();
    for i in 0..in_b.len() {
        if matched[i].is_some() {
            continue;
        }
        let gap = gap_in_a(i, &matched);
        let partner = free_b
            .iter()
            .copied()
            .find(|&j| !taken[j] && gap_in_b(j, &matched) == gap);
        if let Some(j) = partner {
            taken[j] = true;
            in_b[i] = Some(j);
        }
    }
}

/// The positions of the longest run of pairs whose indices in `b` rise (patience sorting).
fn longest_increasing(pairs: &[(usize, usize)]) -> Vec<usize> {
    // tails[k]: the position of the pair ending the best run of length k + 1 found so far.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; pairs.len()];
    for (position, &(_, b)) in pairs.iter().enumerate() {
        let length = tails.partition_point(|&t| pairs[t].1 < b);
        previous[position] = length.checked_sub(1).map(|k| tails[k]);
        if length == tails.len() {
            tails.push(position);
        } else {
            tails[length] = position;
        }
    }
    let mut run = Vec::new();
    let mut next = tails.last().copied();
    while let Some(position) = next {
        run.push(position);
        next = previous[position];
    }
    run.reverse();
    run
}

/// One difference between two versions of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// A field holds another value (`null` stands for a field one side does not have). A field
    /// of a task is named by the task's index in `a`; `task` gives its index in `a` and in `b`.
    Field {
        /// The field, e.g. `evidence.wage_trends.score`, `tasks[2].name`.
        path: FieldPath,
        /// Its value in `a`.
        from: Value,
        /// Its value in `b`.
        to: Value,
        /// For a field of a task: the task's index in `a` and in `b`.
        task: Option<(usize, usize)>,
    },
    /// A task of `a` that `b` does not have, by its index in `a`.
    TaskRemoved(usize),
    /// A task of `b` that `a` does not have, by its index in `b`.
    TaskAdded(usize),
    /// A task of both that `b` lists at another place relative to the others.
    TaskMoved {
        /// Its index in `a`.
        from: usize,
        /// Its index in `b`.
        to: usize,
    },
}

impl Difference {
    /// The field the difference is in: the field itself, or `tasks` for a task added, removed or
    /// moved.
    #[must_use]
    pub fn path(&self) -> FieldPath {
        match self {
            Self::Field { path, .. } => path.clone(),
            Self::TaskRemoved(_) | Self::TaskAdded(_) | Self::TaskMoved { .. } => {
                FieldPath::new("tasks")
            }
        }
    }

    /// The path of a text field edited to another text: typing there changes only this.
    #[must_use]
    pub fn text_field(&self) -> Option<&FieldPath> {
        match self {
            Self::Field {
                path,
                from: Value::String(_),
                to: Value::String(_),
                ..
            } => Some(path),
            _ => None,
        }
    }
}

/// Every difference between `a` and `b`, in file order (a field only `b` has comes last): fields
/// by path, tasks matched by [`match_tasks`]. A list other than the tasks that changed length is
/// one difference on the list.
#[must_use]
pub fn differences(a: &Assessment, b: &Assessment) -> Vec<Difference> {
    differences_with(a, b, &match_tasks(&a.tasks, &b.tasks))
}

/// [`differences`] with the tasks matched as `matching` says.
#[must_use]
pub fn differences_with(
    a: &Assessment,
    b: &Assessment,
    matching: &TaskMatching,
) -> Vec<Difference> {
    let (Ok(Value::Object(left)), Ok(Value::Object(right))) =
        (serde_json::to_value(a), serde_json::to_value(b))
    else {
        // An assessment always serialises to an object; should it not, all of it differs.
        return vec![Difference::Field {
            path: FieldPath::default(),
            from: Value::Null,
            to: Value::Null,
            task: None,
        }];
    };
    let mut found = Vec::new();
    for (key, value) in &left {
        if key == "tasks" {
            task_differences(&a.tasks, &b.tasks, matching, &mut found);
        } else {
            let other = right.get(key).unwrap_or(&Value::Null);
            collect(value, other, FieldPath::new(key), None, &mut found);
        }
    }
    for (key, value) in right.iter().filter(|(k, _)| !left.contains_key(*k)) {
        collect(&Value::Null, value, FieldPath::new(key), None, &mut found);
    }
    found
}

/// The differences of the tasks: each matched pair field by field, then the tasks removed,
/// added and moved.
fn task_differences(a: &[Task], b: &[Task], matching: &TaskMatching, found: &mut Vec<Difference>) {
    let as_object = |task: &Task| match serde_json::to_value(task) {
        Ok(Value::Object(object)) => object,
        _ => Map::new(),
    };
    for &(i, j) in &matching.pairs {
        let (left, right) = (as_object(&a[i]), as_object(&b[j]));
        let keys = left
            .keys()
            .chain(right.keys().filter(|k| !left.contains_key(*k)));
        for key in keys {
            let (from, to) = (
                left.get(key).unwrap_or(&Value::Null),
                right.get(key).unwrap_or(&Value::Null),
            );
            collect(from, to, FieldPath::task(i).key(key), Some((i, j)), found);
        }
    }
    found.extend(matching.removed.iter().map(|&i| Difference::TaskRemoved(i)));
    found.extend(matching.added.iter().map(|&j| Difference::TaskAdded(j)));
    let moved = matching.moved();
    found.extend(
        moved
            .into_iter()
            .map(|(from, to)| Difference::TaskMoved { from, to }),
    );
}

/// The differences between two JSON values at `path`.
fn collect(
    before: &Value,
    after: &Value,
    path: FieldPath,
    task: Option<(usize, usize)>,
    found: &mut Vec<Difference>,
) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let other = b.get(key).unwrap_or(&Value::Null);
                collect(value, other, path.clone().key(key), task, found);
            }
            for (key, value) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                collect(&Value::Null, value, path.clone().key(key), task, found);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                collect(x, y, path.clone().index(i), task, found);
            }
        }
        (a, b) if a != b => found.push(Difference::Field {
            path,
            from: a.clone(),
            to: b.clone(),
            task,
        }),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task(name: &str) -> Task {
        Task {
            name: name.into(),
            time_pct: 10.0,
            score: 3,
            ..Task::default()
        }
    }

    fn role(names: &[&str]) -> Assessment {
        let mut role = Assessment::blank();
        role.tasks = names.iter().map(|n| task(n)).collect();
        role
    }

    fn paths(a: &Assessment, b: &Assessment) -> Vec<String> {
        differences(a, b)
            .iter()
            .map(|d| d.path().to_string())
            .collect()
    }

    #[test]
    fn names_the_fields_that_changed() {
        let before = Assessment::blank();
        let mut after = before.clone();
        after.role.title = "Nurse".into();
        after.tasks[0].score = 4;
        assert_eq!(paths(&before, &after), ["role.title", "tasks[0].score"]);
        assert_eq!(
            differences(&before, &after)[0].text_field(),
            Some(&FieldPath::new("role").key("title"))
        );
        assert_eq!(differences(&before, &after)[1].text_field(), None);
        assert!(differences(&before, &before).is_empty());
    }

    #[test]
    fn a_removed_added_or_moved_task_is_one_difference() {
        let eight = role(&["a", "b", "c", "d", "e", "f", "g", "h"]);
        let mut fewer = eight.clone();
        fewer.tasks.remove(1);
        assert_eq!(differences(&eight, &fewer), [Difference::TaskRemoved(1)]);
        assert_eq!(differences(&fewer, &eight), [Difference::TaskAdded(1)]);
        let mut moved = eight.clone();
        let task = moved.tasks.remove(1);
        moved.tasks.insert(6, task);
        assert_eq!(
            differences(&eight, &moved),
            [Difference::TaskMoved { from: 1, to: 6 }]
        );
    }

    #[test]
    fn tasks_are_found_again_by_id_then_name_then_place() {
        let a = role(&["a", "b", "c"]);
        let mut b = role(&["b", "renamed", "a"]);
        let matching = match_tasks(&a.tasks, &b.tasks);
        assert_eq!(matching.pairs, [(0, 2), (1, 0), (2, 1)]);
        b.tasks[0].id = Some("t9".into());
        let mut a_with_id = a.clone();
        a_with_id.tasks[2].id = Some("t9".into());
        let matching = match_tasks(&a_with_id.tasks, &b.tasks);
        assert_eq!(matching.in_b(2), Some(0), "the id wins over the name");
        assert!(!matching.is_positional());
        assert!(match_tasks(&a.tasks, &a.tasks).is_positional());
        let renamed = paths(&a, &role(&["a", "x", "c"]));
        assert_eq!(renamed, ["tasks[1].name"], "renamed in place");
    }

    #[test]
    fn a_removed_task_and_a_renamed_one_are_told_apart() {
        let a = role(&["a", "b", "c", "d", "e"]);
        let b = role(&["a", "c", "d", "E!"]);
        assert_eq!(
            differences(&a, &b),
            [
                Difference::Field {
                    path: FieldPath::task(4).key("name"),
                    from: Value::from("e"),
                    to: Value::from("E!"),
                    task: Some((4, 3)),
                },
                Difference::TaskRemoved(1),
            ]
        );
    }
}
