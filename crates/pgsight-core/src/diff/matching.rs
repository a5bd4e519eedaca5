//! Which node of the after plan is which node of the before plan.
//!
//! 1. Top-down from the roots: the children of each matched pair are aligned, first by
//!    identical label (node type, index, relation, alias: [`Change::Same`]) over the same
//!    relations, then relaxed:
//!    the same relation read another way ([`Change::ScanChanged`]), a join over the same
//!    relations with another method ([`Change::JoinChanged`]), a node of the same family
//!    over the same relations ([`Change::Replaced`]: Sort and Incremental Sort, Materialize
//!    and Memoize, HashAggregate and GroupAggregate). Children left over are looked
//!    through, level by level, on both sides: a Gather added above a scan, a Sort that an
//!    ordered Index Scan made unnecessary, or a Hash under a new Hash Join do not hide the
//!    nodes below them. The nodes looked through stay candidates themselves. Last, an
//!    identical label over other relations (an Aggregate above partitions pruned another
//!    way; never a join, whose identity is its inputs).
//! 2. What is still unmatched is matched across the whole plan: nodes reading the same
//!    relation ([`Change::Moved`] when nothing else changed), then nodes of the same
//!    family over the same relations. Their children are aligned as in 1.
//!
//! Everything is iterative (plans may be 10,000 levels deep) and every node is looked up
//! in hash indexes a bounded number of times, so matching is linear in the plan sizes.

use std::collections::{HashMap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::plan::{NodeId, Plan, PlanNode};

/// How a node of one plan relates to the other plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// Same node type, index and relation, at the same place (nodes added or removed
    /// around it that only pass rows through, such as Gather or Sort, do not count).
    Same,
    /// Same node type, index and relation, elsewhere in the tree.
    Moved,
    /// The same relation read another way: Seq Scan became Index Scan, another index.
    ScanChanged,
    /// A join over the same relations with another method or join type.
    JoinChanged,
    /// Another node of the same family over the same relations (Sort and Incremental
    /// Sort, HashAggregate and GroupAggregate, Materialize and Memoize).
    Replaced,
    /// Only in the after plan.
    Added,
    /// Only in the before plan.
    Removed,
}

impl Change {
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Moved => "moved",
            Change::ScanChanged => "scan changed",
            Change::JoinChanged => "join changed",
            Change::Replaced => "replaced",
            Change::Added => "added",
            Change::Removed => "removed",
        }
    }

    /// True when the node is matched but now runs another way.
    pub fn is_reshaped(self) -> bool {
        matches!(self, Change::ScanChanged | Change::JoinChanged | Change::Replaced)
    }
}

/// The matching of two plans, by node id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Matching {
    /// For each before node: its after node and how it changed.
    pub after_of: Vec<Option<(NodeId, Change)>>,
    /// For each after node: its before node.
    pub before_of: Vec<Option<NodeId>>,
}

impl Matching {
    pub fn pairs(&self) -> impl Iterator<Item = (NodeId, NodeId, Change)> + '_ {
        self.after_of.iter().enumerate().filter_map(|(b, m)| m.map(|(a, c)| (b, a, c)))
    }
}

/// Nodes that only pass rows through (or build a side input): adding or removing one
/// does not move the nodes below it.
pub fn is_pass_through(node_type: &str) -> bool {
    matches!(node_type, "Gather" | "Gather Merge" | "Hash" | "Sort" | "Incremental Sort" | "Materialize" | "Memoize")
}

pub fn is_join(node_type: &str) -> bool {
    matches!(node_type, "Nested Loop" | "Hash Join" | "Merge Join")
}

pub fn is_scan(node_type: &str) -> bool {
    node_type.ends_with(" Scan")
}

/// Nodes that may replace one another when they work over the same relations.
fn family(node_type: &str) -> &str {
    match node_type {
        t if is_join(t) => "join",
        t if is_scan(t) => "scan",
        "Sort" | "Incremental Sort" => "sort",
        "Gather" | "Gather Merge" => "gather",
        "Materialize" | "Memoize" => "cache",
        "Append" | "Merge Append" => "append",
        "Aggregate" | "Group" => "aggregate",
        "SetOp" | "HashSetOp" => "setop",
        t => t,
    }
}

/// What the matcher needs of one node, computed once.
struct Info {
    label: String,
    /// The relation (schema-qualified when VERBOSE), CTE or function the node reads.
    target: Option<String>,
    family: String,
    /// Order-independent hash of the targets in the subtree (0: none).
    signature: u64,
}

