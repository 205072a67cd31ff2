//! Shared helpers for the app's tests.
#![allow(dead_code)]

use std::sync::Arc;

use motivo_app::model::{Action, AppModel, Saved, Settings};
use motivo_engine::ReplyCoder;
use motivo_engine::codes::Code;
use motivo_engine::coding::{CodeRequest, CodedReply, Primary};
use motivo_engine::model::Side;
use motivo_engine::{Scenario, ValidateOptions, load_scenario};

/// A coder for tests: a reply with "?" is an open question, anything else a complex reflection of the
/// client line's first meaning (sustain side).
pub struct FakeCoder;

impl ReplyCoder for FakeCoder {
    fn code(&self, r: &CodeRequest<'_>) -> CodedReply {
        if r.text.contains('?') {
            return CodedReply {
                codes: vec![Code::OQ],
                primary: Primary::Question,
                confidence: 0.9,
                evidence: vec![],
                reflected: None,
                meanings: vec![],
                ethics: vec![],
                unsure: false,
                notes: vec![],
            };
        }
        CodedReply {
            codes: vec![Code::CR],
            primary: Primary::Reflection,
            confidence: 0.9,
            evidence: vec![],
            reflected: Some(Side::Sustain),
            meanings: r.meanings.iter().take(1).map(|m| m.id.clone()).collect(),
            ethics: vec![],
            unsure: false,
            notes: vec![],
        }
    }
}

/// The test scenario (a fixture, so the tests do not follow the bundled course's content).
pub fn small_scenario() -> Arc<Scenario> {
    let loaded = load_scenario(include_str!("../fixtures/small.ron").as_bytes(), &ValidateOptions::default());
    let errors: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.to_string()).collect();
    Arc::new(loaded.ok().unwrap_or_else(|| panic!("fixtures/small.ron: {errors:?}")))
}

pub fn saved(lang: &str) -> Saved {
    Saved { settings: Settings { lang: lang.to_owned(), ..Settings::default() }, ..Saved::default() }
}

/// The app on the test scenario.
pub fn model(lang: &str) -> AppModel {
    AppModel::new(vec![small_scenario()], saved(lang), false)
}

pub fn first_id(m: &AppModel) -> String {
    m.scenarios[0].id.clone()
}

/// A model in a conversation on the test scenario.
pub fn in_conversation(lang: &str) -> AppModel {
    let mut m = model(lang);
    let id = first_id(&m);
    m.apply(Action::OpenScenario(id), None);
    m.apply(Action::StartScenario, None);
    m
}

/// The test course (`fixtures/course.ron`: one module with the test scenario).
pub fn test_course() -> motivo_course::Course {
    let known = vec![motivo_course::KnownScenario::of(&small_scenario())];
    let loaded = motivo_course::load_course(include_str!("../fixtures/course.ron").as_bytes(), &known);
    let errors: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.to_string()).collect();
    loaded.ok().unwrap_or_else(|| panic!("fixtures/course.ron: {errors:?}"))
}

/// The app on the test scenario and the test course.
pub fn course_model(lang: &str) -> AppModel {
    let mut m = model(lang);
    m.set_course(test_course());
    m
}

/// The app on the test scenario and a two-module course whose second module is locked.
pub fn locked_course_model(lang: &str) -> AppModel {
    let known = vec![motivo_course::KnownScenario::of(&small_scenario())];
    let loaded = motivo_course::load_course(include_str!("../fixtures/course-locked.ron").as_bytes(), &known);
    let errors: Vec<String> =
        loaded.diagnostics.iter().filter(|d| d.is_error()).map(|d| d.message.to_string()).collect();
    let course = loaded.ok().unwrap_or_else(|| panic!("fixtures/course-locked.ron: {errors:?}"));
    let mut m = model(lang);
    m.set_course(course);
    m
}

/// A coder for tests that reads every reply as a complex reflection with the words behind it, finds a
/// credentials problem in replies that mention a code ("tunnus", "tunnukset", "code") — as the learned model would, with
/// a probability, in replies that mention a phone ("puhelin", "phone") — and is unsure (confidence 0.3) about replies
/// that contain "hmm".
pub struct EvidenceCoder;

impl ReplyCoder for EvidenceCoder {
    fn code(&self, r: &CodeRequest<'_>) -> CodedReply {
        let mut reply = FakeCoder.code(r);
        reply.codes = vec![Code::CR];
        reply.primary = Primary::Reflection;
        reply.reflected = Some(Side::Sustain);
        reply.meanings = r.meanings.iter().take(1).map(|m| m.id.clone()).collect();
        let cue = r.text.split_whitespace().take(2).collect::<Vec<_>>().join(" ");
        let span = Some((0, cue.len()));
        reply.evidence = vec![motivo_engine::coding::Evidence { code: Code::CR, cue, span, weight: 1.0 }];
        if r.text.contains("tunnu") || r.text.contains("code") {
            reply.ethics = vec![motivo_engine::coding::EthicsHit {
                kind: motivo_engine::model::EthicsKind::TakesCredentials,
                evidence: r.text.to_owned(),
                span: None,
                probability: None,
            }];
        }
        if r.text.contains("puhelin") || r.text.contains("phone") {
            // As the learned ethics model reports: with its probability.
            reply.ethics = vec![motivo_engine::coding::EthicsHit {
                kind: motivo_engine::model::EthicsKind::TakesCredentials,
                evidence: r.text.to_owned(),
                span: Some((0, r.text.len())),
                probability: Some(0.8),
            }];
        }
        if r.text.contains("hmm") {
            reply.confidence = 0.3;
        }
        reply
    }
}
