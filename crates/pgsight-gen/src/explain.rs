//! A plan tree and the two EXPLAIN writers, byte for byte as PostgreSQL 15 prints
//! `EXPLAIN (ANALYZE, BUFFERS, VERBOSE, SETTINGS)` through `psql -At`.
//!
//! The rules follow `src/backend/commands/explain.c`:
//! - text: the root sits at column 0 and its details 2 columns in; a child's `->  `
//!   sits 2 columns right of its parent's text start and its details 6 columns right
//!   of its `->`; per-worker lines sit at the node's detail indent, their details 2
//!   further. Counters that are zero (rows removed, buffers) are left out.
//! - JSON: 2 spaces per level, a key per line, lists of strings on one line, empty
//!   groups as `[` newline `]`; every counter is printed, zero or not.

use std::fmt::Write;

/// Block counters of one node, one worker or planning.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Buffers {
    pub shared_hit: u64,
    pub shared_read: u64,
    pub shared_dirtied: u64,
    pub shared_written: u64,
    pub local_hit: u64,
    pub local_read: u64,
    pub local_dirtied: u64,
    pub local_written: u64,
    pub temp_read: u64,
    pub temp_written: u64,
}

impl Buffers {
    pub fn hit(shared_hit: u64) -> Self {
        Self { shared_hit, ..Self::default() }
    }

    pub fn hit_read(shared_hit: u64, shared_read: u64) -> Self {
        Self { shared_hit, shared_read, ..Self::default() }
    }

    pub fn plus(mut self, o: &Buffers) -> Self {
        self.shared_hit += o.shared_hit;
        self.shared_read += o.shared_read;
        self.shared_dirtied += o.shared_dirtied;
        self.shared_written += o.shared_written;
        self.local_hit += o.local_hit;
        self.local_read += o.local_read;
        self.local_dirtied += o.local_dirtied;
        self.local_written += o.local_written;
        self.temp_read += o.temp_read;
        self.temp_written += o.temp_written;
        self
    }

    fn json(&self, w: &mut JsonWriter) {
        for (k, v) in [
            ("Shared Hit Blocks", self.shared_hit),
            ("Shared Read Blocks", self.shared_read),
            ("Shared Dirtied Blocks", self.shared_dirtied),
            ("Shared Written Blocks", self.shared_written),
            ("Local Hit Blocks", self.local_hit),
            ("Local Read Blocks", self.local_read),
            ("Local Dirtied Blocks", self.local_dirtied),
            ("Local Written Blocks", self.local_written),
            ("Temp Read Blocks", self.temp_read),
            ("Temp Written Blocks", self.temp_written),
        ] {
            w.raw(k, &v.to_string());
        }
    }

    /// `Buffers: shared hit=1 read=2, temp written=3`, or nothing when all are zero.
    fn text(&self, out: &mut String, indent: usize) {
        let shared = [("hit", self.shared_hit), ("read", self.shared_read), ("dirtied", self.shared_dirtied), ("written", self.shared_written)];
        let local = [("hit", self.local_hit), ("read", self.local_read), ("dirtied", self.local_dirtied), ("written", self.local_written)];
        let temp = [("read", self.temp_read), ("written", self.temp_written)];
        let groups: Vec<(&str, &[(&str, u64)])> =
            [("shared", &shared[..]), ("local", &local[..]), ("temp", &temp[..])].into_iter().filter(|(_, c)| c.iter().any(|(_, v)| *v > 0)).collect();
        if groups.is_empty() {
            return;
        }
        spaces(out, indent);
        out.push_str("Buffers:");
        for (i, (name, counters)) in groups.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push(' ');
            out.push_str(name);
            for (k, v) in counters.iter().filter(|(_, v)| *v > 0) {
                let _ = write!(out, " {k}={v}");
            }
        }
        out.push('\n');
    }
}

/// Per-loop averages, as PostgreSQL reports them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Actual {
    pub startup_ms: f64,
    pub total_ms: f64,
    pub rows: f64,
    pub loops: f64,
}

