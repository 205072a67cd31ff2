//! Start: the course's modules (one per learning outcome) with mastery, each scenario's status and why it is
//! not passed yet, the next step, and any message about the progress file.

use egui::{RichText, Ui};
use fluent_bundle::FluentValue;
use motivo_course::{ModuleStatus, Reason, ScenarioStatus};

use super::{Action, card, language_picker, palette, top_bar};
use crate::model::{AppModel, Screen};

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let mut action = None;
    let entered = super::screen_entered(ui, Screen::Start);
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
        super::page_scroll(Screen::Start, entered).show(ui, |ui| {
            ui.label(s.get("start-welcome"));
            ui.add_space(8.0);
            for e in &m.load_errors {
                ui.colored_label(ui.visuals().error_fg_color, e);
            }
            for n in &m.store_notices {
                ui.colored_label(palette(ui).warn, n);
            }
            if let Some(session) = m.session.as_ref().filter(|s| !s.is_finished()) {
                let title = session.scenario().title.get(m.content_lang()).to_owned();
                if ui.button(s.fmt("continue-scenario", &[("title", FluentValue::from(title))])).clicked() {
                    action = Some(Action::OpenScenario(session.scenario().id.clone()));
                }
                ui.add_space(8.0);
            }
            let a = match &m.overview {
                Some(_) => course_view(ui, m),
                None => plain_list(ui, m),
            };
            if a.is_some() {
                action = a;
            }
        });
    });
    action
}

/// The course: overall progress, the next step, and every module with its outcome and scenarios.
fn course_view(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let (s, lang) = (&m.strings, m.content_lang());
    let o = m.overview.as_ref()?;
    let mut action = None;
    ui.heading(o.title.get(lang));
    let total = o.scenarios_total.max(1) as f32;
    let passed = s.fmt(
        "course-passed",
        &[("passed", FluentValue::from(o.scenarios_passed)), ("total", FluentValue::from(o.scenarios_total))],
    );
    ui.label(&passed);
    let w = ui.available_width().min(600.0);
    super::bar(ui, o.scenarios_passed as f32 / total, palette(ui).good, w, 12.0).widget_info(|| {
        let mut info = egui::WidgetInfo::new(egui::WidgetType::ProgressIndicator);
        info.value = Some(o.scenarios_passed as f64);
        info
    });
    let mastered = o.modules.iter().filter(|m| m.mastered).count();
    ui.label(s.fmt(
        "course-outcomes",
        &[("mastered", FluentValue::from(mastered)), ("total", FluentValue::from(o.modules.len()))],
    ));
    if let Some(next) = &o.next {
        ui.label(RichText::new(next.text(lang)).strong());
    }
    if o.complete {
        card(ui, |ui| {
            ui.label(RichText::new(s.get("certificate-title")).heading().color(palette(ui).good));
            ui.label(s.get("certificate-help"));
            let id = egui::Id::new("certificate-name");
            let mut name = ui.data_mut(|d| {
                d.get_temp::<String>(id).unwrap_or_else(|| m.progress.learner.clone().unwrap_or_default())
            });
            ui.horizontal(|ui| {
                ui.label(s.get("certificate-name"));
                let edit = ui.add(egui::TextEdit::singleline(&mut name).desired_width(280.0));
                edit.widget_info(|| egui::WidgetInfo::text_edit(true, "", &name, s.get("certificate-name")));
                if ui.button(RichText::new(s.get("certificate-save")).strong()).clicked() {
                    action = Some(Action::SaveCertificate(name.clone()));
                }
            });
            ui.data_mut(|d| d.insert_temp(id, name));
            if let Some(n) = &m.certificate_notice {
                ui.label(n);
            }
        });
    }
    ui.add_space(8.0);
    for module in &o.modules {
        if let Some(a) = module_card(ui, m, module) {
            action = Some(a);
        }
        ui.add_space(6.0);
    }
    // Scenarios that belong to no module of the course (a trainer's own files) are still playable.
    let in_course = |id: &str| o.scenario(id).is_some();
    let others: Vec<_> = m.scenarios.iter().filter(|sc| !in_course(&sc.id)).collect();
    if !others.is_empty() {
        ui.heading(s.get("other-scenarios"));
        for sc in others {
            card(ui, |ui| {
                if ui.button(RichText::new(sc.title.get(lang)).strong()).clicked() {
                    action = Some(Action::OpenScenario(sc.id.clone()));
                }
                ui.label(sc.summary.get(lang));
            });
        }
    }
    action
}

