//! `pgsight.toml`: which rules run, at what severity, with which thresholds.
//!
//! ```toml
//! postgres-version = 15
//! assume-in-transaction = true      # the migration runner wraps each file in BEGIN/COMMIT
//! fail-on = "warning"               # the CLI's default for --fail-on
//! max-input-mb = 64                 # larger inputs are refused with a note (default 64)
//!
//! [rules]
//! disable = ["select-star"]
//!
//! [rules.severity]
//! prefer-text = "warning"
//!
//! [rules.thresholds.seq-scan-selective-filter]
//! min_removed_rows = 5000
//! ```
//!
//! Every key is checked: an unknown key, rule id, severity or threshold is an error
//! with its line and column, because a typo in a CI config must not pass silently.

use std::collections::{HashMap, HashSet};

use crate::position::line_column;
use crate::rules::ThresholdOverrides;
use crate::{Rule, Severity};

/// The default input size cap: 64 MiB per input, far above any real plan or schema
/// dump, low enough that a browser tab is not asked to hold a runaway paste.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Which rules run and how.
#[derive(Debug, Clone)]
pub struct Config {
    pub disabled: HashSet<String>,
    pub severity: HashMap<String, Severity>,
    pub thresholds: ThresholdOverrides,
    /// The PostgreSQL major version the advice should target, when known.
    pub postgres_version: Option<u32>,
    /// The migration runner wraps each file in a transaction.
    pub assume_in_transaction: bool,
    /// The CLI's default `--fail-on`.
    pub fail_on: Option<String>,
    /// Inputs longer than this (in bytes) are refused with a note, not read
    /// (`max-input-mb` in pgsight.toml; default [`DEFAULT_MAX_INPUT_BYTES`]).
    pub max_input_bytes: usize,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            disabled: HashSet::new(),
            severity: HashMap::new(),
            thresholds: ThresholdOverrides::default(),
            postgres_version: None,
            assume_in_transaction: false,
            fail_on: None,
            max_input_bytes: DEFAULT_MAX_INPUT_BYTES,
        }
    }
}

/// A configuration error, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    pub line: Option<u32>,
    pub column: Option<u32>,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

type Spanned<T> = toml::Spanned<T>;

/// An error at the start of `span`.
fn error_at(text: &str, span: std::ops::Range<usize>, message: impl Into<String>) -> ConfigError {
    let (line, column) = line_column(text, span.start);
    ConfigError { message: message.into(), line: Some(line), column: Some(column) }
}

impl Config {
    /// Reads `pgsight.toml` text.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let document = toml::de::DeTable::parse(text).map_err(|e| {
            let (line, column) = e.span().map(|s| line_column(text, s.start)).unzip();
            ConfigError { message: e.message().to_owned(), line, column }
        })?;
        let mut config = Config::default();
        for (key, value) in document.get_ref().iter() {
            let at = |message: &str| error_at(text, value.span(), message);
            match key.get_ref().as_ref() {
                "postgres-version" => {
                    let version = integer(value.get_ref()).filter(|v| (9..=30).contains(v));
                    config.postgres_version = Some(version.ok_or_else(|| at("postgres-version must be a major version such as 15"))? as u32);
                }
                "assume-in-transaction" => {
                    config.assume_in_transaction = value.get_ref().as_bool().ok_or_else(|| at("assume-in-transaction must be true or false"))?;
                }
                "fail-on" => {
                    let v = value.get_ref().as_str().filter(|v| matches!(*v, "error" | "warning" | "info" | "never"));
                    config.fail_on = Some(v.ok_or_else(|| at("fail-on must be error, warning, info or never"))?.to_owned());
                }
                "max-input-mb" => {
                    let mb = integer(value.get_ref()).filter(|v| *v >= 1);
                    let mb = mb.ok_or_else(|| at("max-input-mb must be a whole number of MiB, at least 1"))?;
                    config.max_input_bytes = usize::try_from(mb).unwrap_or(usize::MAX).saturating_mul(1024 * 1024);
                }
                "rules" => read_rules(text, value, &mut config)?,
                other => {
                    return Err(error_at(
                        text,
                        key.span(),
                        format!("unknown key `{other}` (known: postgres-version, assume-in-transaction, fail-on, max-input-mb, rules)"),
                    ))
                }
            }
        }
        Ok(config)
    }
}

fn integer(value: &toml::de::DeValue<'_>) -> Option<i64> {
    let i = value.as_integer()?;
    i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok()
}

fn table<'a, 'i>(text: &str, value: &'a Spanned<toml::de::DeValue<'i>>, name: &str) -> Result<&'a toml::de::DeTable<'i>, ConfigError> {
    value.get_ref().as_table().ok_or_else(|| error_at(text, value.span(), format!("{name} must be a table")))
}

