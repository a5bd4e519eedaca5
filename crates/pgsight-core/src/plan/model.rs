//! The plan model shared by the JSON and text parsers.
//!
//! A plan is an arena of nodes in pre-order (the root is node 0), so nothing in the
//! model is recursive: a plan 10,000 levels deep is walked, dropped and printed
//! without touching the stack. Known PostgreSQL keys are typed (see the tables
//! below); every other key is kept verbatim in `extra`, so nothing is lost.

use serde_json::{Map, Value};

/// Index of a node inside its [`Plan`] arena (pre-order, root is 0).
pub type NodeId = usize;

/// A value that can live in a typed plan field, converted from and to JSON.
pub trait FieldValue: Sized {
    /// Converts a JSON value, handing it back when its shape does not fit.
    fn from_json(value: Value) -> Result<Self, Value>;
    fn to_json(&self) -> Value;
}

impl FieldValue for String {
    fn from_json(value: Value) -> Result<Self, Value> {
        match value {
            Value::String(s) => Ok(s),
            other => Err(other),
        }
    }
    fn to_json(&self) -> Value {
        Value::String(self.clone())
    }
}

impl FieldValue for f64 {
    fn from_json(value: Value) -> Result<Self, Value> {
        match &value {
            Value::Number(n) => n.as_f64().ok_or(value),
            _ => Err(value),
        }
    }
    fn to_json(&self) -> Value {
        number_to_json(*self)
    }
}

impl FieldValue for bool {
    fn from_json(value: Value) -> Result<Self, Value> {
        match value {
            Value::Bool(b) => Ok(b),
            other => Err(other),
        }
    }
    fn to_json(&self) -> Value {
        Value::Bool(*self)
    }
}

impl FieldValue for Vec<String> {
    fn from_json(value: Value) -> Result<Self, Value> {
        match value {
            Value::Array(items) if items.iter().all(Value::is_string) => {
                // A new, exact allocation: collecting in place would keep the array's
                // (larger) buffer of JSON values.
                let mut strings = Vec::with_capacity(items.len());
                strings.extend(items.into_iter().filter_map(|v| match v {
                    Value::String(s) => Some(s),
                    _ => None,
                }));
                Ok(strings)
            }
            other => Err(other),
        }
    }
    fn to_json(&self) -> Value {
        Value::Array(self.iter().cloned().map(Value::String).collect())
    }
}

impl FieldValue for Value {
    fn from_json(value: Value) -> Result<Self, Value> {
        Ok(value)
    }
    fn to_json(&self) -> Value {
        self.clone()
    }
}

/// Whole numbers print without a fraction, the way PostgreSQL writes them.
pub fn number_to_json(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
    }
}

