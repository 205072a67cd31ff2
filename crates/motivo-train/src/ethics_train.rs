//! Training the learned ethics model ([`motivo_engine::coder::learned`]): a multinomial logistic regression
//! (no problem + the seven kinds) over hashed features, fitted by L-BFGS on the L2-penalised
//! cross-entropy (the penalty as scikit-learn's `C`, the biases unpenalised), then quantised to `i8`.
//!
//! Data: the ethics development sets (`crates/motivo-train/ethics/*-dev.csv`: harmful replies labelled with
//! their kind, ethical counterparts unlabelled); Motivo's own MI replies (`crates/motivo-train/data/*.csv`) and
//! AnnoMI's training transcripts as examples of replies without an ethics problem, at lower weights. The
//! held-out sets (`*-heldout.csv`) and AnnoMI's held-out transcripts are never read here. Deterministic: fixed
//! order, no randomness.

use std::path::{Path, PathBuf};

use motivo_engine::coder::learned::{CLASSES, EthicsTable, features};

use crate::data;

/// Settings of the ethics model.
#[derive(Debug, Clone)]
pub struct EthicsOptions {
    /// Folder with the ethics sets; its `*-dev.csv` files are the training data.
    pub ethics: PathBuf,
    /// `2^bits` hash buckets.
    pub bits: u8,
    /// Inverse L2 penalty (scikit-learn's `C`).
    pub c: f64,
    /// Weight of an own MI reply (a negative) relative to an ethics row.
    pub own_weight: f64,
    /// Weight of an AnnoMI therapist turn (a negative).
    pub annomi_weight: f64,
    pub iterations: usize,
    /// A finding needs a probability of a problem at or above this.
    pub threshold: f32,
    /// Leave out ethics rows whose id starts with one of these (cross-validation by probe).
    pub exclude: Vec<String>,
}

impl Default for EthicsOptions {
    fn default() -> Self {
        EthicsOptions {
            ethics: PathBuf::from("crates/motivo-train/ethics"),
            bits: 14,
            c: 4.0,
            own_weight: 0.3,
            annomi_weight: 0.2,
            iterations: 500,
            threshold: 0.6,
            exclude: Vec::new(),
        }
    }
}

/// One training row: distinct active buckets, class, weight.
pub struct Sample {
    pub active: Vec<u32>,
    pub class: usize,
    pub weight: f64,
}

fn sample(reply: &str, context: &str, bits: u8, class: usize, weight: f64) -> Sample {
    let mut active = Vec::new();
    features(reply, context, bits, |b, _| active.push(b));
    active.sort_unstable();
    active.dedup();
    Sample { active, class, weight }
}

/// The ethics development files of a folder, sorted.
pub fn dev_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with("-dev.csv")))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *-dev.csv ethics sets in {}", dir.display()));
    }
    Ok(files)
}

/// Collects the training rows. `own` and `annomi` are the negatives (replies without an ethics problem).
pub fn samples(
    opts: &EthicsOptions,
    own: &[data::Example],
    annomi: &[data::Example],
) -> Result<(Vec<Sample>, usize), String> {
    let mut out = Vec::new();
    let mut ethics_rows = 0;
    for f in dev_files(&opts.ethics)? {
        for e in data::read_ethics(&f).map_err(|e| e.to_string())? {
            if opts.exclude.iter().any(|p| e.id.starts_with(p.as_str())) {
                continue;
            }
            // A row with two acceptable kinds trains the first.
            let class = e.kinds.first().map_or(0, |k| CLASSES.iter().position(|c| *c == Some(*k)).unwrap_or(0));
            out.push(sample(&e.reply, &e.context, opts.bits, class, 1.0));
            ethics_rows += 1;
        }
    }
    for e in own {
        out.push(sample(&e.reply, &e.context, opts.bits, 0, opts.own_weight));
    }
    for e in annomi {
        out.push(sample(&e.reply, &e.context, opts.bits, 0, opts.annomi_weight));
    }
    Ok((out, ethics_rows))
}

/// The penalised loss and its gradient at `x` (`buckets × 8` weights, then 8 biases).
fn loss_grad(rows: &[Sample], x: &[f64], g: &mut [f64], total: f64, l2: f64) -> f64 {
    const K: usize = 8;
    let nw = x.len() - K;
    let (w, b) = x.split_at(nw);
    g.iter_mut().for_each(|v| *v = 0.0);
    let mut loss = 0.0;
    for r in rows {
        let mut z = [0.0f64; K];
        z.copy_from_slice(b);
        for &a in &r.active {
            for (zc, wc) in z.iter_mut().zip(&w[a as usize * K..a as usize * K + K]) {
                *zc += wc;
            }
        }
        let m = z.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mut s = 0.0;
        for zc in z.iter_mut() {
            *zc = (*zc - m).exp();
            s += *zc;
        }
        let scale = r.weight / total;
        loss -= scale * (z[r.class] / s).ln();
        for (k, zc) in z.iter_mut().enumerate() {
            *zc = (*zc / s - if k == r.class { 1.0 } else { 0.0 }) * scale;
            g[nw + k] += *zc;
        }
        for &a in &r.active {
            for (gc, zc) in g[a as usize * K..a as usize * K + K].iter_mut().zip(&z) {
                *gc += zc;
            }
        }
    }
    for i in 0..nw {
        loss += 0.5 * l2 * x[i] * x[i];
        g[i] += l2 * x[i];
    }
    loss
}

