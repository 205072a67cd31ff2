//! Trainer mode's panel (`motivo --scenario FILE.ron`), above every screen: the file, that nothing is recorded,
//! the checker's diagnostics of the last load (located, in the UI's language), what the last reload did to the
//! conversation, and "play from a node": any node with a preset client state and flags.

use std::collections::BTreeSet;

use egui::{RichText, Ui};
use fluent_bundle::FluentValue;
use motivo_engine::Scenario;
use motivo_engine::model::ClientState;

use super::{Action, palette};
use crate::model::{AppModel, Reload, Trainer};

/// The jump control's choices, kept in egui memory until "play from here".
#[derive(Debug, Clone, PartialEq)]
struct Jump {
    scenario: String,
    node: String,
    client: ClientState,
    flags: BTreeSet<String>,
}

/// Diagnostics shown before "and N more".
const SHOWN_DIAGNOSTICS: usize = 12;

/// Draws the trainer panel when trainer mode is on.
pub fn panel(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let t = m.trainer.as_ref()?;
    let mut action = None;
    let s = &m.strings;
    egui::Panel::top(egui::Id::new("trainer-panel")).show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(s.fmt("trainer-file", &[("path", FluentValue::from(t.path.as_str()))])).strong());
            ui.label(RichText::new(s.get("trainer-not-recorded")).small());
        });
        status(ui, m, t);
        if let Some(sc) = m.trainer_scenario() {
            egui::CollapsingHeader::new(s.get("trainer-jump")).id_salt("trainer-jump").show(ui, |ui| {
                action = jump(ui, m, &sc);
            });
        }
        ui.add_space(2.0);
    });
    action
}

/// The last load: its diagnostics, or what the reload did to the conversation.
fn status(ui: &mut Ui, m: &AppModel, t: &Trainer) {
    let s = &m.strings;
    let p = palette(ui);
    let errors = t.diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        let key = if t.scenario_id.is_some() { "trainer-errors-kept" } else { "trainer-errors" };
        ui.colored_label(ui.visuals().error_fg_color, s.fmt(key, &[("n", FluentValue::from(errors))]));
    } else {
        let text = match &t.reload {
            _ if t.loads <= 1 => s.get("trainer-loaded"),
            Some(Reload::Kept { replies }) => s.fmt("trainer-reload-kept", &[("n", FluentValue::from(*replies))]),
            Some(Reload::RestartedAt { node, failed }) => s.fmt(
                "trainer-reload-restarted",
                &[("n", FluentValue::from(failed + 1)), ("node", FluentValue::from(node.as_str()))],
            ),
            Some(Reload::StartedOver) => s.get("trainer-reload-started-over"),
            None => s.get("trainer-reloaded"),
        };
        ui.colored_label(p.good, text);
    }
    if t.diagnostics.is_empty() {
        return;
    }
    let lang = m.content_lang();
    let max = (ui.ctx().content_rect().height() * 0.25).max(60.0);
    egui::ScrollArea::vertical().id_salt("trainer-diagnostics").max_height(max).show(ui, |ui| {
        for d in t.diagnostics.iter().take(SHOWN_DIAGNOSTICS) {
            let colour = if d.is_error() { ui.visuals().error_fg_color } else { p.warn };
            let text = s.fmt(
                "trainer-diagnostic",
                &[
                    ("path", FluentValue::from(t.path.as_str())),
                    ("line", FluentValue::from(d.location.line)),
                    ("column", FluentValue::from(d.location.column)),
                    ("code", FluentValue::from(d.code)),
                    ("message", FluentValue::from(d.message_in(lang))),
                ],
            );
            ui.add(egui::Label::new(RichText::new(text).color(colour)).wrap());
        }
        let more = t.diagnostics.len().saturating_sub(SHOWN_DIAGNOSTICS);
        if more > 0 {
            ui.label(s.fmt("trainer-more", &[("n", FluentValue::from(more))]));
        }
    });
}

/// The range of a client state variable (the engine's: rulers 0–10, momentum −5…5).
fn range(var: &str) -> std::ops::RangeInclusive<f64> {
    if var == "momentum" {
        -(ClientState::MOMENTUM_MAX as f64)..=ClientState::MOMENTUM_MAX as f64
    } else {
        0.0..=ClientState::SCALE_MAX as f64
    }
}

/// A node, a slider per client state variable (every numeric field of [`ClientState`], named as in conditions),
/// a checkbox per declared flag, and "play from here".
fn jump(ui: &mut Ui, m: &AppModel, sc: &Scenario) -> Option<Action> {
    let s = &m.strings;
    let id = egui::Id::new("motivo-trainer-jump-draft");
    // Starts from where the conversation is (or the scenario's start), and again when the scenario changes.
    let here = || {
        let cur = m.session.as_ref().filter(|x| x.scenario().id == sc.id).map(|x| &x.state().current);
        Jump {
            scenario: sc.id.clone(),
            node: cur.map_or(sc.start.clone(), |c| c.node.clone()),
            client: cur.map_or(sc.start_state, |c| c.client),
            flags: cur.map(|c| c.flags.clone()).unwrap_or_default(),
        }
    };
    let mut draft: Jump = ui.data(|d| d.get_temp(id)).filter(|j: &Jump| j.scenario == sc.id).unwrap_or_else(here);
    if sc.node(&draft.node).is_none() {
        draft.node = sc.start.clone();
    }
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(s.get("trainer-node"));
        egui::ComboBox::from_id_salt("trainer-node").selected_text(draft.node.as_str()).show_ui(ui, |ui| {
            for n in &sc.nodes {
                ui.selectable_value(&mut draft.node, n.id().to_owned(), n.id());
            }
        });
    });
    // Every numeric field of the client's state, so a variable added to the model gets its slider.
    if let Ok(serde_json::Value::Object(mut vars)) = serde_json::to_value(draft.client) {
        for (var, value) in vars.iter_mut() {
            let Some(mut x) = value.as_f64() else { continue };
            let name = s.try_get(&format!("trainer-var-{var}")).unwrap_or_else(|| var.clone());
            ui.horizontal_wrapped(|ui| {
                ui.add(egui::Slider::new(&mut x, range(var)).step_by(0.5).text(format!("{name} ({var})")));
            });
            *value = serde_json::json!(x);
        }
        if let Ok(c) = serde_json::from_value(serde_json::Value::Object(vars)) {
            draft.client = c;
        }
    }
    if !sc.flags.is_empty() {
        ui.label(s.get("trainer-flags"));
        ui.horizontal_wrapped(|ui| {
            for f in &sc.flags {
                let mut on = draft.flags.contains(f);
                if ui.checkbox(&mut on, f.as_str()).changed() {
                    if on {
                        draft.flags.insert(f.clone());
                    } else {
                        draft.flags.remove(f);
                    }
                }
            }
        });
    }
    ui.horizontal_wrapped(|ui| {
        if ui.button(RichText::new(s.get("trainer-play-here")).strong()).clicked() {
            action = Some(Action::TrainerJump {
                node: draft.node.clone(),
                client: draft.client,
                flags: draft.flags.clone(),
            });
        }
        if ui.button(s.get("trainer-from-current")).clicked() {
            draft = here();
        }
    });
    ui.data_mut(|d| d.insert_temp(id, draft));
    action
}
