//! What a value offers: properties (`.Name`, `.Count`), indexes (`$a[0]`, `$h['k']`) and methods
//! (`.ContainsKey()`, `.Substring()`, `.GetType()`). Apart because PowerShell 2.0 and 3.0 differ
//! most here (`.Count` on one object, member enumeration, indexing a scalar), and because reads
//! of Lync objects' properties go through the model, which records them.

use std::cell::RefCell;
use std::rc::Rc;

use crate::shell::ast::Expr;
use crate::shell::model;
use crate::shell::value::{format_date, Kind, Obj, Value};

use super::{Flow, Interp, X};

impl Interp<'_> {
    pub(super) fn member_value(&mut self, base: Value, name: &str) -> X<Value> {
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

    pub(super) fn index(&mut self, base: Value, index: Value) -> X<Value> {
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
    pub(super) fn method(&mut self, target: &Expr, name: &str, args: &[Expr]) -> X<Option<Value>> {
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
            // Uri.EscapeDataString: every UTF-8 byte but RFC 3986's unreserved characters as %XX,
            // upper-case (.NET Framework 4.5 and later; 2.0-4.0 also leave ! * ' ( ) as they are,
            // which the run report's reader accepts too).
            (Value::Obj(o), "escapedatastring") if o.kind == Kind::UriType => {
                let text = arg_text(self, 0)?;
                let mut out = String::new();
                for byte in text.bytes() {
                    if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
                        out.push(char::from(byte));
                    } else {
                        out.push_str(&format!("%{byte:02X}"));
                    }
                }
                Ok(Some(Value::Str(out)))
            }
            (Value::Obj(o), "gettype") if o.kind.is_lync() => {
                let full = if self.m.deserialized {
                    "System.Management.Automation.PSObject"
                } else {
                    match model::type_name(o.kind) {
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

}
