//! MinHash signatures over shingle hashes, and the Jaccard / containment
//! estimates read from two signatures.
//!
//! Each of the [`NUM_HASHES`] hash functions is a multiply-add-shift
//! `(a·x + b) mod 2⁶⁴ >> 32` over the 64-bit shingle hash `x` (a odd, a
//! and b drawn from a seeded SplitMix64 stream), keeping the top 32 bits;
//! the loop over the 128 functions is vectorised by the compiler. The share of
//! positions where two signatures agree estimates the Jaccard similarity of
//! the two shingle sets (standard error about `sqrt(J(1-J)/128)`, 0.044 at
//! J = 0.5). With the exact set sizes, Jaccard gives the containment of the
//! smaller set in the larger: `|A∩B| = J(|A|+|B|)/(1+J)`.

use crate::shingle::mix64;

/// Number of hash functions (signature length).
pub const NUM_HASHES: usize = 128;

/// A MinHash signature.
pub type Signature = [u32; NUM_HASHES];

/// The seeded family of hash functions.
#[derive(Clone, Debug)]
pub struct MinHasher {
    a: [u64; NUM_HASHES],
    b: [u64; NUM_HASHES],
}

impl MinHasher {
    /// The family drawn from `seed` (same seed, same signatures).
    pub fn new(seed: u64) -> Self {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            mix64(state)
        };
        let mut a = [0u64; NUM_HASHES];
        let mut b = [0u64; NUM_HASHES];
        for (ai, bi) in a.iter_mut().zip(b.iter_mut()) {
            *ai = next() | 1;
            *bi = next();
        }
        MinHasher { a, b }
    }

    /// Signature of a set of shingle hashes (repeats do not matter). An
    /// empty set gives all `u32::MAX`.
    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut sig = [u32::MAX; NUM_HASHES];
        for &x in shingles {
            for ((s, &a), &b) in sig.iter_mut().zip(self.a.iter()).zip(self.b.iter()) {
                let h = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
                *s = (*s).min(h);
            }
        }
        sig
    }
}

/// Estimated Jaccard similarity: the share of agreeing positions.
pub fn jaccard(a: &Signature, b: &Signature) -> f32 {
    let same = a.iter().zip(b.iter()).filter(|(x, y)| x == y).count();
    same as f32 / NUM_HASHES as f32
}

/// Containment of the smaller set in the larger, from a Jaccard value and
/// the two set sizes; in `[0, 1]` (0 when either set is empty).
pub fn containment(j: f32, na: usize, nb: usize) -> f32 {
    let small = na.min(nb);
    if small == 0 {
        return 0.0;
    }
    let inter = j * (na + nb) as f32 / (1.0 + j);
    (inter / small as f32).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimates_jaccard() {
        let h = MinHasher::new(7);
        let a: Vec<u64> = (0..1000u64).map(mix64).collect();
        let b: Vec<u64> = (500..1500u64).map(mix64).collect();
        let j = jaccard(&h.signature(&a), &h.signature(&b));
        // True J = 500/1500.
        assert!((j - 1.0 / 3.0).abs() < 0.15, "{j}");
        assert_eq!(jaccard(&h.signature(&a), &h.signature(&a)), 1.0);
        assert!((containment(1.0 / 3.0, 1000, 1000) - 0.5).abs() < 1e-3);
        assert_eq!(containment(0.5, 0, 10), 0.0);
    }

    /// The estimate is unbiased and its spread matches the theory
    /// (sqrt(J(1-J)/128) ≈ 0.044 at J = 0.5) over many independent pairs.
    #[test]
    fn estimator_quality() {
        let h = MinHasher::new(11);
        let mut errs = Vec::new();
        for t in 0..200u64 {
            let base = t * 1_000_000;
            // |A| = |B| = 600, |A∩B| = 400: J = 400/800 = 0.5.
            let a: Vec<u64> = (base..base + 600).map(mix64).collect();
            let b: Vec<u64> = (base + 200..base + 800).map(mix64).collect();
            errs.push(jaccard(&h.signature(&a), &h.signature(&b)) as f64 - 0.5);
        }
        let mean = errs.iter().sum::<f64>() / errs.len() as f64;
        let sd = (errs.iter().map(|e| (e - mean) * (e - mean)).sum::<f64>() / errs.len() as f64).sqrt();
        assert!(mean.abs() < 0.012, "bias {mean}");
        assert!(sd < 0.055, "spread {sd}");
    }
}
