//! The `aijri-desk` program: the window, or a headless command.

use std::process::ExitCode;

use clap::Parser;

use aijri_desk::cli::{self, Cli};

fn main() -> ExitCode {
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(command),
        #[cfg(feature = "gui")]
        None => aijri_desk::app::run(args.paths),
        #[cfg(not(feature = "gui"))]
        None => {
            eprintln!(
                "aijri-desk: built without the window (feature `gui`); use a subcommand, see --help"
            );
            ExitCode::FAILURE
        }
    }
}
