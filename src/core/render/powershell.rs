//! The Lync Server Management Shell script. PowerShell 2.0 syntax only, so it runs in the shells
//! of Lync Server 2010 (PowerShell 2.0) and 2013 (3.0) alike (facts §2). Every change is guarded by
//! a check, so running it twice changes nothing the second time.

use crate::core::decision::{Services, Verdict};
use crate::core::facts::{
    cmdlet, LYNC_ONLINE_PROXY_FQDN, NEW_PROVIDER_IDENTITY, PROVIDER_VERIFICATION_LEVEL, PUSH_DOMAIN, SEED_TITLE, SEED_URL,
    UNDO_RECORD_FILE,
};
use crate::core::plan::{Action, Plan, Role, Scope, Step};
use crate::core::i18n::EN;
use crate::core::text;
use crate::core::RULES_VERSION;

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

/// The command a step runs, as the seed writes it (names, values and order), or `None` for a step
/// done by hand. User values enter only through `quote`.
pub fn seed_command(action: &Action) -> Option<String> {
    match action {
        // Facts §2: the duplicate check Microsoft's hybrid docs use; nothing is added.
        Action::AddHostingProvider { existing: Some(_) } => Some(provider_lookup()),
        // Seed 0cb70-122, verbatim.
        Action::AddHostingProvider { existing: None } => Some(format!(
            "{} -Identity \"{NEW_PROVIDER_IDENTITY}\" -Enabled $True -ProxyFqdn \"{LYNC_ONLINE_PROXY_FQDN}\" -VerificationLevel {PROVIDER_VERIFICATION_LEVEL}",
            cmdlet::NEW_HOSTING_PROVIDER
        )),
        // Seed 0cb70-126, verbatim.
        Action::AllowPushDomain => Some(format!("{} -Identity \"{PUSH_DOMAIN}\"", cmdlet::NEW_ALLOWED_DOMAIN)),
        Action::FederateOcsEdge => None,
        // Seed 0cb70-140, with only the services needed; a site scope adds -Identity (facts §2).
        Action::EnablePush { services, scope } => {
            let identity = match scope {
                Scope::Global => String::new(),
                Scope::Site(_) => " -Identity $siteIdentity".to_string(),
            };
            Some(format!("{}{identity}{}", cmdlet::SET_PUSH_CONFIGURATION, switches(*services)))
        }
        // Seed 0cb70-142, verbatim.
        Action::AllowFederatedUsers { .. } => {
            Some(format!("{} -AllowFederatedUsers $True", cmdlet::SET_ACCESS_EDGE_CONFIGURATION))
        }
        // Seed 0cb70-148, with your Access Edge FQDN.
        Action::TestFederation { access_edge } => Some(format!(
            "{} -TargetFqdn {} -Domain {PUSH_DOMAIN} -ProxyFqdn {LYNC_ONLINE_PROXY_FQDN}",
            cmdlet::TEST_FEDERATED_PARTNER,
            quote(access_edge.as_str())
        )),
        // Seed 0cb70-151, with your Access Edge FQDN.
        Action::TestPush { access_edge } => Some(format!(
            "{} -AccessEdgeFqdn {}",
            cmdlet::TEST_MCX_PUSH_NOTIFICATION,
            quote(access_edge.as_str())
        )),
    }
}

