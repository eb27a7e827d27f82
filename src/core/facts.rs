//! Every literal the product relies on, in one place, each with where it comes from.
//! Seed = "Configuring for push notifications in Lync Server 2013" (TechNet Hh690047, v=OCS.15).

/// Printed in every script header and JSON document so any output can be reproduced later.
pub const RULES_VERSION: &str = "2026.12.07";
/// The same day as a date, as headers and the footer say when the rules were checked.
pub const RULES_CHECKED_ON: &str = "2026-12-07";

/// Office 365 domain of the Push Notification Service (seed, note 0cb70-113).
pub const PUSH_DOMAIN: &str = "push.lync.com";
/// Access Edge of Lync Online, the hosting provider's proxy (seed, 0cb70-122 and 0cb70-134).
pub const LYNC_ONLINE_PROXY_FQDN: &str = "sipfed.online.lync.com";
/// The seed's example Identity for the new hosting provider (seed, 0cb70-122).
pub const NEW_PROVIDER_IDENTITY: &str = "LyncOnline";
/// The Skype for Business Server example Identity (sfb-facts §1, deploy-and-configure-mobility.md:
/// `New-CsHostingProvider -Identity "SkypeOnline" -Enabled $True -ProxyFQDN "sipfed.online.lync.com"`).
pub const NEW_PROVIDER_IDENTITY_SFB: &str = "SkypeOnline";
/// The seed's verification level for the hosting provider (seed, 0cb70-121).
pub const PROVIDER_VERIFICATION_LEVEL: &str = "UseSourceVerification";
/// The two push switches (facts §2), as parameter and property names alike.
pub const APPLE_SWITCH: &str = "EnableApplePushNotificationService";
pub const MICROSOFT_SWITCH: &str = "EnableMicrosoftPushNotificationService";
/// The Access Edge's federation switch (facts §2), as parameter and property name alike.
pub const FEDERATION_SWITCH: &str = "AllowFederatedUsers";
/// Mcx clearinghouse address a working push path needs (facts §4.2, Dn767948).
pub const PUSH_PROXY_URI: &str = "sip:push@push.lync.com";
/// The root the push clearinghouse certificate chains to since 1 June 2013 (facts §4.5, Lync team
/// blog 2013-05-02).
pub const CLEARINGHOUSE_ROOT: &str = "Baltimore CyberTrust Root";
/// Outbound port Apple devices need on corporate Wi-Fi for APNS (facts §3, Hh690030).
pub const APNS_WIFI_PORT: u16 = 5223;

/// The undo record the configuration script writes beside itself, and the rollback script reads.
pub const UNDO_RECORD_FILE: &str = "LyncPushNotifications.undo.xml";
/// What the rollback renames the record to once it has run, before the time stamp and `.done.xml`.
/// (`UNDO_RECORD_FILE` without its `xml`; a test keeps the two together.)
pub const UNDO_RECORD_DONE_PREFIX: &str = "LyncPushNotifications.undo.";
/// The versions' own names, as Microsoft writes them in English (the zh-TW names are in i18n.rs).
pub mod product {
    pub const LYNC_2010: &str = "Lync Server 2010";
    pub const LYNC_2013: &str = "Lync Server 2013";
    pub const SFB_2015: &str = "Skype for Business Server 2015";
    pub const SFB_2019: &str = "Skype for Business Server 2019";
    pub const SFB_SE: &str = "Skype for Business Server Subscription Edition";
    /// The family names the shells carry (seed 0cb70-118; sfb-facts §1).
    pub const LYNC: &str = "Lync Server";
    pub const SFB: &str = "Skype for Business Server";
    /// The online service a new hosting provider federates with, as each page names it (seed
    /// 0cb70-111: "Microsoft Lync Online"; sfb-facts §1: "Microsoft Skype for Business Online").
    pub const LYNC_ONLINE: &str = "Lync Online";
    pub const SFB_ONLINE: &str = "Skype for Business Online";
    /// The module a plain PowerShell window imports: `Lync` (push-facts §2) up to Lync Server
    /// 2013; `SkypeForBusiness` from Skype for Business Server 2015 (sfb-facts §4: the cmdlets'
    /// module is now "SkypeForBusiness").
    pub const LYNC_MODULE: &str = "Lync";
    pub const SFB_MODULE: &str = "SkypeForBusiness";
}

