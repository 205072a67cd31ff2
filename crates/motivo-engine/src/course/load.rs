//! Loading and checking a course file against the scenarios that exist.

use std::collections::{HashMap, HashSet};

use super::{Course, MasteryRule, Module};
use crate::diag::{Diagnostic, Kind, Severity, Source};
use crate::load::{Loaded, check_nesting, check_text, parse_ron};
use crate::model::{Lang, Scenario, Text};
use crate::validate::{find_field, find_key};

/// What the course checker and mastery need to know about a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownScenario {
    pub id: String,
    /// The scenario's own `module` field (may be empty).
    pub module: String,
    pub version: u32,
    pub title: Text,
}

impl KnownScenario {
    pub fn of(s: &Scenario) -> Self {
        KnownScenario { id: s.id.clone(), module: s.module.clone(), version: s.version, title: s.title.clone() }
    }

    /// A scenario known only by id and module (enough for checking a course).
    pub fn new(id: &str, module: &str) -> Self {
        KnownScenario { id: id.into(), module: module.into(), version: 1, title: Text::default() }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

struct Checker<'a> {
    src: Source<'a>,
    course: &'a Course,
    known: &'a [KnownScenario],
    /// Per module: (region start, region end, id span).
    regions: Vec<(usize, usize, (usize, usize))>,
    out: Vec<Diagnostic>,
}

impl<'a> Checker<'a> {
    fn new(text: &'a str, course: &'a Course, known: &'a [KnownScenario]) -> Self {
        let modules_at = find_key(text, 0, text.len(), "modules").map_or(0, |s| s.1);
        let mut ids = Vec::new();
        let mut from = modules_at;
        for m in &course.modules {
            let span = find_field(text, from, text.len(), "id", &m.id).unwrap_or((from, from));
            from = span.1;
            ids.push(span);
        }
        let regions = ids
            .iter()
            .enumerate()
            .map(|(i, &span)| {
                let start = text[..span.0].rfind('(').unwrap_or(span.0);
                let end = ids.get(i + 1).map_or(text.len(), |n| text[..n.0].rfind('(').unwrap_or(n.0));
                (start, end.max(span.1), span)
            })
            .collect();
        Checker { src: Source::new(text), course, known, regions, out: Vec::new() }
    }

    fn push(&mut self, severity: Severity, kind: Kind, message: String, span: (usize, usize)) -> &mut Diagnostic {
        self.out.push(self.src.diagnostic(severity, kind, message, span.0, span.1));
        self.out.last_mut().expect("just pushed")
    }

    fn top(&self, field: &str) -> (usize, usize) {
        let end = self.regions.first().map_or(self.src.text.len(), |r| r.0);
        find_key(self.src.text, 0, end, field).unwrap_or((0, 0))
    }

    fn in_module(&self, i: usize, field: &str) -> (usize, usize) {
        let (start, end, id) = self.regions[i];
        find_key(self.src.text, start, end, field).unwrap_or(id)
    }

    fn string_in_module(&self, i: usize, value: &str, nth: usize) -> (usize, usize) {
        let (start, end, id) = self.regions[i];
        let quoted = format!("\"{value}\"");
        self.src.text[start..end]
            .match_indices(&quoted)
            .filter(|(k, _)| start + k != id.0)
            .nth(nth)
            .map_or(id, |(k, _)| (start + k, start + k + quoted.len()))
    }

    fn text(&mut self, t: &Text, what: &str, span: (usize, usize), required: bool) {
        if t.is_blank() {
            if required {
                self.push(Severity::Error, Kind::EmptyText, format!("{what} is empty"), span);
            }
            return;
        }
        for lang in Lang::ALL {
            if t.get_exact(lang).is_none_or(|s| s.trim().is_empty()) {
                self.push(Severity::Warning, Kind::MissingTranslation, format!("{what} has no `{lang}` text"), span);
            }
        }
    }

