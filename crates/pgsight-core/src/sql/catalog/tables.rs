//! Tables: CREATE, ALTER (columns, constraints, partitions, identity), RENAME and
//! DROP, with the references other objects hold to them kept in step.

use sqlparser::ast::{AlterColumnOperation, AlterTable, AlterTableOperation, CreateTable, GeneratedAs, Ident, RenameTableNameKind};

use super::convert::{self, Constraint};
use super::types::{normalize, serial_base};
use super::{Catalog, Column, Identity, IdentityKind, Key, Location, PartitionOf, Sequence, Table};
use crate::sql::names::QualifiedName;

impl Catalog {
    pub(super) fn create_table(&mut self, create: &CreateTable, at: Location) {
        let Some(name) = self.name_for_create(&create.name) else { return };
        if create.if_not_exists && self.tables.contains_key(&name) {
            return;
        }
        let mut table = Table {
            schema: name.schema_or_default().to_owned(),
            name: name.name.clone(),
            partition_by: create.partition_by.as_ref().map(ToString::to_string),
            partition_of: None,
            unlogged: create.unlogged,
            row_level_security: false,
            columns: Vec::new(),
            primary_key: None,
            unique_constraints: Vec::new(),
            foreign_keys: Vec::new(),
            check_constraints: Vec::new(),
            exclusion_constraints: Vec::new(),
            indexes: Vec::new(),
            defined_at: at,
            stats: None,
        };
        let mut constraints = Vec::new();
        for def in &create.columns {
            let (column, column_constraints) = convert::column(&name.name, def, at);
            table.columns.push(column);
            constraints.extend(column_constraints);
        }
        constraints.extend(create.constraints.iter().filter_map(|c| convert::table_constraint(&name.name, c, false, at)));
        if let Some(parent) = create.partition_of.as_ref().and_then(QualifiedName::from_object_name) {
            let parent = self.resolve_table(&parent);
            // A partition has its parent's columns, plus whatever it declares itself.
            if let Some(parent_table) = self.tables.get(&parent) {
                let mut columns: Vec<Column> = parent_table.columns.iter().filter(|c| table.column(&c.name).is_none()).cloned().collect();
                columns.append(&mut table.columns);
                table.columns = columns;
            }
            let bound = create.for_values.as_ref().map(ToString::to_string).unwrap_or_default();
            table.partition_of = Some(PartitionOf { parent, bound });
        }
        // Only serial columns and `nextval` defaults have anything to finish.
        let column_names: Vec<String> = table.columns.iter().filter(|c| needs_finishing(c)).map(|c| c.name.clone()).collect();
        self.tables.insert(name.clone(), table);
        for constraint in constraints {
            self.add_constraint(&name, constraint, at);
        }
        for column in column_names {
            self.finish_column(&name, &column, at);
        }
    }

    /// Serial columns get their sequence; `nextval` defaults are linked to theirs
    /// (a no-op for columns without either: [`needs_finishing`]).
    fn finish_column(&mut self, table: &QualifiedName, column: &str, at: Location) {
        let Some(entry) = self.tables.get(table).and_then(|t| t.column(column)) else { return };
        let serial_without_sequence = entry.identity.as_ref().is_some_and(|i| i.kind == IdentityKind::Serial && i.sequence.is_none());
        if serial_without_sequence && entry.default_sequence.is_none() {
            let data_type = serial_base(&entry.data_type).map(str::to_owned);
            self.create_serial_sequence(table, column, data_type, at);
        }
        if let Some(sequence) = self.tables.get(table).and_then(|t| t.column(column)).and_then(|c| c.default_sequence.clone()) {
            let resolved = self.search_path.for_lookup(&sequence, |n| self.sequences.contains_key(n));
            if let Some(column) = self.column_mut(table, column) {
                column.default_sequence = Some(resolved);
            }
        }
        self.link_serial(table, column);
    }

