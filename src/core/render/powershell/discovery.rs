//! The read-only discovery script: it reads what the wizard would otherwise ask, and prints it as
//! one block that `core::discovery::parse` reads back (the format is described there). It calls
//! only Get- cmdlets and Get-Command, in PowerShell 2.0 syntax, reads only the properties
//! lync-objects.md documents, and wraps every read so that a cmdlet the shell lacks, or may not
//! run, leaves an `absent` or `error` line for its part and the rest is still read.

use crate::core::discovery::{
    is_safe, Part, ABSENT, BEGIN, END_PREFIX, ERROR, LINE_WIDTH, LOOKED_FOR, MADE, MARKER_TAIL, OK, RECORD_START, SEPARATOR,
};
use crate::core::facts::{cmdlet, RULES_VERSION};
use crate::core::i18n::fill;
use crate::core::render::view::DiscoveryView;

use super::commands::domain_lookup;
use super::quote::quote;
use super::writer::Writer;

/// The longest error message a part's `error` line carries, before encoding.
const MESSAGE_CHARS: usize = 200;

/// The script with English comments, as the CLI prints it.
pub fn discovery() -> String {
    discovery_in(&DiscoveryView::english())
}

/// The script with the comments of `view`'s language (`render::view::DiscoveryView`): the code,
/// and so the block it prints, is the same in every language.
pub fn discovery_in(view: &DiscoveryView) -> String {
    let s = view;
    let mut out = Writer::new();
    header(&mut out, s);
    out.comment(s.said.block_scope);
    out.open("&");
    out.line("$ErrorActionPreference = 'Stop'");
    out.comment(s.said.strict_mode);
    out.line("Set-StrictMode -Off");
    helpers(&mut out, s);
    out.line(&format!("$lines = @('{RECORD_START}{MADE}{SEPARATOR}' + (& $encode {}))", quote(RULES_VERSION)));
    for part in Part::ALL {
        out.gap();
        for line in about(part, s) {
            out.comment(line);
        }
        out.open(&format!("$lines += & $readPart {} {}", quote(part.tag()), quote(part.cmdlet())));
        read(&mut out, part);
        out.close();
    }
    out.gap();
    out.comment(s.said.registrar);
    out.gap();
    print_block(&mut out, s);
    out.close();
    out.text
}

fn header(out: &mut Writer, s: &DiscoveryView) {
    let file = s.file;
    out.comment(s.said.title);
    out.comment(&fill(s.said.made_by, &[RULES_VERSION]));
    out.line("#");
    out.comment(s.said.read_only);
    out.comment(s.said.reads);
    out.comment(s.said.run_as);
    out.comment(&fill(s.said.all_absent, &[crate::core::facts::product::LYNC_MODULE, crate::core::facts::product::SFB_MODULE]));
    out.comment(&fill(s.said.prints, &[BEGIN]));
    out.comment_line(&format!("  .\\{file} > discovery.txt"));
    out.comment_line("  lync-push-wizard --discovery discovery.txt");
    out.comment(s.said.paste);
    out.comment(s.said.private);
    out.comment(&fill(s.said.encoding, &[&LINE_WIDTH.to_string()]));
    out.line("#");
    // As the configuration scripts say it (`frame::unblock_hint`) for a Lync Server 2010 pool:
    // the discovery script runs in any version's shell.
    out.comment(&fill(s.said.unblock, &[file]));
    out.comment_line(&fill(s.said.unblock_new, &[file]));
    out.comment(s.said.unblock_old);
    out.line("");
}

