#![cfg(not(target_arch = "wasm32"))]
//! What an administrator reads and types, checked over every answer set: only documented
//! properties, commands that work in a fresh shell, the organisation-wide effect of federation
//! said before the change, the OCS 2007 R2 route's own test precondition, and full test output.
//! The modelled shell (tests/modelled_shell.rs) checks what the scripts do when run.

mod support;

use lync_push_wizard::core::i18n::{EN, ZH_TW};
use lync_push_wizard::core::plan::Trouble;
use lync_push_wizard::core::render::powershell::script;
use lync_push_wizard::core::render::view::step_views;
use lync_push_wizard::core::render::{json::json, markdown::runbook, rollback::rollback, steps::steps};
use lync_push_wizard::core::text::{self, trouble_text};
use lync_push_wizard::core::{plan, Action, EdgeServer, MobileClient, Plan, Verdict};
use support::{answers, commands, parse, sampled_answer_sets, syntax_problems, with_provider, with_site};

fn configured_plans() -> Vec<Plan> {
    sampled_answer_sets()
        .iter()
        .map(|answers| plan(answers).expect("valid answers"))
        .filter(|plan| matches!(plan.decision.verdict, Verdict::Configure { .. }))
        .collect()
}

fn every_output(plan: &Plan) -> Vec<String> {
    vec![script(plan), rollback(plan), steps(plan), runbook(&EN, plan), runbook(&ZH_TW, plan), json(plan)]
}

/// Defect 1: Get-CsAccessEdgeConfiguration has RoutingMethod, no UseDnsSrvRouting property
/// (lync-objects §4). The name may appear only as RoutingMethod's value. And RoutingMethod is
/// only in Lync Server 2013-era samples: the output type decides first (its help's OUTPUTS).
#[test]
fn dns_srv_routing_is_read_from_the_type_then_routing_method() {
    let plans = configured_plans();
    for plan in &plans {
        for output in every_output(plan) {
            assert!(!output.contains(".UseDnsSrvRouting"), "property read:\n{output}");
            assert!(!output.contains("Select-Object UseDnsSrvRouting"), "{output}");
            assert!(!output.contains("AllowFederatedUsers, UseDnsSrvRouting"), "{output}");
        }
        let script = script(plan);
        if plan.steps.iter().any(|step| matches!(step.action, Action::AllowFederatedUsers { check_dns_srv_routing: true })) {
            let by_type = script.find("$routing = $accessEdge.GetType().Name").expect("the type first");
            let by_property = script.find("$routing = [string]$accessEdge.RoutingMethod").expect("then RoutingMethod");
            assert!(by_type < by_property, "{script}");
            assert!(!script.contains("'not shown'"), "a missing property alone never stops: {script}");
        }
    }
    assert!(trouble_text(&EN, Trouble::DefaultRouting).check.contains("GetType().Name"));
}

/// Defect 2: what a person types works in a fresh shell: no script variable, literal quoted
/// identities, and New- or Set- as the site's situation needs.
#[test]
fn commands_to_type_stand_on_their_own() {
    let mut site_steps = 0;
    for plan in configured_plans() {
        for t in [&EN, &ZH_TW] {
            for view in step_views(t, &plan) {
                let (step, typed) = (view.step, view.commands);
                for command in &typed {
                    let variables: Vec<&str> = command
                        .command
                        .match_indices('$')
                        .map(|(at, _)| {
                            let rest = &command.command[at + 1..];
                            let end = rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(rest.len());
                            &rest[..end]
                        })
                        .collect();
                    for variable in variables {
                        assert!(matches!(variable, "True" | "False" | "_"), "${variable} in {}", command.command);
                    }
                    let text = format!("{}\n", command.command);
                    assert!(syntax_problems(&parse(&text), &text).is_empty(), "{}", command.command);
                }
                if let Action::EnablePush { scope: lync_push_wizard::core::plan::Scope::Site(name), .. } = &step.action {
                    site_steps += 1;
                    let identity = format!("-Identity 'site:{}'", name.as_str());
                    assert_eq!(typed.len(), 2);
                    assert!(typed[0].command.starts_with("New-CsPushNotificationConfiguration ") && typed[0].command.contains(&identity));
                    assert!(typed[1].command.starts_with("Set-CsPushNotificationConfiguration ") && typed[1].command.contains(&identity));
                    assert!(typed.iter().all(|command| command.when.as_deref().is_some_and(|when| when.contains("site:"))));
                }
            }
        }
        // The runbook carries the scripts themselves; the steps and the JSON only what people type.
        for output in [steps(&plan), json(&plan)] {
            assert!(!output.contains("$siteIdentity"), "{output}");
        }
    }
    assert!(site_steps > 0);
}