fn infos(plan: &Plan) -> Vec<Info> {
    let mut out: Vec<Info> = plan
        .nodes
        .iter()
        .map(|n| {
            let f = &n.fields;
            let target = n.qualified_relation().or_else(|| f.cte_name.clone()).or_else(|| f.function_name.clone());
            let signature = target.as_deref().map_or(0, fnv);
            Info { label: n.label(), target, family: family(n.node_type()).to_owned(), signature }
        })
        .collect();
    // Children follow their parent in the arena: a backward pass sees them first.
    for id in (0..plan.nodes.len()).rev() {
        if let Some(p) = plan.nodes[id].parent {
            out[p].signature = out[p].signature.wrapping_add(out[id].signature);
        }
    }
    out
}

fn fnv(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h | 1 // never 0, which means "no relation"
}

/// How `b` and `a` may be matched outside an identical label, if at all.
fn relaxed(bn: &PlanNode, b: &Info, an: &PlanNode, a: &Info) -> Option<Change> {
    if b.label == a.label {
        return Some(Change::Same);
    }
    if b.target.is_some() || a.target.is_some() {
        if b.target != a.target {
            return None;
        }
        let (bf, af) = (&bn.fields, &an.fields);
        let same_kind = bf.node_type == af.node_type && bf.index_name == af.index_name && bf.parallel_aware == af.parallel_aware;
        return Some(if same_kind {
            Change::Same // only the alias changed
        } else if is_scan(bn.node_type()) && is_scan(an.node_type()) {
            Change::ScanChanged
        } else {
            Change::Replaced
        });
    }
    if b.family != a.family || b.signature != a.signature {
        return None;
    }
    Some(match b.family.as_str() {
        "join" => Change::JoinChanged,
        "scan" => Change::ScanChanged, // Bitmap Index Scans on another index
        _ => Change::Replaced,
    })
}

/// One side of the matcher: a plan and its per-node state.
struct Side<'p> {
    plan: &'p Plan,
    info: Vec<Info>,
    matched: Vec<bool>,
    /// Exposed to an alignment already (each node is, at most once).
    exposed: Vec<bool>,
    /// Looked through: its children were exposed to the alignment it was in.
    expanded: Vec<bool>,
    /// Reached by looking through a node that does more than pass rows through.
    moved: Vec<bool>,
}

impl<'p> Side<'p> {
    fn new(plan: &'p Plan) -> Self {
        let n = plan.nodes.len();
        Self { plan, info: infos(plan), matched: vec![false; n], exposed: vec![false; n], expanded: vec![false; n], moved: vec![false; n] }
    }

    /// The children of `level`'s nodes not exposed yet, marked as reached through them.
    fn expand(&mut self, level: &[NodeId]) -> Vec<NodeId> {
        let mut next = Vec::new();
        for &id in level {
            self.expanded[id] = true;
            let node = &self.plan.nodes[id];
            let through = self.moved[id] || (!self.matched[id] && !is_pass_through(node.node_type()));
            for &child in &node.children {
                if !self.exposed[child] {
                    self.moved[child] = through;
                    next.push(child);
                }
            }
        }
        next
    }
}

/// Candidates of one side within one alignment (or the global pass), by key.
#[derive(Default)]
struct Index {
    by_label_sig: HashMap<(String, u64), VecDeque<NodeId>>,
    /// Only nodes that may match on their label alone (see [`Pass::LabelOnly`]).
    by_label: HashMap<String, VecDeque<NodeId>>,
    by_target: HashMap<String, VecDeque<NodeId>>,
    /// By target and alias: in a self-join, `nodes parent` stays `nodes parent`.
    by_alias: HashMap<(String, String), VecDeque<NodeId>>,
    by_family: HashMap<(String, u64), VecDeque<NodeId>>,
}

impl Index {
    fn add(&mut self, side: &Side, id: NodeId) {
        let info = &side.info[id];
        self.by_label_sig.entry((info.label.clone(), info.signature)).or_default().push_back(id);
        if label_only_ok(side.plan.nodes[id].node_type()) {
            self.by_label.entry(info.label.clone()).or_default().push_back(id);
        }
        match &info.target {
            Some(t) => {
                self.by_target.entry(t.clone()).or_default().push_back(id);
                self.by_alias.entry((t.clone(), alias(side, id))).or_default().push_back(id);
            }
            None => self.by_family.entry((info.family.clone(), info.signature)).or_default().push_back(id),
        }
    }
}

