//! Running pipelines and commands: looking a command up in `model::SPECS`, binding its arguments
//! as PowerShell's parameter binder does (names as Microsoft's help spells them, values converted
//! or refused by kind), `-ErrorAction` and injected faults, and invoking script blocks. Apart
//! because this is where a script meets the shell's commands; what each does is in `builtins`
//! (host cmdlets) and the model (Lync cmdlets).

use std::collections::HashMap;
use std::rc::Rc;

use crate::shell::ast::{Arg, Command, CommandName, Element, Pipeline, ScriptBlock};
use crate::shell::model::{self, spec, Args, CmdErr, Group, Spec, COMMON, P};
use crate::shell::value::Value;

use super::{collapse, invocation, Flow, Interp, X};

impl Interp<'_> {
    pub(super) fn pipeline(&mut self, p: &Pipeline) -> X<Vec<Value>> {
        let mut items = match &p.first {
            Element::Expr(e) => self.eval(e)?.items(),
            Element::Command(c) => self.command(c, None)?,
        };
        for c in &p.rest {
            items = self.command(c, Some(items))?;
        }
        Ok(items)
    }

    pub(super) fn pipeline_value(&mut self, p: &Pipeline) -> X<Value> {
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
        let missing = model::missing_required(spec.name, &args);
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
    pub(super) fn cmd_error(&mut self, e: CmdErr, action: &str, origin: &str) -> X<()> {
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

    pub(super) fn run_with_item(&mut self, block: &ScriptBlock, item: Value) -> X<Vec<Value>> {
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
}
