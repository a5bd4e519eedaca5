//! The full Web Worker's wasm binary: runs the whole engine (SQL included) off the
//! page's main thread. Trunk builds it from a `data-type="worker"` link in `index.html`;
//! the page starts it with `new Worker("pgsight-worker_loader.js")` only once a schema or
//! SQL is given (see `worker_client`); plans alone go to `pgsight-plan-worker`.

#[cfg(target_arch = "wasm32")]
fn main() {
    pgsight_web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgsight-worker is the web app's Web Worker; it runs in the browser.");
}