    fn run(&mut self) {
        let course = self.course;
        if !valid_id(&course.id) {
            let span = find_field(self.src.text, 0, self.src.text.len(), "id", &course.id).unwrap_or(self.top("id"));
            self.push(Severity::Error, Kind::BadId, format!("`{}` is not a valid course id", course.id), span)
                .notes
                .push("ids use lowercase letters, digits and `-`".into());
        }
        if course.version == 0 {
            self.push(
                Severity::Error,
                Kind::OutOfRange,
                "the course version must be 1 or more".into(),
                self.top("version"),
            );
        }
        self.text(&course.title, "the course title", self.top("title"), true);
        if course.modules.is_empty() {
            let span = self.top("modules");
            self.push(Severity::Error, Kind::NoScenarios, "the course has no modules".into(), span);
            return;
        }

        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, m) in course.modules.iter().enumerate() {
            let id_span = self.regions[i].2;
            if !valid_id(&m.id) {
                self.push(Severity::Error, Kind::BadId, format!("`{}` is not a valid module id", m.id), id_span)
                    .notes
                    .push("ids use lowercase letters, digits and `-`".into());
            }
            if let Some(first) = seen.insert(&m.id, i) {
                let d = self.push(
                    Severity::Error,
                    Kind::DuplicateId,
                    format!("module `{}` is defined twice", m.id),
                    id_span,
                );
                d.notes.push(format!("the first definition is module {}", first + 1));
            }
            self.text(&m.title, &format!("the title of module `{}`", m.id), self.in_module(i, "title"), true);
            self.text(&m.outcome, &format!("the outcome of module `{}`", m.id), self.in_module(i, "outcome"), true);
            self.text(
                &m.description,
                &format!("the description of module `{}`", m.id),
                self.in_module(i, "description"),
                false,
            );
            self.module_scenarios(i, m);
        }
        self.stray_scenarios();
        self.unlocks();
    }

    fn module_scenarios(&mut self, i: usize, m: &Module) {
        let known = self.known;
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for s in &m.scenarios {
            let nth = *listed.get(s.as_str()).unwrap_or(&0);
            let span = self.string_in_module(i, s, nth);
            *listed.entry(s).or_default() += 1;
            if nth > 0 {
                self.push(
                    Severity::Warning,
                    Kind::DuplicateId,
                    format!("scenario `{s}` is listed twice in module `{}`", m.id),
                    span,
                );
                continue;
            }
            match known.iter().find(|k| &k.id == s) {
                None => {
                    let d = self.push(
                        Severity::Error,
                        Kind::UnknownScenario,
                        format!("module `{}` lists scenario `{s}`, which does not exist", m.id),
                        span,
                    );
                    d.label = Some("unknown scenario".into());
                    let closest = known.iter().map(|k| (edit_distance(&k.id, s), &k.id)).min().filter(|(d, _)| *d <= 3);
                    if let Some((_, id)) = closest {
                        d.notes.push(format!("did you mean `{id}`?"));
                    } else if !known.is_empty() {
                        let ids: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
                        d.notes.push(format!("the scenarios are {}", ids.join(", ")));
                    }
                }
                Some(k) if !k.module.is_empty() && k.module != m.id => {
                    let d = self.push(
                        Severity::Warning,
                        Kind::ModuleMismatch,
                        format!(
                            "scenario `{s}` is in module `{}` here, but its own file says module `{}`",
                            m.id, k.module
                        ),
                        span,
                    );
                    d.notes.push(format!(
                        "it counts toward both when `{}` is a module of the course; set `module: \"{}\"` in the scenario to agree",
                        k.module, m.id
                    ));
                }
                Some(_) => {}
            }
        }
        let count = m.all_scenarios().len();
        if count == 0 {
            let span = self.regions[i].2;
            let d = self.push(
                Severity::Warning,
                Kind::NoScenarios,
                format!("outcome `{}` has no scenarios yet, so it cannot be mastered", m.id),
                span,
            );
            if m.planned {
                d.notes.push("the module is marked `planned`: learners see it as coming soon".into());
            } else {
                d.notes.push("list scenarios in `scenarios: [...]`, or mark the module `planned: true`".into());
            }
        } else if m.planned {
            let span = self.in_module(i, "planned");
            self.push(
                Severity::Warning,
                Kind::NoScenarios,
                format!("module `{}` is marked `planned` but has {count} scenario(s)", m.id),
                span,
            )
            .notes
            .push("remove `planned: true` so learners see the module as open".into());
        }
        if let MasteryRule::AtLeast(n) = m.mastery {
            let span = self.in_module(i, "mastery");
            if n == 0 {
                self.push(
                    Severity::Error,
                    Kind::OutOfRange,
                    format!("module `{}` would be mastered with no scenario passed", m.id),
                    span,
                )
                .notes
                .push("use `AtLeast(1)` or more".into());
            } else if count > 0 && n as usize > count {
                self.push(
                    Severity::Error,
                    Kind::OutOfRange,
                    format!("module `{}` needs {n} passed scenarios but has only {count}", m.id),
                    span,
                );
            }
        }
    }

