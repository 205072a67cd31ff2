//! Test plans (`motivo test`): expected plays of a scenario, written by the trainer in RON, and what a play
//! covered. The runner is pure: the program reads the files and resolves the scenario.

use std::collections::BTreeSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::codes::Code;
use crate::coding::ReplyCoder;
use crate::model::{EthicsKind, InputMode, Lang, Node, Outcome, Scenario};
use crate::runtime::{ReplyKind, Session};
use crate::scoring::{Level, Report};
use crate::script::{LineError, parse_line};

/// How the plan answers, like `motivo play --answer`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PlanAnswer {
    #[default]
    Pick,
    WriteThenPick,
    FreeText,
}

impl PlanAnswer {
    pub fn mode(self) -> InputMode {
        match self {
            PlanAnswer::Pick => InputMode::Choice,
            PlanAnswer::WriteThenPick => InputMode::WriteThenPick,
            PlanAnswer::FreeText => InputMode::FreeText,
        }
    }
}

/// A MITI level, as written in plans (`BelowFair`, `Fair`, `Good`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanLevel {
    BelowFair,
    Fair,
    Good,
}

impl PlanLevel {
    pub fn level(self) -> Level {
        match self {
            PlanLevel::BelowFair => Level::BelowFair,
            PlanLevel::Fair => Level::Fair,
            PlanLevel::Good => Level::Good,
        }
    }
}

/// A closed range; either end may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    #[serde(default)]
    pub min: Option<f32>,
    #[serde(default)]
    pub max: Option<f32>,
}

impl Range {
    fn contains(&self, x: f32) -> bool {
        self.min.is_none_or(|m| x >= m - 1e-4) && self.max.is_none_or(|m| x <= m + 1e-4)
    }
    fn text(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) => format!("{a}…{b}"),
            (Some(a), None) => format!("≥ {a}"),
            (None, Some(b)) => format!("≤ {b}"),
            (None, None) => "any".into(),
        }
    }
}

/// Expected client state at the end of the play.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateExpect {
    #[serde(default)]
    pub importance: Option<Range>,
    #[serde(default)]
    pub confidence: Option<Range>,
    #[serde(default)]
    pub discord: Option<Range>,
    #[serde(default)]
    pub momentum: Option<Range>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The ending's id.
    #[serde(default)]
    pub ending: Option<String>,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The report's `passed` (good ending, MITI fair or better, no ethics finding).
    #[serde(default)]
    pub passed: Option<bool>,
    #[serde(default)]
    pub level_at_least: Option<PlanLevel>,
    #[serde(default)]
    pub level_at_most: Option<PlanLevel>,
    /// Codes that some reply must have.
    #[serde(default)]
    pub codes_include: Vec<Code>,
    /// Codes no reply may have.
    #[serde(default)]
    pub codes_exclude: Vec<Code>,
    /// The ethics findings, exactly (as a set); `Some([])` means none.
    #[serde(default)]
    pub ethics: Option<Vec<EthicsKind>>,
    #[serde(default)]
    pub state: StateExpect,
    /// Every reply was the learner's own words.
    #[serde(default)]
    pub own_words: Option<bool>,
    /// At least this many MI-consistent replies.
    #[serde(default)]
    pub min_consistent: Option<u32>,
    /// The play reaches an ending (default: yes, unless `ending` and `outcome` are not given and this is `false`).
    #[serde(default)]
    pub finished: Option<bool>,
}

/// One expected play.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TestPlan {
    /// A name for the plan (default: the file name and its position).
    #[serde(default)]
    pub name: Option<String>,
    /// A bundled scenario id, or a scenario file relative to the plan file.
    pub scenario: String,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default = "one")]
    pub seed: u64,
    #[serde(default)]
    pub answer: PlanAnswer,
    /// Replies as in scripts: `@id` picks, `TEXT >> @id` writes then picks, other text is typed, `#` comments.
    pub replies: Vec<String>,
    #[serde(default)]
    pub expect: Expect,
}

fn one() -> u64 {
    1
}

/// Parses a plan file (one `TestPlan(…)` or a list `[TestPlan(…), …]`).
pub fn parse_plans(text: &str) -> Result<Vec<TestPlan>, String> {
    let opts = ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    match opts.from_str::<Vec<TestPlan>>(text) {
        Ok(v) => Ok(v),
        Err(list_err) => match opts.from_str::<TestPlan>(text) {
            Ok(p) => Ok(vec![p]),
            Err(e) => {
                // Report the error of the form the file starts with.
                let err = if text.trim_start().starts_with('[') { list_err } else { e };
                Err(format!("{}:{}: {}", err.span.start.line, err.span.start.col, err.code))
            }
        },
    }
}

