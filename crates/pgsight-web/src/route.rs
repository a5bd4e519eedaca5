//! Routes live in the URL fragment, which never reaches a server (so a share link's
//! inputs stay in the browser) and works from any subpath (GitHub Pages):
//!
//! - `#/` (or nothing): the analyzer;
//! - `#/rules`: every rule; `#/rules/<id>`: one rule's doc;
//! - `#/compare`: two plans, before and after a fix;
//! - `#/s/<encoded>`: a share link, the inputs packed by `pgsight_core::share` (one that
//!   holds two plans opens the Compare view: see `crate::compare::opens_compare`).

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Rules,
    Rule(String),
    Compare,
    /// The fragment payload of a share link (`v1.…`).
    Share(String),
    NotFound(String),
}

const SHARE_PREFIX: &str = "#/s/";

impl Route {
    /// Reads `location.hash` (with its `#`, or empty).
    pub fn parse(hash: &str) -> Route {
        let hash = hash.trim();
        if let Some(payload) = hash.strip_prefix(SHARE_PREFIX) {
            return Route::Share(payload.to_owned());
        }
        let path = hash
            .trim_start_matches('#')
            .trim_start_matches('/')
            .trim_end_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next()) {
            (None | Some(""), None, None) => Route::Home,
            (Some("rules"), None, None) => Route::Rules,
            (Some("rules"), Some(id), None) if !id.is_empty() => Route::Rule(id.to_owned()),
            (Some("compare"), None, None) => Route::Compare,
            _ => Route::NotFound(hash.to_owned()),
        }
    }

    /// The fragment for this route, with its `#`.
    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".to_owned(),
            Route::Rules => "#/rules".to_owned(),
            Route::Rule(id) => format!("#/rules/{id}"),
            Route::Compare => "#/compare".to_owned(),
            Route::Share(payload) => format!("{SHARE_PREFIX}{payload}"),
            Route::NotFound(hash) => hash.clone(),
        }
    }

    /// The analyzer shows for these (a share link opens into it).
    pub fn is_analyzer(&self) -> bool {
        matches!(self, Route::Home | Route::Share(_))
    }
}

/// The share link for `payload`: the page's address without its fragment, then the
/// share route.
pub fn share_link(page_url: &str, payload: &str) -> String {
    let base = page_url.split('#').next().unwrap_or(page_url);
    format!("{base}{}", Route::Share(payload.to_owned()).href())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_route() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/rules"), Route::Rules);
        assert_eq!(Route::parse("#/rules/"), Route::Rules);
        assert_eq!(
            Route::parse("#/rules/sort-spill"),
            Route::Rule("sort-spill".into())
        );
        assert_eq!(
            Route::parse("#/s/v1.abc_-"),
            Route::Share("v1.abc_-".into())
        );
        assert_eq!(Route::parse("#/compare"), Route::Compare);
        assert_eq!(Route::parse("#/compare/"), Route::Compare);
        assert_eq!(Route::parse("#/nope"), Route::NotFound("#/nope".into()));
        assert_eq!(
            Route::parse("#/rules/a/b"),
            Route::NotFound("#/rules/a/b".into())
        );
    }

    #[test]
    fn hrefs_round_trip() {
        for route in [
            Route::Home,
            Route::Rules,
            Route::Rule("sort-spill".into()),
            Route::Compare,
            Route::Share("v1.xyz".into()),
        ] {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn share_links_keep_the_subpath() {
        assert_eq!(
            share_link("https://x.github.io/pgsight/#/rules", "v1.abc"),
            "https://x.github.io/pgsight/#/s/v1.abc"
        );
        assert_eq!(
            share_link("http://127.0.0.1:8080/index.html", "v1.abc"),
            "http://127.0.0.1:8080/index.html#/s/v1.abc"
        );
    }

    #[test]
    fn analyzer_routes() {
        assert!(Route::Home.is_analyzer());
        assert!(Route::Share("v1.x".into()).is_analyzer());
        assert!(!Route::Rules.is_analyzer());
        assert!(!Route::Compare.is_analyzer());
    }
}
