//! What one migration statement does, read into typed operations with the facts the
//! rules and the rollback plan need already looked up in the catalog (the column's
//! current type, the index's definition, the constraints that prove a column has no
//! NULLs).

use sqlparser::ast::{ColumnDef, Statement};

use super::locks::{FormId, LockMode};
use super::types::TypeChange;
use super::volatility::ExprVolatility;
use crate::sql::catalog::{Column, ReindexTarget};
use crate::sql::names::QualifiedName;

/// A table a statement names: resolved, as written, and whether this migration
/// created it (a new table is empty and nobody else uses it yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRef {
    /// Schema-qualified along the search_path in force.
    pub name: QualifiedName,
    /// As the statement wrote it, for rewritten SQL.
    pub sql: String,
    /// Created earlier in this migration.
    pub new: bool,
}

impl TableRef {
    /// `public.orders`.
    pub fn qualified(&self) -> String {
        self.name.to_string()
    }
}

/// One operation of a statement (an `ALTER TABLE` can hold several).
#[derive(Debug, Clone)]
pub enum Op {
    CreateTable { table: TableRef, if_not_exists: bool, existed: bool, references: Vec<TableRef>, partition_of: Option<TableRef> },
    CreateIndex(CreateIndex),
    DropIndex(DropIndex),
    Reindex { target: ReindexTarget, name: Option<QualifiedName>, table: Option<TableRef>, concurrently: bool },
    RenameIndex { index: String, new: String },
    AddColumn(Box<AddColumn>),
    DropColumn { table: TableRef, column: String, if_exists: bool, cascade: bool, old: Option<Column>, column_new: bool, primary_key: Vec<String>, indexes: Vec<String> },
    AlterColumnType(AlterColumnType),
    SetNotNull(SetNotNull),
    DropNotNull { table: TableRef, column: String },
    SetDefault { table: TableRef, column: String, value: String, old: Option<String> },
    DropDefault { table: TableRef, column: String, old: Option<String> },
    AddConstraint(Box<AddConstraint>),
    ValidateConstraint { table: TableRef, name: String, referenced: Option<TableRef> },
    DropConstraint { table: TableRef, name: String, if_exists: bool, old: Option<String>, referenced: Option<TableRef> },
    RenameColumn { table: TableRef, old: String, new: String, column_new: bool, data_type: Option<String>, key: Option<String> },
    RenameTable { table: TableRef, new: String },
    RenameConstraint { table: TableRef, old: String, new: String },
    /// Another `ALTER TABLE` form, by its row in the lock table.
    OtherAlter { table: TableRef, form: FormId, text: String },
    DropTable(DropTable),
    Truncate { tables: Vec<TableRef> },
    Vacuum { table: Option<TableRef>, full: bool, sql: String },
    Cluster { table: Option<TableRef> },
    Analyze { table: Option<TableRef> },
    LockTable { tables: Vec<TableRef>, mode: LockMode },
    /// `UPDATE` or `DELETE`.
    Write(Box<Write>),
    Insert { table: TableRef },
    CreateTrigger { table: TableRef },
    CreateObject { kind: &'static str, name: String, if_not_exists: Option<bool> },
    DropObject { kind: &'static str, name: String, if_exists: bool },
    EnumAddValue { type_name: String, value: String },
    EnumRenameValue { type_name: String, from: String, to: String },
    AttachPartition { parent: TableRef, partition: TableRef, bound: String },
    DetachPartition { parent: TableRef, partition: TableRef, concurrently: bool, bound: Option<String> },
    RefreshMaterializedView { name: String, concurrently: bool },
    /// `DO $$ ... $$`: pgsight does not read PL/pgSQL.
    DoBlock,
    /// A schema change pgsight has no reading for (function bodies, policies...).
    Unread { head: String },
}

#[derive(Debug, Clone)]
pub struct CreateIndex {
    pub table: TableRef,
    /// The index's name: as written, else the one PostgreSQL will choose.
    pub name: String,
    pub named: bool,
    pub concurrently: bool,
    pub unique: bool,
    pub if_not_exists: bool,
    /// `ON ONLY`: the parent's index only.
    pub only: bool,
    /// The table is partitioned (CONCURRENTLY is not supported there).
    pub partitioned: bool,
    /// The partitions the catalog knows, for a partitioned table.
    pub partitions: Vec<QualifiedName>,
}

#[derive(Debug, Clone)]
pub struct DropIndex {
    pub index: QualifiedName,
    /// The index name as written.
    pub sql: String,
    /// The table it belongs to, when the catalog knows the index.
    pub table: Option<TableRef>,
    /// `CREATE INDEX CONCURRENTLY ...` that rebuilds it, from the catalog.
    pub definition: Option<String>,
    pub concurrently: bool,
    pub if_exists: bool,
    pub cascade: bool,
    /// The statement drops several indexes (CONCURRENTLY allows one).
    pub several: bool,
}

/// Why `ADD COLUMN` rewrites the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRewrite {
    VolatileDefault(ExprVolatility),
    /// `serial`, `bigserial`, `smallserial`: a `nextval` default.
    Serial,
    Identity,
    StoredGenerated,
}

#[derive(Debug, Clone)]
pub struct AddColumn {
    pub table: TableRef,
    pub column: String,
    /// The column definition as parsed (rewritten fixes edit its options).
    pub def: ColumnDef,
    pub data_type: String,
    pub not_null: bool,
    pub default: Option<String>,
    /// The default's volatility, when there is one.
    pub volatility: Option<ExprVolatility>,
    pub rewrite: Option<ColumnRewrite>,
    pub if_not_exists: bool,
    pub primary_key: bool,
    pub unique: bool,
    /// `REFERENCES table`: the foreign key the column carries.
    pub references: Option<TableRef>,
    pub check: bool,
    /// The single-column integer key to batch a backfill on, if the catalog knows one.
    pub key: Option<String>,
}

#[derive(Debug, Clone)]
pub struct AlterColumnType {
    pub table: TableRef,
    pub column: String,
    pub old_type: Option<String>,
    pub new_type: String,
    pub using: Option<String>,
    pub change: TypeChange,
    /// The column was added by this migration.
    pub column_new: bool,
    /// Indexes on the column (rebuilt by a rewrite).
    pub indexes: Vec<String>,
    /// The session TimeZone the migration set before the statement.
    pub timezone: Option<String>,
    /// The single-column integer key to batch a backfill on, if the catalog knows one.
    pub key: Option<String>,
}

#[derive(Debug, Clone)]
pub struct SetNotNull {
    pub table: TableRef,
    pub column: String,
    /// A validated CHECK constraint that proves the column has no NULLs.
    pub proof: Option<String>,
    /// Such a CHECK, but still NOT VALID.
    pub unvalidated: Option<String>,
    /// The column is NOT NULL already.
    pub already: bool,
    pub column_new: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    ForeignKey,
    Check,
    Unique,
    PrimaryKey,
    Exclusion,
    UniqueUsingIndex,
    PrimaryKeyUsingIndex,
}

impl ConstraintKind {
    pub fn name(self) -> &'static str {
        match self {
            ConstraintKind::ForeignKey => "FOREIGN KEY",
            ConstraintKind::Check => "CHECK",
            ConstraintKind::Unique | ConstraintKind::UniqueUsingIndex => "UNIQUE",
            ConstraintKind::PrimaryKey | ConstraintKind::PrimaryKeyUsingIndex => "PRIMARY KEY",
            ConstraintKind::Exclusion => "EXCLUDE",
        }
    }
}

