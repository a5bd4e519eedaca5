//! Reads the conditions PostgreSQL prints in plans (`Filter`, `Index Cond`, ...).
//!
//! PostgreSQL deparses expressions fully parenthesized, with casts on literals:
//! `((status = 'open'::text) AND (created_at >= '2024-01-01'::date))`. This module
//! splits the top-level ANDs and recognizes the `column op constant` shapes that
//! index advice needs. Anything else is kept as [`ConjunctKind::Other`].

/// A column reference, as written in the plan (`o.status` or `status`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRef {
    pub qualifier: Option<String>,
    pub name: String,
}

/// How a conjunct constrains its column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConjunctKind {
    /// `col = const`, `col = ANY (...)`: an index equality column.
    Equality,
    /// `col < const`, `col >= const`, `col ~~ 'abc%'`: an index range column.
    Range,
    /// `col IS NULL` / `col IS NOT NULL`.
    NullTest { negated: bool },
    /// A bare boolean column or `NOT col`.
    Boolean { value: bool },
    /// `col ~~ '%x'` and friends: LIKE with a leading wildcard.
    LeadingWildcard,
    /// Anything else (functions on the column, OR, column-to-column).
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conjunct {
    /// The conjunct as printed, outer parentheses removed.
    pub text: String,
    pub column: Option<ColumnRef>,
    pub kind: ConjunctKind,
    /// The operator between column and constant (`=`, `>=`, `~~`), when there is one.
    pub operator: Option<String>,
    /// The constant side as printed (`'open'::text`), when there is one.
    pub constant: Option<String>,
}

/// Splits `expr` into its top-level AND conjuncts and classifies each.
pub fn conjuncts(expr: &str) -> Vec<Conjunct> {
    split_top_level(strip_outer_parens(expr.trim()), " AND ")
        .into_iter()
        .map(|part| classify(strip_outer_parens(part.trim())))
        .collect()
}

/// Removes parentheses that wrap the whole expression, however many.
pub fn strip_outer_parens(mut s: &str) -> &str {
    loop {
        let t = s.trim();
        if t.starts_with('(') && matching_close(t, 0) == Some(t.len() - 1) {
            s = &t[1..t.len() - 1];
        } else {
            return t;
        }
    }
}

/// Byte index of the parenthesis closing the one at `open`, skipping quoted text.
fn matching_close(s: &str, open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    for (i, &b) in s.as_bytes().iter().enumerate().skip(open) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'\'' | b'"') => quote = Some(b),
            (None, b'(') => depth += 1,
            (None, b')') => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// Splits at `sep` where it stands outside parentheses and quotes.
pub fn split_top_level<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let bytes = s.as_bytes();
    let mut parts = Vec::new();
    let (mut depth, mut quote, mut start, mut i) = (0i32, None::<u8>, 0usize, 0usize);
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None => match b {
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                // Bytes, not `s[i..]`: `i` may sit inside a multi-byte character.
                _ if depth == 0 && bytes[i..].starts_with(sep.as_bytes()) => {
                    parts.push(&s[start..i]);
                    i += sep.len();
                    start = i;
                    continue;
                }
                _ => {}
            },
        }
        i += 1;
    }
    parts.push(&s[start..]);
    parts
}

const OPERATORS: &[(&str, ConjunctKind)] = &[
    (" = ANY ", ConjunctKind::Equality),
    (" <= ", ConjunctKind::Range),
    (" >= ", ConjunctKind::Range),
    (" <> ", ConjunctKind::Other),
    (" !~~* ", ConjunctKind::Other),
    (" !~~ ", ConjunctKind::Other),
    (" ~~* ", ConjunctKind::Range),
    (" ~~ ", ConjunctKind::Range),
    (" = ", ConjunctKind::Equality),
    (" < ", ConjunctKind::Range),
    (" > ", ConjunctKind::Range),
];

