//! Stage timings for profiling a run: with `TECHNIEKPACT_TIJDEN=1` in the
//! environment, every marked step prints to stderr how many milliseconds
//! after the start of the process it ended, and on which thread. Without
//! the variable a mark costs one atomic load.

use std::sync::LazyLock;
use std::time::Instant;

static START: LazyLock<Instant> = LazyLock::new(Instant::now);
static ENABLED: LazyLock<bool> =
    LazyLock::new(|| std::env::var_os("TECHNIEKPACT_TIJDEN").is_some_and(|v| !v.is_empty()));

/// Start the clock (call first thing in `main`).
pub fn start() {
    LazyLock::force(&START);
    LazyLock::force(&ENABLED);
}

/// Print that `step` ended now, when timings are on.
pub fn mark(step: &str) {
    if *ENABLED {
        let thread = std::thread::current();
        let name = thread.name().unwrap_or("?");
        eprintln!(
            "[tijd] {:>7.1} ms  {step}  ({name})",
            START.elapsed().as_secs_f64() * 1000.0
        );
    }
}
