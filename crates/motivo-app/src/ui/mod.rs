//! The screens as egui view functions: `fn show(ui, &AppModel) -> Option<Action>`. They read the model, draw,
//! and return what the learner did; they never change the model (the text box draft lives in egui memory).
//! No Bevy here, so egui_kittest drives them directly.

pub mod conversation;
pub mod intro;
pub mod report;
pub mod settings;
pub mod start;
pub mod trainer;

use egui::{Color32, Frame, RichText, Stroke, Ui};

use crate::model::{AppModel, Screen, Settings};

/// A screen's view function.
pub type View = fn(&mut Ui, &AppModel) -> Option<Action>;

/// Shows the screen the model is on.
pub fn show(ui: &mut Ui, model: &AppModel) -> Option<Action> {
    let view: View = match model.screen {
        Screen::Start => start::show,
        Screen::Intro => intro::show,
        Screen::Conversation => conversation::show,
        Screen::Report => report::show,
        Screen::Settings => settings::show,
    };
    screen(ui, model, view)
}

/// Draws a screen's view, below the trainer panel in trainer mode.
pub fn screen(ui: &mut Ui, model: &AppModel, view: View) -> Option<Action> {
    let trainer = trainer::panel(ui, model);
    view(ui, model).or(trainer)
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
    let mut visuals = visuals;
    // A blinking cursor is a timed repaint twice a second for as long as a text box has the keyboard.
    visuals.text_cursor.blink = false;
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

/// Colours that read well on the current background. Each measure has one colour everywhere (the rulers in the
/// conversation, the lines in the report): importance blue, confidence green, discord orange-red.
pub struct Palette {
    pub client_bubble: Color32,
    pub learner_bubble: Color32,
    pub good: Color32,
    pub warn: Color32,
    pub card: Color32,
    pub importance: Color32,
    pub confidence: Color32,
    pub discord: Color32,
    pub change_talk: Color32,
    /// MI-consistent and MI-inconsistent codes in the code chart.
    pub consistent: Color32,
    pub inconsistent: Color32,
    /// The empty part of a bar, and its outline (visible on any background, also in high contrast).
    pub track: Color32,
    pub track_stroke: Color32,
}

pub fn palette(ui: &Ui) -> Palette {
    if ui.visuals().dark_mode {
        Palette {
            client_bubble: Color32::from_gray(35),
            learner_bubble: Color32::from_rgb(0, 45, 100),
            good: Color32::from_rgb(120, 255, 140),
            warn: Color32::from_rgb(255, 220, 0),
            card: Color32::from_gray(15),
            importance: Color32::from_rgb(110, 180, 255),
            confidence: Color32::from_rgb(120, 255, 140),
            discord: Color32::from_rgb(255, 150, 70),
            change_talk: Color32::from_rgb(230, 150, 255),
            consistent: Color32::from_rgb(110, 180, 255),
            inconsistent: Color32::from_rgb(255, 150, 70),
            track: Color32::from_gray(45),
            track_stroke: Color32::WHITE,
        }
    } else {
        Palette {
            client_bubble: Color32::from_rgb(236, 236, 240),
            learner_bubble: Color32::from_rgb(214, 232, 252),
            good: Color32::from_rgb(20, 110, 40),
            warn: Color32::from_rgb(160, 60, 0),
            card: Color32::from_rgb(248, 248, 250),
            importance: Color32::from_rgb(25, 95, 185),
            confidence: Color32::from_rgb(30, 125, 55),
            discord: Color32::from_rgb(200, 75, 20),
            change_talk: Color32::from_rgb(130, 60, 160),
            consistent: Color32::from_rgb(40, 110, 190),
            inconsistent: Color32::from_rgb(200, 90, 30),
            track: Color32::from_gray(225),
            track_stroke: Color32::from_gray(120),
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
    let width = (ui.available_width() * 0.85).max(120.0);
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

/// A horizontal bar filled to `fraction` (0–1) in `colour`, drawn with a visible track and outline on any
/// background. No text inside and no rounded cap, so nothing covers anything at zero.
pub fn bar(ui: &mut Ui, fraction: f32, colour: Color32, width: f32, height: f32) -> egui::Response {
    let p = palette(ui);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width.max(10.0), height), egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        painter.rect_filled(rect, 2.0, p.track);
        let f = fraction.clamp(0.0, 1.0);
        if f > 0.0 {
            let mut fill = rect;
            fill.set_width(rect.width() * f);
            painter.rect_filled(fill, 2.0, colour);
        }
        painter.rect_stroke(rect, 2.0, Stroke::new(1.0, p.track_stroke), egui::StrokeKind::Inside);
    }
    response
}

/// A 0–`max` ruler with its name and value in words (so it reads without colour).
pub fn ruler(ui: &mut Ui, name: &str, value_text: &str, value: f32, max: f32, colour: Color32) {
    let text = format!("{name}: {value_text}");
    ui.label(RichText::new(&text).strong());
    let w = ui.available_width();
    bar(ui, value / max, colour, w, 12.0).widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::WidgetType::ProgressIndicator, true, name);
        info.value = Some(value as f64);
        info
    });
}

