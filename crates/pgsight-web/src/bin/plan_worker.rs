//! The plan-only Web Worker's wasm binary: the same worker as `pgsight-worker`, built
//! without the `sql` feature so that its download holds no SQL parser. The page starts
//! it at once (`pgsight-plan-worker_loader.js`); `worker_client` sends it every message
//! that carries no SQL.

#[cfg(target_arch = "wasm32")]
fn main() {
    pgsight_web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgsight-plan-worker is the web app's plan-only Web Worker; it runs in the browser.");
}
