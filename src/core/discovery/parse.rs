//! The block read back from any text around it: a console paste, a transcript with its header,
//! CRLF or CR line ends, lines a console wrapped. Anything else is a `Problem` naming its line;
//! nothing the text says is trusted before it is checked (a count is compared, never used to
//! size anything), and the work is linear in the text, which is read only up to
//! `MAX_TEXT_BYTES`.

use crate::core::facts::PUSH_DOMAIN;
use crate::core::i18n::{fill, DiscoveryStrings};

use super::{
    checksum, is_safe, AccessEdge, Discovered, EdgePool, Flag, Mcx, Part, Provider, PushScope, Read, Replication, ABSENT, BEGIN_PREFIX,
    END_PREFIX, ERROR, FORMAT_VERSION, MADE, MARKER_TAIL, MAX_TEXT_BYTES, OK, RECORD_START, SEPARATOR,
};

/// Why a text gives no block; every kind but the first two names the line (1-based).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Problem {
    TooLarge { bytes: usize },
    NoBlock,
    Version { line: usize, found: String },
    NoEnd { line: usize },
    /// A character no block holds: markup, or an editor's addition.
    Characters { line: usize },
    Encoding { line: usize },
    Record { line: usize, tag: String },
    Part { line: usize, part: &'static str },
    Count { line: usize, said: usize, found: usize },
    Check { line: usize },
    Value { line: usize, value: String },
}

impl Problem {
    pub fn line(&self) -> Option<usize> {
        match self {
            Problem::TooLarge { .. } | Problem::NoBlock => None,
            Problem::Version { line, .. }
            | Problem::NoEnd { line }
            | Problem::Characters { line }
            | Problem::Encoding { line }
            | Problem::Record { line, .. }
            | Problem::Part { line, .. }
            | Problem::Count { line, .. }
            | Problem::Check { line }
            | Problem::Value { line, .. } => Some(*line),
        }
    }

    pub fn message(&self, t: &DiscoveryStrings) -> String {
        let n = |line: &usize| line.to_string();
        match self {
            Problem::TooLarge { bytes } => fill(t.problem_too_large, &[&bytes.to_string(), &MAX_TEXT_BYTES.to_string()]),
            Problem::NoBlock => t.problem_no_block.to_string(),
            Problem::Version { line, found } => fill(t.problem_version, &[&n(line), found, &FORMAT_VERSION.to_string()]),
            Problem::NoEnd { line } => fill(t.problem_no_end, &[&n(line)]),
            Problem::Characters { line } => fill(t.problem_characters, &[&n(line)]),
            Problem::Encoding { line } => fill(t.problem_encoding, &[&n(line)]),
            Problem::Record { line, tag } => fill(t.problem_record, &[&n(line), tag]),
            Problem::Part { line, part } => fill(t.problem_part, &[&n(line), part]),
            Problem::Count { line, said, found } => fill(t.problem_count, &[&n(line), &said.to_string(), &found.to_string()]),
            Problem::Check { line } => fill(t.problem_check, &[&n(line)]),
            Problem::Value { line, value } => fill(t.problem_value, &[&n(line), value]),
        }
    }
}

/// A value quoted in a message: at most 40 characters, control characters escaped.
pub(crate) fn shown(value: &str) -> String {
    let mut text: String = value.chars().take(40).flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect();
    if value.chars().count() > 40 {
        text.push('…');
    }
    text
}

/// The lines of a text, numbered from 1, trimmed; CRLF, LF and a lone CR each end a line.
pub(crate) fn physical_lines(text: &str) -> Vec<(usize, &str)> {
    let mut lines = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\n' | b'\r' => {
                lines.push(&text[start..index]);
                if bytes[index] == b'\r' && bytes.get(index + 1) == Some(&b'\n') {
                    index += 1;
                }
                start = index + 1;
            }
            _ => {}
        }
        index += 1;
    }
    lines.push(&text[start..]);
    lines.into_iter().enumerate().map(|(i, line)| (i + 1, line.trim())).collect()
}

