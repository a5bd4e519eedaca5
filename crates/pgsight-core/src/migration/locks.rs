//! What each DDL form locks and how much work it does, as PostgreSQL documents it
//! (`ALTER TABLE`, "Explicit Locking" table 13.2, and `AlterTableGetLockLevel` in
//! `tablecmds.c`, which the documentation follows).
//!
//! The tables below are the only place these facts live: the walker picks a
//! [`Form`] for every statement it reads, and findings and the per-statement summary
//! quote its lock and work.

use serde::{Deserialize, Serialize};

/// A table-level lock mode, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum LockMode {
    /// `SELECT`.
    AccessShare,
    /// `SELECT ... FOR UPDATE`, and the referenced table of a foreign key check.
    RowShare,
    /// `INSERT`, `UPDATE`, `DELETE`.
    RowExclusive,
    /// `VACUUM`, `ANALYZE`, `CREATE INDEX CONCURRENTLY`, `VALIDATE CONSTRAINT`.
    ShareUpdateExclusive,
    /// `CREATE INDEX`.
    Share,
    /// `CREATE TRIGGER`, `ADD FOREIGN KEY`.
    ShareRowExclusive,
    /// `REFRESH MATERIALIZED VIEW CONCURRENTLY`.
    Exclusive,
    /// Most `ALTER TABLE` forms, `DROP`, `TRUNCATE`, `VACUUM FULL`, `CLUSTER`.
    AccessExclusive,
}

impl LockMode {
    pub const ALL: [LockMode; 8] = [
        LockMode::AccessShare,
        LockMode::RowShare,
        LockMode::RowExclusive,
        LockMode::ShareUpdateExclusive,
        LockMode::Share,
        LockMode::ShareRowExclusive,
        LockMode::Exclusive,
        LockMode::AccessExclusive,
    ];

    /// The name PostgreSQL uses: `ACCESS EXCLUSIVE`.
    pub fn name(self) -> &'static str {
        match self {
            LockMode::AccessShare => "ACCESS SHARE",
            LockMode::RowShare => "ROW SHARE",
            LockMode::RowExclusive => "ROW EXCLUSIVE",
            LockMode::ShareUpdateExclusive => "SHARE UPDATE EXCLUSIVE",
            LockMode::Share => "SHARE",
            LockMode::ShareRowExclusive => "SHARE ROW EXCLUSIVE",
            LockMode::Exclusive => "EXCLUSIVE",
            LockMode::AccessExclusive => "ACCESS EXCLUSIVE",
        }
    }

    /// Whether two modes conflict (table 13.2 of the documentation).
    pub fn conflicts_with(self, other: LockMode) -> bool {
        use LockMode::*;
        let conflicts: &[LockMode] = match self {
            AccessShare => &[AccessExclusive],
            RowShare => &[Exclusive, AccessExclusive],
            RowExclusive => &[Share, ShareRowExclusive, Exclusive, AccessExclusive],
            ShareUpdateExclusive => &[ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive],
            Share => &[RowExclusive, ShareUpdateExclusive, ShareRowExclusive, Exclusive, AccessExclusive],
            ShareRowExclusive => &[RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive],
            Exclusive => &[RowShare, RowExclusive, ShareUpdateExclusive, Share, ShareRowExclusive, Exclusive, AccessExclusive],
            AccessExclusive => &LockMode::ALL,
        };
        conflicts.contains(&other)
    }

    /// Plain `SELECT`s wait for it.
    pub fn blocks_reads(self) -> bool {
        self.conflicts_with(LockMode::AccessShare)
    }

    /// `INSERT`, `UPDATE` and `DELETE` wait for it.
    pub fn blocks_writes(self) -> bool {
        self.conflicts_with(LockMode::RowExclusive)
    }

    /// What the application sees while the lock is held or waited for.
    pub fn blocks(self) -> &'static str {
        if self.blocks_reads() {
            "blocks reads and writes"
        } else if self.blocks_writes() {
            "blocks INSERT, UPDATE and DELETE; reads go on"
        } else if self.conflicts_with(LockMode::ShareUpdateExclusive) {
            "blocks other schema changes, VACUUM and index builds; reads and writes go on"
        } else {
            "blocks only ACCESS EXCLUSIVE schema changes; reads and writes go on"
        }
    }
}

impl std::fmt::Display for LockMode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// How much of the table a statement reads or writes while it holds its lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    /// Only the system catalogs change: as fast as the lock is granted.
    CatalogOnly,
    /// Writes the rows the statement matches.
    RowWrites,
    /// Reads every row (to validate a constraint or a partition bound).
    Scan,
    /// Reads every row and builds an index.
    IndexBuild,
    /// Writes a new copy of the table and of all its indexes.
    Rewrite,
}

