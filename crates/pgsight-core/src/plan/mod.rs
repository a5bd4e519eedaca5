//! EXPLAIN plans: the model, the JSON and text readers, input clean-up and metrics.

pub mod input;
pub mod json;
pub mod metrics;
pub mod model;
pub mod predicate;
pub mod text;
pub mod write;

pub use model::{DocumentFields, NodeFields, NodeId, Plan, PlanDocument, PlanNode, Worker, WorkerFields};

use crate::position::line_column;

/// Which EXPLAIN format an input was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlanFormat {
    Json,
    Text,
}

/// Why a plan input could not be read, with its position where there is one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError {
    pub message: String,
    /// 1-based line in the input as given.
    pub line: Option<u32>,
    /// 1-based column, in characters.
    pub column: Option<u32>,
}

impl PlanError {
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), line: None, column: None }
    }

    /// An error at byte `offset` of `text`.
    pub fn at_offset(message: impl Into<String>, text: &str, offset: usize) -> Self {
        let (line, column) = line_column(text, offset);
        Self { message: message.into(), line: Some(line), column: Some(column) }
    }
}

impl std::fmt::Display for PlanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: {}", self.message),
            (Some(line), None) => write!(f, "line {line}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for PlanError {}

/// Every plan found in one input, and the format it was read as.
#[derive(Debug, Clone)]
pub struct ParsedPlans {
    pub format: PlanFormat,
    pub documents: Vec<PlanDocument>,
}

/// Reads EXPLAIN output in any supported shape: JSON or text, pasted from psql,
/// pgAdmin or a log. Never panics; bad input gives an error with its position.
pub fn parse(text: &str) -> Result<ParsedPlans, PlanError> {
    if text.trim().is_empty() {
        return Err(PlanError::new("the plan input is empty"));
    }
    if text.contains('\0') {
        let offset = text.find('\0').unwrap_or(0);
        return Err(PlanError::at_offset("the input contains NUL bytes: is it a binary file?", text, offset));
    }
    let cleaned = input::clean(text);
    let format = input::detect(&cleaned.text);
    let result = match format {
        PlanFormat::Json => json::parse_documents(&cleaned.text),
        PlanFormat::Text => text::parse_documents(&cleaned.text),
    };
    result.map(|documents| ParsedPlans { format, documents }).map_err(|e| cleaned.map_error(e))
}
