//! Loading and checking a course file against the scenarios that exist.

use std::collections::{HashMap, HashSet};

use super::{Course, MasteryRule, Module};
use motivo_engine::diag::{Diagnostic, Kind, Severity, Source};
use motivo_engine::i18n::Msg;
use motivo_engine::load::{Loaded, check_nesting, check_text, parse_ron};
use motivo_engine::model::{Lang, Scenario, Text};
use motivo_engine::msg;
use motivo_engine::validate::{find_field, find_key};

/// What the course checker and mastery need to know about a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KnownScenario {
    pub id: String,
    /// The scenario's own `module` field (may be empty).
    pub module: String,
    pub version: u32,
    pub title: Text,
    /// How hard the client is (the scenario's `difficulty`: 1 willing, 2 ambivalent, 3 discordant or in crisis).
    pub difficulty: u8,
}

impl KnownScenario {
    pub fn of(s: &Scenario) -> Self {
        KnownScenario {
            id: s.id.clone(),
            module: s.module.clone(),
            version: s.version,
            title: s.title.clone(),
            difficulty: s.difficulty,
        }
    }

    /// A scenario known only by id and module (enough for checking a course), at difficulty 1.
    pub fn new(id: &str, module: &str) -> Self {
        KnownScenario { id: id.into(), module: module.into(), version: 1, title: Text::default(), difficulty: 1 }
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

    fn push(&mut self, severity: Severity, kind: Kind, message: Msg, span: (usize, usize)) -> &mut Diagnostic {
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

    /// Checks a text; `what` names it (a noun phrase: "the course title", "kurssin nimi").
    fn text(&mut self, t: &Text, what: Msg, span: (usize, usize), required: bool) {
        if t.is_blank() {
            if required {
                self.push(Severity::Error, Kind::EmptyText, msg!("diag-text-empty", what), span);
            }
            return;
        }
        // The course is written in the languages of its title.
        let langs: Vec<Lang> = self.course.title.iter().filter(|(_, s)| !s.trim().is_empty()).map(|(l, _)| l).collect();
        for lang in langs {
            if !t.has(lang) {
                let message = msg!("diag-text-missing-lang", what = &what, lang = lang.code());
                self.push(Severity::Warning, Kind::MissingTranslation, message, span);
            }
        }
    }

    fn run(&mut self) {
        let course = self.course;
        if !valid_id(&course.id) {
            let span = find_field(self.src.text, 0, self.src.text.len(), "id", &course.id).unwrap_or(self.top("id"));
            let message = msg!("course-valid-course-id", id = &course.id);
            self.push(Severity::Error, Kind::BadId, message, span).note(ids_note());
        }
        if course.version == 0 {
            self.push(Severity::Error, Kind::OutOfRange, msg!("course-course-version-must-more"), self.top("version"));
        }
        self.text(&course.title, msg!("course-course-title"), self.top("title"), true);
        if course.modules.is_empty() {
            let span = self.top("modules");
            let message = msg!("course-course-modules");
            self.push(Severity::Error, Kind::NoScenarios, message, span);
            return;
        }

        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, m) in course.modules.iter().enumerate() {
            let id_span = self.regions[i].2;
            if !valid_id(&m.id) {
                let message = msg!("course-valid-module-id", id = &m.id);
                self.push(Severity::Error, Kind::BadId, message, id_span).note(ids_note());
            }
            if let Some(first) = seen.insert(&m.id, i) {
                let d = self.push(
                    Severity::Error,
                    Kind::DuplicateId,
                    msg!("course-module-defined-twice", id = &m.id),
                    id_span,
                );
                d.note(msg!("course-first-definition-module", n = first + 1));
            }
            let id = &m.id;
            let what = msg!("course-title-module", id);
            self.text(&m.title, what, self.in_module(i, "title"), true);
            let what = msg!("course-outcome-module", id);
            self.text(&m.outcome, what, self.in_module(i, "outcome"), true);
            let what = msg!("course-description-module", id);
            self.text(&m.description, what, self.in_module(i, "description"), false);
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
                    msg!("course-scenario-listed-twice-module", id = &m.id, s),
                    span,
                );
                continue;
            }
            match known.iter().find(|k| &k.id == s) {
                None => {
                    let d = self.push(
                        Severity::Error,
                        Kind::UnknownScenario,
                        msg!("course-module-lists-scenario-exist", id = &m.id, s),
                        span,
                    );
                    d.set_label(msg!("course-unknown-scenario"));
                    // Banded (linear in the id's length) and only for ids of a sensible length.
                    let closest = known
                        .iter()
                        .filter(|_| s.len() <= 256)
                        .filter_map(|k| Some((motivo_engine::validate::edit_distance_within(&k.id, s, 3)?, &k.id)))
                        .min();
                    if let Some((_, id)) = closest {
                        d.note(msg!("course-did-you-mean", id));
                    } else if !known.is_empty() {
                        let ids: Vec<&str> = known.iter().map(|k| k.id.as_str()).collect();
                        let ids = ids.join(", ");
                        d.note(msg!("course-scenarios", ids));
                    }
                }
                Some(k) if !k.module.is_empty() && k.module != m.id => {
                    let d = self.push(
                        Severity::Warning,
                        Kind::ModuleMismatch,
                        msg!("course-scenario-module-here-but", id = &m.id, own = &k.module, s),
                        span,
                    );
                    d.note(msg!("course-counts-toward-both-when", own = &k.module, id = &m.id));
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
                msg!("course-outcome-scenarios-yet-so", id = &m.id),
                span,
            );
            if m.planned {
                d.note(msg!("course-module-marked-planned-learners"));
            } else {
                d.note(msg!("course-list-scenarios-scenarios-mark"));
            }
        } else if m.planned {
            let span = self.in_module(i, "planned");
            self.push(
                Severity::Warning,
                Kind::NoScenarios,
                msg!("course-module-marked-planned-but", id = &m.id, count),
                span,
            )
            .note(msg!("course-remove-planned-true-so"));
        }
        if let MasteryRule::AtLeast(n) = m.mastery {
            let span = self.in_module(i, "mastery");
            if n == 0 {
                self.push(
                    Severity::Error,
                    Kind::OutOfRange,
                    msg!("course-module-would-mastered-scenario", id = &m.id),
                    span,
                )
                .note(msg!("course-use-atleast-more"));
            } else if count > 0 && n as usize > count {
                self.push(
                    Severity::Error,
                    Kind::OutOfRange,
                    msg!("course-module-needs-passed-scenarios", id = &m.id, n, count),
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
                    msg!("course-scenario-names-module-course", id = &k.id, module = &k.module),
                    span,
                );
                if !listed {
                    d.note(msg!("course-scenario-count-toward-any"));
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
                            msg!("course-module-opens-after-module", id = &m.id, dep),
                            span,
                        );
                    }
                    Some(&j) => {
                        edges[i].push(j);
                        if course.modules[j].all_scenarios().is_empty() && j != i {
                            self.push(
                                Severity::Warning,
                                Kind::NoScenarios,
                                msg!("course-module-opens-only-after", id = &m.id, dep),
                                span,
                            )
                            .note(msg!("course-learners-cannot-open-until"));
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
                        msg!("course-unlock-rules-form-cycle", cycle = format!("{} → {}", names.join(" → "), names[0])),
                        span,
                    );
                    d.note(msg!("course-none-these-modules-can"));
                }
            } else {
                self.dfs(w, edges, colour, stack, reported);
            }
        }
        stack.pop();
        colour[v] = 2;
    }
}

