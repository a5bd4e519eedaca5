//! Applying one statement to the catalog: the dispatch, and the objects that are
//! not tables or indexes (schemas, sequences, views, types, domains, extensions,
//! the search_path).

use sqlparser::ast::{
    AlterIndexOperation, AlterType, AlterTypeAddValuePosition, AlterTypeOperation, CreateDomain, CreateExtension, CreateView, ObjectName, ObjectType,
    SchemaName, Statement, TableConstraint, UserDefinedTypeRepresentation,
};

use super::convert;
use super::types::normalize;
use super::{Attribute, Catalog, CatalogNote, ColumnRef, Domain, Extension, IdentityKind, Location, Schema, Sequence, TypeDef, TypeKind, View};
use crate::sql::adjust::Adjustment;
use crate::sql::names::{QualifiedName, SearchPath};
use crate::sql::parse::{ParsedStatement, StatementClass};
use crate::sql::recognize::{OwnedBy, Recognized, SequenceOptions};

impl Catalog {
    /// Applies one statement; statements that define nothing are ignored.
    pub fn apply(&mut self, statement: &ParsedStatement) {
        let at = Location { statement: statement.index, line: statement.span.line, column: statement.span.column };
        match &statement.class {
            StatementClass::Parsed { statement, adjustments } => self.apply_parsed(statement, adjustments, at),
            StatementClass::Recognized(recognized) => self.apply_recognized(recognized, at),
            StatementClass::Irrelevant { .. } | StatementClass::Unknown { .. } | StatementClass::Applied => {}
        }
    }

    fn apply_parsed(&mut self, statement: &Statement, adjustments: &[Adjustment], at: Location) {
        match statement {
            Statement::CreateSchema { schema_name, if_not_exists, .. } => self.create_schema(schema_name, *if_not_exists, at),
            Statement::CreateTable(create) => self.create_table(create, at),
            Statement::AlterTable(alter) => self.alter_table(alter, at),
            Statement::CreateIndex(create) => self.create_index(create, adjustments.contains(&Adjustment::IndexOnOnly), at),
            Statement::AlterIndex { name, operation: AlterIndexOperation::RenameIndex { index_name } } => self.rename_index(name, index_name, at),
            Statement::Drop { object_type, names, if_exists, .. } => {
                for name in names.iter().filter_map(QualifiedName::from_object_name) {
                    self.drop_object(*object_type, &name, *if_exists, at);
                }
            }
            Statement::DropDomain(drop) => {
                if let Some(name) = QualifiedName::from_object_name(&drop.name) {
                    let name = self.search_path.for_lookup(&name, |n| self.domains.contains_key(n));
                    let found = self.domains.remove(&name).is_some() || drop.if_exists;
                    self.forget(found, "DROP DOMAIN", &name, at);
                }
            }
            Statement::CreateView(view) => self.create_view(view, !adjustments.contains(&Adjustment::WithNoData), at),
            Statement::CreateType { name, representation } => self.create_type(name, representation.as_ref(), at),
            Statement::AlterType(alter) => self.alter_type(alter, at),
            Statement::CreateDomain(domain) => self.create_domain(domain, adjustments.contains(&Adjustment::DomainNotNull), at),
            Statement::CreateExtension(extension) => self.create_extension(extension, at),
            _ => {}
        }
    }

    fn apply_recognized(&mut self, recognized: &Recognized, at: Location) {
        match recognized {
            Recognized::CreateSequence { name, if_not_exists, options } => self.create_sequence(name, *if_not_exists, options, at),
            Recognized::AlterSequence { name, if_exists, options, rename_to } => self.alter_sequence(name, *if_exists, options, rename_to.as_deref(), at),
            Recognized::AttachPartition { parent, partition, bound } => self.attach_partition(parent, partition, bound, at),
            Recognized::DetachPartition { partition, .. } => self.detach_partition(partition, at),
            Recognized::AttachIndexPartition { parent, partition } => self.attach_index_partition(parent, partition),
            Recognized::AddIdentity { table, column, always, options } => {
                let kind = if *always { IdentityKind::Always } else { IdentityKind::ByDefault };
                self.add_identity(table, column, kind, options.sequence_name.as_ref(), at);
            }
            Recognized::DropIndex { names, if_exists, .. } => {
                for name in names {
                    self.drop_index(name, *if_exists, at);
                }
            }
            Recognized::Reindex { .. } | Recognized::RefreshMaterializedView { .. } => {}
            Recognized::SetSearchPath { schemas } => self.search_path = schemas.as_deref().map(SearchPath::new).unwrap_or_default(),
        }
    }

