//! Component tests in headless Chromium: write the pre-rendered page into a fresh element, let
//! the wizard take it over, click real nodes, let Leptos settle, assert on the DOM.
#![cfg(target_arch = "wasm32")]

use lync_push_wizard::core::i18n::Language;
use lync_push_wizard::core::render::page;
use lync_push_wizard::core::{Answers, EdgeServer, MobileClient, PoolVersion};
use lync_push_wizard::ui::{take_over, Initial, Wizard};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: HtmlElement,
    wizard: Option<Wizard>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        drop(self.wizard.take());
        self.root.remove();
    }
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Writes the page as the release build pre-renders it, in a fresh element.
fn prerendered(lang: Language) -> Mounted {
    // A failed test aborts before it can unmount: clear what it left, as the page has one wizard.
    let left = document().query_selector_all("[data-test-root], footer.footer").unwrap();
    for index in 0..left.length() {
        left.item(index).unwrap().dyn_into::<Element>().unwrap().remove();
    }
    let root: HtmlElement = document().create_element("div").unwrap().dyn_into().unwrap();
    root.set_attribute("data-test-root", "").unwrap();
    root.set_inner_html(&page::body(lang, |other| page::path_between(lang, other), "lync-push-wizard.html"));
    document().body().unwrap().append_child(&root).unwrap();
    Mounted { root, wizard: None }
}

impl Mounted {
    /// The wizard takes the page over; waits for the tasks that add the result.
    async fn take_over(mut self, lang: Language, answers: Answers) -> Mounted {
        self.wizard = Some(take_over(Initial { lang, ..Initial::in_memory(answers) }));
        pause().await;
        self
    }
}

/// The English page, taken over with these answers.
async fn mount(answers: Answers) -> Mounted {
    prerendered(Language::En).take_over(Language::En, answers).await
}

impl Mounted {
    fn find(&self, test_id: &str) -> Element {
        self.try_find(test_id).unwrap_or_else(|| panic!("no [data-testid={test_id}]"))
    }

    fn try_find(&self, test_id: &str) -> Option<Element> {
        self.root.query_selector(&format!("[data-testid=\"{test_id}\"]")).unwrap()
    }

    /// Present and not inside anything hidden.
    fn shown(&self, test_id: &str) -> bool {
        self.try_find(test_id).is_some_and(|element| element.closest("[hidden]").unwrap().is_none())
    }

    fn text(&self, test_id: &str) -> String {
        self.find(test_id).text_content().unwrap_or_default()
    }

    fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    async fn click(&self, test_id: &str) {
        self.find(test_id).dyn_into::<HtmlElement>().unwrap().click();
        tick().await;
    }

    async fn type_into(&self, test_id: &str, value: &str) {
        let input: HtmlInputElement = self.find(test_id).dyn_into().unwrap();
        input.set_value(value);
        input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        tick().await;
    }
}

async fn tick() {
    leptos::task::tick().await;
}

/// Lets the browser paint a frame and run its queued tasks (the result, built after the first
/// frame in two tasks; a `<details>` toggle event), then Leptos settle.
async fn pause() {
    let window = web_sys::window().unwrap();
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        window.request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
    // Twice: the result's second part is queued by the task that builds its first.
    for _ in 0..2 {
        let timer = js_sys::Promise::new(&mut |resolve, _| {
            window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 10).unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(timer).await.unwrap();
    }
    tick().await;
}

impl Mounted {
    /// Opens the rollback's section, which renders the rollback only while open.
    async fn open_undo(&self) {
        assert_eq!(self.text("rollback"), "", "the rollback is not rendered while closed");
        self.root.query_selector("details.undo > summary").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
        pause().await;
    }
}

fn seed_answers() -> Answers {
    let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
    answers.set_client(MobileClient::IosLync2010, true);
    answers.set_client(MobileClient::WpLync2013, true);
    answers
}

#[wasm_bindgen_test]
async fn edge_question_drives_the_verdict() {
    let page = mount(Answers::default()).await;
    tick().await;
    assert!(page.text("verdict").contains("No verdict yet"));
    assert_eq!(page.count("input[name=edge]") as usize, EdgeServer::ALL.len());
    assert!(page.shown("edge-none") && !page.shown("client-android"), "one question at a time");
    page.click("edge-none").await;
    // No client chosen yet is a question not answered, not the verdict "not needed".
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("pending"));
    assert!(page.text("problems").contains("Mobile clients: Tick at least one."));
    page.click("next").await;
    assert!(!page.shown("edge-none") && page.shown("client-android"));
    page.click("client-wp-lync2010").await;
    // A box ticked on the open question is not yet the answer: Next is.
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("pending"));
    assert!(page.text("problems").contains("Mobile clients: Tick every client your users have, then press Next."));
    page.click("next").await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("blocked"));
    assert!(page.text("script").contains("This script changed nothing."));
}

