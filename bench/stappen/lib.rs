//! Only a home for the criterion benchmarks in `benches/stappen.rs`: they
//! measure the stages of `techniekpact` (`cargo bench -p techniekpact-bench`).
