//! sqlparser's AST pieces turned into catalog values. Names of other objects stay
//! as written here; the caller resolves them along the search_path.

use sqlparser::ast::{
    self, ColumnDef, ColumnOption, ConstraintCharacteristics, DataType, Expr, FunctionArg, FunctionArgExpr, FunctionArguments, GeneratedAs, Ident,
    IndexColumn, NullsDistinctOption, OrderBySort, TableConstraint, Value,
};

use super::types::{lower_unquoted, normalize, serial_base};
use super::{Check, Column, Exclusion, ForeignKey, Identity, IdentityKind, IndexKey, Key, Location, ReferentialAction};
use crate::sql::names::{fold_ident, QualifiedName};

/// A constraint on its way into a table.
pub(super) enum Constraint {
    PrimaryKey(Key),
    Unique(Key),
    /// Also the index a `USING INDEX` constraint takes over.
    UsingIndex { primary: bool, name: String, index: String, deferrable: bool },
    ForeignKey(ForeignKey),
    Check(Check),
    Exclusion(Exclusion),
}

pub(super) fn name(ident: &Ident) -> String {
    fold_ident(ident)
}

pub(super) fn names(idents: &[Ident]) -> Vec<String> {
    idents.iter().map(name).collect()
}

pub(super) fn data_type(data_type: &DataType) -> String {
    lower_unquoted(&data_type.to_string())
}

/// A column and the constraints written on it (named after `table` when unnamed).
pub(super) fn column(table: &str, def: &ColumnDef, at: Location) -> (Column, Vec<Constraint>) {
    let written = data_type(&def.data_type);
    let column_name = name(&def.name);
    let mut column = Column {
        name: column_name.clone(),
        normalized_type: normalize(&written),
        data_type: written,
        nullable: true,
        default: None,
        default_sequence: None,
        identity: None,
        generated: None,
        defined_at: at,
    };
    if serial_base(&column.data_type).is_some() {
        column.nullable = false;
        column.identity = Some(Identity { kind: IdentityKind::Serial, sequence: None });
    }
    let mut constraints = Vec::new();
    let single = vec![column_name.clone()];
    for option in &def.options {
        let given = option.name.as_ref().map(name);
        match &option.option {
            ColumnOption::NotNull => column.nullable = false,
            ColumnOption::Null => column.nullable = true,
            ColumnOption::Default(expr) => set_default(&mut column, expr),
            ColumnOption::Generated { generated_as, generation_expr, .. } => match (generated_as, generation_expr) {
                (GeneratedAs::ExpStored, Some(expr)) | (GeneratedAs::Always, Some(expr)) => column.generated = Some(expr.to_string()),
                (GeneratedAs::Always, None) => set_identity(&mut column, IdentityKind::Always),
                (GeneratedAs::ByDefault, _) => set_identity(&mut column, IdentityKind::ByDefault),
                (GeneratedAs::ExpStored, None) => {}
            },
            ColumnOption::PrimaryKey(pk) => {
                column.nullable = false;
                let deferrable = deferrable(&pk.characteristics);
                let name = given.unwrap_or_else(|| format!("{table}_pkey"));
                constraints.push(Constraint::PrimaryKey(key(name, single.clone(), &pk.include, false, deferrable, at)));
            }
            ColumnOption::Unique(unique) => {
                let name = given.unwrap_or_else(|| default_name(table, &single, "key"));
                let not_distinct = unique.nulls_distinct == NullsDistinctOption::NotDistinct;
                constraints.push(Constraint::Unique(key(name, single.clone(), &unique.include, not_distinct, deferrable(&unique.characteristics), at)));
            }
            ColumnOption::ForeignKey(fk) => {
                let mut fk = foreign_key(table, fk, false, at);
                fk.columns = single.clone();
                fk.name = given.unwrap_or_else(|| default_name(table, &single, "fkey"));
                constraints.push(Constraint::ForeignKey(fk));
            }
            ColumnOption::Check(check) => {
                let name = given.unwrap_or_else(|| default_name(table, &single, "check"));
                constraints.push(Constraint::Check(Check { name, expression: check.expr.to_string(), not_valid: false, defined_at: at }));
            }
            _ => {}
        }
    }
    (column, constraints)
}

pub(super) fn set_default(column: &mut Column, expr: &Expr) {
    column.default = Some(expr.to_string());
    column.default_sequence = nextval_sequence(expr);
}

pub(super) fn set_identity(column: &mut Column, kind: IdentityKind) {
    column.nullable = false;
    column.identity = Some(Identity { kind, sequence: None });
}

