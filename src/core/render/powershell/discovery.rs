//! The read-only discovery script: it reads what the wizard would otherwise ask, and prints it as
//! one block that `core::discovery::parse` reads back (the format is described there). It calls
//! only Get- cmdlets and Get-Command, in PowerShell 2.0 syntax, reads only the properties
//! lync-objects.md documents, and wraps every read so that a cmdlet the shell lacks, or may not
//! run, leaves an `absent` or `error` line for its part and the rest is still read.

use crate::core::answers::PoolVersion;
use crate::core::discovery::{
    is_safe, Part, ABSENT, BEGIN, END_PREFIX, ERROR, LINE_WIDTH, LOOKED_FOR, MADE, MARKER_TAIL, OK, RECORD_START, SEPARATOR,
};
use crate::core::facts::{cmdlet, DISCOVERY_FILE, RULES_VERSION};

use super::commands::domain_lookup;
use super::frame::unblock_hint;
use super::quote::quote;
use super::writer::Writer;

/// The longest error message a part's `error` line carries, before encoding.
const MESSAGE_CHARS: usize = 200;

pub fn discovery() -> String {
    let mut out = Writer::new();
    header(&mut out);
    out.comment("The script block keeps $ErrorActionPreference and its variables out of your session.");
    out.open("&");
    out.line("$ErrorActionPreference = 'Stop'");
    out.comment("A strict mode set in your session would make reading a property an object lacks (RoutingMethod on older objects) an error; this block reads without it.");
    out.line("Set-StrictMode -Off");
    helpers(&mut out);
    out.line(&format!("$lines = @('{RECORD_START}{MADE}{SEPARATOR}' + (& $encode {}))", quote(RULES_VERSION)));
    for part in Part::ALL {
        out.gap();
        for line in about(part) {
            out.comment(line);
        }
        out.open(&format!("$lines += & $readPart {} {}", quote(part.tag()), quote(part.cmdlet())));
        read(&mut out, part);
        out.close();
    }
    out.gap();
    out.comment(
        "Registrar pools are not read: no Microsoft page shows a Registrar's Version, so the wizard asks for the pool's version.",
    );
    out.gap();
    print_block(&mut out);
    out.close();
    out.text
}

fn header(out: &mut Writer) {
    out.comment("Read the deployment for the push-notification wizard: read-only");
    out.comment(&format!("Made by the Lync Server 2013 push-notification wizard (rules {RULES_VERSION})."));
    out.line("#");
    out.comment(
        "Read-only: it calls only Get- cmdlets and Get-Command (and Set-StrictMode -Off, inside its own block), and changes nothing. It runs no Set-, New-, Remove- or Test-Cs cmdlet (the tests federate and write logs), so it is safe to run on a production server.",
    );
    out.comment(
        "It reads the Edge pools, the sites, the Access Edge settings, the hosting providers, push.lync.com on the allowed and blocked lists, the push and mobility settings at every scope, which push cmdlets the shell has, and the replication status in sum.",
    );
    out.comment(
        "Run it in the Lync Server or Skype for Business Server Management Shell on an internal server, as a member of RTCUniversalUserAdmins or RTCUniversalServerAdmins (Microsoft's pages for these Get- cmdlets allow them by default). It is written for Windows PowerShell 2.0 (Lync Server 2010) to 5.1. A part the shell lacks, or that this account may not read, is reported as such and the rest is still read.",
    );
    out.comment(&format!(
        "If every part says absent, this is not the Management Shell: start it from the Start menu, or run Import-Module {} (Skype for Business Server: Import-Module {}) first.",
        crate::core::facts::product::LYNC_MODULE,
        crate::core::facts::product::SFB_MODULE
    ));
    out.comment(&format!(
        "It prints one block, from the line \"{BEGIN}\" to its END line. Paste the block into the wizard, or save it and give the file to the command line:"
    ));
    out.comment_line(&format!("  .\\{DISCOVERY_FILE} > discovery.txt"));
    out.comment_line("  lync-push-wizard --discovery discovery.txt");
    out.comment("Or paste the whole script into the Management Shell (the execution policy does not apply to a paste); if the console waits at >>, press Enter once more.");
    out.comment("The block holds internal FQDNs and site names: share it only where you would share your topology.");
    out.comment(&format!(
        "Every value is percent-encoded (as in web addresses), no line is longer than {LINE_WIDTH} characters, and the END line counts the records and carries their check value, so a block cut short or changed in copying is found."
    ));
    out.line("#");
    unblock_hint(out, DISCOVERY_FILE, PoolVersion::Lync2010);
    out.line("");
}

/// `$encode` (a value as UTF-8, every byte outside the safe set as `%XX`, the condition written
/// from `discovery::is_safe`), `$record` (a record from its tag and values) and `$readPart`
/// (one part, wrapped: `absent` when the shell lacks its cmdlet, `error` when it fails).
fn helpers(out: &mut Writer) {
    out.comment("Values are percent-encoded: a byte outside A-Z a-z 0-9 - . _ : @ becomes %XX, so no value can break a line or a record.");
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
    out.comment("Each part: absent when the shell lacks its cmdlet, its error when the cmdlet fails, else its items and their count.");
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
fn about(part: Part) -> &'static [&'static str] {
    match part {
        Part::Cmdlets => &["Which push cmdlets this shell has: Get-Command looks them up and runs none of them."],
        Part::EdgePools => &[
            "Edge pools: PoolFqdn (the internal FQDN the tests need), SiteId and Version, as Microsoft's sample output prints them.",
            "No Microsoft page maps Version's numbers to products, so it is printed as it is.",
        ],
        Part::Sites => &[
            "Sites: Identity, the site's name that push settings take (site:<name>); Set-CsSite Example 3 passes Get-CsSite's $_.Identity as a site's name. DisplayName is not read: it may differ from the name (Set-CsSite Example 2).",
        ],
        Part::AccessEdge => &[
            "The Access Edge: the output type's name and RoutingMethod tell the routing (Get-CsAccessEdgeConfiguration, OUTPUTS; Microsoft's samples that print RoutingMethod are from Lync Server 2013 and later pages).",
            "EnablePartnerDiscovery is read only from the DNS SRV routing object, the only one that has it.",
        ],
        Part::Providers => &[
            "Hosting providers: Identity, ProxyFqdn, Enabled, EnabledSharedAddressSpace, VerificationLevel. Get-CsHostingProvider's page has no sample output: Enabled and EnabledSharedAddressSpace are used in its examples, Identity, ProxyFqdn and VerificationLevel are documented as parameters (Microsoft's hybrid pages read $_.ProxyFqdn).",
        ],
        Part::Allowed => &["push.lync.com on the allowed domain list."],
        Part::Blocked => &["push.lync.com on the blocked domain list."],
        Part::Push => &["Push settings at every scope: Global and each site's."],
        Part::Mcx => &["Mobility settings at every scope: the push proxy they send to (PushNotificationProxyUri)."],
        Part::Replication => &["Central Management Store replication, in sum: the replicas, and how many are UpToDate."],
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
fn print_block(out: &mut Writer) {
    out.comment("The check value: Adler-32 of the records, each followed by a line feed.");
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
