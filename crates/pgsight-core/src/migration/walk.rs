//! The state machine: walks a migration statement by statement, keeping track of
//! the transaction (BEGIN / START TRANSACTION ... COMMIT / END / ROLLBACK / ABORT),
//! the settings in force (`SET [SESSION | LOCAL] lock_timeout`, `statement_timeout`,
//! `TimeZone`, and their RESET), the tables and columns the migration created, and
//! the catalog as each statement finds it.

use std::collections::{BTreeMap, BTreeSet};

use sqlparser::ast::Statement;
use sqlparser::tokenizer::Token;

use super::locks::{form_of, Form, FormId, LockMode, Work};
use super::ops::*;
use super::read::Reader;
use crate::sql::catalog::Catalog;
use crate::sql::names::QualifiedName;
use crate::sql::tokens::{significant, tokenize, Cursor};
use crate::sql::{ParsedStatement, Script};

/// One migration input, walked.
#[derive(Debug)]
pub struct Migration<'a> {
    /// Index of the input in the report.
    pub input: usize,
    pub steps: Vec<Step<'a>>,
    pub transactions: Vec<Transaction>,
    /// A schema was given: the catalog describes the live database.
    pub schema_given: bool,
}

/// One statement with what it does and the state it runs in.
#[derive(Debug)]
pub struct Step<'a> {
    pub statement: &'a ParsedStatement,
    pub control: Control,
    pub ops: Vec<Op>,
    /// The locks it takes, one per relation (the strongest when several operations
    /// lock the same one).
    pub locks: Vec<Lock>,
    /// The transaction it runs in: an index into [`Migration::transactions`].
    pub transaction: Option<usize>,
    /// Settings in force when it runs.
    pub settings: Settings,
    /// Remarks for the per-statement summary.
    pub notes: Vec<String>,
}

/// A statement that changes the session rather than the schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Control {
    None,
    Begin,
    Commit { chain: bool },
    Rollback { chain: bool },
    /// `SET`; `value: None` for `RESET` or `SET ... TO DEFAULT`.
    Set { name: String, value: Option<String>, local: bool },
    ResetAll,
}

/// A transaction block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transaction {
    /// The step of its BEGIN; `None` when the runner opens it.
    pub begin: Option<usize>,
    /// The step that ends it; `None` when the file ends with it open.
    pub end: Option<usize>,
    pub committed: bool,
}

/// One lock a statement takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lock {
    /// `public.orders`, or `index orders_pkey` when the table is unknown.
    pub target: String,
    pub table: Option<QualifiedName>,
    /// The table was created by this migration.
    pub new: bool,
    pub mode: LockMode,
    pub work: Work,
    pub form: &'static Form,
}

impl Lock {
    /// `ACCESS EXCLUSIVE on public.orders (blocks reads and writes)`.
    pub fn describe(&self) -> String {
        format!("{} on {} ({})", self.mode, self.target, self.mode.blocks())
    }

    /// A lock others wait behind, on a table others use.
    pub fn blocks_traffic(&self) -> bool {
        !self.new && self.mode >= LockMode::Share
    }
}

/// A setting's value and where it was set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    pub value: String,
    pub line: u32,
    pub local: bool,
}

/// The settings in force at a statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Settings {
    values: BTreeMap<String, Setting>,
}

impl Settings {
    pub fn get(&self, name: &str) -> Option<&Setting> {
        self.values.get(name)
    }

    /// `lock_timeout`, unless set to 0 (which disables it).
    pub fn lock_timeout(&self) -> Option<&Setting> {
        self.get("lock_timeout").filter(|s| !is_zero(&s.value))
    }

    pub fn statement_timeout(&self) -> Option<&Setting> {
        self.get("statement_timeout").filter(|s| !is_zero(&s.value))
    }

    pub fn timezone(&self) -> Option<&Setting> {
        self.get("timezone")
    }
}

fn is_zero(value: &str) -> bool {
    let v = value.trim().trim_matches('\'').trim();
    v.trim_end_matches(|c: char| c.is_ascii_alphabetic()).trim() == "0"
}

