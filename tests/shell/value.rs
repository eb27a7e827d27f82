//! Values of the modelled shell: PowerShell's scalars, arrays and hashtables (reference types, as
//! in .NET), the Lync objects the model hands out, and the few host objects the scripts touch.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::rc::Rc;

use super::ast::ScriptBlock;

#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    /// `Object[]` (and the `ArrayList` Import-Clixml gives back): a reference type.
    Array(Rc<RefCell<Vec<Value>>>),
    Hash(Rc<RefCell<Table>>),
    /// `$hash.Keys`: enumerating it while the table changes throws, as .NET does.
    Keys(Rc<RefCell<Table>>),
    Obj(Rc<Obj>),
    /// Seconds on the simulated clock (see `model::Machine::clock`).
    Date(i64),
    Block(Rc<ScriptBlock>),
    Error(Rc<ErrorRecord>),
    /// `$_.Exception` of an error record.
    Exception(Rc<ErrorRecord>),
}

/// A terminating error as the script sees it in `catch`.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorRecord {
    pub message: String,
    /// Where it came from, for the report (e.g. "injected fault", "Set-CsHostingProvider").
    pub origin: String,
}

/// A hashtable. `@{}` compares keys without case; the hashtables Import-Clixml gives back in
/// PowerShell 2.0 compare them with case (the 2.0 deserializer builds `new Hashtable()`; 3.0 and
/// later use `StringComparer.CurrentCultureIgnoreCase`), so a record read back is case-sensitive.
#[derive(Clone, Debug, Default)]
pub struct Table {
    pub entries: Vec<(String, Value)>,
    pub case_sensitive: bool,
    /// Bumped on every change, so an enumeration of `.Keys` can notice.
    pub version: u64,
}

impl Table {
    pub fn find(&self, key: &str) -> Option<usize> {
        self.entries.iter().position(|(k, _)| if self.case_sensitive { k == key } else { k.eq_ignore_ascii_case(key) })
    }

    pub fn get(&self, key: &str) -> Option<&Value> {
        self.find(key).map(|i| &self.entries[i].1)
    }

    pub fn set(&mut self, key: &str, value: Value) {
        self.version += 1;
        match self.find(key) {
            Some(i) => self.entries[i].1 = value,
            None => self.entries.push((key.to_string(), value)),
        }
    }

    pub fn remove(&mut self, key: &str) {
        self.version += 1;
        if let Some(i) = self.find(key) {
            self.entries.remove(i);
        }
    }
}

/// Kinds of object the scripts can hold. The Lync kinds carry only their documented properties
/// (`model::documented`); the host kinds only what the modelled cmdlets give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    HostingProvider,
    AllowedDomain,
    BlockedDomain,
    PushConfiguration,
    AccessEdgeDnsSrvRouting,
    AccessEdgeDefaultRoute,
    McxConfiguration,
    ReplicaState,
    Site,
    TaskOutput,
    EdgeService,
    ExternalAccessPolicy,
    // Host objects.
    /// What `.GetType()` gives: its `Name` and `FullName`.
    RuntimeType,
    PathInfo,
    CommandInfo,
    InvocationInfo,
    InvocationCommand,
    /// `[System.Text.Encoding]::UTF8`: its GetBytes.
    Utf8Encoding,
    /// What `Measure-Object -Sum` returns (GenericMeasureInfo): Count and Sum. Sum is a Double
    /// in PowerShell; the model has no doubles, so the scripts cast it (`[int]`) before any
    /// formatting, as they must for `.ToString('X4')`.
    MeasureInfo,
    /// `[System.Uri]`, for its static EscapeDataString.
    UriType,
}