    /// What `serial` does: a sequence `table_column_seq` owned by the column, drawn by its default.
    fn create_serial_sequence(&mut self, table: &QualifiedName, column: &str, data_type: Option<String>, at: Location) {
        let sequence = table.with_name(&format!("{}_{column}_seq", table.name));
        let owner = super::ColumnRef { table: table.clone(), column: column.to_owned() };
        let entry = Sequence {
            schema: table.schema_or_default().to_owned(),
            name: sequence.name.clone(),
            data_type,
            start: None,
            increment: None,
            cache: None,
            owned_by: Some(owner),
            defined_at: at,
        };
        self.sequences.insert(sequence.clone(), entry);
        if let Some(column) = self.column_mut(table, column) {
            column.default = Some(format!("nextval('{sequence}'::regclass)"));
            column.default_sequence = Some(sequence);
        }
    }

    /// Marks a column serial when its default draws from a sequence it owns, as
    /// pg_dump spells `serial`: CREATE SEQUENCE, `OWNED BY`, `DEFAULT nextval(...)`.
    pub(super) fn link_serial(&mut self, table: &QualifiedName, column: &str) {
        let Some(sequence) = self.tables.get(table).and_then(|t| t.column(column)).and_then(|c| c.default_sequence.clone()) else { return };
        let owned = self.sequences.get(&sequence).and_then(|s| s.owned_by.as_ref()).is_some_and(|o| &o.table == table && o.column == column);
        let Some(column) = self.column_mut(table, column) else { return };
        let explicit_identity = column.identity.as_ref().is_some_and(|i| i.kind != IdentityKind::Serial);
        if owned && !explicit_identity {
            column.identity = Some(Identity { kind: IdentityKind::Serial, sequence: Some(sequence) });
        }
    }

    pub(super) fn add_identity(&mut self, table: &QualifiedName, column: &str, kind: IdentityKind, sequence: Option<&QualifiedName>, at: Location) {
        let table = self.resolve_table(table);
        let sequence = sequence.map(|s| s.in_schema(table.schema_or_default()));
        match self.column_mut(&table, column) {
            Some(column) => {
                column.nullable = false;
                column.identity = Some(Identity { kind, sequence });
            }
            None => self.note(format!("ALTER TABLE refers to column {column} of {table}, which the script does not create"), at),
        }
    }

    pub(super) fn add_constraint(&mut self, table_name: &QualifiedName, constraint: Constraint, at: Location) {
        // Resolve what the constraint refers to before borrowing the table.
        let constraint = match constraint {
            Constraint::ForeignKey(mut fk) => {
                fk.referenced_table = self.resolve_table(&fk.referenced_table);
                if fk.referenced_columns.is_empty() {
                    let referenced_key = self.tables.get(&fk.referenced_table).and_then(|t| t.primary_key.as_ref());
                    fk.referenced_columns = referenced_key.map(|k| k.columns.clone()).unwrap_or_default();
                }
                Constraint::ForeignKey(fk)
            }
            other => other,
        };
        let Some(table) = self.tables.get_mut(table_name) else { return };
        match constraint {
            Constraint::PrimaryKey(key) => {
                for column in table.columns.iter_mut().filter(|c| key.columns.contains(&c.name)) {
                    column.nullable = false;
                }
                table.primary_key = Some(key);
            }
            Constraint::Unique(key) => table.unique_constraints.push(key),
            Constraint::ForeignKey(fk) => table.foreign_keys.push(fk),
            Constraint::Check(check) => table.check_constraints.push(check),
            Constraint::Exclusion(exclusion) => table.exclusion_constraints.push(exclusion),
            Constraint::UsingIndex { primary, name, index, deferrable } => {
                // The constraint takes the index over (and PostgreSQL renames it).
                let Some(position) = table.indexes.iter().position(|i| i.name == index) else {
                    return self.note(format!("ADD CONSTRAINT {name} USING INDEX {index}: no such index on {table_name}"), at);
                };
                let index = table.indexes.remove(position);
                let key = Key { name, columns: index.leading_columns(), include: index.include, nulls_not_distinct: index.nulls_not_distinct, deferrable, defined_at: at };
                if primary {
                    table.primary_key = Some(key);
                } else {
                    table.unique_constraints.push(key);
                }
            }
        }
    }

