//! The sentences beside the steps: the plan's notes, how to start the shell, and the status
//! facts of 2026 with their sources.

use crate::core::answers::PoolVersion;
use crate::core::facts::{status_source, APNS_WIFI_PORT, LYNC_ONLINE_PROXY_FQDN, PUSH_DOMAIN, ROLLBACK_FILE, SCRIPT_FILE};
use crate::core::i18n::{fill, Strings};
use crate::core::plan::Note;

use super::{is_lync, pool_label};

pub fn note_text(t: &Strings, note: Note, shell: PoolVersion) -> String {
    let lync = is_lync(shell);
    match note {
        Note::AppleWifiPort => fill(t.note_wifi, &[&APNS_WIFI_PORT.to_string()]),
        Note::DnsSrvRouting => t.note_srv.to_string(),
        Note::RunInternally if lync => t.note_internal.to_string(),
        Note::RunInternally => t.note_internal_sfb.to_string(),
        // The Lync sentence names the PowerShell of Lync Server 2010 and 2013; for Skype for
        // Business no reference file says which PowerShell each version runs, so both ways are
        // given without naming versions.
        Note::UnblockDownload if lync => fill(t.note_unblock, &[SCRIPT_FILE, ROLLBACK_FILE]),
        Note::UnblockDownload => fill(t.note_unblock_sfb, &[SCRIPT_FILE, ROLLBACK_FILE]),
        Note::LegacyEdgeMigration => t.note_legacy_edge.to_string(),
        Note::LyncPoolBehindSfbEdge => t.note_lync_pool_behind_sfb_edge.to_string(),
        Note::OlderPoolBehind2019Edge => t.note_older_pool_behind_2019.to_string(),
        Note::Lync2010EdgeFor2015 => t.note_lync2010_edge_for_2015.to_string(),
        Note::SubscriptionEditionInferred => t.note_se_inferred.to_string(),
        Note::HybridLater => fill(t.note_hybrid_later, &[LYNC_ONLINE_PROXY_FQDN]),
        Note::ApnsByChoice => fill(t.note_apns_by_choice, &[crate::core::facts::SFB_IOS_PUSH_REPORT]),
        Note::RetiredMpnsByChoice => t.note_retired_mpns_by_choice.to_string(),
        Note::NoPushTest => fill(t.note_no_push_test, &[pool_label(t, shell), PUSH_DOMAIN]),
    }
}

/// Starting the shell of the version that runs the steps (`Decision::shell`), as Microsoft's
/// pages write it, with the menu's labels as the reader's edition of Windows shows them.
/// Seed 0cb70-119/138/145: "Microsoft Lync Server 2013"; Lync Server 2010's folder is "Microsoft
/// Lync Server 2010" (sfb-facts §6, Dn466115); Skype for Business Server 2015's "Skype for
/// Business 2015" (configure-call-park-settings.md) and 2019's "Microsoft Skype for Business
/// Server 2019" (configure-the-meeting-join-page.md). No page gives one for Subscription
/// Edition; the mobility page says "you can use Search to find it".
pub fn start_shell_step(t: &Strings, shell: PoolVersion) -> String {
    let (sentence, folder, name) = match shell {
        PoolVersion::Lync2010 => (t.start_shell, "Microsoft Lync Server 2010", t.shell_name),
        PoolVersion::Lync2013 => (t.start_shell, "Microsoft Lync Server 2013", t.shell_name),
        PoolVersion::Sfb2015 => (t.start_shell_sfb, t.menu_sfb2015, t.shell_name_sfb),
        PoolVersion::Sfb2019 => (t.start_shell_sfb, t.menu_sfb2019, t.shell_name_sfb),
        PoolVersion::SfbSe => return t.start_shell_search.to_string(),
    };
    let path: Vec<String> =
        [t.menu_start, t.menu_all_programs, folder, name].iter().map(|item| fill(t.menu_item, &[item])).collect();
    fill(sentence, &[&path.join(t.start_shell_separator)])
}


/// A status fact (plan::StatusFact): the sentence, and the title and address of the Microsoft
/// page that states it.
pub struct StatusText {
    pub text: String,
    pub source: String,
    pub url: String,
}

