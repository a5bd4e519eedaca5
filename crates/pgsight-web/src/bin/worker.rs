//! The Web Worker's wasm binary: runs the engine off the page's main thread. Trunk
//! builds it from the `data-type="worker"` link in `index.html`; the page starts it
//! with `new Worker("pgsight-worker_loader.js")`.

#[cfg(target_arch = "wasm32")]
fn main() {
    pgsight_web::worker::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgsight-worker is the web app's Web Worker; it runs in the browser.");
}
