//! The plan tree: one fixed-height row per visible node, and only the rows in view are
//! in the DOM (a 10,000-node plan scrolls like a 10-node one). Keyboard: the WAI-ARIA
//! tree pattern on the focused tree (`aria-activedescendant`), Enter selects.

use std::collections::HashSet;
use std::rc::Rc;

use pgsight_core::report::{NodeView, PlanView};
use pgsight_core::Severity;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::{severity_class, ReportRef};
use crate::format::{
    buffers_long, buffers_short, compact, grouped, misestimate_badge, misestimate_title, ms,
    percent, plural,
};
use crate::state::findings_by_node;
use crate::tree::{center, navigate, reveal, window, Key, Shape, ROW_HEIGHT};

#[derive(Properties, PartialEq)]
pub struct PlanTreeProps {
    pub report: ReportRef,
    /// The selected node (plan index into `report.plans`, node id) and the selection's
    /// sequence number: a new number scrolls to it.
    pub selected: Option<(usize, usize)>,
    pub seq: u64,
    pub on_select_node: Callback<(usize, usize)>,
    pub on_select_finding: Callback<usize>,
}

/// The tree's own state: which plan, what is collapsed, the keyboard cursor.
#[derive(Clone, PartialEq, Default)]
struct TreeUi {
    plan: usize,
    collapsed: HashSet<usize>,
    active: usize,
}

fn row_id(plan: usize, node: usize) -> String {
    format!("node-{plan}-{node}")
}

