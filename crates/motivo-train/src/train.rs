//! Training the coder's two linear heads with linfa's multinomial logistic regression (L-BFGS).
//!
//! Data: AnnoMI transcripts *not* held out (transcript_id not divisible by 5), every therapist utterance with
//! the previous utterance as context; plus Motivo's own labelled Finnish and English replies
//! (`crates/motivo-train/data/*.csv`), which are the only source of AF, SEEK, EMPH, CON, PWP and NONE and of all
//! Finnish. `mi-dev-fi.csv` is never read here. Training is deterministic: the same data give the same bytes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use linfa::prelude::*;
use linfa_logistic::MultiLogisticRegression;
use motivo_engine::Code;
use motivo_engine::coder::features::{Extractor, Feature};
use motivo_engine::coder::{Head, PRIMARY_CLASSES, Weights};
use motivo_engine::model::Lang;
use ndarray::{Array1, Array2};

use crate::data::{self, Example};

/// Training settings.
#[derive(Debug, Clone)]
pub struct Options {
    /// Folder with `annomi/` (the shared data folder).
    pub data: PathBuf,
    /// Folder with Motivo's own labelled examples (`*.csv`).
    pub own: PathBuf,
    /// How many times each own example is repeated (they are few next to AnnoMI).
    pub own_repeat: usize,
    /// How many of those repeats also train the primary (4-way, AnnoMI-style) head. The own replies are short
    /// digital-support replies; there they pull the 4-way head away from AnnoMI's counselling turns (validation
    /// fold 1: κ .689 with 0, .678 with 1, .676 with 3 repeats), so by default the 4-way head is AnnoMI's alone.
    pub own_primary_repeat: usize,
    /// A feature must occur in at least this many training replies.
    pub min_df: usize,
    /// At most this many features are kept (most frequent first).
    pub max_features: usize,
    /// L2 penalty.
    pub alpha: f64,
    /// L2 penalty of the 4-way head, when it differs from `alpha`.
    pub primary_alpha: Option<f64>,
    pub max_iterations: u64,
    /// Probability a sentence's code needs to be added to a multi-sentence reply's codes.
    pub sentence_threshold: f32,
    /// Weight of the code model in the 4-way label (see `Coder::primary_mix`).
    pub primary_mix: f32,
    /// Also leave out the training transcripts with `transcript_id % 5 == k` (a validation fold for tuning).
    pub validation_fold: Option<u32>,
    /// Log-prior offsets of the 4-way label's classes (see `Coder::primary_bias`), in `PRIMARY_CLASSES` order.
    pub primary_bias: [f32; 4],
}

impl Default for Options {
    fn default() -> Self {
        Options {
            data: PathBuf::from("../shared/data"),
            own: PathBuf::from("crates/motivo-train/data"),
            own_repeat: 3,
            own_primary_repeat: 0,
            min_df: 2,
            max_features: 8000,
            alpha: 3.0,
            primary_alpha: None,
            max_iterations: 400,
            sentence_threshold: 0.5,
            primary_mix: 0.2,
            validation_fold: None,
            primary_bias: [0.0, 0.0, 0.6, 0.0],
        }
    }
}

/// A short account of a training run.
#[derive(Debug, Clone)]
pub struct Summary {
    pub annomi_rows: usize,
    pub own_rows: usize,
    pub primary_rows: usize,
    pub code_rows: usize,
    pub features: usize,
    pub code_counts: Vec<(Code, usize)>,
}

/// The AnnoMI-style label of a reply coded with Motivo's codes (for own examples).
pub fn primary_for(codes: &[Code], reply: &str) -> &'static str {
    let q = reply.trim_end().ends_with('?');
    if codes.iter().any(|c| c.is_reflection()) {
        "reflection"
    } else if codes.iter().any(|c| c.is_question())
        || (q && codes.iter().any(|c| matches!(c, Code::SEEK | Code::CON | Code::PER)))
    {
        "question"
    } else if codes.iter().any(|c| matches!(c, Code::GI | Code::PER | Code::PWP)) {
        "input"
    } else {
        "other"
    }
}

/// Reads all `*.csv` files of the own-examples folder, in name order.
pub fn read_own(dir: &Path) -> Result<Vec<Example>, data::DataError> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|err| data::DataError::Io { path: dir.display().to_string(), err })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        out.extend(data::read_replies(&f, true)?);
    }
    Ok(out)
}

