//! EXPLAIN text-format reader.
//!
//! Turns the text `EXPLAIN` prints, pasted from psql (aligned or unaligned), a GUI
//! client or an auto_explain log, into the model `EXPLAIN (FORMAT JSON)` would give:
//! the same PostgreSQL key names and value types.
//!
//! Two passes. [`logical_lines`] classifies each input line, joins wrapped lines to the
//! line they continue and drops what is not plan text (psql echo, comments, log
//! prefixes). [`Builder`] then grows the tree with a stack of open scopes keyed on
//! indentation: a line belongs to the innermost open scope indented less than it. The
//! stack lives on the heap, so a plan of any depth parses without recursion.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::model::{number_to_json, NodeId, Plan, PlanDocument, PlanNode, Worker};
use super::PlanError;

const EXPECTED_NODE: &str = "expected a plan node such as `Seq Scan on t  (cost=...)`";

/// Parses every plan in `text` (several for auto_explain logs). `text` must already be
/// cleaned of psql decorations (see [`super::input`]); line numbers are kept.
pub fn parse_documents(text: &str) -> Result<Vec<PlanDocument>, PlanError> {
    let scan = logical_lines(text);
    // Room for every node up front: nodes are large, and growing the arena of a
    // 50,000-node plan by doubling copies it again and again.
    let nodes = scan.lines.iter().filter(|l| l.kind == LineKind::Node).count();
    let mut builder = Builder { nodes_left: nodes, ..Builder::default() };
    for line in &scan.lines {
        builder.add(line);
    }
    let documents = builder.finish();
    if documents.is_empty() {
        return Err(match scan.first_unread.or(scan.first_content) {
            Some(offset) => PlanError::at_offset(EXPECTED_NODE, text, offset),
            None => PlanError::new("no EXPLAIN plan found: the input holds only blank or comment lines"),
        });
    }
    Ok(documents)
}

// ---------------------------------------------------------------------------------
// Pass 1: physical lines to logical lines.
// ---------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// A plan node header, its `->` arrow removed.
    Node,
    /// `InitPlan 1 (returns $0)`, `SubPlan 2`, `CTE x`: names the nodes below it.
    SubplanLabel,
    /// `Key: value`.
    Property,
    /// A ModifyTable target listed under its node: `Update on t_1 t`.
    TargetTable,
    /// Whatever follows starts a new document (an auto_explain log prefix).
    DocumentBreak,
}

#[derive(Debug)]
struct LogicalLine<'a> {
    kind: LineKind,
    /// 1-based input line of the first physical line.
    number: u32,
    /// Column where the line starts (at its `->` arrow for a node), tabs expanded. A
    /// line closes every open scope that starts at or right of it.
    start: usize,
    /// Column of the text after any arrow: a node's own lines are indented past it.
    indent: usize,
    /// Borrowed from the input unless wrapped lines were joined: a 300,000-line plan
    /// is not copied line by line.
    text: Cow<'a, str>,
}

impl LogicalLine<'_> {
    fn document_break(number: u32) -> Self {
        Self { kind: LineKind::DocumentBreak, number, start: 0, indent: 0, text: Cow::Borrowed("") }
    }
}

struct Scan<'a> {
    lines: Vec<LogicalLine<'a>>,
    /// Byte offset of the first line skipped as not being plan text.
    first_unread: Option<usize>,
    /// Byte offset of the first line that is not blank or a comment.
    first_content: Option<usize>,
}

/// Document keys auto_explain writes above the plan they belong to.
const PRE_PLAN_KEYS: &[&str] = &["Query Text", "Query Parameters"];

enum Decision {
    Start(LineKind),
    /// Continues the previous logical line (a wrapped line).
    Continue,
    /// Not plan text: psql echo, command tags, prose.
    Skip,
}

fn logical_lines(text: &str) -> Scan<'_> {
    let quote = cell_quote(text);
    let mut scan = Scan { lines: Vec::new(), first_unread: None, first_content: None };
    // Indentation of the open plan's root node, while a plan is open.
    let mut root_indent: Option<usize> = None;
    // True while more lines of a multi-line auto_explain `Query Text` may follow.
    let mut in_query_text = false;
    let mut line_start = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let line_offset = line_start;
        line_start += raw.len() + 1;
        let (line, shift) = unwrap_cell(raw.strip_suffix('\r').unwrap_or(raw), quote);
        let content = line.trim();
        if content.is_empty() || is_noise(content) {
            continue;
        }
        let offset = line_offset + shift + (line.len() - line.trim_start().len());
        scan.first_content.get_or_insert(offset);
        let number = u32::try_from(index + 1).unwrap_or(u32::MAX);
        if is_log_line(content) {
            scan.lines.push(LogicalLine::document_break(number));
            root_indent = None;
            in_query_text = false;
            continue;
        }
        let start = indentation(line);
        let (arrow, body, indent) = match content.strip_prefix("->") {
            Some(rest) => {
                let body = rest.trim_start();
                (true, body, start + content.chars().count() - body.chars().count())
            }
            None => (false, content, start),
        };
        match classify(body, arrow, start, root_indent, in_query_text) {
            Decision::Start(kind) => {
                if kind == LineKind::Node && root_indent.is_none_or(|root| start <= root) {
                    root_indent = Some(indent);
                }
                let starts_query_text = kind == LineKind::Property && property_key(body) == Some("Query Text");
                if starts_query_text && root_indent.is_some() {
                    // auto_explain without log prefixes: the query text opens the next plan.
                    scan.lines.push(LogicalLine::document_break(number));
                    root_indent = None;
                }
                in_query_text = starts_query_text;
                scan.lines.push(LogicalLine { kind, number, start, indent, text: Cow::Borrowed(body) });
            }
            Decision::Continue => {
                let separator = if root_indent.is_some() { ' ' } else { '\n' };
                if let Some(last) = scan.lines.last_mut().filter(|l| l.kind != LineKind::DocumentBreak) {
                    let joined = last.text.to_mut();
                    joined.push(separator);
                    joined.push_str(content);
                }
            }
            Decision::Skip => {
                scan.first_unread.get_or_insert(offset);
            }
        }
    }
    scan
}

fn classify(body: &str, arrow: bool, start: usize, root_indent: Option<usize>, in_query_text: bool) -> Decision {
    let in_plan = root_indent.is_some();
    // Only the root node has no arrow; a header this far left opens a new plan.
    let at_root = root_indent.is_none_or(|root| start <= root);
    // An arrow opens a node inside a plan; before one, only a real node header does
    // (`-> nothing` after `EXPLAIN garbage` is not a plan).
    if arrow && !body.is_empty() && (in_plan || is_timed_header(body) || starts_with_node_type(body)) {
        return Decision::Start(LineKind::Node);
    }
    if at_root && is_timed_header(body) {
        return Decision::Start(LineKind::Node);
    }
    if in_plan && subplan_label(body).is_some() {
        return Decision::Start(LineKind::SubplanLabel);
    }
    if let Some(key) = property_key(body) {
        return if in_plan || PRE_PLAN_KEYS.contains(&key) {
            Decision::Start(LineKind::Property)
        } else {
            Decision::Skip
        };
    }
    // COSTS OFF headers have no parentheses: recognise them by their node type, but not
    // inside a query text, where `Limit` or `Sort` may well be SQL.
    if !in_query_text && starts_with_node_type(body) {
        if at_root {
            return Decision::Start(LineKind::Node);
        }
        if is_target_table(body) {
            return Decision::Start(LineKind::TargetTable);
        }
    }
    if in_plan || in_query_text {
        Decision::Continue
    } else {
        Decision::Skip
    }
}

/// Some clients copy each result cell in quotes (`'Seq Scan on t ...'`), or keep only
/// the closing one. When every non-blank line ends with the same quote, it wraps cells.
fn cell_quote(text: &str) -> Option<char> {
    let mut lines = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).peekable();
    let quote = lines.peek()?.chars().last().filter(|c| matches!(c, '\'' | '"'))?;
    lines.all(|l| l.len() >= 2 && l.ends_with(quote)).then_some(quote)
}

/// The line without its cell quotes, and how many bytes went from its start.
fn unwrap_cell(line: &str, quote: Option<char>) -> (&str, usize) {
    let Some(quote) = quote else {
        return (line, 0);
    };
    let body = line.trim_end();
    let body = body.strip_suffix(quote).unwrap_or(body);
    let lead = body.len() - body.trim_start().len();
    match body[lead..].strip_prefix(quote) {
        Some(rest) => (rest, lead + quote.len_utf8()),
        None => (body, 0),
    }
}

/// Column of the first non-blank character, tabs stopping every 8 columns.
fn indentation(line: &str) -> usize {
    let mut column = 0;
    for c in line.chars() {
        match c {
            '\t' => column = (column / 8 + 1) * 8,
            c if c.is_whitespace() => column += 1,
            _ => break,
        }
    }
    column
}

/// `# ...` and `-- ...` comments, psql's `(N rows)` footer in any language and its
/// `\timing` line (`Time: 1.234 ms`).
fn is_noise(content: &str) -> bool {
    if content.starts_with('#') || content.starts_with("--") {
        return true;
    }
    if let Some(elapsed) = content.strip_prefix("Time: ") {
        return leading_number(elapsed).is_some() && elapsed.contains(" ms");
    }
    let Some(inner) = content.strip_prefix('(').and_then(|c| c.strip_suffix(')')) else {
        return false;
    };
    let mut words = inner.split_whitespace();
    matches!(
        (words.next(), words.next(), words.next()),
        (Some(n), Some(word), None) if n.bytes().all(|b| b.is_ascii_digit()) && word.chars().all(char::is_alphabetic)
    )
}

