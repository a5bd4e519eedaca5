//! EXPLAIN text-format reader (being written).

use super::model::PlanDocument;
use super::PlanError;

pub fn parse_documents(_text: &str) -> Result<Vec<PlanDocument>, PlanError> {
    Err(PlanError::new("text plans are not supported yet"))
}
