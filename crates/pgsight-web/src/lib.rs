//! pgsight's web app: a Yew page that renders the core's [`Report`], and a Web Worker
//! that computes it.
//!
//! The page never runs the rules: it sends the inputs to the worker as JSON
//! ([`protocol`]) and renders the report that comes back. Every word of a finding and
//! of a rule doc comes from the core; this crate only adds labels and layout.
//!
//! The logic (reducer, tree, formatting, routing, protocol, Markdown blocks) is plain
//! Rust and is tested natively with `cargo test -p pgsight-web`; the components and
//! the DOM glue only do something in a browser.
//!
//! [`Report`]: pgsight_core::Report

pub mod compare;
pub mod examples;
pub mod format;
pub mod lines;
pub mod markdown;
pub mod protocol;
pub mod recent;
pub mod route;
pub mod state;
pub mod tree;
pub mod views;

// On the host nothing calls into the app, so its code would be reported as dead.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub mod app;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod components;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod dom;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod fetch;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub mod worker;
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod worker_client;
