//! xAPI 1.0.3 statements for one attempt (a played conversation). Pure: the caller passes the time, the actor,
//! the registration and the attempt's id in; the same inputs always give the same statements, with the same
//! statement ids, so a statement queued twice or resent is the same statement (idempotent).
//!
//! The statement profile (verbs, activity ids, extensions, the scaled-score rule, privacy defaults) is documented
//! in `docs/xapi.md`. In short, for a finished conversation: `initialized`, one `responded` per learner reply (MI
//! codes in a result extension), `completed`, then `passed` or `failed`. A conversation left before an ending
//! gets `terminated` (completion false) instead of the last two. The learner's typed text is not included
//! unless [`Config::include_typed_text`] is set.

use serde_json::{Map, Value, json};
use uuid::Uuid;

use crate::progress::Attempt;
use crate::{PassRule, Timestamp, scenario_passes};
use motivo_engine::model::{Node, Scenario, Text};
use motivo_engine::scoring::{Report, thresholds};

/// The namespace of Motivo's statement ids (UUID v5 of `https://motivo.invalid/xapi/statement-ids` in the URL
/// namespace; fixed forever, so ids never change between versions).
pub fn id_namespace() -> Uuid {
    Uuid::new_v5(&Uuid::NAMESPACE_URL, b"https://motivo.invalid/xapi/statement-ids")
}

/// The ADL verb base.
pub const ADL_VERBS: &str = "http://adlnet.gov/expapi/verbs/";
/// Activity type of a scenario (one practice conversation).
pub const TYPE_SIMULATION: &str = "http://adlnet.gov/expapi/activities/simulation";
/// Activity type of one reply point (a turn) of a scenario.
pub const TYPE_INTERACTION: &str = "http://adlnet.gov/expapi/activities/cmi.interaction";
/// Activity types of the course and its modules (context grouping).
pub const TYPE_COURSE: &str = "http://adlnet.gov/expapi/activities/course";
pub const TYPE_MODULE: &str = "http://adlnet.gov/expapi/activities/module";
/// Default base IRI for activity ids and extension keys. `.invalid` never resolves: organisations set their own
/// (`MOTIVO_XAPI_BASE_IRI`).
pub const DEFAULT_BASE_IRI: &str = "https://motivo.invalid/xapi";

/// Who the statements are about. Pseudonymous by default: an `account` whose name is a random learner id made
/// once per installation; `name` only when the learner has given one.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// The account's home page (the system the learner id belongs to).
    pub home_page: String,
    /// The random learner id.
    pub account_name: String,
    /// The learner's own name, only when they gave one.
    pub name: Option<String>,
}

/// The course and module a scenario belongs to (context grouping).
#[derive(Debug, Clone, PartialEq)]
pub struct CourseRef {
    pub id: String,
    pub title: Text,
    /// The scenario's module in the course, with its title.
    pub module: Option<(String, Text)>,
}

/// Everything about an attempt that is not in the session and report.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Base IRI of activity ids and extension keys, without a trailing `/`.
    pub base_iri: String,
    pub actor: Actor,
    /// `context.registration`: the learner's enrolment (one per installation, or the LMS's).
    pub registration: Uuid,
    /// This attempt's own id; statement ids are derived from it. Make a new one per attempt.
    pub attempt: Uuid,
    /// When passed/failed is decided: the course's rule for the scenario's module (default: MITI level fair or
    /// better, a good ending, no ethics finding).
    pub pass_rule: PassRule,
    pub course: Option<CourseRef>,
    /// `context.platform`, e.g. `Motivo 0.1.0`.
    pub platform: String,
    /// Put typed reply text into `responded` statements (off by default: it is the learner's personal data).
    pub include_typed_text: bool,
}

/// When the attempt happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timing {
    /// Start, milliseconds since the Unix epoch (UTC).
    pub started_ms: i64,
    /// How long the attempt took.
    pub duration_ms: u64,
}

impl Timing {
    /// The timing of a recorded attempt (its start is kept to the second).
    pub fn of(attempt: &Attempt) -> Timing {
        Timing { started_ms: attempt.started.0.saturating_mul(1000), duration_ms: attempt.duration_ms }
    }
}