fn ids_note() -> Msg {
    msg!("course-ids-use-lowercase-letters")
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

    /// The diagnostics' severities and kinds; every diagnostic must also be in Finnish.
    fn kinds(text: &str) -> Vec<(Severity, Kind)> {
        let diags = load_course(text.as_bytes(), &known()).diagnostics;
        for d in &diags {
            assert!(d.is_translated(), "{:?} has no Finnish text: {d:#?}", d.kind);
        }
        diags.iter().map(|d| (d.severity, d.kind)).collect()
    }

    #[test]
    fn every_course_diagnostic_kind_is_in_finnish() {
        let broken = [
            course(&(module("one", "scenarios: [\"alpah\"]") + &module("two", ""))),
            course(&(module("one", "") + &module("two", "planned: true") + &module("three", "scenarios: [\"gamma\"]"))),
            course(
                &(module("one", "unlock: AfterMastered([\"two\"])")
                    + &module("two", "unlock: AfterStarted([\"one\"])")),
            ),
            course(&module("three", "scenarios: [\"gamma\"], unlock: AfterMastered([\"nope\"]), mastery: AtLeast(0)")),
            course(&(module("one", "scenarios: [\"beta\", \"beta\"], mastery: AtLeast(3)") + &module("one", ""))),
            "Course(id: \"C c\", version: 0, title: (fi: \"Kurssi\"), modules: [])".to_owned(),
            course(&module("Bad", "scenarios: [\"gamma\"], description: (en: \"D\")")),
            course(
                "(id: \"one\", title: (), outcome: (fi: \"O\", en: \"O\"), scenarios: [\"gamma\"], unlock: AfterMastered([\"two\"])), (id: \"two\", title: (fi: \"T\", en: \"T\"), outcome: (fi: \"O\", en: \"O\"))",
            ),
            "Course(id: \"c\", version: 1, title: (fi: \"K\", en: \"C\"), modules: [".to_owned(),
        ];
        let mut seen = HashSet::new();
        for text in &broken {
            seen.extend(kinds(text).into_iter().map(|(_, k)| k));
        }
        for kind in Kind::ALL.into_iter().filter(|k| k.is_course()) {
            assert!(seen.contains(&kind), "no fixture for {kind:?}: {seen:?}");
        }
        let d = &load_course(broken[0].as_bytes(), &known()).diagnostics[0];
        assert_eq!(d.message_in(Lang::Fi), "moduulissa `one` on skenaario `alpah`, jota ei ole olemassa");
        assert_eq!(d.label_in(Lang::Fi).as_deref(), Some("tuntematon skenaario"));
        assert_eq!(d.notes_in(Lang::Fi), ["tarkoititko `alpha`?"]);
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
        assert!(d.notes_in(Lang::En)[0].contains("alpha"));
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
        let known: Vec<KnownScenario> = motivo_engine::bundled::scenarios()
            .into_iter()
            .filter_map(Result::ok)
            .map(|s| KnownScenario::of(&s))
            .collect();
        let loaded = load_course(crate::COURSE.as_bytes(), &known);
        assert!(!loaded.has_errors(), "{:#?}", loaded.diagnostics);
        let c = loaded.ok().unwrap();
        let ids: Vec<&str> = c.modules.iter().map(|m| m.id.as_str()).collect();
        for id in ["e-services", "ethics", "vulnerable", "security", "counselling", "independence"] {
            assert!(ids.contains(&id), "{id}");
        }
    }
}
