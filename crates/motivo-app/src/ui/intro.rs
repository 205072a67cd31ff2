//! Scenario intro: the persona card and the goal.

use egui::{RichText, Ui};
use fluent_bundle::FluentValue;

use super::{Action, card, top_bar};
use crate::model::AppModel;

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let lang = m.content_lang();
    let mut action = None;
    let Some(sc) = m.selected_scenario() else {
        return Some(Action::ToStart);
    };
    top_bar(ui, "intro-top", sc.title.get(lang), |ui| {
        if ui.button(s.get("open-settings")).clicked() {
            action = Some(Action::OpenSettings);
        }
        if ui.button(s.get("back-to-start")).clicked() {
            action = Some(Action::ToStart);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
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
            ui.add_space(12.0);
            ui.horizontal(|ui| {
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
