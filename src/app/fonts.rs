//! Fonts: egui's defaults lack symbols the method's texts use (→ ≥ ≤ ✓ ✗ −), so DejaVu Sans
//! (free licence, `assets/fonts/DejaVu-LICENSE.txt`) is added as a fallback to every family.

use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use egui::{FontData, FontFamily};

const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Adds the fallback font; call once on the context before the first frame.
pub fn install(ctx: &egui::Context) {
    let families = [FontFamily::Proportional, FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily {
            family,
            priority: FontPriority::Lowest,
        })
        .collect();
    ctx.add_font(FontInsert {
        name: "DejaVu Sans".into(),
        data: FontData::from_static(DEJAVU_SANS),
        families,
    });
}