/// The pool's version is asked under the Edge Server. Not chosen, the version the answers mean
/// shows as chosen (Lync Server 2013, or 2010 behind a Lync Server 2010 Edge); choosing one names
/// its shell and hosting provider in the script and goes into the share link.
#[wasm_bindgen_test]
async fn pool_question_names_the_shell_and_the_provider() {
    let page = mount(seed_answers()).await;
    tick().await;
    assert_eq!(page.count("input[name=pool]") as usize, PoolVersion::ALL.len());
    assert!(page.shown("pool-lync2013") && page.text("question").contains("Which version runs the pool"));
    let pool_checked = |token: &str| -> bool {
        document().query_selector(&format!("[data-testid=pool-{token}]")).unwrap().unwrap().dyn_into::<HtmlInputElement>().unwrap().checked()
    };
    assert!(pool_checked("lync2013"), "not given: the seed's Lync Server 2013");
    assert!(page.text("script").contains("-Identity \"LyncOnline\""));
    page.click("edge-lync2010").await;
    assert!(pool_checked("lync2010") && !pool_checked("lync2013"), "a Lync Server 2010 Edge stands for a 2010 deployment");
    assert!(document().get_element_by_id("pool-error").is_none(), "the pool is never required: no place for a message");
    page.click("edge-lync2013").await;
    page.click("pool-sfb2015").await;
    assert!(pool_checked("sfb2015"));
    let script = page.text("script");
    assert!(script.contains("-Identity \"SkypeOnline\""), "the SfB example Identity");
    assert!(page.text("share-link").contains("pool=sfb2015"), "{}", page.text("share-link"));
}

/// Not chosen, the pool follows the Edge Server: a Skype for Business Server 2015 Edge means a
/// 2015 pool, said next to the question, and the verdict configures (it used to be blocked as
/// a Lync Server 2013 pool). Each client's reason is redrawn when the pool changes.
#[wasm_bindgen_test]
async fn the_pool_follows_the_edge_until_chosen_and_the_reasons_follow_the_pool() {
    let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
    answers.set_client(MobileClient::IosLync2010, true);
    answers.set_client(MobileClient::WpSfb, true);
    let page = mount(answers).await;
    tick().await;
    let checked = |token: &str| -> bool {
        document().query_selector(&format!("[data-testid=pool-{token}]")).unwrap().unwrap().dyn_into::<HtmlInputElement>().unwrap().checked()
    };
    let follows = || document().get_element_by_id("pool-follows").unwrap();
    assert_eq!(follows().text_content().unwrap(), "Not chosen: the steps assume Lync Server 2013, which follows the Edge Server until you choose.");
    page.click("edge-sfb2015").await;
    assert!(checked("sfb2015") && !checked("lync2013"), "the pool follows the Edge");
    assert!(follows().text_content().unwrap().contains("assume Skype for Business Server 2015"));
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("configure"));
    assert!(page.text("script").contains("Skype for Business Server 2015 (sfb2015), assumed: not given"));
    // The reasons on the clients' page follow the pool the answers mean.
    let hint = |token: &str| page.find(&format!("client-{token}")).next_element_sibling().unwrap().last_element_child().unwrap().text_content().unwrap();
    assert!(!hint("ios-lync2010").contains("Cannot sign in"));
    page.click("pool-sfb2019").await;
    assert!(follows().has_attribute("hidden") && follows().text_content().unwrap().is_empty(), "chosen: nothing assumed");
    assert!(hint("ios-lync2010").starts_with("Cannot sign in to this pool"), "{}", hint("ios-lync2010"));
    assert!(!hint("ios-lync2010").contains("Subscription Edition"), "a 2019 reason names no other version");
    page.click("pool-sfbse").await;
    assert!(hint("ios-lync2010").contains("Subscription Edition"));
    // Choosing the Edge again keeps the chosen pool.
    page.click("edge-lync2013").await;
    assert!(checked("sfbse"));
}

