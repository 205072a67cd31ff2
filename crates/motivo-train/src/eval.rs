//! Measuring the coder: per-code precision/recall/F1 on coded CSV files, and 4-way accuracy, macro-F1 and
//! Cohen's κ on the held-out AnnoMI transcripts.

use motivo_engine::Code;
use motivo_engine::coder::{Coder, PRIMARY_CLASSES};
use motivo_engine::coding::{CodeRequest, CodedReply, Primary};
use serde::Serialize;

use crate::data::Example;

/// Precision, recall and F1 of one label.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Prf {
    pub label: String,
    pub support: usize,
    pub predicted: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn prf(label: &str, tp: usize, predicted: usize, support: usize) -> Prf {
    let precision = if predicted == 0 { 0.0 } else { tp as f64 / predicted as f64 };
    let recall = if support == 0 { 0.0 } else { tp as f64 / support as f64 };
    let f1 = if precision + recall == 0.0 { 0.0 } else { 2.0 * precision * recall / (precision + recall) };
    Prf { label: label.to_owned(), support, predicted, precision, recall, f1 }
}

/// Results on a coded CSV file.
#[derive(Debug, Clone, Serialize)]
pub struct CodeEval {
    pub rows: usize,
    pub exact: usize,
    pub per_code: Vec<Prf>,
    /// Mean F1 over the codes that occur in the gold codes.
    pub macro_f1: f64,
    /// `confusion[g][p]`: rows with gold code g whose predicted codes include p (p = NONE's column when the row
    /// got none of its gold codes and no other code either). Diagonal = hits.
    pub confusion: Vec<Vec<usize>>,
    pub labels: Vec<String>,
    /// Rows whose gold codes are all MI-inconsistent (PER, CON).
    pub inconsistent: usize,
    /// Of those, rows coded with an MI-consistent code (OQ CQ SR CR AF SEEK EMPH PWP) and no MI-inconsistent one:
    /// harm that would be praised.
    pub inconsistent_praised: usize,
}

/// An MI-consistent code: one a reply is praised for.
pub fn is_praised(c: Code) -> bool {
    !c.is_mi_inconsistent() && !matches!(c, Code::GI | Code::NONE)
}

/// Per-code scores over reply sets: a code counts as found in a row when it is in both the gold and the
/// predicted set.
pub fn score_codes(gold: &[Vec<Code>], pred: &[Vec<Code>]) -> CodeEval {
    let k = Code::ALL.len();
    let mut tp = vec![0usize; k];
    let mut npred = vec![0usize; k];
    let mut ngold = vec![0usize; k];
    let mut confusion = vec![vec![0usize; k]; k];
    let mut exact = 0;
    let (mut inconsistent, mut inconsistent_praised) = (0, 0);
    for (g, p) in gold.iter().zip(pred) {
        if !g.is_empty() && g.iter().all(|c| c.is_mi_inconsistent()) {
            inconsistent += 1;
            if p.iter().any(|c| is_praised(*c)) && !p.iter().any(|c| c.is_mi_inconsistent()) {
                inconsistent_praised += 1;
            }
        }
        let mut gs = g.clone();
        gs.sort();
        gs.dedup();
        let mut ps = p.clone();
        ps.sort();
        ps.dedup();
        if gs == ps {
            exact += 1;
        }
        for (i, c) in Code::ALL.iter().enumerate() {
            let ing = gs.contains(c);
            let inp = ps.contains(c);
            ngold[i] += ing as usize;
            npred[i] += inp as usize;
            tp[i] += (ing && inp) as usize;
        }
        for c in &gs {
            let gi = Code::ALL.iter().position(|x| x == c).unwrap_or(k - 1);
            if ps.contains(c) {
                confusion[gi][gi] += 1;
            } else {
                let wrong: Vec<&Code> = ps.iter().filter(|x| !gs.contains(x)).collect();
                if wrong.is_empty() {
                    confusion[gi][k - 1] += 1;
                }
                for w in wrong {
                    let pi = Code::ALL.iter().position(|x| x == w).unwrap_or(k - 1);
                    confusion[gi][pi] += 1;
                }
            }
        }
    }
    let per_code: Vec<Prf> =
        Code::ALL.iter().enumerate().map(|(i, c)| prf(c.as_str(), tp[i], npred[i], ngold[i])).collect();
    let present: Vec<&Prf> = per_code.iter().filter(|p| p.support > 0).collect();
    let macro_f1 =
        if present.is_empty() { 0.0 } else { present.iter().map(|p| p.f1).sum::<f64>() / present.len() as f64 };
    CodeEval {
        rows: gold.len(),
        exact,
        per_code,
        macro_f1,
        confusion,
        labels: Code::ALL.iter().map(|c| c.as_str().to_owned()).collect(),
        inconsistent,
        inconsistent_praised,
    }
}

