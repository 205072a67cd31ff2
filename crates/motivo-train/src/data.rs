//! Reading the corpora: AnnoMI (English, expert-coded), Motivo's own labelled examples, and coded-reply CSV files
//! (`id,lang,context,reply,codes`).

use std::collections::HashMap;
use std::path::Path;

use motivo_engine::Code;
use motivo_engine::model::Lang;

/// A labelled or unlabelled reply.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub id: String,
    pub lang: Lang,
    pub context: String,
    pub reply: String,
    /// Gold codes in the order of the reply's utterances (empty when unknown).
    pub codes: Vec<Code>,
    /// Gold AnnoMI 4-way label, when known (`question`, `reflection`, `input`, `other`).
    pub primary: Option<&'static str>,
}

/// Why a data file could not be read.
#[derive(Debug)]
pub enum DataError {
    Io { path: String, err: std::io::Error },
    Csv { path: String, err: String },
    Row { path: String, line: u64, msg: String },
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DataError::Io { path, err } => write!(f, "{path}: {err}"),
            DataError::Csv { path, err } => write!(f, "{path}: {err}"),
            DataError::Row { path, line, msg } => write!(f, "{path}:{line}: {msg}"),
        }
    }
}

impl std::error::Error for DataError {}

fn open(path: &Path) -> Result<csv::Reader<std::fs::File>, DataError> {
    let f = std::fs::File::open(path).map_err(|err| DataError::Io { path: path.display().to_string(), err })?;
    Ok(csv::ReaderBuilder::new().flexible(false).from_reader(f))
}

pub fn parse_lang(s: &str) -> Option<Lang> {
    match s.trim().to_ascii_lowercase().as_str() {
        "fi" | "fin" | "finnish" => Some(Lang::Fi),
        "en" | "eng" | "english" => Some(Lang::En),
        "sv" | "swe" | "swedish" | "svenska" => Some(Lang::Sv),
        _ => None,
    }
}

/// Parses `;`-separated codes ("CR;OQ").
pub fn parse_codes(s: &str) -> Result<Vec<Code>, String> {
    s.split([';', ','])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| {
            Code::parse(c).ok_or_else(|| {
                format!("unknown code '{c}' (expected one of OQ CQ SR CR AF SEEK EMPH GI PER PWP CON NONE)")
            })
        })
        .collect()
}

/// Reads a CSV with columns `id,lang,context,reply` and, when `need_codes`, `codes`. Extra columns are ignored.
pub fn read_replies(path: &Path, need_codes: bool) -> Result<Vec<Example>, DataError> {
    let p = path.display().to_string();
    let mut r = open(path)?;
    let headers = r.headers().map_err(|e| DataError::Csv { path: p.clone(), err: e.to_string() })?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(ci), Some(cl), Some(cr)) = (col("id"), col("lang"), col("reply")) else {
        return Err(DataError::Csv {
            path: p,
            err: "the header must have the columns id, lang, context, reply".into(),
        });
    };
    let cc = col("context");
    let ccodes = col("codes");
    if need_codes && ccodes.is_none() {
        return Err(DataError::Csv {
            path: p,
            err: "the header has no 'codes' column (gold codes, ';'-separated)".into(),
        });
    }
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line());
            DataError::Row { path: p.clone(), line, msg: e.to_string() }
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(i).unwrap_or("").to_owned();
        let id = get(ci);
        let lang = parse_lang(&get(cl)).ok_or_else(|| DataError::Row {
            path: p.clone(),
            line,
            msg: format!("row '{id}': language '{}' is not fi, en or sv", get(cl)),
        })?;
        let codes = match ccodes {
            Some(i) => parse_codes(&get(i)).map_err(|msg| DataError::Row {
                path: p.clone(),
                line,
                msg: format!("row '{id}': {msg}"),
            })?,
            None => Vec::new(),
        };
        if need_codes && codes.is_empty() {
            return Err(DataError::Row { path: p.clone(), line, msg: format!("row '{id}': no gold codes") });
        }
        out.push(Example { id, lang, context: cc.map(&get).unwrap_or_default(), reply: get(cr), codes, primary: None });
    }
    Ok(out)
}

/// One AnnoMI utterance (majority label over its annotators).
#[derive(Debug, Clone)]
pub struct Utterance {
    pub transcript: u32,
    pub index: u32,
    pub therapist: bool,
    pub text: String,
    pub primary: Option<&'static str>,
    pub subtype: Option<String>,
    pub talk: Option<String>,
}

