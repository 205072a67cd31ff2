//! Report: the MITI table against the fair/good thresholds, code counts, %change talk and the rulers over the
//! conversation, ethics findings, and "try again".

use egui::{Color32, RichText, Ui};
use egui_plot::{Line, Plot};
use fluent_bundle::FluentValue;
use motivo_course::Trend;
use motivo_engine::Report;
use motivo_engine::codes::Code;
use motivo_engine::scoring::{Level, thresholds};

use super::{Action, card, palette, top_bar};
use crate::model::{AppModel, Screen, change_talk_series};

/// Draws one plot into the space given.
type DrawPlot<'a> = dyn Fn(&mut Ui) + 'a;

pub fn level_key(l: Level) -> &'static str {
    match l {
        Level::BelowFair => "level-below-fair",
        Level::Fair => "level-fair",
        Level::Good => "level-good",
    }
}

/// This attempt against the earlier attempts of the same scenario: a sentence and one row per attempt.
fn trend_view(ui: &mut Ui, m: &AppModel, t: &Trend) {
    let (s, lang) = (&m.strings, m.content_lang());
    ui.heading(s.get("trend-title"));
    ui.label(t.text(lang));
    if t.points.len() < 2 {
        return;
    }
    let score = |x: Option<f32>| x.map_or("–".to_owned(), |v| s.num(v, 1));
    egui::Grid::new("trend-grid").striped(true).spacing([16.0, 4.0]).show(ui, |ui| {
        for key in
            ["trend-col-attempt", "trend-col-date", "trend-col-level", "trend-col-relational", "trend-col-technical"]
        {
            ui.label(RichText::new(s.get(key)).strong());
        }
        ui.end_row();
        // The latest attempts, newest last (the same order as the sentence above compares them).
        let skip = t.points.len().saturating_sub(8);
        for (i, p) in t.points.iter().enumerate().skip(skip) {
            let latest = i + 1 == t.points.len();
            let text = |x: String| if latest { RichText::new(x).strong() } else { RichText::new(x) };
            ui.label(text(format!("{}", i + 1)));
            ui.label(text(s.date(&p.started.date())));
            ui.label(text(s.get(level_key(p.level))));
            ui.label(text(score(p.relational)));
            ui.label(text(score(p.technical)));
            ui.end_row();
        }
    });
}

/// Whether this attempt passed and, if not, why (the report's own `passed` and reasons): the first thing the
/// report says.
fn verdict_card(ui: &mut Ui, m: &AppModel, r: &Report) {
    let s = &m.strings;
    let p = palette(ui);
    let lang = m.content_lang();
    card(ui, |ui| {
        if !r.finished {
            ui.label(RichText::new(s.get("verdict-unfinished")).heading());
        } else if r.passed {
            ui.colored_label(p.good, RichText::new(s.get("verdict-passed")).heading());
        } else {
            ui.colored_label(p.warn, RichText::new(s.get("verdict-not-passed")).heading());
        }
        for reason in r.why_not.iter().filter(|w| r.finished || w.reason != "unfinished") {
            ui.label(format!("– {}", reason.text(lang)));
        }
        if !r.passed && r.finished {
            ui.label(RichText::new(s.get("verdict-try-again")).small());
        }
        if r.passed && !r.own_words {
            ui.label(RichText::new(s.get("verdict-practice-only")).small());
        }
    });
}

