//! Indexes: CREATE INDEX on tables and materialized views, DROP, RENAME, and the
//! ATTACH PARTITION that joins a partition's index to its parent's.

use sqlparser::ast::{CreateIndex, ObjectName};

use super::convert;
use super::{Catalog, Index, Location};
use crate::sql::names::QualifiedName;

impl Catalog {
    pub(super) fn create_index(&mut self, create: &CreateIndex, only: bool, at: Location) {
        let Some(on) = QualifiedName::from_object_name(&create.table_name) else { return };
        let on = self.search_path.for_lookup(&on, |n| self.tables.contains_key(n) || self.views.contains_key(n));
        let keys: Vec<_> = create.columns.iter().map(convert::index_key).collect();
        let name = match create.name.as_ref().and_then(QualifiedName::from_object_name) {
            Some(name) => name.name,
            None => convert::default_name(&on.name, &keys.iter().filter_map(|k| k.column.clone()).collect::<Vec<_>>(), "idx"),
        };
        let index = Index {
            schema: on.schema_or_default().to_owned(),
            name,
            unique: create.unique,
            method: create.using.as_ref().map_or_else(|| "btree".to_owned(), |m| m.to_string().to_ascii_lowercase()),
            keys,
            include: convert::names(&create.include),
            predicate: create.predicate.as_ref().map(ToString::to_string),
            nulls_not_distinct: create.nulls_distinct == Some(false),
            concurrently: create.concurrently,
            only,
            parent_index: None,
            defined_at: at,
            stats: None,
        };
        let indexes = match (self.tables.get_mut(&on), self.views.get_mut(&on)) {
            (Some(table), _) => &mut table.indexes,
            (None, Some(view)) => &mut view.indexes,
            (None, None) => return self.forget(false, "CREATE INDEX", &on, at),
        };
        if indexes.iter().any(|i| i.name == index.name) {
            if !create.if_not_exists {
                let message = format!("CREATE INDEX {}: {on} already has an index of that name", index.name);
                self.note(message, at);
            }
            return;
        }
        indexes.push(index);
    }

    /// The relation (table or materialized view) holding index `name` and the
    /// index's position there, looked up along the search_path.
    fn find_index(&self, name: &QualifiedName) -> Option<(QualifiedName, usize)> {
        let holds = |schema: &str| {
            let tables = self.tables.iter().map(|(n, t)| (n, &t.indexes));
            let views = self.views.iter().map(|(n, v)| (n, &v.indexes));
            tables.chain(views).filter(|(n, _)| n.schema.as_deref() == Some(schema)).find_map(|(n, indexes)| {
                indexes.iter().position(|i| i.name == name.name).map(|position| (n.clone(), position))
            })
        };
        let qualified = self.search_path.for_lookup(name, |candidate| holds(candidate.schema_or_default()).is_some());
        holds(qualified.schema_or_default())
    }

    fn indexes_mut(&mut self, relation: &QualifiedName) -> Option<&mut Vec<Index>> {
        match self.tables.get_mut(relation) {
            Some(table) => Some(&mut table.indexes),
            None => self.views.get_mut(relation).map(|v| &mut v.indexes),
        }
    }

    pub(super) fn drop_index(&mut self, name: &QualifiedName, if_exists: bool, at: Location) {
        match self.find_index(name) {
            Some((relation, position)) => {
                if let Some(indexes) = self.indexes_mut(&relation) {
                    indexes.remove(position);
                }
            }
            None => self.forget(if_exists, "DROP INDEX", name, at),
        }
    }

    /// ALTER INDEX ... RENAME TO; renaming a constraint's index renames the constraint.
    pub(super) fn rename_index(&mut self, old: &ObjectName, new: &ObjectName, at: Location) {
        let (Some(old), Some(new)) = (QualifiedName::from_object_name(old), QualifiedName::from_object_name(new)) else { return };
        if let Some((relation, position)) = self.find_index(&old) {
            if let Some(index) = self.indexes_mut(&relation).and_then(|i| i.get_mut(position)) {
                index.name = new.name;
            }
            return;
        }
        let constraint = self.tables.values_mut().flat_map(|t| t.primary_key.iter_mut().chain(t.unique_constraints.iter_mut())).find(|k| k.name == old.name);
        match constraint {
            Some(key) => key.name = new.name,
            None => self.forget(false, "ALTER INDEX", &old, at),
        }
    }

    /// ALTER INDEX parent ATTACH PARTITION child. Indexes behind constraints are
    /// attached too in pg_dump output; the catalog keeps those as constraints and
    /// has nothing to record for them.
    pub(super) fn attach_index_partition(&mut self, parent: &QualifiedName, partition: &QualifiedName) {
        let parent = self.find_index(parent).map_or_else(|| parent.clone(), |(relation, _)| parent.in_schema(relation.schema_or_default()));
        if let Some((relation, position)) = self.find_index(partition) {
            if let Some(index) = self.indexes_mut(&relation).and_then(|i| i.get_mut(position)) {
                index.parent_index = Some(parent);
            }
        }
    }
}
