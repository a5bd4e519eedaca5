//! Whether `ALTER COLUMN ... TYPE` rewrites the table: PostgreSQL skips the rewrite
//! (and keeps the indexes) when every old value is already a valid value of the new
//! type, which it knows for a short list of binary-compatible changes.
//!
//! Types are compared as [`crate::sql::catalog::types::normalize`] prints them
//! (`character varying(50)`, `numeric(10,2)`, `timestamp without time zone`).

use crate::sql::catalog::types::normalize;

/// What a type change costs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeChange {
    /// Old values are valid as they are: no rewrite, no index rebuild.
    BinaryCompatible { reason: String },
    /// No rewrite only when `condition` holds; `met` says whether the migration
    /// shows it does (`None`: it does not say).
    Conditional { condition: String, met: Option<bool> },
    /// Every row is converted and written again.
    Rewrite { reason: String },
    /// The column's current type is not known (no schema, and the migration did not
    /// create the column).
    UnknownOldType,
}

impl TypeChange {
    /// Whether the change rewrites the table for sure or possibly.
    pub fn may_rewrite(&self) -> bool {
        match self {
            TypeChange::BinaryCompatible { .. } => false,
            TypeChange::Conditional { met, .. } => *met != Some(true),
            TypeChange::Rewrite { .. } | TypeChange::UnknownOldType => true,
        }
    }
}

/// A normalized type split into its parts: `numeric(10,2)[]` → (`numeric`, [10, 2], 1).
#[derive(Debug, Clone, PartialEq, Eq)]
struct TypeParts {
    base: String,
    modifiers: Option<Vec<i64>>,
    arrays: usize,
}

fn parts(normalized: &str) -> TypeParts {
    let arrays = normalized.matches("[]").count();
    let text = normalized.replace("[]", "");
    match (text.find('('), text.find(')')) {
        (Some(open), Some(close)) if open < close => {
            let modifiers = text[open + 1..close].split(',').map(|m| m.trim().parse::<i64>()).collect::<Result<Vec<_>, _>>().ok();
            let base = format!("{} {}", text[..open].trim(), text[close + 1..].trim()).trim().to_owned();
            TypeParts { base, modifiers, arrays }
        }
        _ => TypeParts { base: text.trim().to_owned(), modifiers: None, arrays },
    }
}

/// Whether a session `TimeZone` value means UTC.
pub fn is_utc(zone: &str) -> bool {
    let zone = zone.trim().trim_matches('\'').to_ascii_lowercase();
    matches!(zone.as_str(), "utc" | "etc/utc" | "gmt" | "etc/gmt" | "zulu" | "universal" | "etc/universal" | "z" | "+00" | "+00:00" | "0")
}

