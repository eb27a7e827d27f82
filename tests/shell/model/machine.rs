//! The machine a run uses: the store, files, clock, injected faults, and the record of what a run
//! did (calls, property reads, violations). Apart from the cmdlets: this is the state they act on
//! and the bookkeeping every call goes through.

use std::collections::{BTreeMap, BTreeSet};

use super::{documented, CmdErr, Deployment, Group, Shell, Spec};
use crate::shell::value::{clixml_copy, format_date, Kind, Obj, Value};

/// One store-touching call (Get-/Set-/New-/Remove-/Test-Cs*, Import-/Export-Clixml, Rename-Item).
#[derive(Clone, Debug)]
pub struct Call {
    pub number: usize,
    pub name: String,
    pub line: usize,
    /// A Set-/New-/Remove- call: it may change the store.
    pub changes: bool,
    pub faulted: bool,
}

#[derive(Clone, Debug)]
pub struct Machine {
    pub deployment: Deployment,
    /// Files by lower-cased path: (path as written, content as Import-Clixml gives it back).
    pub files: BTreeMap<String, (String, Value)>,
    pub folders: BTreeSet<String>,
    pub unwritable: BTreeSet<String>,
    pub cwd: String,
    /// Seconds since 1970-01-01, simulated.
    pub clock: i64,
    pub last_change: Option<i64>,
    /// The clock when the current run began.
    pub run_started: i64,
    /// Seconds after the last change until every replica is up to date; `None`: never.
    pub replication_delay: Option<i64>,
    /// Seconds after a change before the store creates its update (then the delay above runs).
    /// Until then every replica still reports UpToDate, with the earlier LastUpdateCreation.
    pub replication_start: i64,
    /// When the store created the update before the last change's (LastUpdateCreation until the
    /// last change's is created).
    pub earlier_update: i64,
    /// Test-CsMcxPushNotification throws on failure (Microsoft: it "usually throws").
    pub mcx_test_throws: bool,
    /// The shell reaches the pool through remoting, so objects arrive deserialized and
    /// `.GetType()` gives PSObject: their type no longer tells anything.
    pub deserialized: bool,
    /// The n-th store-touching call (1-based) throws "injected fault" instead of running.
    pub fault_at: Option<usize>,
    /// The faulted call acts first (its write commits) and throws after: a connection lost
    /// after the store took the change.
    pub fault_after_commit: bool,
    /// The faulted call writes an ordinary error rather than throwing.
    pub fault_non_terminating: bool,
    /// The fault of an after-commit call, thrown once the call has acted.
    pub pending_fault: Option<String>,
    pub calls: Vec<Call>,
    /// Each Test-Cs* call and whether it passed: the model's truth, whatever the script reports.
    pub tests: Vec<(String, bool)>,
    /// At each changing call, before it acts: the call and the undo record on disk then.
    pub record_at_change: Vec<(String, Option<Value>)>,
    /// Property reads of Lync objects, by kind and property.
    pub reads: BTreeMap<(Kind, String), usize>,
    /// Reads of undocumented properties.
    pub violations: Vec<String>,
}

pub const SCRIPT_FOLDER: &str = "C:\\LyncPush";
/// The undo record's file name, lower-cased (the store of files is keyed by lower-cased path).
pub const RECORD_NAME: &str = "lyncpushnotifications.undo.xml";

/// An injected fault: the `at`-th store-touching call throws, before it acts or after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fault {
    pub at: usize,
    pub after_commit: bool,
    /// The call fails with an ordinary (non-terminating) error instead, as most cmdlet failures
    /// do: -ErrorAction and $ErrorActionPreference decide whether the script stops.
    pub non_terminating: bool,
}
pub const START_TIME: i64 = 1_773_478_800; // 2026-03-14 09:00:00

impl Machine {
    pub fn new(deployment: Deployment) -> Machine {
        let mut folders = BTreeSet::new();
        folders.insert(SCRIPT_FOLDER.to_ascii_lowercase());
        folders.insert("c:\\users\\admin".into());
        Machine {
            deployment,
            files: BTreeMap::new(),
            folders,
            unwritable: BTreeSet::new(),
            cwd: "C:\\Users\\admin".into(),
            clock: START_TIME,
            last_change: None,
            run_started: START_TIME,
            replication_delay: Some(30),
            replication_start: 0,
            earlier_update: START_TIME - 86_400,
            mcx_test_throws: true,
            deserialized: false,
            fault_at: None,
            fault_after_commit: false,
            fault_non_terminating: false,
            pending_fault: None,
            calls: Vec::new(),
            tests: Vec::new(),
            record_at_change: Vec::new(),
            reads: BTreeMap::new(),
            violations: Vec::new(),
        }
    }

