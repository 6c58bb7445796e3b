//! The remembered settings in the window: the theme they choose. The settings themselves, their
//! file and its bounds are in [`crate::settings`].

pub use crate::settings::{ComparisonFields, Settings};

/// Applies the remembered theme: dark, light, or the system's.
pub fn apply_theme(settings: &Settings, ctx: &egui::Context) {
    let preference = match settings.dark_mode {
        Some(true) => egui::ThemePreference::Dark,
        Some(false) => egui::ThemePreference::Light,
        None => egui::ThemePreference::System,
    };
    ctx.set_theme(preference);
}