/// The names the page downloads the two scripts under.
pub const SCRIPT_FILE: &str = "Enable-LyncPushNotifications.ps1";
pub const ROLLBACK_FILE: &str = "Undo-LyncPushNotifications.ps1";
/// The Markdown runbook's download name.
pub const RUNBOOK_FILE: &str = "Lync-push-notifications-runbook.md";
/// The run report, exported with the runbook of the run's answers.
pub const RUN_REPORT_FILE: &str = "Lync-push-notifications-run-report.md";
/// The read-only discovery script's download name: a Get- verb, as it only reads.
pub const DISCOVERY_FILE: &str = "Get-LyncPushDeployment.ps1";
/// The same script with its comments in Traditional Chinese (the zh-TW page offers it).
pub const DISCOVERY_FILE_ZH_TW: &str = "Get-LyncPushDeployment.zh-TW.ps1";

/// The discovery script's file in a language.
pub const fn discovery_file(lang: crate::core::i18n::Language) -> &'static str {
    match lang {
        crate::core::i18n::Language::En => DISCOVERY_FILE,
        crate::core::i18n::Language::ZhTw => DISCOVERY_FILE_ZH_TW,
    }
}
/// The page worker's start-up script, which Trunk writes for the `wizard-worker` binary
/// (index.html; workers keep their binary's name, unhashed).
pub const WORKER_SCRIPT: &str = "wizard-worker_loader.js";

/// The update that brought the push cmdlets (Test-CsMcxPushNotification.md, office-docs-powershell:
/// "introduced in the cumulative update for Lync Server 2010: November 2011").
pub const PUSH_CMDLETS_UPDATE: &str = "the November 2011 cumulative update for Lync Server 2010";

/// Changes reach the Edge through Central Management Store replication, so the tests wait for
/// `UpToDate` on every replica (lync-objects §6) at most this long, polling at this interval.
pub const REPLICATION_WAIT_SECONDS: u32 = 300;
pub const REPLICATION_POLL_SECONDS: u32 = 15;


pub const SEED_TITLE: &str = "Configuring for push notifications in Lync Server 2013";
pub const SEED_URL: &str = "https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15)";
/// The same page in a reader's language; `{0}` is the locale (`i18n` key `learn_locale`). The
/// zh-TW edition keeps the English anchors, so section links work in both.
pub const SEED_URL_IN: &str = "https://technet.microsoft.com/{0}/library/Hh690047(v=OCS.15)";
/// Microsoft's push procedure for Skype for Business Server 2015 and 2019, "Deploy and Configure
/// Mobility for Skype for Business Server" (sfb-facts §1: OfficeDocs-SkypeForBusiness
/// Skype/SfbServer/deploy/deploy-and-configure-mobility.md, published under /skypeforbusiness/ on
/// Learn); `{0}` is Learn's locale. Its zh-TW edition keeps the English anchors (`<a name>`).
pub const SFB_DEPLOY_URL_IN: &str = "https://learn.microsoft.com/{0}/skypeforbusiness/deploy/deploy-and-configure-mobility";

/// The Microsoft page a plan follows: the seed (Lync Server), or the Skype for Business Server
/// deploy page, which says push "is unchanged from Lync Server 2013" (sfb-facts §1).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Article {
    Seed,
    SfbDeploy,
}

impl Article {
    /// The page's address; `{0}` is Learn's locale (`i18n` key `learn_locale`).
    pub const fn url_in(self) -> &'static str {
        match self {
            Article::Seed => SEED_URL_IN,
            Article::SfbDeploy => SFB_DEPLOY_URL_IN,
        }
    }

    pub const fn title(self, t: &crate::core::i18n::Strings) -> &'static str {
        match self {
            Article::Seed => t.seed_overview,
            Article::SfbDeploy => t.sfb_deploy_title,
        }
    }
}