impl<'a> Migration<'a> {
    /// The transaction a step runs in.
    pub fn transaction_of(&self, step: &Step) -> Option<&Transaction> {
        step.transaction.map(|t| &self.transactions[t])
    }

    /// Line of the statement at `step`.
    pub fn line(&self, step: usize) -> u32 {
        self.steps[step].statement.span.line
    }

    /// "the transaction opened by BEGIN at line 1 and committed at line 9".
    pub fn describe_transaction(&self, transaction: &Transaction) -> String {
        let begin = match transaction.begin {
            Some(step) => format!("opened by {} at line {}", self.steps[step].statement.head(1), self.line(step)),
            None => "opened by the migration runner".to_owned(),
        };
        let end = match transaction.end {
            Some(step) if transaction.committed => format!(" and committed at line {}", self.line(step)),
            Some(step) => format!(" and rolled back at line {}", self.line(step)),
            None => " and still open at the end of the file".to_owned(),
        };
        format!("the transaction {begin}{end}")
    }

    /// Every step with its index.
    pub fn steps(&self) -> impl Iterator<Item = (usize, &Step<'a>)> {
        self.steps.iter().enumerate()
    }
}

/// Walks `script`, applying each statement to `catalog` after reading it.
pub fn walk<'a>(input: usize, script: &'a Script, catalog: &mut Catalog, schema_given: bool, assume_in_transaction: bool) -> Migration<'a> {
    let mut migration = Migration { input, steps: Vec::new(), transactions: Vec::new(), schema_given };
    let mut created: BTreeSet<QualifiedName> = BTreeSet::new();
    let mut created_columns: BTreeSet<(QualifiedName, String)> = BTreeSet::new();
    let mut session: BTreeMap<String, Setting> = BTreeMap::new();
    let mut local: BTreeMap<String, Setting> = BTreeMap::new();
    let mut session_at_begin: BTreeMap<String, Setting> = BTreeMap::new();
    let mut open: Option<usize> = None;
    if assume_in_transaction {
        migration.transactions.push(Transaction { begin: None, end: None, committed: false });
        open = Some(0);
    }
    for statement in &script.statements {
        let index = migration.steps.len();
        let control = control(statement);
        let mut notes = Vec::new();
        let mut in_force = session.clone();
        in_force.extend(local.clone());
        let settings = Settings { values: in_force };
        let timezone = settings.timezone().map(|s| s.value.clone());
        let ops = Reader { catalog, created: &created, created_columns: &created_columns, timezone: timezone.as_deref() }.read(statement);
        catalog.apply(statement);
        let ops = ops.into_iter().map(|op| after_apply(op, catalog, &mut created, &mut created_columns)).collect::<Vec<_>>();
        let locks = merge(ops.iter().flat_map(locks_of).collect());
        let mut transaction = open;
        match &control {
            Control::Begin => {
                if open.is_some() {
                    notes.push("WARNING: there is already a transaction in progress; this BEGIN does nothing".to_owned());
                } else {
                    migration.transactions.push(Transaction { begin: Some(index), end: None, committed: false });
                    open = Some(migration.transactions.len() - 1);
                    transaction = open;
                    session_at_begin = session.clone();
                }
            }
            Control::Commit { chain } | Control::Rollback { chain } => match open {
                Some(t) => {
                    let committed = matches!(control, Control::Commit { .. });
                    migration.transactions[t].end = Some(index);
                    migration.transactions[t].committed = committed;
                    if !committed {
                        session = session_at_begin.clone();
                    }
                    local.clear();
                    open = None;
                    if *chain {
                        migration.transactions.push(Transaction { begin: Some(index), end: None, committed: false });
                        open = Some(migration.transactions.len() - 1);
                        session_at_begin = session.clone();
                    }
                }
                None => notes.push("WARNING: there is no transaction in progress".to_owned()),
            },
            Control::Set { name, value, local: is_local } => {
                let setting = value.as_ref().map(|v| Setting { value: v.clone(), line: statement.span.line, local: *is_local });
                if *is_local && open.is_none() {
                    notes.push(format!("SET LOCAL outside a transaction block has no effect: {name} is not set"));
                } else {
                    let target = if *is_local { &mut local } else { &mut session };
                    match setting {
                        Some(s) => {
                            if !*is_local {
                                local.remove(name);
                            }
                            let target = if *is_local { &mut local } else { &mut session };
                            target.insert(name.clone(), s);
                        }
                        None => {
                            target.remove(name);
                            if !*is_local {
                                local.remove(name);
                            }
                        }
                    }
                }
            }
            Control::ResetAll => {
                session.clear();
                local.clear();
            }
            Control::None => {}
        }
        migration.steps.push(Step { statement, control, ops, locks, transaction, settings, notes });
    }
    migration
}

