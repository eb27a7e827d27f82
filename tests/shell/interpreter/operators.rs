//! PowerShell's conversions and operators: a value as text, `+` (text, numbers, arrays,
//! hashtables), arithmetic, `-f`, and the comparisons (`-eq`, `-like`, `-match`, `-contains`,
//! ordering) with their case rules and left-hand arrays that filter. Apart because these
//! conversion rules are one concern, whatever expression or statement uses them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::shell::ast::{BinOp, Cmp};
use crate::shell::model;
use crate::shell::regex;
use crate::shell::value::{format_date, Kind, Value};

use super::{Interp, X};

impl Interp<'_> {
    /// PowerShell's conversion to text.
    pub(super) fn text(&self, v: &Value) -> X<String> {
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

    pub(super) fn add(&mut self, l: Value, r: Value) -> X<Value> {
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

    pub(super) fn arith(&mut self, op: BinOp, l: Value, r: Value) -> X<Value> {
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

    pub(super) fn format(&mut self, l: Value, r: Value) -> X<Value> {
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

    pub(super) fn compare(&mut self, cmp: Cmp, negated: bool, l: Value, r: Value) -> X<Value> {
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
            Cmp::Like => Ok(model::wildcard(&self.text(r)?, &self.text(l)?)),
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
