//! An input: a textarea with a line-number gutter. Lines with a parse error (a note
//! with a position) get a marker and a tint; the selected finding's or node's line
//! gets another. Only the lines in view are drawn, so a long plan stays light.
//!
//! Browsers lay out a multi-megabyte textarea again on every keystroke (seconds for a
//! 10,000-node plan), so a large input opens in a read-only view that draws only the
//! lines in view, with a button to edit it anyway. Both accept a dropped file; the
//! view also takes a paste.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::dom::{self, EDITOR_LINE_HEIGHT, EDITOR_PADDING_TOP};
use crate::format::{bytes, grouped};
use crate::lines::{LineIndex, LARGE_INPUT_BYTES};
use crate::state::{same_text, Mark};

/// A line to select in the textarea; `seq` changes on every request.
#[derive(Debug, Clone, PartialEq)]
pub struct Jump {
    pub line: u32,
    pub column: Option<u32>,
    pub seq: u64,
}

#[derive(Properties)]
pub struct EditorProps {
    pub id: AttrValue,
    pub text: AttrValue,
    pub label: AttrValue,
    pub placeholder: AttrValue,
    pub marks: Rc<Vec<Mark>>,
    /// A line to tint without moving the caret (the selected plan node's line).
    #[prop_or_default]
    pub highlight: Option<u32>,
    /// A position to select (and scroll to).
    #[prop_or_default]
    pub jump: Option<Jump>,
    pub on_edit: Callback<String>,
    /// A whole document replaced the text (a dropped file, a paste): analyzed without
    /// waiting for more typing. Without it, `on_edit` takes these too.
    #[prop_or_default]
    pub on_open: Option<Callback<String>>,
    /// Ids of elements describing the input (its error list).
    #[prop_or_default]
    pub describedby: Option<AttrValue>,
}

impl PartialEq for EditorProps {
    fn eq(&self, other: &Self) -> bool {
        // The text first by address (`same_text`): a large input is compared on every
        // render of the panel.
        same_text(&self.text, &other.text)
            && self.id == other.id
            && self.label == other.label
            && self.placeholder == other.placeholder
            && self.marks == other.marks
            && self.highlight == other.highlight
            && self.jump == other.jump
            && self.on_edit == other.on_edit
            && self.on_open == other.on_open
            && self.describedby == other.describedby
    }
}

/// A text as a memo dependency, compared by [`same_text`].
struct TextKey(AttrValue);

impl PartialEq for TextKey {
    fn eq(&self, other: &Self) -> bool {
        same_text(&self.0, &other.0)
    }
}

