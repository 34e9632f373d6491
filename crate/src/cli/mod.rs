//! Command-line interface (design §3): `check`, `check --jsonl`, `rules list`, `rules lint`,
//! `review`,
//! `policy check`, `contract emit`.
//!
//! Exit codes: 0 when the check ran (with or without findings), 2 on bad
//! input (unreadable file, invalid UTF-8, bad JSON line, invalid rule pack,
//! invalid policy, stale generated files),
//! 1 when the output could not be written.

mod check;
mod input;
mod policy_cmd;
mod review;
mod rules_cmd;
mod text;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks social-media drafts against the Bangladesh government's social-media guideline.
#[derive(Debug, Parser)]
#[command(name = "sotorko", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one text, or a batch of JSON lines with --jsonl.
    Check(check::CheckArgs),
    /// List or validate rule packs.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Merge activity exports of many officials into one office report for a quarter.
    Review(review::ReviewArgs),
    /// Validate a policy file as the extension does.
    Policy {
        #[command(subcommand)]
        command: PolicyCommand,
    },
    /// The settings contract: write the files generated from it.
    Contract {
        #[command(subcommand)]
        command: ContractCommand,
    },
}

#[derive(Debug, Subcommand)]
enum PolicyCommand {
    /// Validate a policy (one JSON object of settings, as in the browser's
    /// policy for Sotorko): exit 0 when valid, 2 with every problem listed
    /// by key in Bangla and English otherwise.
    Check {
        /// The policy file (`-` reads standard input).
        file: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum ContractCommand {
    /// Write the JavaScript tables, managed_schema.json and the template
    /// texts generated from the settings contract.
    Emit {
        /// The repository root to write under.
        #[arg(long, value_name = "DIR", default_value = ".")]
        out: PathBuf,
        /// Write nothing; fail (exit 2) when a generated file is out of date.
        #[arg(long)]
        check: bool,
    },
}

#[derive(Debug, Subcommand)]
enum RulesCommand {
    /// List the rules of the default pack (or of --rules FILE).
    List {
        /// Use this rule pack instead of the default.
        #[arg(long, value_name = "FILE")]
        rules: Option<PathBuf>,
    },
    /// Validate a rule pack: format, limits, regexes and every rule's examples.
    /// Several files, or a directory (all its *.toml files in file-name
    /// order, like the default pack), are merged into one pack.
    Lint {
        /// TOML files and/or directories of TOML files (`-` reads standard input).
        #[arg(required = true, num_args = 1..)]
        paths: Vec<PathBuf>,
    },
}

/// The context a text is posted in.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum ContextArg {
    /// An office page or Meta Business Suite.
    Official,
    /// A personal profile.
    Personal,
}

impl From<ContextArg> for sotorko::Context {
    fn from(c: ContextArg) -> Self {
        match c {
            ContextArg::Official => sotorko::Context::Official,
            ContextArg::Personal => sotorko::Context::Personal,
        }
    }
}

/// Output format of `check`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Human-readable.
    Text,
    /// One JSON object: `{ findings, summary }`.
    Json,
}

/// A failure with its exit code and message.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad input: exit code 2.
    #[error("{0}")]
    Input(String),
    /// Writing the output failed: exit code 1.
    #[error("could not write the output: {0}")]
    Output(#[from] std::io::Error),
}

/// Parses the arguments, runs the command and returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Rules { command } => match command {
            RulesCommand::List { rules } => rules_cmd::list(rules.as_deref()),
            RulesCommand::Lint { paths } => rules_cmd::lint(&paths),
        },
        Command::Review(args) => review::run(&args),
        Command::Policy {
            command: PolicyCommand::Check { file },
        } => policy_cmd::check(&file),
        Command::Contract {
            command: ContractCommand::Emit { out, check },
        } => policy_cmd::emit(&out, check),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e @ CliError::Input(_)) => {
            eprintln!("sotorko: {e}");
            ExitCode::from(2)
        }
        Err(e) => {
            eprintln!("sotorko: {e}");
            ExitCode::from(1)
        }
    }
}