struct Row {
    feats: Vec<String>,
    primary: Option<&'static str>,
    code: Option<Code>,
}

/// The distinct feature names of a reply (features are binary).
fn feature_names(f: Vec<Feature>) -> Vec<String> {
    let mut names: Vec<String> = f.into_iter().map(|f| f.name).collect();
    names.sort_unstable();
    names.dedup();
    names
}

fn rows_for(ex: &Extractor, e: &Example, primary: Option<&'static str>, out: &mut Vec<Row>) {
    let a = ex.analyse(e.lang, &e.reply);
    let ctx = ex.context(e.lang, &e.context, None);
    let n = a.sentences.len();
    let whole = feature_names(ex.features(e.lang, &a, (0, n), &ctx));
    // The whole reply: its first code that the code head knows (codes are listed in utterance order; for a
    // two-code reply the reflection or the first code leads).
    let lead = e.codes.iter().copied().find(|c| c.is_reflection()).or(e.codes.first().copied());
    out.push(Row { feats: whole, primary, code: lead });
    // Multi-code replies whose sentences line up with their codes also train the code head sentence by sentence.
    if e.codes.len() >= 2 && e.codes.len() == n {
        for (i, c) in e.codes.iter().enumerate() {
            out.push(Row {
                feats: feature_names(ex.features(e.lang, &a, (i, i + 1), &ctx)),
                primary: None,
                code: Some(*c),
            });
        }
    }
}

fn fit(
    rows: &[(&Vec<String>, usize)],
    index: &HashMap<String, usize>,
    classes: usize,
    alpha: f64,
    opts: &Options,
) -> Result<(Vec<f32>, Vec<f32>), String> {
    let nf = index.len();
    let mut x = Array2::<f64>::zeros((rows.len(), nf));
    let mut y = Array1::<usize>::zeros(rows.len());
    for (r, (feats, c)) in rows.iter().enumerate() {
        for f in feats.iter() {
            if let Some(&i) = index.get(f) {
                x[(r, i)] = 1.0;
            }
        }
        y[r] = *c;
    }
    let ds = Dataset::new(x, y);
    let model = MultiLogisticRegression::default()
        .alpha(alpha)
        .max_iterations(opts.max_iterations)
        .fit(&ds)
        .map_err(|e| format!("training failed: {e}"))?;
    let seen = model.classes();
    let mut bias = vec![-30.0f32; classes];
    let mut weights = vec![0.0f32; nf * classes];
    for (k, &c) in seen.iter().enumerate() {
        bias[c] = model.intercept()[k] as f32;
        for f in 0..nf {
            weights[f * classes + c] = model.params()[(f, k)] as f32;
        }
    }
    Ok((bias, weights))
}

