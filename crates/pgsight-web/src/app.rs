//! The page: header, routes, and the glue between the state, the worker, the address
//! bar and localStorage.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use pgsight_core::share::{decode, DEFAULT_MAX_DECODED_BYTES};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::compare::{opens_compare, Compare, CompareAction, Side};
use crate::components::compare::{use_compare_worker, CompareShareMenu, CompareView};
use crate::components::inputs::InputPanel;
use crate::components::menus::{AnonymizeReplies, ExamplesMenu, ExportMenu, RecentMenu, ShareMenu};
use crate::components::results::ResultsPanel;
use crate::components::rules::{RulePage, RulesIndex};
use crate::components::ReportRef;
use crate::dom;
use crate::examples::Example;
use crate::recent::{self, Entry, STORAGE_KEY};
use crate::route::Route;
use crate::state::{Action, Inputs, Source, State, DEBOUNCE_MS};
use crate::worker_client::{Event, Outgoing, WorkerClient};

/// Starts the app (the page binary's `main`).
pub fn start() {
    dom::register_service_worker();
    yew::Renderer::<App>::new().render();
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| State::new(format!("{:x}", dom::now_ms() as u64)));
    let route = use_state(|| Route::parse(&dom::hash()));
    let share_error = use_state(|| None::<String>);
    // An example whose file could not be fetched (offline before it was cached).
    let load_error = use_state(|| None::<String>);
    let recent = use_state(|| Rc::new(recent::parse(dom::storage_get(STORAGE_KEY).as_deref())));
    let compare = use_reducer(Compare::new);
    // The share link in the address bar holds two plans: it shows the Compare view.
    let share_is_compare = use_state(|| false);

    // The worker, started once; its replies go to the reducer that asked.
    let anonymize_replies = use_memo((), |_| AnonymizeReplies::default());
    let client = {
        let dispatcher = state.dispatcher();
        let compare = compare.dispatcher();
        let anonymize_replies = (*anonymize_replies).clone();
        use_memo((), move |_| {
            WorkerClient::new(move |event| match event {
                Event::Reply(reply) if anonymize_replies.deliver(&reply) => {}
                Event::Reply(reply) if reply.compare.is_some() => {
                    compare.dispatch(CompareAction::Reply(reply))
                }
                Event::Reply(reply) => dispatcher.dispatch(Action::Reply(reply)),
                Event::Views(views) => dispatcher.dispatch(Action::Views(views)),
                Event::Crashed(message) => {
                    compare.dispatch(CompareAction::WorkerCrashed(message.clone()));
                    dispatcher.dispatch(Action::WorkerCrashed(message));
                }
            })
        })
    };
    use_compare_worker(&compare, &client);
    // Reports for older edits are dropped unread (a big one takes a second to read).
    client.note_edit(state.edit);

    // Send the request the reducer put in flight.
    {
        let client = client.clone();
        let request = state.in_flight.clone();
        use_effect_with(state.in_flight.as_ref().map(|r| r.id), move |_| {
            if let Some(request) = request {
                client.post(Outgoing::Analyze(request));
            }
        });
    }

    // Debounce: a new edit replaces (and so cancels) the previous timer.
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.edit, move |&edit| {
            let timer = Timeout::new(DEBOUNCE_MS, move || {
                dispatcher.dispatch(Action::Debounced(edit))
            });
            move || drop(timer)
        });
    }

    // Routes: the first one, then every hashchange. A share link loads its inputs.
    {
        let route = route.clone();
        let dispatcher = state.dispatcher();
        let share_error = share_error.clone();
        let compare = compare.dispatcher();
        let share_is_compare = share_is_compare.clone();
        use_effect_with((), move |_| {
            let open: Rc<dyn Fn(&Route)> = Rc::new(move |r: &Route| {
                if let Route::Share(payload) = r {
                    match decode(payload, DEFAULT_MAX_DECODED_BYTES) {
                        Ok(inputs) if opens_compare(&inputs) => {
                            share_error.set(None);
                            share_is_compare.set(true);
                            compare.dispatch(CompareAction::Load {
                                before: inputs.plan,
                                after: inputs.compare_plan,
                                shared: true,
                            });
                        }
                        Ok(inputs) => {
                            share_error.set(None);
                            share_is_compare.set(false);
                            dispatcher
                                .dispatch(Action::Load(Inputs::from_shared(inputs), Source::Share));
                        }
                        Err(e) => share_error.set(Some(e.to_string())),
                    }
                }
            });
            open(&route);
            let on_hash = {
                let open = open.clone();
                Closure::<dyn FnMut()>::new(move || {
                    let r = Route::parse(&dom::hash());
                    open(&r);
                    route.set(r);
                })
            };
            let window = dom::window();
            if let Some(w) = &window {
                let _ = w.add_event_listener_with_callback(
                    "hashchange",
                    on_hash.as_ref().unchecked_ref(),
                );
            }
            move || {
                if let Some(w) = &window {
                    let _ = w.remove_event_listener_with_callback(
                        "hashchange",
                        on_hash.as_ref().unchecked_ref(),
                    );
                }
                drop(on_hash);
            }
        });
    }

    // Once the inputs of a share link are edited, the address no longer describes them,
    // and an error about a link that could not be opened no longer applies.
    {
        let route = route.clone();
        let share_error = share_error.clone();
        let left_share = state.left_share();
        use_effect_with((state.edit, state.shared_at), move |_| {
            if left_share && matches!(*route, Route::Share(_)) {
                share_error.set(None);
                dom::replace_hash(&Route::Home.href());
                route.set(Route::Home);
            }
        });
    }

    // The same for the plans of a compare link: edited, the address goes to #/compare.
    {
        let route = route.clone();
        let share_is_compare = share_is_compare.clone();
        use_effect_with(
            (compare.edit, compare.shared_at),
            move |(edit, shared_at)| {
                if *share_is_compare
                    && matches!(*route, Route::Share(_))
                    && *shared_at != Some(*edit)
                {
                    share_is_compare.set(false);
                    dom::replace_hash(&Route::Compare.href());
                    route.set(Route::Compare);
                }
            },
        );
    }
    let showing_compare = match &*route {
        Route::Compare => true,
        Route::Share(_) => *share_is_compare,
        _ => false,
    };

    // A docs page takes the focus to its title, for keyboard and screen-reader users.
    use_effect_with((*route).clone(), |route| {
        if !route.is_analyzer() {
            if let Some(w) = dom::window() {
                w.scroll_to_with_x_and_y(0.0, 0.0);
            }
            dom::focus("page-title");
        }
    });

    // Keep the analysis in the recent list once it is done.
    {
        let recent = recent.clone();
        let state = state.clone();
        use_effect_with(state.analyzed, move |analyzed| {
            // An input too large to keep is not even copied (`upsert` would drop it).
            let size: usize = [&state.inputs.plan, &state.inputs.schema, &state.inputs.sql]
                .iter()
                .map(|t| t.len())
                .sum();
            if *analyzed == Some(state.edit)
                && !state.inputs.is_empty()
                && state.failure.is_none()
                && size <= recent::MAX_ENTRY_BYTES
            {
                let inputs = state.inputs.to_shared();
                let entry = Entry {
                    id: state.doc.to_string(),
                    title: recent::title(state.report.as_deref(), &inputs),
                    time: dom::now_ms(),
                    inputs,
                };
                let mut list = (**recent).clone();
                if recent::upsert(&mut list, entry) {
                    dom::storage_set(STORAGE_KEY, &recent::to_json(&list));
                    recent.set(Rc::new(list));
                }
            }
        });
    }

    let go_home = {
        let route = route.clone();
        move || {
            if !route.is_analyzer() || showing_compare {
                dom::replace_hash(&Route::Home.href());
                route.set(Route::Home);
            }
        }
    };
    let on_example = {
        let dispatcher = state.dispatcher();
        let go_home = go_home.clone();
        let load_error = load_error.clone();
        Callback::from(move |example: &'static Example| {
            go_home();
            // The plan is fetched when picked (precached by the service worker).
            let dispatcher = dispatcher.clone();
            let load_error = load_error.clone();
            example.fetch(move |plan| match plan {
                Ok(plan) => {
                    load_error.set(None);
                    let inputs = Inputs {
                        plan: plan.into(),
                        ..Inputs::default()
                    };
                    dispatcher.dispatch(Action::Load(inputs, Source::Example));
                }
                Err(e) => load_error.set(Some(format!("The example \u{201c}{}\u{201d} could not be loaded: {e}.", example.title))),
            });
        })
    };
    let on_open_recent = {
        let dispatcher = state.dispatcher();
        let go_home = go_home.clone();
        Callback::from(move |entry: Entry| {
            go_home();
            dispatcher.dispatch(Action::Load(
                Inputs::from_shared(entry.inputs),
                Source::Recent(entry.id),
            ));
        })
    };
    let on_clear_recent = {
        let recent = recent.clone();
        Callback::from(move |()| {
            dom::storage_remove(STORAGE_KEY);
            recent.set(Rc::new(Vec::new()));
        })
    };

    // From the analyzer, "Compare" takes its plan as the before plan (unless the Compare
    // view already holds one).
    let on_compare_link = {
        let compare = compare.clone();
        let plan = state.inputs.plan.clone();
        let from_analyzer = route.is_analyzer() && !showing_compare;
        Callback::from(move |_: MouseEvent| {
            if from_analyzer && !plan.trim().is_empty() && compare.before.trim().is_empty() {
                compare.dispatch(CompareAction::Edit(Side::Before, plan.to_string()));
            }
        })
    };
    let report = state.report.clone().map(ReportRef);
    html! {
        <div class="app">
            <header class="topbar">
                <a class="brand" href={Route::Home.href()} aria-label="pgsight, the analyzer">
                    <img class="logo" src="icons/icon.svg" alt="" width="22" height="22" />
                    <span class="name">{ "pgsight" }</span>
                </a>
                <p class="tagline">{ "PostgreSQL plans, diagnosed in your browser" }</p>
                <nav class="actions" aria-label="Tools">
                    <ExamplesMenu on_load={on_example.clone()} />
                    <RecentMenu entries={(*recent).clone()} on_open={on_open_recent} on_clear={on_clear_recent} />
                    <a class={classes!("button", "ghost", matches!(*route, Route::Rules | Route::Rule(_)).then_some("current"))}
                        href={Route::Rules.href()} data-testid="rules-link">{ "Rules" }</a>
                    <a class={classes!("button", "ghost", showing_compare.then_some("current"))}
                        href={Route::Compare.href()} data-testid="compare-link" onclick={on_compare_link}
                        title="Compare two plans of one query, before and after a fix">{ "Compare" }</a>
                    <span class="divider" aria-hidden="true" />
                    if showing_compare {
                        <CompareShareMenu state={compare.clone()} />
                    } else {
                        <ExportMenu report={report} />
                        <ShareMenu inputs={state.inputs.clone()} client={Some((*client).clone())}
                            anonymize_replies={(*anonymize_replies).clone()} />
                    }
                </nav>
                <span class="privacy" title="The inputs are analyzed by WebAssembly in this tab. Nothing is uploaded.">
                    <span class="lock" aria-hidden="true" />
                    { "Local only" }
                </span>
            </header>
            if let Some(error) = (*share_error).clone() {
                <div class="banner error" role="alert" data-testid="share-error">
                    { format!("This share link could not be opened: {error}.") }
                </div>
            }
            if let Some(error) = (*load_error).clone() {
                <div class="banner error" role="alert" data-testid="load-error">{ error }</div>
            }
            { match &*route {
                _ if showing_compare => html! {
                    <CompareView state={compare.clone()} analyzer_plan={state.inputs.plan.clone()} />
                },
                Route::Home | Route::Share(_) | Route::Compare => html! {
                    <main class="workspace" id="main">
                        <InputPanel state={state.clone()} />
                        <ResultsPanel state={state.clone()} on_example={on_example} />
                    </main>
                },
                Route::Rules => html! { <main class="docs-main" id="main"><RulesIndex /></main> },
                Route::Rule(id) => html! { <main class="docs-main" id="main"><RulePage id={id.clone()} /></main> },
                Route::NotFound(_) => html! {
                    <main class="docs-main" id="main">
                        <article class="doc">
                            <h1 id="page-title" tabindex="-1">{ "Page not found" }</h1>
                            <p><a href={Route::Home.href()}>{ "Back to the analyzer" }</a></p>
                        </article>
                    </main>
                },
            } }
        </div>
    }
}
