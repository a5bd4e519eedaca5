//! Renderings of a report that both the CLI and the web app offer.

pub mod markdown;
