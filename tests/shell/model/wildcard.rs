//! PowerShell's wildcard patterns, shared by `-like`, the Get-Cs* cmdlets' `-Filter` and `-Path`.
//! Apart because one matcher serves all three.

/// PowerShell wildcards (`*`, `?`, `[abc]`, `[a-c]`, and a backtick escaping the next character),
/// without case.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    fn go(p: &[char], t: &[char]) -> bool {
        match p.first() {
            None => t.is_empty(),
            Some('*') => (0..=t.len()).any(|i| go(&p[1..], &t[i..])),
            Some('?') => !t.is_empty() && go(&p[1..], &t[1..]),
            Some('[') => {
                let Some(close) = p.iter().position(|c| *c == ']') else { return !t.is_empty() && t[0] == '[' && go(&p[1..], &t[1..]) };
                let set = &p[1..close];
                // A range `[a-c]` as well as single characters (about_Wildcards).
                let hit = |c: char| {
                    let mut i = 0;
                    while i < set.len() {
                        if i + 2 < set.len() && set[i + 1] == '-' {
                            if set[i] <= c && c <= set[i + 2] {
                                return true;
                            }
                            i += 3;
                        } else {
                            if set[i] == c {
                                return true;
                            }
                            i += 1;
                        }
                    }
                    false
                };
                !t.is_empty() && hit(t[0]) && go(&p[close + 1..], &t[1..])
            }
            // A backtick makes the next character literal (PowerShell's Pester test
            // ComparisonOperator.Tests.ps1, "backtick comparison").
            Some('`') if p.len() > 1 => !t.is_empty() && p[1] == t[0] && go(&p[2..], &t[1..]),
            Some(c) => !t.is_empty() && *c == t[0] && go(&p[1..], &t[1..]),
        }
    }
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    go(&p, &t)
}