/// A table-level constraint (named after `table` when unnamed); `None` for kinds
/// PostgreSQL does not have.
pub(super) fn table_constraint(table: &str, constraint: &TableConstraint, not_valid: bool, at: Location) -> Option<Constraint> {
    Some(match constraint {
        TableConstraint::PrimaryKey(pk) => {
            let name = pk.name.as_ref().map_or_else(|| format!("{table}_pkey"), name);
            Constraint::PrimaryKey(key(name, key_columns(&pk.columns), &pk.include, false, deferrable(&pk.characteristics), at))
        }
        TableConstraint::Unique(unique) => {
            let columns = key_columns(&unique.columns);
            let name = unique.name.as_ref().map_or_else(|| default_name(table, &columns, "key"), name);
            let not_distinct = unique.nulls_distinct == NullsDistinctOption::NotDistinct;
            Constraint::Unique(key(name, columns, &unique.include, not_distinct, deferrable(&unique.characteristics), at))
        }
        TableConstraint::ForeignKey(fk) => Constraint::ForeignKey(foreign_key(table, fk, not_valid, at)),
        TableConstraint::Check(check) => {
            let name = check.name.as_ref().map_or_else(|| format!("{table}_check"), name);
            Constraint::Check(Check { name, expression: check.expr.to_string(), not_valid, defined_at: at })
        }
        TableConstraint::Exclude(exclude) => {
            let elements: Vec<String> = exclude.elements.iter().map(|e| e.to_string()).collect();
            let columns: Vec<String> = exclude.elements.iter().filter_map(|e| index_key(&e.column).column).collect();
            let method = exclude.index_method.as_ref().map_or_else(|| "btree".to_owned(), |m| name(m).to_ascii_lowercase());
            let name = exclude.name.as_ref().map_or_else(|| default_name(table, &columns, "excl"), name);
            Constraint::Exclusion(Exclusion { name, method, elements, defined_at: at })
        }
        TableConstraint::PrimaryKeyUsingIndex(using) | TableConstraint::UniqueUsingIndex(using) => Constraint::UsingIndex {
            primary: matches!(constraint, TableConstraint::PrimaryKeyUsingIndex(_)),
            index: name(&using.index_name),
            name: using.name.as_ref().map_or_else(|| name(&using.index_name), name),
            deferrable: deferrable(&using.characteristics),
        },
        TableConstraint::Index(_) | TableConstraint::FulltextOrSpatial(_) => return None,
    })
}

fn foreign_key(table: &str, fk: &ast::ForeignKeyConstraint, not_valid: bool, at: Location) -> ForeignKey {
    let columns = names(&fk.columns);
    ForeignKey {
        name: fk.name.as_ref().map_or_else(|| default_name(table, &columns, "fkey"), name),
        columns,
        referenced_table: QualifiedName::from_object_name(&fk.foreign_table).unwrap_or_else(|| QualifiedName::new(None, "")),
        referenced_columns: names(&fk.referred_columns),
        on_delete: referential_action(fk.on_delete),
        on_update: referential_action(fk.on_update),
        not_valid,
        deferrable: deferrable(&fk.characteristics),
        defined_at: at,
    }
}

fn key(name: String, columns: Vec<String>, include: &[Ident], nulls_not_distinct: bool, deferrable: bool, at: Location) -> Key {
    Key { name, columns, include: names(include), nulls_not_distinct, deferrable, defined_at: at }
}

/// PostgreSQL's name for an unnamed constraint: `table_col1_col2_suffix` (without
/// its truncation to 63 bytes or its numbering of duplicates).
pub(super) fn default_name(table: &str, columns: &[String], suffix: &str) -> String {
    let mut parts = vec![table.to_owned()];
    parts.extend(columns.iter().cloned());
    parts.push(suffix.to_owned());
    parts.join("_")
}

fn referential_action(action: Option<ast::ReferentialAction>) -> ReferentialAction {
    match action {
        None | Some(ast::ReferentialAction::NoAction) => ReferentialAction::NoAction,
        Some(ast::ReferentialAction::Restrict) => ReferentialAction::Restrict,
        Some(ast::ReferentialAction::Cascade) => ReferentialAction::Cascade,
        Some(ast::ReferentialAction::SetNull) => ReferentialAction::SetNull,
        Some(ast::ReferentialAction::SetDefault) => ReferentialAction::SetDefault,
    }
}

fn deferrable(characteristics: &Option<ConstraintCharacteristics>) -> bool {
    characteristics.as_ref().and_then(|c| c.deferrable).unwrap_or(false)
}

/// The plain column names among `columns` (expressions are skipped).
pub(super) fn key_columns(columns: &[IndexColumn]) -> Vec<String> {
    columns.iter().filter_map(|c| index_key(c).column).collect()
}

pub(super) fn index_key(column: &IndexColumn) -> IndexKey {
    let (column_name, expression) = match &column.column.expr {
        Expr::Identifier(ident) => (Some(name(ident)), None),
        Expr::Nested(inner) => match inner.as_ref() {
            Expr::Identifier(ident) => (Some(name(ident)), None),
            other => (None, Some(other.to_string())),
        },
        other => (None, Some(other.to_string())),
    };
    IndexKey {
        column: column_name,
        expression,
        opclass: column.operator_class.as_ref().map(|o| lower_unquoted(&o.to_string())),
        descending: matches!(column.column.options.sort, Some(OrderBySort::Desc)),
    }
}

/// The sequence in `nextval('name')` or `nextval('name'::regclass)`.
pub(super) fn nextval_sequence(expr: &Expr) -> Option<QualifiedName> {
    let Expr::Function(function) = expr else { return None };
    let is_nextval = QualifiedName::from_object_name(&function.name).is_some_and(|n| n.name == "nextval");
    let FunctionArguments::List(list) = &function.args else { return None };
    let [FunctionArg::Unnamed(FunctionArgExpr::Expr(argument))] = list.args.as_slice() else { return None };
    let literal = match argument {
        Expr::Cast { expr, .. } => expr.as_ref(),
        other => other,
    };
    match literal {
        Expr::Value(value) if is_nextval => match &value.value {
            Value::SingleQuotedString(text) => QualifiedName::from_text(text),
            _ => None,
        },
        _ => None,
    }
}
