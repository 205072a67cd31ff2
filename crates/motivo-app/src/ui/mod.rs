//! The screens as egui view functions: `fn show(ui, &AppModel) -> Option<Action>`. They read the model, draw,
//! and return what the learner did; they never change the model (the text box draft lives in egui memory).
//! No Bevy here, so egui_kittest drives them directly.

pub mod conversation;
pub mod intro;
pub mod report;
pub mod settings;
pub mod start;

use egui::{Color32, Frame, RichText, Stroke, Ui};

use crate::model::{AppModel, Screen, Settings};

/// Shows the screen the model is on.
pub fn show(ui: &mut Ui, model: &AppModel) -> Option<Action> {
    match model.screen {
        Screen::Start => start::show(ui, model),
        Screen::Intro => intro::show(ui, model),
        Screen::Conversation => conversation::show(ui, model),
        Screen::Report => report::show(ui, model),
        Screen::Settings => settings::show(ui, model),
    }
}

pub use crate::model::Action;

/// Applies text size and contrast to the context (cheap when nothing changed).
pub fn apply_settings(ctx: &egui::Context, settings: &Settings) {
    let key = egui::Id::new("motivo-applied-settings");
    let want = (settings.text_scale.to_bits(), settings.high_contrast);
    if ctx.data(|d| d.get_temp::<(u32, bool)>(key)) == Some(want) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(key, want));
    ctx.set_zoom_factor(settings.text_scale);
    let (theme, visuals) = if settings.high_contrast {
        (egui::Theme::Dark, high_contrast_visuals())
    } else {
        (egui::Theme::Light, egui::Visuals::light())
    };
    ctx.set_theme(theme);
    ctx.set_visuals_of(theme, visuals);
    ctx.global_style_mut(|s| {
        s.spacing.item_spacing = egui::vec2(8.0, 6.0);
        s.spacing.button_padding = egui::vec2(8.0, 4.0);
        for (style, font) in s.text_styles.iter_mut() {
            font.size = match style {
                egui::TextStyle::Heading => 22.0,
                egui::TextStyle::Small => 12.0,
                _ => 16.0,
            };
        }
    });
}

fn high_contrast_visuals() -> egui::Visuals {
    let mut v = egui::Visuals::dark();
    v.override_text_color = Some(Color32::WHITE);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(20);
    v.hyperlink_color = Color32::from_rgb(255, 255, 0);
    v.warn_fg_color = Color32::from_rgb(255, 220, 0);
    v.error_fg_color = Color32::from_rgb(255, 120, 120);
    v.selection.bg_fill = Color32::from_rgb(0, 90, 200);
    v.selection.stroke = Stroke::new(2.0, Color32::WHITE);
    let w = &mut v.widgets;
    for wv in [&mut w.noninteractive, &mut w.inactive, &mut w.hovered, &mut w.active, &mut w.open] {
        wv.fg_stroke = Stroke::new(1.5, Color32::WHITE);
        wv.bg_stroke = Stroke::new(1.5, Color32::WHITE);
    }
    w.inactive.bg_fill = Color32::from_gray(25);
    w.inactive.weak_bg_fill = Color32::from_gray(25);
    w.hovered.bg_fill = Color32::from_rgb(0, 60, 140);
    w.hovered.weak_bg_fill = Color32::from_rgb(0, 60, 140);
    w.hovered.bg_stroke = Stroke::new(2.5, Color32::from_rgb(255, 255, 0));
    w.active.bg_stroke = Stroke::new(2.5, Color32::from_rgb(255, 255, 0));
    v
}

/// Colours that read well on the current background.
pub struct Palette {
    pub client_bubble: Color32,
    pub learner_bubble: Color32,
    pub good: Color32,
    pub warn: Color32,
    pub card: Color32,
}

pub fn palette(ui: &Ui) -> Palette {
    if ui.visuals().dark_mode {
        Palette {
            client_bubble: Color32::from_gray(35),
            learner_bubble: Color32::from_rgb(0, 45, 100),
            good: Color32::from_rgb(120, 255, 140),
            warn: Color32::from_rgb(255, 220, 0),
            card: Color32::from_gray(15),
        }
    } else {
        Palette {
            client_bubble: Color32::from_rgb(236, 236, 240),
            learner_bubble: Color32::from_rgb(214, 232, 252),
            good: Color32::from_rgb(20, 110, 40),
            warn: Color32::from_rgb(160, 60, 0),
            card: Color32::from_rgb(248, 248, 250),
        }
    }
}

/// A framed card.
pub fn card<R>(ui: &mut Ui, add: impl FnOnce(&mut Ui) -> R) -> R {
    let p = palette(ui);
    // The frame's margin and stroke are outside its content: leave room for them.
    let width = (ui.available_width() - 22.0).max(0.0);
    Frame::new()
        .fill(p.card)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6)
        .inner_margin(10)
        .show(ui, |ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
}

/// One chat bubble: the client's on the left, the learner's on the right.
pub fn bubble(ui: &mut Ui, who: &str, text: &str, from_client: bool) -> egui::Response {
    let p = palette(ui);
    let width = (ui.available_width() * 0.78).max(120.0);
    let layout = if from_client {
        egui::Layout::left_to_right(egui::Align::TOP)
    } else {
        egui::Layout::right_to_left(egui::Align::TOP)
    };
    ui.with_layout(layout, |ui| {
        Frame::new()
            .fill(if from_client { p.client_bubble } else { p.learner_bubble })
            .corner_radius(10)
            .inner_margin(egui::Margin::symmetric(12, 8))
            .show(ui, |ui| {
                ui.set_max_width(width);
                ui.vertical(|ui| {
                    ui.label(RichText::new(who).small().strong());
                    ui.label(text);
                });
            })
            .response
    })
    .inner
}

/// A 0–`max` ruler with its name and value in words (so it reads without colour).
pub fn ruler(ui: &mut Ui, name: &str, value_text: &str, value: f32, max: f32, colour: Color32) {
    ui.label(RichText::new(format!("{name}: {value_text}")).strong());
    ui.add(egui::ProgressBar::new((value / max).clamp(0.0, 1.0)).fill(colour).desired_height(14.0));
}

/// The digit key 1–9 pressed this frame (0-based), when no text box has the keyboard.
pub fn digit_pressed(ui: &Ui) -> Option<usize> {
    if ui.ctx().egui_wants_keyboard_input() {
        return None;
    }
    use egui::Key::*;
    const KEYS: [egui::Key; 9] = [Num1, Num2, Num3, Num4, Num5, Num6, Num7, Num8, Num9];
    ui.input(|i| KEYS.iter().position(|k| i.key_pressed(*k)))
}

/// Language buttons, each in its own language.
pub fn language_picker(ui: &mut Ui, model: &AppModel) -> Option<Action> {
    let mut action = None;
    for (code, name) in crate::i18n::Strings::available() {
        let on = code == model.settings.lang;
        if ui.selectable_label(on, name).clicked() && !on {
            action = Some(Action::SetLanguage(code));
        }
    }
    action
}

/// A top bar with a title on the left and content on the right.
pub fn top_bar(ui: &mut Ui, id: &str, title: &str, right: impl FnOnce(&mut Ui)) {
    egui::Panel::top(egui::Id::new(id)).show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), right);
        });
        ui.add_space(4.0);
    });
}
