//! The Compare view's state and its reducer: two plans of one query, before and after a
//! fix, and the core's comparison of them. Plain Rust, no DOM: the tests run natively.
//!
//! It works like the analyzer's ([`crate::state`]): every edit bumps `edit`; the view's
//! debounce timer dispatches [`CompareAction::Debounced`] with the edit it was armed for;
//! the reducer puts a [`CompareRequest`] in `in_flight` and the view posts it to the
//! worker, which runs `pgsight_core::diff`. A reply for an older edit is dropped. One
//! request at a time: an edit whose timer fires while the worker is busy waits in
//! `wanted` and goes out when the reply comes back.

use std::rc::Rc;

use pgsight_core::diff::{DiffSideName, FindingChange, NodeDiff, PlanDiff};
use pgsight_core::share::SharedInputs;
use yew::{AttrValue, Reducible};

use crate::protocol::{CompareFailure, CompareRequest, PlanPair, Reply};
use crate::state::Mark;

/// Node rows shown at first, and added by "Show all": a 10,000-node plan stays light.
pub const NODES_PAGE: usize = 200;

/// One of the two plans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    Before,
    After,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Before, Side::After];

    pub fn label(self) -> &'static str {
        match self {
            Side::Before => "Before",
            Side::After => "After",
        }
    }

    pub fn id(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }

    fn of(name: DiffSideName) -> Side {
        match name {
            DiffSideName::Before => Side::Before,
            DiffSideName::After => Side::After,
        }
    }
}

