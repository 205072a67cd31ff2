//! Conversation: the transcript as chat bubbles, the client's state as a meter, the reply options and text box,
//! per-reply feedback (coach mode), and rewinding with the two tries side by side.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use fluent_bundle::FluentValue;
use motivo_engine::model::{ClientState, InputMode};
use motivo_engine::scoring::TurnReport;
use motivo_engine::{Report, Session};

use super::{Action, bubble, card, digit_pressed, palette, ruler, top_bar};
use crate::model::{AppModel, FeedbackMode, transcript};

/// The key that takes back the last reply (when no text box has the keyboard).
pub const REWIND_KEY: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let Some(session) = &m.session else {
        return Some(Action::ToStart);
    };
    let lang = session.lang();
    let sc = session.scenario();
    let report = Report::of(session);
    let mut action = None;

    top_bar(ui, "conversation-top", sc.title.get(lang), |ui| {
        if ui.button(s.get("open-settings")).clicked() {
            action = Some(Action::OpenSettings);
        }
        if ui.button(s.get("back-to-start")).clicked() {
            action = Some(Action::ToStart);
        }
        if !session.history().is_empty() && ui.button(s.get("open-report")).clicked() {
            action = Some(Action::OpenReport);
        }
    });

    egui::Panel::right(egui::Id::new("conversation-side")).default_size(320.0).show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
            ui.add_space(6.0);
            meter(ui, m, &session.state().current.client, &sc.persona.name);
            if m.settings.feedback == FeedbackMode::Coach {
                if let Some(last) = report.turns.last() {
                    ui.add_space(8.0);
                    feedback_card(ui, m, last, &report);
                }
            } else {
                ui.add_space(8.0);
                ui.label(RichText::new(s.get("exam-mode-note")).italics());
            }
        });
    });

    egui::Panel::bottom(egui::Id::new("conversation-reply")).show(ui, |ui| {
        ui.add_space(6.0);
        if let Some(a) = reply_area(ui, m, session) {
            action = Some(a);
        }
        ui.add_space(6.0);
    });

    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(c) = &m.compare {
            ui.horizontal(|ui| {
                ui.heading(s.get("compare-title"));
                if ui.button(s.get("compare-close")).clicked() {
                    action = Some(Action::CloseCompare);
                }
            });
            if c.from_turn > 0 {
                ui.label(s.fmt("compare-same-until", &[("n", FluentValue::from(c.from_turn))]));
            }
            ui.columns(2, |cols| {
                cols[0].label(RichText::new(s.get("compare-earlier")).strong());
                cols[1].label(RichText::new(s.get("compare-now")).strong());
                for (col, sess, salt) in [(0, &c.earlier, "earlier"), (1, session, "now")] {
                    let ui = &mut cols[col];
                    egui::ScrollArea::vertical().id_salt(salt).auto_shrink([false; 2]).show(ui, |ui| {
                        if let Some(a) = transcript_view(ui, m, sess, c.from_turn, col == 1) {
                            action = Some(a);
                        }
                        outcome_summary(ui, m, sess);
                    });
                }
            });
        } else {
            egui::ScrollArea::vertical().auto_shrink([false; 2]).stick_to_bottom(true).show(ui, |ui| {
                if let Some(a) = transcript_view(ui, m, session, 0, true) {
                    action = Some(a);
                }
            });
        }
    });

    if !session.history().is_empty()
        && !ui.ctx().egui_wants_keyboard_input()
        && ui.input_mut(|i| i.consume_shortcut(&REWIND_KEY))
    {
        action = Some(Action::Rewind(session.history().len() - 1));
    }
    action
}

/// The client's state as rulers, each with its value in words.
pub fn meter(ui: &mut Ui, m: &AppModel, c: &ClientState, name: &str) {
    let s = &m.strings;
    let p = palette(ui);
    card(ui, |ui| {
        ui.label(RichText::new(s.fmt("meter-title", &[("name", FluentValue::from(name))])).strong());
        let v =
            |x: f32| s.fmt("meter-value", &[("value", FluentValue::from(s.num(x, 1))), ("max", FluentValue::from(10))]);
        ruler(ui, &s.get("meter-importance"), &v(c.importance), c.importance, 10.0, p.good);
        ruler(ui, &s.get("meter-confidence"), &v(c.confidence), c.confidence, 10.0, p.good);
        ruler(ui, &s.get("meter-discord"), &v(c.discord), c.discord, 10.0, p.warn);
        ui.label(RichText::new(s.get("meter-help")).small());
    });
}

/// Codes in plain words, the why, and the better alternative for one reply.
pub fn feedback_card(ui: &mut Ui, m: &AppModel, t: &TurnReport, report: &Report) {
    let s = &m.strings;
    let p = palette(ui);
    card(ui, |ui| {
        ui.label(RichText::new(s.fmt("feedback-title", &[("n", FluentValue::from(t.turn))])).strong());
        let names: Vec<String> = t.codes.iter().map(|c| s.get(&format!("code-{}", c.as_str()))).collect();
        ui.label(s.fmt("feedback-codes", &[("codes", FluentValue::from(names.join(", ")))]));
        if t.mi_consistent {
            ui.colored_label(p.good, s.get("feedback-consistent"));
        } else {
            ui.colored_label(p.warn, s.get("feedback-inconsistent"));
        }
        if !t.feedback.is_empty() {
            ui.label(s.fmt("feedback-why", &[("why", FluentValue::from(t.feedback.as_str()))]));
        }
        for e in report.ethics.iter().filter(|e| e.turn == t.turn) {
            ui.colored_label(p.warn, s.fmt("feedback-ethics", &[("explain", FluentValue::from(e.explain.as_str()))]));
        }
        if let Some(b) = &t.better {
            ui.add_space(4.0);
            ui.label(s.fmt(
                "feedback-better",
                &[("n", FluentValue::from(b.option)), ("text", FluentValue::from(b.text.as_str()))],
            ));
        }
    });
}