impl Work {
    pub fn name(self) -> &'static str {
        match self {
            Work::CatalogOnly => "catalog only",
            Work::RowWrites => "row writes",
            Work::Scan => "full scan",
            Work::IndexBuild => "index build",
            Work::Rewrite => "table rewrite",
        }
    }

    /// The phrase for a finding: "rewrites public.orders and all its indexes".
    pub fn describe(self, table: &str) -> String {
        match self {
            Work::CatalogOnly => format!("changes only the catalog: no row of {table} is read"),
            Work::RowWrites => format!("writes the matching rows of {table}"),
            Work::Scan => format!("reads every row of {table}"),
            Work::IndexBuild => format!("reads every row of {table} and sorts it into an index"),
            Work::Rewrite => format!("rewrites {table} and all its indexes (needs free disk space the size of both)"),
        }
    }

    /// Work that grows with the table's size.
    pub fn is_long(self) -> bool {
        matches!(self, Work::Scan | Work::IndexBuild | Work::Rewrite)
    }
}

/// Every statement form the walker tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormId {
    // ALTER TABLE.
    AddColumn,
    AddColumnVolatileDefault,
    AddColumnIdentity,
    AddColumnStoredGenerated,
    DropColumn,
    AlterColumnTypeBinaryCompatible,
    AlterColumnTypeRewrite,
    SetDefault,
    DropDefault,
    SetNotNull,
    SetNotNullProvenByCheck,
    DropNotNull,
    AddIdentity,
    DropIdentity,
    DropExpression,
    SetStatistics,
    SetStorage,
    SetCompression,
    AddForeignKey,
    AddForeignKeyNotValid,
    AddForeignKeyReferenced,
    AddCheck,
    AddCheckNotValid,
    AddUniqueOrPrimaryKey,
    AddExclusion,
    AddConstraintUsingIndex,
    ValidateConstraint,
    ValidateForeignKeyReferenced,
    DropConstraint,
    RenameColumn,
    RenameTable,
    RenameConstraint,
    EnableDisableTrigger,
    EnableDisableRule,
    RowLevelSecurity,
    ReplicaIdentity,
    SetLoggedUnlogged,
    SetTablespace,
    SetStorageParameters,
    ClusterOn,
    OwnerTo,
    Inherit,
    AttachPartitionParent,
    AttachPartition,
    DetachPartition,
    DetachPartitionConcurrently,
    OtherAlterTable,
    // Other statements.
    CreateTable,
    CreatePartitionOf,
    CreateTableReferenced,
    CreateIndex,
    CreateIndexConcurrently,
    DropIndex,
    DropIndexConcurrently,
    Reindex,
    ReindexConcurrently,
    RenameIndex,
    DropTable,
    Truncate,
    VacuumFull,
    Cluster,
    Vacuum,
    Analyze,
    Update,
    Delete,
    Insert,
    LockTable,
    CreateTrigger,
    RefreshMaterializedView,
    RefreshMaterializedViewConcurrently,
}

/// One form: what PostgreSQL locks and does for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Form {
    pub id: FormId,
    /// The form as the documentation writes it.
    pub syntax: &'static str,
    pub lock: LockMode,
    pub work: Work,
    /// What the documentation adds, for findings and the summary.
    pub note: &'static str,
}

const fn form(id: FormId, syntax: &'static str, lock: LockMode, work: Work, note: &'static str) -> Form {
    Form { id, syntax, lock, work, note }
}

use FormId as F;
use LockMode::{
    AccessExclusive as AE, Exclusive as EX, RowExclusive as RE, RowShare as RS, Share as SH, ShareRowExclusive as SRE,
    ShareUpdateExclusive as SUE,
};
use Work::{CatalogOnly, IndexBuild, Rewrite, RowWrites, Scan};

