//! The large plans: node shapes and figures follow the real PostgreSQL 15 plans in
//! `tests/scenarios/` (count over a partitioned table, hash and nested-loop joins,
//! sort over a hash aggregate, index-only and backward index scans).

use crate::explain::{Actual, Buffers, Document, Node, Prop, Worker};
use crate::rng::Rng;

/// Rounds to the 3 decimals EXPLAIN prints times with, so sums stay consistent.
fn ms(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Rounds to the 2 decimals EXPLAIN prints costs with.
fn cost(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn act(startup_ms: f64, total_ms: f64, rows: f64, loops: f64) -> Option<Actual> {
    Some(Actual { startup_ms: ms(startup_ms), total_ms: ms(total_ms), rows: rows.round(), loops })
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// `relation alias` as the text form shows it: the alias only when it differs.
fn on(schema: &str, relation: &str, alias: &str) -> String {
    if relation == alias {
        format!("{schema}.{relation}")
    } else {
        format!("{schema}.{relation} {alias}")
    }
}

fn target(schema: &str, relation: &str, alias: &str) -> Vec<(&'static str, String)> {
    vec![("Relation Name", relation.to_owned()), ("Schema", schema.to_owned()), ("Alias", alias.to_owned())]
}

fn seq_scan(schema: &str, relation: &str, alias: &str, parallel: bool) -> Node {
    let prefix = if parallel { "Parallel " } else { "" };
    let mut n = Node::new("Seq Scan", format!("{prefix}Seq Scan on {}", on(schema, relation, alias)));
    n.parallel_aware = parallel;
    n.target = target(schema, relation, alias);
    n
}

fn index_scan(node_type: &'static str, backward: bool, index: &str, schema: &str, relation: &str, alias: &str) -> Node {
    let direction = if backward { " Backward" } else { "" };
    let mut n = Node::new(node_type, format!("{node_type}{direction} using {index} on {}", on(schema, relation, alias)));
    n.target = vec![("Scan Direction", if backward { "Backward" } else { "Forward" }.to_owned()), ("Index Name", index.to_owned())];
    n.target.extend(target(schema, relation, alias));
    n
}

fn aggregate(strategy: &'static str, mode: &'static str) -> Node {
    let base = match strategy {
        "Sorted" => "GroupAggregate",
        "Hashed" => "HashAggregate",
        "Mixed" => "MixedAggregate",
        _ => "Aggregate",
    };
    let label = if mode == "Simple" { base.to_owned() } else { format!("{mode} {base}") };
    let mut n = Node::new("Aggregate", label);
    n.strategy = Some((strategy, mode));
    n
}

fn join(node_type: &'static str, join_type: &'static str) -> Node {
    let label = match (node_type, join_type) {
        ("Nested Loop", "Inner") => "Nested Loop".to_owned(),
        ("Nested Loop", j) => format!("Nested Loop {j} Join"),
        (t, "Inner") => t.to_owned(),
        (t, j) => format!("{} {j} Join", t.trim_end_matches(" Join")),
    };
    let mut n = Node::new(node_type, label);
    n.join_type = Some(join_type);
    n
}

fn costs(n: &mut Node, startup: f64, total: f64, rows: f64, width: u32) {
    n.startup_cost = cost(startup);
    n.total_cost = cost(total);
    n.plan_rows = rows.round().max(1.0);
    n.plan_width = width;
}

/// Which process ran a subtree below a Parallel Append: `None` is the leader.
type Process = Option<u32>;

/// Marks a whole subtree as run once by one process: nodes below a Gather carry a
/// `Workers` group, with that worker's figures (the node's own, as it ran once) or
/// empty when the leader ran it.
fn ran_in(node: &mut Node, process: Process) {
    let mut stack = vec![node];
    while let Some(n) = stack.pop() {
        n.workers = Some(match (process, n.actual) {
            (Some(number), Some(actual)) => {
                let props = n
                    .props
                    .iter()
                    .filter_map(|p| match p {
                        Prop::Sort { .. } => Some(p.clone()),
                        Prop::HashAgg { batches, kb, disk_kb, .. } => {
                            Some(Prop::HashAgg { planned_partitions: None, batches: *batches, kb: *kb, disk_kb: *disk_kb })
                        }
                        _ => None,
                    })
                    .collect();
                vec![Worker { number, actual, props, buffers: n.buffers }]
            }
            _ => Vec::new(),
        });
        stack.extend(n.children.iter_mut());
    }
}

/// Per-process totals below a Parallel Append (leader, worker 0, worker 1).
#[derive(Default, Clone, Copy)]
struct Share {
    rows: f64,
    ms: f64,
    buffers: Buffers,
    startup_ms: Option<f64>,
}

impl Share {
    fn add(&mut self, rows: f64, ms: f64, startup: f64, buffers: &Buffers) {
        self.rows += rows;
        self.ms += ms;
        self.buffers = self.buffers.plus(buffers);
        self.startup_ms = Some(self.startup_ms.map_or(startup, |s: f64| s.min(startup)));
    }
}

/// The Parallel Append and the nodes above it are per-loop averages over the
/// leader and two workers.
fn parallel_append(children: Vec<Node>, shares: &[Share; 3], plan_rows: f64, total_cost: f64, width: u32) -> Node {
    let mut n = Node::new("Append", "Parallel Append");
    n.parent_relationship = Some("Outer");
    n.parallel_aware = true;
    n.subplans_removed = Some(0);
    costs(&mut n, 0.0, total_cost, plan_rows, width);
    let rows: f64 = shares.iter().map(|s| s.rows).sum();
    let total: f64 = shares.iter().map(|s| s.ms * 1.04).sum();
    let startup = shares.iter().filter_map(|s| s.startup_ms).fold(f64::MAX, f64::min);
    n.actual = act(startup, total / 3.0, rows / 3.0, 3.0);
    n.buffers = shares.iter().fold(Buffers::default(), |b, s| b.plus(&s.buffers));
    n.workers = Some(
        (1..3)
            .map(|i| Worker {
                number: (i - 1) as u32,
                actual: Actual {
                    startup_ms: ms(shares[i].startup_ms.unwrap_or(startup)),
                    total_ms: ms(shares[i].ms * 1.04),
                    rows: shares[i].rows,
                    loops: 1.0,
                },
                props: Vec::new(),
                buffers: shares[i].buffers,
            })
            .collect(),
    );
    n.children = children;
    n
}

fn pick_process(rng: &mut Rng) -> usize {
    let r = rng.unit();
    if r < 0.2 {
        0
    } else if r < 0.6 {
        1
    } else {
        2
    }
}

fn process_of(index: usize) -> Process {
    index.checked_sub(1).map(|w| w as u32)
}

/// `SELECT count(*) FROM events` on a table hash-partitioned into `partitions`
/// partitions: Finalize Aggregate → Gather → Partial Aggregate → Parallel Append →
/// one Parallel Seq Scan per partition (`public.events_p0000 events_1`, ...), ordered
/// by cost as the planner orders them. `partitions + 4` nodes.
pub fn partitioned_count(partitions: usize) -> Document {
    let mut rng = Rng::new(0xA99E_0D00 ^ partitions as u64);
    let width = partitions.saturating_sub(1).to_string().len().max(4);
    struct Part {
        node: Node,
        cost: f64,
        index: usize,
    }
    let mut shares = [Share::default(); 3];
    let mut parts = Vec::with_capacity(partitions);
    let (mut plan_rows_sum, mut cost_sum) = (0.0, 0.0);
    for index in 0..partitions {
        let rows = (20_000.0 * rng.between(0.85, 1.15)).round();
        let blocks = (rows / 135.2).ceil() as u64;
        let plan_rows = (rows / 1.7).round();
        let total_cost = blocks as f64 + plan_rows * 0.01;
        let relation = format!("events_p{index:0width$}");
        let alias = format!("events_{}", index + 1);
        let mut node = seq_scan("public", &relation, &alias, true);
        node.parent_relationship = Some("Member");
        costs(&mut node, 0.0, total_cost, plan_rows, 0);
        let startup = rng.between(0.003, 0.013);
        let total = rows * rng.between(0.00005, 0.0005);
        node.buffers = Buffers::hit(blocks);
        let shared = rng.unit();
        if shared < 0.03 {
            // Both workers shared the scan: loops=2, both listed.
            let first_rows = (rows * rng.between(0.3, 0.7)).round();
            let split = [first_rows, rows - first_rows];
            let mut entries = Vec::new();
            let mut loop_ms = 0.0;
            let mut blocks_left = blocks;
            for (w, part_rows) in split.iter().enumerate() {
                let part_ms = ms(total * part_rows / rows * rng.between(1.0, 1.4));
                let part_blocks = if w == 0 { (blocks as f64 * part_rows / rows).round() as u64 } else { blocks_left };
                blocks_left -= part_blocks;
                loop_ms += part_ms;
                entries.push(Worker {
                    number: w as u32,
                    actual: Actual { startup_ms: ms(startup), total_ms: part_ms, rows: *part_rows, loops: 1.0 },
                    props: Vec::new(),
                    buffers: Buffers::hit(part_blocks),
                });
                shares[w + 1].add(*part_rows, part_ms, startup, &Buffers::hit(part_blocks));
            }
            node.actual = act(startup, loop_ms / 2.0, rows / 2.0, 2.0);
            node.workers = Some(entries);
        } else if shared < 0.12 {
            // Two processes shared the scan: loops=2, figures averaged; only the
            // worker's part is listed.
            let worker = 1 + rng.range(0, 1) as usize;
            let worker_rows = (rows * rng.between(0.4, 0.95)).round();
            let worker_ms = ms(total * worker_rows / rows * rng.between(1.0, 1.6));
            let leader_ms = ms(total * (rows - worker_rows) / rows);
            let worker_blocks = (blocks as f64 * worker_rows / rows).round() as u64;
            node.actual = act(startup, (worker_ms + leader_ms) / 2.0, rows / 2.0, 2.0);
            let worker_actual = Actual { startup_ms: ms(startup), total_ms: worker_ms, rows: worker_rows, loops: 1.0 };
            node.workers = Some(vec![Worker {
                number: (worker - 1) as u32,
                actual: worker_actual,
                props: Vec::new(),
                buffers: Buffers::hit(worker_blocks),
            }]);
            shares[worker].add(worker_rows, worker_ms, startup, &Buffers::hit(worker_blocks));
            shares[0].add(rows - worker_rows, leader_ms, startup, &Buffers::hit(blocks - worker_blocks));
        } else {
            let process = pick_process(&mut rng);
            node.actual = act(startup, total, rows, 1.0);
            ran_in(&mut node, process_of(process));
            shares[process].add(rows, ms(total), startup, &node.buffers);
        }
        plan_rows_sum += plan_rows;
        cost_sum += total_cost;
        parts.push(Part { node, cost: total_cost, index });
    }
    // Parallel Append runs the most expensive subplans first.
    parts.sort_by(|a, b| b.cost.total_cmp(&a.cost).then(a.index.cmp(&b.index)));
    let append = parallel_append(parts.into_iter().map(|p| p.node).collect(), &shares, plan_rows_sum, cost_sum, 0);
    let append_actual = append.actual.unwrap_or(Actual { startup_ms: 0.0, total_ms: 0.0, rows: 0.0, loops: 0.0 });
    let all_buffers = append.buffers;

    let mut partial = aggregate("Plain", "Partial");
    partial.parent_relationship = Some("Outer");
    costs(&mut partial, append.total_cost + plan_rows_sum * 0.0025, append.total_cost + plan_rows_sum * 0.0025 + 0.01, 1.0, 8);
    let agg_ms = |t: f64| t * 1.45;
    partial.actual = act(agg_ms(append_actual.total_ms), agg_ms(append_actual.total_ms) + 0.007, 1.0, 3.0);
    partial.output = Some(strings(&["PARTIAL count(*)"]));
    partial.buffers = all_buffers;
    partial.workers = append.workers.as_ref().map(|ws| {
        ws.iter()
            .map(|w| Worker {
                number: w.number,
                actual: Actual { startup_ms: ms(agg_ms(w.actual.total_ms)), total_ms: ms(agg_ms(w.actual.total_ms) + 0.007), rows: 1.0, loops: 1.0 },
                props: Vec::new(),
                buffers: w.buffers,
            })
            .collect()
    });
    let partial_ms = partial.workers.iter().flatten().map(|w| w.actual.total_ms).fold(partial.actual.map_or(0.0, |a| a.total_ms), f64::max);
    partial.children = vec![append];

    let mut gather = Node::new("Gather", "Gather");
    gather.parent_relationship = Some("Outer");
    costs(&mut gather, partial.startup_cost + 1000.0, partial.total_cost + 1000.0 + 0.2, 2.0, 8);
    gather.actual = act(partial_ms * 0.9, partial_ms + 1.2, 3.0, 1.0);
    gather.output = Some(strings(&["(PARTIAL count(*))"]));
    gather.props = vec![Prop::Count("Workers Planned", 2), Prop::Count("Workers Launched", 2), Prop::Bool("Single Copy", false)];
    gather.buffers = all_buffers;
    let gather_ms = gather.actual.map_or(0.0, |a| a.total_ms);
    gather.children = vec![partial];

    let mut root = aggregate("Plain", "Finalize");
    costs(&mut root, gather.total_cost, gather.total_cost + 0.01, 1.0, 8);
    root.actual = act(gather_ms - 0.01, gather_ms + 0.015, 1.0, 1.0);
    root.output = Some(strings(&["count(*)"]));
    root.buffers = all_buffers;
    root.children = vec![gather];

    Document {
        root,
        settings: vec![("jit".to_owned(), "off".to_owned())],
        planning_buffers: Buffers::hit(250 + 14 * partitions as u64),
        planning_ms: ms(0.6 + 0.031 * partitions as f64),
        execution_ms: ms(gather_ms + 0.2),
    }
}

/// A left-deep chain of hash joins over `tables` tables (`t0001.parent_id =
/// t0002.id`, ...), under a Sort: the shape the planner gives a long chain of joins.
/// Every level nests one deeper. `3 * tables - 1` nodes.
pub fn join_chain(tables: usize) -> Document {
    assert!(tables >= 2, "a join needs two tables");
    let mut rng = Rng::new(0x10_1400 ^ tables as u64);
    let name = |k: usize| format!("t{k:04}");
    let last = name(tables);
    let scan = |k: usize, output: Vec<String>, rng: &mut Rng| {
        let t = name(k);
        let mut n = seq_scan("public", &t, &t, false);
        n.parent_relationship = Some("Outer");
        costs(&mut n, 0.0, 31.0, 2000.0, if k == 1 || k == tables { 9 } else { 8 });
        let total = rng.between(0.13, 0.19);
        n.actual = act(rng.between(0.003, 0.008), total, 2000.0, 1.0);
        n.output = Some(output);
        n.buffers = Buffers::hit(11);
        n
    };
    let mut current = scan(tables, vec![format!("{last}.id"), format!("{last}.parent_id"), format!("{last}.name")], &mut rng);
    for k in (1..tables).rev() {
        let t = name(k);
        let columns = if k == 1 { vec![format!("{t}.name"), format!("{t}.id")] } else { vec![format!("{t}.parent_id"), format!("{t}.id")] };
        let inner_scan = scan(k, columns.clone(), &mut rng);
        let mut hash = Node::new("Hash", "Hash");
        hash.parent_relationship = Some("Inner");
        costs(&mut hash, 31.0, 31.0, 2000.0, inner_scan.plan_width);
        let scan_ms = inner_scan.actual.map_or(0.0, |a| a.total_ms);
        let hash_ms = scan_ms + rng.between(0.18, 0.26);
        hash.actual = act(hash_ms - 0.001, hash_ms, 2000.0, 1.0);
        hash.output = Some(columns);
        let kb = if k == 1 { 102 } else { 95 };
        hash.props = vec![Prop::Hash { buckets: 2048, original_buckets: 2048, batches: 1, original_batches: 1, kb }];
        hash.buffers = inner_scan.buffers;
        hash.children = vec![inner_scan];

        let mut hj = join("Hash Join", "Inner");
        hj.parent_relationship = if k == 1 { None } else { Some("Outer") };
        costs(&mut hj, current.startup_cost + 56.0, current.total_cost + 61.26, 2000.0, if k == 1 { 10 } else { 9 });
        let outer = current.actual.unwrap_or(Actual { startup_ms: 0.0, total_ms: 0.0, rows: 0.0, loops: 0.0 });
        let startup = outer.startup_ms + hash_ms + 0.02;
        hj.actual = act(startup, outer.total_ms + hash_ms + rng.between(0.25, 0.35), 2000.0, 1.0);
        hj.output = Some(if k == 1 { vec![format!("{t}.name"), format!("{last}.name")] } else { vec![format!("{t}.parent_id"), format!("{last}.name")] });
        hj.props = vec![Prop::Bool("Inner Unique", true), Prop::Str("Hash Cond", format!("({}.parent_id = {t}.id)", name(k + 1)))];
        hj.buffers = current.buffers.plus(&hash.buffers);
        hj.children = vec![current, hash];
        current = hj;
    }
    current.parent_relationship = Some("Outer");
    let join_ms = current.actual.map_or(0.0, |a| a.total_ms);
    let mut sort = Node::new("Sort", "Sort");
    costs(&mut sort, current.total_cost + 160.0, current.total_cost + 165.0, 2000.0, 10);
    sort.actual = act(join_ms + 0.4, join_ms + 0.55, 2000.0, 1.0);
    sort.output = Some(vec![format!("{}.name", name(1)), format!("{last}.name")]);
    sort.props = vec![Prop::List("Sort Key", vec![format!("{}.name", name(1))]), Prop::Sort { method: "quicksort", kb: 142, disk: false }];
    sort.buffers = current.buffers;
    sort.children = vec![current];
    Document {
        root: sort,
        settings: vec![("jit".to_owned(), "off".to_owned())],
        planning_buffers: Buffers::hit(30 * tables as u64),
        planning_ms: ms(1.5 * tables as f64),
        execution_ms: ms(join_ms + 0.7),
    }
}

/// One UNION ALL branch of [`union_report`] and its node count.
#[derive(Clone, Copy)]
enum Branch {
    /// Hash Join → Seq Scan (filtered), Hash → Seq Scan: 4 nodes.
    HashJoin,
    /// Nested Loop → Index Scan, Bitmap Heap Scan → Bitmap Index Scan: 4 nodes.
    NestedLoop,
    /// Sort → HashAggregate → Seq Scan (filtered): 3 nodes.
    SortAggregate,
    /// Index Only Scan with heap fetches: 1 node.
    IndexOnly,
    /// Limit → Index Scan Backward: 2 nodes.
    LatestRows,
}

impl Branch {
    const CYCLE: [Branch; 5] = [Branch::HashJoin, Branch::NestedLoop, Branch::SortAggregate, Branch::IndexOnly, Branch::LatestRows];

    fn nodes(self) -> usize {
        match self {
            Branch::HashJoin | Branch::NestedLoop => 4,
            Branch::SortAggregate => 3,
            Branch::IndexOnly => 1,
            Branch::LatestRows => 2,
        }
    }
}

/// Planner estimates off by up to 10x either way on some nodes, as on real data.
fn estimate(rng: &mut Rng, actual: f64) -> f64 {
    let factor = if rng.unit() < 0.15 { rng.between(0.1, 10.0) } else { rng.between(0.8, 1.25) };
    (actual * factor).round().max(1.0)
}

fn branch(kind: Branch, number: usize, schema: &str, rng: &mut Rng) -> Node {
    let o = format!("o_{number}");
    let c = format!("c_{number}");
    let e = format!("e_{number}");
    let mut root = match kind {
        Branch::HashJoin => {
            let customers = rng.range(200, 5000) as f64;
            let orders = rng.range(1000, 50_000) as f64;
            let kept = (orders * rng.between(0.01, 0.3)).round();
            let mut outer = seq_scan(schema, "orders", &o, false);
            outer.parent_relationship = Some("Outer");
            let blocks = (orders / 90.0).ceil();
            costs(&mut outer, 0.0, blocks + orders * 0.0125, estimate(rng, kept), 18);
            let outer_ms = orders * rng.between(0.0001, 0.0003);
            outer.actual = act(rng.between(0.005, 0.03), outer_ms, kept, 1.0);
            outer.output = Some(vec![format!("{o}.id"), format!("{o}.customer_id"), format!("{o}.amount")]);
            outer.props = vec![
                Prop::Str("Filter", format!("({o}.status = 'pending'::text)")),
                Prop::Removed("Rows Removed by Filter", (orders - kept) as u64),
            ];
            let read = rng.range(0, blocks as u64);
            outer.buffers = Buffers::hit_read(blocks as u64 - read, read);

            let mut scan = seq_scan(schema, "customers", &c, false);
            scan.parent_relationship = Some("Outer");
            let cblocks = (customers / 70.0).ceil();
            costs(&mut scan, 0.0, cblocks + customers * 0.01, customers, 30);
            let scan_ms = customers * rng.between(0.00005, 0.0001);
            scan.actual = act(rng.between(0.003, 0.01), scan_ms, customers, 1.0);
            scan.output = Some(vec![format!("{c}.email"), format!("{c}.id")]);
            scan.buffers = Buffers::hit(cblocks as u64);
            let mut hash = Node::new("Hash", "Hash");
            hash.parent_relationship = Some("Inner");
            costs(&mut hash, scan.total_cost, scan.total_cost, customers, 30);
            let hash_ms = scan_ms + customers * 0.00005;
            hash.actual = act(hash_ms - 0.001, hash_ms, customers, 1.0);
            hash.output = scan.output.clone();
            let buckets = (customers as u64).next_power_of_two().max(1024);
            hash.props = vec![Prop::Hash { buckets, original_buckets: buckets, batches: 1, original_batches: 1, kb: (customers * 0.045).ceil() as u64 + 9 }];
            hash.buffers = scan.buffers;
            hash.children = vec![scan];

            let mut hj = join("Hash Join", "Inner");
            costs(&mut hj, hash.total_cost + 0.05 * customers, hash.total_cost + outer.total_cost + kept * 0.01, outer.plan_rows, 40);
            hj.actual = act(hash_ms + 0.02, hash_ms + outer_ms + kept * 0.0001, kept, 1.0);
            hj.output = Some(vec![format!("{o}.id"), format!("{c}.email"), format!("{o}.amount")]);
            hj.props = vec![Prop::Bool("Inner Unique", true), Prop::Str("Hash Cond", format!("({o}.customer_id = {c}.id)"))];
            hj.buffers = outer.buffers.plus(&hash.buffers);
            hj.children = vec![outer, hash];
            hj
        }
        Branch::NestedLoop => {
            let id = rng.range(1, 100_000);
            let rows = rng.range(1, 40) as f64;
            let mut lookup = index_scan("Index Scan", false, "customers_pkey", schema, "customers", &c);
            lookup.parent_relationship = Some("Outer");
            costs(&mut lookup, 0.29, 8.31, 1.0, 29);
            let lookup_ms = rng.between(0.01, 0.04);
            lookup.actual = act(lookup_ms - 0.001, lookup_ms, 1.0, 1.0);
            lookup.output = Some(vec![format!("{c}.id"), format!("{c}.email"), format!("{c}.city"), format!("{c}.country"), format!("{c}.created_at")]);
            lookup.props = vec![Prop::Str("Index Cond", format!("({c}.id = {id})")), Prop::Removed("Rows Removed by Index Recheck", 0)];
            lookup.buffers = Buffers::hit(rng.range(3, 6));

            let mut bitmap = Node::new("Bitmap Index Scan", "Bitmap Index Scan on orders_customer_id_idx");
            bitmap.parent_relationship = Some("Outer");
            bitmap.target = vec![("Index Name", "orders_customer_id_idx".to_owned())];
            let planned = estimate(rng, rows);
            costs(&mut bitmap, 0.0, 4.5 + 0.01 * planned, planned, 0);
            let bitmap_ms = rng.between(0.01, 0.03);
            bitmap.actual = act(bitmap_ms, bitmap_ms, rows, 1.0);
            bitmap.props = vec![Prop::Str("Index Cond", format!("({o}.customer_id = {id})"))];
            bitmap.buffers = Buffers::hit(3);
            let mut heap = Node::new("Bitmap Heap Scan", format!("Bitmap Heap Scan on {}", on(schema, "orders", &o)));
            heap.parent_relationship = Some("Inner");
            heap.target = target(schema, "orders", &o);
            costs(&mut heap, bitmap.total_cost, bitmap.total_cost + 4.0 * planned, planned, 30);
            let heap_ms = bitmap_ms + rows * rng.between(0.001, 0.004);
            heap.actual = act(bitmap_ms + 0.004, heap_ms, rows, 1.0);
            heap.output = Some(
                ["id", "customer_id", "status", "city", "country", "postcode", "region", "amount", "note", "created_at"].iter().map(|col| format!("{o}.{col}")).collect(),
            );
            heap.props = vec![
                Prop::Str("Recheck Cond", format!("({o}.customer_id = {id})")),
                Prop::Removed("Rows Removed by Index Recheck", 0),
                Prop::HeapBlocks { exact: rows as u64, lossy: 0 },
            ];
            heap.buffers = Buffers::hit(3 + rows as u64);
            heap.children = vec![bitmap];

            let mut nl = join("Nested Loop", "Inner");
            costs(&mut nl, lookup.startup_cost + heap.startup_cost, lookup.total_cost + heap.total_cost + 0.1, heap.plan_rows, 43);
            nl.actual = act(lookup_ms + bitmap_ms + 0.006, lookup_ms + heap_ms + 0.01, rows, 1.0);
            nl.output = Some(vec![format!("{c}.email"), format!("{o}.id"), format!("{o}.amount"), format!("{o}.created_at")]);
            nl.props = vec![Prop::Bool("Inner Unique", false)];
            nl.buffers = lookup.buffers.plus(&heap.buffers);
            nl.children = vec![lookup, heap];
            nl
        }
        Branch::SortAggregate => {
            let events = rng.range(2000, 60_000) as f64;
            let kept = (events * rng.between(0.05, 0.6)).round();
            let mut scan = seq_scan(schema, "events", &e, false);
            scan.parent_relationship = Some("Outer");
            let blocks = (events / 120.0).ceil();
            costs(&mut scan, 0.0, blocks + events * 0.0125, estimate(rng, kept), 6);
            let scan_ms = events * rng.between(0.00008, 0.0002);
            scan.actual = act(rng.between(0.005, 0.02), scan_ms, kept, 1.0);
            scan.output = Some(vec![format!("{e}.kind")]);
            scan.props = vec![
                Prop::Str("Filter", format!("({e}.created_at >= '2024-01-01 00:00:00+00'::timestamp with time zone)")),
                Prop::Removed("Rows Removed by Filter", (events - kept) as u64),
            ];
            scan.buffers = Buffers::hit(blocks as u64);
            let mut agg = aggregate("Hashed", "Simple");
            agg.parent_relationship = Some("Outer");
            costs(&mut agg, scan.total_cost + kept * 0.0025, scan.total_cost + kept * 0.0025 + 0.07, 7.0, 14);
            let agg_ms = scan_ms + kept * 0.00006;
            agg.actual = act(agg_ms - 0.003, agg_ms, 7.0, 1.0);
            agg.output = Some(vec![format!("{e}.kind"), "count(*)".to_owned()]);
            agg.props = vec![Prop::List("Group Key", vec![format!("{e}.kind")]), Prop::HashAgg { planned_partitions: Some(0), batches: 1, kb: 24, disk_kb: 0 }];
            agg.buffers = scan.buffers;
            agg.children = vec![scan];
            let mut sort = Node::new("Sort", "Sort");
            costs(&mut sort, agg.total_cost + 0.05, agg.total_cost + 0.07, 7.0, 14);
            sort.actual = act(agg_ms + 0.01, agg_ms + 0.012, 7.0, 1.0);
            sort.output = Some(vec![format!("{e}.kind"), "(count(*))".to_owned()]);
            sort.props = vec![Prop::List("Sort Key", vec!["(count(*)) DESC".to_owned()]), Prop::Sort { method: "quicksort", kb: 25, disk: false }];
            sort.buffers = agg.buffers;
            sort.children = vec![agg];
            sort
        }
        Branch::IndexOnly => {
            let rows = rng.range(50, 20_000) as f64;
            let mut scan = index_scan("Index Only Scan", false, "orders_created_at_idx", schema, "orders", &o);
            costs(&mut scan, 0.29, 0.29 + rows * 0.012, estimate(rng, rows), 8);
            let scan_ms = rows * rng.between(0.00005, 0.0002);
            scan.actual = act(rng.between(0.01, 0.04), scan_ms, rows, 1.0);
            scan.output = Some(vec![format!("{o}.created_at")]);
            let fetches = if rng.unit() < 0.3 { (rows * rng.between(0.2, 1.0)).round() as u64 } else { 0 };
            scan.props = vec![
                Prop::Str("Index Cond", format!("({o}.created_at >= '2024-06-01 00:00:00+00'::timestamp with time zone)")),
                Prop::Removed("Rows Removed by Index Recheck", 0),
                Prop::Count("Heap Fetches", fetches),
            ];
            scan.buffers = Buffers::hit((rows / 300.0).ceil() as u64 + 2 + fetches / 40);
            scan
        }
        Branch::LatestRows => {
            let mut scan = index_scan("Index Scan", true, "events_created_at_idx", schema, "events", &e);
            scan.parent_relationship = Some("Outer");
            let table_rows = rng.range(2000, 60_000) as f64;
            costs(&mut scan, 0.29, 0.29 + table_rows * 0.05, table_rows, 16);
            let scan_ms = rng.between(0.01, 0.05);
            scan.actual = act(scan_ms - 0.005, scan_ms, 10.0, 1.0);
            scan.output = Some(vec![format!("{e}.id"), format!("{e}.created_at")]);
            scan.buffers = Buffers::hit(rng.range(3, 14));
            let mut limit = Node::new("Limit", "Limit");
            costs(&mut limit, 0.29, 0.29 + 10.0 * (scan.total_cost - 0.29) / table_rows, 10.0, 16);
            limit.actual = act(scan_ms - 0.004, scan_ms + 0.002, 10.0, 1.0);
            limit.output = scan.output.clone();
            limit.buffers = scan.buffers;
            limit.children = vec![scan];
            limit
        }
    };
    root.parent_relationship = Some("Member");
    root
}

/// A reporting query that UNION ALLs one subquery per tenant schema
/// (`tenant_00001.orders o_1`, ...), run in parallel: Gather → Parallel Append →
/// branches cycling through five shapes taken from the scenarios. VERBOSE output
/// lists, BUFFERS and per-worker figures on every node below the Gather. Exactly
/// `nodes` nodes (at least 3).
pub fn union_report(nodes: usize) -> Document {
    assert!(nodes >= 3, "Gather, Parallel Append and one branch");
    let mut rng = Rng::new(0x5EED_0050 ^ nodes as u64);
    let mut remaining = nodes - 2;
    let mut branches = Vec::new();
    let mut shares = [Share::default(); 3];
    let (mut plan_rows, mut total_cost) = (0.0, 0.0);
    let mut number = 0;
    while remaining > 0 {
        let mut kind = Branch::CYCLE[number % Branch::CYCLE.len()];
        if kind.nodes() > remaining {
            kind = Branch::IndexOnly;
        }
        number += 1;
        remaining -= kind.nodes();
        let schema = format!("tenant_{number:05}");
        let mut node = branch(kind, number, &schema, &mut rng);
        let process = pick_process(&mut rng);
        ran_in(&mut node, process_of(process));
        let actual = node.actual.unwrap_or(Actual { startup_ms: 0.0, total_ms: 0.0, rows: 0.0, loops: 0.0 });
        shares[process].add(actual.rows, actual.total_ms, actual.startup_ms, &node.buffers);
        plan_rows += node.plan_rows;
        total_cost += node.total_cost;
        branches.push(node);
    }
    // Non-partial subplans go first, the most expensive first.
    branches.sort_by(|a, b| b.total_cost.total_cmp(&a.total_cost));
    let first_output = branches.first().and_then(|b| b.output.clone());
    let append = parallel_append(branches, &shares, plan_rows, total_cost, 40);
    let append_ms = shares.iter().map(|s| s.ms * 1.04).fold(0.0, f64::max);
    let mut gather = Node::new("Gather", "Gather");
    costs(&mut gather, 1000.0, 1000.0 + total_cost + plan_rows * 0.1, plan_rows, 40);
    let rows: f64 = shares.iter().map(|s| s.rows).sum();
    gather.actual = act(append.actual.map_or(0.0, |a| a.startup_ms) + 1.5, append_ms + 2.5, rows, 1.0);
    gather.output = first_output;
    gather.props = vec![Prop::Count("Workers Planned", 2), Prop::Count("Workers Launched", 2), Prop::Bool("Single Copy", false)];
    gather.buffers = append.buffers;
    gather.children = vec![append];
    let execution_ms = ms(append_ms + 2.9);
    Document {
        root: gather,
        settings: vec![("jit".to_owned(), "off".to_owned())],
        planning_buffers: Buffers::hit(300 + 6 * number as u64),
        planning_ms: ms(2.0 + 0.05 * number as f64),
        execution_ms,
    }
}