/// Windows Phone alone: MPNS is retired, so the verdict is "not recommended" and no script
/// changes anything; the button says what configuring anyway does, and undoes it.
#[wasm_bindgen_test]
async fn mpns_alone_is_not_recommended_and_configuring_is_an_explicit_choice() {
    let mut answers = Answers { edge: Some(EdgeServer::Lync2013), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
    answers.set_client(MobileClient::WpLync2013, true);
    let page = mount(answers).await;
    tick().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("not-recommended"));
    assert!(page.text("verdict-headline").starts_with("Not recommended: only Windows Phone clients"));
    assert!(page.text("script").contains("This script changed nothing."));
    assert!(page.text("configure-mpns").contains("opens federation for the whole organisation"));
    page.click("configure-mpns").await;
    pause().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("configure"));
    assert!(page.text("script").contains("-EnableMicrosoftPushNotificationService $True"));
    assert!(page.text("script").contains("Your choices:              configure-retired-mpns"));
    assert!(page.text("share-link").contains("configure-retired-mpns=yes"));
    page.click("leave-mpns-off").await;
    pause().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("not-recommended"));
}

/// APNS for Skype for Business on iOS is offered under that client, off until ticked.
#[wasm_bindgen_test]
async fn apns_for_skype_for_business_on_ios_is_offered_under_it_and_off_by_default() {
    let mut answers = Answers { edge: Some(EdgeServer::Sfb2015), access_edge: "accessproxy.contoso.com".into(), ..Answers::default() };
    answers.set_client(MobileClient::IosLync2013, true);
    let page = mount(answers).await;
    tick().await;
    page.click("next").await;
    let offered = || document().get_element_by_id("apns-for-sfb-ios-choice").unwrap().has_attribute("hidden");
    assert!(offered(), "hidden while the app is not ticked");
    page.click("client-ios-sfb").await;
    assert!(!offered(), "shown under the app once ticked");
    let choice: HtmlInputElement = page.find("apns-for-sfb-ios").dyn_into().unwrap();
    assert!(!choice.checked(), "off by default: Microsoft's page turns on only MPNS");
    let hint = || page.find("client-ios-sfb").next_element_sibling().unwrap().last_element_child().unwrap().text_content().unwrap();
    assert!(hint().starts_with("Nothing turned on"), "{}", hint());
    page.click("next").await;
    pause().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("not-needed"));
    page.click("back").await;
    page.click("apns-for-sfb-ios").await;
    assert!(hint().starts_with("Apple push (APNS), because you chose it"), "the reason follows the choice: {}", hint());
    page.click("next").await;
    pause().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("configure"));
    let script = page.text("script");
    assert!(script.contains("-EnableApplePushNotificationService $True") && script.contains("Beyond Microsoft's page, by your choice"), "{script}");
}

#[wasm_bindgen_test]
async fn clients_question_gives_each_client_its_reason() {
    let page = mount(Answers { edge: Some(EdgeServer::Lync2013), ..Answers::default() }).await;
    tick().await;
    page.click("next").await;
    assert_eq!(page.count("[data-testid=question] input[type=checkbox][data-testid^=client-]") as usize, MobileClient::ALL.len());
    assert!(page.text("question").contains("no longer uses push notifications"));
    page.click("client-ios-lync2010").await;
    page.click("client-wp-lync2013").await;
    // Push needed, no Access Edge yet: no verdict, and the result says which answer is missing.
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("pending"));
    assert!(page.text("problems").contains("Access Edge FQDN"));
    assert!(!page.shown("script") && page.text("script").is_empty());
    assert!(!page.shown("diagram"), "no path drawn before the verdict");
    // Its button opens that question, with the focus in the field.
    page.find("problems").query_selector("button[data-field=access-edge]").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    pause().await;
    assert!(page.text("question").contains("internal FQDN of your Access Edge"));
    assert_eq!(document().active_element().map(|e| e.id()).as_deref(), Some("access-edge"));
    page.type_into("input-access-edge", "accessproxy.contoso.com").await;
    assert!(page.text("verdict-headline").contains("APNS and MPNS"));
}

