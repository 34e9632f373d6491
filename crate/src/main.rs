//! The `sotorko` command: checks texts against the guideline and validates rule packs.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
