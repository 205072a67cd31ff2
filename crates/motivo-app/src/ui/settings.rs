//! Settings: language, text size, high contrast, feedback mode.

use egui::{RichText, Ui};

use super::{Action, card, language_picker, top_bar};
use crate::model::{AnswerMode, AppModel, FeedbackMode, Screen, Settings};

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let mut action = None;
    let entered = super::screen_entered(ui, Screen::Settings);
    top_bar(ui, "settings-top", &s.get("settings-title"), |ui| {
        if ui.button(s.get("settings-close")).clicked() {
            action = Some(Action::CloseSettings);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        super::page_scroll(Screen::Settings, entered).show(ui, |ui| {
            card(ui, |ui| {
                ui.label(RichText::new(s.get("language")).strong());
                ui.horizontal_wrapped(|ui| {
                    if let Some(a) = language_picker(ui, m) {
                        action = Some(a);
                    }
                });
            });
            ui.add_space(6.0);
            card(ui, |ui| {
                ui.label(RichText::new(s.get("text-size")).strong());
                let mut scale = m.settings.text_scale;
                let slider = egui::Slider::new(&mut scale, Settings::MIN_SCALE..=Settings::MAX_SCALE)
                    .step_by(0.05)
                    .custom_formatter(|x, _| format!("{} %", (x * 100.0).round()));
                let resp = ui.add(slider).on_hover_text(s.get("text-size"));
                // Apply when the drag ends, so the slider does not move under the pointer while it scales.
                if (resp.drag_stopped() || (resp.changed() && !resp.dragged())) && scale != m.settings.text_scale {
                    action = Some(Action::SetTextScale(scale));
                }
                ui.horizontal_wrapped(|ui| {
                    if ui.button(s.get("text-smaller")).clicked() {
                        action = Some(Action::SetTextScale(m.settings.text_scale - 0.125));
                    }
                    if ui.button(s.get("text-larger")).clicked() {
                        action = Some(Action::SetTextScale(m.settings.text_scale + 0.125));
                    }
                    if ui.button(s.get("text-reset")).clicked() {
                        action = Some(Action::SetTextScale(1.0));
                    }
                });
            });
            ui.add_space(6.0);
            card(ui, |ui| {
                let mut hc = m.settings.high_contrast;
                if ui.checkbox(&mut hc, s.get("high-contrast")).changed() {
                    action = Some(Action::SetHighContrast(hc));
                }
            });
            ui.add_space(6.0);
            card(ui, |ui| {
                ui.label(RichText::new(s.get("feedback-mode")).strong());
                for (mode, key, help) in [
                    (FeedbackMode::Coach, "feedback-coach", "feedback-coach-help"),
                    (FeedbackMode::Exam, "feedback-exam", "feedback-exam-help"),
                ] {
                    if ui.radio(m.settings.feedback == mode, s.get(key)).clicked() && m.settings.feedback != mode {
                        action = Some(Action::SetFeedbackMode(mode));
                    }
                    ui.label(RichText::new(s.get(help)).small());
                }
            });
            ui.add_space(6.0);
            card(ui, |ui| {
                ui.label(RichText::new(s.get("answer-mode")).strong());
                for mode in AnswerMode::ALL {
                    if ui.radio(m.settings.answer == mode, s.get(mode.key())).clicked() && m.settings.answer != mode {
                        action = Some(Action::SetAnswerMode(mode));
                    }
                    ui.label(RichText::new(s.get(&format!("{}-help", mode.key()))).small());
                }
                ui.label(RichText::new(s.get("answer-mode-minimum")).small().italics());
            });
            ui.add_space(6.0);
            ui.label(RichText::new(s.get("settings-saved-note")).small());
        });
    });
    if !ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        action = Some(Action::CloseSettings);
    }
    action
}