/// Codes one example.
pub fn code_example(coder: &Coder, e: &Example) -> CodedReply {
    use motivo_engine::ReplyCoder;
    coder.code(&CodeRequest { lang: e.lang, text: &e.reply, context: &e.context, context_talk: None, meanings: &[] })
}

/// Time per reply of a run over a set: each reply coded once, in file order, as a learner's replies are (no
/// repeated reply warms anything). Median and 90th percentile in microseconds.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Timing {
    pub replies: usize,
    pub median_us: f64,
    pub p90_us: f64,
}

impl Timing {
    pub fn of(mut micros: Vec<f64>) -> Timing {
        micros.sort_by(f64::total_cmp);
        let at = |q: f64| {
            if micros.is_empty() { 0.0 } else { micros[((micros.len() - 1) as f64 * q).round() as usize] }
        };
        Timing { replies: micros.len(), median_us: at(0.5), p90_us: at(0.9) }
    }
}

/// Codes one example and measures the call.
pub fn code_timed(coder: &Coder, e: &Example) -> (CodedReply, f64) {
    let t = std::time::Instant::now();
    let c = code_example(coder, e);
    (c, t.elapsed().as_secs_f64() * 1e6)
}

/// 4-way results.
#[derive(Debug, Clone, Serialize)]
pub struct PrimaryEval {
    pub rows: usize,
    pub accuracy: f64,
    pub macro_f1: f64,
    pub kappa: f64,
    pub per_class: Vec<Prf>,
    /// `confusion[gold][pred]` in [`PRIMARY_CLASSES`] order.
    pub confusion: Vec<Vec<usize>>,
    pub labels: Vec<String>,
}

pub fn primary_index(p: Primary) -> usize {
    match p {
        Primary::Question => 0,
        Primary::Reflection => 1,
        Primary::Input => 2,
        Primary::Other => 3,
    }
}

/// Accuracy, macro-F1, Cohen's κ and the confusion matrix of two label sequences (indices into
/// [`PRIMARY_CLASSES`]).
pub fn score_primary(gold: &[usize], pred: &[usize]) -> PrimaryEval {
    let k = PRIMARY_CLASSES.len();
    let mut confusion = vec![vec![0usize; k]; k];
    for (g, p) in gold.iter().zip(pred) {
        confusion[*g][*p] += 1;
    }
    let n = gold.len() as f64;
    let agree: usize = (0..k).map(|i| confusion[i][i]).sum();
    let accuracy = if n > 0.0 { agree as f64 / n } else { 0.0 };
    let per_class: Vec<Prf> = (0..k)
        .map(|i| {
            let support = confusion[i].iter().sum();
            let predicted = (0..k).map(|g| confusion[g][i]).sum();
            prf(PRIMARY_CLASSES[i], confusion[i][i], predicted, support)
        })
        .collect();
    let macro_f1 = per_class.iter().map(|p| p.f1).sum::<f64>() / k as f64;
    let pe: f64 = if n > 0.0 {
        (0..k).map(|i| (per_class[i].support as f64 / n) * (per_class[i].predicted as f64 / n)).sum()
    } else {
        0.0
    };
    let kappa = if (1.0 - pe).abs() < 1e-12 { 0.0 } else { (accuracy - pe) / (1.0 - pe) };
    PrimaryEval {
        rows: gold.len(),
        accuracy,
        macro_f1,
        kappa,
        per_class,
        confusion,
        labels: PRIMARY_CLASSES.iter().map(|s| s.to_string()).collect(),
    }
}

/// A plain-text table of a confusion matrix.
pub fn confusion_table(labels: &[String], m: &[Vec<usize>], gold_header: &str) -> String {
    let w = labels.iter().map(|l| l.len()).max().unwrap_or(4).max(5) + 1;
    let mut s = format!("{:<w$}", gold_header);
    for l in labels {
        s += &format!("{:>w$}", l);
    }
    s.push('\n');
    for (i, row) in m.iter().enumerate() {
        s += &format!("{:<w$}", labels[i]);
        for v in row {
            s += &format!("{:>w$}", v);
        }
        s.push('\n');
    }
    s
}

