//! EXPLAIN (FORMAT JSON) reader.
//!
//! A hand-written, iterative JSON parser: serde_json recurses once per nesting level
//! and stops at 128 levels, but a plan 500 nodes deep nests 1,000 levels. Here the
//! nesting lives in a heap stack, plan nodes go straight into the [`Plan`] arena, and
//! only the shallow values inside a node (`Workers`, `Settings`, ...) become
//! `serde_json::Value`s, with their own depth cap.

use std::borrow::Cow;

use serde_json::{Map, Value};

use super::model::{FieldValue, NodeId, Plan, PlanDocument, Worker};
use super::PlanError;

/// Nesting allowed for values that are not plan nodes (plan nodes may nest freely).
const MAX_VALUE_DEPTH: usize = 64;

/// Parses every EXPLAIN JSON document found in `text` (several for auto_explain logs).
/// `text` must already be cleaned of psql decorations (see [`super::input`]).
pub fn parse_documents(text: &str) -> Result<Vec<PlanDocument>, PlanError> {
    let mut docs = Vec::new();
    let mut parser = Parser { src: text.as_bytes(), text, pos: 0 };
    // Skip whatever sits between documents (auto_explain's log prefixes, blank lines)
    // up to the next place where a JSON document can start.
    while let Some(start) = next_document_start(parser.src, parser.pos) {
        parser.pos = start;
        parser.parse_top(&mut docs)?;
    }
    if docs.is_empty() {
        return Err(PlanError::new("no EXPLAIN JSON object found (expected `[` or `{`)"));
    }
    Ok(docs)
}

/// The next `{` followed by a key (or `}`), or `[` followed by such an object: log
/// prefixes such as `[1234]` or `{}` in a message are not mistaken for a plan.
fn next_document_start(src: &[u8], from: usize) -> Option<usize> {
    let after_ws = |i: usize| src[i..].iter().position(|b| !b.is_ascii_whitespace()).map(|o| i + o);
    let opens_object = |i: usize| src[i] == b'{' && after_ws(i + 1).is_some_and(|j| src[j] == b'"' || src[j] == b'}');
    (from..src.len()).find(|&i| match src[i] {
        b'{' => opens_object(i),
        b'[' => after_ws(i + 1).is_some_and(|j| src[j] == b'{' && opens_object(j)),
        _ => false,
    })
}

/// What an open object is, decided by where it sits.
enum ObjectKind {
    /// A top-level object: an EXPLAIN document, or a bare plan node if it has `Plans`
    /// or `Node Type` but no `Plan`.
    Top { map: Map<String, Value>, bare_root: Option<NodeId> },
    /// A plan node already allocated in the arena.
    Node(NodeId),
    /// The last entry of a node's `Workers`, filled in place: no JSON map per entry.
    Worker(NodeId),
    /// Any other object.
    Value(Map<String, Value>),
}

enum ArrayKind {
    /// The outer array of `EXPLAIN (FORMAT JSON)` output: a list of documents.
    Top,
    /// A node's `Plans`: each element is a child node.
    Plans(NodeId),
    /// A node's `Workers`: objects become typed entries; anything else (not from
    /// PostgreSQL) is collected so that the list can be kept verbatim instead.
    Workers { node: NodeId, stray: Vec<Value> },
    Value(Vec<Value>),
}

enum Frame<'a> {
    /// `key`: borrowed from the input unless it holds escapes.
    Object { kind: ObjectKind, key: Option<Cow<'a, str>> },
    Array(ArrayKind),
}

