//! What the page and the worker say to each other through `postMessage`.
//!
//! The page sends a [`Request`] (the inputs, tagged with the edit they were read at)
//! as a JavaScript array: a small JSON head ([`RequestHead`]: the id, each input's kind
//! and name) and then each input's text as its UTF-8 bytes, in a buffer transferred to
//! the worker. A 20 MB plan is so never escaped into JSON, nor made a JavaScript
//! string, copied again and read back. Plan comparisons and
//! anonymizing still go as one JSON string ([`CompareRequest`], [`AnonymizeRequest`]).
//!
//! The worker answers with [`Reply`]s carrying the same id, so the page can drop a
//! report that no longer describes what is in the inputs. A big report comes in parts
//! ([`report_replies`]): the findings first, which the page paints at once, then the
//! plan nodes and schema tables in slices, each read in a task of its own and put
//! together by an [`Assembly`]. The worker first says [`Reply::ready`] once its wasm
//! is running: messages sent before that would be lost.

use pgsight_core::diff::{DiffError, DiffSideName, PlanDiff};
use pgsight_core::report::{NodeView, PlanView, TableView};
use pgsight_core::Finding;
use pgsight_core::{Config, Input, InputKind, Report};
use serde::{Deserialize, Serialize};
use yew::AttrValue;

/// One input as the page sends it: its kind and name go in the [`RequestHead`], its
/// text beside the head, shared with the page's inputs (no copy).
#[derive(Debug, Clone, PartialEq)]
pub struct WireInput {
    pub kind: InputKind,
    /// Shown in the core's notes (`plan: expected value at line 3`).
    pub name: String,
    pub text: AttrValue,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The edit number the inputs were read at.
    pub id: u64,
    pub inputs: Vec<WireInput>,
}

/// The JSON part of a [`Request`]: all of it but the texts, which follow the head in
/// the message in the same order as its inputs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestHead {
    pub id: u64,
    pub inputs: Vec<InputHead>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputHead {
    pub kind: InputKind,
    pub name: String,
}

impl Request {
    pub fn head(&self) -> RequestHead {
        RequestHead {
            id: self.id,
            inputs: self
                .inputs
                .iter()
                .map(|i| InputHead {
                    kind: i.kind,
                    name: i.name.clone(),
                })
                .collect(),
        }
    }

    pub fn head_json(&self) -> String {
        serde_json::to_string(&self.head()).unwrap_or_default()
    }

    /// The texts, in the order of the head's inputs.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.inputs.iter().map(|i| i.text.as_str())
    }

    /// Whether the full worker must answer it: it carries a schema, a migration or
    /// queries (the plan worker has no SQL parser).
    pub fn needs_sql(&self) -> bool {
        self.inputs.iter().any(|i| i.kind != InputKind::Plan)
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Reply {
    /// The request this answers; absent on the ready message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<u64>,
    /// True on the worker's first message: it now listens.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ready: bool,
    /// Its plan views go as compact per-node arrays ([`wire_report`]).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "wire_report")]
    pub report: Option<Report>,
    /// On a report sent findings first: how many [`Part`]s of it follow (the rest
    /// of its findings, its plan nodes and schema tables, which the report arrives
    /// without).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub parts: usize,
    /// On a report sent findings first: how many findings it has in all.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub findings_total: usize,
    /// One slice of the plan nodes or schema tables of the report `id`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "wire_report::part"
    )]
    pub part: Option<Box<Part>>,
    /// Why there is no report (a request the worker could not read).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// How long the analysis took in the worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub elapsed_ms: Option<f64>,
    /// Present on the answer to a [`CompareRequest`] (and only there): the page hands
    /// it to the Compare view, not to the analyzer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<Box<CompareOutcome>>,
    /// Present on the answer to an [`AnonymizeRequest`] (and only there): the page
    /// hands it to the share menu.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anonymized: Option<Box<AnonymizeOutcome>>,
}

/// Inputs to anonymize before they go into a share link (the share menu's
/// "Anonymize" option). Its `anonymize` field comes first in the JSON, so the worker
/// tells it from a [`Request`] at once. Anonymizing reads SQL: the full worker does it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnonymizeRequest {
    pub anonymize: pgsight_core::share::SharedInputs,
    /// The share menu's request number, to drop an answer that no longer applies.
    pub id: u64,
}