fn module_card(ui: &mut Ui, m: &AppModel, module: &ModuleStatus) -> Option<Action> {
    let (s, lang) = (&m.strings, m.content_lang());
    let p = palette(ui);
    let mut action = None;
    card(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            let (mark, colour, state) = if module.mastered {
                ("✔", p.good, s.get("module-mastered"))
            } else if !module.unlocked {
                ("🔒", ui.visuals().weak_text_color(), s.get("module-locked"))
            } else if module.scenarios.is_empty() {
                ("…", ui.visuals().weak_text_color(), s.get("module-coming"))
            } else {
                ("○", ui.visuals().text_color(), s.get("module-open"))
            };
            ui.label(RichText::new(mark).color(colour).strong());
            ui.label(RichText::new(module.title.get(lang)).heading());
            let mut status = state;
            if !module.scenarios.is_empty() {
                status.push_str(&format!(" · {}/{}", module.passed, module.needed));
            }
            if let Some(t) = module.mastered_at {
                status.push_str(&format!(" · {}", s.date(&t.date())));
            }
            ui.colored_label(colour, status);
        });
        ui.label(
            RichText::new(s.fmt("module-outcome", &[("outcome", FluentValue::from(module.outcome.get(lang)))]))
                .italics(),
        );
        for r in module.why_not.iter().filter(|r| matches!(r, Reason::Locked { .. })) {
            ui.label(RichText::new(reason_text(m, r)).small());
        }
        for sc in &module.scenarios {
            ui.add_space(4.0);
            if let Some(a) = scenario_row(ui, m, sc, module.unlocked) {
                action = Some(a);
            }
        }
    });
    action
}

fn scenario_row(ui: &mut Ui, m: &AppModel, sc: &ScenarioStatus, unlocked: bool) -> Option<Action> {
    let lang = m.content_lang();
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        let title = sc.title.get(lang);
        let enabled = sc.available && unlocked;
        let button = ui.add_enabled(enabled, egui::Button::new(RichText::new(title).strong()));
        if button.clicked() {
            action = Some(Action::OpenScenario(sc.id.clone()));
        }
        let colour = if sc.passed { palette(ui).good } else { ui.visuals().text_color() };
        ui.colored_label(colour, status(m, sc));
    });
    if let Some(summary) = m.scenario(&sc.id).map(|x| x.summary.get(lang)) {
        ui.label(summary);
    }
    if !sc.passed && sc.attempts > 0 {
        for r in &sc.why_not {
            ui.label(RichText::new(format!("– {}", reason_text(m, r))).small());
        }
    }
    action
}

/// The learner's standing on a scenario in words.
pub fn status(m: &AppModel, sc: &ScenarioStatus) -> String {
    let s = &m.strings;
    let in_progress = m.session.as_ref().is_some_and(|x| x.scenario().id == sc.id && !x.is_finished());
    if in_progress {
        return s.get("status-in-progress");
    }
    if !sc.available {
        return s.get("status-unavailable");
    }
    let level = sc.best.as_ref().map(|b| s.get(super::report::level_key(b.level))).unwrap_or_default();
    let args = [("times", FluentValue::from(sc.attempts)), ("level", FluentValue::from(level))];
    match (sc.passed, sc.attempts) {
        (_, 0) => s.get("status-new"),
        (true, _) => s.fmt("status-passed", &args),
        (false, _) => s.fmt("status-not-passed", &args),
    }
}

/// Without a course: the scenarios grouped by their module field.
fn plain_list(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let (s, lang) = (&m.strings, m.content_lang());
    let mut action = None;
    for (module, scenarios) in m.modules() {
        let name = s.try_get(&format!("module-{module}")).unwrap_or(module.clone());
        ui.heading(name);
        for sc in scenarios {
            card(ui, |ui| {
                if ui.button(RichText::new(sc.title.get(lang)).strong()).clicked() {
                    action = Some(Action::OpenScenario(sc.id.clone()));
                }
                ui.label(sc.summary.get(lang));
            });
            ui.add_space(4.0);
        }
        ui.add_space(8.0);
    }
    action
}

/// Why something is not passed or open yet, in plain words: the course's reasons name modules and scenarios by
/// their titles.
pub fn reason_text(m: &AppModel, r: &Reason) -> String {
    r.text(m.content_lang())
}
