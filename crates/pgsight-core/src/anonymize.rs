//! Anonymize before sharing: a deterministic rename of the names and literals in a
//! plan, a schema and SQL, so a report can be shared without showing what the
//! database holds (like explain.depesz.com's obfuscation).
//!
//! One name gets one replacement everywhere (`orders` is `table_1` in the plan, the
//! schema and the queries), so the anonymized inputs give the same findings. What the
//! rules read is kept: SQL keywords, built-in types and functions, operators, numbers,
//! settings, system catalogs and columns, and the generic names some rules look for
//! (`id`, `status`, `created_at`, `deleted_at`, the `_id` ending...). String literals
//! become `'str_1'`, keeping a LIKE pattern's leading and trailing `%`; dates,
//! intervals and numbers written as strings stay. Index and constraint names made of
//! their table's and columns' names (PostgreSQL's defaults) are renamed part by part,
//! so `orders_customer_id_idx` becomes `table_1_column_2_id_idx`.
//!
//! SQL and the expressions inside plans are read with sqlparser's tokenizer, so quoted
//! identifiers, dollar quotes, `E''` strings and comments are handled; comments are
//! dropped except `-- pgsight-ignore` suppressions. Text plans are rewritten line by
//! line (node headers, `Key: value` properties); JSON plans by key, keeping their
//! layout and numbers as written.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;
use sqlparser::keywords::Keyword;
use sqlparser::tokenizer::{Token, TokenWithSpan, Whitespace};

use crate::plan::{input, PlanFormat};
use crate::share::SharedInputs;
use crate::sql::names::fold;
use crate::sql::split::{self, StatementKind};
use crate::sql::tokens::tokenize;

/// What a renamed name was, which decides its replacement's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    Schema,
    Table,
    Column,
    Index,
    Constraint,
    Sequence,
    Type,
    Function,
    Trigger,
    Cte,
    Alias,
}

impl NameKind {
    const ALL: [NameKind; 11] = [
        NameKind::Schema,
        NameKind::Table,
        NameKind::Column,
        NameKind::Index,
        NameKind::Constraint,
        NameKind::Sequence,
        NameKind::Type,
        NameKind::Function,
        NameKind::Trigger,
        NameKind::Cte,
        NameKind::Alias,
    ];

    fn prefix(self) -> &'static str {
        match self {
            NameKind::Schema => "schema",
            NameKind::Table => "table",
            NameKind::Column => "column",
            NameKind::Index => "index",
            NameKind::Constraint => "constraint",
            NameKind::Sequence => "sequence",
            NameKind::Type => "type",
            NameKind::Function => "function",
            NameKind::Trigger => "trigger",
            NameKind::Cte => "cte",
            NameKind::Alias => "alias",
        }
    }

    fn is_relation(self) -> bool {
        matches!(self, NameKind::Schema | NameKind::Table | NameKind::Index | NameKind::Sequence | NameKind::Type)
    }

    /// A name seen as a table and as an alias is a table: the surer reading wins.
    fn strength(self) -> u8 {
        match self {
            NameKind::Alias => 0,
            NameKind::Column => 1,
            _ => 2,
        }
    }
}

/// One replacement, for the user to keep: it turns the shared report's names back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Renamed {
    /// `None` for a string literal.
    pub kind: Option<NameKind>,
    pub original: String,
    pub replacement: String,
}

/// Every replacement made, in the order they were first made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Mapping {
    pub renamed: Vec<Renamed>,
    /// Names of the inputs left as they are because they are also SQL words
    /// (a column named `key` or `date`): renaming them would change the SQL.
    pub kept: Vec<String>,
    /// What could not be anonymized and was left out instead.
    pub notes: Vec<String>,
}

impl Mapping {
    /// `original → replacement`, one per line, for a terminal or a file.
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        for r in &self.renamed {
            let kind = r.kind.map_or("string", NameKind::prefix);
            text.push_str(&format!("{kind}\t{}\t{}\n", r.original, r.replacement));
        }
        for name in &self.kept {
            text.push_str(&format!("kept\t{name}\t{name}\n"));
        }
        for note in &self.notes {
            text.push_str(&format!("note\t{note}\n"));
        }
        text
    }
}

/// The anonymized inputs and how they were made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anonymized {
    pub inputs: SharedInputs,
    pub mapping: Mapping,
}

/// Anonymizes every input with one mapping. Deterministic: the same inputs give the
/// same output; and idempotent: anonymized inputs come back unchanged.
pub fn anonymize(inputs: &SharedInputs) -> Anonymized {
    let mut a = Anonymizer { mode: Mode::Collect, names: Names::default(), notes: Vec::new() };
    let schema_is_snapshot = crate::snapshot::is_snapshot(&inputs.schema);
    for ddl in [if schema_is_snapshot { "" } else { inputs.schema.as_str() }, inputs.sql.as_str()] {
        note_catalog(ddl, &mut a.names);
    }
    // First every name is seen with the surest kind any input gives it, then numbered
    // in the order the rewrite meets them: schema first, so `table_1` is the first
    // table the DDL creates.
    for mode in [Mode::Collect, Mode::Rewrite] {
        a.mode = mode;
        let schema = if schema_is_snapshot { String::new() } else { a.sql_script(&inputs.schema) };
        let plan = a.plan(&inputs.plan);
        let compare_plan = a.plan(&inputs.compare_plan);
        let sql = a.sql_script(&inputs.sql);
        if mode == Mode::Rewrite {
            if schema_is_snapshot {
                a.notes.push("the schema is a health snapshot, which is not anonymized: it was left out".to_owned());
            }
            let mapping = Mapping { renamed: a.names.renamed, kept: a.names.kept.into_iter().collect(), notes: a.notes };
            return Anonymized { inputs: SharedInputs { plan, compare_plan, schema, sql, sql_is_migration: inputs.sql_is_migration }, mapping };
        }
    }
    unreachable!("the rewrite pass returns")
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Only learn each name's kind; the text produced is thrown away.
    Collect,
    Rewrite,
}

#[derive(Default)]
struct Names {
    kinds: HashMap<String, NameKind>,
    replacements: HashMap<String, String>,
    renamed: Vec<Renamed>,
    next: HashMap<NameKind, usize>,
    /// Replacement-shaped names already in the inputs, never handed out again.
    taken: HashSet<String>,
    kept: BTreeSet<String>,
    strings: HashMap<String, String>,
    next_string: usize,
}

impl Names {
    fn note(&mut self, name: &str, kind: NameKind) {
        if is_replacement(name) {
            self.taken.insert(name.to_owned());
            return;
        }
        if stays(name) {
            return;
        }
        match self.kinds.get(name) {
            Some(old) if old.strength() >= kind.strength() => {}
            _ => {
                self.kinds.insert(name.to_owned(), kind);
            }
        }
    }

    fn is_known(&self, name: &str) -> bool {
        self.kinds.contains_key(name)
    }

