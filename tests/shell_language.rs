#![cfg(not(target_arch = "wasm32"))]
#![allow(unused_imports)]
//! The modelled shell held to PowerShell's own statement of its language: cases from the Pester
//! tests of the PowerShell repository (test/powershell/Language/...), re-expressed in the subset
//! the generated scripts use and limited to what holds in PowerShell 2.0 as well. Each case is a
//! small script and the host lines it prints.
//!
//! Left out, with the reason:
//! - ComparisonOperator.Tests.ps1: `-ceq`, `-ccontains`, `-cnotcontains` (case-sensitive forms are
//!   outside the subset), `-is` / `-isnot` and `[pscustomobject]` (outside the subset; the latter
//!   is PowerShell 3.0), `[WildcardPattern]::Escape` (static calls are outside the subset), the
//!   bytewise operators on enums (outside the subset).
//! - Array.Tests.ps1: the `[object[]]` / `[int[]]` casts and `[AutomationNull]::Value` (outside
//!   the subset); the empty output of a pipeline stands in for AutomationNull.
//! - NullRepresentatives.Tests.ps1: `[DBNull]`, `[NullString]` (`[NullString]` is PowerShell 3.0).
//! - TryCatch.Tests.ps1: `trap`, typed `catch [T]`, division by zero (outside the subset), and the
//!   cases Pester itself marks -Pending. `. { }` is written `& { }`: only the scope differs.
//! - Parser.Tests.ps1: parse errors, labels, `for`, `++`, multiple assignment, `trap`, functions,
//!   `$input`, number forms other than decimal integers (outside the subset); `` `e ``, `` `u{} ``
//!   (PowerShell 6); `-c*` forms; the Boolean case with an unset variable inside a string (the
//!   model rejects reading an unset variable on purpose); `"False" | Should -Be $true`, which tests
//!   Pester's comparison rather than the language.
//! - ActionPreference.Tests.ps1: `-ErrorAction Ignore` / `Suspend` (PowerShell 3.0), `-ErrorVariable`
//!   (outside the subset).

mod shell;
mod support;

use shell::model::{Deployment, Machine};
use shell::RunOptions;

