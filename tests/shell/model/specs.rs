//! The signature of every command the modelled shell knows: its parameters and their kinds, the
//! positional ones, pipeline input, the required ones, the common parameters, and the kinds of
//! error a cmdlet gives. Apart from what the cmdlets do: binding, in the interpreter, needs only
//! these.

use std::collections::BTreeMap;

use crate::shell::value::Value;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum P {
    Switch,
    Bool,
    Str,
    Int,
    Enum(&'static [&'static str]),
    /// A string or an array of strings.
    Names,
    Any,
    Block,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Group {
    Builtin,
    Lync,
    /// Came with Lync Server 2010's November 2011 cumulative update.
    LyncPush,
}

pub struct Spec {
    pub name: &'static str,
    pub group: Group,
    pub params: &'static [(&'static str, P)],
    pub positional: &'static [&'static str],
    /// Takes pipeline input.
    pub pipeline: bool,
    /// Touches the store or the record: counted, and the target of fault injection.
    pub counted: bool,
}

const VERIFICATION: &[&str] = &["AlwaysVerifiable", "AlwaysUnverifiable", "UseSourceVerification"];
const COLORS: &[&str] = &[
    "Black", "DarkBlue", "DarkGreen", "DarkCyan", "DarkRed", "DarkMagenta", "DarkYellow", "Gray", "DarkGray", "Blue", "Green", "Cyan",
    "Red", "Magenta", "Yellow", "White",
];
pub const ERROR_ACTIONS: &[&str] = &["SilentlyContinue", "Stop", "Continue"];

