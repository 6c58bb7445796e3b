//! The one place where figures become text (`spec/aijri-method.md` §5): every view, report and
//! export shows a figure through these helpers, so a figure is never shown two ways.
//!
//! All of them rest on [`round`]: half away from zero on the decimal value (0.125 → "0.13",
//! 24.95 → "25.0" although the double holds 24.9499…). Each figure is rounded from its own
//! unrounded value, never from another rounded figure. No helper writes "-0.0" or "-0%".

/// Slack for rounding, relative to the size of the scaled value: a few thousand units in the
/// last place, so a double rounds as its shortest decimal writing does (2.675 stored as
/// 2.67499999…), arithmetic noise included, and never more than [`MAX_NUDGE`].
const ROUNDING_SLACK: f64 = 1e-12;
/// The largest nudge, so that large values (500000 to six decimals) are not pushed over a unit.
const MAX_NUDGE: f64 = 1e-6;

/// What stands for a figure that cannot be computed (a missing input, no tasks).
pub const MISSING: &str = "—";

/// Rounds half away from zero to `decimals` places, on the value as written in decimals:
/// 24.4966 → 24.5, 2.482578 → 2.4826, 0.125 → 0.13, 24.95 → 25.0.
#[must_use]
pub fn round(value: f64, decimals: i32) -> f64 {
    let factor = 10f64.powi(decimals);
    let scaled = value * factor;
    // Nudge by a relative epsilon so 2.675 stored as 2.67499999… still rounds up as written.
    let nudge = (ROUNDING_SLACK * scaled.abs().max(1.0)).min(MAX_NUDGE);
    let nudged = scaled + scaled.signum() * nudge;
    // Adding 0 turns −0 (from rounding −0.04) into 0, so nothing shows "-0".
    nudged.round() / factor + 0.0
}

/// `value` rounded to exactly `decimals` places: "2.95", "24.5".
fn fixed(value: f64, decimals: usize) -> String {
    let places = i32::try_from(decimals).unwrap_or(i32::MAX);
    format!("{:.decimals$}", round(value, places))
}

/// `value` rounded to at most `decimals` places, trailing zeros dropped: "0.04", "48", "62.5".
fn trimmed(value: f64, decimals: usize) -> String {
    let text = fixed(value, decimals);
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        text
    }
}

/// A JobZone score as displayed, one decimal: "24.5", "25.0".
#[must_use]
pub fn score(value: f64) -> String {
    fixed(value, 1)
}

