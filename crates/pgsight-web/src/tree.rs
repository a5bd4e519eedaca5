//! The plan tree's logic: which rows show given what is collapsed, which rows are in
//! the scroll window, and where the arrow keys go. Nodes come from the core's
//! `PlanView`, flattened in pre-order with their parent and depth.

use std::collections::HashSet;
use std::ops::Range;

use pgsight_core::report::NodeView;

/// Fixed row height of the tree (px); the CSS uses the same figure.
pub const ROW_HEIGHT: f64 = 30.0;
/// Rows rendered above and below the visible window.
pub const OVERSCAN: usize = 8;

/// Per-node facts the tree needs, computed once per plan.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shape {
    pub parent: Vec<Option<usize>>,
    pub depth: Vec<usize>,
    pub has_children: Vec<bool>,
}

impl Shape {
    /// Node ids are pre-order positions (the core's `NodeView::id`); a parent that
    /// points nowhere is treated as none.
    pub fn of(nodes: &[NodeView]) -> Self {
        let n = nodes.len();
        let parent: Vec<Option<usize>> = nodes
            .iter()
            .enumerate()
            .map(|(i, v)| v.parent.filter(|&p| p < i))
            .collect();
        let mut has_children = vec![false; n];
        for p in parent.iter().flatten() {
            has_children[*p] = true;
        }
        Self {
            parent,
            depth: nodes.iter().map(|v| v.depth).collect(),
            has_children,
        }
    }

    pub fn len(&self) -> usize {
        self.parent.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parent.is_empty()
    }

    /// The rows to show, in order: every node none of whose ancestors is collapsed.
    pub fn visible(&self, collapsed: &HashSet<usize>) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.len());
        // Depth below which rows are hidden (inside a collapsed node), if any.
        let mut hide_deeper_than: Option<usize> = None;
        for id in 0..self.len() {
            let depth = self.depth[id];
            if let Some(limit) = hide_deeper_than {
                if depth > limit {
                    continue;
                }
                hide_deeper_than = None;
            }
            out.push(id);
            if collapsed.contains(&id) && self.has_children[id] {
                hide_deeper_than = Some(depth);
            }
        }
        out
    }

    /// `id`'s ancestors, nearest first.
    pub fn ancestors(&self, id: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut at = self.parent.get(id).copied().flatten();
        while let Some(p) = at {
            out.push(p);
            at = self.parent[p];
        }
        out
    }

    /// 1-based position of `id` among its siblings, and their count (ARIA
    /// `aria-posinset` / `aria-setsize`, needed because most rows are not in the DOM).
    pub fn position_in_set(&self, id: usize) -> (usize, usize) {
        let parent = self.parent[id];
        let siblings: Vec<usize> = (0..self.len())
            .filter(|&i| {
                self.parent[i] == parent && (parent.is_some() || self.depth[i] == self.depth[id])
            })
            .collect();
        let pos = siblings.iter().position(|&i| i == id).unwrap_or(0) + 1;
        (pos, siblings.len().max(1))
    }

    /// The same for every node at once (linear time).
    pub fn positions_in_sets(&self) -> Vec<(usize, usize)> {
        let n = self.len();
        let mut pos = vec![(1, 1); n];
        let mut count_by_parent: std::collections::HashMap<Option<usize>, usize> =
            Default::default();
        for (i, p) in self.parent.iter().enumerate() {
            let c = count_by_parent.entry(*p).or_insert(0);
            *c += 1;
            pos[i].0 = *c;
        }
        for (i, p) in self.parent.iter().enumerate() {
            pos[i].1 = count_by_parent[p];
        }
        pos
    }
}

/// Rows of `total` to render for a viewport of `height` px scrolled by `scroll_top`.
pub fn window(scroll_top: f64, height: f64, total: usize) -> Range<usize> {
    if total == 0 {
        return 0..0;
    }
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let count = (height.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = (first + count + OVERSCAN).min(total);
    start..end
}

/// The scroll offset that brings row `index` into view, if it is not: the smallest
/// move, so that a row just below the window lands at its bottom edge.
pub fn reveal(index: usize, scroll_top: f64, height: f64) -> Option<f64> {
    let top = index as f64 * ROW_HEIGHT;
    let bottom = top + ROW_HEIGHT;
    if top < scroll_top {
        Some(top)
    } else if bottom > scroll_top + height {
        Some((bottom - height).max(0.0))
    } else {
        None
    }
}

/// The scroll offset that puts row `index` in the middle of the viewport.
pub fn center(index: usize, height: f64) -> f64 {
    (index as f64 * ROW_HEIGHT - (height - ROW_HEIGHT) / 2.0).max(0.0)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
}

impl Key {
    /// From `KeyboardEvent.key`.
    pub fn from_dom(key: &str) -> Option<Key> {
        Some(match key {
            "ArrowUp" => Key::Up,
            "ArrowDown" => Key::Down,
            "ArrowLeft" => Key::Left,
            "ArrowRight" => Key::Right,
            "Home" => Key::Home,
            "End" => Key::End,
            "PageUp" => Key::PageUp,
            "PageDown" => Key::PageDown,
            _ => return None,
        })
    }
}

/// What a key press does: the new active node, and a node to collapse (`false`) or
/// expand (`true`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Move {
    pub active: usize,
    pub toggle: Option<(usize, bool)>,
}