/// The Microsoft pages the status facts come from; `{0}` is Learn's locale (`learn_locale`), so
/// each reader gets the page in their language.
/// sfb-facts §2: the only report of Apple push for Skype for Business on iOS on premises
/// (msxfaq.de, "CU4HF1 ... welches IOS Push auch On-Premises aktiviert", February 2017).
pub const SFB_IOS_PUSH_REPORT: &str = "https://www.msxfaq.de/skype_for_business/mobile/sfb_und_iospush.htm";

/// The command-line switches for the two choices beyond Microsoft's pages.
pub const FLAG_APNS_FOR_SFB_IOS: &str = "--apns-for-sfb-ios";
pub const FLAG_CONFIGURE_RETIRED_MPNS: &str = "--configure-retired-mpns";

pub mod status_source {
    pub const LIFECYCLE_LYNC_2013: &str = "https://learn.microsoft.com/{0}/lifecycle/products/microsoft-lync-server-2013";
    /// The banner on every OCS 2007 R2 documentation page (learn.microsoft.com, previous versions):
    /// "Microsoft Office Communications Server 2007 and Microsoft Office Communications Server 2007
    /// R2 will reach end of support on January 9, 2018."
    pub const OCS_2007_R2_END: &str = "https://learn.microsoft.com/{0}/previous-versions/office/communications-server/dd425234(v=office.13)";
    pub const LIFECYCLE_LYNC_2010: &str = "https://learn.microsoft.com/{0}/lifecycle/products/microsoft-lync-server-2010";
    pub const MPNS_DEPRECATED: &str = "https://learn.microsoft.com/{0}/rest/api/notificationhubs/send-mpns-native-notification";
    pub const SFBO_RETIREMENT: &str = "https://learn.microsoft.com/{0}/microsoftteams/skype-for-business-online-retirement";
    /// sfb-facts §7 (lifecycle-data, skype-for-business-server-2015.yml / -2019.yml).
    pub const LIFECYCLE_SFB_2015: &str = "https://learn.microsoft.com/{0}/lifecycle/products/skype-for-business-server-2015";
    pub const LIFECYCLE_SFB_2019: &str = "https://learn.microsoft.com/{0}/lifecycle/products/skype-for-business-server-2019";
    /// sfb-facts §7: Subscription Edition follows the Modern Lifecycle Policy.
    pub const MODERN_LIFECYCLE: &str = "https://learn.microsoft.com/{0}/lifecycle/policies/modern";
}

/// The read-only checks the troubleshooting offers, as an administrator types them. Written out
/// (a format! per check costs the page bytes); a test holds each to the names and values above
/// and in `cmdlet`.
pub mod check {
    pub const DOMAIN_ALLOWED: &str = "Get-CsAllowedDomain | Where-Object { $_.Domain -eq \"push.lync.com\" }";
    pub const FEDERATION: &str = "Get-CsAccessEdgeConfiguration | Select-Object AllowFederatedUsers";
    /// The output type names the routing (Get-CsAccessEdgeConfiguration.md, OUTPUTS);
    /// RoutingMethod is printed only in Lync Server 2013-era samples (lync-objects §4).
    pub const ROUTING: &str = "(Get-CsAccessEdgeConfiguration).GetType().Name";
    pub const PROVIDER_FOR_LYNC_ONLINE: &str =
        "Get-CsHostingProvider | Where-Object { $_.ProxyFqdn -eq \"sipfed.online.lync.com\" }";
    pub const PUSH_PROXY_URI: &str = "Get-CsMcxConfiguration | Select-Object Identity, PushNotificationProxyUri";
    /// Every scope, not only Global: Microsoft's fix (Dn767948) can target a site's filter too.
    pub const IM_FILTER_PREFIXES: &str = "Get-CsImFilterConfiguration | Select-Object Identity, Enabled, Action, Prefixes";
    pub const SITE_PUSH_SETTINGS: &str = "Get-CsPushNotificationConfiguration -Filter \"site:*\"";
    /// The Edge pools' FQDNs, which are the internal ones the tests need: Microsoft's own check
    /// ("Testing ability to connect to a federated domain", Lync Server 2013; lync-objects §8).
    pub const EDGE_POOL_FQDN: &str = "Get-CsService -EdgeServer | Select-Object PoolFqdn";
    pub const CLEARINGHOUSE_ROOT_TRUSTED: &str =
        "Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object { $_.Subject -like \"*Baltimore CyberTrust Root*\" }";
}

