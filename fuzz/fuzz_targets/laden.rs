//! Fuzz target (a): load and validate arbitrary bytes as a data file.
//! Every input must end in a typed report or a Dutch error report: no
//! panic, no hang, bounded memory.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use techniekpact::load::{LoadOptions, load_bytes};

fuzz_target!(|data: &[u8]| {
    let path = Path::new("fuzz.yaml");
    match load_bytes(path, data.to_vec(), LoadOptions::default()) {
        Ok(loaded) => {
            // Valid data must analyse too.
            techniekpact::analysis::analyse(&loaded.data);
        }
        Err(report) => {
            assert!(report.has_errors(), "a failed load reports an error");
            // Rendering the message must not panic either (positions, snippets).
            let _ = report.render(false);
        }
    }
});
