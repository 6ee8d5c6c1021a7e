//! Union-find over dense indices. The root of a set is always its smallest
//! index, so "earliest inserted" is read straight from `find`. Iterative
//! path halving: no recursion, amortised near-constant time.

#[derive(Clone, Debug, Default)]
pub(crate) struct UnionFind {
    parent: Vec<u32>,
}

impl UnionFind {
    /// Adds a singleton set; returns its index.
    pub(crate) fn push(&mut self) -> u32 {
        let i = self.parent.len() as u32;
        self.parent.push(i);
        i
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.parent.len()
    }

    pub(crate) fn find(&mut self, mut x: u32) -> u32 {
        if x as usize >= self.parent.len() {
            return x;
        }
        loop {
            let p = self.parent[x as usize];
            if p == x {
                return x;
            }
            let gp = self.parent[p as usize];
            self.parent[x as usize] = gp;
            x = gp;
        }
    }

    /// Joins the sets of `a` and `b`; the smaller root becomes the root.
    pub(crate) fn union(&mut self, a: u32, b: u32) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb || ra as usize >= self.parent.len() || rb as usize >= self.parent.len() {
            return;
        }
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[hi as usize] = lo;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smallest_is_root() {
        let mut u = UnionFind::default();
        for _ in 0..5 {
            u.push();
        }
        u.union(3, 4);
        u.union(4, 1);
        assert_eq!(u.find(3), 1);
        assert_eq!(u.find(0), 0);
        assert_eq!(u.len(), 5);
    }
}
