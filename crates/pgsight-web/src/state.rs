//! The page's state and its reducer. Plain Rust: no web-sys, so the tests run natively.
//!
//! Every edit bumps `edit`; the view arms a debounce timer keyed on it that dispatches
//! [`Action::Analyze`] with the edit number it was armed for. A stale timer (the user
//! typed again since) finds a newer `edit` and does nothing.

use std::rc::Rc;

use pgsight_core::{Config, Input, InputKind, Report};
use yew::Reducible;

/// A real `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` from PostgreSQL 15.
pub const EXAMPLE_PLAN: &str = include_str!("../../../web/examples/orders-seq-scan.json");

/// Quiet time after the last keystroke before the plan is analyzed.
pub const DEBOUNCE_MS: u32 = 250;

/// Input name the core uses in its notes.
const INPUT_NAME: &str = "plan";

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The textarea's content.
    pub text: String,
    /// Bumped on every change to `text`.
    pub edit: u64,
    /// The edit `report` was computed for, if any.
    pub analyzed: Option<u64>,
    /// The core's report on `text` as of edit `analyzed`; `None` when there was nothing
    /// to analyze.
    pub report: Option<Rc<Report>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user changed the text.
    Edit(String),
    /// Fill in the bundled example and analyze it at once.
    LoadExample,
    /// Empty the input.
    Clear,
    /// The debounce timer armed for this edit fired.
    Analyze(u64),
}

impl State {
    /// True while the shown report does not describe the current text.
    pub fn pending(&self) -> bool {
        self.analyzed != Some(self.edit)
    }

    fn with_text(&self, text: String) -> Self {
        Self {
            text,
            edit: self.edit + 1,
            analyzed: self.analyzed,
            report: self.report.clone(),
        }
    }

    fn analyzed_now(mut self) -> Self {
        self.report = if self.text.trim().is_empty() {
            None
        } else {
            Some(Rc::new(analyze_plan(&self.text)))
        };
        self.analyzed = Some(self.edit);
        self
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Edit(text) if text == self.text => self,
            Action::Edit(text) => Rc::new(self.with_text(text)),
            Action::LoadExample => Rc::new(self.with_text(EXAMPLE_PLAN.to_owned()).analyzed_now()),
            Action::Clear => Rc::new(self.with_text(String::new()).analyzed_now()),
            Action::Analyze(edit) if edit != self.edit || self.analyzed == Some(edit) => self,
            Action::Analyze(_) => Rc::new((*self).clone().analyzed_now()),
        }
    }
}

/// Runs the core on one plan input with the default configuration.
pub fn analyze_plan(text: &str) -> Report {
    pgsight_core::analyze(
        &[Input::new(InputKind::Plan, INPUT_NAME, text)],
        &Config::default(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: Rc<State>, action: Action) -> Rc<State> {
        state.reduce(action)
    }

    fn rules(state: &State) -> Vec<&'static str> {
        state
            .report
            .as_ref()
            .map(|r| r.findings.iter().map(|f| f.rule).collect())
            .unwrap_or_default()
    }

    #[test]
    fn starts_empty_and_pending() {
        let state = State::default();
        assert!(state.text.is_empty());
        assert!(state.report.is_none());
        assert!(state.pending());
    }

    #[test]
    fn first_timer_on_empty_input_settles_without_a_report() {
        let state = reduce(Rc::new(State::default()), Action::Analyze(0));
        assert!(!state.pending());
        assert!(state.report.is_none());
    }

    #[test]
    fn edit_waits_for_the_timer_then_analyzes() {
        let state = reduce(
            Rc::new(State::default()),
            Action::Edit(EXAMPLE_PLAN.to_owned()),
        );
        assert_eq!(state.edit, 1);
        assert!(state.pending());
        assert!(
            state.report.is_none(),
            "no analysis before the debounce fires"
        );

        let state = reduce(state, Action::Analyze(1));
        assert!(!state.pending());
        assert!(
            rules(&state).contains(&"seq-scan-selective-filter"),
            "{:?}",
            rules(&state)
        );
    }

    #[test]
    fn stale_timer_is_ignored() {
        let state = reduce(Rc::new(State::default()), Action::Edit("[".to_owned()));
        let state = reduce(state, Action::Edit(EXAMPLE_PLAN.to_owned()));
        let before = state.clone();
        let state = reduce(state, Action::Analyze(1));
        assert!(
            Rc::ptr_eq(&before, &state),
            "timer for edit 1 must not analyze edit 2"
        );
        assert!(state.pending());
    }

    #[test]
    fn repeated_timer_does_not_reanalyze() {
        let state = reduce(
            Rc::new(State::default()),
            Action::Edit(EXAMPLE_PLAN.to_owned()),
        );
        let state = reduce(state, Action::Analyze(1));
        let again = reduce(state.clone(), Action::Analyze(1));
        assert!(Rc::ptr_eq(&state, &again));
    }

    #[test]
    fn unchanged_text_is_not_an_edit() {
        let state = reduce(Rc::new(State::default()), Action::Edit("x".to_owned()));
        let same = reduce(state.clone(), Action::Edit("x".to_owned()));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn load_example_analyzes_at_once() {
        let state = reduce(Rc::new(State::default()), Action::LoadExample);
        assert_eq!(state.text, EXAMPLE_PLAN);
        assert!(!state.pending());
        assert!(
            rules(&state).contains(&"seq-scan-selective-filter"),
            "{:?}",
            rules(&state)
        );
        let report = state.report.as_ref().expect("report");
        assert!(report.notes.is_empty(), "{:?}", report.notes);
    }

    #[test]
    fn old_report_stays_visible_while_typing() {
        let state = reduce(Rc::new(State::default()), Action::LoadExample);
        let state = reduce(state, Action::Edit(format!("{EXAMPLE_PLAN} ")));
        assert!(state.pending());
        assert!(state.report.is_some());
    }

    #[test]
    fn clear_drops_the_report() {
        let state = reduce(Rc::new(State::default()), Action::LoadExample);
        let state = reduce(state, Action::Clear);
        assert!(state.text.is_empty());
        assert!(state.report.is_none());
        assert!(!state.pending());
    }

    #[test]
    fn whitespace_only_input_has_no_report() {
        let state = reduce(Rc::new(State::default()), Action::Edit("  \n\t".to_owned()));
        let state = reduce(state, Action::Analyze(1));
        assert!(state.report.is_none());
    }

    #[test]
    fn unreadable_plan_becomes_a_note() {
        let state = reduce(
            Rc::new(State::default()),
            Action::Edit("[{\"Plan\": ".to_owned()),
        );
        let state = reduce(state, Action::Analyze(1));
        let report = state.report.as_ref().expect("report");
        assert!(report.findings.is_empty());
        assert!(
            !report.notes.is_empty(),
            "a parse error should be reported as a note"
        );
    }
}
