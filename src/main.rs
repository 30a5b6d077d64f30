//! Entry point of the `techniekpact` command.

fn main() -> std::process::ExitCode {
    techniekpact::cli::main()
}
