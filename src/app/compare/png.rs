//! The comparison chart as a PNG file. Once the user has chosen a path, the chart asks egui for a
//! screenshot of the frame it is drawn in ([`egui::Context::request_screenshot`]); the screenshot
//! comes back to the UI thread over a channel, and the I/O service crops it to the chart, encodes
//! it and writes it on a worker thread. Nothing waits on the UI thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use egui::{ColorImage, Rect, Ui};

use crate::library::Expect;

/// A screenshot on its way to a file.
pub struct Shot {
    image: Arc<ColorImage>,
    chart: Rect,
    pixels_per_point: f32,
    /// The file.
    pub path: PathBuf,
    /// What the file should hold before it is written.
    pub expect: Expect,
}

impl Shot {
    /// The PNG of the chart: the screenshot cropped to it and encoded.
    ///
    /// # Errors
    /// The chart was not on screen, or the image could not be encoded (the message names the file).
    pub fn encode(&self) -> Result<Vec<u8>, String> {
        let failed = |what: String| format!("{}: {what}", self.path.display());
        let image = crop(&self.image, self.chart, self.pixels_per_point)
            .ok_or_else(|| failed("the chart was not on screen".into()))?;
        encode_png(&image).map_err(failed)
    }
}

/// The state of chart exports: the path waiting for the next drawing of the chart, and the
/// channel screenshots come back on.
pub struct ChartExport {
    waiting: Option<(PathBuf, Expect)>,
    shots_tx: Sender<Shot>,
    shots_rx: Receiver<Shot>,
}

impl Default for ChartExport {
    fn default() -> Self {
        let (shots_tx, shots_rx) = channel();
        Self {
            waiting: None,
            shots_tx,
            shots_rx,
        }
    }
}

impl std::fmt::Debug for ChartExport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ChartExport")
            .field("waiting", &self.waiting)
            .finish_non_exhaustive()
    }
}

impl ChartExport {
    /// Exports the chart to `path` the next time it is drawn.
    pub fn start(&mut self, path: PathBuf, expect: Expect) {
        self.waiting = Some((path, expect));
    }

    /// Whether an export waits for the chart to be drawn or its screenshot.
    #[must_use]
    pub fn is_waiting(&self) -> bool {
        self.waiting.is_some()
    }

    /// Called after the chart is drawn in `chart`: when an export waits, scrolls the chart fully
    /// into view if it fits, then asks for a screenshot of this frame.
    pub fn capture(&mut self, ui: &Ui, chart: Rect) {
        let Some((path, expect)) = self.waiting.take() else {
            return;
        };
        let view = ui.clip_rect();
        let fits = chart.width() <= view.width() && chart.height() <= view.height();
        if fits && !view.contains_rect(chart) {
            ui.scroll_to_rect(chart, Some(egui::Align::TOP));
            self.waiting = Some((path, expect));
            ui.ctx().request_repaint();
            return;
        }
        // What of the chart is on screen (all of it unless the window is smaller than the chart),
        // with a little room around it so nothing at its edge is cut.
        let chart = chart.intersect(view).expand(4.0);
        let pixels_per_point = ui.ctx().pixels_per_point();
        let shots = self.shots_tx.clone();
        let ctx = ui.ctx().clone();
        ui.ctx().request_screenshot(move |image| {
            // The app may be gone by now: nothing to tell then.
            let _ = shots.send(Shot {
                image,
                chart,
                pixels_per_point,
                path,
                expect,
            });
            ctx.request_repaint();
        });
    }

    /// The screenshots that arrived since the last call, to be written.
    pub fn take_shots(&mut self) -> Vec<Shot> {
        self.shots_rx.try_iter().collect()
    }
}

/// The part of a screenshot under `rect` (in points), clamped to the image; `None` when nothing of
/// it is inside.
#[must_use]
pub fn crop(image: &ColorImage, rect: Rect, pixels_per_point: f32) -> Option<ColorImage> {
    let [width, height] = image.size;
    let to_pixel = |points: f32, limit: usize| -> usize {
        // Clamped to the image first, so the cast is exact and in range.
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss
        )]
        let pixel = (points * pixels_per_point).round().clamp(0.0, limit as f32) as usize;
        pixel
    };
    let (x0, x1) = (to_pixel(rect.min.x, width), to_pixel(rect.max.x, width));
    let (y0, y1) = (to_pixel(rect.min.y, height), to_pixel(rect.max.y, height));
    if x1 <= x0 || y1 <= y0 {
        return None;
    }
    let pixels = (y0..y1)
        .flat_map(|y| image.pixels[y * width + x0..y * width + x1].iter().copied())
        .collect();
    Some(ColorImage::new([x1 - x0, y1 - y0], pixels))
}

/// An image as PNG bytes (8-bit RGBA).
///
/// # Errors
/// When the encoder refuses the image (e.g. an empty one).
pub fn encode_png(image: &ColorImage) -> Result<Vec<u8>, String> {
    use image::ImageEncoder as _;
    let rgba: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|c| c.to_srgba_unmultiplied())
        .collect();
    let (width, height) = (u32::try_from(image.size[0]), u32::try_from(image.size[1]));
    let (Ok(width), Ok(height)) = (width, height) else {
        return Err("the image is too large".into());
    };
    let mut bytes = Vec::new();
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(&rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(|e| format!("could not encode the PNG: {e}"))?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, pos2};

    fn checker(width: usize, height: usize) -> ColorImage {
        let pixels = (0..width * height)
            .map(|i| {
                if (i % width + i / width).is_multiple_of(2) {
                    Color32::WHITE
                } else {
                    Color32::from_rgb(0, 114, 178)
                }
            })
            .collect();
        ColorImage::new([width, height], pixels)
    }

    #[test]
    fn crop_takes_the_rect_in_pixels_and_clamps_to_the_image() {
        let image = checker(10, 8);
        let part = crop(
            &image,
            Rect::from_min_max(pos2(1.0, 1.0), pos2(3.0, 2.0)),
            2.0,
        )
        .unwrap();
        assert_eq!(part.size, [4, 2]);
        assert_eq!(part.pixels[0], image.pixels[2 * 10 + 2]);
        let clamped = crop(
            &image,
            Rect::from_min_max(pos2(-5.0, 6.0), pos2(50.0, 50.0)),
            1.0,
        )
        .unwrap();
        assert_eq!(clamped.size, [10, 2]);
        assert!(
            crop(
                &image,
                Rect::from_min_max(pos2(20.0, 20.0), pos2(30.0, 30.0)),
                1.0
            )
            .is_none()
        );
    }

    #[test]
    fn encoded_png_decodes_to_the_same_pixels() {
        let image = checker(7, 5);
        let bytes = encode_png(&image).unwrap();
        let decoded = image::load_from_memory_with_format(&bytes, image::ImageFormat::Png)
            .unwrap()
            .to_rgba8();
        assert_eq!((decoded.width(), decoded.height()), (7, 5));
        assert_eq!(decoded.get_pixel(1, 0).0, [0, 114, 178, 255]);
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255, 255]);
    }
}