/// `ALTER TABLE` forms. "An ACCESS EXCLUSIVE lock is acquired unless explicitly noted."
pub const ALTER_TABLE: &[Form] = &[
    form(F::AddColumn, "ADD COLUMN (no default, or a non-volatile default)", AE, CatalogOnly, "since PostgreSQL 11 a non-volatile default is stored in the catalog and existing rows are not rewritten"),
    form(F::AddColumnVolatileDefault, "ADD COLUMN ... DEFAULT <volatile expression>", AE, Rewrite, "a volatile default is evaluated for every existing row, so the table is rewritten"),
    form(F::AddColumnIdentity, "ADD COLUMN ... GENERATED AS IDENTITY / serial", AE, Rewrite, "every existing row gets its own value from the sequence, so the table is rewritten"),
    form(F::AddColumnStoredGenerated, "ADD COLUMN ... GENERATED ALWAYS AS (...) STORED", AE, Rewrite, "the expression is computed and stored for every existing row"),
    form(F::DropColumn, "DROP COLUMN", AE, CatalogOnly, "the column is only hidden; its space is reclaimed as rows are rewritten later"),
    form(F::AlterColumnTypeBinaryCompatible, "ALTER COLUMN TYPE (binary-compatible)", AE, CatalogOnly, "the old values are valid in the new type, so neither the table nor its indexes are rewritten"),
    form(F::AlterColumnTypeRewrite, "ALTER COLUMN TYPE", AE, Rewrite, "every value is converted: the table and every index are rebuilt"),
    form(F::SetDefault, "ALTER COLUMN SET DEFAULT", AE, CatalogOnly, "applies to rows inserted later; existing rows are not touched"),
    form(F::DropDefault, "ALTER COLUMN DROP DEFAULT", AE, CatalogOnly, ""),
    form(F::SetNotNull, "ALTER COLUMN SET NOT NULL", AE, Scan, "the whole table is scanned to prove no row holds NULL"),
    form(F::SetNotNullProvenByCheck, "ALTER COLUMN SET NOT NULL (proven by a valid CHECK)", AE, CatalogOnly, "since PostgreSQL 12 a validated CHECK (col IS NOT NULL) lets it skip the scan"),
    form(F::DropNotNull, "ALTER COLUMN DROP NOT NULL", AE, CatalogOnly, ""),
    form(F::AddIdentity, "ALTER COLUMN ADD GENERATED AS IDENTITY", AE, CatalogOnly, ""),
    form(F::DropIdentity, "ALTER COLUMN DROP IDENTITY", AE, CatalogOnly, ""),
    form(F::DropExpression, "ALTER COLUMN DROP EXPRESSION", AE, CatalogOnly, ""),
    form(F::SetStatistics, "ALTER COLUMN SET STATISTICS", SUE, CatalogOnly, ""),
    form(F::SetStorage, "ALTER COLUMN SET STORAGE", AE, CatalogOnly, "applies to values written later"),
    form(F::SetCompression, "ALTER COLUMN SET COMPRESSION", AE, CatalogOnly, "applies to values written later"),
    form(F::AddForeignKey, "ADD FOREIGN KEY", SRE, Scan, "every row is checked against the referenced table; SHARE ROW EXCLUSIVE is taken on both tables"),
    form(F::AddForeignKeyNotValid, "ADD FOREIGN KEY ... NOT VALID", SRE, CatalogOnly, "existing rows are not checked; new and updated rows are"),
    form(F::AddForeignKeyReferenced, "ADD FOREIGN KEY (the referenced table)", SRE, CatalogOnly, "the referenced table gets the constraint's triggers"),
    form(F::AddCheck, "ADD CHECK", AE, Scan, "every row is checked while reads and writes wait"),
    form(F::AddCheckNotValid, "ADD CHECK ... NOT VALID", AE, CatalogOnly, "existing rows are not checked; new and updated rows are"),
    form(F::AddUniqueOrPrimaryKey, "ADD UNIQUE / PRIMARY KEY", AE, IndexBuild, "builds the constraint's index like CREATE INDEX, but under ACCESS EXCLUSIVE"),
    form(F::AddExclusion, "ADD EXCLUDE", AE, IndexBuild, "builds the constraint's index under ACCESS EXCLUSIVE"),
    form(F::AddConstraintUsingIndex, "ADD UNIQUE / PRIMARY KEY USING INDEX", AE, CatalogOnly, "takes over an index that already exists"),
    form(F::ValidateConstraint, "VALIDATE CONSTRAINT", SUE, Scan, "checks the existing rows while reads and writes go on"),
    form(F::ValidateForeignKeyReferenced, "VALIDATE CONSTRAINT (the referenced table of a foreign key)", RS, CatalogOnly, ""),
    form(F::DropConstraint, "DROP CONSTRAINT", AE, CatalogOnly, ""),
    form(F::RenameColumn, "RENAME COLUMN", AE, CatalogOnly, "queries that use the old name fail from the commit on"),
    form(F::RenameTable, "RENAME TO", AE, CatalogOnly, "queries that use the old name fail from the commit on"),
    form(F::RenameConstraint, "RENAME CONSTRAINT", AE, CatalogOnly, ""),
    form(F::EnableDisableTrigger, "ENABLE / DISABLE TRIGGER", SRE, CatalogOnly, ""),
    form(F::EnableDisableRule, "ENABLE / DISABLE RULE", AE, CatalogOnly, ""),
    form(F::RowLevelSecurity, "ENABLE / DISABLE / FORCE ROW LEVEL SECURITY", AE, CatalogOnly, ""),
    form(F::ReplicaIdentity, "REPLICA IDENTITY", AE, CatalogOnly, ""),
    form(F::SetLoggedUnlogged, "SET LOGGED / SET UNLOGGED", AE, Rewrite, "the table is copied into a new file"),
    form(F::SetTablespace, "SET TABLESPACE", AE, Rewrite, "the table's files are copied to the new tablespace"),
    form(F::SetStorageParameters, "SET ( storage_parameter = value )", SUE, CatalogOnly, "fillfactor and autovacuum settings apply from the next write or vacuum"),
    form(F::ClusterOn, "CLUSTER ON / SET WITHOUT CLUSTER", SUE, CatalogOnly, ""),
    form(F::OwnerTo, "OWNER TO", AE, CatalogOnly, ""),
    form(F::Inherit, "INHERIT / NO INHERIT", AE, CatalogOnly, ""),
    form(F::AttachPartitionParent, "ATTACH PARTITION (the partitioned table)", SUE, CatalogOnly, "since PostgreSQL 12 the parent takes only SHARE UPDATE EXCLUSIVE"),
    form(F::AttachPartition, "ATTACH PARTITION (the table attached)", AE, Scan, "the attached table is scanned to check its rows fit the bound, unless a valid CHECK constraint already proves it"),
    form(F::DetachPartition, "DETACH PARTITION", AE, CatalogOnly, "ACCESS EXCLUSIVE on the parent and the partition"),
    form(F::DetachPartitionConcurrently, "DETACH PARTITION ... CONCURRENTLY", SUE, CatalogOnly, "cannot run inside a transaction block"),
    form(F::OtherAlterTable, "other ALTER TABLE forms", AE, CatalogOnly, "ACCESS EXCLUSIVE unless the documentation says otherwise"),
];

