//! The report screen: draws [`crate::ui::report::show`] while [`Screen::Report`] is active.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::model::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_screen.run_if(in_state(Screen::Report)));
}

super::screen_system!(crate::ui::report::show);
