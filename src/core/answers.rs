//! What the administrator told us, kept verbatim so nothing they typed is ever lost.
//! Validation (validate.rs) turns it into checked values; only those reach a script.

use serde::{Deserialize, Serialize};

use super::vocabulary::vocabulary;

vocabulary! {
    /// The version of the pool whose Management Shell runs the steps: it names the shell, its
    /// Start-menu path, the hosting provider's example Identity and the tests that exist
    /// (sfb-facts §1, §4, §6). Not given, the answers mean what they meant before the wizard asked
    /// (`Answers::pool`, `shell_of`).
    pub enum PoolVersion {
        SfbSe => "sfbse",
        Sfb2019 => "sfb2019",
        Sfb2015 => "sfb2015",
        Lync2013 => "lync2013",
        Lync2010 => "lync2010",
    }
}

vocabulary! {
    /// The Edge Server the deployment federates through (seed, 0cb70-110 … 0cb70-112; the
    /// Skype for Business versions: sfb-facts §1, §6). The earlier four keep their order, so
    /// every earlier output lists them as it did; the newer versions follow.
    pub enum EdgeServer {
        Lync2013 => "lync2013",
        Lync2010 => "lync2010",
        Ocs2007R2 => "ocs2007r2",
        None => "none",
        Sfb2015 => "sfb2015",
        Sfb2019 => "sfb2019",
        SfbSe => "sfbse",
    }
}

vocabulary! {
    /// Mobile clients whose need for push the seed and the facts settle.
    pub enum MobileClient {
        IosLync2010 => "ios-lync2010",
        IosLync2013 => "ios-lync2013",
        WpLync2010 => "wp-lync2010",
        WpLync2013 => "wp-lync2013",
        Android => "android",
        Nokia => "nokia",
        /// The Skype for Business apps (sfb-facts §2), after the Lync ones so that earlier
        /// answers list their clients in the same order.
        IosSfb => "ios-sfb",
        AndroidSfb => "android-sfb",
        WpSfb => "wp-sfb",
    }
}

vocabulary! {
    /// Where the push switches are set: the global collection or one site's (facts §2).
    pub enum ScopeKind {
        Global => "global",
        Site => "site",
    }
}

#[allow(clippy::derivable_impls)] // The vocabulary macro owns the derive list.
impl Default for ScopeKind {
    fn default() -> Self {
        ScopeKind::Global
    }
}

/// The wizard's answers. Serialized as the saved state and the JSON input.
#[derive(Clone, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(default, rename_all = "kebab-case")]
pub struct Answers {
    /// `None` until the administrator has chosen.
    pub edge: Option<EdgeServer>,
    /// The pool's version; `None` when not given, which means what the wizard read before it
    /// asked (`shell_of`: the seed's Lync Server 2013, or 2010 behind a Lync Server
    /// 2010 Edge), so every link, saved state and command line from before means what it meant.
    /// Written only when given, so those give the same bytes too.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pool: Option<PoolVersion>,
    pub clients: ClientSet,
    /// Internal Access Edge FQDN used by the test cmdlets, as typed.
    pub access_edge: String,
    /// Whether a hosting provider for sipfed.online.lync.com already exists.
    pub provider_exists: bool,
    /// Its Identity, as typed; kept even when `provider_exists` is switched off.
    pub provider_identity: String,
    pub scope: ScopeKind,
    /// Site name, as typed; kept even when the scope is switched back to global.
    pub site: String,
    /// Opt-in beyond Microsoft's Skype for Business page, which turns on only MPNS: Apple push
    /// for Skype for Business on iOS (sfb-facts §2, msxfaq.de). Written only when chosen.
    #[serde(skip_serializing_if = "is_false")]
    pub apns_for_sfb_ios: bool,
    /// Opt-in: configure push although Windows Phone's retired MPNS is the only reason.
    #[serde(skip_serializing_if = "is_false")]
    pub configure_retired_mpns: bool,
}

const fn is_false(value: &bool) -> bool {
    !*value
}

/// The choices beyond Microsoft's pages that change the decision (`decision::decide`).
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct OptIns {
    pub apns_for_sfb_ios: bool,
    pub configure_retired_mpns: bool,
}

/// The version whose Management Shell runs the steps. Given, it is the pool's. Not given, a
/// Skype for Business Server Edge stands for a pool of its own version (the pair its own
/// procedure names, sfb-facts §1); a Lync Server 2010 Edge for a Lync Server 2010 deployment,
/// as the wizard read it before it asked; anything else for the seed's Lync Server 2013 pool,
/// so earlier links and command lines keep their output.
pub const fn shell_of(pool: Option<PoolVersion>, edge: EdgeServer) -> PoolVersion {
    match (pool, edge) {
        (Some(pool), _) => pool,
        (None, EdgeServer::Lync2010) => PoolVersion::Lync2010,
        (None, EdgeServer::Sfb2015) => PoolVersion::Sfb2015,
        (None, EdgeServer::Sfb2019) => PoolVersion::Sfb2019,
        (None, EdgeServer::SfbSe) => PoolVersion::SfbSe,
        (None, EdgeServer::Lync2013 | EdgeServer::Ocs2007R2 | EdgeServer::None) => PoolVersion::Lync2013,
    }
}

impl Answers {
    /// The version whose Management Shell runs the steps, as these answers mean it
    /// (`shell_of`; before the Edge Server is answered, as for the seed's Lync Server
    /// 2013 Edge).
    pub const fn shell(&self) -> PoolVersion {
        shell_of(self.pool, match self.edge {
            Some(edge) => edge,
            None => EdgeServer::Lync2013,
        })
    }

    pub const fn opt_ins(&self) -> OptIns {
        OptIns { apns_for_sfb_ios: self.apns_for_sfb_ios, configure_retired_mpns: self.configure_retired_mpns }
    }

    pub fn set_client(&mut self, client: MobileClient, in_use: bool) {
        if in_use {
            self.clients.insert(client);
        } else {
            self.clients.remove(&client);
        }
    }
}

/// A set of mobile clients, one bit each, always read in the order `MobileClient::ALL` offers
/// them. A tree set did the same for six values with several kilobytes of code in the site.
#[derive(Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct ClientSet(u16);

// One bit per client: a seventeenth client needs a wider set.
const _: () = assert!(MobileClient::ALL.len() <= u16::BITS as usize);

impl ClientSet {
    const fn bit(client: MobileClient) -> u16 {
        1 << client as u8
    }

    pub fn insert(&mut self, client: MobileClient) {
        self.0 |= Self::bit(client);
    }

    pub fn remove(&mut self, client: &MobileClient) {
        self.0 &= !Self::bit(*client);
    }

    pub fn contains(&self, client: &MobileClient) -> bool {
        self.0 & Self::bit(*client) != 0
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static MobileClient> {
        let set = *self;
        MobileClient::ALL.iter().filter(move |client| set.contains(client))
    }
}

impl FromIterator<MobileClient> for ClientSet {
    fn from_iter<I: IntoIterator<Item = MobileClient>>(clients: I) -> Self {
        let mut set = ClientSet::default();
        for client in clients {
            set.insert(client);
        }
        set
    }
}

impl std::fmt::Debug for ClientSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// As a list of tokens, as the tree set was.
impl Serialize for ClientSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for ClientSet {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Vec::<MobileClient>::deserialize(deserializer)?.into_iter().collect())
    }
}
