//! Reading the deployment instead of asking: the block the read-only discovery script prints
//! (`render::powershell::discovery`), read back from whatever text surrounds it (`parse`), and
//! what it answers (`fill`).
//!
//! The block, format version 1:
//!
//! ```text
//! ==== BEGIN LYNC-PUSH DISCOVERY v1 ====
//! ~made|2026.12.07
//! ~edge|accessproxy.contoso.com|site:Redmond|5
//! ~ok|edge|1
//! ~error|site|Access%20is%20denied.
//! ...
//! ==== END LYNC-PUSH DISCOVERY records=24 check=5F1A0B2C ====
//! ```
//!
//! - A record starts with `~`, then its tag and fields, each separated by `|`. Every field is
//!   percent-encoded as UTF-8: only `A-Z a-z 0-9 - . _ : @` stand for themselves, so no site
//!   name, FQDN or message can hold a `~`, `|`, space or line break of its own.
//! - The script prints no line longer than `LINE_WIDTH` (a longer record goes on over the next
//!   lines). A line that does not start with `~` continues the record above it: that is how the
//!   script splits a long record, and how a console or a transcript wraps one.
//! - Each part of the deployment (`Part`) is its items, then one line saying how the read went:
//!   `~ok|<part>|<items>`, `~error|<part>|<message>` (the cmdlet failed: missing, or no rights)
//!   or `~absent|<part>` (this shell has no such cmdlet). The parts come in `Part::ALL`'s order.
//! - The end line counts the records and carries their Adler-32 (each record and a line feed),
//!   so a block cut short, a lost line or a changed character is found.

mod fill;
mod forecast;
mod parse;

pub use fill::{fill, printable, Filled, Fills, Open, Reading, ReadingView, Routing, State};
pub use forecast::{forecast, Change, Forecast, Outlook, OutlookView, Stop, Switch};
pub use parse::{block_of, parse, text_of, Problem};
pub(crate) use parse::{physical_lines, shown};

/// The version of the block's format; `BEGIN` carries it.
pub const FORMAT_VERSION: u32 = 1;
/// The line the block starts with.
pub const BEGIN: &str = "==== BEGIN LYNC-PUSH DISCOVERY v1 ====";
/// How every begin line starts, of any version.
pub const BEGIN_PREFIX: &str = "==== BEGIN LYNC-PUSH DISCOVERY v";
/// How the end line starts: `records=<n> check=<8 hex digits>` and `MARKER_TAIL` follow.
pub const END_PREFIX: &str = "==== END LYNC-PUSH DISCOVERY ";
pub const MARKER_TAIL: &str = " ====";
/// The longest line the script prints: an 80-column console never wraps it.
pub const LINE_WIDTH: usize = 72;
/// The most text read for a block: a block is a few kilobytes; a long transcript is cut to the
/// block before pasting.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

pub const RECORD_START: char = '~';
pub const SEPARATOR: char = '|';
/// The first record: the rules version of the wizard that wrote the script.
pub const MADE: &str = "made";
pub const OK: &str = "ok";
pub const ERROR: &str = "error";
pub const ABSENT: &str = "absent";

/// Bytes a field holds as themselves; every other byte is `%XX` (upper-case hex).
pub const fn is_safe(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b':' | b'@')
}

/// The parts of the deployment the script reads, in the block's order. Each is read by one
/// cmdlet, checked with Get-Command first.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// Which push cmdlets this shell has (Get-Command).
    Cmdlets,
    /// Get-CsService -EdgeServer: PoolFqdn, SiteId, Version (lync-objects §8, sample output).
    EdgePools,
    /// Get-CsSite: Identity, the site's name (Set-CsSite Example 3 passes `$_.Identity` of
    /// Get-CsSite's objects as a site's name; printed as `Site:Redmond`). Not DisplayName, which
    /// may differ from the name push settings take (Set-CsSite Example 2).
    Sites,
    /// Get-CsAccessEdgeConfiguration: the type's name, RoutingMethod, AllowFederatedUsers,
    /// EnablePartnerDiscovery (lync-objects §4).
    AccessEdge,
    /// Get-CsHostingProvider: Identity, ProxyFqdn, Enabled, EnabledSharedAddressSpace,
    /// VerificationLevel (lync-objects §1).
    Providers,
    /// push.lync.com on Get-CsAllowedDomain (Domain, lync-objects §2).
    Allowed,
    /// push.lync.com on Get-CsBlockedDomain.
    Blocked,
    /// Get-CsPushNotificationConfiguration at every scope (lync-objects §3).
    Push,
    /// Get-CsMcxConfiguration: Identity, PushNotificationProxyUri (lync-objects §5).
    Mcx,
    /// Get-CsManagementStoreReplicationStatus: replicas, and how many are UpToDate (§6).
    Replication,
}