/// `push_test`: whether the plan ends with the push test (`Plan::push_test_said`); without one,
/// the MPNS and relay facts say what the remaining test can and cannot show (sfb-facts §4);
/// `None`, nothing is configured, and no test is pointed at.
pub fn status_text(t: &Strings, fact: crate::core::plan::StatusFact, push_test: Option<bool>) -> StatusText {
    use crate::core::plan::StatusFact;
    let (text, source, url) = match fact {
        StatusFact::Lync2013SupportEnded => (
            t.status_lync2013.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2013"]),
            status_source::LIFECYCLE_LYNC_2013,
        ),
        StatusFact::Ocs2007R2SupportEnded => (
            t.status_ocs.to_string(),
            t.source_ocs_docs.to_string(),
            status_source::OCS_2007_R2_END,
        ),
        StatusFact::Lync2010SupportEnded => (
            t.status_lync2010.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2010"]),
            status_source::LIFECYCLE_LYNC_2010,
        ),
        StatusFact::Lync2010PoolSupportEnded => (
            t.status_lync2010_pool.to_string(),
            fill(t.source_lifecycle, &["Microsoft Lync Server 2010"]),
            status_source::LIFECYCLE_LYNC_2010,
        ),
        StatusFact::Sfb2015SupportEnded => (
            t.status_sfb2015.to_string(),
            fill(t.source_lifecycle, &[t.product_sfb2015]),
            status_source::LIFECYCLE_SFB_2015,
        ),
        StatusFact::Sfb2019SupportEnded => (
            t.status_sfb2019.to_string(),
            fill(t.source_lifecycle, &[t.product_sfb2019]),
            status_source::LIFECYCLE_SFB_2019,
        ),
        StatusFact::SfbSeSupported => {
            (t.status_sfbse.to_string(), t.source_modern_lifecycle.to_string(), status_source::MODERN_LIFECYCLE)
        }
        StatusFact::MpnsRetired => (
            fill(t.status_mpns, &[match push_test {
                Some(true) => t.status_mpns_push_test,
                Some(false) => t.status_mpns_no_push_test,
                None => "",
            }])
            .trim_end()
            .to_string(),
            t.source_mpns.to_string(),
            status_source::MPNS_DEPRECATED,
        ),
        StatusFact::RelayUnconfirmed => (
            fill(
                t.status_relay,
                &[
                    PUSH_DOMAIN,
                    LYNC_ONLINE_PROXY_FQDN,
                    &if push_test == Some(true) { t.status_relay_push_test.to_string() } else { fill(t.status_relay_no_push_test, &[PUSH_DOMAIN]) },
                ],
            ),
            t.source_sfbo_retirement.to_string(),
            status_source::SFBO_RETIREMENT,
        ),
    };
    StatusText { text, source, url: fill(url, &[t.learn_locale]) }
}

/// A status fact and its source on one line, e.g. "... (Source: title, https://...)". In English
/// it is ASCII, so a script can carry it as a comment.
pub fn status_line(t: &Strings, fact: crate::core::plan::StatusFact, push_test: Option<bool>) -> String {
    let status = status_text(t, fact, push_test);
    fill(t.status_with_source, &[&status.text, &fill(t.source_and_url, &[&status.source, &status.url])])
}

#[cfg(test)]
mod status_tests {
    use super::*;
    use crate::core::i18n::{EN, ZH_TW};
    use crate::core::plan::StatusFact;

    #[test]
    fn status_lines_name_their_source_and_english_is_ascii() {
        for &fact in StatusFact::ALL {
            for push_test in [Some(true), Some(false), None] {
                let line = status_line(&EN, fact, push_test);
                assert!(line.is_ascii(), "{fact:?}: {line}");
                assert!(!line.contains('\n'), "{fact:?}: one line");
                assert!(line.contains("(Source: ") && line.contains("https://learn.microsoft.com/en-us/"), "{line}");
                assert!(!line.contains('{'), "{fact:?}: every value filled in: {line}");
                let zh = status_text(&ZH_TW, fact, push_test);
                assert!(zh.url.starts_with("https://learn.microsoft.com/zh-tw/"), "{}", zh.url);
                assert!(!zh.text.contains('{'), "{fact:?}: {}", zh.text);
            }
        }
        assert!(status_text(&EN, StatusFact::Lync2013SupportEnded, Some(true)).text.contains("11 April 2023"));
        assert!(status_text(&EN, StatusFact::Lync2010SupportEnded, Some(true)).text.contains("13 April 2021"));
        assert!(status_text(&EN, StatusFact::RelayUnconfirmed, Some(true)).text.contains("push.lync.com, through sipfed.online.lync.com"));
        // Where no push test is offered, no fact points at one.
        for fact in [StatusFact::MpnsRetired, StatusFact::RelayUnconfirmed] {
            for push_test in [Some(false), None] {
                let text = status_text(&EN, fact, push_test).text;
                assert!(!text.contains("push test at the end") && !text.contains("tests at the end"), "{text}");
            }
        }
    }
}