/// The ways two nodes may match, tried in turn.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    /// Identical label over the same relations.
    Exact,
    /// The same relation, or the same family over the same relations.
    Relaxed,
    /// Identical label over other relations: an Aggregate or Append above partitions that
    /// were pruned differently. Not for joins and pass-through nodes, which are what
    /// their inputs are.
    LabelOnly,
}

fn label_only_ok(node_type: &str) -> bool {
    !is_join(node_type) && !is_pass_through(node_type)
}

fn alias(side: &Side, id: NodeId) -> String {
    side.plan.nodes[id].fields.alias.clone().unwrap_or_default()
}

/// First unmatched node of `queue`, dropping matched ones on the way.
fn first(queue: Option<&mut VecDeque<NodeId>>, matched: &[bool]) -> Option<NodeId> {
    let queue = queue?;
    while let Some(&id) = queue.front() {
        if !matched[id] {
            return Some(id);
        }
        queue.pop_front();
    }
    None
}

/// The first unmatched candidate in `index` for node `id` of `me` in this `pass`.
fn find(me: &Side, id: NodeId, other: &Side, index: &mut Index, pass: Pass) -> Option<(NodeId, Change)> {
    let info = &me.info[id];
    let found = match pass {
        Pass::Exact => first(index.by_label_sig.get_mut(&(info.label.clone(), info.signature)), &other.matched)?,
        Pass::LabelOnly if label_only_ok(me.plan.nodes[id].node_type()) => {
            first(index.by_label.get_mut(info.label.as_str()), &other.matched)?
        }
        Pass::LabelOnly => return None,
        Pass::Relaxed => match &info.target {
            Some(t) => first(index.by_alias.get_mut(&(t.clone(), alias(me, id))), &other.matched)
                .or_else(|| first(index.by_target.get_mut(t.as_str()), &other.matched))?,
            None => first(index.by_family.get_mut(&(info.family.clone(), info.signature)), &other.matched)?,
        },
    };
    let change = match pass {
        Pass::Exact | Pass::LabelOnly => Change::Same,
        Pass::Relaxed => relaxed(&me.plan.nodes[id], info, &other.plan.nodes[found], &other.info[found])?,
    };
    Some((found, change))
}

/// Which side a node belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Before,
    After,
}

struct Matcher<'p> {
    b: Side<'p>,
    a: Side<'p>,
    out: Matching,
    /// Matched pairs whose children still need aligning.
    queue: VecDeque<(NodeId, NodeId)>,
}

impl<'p> Matcher<'p> {
    fn link(&mut self, b: NodeId, a: NodeId, change: Change) {
        self.b.matched[b] = true;
        self.a.matched[a] = true;
        self.out.after_of[b] = Some((a, change));
        self.out.before_of[a] = Some(b);
    }

    /// Aligns `b_start` with `a_start` (children of a matched pair, or the roots), looking
    /// through unmatched nodes level by level while both sides have some left.
    fn align(&mut self, b_start: &[NodeId], a_start: &[NodeId]) {
        let mut b_index = Index::default();
        let mut a_index = Index::default();
        let mut b_new: Vec<NodeId> = b_start.iter().copied().filter(|&id| !self.b.exposed[id]).collect();
        let mut a_new: Vec<NodeId> = a_start.iter().copied().filter(|&id| !self.a.exposed[id]).collect();
        let (mut b_open, mut a_open) = (0usize, 0usize); // unmatched candidates
        while !b_new.is_empty() || !a_new.is_empty() {
            for &id in &b_new {
                self.b.exposed[id] = true;
                if !self.b.matched[id] {
                    b_index.add(&self.b, id);
                    b_open += 1;
                }
            }
            for &id in &a_new {
                self.a.exposed[id] = true;
                if !self.a.matched[id] {
                    a_index.add(&self.a, id);
                    a_open += 1;
                }
            }
            // Pairs matched with a node already looked through continue in this alignment.
            let (mut b_more, mut a_more) = (Vec::new(), Vec::new());
            // Each pass on both sides before the next.
            for pass in [Pass::Exact, Pass::Relaxed, Pass::LabelOnly] {
                for which in [Which::Before, Which::After] {
                    let news = if which == Which::Before { &b_new } else { &a_new };
                    for &id in news {
                        let found = match which {
                            Which::Before if !self.b.matched[id] => find(&self.b, id, &self.a, &mut a_index, pass).map(|(a, c)| (id, a, c)),
                            Which::After if !self.a.matched[id] => find(&self.a, id, &self.b, &mut b_index, pass).map(|(b, c)| (b, id, c)),
                            _ => None,
                        };
                        let Some((b, a, change)) = found else { continue };
                        let change = if change == Change::Same && (self.b.moved[b] || self.a.moved[a]) { Change::Moved } else { change };
                        self.link(b, a, change);
                        b_open -= 1;
                        a_open -= 1;
                        if self.b.expanded[b] || self.a.expanded[a] {
                            b_more.push(b);
                            a_more.push(a);
                        } else {
                            self.queue.push_back((b, a));
                        }
                    }
                }
            }
            if (b_open == 0 || a_open == 0) && b_more.is_empty() {
                // What is left unmatched here is added or removed, or matched globally.
                break;
            }
            let b_level: Vec<NodeId> = b_new.iter().copied().filter(|&id| !self.b.matched[id]).chain(b_more).collect();
            let a_level: Vec<NodeId> = a_new.iter().copied().filter(|&id| !self.a.matched[id]).chain(a_more).collect();
            b_new = self.b.expand(&b_level);
            a_new = self.a.expand(&a_level);
        }
    }

