//! The page's wasm binary. Trunk builds it for wasm32 from `index.html` at the repo root.

#[cfg(target_arch = "wasm32")]
fn main() {
    pgsight_web::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgsight-web runs in the browser: build it with `trunk build --release` and open dist/index.html.");
}