#[component]
pub fn PlanTree(props: &PlanTreeProps) -> Html {
    let report = &props.report;
    let ui = use_state(TreeUi::default);
    let scroll_ref = use_node_ref();
    let view = use_state(|| (0.0_f64, 400.0_f64));

    let plan_index = ui.plan.min(report.plans.len().saturating_sub(1));
    let plan: &PlanView = &report.plans[plan_index];

    let shape = use_memo((report.clone(), plan_index), |(r, p)| {
        Shape::of(&r.plans[*p].nodes)
    });
    let positions = use_memo(shape.clone(), |s| s.positions_in_sets());
    let by_node = use_memo((report.clone(), plan_index), |(r, p)| {
        findings_by_node(r, *p)
    });
    let visible = {
        let collapsed = ui.collapsed.clone();
        use_memo((shape.clone(), collapsed), |(s, c)| s.visible(c))
    };

    // A plan of another size: what was collapsed no longer means anything.
    {
        let ui = ui.clone();
        use_effect_with((report.plans.len(), plan.nodes.len()), move |_| {
            if !ui.collapsed.is_empty() || ui.active != 0 {
                ui.set(TreeUi {
                    plan: ui.plan,
                    ..TreeUi::default()
                });
            }
        });
    }

    // Scroll to the selected node: switch plan, open its ancestors, center it.
    {
        let ui = ui.clone();
        let scroll_ref = scroll_ref.clone();
        let report = report.clone();
        let view = view.clone();
        use_effect_with((props.seq, props.selected), move |(_, selected)| {
            let Some((plan, node)) = *selected else {
                return;
            };
            let Some(p) = report.plans.get(plan) else {
                return;
            };
            if node >= p.nodes.len() {
                return;
            }
            let shape = Shape::of(&p.nodes);
            let mut collapsed = if plan == ui.plan {
                ui.collapsed.clone()
            } else {
                HashSet::new()
            };
            for a in shape.ancestors(node) {
                collapsed.remove(&a);
            }
            let visible = shape.visible(&collapsed);
            let index = visible.iter().position(|&v| v == node).unwrap_or(0);
            ui.set(TreeUi {
                plan,
                collapsed,
                active: node,
            });
            if let Some(el) = scroll_ref.cast::<HtmlElement>() {
                let height = f64::from(el.client_height());
                let top = f64::from(el.scroll_top());
                if reveal(index, top, height).is_some() {
                    let to = center(index, height);
                    el.set_scroll_top(to as i32);
                    view.set((to, height));
                }
            }
        });
    }
    // Keep the window's idea of the viewport current (first render, resizes).
    {
        let scroll_ref = scroll_ref.clone();
        let view = view.clone();
        use_effect(move || {
            if let Some(el) = scroll_ref.cast::<HtmlElement>() {
                let now = (f64::from(el.scroll_top()), f64::from(el.client_height()));
                if now != *view && now.1 > 0.0 {
                    view.set(now);
                }
            }
        });
    }

    let onscroll = {
        let view = view.clone();
        Callback::from(move |e: Event| {
            let el: HtmlElement = e.target_unchecked_into();
            view.set((f64::from(el.scroll_top()), f64::from(el.client_height())));
        })
    };

    let toggle = {
        let ui = ui.clone();
        Callback::from(move |(node, open): (usize, bool)| {
            let mut next = (*ui).clone();
            if open {
                next.collapsed.remove(&node);
            } else {
                next.collapsed.insert(node);
            }
            ui.set(next);
        })
    };

    let onkeydown = {
        let ui = ui.clone();
        let shape = shape.clone();
        let visible = visible.clone();
        let scroll_ref = scroll_ref.clone();
        let view = view.clone();
        let on_select = props.on_select_node.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Enter" || key == " " {
                e.prevent_default();
                on_select.emit((plan_index, ui.active));
                return;
            }
            let Some(key) = Key::from_dom(&key) else {
                return;
            };
            e.prevent_default();
            let height = view.1;
            let page = (height / ROW_HEIGHT).floor().max(1.0) as usize;
            let step = navigate(&shape, &visible, &ui.collapsed, ui.active, key, page);
            let mut next = (*ui).clone();
            next.active = step.active;
            if let Some((node, open)) = step.toggle {
                if open {
                    next.collapsed.remove(&node);
                } else {
                    next.collapsed.insert(node);
                }
            }
            let now_visible = shape.visible(&next.collapsed);
            ui.set(next);
            if let (Some(index), Some(el)) = (
                now_visible.iter().position(|&v| v == step.active),
                scroll_ref.cast::<HtmlElement>(),
            ) {
                if let Some(to) = reveal(
                    index,
                    f64::from(el.scroll_top()),
                    f64::from(el.client_height()),
                ) {
                    el.set_scroll_top(to as i32);
                    view.set((to, f64::from(el.client_height())));
                }
            }
        })
    };

    let set_all = |open: bool| {
        let ui = ui.clone();
        let shape = shape.clone();
        Callback::from(move |_: MouseEvent| {
            let collapsed = if open {
                HashSet::new()
            } else {
                // Everything below the root's children folds away.
                (0..shape.len())
                    .filter(|&i| shape.has_children[i] && shape.depth[i] >= 1)
                    .collect()
            };
            ui.set(TreeUi {
                collapsed,
                ..(*ui).clone()
            });
        })
    };

    let (scroll_top, height) = *view;
    let window = window(scroll_top, height, visible.len());
    let selected_node = props
        .selected
        .filter(|(p, _)| *p == plan_index)
        .map(|(_, n)| n);
    let active_index = visible.iter().position(|&v| v == ui.active);
    let active = active_index.map_or_else(|| visible.first().copied().unwrap_or(0), |_| ui.active);
    // The rows in view, and the active row even when scrolled away: the tree's
    // aria-activedescendant must point at an element.
    let mut rows: Vec<usize> = window.clone().collect();
    if let Some(i) = active_index.filter(|i| !window.contains(i)) {
        rows.push(i);
    }
    let total_height = format!("height: {}px", visible.len() as f64 * ROW_HEIGHT);
    // As tall as the rows, up to what the pane allows (CSS max-height, flex-shrink).
    let rows_height = (visible.len() as f64 * ROW_HEIGHT + 2.0).min(1.0e6);
    let scroll_height = format!(
        "height: {rows_height}px; min-height: {}px",
        rows_height.min(ROW_HEIGHT * 4.0)
    );
    let detail = selected_node.and_then(|n| plan.nodes.get(n)).cloned();

    html! {
        <section class="tree-pane" aria-label="Plan tree" data-testid="plan-tree">
            <div class="pane-head">
                <h2 class="pane-title" id="tree-title">{ "Plan" }</h2>
                <span class="muted small" data-testid="plan-timing">
                    { timing(plan) }
                </span>
                if report.plans.len() > 1 {
                    <label class="small plan-picker">
                        <span class="visually-hidden">{ "Plan to show" }</span>
                        <select onchange={{
                            let ui = ui.clone();
                            Callback::from(move |e: Event| {
                                let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                                let plan = select.value().parse().unwrap_or(0);
                                ui.set(TreeUi { plan, ..TreeUi::default() });
                            })
                        }}>
                            for (i, p) in report.plans.iter().enumerate() {
                                <option value={i.to_string()} selected={i == plan_index}>
                                    { format!("Plan {} · {}", i + 1, plural(p.nodes.len(), "node")) }
                                </option>
                            }
                        </select>
                    </label>
                }
                <span class="spacer" />
                <button type="button" class="button small ghost" onclick={set_all(true)}>{ "Expand all" }</button>
                <button type="button" class="button small ghost" onclick={set_all(false)}>{ "Collapse" }</button>
            </div>
            <div class="tree-columns" aria-hidden="true">
                <span>{ "Node" }</span>
                <span>{ "Self time" }</span>
                <span class="num">{ "Rows: actual / est." }</span>
                <span class="num">{ "Loops" }</span>
                <span class="num">{ "Buffers" }</span>
            </div>
            <div class="tree-scroll" ref={scroll_ref.clone()} tabindex="0" role="tree"
                aria-labelledby="tree-title"
                aria-activedescendant={row_id(plan_index, active)}
                data-testid="tree-scroll" data-rows={visible.len().to_string()} style={scroll_height}
                {onscroll} {onkeydown}>
                <div class="tree-canvas" role="presentation" style={total_height}>
                    for index in rows {
                        <TreeRow
                            key={visible[index]}
                            plan={plan_index}
                            node={Rc::new(plan.nodes[visible[index]].clone())}
                            index={index}
                            has_children={shape.has_children[visible[index]]}
                            expanded={!ui.collapsed.contains(&visible[index])}
                            position={positions[visible[index]]}
                            active={visible[index] == active}
                            selected={Some(visible[index]) == selected_node}
                            findings={by_node.get(&visible[index]).cloned().map(Rc::new)}
                            report={report.clone()}
                            on_toggle={toggle.clone()}
                            on_select={{
                                let on_select = props.on_select_node.clone();
                                let ui = ui.clone();
                                let scroll_ref = scroll_ref.clone();
                                Callback::from(move |node: usize| {
                                    ui.set(TreeUi { active: node, ..(*ui).clone() });
                                    if let Some(el) = scroll_ref.cast::<HtmlElement>() { let _ = el.focus(); }
                                    on_select.emit((plan_index, node));
                                })
                            }}
                            on_select_finding={props.on_select_finding.clone()}
                        />
                    }
                </div>
            </div>
            if let Some(node) = detail {
                <NodeDetails node={Rc::new(node)} findings={by_node.get(&selected_node.unwrap_or(0)).map(Vec::len).unwrap_or(0)} />
            }
        </section>
    }
}