    /// The replacement of `name`, `None` when it stays as it is.
    fn rename(&mut self, name: &str, hint: NameKind) -> Option<String> {
        if stays(name) || is_replacement(name) {
            return None;
        }
        if let Some(r) = self.replacements.get(name) {
            return Some(r.clone());
        }
        let kind = self.kinds.get(name).copied().unwrap_or(hint);
        // A column named like an SQL word (`key`, `date`) cannot be told from the word
        // everywhere: it stays, and is listed. A table so named (`language`) is only
        // met where a relation is, and is renamed.
        if is_protected(name) && !kind.is_relation() {
            self.kept.insert(name.to_owned());
            return None;
        }
        let replacement = match kind {
            NameKind::Index | NameKind::Constraint | NameKind::Sequence => self.compose(name).unwrap_or_else(|| self.fresh(kind)),
            NameKind::Column => {
                let suffix = MEANINGFUL_SUFFIXES.iter().find(|s| name.len() > s.len() + 1 && name.ends_with(*s) && name[..name.len() - s.len()].ends_with('_'));
                let fresh = self.fresh(kind);
                suffix.map_or(fresh.clone(), |s| format!("{fresh}_{s}"))
            }
            _ => self.fresh(kind),
        };
        self.replacements.insert(name.to_owned(), replacement.clone());
        self.renamed.push(Renamed { kind: Some(kind), original: name.to_owned(), replacement: replacement.clone() });
        Some(replacement)
    }

    fn fresh(&mut self, kind: NameKind) -> String {
        loop {
            let n = self.next.entry(kind).or_insert(0);
            *n += 1;
            let candidate = format!("{}_{n}", kind.prefix());
            if !self.taken.contains(&candidate) {
                return candidate;
            }
        }
    }

    /// `orders_customer_id_idx` → `table_1_column_2_id_idx`: a name made of known table
    /// and column names and a conventional ending is renamed part by part, so the rules
    /// that read an index's columns from its default name still can.
    fn compose(&mut self, name: &str) -> Option<String> {
        let segments: Vec<&str> = name.split('_').collect();
        let parts = self.split_known(&segments, 0)?;
        if !parts.iter().any(|(_, known)| *known) {
            return None;
        }
        let mut out = Vec::new();
        for (part, known) in parts {
            if known {
                let kind = self.kinds.get(&part).copied().unwrap_or(NameKind::Column);
                out.push(self.rename(&part, kind).unwrap_or(part));
            } else {
                out.push(part);
            }
        }
        Some(out.join("_"))
    }

    /// Splits `segments[from..]` into known names, numbers and a conventional ending
    /// (last); the longest known name first.
    fn split_known(&self, segments: &[&str], from: usize) -> Option<Vec<(String, bool)>> {
        if from == segments.len() {
            return None;
        }
        let last = segments.len() - 1;
        if from == last && NAME_ENDINGS.contains(&segments[last]) {
            return Some(vec![(segments[last].to_owned(), false)]);
        }
        if !segments[from].is_empty() && segments[from].bytes().all(|b| b.is_ascii_digit()) {
            let mut rest = self.split_known(segments, from + 1)?;
            rest.insert(0, (segments[from].to_owned(), false));
            return Some(rest);
        }
        for end in (from + 1..=last).rev() {
            let candidate = segments[from..end].join("_");
            let usable = matches!(self.kinds.get(&candidate), Some(NameKind::Table | NameKind::Column)) || (stays(&candidate) && GENERIC_NAMES.contains(&candidate.as_str()));
            if usable {
                if let Some(mut rest) = self.split_known(segments, end) {
                    rest.insert(0, (candidate, self.kinds.contains_key(segments[from..end].join("_").as_str())));
                    return Some(rest);
                }
            }
        }
        None
    }

    /// The replacement of a string literal's text, `None` when it stays.
    fn string(&mut self, value: &str) -> Option<String> {
        if value.is_empty() || is_replacement(value.trim_matches('%')) || is_shape_only(value) || GENERIC_NAMES.contains(&value) {
            return None;
        }
        if self.is_known(value) {
            let kind = self.kinds[value];
            return self.rename(value, kind);
        }
        if let Some(inner) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
            if !inner.contains(['{', '}', '"', '\\']) {
                let elements: Vec<String> = inner.split(',').map(|e| self.string(e.trim()).unwrap_or_else(|| e.to_owned())).collect();
                return Some(format!("{{{}}}", elements.join(",")));
            }
        }
        let core = value.trim_matches('%');
        if core.is_empty() {
            return None;
        }
        let start = value.len() - value.trim_start_matches('%').len();
        let end = value.trim_end_matches('%').len();
        let placeholder = match self.strings.get(core) {
            Some(p) => p.clone(),
            None => {
                let p = loop {
                    self.next_string += 1;
                    let candidate = format!("str_{}", self.next_string);
                    if !self.taken.contains(&candidate) {
                        break candidate;
                    }
                };
                self.strings.insert(core.to_owned(), p.clone());
                self.renamed.push(Renamed { kind: None, original: core.to_owned(), replacement: p.clone() });
                p
            }
        };
        Some(format!("{}{placeholder}{}", &value[..start], &value[end..]))
    }
}

struct Anonymizer {
    mode: Mode,
    names: Names,
    notes: Vec<String>,
}

impl Anonymizer {
    /// In the collect pass, learns `name`'s kind; in the rewrite pass, its replacement.
    fn name(&mut self, name: &str, kind: NameKind) -> Option<String> {
        match self.mode {
            Mode::Collect => {
                self.names.note(name, kind);
                None
            }
            Mode::Rewrite => self.names.rename(name, kind),
        }
    }

    fn string(&mut self, value: &str) -> Option<String> {
        match self.mode {
            Mode::Collect => {
                let core = value.trim_matches('%');
                if is_replacement(core) {
                    self.names.taken.insert(core.to_owned());
                }
                None
            }
            Mode::Rewrite => self.names.string(value),
        }
    }

    fn note(&mut self, message: String) {
        if self.mode == Mode::Rewrite {
            self.notes.push(message);
        }
    }

    // -----------------------------------------------------------------------------
    // SQL

    /// A script: statements rewritten, comments dropped (suppressions kept), psql
    /// meta-commands without their arguments, COPY data left out.
    fn sql_script(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        for statement in split::split(text) {
            let span = statement.span;
            if span.start < pos {
                continue;
            }
            out.push_str(&self.gap(&text[pos..span.start]));
            let body = span.text(text);
            match statement.kind {
                StatementKind::Sql => match self.tokens(body, true) {
                    Some(rewritten) => out.push_str(&rewritten),
                    None => {
                        self.note(format!("a statement at line {} could not be read and was left out", span.line));
                        out.push_str(&"\n".repeat(body.matches('\n').count()));
                    }
                },
                StatementKind::PsqlCommand => {
                    out.push_str(body.split_whitespace().next().unwrap_or(""));
                    out.push_str(&"\n".repeat(body.matches('\n').count()));
                }
            }
            pos = span.end;
            if let Some(data) = statement.copy_data {
                if data.start >= pos {
                    out.push_str(&self.gap(&text[pos..data.start]));
                    pos = data.end;
                }
            }
        }
        out.push_str(&self.gap(&text[pos..]));
        out
    }

