//! The Examples menu: real plans from `tests/scenarios/` (PostgreSQL 15). The menu's
//! titles are in the page; a plan is fetched from `examples/` (web/examples, copied
//! into dist/ by index.html) when the user picks it, so the page does not carry every
//! plan (issue #9, download size). The service worker precaches them for offline use.

pub struct Example {
    /// Stable id, for tests (`data-example`).
    pub id: &'static str,
    /// What the query does, in a few words.
    pub title: &'static str,
    /// The plan format, as the menu shows it.
    pub format: &'static str,
    /// The plan's file in web/examples.
    pub file: &'static str,
    /// The plan, for native tests (the page fetches it: [`Example::fetch`]).
    #[cfg(test)]
    pub text: &'static str,
}

macro_rules! example {
    ($id:literal, $title:literal, $file:literal, $format:literal) => {
        Example {
            id: $id,
            title: $title,
            format: $format,
            file: $file,
            #[cfg(test)]
            text: include_str!(concat!("../../../web/examples/", $file)),
        }
    };
}

impl Example {
    /// Where the page finds the plan, relative to the page.
    pub fn path(&self) -> String {
        format!("examples/{}", self.file)
    }

    /// Fetches the plan, then calls `done` with it (or with why it could not).
    pub fn fetch(&'static self, done: impl FnOnce(Result<String, String>) + 'static) {
        wasm_bindgen_futures::spawn_local(async move {
            done(crate::fetch::text(&self.path()).await);
        });
    }
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