/// Declares a struct of typed fields, each bound to its PostgreSQL EXPLAIN key.
macro_rules! explain_fields {
    ($(#[$meta:meta])* $name:ident { $( $field:ident : $ty:ty = $key:literal ),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct $name { $( pub $field: Option<$ty>, )* }

        impl $name {
            /// The PostgreSQL keys typed by this struct, in output order.
            pub const KEYS: &'static [&'static str] = &[$($key),*];

            /// Stores `value` under its PostgreSQL key. Hands the value back when the key
            /// is not typed here or the value has another shape, so the caller keeps it.
            pub fn set(&mut self, key: &str, value: Value) -> Result<(), Value> {
                match key {
                    $( $key => { self.$field = Some(<$ty as FieldValue>::from_json(value)?); Ok(()) } )*
                    _ => Err(value),
                }
            }

            /// Appends every present field to `out` under its PostgreSQL key.
            pub fn write_to(&self, out: &mut Vec<(&'static str, Value)>) {
                $( if let Some(v) = &self.$field { out.push(($key, FieldValue::to_json(v))); } )*
            }

            /// Takes every field `other` has, keeping the ones it lacks.
            pub fn merge(&mut self, other: Self) {
                $( if other.$field.is_some() { self.$field = other.$field; } )*
            }

            /// The field stored under a PostgreSQL key, as JSON.
            pub fn get(&self, key: &str) -> Option<Value> {
                match key {
                    $( $key => self.$field.as_ref().map(FieldValue::to_json), )*
                    _ => None,
                }
            }
        }
    };
}

explain_fields! {
    /// Typed fields of one plan node (PostgreSQL 9.6 to 18).
    NodeFields {
        node_type: String = "Node Type",
        strategy: String = "Strategy",
        partial_mode: String = "Partial Mode",
        operation: String = "Operation",
        parent_relationship: String = "Parent Relationship",
        subplan_name: String = "Subplan Name",
        custom_plan_provider: String = "Custom Plan Provider",
        parallel_aware: bool = "Parallel Aware",
        async_capable: bool = "Async Capable",
        disabled: bool = "Disabled",
        join_type: String = "Join Type",
        inner_unique: bool = "Inner Unique",
        scan_direction: String = "Scan Direction",
        index_name: String = "Index Name",
        relation_name: String = "Relation Name",
        schema: String = "Schema",
        alias: String = "Alias",
        function_name: String = "Function Name",
        table_function_name: String = "Table Function Name",
        cte_name: String = "CTE Name",
        tuplestore_name: String = "Tuplestore Name",
        command: String = "Command",
        startup_cost: f64 = "Startup Cost",
        total_cost: f64 = "Total Cost",
        plan_rows: f64 = "Plan Rows",
        plan_width: f64 = "Plan Width",
        actual_startup_time: f64 = "Actual Startup Time",
        actual_total_time: f64 = "Actual Total Time",
        actual_rows: f64 = "Actual Rows",
        actual_loops: f64 = "Actual Loops",
        output: Vec<String> = "Output",
        single_copy: bool = "Single Copy",
        workers_planned: f64 = "Workers Planned",
        workers_launched: f64 = "Workers Launched",
        group_key: Vec<String> = "Group Key",
        sort_key: Vec<String> = "Sort Key",
        presorted_key: Vec<String> = "Presorted Key",
        sort_method: String = "Sort Method",
        sort_space_used: f64 = "Sort Space Used",
        sort_space_type: String = "Sort Space Type",
        index_cond: String = "Index Cond",
        recheck_cond: String = "Recheck Cond",
        order_by: String = "Order By",
        tid_cond: String = "TID Cond",
        merge_cond: String = "Merge Cond",
        hash_cond: String = "Hash Cond",
        join_filter: String = "Join Filter",
        filter: String = "Filter",
        one_time_filter: String = "One-Time Filter",
        run_condition: String = "Run Condition",
        rows_removed_by_join_filter: f64 = "Rows Removed by Join Filter",
        rows_removed_by_filter: f64 = "Rows Removed by Filter",
        rows_removed_by_index_recheck: f64 = "Rows Removed by Index Recheck",
        index_searches: f64 = "Index Searches",
        heap_fetches: f64 = "Heap Fetches",
        exact_heap_blocks: f64 = "Exact Heap Blocks",
        lossy_heap_blocks: f64 = "Lossy Heap Blocks",
        hash_buckets: f64 = "Hash Buckets",
        original_hash_buckets: f64 = "Original Hash Buckets",
        hash_batches: f64 = "Hash Batches",
        original_hash_batches: f64 = "Original Hash Batches",
        peak_memory_usage: f64 = "Peak Memory Usage",
        planned_partitions: f64 = "Planned Partitions",
        hashagg_batches: f64 = "HashAgg Batches",
        disk_usage: f64 = "Disk Usage",
        subplans_removed: f64 = "Subplans Removed",
        cache_key: String = "Cache Key",
        cache_mode: String = "Cache Mode",
        cache_hits: f64 = "Cache Hits",
        cache_misses: f64 = "Cache Misses",
        cache_evictions: f64 = "Cache Evictions",
        cache_overflows: f64 = "Cache Overflows",
        shared_hit_blocks: f64 = "Shared Hit Blocks",
        shared_read_blocks: f64 = "Shared Read Blocks",
        shared_dirtied_blocks: f64 = "Shared Dirtied Blocks",
        shared_written_blocks: f64 = "Shared Written Blocks",
        local_hit_blocks: f64 = "Local Hit Blocks",
        local_read_blocks: f64 = "Local Read Blocks",
        local_dirtied_blocks: f64 = "Local Dirtied Blocks",
        local_written_blocks: f64 = "Local Written Blocks",
        temp_read_blocks: f64 = "Temp Read Blocks",
        temp_written_blocks: f64 = "Temp Written Blocks",
        io_read_time: f64 = "I/O Read Time",
        io_write_time: f64 = "I/O Write Time",
        shared_io_read_time: f64 = "Shared I/O Read Time",
        shared_io_write_time: f64 = "Shared I/O Write Time",
        local_io_read_time: f64 = "Local I/O Read Time",
        local_io_write_time: f64 = "Local I/O Write Time",
        temp_io_read_time: f64 = "Temp I/O Read Time",
        temp_io_write_time: f64 = "Temp I/O Write Time",
        wal_records: f64 = "WAL Records",
        wal_fpi: f64 = "WAL FPI",
        wal_bytes: f64 = "WAL Bytes",
        wal_buffers_full: f64 = "WAL Buffers Full",
        workers: Vec<Worker> = "Workers",
    }
}

explain_fields! {
    /// Typed fields of one entry of a node's `Workers` list.
    WorkerFields {
        worker_number: f64 = "Worker Number",
        actual_startup_time: f64 = "Actual Startup Time",
        actual_total_time: f64 = "Actual Total Time",
        actual_rows: f64 = "Actual Rows",
        actual_loops: f64 = "Actual Loops",
        sort_method: String = "Sort Method",
        sort_space_used: f64 = "Sort Space Used",
        sort_space_type: String = "Sort Space Type",
        hashagg_batches: f64 = "HashAgg Batches",
        peak_memory_usage: f64 = "Peak Memory Usage",
        disk_usage: f64 = "Disk Usage",
        exact_heap_blocks: f64 = "Exact Heap Blocks",
        lossy_heap_blocks: f64 = "Lossy Heap Blocks",
        shared_hit_blocks: f64 = "Shared Hit Blocks",
        shared_read_blocks: f64 = "Shared Read Blocks",
        shared_dirtied_blocks: f64 = "Shared Dirtied Blocks",
        shared_written_blocks: f64 = "Shared Written Blocks",
        local_hit_blocks: f64 = "Local Hit Blocks",
        local_read_blocks: f64 = "Local Read Blocks",
        local_dirtied_blocks: f64 = "Local Dirtied Blocks",
        local_written_blocks: f64 = "Local Written Blocks",
        temp_read_blocks: f64 = "Temp Read Blocks",
        temp_written_blocks: f64 = "Temp Written Blocks",
    }
}

/// One entry of a node's `Workers` list. Typed rather than a JSON object: a plan with
/// tens of thousands of parallel nodes holds as many entries, and a `serde_json` map
/// of fifteen keys costs several times the bytes the entry took in the input.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Worker {
    pub fields: WorkerFields,
    /// Keys this model does not type (`JIT`, `Full-sort Groups`, Memoize's cache
    /// counters, I/O timings, WAL, ...), kept verbatim. Typed are the keys of nearly
    /// every entry: each typed key costs 16 bytes in every entry.
    pub extra: Map<String, Value>,
}