/// A plain-text table of per-label scores.
pub fn prf_table(rows: &[Prf]) -> String {
    let mut s = format!("{:<11}{:>8}{:>8}{:>10}{:>8}{:>8}\n", "label", "gold", "pred", "precision", "recall", "F1");
    for p in rows {
        s += &format!(
            "{:<11}{:>8}{:>8}{:>10.3}{:>8.3}{:>8.3}\n",
            p.label, p.support, p.predicted, p.precision, p.recall, p.f1
        );
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_takes_the_median_and_the_90th_percentile() {
        let t = Timing::of(vec![50.0, 10.0, 40.0, 20.0, 30.0, 60.0, 70.0, 80.0, 90.0, 100.0, 1000.0]);
        assert_eq!(t.replies, 11);
        assert_eq!(t.median_us, 60.0);
        assert_eq!(t.p90_us, 100.0);
        assert_eq!(Timing::of(Vec::new()).median_us, 0.0);
    }

    #[test]
    fn kappa_and_macro_f1_by_hand() {
        // gold: q q r r, pred: q r r r → acc 0.75; pe = (0.5*0.25 + 0.5*0.75) = 0.5; κ = 0.5.
        let e = score_primary(&[0, 0, 1, 1], &[0, 1, 1, 1]);
        assert!((e.accuracy - 0.75).abs() < 1e-9);
        assert!((e.kappa - 0.5).abs() < 1e-9, "{}", e.kappa);
        // F1(q) = 2*1*0.5/1.5 = 0.667, F1(r) = 2*(2/3)*1/(5/3) = 0.8, others 0 → macro = 0.3667.
        assert!((e.macro_f1 - (2.0 / 3.0 + 0.8) / 4.0).abs() < 1e-9, "{}", e.macro_f1);
        assert_eq!(e.confusion[0][1], 1);
    }

    #[test]
    fn per_code_scores_are_set_based() {
        let gold = vec![vec![Code::CR, Code::OQ], vec![Code::PER], vec![Code::AF]];
        let pred = vec![vec![Code::CR], vec![Code::PER], vec![Code::CR]];
        let e = score_codes(&gold, &pred);
        let cr = &e.per_code[3];
        assert_eq!((cr.support, cr.predicted), (1, 2));
        assert!((cr.precision - 0.5).abs() < 1e-9 && (cr.recall - 1.0).abs() < 1e-9);
        let oq = &e.per_code[0];
        assert_eq!(oq.f1, 0.0);
        assert_eq!(e.exact, 1);
        // present codes: OQ (0), CR (0.667), AF (0), PER (1) → macro 0.4167
        assert!((e.macro_f1 - (2.0 / 3.0 + 1.0) / 4.0).abs() < 1e-9, "{}", e.macro_f1);
        assert_eq!(e.confusion[4][3], 1, "AF coded as CR");
    }
}

/// One kind's results on an ethics set.
#[derive(Debug, Clone, Serialize)]
pub struct EthicsKindResult {
    pub kind: String,
    /// Harmful rows labelled with this kind.
    pub rows: usize,
    /// Of those, rows with any finding.
    pub any: usize,
    /// Of those, rows with a finding of this kind.
    pub right: usize,
    /// Findings of this kind over the whole set (harmful rows of other kinds and counterparts included).
    pub predicted: usize,
}

/// Results of the ethics detector on a labelled set.
#[derive(Debug, Clone, Serialize)]
pub struct EthicsEval {
    pub harmful: usize,
    /// Share of harmful rows with any finding.
    pub harmful_any: f64,
    /// Share of harmful rows with a finding of the right kind.
    pub harmful_right: f64,
    pub counterparts: usize,
    /// Share of ethical counterparts with any finding (false alarms).
    pub counterpart_any: f64,
    pub per_kind: Vec<EthicsKindResult>,
}

/// Runs a detector (e.g. [`motivo_engine::coder::Coder::ethics`]) on every row and scores it.
pub fn score_ethics(
    rows: &[crate::data::EthicsExample],
    detect: impl Fn(&crate::data::EthicsExample) -> Vec<motivo_engine::EthicsHit>,
) -> (EthicsEval, Vec<Vec<motivo_engine::EthicsHit>>) {
    let all = motivo_engine::model::EthicsKind::ALL;
    let mut found = Vec::with_capacity(rows.len());
    let mut per_kind: Vec<EthicsKindResult> = all
        .iter()
        .map(|k| EthicsKindResult { kind: k.name().to_owned(), rows: 0, any: 0, right: 0, predicted: 0 })
        .collect();
    let (mut harmful, mut h_any, mut h_right, mut cps, mut c_any) = (0, 0, 0, 0, 0);
    for r in rows {
        let hits = detect(r);
        for h in &hits {
            if let Some(i) = all.iter().position(|k| *k == h.kind) {
                per_kind[i].predicted += 1;
            }
        }
        if r.kinds.is_empty() {
            cps += 1;
            c_any += !hits.is_empty() as usize;
        } else {
            harmful += 1;
            let any = !hits.is_empty();
            let right = hits.iter().any(|h| r.kinds.contains(&h.kind));
            h_any += any as usize;
            h_right += right as usize;
            if let Some(i) = all.iter().position(|k| *k == r.kinds[0]) {
                per_kind[i].rows += 1;
                per_kind[i].any += any as usize;
                per_kind[i].right += right as usize;
            }
        }
        found.push(hits);
    }
    let share = |a: usize, n: usize| if n == 0 { 0.0 } else { a as f64 / n as f64 };
    (
        EthicsEval {
            harmful,
            harmful_any: share(h_any, harmful),
            harmful_right: share(h_right, harmful),
            counterparts: cps,
            counterpart_any: share(c_any, cps),
            per_kind,
        },
        found,
    )
}