/// A finished value handed to its parent frame.
enum Done {
    Value(Value),
    /// A plan node or a list of child nodes: already linked in the arena.
    Linked,
    /// Boxed: every scalar of the input is handed up as a `Done`, which would
    /// otherwise be as large as a document's fields.
    Document(Box<PlanDocument>),
}

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn error(&self, message: impl Into<String>) -> PlanError {
        PlanError::at_offset(message, self.text, self.pos)
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.src.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn expect(&mut self, byte: u8) -> Result<(), PlanError> {
        self.skip_ws();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.unexpected(&format!("`{}`", byte as char)))
        }
    }

    fn unexpected(&self, wanted: &str) -> PlanError {
        match self.text[self.pos.min(self.text.len())..].chars().next() {
            None => self.error(format!("unexpected end of input, expected {wanted}")),
            Some(c) => self.error(format!("unexpected `{c}`, expected {wanted}")),
        }
    }

    /// Parses one top-level value (a document or an array of documents).
    fn parse_top(&mut self, docs: &mut Vec<PlanDocument>) -> Result<(), PlanError> {
        let mut stack: Vec<Frame<'a>> = Vec::new();
        let mut plan = Plan::default();
        let mut value_depth = 0usize;
        loop {
            self.skip_ws();
            // Inside an object, read the next key (or the closing brace).
            let mut finished: Option<Done> = None;
            if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                if key.is_none() {
                    match self.peek() {
                        Some(b'}') => {
                            self.pos += 1;
                            finished = Some(self.close_object(&mut stack, &mut plan, &mut value_depth)?);
                        }
                        Some(b'"') => {
                            let k = self.parse_string()?;
                            self.expect(b':')?;
                            self.skip_ws();
                            if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                                *key = Some(k);
                            }
                        }
                        _ => return Err(self.unexpected("a key string or `}`")),
                    }
                }
            } else if let Some(Frame::Array(_)) = stack.last() {
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    finished = Some(self.close_array(&mut stack, &mut plan, &mut value_depth));
                }
            }
            if finished.is_none() {
                self.skip_ws();
                match self.peek() {
                    Some(b'{') => {
                        self.pos += 1;
                        let kind = self.object_kind(&mut stack, &mut plan, &mut value_depth)?;
                        stack.push(Frame::Object { kind, key: None });
                        continue;
                    }
                    Some(b'[') => {
                        self.pos += 1;
                        let kind = self.array_kind(&mut stack, &mut plan, &mut value_depth)?;
                        stack.push(Frame::Array(kind));
                        continue;
                    }
                    _ => finished = Some(Done::Value(self.parse_scalar()?)),
                }
            }
            // Hand finished values up until one lands in an open container.
            let mut done = finished.unwrap_or(Done::Linked);
            loop {
                match stack.last_mut() {
                    None => {
                        match done {
                            Done::Document(doc) => docs.push(*doc),
                            Done::Linked => {}
                            Done::Value(_) => return Err(self.error("expected an EXPLAIN JSON object or array")),
                        }
                        return Ok(());
                    }
                    Some(Frame::Array(kind)) => {
                        match (kind, done) {
                            (ArrayKind::Value(items), Done::Value(v)) => items.push(v),
                            (ArrayKind::Workers { stray, .. }, Done::Value(v)) => stray.push(v),
                            (ArrayKind::Top, Done::Document(doc)) => docs.push(*doc),
                            (ArrayKind::Plans(_) | ArrayKind::Workers { .. } | ArrayKind::Top, Done::Linked) => {}
                            _ => return Err(self.error("unexpected value in a plan list")),
                        }
                        self.after_item(b']')?;
                        break;
                    }
                    Some(Frame::Object { kind, key }) => {
                        let k = key.take().unwrap_or(Cow::Borrowed(""));
                        match (kind, done) {
                            (ObjectKind::Top { map, .. }, Done::Value(v)) => {
                                map.insert(k.into_owned(), v);
                            }
                            (ObjectKind::Node(id), Done::Value(v)) => plan.nodes[*id].set(&k, v),
                            (ObjectKind::Worker(id), Done::Value(v)) => {
                                if let Some(worker) = plan.nodes[*id].fields.workers.as_mut().and_then(|w| w.last_mut()) {
                                    worker.set(&k, v);
                                }
                            }
                            (ObjectKind::Value(map), Done::Value(v)) => {
                                map.insert(k.into_owned(), v);
                            }
                            (_, Done::Linked) => {}
                            (_, Done::Document(_)) => return Err(self.error("a plan document cannot nest")),
                        }
                        if self.after_item(b'}')? {
                            done = self.close_object(&mut stack, &mut plan, &mut value_depth)?;
                            continue;
                        }
                        break;
                    }
                }
            }
        }
    }

    /// After a value inside a container: consumes `,` and returns false, or consumes the
    /// closing byte and returns true. A closing `]` is left for the main loop.
    fn after_item(&mut self, close: u8) -> Result<bool, PlanError> {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                self.skip_ws();
                if matches!(self.peek(), Some(b'}') | Some(b']')) {
                    return Err(self.error("trailing comma"));
                }
                Ok(false)
            }
            Some(b) if b == close => {
                if close == b'}' {
                    self.pos += 1;
                    Ok(true)
                } else {
                    Ok(false)
                }
            }
            _ => Err(self.unexpected(&format!("`,` or `{}`", close as char))),
        }
    }

    fn object_kind(&self, stack: &mut [Frame<'a>], plan: &mut Plan, value_depth: &mut usize) -> Result<ObjectKind, PlanError> {
        let kind = match stack.last_mut() {
            None | Some(Frame::Array(ArrayKind::Top)) => {
                *plan = Plan::default();
                ObjectKind::Top { map: Map::new(), bare_root: None }
            }
            Some(Frame::Object { kind: ObjectKind::Top { .. }, key: Some(k) }) if *k == "Plan" => {
                ObjectKind::Node(plan.push(None))
            }
            Some(Frame::Array(ArrayKind::Plans(parent))) => ObjectKind::Node(plan.push(Some(*parent))),
            Some(Frame::Array(ArrayKind::Workers { node, .. })) => {
                let workers = plan.nodes[*node].fields.workers.get_or_insert_with(Vec::new);
                // Nodes have a few workers each: grow one entry at a time.
                workers.reserve_exact(1);
                workers.push(Worker::default());
                ObjectKind::Worker(*node)
            }
            _ => {
                *value_depth += 1;
                if *value_depth > MAX_VALUE_DEPTH {
                    return Err(self.error(format!("JSON nested more than {MAX_VALUE_DEPTH} levels outside plan nodes")));
                }
                ObjectKind::Value(Map::new())
            }
        };
        Ok(kind)
    }

    fn array_kind(&self, stack: &mut [Frame<'a>], plan: &mut Plan, value_depth: &mut usize) -> Result<ArrayKind, PlanError> {
        let kind = match stack.last_mut() {
            None => ArrayKind::Top,
            Some(Frame::Object { kind: ObjectKind::Node(id), key: Some(k) }) if *k == "Plans" => ArrayKind::Plans(*id),
            Some(Frame::Object { kind: ObjectKind::Node(id), key: Some(k) }) if *k == "Workers" => {
                // A repeated key replaces the list, as it would any other value.
                plan.nodes[*id].fields.workers = Some(Vec::new());
                ArrayKind::Workers { node: *id, stray: Vec::new() }
            }
            Some(Frame::Object { kind: ObjectKind::Top { bare_root, .. }, key: Some(k) }) if *k == "Plans" => {
                // A bare node pasted without the `{"Plan": ...}` wrapper.
                if plan.is_empty() {
                    *bare_root = Some(plan.push(None));
                }
                ArrayKind::Plans(bare_root.unwrap_or(0))
            }
            _ => {
                *value_depth += 1;
                if *value_depth > MAX_VALUE_DEPTH {
                    return Err(self.error(format!("JSON nested more than {MAX_VALUE_DEPTH} levels outside plan nodes")));
                }
                ArrayKind::Value(Vec::new())
            }
        };
        Ok(kind)
    }

    fn close_array(&self, stack: &mut Vec<Frame<'a>>, plan: &mut Plan, value_depth: &mut usize) -> Done {
        match stack.pop() {
            Some(Frame::Array(ArrayKind::Value(items))) => {
                *value_depth -= 1;
                Done::Value(Value::Array(items))
            }
            Some(Frame::Array(ArrayKind::Workers { node, stray })) if !stray.is_empty() => {
                // Not a list of worker objects: kept verbatim, as an untyped key is.
                let node = &mut plan.nodes[node];
                let mut items = match node.fields.workers.take().map(|w| w.to_json()) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                };
                items.extend(stray);
                node.extra.insert("Workers".to_owned(), Value::Array(items));
                Done::Linked
            }
            _ => Done::Linked,
        }
    }

    fn close_object(&self, stack: &mut Vec<Frame<'a>>, plan: &mut Plan, value_depth: &mut usize) -> Result<Done, PlanError> {
        let Some(Frame::Object { kind, .. }) = stack.pop() else {
            return Ok(Done::Linked);
        };
        Ok(match kind {
            ObjectKind::Value(map) => {
                *value_depth -= 1;
                Done::Value(Value::Object(map))
            }
            ObjectKind::Node(id) => {
                if plan.nodes[id].fields.node_type.is_none() {
                    return Err(self.error("plan node without \"Node Type\""));
                }
                Done::Linked
            }
            ObjectKind::Worker(_) => Done::Linked,
            ObjectKind::Top { map, bare_root } => {
                let mut doc = PlanDocument { plan: std::mem::take(plan), ..PlanDocument::default() };
                if bare_root.is_some() || (map.contains_key("Node Type") && doc.plan.is_empty()) {
                    if doc.plan.is_empty() {
                        doc.plan.push(None);
                    }
                    for (k, v) in map {
                        doc.plan.nodes[0].set(&k, v);
                    }
                    // As for a wrapped node: without a type it is not a plan node.
                    if doc.plan.nodes[0].fields.node_type.is_none() {
                        return Err(self.error("plan node without \"Node Type\""));
                    }
                } else {
                    for (k, v) in map {
                        doc.set(&k, v);
                    }
                }
                if doc.plan.is_empty() {
                    return Err(self.error("JSON object is not an EXPLAIN plan: it has no \"Plan\" or \"Node Type\" key"));
                }
                Done::Document(Box::new(doc))
            }
        })
    }

    fn parse_scalar(&mut self) -> Result<Value, PlanError> {
        match self.peek() {
            Some(b'"') => Ok(Value::String(self.parse_string()?.into_owned())),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.parse_number(),
            _ => Err(self.unexpected("a JSON value")),
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, PlanError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.unexpected(&format!("`{word}`")))
        }
    }

    fn parse_number(&mut self) -> Result<Value, PlanError> {
        let start = self.pos;
        while let Some(b) = self.peek() {
            if b.is_ascii_digit() || matches!(b, b'-' | b'+' | b'.' | b'e' | b'E') {
                self.pos += 1;
            } else {
                break;
            }
        }
        let digits = &self.text[start..self.pos];
        digits.parse::<serde_json::Number>().map(Value::Number).map_err(|_| {
            PlanError::at_offset(format!("invalid number `{digits}`"), self.text, start)
        })
    }

    /// A string, borrowed from the input when it has no escapes (keys nearly always).
    fn parse_string(&mut self) -> Result<Cow<'a, str>, PlanError> {
        let start = self.pos;
        self.pos += 1; // opening quote
        let text: &'a str = self.text;
        let run_start = self.pos;
        while let Some(b) = self.peek() {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos += 1;
        }
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(Cow::Borrowed(&text[run_start..self.pos - 1]));
        }
        self.pos = run_start;
        let mut out = String::new();
        loop {
            let run_start = self.pos;
            while let Some(b) = self.peek() {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.pos += 1;
            }
            out.push_str(&self.text[run_start..self.pos]);
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let c = self.parse_unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("invalid escape in string")),
                    };
                    self.pos += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error("control character in string")),
                None => return Err(PlanError::at_offset("unterminated string", self.text, start)),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, PlanError> {
        let hex = self.text.get(self.pos..self.pos + 4).ok_or_else(|| self.error("truncated \\u escape"))?;
        let code = u32::from_str_radix(hex, 16).map_err(|_| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(code)
    }

    fn parse_unicode_escape(&mut self) -> Result<char, PlanError> {
        let first = self.hex4()?;
        if (0xD800..0xDC00).contains(&first) && self.src[self.pos..].starts_with(b"\\u") {
            self.pos += 2;
            let second = self.hex4()?;
            let code = 0x10000 + ((first - 0xD800) << 10) + (second.wrapping_sub(0xDC00) & 0x3FF);
            return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
        }
        Ok(char::from_u32(first).unwrap_or('\u{FFFD}'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_single_object_and_array_forms() {
        let one = r#"{"Plan": {"Node Type": "Seq Scan", "Relation Name": "t", "Plan Rows": 5}}"#;
        let docs = parse_documents(one).expect("object");
        assert_eq!(docs[0].plan.nodes[0].fields.relation_name.as_deref(), Some("t"));
        let arr = format!("[{one}, {one}]");
        assert_eq!(parse_documents(&arr).expect("array").len(), 2);
    }

    #[test]
    fn keeps_unknown_keys_and_mistyped_values() {
        let text = r#"[{"Plan": {"Node Type": "Result", "Frobnication": [1, {"a": 2}], "Plan Rows": "many"}, "Extra Top": 1}]"#;
        let doc = &parse_documents(text).expect("parse")[0];
        let node = &doc.plan.nodes[0];
        assert_eq!(node.extra["Frobnication"], serde_json::json!([1, {"a": 2}]));
        assert_eq!(node.extra["Plan Rows"], serde_json::json!("many"));
        assert_eq!(doc.extra["Extra Top"], serde_json::json!(1));
    }

    #[test]
    fn workers_are_typed_and_odd_lists_kept_verbatim() {
        let text = r#"[{"Plan": {"Node Type": "Sort", "Workers": [{"Worker Number": 1, "Actual Rows": 5, "Sort Method": "quicksort", "JIT": {"Functions": 2}}]}}]"#;
        let node = &parse_documents(text).expect("parse")[0].plan.nodes[0];
        let workers = node.fields.workers.as_deref().expect("typed workers");
        assert_eq!(workers.len(), 1);
        assert_eq!(workers[0].fields.worker_number, Some(1.0));
        assert_eq!(workers[0].fields.sort_method.as_deref(), Some("quicksort"));
        assert_eq!(workers[0].extra["JIT"], serde_json::json!({"Functions": 2}));
        let odd = r#"[{"Plan": {"Node Type": "Sort", "Workers": [{"Worker Number": 0}, 7]}}]"#;
        let node = &parse_documents(odd).expect("parse")[0].plan.nodes[0];
        assert!(node.fields.workers.is_none());
        assert_eq!(node.extra["Workers"], serde_json::json!([{"Worker Number": 0}, 7]));
    }

    #[test]
    fn deep_plans_do_not_overflow() {
        let depth = 5_000;
        let mut text = String::from("[{\"Plan\": ");
        for _ in 0..depth {
            text.push_str("{\"Node Type\": \"Result\", \"Plans\": [");
        }
        text.push_str("{\"Node Type\": \"Result\"}");
        for _ in 0..depth {
            text.push_str("]}");
        }
        text.push_str("}]");
        let doc = &parse_documents(&text).expect("deep plan")[0];
        assert_eq!(doc.plan.len(), depth + 1);
        assert_eq!(doc.plan.nodes[depth].depth, depth);
    }

    #[test]
    fn errors_carry_line_and_column() {
        let err = parse_documents("[{\"Plan\": {\"Node Type\": \"Seq Scan\",\n  \"Plan Rows\": tru}}]").expect_err("bad literal");
        assert_eq!((err.line, err.column), (Some(2), Some(16)));
        let err = parse_documents("{\"Plan\": {\"Node Type\": \"X\"}").expect_err("truncated");
        assert!(err.message.contains("end of input"), "{}", err.message);
    }

    #[test]
    fn auto_explain_json_log_holds_several_plans() {
        let log = "2024-05-01 10:00:00 UTC [4242] LOG:  duration: 12.5 ms  plan:\n\t{\n\t  \"Query Text\": \"select 1\",\n\t  \"Plan\": {\"Node Type\": \"Result\"}\n\t}\n2024-05-01 10:00:01 UTC [4243] LOG:  duration: 3.1 ms  plan:\n\t{\"Query Text\": \"select 2\", \"Plan\": {\"Node Type\": \"Seq Scan\", \"Relation Name\": \"t\"}}\n";
        let docs = parse_documents(log).expect("log");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].fields.query_text.as_deref(), Some("select 1"));
        assert_eq!(docs[1].plan.nodes[0].fields.relation_name.as_deref(), Some("t"));
    }

    #[test]
    fn non_plan_json_is_rejected() {
        let err = parse_documents(r#"{"hello": "world"}"#).expect_err("not a plan");
        assert!(err.message.contains("not an EXPLAIN plan"));
    }
}
