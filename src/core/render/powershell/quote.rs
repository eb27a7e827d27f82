//! The one quoting function: every user value reaches PowerShell through it.

/// The one way a value reaches PowerShell: a single-quoted literal with every quote doubled.
/// PowerShell also ends a single-quoted string at U+2018, U+2019, U+201A and U+201B, so those are
/// doubled too. Validation keeps all of them out of user values; this is the second wall.
pub fn quote(value: &str) -> String {
    let mut quoted = String::with_capacity(value.len() + 2);
    quoted.push('\'');
    for character in value.chars() {
        if matches!(character, '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}') {
            quoted.push(character);
        }
        quoted.push(character);
    }
    quoted.push('\'');
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quote_doubles_every_single_quote_character() {
        assert_eq!(quote("O'Brien"), "'O''Brien'");
        assert_eq!(quote("a\u{2019}b"), "'a\u{2019}\u{2019}b'");
        assert_eq!(quote("$(calc) `n \"x\""), "'$(calc) `n \"x\"'");
    }
}