fn timing(plan: &PlanView) -> String {
    let mut parts = Vec::new();
    if let Some(e) = plan.execution_ms {
        parts.push(format!("Execution {}", ms(e)));
    }
    if let Some(p) = plan.planning_ms {
        parts.push(format!("Planning {}", ms(p)));
    }
    parts.push(plural(plan.nodes.len(), "node"));
    parts.join(" · ")
}

#[derive(Properties, PartialEq)]
struct TreeRowProps {
    plan: usize,
    node: Rc<NodeView>,
    index: usize,
    has_children: bool,
    expanded: bool,
    position: (usize, usize),
    active: bool,
    selected: bool,
    findings: Option<Rc<Vec<usize>>>,
    report: ReportRef,
    on_toggle: Callback<(usize, bool)>,
    on_select: Callback<usize>,
    on_select_finding: Callback<usize>,
}

#[component]
fn TreeRow(props: &TreeRowProps) -> Html {
    let n = &props.node;
    let id = n.id;
    let share = n.exclusive_share.unwrap_or(0.0).clamp(0.0, 1.0);
    let onclick = props.on_select.reform(move |_: MouseEvent| id);
    let on_twisty = {
        let on_toggle = props.on_toggle.clone();
        let open = !props.expanded;
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            on_toggle.emit((id, open));
        })
    };
    // Findings at this node, counted by severity (most severe first).
    let counts: Vec<(Severity, usize, usize)> = props
        .findings
        .as_ref()
        .map(|f| {
            [Severity::Error, Severity::Warning, Severity::Info]
                .into_iter()
                .filter_map(|s| {
                    let of: Vec<usize> = f
                        .iter()
                        .copied()
                        .filter(|&i| props.report.findings[i].severity == s)
                        .collect();
                    (!of.is_empty()).then(|| (s, of.len(), of[0]))
                })
                .collect()
        })
        .unwrap_or_default();
    let misestimate = n
        .misestimate
        .as_ref()
        .and_then(|m| misestimate_badge(m).map(|b| (b, misestimate_title(m))));
    let rows = match (n.actual_rows, n.plan_rows) {
        (Some(a), Some(p)) => format!("{} / {}", compact(a), compact(p)),
        (None, Some(p)) => format!("– / {}", compact(p)),
        (Some(a), None) => compact(a),
        (None, None) => String::new(),
    };
    let top = format!("top: {}px", props.index as f64 * ROW_HEIGHT);
    let indent = format!("padding-left: {}px", 6 + n.depth * 18);

    html! {
        <div role="treeitem" id={row_id(props.plan, id)}
            class={classes!(
                "tree-row",
                props.active.then_some("active"),
                props.selected.then_some("selected"),
                n.never_executed.then_some("never"),
            )}
            style={top}
            aria-level={(n.depth + 1).to_string()}
            aria-setsize={props.position.1.to_string()}
            aria-posinset={props.position.0.to_string()}
            aria-expanded={props.has_children.then(|| props.expanded.to_string())}
            aria-selected={props.selected.to_string()}
            data-node={id.to_string()}
            {onclick}>
            <span class="cell name" style={indent}>
                if props.has_children {
                    <span class={classes!("twisty", props.expanded.then_some("open"))} aria-hidden="true"
                        onclick={on_twisty}>{ "▸" }</span>
                } else {
                    <span class="twisty leaf" aria-hidden="true" />
                }
                if let Some(sub) = &n.subplan {
                    <span class="tag subplan">{ sub.clone() }</span>
                }
                <span class="label" title={n.label.clone()}>{ n.label.clone() }</span>
                if n.never_executed {
                    <span class="tag">{ "never executed" }</span>
                }
                for (severity, count, first) in counts {
                    <button type="button" tabindex="-1"
                        class={classes!("node-badge", severity_class(severity))}
                        data-testid="node-badge"
                        aria-label={format!("{} {}: show", plural(count, "finding"), severity.as_str())}
                        title={format!("{} ({})", plural(count, "finding"), severity.as_str())}
                        onclick={{
                            let on = props.on_select_finding.clone();
                            Callback::from(move |e: MouseEvent| { e.stop_propagation(); on.emit(first); })
                        }}>
                        <span class="dot" aria-hidden="true" />{ count }
                    </button>
                }
            </span>
            <span class="cell time" title={n.exclusive_ms.map(|v| format!("{} exclusive", ms(v))).unwrap_or_default()}>
                if n.exclusive_share.is_some() {
                    <span class="bar" aria-hidden="true">
                        <span class={classes!("fill", (share >= 0.3).then_some("hot"))}
                            style={format!("width: {:.1}%", share * 100.0)} />
                    </span>
                    <span class="pct">{ percent(share) }</span>
                }
            </span>
            <span class="cell num rows">
                { rows }
                if let Some((badge, title)) = misestimate {
                    <span class="misestimate" title={title} data-testid="misestimate">{ badge }</span>
                }
            </span>
            <span class="cell num">
                { n.loops.filter(|l| *l > 1.0).map(|l| format!("×{}", compact(l))).unwrap_or_default() }
            </span>
            <span class="cell num" title={buffers_long(&n.buffers).unwrap_or_default()}>
                { buffers_short(&n.buffers).unwrap_or_default() }
            </span>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct NodeDetailsProps {
    node: Rc<NodeView>,
    findings: usize,
}

#[component]
fn NodeDetails(props: &NodeDetailsProps) -> Html {
    let n = &props.node;
    // (label, value, is plan text such as a condition)
    let mut facts: Vec<(String, String, bool)> = Vec::new();
    if let Some(v) = n.exclusive_ms {
        facts.push((
            "Self time".into(),
            format!("{} ({})", ms(v), percent(n.exclusive_share.unwrap_or(0.0))),
            false,
        ));
    }
    if let Some(v) = n.inclusive_ms {
        facts.push(("Total time".into(), ms(v), false));
    }
    if let Some(a) = n.actual_rows {
        let mut rows = format!("{} actual", grouped(a));
        if let Some(p) = n.plan_rows {
            rows.push_str(&format!(" · {} estimated", grouped(p)));
        }
        rows.push_str(" (per loop)");
        facts.push(("Rows".into(), rows, false));
    } else if let Some(p) = n.plan_rows {
        facts.push(("Rows".into(), format!("{} estimated", grouped(p)), false));
    }
    if let Some(m) = &n.misestimate {
        facts.push(("Estimate".into(), misestimate_title(m), false));
    }
    if let Some(l) = n.loops {
        facts.push(("Loops".into(), grouped(l), false));
    }
    if let Some(b) = buffers_long(&n.buffers) {
        facts.push(("Buffers".into(), b, false));
    }
    for (k, v) in &n.details {
        facts.push((k.clone(), v.clone(), true));
    }
    html! {
        <div class="node-details" data-testid="node-details" aria-live="polite">
            <h3 class="node-details-title">
                { n.label.clone() }
                if props.findings > 0 {
                    <span class="muted small">{ format!(" · {}", plural(props.findings, "finding")) }</span>
                }
            </h3>
            <dl class="facts">
                for (k, v, code) in facts {
                    <div class={classes!("fact", code.then_some("code"))}>
                        <dt>{ k }</dt>
                        <dd>{ v }</dd>
                    </div>
                }
            </dl>
        </div>
    }
}