    pub(super) fn alter_table(&mut self, alter: &AlterTable, at: Location) {
        let Some(name) = QualifiedName::from_object_name(&alter.name) else { return };
        let table = self.resolve_table(&name);
        if !self.tables.contains_key(&table) {
            // pg_dump also uses ALTER TABLE for sequences and views; only ownership
            // changes there, which the catalog does not track.
            let other_relation = self.sequences.contains_key(&table) || self.views.contains_key(&table);
            let only_ownership = alter.operations.iter().all(|op| matches!(op, AlterTableOperation::OwnerTo { .. }));
            return self.forget(alter.if_exists || other_relation || only_ownership, "ALTER TABLE", &table, at);
        }
        for operation in &alter.operations {
            self.alter_table_operation(&table, operation, at);
        }
    }

    fn alter_table_operation(&mut self, table: &QualifiedName, operation: &AlterTableOperation, at: Location) {
        match operation {
            AlterTableOperation::AddConstraint { constraint, not_valid } => {
                if let Some(constraint) = convert::table_constraint(&table.name, constraint, *not_valid, at) {
                    self.add_constraint(table, constraint, at);
                }
            }
            AlterTableOperation::AddColumn { if_not_exists, column_def, .. } => {
                let (column, constraints) = convert::column(&table.name, column_def, at);
                let exists = self.tables.get(table).is_some_and(|t| t.column(&column.name).is_some());
                if exists && *if_not_exists {
                    return;
                }
                let column_name = column.name.clone();
                if let Some(entry) = self.tables.get_mut(table) {
                    entry.columns.retain(|c| c.name != column.name);
                    entry.columns.push(column);
                }
                for constraint in constraints {
                    self.add_constraint(table, constraint, at);
                }
                self.finish_column(table, &column_name, at);
            }
            AlterTableOperation::DropColumn { column_names, if_exists, .. } => {
                for column in column_names {
                    self.drop_column(table, &convert::name(column), *if_exists, at);
                }
            }
            AlterTableOperation::RenameColumn { old_column_name, new_column_name } => {
                self.rename_column(table, &convert::name(old_column_name), &convert::name(new_column_name), at);
            }
            AlterTableOperation::RenameTable { table_name: RenameTableNameKind::To(new) | RenameTableNameKind::As(new) } => {
                if let Some(new) = QualifiedName::from_object_name(new) {
                    self.rename_table(table, &new.name);
                }
            }
            AlterTableOperation::RenameConstraint { old_name, new_name } => self.rename_constraint(table, old_name, new_name, at),
            AlterTableOperation::DropConstraint { if_exists, name, .. } => {
                let name = convert::name(name);
                let found = self.tables.get_mut(table).is_some_and(|t| t.drop_constraint(&name));
                if !found && !*if_exists {
                    self.note(format!("DROP CONSTRAINT {name}: no such constraint on {table}"), at);
                }
            }
            AlterTableOperation::ValidateConstraint { name } => {
                if let Some(entry) = self.tables.get_mut(table) {
                    let name = convert::name(name);
                    entry.foreign_keys.iter_mut().filter(|fk| fk.name == name).for_each(|fk| fk.not_valid = false);
                    entry.check_constraints.iter_mut().filter(|c| c.name == name).for_each(|c| c.not_valid = false);
                }
            }
            AlterTableOperation::AlterColumn { column_name, op } => self.alter_column(table, &convert::name(column_name), op, at),
            AlterTableOperation::EnableRowLevelSecurity | AlterTableOperation::ForceRowLevelSecurity => self.set_table(table, |t| t.row_level_security = true),
            AlterTableOperation::DisableRowLevelSecurity => self.set_table(table, |t| t.row_level_security = false),
            AlterTableOperation::SetLogged => self.set_table(table, |t| t.unlogged = false),
            AlterTableOperation::SetUnlogged => self.set_table(table, |t| t.unlogged = true),
            _ => {}
        }
    }

