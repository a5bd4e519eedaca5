//! What the page and the worker say to each other, as JSON strings through
//! `postMessage`.
//!
//! The page sends a [`Request`] (the inputs, tagged with the edit they were read at);
//! the worker answers with a [`Reply`] carrying the same id, so the page can drop a
//! report that no longer describes what is in the inputs. The worker first says
//! [`Reply::ready`] once its wasm is running: messages sent before that would be lost.

use pgsight_core::{Config, Input, InputKind, Report};
use serde::{Deserialize, Serialize};

/// One input as sent to the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WireInput {
    pub kind: InputKind,
    /// Shown in the core's notes (`plan: expected value at line 3`).
    pub name: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Request {
    /// The edit number the inputs were read at.
    pub id: u64,
    pub inputs: Vec<WireInput>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reply {
    /// The request this answers; absent on the ready message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// True on the worker's first message: it now listens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ready: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<Report>,
    /// Why there is no report (a request the worker could not read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How long the analysis took in the worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<f64>,
}

impl Reply {
    pub fn ready() -> Self {
        Self {
            ready: true,
            ..Self::default()
        }
    }
}

impl Request {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Reply {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self)
            .unwrap_or_else(|e| format!("{{\"id\":{},\"error\":\"{e}\"}}", self.id.unwrap_or(0)))
    }

    pub fn from_json(text: &str) -> Result<Self, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// What the worker does with one message: read the request, run the engine, answer.
/// `now` is a clock in milliseconds (the worker passes `Date.now`).
pub fn handle(message: &str, now: impl Fn() -> f64) -> String {
    let request: Request = match serde_json::from_str(message) {
        Ok(request) => request,
        Err(e) => {
            return Reply {
                error: Some(format!("unreadable request: {e}")),
                ..Reply::default()
            }
            .to_json()
        }
    };
    let inputs: Vec<Input> = request
        .inputs
        .into_iter()
        .map(|i| Input::new(i.kind, i.name, i.text))
        .collect();
    let start = now();
    let report = pgsight_core::analyze(&inputs, &Config::default());
    let elapsed_ms = (now() - start).max(0.0);
    let mut report_json = match serde_json::to_string(&report) {
        Ok(json) => json,
        Err(e) => {
            return Reply {
                id: Some(request.id),
                error: Some(e.to_string()),
                ..Reply::default()
            }
            .to_json();
        }
    };
    // The core's Report leaves `plans` out when it is empty but does not default it
    // when reading: put it back so that the page can read the report.
    if report.plans.is_empty() && report_json.starts_with('{') {
        report_json.insert_str(
            1,
            if report_json.len() > 2 {
                "\"plans\":[],"
            } else {
                "\"plans\":[]"
            },
        );
    }
    let elapsed = serde_json::to_string(&elapsed_ms).unwrap_or_else(|_| "0".to_owned());
    format!(
        "{{\"id\":{},\"elapsed_ms\":{elapsed},\"report\":{report_json}}}",
        request.id
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;

    #[test]
    fn a_request_comes_back_as_the_same_report() {
        let plan = EXAMPLES[0].text;
        let request = Request {
            id: 7,
            inputs: vec![WireInput {
                kind: InputKind::Plan,
                name: "plan".into(),
                text: plan.into(),
            }],
        };
        let reply = Reply::from_json(&handle(&request.to_json(), || 0.0)).expect("reply");
        assert_eq!(reply.id, Some(7));
        assert!(!reply.ready);
        let direct = pgsight_core::analyze(
            &[Input::new(InputKind::Plan, "plan", plan)],
            &Config::default(),
        );
        assert_eq!(reply.report.as_ref(), Some(&direct));
        assert!(!direct.findings.is_empty());
    }

    #[test]
    fn a_garbled_request_is_an_error_reply() {
        let reply = Reply::from_json(&handle("{not json", || 0.0)).expect("reply");
        assert_eq!(reply.id, None);
        assert!(reply.report.is_none());
        assert!(reply
            .error
            .is_some_and(|e| e.contains("unreadable request")));
    }

    #[test]
    fn a_report_without_plans_comes_back() {
        let request = Request {
            id: 1,
            inputs: vec![WireInput {
                kind: InputKind::Plan,
                name: "plan".into(),
                text: "[{\"Plan\": ".into(),
            }],
        };
        let reply = Reply::from_json(&handle(&request.to_json(), || 0.0)).expect("reply");
        let report = reply.report.expect("report");
        assert!(report.plans.is_empty());
        assert!(!report.notes.is_empty());
    }

    #[test]
    fn ready_is_small() {
        assert_eq!(Reply::ready().to_json(), r#"{"ready":true}"#);
        assert!(Reply::from_json(r#"{"ready":true}"#).expect("ready").ready);
    }
}
