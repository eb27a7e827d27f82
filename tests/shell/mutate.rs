//! Mutants of a generated script, made on its PowerShell syntax tree: the plausible one-line
//! bugs a hurried edit of a renderer makes. The campaign (tests/script_mutants.rs) runs each
//! through the behaviour checks; a check suite is worth the mutants it kills.

use std::collections::BTreeSet;
use std::ops::Range;

use tree_sitter::Node;

/// The operator classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// `-eq` ↔ `-ne`, `-lt` ↔ `-ge`, `-like` ↔ `-notlike`, …
    ComparisonFlip,
    /// `-lt` ↔ `-le`, `-gt` ↔ `-ge`, and an integer literal one up, or to zero.
    Boundary,
    /// `-and` ↔ `-or`.
    LogicalSwap,
    /// `-not X` → `X`.
    DropNot,
    /// `$True` ↔ `$False`.
    BoolSwap,
    /// A statement deleted.
    DeleteStatement,
    /// Two adjacent statements of a block swapped.
    SwapStatements,
    /// A hashtable key or index replaced by another key the script uses.
    ReplaceKey,
    /// A property name replaced by another the script reads.
    ReplaceProperty,
    /// An `-Identity` literal changed.
    ChangeIdentity,
    /// A parameter (with its value) or switch dropped from a command.
    DropArgument,
}

impl Class {
    pub const ALL: &'static [Class] = &[
        Class::ComparisonFlip,
        Class::Boundary,
        Class::LogicalSwap,
        Class::DropNot,
        Class::BoolSwap,
        Class::DeleteStatement,
        Class::SwapStatements,
        Class::ReplaceKey,
        Class::ReplaceProperty,
        Class::ChangeIdentity,
        Class::DropArgument,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Class::ComparisonFlip => "comparison flip",
            Class::Boundary => "boundary",
            Class::LogicalSwap => "-and/-or swap",
            Class::DropNot => "drop -not",
            Class::BoolSwap => "$True/$False swap",
            Class::DeleteStatement => "delete statement",
            Class::SwapStatements => "swap statements",
            Class::ReplaceKey => "replace key/index",
            Class::ReplaceProperty => "replace property",
            Class::ChangeIdentity => "change identity",
            Class::DropArgument => "drop argument",
        }
    }
}

/// One mutant: the edit, and a signature that names it the same way in every script that has
/// the same line (the class, the line as it was and as it becomes).
#[derive(Clone, Debug)]
pub struct Mutant {
    pub class: Class,
    pub range: Range<usize>,
    pub replacement: String,
    pub signature: String,
}

impl Mutant {
    pub fn apply(&self, text: &str) -> String {
        format!("{}{}{}", &text[..self.range.start], self.replacement, &text[self.range.end..])
    }
}

