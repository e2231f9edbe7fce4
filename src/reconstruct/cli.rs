//! The `reconstruct` and `check` subcommands of the native CLI.

/// Runs subcommand `cmd` (`reconstruct` or `check`) with its arguments; returns what to print.
pub fn run(cmd: &str, _args: &[String]) -> Result<String, String> {
    Err(format!("`{cmd}` is not implemented yet"))
}