/// A record as the script wrote it (its continuation lines joined), with its first line.
struct Record {
    line: usize,
    text: String,
}

/// A decoded record: its tag and fields.
struct Fields {
    line: usize,
    tag: String,
    values: Vec<String>,
}

/// A file's text: UTF-16 by its byte-order mark (or, without one, by the zero bytes of ASCII
/// text in UTF-16LE), else UTF-8 with anything unreadable replaced.
pub fn text_of(bytes: &[u8]) -> String {
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        String::from_utf16_lossy(&rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]])).collect::<Vec<u16>>())
    };
    match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        [0xEF, 0xBB, 0xBF, rest @ ..] => String::from_utf8_lossy(rest).into_owned(),
        [_, 0, _, 0, ..] => utf16(bytes, u16::from_le_bytes),
        _ => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The last block of a text, its own lines from BEGIN to END and nothing around them: what the
/// page keeps of a paste or a transcript. `None` where there is no whole block.
pub fn block_of(text: &str) -> Option<String> {
    let lines = physical_lines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let begin = lines.iter().rposition(|(_, line)| line.starts_with(BEGIN_PREFIX))?;
    let end = begin + lines[begin..].iter().position(|(_, line)| line.starts_with(END_PREFIX))?;
    Some(lines[begin..=end].iter().map(|(_, line)| *line).collect::<Vec<_>>().join("\n") + "\n")
}

/// Reads the last block in `text`.
pub fn parse(text: &str) -> Result<Discovered, Problem> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(Problem::TooLarge { bytes: text.len() });
    }
    let lines = physical_lines(text.strip_prefix('\u{FEFF}').unwrap_or(text));
    let begin = lines.iter().rposition(|(_, line)| line.starts_with(BEGIN_PREFIX)).ok_or(Problem::NoBlock)?;
    let (begin_line, begin_text) = lines[begin];
    let version = &begin_text[BEGIN_PREFIX.len()..];
    let number = version.strip_suffix(MARKER_TAIL).filter(|v| (1..=9).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()));
    if number.and_then(|v| v.parse::<u32>().ok()) != Some(FORMAT_VERSION) {
        return Err(Problem::Version { line: begin_line, found: shown(version.strip_suffix(MARKER_TAIL).unwrap_or(version)) });
    }
    let mut records: Vec<Record> = Vec::new();
    let mut end = None;
    for &(number, line) in &lines[begin + 1..] {
        if line.starts_with(END_PREFIX) {
            end = Some((number, line));
            break;
        }
        if line.is_empty() {
            continue;
        }
        if !line.bytes().all(|b| is_safe(b) || b == b'%' || b == SEPARATOR as u8 || b == RECORD_START as u8) {
            return Err(Problem::Characters { line: number });
        }
        match (line.starts_with(RECORD_START), records.last_mut()) {
            (true, _) => records.push(Record { line: number, text: line.to_string() }),
            // A line a console wrapped, or the script split: the rest of the record above.
            (false, Some(record)) => record.text.push_str(line),
            (false, None) => return Err(Problem::Characters { line: number }),
        }
    }
    let (end_line, end_text) = end.ok_or(Problem::NoEnd { line: begin_line })?;
    let (said, check) = end_fields(&end_text[END_PREFIX.len()..]).ok_or_else(|| Problem::Value { line: end_line, value: shown(end_text) })?;
    if said != records.len() {
        return Err(Problem::Count { line: end_line, said, found: records.len() });
    }
    if check != checksum(records.iter().map(|record| record.text.as_str())) {
        return Err(Problem::Check { line: end_line });
    }
    let fields = records.iter().map(decode_record).collect::<Result<Vec<_>, _>>()?;
    walk(fields, end_line)
}