const fn lync(name: &'static str, params: &'static [(&'static str, P)], counted: bool) -> Spec {
    Spec { name, group: Group::Lync, params, positional: &["Identity"], pipeline: false, counted }
}

const fn push(name: &'static str, params: &'static [(&'static str, P)]) -> Spec {
    Spec { name, group: Group::LyncPush, params, positional: &["Identity"], pipeline: false, counted: true }
}

const fn builtin(name: &'static str, params: &'static [(&'static str, P)], positional: &'static [&'static str], pipeline: bool, counted: bool) -> Spec {
    Spec { name, group: Group::Builtin, params, positional, pipeline, counted }
}

/// Every command the modelled shell knows. Lync parameters follow push-facts.md §2 (and
/// lync-objects.md for the Get- filters); `-WhatIf` and `-InMemory` are not modelled.
pub const SPECS: &[Spec] = &[
    lync("Get-CsHostingProvider", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "New-CsHostingProvider",
        &[
            ("Identity", P::Str),
            ("ProxyFqdn", P::Str),
            ("Enabled", P::Bool),
            ("VerificationLevel", P::Enum(VERIFICATION)),
            ("EnabledSharedAddressSpace", P::Bool),
            ("HostsOCSUsers", P::Bool),
            ("IsLocal", P::Bool),
            ("AutodiscoverUrl", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    // No -ProxyFqdn: it can never be changed (push-facts.md §2).
    lync(
        "Set-CsHostingProvider",
        &[
            ("Identity", P::Str),
            ("Enabled", P::Bool),
            ("VerificationLevel", P::Enum(VERIFICATION)),
            ("EnabledSharedAddressSpace", P::Bool),
            ("HostsOCSUsers", P::Bool),
            ("IsLocal", P::Bool),
            ("AutodiscoverUrl", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    lync("Remove-CsHostingProvider", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)], true),
    lync("Get-CsAllowedDomain", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "New-CsAllowedDomain",
        &[
            ("Identity", P::Str),
            ("Domain", P::Str),
            ("ProxyFqdn", P::Str),
            ("Comment", P::Str),
            ("MarkForMonitoring", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    lync("Remove-CsAllowedDomain", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)], true),
    lync("Get-CsBlockedDomain", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    push("Get-CsPushNotificationConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)]),
    push(
        "Set-CsPushNotificationConfiguration",
        &[
            ("Identity", P::Str),
            ("EnableApplePushNotificationService", P::Bool),
            ("EnableMicrosoftPushNotificationService", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    push(
        "New-CsPushNotificationConfiguration",
        &[
            ("Identity", P::Str),
            ("EnableApplePushNotificationService", P::Bool),
            ("EnableMicrosoftPushNotificationService", P::Bool),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    push("Remove-CsPushNotificationConfiguration", &[("Identity", P::Str), ("Force", P::Switch), ("Confirm", P::Switch)]),
    lync("Get-CsAccessEdgeConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    lync(
        "Set-CsAccessEdgeConfiguration",
        &[
            ("Identity", P::Str),
            ("AllowFederatedUsers", P::Bool),
            ("EnablePartnerDiscovery", P::Bool),
            ("UseDnsSrvRouting", P::Switch),
            ("UseDefaultRouting", P::Switch),
            ("DefaultRouteFqdn", P::Str),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
        true,
    ),
    push("Get-CsMcxConfiguration", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)]),
    push(
        "Set-CsMcxConfiguration",
        &[
            ("Identity", P::Str),
            ("PushNotificationProxyUri", P::Str),
            ("ExposedWebURL", P::Enum(&["External", "Internal"])),
            ("SessionExpirationInterval", P::Int),
            ("SessionShortExpirationInterval", P::Int),
            ("Force", P::Switch),
            ("Confirm", P::Switch),
        ],
    ),
    Spec { name: "Get-CsManagementStoreReplicationStatus", group: Group::Lync, params: &[("ReplicaFqdn", P::Str)], positional: &[], pipeline: false, counted: true },
    // lync-objects §8: -Identity takes the bare site name (`Redmond`, not `site:Redmond`).
    lync("Get-CsSite", &[("Identity", P::Str), ("Filter", P::Str)], true),
    // Get-CsService.md: the EdgeServer parameter set.
    lync("Get-CsService", &[("Identity", P::Str), ("EdgeServer", P::Switch), ("PoolFqdn", P::Str)], true),
    lync("Get-CsExternalAccessPolicy", &[("Identity", P::Str), ("Filter", P::Str), ("LocalStore", P::Switch)], true),
    Spec {
        name: "Test-CsFederatedPartner",
        group: Group::Lync,
        params: &[("TargetFqdn", P::Str), ("Domain", P::Str), ("ProxyFqdn", P::Str), ("Force", P::Switch)],
        positional: &[],
        pipeline: false,
        counted: true,
    },
    Spec {
        name: "Test-CsMcxPushNotification",
        group: Group::LyncPush,
        params: &[("AccessEdgeFqdn", P::Str), ("Force", P::Switch)],
        positional: &[],
        pipeline: false,
        counted: true,
    },
    // Host cmdlets.
    builtin(
        "Write-Host",
        &[("Object", P::Any), ("ForegroundColor", P::Enum(COLORS)), ("BackgroundColor", P::Enum(COLORS)), ("NoNewline", P::Switch), ("Separator", P::Str)],
        &["Object"],
        false,
        false,
    ),
    builtin("Write-Warning", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Error", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Verbose", &[("Message", P::Str)], &["Message"], false, false),
    builtin("Write-Output", &[("InputObject", P::Any)], &["InputObject"], true, false),
    builtin("Out-Null", &[("InputObject", P::Any)], &[], true, false),
    builtin("Where-Object", &[("FilterScript", P::Block)], &["FilterScript"], true, false),
    builtin("ForEach-Object", &[("Process", P::Block)], &["Process"], true, false),
    builtin("Measure-Object", &[("Sum", P::Switch)], &[], true, false),
    builtin("Select-Object", &[("First", P::Int), ("ExpandProperty", P::Str)], &[], true, false),
    builtin("Get-Location", &[], &[], false, false),
    builtin("Split-Path", &[("Path", P::Str), ("Parent", P::Switch), ("Leaf", P::Switch)], &["Path"], false, false),
    builtin("Join-Path", &[("Path", P::Str), ("ChildPath", P::Str)], &["Path", "ChildPath"], false, false),
    // -LiteralPath: Test-Path has it in PowerShell 2.0; Import-Clixml, Export-Clixml and
    // Rename-Item gained it only in 3.0 (their 2.0 pages, TechNet dd315355, dd347657, dd315353,
    // list -Path alone), so a script for both shells cannot use it there. Counted so that a
    // fault can hit it too (an unreadable folder).
    builtin("Test-Path", &[("Path", P::Str), ("LiteralPath", P::Str)], &["Path"], false, true),
    builtin("Import-Clixml", &[("Path", P::Str)], &["Path"], false, true),
    builtin("Export-Clixml", &[("Path", P::Str), ("InputObject", P::Any), ("Depth", P::Int), ("Force", P::Switch)], &["Path"], true, true),
    builtin("Rename-Item", &[("Path", P::Str), ("NewName", P::Str), ("Force", P::Switch)], &["Path", "NewName"], false, true),
    builtin("Remove-Item", &[("Path", P::Str), ("Force", P::Switch)], &["Path"], false, true),
    builtin("Get-Date", &[("Format", P::Str)], &[], false, false),
    // about_Scopes / Set-StrictMode: -Off in a script block turns strict mode off there and in
    // its child scopes only. The model has no strict mode, so -Off changes nothing in it.
    builtin("Set-StrictMode", &[("Off", P::Switch)], &[], false, false),
    builtin("Start-Sleep", &[("Seconds", P::Int), ("Milliseconds", P::Int)], &["Seconds"], false, false),
    builtin("Get-Command", &[("Name", P::Names)], &["Name"], false, true),
];

/// Parameters Microsoft's cmdlet pages mark `Required: True` (office-docs-powershell
/// skype/skype-ps/skype/<Cmdlet>.md; push-facts.md §2). Leaving one out makes PowerShell prompt
/// for it; a script cannot answer, and a non-interactive shell stops the command with
/// "Cannot process command because of one or more missing mandatory parameters".
pub const REQUIRED: &[(&str, &[&str])] = &[
    // New-CsHostingProvider.md: Identity, Enabled, ProxyFqdn, EnabledSharedAddressSpace and
    // HostsOCSUsers are all "Required: True" (its SYNTAX block lists the last two unbracketed).
    ("New-CsHostingProvider", &["Identity", "Enabled", "ProxyFqdn", "EnabledSharedAddressSpace", "HostsOCSUsers"]),
    ("Test-CsFederatedPartner", &["TargetFqdn", "Domain"]),
    ("Test-CsMcxPushNotification", &["AccessEdgeFqdn"]),
];

/// The required parameters of `name` that `args` lacks, in the page's order.
pub fn missing_required(name: &str, args: &Args) -> Vec<&'static str> {
    REQUIRED.iter().filter(|(n, _)| *n == name).flat_map(|(_, ps)| ps.iter().copied()).filter(|p| !args.contains_key(p)).collect()
}

pub fn spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| s.name.eq_ignore_ascii_case(name))
}

/// Common parameters every modelled command accepts.
pub const COMMON: &[(&str, P)] =
    &[("ErrorAction", P::Enum(ERROR_ACTIONS)), ("WarningAction", P::Enum(ERROR_ACTIONS)), ("Verbose", P::Switch)];

#[derive(Debug)]
pub enum CmdErr {
    /// An error the cmdlet writes: `-ErrorAction` / `$ErrorActionPreference` decide.
    Error(String),
    /// A terminating error (a fault, an unknown command): always thrown.
    Terminating(String),
    /// Outside the model: a test failure, not a PowerShell error.
    Fail(String),
}

pub type Args = BTreeMap<&'static str, Value>;