fn majority(votes: &[String]) -> Option<String> {
    let mut counts: Vec<(&String, usize)> = Vec::new();
    for v in votes.iter().filter(|v| v.as_str() != "n/a" && !v.is_empty()) {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some(c) => c.1 += 1,
            None => counts.push((v, 1)),
        }
    }
    // Ties go to the first label seen (the lowest annotator row), which keeps this deterministic.
    let best = counts.iter().map(|c| c.1).max()?;
    counts.iter().find(|c| c.1 == best).map(|c| c.0.clone())
}

fn primary_label(s: &str) -> Option<&'static str> {
    match s {
        "question" => Some("question"),
        "reflection" => Some("reflection"),
        "therapist_input" => Some("input"),
        "other" => Some("other"),
        _ => None,
    }
}

/// Reads `AnnoMI-full.csv` (or `AnnoMI-simple.csv`, without subtypes) from a file or a folder holding it.
pub fn read_annomi(path: &Path) -> Result<Vec<Utterance>, DataError> {
    let file = if path.is_dir() {
        let full = path.join("AnnoMI-full.csv");
        if full.exists() { full } else { path.join("AnnoMI-simple.csv") }
    } else {
        path.to_path_buf()
    };
    let p = file.display().to_string();
    let mut r = open(&file)?;
    let headers = r.headers().map_err(|e| DataError::Csv { path: p.clone(), err: e.to_string() })?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let need = |name: &str| {
        col(name).ok_or_else(|| DataError::Csv { path: p.clone(), err: format!("no column '{name}': is this AnnoMI?") })
    };
    let (ct, cu, ci, cx, cb) = (
        need("transcript_id")?,
        need("utterance_id")?,
        need("interlocutor")?,
        need("utterance_text")?,
        need("main_therapist_behaviour")?,
    );
    let ctalk = col("client_talk_type");
    let subcols: Vec<usize> =
        ["question_subtype", "reflection_subtype", "therapist_input_subtype"].iter().filter_map(|c| col(c)).collect();
    struct Acc {
        therapist: bool,
        text: String,
        labels: Vec<String>,
        subs: Vec<Vec<String>>,
        talk: Vec<String>,
    }
    let mut by_key: HashMap<(u32, u32), Acc> = HashMap::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| DataError::Row {
            path: p.clone(),
            line: e.position().map_or(0, |p| p.line()),
            msg: e.to_string(),
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let num = |i: usize| -> Result<u32, DataError> {
            rec.get(i).unwrap_or("").trim().parse().map_err(|_| DataError::Row {
                path: p.clone(),
                line,
                msg: "bad transcript or utterance id".into(),
            })
        };
        let key = (num(ct)?, num(cu)?);
        let acc = by_key.entry(key).or_insert_with(|| Acc {
            therapist: rec.get(ci) == Some("therapist"),
            text: rec.get(cx).unwrap_or("").to_owned(),
            labels: Vec::new(),
            subs: vec![Vec::new(); subcols.len()],
            talk: Vec::new(),
        });
        acc.labels.push(rec.get(cb).unwrap_or("").to_owned());
        for (k, &c) in subcols.iter().enumerate() {
            acc.subs[k].push(rec.get(c).unwrap_or("").to_owned());
        }
        if let Some(c) = ctalk {
            acc.talk.push(rec.get(c).unwrap_or("").to_owned());
        }
    }
    let mut out: Vec<Utterance> = by_key
        .into_iter()
        .map(|((t, u), a)| {
            let primary = majority(&a.labels).and_then(|l| primary_label(&l));
            let sub_idx = match primary {
                Some("question") => Some(0),
                Some("reflection") => Some(1),
                Some("input") => Some(2),
                _ => None,
            };
            let subtype = sub_idx.and_then(|i| a.subs.get(i)).and_then(|v| majority(v));
            Utterance {
                transcript: t,
                index: u,
                therapist: a.therapist,
                text: a.text,
                primary,
                subtype,
                talk: majority(&a.talk),
            }
        })
        .collect();
    out.sort_by_key(|u| (u.transcript, u.index));
    Ok(out)
}

/// The held-out AnnoMI transcripts: those whose id is divisible by 5.
pub fn is_held_out(transcript: u32) -> bool {
    transcript.is_multiple_of(5)
}

/// Therapist utterances as examples, context = the previous utterance of the same transcript: the held-out
/// transcripts when `held_out`, else the training transcripts.
pub fn annomi_examples(utts: &[Utterance], held_out: bool) -> Vec<Example> {
    annomi_select(utts, |t| is_held_out(t) == held_out)
}