/// `records=<n> check=<8 hex digits> ====`.
fn end_fields(text: &str) -> Option<(usize, u32)> {
    let (records, check) = text.strip_suffix(MARKER_TAIL)?.split_once(' ')?;
    let records = records.strip_prefix("records=").filter(|n| (1..=7).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))?;
    let check = check.strip_prefix("check=").filter(|h| h.len() == 8 && h.bytes().all(|b| b.is_ascii_hexdigit()))?;
    Some((records.parse().ok()?, u32::from_str_radix(check, 16).ok()?))
}

fn decode_record(record: &Record) -> Result<Fields, Problem> {
    let line = record.line;
    let mut parts = record.text[RECORD_START.len_utf8()..].split(SEPARATOR);
    let tag = parts.next().unwrap_or_default().to_string();
    if tag.is_empty() || !tag.bytes().all(|b| b.is_ascii_lowercase()) {
        return Err(Problem::Record { line, tag: shown(&tag) });
    }
    let values = parts.map(|part| decode(part).ok_or(Problem::Encoding { line })).collect::<Result<_, _>>()?;
    Ok(Fields { line, tag, values })
}

/// Percent-decoding of one field, and its UTF-8.
pub(super) fn decode(field: &str) -> Option<String> {
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
            byte if is_safe(byte) => {
                out.push(byte);
                index += 1;
            }
            _ => return None,
        }
    }
    String::from_utf8(out).ok()
}

/// The records in the block's order: `made`, then each part's items and its outcome.
fn walk(fields: Vec<Fields>, end_line: usize) -> Result<Discovered, Problem> {
    let mut records = fields.into_iter().peekable();
    let made_by = match records.next() {
        Some(Fields { tag, mut values, .. }) if tag == MADE && values.len() == 1 => values.remove(0),
        Some(other) => return Err(Problem::Part { line: other.line, part: MADE }),
        None => return Err(Problem::Part { line: end_line, part: MADE }),
    };
    let mut parts = Vec::with_capacity(Part::ALL.len());
    for part in Part::ALL {
        let mut items = Vec::new();
        while let Some(item) = records.next_if(|record| record.tag == part.tag()) {
            if item.values.len() != part.fields().len() {
                return Err(Problem::Record { line: item.line, tag: item.tag });
            }
            items.push(item);
        }
        let Some(outcome) = records.next() else { return Err(Problem::Part { line: end_line, part: part.tag() }) };
        let named = outcome.values.first().is_some_and(|name| name == part.tag());
        let read = match (outcome.tag.as_str(), outcome.values.as_slice()) {
            (OK, [_, count]) if named => {
                if count.parse::<usize>().ok() != Some(items.len()) {
                    return Err(Problem::Value { line: outcome.line, value: shown(count) });
                }
                Read::Done((items, outcome.line))
            }
            (ERROR, [_, message]) if named && items.is_empty() => Read::Failed(message.clone()),
            (ABSENT, [_]) if named && items.is_empty() => Read::Absent,
            _ => return Err(Problem::Part { line: outcome.line, part: part.tag() }),
        };
        parts.push(read);
    }
    if let Some(extra) = records.next() {
        return Err(Problem::Record { line: extra.line, tag: shown(&extra.tag) });
    }
    let mut parts = parts.into_iter();
    let mut next = || parts.next().unwrap_or(Read::Absent);
    Ok(Discovered {
        made_by,
        cmdlets: list(typed(next(), |f| Ok((f.values[0].clone(), flag(&f.values[1], f.line)?.ok_or_else(|| bad(f, 1))?)))?),
        edge_pools: list(typed(next(), |f| Ok(EdgePool { pool_fqdn: f.values[0].clone(), site_id: f.values[1].clone(), version: f.values[2].clone() }))?),
        sites: list(typed(next(), |f| Ok(site_name(&f.values[0]).to_string()))?),
        access_edge: one(typed(next(), |f| {
            Ok(AccessEdge {
                type_name: f.values[0].clone(),
                routing_method: f.values[1].clone(),
                allow_federated_users: flag(&f.values[2], f.line)?,
                enable_partner_discovery: flag(&f.values[3], f.line)?,
            })
        })?)?,
        providers: list(typed(next(), |f| {
            Ok(Provider {
                identity: f.values[0].clone(),
                proxy_fqdn: f.values[1].clone(),
                enabled: flag(&f.values[2], f.line)?,
                enabled_shared_address_space: flag(&f.values[3], f.line)?,
                verification_level: f.values[4].clone(),
            })
        })?),
        push_allowed: push_domain(next())?,
        push_blocked: push_domain(next())?,
        push: list(typed(next(), |f| Ok(PushScope { identity: f.values[0].clone(), apple: flag(&f.values[1], f.line)?, microsoft: flag(&f.values[2], f.line)? }))?),
        mcx: list(typed(next(), |f| Ok(Mcx { identity: f.values[0].clone(), push_notification_proxy_uri: f.values[1].clone() }))?),
        replication: one(typed(next(), |f| {
            let (replicas, up_to_date) = (count(&f.values[0], f.line)?, count(&f.values[1], f.line)?);
            if up_to_date > replicas {
                return Err(bad(f, 1));
            }
            Ok(Replication { replicas, up_to_date })
        })?)?,
    })
}