/// Defect 9: federation is organisation-wide; the plan says so, and the script shows
/// EnablePartnerDiscovery before it changes AllowFederatedUsers.
#[test]
fn federation_says_its_organisation_wide_effect_before_the_change() {
    for plan in configured_plans() {
        let script = script(&plan);
        let shown = script.find("+ $accessEdge.EnablePartnerDiscovery)").expect("partner discovery shown");
        let said = script.find("This is organisation-wide").expect("effect said");
        let change = script.find("Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True").expect("the change");
        assert!(shown < change && said < change);
        // EnablePartnerDiscovery exists only with DNS SRV routing (lync-objects §4): read inside that check.
        let guard = script.find("if ($routing -like '*DnsSrvRouting')").expect("guard");
        assert!(guard < shown);
        for step in &plan.steps {
            if let Action::AllowFederatedUsers { .. } = step.action {
                assert!(text::step_why(&EN, &step.action).contains("organisation-wide"));
                assert!(text::step_why(&ZH_TW, &step.action).contains("整個組織"));
            }
        }
    }
}

/// Defect 10: on the OCS 2007 R2 route the federation test's precondition is stated, and the
/// hosting-provider and DNS SRV hints are gone.
#[test]
fn the_ocs_route_states_the_federation_tests_precondition() {
    let plan = plan(&answers(EdgeServer::Ocs2007R2, &[MobileClient::IosLync2010])).unwrap();
    let ocs = script(&plan);
    assert!(ocs.contains("Test-CsFederatedPartner needs push.lync.com on the allowed domains of Lync Server"), "{ocs}");
    assert!(!ocs.contains("New-CsAllowedDomain") && !ocs.contains("DNS SRV routing"), "{ocs}");
    for step in &plan.steps {
        if let Action::TestFederation { .. } = step.action {
            assert_eq!(step.troubles, vec![Trouble::FederationOff]);
            let (_, failure) = text::test_outcomes(&EN, &step.action).unwrap();
            assert!(!failure.contains("DNS SRV") && !failure.contains("hosting provider"), "{failure}");
        }
    }
    let hosting = lync_push_wizard::core::plan(&lync_push_wizard::core::Answers { configure_retired_mpns: true, ..answers(EdgeServer::Lync2013, &[MobileClient::WpLync2013]) }).unwrap();
    assert!(!script(&hosting).contains("Test-CsFederatedPartner needs push.lync.com"));
}

/// Defect 11: both tests print Result, and Error and Diagnosis when the result is not Success;
/// a throw is reported too, and nothing claims the cmdlet never returns Failure.
#[test]
fn both_tests_print_result_error_and_diagnosis() {
    for plan in configured_plans() {
        let script = script(&plan);
        let has_push_test = plan.steps.iter().any(|s| matches!(s.action, lync_push_wizard::core::Action::TestPush { .. }));
        for command in ["$result = Test-CsFederatedPartner", "$result = Test-CsMcxPushNotification"] {
            // No push test where Microsoft documents none (plan::push_test_documented).
            if command.ends_with("McxPushNotification") && !has_push_test {
                assert!(!script.contains(command));
                continue;
            }
            let at = script.find(command).unwrap_or_else(|| panic!("{command}"));
            let block = &script[at..at + script[at..].find("catch {").unwrap()];
            for part in ["$result.Result", "$result.Error", "$result.Diagnosis"] {
                assert!(block.contains(part), "{command}: {part}");
            }
        }
        assert!(!script.contains("instead of returning Failure"));
    }
}