impl AnonymizeRequest {
    /// The JSON prefix every anonymize request starts with.
    pub const PREFIX: &'static str = "{\"anonymize\":";

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The anonymized inputs, and the mapping for the user to keep (never put in a link).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct AnonymizeOutcome {
    pub inputs: pgsight_core::share::SharedInputs,
    /// `kind<TAB>original<TAB>replacement` per line (the core's `Mapping::to_text`).
    pub mapping: String,
    /// How many names and strings were replaced.
    pub renamed: usize,
    /// Names left as they are because they are also SQL words.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kept: Vec<String>,
    /// What could not be anonymized and was left out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Anonymizes the inputs of an [`AnonymizeRequest`]; `None` when `message` is another
/// kind of request.
fn handle_anonymize(message: &str) -> Option<String> {
    if !message.starts_with(AnonymizeRequest::PREFIX) {
        return None;
    }
    let reply = match serde_json::from_str::<AnonymizeRequest>(message) {
        Err(e) => Reply {
            error: Some(format!("unreadable request: {e}")),
            ..Reply::default()
        },
        Ok(request) => anonymize_reply(request),
    };
    Some(reply.to_json())
}

#[cfg(feature = "sql")]
fn anonymize_reply(request: AnonymizeRequest) -> Reply {
    let anonymized = pgsight_core::anonymize::anonymize(&request.anonymize);
    let mapping = anonymized.mapping;
    Reply {
        id: Some(request.id),
        anonymized: Some(Box::new(AnonymizeOutcome {
            inputs: anonymized.inputs,
            mapping: mapping.to_text(),
            renamed: mapping.renamed.len(),
            kept: mapping.kept,
            notes: mapping.notes,
        })),
        ..Reply::default()
    }
}

/// The plan-only worker has no SQL tokenizer; the page sends these to the full one.
#[cfg(not(feature = "sql"))]
fn anonymize_reply(request: AnonymizeRequest) -> Reply {
    Reply {
        id: Some(request.id),
        error: Some("anonymizing needs the full engine (the SQL worker)".to_owned()),
        ..Reply::default()
    }
}

/// Two plans to compare (the Compare view). Its `compare` field comes first in the
/// JSON, so the worker tells it from a [`Request`] without reading a plan twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompareRequest {
    pub compare: PlanPair,
    /// The Compare view's edit number the plans were read at.
    pub id: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPair {
    pub before: String,
    pub after: String,
}

/// What the worker made of a [`CompareRequest`]: the comparison, or why there is none.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct CompareOutcome {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diff: Option<PlanDiff>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<CompareFailure>,
}

/// A plan the comparison could not read, with the core's message and position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompareFailure {
    /// The plan at fault; absent when neither is (the worker died).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub side: Option<DiffSideName>,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
}

impl From<DiffError> for CompareFailure {
    fn from(e: DiffError) -> Self {
        Self {
            side: Some(e.side),
            line: e.error.line,
            column: e.error.column,
            message: e.error.message,
        }
    }
}

