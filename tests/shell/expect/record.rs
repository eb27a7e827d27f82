//! The undo record: what the rollback reads, read back from what Import-Clixml returns, and what
//! a configuration run must leave in it (and on disk before each change).

use std::collections::BTreeMap;

use lync_push_wizard::core::Answers;

use super::super::model::{Deployment, LYNC_ONLINE, PUSH_DOMAIN};
use super::super::value::Value;
use super::need;

/// One scope's entry in the undo record. For settings that existed: the values before and which
/// switches the script turned on (`Some(true)`, else `$null`); for settings the script created:
/// the switch values it created them with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PushEntry {
    pub existed: bool,
    pub apple_before: Option<bool>,
    pub microsoft_before: Option<bool>,
    pub apple_set: Option<bool>,
    pub microsoft_set: Option<bool>,
}

/// The undo record as the rollback reads it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    pub push: BTreeMap<String, PushEntry>,
    pub created_provider: Option<String>,
    pub created_allowed: Option<String>,
    pub federation_before: Option<bool>,
    /// `ChangeStart`: the clock when the last run that changed something was about to make its
    /// first change (the replication wait compares LastUpdateCreation with it).
    pub change_start: Option<i64>,
}

fn flag(v: Option<&Value>, key: &str) -> Result<Option<bool>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(format!("{key} holds a {}, not a Boolean", other.type_name())),
    }
}

fn text(v: Option<&Value>, key: &str) -> Result<Option<String>, String> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("{key} holds a {}, not a string", other.type_name())),
    }
}

/// Reads a record as Import-Clixml gives it back; any key the rollback does not know is an error.
pub fn read_record(value: &Value) -> Result<Record, String> {
    let Value::Hash(table) = value else { return Err(format!("the record is a {}, not a hashtable", value.type_name())) };
    let table = table.borrow();
    let mut record = Record::default();
    for (key, v) in &table.entries {
        match key.as_str() {
            "PushSettings" => {
                let Value::Hash(scopes) = v else { return Err("PushSettings is not a hashtable".into()) };
                for (identity, entry) in &scopes.borrow().entries {
                    let Value::Hash(e) = entry else { return Err(format!("PushSettings[{identity}] is not a hashtable")) };
                    let e = e.borrow();
                    for (k, _) in &e.entries {
                        if !["Existed", "AppleBefore", "MicrosoftBefore", "AppleSet", "MicrosoftSet"].contains(&k.as_str()) {
                            return Err(format!("PushSettings[{identity}] has an unknown key {k}"));
                        }
                    }
                    let existed = flag(e.get("Existed"), "Existed")?.ok_or_else(|| format!("PushSettings[{identity}] lacks Existed"))?;
                    record.push.insert(
                        identity.clone(),
                        PushEntry {
                            existed,
                            apple_before: flag(e.get("AppleBefore"), "AppleBefore")?,
                            microsoft_before: flag(e.get("MicrosoftBefore"), "MicrosoftBefore")?,
                            apple_set: flag(e.get("AppleSet"), "AppleSet")?,
                            microsoft_set: flag(e.get("MicrosoftSet"), "MicrosoftSet")?,
                        },
                    );
                }
            }
            "CreatedHostingProvider" => record.created_provider = text(Some(v), key)?,
            "CreatedAllowedDomain" => record.created_allowed = text(Some(v), key)?,
            "AllowFederatedUsersBefore" => record.federation_before = flag(Some(v), key)?,
            // The time before the last changing run's first change, for the replication wait.
            "ChangeStart" => match v {
                Value::Date(at) => record.change_start = Some(*at),
                other => return Err(format!("ChangeStart holds a {}, not a date", other.type_name())),
            },
            other => return Err(format!("unknown key {other}")),
        }
    }
    Ok(record)
}

/// The record after a completed configuration run that started on `before` at `run_started`
/// with the record `earlier` (from earlier runs): each entry keeps the first value it recorded,
/// and `ChangeStart` is this run's start when it changes anything (nothing sleeps before the
/// first change), else the earlier run's.
pub fn expected_record(earlier: Option<&Record>, answers: &Answers, before: &Deployment, run_started: i64) -> Record {
    let n = need(answers);
    let mut record = earlier.cloned().unwrap_or_default();
    let mut changes = false;
    if n.hosting_provider {
        if before.provider_for(LYNC_ONLINE).is_none() {
            record.created_provider = Some(n.identity.to_string());
            changes = true;
        }
        if !before.is_allowed(PUSH_DOMAIN) {
            record.created_allowed = Some(PUSH_DOMAIN.to_string());
            changes = true;
        }
    }
    let global = before.push_settings("Global").unwrap();
    match before.push_settings(&n.scope) {
        None => {
            changes = true;
            record.push.insert(
                n.scope.clone(),
                PushEntry {
                    existed: false,
                    apple_before: None,
                    microsoft_before: None,
                    apple_set: Some(n.apns || global.apple),
                    microsoft_set: Some(n.mpns || global.microsoft),
                },
            );
        }
        Some(current) => {
            let turn_on_apple = n.apns && !current.apple;
            let turn_on_microsoft = n.mpns && !current.microsoft;
            if turn_on_apple || turn_on_microsoft {
                changes = true;
                let entry = record.push.entry(n.scope.clone()).or_insert(PushEntry {
                    existed: true,
                    apple_before: Some(current.apple),
                    microsoft_before: Some(current.microsoft),
                    apple_set: None,
                    microsoft_set: None,
                });
                if turn_on_apple {
                    entry.apple_set = Some(true);
                }
                if turn_on_microsoft {
                    entry.microsoft_set = Some(true);
                }
            }
        }
    }
    if !before.access_edge.allow_federated_users {
        changes = true;
        if record.federation_before.is_none() {
            record.federation_before = Some(false);
        }
    }
    if changes {
        record.change_start = Some(run_started);
    }
    record
}

/// Which part of the record must already be on disk when a changing call acts, and equal to
/// what the run's record holds in the end for it.
pub fn record_part_for(call: &str, scope: &str, record: &Record) -> Result<String, String> {
    // Every change also needs this run's ChangeStart on disk before it: a stop right after it
    // leaves a record whose re-run must still wait for the update it made.
    entry_part_for(call, scope, record).map(|part| format!("{part}; ChangeStart {:?}", record.change_start))
}

fn entry_part_for(call: &str, scope: &str, record: &Record) -> Result<String, String> {
    match call {
        "New-CsHostingProvider" => Ok(format!("CreatedHostingProvider {:?}", record.created_provider)),
        "New-CsAllowedDomain" => Ok(format!("CreatedAllowedDomain {:?}", record.created_allowed)),
        "Set-CsPushNotificationConfiguration" | "New-CsPushNotificationConfiguration" => {
            Ok(format!("PushSettings[{scope}] {:?}", record.push.iter().find(|(k, _)| k.eq_ignore_ascii_case(scope)).map(|(_, e)| e)))
        }
        "Set-CsAccessEdgeConfiguration" => Ok(format!("AllowFederatedUsersBefore {:?}", record.federation_before)),
        other => Err(format!("{other} changes something no record entry describes")),
    }
}