impl Worker {
    /// Stores a PostgreSQL key, typed when known, else verbatim.
    pub fn set(&mut self, key: &str, value: Value) {
        if let Err(value) = self.fields.set(key, value) {
            self.extra.insert(key.to_owned(), value);
        }
    }

    /// The value under a PostgreSQL key, typed or not, as JSON.
    pub fn get(&self, key: &str) -> Option<Value> {
        self.fields.get(key).or_else(|| self.extra.get(key).cloned())
    }

    /// Takes every key `other` has, as if each were [`Self::set`] again.
    pub fn merge(&mut self, other: Worker) {
        self.fields.merge(other.fields);
        self.extra.extend(other.extra);
    }

    /// A number under a PostgreSQL key.
    pub fn number(&self, key: &str) -> Option<f64> {
        self.get(key).and_then(|v| v.as_f64())
    }

    /// The entry as PostgreSQL writes it: typed keys first, in output order.
    pub fn to_map(&self) -> Map<String, Value> {
        let mut entries = Vec::new();
        self.fields.write_to(&mut entries);
        let mut map: Map<String, Value> = entries.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        map.extend(self.extra.iter().map(|(k, v)| (k.clone(), v.clone())));
        map
    }
}

impl FieldValue for Vec<Worker> {
    /// A list of objects; anything else is handed back (and kept verbatim by the caller).
    fn from_json(value: Value) -> Result<Self, Value> {
        match value {
            Value::Array(items) if items.iter().all(Value::is_object) => {
                // Exact capacity: a collected Vec would start at 4 entries of 600 bytes.
                let mut workers = Vec::with_capacity(items.len());
                for item in items {
                    if let Value::Object(map) = item {
                        let mut worker = Worker::default();
                        for (k, v) in map {
                            worker.set(&k, v);
                        }
                        workers.push(worker);
                    }
                }
                Ok(workers)
            }
            other => Err(other),
        }
    }
    fn to_json(&self) -> Value {
        Value::Array(self.iter().map(|w| Value::Object(w.to_map())).collect())
    }
}