/// (Pester file, what it states, script, the lines it prints).
const CASES: &[(&str, &str, &str, &[&str])] = &[
    // ComparisonOperator.Tests.ps1, "Should be <result> for <lhs> <operator> <rhs>"
    ("ComparisonOperator", "1 -lt 2", "Write-Host (1 -lt 2)", &["True"]),
    ("ComparisonOperator", "1 -gt 2", "Write-Host (1 -gt 2)", &["False"]),
    ("ComparisonOperator", "1 -le 2", "Write-Host (1 -le 2)", &["True"]),
    ("ComparisonOperator", "1 -le 1", "Write-Host (1 -le 1)", &["True"]),
    ("ComparisonOperator", "1 -ge 2", "Write-Host (1 -ge 2)", &["False"]),
    ("ComparisonOperator", "1 -ge 1", "Write-Host (1 -ge 1)", &["True"]),
    ("ComparisonOperator", "1 -eq 1", "Write-Host (1 -eq 1)", &["True"]),
    ("ComparisonOperator", "1 -ne 2", "Write-Host (1 -ne 2)", &["True"]),
    ("ComparisonOperator", "1 -and 1", "Write-Host (1 -and 1)", &["True"]),
    ("ComparisonOperator", "1 -and 0", "Write-Host (1 -and 0)", &["False"]),
    ("ComparisonOperator", "0 -and 0", "Write-Host (0 -and 0)", &["False"]),
    ("ComparisonOperator", "1 -or 1", "Write-Host (1 -or 1)", &["True"]),
    ("ComparisonOperator", "1 -or 0", "Write-Host (1 -or 0)", &["True"]),
    ("ComparisonOperator", "0 -or 0", "Write-Host (0 -or 0)", &["False"]),
    // "Should be <result> for <operator> <rhs>"
    ("ComparisonOperator", "-not 1", "Write-Host (-not 1)", &["False"]),
    ("ComparisonOperator", "-not 0", "Write-Host (-not 0)", &["True"]),
    ("ComparisonOperator", "! 1", "Write-Host (! 1)", &["False"]),
    ("ComparisonOperator", "! 0", "Write-Host (! 0)", &["True"]),
    ("ComparisonOperator", "!1", "Write-Host (!1)", &["False"]),
    ("ComparisonOperator", "!0", "Write-Host (!0)", &["True"]),
    // containment and patterns
    ("ComparisonOperator", "'Hello' -contains 'Hello'", "Write-Host ('Hello' -contains 'Hello')", &["True"]),
    ("ComparisonOperator", "'Hello' -notcontains 'Hello'", "Write-Host ('Hello' -notcontains 'Hello')", &["False"]),
    ("ComparisonOperator", "'Hello world' -match 'Hello*'", "Write-Host ('Hello world' -match 'Hello*')", &["True"]),
    ("ComparisonOperator", "'Hello world' -like 'Hello*'", "Write-Host ('Hello world' -like 'Hello*')", &["True"]),
    ("ComparisonOperator", "'Hello world' -notmatch 'Hello*'", "Write-Host ('Hello world' -notmatch 'Hello*')", &["False"]),
    ("ComparisonOperator", "'Hello world' -notlike 'Hello*'", "Write-Host ('Hello world' -notlike 'Hello*')", &["False"]),
    // "Should be <result> for backtick comparison": a backtick escapes the next pattern character.
    ("ComparisonOperator", "backtick escapes d", "Write-Host ('abc`def' -like 'abc`def')", &["False"]),
    ("ComparisonOperator", "escaped backtick", "Write-Host ('abc`def' -like 'abc``def')", &["True"]),
    ("ComparisonOperator", "two escaped backticks", "Write-Host ('abc`def' -like 'abc````def')", &["False"]),
    ("ComparisonOperator", "two escaped backticks, two backticks", "Write-Host ('abc``def' -like 'abc````def')", &["True"]),
    // Array.Tests.ps1
    ("Array", "@($null) has one element, $null", "$r = @($null)\nWrite-Host $r.Count\nWrite-Host ($null -eq $r[0])", &["1", "True"]),
    ("Array", "@(nothing) is empty", "$r = @(@() | Where-Object { $_ })\nWrite-Host $r.Count", &["0"]),
    ("Array", "@($a) of an array has its elements", "$a = 1, 2, 3\n$r = @($a)\nWrite-Host $r.Count", &["3"]),
    // NullRepresentatives.Tests.ps1
    ("NullRepresentatives", "$null casts to $false", "Write-Host ([bool]$null)", &["False"]),
    ("NullRepresentatives", "$null is false to Where-Object", "$n = $null\nWrite-Host @(100 | Where-Object { $n }).Count", &["0"]),
    ("NullRepresentatives", "$null -eq $null", "Write-Host ($null -eq $null)", &["True"]),
    // TryCatch.Tests.ps1, "Basic exception handling"
    ("TryCatch", "simple throw and catch", "$a = & { try { 1; throw 'exception'; 'test failed' } catch { 2 } }\nWrite-Host $a", &["1 2"]),
    ("TryCatch", "simple try finally", "$a = & { try { 1 } finally { 2 } }\nWrite-Host $a", &["1 2"]),
    ("TryCatch", "try, throw, catch and finally", "$a = & { try { 1; throw 'exception'; 'test failed' } catch { 2 } finally { 3 } }\nWrite-Host $a", &["1 2 3"]),
    // "Control flow in try"
    (
        "TryCatch",
        "break in try",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { if ($i -eq 2) { break }\n $i } catch { 'test failed' } finally { \"finally: $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally: 1|finally: 2"],
    ),
    (
        "TryCatch",
        "continue in try",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { if ($i -eq 2) { continue }\n $i } catch { 'test failed' } finally { \"finally: $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally: 1|finally: 2|3|finally: 3"],
    ),
    (
        "TryCatch",
        "continue in nested try",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { try { if ($i -eq 2) { continue }\n $i } catch { 'f2' } finally { \"finally#2: $i\" } } catch { 'f1' } finally { \"finally#1: $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally#2: 1|finally#1: 1|finally#2: 2|finally#1: 2|3|finally#2: 3|finally#1: 3"],
    ),
    (
        "TryCatch",
        "break in nested try",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { try { if ($i -eq 2) { break }\n $i } catch { 'f2' } finally { \"finally#2: $i\" } } catch { 'f1' } finally { \"finally#1: $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally#2: 1|finally#1: 1|finally#2: 2|finally#1: 2"],
    ),
    // "Control flow in catch"
    (
        "TryCatch",
        "break in catch without loop",
        "$a = & { try { throw 1 } catch { foreach ($i in @(1, 2, 3)) { if ($i -eq 2) { break }\n $i } } finally { 'finally' } }\nWrite-Host ($a -join '|')",
        &["1|finally"],
    ),
    (
        "TryCatch",
        "break in catch within foreach",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { throw 1 } catch { if ($i -eq 2) { break }\n $i } finally { \"finally $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally 1|finally 2"],
    ),
    (
        "TryCatch",
        "continue in catch without loop",
        "$a = & { try { throw 1 } catch { foreach ($i in @(1, 2, 3)) { if ($i -eq 2) { continue }\n $i } } finally { 'finally' } }\nWrite-Host ($a -join '|')",
        &["1|3|finally"],
    ),
    (
        "TryCatch",
        "continue in catch within foreach",
        "$a = & { foreach ($i in @(1, 2, 3)) { try { throw 1 } catch { if ($i -eq 2) { continue }\n $i } finally { \"finally $i\" } } }\nWrite-Host ($a -join '|')",
        &["1|finally 1|finally 2|3|finally 3"],
    ),
    // "Control flow in finally"
    (
        "TryCatch",
        "break in finally, normal execution",
        "$a = & { try { 'try' } catch { } finally { 'finally'\n foreach ($i in @(1, 2, 3)) { if ($i -eq 2) { break }\n $i } } }\nWrite-Host ($a -join '|')",
        &["try|finally|1"],
    ),
    (
        "TryCatch",
        "continue in finally, after a throw",
        "$a = & { try { 'try'\n throw 1 } catch { 'catch' } finally { 'finally'\n foreach ($i in @(1, 2, 3)) { if ($i -eq 2) { continue }\n $i } } }\nWrite-Host ($a -join '|')",
        &["try|catch|finally|1|3"],
    ),
    // "Exception object" and "Rethrow"
    ("TryCatch", "the error record of throw 42", "$a = & { try { throw 42 } catch { $_ } }\nWrite-Host ([int]$a.ToString())", &["42"]),
    (
        "TryCatch",
        "a bare throw in catch rethrows the same error",
        "$a = & { try { try { throw 'inner' } catch { 'inner catch'\n throw } } catch { 'outer catch'\n $_.Exception.Message } }\nWrite-Host ($a -join '|')",
        &["inner catch|outer catch|inner"],
    ),
    // Parser.Tests.ps1: escapes in double-quoted strings
    ("Parser", "an escaped space is a space", "Write-Host \"foo` bar\"", &["foo bar"]),
    ("Parser", "an escaped ordinary character is itself", "Write-Host \"fo`obar\"", &["foobar"]),
    ("Parser", "`\" is a double quote", "Write-Host \"`\"\"", &["\""]),
    ("Parser", "`' is a single quote", "Write-Host \"`'\"", &["'"]),
    ("Parser", "`t is a tab", "Write-Host (\"a`tb\").Length", &["3"]),
    ("Parser", "`n is a newline", "Write-Host (\"a`nb\").Length", &["3"]),
    ("Parser", "an array in double quotes is joined with spaces", "$MyArray = 'a', 'b'\nWrite-Host \"Hello $MyArray\"", &["Hello a b"]),
    // "Use break inside of a loop that is inside another loop"
    (
        "Parser",
        "break in nested while loops",
        "$r = & { while ($true) { 1\n while ($true) { 2; break; 3 }\n 4; break; 5 } }\nWrite-Host ($r -join '|')",
        &["1|2|4"],
    ),
    (
        "Parser",
        "break in nested foreach loops",
        "$r = & { foreach ($a in @(1, 2, 3)) { 1\n foreach ($b in @(1, 2, 3)) { 2; break; 3 }\n 4; break; 5 } }\nWrite-Host ($r -join '|')",
        &["1|2|4"],
    ),
    // "Try continue inside of different loop statements"
    ("Parser", "continue in while", "$r = & { $a = 0\n while ($a -lt 2) { $a\n $a += 1\n continue\n 2 } }\nWrite-Host ($r -join '|')", &["0|1"]),
    ("Parser", "continue in foreach", "$r = & { foreach ($a in 0, 1) { $a; continue; 2 } }\nWrite-Host ($r -join '|')", &["0|1"]),
    // "Boolean Tests"
    ("Parser", "a non-empty string is true", "Write-Host $(if ('A') { $true } else { $false })", &["True"]),
    ("Parser", "a single space is true", "Write-Host $(if (' ') { $true } else { $false })", &["True"]),
    ("Parser", "a string with spaces is true", "Write-Host $(if ('String with spaces') { $true } else { $false })", &["True"]),
    ("Parser", "0 is false", "Write-Host $(if (0) { $true } else { $false })", &["False"]),
    ("Parser", "$(0) is false", "$a = $(0)\nWrite-Host $(if ($a) { $true } else { $false })", &["False"]),
    // "Comparison operator Tests": -and / -or, and precedence of comparisons over -and
    ("Parser", "0 -and 1", "Write-Host $(if (0 -and 1) { $true } else { $false })", &["False"]),
    ("Parser", "0 -or 1", "Write-Host $(if (0 -or 1) { $true } else { $false })", &["True"]),
    ("Parser", "$false -eq $true -and $false", "Write-Host $(if ($false -eq $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -and $true -eq $false", "Write-Host $(if ($false -and $true -eq $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -ieq $true -and $false", "Write-Host $(if ($false -ieq $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -le $true -and $false", "Write-Host $(if ($false -le $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -and $true -le $false", "Write-Host $(if ($false -and $true -le $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -ile $true -and $false", "Write-Host $(if ($false -ile $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -ge $true -and $false", "Write-Host $(if ($false -ge $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -and $true -ge $false", "Write-Host $(if ($false -and $true -ge $false) { $true } else { $false })", &["False"]),
    ("Parser", "$false -like $true -and $false", "Write-Host $(if ($false -like $true -and $false) { $true } else { $false })", &["False"]),
    ("Parser", "!$true -and $false", "Write-Host $(if (!$true -and $false) { $true } else { $false })", &["False"]),
    // "Arithmetic and String Comparison Tests"
    ("Parser", "!$a -eq 10", "$a = 10\nif (!$a -eq 10) { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["2"]),
    ("Parser", "!3", "Write-Host (!3)", &["False"]),
    ("Parser", "$a -lt 15", "$a = 10\nif ($a -lt 15) { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["1"]),
    ("Parser", "'aaa' -ilt 'AAA'", "Write-Host ('aaa' -ilt 'AAA')", &["False"]),
    ("Parser", "'aaa' -lt 'AAA'", "Write-Host ('aaa' -lt 'AAA')", &["False"]),
    ("Parser", "$a -gt 15", "$a = 10\nif ($a -gt 15) { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["2"]),
    ("Parser", "'AAA' -igt 'aaa'", "Write-Host ('AAA' -igt 'aaa')", &["False"]),
    ("Parser", "'AAA' -gt 'aaa'", "Write-Host ('AAA' -gt 'aaa')", &["False"]),
    ("Parser", "$a -ge 10", "$a = 10\nif ($a -ge 10) { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["1"]),
    ("Parser", "'aaa' -ge 'aaa'", "Write-Host ('aaa' -ge 'aaa')", &["True"]),
    ("Parser", "$a -ne 10", "$a = 10\nif ($a -ne 10) { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["2"]),
    ("Parser", "'aaa' -ine 'AAA'", "Write-Host ('aaa' -ine 'AAA')", &["False"]),
    ("Parser", "'aaa' -ne 'AAA'", "Write-Host ('aaa' -ne 'AAA')", &["False"]),
    ("Parser", "$a -ieq 'ABC'", "$a = 'abc'\nif ($a -ieq 'ABC') { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["1"]),
    ("Parser", "'aaa' -ieq 'AAA'", "Write-Host ('aaa' -ieq 'AAA')", &["True"]),
    ("Parser", "$a -igt 'bbc'", "$a = 'abc'\nif ($a -igt 'bbc') { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["2"]),
    ("Parser", "'aaa' -igt 'AAA'", "Write-Host ('aaa' -igt 'AAA')", &["False"]),
    ("Parser", "$a -ile 'bbc'", "$a = 'abc'\nif ($a -ile 'bbc') { $a = 1 } else { $a = 2 }\nWrite-Host $a", &["1"]),
    ("Parser", "'aaa' -ile 'AAA'", "Write-Host ('aaa' -ile 'AAA')", &["True"]),
    // "Comparison Operators with Arrays Tests": an array on the left filters
    ("Parser", "@(3) -eq 3", "$r = @(3) -eq 3\nWrite-Host $r.Count $r", &["1 3"]),
    ("Parser", "@(4) -eq 3", "$r = @(4) -eq 3\nWrite-Host $r.Count", &["0"]),
    ("Parser", "@() -eq 3", "$r = @() -eq 3\nWrite-Host $r.Count", &["0"]),
    ("Parser", "a nested array is not 3", "$test = 1, 2, @(3, 4)\n$r = $test -eq 3\nWrite-Host $r.Count", &["0"]),
    ("Parser", "1, 2, @(3, 4) -eq 2", "$test = 1, 2, @(3, 4)\n$r = $test -eq 2\nWrite-Host $r.Count $r", &["1 2"]),
    // "Numerical Notations Tests": decimal integers
    ("Parser", "0", "Write-Host 0", &["0"]),
    ("Parser", "10", "Write-Host 10", &["10"]),
    ("Parser", "-10", "Write-Host (-10)", &["-10"]),
];

fn run(text: &str) -> Result<Vec<String>, String> {
    let mut m = Machine::new(Deployment::fresh());
    let r = shell::run_text(text, &mut m, &RunOptions::default())?;
    if let Some(f) = r.failure {
        return Err(format!("left the subset: {f}"));
    }
    if let Some(u) = r.uncaught {
        return Err(format!("uncaught: {u}"));
    }
    Ok(r.output)
}

#[test]
fn the_interpreter_agrees_with_powershells_language_tests() {
    let mut wrong = Vec::new();
    for (file, what, script, expected) in CASES {
        match run(script) {
            Ok(lines) if lines == *expected => {}
            Ok(lines) => wrong.push(format!("{file}: {what}: printed {lines:?}, PowerShell prints {expected:?}")),
            Err(e) => wrong.push(format!("{file}: {what}: {e}")),
        }
    }
    println!("{} language cases, {} wrong", CASES.len(), wrong.len());
    assert!(wrong.is_empty(), "{} of {} cases wrong:\n{}", wrong.len(), CASES.len(), wrong.join("\n"));
}