    fn alter_column(&mut self, table: &QualifiedName, column: &str, op: &AlterColumnOperation, at: Location) {
        let Some(entry) = self.column_mut(table, column) else {
            return self.note(format!("ALTER COLUMN refers to column {column} of {table}, which the script does not create"), at);
        };
        match op {
            AlterColumnOperation::SetNotNull => entry.nullable = false,
            AlterColumnOperation::DropNotNull => entry.nullable = true,
            AlterColumnOperation::SetDefault { value } => convert::set_default(entry, value),
            AlterColumnOperation::DropDefault => {
                entry.default = None;
                entry.default_sequence = None;
                if entry.identity.as_ref().is_some_and(|i| i.kind == IdentityKind::Serial) {
                    entry.identity = None;
                }
            }
            AlterColumnOperation::SetDataType { data_type, .. } => {
                entry.data_type = convert::data_type(data_type);
                entry.normalized_type = normalize(&entry.data_type);
            }
            AlterColumnOperation::AddGenerated { generated_as, .. } => {
                let kind = if matches!(generated_as, Some(GeneratedAs::ByDefault)) { IdentityKind::ByDefault } else { IdentityKind::Always };
                convert::set_identity(entry, kind);
            }
        }
        if matches!(op, AlterColumnOperation::SetDefault { .. }) {
            self.finish_column(table, column, at);
        }
    }

    fn drop_column(&mut self, table: &QualifiedName, column: &str, if_exists: bool, at: Location) {
        let Some(entry) = self.tables.get_mut(table) else { return };
        if entry.column(column).is_none() {
            if !if_exists {
                self.note(format!("DROP COLUMN {column}: no such column in {table}"), at);
            }
            return;
        }
        // PostgreSQL drops the indexes and constraints that use the column with it.
        let uses = |columns: &[String]| columns.iter().any(|c| c == column);
        entry.columns.retain(|c| c.name != column);
        entry.indexes.retain(|i| !uses(&i.leading_columns()) && !i.keys.iter().any(|k| k.column.as_deref() == Some(column)) && !uses(&i.include));
        entry.primary_key = entry.primary_key.take().filter(|k| !uses(&k.columns));
        entry.unique_constraints.retain(|k| !uses(&k.columns));
        entry.foreign_keys.retain(|fk| !uses(&fk.columns));
        for other in self.tables.values_mut() {
            other.foreign_keys.retain(|fk| !(&fk.referenced_table == table && uses(&fk.referenced_columns)));
        }
    }

    fn rename_column(&mut self, table: &QualifiedName, old: &str, new: &str, at: Location) {
        let rename = |columns: &mut Vec<String>| columns.iter_mut().filter(|c| *c == old).for_each(|c| *c = new.to_owned());
        let Some(entry) = self.tables.get_mut(table) else { return };
        let Some(column) = entry.columns.iter_mut().find(|c| c.name == old) else {
            return self.note(format!("RENAME COLUMN {old}: no such column in {table}"), at);
        };
        column.name = new.to_owned();
        for key in entry.primary_key.iter_mut().chain(entry.unique_constraints.iter_mut()) {
            rename(&mut key.columns);
            rename(&mut key.include);
        }
        for fk in &mut entry.foreign_keys {
            rename(&mut fk.columns);
        }
        for index in &mut entry.indexes {
            rename(&mut index.include);
            index.keys.iter_mut().filter_map(|k| k.column.as_mut()).filter(|c| *c == old).for_each(|c| *c = new.to_owned());
        }
        for fk in self.tables.values_mut().flat_map(|t| t.foreign_keys.iter_mut()).filter(|fk| &fk.referenced_table == table) {
            rename(&mut fk.referenced_columns);
        }
        for owner in self.sequences.values_mut().filter_map(|s| s.owned_by.as_mut()).filter(|o| &o.table == table && o.column == old) {
            owner.column = new.to_owned();
        }
    }

    fn rename_table(&mut self, old: &QualifiedName, new_name: &str) {
        let Some(mut table) = self.tables.remove(old) else { return };
        let new = old.with_name(new_name);
        table.name = new_name.to_owned();
        self.tables.insert(new.clone(), table);
        for table in self.tables.values_mut() {
            for fk in table.foreign_keys.iter_mut().filter(|fk| &fk.referenced_table == old) {
                fk.referenced_table = new.clone();
            }
            if let Some(partition) = table.partition_of.as_mut().filter(|p| &p.parent == old) {
                partition.parent = new.clone();
            }
        }
        for owner in self.sequences.values_mut().filter_map(|s| s.owned_by.as_mut()).filter(|o| &o.table == old) {
            owner.table = new.clone();
        }
    }

