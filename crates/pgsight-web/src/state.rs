//! The page's state and its reducer. Plain Rust, no DOM: the tests run natively.
//!
//! Analysis is asynchronous. Every edit bumps `edit`; the view arms a debounce timer
//! that dispatches [`Action::Debounced`] with the edit it was armed for. If that is
//! still the latest edit, the reducer puts a [`Request`] in `in_flight` and the view
//! posts it to the worker. The worker's [`Reply`] carries the request's id: a reply
//! for an older edit is dropped (the report shown is never older than it says, and
//! never newer than the text). One request at a time: an edit whose timer fires while
//! the worker is busy waits in `wanted` and goes out when the reply comes back.
//! A whole document that arrives at once ([`Action::Open`], [`Action::Load`]) skips
//! the debounce: there is no more typing to wait for.

use std::collections::{BTreeMap, HashSet};
use std::rc::Rc;

use pgsight_core::rules::Category;
use pgsight_core::share::SharedInputs;
use pgsight_core::{Finding, InputKind, Report, Severity};
use yew::{AttrValue, Reducible};

use crate::protocol::{Reply, Request, Views, WireInput};

/// Quiet time after the last keystroke before the inputs are analyzed.
pub const DEBOUNCE_MS: u32 = 250;
/// Findings shown at first, and added by "Show more".
pub const FINDINGS_PAGE: usize = 50;

/// The three inputs, as tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Slot {
    #[default]
    Plan,
    Schema,
    Sql,
}

impl Slot {
    pub const ALL: [Slot; 3] = [Slot::Plan, Slot::Schema, Slot::Sql];