pub fn show(ui: &mut Ui, m: &AppModel) -> Option<Action> {
    let s = &m.strings;
    let Some(session) = &m.session else {
        return Some(Action::ToStart);
    };
    let r = Report::of(session);
    let mut action = None;
    let entered = super::screen_entered(ui, Screen::Report);
    top_bar(ui, "report-top", &s.fmt("report-title", &[("title", FluentValue::from(r.title.as_str()))]), |ui| {
        if ui.button(s.get("open-settings")).clicked() {
            action = Some(Action::OpenSettings);
        }
        if ui.button(s.get("back-to-start")).clicked() {
            action = Some(Action::ToStart);
        }
        if !r.finished && ui.button(s.get("back-to-conversation")).clicked() {
            action = Some(Action::ResumeScenario);
        }
        if ui.button(RichText::new(s.get("try-again")).strong()).clicked() {
            action = Some(Action::TryAgain);
        }
    });
    egui::CentralPanel::default().show(ui, |ui| {
        super::page_scroll(Screen::Report, entered).show(ui, |ui| {
            let p = palette(ui);
            let narrow = super::narrow(ui);
            verdict_card(ui, m, &r);
            ui.add_space(6.0);
            card(ui, |ui| {
                match &r.ending {
                    Some(e) => {
                        let colour = if e.good { p.good } else { p.warn };
                        ui.colored_label(
                            colour,
                            RichText::new(s.get(&format!("outcome-{}", e.outcome.name()))).strong(),
                        );
                        if e.turn_limit {
                            ui.label(RichText::new(s.get("report-turn-limit")).italics());
                        }
                        if !e.debrief.is_empty() {
                            ui.label(e.debrief.as_str());
                        }
                    }
                    None => {
                        ui.label(RichText::new(s.get("report-unfinished")).strong());
                    }
                }
                ui.label(s.fmt("report-level", &[("level", FluentValue::from(s.get(level_key(r.miti.level))))]));
            });
            if let Some(t) = m.trend() {
                ui.add_space(8.0);
                trend_view(ui, m, &t);
            }
            ui.add_space(8.0);
            ui.heading(s.get("miti-title"));
            miti_table(ui, m, &r, narrow);
            ui.add_space(8.0);
            ui.label(s.fmt(
                "client-talk-summary",
                &[
                    ("ct", FluentValue::from(r.client.change_talk)),
                    ("st", FluentValue::from(r.client.sustain_talk)),
                    ("pct", FluentValue::from(r.client.change_talk_pct.map_or("–".to_owned(), |x| s.num(x, 0)))),
                ],
            ));
            ui.add_space(8.0);
            ui.heading(s.get("chart-codes"));
            codes_chart(ui, m, &r);
            ui.add_space(8.0);
            // Three small plots: side by side when there is room, else one under the other.
            let w = ui.available_width();
            let columns = if w >= 900.0 {
                3
            } else if w >= 560.0 {
                2
            } else {
                1
            };
            let plot_w = (w - 16.0 * (columns as f32 - 1.0)) / columns as f32;
            let plots: [(&str, &DrawPlot); 3] = [
                ("chart-change-talk", &|ui: &mut Ui| change_talk_plot(ui, m, session, plot_w)),
                ("chart-rulers", &|ui: &mut Ui| rulers_plot(ui, m, &r, plot_w)),
                ("chart-discord", &|ui: &mut Ui| discord_plot(ui, m, &r, plot_w)),
            ];
            for row in plots.chunks(columns) {
                ui.horizontal_top(|ui| {
                    for (title, plot) in row {
                        ui.vertical(|ui| {
                            ui.set_width(plot_w);
                            ui.add(egui::Label::new(RichText::new(s.get(title)).strong()).wrap());
                            plot(ui);
                        });
                    }
                });
                ui.add_space(8.0);
            }
            ui.heading(s.get("ethics-title"));
            if r.ethics.is_empty() {
                ui.colored_label(p.good, s.get("ethics-none"));
            }
            for e in &r.ethics {
                card(ui, |ui| {
                    ui.colored_label(
                        p.warn,
                        RichText::new(s.fmt(
                            "ethics-finding",
                            &[
                                ("turn", FluentValue::from(e.turn)),
                                ("kind", FluentValue::from(s.get(&format!("ethics-{}", e.kind.name())))),
                            ],
                        ))
                        .strong(),
                    );
                    ui.label(e.explain.as_str());
                });
            }
            ui.add_space(8.0);
            ui.heading(s.get("turns-title"));
            for t in &r.turns {
                card(ui, |ui| {
                    ui.label(
                        RichText::new(s.fmt(
                            "turn-client",
                            &[("n", FluentValue::from(t.turn)), ("text", FluentValue::from(t.client.as_str()))],
                        ))
                        .italics(),
                    );
                    ui.label(s.fmt("turn-you", &[("text", FluentValue::from(t.reply.as_str()))]));
                    let names: Vec<String> = t.codes.iter().map(|c| super::conversation::code_name(m, *c)).collect();
                    ui.label(s.fmt("feedback-codes", &[("codes", FluentValue::from(names.join(", ")))]));
                    if let Some(c) = session.history().get(t.turn.wrapping_sub(1)).and_then(|h| h.coded.as_ref()) {
                        super::conversation::coded_view(ui, m, c);
                    }
                    if !t.feedback.is_empty() {
                        ui.label(s.fmt("feedback-why", &[("why", FluentValue::from(t.feedback.as_str()))]));
                    }
                    if let Some(b) = &t.better {
                        ui.label(s.fmt(
                            "feedback-better",
                            &[("n", FluentValue::from(b.option)), ("text", FluentValue::from(b.text.as_str()))],
                        ));
                    }
                });
            }
            ui.add_space(12.0);
            if ui.button(RichText::new(s.get("try-again")).strong()).clicked() {
                action = Some(Action::TryAgain);
            }
        });
    });
    action
}