/// The bubbles from reply `from` on; with `rewindable`, each learner reply has a button to go back to it.
fn transcript_view(ui: &mut Ui, m: &AppModel, session: &Session, from: usize, rewindable: bool) -> Option<Action> {
    let s = &m.strings;
    let name = &session.scenario().persona.name;
    let you = s.get("you");
    let mut action = None;
    for b in transcript(session, from) {
        if b.from_client {
            bubble(ui, name, &b.text, true);
        } else {
            bubble(ui, &you, &b.text, false);
            if let (Some(turn), true) = (b.turn, rewindable) {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    let label = s.fmt("rewind-to", &[("n", FluentValue::from(turn + 1))]);
                    if ui.small_button(label).clicked() {
                        action = Some(Action::Rewind(turn));
                    }
                });
            }
        }
        ui.add_space(4.0);
    }
    action
}

/// Where a try stands: its ending, or the client's state so far.
fn outcome_summary(ui: &mut Ui, m: &AppModel, session: &Session) {
    let s = &m.strings;
    let c = &session.state().current.client;
    card(ui, |ui| {
        match session.ending() {
            Some(e) => ui.label(RichText::new(s.get(&format!("outcome-{}", e.outcome.name()))).strong()),
            None => ui.label(RichText::new(s.get("compare-unfinished")).strong()),
        };
        ui.label(s.fmt(
            "compare-state",
            &[
                ("importance", FluentValue::from(s.num(c.importance, 1))),
                ("confidence", FluentValue::from(s.num(c.confidence, 1))),
                ("discord", FluentValue::from(s.num(c.discord, 1))),
            ],
        ));
    });
}

fn reply_area(ui: &mut Ui, m: &AppModel, session: &Session) -> Option<Action> {
    let s = &m.strings;
    let lang = session.lang();
    let mut action = None;
    if let Some(n) = &m.notice {
        ui.colored_label(ui.visuals().error_fg_color, n);
    }
    if let Some(e) = session.ending() {
        ui.label(RichText::new(s.get(&format!("outcome-{}", e.outcome.name()))).strong());
        if ui.button(RichText::new(s.get("open-report")).strong()).clicked()
            || (!ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(Key::Enter)))
        {
            action = Some(Action::OpenReport);
        }
        ui.label(RichText::new(s.get("keys-ending")).small());
        return action;
    }
    let view = session.view();
    // Without a coder typed replies cannot be coded: every turn falls back to picking an option.
    let mode = if m.has_coder { view.input } else { InputMode::Choice };
    if !m.has_coder && view.input != InputMode::Choice {
        ui.label(RichText::new(s.get("free-text-unavailable")).italics());
    }
    let turn = session.history().len();
    let draft_id = egui::Id::new(("motivo-draft", &session.scenario().id, turn));
    let mut draft: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_default();

    if matches!(mode, InputMode::FreeText | InputMode::WriteThenPick) {
        ui.label(s.get(if mode == InputMode::FreeText { "write-reply" } else { "write-then-pick" }));
        let mut send = false;
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::multiline(&mut draft)
                .id_salt("motivo-reply-box")
                .hint_text(s.get("reply-hint"))
                .desired_rows(2)
                .desired_width(ui.available_width() - 120.0)
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter));
            let resp = ui.add(edit).on_hover_text(s.get("reply-box-label"));
            let enter = resp.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
            if mode == InputMode::FreeText {
                if ui.button(RichText::new(s.get("send")).strong()).clicked() || enter {
                    send = true;
                }
            } else if enter {
                // Write first, then pick: Enter leaves the box so the digits pick an option.
                resp.surrender_focus();
            }
        });
        if send {
            action = Some(Action::SendText(draft.trim().to_owned()));
        }
        ui.data_mut(|d| d.insert_temp(draft_id, draft.clone()));
    }

    if matches!(mode, InputMode::Choice | InputMode::WriteThenPick) && !view.options.is_empty() {
        let ready = mode == InputMode::Choice || !draft.trim().is_empty();
        ui.label(s.get(if mode == InputMode::Choice { "pick-reply" } else { "pick-closest" }));
        let picked_key = if ready { digit_pressed(ui) } else { None };
        for (i, o) in view.options.iter().enumerate() {
            let text = format!("{}. {}", i + 1, o.text.get(lang));
            let b = egui::Button::new(text).wrap().min_size(egui::vec2(ui.available_width(), 0.0));
            if ui.add_enabled(ready, b).clicked() || picked_key == Some(i) {
                action = Some(match mode {
                    InputMode::WriteThenPick => Action::SendTextThenChoose(draft.trim().to_owned(), i),
                    _ => Action::Choose(i),
                });
            }
        }
    }
    ui.label(RichText::new(s.get("keys-conversation")).small());
    action
}