    /// Records that a statement referred to something the catalog lacks, unless `found`.
    pub(super) fn forget(&mut self, found: bool, statement: &str, name: &QualifiedName, at: Location) {
        if !found {
            self.note(format!("{statement} refers to {name}, which the script does not create"), at);
        }
    }

    pub(super) fn note(&mut self, message: String, location: Location) {
        self.notes.push(CatalogNote { message, location });
    }

    /// Resolves a name for CREATE along the current search_path.
    pub(super) fn name_for_create(&self, name: &ObjectName) -> Option<QualifiedName> {
        QualifiedName::from_object_name(name).map(|n| self.search_path.for_create(&n))
    }

    fn create_schema(&mut self, schema: &SchemaName, if_not_exists: bool, at: Location) {
        let name = match schema {
            SchemaName::Simple(name) | SchemaName::NamedAuthorization(name, _) => QualifiedName::from_object_name(name).map(|n| n.name),
            SchemaName::UnnamedAuthorization(role) => Some(convert::name(role)),
        };
        let Some(name) = name else { return };
        if if_not_exists && self.schemas.iter().any(|s| s.name == name) {
            return;
        }
        self.schemas.retain(|s| s.name != name);
        self.schemas.push(Schema { name, defined_at: at });
    }

    fn drop_object(&mut self, object_type: ObjectType, name: &QualifiedName, if_exists: bool, at: Location) {
        match object_type {
            ObjectType::Table => self.drop_table(name, if_exists, at),
            ObjectType::Index => self.drop_index(name, if_exists, at),
            ObjectType::View | ObjectType::MaterializedView => {
                let name = self.search_path.for_lookup(name, |n| self.views.contains_key(n));
                let found = self.views.remove(&name).is_some() || if_exists;
                self.forget(found, "DROP VIEW", &name, at);
            }
            ObjectType::Sequence => {
                let name = self.search_path.for_lookup(name, |n| self.sequences.contains_key(n));
                let found = self.sequences.remove(&name).is_some() || if_exists;
                self.forget(found, "DROP SEQUENCE", &name, at);
            }
            ObjectType::Type => {
                let name = self.search_path.for_lookup(name, |n| self.types.contains_key(n));
                let found = self.types.remove(&name).is_some() || if_exists;
                self.forget(found, "DROP TYPE", &name, at);
            }
            ObjectType::Schema => self.drop_schema(&name.name),
            _ => {}
        }
    }

    /// DROP SCHEMA: only CASCADE can drop a schema that holds objects, so they all go.
    fn drop_schema(&mut self, schema: &str) {
        let outside = |name: &QualifiedName| name.schema.as_deref() != Some(schema);
        self.schemas.retain(|s| s.name != schema);
        self.tables.retain(|name, _| outside(name));
        self.sequences.retain(|name, _| outside(name));
        self.views.retain(|name, _| outside(name));
        self.types.retain(|name, _| outside(name));
        self.domains.retain(|name, _| outside(name));
    }

    fn create_sequence(&mut self, name: &QualifiedName, if_not_exists: bool, options: &SequenceOptions, at: Location) {
        let name = self.search_path.for_create(name);
        if if_not_exists && self.sequences.contains_key(&name) {
            return;
        }
        let sequence = Sequence {
            schema: name.schema_or_default().to_owned(),
            name: name.name.clone(),
            data_type: options.data_type.as_deref().map(normalize),
            start: options.start,
            increment: options.increment,
            cache: options.cache,
            owned_by: None,
            defined_at: at,
        };
        self.sequences.insert(name.clone(), sequence);
        if let Some(owned_by) = &options.owned_by {
            self.set_sequence_owner(&name, owned_by);
        }
    }

    fn alter_sequence(&mut self, name: &QualifiedName, if_exists: bool, options: &SequenceOptions, rename_to: Option<&str>, at: Location) {
        let name = self.search_path.for_lookup(name, |n| self.sequences.contains_key(n));
        let Some(sequence) = self.sequences.get_mut(&name) else {
            return self.forget(if_exists, "ALTER SEQUENCE", &name, at);
        };
        sequence.data_type = options.data_type.as_deref().map(normalize).or(sequence.data_type.take());
        sequence.start = options.start.or(sequence.start);
        sequence.increment = options.increment.or(sequence.increment);
        sequence.cache = options.cache.or(sequence.cache);
        if let Some(owned_by) = &options.owned_by {
            self.set_sequence_owner(&name, owned_by);
        }
        if let Some(new_name) = rename_to {
            if let Some(mut sequence) = self.sequences.remove(&name) {
                sequence.name = new_name.to_owned();
                self.sequences.insert(name.with_name(new_name), sequence);
            }
        }
    }