/// `$encode` (a value as UTF-8, every byte outside the safe set as `%XX`, the condition written
/// from `discovery::is_safe`), `$record` (a record from its tag and values) and `$readPart`
/// (one part, wrapped: `absent` when the shell lacks its cmdlet, `error` when it fails).
fn helpers(out: &mut Writer, s: &DiscoveryView) {
    out.comment(s.said.encode);
    out.template(
        r#"
        $encode = {
            param($value)
            $text = ''
            foreach ($byte in [System.Text.Encoding]::UTF8.GetBytes([string]$value)) {
                if ({0}) {
                    $text += [char]$byte
                }
                else {
                    $text += '%' + $byte.ToString('X2')
                }
            }
            $text
        }
        $record = {
            param($tag, $values)
            $line = '{1}' + $tag
            foreach ($value in $values) {
                $line += '{2}' + (& $encode $value)
            }
            $line
        }
        "#,
        &[&safe_condition(), &RECORD_START.to_string(), &SEPARATOR.to_string()],
    );
    out.comment(s.said.each_part);
    out.template(
        r#"
        $readPart = {
            param($part, $cmdlet, $read)
            try {
                if (@(Get-Command -Name $cmdlet -ErrorAction SilentlyContinue).Count -eq 0) {
                    '{0}' + $part
                }
                else {
                    $items = @(& $read)
                    $items
                    '{1}' + $part + '{3}' + $items.Count
                }
            }
            catch {
                $message = [string]$_.Exception.Message
                $at = $message.IndexOf('is set to Stop: ')
                if ($at -ge 0) {
                    $message = $message.Substring($at + 16)
                }
                if ($message.Length -gt {4}) {
                    $message = $message.Substring(0, {4})
                }
                '{2}' + $part + '{3}' + (& $encode $message)
            }
        }
        "#,
        &[
            &format!("{RECORD_START}{ABSENT}{SEPARATOR}"),
            &format!("{RECORD_START}{OK}{SEPARATOR}"),
            &format!("{RECORD_START}{ERROR}{SEPARATOR}"),
            &SEPARATOR.to_string(),
            &MESSAGE_CHARS.to_string(),
        ],
    );
}

/// `discovery::is_safe` as a PowerShell condition on `$byte`, one clause per run of safe bytes.
fn safe_condition() -> String {
    let mut clauses = Vec::new();
    let mut byte = 0u16;
    while byte < 256 {
        if !is_safe(byte as u8) {
            byte += 1;
            continue;
        }
        let first = byte;
        while byte < 256 && is_safe(byte as u8) {
            byte += 1;
        }
        clauses.push(match byte - 1 {
            last if last == first => format!("$byte -eq {first}"),
            last => format!("($byte -ge {first} -and $byte -le {last})"),
        });
    }
    clauses.join(" -or ")
}

/// What each part reads, and how Microsoft documents it (lync-objects.md).
fn about(part: Part, s: &DiscoveryView) -> Vec<&'static str> {
    match part {
        Part::Cmdlets => vec![s.said.about_cmdlets],
        Part::EdgePools => vec![s.said.about_edge, s.said.about_edge_version],
        Part::Sites => vec![s.said.about_sites],
        Part::AccessEdge => vec![s.said.about_access_edge, s.said.about_partner_discovery],
        Part::Providers => vec![s.said.about_providers],
        Part::Allowed => vec![s.said.about_allowed],
        Part::Blocked => vec![s.said.about_blocked],
        Part::Push => vec![s.said.about_push],
        Part::Mcx => vec![s.said.about_mcx],
        Part::Replication => vec![s.said.about_replication],
    }
}

/// The script block that reads one part's items.
fn read(out: &mut Writer, part: Part) {
    let tag = quote(part.tag());
    // `(,$x)` keeps a single $null value as one field; `@($x)` would drop it.
    let values = |variable: &str| match part.fields() {
        [one] => format!("(,${variable}.{one})"),
        all => format!("@({})", all.iter().map(|field| format!("${variable}.{field}")).collect::<Vec<_>>().join(", ")),
    };
    let each = |out: &mut Writer, source: &str| {
        out.open(&format!("foreach ($item in @({source}))"));
        out.line(&format!("& $record {tag} {}", values("item")));
        out.close();
    };
    match part {
        Part::Cmdlets => {
            let names = LOOKED_FOR.iter().map(|name| quote(name)).collect::<Vec<_>>().join(", ");
            out.open(&format!("foreach ($name in @({names}))"));
            out.line(&format!("& $record {tag} @($name, (@({} -Name $name -ErrorAction SilentlyContinue).Count -gt 0))", cmdlet::GET_COMMAND));
            out.close();
        }
        Part::EdgePools => each(out, &format!("{} -EdgeServer", cmdlet::GET_SERVICE)),
        Part::Sites | Part::Providers | Part::Push | Part::Mcx => each(out, part.cmdlet()),
        Part::Allowed | Part::Blocked => each(out, &domain_lookup(part.cmdlet())),
        Part::AccessEdge => out.template(
            r#"
            $accessEdge = {0}
            $type = $accessEdge.GetType().Name
            $method = [string]$accessEdge.RoutingMethod
            $partner = $null
            if ($type -like '*DnsSrvRouting' -or ($type -notlike '*DefaultRoute' -and $method -eq 'UseDnsSrvRouting')) {
                $partner = $accessEdge.EnablePartnerDiscovery
            }
            & $record {1} @($type, $method, $accessEdge.AllowFederatedUsers, $partner)
            "#,
            &[cmdlet::GET_ACCESS_EDGE_CONFIGURATION, &tag],
        ),
        Part::Replication => out.template(
            r#"
            $replicas = @({0})
            $upToDate = @($replicas | Where-Object { $_.UpToDate })
            & $record {1} @($replicas.Count, $upToDate.Count)
            "#,
            &[cmdlet::GET_REPLICATION_STATUS, &tag],
        ),
    }
}