/// A change of the displayed score, signed, one decimal: "+1.5", "−0.3", "0.0".
#[must_use]
pub fn score_delta(value: f64) -> String {
    let text = score(value);
    if text.starts_with('-') {
        text.replacen('-', "−", 1)
    } else if round(value, 1) > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// A task figure (a weighted share, the task total, the Task Resistance Score), two decimals:
/// "0.30", "2.95", "3.05".
#[must_use]
pub fn task_figure(value: f64) -> String {
    fixed(value, 2)
}

/// The top of the Task Resistance Score's scale, after the score it is the top of, one decimal as
/// the published text writes it: "5.0" in "3.05/5.0".
#[must_use]
pub fn scale_top(value: f64) -> String {
    fixed(value, 1)
}

/// A modifier (evidence, barrier, growth), two decimals: "0.84".
#[must_use]
pub fn modifier(value: f64) -> String {
    fixed(value, 2)
}

/// The raw composite, four decimals: "2.4826".
#[must_use]
pub fn raw(value: f64) -> String {
    fixed(value, 4)
}

/// A computed percentage (a total, a split share, the time scoring 3+), at most one decimal:
/// "65%", "62.5%".
#[must_use]
pub fn pct(value: f64) -> String {
    format!("{}%", trimmed(value, 1))
}

/// A percentage to the whole percent, the precision a published text states the share of time
/// at 3+ with: "65%". Used to compare a published share with the recomputed one.
#[must_use]
pub fn whole_pct(value: f64) -> String {
    format!("{}%", trimmed(value, 0))
}

/// A task's share of working time as typed, in full: "15%", "12.5%", "48.1465%". It is an input,
/// not a computed figure, so it is never rounded.
#[must_use]
pub fn time_share(value: f64) -> String {
    format!("{}%", value + 0.0)
}

/// A share of time that thresholds are tested against, with as many decimals (up to two) as it
/// takes not to look equal to a threshold it misses: 69.96 against 70 is "69.96%", 69.999 is
/// "69.99%" (never "70.00%"), 70 is "70%". `outcomes` holds each threshold with whether the share
/// met it; the text agrees with every outcome.
#[must_use]
pub fn pct_against(value: f64, outcomes: &[(f64, bool)]) -> String {
    let agrees = |shown: f64| {
        outcomes
            .iter()
            .all(|&(threshold, holds)| (shown >= threshold) == holds)
    };
    for (decimals, places) in [(0, 0), (1, 1), (2, 2)] {
        if agrees(round(value, places)) {
            return format!("{}%", trimmed(value, decimals));
        }
    }
    // Rounding at two decimals reaches a threshold: cut towards the side its outcome is on.
    let reached = outcomes
        .iter()
        .find(|&&(threshold, holds)| (round(value, 2) >= threshold) != holds);
    let cut = match reached {
        Some(&(_, true)) => (value * 100.0).ceil() / 100.0,
        _ => (value * 100.0).floor() / 100.0,
    };
    format!("{:.2}%", cut + 0.0)
}

/// An integer with its sign as the published text writes it: "-1", "0", "+2".
#[must_use]
pub fn signed(value: i64) -> String {
    if value > 0 {
        format!("+{value}")
    } else {
        value.to_string()
    }
}

/// An integer with its sign and a typographic minus, for running text: "−1", "0", "+2".
#[must_use]
pub fn signed_typographic(value: i64) -> String {
    signed(value).replace('-', "−")
}

/// A constant of the framework (a weight, the normalisation, a threshold), at most six decimals,
/// trailing zeros dropped: "0.04", "7.93", "48".
#[must_use]
pub fn weight(value: f64) -> String {
    trimmed(value, 6)
}

/// A figure for a spreadsheet: unrounded up to six decimals, trailing zeros dropped: "2.482578".
#[must_use]
pub fn unrounded(value: f64) -> String {
    trimmed(value, 6)
}

/// A number typed by a user (an override's score, a related role's score) written so that reading
/// it back gives the same `f64`: one decimal where that is exact ("55.4", "31.0"), otherwise the
/// shortest exact form ("12.25").
#[must_use]
pub fn exact(value: f64) -> String {
    let one_decimal = format!("{:.1}", value + 0.0);
    if one_decimal.parse::<f64>().ok() == Some(value) {
        one_decimal
    } else {
        (value + 0.0).to_string()
    }
}

/// The names of the months, for [`date`].
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date as a report writes it: "1 December 2026". A month outside 1–12 is written as
/// its number.
#[must_use]
pub fn date(year: i32, month: u8, day: u8) -> String {
    let name = usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index));
    match name {
        Some(name) => format!("{day} {name} {year}"),
        None => format!("{day}/{month}/{year}"),
    }
}

/// A count with its noun, the singular for exactly one: "1 warning", "0 errors", "3 roles".
/// Every counted noun the program writes goes through here (tests/plurals.rs checks).
#[must_use]
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The findings of a validation in counts: "0 errors, 1 warning".
#[must_use]
pub fn errors_and_warnings(errors: usize, warnings: usize) -> String {
    format!(
        "{}, {}",
        count(errors, "error", "errors"),
        count(warnings, "warning", "warnings")
    )
}

