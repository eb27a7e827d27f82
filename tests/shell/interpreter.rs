//! Runs a lowered script against a `Machine`. PowerShell 2.0 semantics where the generated scripts
//! depend on them: `$ErrorActionPreference = 'Stop'` makes cmdlet errors terminating, comparisons
//! ignore case and filter arrays on the left, `@()` collects, hashtables are references. Where
//! PowerShell 2.0 and 3.0 differ (`.Count` on one object, member enumeration, `foreach` over
//! `$null`, indexing a scalar), the script fails: it must work in both shells.
//!
//! This part holds a run: its options and result, the interpreter's state, and variables and
//! preference variables. Statements, pipelines and commands, the host cmdlets, expressions,
//! members and methods, and operators each have a part below.

mod builtins;
mod commands;
mod expressions;
mod members;
mod operators;
mod statements;

use std::collections::HashMap;
use std::rc::Rc;

use super::ast::{Script, Var, VarScope};
use super::model::Machine;
use super::value::{ErrorRecord, Kind, Obj, Value};

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// `$MyInvocation.MyCommand.Path`: the script file, or `None` when pasted into the shell.
    pub script_path: Option<String>,
    /// Switches given to the script's own `param()`, e.g. `Force`.
    pub switches: Vec<String>,
}

#[derive(Clone, Debug, Default)]
pub struct RunResult {
    /// Host output, one entry per line: `Write-Host` text, `WARNING: ...`, `ERROR: ...`.
    pub output: Vec<String>,
    /// `$global:LASTEXITCODE` after the run (or the `exit` code).
    pub exit_code: Option<i64>,
    /// The script ran `exit`: run as a file that ends the process with its code; pasted into
    /// a console it would close the administrator's shell.
    pub exited: bool,
    /// A terminating error nothing caught.
    pub uncaught: Option<String>,
    /// The run left the modelled subset: unsupported construct, unknown command or parameter,
    /// wrong kind of value, a PowerShell 2.0/3.0 difference. Always a test failure.
    pub failure: Option<String>,
    pub calls: Vec<super::model::Call>,
    pub violations: Vec<String>,
}

impl RunResult {
    pub fn text(&self) -> String {
        self.output.join("\n")
    }

    /// Set-/New-/Remove-Cs* calls made (whether or not they changed a value).
    pub fn changing_calls(&self) -> Vec<&super::model::Call> {
        self.calls.iter().filter(|c| c.changes).collect()
    }
}

enum Flow {
    Break,
    Continue,
    Return,
    Throw(Rc<ErrorRecord>),
    Exit(i64),
    Fail(String),
}

type X<T> = Result<T, Flow>;

struct Interp<'m> {
    m: &'m mut Machine,
    scopes: Vec<HashMap<String, Value>>,
    output: Vec<String>,
    pending: Option<String>,
    line: usize,
    steps: u64,
}

const MAX_STEPS: u64 = 200_000;
const MAX_WAIT: i64 = 2 * 86_400;

pub fn run(script: &Script, machine: &mut Machine, options: &RunOptions) -> RunResult {
    let mut it = Interp { m: machine, scopes: vec![HashMap::new(), HashMap::new()], output: Vec::new(), pending: None, line: 1, steps: 0 };
    it.scopes[0].insert("erroractionpreference".into(), Value::str("Continue"));
    it.scopes[0].insert("myinvocation".into(), invocation(options.script_path.clone()));
    let mut result = RunResult::default();
    let flow = it.start(script, options);
    if let Some(p) = it.pending.take() {
        it.output.push(p);
    }
    match flow {
        Ok(()) | Err(Flow::Return) => {}
        Err(Flow::Throw(e)) => result.uncaught = Some(e.message.clone()),
        Err(Flow::Exit(code)) => {
            result.exit_code = Some(code);
            result.exited = true;
        }
        Err(Flow::Fail(why)) => result.failure = Some(why),
        Err(Flow::Break | Flow::Continue) => result.failure = Some("break/continue outside a loop".into()),
    }
    if result.exit_code.is_none() {
        result.exit_code = match it.scopes[0].get("lastexitcode") {
            Some(Value::Int(i)) => Some(*i),
            Some(other) => {
                result.failure.get_or_insert(format!("$LASTEXITCODE holds a {}", other.type_name()));
                None
            }
            None => None,
        };
    }
    result.output = std::mem::take(&mut it.output);
    result.calls = it.m.calls.clone();
    result.violations = it.m.violations.clone();
    result
}

fn invocation(path: Option<String>) -> Value {
    let command = Obj::value(Kind::InvocationCommand, vec![("Path", path.map(Value::Str).unwrap_or(Value::Null))]);
    Obj::value(Kind::InvocationInfo, vec![("MyCommand", command)])
}

