//! Which inputs differ between two versions of an assessment, named by their field paths
//! (`evidence.wage_trends.score`, `tasks[2].name`): what undo merges on, and what adjustments
//! record.

use serde_json::Value;

use super::Assessment;

/// The field paths whose values differ between `before` and `after`, in file order. A list that
/// changed length is one path (`tasks`); an object key present on one side only is its path.
#[must_use]
pub fn changed_fields(before: &Assessment, after: &Assessment) -> Vec<String> {
    let (Ok(before), Ok(after)) = (serde_json::to_value(before), serde_json::to_value(after))
    else {
        // Serialising an assessment cannot fail (no maps with non-string keys); should it, the
        // whole document counts as changed.
        return vec![String::new()];
    };
    let mut paths = Vec::new();
    collect(&before, &after, String::new(), &mut paths);
    paths
}

fn collect(before: &Value, after: &Value, path: String, paths: &mut Vec<String>) {
    match (before, after) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let child = join(&path, key);
                match b.get(key) {
                    Some(other) => collect(value, other, child, paths),
                    None => paths.push(child),
                }
            }
            for key in b.keys().filter(|k| !a.contains_key(*k)) {
                paths.push(join(&path, key));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                collect(x, y, format!("{path}[{i}]"), paths);
            }
        }
        (a, b) if a != b => paths.push(path),
        _ => {}
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_fields_that_changed() {
        let before = Assessment::blank();
        let mut after = before.clone();
        after.role.title = "Nurse".into();
        after.tasks[0].score = 4;
        assert_eq!(
            changed_fields(&before, &after),
            vec!["role.title".to_owned(), "tasks[0].score".to_owned()]
        );
        after.tasks.push(after.tasks[0].clone());
        assert_eq!(
            changed_fields(&before, &after),
            vec!["role.title".to_owned(), "tasks".to_owned()]
        );
        assert!(changed_fields(&before, &before).is_empty());
    }
}