#[derive(Debug, Clone)]
pub struct AddConstraint {
    pub table: TableRef,
    /// As written, else the name PostgreSQL will choose.
    pub name: String,
    pub kind: ConstraintKind,
    pub not_valid: bool,
    /// The constraint without its name: `FOREIGN KEY (user_id) REFERENCES users (id)`.
    pub body: String,
    /// Key columns (unique, primary key, foreign key).
    pub columns: Vec<String>,
    /// `INCLUDE (...)` of a unique or primary key.
    pub include: Vec<String>,
    pub nulls_not_distinct: bool,
    pub referenced: Option<TableRef>,
    /// Key columns the catalog knows to be nullable (a primary key sets them NOT NULL).
    pub nullable_columns: Vec<String>,
}

/// How an `UPDATE` or `DELETE` limits the rows one statement touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    /// No WHERE: every row.
    NoWhere,
    /// A WHERE that does not limit the count (`status = 'x'`, `col IS NULL`).
    Unbounded,
    /// A key range, key equality, or a LIMIT subquery: what it is.
    Bounded(String),
}

#[derive(Debug, Clone)]
pub struct Write {
    pub table: TableRef,
    pub delete: bool,
    pub statement: Statement,
    pub bound: Bound,
    pub where_sql: Option<String>,
    /// The single-column key to batch on (primary key, else `id`), if one is known.
    pub key: Option<String>,
}

#[derive(Debug, Clone)]
pub struct DropTable {
    pub table: TableRef,
    pub if_exists: bool,
    pub cascade: bool,
    /// Foreign keys of other tables that point at it: `public.orders.user_id (orders_user_id_fkey)`.
    pub referenced_by: Vec<String>,
    /// Tables its own foreign keys reference (they lose the triggers).
    pub references: Vec<TableRef>,
    /// Tables whose foreign keys point at it (CASCADE drops those keys).
    pub referencing: Vec<TableRef>,
    pub partitions: Vec<QualifiedName>,
    /// Known to the catalog (its columns, for the rollback note).
    pub columns: Vec<String>,
}

impl Op {
    /// The main table the operation works on, if any.
    pub fn table(&self) -> Option<&TableRef> {
        match self {
            Op::CreateTable { table, .. }
            | Op::DropColumn { table, .. }
            | Op::DropNotNull { table, .. }
            | Op::SetDefault { table, .. }
            | Op::DropDefault { table, .. }
            | Op::ValidateConstraint { table, .. }
            | Op::DropConstraint { table, .. }
            | Op::RenameColumn { table, .. }
            | Op::RenameTable { table, .. }
            | Op::RenameConstraint { table, .. }
            | Op::OtherAlter { table, .. }
            | Op::Insert { table }
            | Op::CreateTrigger { table } => Some(table),
            Op::CreateIndex(c) => Some(&c.table),
            Op::DropIndex(d) => d.table.as_ref(),
            Op::AddColumn(a) => Some(&a.table),
            Op::AlterColumnType(a) => Some(&a.table),
            Op::SetNotNull(s) => Some(&s.table),
            Op::AddConstraint(a) => Some(&a.table),
            Op::DropTable(d) => Some(&d.table),
            Op::Write(w) => Some(&w.table),
            Op::AttachPartition { partition, .. } | Op::DetachPartition { partition, .. } => Some(partition),
            Op::Reindex { table, .. } | Op::Vacuum { table, .. } | Op::Cluster { table } | Op::Analyze { table } => table.as_ref(),
            Op::Truncate { tables } | Op::LockTable { tables, .. } => tables.first(),
            _ => None,
        }
    }
}
