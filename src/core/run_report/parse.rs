//! The last run in a text, read from its marks: a console paste, a transcript with its header,
//! CRLF or CR line ends, lines a console or a transcript wrapped. Anything that is not a whole,
//! unchanged run is a `Problem` naming its line; nothing the text says is trusted before it is
//! checked, and the work is linear in the text, read only up to `discovery::MAX_TEXT_BYTES`.

use crate::core::discovery::{is_safe, physical_lines, shown, MAX_TEXT_BYTES};
use crate::core::i18n::{fill, ReportStrings};

use super::{
    check as checksum, Event, Item, ItemKind, Kind, Replication, Run, Skip, StepRun, Tag, TestRun, Warning, ANY_VERSION, FORMAT_VERSION, MARK_END, MAX_MARK_LINES,
    PREFIX,
};

/// Why a text gives no run; every kind but the first two names the line (1-based).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Problem {
    TooLarge { bytes: usize },
    NoRun,
    /// Marks, but none that begins a run: the paste starts after the run's first line.
    NoBegin { line: usize },
    Version { line: usize, found: String },
    /// A mark whose closing `~` never comes: cut short.
    Unclosed { line: usize },
    /// A character no mark holds: markup, or an editor's addition.
    Characters { line: usize },
    Encoding { line: usize },
    Mark { line: usize, tag: String },
    /// A mark out of its place: a step out of order, anything after the stop or the end.
    Order { line: usize },
    Count { line: usize, said: usize, found: usize },
    Check { line: usize },
    Value { line: usize, value: String },
}

impl Problem {
    pub fn line(&self) -> Option<usize> {
        match self {
            Problem::TooLarge { .. } | Problem::NoRun => None,
            Problem::NoBegin { line }
            | Problem::Version { line, .. }
            | Problem::Unclosed { line }
            | Problem::Characters { line }
            | Problem::Encoding { line }
            | Problem::Mark { line, .. }
            | Problem::Order { line }
            | Problem::Count { line, .. }
            | Problem::Check { line }
            | Problem::Value { line, .. } => Some(*line),
        }
    }

    pub fn message(&self, t: &ReportStrings) -> String {
        let n = |line: &usize| line.to_string();
        match self {
            Problem::TooLarge { bytes } => fill(t.problem_too_large, &[&bytes.to_string(), &MAX_TEXT_BYTES.to_string()]),
            Problem::NoRun => t.problem_no_run.to_string(),
            Problem::NoBegin { line } => fill(t.problem_no_begin, &[&n(line)]),
            Problem::Version { line, found } => fill(t.problem_version, &[&n(line), found, &FORMAT_VERSION.to_string()]),
            Problem::Unclosed { line } => fill(t.problem_unclosed, &[&n(line)]),
            Problem::Characters { line } => fill(t.problem_characters, &[&n(line)]),
            Problem::Encoding { line } => fill(t.problem_encoding, &[&n(line)]),
            Problem::Mark { line, tag } => fill(t.problem_mark, &[&n(line), tag]),
            Problem::Order { line } => fill(t.problem_order, &[&n(line)]),
            Problem::Count { line, said, found } => fill(t.problem_count, &[&n(line), &said.to_string(), &found.to_string()]),
            Problem::Check { line } => fill(t.problem_check, &[&n(line)]),
            Problem::Value { line, value } => fill(t.problem_value, &[&n(line), value]),
        }
    }
}

/// A mark as the script wrote it (its wrapped lines joined), with its first line.
struct Mark {
    line: usize,
    text: String,
}

/// A decoded mark.
struct Fields {
    line: usize,
    tag: Tag,
    values: Vec<String>,
}