/// True when a share link holds two plans: it opens the Compare view, not the analyzer.
pub fn opens_compare(shared: &SharedInputs) -> bool {
    !shared.compare_plan.trim().is_empty()
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Compare {
    pub before: AttrValue,
    pub after: AttrValue,
    /// Bumped on every change to either plan.
    pub edit: u64,
    /// The edit `diff` (or `failure`) describes, once compared.
    pub compared: Option<u64>,
    pub diff: Option<Rc<PlanDiff>>,
    /// Why the latest plans could not be compared.
    pub failure: Option<CompareFailure>,
    /// How long the worker took for `diff`.
    pub elapsed_ms: Option<f64>,
    /// The request the worker is working on.
    pub in_flight: Option<Rc<CompareRequest>>,
    /// An edit whose debounce fired while the worker was busy.
    pub wanted: Option<u64>,
    /// The edit a share link was opened at (the address bar still shows it).
    pub shared_at: Option<u64>,
    /// Node rows rendered (the rest behind "Show all").
    pub nodes_shown: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CompareAction {
    /// The user changed a plan.
    Edit(Side, String),
    /// Replace both plans and compare at once; `shared` when they come from a share link.
    Load {
        before: String,
        after: String,
        shared: bool,
    },
    /// Before becomes after and after before.
    Swap,
    /// The debounce timer armed for this edit fired.
    Debounced(u64),
    /// The worker answered a compare request.
    Reply(Reply),
    /// The worker died; it is being restarted.
    WorkerCrashed(String),
    ShowAllNodes,
}

impl Compare {
    pub fn new() -> Self {
        Self {
            nodes_shown: NODES_PAGE,
            ..Self::default()
        }
    }

    pub fn text(&self, side: Side) -> &AttrValue {
        match side {
            Side::Before => &self.before,
            Side::After => &self.after,
        }
    }

    fn has(&self, side: Side) -> bool {
        !self.text(side).trim().is_empty()
    }

    pub fn is_empty(&self) -> bool {
        !self.has(Side::Before) && !self.has(Side::After)
    }

    /// The plan still to paste when the other one is there.
    pub fn missing(&self) -> Option<Side> {
        match (self.has(Side::Before), self.has(Side::After)) {
            (true, false) => Some(Side::After),
            (false, true) => Some(Side::Before),
            _ => None,
        }
    }

    /// True while the comparison shown does not describe the plans.
    pub fn pending(&self) -> bool {
        self.missing().is_none() && !self.is_empty() && self.compared != Some(self.edit)
    }

    /// Both plans, for a share link (the analyzer's plan slot holds the before plan).
    pub fn to_shared(&self) -> SharedInputs {
        SharedInputs {
            plan: self.before.to_string(),
            compare_plan: self.after.to_string(),
            ..SharedInputs::default()
        }
    }

    /// The failure's position in `side`'s plan, to mark in its editor.
    pub fn marks(&self, side: Side) -> Vec<Mark> {
        self.failure
            .iter()
            .filter(|f| f.side.map(Side::of) == Some(side))
            .filter_map(|f| {
                Some(Mark {
                    line: f.line?,
                    column: f.column,
                    error: true,
                    message: f.message.clone(),
                })
            })
            .collect()
    }

    /// The failure, when it is about `side`'s plan.
    pub fn failure_of(&self, side: Side) -> Option<&CompareFailure> {
        self.failure
            .as_ref()
            .filter(|f| f.side.map(Side::of) == Some(side))
    }

    /// The failure that is about neither plan (the worker died).
    pub fn general_failure(&self) -> Option<&CompareFailure> {
        self.failure.as_ref().filter(|f| f.side.is_none())
    }

    fn edited(&self, before: AttrValue, after: AttrValue) -> Self {
        Self {
            before,
            after,
            edit: self.edit + 1,
            ..self.clone()
        }
    }

    /// Starts comparing the current edit, or queues it if the worker is busy.
    fn request(mut self) -> Self {
        if self.compared == Some(self.edit)
            || self.in_flight.as_ref().is_some_and(|r| r.id == self.edit)
        {
            self.wanted = None;
            return self;
        }
        if !self.has(Side::Before) || !self.has(Side::After) {
            // Nothing to compare: no request, and nothing shown that described other plans.
            self.diff = None;
            self.failure = None;
            self.elapsed_ms = None;
            self.compared = Some(self.edit);
            self.wanted = None;
            return self;
        }
        if self.in_flight.is_some() {
            self.wanted = Some(self.edit);
        } else {
            self.wanted = None;
            self.in_flight = Some(Rc::new(CompareRequest {
                compare: PlanPair {
                    before: self.before.to_string(),
                    after: self.after.to_string(),
                },
                id: self.edit,
            }));
        }
        self
    }

    fn replied(mut self, reply: Reply) -> Self {
        let (Some(id), Some(outcome)) = (reply.id, reply.compare) else {
            return self;
        };
        if self.in_flight.as_ref().is_some_and(|r| r.id == id) {
            self.in_flight = None;
        }
        if id == self.edit {
            let outcome = *outcome;
            match outcome.diff {
                Some(diff) => {
                    self.diff = Some(Rc::new(diff));
                    self.failure = None;
                    self.elapsed_ms = reply.elapsed_ms;
                }
                None => {
                    // A diff of other plans next to a plan that does not read would mislead.
                    self.diff = None;
                    self.failure = Some(outcome.error.unwrap_or_else(|| CompareFailure {
                        side: None,
                        message: "the comparison failed".to_owned(),
                        line: None,
                        column: None,
                    }));
                }
            }
            self.compared = Some(id);
            self.nodes_shown = NODES_PAGE;
        }
        self.send_wanted()
    }

    fn send_wanted(mut self) -> Self {
        match self.wanted {
            Some(w) if w == self.edit && self.in_flight.is_none() => self.request(),
            Some(w) if w != self.edit => {
                self.wanted = None;
                self
            }
            _ => self,
        }
    }
}

impl Reducible for Compare {
    type Action = CompareAction;

    fn reduce(self: Rc<Self>, action: CompareAction) -> Rc<Self> {
        let next = match action {
            CompareAction::Edit(side, text) if self.text(side).as_str() == text => return self,
            CompareAction::Edit(Side::Before, text) => self.edited(text.into(), self.after.clone()),
            CompareAction::Edit(Side::After, text) => self.edited(self.before.clone(), text.into()),
            CompareAction::Load {
                before,
                after,
                shared,
            } => {
                let mut next = self.edited(before.into(), after.into());
                next.shared_at = shared.then_some(next.edit);
                next.request()
            }
            CompareAction::Swap if self.is_empty() => return self,
            CompareAction::Swap => self
                .edited(self.after.clone(), self.before.clone())
                .request(),
            CompareAction::Debounced(edit) if edit != self.edit => return self,
            CompareAction::Debounced(_) => {
                let next = (*self).clone().request();
                if next == *self {
                    return self;
                }
                next
            }
            CompareAction::Reply(reply) if reply.compare.is_none() => return self,
            CompareAction::Reply(reply) => (*self).clone().replied(reply),
            CompareAction::WorkerCrashed(message) => {
                let mut next = (*self).clone();
                match next.in_flight.take() {
                    Some(lost) if lost.id == next.edit => {
                        next.diff = None;
                        next.failure = Some(CompareFailure {
                            side: None,
                            message,
                            line: None,
                            column: None,
                        });
                        next.compared = Some(lost.id);
                    }
                    Some(_) => {}
                    None => return self,
                }
                next.send_wanted()
            }
            CompareAction::ShowAllNodes => {
                let total = self.diff.as_ref().map_or(0, |d| d.nodes.len());
                if self.nodes_shown >= total {
                    return self;
                }
                Self {
                    nodes_shown: total,
                    ..(*self).clone()
                }
            }
        };
        Rc::new(next)
    }
}

/// The findings in the order the view lists them, with their group's label.
pub fn finding_groups(diff: &PlanDiff) -> [(&'static str, &'static str, &[FindingChange]); 3] {
    let f = &diff.findings;
    [
        ("resolved", "Resolved", &f.resolved),
        ("new", "New", &f.new),
        ("remaining", "Remaining", &f.remaining),
    ]
}

/// The node rows to render, and how many are left behind "Show all".
pub fn visible_nodes(diff: &PlanDiff, shown: usize) -> (&[NodeDiff], usize) {
    let n = shown.min(diff.nodes.len());
    (&diff.nodes[..n], diff.nodes.len() - n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::handle;
    use pgsight_core::diff::Change;

    fn read(file: &str) -> String {
        let path = format!(
            "{}/../../tests/scenarios/diff/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn before() -> String {
        read("seq-scan-index-before.json")
    }

    fn after() -> String {
        read("seq-scan-index-after.txt")
    }

    fn reduce(state: Rc<Compare>, action: CompareAction) -> Rc<Compare> {
        state.reduce(action)
    }

    /// What the worker would answer to the request in flight.
    fn answer(state: &Compare) -> CompareAction {
        let request = state.in_flight.as_ref().expect("a request in flight");
        CompareAction::Reply(Reply::from_json(&handle(&request.to_json(), || 0.0)).expect("reply"))
    }

    fn typed_both() -> Rc<Compare> {
        let s = reduce(
            Rc::new(Compare::new()),
            CompareAction::Edit(Side::Before, before()),
        );
        reduce(s, CompareAction::Edit(Side::After, after()))
    }

    #[test]
    fn waits_for_both_plans_and_the_debounce() {
        let s = reduce(
            Rc::new(Compare::new()),
            CompareAction::Edit(Side::Before, before()),
        );
        assert_eq!(s.missing(), Some(Side::After));
        assert!(!s.pending(), "nothing to compare yet");
        let s = reduce(s, CompareAction::Debounced(1));
        assert!(s.in_flight.is_none(), "one plan is not a comparison");

        let s = reduce(s, CompareAction::Edit(Side::After, after()));
        assert!(s.pending());
        assert!(
            s.in_flight.is_none(),
            "nothing sent before the debounce fires"
        );
        let s = reduce(s, CompareAction::Debounced(2));
        let request = s.in_flight.clone().expect("request");
        assert_eq!(request.id, 2);
        assert!(request.to_json().starts_with("{\"compare\":"));

        let s = reduce(s.clone(), answer(&s));
        assert!(!s.pending());
        assert!(s.in_flight.is_none());
        let diff = s.diff.as_ref().expect("diff");
        assert!(
            diff.headline
                .starts_with("Execution 74.3 ms → 1.5 ms (−98%)"),
            "{}",
            diff.headline
        );
        assert!(diff
            .findings
            .resolved
            .iter()
            .any(|f| f.rule == "seq-scan-selective-filter"));
        assert!(diff.nodes.iter().any(|n| n.change == Change::ScanChanged));
    }

    #[test]
    fn stale_reply_is_dropped_and_the_latest_edit_follows() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let old = answer(&s);
        let s = reduce(
            s,
            CompareAction::Edit(Side::After, read("seq-scan-index-after.json")),
        );
        let s = reduce(s, CompareAction::Debounced(3));
        assert_eq!(
            s.in_flight.as_ref().map(|r| r.id),
            Some(2),
            "one request at a time"
        );
        assert_eq!(s.wanted, Some(3));

        let s = reduce(s, old);
        assert!(s.diff.is_none(), "a diff of older plans is not shown");
        assert_eq!(s.in_flight.as_ref().map(|r| r.id), Some(3));
        let s = reduce(s.clone(), answer(&s));
        assert!(!s.pending());
        assert_eq!(
            s.diff.as_ref().map(|d| d.after.format),
            Some(pgsight_core::plan::PlanFormat::Json)
        );
    }

    #[test]
    fn stale_timer_is_ignored() {
        let s = typed_both();
        let same = reduce(s.clone(), CompareAction::Debounced(1));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn analyzer_replies_are_not_the_compare_views() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let analyzer = Reply {
            id: Some(2),
            report: Some(pgsight_core::analyze(&[], &pgsight_core::Config::default())),
            ..Reply::default()
        };
        let same = reduce(s.clone(), CompareAction::Reply(analyzer));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn a_plan_that_does_not_read_is_marked_in_its_editor() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let s = reduce(s.clone(), answer(&s));
        assert!(s.diff.is_some());
        let s = reduce(
            s,
            CompareAction::Edit(
                Side::Before,
                "[{\"Plan\": {\n  \"Node Type\": \"Seq Scan\",,\n}}]".into(),
            ),
        );
        let s = reduce(s, CompareAction::Debounced(3));
        let s = reduce(s.clone(), answer(&s));
        assert!(s.diff.is_none());
        assert!(!s.pending());
        assert!(s.failure_of(Side::Before).is_some());
        assert!(s.failure_of(Side::After).is_none());
        let marks = s.marks(Side::Before);
        assert_eq!(marks.len(), 1);
        assert_eq!(marks[0].line, 2);
        assert!(s.marks(Side::After).is_empty());
    }

    #[test]
    fn a_share_link_loads_both_plans_and_compares_at_once() {
        let shared = Compare {
            before: before().into(),
            after: after().into(),
            ..Compare::new()
        }
        .to_shared();
        assert!(opens_compare(&shared));
        assert!(!opens_compare(&SharedInputs {
            plan: before(),
            ..SharedInputs::default()
        }));
        let s = reduce(
            Rc::new(Compare::new()),
            CompareAction::Load {
                before: shared.plan.clone(),
                after: shared.compare_plan.clone(),
                shared: true,
            },
        );
        assert_eq!(s.shared_at, Some(s.edit));
        assert_eq!(s.in_flight.as_ref().map(|r| r.id), Some(s.edit));
        // Its debounce timer then finds the request already out.
        let s = reduce(s.clone(), CompareAction::Debounced(s.edit));
        assert_eq!(s.wanted, None);
        let s = reduce(s.clone(), answer(&s));
        assert!(s.diff.is_some());
        assert_eq!(s.to_shared(), shared);
        let s = reduce(s, CompareAction::Edit(Side::After, "x".into()));
        assert_ne!(
            s.shared_at,
            Some(s.edit),
            "edited: the address no longer describes the plans"
        );
    }

    #[test]
    fn swapping_compares_the_other_way() {
        let s = reduce(typed_both(), CompareAction::Swap);
        assert_eq!(s.before.as_str(), after());
        let s = reduce(s.clone(), answer(&s));
        let diff = s.diff.as_ref().expect("diff");
        assert!(diff
            .findings
            .new
            .iter()
            .any(|f| f.rule == "seq-scan-selective-filter"));
        let empty = Rc::new(Compare::new());
        assert!(Rc::ptr_eq(
            &empty,
            &reduce(empty.clone(), CompareAction::Swap)
        ));
    }

    #[test]
    fn emptying_a_plan_drops_the_comparison_without_the_worker() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let s = reduce(s.clone(), answer(&s));
        let s = reduce(s, CompareAction::Edit(Side::After, "  ".into()));
        let s = reduce(s, CompareAction::Debounced(3));
        assert!(s.in_flight.is_none());
        assert!(s.diff.is_none());
        assert_eq!(s.missing(), Some(Side::After));
    }

    #[test]
    fn a_crashed_worker_fails_the_current_request() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let s = reduce(
            s,
            CompareAction::WorkerCrashed("RuntimeError: unreachable".into()),
        );
        assert!(s.in_flight.is_none());
        assert_eq!(
            s.general_failure().map(|f| f.message.as_str()),
            Some("RuntimeError: unreachable")
        );
        assert!(!s.pending());
        // Not in flight: nothing changes.
        let same = reduce(s.clone(), CompareAction::WorkerCrashed("again".into()));
        assert!(Rc::ptr_eq(&s, &same));
    }

    #[test]
    fn long_node_lists_are_paged() {
        let s = reduce(typed_both(), CompareAction::Debounced(2));
        let s = reduce(s.clone(), answer(&s));
        let diff = s.diff.clone().expect("diff");
        let (rows, rest) = visible_nodes(&diff, 1);
        assert_eq!((rows.len(), rest), (1, diff.nodes.len() - 1));
        let (rows, rest) = visible_nodes(&diff, s.nodes_shown);
        assert_eq!((rows.len(), rest), (diff.nodes.len(), 0));
        let shown = Compare {
            nodes_shown: 1,
            ..(*s).clone()
        };
        let s = reduce(Rc::new(shown), CompareAction::ShowAllNodes);
        assert_eq!(s.nodes_shown, diff.nodes.len());
        let groups = finding_groups(&diff);
        assert_eq!(
            groups.iter().map(|g| g.2.len()).sum::<usize>(),
            diff.findings.resolved.len() + diff.findings.new.len() + diff.findings.remaining.len()
        );
    }
}