/// Completes what only the catalog after the statement knows: where CREATE TABLE
/// put the table, and which tables and columns now count as created here.
fn after_apply(op: Op, catalog: &Catalog, created: &mut BTreeSet<QualifiedName>, created_columns: &mut BTreeSet<(QualifiedName, String)>) -> Op {
    match op {
        Op::CreateTable { mut table, if_not_exists, existed, references, partition_of } => {
            let written = QualifiedName::from_text(&table.sql).unwrap_or_else(|| table.name.clone());
            let resolved = catalog.resolve_table(&written);
            // CREATE TABLE IF NOT EXISTS of a table that exists creates nothing.
            if !(if_not_exists && existed) {
                created.insert(resolved.clone());
                table.new = true;
            }
            table.name = resolved;
            Op::CreateTable { table, if_not_exists, existed, references, partition_of }
        }
        Op::AddColumn(add) => {
            created_columns.insert((add.table.name.clone(), add.column.clone()));
            Op::AddColumn(add)
        }
        Op::RenameTable { table, new } => {
            if created.remove(&table.name) {
                created.insert(QualifiedName { schema: table.name.schema.clone(), name: new.clone() });
            }
            Op::RenameTable { table, new }
        }
        Op::RenameColumn { table, old, new, column_new, data_type, key } => {
            if created_columns.remove(&(table.name.clone(), old.clone())) {
                created_columns.insert((table.name.clone(), new.clone()));
            }
            Op::RenameColumn { table, old, new, column_new, data_type, key }
        }
        Op::DropTable(drop) => {
            created.remove(&drop.table.name);
            Op::DropTable(drop)
        }
        other => other,
    }
}

/// Reads a transaction or setting statement.
fn control(statement: &ParsedStatement) -> Control {
    match statement.statement() {
        Some(Statement::StartTransaction { .. }) => return Control::Begin,
        Some(Statement::Commit { chain, .. }) => return Control::Commit { chain: *chain },
        Some(Statement::Rollback { chain, savepoint: None }) => return Control::Rollback { chain: *chain },
        _ => {}
    }
    let head = statement.head(1);
    if head != "SET" && head != "RESET" {
        return Control::None;
    }
    let Ok(tokens) = tokenize(&statement.sql) else { return Control::None };
    let tokens = significant(&tokens);
    let mut c = Cursor::new(&tokens);
    if c.keyword("RESET") {
        if c.keyword("ALL") {
            return Control::ResetAll;
        }
        return match c.dotted_parts() {
            Some(parts) => Control::Set { name: setting_name(&parts.join(".")), value: None, local: false },
            None => Control::None,
        };
    }
    c.keyword("SET");
    let local = c.one_of(&["SESSION", "LOCAL"]) == Some("LOCAL");
    let name = if c.keywords(&["TIME", "ZONE"]) {
        "timezone".to_owned()
    } else {
        let Some(parts) = c.dotted_parts() else { return Control::None };
        if !(c.keyword("TO") || c.token(&Token::Eq)) {
            return Control::None;
        }
        setting_name(&parts.join("."))
    };
    let value = c.rest_text(&statement.sql);
    let reset = value.eq_ignore_ascii_case("default") || (name == "timezone" && value.eq_ignore_ascii_case("local"));
    Control::Set { name, value: (!reset && !value.is_empty()).then_some(value), local }
}