/// A figure that may be missing: `show(value)`, or [`MISSING`].
#[must_use]
pub fn or_missing<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| MISSING.to_owned(), show)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_away_from_zero_on_the_decimal_value() {
        assert_eq!(score(24.95), "25.0");
        assert_eq!(format!("{:.1}", 24.95), "24.9", "the double is below 24.95");
        assert_eq!(task_figure(0.125), "0.13");
        assert_eq!(task_figure(1.875), "1.88");
        assert_eq!(task_figure(4.125), "4.13");
        assert_eq!(task_figure(2.675), "2.68");
        assert_eq!(score(-0.05), "-0.1");
        assert_eq!(raw(2.482_578), "2.4826");
        assert_eq!(score(24.45), "24.5");
        assert_eq!(score(47.96), "48.0");
        assert_eq!(raw(500_000.0), "500000.0000");
        assert_eq!(unrounded(1_000_000.5), "1000000.5");
        assert!((round(2.482_578, 4) - 2.4826).abs() < 1e-12);
        assert!((round(-0.05, 1) + 0.1).abs() < 1e-12);
    }

    #[test]
    fn nothing_shows_minus_zero() {
        assert_eq!(score(-0.04), "0.0");
        assert_eq!(score(-0.0), "0.0");
        assert_eq!(pct(-0.04), "0%");
        assert_eq!(task_figure(-0.001), "0.00");
        assert_eq!(score_delta(-0.04), "0.0");
        assert_eq!(time_share(-0.0), "0%");
        assert_eq!(exact(-0.0), "0.0");
    }

    #[test]
    fn each_kind_of_figure_has_its_form() {
        assert_eq!(score(24.496_569), "24.5");
        assert_eq!(score_delta(1.5), "+1.5");
        assert_eq!(score_delta(-0.3), "−0.3");
        assert_eq!(modifier(0.84), "0.84");
        assert_eq!(pct(65.0), "65%");
        assert_eq!(pct(64.999_999_999), "65%");
        assert_eq!(pct(62.5), "62.5%");
        assert_eq!(whole_pct(62.5), "63%");
        assert_eq!(whole_pct(-0.4), "0%");
        assert_eq!(time_share(15.0), "15%");
        assert_eq!(time_share(12.5), "12.5%");
        assert_eq!(time_share(48.1465), "48.1465%");
        assert_eq!(signed(2), "+2");
        assert_eq!(signed(-1), "-1");
        assert_eq!(signed(0), "0");
        assert_eq!(signed_typographic(-1), "−1");
        assert_eq!(weight(0.04), "0.04");
        assert_eq!(weight(48.0), "48");
        assert_eq!(unrounded(2.482_578), "2.482578");
        assert_eq!(exact(12.25), "12.25");
        assert_eq!(exact(31.0), "31.0");
        assert_eq!(or_missing(None::<f64>, score), "—");
        assert_eq!(or_missing(Some(24.5), score), "24.5");
        assert_eq!(date(2026, 12, 1), "1 December 2026");
        assert_eq!(count(1, "warning", "warnings"), "1 warning");
        assert_eq!(count(0, "error", "errors"), "0 errors");
        assert_eq!(count(3, "role", "roles"), "3 roles");
        assert_eq!(errors_and_warnings(0, 1), "0 errors, 1 warning");
        assert_eq!(date(2027, 1, 31), "31 January 2027");
    }

    #[test]
    fn a_share_against_a_threshold_never_looks_equal_when_it_misses() {
        let seventy = |holds| [(70.0, holds), (50.0, true)];
        assert_eq!(pct_against(69.96, &seventy(false)), "69.96%");
        assert_eq!(pct_against(69.999, &seventy(false)), "69.99%");
        assert_eq!(pct_against(69.94, &seventy(false)), "69.9%");
        assert_eq!(pct_against(65.0, &seventy(false)), "65%");
        assert_eq!(pct_against(70.0, &seventy(true)), "70%");
        assert_eq!(pct_against(69.999_999_999_9, &seventy(true)), "70%");
        assert_eq!(pct_against(50.004, &[(50.0, true)]), "50%");
        assert_eq!(pct_against(49.999_999, &[(50.0, false)]), "49.99%");
        assert_eq!(
            pct_against(49.96, &[(70.0, false), (50.0, false)]),
            "49.96%"
        );
    }
}