pub(super) fn provider_lookup() -> String {
    format!("{} | Where-Object {{ $_.ProxyFqdn -eq \"{LYNC_ONLINE_PROXY_FQDN}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// The hosting provider the configuration script may have created, by its Identity.
pub(super) fn provider_lookup_by_identity() -> String {
    format!("{} | Where-Object {{ [string]$_.Identity -eq \"{NEW_PROVIDER_IDENTITY}\" }}", cmdlet::GET_HOSTING_PROVIDER)
}

/// `-Enable…Service $True` for each needed service; an unneeded one is left out, never `$False`.
fn switches(services: Services) -> String {
    let mut text = String::new();
    if services.apns {
        text.push_str(" -EnableApplePushNotificationService $True");
    }
    if services.mpns {
        text.push_str(" -EnableMicrosoftPushNotificationService $True");
    }
    text
}

/// PowerShell condition that is true when every needed switch of `$variable` is already on.
fn switches_on(variable: &str, services: Services) -> String {
    let mut checks = Vec::new();
    if services.apns {
        checks.push(format!("{variable}.EnableApplePushNotificationService"));
    }
    if services.mpns {
        checks.push(format!("{variable}.EnableMicrosoftPushNotificationService"));
    }
    checks.join(" -and ")
}

pub(super) struct Writer {
    pub(super) text: String,
    depth: usize,
}

impl Writer {
    pub(super) fn new() -> Writer {
        Writer { text: String::new(), depth: 0 }
    }

    pub(super) fn line(&mut self, code: &str) {
        if !code.is_empty() {
            for _ in 0..self.depth {
                self.text.push_str("    ");
            }
            self.text.push_str(code);
        }
        self.text.push('\n');
    }

    /// A comment, wrapped at about 100 columns so a reviewer never scrolls sideways. Breaks fall
    /// on spaces of the original text, so aligned columns keep their spacing; continuation lines
    /// are indented two more than the first.
    pub(super) fn comment(&mut self, text: &str) {
        // Our prose and validated values hold no line breaks; folding them keeps that true.
        let text = text.replace(['\r', '\n'], " ");
        let width = 100usize.saturating_sub(self.depth * 4 + 2).max(40);
        let indent = " ".repeat(text.len() - text.trim_start().len() + 2);
        let mut rest = text.trim_end();
        let mut prefix = "";
        loop {
            let room = width - prefix.len();
            if rest.len() <= room || !rest.is_char_boundary(room + 1) {
                self.line(format!("# {prefix}{rest}").trim_end());
                return;
            }
            // The last space that fits, not inside the leading indent; else the next one at all.
            let lead = rest.len() - rest.trim_start().len();
            let cut = rest[..=room].rfind(' ').filter(|&at| at > lead).or_else(|| rest[room..].find(' ').map(|at| room + at));
            let Some(cut) = cut else {
                self.line(format!("# {prefix}{rest}").trim_end());
                return;
            };
            self.line(&format!("# {prefix}{}", rest[..cut].trim_end()));
            rest = rest[cut..].trim_start();
            prefix = &indent;
        }
    }

    /// A comment kept on one line whatever its length: the header's answers, whose share link
    /// `share::from_script` reads back from a single line.
    pub(super) fn comment_line(&mut self, text: &str) {
        self.line(format!("# {}", text.replace(['\r', '\n'], " ")).trim_end());
    }

    pub(super) fn say(&mut self, message: &str) {
        self.line(&format!("Write-Host {}", quote(message)));
    }

    pub(super) fn open(&mut self, code: &str) {
        self.line(&format!("{code} {{"));
        self.depth += 1;
    }

    pub(super) fn close(&mut self) {
        self.depth -= 1;
        self.line("}");
    }

    /// Closes the outermost script block and passes it this script's path.
    pub(super) fn close_script_block(&mut self) {
        self.depth -= 1;
        self.line("} $MyInvocation.MyCommand.Path");
    }

    /// `}` then `else {` on the next line: PowerShell 2.0 accepts both, this reads more plainly.
    pub(super) fn reopen(&mut self, code: &str) {
        self.close();
        self.open(code);
    }
}

/// Keys of the undo record; the rollback script reads what the configuration script wrote.
pub(super) mod record {
    pub const CREATED_PROVIDER: &str = "CreatedHostingProvider";
    pub const CREATED_DOMAIN: &str = "CreatedAllowedDomain";
    pub const PUSH_BEFORE: &str = "PushBefore";
    pub const FEDERATION_BEFORE: &str = "AllowFederatedUsersBefore";
    pub const SAVE: &str = "$record | Export-Clixml -Path $recordPath";
}

/// Opens the script block both scripts run in: it keeps `$ErrorActionPreference` and the
/// variables out of the session, and finds the undo record beside the script (or in the current
/// folder when the script is pasted into the shell).
pub(super) fn open_script_block(out: &mut Writer) {
    out.comment("The script block keeps $ErrorActionPreference and its variables out of your session.");
    out.open("&");
    out.line("param($scriptPath)");
    out.line("$ErrorActionPreference = 'Stop'");
    out.line("$recordFolder = (Get-Location).Path");
    out.open("if ($scriptPath)");
    out.line("$recordFolder = Split-Path -Parent $scriptPath");
    out.close();
    out.line(&format!("$recordPath = Join-Path $recordFolder {}", quote(UNDO_RECORD_FILE)));
}

pub fn script(plan: &Plan) -> String {
    let mut out = Writer::new();
    header(&mut out, plan, "Push notifications for Lync Server mobility");
    how_to_run(&mut out, plan);
    match plan.decision.verdict {
        Verdict::Configure { .. } => configuration(&mut out, plan),
        Verdict::NotNeeded { .. } | Verdict::Blocked { .. } => nothing_to_change(&mut out, plan),
    }
    out.text
}

pub(super) fn header(out: &mut Writer, plan: &Plan, title: &str) {
    out.comment(title);
    out.comment(&format!("Made by the Lync Server 2013 push-notification wizard, rules {RULES_VERSION}, from"));
    out.comment(&format!("\"{SEED_TITLE}\" ({SEED_URL})"));
    out.line("#");
    out.comment("Answers");
    for (label, value) in super::answer_lines(&EN, &plan.answers()) {
        out.comment_line(&format!("  {:<18}{value}", format!("{label}:")));
    }
    out.line("#");
    out.comment(&format!("Verdict: {}", text::verdict_headline(&EN, &plan.decision)));
}

/// How to run the configuration script, after the shared header.
fn how_to_run(out: &mut Writer, plan: &Plan) {
    out.comment(text::verdict_advice(&EN, &plan.decision));
    if !plan.steps.is_empty() {
        out.line("#");
        for (number, step) in plan.numbered().filter(|(_, step)| step.action.is_manual()) {
            out.comment(&format!(
                "Step {number} is done by hand before this script runs: {} (see the GUI steps).",
                text::step_title(&EN, &step.action)
            ));
        }
        out.comment("Run in the Lync Server Management Shell of Lync Server 2010 or 2013,");
        out.comment("on an internal server with Ocscore installed (not on the Edge Server).");
        out.comment(&roles_line(plan));
        out.comment("Safe to run more than once: each change is made only when a check shows it is needed.");
        out.comment("It stops at the first error; on the next run, finished steps are skipped.");
    }
    out.line("");
}

/// "Steps 1-2 need RtcUniversalServerAdmins; steps 3-6 need CsAdministrator."
fn roles_line(plan: &Plan) -> String {
    let mut runs: Vec<(Role, usize, usize)> = Vec::new();
    for (number, step) in plan.script_steps() {
        match runs.last_mut() {
            Some((role, _, last)) if *role == step.role => *last = number,
            _ => runs.push((step.role, number, number)),
        }
    }
    let parts: Vec<String> = runs
        .iter()
        .map(|(role, first, last)| {
            let steps = if first == last { format!("step {first} needs") } else { format!("steps {first}-{last} need") };
            format!("{steps} {}", role.token())
        })
        .collect();
    let line = parts.join("; ");
    let mut chars = line.chars();
    chars.next().map(|first| first.to_ascii_uppercase().to_string() + chars.as_str() + ".").unwrap_or_default()
}

fn nothing_to_change(out: &mut Writer, plan: &Plan) {
    let headline = text::verdict_headline(&EN, &plan.decision);
    match plan.decision.verdict {
        Verdict::Blocked { .. } => out.line(&format!("Write-Warning {}", quote(&headline))),
        Verdict::Configure { .. } | Verdict::NotNeeded { .. } => out.say(&headline),
    }
    for client in &plan.decision.clients {
        out.say(&format!("  {}: {}", text::client_label(&EN, client.client), text::need_reason(&EN, client.need)));
    }
    out.say(text::verdict_advice(&EN, &plan.decision));
    out.say("This script changed nothing.");
}

fn configuration(out: &mut Writer, plan: &Plan) {
    let total = plan.steps.len();
    open_script_block(out);
    out.comment("The undo record: values from before the first change, and what this script created.");
    out.comment("The rollback script reads it. A second run adds to it and keeps the earlier values.");
    out.line("$record = @{}");
    out.open("if (Test-Path -Path $recordPath)");
    out.line("$record = Import-Clixml -Path $recordPath");
    out.line("Write-Host ('Adding to the undo record ' + $recordPath + '; values from before the first run are kept.')");
    out.close();
    out.open("try");
    for (number, step) in plan.script_steps() {
        step_block(out, number, total, step);
        out.line("");
    }
    out.say("Finished. Read any warnings above; the plan explains each one.");
    out.close();
    out.open("catch");
    out.line("Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red");
    out.say("Later steps did not run. Fix the cause and run the script again; finished steps are skipped.");
    out.close();
    out.close_script_block();
}

/// Records a value from before the first change (a second run keeps the first run's value).
fn remember_before(out: &mut Writer, key: &str, value: &str) {
    out.open(&format!("if (-not $record.ContainsKey('{key}'))"));
    out.line(&format!("$record['{key}'] = {value}"));
    out.line(record::SAVE);
    out.close();
}

/// Records that this script created something, so the rollback may remove it.
fn remember_created(out: &mut Writer, key: &str, value: &str) {
    out.line(&format!("$record['{key}'] = \"{value}\""));
    out.line(record::SAVE);
}

fn step_block(out: &mut Writer, number: usize, total: usize, step: &Step) {
    let title = text::step_title(&EN, &step.action);
    out.comment(&format!("Step {number} of {total}: {title}"));
    out.comment(&format!("Why: {}", text::step_why(&EN, &step.action)));
    out.comment(&format!("Needs: {}. Seed: \"{}\".", step.role.token(), step.seed.title(&EN)));
    out.say(&format!("Step {number} of {total}: {title}"));
    let command = seed_command(&step.action).unwrap_or_default();
    match &step.action {
        Action::AddHostingProvider { existing } => hosting_provider(out, existing.as_ref().map(|n| n.as_str()), &command),
        Action::AllowPushDomain => allowed_domain(out, &command),
        Action::FederateOcsEdge => {}
        Action::EnablePush { services, scope } => enable_push(out, *services, scope, &command),
        Action::AllowFederatedUsers { check_dns_srv_routing } => federation(out, *check_dns_srv_routing, &command),
        Action::TestFederation { .. } => read_only_test(
            out,
            "A read-only test: a failure is reported and the script goes on.",
            &command,
            "'  Result: ' + $result.Result + ' ' + $result.Error",
        ),
        Action::TestPush { .. } => read_only_test(
            out,
            "A read-only test. It throws on failure instead of returning Failure.",
            &command,
            "'  Result: ' + $result.Result",
        ),
    }
}

/// A test that changes nothing: its failure is printed, and the script goes on.
fn read_only_test(out: &mut Writer, comment: &str, command: &str, report: &str) {
    out.comment(comment);
    out.open("try");
    out.line(&format!("$result = {command}"));
    out.line(&format!("Write-Host ({report})"));
    out.reopen("catch");
    out.line("Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow");
    out.close();
}

/// Seed note 0cb70-123/124: never a second hosting provider for sipfed.online.lync.com.
fn hosting_provider(out: &mut Writer, existing: Option<&str>, command: &str) {
    out.line(&format!("$provider = @({})", provider_lookup()));
    match existing {
        Some(identity) => {
            out.open("if ($provider.Count -eq 0)");
            out.line(&format!(
                "throw {}",
                quote(&format!(
                    "No hosting provider federates with {LYNC_ONLINE_PROXY_FQDN}, but the answers say {identity} does. Check that this is the right deployment, then answer the wizard again."
                ))
            ));
            out.close();
            out.open(&format!("if ([string]$provider[0].Identity -ne {})", quote(identity)));
            out.line(&format!(
                "Write-Warning ('The hosting provider for {LYNC_ONLINE_PROXY_FQDN} is ' + $provider[0].Identity + {})",
                quote(&format!(", not {identity}; it serves push all the same."))
            ));
            out.close();
            provider_found(out);
        }
        None => {
            out.open("if ($provider.Count -gt 0)");
            provider_found(out);
            out.reopen("else");
            out.line(&format!("$sameName = @({})", provider_lookup_by_identity()));
            out.open("if ($sameName.Count -gt 0)");
            out.line(&format!(
                "throw {}",
                quote(&format!(
                    "A hosting provider named {NEW_PROVIDER_IDENTITY} exists with another ProxyFqdn, which cannot be changed. Check it with Get-CsHostingProvider before adding the Lync Online provider."
                ))
            ));
            out.close();
            out.line(command);
            remember_created(out, record::CREATED_PROVIDER, NEW_PROVIDER_IDENTITY);
            out.say(&format!("  Done: added hosting provider {NEW_PROVIDER_IDENTITY} for {LYNC_ONLINE_PROXY_FQDN}."));
            out.close();
        }
    }
}

fn provider_found(out: &mut Writer) {
    out.line(&format!(
        "Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with {LYNC_ONLINE_PROXY_FQDN}, and only one may.')"
    ));
    out.open("if (-not $provider[0].Enabled)");
    out.line("Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled; push needs it enabled (Set-CsHostingProvider -Enabled $True).')");
    out.close();
}

fn allowed_domain(out: &mut Writer, command: &str) {
    out.line(&format!("$allowed = @({} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }})", cmdlet::GET_ALLOWED_DOMAIN));
    out.open("if ($allowed.Count -gt 0)");
    out.say(&format!("  Skipped: {PUSH_DOMAIN} is already an allowed domain."));
    out.reopen("else");
    out.comment("New-CsAllowedDomain fails for a domain on the blocked list, so say why first.");
    out.line(&format!("$blocked = @({} | Where-Object {{ $_.Domain -eq \"{PUSH_DOMAIN}\" }})", cmdlet::GET_BLOCKED_DOMAIN));
    out.open("if ($blocked.Count -gt 0)");
    out.line(&format!(
        "throw {}",
        quote(&format!(
            "{PUSH_DOMAIN} is on the blocked domain list, so it cannot be allowed. If your policy permits, remove it from that list, then run the script again."
        ))
    ));
    out.close();
    out.line(command);
    remember_created(out, record::CREATED_DOMAIN, PUSH_DOMAIN);
    out.say(&format!("  Done: added {PUSH_DOMAIN} to the allowed domains."));
    out.close();
}

fn enable_push(out: &mut Writer, services: Services, scope: &Scope, command: &str) {
    match scope {
        Scope::Global => {
            out.line(&format!("$push = {} -Identity global", cmdlet::GET_PUSH_CONFIGURATION));
            out.open(&format!("if ({})", switches_on("$push", services)));
            out.say("  Skipped: already on in the global settings.");
            out.reopen("else");
            remember_before(out, record::PUSH_BEFORE, &push_values("'global'", "$true", "$push"));
            out.line(command);
            out.say("  Done: turned on in the global settings.");
            out.close();
            out.comment("Site settings override the global ones for that site (facts: New-CsPushNotificationConfiguration).");
            out.open(&format!("foreach ($site in @({} -Filter \"site:*\"))", cmdlet::GET_PUSH_CONFIGURATION));
            out.open(&format!("if (-not ({}))", switches_on("$site", services)));
            out.line("Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')");
            out.close();
            out.close();
        }
        Scope::Site(name) => {
            out.line(&format!("$siteIdentity = {}", quote(&format!("site:{}", name.as_str()))));
            out.line(&format!(
                "$push = @({} -Filter \"site:*\" | Where-Object {{ [string]$_.Identity -eq $siteIdentity }})",
                cmdlet::GET_PUSH_CONFIGURATION
            ));
            out.open("if ($push.Count -eq 0)");
            out.comment("New site settings override global there; a service not needed here keeps its global value.");
            let mut create = format!("{} -Identity $siteIdentity{}", cmdlet::NEW_PUSH_CONFIGURATION, switches(services));
            if !services.apns || !services.mpns {
                out.line(&format!("$globalPush = {} -Identity global", cmdlet::GET_PUSH_CONFIGURATION));
            }
            if !services.apns {
                create.push_str(" -EnableApplePushNotificationService $globalPush.EnableApplePushNotificationService");
            }
            if !services.mpns {
                create.push_str(" -EnableMicrosoftPushNotificationService $globalPush.EnableMicrosoftPushNotificationService");
            }
            remember_before(out, record::PUSH_BEFORE, "@{ Identity = $siteIdentity; Existed = $false }");
            out.line(&create);
            out.line("Write-Host ('  Done: created ' + $siteIdentity + ' with push turned on.')");
            out.reopen(&format!("elseif ({})", switches_on("$push[0]", services)));
            out.line("Write-Host ('  Skipped: already on in ' + $siteIdentity + '.')");
            out.reopen("else");
            remember_before(out, record::PUSH_BEFORE, &push_values("$siteIdentity", "$true", "$push[0]"));
            out.line(command);
            out.line("Write-Host ('  Done: turned on in ' + $siteIdentity + '.')");
            out.close();
        }
    }
}

/// A push collection's identity and switches, as the undo record keeps them.
fn push_values(identity: &str, existed: &str, variable: &str) -> String {
    format!(
        "@{{ Identity = {identity}; Existed = {existed}; Apple = [bool]{variable}.EnableApplePushNotificationService; Microsoft = [bool]{variable}.EnableMicrosoftPushNotificationService }}"
    )
}

fn federation(out: &mut Writer, check_dns_srv_routing: bool, command: &str) {
    out.line(&format!("$accessEdge = {}", cmdlet::GET_ACCESS_EDGE_CONFIGURATION));
    out.open("if ($accessEdge.AllowFederatedUsers)");
    out.say("  Skipped: the Access Edge already allows federated users.");
    out.reopen("else");
    remember_before(out, record::FEDERATION_BEFORE, "[bool]$accessEdge.AllowFederatedUsers");
    out.line(command);
    out.say("  Done: the Access Edge now allows federated users.");
    out.close();
    if check_dns_srv_routing {
        out.open("if (-not $accessEdge.UseDnsSrvRouting)");
        out.line(&format!(
            "Write-Warning {}",
            quote("The Access Edge uses default routing. Hosting-provider federation, and so push, needs DNS SRV routing.")
        ));
        out.close();
    }
}

/// The script as a `.ps1` file: CRLF line endings, and a UTF-8 byte-order mark when any character
/// is not ASCII, so Windows PowerShell 2.0 does not read it as the ANSI code page.
pub fn for_download(script: &str) -> String {
    let mut crlf = String::with_capacity(script.len() + script.len() / 16);
    let mut rest = script;
    while let Some((line, after)) = rest.split_once('\n') {
        crlf.push_str(line.strip_suffix('\r').unwrap_or(line));
        crlf.push_str("\r\n");
        rest = after;
    }
    crlf.push_str(rest);
    if crlf.is_ascii() {
        crlf
    } else {
        format!("\u{FEFF}{crlf}")
    }
}

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

impl TokenKind {
    /// Plain text gets no element: half the nodes the browser must parse on every change.
    pub const fn css_class(self) -> Option<&'static str> {
        match self {
            TokenKind::Comment => Some("tok-comment"),
            TokenKind::Keyword => Some("tok-keyword"),
            TokenKind::Cmdlet => Some("tok-cmdlet"),
            TokenKind::Parameter => Some("tok-param"),
            TokenKind::Variable => Some("tok-var"),
            TokenKind::String => Some("tok-string"),
            TokenKind::Plain => None,
        }
    }
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
    fn quote_doubles_every_single_quote_character() {
        assert_eq!(quote("O'Brien"), "'O''Brien'");
        assert_eq!(quote("a\u{2019}b"), "'a\u{2019}\u{2019}b'");
        assert_eq!(quote("$(calc) `n \"x\""), "'$(calc) `n \"x\"'");
    }

    #[test]
    fn downloads_use_crlf_and_a_bom_only_when_needed() {
        assert_eq!(for_download("a\nb\n"), "a\r\nb\r\n");
        assert_eq!(for_download("a\r\n"), "a\r\n");
        assert_eq!(for_download("caf\u{e9}\n"), "\u{FEFF}caf\u{e9}\r\n");
        assert_eq!(for_download("a\rb\nc"), "a\rb\r\nc", "only line ends change");
    }

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