#[wasm_bindgen_test]
async fn next_stays_on_a_question_not_answered_and_says_why() {
    let page = mount(Answers::default()).await;
    tick().await;
    let progress_class = |n: usize| page.find(&format!("progress-{n}")).parent_element().unwrap().class_name().trim().to_string();
    assert_eq!(page.text("error-edge"), "", "no error before any interaction");
    page.click("next").await;
    assert!(page.text("question").contains("Which Edge Server"), "Next stays");
    assert_eq!(page.text("error-edge"), "Choose the one your deployment uses, or none.");
    assert_eq!(document().active_element().and_then(|e| e.get_attribute("data-testid")).as_deref(), Some("edge-lync2013"));
    assert_eq!(progress_class(1), "current needs");
    assert!(page.text("progress-1").contains("needs an answer"));
    page.click("edge-lync2013").await;
    assert_eq!(page.text("error-edge"), "");
    page.click("next").await;
    page.click("next").await;
    assert!(page.text("question").contains("Which mobile clients"));
    assert_eq!(page.text("error-clients"), "Tick at least one.");
    assert_eq!(document().active_element().and_then(|e| e.get_attribute("data-testid")).as_deref(), Some("client-ios-lync2010"));
    assert_eq!((progress_class(1), progress_class(2)), ("done".to_string(), "current needs".to_string()));
}

#[wasm_bindgen_test]
async fn access_edge_is_validated_as_you_type() {
    let mut answers = seed_answers();
    answers.access_edge.clear();
    let page = mount(answers).await;
    tick().await;
    page.click("progress-3").await;
    page.type_into("input-access-edge", "10.0.0.4").await;
    assert_eq!(page.text("error-access-edge"), "Enter the host name instead of the IP address.");
    assert_eq!(page.find("input-access-edge").get_attribute("aria-invalid").as_deref(), Some("true"));
    page.type_into("input-access-edge", "edge.contoso.com").await;
    assert_eq!(page.text("error-access-edge"), "");
    assert!(page.text("script").contains("Test-CsMcxPushNotification -AccessEdgeFqdn 'edge.contoso.com'"));
}

#[wasm_bindgen_test]
async fn existing_provider_is_never_added_again() {
    let page = mount(seed_answers()).await;
    tick().await;
    page.click("progress-4").await;
    assert!(!page.shown("input-existing-provider"));
    page.click("existing-provider-yes").await;
    assert!(page.shown("input-existing-provider"));
    assert_eq!(page.text("error-existing-provider"), "Enter it, e.g. Office365.");
    page.type_into("input-existing-provider", "Office365").await;
    let script = page.text("script");
    assert!(script.contains("but the answers say Office365 does"));
    assert!(!script.contains("New-CsHostingProvider"));
}

#[wasm_bindgen_test]
async fn site_scope_uses_the_site_identity() {
    let page = mount(seed_answers()).await;
    tick().await;
    page.click("progress-5").await;
    page.click("scope-yes").await;
    page.type_into("input-site", "Red'mond").await;
    assert!(page.text("error-site").starts_with("Remove \"'\""));
    page.type_into("input-site", "Redmond").await;
    assert!(page.text("script").contains("$siteIdentity = 'site:Redmond'"));
    // The site text is kept when switching back to global.
    page.click("scope-no").await;
    page.click("scope-yes").await;
    let input: HtmlInputElement = page.find("input-site").dyn_into().unwrap();
    assert_eq!(input.value(), "Redmond", "{}", page.find("question").outer_html());
}

#[wasm_bindgen_test]
async fn the_result_shows_the_plan_and_its_diagram() {
    let page = mount(seed_answers()).await;
    assert_eq!(page.count("[data-testid=plan] li"), 6);
    assert_eq!(page.count("[data-testid=diagram] svg[role=img] .node.active"), 7);
    assert!(page.text("diagram").contains("then APNS to Lync 2010 Mobile on iPhone/iPad"), "the text alternative");
}

#[wasm_bindgen_test]
async fn the_result_shows_the_coloured_script() {
    let page = mount(seed_answers()).await;
    let script = page.text("script");
    for command in [
        "New-CsHostingProvider -Identity \"LyncOnline\" -Enabled $True -ProxyFqdn \"sipfed.online.lync.com\" -VerificationLevel UseSourceVerification -EnabledSharedAddressSpace $False -HostsOCSUsers $False",
        "New-CsAllowedDomain -Identity \"push.lync.com\"",
        "Set-CsPushNotificationConfiguration -EnableApplePushNotificationService $True -EnableMicrosoftPushNotificationService $True",
        "Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True",
        "Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com",
    ] {
        assert!(script.contains(command), "{command}");
    }
    assert!(page.count("[data-testid=script] .tok-cmdlet") > 10);
}