/// ISO 8601 duration with at most 0.01 s precision (xAPI §4.6): `PT1M23.5S`, `PT1H2M`, `PT0S`.
pub fn iso_duration(ms: u64) -> String {
    let cs = (ms + 5) / 10;
    let (h, m, s, frac) = (cs / 360_000, cs / 6000 % 60, cs / 100 % 60, cs % 100);
    let mut out = String::from("PT");
    if h > 0 {
        out += &format!("{h}H");
    }
    if m > 0 {
        out += &format!("{m}M");
    }
    if s > 0 || frac > 0 || (h == 0 && m == 0) {
        if frac == 0 {
            out += &format!("{s}S");
        } else {
            let f = format!("{frac:02}");
            out += &format!("{s}.{}S", f.trim_end_matches('0'));
        }
    }
    out
}

/// RFC 3339 UTC with milliseconds: `2026-11-22T22:09:17.123Z`.
pub fn timestamp(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let base = Timestamp(secs).rfc3339();
    format!("{}.{:03}Z", base.trim_end_matches('Z'), ms.rem_euclid(1000))
}

/// Everything but RFC 3986's unreserved characters.
const SEGMENT: &percent_encoding::AsciiSet =
    &percent_encoding::NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Percent-encodes a path segment (ids are `[a-z0-9-]` in practice; anything else is encoded).
fn seg(s: &str) -> String {
    percent_encoding::utf8_percent_encode(s, SEGMENT).to_string()
}

/// A language map from a [`Text`], skipping empty translations.
fn lang_map(t: &Text) -> Value {
    let mut m = Map::new();
    for (lang, s) in t.iter().filter(|(_, s)| !s.trim().is_empty()) {
        m.insert(lang.code().into(), Value::String(s.to_owned()));
    }
    if m.is_empty() {
        m.insert("und".into(), Value::String("-".into()));
    }
    Value::Object(m)
}

fn round2(x: f32) -> Option<f64> {
    x.is_finite().then(|| ((x as f64) * 100.0).round() / 100.0)
}

/// The scaled score (0–1) of a report: the mean, over MITI's four thresholded measures, of how far each one got
/// towards its "good" threshold (capped at 1). R:Q against 2 (no questions but reflections counts as 1, neither
/// as 0); %CR against 50 (no reflections: 0); the technical and relational global means from the scale's floor
/// 1 towards 4. Rounded to two decimals. Documented in `docs/xapi.md`.
pub fn scaled_score(report: &Report) -> f64 {
    let m = &report.miti;
    let part = |v: f32, floor: f32, good: f32| ((v - floor) / (good - floor)).clamp(0.0, 1.0) as f64;
    let r_q = match m.r_q {
        Some(v) if v.is_finite() => part(v, 0.0, thresholds::R_Q_GOOD),
        _ if m.reflections > 0 => 1.0,
        _ => 0.0,
    };
    let pct_cr = m.pct_cr.filter(|v| v.is_finite()).map_or(0.0, |v| part(v, 0.0, thresholds::PCT_CR_GOOD));
    let technical = part(m.technical, 1.0, thresholds::TECHNICAL_GOOD);
    let relational = part(m.relational, 1.0, thresholds::RELATIONAL_GOOD);
    ((r_q + pct_cr + technical + relational) / 4.0 * 100.0).round() / 100.0
}

/// Whether the attempt passes, and why not (reason names), under `rule`, with `current_version` the version of
/// the scenario now (the rule may refuse attempts on older versions).
pub fn passes(attempt: &Attempt, rule: &PassRule, current_version: u32) -> (bool, Vec<String>) {
    let why = scenario_passes(attempt, rule, Some(current_version));
    let names =
        why.iter().filter_map(|r| serde_json::to_value(r).ok()?.get("reason")?.as_str().map(str::to_owned)).collect();
    (why.is_empty(), names)
}

struct Builder<'a> {
    config: &'a Config,
    base: &'a str,
    out: Vec<Value>,
}

