//! The host cmdlets the scripts call (`Write-*`, `Where-`/`ForEach-`/`Select-Object`, paths,
//! Clixml files, `Get-Date`, `Start-Sleep`, `Get-Command`): what each does once bound. Apart from
//! binding (`commands`) and from the Lync cmdlets, which act on the store in `model`.

use crate::shell::model::{spec, Args, CmdErr, Machine, Spec};
use crate::shell::value::{format_date, Kind, Obj, Value};

use super::{collapse, Interp, X};

impl Interp<'_> {
    pub(super) fn builtin(&mut self, spec: &Spec, args: &mut Args, input: Option<Vec<Value>>, action: &str) -> X<Vec<Value>> {
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
            // Measure-Object -Sum over numbers (about the bytes of a text, here): Count and Sum.
            "Measure-Object" => {
                let items = input.unwrap_or_default();
                if !args.contains_key("Sum") {
                    return self.fail("Measure-Object is modelled with -Sum only");
                }
                let mut sum = 0i64;
                for item in &items {
                    match item {
                        Value::Int(n) => sum += n,
                        other => return self.fail(format!("Measure-Object -Sum over a {}", other.type_name())),
                    }
                }
                Ok(vec![Obj::value(Kind::MeasureInfo, vec![("Count", Value::Int(items.len() as i64)), ("Sum", Value::Int(sum))])])
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
            "Set-StrictMode" => match args.get("Off") {
                Some(Value::Bool(true)) => Ok(Vec::new()),
                _ => self.fail("Set-StrictMode other than -Off is not modelled"),
            },
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
}

fn spec_available(m: &Machine, name: &str) -> Option<&'static str> {
    spec(name).filter(|s| m.available(s)).map(|s| s.name)
}