/// The rollback removes only what the configuration script can create, from its record.
#[wasm_bindgen_test]
async fn the_undo_section_shows_the_rollback() {
    let page = mount(seed_answers()).await;
    page.open_undo().await;
    let undo = page.text("rollback");
    assert!(undo.contains("Remove-CsHostingProvider -Identity \"LyncOnline\""));
    assert!(undo.contains("Remove-CsAllowedDomain -Identity \"push.lync.com\""));
    assert!(undo.contains("Import-Clixml -Path $recordPath"));
    assert!(page.try_find("download-rollback").is_some());
}

#[wasm_bindgen_test]
async fn the_tests_come_with_their_troubleshooting() {
    let page = mount(seed_answers()).await;
    assert_eq!(page.count("[data-testid=tests] > ul > li"), 2);
    let tests = page.text("tests");
    assert!(tests.contains("Troubleshooting") && tests.contains("Baltimore CyberTrust Root"));
    assert!(tests.contains("(Get-CsAccessEdgeConfiguration).GetType().Name"), "the routing from the output type");
}

/// Starting the shell and the plan's five notes, to tick; nothing is done by hand here.
#[wasm_bindgen_test]
async fn before_you_start_is_a_list_to_tick() {
    let page = mount(seed_answers()).await;
    assert!(page.text("before").contains("TCP 5223"));
    assert_eq!(page.count("[data-testid=before] input"), 1 + 5, "run internally, unblock, TCP 5223, DNS SRV, going hybrid later");
    assert_eq!(page.count("[data-testid=checklist] input"), 0);
    page.click("tick-start-shell").await;
    let tick_box: HtmlInputElement = page.find("tick-start-shell").dyn_into().unwrap();
    assert!(tick_box.checked());
}

#[wasm_bindgen_test]
async fn the_share_link_carries_the_answers_and_the_language() {
    let page = mount(seed_answers()).await;
    assert!(page
        .text("share-link")
        .ends_with("#edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com&lang=en"));
}

#[wasm_bindgen_test]
async fn ocs_edge_gets_the_gui_checklist() {
    let mut answers = seed_answers();
    answers.edge = Some(EdgeServer::Ocs2007R2);
    let page = mount(answers).await;
    tick().await;
    assert_eq!(page.count("[data-testid=checklist] input"), 7, "the GUI steps, without starting the shell");
    assert!(page.text("checklist").contains("Federated partner Access Edge Server, type sipfed.online.lync.com"));
    assert!(!page.text("script").contains("New-CsHostingProvider"));
    page.open_undo().await;
    assert!(page.text("rollback").contains("select push.lync.com, click Remove"));
}

#[wasm_bindgen_test]
async fn progress_shows_the_current_page_and_opens_only_pages_seen() {
    let page = mount(Answers::default()).await;
    tick().await;
    let step = |n: usize| page.find(&format!("progress-{n}"));
    let class = |n: usize| step(n).parent_element().unwrap().class_name().trim().to_string();
    assert_eq!(step(1).get_attribute("aria-current").as_deref(), Some("step"));
    assert!((2..=5).all(|n| step(n).has_attribute("disabled")));
    page.click("edge-lync2013").await;
    page.click("next").await;
    assert_eq!(step(2).get_attribute("aria-current").as_deref(), Some("step"));
    assert!(step(1).get_attribute("aria-current").is_none() && !step(1).has_attribute("disabled"));
    assert_eq!((class(1), class(2)), ("done".to_string(), "current".to_string()));
    assert!(step(3).has_attribute("disabled"));
    page.click("progress-1").await;
    assert_eq!(step(1).get_attribute("aria-current").as_deref(), Some("step"));
    assert_eq!(class(1), "current done");
    assert!(!step(2).has_attribute("disabled"), "a page seen stays open");
    assert!(page.text("question").contains("Which Edge Server"));
}

#[wasm_bindgen_test]
async fn next_moves_focus_to_the_new_question() {
    let page = mount(Answers::default()).await;
    tick().await;
    page.click("edge-lync2013").await;
    page.click("next").await;
    let active = document().active_element().map(|e| e.id());
    assert_eq!(active.as_deref(), Some("question-heading"));
    assert!(page.text("question").contains("Which mobile clients"));
    page.click("back").await;
    assert!(page.text("question").contains("Which Edge Server"));
}

