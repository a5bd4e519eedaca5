//! The Examples menu: real plans from `tests/scenarios/` (PostgreSQL 15), embedded so
//! they load at once and offline.

pub struct Example {
    /// Stable id, for tests (`data-example`).
    pub id: &'static str,
    /// What the query does, in a few words.
    pub title: &'static str,
    /// The plan format, as the menu shows it.
    pub format: &'static str,
    pub text: &'static str,
}

macro_rules! example {
    ($id:literal, $title:literal, $file:literal, $format:literal) => {
        Example {
            id: $id,
            title: $title,
            format: $format,
            text: include_str!(concat!("../../../web/examples/", $file)),
        }
    };
}

pub const EXAMPLES: &[Example] = &[
    example!(
        "seq-scan",
        "Open orders of one country",
        "seq-scan-orders-status.json",
        "JSON"
    ),
    example!(
        "sort-spill",
        "January's orders sorted by amount",
        "sort-spill-low-work-mem.txt",
        "text"
    ),
    example!(
        "stale-statistics",
        "Pending invoices after a bulk load",
        "row-misestimate-stale-statistics.json",
        "JSON"
    ),
    example!(
        "nested-loop",
        "A week of orders with their customers",
        "nested-loop-many-loops-disabled-joins.json",
        "JSON"
    ),
    example!(
        "trigger-time",
        "Deleting closed accounts",
        "trigger-time-fk-delete.json",
        "JSON"
    ),
    example!(
        "hash-spill",
        "Revenue per country for January",
        "hash-spill-join-low-work-mem.json",
        "JSON"
    ),
    example!(
        "not-in",
        "Customers without an order, with NOT IN",
        "not-in-subplan-low-work-mem.txt",
        "text"
    ),
    example!(
        "lossy-bitmap",
        "The orders of 500 customers",
        "lossy-bitmap-low-work-mem.txt",
        "text"
    ),
];

pub fn by_id(id: &str) -> Option<&'static Example> {
    EXAMPLES.iter().find(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use pgsight_core::{analyze, Config, Input, InputKind};

    #[test]
    fn every_example_parses_and_finds_something() {
        for example in EXAMPLES {
            let report = analyze(
                &[Input::new(InputKind::Plan, "plan", example.text)],
                &Config::default(),
            );
            assert!(
                report.inputs.iter().all(|i| i.ok),
                "{}: {:?}",
                example.id,
                report.notes
            );
            assert!(!report.findings.is_empty(), "{} has no finding", example.id);
            let format = report.inputs[0]
                .format
                .map(|f| format!("{f:?}").to_lowercase());
            assert_eq!(
                format.as_deref(),
                Some(example.format.to_lowercase().as_str()),
                "{}",
                example.id
            );
        }
    }

    #[test]
    fn ids_are_unique() {
        for (i, e) in EXAMPLES.iter().enumerate() {
            assert!(EXAMPLES[..i].iter().all(|o| o.id != e.id), "{}", e.id);
            assert_eq!(by_id(e.id).map(|x| x.id), Some(e.id));
        }
    }
}