    /// Text between statements: semicolons, white space and comments.
    fn gap(&mut self, text: &str) -> String {
        match tokenize(text) {
            Ok(tokens) => {
                let offsets = Offsets::new(text, &tokens);
                let mut out = String::with_capacity(text.len());
                for (i, t) in tokens.iter().enumerate() {
                    match &t.token {
                        Token::Whitespace(w @ (Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_))) => out.push_str(&comment(w)),
                        Token::EOF => {}
                        _ => out.push_str(offsets.token_text(text, i)),
                    }
                }
                out
            }
            Err(_) => text.chars().filter(|c| *c == '\n' || *c == ';').collect(),
        }
    }

    /// Rewrites the tokens of one statement (`statement`) or one plan expression.
    /// `None` when the text does not tokenize.
    fn tokens(&mut self, text: &str, statement: bool) -> Option<String> {
        let tokens = tokenize(text).ok()?;
        let offsets = Offsets::new(text, &tokens);
        let significant: Vec<usize> = (0..tokens.len()).filter(|&i| !matches!(tokens[i].token, Token::Whitespace(_) | Token::EOF)).collect();
        let word_at = |j: usize| -> Option<&str> {
            match &tokens[*significant.get(j)?].token {
                Token::Word(w) if w.quote_style.is_none() => Some(w.value.as_str()),
                _ => None,
            }
        };
        let upper_at = |j: usize| word_at(j).map(str::to_ascii_uppercase);
        // `SET search_path = app`: the schemas the DDL names are renamed, nothing else.
        let mut setting = false;
        if statement {
            // Settings stay: `SET work_mem = '64MB'`, `SET lock_timeout = '2s'`.
            let first = upper_at(0);
            let second = word_at(1).map(str::to_ascii_lowercase);
            let names_a_setting = !matches!(second.as_deref(), Some("search_path" | "role" | "session"));
            if matches!(first.as_deref(), Some("SET" | "RESET" | "SHOW")) {
                if names_a_setting {
                    return Some(self.without_comments(text, &tokens, &offsets));
                }
                setting = true;
            }
        }
        let create_index = statement && upper_at(0).as_deref() == Some("CREATE") && (upper_at(1).as_deref() == Some("INDEX") || upper_at(2).as_deref() == Some("INDEX"));
        let token_at = |j: usize| significant.get(j).map(|&i| &tokens[i].token);

        // Each word's kind, from its place: `FROM a.b c` is schema, table, alias.
        let mut hints: HashMap<usize, NameKind> = HashMap::new();
        let mut j = 0;
        while j < significant.len() {
            if !matches!(token_at(j), Some(Token::Word(_))) || matches!(token_at(j.wrapping_sub(1)), Some(Token::Period)) && j > 0 {
                j += 1;
                continue;
            }
            let mut chain = vec![j];
            while matches!(token_at(chain[chain.len() - 1] + 1), Some(Token::Period)) && matches!(token_at(chain[chain.len() - 1] + 2), Some(Token::Word(_))) {
                let next = chain[chain.len() - 1] + 2;
                chain.push(next);
            }
            let last = chain[chain.len() - 1];
            let context = self.context(j, &|k| upper_at(k), &|k| token_at(k).is_some_and(|t| matches!(t, Token::Word(_))), create_index, &hints);
            let called = matches!(token_at(last + 1), Some(Token::LParen));
            let star = matches!(token_at(last + 1), Some(Token::Period)) && matches!(token_at(last + 2), Some(Token::Mul));
            let kinds: Vec<NameKind> = match (context, called, star) {
                (_, true, _) => lead(chain.len(), NameKind::Function),
                (_, _, true) => lead(chain.len(), NameKind::Alias),
                (Some(kind), _, _) => lead(chain.len(), kind),
                (None, _, _) => match chain.len() {
                    1 => vec![NameKind::Column],
                    // A qualifier is an alias unless a FROM or the schema says table.
                    2 => vec![NameKind::Alias, NameKind::Column],
                    n => {
                        let mut kinds = lead(n - 1, NameKind::Alias);
                        kinds.push(NameKind::Column);
                        kinds
                    }
                },
            };
            for (&position, kind) in chain.iter().zip(kinds) {
                hints.insert(position, kind);
            }
            j = last + 1;
        }

        let mut out = String::with_capacity(text.len());
        let mut j = 0;
        for (i, t) in tokens.iter().enumerate() {
            let original = offsets.token_text(text, i);
            let is_significant = significant.get(j) == Some(&i);
            let position = j;
            if is_significant {
                j += 1;
            }
            match &t.token {
                Token::Whitespace(w @ (Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_))) => out.push_str(&comment(w)),
                Token::Word(word) => {
                    let folded = fold(&word.value, word.quote_style.is_some());
                    let next = token_at(position + 1);
                    let after_cast = matches!(token_at(position.wrapping_sub(1)), Some(Token::DoubleColon));
                    let renamed = if setting {
                        self.names.is_known(&folded)
                    } else if word.quote_style.is_some() {
                        true
                    } else if is_protected(&folded) {
                        let relation = self.names.kinds.get(&folded).is_some_and(|k| k.is_relation());
                        let qualified = matches!(token_at(position.wrapping_sub(1)), Some(Token::Period)) || matches!(next, Some(Token::Period));
                        let after = upper_at(position.wrapping_sub(1));
                        let placed = qualified || matches!(after.as_deref(), Some("FROM" | "JOIN" | "INTO" | "UPDATE" | "TABLE" | "REFERENCES" | "ONLY" | "VIEW" | "INDEX" | "SEQUENCE"));
                        if self.names.is_known(&folded) && !(relation && placed) && self.mode == Mode::Rewrite {
                            self.names.kept.insert(folded.clone());
                        }
                        relation && placed
                    } else if self.names.is_known(&folded) {
                        true
                    } else if matches!(next, Some(Token::LParen)) && is_builtin_function(&folded) {
                        false
                    } else {
                        word.keyword == Keyword::NoKeyword || after_cast
                    };
                    let hint = if after_cast { NameKind::Type } else { hints.get(&position).copied().unwrap_or(NameKind::Column) };
                    match renamed.then(|| self.name(&folded, hint)).flatten() {
                        Some(replacement) => out.push_str(&replacement),
                        None => out.push_str(original),
                    }
                }
                Token::SingleQuotedString(value) => {
                    let cast_to_regclass = matches!(token_at(position + 1), Some(Token::DoubleColon))
                        && word_at(position + 2).is_some_and(|w| w.eq_ignore_ascii_case("regclass"));
                    let in_sequence_call = matches!(token_at(position.wrapping_sub(1)), Some(Token::LParen))
                        && word_at(position.wrapping_sub(2)).is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "nextval" | "currval" | "setval" | "to_regclass"));
                    // `set_config('search_path', ...)`: a setting's name, not data.
                    let names_setting = matches!(token_at(position.wrapping_sub(1)), Some(Token::LParen))
                        && word_at(position.wrapping_sub(2)).is_some_and(|w| matches!(w.to_ascii_lowercase().as_str(), "set_config" | "current_setting"));
                    let replacement = if names_setting {
                        None
                    } else if cast_to_regclass || in_sequence_call {
                        self.relation_literal(value, if in_sequence_call { NameKind::Sequence } else { NameKind::Table })
                    } else {
                        self.string(value)
                    };
                    match replacement {
                        Some(r) => out.push_str(&format!("'{r}'")),
                        None => out.push_str(original),
                    }
                }
                Token::EscapedStringLiteral(value) | Token::NationalStringLiteral(value) => {
                    let prefix = if matches!(t.token, Token::EscapedStringLiteral(_)) { "E" } else { "N" };
                    match self.string(value) {
                        Some(r) => out.push_str(&format!("{prefix}'{r}'")),
                        None => out.push_str(original),
                    }
                }
                Token::DollarQuotedString(quoted) => {
                    // Function bodies are SQL (or PL/pgSQL, close enough for names).
                    let body = self.sql_script(&quoted.value);
                    let tag = quoted.tag.as_deref().unwrap_or("");
                    out.push_str(&format!("${tag}${body}${tag}$"));
                }
                Token::EOF => {}
                _ => out.push_str(original),
            }
        }
        Some(out)
    }

    /// The kind the words before position `j` give a name there, `None` for an
    /// expression.
    fn context(
        &self,
        j: usize,
        upper_at: &dyn Fn(usize) -> Option<String>,
        is_word: &dyn Fn(usize) -> bool,
        create_index: bool,
        hints: &HashMap<usize, NameKind>,
    ) -> Option<NameKind> {
        let mut k = j;
        while k > 0 {
            k -= 1;
            let word = upper_at(k)?;
            let kind = match word.as_str() {
                "IF" | "NOT" | "EXISTS" | "CONCURRENTLY" | "ONLY" | "LATERAL" | "UNLOGGED" | "TEMP" | "TEMPORARY" => continue,
                // `a IS DISTINCT FROM b` compares expressions.
                "FROM" if k > 0 && upper_at(k - 1).as_deref() == Some("DISTINCT") => return None,
                "FROM" | "JOIN" | "INTO" | "UPDATE" | "TABLE" | "REFERENCES" | "TRUNCATE" | "VIEW" | "LOCK" | "OF" => NameKind::Table,
                "ON" if create_index => NameKind::Table,
                "INDEX" => NameKind::Index,
                "CONSTRAINT" => NameKind::Constraint,
                "SEQUENCE" => NameKind::Sequence,
                "TYPE" | "DOMAIN" => NameKind::Type,
                "FUNCTION" | "PROCEDURE" => NameKind::Function,
                "TRIGGER" => NameKind::Trigger,
                "SCHEMA" => NameKind::Schema,
                "COLUMN" => NameKind::Column,
                "AS" => NameKind::Alias,
                _ if k + 1 == j && is_word(k) && hints.get(&k) == Some(&NameKind::Table) && !is_protected(&word.to_ascii_lowercase()) => NameKind::Alias,
                _ => return None,
            };
            return Some(kind);
        }
        None
    }

    /// `'public.orders'::regclass`, `nextval('orders_id_seq')`: a name in a string.
    fn relation_literal(&mut self, value: &str, kind: NameKind) -> Option<String> {
        let parts: Vec<&str> = value.split('.').collect();
        let mut out = Vec::with_capacity(parts.len());
        let mut changed = false;
        for (i, part) in parts.iter().enumerate() {
            let quoted = part.len() >= 2 && part.starts_with('"') && part.ends_with('"');
            let folded = if quoted { part[1..part.len() - 1].replace("\"\"", "\"") } else { part.to_ascii_lowercase() };
            let part_kind = if i + 1 == parts.len() { kind } else { NameKind::Schema };
            match self.name(&folded, part_kind) {
                Some(r) => {
                    changed = true;
                    out.push(r);
                }
                None => out.push((*part).to_owned()),
            }
        }
        changed.then(|| out.join("."))
    }

    /// `text` with its comments dropped (suppressions kept), nothing else changed.
    fn without_comments(&self, text: &str, tokens: &[TokenWithSpan], offsets: &Offsets) -> String {
        let mut out = String::with_capacity(text.len());
        for (i, t) in tokens.iter().enumerate() {
            match &t.token {
                Token::Whitespace(w @ (Whitespace::SingleLineComment { .. } | Whitespace::MultiLineComment(_))) => out.push_str(&comment(w)),
                Token::EOF => {}
                _ => out.push_str(offsets.token_text(text, i)),
            }
        }
        out
    }

    /// A plan expression (`((orders.status)::text = 'open'::text)`).
    fn expression(&mut self, text: &str) -> Option<String> {
        match self.tokens(text, false) {
            Some(out) => (out != text).then_some(out),
            None => {
                self.note(format!("an expression of {} characters could not be read and was replaced by '?'", text.chars().count()));
                (self.mode == Mode::Rewrite).then(|| "?".to_owned())
            }
        }
    }

    // -----------------------------------------------------------------------------
    // Plans

    fn plan(&mut self, text: &str) -> String {
        if text.trim().is_empty() {
            return text.to_owned();
        }
        let cleaned = input::clean(text);
        match input::detect(&cleaned.text) {
            PlanFormat::Json => self.json_plan(&cleaned.text),
            PlanFormat::Text => self.text_plan(&cleaned.text),
        }
    }

    /// Rewrites the string values of a JSON plan by their key, keeping everything else
    /// (layout, numbers, key order) as written.
    fn json_plan(&mut self, text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        // Per open container: is it an object, and the key that governs its strings.
        let mut stack: Vec<(bool, Option<String>)> = Vec::new();
        let mut expecting_key = false;
        let mut pos = 0;
        while pos < bytes.len() {
            let Some(offset) = bytes[pos..].iter().position(|b| matches!(b, b'"' | b'{' | b'}' | b'[' | b']' | b',')) else {
                out.push_str(&text[pos..]);
                break;
            };
            out.push_str(&text[pos..pos + offset]);
            pos += offset;
            match bytes[pos] {
                b'"' => {
                    let end = json_string_end(bytes, pos);
                    let raw = &text[pos..end];
                    pos = end;
                    let in_object = stack.last().is_some_and(|(object, _)| *object);
                    let Ok(value) = serde_json::from_str::<String>(raw) else {
                        out.push_str(raw);
                        continue;
                    };
                    if in_object && expecting_key {
                        if let Some(top) = stack.last_mut() {
                            top.1 = Some(value);
                        }
                        expecting_key = false;
                        out.push_str(raw);
                    } else {
                        let key = stack.last().and_then(|(_, key)| key.clone()).unwrap_or_default();
                        match self.json_value(&key, &value) {
                            Some(new) => out.push_str(&serde_json::to_string(&new).unwrap_or_else(|_| raw.to_owned())),
                            None => out.push_str(raw),
                        }
                    }
                }
                b'{' => {
                    stack.push((true, None));
                    expecting_key = true;
                    out.push('{');
                    pos += 1;
                }
                b'[' => {
                    let key = stack.last().and_then(|(_, key)| key.clone());
                    stack.push((false, key));
                    out.push('[');
                    pos += 1;
                }
                b'}' | b']' => {
                    stack.pop();
                    expecting_key = false;
                    out.push(bytes[pos] as char);
                    pos += 1;
                }
                _ => {
                    expecting_key = stack.last().is_some_and(|(object, _)| *object);
                    out.push(',');
                    pos += 1;
                }
            }
        }
        out
    }

    /// The new value of a JSON plan string under `key`, `None` to keep it.
    fn json_value(&mut self, key: &str, value: &str) -> Option<String> {
        if let Some(kind) = plan_name_kind(key) {
            return self.plan_name(value, kind);
        }
        match key {
            "Query Text" => Some(self.sql_script(value)).filter(|v| v != value),
            _ if EXPRESSION_KEYS.contains(&key) => self.expression(value),
            _ => None,
        }
    }

    /// A name as a plan shows it: plain, or double-quoted when it needs quotes.
    fn plan_name(&mut self, text: &str, kind: NameKind) -> Option<String> {
        let name = unquote(text);
        if kind == NameKind::Function && is_builtin_function(&name) {
            return None;
        }
        self.name(&name, kind)
    }

    fn text_plan(&mut self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for line in text.split_inclusive('\n') {
            let (body, end) = match line.strip_suffix('\n') {
                Some(body) => (body, "\n"),
                None => (line, ""),
            };
            let indent = body.len() - body.trim_start().len();
            let mut content = &body[indent..];
            out.push_str(&body[..indent]);
            let arrow = content.starts_with("->");
            if arrow {
                let rest = content.trim_start_matches("->");
                let rest_trimmed = rest.trim_start();
                out.push_str(&content[..content.len() - rest_trimmed.len()]);
                content = rest_trimmed;
            }
            let rewritten = if arrow { self.plan_header(content) } else { self.plan_line(content) };
            out.push_str(&rewritten);
            out.push_str(end);
        }
        out
    }

    /// A line of a text plan that is not an arrow line: a property, a subplan label,
    /// or the root node's header.
    fn plan_line(&mut self, content: &str) -> String {
        if content.is_empty() {
            return String::new();
        }
        if content.starts_with("Trigger") {
            if let Some((key, value)) = content.split_once(':') {
                return format!("{}:{value}", self.plan_words(key, &[("Trigger", NameKind::Trigger), ("constraint", NameKind::Constraint), ("on", NameKind::Table)]));
            }
        }
        if let Some(name) = content.strip_prefix("CTE ").filter(|n| !n.contains(' ')) {
            return format!("CTE {}", self.plan_name(name, NameKind::Cte).unwrap_or_else(|| name.to_owned()));
        }
        if let Some((key, value)) = property(content) {
            let rewritten = if EXPRESSION_KEYS.contains(&key) {
                self.expression(value)
            } else if key == "Query Text" {
                Some(self.sql_script(value))
            } else if key == "Conflict Arbiter Indexes" {
                Some(value.split(", ").map(|i| self.plan_name(i, NameKind::Index).unwrap_or_else(|| i.to_owned())).collect::<Vec<_>>().join(", "))
            } else {
                None
            };
            return match rewritten {
                Some(value) => format!("{key}: {value}"),
                None => content.to_owned(),
            };
        }
        if content.starts_with("InitPlan") || content.starts_with("SubPlan") || content.starts_with("Worker ") {
            return content.to_owned();
        }
        self.plan_header(content)
    }

    /// `Index Scan using orders_pkey on public.orders o  (cost=...)`.
    fn plan_header(&mut self, content: &str) -> String {
        let cut = [" (cost=", " (actual", " (never executed)"].iter().filter_map(|m| content.find(m)).min().unwrap_or(content.len());
        let (description, tail) = content.split_at(cut);
        let target = if description.contains("CTE Scan") || description.contains("WorkTable Scan") {
            NameKind::Cte
        } else if description.contains("Function Scan") {
            NameKind::Function
        } else if description.contains("Subquery Scan") || description.contains("Values Scan") {
            NameKind::Alias
        } else if description.starts_with("Bitmap Index Scan") {
            NameKind::Index
        } else {
            NameKind::Table
        };
        let rewritten = self.plan_words(description, &[("using", NameKind::Index), ("on", target)]);
        format!("{rewritten}{tail}")
    }

    /// Rewrites the word after each marker of `markers` (and, after `on`, the alias
    /// that may follow the relation).
    fn plan_words(&mut self, text: &str, markers: &[(&str, NameKind)]) -> String {
        let words = split_words(text);
        let mut out = String::with_capacity(text.len());
        let mut pos = 0;
        let mut i = 0;
        while i < words.len() {
            let (start, end) = words[i];
            let marker = markers.iter().find(|(m, _)| *m == &text[start..end]).map(|(_, k)| *k);
            let Some(kind) = marker else {
                i += 1;
                continue;
            };
            let Some(&(ns, ne)) = words.get(i + 1) else { break };
            let word = &text[ns..ne];
            if word == "for" {
                i += 1;
                continue;
            }
            out.push_str(&text[pos..ns]);
            out.push_str(&self.plan_qualified(word, kind));
            pos = ne;
            i += 2;
            // `on orders o`: the alias, when the next word is not another marker.
            if &text[start..end] == "on" && kind != NameKind::Alias && kind != NameKind::Index {
                if let Some(&(as_, ae)) = words.get(i) {
                    let alias = &text[as_..ae];
                    if !markers.iter().any(|(m, _)| *m == alias) {
                        out.push_str(&text[pos..as_]);
                        out.push_str(&self.plan_name(alias, NameKind::Alias).unwrap_or_else(|| alias.to_owned()));
                        pos = ae;
                        i += 1;
                    }
                }
            }
        }
        out.push_str(&text[pos..]);
        out
    }

    /// `public.orders` → `public.table_1`.
    fn plan_qualified(&mut self, word: &str, kind: NameKind) -> String {
        let parts = split_dotted(word);
        let count = parts.len();
        parts
            .into_iter()
            .enumerate()
            .map(|(i, part)| {
                let part_kind = if i + 1 == count { kind } else { NameKind::Schema };
                self.plan_name(part, part_kind).unwrap_or_else(|| part.to_owned())
            })
            .collect::<Vec<_>>()
            .join(".")
    }
}