fn classify(text: &str) -> Conjunct {
    let mut conjunct = Conjunct { text: text.to_owned(), column: None, kind: ConjunctKind::Other, operator: None, constant: None };
    if let Some(rest) = text.strip_prefix("NOT ") {
        if let Some(col) = column_ref(strip_outer_parens(rest)) {
            conjunct.column = Some(col);
            conjunct.kind = ConjunctKind::Boolean { value: false };
        }
        return conjunct;
    }
    for (suffix, negated) in [(" IS NOT NULL", true), (" IS NULL", false)] {
        if let Some(lhs) = text.strip_suffix(suffix) {
            if let Some(col) = column_ref(strip_outer_parens(lhs)) {
                conjunct.column = Some(col);
                conjunct.kind = ConjunctKind::NullTest { negated };
            }
            return conjunct;
        }
    }
    if let Some(col) = column_ref(text) {
        conjunct.column = Some(col);
        conjunct.kind = ConjunctKind::Boolean { value: true };
        return conjunct;
    }
    for (op, kind) in OPERATORS {
        let parts = split_top_level(text, op);
        if parts.len() != 2 {
            continue;
        }
        let (lhs, rhs) = (parts[0].trim(), parts[1].trim());
        let (col, constant, swapped) = match (column_ref(lhs), is_constant(rhs), column_ref(rhs), is_constant(lhs)) {
            (Some(col), true, _, _) => (col, rhs, false),
            (_, _, Some(col), true) => (col, lhs, true),
            _ => return conjunct,
        };
        let op_text = op.trim();
        conjunct.kind = match kind {
            ConjunctKind::Range if op_text.starts_with("~~") && like_pattern_leads_with_wildcard(constant) => {
                ConjunctKind::LeadingWildcard
            }
            ConjunctKind::Range if op_text.starts_with("~~") && swapped => ConjunctKind::Other,
            other => other.clone(),
        };
        conjunct.column = Some(col);
        conjunct.operator = Some(op_text.to_owned());
        conjunct.constant = Some(constant.to_owned());
        return conjunct;
    }
    conjunct
}

fn like_pattern_leads_with_wildcard(constant: &str) -> bool {
    constant.trim_start_matches('(').starts_with("'%") || constant.trim_start_matches('(').starts_with("'_")
}

/// `name`, `t.name`, `"Name"`, or `(name)::text` (a cast PostgreSQL adds for
/// varchar columns, which a btree index on the column still serves).
pub fn column_ref(s: &str) -> Option<ColumnRef> {
    let s = s.trim();
    if let Some(inner) = s.strip_prefix('(') {
        let close = matching_close(s, 0)?;
        let cast = &s[close + 1..];
        if cast.starts_with("::") && is_type_name(&cast[2..]) && matches!(&cast[2..], "text" | "character varying" | "bpchar") {
            return column_ref(&inner[..close - 1]);
        }
        return None;
    }
    let parts = split_identifier_path(s)?;
    match parts.as_slice() {
        [name] => Some(ColumnRef { qualifier: None, name: name.clone() }),
        [qualifier, name] => Some(ColumnRef { qualifier: Some(qualifier.clone()), name: name.clone() }),
        _ => None,
    }
}

fn is_type_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '_' || c == '"' || c == '[' || c == ']')
}

/// Splits `a.b` into identifiers; `None` unless the whole text is an identifier path.
fn split_identifier_path(s: &str) -> Option<Vec<String>> {
    let mut parts = Vec::new();
    let mut rest = s;
    loop {
        let (ident, after) = if let Some(quoted) = rest.strip_prefix('"') {
            // A quoted identifier ends at a `"` that is not doubled (`""` is one `"`).
            let mut ident = String::new();
            let mut chars = quoted.char_indices();
            let end = loop {
                let (i, c) = chars.next()?;
                if c != '"' {
                    ident.push(c);
                } else if quoted[i + 1..].starts_with('"') {
                    ident.push('"');
                    chars.next();
                } else {
                    break i;
                }
            };
            (ident, &quoted[end + 1..])
        } else {
            let end = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$')).unwrap_or(rest.len());
            let ident = &rest[..end];
            let first = ident.chars().next()?;
            if !(first.is_alphabetic() || first == '_') || is_keyword(ident) {
                return None;
            }
            (ident.to_owned(), &rest[end..])
        };
        parts.push(ident);
        if after.is_empty() {
            return Some(parts);
        }
        rest = after.strip_prefix('.')?;
    }
}

