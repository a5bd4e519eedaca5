//! The relations a query block reads, how its column references resolve to them,
//! and what the schema catalog knows about them.

use sqlparser::ast::{Spanned, TableFactor, TableWithJoins};
use sqlparser::tokenizer::Span;

use super::expr::{canonical, conjuncts, ColumnName};
use crate::sql::catalog::{Catalog, Index, Table};
use crate::sql::names::{fold_ident, QualifiedName};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelationKind {
    /// A table or view, by name.
    Table,
    /// A CTE of the query.
    Cte,
    /// `(SELECT ...) AS x`.
    Derived,
    /// A set-returning function, UNNEST, or anything else computed.
    Function,
}

/// One relation in a FROM clause.
#[derive(Debug, Clone)]
pub struct Relation<'a> {
    pub kind: RelationKind,
    /// The name as written, folded (tables and CTEs).
    pub name: Option<QualifiedName>,
    pub alias: Option<String>,
    /// The table in the schema catalog, when one was given and holds it.
    pub table: Option<&'a Table>,
    pub lateral: bool,
    pub span: Span,
    pub factor: &'a TableFactor,
}

impl Relation<'_> {
    /// A table (or view) read by name, not a CTE or a computed relation.
    pub fn is_table(&self) -> bool {
        self.kind == RelationKind::Table
    }

    /// How fixes name the relation: `schema.name` as the catalog defines it, else
    /// the name as the query writes it. Unquoted: fixes quote with `quote_qualified`.
    pub fn display(&self) -> String {
        match (self.table, &self.name) {
            (Some(t), _) => crate::rules::fixsql::qualify(Some(&t.schema), &t.name),
            (None, Some(n)) => crate::rules::fixsql::qualify(n.schema.as_deref(), &n.name),
            (None, None) => self.alias.clone().unwrap_or_else(|| "?".to_owned()),
        }
    }

    /// What the query qualifies the relation's columns with: its alias, else its name.
    pub fn qualifier(&self) -> String {
        self.alias.clone().or_else(|| self.name.as_ref().map(|n| n.name.clone())).unwrap_or_default()
    }

    /// The relation as the FROM clause writes it: `orders o`, `public.orders`.
    pub fn from_text(&self) -> String {
        let name = match &self.name {
            Some(n) => n.to_string(),
            None => return self.factor.to_string(),
        };
        match &self.alias {
            Some(alias) if Some(alias) != self.name.as_ref().map(|n| &n.name) => {
                format!("{name} {}", crate::rules::fixsql::quote_ident(alias))
            }
            _ => name,
        }
    }

    /// Whether `qualifier` (`o`, `orders`, `public.orders`) names this relation.
    fn answers_to(&self, qualifier: &[String]) -> bool {
        match qualifier {
            [q] => match &self.alias {
                Some(alias) => alias == q,
                None => self.name.as_ref().is_some_and(|n| &n.name == q),
            },
            [schema, q] => {
                self.alias.is_none()
                    && self.name.as_ref().is_some_and(|n| &n.name == q && n.schema.as_deref().unwrap_or_else(|| self.table.map_or("public", |t| t.schema.as_str())) == schema)
            }
            _ => false,
        }
    }

    /// Whether the relation has a column `name`: from the catalog for a table, from
    /// the alias's column list otherwise; `None` when unknown.
    pub fn has_column(&self, name: &str) -> Option<bool> {
        if let Some(table) = self.table {
            return Some(table.column(name).is_some());
        }
        None
    }
}

/// The relations of one query block.
#[derive(Debug, Clone, Default)]
pub struct Scope<'a> {
    pub relations: Vec<Relation<'a>>,
}

