//! The Lync cmdlets: `Machine::lync` hands each to its family by noun (hosting providers and
//! domains; push and mobility settings; the Access Edge, topology and policies; replication status
//! and the tests), and this part holds the argument, selection and not-found rules the families
//! share.

mod edge;
mod federation;
mod push;
mod status;

use super::{wildcard, Args, CmdErr, Machine};
use crate::shell::value::Value;

impl Machine {
    /// Runs a Lync cmdlet (already bound, counted and checked for availability): the family of its
    /// noun does.
    pub fn lync(&mut self, name: &str, args: &Args) -> Result<Vec<Value>, CmdErr> {
        match name.split_once('-').map_or(name, |(_, noun)| noun) {
            "CsHostingProvider" | "CsAllowedDomain" | "CsBlockedDomain" => self.federation_cmdlet(name, args),
            "CsPushNotificationConfiguration" | "CsMcxConfiguration" => self.push_cmdlet(name, args),
            "CsAccessEdgeConfiguration" | "CsService" | "CsSite" | "CsExternalAccessPolicy" => self.edge_cmdlet(name, args),
            "CsManagementStoreReplicationStatus" | "CsFederatedPartner" | "CsMcxPushNotification" => self.status_cmdlet(name, args),
            _ => Err(CmdErr::Fail(format!("{name} is not modelled"))),
        }
    }
}

/// A string argument; one of another kind reads as "".
fn text_arg(args: &Args, k: &str) -> Option<String> {
    args.get(k).map(|v| if let Value::Str(s) = v { s.clone() } else { String::new() })
}

/// A Boolean argument: `$true`, or a number other than 0.
fn bool_arg(args: &Args, k: &str) -> Option<bool> {
    args.get(k).map(|v| matches!(v, Value::Bool(true)) || matches!(v, Value::Int(i) if *i != 0))
}

/// The selection every Get-Cs* cmdlet makes: `-Identity` (exactly one, or a not-found error),
/// `-Filter` (a wildcard over identities), or everything. `items` pairs each identity with its
/// output object.
fn select(items: Vec<(String, Value)>, identity: Option<String>, filter: Option<String>, what: &str) -> Result<Vec<Value>, CmdErr> {
    match (identity, filter) {
        (Some(id), _) => {
            let found: Vec<Value> = items.into_iter().filter(|(i, _)| i.eq_ignore_ascii_case(&id)).map(|(_, v)| v).collect();
            if found.is_empty() {
                return Err(not_found(what, &id));
            }
            Ok(found)
        }
        (None, Some(filter)) => Ok(items.into_iter().filter(|(i, _)| wildcard(&filter, i)).map(|(_, v)| v).collect()),
        (None, None) => Ok(items.into_iter().map(|(_, v)| v).collect()),
    }
}

/// Removes the one item whose identity is `id`, or fails as the Remove-Cs* cmdlets do.
fn remove_one<T>(items: &mut Vec<T>, identity: impl Fn(&T) -> &String, id: &str, what: &str) -> Result<(), CmdErr> {
    let before = items.len();
    items.retain(|item| !identity(item).eq_ignore_ascii_case(id));
    if items.len() == before {
        return Err(not_found(what, id));
    }
    Ok(())
}

fn not_found(what: &str, id: &str) -> CmdErr {
    CmdErr::Error(format!("Cannot get {what} \"{id}\": it was not found."))
}
