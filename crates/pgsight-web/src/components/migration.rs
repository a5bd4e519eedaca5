//! The migration view: each statement of the migration with the locks it takes, the
//! work it does under them and its transaction state, then the rollback plan with a
//! copy button for the whole script.

use pgsight_core::report::MigrationStatement;
use yew::prelude::*;

use super::{CopyButton, ReportRef};
use crate::format::plural;
use crate::state::Slot;
use crate::views::rollback_script;

#[derive(Properties, PartialEq)]
pub struct MigrationViewProps {
    pub report: ReportRef,
    /// A statement's line was clicked: select it in the SQL input.
    pub on_select_line: Callback<(Slot, u32)>,
}

#[component]
pub fn MigrationView(props: &MigrationViewProps) -> Html {
    let report = &props.report;
    let script = use_memo(report.clone(), |r| rollback_script(r));
    let irreversible = report.rollback_plan.iter().filter(|s| s.irreversible).count();
    html! {
        <section class="tree-pane migration-pane" aria-labelledby="migration-title" data-testid="migration-view">
            <div class="pane-head">
                <h2 class="pane-title" id="migration-title">{ "Migration" }</h2>
                <span class="muted small">
                    { plural(report.migration.iter().map(|m| m.statements.len()).sum(), "statement") }
                </span>
            </div>
            <div class="schema-scroll">
                for summary in report.migration.iter() {
                    <table class="migration-statements" data-testid="migration-statements">
                        <caption class="visually-hidden">
                            { format!("Statements of {}", report.inputs.get(summary.input).map_or("the migration", |i| i.name.as_str())) }
                        </caption>
                        <thead>
                            <tr>
                                <th scope="col" class="num">{ "Line" }</th>
                                <th scope="col">{ "Statement" }</th>
                                <th scope="col">{ "Transaction" }</th>
                                <th scope="col">{ "Locks and work" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            for statement in summary.statements.iter() {
                                <StatementRow statement={statement.clone()} on_select_line={props.on_select_line.clone()} />
                            }
                        </tbody>
                    </table>
                }
                if !report.rollback_plan.is_empty() {
                    <section class="rollback" aria-labelledby="rollback-title" data-testid="rollback-plan">
                        <div class="rollback-head">
                            <h3 id="rollback-title">{ "Rollback plan" }</h3>
                            <span class="muted small">
                                { format!("{}, run in this order", plural(report.rollback_plan.len(), "step")) }
                                if irreversible > 0 {
                                    <span class="tag invalid">{ format!("{irreversible} irreversible without a backup") }</span>
                                }
                            </span>
                            <span class="spacer" />
                            <CopyButton text={AttrValue::from((*script).clone())} label="Copy rollback script"
                                testid="copy-rollback" aria_label="Copy the whole rollback script" />
                        </div>
                        <div class="sql">
                            <pre data-testid="rollback-script"><code class="language-sql">{ (*script).clone() }</code></pre>
                        </div>
                    </section>
                }
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct StatementRowProps {
    statement: MigrationStatement,
    on_select_line: Callback<(Slot, u32)>,
}

#[component]
fn StatementRow(props: &StatementRowProps) -> Html {
    let s = &props.statement;
    let line = s.line;
    html! {
        <tr data-testid="migration-statement">
            <td class="num">
                <button type="button" class="linklike" title="Show it in the SQL input"
                    onclick={props.on_select_line.reform(move |_: MouseEvent| (Slot::Sql, line))}>
                    { line.to_string() }
                </button>
            </td>
            <td><code class="migration-sql">{ s.sql.clone() }</code></td>
            <td class="small">{ s.transaction.clone() }</td>
            <td class="small">
                <ul class="locks">
                    for lock in s.locks.iter() {
                        <li>
                            <strong>{ lock.mode.clone() }</strong>{ format!(" on {}", lock.relation) }
                            if lock.new_table { <span class="tag">{ "new table" }</span> }
                            <span class="muted">{ format!(" · {} · {}", lock.work, lock.blocks) }</span>
                            if let Some(until) = lock.held_until_line {
                                <span class="muted">{ format!(" · held until line {until}") }</span>
                            }
                        </li>
                    }
                    if let Some(t) = &s.lock_timeout {
                        <li class="muted">{ format!("lock_timeout {t}") }</li>
                    }
                    if let Some(t) = &s.statement_timeout {
                        <li class="muted">{ format!("statement_timeout {t}") }</li>
                    }
                    for note in s.notes.iter() {
                        <li class="muted">{ note.clone() }</li>
                    }
                </ul>
            </td>
        </tr>
    }
}
