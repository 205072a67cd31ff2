//! The coder's weights: linear models (one weight per feature and class, plus a bias per class) over a shared
//! feature vocabulary, in a small binary format.
//!
//! Format (little-endian): `MOTIVOC1`, u32 feature count, each feature as u16 length + UTF-8; u32 head count,
//! each head as u8 name length + name, u32 class count, each class as u8 length + name, class-count f32 biases,
//! then feature-count × class-count f32 weights (feature-major); u32 parameter count, each as u8 length + name + f32;
//! optionally the learned ethics table ([`EthicsTable`]): `ETH1`, u8 bits, f32 threshold, f32 scale, 8 f32 biases,
//! then `2^bits × 8` i8 weights (bucket-major).

use std::collections::HashMap;

use super::learned::EthicsTable;

const MAGIC: &[u8; 8] = b"MOTIVOC1";
const ETHICS_TAG: &[u8; 4] = b"ETH1";

/// One linear classifier.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    pub name: String,
    pub classes: Vec<String>,
    pub bias: Vec<f32>,
    /// `weights[f * classes.len() + c]`.
    pub weights: Vec<f32>,
}

impl Head {
    pub fn n_classes(&self) -> usize {
        self.classes.len()
    }

    pub fn weight(&self, feature: usize, class: usize) -> f32 {
        self.weights[feature * self.classes.len() + class]
    }

    /// Softmax probabilities for a set of active (binary) feature indices.
    pub fn probabilities(&self, active: &[usize]) -> Vec<f32> {
        let k = self.classes.len();
        let mut z = self.bias.clone();
        for &f in active {
            let row = &self.weights[f * k..(f + 1) * k];
            for (zc, w) in z.iter_mut().zip(row) {
                *zc += w;
            }
        }
        softmax(&mut z);
        z
    }
}

pub fn softmax(z: &mut [f32]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in z.iter_mut() {
        *v = (*v - m).exp();
        sum += *v;
    }
    for v in z.iter_mut() {
        *v /= sum;
    }
}

/// All weights of a coder.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub features: Vec<String>,
    pub heads: Vec<Head>,
    pub params: Vec<(String, f32)>,
    /// The learned ethics model, when the file has one.
    pub ethics: Option<EthicsTable>,
}

/// Why weights could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WeightsError {
    BadMagic,
    Truncated,
    BadText,
    Inconsistent(String),
}

impl std::fmt::Display for WeightsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WeightsError::BadMagic => f.write_str("not a Motivo coder weights file (bad magic)"),
            WeightsError::Truncated => f.write_str("the coder weights file is truncated"),
            WeightsError::BadText => f.write_str("the coder weights file has a name that is not UTF-8"),
            WeightsError::Inconsistent(m) => write!(f, "the coder weights file is inconsistent: {m}"),
        }
    }
}

impl std::error::Error for WeightsError {}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], WeightsError> {
        let end = self.at.checked_add(n).ok_or(WeightsError::Truncated)?;
        let s = self.b.get(self.at..end).ok_or(WeightsError::Truncated)?;
        self.at = end;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, WeightsError> {
        Ok(self.take(1)?[0])
    }
    fn u16(&mut self) -> Result<u16, WeightsError> {
        let s = self.take(2)?;
        Ok(u16::from_le_bytes([s[0], s[1]]))
    }
    fn u32(&mut self) -> Result<u32, WeightsError> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32s(&mut self, n: usize) -> Result<Vec<f32>, WeightsError> {
        let s = self.take(n.checked_mul(4).ok_or(WeightsError::Truncated)?)?;
        Ok(s.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
    }
    fn str(&mut self, n: usize) -> Result<String, WeightsError> {
        std::str::from_utf8(self.take(n)?).map(str::to_owned).map_err(|_| WeightsError::BadText)
    }
}

impl Weights {
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut o = Vec::new();
        o.extend_from_slice(MAGIC);
        o.extend_from_slice(&(self.features.len() as u32).to_le_bytes());
        for f in &self.features {
            o.extend_from_slice(&(f.len() as u16).to_le_bytes());
            o.extend_from_slice(f.as_bytes());
        }
        o.extend_from_slice(&(self.heads.len() as u32).to_le_bytes());
        for h in &self.heads {
            o.push(h.name.len() as u8);
            o.extend_from_slice(h.name.as_bytes());
            o.extend_from_slice(&(h.classes.len() as u32).to_le_bytes());
            for c in &h.classes {
                o.push(c.len() as u8);
                o.extend_from_slice(c.as_bytes());
            }
            for b in &h.bias {
                o.extend_from_slice(&b.to_le_bytes());
            }
            for w in &h.weights {
                o.extend_from_slice(&w.to_le_bytes());
            }
        }
        o.extend_from_slice(&(self.params.len() as u32).to_le_bytes());
        for (n, v) in &self.params {
            o.push(n.len() as u8);
            o.extend_from_slice(n.as_bytes());
            o.extend_from_slice(&v.to_le_bytes());
        }
        if let Some(t) = &self.ethics {
            o.extend_from_slice(ETHICS_TAG);
            o.push(t.bits);
            o.extend_from_slice(&t.threshold.to_le_bytes());
            o.extend_from_slice(&t.scale.to_le_bytes());
            for b in &t.bias {
                o.extend_from_slice(&b.to_le_bytes());
            }
            o.extend(t.weights.iter().map(|w| *w as u8));
        }
        o
    }

