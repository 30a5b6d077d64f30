//! The national overview (`techniekpact landelijk`): one report of a
//! verslagjaar over the five landsdelen, from their own data files. Its
//! file `LANDELIJK.yaml` ([`model`]), read and checked with the
//! landsdelen's files ([`load`]); the report is composed by the second
//! composer of [`crate::document::compose`] and drawn by the same
//! renderers.

pub mod load;
pub mod model;
