//! Object names as PostgreSQL resolves them: unquoted identifiers fold to lower
//! case, quoted ones are kept, and an unqualified name is looked up along the
//! search_path.

use std::fmt;

use serde::{Serialize, Serializer};
#[cfg(feature = "sql")]
use sqlparser::ast::{Ident, ObjectName, ObjectNamePart};

/// The schema every unqualified name falls back to.
pub const DEFAULT_SCHEMA: &str = "public";

/// A possibly schema-qualified name, already case-folded. Serialized as its SQL
/// spelling (`public.film`, `app."ExternalId"`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct QualifiedName {
    pub schema: Option<String>,
    pub name: String,
}

impl QualifiedName {
    pub fn new(schema: Option<&str>, name: &str) -> Self {
        QualifiedName { schema: schema.map(str::to_owned), name: name.to_owned() }
    }

    /// From already-folded parts; a leading database part (`db.schema.table`) is dropped.
    pub fn from_parts(mut parts: Vec<String>) -> Option<Self> {
        let name = parts.pop()?;
        Some(QualifiedName { schema: parts.pop(), name })
    }

    #[cfg(feature = "sql")]
    pub fn from_object_name(name: &ObjectName) -> Option<Self> {
        let parts = name.0.iter().map(|part| match part {
            ObjectNamePart::Identifier(ident) => Some(fold_ident(ident)),
            ObjectNamePart::Function(_) => None,
        });
        Self::from_parts(parts.collect::<Option<Vec<_>>>()?)
    }

    /// Parses a name written inside a string, as in `nextval('public."Seq"'::regclass)`.
    pub fn from_text(text: &str) -> Option<Self> {
        let mut parts = Vec::new();
        let mut chars = text.trim().chars().peekable();
        loop {
            let mut part = String::new();
            if chars.peek() == Some(&'"') {
                chars.next();
                while let Some(c) = chars.next() {
                    if c == '"' {
                        if chars.peek() == Some(&'"') {
                            chars.next();
                        } else {
                            break;
                        }
                    }
                    part.push(c);
                }
            } else {
                while let Some(&c) = chars.peek().filter(|&&c| c != '.') {
                    part.push(c.to_ascii_lowercase());
                    chars.next();
                }
            }
            if part.is_empty() {
                return None;
            }
            parts.push(part);
            match chars.next() {
                Some('.') => continue,
                None => break,
                Some(_) => return None,
            }
        }
        Self::from_parts(parts)
    }

    /// The same name in `schema` when it has none.
    pub fn in_schema(&self, schema: &str) -> Self {
        QualifiedName { schema: Some(self.schema.clone().unwrap_or_else(|| schema.to_owned())), name: self.name.clone() }
    }

    pub fn schema_or_default(&self) -> &str {
        self.schema.as_deref().unwrap_or(DEFAULT_SCHEMA)
    }
}

impl fmt::Display for QualifiedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(schema) = &self.schema {
            write!(f, "{}.", quote_ident(schema))?;
        }
        f.write_str(&quote_ident(&self.name))
    }
}

impl Serialize for QualifiedName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// PostgreSQL's case folding: unquoted identifiers are lower-cased (ASCII only, as
/// the server does for multibyte encodings), quoted ones are kept.
#[cfg(feature = "sql")]
pub fn fold_ident(ident: &Ident) -> String {
    fold(&ident.value, ident.quote_style.is_some())
}

pub fn fold(value: &str, quoted: bool) -> String {
    if quoted {
        value.to_owned()
    } else {
        value.to_ascii_lowercase()
    }
}

/// An identifier as SQL: quoted unless it is plain lower-case.
pub fn quote_ident(name: &str) -> String {
    let plain = name.chars().next().is_some_and(|c| c.is_ascii_lowercase() || c == '_')
        && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '$');
    if plain {
        name.to_owned()
    } else {
        format!("\"{}\"", name.replace('"', "\"\""))
    }
}

/// The schemas unqualified names are resolved in, as set by `SET search_path`
/// or pg_dump's `set_config('search_path', ...)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchPath {
    schemas: Vec<String>,
}

impl Default for SearchPath {
    fn default() -> Self {
        SearchPath { schemas: vec![DEFAULT_SCHEMA.to_owned()] }
    }
}

impl SearchPath {
    /// From the listed entries; `"$user"` and `pg_catalog` name no schema a dump creates objects in.
    pub fn new(entries: &[String]) -> Self {
        let schemas = entries.iter().filter(|s| *s != "$user" && *s != "pg_catalog").cloned().collect();
        SearchPath { schemas }
    }

    /// Where an unqualified CREATE puts its object. pg_dump empties the path and
    /// qualifies every name; for hand-written DDL an empty path means `public`.
    pub fn creation_schema(&self) -> &str {
        self.schemas.first().map_or(DEFAULT_SCHEMA, String::as_str)
    }

    /// Resolves a name for CREATE.
    pub fn for_create(&self, name: &QualifiedName) -> QualifiedName {
        name.in_schema(self.creation_schema())
    }

    /// Resolves a name that should already exist: the first schema on the path
    /// where `exists` holds, else the creation schema.
    pub fn for_lookup(&self, name: &QualifiedName, exists: impl Fn(&QualifiedName) -> bool) -> QualifiedName {
        if name.schema.is_some() {
            return name.clone();
        }
        self.schemas
            .iter()
            .map(|schema| name.in_schema(schema))
            .find(|candidate| exists(candidate))
            .unwrap_or_else(|| self.for_create(name))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_and_print_back_as_sql() {
        let name = QualifiedName::from_text("Public.\"bıgınt\"").expect("name");
        assert_eq!(name, QualifiedName::new(Some("public"), "bıgınt"));
        assert_eq!(name.to_string(), "public.\"bıgınt\"");
        assert_eq!(QualifiedName::from_text("db.s.t"), Some(QualifiedName::new(Some("s"), "t")));
        assert_eq!(QualifiedName::from_text("a..b"), None);
        assert_eq!(QualifiedName::from_text("\"a\"\"b\""), Some(QualifiedName::new(None, "a\"b")));
    }

    #[test]
    fn search_path_resolves_creation_and_lookup() {
        let path = SearchPath::new(&["$user".into(), "shop".into(), "public".into()]);
        let orders = QualifiedName::new(None, "orders");
        assert_eq!(path.for_create(&orders), QualifiedName::new(Some("shop"), "orders"));
        let in_public = |n: &QualifiedName| n.schema.as_deref() == Some("public");
        assert_eq!(path.for_lookup(&orders, in_public), QualifiedName::new(Some("public"), "orders"));
        assert_eq!(SearchPath::new(&[]).creation_schema(), "public");
    }
}
