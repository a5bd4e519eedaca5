//! The EXPLAIN text reader: any bytes must give plans or an error, never a panic.
//! A plan that reads must print as EXPLAIN JSON that the JSON reader accepts.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgsight_core::plan::{json, metrics, text, write};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    if let Ok(docs) = text::parse_documents(&input) {
        for doc in &docs {
            let _ = metrics::compute(doc);
        }
        let printed = write::to_explain_json(&docs);
        let again = json::parse_documents(&printed).expect("printed plans read back");
        assert_eq!(again.len(), docs.len());
    }
    // The whole plan front door: clean-up, format detection, then either reader.
    let _ = pgsight_core::plan::parse(&input);
});
