//! pgsight's web app. Trunk builds it for wasm32 from `index.html` at the repo root; on
//! the host it only compiles, for the tests.

// On the host nothing calls into the app, so its code would be reported as dead.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod app;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod state;

#[cfg(target_arch = "wasm32")]
fn main() {
    yew::Renderer::<app::App>::new().render();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("pgsight-web runs in the browser: build it with `trunk build --release` and open dist/index.html.");
}