const LOG_SEVERITIES: &[&str] = &[
    "LOG",
    "DETAIL",
    "STATEMENT",
    "CONTEXT",
    "HINT",
    "NOTICE",
    "WARNING",
    "ERROR",
    "FATAL",
    "PANIC",
    "INFO",
    "DEBUG1",
    "DEBUG2",
    "DEBUG3",
    "DEBUG4",
    "DEBUG5",
];

/// A server log line such as `... LOG:  duration: 1.2 ms  plan:`. PostgreSQL puts two
/// spaces after the severity, which plan text never does after these words.
fn is_log_line(content: &str) -> bool {
    content.ends_with("plan:")
        || content.match_indices(":  ").any(|(at, _)| {
            let word = content[..at].rsplit(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
            LOG_SEVERITIES.contains(&word)
        })
}

/// `InitPlan 1 (returns $0)` / `SubPlan 1` / `CTE name`, with the Parent Relationship
/// PostgreSQL gives the nodes below it (a CTE is an init plan).
fn subplan_label(text: &str) -> Option<&'static str> {
    if text.contains(": ") {
        return None;
    }
    if after_word(text, "InitPlan").is_some() {
        Some("InitPlan")
    } else if after_word(text, "SubPlan").is_some() {
        Some("SubPlan")
    } else if after_word(text, "CTE").is_some_and(|name| !name.is_empty()) && after_word(text, "CTE Scan").is_none() {
        Some("InitPlan")
    } else {
        None
    }
}

fn is_target_table(text: &str) -> bool {
    let text = after_word(text, "Foreign").unwrap_or(text);
    ["Insert", "Update", "Delete", "Merge"]
        .iter()
        .any(|op| after_word(text, op).is_some_and(|rest| rest.starts_with("on ")))
}

/// `rest` when `text` is `word` or starts with `word` and a space.
fn after_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let rest = text.strip_prefix(word)?;
    (rest.is_empty() || rest.starts_with(' ')).then(|| rest.trim_start())
}

// ---------------------------------------------------------------------------------
// Pass 2: logical lines to documents.
// ---------------------------------------------------------------------------------

#[derive(Default)]
struct Builder {
    done: Vec<PlanDocument>,
    open: Option<OpenDocument>,
    /// Document keys met before their plan (auto_explain's `Query Text`).
    pending: Vec<(String, Value)>,
    /// Node lines not yet added: what a new document reserves room for.
    nodes_left: usize,
}

impl Builder {
    fn add(&mut self, line: &LogicalLine) {
        match line.kind {
            LineKind::DocumentBreak => {
                self.close_document();
                self.pending.clear();
            }
            LineKind::Node => {
                if let Some(open) = &mut self.open {
                    open.close_scopes_from(line.start);
                    if open.parent().is_none() {
                        // A second root: the next plan of the same paste.
                        self.close_document();
                    }
                }
                let pending = std::mem::take(&mut self.pending);
                let reserve = self.nodes_left;
                self.open.get_or_insert_with(|| OpenDocument::new(pending, reserve)).add_node(line);
                self.nodes_left -= 1;
            }
            LineKind::SubplanLabel | LineKind::Property | LineKind::TargetTable => match &mut self.open {
                Some(open) => {
                    open.close_scopes_from(line.start);
                    open.add_line(line);
                }
                None => {
                    // Before any plan, pass 1 only lets auto_explain's own keys through.
                    if let Some((key, value)) = split_property(&line.text) {
                        self.pending.push((key.to_owned(), Value::String(value.to_owned())));
                    }
                }
            },
        }
    }

    fn close_document(&mut self) {
        if let Some(open) = self.open.take() {
            let mut doc = open.finish();
            // The room reserved for the nodes of later documents (auto_explain logs).
            if doc.plan.nodes.capacity() > doc.plan.nodes.len() {
                doc.plan.nodes.shrink_to_fit();
            }
            self.done.push(doc);
        }
    }

    fn finish(mut self) -> Vec<PlanDocument> {
        self.close_document();
        self.done
    }
}

struct OpenDocument {
    doc: PlanDocument,
    scopes: Vec<Scope>,
    /// `(never executed)` nodes, given zero times when the plan was timed.
    never_executed: Vec<NodeId>,
    timed: bool,
}

enum Scope {
    Node {
        id: NodeId,
        indent: usize,
    },
    /// `InitPlan 1 (returns $0)`: the nodes below it are that subplan of node `id`.
    Label {
        id: NodeId,
        indent: usize,
        name: String,
        relationship: &'static str,
    },
    /// Lines gathered into one object: a worker's figures, `Planning:`, `JIT:`.
    Group { indent: usize, group: Group },
}

impl Scope {
    fn indent(&self) -> usize {
        match self {
            Scope::Node { indent, .. } | Scope::Label { indent, .. } | Scope::Group { indent, .. } => *indent,
        }
    }
}

enum Group {
    /// An entry of the node's `Workers` array, typed as its lines are read: no JSON
    /// map per worker (a plan can have one per node).
    Worker { node: NodeId, worker: Worker },
    /// An object stored under this key in the enclosing scope (or the document).
    Object { key: &'static str, fields: Map<String, Value> },
}

impl Group {
    fn sink(&mut self) -> &mut dyn Sink {
        match self {
            Group::Worker { worker, .. } => worker,
            Group::Object { fields, .. } => fields,
        }
    }
}

/// Keys that open a block of indented lines at document level.
const DOCUMENT_GROUPS: &[&str] = &["Planning", "JIT", "Serialization"];

/// Keys that only ever describe the whole document.
const DOCUMENT_KEYS: &[&str] = &[
    "Planning Time",
    "Execution Time",
    "Total runtime",
    "Query Identifier",
    "Settings",
    "Query Text",
    "Query Parameters",
];

impl OpenDocument {
    fn new(pending: Vec<(String, Value)>, nodes: usize) -> Self {
        let mut doc = PlanDocument::default();
        doc.plan.nodes.reserve_exact(nodes);
        for (key, value) in pending {
            doc.set(&key, value);
        }
        Self { doc, scopes: Vec::new(), never_executed: Vec::new(), timed: false }
    }

