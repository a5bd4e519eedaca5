//! What PostgreSQL's built-in functions promise about their results: the one list of
//! volatile and stable functions the rules share (index expressions, defaults added
//! by migrations, generated columns).
//!
//! PostgreSQL marks every function `IMMUTABLE` (same arguments, same result, for
//! ever), `STABLE` (same result within one statement: reads settings such as
//! `TimeZone` or the database) or `VOLATILE` (may change at every call, or has side
//! effects). Index expressions and predicates and generated columns accept only
//! immutable functions; a volatile default makes `ADD COLUMN` rewrite the table.

/// A function's volatility class (`pg_proc.provolatile`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Volatility {
    Immutable,
    Stable,
    Volatile,
}

impl Volatility {
    /// The keyword PostgreSQL uses: `IMMUTABLE`, `STABLE`, `VOLATILE`.
    pub fn keyword(self) -> &'static str {
        match self {
            Volatility::Immutable => "IMMUTABLE",
            Volatility::Stable => "STABLE",
            Volatility::Volatile => "VOLATILE",
        }
    }
}

impl std::fmt::Display for Volatility {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.keyword())
    }
}

/// Functions (and the SQL value keywords PostgreSQL turns into function calls) that
/// are not immutable whatever their arguments, with the reason a finding can quote.
const NOT_IMMUTABLE: &[(&str, Volatility, &str)] = &[
    // Time: the transaction's or statement's start, or the wall clock.
    ("now", Volatility::Stable, "returns the transaction's start time"),
    ("current_timestamp", Volatility::Stable, "returns the transaction's start time"),
    ("current_date", Volatility::Stable, "returns today's date in the session's time zone"),
    ("current_time", Volatility::Stable, "returns the transaction's start time"),
    ("localtimestamp", Volatility::Stable, "returns the transaction's start time"),
    ("localtime", Volatility::Stable, "returns the transaction's start time"),
    ("transaction_timestamp", Volatility::Stable, "returns the transaction's start time"),
    ("statement_timestamp", Volatility::Stable, "returns the statement's start time"),
    ("clock_timestamp", Volatility::Volatile, "reads the wall clock at every call"),
    ("timeofday", Volatility::Volatile, "reads the wall clock at every call"),
    // Randomness and generated identifiers.
    ("random", Volatility::Volatile, "returns a new random number at every call"),
    ("random_normal", Volatility::Volatile, "returns a new random number at every call"),
    ("setseed", Volatility::Volatile, "changes the random generator's state"),
    ("gen_random_uuid", Volatility::Volatile, "returns a new UUID at every call"),
    ("uuidv4", Volatility::Volatile, "returns a new UUID at every call"),
    ("uuidv7", Volatility::Volatile, "returns a new UUID at every call"),
    ("uuid_generate_v1", Volatility::Volatile, "returns a new UUID at every call"),
    ("uuid_generate_v1mc", Volatility::Volatile, "returns a new UUID at every call"),
    ("uuid_generate_v4", Volatility::Volatile, "returns a new UUID at every call"),
    ("gen_random_bytes", Volatility::Volatile, "returns new random bytes at every call"),
    // Sequences and transaction ids.
    ("nextval", Volatility::Volatile, "advances a sequence at every call"),
    ("currval", Volatility::Volatile, "reads the session's sequence state"),
    ("lastval", Volatility::Volatile, "reads the session's sequence state"),
    ("setval", Volatility::Volatile, "changes a sequence"),
    ("txid_current", Volatility::Stable, "returns the current transaction's id"),
    ("pg_current_xact_id", Volatility::Volatile, "returns the current transaction's id"),
    // Session and settings.
    ("current_setting", Volatility::Stable, "reads a setting that can change between sessions"),
    ("set_config", Volatility::Volatile, "changes a setting"),
    ("current_user", Volatility::Stable, "depends on the session's role"),
    ("current_role", Volatility::Stable, "depends on the session's role"),
    ("session_user", Volatility::Stable, "depends on the session's role"),
    ("user", Volatility::Stable, "depends on the session's role"),
    ("current_schema", Volatility::Stable, "depends on the session's search_path"),
    ("current_schemas", Volatility::Stable, "depends on the session's search_path"),
    ("current_database", Volatility::Stable, "depends on the connection"),
    ("current_catalog", Volatility::Stable, "depends on the connection"),
    ("pg_backend_pid", Volatility::Stable, "depends on the connection"),
    ("inet_client_addr", Volatility::Stable, "depends on the connection"),
    ("pg_sleep", Volatility::Volatile, "waits"),
    ("pg_notify", Volatility::Volatile, "sends a notification"),
    // Formatting that follows locale, DateStyle or TimeZone settings, or calls the
    // output functions of arbitrary types.
    ("to_char", Volatility::Stable, "formats with the session's locale and time zone settings"),
    ("to_date", Volatility::Stable, "parses with the session's DateStyle"),
    ("age", Volatility::Stable, "with one argument, counts from today (current_date)"),
    ("concat", Volatility::Stable, "calls the output functions of its arguments' types, which may depend on settings"),
    ("concat_ws", Volatility::Stable, "calls the output functions of its arguments' types, which may depend on settings"),
    ("format", Volatility::Stable, "calls the output functions of its arguments' types, which may depend on settings"),
    ("array_to_string", Volatility::Stable, "calls the output function of the element type, which may depend on settings"),
    ("to_json", Volatility::Stable, "calls the output functions of its argument's type, which may depend on settings"),
    ("to_jsonb", Volatility::Stable, "calls the output functions of its argument's type, which may depend on settings"),
    ("row_to_json", Volatility::Stable, "calls the output functions of the row's types, which may depend on settings"),
    ("json_build_object", Volatility::Stable, "calls the output functions of its arguments' types"),
    ("jsonb_build_object", Volatility::Stable, "calls the output functions of its arguments' types"),
    ("json_build_array", Volatility::Stable, "calls the output functions of its arguments' types"),
    ("jsonb_build_array", Volatility::Stable, "calls the output functions of its arguments' types"),
    ("unaccent", Volatility::Stable, "reads its dictionary, which can change"),
    // Reading the database.
    ("pg_relation_size", Volatility::Volatile, "reads the table's current size"),
    ("pg_total_relation_size", Volatility::Volatile, "reads the table's current size"),
    ("has_table_privilege", Volatility::Stable, "depends on the session's role and grants"),
    ("dblink", Volatility::Volatile, "queries another database"),
];