fn miti_table(ui: &mut Ui, m: &AppModel, r: &Report, narrow: bool) {
    let s = &m.strings;
    let dash = || "–".to_owned();
    let rows: [(&str, String, f32, f32, Level); 4] = [
        (
            "miti-relational",
            s.num(r.miti.relational, 1),
            thresholds::RELATIONAL_FAIR,
            thresholds::RELATIONAL_GOOD,
            r.miti.levels.relational,
        ),
        (
            "miti-technical",
            s.num(r.miti.technical, 1),
            thresholds::TECHNICAL_FAIR,
            thresholds::TECHNICAL_GOOD,
            r.miti.levels.technical,
        ),
        (
            "miti-pct-cr",
            r.miti.pct_cr.map_or_else(dash, |x| format!("{} %", s.num(x, 0))),
            thresholds::PCT_CR_FAIR,
            thresholds::PCT_CR_GOOD,
            r.miti.levels.pct_cr,
        ),
        (
            "miti-r-q",
            r.miti.r_q.map_or_else(dash, |x| s.num(x, 1)),
            thresholds::R_Q_FAIR,
            thresholds::R_Q_GOOD,
            r.miti.levels.r_q,
        ),
    ];
    let p = palette(ui);
    let show = |pct: bool, x: f32| if pct { format!("{} %", s.num(x, 0)) } else { s.num(x, 1) };
    if narrow {
        // One short block per measure: the table's columns do not fit a narrow window.
        for (key, value, fair, good, level) in rows {
            let pct = key == "miti-pct-cr";
            card(ui, |ui| {
                ui.label(RichText::new(s.get(key)).strong());
                ui.label(s.fmt(
                    "miti-row",
                    &[
                        ("value", FluentValue::from(value)),
                        ("fair", FluentValue::from(show(pct, fair))),
                        ("good", FluentValue::from(show(pct, good))),
                    ],
                ));
                let colour = if level == Level::BelowFair { p.warn } else { p.good };
                ui.colored_label(
                    colour,
                    s.fmt("miti-row-level", &[("level", FluentValue::from(s.get(level_key(level))))]),
                );
            });
        }
        return;
    }
    egui::Grid::new("miti-table").striped(true).num_columns(5).spacing([24.0, 6.0]).show(ui, |ui| {
        for h in ["miti-measure", "miti-value", "miti-fair", "miti-good", "miti-level"] {
            ui.label(RichText::new(s.get(h)).strong());
        }
        ui.end_row();
        for (key, value, fair, good, level) in rows {
            ui.label(s.get(key));
            ui.label(value);
            let pct = key == "miti-pct-cr";
            ui.label(if pct { format!("{} %", s.num(fair, 0)) } else { s.num(fair, 1) });
            ui.label(if pct { format!("{} %", s.num(good, 0)) } else { s.num(good, 1) });
            let colour = if level == Level::BelowFair { p.warn } else { p.good };
            ui.colored_label(colour, s.get(level_key(level)));
            ui.end_row();
        }
    });
}