/// One unmet expectation (or a reply that could not be played), in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Failure {
    /// The 1-based reply it happened at, when it is about one reply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub turn: Option<usize>,
    pub fi: String,
    pub en: String,
}

impl Failure {
    pub fn text(&self, lang: Lang) -> &str {
        if lang == Lang::Fi { &self.fi } else { &self.en }
    }
}

/// What a play went through: for the coverage report.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Covered {
    pub nodes: BTreeSet<String>,
    /// (turn id, option authored index)
    pub options: BTreeSet<(String, usize)>,
    /// (turn id, free-text rule index)
    pub routes: BTreeSet<(String, usize)>,
    pub endings: BTreeSet<String>,
}

impl Covered {
    pub fn extend(&mut self, o: &Covered) {
        self.nodes.extend(o.nodes.iter().cloned());
        self.options.extend(o.options.iter().cloned());
        self.routes.extend(o.routes.iter().cloned());
        self.endings.extend(o.endings.iter().cloned());
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanResult {
    pub name: String,
    pub scenario: String,
    pub ok: bool,
    pub failures: Vec<Failure>,
    /// Where the play ended, if it did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ending: Option<String>,
    pub passed: bool,
    #[serde(skip)]
    pub covered: Covered,
}

fn fail(turn: Option<usize>, fi: String, en: String) -> Failure {
    Failure { turn, fi, en }
}

fn level_name(l: Level) -> &'static str {
    match l {
        Level::BelowFair => "BelowFair",
        Level::Fair => "Fair",
        Level::Good => "Good",
    }
}

/// Plays `plan` on `scenario` and checks its expectations.
pub fn run_plan(scenario: &Arc<Scenario>, plan: &TestPlan, name: &str, coder: &dyn ReplyCoder) -> PlanResult {
    let mut failures = Vec::new();
    let mut s = Session::start(scenario.clone(), plan.seed, plan.lang);
    s.set_answer(plan.answer.mode());
    let mut n = 0usize;
    for reply in &plan.replies {
        let Some(line) = parse_line(reply) else { continue };
        n += 1;
        if s.is_finished() {
            let at = s.state().current.node.clone();
            failures.push(fail(
                Some(n),
                format!("vastaus {n} `{reply}` annettiin, vaikka keskustelu oli jo päättynyt loppuun `{at}`"),
                format!("reply {n} `{reply}` was given after the conversation had ended at `{at}`"),
            ));
            break;
        }
        let node = s.state().current.node.clone();
        let shown: Vec<String> =
            s.view().options.iter().map(|o| format!("@{}", o.id.as_deref().unwrap_or("?"))).collect();
        if let Err(e) = s.play_line(coder, &line) {
            let (fi, en) = match e {
                LineError::Zero => {
                    ("vaihtoehdot numeroidaan ykkösestä".to_owned(), "options are numbered from 1".to_owned())
                }
                LineError::Runtime(e) => (e.message(Lang::Fi), e.message(Lang::En)),
            };
            failures.push(fail(
                Some(n),
                format!(
                    "vastausta {n} `{reply}` ei voitu pelata vuorossa `{node}`: {fi} (näkyvät vaihtoehdot: {})",
                    shown.join(" ")
                ),
                format!(
                    "reply {n} `{reply}` could not be played at turn `{node}`: {en} (options shown: {})",
                    shown.join(" ")
                ),
            ));
            break;
        }
    }
    let report = Report::of(&s);
    let e = &plan.expect;
    let finished = s.is_finished();
    let node = s.state().current.node.clone();
    let want_finished = e.finished.unwrap_or(true);
    if finished != want_finished && failures.is_empty() {
        if want_finished {
            failures.push(fail(
                None,
                format!("keskustelu ei päättynyt: {n} vastauksen jälkeen ollaan vuorossa `{node}`"),
                format!("the conversation did not end: after {n} replies it is at turn `{node}`"),
            ));
        } else {
            failures.push(fail(
                None,
                format!("keskustelu päättyi loppuun `{node}`"),
                format!("the conversation ended at `{node}`"),
            ));
        }
    }
    let ending = report.ending.as_ref();
    if let Some(want) = &e.ending {
        let got = ending.map(|x| x.id.as_str());
        if got != Some(want.as_str()) {
            let got_fi = got.map_or(format!("ei loppua (vuoro `{node}`)"), |g| format!("`{g}`"));
            let got_en = got.map_or(format!("no ending (turn `{node}`)"), |g| format!("`{g}`"));
            failures.push(fail(
                None,
                format!("odotettiin loppua `{want}`, saatiin {got_fi}"),
                format!("expected ending `{want}`, got {got_en}"),
            ));
        }
    }
    if let Some(want) = e.outcome {
        let got = ending.map(|x| x.outcome);
        if got != Some(want) {
            let g = got.map_or("–", |o| o.name());
            failures.push(fail(
                None,
                format!("odotettiin lopputulosta {}, saatiin {g}", want.name()),
                format!("expected outcome {}, got {g}", want.name()),
            ));
        }
    }
    if let Some(want) = e.passed
        && report.passed != want
    {
        let why_fi: Vec<&str> = report.why_not.iter().map(|r| r.fi.as_str()).collect();
        let why_en: Vec<&str> = report.why_not.iter().map(|r| r.en.as_str()).collect();
        if want {
            failures.push(fail(
                None,
                format!("odotettiin läpäisyä, mutta ei läpäissyt: {}", why_fi.join("; ")),
                format!("expected a pass, but it did not pass: {}", why_en.join("; ")),
            ));
        } else {
            failures.push(fail(
                None,
                "odotettiin hylättyä, mutta läpäisi".into(),
                "expected no pass, but it passed".into(),
            ));
        }
    }
    let level = report.miti.level;
    if let Some(min) = e.level_at_least
        && level < min.level()
    {
        failures.push(fail(
            None,
            format!("MITI-tason piti olla vähintään {:?}, oli {}", min, level_name(level)),
            format!("MITI level should be at least {:?}, was {}", min, level_name(level)),
        ));
    }
    if let Some(max) = e.level_at_most
        && level > max.level()
    {
        failures.push(fail(
            None,
            format!("MITI-tason piti olla enintään {:?}, oli {}", max, level_name(level)),
            format!("MITI level should be at most {:?}, was {}", max, level_name(level)),
        ));
    }
    let used: BTreeSet<Code> = s.history().iter().flat_map(|t| t.codes.iter().copied()).collect();
    for c in &e.codes_include {
        if !used.contains(c) {
            failures.push(fail(
                None,
                format!("yhdessäkään vastauksessa ei ollut koodia {c}"),
                format!("no reply had the code {c}"),
            ));
        }
    }
    for c in &e.codes_exclude {
        if let Some(i) = s.history().iter().position(|t| t.codes.contains(c)) {
            failures.push(fail(
                Some(i + 1),
                format!("vastauksessa {} oli koodi {c}, jota ei pitänyt olla", i + 1),
                format!("reply {} had the code {c}, which was not expected", i + 1),
            ));
        }
    }
    if let Some(want) = &e.ethics {
        let want: BTreeSet<&str> = want.iter().map(|k| k.name()).collect();
        let got: BTreeSet<&str> = report.ethics.iter().map(|f| f.kind.name()).collect();
        if want != got {
            let w = format!("{want:?}");
            let g: Vec<String> =
                report.ethics.iter().map(|f| format!("{} (reply {})", f.kind.name(), f.turn + 1)).collect();
            failures.push(fail(
                None,
                format!("odotettiin eettisiä havaintoja {w}, saatiin {g:?}"),
                format!("expected ethics findings {w}, got {g:?}"),
            ));
        }
    }
    let c = s.state().current.client;
    for (name, range, x) in [
        ("importance", e.state.importance, c.importance),
        ("confidence", e.state.confidence, c.confidence),
        ("discord", e.state.discord, c.discord),
        ("momentum", e.state.momentum, c.momentum),
    ] {
        if let Some(r) = range
            && !r.contains(x)
        {
            failures.push(fail(
                None,
                format!("lopuksi {name} = {x}, odotettiin {}", r.text()),
                format!("at the end {name} = {x}, expected {}", r.text()),
            ));
        }
    }
    if let Some(want) = e.own_words
        && report.own_words != want
    {
        failures.push(fail(
            None,
            format!("own_words oli {}, odotettiin {want}", report.own_words),
            format!("own_words was {}, expected {want}", report.own_words),
        ));
    }
    if let Some(min) = e.min_consistent {
        let got = s.history().iter().filter(|t| t.mi_consistent).count() as u32;
        if got < min {
            failures.push(fail(
                None,
                format!("MI:n mukaisia vastauksia {got}, odotettiin vähintään {min}"),
                format!("{got} MI-consistent replies, expected at least {min}"),
            ));
        }
    }

    let mut covered = Covered::default();
    for t in s.history() {
        covered.nodes.insert(t.before.node.clone());
        match &t.reply {
            ReplyKind::Option { index } | ReplyKind::TextThenOption { index, .. } => {
                covered.options.insert((t.before.node.clone(), *index));
            }
            ReplyKind::Text { route, .. } => {
                covered.routes.insert((t.before.node.clone(), *route));
            }
        }
    }
    covered.nodes.insert(node.clone());
    if finished {
        covered.endings.insert(node.clone());
    }
    PlanResult {
        name: name.to_owned(),
        scenario: scenario.id.clone(),
        ok: failures.is_empty(),
        failures,
        ending: finished.then_some(node),
        passed: report.passed,
        covered,
    }
}

/// Coverage of one scenario by a set of plays.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub scenario: String,
    pub nodes: (usize, usize),
    pub options: (usize, usize),
    pub routes: (usize, usize),
    pub endings: (usize, usize),
    pub missed_endings: Vec<String>,
    pub missed_nodes: Vec<String>,
}

