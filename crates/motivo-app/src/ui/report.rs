//! Report: the MITI table against the fair/good thresholds, code counts, %change talk and the rulers over the
//! conversation, ethics findings, and "try again".

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Line, Plot};
use fluent_bundle::FluentValue;
use motivo_engine::Report;
use motivo_engine::codes::Code;
use motivo_engine::course::Trend;
use motivo_engine::scoring::{Level, thresholds};

use super::{Action, card, palette, top_bar};
use crate::model::{AppModel, change_talk_series};

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
            ui.label(text(if lang == motivo_engine::Lang::Fi { p.started.date_fi() } else { p.started.date() }));
            ui.label(text(s.get(level_key(p.level))));
            ui.label(text(score(p.relational)));
            ui.label(text(score(p.technical)));
            ui.end_row();
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
        egui::ScrollArea::vertical().auto_shrink([false; 2]).show(ui, |ui| {
            let p = palette(ui);
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
            miti_table(ui, m, &r);
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                ui.label(s.fmt(
                    "client-talk-summary",
                    &[
                        ("ct", FluentValue::from(r.client.change_talk)),
                        ("st", FluentValue::from(r.client.sustain_talk)),
                        ("pct", FluentValue::from(r.client.change_talk_pct.map_or("–".to_owned(), |x| s.num(x, 0)))),
                    ],
                ));
            });
            ui.add_space(8.0);
            let w = ui.available_width();
            let half = ((w - 16.0) / 2.0).max(200.0);
            ui.heading(s.get("chart-codes"));
            codes_chart(ui, m, &r, w.min(900.0));
            ui.add_space(8.0);
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| {
                    ui.set_width(half);
                    ui.label(RichText::new(s.get("chart-change-talk")).strong());
                    change_talk_plot(ui, m, session);
                });
                ui.vertical(|ui| {
                    ui.set_width(half);
                    ui.label(RichText::new(s.get("chart-rulers")).strong());
                    rulers_plot(ui, m, &r);
                });
            });
            ui.add_space(8.0);
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
                    let names: Vec<String> = t.codes.iter().map(|c| s.get(&format!("code-{}", c.as_str()))).collect();
                    ui.label(s.fmt("feedback-codes", &[("codes", FluentValue::from(names.join(", ")))]));
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

fn miti_table(ui: &mut Ui, m: &AppModel, r: &Report) {
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

fn codes_chart(ui: &mut Ui, m: &AppModel, r: &Report, width: f32) {
    let s = &m.strings;
    let bars: Vec<Bar> = Code::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let n = r.miti.counts.get(c).copied().unwrap_or(0);
            let colour =
                if c.is_mi_inconsistent() { Color32::from_rgb(200, 90, 30) } else { Color32::from_rgb(40, 110, 190) };
            Bar::new(i as f64, n as f64).width(0.7).fill(colour).name(format!(
                "{} – {}",
                c.as_str(),
                s.get(&format!("code-{}", c.as_str()))
            ))
        })
        .collect();
    Plot::new("codes-chart")
        .height(180.0)
        .width(width)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(2.0)
        .x_axis_formatter(|mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 {
                Code::ALL.get(i as usize).map_or(String::new(), |c| c.as_str().to_owned())
            } else {
                String::new()
            }
        })
        .show(ui, |plot| plot.bar_chart(BarChart::new(s.get("chart-codes"), bars)));
}

fn change_talk_plot(ui: &mut Ui, m: &AppModel, session: &motivo_engine::Session) {
    let s = &m.strings;
    let points: Vec<[f64; 2]> =
        change_talk_series(session).iter().enumerate().filter_map(|(i, v)| v.map(|v| [i as f64, v as f64])).collect();
    Plot::new("change-talk-plot")
        .height(180.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .x_axis_label(s.get("axis-turn"))
        .show(ui, |plot| plot.line(Line::new(s.get("chart-change-talk"), points).width(2.5)));
}

fn rulers_plot(ui: &mut Ui, m: &AppModel, r: &Report) {
    let s = &m.strings;
    let series = |f: fn(&motivo_engine::model::ClientState) -> f32| -> Vec<[f64; 2]> {
        r.client.trajectory.iter().enumerate().map(|(i, c)| [i as f64, f(c) as f64]).collect()
    };
    Plot::new("rulers-plot")
        .height(180.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(10.0)
        .include_x(0.0)
        .x_axis_label(s.get("axis-turn"))
        .show(ui, |plot| {
            plot.line(Line::new(s.get("meter-importance"), series(|c| c.importance)).width(2.5));
            plot.line(Line::new(s.get("meter-confidence"), series(|c| c.confidence)).width(2.5));
            plot.line(Line::new(s.get("meter-discord"), series(|c| c.discord)).width(1.5));
        });
}
