//! Share links: the inputs, compressed into a URL fragment.
//!
//! The fragment (after `#`) never reaches a server, so a shared report stays between
//! the people who have the link. Layout: `v1.` then base64url (no padding) of the
//! raw-DEFLATE-compressed JSON of [`SharedInputs`]. Decompression is capped, so a
//! crafted link cannot make the page allocate without bound.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};

const VERSION_PREFIX: &str = "v1.";

/// Largest decompressed payload a link may carry by default. Smaller than the
/// engine's input cap (`Config::max_input_bytes`, 64 MiB): a link is meant for chat-sized
/// inputs, and a hostile link must not make the page inflate 64 MiB.
pub const DEFAULT_MAX_DECODED_BYTES: usize = 8 * 1024 * 1024;

/// Links longer than this may be cut by chat tools and e-mail clients.
pub const CHAT_SAFE_LINK_CHARS: usize = 4_000;
/// Links longer than this are refused or truncated by some browsers and servers.
pub const BROWSER_SAFE_LINK_CHARS: usize = 64_000;

/// Everything a shared report needs to be rebuilt: the inputs, not the findings.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SharedInputs {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan: String,
    /// A second plan, for the before/after comparison.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub compare_plan: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub schema: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sql: String,
    /// True when `sql` is a migration rather than queries.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sql_is_migration: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareError {
    UnknownVersion,
    NotBase64,
    /// The compressed data is corrupt.
    Corrupt,
    /// Decompressing would exceed the cap (bytes).
    TooLarge(usize),
    NotInputs(String),
}

impl std::fmt::Display for ShareError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ShareError::UnknownVersion => f.write_str("this link was made by a newer or unknown version of pgsight"),
            ShareError::NotBase64 => f.write_str("the link is damaged (not base64url)"),
            ShareError::Corrupt => f.write_str("the link is damaged (its compressed data is corrupt)"),
            ShareError::TooLarge(cap) => write!(f, "the link unpacks to more than {cap} bytes, the limit for share links"),
            ShareError::NotInputs(e) => write!(f, "the link does not hold pgsight inputs: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

/// How safe a link of this length is to paste around.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkSize {
    Fine,
    TooLongForChat,
    TooLongForBrowsers,
}

pub fn link_size(link_chars: usize) -> LinkSize {
    if link_chars > BROWSER_SAFE_LINK_CHARS {
        LinkSize::TooLongForBrowsers
    } else if link_chars > CHAT_SAFE_LINK_CHARS {
        LinkSize::TooLongForChat
    } else {
        LinkSize::Fine
    }
}

/// The web app's route for a shared report: `<base>#/s/<fragment>`.
pub const SHARE_ROUTE: &str = "#/s/";

/// Where the web app is published, for links made outside it (the CLI).
pub const DEFAULT_BASE_URL: &str = "https://pgsight.github.io/pgsight/";

/// A link that opens the web app on `inputs`.
pub fn link(base_url: &str, inputs: &SharedInputs) -> String {
    let base = base_url.split('#').next().unwrap_or(base_url);
    format!("{base}{SHARE_ROUTE}{}", encode(inputs))
}

/// The fragment for `inputs`, without the leading `#`.
pub fn encode(inputs: &SharedInputs) -> String {
    let json = serde_json::to_vec(inputs).unwrap_or_default();
    let compressed = miniz_oxide::deflate::compress_to_vec(&json, 9);
    format!("{VERSION_PREFIX}{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a fragment made by [`encode`] (a leading `#` is allowed).
pub fn decode(fragment: &str, max_decoded_bytes: usize) -> Result<SharedInputs, ShareError> {
    let fragment = fragment.trim().trim_start_matches('#');
    let payload = fragment.strip_prefix(VERSION_PREFIX).ok_or(ShareError::UnknownVersion)?;
    let compressed = URL_SAFE_NO_PAD.decode(payload).map_err(|_| ShareError::NotBase64)?;
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&compressed, max_decoded_bytes).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            ShareError::TooLarge(max_decoded_bytes)
        } else {
            ShareError::Corrupt
        }
    })?;
    serde_json::from_slice(&json).map_err(|e| ShareError::NotInputs(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> SharedInputs {
        SharedInputs {
            plan: std::fs::read_to_string(format!("{}/../../tests/scenarios/seq-scan-orders-status.json", env!("CARGO_MANIFEST_DIR")))
                .expect("fixture"),
            schema: "CREATE TABLE t (id bigint PRIMARY KEY, é text);".into(),
            sql: "SELECT * FROM t WHERE é = '🐘';".into(),
            sql_is_migration: true,
            ..SharedInputs::default()
        }
    }

    #[test]
    fn round_trips_and_compresses() {
        let inputs = sample();
        let link = encode(&inputs);
        assert!(link.starts_with("v1."));
        assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')), "URL-safe");
        assert!(link.len() < inputs.plan.len() / 2, "{} vs {}", link.len(), inputs.plan.len());
        assert_eq!(decode(&format!("#{link}"), DEFAULT_MAX_DECODED_BYTES), Ok(inputs));
    }

    #[test]
    fn decompression_is_capped() {
        let bomb = SharedInputs { plan: "a".repeat(5_000_000), ..SharedInputs::default() };
        let link = encode(&bomb);
        assert!(link.len() < 20_000, "highly compressible: {}", link.len());
        assert_eq!(decode(&link, 1_000_000), Err(ShareError::TooLarge(1_000_000)));
    }

    #[test]
    fn damaged_links_are_errors_not_panics() {
        assert_eq!(decode("v9.abc", 1000), Err(ShareError::UnknownVersion));
        assert_eq!(decode("v1.!!!", 1000), Err(ShareError::NotBase64));
        assert_eq!(decode("v1.AAAA", 1000), Err(ShareError::Corrupt));
        let not_inputs = format!("v1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(b"[1,2]", 6)));
        assert!(matches!(decode(&not_inputs, 1000), Err(ShareError::NotInputs(_))));
    }

    #[test]
    fn links_open_the_share_route() {
        let inputs = SharedInputs { sql: "SELECT 1;".into(), ..SharedInputs::default() };
        let url = link("https://example.org/app/#/rules", &inputs);
        let fragment = url.strip_prefix("https://example.org/app/#/s/").expect("share route");
        assert_eq!(decode(fragment, 1_000), Ok(inputs));
    }

    #[test]
    fn sizes_are_classified() {
        assert_eq!(link_size(100), LinkSize::Fine);
        assert_eq!(link_size(10_000), LinkSize::TooLongForChat);
        assert_eq!(link_size(100_000), LinkSize::TooLongForBrowsers);
    }
}