/// Classifies a change of a column from `old` to `new` (both as written or
/// normalized). `trivial_using` is false when a `USING` expression computes the new
/// value from more than the column itself. `timezone` is the session TimeZone the
/// migration set, if it set one.
pub fn classify(old: Option<&str>, new: &str, trivial_using: bool, timezone: Option<&str>) -> TypeChange {
    let Some(old) = old else { return TypeChange::UnknownOldType };
    let (old_n, new_n) = (normalize(old), normalize(new));
    if !trivial_using {
        return TypeChange::Rewrite { reason: "the USING expression is computed for every row".to_owned() };
    }
    if old_n == new_n {
        return TypeChange::BinaryCompatible { reason: format!("the type stays {new_n}") };
    }
    let (a, b) = (parts(&old_n), parts(&new_n));
    let rewrite = |reason: String| TypeChange::Rewrite { reason };
    let compatible = |reason: String| TypeChange::BinaryCompatible { reason };
    if a.arrays != b.arrays || a.arrays > 0 {
        return rewrite(format!("{old_n} values are converted to {new_n} one by one"));
    }
    let length = |m: &Option<Vec<i64>>| m.as_ref().and_then(|m| m.first().copied());
    let text_like = |base: &str| base == "text" || base == "character varying";
    match (a.base.as_str(), b.base.as_str()) {
        // varchar(n) → varchar(m ≥ n), varchar → text, text → varchar.
        (x, "character varying") if text_like(x) => match (length(&a.modifiers), length(&b.modifiers)) {
            (_, None) => compatible(format!("{old_n} → {new_n} removes no value and changes no bytes")),
            (Some(n), Some(m)) if m >= n => compatible(format!("{old_n} → {new_n} only raises the length limit")),
            (Some(n), Some(m)) => rewrite(format!("lowering the limit from {n} to {m} checks and rewrites every value")),
            (None, Some(m)) => rewrite(format!("a limit of {m} characters has to be checked on every value")),
        },
        (x, "text") if text_like(x) => compatible(format!("{old_n} → text changes no bytes")),
        ("numeric", "numeric") => match (&a.modifiers, &b.modifiers) {
            (_, None) => compatible("an unconstrained numeric holds every value as it is".to_owned()),
            (Some(old_m), Some(new_m)) if old_m.get(1).copied().unwrap_or(0) == new_m.get(1).copied().unwrap_or(0) && new_m[0] >= old_m[0] => {
                compatible(format!("{old_n} → {new_n} keeps the scale and only raises the precision"))
            }
            _ => rewrite(format!("{old_n} → {new_n} changes the scale or lowers the precision: every value is rounded or checked")),
        },
        ("bit varying", "bit varying") => match (length(&a.modifiers), length(&b.modifiers)) {
            (_, None) => compatible("removing the length limit changes no bytes".to_owned()),
            (Some(n), Some(m)) if m >= n => compatible(format!("{old_n} → {new_n} only raises the length limit")),
            _ => rewrite(format!("{old_n} → {new_n} lowers the length limit")),
        },
        ("cidr", "inet") => compatible("every cidr value is a valid inet value with the same bytes".to_owned()),
        (x, y) if x == y && (x.starts_with("timestamp") || x.starts_with("time ")) => {
            match (length(&a.modifiers), length(&b.modifiers)) {
                (_, None) => compatible("removing the precision limit changes no value".to_owned()),
                (Some(p), Some(q)) if q >= p => compatible(format!("raising the fractional-second precision from {p} to {q} changes no value")),
                _ => rewrite(format!("{old_n} → {new_n} rounds every value to the lower precision")),
            }
        }
        ("timestamp without time zone", "timestamp with time zone") | ("timestamp with time zone", "timestamp without time zone") => {
            let precision_ok = match (length(&a.modifiers), length(&b.modifiers)) {
                (_, None) => true,
                (Some(p), Some(q)) => q >= p,
                (None, Some(_)) => false,
            };
            if !precision_ok {
                return rewrite(format!("{old_n} → {new_n} also lowers the precision"));
            }
            TypeChange::Conditional {
                condition: "PostgreSQL 12 and later skip the rewrite only when the session TimeZone is UTC, where both types store the same bytes".to_owned(),
                met: timezone.map(is_utc),
            }
        }
        _ => rewrite(format!("{old_n} values are converted to {new_n} one by one")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewrites(old: &str, new: &str) -> bool {
        matches!(classify(Some(old), new, true, None), TypeChange::Rewrite { .. })
    }

    fn compatible(old: &str, new: &str) -> bool {
        matches!(classify(Some(old), new, true, None), TypeChange::BinaryCompatible { .. })
    }

    #[test]
    fn binary_compatible_changes_do_not_rewrite() {
        for (old, new) in [
            ("varchar(50)", "varchar(100)"),
            ("character varying(50)", "VARCHAR(50)"),
            ("varchar(50)", "text"),
            ("varchar(50)", "varchar"),
            ("varchar", "text"),
            ("text", "varchar"),
            ("numeric(10,2)", "numeric(12,2)"),
            ("numeric(10,2)", "numeric"),
            ("cidr", "inet"),
            ("timestamp(3)", "timestamp(6)"),
            ("varbit(4)", "bit varying(8)"),
        ] {
            assert!(compatible(old, new), "{old} → {new}: {:?}", classify(Some(old), new, true, None));
        }
    }

    #[test]
    fn other_changes_rewrite() {
        for (old, new) in [
            ("integer", "bigint"),
            ("int4", "int8"),
            ("varchar(100)", "varchar(50)"),
            ("text", "varchar(20)"),
            ("numeric(10,2)", "numeric(10,4)"),
            ("numeric(10,2)", "numeric(8,2)"),
            ("numeric", "numeric(10,2)"),
            ("json", "jsonb"),
            ("inet", "cidr"),
            ("char(10)", "char(20)"),
            ("text[]", "varchar[]"),
            ("timestamp(6)", "timestamp(3)"),
        ] {
            assert!(rewrites(old, new), "{old} → {new}: {:?}", classify(Some(old), new, true, None));
        }
        // A USING expression is computed for every row.
        assert!(matches!(classify(Some("varchar(10)"), "text", false, None), TypeChange::Rewrite { .. }));
    }

    #[test]
    fn timestamptz_depends_on_the_session_time_zone() {
        let unknown = classify(Some("timestamp"), "timestamptz", true, None);
        assert!(matches!(unknown, TypeChange::Conditional { met: None, .. }), "{unknown:?}");
        assert!(unknown.may_rewrite());
        let utc = classify(Some("timestamp without time zone"), "timestamp with time zone", true, Some("'UTC'"));
        assert!(matches!(utc, TypeChange::Conditional { met: Some(true), .. }) && !utc.may_rewrite());
        let paris = classify(Some("timestamptz"), "timestamp", true, Some("Europe/Paris"));
        assert!(matches!(paris, TypeChange::Conditional { met: Some(false), .. }) && paris.may_rewrite());
        assert_eq!(classify(None, "text", true, None), TypeChange::UnknownOldType);
    }
}