/// Therapist utterances of the transcripts `keep` accepts (e.g. a validation fold `t % 5 == 1`).
pub fn annomi_select(utts: &[Utterance], keep: impl Fn(u32) -> bool) -> Vec<Example> {
    let mut out = Vec::new();
    for (i, u) in utts.iter().enumerate() {
        if !u.therapist || !keep(u.transcript) {
            continue;
        }
        let Some(primary) = u.primary else { continue };
        let context = match i.checked_sub(1).map(|j| &utts[j]) {
            Some(prev) if prev.transcript == u.transcript => prev.text.clone(),
            _ => String::new(),
        };
        let code = match (primary, u.subtype.as_deref()) {
            ("question", Some("closed")) => Some(Code::CQ),
            ("question", _) => Some(Code::OQ),
            ("reflection", Some("complex")) => Some(Code::CR),
            ("reflection", _) => Some(Code::SR),
            ("input", Some("information")) => Some(Code::GI),
            ("input", Some("advice")) => Some(Code::PER),
            _ => None,
        };
        out.push(Example {
            id: format!("annomi-{}-{}", u.transcript, u.index),
            lang: Lang::En,
            context,
            reply: u.text.clone(),
            codes: code.into_iter().collect(),
            primary: Some(primary),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_and_reject() {
        assert_eq!(parse_codes("CR;OQ").unwrap(), vec![Code::CR, Code::OQ]);
        assert_eq!(parse_codes(" seek ").unwrap(), vec![Code::SEEK]);
        assert!(parse_codes("CR;XX").unwrap_err().contains("XX"));
    }

    #[test]
    fn majority_prefers_most_votes() {
        let v: Vec<String> = ["other", "question", "question", "n/a"].iter().map(|s| s.to_string()).collect();
        assert_eq!(majority(&v).as_deref(), Some("question"));
        assert_eq!(majority(&["n/a".to_string()]), None);
    }

    #[test]
    fn held_out_split_is_every_fifth_transcript() {
        assert!(is_held_out(0) && is_held_out(5) && is_held_out(130));
        assert!(!is_held_out(1) && !is_held_out(4) && !is_held_out(131));
    }
}

/// A labelled reply of an ethics set: `kinds` empty = an ethical counterpart (no finding expected).
#[derive(Debug, Clone, PartialEq)]
pub struct EthicsExample {
    pub id: String,
    pub lang: Lang,
    pub context: String,
    pub reply: String,
    /// The acceptable kinds (`A|B` in the file); empty for a counterpart.
    pub kinds: Vec<motivo_engine::model::EthicsKind>,
}

/// Parses an ethics kind by name (`TakesCredentials`…), case-insensitively.
pub fn parse_ethics_kind(s: &str) -> Option<motivo_engine::model::EthicsKind> {
    motivo_engine::model::EthicsKind::ALL.into_iter().find(|k| k.name().eq_ignore_ascii_case(s.trim()))
}

/// Reads an ethics set: columns `id,lang,context,reply,kind` (`kind` empty or `none` for an ethical counterpart,
/// `A|B` when either kind is right).
pub fn read_ethics(path: &Path) -> Result<Vec<EthicsExample>, DataError> {
    let p = path.display().to_string();
    let mut r = open(path)?;
    let headers = r.headers().map_err(|e| DataError::Csv { path: p.clone(), err: e.to_string() })?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(ci), Some(cl), Some(cr), Some(ck)) = (col("id"), col("lang"), col("reply"), col("kind")) else {
        return Err(DataError::Csv {
            path: p,
            err: "the header must have the columns id, lang, context, reply, kind".into(),
        });
    };
    let cc = col("context");
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| DataError::Row {
            path: p.clone(),
            line: e.position().map_or(0, |p| p.line()),
            msg: e.to_string(),
        })?;
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(i).unwrap_or("").to_owned();
        let id = get(ci);
        let lang = parse_lang(&get(cl)).ok_or_else(|| DataError::Row {
            path: p.clone(),
            line,
            msg: format!("row '{id}': language '{}' is not fi, en or sv", get(cl)),
        })?;
        let k = get(ck);
        let kinds = if k.trim().is_empty() || k.trim().eq_ignore_ascii_case("none") {
            Vec::new()
        } else {
            k.split('|')
                .map(|s| {
                    parse_ethics_kind(s).ok_or_else(|| DataError::Row {
                        path: p.clone(),
                        line,
                        msg: format!(
                            "row '{id}': unknown ethics kind '{s}' (expected e.g. TakesCredentials, or empty)"
                        ),
                    })
                })
                .collect::<Result<Vec<_>, _>>()?
        };
        out.push(EthicsExample { id, lang, context: cc.map(&get).unwrap_or_default(), reply: get(cr), kinds });
    }
    Ok(out)
}
