//! A model of the Lync Server configuration store behind the Management Shell, and of the machine
//! the scripts run on (files, clock, fault injection). Every object carries only the properties
//! Microsoft documents (../shared/reference/lync-objects.md, cited per kind in `objects`); reading
//! any other is recorded as a violation. Cmdlet parameters follow push-facts.md §2.
//!
//! The parts: `deployment` (the store, as plain data) and `diff` (what changed, readably);
//! `machine` (what a run runs on and the record of what it did) and `replication` (when the
//! replicas catch up); `objects` (the documented properties and the objects cmdlets return);
//! `specs` (every command's signature); `cmdlets` (the Lync cmdlets, by family); `files` and
//! `wildcard` (paths and PowerShell's patterns). Each is re-exported here, so `model::Machine`,
//! `model::SPECS` and the rest keep one path.

mod cmdlets;
mod deployment;
mod diff;
mod files;
mod machine;
mod objects;
mod replication;
mod specs;
mod wildcard;

pub use deployment::{
    AccessEdge, AllowedDomain, BlockedDomain, Deployment, Edge, HostingProvider, McxSettings, PushSettings, Routing, Shell, INTERNAL_EDGE_FQDN,
    LYNC_ONLINE, PUSH_DOMAIN,
};
pub use diff::diff;
pub use machine::{Call, Fault, Machine, RECORD_NAME, SCRIPT_FOLDER, START_TIME};
pub use objects::{documented, type_name};
pub use specs::{missing_required, spec, Args, CmdErr, Group, Spec, COMMON, ERROR_ACTIONS, P};
pub use wildcard::wildcard;
// What the model offers that no test names from outside it yet (`../mod.rs` points readers to
// `DOCUMENTED` and `SPECS`): kept at the paths they had.
#[allow(unused_imports)]
pub use {files::has_wildcard, objects::DOCUMENTED, specs::REQUIRED, specs::SPECS};
