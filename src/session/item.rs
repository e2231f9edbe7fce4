//! What a reader can point at, hover, focus or select: a role, another hierarchy node, or a
//! node's expand/collapse button. JS sees each as one number (`to_js`); this module alone knows
//! how the number is made, and the wrapper asks wasm (`item_role`, `role_item`, `item_is_toggle`)
//! instead of keeping its own copy of the ranges.

use crate::chart::hierarchy::{node_kind, NodeId, NodeKind};

/// Numbers from here up are expand/collapse buttons (`TOGGLE_BASE + node id`).
const TOGGLE_BASE: u32 = 10_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Item {
    /// Role 1-14 (a point in the quadrant chart, a box in the hierarchy).
    Role(u8),
    /// A hierarchy node that is not a role (spearhead role, kind, purpose, category).
    Node(NodeId),
    /// The expand/collapse button of a hierarchy node.
    Toggle(NodeId),
}

impl Item {
    /// The item for a hierarchy node: roles are `Role`, so both charts agree on them.
    pub fn from_node(id: NodeId) -> Option<Item> {
        match node_kind(id)? {
            NodeKind::Role => u8::try_from(id).ok().map(Item::Role),
            _ => Some(Item::Node(id)),
        }
    }

    /// The node this item is in the hierarchy (None for a button).
    pub fn node(self) -> Option<NodeId> {
        match self {
            Item::Role(r) => Some(NodeId::from(r)),
            Item::Node(id) => Some(id),
            Item::Toggle(_) => None,
        }
    }

    pub fn role(self) -> Option<u8> {
        match self {
            Item::Role(r) => Some(r),
            _ => None,
        }
    }

    /// The number JS holds for this item; never 0 (0 means "none" there).
    pub fn to_js(self) -> u32 {
        match self {
            Item::Role(r) => u32::from(r),
            Item::Node(id) => id,
            Item::Toggle(id) => TOGGLE_BASE + id,
        }
    }

    /// The item behind a number from JS; None for 0 and for numbers no item has.
    pub fn from_js(n: u32) -> Option<Item> {
        if let Some(id) = n.checked_sub(TOGGLE_BASE) {
            return node_kind(id).map(|_| Item::Toggle(id));
        }
        match n {
            1..=14 => Some(Item::Role(n as u8)),
            _ => Item::from_node(n),
        }
    }
}

/// The JS number of an optional item (0 = none).
pub fn opt_to_js(item: Option<Item>) -> u32 {
    item.map_or(0, Item::to_js)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_unknown_numbers_are_none() {
        for item in [
            Item::Role(1),
            Item::Role(14),
            Item::Node(102),
            Item::Node(300),
            Item::Node(403),
            Item::Toggle(202),
        ] {
            assert_eq!(Item::from_js(item.to_js()), Some(item), "{item:?}");
        }
        assert_eq!(Item::Role(4).to_js(), 4);
        assert_eq!(Item::from_node(4), Some(Item::Role(4)));
        for n in [0, 15, 100, 111, 999, 10_000, 10_999] {
            assert_eq!(Item::from_js(n), None, "{n}");
        }
    }
}
