//! Runs a lowered script against a `Machine`. PowerShell 2.0 semantics where the generated scripts
//! depend on them: `$ErrorActionPreference = 'Stop'` makes cmdlet errors terminating, comparisons
//! ignore case and filter arrays on the left, `@()` collects, hashtables are references. Where
//! PowerShell 2.0 and 3.0 differ (`.Count` on one object, member enumeration, `foreach` over
//! `$null`, indexing a scalar), the script fails: it must work in both shells.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use super::ast::*;
use super::model::{spec, Args, CmdErr, Group, Machine, Spec, COMMON, P};
use super::regex;
use super::value::{format_date, ErrorRecord, Kind, Obj, Table, Value};

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

    // -----------------------------------------------------------------------------------------
    // Statements
    // -----------------------------------------------------------------------------------------

    fn block(&mut self, block: &Block, out: &mut Vec<Value>) -> X<()> {
        for stmt in block {
            self.stmt(stmt, out)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt, out: &mut Vec<Value>) -> X<()> {
        self.line = stmt.line;
        match &stmt.kind {
            StmtKind::Pipeline(p) => {
                if let (Element::Expr(Expr::Method(target, name, args)), true) = (&p.first, p.rest.is_empty()) {
                    if let Some(v) = self.method(target, name, args)? {
                        out.extend(v.items());
                    }
                    return Ok(());
                }
                let items = self.pipeline(p)?;
                out.extend(items);
                Ok(())
            }
            StmtKind::Assign { target, op, value } => {
                let value = match &value.kind {
                    StmtKind::Pipeline(p) => self.pipeline_value(p)?,
                    _ => return self.fail("chained assignment is not modelled"),
                };
                self.line = stmt.line;
                self.assign(target, *op, value)
            }
            StmtKind::If { branches, otherwise } => {
                for (cond, body) in branches {
                    if self.pipeline_value(cond)?.truthy() {
                        return self.block(body, out);
                    }
                }
                match otherwise {
                    Some(body) => self.block(body, out),
                    None => Ok(()),
                }
            }
            StmtKind::Foreach { var, source, body } => {
                let value = self.pipeline_value(source)?;
                if value.is_null() && matches!(source.first, Element::Expr(_)) && source.rest.is_empty() {
                    return self.fail("foreach over $null runs once in PowerShell 2.0 and not at all in 3.0; wrap the collection in @()");
                }
                let watched = if let Value::Keys(t) = &value { Some((t.clone(), t.borrow().version)) } else { None };
                for item in value.items() {
                    if let Some((t, version)) = &watched {
                        if t.borrow().version != *version {
                            return self.throw("Collection was modified; enumeration operation may not execute.", "foreach over .Keys");
                        }
                    }
                    self.tick()?;
                    self.set_var(var, item)?;
                    match self.block(body, out) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => break,
                        Err(other) => return Err(other),
                    }
                }
                Ok(())
            }
            StmtKind::While { cond, body } => {
                loop {
                    self.tick()?;
                    if !self.pipeline_value(cond)?.truthy() {
                        return Ok(());
                    }
                    match self.block(body, out) {
                        Ok(()) | Err(Flow::Continue) => {}
                        Err(Flow::Break) => return Ok(()),
                        Err(other) => return Err(other),
                    }
                }
            }
            StmtKind::DoLoop { body, cond, until } => loop {
                self.tick()?;
                match self.block(body, out) {
                    Ok(()) | Err(Flow::Continue) => {}
                    Err(Flow::Break) => return Ok(()),
                    Err(other) => return Err(other),
                }
                if self.pipeline_value(cond)?.truthy() == *until {
                    return Ok(());
                }
            },
            StmtKind::Break => Err(Flow::Break),
            StmtKind::Continue => Err(Flow::Continue),
            StmtKind::Return(p) => {
                if let Some(p) = p {
                    let items = self.pipeline(p)?;
                    out.extend(items);
                }
                Err(Flow::Return)
            }
            StmtKind::Exit(p) => {
                let code = match p {
                    Some(p) => match self.pipeline_value(p)? {
                        Value::Int(i) => i,
                        other => return self.fail(format!("exit with a {}", other.type_name())),
                    },
                    None => 0,
                };
                self.scopes[0].insert("lastexitcode".into(), Value::Int(code));
                Err(Flow::Exit(code))
            }
            StmtKind::Throw(p) => {
                let value = match p {
                    Some(p) => self.pipeline_value(p)?,
                    // In a catch block a bare `throw` rethrows the error being handled
                    // (about_Throw; TryCatch.Tests.ps1 "rethrow flow up").
                    None => match self.scopes.iter().rev().find_map(|s| s.get("_")) {
                        Some(Value::Error(e)) => return Err(Flow::Throw(e.clone())),
                        _ => Value::str("ScriptHalted"),
                    },
                };
                match value {
                    Value::Error(e) | Value::Exception(e) => Err(Flow::Throw(e)),
                    other => {
                        let message = self.text(&other)?;
                        self.throw(message, "throw")
                    }
                }
            }
            StmtKind::Try { body, catch, finally } => {
                let mut result = self.block(body, out);
                if let (Err(Flow::Throw(e)), Some(catch)) = (&result, catch) {
                    let old = self.set_local("_", Value::Error(e.clone()));
                    result = self.block(catch, out);
                    self.restore_local("_", old);
                }
                if let Some(finally) = finally {
                    self.block(finally, out)?;
                }
                result
            }
        }
    }

    fn assign(&mut self, target: &Expr, op: AssignOp, value: Value) -> X<()> {
        let combine = |me: &mut Self, old: Value, value: Value| -> X<Value> {
            match op {
                AssignOp::Set => Ok(value),
                AssignOp::Add => me.add(old, value),
                AssignOp::Sub => me.arith(BinOp::Sub, old, value),
            }
        };
        match target {
            Expr::Var(var) => {
                let new = if op == AssignOp::Set { value } else { combine(self, self.get_var(var)?, value)? };
                self.set_var(var, new)
            }
            Expr::Index(base, index) => {
                let base = self.eval(base)?;
                let index = self.eval(index)?;
                match base {
                    Value::Hash(t) => {
                        let key = self.key(&index)?;
                        let old = t.borrow().get(&key).cloned().unwrap_or(Value::Null);
                        let new = combine(self, old, value)?;
                        t.borrow_mut().set(&key, new);
                        Ok(())
                    }
                    Value::Array(a) => {
                        let Value::Int(i) = index else { return self.fail("array index is not an integer") };
                        let len = a.borrow().len() as i64;
                        let i = if i < 0 { len + i } else { i };
                        if i < 0 || i >= len {
                            return self.throw("Index was outside the bounds of the array.", "index");
                        }
                        let old = a.borrow()[i as usize].clone();
                        let new = combine(self, old, value)?;
                        a.borrow_mut()[i as usize] = new;
                        Ok(())
                    }
                    Value::Null => self.throw("Cannot index into a null array.", "index"),
                    other => self.fail(format!("assigning into an index of a {}", other.type_name())),
                }
            }
            Expr::Member(base, name) => match self.eval(base)? {
                Value::Hash(t) => {
                    let old = t.borrow().get(name).cloned().unwrap_or(Value::Null);
                    let new = combine(self, old, value)?;
                    t.borrow_mut().set(name, new);
                    Ok(())
                }
                other => self.fail(format!("setting .{name} on a {} is not modelled", other.type_name())),
            },
            _ => self.fail("this assignment target is not modelled"),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Pipelines and commands
    // -----------------------------------------------------------------------------------------

    fn pipeline(&mut self, p: &Pipeline) -> X<Vec<Value>> {
        let mut items = match &p.first {
            Element::Expr(e) => self.eval(e)?.items(),
            Element::Command(c) => self.command(c, None)?,
        };
        for c in &p.rest {
            items = self.command(c, Some(items))?;
        }
        Ok(items)
    }

    fn pipeline_value(&mut self, p: &Pipeline) -> X<Value> {
        if let (Element::Expr(e), true) = (&p.first, p.rest.is_empty()) {
            return self.eval(e);
        }
        Ok(collapse(self.pipeline(p)?))
    }

    fn command(&mut self, c: &Command, input: Option<Vec<Value>>) -> X<Vec<Value>> {
        self.line = c.line;
        let name = match &c.name {
            CommandName::Invoke(e) => {
                let Value::Block(block) = self.eval(e)? else { return self.fail("& on something other than a script block") };
                if input.is_some() {
                    return self.fail("pipeline input into a script block is not modelled");
                }
                return self.call_block(&block, &c.args);
            }
            CommandName::Name(n) => n.clone(),
        };
        let Some(spec) = spec(&name) else {
            return self.fail(format!("unknown command {name} (not modelled)"));
        };
        if spec.name != name {
            return self.fail(format!("{name} is spelled {} in Microsoft's help", spec.name));
        }
        if !self.m.available(spec) {
            let message = format!(
                "The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
            );
            return self.throw(message, "CommandNotFoundException");
        }
        let (mut args, action) = self.bind(spec, &c.args)?;
        if input.is_some() && !spec.pipeline {
            return self.fail(format!("pipeline input into {name} is not modelled"));
        }
        let action = match action {
            Some(a) => a,
            None => self.error_action()?,
        };
        let missing = super::model::missing_required(spec.name, &args);
        if !missing.is_empty() {
            // PowerShell would prompt for them; a script cannot answer (about_Parameters,
            // "Required"), and a non-interactive shell stops the command instead.
            return self.throw(
                format!("Cannot process command because of one or more missing mandatory parameters: {}.", missing.join(" ")),
                spec.name,
            );
        }
        if matches!(args.get("Confirm"), Some(Value::Bool(true))) {
            // -Confirm asks "Are you sure you want to perform this action?" before the change
            // (the cmdlet pages: "Prompts you for confirmation before executing the command").
            // A script cannot answer; a non-interactive shell fails the prompt.
            return self.throw("Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.", spec.name);
        }
        if spec.counted {
            if let Err(e) = self.m.touch(spec.name, c.line) {
                return self.cmd_error(e, &action, spec.name).map(|_| Vec::new());
            }
        }
        let result = match spec.group {
            Group::Lync | Group::LyncPush => self.m.lync(spec.name, &args),
            Group::Builtin => {
                let done = self.builtin(spec, &mut args, input, &action);
                return self.after_commit_fault(spec.name).and(done);
            }
        };
        let done = match result {
            Ok(items) => Ok(items),
            Err(e) => self.cmd_error(e, &action, spec.name).map(|_| Vec::new()),
        };
        self.after_commit_fault(spec.name).and(done)
    }

    /// The fault of a call that has acted (its write committed): thrown now, whatever it did.
    fn after_commit_fault(&mut self, origin: &str) -> X<()> {
        match self.m.pending_fault.take() {
            Some(message) => self.cmd_error(CmdErr::Terminating(message), "Stop", origin),
            None => Ok(()),
        }
    }

    /// A cmdlet's error, by `-ErrorAction` or `$ErrorActionPreference`.
    fn cmd_error(&mut self, e: CmdErr, action: &str, origin: &str) -> X<()> {
        match e {
            CmdErr::Fail(why) => self.fail(format!("{origin}: {why}")),
            CmdErr::Terminating(msg) => self.throw(msg, origin),
            CmdErr::Error(msg) => match action {
                // PowerShell 2.0 turns the error into an ActionPreferenceStopException, whose
                // message is this prefix and the error's (ActionPreference.Tests.ps1 checks the
                // exception type; PowerShell 3.0 and later hand catch the original error).
                "Stop" => self.throw(
                    format!("Command execution stopped because the preference variable \"ErrorActionPreference\" or common parameter is set to Stop: {msg}"),
                    origin,
                ),
                "SilentlyContinue" => Ok(()),
                _ => {
                    self.say(format!("ERROR: {msg}"));
                    Ok(())
                }
            },
        }
    }

    fn bind(&mut self, spec: &'static Spec, given: &[Arg]) -> X<(Args, Option<String>)> {
        let mut args = Args::new();
        let mut positional = Vec::new();
        let mut action = None;
        let mut i = 0;
        while i < given.len() {
            match &given[i] {
                Arg::Param { name, value } => {
                    let Some(&(pname, kind)) = spec.params.iter().chain(COMMON.iter()).find(|(p, _)| p.eq_ignore_ascii_case(name)) else {
                        return self.fail(format!("{} has no parameter -{name}", spec.name));
                    };
                    if pname != name {
                        return self.fail(format!("-{name}: Microsoft's help spells it -{pname}"));
                    }
                    let raw = match (kind, value) {
                        (P::Switch, None) => Value::Bool(true),
                        (_, Some(e)) => self.eval(e)?,
                        (_, None) => match given.get(i + 1) {
                            Some(Arg::Value(e)) => {
                                i += 1;
                                self.eval(e)?
                            }
                            _ => return self.fail(format!("{} -{pname} needs a value", spec.name)),
                        },
                    };
                    let value = self.coerce(spec, pname, kind, raw)?;
                    if pname == "ErrorAction" {
                        if let Value::Str(a) = &value {
                            action = Some(a.clone());
                        }
                    } else if args.insert(pname, value).is_some() {
                        return self.fail(format!("{} -{pname} given twice", spec.name));
                    }
                }
                Arg::Value(e) => positional.push(e),
            }
            i += 1;
        }
        // Write-Host and Write-Output take all remaining arguments as one list.
        if matches!(spec.name, "Write-Host" | "Write-Output") && positional.len() > 1 {
            let values = positional.iter().map(|e| self.eval(e)).collect::<X<Vec<_>>>()?;
            args.insert(spec.positional[0], Value::array(values));
            return Ok((args, action));
        }
        let free_names: Vec<&'static str> = spec.positional.iter().copied().filter(|p| !args.contains_key(p)).collect();
        let mut free = free_names.into_iter();
        for e in positional {
            let Some(pname) = free.next() else {
                return self.fail(format!("{} takes no more positional arguments", spec.name));
            };
            let kind = spec.params.iter().find(|(p, _)| *p == pname).map(|(_, k)| *k).unwrap_or(P::Any);
            let raw = self.eval(e)?;
            let value = self.coerce(spec, pname, kind, raw)?;
            args.insert(pname, value);
        }
        Ok((args, action))
    }

    /// Checks a parameter value's kind as parameter binding would, converting where PowerShell does.
    fn coerce(&self, spec: &Spec, pname: &str, kind: P, value: Value) -> X<Value> {
        let wrong = |what: &str| -> X<Value> {
            self.fail(format!("{} -{pname} takes {what}; got {}", spec.name, match &value {
                Value::Str(s) => format!("the string '{s}'"),
                other => format!("a {}", other.type_name()),
            }))
        };
        match kind {
            P::Switch => match value {
                Value::Bool(_) => Ok(value),
                _ => wrong("a switch value ($true/$false)"),
            },
            P::Bool => match value {
                Value::Bool(_) => Ok(value),
                Value::Int(i) => Ok(Value::Bool(i != 0)),
                _ => wrong("a Boolean ($True/$False or a number)"),
            },
            P::Str => match value {
                Value::Str(_) => Ok(value),
                Value::Int(i) => Ok(Value::Str(i.to_string())),
                _ => wrong("a string"),
            },
            P::Int => match &value {
                Value::Int(_) => Ok(value),
                Value::Str(s) if s.trim().parse::<i64>().is_ok() => Ok(Value::Int(s.trim().parse().unwrap())),
                _ => wrong("a number"),
            },
            P::Enum(names) => match &value {
                Value::Str(s) => match names.iter().find(|n| n.eq_ignore_ascii_case(s)) {
                    Some(n) => Ok(Value::str(*n)),
                    None => wrong(&format!("one of {}", names.join(", "))),
                },
                _ => wrong(&format!("one of {}", names.join(", "))),
            },
            P::Names => match &value {
                Value::Str(_) => Ok(Value::array(vec![value])),
                Value::Array(a) if a.borrow().iter().all(|v| matches!(v, Value::Str(_))) => Ok(value),
                _ => wrong("a name or names"),
            },
            P::Block => match value {
                Value::Block(_) => Ok(value),
                _ => wrong("a script block (PowerShell 3.0's simplified syntax is not 2.0)"),
            },
            P::Any => Ok(value),
        }
    }

    fn call_block(&mut self, block: &Rc<ScriptBlock>, given: &[Arg]) -> X<Vec<Value>> {
        let mut scope = HashMap::new();
        scope.insert("myinvocation".to_string(), invocation(None));
        let mut positional = Vec::new();
        let mut i = 0;
        while i < given.len() {
            match &given[i] {
                Arg::Param { name, value } => {
                    let Some(p) = block.params.iter().find(|p| p.name.eq_ignore_ascii_case(name)) else {
                        return self.fail(format!("the script block has no parameter -{name}"));
                    };
                    let v = match (p.switch, value) {
                        (true, None) => Value::Bool(true),
                        (_, Some(e)) => self.eval(e)?,
                        (false, None) => match given.get(i + 1) {
                            Some(Arg::Value(e)) => {
                                i += 1;
                                self.eval(e)?
                            }
                            _ => return self.fail(format!("-{name} needs a value")),
                        },
                    };
                    scope.insert(p.name.clone(), v);
                }
                Arg::Value(e) => positional.push(self.eval(e)?),
            }
            i += 1;
        }
        let free_names: Vec<String> = block.params.iter().filter(|p| !p.switch && !scope.contains_key(&p.name)).map(|p| p.name.clone()).collect();
        let mut free = free_names.into_iter();
        for v in positional {
            let Some(name) = free.next() else { return self.fail("too many arguments for the script block") };
            scope.insert(name, v);
        }
        for p in &block.params {
            if !scope.contains_key(&p.name) {
                let v = match (&p.default, p.switch) {
                    (_, true) => Value::Bool(false),
                    (Some(e), false) => self.eval(e)?,
                    (None, false) => Value::Null,
                };
                scope.insert(p.name.clone(), v);
            }
        }
        self.scopes.push(scope);
        let mut out = Vec::new();
        let r = self.block(&block.body, &mut out);
        self.scopes.pop();
        match r {
            Ok(()) | Err(Flow::Return) => Ok(out),
            Err(Flow::Break | Flow::Continue) => self.fail("break/continue outside a loop leaves the whole script"),
            Err(other) => Err(other),
        }
    }

    fn run_with_item(&mut self, block: &ScriptBlock, item: Value) -> X<Vec<Value>> {
        let old = self.set_local("_", item);
        let mut out = Vec::new();
        let r = self.block(&block.body, &mut out);
        self.restore_local("_", old);
        match r {
            Ok(()) => Ok(out),
            Err(Flow::Return) => Ok(out),
            Err(other) => Err(other),
        }
    }

    fn builtin(&mut self, spec: &Spec, args: &mut Args, input: Option<Vec<Value>>, action: &str) -> X<Vec<Value>> {
        let text_arg = |me: &Self, args: &Args, k: &str| -> X<Option<String>> {
            match args.get(k) {
                None => Ok(None),
                Some(v) => me.text(v).map(Some),
            }
        };
        let name = spec.name;
        let err = |me: &mut Self, e: CmdErr| me.cmd_error(e, action, name).map(|_| Vec::new());
        match name {
            "Write-Host" => {
                let sep = text_arg(self, args, "Separator")?.unwrap_or_else(|| " ".into());
                let text = match args.get("Object") {
                    None => String::new(),
                    Some(Value::Array(a)) => {
                        let items = a.borrow().clone();
                        items.iter().map(|v| self.text(v)).collect::<X<Vec<_>>>()?.join(&sep)
                    }
                    Some(v) => self.text(v)?,
                };
                if args.contains_key("NoNewline") {
                    let p = self.pending.take().unwrap_or_default();
                    self.pending = Some(p + &text);
                } else {
                    self.say(text);
                }
                Ok(Vec::new())
            }
            "Write-Warning" => {
                let text = text_arg(self, args, "Message")?.unwrap_or_default();
                // Warnings follow -WarningAction or $WarningPreference; -ErrorAction does not
                // touch them (about_CommonParameters, about_Preference_Variables).
                let warning = match args.get("WarningAction") {
                    Some(Value::Str(a)) => a.clone(),
                    _ => self.preference("warningpreference")?,
                };
                match warning.as_str() {
                    "SilentlyContinue" => {}
                    "Stop" => {
                        self.say(format!("WARNING: {text}"));
                        return self.throw(
                            format!("Command execution stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {text}"),
                            name,
                        );
                    }
                    _ => self.say(format!("WARNING: {text}")),
                }
                Ok(Vec::new())
            }
            "Write-Error" => {
                let text = text_arg(self, args, "Message")?.unwrap_or_default();
                err(self, CmdErr::Error(text))
            }
            "Write-Verbose" => Ok(Vec::new()),
            "Write-Output" => Ok(match (args.get("InputObject"), input) {
                (Some(v), _) => v.items(),
                (None, Some(items)) => items,
                (None, None) => Vec::new(),
            }),
            "Out-Null" => Ok(Vec::new()),
            "Where-Object" | "ForEach-Object" => {
                let key = if name == "Where-Object" { "FilterScript" } else { "Process" };
                let Some(Value::Block(block)) = args.get(key).cloned() else { return self.fail(format!("{name} needs a script block")) };
                let mut out = Vec::new();
                for item in input.unwrap_or_default() {
                    self.tick()?;
                    let produced = self.run_with_item(&block, item.clone())?;
                    if name == "Where-Object" {
                        if collapse(produced).truthy() {
                            out.push(item);
                        }
                    } else {
                        out.extend(produced);
                    }
                }
                Ok(out)
            }
            "Select-Object" => {
                let mut items = input.unwrap_or_default();
                if let Some(Value::Int(n)) = args.get("First") {
                    items.truncate(*n as usize);
                }
                if let Some(Value::Str(p)) = args.get("ExpandProperty").cloned() {
                    let mut out = Vec::new();
                    for item in items {
                        out.push(self.member_value(item, &p)?);
                    }
                    items = out;
                }
                Ok(items)
            }
            "Get-Location" => Ok(vec![Obj::value(Kind::PathInfo, vec![("Path", Value::str(self.m.cwd.clone()))])]),
            "Split-Path" => {
                let path = text_arg(self, args, "Path")?.unwrap_or_default();
                let (folder, leaf) = match path.rfind('\\') {
                    Some(i) => (path[..i].to_string(), path[i + 1..].to_string()),
                    None => (String::new(), path.clone()),
                };
                Ok(vec![Value::Str(if args.contains_key("Leaf") { leaf } else { folder })])
            }
            "Join-Path" => {
                let a = text_arg(self, args, "Path")?.unwrap_or_default();
                let b = text_arg(self, args, "ChildPath")?.unwrap_or_default();
                Ok(vec![Value::Str(format!("{}\\{}", a.trim_end_matches('\\'), b.trim_start_matches('\\')))])
            }
            "Test-Path" => match (text_arg(self, args, "Path")?, text_arg(self, args, "LiteralPath")?) {
                (Some(path), None) => Ok(vec![Value::Bool(self.m.exists_path(&path))]),
                (None, Some(path)) => Ok(vec![Value::Bool(self.m.exists(&path))]),
                _ => self.fail("Test-Path takes one of -Path and -LiteralPath"),
            },
            "Import-Clixml" => {
                let path = text_arg(self, args, "Path")?.unwrap_or_default();
                let path = match self.m.one_item(&path) {
                    Ok(p) => p,
                    Err(e) => return err(self, e),
                };
                match self.m.import(&path) {
                    Ok(v) => Ok(vec![v]),
                    Err(e) => err(self, e),
                }
            }
            "Export-Clixml" => {
                let path = text_arg(self, args, "Path")?.unwrap_or_default();
                let value = match (args.get("InputObject"), input) {
                    (Some(v), _) => v.clone(),
                    (None, Some(items)) => collapse(items),
                    (None, None) => return self.fail("Export-Clixml without input"),
                };
                let path = match self.m.export_target(&path) {
                    Ok(p) => p,
                    Err(e) => return err(self, e),
                };
                match self.m.export(&path, &value) {
                    Ok(()) => Ok(Vec::new()),
                    Err(e) => err(self, e),
                }
            }
            "Rename-Item" => {
                let path = text_arg(self, args, "Path")?.unwrap_or_default();
                let new_name = text_arg(self, args, "NewName")?.unwrap_or_default();
                let path = match self.m.one_item(&path) {
                    Ok(p) => p,
                    Err(e) => return err(self, e),
                };
                match self.m.rename(&path, &new_name) {
                    Ok(()) => Ok(Vec::new()),
                    Err(e) => err(self, e),
                }
            }
            "Remove-Item" => {
                let path = text_arg(self, args, "Path")?.unwrap_or_default();
                let path = match self.m.one_item(&path) {
                    Ok(p) => p,
                    Err(e) => return err(self, e),
                };
                match self.m.remove_file(&path) {
                    Ok(()) => Ok(Vec::new()),
                    Err(e) => err(self, e),
                }
            }
            "Get-Date" => match text_arg(self, args, "Format")? {
                Some(f) => match format_date(self.m.clock, Some(&f)) {
                    Ok(t) => Ok(vec![Value::Str(t)]),
                    Err(why) => self.fail(why),
                },
                None => Ok(vec![Value::Date(self.m.clock)]),
            },
            "Start-Sleep" => {
                let seconds = match (args.get("Seconds"), args.get("Milliseconds")) {
                    (Some(Value::Int(s)), _) => *s,
                    (None, Some(Value::Int(ms))) => (*ms + 999) / 1000,
                    _ => return self.fail("Start-Sleep needs -Seconds or -Milliseconds"),
                };
                self.m.clock += seconds.max(0);
                self.tick()?;
                Ok(Vec::new())
            }
            "Get-Command" => {
                let names = match args.get("Name") {
                    Some(v) => v.items(),
                    None => return self.fail("Get-Command without -Name is not modelled"),
                };
                let mut found = Vec::new();
                for n in names {
                    let n = self.text(&n)?;
                    match spec_available(self.m, &n) {
                        Some(real) => found.push(Obj::value(Kind::CommandInfo, vec![("Name", Value::str(real))])),
                        None => {
                            let message = format!("The term '{n}' is not recognized as the name of a cmdlet, function, script file, or operable program.");
                            self.cmd_error(CmdErr::Error(message), action, "Get-Command")?;
                        }
                    }
                }
                Ok(found)
            }
            other => self.fail(format!("{other} is not modelled")),
        }
    }

    // -----------------------------------------------------------------------------------------
    // Expressions
    // -----------------------------------------------------------------------------------------

    fn eval(&mut self, e: &Expr) -> X<Value> {
        match e {
            Expr::Str(s) | Expr::Bare(s) => Ok(Value::Str(s.clone())),
            Expr::Int(i) => Ok(Value::Int(*i)),
            Expr::Expand(parts) => {
                let mut text = String::new();
                for part in parts {
                    match part {
                        StrPart::Text(t) => text.push_str(t),
                        StrPart::Var(v) => {
                            let value = self.get_var(v)?;
                            text.push_str(&self.text(&value)?);
                        }
                        StrPart::Sub(block) => {
                            let mut out = Vec::new();
                            self.block(block, &mut out)?;
                            text.push_str(&self.text(&collapse(out))?);
                        }
                    }
                }
                Ok(Value::Str(text))
            }
            Expr::Var(v) => self.get_var(v),
            Expr::Member(base, name) => {
                let base = self.eval(base)?;
                self.member_value(base, name)
            }
            Expr::Index(base, index) => {
                let base = self.eval(base)?;
                let index = self.eval(index)?;
                self.index(base, index)
            }
            Expr::Method(target, name, args) => Ok(self.method(target, name, args)?.unwrap_or(Value::Null)),
            Expr::Unary(op, inner) => {
                let v = self.eval(inner)?;
                match op {
                    UnOp::Not => Ok(Value::Bool(!v.truthy())),
                    UnOp::Neg => match v {
                        Value::Int(i) => Ok(Value::Int(-i)),
                        other => self.fail(format!("negating a {}", other.type_name())),
                    },
                    UnOp::Join => {
                        let parts = v.items().iter().map(|x| self.text(x)).collect::<X<Vec<_>>>()?;
                        Ok(Value::Str(parts.concat()))
                    }
                    UnOp::Comma => Ok(Value::array(vec![v])),
                }
            }
            Expr::Binary(op, l, r) => {
                match op {
                    BinOp::And => {
                        let l = self.eval(l)?.truthy();
                        return Ok(Value::Bool(l && self.eval(r)?.truthy()));
                    }
                    BinOp::Or => {
                        let l = self.eval(l)?.truthy();
                        return Ok(Value::Bool(l || self.eval(r)?.truthy()));
                    }
                    _ => {}
                }
                let l = self.eval(l)?;
                let r = self.eval(r)?;
                match op {
                    BinOp::Add => self.add(l, r),
                    BinOp::Sub | BinOp::Mul | BinOp::Div => self.arith(*op, l, r),
                    BinOp::Join => {
                        let sep = self.text(&r)?;
                        let parts = l.items().iter().map(|x| self.text(x)).collect::<X<Vec<_>>>()?;
                        Ok(Value::Str(parts.join(&sep)))
                    }
                    BinOp::Format => self.format(l, r),
                    BinOp::Cmp(cmp, negated) => self.compare(*cmp, *negated, l, r),
                    BinOp::And | BinOp::Or => unreachable!(),
                }
            }
            Expr::Cast(ty, inner) => {
                let v = self.eval(inner)?;
                match ty.as_str() {
                    "bool" => Ok(Value::Bool(v.truthy())),
                    "string" => Ok(Value::Str(self.text(&v)?)),
                    "int" => match &v {
                        Value::Int(_) => Ok(v),
                        Value::Bool(b) => Ok(Value::Int(*b as i64)),
                        Value::Null => Ok(Value::Int(0)),
                        Value::Str(s) => match s.trim().parse::<i64>() {
                            Ok(i) => Ok(Value::Int(i)),
                            Err(_) => self.throw(format!("Cannot convert value \"{s}\" to type \"System.Int32\"."), "cast"),
                        },
                        other => self.fail(format!("[int] of a {}", other.type_name())),
                    },
                    // A code point to its character; a one-character string stands for [char].
                    "char" => match v {
                        Value::Int(i) => match u32::try_from(i).ok().and_then(char::from_u32) {
                            Some(c) => Ok(Value::Str(c.to_string())),
                            None => self.throw(format!("Cannot convert value \"{i}\" to type \"System.Char\"."), "cast"),
                        },
                        other => self.fail(format!("[char] of a {} is not modelled", other.type_name())),
                    },
                    "array" => Ok(match v {
                        Value::Null => Value::array(Vec::new()),
                        Value::Array(_) => v,
                        other => Value::array(other.items()),
                    }),
                    other => self.fail(format!("the cast [{other}]")),
                }
            }
            Expr::List(items) => {
                let values = items.iter().map(|i| self.eval(i)).collect::<X<Vec<_>>>()?;
                Ok(Value::array(values))
            }
            Expr::ArrayOf(block) => {
                let mut out = Vec::new();
                let line = self.line;
                self.block(block, &mut out)?;
                self.line = line;
                Ok(Value::array(out))
            }
            Expr::Sub(block) => {
                let mut out = Vec::new();
                self.block(block, &mut out)?;
                Ok(collapse(out))
            }
            Expr::Paren(stmt) => match &stmt.kind {
                StmtKind::Pipeline(p) => self.pipeline_value(p),
                StmtKind::Assign { .. } => self.fail("an assignment inside parentheses is not modelled"),
                _ => self.fail("this parenthesised statement is not modelled"),
            },
            Expr::Hash(entries) => {
                let mut table = Table::default();
                for (k, v) in entries {
                    let key = self.eval(k)?;
                    let key = self.key(&key)?;
                    if table.find(&key).is_some() {
                        return self.fail(format!("duplicate key '{key}' in a hash literal"));
                    }
                    let value = match &v.kind {
                        StmtKind::Pipeline(p) => self.pipeline_value(p)?,
                        _ => return self.fail("a hash literal value that is not a pipeline"),
                    };
                    table.set(&key, value);
                }
                table.version = 0;
                Ok(Value::Hash(Rc::new(RefCell::new(table))))
            }
            Expr::Block(b) => Ok(Value::Block(b.clone())),
            // The lowering admits only [System.Text.Encoding]::UTF8.
            Expr::Static(..) => Ok(Obj::value(Kind::Utf8Encoding, Vec::new())),
        }
    }

    fn key(&self, v: &Value) -> X<String> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            other => self.fail(format!("a hashtable key that is a {} (only string keys are modelled)", other.type_name())),
        }
    }

    fn member_value(&mut self, base: Value, name: &str) -> X<Value> {
        let lname = name.to_ascii_lowercase();
        match base {
            Value::Obj(o) if lname == "count" || lname == "length" => self.fail(format!(
                "'.{name}' on a single {} object: PowerShell 2.0 has no .Count on one object (3.0 gives 1); use @()",
                o.kind.label()
            )),
            Value::Obj(o) => match self.m.read(&o, name, self.line) {
                Ok(v) => Ok(v),
                Err(why) => Err(Flow::Fail(why)),
            },
            Value::Hash(t) => {
                if let Some(v) = t.borrow().get(name) {
                    return Ok(v.clone());
                }
                match lname.as_str() {
                    "count" => Ok(Value::Int(t.borrow().entries.len() as i64)),
                    "keys" => Ok(Value::Keys(t.clone())),
                    "values" => Ok(Value::array(t.borrow().entries.iter().map(|(_, v)| v.clone()).collect())),
                    _ => Ok(Value::Null),
                }
            }
            Value::Array(a) => match lname.as_str() {
                "count" | "length" => Ok(Value::Int(a.borrow().len() as i64)),
                _ => self.fail(format!(
                    "'.{name}' on an array: member enumeration is PowerShell 3.0; in 2.0 it gives $null"
                )),
            },
            Value::Keys(t) => match lname.as_str() {
                "count" => Ok(Value::Int(t.borrow().entries.len() as i64)),
                _ => self.fail(format!("'.{name}' on a key collection is not modelled")),
            },
            Value::Str(s) => match lname.as_str() {
                "length" => Ok(Value::Int(s.chars().count() as i64)),
                "count" => self.fail("'.Count' on a single string: PowerShell 2.0 has no .Count on one object (3.0 gives 1); use @()"),
                _ => self.fail(format!("'.{name}' of a string is not modelled")),
            },
            Value::Null => match lname.as_str() {
                "count" | "length" => self.fail(format!(
                    "'.{name}' on $null: PowerShell 2.0 gives $null, 3.0 gives 0; use @() so both agree"
                )),
                _ => Ok(Value::Null),
            },
            Value::Error(e) => match lname.as_str() {
                "exception" => Ok(Value::Exception(e)),
                _ => self.fail(format!("'.{name}' of an error record is not modelled")),
            },
            Value::Exception(e) => match lname.as_str() {
                "message" => Ok(Value::Str(e.message.clone())),
                _ => self.fail(format!("'.{name}' of an exception is not modelled")),
            },
            other => match lname.as_str() {
                "count" => self.fail(format!(
                    "'.Count' on a single {}: PowerShell 2.0 has no .Count on one object; use @()",
                    other.type_name()
                )),
                _ => self.fail(format!("'.{name}' of a {} is not modelled", other.type_name())),
            },
        }
    }

    fn index(&mut self, base: Value, index: Value) -> X<Value> {
        match base {
            Value::Hash(t) => {
                let key = self.key(&index)?;
                Ok(t.borrow().get(&key).cloned().unwrap_or(Value::Null))
            }
            Value::Array(a) => match index {
                Value::Int(i) => {
                    let a = a.borrow();
                    let len = a.len() as i64;
                    let i = if i < 0 { len + i } else { i };
                    Ok(if i >= 0 && i < len { a[i as usize].clone() } else { Value::Null })
                }
                other => self.fail(format!("indexing an array with a {}", other.type_name())),
            },
            Value::Str(s) => match index {
                Value::Int(i) if i >= 0 => Ok(s.chars().nth(i as usize).map(|c| Value::Str(c.to_string())).unwrap_or(Value::Null)),
                other => self.fail(format!("indexing a string with a {}", other.type_name())),
            },
            Value::Null => self.throw("Cannot index into a null array.", "index"),
            other => self.fail(format!(
                "indexing a single {}: PowerShell 2.0 cannot (3.0 returns the object for [0]); use @()",
                other.type_name()
            )),
        }
    }

    /// A method call; `None` for methods that return nothing (`Remove`, `Add`, `Clear`).
    fn method(&mut self, target: &Expr, name: &str, args: &[Expr]) -> X<Option<Value>> {
        let base = self.eval(target)?;
        let args = args.iter().map(|a| self.eval(a)).collect::<X<Vec<_>>>()?;
        let lname = name.to_ascii_lowercase();
        let arg_text = |me: &Self, i: usize| -> X<String> {
            match args.get(i) {
                Some(v) => me.text(v),
                None => me.fail(format!(".{name}() needs an argument")),
            }
        };
        match (&base, lname.as_str()) {
            (Value::Null, _) => self.throw("You cannot call a method on a null-valued expression.", "method"),
            (Value::Hash(t), "containskey" | "contains") => {
                let key = self.key(args.first().unwrap_or(&Value::Null))?;
                Ok(Some(Value::Bool(t.borrow().find(&key).is_some())))
            }
            (Value::Hash(t), "remove") => {
                let key = self.key(args.first().unwrap_or(&Value::Null))?;
                t.borrow_mut().remove(&key);
                Ok(None)
            }
            (Value::Hash(t), "add") => {
                let key = self.key(args.first().unwrap_or(&Value::Null))?;
                if t.borrow().find(&key).is_some() {
                    return self.throw(format!("Item has already been added. Key in dictionary: '{key}'"), "Hashtable.Add");
                }
                t.borrow_mut().set(&key, args.get(1).cloned().unwrap_or(Value::Null));
                Ok(None)
            }
            (Value::Hash(t), "clear") => {
                let mut t = t.borrow_mut();
                t.entries.clear();
                t.version += 1;
                Ok(None)
            }
            (Value::Hash(t), "clone") => {
                let copy = t.borrow().clone();
                Ok(Some(Value::Hash(Rc::new(RefCell::new(copy)))))
            }
            (Value::Str(s), "tolower") => Ok(Some(Value::Str(s.to_lowercase()))),
            (Value::Str(s), "toupper") => Ok(Some(Value::Str(s.to_uppercase()))),
            (Value::Str(s), "trim") if args.is_empty() => Ok(Some(Value::Str(s.trim().to_string()))),
            (Value::Str(s), "startswith") => Ok(Some(Value::Bool(s.starts_with(&arg_text(self, 0)?)))),
            (Value::Str(s), "endswith") => Ok(Some(Value::Bool(s.ends_with(&arg_text(self, 0)?)))),
            (Value::Str(s), "contains") => Ok(Some(Value::Bool(s.contains(&arg_text(self, 0)?)))),
            (Value::Str(s), "equals") => Ok(Some(Value::Bool(*s == arg_text(self, 0)?))),
            (Value::Str(s), "replace") => Ok(Some(Value::Str(s.replace(&arg_text(self, 0)?, &arg_text(self, 1)?)))),
            (Value::Str(s), "indexof") => Ok(Some(Value::Int(s.find(&arg_text(self, 0)?).map(|i| i as i64).unwrap_or(-1)))),
            (Value::Str(s), "substring") => {
                let Some(Value::Int(start)) = args.first() else { return self.fail(".Substring() needs a number") };
                let chars: Vec<char> = s.chars().collect();
                let start = *start as usize;
                let len = match args.get(1) {
                    Some(Value::Int(n)) => *n as usize,
                    _ => chars.len().saturating_sub(start),
                };
                if start + len > chars.len() {
                    return self.throw("Index and length must refer to a location within the string.", "Substring");
                }
                Ok(Some(Value::Str(chars[start..start + len].iter().collect())))
            }
            (Value::Str(s), "tostring") => Ok(Some(Value::Str(s.clone()))),
            (Value::Date(d), "addminutes" | "addseconds" | "addhours") => {
                let Some(Value::Int(n)) = args.first() else { return self.fail(format!(".{name}() needs a whole number")) };
                let factor = match lname.as_str() {
                    "addminutes" => 60,
                    "addhours" => 3600,
                    _ => 1,
                };
                Ok(Some(Value::Date(d + n * factor)))
            }
            (Value::Date(d), "tostring") => {
                let f = if args.is_empty() { None } else { Some(arg_text(self, 0)?) };
                match format_date(*d, f.as_deref()) {
                    Ok(t) => Ok(Some(Value::Str(t))),
                    Err(why) => self.fail(why),
                }
            }
            (Value::Error(e), "tostring") => Ok(Some(Value::Str(e.message.clone()))),
            // Int32.ToString() and ToString("X<n>"): upper-case hex, at least n digits (a byte
            // from GetBytes is an Int here, and Byte.ToString("X2") reads the same).
            (Value::Int(i), "tostring") if args.is_empty() => Ok(Some(Value::Str(i.to_string()))),
            (Value::Int(i), "tostring") => {
                let format = arg_text(self, 0)?;
                // "X" alone: as few digits as the value needs.
                match format.strip_prefix('X').and_then(|n| if n.is_empty() { Some(0) } else { n.parse::<usize>().ok() }) {
                    Some(width) if *i >= 0 => Ok(Some(Value::Str(format!("{i:0width$X}")))),
                    _ => self.fail(format!(".ToString('{format}') of {i} is not modelled")),
                }
            }
            // UTF8Encoding.GetBytes(string): the bytes, each an Int.
            (Value::Obj(o), "getbytes") if o.kind == Kind::Utf8Encoding => match args.first() {
                Some(Value::Str(s)) => Ok(Some(Value::array(s.bytes().map(|b| Value::Int(i64::from(b))).collect()))),
                other => self.fail(format!("GetBytes of a {} is not modelled", other.map_or("nothing".into(), |v| v.type_name()))),
            },
            (Value::Obj(o), "gettype") if o.kind.is_lync() => {
                let full = if self.m.deserialized {
                    "System.Management.Automation.PSObject"
                } else {
                    match super::model::type_name(o.kind) {
                        Some(full) => full,
                        None => return self.fail(format!("the type of a {} object is not documented", o.kind.label())),
                    }
                };
                let short = full.rsplit('.').next().unwrap_or(full);
                Ok(Some(Obj::value(Kind::RuntimeType, vec![("Name", Value::str(short)), ("FullName", Value::str(full))])))
            }
            (Value::Obj(o), _) if o.kind.is_lync() => {
                self.fail(format!("calling .{name}() on a {} object is not modelled (undocumented)", o.kind.label()))
            }
            (other, _) => self.fail(format!(".{name}() on a {} is not modelled", other.type_name())),
        }
    }

    /// PowerShell's conversion to text.
    fn text(&self, v: &Value) -> X<String> {
        Ok(match v {
            Value::Null => String::new(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::Str(s) => s.clone(),
            Value::Array(a) => {
                let items = a.borrow().clone();
                items.iter().map(|x| self.text(x)).collect::<X<Vec<_>>>()?.join(" ")
            }
            Value::Keys(t) => t.borrow().entries.iter().map(|(k, _)| k.clone()).collect::<Vec<_>>().join(" "),
            Value::Hash(_) => "System.Collections.Hashtable".into(),
            Value::Date(d) => format_date(*d, Some("MM/dd/yyyy HH:mm:ss")).unwrap_or_default(),
            Value::Error(e) | Value::Exception(e) => e.message.clone(),
            Value::Obj(o) => match (o.kind, o.prop("Path").or(o.prop("Name"))) {
                (Kind::PathInfo | Kind::CommandInfo, Some(Value::Str(s))) => s.clone(),
                _ => return self.fail(format!("the text of a {} object is undocumented; use one of its properties", o.kind.label())),
            },
            Value::Block(_) => return self.fail("the text of a script block is not modelled"),
        })
    }

    fn add(&mut self, l: Value, r: Value) -> X<Value> {
        match (&l, &r) {
            (Value::Null, _) => Ok(match r {
                Value::Array(a) => Value::array(a.borrow().clone()),
                other => other,
            }),
            (Value::Str(s), _) => Ok(Value::Str(format!("{s}{}", self.text(&r)?))),
            (Value::Int(a), Value::Int(b)) => Ok(Value::Int(a + b)),
            (Value::Int(a), Value::Str(s)) if s.trim().parse::<i64>().is_ok() => Ok(Value::Int(a + s.trim().parse::<i64>().unwrap())),
            (Value::Int(_), Value::Null) => Ok(l),
            (Value::Array(_) | Value::Keys(_), _) => {
                let mut items = l.items();
                match r {
                    Value::Array(a) => items.extend(a.borrow().iter().cloned()),
                    other => items.push(other),
                }
                Ok(Value::array(items))
            }
            (Value::Hash(a), Value::Hash(b)) => {
                let mut t = a.borrow().clone();
                for (k, v) in &b.borrow().entries {
                    if t.find(k).is_some() {
                        return self.throw(format!("Item has already been added. Key in dictionary: '{k}'"), "hashtable +");
                    }
                    t.set(k, v.clone());
                }
                Ok(Value::Hash(Rc::new(RefCell::new(t))))
            }
            _ => self.fail(format!("adding a {} to a {}", r.type_name(), l.type_name())),
        }
    }

    fn arith(&mut self, op: BinOp, l: Value, r: Value) -> X<Value> {
        let num = |v: &Value| match v {
            Value::Int(i) => Some(*i),
            Value::Null => Some(0),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        };
        match (num(&l), num(&r)) {
            (Some(a), Some(b)) => match op {
                BinOp::Sub => Ok(Value::Int(a - b)),
                BinOp::Mul => Ok(Value::Int(a * b)),
                BinOp::Div if b != 0 && a % b == 0 => Ok(Value::Int(a / b)),
                _ => self.fail("division with a remainder (a double) is not modelled"),
            },
            _ => self.fail(format!("arithmetic on a {} and a {}", l.type_name(), r.type_name())),
        }
    }

    fn format(&mut self, l: Value, r: Value) -> X<Value> {
        let pattern = self.text(&l)?;
        let args = r.items();
        let mut out = String::new();
        let chars: Vec<char> = pattern.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '{' if chars.get(i + 1) == Some(&'{') => {
                    out.push('{');
                    i += 2;
                }
                '}' if chars.get(i + 1) == Some(&'}') => {
                    out.push('}');
                    i += 2;
                }
                '{' => {
                    let close = chars[i..].iter().position(|c| *c == '}').map(|p| p + i);
                    let Some(close) = close else { return self.throw("Input string was not in a correct format.", "-f") };
                    let inner: String = chars[i + 1..close].iter().collect();
                    let Ok(n) = inner.parse::<usize>() else { return self.fail(format!("the format item {{{inner}}} is not modelled")) };
                    let Some(v) = args.get(n) else {
                        return self.throw("Index (zero based) must be greater than or equal to zero and less than the size of the argument list.", "-f");
                    };
                    out.push_str(&self.text(v)?);
                    i = close + 1;
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(Value::Str(out))
    }

    fn compare(&mut self, cmp: Cmp, negated: bool, l: Value, r: Value) -> X<Value> {
        if cmp == Cmp::Contains {
            let mut hit = false;
            for item in l.items() {
                if self.equal(&item, &r)? {
                    hit = true;
                    break;
                }
            }
            return Ok(Value::Bool(hit != negated));
        }
        match l {
            Value::Array(_) | Value::Keys(_) => {
                let mut kept = Vec::new();
                for item in l.items() {
                    if self.scalar_compare(cmp, &item, &r)? != negated {
                        kept.push(item);
                    }
                }
                Ok(Value::array(kept))
            }
            _ => Ok(Value::Bool(self.scalar_compare(cmp, &l, &r)? != negated)),
        }
    }

    fn scalar_compare(&mut self, cmp: Cmp, l: &Value, r: &Value) -> X<bool> {
        match cmp {
            Cmp::Eq => self.equal(l, r),
            Cmp::Like => Ok(super::model::wildcard(&self.text(r)?, &self.text(l)?)),
            Cmp::Match => match regex::is_match(&self.text(r)?, &self.text(l)?) {
                Ok(b) => Ok(b),
                Err(why) => self.fail(format!("-match: {why}")),
            },
            Cmp::Gt | Cmp::Lt | Cmp::Ge | Cmp::Le => {
                use std::cmp::Ordering;
                let order: Ordering = match (l, r) {
                    (Value::Int(a), Value::Int(b)) => a.cmp(b),
                    (Value::Int(a), Value::Str(s)) if s.trim().parse::<i64>().is_ok() => a.cmp(&s.trim().parse::<i64>().unwrap()),
                    (Value::Date(a), Value::Date(b)) => a.cmp(b),
                    // The right side converted to Boolean; False sorts before True (Parser.Tests.ps1,
                    // "$false -le $true -and $false").
                    (Value::Bool(a), _) => a.cmp(&r.truthy()),
                    (Value::Str(a), _) => a.to_lowercase().cmp(&self.text(r)?.to_lowercase()),
                    (Value::Null, Value::Int(b)) => 0.cmp(b),
                    _ => return self.fail(format!("ordering a {} against a {}", l.type_name(), r.type_name())),
                };
                Ok(match cmp {
                    Cmp::Gt => order == Ordering::Greater,
                    Cmp::Lt => order == Ordering::Less,
                    Cmp::Ge => order != Ordering::Less,
                    _ => order != Ordering::Greater,
                })
            }
            Cmp::Contains => unreachable!(),
        }
    }

    /// `-eq`: the right side is converted to the left side's type; strings ignore case.
    fn equal(&self, l: &Value, r: &Value) -> X<bool> {
        Ok(match (l, r) {
            (Value::Null, _) => r.is_null(),
            (_, Value::Null) => false,
            (Value::Str(a), _) => a.eq_ignore_ascii_case(&self.text(r)?),
            (Value::Bool(a), _) => *a == r.truthy(),
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Int(a), Value::Bool(b)) => *a == *b as i64,
            (Value::Int(a), Value::Str(s)) => s.trim().parse::<i64>().map(|b| *a == b).unwrap_or(false),
            (Value::Date(a), Value::Date(b)) => a == b,
            (Value::Hash(a), Value::Hash(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(a), Value::Obj(b)) => Rc::ptr_eq(a, b),
            (Value::Obj(o), _) if o.kind.is_lync() => {
                return self.fail(format!("comparing a {} object with -eq (its equality is undocumented)", o.kind.label()))
            }
            _ => false,
        })
    }
}

fn spec_available(m: &Machine, name: &str) -> Option<&'static str> {
    spec(name).filter(|s| m.available(s)).map(|s| s.name)
}