#[wasm_bindgen_test]
async fn reset_asks_first_then_clears_everything() {
    let page = mount(seed_answers()).await;
    tick().await;
    assert!(page.shown("reset") && !page.shown("reset-confirm") && !page.shown("reset-cancel"));
    let focused = || document().active_element().and_then(|e| e.get_attribute("data-testid"));
    page.click("reset").await;
    assert!(!page.shown("reset") && page.shown("reset-confirm") && page.shown("reset-cancel"), "the question replaces the button");
    pause().await;
    assert_eq!(focused().as_deref(), Some("reset-cancel"), "the focus goes with the question");
    page.click("reset-cancel").await;
    assert!(page.shown("reset") && !page.shown("reset-confirm"));
    pause().await;
    assert_eq!(focused().as_deref(), Some("reset"), "and comes back");
    assert!(page.shown("script") && !page.text("script").is_empty());
    page.click("reset").await;
    page.click("reset-confirm").await;
    assert!(page.text("verdict").contains("No verdict yet"));
    assert!(!page.shown("script") && page.text("script").is_empty());
    pause().await;
    assert_eq!(focused().as_deref(), Some("reset"), "the focus stays with Reset once it is done");
}

/// A card's listener acts only on what is inside it: a `data-action` on the page around it (here
/// "reset" on the element holding the wizard) is not the card's to act on.
#[wasm_bindgen_test]
async fn a_card_acts_only_on_its_own_buttons() {
    let page = mount(seed_answers()).await;
    tick().await;
    page.root.set_attribute("data-action", "reset-confirm").unwrap();
    let actions = page.root.query_selector("[data-testid=share-status]").unwrap().unwrap().parent_element().unwrap();
    actions.query_selector(".actions").unwrap().unwrap().dyn_into::<HtmlElement>().unwrap().click();
    tick().await;
    assert!(page.text("verdict").contains("Configure push notifications"), "nothing was reset");
    assert!(page.shown("reset") && !page.shown("reset-confirm"));
}

#[wasm_bindgen_test]
async fn text_fields_show_saved_values_when_shown_again() {
    let mut answers = seed_answers();
    answers.scope = lync_push_wizard::core::ScopeKind::Site;
    answers.site = "Redmond".into();
    let page = mount(answers).await;
    tick().await;
    page.click("progress-5").await;
    let input: HtmlInputElement = page.find("input-site").dyn_into().unwrap();
    assert_eq!(input.value(), "Redmond", "shown the first time");
    page.click("progress-4").await;
    page.click("progress-5").await;
    let input: HtmlInputElement = page.find("input-site").dyn_into().unwrap();
    assert_eq!(input.value(), "Redmond", "shown again after another page");
}

/// A script restored by pasting it: an OCS 2007 R2 rollback, pasted over the user's own answers
/// (no Edge Server), with Windows line ends.
async fn pasted_over_own_answers() -> Mounted {
    let mut answers = seed_answers();
    answers.edge = Some(EdgeServer::Ocs2007R2);
    let plan = lync_push_wizard::core::plan(&answers).unwrap();
    let undo = lync_push_wizard::core::render::rollback::rollback(&plan);
    let page = mount(Answers { edge: Some(EdgeServer::None), ..Answers::default() }).await;
    assert!(page.checked("edge-none") && !page.checked("edge-ocs2007r2"), "the question shows the answer");
    page.paste(&undo.replace('\n', "\r\n")).await;
    page
}

impl Mounted {
    fn checked(&self, test_id: &str) -> bool {
        self.find(test_id).dyn_into::<HtmlInputElement>().unwrap().checked()
    }

    async fn paste(&self, text: &str) {
        let area: web_sys::HtmlTextAreaElement = self.find("pasted-script").dyn_into().unwrap();
        area.set_value(text);
        area.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
        tick().await;
    }
}

#[wasm_bindgen_test]
async fn pasted_text_that_is_no_script_is_said_to_be_so() {
    let page = mount(seed_answers()).await;
    page.paste("not a script").await;
    assert!(page.text("open-script-status").contains("No share link found"));
}