/// The names the DDL defines, with their kinds: the columns named like SQL words
/// (`name`, `status`) are only known to be names from here.
fn note_catalog(ddl: &str, names: &mut Names) {
    if ddl.trim().is_empty() {
        return;
    }
    let script = crate::sql::parse_script(ddl);
    let mut catalog = crate::sql::Catalog::default();
    for statement in &script.statements {
        catalog.apply(statement);
    }
    for schema in &catalog.schemas {
        names.note(&schema.name, NameKind::Schema);
    }
    for table in catalog.tables.values() {
        names.note(&table.schema, NameKind::Schema);
        names.note(&table.name, NameKind::Table);
        for column in &table.columns {
            names.note(&column.name, NameKind::Column);
        }
        let constraints = table.primary_key.iter().chain(&table.unique_constraints).map(|k| &k.name);
        let constraints = constraints.chain(table.foreign_keys.iter().map(|k| &k.name)).chain(table.check_constraints.iter().map(|c| &c.name));
        for name in constraints.chain(table.exclusion_constraints.iter().map(|c| &c.name)) {
            names.note(name, NameKind::Constraint);
        }
        for index in &table.indexes {
            names.note(&index.name, NameKind::Index);
        }
    }
    for sequence in catalog.sequences.values() {
        names.note(&sequence.name, NameKind::Sequence);
    }
    for view in catalog.views.values() {
        names.note(&view.name, NameKind::Table);
    }
    for type_def in catalog.types.values() {
        names.note(&type_def.name, NameKind::Type);
    }
    for domain in catalog.domains.values() {
        names.note(&domain.name, NameKind::Type);
    }
}

