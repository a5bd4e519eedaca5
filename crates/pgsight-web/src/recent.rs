//! Recent analyses, kept in this browser's localStorage (and nowhere else): the inputs,
//! a title and the time, newest first.

use pgsight_core::share::SharedInputs;
use pgsight_core::Report;
use serde::{Deserialize, Serialize};

use crate::format::ellipsize;

/// The localStorage key.
pub const STORAGE_KEY: &str = "pgsight.recent.v1";
/// Entries kept.
pub const MAX_ENTRIES: usize = 20;
/// Inputs larger than this (bytes) are not kept: localStorage holds about 5 MB.
pub const MAX_ENTRY_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The document the entry follows: edits to the same document update it.
    pub id: String,
    pub title: String,
    /// Milliseconds since the epoch.
    pub time: f64,
    pub inputs: SharedInputs,
}

impl Entry {
    pub fn size(&self) -> usize {
        self.inputs.plan.len()
            + self.inputs.schema.len()
            + self.inputs.sql.len()
            + self.inputs.compare_plan.len()
    }
}

/// Reads the stored list; anything unreadable is an empty list.
pub fn parse(json: Option<&str>) -> Vec<Entry> {
    json.and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

pub fn to_json(entries: &[Entry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".to_owned())
}

/// Puts `entry` first: it replaces the entry of the same document and any entry with
/// the same inputs; the list keeps at most [`MAX_ENTRIES`]. Returns false (and leaves
/// the list alone) for an entry too large to keep.
pub fn upsert(list: &mut Vec<Entry>, entry: Entry) -> bool {
    if entry.size() > MAX_ENTRY_BYTES {
        return false;
    }
    list.retain(|e| e.id != entry.id && e.inputs != entry.inputs);
    list.insert(0, entry);
    list.truncate(MAX_ENTRIES);
    true
}

/// A title for the recent list: the top finding, else the plan's costliest node,
/// else the first line of SQL.
pub fn title(report: Option<&Report>, inputs: &SharedInputs) -> String {
    if let Some(report) = report {
        if let Some(f) = report.findings.first() {
            return ellipsize(&f.title, 80);
        }
        let hottest = report
            .plans
            .iter()
            .flat_map(|p| p.nodes.iter())
            .max_by(|a, b| {
                a.exclusive_share
                    .unwrap_or(0.0)
                    .total_cmp(&b.exclusive_share.unwrap_or(0.0))
            });
        if let Some(node) = hottest {
            return ellipsize(&node.label, 80);
        }
    }
    [&inputs.sql, &inputs.schema, &inputs.plan]
        .iter()
        .flat_map(|t| t.lines())
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with("--"))
        .map(|l| ellipsize(l, 80))
        .unwrap_or_else(|| "Untitled".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, plan: &str) -> Entry {
        Entry {
            id: id.into(),
            title: id.into(),
            time: 0.0,
            inputs: SharedInputs {
                plan: plan.into(),
                ..SharedInputs::default()
            },
        }
    }

    #[test]
    fn newest_first_same_document_replaced() {
        let mut list = Vec::new();
        assert!(upsert(&mut list, entry("a", "1")));
        assert!(upsert(&mut list, entry("b", "2")));
        assert!(upsert(&mut list, entry("a", "1 edited")));
        let ids: Vec<_> = list.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(list[0].inputs.plan, "1 edited");
    }

    #[test]
    fn same_inputs_are_one_entry() {
        let mut list = Vec::new();
        upsert(&mut list, entry("a", "same"));
        upsert(&mut list, entry("b", "same"));
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].id, "b");
    }

    #[test]
    fn keeps_at_most_twenty_and_skips_huge_inputs() {
        let mut list = Vec::new();
        for i in 0..30 {
            upsert(&mut list, entry(&i.to_string(), &i.to_string()));
        }
        assert_eq!(list.len(), MAX_ENTRIES);
        assert_eq!(list[0].id, "29");
        assert!(!upsert(
            &mut list,
            entry("big", &"x".repeat(MAX_ENTRY_BYTES + 1))
        ));
        assert_eq!(list[0].id, "29");
    }

    #[test]
    fn storage_round_trip_and_garbage() {
        let list = vec![entry("a", "1")];
        assert_eq!(parse(Some(&to_json(&list))), list);
        assert!(parse(Some("{garbage")).is_empty());
        assert!(parse(None).is_empty());
    }

    #[test]
    fn titles() {
        let plan = crate::examples::EXAMPLES[0].text;
        let report = pgsight_core::analyze(
            &[pgsight_core::Input::new(
                pgsight_core::InputKind::Plan,
                "plan",
                plan,
            )],
            &pgsight_core::Config::default(),
        );
        let inputs = SharedInputs {
            plan: plan.into(),
            ..SharedInputs::default()
        };
        assert_eq!(
            title(Some(&report), &inputs),
            ellipsize(&report.findings[0].title, 80)
        );
        let sql = SharedInputs {
            sql: "-- comment\n\nSELECT 1;".into(),
            ..SharedInputs::default()
        };
        assert_eq!(title(None, &sql), "SELECT 1;");
        assert_eq!(title(None, &SharedInputs::default()), "Untitled");
    }
}
