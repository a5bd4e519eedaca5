//! Report renderers, one per `--format`. They only render a core `Report`.

pub mod github;
pub mod sarif;
