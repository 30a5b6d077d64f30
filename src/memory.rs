//! Peak memory of large reports. A report with many charts is rendered one
//! format after the other instead of side by side; between compiling and
//! exporting the PDF, and between the formats, Typst's memoised results are
//! dropped and the allocator returns free memory to the system. A run with
//! such a report sets the allocator up for it once, before anything is
//! rendered ([`set_up`]): free memory is returned at once and transparent
//! huge pages are off, because the kernel counts every touched 2 MB page as
//! used. For 200 indicators (208 pages) this brings the peak from 478 MB to
//! under 300 MB at the cost of a few hundred milliseconds
//! (bench/RESULTS.md). Small reports keep rendering side by side with the
//! allocator's defaults, which is faster.

/// From this many charts on (about 45 indicators), a report is large.
pub const LARGE_FROM_CHARTS: usize = 60;

/// How a report is rendered, decided here once from its size and read by
/// the pipeline (formats side by side or one after the other), the run
/// (the allocator) and the PDF renderer (Typst's caches kept or dropped).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// Rendered fast: formats side by side, Typst's caches warm.
    Ordinary,
    /// Rendered with the peak memory low.
    Large,
}

impl Scale {
    /// The scale of a report with `charts` charts.
    pub fn of(charts: usize) -> Scale {
        if charts >= LARGE_FROM_CHARTS {
            Scale::Large
        } else {
            Scale::Ordinary
        }
    }

    /// Whether the formats may be rendered side by side; a large report
    /// renders one after the other, memory released in between
    /// ([`release`]), so that the peaks of Typst and of the DOCX do not add
    /// up.
    pub fn side_by_side(self) -> bool {
        self == Scale::Ordinary
    }

    /// Whether the PDF may keep Typst's memoised layout for the next
    /// build; a large report drops it once laid out.
    pub fn keeps_layout(self) -> bool {
        self == Scale::Ordinary
    }

    /// How the allocator runs for a run with reports of these scales.
    pub fn allocation(scales: impl IntoIterator<Item = Scale>) -> Allocation {
        if scales.into_iter().any(|s| s == Scale::Large) {
            Allocation::Lean
        } else {
            Allocation::Default
        }
    }
}

/// mimalloc's option `purge_delay` (milliseconds before freed memory is
/// returned to the system; 1000 by default in mimalloc v3). Its number is
/// the same in mimalloc v2 and v3, whose option numbers stay fixed (retired
/// options keep their place as `deprecated_*`); `libmimalloc-sys` names only
/// older ones.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Purge delay of a large report: with the default of 1 s the peak at 200
/// indicators stayed at 353 MB; 0 to 10 ms gave 292 to 296 MB, and 2 ms was
/// the fastest of those (median 2,63 s against 2,80 s at 0 ms).
const LEAN_PURGE_DELAY_MS: std::ffi::c_long = 2;

/// How the allocator runs, chosen once per process before anything is
/// rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allocation {
    /// mimalloc's defaults: the fastest for reports of ordinary size
    /// (switching huge pages off made the example 10 % slower).
    Default,
    /// A run with a large report: freed memory goes back to the system
    /// almost at once, and pages are mapped 4 KB at a time instead of as
    /// transparent huge pages (Linux), which the kernel counts as used
    /// when one byte of them is.
    Lean,
    /// `volg`: memory freed after a build stays with the allocator (no
    /// purging), so the next rebuild reuses those pages instead of having
    /// the kernel map and zero fresh ones, which took 15 % of a rebuild's
    /// time. The process then keeps about the peak of one build.
    Steady,
}

/// Set the allocator up for this process. Only the first call counts: the
/// setting never changes while reports are being rendered. Returns whether
/// this call was the first.
pub fn set_up(allocation: Allocation) -> bool {
    static CHOSEN: std::sync::OnceLock<Allocation> = std::sync::OnceLock::new();
    let mut first = false;
    CHOSEN.get_or_init(|| {
        first = true;
        apply(allocation);
        allocation
    });
    first
}

fn apply(allocation: Allocation) {
    match allocation {
        Allocation::Default => {}
        Allocation::Lean => {
            // SAFETY: setting an option only changes how mimalloc purges from now on.
            unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, LEAN_PURGE_DELAY_MS) };
            #[cfg(target_os = "linux")]
            // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only how
            // the kernel maps this process's future pages; on failure nothing changes.
            unsafe {
                libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
            }
        }
        Allocation::Steady => {
            // SAFETY: setting an option only changes how mimalloc purges from now on.
            unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
        }
    }
}

/// Drop what Typst memoised and hand the allocator's free memory back to
/// the system. Typst's memo is process-wide: in a batch the other reports
/// then recompute what they need, which costs time, never correctness.
pub fn release() {
    typst::comemo::evict(0);
    // SAFETY: mi_collect only walks mimalloc's own free lists; when
    // mimalloc is not the global allocator (the test binary) it has little
    // or nothing to collect.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn purge_delay() -> std::ffi::c_long {
        // SAFETY: reading an option has no side effect.
        unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) }
    }

    /// What each mode sets, read back from mimalloc, and that only the
    /// first choice of a process counts.
    #[test]
    fn the_first_choice_sets_the_purge_delay_and_stays() {
        let before = purge_delay();
        apply(Allocation::Default);
        assert_eq!(purge_delay(), before);
        apply(Allocation::Steady);
        assert_eq!(purge_delay(), -1);
        apply(Allocation::Lean);
        assert_eq!(purge_delay(), LEAN_PURGE_DELAY_MS);
        assert!(set_up(Allocation::Steady));
        assert_eq!(purge_delay(), -1);
        assert!(!set_up(Allocation::Lean), "a second choice is refused");
        assert_eq!(purge_delay(), -1);
    }
}
