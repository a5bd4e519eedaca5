//! The page's components. They render the core's `Report` as it is: every word of a
//! finding or a rule doc comes from the core; these only add labels and layout. User
//! input reaches the DOM only as text nodes and attribute values.

pub mod compare;
pub mod editor;
pub mod findings;
pub mod inputs;
pub mod menus;
pub mod migration;
pub mod results;
pub mod rules;
pub mod schema;
pub mod tree;

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use pgsight_core::{Report, Severity};
use yew::prelude::*;

use crate::dom;

/// A report compared by identity: props holding one do not walk 10,000 nodes to see
/// whether they changed.
#[derive(Clone)]
pub struct ReportRef(pub Rc<Report>);

impl PartialEq for ReportRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for ReportRef {
    type Target = Report;
    fn deref(&self) -> &Report {
        &self.0
    }
}

pub fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Info => "sev-info",
        Severity::Warning => "sev-warning",
        Severity::Error => "sev-error",
    }
}

#[derive(Properties, PartialEq)]
pub struct SeverityBadgeProps {
    pub severity: Severity,
}

#[component]
pub fn SeverityBadge(props: &SeverityBadgeProps) -> Html {
    let s = props.severity;
    html! {
        <span class={classes!("badge", "severity", severity_class(s))}>{ s.as_str() }</span>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum CopyStatus {
    Idle,
    Copied,
    Failed,
}

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    /// What goes on the clipboard.
    pub text: AttrValue,
    #[prop_or(AttrValue::Static("Copy"))]
    pub label: AttrValue,
    /// Accessible name, when the label alone is ambiguous ("Copy fix SQL").
    #[prop_or_default]
    pub aria_label: Option<AttrValue>,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    /// Inside a menu: clicking it leaves the menu open, to show "Copied".
    #[prop_or_default]
    pub keep_open: bool,
}

/// A button that copies `text` and says so for a moment.
#[component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let status = use_state(|| CopyStatus::Idle);
    {
        let status = status.clone();
        use_effect_with(*status, move |current| {
            let timer = (*current != CopyStatus::Idle)
                .then(|| Timeout::new(1_500, move || status.set(CopyStatus::Idle)));
            move || drop(timer)
        });
    }
    let onclick = {
        let status = status.clone();
        let text = props.text.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let text = text.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy_text(&text).await;
                status.set(if ok {
                    CopyStatus::Copied
                } else {
                    CopyStatus::Failed
                });
            });
        })
    };
    let label = match *status {
        CopyStatus::Idle => props.label.clone(),
        CopyStatus::Copied => "Copied".into(),
        CopyStatus::Failed => "Copy failed".into(),
    };
    html! {
        <button type="button" class={classes!("button", "small", props.class.clone())}
            aria-label={props.aria_label.clone()} data-testid={props.testid.clone()}
            data-keep-open={props.keep_open.then_some("")} {onclick}>
            { label }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct SqlBlockProps {
    pub sql: AttrValue,
    /// What the SQL is, for the copy button's accessible name ("fix", "rollback").
    pub what: AttrValue,
}

/// SQL with a copy button.
#[component]
pub fn SqlBlock(props: &SqlBlockProps) -> Html {
    html! {
        <div class="sql">
            <pre><code class="language-sql">{ props.sql.clone() }</code></pre>
            <CopyButton text={props.sql.clone()} class="copy" testid="copy-sql"
                aria_label={AttrValue::from(format!("Copy {} SQL", props.what))} />
        </div>
    }
}