/// Cmdlet names, spelled as Microsoft's help spells them (facts §2).
pub mod cmdlet {
    pub const GET_HOSTING_PROVIDER: &str = "Get-CsHostingProvider";
    pub const NEW_HOSTING_PROVIDER: &str = "New-CsHostingProvider";
    pub const GET_ALLOWED_DOMAIN: &str = "Get-CsAllowedDomain";
    pub const NEW_ALLOWED_DOMAIN: &str = "New-CsAllowedDomain";
    pub const GET_BLOCKED_DOMAIN: &str = "Get-CsBlockedDomain";
    pub const GET_PUSH_CONFIGURATION: &str = "Get-CsPushNotificationConfiguration";
    pub const SET_PUSH_CONFIGURATION: &str = "Set-CsPushNotificationConfiguration";
    pub const NEW_PUSH_CONFIGURATION: &str = "New-CsPushNotificationConfiguration";
    pub const GET_ACCESS_EDGE_CONFIGURATION: &str = "Get-CsAccessEdgeConfiguration";
    pub const SET_ACCESS_EDGE_CONFIGURATION: &str = "Set-CsAccessEdgeConfiguration";
    pub const TEST_FEDERATED_PARTNER: &str = "Test-CsFederatedPartner";
    pub const TEST_MCX_PUSH_NOTIFICATION: &str = "Test-CsMcxPushNotification";
    pub const REMOVE_HOSTING_PROVIDER: &str = "Remove-CsHostingProvider";
    pub const REMOVE_ALLOWED_DOMAIN: &str = "Remove-CsAllowedDomain";
    pub const REMOVE_PUSH_CONFIGURATION: &str = "Remove-CsPushNotificationConfiguration";
    pub const GET_REPLICATION_STATUS: &str = "Get-CsManagementStoreReplicationStatus";
    pub const GET_SITE: &str = "Get-CsSite";
    pub const GET_MCX_CONFIGURATION: &str = "Get-CsMcxConfiguration";
    pub const GET_IM_FILTER_CONFIGURATION: &str = "Get-CsImFilterConfiguration";
    pub const GET_SERVICE: &str = "Get-CsService";
    pub const GET_EXTERNAL_ACCESS_POLICY: &str = "Get-CsExternalAccessPolicy";
    /// PowerShell's own: whether a cmdlet exists in this shell, without running it.
    pub const GET_COMMAND: &str = "Get-Command";

    /// The cmdlets that came with the cumulative update of November 2011 (facts §2), so a Lync
    /// Server 2010 deployment without it lacks them.
    pub const PUSH_CMDLETS: [&str; 5] = [
        GET_PUSH_CONFIGURATION,
        SET_PUSH_CONFIGURATION,
        NEW_PUSH_CONFIGURATION,
        REMOVE_PUSH_CONFIGURATION,
        TEST_MCX_PUSH_NOTIFICATION,
    ];
}

/// Sections of the Microsoft page a step follows, by their anchors, so every rule can cite where
/// it comes from: the seed's, and the Skype for Business Server deploy page's (`Sfb*`, its
/// "Configure for push notifications" subsections, whose anchors Learn makes from the English
/// headings in every edition).
#[derive(Clone, Copy, PartialEq, Eq, Debug, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SeedSection {
    /// Introduction and the IMPORTANT box on which clients need push (0cb70-104 … 0cb70-116).
    Overview,
    /// "To configure for push notifications with Lync Server 2013 or Lync Server 2010 Edge Server".
    LyncEdge,
    /// "To configure for push notifications with Office Communications Server 2007 R2 Edge Server".
    OcsEdge,
    /// "To enable push notifications".
    Enable,
    /// "To test federation and push notifications".
    Test,
    /// deploy-and-configure-mobility.md: "Configure your Skype for Business Edge Server for push
    /// notifications" (SkypeOnline, push.lync.com).
    SfbEdge,
    /// deploy-and-configure-mobility.md: "Enable push notifications".
    SfbEnable,
    /// deploy-and-configure-mobility.md: "Test federation and push notifications".
    SfbTest,
}