    fn rename_constraint(&mut self, table: &QualifiedName, old: &Ident, new: &Ident, at: Location) {
        let (old, new) = (convert::name(old), convert::name(new));
        let Some(entry) = self.tables.get_mut(table) else { return };
        let mut names: Vec<&mut String> = entry.primary_key.iter_mut().chain(entry.unique_constraints.iter_mut()).map(|k| &mut k.name).collect();
        names.extend(entry.foreign_keys.iter_mut().map(|fk| &mut fk.name));
        names.extend(entry.check_constraints.iter_mut().map(|c| &mut c.name));
        names.extend(entry.exclusion_constraints.iter_mut().map(|c| &mut c.name));
        match names.into_iter().find(|n| **n == old) {
            Some(name) => *name = new,
            None => self.note(format!("RENAME CONSTRAINT {old}: no such constraint on {table}"), at),
        }
    }

    pub(super) fn attach_partition(&mut self, parent: &QualifiedName, partition: &QualifiedName, bound: &str, at: Location) {
        let parent = self.resolve_table(parent);
        let partition = self.resolve_table(partition);
        match self.tables.get_mut(&partition) {
            Some(table) => table.partition_of = Some(PartitionOf { parent, bound: bound.to_owned() }),
            None => self.forget(false, "ATTACH PARTITION", &partition, at),
        }
    }

    pub(super) fn detach_partition(&mut self, partition: &QualifiedName, at: Location) {
        let partition = self.resolve_table(partition);
        match self.tables.get_mut(&partition) {
            Some(table) => table.partition_of = None,
            None => self.forget(false, "DETACH PARTITION", &partition, at),
        }
    }

    /// DROP TABLE; partitions go with their parent, and (as CASCADE requires)
    /// foreign keys pointing at a dropped table go too.
    pub(super) fn drop_table(&mut self, name: &QualifiedName, if_exists: bool, at: Location) {
        let name = self.resolve_table(name);
        if self.tables.remove(&name).is_none() {
            return self.forget(if_exists, "DROP TABLE", &name, at);
        }
        let partitions: Vec<QualifiedName> = self.partitions_of(&name).map(Table::qualified_name).collect();
        for partition in partitions {
            self.drop_table(&partition, true, at);
        }
        for table in self.tables.values_mut() {
            table.foreign_keys.retain(|fk| fk.referenced_table != name);
        }
    }

    pub(super) fn column_mut(&mut self, table: &QualifiedName, column: &str) -> Option<&mut Column> {
        self.tables.get_mut(table)?.columns.iter_mut().find(|c| c.name == column)
    }

    fn set_table(&mut self, table: &QualifiedName, change: impl FnOnce(&mut Table)) {
        if let Some(table) = self.tables.get_mut(table) {
            change(table);
        }
    }
}

/// Whether [`Catalog::finish_column`] has anything to do for `column`.
fn needs_finishing(column: &Column) -> bool {
    column.default_sequence.is_some() || column.identity.as_ref().is_some_and(|i| i.kind == IdentityKind::Serial)
}

impl Table {
    /// Removes the constraint called `name`; false if there is none.
    fn drop_constraint(&mut self, name: &str) -> bool {
        let before = self.constraint_count();
        if self.primary_key.as_ref().is_some_and(|k| k.name == name) {
            self.primary_key = None;
        }
        self.unique_constraints.retain(|k| k.name != name);
        self.foreign_keys.retain(|fk| fk.name != name);
        self.check_constraints.retain(|c| c.name != name);
        self.exclusion_constraints.retain(|c| c.name != name);
        self.constraint_count() < before
    }

    fn constraint_count(&self) -> usize {
        usize::from(self.primary_key.is_some())
            + self.unique_constraints.len()
            + self.foreign_keys.len()
            + self.check_constraints.len()
            + self.exclusion_constraints.len()
    }
}