/// Defect 12, smaller ones.
#[test]
fn smaller_fixes_hold() {
    for plan in configured_plans() {
        let script = script(&plan);
        // The enable hint names the provider: Set-CsHostingProvider needs -Identity.
        for line in script.lines().filter(|line| line.contains("Set-CsHostingProvider")) {
            assert!(line.contains("Set-CsHostingProvider -Identity "), "{line}");
        }
        // A caller can see the outcome.
        assert!(script.contains("$global:LASTEXITCODE = 1") && script.contains("exit $LASTEXITCODE"));
        // Downloaded copies: how to unblock, with and without Unblock-File.
        assert!(script.contains("Unblock-File -Path") && script.contains("right-click the file"));
        assert!(rollback(&plan).contains("Unblock-File -Path"));
        // The Start menu names the version the deployment runs.
        let start = text::start_shell_step(&EN, plan.decision.shell());
        let lync2010_shell = match plan.decision.pool {
            Some(pool) => pool == lync_push_wizard::core::PoolVersion::Lync2010,
            None => plan.decision.edge == EdgeServer::Lync2010,
        };
        assert_eq!(start.contains("Microsoft Lync Server 2010"), lync2010_shell, "{start}");
        assert!(steps(&plan).contains(&start));
    }
    // The Baltimore root check runs on the Edge Server.
    assert!(trouble_text(&EN, Trouble::CertificateChain).check_where.is_some_and(|text| text.contains("Edge Server")));
    assert!(Trouble::ALL.iter().filter(|&&t| t != Trouble::CertificateChain).all(|&t| trouble_text(&EN, t).check_where.is_none()));
    // A new site collection gets a copy of today's global value for a service not needed.
    let site = plan(&with_site(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]), "Redmond")).unwrap();
    assert!(script(&site).contains("gets a copy of today's global value"));
}

/// Every change in the configuration script comes after the pre-flight, and the pre-flight
/// checks every Lync Server cmdlet the script calls (defect 7).
#[test]
fn the_preflight_lists_every_cmdlet_the_script_calls() {
    for plan in configured_plans() {
        for (name, text) in [("script", script(&plan)), ("rollback", rollback(&plan))] {
            let tree = parse(&text);
            let called: Vec<&str> = commands(&tree, &text).into_iter().map(|(name, _)| name).filter(|name| name.contains("-Cs")).collect();
            let list_line = text.lines().find(|line| line.trim_start().starts_with("$cmdlets = @(")).expect("pre-flight list");
            for cmdlet in &called {
                assert!(list_line.contains(&format!("'{cmdlet}'")), "{name}: {cmdlet} missing from {list_line}");
            }
            // The first line that changes anything comes after the cmdlet check.
            let preflight = text.lines().position(|line| line.contains("Get-Command -Name $name")).expect("pre-flight");
            let first_change = text.lines().position(|line| {
                let code = line.trim_start();
                ["New-Cs", "Set-Cs", "Remove-Cs", "Rename-Item", "$record | Export-Clixml"].iter().any(|change| code.starts_with(change))
            });
            assert!(first_change.is_some_and(|line| line > preflight), "{name}: a change before the pre-flight");
        }
    }
}

/// Pasted into the console host of PowerShell 2.0-4.0 (the Lync Server Management Shell), an
/// empty line ends the input: the rest of a block would then run piece by piece, outside its
/// checks. So no block holds an empty line.
#[test]
fn no_block_holds_an_empty_line() {
    for answers in sampled_answer_sets() {
        let plan = plan(&answers).unwrap();
        for text in [script(&plan), rollback(&plan)] {
            let mut depth = 0i32;
            for (number, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with('#') {
                    continue;
                }
                assert!(depth == 0 || !code.is_empty(), "empty line {} inside a block:\n{text}", number + 1);
                // Generated code opens and closes blocks only at line ends and starts.
                depth += i32::from(code.ends_with('{')) - i32::from(code.starts_with('}'));
            }
            assert_eq!(depth, 0);
        }
    }
}

/// Finding 6: the hint to switch to DNS SRV routing gives both parameters the Set page asks for
/// ("UseDnsSrvRouting ... and EnablePartnerDiscovery"), with $False, and says what $True opens.
#[test]
fn the_dns_srv_hint_names_partner_discovery_and_what_true_opens() {
    let mut checked = 0;
    for plan in configured_plans() {
        if plan.steps.iter().any(|step| matches!(step.action, Action::AllowFederatedUsers { check_dns_srv_routing: true })) {
            let script = script(&plan);
            assert!(script.contains("-UseDnsSrvRouting -EnablePartnerDiscovery $False; $True also federates with domains not on the allowed list"), "{script}");
            checked += 1;
        }
    }
    assert!(checked > 0);
}

