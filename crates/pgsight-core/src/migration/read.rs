//! Reads one statement into [`Op`]s, looking up in the catalog (as it stands before
//! the statement) what each operation needs.

use std::collections::BTreeSet;

use sqlparser::ast::{
    AlterColumnOperation, AlterIndexOperation, AlterTableOperation, AlterTypeOperation, BinaryOperator, ColumnDef, ColumnOption, DataType,
    DropBehavior, Expr, FromTable, GeneratedAs, Ident, LockTableMode, NullsDistinctOption, ObjectName, ObjectType, Query, RenameTableNameKind,
    SchemaName, Statement, TableConstraint, TableFactor, TableObject,
};

use super::locks::{FormId, LockMode};
use super::ops::*;
use super::types::classify;
use super::volatility::of_expr;
use crate::sql::adjust::Adjustment;
use crate::sql::catalog::types::{lower_unquoted, serial_base};
use crate::sql::catalog::{Catalog, Index, ReferentialAction, Table};
use crate::sql::names::{fold_ident, quote_ident, QualifiedName};
use crate::sql::recognize::Recognized;
use crate::sql::tokens::{significant, tokenize, Cursor};
use crate::sql::{ParsedStatement, StatementClass};

/// What the reader knows besides the statement.
pub struct Reader<'c> {
    pub catalog: &'c Catalog,
    /// Tables created earlier in this migration.
    pub created: &'c BTreeSet<QualifiedName>,
    /// Columns added earlier in this migration, by table.
    pub created_columns: &'c BTreeSet<(QualifiedName, String)>,
    /// The session TimeZone the migration set, if any.
    pub timezone: Option<&'c str>,
}

