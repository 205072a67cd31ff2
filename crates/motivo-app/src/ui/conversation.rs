//! Conversation: the transcript as chat bubbles, the client's state as a meter, the reply options and text box,
//! per-reply feedback (coach mode), and rewinding with the two tries side by side.

use egui::{Key, KeyboardShortcut, Modifiers, RichText, Ui};
use fluent_bundle::FluentValue;
use motivo_engine::model::{ClientState, InputMode};
use motivo_engine::scoring::TurnReport;
use motivo_engine::{Report, Session};

use super::{Action, bubble, card, digit_pressed, palette, ruler, top_bar};
use crate::model::{AnswerMode, AppModel, FeedbackMode, Screen, transcript};

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

    let entered = super::screen_entered(ui, Screen::Conversation);
    let narrow = super::narrow(ui);
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

    // Wide: the client's state and the feedback in a side panel. Narrow (small window or large text): the side
    // panel yields; a one-line state sits above the reply area and the feedback follows the newest reply.
    let coach = m.settings.feedback == FeedbackMode::Coach;
    if !narrow {
        let width = ui.available_width();
        egui::Panel::right(egui::Id::new("conversation-side"))
            .default_size((width * 0.3).clamp(260.0, 360.0))
            .size_range(220.0..=(width * 0.4).max(240.0))
            .show(ui, |ui| {
                super::page_scroll(Screen::Conversation, entered).id_salt("conversation-side-scroll").show(ui, |ui| {
                    ui.add_space(6.0);
                    meter(ui, m, &session.state().current.client, &sc.persona.name);
                    ui.add_space(8.0);
                    if coach {
                        if let Some(last) = report.turns.last() {
                            feedback_card(ui, m, session, last, &report);
                        }
                    } else {
                        ui.label(RichText::new(s.get("exam-mode-note")).italics());
                    }
                });
            });
    }

    // The reply area never takes more than under half the window, so the transcript stays in view (at 200 % text
    // in 1024×768 the top bar and the one-line state take a quarter already).
    let max_reply = (ui.available_height() * 0.45).max(80.0);
    egui::Panel::bottom(egui::Id::new("conversation-reply")).resizable(false).show(ui, |ui| {
        ui.add_space(4.0);
        if narrow {
            meter_line(ui, m, &session.state().current.client);
        }
        egui::ScrollArea::vertical()
            .id_salt("conversation-reply-scroll")
            .max_height(max_reply)
            .min_scrolled_height(max_reply)
            .show(ui, |ui| {
                if let Some(a) = reply_area(ui, m, session) {
                    action = Some(a);
                }
            });
        ui.add_space(4.0);
    });

    // The transcript follows its newest line: scrolled to it when the screen opens, whenever a reply is added or
    // taken back, and when the view's height changes (the reply area below shrinks once a conversation ends).
    // Scrolled to the line itself, not to the end: in the narrow layout the feedback card follows the line and
    // can be taller than the view. (An offset of "very large" to reach the end overflowed egui's coordinates at
    // 200 % text, made the content's height NaN and left the transcript at its top.)
    let len = session.history().len() + m.compare.as_ref().map_or(0, |c| 1000 * (c.from_turn + 1));
    let follow = |area: egui::ScrollArea| area.auto_shrink([false; 2]).stick_to_bottom(true).animated(false);
    // The newest line at the top of the view with the learner's last reply (or at least its "back to" button)
    // above it when they fit, and as much of what follows (the feedback) as fits below.
    let show_newest = |ui: &mut Ui, salt: &str, newest: Option<Newest>| {
        let Some(n) = newest else { return };
        let view = ui.clip_rect().height();
        let key_id = egui::Id::new(("motivo-transcript-followed", salt));
        let key = (len, view.round() as i64);
        let changed = ui.data(|d| d.get_temp::<(usize, i64)>(key_id)) != Some(key);
        ui.data_mut(|d| d.insert_temp(key_id, key));
        if !(entered || changed) {
            return;
        }
        let fits = |t: &&f32| n.line.max.y - **t <= view;
        let top = n.reply_top.as_deref().unwrap_or_default().iter().find(fits).copied().unwrap_or(n.line.min.y);
        let target = egui::Rect::from_x_y_ranges(n.line.x_range(), top..=n.line.max.y);
        ui.scroll_to_rect(target, Some(egui::Align::TOP));
    };
    egui::CentralPanel::default().show(ui, |ui| {
        if let Some(c) = &m.compare {
            ui.horizontal_wrapped(|ui| {
                ui.heading(s.get("compare-title"));
                if ui.button(s.get("compare-close")).clicked() {
                    action = Some(Action::CloseCompare);
                }
            });
            ui.label(s.fmt("compare-same-until", &[("n", FluentValue::from(c.from_turn))]));
            ui.columns(2, |cols| {
                cols[0].label(RichText::new(s.get("compare-earlier")).strong());
                cols[1].label(RichText::new(s.get("compare-now")).strong());
                for (col, sess, salt) in [(0, &c.earlier, "earlier"), (1, session, "now")] {
                    let ui = &mut cols[col];
                    follow(egui::ScrollArea::vertical().id_salt(salt)).show(ui, |ui| {
                        let (a, newest) = transcript_view(ui, m, sess, c.from_turn, col == 1);
                        if a.is_some() {
                            action = a;
                        }
                        outcome_summary(ui, m, sess);
                        show_newest(ui, salt, newest);
                    });
                }
            });
        } else {
            follow(egui::ScrollArea::vertical().id_salt("transcript")).show(ui, |ui| {
                let (a, newest) = transcript_view(ui, m, session, 0, true);
                if a.is_some() {
                    action = a;
                }
                // Narrow: the feedback on the newest reply follows it in the transcript.
                if narrow
                    && coach
                    && let Some(last) = report.turns.last()
                {
                    feedback_card(ui, m, session, last, &report);
                }
                show_newest(ui, "transcript", newest);
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

/// The client's state in one line (the narrow layout), each measure in its colour.
pub fn meter_line(ui: &mut Ui, m: &AppModel, c: &ClientState) {
    let s = &m.strings;
    let p = palette(ui);
    let v = |x: f32| s.fmt("meter-value", &[("value", FluentValue::from(s.num(x, 1))), ("max", FluentValue::from(10))]);
    ui.horizontal_wrapped(|ui| {
        for (key, value, colour) in [
            ("meter-importance", c.importance, p.importance),
            ("meter-confidence", c.confidence, p.confidence),
            ("meter-discord", c.discord, p.discord),
        ] {
            ui.label(RichText::new("■").color(colour));
            ui.label(RichText::new(format!("{} {}", s.get(key), v(value))).strong());
            ui.add_space(6.0);
        }
    });
}

/// The client's state as rulers, each with its value in words.
pub fn meter(ui: &mut Ui, m: &AppModel, c: &ClientState, name: &str) {
    let s = &m.strings;
    let p = palette(ui);
    card(ui, |ui| {
        ui.label(RichText::new(s.fmt("meter-title", &[("name", FluentValue::from(name))])).strong());
        let v =
            |x: f32| s.fmt("meter-value", &[("value", FluentValue::from(s.num(x, 1))), ("max", FluentValue::from(10))]);
        ruler(ui, &s.get("meter-importance"), &v(c.importance), c.importance, 10.0, p.importance);
        ruler(ui, &s.get("meter-confidence"), &v(c.confidence), c.confidence, 10.0, p.confidence);
        ruler(ui, &s.get("meter-discord"), &v(c.discord), c.discord, 10.0, p.discord);
        ui.label(RichText::new(s.get("meter-help")).small());
    });
}

/// A code in plain words with its abbreviation: "open question (OQ)".
pub fn code_name(m: &AppModel, c: motivo_engine::codes::Code) -> String {
    m.strings.fmt(
        "code-with-abbr",
        &[
            ("name", FluentValue::from(m.strings.get(&format!("code-{}", c.as_str())))),
            ("abbr", FluentValue::from(c.as_str())),
        ],
    )
}

/// Codes in plain words, the why, and the better alternative for one reply; for a typed reply also how the coder
/// read it: the words behind each code, its confidence and any ethics problem in the words.
pub fn feedback_card(ui: &mut Ui, m: &AppModel, session: &Session, t: &TurnReport, report: &Report) {
    let s = &m.strings;
    let p = palette(ui);
    let coded = session.history().get(t.turn.wrapping_sub(1)).and_then(|r| r.coded.as_ref());
    card(ui, |ui| {
        ui.label(RichText::new(s.fmt("feedback-title", &[("n", FluentValue::from(t.turn))])).strong());
        let names: Vec<String> = t.codes.iter().map(|c| code_name(m, *c)).collect();
        ui.label(s.fmt("feedback-codes", &[("codes", FluentValue::from(names.join(", ")))]));
        if t.mi_consistent {
            ui.colored_label(p.good, s.get("feedback-consistent"));
        } else {
            ui.colored_label(p.warn, s.get("feedback-inconsistent"));
        }
        if let Some(c) = coded {
            coded_view(ui, m, c);
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

/// How the coder read a typed reply: confidence, the words behind each code, ethics findings in the words.
pub fn coded_view(ui: &mut Ui, m: &AppModel, c: &motivo_engine::coding::CodedReply) {
    let s = &m.strings;
    let p = palette(ui);
    let pct = FluentValue::from(s.num(100.0 * c.confidence.clamp(0.0, 1.0), 0));
    ui.label(RichText::new(s.fmt("coded-confidence", &[("pct", pct)])).small());
    if c.confidence < motivo_engine::coding::UNSURE_BELOW {
        ui.colored_label(p.warn, s.get("coded-low-confidence"));
    }
    // Only evidence that quotes the learner's own words: the coder's named features are not plain words.
    for e in c.evidence.iter().filter(|e| e.span.is_some() && !e.cue.trim().is_empty()) {
        ui.label(s.fmt(
            "coded-evidence",
            &[("cue", FluentValue::from(e.cue.as_str())), ("code", FluentValue::from(code_name(m, e.code)))],
        ));
    }
    for h in &c.ethics {
        ui.colored_label(
            p.warn,
            s.fmt(
                // A finding of the learned model, not of a rule that quotes exact words: said as likely.
                if h.probability.is_some() { "coded-ethics-likely" } else { "coded-ethics" },
                &[
                    ("kind", FluentValue::from(s.get(&format!("ethics-{}", h.kind.name())))),
                    ("evidence", FluentValue::from(h.evidence.as_str())),
                ],
            ),
        );
    }
}

/// Where the newest client line is in a transcript, and where the learner's reply before it and its "back to"
/// button start (in that order).
#[derive(Debug, Clone)]
struct Newest {
    line: egui::Rect,
    reply_top: Option<Vec<f32>>,
}

/// The bubbles from reply `from` on; with `rewindable`, each learner reply has a button to go back to it. Returns
/// the learner's action and where the newest client line is.
fn transcript_view(
    ui: &mut Ui,
    m: &AppModel,
    session: &Session,
    from: usize,
    rewindable: bool,
) -> (Option<Action>, Option<Newest>) {
    let s = &m.strings;
    let name = &session.scenario().persona.name;
    let you = s.get("you");
    let mut action = None;
    let mut newest: Option<Newest> = None;
    let mut reply_top = None;
    for b in transcript(session, from) {
        if b.from_client {
            let line = bubble(ui, name, &b.text, true).rect;
            newest = Some(Newest { line, reply_top: reply_top.take() });
        } else {
            let top = bubble(ui, &you, &b.text, false).rect.min.y;
            reply_top = Some(vec![top]);
            if let (Some(turn), true) = (b.turn, rewindable) {
                let button = ui.with_layout(egui::Layout::right_to_left(egui::Align::TOP), |ui| {
                    let label = s.fmt("rewind-to", &[("n", FluentValue::from(turn + 1))]);
                    let b = ui.small_button(label);
                    if b.clicked() {
                        action = Some(Action::Rewind(turn));
                    }
                    b.rect.min.y
                });
                reply_top = Some(vec![top, button.inner]);
            }
        }
        ui.add_space(4.0);
    }
    (action, newest)
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
        // The outcome and its button share a line when they fit: the transcript keeps the room (at 200 % in a
        // small window it must still show the newest line with the "back to" button above it).
        let open = ui
            .horizontal_wrapped(|ui| {
                ui.label(RichText::new(s.get(&format!("outcome-{}", e.outcome.name()))).strong());
                ui.button(RichText::new(s.get("open-report")).strong()).clicked()
            })
            .inner;
        if open || (!ui.ctx().egui_wants_keyboard_input() && ui.input(|i| i.key_pressed(Key::Enter))) {
            action = Some(Action::OpenReport);
        }
        ui.label(RichText::new(s.get("keys-ending")).small());
        return action;
    }
    let view = session.view();
    let Some(input) = m.turn_input() else { return action };
    // Without a coder typed replies cannot be coded: every turn falls back to picking an option.
    if !m.has_coder && (view.input != InputMode::Choice || m.answer_mode(&session.scenario().id) != AnswerMode::Pick) {
        ui.label(RichText::new(s.get("free-text-unavailable")).italics());
    }
    let mode = input.mode;
    let turn = session.history().len();
    let draft_id = egui::Id::new(("motivo-draft", &session.scenario().id, turn));
    let mut draft: String = ui.data(|d| d.get_temp(draft_id)).unwrap_or_default();

    if input.text_box {
        let prompt = match mode {
            InputMode::FreeText => "write-reply",
            InputMode::WriteThenPick => "write-then-pick",
            InputMode::Choice => "write-or-pick",
        };
        ui.label(s.get(prompt));
        let mut send = false;
        let can_send = input.typing && mode != InputMode::WriteThenPick;
        let button_width = if can_send { 110.0 } else { 0.0 };
        ui.horizontal(|ui| {
            let edit = egui::TextEdit::multiline(&mut draft)
                .id_salt("motivo-reply-box")
                .hint_text(s.get("reply-hint"))
                .desired_rows(2)
                .desired_width((ui.available_width() - button_width).max(120.0))
                .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter));
            let resp = ui.add(edit).on_hover_text(s.get("reply-box-label"));
            let enter = resp.has_focus() && ui.input(|i| i.key_pressed(Key::Enter) && !i.modifiers.shift);
            if can_send {
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

    if input.options {
        let ready = mode == InputMode::Choice || !draft.trim().is_empty();
        let prompt = match mode {
            InputMode::WriteThenPick if ready => "pick-closest",
            InputMode::WriteThenPick => "pick-after-writing",
            _ => "pick-reply",
        };
        ui.label(s.get(prompt));
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
