//! The intro screen: draws [`crate::ui::intro::show`] while [`Screen::Intro`] is active.

use bevy::prelude::*;
use bevy_egui::EguiPrimaryContextPass;

use crate::model::Screen;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, draw_screen.run_if(in_state(Screen::Intro)));
}

super::screen_system!(crate::ui::intro::show);