impl Kind {
    /// The cmdlet (or object) a report names.
    pub fn label(self) -> &'static str {
        match self {
            Kind::HostingProvider => "Get-CsHostingProvider",
            Kind::AllowedDomain => "Get-CsAllowedDomain",
            Kind::BlockedDomain => "Get-CsBlockedDomain",
            Kind::PushConfiguration => "Get-CsPushNotificationConfiguration",
            Kind::AccessEdgeDnsSrvRouting => "Get-CsAccessEdgeConfiguration (DNS SRV routing)",
            Kind::AccessEdgeDefaultRoute => "Get-CsAccessEdgeConfiguration (default route)",
            Kind::McxConfiguration => "Get-CsMcxConfiguration",
            Kind::ReplicaState => "Get-CsManagementStoreReplicationStatus",
            Kind::Site => "Get-CsSite",
            Kind::TaskOutput => "Test-Cs* TaskOutput",
            Kind::EdgeService => "Get-CsService -EdgeServer",
            Kind::ExternalAccessPolicy => "Get-CsExternalAccessPolicy",
            Kind::RuntimeType => "System.Type (.GetType())",
            Kind::PathInfo => "PathInfo (Get-Location)",
            Kind::CommandInfo => "CommandInfo (Get-Command)",
            Kind::InvocationInfo => "$MyInvocation",
            Kind::InvocationCommand => "$MyInvocation.MyCommand",
            Kind::Utf8Encoding => "System.Text.UTF8Encoding",
            Kind::MeasureInfo => "GenericMeasureInfo (Measure-Object)",
            Kind::UriType => "System.Uri (EscapeDataString)",
        }
    }

    pub fn is_lync(self) -> bool {
        !matches!(
            self,
            Kind::RuntimeType | Kind::PathInfo | Kind::CommandInfo | Kind::InvocationInfo | Kind::InvocationCommand | Kind::Utf8Encoding | Kind::MeasureInfo | Kind::UriType
        )
    }
}

#[derive(Clone, Debug)]
pub struct Obj {
    pub kind: Kind,
    pub props: Vec<(&'static str, Value)>,
}

impl Obj {
    pub fn value(kind: Kind, props: Vec<(&'static str, Value)>) -> Value {
        Value::Obj(Rc::new(Obj { kind, props }))
    }

    pub fn prop(&self, name: &str) -> Option<&Value> {
        self.props.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v)
    }
}

impl Value {
    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(s.into())
    }

    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(items)))
    }

    pub fn hash(entries: Vec<(String, Value)>) -> Value {
        Value::Hash(Rc::new(RefCell::new(Table { entries, case_sensitive: false, version: 0 })))
    }

    pub fn opt_str(s: &Option<String>) -> Value {
        s.as_ref().map(|s| Value::Str(s.clone())).unwrap_or(Value::Null)
    }

    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "$null".into(),
            Value::Bool(_) => "Boolean".into(),
            Value::Int(_) => "Int32".into(),
            Value::Str(_) => "String".into(),
            Value::Array(_) => "Object[]".into(),
            Value::Hash(_) => "Hashtable".into(),
            Value::Keys(_) => "KeyCollection".into(),
            Value::Obj(o) => o.kind.label().into(),
            Value::Date(_) => "DateTime".into(),
            Value::Block(_) => "ScriptBlock".into(),
            Value::Error(_) => "ErrorRecord".into(),
            Value::Exception(_) => "Exception".into(),
        }
    }

    /// LanguagePrimitives.IsTrue.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Str(s) => !s.is_empty(),
            Value::Array(a) => {
                let a = a.borrow();
                match a.len() {
                    0 => false,
                    1 => a[0].truthy(),
                    _ => true,
                }
            }
            Value::Keys(t) => !t.borrow().entries.is_empty(),
            Value::Hash(_) | Value::Obj(_) | Value::Date(_) | Value::Block(_) | Value::Error(_) | Value::Exception(_) => true,
        }
    }

    /// The items a pipeline or `foreach` enumerates: arrays unroll, everything else is one item.
    pub fn items(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().clone(),
            Value::Keys(t) => t.borrow().entries.iter().map(|(k, _)| Value::Str(k.clone())).collect(),
            other => vec![other.clone()],
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
}

