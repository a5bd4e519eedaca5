//! The header's menus: examples, recent analyses, share link, export.

use std::rc::Rc;

use pgsight_core::share::{encode, link_size, LinkSize};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::ReportRef;
use crate::dom;
use crate::examples::{Example, EXAMPLES};
use crate::format::{ago, bytes, grouped};
use crate::recent::Entry;
use crate::route::share_link;
use crate::state::Inputs;

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
}

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub inputs: Inputs,
}

/// "Copy link": packs the inputs into the URL fragment (never sent to a server),
/// copies it, and says how long it is.
#[component]
pub fn ShareMenu(props: &ShareProps) -> Html {
    let link = use_state(|| None::<Link>);
    let on_open = {
        let link = link.clone();
        let inputs = props.inputs.clone();
        Callback::from(move |()| {
            let url = share_link(&dom::href(), &encode(&inputs.to_shared()));
            link.set(Some(Link {
                url: url.clone(),
                copied: None,
            }));
            let link = link.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let ok = dom::copy_text(&url).await;
                link.set(Some(Link {
                    url,
                    copied: Some(ok),
                }));
            });
        })
    };
    let body = match &*link {
        None => html! {},
        Some(Link { url, copied }) => {
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
            html! {
                <div class="share" data-testid="share-panel">
                    <p class="share-status" role="status">{ status }</p>
                    <input class="share-url" type="text" readonly=true value={url.clone()}
                        aria-label="Share link" data-testid="share-url"
                        onfocus={Callback::from(|e: FocusEvent| {
                            if let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() { input.select(); }
                        })} />
                    <p class={classes!("share-size", class)} data-testid="share-size" data-size={class}>
                        { format!("{} · {} characters", bytes(chars as f64), grouped(chars as f64)) }
                    </p>
                    if let Some(warning) = warning {
                        <p class={classes!("share-warning", class)}>{ warning }</p>
                    }
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