impl<'a> Scope<'a> {
    pub fn new(from: &[&'a TableWithJoins], ctes: &[String], catalog: Option<&'a Catalog>) -> Self {
        let mut relations = Vec::new();
        for twj in from {
            collect(twj, ctes, catalog, &mut relations);
        }
        Scope { relations }
    }

    /// The tables (not CTEs or computed relations).
    pub fn tables(&self) -> impl Iterator<Item = (usize, &Relation<'a>)> {
        self.relations.iter().enumerate().filter(|(_, r)| r.is_table())
    }

    /// The relation a column reference belongs to: by qualifier, or for a bare name
    /// the only relation, or the only one whose catalog table has the column.
    pub fn resolve(&self, column: &ColumnName) -> Option<usize> {
        if !column.qualifier.is_empty() {
            return self.relations.iter().position(|r| r.answers_to(&column.qualifier));
        }
        if self.relations.len() == 1 {
            return Some(0);
        }
        let holders: Vec<usize> = self.relations.iter().enumerate().filter(|(_, r)| r.has_column(&column.name) == Some(true)).map(|(i, _)| i).collect();
        let unknown = self.relations.iter().any(|r| r.has_column(&column.name).is_none());
        match holders.as_slice() {
            [only] if !unknown => Some(*only),
            _ => None,
        }
    }
}

fn collect<'a>(twj: &'a TableWithJoins, ctes: &[String], catalog: Option<&'a Catalog>, out: &mut Vec<Relation<'a>>) {
    push_factor(&twj.relation, ctes, catalog, out);
    for join in &twj.joins {
        push_factor(&join.relation, ctes, catalog, out);
    }
}

fn push_factor<'a>(factor: &'a TableFactor, ctes: &[String], catalog: Option<&'a Catalog>, out: &mut Vec<Relation<'a>>) {
    let alias_of = |alias: &Option<sqlparser::ast::TableAlias>| alias.as_ref().map(|a| fold_ident(&a.name));
    let relation = match factor {
        TableFactor::NestedJoin { table_with_joins, .. } => return collect(table_with_joins, ctes, catalog, out),
        TableFactor::Table { name, alias, args: None, .. } => {
            let name = QualifiedName::from_object_name(name);
            let is_cte = name.as_ref().is_some_and(|n| n.schema.is_none() && ctes.contains(&n.name));
            let table = if is_cte { None } else { catalog.zip(name.as_ref()).and_then(|(c, n)| c.table(n)) };
            Relation {
                kind: if is_cte { RelationKind::Cte } else { RelationKind::Table },
                name,
                alias: alias_of(alias),
                table,
                lateral: false,
                span: factor.span(),
                factor,
            }
        }
        TableFactor::Derived { lateral, alias, .. } => {
            Relation { kind: RelationKind::Derived, name: None, alias: alias_of(alias), table: None, lateral: *lateral, span: factor.span(), factor }
        }
        TableFactor::Function { lateral, alias, .. } => {
            Relation { kind: RelationKind::Function, name: None, alias: alias_of(alias), table: None, lateral: *lateral, span: factor.span(), factor }
        }
        TableFactor::Table { alias, .. } | TableFactor::UNNEST { alias, .. } | TableFactor::TableFunction { alias, .. } => {
            Relation { kind: RelationKind::Function, name: None, alias: alias_of(alias), table: None, lateral: false, span: factor.span(), factor }
        }
        _ => Relation { kind: RelationKind::Function, name: None, alias: None, table: None, lateral: false, span: factor.span(), factor },
    };
    out.push(relation);
}

// ---------------------------------------------------------------------------
// What the catalog says about indexes.

/// The indexes of `table` (constraint indexes included, by constraint name) whose
/// first key is the bare column `column`, with their method.
pub fn indexes_leading_with(table: &Table, column: &str) -> Vec<String> {
    let mut names = Vec::new();
    for key in table.primary_key.iter().chain(&table.unique_constraints) {
        if key.columns.first().is_some_and(|c| c == column) {
            names.push(key.name.clone());
        }
    }
    for index in &table.indexes {
        if index.keys.first().and_then(|k| k.column.as_deref()) == Some(column) && matches!(index.method.as_str(), "btree" | "hash" | "brin") {
            names.push(index.name.clone());
        }
    }
    names
}

