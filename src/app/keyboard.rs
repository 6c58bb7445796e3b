//! The keyboard all the way: the scheme as data (Help → Keyboard shortcuts and the README's table
//! are made from it), the focus ring, and the small pieces of focus handling the views share.
//!
//! egui moves focus with Tab and Shift+Tab in the order controls are drawn, presses a focused
//! button with Space or Enter, and closes menus and modals with Escape. What it lacks, this adds:
//! a ring around the focused control that is clearly visible in both themes (shown once the
//! keyboard is used, as browsers do with `:focus-visible`), a way to put focus on the first
//! control of a view ([`focus_next_control`]), and arrow keys that a view handles itself
//! instead of moving focus ([`take_key`]).

use egui::{Color32, Context, FocusDirection, Id, Key, Modifiers, Rect, Stroke, Ui};

use super::{Tab, View};

/// One shortcut: the keys and what they do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The keys as the user presses them: "Ctrl+Shift+S", "Alt+↑ / Alt+↓".
    pub keys: String,
    /// What they do, and where.
    pub does: String,
}

/// The shortcuts of one kind of work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The group's heading.
    pub title: &'static str,
    /// Its shortcuts.
    pub bindings: Vec<Binding>,
}

fn binding(keys: impl Into<String>, does: impl Into<String>) -> Binding {
    Binding {
        keys: keys.into(),
        does: does.into(),
    }
}

/// The whole keyboard scheme, as Help shows it and the README lists it. Tabs and views are named
/// as the window names them, in their order.
#[must_use]
pub fn scheme() -> Vec<Group> {
    let last_tab = Tab::ALL.len();
    let tabs = Tab::ALL
        .iter()
        .map(|t| t.label())
        .collect::<Vec<_>>()
        .join(", ");
    let views = View::ALL
        .iter()
        .map(|v| v.label())
        .collect::<Vec<_>>()
        .join(", ");
    vec![
        Group {
            title: "Files",
            bindings: vec![
                binding("Ctrl+N", "New assessment"),
                binding("Ctrl+O", "Open files"),
                binding("Ctrl+S", "Save the selected role"),
                binding("Ctrl+Shift+S", "Save the selected role as…"),
                binding("Ctrl+D", "Duplicate the selected role into a new file"),
            ],
        },
        Group {
            title: "Editing",
            bindings: vec![
                binding(
                    "Ctrl+Z",
                    "Undo (the role, the comparison in Compare, the framework variant in its editor)",
                ),
                binding("Ctrl+Shift+Z", "Redo"),
                binding("← / →", "Lower or raise the focused score by one step"),
                binding(
                    "Delete",
                    "Remove the focused task (focus on its number, score, impact or ⋯)",
                ),
                binding("Alt+↑ / Alt+↓", "Move the focused task up or down"),
                binding("Ctrl+,", "Preferences"),
            ],
        },
        Group {
            title: "The role list",
            bindings: vec![
                binding("Ctrl+F", "Search roles by title, seniority or tag"),
                binding(
                    "↑ / ↓",
                    "Select the role above or below (also from the search field)",
                ),
                binding(
                    "Page Up / Page Down",
                    "Select the role a page up or down (also from the search field)",
                ),
                binding(
                    "Home / End",
                    "Select the first or the last role (in the list)",
                ),
                binding(
                    "Enter",
                    "From the search field: go to the list; from the list: go to the editor",
                ),
                binding(
                    "Space",
                    "Tick the selected role for comparison, or untick it (in the list)",
                ),
            ],
        },
        Group {
            title: "Views and tabs",
            bindings: vec![
                binding(
                    format!("Ctrl+1 … Ctrl+{last_tab}"),
                    format!(
                        "Open the editor's tabs in order ({tabs}), focus on their first control"
                    ),
                ),
                binding(
                    format!("Alt+1 … Alt+{}", View::ALL.len()),
                    format!("Open the views in menu order ({views})"),
                ),
                binding("F1", "Help"),
            ],
        },
        Group {
            title: "Moving around",
            bindings: vec![
                binding(
                    "Tab / Shift+Tab",
                    "The next or the previous control, in reading order",
                ),
                binding(
                    "Space or Enter",
                    "Press the focused button, tick box or menu",
                ),
                binding("Escape", "Close a menu, dialog or question (as Cancel)"),
            ],
        },
    ]
}

/// Takes a key press meant for the caller (a list moving its selection, a score stepping): the
/// press is removed from this frame's input, and egui does not also move focus with it.
pub fn take_key(ctx: &Context, modifiers: Modifiers, key: Key) -> bool {
    let taken = ctx.input_mut(|i| i.consume_key(modifiers, key));
    if taken {
        ctx.memory_mut(|m| m.move_focus(FocusDirection::None));
    }
    taken
}