    /// Aligns the children of every pair matched so far.
    fn drain(&mut self) {
        while let Some((b, a)) = self.queue.pop_front() {
            let bc = self.b.plan.nodes[b].children.clone();
            let ac = self.a.plan.nodes[a].children.clone();
            self.align(&bc, &ac);
        }
    }

    /// Pairs what the top-down pass left, over the whole plans: nodes that read the same
    /// relation, then nodes of the same family over the same relations.
    fn match_globally(&mut self) {
        for with_target in [true, false] {
            let eligible = |side: &Side, id: NodeId| {
                !side.matched[id] && side.info[id].target.is_some() == with_target && (with_target || side.info[id].signature != 0)
            };
            let mut index = Index::default();
            for id in 0..self.a.plan.nodes.len() {
                if eligible(&self.a, id) {
                    index.add(&self.a, id);
                }
            }
            // Nodes that read a relation: by label, then by relation. Other nodes: by family
            // over the same relations (a label alone says little there).
            let passes: &[Pass] = if with_target { &[Pass::Exact, Pass::LabelOnly, Pass::Relaxed] } else { &[Pass::Relaxed] };
            for &pass in passes {
                for b in 0..self.b.plan.nodes.len() {
                    if !eligible(&self.b, b) {
                        continue;
                    }
                    if let Some((a, change)) = find(&self.b, b, &self.a, &mut index, pass) {
                        let change = if change == Change::Same { Change::Moved } else { change };
                        self.link(b, a, change);
                        self.queue.push_back((b, a));
                    }
                }
            }
            self.drain();
        }
    }
}

/// Matches the nodes of two plans.
pub fn match_plans(before: &Plan, after: &Plan) -> Matching {
    let mut m = Matcher {
        b: Side::new(before),
        a: Side::new(after),
        out: Matching { after_of: vec![None; before.nodes.len()], before_of: vec![None; after.nodes.len()] },
        queue: VecDeque::new(),
    };
    if !before.is_empty() && !after.is_empty() {
        m.align(&[0], &[0]);
        m.drain();
        m.match_globally();
    }
    m.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::parse;

    fn plan(text: &str) -> Plan {
        parse(text).expect("plan").documents.remove(0).plan
    }

    #[test]
    fn identical_plans_match_node_for_node() {
        let p = plan(
            r#"[{"Plan": {"Node Type": "Hash Join", "Plans": [
                {"Node Type": "Seq Scan", "Relation Name": "a"},
                {"Node Type": "Hash", "Plans": [{"Node Type": "Seq Scan", "Relation Name": "b"}]}]}}]"#,
        );
        let m = match_plans(&p, &p);
        for id in 0..p.len() {
            assert_eq!(m.after_of[id], Some((id, Change::Same)));
        }
    }

    #[test]
    fn deep_chains_do_not_recurse() {
        // 20,000 nested Limits over a scan, as JSON: parsed and matched without recursion.
        let depth = 20_000;
        let mut text = String::new();
        for _ in 0..depth {
            text.push_str(r#"{"Node Type": "Limit", "Plans": ["#);
        }
        text.push_str(r#"{"Node Type": "Seq Scan", "Relation Name": "t"}"#);
        for _ in 0..depth {
            text.push_str("]}");
        }
        let before = plan(&format!(r#"[{{"Plan": {text}}}]"#));
        let after = plan(&format!(r#"[{{"Plan": {}}}]"#, text.replace("Seq Scan", "Index Scan")));
        let m = match_plans(&before, &after);
        assert_eq!(m.pairs().filter(|p| p.2 == Change::Same).count(), depth);
        assert_eq!(m.after_of[depth], Some((depth, Change::ScanChanged)));
    }
}
