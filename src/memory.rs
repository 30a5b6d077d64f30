//! Peak memory of large reports. A report with many charts is rendered one
//! format after the other instead of side by side; between compiling and
//! exporting the PDF, and between the formats, Typst's memoised results are
//! dropped and the allocator returns free memory to the system; and
//! transparent huge pages are switched off, because the kernel counts every
//! touched 2 MB page as used. For 200 indicators (208 pages) this brings
//! the peak from 478 MB to under 300 MB at the cost of a few hundred
//! milliseconds (bench/RESULTS.md). Small reports keep rendering side by
//! side, which is faster.

/// From this many charts on (about 45 indicators), a report is large.
pub const LARGE_FROM_CHARTS: usize = 60;

/// Whether a report with `charts` charts is rendered memory-lean.
pub fn is_large(charts: usize) -> bool {
    charts >= LARGE_FROM_CHARTS
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

/// From now on, return freed memory to the system almost at once, and map
/// pages 4 KB at a time instead of as transparent huge pages (Linux only).
pub fn lean_allocation() {
    // SAFETY: setting an option only changes how mimalloc purges from now on.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, LEAN_PURGE_DELAY_MS) };
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes plain integers and changes only how
    // the kernel maps this process's future pages; on failure nothing changes.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

/// For `volg`: memory freed after a build stays with the allocator (no
/// purging), so the next rebuild reuses those pages instead of having the
/// kernel map and zero fresh ones, which took 15 % of a rebuild's time. The
/// process then keeps about the peak of one build. A large report still
/// switches to [`lean_allocation`] while it renders.
pub fn steady_allocation() {
    // SAFETY: setting an option only changes how mimalloc purges from now on.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

/// Drop what Typst memoised and hand the allocator's free memory back to
/// the system.
pub fn release() {
    typst::comemo::evict(0);
    // SAFETY: mi_collect only walks mimalloc's own free lists; when
    // mimalloc is not the global allocator (the test binary) it has little
    // or nothing to collect.
    unsafe { libmimalloc_sys::mi_collect(true) };
}

#[cfg(test)]
mod tests {
    /// What the two modes set, read back from mimalloc: lean purges after
    /// 2 ms, steady never.
    #[test]
    fn lean_and_steady_set_the_purge_delay() {
        let get = || {
            // SAFETY: reading an option has no side effect.
            unsafe { libmimalloc_sys::mi_option_get(super::MI_OPTION_PURGE_DELAY) }
        };
        super::lean_allocation();
        assert_eq!(get(), super::LEAN_PURGE_DELAY_MS);
        super::steady_allocation();
        assert_eq!(get(), -1);
        super::lean_allocation();
        assert_eq!(get(), super::LEAN_PURGE_DELAY_MS);
    }
}