/// Whether the window is narrow (in points, so large text makes it narrow): side panels fold into the page and
/// headers stack.
pub fn narrow(ui: &Ui) -> bool {
    ui.ctx().content_rect().width() < NARROW_BELOW
}

/// Below this width (points) the layout is the narrow one.
pub const NARROW_BELOW: f32 = 820.0;

/// Whether `screen` is drawn for the first time since another screen was shown (its scroll areas then start at
/// the top). Call once per frame per screen.
pub fn screen_entered(ui: &Ui, screen: Screen) -> bool {
    let key = egui::Id::new("motivo-shown-screen");
    let frame = ui.ctx().cumulative_pass_nr();
    let (last, last_frame) = ui.data(|d| d.get_temp::<(Screen, u64)>(key)).unwrap_or((screen, u64::MAX));
    ui.data_mut(|d| d.insert_temp(key, (screen, frame)));
    last != screen || last_frame == u64::MAX || frame > last_frame + 1
}

/// The page's vertical scroll area: its own id per screen, and at the top when the screen was just entered.
pub fn page_scroll(screen: Screen, entered: bool) -> egui::ScrollArea {
    let area = egui::ScrollArea::vertical().id_salt(("motivo-page", screen)).auto_shrink([false; 2]);
    if entered { area.vertical_scroll_offset(0.0) } else { area }
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
    for (code, name) in model.locales.available() {
        let on = code == model.settings.lang;
        if ui.selectable_label(on, name).clicked() && !on {
            action = Some(Action::SetLanguage(code));
        }
    }
    action
}

/// The width (points) assumed for a top bar's buttons before they have been measured.
const TOP_BAR_BUTTONS: f32 = 460.0;

/// A top bar with a title and buttons: side by side when both fit, else the title (wrapped) above a wrapping row
/// of buttons, so a long title never covers them. The buttons' width is measured as they are drawn and kept in
/// egui memory; when it changes the pass is redone, so no frame shows the wrong layout.
pub fn top_bar(ui: &mut Ui, id: &str, title: &str, right: impl FnOnce(&mut Ui)) {
    let width_id = egui::Id::new((id, "motivo-top-bar-buttons"));
    egui::Panel::top(egui::Id::new(id)).show(ui, |ui| {
        ui.add_space(4.0);
        let font = egui::TextStyle::Heading.resolve(ui.style());
        let title_width = ui.painter().layout_no_wrap(title.to_owned(), font, Color32::WHITE).size().x;
        let buttons = ui.data(|d| d.get_temp::<f32>(width_id)).unwrap_or(TOP_BAR_BUTTONS);
        let gap = 3.0 * ui.spacing().item_spacing.x;
        let measured = if title_width + gap + buttons > ui.available_width() {
            ui.add(egui::Label::new(RichText::new(title).heading()).wrap());
            let row = ui
                .horizontal_wrapped(|ui| {
                    // The buttons are added right to left on a wide bar: keep their reading order here.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center).with_main_wrap(true), right)
                        .response
                        .rect
                })
                .inner;
            // One line of buttons measures their width; more lines mean they need the whole bar.
            let one_line = row.height() <= ui.spacing().interact_size.y + 2.0 * ui.spacing().button_padding.y + 4.0;
            if one_line { row.width() } else { f32::INFINITY }
        } else {
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(RichText::new(title).heading()).truncate());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), right).response.rect.width()
            })
            .inner
        };
        if (measured - buttons).abs() > 1.0 && !(measured.is_infinite() && buttons.is_infinite()) {
            ui.data_mut(|d| d.insert_temp(width_id, measured));
            ui.ctx().request_discard("the top bar's buttons were measured");
        }
        ui.add_space(4.0);
    });
}