/// Finding 3: federation reaches only users whose external access policy allows it; the plan
/// says so and the script shows the policies' EnableFederationAccess before the change.
#[test]
fn federation_names_the_external_access_policies_before_the_change() {
    for plan in configured_plans() {
        let script = script(&plan);
        let shown = script.find("EnableFederationAccess: ' + $policy.EnableFederationAccess").expect("policies shown");
        let change = script.find("Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True").expect("the change");
        assert!(shown < change);
        for step in &plan.steps {
            if let Action::AllowFederatedUsers { .. } = step.action {
                assert!(text::step_why(&EN, &step.action).contains("external access policy"));
            }
        }
    }
}

/// Finding 4: Test-CsMcxPushNotification proves only that requests reach the clearing house
/// through the Edge; no output credits it with delivery, and each suggests the real check.
#[test]
fn the_push_test_is_credited_only_with_what_it_checks() {
    for plan in configured_plans().iter().filter(|plan| plan.has_push_test()) {
        for output in [script(plan), steps(plan), runbook(&EN, plan)] {
            assert!(!output.contains("shows whether"), "{output}");
            assert!(output.contains("reach the clearing house") && output.contains("app is in the background"), "{output}");
        }
    }
}

/// The answers' values stand apart from the longest label ("Internal Access Edge FQDN").
#[test]
fn every_answer_label_is_followed_by_a_space() {
    for plan in configured_plans() {
        let fqdn = plan.access_edge.as_ref().expect("configured").as_str().to_string();
        for output in [script(&plan), steps(&plan)] {
            assert!(output.contains(&format!("Internal Access Edge FQDN: {fqdn}")), "{output}");
        }
    }
}

/// Issue 25, finding 7: on the OCS 2007 R2 route the federation switch is said to govern Lync
/// Server Edges only, the OCS Edge is configured on the server itself, and its end of support
/// (9 January 2018, the banner of Microsoft's OCS documentation) is stated.
#[test]
fn the_ocs_route_says_where_its_edge_is_configured_and_its_end_of_support() {
    let plan = plan(&answers(EdgeServer::Ocs2007R2, &[MobileClient::IosLync2010])).unwrap();
    // Comments wrap: read the words.
    let ocs = script(&plan).split_whitespace().filter(|word| *word != "#").collect::<Vec<_>>().join(" ");
    assert!(ocs.contains("the OCS 2007 R2 Edge is configured on the server itself"), "{ocs}");
    assert!(ocs.contains("reached the end of support on 9 January 2018"), "{ocs}");
    let lync = script(&plan_of(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010])));
    assert!(!lync.contains("configured on the server itself") && !lync.contains("9 January 2018"));
}

/// Issue 25, finding 11: the Skype for Business page allows either membership for the first
/// steps; the IM filter is read at every scope; going hybrid later changes the provider.
#[test]
fn roles_the_im_filter_and_going_hybrid_later() {
    let mut sfb = answers(EdgeServer::Sfb2015, &[MobileClient::IosLync2010]);
    sfb.pool = Some(lync_push_wizard::core::PoolVersion::Sfb2015);
    let sfb_script = script(&plan_of(sfb));
    assert!(sfb_script.contains("Needs: RtcUniversalServerAdmins or CsAdministrator."), "{sfb_script}");
    let seed = plan_of(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]));
    assert!(script(&seed).contains("Needs: RtcUniversalServerAdmins. "), "the seed's own wording stays");
    let book = lync_push_wizard::core::render::markdown::runbook(&lync_push_wizard::core::i18n::EN, &seed);
    let plan_text = steps(&seed);
    assert!(plan_text.contains("Get-CsImFilterConfiguration | Select-Object Identity, Enabled, Action, Prefixes"), "every scope");
    assert!(!plan_text.contains("-Identity Global).Prefixes"));
    assert!(book.contains("Going hybrid later?") && book.contains("-EnabledSharedAddressSpace $True"), "{book}");
    let existing = plan_of(with_provider(answers(EdgeServer::Lync2013, &[MobileClient::IosLync2010]), "Office365"));
    assert!(!lync_push_wizard::core::render::markdown::runbook(&lync_push_wizard::core::i18n::EN, &existing).contains("Going hybrid later?"), "only when the plan adds the provider");
}

fn plan_of(answers: lync_push_wizard::core::Answers) -> lync_push_wizard::core::Plan {
    plan(&answers).expect("valid answers")
}