/// `n` kinds: schemas, then `last`.
fn lead(n: usize, last: NameKind) -> Vec<NameKind> {
    let mut kinds = vec![NameKind::Schema; n.saturating_sub(1)];
    kinds.push(last);
    kinds
}

/// What a dropped comment leaves: a suppression stays, others go (their line breaks
/// stay, so positions keep their lines).
fn comment(w: &Whitespace) -> String {
    match w {
        Whitespace::SingleLineComment { prefix, comment } if comment.trim_start().starts_with("pgsight-") => format!("{prefix}{comment}"),
        Whitespace::MultiLineComment(text) => {
            let breaks = text.matches('\n').count();
            if breaks == 0 {
                " ".to_owned()
            } else {
                "\n".repeat(breaks)
            }
        }
        _ => String::new(),
    }
}

/// Byte offsets of sqlparser's tokens (which carry lines and character columns),
/// found in one pass: tokens come in order.
struct Offsets {
    starts: Vec<usize>,
}

impl Offsets {
    fn new(text: &str, tokens: &[TokenWithSpan]) -> Self {
        let mut starts = Vec::with_capacity(tokens.len());
        let (mut line, mut column, mut byte) = (1u64, 1u64, 0usize);
        for token in tokens {
            let target = token.span.start;
            while line < target.line && byte < text.len() {
                match text[byte..].find('\n') {
                    Some(i) => {
                        byte += i + 1;
                        line += 1;
                        column = 1;
                    }
                    None => byte = text.len(),
                }
            }
            let mut chars = text[byte..].chars();
            while column < target.column {
                let Some(c) = chars.next() else { break };
                if c == '\n' {
                    break;
                }
                byte += c.len_utf8();
                column += 1;
            }
            starts.push(byte.min(text.len()));
        }
        Offsets { starts }
    }