pub fn coverage(sc: &Scenario, c: &Covered) -> Coverage {
    let nodes = sc.nodes.len();
    let options: usize = sc.nodes.iter().map(|n| if let Node::Turn(t) = n { t.options.len() } else { 0 }).sum();
    let routes: usize = sc.nodes.iter().map(|n| if let Node::Turn(t) = n { t.free_text.len() } else { 0 }).sum();
    let endings: Vec<&str> =
        sc.nodes.iter().filter_map(|n| if let Node::Ending(e) = n { Some(e.id.as_str()) } else { None }).collect();
    Coverage {
        scenario: sc.id.clone(),
        nodes: (c.nodes.len(), nodes),
        options: (c.options.len(), options),
        routes: (c.routes.len(), routes),
        endings: (c.endings.len(), endings.len()),
        missed_endings: endings.iter().filter(|e| !c.endings.contains(**e)).map(|e| (*e).to_owned()).collect(),
        missed_nodes: sc.nodes.iter().map(|n| n.id()).filter(|n| !c.nodes.contains(*n)).map(str::to_owned).collect(),
    }
}

/// The languages a script is played in, from its label: a label ending in a language code (`--typed-fi`,
/// `--typed-sv`: two or three lowercase letters after the last `-`) plays in that language only; any other script
/// in Finnish and English.
pub fn script_langs(stem: &str) -> Vec<&str> {
    let code = stem.split_once("--").map(|(_, label)| label.rsplit('-').next().unwrap_or(label));
    match code {
        Some(c) if (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase()) => vec![c],
        _ => vec!["fi", "en"],
    }
}