impl Reader<'_> {
    pub fn read(&self, statement: &ParsedStatement) -> Vec<Op> {
        match &statement.class {
            StatementClass::Parsed { statement: parsed, adjustments } => self.parsed(parsed, adjustments, &statement.sql),
            StatementClass::Recognized(recognized) => self.recognized(recognized),
            StatementClass::Irrelevant { reason } => self.irrelevant(reason, &statement.sql, statement),
            StatementClass::Unknown { .. } => unread(statement),
            // Only schema inputs are applied; a migration's statements are all kept.
            StatementClass::Applied => Vec::new(),
        }
    }

    fn table_ref(&self, name: &ObjectName) -> Option<TableRef> {
        let written = QualifiedName::from_object_name(name)?;
        Some(self.table_ref_q(&written, name.to_string()))
    }

    fn table_ref_q(&self, written: &QualifiedName, sql: String) -> TableRef {
        let resolved = self.catalog.resolve_table(written);
        TableRef { new: self.created.contains(&resolved), name: resolved, sql }
    }

    fn table(&self, table: &TableRef) -> Option<&Table> {
        self.catalog.tables.get(&table.name)
    }

    fn parsed(&self, statement: &Statement, adjustments: &[Adjustment], sql: &str) -> Vec<Op> {
        match statement {
            Statement::CreateTable(create) => {
                let Some(table) = self.table_ref(&create.name) else { return Vec::new() };
                let mut references = Vec::new();
                for column in &create.columns {
                    for option in &column.options {
                        if let ColumnOption::ForeignKey(fk) = &option.option {
                            references.extend(self.table_ref(&fk.foreign_table));
                        }
                    }
                }
                for constraint in &create.constraints {
                    if let TableConstraint::ForeignKey(fk) = constraint {
                        references.extend(self.table_ref(&fk.foreign_table));
                    }
                }
                references.retain(|r| r.name != table.name);
                let partition_of = create.partition_of.as_ref().and_then(|p| self.table_ref(p));
                let existed = self.catalog.tables.contains_key(&table.name);
                vec![Op::CreateTable { table, if_not_exists: create.if_not_exists, existed, references, partition_of }]
            }
            Statement::CreateIndex(create) => {
                let Some(table) = self.table_ref(&create.table_name) else { return Vec::new() };
                let columns: Vec<String> = create
                    .columns
                    .iter()
                    .map(|c| match &c.column.expr {
                        Expr::Identifier(ident) => fold_ident(ident),
                        _ => "expr".to_owned(),
                    })
                    .collect();
                let named = create.name.is_some();
                let name = match create.name.as_ref().and_then(QualifiedName::from_object_name) {
                    Some(name) => name.name,
                    None => default_name(&table.name.name, &columns, "idx"),
                };
                let known = self.table(&table);
                let partitioned = known.is_some_and(Table::is_partitioned);
                let partitions = if partitioned { self.catalog.partitions_of(&table.name).map(Table::qualified_name).collect() } else { Vec::new() };
                vec![Op::CreateIndex(CreateIndex {
                    table,
                    name,
                    named,
                    concurrently: create.concurrently,
                    unique: create.unique,
                    if_not_exists: create.if_not_exists,
                    only: adjustments.contains(&Adjustment::IndexOnOnly),
                    partitioned,
                    partitions,
                })]
            }
            Statement::AlterTable(alter) => {
                let Some(table) = self.table_ref(&alter.name) else { return Vec::new() };
                alter.operations.iter().flat_map(|operation| self.alter_table(&table, operation)).collect()
            }
            Statement::AlterIndex { name, operation: AlterIndexOperation::RenameIndex { index_name } } => {
                let new = QualifiedName::from_object_name(index_name).map(|n| n.name).unwrap_or_default();
                vec![Op::RenameIndex { index: name.to_string(), new }]
            }
            Statement::Drop { object_type, names, if_exists, cascade, .. } => {
                let several = names.len() > 1;
                names
                    .iter()
                    .filter_map(|name| {
                        let q = QualifiedName::from_object_name(name)?;
                        Some(match object_type {
                            ObjectType::Table => self.drop_table(&q, name.to_string(), *if_exists, *cascade),
                            ObjectType::Index => self.drop_index(&q, name.to_string(), false, *if_exists, *cascade, several),
                            other => Op::DropObject { kind: object_kind(*other), name: name.to_string(), if_exists: *if_exists },
                        })
                    })
                    .collect()
            }
            Statement::Truncate(truncate) => {
                vec![Op::Truncate { tables: truncate.table_names.iter().filter_map(|t| self.table_ref(&t.name)).collect() }]
            }
            Statement::Vacuum(vacuum) => {
                let table = vacuum.table_name.as_ref().and_then(|t| self.table_ref(t));
                vec![Op::Vacuum { table, full: vacuum.full, sql: sql.to_owned() }]
            }
            Statement::Lock(lock) => {
                let mode = match lock.lock_mode {
                    Some(LockTableMode::AccessShare) => LockMode::AccessShare,
                    Some(LockTableMode::RowShare) => LockMode::RowShare,
                    Some(LockTableMode::RowExclusive) => LockMode::RowExclusive,
                    Some(LockTableMode::ShareUpdateExclusive) => LockMode::ShareUpdateExclusive,
                    Some(LockTableMode::Share) => LockMode::Share,
                    Some(LockTableMode::ShareRowExclusive) => LockMode::ShareRowExclusive,
                    Some(LockTableMode::Exclusive) => LockMode::Exclusive,
                    Some(LockTableMode::AccessExclusive) | None => LockMode::AccessExclusive,
                };
                vec![Op::LockTable { tables: lock.tables.iter().filter_map(|t| self.table_ref(&t.name)).collect(), mode }]
            }
            Statement::Update(update) => {
                let TableFactor::Table { name, .. } = &update.table.relation else { return Vec::new() };
                let Some(table) = self.table_ref(name) else { return Vec::new() };
                vec![self.write(table, false, statement, update.selection.as_ref())]
            }
            Statement::Delete(delete) => {
                let from = match &delete.from {
                    FromTable::WithFromKeyword(from) | FromTable::WithoutKeyword(from) => from,
                };
                let Some(TableFactor::Table { name, .. }) = from.first().map(|t| &t.relation) else { return Vec::new() };
                let Some(table) = self.table_ref(name) else { return Vec::new() };
                vec![self.write(table, true, statement, delete.selection.as_ref())]
            }
            Statement::Insert(insert) => match &insert.table {
                TableObject::TableName(name) => self.table_ref(name).map(|table| Op::Insert { table }).into_iter().collect(),
                _ => Vec::new(),
            },
            Statement::CreateType { name, .. } => vec![Op::CreateObject { kind: "TYPE", name: name.to_string(), if_not_exists: None }],
            Statement::AlterType(alter) => match &alter.operation {
                AlterTypeOperation::AddValue(add) => vec![Op::EnumAddValue { type_name: alter.name.to_string(), value: add.value.value.clone() }],
                AlterTypeOperation::RenameValue(rename) => {
                    vec![Op::EnumRenameValue { type_name: alter.name.to_string(), from: rename.from.value.clone(), to: rename.to.value.clone() }]
                }
                _ => Vec::new(),
            },
            Statement::CreateView(view) => {
                let kind = if view.materialized { "MATERIALIZED VIEW" } else { "VIEW" };
                let if_not_exists = if view.materialized { Some(view.if_not_exists) } else { Some(view.or_replace || view.if_not_exists) };
                vec![Op::CreateObject { kind, name: view.name.to_string(), if_not_exists }]
            }
            Statement::CreateExtension(extension) => {
                vec![Op::CreateObject { kind: "EXTENSION", name: extension.name.to_string(), if_not_exists: Some(extension.if_not_exists) }]
            }
            Statement::CreateSchema { schema_name, if_not_exists, .. } => {
                let name = match schema_name {
                    SchemaName::Simple(name) | SchemaName::NamedAuthorization(name, _) => name.to_string(),
                    SchemaName::UnnamedAuthorization(role) => role.to_string(),
                };
                vec![Op::CreateObject { kind: "SCHEMA", name, if_not_exists: Some(*if_not_exists) }]
            }
            Statement::StartTransaction { .. }
            | Statement::Commit { .. }
            | Statement::Rollback { .. }
            | Statement::Set(_)
            | Statement::Reset(_)
            | Statement::Query(_)
            | Statement::Comment { .. }
            | Statement::Savepoint { .. }
            | Statement::ReleaseSavepoint { .. }
            | Statement::Analyze(_) => analyze_op(self, statement),
            _ => {
                let head = sql.split_whitespace().next().unwrap_or("").to_ascii_uppercase();
                if matches!(head.as_str(), "CREATE" | "ALTER" | "DROP") {
                    vec![Op::Unread { head: head_words(sql, 3) }]
                } else {
                    Vec::new()
                }
            }
        }
    }

    fn recognized(&self, recognized: &Recognized) -> Vec<Op> {
        match recognized {
            Recognized::CreateSequence { name, if_not_exists, .. } => {
                vec![Op::CreateObject { kind: "SEQUENCE", name: name.to_string(), if_not_exists: Some(*if_not_exists) }]
            }
            Recognized::AttachPartition { parent, partition, bound } => vec![Op::AttachPartition {
                parent: self.table_ref_q(parent, parent.to_string()),
                partition: self.table_ref_q(partition, partition.to_string()),
                bound: bound.clone(),
            }],
            Recognized::DetachPartition { parent, partition, concurrently, .. } => {
                let partition_ref = self.table_ref_q(partition, partition.to_string());
                let bound = self.table(&partition_ref).and_then(|t| t.partition_of.as_ref()).map(|p| p.bound.clone());
                vec![Op::DetachPartition { parent: self.table_ref_q(parent, parent.to_string()), partition: partition_ref, concurrently: *concurrently, bound }]
            }
            Recognized::AddIdentity { table, column, .. } => vec![Op::OtherAlter {
                table: self.table_ref_q(table, table.to_string()),
                form: FormId::AddIdentity,
                text: format!("ALTER COLUMN {} ADD GENERATED AS IDENTITY", quote_ident(column)),
            }],
            Recognized::DropIndex { names, concurrently, if_exists, cascade } => {
                names.iter().map(|n| self.drop_index(n, n.to_string(), *concurrently, *if_exists, *cascade, names.len() > 1)).collect()
            }
            Recognized::Reindex { target, name, concurrently } => {
                let table = match (target, name) {
                    (crate::sql::catalog::ReindexTarget::Table, Some(name)) => Some(self.table_ref_q(name, name.to_string())),
                    (crate::sql::catalog::ReindexTarget::Index, Some(name)) => {
                        self.catalog.index(name).map(|(t, _)| self.table_ref_q(&t.qualified_name(), t.qualified_name().to_string()))
                    }
                    _ => None,
                };
                vec![Op::Reindex { target: *target, name: name.clone(), table, concurrently: *concurrently }]
            }
            Recognized::RefreshMaterializedView { name, concurrently, .. } => {
                vec![Op::RefreshMaterializedView { name: name.to_string(), concurrently: *concurrently }]
            }
            Recognized::AlterSequence { .. } | Recognized::AttachIndexPartition { .. } | Recognized::SetSearchPath { .. } => Vec::new(),
        }
    }

    /// Statements the SQL front end leaves unread; the maintenance ones matter here.
    fn irrelevant(&self, reason: &str, sql: &str, statement: &ParsedStatement) -> Vec<Op> {
        let Ok(tokens) = tokenize(sql) else { return Vec::new() };
        let tokens = significant(&tokens);
        let mut c = Cursor::new(&tokens);
        match reason {
            "maintenance" => {
                if c.keyword("VACUUM") {
                    let mut full = false;
                    if c.peek() == Some(&sqlparser::tokenizer::Token::LParen) {
                        let start = c.rest_text(sql);
                        c.skip_parenthesized();
                        let options = start.to_ascii_uppercase();
                        let inside = options.split(')').next().unwrap_or("");
                        full = inside.split([',', '(', ' ']).any(|w| w.trim() == "FULL")
                            && !inside.contains("FULL FALSE")
                            && !inside.contains("FULL OFF");
                    }
                    while c.one_of(&["FULL", "FREEZE", "VERBOSE", "ANALYZE"]).is_some_and(|w| {
                        full |= w == "FULL";
                        true
                    }) {}
                    let table = c.qualified_name().map(|q| self.table_ref_q(&q, q.to_string()));
                    return vec![Op::Vacuum { table, full, sql: sql.to_owned() }];
                }
                if c.keyword("CLUSTER") {
                    c.keyword("VERBOSE");
                    let table = c.qualified_name().map(|q| self.table_ref_q(&q, q.to_string()));
                    return vec![Op::Cluster { table }];
                }
                if c.keyword("ANALYZE") || c.keyword("ANALYSE") {
                    c.keyword("VERBOSE");
                    let table = c.qualified_name().map(|q| self.table_ref_q(&q, q.to_string()));
                    return vec![Op::Analyze { table }];
                }
                Vec::new()
            }
            "anonymous code block" => vec![Op::DoBlock],
            "trigger" => {
                // CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name ... ON table
                let mut table = None;
                while let Some(token) = c.advance() {
                    if crate::sql::tokens::is_keyword(token, "ON") {
                        table = c.qualified_name();
                        break;
                    }
                }
                match table {
                    Some(q) if statement.head(1) == "CREATE" => vec![Op::CreateTrigger { table: self.table_ref_q(&q, q.to_string()) }],
                    _ => vec![Op::Unread { head: statement.head(3) }],
                }
            }
            "setting" | "comment" | "privileges" | "ownership" | "planner statistics target" | "column storage" => Vec::new(),
            _ if matches!(statement.head(1).as_str(), "CREATE" | "ALTER" | "DROP") => vec![Op::Unread { head: statement.head(3) }],
            _ => Vec::new(),
        }
    }

    fn alter_table(&self, table: &TableRef, operation: &AlterTableOperation) -> Vec<Op> {
        let table = table.clone();
        let known = self.table(&table);
        let other = |form: FormId, text: String| vec![Op::OtherAlter { table: table.clone(), form, text }];
        match operation {
            AlterTableOperation::AddColumn { if_not_exists, column_def, .. } => vec![Op::AddColumn(Box::new(self.add_column(table.clone(), column_def, *if_not_exists)))],
            AlterTableOperation::DropColumn { column_names, if_exists, drop_behavior, .. } => column_names
                .iter()
                .map(|c| {
                    let column = fold_ident(c);
                    Op::DropColumn {
                        old: known.and_then(|t| t.column(&column)).cloned(),
                        primary_key: known.and_then(|t| t.primary_key.as_ref()).map(|k| k.columns.clone()).unwrap_or_default(),
                        indexes: known.map(|t| indexes_on(t, &column)).unwrap_or_default(),
                        column_new: self.created_columns.contains(&(table.name.clone(), column.clone())),
                        table: table.clone(),
                        column,
                        if_exists: *if_exists,
                        cascade: matches!(drop_behavior, Some(DropBehavior::Cascade)),
                    }
                })
                .collect(),
            AlterTableOperation::AddConstraint { constraint, not_valid } => {
                self.add_constraint(table.clone(), constraint, *not_valid).map(|c| Op::AddConstraint(Box::new(c))).into_iter().collect()
            }
            AlterTableOperation::ValidateConstraint { name } => {
                let name = fold_ident(name);
                let referenced = known
                    .and_then(|t| t.foreign_keys.iter().find(|fk| fk.name == name))
                    .map(|fk| self.table_ref_q(&fk.referenced_table, fk.referenced_table.to_string()));
                vec![Op::ValidateConstraint { table: table.clone(), name, referenced }]
            }
            AlterTableOperation::DropConstraint { if_exists, name, .. } => {
                let name = fold_ident(name);
                let old = known.and_then(|t| constraint_definition(t, &name));
                let referenced = known
                    .and_then(|t| t.foreign_keys.iter().find(|fk| fk.name == name))
                    .map(|fk| self.table_ref_q(&fk.referenced_table, fk.referenced_table.to_string()));
                vec![Op::DropConstraint { table: table.clone(), name, if_exists: *if_exists, old, referenced }]
            }
            AlterTableOperation::RenameColumn { old_column_name, new_column_name } => {
                let old = fold_ident(old_column_name);
                vec![Op::RenameColumn {
                    column_new: self.created_columns.contains(&(table.name.clone(), old.clone())),
                    data_type: known.and_then(|t| t.column(&old)).map(|c| c.data_type.clone()),
                    key: self.batch_key(&table),
                    table: table.clone(),
                    old,
                    new: fold_ident(new_column_name),
                }]
            }
            AlterTableOperation::RenameTable { table_name: RenameTableNameKind::To(new) | RenameTableNameKind::As(new) } => {
                let new = QualifiedName::from_object_name(new).map(|n| n.name).unwrap_or_default();
                vec![Op::RenameTable { table: table.clone(), new }]
            }
            AlterTableOperation::RenameConstraint { old_name, new_name } => {
                vec![Op::RenameConstraint { table: table.clone(), old: fold_ident(old_name), new: fold_ident(new_name) }]
            }
            AlterTableOperation::AlterColumn { column_name, op } => self.alter_column(&table, &fold_ident(column_name), op),
            AlterTableOperation::EnableTrigger { .. }
            | AlterTableOperation::DisableTrigger { .. }
            | AlterTableOperation::EnableAlwaysTrigger { .. }
            | AlterTableOperation::EnableReplicaTrigger { .. } => other(FormId::EnableDisableTrigger, operation.to_string()),
            AlterTableOperation::EnableRule { .. }
            | AlterTableOperation::DisableRule { .. }
            | AlterTableOperation::EnableAlwaysRule { .. }
            | AlterTableOperation::EnableReplicaRule { .. } => other(FormId::EnableDisableRule, operation.to_string()),
            AlterTableOperation::EnableRowLevelSecurity
            | AlterTableOperation::DisableRowLevelSecurity
            | AlterTableOperation::ForceRowLevelSecurity
            | AlterTableOperation::NoForceRowLevelSecurity => other(FormId::RowLevelSecurity, operation.to_string()),
            AlterTableOperation::ReplicaIdentity { .. } => other(FormId::ReplicaIdentity, operation.to_string()),
            AlterTableOperation::SetLogged | AlterTableOperation::SetUnlogged => other(FormId::SetLoggedUnlogged, operation.to_string()),
            AlterTableOperation::SetOptionsParens { .. } => other(FormId::SetStorageParameters, operation.to_string()),
            AlterTableOperation::OwnerTo { .. } => other(FormId::OwnerTo, operation.to_string()),
            _ => other(FormId::OtherAlterTable, operation.to_string()),
        }
    }

    fn alter_column(&self, table: &TableRef, column: &str, op: &AlterColumnOperation) -> Vec<Op> {
        let known = self.table(table).and_then(|t| t.column(column));
        let table = table.clone();
        let column_new = self.created_columns.contains(&(table.name.clone(), column.to_owned()));
        let column = column.to_owned();
        vec![match op {
            AlterColumnOperation::SetNotNull => {
                let checks = self.table(&table).map(|t| t.check_constraints.as_slice()).unwrap_or_default();
                let proving = |valid: bool| checks.iter().find(|c| c.not_valid != valid && proves_not_null(&c.expression, &column)).map(|c| c.name.clone());
                Op::SetNotNull(SetNotNull {
                    proof: proving(true),
                    unvalidated: proving(false),
                    already: known.is_some_and(|c| !c.nullable),
                    column_new,
                    table,
                    column,
                })
            }
            AlterColumnOperation::DropNotNull => Op::DropNotNull { table, column },
            AlterColumnOperation::SetDefault { value } => {
                Op::SetDefault { old: known.and_then(|c| c.default.clone()), table, column, value: value.to_string() }
            }
            AlterColumnOperation::DropDefault => Op::DropDefault { old: known.and_then(|c| c.default.clone()), table, column },
            AlterColumnOperation::SetDataType { data_type, using, .. } => {
                let new_type = lower_unquoted(&data_type.to_string());
                let trivial_using = match using {
                    None => true,
                    Some(Expr::Identifier(ident)) => fold_ident(ident) == column,
                    Some(Expr::Cast { expr, .. }) => matches!(expr.as_ref(), Expr::Identifier(ident) if fold_ident(ident) == column),
                    Some(_) => false,
                };
                let old_type = known.map(|c| c.data_type.clone());
                let change = classify(old_type.as_deref(), &new_type, trivial_using, self.timezone);
                let indexes = self.table(&table).map(|t| indexes_on(t, &column)).unwrap_or_default();
                let key = self.batch_key(&table);
                Op::AlterColumnType(AlterColumnType {
                    table,
                    column,
                    old_type,
                    new_type,
                    using: using.as_ref().map(ToString::to_string),
                    change,
                    column_new,
                    indexes,
                    timezone: self.timezone.map(str::to_owned),
                    key,
                })
            }
            AlterColumnOperation::AddGenerated { .. } => Op::OtherAlter { table, form: FormId::AddIdentity, text: op.to_string() },
        }]
    }

    fn add_column(&self, table: TableRef, def: &ColumnDef, if_not_exists: bool) -> AddColumn {
        let table_key = table.clone();
        let data_type = lower_unquoted(&def.data_type.to_string());
        let mut column = AddColumn {
            table,
            column: fold_ident(&def.name),
            def: def.clone(),
            rewrite: serial_base(&data_type).map(|_| ColumnRewrite::Serial),
            data_type,
            not_null: false,
            default: None,
            volatility: None,
            if_not_exists,
            primary_key: false,
            unique: false,
            references: None,
            check: false,
            key: self.batch_key(&table_key),
        };
        for option in &def.options {
            match &option.option {
                ColumnOption::NotNull => column.not_null = true,
                ColumnOption::Null => column.not_null = false,
                ColumnOption::Default(expr) => {
                    column.default = Some(expr.to_string());
                    column.volatility = Some(of_expr(expr));
                }
                ColumnOption::PrimaryKey(_) => {
                    column.primary_key = true;
                    column.not_null = true;
                }
                ColumnOption::Unique(_) => column.unique = true,
                ColumnOption::ForeignKey(fk) => column.references = self.table_ref(&fk.foreign_table),
                ColumnOption::Check(_) => column.check = true,
                ColumnOption::Generated { generated_as, generation_expr, .. } => {
                    let stored = generation_expr.is_some() || matches!(generated_as, GeneratedAs::ExpStored);
                    column.rewrite.get_or_insert(if stored { ColumnRewrite::StoredGenerated } else { ColumnRewrite::Identity });
                }
                _ => {}
            }
        }
        if column.rewrite.is_none() {
            if let Some(v) = column.volatility.as_ref().filter(|v| v.volatility == crate::sql::functions::Volatility::Volatile) {
                column.rewrite = Some(ColumnRewrite::VolatileDefault(v.clone()));
            }
        }
        column
    }

    fn add_constraint(&self, table: TableRef, constraint: &TableConstraint, not_valid: bool) -> Option<AddConstraint> {
        let known = self.table(&table);
        let index_columns = |columns: &[sqlparser::ast::IndexColumn]| -> Vec<String> {
            columns
                .iter()
                .map(|c| match &c.column.expr {
                    Expr::Identifier(ident) => fold_ident(ident),
                    other => other.to_string(),
                })
                .collect()
        };
        let idents = |idents: &[Ident]| idents.iter().map(fold_ident).collect::<Vec<_>>();
        let (kind, given, columns, include, nulls_not_distinct, referenced) = match constraint {
            TableConstraint::ForeignKey(fk) => {
                (ConstraintKind::ForeignKey, fk.name.as_ref(), idents(&fk.columns), Vec::new(), false, self.table_ref(&fk.foreign_table))
            }
            TableConstraint::Check(check) => {
                let mut first = None;
                let _ = sqlparser::ast::visit_expressions(check.expr.as_ref(), |e| {
                    if let Expr::Identifier(ident) = e {
                        first = Some(fold_ident(ident));
                        return std::ops::ControlFlow::Break(());
                    }
                    std::ops::ControlFlow::Continue(())
                });
                (ConstraintKind::Check, check.name.as_ref(), first.into_iter().collect(), Vec::new(), false, None)
            }
            TableConstraint::Unique(unique) => (
                ConstraintKind::Unique,
                unique.name.as_ref(),
                index_columns(&unique.columns),
                idents(&unique.include),
                unique.nulls_distinct == NullsDistinctOption::NotDistinct,
                None,
            ),
            TableConstraint::PrimaryKey(pk) => (ConstraintKind::PrimaryKey, pk.name.as_ref(), index_columns(&pk.columns), idents(&pk.include), false, None),
            TableConstraint::Exclude(exclude) => {
                let columns = exclude.elements.iter().map(|e| e.column.column.expr.to_string()).collect();
                (ConstraintKind::Exclusion, exclude.name.as_ref(), columns, Vec::new(), false, None)
            }
            TableConstraint::UniqueUsingIndex(using) => (ConstraintKind::UniqueUsingIndex, using.name.as_ref(), Vec::new(), Vec::new(), false, None),
            TableConstraint::PrimaryKeyUsingIndex(using) => {
                let columns = known
                    .and_then(|t| t.index(&fold_ident(&using.index_name)))
                    .map(Index::leading_columns)
                    .unwrap_or_default();
                (ConstraintKind::PrimaryKeyUsingIndex, using.name.as_ref(), columns, Vec::new(), false, None)
            }
            TableConstraint::Index(_) | TableConstraint::FulltextOrSpatial(_) => return None,
        };
        let name = match given {
            Some(name) => fold_ident(name),
            None => match kind {
                ConstraintKind::PrimaryKey | ConstraintKind::PrimaryKeyUsingIndex => format!("{}_pkey", table.name.name),
                ConstraintKind::ForeignKey => default_name(&table.name.name, &columns, "fkey"),
                ConstraintKind::Unique => default_name(&table.name.name, &columns, "key"),
                ConstraintKind::Exclusion => default_name(&table.name.name, &columns, "excl"),
                ConstraintKind::Check => default_name(&table.name.name, &columns, "check"),
                ConstraintKind::UniqueUsingIndex => match constraint {
                    TableConstraint::UniqueUsingIndex(using) => fold_ident(&using.index_name),
                    _ => String::new(),
                },
            },
        };
        let nullable_columns = match (kind, known) {
            (ConstraintKind::PrimaryKey | ConstraintKind::PrimaryKeyUsingIndex, Some(t)) => {
                columns.iter().filter(|c| t.column(c).is_some_and(|col| col.nullable)).cloned().collect()
            }
            _ => Vec::new(),
        };
        Some(AddConstraint {
            table,
            name,
            kind,
            not_valid,
            body: constraint_body(constraint),
            columns,
            include,
            nulls_not_distinct,
            referenced,
            nullable_columns,
        })
    }

    fn drop_table(&self, name: &QualifiedName, sql: String, if_exists: bool, cascade: bool) -> Op {
        let table = self.table_ref_q(name, sql);
        let known = self.table(&table);
        let referenced_by = self
            .catalog
            .foreign_keys_to(&table.name)
            .filter(|(t, _)| t.qualified_name() != table.name)
            .map(|(t, fk)| format!("{}.{} ({})", t.qualified_name(), fk.columns.join(", "), fk.name))
            .collect();
        let references = known
            .map(|t| {
                let mut names: Vec<QualifiedName> = t.foreign_keys.iter().map(|fk| fk.referenced_table.clone()).filter(|r| *r != table.name).collect();
                names.dedup();
                names.iter().map(|r| self.table_ref_q(r, r.to_string())).collect()
            })
            .unwrap_or_default();
        let mut referencing: Vec<QualifiedName> =
            self.catalog.foreign_keys_to(&table.name).map(|(t, _)| t.qualified_name()).filter(|n| *n != table.name).collect();
        referencing.dedup();
        let referencing = referencing.iter().map(|r| self.table_ref_q(r, r.to_string())).collect();
        let partitions = self.catalog.partitions_of(&table.name).map(Table::qualified_name).collect();
        let columns = known.map(|t| t.columns.iter().map(|c| c.name.clone()).collect()).unwrap_or_default();
        Op::DropTable(DropTable { table, if_exists, cascade, referenced_by, references, referencing, partitions, columns })
    }

    fn drop_index(&self, name: &QualifiedName, sql: String, concurrently: bool, if_exists: bool, cascade: bool, several: bool) -> Op {
        let found = self.catalog.index(name);
        let table = found.map(|(t, _)| self.table_ref_q(&t.qualified_name(), t.qualified_name().to_string()));
        let definition = found.map(|(t, i)| index_definition(t, i));
        Op::DropIndex(DropIndex { index: name.clone(), sql, table, definition, concurrently, if_exists, cascade, several })
    }

    /// The table's primary key when it is one integer column: what batches walk.
    fn batch_key(&self, table: &TableRef) -> Option<String> {
        let known = self.table(table)?;
        match known.primary_key.as_ref().map(|k| k.columns.as_slice()) {
            Some([single]) if known.column(single).is_some_and(|c| is_integer(&c.normalized_type)) => Some(single.clone()),
            _ => None,
        }
    }

    fn write(&self, table: TableRef, delete: bool, statement: &Statement, selection: Option<&Expr>) -> Op {
        let known = self.table(&table);
        let primary: Vec<String> = known.and_then(|t| t.primary_key.as_ref()).map(|k| k.columns.clone()).unwrap_or_default();
        let mut keys = primary.clone();
        keys.push("id".to_owned());
        let key = self.batch_key(&table);
        Op::Write(Box::new(Write {
            table,
            delete,
            statement: statement.clone(),
            bound: bound(selection, &keys),
            where_sql: selection.map(ToString::to_string),
            key,
        }))
    }
}