    /// The node a new node or label line belongs to, with the subplan label in between.
    fn parent(&self) -> Option<(NodeId, Option<(&str, &'static str)>)> {
        self.scopes.iter().rev().find_map(|scope| match scope {
            Scope::Node { id, .. } => Some((*id, None)),
            Scope::Label { id, name, relationship, .. } => Some((*id, Some((name.as_str(), *relationship)))),
            Scope::Group { .. } => None,
        })
    }

    fn add_node(&mut self, line: &LogicalLine) {
        let parent = self.parent().map(|(id, label)| {
            let (relationship, name) = match label {
                Some((name, relationship)) => (relationship, Some(name.to_owned())),
                None => (child_relationship(&self.doc.plan, id), None),
            };
            (id, relationship, name)
        });
        let id = self.doc.plan.push(parent.as_ref().map(|(id, ..)| *id));
        let node = &mut self.doc.plan.nodes[id];
        node.line = Some(line.number);
        let timing = read_header(node, &line.text);
        if let Some((_, relationship, name)) = parent {
            node.set("Parent Relationship", Value::String(relationship.to_owned()));
            if let Some(name) = name {
                node.set("Subplan Name", Value::String(name));
            }
        }
        self.timed |= timing.timed;
        if timing.never_executed {
            self.never_executed.push(id);
        }
        self.scopes.push(Scope::Node { id, indent: line.indent });
    }

    fn add_line(&mut self, line: &LogicalLine) {
        match line.kind {
            LineKind::SubplanLabel => {
                if let Some((id, _)) = self.parent() {
                    let relationship = subplan_label(&line.text).unwrap_or("SubPlan");
                    self.scopes.push(Scope::Label { id, indent: line.indent, name: line.text.to_string(), relationship });
                }
            }
            LineKind::TargetTable => {
                if let Some((id, _)) = self.parent() {
                    add_target_table(&mut self.doc.plan.nodes[id], &line.text);
                }
            }
            _ => {
                if let Some((key, value)) = split_property(&line.text) {
                    self.add_property(line.indent, key, value);
                }
            }
        }
    }

    fn add_property(&mut self, indent: usize, key: &str, value: &str) {
        if let (Some(number), Some((node, _))) = (worker_number(key), self.parent()) {
            let mut worker = Worker::default();
            worker.fields.worker_number = Some(number as f64);
            if let Some(actual) = value.strip_prefix("actual ") {
                read_actual(&mut worker, actual);
            } else if let Some((key, value)) = split_property(value) {
                apply_property(&mut worker, key, value, PROPERTIES);
            }
            self.scopes.push(Scope::Group { indent, group: Group::Worker { node, worker } });
            return;
        }
        let in_worker = matches!(self.scopes.last(), Some(Scope::Group { group: Group::Worker { .. }, .. }));
        if let Some(&group) = DOCUMENT_GROUPS.iter().find(|&&g| g == key) {
            // A worker's JIT block stays in the worker; everything else is the document's.
            if !(group == "JIT" && in_worker) {
                self.close_all();
            }
            let mut fields = Map::new();
            if group == "Serialization" {
                read_serialization(&mut fields, value);
            }
            self.scopes.push(Scope::Group { indent, group: Group::Object { key: group, fields } });
            return;
        }
        if key.starts_with("Trigger") {
            self.close_all();
            add_trigger(&mut self.doc, key, value);
            return;
        }
        if DOCUMENT_KEYS.contains(&key) {
            self.close_all();
        }
        match self.scopes.last_mut() {
            Some(Scope::Group { group, .. }) => {
                let table = match group {
                    Group::Object { key: "JIT", .. } => JIT_PROPERTIES,
                    _ => PROPERTIES,
                };
                apply_property(group.sink(), key, value, table);
            }
            Some(Scope::Node { id, .. } | Scope::Label { id, .. }) => {
                apply_property(&mut self.doc.plan.nodes[*id], key, value, PROPERTIES);
            }
            None => apply_property(&mut self.doc, key, value, PROPERTIES),
        }
    }

    fn close_scopes_from(&mut self, indent: usize) {
        while self.scopes.last().is_some_and(|scope| scope.indent() >= indent) {
            self.pop_scope();
        }
    }

    fn close_all(&mut self) {
        while !self.scopes.is_empty() {
            self.pop_scope();
        }
    }

    /// Closes the innermost scope, storing a finished group where it belongs.
    fn pop_scope(&mut self) {
        let Some(Scope::Group { group, .. }) = self.scopes.pop() else {
            return;
        };
        match group {
            Group::Worker { node, worker } => merge_worker(&mut self.doc.plan.nodes[node], worker),
            Group::Object { key, fields } => {
                let value = Value::Object(fields);
                match self.scopes.last_mut() {
                    Some(Scope::Group { group: outer, .. }) => outer.sink().put(key, value),
                    Some(Scope::Node { id, .. } | Scope::Label { id, .. }) => self.doc.plan.nodes[*id].set(key, value),
                    None => self.doc.set(key, value),
                }
            }
        }
    }

    fn finish(mut self) -> PlanDocument {
        self.close_all();
        // PostgreSQL's JSON gives never-executed nodes zero times when timing was on.
        if self.timed {
            for &id in &self.never_executed {
                let node = &mut self.doc.plan.nodes[id];
                node.set("Actual Startup Time", Value::from(0));
                node.set("Actual Total Time", Value::from(0));
            }
        }
        self.doc
    }
}

/// How PostgreSQL labels a child that is not a subplan: members of an Append-like node,
/// the subquery of a Subquery Scan, otherwise outer then inner.
fn child_relationship(plan: &Plan, parent: NodeId) -> &'static str {
    let node = &plan.nodes[parent];
    match node.node_type() {
        "Append" | "Merge Append" | "BitmapAnd" | "BitmapOr" => "Member",
        "Subquery Scan" => "Subquery",
        _ => {
            let earlier = node.children.iter().filter(|&&c| plan.nodes[c].fields.subplan_name.is_none()).count();
            match earlier {
                0 => "Outer",
                1 => "Inner",
                _ => "Member",
            }
        }
    }
}

fn worker_number(key: &str) -> Option<u64> {
    key.strip_prefix("Worker ")?.parse().ok()
}

/// Adds a worker to the node's `Workers` array, merging lines of one worker (a Sort
/// prints each worker's sort method apart from its timing).
fn merge_worker(node: &mut PlanNode, worker: Worker) {
    let workers = node.fields.workers.get_or_insert_with(Vec::new);
    match workers.iter_mut().find(|w| w.fields.worker_number == worker.fields.worker_number) {
        Some(known) => known.merge(worker),
        None => {
            // A node has a few workers: no room for four 600-byte entries per node.
            workers.reserve_exact(1);
            workers.push(worker);
        }
    }
}

/// `Update on t_1 t` under a ModifyTable node, as an entry of its `Target Tables`.
fn add_target_table(node: &mut PlanNode, text: &str) {
    let mut target = Map::new();
    read_object(&mut target, "Relation Name", &split_words(text.split_once(" on ").map_or("", |(_, rest)| rest)));
    if let Value::Array(targets) = node.extra.entry("Target Tables").or_insert_with(|| Value::Array(Vec::new())) {
        targets.push(Value::Object(target));
    }
}

/// `Trigger NAME for constraint C on REL: time=X calls=N` (each part optional).
fn add_trigger(doc: &mut PlanDocument, key: &str, value: &str) {
    let head = key.strip_prefix("Trigger").unwrap_or(key).trim();
    let (head, relation) = match head.rsplit_once(" on ") {
        Some((head, relation)) => (head, Some(relation)),
        None => (head, None),
    };
    let (name, constraint) = match head.split_once("for constraint ") {
        Some((name, constraint)) => (name.trim(), Some(constraint.trim())),
        None => (head.trim(), None),
    };
    let mut trigger = Map::new();
    let parts = [
        ("Trigger Name", Some(name).filter(|n| !n.is_empty())),
        ("Constraint Name", constraint),
        ("Relation", relation),
    ];
    for (json, text) in parts {
        if let Some(text) = text {
            trigger.insert(json.to_owned(), Value::String(text.trim().to_owned()));
        }
    }
    for (name, figure) in assignments(value) {
        match &*name {
            "time" => put_number(&mut trigger, "Time", figure),
            "calls" => put_number(&mut trigger, "Calls", figure),
            _ => {}
        }
    }
    let mut triggers = match doc.fields.triggers.take() {
        Some(Value::Array(triggers)) => triggers,
        _ => Vec::new(),
    };
    triggers.push(Value::Object(trigger));
    doc.fields.triggers = Some(Value::Array(triggers));
}

// ---------------------------------------------------------------------------------
// Node headers.
// ---------------------------------------------------------------------------------

#[derive(Default)]
struct HeaderTiming {
    /// The header had `actual time=...` (TIMING was on).
    timed: bool,
    never_executed: bool,
}

/// Reads `Node Type ... on rel alias  (cost=...) (actual ...)` into `node`.
fn read_header(node: &mut PlanNode, text: &str) -> HeaderTiming {
    let (description, groups) = split_header(text);
    let mut timing = HeaderTiming::default();
    for group in groups {
        if group.starts_with("cost=") {
            read_estimate(node, group);
        } else if let Some(actual) = group.strip_prefix("actual ") {
            timing.timed |= read_actual(node, actual);
        } else {
            node.set("Actual Rows", Value::from(0));
            node.set("Actual Loops", Value::from(0));
            timing.never_executed = true;
        }
    }
    read_description(node, description);
    timing
}

/// Splits the `(cost=...)`, `(actual ...)` and `(never executed)` groups off the end of
/// a header: the description before them, and the groups' contents in order.
fn split_header(text: &str) -> (&str, Vec<&str>) {
    let mut description = text.trim_end();
    let mut groups = Vec::new();
    while let Some(inner_end) = description.strip_suffix(')') {
        let Some(open) = inner_end.rfind('(') else {
            break;
        };
        let inner = &inner_end[open + 1..];
        if !(inner.starts_with("cost=") || inner.starts_with("actual ") || inner == "never executed") {
            break;
        }
        groups.push(inner);
        description = inner_end[..open].trim_end();
    }
    groups.reverse();
    (description, groups)
}

fn is_timed_header(text: &str) -> bool {
    let (description, groups) = split_header(text);
    !groups.is_empty() && !description.is_empty()
}

fn read_estimate(sink: &mut dyn Sink, group: &str) {
    for (name, value) in assignments(group) {
        match &*name {
            "cost" => read_range(sink, value, "Startup Cost", "Total Cost"),
            "rows" => put_number(sink, "Plan Rows", value),
            "width" => put_number(sink, "Plan Width", value),
            _ => {}
        }
    }
}

/// `time=a..b rows=n loops=n` (no `time` with TIMING OFF). True when timed.
fn read_actual(sink: &mut dyn Sink, text: &str) -> bool {
    let mut timed = false;
    for (name, value) in assignments(text) {
        match &*name {
            "time" => {
                read_range(sink, value, "Actual Startup Time", "Actual Total Time");
                timed = true;
            }
            "rows" => put_number(sink, "Actual Rows", value),
            "loops" => put_number(sink, "Actual Loops", value),
            _ => {}
        }
    }
    timed
}

fn read_range(sink: &mut dyn Sink, text: &str, first: &str, second: &str) {
    if let Some((from, to)) = text.split_once("..") {
        put_number(sink, first, from);
        put_number(sink, second, to);
    }
}

/// How the words after a node type name the object the node works on.
#[derive(Clone, Copy)]
enum Target {
    Nothing,
    /// `on [schema.]name [alias]`, the name stored under this key.
    Object(&'static str),
    /// `[Backward] using index on [schema.]relation [alias]`.
    IndexedRelation,
    /// `on index` (Bitmap Index Scan).
    Index,
    /// `on alias` (Subquery Scan, Values Scan): only an alias.
    Alias,
    /// `(Provider) [on relation alias]`.
    CustomProvider,
    /// `Intersect`, `Except All`...
    SetOpCommand,
}

/// A node type as the text format prints it, and the JSON fields it stands for.
struct NodeKind {
    text: &'static str,
    node_type: &'static str,
    fields: &'static [(&'static str, &'static str)],
    target: Target,
}

const fn kind(
    text: &'static str,
    node_type: &'static str,
    fields: &'static [(&'static str, &'static str)],
    target: Target,
) -> NodeKind {
    NodeKind { text, node_type, fields, target }
}

const RELATION: Target = Target::Object("Relation Name");
const AGGREGATE: &str = "Aggregate";

/// Every node type except joins (see [`join_kind`]). Matched on the longest prefix.
const NODE_KINDS: &[NodeKind] = &[
    kind("Result", "Result", &[], Target::Nothing),
    kind("ProjectSet", "ProjectSet", &[], Target::Nothing),
    kind("Insert", "ModifyTable", &[("Operation", "Insert")], RELATION),
    kind("Update", "ModifyTable", &[("Operation", "Update")], RELATION),
    kind("Delete", "ModifyTable", &[("Operation", "Delete")], RELATION),
    kind("Merge", "ModifyTable", &[("Operation", "Merge")], RELATION),
    kind("Append", "Append", &[], Target::Nothing),
    kind("Merge Append", "Merge Append", &[], Target::Nothing),
    kind("Recursive Union", "Recursive Union", &[], Target::Nothing),
    kind("BitmapAnd", "BitmapAnd", &[], Target::Nothing),
    kind("BitmapOr", "BitmapOr", &[], Target::Nothing),
    kind("Seq Scan", "Seq Scan", &[], RELATION),
    kind("Sample Scan", "Sample Scan", &[], RELATION),
    kind("Gather", "Gather", &[], Target::Nothing),
    kind("Gather Merge", "Gather Merge", &[], Target::Nothing),
    kind("Index Scan", "Index Scan", &[], Target::IndexedRelation),
    kind("Index Only Scan", "Index Only Scan", &[], Target::IndexedRelation),
    kind("Bitmap Index Scan", "Bitmap Index Scan", &[], Target::Index),
    kind("Bitmap Heap Scan", "Bitmap Heap Scan", &[], RELATION),
    kind("Tid Scan", "Tid Scan", &[], RELATION),
    kind("Tid Range Scan", "Tid Range Scan", &[], RELATION),
    kind("Subquery Scan", "Subquery Scan", &[], Target::Alias),
    kind("Function Scan", "Function Scan", &[], Target::Object("Function Name")),
    kind("Table Function Scan", "Table Function Scan", &[], Target::Object("Table Function Name")),
    kind("Values Scan", "Values Scan", &[], Target::Alias),
    kind("CTE Scan", "CTE Scan", &[], Target::Object("CTE Name")),
    kind("Named Tuplestore Scan", "Named Tuplestore Scan", &[], Target::Object("Tuplestore Name")),
    kind("WorkTable Scan", "WorkTable Scan", &[], Target::Object("CTE Name")),
    kind("Foreign Scan", "Foreign Scan", &[("Operation", "Select")], RELATION),
    kind("Foreign Insert", "Foreign Scan", &[("Operation", "Insert")], RELATION),
    kind("Foreign Update", "Foreign Scan", &[("Operation", "Update")], RELATION),
    kind("Foreign Delete", "Foreign Scan", &[("Operation", "Delete")], RELATION),
    kind("Custom Scan", "Custom Scan", &[], Target::CustomProvider),
    kind("Materialize", "Materialize", &[], Target::Nothing),
    kind("Memoize", "Memoize", &[], Target::Nothing),
    kind("Sort", "Sort", &[], Target::Nothing),
    kind("Incremental Sort", "Incremental Sort", &[], Target::Nothing),
    kind("Group", "Group", &[], Target::Nothing),
    kind("Aggregate", AGGREGATE, &[("Strategy", "Plain"), ("Partial Mode", "Simple")], Target::Nothing),
    kind("GroupAggregate", AGGREGATE, &[("Strategy", "Sorted"), ("Partial Mode", "Simple")], Target::Nothing),
    kind("HashAggregate", AGGREGATE, &[("Strategy", "Hashed"), ("Partial Mode", "Simple")], Target::Nothing),
    kind("MixedAggregate", AGGREGATE, &[("Strategy", "Mixed"), ("Partial Mode", "Simple")], Target::Nothing),
    kind("WindowAgg", "WindowAgg", &[], Target::Nothing),
    kind("Unique", "Unique", &[], Target::Nothing),
    kind("SetOp", "SetOp", &[("Strategy", "Sorted")], Target::SetOpCommand),
    kind("HashSetOp", "SetOp", &[("Strategy", "Hashed")], Target::SetOpCommand),
    kind("LockRows", "LockRows", &[], Target::Nothing),
    kind("Limit", "Limit", &[], Target::Nothing),
    kind("Hash", "Hash", &[], Target::Nothing),
];

/// Join nodes: the text prefix and the JSON Node Type. The text puts the join type
/// between them: `Hash Left Join`, `Nested Loop Anti Join`.
const JOIN_NODES: &[(&str, &str)] = &[("Nested Loop", "Nested Loop"), ("Hash", "Hash Join"), ("Merge", "Merge Join")];
const JOIN_TYPES: &[&str] = &["Left", "Full", "Right", "Semi", "Anti", "Right Semi", "Right Anti"];

/// `(Node Type, Join Type)` for a join description.
fn join_kind(description: &str) -> Option<(&'static str, &'static str)> {
    if description == "Nested Loop" {
        return Some(("Nested Loop", "Inner"));
    }
    JOIN_NODES.iter().find_map(|&(prefix, node_type)| {
        let join_type = after_word(description, prefix)?.strip_suffix("Join")?.trim();
        // PostgreSQL writes no join type word for inner joins.
        if join_type.is_empty() {
            return Some((node_type, "Inner"));
        }
        JOIN_TYPES.iter().find(|&&t| t == join_type).map(|&t| (node_type, t))
    })
}

/// Prefixes the text puts before a node type, and what they mean.
struct Modifiers {
    parallel: bool,
    async_capable: bool,
    partial_mode: Option<&'static str>,
}

fn strip_modifiers(mut text: &str) -> (Modifiers, &str) {
    let mut modifiers = Modifiers { parallel: false, async_capable: false, partial_mode: None };
    loop {
        if let Some(rest) = after_word(text, "Parallel").filter(|r| !r.is_empty()) {
            modifiers.parallel = true;
            text = rest;
        } else if let Some(rest) = after_word(text, "Async").filter(|r| !r.is_empty()) {
            modifiers.async_capable = true;
            text = rest;
        } else if let Some(rest) = after_word(text, "Partial").filter(|r| !r.is_empty()) {
            modifiers.partial_mode = Some("Partial");
            text = rest;
        } else if let Some(rest) = after_word(text, "Finalize").filter(|r| !r.is_empty()) {
            modifiers.partial_mode = Some("Finalize");
            text = rest;
        } else {
            return (modifiers, text);
        }
    }
}

/// The table entry for a non-join description, and the words after its type.
fn node_kind(description: &str) -> Option<(&'static NodeKind, &str)> {
    NODE_KINDS
        .iter()
        .filter_map(|kind| after_word(description, kind.text).map(|rest| (kind, rest)))
        .max_by_key(|(kind, _)| kind.text.len())
}

fn starts_with_node_type(text: &str) -> bool {
    let (_, description) = strip_modifiers(text);
    join_kind(description).is_some() || node_kind(description).is_some()
}

fn read_description(node: &mut PlanNode, description: &str) {
    let (modifiers, description) = strip_modifiers(description.trim());
    if let Some((node_type, join_type)) = join_kind(description) {
        node.set("Node Type", Value::String(node_type.to_owned()));
        node.set("Join Type", Value::String(join_type.to_owned()));
    } else if let Some((kind, rest)) = node_kind(description) {
        node.set("Node Type", Value::String(kind.node_type.to_owned()));
        for (key, value) in kind.fields {
            node.set(key, Value::String((*value).to_owned()));
        }
        read_target(node, kind.target, rest);
    } else {
        // A node type this reader does not know (an extension's, a future one).
        let (node_type, target) = match description.split_once(" on ") {
            Some((node_type, target)) => (node_type, Some(target)),
            None => (description, None),
        };
        node.set("Node Type", Value::String(node_type.to_owned()));
        if let Some(target) = target {
            read_object(node, "Relation Name", &split_words(target));
        }
    }
    if let Some(mode) = modifiers.partial_mode {
        node.set("Partial Mode", Value::String(mode.to_owned()));
    }
    node.set("Parallel Aware", Value::Bool(modifiers.parallel));
    node.set("Async Capable", Value::Bool(modifiers.async_capable));
}

fn read_target(node: &mut PlanNode, target: Target, text: &str) {
    let words = split_words(text);
    match target {
        Target::Nothing => {}
        Target::SetOpCommand => {
            if !text.is_empty() {
                node.set("Command", Value::String(text.to_owned()));
            }
        }
        Target::Object(tag) => read_object(node, tag, &words),
        Target::Alias => {
            let words = words.strip_prefix(&["on"]).unwrap_or(&words[..]);
            if let Some(alias) = words.first() {
                node.set("Alias", Value::String(unquote_identifier(alias)));
            }
        }
        Target::Index => {
            if let ["on", index, ..] = words.as_slice() {
                // PostgreSQL's JSON keeps the index name quoted as the text shows it.
                node.set("Index Name", Value::String((*index).to_owned()));
            }
        }
        Target::IndexedRelation => {
            let backward = words.first() == Some(&"Backward");
            let mut rest = if backward { &words[1..] } else { &words[..] };
            node.set("Scan Direction", Value::String(if backward { "Backward" } else { "Forward" }.to_owned()));
            if let ["using", index, after @ ..] = rest {
                node.set("Index Name", Value::String((*index).to_owned()));
                rest = after;
            }
            read_object(node, "Relation Name", rest);
        }
        Target::CustomProvider => {
            let after = match text.strip_prefix('(').and_then(|t| t.split_once(')')) {
                Some((provider, after)) => {
                    node.set("Custom Plan Provider", Value::String(provider.to_owned()));
                    after
                }
                None => text,
            };
            read_object(node, "Relation Name", &split_words(after));
        }
    }
}

/// `on [schema.]name [alias]`. PostgreSQL's JSON gives the name unquoted, the schema
/// apart (VERBOSE), and always an alias: the name itself when the text shows none.
fn read_object(sink: &mut dyn Sink, tag: &str, words: &[&str]) {
    let words = words.strip_prefix(&["on"]).unwrap_or(words);
    let Some(name) = words.first() else {
        return;
    };
    let (schema, object) = split_qualified(name);
    sink.put(tag, Value::String(object.clone()));
    if let Some(schema) = schema {
        sink.put("Schema", Value::String(schema));
    }
    let alias = words.get(1).map_or(object, |alias| unquote_identifier(alias));
    sink.put("Alias", Value::String(alias));
}

/// Splits text at spaces outside double-quoted identifiers.
fn split_words(text: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c.is_whitespace() && !quoted {
            if let Some(from) = start.take() {
                words.push(&text[from..i]);
            }
            continue;
        }
        start.get_or_insert(i);
    }
    if let Some(from) = start {
        words.push(&text[from..]);
    }
    words
}

/// `schema.name` (either part possibly quoted) into its unquoted parts.
fn split_qualified(name: &str) -> (Option<String>, String) {
    let mut quoted = false;
    for (i, c) in name.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => return (Some(unquote_identifier(&name[..i])), unquote_identifier(&name[i + 1..])),
            _ => {}
        }
    }
    (None, unquote_identifier(name))
}