impl Builder<'_> {
    fn iri(&self, path: &str) -> String {
        format!("{}/{path}", self.base)
    }

    fn ext(&self, name: &str) -> String {
        self.iri(&format!("extensions/{name}"))
    }

    fn actor(&self) -> Value {
        let a = &self.config.actor;
        let mut v = json!({
            "objectType": "Agent",
            "account": { "homePage": a.home_page, "name": a.account_name },
        });
        if let Some(name) = a.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            v["name"] = Value::String(name.to_owned());
        }
        v
    }

    fn verb(name: &str) -> Value {
        json!({ "id": format!("{ADL_VERBS}{name}"), "display": { "en-US": name } })
    }

    fn push(&mut self, verb: &str, object: Value, result: Option<Value>, context: Value, ms: i64) {
        let index = self.out.len();
        let key = format!("{}/{index}/{verb}", self.config.attempt);
        let id = Uuid::new_v5(&id_namespace(), key.as_bytes());
        let mut s = json!({
            "id": id.to_string(),
            "actor": self.actor(),
            "verb": Self::verb(verb),
            "object": object,
            "context": context,
            "timestamp": timestamp(ms),
        });
        if let Some(r) = result {
            s["result"] = r;
        }
        self.out.push(s);
    }
}

/// The statements of one recorded attempt, in order: built from the attempt as it is stored in the progress
/// (its replies, seed, start and duration), its full report and the scenario it was played on (titles and the
/// choices of each turn). Empty when the learner made no reply (nothing happened). The live play and an attempt
/// queued later from the progress therefore get the very same statements.
pub fn statements(scenario: &Scenario, attempt: &Attempt, report: &Report, config: &Config) -> Vec<Value> {
    if attempt.replies.is_empty() {
        return Vec::new();
    }
    let timing = Timing::of(attempt);
    let base = config.base_iri.trim_end_matches('/');
    let mut b = Builder { config, base, out: Vec::new() };
    let scenario_iri = b.iri(&format!("scenarios/{}", seg(&scenario.id)));
    let scenario_activity = json!({
        "objectType": "Activity",
        "id": scenario_iri,
        "definition": {
            "type": TYPE_SIMULATION,
            "name": lang_map(&scenario.title),
            "description": lang_map(&scenario.summary),
        },
    });
    let mut grouping = Vec::new();
    if let Some(c) = &config.course {
        let course_iri = b.iri(&format!("courses/{}", seg(&c.id)));
        grouping.push(json!({
            "objectType": "Activity",
            "id": course_iri,
            "definition": { "type": TYPE_COURSE, "name": lang_map(&c.title) },
        }));
        if let Some((module, title)) = &c.module {
            grouping.push(json!({
                "objectType": "Activity",
                "id": format!("{course_iri}/modules/{}", seg(module)),
                "definition": { "type": TYPE_MODULE, "name": lang_map(title) },
            }));
        }
    }
    let mut context_ext = Map::new();
    context_ext.insert(b.ext("attempt"), Value::String(config.attempt.to_string()));
    context_ext.insert(b.ext("scenario-version"), json!(attempt.scenario_version));
    context_ext.insert(b.ext("seed"), json!(attempt.seed));
    let context = |parent: bool| {
        let mut ca = Map::new();
        if parent {
            ca.insert("parent".into(), json!([{ "objectType": "Activity", "id": scenario_iri }]));
        }
        if !grouping.is_empty() {
            ca.insert("grouping".into(), Value::Array(grouping.clone()));
        }
        let mut c = json!({
            "registration": config.registration.to_string(),
            "language": report.lang.code(),
            "platform": config.platform,
            "extensions": Value::Object(context_ext.clone()),
        });
        if !ca.is_empty() {
            c["contextActivities"] = Value::Object(ca);
        }
        c
    };

    let start = timing.started_ms;
    let end = start.saturating_add(timing.duration_ms.min(i64::MAX as u64) as i64);
    b.push("initialized", scenario_activity.clone(), None, context(false), start);

    // Reply times are not recorded: each reply's timestamp is spread evenly over the attempt, in order.
    let n = report.turns.len() as i64;
    for (i, (turn, rec)) in report.turns.iter().zip(&attempt.replies).enumerate() {
        let node_id = &rec.node;
        let interaction_iri = format!("{scenario_iri}/turns/{}", seg(node_id));
        let mut definition = json!({
            "type": TYPE_INTERACTION,
            "name": {
                "fi": format!("Vastaus kohdassa {node_id}"),
                "en": format!("Reply at {node_id}"),
            },
        });
        if let Some(Node::Turn(t)) = scenario.node(node_id)
            && !t.options.is_empty()
        {
            definition["interactionType"] = json!("choice");
            definition["choices"] = Value::Array(
                t.options
                    .iter()
                    .enumerate()
                    .map(|(k, o)| json!({ "id": (k + 1).to_string(), "description": lang_map(&o.text) }))
                    .collect(),
            );
        } else {
            definition["interactionType"] = json!("other");
        }
        let object = json!({ "objectType": "Activity", "id": interaction_iri, "definition": definition });
        let mut ext = Map::new();
        ext.insert(b.ext("turn"), json!(turn.turn));
        ext.insert(b.ext("codes"), json!(turn.codes.iter().map(|c| c.as_str()).collect::<Vec<_>>()));
        ext.insert(b.ext("reply-kind"), json!(turn.reply_kind));
        if let Some(score) = round2(turn.score) {
            ext.insert(b.ext("reply-score"), json!(score));
        }
        if let Some(k) = turn.ethics {
            ext.insert(b.ext("ethics"), json!(k.name()));
        }
        let mut result = json!({ "success": turn.mi_consistent });
        // The recorded option is the authored one, 1-based: the choice id.
        if let Some(option) = rec.option {
            result["response"] = json!(option.to_string());
        }
        if config.include_typed_text
            && let Some(text) = &rec.text
        {
            ext.insert(b.ext("typed-text"), json!(text));
        }
        result["extensions"] = Value::Object(ext);
        let ms = start + (end - start) * (i as i64 + 1) / (n + 1);
        b.push("responded", object, Some(result), context(true), ms);
    }

    let summary = summary_extensions(&b, report);
    let duration = iso_duration(timing.duration_ms);
    if report.finished {
        let (passed, why) = passes(attempt, &config.pass_rule, scenario.version);
        let scaled = scaled_score(report);
        let mut ext = summary;
        b.push(
            "completed",
            scenario_activity.clone(),
            Some(json!({
                "score": { "scaled": scaled },
                "completion": true,
                "duration": duration,
                "extensions": Value::Object(ext.clone()),
            })),
            context(false),
            end,
        );
        if !why.is_empty() {
            ext.insert(b.ext("not-passed-because"), json!(why));
        }
        b.push(
            if passed { "passed" } else { "failed" },
            scenario_activity,
            Some(json!({
                "score": { "scaled": scaled },
                "success": passed,
                "completion": true,
                "duration": duration,
                "extensions": Value::Object(ext),
            })),
            context(false),
            end,
        );
    } else {
        b.push(
            "terminated",
            scenario_activity,
            Some(json!({ "completion": false, "duration": duration, "extensions": Value::Object(summary) })),
            context(false),
            end,
        );
    }
    b.out
}