fn is_keyword(word: &str) -> bool {
    matches!(
        word.to_ascii_uppercase().as_str(),
        "TRUE" | "FALSE" | "NULL" | "AND" | "OR" | "NOT" | "CASE" | "ANY" | "ALL" | "ARRAY" | "CURRENT_DATE" | "CURRENT_TIMESTAMP" | "LOCALTIMESTAMP"
    )
}

/// A literal (with optional casts), a parameter `$1`, a number, or an ARRAY/ANY list
/// of those.
pub fn is_constant(s: &str) -> bool {
    let s = strip_outer_parens(s.trim());
    let base = strip_casts(s);
    if base.starts_with('\'') && base.ends_with('\'') && base.len() >= 2 {
        return true;
    }
    if let Some(n) = base.strip_prefix('$') {
        return !n.is_empty() && n.chars().all(|c| c.is_ascii_digit());
    }
    if base.parse::<f64>().is_ok() {
        return true;
    }
    if matches!(base.to_ascii_lowercase().as_str(), "true" | "false" | "current_date" | "current_timestamp" | "now()") {
        return true;
    }
    if let Some(inner) = base.strip_prefix("ARRAY[").and_then(|r| r.strip_suffix(']')) {
        return split_top_level(inner, ",").iter().all(|p| is_constant(p));
    }
    false
}