/// Every mutant of `text`, in order of position, without duplicates.
pub fn mutants(text: &str) -> Vec<Mutant> {
    let tree = crate::support::parse(text);
    let mut nodes = Vec::new();
    collect(tree.root_node(), &mut nodes);
    let keys = names(text, &nodes, key_literal);
    let properties = names(text, &nodes, property_name);
    let mut out = Vec::new();
    let mut push = |class: Class, range: Range<usize>, replacement: String| {
        let before = line_of(text, &range);
        let mutated = format!("{}{}{}", &text[before.start..range.start], replacement, &text[range.end..before.end]);
        let signature = format!("{} | {} => {}", class.name(), squash(&text[before.clone()]), squash(&mutated));
        out.push(Mutant { class, range, replacement, signature });
    };
    for node in &nodes {
        let src = &text[node.byte_range()];
        match node.kind() {
            "comparison_operator" => {
                let op = src.to_ascii_lowercase();
                if let Some(flip) = flip(&op) {
                    push(Class::ComparisonFlip, node.byte_range(), flip.into());
                }
                if let Some(b) = boundary(&op) {
                    push(Class::Boundary, node.byte_range(), b.into());
                }
            }
            "decimal_integer_literal" => {
                if let Ok(n) = src.parse::<i64>() {
                    push(Class::Boundary, node.byte_range(), (n + 1).to_string());
                    push(Class::Boundary, node.byte_range(), if n == 0 { "1".into() } else { "0".into() });
                }
            }
            "-and" => push(Class::LogicalSwap, node.byte_range(), "-or".into()),
            "-or" => push(Class::LogicalSwap, node.byte_range(), "-and".into()),
            "expression_with_unary_operator" => {
                let first = node.child(0);
                if first.is_some_and(|c| c.kind() == "-not" || c.kind() == "!") {
                    if let Some(operand) = node.child(1) {
                        push(Class::DropNot, node.byte_range(), text[operand.byte_range()].to_string());
                    }
                }
            }
            "variable" => match src.to_ascii_lowercase().as_str() {
                "$true" => push(Class::BoolSwap, node.byte_range(), "$False".into()),
                "$false" => push(Class::BoolSwap, node.byte_range(), "$True".into()),
                _ => {}
            },
            "statement_list" => {
                let statements: Vec<Node> = named_children(*node);
                for (i, s) in statements.iter().enumerate() {
                    push(Class::DeleteStatement, s.byte_range(), String::new());
                    if let Some(next) = statements.get(i + 1) {
                        let (a, b) = (&text[s.byte_range()], &text[next.byte_range()]);
                        let between = &text[s.end_byte()..next.start_byte()];
                        push(Class::SwapStatements, s.start_byte()..next.end_byte(), format!("{b}{between}{a}"));
                    }
                }
            }
            "command" => drop_arguments(text, *node, &mut push),
            _ => {}
        }
        if let Some((range, name)) = key_literal(text, *node) {
            for other in similar(&name, &keys) {
                let quoted = requote(&text[range.clone()], &other);
                push(Class::ReplaceKey, range.clone(), quoted);
            }
        }
        if let Some((range, name)) = property_name(text, *node) {
            for other in similar(&name, &properties) {
                push(Class::ReplaceProperty, range.clone(), other);
            }
        }
    }
    let mut seen = BTreeSet::new();
    out.retain(|m| seen.insert((m.range.start, m.range.end, m.replacement.clone())));
    out
}

fn collect<'t>(node: Node<'t>, out: &mut Vec<Node<'t>>) {
    if node.kind() == "comment" {
        return;
    }
    out.push(node);
    let mut cursor = node.walk();
    for child in node.children(&mut cursor) {
        collect(child, out);
    }
}

fn named_children(node: Node) -> Vec<Node> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).filter(|c| c.kind() != "comment").collect()
}

fn flip(op: &str) -> Option<&'static str> {
    Some(match op {
        "-eq" => "-ne",
        "-ne" => "-eq",
        "-lt" => "-ge",
        "-ge" => "-lt",
        "-gt" => "-le",
        "-le" => "-gt",
        "-like" => "-notlike",
        "-notlike" => "-like",
        "-match" => "-notmatch",
        "-notmatch" => "-match",
        "-contains" => "-notcontains",
        "-notcontains" => "-contains",
        _ => return None,
    })
}

fn boundary(op: &str) -> Option<&'static str> {
    Some(match op {
        "-lt" => "-le",
        "-le" => "-lt",
        "-gt" => "-ge",
        "-ge" => "-gt",
        _ => return None,
    })
}

/// A string literal used as a hashtable key: `@{ Key = … }`, `$h['Key']`, `.ContainsKey('Key')`.
fn key_literal(text: &str, node: Node) -> Option<(Range<usize>, String)> {
    match node.kind() {
        "key_expression" => Some((node.byte_range(), text[node.byte_range()].to_string())),
        "string_literal" => {
            let inner = unquote(&text[node.byte_range()])?;
            let mut up = node.parent();
            // Climb the expression wrappers to what holds the literal.
            while let Some(p) = up {
                match p.kind() {
                    "element_access" => return Some((node.byte_range(), inner)),
                    "argument_list" => {
                        let call = p.parent()?;
                        let member = call.child_by_field_name("member").or_else(|| named_children(call).into_iter().find(|c| c.kind() == "member_name"))?;
                        return (text[member.byte_range()].eq_ignore_ascii_case("ContainsKey")).then_some((node.byte_range(), inner));
                    }
                    k if k.ends_with("_expression") || k == "argument_expression_list" => up = p.parent(),
                    _ => return None,
                }
            }
            None
        }
        _ => None,
    }
}

