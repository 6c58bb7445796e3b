//! Fonts: egui's defaults lack symbols the method's texts use (→ ≥ ≤ ✓ ✗ −), so DejaVu Sans
//! (free licence, `assets/fonts/DejaVu-LICENSE.txt`) is added as a fallback to every family. The
//! in-window file dialog (`egui_file`) draws folder and file symbols (📂 🗀 🗋) that only egui's
//! emoji fonts have: those come last, after DejaVu Sans, so every other glyph looks as before.

use std::sync::Arc;

use egui::{FontData, FontDefinitions, FontFamily};

const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The name the fallback font is registered under.
const DEJAVU: &str = "DejaVu Sans";

/// egui's emoji fonts (feature `monochrome_emoji_fonts`), the last resort.
const EMOJI_FONTS: [&str; 2] = ["NotoEmoji-Regular", "emoji-icon-font"];

/// Sets egui's fonts with DejaVu Sans before the emoji fonts; call once on the context before
/// the first frame.
pub fn install(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts
        .font_data
        .insert(DEJAVU.into(), Arc::new(FontData::from_static(DEJAVU_SANS)));
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let names = fonts.families.entry(family).or_default();
        let before_emoji = names
            .iter()
            .position(|name| EMOJI_FONTS.contains(&name.as_str()))
            .unwrap_or(names.len());
        names.insert(before_emoji, DEJAVU.into());
    }
    ctx.set_fonts(fonts);
}