impl Part {
    pub const ALL: [Part; 10] = [
        Part::Cmdlets,
        Part::EdgePools,
        Part::Sites,
        Part::AccessEdge,
        Part::Providers,
        Part::Allowed,
        Part::Blocked,
        Part::Push,
        Part::Mcx,
        Part::Replication,
    ];

    /// The tag of the part's items and its name in the `ok`, `error` and `absent` lines.
    pub const fn tag(self) -> &'static str {
        match self {
            Part::Cmdlets => "cmdlet",
            Part::EdgePools => "edge",
            Part::Sites => "site",
            Part::AccessEdge => "accessedge",
            Part::Providers => "provider",
            Part::Allowed => "allowed",
            Part::Blocked => "blocked",
            Part::Push => "push",
            Part::Mcx => "mcx",
            Part::Replication => "replication",
        }
    }

    /// The fields of each item, in order.
    pub const fn fields(self) -> &'static [&'static str] {
        match self {
            Part::Cmdlets => &["Name", "Found"],
            Part::EdgePools => &["PoolFqdn", "SiteId", "Version"],
            Part::Sites => &["Identity"],
            Part::AccessEdge => &["Type", "RoutingMethod", "AllowFederatedUsers", "EnablePartnerDiscovery"],
            Part::Providers => &["Identity", "ProxyFqdn", "Enabled", "EnabledSharedAddressSpace", "VerificationLevel"],
            Part::Allowed | Part::Blocked => &["Domain"],
            Part::Push => &["Identity", "EnableApplePushNotificationService", "EnableMicrosoftPushNotificationService"],
            Part::Mcx => &["Identity", "PushNotificationProxyUri"],
            Part::Replication => &["Replicas", "UpToDate"],
        }
    }

    /// The cmdlet that reads the part, which the script looks for before it runs it.
    pub const fn cmdlet(self) -> &'static str {
        use crate::core::facts::cmdlet;
        match self {
            Part::Cmdlets => cmdlet::GET_COMMAND,
            Part::EdgePools => cmdlet::GET_SERVICE,
            Part::Sites => cmdlet::GET_SITE,
            Part::AccessEdge => cmdlet::GET_ACCESS_EDGE_CONFIGURATION,
            Part::Providers => cmdlet::GET_HOSTING_PROVIDER,
            Part::Allowed => cmdlet::GET_ALLOWED_DOMAIN,
            Part::Blocked => cmdlet::GET_BLOCKED_DOMAIN,
            Part::Push => cmdlet::GET_PUSH_CONFIGURATION,
            Part::Mcx => cmdlet::GET_MCX_CONFIGURATION,
            Part::Replication => cmdlet::GET_REPLICATION_STATUS,
        }
    }
}

/// The cmdlets the script looks for (Part::Cmdlets): those that came with the November 2011
/// update for Lync Server 2010 (facts §2), and Get-CsMcxConfiguration, which came with them.
pub const LOOKED_FOR: [&str; 6] = [
    crate::core::facts::cmdlet::PUSH_CMDLETS[0],
    crate::core::facts::cmdlet::PUSH_CMDLETS[1],
    crate::core::facts::cmdlet::PUSH_CMDLETS[2],
    crate::core::facts::cmdlet::PUSH_CMDLETS[3],
    crate::core::facts::cmdlet::PUSH_CMDLETS[4],
    crate::core::facts::cmdlet::GET_MCX_CONFIGURATION,
];

/// How the read of one part went.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Read<T> {
    Done(T),
    /// The cmdlet failed (missing rights, a lost connection); its message.
    Failed(String),
    /// This shell has no such cmdlet.
    Absent,
}

impl<T> Read<T> {
    pub fn done(&self) -> Option<&T> {
        match self {
            Read::Done(value) => Some(value),
            Read::Failed(_) | Read::Absent => None,
        }
    }