/// Reads the last run in `text`.
pub fn parse(text: &str) -> Result<Run, Problem> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Problem::TooLarge { bytes: text.len() });
    }
    let marks = marks(text)?;
    let begins: Vec<usize> = marks.iter().enumerate().filter(|(_, mark)| is_begin(&mark.text)).map(|(index, _)| index).collect();
    let Some(&last) = begins.last() else {
        return Err(marks.first().map_or(Problem::NoRun, |mark| Problem::NoBegin { line: mark.line }));
    };
    let run = &marks[last..];
    let end = run.iter().position(|mark| mark.text.starts_with(&format!("{PREFIX}{}|", Tag::End.token())));
    if let Some(end) = end {
        if let Some(after) = run.get(end + 1) {
            return Err(Problem::Order { line: after.line });
        }
        let fields = decode_mark(&run[end])?;
        let said = number(&fields.values[1], fields.line)?;
        if said != end {
            return Err(Problem::Count { line: fields.line, said, found: end });
        }
        let check = u32::from_str_radix(&fields.values[2], 16).ok().filter(|_| fields.values[2].len() == 8);
        if check != Some(checksum(run[..end].iter().map(|mark| mark.text.as_str()))) {
            return Err(Problem::Check { line: fields.line });
        }
    }
    let decoded = run.iter().map(decode_mark).collect::<Result<Vec<_>, _>>()?;
    walk(decoded, begins.len() - 1)
}

fn is_begin(text: &str) -> bool {
    text.starts_with(&format!("{PREFIX}{}|", Tag::Begin.token()))
}

/// Every mark in the text, in order, wrapped lines joined; a mark of another version is refused.
fn marks(text: &str) -> Result<Vec<Mark>, Problem> {
    let lines = physical_lines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let mut marks = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        let (number, line) = lines[index];
        index += 1;
        let Some(version) = line.strip_prefix(ANY_VERSION).and_then(|rest| rest.split_once('|')).map(|(version, _)| version) else {
            continue;
        };
        if version.is_empty() || !version.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !line.starts_with(PREFIX) {
            return Err(Problem::Version { line: number, found: shown(version) });
        }
        let mut text = line.to_string();
        let mut taken = 1;
        while !text.ends_with(MARK_END) {
            let Some(&(_, next)) = lines.get(index).filter(|_| taken < MAX_MARK_LINES) else {
                return Err(Problem::Unclosed { line: number });
            };
            // A line a console or a transcript wrapped, or the script split: the rest of the mark.
            if next.is_empty() || !next.bytes().all(mark_byte) || next.starts_with(ANY_VERSION) {
                return Err(Problem::Unclosed { line: number });
            }
            text.push_str(next);
            index += 1;
            taken += 1;
        }
        let body = &text[PREFIX.len()..text.len() - MARK_END.len_utf8()];
        if !body.bytes().all(|b| field_byte(b) || b == b'%' || b == b'|') {
            return Err(Problem::Characters { line: number });
        }
        marks.push(Mark { line: number, text });
    }
    Ok(marks)
}

fn mark_byte(byte: u8) -> bool {
    field_byte(byte) || matches!(byte, b'%' | b'|' | b'~')
}

/// A byte a field holds as itself: the discovery block's safe set, `~` aside, and the marks
/// .NET Framework 2.0 to 4.0's EscapeDataString leaves as they are (RFC 2396: ! * ' ( )).
fn field_byte(byte: u8) -> bool {
    is_safe(byte) || matches!(byte, b'!' | b'*' | b'\'' | b'(' | b')')
}

/// Percent-decoding of one field, and its UTF-8.
fn decode(field: &str) -> Option<String> {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'%' => {
                let hex = field.get(index + 1..index + 3).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()))?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                index += 3;
            }
            byte if field_byte(byte) => {
                out.push(byte);
                index += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}

fn decode_mark(mark: &Mark) -> Result<Fields, Problem> {
    let line = mark.line;
    let body = &mark.text[PREFIX.len()..mark.text.len() - MARK_END.len_utf8()];
    let mut parts = body.split('|');
    let token = parts.next().unwrap_or_default();
    let tag = Tag::from_token(token).ok_or_else(|| Problem::Mark { line, tag: shown(token) })?;
    let values = parts.map(|part| decode(part).ok_or(Problem::Encoding { line })).collect::<Result<Vec<_>, _>>()?;
    if values.len() != tag.fields() {
        return Err(Problem::Mark { line, tag: shown(token) });
    }
    Ok(Fields { line, tag, values })
}