impl CompareRequest {
    /// The JSON prefix every compare request starts with.
    const PREFIX: &'static str = "{\"compare\":";

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Compares the two plans of a [`CompareRequest`]; `None` when `message` is another kind
/// of request.
fn handle_compare(message: &str, now: &impl Fn() -> f64) -> Option<String> {
    if !message.starts_with(CompareRequest::PREFIX) {
        return None;
    }
    let request: CompareRequest = match serde_json::from_str(message) {
        Ok(request) => request,
        Err(e) => {
            return Some(
                Reply {
                    error: Some(format!("unreadable request: {e}")),
                    ..Reply::default()
                }
                .to_json(),
            )
        }
    };
    let start = now();
    let PlanPair { before, after } = request.compare;
    let outcome = match pgsight_core::diff::diff(
        &Input::new(InputKind::Plan, "before", before),
        &Input::new(InputKind::Plan, "after", after),
        &Config::default(),
    ) {
        Ok(diff) => CompareOutcome {
            diff: Some(diff),
            error: None,
        },
        Err(e) => CompareOutcome {
            diff: None,
            error: Some(e.into()),
        },
    };
    Some(
        Reply {
            id: Some(request.id),
            elapsed_ms: Some((now() - start).max(0.0)),
            compare: Some(Box::new(outcome)),
            ..Reply::default()
        }
        .to_json(),
    )
}

impl Reply {
    pub fn ready() -> Self {
        Self {
            ready: true,
            ..Self::default()
        }
    }
}

fn is_zero(n: &usize) -> bool {
    *n == 0
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

/// What the worker does with a message that came as one string (a comparison, an
/// anonymize request): read it, run the engine, answer. `now` is a clock in
/// milliseconds (the worker passes `Date.now`).
pub fn handle(message: &str, now: impl Fn() -> f64) -> String {
    if let Some(reply) = handle_compare(message, &now) {
        return reply;
    }
    if let Some(reply) = handle_anonymize(message) {
        return reply;
    }
    Reply {
        error: Some("unreadable request: neither a comparison nor an anonymize request".to_owned()),
        ..Reply::default()
    }
    .to_json()
}

/// What the worker does with an analyze request: its head (JSON) and the texts of its
/// inputs, in the head's order. Returns the replies to post, in order
/// ([`report_replies`]).
pub fn handle_analyze(head: &str, texts: Vec<String>, now: impl Fn() -> f64) -> Vec<String> {
    let mut replies = Vec::new();
    post_analysis(head, texts, now, &mut |reply| replies.push(reply));
    replies
}

/// [`handle_analyze`], handing each reply to `post` as soon as it is written: the
/// findings go out before the parts are serialized.
pub fn post_analysis(
    head: &str,
    texts: Vec<String>,
    now: impl Fn() -> f64,
    post: &mut dyn FnMut(String),
) {
    let head: RequestHead = match serde_json::from_str(head) {
        Ok(head) => head,
        Err(e) => {
            return post(
                Reply {
                    error: Some(format!("unreadable request: {e}")),
                    ..Reply::default()
                }
                .to_json(),
            )
        }
    };
    if head.inputs.len() != texts.len() {
        return post(Reply {
            id: Some(head.id),
            error: Some(format!(
                "unreadable request: {} inputs but {} texts",
                head.inputs.len(),
                texts.len()
            )),
            ..Reply::default()
        }
        .to_json());
    }
    let inputs: Vec<Input> = head
        .inputs
        .into_iter()
        .zip(texts)
        .map(|(i, text)| Input::new(i.kind, i.name, text))
        .collect();
    let start = now();
    let report = pgsight_core::analyze(&inputs, &Config::default());
    let elapsed_ms = (now() - start).max(0.0);
    split_replies(head.id, elapsed_ms, report, PartSizes::DEFAULT, post);
}

/// [`handle_analyze`] on a request the page holds: what the worker would answer.
pub fn analyze_request(request: &Request, now: impl Fn() -> f64) -> Vec<String> {
    handle_analyze(
        &request.head_json(),
        request.texts().map(str::to_owned).collect(),
        now,
    )
}

/// Plan nodes in one [`Part`]: the page reads a part in a task of its own, and 5,000
/// compact nodes (about 1.5 M characters) take it some 20 ms.
pub const PART_NODES: usize = 5_000;
/// Schema tables in one [`Part`], for the same reason: a table's view is some 5,000
/// characters (its columns, indexes, sizes and findings).
pub const PART_TABLES: usize = 150;
/// Findings in one [`Part`]: a finding is some 2,000 characters (evidence, fix SQL,
/// impact, risk, rollback).
pub const PART_FINDINGS: usize = 500;
/// Findings in the first reply of a split report: the list shows the first
/// [`crate::state::FINDINGS_PAGE`], and the first clicks on "Show more" need no wait.
pub const FIRST_FINDINGS: usize = 2 * crate::state::FINDINGS_PAGE;

/// The replies that carry a report. A small one goes whole, in one reply. A bigger
/// one (more than [`PART_NODES`] plan nodes, [`PART_TABLES`] tables or
/// [`PART_FINDINGS`] findings) goes findings first: a reply with the report with its
/// first [`FIRST_FINDINGS`] findings and without its plan nodes and schema tables
/// (the plan headers stay), saying how many parts follow; then one reply per
/// [`Part`], in order: the other findings, the nodes, the tables. The page paints the
/// first findings while it reads the rest.
pub fn report_replies(id: u64, elapsed_ms: f64, report: Report) -> Vec<String> {
    let mut replies = Vec::new();
    split_replies(id, elapsed_ms, report, PartSizes::DEFAULT, &mut |r| replies.push(r));
    replies
}

/// How much one part holds (the tests split small real reports).
#[derive(Clone, Copy)]
struct PartSizes {
    nodes: usize,
    tables: usize,
    findings: usize,
    first_findings: usize,
}

impl PartSizes {
    const DEFAULT: Self = Self {
        nodes: PART_NODES,
        tables: PART_TABLES,
        findings: PART_FINDINGS,
        first_findings: FIRST_FINDINGS,
    };
}

/// [`report_replies`] with the part sizes given (the tests split small real reports),
/// each reply handed to `post` as soon as it is written.
fn split_replies(
    id: u64,
    elapsed_ms: f64,
    mut report: Report,
    sizes: PartSizes,
    post: &mut dyn FnMut(String),
) {
    let PartSizes {
        nodes: part_nodes,
        tables: part_tables,
        findings: part_findings,
        first_findings,
    } = sizes;
    let node_count: usize = report.plans.iter().map(|p| p.nodes.len()).sum();
    let findings_total = report.findings.len();
    let split = node_count > part_nodes
        || report.schema.len() > part_tables
        || findings_total > part_findings;
    let findings = if split {
        report
            .findings
            .split_off(first_findings.min(findings_total))
    } else {
        Vec::new()
    };
    let nodes: Vec<Vec<NodeView>> = if split {
        report
            .plans
            .iter_mut()
            .map(|p| std::mem::take(&mut p.nodes))
            .collect()
    } else {
        Vec::new()
    };
    let tables = if split {
        std::mem::take(&mut report.schema)
    } else {
        Vec::new()
    };
    let parts: usize = findings.len().div_ceil(part_findings)
        + nodes
            .iter()
            .map(|n| n.len().div_ceil(part_nodes))
            .sum::<usize>()
        + tables.len().div_ceil(part_tables);
    let report_json = match serde_json::to_string(&wire_report::Compact(&report)) {
        Ok(json) => json,
        Err(e) => {
            return post(
                Reply {
                    id: Some(id),
                    error: Some(e.to_string()),
                    ..Reply::default()
                }
                .to_json(),
            );
        }
    };
    let elapsed = serde_json::to_string(&elapsed_ms).unwrap_or_else(|_| "0".to_owned());
    let parts_field = if parts > 0 {
        format!("\"parts\":{parts},\"findings_total\":{findings_total},")
    } else {
        String::new()
    };
    // The id and the word `report` (or `part`) come first: the page reads them before
    // the rest ([`reply_head`]) and drops a stale report unread.
    post(format!(
        "{{\"id\":{id},\"elapsed_ms\":{elapsed},{parts_field}\"report\":{report_json}}}"
    ));
    let part_reply = |part: wire_report::PartOut| {
        let json = serde_json::to_string(&part).unwrap_or_default();
        format!("{{\"id\":{id},\"part\":{json}}}")
    };
    for slice in findings.chunks(part_findings) {
        post(part_reply(wire_report::PartOut::findings(slice)));
    }
    for (plan, nodes) in nodes.iter().enumerate() {
        for slice in nodes.chunks(part_nodes) {
            post(part_reply(wire_report::PartOut::nodes(plan, slice)));
        }
    }
    for slice in tables.chunks(part_tables) {
        post(part_reply(wire_report::PartOut::tables(slice)));
    }
}

/// One slice of a report sent findings first ([`report_replies`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// The next findings, in rank order.
    Findings(Vec<Finding>),
    /// The next nodes of `report.plans[plan]`, in order.
    Nodes { plan: usize, nodes: Vec<NodeView> },
    /// The next schema tables, in order.
    Tables(Vec<TableView>),
}

/// The rest of a report sent findings first, once all its parts are in.
#[derive(Debug, Clone, PartialEq)]
pub struct Views {
    /// The request the report answers.
    pub id: u64,
    /// The findings after the first reply's.
    pub findings: Vec<Finding>,
    pub plans: Vec<PlanView>,
    pub schema: Vec<TableView>,
}

impl Views {
    /// The report whose findings came first, with its views.
    pub fn complete(self, findings_first: &Report) -> Report {
        let mut findings = Vec::with_capacity(findings_first.findings.len() + self.findings.len());
        findings.extend(findings_first.findings.iter().cloned());
        findings.extend(self.findings);
        Report {
            findings,
            plans: self.plans,
            schema: self.schema,
            ..findings_first.clone()
        }
    }
}

/// Puts together the parts of one report sent findings first.
#[derive(Debug)]
pub struct Assembly {
    pub id: u64,
    findings: Vec<Finding>,
    plans: Vec<PlanView>,
    schema: Vec<TableView>,
    missing: usize,
}

impl Assembly {
    /// On the first reply of a report sent findings first: keeps its plan headers
    /// (the report is left with none, so the page shows no empty plan) and counts the
    /// parts to come. `None` for any other reply.
    pub fn start(reply: &mut Reply) -> Option<Self> {
        let id = reply.id?;
        if reply.parts == 0 {
            return None;
        }
        let report = reply.report.as_mut()?;
        Some(Self {
            id,
            findings: Vec::new(),
            plans: std::mem::take(&mut report.plans),
            schema: std::mem::take(&mut report.schema),
            missing: reply.parts,
        })
    }