/// A property read: the member name of `$x.Name` (not a method call).
fn property_name(text: &str, node: Node) -> Option<(Range<usize>, String)> {
    if node.kind() != "member_access" {
        return None;
    }
    let member = named_children(node).into_iter().find(|c| c.kind() == "member_name")?;
    Some((member.byte_range(), text[member.byte_range()].to_string()))
}

/// Picks a name out of a node: where it stands and what it says.
type NamePicker = fn(&str, Node) -> Option<(Range<usize>, String)>;

fn names(text: &str, nodes: &[Node], pick: NamePicker) -> BTreeSet<String> {
    nodes.iter().filter_map(|n| pick(text, *n).map(|(_, name)| name)).collect()
}

/// The names most like `name` (the longest shared ending, then beginning), at most two, for
/// the mix-ups that happen: AppleBefore for MicrosoftBefore, Enabled for EnabledSharedAddressSpace.
fn similar(name: &str, all: &BTreeSet<String>) -> Vec<String> {
    let suffix = |a: &str, b: &str| a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count();
    let prefix = |a: &str, b: &str| a.chars().zip(b.chars()).take_while(|(x, y)| x.eq_ignore_ascii_case(y)).count();
    let others: Vec<&String> = all.iter().filter(|o| !o.eq_ignore_ascii_case(name)).collect();
    let mut picks = Vec::new();
    if let Some(best) = others.iter().max_by_key(|o| (suffix(name, o), std::cmp::Reverse(o.len()))) {
        picks.push((*best).clone());
    }
    if let Some(best) = others.iter().max_by_key(|o| (prefix(name, o), std::cmp::Reverse(o.len()))) {
        if !picks.contains(best) {
            picks.push((*best).clone());
        }
    }
    picks
}

fn unquote(s: &str) -> Option<String> {
    let q = s.chars().next()?;
    (matches!(q, '\'' | '"') && s.len() >= 2 && s.ends_with(q)).then(|| s[1..s.len() - 1].to_string())
}

fn requote(original: &str, name: &str) -> String {
    match original.chars().next() {
        Some(q @ ('\'' | '"')) => format!("{q}{name}{q}"),
        _ => name.to_string(),
    }
}

/// Drops each parameter of a command: a switch alone, a named parameter with its value; and
/// changes an `-Identity` literal.
fn drop_arguments(text: &str, command: Node, push: &mut impl FnMut(Class, Range<usize>, String)) {
    let Some(elements) = named_children(command).into_iter().find(|c| c.kind() == "command_elements") else { return };
    let parts: Vec<Node> = named_children(elements).into_iter().filter(|c| c.kind() != "command_argument_sep").collect();
    for (i, part) in parts.iter().enumerate() {
        if part.kind() != "command_parameter" {
            continue;
        }
        let value = parts.get(i + 1).filter(|v| v.kind() != "command_parameter" && !text[part.byte_range()].ends_with(':'));
        let start = part.start_byte();
        let end = value.map_or(part.end_byte(), |v| v.end_byte());
        // Take the separator before it too, so no double space is left.
        let start = text[..start].trim_end_matches(' ').len();
        push(Class::DropArgument, start..end, String::new());
        if text[part.byte_range()].eq_ignore_ascii_case("-Identity") {
            if let Some(v) = value {
                let literal = &text[v.byte_range()];
                if !literal.starts_with('$') {
                    let changed = match unquote(literal) {
                        Some(inner) => requote(literal, &format!("{inner}2")),
                        None => format!("{literal}2"),
                    };
                    push(Class::ChangeIdentity, v.byte_range(), changed);
                }
            }
        }
    }
}

fn line_of(text: &str, range: &Range<usize>) -> Range<usize> {
    let start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let end = text[range.end..].find('\n').map_or(text.len(), |i| range.end + i);
    start..end
}

/// A line as a signature shows it: trimmed, white space folded, at most 240 characters.
fn squash(s: &str) -> String {
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    folded.chars().take(240).collect()
}
