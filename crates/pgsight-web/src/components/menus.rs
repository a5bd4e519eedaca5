//! The header's menus: examples, recent analyses, share link, export.

use std::cell::RefCell;
use std::rc::Rc;

use pgsight_core::share::{encode, link_size, LinkSize};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::ReportRef;
use crate::dom;
use crate::examples::{Example, EXAMPLES};
use crate::format::{ago, bytes, grouped};
use crate::protocol::{AnonymizeOutcome, AnonymizeRequest, Reply};
use crate::recent::Entry;
use crate::route::share_link;
use crate::state::Inputs;
use crate::worker_client::{Outgoing, WorkerClient};

#[derive(Properties, PartialEq)]
pub struct MenuProps {
    pub label: AttrValue,
    pub id: AttrValue,
    #[prop_or_default]
    pub disabled: bool,
    #[prop_or_default]
    pub primary: bool,
    /// Runs when the menu opens (e.g. to copy the share link at once).
    #[prop_or_default]
    pub on_open: Option<Callback<()>>,
    #[prop_or_default]
    pub children: Html,
    #[prop_or_default]
    pub align_right: bool,
}

/// A disclosure button and its popover. Clicking a button or link inside closes it
/// (unless it is marked `data-keep-open`), so do Escape and a click outside.
#[component]
pub fn Menu(props: &MenuProps) -> Html {
    let open = use_state(|| false);
    let toggle_ref = use_node_ref();
    let popover_id = format!("{}-popover", props.id);

    let toggle = {
        let open = open.clone();
        let on_open = props.on_open.clone();
        Callback::from(move |_: MouseEvent| {
            if !*open {
                if let Some(cb) = &on_open {
                    cb.emit(());
                }
            }
            open.set(!*open);
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let onkeydown = {
        let open = open.clone();
        let toggle_ref = toggle_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && *open {
                e.prevent_default();
                open.set(false);
                if let Some(button) = toggle_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
        })
    };
    let on_popover_click = {
        let open = open.clone();
        Callback::from(move |e: MouseEvent| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let closes = target
                .and_then(|t| t.closest("button, a").ok().flatten())
                .is_some_and(|el| !el.has_attribute("data-keep-open"));
            if closes {
                open.set(false);
            }
        })
    };

    html! {
        <div class={classes!("menu", props.align_right.then_some("align-right"))} {onkeydown}>
            <button type="button" ref={toggle_ref}
                class={classes!("button", if props.primary { "primary" } else { "ghost" })}
                id={props.id.clone()} data-testid={props.id.clone()}
                aria-expanded={open.to_string()} aria-controls={popover_id.clone()}
                disabled={props.disabled} onclick={toggle}>
                { props.label.clone() }
                <span class="caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <div class="menu-backdrop" onclick={close} />
                <div class="menu-popover" id={popover_id} onclick={on_popover_click}>
                    { props.children.clone() }
                </div>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExamplesProps {
    pub on_load: Callback<&'static Example>,
}

#[component]
pub fn ExamplesMenu(props: &ExamplesProps) -> Html {
    html! {
        <Menu label="Examples" id="examples-menu">
            <p class="menu-title">{ "Real plans from PostgreSQL 15" }</p>
            <ul class="menu-list">
                for example in EXAMPLES.iter() {
                    <li key={example.id}>
                        <button type="button" class="menu-item" data-example={example.id}
                            onclick={props.on_load.reform(move |_: MouseEvent| example)}>
                            <span class="menu-item-title">{ example.title }</span>
                            <span class="tag">{ example.format }</span>
                        </button>
                    </li>
                }
            </ul>
        </Menu>
    }
}

#[derive(Properties, PartialEq)]
pub struct RecentProps {
    pub entries: Rc<Vec<Entry>>,
    pub on_open: Callback<Entry>,
    pub on_clear: Callback<()>,
}

#[component]
pub fn RecentMenu(props: &RecentProps) -> Html {
    let now = dom::now_ms();
    html! {
        <Menu label="Recent" id="recent-menu">
            <p class="menu-title">{ "Kept in this browser only" }</p>
            if props.entries.is_empty() {
                <p class="menu-empty">{ "Analyses you run show up here." }</p>
            } else {
                <ul class="menu-list" data-testid="recent-list">
                    for entry in props.entries.iter() {
                        <li key={entry.id.clone()}>
                            <button type="button" class="menu-item" data-testid="recent-item"
                                onclick={{ let e = entry.clone(); props.on_open.reform(move |_: MouseEvent| e.clone()) }}>
                                <span class="menu-item-title">{ entry.title.clone() }</span>
                                <span class="muted small">{ ago(now, entry.time) }</span>
                            </button>
                        </li>
                    }
                </ul>
                <div class="menu-foot">
                    <button type="button" class="button small danger" data-testid="recent-clear"
                        onclick={props.on_clear.reform(|_: MouseEvent| ())}>
                        { "Clear history" }
                    </button>
                </div>
            }
        </Menu>
    }
}

#[derive(Clone, PartialEq)]
struct Link {
    url: String,
    copied: Option<bool>,
    /// With "Anonymize": the mapping (kind, original, replacement per line), to keep.
    mapping: Option<Rc<AnonymizeOutcome>>,
}

/// Where the worker's answers to the share menu's anonymize requests go: the app's
/// worker callback hands them over, the share menu puts its callback in.
#[derive(Clone, Default)]
pub struct AnonymizeReplies(Rc<RefCell<Option<Callback<Reply>>>>);

impl PartialEq for AnonymizeReplies {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl AnonymizeReplies {
    /// Hands `reply` to the share menu; false when it is not an anonymize answer.
    pub fn deliver(&self, reply: &Reply) -> bool {
        if reply.anonymized.is_none() {
            return false;
        }
        let callback = self.0.borrow().clone();
        if let Some(callback) = callback {
            callback.emit(reply.clone());
        }
        true
    }
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub inputs: Inputs,
    /// The worker that anonymizes (it reads SQL); without it there is no Anonymize option.
    #[prop_or_default]
    pub client: Option<WorkerClient>,
    #[prop_or_default]
    pub anonymize_replies: AnonymizeReplies,
}

/// Copies `url` and shows it, then says whether the copy worked.
fn show_and_copy(
    link: &UseStateHandle<Option<Link>>,
    url: String,
    mapping: Option<Rc<AnonymizeOutcome>>,
) {
    link.set(Some(Link {
        url: url.clone(),
        copied: None,
        mapping: mapping.clone(),
    }));
    let link = link.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let ok = dom::copy_text(&url).await;
        link.set(Some(Link {
            url,
            copied: Some(ok),
            mapping,
        }));
    });
}

/// "Copy link": packs the inputs into the URL fragment (never sent to a server),
/// copies it, and says how long it is. With "Anonymize" on, the worker renames the
/// tables, columns, indexes, aliases and string literals first (the same way in plan,
/// schema and SQL), and the mapping can be downloaded to read the report's names back.
#[component]
pub fn ShareMenu(props: &ShareProps) -> Html {
    let link = use_state(|| None::<Link>);
    let anonymize = use_state(|| false);
    // The anonymize request in flight: an older answer is dropped.
    let pending = use_mut_ref(|| 0u64);
    let anonymizing = use_state(|| false);
    {
        let link = link.clone();
        let pending = pending.clone();
        let anonymizing = anonymizing.clone();
        let replies = props.anonymize_replies.clone();
        use_effect_with(replies, move |replies| {
            *replies.0.borrow_mut() = Some(Callback::from(move |reply: Reply| {
                if reply.id != Some(*pending.borrow()) {
                    return;
                }
                anonymizing.set(false);
                if let Some(outcome) = reply.anonymized {
                    let url = share_link(&dom::href(), &encode(&outcome.inputs));
                    show_and_copy(&link, url, Some(Rc::new(*outcome)));
                }
            }));
        });
    }
    let make_link = {
        let link = link.clone();
        let inputs = props.inputs.clone();
        let client = props.client.clone();
        let pending = pending.clone();
        let anonymizing = anonymizing.clone();
        Rc::new(move |anonymized: bool| match (&client, anonymized) {
            (Some(client), true) => {
                let id = *pending.borrow() + 1;
                *pending.borrow_mut() = id;
                anonymizing.set(true);
                link.set(None);
                client.post(Outgoing::Anonymize(AnonymizeRequest {
                    anonymize: inputs.to_shared(),
                    id,
                }));
            }
            _ => {
                *pending.borrow_mut() += 1;
                anonymizing.set(false);
                show_and_copy(
                    &link,
                    share_link(&dom::href(), &encode(&inputs.to_shared())),
                    None,
                );
            }
        })
    };
    let on_open = {
        let make_link = make_link.clone();
        let anonymize = anonymize.clone();
        Callback::from(move |()| make_link(*anonymize))
    };
    let on_anonymize = {
        let anonymize = anonymize.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_dyn_into::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked());
            anonymize.set(on);
            make_link(on);
        })
    };
    let option = props.client.is_some().then(|| html! {
        <label class="share-anonymize">
            <input type="checkbox" checked={*anonymize} onchange={on_anonymize} data-testid="share-anonymize" />
            { " Anonymize: rename tables, columns, indexes and string literals in the link" }
        </label>
    });
    let body = match &*link {
        None if *anonymizing => html! {
            <div class="share" data-testid="share-panel">
                { option.clone() }
                <p class="share-status" role="status">{ "Anonymizing…" }</p>
            </div>
        },
        None => html! {},
        Some(Link {
            url,
            copied,
            mapping,
        }) => {
            let chars = url.chars().count();
            let (class, warning) = match link_size(chars) {
                LinkSize::Fine => ("fine", None),
                LinkSize::TooLongForChat => (
                    "warn",
                    Some("Long for chat tools and e-mail, which may cut it. Export the report instead, or share a smaller plan."),
                ),
                LinkSize::TooLongForBrowsers => (
                    "error",
                    Some("Too long: some browsers and servers refuse links this size. Share an exported report instead."),
                ),
            };
            let status = match copied {
                None => "Copying…",
                Some(true) => "Link copied",
                Some(false) => "Select the link and copy it",
            };
            let anonymized = mapping.as_ref().map(|m| {
                let text = m.mapping.clone();
                let download = Callback::from(move |_: MouseEvent| {
                    dom::download("pgsight-mapping.tsv", "text/tab-separated-values", &text);
                });
                html! {
                    <div class="share-mapping" data-testid="share-mapping" data-kept={m.kept.join(",")}>
                        <p class="muted small">
                            { format!("{} names and strings renamed. The mapping stays in this tab: download it to read the shared report's names back.", m.renamed) }
                        </p>
                        if !m.kept.is_empty() {
                            <p class="muted small">{ format!("Kept (they are also SQL words): {}", m.kept.join(", ")) }</p>
                        }
                        for note in m.notes.iter() {
                            <p class="share-warning warn">{ note.clone() }</p>
                        }
                        <button type="button" class="button ghost" data-keep-open="" data-testid="share-mapping-download"
                            onclick={download}>{ "Download mapping" }</button>
                    </div>
                }
            });
            html! {
                <div class="share" data-testid="share-panel">
                    { option.clone() }
                    <p class="share-status" role="status">{ status }</p>
                    <input class="share-url" type="text" readonly=true value={url.clone()}
                        aria-label="Share link" data-testid="share-url" data-anonymized={mapping.is_some().to_string()}
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                        })} />
                    <p class={classes!("share-size", class)} data-testid="share-size" data-size={class}>
                        { format!("{} · {} characters", bytes(chars as f64), grouped(chars as f64)) }
                    </p>
                    if let Some(warning) = warning {
                        <p class={classes!("share-warning", class)}>{ warning }</p>
                    }
                    { anonymized.unwrap_or_default() }
                    <p class="muted small">
                        { "The inputs travel inside the link, after the #: browsers never send that part to a server." }
                    </p>
                </div>
            }
        }
    };
    html! {
        <Menu label="Copy link" id="share-button" primary=true disabled={props.inputs.is_empty()}
            on_open={on_open} align_right=true>
            { body }
        </Menu>
    }
}