/// Whether a partial index's predicate holds for a query whose WHERE has
/// `conditions`: every conjunct of the predicate is one of the query's.
pub fn predicate_holds(index: &Index, conditions: &[String]) -> bool {
    let Some(predicate) = &index.predicate else { return true };
    let Some(parsed) = super::expr::parse_expr(predicate) else { return false };
    conjuncts(&parsed).iter().all(|c| conditions.contains(&canonical(c)))
}

/// An index of `table` whose first key is the expression `canonical_expr` (as
/// [`canonical`] writes it) and whose predicate the query's conditions imply.
pub fn expression_index<'t>(table: &'t Table, canonical_expr: &str, conditions: &[String]) -> Option<&'t Index> {
    table.indexes.iter().find(|index| {
        matches!(index.method.as_str(), "btree" | "hash")
            && index.keys.first().is_some_and(|k| {
                k.expression.as_deref().and_then(super::expr::parse_expr).is_some_and(|e| canonical(&e) == canonical_expr)
            })
            && predicate_holds(index, conditions)
    })
}

/// Every index name in `schema`: a new index must take a free one.
pub fn index_names_in(catalog: &Catalog, schema: &str) -> Vec<String> {
    let mut names = Vec::new();
    for table in catalog.tables.values().filter(|t| t.schema == schema) {
        names.extend(table.indexes.iter().map(|i| i.name.clone()));
        names.extend(table.primary_key.iter().chain(&table.unique_constraints).map(|k| k.name.clone()));
    }
    for view in catalog.views.values().filter(|v| v.schema == schema) {
        names.extend(view.indexes.iter().map(|i| i.name.clone()));
    }
    names
}

/// A free index name: `base` or, when taken, `base` with `_1`, `_2`... before the suffix.
pub fn free_index_name(taken: &[String], base: &str) -> String {
    if !taken.iter().any(|t| t == base) {
        return base.to_owned();
    }
    let (stem, suffix) = base.rsplit_once('_').unwrap_or((base, "idx"));
    (1..).map(|n| format!("{stem}{n}_{suffix}")).find(|name| !taken.contains(name)).unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::expr::parse_expr;

    fn scope_of<'a>(statement: &'a sqlparser::ast::Statement, catalog: Option<&'a Catalog>) -> Scope<'a> {
        let select = crate::query::walk::top_selects(statement)[0];
        Scope::new(&select.from.iter().collect::<Vec<_>>(), &[], catalog)
    }

    #[test]
    fn resolves_columns_by_alias_and_schema() {
        let schema = crate::sql::parse_script("CREATE TABLE orders (id bigint, customer_id bigint); CREATE TABLE customers (id bigint, email text);");
        let catalog = Catalog::from_script(&schema);
        let parsed = crate::sql::parse_script("SELECT * FROM orders o JOIN customers c ON c.id = o.customer_id");
        let statement = parsed.statements[0].statement().expect("parsed");
        let scope = scope_of(statement, Some(&catalog));
        let col = |text: &str| crate::query::expr::column_name(&parse_expr(text).expect("expr")).expect("column");
        assert_eq!(scope.resolve(&col("o.customer_id")), Some(0));
        assert_eq!(scope.resolve(&col("email")), Some(1));
        assert_eq!(scope.resolve(&col("id")), None, "ambiguous");
        assert_eq!(scope.relations[0].display(), "public.orders");
        let scope = scope_of(statement, None);
        assert_eq!(scope.resolve(&col("email")), None, "unknown without a schema");
        assert_eq!(scope.relations[1].display(), "customers");
    }

    #[test]
    fn free_names() {
        let taken = vec!["orders_status_idx".to_owned(), "orders_status1_idx".to_owned()];
        assert_eq!(free_index_name(&taken, "orders_status_idx"), "orders_status2_idx");
        assert_eq!(free_index_name(&taken, "orders_total_idx"), "orders_total_idx");
    }
}