/// The other statements a migration runs.
pub const STATEMENTS: &[Form] = &[
    form(F::CreateTable, "CREATE TABLE", AE, CatalogOnly, "a new table: nobody else can see it yet"),
    form(F::CreatePartitionOf, "CREATE TABLE ... PARTITION OF (the partitioned table)", AE, CatalogOnly, "unlike ATTACH PARTITION, which takes only SHARE UPDATE EXCLUSIVE on the parent"),
    form(F::CreateTableReferenced, "CREATE TABLE ... REFERENCES (the referenced table)", SRE, CatalogOnly, "the referenced table gets the foreign key's triggers"),
    form(F::CreateIndex, "CREATE INDEX", SH, IndexBuild, "writes wait for the whole build"),
    form(F::CreateIndexConcurrently, "CREATE INDEX CONCURRENTLY", SUE, IndexBuild, "two scans and waits for older transactions; cannot run inside a transaction block"),
    form(F::DropIndex, "DROP INDEX", AE, CatalogOnly, "ACCESS EXCLUSIVE on the index's table"),
    form(F::DropIndexConcurrently, "DROP INDEX CONCURRENTLY", SUE, CatalogOnly, "waits for transactions using the index; cannot run inside a transaction block"),
    form(F::Reindex, "REINDEX", SH, IndexBuild, "writes wait; reads that would use the index wait too (ACCESS EXCLUSIVE on the index)"),
    form(F::ReindexConcurrently, "REINDEX CONCURRENTLY", SUE, IndexBuild, "cannot run inside a transaction block"),
    form(F::RenameIndex, "ALTER INDEX RENAME", SUE, CatalogOnly, ""),
    form(F::DropTable, "DROP TABLE", AE, CatalogOnly, "also ACCESS EXCLUSIVE on the tables its foreign keys reference"),
    form(F::Truncate, "TRUNCATE", AE, CatalogOnly, "empties the table"),
    form(F::VacuumFull, "VACUUM FULL", AE, Rewrite, "writes a compacted copy of the table and its indexes"),
    form(F::Cluster, "CLUSTER", AE, Rewrite, "writes a copy of the table in index order, and rebuilds its indexes"),
    form(F::Vacuum, "VACUUM", SUE, Scan, "cannot run inside a transaction block"),
    form(F::Analyze, "ANALYZE", SUE, Scan, "reads a sample of the table"),
    form(F::Update, "UPDATE", RE, RowWrites, "locks every row it changes until the transaction ends"),
    form(F::Delete, "DELETE", RE, RowWrites, "locks every row it deletes until the transaction ends"),
    form(F::Insert, "INSERT", RE, RowWrites, ""),
    form(F::LockTable, "LOCK TABLE", AE, CatalogOnly, "the mode written in the statement"),
    form(F::CreateTrigger, "CREATE TRIGGER", SRE, CatalogOnly, ""),
    form(F::RefreshMaterializedView, "REFRESH MATERIALIZED VIEW", AE, Rewrite, "reads of the view wait for the refresh"),
    form(F::RefreshMaterializedViewConcurrently, "REFRESH MATERIALIZED VIEW CONCURRENTLY", EX, Rewrite, "reads go on; needs a unique index"),
];