/// How many replies had each code: one row per code, its plain name with the abbreviation, a bar and the count.
fn codes_chart(ui: &mut Ui, m: &AppModel, r: &Report) {
    let s = &m.strings;
    let p = palette(ui);
    let max = Code::ALL.iter().map(|c| r.miti.counts.get(c).copied().unwrap_or(0)).max().unwrap_or(0).max(1);
    let bar_w = (ui.available_width() * 0.35).clamp(60.0, 320.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("■").color(p.consistent));
        ui.label(s.get("chart-codes-consistent"));
        ui.add_space(8.0);
        ui.label(RichText::new("■").color(p.inconsistent));
        ui.label(s.get("chart-codes-inconsistent"));
    });
    egui::Grid::new("codes-chart").num_columns(3).spacing([12.0, 4.0]).show(ui, |ui| {
        for c in Code::ALL {
            let n = r.miti.counts.get(&c).copied().unwrap_or(0);
            let name = super::conversation::code_name(m, c);
            let text = if n == 0 { RichText::new(&name).weak() } else { RichText::new(&name) };
            ui.label(text);
            let colour = if c.is_mi_inconsistent() { p.inconsistent } else { p.consistent };
            super::bar(ui, n as f32 / max as f32, colour, bar_w, 12.0);
            ui.label(s.fmt("chart-codes-count", &[("n", FluentValue::from(n))]));
            ui.end_row();
        }
    });
}

/// A small plot with no dragging or zooming.
fn small_plot(id: &str, width: f32, y_max: f64, m: &AppModel) -> Plot<'static> {
    let y_label = m.strings.get("axis-turn");
    Plot::new(id.to_owned())
        .height(170.0)
        .width(width.max(160.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(y_max)
        .include_x(0.0)
        .x_axis_label(y_label)
}

/// A legend above a plot, so it never covers a line: a swatch and a name per line.
fn legend(ui: &mut Ui, items: &[(String, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        for (name, colour) in items {
            ui.label(RichText::new("■").color(*colour).strong());
            ui.label(name);
            ui.add_space(6.0);
        }
    });
}

fn change_talk_plot(ui: &mut Ui, m: &AppModel, session: &motivo_engine::Session, width: f32) {
    let s = &m.strings;
    let colour = palette(ui).change_talk;
    let points: Vec<[f64; 2]> =
        change_talk_series(session).iter().enumerate().filter_map(|(i, v)| v.map(|v| [i as f64, v as f64])).collect();
    legend(ui, &[(s.get("chart-change-talk-line"), colour)]);
    small_plot("change-talk-plot", width, 100.0, m).show(ui, |plot| {
        plot.line(Line::new(s.get("chart-change-talk-line"), points).color(colour).width(2.5));
    });
}

fn series(r: &Report, f: fn(&motivo_engine::model::ClientState) -> f32) -> Vec<[f64; 2]> {
    r.client.trajectory.iter().enumerate().map(|(i, c)| [i as f64, f(c) as f64]).collect()
}

/// Importance and confidence over the replies (and nothing else).
fn rulers_plot(ui: &mut Ui, m: &AppModel, r: &Report, width: f32) {
    let s = &m.strings;
    let p = palette(ui);
    legend(ui, &[(s.get("meter-importance"), p.importance), (s.get("meter-confidence"), p.confidence)]);
    small_plot("rulers-plot", width, 10.0, m).show(ui, |plot| {
        plot.line(Line::new(s.get("meter-importance"), series(r, |c| c.importance)).color(p.importance).width(2.5));
        plot.line(Line::new(s.get("meter-confidence"), series(r, |c| c.confidence)).color(p.confidence).width(2.5));
    });
}

/// Discord between the learner and the client over the replies.
fn discord_plot(ui: &mut Ui, m: &AppModel, r: &Report, width: f32) {
    let s = &m.strings;
    let colour = palette(ui).discord;
    legend(ui, &[(s.get("meter-discord"), colour)]);
    small_plot("discord-plot", width, 10.0, m).show(ui, |plot| {
        plot.line(Line::new(s.get("meter-discord"), series(r, |c| c.discord)).color(colour).width(2.5));
    });
}