    fn set_sequence_owner(&mut self, sequence: &QualifiedName, owned_by: &OwnedBy) {
        let owner = match owned_by {
            OwnedBy::None => None,
            OwnedBy::Column { table, column } => Some(ColumnRef { table: self.resolve_table(table), column: column.clone() }),
        };
        if let Some(entry) = self.sequences.get_mut(sequence) {
            entry.owned_by = owner.clone();
        }
        if let Some(owner) = owner {
            self.link_serial(&owner.table, &owner.column);
        }
    }

    fn create_view(&mut self, view: &CreateView, populated: bool, at: Location) {
        let Some(name) = self.name_for_create(&view.name) else { return };
        if view.if_not_exists && self.views.contains_key(&name) {
            return;
        }
        let schema = name.schema_or_default().to_owned();
        let entry = View { schema, name: name.name.clone(), materialized: view.materialized, populated, indexes: Vec::new(), defined_at: at };
        self.views.insert(name, entry);
    }

    fn create_type(&mut self, name: &ObjectName, representation: Option<&UserDefinedTypeRepresentation>, at: Location) {
        let Some(name) = self.name_for_create(name) else { return };
        let kind = match representation {
            Some(UserDefinedTypeRepresentation::Enum { labels }) => TypeKind::Enum { values: labels.iter().map(|l| l.value.clone()).collect() },
            Some(UserDefinedTypeRepresentation::Composite { attributes }) => TypeKind::Composite {
                attributes: attributes.iter().map(|a| Attribute { name: convert::name(&a.name), data_type: convert::data_type(&a.data_type) }).collect(),
            },
            Some(UserDefinedTypeRepresentation::Range { .. }) => TypeKind::Range,
            _ => TypeKind::Other,
        };
        let schema = name.schema_or_default().to_owned();
        self.types.insert(name.clone(), TypeDef { schema, name: name.name, kind, defined_at: at });
    }

    fn alter_type(&mut self, alter: &AlterType, at: Location) {
        let Some(name) = QualifiedName::from_object_name(&alter.name) else { return };
        let name = self.search_path.for_lookup(&name, |n| self.types.contains_key(n));
        let Some(type_def) = self.types.get_mut(&name) else {
            return self.forget(false, "ALTER TYPE", &name, at);
        };
        match (&alter.operation, &mut type_def.kind) {
            (AlterTypeOperation::AddValue(add), TypeKind::Enum { values }) => {
                let value = add.value.value.clone();
                if values.contains(&value) {
                    return;
                }
                let position = match &add.position {
                    Some(AlterTypeAddValuePosition::Before(before)) => values.iter().position(|v| *v == before.value),
                    Some(AlterTypeAddValuePosition::After(after)) => values.iter().position(|v| *v == after.value).map(|i| i + 1),
                    None => None,
                };
                values.insert(position.unwrap_or(values.len()), value);
            }
            (AlterTypeOperation::RenameValue(rename), TypeKind::Enum { values }) => {
                for value in values.iter_mut().filter(|v| **v == rename.from.value) {
                    value.clone_from(&rename.to.value);
                }
            }
            (AlterTypeOperation::Rename(rename), _) => {
                let new_name = convert::name(&rename.new_name);
                if let Some(mut type_def) = self.types.remove(&name) {
                    type_def.name.clone_from(&new_name);
                    self.types.insert(name.with_name(&new_name), type_def);
                }
            }
            _ => {}
        }
    }

    fn create_domain(&mut self, domain: &CreateDomain, not_null: bool, at: Location) {
        let Some(name) = self.name_for_create(&domain.name) else { return };
        let data_type = convert::data_type(&domain.data_type);
        let checks = domain
            .constraints
            .iter()
            .filter_map(|c| match c {
                TableConstraint::Check(check) => Some(check.expr.to_string()),
                _ => None,
            })
            .collect();
        let entry = Domain {
            schema: name.schema_or_default().to_owned(),
            name: name.name.clone(),
            normalized_type: normalize(&data_type),
            data_type,
            not_null,
            default: domain.default.as_ref().map(ToString::to_string),
            checks,
            defined_at: at,
        };
        self.domains.insert(name, entry);
    }

    fn create_extension(&mut self, extension: &CreateExtension, at: Location) {
        let extension_name = convert::name(&extension.name);
        if self.extensions.iter().any(|e| e.name == extension_name) {
            return;
        }
        let schema = extension.schema.as_ref().map(convert::name);
        self.extensions.push(Extension { name: extension_name, schema, defined_at: at });
    }
}

impl QualifiedName {
    /// The same schema, another name (what RENAME TO does).
    pub(super) fn with_name(&self, name: &str) -> QualifiedName {
        QualifiedName { schema: self.schema.clone(), name: name.to_owned() }
    }
}