fn analyze_op(reader: &Reader, statement: &Statement) -> Vec<Op> {
    match statement {
        Statement::Analyze(analyze) => {
            let table = analyze.table_name.as_ref().and_then(|t| reader.table_ref(t));
            vec![Op::Analyze { table }]
        }
        _ => Vec::new(),
    }
}

fn unread(statement: &ParsedStatement) -> Vec<Op> {
    if matches!(statement.head(1).as_str(), "CREATE" | "ALTER" | "DROP") {
        vec![Op::Unread { head: statement.head(3) }]
    } else {
        Vec::new()
    }
}

fn head_words(sql: &str, words: usize) -> String {
    sql.split_whitespace().take(words).map(str::to_ascii_uppercase).collect::<Vec<_>>().join(" ")
}

fn object_kind(object_type: ObjectType) -> &'static str {
    match object_type {
        ObjectType::Table => "TABLE",
        ObjectType::View => "VIEW",
        ObjectType::MaterializedView => "MATERIALIZED VIEW",
        ObjectType::Index => "INDEX",
        ObjectType::Schema => "SCHEMA",
        ObjectType::Sequence => "SEQUENCE",
        ObjectType::Type => "TYPE",
        _ => "OBJECT",
    }
}

/// PostgreSQL's name for an unnamed index or constraint: `table_col1_col2_suffix`.
pub fn default_name(table: &str, columns: &[String], suffix: &str) -> String {
    let mut parts = vec![table.to_owned()];
    parts.extend(columns.iter().cloned());
    parts.push(suffix.to_owned());
    parts.join("_")
}

