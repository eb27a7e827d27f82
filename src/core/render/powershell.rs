//! Lync Server Management Shell scripts: the configuration script and its rollback, built on one
//! quoting function and one indenting writer, plus the colouring the page shows them with.

mod commands;
mod discovery;
mod frame;
mod highlight;
mod marks;
mod quote;
pub mod rollback;
mod script;
mod writer;

pub use commands::{commands_to_type, TypedCommand, When};
pub use discovery::{discovery, discovery_in};
pub use highlight::{tokens, TokenKind};
pub use quote::quote;
pub use script::{for_download, script};
