//! Evaluating expressions: literals, expandable strings, variables, unary and binary operators,
//! casts, lists, `@()`, `$()`, parentheses, hash literals and script blocks. Apart from what the
//! operators and members do (`operators`, `members`), so that this part reads as one walk over
//! the tree.

use std::cell::RefCell;
use std::rc::Rc;

use crate::shell::ast::{BinOp, Expr, StmtKind, StrPart, UnOp};
use crate::shell::value::{Kind, Obj, Table, Value};

use super::{collapse, Interp, X};

impl Interp<'_> {
    pub(super) fn eval(&mut self, e: &Expr) -> X<Value> {
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
            // The lowering admits only [System.Text.Encoding]::UTF8 and [System.Uri]'s static method.
            Expr::Static(ty, _) if ty == "system.uri" => Ok(Obj::value(Kind::UriType, Vec::new())),
            Expr::Static(..) => Ok(Obj::value(Kind::Utf8Encoding, Vec::new())),
        }
    }

    pub(super) fn key(&self, v: &Value) -> X<String> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            other => self.fail(format!("a hashtable key that is a {} (only string keys are modelled)", other.type_name())),
        }
    }
}