type Items = (Vec<Fields>, usize);

/// A part's items converted, each by `convert`, with the line of the part's `ok`.
fn typed<T>(read: Read<Items>, convert: impl Fn(&Fields) -> Result<T, Problem>) -> Result<Read<(Vec<T>, usize)>, Problem> {
    read.try_map(|(items, line)| Ok((items.iter().map(convert).collect::<Result<_, _>>()?, line)))
}

/// A part whose items a `Read` holds as they are.
fn list<T>(read: Read<(Vec<T>, usize)>) -> Read<Vec<T>> {
    read.map(|(items, _)| items)
}

/// A part the script always reads as one item (the Access Edge settings, the replication sum).
fn one<T>(read: Read<(Vec<T>, usize)>) -> Result<Read<T>, Problem> {
    read.try_map(|(mut items, line)| match items.len() {
        1 => Ok(items.remove(0)),
        other => Err(Problem::Value { line, value: other.to_string() }),
    })
}

/// push.lync.com on a list: the script prints only its entries.
fn push_domain(read: Read<Items>) -> Result<Read<bool>, Problem> {
    let read = typed(read, |f| if f.values[0].eq_ignore_ascii_case(PUSH_DOMAIN) { Ok(()) } else { Err(bad(f, 0)) })?;
    Ok(read.map(|(items, _)| !items.is_empty()))
}

fn bad(fields: &Fields, index: usize) -> Problem {
    Problem::Value { line: fields.line, value: shown(fields.values.get(index).map_or("", String::as_str)) }
}

fn flag(value: &str, line: usize) -> Result<Flag, Problem> {
    match value {
        "" => Ok(None),
        _ if value.eq_ignore_ascii_case("True") => Ok(Some(true)),
        _ if value.eq_ignore_ascii_case("False") => Ok(Some(false)),
        _ => Err(Problem::Value { line, value: shown(value) }),
    }
}

fn count(value: &str, line: usize) -> Result<u32, Problem> {
    value.parse::<u32>().ok().filter(|_| (1..=9).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit())).ok_or_else(|| Problem::Value { line, value: shown(value) })
}

/// A site's name from its Identity as Get-CsSite prints it (`Site:Redmond`): push settings take
/// `site:<name>`, and Set-CsSite "Do not use the format site:Redmond".
fn site_name(identity: &str) -> &str {
    match identity.get(..5) {
        Some(prefix) if prefix.eq_ignore_ascii_case("site:") => &identity[5..],
        _ => identity,
    }
}
