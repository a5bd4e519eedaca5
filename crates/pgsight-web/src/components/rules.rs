//! `#/rules` and `#/rules/<id>`: the core's rule docs, as text.

use pgsight_core::rules::Category;
use pgsight_core::Rule;
use yew::prelude::*;

use super::SeverityBadge;
use crate::markdown::{blocks, spans, Block, Span};
use crate::route::Route;

#[component]
pub fn RulesIndex() -> Html {
    let groups = [
        Category::Plan,
        Category::Query,
        Category::Schema,
        Category::Migration,
    ];
    html! {
        <article class="doc" data-testid="rules-index">
            <p class="crumbs"><a href={Route::Home.href()}>{ "← Analyzer" }</a></p>
            <h1 id="page-title" tabindex="-1">{ "Rules" }</h1>
            <p class="lead">{ format!("The {} checks pgsight runs, by what they read.", Rule::ALL.len()) }</p>
            for category in groups {
                if Rule::ALL.iter().any(|r| r.meta().category == category) {
                    <section class="rule-group" key={category.as_str()}>
                        <h2>{ category_title(category) }</h2>
                        <ul class="rule-list">
                            for rule in Rule::ALL.iter().filter(|r| r.meta().category == category) {
                                <li key={rule.id()} data-testid="rule-item">
                                    <a href={Route::Rule(rule.id().to_owned()).href()}><code>{ rule.id() }</code></a>
                                    <SeverityBadge severity={rule.meta().severity} />
                                    <span class="rule-summary">{ rule.meta().summary }</span>
                                </li>
                            }
                        </ul>
                    </section>
                }
            }
        </article>
    }
}

fn category_title(c: Category) -> &'static str {
    match c {
        Category::Plan => "Plans",
        Category::Query => "Queries",
        Category::Schema => "Schemas",
        Category::Migration => "Migrations",
    }
}

#[derive(Properties, PartialEq)]
pub struct RulePageProps {
    pub id: AttrValue,
}

/// The page is `docs/rules/<id>.md` (generated from the rule's doc comment by
/// `pgsight rules --write-docs`, copied into dist/rules/ by index.html), fetched when
/// it opens: the page's wasm carries no rule docs (issue #9, download size).
#[component]
pub fn RulePage(props: &RulePageProps) -> Html {
    let rule = Rule::from_id(&props.id);
    // `None` while loading; the text or why it could not be loaded.
    let doc = use_state(|| None::<Result<String, String>>);
    {
        let doc = doc.clone();
        use_effect_with(rule, move |rule| {
            doc.set(None);
            if let Some(rule) = *rule {
                wasm_bindgen_futures::spawn_local(async move {
                    doc.set(Some(crate::fetch::text(&doc_path(rule)).await));
                });
            }
        });
    }
    let Some(rule) = rule else {
        return html! {
            <article class="doc" data-testid="rule-missing">
                <p class="crumbs"><a href={Route::Rules.href()}>{ "← All rules" }</a></p>
                <h1 id="page-title" tabindex="-1">{ "No such rule" }</h1>
                <p>{ "pgsight has no rule named " }<code>{ props.id.clone() }</code>{ "." }</p>
            </article>
        };
    };
    let meta = rule.meta();
    // The title is the page's own, not the fetched one, so it keeps the focus the
    // route gave it (app.rs) when the text arrives.
    let body = match &*doc {
        Some(Ok(text)) => blocks(text)
            .into_iter()
            .filter(|block| !matches!(block, Block::Heading { level: 1, .. }))
            .map(render_block)
            .collect::<Html>(),
        Some(Err(error)) => html! {
            <>
                <p>{ meta.summary }</p>
                <p class="banner error" role="alert" data-testid="rule-doc-error">
                    { format!("The rule's documentation could not be loaded ({error}).") }
                </p>
            </>
        },
        None => html! {
            <>
                <p>{ meta.summary }</p>
                <p class="muted">{ "Loading the documentation…" }</p>
            </>
        },
    };
    html! {
        <article class="doc" data-testid="rule-page" data-rule={rule.id()}
            data-loaded={doc.is_some().to_string()}>
            <p class="crumbs">
                <a href={Route::Home.href()}>{ "← Analyzer" }</a>
                { " · " }
                <a href={Route::Rules.href()}>{ "All rules" }</a>
            </p>
            <h1 id="page-title" tabindex="-1"><code>{ meta.id }</code></h1>
            { body }
        </article>
    }
}

/// Where the page finds a rule's doc page, relative to the page.
pub fn doc_path(rule: Rule) -> String {
    format!("rules/{}.md", rule.id())
}

fn render_block(block: Block) -> Html {
    match block {
        Block::Heading { level, text } => {
            let inner = inline(&text);
            match level {
                1 | 2 => html! { <h2>{ inner }</h2> },
                3 => html! { <h3>{ inner }</h3> },
                _ => html! { <h4>{ inner }</h4> },
            }
        }
        Block::Paragraph(text) => html! { <p>{ inline(&text) }</p> },
        Block::List(items) => html! {
            <ul>
                for item in items {
                    <li>{ inline(&item) }</li>
                }
            </ul>
        },
        Block::Code { lang, text } => html! {
            <pre class={classes!("code-block", (!lang.is_empty()).then(|| format!("language-{lang}")))}>
                <code>{ text }</code>
            </pre>
        },
    }
}

fn inline(text: &str) -> Html {
    spans(text)
        .into_iter()
        .map(|span| match span {
            Span::Text(t) => html! { { t } },
            Span::Code(c) => html! { <code>{ c }</code> },
            Span::Strong(s) => html! { <strong>{ s }</strong> },
        })
        .collect::<Html>()
}
