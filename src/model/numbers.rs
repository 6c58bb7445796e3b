//! How numbers are written in assessment files: a task's time share as people type it (`15`, not
//! `15.0`; `33.3` as is), as in the format's own example, so a hand-written file is rewritten
//! unchanged and diffs stay clean. Other numbers keep serde_json's form (`31.0`, `2.4826`).

use serde::Serializer;

/// Numbers up to this magnitude are written without a fraction when they are whole (2⁵³: every
/// integer below it is exact in `f64`).
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

/// Writes a number as people write it in the file: `15` rather than `15.0`, `33.3` as is.
/// (serde's `serialize_with` passes the value by reference.)
///
/// # Errors
/// Those of the serializer.
pub fn whole_as_integer<S: Serializer>(value: &f64, serializer: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < EXACT_INTEGER_LIMIT {
        // Whole and within the exact range: the cast is lossless.
        serializer.serialize_i64(*value as i64)
    } else {
        serializer.serialize_f64(*value)
    }
}