/// The form with this id.
pub fn form_of(id: FormId) -> &'static Form {
    ALTER_TABLE.iter().chain(STATEMENTS).find(|f| f.id == id).expect("every FormId has a row in a table")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_exactly_one_row() {
        let mut seen = std::collections::HashSet::new();
        for f in ALTER_TABLE.iter().chain(STATEMENTS) {
            assert!(seen.insert(f.id), "{:?} twice", f.id);
            assert!(!f.syntax.is_empty());
        }
        // Spot-check that form_of finds rows of both tables.
        assert_eq!(form_of(F::AddColumn).syntax, ALTER_TABLE[0].syntax);
        assert_eq!(form_of(F::Insert).lock, RE);
    }

    #[test]
    fn alter_table_forms_follow_the_documentation() {
        // (form, lock, work) as the ALTER TABLE page and tablecmds.c state them.
        let expected = [
            (F::AddColumn, AE, CatalogOnly),
            (F::AddColumnVolatileDefault, AE, Rewrite),
            (F::AlterColumnTypeRewrite, AE, Rewrite),
            (F::AlterColumnTypeBinaryCompatible, AE, CatalogOnly),
            (F::SetNotNull, AE, Scan),
            (F::SetNotNullProvenByCheck, AE, CatalogOnly),
            (F::AddForeignKey, SRE, Scan),
            (F::AddForeignKeyNotValid, SRE, CatalogOnly),
            (F::AddCheck, AE, Scan),
            (F::ValidateConstraint, SUE, Scan),
            (F::SetStatistics, SUE, CatalogOnly),
            (F::SetStorageParameters, SUE, CatalogOnly),
            (F::EnableDisableTrigger, SRE, CatalogOnly),
            (F::AttachPartitionParent, SUE, CatalogOnly),
            (F::DetachPartitionConcurrently, SUE, CatalogOnly),
            (F::SetTablespace, AE, Rewrite),
        ];
        for (id, lock, work) in expected {
            let f = form_of(id);
            assert_eq!((f.lock, f.work), (lock, work), "{}", f.syntax);
        }
    }

    #[test]
    fn other_statements_follow_the_documentation() {
        let expected = [
            (F::CreateIndex, SH),
            (F::CreateIndexConcurrently, SUE),
            (F::DropIndex, AE),
            (F::DropIndexConcurrently, SUE),
            (F::ReindexConcurrently, SUE),
            (F::VacuumFull, AE),
            (F::Cluster, AE),
            (F::Vacuum, SUE),
            (F::Update, RE),
            (F::RefreshMaterializedViewConcurrently, EX),
        ];
        for (id, lock) in expected {
            assert_eq!(form_of(id).lock, lock, "{}", form_of(id).syntax);
        }
    }

    #[test]
    fn conflict_table_is_symmetric_and_matches_the_documentation() {
        for a in LockMode::ALL {
            for b in LockMode::ALL {
                assert_eq!(a.conflicts_with(b), b.conflicts_with(a), "{a} / {b}");
            }
        }
        assert!(!LockMode::ShareUpdateExclusive.blocks_writes());
        assert!(LockMode::ShareUpdateExclusive.conflicts_with(LockMode::ShareUpdateExclusive));
        assert!(!LockMode::Share.conflicts_with(LockMode::Share));
        assert!(LockMode::Share.blocks_writes() && !LockMode::Share.blocks_reads());
        assert!(LockMode::ShareRowExclusive.blocks_writes() && !LockMode::ShareRowExclusive.blocks_reads());
        assert!(LockMode::AccessExclusive.blocks_reads());
        assert!(!LockMode::Exclusive.blocks_reads());
        assert_eq!(LockMode::AccessExclusive.blocks(), "blocks reads and writes");
        assert!(LockMode::AccessShare < LockMode::AccessExclusive);
    }
}