fn setting_name(name: &str) -> String {
    name.to_ascii_lowercase()
}

/// The locks one operation takes.
fn locks_of(op: &Op) -> Vec<Lock> {
    let lock = |table: &TableRef, id: FormId| {
        let form = form_of(id);
        Lock { target: table.qualified(), table: Some(table.name.clone()), new: table.new, mode: form.lock, work: form.work, form }
    };
    let on_index = |name: &str, id: FormId| {
        let form = form_of(id);
        Lock { target: format!("the table of index {name}"), table: None, new: false, mode: form.lock, work: form.work, form }
    };
    match op {
        Op::CreateTable { table, references, partition_of, .. } => {
            let mut locks = vec![lock(table, FormId::CreateTable)];
            locks.extend(references.iter().map(|r| lock(r, FormId::CreateTableReferenced)));
            locks.extend(partition_of.iter().map(|p| lock(p, FormId::CreatePartitionOf)));
            locks
        }
        Op::CreateIndex(c) => vec![lock(&c.table, if c.concurrently { FormId::CreateIndexConcurrently } else { FormId::CreateIndex })],
        Op::DropIndex(d) => {
            let id = if d.concurrently { FormId::DropIndexConcurrently } else { FormId::DropIndex };
            vec![match &d.table {
                Some(table) => lock(table, id),
                None => on_index(&d.sql, id),
            }]
        }
        Op::Reindex { table, name, concurrently, .. } => {
            let id = if *concurrently { FormId::ReindexConcurrently } else { FormId::Reindex };
            match (table, name) {
                (Some(table), _) => vec![lock(table, id)],
                (None, Some(name)) => vec![on_index(&name.to_string(), id)],
                _ => Vec::new(),
            }
        }
        Op::AddColumn(a) => {
            let id = match &a.rewrite {
                Some(ColumnRewrite::VolatileDefault(_)) => FormId::AddColumnVolatileDefault,
                Some(ColumnRewrite::Serial | ColumnRewrite::Identity) => FormId::AddColumnIdentity,
                Some(ColumnRewrite::StoredGenerated) => FormId::AddColumnStoredGenerated,
                None => FormId::AddColumn,
            };
            let mut main = lock(&a.table, id);
            if a.not_null && a.default.is_none() && a.rewrite.is_none() && !a.table.new {
                main.work = Work::Scan;
            }
            let mut locks = vec![main];
            if a.primary_key || a.unique {
                locks.push(lock(&a.table, FormId::AddUniqueOrPrimaryKey));
            }
            if a.check {
                locks.push(lock(&a.table, FormId::AddCheck));
            }
            if let Some(referenced) = &a.references {
                locks.push(lock(&a.table, FormId::AddForeignKey));
                if referenced.name != a.table.name {
                    locks.push(lock(referenced, FormId::AddForeignKeyReferenced));
                }
            }
            locks
        }
        Op::DropColumn { table, .. } => vec![lock(table, FormId::DropColumn)],
        Op::AlterColumnType(a) => {
            let id = if a.change.may_rewrite() { FormId::AlterColumnTypeRewrite } else { FormId::AlterColumnTypeBinaryCompatible };
            vec![lock(&a.table, id)]
        }
        Op::SetNotNull(s) => {
            let proven = s.proof.is_some() || s.already;
            vec![lock(&s.table, if proven { FormId::SetNotNullProvenByCheck } else { FormId::SetNotNull })]
        }
        Op::DropNotNull { table, .. } => vec![lock(table, FormId::DropNotNull)],
        Op::SetDefault { table, .. } => vec![lock(table, FormId::SetDefault)],
        Op::DropDefault { table, .. } => vec![lock(table, FormId::DropDefault)],
        Op::AddConstraint(c) => {
            let id = match (c.kind, c.not_valid) {
                (ConstraintKind::ForeignKey, false) => FormId::AddForeignKey,
                (ConstraintKind::ForeignKey, true) => FormId::AddForeignKeyNotValid,
                (ConstraintKind::Check, false) => FormId::AddCheck,
                (ConstraintKind::Check, true) => FormId::AddCheckNotValid,
                (ConstraintKind::Unique | ConstraintKind::PrimaryKey, _) => FormId::AddUniqueOrPrimaryKey,
                (ConstraintKind::Exclusion, _) => FormId::AddExclusion,
                (ConstraintKind::UniqueUsingIndex | ConstraintKind::PrimaryKeyUsingIndex, _) => FormId::AddConstraintUsingIndex,
            };
            let mut main = lock(&c.table, id);
            if c.kind == ConstraintKind::PrimaryKeyUsingIndex && !c.nullable_columns.is_empty() {
                main.work = Work::Scan;
            }
            let mut locks = vec![main];
            if let Some(referenced) = c.referenced.as_ref().filter(|r| r.name != c.table.name) {
                locks.push(lock(referenced, FormId::AddForeignKeyReferenced));
            }
            locks
        }
        Op::ValidateConstraint { table, referenced, .. } => {
            let mut locks = vec![lock(table, FormId::ValidateConstraint)];
            locks.extend(referenced.iter().filter(|r| r.name != table.name).map(|r| lock(r, FormId::ValidateForeignKeyReferenced)));
            locks
        }
        Op::DropConstraint { table, referenced, .. } => {
            let mut locks = vec![lock(table, FormId::DropConstraint)];
            locks.extend(referenced.iter().filter(|r| r.name != table.name).map(|r| lock(r, FormId::DropConstraint)));
            locks
        }
        Op::RenameColumn { table, .. } => vec![lock(table, FormId::RenameColumn)],
        Op::RenameTable { table, .. } => vec![lock(table, FormId::RenameTable)],
        Op::RenameConstraint { table, .. } => vec![lock(table, FormId::RenameConstraint)],
        Op::RenameIndex { index, .. } => vec![on_index(index, FormId::RenameIndex)],
        Op::OtherAlter { table, form, .. } => vec![lock(table, *form)],
        Op::DropTable(d) => {
            let mut locks = vec![lock(&d.table, FormId::DropTable)];
            locks.extend(d.references.iter().map(|r| lock(r, FormId::DropTable)));
            if d.cascade {
                locks.extend(d.referencing.iter().map(|r| lock(r, FormId::DropConstraint)));
            }
            locks
        }
        Op::Truncate { tables } => tables.iter().map(|t| lock(t, FormId::Truncate)).collect(),
        Op::Vacuum { table, full, .. } => table.iter().map(|t| lock(t, if *full { FormId::VacuumFull } else { FormId::Vacuum })).collect(),
        Op::Cluster { table } => table.iter().map(|t| lock(t, FormId::Cluster)).collect(),
        Op::Analyze { table } => table.iter().map(|t| lock(t, FormId::Analyze)).collect(),
        Op::LockTable { tables, mode } => tables
            .iter()
            .map(|t| {
                let mut l = lock(t, FormId::LockTable);
                l.mode = *mode;
                l
            })
            .collect(),
        Op::Write(w) => vec![lock(&w.table, if w.delete { FormId::Delete } else { FormId::Update })],
        Op::Insert { table } => vec![lock(table, FormId::Insert)],
        Op::CreateTrigger { table } => vec![lock(table, FormId::CreateTrigger)],
        Op::AttachPartition { parent, partition, .. } => vec![lock(parent, FormId::AttachPartitionParent), lock(partition, FormId::AttachPartition)],
        Op::DetachPartition { parent, partition, concurrently, .. } => {
            let id = if *concurrently { FormId::DetachPartitionConcurrently } else { FormId::DetachPartition };
            vec![lock(parent, id), lock(partition, id)]
        }
        Op::RefreshMaterializedView { name, concurrently } => {
            let form = form_of(if *concurrently { FormId::RefreshMaterializedViewConcurrently } else { FormId::RefreshMaterializedView });
            vec![Lock { target: format!("materialized view {name}"), table: None, new: false, mode: form.lock, work: form.work, form }]
        }
        _ => Vec::new(),
    }
}