    pub fn from_bytes(b: &[u8]) -> Result<Weights, WeightsError> {
        let mut r = Reader { b, at: 0 };
        if r.take(8).map_err(|_| WeightsError::BadMagic)? != MAGIC {
            return Err(WeightsError::BadMagic);
        }
        let nf = r.u32()? as usize;
        if nf > b.len() {
            return Err(WeightsError::Truncated);
        }
        let mut features = Vec::with_capacity(nf);
        for _ in 0..nf {
            let n = r.u16()? as usize;
            features.push(r.str(n)?);
        }
        let nh = r.u32()? as usize;
        if nh > 16 {
            return Err(WeightsError::Inconsistent(format!("{nh} heads")));
        }
        let mut heads = Vec::with_capacity(nh);
        for _ in 0..nh {
            let n = r.u8()? as usize;
            let name = r.str(n)?;
            let nc = r.u32()? as usize;
            if nc == 0 || nc > 64 {
                return Err(WeightsError::Inconsistent(format!("head {name} has {nc} classes")));
            }
            let mut classes = Vec::with_capacity(nc);
            for _ in 0..nc {
                let n = r.u8()? as usize;
                classes.push(r.str(n)?);
            }
            let bias = r.f32s(nc)?;
            let weights = r.f32s(nf * nc)?;
            heads.push(Head { name, classes, bias, weights });
        }
        let np = r.u32()? as usize;
        if np > 1024 {
            return Err(WeightsError::Inconsistent(format!("{np} parameters")));
        }
        let mut params = Vec::with_capacity(np);
        for _ in 0..np {
            let n = r.u8()? as usize;
            let name = r.str(n)?;
            let v = r.f32s(1)?[0];
            params.push((name, v));
        }
        let ethics = if r.at == b.len() {
            None
        } else {
            if !b[r.at..].starts_with(ETHICS_TAG) {
                return Err(WeightsError::Inconsistent("trailing bytes".into()));
            }
            r.take(4)?;
            let bits = r.u8()?;
            if !(4..=20).contains(&bits) {
                return Err(WeightsError::Inconsistent(format!("ethics table of 2^{bits} buckets")));
            }
            let threshold = r.f32s(1)?[0];
            let scale = r.f32s(1)?[0];
            let bias: [f32; 8] = r.f32s(8)?.try_into().map_err(|_| WeightsError::Truncated)?;
            let weights = r.take(8usize << bits)?.iter().map(|b| *b as i8).collect();
            if !(threshold.is_finite() && scale.is_finite() && bias.iter().all(|b| b.is_finite())) {
                return Err(WeightsError::Inconsistent("ethics table with a number that is not finite".into()));
            }
            if r.at != b.len() {
                return Err(WeightsError::Inconsistent("trailing bytes".into()));
            }
            Some(EthicsTable { bits, bias, scale, weights, threshold })
        };
        Ok(Weights { features, heads, params, ethics })
    }

    pub fn head(&self, name: &str) -> Option<&Head> {
        self.heads.iter().find(|h| h.name == name)
    }

    pub fn param(&self, name: &str) -> Option<f32> {
        self.params.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    pub fn index(&self) -> HashMap<String, usize> {
        self.features.iter().enumerate().map(|(i, f)| (f.clone(), i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        Weights {
            features: vec!["w:a".into(), "f:qmark".into()],
            heads: vec![Head {
                name: "h".into(),
                classes: vec!["x".into(), "y".into()],
                bias: vec![0.5, -0.5],
                weights: vec![1.0, -1.0, -2.0, 2.0],
            }],
            params: vec![("t".into(), 0.25)],
            ethics: None,
        }
    }

    #[test]
    fn round_trip_and_scores() {
        let w = sample();
        let b = w.to_bytes();
        let back = Weights::from_bytes(&b).unwrap();
        assert_eq!(back, w);
        let h = back.head("h").unwrap();
        let p = h.probabilities(&[1]);
        assert!(p[1] > 0.9, "{p:?}");
        let p = h.probabilities(&[0]);
        assert!(p[0] > 0.9, "{p:?}");
        assert_eq!(back.param("t"), Some(0.25));
    }

    #[test]
    fn corrupt_files_are_errors_not_panics() {
        let b = sample().to_bytes();
        assert_eq!(Weights::from_bytes(b"nonsense"), Err(WeightsError::BadMagic));
        for cut in [9, 20, b.len() - 1] {
            assert!(Weights::from_bytes(&b[..cut]).is_err());
        }
        let mut extra = b.clone();
        extra.push(0);
        assert!(matches!(Weights::from_bytes(&extra), Err(WeightsError::Inconsistent(_))));
    }

    #[test]
    fn the_ethics_table_round_trips_and_bad_tables_are_errors() {
        let mut w = sample();
        let mut weights = vec![0i8; 8 << 4];
        weights[3] = -128;
        weights[100] = 127;
        w.ethics = Some(EthicsTable { bits: 4, bias: [0.5; 8], scale: 0.01, weights, threshold: 0.6 });
        let b = w.to_bytes();
        assert_eq!(Weights::from_bytes(&b).unwrap(), w);
        assert_eq!(Weights::from_bytes(&b[..b.len() - 1]), Err(WeightsError::Truncated));
        let at = sample().to_bytes().len();
        let mut bad = b.clone();
        bad[at + 4] = 40; // 2^40 buckets
        assert!(matches!(Weights::from_bytes(&bad), Err(WeightsError::Inconsistent(_))));
        let mut nan = b.clone();
        nan[at + 5..at + 9].copy_from_slice(&f32::NAN.to_le_bytes());
        assert!(matches!(Weights::from_bytes(&nan), Err(WeightsError::Inconsistent(_))));
    }
}