/// The MI summary as result extensions.
fn summary_extensions(b: &Builder<'_>, report: &Report) -> Map<String, Value> {
    let m = &report.miti;
    let mut ext = Map::new();
    if let Some(v) = m.r_q.and_then(round2) {
        ext.insert(b.ext("r-q"), json!(v));
    }
    if let Some(v) = m.pct_cr.and_then(round2) {
        ext.insert(b.ext("pct-cr"), json!(v));
    }
    let g = &m.globals;
    ext.insert(
        b.ext("globals"),
        json!({
            "cct": round2(g.cct), "sst": round2(g.sst),
            "partnership": round2(g.partnership), "empathy": round2(g.empathy),
            "technical": round2(m.technical), "relational": round2(m.relational),
        }),
    );
    if let Some(v) = report.client.change_talk_pct.and_then(round2) {
        ext.insert(b.ext("change-talk-pct"), json!(v));
    }
    let counts: Map<String, Value> =
        m.counts.iter().filter(|(_, n)| **n > 0).map(|(c, n)| (c.as_str().to_owned(), json!(n))).collect();
    ext.insert(
        b.ext("miti"),
        json!({
            "counts": counts,
            "questions": m.questions,
            "reflections": m.reflections,
            "mia": m.mia,
            "mina": m.mina,
            "level": m.level,
            "levels": m.levels,
        }),
    );
    ext.insert(
        b.ext("change-talk"),
        json!({
            "change_talk": report.client.change_talk,
            "sustain_talk": report.client.sustain_talk,
            "mobilising_talk": report.client.mobilising_talk,
        }),
    );
    if let Some(e) = &report.ending {
        ext.insert(b.ext("ending"), json!({ "id": e.id, "outcome": e.outcome.name(), "good": e.good }));
    }
    let ethics: Vec<&str> = report.ethics.iter().map(|e| e.kind.name()).collect();
    ext.insert(b.ext("ethics"), json!(ethics));
    ext
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timestamp;
    use motivo_engine::runtime::{ReplyKind, Session};
    use std::sync::Arc;

    /// The statements of a play as recorded (`uid` is not used: `config.attempt` makes the ids).
    fn recorded(s: &Session, r: &Report, t: Timing, c: &Config) -> Vec<Value> {
        let a = Attempt::of_play(s, r, Timestamp(t.started_ms.div_euclid(1000)), t.duration_ms, "u".into());
        statements(s.scenario(), &a, r, c)
    }

    #[test]
    fn durations() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(83_500), "PT1M23.5S");
        assert_eq!(iso_duration(83_456), "PT1M23.46S");
        assert_eq!(iso_duration(3_600_000), "PT1H");
        assert_eq!(iso_duration(3_723_040), "PT1H2M3.04S");
        assert_eq!(iso_duration(4), "PT0S");
        assert_eq!(iso_duration(120_000), "PT2M");
    }

    #[test]
    fn timestamps() {
        assert_eq!(timestamp(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(timestamp(1_795_385_357_123), "2026-11-22T22:09:17.123Z");
    }

    #[test]
    fn segments_are_encoded() {
        assert_eq!(seg("oma-askel"), "oma-askel");
        assert_eq!(seg("a b/ä"), "a%20b%2F%C3%A4");
    }

    fn config() -> Config {
        Config {
            base_iri: "https://lms.example.org/xapi/".into(),
            actor: Actor {
                home_page: "https://lms.example.org".into(),
                account_name: "0b8f7d1e-3f4c-4a51-9d59-8e8f0f7d6a11".into(),
                name: None,
            },
            registration: Uuid::parse_str("3c2b1a09-8f7e-4d6c-9b5a-493827161504").unwrap(),
            attempt: Uuid::parse_str("11111111-2222-4333-8444-555555555555").unwrap(),
            pass_rule: PassRule::default(),
            course: Some(CourseRef {
                id: "mi-digi".into(),
                title: Text::new("Kurssi", "Course"),
                module: Some(("m1".into(), Text::new("Moduuli", "Module"))),
            }),
            platform: "Motivo test".into(),
            include_typed_text: false,
        }
    }

    /// A coder that gives a reply the codes of the authored option it repeats word for word.
    struct Echo(Arc<motivo_engine::Scenario>);
    impl motivo_engine::ReplyCoder for Echo {
        fn code(&self, r: &motivo_engine::CodeRequest<'_>) -> motivo_engine::CodedReply {
            let codes = self
                .0
                .nodes
                .iter()
                .filter_map(|n| match n {
                    motivo_engine::model::Node::Turn(t) => Some(&t.options),
                    _ => None,
                })
                .flatten()
                .find(|o| o.text.get(r.lang) == r.text)
                .map_or_else(|| vec![motivo_engine::Code::NONE], |o| o.codes.clone());
            motivo_engine::CodedReply {
                primary: motivo_engine::Primary::from_codes(&codes),
                codes,
                confidence: 0.9,
                evidence: vec![],
                reflected: None,
                meanings: vec![],
                ethics: vec![],
                unsure: false,
                notes: vec![],
            }
        }
    }

    /// Plays a scripted ending from `tests/scripts` in the learner's own words: each `@id` line is written out
    /// as that option's text, then the option is picked (write then pick).
    fn scripted(script: &str) -> Session {
        let scenario = Arc::new(
            motivo_engine::bundled::scenarios()
                .into_iter()
                .filter_map(Result::ok)
                .find(|s| s.id == "omakanta-resepti")
                .expect("bundled scenario"),
        );
        let coder = Echo(scenario.clone());
        let mut s = Session::start(scenario, 1, motivo_engine::Lang::Fi);
        s.set_answer(motivo_engine::model::InputMode::WriteThenPick);
        for l in script.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let Some(motivo_engine::script::ScriptLine::PickId(id)) = motivo_engine::script::parse_line(l) else {
                continue;
            };
            let pos = s.position_of(&id).expect("the option is shown");
            let text = s.view().options[pos].text.get(motivo_engine::Lang::Fi).to_owned();
            s.reply_text_then_choose(&coder, &text, pos).expect("valid option");
        }
        assert!(s.is_finished());
        s
    }

    fn play(picks: &[usize]) -> Session {
        let scenario = motivo_engine::bundled::scenarios()
            .into_iter()
            .filter_map(Result::ok)
            .find(|s| s.id == "omakanta-resepti")
            .expect("bundled scenario");
        let mut s = Session::start(Arc::new(scenario), 1, motivo_engine::Lang::Fi);
        for &p in picks {
            if s.is_finished() {
                break;
            }
            s.choose_authored(p).expect("valid option");
        }
        s
    }

    #[test]
    fn shapes_and_stable_ids() {
        let s = scripted(include_str!("../../../tests/scripts/omakanta-resepti-oma-askel.txt"));
        let r = Report::of(&s);
        let t = Timing { started_ms: 1_795_385_357_123, duration_ms: 83_500 };
        let st = recorded(&s, &r, t, &config());
        let verbs: Vec<&str> =
            st.iter().map(|x| x["verb"]["id"].as_str().unwrap().trim_start_matches(ADL_VERBS)).collect();
        assert_eq!(verbs[0], "initialized");
        assert_eq!(verbs.iter().filter(|v| **v == "responded").count(), s.history().len());
        assert_eq!(verbs[verbs.len() - 2..], ["completed", "passed"]);
        let last = st.last().unwrap();
        assert_eq!(last["result"]["score"]["scaled"], 1.0);
        assert_eq!(last["result"]["success"], true);
        assert_eq!(last["result"]["completion"], true);
        assert_eq!(last["result"]["duration"], "PT1M23.5S");
        assert!(last["result"]["extensions"]["https://lms.example.org/xapi/extensions/globals"].is_object());
        let r_q = last["result"]["extensions"]["https://lms.example.org/xapi/extensions/r-q"].as_f64().unwrap();
        assert!((r_q - f64::from(r.miti.r_q.expect("questions were asked"))).abs() < 0.01, "{r_q}");
        // Attempts keep their start to the second.
        assert_eq!(last["timestamp"], "2026-11-22T22:10:40.500Z");
        for x in &st {
            assert_eq!(x["context"]["registration"], "3c2b1a09-8f7e-4d6c-9b5a-493827161504");
            assert_eq!(x["context"]["language"], "fi");
            assert_eq!(x["actor"]["account"]["name"], "0b8f7d1e-3f4c-4a51-9d59-8e8f0f7d6a11");
            assert!(x["actor"].get("name").is_none());
            assert!(x["object"]["id"].as_str().unwrap().starts_with("https://lms.example.org/xapi/scenarios/"));
        }
        let responded = &st[1];
        let motivo_engine::runtime::ReplyKind::TextThenOption { index, .. } = &s.history()[0].reply else {
            panic!("typed")
        };
        assert_eq!(responded["result"]["response"], (index + 1).to_string());
        assert!(responded["result"]["extensions"]["https://lms.example.org/xapi/extensions/codes"].is_array());
        assert_eq!(responded["object"]["definition"]["interactionType"], "choice");
        // Ids: unique, UUIDs, and the same for the same attempt.
        let ids: std::collections::BTreeSet<String> = st.iter().map(|x| x["id"].as_str().unwrap().to_owned()).collect();
        assert_eq!(ids.len(), st.len());
        assert!(ids.iter().all(|i| Uuid::parse_str(i).is_ok()));
        assert_eq!(recorded(&s, &r, t, &config()), st);
        // A different attempt gets different ids.
        let mut other = config();
        other.attempt = Uuid::parse_str("11111111-2222-4333-8444-555555555556").unwrap();
        let st2 = recorded(&s, &r, t, &other);
        assert!(st2.iter().all(|x| !ids.contains(x["id"].as_str().unwrap())));
    }

    #[test]
    fn doing_it_for_the_client_fails() {
        let s = scripted(include_str!("../../../tests/scripts/omakanta-resepti-puolesta-tehty.txt"));
        let r = Report::of(&s);
        let st = recorded(&s, &r, Timing { started_ms: 0, duration_ms: 1000 }, &config());
        let last = st.last().unwrap();
        assert_eq!(last["verb"]["id"], "http://adlnet.gov/expapi/verbs/failed");
        assert_eq!(last["result"]["success"], false);
        let why = &last["result"]["extensions"]["https://lms.example.org/xapi/extensions/not-passed-because"];
        assert!(why.as_array().unwrap().iter().any(|w| w == "ethics_problems"), "{why}");
        let scaled = last["result"]["score"]["scaled"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&scaled));
        // Typed text never appears; with only picked options there is none anyway, and no extension says so.
        assert!(!serde_json::to_string(&st).unwrap().contains("typed-text"));
    }

    struct Fixed;
    impl motivo_engine::ReplyCoder for Fixed {
        fn code(&self, _: &motivo_engine::CodeRequest<'_>) -> motivo_engine::CodedReply {
            let codes = vec![motivo_engine::Code::CR];
            motivo_engine::CodedReply {
                primary: motivo_engine::Primary::from_codes(&codes),
                codes,
                confidence: 0.9,
                evidence: vec![],
                reflected: None,
                meanings: vec![],
                ethics: vec![],
                unsure: false,
                notes: vec![],
            }
        }
    }

    #[test]
    fn typed_text_only_when_enabled() {
        let mut scenario = motivo_engine::bundled::scenarios()
            .into_iter()
            .filter_map(Result::ok)
            .find(|s| s.id == "omakanta-resepti")
            .unwrap();
        scenario.input = motivo_engine::model::InputMode::WriteThenPick;
        let mut s = Session::start(Arc::new(scenario), 1, motivo_engine::Lang::Fi);
        s.reply_text_then_choose(&Fixed, "Salainen oma lause Ainolle", 0).unwrap();
        let r = Report::of(&s);
        let t = Timing { started_ms: 0, duration_ms: 1000 };
        let plain = serde_json::to_string(&recorded(&s, &r, t, &config())).unwrap();
        assert!(!plain.contains("Salainen"), "typed text is personal data: not sent by default");
        let mut c = config();
        c.include_typed_text = true;
        let st = recorded(&s, &r, t, &c);
        assert_eq!(
            st[1]["result"]["extensions"]["https://lms.example.org/xapi/extensions/typed-text"],
            "Salainen oma lause Ainolle"
        );
        // The response is the authored choice id (stable whatever order the options were shown in).
        let ReplyKind::TextThenOption { index, .. } = &s.history()[0].reply else { panic!("write then pick") };
        assert_eq!(st[1]["result"]["response"], (index + 1).to_string());
    }

    #[test]
    fn name_only_when_given_and_no_typed_text() {
        let s = play(&[0, 0]);
        let r = Report::of(&s);
        let mut c = config();
        c.actor.name = Some("Aino Esimerkki".into());
        let st = recorded(&s, &r, Timing { started_ms: 0, duration_ms: 1000 }, &c);
        assert_eq!(st[0]["actor"]["name"], "Aino Esimerkki");
        assert_eq!(st.last().unwrap()["verb"]["id"], "http://adlnet.gov/expapi/verbs/terminated");
        assert_eq!(st.last().unwrap()["result"]["completion"], false);
        assert!(recorded(&play(&[]), &r, Timing { started_ms: 0, duration_ms: 0 }, &c).is_empty());
    }
}