/// A node-specific detail, with its JSON and its text rendering.
#[derive(Debug, Clone, PartialEq)]
pub enum Prop {
    /// `"Filter": "(...)"` / `Filter: (...)`.
    Str(&'static str, String),
    /// `"Sort Key": ["a", "b"]` / `Sort Key: a, b`.
    List(&'static str, Vec<String>),
    /// Always in JSON; in text only when true (`Inner Unique`, `Single Copy`).
    Bool(&'static str, bool),
    /// Always in both (`Workers Planned`, `Heap Fetches`).
    Count(&'static str, u64),
    /// Always in JSON; in text only when positive (`Rows Removed by Filter`).
    Removed(&'static str, u64),
    Sort { method: &'static str, kb: u64, disk: bool },
    Hash { buckets: u64, original_buckets: u64, batches: u64, original_batches: u64, kb: u64 },
    /// `planned_partitions` is `None` inside a worker entry.
    HashAgg { planned_partitions: Option<u64>, batches: u64, kb: u64, disk_kb: u64 },
    HeapBlocks { exact: u64, lossy: u64 },
}

impl Prop {
    fn json(&self, w: &mut JsonWriter) {
        match self {
            Prop::Str(k, v) => w.string(k, v),
            Prop::List(k, items) => w.list(k, items),
            Prop::Bool(k, b) => w.raw(k, if *b { "true" } else { "false" }),
            Prop::Count(k, n) | Prop::Removed(k, n) => w.raw(k, &n.to_string()),
            Prop::Sort { method, kb, disk } => {
                w.string("Sort Method", method);
                w.raw("Sort Space Used", &kb.to_string());
                w.string("Sort Space Type", if *disk { "Disk" } else { "Memory" });
            }
            Prop::Hash { buckets, original_buckets, batches, original_batches, kb } => {
                w.raw("Hash Buckets", &buckets.to_string());
                w.raw("Original Hash Buckets", &original_buckets.to_string());
                w.raw("Hash Batches", &batches.to_string());
                w.raw("Original Hash Batches", &original_batches.to_string());
                w.raw("Peak Memory Usage", &kb.to_string());
            }
            Prop::HashAgg { planned_partitions, batches, kb, disk_kb } => {
                if let Some(p) = planned_partitions {
                    w.raw("Planned Partitions", &p.to_string());
                }
                w.raw("HashAgg Batches", &batches.to_string());
                w.raw("Peak Memory Usage", &kb.to_string());
                w.raw("Disk Usage", &disk_kb.to_string());
            }
            Prop::HeapBlocks { exact, lossy } => {
                w.raw("Exact Heap Blocks", &exact.to_string());
                w.raw("Lossy Heap Blocks", &lossy.to_string());
            }
        }
    }

    fn text(&self, out: &mut String, indent: usize) {
        let line = match self {
            Prop::Str(k, v) => format!("{k}: {v}"),
            Prop::List(k, items) => format!("{k}: {}", items.join(", ")),
            Prop::Bool(k, true) => format!("{k}: true"),
            Prop::Bool(_, false) => return,
            Prop::Count(k, n) => format!("{k}: {n}"),
            Prop::Removed(k, n) if *n > 0 => format!("{k}: {n}"),
            Prop::Removed(..) => return,
            Prop::Sort { method, kb, disk } => format!("Sort Method: {method}  {}: {kb}kB", if *disk { "Disk" } else { "Memory" }),
            Prop::Hash { buckets, original_buckets, batches, original_batches, kb } => {
                if buckets != original_buckets || batches != original_batches {
                    format!("Buckets: {buckets} (originally {original_buckets})  Batches: {batches} (originally {original_batches})  Memory Usage: {kb}kB")
                } else {
                    format!("Buckets: {buckets}  Batches: {batches}  Memory Usage: {kb}kB")
                }
            }
            Prop::HashAgg { planned_partitions, batches, kb, disk_kb } => {
                let mut s = String::new();
                if let Some(p) = planned_partitions.filter(|p| *p > 0) {
                    let _ = write!(s, "Planned Partitions: {p}  ");
                }
                let _ = write!(s, "Batches: {batches}  Memory Usage: {kb}kB");
                if *batches > 1 {
                    let _ = write!(s, "  Disk Usage: {disk_kb}kB");
                }
                s
            }
            Prop::HeapBlocks { exact, lossy } => {
                if *exact == 0 && *lossy == 0 {
                    return;
                }
                let mut s = "Heap Blocks:".to_owned();
                if *exact > 0 {
                    let _ = write!(s, " exact={exact}");
                }
                if *lossy > 0 {
                    let _ = write!(s, " lossy={lossy}");
                }
                s
            }
        };
        spaces(out, indent);
        out.push_str(&line);
        out.push('\n');
    }
}

/// One parallel worker's share of a node.
#[derive(Debug, Clone, PartialEq)]
pub struct Worker {
    pub number: u32,
    pub actual: Actual,
    pub props: Vec<Prop>,
    pub buffers: Buffers,
}

/// One plan node and its subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// JSON `Node Type`.
    pub node_type: &'static str,
    /// The text form's first line up to the costs, e.g. `Parallel Seq Scan on public.t t_1`.
    pub label: String,
    /// Aggregates: `Strategy` and `Partial Mode`.
    pub strategy: Option<(&'static str, &'static str)>,
    pub parent_relationship: Option<&'static str>,
    pub parallel_aware: bool,
    pub join_type: Option<&'static str>,
    /// `Scan Direction`, `Index Name`, `Relation Name`, `Schema`, `Alias`, in that order.
    pub target: Vec<(&'static str, String)>,
    pub startup_cost: f64,
    pub total_cost: f64,
    pub plan_rows: f64,
    pub plan_width: u32,
    /// `None`: never executed.
    pub actual: Option<Actual>,
    pub output: Option<Vec<String>>,
    pub props: Vec<Prop>,
    pub buffers: Buffers,
    /// Nodes below a Gather carry a `Workers` group, empty when only the leader ran them.
    pub workers: Option<Vec<Worker>>,
    /// Append and Merge Append: `Subplans Removed` (JSON always, text when positive),
    /// printed after the workers.
    pub subplans_removed: Option<u64>,
    pub children: Vec<Node>,
}

impl Node {
    /// A node with costs only; the builders in [`crate::plans`] fill in the rest.
    pub fn new(node_type: &'static str, label: impl Into<String>) -> Self {
        Self {
            node_type,
            label: label.into(),
            strategy: None,
            parent_relationship: None,
            parallel_aware: false,
            join_type: None,
            target: Vec::new(),
            startup_cost: 0.0,
            total_cost: 0.0,
            plan_rows: 0.0,
            plan_width: 0,
            actual: None,
            output: None,
            props: Vec::new(),
            buffers: Buffers::default(),
            workers: None,
            subplans_removed: None,
            children: Vec::new(),
        }
    }

    /// Nodes in this subtree, this one included.
    pub fn count(&self) -> usize {
        let mut n = 0;
        let mut stack = vec![self];
        while let Some(node) = stack.pop() {
            n += 1;
            stack.extend(node.children.iter());
        }
        n
    }
}

/// One EXPLAIN output: the plan and what follows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub root: Node,
    /// `Settings`: name and value, in the order PostgreSQL prints them (by name).
    pub settings: Vec<(String, String)>,
    pub planning_buffers: Buffers,
    pub planning_ms: f64,
    pub execution_ms: f64,
}

impl Document {
    pub fn node_count(&self) -> usize {
        self.root.count()
    }

    /// `EXPLAIN (..., FORMAT JSON)` as `psql -At` prints it, with the final newline.
    pub fn json(&self) -> String {
        let mut w = JsonWriter::new();
        w.out.push('[');
        w.first.push(true);
        w.indent = 1;
        w.open(None, '{');
        w.open(Some("Plan"), '{');
        json_node(&mut w, &self.root);
        w.close('}');
        w.open(Some("Settings"), '{');
        for (k, v) in &self.settings {
            w.string(k, v);
        }
        w.close('}');
        w.open(Some("Planning"), '{');
        self.planning_buffers.json(&mut w);
        w.close('}');
        w.raw("Planning Time", &format!("{:.3}", self.planning_ms));
        w.open(Some("Triggers"), '[');
        w.close(']');
        w.raw("Execution Time", &format!("{:.3}", self.execution_ms));
        w.close('}');
        w.out.push_str("\n]\n");
        w.out
    }

    /// `EXPLAIN (..., FORMAT TEXT)` as `psql -At` prints it, with the final newline.
    pub fn text(&self) -> String {
        let mut out = String::new();
        text_node(&mut out, &self.root, 0, true);
        if !self.settings.is_empty() {
            out.push_str("Settings: ");
            let parts: Vec<String> = self.settings.iter().map(|(k, v)| format!("{k} = '{v}'")).collect();
            out.push_str(&parts.join(", "));
            out.push('\n');
        }
        if self.planning_buffers != Buffers::default() {
            out.push_str("Planning:\n");
            self.planning_buffers.text(&mut out, 2);
        }
        let _ = writeln!(out, "Planning Time: {:.3} ms", self.planning_ms);
        let _ = writeln!(out, "Execution Time: {:.3} ms", self.execution_ms);
        out
    }
}

fn spaces(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

fn actual_text(a: &Actual) -> String {
    format!("actual time={:.3}..{:.3} rows={:.0} loops={:.0}", a.startup_ms, a.total_ms, a.rows, a.loops)
}

/// `indent` is explain.c's `es->indent` (2 columns per unit).
fn text_node(out: &mut String, node: &Node, indent: usize, root: bool) {
    let mut indent = indent;
    if !root {
        spaces(out, indent * 2);
        out.push_str("->  ");
        indent += 2;
    }
    let _ = write!(
        out,
        "{}  (cost={:.2}..{:.2} rows={:.0} width={})",
        node.label, node.startup_cost, node.total_cost, node.plan_rows, node.plan_width
    );
    match &node.actual {
        Some(a) => {
            let _ = write!(out, " ({})", actual_text(a));
        }
        None => out.push_str(" (never executed)"),
    }
    out.push('\n');
    indent += 1;
    let col = indent * 2;
    if let Some(output) = &node.output {
        spaces(out, col);
        out.push_str("Output: ");
        out.push_str(&output.join(", "));
        out.push('\n');
    }
    for prop in &node.props {
        prop.text(out, col);
    }
    node.buffers.text(out, col);
    for worker in node.workers.iter().flatten() {
        spaces(out, col);
        let _ = writeln!(out, "Worker {}:  {}", worker.number, actual_text(&worker.actual));
        for prop in &worker.props {
            prop.text(out, col + 2);
        }
        worker.buffers.text(out, col + 2);
    }
    if let Some(removed) = node.subplans_removed {
        Prop::Removed("Subplans Removed", removed).text(out, col);
    }
    for child in &node.children {
        text_node(out, child, indent, false);
    }
}

fn json_node(w: &mut JsonWriter, node: &Node) {
    w.string("Node Type", node.node_type);
    if let Some((strategy, mode)) = node.strategy {
        w.string("Strategy", strategy);
        w.string("Partial Mode", mode);
    }
    if let Some(rel) = node.parent_relationship {
        w.string("Parent Relationship", rel);
    }
    w.raw("Parallel Aware", if node.parallel_aware { "true" } else { "false" });
    w.raw("Async Capable", "false");
    if let Some(join) = node.join_type {
        w.string("Join Type", join);
    }
    for (k, v) in &node.target {
        w.string(k, v);
    }
    w.raw("Startup Cost", &format!("{:.2}", node.startup_cost));
    w.raw("Total Cost", &format!("{:.2}", node.total_cost));
    w.raw("Plan Rows", &format!("{:.0}", node.plan_rows));
    w.raw("Plan Width", &node.plan_width.to_string());
    let a = node.actual.unwrap_or(Actual { startup_ms: 0.0, total_ms: 0.0, rows: 0.0, loops: 0.0 });
    actual_json(w, &a);
    if let Some(output) = &node.output {
        w.list("Output", output);
    }
    for prop in &node.props {
        prop.json(w);
    }
    node.buffers.json(w);
    if let Some(workers) = &node.workers {
        w.open(Some("Workers"), '[');
        for worker in workers {
            w.open(None, '{');
            w.raw("Worker Number", &worker.number.to_string());
            actual_json(w, &worker.actual);
            for prop in &worker.props {
                prop.json(w);
            }
            worker.buffers.json(w);
            w.close('}');
        }
        w.close(']');
    }
    if let Some(removed) = node.subplans_removed {
        w.raw("Subplans Removed", &removed.to_string());
    }
    if !node.children.is_empty() {
        w.open(Some("Plans"), '[');
        for child in &node.children {
            w.open(None, '{');
            json_node(w, child);
            w.close('}');
        }
        w.close(']');
    }
}

fn actual_json(w: &mut JsonWriter, a: &Actual) {
    w.raw("Actual Startup Time", &format!("{:.3}", a.startup_ms));
    w.raw("Actual Total Time", &format!("{:.3}", a.total_ms));
    w.raw("Actual Rows", &format!("{:.0}", a.rows));
    w.raw("Actual Loops", &format!("{:.0}", a.loops));
}

/// explain.c's JSON grouping: a comma before every item but the first of its group,
/// then a newline and the indent.
struct JsonWriter {
    out: String,
    indent: usize,
    first: Vec<bool>,
}

impl JsonWriter {
    fn new() -> Self {
        Self { out: String::new(), indent: 0, first: Vec::new() }
    }

    fn line(&mut self) {
        if let Some(first) = self.first.last_mut() {
            if !*first {
                self.out.push(',');
            }
            *first = false;
        }
        self.out.push('\n');
        spaces(&mut self.out, self.indent * 2);
    }

    fn key(&mut self, k: &str) {
        self.line();
        escape(&mut self.out, k);
        self.out.push_str(": ");
    }

    fn raw(&mut self, k: &str, v: &str) {
        self.key(k);
        self.out.push_str(v);
    }

    fn string(&mut self, k: &str, v: &str) {
        self.key(k);
        escape(&mut self.out, v);
    }

    fn list(&mut self, k: &str, items: &[String]) {
        self.key(k);
        self.out.push('[');
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            escape(&mut self.out, item);
        }
        self.out.push(']');
    }

    fn open(&mut self, label: Option<&str>, bracket: char) {
        match label {
            Some(k) => self.key(k),
            None => self.line(),
        }
        self.out.push(bracket);
        self.first.push(true);
        self.indent += 1;
    }

    fn close(&mut self, bracket: char) {
        self.indent -= 1;
        self.first.pop();
        self.out.push('\n');
        spaces(&mut self.out, self.indent * 2);
        self.out.push(bracket);
    }
}

/// PostgreSQL's `escape_json`.
fn escape(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
