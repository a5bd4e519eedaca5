//! The inputs: Plan, Schema and SQL tabs, each a textarea that takes a paste, a
//! dropped file or an opened one. Parse errors are listed under the text with their
//! position; a click selects it in the textarea.

use std::rc::Rc;

use pgsight_core::plan::PlanFormat;
use pgsight_core::report::InputSummary;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::editor::{Editor, Jump};
use super::ReportRef;
use crate::dom;
use crate::format::{plural, position};
use crate::state::{marks, Action, Mark, Slot, State, Target};

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub state: UseReducerHandle<State>,
}

fn placeholder(slot: Slot, migration: bool) -> &'static str {
    match slot {
        Slot::Plan => "Paste EXPLAIN output: JSON from EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON), or the text of EXPLAIN ANALYZE. Or drop a file here.",
        Slot::Schema => "Paste your schema: CREATE TABLE, CREATE INDEX… (pg_dump --schema-only works). Or drop a .sql file here.",
        Slot::Sql if migration => "Paste a migration: the DDL you are about to run (ALTER TABLE, CREATE INDEX…). Or drop a .sql file here.",
        Slot::Sql => "Paste the queries the application runs. Or drop a .sql file here.",
    }
}

/// `JSON · 1 plan · 3 nodes`, for the plan input that was read.
fn plan_summary(inputs: &[InputSummary]) -> Option<String> {
    let input = inputs
        .iter()
        .find(|i| Slot::of_kind(i.kind) == Slot::Plan && i.ok)?;
    let format = match input.format? {
        PlanFormat::Json => "JSON",
        PlanFormat::Text => "text",
    };
    Some(format!(
        "{format} · {} · {}",
        plural(input.plans, "plan"),
        plural(input.nodes, "node")
    ))
}

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let state = &props.state;
    let slot = state.tab;
    let report = state.report.clone().map(ReportRef);
    let slot_marks: Rc<Vec<Mark>> = {
        let report = report.clone();
        use_memo((report, slot), |(report, slot)| {
            report.as_ref().map(|r| marks(r, *slot)).unwrap_or_default()
        })
    };
    // Notes without a position, for this tab's input.
    let loose_notes: Vec<String> = report
        .as_ref()
        .map(|r| {
            r.notes
                .iter()
                .filter(|n| n.line.is_none())
                .filter(|n| {
                    r.inputs
                        .get(n.input)
                        .is_some_and(|i| Slot::of_kind(i.kind) == slot)
                })
                .map(|n| n.message.clone())
                .collect()
        })
        .unwrap_or_default();

    let jump = match &state.selection.target {
        Some(Target::Line {
            slot: s,
            line,
            column,
        }) if *s == slot => Some(Jump {
            line: *line,
            column: *column,
            seq: state.selection.seq,
        }),
        _ => None,
    };
    // A text plan's node has a line: tint it when the node is selected.
    let highlight = match (&state.selection.target, &report) {
        (Some(Target::Node { plan, node }), Some(r)) if slot == Slot::Plan => r
            .plans
            .get(*plan)
            .and_then(|p| p.nodes.get(*node))
            .and_then(|n| n.line),
        _ => None,
    };

    let on_edit = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(Action::Edit(slot, text)))
    };
    // A whole document (a file, a paste): analyzed at once, without the debounce.
    let on_open = {
        let dispatcher = state.dispatcher();
        Callback::from(move |text: String| dispatcher.dispatch(Action::Open(slot, text)))
    };
    let on_open_file = {
        let on_open = on_open.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                let on_open = on_open.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = dom::read_file(file).await {
                        on_open.emit(text);
                    }
                });
            }
            // Opening the same file again is a change too.
            input.set_value("");
        })
    };
    let on_clear_tab = {
        let on_edit = on_edit.clone();
        Callback::from(move |_: MouseEvent| on_edit.emit(String::new()))
    };
    let set_migration = |on: bool| {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::SetMigration(on)))
    };
    let on_tab_key = {
        let dispatcher = state.dispatcher();
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowRight" => 1,
                "ArrowLeft" => -1,
                _ => return,
            };
            e.prevent_default();
            let at = Slot::ALL.iter().position(|s| *s == slot).unwrap_or(0) as isize;
            let next = Slot::ALL[((at + step).rem_euclid(Slot::ALL.len() as isize)) as usize];
            dispatcher.dispatch(Action::SelectTab(next));
            dom::focus(&format!("tab-{}", next.id()));
        })
    };

    let text = state.inputs.text(slot).clone();
    let editor_id = format!("{}-input", slot.id());
    let errors_id = format!("{}-errors", slot.id());
    let detected = (slot == Slot::Plan)
        .then(|| report.as_ref().and_then(|r| plan_summary(&r.inputs)))
        .flatten();

    html! {
        <section class="panel inputs-panel" aria-label="Inputs">
            <div class="tabs" role="tablist" aria-label="Inputs" onkeydown={on_tab_key}>
                for s in Slot::ALL {
                    <button type="button" role="tab" key={s.id()}
                        id={format!("tab-{}", s.id())}
                        data-testid={format!("tab-{}", s.id())}
                        class={classes!("tab", (s == slot).then_some("active"))}
                        aria-selected={(s == slot).to_string()}
                        aria-controls={(s == slot).then(|| format!("tabpanel-{}", s.id()))}
                        tabindex={if s == slot { "0" } else { "-1" }}
                        onclick={{ let d = state.dispatcher(); Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectTab(s))) }}>
                        { s.label() }
                        if !state.inputs.text(s).trim().is_empty() {
                            <span class="filled" aria-hidden="true" />
                            <span class="visually-hidden">{ " (has text)" }</span>
                        }
                        if report.as_ref().is_some_and(|r| r.notes.iter().any(|n| n.level == pgsight_core::report::NoteLevel::Error && r.inputs.get(n.input).is_some_and(|i| Slot::of_kind(i.kind) == s))) {
                            <span class="tab-error" aria-hidden="true">{ "!" }</span>
                            <span class="visually-hidden">{ " (has errors)" }</span>
                        }
                    </button>
                }
            </div>
            <div class="tabpanel" role="tabpanel" id={format!("tabpanel-{}", slot.id())}
                aria-labelledby={format!("tab-{}", slot.id())}>
                <div class="input-toolbar">
                    if slot == Slot::Schema {
                        <super::schema::SnapshotMenu />
                    }
                    if slot == Slot::Sql {
                        <div class="segmented" role="group" aria-label="What the SQL is">
                            <button type="button" data-testid="sql-queries"
                                class={classes!(( !state.inputs.sql_is_migration).then_some("on"))}
                                aria-pressed={(!state.inputs.sql_is_migration).to_string()}
                                onclick={set_migration(false)}>{ "Queries" }</button>
                            <button type="button" data-testid="sql-migration"
                                class={classes!(state.inputs.sql_is_migration.then_some("on"))}
                                aria-pressed={state.inputs.sql_is_migration.to_string()}
                                onclick={set_migration(true)}>{ "Migration" }</button>
                        </div>
                    } else if let Some(detected) = detected {
                        <span class="detected" data-testid="detected">{ detected }</span>
                    } else {
                        <span class="muted small">{ match slot {
                            Slot::Plan => "JSON or text, detected",
                            Slot::Schema => "DDL or a health snapshot",
                            Slot::Sql => "",
                        } }</span>
                    }
                    <span class="spacer" />
                    <label class="button small ghost file-button">
                        <input type="file" class="visually-hidden" data-testid={format!("{}-file", slot.id())}
                            accept=".json,.txt,.sql,.log,.plan,text/plain,application/json"
                            onchange={on_open_file} />
                        { "Open file…" }
                    </label>
                    <button type="button" class="button small ghost" data-testid={format!("{}-clear", slot.id())}
                        disabled={text.is_empty()} onclick={on_clear_tab}>{ "Clear" }</button>
                </div>
                <Editor
                    key={slot.id()}
                    id={editor_id}
                    text={text}
                    label={format!("{} input", slot.label())}
                    placeholder={placeholder(slot, state.inputs.sql_is_migration)}
                    marks={slot_marks.clone()}
                    highlight={highlight}
                    jump={jump}
                    on_edit={on_edit}
                    on_open={on_open}
                    describedby={(!slot_marks.is_empty()).then(|| AttrValue::from(errors_id.clone()))}
                />
                if !slot_marks.is_empty() || !loose_notes.is_empty() {
                    <ul class="input-errors" id={errors_id} data-testid="input-errors" aria-label="Problems in this input">
                        for mark in slot_marks.iter() {
                            <li class={classes!("input-error", if mark.error { "error" } else { "warning" })}
                                data-testid="input-error" data-line={mark.line.to_string()}>
                                <button type="button" class="linklike position" data-testid="goto-error"
                                    onclick={{
                                        let d = state.dispatcher();
                                        let (line, column) = (mark.line, mark.column);
                                        Callback::from(move |_: MouseEvent| d.dispatch(Action::SelectLine { slot, line, column }))
                                    }}>
                                    { position(Some(mark.line), mark.column).unwrap_or_default() }
                                </button>
                                <span class="message">{ mark.message.clone() }</span>
                            </li>
                        }
                        for message in loose_notes.iter() {
                            <li class="input-error warning" data-testid="input-note">
                                <span class="message">{ message.clone() }</span>
                            </li>
                        }
                    </ul>
                }
            </div>
        </section>
    }
}