fn dot(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Fits the table (before quantisation) by L-BFGS: returns biases and `buckets × 8` weights.
pub fn fit(rows: &[Sample], bits: u8, c: f64, iterations: usize) -> ([f64; 8], Vec<f64>) {
    const K: usize = 8;
    const MEMORY: usize = 10;
    let n = (K << bits) + K;
    let total: f64 = rows.iter().map(|r| r.weight).sum::<f64>().max(1e-9);
    let l2 = 1.0 / (c * total);
    let mut x = vec![0.0f64; n];
    let mut g = vec![0.0f64; n];
    let mut f = loss_grad(rows, &x, &mut g, total, l2);
    let mut hist: std::collections::VecDeque<(Vec<f64>, Vec<f64>, f64)> = std::collections::VecDeque::new();
    let (mut xn, mut gn) = (vec![0.0f64; n], vec![0.0f64; n]);
    for _ in 0..iterations {
        // Two-loop recursion: d = -H g.
        let mut d: Vec<f64> = g.iter().map(|v| -v).collect();
        let mut alphas = Vec::with_capacity(hist.len());
        for (s, y, rho) in hist.iter().rev() {
            let a = rho * dot(s, &d);
            d.iter_mut().zip(y).for_each(|(di, yi)| *di -= a * yi);
            alphas.push(a);
        }
        if let Some((s, y, _)) = hist.back() {
            let gamma = dot(s, y) / dot(y, y);
            d.iter_mut().for_each(|v| *v *= gamma);
        }
        for ((s, y, rho), a) in hist.iter().zip(alphas.iter().rev()) {
            let bta = rho * dot(y, &d);
            d.iter_mut().zip(s).for_each(|(di, si)| *di += (a - bta) * si);
        }
        let mut slope = dot(&g, &d);
        if slope >= 0.0 {
            // Not a descent direction: restart from the gradient.
            hist.clear();
            d = g.iter().map(|v| -v).collect();
            slope = dot(&g, &d);
        }
        // Backtracking line search (Armijo).
        let mut step = if hist.is_empty() { 1.0 / dot(&g, &g).sqrt().max(1e-12) } else { 1.0 };
        let mut fnew = f;
        let mut ok = false;
        for _ in 0..30 {
            xn.iter_mut().zip(&x).zip(&d).for_each(|((xi, x0), di)| *xi = x0 + step * di);
            fnew = loss_grad(rows, &xn, &mut gn, total, l2);
            if fnew <= f + 1e-4 * step * slope {
                ok = true;
                break;
            }
            step *= 0.5;
        }
        if !ok || (f - fnew).abs() < 1e-10 * f.abs().max(1.0) {
            if ok {
                std::mem::swap(&mut x, &mut xn);
            }
            break;
        }
        let s: Vec<f64> = xn.iter().zip(&x).map(|(a, b)| a - b).collect();
        let y: Vec<f64> = gn.iter().zip(&g).map(|(a, b)| a - b).collect();
        let sy = dot(&s, &y);
        if sy > 1e-12 {
            if hist.len() == MEMORY {
                hist.pop_front();
            }
            hist.push_back((s, y, 1.0 / sy));
        }
        std::mem::swap(&mut x, &mut xn);
        std::mem::swap(&mut g, &mut gn);
        f = fnew;
    }
    let mut b = [0.0f64; K];
    b.copy_from_slice(&x[n - K..]);
    x.truncate(n - K);
    (b, x)
}

/// Quantises fitted weights into a table.
pub fn quantise(bits: u8, bias: [f64; 8], w: &[f64], threshold: f32) -> EthicsTable {
    let max = w.iter().fold(0.0f64, |m, v| m.max(v.abs())).max(1e-9);
    let scale = (max / 127.0) as f32;
    let weights = w.iter().map(|v| (v / f64::from(scale)).round().clamp(-127.0, 127.0) as i8).collect();
    EthicsTable { bits, bias: bias.map(|v| v as f32), scale, weights, threshold }
}

/// Trains the table.
pub fn train_ethics(
    opts: &EthicsOptions,
    own: &[data::Example],
    annomi: &[data::Example],
) -> Result<(EthicsTable, usize), String> {
    let (rows, ethics_rows) = samples(opts, own, annomi)?;
    let (b, w) = fit(&rows, opts.bits, opts.c, opts.iterations);
    Ok((quantise(opts.bits, b, &w, opts.threshold), ethics_rows))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitting_separates_a_toy_problem_and_the_table_finds_it() {
        let bits = 10;
        let mut rows = Vec::new();
        for (r, c) in [
            ("Anna ne tunnukset mulle, mä näppäilen ne.", 1),
            ("Kerro se PIN-koodi, niin mä kirjotan sen ylös.", 1),
            ("Sano ne numerot ääneen, mä laitan ne.", 1),
            ("Sinä näppäilet itse, minä neuvon vieressä.", 0),
            ("Tunnukset ovat vain sinun, älä kerro niitä kenellekään.", 0),
            ("Miltä tämä sinusta tuntuu?", 0),
        ] {
            rows.push(sample(r, "", bits, c, 1.0));
        }
        let (b, w) = fit(&rows, bits, 10.0, 200);
        let t = quantise(bits, b, &w, 0.5);
        let f = t.find("Anna ne tunnukset, mä näppäilen ne sulle.", "").expect("a finding");
        assert_eq!(f.kind, motivo_engine::model::EthicsKind::TakesCredentials);
        assert!(t.find("Sinä näppäilet itse, minä neuvon.", "").is_none());
        // Deterministic.
        let (b2, w2) = fit(&rows, bits, 10.0, 200);
        assert_eq!(quantise(bits, b2, &w2, 0.5), t);
    }
}
