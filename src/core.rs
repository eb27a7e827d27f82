//! The rules core: answers → decision → plan → renderers. No I/O, no browser.

pub mod answers;
pub mod decision;
pub mod discovery;
pub mod facts;
pub mod i18n;
pub mod plan;
pub mod render;
pub mod run_report;
pub mod saved;
pub mod share;
pub mod start;
pub mod text;
pub mod validate;
mod vocabulary;

pub use answers::{Answers, ClientSet, EdgeServer, MobileClient, PoolVersion, ScopeKind};
pub use decision::{decide, Decision, Need, PushService, Route, Verdict};
pub use plan::{plan, wizard_outcome, Action, Host, Outcome, Plan, Role, Step};
pub use facts::RULES_VERSION;
pub use validate::{Field, FieldError, Problem};