/// `'x'::text::varchar` → `'x'`; stops at the first `::` outside quotes.
fn strip_casts(s: &str) -> &str {
    let parts = split_top_level(s, "::");
    let base = parts[0].trim();
    strip_outer_parens(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_and_classifies_pg_filters() {
        let c = conjuncts("((status = 'open'::text) AND (created_at >= '2024-01-01'::date) AND (NOT o.archived) AND (deleted_at IS NULL))");
        let kinds: Vec<_> = c.iter().map(|c| (c.column.as_ref().map(|c| c.name.as_str()), c.kind.clone())).collect();
        assert_eq!(
            kinds,
            vec![
                (Some("status"), ConjunctKind::Equality),
                (Some("created_at"), ConjunctKind::Range),
                (Some("archived"), ConjunctKind::Boolean { value: false }),
                (Some("deleted_at"), ConjunctKind::NullTest { negated: false }),
            ]
        );
        assert_eq!(c[2].column.as_ref().and_then(|c| c.qualifier.as_deref()), Some("o"));
    }

    #[test]
    fn quoted_columns_with_doubled_quotes_and_dots() {
        let c = conjuncts(r#"(("a""b")::text = 'x'::text)"#);
        assert_eq!(c[0].column.as_ref().map(|c| c.name.as_str()), Some(r#"a"b"#));
        assert_eq!(c[0].kind, ConjunctKind::Equality);
        let c = conjuncts(r#"(t."<img src=x onerror=""a.b"">" = 1)"#);
        let column = c[0].column.as_ref().expect("a column");
        assert_eq!((column.qualifier.as_deref(), column.name.as_str()), (Some("t"), r#"<img src=x onerror="a.b">"#));
    }

    #[test]
    fn recognizes_casts_any_and_params() {
        let c = conjuncts("((name)::text = 'seattle'::text)");
        assert_eq!(c[0].column.as_ref().map(|c| c.name.as_str()), Some("name"));
        let c = conjuncts("(s.property_type_id = ANY ('{3,6}'::bigint[]))");
        assert_eq!(c[0].kind, ConjunctKind::Equality);
        let c = conjuncts("(customer_id = $1)");
        assert_eq!(c[0].kind, ConjunctKind::Equality);
    }

    #[test]
    fn functions_or_and_wildcards_are_not_sargable() {
        assert_eq!(conjuncts("(lower((email)::text) = 'a@b.c'::text)")[0].kind, ConjunctKind::Other);
        assert_eq!(conjuncts("((a = 1) OR (b = 2))")[0].kind, ConjunctKind::Other);
        assert_eq!(conjuncts("((name)::text ~~ '%son'::text)")[0].kind, ConjunctKind::LeadingWildcard);
        assert_eq!(conjuncts("((name)::text ~~ 'son%'::text)")[0].kind, ConjunctKind::Range);
        assert_eq!(conjuncts("(0 <> (s.search_status_id & 1))")[0].kind, ConjunctKind::Other);
    }
}

// ---------------------------------------------------------------------------
// Join keys, functions and casts on columns, and range rewrites.

/// `a.x = b.y`: a conjunct that equates two columns (a join key). Returns both sides.
pub fn column_equality(conjunct: &str) -> Option<(ColumnRef, ColumnRef)> {
    let text = strip_outer_parens(conjunct.trim());
    let parts = split_top_level(text, " = ");
    match parts.as_slice() {
        [lhs, rhs] => Some((column_ref(lhs)?, column_ref(rhs)?)),
        _ => None,
    }
}

/// Every `a.x = b.y` among the top-level conjuncts of `expr`.
pub fn join_keys(expr: &str) -> Vec<(ColumnRef, ColumnRef)> {
    split_top_level(strip_outer_parens(expr.trim()), " AND ").into_iter().filter_map(column_equality).collect()
}

/// Rewrites each `own.col = other.col` conjunct of `expr` as `own.col = $0`. On the
/// side of a join that runs once per outer row, a join key is an equality with a
/// value known at run time, and that is how an index serves it. Other conjuncts are
/// kept as printed; the result is the conjuncts joined with AND.
pub fn parameterize_join_keys(expr: &str, is_own: impl Fn(&ColumnRef) -> bool) -> String {
    split_top_level(strip_outer_parens(expr.trim()), " AND ")
        .into_iter()
        .map(|part| {
            let part = strip_outer_parens(part.trim());
            match column_equality(part) {
                Some((a, b)) if is_own(&a) && !is_own(&b) => format!("({} = $0)", column_text(&a)),
                Some((a, b)) if is_own(&b) && !is_own(&a) => format!("({} = $0)", column_text(&b)),
                _ => format!("({part})"),
            }
        })
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// A column reference written back the way PostgreSQL prints it.
pub fn column_text(c: &ColumnRef) -> String {
    let quote = |s: &str| {
        let plain = s.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if plain {
            s.to_owned()
        } else {
            format!("\"{}\"", s.replace('"', "\"\""))
        }
    };
    match &c.qualifier {
        Some(q) => format!("{}.{}", quote(q), quote(&c.name)),
        None => quote(&c.name),
    }
}

/// What wraps a column in a non-sargable comparison (the outermost layer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wrapper {
    /// `lower(email)`, `date_trunc('month'::text, ts)`, `EXTRACT(year FROM ts)`. The
    /// name is lower case; `args` are the arguments as printed (for EXTRACT: the
    /// field, then the expression).
    Function { name: String, args: Vec<String> },
    /// `(ts)::date`, `(id)::numeric`. Casts to text, varchar and bpchar are not
    /// reported: PostgreSQL prints `(varchar_col)::text` for plain varchar
    /// comparisons, which an index on the column serves.
    Cast { type_name: String },
}

/// A comparison of a function or cast of a column with a value:
/// `lower((customers.email)::text) = 'a@b.c'::text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrappedColumn {
    /// The conjunct as printed, outer parentheses removed.
    pub text: String,
    /// The wrapped side as printed: `lower((customers.email)::text)`.
    pub expression: String,
    pub column: ColumnRef,
    pub wrapper: Wrapper,
    /// The operator, turned around when the value was on the left, so that it always
    /// reads `expression operator value`.
    pub operator: String,
    /// The value side as printed: `'a@b.c'::text`.
    pub value: String,
}

const COMPARISONS: &[&str] = &[" = ANY ", " <> ", " <= ", " >= ", " !~~* ", " !~~ ", " ~~* ", " ~~ ", " = ", " < ", " > "];

/// Reads `conjunct` as `f(col) op value` (or `value op f(col)`), where `f` is a
/// function or a cast and `value` mentions no column.
pub fn wrapped_column(conjunct: &str) -> Option<WrappedColumn> {
    let text = strip_outer_parens(conjunct.trim());
    for op in COMPARISONS {
        let parts = split_top_level(text, op);
        let [lhs, rhs] = parts.as_slice() else { continue };
        let (lhs, rhs) = (lhs.trim(), rhs.trim());
        let op = op.trim();
        let (expression, value, operator) = if let Some(w) = wrapped_expression(lhs).filter(|_| is_value(rhs)) {
            (lhs, rhs, (w, op.to_owned()))
        } else if let Some(w) = wrapped_expression(rhs).filter(|_| is_value(lhs) && op != "= ANY") {
            (rhs, lhs, (w, flip(op).to_owned()))
        } else {
            return None;
        };
        let ((column, wrapper), operator) = operator;
        return Some(WrappedColumn {
            text: text.to_owned(),
            expression: strip_outer_parens(expression).to_owned(),
            column,
            wrapper,
            operator,
            value: value.to_owned(),
        });
    }
    None
}

fn flip(op: &str) -> &str {
    match op {
        "<" => ">",
        ">" => "<",
        "<=" => ">=",
        ">=" => "<=",
        other => other,
    }
}

/// `f(col)`, `(col)::type` or a nesting of those around exactly one column.
fn wrapped_expression(s: &str) -> Option<(ColumnRef, Wrapper)> {
    let s = strip_outer_parens(s.trim());
    if column_ref(s).is_some() {
        return None;
    }
    let inner_column = |inner: &str| {
        let inner = strip_outer_parens(inner);
        column_ref(inner).or_else(|| wrapped_expression(inner).map(|(c, _)| c))
    };
    // A cast: the last top-level `::`.
    let parts = split_top_level(s, "::");
    if parts.len() >= 2 {
        let type_name = parts[parts.len() - 1].trim();
        let inner = &s[..s.len() - parts[parts.len() - 1].len() - 2];
        if !is_type_name(type_name) {
            return None;
        }
        return inner_column(inner).map(|c| (c, Wrapper::Cast { type_name: type_name.to_owned() }));
    }
    // A function call that spans the whole text.
    let open = s.find('(')?;
    let name = &s[..open];
    let valid_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        && !is_keyword(name);
    if !valid_name || matching_close(s, open) != Some(s.len() - 1) {
        return None;
    }
    let inner = &s[open + 1..s.len() - 1];
    let lower_name = name.to_ascii_lowercase();
    let args: Vec<String> = if lower_name == "extract" {
        let (field, expr) = inner.split_once(" FROM ")?;
        vec![field.trim().to_owned(), expr.trim().to_owned()]
    } else {
        split_top_level(inner, ",").into_iter().map(|a| a.trim().to_owned()).collect()
    };
    let mut column = None;
    for (i, arg) in args.iter().enumerate() {
        if lower_name == "extract" && i == 0 {
            continue;
        }
        if let Some(c) = inner_column(arg) {
            if column.is_some() {
                return None;
            }
            column = Some(c);
        } else if !is_value(arg) {
            return None;
        }
    }
    column.map(|c| (c, Wrapper::Function { name: lower_name, args }))
}

/// A value known before the scan reads a row: a constant, a parameter, or an
/// expression that mentions no column (`now() - '7 days'::interval`).
fn is_value(s: &str) -> bool {
    is_constant(s) || !mentions_column(s)
}

/// True when `s` mentions a column: an identifier outside quotes that is not a
/// function name, a type after `::`, or a keyword.
fn mentions_column(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\'' {
            i += 1;
            while i < b.len() && b[i] != b'\'' {
                i += 1;
            }
            i += 1;
        } else if c == b':' && b.get(i + 1) == Some(&b':') {
            i += 2;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b' ' | b'[' | b']' | b'"')) {
                i += 1;
            }
        } else if c == b'"' || c.is_ascii_alphabetic() || c == b'_' {
            let start = i;
            if c == b'"' {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += 1;
                }
                i += 1;
            }
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b'$' | b'.' | b'"')) {
                i += 1;
            }
            let word = &s[start..i.min(s.len())];
            let next = s[i.min(s.len())..].trim_start();
            let is_call = next.starts_with('(');
            let is_field = next.starts_with("FROM ");
            let keyword = matches!(
                word.to_ascii_uppercase().as_str(),
                "AND" | "OR" | "NOT" | "IS" | "NULL" | "TRUE" | "FALSE" | "CASE" | "WHEN" | "THEN" | "ELSE" | "END"
                    | "ANY" | "ALL" | "ARRAY" | "INTERVAL" | "FROM" | "CURRENT_DATE" | "CURRENT_TIMESTAMP"
                    | "CURRENT_TIME" | "LOCALTIMESTAMP" | "LOCALTIME" | "CURRENT_USER" | "SESSION_USER" | "DISTINCT"
            );
            if !(is_call || is_field || keyword) {
                return true;
            }
        } else if c.is_ascii_digit() || c == b'$' {
            i += 1;
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    false
}

/// Removes `qualifier.` in front of column names, outside quotes:
/// `lower((customers.email)::text)` → `lower((email)::text)`.
pub fn strip_qualifier(expr: &str, qualifier: &str) -> String {
    let quoted = format!("\"{}\".", qualifier.replace('"', "\"\""));
    let plain = format!("{qualifier}.");
    let mut out = String::with_capacity(expr.len());
    let mut in_quote = false;
    let mut i = 0;
    while i < expr.len() {
        let rest = &expr[i..];
        let ch = rest.chars().next().unwrap_or(' ');
        if ch == '\'' {
            in_quote = !in_quote;
        }
        let boundary = out.chars().last().is_none_or(|p| !(p.is_alphanumeric() || p == '_' || p == '.' || p == '"'));
        if !in_quote && boundary {
            if let Some(skip) = [&plain, &quoted].into_iter().find(|p| rest.starts_with(p.as_str())).map(|p| p.len()) {
                i += skip;
                continue;
            }
        }
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

/// A date (`YYYY-MM-DD`) as days since 1970-01-01, and back.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = (if y >= 0 { y } else { y - 399 }) / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = (if z >= 0 { z } else { z - 146_096 }) / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// A literal that starts with a date: `'2023-03-01 00:00:00+00'::timestamp with time zone`.
#[derive(Debug, Clone, Copy)]
struct DateLiteral<'a> {
    year: i64,
    month: i64,
    day: i64,
    /// What follows the date inside the quotes (` 00:00:00+00`).
    rest: &'a str,
}

impl<'a> DateLiteral<'a> {
    fn parse(value: &'a str) -> Option<Self> {
        let body = strip_casts(value).strip_prefix('\'')?.strip_suffix('\'')?;
        let date = body.get(..10)?;
        let b = date.as_bytes();
        if b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let (year, month, day) = (date[..4].parse().ok()?, date[5..7].parse().ok()?, date[8..10].parse().ok()?);
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Some(Self { year, month, day, rest: &body[10..] })
    }

    /// Midnight, with or without a time zone offset.
    fn at_midnight(&self) -> bool {
        let t = self.rest.trim();
        let Some(after) = t.strip_prefix("00:00:00") else { return t.is_empty() };
        let offset = match after.strip_prefix('.') {
            Some(fraction) => fraction.trim_start_matches('0'),
            None => after,
        };
        offset.is_empty() || (offset.starts_with(['+', '-']) && offset[1..].chars().all(|c| c.is_ascii_digit() || c == ':'))
    }

    fn plus_days(&self, days: i64) -> Self {
        let (year, month, day) = civil_from_days(days_from_civil(self.year, self.month, self.day) + days);
        Self { year, month, day, ..*self }
    }

    fn plus_months(&self, months: i64) -> Self {
        let index = self.year * 12 + (self.month - 1) + months;
        Self { year: index.div_euclid(12), month: index.rem_euclid(12) + 1, ..*self }
    }

    fn literal(&self) -> String {
        format!("'{:04}-{:02}-{:02}{}'", self.year, self.month, self.day, self.rest)
    }
}

/// How long one bucket of the wrapping function is.
#[derive(Debug, Clone, Copy)]
enum Bucket {
    Days(i64),
    Months(i64),
}

/// The unit of `date_trunc('month'::text, ...)` or `EXTRACT(year FROM ...)`.
fn unit_of(arg: &str) -> String {
    strip_casts(arg).trim_matches('\'').to_ascii_lowercase()
}

/// Rewrites a comparison of a date function of a column into a range on the bare
/// column, which a plain index on the column serves and which lets partitions be
/// pruned: `(created_at)::date = '2023-01-01'::date` →
/// `created_at >= '2023-01-01' AND created_at < '2023-01-02'`. Handles casts to
/// `date` and `date(col)`, `date_trunc` by year, quarter, month, week and day, and
/// `date_part`/`EXTRACT` of the year, with `=`, `<`, `<=`, `>`, `>=`. `None` for
/// anything else, or when the rewrite would not mean the same.
pub fn range_rewrite(w: &WrappedColumn) -> Option<String> {
    let column = column_text(&ColumnRef { qualifier: None, name: w.column.name.clone() });
    let (lower, upper) = match &w.wrapper {
        Wrapper::Cast { type_name } if type_name == "date" => date_bounds(&w.value, Bucket::Days(1), false)?,
        Wrapper::Function { name, args } if name == "date" && args.len() == 1 => date_bounds(&w.value, Bucket::Days(1), false)?,
        Wrapper::Function { name, args } if name == "date_trunc" && args.len() == 2 => {
            let bucket = match unit_of(&args[0]).as_str() {
                "year" => Bucket::Months(12),
                "quarter" => Bucket::Months(3),
                "month" => Bucket::Months(1),
                "week" => Bucket::Days(7),
                "day" => Bucket::Days(1),
                _ => return None,
            };
            date_bounds(&w.value, bucket, true)?
        }
        Wrapper::Function { name, args } if matches!(name.as_str(), "date_part" | "extract") && args.len() == 2 => {
            if unit_of(&args[0]) != "year" {
                return None;
            }
            let year: f64 = strip_casts(&w.value).trim_matches('\'').parse().ok()?;
            if year.fract() != 0.0 {
                return None;
            }
            let year = year as i64;
            (format!("'{year:04}-01-01'"), format!("'{:04}-01-01'", year + 1))
        }
        _ => return None,
    };
    Some(match w.operator.as_str() {
        "=" => format!("{column} >= {lower} AND {column} < {upper}"),
        ">=" => format!("{column} >= {lower}"),
        ">" => format!("{column} >= {upper}"),
        "<" => format!("{column} < {lower}"),
        "<=" => format!("{column} < {upper}"),
        _ => return None,
    })
}

/// Lower and upper bound of the bucket that `value` starts. A literal must be the
/// start of its bucket (midnight, first of the month, ...): a date_trunc result never
/// equals anything else. Other values (`CURRENT_DATE`, `$1`) are bounded by
/// arithmetic, only for `::date` or when they are the same date_trunc themselves.
fn date_bounds(value: &str, bucket: Bucket, truncated: bool) -> Option<(String, String)> {
    if let Some(d) = DateLiteral::parse(value) {
        let aligned = d.at_midnight()
            && match bucket {
                Bucket::Months(12) => d.month == 1 && d.day == 1,
                Bucket::Months(3) => (d.month - 1) % 3 == 0 && d.day == 1,
                Bucket::Months(_) => d.day == 1,
                // 1970-01-05 was a Monday; date_trunc('week') starts on Monday.
                Bucket::Days(7) => (days_from_civil(d.year, d.month, d.day) - 4).rem_euclid(7) == 0,
                Bucket::Days(_) => true,
            };
        if !aligned && truncated {
            return None;
        }
        let next = match bucket {
            Bucket::Days(n) => d.plus_days(n),
            Bucket::Months(n) => d.plus_months(n),
        };
        return Some((d.literal(), next.literal()));
    }
    let value = value.trim();
    match bucket {
        Bucket::Days(1) if !truncated => Some((value.to_owned(), format!("{value} + 1"))),
        _ if truncated && strip_outer_parens(value).starts_with("date_trunc(") => {
            let step = match bucket {
                Bucket::Days(7) => "1 week",
                Bucket::Days(_) => "1 day",
                Bucket::Months(12) => "1 year",
                Bucket::Months(3) => "3 months",
                Bucket::Months(_) => "1 month",
            };
            Some((value.to_owned(), format!("{value} + interval '{step}'")))
        }
        _ => None,
    }
}

#[cfg(test)]
mod wrapped_tests {
    use super::*;

    fn wrapped(s: &str) -> WrappedColumn {
        wrapped_column(s).unwrap_or_else(|| panic!("not read as wrapped: {s}"))
    }

    #[test]
    fn join_keys_and_parameters() {
        let keys = join_keys("((oi.order_id = o.id) AND (oi.quantity > 2))");
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].0.name, "order_id");
        let own = |c: &ColumnRef| c.qualifier.as_deref() == Some("oi");
        assert_eq!(parameterize_join_keys("((o.id = oi.order_id) AND (oi.quantity > 2))", own), "(oi.order_id = $0) AND (oi.quantity > 2)");
        assert_eq!(conjuncts(&parameterize_join_keys("(o.id = oi.order_id)", own))[0].kind, ConjunctKind::Equality);
    }

    #[test]
    fn reads_functions_and_casts_on_columns() {
        let w = wrapped("(lower(customers.email) = 'user42@example.com'::text)");
        assert_eq!(w.expression, "lower(customers.email)");
        assert_eq!(w.column.name, "email");
        assert!(matches!(&w.wrapper, Wrapper::Function { name, .. } if name == "lower"));
        let w = wrapped("((orders.created_at)::date = '2023-01-01'::date)");
        assert_eq!(w.wrapper, Wrapper::Cast { type_name: "date".into() });
        let w = wrapped("('2023'::numeric = EXTRACT(year FROM o.created_at))");
        assert_eq!(w.operator, "=");
        assert!(matches!(&w.wrapper, Wrapper::Function { name, args } if name == "extract" && args[0] == "year"));
        let w = wrapped("(date_trunc('month'::text, created_at) >= date_trunc('month'::text, now()))");
        assert_eq!(w.column.name, "created_at");
        // A flipped comparison reads from the column's side.
        assert_eq!(wrapped("('2023-01-01'::date < (ts)::date)").operator, ">");
    }

    #[test]
    fn bare_columns_and_joins_are_not_wrapped() {
        assert!(wrapped_column("((email)::text = 'a'::text)").is_none(), "varchar cast is sargable");
        assert!(wrapped_column("(status = 'open'::text)").is_none());
        assert!(wrapped_column("(lower(a.email) = lower(b.email))").is_none());
        assert!(wrapped_column("(lower(a.email) = b.email)").is_none());
        assert!(wrapped_column("((a = 1) OR (lower(b) = 'x'::text))").is_none());
    }

    #[test]
    fn strips_qualifiers_outside_quotes() {
        assert_eq!(strip_qualifier("lower((customers.email)::text)", "customers"), "lower((email)::text)");
        assert_eq!(strip_qualifier("f(c.x, 'c.y', bc.z)", "c"), "f(x, 'c.y', bc.z)");
    }

    #[test]
    fn rewrites_date_functions_as_ranges() {
        let r = |s: &str| range_rewrite(&wrapped(s));
        assert_eq!(
            r("((orders.created_at)::date = '2023-01-01'::date)").as_deref(),
            Some("created_at >= '2023-01-01' AND created_at < '2023-01-02'")
        );
        assert_eq!(r("((created_at)::date <= '2023-12-31'::date)").as_deref(), Some("created_at < '2024-01-01'"));
        assert_eq!(r("((created_at)::date > '2024-02-28'::date)").as_deref(), Some("created_at >= '2024-02-29'"));
        assert_eq!(
            r("(date_trunc('month'::text, e.created_at) = '2023-12-01 00:00:00+00'::timestamp with time zone)").as_deref(),
            Some("created_at >= '2023-12-01 00:00:00+00' AND created_at < '2024-01-01 00:00:00+00'")
        );
        assert_eq!(r("(date_trunc('month'::text, created_at) = '2023-12-15 00:00:00+00'::timestamp with time zone)"), None);
        assert_eq!(
            r("(date_part('year'::text, created_at) = '2023'::double precision)").as_deref(),
            Some("created_at >= '2023-01-01' AND created_at < '2024-01-01'")
        );
        assert_eq!(r("(EXTRACT(year FROM created_at) >= '2023'::numeric)").as_deref(), Some("created_at >= '2023-01-01'"));
        assert_eq!(r("((created_at)::date = CURRENT_DATE)").as_deref(), Some("created_at >= CURRENT_DATE AND created_at < CURRENT_DATE + 1"));
        assert_eq!(
            r("(date_trunc('week'::text, created_at) = '2024-01-01 00:00:00'::timestamp without time zone)").as_deref(),
            Some("created_at >= '2024-01-01 00:00:00' AND created_at < '2024-01-08 00:00:00'")
        );
        assert_eq!(r("(date_part('month'::text, created_at) = '3'::double precision)"), None);
        assert_eq!(r("(lower(email) = 'a'::text)"), None);
        assert_eq!(r("((created_at)::date <> '2023-01-01'::date)"), None);
    }
}
