//! The whole analysis. Input layout: one selector byte, then up to four inputs
//! separated by 0xFF bytes (never valid UTF-8, so never inside a fixture). Bits
//! 2i..2i+1 of the selector give input i's kind: plan, schema, migration, query.
//! Runs on a 1 MiB stack, the size of a browser's wasm stack.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgsight_core::{analyze, Config, Input, InputKind};

const KINDS: [InputKind; 4] = [InputKind::Plan, InputKind::Schema, InputKind::Migration, InputKind::Query];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let inputs: Vec<Input> = rest
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, part)| Input::new(KINDS[usize::from(selector >> (2 * i)) & 3], format!("input{i}"), String::from_utf8_lossy(part)))
        .collect();
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn_scoped(s, || {
                let report = analyze(&inputs, &Config::default());
                let _ = report.to_json();
                let _ = pgsight_core::render::markdown::render(&report);
                for finding in &report.findings {
                    let _ = finding.render_text();
                }
            })
            .expect("spawn")
            .join()
            .expect("no panic");
    });
});