    /// Adds the next part; the views once it was the last.
    pub fn add(&mut self, part: Part) -> Option<Views> {
        self.missing = self.missing.checked_sub(1)?;
        match part {
            Part::Findings(mut findings) => self.findings.append(&mut findings),
            Part::Nodes { plan, mut nodes } => {
                if let Some(view) = self.plans.get_mut(plan) {
                    view.nodes.append(&mut nodes);
                }
            }
            Part::Tables(mut tables) => self.schema.append(&mut tables),
        }
        (self.missing == 0).then(|| Views {
            id: self.id,
            findings: std::mem::take(&mut self.findings),
            plans: std::mem::take(&mut self.plans),
            schema: std::mem::take(&mut self.schema),
        })
    }
}

/// What a worker's message carries, as its first characters tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carries {
    /// A report (whole, or its findings first).
    Report,
    /// A [`Part`] of a report sent findings first.
    Part,
}

/// The request id of a reply that carries a report or a part of one, read from the
/// first characters of its JSON alone; `None` for any other message. A reply of 30
/// million characters (a 50,000-node plan) takes a second to read on the page, so one
/// that no longer describes the inputs is dropped on its id.
pub fn reply_head(head: &str) -> Option<(u64, Carries)> {
    let rest = head.strip_prefix("{\"id\":")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit())?;
    let id = rest[..digits].parse().ok()?;
    let rest = rest[digits..].strip_prefix(',')?;
    // Up to the report's opening brace: other fields (the elapsed time, the number of
    // parts) are numbers.
    let before_value = &rest[..rest.find(['{', '['])?];
    if before_value.ends_with("\"report\":") {
        Some((id, Carries::Report))
    } else if before_value.ends_with("\"part\":") {
        Some((id, Carries::Part))
    } else {
        None
    }
}

/// The request id of a reply that carries a whole report or its findings first.
pub fn report_reply_id(head: &str) -> Option<u64> {
    reply_head(head).and_then(|(id, carries)| (carries == Carries::Report).then_some(id))
}

/// How many characters of a reply [`report_reply_id`] needs.
pub const REPLY_HEAD_CHARS: u32 = 96;

/// The report as the worker sends it: the core's [`Report`], except that every plan
/// node is an array of its fields in a fixed order, numbers that are whole are
/// written without `.0`, and buffer counts that are all zero are `0`. This halves the
/// reply for big plans (the field names and the zeros were most of it), and so the
/// time the page spends reading it. The page gets back exactly the core's report.
pub mod wire_report {
    use pgsight_core::plan::metrics::{Buffers, EstimateDirection, Misestimate};
    use pgsight_core::report::{
        Finding, InputSummary, MigrationSummary, NodeView, Note, PlanView, RollbackStep, TableView,
    };
    use pgsight_core::Report;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// A number, written as an integer when it is one.
    #[derive(Clone, Copy)]
    struct Num(f64);