explain_fields! {
    /// Typed fields of a whole EXPLAIN document, around its root node.
    DocumentFields {
        query_text: String = "Query Text",
        query_identifier: Value = "Query Identifier",
        planning: Value = "Planning",
        planning_time: f64 = "Planning Time",
        triggers: Value = "Triggers",
        jit: Value = "JIT",
        settings: Value = "Settings",
        serialization: Value = "Serialization",
        execution_time: f64 = "Execution Time",
        total_runtime: f64 = "Total Runtime",
    }
}

/// One node of a plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanNode {
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
    /// Distance from the root (root = 0).
    pub depth: usize,
    pub fields: NodeFields,
    /// Keys this model does not type, kept as PostgreSQL wrote them.
    pub extra: Map<String, Value>,
    /// 1-based line of the node in the input, where the parser knows it.
    pub line: Option<u32>,
}

impl PlanNode {
    /// Stores a PostgreSQL key, typed when known, else verbatim.
    pub fn set(&mut self, key: &str, value: Value) {
        if let Err(value) = self.fields.set(key, value) {
            self.extra.insert(key.to_owned(), value);
        }
    }

    pub fn node_type(&self) -> &str {
        self.fields.node_type.as_deref().unwrap_or("?")
    }

    /// `Actual Loops`, or 1 when the plan has no ANALYZE data.
    pub fn loops(&self) -> f64 {
        self.fields.actual_loops.unwrap_or(1.0)
    }

    /// True when the node ran (ANALYZE data present and at least one loop).
    pub fn executed(&self) -> bool {
        self.fields.actual_loops.is_some_and(|l| l > 0.0)
    }

    /// The relation as PostgreSQL names it, schema-qualified when the plan is VERBOSE.
    pub fn qualified_relation(&self) -> Option<String> {
        let rel = self.fields.relation_name.as_deref()?;
        Some(crate::rules::fixsql::qualify(self.fields.schema.as_deref(), rel))
    }

    /// Short label: `Seq Scan on orders o`, `Index Scan using i on t`.
    pub fn label(&self) -> String {
        let f = &self.fields;
        let mut label = match (f.join_type.as_deref(), f.node_type.as_deref()) {
            // PostgreSQL's text format names the join type inside the node name.
            (Some(join), Some("Nested Loop")) if join != "Inner" => format!("Nested Loop {join} Join"),
            (Some(join), Some(nt)) if nt.ends_with(" Join") && join != "Inner" => {
                format!("{} {join} Join", nt.trim_end_matches(" Join"))
            }
            (_, Some(nt)) if f.parallel_aware == Some(true) && !nt.starts_with("Parallel") => format!("Parallel {nt}"),
            _ => self.node_type().to_owned(),
        };
        if f.node_type.as_deref() == Some("Aggregate") {
            // The names EXPLAIN's text format uses.
            label = match f.strategy.as_deref() {
                Some("Hashed") => "HashAggregate".to_owned(),
                Some("Sorted") => "GroupAggregate".to_owned(),
                Some("Mixed") => "MixedAggregate".to_owned(),
                _ => label,
            };
            if let Some(mode) = f.partial_mode.as_deref().filter(|m| *m != "Simple") {
                label = format!("{mode} {label}");
            }
        }
        if let Some(index) = &f.index_name {
            label.push_str(" using ");
            label.push_str(index);
        }
        let target = self
            .qualified_relation()
            .or_else(|| f.cte_name.clone())
            .or_else(|| f.function_name.clone())
            .or_else(|| (f.node_type.as_deref() == Some("Subquery Scan")).then(|| f.alias.clone()).flatten());
        if let Some(target) = target {
            label.push_str(" on ");
            label.push_str(&target);
            if let Some(alias) = &f.alias {
                // `target` is `alias` or ends with `.alias` (checked without building it:
                // every node of a plan view gets a label).
                let named_by_alias = target
                    .strip_suffix(alias.as_str())
                    .is_some_and(|head| head.is_empty() || head.ends_with('.'));
                if !named_by_alias {
                    label.push(' ');
                    label.push_str(alias);
                }
            }
        }
        label
    }
}