fn is_integer(normalized: &str) -> bool {
    matches!(normalized, "integer" | "bigint" | "smallint")
}

/// The constraint's text without its `CONSTRAINT name`.
fn constraint_body(constraint: &TableConstraint) -> String {
    let mut unnamed = constraint.clone();
    match &mut unnamed {
        TableConstraint::ForeignKey(c) => c.name = None,
        TableConstraint::Check(c) => c.name = None,
        TableConstraint::Unique(c) => c.name = None,
        TableConstraint::PrimaryKey(c) => c.name = None,
        TableConstraint::Exclude(c) => c.name = None,
        TableConstraint::UniqueUsingIndex(c) | TableConstraint::PrimaryKeyUsingIndex(c) => c.name = None,
        TableConstraint::Index(_) | TableConstraint::FulltextOrSpatial(_) => {}
    }
    unnamed.to_string()
}

/// Whether a CHECK expression (as the catalog prints it) implies `column IS NOT NULL`:
/// the test itself, or one of the terms it ANDs.
pub fn proves_not_null(expression: &str, column: &str) -> bool {
    let cleaned: String = expression.chars().filter(|c| !matches!(c, '(' | ')' | '"')).collect::<String>().to_ascii_lowercase();
    let wanted = format!("{} is not null", column.to_ascii_lowercase());
    cleaned.split(" and ").any(|term| term.split_whitespace().collect::<Vec<_>>().join(" ") == wanted)
}

