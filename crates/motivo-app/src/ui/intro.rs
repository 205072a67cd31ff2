//! Scenario intro: the persona card and the goal.

use egui::{RichText, Ui};
use fluent_bundle::FluentValue;

use super::{Action, card, top_bar};
use crate::model::{AnswerMode, AppModel, Screen};

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let lang = m.content_lang();
    let mut action = None;
    let Some(sc) = m.selected_scenario() else {
        return Some(Action::ToStart);
    };
    let entered = super::screen_entered(ui, Screen::Intro);
    top_bar(ui, "intro-top", sc.title.get(lang), |ui| {
        if ui.button(s.get("open-settings")).clicked() {
            action = Some(Action::OpenSettings);
        }
        if ui.button(s.get("back-to-start")).clicked() {
            action = Some(Action::ToStart);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        super::page_scroll(Screen::Intro, entered).show(ui, |ui| {
            ui.label(sc.summary.get(lang));
            ui.add_space(8.0);
            card(ui, |ui| {
                ui.label(RichText::new(s.get("persona")).small());
                let p = &sc.persona;
                ui.heading(s.fmt(
                    "persona-name-age",
                    &[("name", FluentValue::from(p.name.as_str())), ("age", FluentValue::from(p.age))],
                ));
                ui.label(p.situation.get(lang));
                ui.label(s.fmt("persona-service", &[("service", FluentValue::from(p.service.get(lang)))]));
            });
            ui.add_space(8.0);
            card(ui, |ui| {
                ui.label(RichText::new(s.get("goal")).small());
                ui.label(RichText::new(sc.goal.get(lang)).strong());
                if !sc.outcomes.is_empty() {
                    ui.add_space(4.0);
                    ui.label(RichText::new(s.get("outcomes")).small());
                    for o in &sc.outcomes {
                        ui.label(format!("• {}", o.get(lang)));
                    }
                }
            });
            ui.add_space(8.0);
            if let Some(a) = answer_mode_picker(ui, m, &sc.id) {
                action = Some(a);
            }
            ui.add_space(12.0);
            ui.horizontal_wrapped(|ui| {
                let start = ui.button(RichText::new(s.get("start-conversation")).strong());
                if start.clicked() {
                    action = Some(Action::StartScenario);
                }
                if m.resumable() && ui.button(s.get("resume-conversation")).clicked() {
                    action = Some(Action::ResumeScenario);
                }
            });
            ui.label(RichText::new(s.get("intro-keys")).small());
            if !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                action = Some(if m.resumable() { Action::ResumeScenario } else { Action::StartScenario });
            }
        });
    });
    action
}

/// How the learner answers in this scenario: pick, write then pick, or write freely.
fn answer_mode_picker(ui: &mut Ui, m: &AppModel, id: &str) -> Option<Action> {
    let s = &m.strings;
    let mut action = None;
    card(ui, |ui| {
        ui.label(RichText::new(s.get("answer-mode-here")).strong());
        if !m.has_coder {
            ui.label(RichText::new(s.get("free-text-unavailable")).italics());
            return;
        }
        let current = m.answer_mode(id);
        for mode in AnswerMode::ALL {
            if ui.radio(current == mode, s.get(mode.key())).clicked() && current != mode {
                action = Some(Action::SetScenarioAnswerMode(id.to_owned(), mode));
            }
            ui.label(RichText::new(s.get(&format!("{}-help", mode.key()))).small());
        }
        ui.label(RichText::new(s.get("answer-mode-minimum")).small().italics());
    });
    action
}