#[component]
pub fn Editor(props: &EditorProps) -> Html {
    let area_ref = use_node_ref();
    // (scroll top, viewport height) of the scrolling element.
    let view = use_state(|| (0.0_f64, 800.0_f64));
    let dragging = use_state(|| false);
    let edit_anyway = use_state(|| false);
    let index = use_memo(TextKey(props.text.clone()), |t| LineIndex::new(&t.0));
    let large = props.text.len() > LARGE_INPUT_BYTES && !*edit_anyway;

    // Show the requested position: select it in the textarea, or scroll the view to it.
    {
        let area_ref = area_ref.clone();
        let view = view.clone();
        use_effect_with((props.jump.clone(), large), move |(jump, large)| {
            let Some(jump) = jump else { return };
            if *large {
                if let Some(el) = area_ref.cast::<HtmlElement>() {
                    let height = f64::from(el.client_height());
                    let top = (f64::from(jump.line) - 1.0) * EDITOR_LINE_HEIGHT - height / 2.0;
                    el.set_scroll_top(top.max(0.0) as i32);
                    let _ = el.focus();
                    view.set((f64::from(el.scroll_top()), height));
                }
            } else if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                dom::select_position(&area, jump.line, jump.column);
                view.set((
                    f64::from(area.scroll_top()),
                    f64::from(area.client_height()),
                ));
            }
        });
    }
    // Keep the gutter's idea of the viewport current.
    {
        let area_ref = area_ref.clone();
        let view = view.clone();
        use_effect(move || {
            if let Some(el) = area_ref.cast::<HtmlElement>() {
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
    let on_open = props
        .on_open
        .clone()
        .unwrap_or_else(|| props.on_edit.clone());
    let oninput = {
        let on_edit = props.on_edit.clone();
        let on_open = on_open.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            // A paste or a drop brings its text at once: no keystrokes follow to wait for.
            match e.input_type().as_str() {
                "insertFromPaste" | "insertFromDrop" => on_open.emit(area.value()),
                _ => on_edit.emit(area.value()),
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_edit = on_open.clone();
        Callback::from(move |e: DragEvent| {
            dragging.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            if let Some(file) = file {
                // A file replaces the text; dropped text is left to the textarea.
                e.prevent_default();
                let on_edit = on_edit.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(text) = dom::read_file(file).await {
                        on_edit.emit(text);
                    }
                });
            }
        })
    };

    let lines = index.count();
    let (scroll_top, height) = *view;
    let first = ((scroll_top - EDITOR_PADDING_TOP) / EDITOR_LINE_HEIGHT)
        .floor()
        .max(0.0) as u32
        + 1;
    let last = (first + (height / EDITOR_LINE_HEIGHT).ceil() as u32 + 1).min(lines);
    let top_of =
        |line: u32| f64::from(line - 1) * EDITOR_LINE_HEIGHT + EDITOR_PADDING_TOP - scroll_top;
    let jump_line = props.jump.as_ref().map(|j| j.line);
    let current = jump_line.or(props.highlight);
    let error_at = |line: u32| props.marks.iter().find(|m| m.line == line).map(|m| m.error);
    let gutter_width = format!("width: {}ch", (lines.to_string().len() + 3).max(5));

    let gutter = html! {
        <div class="gutter" aria-hidden="true" style={gutter_width}>
            for line in first..=last {
                <div key={line}
                    class={classes!(
                        "gutter-line",
                        match error_at(line) { Some(true) => Some("error"), Some(false) => Some("warning"), None => None },
                        (Some(line) == current).then_some("current"),
                    )}
                    style={format!("top: {}px", top_of(line))}>
                    { line }
                </div>
            }
        </div>
    };

    let body = if large {
        let onpaste = {
            let on_edit = on_open.clone();
            Callback::from(move |e: Event| {
                let text = e
                    .dyn_ref::<web_sys::ClipboardEvent>()
                    .and_then(|c| c.clipboard_data())
                    .and_then(|d| d.get_data("text").ok());
                if let Some(text) = text.filter(|t| !t.is_empty()) {
                    e.prevent_default();
                    on_edit.emit(text);
                }
            })
        };
        let canvas = format!(
            "height: {}px; width: calc({}ch + 24px)",
            f64::from(lines) * EDITOR_LINE_HEIGHT + 2.0 * EDITOR_PADDING_TOP,
            index.max_chars
        );
        html! {
            <div class="editor-body">
                <div ref={area_ref.clone()} id={props.id.clone()} data-testid={props.id.clone()}
                    class="code-view" tabindex="0" role="textbox" aria-readonly="true" aria-multiline="true"
                    aria-label={format!("{} (read-only view of a large input)", props.label)}
                    aria-describedby={props.describedby.clone()}
                    data-large="true" {onscroll} {onpaste}>
                    <div class="code-canvas" style={canvas}>
                        for line in first..=last {
                            <div key={line}
                                class={classes!(
                                    "code-line",
                                    match error_at(line) { Some(true) => Some("error"), Some(false) => Some("warning"), None => None },
                                    (Some(line) == current).then_some("current"),
                                )}
                                style={format!("top: {}px", f64::from(line - 1) * EDITOR_LINE_HEIGHT + EDITOR_PADDING_TOP)}>
                                { index.line(&props.text, line).to_owned() }
                            </div>
                        }
                    </div>
                </div>
            </div>
        }
    } else {
        let bands: Vec<&Mark> = props
            .marks
            .iter()
            .filter(|m| m.line >= first && m.line <= last)
            .collect();
        html! {
            <div class="editor-body">
                <div class="line-bands" aria-hidden="true">
                    for mark in bands.iter() {
                        <div class={classes!("band", if mark.error { "error" } else { "warning" })}
                            style={format!("top: {}px", top_of(mark.line))} />
                    }
                    if let Some(line) = current.filter(|l| *l >= first && *l <= last) {
                        <div class="band current" style={format!("top: {}px", top_of(line))} />
                    }
                </div>
                <textarea
                    ref={area_ref.clone()}
                    id={props.id.clone()}
                    data-testid={props.id.clone()}
                    class="code-input"
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    aria-label={props.label.clone()}
                    aria-describedby={props.describedby.clone()}
                    aria-invalid={props.marks.iter().any(|m| m.error).then_some("true")}
                    placeholder={props.placeholder.clone()}
                    value={props.text.clone()}
                    {oninput}
                    {onscroll}
                />
            </div>
        }
    };

    html! {
        <>
            if large {
                <div class="large-note" data-testid="large-input">
                    <span>
                        { format!(
                            "Large input ({}, {} lines): shown read-only so the page stays fast. Paste or drop to replace it.",
                            bytes(props.text.len() as f64),
                            grouped(f64::from(lines)),
                        ) }
                    </span>
                    <button type="button" class="button small" data-testid="edit-anyway"
                        onclick={{ let e = edit_anyway.clone(); Callback::from(move |_: MouseEvent| e.set(true)) }}>
                        { "Edit as text" }
                    </button>
                </div>
            }
            <div class={classes!("editor", dragging.then_some("dragging"))}
                {ondragover} {ondragleave} {ondrop}>
                { gutter }
                { body }
                if *dragging {
                    <div class="drop-hint" aria-hidden="true">{ "Drop the file to load it" }</div>
                }
            </div>
        </>
    }
}
