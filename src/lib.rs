//! AIJRI Desk: build, edit and compare AIJRI (AI Job Resistance Index) assessments of job roles.
//!
//! Layers, from the bottom: [`model`] (the assessment file, serde), [`framework`] (the method's
//! constants as data), [`scoring`] (pure figures), [`sensitivity`] (what-if), [`validate`]
//! (findings), [`adjust`] (adjusted variants and what each change does), [`library`] (folders,
//! files, atomic save), [`comparison`] (saved comparisons), [`pathways`] (where to look next,
//! resolved in a library), [`fmt`] (the one way a figure becomes text), [`report`] (figures as
//! text), [`client_report`] (the PDF for a client, typeset by typst), [`cli`] (headless commands)
//! and `app` (the egui window, the only module that uses egui).

pub mod adjust;
#[cfg(feature = "gui")]
pub mod app;
pub mod chart_layout;
pub mod cli;
pub mod client_report;
pub mod comparison;
pub mod export;
pub mod fmt;
pub mod framework;
pub mod library;
pub mod model;
pub mod pathways;
pub mod report;
pub mod scoring;
pub mod sensitivity;
pub mod settings;
pub mod text_format;
pub mod validate;
