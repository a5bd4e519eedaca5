//! Walking a statement: its query blocks (every SELECT, UPDATE and DELETE, nested
//! ones included) with their FROM clause and WHERE, and its queries (where ORDER BY,
//! LIMIT and OFFSET live), each with the names of the CTEs in scope.

use std::ops::ControlFlow;

use sqlparser::ast::{
    Delete, Expr, FromTable, Query, Select, SetExpr, Statement, TableWithJoins, Update, UpdateTableFromKind, Visit, Visitor,
};

use crate::sql::names::fold_ident;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Select,
    Update,
    Delete,
}

/// One query block: the relations it reads and the condition it filters them with.
pub struct Block<'s> {
    pub kind: BlockKind,
    /// FROM, with for UPDATE the target table first, for DELETE the USING list after.
    pub from: Vec<&'s TableWithJoins>,
    pub selection: Option<&'s Expr>,
    pub select: Option<&'s Select>,
    /// Names of the CTEs visible here (folded).
    pub ctes: &'s [String],
}

impl<'s> Block<'s> {
    fn of_update(update: &'s Update, ctes: &'s [String]) -> Self {
        let mut from = vec![&update.table];
        if let Some(UpdateTableFromKind::BeforeSet(tables) | UpdateTableFromKind::AfterSet(tables)) = &update.from {
            from.extend(tables);
        }
        Block { kind: BlockKind::Update, from, selection: update.selection.as_ref(), select: None, ctes }
    }

    fn of_delete(delete: &'s Delete, ctes: &'s [String]) -> Self {
        let mut from: Vec<&TableWithJoins> = match &delete.from {
            FromTable::WithFromKeyword(tables) | FromTable::WithoutKeyword(tables) => tables.iter().collect(),
        };
        if let Some(using) = &delete.using {
            from.extend(using);
        }
        Block { kind: BlockKind::Delete, from, selection: delete.selection.as_ref(), select: None, ctes }
    }
}

type QueryCallback<'f> = &'f mut dyn FnMut(&Query, &[String]);

struct BlockVisitor<'f> {
    ctes: Vec<Vec<String>>,
    f: &'f mut dyn FnMut(&Block<'_>),
    queries: Option<QueryCallback<'f>>,
}

impl BlockVisitor<'_> {
    fn visible(&self) -> Vec<String> {
        self.ctes.concat()
    }
}

impl Visitor for BlockVisitor<'_> {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        let names = query.with.iter().flat_map(|w| &w.cte_tables).map(|cte| fold_ident(&cte.alias.name)).collect();
        self.ctes.push(names);
        if let Some(f) = self.queries.as_mut() {
            let visible = self.ctes.concat();
            f(query, &visible);
        }
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _query: &Query) -> ControlFlow<()> {
        self.ctes.pop();
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, select: &Select) -> ControlFlow<()> {
        let ctes = self.visible();
        let block = Block { kind: BlockKind::Select, from: select.from.iter().collect(), selection: select.selection.as_ref(), select: Some(select), ctes: &ctes };
        (self.f)(&block);
        ControlFlow::Continue(())
    }

    fn pre_visit_statement(&mut self, statement: &Statement) -> ControlFlow<()> {
        let ctes = self.visible();
        match statement {
            Statement::Update(update) => (self.f)(&Block::of_update(update, &ctes)),
            Statement::Delete(delete) => (self.f)(&Block::of_delete(delete, &ctes)),
            _ => {}
        }
        ControlFlow::Continue(())
    }
}

/// Calls `f` on every query block of `statement`, outer blocks first.
pub fn for_each_block(statement: &Statement, mut f: impl FnMut(&Block<'_>)) {
    let mut visitor = BlockVisitor { ctes: Vec::new(), f: &mut f, queries: None };
    let _ = statement.visit(&mut visitor);
}

/// Calls `f` on every query of `statement` (the statement's own, subqueries, CTE
/// bodies), with the CTE names visible inside it.
pub fn for_each_query(statement: &Statement, mut f: impl FnMut(&Query, &[String])) {
    let mut ignore = |_: &Block<'_>| {};
    let mut visitor = BlockVisitor { ctes: Vec::new(), f: &mut ignore, queries: Some(&mut f) };
    let _ = statement.visit(&mut visitor);
}

/// The SELECTs whose rows the statement returns: the statement's own query body,
/// through UNION / INTERSECT / EXCEPT and parentheses. Subqueries are not included.
pub fn top_selects(statement: &Statement) -> Vec<&Select> {
    match statement {
        Statement::Query(query) => body_selects(&query.body),
        _ => Vec::new(),
    }
}

/// The statement's own query, for a plain query statement.
pub fn top_query(statement: &Statement) -> Option<&Query> {
    match statement {
        Statement::Query(query) => Some(query),
        _ => None,
    }
}

/// The statement's own query, mutable.
pub fn top_query_mut(statement: &mut Statement) -> Option<&mut Query> {
    match statement {
        Statement::Query(query) => Some(query),
        _ => None,
    }
}

/// The query's single SELECT, mutable.
pub fn single_select_mut(query: &mut Query) -> Option<&mut Select> {
    match query.body.as_mut() {
        SetExpr::Select(select) => Some(select),
        _ => None,
    }
}

fn body_selects(body: &SetExpr) -> Vec<&Select> {
    match body {
        SetExpr::Select(select) => vec![select],
        SetExpr::Query(query) => body_selects(&query.body),
        SetExpr::SetOperation { left, right, .. } => {
            let mut all = body_selects(left);
            all.extend(body_selects(right));
            all
        }
        _ => Vec::new(),
    }
}

/// The query's single SELECT, when its body is one (no UNION).
pub fn single_select(query: &Query) -> Option<&Select> {
    match query.body.as_ref() {
        SetExpr::Select(select) => Some(select),
        SetExpr::Query(inner) if inner.order_by.is_none() && inner.limit_clause.is_none() => single_select(inner),
        _ => None,
    }
}

/// The CTE names a top-level query declares.
pub fn cte_names(query: &Query) -> Vec<String> {
    query.with.iter().flat_map(|w| &w.cte_tables).map(|cte| fold_ident(&cte.alias.name)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn statement(sql: &str) -> Statement {
        crate::sql::parse_script(sql).statements.remove(0).statement().expect("parsed").clone()
    }

    #[test]
    fn finds_nested_blocks_with_their_ctes() {
        let s = statement("WITH recent AS (SELECT * FROM orders WHERE created_at > now() - interval '1 day') SELECT * FROM recent WHERE customer_id IN (SELECT id FROM customers)");
        let mut seen = Vec::new();
        for_each_block(&s, |b| seen.push((b.from.len(), b.selection.is_some(), b.ctes.to_vec())));
        assert_eq!(seen.len(), 3, "{}", seen.len());
        assert!(seen.iter().all(|(_, _, ctes)| ctes == &["recent".to_owned()]));
        let s = statement("DELETE FROM t USING u WHERE t.id = u.id");
        let mut kinds = Vec::new();
        for_each_block(&s, |b| kinds.push((b.kind, b.from.len())));
        assert_eq!(kinds, vec![(BlockKind::Delete, 2)]);
    }
}