/// A plan tree stored as a pre-order arena. Node 0 is the root.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plan {
    pub nodes: Vec<PlanNode>,
}

impl Plan {
    /// Appends a node under `parent` and returns its id. Pre-order is kept as long as
    /// callers add a node's children before its next sibling, as both parsers do.
    pub fn push(&mut self, parent: Option<NodeId>) -> NodeId {
        let id = self.nodes.len();
        let depth = parent.map_or(0, |p| self.nodes[p].depth + 1);
        self.nodes.push(PlanNode { parent, depth, ..PlanNode::default() });
        if let Some(p) = parent {
            self.nodes[p].children.push(id);
        }
        id
    }

    pub fn root(&self) -> Option<&PlanNode> {
        self.nodes.first()
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Ids of `id` and all its descendants (pre-order makes them contiguous).
    pub fn subtree(&self, id: NodeId) -> std::ops::Range<NodeId> {
        let depth = self.nodes[id].depth;
        let end = self.nodes[id + 1..]
            .iter()
            .position(|n| n.depth <= depth)
            .map_or(self.nodes.len(), |offset| id + 1 + offset);
        id..end
    }

    /// Nearest ancestor (not `id` itself) that satisfies `pred`.
    pub fn ancestor(&self, id: NodeId, pred: impl Fn(&PlanNode) -> bool) -> Option<NodeId> {
        let mut cur = self.nodes[id].parent;
        while let Some(p) = cur {
            if pred(&self.nodes[p]) {
                return Some(p);
            }
            cur = self.nodes[p].parent;
        }
        None
    }
}

/// One EXPLAIN output: the plan and the document-level fields around it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlanDocument {
    pub plan: Plan,
    pub fields: DocumentFields,
    pub extra: Map<String, Value>,
}

impl PlanDocument {
    pub fn set(&mut self, key: &str, value: Value) {
        if let Err(value) = self.fields.set(key, value) {
            self.extra.insert(key.to_owned(), value);
        }
    }

    /// Execution time, falling back to the pre-9.4 "Total runtime" and then to the
    /// root's own total time.
    pub fn execution_time(&self) -> Option<f64> {
        self.fields.execution_time.or(self.fields.total_runtime).or_else(|| {
            let root = self.plan.root()?;
            Some(root.fields.actual_total_time? * root.loops())
        })
    }

    /// `Settings` as name/value pairs, in PostgreSQL's order.
    pub fn settings(&self) -> Vec<(&str, &str)> {
        match &self.fields.settings {
            Some(Value::Object(map)) => map.iter().filter_map(|(k, v)| Some((k.as_str(), v.as_str()?))).collect(),
            _ => Vec::new(),
        }
    }

    /// A number inside the `JIT` object, e.g. `jit_number(&["Timing", "Total"])`.
    pub fn jit_number(&self, path: &[&str]) -> Option<f64> {
        let mut value = self.fields.jit.as_ref()?;
        for key in path {
            value = value.get(key)?;
        }
        value.as_f64().or_else(|| value.get("Total")?.as_f64())
    }

    /// True when the plan carries ANALYZE data.
    pub fn has_analyze(&self) -> bool {
        self.plan.root().is_some_and(|r| r.fields.actual_loops.is_some())
    }
}