/// The WAI-ARIA tree pattern: Up/Down move between visible rows; Right expands a
/// collapsed node or enters an expanded one; Left collapses an expanded node or goes
/// to the parent; Home/End jump; PageUp/PageDown move by `page` rows.
pub fn navigate(
    shape: &Shape,
    visible: &[usize],
    collapsed: &HashSet<usize>,
    active: usize,
    key: Key,
    page: usize,
) -> Move {
    let stay = Move {
        active,
        toggle: None,
    };
    if visible.is_empty() {
        return stay;
    }
    let at = visible.iter().position(|&v| v == active);
    let go = |index: usize| Move {
        active: visible[index.min(visible.len() - 1)],
        toggle: None,
    };
    let Some(at) = at else {
        return go(0);
    };
    let expanded = shape.has_children[active] && !collapsed.contains(&active);
    match key {
        Key::Up => go(at.saturating_sub(1)),
        Key::Down => go(at + 1),
        Key::Home => go(0),
        Key::End => go(visible.len() - 1),
        Key::PageUp => go(at.saturating_sub(page.max(1))),
        Key::PageDown => go(at + page.max(1)),
        Key::Right if shape.has_children[active] && !expanded => Move {
            active,
            toggle: Some((active, true)),
        },
        Key::Right if expanded => go(at + 1),
        Key::Right => stay,
        Key::Left if expanded => Move {
            active,
            toggle: Some((active, false)),
        },
        Key::Left => match shape.parent[active] {
            Some(parent) => Move {
                active: parent,
                toggle: None,
            },
            None => stay,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 0 ─┬─ 1 ─┬─ 2
    ///    │     └─ 3
    ///    └─ 4 ── 5
    fn sample() -> Vec<NodeView> {
        let parents = [None, Some(0), Some(1), Some(1), Some(0), Some(4)];
        let depths = [0, 1, 2, 2, 1, 2];
        parents
            .iter()
            .zip(depths)
            .enumerate()
            .map(|(id, (parent, depth))| NodeView {
                id,
                parent: *parent,
                depth,
                ..NodeView::default()
            })
            .collect()
    }

    fn set(ids: &[usize]) -> HashSet<usize> {
        ids.iter().copied().collect()
    }

    #[test]
    fn shape_of_a_plan() {
        let shape = Shape::of(&sample());
        assert_eq!(
            shape.has_children,
            vec![true, true, false, false, true, false]
        );
        assert_eq!(shape.ancestors(3), vec![1, 0]);
        assert_eq!(shape.ancestors(0), Vec::<usize>::new());
        assert_eq!(shape.position_in_set(4), (2, 2));
        assert_eq!(shape.position_in_set(5), (1, 1));
        for (id, position) in shape.positions_in_sets().into_iter().enumerate() {
            assert_eq!(position, shape.position_in_set(id), "{id}");
        }
    }

    #[test]
    fn collapsing_hides_descendants_only() {
        let shape = Shape::of(&sample());
        assert_eq!(shape.visible(&set(&[])), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(shape.visible(&set(&[1])), vec![0, 1, 4, 5]);
        assert_eq!(shape.visible(&set(&[1, 4])), vec![0, 1, 4]);
        assert_eq!(shape.visible(&set(&[0])), vec![0]);
        // Collapsing a leaf changes nothing.
        assert_eq!(shape.visible(&set(&[2])), vec![0, 1, 2, 3, 4, 5]);
        // A collapsed node inside a collapsed one stays collapsed when its parent opens.
        assert_eq!(shape.visible(&set(&[0, 1])), vec![0]);
    }

    #[test]
    fn windows_cover_the_viewport_with_overscan() {
        assert_eq!(window(0.0, 300.0, 0), 0..0);
        assert_eq!(window(0.0, 300.0, 5), 0..5);
        let w = window(0.0, 300.0, 10_000);
        assert_eq!(w.start, 0);
        assert!(w.end >= 10 && w.end <= 10 + 1 + OVERSCAN, "{w:?}");
        let w = window(ROW_HEIGHT * 5_000.0, 300.0, 10_000);
        assert_eq!(w.start, 5_000 - OVERSCAN);
        assert!(w.contains(&5_010) && !w.contains(&5_100));
        // Scrolled to the very end: the last row is in.
        let w = window(ROW_HEIGHT * 10_000.0 - 300.0, 300.0, 10_000);
        assert_eq!(w.end, 10_000);
    }

    #[test]
    fn reveal_scrolls_the_least() {
        let h = ROW_HEIGHT * 10.0;
        assert_eq!(reveal(3, 0.0, h), None);
        assert_eq!(reveal(12, 0.0, h), Some(ROW_HEIGHT * 3.0));
        assert_eq!(reveal(2, ROW_HEIGHT * 5.0, h), Some(ROW_HEIGHT * 2.0));
        assert_eq!(center(0, h), 0.0);
        assert_eq!(center(100, h), ROW_HEIGHT * 100.0 - ROW_HEIGHT * 4.5);
    }

    #[test]
    fn arrow_keys_follow_the_tree_pattern() {
        let shape = Shape::of(&sample());
        let none = set(&[]);
        let visible = shape.visible(&none);
        let nav = |active, key| navigate(&shape, &visible, &none, active, key, 3);
        assert_eq!(
            nav(0, Key::Down),
            Move {
                active: 1,
                toggle: None
            }
        );
        assert_eq!(
            nav(0, Key::Up),
            Move {
                active: 0,
                toggle: None
            }
        );
        assert_eq!(
            nav(5, Key::Down),
            Move {
                active: 5,
                toggle: None
            }
        );
        assert_eq!(nav(3, Key::Home).active, 0);
        assert_eq!(nav(0, Key::End).active, 5);
        assert_eq!(nav(0, Key::PageDown).active, 3);
        assert_eq!(nav(5, Key::PageUp).active, 2);
        // Right on an expanded node enters it; on a leaf does nothing.
        assert_eq!(
            nav(1, Key::Right),
            Move {
                active: 2,
                toggle: None
            }
        );
        assert_eq!(
            nav(2, Key::Right),
            Move {
                active: 2,
                toggle: None
            }
        );
        // Left on an expanded node collapses it; on a leaf goes to the parent.
        assert_eq!(
            nav(1, Key::Left),
            Move {
                active: 1,
                toggle: Some((1, false))
            }
        );
        assert_eq!(
            nav(3, Key::Left),
            Move {
                active: 1,
                toggle: None
            }
        );
        assert_eq!(
            nav(0, Key::Left),
            Move {
                active: 0,
                toggle: Some((0, false))
            }
        );

        // Collapsed: Right expands, Left goes up.
        let collapsed = set(&[1]);
        let visible = shape.visible(&collapsed);
        assert_eq!(
            navigate(&shape, &visible, &collapsed, 1, Key::Right, 3),
            Move {
                active: 1,
                toggle: Some((1, true))
            }
        );
        assert_eq!(
            navigate(&shape, &visible, &collapsed, 1, Key::Left, 3),
            Move {
                active: 0,
                toggle: None
            }
        );
        assert_eq!(
            navigate(&shape, &visible, &collapsed, 1, Key::Down, 3).active,
            4
        );
        // Left on a collapsed root stays.
        let root = set(&[0]);
        let visible = shape.visible(&root);
        assert_eq!(
            navigate(&shape, &visible, &root, 0, Key::Left, 3),
            Move {
                active: 0,
                toggle: None
            }
        );
        let visible = shape.visible(&collapsed);
        // An active node that is hidden snaps to the first row.
        assert_eq!(
            navigate(&shape, &visible, &collapsed, 2, Key::Down, 3).active,
            0
        );
    }

    #[test]
    fn keys_from_the_dom() {
        assert_eq!(Key::from_dom("ArrowDown"), Some(Key::Down));
        assert_eq!(Key::from_dom("End"), Some(Key::End));
        assert_eq!(Key::from_dom("Enter"), None);
    }

    #[test]
    fn ten_thousand_nodes_stay_cheap() {
        // A root with 99 children of 100 leaves each: 10,000 nodes.
        let mut nodes = vec![NodeView {
            id: 0,
            depth: 0,
            ..NodeView::default()
        }];
        for _ in 0..99 {
            let parent = nodes.len();
            nodes.push(NodeView {
                id: parent,
                parent: Some(0),
                depth: 1,
                ..NodeView::default()
            });
            for _ in 0..100 {
                let id = nodes.len();
                nodes.push(NodeView {
                    id,
                    parent: Some(parent),
                    depth: 2,
                    ..NodeView::default()
                });
            }
        }
        assert_eq!(nodes.len(), 10_000);
        let shape = Shape::of(&nodes);
        assert_eq!(shape.visible(&set(&[])).len(), 10_000);
        assert_eq!(shape.visible(&set(&[1])).len(), 9_900);
        let w = window(ROW_HEIGHT * 9_990.0, 600.0, 10_000);
        assert!(w.len() < 50 && w.end == 10_000, "{w:?}");
    }
}