#[derive(Properties, PartialEq)]
pub struct ExportProps {
    pub report: Option<ReportRef>,
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Markdown,
    Json,
}

impl Format {
    fn render(self, report: &pgsight_core::Report) -> String {
        match self {
            Format::Markdown => pgsight_core::render::markdown::render(report),
            Format::Json => report.to_json(),
        }
    }

    fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Markdown => ("pgsight-report.md", "text/markdown;charset=utf-8"),
            Format::Json => ("pgsight-report.json", "application/json"),
        }
    }
}

#[component]
pub fn ExportMenu(props: &ExportProps) -> Html {
    let status = use_state(|| None::<String>);
    let Some(report) = props.report.clone() else {
        return html! { <Menu label="Export" id="export-menu" disabled=true /> };
    };
    let download = |format: Format| {
        let report = report.clone();
        Callback::from(move |_: MouseEvent| {
            let (name, mime) = format.file();
            dom::download(name, mime, &format.render(&report));
        })
    };
    let copy = |format: Format, what: &'static str| {
        let report = report.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let text = format.render(&report);
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy_text(&text).await;
                status.set(Some(if ok {
                    format!("{what} copied")
                } else {
                    "Copy failed".to_owned()
                }));
            });
        })
    };
    let on_open = {
        let status = status.clone();
        Callback::from(move |()| status.set(None))
    };
    html! {
        <Menu label="Export" id="export-menu" on_open={on_open} align_right=true>
            <p class="menu-title">{ "The report, as a file or on the clipboard" }</p>
            <div class="export-grid">
                <span>{ "Markdown" }</span>
                <button type="button" class="button small" data-testid="export-md" onclick={download(Format::Markdown)}>{ "Download" }</button>
                <button type="button" class="button small" data-keep-open="" data-testid="copy-md" onclick={copy(Format::Markdown, "Markdown")}>{ "Copy" }</button>
                <span>{ "JSON" }</span>
                <button type="button" class="button small" data-testid="export-json" onclick={download(Format::Json)}>{ "Download" }</button>
                <button type="button" class="button small" data-keep-open="" data-testid="copy-json" onclick={copy(Format::Json, "JSON")}>{ "Copy" }</button>
            </div>
            if let Some(status) = (*status).clone() {
                <p class="muted small" role="status">{ status }</p>
            }
        </Menu>
    }
}