/// Trains both heads. `progress` is called with a short message at each stage.
pub fn train(opts: &Options, progress: &mut dyn FnMut(&str)) -> Result<(Weights, Summary), String> {
    let ex = Extractor::new();
    progress("reading AnnoMI");
    let utts = data::read_annomi(&opts.data.join("annomi")).map_err(|e| e.to_string())?;
    let fold = opts.validation_fold;
    let annomi = data::annomi_select(&utts, |t| !data::is_held_out(t) && fold.is_none_or(|k| t % 5 != k));
    progress("reading own examples");
    let own = read_own(&opts.own).map_err(|e| e.to_string())?;
    if own.is_empty() {
        return Err(format!("no own examples found in {}", opts.own.display()));
    }
    progress("extracting features");
    let mut rows: Vec<Row> = Vec::new();
    for e in &annomi {
        rows_for(&ex, e, e.primary, &mut rows);
    }
    for e in &own {
        let p = primary_for(&e.codes, &e.reply);
        for k in 0..opts.own_repeat.max(1) {
            rows_for(&ex, e, if k < opts.own_primary_repeat { Some(p) } else { None }, &mut rows);
        }
    }
    // Vocabulary: document frequency over distinct replies (repeats not counted twice), most frequent first,
    // ties by name so that the order is reproducible.
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut seen_rows = std::collections::HashSet::new();
    for r in &rows {
        if !seen_rows.insert(r.feats.join("\u{1}")) {
            continue;
        }
        for f in &r.feats {
            *df.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, usize)> = df.into_iter().filter(|(_, n)| *n >= opts.min_df).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    vocab.truncate(opts.max_features);
    let mut features: Vec<String> = vocab.iter().map(|(f, _)| f.to_string()).collect();
    features.sort();
    let index: HashMap<String, usize> = features.iter().enumerate().map(|(i, f)| (f.clone(), i)).collect();

    progress("training the primary (4-way) model");
    let prim: Vec<(&Vec<String>, usize)> = rows
        .iter()
        .filter_map(|r| Some((&r.feats, PRIMARY_CLASSES.iter().position(|c| Some(*c) == r.primary)?)))
        .collect();
    let (pb, pw) = fit(&prim, &index, PRIMARY_CLASSES.len(), opts.primary_alpha.unwrap_or(opts.alpha), opts)?;

    progress("training the code (12-way) model");
    let code_rows: Vec<(&Vec<String>, usize)> =
        rows.iter().filter_map(|r| Some((&r.feats, Code::ALL.iter().position(|c| Some(*c) == r.code)?))).collect();
    let (cb, cw) = fit(&code_rows, &index, Code::ALL.len(), opts.alpha, opts)?;
    let code_counts =
        Code::ALL.iter().map(|c| (*c, code_rows.iter().filter(|r| Code::ALL[r.1] == *c).count())).collect();

    let weights = Weights {
        heads: vec![
            Head {
                name: "primary".into(),
                classes: PRIMARY_CLASSES.iter().map(|s| s.to_string()).collect(),
                bias: pb,
                weights: pw,
            },
            Head {
                name: "code".into(),
                classes: Code::ALL.iter().map(|c| c.as_str().to_owned()).collect(),
                bias: cb,
                weights: cw,
            },
        ],
        params: vec![("sentence_threshold".into(), opts.sentence_threshold), ("primary_mix".into(), opts.primary_mix)]
            .into_iter()
            .chain(
                PRIMARY_CLASSES
                    .iter()
                    .zip(opts.primary_bias)
                    .filter(|(_, b)| *b != 0.0)
                    .map(|(c, b)| (format!("primary_bias_{c}"), b)),
            )
            .collect(),
        features,
        ethics: None,
    };
    let summary = Summary {
        annomi_rows: annomi.len(),
        own_rows: own.len(),
        primary_rows: prim.len(),
        code_rows: code_rows.len(),
        features: weights.features.len(),
        code_counts,
    };
    Ok((weights, summary))
}

/// Rounds weights to 1/1024 and drops features whose weights are all tiny: smaller files, same codes.
pub fn prune(w: &mut Weights, min_abs: f32) {
    let keep: Vec<usize> = (0..w.features.len())
        .filter(|&f| w.heads.iter().any(|h| (0..h.n_classes()).any(|c| h.weight(f, c).abs() >= min_abs)))
        .collect();
    for h in &mut w.heads {
        let k = h.n_classes();
        let mut nw = Vec::with_capacity(keep.len() * k);
        for &f in &keep {
            nw.extend(h.weights[f * k..(f + 1) * k].iter().map(|v| (v * 1024.0).round() / 1024.0));
        }
        h.weights = nw;
    }
    w.features = keep.iter().map(|&f| w.features[f].clone()).collect();
}

/// Languages present in a set of examples (for reports).
pub fn langs(ex: &[Example]) -> Vec<Lang> {
    let mut l: Vec<Lang> = ex.iter().map(|e| e.lang).collect();
    l.sort_by_key(|l| l.code());
    l.dedup();
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn primary_mapping_follows_annomi() {
        assert_eq!(primary_for(&[Code::CR, Code::OQ], "x. y?"), "reflection");
        assert_eq!(primary_for(&[Code::SEEK], "Saanko kertoa?"), "question");
        assert_eq!(primary_for(&[Code::SEEK], "Mietitään yhdessä."), "other");
        assert_eq!(primary_for(&[Code::PWP], "Voisit kokeilla."), "input");
        assert_eq!(primary_for(&[Code::AF], "Hienosti teit."), "other");
    }

    #[test]
    fn prune_drops_all_zero_features() {
        let mut w = Weights {
            features: vec!["a".into(), "b".into()],
            heads: vec![Head {
                name: "h".into(),
                classes: vec!["x".into(), "y".into()],
                bias: vec![0.0, 0.0],
                weights: vec![0.5, -0.5, 0.0001, 0.0],
            }],
            params: vec![],
            ethics: None,
        };
        prune(&mut w, 0.001);
        assert_eq!(w.features, vec!["a".to_string()]);
        assert_eq!(w.heads[0].weights, vec![0.5, -0.5]);
    }
}