    pub fn label(self) -> &'static str {
        match self {
            Slot::Plan => "Plan",
            Slot::Schema => "Schema",
            Slot::Sql => "SQL",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Slot::Plan => "plan",
            Slot::Schema => "schema",
            Slot::Sql => "sql",
        }
    }

    /// The tab an input of the report came from.
    pub fn of_kind(kind: InputKind) -> Slot {
        match kind {
            InputKind::Plan => Slot::Plan,
            InputKind::Schema => Slot::Schema,
            InputKind::Migration | InputKind::Query => Slot::Sql,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Inputs {
    pub plan: AttrValue,
    pub schema: AttrValue,
    pub sql: AttrValue,
    /// The SQL tab holds a migration rather than queries.
    pub sql_is_migration: bool,
}

/// Whether two texts are the same, first by address: props and memos compare the
/// inputs on every render, and comparing a 20 MB text byte by byte takes tens of
/// milliseconds in wasm. Texts at different addresses are still compared in full.
pub fn same_text(a: &AttrValue, b: &AttrValue) -> bool {
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

impl PartialEq for Inputs {
    fn eq(&self, other: &Self) -> bool {
        self.sql_is_migration == other.sql_is_migration
            && Slot::ALL
                .iter()
                .all(|&s| same_text(self.text(s), other.text(s)))
    }
}

impl Inputs {
    pub fn text(&self, slot: Slot) -> &AttrValue {
        match slot {
            Slot::Plan => &self.plan,
            Slot::Schema => &self.schema,
            Slot::Sql => &self.sql,
        }
    }

    fn set(&mut self, slot: Slot, text: AttrValue) {
        match slot {
            Slot::Plan => self.plan = text,
            Slot::Schema => self.schema = text,
            Slot::Sql => self.sql = text,
        }
    }

    pub fn is_empty(&self) -> bool {
        Slot::ALL.iter().all(|s| self.text(*s).trim().is_empty())
    }

    /// The kind of the SQL input.
    pub fn sql_kind(&self) -> InputKind {
        if self.sql_is_migration {
            InputKind::Migration
        } else {
            InputKind::Query
        }
    }

    /// The non-empty inputs, as the worker takes them.
    pub fn wire(&self) -> Vec<WireInput> {
        let mut out = Vec::new();
        let mut push = |kind: InputKind, name: &str, text: &AttrValue| {
            if !text.trim().is_empty() {
                out.push(WireInput {
                    kind,
                    name: name.to_owned(),
                    // Shared, not copied: a 20 MB plan goes to the worker as it is.
                    text: text.clone(),
                });
            }
        };
        push(InputKind::Plan, "plan", &self.plan);
        push(InputKind::Schema, "schema", &self.schema);
        let sql_name = if self.sql_is_migration {
            "migration"
        } else {
            "queries"
        };
        push(self.sql_kind(), sql_name, &self.sql);
        out
    }

    pub fn to_shared(&self) -> SharedInputs {
        SharedInputs {
            plan: self.plan.to_string(),
            compare_plan: String::new(),
            schema: self.schema.to_string(),
            sql: self.sql.to_string(),
            sql_is_migration: self.sql_is_migration,
        }
    }

    pub fn from_shared(shared: SharedInputs) -> Self {
        Self {
            plan: shared.plan.into(),
            schema: shared.schema.into(),
            sql: shared.sql.into(),
            sql_is_migration: shared.sql_is_migration,
        }
    }

    /// The slot to show first: the first that has text.
    pub fn first_filled(&self) -> Slot {
        Slot::ALL
            .into_iter()
            .find(|s| !self.text(*s).trim().is_empty())
            .unwrap_or(Slot::Plan)
    }
}

/// Which findings the list hides.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    pub hidden_severities: HashSet<Severity>,
    pub hidden_categories: HashSet<Category>,
}

impl Filters {
    pub fn shows(&self, f: &Finding) -> bool {
        !self.hidden_severities.contains(&f.severity)
            && !self.hidden_categories.contains(&f.category)
    }

    pub fn is_empty(&self) -> bool {
        self.hidden_severities.is_empty() && self.hidden_categories.is_empty()
    }
}

/// What a finding (or a click) points at.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A node of `report.plans[plan]`.
    Node { plan: usize, node: usize },
    /// A position in one of the inputs.
    Line {
        slot: Slot,
        line: u32,
        column: Option<u32>,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Selection {
    /// Index into the report's findings.
    pub finding: Option<usize>,
    pub target: Option<Target>,
    /// Bumped on every selection, so that selecting the same thing again scrolls to
    /// it again.
    pub seq: u64,
}

/// Where loaded inputs came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    Example,
    Share,
    /// A recent analysis, by its entry id: edits keep updating that entry.
    Recent(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub inputs: Inputs,
    /// Bumped on every change to the inputs.
    pub edit: u64,
    /// The edit `report` describes, once analyzed.
    pub analyzed: Option<u64>,
    pub report: Option<Rc<Report>>,
    /// How long the worker took for `report`.
    pub elapsed_ms: Option<f64>,
    /// The worker could not analyze the latest inputs.
    pub failure: Option<String>,
    /// The request the worker is working on.
    pub in_flight: Option<Rc<Request>>,
    /// `report` came findings first: the rest of its findings, its plan nodes and
    /// schema tables, for this edit, are still on their way ([`Action::Views`]).
    pub views_pending: Option<u64>,
    /// How many findings `report` has in all (some may still be on their way).
    pub findings_total: usize,
    /// An edit whose debounce fired while the worker was busy.
    pub wanted: Option<u64>,
    pub tab: Slot,
    pub filters: Filters,
    pub selection: Selection,
    /// Findings the list renders (the rest behind "Show more").
    pub shown: usize,
    /// Prefix of document ids: unique per page load.
    pub session: AttrValue,
    /// The recent-analyses entry the current inputs belong to.
    pub doc: AttrValue,
    /// The edit a share link was opened at (the address bar still shows it).
    pub shared_at: Option<u64>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user changed an input.
    Edit(Slot, String),
    /// A whole document arrived in one input (a file opened or dropped, a paste):
    /// analyzed at once, without the typing debounce.
    Open(Slot, String),
    /// The SQL tab's toggle: migration or queries.
    SetMigration(bool),
    /// Replace every input and analyze at once.
    Load(Inputs, Source),
    /// Empty every input.
    Clear,
    /// The debounce timer armed for this edit fired.
    Debounced(u64),
    /// The worker answered.
    Reply(Reply),
    /// The plan nodes and schema tables of a report that came findings first.
    Views(Views),
    /// The worker died (a panic in the engine); it is being restarted.
    WorkerCrashed(String),
    SelectTab(Slot),
    ToggleSeverity(Severity),
    ToggleCategory(Category),
    ClearFilters,
    SelectFinding(usize),
    SelectNode {
        plan: usize,
        node: usize,
    },
    SelectLine {
        slot: Slot,
        line: u32,
        column: Option<u32>,
    },
    ShowMore,
}

impl State {
    pub fn new(session: impl Into<AttrValue>) -> Self {
        let session = session.into();
        Self {
            doc: format!("{session}-0").into(),
            session,
            shown: FINDINGS_PAGE,
            ..Self::default()
        }
    }

    /// True while the report shown does not describe the inputs.
    pub fn pending(&self) -> bool {
        !self.inputs.is_empty() && self.analyzed != Some(self.edit)
    }

    /// True while the page waits for the worker: the report is pending, or its views
    /// are still coming.
    pub fn busy(&self) -> bool {
        self.pending() || self.views_pending.is_some()
    }

    /// True once the inputs a share link loaded were edited or replaced, so the address
    /// no longer describes them. Before anything is loaded (a link still being opened, or
    /// one that could not be) it is false: the address keeps the link.
    pub fn left_share(&self) -> bool {
        self.edit > 0 && self.shared_at != Some(self.edit)
    }

    fn edited(&self, inputs: Inputs) -> Self {
        Self {
            inputs,
            edit: self.edit + 1,
            ..self.clone()
        }
    }

    fn new_document(mut self, source: Option<&Source>) -> Self {
        self.doc = match source {
            Some(Source::Recent(id)) => id.clone().into(),
            _ => format!("{}-{}", self.session, self.edit).into(),
        };
        self.shared_at = matches!(source, Some(Source::Share)).then_some(self.edit);
        self.selection = Selection {
            seq: self.selection.seq + 1,
            ..Selection::default()
        };
        self.tab = self.inputs.first_filled();
        self
    }

    /// Starts analyzing the current edit, or queues it if the worker is busy.
    fn request_analysis(mut self) -> Self {
        // Done, or already asked for (a document opened at once, then its debounce).
        if self.analyzed == Some(self.edit)
            || self.in_flight.as_ref().is_some_and(|r| r.id == self.edit)
        {
            return self;
        }
        if self.inputs.is_empty() {
            self.report = None;
            self.failure = None;
            self.elapsed_ms = None;
            self.analyzed = Some(self.edit);
            self.wanted = None;
            return self;
        }
        if self.in_flight.is_some() {
            self.wanted = Some(self.edit);
        } else {
            self.wanted = None;
            self.in_flight = Some(Rc::new(Request {
                id: self.edit,
                inputs: self.inputs.wire(),
            }));
        }
        self
    }

    fn replied(mut self, reply: Reply) -> Self {
        let Some(id) = reply.id else {
            return self;
        };
        if self.in_flight.as_ref().is_some_and(|r| r.id == id) {
            self.in_flight = None;
        }
        if id == self.edit {
            match reply.report {
                Some(report) => {
                    self.failure = None;
                    self.elapsed_ms = reply.elapsed_ms;
                    self.views_pending = (reply.parts > 0).then_some(id);
                    self.findings_total = reply.findings_total.max(report.findings.len());
                    self.report = Some(Rc::new(report));
                }
                None => {
                    self.views_pending = None;
                    self.failure = Some(
                        reply
                            .error
                            .unwrap_or_else(|| "the analysis failed".to_owned()),
                    )
                }
            }
            self.analyzed = Some(id);
            self.shown = FINDINGS_PAGE;
            self.selection = Selection {
                seq: self.selection.seq + 1,
                ..Selection::default()
            };
        }
        self.send_wanted()
    }

    fn send_wanted(mut self) -> Self {
        match self.wanted {
            Some(w) if w == self.edit && self.in_flight.is_none() => self.request_analysis(),
            Some(w) if w != self.edit => {
                self.wanted = None;
                self
            }
            _ => self,
        }
    }

    fn select(mut self, finding: Option<usize>, target: Option<Target>) -> Self {
        if let Some(Target::Line { slot, .. }) = &target {
            self.tab = *slot;
        }
        if let Some(i) = finding {
            if let Some(f) = self.report.as_ref().and_then(|r| r.findings.get(i)) {
                if !self.filters.shows(f) {
                    self.filters = Filters::default();
                }
            }
            let position = self.report.as_ref().map_or(0, |r| {
                visible_findings(r, &self.filters)
                    .iter()
                    .position(|&x| x == i)
                    .unwrap_or(0)
            });
            self.shown = self.shown.max(position + 1);
        }
        self.selection = Selection {
            finding,
            target,
            seq: self.selection.seq + 1,
        };
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Edit(slot, text) if self.inputs.text(slot).as_str() == text => return self,
            Action::Edit(slot, text) => {
                let mut inputs = self.inputs.clone();
                inputs.set(slot, text.into());
                self.edited(inputs)
            }
            Action::Open(slot, text) if self.inputs.text(slot).as_str() == text => return self,
            Action::Open(slot, text) => {
                let mut inputs = self.inputs.clone();
                inputs.set(slot, text.into());
                self.edited(inputs).request_analysis()
            }
            Action::SetMigration(on) if on == self.inputs.sql_is_migration => return self,
            Action::SetMigration(on) => self.edited(Inputs {
                sql_is_migration: on,
                ..self.inputs.clone()
            }),
            Action::Load(inputs, source) => self
                .edited(inputs)
                .new_document(Some(&source))
                .request_analysis(),
            Action::Clear => self
                .edited(Inputs::default())
                .new_document(None)
                .request_analysis(),
            Action::Debounced(edit) if edit != self.edit => return self,
            // Nothing to do: analyzed, asked for, or waiting for the worker.
            Action::Debounced(_)
                if self.analyzed == Some(self.edit)
                    || self.in_flight.as_ref().is_some_and(|r| r.id == self.edit)
                    || (self.in_flight.is_some() && self.wanted == Some(self.edit)) =>
            {
                return self
            }
            Action::Debounced(_) => (*self).clone().request_analysis(),
            Action::Reply(reply) if reply.ready || reply.id.is_none() => return self,
            Action::Reply(reply) => (*self).clone().replied(reply),
            Action::Views(views) => match &self.report {
                Some(report) if self.views_pending == Some(views.id) => {
                    let report = Rc::new(views.complete(report));
                    Self {
                        findings_total: report.findings.len(),
                        report: Some(report),
                        views_pending: None,
                        ..(*self).clone()
                    }
                }
                _ => return self,
            },
            Action::WorkerCrashed(message) => {
                let mut next = (*self).clone();
                next.views_pending = None;
                if let Some(lost) = next.in_flight.take() {
                    if lost.id == next.edit {
                        next.failure = Some(message);
                        next.analyzed = Some(lost.id);
                    }
                }
                next.send_wanted()
            }
            Action::SelectTab(slot) if slot == self.tab => return self,
            Action::SelectTab(slot) => Self {
                tab: slot,
                ..(*self).clone()
            },
            Action::ToggleSeverity(severity) => {
                let mut next = (*self).clone();
                if !next.filters.hidden_severities.remove(&severity) {
                    next.filters.hidden_severities.insert(severity);
                }
                next
            }
            Action::ToggleCategory(category) => {
                let mut next = (*self).clone();
                if !next.filters.hidden_categories.remove(&category) {
                    next.filters.hidden_categories.insert(category);
                }
                next
            }
            Action::ClearFilters => Self {
                filters: Filters::default(),
                ..(*self).clone()
            },
            Action::SelectFinding(index) => {
                let target = self
                    .report
                    .as_ref()
                    .and_then(|r| r.findings.get(index).and_then(|f| target_of(r, f)));
                (*self).clone().select(Some(index), target)
            }
            Action::SelectNode { plan, node } => {
                let first = self.report.as_ref().and_then(|r| {
                    findings_at_node(r, plan, node)
                        .into_iter()
                        .find(|&i| self.filters.shows(&r.findings[i]))
                });
                (*self)
                    .clone()
                    .select(first, Some(Target::Node { plan, node }))
            }
            Action::SelectLine { slot, line, column } => (*self)
                .clone()
                .select(None, Some(Target::Line { slot, line, column })),
            Action::ShowMore => Self {
                shown: self.shown + FINDINGS_PAGE,
                ..(*self).clone()
            },
        };
        Rc::new(next)
    }
}

/// Where a finding points: a plan node (as an index into `report.plans`), else a line
/// in the input it came from.
pub fn target_of(report: &Report, f: &Finding) -> Option<Target> {
    let loc = &f.location;
    if let (Some(plan), Some(node)) = (loc.plan, loc.node) {
        if let Some(p) = report
            .plans
            .iter()
            .position(|v| v.input == loc.input && v.plan == plan)
        {
            if node < report.plans[p].nodes.len() {
                return Some(Target::Node { plan: p, node });
            }
        }
    }
    let slot = Slot::of_kind(report.inputs.get(loc.input)?.kind);
    loc.line.map(|line| Target::Line {
        slot,
        line,
        column: loc.column,
    })
}

/// Indices of the findings the filters let through, in the report's (ranked) order.
pub fn visible_findings(report: &Report, filters: &Filters) -> Vec<usize> {
    (0..report.findings.len())
        .filter(|&i| filters.shows(&report.findings[i]))
        .collect()
}

/// Findings at one node of `report.plans[plan]`, in ranked order.
pub fn findings_at_node(report: &Report, plan: usize, node: usize) -> Vec<usize> {
    let Some(view) = report.plans.get(plan) else {
        return Vec::new();
    };
    (0..report.findings.len())
        .filter(|&i| {
            let loc = &report.findings[i].location;
            loc.input == view.input && loc.plan == Some(view.plan) && loc.node == Some(node)
        })
        .collect()
}

/// For one plan: each node's findings (ranked order), for the tree's badges.
pub fn findings_by_node(report: &Report, plan: usize) -> BTreeMap<usize, Vec<usize>> {
    let mut out: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let Some(view) = report.plans.get(plan) else {
        return out;
    };
    for (i, f) in report.findings.iter().enumerate() {
        let loc = &f.location;
        if loc.input == view.input && loc.plan == Some(view.plan) {
            if let Some(node) = loc.node {
                out.entry(node).or_default().push(i);
            }
        }
    }
    out
}

/// Findings per severity, most severe first (all three, zeros included).
pub fn severity_counts(report: &Report) -> [(Severity, usize); 3] {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    [
        (Severity::Error, count(Severity::Error)),
        (Severity::Warning, count(Severity::Warning)),
        (Severity::Info, count(Severity::Info)),
    ]
}

/// Findings per category, only the categories present.
pub fn category_counts(report: &Report) -> Vec<(Category, usize)> {
    [
        Category::Plan,
        Category::Query,
        Category::Schema,
        Category::Migration,
    ]
    .into_iter()
    .map(|c| {
        (
            c,
            report.findings.iter().filter(|f| f.category == c).count(),
        )
    })
    .filter(|(_, n)| *n > 0)
    .collect()
}

/// A note or finding position to mark in an input.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub line: u32,
    pub column: Option<u32>,
    pub error: bool,
    pub message: String,
}

/// The notes with a position in `slot`'s input.
pub fn marks(report: &Report, slot: Slot) -> Vec<Mark> {
    report
        .notes
        .iter()
        .filter(|n| {
            report
                .inputs
                .get(n.input)
                .is_some_and(|i| Slot::of_kind(i.kind) == slot)
        })
        .filter_map(|n| {
            Some(Mark {
                line: n.line?,
                column: n.column,
                error: n.level == pgsight_core::report::NoteLevel::Error,
                message: n.message.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::examples::EXAMPLES;
    use crate::protocol::analyze_request;

    fn state() -> Rc<State> {
        Rc::new(State::new("t"))
    }

    fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
        state.reduce(action)
    }

    /// What the worker would answer to the request in flight.
    fn answer(state: &State) -> Action {
        let request = state.in_flight.as_ref().expect("a request in flight");
        let replies = analyze_request(request, || 0.0);
        assert_eq!(replies.len(), 1, "small reports come whole");
        Action::Reply(Reply::from_json(&replies[0]).expect("reply"))
    }

    fn rules(state: &State) -> Vec<&'static str> {
        state
            .report
            .as_ref()
            .map(|r| r.findings.iter().map(|f| f.rule).collect())
            .unwrap_or_default()
    }

    const PLAN: &str = EXAMPLES[0].text;

    #[test]
    fn texts_compare_by_address_then_by_content() {
        let big: AttrValue = "x".repeat(1000).into();
        assert!(same_text(&big, &big.clone()));
        let copy: AttrValue = big.to_string().into();
        assert!(same_text(&big, &copy), "same text elsewhere");
        let other: AttrValue = "y".repeat(1000).into();
        assert!(!same_text(&big, &other));
        let inputs = Inputs {
            plan: big.clone(),
            ..Inputs::default()
        };
        assert_eq!(
            inputs,
            Inputs {
                plan: copy,
                ..Inputs::default()
            }
        );
        assert_ne!(
            inputs,
            Inputs {
                plan: other,
                ..Inputs::default()
            }
        );
        assert_ne!(
            inputs,
            Inputs {
                plan: big,
                sql_is_migration: true,
                ..Inputs::default()
            }
        );
    }

    #[test]
    fn starts_empty_and_idle() {
        let s = state();
        assert!(s.inputs.is_empty());
        assert!(!s.pending());
        assert!(s.in_flight.is_none());
        assert_eq!(s.tab, Slot::Plan);
    }

    /// A file opened (or dropped, or pasted whole) goes to the worker at once; the
    /// debounce that fires later finds it already asked for.
    #[test]
    fn an_opened_file_is_analyzed_at_once() {
        let s = reduce(state(), Action::Open(Slot::Plan, PLAN.into()));
        assert_eq!(s.edit, 1);
        let request = s.in_flight.clone().expect("sent without waiting");
        assert_eq!((request.id, request.inputs.len()), (1, 1));
        assert_eq!(request.inputs[0].text, PLAN);
        let later = reduce(s.clone(), Action::Debounced(1));
        assert!(Rc::ptr_eq(&s, &later), "the debounce sends nothing more");
        let s = reduce(s.clone(), answer(&s));
        assert!(!s.pending());
        assert!(rules(&s).contains(&"seq-scan-selective-filter"));
        // The same file again changes nothing.
        let again = reduce(s.clone(), Action::Open(Slot::Plan, PLAN.into()));
        assert!(Rc::ptr_eq(&s, &again));
    }

    /// Opened while the worker is busy, the file waits for the reply and then goes
    /// out; the stale reply, reduced to its id by the worker client, only frees the
    /// worker.
    #[test]
    fn a_file_opened_during_an_analysis_goes_out_after_the_stale_reply() {
        let s = reduce(state(), Action::Open(Slot::Plan, PLAN.into()));
        let request = s.in_flight.clone().expect("the first file goes out");
        let stale = analyze_request(&request, || 0.0).remove(0);
        let other = EXAMPLES[1].text;
        let s = reduce(s, Action::Open(Slot::Plan, other.into()));
        assert_eq!(s.wanted, Some(2));
        // What the worker client makes of the reply, the page being at edit 2.
        let incoming = crate::worker_client::receive(&mut None, &stale[..96], s.edit, || {
            panic!("a stale report was read")
        });
        let crate::worker_client::Incoming::Reply(head) = incoming else {
            panic!("{incoming:?}")
        };
        assert!(head.report.is_none());
        let s = reduce(s, Action::Reply(head));
        assert!(
            s.report.is_none() && s.failure.is_none(),
            "nothing shown from the stale reply"
        );
        let request = s.in_flight.clone().expect("the file goes out");
        assert_eq!(request.id, 2);
        let s = reduce(s.clone(), answer(&s));
        assert_eq!(s.analyzed, Some(2));
        assert!(s.report.is_some());
    }

    #[test]
    fn edit_waits_for_the_debounce_then_asks_the_worker() {
        let s = reduce(state(), Action::Edit(Slot::Plan, PLAN.into()));
        assert_eq!(s.edit, 1);
        assert!(s.pending());
        assert!(
            s.in_flight.is_none(),
            "nothing sent before the debounce fires"
        );

        let s = reduce(s, Action::Debounced(1));
        let request = s.in_flight.clone().expect("request");
        assert_eq!(request.id, 1);
        assert_eq!(request.inputs.len(), 1);
        assert_eq!(request.inputs[0].kind, InputKind::Plan);

        let s = reduce(s.clone(), answer(&s));
        assert!(!s.pending());
        assert!(s.in_flight.is_none());
        assert!(
            rules(&s).contains(&"seq-scan-selective-filter"),
            "{:?}",
            rules(&s)
        );
    }

    #[test]
    fn stale_timer_is_ignored() {
        let s = reduce(state(), Action::Edit(Slot::Plan, "[".into()));
        let s = reduce(s, Action::Edit(Slot::Plan, PLAN.into()));
        let before = s.clone();
        let s = reduce(s, Action::Debounced(1));
        assert!(
            Rc::ptr_eq(&before, &s),
            "the timer for edit 1 must not send edit 2"
        );
    }

    #[test]
    fn stale_reply_is_dropped_and_the_latest_edit_follows() {
        let s = reduce(state(), Action::Edit(Slot::Plan, PLAN.into()));
        let s = reduce(s, Action::Debounced(1));
        let old = answer(&s);
        // The user types on while the worker is busy; the next timer fires.
        let s = reduce(s, Action::Edit(Slot::Plan, format!("{PLAN}\n")));
        let s = reduce(s, Action::Debounced(2));
        assert_eq!(
            s.in_flight.as_ref().map(|r| r.id),
            Some(1),
            "one request at a time"
        );
        assert_eq!(s.wanted, Some(2));

        // The reply for edit 1 is dropped, and edit 2 goes out.
        let s = reduce(s, old);
        assert!(s.report.is_none(), "a report for older inputs is not shown");
        assert!(s.pending());
        assert_eq!(s.in_flight.as_ref().map(|r| r.id), Some(2));
        assert_eq!(s.wanted, None);

        let s = reduce(s.clone(), answer(&s));
        assert!(!s.pending());
        assert!(!rules(&s).is_empty());
    }

    #[test]
    fn old_report_stays_visible_while_typing() {
        let s = reduce(
            state(),
            Action::Load(
                Inputs {
                    plan: PLAN.into(),
                    ..Inputs::default()
                },
                Source::Example,
            ),
        );
        let s = reduce(s.clone(), answer(&s));
        let s = reduce(s, Action::Edit(Slot::Plan, format!("{PLAN} ")));
        assert!(s.pending());
        assert!(s.report.is_some());
    }

    #[test]
    fn load_analyzes_at_once_in_a_new_document() {
        let s = state();
        let doc = s.doc.clone();
        let s = reduce(
            s,
            Action::Load(
                Inputs {
                    sql: "SELECT 1".into(),
                    ..Inputs::default()
                },
                Source::Example,
            ),
        );
        assert_eq!(s.in_flight.as_ref().map(|r| r.id), Some(1));
        assert_ne!(s.doc, doc);
        assert_eq!(s.tab, Slot::Sql, "the first input with text is shown");
        let s = reduce(
            s,
            Action::Load(Inputs::default(), Source::Recent("abc".into())),
        );
        assert_eq!(s.doc.as_str(), "abc");
    }

    #[test]
    fn share_loads_are_remembered_until_the_next_edit() {
        let s = reduce(
            state(),
            Action::Load(
                Inputs {
                    plan: PLAN.into(),
                    ..Inputs::default()
                },
                Source::Share,
            ),
        );
        assert_eq!(s.shared_at, Some(s.edit));
        let s = reduce(s, Action::Edit(Slot::Plan, "x".into()));
        assert_ne!(s.shared_at, Some(s.edit));
    }

    #[test]
    fn a_share_link_stays_in_the_address_until_its_inputs_change() {
        let s = state();
        assert!(!s.left_share(), "the link is still being opened");
        let loaded = |source| {
            reduce(
                state(),
                Action::Load(
                    Inputs {
                        plan: PLAN.into(),
                        ..Inputs::default()
                    },
                    source,
                ),
            )
        };
        let s = loaded(Source::Share);
        assert!(!s.left_share());
        assert!(reduce(s, Action::Edit(Slot::Plan, "x".into())).left_share());
        // A link that could not be opened: the first edit or example leaves it.
        assert!(loaded(Source::Example).left_share());
        assert!(reduce(state(), Action::Edit(Slot::Plan, "x".into())).left_share());
    }

    #[test]
    fn clearing_drops_the_report_without_the_worker() {
        let s = reduce(
            state(),
            Action::Load(
                Inputs {
                    plan: PLAN.into(),
                    ..Inputs::default()
                },
                Source::Example,
            ),
        );
        let s = reduce(s.clone(), answer(&s));
        let s = reduce(s, Action::Clear);
        assert!(s.inputs.is_empty());
        assert!(s.report.is_none());
        assert!(!s.pending());
        assert!(s.in_flight.is_none());
    }

    #[test]
    fn whitespace_only_input_has_no_report() {
        let s = reduce(state(), Action::Edit(Slot::Schema, "  \n\t".into()));
        let s = reduce(s, Action::Debounced(1));
        assert!(s.in_flight.is_none());
        assert!(s.report.is_none());
        assert!(!s.pending());
    }

    #[test]
    fn unchanged_text_is_not_an_edit() {
        let s = reduce(state(), Action::Edit(Slot::Plan, "x".into()));
        let same = reduce(s.clone(), Action::Edit(Slot::Plan, "x".into()));
        assert!(Rc::ptr_eq(&s, &same));
    }

    /// A big report comes findings first: they show at once, the page stays busy until
    /// the rest is in, and the rest of another edit's report changes nothing.
    #[test]
    fn findings_first_then_the_rest() {
        use crate::worker_client::{receive, Incoming};
        let s = reduce(state(), Action::Open(Slot::Plan, PLAN.into()));
        let request = s.in_flight.clone().expect("in flight");
        let mut report = pgsight_core::analyze(
            &[pgsight_core::Input::new(InputKind::Plan, "plan", PLAN)],
            &pgsight_core::Config::default(),
        );
        // Its nodes repeated past one part, as a big plan has them.
        let nodes = report.plans[0].nodes.clone();
        while report.plans[0].nodes.len() <= crate::protocol::PART_NODES {
            report.plans[0].nodes.extend(nodes.iter().cloned());
        }
        let replies = crate::protocol::report_replies(request.id, 2.0, report.clone());
        let mut assembly = None;
        let mut read = |reply: &String| receive(&mut assembly, &reply[..96], 1, || reply.clone());
        let Incoming::Reply(first) = read(&replies[0]) else {
            panic!("findings first")
        };
        let s = reduce(s, Action::Reply(first));
        assert!(!s.pending() && s.busy());
        assert_eq!(rules(&s), report.findings.iter().map(|f| f.rule).collect::<Vec<_>>());
        assert_eq!(s.findings_total, report.findings.len());
        assert!(s.report.as_ref().is_some_and(|r| r.plans.is_empty()));
        let views = replies[1..]
            .iter()
            .find_map(|r| match read(r) {
                Incoming::Views(views) => Some(views),
                _ => None,
            })
            .expect("the views");
        let other = reduce(
            s.clone(),
            Action::Views(Views {
                id: 7,
                ..views.clone()
            }),
        );
        assert!(Rc::ptr_eq(&s, &other), "another edit's views are dropped");
        let s = reduce(s, Action::Views(views));
        assert!(!s.busy());
        assert_eq!(s.report.as_deref(), Some(&report));
    }

    #[test]
    fn a_crashed_worker_fails_the_current_request() {
        let s = reduce(state(), Action::Edit(Slot::Plan, PLAN.into()));
        let s = reduce(s, Action::Debounced(1));
        let s = reduce(s, Action::WorkerCrashed("RuntimeError: unreachable".into()));
        assert!(s.in_flight.is_none());
        assert_eq!(s.failure.as_deref(), Some("RuntimeError: unreachable"));
        assert!(!s.pending());
        // The next edit is analyzed again.
        let s = reduce(s, Action::Edit(Slot::Plan, format!("{PLAN} ")));
        let s = reduce(s, Action::Debounced(2));
        assert!(s.in_flight.is_some());
    }

    #[test]
    fn every_input_goes_to_the_worker_with_its_kind() {
        let s = reduce(state(), Action::Edit(Slot::Plan, PLAN.into()));
        let s = reduce(
            s,
            Action::Edit(Slot::Schema, "CREATE TABLE t (id int);".into()),
        );
        let s = reduce(
            s,
            Action::Edit(Slot::Sql, "ALTER TABLE t ADD COLUMN x int;".into()),
        );
        let s = reduce(s, Action::SetMigration(true));
        let edit = s.edit;
        let s = reduce(s, Action::Debounced(edit));
        let kinds: Vec<_> = s
            .in_flight
            .as_ref()
            .expect("request")
            .inputs
            .iter()
            .map(|i| i.kind)
            .collect();
        assert_eq!(
            kinds,
            [InputKind::Plan, InputKind::Schema, InputKind::Migration]
        );
        let s = reduce(s, Action::SetMigration(false));
        assert_eq!(s.inputs.wire()[2].kind, InputKind::Query);
        assert_eq!(s.inputs.wire()[2].name, "queries");
    }

    #[test]
    fn what_parsed_is_still_analyzed() {
        let s = reduce(state(), Action::Edit(Slot::Plan, PLAN.into()));
        let s = reduce(s, Action::Edit(Slot::Sql, "SELEC broken".into()));
        let s = reduce(s, Action::Debounced(2));
        let s = reduce(s.clone(), answer(&s));
        let report = s.report.as_ref().expect("report");
        assert!(rules(&s).contains(&"seq-scan-selective-filter"));
        assert_eq!(report.inputs.len(), 2);
    }

    #[test]
    fn a_parse_error_marks_its_line() {
        let broken = "[{\"Plan\": {\n  \"Node Type\": \"Seq Scan\",,\n}}]";
        let s = reduce(state(), Action::Edit(Slot::Plan, broken.into()));
        let s = reduce(s, Action::Debounced(1));
        let s = reduce(s.clone(), answer(&s));
        let report = s.report.as_ref().expect("report");
        assert!(report.findings.is_empty());
        let marks = marks(report, Slot::Plan);
        assert_eq!(marks.len(), 1, "{:?}", report.notes);
        assert_eq!(marks[0].line, 2);
        assert!(marks[0].error);
        assert!(super::marks(report, Slot::Sql).is_empty());
    }

    fn analyzed(text: &str) -> Rc<State> {
        let s = reduce(
            state(),
            Action::Load(
                Inputs {
                    plan: text.into(),
                    ..Inputs::default()
                },
                Source::Example,
            ),
        );
        reduce(s.clone(), answer(&s))
    }

    #[test]
    fn selecting_a_finding_targets_its_node() {
        let s = analyzed(PLAN);
        let report = s.report.clone().expect("report");
        let index = report
            .findings
            .iter()
            .position(|f| f.rule == "seq-scan-selective-filter")
            .expect("finding");
        let s = reduce(s, Action::SelectFinding(index));
        let node = report.findings[index].location.node.expect("node");
        assert_eq!(s.selection.finding, Some(index));
        assert_eq!(s.selection.target, Some(Target::Node { plan: 0, node }));
        let seq = s.selection.seq;
        let s = reduce(s, Action::SelectFinding(index));
        assert!(s.selection.seq > seq, "selecting again scrolls again");

        // And the node leads back to its first finding.
        let s = reduce(s, Action::SelectNode { plan: 0, node });
        assert_eq!(
            s.selection.finding,
            findings_at_node(&report, 0, node).first().copied()
        );
        let by_node = findings_by_node(&report, 0);
        assert!(by_node[&node].contains(&index));
    }

    #[test]
    fn a_finding_on_a_line_switches_to_its_tab() {
        // Whatever the core makes of it, the report has one input of kind Query.
        let mut report = pgsight_core::analyze(
            &[pgsight_core::Input::new(
                InputKind::Query,
                "queries",
                "SELECT 1;",
            )],
            &pgsight_core::Config::default(),
        );
        report.findings.clear();
        let meta = pgsight_core::Rule::ALL[0].meta();
        let mut finding = Finding::new(meta, "t", "m");
        finding.location.line = Some(4);
        finding.location.column = Some(2);
        assert_eq!(
            target_of(&report, &finding),
            Some(Target::Line {
                slot: Slot::Sql,
                line: 4,
                column: Some(2)
            })
        );
        report.findings.push(finding);
        let s = State {
            report: Some(Rc::new(report)),
            ..State::new("t")
        };
        let s = reduce(Rc::new(s), Action::SelectFinding(0));
        assert_eq!(s.tab, Slot::Sql);
    }

    #[test]
    fn filters_by_severity_and_category() {
        let s = analyzed(
            EXAMPLES
                .iter()
                .find(|e| e.id == "nested-loop")
                .expect("example")
                .text,
        );
        let report = s.report.clone().expect("report");
        let all = visible_findings(&report, &s.filters);
        assert_eq!(all.len(), report.findings.len());
        let [(_, errors), (_, warnings), (_, infos)] = severity_counts(&report);
        assert_eq!(errors + warnings + infos, all.len());

        let s = reduce(s, Action::ToggleSeverity(Severity::Warning));
        let shown = visible_findings(&report, &s.filters);
        assert_eq!(shown.len(), all.len() - warnings);
        assert!(shown
            .iter()
            .all(|&i| report.findings[i].severity != Severity::Warning));
        let s = reduce(s, Action::ToggleSeverity(Severity::Warning));
        assert!(s.filters.is_empty());

        let s = reduce(s, Action::ToggleCategory(Category::Plan));
        assert!(visible_findings(&report, &s.filters).is_empty());
        assert_eq!(category_counts(&report), vec![(Category::Plan, all.len())]);
        // Selecting a hidden finding shows it again.
        let s = reduce(s, Action::SelectFinding(0));
        assert!(s.filters.is_empty());
    }

    #[test]
    fn show_more_pages_and_selection_reveals() {
        let s = state();
        assert_eq!(s.shown, FINDINGS_PAGE);
        let s = reduce(s, Action::ShowMore);
        assert_eq!(s.shown, 2 * FINDINGS_PAGE);
    }

    #[test]
    fn shared_inputs_round_trip() {
        let inputs = Inputs {
            plan: "p".into(),
            schema: "s".into(),
            sql: "q".into(),
            sql_is_migration: true,
        };
        assert_eq!(Inputs::from_shared(inputs.to_shared()), inputs);
    }
}