/// Functions that take a text search configuration, or a time zone, as an optional
/// first argument and read the session's setting when it is left out.
const STABLE_WHEN_SHORT: &[(&str, usize, &str)] = &[
    ("to_tsvector", 1, "without a configuration argument, reads default_text_search_config"),
    ("to_tsquery", 1, "without a configuration argument, reads default_text_search_config"),
    ("plainto_tsquery", 1, "without a configuration argument, reads default_text_search_config"),
    ("phraseto_tsquery", 1, "without a configuration argument, reads default_text_search_config"),
    ("websearch_to_tsquery", 1, "without a configuration argument, reads default_text_search_config"),
    ("to_timestamp", 2, "parsing text, follows the session's time zone"),
];

/// Functions that are immutable on `timestamp` and `date` but only stable on
/// `timestamptz`: the result depends on the session's `TimeZone`.
const STABLE_ON_TIMESTAMPTZ: &[&str] = &["date_trunc", "date_part", "extract", "date", "date_bin", "make_date", "justify_days"];

/// The bare, lower-case function name: `pg_catalog.NOW` → `now`.
fn bare(name: &str) -> String {
    let last = name.rsplit('.').next().unwrap_or(name).trim().trim_matches('"');
    last.to_ascii_lowercase()
}

/// Volatility of a built-in function by name, whatever its arguments. Functions this
/// table does not list (user-defined ones included) count as immutable: callers that
/// need to tell "unknown" apart use [`known_volatility`].
pub fn volatility(name: &str) -> Volatility {
    known_volatility(name).unwrap_or(Volatility::Immutable)
}

/// Volatility of a function this table lists as stable or volatile; `None` for the
/// others (immutable built-ins, and functions it does not know).
pub fn known_volatility(name: &str) -> Option<Volatility> {
    let name = bare(name);
    NOT_IMMUTABLE.iter().find(|(n, _, _)| *n == name).map(|(_, v, _)| *v)
}

/// Why a function is not immutable, for a finding's text.
pub fn reason(name: &str) -> Option<&'static str> {
    let name = bare(name);
    NOT_IMMUTABLE.iter().find(|(n, _, _)| *n == name).map(|(_, _, r)| *r)
}