/// The block: the Adler-32 of the records (`discovery::checksum`), then the begin line, each
/// record in pieces of at most `LINE_WIDTH`, and the end line with the count and the check.
fn print_block(out: &mut Writer, s: &DiscoveryView) {
    out.comment(s.said.check_value);
    out.template(
        r#"
        $sumA = 1
        $sumB = 0
        foreach ($line in $lines) {
            foreach ($byte in [System.Text.Encoding]::UTF8.GetBytes($line + "`n")) {
                $sumA += $byte
                if ($sumA -ge 65521) {
                    $sumA -= 65521
                }
                $sumB += $sumA
                if ($sumB -ge 65521) {
                    $sumB -= 65521
                }
            }
        }
        {0}
        foreach ($line in $lines) {
            $rest = $line
            while ($rest.Length -gt {1}) {
                $rest.Substring(0, {1})
                $rest = $rest.Substring({1})
            }
            $rest
        }
        {2} + $lines.Count + ' check=' + $sumB.ToString('X4') + $sumA.ToString('X4') + {3}
        "#,
        &[&quote(BEGIN), &LINE_WIDTH.to_string(), &quote(&format!("{END_PREFIX}records=")), &quote(MARKER_TAIL)],
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::render::powershell::highlight::{tokens, TokenKind};

    #[test]
    fn the_safe_condition_is_is_safe() {
        assert_eq!(
            safe_condition(),
            "($byte -ge 45 -and $byte -le 46) -or ($byte -ge 48 -and $byte -le 58) -or ($byte -ge 64 -and $byte -le 90) -or $byte -eq 95 -or ($byte -ge 97 -and $byte -le 122)"
        );
    }

    /// Read-only: the only Lync cmdlets it runs are Get- ones, and no other command that writes
    /// appears outside a string (Get-Command looks the push cmdlets up by name). The modelled
    /// shell holds the calls themselves to that (tests/discovery.rs).
    #[test]
    fn it_runs_only_get_cmdlets() {
        let script = discovery();
        let code: Vec<(TokenKind, &str)> =
            script.lines().flat_map(tokens).filter(|(kind, _)| !matches!(kind, TokenKind::String | TokenKind::Comment)).collect();
        let cmdlets: Vec<&str> = code.iter().filter(|(kind, _)| *kind == TokenKind::Cmdlet).map(|(_, word)| *word).collect();
        assert!(cmdlets.iter().all(|name| name.starts_with("Get-") || *name == "Where-Object" || *name == "Set-StrictMode"), "{cmdlets:?}");
        for verb in ["Set-", "New-", "Remove-", "Test-Cs", "Export-", "Out-File", "Rename-", "Invoke-", "Start-"] {
            assert!(code.iter().all(|(_, word)| !word.contains(verb) || *word == "Set-StrictMode"), "{verb}");
        }
        assert!(script.contains("'Test-CsMcxPushNotification'"), "looked up by name, never run");
        let body = &script[script.find("& {").expect("the script block")..];
        assert!(body.lines().all(|line| !line.trim().is_empty()), "no empty line inside the block");
    }
}