#[wasm_bindgen_test]
async fn a_pasted_script_restores_its_answers_and_says_so_beside_the_box() {
    let page = pasted_over_own_answers().await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("configure"));
    assert!(page.text("verdict").contains("OCS 2007 R2"));
    assert!(page.text("script-notice").contains("restored from the script"), "said beside the box");
    assert_eq!(page.count("[data-testid=script-notice] .notice"), 1);
    assert_eq!(page.count("[data-testid=notices] .notice"), 0, "and only there");
    let area: web_sys::HtmlTextAreaElement = page.find("pasted-script").dyn_into().unwrap();
    assert_eq!(area.value(), "", "the pasted text is cleared once its answers are taken");
    assert!(page.checked("edge-ocs2007r2") && !page.checked("edge-none"), "the open question follows the restored answers");
    page.click("progress-2").await;
    assert!(page.checked("client-ios-lync2010") && page.checked("client-wp-lync2013") && !page.checked("client-android"));
}

/// The answers a script replaced come back on request, and the open question shows them.
#[wasm_bindgen_test]
async fn the_answers_a_script_replaced_come_back_on_request() {
    let page = pasted_over_own_answers().await;
    page.click("progress-2").await;
    page.click("bring-back").await;
    assert_eq!(page.find("verdict").get_attribute("data-verdict").as_deref(), Some("pending"));
    assert!(!page.checked("client-ios-lync2010") && !page.checked("client-wp-lync2013"));
    assert_eq!(page.count("[data-testid=script-notice] .notice"), 0, "bringing them back ends the notice");
}

/// A second script replaces the first one's notice rather than adding another.
#[wasm_bindgen_test]
async fn a_second_script_replaces_the_first_ones_notice() {
    let page = pasted_over_own_answers().await;
    page.paste(&lync_push_wizard::core::render::rollback::rollback(&lync_push_wizard::core::plan(&seed_answers()).unwrap())).await;
    assert_eq!(page.count("[data-testid=script-notice] .notice"), 1);
    page.click("dismiss").await;
    assert_eq!(page.count("[data-testid=script-notice] .notice"), 0);
}

#[wasm_bindgen_test]
async fn the_chinese_page_is_chinese_and_scripts_stay_english() {
    let page = prerendered(Language::ZhTw).take_over(Language::ZhTw, seed_answers()).await;
    tick().await;
    assert!(page.text("question").contains("您的部署使用哪一種 Edge Server？"));
    assert!(page.text("verdict").contains("設定推播通知（APNS 與 MPNS）"));
    assert!(page.text("plan").contains("執行位置"));
    let script = page.text("script");
    assert!(script.starts_with("# Push notifications for Lync Server mobility"), "script comments stay English");
    assert!(script.contains("New-CsHostingProvider -Identity \"LyncOnline\""));
    assert!(page.text("share-link").ends_with("&lang=zh-TW"));
    // The link to the English page carries the answers, as this browser keeps none (in memory).
    let english = page.find("language").get_attribute("href").unwrap();
    assert!(english.starts_with("../index.html#edge=lync2013&") && english.ends_with("&lang=en"), "{english}");
}

/// The takeover adopts the page as it is: with the answers of a first visit, the questions'
/// markup is exactly what the core pre-rendered, and the same elements are still in the page.
#[wasm_bindgen_test]
async fn taking_over_the_first_visit_changes_nothing_in_the_questions() {
    let page = prerendered(Language::En);
    let question = page.find("question");
    let before = question.outer_html();
    let page = page.take_over(Language::En, Answers::default()).await;
    tick().await;
    assert_eq!(page.find("question").outer_html(), before, "no attribute, text or element changed");
    assert!(page.find("question").is_same_node(Some(&question)), "the same element, not a new one");
    assert!(page.find("verdict").get_attribute("data-verdict").as_deref() == Some("pending"));
    assert_eq!(page.count("#result-placeholder"), 0, "the result replaced the placeholder");
}

/// A choice clicked before the takeover counts even where it is the one the page showed: a
/// returning reader who confirms the pool the page shows gets that pool, not the saved one.
#[wasm_bindgen_test]
async fn a_shown_choice_clicked_before_the_takeover_wins_over_the_saved_one() {
    let page = prerendered(Language::En);
    let shown: HtmlInputElement = page.find("pool-lync2013").dyn_into().unwrap();
    assert!(shown.checked(), "a first visit's page shows Lync Server 2013");
    page.root.query_selector("#pool-choices").unwrap().unwrap().set_attribute("data-early", "").unwrap();
    let saved = Answers { pool: Some(PoolVersion::Sfb2019), ..seed_answers() };
    let page = page.take_over(Language::En, saved).await;
    tick().await;
    assert!(page.find("pool-lync2013").dyn_into::<HtmlInputElement>().unwrap().checked());
    assert!(page.text("share-link").contains("pool=lync2013"), "{}", page.text("share-link"));
}