fn unquote_identifier(text: &str) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) => inner.replace("\"\"", "\""),
        None => text.to_owned(),
    }
}

// ---------------------------------------------------------------------------------
// Property lines.
// ---------------------------------------------------------------------------------

/// Somewhere PostgreSQL keys are stored: a node, a document, or a nested object.
trait Sink {
    fn put(&mut self, key: &str, value: Value);
}

impl Sink for PlanNode {
    fn put(&mut self, key: &str, value: Value) {
        self.set(key, value);
    }
}

impl Sink for PlanDocument {
    fn put(&mut self, key: &str, value: Value) {
        self.set(key, value);
    }
}

impl Sink for Worker {
    fn put(&mut self, key: &str, value: Value) {
        self.set(key, value);
    }
}

impl Sink for Map<String, Value> {
    fn put(&mut self, key: &str, value: Value) {
        self.insert(key.to_owned(), value);
    }
}

/// How the value of a `Key: value` line is read, and the JSON key it fills.
#[derive(Clone, Copy)]
enum Read {
    /// Kept as written (conditions, expressions).
    Text(&'static str),
    /// Comma-separated expressions, as a JSON array of strings.
    List(&'static str),
    /// A number; a unit such as `kB` or `ms` is dropped.
    Number(&'static str),
    Bool(&'static str),
    /// Several `Label: value` pairs on one line (`Sort Method: quicksort  Memory: 25kB`).
    Pairs(Pairs),
    /// A value with its own syntax.
    Custom(fn(&mut dyn Sink, &str, &str)),
}

/// Every `Key: value` line this reader types. Any other key is kept as a string.
const PROPERTIES: &[(&str, Read)] = &[
    ("Filter", Read::Text("Filter")),
    ("Index Cond", Read::Text("Index Cond")),
    ("Recheck Cond", Read::Text("Recheck Cond")),
    ("Hash Cond", Read::Text("Hash Cond")),
    ("Merge Cond", Read::Text("Merge Cond")),
    ("Join Filter", Read::Text("Join Filter")),
    ("One-Time Filter", Read::Text("One-Time Filter")),
    ("TID Cond", Read::Text("TID Cond")),
    ("Order By", Read::Text("Order By")),
    ("Run Condition", Read::Text("Run Condition")),
    ("Cache Key", Read::Text("Cache Key")),
    ("Cache Mode", Read::Text("Cache Mode")),
    ("Output", Read::List("Output")),
    ("Sort Key", Read::List("Sort Key")),
    ("Group Key", Read::List("Group Key")),
    ("Presorted Key", Read::List("Presorted Key")),
    ("Hash Key", Read::List("Hash Key")),
    ("Conflict Arbiter Indexes", Read::List("Conflict Arbiter Indexes")),
    ("Rows Removed by Filter", Read::Number("Rows Removed by Filter")),
    ("Rows Removed by Index Recheck", Read::Number("Rows Removed by Index Recheck")),
    ("Rows Removed by Join Filter", Read::Number("Rows Removed by Join Filter")),
    ("Rows Removed by Conflict Filter", Read::Number("Rows Removed by Conflict Filter")),
    ("Heap Fetches", Read::Number("Heap Fetches")),
    ("Index Searches", Read::Number("Index Searches")),
    ("Workers Planned", Read::Number("Workers Planned")),
    ("Workers Launched", Read::Number("Workers Launched")),
    ("Subplans Removed", Read::Number("Subplans Removed")),
    ("Tuples Inserted", Read::Number("Tuples Inserted")),
    ("Conflicting Tuples", Read::Number("Conflicting Tuples")),
    ("Disabled", Read::Bool("Disabled")),
    ("Single Copy", Read::Bool("Single Copy")),
    ("Inner Unique", Read::Bool("Inner Unique")),
    ("Sort Method", Read::Pairs(SORT_SPACE)),
    ("Buckets", Read::Pairs(HASH_TABLE)),
    ("Batches", Read::Pairs(HASH_AGGREGATE)),
    ("Planned Partitions", Read::Pairs(HASH_AGGREGATE)),
    ("Hits", Read::Pairs(MEMOIZE_CACHE)),
    ("Storage", Read::Pairs(STORAGE)),
    ("Full-sort Groups", Read::Custom(read_sort_groups)),
    ("Pre-sorted Groups", Read::Custom(read_sort_groups)),
    ("Buffers", Read::Custom(read_buffers)),
    ("I/O Timings", Read::Custom(read_io_timings)),
    ("WAL", Read::Custom(read_wal)),
    ("Heap Blocks", Read::Custom(read_heap_blocks)),
    ("Memory", Read::Custom(read_memory)),
    ("Tuples", Read::Custom(read_merge_tuples)),
    ("Planning Time", Read::Number("Planning Time")),
    ("Execution Time", Read::Number("Execution Time")),
    ("Total runtime", Read::Number("Total Runtime")),
    ("Query Identifier", Read::Custom(read_query_identifier)),
    ("Settings", Read::Custom(read_settings)),
    ("Query Text", Read::Text("Query Text")),
    ("Query Parameters", Read::Text("Query Parameters")),
];

/// The lines of a `JIT:` block.
const JIT_PROPERTIES: &[(&str, Read)] = &[
    ("Functions", Read::Number("Functions")),
    ("Options", Read::Custom(read_jit_options)),
    ("Timing", Read::Custom(read_jit_timing)),
];

fn apply_property(sink: &mut dyn Sink, key: &str, value: &str, table: &[(&str, Read)]) {
    let Some(&(_, read)) = table.iter().find(|(k, _)| *k == key) else {
        // Unknown to this reader: kept as written, so nothing is lost.
        sink.put(key, Value::String(value.to_owned()));
        return;
    };
    match read {
        Read::Text(json) => sink.put(json, Value::String(value.to_owned())),
        Read::List(json) => {
            sink.put(json, Value::Array(split_top_level(value).into_iter().map(Value::String).collect()))
        }
        Read::Number(json) => put_number(sink, json, value),
        Read::Bool(json) => sink.put(
            json,
            match value {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => Value::String(other.to_owned()),
            },
        ),
        Read::Pairs(pairs) => read_pairs(sink, key, value, pairs),
        Read::Custom(read) => read(sink, key, value),
    }
}

/// Splits `Key: value` (or `Key:` alone). A key looks like PostgreSQL's: words that
/// start with a capital, so expression text is not taken for a key. Trigger lines,
/// whose key holds object names, are split before `: time=` / `: calls=`.
fn split_property(text: &str) -> Option<(&str, &str)> {
    if text.starts_with("Trigger") {
        if let Some(at) = text.find(": time=").or_else(|| text.find(": calls=")) {
            return Some((&text[..at], text[at + 1..].trim()));
        }
    }
    let colon = text.find(':')?;
    let (key, rest) = (text[..colon].trim_end(), &text[colon + 1..]);
    let spaced = rest.is_empty() || rest.starts_with(char::is_whitespace);
    let key_like = key.starts_with(|c: char| c.is_ascii_uppercase())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '/' | '_'));
    (spaced && key_like).then(|| (key, rest.trim()))
}

fn property_key(text: &str) -> Option<&str> {
    split_property(text).map(|(key, _)| key)
}

/// A number at the start of `text`, a unit after it ignored (`25kB`, `0.123 ms`).
fn leading_number(text: &str) -> Option<f64> {
    let text = text.trim_start();
    let sign = usize::from(text.starts_with(['-', '+']));
    let end = text[sign..].find(|c: char| !(c.is_ascii_digit() || c == '.')).map_or(text.len(), |at| at + sign);
    text[..end].parse().ok()
}

/// Stores a number, or the text itself when it holds none.
fn put_number(sink: &mut dyn Sink, key: &str, text: &str) {
    let value = leading_number(text).map_or_else(|| Value::String(text.trim().to_owned()), number_to_json);
    sink.put(key, value);
}

/// Splits at commas outside parentheses, brackets and quotes: `a, f(b, c), 'x, y'`.
fn split_top_level(text: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '(' | '[' | '{') => depth += 1,
            (None, ')' | ']' | '}') => depth = depth.saturating_sub(1),
            (None, ',') if depth == 0 => {
                items.push(text[start..i].trim().to_owned());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() || !items.is_empty() {
        items.push(last.to_owned());
    }
    items
}

/// `hit=1 read=2 buffers full=3` as (name, value) pairs; bare words before a `name=`
/// belong to its name. A one-word name (nearly all) is borrowed, not copied.
fn assignments(text: &str) -> Vec<(Cow<'_, str>, &str)> {
    let mut pairs = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    for token in text.split_whitespace() {
        match token.split_once('=') {
            Some((name, value)) if words.is_empty() => pairs.push((Cow::Borrowed(name), value)),
            Some((name, value)) => {
                words.push(name);
                pairs.push((Cow::Owned(words.join(" ")), value));
                words.clear();
            }
            None => words.push(token),
        }
    }
    pairs
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// How one `Label: value` pair of a multi-pair line is stored.
#[derive(Clone, Copy)]
enum PairRead {
    Text(&'static str),
    Number(&'static str),
    /// `1024 (originally 512)`: the figure and the original one (the same when not shown).
    WithOriginal(&'static str, &'static str),
    /// `Memory: 25kB` after a sort method: the label is the sort space type.
    SortSpace,
}

type Pairs = &'static [(&'static str, PairRead)];

const SORT_SPACE: Pairs =
    &[("Sort Method", PairRead::Text("Sort Method")), ("Memory", PairRead::SortSpace), ("Disk", PairRead::SortSpace)];
const HASH_TABLE: Pairs = &[
    ("Buckets", PairRead::WithOriginal("Hash Buckets", "Original Hash Buckets")),
    ("Batches", PairRead::WithOriginal("Hash Batches", "Original Hash Batches")),
    ("Memory Usage", PairRead::Number("Peak Memory Usage")),
];
const HASH_AGGREGATE: Pairs = &[
    ("Planned Partitions", PairRead::Number("Planned Partitions")),
    ("Batches", PairRead::Number("HashAgg Batches")),
    ("Memory Usage", PairRead::Number("Peak Memory Usage")),
    ("Disk Usage", PairRead::Number("Disk Usage")),
];
const MEMOIZE_CACHE: Pairs = &[
    ("Hits", PairRead::Number("Cache Hits")),
    ("Misses", PairRead::Number("Cache Misses")),
    ("Evictions", PairRead::Number("Cache Evictions")),
    ("Overflows", PairRead::Number("Cache Overflows")),
    ("Memory Usage", PairRead::Number("Peak Memory Usage")),
];
const STORAGE: Pairs =
    &[("Storage", PairRead::Text("Storage")), ("Maximum Storage", PairRead::Number("Maximum Storage"))];

/// Splits the value of a multi-pair line into its pairs, the line's own key first.
/// Pairs are separated by two or more spaces; a piece without a label of its own
/// continues the previous value (`Sort Method:  top-N heapsort` in old versions).
fn split_pairs<'a>(key: &'a str, value: &'a str) -> Vec<(&'a str, String)> {
    let mut pairs = vec![(key, String::new())];
    for piece in value.split("  ").map(str::trim).filter(|p| !p.is_empty()) {
        match split_property(piece) {
            Some((label, text)) => pairs.push((label, text.to_owned())),
            None => {
                if let Some((_, text)) = pairs.last_mut() {
                    if !text.is_empty() {
                        text.push(' ');
                    }
                    text.push_str(piece);
                }
            }
        }
    }
    pairs
}

fn read_pairs(sink: &mut dyn Sink, key: &str, value: &str, pairs: Pairs) {
    for (label, text) in split_pairs(key, value) {
        match pairs.iter().find(|(l, _)| *l == label).map(|&(_, read)| read) {
            Some(PairRead::Text(json)) => sink.put(json, Value::String(text)),
            Some(PairRead::Number(json)) => put_number(sink, json, &text),
            Some(PairRead::WithOriginal(json, original_json)) => {
                put_number(sink, json, &text);
                let original = text.split_once("(originally").map_or(text.as_str(), |(_, original)| original);
                put_number(sink, original_json, original);
            }
            Some(PairRead::SortSpace) => {
                put_number(sink, "Sort Space Used", &text);
                sink.put("Sort Space Type", Value::String(label.to_owned()));
            }
            None => sink.put(label, Value::String(text)),
        }
    }
}

/// `Full-sort Groups: 1  Sort Method: quicksort  Average Memory: 1kB  Peak Memory: 1kB`
/// as PostgreSQL's JSON object for an Incremental Sort group.
fn read_sort_groups(sink: &mut dyn Sink, key: &str, value: &str) {
    let mut group = Map::new();
    for (label, text) in split_pairs(key, value) {
        if label == key {
            put_number(&mut group, "Group Count", &text);
            continue;
        }
        match label.split_once(' ') {
            Some(("Sort", "Method" | "Methods")) => {
                let methods = text.split(", ").map(|m| Value::String(m.trim().to_owned())).collect();
                group.insert("Sort Methods Used".to_owned(), Value::Array(methods));
            }
            Some((statistic @ ("Average" | "Peak"), space @ ("Memory" | "Disk"))) => {
                let entry = group.entry(format!("Sort Space {space}")).or_insert_with(|| Value::Object(Map::new()));
                if let Value::Object(space_fields) = entry {
                    put_number(space_fields, &format!("{statistic} Sort Space Used"), &text);
                }
            }
            _ => {
                group.insert(label.to_owned(), Value::String(text));
            }
        }
    }
    sink.put(key, Value::Object(group));
}

/// Every buffer counter PostgreSQL's JSON lists; the text omits those at zero.
const BUFFER_COUNTERS: &[&str] = &[
    "Shared Hit Blocks",
    "Shared Read Blocks",
    "Shared Dirtied Blocks",
    "Shared Written Blocks",
    "Local Hit Blocks",
    "Local Read Blocks",
    "Local Dirtied Blocks",
    "Local Written Blocks",
    "Temp Read Blocks",
    "Temp Written Blocks",
];

/// The JSON key of a buffer counter PostgreSQL prints (`shared` `hit` → `Shared Hit
/// Blocks`), without building it: every node of a plan has a Buffers line.
fn buffer_counter(scope: &str, name: &str) -> Option<&'static str> {
    Some(match (scope, name) {
        ("shared", "hit") => "Shared Hit Blocks",
        ("shared", "read") => "Shared Read Blocks",
        ("shared", "dirtied") => "Shared Dirtied Blocks",
        ("shared", "written") => "Shared Written Blocks",
        ("local", "hit") => "Local Hit Blocks",
        ("local", "read") => "Local Read Blocks",
        ("local", "dirtied") => "Local Dirtied Blocks",
        ("local", "written") => "Local Written Blocks",
        ("temp", "read") => "Temp Read Blocks",
        ("temp", "written") => "Temp Written Blocks",
        _ => return None,
    })
}

/// `shared hit=1 read=2 dirtied=3 written=4, local ..., temp read=5 written=6`.
fn read_buffers(sink: &mut dyn Sink, _key: &str, value: &str) {
    for counter in BUFFER_COUNTERS {
        sink.put(counter, Value::from(0));
    }
    for group in value.split(',') {
        let Some((scope, counts)) = group.trim().split_once(' ') else {
            continue;
        };
        for (name, count) in assignments(counts) {
            match buffer_counter(scope, &name) {
                Some(counter) => put_number(sink, counter, count),
                None => put_number(sink, &format!("{} {} Blocks", capitalized(scope), capitalized(&name)), count),
            }
        }
    }
}

/// `read=1.2 write=3.4` (up to PostgreSQL 14), `shared/local read=.., temp read=..` (15)
/// or `shared read=.., local .., temp ..` (16+). The JSON always lists a version's
/// read and write times, so missing ones are zero.
fn read_io_timings(sink: &mut dyn Sink, _key: &str, value: &str) {
    let groups: Vec<(&str, &str)> = value
        .split(',')
        .map(|group| {
            let group = group.trim();
            match group.split_once(' ') {
                Some((scope, timings)) if !scope.contains('=') => (scope, timings),
                _ => ("", group),
            }
        })
        .collect();
    let prefix = |scope: &str| match scope {
        "shared" => "Shared I/O",
        "local" => "Local I/O",
        "temp" => "Temp I/O",
        _ => "I/O",
    };
    let per_scope = groups.iter().any(|(scope, _)| matches!(*scope, "shared" | "local"));
    let zeroed: &[&str] = if per_scope {
        &["shared", "local", "temp"]
    } else if groups.iter().any(|(scope, _)| *scope == "temp") {
        &["", "temp"]
    } else {
        &[""]
    };
    for scope in zeroed {
        for operation in ["Read", "Write"] {
            sink.put(&format!("{} {operation} Time", prefix(scope)), Value::from(0));
        }
    }
    for (scope, timings) in groups {
        for (name, ms) in assignments(timings) {
            let operation = match &*name {
                "read" => "Read",
                "write" => "Write",
                _ => continue,
            };
            put_number(sink, &format!("{} {operation} Time", prefix(scope)), ms);
        }
    }
}

/// `records=2 fpi=1 bytes=150 buffers full=0`.
fn read_wal(sink: &mut dyn Sink, _key: &str, value: &str) {
    for counter in ["WAL Records", "WAL FPI", "WAL Bytes"] {
        sink.put(counter, Value::from(0));
    }
    for (name, count) in assignments(value) {
        let key = match &*name {
            "fpi" => "WAL FPI".to_owned(),
            other => format!("WAL {}", other.split(' ').map(capitalized).collect::<Vec<_>>().join(" ")),
        };
        put_number(sink, &key, count);
    }
}

/// `exact=10 lossy=2`.
fn read_heap_blocks(sink: &mut dyn Sink, _key: &str, value: &str) {
    sink.put("Exact Heap Blocks", Value::from(0));
    sink.put("Lossy Heap Blocks", Value::from(0));
    for (name, count) in assignments(value) {
        put_number(sink, &format!("{} Heap Blocks", capitalized(&name)), count);
    }
}

/// The planner's `Memory: used=12kB  allocated=16kB` (PostgreSQL 17+).
fn read_memory(sink: &mut dyn Sink, _key: &str, value: &str) {
    for (name, size) in assignments(value) {
        put_number(sink, &format!("Memory {}", capitalized(&name)), size);
    }
}

/// MERGE's `Tuples: inserted=1 updated=2 deleted=0 skipped=3`.
fn read_merge_tuples(sink: &mut dyn Sink, _key: &str, value: &str) {
    for outcome in ["Inserted", "Updated", "Deleted", "Skipped"] {
        sink.put(&format!("Tuples {outcome}"), Value::from(0));
    }
    for (name, count) in assignments(value) {
        put_number(sink, &format!("Tuples {}", capitalized(&name)), count);
    }
}

/// A 64-bit integer, which an f64 would round.
fn read_query_identifier(sink: &mut dyn Sink, key: &str, value: &str) {
    let id = match (value.parse::<i64>(), value.parse::<u64>()) {
        (Ok(id), _) => Value::from(id),
        (_, Ok(id)) => Value::from(id),
        _ => Value::String(value.to_owned()),
    };
    sink.put(key, id);
}

/// `work_mem = '4MB', search_path = 'a, b'` as an object of strings.
fn read_settings(sink: &mut dyn Sink, key: &str, value: &str) {
    let mut settings = Map::new();
    let mut rest = value.trim();
    while let Some((name, after)) = rest.split_once(" = ") {
        let (setting, remaining) = match after.strip_prefix('\'') {
            Some(quoted) => read_sql_literal(quoted),
            None => {
                let (setting, remaining) = after.split_once(", ").unwrap_or((after, ""));
                (setting.to_owned(), remaining)
            }
        };
        settings.insert(name.trim().to_owned(), Value::String(setting));
        rest = remaining.trim_start_matches(',').trim_start();
    }
    sink.put(key, Value::Object(settings));
}

/// The body of a single-quoted literal whose opening quote is already read, and the
/// text after its closing quote. A doubled quote stands for one.
fn read_sql_literal(text: &str) -> (String, &str) {
    let mut body = String::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if c != '\'' {
            body.push(c);
        } else if chars.peek().is_some_and(|&(_, next)| next == '\'') {
            body.push('\'');
            chars.next();
        } else {
            return (body, &text[at + 1..]);
        }
    }
    (body, "")
}

