//! Entry point of the `techniekpact` command.

/// mimalloc instead of the system allocator: Typst's layout allocates many
/// small objects, and this alone makes a whole run measurably faster
/// (bench/RESULTS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    techniekpact::timings::start();
    techniekpact::cli::main()
}
