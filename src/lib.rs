//! Push-notification wizard for Lync Server 2013.
//!
//! `core` decides and renders and is plain Rust; `ui` (wasm32 only) shows and edits answers.
//! See ARCHITECTURE.md for the layers and what must stay true between them.

pub mod core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