/// One lock per relation: the strongest mode, and the most work.
fn merge(locks: Vec<Lock>) -> Vec<Lock> {
    let mut merged: Vec<Lock> = Vec::new();
    for lock in locks {
        match merged.iter_mut().find(|l| l.target == lock.target) {
            Some(existing) => {
                if (lock.mode, lock.work) > (existing.mode, existing.work) {
                    existing.form = lock.form;
                }
                existing.mode = existing.mode.max(lock.mode);
                existing.work = existing.work.max(lock.work);
            }
            None => merged.push(lock),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sql::parse_script;

    fn walked(sql: &str, f: impl FnOnce(&Migration)) {
        let script = parse_script(sql);
        let mut catalog = Catalog::default();
        let migration = walk(0, &script, &mut catalog, false, false);
        f(&migration);
    }

    #[test]
    fn transactions_and_settings_follow_the_statements() {
        let sql = "SET lock_timeout = '5s';\nBEGIN;\nSET LOCAL statement_timeout = '1min';\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\nALTER TABLE orders DROP COLUMN note;\nSET LOCAL lock_timeout = '1s';\nRESET lock_timeout;\nDROP TABLE orders;";
        walked(sql, |m| {
            assert_eq!(m.transactions, vec![Transaction { begin: Some(1), end: Some(4), committed: true }]);
            let alter = &m.steps[3];
            assert_eq!(alter.transaction, Some(0));
            assert_eq!(alter.settings.lock_timeout().map(|s| s.value.as_str()), Some("'5s'"));
            assert_eq!(alter.settings.statement_timeout().map(|s| (s.value.as_str(), s.local)), Some(("'1min'", true)));
            assert_eq!(alter.locks[0].mode, LockMode::AccessExclusive);
            assert!(!alter.locks[0].new);
            let after = &m.steps[5];
            assert_eq!(after.transaction, None);
            assert!(after.settings.statement_timeout().is_none(), "SET LOCAL ends with its transaction");
            assert!(m.steps[6].notes[0].contains("no effect"));
            assert!(m.steps[8].settings.lock_timeout().is_none());
        });
    }

    #[test]
    fn rollback_restores_session_settings_and_zero_disables() {
        walked("BEGIN;\nSET lock_timeout = '2s';\nROLLBACK;\nSELECT 1;\nSET lock_timeout = 0;\nSELECT 2;", |m| {
            assert!(!m.transactions[0].committed);
            assert!(m.steps[3].settings.lock_timeout().is_none());
            assert!(m.steps[5].settings.get("lock_timeout").is_some() && m.steps[5].settings.lock_timeout().is_none());
        });
    }

    #[test]
    fn tables_created_here_are_new() {
        walked("CREATE TABLE t (id bigint PRIMARY KEY, user_id bigint REFERENCES users (id));\nCREATE INDEX t_user_idx ON t (user_id);\nCREATE INDEX u_idx ON users (email);", |m| {
            let create = &m.steps[0];
            assert!(create.locks.iter().any(|l| l.target == "public.t" && l.new));
            let users = create.locks.iter().find(|l| l.target == "public.users").expect("users lock");
            assert_eq!((users.mode, users.new), (LockMode::ShareRowExclusive, false));
            assert!(m.steps[1].locks[0].new);
            assert!(!m.steps[2].locks[0].new);
            assert_eq!(m.steps[2].locks[0].mode, LockMode::Share);
        });
    }

    #[test]
    fn commit_and_chain_opens_the_next_transaction() {
        walked("START TRANSACTION;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;\nEND;", |m| {
            assert_eq!(m.transactions.len(), 2);
            assert_eq!(m.steps[3].transaction, Some(1));
            assert_eq!(m.transactions[1].end, Some(4));
        });
    }

    #[test]
    fn time_zone_settings_are_read() {
        walked("SET TIME ZONE 'UTC';\nSELECT 1;\nSET timezone TO DEFAULT;\nSELECT 2;", |m| {
            assert_eq!(m.steps[1].settings.timezone().map(|s| s.value.as_str()), Some("'UTC'"));
            assert!(m.steps[3].settings.timezone().is_none());
        });
    }
}
