//! The EXPLAIN JSON reader: any bytes (read lossily, as the CLI does) must give plans
//! or an error, never a panic. A plan that reads must print as JSON that reads back
//! to the same number of documents and nodes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgsight_core::plan::{json, metrics, write};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = pgsight_core::plan::input::clean(&text);
    if let Ok(docs) = json::parse_documents(&text) {
        for doc in &docs {
            let _ = metrics::compute(doc);
        }
        let printed = write::to_explain_json(&docs);
        let again = json::parse_documents(&printed).expect("printed plans read back");
        assert_eq!(again.len(), docs.len());
        for (a, b) in again.iter().zip(&docs) {
            assert_eq!(a.plan.len(), b.plan.len());
        }
    }
});
