//! Running statements: blocks, control flow (`if`, the loops, `break`/`continue`/`return`/
//! `exit`/`throw`, `try`/`catch`/`finally`) and assignment, `+=` and `-=` included, into
//! variables, hashtable entries and array slots. Apart because control flow travels as `Flow`,
//! which statements (and the script-block calls that end one) alone handle.

use crate::shell::ast::{AssignOp, BinOp, Block, Element, Expr, Stmt, StmtKind};
use crate::shell::value::Value;

use super::{Flow, Interp, X};

impl Interp<'_> {
    pub(super) fn block(&mut self, block: &Block, out: &mut Vec<Value>) -> X<()> {
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
}
