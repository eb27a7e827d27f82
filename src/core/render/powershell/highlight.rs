//! Colouring for the script shown on the page: a line scanner over the renderer's own output.

/// A piece of a script line, for colouring. Comes from the renderer's own output, which uses no
/// here-strings, escapes or multi-line constructs, so a line-by-line scan is exact.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TokenKind {
    Comment,
    Keyword,
    Cmdlet,
    Parameter,
    Variable,
    String,
    Plain,
}


const KEYWORDS: [&str; 7] = ["if", "elseif", "else", "foreach", "try", "catch", "throw"];

/// Splits one line of a generated script into coloured pieces that join back to the line.
pub fn tokens(line: &str) -> Vec<(TokenKind, &str)> {
    let mut pieces = Vec::new();
    let bytes = line.as_bytes();
    let mut start = 0;
    let mut index = 0;
    fn push<'a>(pieces: &mut Vec<(TokenKind, &'a str)>, line: &'a str, kind: TokenKind, from: usize, to: usize) {
        if to > from {
            pieces.push((kind, &line[from..to]));
        }
    }
    while index < bytes.len() {
        let byte = bytes[index];
        let word_end = |from: usize| {
            line[from..].find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == ':' || c == '.')).map_or(line.len(), |n| from + n)
        };
        let at_word_start = index == 0 || !bytes[index - 1].is_ascii_alphanumeric();
        let (kind, end) = match byte {
            b'#' if line[..index].trim().is_empty() => (TokenKind::Comment, line.len()),
            b'\'' | b'"' => {
                // A doubled quote inside a literal stands for one quote character.
                let mut end = index + 1;
                loop {
                    match line[end..].find(byte as char) {
                        Some(offset) if line[end + offset + 1..].starts_with(byte as char) => end += offset + 2,
                        Some(offset) => break (TokenKind::String, end + offset + 1),
                        None => break (TokenKind::String, line.len()),
                    }
                }
            }
            b'$' => {
                let end = line[index + 1..]
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .map_or(line.len(), |n| index + 1 + n);
                (TokenKind::Variable, end)
            }
            b'-' if at_word_start && bytes.get(index + 1).is_some_and(|b| b.is_ascii_alphabetic()) => {
                (TokenKind::Parameter, word_end(index + 1))
            }
            b if b.is_ascii_alphabetic() && at_word_start => {
                let end = word_end(index);
                let word = &line[index..end];
                if KEYWORDS.contains(&word) {
                    (TokenKind::Keyword, end)
                } else if word.split('-').skip(1).any(|noun| noun.starts_with("Cs")) || word.starts_with("Write-") || word.starts_with("Where-") {
                    (TokenKind::Cmdlet, end)
                } else {
                    (TokenKind::Plain, end)
                }
            }
            _ => {
                index += 1;
                continue;
            }
        };
        push(&mut pieces, line, TokenKind::Plain, start, index);
        push(&mut pieces, line, kind, index, end);
        index = end;
        start = end;
    }
    push(&mut pieces, line, TokenKind::Plain, start, line.len());
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_join_back_to_the_line_and_find_the_parts() {
        let line = "    $push = @(Get-CsPushNotificationConfiguration -Filter \"site:*\" | Where-Object { [string]$_.Identity -eq 'O''x' })";
        let pieces = tokens(line);
        assert_eq!(pieces.iter().map(|(_, text)| *text).collect::<String>(), line);
        assert!(pieces.contains(&(TokenKind::Cmdlet, "Get-CsPushNotificationConfiguration")));
        assert!(pieces.contains(&(TokenKind::Parameter, "-Filter")));
        assert!(pieces.contains(&(TokenKind::String, "'O''x'")));
        assert!(pieces.contains(&(TokenKind::Variable, "$push")));
        assert_eq!(tokens("# note")[0], (TokenKind::Comment, "# note"));
    }
}