/// `Inlining false, Optimization false, Expressions true, Deforming true`.
fn read_jit_options(sink: &mut dyn Sink, key: &str, value: &str) {
    let mut options = Map::new();
    for option in value.split(',') {
        if let Some((name, flag)) = option.trim().rsplit_once(' ') {
            options.insert(name.to_owned(), Value::Bool(flag == "true"));
        }
    }
    sink.put(key, Value::Object(options));
}

/// `Generation 1.2 ms (Deform 0.3 ms), Inlining 0.0 ms, ..., Total 4.4 ms`. From
/// PostgreSQL 17 the JSON makes Generation an object of its Deform and Total times.
fn read_jit_timing(sink: &mut dyn Sink, key: &str, value: &str) {
    let mut timing = Map::new();
    for part in split_top_level(value) {
        let Some((name, times)) = part.split_once(' ') else {
            continue;
        };
        match times.split_once("(Deform") {
            Some((total, deform)) => {
                let mut generation = Map::new();
                put_number(&mut generation, "Deform", deform);
                put_number(&mut generation, "Total", total);
                timing.insert(name.to_owned(), Value::Object(generation));
            }
            None => put_number(&mut timing, name, times),
        }
    }
    sink.put(key, Value::Object(timing));
}

/// `time=0.011 ms  output=14kB  format=text` (PostgreSQL 17+).
fn read_serialization(sink: &mut dyn Sink, value: &str) {
    for piece in value.split("  ") {
        for (name, figure) in assignments(piece) {
            match &*name {
                "time" => put_number(sink, "Time", figure),
                "output" => put_number(sink, "Output Volume", figure),
                "format" => sink.put("Format", Value::String(figure.to_owned())),
                other => sink.put(other, Value::String(figure.to_owned())),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{parse, PlanFormat};
    use serde_json::json;

    fn parse_one(text: &str) -> PlanDocument {
        let mut docs = parse_documents(text).expect("plan parses");
        assert_eq!(docs.len(), 1, "one document expected");
        docs.remove(0)
    }

    fn key(node: &PlanNode, key: &str) -> Value {
        let mut entries = Vec::new();
        node.fields.write_to(&mut entries);
        entries
            .into_iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .or_else(|| node.extra.get(key).cloned())
            .unwrap_or(Value::Null)
    }

    #[test]
    fn timing_off_header_has_rows_and_loops_only() {
        let doc = parse_one("Seq Scan on t  (cost=0.00..1.50 rows=50 width=4) (actual rows=48.50 loops=2)");
        let f = &doc.plan.nodes[0].fields;
        assert_eq!(
            (f.startup_cost, f.total_cost, f.plan_rows, f.plan_width),
            (Some(0.0), Some(1.5), Some(50.0), Some(4.0))
        );
        assert_eq!((f.actual_rows, f.actual_loops), (Some(48.5), Some(2.0)));
        assert_eq!((f.actual_startup_time, f.actual_total_time), (None, None));
        assert_eq!(f.relation_name.as_deref(), Some("t"));
        assert_eq!(f.alias.as_deref(), Some("t"));
    }

    #[test]
    fn costs_off_plan_keeps_its_shape() {
        let text = "Hash Left Join\n  Hash Cond: (a.id = b.id)\n  ->  Seq Scan on a\n  ->  Hash\n        ->  Index Only Scan Backward using b_pkey on b x\n";
        let doc = parse_one(text);
        let nodes = &doc.plan.nodes;
        assert_eq!(nodes.len(), 4);
        assert_eq!(nodes[0].node_type(), "Hash Join");
        assert_eq!(nodes[0].fields.join_type.as_deref(), Some("Left"));
        assert_eq!(nodes[0].fields.hash_cond.as_deref(), Some("(a.id = b.id)"));
        assert_eq!(nodes[0].fields.total_cost, None);
        assert_eq!(nodes[1].fields.parent_relationship.as_deref(), Some("Outer"));
        assert_eq!(nodes[2].fields.parent_relationship.as_deref(), Some("Inner"));
        let scan = &nodes[3].fields;
        assert_eq!(scan.node_type.as_deref(), Some("Index Only Scan"));
        assert_eq!(scan.scan_direction.as_deref(), Some("Backward"));
        assert_eq!(scan.index_name.as_deref(), Some("b_pkey"));
        assert_eq!((scan.relation_name.as_deref(), scan.alias.as_deref()), (Some("b"), Some("x")));
        assert_eq!(nodes[3].parent, Some(2));
    }

    #[test]
    fn never_executed_nodes_get_zero_loops() {
        let text = "Hash Join  (cost=1.00..2.00 rows=1 width=4) (actual time=0.010..0.011 rows=0 loops=1)\n  Hash Cond: (a.x = b.x)\n  ->  Seq Scan on a  (cost=0.00..1.00 rows=1 width=4) (actual time=0.005..0.005 rows=0 loops=1)\n  ->  Hash  (cost=1.00..1.00 rows=1 width=4) (never executed)\n        ->  Seq Scan on b  (cost=0.00..1.00 rows=1 width=4) (never executed)\n";
        let doc = parse_one(text);
        for node in &doc.plan.nodes[2..] {
            assert!(!node.executed());
            assert_eq!((node.fields.actual_rows, node.fields.actual_loops), (Some(0.0), Some(0.0)));
            assert_eq!(node.fields.actual_total_time, Some(0.0), "timed plans give zero times");
        }
    }

    #[test]
    fn unicode_framed_psql_paste() {
        let pasted = "┌──────────────────────────────────────────────────────────────┐\n│                          QUERY PLAN                          │\n├──────────────────────────────────────────────────────────────┤\n│ Limit  (cost=0.00..0.04 rows=1 width=4)                      │\n│   ->  Seq Scan on t  (cost=0.00..35.50 rows=2550 width=4)    │\n│         Filter: (a > 1)                                      │\n│ Planning Time: 0.050 ms                                      │\n└──────────────────────────────────────────────────────────────┘\n(4 rows)\n\nTime: 0.512 ms\n";
        let parsed = parse(pasted).expect("framed paste parses");
        assert_eq!(parsed.format, PlanFormat::Text);
        let doc = &parsed.documents[0];
        assert_eq!(doc.plan.len(), 2);
        assert_eq!(doc.plan.nodes[1].fields.filter.as_deref(), Some("(a > 1)"));
        assert_eq!(doc.plan.nodes[1].line, Some(5));
        assert_eq!(doc.fields.planning_time, Some(0.05));
        assert!(doc.extra.is_empty(), "psql's footers are not plan keys: {:?}", doc.extra);
    }

    #[test]
    fn wrapped_lines_are_joined() {
        let text = " Sort  (cost=10.00..10.50 rows=200\n width=8)\n   Sort Key: a,\n b DESC\n   ->  Seq Scan on t  (cost=0.00..5.00 rows=200 width=8)\n         Filter: ((a > 1) AND\n (b < 2))\n";
        let doc = parse_one(text);
        let sort = &doc.plan.nodes[0].fields;
        assert_eq!(sort.plan_width, Some(8.0));
        assert_eq!(sort.sort_key, Some(vec!["a".to_owned(), "b DESC".to_owned()]));
        assert_eq!(doc.plan.nodes[1].fields.filter.as_deref(), Some("((a > 1) AND (b < 2))"));
        assert_eq!(doc.plan.nodes[1].parent, Some(0));
    }

    #[test]
    fn deep_generated_plan_does_not_overflow() {
        let depth = 1_000;
        let mut text = String::from("Limit  (cost=0.00..1.00 rows=1 width=4)\n");
        for level in 1..depth {
            text.push_str(&" ".repeat(6 * (level - 1) + 2));
            text.push_str("->  Limit  (cost=0.00..1.00 rows=1 width=4)\n");
            text.push_str(&" ".repeat(6 * level + 2));
            text.push_str("Filter: (x > 1)\n");
        }
        let doc = parse_one(&text);
        assert_eq!(doc.plan.len(), depth);
        assert_eq!(doc.plan.nodes[depth - 1].depth, depth - 1);
        assert_eq!(doc.plan.nodes[depth - 1].fields.filter.as_deref(), Some("(x > 1)"));
    }

    #[test]
    fn auto_explain_log_with_two_plans() {
        let log = "2024-01-01 00:00:00 UTC [123] LOG:  duration: 1.200 ms  plan:\n\tQuery Text: select *\n\t  from t\n\t  where a = 1\n\tSeq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.010..0.020 rows=1 loops=1)\n\t  Filter: (a = 1)\n2024-01-01 00:00:01 UTC [123] LOG:  duration: 0.500 ms  plan:\n\tQuery Text: select 1\n\tResult  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)\n";
        let docs = parse_documents(log).expect("log parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].fields.query_text.as_deref(), Some("select *\nfrom t\nwhere a = 1"));
        assert_eq!(docs[0].plan.nodes[0].fields.filter.as_deref(), Some("(a = 1)"));
        assert_eq!(docs[1].fields.query_text.as_deref(), Some("select 1"));
        assert_eq!(docs[1].plan.nodes[0].node_type(), "Result");
    }

    #[test]
    fn non_plan_input_errors_at_its_first_line() {
        let err = parse_documents("\n  hello world\nthis is not a plan\n").expect_err("not a plan");
        assert_eq!((err.line, err.column), (Some(2), Some(3)));
        assert!(err.message.contains("expected a plan node"), "{}", err.message);
        let err = parse("# only a comment\n").expect_err("comment only");
        assert_eq!(err.line, None);
        assert!(parse_documents("").is_err());
        assert!(parse_documents("(((((\n)))\n->\n: x").is_err());
        let err = crate::plan::parse("EXPLAIN garbage\n  -> nothing").expect_err("an arrow alone is not a plan");
        assert!(err.message.contains("expected a plan node"), "{}", err.message);
    }

    #[test]
    fn node_type_words_become_json_fields() {
        let text = "Insert on public.t t1  (cost=0.00..1.00 rows=0 width=0)\n  ->  Finalize GroupAggregate  (cost=1.00..2.00 rows=1 width=8)\n        ->  Gather Merge  (cost=1.00..2.00 rows=2 width=8)\n              Workers Planned: 2\n              ->  Partial HashAggregate  (cost=1.00..2.00 rows=1 width=8)\n                    ->  Parallel Seq Scan on big  (cost=0.00..1.00 rows=1 width=4)\n";
        let doc = parse_one(text);
        let f = |i: usize| &doc.plan.nodes[i].fields;
        assert_eq!((f(0).node_type.as_deref(), f(0).operation.as_deref()), (Some("ModifyTable"), Some("Insert")));
        assert_eq!(
            (f(0).schema.as_deref(), f(0).relation_name.as_deref(), f(0).alias.as_deref()),
            (Some("public"), Some("t"), Some("t1"))
        );
        assert_eq!(
            (f(1).node_type.as_deref(), f(1).strategy.as_deref(), f(1).partial_mode.as_deref()),
            (Some("Aggregate"), Some("Sorted"), Some("Finalize"))
        );
        assert_eq!(f(2).workers_planned, Some(2.0));
        assert_eq!((f(3).strategy.as_deref(), f(3).partial_mode.as_deref()), (Some("Hashed"), Some("Partial")));
        assert_eq!((f(4).node_type.as_deref(), f(4).parallel_aware), (Some("Seq Scan"), Some(true)));
        let doc = parse_one("Nested Loop Anti Join  (cost=0.00..1.00 rows=1 width=4)\n  ->  Function Scan on generate_series g  (cost=0.00..1.00 rows=1 width=4)\n  ->  CTE Scan on w  (cost=0.00..1.00 rows=1 width=4)\n");
        assert_eq!(
            (doc.plan.nodes[0].node_type(), doc.plan.nodes[0].fields.join_type.as_deref()),
            ("Nested Loop", Some("Anti"))
        );
        assert_eq!(doc.plan.nodes[1].fields.function_name.as_deref(), Some("generate_series"));
        assert_eq!(doc.plan.nodes[2].fields.cte_name.as_deref(), Some("w"));
    }

    #[test]
    fn subplans_workers_and_document_blocks() {
        let text = r#" Gather  (cost=1.00..2.00 rows=1 width=4) (actual time=0.100..0.200 rows=1 loops=1)
   Workers Planned: 1
   Workers Launched: 1
   Buffers: shared hit=3, temp written=2
   CTE w
     ->  Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)
   InitPlan 1 (returns $1)
     ->  Result  (cost=0.00..0.01 rows=1 width=4) (actual time=0.001..0.001 rows=1 loops=1)
   ->  Sort  (cost=1.00..1.10 rows=1 width=4) (actual time=0.050..0.060 rows=1 loops=2)
         Sort Key: x
         Sort Method: quicksort  Memory: 25kB
         Worker 0:  actual time=0.040..0.050 rows=1 loops=1
           Sort Method: external merge  Disk: 64kB
         ->  Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.010..0.020 rows=1 loops=2)
 Planning:
   Buffers: shared hit=8
 Planning Time: 0.100 ms
 Trigger for constraint t_fk on t: time=0.500 calls=2
 JIT:
   Functions: 4
   Options: Inlining false, Optimization false, Expressions true, Deforming true
   Timing: Generation 0.492 ms (Deform 0.134 ms), Inlining 0.000 ms, Total 0.600 ms
 Settings: work_mem = '4MB', search_path = 'a, ''b'''
 Execution Time: 0.300 ms
"#;
        let doc = parse_one(text);
        let nodes = &doc.plan.nodes;
        assert_eq!(key(&nodes[0], "Temp Written Blocks"), json!(2));
        assert_eq!(key(&nodes[0], "Local Hit Blocks"), json!(0));
        assert_eq!(key(&nodes[1], "Subplan Name"), json!("CTE w"));
        assert_eq!(key(&nodes[1], "Parent Relationship"), json!("InitPlan"));
        assert_eq!(key(&nodes[2], "Subplan Name"), json!("InitPlan 1 (returns $1)"));
        assert_eq!(key(&nodes[3], "Parent Relationship"), json!("Outer"));
        assert_eq!(key(&nodes[3], "Sort Space Used"), json!(25));
        assert_eq!(
            key(&nodes[3], "Workers"),
            json!([{"Worker Number": 0, "Actual Startup Time": 0.04, "Actual Total Time": 0.05, "Actual Rows": 1, "Actual Loops": 1,
                    "Sort Method": "external merge", "Sort Space Used": 64, "Sort Space Type": "Disk"}])
        );
        assert_eq!(nodes[4].parent, Some(3));
        let fields = &doc.fields;
        assert_eq!(fields.planning.as_ref().and_then(|p| p.get("Shared Hit Blocks")), Some(&json!(8)));
        assert_eq!(
            fields.triggers,
            Some(json!([{"Constraint Name": "t_fk", "Relation": "t", "Time": 0.5, "Calls": 2}]))
        );
        assert_eq!(
            fields.jit,
            Some(json!({"Functions": 4,
                "Options": {"Inlining": false, "Optimization": false, "Expressions": true, "Deforming": true},
                "Timing": {"Generation": {"Deform": 0.134, "Total": 0.492}, "Inlining": 0, "Total": 0.6}}))
        );
        assert_eq!(fields.settings, Some(json!({"work_mem": "4MB", "search_path": "a, 'b'"})));
        assert_eq!(fields.execution_time, Some(0.3));
    }

    #[test]
    fn one_worker_printed_in_two_blocks_is_one_entry() {
        // PostgreSQL prints each worker's sort method (show_sort_info) apart from its
        // timing and buffers (the instrumentation): both land in one `Workers` entry.
        let text = r#"Gather Merge  (cost=1.00..2.00 rows=2 width=4) (actual time=0.100..0.200 rows=2 loops=1)
  Workers Planned: 1
  Workers Launched: 1
  ->  Sort  (cost=1.00..1.10 rows=1 width=4) (actual time=0.050..0.060 rows=1 loops=2)
        Sort Key: x
        Sort Method: quicksort  Memory: 25kB
        Worker 0:  Sort Method: quicksort  Memory: 26kB
        Buffers: shared hit=3
        Worker 0:  actual time=0.040..0.050 rows=1 loops=1
          Buffers: shared hit=2 read=1
        ->  Parallel Seq Scan on t  (cost=0.00..1.00 rows=1 width=4) (actual time=0.010..0.020 rows=1 loops=2)
"#;
        let doc = parse_one(text);
        assert_eq!(
            key(&doc.plan.nodes[1], "Workers"),
            json!([{"Worker Number": 0, "Actual Startup Time": 0.04, "Actual Total Time": 0.05, "Actual Rows": 1, "Actual Loops": 1,
                    "Sort Method": "quicksort", "Sort Space Used": 26, "Sort Space Type": "Memory",
                    "Shared Hit Blocks": 2, "Shared Read Blocks": 1, "Shared Dirtied Blocks": 0, "Shared Written Blocks": 0,
                    "Local Hit Blocks": 0, "Local Read Blocks": 0, "Local Dirtied Blocks": 0, "Local Written Blocks": 0,
                    "Temp Read Blocks": 0, "Temp Written Blocks": 0}])
        );
        assert_eq!(doc.plan.nodes.capacity(), doc.plan.nodes.len(), "room for exactly the nodes read");
    }

    #[test]
    fn unknown_properties_are_kept_verbatim() {
        let doc = parse_one("Foreign Scan on ft  (cost=100.00..200.00 rows=10 width=4)\n  Remote SQL: SELECT a FROM public.t\n  Frobnication: high\n");
        assert_eq!(doc.plan.nodes[0].extra.get("Remote SQL"), Some(&json!("SELECT a FROM public.t")));
        assert_eq!(doc.plan.nodes[0].extra.get("Frobnication"), Some(&json!("high")));
    }
}
