//! A table that keeps its bearings: its header row stays at the top of the view while the table
//! scrolls up past it, and its first column at the left while it scrolls sideways, so every cell
//! can be read against its row's and its column's name. Only the cells in view are laid out.

use egui::text::LayoutJob;
use egui::{
    Align, FontSelection, Layout, Rect, RichText, Sense, Ui, UiBuilder, WidgetText, pos2, vec2,
};

/// The size of a head's detail line, in points.
const DETAIL_SIZE: f32 = 11.5;
/// Room inside a cell, left and right.
const CELL_PADDING: f32 = 6.0;
/// Room inside a cell, above and below.
const LINE_PADDING: f32 = 3.0;

/// The name of a row or a column: a title, and under it a detail in smaller type.
#[derive(Debug, Clone, PartialEq)]
pub struct Head {
    /// The first line (wrapped where it is too long).
    pub title: String,
    /// The line under it, or empty.
    pub detail: String,
    /// What a screen reader says for it.
    pub spoken: String,
}

impl Head {
    /// A head of one line.
    #[must_use]
    pub fn plain(title: &str) -> Self {
        Self {
            title: title.to_owned(),
            detail: String::new(),
            spoken: title.to_owned(),
        }
    }

    /// The head as text: the title in strong type, the detail under it in small weak type.
    fn text(&self, ui: &Ui) -> WidgetText {
        let style = ui.style();
        let mut job = LayoutJob::default();
        RichText::new(&self.title).strong().append_to(
            &mut job,
            style,
            FontSelection::Default,
            Align::Center,
        );
        if !self.detail.is_empty() {
            RichText::new(format!("\n{}", self.detail))
                .size(DETAIL_SIZE)
                .weak()
                .append_to(&mut job, style, FontSelection::Default, Align::Center);
        }
        WidgetText::from(job)
    }

    /// How tall the head is, wrapped in `width`.
    fn height(&self, ui: &Ui, width: f32) -> f32 {
        let galley = self.text(ui).into_galley(
            ui,
            Some(egui::TextWrapMode::Wrap),
            width - 2.0 * CELL_PADDING,
            egui::TextStyle::Body,
        );
        galley.size().y + 2.0 * LINE_PADDING
    }
}

/// A cell: what it shows and what a screen reader says for it.
pub struct CellView {
    /// What it shows.
    pub text: RichText,
    /// What it says to a screen reader.
    pub spoken: String,
}

/// The table's shape: its corner, its columns' and rows' names, and their widths.
pub struct PinnedTable<'a> {
    /// Written in the corner: what the first column names ("Figure", "Role").
    pub corner: &'a str,
    /// The columns' names.
    pub columns: &'a [Head],
    /// The rows' names.
    pub rows: &'a [Head],
    /// The first column's width.
    pub first_width: f32,
    /// Each column's width.
    pub widths: &'a [f32],
}