    /// Clears what one run recorded (calls, reads, violations) and the fault, keeping the state.
    pub fn next_run(&mut self, fault_at: Option<usize>) {
        self.next_run_with(fault_at.map(|at| Fault { at, after_commit: false, non_terminating: false }));
    }

    /// As `next_run`, with a fault that may fire after its call has acted.
    pub fn next_run_with(&mut self, fault: Option<Fault>) {
        self.run_started = self.clock;
        self.calls.clear();
        self.reads.clear();
        self.violations.clear();
        self.tests.clear();
        self.record_at_change.clear();
        self.pending_fault = None;
        self.fault_at = fault.map(|f| f.at);
        self.fault_after_commit = fault.is_some_and(|f| f.after_commit);
        self.fault_non_terminating = fault.is_some_and(|f| f.non_terminating);
    }

    /// The undo record on disk, wherever the script keeps it.
    pub fn record(&self) -> Option<(String, Value)> {
        self.files.iter().find(|(key, _)| key.ends_with(RECORD_NAME)).map(|(_, (path, v))| (path.clone(), v.clone()))
    }

    pub fn file(&self, path: &str) -> Option<&Value> {
        self.files.get(&path.to_ascii_lowercase()).map(|(_, v)| v)
    }

    /// Reads a property of an object; undocumented names on Lync objects are violations.
    pub fn read(&mut self, obj: &Obj, name: &str, line: usize) -> Result<Value, String> {
        match obj.prop(name) {
            Some(value) => {
                if obj.kind.is_lync() {
                    let canonical = obj.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(k, _)| *k).unwrap_or("");
                    *self.reads.entry((obj.kind, canonical.to_string())).or_insert(0) += 1;
                }
                Ok(value.clone())
            }
            None if obj.kind.is_lync() => {
                let (props, source) = documented(obj.kind).unwrap_or((&[], "lync-objects.md"));
                // A documented property this object lacks (RoutingMethod on a Lync Server 2010
                // object): PowerShell gives $null, and the script relied on nothing undocumented.
                if props.iter().any(|p| p.eq_ignore_ascii_case(name)) {
                    return Ok(Value::Null);
                }
                self.violations.push(format!(
                    "line {line}: {} objects have no documented property '{name}' ({source}); PowerShell gives $null",
                    obj.kind.label()
                ));
                Ok(Value::Null)
            }
            None => Err(format!("line {line}: property '{name}' of {} is not modelled", obj.kind.label())),
        }
    }

    pub fn available(&self, spec: &Spec) -> bool {
        match (spec.group, &self.deployment.shell) {
            (Group::Builtin, _) => true,
            (Group::Lync, Shell::Lync { .. }) => true,
            (Group::LyncPush, Shell::Lync { push_cmdlets }) => *push_cmdlets,
            (_, Shell::PlainPowerShell) => false,
        }
    }

    /// Counts a store-touching call; the faulted one throws instead of running.
    pub fn touch(&mut self, name: &str, line: usize) -> Result<(), CmdErr> {
        let number = self.calls.len() + 1;
        let changes = ["set-", "new-", "remove-"].iter().any(|v| name.to_ascii_lowercase().starts_with(v)) && name.contains("-Cs");
        let faulted = self.fault_at == Some(number);
        self.calls.push(Call { number, name: name.to_string(), line, changes, faulted });
        if changes {
            let record = self.record().and_then(|(_, v)| clixml_copy(&v).ok());
            self.record_at_change.push((name.to_string(), record));
        }
        if faulted {
            let message = format!("injected fault at store call {number} ({name})");
            if self.fault_non_terminating {
                return Err(CmdErr::Error(message));
            }
            if self.fault_after_commit {
                self.pending_fault = Some(message);
            } else {
                return Err(CmdErr::Terminating(message));
            }
        }
        Ok(())
    }

    pub fn now_text(&self, format: Option<&str>) -> Result<String, String> {
        format_date(self.clock, format)
    }
}