    /// The text of token `i`: from its start to the next token's.
    fn token_text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        let start = self.starts.get(i).copied().unwrap_or(text.len());
        let end = self.starts.get(i + 1).copied().unwrap_or(text.len());
        text.get(start..end.max(start)).unwrap_or("")
    }
}

/// The byte after the closing quote of the JSON string starting at `start`.
fn json_string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// `"Order"` → `Order`; a plain name as it is.
fn unquote(text: &str) -> String {
    match text.strip_prefix('"').and_then(|t| t.strip_suffix('"')) {
        Some(inner) if !inner.is_empty() => inner.replace("\"\"", "\""),
        _ => text.to_owned(),
    }
}

/// Byte ranges of the space-separated words of `text`, double-quoted spaces kept.
fn split_words(text: &str) -> Vec<(usize, usize)> {
    let mut words = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '"' => {
                quoted = !quoted;
                start.get_or_insert(i);
            }
            ' ' if !quoted => {
                if let Some(s) = start.take() {
                    words.push((s, i));
                }
            }
            _ => {
                start.get_or_insert(i);
            }
        }
    }
    if let Some(s) = start {
        words.push((s, text.len()));
    }
    words
}

/// `public."My.Table"` → `public`, `"My.Table"`.
fn split_dotted(word: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut quoted = false;
    for (i, c) in word.char_indices() {
        match c {
            '"' => quoted = !quoted,
            '.' if !quoted => {
                parts.push(&word[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&word[start..]);
    parts
}

/// A text plan's `Key: value` line (the key in capitalized words).
fn property(content: &str) -> Option<(&str, &str)> {
    let (key, value) = content.split_once(": ")?;
    let plausible = key.starts_with(|c: char| c.is_ascii_uppercase()) && key.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '/'));
    plausible.then_some((key, value))
}

/// The kind of the name under a JSON plan key.
fn plan_name_kind(key: &str) -> Option<NameKind> {
    Some(match key {
        "Relation Name" | "Relation" | "Tuplestore Name" => NameKind::Table,
        "Schema" => NameKind::Schema,
        "Alias" => NameKind::Alias,
        "Index Name" | "Conflict Arbiter Indexes" => NameKind::Index,
        "CTE Name" => NameKind::Cte,
        "Function Name" | "Table Function Name" => NameKind::Function,
        "Trigger Name" => NameKind::Trigger,
        "Constraint Name" => NameKind::Constraint,
        _ => return None,
    })
}

/// Plan keys whose values are expressions (or lists of them).
const EXPRESSION_KEYS: &[&str] = &[
    "Output",
    "Filter",
    "Index Cond",
    "Recheck Cond",
    "Hash Cond",
    "Merge Cond",
    "Join Filter",
    "One-Time Filter",
    "TID Cond",
    "Order By",
    "Run Condition",
    "Cache Key",
    "Sort Key",
    "Group Key",
    "Group Keys",
    "Presorted Key",
    "Hash Key",
    "Conflict Filter",
    "Function Call",
    "Table Function Call",
    "Repeatable Seed",
    "Sampling Parameters",
    "Query Parameters",
];

/// Endings of PostgreSQL's default index, constraint and sequence names.
const NAME_ENDINGS: &[&str] = &["idx", "key", "pkey", "fkey", "check", "excl", "seq", "index", "uniq", "unique", "fk", "pk", "ix"];

/// Names some rules read as they are (soft-delete markers, creation timestamps, the
/// conventional key, status-like columns): not identifying, so kept.
const GENERIC_NAMES: &[&str] = &[
    "id",
    "row_id",
    "pk_id",
    "status",
    "state",
    "type",
    "kind",
    "created_at",
    "created",
    "created_on",
    "inserted_at",
    "occurred_at",
    "recorded_at",
    "timestamp",
    "date",
    "deleted",
    "is_deleted",
    "isdeleted",
    "archived",
    "is_archived",
    "removed",
    "is_removed",
    "discarded",
    "is_discarded",
    "trashed",
    "is_trashed",
    "deleted_at",
    "archived_at",
    "removed_at",
    "discarded_at",
    "trashed_at",
    "deleted_on",
    "archived_on",
    "deleted_date",
];

/// Column name endings some rules read: kept after the replacement
/// (`customer_id` → `column_2_id`). Longest first.
const MEANINGFUL_SUFFIXES: &[&str] = &[
    "deleted_date",
    "discarded_at",
    "archived_at",
    "archived_on",
    "trashed_at",
    "removed_at",
    "deleted_at",
    "deleted_on",
    "created_at",
    "status",
    "state",
    "type",
    "id",
];

/// Names that are never renamed: system schemas and columns, generated plan names,
/// the generic names rules read, replacements themselves.
fn stays(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.is_empty()
        || name.bytes().all(|b| b.is_ascii_digit())
        || GENERIC_NAMES.contains(&name)
        || matches!(name, "public" | "information_schema" | "ctid" | "xmin" | "xmax" | "cmin" | "cmax" | "tableoid" | "oid" | "excluded" | "char")
        || lower.starts_with("pg_")
        || lower.starts_with("ri_constrainttrigger")
        || name.starts_with('*')
        || name.ends_with("_subquery")
        || name.ends_with("_ops")
}

/// Is `name` left as it is whatever the inputs: a generic or system name, or a word
/// of SQL syntax? (What a check for leftover names must allow.)
pub fn is_kept_by_design(name: &str) -> bool {
    stays(name) || is_protected(&name.to_ascii_lowercase()) || is_replacement(name)
}

/// `table_3`, `column_2_id`, `str_7`: what [`anonymize`] writes.
fn is_replacement(name: &str) -> bool {
    NameKind::ALL.iter().map(|k| k.prefix()).chain(["str"]).any(|prefix| {
        name.strip_prefix(prefix).and_then(|r| r.strip_prefix('_')).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// A string literal with nothing identifying in it: a number, a date, a time, an
/// interval, a size, a boolean.
fn is_shape_only(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "year", "years", "y", "month", "months", "mon", "mons", "week", "weeks", "w", "day", "days", "d", "hour", "hours", "h", "minute", "minutes", "min",
        "mins", "m", "second", "seconds", "sec", "secs", "s", "ms", "millisecond", "milliseconds", "us", "microsecond", "microseconds", "ago", "t",
        "z", "utc", "gmt", "infinity", "nan", "true", "false", "on", "off", "yes", "no", "kb", "mb", "gb", "tb", "b", "epoch", "now", "today",
        "tomorrow", "yesterday", "allballs", "am", "pm", "e",
    ];
    value.split(|c: char| !c.is_alphabetic()).all(|word| word.is_empty() || WORDS.contains(&word.to_lowercase().as_str()))
}

/// Built-in functions kept by name: those whose volatility the rules know, and the
/// common ones whose names say nothing about a database.
fn is_builtin_function(name: &str) -> bool {
    const COMMON: &[&str] = &[
        "lower", "upper", "length", "char_length", "coalesce", "nullif", "greatest", "least", "count", "sum", "avg", "min", "max", "array_agg",
        "string_agg", "json_agg", "jsonb_agg", "bool_and", "bool_or", "every", "now", "random", "date_trunc", "date_part", "extract", "to_char",
        "to_date", "to_timestamp", "to_number", "age", "abs", "round", "floor", "ceil", "ceiling", "trunc", "substring", "substr", "position",
        "trim", "btrim", "ltrim", "rtrim", "replace", "concat", "concat_ws", "format", "left", "right", "md5", "encode", "decode", "split_part",
        "regexp_replace", "regexp_match", "regexp_matches", "generate_series", "unnest", "row_number", "rank", "dense_rank", "lag", "lead",
        "first_value", "last_value", "ntile", "percentile_cont", "percentile_disc", "jsonb_build_object", "json_build_object", "jsonb_extract_path",
        "jsonb_extract_path_text", "jsonb_array_elements", "jsonb_array_length", "jsonb_each", "to_tsvector", "to_tsquery", "plainto_tsquery",
        "phraseto_tsquery", "websearch_to_tsquery", "ts_rank", "nextval", "currval", "setval", "lastval", "gen_random_uuid", "uuid_generate_v4",
        "clock_timestamp", "statement_timestamp", "transaction_timestamp", "timeofday", "make_date", "make_interval", "date_bin", "justify_days",
        "array_length", "array_position", "cardinality", "hashtext", "set_config", "current_setting", "txid_current", "unaccent", "similarity",
        "int4", "int8", "float8", "numeric", "text", "varchar", "bool", "date", "timestamp", "timestamptz", "interval", "row", "array", "cast",
        "exists", "any", "all", "some", "in", "sqrt", "power", "mod", "sign", "stddev", "variance", "mode", "initcap", "reverse", "repeat", "lpad",
        "rpad", "starts_with", "quote_ident", "quote_literal", "to_json", "to_jsonb", "row_to_json", "array_to_string", "string_to_array",
        "daterange", "tstzrange", "tsrange", "int4range", "int8range", "numrange", "isfinite", "date_add", "date_subtract", "gen_random_bytes",
        "crypt", "gen_salt", "digest", "hmac", "uuid_generate_v1", "uuidv7", "version",
    ];
    COMMON.contains(&name) || crate::sql::functions::known_volatility(name).is_some()
}

/// Words that are syntax (PostgreSQL's reserved words, built-in type names, the words
/// DDL is written with): never renamed, even when a column has that name.
fn is_protected(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            [
                // Reserved (PostgreSQL's keyword appendix).
                "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check", "collate", "column",
                "constraint", "create", "current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
                "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant",
                "group", "having", "in", "initially", "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
                "null", "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select", "session_user", "some",
                "symmetric", "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
                "where", "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze", "full",
                "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer", "overlaps", "right", "similar",
                "tablesample", "verbose", "between", "exists", "extract", "grouping", "row", "values", "coalesce", "nullif", "greatest", "least",
                "interval", "position", "substring", "overlay", "trim", "treat", "setof", "none", "national", "precision", "inout", "out",
                // Types.
                "bigint", "bit", "boolean", "bool", "char", "character", "dec", "decimal", "float", "int", "integer", "numeric", "real",
                "smallint", "time", "timestamp", "varchar", "varying", "text", "date", "timestamptz", "timetz", "zone", "without", "json",
                "jsonb", "uuid", "bytea", "money", "serial", "bigserial", "smallserial", "serial4", "serial8", "int2", "int4", "int8", "float4",
                "float8", "bpchar", "oid", "regclass", "regtype", "regproc", "inet", "cidr", "macaddr", "tsvector", "tsquery", "xml",
                "point", "line", "box", "polygon", "circle", "path", "lseg", "varbit", "int4range", "int8range", "numrange", "tsrange",
                "tstzrange", "daterange", "record", "void", "trigger", "anyelement", "double", "citext", "hstore", "ltree",
                // DDL, DML and plan syntax.
                "key", "data", "type", "value", "add", "alter", "drop", "rename", "index", "sequence", "view", "materialized", "function",
                "procedure", "extension", "schema", "if", "cascade", "restrict", "no", "action", "set", "reset", "delete", "update", "insert",
                "truncate", "valid", "validate", "owned", "by", "owner", "include", "partition", "attach", "detach", "of", "attribute", "begin",
                "commit", "rollback", "transaction", "vacuum", "cluster", "reindex", "comment", "nulls", "first", "last", "always", "generated",
                "identity", "stored", "inherits", "temp", "temporary", "unlogged", "logged", "increment", "start", "minvalue", "maxvalue",
                "cache", "cycle", "returns", "language", "immutable", "stable", "volatile", "strict", "security", "definer", "invoker",
                "parallel", "safe", "unsafe", "restricted", "cost", "rows", "lock", "share", "exclusive", "mode", "nowait", "skip", "locked",
                "enable", "disable", "replica", "range", "list", "hash", "btree", "gin", "gist", "brin", "spgist", "heap", "deferred",
                "immediate", "match", "simple", "partial", "over", "filter", "within", "ordinality", "recursive", "conflict", "nothing",
                "returning", "local", "session", "global", "statistics", "tablespace", "storage", "plain", "external", "extended", "main",
                "matched", "merge", "new", "old", "each", "statement", "before", "after", "instead", "execute", "row", "procedure", "ignore",
                "unknown", "enum", "domain", "access", "method", "operator", "class", "family", "role", "grant", "revoke", "privileges",
                "usage", "public", "escape", "hashed", "subplan", "initplan", "never", "executed", "raise", "notice", "exception", "perform",
                "declare", "loop", "while", "elsif", "return", "found", "query", "plpgsql", "sql", "default_table_access_method",
            ]
            .into_iter()
            .collect()
        })
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sql(text: &str) -> (String, Mapping) {
        let a = anonymize(&SharedInputs { sql: text.to_owned(), ..SharedInputs::default() });
        (a.inputs.sql, a.mapping)
    }

    #[test]
    fn names_follow_their_kind_and_literals_their_type() {
        let (out, _) = sql("SELECT o.total, c.email FROM orders o JOIN customers AS c ON c.id = o.customer_id WHERE o.note = 'rush' AND o.total > 100;");
        assert_eq!(out, "SELECT alias_1.column_1, alias_2.column_2 FROM table_1 alias_1 JOIN table_2 AS alias_2 ON alias_2.id = alias_1.column_3_id WHERE alias_1.column_4 = 'str_1' AND alias_1.column_1 > 100;");
    }

    #[test]
    fn quoted_identifiers_dollar_quotes_and_escape_strings() {
        let (out, _) = sql("SELECT \"Weird Name\", 'it''s', E'tab\\there' FROM \"Orders\";\nDO $body$ BEGIN UPDATE orders SET note = 'x'; END $body$;");
        assert_eq!(out, "SELECT column_1, 'str_1', E'str_2' FROM table_1;\nDO $body$ BEGIN UPDATE table_2 SET column_2 = 'str_3'; END $body$;");
        assert!(!out.contains("Weird") && !out.contains("it''s") && !out.contains("there"), "{out}");
    }

    #[test]
    fn comments_go_but_suppressions_and_line_breaks_stay() {
        let (out, _) = sql("-- customer data\n-- pgsight-ignore select-star\nSELECT * FROM orders; /* secret\n note */ SELECT 1; -- trailing\n");
        assert_eq!(out, "\n-- pgsight-ignore select-star\nSELECT * FROM table_1; \n SELECT 1; \n");
    }

    #[test]
    fn like_wildcards_dates_intervals_and_settings_stay() {
        let (out, _) = sql("SELECT pg_catalog.set_config('search_path', '', false);\nSELECT id FROM t WHERE a IS DISTINCT FROM b;\n");
        assert_eq!(out, "SELECT pg_catalog.set_config('search_path', '', false);\nSELECT id FROM table_1 WHERE column_1 IS DISTINCT FROM column_2;\n");
        let (out, _) = sql("SET lock_timeout = '2s';\nSELECT id FROM t WHERE name LIKE '%son' AND created_at > now() - interval '7 days' AND d = '2024-03-01';");
        assert_eq!(out, "SET lock_timeout = '2s';\nSELECT id FROM table_1 WHERE name LIKE '%str_1' AND created_at > now() - interval '7 days' AND column_1 = '2024-03-01';");
    }

    #[test]
    fn default_index_names_are_renamed_part_by_part() {
        let schema = "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, placed timestamptz);\nCREATE INDEX orders_customer_id_placed_idx ON orders (customer_id, placed);\nCREATE INDEX fancy ON orders (lower(placed::text));";
        let a = anonymize(&SharedInputs { schema: schema.to_owned(), ..SharedInputs::default() });
        assert_eq!(
            a.inputs.schema,
            "CREATE TABLE table_1 (id bigint PRIMARY KEY, column_1_id bigint, column_2 timestamptz);\nCREATE INDEX table_1_column_1_id_column_2_idx ON table_1 (column_1_id, column_2);\nCREATE INDEX index_1 ON table_1 (lower(column_2::text));"
        );
    }

    #[test]
    fn sequences_named_in_strings_are_renamed_like_names() {
        let (out, _) = sql("CREATE TABLE t (n bigint DEFAULT nextval('t_n_seq'::regclass));\nCREATE SEQUENCE t_n_seq;");
        assert_eq!(out, "CREATE TABLE table_1 (column_1 bigint DEFAULT nextval('table_1_column_1_seq'::regclass));\nCREATE SEQUENCE table_1_column_1_seq;");
    }

    #[test]
    fn plan_expressions_are_tokenized() {
        let plan = "Seq Scan on public.orders o  (cost=0.00..1.00 rows=1 width=8) (actual time=0.1..0.2 rows=1 loops=1)\n  Output: o.id, o.\"Total\"\n  Filter: (((o.status)::text = 'shipped'::text) AND (lower(o.email) ~~ '%@example.com'::text))\n  Rows Removed by Filter: 99\nPlanning Time: 0.1 ms\n";
        let a = anonymize(&SharedInputs { plan: plan.to_owned(), ..SharedInputs::default() });
        assert_eq!(
            a.inputs.plan,
            "Seq Scan on public.table_1 alias_1  (cost=0.00..1.00 rows=1 width=8) (actual time=0.1..0.2 rows=1 loops=1)\n  Output: alias_1.id, alias_1.column_1\n  Filter: (((alias_1.status)::text = 'str_1'::text) AND (lower(alias_1.column_2) ~~ '%str_2'::text))\n  Rows Removed by Filter: 99\nPlanning Time: 0.1 ms\n"
        );
        assert!(crate::plan::parse(&a.inputs.plan).is_ok());
    }

    #[test]
    fn text_plan_headers_labels_and_triggers() {
        let plan = "Hash Join  (cost=1.00..2.00 rows=1 width=8)\n  Hash Cond: (i.order_id = o.id)\n  CTE recent\n    ->  Index Only Scan Backward using orders_placed_idx on public.orders o2  (cost=0.1..1.0 rows=1 width=8)\n  ->  Bitmap Index Scan on items_sku_idx  (cost=0.00..1.00 rows=1 width=0)\n        Index Cond: (i.sku = ANY ('{ab-1,cd-2}'::text[]))\n  ->  CTE Scan on recent r  (cost=0.00..1.00 rows=1 width=8)\n  ->  Function Scan on generate_series g  (cost=0.00..1.00 rows=1 width=4)\nTrigger for constraint items_order_fkey on items: time=0.5 calls=1\n";
        let a = anonymize(&SharedInputs { plan: plan.to_owned(), ..SharedInputs::default() });
        assert_eq!(
            a.inputs.plan,
            "Hash Join  (cost=1.00..2.00 rows=1 width=8)\n  Hash Cond: (alias_1.column_1_id = alias_2.id)\n  CTE cte_1\n    ->  Index Only Scan Backward using index_1 on public.table_1 alias_3  (cost=0.1..1.0 rows=1 width=8)\n  ->  Bitmap Index Scan on table_2_column_2_idx  (cost=0.00..1.00 rows=1 width=0)\n        Index Cond: (alias_1.column_2 = ANY ('{str_1,str_2}'::text[]))\n  ->  CTE Scan on cte_1 alias_4  (cost=0.00..1.00 rows=1 width=8)\n  ->  Function Scan on generate_series alias_5  (cost=0.00..1.00 rows=1 width=4)\nTrigger for constraint constraint_1 on table_2: time=0.5 calls=1\n"
        );
        assert!(crate::plan::parse(&a.inputs.plan).is_ok());
    }

    #[test]
    fn json_plans_keep_their_layout_and_numbers() {
        let plan = "[{\"Plan\": {\"Node Type\": \"Index Scan\", \"Index Name\": \"orders_pkey\", \"Relation Name\": \"orders\", \"Alias\": \"orders\", \"Total Cost\": 8.30,\n \"Index Cond\": \"(id = 42)\", \"Sort Key\": [\"orders.placed DESC\"]}}]";
        let a = anonymize(&SharedInputs { plan: plan.to_owned(), ..SharedInputs::default() });
        assert_eq!(
            a.inputs.plan,
            "[{\"Plan\": {\"Node Type\": \"Index Scan\", \"Index Name\": \"table_1_pkey\", \"Relation Name\": \"table_1\", \"Alias\": \"table_1\", \"Total Cost\": 8.30,\n \"Index Cond\": \"(id = 42)\", \"Sort Key\": [\"table_1.column_1 DESC\"]}}]"
        );
    }

    #[test]
    fn deterministic_and_idempotent() {
        let inputs = SharedInputs {
            schema: "CREATE TABLE accounts (id bigint PRIMARY KEY, owner_email text);".to_owned(),
            sql: "SELECT owner_email FROM accounts WHERE owner_email = 'a@b.c';".to_owned(),
            ..SharedInputs::default()
        };
        let once = anonymize(&inputs);
        assert_eq!(once, anonymize(&inputs));
        let twice = anonymize(&once.inputs);
        assert_eq!(twice.inputs, once.inputs);
        assert!(twice.mapping.renamed.is_empty(), "{:?}", twice.mapping);
    }

    #[test]
    fn replacements_never_collide_with_names_already_shaped_like_them() {
        let (out, _) = sql("SELECT a FROM table_1; SELECT b FROM orders;");
        assert_eq!(out, "SELECT column_1 FROM table_1; SELECT column_2 FROM table_2;");
    }

    #[test]
    fn names_that_are_sql_words_are_kept_and_listed() {
        let a = anonymize(&SharedInputs { schema: "CREATE TABLE t (key text PRIMARY KEY, payload jsonb);".to_owned(), ..SharedInputs::default() });
        assert_eq!(a.inputs.schema, "CREATE TABLE table_1 (key text PRIMARY KEY, column_1 jsonb);");
        assert_eq!(a.mapping.kept, ["key"]);
    }
}