/// Volatility of a call with `arguments` arguments, of which some may be
/// `timestamptz` (`with_timestamptz`): the list above plus the functions whose
/// volatility depends on how they are called. Unknown functions count as immutable.
pub fn call_volatility(name: &str, arguments: usize, with_timestamptz: bool) -> (Volatility, Option<&'static str>) {
    let bare_name = bare(name);
    if let Some((_, v, r)) = NOT_IMMUTABLE.iter().find(|(n, _, _)| *n == bare_name) {
        // age(a, b) is immutable on timestamps; only age(a) reads the clock.
        if bare_name == "age" && arguments == 2 && !with_timestamptz {
            return (Volatility::Immutable, None);
        }
        return (*v, Some(*r));
    }
    if let Some((_, short, r)) = STABLE_WHEN_SHORT.iter().find(|(n, _, _)| *n == bare_name) {
        if arguments <= *short && !(bare_name == "to_timestamp" && arguments == 1) {
            return (Volatility::Stable, Some(*r));
        }
    }
    if with_timestamptz && STABLE_ON_TIMESTAMPTZ.contains(&bare_name.as_str()) {
        // date_trunc(field, ts, zone) names its zone and is immutable.
        if !(bare_name == "date_trunc" && arguments == 3) {
            return (Volatility::Stable, Some("on a timestamptz, depends on the session's TimeZone"));
        }
    }
    (Volatility::Immutable, None)
}

/// Whether `name` is one of the functions that are immutable on `timestamp` and
/// `date` but read the session's `TimeZone` on a `timestamptz` (`date_trunc`,
/// `date_part`, `extract`, `date`, ...): naming the zone (`ts AT TIME ZONE 'UTC'`)
/// makes them immutable.
pub fn depends_on_time_zone(name: &str) -> bool {
    STABLE_ON_TIMESTAMPTZ.contains(&bare(name).as_str())
}

/// Volatility of a cast between two types (as PostgreSQL prints them): casts to and
/// from `timestamp with time zone` read `TimeZone`; casts from text to dates and
/// times read `DateStyle`.
pub fn cast_volatility(from: &str, to: &str) -> Volatility {
    let (from, to) = (from.trim().to_ascii_lowercase(), to.trim().to_ascii_lowercase());
    let tz = |t: &str| t.starts_with("timestamp with time zone") || t == "timestamptz" || t.starts_with("time with time zone") || t == "timetz";
    let local = |t: &str| t.starts_with("timestamp") || t.starts_with("date") || t.starts_with("time");
    let text = |t: &str| t == "text" || t.starts_with("character") || t.starts_with("varchar") || t.starts_with("char");
    if from == to {
        return Volatility::Immutable;
    }
    if (tz(&from) && (local(&to) || text(&to))) || (tz(&to) && (local(&from) || text(&from))) {
        return Volatility::Stable;
    }
    if text(&from) && local(&to) || local(&from) && text(&to) {
        return Volatility::Stable;
    }
    Volatility::Immutable
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_the_common_functions() {
        assert_eq!(volatility("now"), Volatility::Stable);
        assert_eq!(volatility("pg_catalog.NOW"), Volatility::Stable);
        assert_eq!(volatility("CURRENT_TIMESTAMP"), Volatility::Stable);
        assert_eq!(volatility("random"), Volatility::Volatile);
        assert_eq!(volatility("clock_timestamp"), Volatility::Volatile);
        assert_eq!(volatility("gen_random_uuid"), Volatility::Volatile);
        assert_eq!(volatility("lower"), Volatility::Immutable);
        assert_eq!(known_volatility("lower"), None);
        assert_eq!(call_volatility("date_trunc", 2, true).0, Volatility::Stable);
        assert_eq!(call_volatility("date_trunc", 2, false).0, Volatility::Immutable);
        assert_eq!(call_volatility("date_trunc", 3, true).0, Volatility::Immutable);
        assert_eq!(call_volatility("to_tsvector", 1, false).0, Volatility::Stable);
        assert_eq!(call_volatility("to_tsvector", 2, false).0, Volatility::Immutable);
        assert_eq!(call_volatility("to_timestamp", 1, false).0, Volatility::Immutable);
        assert_eq!(call_volatility("age", 2, false).0, Volatility::Immutable);
        assert_eq!(cast_volatility("timestamp with time zone", "date"), Volatility::Stable);
        assert_eq!(cast_volatility("timestamp without time zone", "date"), Volatility::Immutable);
        assert_eq!(cast_volatility("integer", "bigint"), Volatility::Immutable);
    }
}