/// A plan that expects a script's ending: `<scenario>-<ending>[--label].txt` → RON text with one plan per
/// language of `langs` (the script's comments kept where they were). A script typed in one language is labelled
/// with its language code (`--typed-fi`, `--typed-sv`) and gets a plan in that language only ([`script_langs`]).
pub fn plan_from_script(scenario: &str, ending: &str, script: &str, langs: &[&str]) -> String {
    let mut head = String::new();
    let mut body = String::new();
    let mut started = false;
    for l in script.lines() {
        let t = l.trim();
        if let Some(c) = t.strip_prefix('#') {
            let target = if started { &mut body } else { &mut head };
            target.push_str(&format!("{}//{c}\n", if started { "            " } else { "" }));
        } else if parse_line(t).is_some() {
            started = true;
            body.push_str(&format!("            {t:?},\n"));
        }
    }
    let mut o = head;
    o.push_str("[\n");
    for lang in langs {
        o.push_str(&format!(
            "    TestPlan(\n        scenario: {scenario:?},\n        lang: {lang},\n        seed: 1,\n        replies: [\n{body}        ],\n        expect: (ending: Some({ending:?})),\n    ),\n"
        ));
    }
    o.push_str("]\n");
    o
}

#[cfg(test)]
mod script_lang_tests {
    use super::script_langs;

    #[test]
    fn a_label_ending_in_a_language_code_plays_in_that_language_only() {
        assert_eq!(script_langs("huijausviesti-omat-saannot--typed-sv"), ["sv"]);
        assert_eq!(script_langs("huijausviesti-omat-saannot--typed-fi"), ["fi"]);
        assert_eq!(script_langs("huijausviesti-omat-saannot--typed-en"), ["en"]);
        assert_eq!(script_langs("huijausviesti-lahtee"), ["fi", "en"]);
        assert_eq!(script_langs("huijausviesti-lahtee--typed"), ["fi", "en"]);
        assert_eq!(script_langs("huijausviesti-lahtee--Typed-SV"), ["fi", "en"]);
    }
}