fn collapse(mut items: Vec<Value>) -> Value {
    match items.len() {
        0 => Value::Null,
        1 => items.pop().unwrap(),
        _ => Value::array(items),
    }
}

impl<'m> Interp<'m> {
    fn fail<T>(&self, why: impl std::fmt::Display) -> X<T> {
        Err(Flow::Fail(format!("line {}: {why}", self.line)))
    }

    fn throw<T>(&self, message: impl Into<String>, origin: &str) -> X<T> {
        Err(Flow::Throw(Rc::new(ErrorRecord { message: message.into(), origin: origin.into() })))
    }

    fn say(&mut self, line: String) {
        match self.pending.take() {
            Some(p) => self.output.push(p + &line),
            None => self.output.push(line),
        }
    }

    fn start(&mut self, script: &Script, options: &RunOptions) -> X<()> {
        for given in &options.switches {
            if !script.params.iter().any(|p| p.switch && p.name.eq_ignore_ascii_case(given)) {
                return self.fail(format!("the script has no switch -{given}"));
            }
        }
        for p in &script.params {
            let value = if p.switch {
                Value::Bool(options.switches.iter().any(|s| s.eq_ignore_ascii_case(&p.name)))
            } else {
                match &p.default {
                    Some(e) => self.eval(e)?,
                    None => Value::Null,
                }
            };
            self.scopes[1].insert(p.name.clone(), value);
        }
        let mut out = Vec::new();
        let r = self.block(&script.body, &mut out);
        for item in out {
            let text = self.display(&item);
            self.say(text);
        }
        r
    }

    fn display(&self, v: &Value) -> String {
        match v {
            Value::Obj(o) => format!("[{}]", o.kind.label()),
            other => self.text(other).unwrap_or_else(|_| other.type_name()),
        }
    }

    fn tick(&mut self) -> X<()> {
        self.steps += 1;
        if self.steps > MAX_STEPS {
            return self.fail("more than 200000 loop steps: a loop that does not end");
        }
        if self.m.clock > super::model::START_TIME + MAX_WAIT * 10 {
            return self.fail("the simulated clock ran on for days: a wait that does not end");
        }
        Ok(())
    }

    // -----------------------------------------------------------------------------------------
    // Variables
    // -----------------------------------------------------------------------------------------

    fn get_var(&self, var: &Var) -> X<Value> {
        match var.name.as_str() {
            "true" => return Ok(Value::Bool(true)),
            "false" => return Ok(Value::Bool(false)),
            "null" => return Ok(Value::Null),
            _ => {}
        }
        let found = match var.scope {
            VarScope::Global => self.scopes[0].get(&var.name),
            VarScope::Script => self.scopes[1].get(&var.name),
            VarScope::Local => self.scopes.last().unwrap().get(&var.name),
            VarScope::Any => self.scopes.iter().rev().find_map(|s| s.get(&var.name)),
        };
        match found {
            Some(v) => Ok(v.clone()),
            None => self.fail(format!("{} is read before it is set (PowerShell would give $null; that hides typos)", var.text)),
        }
    }

    fn set_var(&mut self, var: &Var, value: Value) -> X<()> {
        if matches!(var.name.as_str(), "true" | "false" | "null" | "_" | "myinvocation") {
            return self.fail(format!("cannot assign to {}", var.text));
        }
        let scope = match var.scope {
            VarScope::Global => 0,
            VarScope::Script => 1,
            VarScope::Local | VarScope::Any => self.scopes.len() - 1,
        };
        self.scopes[scope].insert(var.name.clone(), value);
        Ok(())
    }

    fn set_local(&mut self, name: &str, value: Value) -> Option<Value> {
        self.scopes.last_mut().unwrap().insert(name.to_string(), value)
    }

    fn restore_local(&mut self, name: &str, old: Option<Value>) {
        let scope = self.scopes.last_mut().unwrap();
        match old {
            Some(v) => scope.insert(name.to_string(), v),
            None => scope.remove(name),
        };
    }

    fn error_action(&self) -> X<String> {
        self.preference("erroractionpreference")
    }

    /// `$ErrorActionPreference` / `$WarningPreference`: an ActionPreference, named without case;
    /// `Continue` when unset (about_Preference_Variables).
    fn preference(&self, variable: &str) -> X<String> {
        match self.scopes.iter().rev().find_map(|s| s.get(variable)) {
            None => Ok("Continue".into()),
            Some(Value::Str(s)) => match super::model::ERROR_ACTIONS.iter().find(|a| a.eq_ignore_ascii_case(s)) {
                Some(a) => Ok(a.to_string()),
                None => self.fail(format!("${variable} = '{s}' is not a modelled preference")),
            },
            Some(other) => self.fail(format!("${variable} holds a {}", other.type_name())),
        }
    }
}