    /// Scenarios that name a module the course does not have.
    fn stray_scenarios(&mut self) {
        let modules: HashSet<&str> = self.course.modules.iter().map(|m| m.id.as_str()).collect();
        let span = self.top("modules");
        for k in self.known {
            if !k.module.is_empty() && !modules.contains(k.module.as_str()) {
                let listed = self.course.modules.iter().any(|m| m.scenarios.contains(&k.id));
                let d = self.push(
                    Severity::Warning,
                    Kind::UnknownModule,
                    format!("scenario `{}` names module `{}`, which is not in the course", k.id, k.module),
                    span,
                );
                if !listed {
                    d.notes.push("the scenario does not count toward any outcome".into());
                }
            }
        }
    }

    fn unlocks(&mut self) {
        let course = self.course;
        let index: HashMap<&str, usize> = course.modules.iter().enumerate().map(|(i, m)| (m.id.as_str(), i)).collect();
        let mut edges: Vec<Vec<usize>> = vec![Vec::new(); course.modules.len()];
        for (i, m) in course.modules.iter().enumerate() {
            for dep in m.unlock.modules() {
                let span = self.string_in_module(i, dep, 0);
                match index.get(dep.as_str()) {
                    None => {
                        self.push(
                            Severity::Error,
                            Kind::UnknownModule,
                            format!("module `{}` opens after module `{dep}`, which does not exist", m.id),
                            span,
                        );
                    }
                    Some(&j) => {
                        edges[i].push(j);
                        if course.modules[j].all_scenarios().is_empty() && j != i {
                            self.push(
                                Severity::Warning,
                                Kind::NoScenarios,
                                format!("module `{}` opens only after `{dep}`, which has no scenarios yet", m.id),
                                span,
                            )
                            .notes
                            .push("learners cannot open it until those scenarios exist".into());
                        }
                    }
                }
            }
        }
        // Cycles: depth-first search with colours; report each cycle once, at its first module in file order.
        let mut colour = vec![0u8; edges.len()];
        let mut reported = vec![false; edges.len()];
        for start in 0..edges.len() {
            let mut stack: Vec<usize> = Vec::new();
            self.dfs(start, &edges, &mut colour, &mut stack, &mut reported);
        }
    }