    impl Serialize for Num {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let v = self.0;
            // 2^53: every integer below is exact as an f64, so it reads back the same.
            if v.fract() == 0.0
                && v.abs() < 9_007_199_254_740_992.0
                && !(v == 0.0 && v.is_sign_negative())
            {
                s.serialize_i64(v as i64)
            } else {
                s.serialize_f64(v)
            }
        }
    }

    fn num(v: Option<f64>) -> Option<Num> {
        v.map(Num)
    }

    /// Serializes a report in the compact form.
    pub struct Compact<'a>(pub &'a Report);

    #[derive(Serialize)]
    struct ReportOut<'a> {
        findings: &'a [Finding],
        notes: &'a [Note],
        inputs: &'a [InputSummary],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        plans: Vec<PlanOut<'a>>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        migration: &'a [MigrationSummary],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        rollback_plan: &'a [RollbackStep],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        schema: &'a [TableView],
    }

    #[derive(Serialize)]
    struct PlanOut<'a> {
        input: usize,
        plan: usize,
        planning_ms: Option<Num>,
        execution_ms: Option<Num>,
        nodes: Vec<NodeOut<'a>>,
    }

    /// A node, as an array in [`NodeIn`]'s order.
    #[derive(Serialize)]
    struct NodeOut<'a>(
        usize,
        Option<usize>,
        usize,
        &'a str,
        &'a str,
        Option<&'a str>,
        Option<Num>,
        Option<Num>,
        Option<Num>,
        Option<Num>,
        Option<Num>,
        Option<Num>,
        Option<(Num, EstimateDirection)>,
        BuffersOut,
        u8,
        &'a [(String, String)],
        Option<u32>,
    );

    /// `0` when every count is zero, else the eight counts.
    struct BuffersOut(Buffers);

    impl Serialize for BuffersOut {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let b = self.0;
            if b == Buffers::default() {
                return s.serialize_u8(0);
            }
            [
                b.shared_hit,
                b.shared_read,
                b.shared_dirtied,
                b.shared_written,
                b.local_hit,
                b.local_read,
                b.temp_read,
                b.temp_written,
            ]
            .map(Num)
            .serialize(s)
        }
    }

    impl<'a> NodeOut<'a> {
        fn of(n: &'a NodeView) -> Self {
            NodeOut(
                n.id,
                n.parent,
                n.depth,
                &n.label,
                &n.node_type,
                n.subplan.as_deref(),
                num(n.exclusive_ms),
                num(n.exclusive_share),
                num(n.inclusive_ms),
                num(n.actual_rows),
                num(n.plan_rows),
                num(n.loops),
                n.misestimate.map(|m| (Num(m.factor), m.direction)),
                BuffersOut(n.buffers),
                u8::from(n.never_executed),
                &n.details,
                n.line,
            )
        }
    }

    impl Serialize for Compact<'_> {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            let r = self.0;
            ReportOut {
                findings: &r.findings,
                notes: &r.notes,
                inputs: &r.inputs,
                plans: r
                    .plans
                    .iter()
                    .map(|p| PlanOut {
                        input: p.input,
                        plan: p.plan,
                        planning_ms: num(p.planning_ms),
                        execution_ms: num(p.execution_ms),
                        nodes: p.nodes.iter().map(NodeOut::of).collect(),
                    })
                    .collect(),
                migration: &r.migration,
                rollback_plan: &r.rollback_plan,
                schema: &r.schema,
            }
            .serialize(s)
        }
    }

    #[derive(Deserialize)]
    struct ReportIn {
        findings: Vec<Finding>,
        notes: Vec<Note>,
        inputs: Vec<InputSummary>,
        #[serde(default)]
        plans: Vec<PlanIn>,
        #[serde(default)]
        migration: Vec<MigrationSummary>,
        #[serde(default)]
        rollback_plan: Vec<RollbackStep>,
        #[serde(default)]
        schema: Vec<TableView>,
    }

    #[derive(Deserialize)]
    struct PlanIn {
        input: usize,
        plan: usize,
        planning_ms: Option<f64>,
        execution_ms: Option<f64>,
        nodes: Vec<NodeIn>,
    }

    #[derive(Deserialize)]
    struct NodeIn(
        usize,
        Option<usize>,
        usize,
        String,
        String,
        Option<String>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<f64>,
        Option<(f64, EstimateDirection)>,
        BuffersIn,
        u8,
        Vec<(String, String)>,
        Option<u32>,
    );

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum BuffersIn {
        /// The `0` of a node without buffer counts: only its shape matters.
        None(#[allow(dead_code)] u8),
        Counts([f64; 8]),
    }

    impl From<BuffersIn> for Buffers {
        fn from(b: BuffersIn) -> Self {
            match b {
                BuffersIn::None(_) => Buffers::default(),
                BuffersIn::Counts(c) => Buffers {
                    shared_hit: c[0],
                    shared_read: c[1],
                    shared_dirtied: c[2],
                    shared_written: c[3],
                    local_hit: c[4],
                    local_read: c[5],
                    temp_read: c[6],
                    temp_written: c[7],
                },
            }
        }
    }

    impl From<NodeIn> for NodeView {
        fn from(n: NodeIn) -> Self {
            NodeView {
                id: n.0,
                parent: n.1,
                depth: n.2,
                label: n.3,
                node_type: n.4,
                subplan: n.5,
                exclusive_ms: n.6,
                exclusive_share: n.7,
                inclusive_ms: n.8,
                actual_rows: n.9,
                plan_rows: n.10,
                loops: n.11,
                misestimate: n
                    .12
                    .map(|(factor, direction)| Misestimate { factor, direction }),
                buffers: n.13.into(),
                never_executed: n.14 != 0,
                details: n.15,
                line: n.16,
            }
        }
    }

    impl From<ReportIn> for Report {
        fn from(r: ReportIn) -> Self {
            Report {
                findings: r.findings,
                notes: r.notes,
                inputs: r.inputs,
                plans: r
                    .plans
                    .into_iter()
                    .map(|p| PlanView {
                        input: p.input,
                        plan: p.plan,
                        planning_ms: p.planning_ms,
                        execution_ms: p.execution_ms,
                        nodes: p.nodes.into_iter().map(NodeView::from).collect(),
                    })
                    .collect(),
                migration: r.migration,
                rollback_plan: r.rollback_plan,
                schema: r.schema,
            }
        }
    }

    pub fn serialize<S: Serializer>(report: &Option<Report>, s: S) -> Result<S::Ok, S::Error> {
        report.as_ref().map(Compact).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Report>, D::Error> {
        Ok(Option::<ReportIn>::deserialize(d)?.map(Report::from))
    }

    /// A [`Part`](super::Part) as the worker sends it: `{"plan":0,"nodes":[...]}`
    /// (compact nodes) or `{"tables":[...]}`.
    #[derive(Serialize)]
    pub struct PartOut<'a> {
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        findings: &'a [Finding],
        #[serde(skip_serializing_if = "Option::is_none")]
        plan: Option<usize>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        nodes: Vec<NodeOut<'a>>,
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        tables: &'a [TableView],
    }

    impl<'a> PartOut<'a> {
        pub fn findings(findings: &'a [Finding]) -> Self {
            Self {
                findings,
                plan: None,
                nodes: Vec::new(),
                tables: &[],
            }
        }

        pub fn nodes(plan: usize, nodes: &'a [NodeView]) -> Self {
            Self {
                findings: &[],
                plan: Some(plan),
                nodes: nodes.iter().map(NodeOut::of).collect(),
                tables: &[],
            }
        }

        pub fn tables(tables: &'a [TableView]) -> Self {
            Self {
                findings: &[],
                plan: None,
                nodes: Vec::new(),
                tables,
            }
        }
    }

    #[derive(Deserialize)]
    struct PartIn {
        #[serde(default)]
        findings: Vec<Finding>,
        #[serde(default)]
        plan: Option<usize>,
        #[serde(default)]
        nodes: Vec<NodeIn>,
        #[serde(default)]
        tables: Vec<TableView>,
    }

    /// `Reply::part` in the compact form.
    pub mod part {
        use super::super::Part;
        use super::{PartIn, PartOut};
        use pgsight_core::report::NodeView;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        pub fn serialize<S: Serializer>(part: &Option<Box<Part>>, s: S) -> Result<S::Ok, S::Error> {
            part.as_ref()
                .map(|part| match &**part {
                    Part::Findings(findings) => PartOut::findings(findings),
                    Part::Nodes { plan, nodes } => PartOut::nodes(*plan, nodes),
                    Part::Tables(tables) => PartOut::tables(tables),
                })
                .serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Box<Part>>, D::Error> {
            Ok(Option::<PartIn>::deserialize(d)?.map(|p| Box::new(match p.plan {
                Some(plan) => Part::Nodes {
                    plan,
                    nodes: p.nodes.into_iter().map(NodeView::from).collect(),
                },
                None if !p.findings.is_empty() => Part::Findings(p.findings),
                None => Part::Tables(p.tables),
            })))
        }
    }
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
        let replies = analyze_request(&request, || 0.0);
        assert_eq!(replies.len(), 1, "a small report goes whole");
        let reply = Reply::from_json(&replies[0]).expect("reply");
        assert_eq!(reply.id, Some(7));
        assert_eq!(reply.parts, 0);
        assert!(!reply.ready);
        let direct = pgsight_core::analyze(
            &[Input::new(InputKind::Plan, "plan", plan)],
            &Config::default(),
        );
        assert_eq!(reply.report.as_ref(), Some(&direct));
        assert!(!direct.findings.is_empty());
    }

    /// Every real plan of the scenarios comes back from the compact reply exactly as
    /// the core reported it, and the reply is much smaller than the core's JSON.
    #[test]
    fn the_compact_reply_reads_back_as_the_cores_report() {
        let dir = format!("{}/../../tests/scenarios", env!("CARGO_MANIFEST_DIR"));
        let (mut compact, mut verbose, mut plans) = (0, 0, 0);
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("scenarios")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json" || x == "txt"))
            .collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(&path).expect("read");
            let request = Request {
                id: 2,
                inputs: vec![WireInput {
                    kind: InputKind::Plan,
                    name: "plan".into(),
                    text: text.clone().into(),
                }],
            };
            let replies = analyze_request(&request, || 0.0);
            assert_eq!(replies.len(), 1, "{}", path.display());
            let reply = &replies[0];
            assert_eq!(
                report_reply_id(&reply[..REPLY_HEAD_CHARS as usize]),
                Some(2)
            );
            let read = Reply::from_json(reply)
                .expect("reply")
                .report
                .expect("report");
            let direct = pgsight_core::analyze(
                &[Input::new(InputKind::Plan, "plan", text)],
                &Config::default(),
            );
            assert_eq!(read, direct, "{}", path.display());
            plans += direct.plans.len();
            compact += reply.len();
            verbose += serde_json::to_string(&direct).expect("json").len();
        }
        assert!(plans > 50, "{plans} plans read");
        assert!(
            compact * 10 < verbose * 7,
            "{compact} against {verbose} bytes"
        );
    }

    #[test]
    fn only_a_report_reply_has_a_report_id() {
        assert_eq!(
            report_reply_id(r#"{"id":12,"elapsed_ms":3.5,"report":{"findings""#),
            Some(12)
        );
        assert_eq!(report_reply_id(r#"{"id":12,"report":{"#), Some(12));
        assert_eq!(
            report_reply_id(r#"{"id":12,"elapsed_ms":3.5,"compare":{"report":{"#),
            None
        );
        assert_eq!(
            report_reply_id(r#"{"id":12,"error":"no \"report\":{"}"#),
            None
        );
        assert_eq!(report_reply_id(r#"{"ready":true}"#), None);
        assert_eq!(report_reply_id(&Reply::ready().to_json()), None);
        assert_eq!(
            reply_head(r#"{"id":12,"elapsed_ms":3.5,"parts":4,"report":{"findings""#),
            Some((12, Carries::Report))
        );
        assert_eq!(
            reply_head(r#"{"id":12,"part":{"plan":0,"nodes":[[0,"#),
            Some((12, Carries::Part))
        );
        assert_eq!(report_reply_id(r#"{"id":12,"part":{"plan":0"#), None);
    }

    #[test]
    fn a_garbled_request_is_an_error_reply() {
        let replies = [
            handle("{not json", || 0.0),
            handle_analyze("{not json", vec![], || 0.0).remove(0),
            handle_analyze(r#"{"id":4,"inputs":[]}"#, vec!["x".into()], || 0.0).remove(0),
        ];
        for reply in replies {
            let reply = Reply::from_json(&reply).expect("reply");
            assert!(reply.report.is_none());
            assert!(reply
                .error
                .is_some_and(|e| e.contains("unreadable request")));
        }
    }

    /// The head holds no text: a text with quotes and newlines goes beside it as is.
    #[test]
    fn the_texts_go_beside_the_head() {
        let request = Request {
            id: 9,
            inputs: vec![
                WireInput {
                    kind: InputKind::Plan,
                    name: "plan".into(),
                    text: "\"Seq Scan\"\n".into(),
                },
                WireInput {
                    kind: InputKind::Query,
                    name: "queries".into(),
                    text: "SELECT 1;".into(),
                },
            ],
        };
        let head = request.head_json();
        assert_eq!(
            head,
            r#"{"id":9,"inputs":[{"kind":"plan","name":"plan"},{"kind":"query","name":"queries"}]}"#
        );
        let read: RequestHead = serde_json::from_str(&head).expect("head");
        assert_eq!(read, request.head());
        assert_eq!(
            request.texts().collect::<Vec<_>>(),
            ["\"Seq Scan\"\n", "SELECT 1;"]
        );
    }

    fn scenario(name: &str) -> String {
        let path = format!(
            "{}/../../tests/scenarios/{name}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Reads replies as the page does: the first, then each part through an
    /// [`Assembly`]; the report whole once the last part is in.
    fn read_back(replies: &[String]) -> (Report, Report) {
        let mut first = Reply::from_json(&replies[0]).expect("first reply");
        let mut assembly = Assembly::start(&mut first).expect("split");
        let findings_first = first.report.expect("report");
        let mut views = None;
        for (i, reply) in replies[1..].iter().enumerate() {
            assert_eq!(reply_head(reply), Some((5, Carries::Part)));
            let part = Reply::from_json(reply).expect("part").part.expect("a part");
            let part = *part;
            assert!(views.is_none(), "views before the last part");
            views = assembly.add(part);
            assert_eq!(views.is_some(), i + 2 == replies.len());
        }
        let whole = views.expect("views").complete(&findings_first);
        (findings_first, whole)
    }

    /// A report too big for one reply: findings first (with every finding, note and
    /// input summary, and no node nor table), then its parts; put together, it is the
    /// core's report. Real plans and a real schema, split in small parts.
    #[test]
    fn a_split_report_comes_back_whole() {
        let inputs = [
            vec![Input::new(
                InputKind::Plan,
                "plan",
                scenario("high-planning-time-many-partitions.json"),
            )],
            vec![
                Input::new(
                    InputKind::Plan,
                    "plan",
                    scenario("nested-loop-many-loops-disabled-joins.txt"),
                ),
                Input::new(InputKind::Schema, "schema", scenario("schema.sql")),
            ],
        ];
        for inputs in inputs {
            let direct = pgsight_core::analyze(&inputs, &Config::default());
            let nodes: usize = direct.plans.iter().map(|p| p.nodes.len()).sum();
            assert!(nodes > 3, "{nodes} nodes");
            assert!(direct.findings.len() > 1, "{} findings", direct.findings.len());
            let sizes = PartSizes {
                nodes: 2,
                tables: 3,
                findings: 1,
                first_findings: 1,
            };
            let mut replies = Vec::new();
            split_replies(5, 1.5, direct.clone(), sizes, &mut |r| replies.push(r));
            let expected = (direct.findings.len() - 1)
                + direct.plans.iter().map(|p| p.nodes.len().div_ceil(2)).sum::<usize>()
                + direct.schema.len().div_ceil(3);
            assert_eq!(replies.len(), 1 + expected);
            assert_eq!(report_reply_id(&replies[0]), Some(5));
            let first = Reply::from_json(&replies[0]).expect("first");
            assert_eq!((first.parts, first.elapsed_ms), (expected, Some(1.5)));
            assert_eq!(first.findings_total, direct.findings.len());
            let (findings_first, whole) = read_back(&replies);
            assert_eq!(findings_first.findings, direct.findings[..1]);
            assert_eq!(findings_first.notes, direct.notes);
            assert_eq!(findings_first.inputs, direct.inputs);
            assert!(findings_first.plans.is_empty() && findings_first.schema.is_empty());
            assert_eq!(whole, direct);
        }
        let schema = pgsight_core::analyze(
            &[Input::new(
                InputKind::Schema,
                "schema",
                scenario("schema.sql"),
            )],
            &Config::default(),
        );
        assert!(schema.schema.len() > 3, "{} tables", schema.schema.len());
    }

    /// A part of a report nobody started, or one too many, changes nothing.
    #[test]
    fn parts_beyond_the_count_are_ignored() {
        let direct = pgsight_core::analyze(
            &[Input::new(
                InputKind::Plan,
                "plan",
                scenario("seq-scan-orders-status.json"),
            )],
            &Config::default(),
        );
        let sizes = PartSizes {
            nodes: 1,
            tables: 1,
            findings: 1,
            first_findings: 0,
        };
        let mut replies = Vec::new();
        split_replies(2, 0.0, direct.clone(), sizes, &mut |r| replies.push(r));
        let mut first = Reply::from_json(&replies[0]).expect("first");
        let mut assembly = Assembly::start(&mut first).expect("split");
        let parts: Vec<Part> = replies[1..]
            .iter()
            .map(|r| *Reply::from_json(r).expect("part").part.expect("part"))
            .collect();
        let mut done = None;
        for part in parts.iter().cloned() {
            done = assembly.add(part);
        }
        assert!(done.is_some());
        assert_eq!(assembly.add(parts[0].clone()), None);
        let mut whole = Reply::from_json(&report_replies(3, 0.0, direct).remove(0)).expect("whole");
        assert!(
            Assembly::start(&mut whole).is_none(),
            "a whole report has no parts"
        );
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
        let reply = Reply::from_json(&analyze_request(&request, || 0.0)[0]).expect("reply");
        let report = reply.report.expect("report");
        assert!(report.plans.is_empty());
        assert!(!report.notes.is_empty());
    }

    fn pair(name: &str, before: &str, after: &str) -> (String, String) {
        let read = |file: String| {
            let path = format!(
                "{}/../../tests/scenarios/diff/{file}",
                env!("CARGO_MANIFEST_DIR")
            );
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        (
            read(format!("{name}-before.{before}")),
            read(format!("{name}-after.{after}")),
        )
    }

    fn compare(id: u64, before: &str, after: &str) -> Reply {
        let request = CompareRequest {
            compare: PlanPair {
                before: before.into(),
                after: after.into(),
            },
            id,
        };
        Reply::from_json(&handle(&request.to_json(), || 0.0)).expect("reply")
    }

    #[test]
    fn a_compare_request_comes_back_as_the_cores_diff() {
        let (before, after) = pair("seq-scan-index", "json", "txt");
        let reply = compare(3, &before, &after);
        assert_eq!(reply.id, Some(3));
        assert!(reply.report.is_none(), "not an analyzer reply");
        let diff = reply.compare.and_then(|c| c.diff).expect("diff");
        let direct =
            pgsight_core::diff::diff_plans(&before, &after, &Config::default()).expect("direct");
        assert_eq!(diff, direct);
        assert!(diff
            .findings
            .resolved
            .iter()
            .any(|f| f.rule == "seq-scan-selective-filter"));
    }

    #[test]
    fn an_unreadable_plan_is_named_with_its_position() {
        let (before, _) = pair("seq-scan-index", "json", "json");
        let reply = compare(
            4,
            &before,
            "[{\"Plan\": {\n  \"Node Type\": \"Seq Scan\",,\n}}]",
        );
        let outcome = reply.compare.expect("a compare reply");
        assert!(outcome.diff.is_none());
        let error = outcome.error.expect("error");
        assert_eq!(error.side, Some(DiffSideName::After));
        assert_eq!(error.line, Some(2));
        assert!(!error.message.is_empty());
    }

    #[test]
    fn a_garbled_compare_request_is_an_error_reply() {
        let reply = Reply::from_json(&handle("{\"compare\": 1}", || 0.0)).expect("reply");
        assert!(reply.compare.is_none());
        assert!(reply
            .error
            .is_some_and(|e| e.contains("unreadable request")));
    }

    /// The share menu's anonymize request: the inputs come back renamed, with the
    /// mapping, and the worker's report on them names the same rules.
    #[test]
    fn an_anonymize_request_comes_back_renamed() {
        let plan = EXAMPLES[0].text;
        let request = AnonymizeRequest {
            anonymize: pgsight_core::share::SharedInputs {
                plan: plan.to_owned(),
                ..Default::default()
            },
            id: 3,
        };
        let reply = Reply::from_json(&handle(&request.to_json(), || 0.0)).expect("reply");
        assert_eq!(reply.id, Some(3));
        let outcome = reply.anonymized.expect("anonymized");
        assert!(
            outcome.renamed > 0 && outcome.mapping.contains("table\t"),
            "{}",
            outcome.mapping
        );
        assert_ne!(outcome.inputs.plan, plan);
        let ids = |plan: &str| {
            let report = pgsight_core::analyze(
                &[Input::new(InputKind::Plan, "plan", plan)],
                &Config::default(),
            );
            report.findings.iter().map(|f| f.rule).collect::<Vec<_>>()
        };
        assert_eq!(ids(&outcome.inputs.plan), ids(plan));
        let garbled = Reply::from_json(&handle("{\"anonymize\":7}", || 0.0)).expect("reply");
        assert!(garbled
            .error
            .is_some_and(|e| e.starts_with("unreadable request")));
    }

    #[test]
    fn ready_is_small() {
        assert_eq!(Reply::ready().to_json(), r#"{"ready":true}"#);
        assert!(Reply::from_json(r#"{"ready":true}"#).expect("ready").ready);
    }
}
