//! Sets and maps of hierarchy node ids as sorted vectors. The hierarchy has about 30 nodes, so
//! a binary search over a `Vec` is as fast as a B-tree, and it costs far less wasm: each
//! `BTreeMap`/`BTreeSet` instantiation pulls in its node-splitting and rebalancing code (about
//! 15 KB for the handful the hierarchy used). Iteration is in ascending id order, as a B-tree's.

use std::fmt;

use super::NodeId;

/// A set of node ids: sorted, no duplicates.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct NodeSet(Vec<NodeId>);

impl NodeSet {
    pub fn new() -> NodeSet {
        NodeSet(Vec::new())
    }

    /// Adds `id`; false when it was already there.
    pub fn insert(&mut self, id: NodeId) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, id);
                true
            }
        }
    }

    /// Removes `id`; false when it was not there.
    pub fn remove(&mut self, id: &NodeId) -> bool {
        match self.0.binary_search(id) {
            Ok(i) => {
                self.0.remove(i);
                true
            }
            Err(_) => false,
        }
    }

    pub fn contains(&self, id: &NodeId) -> bool {
        self.0.binary_search(id).is_ok()
    }

    /// The ids in ascending order.
    pub fn iter(&self) -> std::slice::Iter<'_, NodeId> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_disjoint(&self, other: &NodeSet) -> bool {
        !self.0.iter().any(|id| other.contains(id))
    }

    /// The ids of `self` not in `other`, ascending.
    pub fn difference<'a>(&'a self, other: &'a NodeSet) -> impl Iterator<Item = &'a NodeId> + 'a {
        self.0.iter().filter(move |id| !other.contains(id))
    }
}

impl fmt::Debug for NodeSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(&self.0).finish()
    }
}

impl Extend<NodeId> for NodeSet {
    fn extend<I: IntoIterator<Item = NodeId>>(&mut self, iter: I) {
        for id in iter {
            self.insert(id);
        }
    }
}

impl FromIterator<NodeId> for NodeSet {
    fn from_iter<I: IntoIterator<Item = NodeId>>(iter: I) -> NodeSet {
        let mut s = NodeSet::new();
        s.extend(iter);
        s
    }
}

impl<const N: usize> From<[NodeId; N]> for NodeSet {
    fn from(ids: [NodeId; N]) -> NodeSet {
        ids.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a NodeSet {
    type Item = &'a NodeId;
    type IntoIter = std::slice::Iter<'a, NodeId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl IntoIterator for NodeSet {
    type Item = NodeId;
    type IntoIter = std::vec::IntoIter<NodeId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A map from node ids to values: entries sorted by id, one per id.
#[derive(Clone, PartialEq)]
pub struct NodeMap<V>(Vec<(NodeId, V)>);

impl<V> NodeMap<V> {
    pub fn new() -> NodeMap<V> {
        NodeMap(Vec::new())
    }

    fn find(&self, id: &NodeId) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.cmp(id))
    }

    /// Sets the value of `id`, returning the one it replaces.
    pub fn insert(&mut self, id: NodeId, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &NodeId) -> Option<V> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    pub fn get(&self, id: &NodeId) -> Option<&V> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &NodeId) -> bool {
        self.find(id).is_ok()
    }

    /// The entries in ascending id order.
    pub fn iter(&self) -> impl Iterator<Item = (&NodeId, &V)> + '_ {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The values in ascending id order.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

// Not derived: a derive would require `V: Default`.
impl<V> Default for NodeMap<V> {
    fn default() -> NodeMap<V> {
        NodeMap::new()
    }
}

impl<V: fmt::Debug> fmt::Debug for NodeMap<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<V> Extend<(NodeId, V)> for NodeMap<V> {
    /// Later entries for the same id replace earlier ones, as in a `BTreeMap`.
    fn extend<I: IntoIterator<Item = (NodeId, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<V> FromIterator<(NodeId, V)> for NodeMap<V> {
    fn from_iter<I: IntoIterator<Item = (NodeId, V)>>(iter: I) -> NodeMap<V> {
        let mut m = NodeMap::new();
        m.extend(iter);
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_is_sorted_and_unique() {
        let mut s: NodeSet = [300, 4, 102, 4, 1].into_iter().collect();
        assert_eq!(s.iter().copied().collect::<Vec<_>>(), vec![1, 4, 102, 300]);
        assert!(!s.insert(102));
        assert!(s.insert(5));
        assert!(s.contains(&5) && !s.contains(&6));
        assert!(s.remove(&4));
        assert!(!s.remove(&4));
        assert_eq!(s, NodeSet::from([300, 102, 5, 1]));
        assert_eq!(s.len(), 4);
        let other = NodeSet::from([1, 102, 7]);
        assert_eq!(
            s.difference(&other).copied().collect::<Vec<_>>(),
            vec![5, 300]
        );
        assert_eq!(format!("{other:?}"), "{1, 7, 102}");
        assert!(!s.is_disjoint(&other) && s.is_disjoint(&NodeSet::from([2, 3])));
        s.clear();
        assert!(s.is_empty());
    }

    #[test]
    fn map_keeps_the_last_value_per_id() {
        let mut m: NodeMap<&str> = [(7, "a"), (2, "b"), (7, "c")].into_iter().collect();
        assert_eq!(m.len(), 2);
        assert_eq!(m.get(&7), Some(&"c"));
        assert_eq!(m.insert(2, "d"), Some("b"));
        assert_eq!(m.insert(1, "e"), None);
        assert_eq!(m.values().copied().collect::<Vec<_>>(), vec!["e", "d", "c"]);
        assert!(m.contains_key(&1) && !m.contains_key(&3));
        assert_eq!(m.remove(&1), Some("e"));
        assert_eq!(m.get(&1), None);
        assert_eq!(format!("{m:?}"), "{2: \"d\", 7: \"c\"}");
        assert!(!NodeMap::<f64>::default().iter().any(|_| true));
    }
}