    fn dfs(
        &mut self,
        v: usize,
        edges: &[Vec<usize>],
        colour: &mut [u8],
        stack: &mut Vec<usize>,
        reported: &mut [bool],
    ) {
        if colour[v] != 0 {
            return;
        }
        colour[v] = 1;
        stack.push(v);
        for &w in &edges[v] {
            if colour[w] == 1 {
                let at = stack.iter().position(|&x| x == w).unwrap_or(0);
                let cycle: Vec<usize> = stack[at..].to_vec();
                if !cycle.iter().any(|&c| reported[c]) {
                    for &c in &cycle {
                        reported[c] = true;
                    }
                    let first = *cycle.iter().min().expect("a cycle has a module");
                    let names: Vec<&str> = cycle.iter().map(|&c| self.course.modules[c].id.as_str()).collect();
                    let span = self.in_module(first, "unlock");
                    let d = self.push(
                        Severity::Error,
                        Kind::UnlockCycle,
                        format!("the unlock rules form a cycle: {} → {}", names.join(" → "), names[0]),
                        span,
                    );
                    d.notes.push("none of these modules can ever open".into());
                }
            } else {
                self.dfs(w, edges, colour, stack, reported);
            }
        }
        stack.pop();
        colour[v] = 2;
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Fills each module's resolved scenario list: its own list, then the known scenarios that name it.
pub fn resolve(course: &mut Course, known: &[KnownScenario]) {
    for m in &mut course.modules {
        let mut all: Vec<String> = Vec::new();
        for s in &m.scenarios {
            if !all.contains(s) {
                all.push(s.clone());
            }
        }
        let mut extra: Vec<&KnownScenario> =
            known.iter().filter(|k| k.module == m.id && !all.contains(&k.id)).collect();
        extra.sort_by(|a, b| a.id.cmp(&b.id));
        all.extend(extra.into_iter().map(|k| k.id.clone()));
        m.resolved = all;
    }
}

/// Loads and checks a course file against the scenarios that exist (`known`). Every module's
/// [`Module::resolved`] list is filled.
pub fn load_course(bytes: &[u8], known: &[KnownScenario]) -> Loaded<Course> {
    let text = match check_text(bytes) {
        Ok(t) => t,
        Err(d) => return Loaded { value: None, diagnostics: vec![*d] },
    };
    if let Err(d) = check_nesting(text) {
        return Loaded { value: None, diagnostics: vec![*d] };
    }
    let mut course: Course = match parse_ron(text) {
        Ok(c) => c,
        Err(d) => return Loaded { value: None, diagnostics: vec![*d] },
    };
    resolve(&mut course, known);
    let mut checker = Checker::new(text, &course, known);
    checker.run();
    let mut diagnostics = checker.out;
    diagnostics.sort_by_key(|d| (d.start, std::cmp::Reverse(d.severity)));
    Loaded { value: Some(course), diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<KnownScenario> {
        vec![KnownScenario::new("alpha", "one"), KnownScenario::new("beta", "two"), KnownScenario::new("gamma", "")]
    }

    fn course(modules: &str) -> String {
        format!("Course(id: \"c\", version: 1, title: (fi: \"Kurssi\", en: \"Course\"), modules: [{modules}])")
    }

    fn module(id: &str, rest: &str) -> String {
        format!("(id: \"{id}\", title: (fi: \"T\", en: \"T\"), outcome: (fi: \"O\", en: \"O\"), {rest}),\n")
    }

    fn kinds(text: &str) -> Vec<(Severity, Kind)> {
        load_course(text.as_bytes(), &known()).diagnostics.iter().map(|d| (d.severity, d.kind)).collect()
    }

    #[test]
    fn clean_course_and_resolution() {
        let text =
            course(&(module("one", "scenarios: [\"gamma\"]") + &module("two", "unlock: AfterMastered([\"one\"])")));
        let loaded = load_course(text.as_bytes(), &known());
        assert!(loaded.diagnostics.is_empty(), "{:#?}", loaded.diagnostics);
        let c = loaded.ok().unwrap();
        assert_eq!(c.modules[0].all_scenarios(), ["gamma", "alpha"]);
        assert_eq!(c.modules[1].all_scenarios(), ["beta"]);
    }

    #[test]
    fn unknown_scenario_is_located() {
        let text = course(&(module("one", "scenarios: [\"alpah\"]") + &module("two", "")));
        let loaded = load_course(text.as_bytes(), &known());
        let d = loaded.diagnostics.iter().find(|d| d.kind == Kind::UnknownScenario).unwrap();
        assert!(d.is_error());
        assert_eq!(&text[d.start..d.end], "\"alpah\"");
        assert!(d.notes[0].contains("alpha"));
    }

    #[test]
    fn outcome_without_scenarios_warns() {
        let text = course(&(module("one", "") + &module("two", "") + &module("three", "planned: true")));
        let k = kinds(&text);
        assert_eq!(k, vec![(Severity::Warning, Kind::NoScenarios)]);
        assert!(!load_course(text.as_bytes(), &known()).has_errors());
    }

    #[test]
    fn cycles_and_unknown_modules_are_errors() {
        let text = course(
            &(module("one", "unlock: AfterMastered([\"two\"])")
                + &module("two", "unlock: AfterStarted([\"one\"])")
                + &module("three", "scenarios: [\"gamma\"], unlock: AfterMastered([\"nope\"])")),
        );
        let k = kinds(&text);
        assert_eq!(k.iter().filter(|x| x.1 == Kind::UnlockCycle).count(), 1, "{k:?}");
        assert!(k.contains(&(Severity::Error, Kind::UnknownModule)));
        let self_loop = course(&module("one", "unlock: AfterMastered([\"one\"])"));
        assert!(kinds(&self_loop).contains(&(Severity::Error, Kind::UnlockCycle)));
    }

    #[test]
    fn duplicates_mismatch_and_ranges() {
        let text = course(
            &(module("one", "scenarios: [\"beta\"], mastery: AtLeast(3)") + &module("one", "") + &module("two", "")),
        );
        let k = kinds(&text);
        assert!(k.contains(&(Severity::Error, Kind::DuplicateId)));
        assert!(k.contains(&(Severity::Warning, Kind::ModuleMismatch)));
        assert!(k.contains(&(Severity::Error, Kind::OutOfRange)));
    }

    #[test]
    fn bundled_course_has_no_errors() {
        let known: Vec<KnownScenario> =
            crate::bundled::scenarios().into_iter().filter_map(Result::ok).map(|s| KnownScenario::of(&s)).collect();
        let loaded = load_course(super::super::COURSE.as_bytes(), &known);
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        let c = loaded.ok().unwrap();
        let ids: Vec<&str> = c.modules.iter().map(|m| m.id.as_str()).collect();
        for id in ["e-services", "ethics", "vulnerable", "security", "counselling", "independence"] {
            assert!(ids.contains(&id), "{id}");
        }
    }
}