/// Formats a simulated time as `M/d/yyyy h:mm:ss tt` pieces (invariant culture), or by a .NET
/// custom format of the letters the scripts use.
pub fn format_date(seconds: i64, format: Option<&str>) -> Result<String, String> {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let (hh, mm, ss) = (secs / 3600, (secs / 60) % 60, secs % 60);
    let Some(format) = format else {
        let (h12, tt) = match hh {
            0 => (12, "AM"),
            1..=11 => (hh, "AM"),
            12 => (12, "PM"),
            _ => (hh - 12, "PM"),
        };
        return Ok(format!("{m}/{d}/{y} {h12}:{mm:02}:{ss:02} {tt}"));
    };
    let mut out = String::new();
    let chars: Vec<char> = format.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut run = 1;
        while i + run < chars.len() && chars[i + run] == c {
            run += 1;
        }
        match (c, run) {
            ('y', 4) => write!(out, "{y:04}").unwrap(),
            ('M', 2) => write!(out, "{m:02}").unwrap(),
            ('d', 2) => write!(out, "{d:02}").unwrap(),
            ('H', 2) => write!(out, "{hh:02}").unwrap(),
            ('m', 2) => write!(out, "{mm:02}").unwrap(),
            ('s', 2) => write!(out, "{ss:02}").unwrap(),
            (c, _) if c.is_ascii_alphabetic() => return Err(format!("date format '{format}': '{}' is not modelled", c.to_string().repeat(run))),
            (c, n) => out.push_str(&c.to_string().repeat(n)),
        }
        i += run;
    }
    Ok(out)
}

/// Howard Hinnant's days-to-civil, for the simulated clock.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { y + 1 } else { y }, m, d)
}

/// A deep copy, as Export-Clixml then Import-Clixml gives back: containers and primitives are
/// copied whole (the serializer does not count containers against -Depth), arrays come back as
/// lists, and hashtables come back case-sensitive (PowerShell 2.0). Lync objects are not modelled
/// in a record: the scripts keep plain values.
pub fn clixml_copy(value: &Value) -> Result<Value, String> {
    Ok(match value {
        Value::Null | Value::Bool(_) | Value::Int(_) | Value::Str(_) | Value::Date(_) => value.clone(),
        Value::Array(a) => Value::array(a.borrow().iter().map(clixml_copy).collect::<Result<_, _>>()?),
        Value::Keys(t) => Value::array(t.borrow().entries.iter().map(|(k, _)| Value::Str(k.clone())).collect()),
        Value::Hash(t) => {
            let t = t.borrow();
            let entries = t.entries.iter().map(|(k, v)| Ok((k.clone(), clixml_copy(v)?))).collect::<Result<Vec<_>, String>>()?;
            Value::Hash(Rc::new(RefCell::new(Table { entries, case_sensitive: true, version: 0 })))
        }
        other => return Err(format!("Export-Clixml of a {} is not modelled: keep plain values in the record", other.type_name())),
    })
}

/// Structural equality of two stored values (for the in-memory file system's comparisons).
pub fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::Date(x), Value::Date(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(a, b)| same(a, b))
        }
        (Value::Hash(x), Value::Hash(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.entries.len() == y.entries.len()
                && x.entries.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => false,
    }
}

/// A short rendering of a stored value, for reports.
pub fn show(value: &Value) -> String {
    match value {
        Value::Null => "$null".into(),
        Value::Bool(b) => if *b { "$true" } else { "$false" }.into(),
        Value::Int(i) => i.to_string(),
        Value::Str(s) => format!("'{s}'"),
        Value::Date(d) => format_date(*d, None).unwrap_or_default(),
        Value::Array(a) => format!("@({})", a.borrow().iter().map(show).collect::<Vec<_>>().join(", ")),
        Value::Hash(t) => format!(
            "@{{{}}}",
            t.borrow().entries.iter().map(|(k, v)| format!("{k}={}", show(v))).collect::<Vec<_>>().join("; ")
        ),
        other => other.type_name(),
    }
}