    /// `None` when read; else why not: the cmdlet's message, or `None` when it is absent.
    pub fn why_not(&self) -> Option<Option<&str>> {
        match self {
            Read::Done(_) => None,
            Read::Failed(message) => Some(Some(message)),
            Read::Absent => Some(None),
        }
    }

    pub fn map<U>(self, convert: impl FnOnce(T) -> U) -> Read<U> {
        match self {
            Read::Done(value) => Read::Done(convert(value)),
            Read::Failed(message) => Read::Failed(message),
            Read::Absent => Read::Absent,
        }
    }

    pub fn try_map<U, E>(self, convert: impl FnOnce(T) -> Result<U, E>) -> Result<Read<U>, E> {
        Ok(match self {
            Read::Done(value) => Read::Done(convert(value)?),
            Read::Failed(message) => Read::Failed(message),
            Read::Absent => Read::Absent,
        })
    }
}

/// A Boolean as the shell printed it: `True`, `False`, or nothing (`$null`).
pub type Flag = Option<bool>;

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct EdgePool {
    pub pool_fqdn: String,
    pub site_id: String,
    /// As printed: no Microsoft page maps these numbers to products.
    pub version: String,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AccessEdge {
    /// The output type's short name, which names the routing (Get-CsAccessEdgeConfiguration.md).
    pub type_name: String,
    /// Printed only by Lync Server 2013-era objects (lync-objects §4); empty otherwise.
    pub routing_method: String,
    pub allow_federated_users: Flag,
    /// Read only where the routing is DNS SRV: the default-route object has no such property.
    pub enable_partner_discovery: Flag,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Provider {
    pub identity: String,
    pub proxy_fqdn: String,
    pub enabled: Flag,
    pub enabled_shared_address_space: Flag,
    pub verification_level: String,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PushScope {
    /// `Global` or `site:<name>`.
    pub identity: String,
    pub apple: Flag,
    pub microsoft: Flag,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Mcx {
    pub identity: String,
    pub push_notification_proxy_uri: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Replication {
    pub replicas: u32,
    pub up_to_date: u32,
}

/// Everything one block says, part by part.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Discovered {
    /// The rules version of the wizard that wrote the script.
    pub made_by: String,
    /// Each cmdlet of `LOOKED_FOR` and whether the shell has it.
    pub cmdlets: Read<Vec<(String, bool)>>,
    pub edge_pools: Read<Vec<EdgePool>>,
    pub sites: Read<Vec<String>>,
    pub access_edge: Read<AccessEdge>,
    pub providers: Read<Vec<Provider>>,
    /// push.lync.com is on the allowed list.
    pub push_allowed: Read<bool>,
    /// push.lync.com is on the blocked list.
    pub push_blocked: Read<bool>,
    pub push: Read<Vec<PushScope>>,
    pub mcx: Read<Vec<Mcx>>,
    pub replication: Read<Replication>,
}

impl Discovered {
    /// Why a part was not read (`Read::why_not`), whatever its items.
    pub fn why_not(&self, part: Part) -> Option<Option<&str>> {
        match part {
            Part::Cmdlets => self.cmdlets.why_not(),
            Part::EdgePools => self.edge_pools.why_not(),
            Part::Sites => self.sites.why_not(),
            Part::AccessEdge => self.access_edge.why_not(),
            Part::Providers => self.providers.why_not(),
            Part::Allowed => self.push_allowed.why_not(),
            Part::Blocked => self.push_blocked.why_not(),
            Part::Push => self.push.why_not(),
            Part::Mcx => self.mcx.why_not(),
            Part::Replication => self.replication.why_not(),
        }
    }
}

/// Adler-32 (RFC 1950) of the records, each followed by a line feed: what the end line's
/// `check` carries, computed by the script with the same two sums.
pub fn checksum<'a>(records: impl IntoIterator<Item = &'a str>) -> u32 {
    adler32(records.into_iter().flat_map(|record| record.bytes().chain([b'\n'])))
}

fn adler32(bytes: impl IntoIterator<Item = u8>) -> u32 {
    const MOD: u32 = 65_521;
    let (mut a, mut b) = (1u32, 0u32);
    for byte in bytes {
        a = (a + u32::from(byte)) % MOD;
        b = (b + a) % MOD;
    }
    (b << 16) | a
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod forecast_tests;
