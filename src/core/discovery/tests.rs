//! The block's format, its reading and what it fills, on blocks built here (the modelled shell
//! runs the script itself: tests/discovery.rs).

use super::*;
use crate::core::answers::Answers;
use crate::core::i18n::{Language, DISCOVERY_EN, DISCOVERY_ZH_TW};

/// A field as the script encodes it.
fn encode(value: &str) -> String {
    value.bytes().map(|b| if is_safe(b) { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

/// A whole block around `records`, with their count and check value.
fn block(records: &[&str]) -> String {
    let mut text = format!("{BEGIN}\n");
    for record in records {
        text.push_str(record);
        text.push('\n');
    }
    text + &format!("{END_PREFIX}records={} check={:08X}{MARKER_TAIL}\n", records.len(), checksum(records.iter().copied()))
}

/// What the modelled shell printed for its fresh deployment, with a hosting provider added.
const SAMPLE: &[&str] = &[
    "~made|2026.12.07",
    "~cmdlet|Get-CsPushNotificationConfiguration|True",
    "~cmdlet|Set-CsPushNotificationConfiguration|True",
    "~cmdlet|New-CsPushNotificationConfiguration|True",
    "~cmdlet|Remove-CsPushNotificationConfiguration|True",
    "~cmdlet|Test-CsMcxPushNotification|False",
    "~cmdlet|Get-CsMcxConfiguration|True",
    "~ok|cmdlet|6",
    "~edge|accessproxy.contoso.com|site:Redmond|5",
    "~ok|edge|1",
    "~site|Redmond",
    "~site|North%20America",
    "~ok|site|2",
    "~accessedge|DisplayAccessEdgeSettingsDnsSrvRouting|UseDnsSrvRouting|False|False",
    "~ok|accessedge|1",
    "~provider|Office365|sipfed.online.lync.com|True|True|AlwaysVerifiable",
    "~provider|LyncOnline|sipfed.partner.example|True|False|AlwaysVerifiable",
    "~ok|provider|2",
    "~ok|allowed|0",
    "~blocked|push.lync.com",
    "~ok|blocked|1",
    "~push|Global|True|False",
    "~push|site:Z%C3%BCrich|False|False",
    "~ok|push|2",
    "~error|mcx|Access%20is%20denied.",
    "~replication|2|1",
    "~ok|replication|1",
];

pub(super) fn sample() -> Discovered {
    parse(&block(SAMPLE)).expect("the sample reads")
}

#[test]
fn the_begin_line_carries_the_format_version() {
    assert_eq!(BEGIN, format!("{BEGIN_PREFIX}{FORMAT_VERSION}{MARKER_TAIL}"));
    assert!(BEGIN.len() <= LINE_WIDTH && END_PREFIX.len() + 40 <= LINE_WIDTH);
}

#[test]
fn the_checksum_is_adler_32() {
    // The usual worked example: Adler-32 of "Wikipedia" is 0x11E60398.
    assert_eq!(adler32(*b"Wikipedia"), 0x11E6_0398);
    assert_eq!(checksum(["~a", "~b|c"]), adler32(*b"~a\n~b|c\n"));
}

#[test]
fn separators_and_markers_are_never_safe() {
    for byte in [b'~', b'|', b'%', b' ', b'=', b'<', b'>', b'&', b'\r', b'\n', b'\t'] {
        assert!(!is_safe(byte), "{}", byte as char);
    }
    assert!(Part::ALL.iter().all(|part| part.tag().bytes().all(is_safe)));
}

#[test]
fn a_block_reads_part_by_part() {
    let found = sample();
    assert_eq!(found.made_by, "2026.12.07");
    assert_eq!(found.sites, Read::Done(vec!["Redmond".to_string(), "North America".to_string()]));
    assert_eq!(found.push_allowed, Read::Done(false));
    assert_eq!(found.push_blocked, Read::Done(true));
    assert_eq!(found.mcx, Read::Failed("Access is denied.".into()));
    assert_eq!(found.replication, Read::Done(Replication { replicas: 2, up_to_date: 1 }));
    let push = found.push.done().expect("push read");
    assert_eq!((push[1].identity.as_str(), push[1].apple), ("site:Zürich", Some(false)));
    let edge = found.access_edge.done().expect("read");
    assert_eq!((edge.allow_federated_users, edge.enable_partner_discovery), (Some(false), Some(false)));
}

/// The block inside a transcript (its header, the prompt and command, CRLF, trailing spaces a
/// console selection adds), wrapped at any width, or saved with a lone CR: the same reading.
#[test]
fn surroundings_and_wrapping_do_not_matter() {
    let plain = sample();
    let text = block(SAMPLE);
    let transcript = format!(
        "**********************\r\nWindows PowerShell transcript start\r\nStart time: 20261207101500\r\nUsername: CONTOSO\\admin\r\n**********************\r\nTranscript started, output file is C:\\t.txt\r\nPS C:\\> .\\Get-LyncPushDeployment.ps1\r\n{}\r\nPS C:\\> Stop-Transcript\r\n",
        text.lines().map(|line| format!("{line}   ")).collect::<Vec<_>>().join("\r\n")
    );
    assert_eq!(parse(&transcript), Ok(plain.clone()));
    assert_eq!(parse(&format!("\u{FEFF}{}", text.replace('\n', "\r"))), Ok(plain.clone()));
    for width in [1, 7, 20, 40, 79] {
        let wrapped: String = text
            .lines()
            .flat_map(|line| line.as_bytes().chunks(if line.starts_with("====") { usize::MAX } else { width }).map(|c| String::from_utf8_lossy(c).into_owned() + "\n"))
            .collect();
        assert_eq!(parse(&wrapped), Ok(plain.clone()), "wrapped at {width}");
        assert_eq!(block_of(&wrapped).as_deref().map(parse), Some(Ok(plain.clone())), "kept from the copy wrapped at {width}");
    }
    let earlier = block(&[SAMPLE[0]]);
    assert_eq!(parse(&format!("{earlier}\n{text}")), Ok(plain.clone()), "the last block is read");
    // What the page keeps of a paste is the block alone, and it reads the same.
    let kept = block_of(&transcript).expect("a whole block");
    assert!(kept.starts_with(BEGIN) && kept.ends_with(&format!("{MARKER_TAIL}\n")) && !kept.contains("PS C:"), "{kept}");
    assert_eq!(parse(&kept), Ok(plain));
    assert_eq!(block_of(&text[..text.len() - 60]), None, "no END line: nothing kept");
}

/// A file saved with `>` in Windows PowerShell is UTF-16LE with a byte-order mark; one saved by
/// Out-File -Encoding UTF8 has the UTF-8 mark; any other is read as UTF-8.
#[test]
fn a_saved_files_encoding_is_read_from_its_bytes() {
    let text = block(SAMPLE);
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf16_no_mark: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let big_endian: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    let utf8_mark: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
    for bytes in [utf16, utf16_no_mark, big_endian, utf8_mark, text.clone().into_bytes()] {
        assert_eq!(text_of(&bytes), text);
    }
}

/// Values holding the separators, the markers, line breaks and letters outside ASCII come back
/// exactly: a reader that split before decoding, or trusted a raw value, would not pass.
#[test]
fn awkward_values_come_back_exactly() {
    let names = ["a|b", "~x", "100%", "two\nlines", "==== END LYNC-PUSH DISCOVERY records=1 check=00000000 ====", "O'Brien [2]", "Zürich 😀", ""];
    let mut records = vec!["~made|x".to_string(), "~ok|cmdlet|0".into(), "~ok|edge|0".into()];
    records.extend(names.iter().map(|name| format!("~site|{}", encode(name))));
    records.push(format!("~ok|site|{}", names.len()));
    for part in &Part::ALL[3..] {
        records.push(format!("~absent|{}", part.tag()));
    }
    let records: Vec<&str> = records.iter().map(String::as_str).collect();
    let found = parse(&block(&records)).expect("reads");
    assert_eq!(found.sites, Read::Done(names.iter().map(|n| n.to_string()).collect()));
    assert!(records.iter().all(|r| r.len() < 200 && !r.contains(' ') && !r.contains('\n')));
}

fn problem(text: &str) -> Problem {
    parse(text).expect_err("a problem")
}

#[test]
fn damaged_or_hostile_text_is_a_problem_naming_its_line() {
    let good = block(SAMPLE);
    let lines: Vec<&str> = good.lines().collect();
    let end_line = lines.len();
    assert_eq!(problem("nothing here"), Problem::NoBlock);
    assert_eq!(problem("-----BEGIN PGP MESSAGE-----\nhQEMA\n-----END PGP MESSAGE-----"), Problem::NoBlock);
    // Cut short: no END line.
    assert_eq!(problem(&lines[..10].join("\n")), Problem::NoEnd { line: 1 });
    assert_eq!(problem(&format!("x\n{}", good.replace("DISCOVERY v1 ", "DISCOVERY v2 "))), Problem::Version { line: 2, found: "2".into() });
    // Markup around or inside the block.
    assert_eq!(problem(&good.replace("~site|Redmond", "<b>~site|Redmond</b>")), Problem::Characters { line: 12 });
    assert_eq!(problem(&good.replace("~ok|edge|1", "~ok|edge|1<br>")), Problem::Characters { line: 11 });
    // A line lost, a character changed, the count or the check value doctored.
    assert_eq!(problem(&good.replace("~site|Redmond\n", "")), Problem::Count { line: end_line - 1, said: SAMPLE.len(), found: SAMPLE.len() - 1 });
    assert_eq!(problem(&good.replace("Redmond", "Redmont")), Problem::Check { line: end_line });
    assert_eq!(problem(&good.replace(&format!("records={}", SAMPLE.len()), "records=9999999")), Problem::Count { line: end_line, said: 9_999_999, found: SAMPLE.len() });
    assert!(matches!(problem(&good.replace(&format!("records={}", SAMPLE.len()), "records=99999999999")), Problem::Value { line, .. } if line == end_line));
    // Well-formed blocks whose records are not: each with a true count and check value.
    let with = |at: usize, record: &str| {
        let mut records = SAMPLE.to_vec();
        records[at] = record;
        block(&records)
    };
    assert_eq!(problem(&with(11, "~site|Red%G0mond")), Problem::Encoding { line: 13 });
    assert_eq!(problem(&with(11, "~site|%FF")), Problem::Encoding { line: 13 }, "not UTF-8");
    assert_eq!(problem(&with(11, "~site|a~b")), Problem::Encoding { line: 13 });
    assert_eq!(problem(&with(11, "~site|a|b")), Problem::Record { line: 13, tag: "site".into() });
    assert_eq!(problem(&with(11, "~Site|Redmond")), Problem::Record { line: 13, tag: "Site".into() });
    assert_eq!(problem(&with(11, "~provider|a|b|True|True|x")), Problem::Part { line: 13, part: "site" });
    assert_eq!(problem(&with(1, "~cmdlet|Get-CsMcxConfiguration|Yes")), Problem::Value { line: 3, value: "Yes".into() });
    assert_eq!(problem(&with(7, "~ok|cmdlet|7")), Problem::Value { line: 9, value: "7".into() });
    assert_eq!(problem(&with(25, "~replication|2|3")), Problem::Value { line: 27, value: "3".into() });
    assert_eq!(problem(&with(0, "~ok|cmdlet|0")), Problem::Part { line: 2, part: MADE });
    assert_eq!(problem(&with(19, "~blocked|fabrikam.com")), Problem::Value { line: 21, value: "fabrikam.com".into() });
    assert_eq!(problem(&block(&[&SAMPLE[..14], &SAMPLE[15..]].concat())), Problem::Part { line: 16, part: "accessedge" });
    assert_eq!(problem(&block(&[SAMPLE, &["~ok|extra|0"]].concat())), Problem::Record { line: 29, tag: "ok".into() });
}

#[test]
fn a_huge_paste_is_refused_at_once() {
    let huge = "x".repeat(10 * 1024 * 1024) + &block(SAMPLE);
    let started = std::time::Instant::now();
    assert_eq!(problem(&huge), Problem::TooLarge { bytes: huge.len() });
    assert!(started.elapsed().as_millis() < 100);
    let lines = format!("{BEGIN}\n{}", "~site|x\n".repeat(100_000));
    assert!(lines.len() < MAX_TEXT_BYTES);
    assert_eq!(problem(&lines), Problem::NoEnd { line: 1 });
}

#[test]
fn every_problem_says_its_line_in_both_languages() {
    let problems = [
        Problem::TooLarge { bytes: 10 },
        Problem::NoBlock,
        Problem::Version { line: 3, found: "2".into() },
        Problem::NoEnd { line: 3 },
        Problem::Characters { line: 3 },
        Problem::Encoding { line: 3 },
        Problem::Record { line: 3, tag: "x".into() },
        Problem::Part { line: 3, part: "site" },
        Problem::Count { line: 3, said: 1, found: 2 },
        Problem::Check { line: 3 },
        Problem::Value { line: 3, value: "x".into() },
    ];
    for problem in problems {
        for t in [&DISCOVERY_EN, &DISCOVERY_ZH_TW] {
            let text = problem.message(t);
            assert!(!text.contains('{'), "{text}");
            assert_eq!(problem.line().is_some(), text.contains('3'), "{text}");
        }
    }
}

#[test]
fn one_edge_pool_fills_the_access_edge_and_its_version_stays_open() {
    let reading = fill(&sample());
    assert_eq!(reading.access_edge, Filled::Known("accessproxy.contoso.com".into()));
    assert_eq!(reading.edge, Filled::Open(Open::EdgeVersion(vec![("accessproxy.contoso.com".into(), "5".into())])));
    assert_eq!(reading.pool, Filled::Open(Open::PoolVersion));
    assert_eq!(reading.provider, Filled::Known(Some("Office365".into())));
    assert_eq!(reading.scope, Open::Scope(vec!["Redmond".into(), "North America".into()]));
    let mut answers = Answers::default();
    reading.apply(&mut answers);
    assert_eq!((answers.access_edge.as_str(), answers.provider_exists, answers.provider_identity.as_str()), ("accessproxy.contoso.com", true, "Office365"));
    assert_eq!(
        reading.state,
        vec![
            State::MissingPushCmdlets(vec!["Test-CsMcxPushNotification".into()]),
            State::PushDomainBlocked,
            State::Routing(Routing::DnsSrv),
            State::Federation(false),
            State::PartnerDiscovery(false),
            State::ProviderElsewhere { identity: "LyncOnline".into(), proxy_fqdn: "sipfed.partner.example".into() },
            State::PushSwitches("Global".into(), true, false),
            State::PushSwitches("site:Zürich".into(), false, false),
            State::Replication(Replication { replicas: 2, up_to_date: 1 }),
            State::NotRead("Get-CsMcxConfiguration", Some("Access is denied.".into())),
        ]
    );
    let view = reading.view(Language::En, None);
    assert!(view.open.iter().any(|(label, text)| *label == "Edge Server" && text.starts_with("Edge pool") && text.contains("reports version 5") && text.contains("confirm")));
    assert!(view.filled.iter().any(|(label, text)| *label == "Internal Access Edge FQDN" && text.starts_with("accessproxy.contoso.com")));
    // An answer given is said beside what the block shows, still to confirm.
    let given = Answers { edge: Some(crate::core::answers::EdgeServer::Lync2013), ..Answers::default() };
    let answered = reading.view(Language::En, Some(&given));
    let edge = answered.open.iter().find(|(label, _)| *label == "Edge Server").map(|(_, text)| text.as_str());
    assert_eq!(edge, Some("You answered Lync Server 2013. Edge pool accessproxy.contoso.com reports version 5. No Microsoft page maps this number to a product: confirm the Edge Server's version."));
    let zh = reading.view(Language::ZhTw, None);
    assert!(zh.open.iter().any(|(_, text)| text.contains("Redmond、North America")), "a Chinese list is joined with 、");
    assert_eq!((zh.filled.len(), zh.open.len(), zh.state.len()), (view.filled.len(), view.open.len(), view.state.len()));
}

#[test]
fn no_one_or_several_edge_pools() {
    let pool = |fqdn: &str| EdgePool { pool_fqdn: fqdn.into(), site_id: "site:Redmond".into(), version: "6".into() };
    let mut found = sample();
    found.edge_pools = Read::Done(vec![pool("edge1.contoso.com"), pool("EDGE1.contoso.com"), pool("edge2.contoso.com")]);
    assert_eq!(fill(&found).access_edge, Filled::Open(Open::SeveralEdgePools(vec!["edge1.contoso.com".into(), "edge2.contoso.com".into()])));
    found.edge_pools = Read::Done(vec![pool("edge1.contoso.com"), pool("EDGE1.contoso.com")]);
    assert_eq!(fill(&found).access_edge, Filled::Known("edge1.contoso.com".into()), "two servers of one pool");
    found.edge_pools = Read::Done(Vec::new());
    assert_eq!((fill(&found).access_edge, fill(&found).edge), (Filled::Open(Open::NoEdgePool), Filled::Open(Open::NoEdgePool)));
    found.edge_pools = Read::Absent;
    assert_eq!(fill(&found).access_edge, Filled::Open(Open::NotRead("Get-CsService", None)));
    found.providers = Read::Failed("denied".into());
    assert_eq!(fill(&found).provider, Filled::Open(Open::NotRead("Get-CsHostingProvider", Some("denied".into()))));
}

#[test]
fn the_routing_follows_the_type_then_routing_method() {
    let edge = |type_name: &str, method: &str| AccessEdge {
        type_name: type_name.into(),
        routing_method: method.into(),
        allow_federated_users: None,
        enable_partner_discovery: None,
    };
    assert_eq!(edge("DisplayAccessEdgeSettingsDefaultRoute", "UseDnsSrvRouting").routing(), Routing::Default, "the type first");
    assert_eq!(edge("PSObject", "UseDefaultRouting").routing(), Routing::Default);
    assert_eq!(edge("PSObject", "usednssrvrouting").routing(), Routing::DnsSrv);
    assert_eq!(edge("PSObject", "").routing(), Routing::Unknown);
}

#[test]
fn a_value_read_from_the_deployment_cannot_write_to_a_terminal() {
    assert_eq!(printable("a\u{1b}[31mb\nc"), "a\\u{1b}[31mb\\nc");
}

/// Get-CsSite prints a site's Identity as `Site:Redmond`; push settings take the bare name.
#[test]
fn a_sites_identity_gives_its_name() {
    let records = ["~made|x", "~ok|cmdlet|0", "~ok|edge|0", "~site|Site:Redmond", "~site|site:North%20America", "~site|Sitework", "~ok|site|3"];
    let mut all: Vec<String> = records.iter().map(|r| r.to_string()).collect();
    all.extend(Part::ALL[3..].iter().map(|part| format!("~absent|{}", part.tag())));
    let all: Vec<&str> = all.iter().map(String::as_str).collect();
    let found = parse(&block(&all)).expect("reads");
    assert_eq!(found.sites, Read::Done(vec!["Redmond".to_string(), "North America".to_string(), "Sitework".to_string()]));
}

/// A value quoted in a message is cut at 40 characters, with an ellipsis only when it was cut.
#[test]
fn a_quoted_value_is_cut_at_forty_characters() {
    // An upper-case tag is no record's: the message quotes it.
    let tag = |n: usize| "Q".repeat(n);
    for (length, shown) in [(40, tag(40)), (41, format!("{}…", tag(40))), (39, tag(39))] {
        let text = block(&[SAMPLE[0], &format!("~{}|x", tag(length))]);
        assert_eq!(problem(&text), Problem::Record { line: 3, tag: shown }, "{length}");
    }
}

/// The markers' numbers are read digit by digit, never by a looser number parser: a sign, a
/// tenth digit or a ninth hex digit is refused, and the size limit is exact.
#[test]
fn marker_numbers_and_the_size_limit_are_exact() {
    let good = block(SAMPLE);
    for version in ["+1", "0000000001", ""] {
        let text = good.replace(BEGIN, &format!("{BEGIN_PREFIX}{version}{MARKER_TAIL}"));
        assert!(matches!(problem(&text), Problem::Version { .. }), "v{version}");
    }
    let (head, end) = good.trim_end().rsplit_once('\n').expect("an END line");
    let check = end.split("check=").nth(1).and_then(|rest| rest.strip_suffix(MARKER_TAIL)).expect("a check value");
    for doctored in [format!("+{}", &check[1..]), format!("0{check}")] {
        let text = format!("{head}\n{}\n", end.replace(&format!("check={check}"), &format!("check={doctored}")));
        assert!(matches!(problem(&text), Problem::Value { .. }), "check={doctored}");
    }
    assert!(parse(&good).is_ok());
    let exactly = format!("{good}{}", " ".repeat(MAX_TEXT_BYTES - good.len()));
    assert_eq!(exactly.len(), MAX_TEXT_BYTES);
    assert!(parse(&exactly).is_ok(), "the limit itself is read");
    assert_eq!(problem(&format!("{exactly} ")), Problem::TooLarge { bytes: MAX_TEXT_BYTES + 1 });
}

/// Each part's outcome line must name that part and agree with what came before it; the first
/// record is `made` with one value; a count is digits only; an empty flag is "not shown". A
/// block pieced together from others, or doctored and given a fresh check value, is refused.
#[test]
fn outcome_lines_must_fit_their_part() {
    let replaced = |from: &str, to: &[&str]| -> Vec<String> {
        SAMPLE.iter().flat_map(|record| if *record == from { to.iter().map(|r| r.to_string()).collect() } else { vec![record.to_string()] }).collect()
    };
    let refused = |records: Vec<String>| problem(&block(&records.iter().map(String::as_str).collect::<Vec<_>>()));
    assert!(matches!(refused(replaced("~made|2026.12.07", &["~made|2026.12.07|x"])), Problem::Part { part: "made", .. }));
    assert!(matches!(refused(replaced("~made|2026.12.07", &["~site|Redmond"])), Problem::Part { part: "made", .. }));
    assert!(matches!(refused(replaced("~ok|cmdlet|6", &["~ok|edge|6"])), Problem::Part { part: "cmdlet", .. }));
    assert!(matches!(refused(replaced("~ok|site|2", &["~error|site|denied"])), Problem::Part { part: "site", .. }), "an error after items");
    assert!(matches!(refused(replaced("~ok|site|2", &["~absent|site"])), Problem::Part { part: "site", .. }), "absent after items");
    assert!(matches!(refused(replaced("~error|mcx|Access%20is%20denied.", &["~error|push|denied"])), Problem::Part { part: "mcx", .. }));
    assert!(matches!(refused(replaced("~error|mcx|Access%20is%20denied.", &["~absent|push"])), Problem::Part { part: "mcx", .. }));
    assert!(matches!(refused(replaced("~replication|2|1", &["~replication|%2B2|1"])), Problem::Value { .. }));
    // The default-routing object has no EnablePartnerDiscovery: an empty field, read as not shown.
    let default_route = replaced(
        "~accessedge|DisplayAccessEdgeSettingsDnsSrvRouting|UseDnsSrvRouting|False|False",
        &["~accessedge|DisplayAccessEdgeSettingsDefaultRoute|UseDefaultRouting|False|"],
    );
    let found = parse(&block(&default_route.iter().map(String::as_str).collect::<Vec<_>>())).expect("reads");
    assert_eq!(found.access_edge.done().map(|edge| edge.enable_partner_discovery), Some(None));
}
