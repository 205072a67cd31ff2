//! Start: language, the course's modules and scenarios with progress.

use egui::{RichText, Ui};
use fluent_bundle::FluentValue;

use super::{Action, card, language_picker, top_bar};
use crate::model::AppModel;

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let lang = m.content_lang();
    let mut action = None;
    top_bar(ui, "start-top", &s.get("app-title"), |ui| {
        if ui.button(s.get("open-settings")).clicked() {
            action = Some(Action::OpenSettings);
        }
        ui.separator();
        if let Some(a) = language_picker(ui, m) {
            action = Some(a);
        }
        ui.label(s.get("language"));
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
            ui.label(s.get("start-welcome"));
            ui.add_space(8.0);
            for e in &m.load_errors {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            if let Some(session) = m.session.as_ref().filter(|s| !s.is_finished()) {
                let title = session.scenario().title.get(lang).to_owned();
                if ui.button(s.fmt("continue-scenario", &[("title", FluentValue::from(title))])).clicked() {
                    action = Some(Action::OpenScenario(session.scenario().id.clone()));
                }
                ui.add_space(8.0);
            }
            for (module, scenarios) in m.modules() {
                let name = s.try_get(&format!("module-{module}")).unwrap_or(module.clone());
                ui.heading(name);
                for sc in scenarios {
                    card(ui, |ui| {
                        ui.horizontal(|ui| {
                            if ui.button(RichText::new(sc.title.get(lang)).strong()).clicked() {
                                action = Some(Action::OpenScenario(sc.id.clone()));
                            }
                            ui.label(status(m, &sc.id));
                        });
                        ui.label(sc.summary.get(lang));
                    });
                    ui.add_space(4.0);
                }
                ui.add_space(8.0);
            }
        });
    });
    action
}

/// The learner's progress on a scenario in words.
pub fn status(m: &AppModel, id: &str) -> String {
    let s = &m.strings;
    let in_progress = m.session.as_ref().is_some_and(|x| x.scenario().id == id && !x.is_finished());
    match m.progress.get(id) {
        _ if in_progress => s.get("status-in-progress"),
        Some(p) if p.completed > 0 => {
            let level = p.best.map(|l| s.get(super::report::level_key(l))).unwrap_or_default();
            s.fmt("status-completed", &[("times", FluentValue::from(p.completed)), ("level", FluentValue::from(level))])
        }
        _ => s.get("status-new"),
    }
}
