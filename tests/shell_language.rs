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