/// Next pressed before the takeover (start.js marks it) is pressed once the wizard is there.
#[wasm_bindgen_test]
async fn next_pressed_before_the_takeover_moves_on_after_it() {
    let page = prerendered(Language::En);
    page.find("edge-lync2013").dyn_into::<HtmlInputElement>().unwrap().set_checked(true);
    document().document_element().unwrap().set_attribute("data-pending-next", "").unwrap();
    page.root.query_selector("#load-waiting").unwrap().unwrap().remove_attribute("hidden").unwrap();
    let page = page.take_over(Language::En, Answers::default()).await;
    tick().await;
    assert!(page.text("question").contains("Which mobile clients"), "on the second question");
    assert!(!document().document_element().unwrap().has_attribute("data-pending-next"), "pressed once");
    assert!(page.root.query_selector("#load-waiting").unwrap().unwrap().has_attribute("hidden"), "the waiting word goes");
}

/// What the reader chose and typed while the wasm was loading is kept and counts as answers.
#[wasm_bindgen_test]
async fn choices_made_before_the_takeover_are_answers() {
    let page = prerendered(Language::En);
    let focused: HtmlInputElement = page.find("edge-lync2010").dyn_into().unwrap();
    focused.set_checked(true);
    focused.focus().unwrap();
    page.find("pool-lync2010").dyn_into::<HtmlInputElement>().unwrap().set_checked(true);
    page.find("input-access-edge").dyn_into::<HtmlInputElement>().unwrap().set_value("edge.contoso.com");
    let page = page.take_over(Language::En, Answers::default()).await;
    tick().await;
    assert!(focused.checked(), "still chosen");
    assert_eq!(document().active_element().map(|e| e.id()), Some(focused.id()), "focus stays");
    assert!(focused.is_same_node(page.try_find("edge-lync2010").as_deref().map(AsRef::as_ref)));
    page.click("next").await;
    page.click("client-ios-lync2010").await;
    page.click("next").await;
    assert!(page.text("verdict").contains("Configure push notifications"), "{}", page.text("verdict"));
    let script = page.text("script");
    assert!(script.contains("-AccessEdgeFqdn 'edge.contoso.com'"), "the typed FQDN is the answer");
    assert!(script.contains("Lync Server 2010 (lync2010)"), "the pool chosen before the takeover");
}

/// The script on the page is patched line by line as answers change: after every change it must
/// be exactly the core's script for the answers now given, whether lines were replaced, added
/// (OCS 2007 R2's GUI steps, a site) or removed.
#[wasm_bindgen_test]
async fn the_script_shown_is_always_the_whole_current_script() {
    let mut answers = seed_answers();
    let page = mount(answers.clone()).await;
    tick().await;
    let expect = |answers: &Answers| lync_push_wizard::core::render::powershell::script(&lync_push_wizard::core::plan(answers).unwrap());
    assert_eq!(page.text("script"), expect(&answers));
    for edge in [EdgeServer::Lync2010, EdgeServer::Ocs2007R2, EdgeServer::Lync2013, EdgeServer::Ocs2007R2, EdgeServer::Lync2010] {
        page.click(&format!("edge-{}", edge.token())).await;
        answers.edge = Some(edge);
        assert_eq!(page.text("script"), expect(&answers), "after choosing {edge:?}");
    }
    page.click("next").await;
    for client in [MobileClient::WpLync2013, MobileClient::IosLync2013, MobileClient::WpLync2013, MobileClient::IosLync2010] {
        page.click(&format!("client-{}", client.token())).await;
        let in_use = !answers.clients.contains(&client);
        answers.set_client(client, in_use);
        assert_eq!(page.text("script"), expect(&answers), "after switching {client:?}");
    }
    page.click("progress-5").await;
    page.click("scope-yes").await;
    page.type_into("input-site", "Redmond").await;
    answers.scope = lync_push_wizard::core::ScopeKind::Site;
    answers.site = "Redmond".into();
    assert_eq!(page.text("script"), expect(&answers), "after choosing a site");
    assert_eq!(page.count("[data-testid=script] code > span"), expect(&answers).lines().count() as u32, "one element per line");
}