impl SeedSection {
    pub const fn anchor(self) -> &'static str {
        match self {
            SeedSection::Overview => "configuring-for-push-notifications-in-lync-server-2013",
            SeedSection::LyncEdge => {
                "to-configure-for-push-notifications-with-lync-server-2013-or-lync-server-2010edge-server"
            }
            SeedSection::OcsEdge => {
                "to-configure-for-push-notifications-with-office-communications-server-2007-r2edge-server"
            }
            SeedSection::Enable => "to-enable-push-notifications",
            SeedSection::Test => "to-test-federation-and-push-notifications",
            SeedSection::SfbEdge => "configure-your-skype-for-business-edge-server-for-push-notifications",
            SeedSection::SfbEnable => "enable-push-notifications",
            SeedSection::SfbTest => "test-federation-and-push-notifications",
        }
    }

    /// The page the section is on.
    pub const fn article(self) -> Article {
        match self {
            SeedSection::Overview | SeedSection::LyncEdge | SeedSection::OcsEdge | SeedSection::Enable | SeedSection::Test => {
                Article::Seed
            }
            SeedSection::SfbEdge | SeedSection::SfbEnable | SeedSection::SfbTest => Article::SfbDeploy,
        }
    }

    pub const fn title(self, t: &crate::core::i18n::Strings) -> &'static str {
        match self {
            SeedSection::Overview => t.seed_overview,
            SeedSection::LyncEdge => t.seed_lync_edge,
            SeedSection::OcsEdge => t.seed_ocs_edge,
            SeedSection::Enable => t.seed_enable,
            SeedSection::Test => t.seed_test,
            SeedSection::SfbEdge => t.sfb_deploy_edge,
            SeedSection::SfbEnable => t.sfb_deploy_enable,
            SeedSection::SfbTest => t.sfb_deploy_test,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_checked_date_is_the_rules_version() {
        assert_eq!(RULES_CHECKED_ON, RULES_VERSION.replace('.', "-"));
    }

    #[test]
    fn checks_use_the_names_and_values_above() {
        let uses = |text: &str, parts: &[&str]| parts.iter().all(|part| text.contains(part));
        assert!(uses(check::DOMAIN_ALLOWED, &[cmdlet::GET_ALLOWED_DOMAIN, PUSH_DOMAIN]));
        assert!(uses(check::FEDERATION, &[cmdlet::GET_ACCESS_EDGE_CONFIGURATION]));
        assert!(uses(check::ROUTING, &[cmdlet::GET_ACCESS_EDGE_CONFIGURATION]));
        assert!(uses(check::PROVIDER_FOR_LYNC_ONLINE, &[cmdlet::GET_HOSTING_PROVIDER, LYNC_ONLINE_PROXY_FQDN]));
        assert!(uses(check::PUSH_PROXY_URI, &[cmdlet::GET_MCX_CONFIGURATION]));
        assert!(uses(check::IM_FILTER_PREFIXES, &[cmdlet::GET_IM_FILTER_CONFIGURATION]));
        assert!(uses(check::SITE_PUSH_SETTINGS, &[cmdlet::GET_PUSH_CONFIGURATION]));
        assert!(uses(check::CLEARINGHOUSE_ROOT_TRUSTED, &[CLEARINGHOUSE_ROOT]));
        assert!(uses(check::EDGE_POOL_FQDN, &[cmdlet::GET_SERVICE]));
    }

    #[test]
    fn one_record_name() {
        assert_eq!(UNDO_RECORD_FILE.strip_suffix("xml"), Some(UNDO_RECORD_DONE_PREFIX));
        assert_eq!(SEED_URL, crate::core::i18n::fill(SEED_URL_IN, &[crate::core::i18n::EN.learn_locale]));
    }
}