/// Puts keyboard focus on the first control drawn after this point, as Tab would: a view's first
/// control when a shortcut opens it.
pub fn focus_next_control(ui: &mut Ui, salt: &str) {
    let anchor = ui.scope_id().with(("focus anchor", salt));
    ui.memory_mut(|m| {
        m.request_focus(anchor);
        m.move_focus(FocusDirection::Next);
    });
    // A focusable point with nothing to show, drawn only this frame: Tab's "next" is what follows.
    let at = Rect::from_min_size(ui.cursor().min, egui::Vec2::ZERO);
    ui.interact(at, anchor, egui::Sense::FOCUSABLE);
}

/// Where the window's keyboard state is kept between frames.
fn state_id() -> Id {
    Id::unique("aijri keyboard state")
}

/// What this module keeps between frames: whether the keyboard was used last (the ring shows),
/// and the ring drawn this frame.
#[derive(Debug, Clone, Copy, Default)]
struct KeyboardState {
    keyboard_used: bool,
    ring: Option<Rect>,
}

/// Notes whether the user works with the keyboard (a key pressed) or the pointer (a button
/// pressed) this frame: the focus ring shows only after the keyboard, as in browsers.
pub fn track_input(ctx: &Context) {
    let (key, pointer) = ctx.input(|i| {
        let key = i
            .events
            .iter()
            .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
        let pointer = i.events.iter().any(|e| {
            matches!(
                e,
                egui::Event::PointerButton { pressed: true, .. } | egui::Event::Touch { .. }
            )
        });
        (key, pointer)
    });
    if key || pointer {
        ctx.data_mut(|d| {
            let state = d.get_temp_mut_or_default::<KeyboardState>(state_id());
            state.keyboard_used = key && !pointer;
        });
    }
}

/// The ring's colour: a strong blue in the light theme, a light one in the dark theme, each
/// clearly apart from the panel behind it and from the zone colours.
#[must_use]
pub fn ring_colour(dark_mode: bool) -> Color32 {
    if dark_mode {
        Color32::from_rgb(0x8A, 0xB4, 0xF8)
    } else {
        Color32::from_rgb(0x0B, 0x57, 0xD0)
    }
}

/// The ring's width, in points.
pub const RING_WIDTH: f32 = 2.5;

/// Draws a ring around the focused control, above everything, once the keyboard was used: a
/// wide stroke in the ring colour with a thin one in the panel's colour inside it, so it shows on
/// any fill (a selected button, a text field, a zone chip).
pub fn draw_focus_ring(ctx: &Context) {
    let keyboard_used = ctx.data(|d| {
        d.get_temp::<KeyboardState>(state_id())
            .is_some_and(|s| s.keyboard_used)
    });
    let focused = ctx
        .memory(egui::Memory::focused)
        .and_then(|id| ctx.read_response(id))
        .map(|r| r.interact_rect)
        .filter(|r| r.is_positive() && r.is_finite());
    let ring = focused
        .filter(|_| keyboard_used)
        .map(|rect| rect.expand(3.0));
    if let Some(ring) = ring {
        let dark = ctx.global_style().visuals.dark_mode;
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Tooltip,
            Id::unique("aijri focus ring"),
        ));
        let panel = ctx.global_style().visuals.panel_fill;
        painter.rect_stroke(
            ring,
            4.0,
            Stroke::new(RING_WIDTH, ring_colour(dark)),
            egui::StrokeKind::Outside,
        );
        painter.rect_stroke(ring, 4.0, Stroke::new(1.0, panel), egui::StrokeKind::Inside);
    }
    ctx.data_mut(|d| d.get_temp_mut_or_default::<KeyboardState>(state_id()).ring = ring);
}

/// The rectangle the focus ring was drawn around this frame (its inner edge), if one was.
#[must_use]
pub fn focus_ring_drawn(ctx: &Context) -> Option<Rect> {
    ctx.data(|d| d.get_temp::<KeyboardState>(state_id()).and_then(|s| s.ring))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The README's table of shortcuts lists the scheme Help shows, row for row.
    #[test]
    fn the_readme_lists_every_shortcut_of_the_scheme() {
        let readme = include_str!("../../README.md");
        for group in scheme() {
            for b in group.bindings {
                let row = format!("| {} | {} |", b.keys, b.does);
                assert!(readme.contains(&row), "README.md lacks the row: {row}");
            }
        }
    }
}
