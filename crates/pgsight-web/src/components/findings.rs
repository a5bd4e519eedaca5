//! The findings, ranked as the core ranked them, each with its five parts: diagnosis
//! and evidence, fix, impact, risk, rollback.

use std::rc::Rc;

use pgsight_core::report::Action as FixAction;
use pgsight_core::Finding;
use yew::prelude::*;

use super::{severity_class, ReportRef, SeverityBadge, SqlBlock};
use crate::dom;
use crate::format::{plural, position};
use crate::route::Route;
use crate::state::{visible_findings, Filters};

#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub report: ReportRef,
    pub filters: Filters,
    pub shown: usize,
    /// False while the rest of the findings are on their way: "Show more" waits.
    pub complete: bool,
    pub selected: Option<usize>,
    pub seq: u64,
    pub on_select: Callback<usize>,
    pub on_show_more: Callback<()>,
    pub on_clear_filters: Callback<()>,
}

pub fn finding_dom_id(index: usize) -> String {
    format!("finding-{index}")
}

#[component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let visible = {
        let filters = props.filters.clone();
        use_memo((props.report.clone(), filters), |(r, f)| {
            visible_findings(r, f)
        })
    };
    // Bring the selected finding into view.
    use_effect_with((props.seq, props.selected), |(_, selected)| {
        if let Some(i) = selected {
            dom::scroll_into_view(&finding_dom_id(*i));
        }
    });

    let total = props.report.findings.len();
    let hidden = total - visible.len();
    let more = visible.len().saturating_sub(props.shown);
    html! {
        <section class="findings" aria-labelledby="findings-title" data-testid="findings">
            <h2 class="visually-hidden" id="findings-title">{ "Findings" }</h2>
            if visible.is_empty() && total > 0 {
                <p class="empty-findings">
                    { format!("The filters hide all {}. ", plural(total, "finding")) }
                    <button type="button" class="linklike" onclick={props.on_clear_filters.reform(|_: MouseEvent| ())}>
                        { "Show all" }
                    </button>
                </p>
            }
            for &index in visible.iter().take(props.shown) {
                <FindingCard key={index} index={index}
                    finding={Rc::new(props.report.findings[index].clone())}
                    input_name={props.report.inputs.get(props.report.findings[index].location.input).map(|i| AttrValue::from(i.name.clone()))}
                    selected={props.selected == Some(index)}
                    on_select={props.on_select.clone()} />
            }
            if more > 0 && props.complete {
                <button type="button" class="button show-more" data-testid="show-more"
                    onclick={props.on_show_more.reform(|_: MouseEvent| ())}>
                    { format!("Show {} more", more.min(crate::state::FINDINGS_PAGE)) }
                    <span class="muted">{ format!(" ({more} not shown)") }</span>
                </button>
            }
            if hidden > 0 && !visible.is_empty() {
                <p class="muted small filtered-note">
                    { format!("{} hidden by the filters. ", plural(hidden, "finding")) }
                    <button type="button" class="linklike" onclick={props.on_clear_filters.reform(|_: MouseEvent| ())}>
                        { "Show all" }
                    </button>
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct FindingCardProps {
    index: usize,
    finding: Rc<Finding>,
    input_name: Option<AttrValue>,
    selected: bool,
    on_select: Callback<usize>,
}

#[component]
fn FindingCard(props: &FindingCardProps) -> Html {
    let f = &props.finding;
    let index = props.index;
    let title_id = format!("finding-title-{index}");
    let location = match (&f.location.node_label, f.location.line) {
        (Some(label), Some(line)) => Some(format!("{label} · line {line}")),
        (Some(label), None) => Some(label.clone()),
        (None, Some(_)) => {
            let at = position(f.location.line, f.location.column).unwrap_or_default();
            Some(match &props.input_name {
                Some(name) => format!("{name}, {at}"),
                None => at,
            })
        }
        (None, None) => None,
    };
    let select = props.on_select.reform(move |_: MouseEvent| index);
    // A click anywhere on the card selects it too, except on its controls and code.
    let on_card_click = {
        let on_select = props.on_select.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let inside_control = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("button, a, pre, dl").ok().flatten())
                .is_some();
            if !inside_control {
                on_select.emit(index);
            }
        })
    };
    html! {
        <article id={finding_dom_id(index)}
            class={classes!("finding", severity_class(f.severity), props.selected.then_some("selected"))}
            aria-labelledby={title_id.clone()}
            data-testid="finding" data-rule={f.rule} data-severity={f.severity.as_str()}
            data-index={index.to_string()} onclick={on_card_click}>
            <header class="finding-head">
                <SeverityBadge severity={f.severity} />
                <h3 class="finding-title" id={title_id}>{ f.title.clone() }</h3>
                <a class="rule-link" href={Route::Rule(f.rule.to_owned()).href()}
                    title="What this rule checks, and why" data-testid="rule-link">
                    <code>{ f.rule }</code>
                </a>
            </header>
            if let Some(location) = location {
                <button type="button" class="location" data-testid="finding-location" onclick={select}
                    title="Show it in the plan or the input">
                    <svg class="pin" viewBox="0 0 16 16" aria-hidden="true">
                        <circle cx="8" cy="8" r="5" fill="none" stroke="currentColor" stroke-width="1.6" />
                        <circle cx="8" cy="8" r="1.8" fill="currentColor" />
                    </svg>
                    { location }
                </button>
            }
            <p class="message" data-part="diagnosis">{ f.message.clone() }</p>
            if !f.evidence.is_empty() {
                <dl class="evidence" aria-label="Evidence">
                    for e in f.evidence.iter() {
                        <div class="evidence-row">
                            <dt>{ e.label.clone() }</dt>
                            <dd>{ e.value.clone() }</dd>
                        </div>
                    }
                </dl>
            }
            <div class="parts">
                <ActionPart label="Fix" part="fix" action={f.fix.clone()} />
                <TextPart label="Impact" part="impact" text={f.impact.text.clone()} />
                <TextPart label="Risk" part="risk" text={f.risk.clone()} />
                <ActionPart label="Rollback" part="rollback" action={f.rollback.clone()} />
            </div>
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct TextPartProps {
    label: AttrValue,
    part: AttrValue,
    text: AttrValue,
}

#[component]
fn TextPart(props: &TextPartProps) -> Html {
    if props.text.is_empty() {
        return html! {};
    }
    html! {
        <section class={classes!("part", props.part.to_string())} data-part={props.part.clone()}>
            <h4>{ props.label.clone() }</h4>
            <p>{ props.text.clone() }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ActionPartProps {
    label: AttrValue,
    part: AttrValue,
    action: FixAction,
}

#[component]
fn ActionPart(props: &ActionPartProps) -> Html {
    let action = &props.action;
    if action.text.is_empty() && action.sql.is_none() {
        return html! {};
    }
    html! {
        <section class={classes!("part", props.part.to_string(), action.sql.is_some().then_some("has-sql"))}
            data-part={props.part.clone()}>
            <h4>{ props.label.clone() }</h4>
            if !action.text.is_empty() {
                <p>{ action.text.clone() }</p>
            }
            if let Some(sql) = action.sql.clone() {
                <SqlBlock sql={sql} what={props.part.clone()} />
            }
        </section>
    }
}