impl PinnedTable<'_> {
    /// Draws the table, scrolling sideways, with the cell at (row, column) from `cell`.
    pub fn show(&self, ui: &mut Ui, id: &str, cell: &dyn Fn(usize, usize) -> CellView) {
        let header = self
            .columns
            .iter()
            .zip(self.widths)
            .map(|(head, width)| head.height(ui, *width))
            .fold(ui.spacing().interact_size.y, f32::max);
        let least = ui.spacing().interact_size.y + LINE_PADDING;
        let heights: Vec<f32> = self
            .rows
            .iter()
            .map(|head| head.height(ui, self.first_width).max(least))
            .collect();
        let tops: Vec<f32> = heights
            .iter()
            .scan(header, |y, h| {
                let top = *y;
                *y += h;
                Some(top)
            })
            .collect();
        let lefts: Vec<f32> = self
            .widths
            .iter()
            .scan(self.first_width, |x, w| {
                let left = *x;
                *x += w;
                Some(left)
            })
            .collect();
        let width = self.first_width + self.widths.iter().sum::<f32>();
        let height = header + heights.iter().sum::<f32>();
        egui::ScrollArea::horizontal()
            .id_salt(id)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
                let view = ui.clip_rect();
                let grid = Grid {
                    rect,
                    header,
                    tops: &tops,
                    heights: &heights,
                    lefts: &lefts,
                };
                // The header row and the first column stick to the view's top and left edges
                // while the table's own edges are out of view.
                let top = view.top().clamp(rect.top(), rect.bottom() - header);
                let left = view
                    .left()
                    .clamp(rect.left(), rect.right() - self.first_width);
                self.body(ui, &grid, view, cell);
                self.header_row(ui, &grid, top);
                self.first_column(ui, &grid, left);
                let corner = Rect::from_min_size(pos2(left, top), vec2(self.first_width, header));
                paint_background(ui, corner);
                let text = RichText::new(self.corner).strong().into();
                place(ui, corner, (Align::Min, false), text);
            });
    }

    /// The cells in view, every other row on a faint background.
    fn body(
        &self,
        ui: &mut Ui,
        grid: &Grid<'_>,
        view: Rect,
        cell: &dyn Fn(usize, usize) -> CellView,
    ) {
        let stripe = ui.visuals().faint_bg_color;
        for r in 0..self.rows.len() {
            let row = grid.row(r, self.rect_width(grid));
            if !view.intersects(row) {
                continue;
            }
            if r % 2 == 1 {
                ui.painter().rect_filled(row, 0.0, stripe);
            }
            for (c, width) in self.widths.iter().enumerate() {
                let area = grid.cell(r, c, *width);
                if view.intersects(area) {
                    let shown = cell(r, c);
                    let response = place(ui, area, (Align::Center, false), shown.text.into());
                    response.widget_info(|| {
                        egui::WidgetInfo::labeled(egui::Role::Label, true, &shown.spoken)
                    });
                }
            }
        }
    }

    fn rect_width(&self, grid: &Grid<'_>) -> f32 {
        grid.rect.width().max(self.first_width)
    }

    /// The columns' names, at `top`.
    fn header_row(&self, ui: &mut Ui, grid: &Grid<'_>, top: f32) {
        let band = Rect::from_min_size(
            pos2(grid.rect.left(), top),
            vec2(grid.rect.width(), grid.header),
        );
        paint_background(ui, band);
        ui.painter().hline(
            band.x_range(),
            band.bottom(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        for ((head, left), width) in self.columns.iter().zip(grid.lefts).zip(self.widths) {
            let area = Rect::from_min_size(
                pos2(grid.rect.left() + left, top),
                vec2(*width, grid.header),
            );
            if ui.is_rect_visible(area) {
                let response = place(ui, area, (Align::Center, true), head.text(ui));
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::ColumnHeader, true, &head.spoken)
                });
            }
        }
    }

    /// The rows' names, at `left`.
    fn first_column(&self, ui: &mut Ui, grid: &Grid<'_>, left: f32) {
        let band = Rect::from_min_max(
            pos2(left, grid.rect.top() + grid.header),
            pos2(left + self.first_width, grid.rect.bottom()),
        );
        paint_background(ui, band);
        ui.painter().vline(
            band.right(),
            band.y_range(),
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        for (r, head) in self.rows.iter().enumerate() {
            let row = grid.row(r, self.first_width);
            let area = Rect::from_min_size(pos2(left, row.top()), row.size());
            if ui.is_rect_visible(area) {
                if r % 2 == 1 {
                    ui.painter()
                        .rect_filled(area, 0.0, ui.visuals().faint_bg_color);
                }
                let response = place(ui, area, (Align::Min, true), head.text(ui));
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::RowHeader, true, &head.spoken)
                });
            }
        }
    }
}

/// Where the rows and columns of a table lie on screen: each row's top and height and each
/// column's left, from the table's top-left corner.
struct Grid<'a> {
    rect: Rect,
    header: f32,
    tops: &'a [f32],
    heights: &'a [f32],
    lefts: &'a [f32],
}

impl Grid<'_> {
    /// Row `r`, from the table's left edge, `width` wide.
    fn row(&self, r: usize, width: f32) -> Rect {
        let top = self.tops.get(r).copied().unwrap_or(self.header);
        let height = self.heights.get(r).copied().unwrap_or_default();
        Rect::from_min_size(
            pos2(self.rect.left(), self.rect.top() + top),
            vec2(width, height),
        )
    }

    /// The cell of row `r` in column `c`, `width` wide.
    fn cell(&self, r: usize, c: usize, width: f32) -> Rect {
        let row = self.row(r, width);
        let left = self.lefts.get(c).copied().unwrap_or_default();
        Rect::from_min_size(pos2(self.rect.left() + left, row.top()), row.size())
    }
}

/// The panel's colour under a pinned part, so the cells scrolled under it do not show through.
fn paint_background(ui: &Ui, area: Rect) {
    ui.painter().rect_filled(area, 0.0, ui.visuals().panel_fill);
}

/// A label in `area`, aligned left (`Align::Min`) or centred, and wrapped to the area's width
/// or, too long for it, cut with "…" and shown in full on hover.
fn place(
    ui: &mut Ui,
    area: Rect,
    (align, wrap): (Align, bool),
    text: WidgetText,
) -> egui::Response {
    let inner = area.shrink2(vec2(CELL_PADDING, LINE_PADDING));
    let layout = Layout::top_down(align)
        .with_main_align(Align::Center)
        .with_main_justify(true);
    let label = egui::Label::new(text);
    let label = if wrap { label.wrap() } else { label.truncate() };
    ui.scope_builder(UiBuilder::new().max_rect(inner).layout(layout), |ui| {
        ui.add(label)
    })
    .inner
}
