//! A small backtracking regular expression, enough for `-match` as scripts use it: literals, `.`,
//! classes, `\d \w \s` (and their negations), anchors, groups with `|`, and `* + ?`. PowerShell
//! matches without case. Anything else is an error (outside the modelled subset).

enum Node {
    Char(char),
    Any,
    Class(Vec<(char, char)>, bool),
    Start,
    End,
    Group(Vec<Vec<Node>>),
    Repeat(Box<Node>, usize, usize),
}

fn class_of(c: char) -> Option<(Vec<(char, char)>, bool)> {
    let digits = vec![('0', '9')];
    let word = vec![('a', 'z'), ('A', 'Z'), ('0', '9'), ('_', '_')];
    let space = vec![(' ', ' '), ('\t', '\t'), ('\n', '\n'), ('\r', '\r')];
    Some(match c {
        'd' => (digits, false),
        'D' => (digits, true),
        'w' => (word, false),
        'W' => (word, true),
        's' => (space, false),
        'S' => (space, true),
        _ => return None,
    })
}

fn parse_seq(p: &[char], i: &mut usize, depth: usize) -> Result<Vec<Vec<Node>>, String> {
    let mut alts = vec![Vec::new()];
    while *i < p.len() {
        let c = p[*i];
        *i += 1;
        let node = match c {
            '|' => {
                alts.push(Vec::new());
                continue;
            }
            ')' if depth > 0 => return Ok(alts),
            '(' => {
                if p.get(*i) == Some(&'?') {
                    return Err("(?...) groups are not modelled".into());
                }
                Node::Group(parse_seq(p, i, depth + 1)?)
            }
            '.' => Node::Any,
            '^' => Node::Start,
            '$' => Node::End,
            '\\' => {
                let e = *p.get(*i).ok_or("trailing backslash")?;
                *i += 1;
                match class_of(e) {
                    Some((set, neg)) => Node::Class(set, neg),
                    None if e.is_ascii_alphanumeric() => return Err(format!("\\{e} is not modelled")),
                    None => Node::Char(e),
                }
            }
            '[' => {
                let mut set = Vec::new();
                let neg = p.get(*i) == Some(&'^');
                if neg {
                    *i += 1;
                }
                loop {
                    let c = *p.get(*i).ok_or("unclosed [")?;
                    *i += 1;
                    if c == ']' && !set.is_empty() {
                        break;
                    }
                    if c == '\\' {
                        let e = *p.get(*i).ok_or("unclosed [")?;
                        *i += 1;
                        match class_of(e) {
                            Some((s, false)) => set.extend(s),
                            _ => set.push((e, e)),
                        }
                        continue;
                    }
                    if p.get(*i) == Some(&'-') && p.get(*i + 1).is_some_and(|c| *c != ']') {
                        set.push((c, p[*i + 1]));
                        *i += 2;
                    } else {
                        set.push((c, c));
                    }
                }
                Node::Class(set, neg)
            }
            '*' | '+' | '?' => {
                let last = alts.last_mut().unwrap().pop().ok_or("quantifier without an atom")?;
                let (min, max) = match c {
                    '*' => (0, usize::MAX),
                    '+' => (1, usize::MAX),
                    _ => (0, 1),
                };
                if p.get(*i) == Some(&'?') {
                    return Err("lazy quantifiers are not modelled".into());
                }
                Node::Repeat(Box::new(last), min, max)
            }
            '{' => return Err("{n,m} quantifiers are not modelled".into()),
            c => Node::Char(c),
        };
        alts.last_mut().unwrap().push(node);
    }
    if depth > 0 {
        return Err("unclosed (".into());
    }
    Ok(alts)
}

fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

fn one(node: &Node, t: &[char], pos: usize) -> Option<usize> {
    match node {
        Node::Char(c) => (pos < t.len() && lower(t[pos]) == lower(*c)).then_some(pos + 1),
        Node::Any => (pos < t.len() && t[pos] != '\n').then_some(pos + 1),
        Node::Class(set, neg) => {
            if pos >= t.len() {
                return None;
            }
            let c = t[pos];
            let hit = set.iter().any(|(a, b)| (*a..=*b).contains(&c) || (*a..=*b).contains(&lower(c)) || (*a..=*b).contains(&c.to_ascii_uppercase()));
            (hit != *neg).then_some(pos + 1)
        }
        Node::Start => (pos == 0).then_some(pos),
        Node::End => (pos == t.len()).then_some(pos),
        Node::Group(_) | Node::Repeat(..) => None,
    }
}

fn m(seq: &[Node], t: &[char], pos: usize, k: &dyn Fn(usize) -> bool) -> bool {
    let Some((node, rest)) = seq.split_first() else { return k(pos) };
    match node {
        Node::Group(alts) => alts.iter().any(|alt| m(alt, t, pos, &|p| m(rest, t, p, k))),
        Node::Repeat(inner, min, max) => rep(inner, *min, *max, 0, t, pos, rest, k),
        single => one(single, t, pos).is_some_and(|p| m(rest, t, p, k)),
    }
}

#[allow(clippy::too_many_arguments)]
fn rep(inner: &Node, min: usize, max: usize, count: usize, t: &[char], pos: usize, rest: &[Node], k: &dyn Fn(usize) -> bool) -> bool {
    if count < max && m(std::slice::from_ref(inner), t, pos, &|p| p != pos && rep(inner, min, max, count + 1, t, p, rest, k)) {
        return true;
    }
    count >= min && m(rest, t, pos, k)
}

/// Whether `pattern` matches anywhere in `text`, without case.
pub fn is_match(pattern: &str, text: &str) -> Result<bool, String> {
    let p: Vec<char> = pattern.chars().collect();
    let mut i = 0;
    let alts = parse_seq(&p, &mut i, 0)?;
    let seq = vec![Node::Group(alts)];
    let t: Vec<char> = text.chars().collect();
    Ok((0..=t.len()).any(|start| m(&seq, &t, start, &|_| true)))
}