/// Indexes and key constraints that include `column`.
fn indexes_on(table: &Table, column: &str) -> Vec<String> {
    let mut names: Vec<String> = table
        .primary_key
        .iter()
        .chain(&table.unique_constraints)
        .filter(|k| k.columns.iter().any(|c| c == column))
        .map(|k| k.name.clone())
        .collect();
    names.extend(
        table
            .indexes
            .iter()
            .filter(|i| i.keys.iter().any(|k| k.column.as_deref() == Some(column) || k.expression.as_deref().is_some_and(|e| e.contains(column))))
            .map(|i| i.name.clone()),
    );
    names
}

/// `CREATE INDEX CONCURRENTLY ...` that rebuilds a catalog index.
pub fn index_definition(table: &Table, index: &Index) -> String {
    let keys: Vec<String> = index
        .keys
        .iter()
        .map(|k| {
            let mut key = match (&k.column, &k.expression) {
                (Some(column), _) => quote_ident(column),
                (None, Some(expression)) => format!("({expression})"),
                (None, None) => String::new(),
            };
            if let Some(opclass) = &k.opclass {
                key.push(' ');
                key.push_str(opclass);
            }
            if k.descending {
                key.push_str(" DESC");
            }
            key
        })
        .collect();
    let mut sql = format!(
        "CREATE {}INDEX CONCURRENTLY {} ON {}{} ({})",
        if index.unique { "UNIQUE " } else { "" },
        quote_ident(&index.name),
        table.qualified_name(),
        if index.method == "btree" { String::new() } else { format!(" USING {}", index.method) },
        keys.join(", ")
    );
    if !index.include.is_empty() {
        sql.push_str(&format!(" INCLUDE ({})", index.include.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ")));
    }
    if index.nulls_not_distinct {
        sql.push_str(" NULLS NOT DISTINCT");
    }
    if let Some(predicate) = &index.predicate {
        sql.push_str(&format!(" WHERE {predicate}"));
    }
    sql.push(';');
    sql
}

/// The definition of constraint `name` of `table` (without `CONSTRAINT name`), from the catalog.
fn constraint_definition(table: &Table, name: &str) -> Option<String> {
    let columns = |c: &[String]| c.iter().map(|c| quote_ident(c)).collect::<Vec<_>>().join(", ");
    if let Some(key) = table.primary_key.as_ref().filter(|k| k.name == name) {
        return Some(format!("PRIMARY KEY ({})", columns(&key.columns)));
    }
    if let Some(key) = table.unique_constraints.iter().find(|k| k.name == name) {
        return Some(format!("UNIQUE ({})", columns(&key.columns)));
    }
    if let Some(fk) = table.foreign_keys.iter().find(|fk| fk.name == name) {
        let action = |label: &str, a: ReferentialAction| match a {
            ReferentialAction::NoAction => String::new(),
            ReferentialAction::Restrict => format!(" {label} RESTRICT"),
            ReferentialAction::Cascade => format!(" {label} CASCADE"),
            ReferentialAction::SetNull => format!(" {label} SET NULL"),
            ReferentialAction::SetDefault => format!(" {label} SET DEFAULT"),
        };
        return Some(format!(
            "FOREIGN KEY ({}) REFERENCES {} ({}){}{}",
            columns(&fk.columns),
            fk.referenced_table,
            columns(&fk.referenced_columns),
            action("ON DELETE", fk.on_delete),
            action("ON UPDATE", fk.on_update)
        ));
    }
    if let Some(check) = table.check_constraints.iter().find(|c| c.name == name) {
        return Some(format!("CHECK ({})", check.expression));
    }
    table.exclusion_constraints.iter().find(|c| c.name == name).map(|c| format!("EXCLUDE USING {} ({})", c.method, c.elements.join(", ")))
}

/// How a WHERE limits the rows one statement touches. `keys` are the columns that
/// identify rows (the primary key, and `id`).
fn bound(selection: Option<&Expr>, keys: &[String]) -> Bound {
    let Some(expr) = selection else { return Bound::NoWhere };
    let is_key = |e: &Expr| match e {
        Expr::Identifier(ident) => {
            let name = fold_ident(ident);
            (keys.contains(&name) || name == "ctid").then_some(name)
        }
        Expr::CompoundIdentifier(parts) => parts.last().map(fold_ident).filter(|n| keys.contains(n) || n == "ctid"),
        _ => None,
    };
    let mut terms = Vec::new();
    conjuncts(expr, &mut terms);
    let (mut lower, mut upper) = (None, None);
    for term in terms {
        match term {
            Expr::BinaryOp { left, op, right } => {
                let (key, op) = match (is_key(left), is_key(right)) {
                    (Some(key), _) => (key, op.clone()),
                    (None, Some(key)) => (key, flip(op)),
                    _ => continue,
                };
                match op {
                    BinaryOperator::Eq => return Bound::Bounded(format!("equality on {key}")),
                    BinaryOperator::Lt | BinaryOperator::LtEq => upper = Some(key),
                    BinaryOperator::Gt | BinaryOperator::GtEq => lower = Some(key),
                    _ => {}
                }
            }
            Expr::Between { expr, negated: false, .. } => {
                if let Some(key) = is_key(expr) {
                    return Bound::Bounded(format!("a range on {key}"));
                }
            }
            Expr::InList { expr, negated: false, .. } => {
                if let Some(key) = is_key(expr) {
                    return Bound::Bounded(format!("a list of {key} values"));
                }
            }
            Expr::InSubquery { subquery, negated: false, .. } if has_limit(subquery) => {
                return Bound::Bounded("a subquery with LIMIT".to_owned());
            }
            _ => {}
        }
    }
    match (lower, upper) {
        (Some(key), Some(_)) => Bound::Bounded(format!("a range on {key}")),
        _ => Bound::Unbounded,
    }
}

fn conjuncts<'e>(expr: &'e Expr, out: &mut Vec<&'e Expr>) {
    match expr {
        Expr::BinaryOp { left, op: BinaryOperator::And, right } => {
            conjuncts(left, out);
            conjuncts(right, out);
        }
        Expr::Nested(inner) => conjuncts(inner, out),
        other => out.push(other),
    }
}

fn flip(op: &BinaryOperator) -> BinaryOperator {
    match op {
        BinaryOperator::Lt => BinaryOperator::Gt,
        BinaryOperator::LtEq => BinaryOperator::GtEq,
        BinaryOperator::Gt => BinaryOperator::Lt,
        BinaryOperator::GtEq => BinaryOperator::LtEq,
        other => other.clone(),
    }
}

fn has_limit(query: &Query) -> bool {
    matches!(&query.limit_clause, Some(sqlparser::ast::LimitClause::LimitOffset { limit: Some(_), .. }) | Some(sqlparser::ast::LimitClause::OffsetCommaLimit { .. }))
        || query.fetch.is_some()
}

/// The data type of a column definition, as PostgreSQL prints it.
pub fn written_type(data_type: &DataType) -> String {
    lower_unquoted(&data_type.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn where_of(sql: &str) -> Bound {
        let script = crate::sql::parse_script(sql);
        let Some(Statement::Update(update)) = script.statements[0].statement() else { panic!("{sql}") };
        bound(update.selection.as_ref(), &["id".to_owned()])
    }

    #[test]
    fn key_ranges_bound_a_batch() {
        assert_eq!(where_of("UPDATE t SET a = 1"), Bound::NoWhere);
        assert_eq!(where_of("UPDATE t SET a = 1 WHERE a IS NULL"), Bound::Unbounded);
        assert_eq!(where_of("UPDATE t SET a = 1 WHERE id > 100"), Bound::Unbounded);
        assert!(matches!(where_of("UPDATE t SET a = 1 WHERE id >= 1 AND id < 1000 AND a IS NULL"), Bound::Bounded(_)));
        assert!(matches!(where_of("UPDATE t SET a = 1 WHERE id BETWEEN 1 AND 1000"), Bound::Bounded(_)));
        assert!(matches!(where_of("UPDATE t SET a = 1 WHERE id = 7"), Bound::Bounded(_)));
        assert!(matches!(where_of("UPDATE t SET a = 1 WHERE id IN (SELECT id FROM t WHERE a IS NULL LIMIT 1000)"), Bound::Bounded(_)));
        assert_eq!(where_of("UPDATE t SET a = 1 WHERE id IN (SELECT id FROM t WHERE a IS NULL)"), Bound::Unbounded);
    }

    #[test]
    fn checks_that_prove_not_null() {
        assert!(proves_not_null("(status IS NOT NULL)", "status"));
        assert!(proves_not_null("\"status\" IS NOT NULL AND total > 0", "status"));
        assert!(!proves_not_null("status IS NOT NULL OR total > 0", "status"));
        assert!(!proves_not_null("total IS NOT NULL", "status"));
    }
}