fn read_rules(text: &str, value: &Spanned<toml::de::DeValue<'_>>, config: &mut Config) -> Result<(), ConfigError> {
    for (key, value) in table(text, value, "rules")?.iter() {
        match key.get_ref().as_ref() {
            "disable" => {
                let list = value.get_ref().as_array().ok_or_else(|| error_at(text, value.span(), "rules.disable must be a list of rule ids"))?;
                for item in list.iter() {
                    let id = item.get_ref().as_str().ok_or_else(|| error_at(text, item.span(), "rule ids are strings"))?;
                    known_rule(id).map_err(|m| error_at(text, item.span(), m))?;
                    config.disabled.insert(id.to_owned());
                }
            }
            "severity" => {
                for (id, level) in table(text, value, "rules.severity")?.iter() {
                    known_rule(id.get_ref()).map_err(|m| error_at(text, id.span(), m))?;
                    let severity = level
                        .get_ref()
                        .as_str()
                        .and_then(Severity::parse)
                        .ok_or_else(|| error_at(text, level.span(), "severity must be error, warning or info"))?;
                    config.severity.insert(id.get_ref().to_string(), severity);
                }
            }
            "thresholds" => {
                for (id, overrides) in table(text, value, "rules.thresholds")?.iter() {
                    let rule = known_rule(id.get_ref()).map_err(|m| error_at(text, id.span(), m))?;
                    let defaults = rule.meta().default_thresholds.map(|f| f()).unwrap_or_default();
                    let mut map = serde_json::Map::new();
                    for (name, v) in table(text, overrides, "a rule's thresholds")?.iter() {
                        let name_text = name.get_ref().to_string();
                        let Some(default) = defaults.get(&name_text) else {
                            let known: Vec<&str> = defaults.as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
                            let hint = if known.is_empty() { "it has none".to_owned() } else { format!("known: {}", known.join(", ")) };
                            return Err(error_at(text, name.span(), format!("rule `{}` has no threshold `{name_text}` ({hint})", id.get_ref())));
                        };
                        let json = match (v.get_ref(), default) {
                            (toml::de::DeValue::Boolean(b), serde_json::Value::Bool(_)) => serde_json::json!(b),
                            (toml::de::DeValue::String(text), serde_json::Value::String(_)) => serde_json::json!(text.as_ref()),
                            (value, serde_json::Value::Number(_)) if value.is_integer() => serde_json::json!(integer(value)),
                            (toml::de::DeValue::Float(f), serde_json::Value::Number(_)) => {
                                serde_json::json!(f.as_str().replace('_', "").parse::<f64>().unwrap_or(f64::NAN))
                            }
                            _ => return Err(error_at(text, v.span(), format!("threshold `{name_text}` takes a value like {default}"))),
                        };
                        map.insert(name_text, json);
                    }
                    config.thresholds.insert(id.get_ref().to_string(), map);
                }
            }
            other => {
                return Err(error_at(text, key.span(), format!("unknown key `rules.{other}` (known: disable, severity, thresholds)")))
            }
        }
    }
    Ok(())
}

fn known_rule(id: &str) -> Result<Rule, String> {
    Rule::from_id(id).ok_or_else(|| format!("unknown rule id `{id}`; `pgsight rules` lists them"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let text = "postgres-version = 16\nassume-in-transaction = true\nfail-on = \"warning\"\n\n[rules]\ndisable = [\"slow-node\"]\n\n[rules.severity]\nrow-misestimate = \"error\"\n\n[rules.thresholds.index-scan-filter]\nmin_removed_rows = 5_000\n";
        let config = Config::from_toml(text).expect("valid");
        assert_eq!(config.postgres_version, Some(16));
        assert!(config.assume_in_transaction);
        assert_eq!(config.fail_on.as_deref(), Some("warning"));
        assert!(config.disabled.contains("slow-node"));
        assert_eq!(config.severity.get("row-misestimate"), Some(&Severity::Error));
        assert_eq!(config.thresholds["index-scan-filter"]["min_removed_rows"], serde_json::json!(5000));
        assert_eq!(config.max_input_bytes, DEFAULT_MAX_INPUT_BYTES);
    }

    #[test]
    fn max_input_mb_sets_the_size_cap() {
        assert_eq!(Config::from_toml("max-input-mb = 2\n").expect("valid").max_input_bytes, 2 * 1024 * 1024);
        for bad in ["max-input-mb = 0\n", "max-input-mb = -3\n", "max-input-mb = \"64\"\n", "max-input-mb = 1.5\n"] {
            let err = Config::from_toml(bad).expect_err(bad);
            assert!(err.message.contains("max-input-mb must be"), "{bad}: {}", err.message);
            assert_eq!((err.line, err.column), (Some(1), Some(16)), "{bad}");
        }
    }

    #[test]
    fn unknown_keys_are_errors_with_positions() {
        let err = Config::from_toml("fail-on = \"error\"\nfial-on = 1\n").expect_err("typo");
        assert_eq!((err.line, err.column), (Some(2), Some(1)));
        assert!(err.message.contains("unknown key `fial-on`"));
        let err = Config::from_toml("[rules]\ndisable = [\"slow-node\", \"no-such-rule\"]\n").expect_err("rule id");
        assert_eq!((err.line, err.column), (Some(2), Some(25)));
        let err = Config::from_toml("[rules.thresholds.index-scan-filter]\nmin_rows = 3\n").expect_err("threshold");
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("known: "), "{}", err.message);
        let err = Config::from_toml("[rules.severity]\nslow-node = \"loud\"\n").expect_err("severity");
        assert_eq!((err.line, err.column), (Some(2), Some(13)));
        let err = Config::from_toml("[rules\n").expect_err("syntax");
        assert_eq!(err.line, Some(1));
    }

    #[test]
    fn overrides_reach_the_rules() {
        let path = format!("{}/../../tests/scenarios/index-scan-filter-bitmap-status.json", env!("CARGO_MANIFEST_DIR"));
        let plan = crate::Input::new(crate::InputKind::Plan, "plan", std::fs::read_to_string(path).expect("scenario"));
        let fires = |config: &Config| crate::analyze(std::slice::from_ref(&plan), config).findings.iter().any(|f| f.rule == "index-scan-filter");
        assert!(fires(&Config::default()));
        let strict = Config::from_toml("[rules.thresholds.index-scan-filter]\nmin_removed_rows = 1e12\n").expect("valid");
        assert!(!fires(&strict));
    }
}
