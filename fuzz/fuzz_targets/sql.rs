//! The SQL front end: splitter, statement reader and catalog. Runs on a 1 MiB stack,
//! the size of a browser's wasm stack, so deep recursion shows up as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pgsight_core::sql::{self, Catalog};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn_scoped(s, || {
                let _ = sql::split::split(&text);
                let script = sql::parse_script(&text);
                let mut catalog = Catalog::default();
                for statement in &script.statements {
                    catalog.apply(statement);
                }
            })
            .expect("spawn")
            .join()
            .expect("no panic");
    });
});