/// The marks of one run in order: `begin`, the pre-flight's, each step's, `end`.
fn walk(marks: Vec<Fields>, earlier_runs: usize) -> Result<Run, Problem> {
    let mut marks = marks.into_iter();
    let Some(begin) = marks.next() else { return Err(Problem::NoRun) };
    let kind = match begin.values[0].as_str() {
        "configure" => Kind::Configure,
        "rollback" => Kind::Rollback,
        other => return Err(Problem::Value { line: begin.line, value: shown(other) }),
    };
    let mut run = Run {
        kind,
        rules: begin.values[1].clone(),
        fragment: begin.values[2].clone(),
        force: flag(&begin.values[3], begin.line)?,
        steps: vec![StepRun { number: 0, line: begin.line, events: Vec::new() }],
        exit_code: None,
        earlier_runs,
        line: begin.line,
    };
    let mut stopped = false;
    for fields in marks {
        let line = fields.line;
        if stopped && fields.tag != Tag::End {
            return Err(Problem::Order { line });
        }
        let v = &fields.values;
        let event = match fields.tag {
            Tag::Begin => return Err(Problem::Order { line }),
            Tag::Step => {
                let number = number(&v[0], line)?;
                let last = run.steps.last().map_or(0, |step| step.number);
                // The configuration script runs its steps in order; the rollback undoes them last first.
                let in_order = match kind {
                    Kind::Configure => number > last,
                    Kind::Rollback => number > 0 && (last == 0 || number < last),
                };
                if !in_order {
                    return Err(Problem::Order { line });
                }
                run.steps.push(StepRun { number, line, events: Vec::new() });
                continue;
            }
            Tag::End => {
                let code = number(&v[0], line)? as i64;
                let known = match kind {
                    Kind::Configure => matches!(code, 0..=2),
                    Kind::Rollback => matches!(code, 0 | 1 | 3),
                };
                if !known || (code == 1) != stopped {
                    return Err(Problem::Value { line, value: shown(&v[0]) });
                }
                run.exit_code = Some(code);
                continue;
            }
            Tag::Created => Event::Created(item(&v[0], &v[1], line)?),
            Tag::Removed => Event::Removed(item(&v[0], &v[1], line)?),
            Tag::Set => Event::Set { item: item(&v[0], &v[1], line)?, property: v[2].clone(), from: v[3].clone(), to: v[4].clone() },
            Tag::Skipped => Event::Skipped(Skip::from_token(&v[0]).ok_or_else(|| value(&v[0], line))?),
            Tag::Left => Event::Left { item: item(&v[0], &v[1], line)?, force_undoes: flag(&v[2], line)? },
            Tag::Warning => Event::Warning { warning: Warning::from_token(&v[0]).ok_or_else(|| value(&v[0], line))?, about: v[1].clone() },
            Tag::Replication => Event::Replication(match v[0].as_str() {
                "?" => Replication::Unread(v[1].clone()),
                pending => {
                    let (pending, replicas) = (number(pending, line)?, number(&v[1], line)?);
                    if pending > replicas {
                        return Err(value(&v[0], line));
                    }
                    Replication::Seen { pending, replicas }
                }
            }),
            Tag::Test => Event::Test(TestRun {
                counted: flag(&v[0], line)?,
                threw: match v[1].as_str() {
                    "returned" => false,
                    "threw" => true,
                    other => return Err(value(other, line)),
                },
                result: v[2].clone(),
                error: v[3].clone(),
                diagnosis: v[4].clone(),
            }),
            Tag::Stop => {
                stopped = true;
                Event::Stop(v[0].clone())
            }
        };
        if let Some(step) = run.steps.last_mut() {
            step.events.push(event);
        }
    }
    Ok(run)
}

fn value(text: &str, line: usize) -> Problem {
    Problem::Value { line, value: shown(text) }
}

fn item(kind: &str, identity: &str, line: usize) -> Result<Item, Problem> {
    let kind = ItemKind::from_token(kind).ok_or_else(|| value(kind, line))?;
    if identity.is_empty() {
        return Err(value(identity, line));
    }
    Ok(Item { kind, identity: identity.to_string() })
}

fn flag(text: &str, line: usize) -> Result<bool, Problem> {
    match text {
        _ if text.eq_ignore_ascii_case("True") => Ok(true),
        _ if text.eq_ignore_ascii_case("False") => Ok(false),
        _ => Err(value(text, line)),
    }
}

/// A count or a step number: digits only, at most 7 of them.
fn number(text: &str, line: usize) -> Result<usize, Problem> {
    if (1..=7).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()) {
        text.parse().map_err(|_| value(text, line))
    } else {
        Err(value(text, line))
    }
}
