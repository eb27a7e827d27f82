//! The sentence table: every sentence a person reads, in English and Traditional Chinese
//! (zh-TW), one key a line.
//!
//! zh-TW glossary (Microsoft's zh-TW edition of the seed page where it has a term, as a
//! Taiwanese administrator reads it on a zh-TW Windows server):
//!
//! | English | zh-TW | note |
//! |---|---|---|
//! | push notification | 推播通知 | our prose; the seed's zh-TW section titles say 推入通知 and are quoted as titles, in 「」 |
//! | Lync Server Management Shell | Lync Server 管理命令介面 | seed 0cb70-119 |
//! | Start > All Programs | 依序按一下 [開始]、[所有程式]、… | seed 0cb70-119; every label in [ ], as the seed writes them |
//! | Administrative Tools, Computer Management | [系統管理工具]、[電腦管理] | seed 0cb70-129 |
//! | Services and Applications, Properties | [服務及應用程式]、[屬性] | seed 0cb70-130 |
//! | Allow tab, Add, Remove, OK | [允許] 索引標籤、[新增]、[移除]、[確定] | seed 0cb70-131, -135 |
//! | Add Federated Partner; Federated partner domain name | [新增同盟協力廠商]；[同盟協力廠商網域名稱] | seed 0cb70-132, -133 |
//! | hosting provider | 裝載提供者 | seed 0cb70-111, -120, -124, -125 |
//! | federation, federated | 同盟 | seed |
//! | allowed domain | 允許的網域 | never 允許網域 |
//! | site, global | 站台、全域 | |
//! | partner discovery | 同盟協力廠商探索 | Microsoft's zh-TW 「啟用或停用同盟協力廠商探索」 |
//! | Topology Builder | 拓撲產生器 | |
//! | Central Management Store | 中央管理存放區 | |
//! | Edge Server, Access Edge | Edge Server、Access Edge | kept in English, as Microsoft's zh-TW pages do |
//! | Properties (a file's), Unblock | [內容]、[解除封鎖] | Windows Explorer's zh-TW labels |
//! | Skype for Business Server 2015, 2019 | 商務用 Skype Server 2015、2019 | lifecycle-data-pr.zh-tw skype-for-business-server-2019.yml; deploy-and-configure-mobility.md (zh-TW) |
//! | Skype for Business Server Management Shell | 商務用 Skype Server 管理命令介面 | deploy-and-configure-mobility.md (zh-TW) |
//! | Start-menu folders "Skype for Business 2015", "Microsoft Skype for Business Server 2019" | [商務用 Skype 2015]、[Microsoft 商務用 Skype Server 2019] | zh-TW configure-call-park-settings.md (2015; not 商務用 Skype 伺服器 2015, the Planning Tool's "Skype for Business Server 2015" folder); configure-the-meeting-join-page.md (2019) |
//! | Skype for Business Online; Skype for Business (app) | 商務用 Skype Online；商務用 Skype | zh-TW Skype hub and cmdlet pages |
//! | Skype for Business Server Subscription Edition | kept in English | no Microsoft zh-TW page names it |
//! | pool | 集區 | 前端集區 in the zh-TW mobility page |
//! | Modern Lifecycle Policy | 新式生命週期原則 | |
//!
//! Punctuation: full-width in Chinese sentences (，。：；（）「」); a label's colon is the
//! `colon` key, so a label reads 「來源：」 in zh-TW and "Source: " in English. Parentheses around
//! an English abbreviation stay half-width, as Microsoft's zh-TW pages write "(APNS)".

strings! { Strings, EN, ZH_TW {
    // Edge Servers and clients.
    edge_lync2013: "Lync Server 2013", "Lync Server 2013";
    edge_lync2010: "Lync Server 2010", "Lync Server 2010";
    edge_ocs: "Office Communications Server 2007 R2", "Office Communications Server 2007 R2";
    edge_none: "No Edge Server", "沒有 Edge Server";
    edge_hint_hosting: "Hosting-provider federation with Lync Online, set up in the Lync Server Management Shell.", "在 Lync Server 管理命令介面中設定與 Lync Online 的裝載提供者同盟。";
    edge_hint_lync2010: "The same route as Lync Server 2013: hosting-provider federation with Lync Online. The push cmdlets need the November 2011 cumulative update for Lync Server 2010, or a later one.", "與 Lync Server 2013 相同的做法：與 Lync Online 的裝載提供者同盟。推播 Cmdlet 需要 Lync Server 2010 的 2011 年 11 月累積更新或之後的累積更新。";
    edge_hint_direct: "Direct SIP federation with {0}, set up in Computer Management on the Edge Server.", "在 Edge Server 的 [電腦管理] 中設定與 {0} 的直接 SIP 同盟。";
    edge_hint_none: "Push cannot reach {0} without an Edge Server.", "沒有 Edge Server，推播無法送達 {0}。";
    client_ios2010: "Lync 2010 Mobile on iPhone/iPad", "iPhone/iPad 上的 Lync 2010 Mobile";
    client_ios2013: "Lync 2013 Mobile on iPhone/iPad", "iPhone/iPad 上的 Lync 2013 Mobile";
    client_wp2010: "Lync 2010 Mobile on Windows Phone", "Windows Phone 上的 Lync 2010 Mobile";
    client_wp2013: "Lync 2013 Mobile on Windows Phone", "Windows Phone 上的 Lync 2013 Mobile";
    client_android: "Lync 2010 / 2013 Mobile on Android", "Android 上的 Lync 2010 / 2013 Mobile";
    client_nokia: "Lync 2010 Mobile on Nokia (Symbian)", "Nokia (Symbian) 上的 Lync 2010 Mobile";
    short_ios2010: "iPhone/iPad, Lync 2010", "iPhone/iPad，Lync 2010";
    short_ios2013: "iPhone/iPad, Lync 2013", "iPhone/iPad，Lync 2013";
    short_wp2010: "Windows Phone, Lync 2010", "Windows Phone，Lync 2010";
    short_wp2013: "Windows Phone, Lync 2013", "Windows Phone，Lync 2013";
    short_android: "Android", "Android";
    short_nokia: "Nokia (Symbian)", "Nokia (Symbian)";
    need_apns: "Needs push notifications, through Apple's service (APNS).", "需要透過 Apple 推播通知服務 (APNS) 傳送推播通知。";
    need_mpns: "Needs push notifications, through Microsoft's service for Windows Phone (MPNS).", "需要透過 Microsoft 推播通知服務 (MPNS) 將推播通知傳送至 Windows Phone。";
    need_no_longer: "No push needed: Lync 2013 Mobile on Apple devices no longer uses push notifications.", "不需要推播：Apple 裝置上的 Lync 2013 Mobile 已不再使用推播通知。";
    need_background: "No push needed: the app keeps running in the background and receives events itself.", "不需要推播：應用程式會在背景持續執行，自行接收事件。";
    services_both: "APNS and MPNS", "APNS 與 MPNS";
    services_apns: "APNS only", "僅 APNS";
    services_mpns: "MPNS only", "僅 MPNS";
    services_none: "none", "無";

    // Verdicts.
    verdict_hosting: "Configure push notifications ({0}) through hosting-provider federation with Lync Online.", "透過與 Lync Online 的裝載提供者同盟，設定推播通知（{0}）。";
    verdict_direct: "Configure push notifications ({0}) through direct federation with {1} on the OCS 2007 R2 Edge Server.", "透過 OCS 2007 R2 Edge Server 與 {1} 的直接同盟，設定推播通知（{0}）。";
    verdict_no_client: "No push notifications to configure: no mobile client is chosen.", "沒有要設定的推播通知：尚未選擇行動用戶端。";
    verdict_not_needed: "Push notifications are not needed: none of the chosen mobile clients uses them.", "不需要推播通知：所選的行動用戶端都不使用推播。";
    verdict_blocked: "Push notifications are needed ({0}) but cannot be configured: they reach {1} only through an Edge Server, and this deployment has none.", "需要推播通知（{0}），但無法設定：推播只能經由 Edge Server 送達 {1}，而此部署沒有 Edge Server。";
    advice_configure: "Follow the steps in order; the script is safe to run more than once.", "請依序執行各步驟；指令碼可重複執行，不會造成問題。";
    advice_no_client: "Choose the mobile clients your users have to see whether they need push.", "請選擇使用者的行動用戶端，以判斷是否需要推播。";
    advice_not_needed: "Leave push notifications off (the default); nothing needs to change.", "維持推播通知關閉（預設值）即可，不需要任何變更。";
    advice_blocked: "No supported path is documented: every Edge Server documented with a Lync Server pool is out of support, and Subscription Edition is reached from Skype for Business Server 2015 or 2019 (a Microsoft blog), not from Lync Server.", "沒有記載受支援的做法：記載可搭配 Lync Server 集區的 Edge Server 都已終止支援，而 Subscription Edition 是從商務用 Skype Server 2015 或 2019 升級而來（Microsoft 部落格），而非從 Lync Server。";

    // Plan steps.
    host_shell: "An internal server with Lync Server Management Shell and Ocscore", "已安裝 Lync Server 管理命令介面與 Ocscore 的內部伺服器";
    host_ocs: "The Office Communications Server 2007 R2 Edge Server itself", "Office Communications Server 2007 R2 Edge Server 本身";
    role_rtc: "member of RtcUniversalServerAdmins", "RtcUniversalServerAdmins 群組的成員";
    role_cs: "member of the CsAdministrator role", "CsAdministrator 角色的成員";
    role_either: "member of RtcUniversalServerAdmins or of the CsAdministrator role", "RtcUniversalServerAdmins 群組或 CsAdministrator 角色的成員";
    title_add_provider: "Add the Lync Online hosting provider ({0})", "新增 Lync Online 裝載提供者（{0}）";
    title_check_provider: "Check the existing hosting provider {0} for {1}", "檢查 {1} 的現有裝載提供者 {0}";
    title_allow_domain: "Allow federation with {0}", "允許與 {0} 同盟";
    title_ocs: "Federate the OCS 2007 R2 Edge Server with {0}", "讓 OCS 2007 R2 Edge Server 與 {0} 同盟";
    title_enable: "Turn on push notifications ({0}, {1})", "啟用推播通知（{0}，{1}）";
    title_federation: "Enable federation on the Access Edge", "在 Access Edge 上啟用同盟";
    title_test_federation: "Test federation with {0}", "測試與 {0} 的同盟";
    title_test_push: "Test push notifications", "測試推播通知";
    command_when_site_new: "If {0} has no push settings yet:", "若 {0} 尚無推播設定：";
    command_when_site_exists: "If {0} has push settings already:", "若 {0} 已有推播設定：";
    why_add_provider: "Your Edge Server reaches the Push Notification Service through hosting-provider federation with Lync Online ({0}). Only one hosting provider may federate with it, so the script adds LyncOnline only if none does yet.", "您的 Edge Server 透過與 Lync Online（{0}）的裝載提供者同盟，連線至推播通知服務。只能有一個裝載提供者與 {0} 同盟，因此指令碼只會在尚無裝載提供者時新增 LyncOnline。";
    why_check_provider: "You have a hosting provider ({0}) for {1} already. Only one may federate with it, so none is added; the script checks that it is there.", "您已經有 {1} 的裝載提供者（{0}）。由於只能有一個裝載提供者與 {1} 同盟，因此不會再新增；指令碼只會確認該裝載提供者存在。";
    why_allow_domain: "{0} is the Office 365 domain of the Push Notification Service, so your Edge Server must be allowed to federate with it.", "{0} 是推播通知服務的 Office 365 網域，因此必須允許您的 Edge Server 與其同盟。";
    why_ocs: "An OCS 2007 R2 Edge Server needs direct SIP federation with {0}, through Lync Online's Access Edge {1}. OCS 2007 R2 has no cmdlet for this: it is done in Computer Management on the Edge Server.", "OCS 2007 R2 Edge Server 需要經由 Lync Online 的 Access Edge {1} 與 {0} 建立直接 SIP 同盟。OCS 2007 R2 沒有對應的 Cmdlet，須在 Edge Server 的 [電腦管理] 中設定。";
    why_enable: "Push notifications are off by default. This turns on {0} push in {1}; a service your clients do not need is left as it is.", "推播通知預設為關閉。此步驟會開啟 {0} 推播，套用於{1}；用戶端不需要的服務維持原狀。";
    which_both: "Apple (APNS) and Windows Phone (MPNS)", "Apple (APNS) 與 Windows Phone (MPNS)";
    which_apns: "Apple (APNS)", "Apple (APNS)";
    which_mpns: "Windows Phone (MPNS)", "Windows Phone (MPNS)";
    which_none: "no", "不";
    scope_global_text: "the global settings", "全域設定";
    scope_site_text: "the settings of site {0} (created if the site has none, with a copy of today's global value for a service not needed; they override global there)", "站台 {0} 的設定（若該站台尚無設定則會建立，不需要的服務則複製目前的全域值；這些設定會在該站台覆寫全域設定）";
    why_federation_srv: "Push travels as federated traffic, so the Access Edge must allow federated users. It reaches only users whose external access policy allows federation (EnableFederationAccess). This is organisation-wide: every internal user can then talk to users of every allowed domain, and of any domain while partner discovery (EnablePartnerDiscovery) is on; the script shows that setting before the change. Before any change, the script checks that the Access Edge uses DNS SRV routing, which hosting-provider federation needs, and stops if it does not.", "推播以同盟流量傳送，因此 Access Edge 必須允許同盟使用者。且只會送達外部存取原則允許同盟（EnableFederationAccess）的使用者。這會影響整個組織：所有內部使用者都能與每個允許的網域的使用者通訊；若開啟同盟協力廠商探索 (EnablePartnerDiscovery)，則可與任何網域的使用者通訊。指令碼會在變更前顯示此設定。指令碼在任何變更之前，會先檢查 Access Edge 是否使用裝載提供者同盟所需的 DNS SRV 路由；若未使用，則停止執行。";
    why_federation: "Push travels as federated traffic, so the Access Edge must allow federated users. It reaches only users whose external access policy allows federation (EnableFederationAccess). This is organisation-wide: every internal user can then talk to users of every allowed domain, and of any domain while partner discovery (EnablePartnerDiscovery) is on; the script shows that setting before the change.", "推播以同盟流量傳送，因此 Access Edge 必須允許同盟使用者。且只會送達外部存取原則允許同盟（EnableFederationAccess）的使用者。這會影響整個組織：所有內部使用者都能與每個允許的網域的使用者通訊；若開啟同盟協力廠商探索 (EnablePartnerDiscovery)，則可與任何網域的使用者通訊。指令碼會在變更前顯示此設定。";
    why_test_federation: "Checks that your Access Edge can reach {0} through {1}.", "檢查您的 Access Edge 能否經由 {1} 連到 {0}。";
    why_test_push: "Proves only that push requests reach the clearing house through the Edge, not delivery by APNS or MPNS. To check delivery, send an IM to a test device whose app is in the background.", "只證明推播要求能經由 Edge 送達清算中心，不代表 APNS 或 MPNS 已送達裝置。若要確認送達，請傳送 IM 給應用程式在背景執行的測試裝置。";
    failure_federation: "Result : Failure with Error : 504, Server time-out: check the allowed domain push.lync.com, federation on the Access Edge, DNS SRV routing and the hosting provider.", "Result : Failure 並出現 Error : 504, Server time-out：請檢查允許的網域 push.lync.com、Access Edge 的同盟、DNS SRV 路由與裝載提供者。";
    failure_federation_ocs: "Result : Failure when {0} is not also on the allowed domains of Lync Server, which this route does not add: expected here, and not counted. If it is on that list, check {0} on the Allow tab of the OCS 2007 R2 Edge Server, and federation on the Access Edge.", "若 {0} 不在 Lync Server 的允許的網域中（此方式不會新增），會傳回 Result : Failure：採用此方式時屬預期結果，不列入失敗。若已在清單中，請檢查 OCS 2007 R2 Edge Server 的 [允許] 索引標籤上是否有 {0}，以及 Access Edge 的同盟設定。";
    failure_push: "The cmdlet throws, e.g. \"A 504 (Server time-out) response was received\": check the Edge Server, DNS SRV records and that (Get-CsMcxConfiguration).PushNotificationProxyUri is {0}; \"Push Notification request was rejected.\" points at the IM filter blocking http:/https: prefixes.", "Cmdlet 會擲回錯誤，例如 \"A 504 (Server time-out) response was received\"：請檢查 Edge Server、DNS SRV 記錄，以及 (Get-CsMcxConfiguration).PushNotificationProxyUri 是否為 {0}；\"Push Notification request was rejected.\" 表示 IM 篩選器封鎖了 http:/https: 前置詞。";
    note_wifi: "iPhone/iPad apps receive push from APNS over outbound TCP {0}: open it on corporate Wi-Fi, or devices there get no notifications.", "iPhone/iPad 應用程式透過輸出 TCP 連接埠 {0} 從 APNS 接收推播：請在公司 Wi-Fi 上開放此連接埠，否則連線到該網路的裝置將收不到通知。";
    note_srv: "Hosting-provider federation needs DNS SRV routing on the Access Edge and does not work with default routing: check that (Get-CsAccessEdgeConfiguration).GetType().Name ends in DnsSrvRouting.", "裝載提供者同盟需要 Access Edge 使用 DNS SRV 路由，使用預設路由時無法運作：請確認 (Get-CsAccessEdgeConfiguration).GetType().Name 以 DnsSrvRouting 結尾。";
    note_internal: "Run the script on an internal server with Lync Server Management Shell and Ocscore, not on the Edge Server: the settings live in the Central Management Store.", "請在已安裝 Lync Server 管理命令介面與 Ocscore 的內部伺服器上執行指令碼，不要在 Edge Server 上執行：設定儲存在中央管理存放區。";
    note_unblock: "A downloaded script ({0}, {1}) is marked as from the internet, and the RemoteSigned policy refuses it until you unblock it: Unblock-File -Path .\\{0} in PowerShell 3.0 and later (Lync Server 2013); in PowerShell 2.0 (Lync Server 2010), right-click the file, click Properties, then Unblock.", "下載的指令碼（{0}、{1}）會標示為來自網際網路，在您解除封鎖之前，RemoteSigned 原則會拒絕執行：PowerShell 3.0 以上版本（Lync Server 2013）請執行 Unblock-File -Path .\\{0}；PowerShell 2.0（Lync Server 2010）請以滑鼠右鍵按一下檔案，按一下 [內容]，再按一下 [解除封鎖]。";
    start_shell: "Start the Lync Server Management Shell: click {0}.", "啟動 Lync Server 管理命令介面：依序按一下 {0}。";
    start_shell_separator: ", then ", "、";
    menu_start: "Start", "開始";
    menu_all_programs: "All Programs", "所有程式";
    shell_name: "Lync Server Management Shell", "Lync Server 管理命令介面";
    menu_item: "{0}", "[{0}]";
    gui_logon: "Log on to the Edge Server as a member of the RtcUniversalServerAdmins group.", "以 RtcUniversalServerAdmins 群組成員的身分登入 Edge Server。";
    gui_open: "Click Start, click All Programs, click Administrative Tools, and then click Computer Management.", "依序按一下 [開始]、[所有程式]、[系統管理工具]，然後按一下 [電腦管理]。";
    gui_properties: "In the console tree, expand Services and Applications, right-click Microsoft Office Communications Server 2007 R2, and then click Properties.", "在主控台樹狀目錄中，展開 [服務及應用程式]，以滑鼠右鍵按一下 [Microsoft Office Communications Server 2007 R2]，然後按一下 [屬性]。";
    gui_allow: "On the Allow tab, click Add.", "在 [允許] 索引標籤上，按一下 [新增]。";
    gui_domain: "In the Add Federated Partner dialog box, in Federated partner domain name, type {0}.", "在 [新增同盟協力廠商] 對話方塊的 [同盟協力廠商網域名稱] 中，輸入 {0}。";
    gui_edge: "In Federated partner Access Edge Server, type {0}.", "在 [同盟協力廠商 Access Edge Server] 中，輸入 {0}。";
    gui_ok: "Click OK.", "按一下 [確定]。";
    undo_open: "Open Computer Management, expand Services and Applications, right-click Microsoft Office Communications Server 2007 R2, and then click Properties.", "開啟 [電腦管理]，展開 [服務及應用程式]，以滑鼠右鍵按一下 [Microsoft Office Communications Server 2007 R2]，然後按一下 [屬性]。";
    undo_remove: "On the Allow tab, select {0}, click Remove, and then click OK.", "在 [允許] 索引標籤上選取 {0}，按一下 [移除]，然後按一下 [確定]。";

    // Troubleshooting.
    trouble_domain_symptom: "504 time-out; traces show 408 \"No push subscription for target device\"; the Edge logs that push.lync.com \"is not configured and does not appear to belong to a federated partner\".", "504 逾時；追蹤記錄顯示 408 \"No push subscription for target device\"；Edge Server 記錄顯示 push.lync.com \"is not configured and does not appear to belong to a federated partner\"。";
    trouble_domain_cause: "push.lync.com is missing from the allowed domains while the hosting provider exists.", "裝載提供者已存在，但允許的網域中沒有 push.lync.com。";
    trouble_federation_symptom: "Result : Failure for Test-CsFederatedPartner.", "Test-CsFederatedPartner 傳回 Result : Failure。";
    trouble_federation_cause: "Federation is off on the Access Edge (AllowFederatedUsers is False).", "Access Edge 上的同盟已關閉（AllowFederatedUsers 為 False）。";
    trouble_routing_symptom: "Federation with the hosting provider never succeeds.", "與裝載提供者的同盟始終無法成功。";
    trouble_routing_cause: "The Access Edge uses default routing; hosting-provider federation needs DNS SRV routing.", "Access Edge 使用預設路由；裝載提供者同盟需要 DNS SRV 路由。";
    trouble_duplicate_symptom: "New-CsHostingProvider fails because the ProxyFqdn is not unique.", "New-CsHostingProvider 因 ProxyFqdn 不是唯一值而失敗。";
    trouble_duplicate_cause: "Another hosting provider already federates with sipfed.online.lync.com (often Office365 in hybrid deployments); only one may.", "已有另一個裝載提供者與 sipfed.online.lync.com 同盟（混合式部署常見名稱為 Office365）；只能有一個。";
    trouble_timeout_symptom: "Test-CsMcxPushNotification throws \"A 504 (Server time-out) response was received\".", "Test-CsMcxPushNotification 擲回 \"A 504 (Server time-out) response was received\"。";
    trouble_timeout_cause: "The Edge Server or its DNS SRV records, or a wrong clearinghouse address: PushNotificationProxyUri must be {0} (fix: Get-CsMcxConfiguration | Set-CsMcxConfiguration -PushNotificationProxyUri \"{0}\").", "Edge Server 或其 DNS SRV 記錄有問題，或清算中心位址錯誤：PushNotificationProxyUri 必須是 {0}（修正：Get-CsMcxConfiguration | Set-CsMcxConfiguration -PushNotificationProxyUri \"{0}\"）。";
    trouble_rejected_symptom: "\"Push Notification request was rejected.\"", "\"Push Notification request was rejected.\"";
    trouble_rejected_cause: "The IM filter blocks messages with http: or https: prefixes, which push notifications carry.", "IM 篩選器封鎖含有 http: 或 https: 前置詞的訊息，而推播通知會帶有這些前置詞。";
    trouble_site_symptom: "Push works for some users and not for others.", "推播對部分使用者有效，對其他使用者無效。";
    trouble_site_cause: "A site has its own push settings that override global with the needed service off.", "某個站台有自己的推播設定，其中所需的服務為關閉，並覆寫了全域設定。";
    trouble_external_symptom: "The tests fail from the start.", "測試一開始就失敗。";
    trouble_external_cause: "The FQDN given is the Edge's external one; the tests need its internal FQDN, its Edge pool's.", "提供的是 Edge 的外部 FQDN；測試需要其內部 FQDN，即 Edge 集區的 FQDN。";
    check_on_edge: "Run this check on the Edge Server itself: its certificate store is the one that must trust the root.", "請在 Edge Server 本身執行此檢查：必須信任此根憑證的是 Edge Server 的憑證存放區。";
    trouble_certificate_symptom: "Push stopped working although nothing was changed.", "沒有任何變更，推播卻停止運作。";
    trouble_certificate_cause: "Since 1 June 2013 the push clearinghouse certificate chains to the Baltimore CyberTrust Root; an Edge Server that does not trust it loses push.", "自 2013 年 6 月 1 日起，推播清算中心的憑證鏈結至 Baltimore CyberTrust Root；不信任此根憑證的 Edge Server 將無法推播。";

    // Seed section titles: the English page's, and the zh-TW edition's own (0cb70-102, -117,
    // -127, -136, -143).
    seed_overview: "Configuring for push notifications in Lync Server 2013", "「設定 Lync Server 2013 中的推入通知」";
    seed_lync_edge: "To configure for push notifications with Lync Server 2013 or Lync Server 2010 Edge Server", "「若要設定與 Lync Server 2013 或 Lync Server 2010 Edge Server 的推入通知」";
    seed_ocs_edge: "To configure for push notifications with Office Communications Server 2007 R2 Edge Server", "「若要設定與 Office Communications Server 2007 R2 Edge Server 的推入通知」";
    seed_enable: "To enable push notifications", "「若要啟用推入通知」";
    seed_test: "To test federation and push notifications", "「測試同盟和推入通知」";
    // The Skype for Business Server deploy page (facts::Article::SfbDeploy): its title and push
    // sections, in English and as its zh-TW edition titles them.
    sfb_deploy_title: "Deploy and Configure Mobility for Skype for Business Server", "「部署及設定商務用 Skype Server 的行動性」";
    sfb_deploy_edge: "Configure your Skype for Business Edge Server for push notifications", "「設定推播通知的商務用 Skype Edge Server」";
    sfb_deploy_enable: "Enable push notifications", "「啟用推播通知」";
    sfb_deploy_test: "Test federation and push notifications", "「測試同盟及推播通知」";

    // Field labels and validation messages.
    field_edge: "Edge Server", "Edge Server";
    field_clients: "Mobile clients", "行動用戶端";
    field_access_edge: "Internal Access Edge FQDN", "內部 Access Edge FQDN";
    field_provider: "Existing hosting provider Identity", "現有裝載提供者的 Identity";
    field_site: "Site name", "站台名稱";
    problem_edge_missing: "Choose the one your deployment uses, or none.", "請選擇部署所用的版本，或選擇「沒有」。";
    problem_clients_missing: "Tick at least one.", "請至少勾選一個。";
    problem_not_confirmed: "Tick every client your users have, then press Next.", "請勾選使用者所用的每個用戶端，再按 [下一步]。";
    problem_access_edge_missing: "Enter the internal host name, e.g. accessproxy.contoso.com.", "請輸入內部主機名稱，例如 accessproxy.contoso.com。";
    problem_provider_missing: "Enter it, e.g. Office365.", "請輸入，例如 Office365。";
    problem_site_missing: "Enter it, e.g. Redmond.", "請輸入，例如 Redmond。";
    problem_unknown: "Replace \"{0}\" with one of: {1}.", "請將「{0}」改為下列其中之一：{1}。";
    problem_too_long: "Shorten it to at most {1} characters (it has {0}).", "請縮短為最多 {1} 個字元（目前為 {0} 個）。";
    problem_single_label: "Add the domain, e.g. accessproxy.contoso.com.", "請加上網域，例如 accessproxy.contoso.com。";
    problem_empty_label: "Remove the extra dot: two in a row, or one at the start or end.", "請刪除多餘的點：兩個點相連，或位於開頭或結尾的點。";
    problem_label_too_long: "Shorten \"{0}\": each part between dots can have at most {1} characters.", "請縮短「{0}」：以點分隔的每一段最多 {1} 個字元。";
    problem_hyphen: "Remove the hyphen at the start or end of \"{0}\".", "請刪除「{0}」開頭或結尾的連字號。";
    problem_ip: "Enter the host name instead of the IP address.", "請輸入主機名稱，而不是 IP 位址。";
    problem_space: "Remove the space.", "請刪除空格。";
    problem_url: "Enter the host name only, without https://, a port or a path.", "請只輸入主機名稱，不要加上 https://、連接埠或路徑。";
    problem_invisible: "Remove the invisible character {0}.", "請刪除看不見的字元 {0}。";
    problem_char_fqdn: "Remove \"{0}\": a host name has only letters, digits, hyphens and dots.", "請刪除「{0}」：主機名稱只能包含字母、數字、連字號與點。";
    problem_char_name: "Remove \"{0}\": use only letters, digits, spaces, dots, hyphens and underscores.", "請刪除「{0}」：只能使用字母、數字、空格、點、連字號與底線。";
    problem_edges: "Start and end it with a letter or digit.", "請以字母或數字開頭和結尾。";
    list_separator: ", ", "、";

    // Saved state.
    unreadable_too_large: "they were {0} bytes, far more than answers take", "其大小為 {0} 位元組，遠超過答案所需";
    unreadable_format: "they could not be read", "無法讀取";
    unreadable_version: "they were saved by another version (format {0})", "答案是由其他版本儲存的（格式 {0}）";
    unreadable_message: "Saved answers were not loaded because {0}. They are kept under \"{1}\" in this browser's storage; the wizard starts fresh.", "未載入已儲存的答案，因為{0}。這些答案仍保留在此瀏覽器儲存空間的「{1}」下；精靈將重新開始。";

    // Answers summary (steps text and runbook).
    answers_heading: "Answers", "答案";
    answer_provider_exists: "{0} (already federates with {1})", "{0}（已與 {1} 同盟）";
    answer_provider_none: "none yet for {0}", "尚無 {0} 的裝載提供者";
    answer_none: "(none)", "（無）";
    label_choices: "Your choices", "您的選擇";
    answer_pool_assumed: "{0} ({1}), assumed: not given", "{0}（{1}），未回答時的假設";
    pool_follows_edge: "Not chosen: the steps assume {0}, which follows the Edge Server until you choose.", "尚未選擇：步驟假設為 {0}，在您選擇之前會隨 Edge Server 而定。";
    label_hosting_provider: "Hosting provider", "裝載提供者";
    label_push_settings: "Push settings", "推播設定";
    label_share_link: "Share link", "分享連結";

    // Page.
    page_footer: "Based on Microsoft's article ", "依據 Microsoft 的文章";
    page_footer_after: " (checked {0}). Nothing you type leaves this page.", "（查核日期：{0}）。您輸入的內容不會離開此頁面。";
    dismiss: "Dismiss", "關閉";
    notice_link: "Answers opened from a link.", "已從連結開啟答案。";
    notice_link_ask: "Answers opened from a link. This browser had other answers saved: they stay saved until you choose which to keep, and changes made before you choose are not saved.", "已從連結開啟答案。此瀏覽器先前儲存了其他答案；在您選擇要保留哪一組之前，這些答案會繼續保存，且選擇前所做的變更不會儲存。";
    keep_link: "Keep the link's answers", "保留連結中的答案";
    notice_link_ignored: "Left out, as this wizard does not ask for them: {0}.", "此精靈不會詢問下列項目，因此已略過：{0}。";
    notice_link_problems: "Some values were not understood: {0}", "部分值無法辨識：{0}";
    notice_script: "Answers restored from the script's header.", "已從指令碼標頭還原答案。";
    bring_back: "Bring back my earlier answers", "還原我先前的答案";
    notice_storage_unavailable: "This browser does not allow the page to store data, so your answers won't be kept after you close it.", "此瀏覽器不允許頁面儲存資料，因此關閉頁面後不會保留您的答案。";
    notice_storage_full: "Your answers could not be saved (browser storage is full or blocked); they are kept only while this page is open.", "無法儲存您的答案（瀏覽器儲存空間已滿或遭封鎖）；只會在此頁面開啟期間保留。";

    // Questions.
    nav_questions: "Questions", "問題";
    nav_progress: "Progress", "進度";
    question_count: "Question {0} of {1}", "第 {0} 題，共 {1} 題";
    page_edge: "Edge Server", "Edge Server";
    page_clients: "Mobile clients", "行動用戶端";
    page_access_edge: "Access Edge", "Access Edge";
    page_provider: "Hosting provider", "裝載提供者";
    page_scope: "Scope", "範圍";
    question_edge: "Which Edge Server does your deployment use?", "您的部署使用哪一種 Edge Server？";
    question_clients: "Which mobile clients do your users have?", "您的使用者使用哪些行動用戶端？";
    question_access_edge: "What is the internal FQDN of your Access Edge?", "您的 Access Edge 內部 FQDN 是什麼？";
    question_provider: "Does a hosting provider for sipfed.online.lync.com exist already?", "是否已有 sipfed.online.lync.com 的裝載提供者？";
    question_scope: "Where should push be switched on?", "要在哪個範圍開啟推播？";
    back: "Back", "上一步";
    next: "Next", "下一步";
    to_result: "Go to the result", "查看結果";
    access_edge_help: "The internal FQDN of the Access Edge service used for federated SIP traffic. The tests at the end of the script run against it.", "用於同盟 SIP 流量的 Access Edge 服務內部 FQDN。指令碼最後的測試會以此 FQDN 為目標執行。";
    provider_help: "Only one hosting provider may federate with sipfed.online.lync.com. Hybrid deployments often have one already, e.g. named Office365; the script then adds none.", "只能有一個裝載提供者與 sipfed.online.lync.com 同盟。混合式部署常已有一個，例如名為 Office365；此時指令碼不會新增。";
    provider_not_used: "Your OCS 2007 R2 Edge Server federates directly, so this answer is not used.", "您的 OCS 2007 R2 Edge Server 採用直接同盟，因此不會使用此答案。";
    provider_no: "No, the script adds one", "否，由指令碼新增";
    provider_yes: "Yes, one exists", "是，已經存在";
    provider_identity_label: "Identity of the existing hosting provider", "現有裝載提供者的 Identity";
    provider_identity_help: "As Get-CsHostingProvider shows it.", "請依 Get-CsHostingProvider 顯示的內容輸入。";
    scope_help: "Global settings apply everywhere unless a site has its own. Site settings override global for that site only.", "全域設定適用於所有站台，除非該站台有自己的設定。站台設定只會在該站台覆寫全域設定。";
    scope_global: "Global (recommended)", "全域（建議）";
    scope_site: "One site", "單一站台";
    site_help: "As Topology Builder shows it; the script uses site:<name>.", "請依拓撲產生器顯示的名稱輸入；指令碼使用 site:<名稱>。";

    // Result.
    result_heading: "Result", "結果";
    pending_headline: "No verdict yet", "尚未判定";
    pending_intro: "Answer these to get the verdict and the script:", "請回答下列問題，以取得判定與指令碼：";
    // A step of the progress list whose answer is missing or invalid.
    needs_answer: "needs an answer", "待回答";
    diagram_heading: "Notification path", "通知路徑";
    plan_heading: "Plan", "計畫";
    tests_heading: "Tests", "測試";
    checklist_heading: "Done by hand", "手動步驟";
    checklist_help: "Tick each step as you go; the ticks are saved with your answers.", "每完成一個步驟就勾選；勾選狀態會與答案一起儲存。";
    where_label: "Where", "執行位置";
    who_label: "Who", "執行者";
    why_label: "Why", "目的";
    source_label: "Source", "出處";
    success_label: "Expect", "預期結果";
    failure_label: "If not", "若失敗";
    troubleshooting: "Troubleshooting", "疑難排解";
    script_heading: "Management Shell script", "管理命令介面指令碼";
    rollback_heading: "Rollback script", "復原指令碼";
    undo_summary: "Undo script: how to go back", "復原指令碼：如何還原";
    undo_help: "The configuration script records the values it changes in {0} beside itself. Run this script from the same folder to restore them and remove only what it created.", "設定指令碼會將所變更的值記錄在同一資料夾中的 {0}。請在同一資料夾執行此指令碼，以還原這些值，並只移除設定指令碼所建立的項目。";
    copy: "Copy", "複製";
    download_ps1: "Download .ps1", "下載 .ps1";
    copied: "Copied to the clipboard.", "已複製到剪貼簿。";
    copy_selected: "This page cannot reach the clipboard here; the script is selected: press Ctrl+C to copy it.", "此處無法使用剪貼簿；已選取指令碼，請按 Ctrl+C 複製。";
    downloaded: "Downloaded {0}.", "已下載 {0}。";
    download_failed: "The download did not start; use Copy instead.", "下載未開始；請改按 [複製]。";
    jump_nav: "Parts of the result", "結果導覽";
    edit_answers: "Edit answers", "修改答案";
    script_heading_short: "Script", "指令碼";
    undo_heading_short: "Undo", "復原";
    wrap_lines: "Wrap long lines", "自動換行";
    download_runbook: "Download runbook (.md)", "下載作業手冊 (.md)";
    print_runbook: "Print runbook", "列印作業手冊";
    share_heading: "Share or start over", "分享或重新開始";
    share_help: "The link carries your answers (no passwords or secrets), so a colleague or a documentation page can open the same result.", "連結包含您的答案（不含密碼或機密），同事或文件頁面可以開啟相同的結果。";
    copy_link: "Copy link", "複製連結";
    link_copied: "Link copied.", "已複製連結。";
    link_selected: "The link is selected: press Ctrl+C to copy it.", "已選取連結，請按 Ctrl+C 複製。";
    reset: "Reset answers", "重設答案";
    reset_question: "Clear every answer and tick? ", "要清除所有答案與勾選狀態嗎？";
    reset_confirm: "Yes, reset", "是，重設";
    cancel: "Cancel", "取消";
    reset_done: "Answers cleared.", "已清除答案。";
    open_heading: "Open a generated script", "開啟產生的指令碼";
    open_label: "Paste a script made by this wizard, or drop its .ps1 file here, to get its answers back.", "貼上此精靈產生的指令碼，或將 .ps1 檔案拖放到這裡，即可取回其答案。";
    open_file: "Or choose the file: ", "或選擇檔案：";
    open_no_link: "No share link found: use a whole script made by this wizard (the link is in its header).", "找不到分享連結：請使用此精靈產生的完整指令碼（連結位於標頭中）。";
    open_unreadable: "That file could not be read.", "無法讀取該檔案。";

    // Runbook.
    runbook_title: "Push notifications for Lync Server mobility: runbook", "Lync Server 行動功能推播通知：作業手冊";
    rules_from: "Based on Microsoft's article {1} (checked {0}).", "依據 Microsoft 的文章{1}（查核日期：{0}）。";
    verdict_heading: "Verdict", "判定";
    before_heading: "Before you start", "開始之前";
    steps_heading: "Steps", "步驟";
    symptom_label: "Symptom", "症狀";
    cause_label: "Cause", "原因";
    check_label: "Check", "檢查";
    configuration_script_heading: "Configuration script", "設定指令碼";

    // Diagram.
    diagram_mobility: "Mobility Service", "行動服務";
    diagram_push_service: "Push Notification Service", "推播通知服務";
    diagram_edge_2013: "Lync Server 2013 Edge", "Lync Server 2013 Edge";
    diagram_edge_2010: "Lync Server 2010 Edge", "Lync Server 2010 Edge";
    diagram_edge_ocs: "OCS 2007 R2 Edge", "OCS 2007 R2 Edge";
    diagram_hosting: "hosting provider", "裝載提供者";
    diagram_direct: "direct federation", "直接同盟";
    diagram_cannot_pass: "push cannot pass", "推播無法通過";
    diagram_receives: "receives push", "接收推播";
    diagram_not_needed: "no push needed", "不需要推播";
    diagram_no_push: "gets no push", "收不到推播";
    diagram_path: "Path: Mobility Service, then {0} ({1}), then {2}", "路徑：行動服務，再到 {0}（{1}），再到 {2}";
    diagram_service_to: ", then {0} to {1}", "，再由 {0} 送到 {1}";
    diagram_and: " and ", " 與 ";
    diagram_stops: "The path stops at the Mobility Service: {0}.", "路徑在行動服務處中斷：{0}。";
    diagram_unused: "No notification path is used.", "不使用任何通知路徑。";
    sentence_end: ".", "。";
    diagram_sentence: "{0} {1}", "{0}{1}";
    colon: ": ", "：";

    // Status in 2026 (plan::StatusFact): facts beside the verdict, each with its source. The
    // English stays ASCII: a script may carry it as a comment.
    status_heading: "Status in 2026", "2026 年的現況";
    status_lync2013: "Lync Server 2013 reached the end of extended support on 11 April 2023.", "Lync Server 2013 的延伸支援已於 2023 年 4 月 11 日結束。";
    status_ocs: "Office Communications Server 2007 R2, which your Edge Server runs, reached the end of support on 9 January 2018.", "您的 Edge Server 所執行的 Office Communications Server 2007 R2，已於 2018 年 1 月 9 日終止支援。";
    source_ocs_docs: "Recommendations for Using the Documentation (Office Communications Server 2007 R2)", "Recommendations for Using the Documentation (Office Communications Server 2007 R2)";
    why_federation_ocs: "This setting, in the Central Management Store, governs Lync Server Edges; the OCS 2007 R2 Edge is configured on the server itself: confirm there that federation is enabled on its Access Edge.", "此設定位於中央管理存放區，控制的是 Lync Server Edge；OCS 2007 R2 Edge 則在該伺服器本身設定：請在該處確認其 Access Edge 已啟用同盟。";
    status_lync2010: "Lync Server 2010, which your Edge Server runs, reached the end of extended support on 13 April 2021 (Microsoft's lifecycle data; an older Microsoft page gave 13 October 2020).", "您的 Edge Server 所執行的 Lync Server 2010，其延伸支援已於 2021 年 4 月 13 日結束（依 Microsoft 生命週期資料；較早的 Microsoft 頁面則列為 2020 年 10 月 13 日）。";
    // {0}: what shows whether it still works, as the plan's tests allow (text::status_text).
    status_mpns: "Microsoft has deprecated the Microsoft Push Notification Service (MPNS) and no longer supports it: do not count on push notifications reaching Windows Phone. {0}", "Microsoft 推播通知服務 (MPNS) 已淘汰，不再受到支援：請勿預期 Windows Phone 仍能收到推播通知。{0}";
    status_mpns_push_test: "The push test at the end proves only that requests reach the clearing house: an IM to a test Windows Phone whose app is in the background shows delivery.", "指令碼最後的推播測試只證明要求能送達清算中心：傳送 IM 給應用程式在背景執行的測試 Windows Phone，才能確認是否送達。";
    status_mpns_no_push_test: "No push test is documented for this pool's version: only a Windows Phone shows whether they still arrive.", "此集區版本沒有記載的推播測試：只有 Windows Phone 本身能顯示通知是否仍能送達。";
    status_relay: "No Microsoft statement confirms that the Push Notification Service ({0}, through {1}) still relays notifications for on-premises servers: Microsoft announced that it would decommission the Skype for Business Online infrastructure on or after 30 June 2022. {2}", "沒有任何 Microsoft 聲明確認推播通知服務（{0}，經由 {1}）仍為內部部署伺服器轉送通知：Microsoft 已宣布將於 2022 年 6 月 30 日或之後解除委任商務用 Skype Online 基礎結構。{2}";
    status_relay_push_test: "The tests at the end prove only that requests reach it through the Edge: an IM to a test device whose app is in the background shows delivery.", "指令碼最後的測試只證明要求能經由 Edge 送達該服務：傳送 IM 給應用程式在背景執行的測試裝置，才能確認是否送達。";
    status_relay_no_push_test: "The federation test at the end of the script checks only the path to {0}, not whether notifications are still relayed.", "指令碼最後的同盟測試只檢查到 {0} 的路徑，無法顯示通知是否仍在轉送。";
    status_with_source: "{0} (Source: {1})", "{0}（出處：{1}）";
    source_and_url: "{0}, {1}", "{0}，{1}";
    source_lifecycle: "{0} - Microsoft Lifecycle", "{0} - Microsoft 生命週期";
    source_mpns: "Send an MPNS native notification - Notification Hubs REST API", "傳送 MPNS 原生通知 - 通知中樞 REST API";
    source_sfbo_retirement: "Skype for Business Online retirement", "商務用 Skype Online 淘汰";
    learn_locale: "en-us", "zh-tw";

    // The pool's version and the Skype for Business versions (sfb-facts).
    product_lync2010: "Lync Server 2010", "Lync Server 2010";
    product_lync2013: "Lync Server 2013", "Lync Server 2013";
    product_sfb2015: "Skype for Business Server 2015", "商務用 Skype Server 2015";
    product_sfb2019: "Skype for Business Server 2019", "商務用 Skype Server 2019";
    product_sfbse: "Skype for Business Server Subscription Edition", "Skype for Business Server Subscription Edition";
    pool_hint_lync2010: "Lync Server Management Shell; the push cmdlets need the November 2011 cumulative update for Lync Server 2010, or a later one.", "Lync Server 管理命令介面；推播 Cmdlet 需要 Lync Server 2010 的 2011 年 11 月累積更新或之後的累積更新。";
    pool_hint_lync2013: "Lync Server Management Shell, as in Microsoft's article.", "Lync Server 管理命令介面，與 Microsoft 的文章相同。";
    pool_hint_sfb2015: "Skype for Business Server Management Shell; Lync 2010 Mobile still signs in through the Mobility Service (MCX).", "商務用 Skype Server 管理命令介面；Lync 2010 Mobile 仍可透過行動服務 (MCX) 登入。";
    pool_hint_sfb2019: "No Mobility Service (MCX): Lync 2010 Mobile cannot sign in, and Test-CsMcxPushNotification is not documented for this version.", "沒有行動服務 (MCX)：Lync 2010 Mobile 無法登入，且此版本未記載 Test-CsMcxPushNotification。";
    pool_hint_sfbse: "The version Microsoft supports. Where Microsoft's pages say nothing of it, the wizard follows Skype for Business Server 2019.", "Microsoft 支援的版本。Microsoft 的頁面未提及之處，精靈比照商務用 Skype Server 2019。";
    edge_hint_sfb: "Hosting-provider federation with Skype for Business Online, the same steps as for Lync Server 2013.", "與商務用 Skype Online 的裝載提供者同盟，步驟與 Lync Server 2013 相同。";
    client_ios_sfb: "Skype for Business on iPhone/iPad", "iPhone/iPad 上的商務用 Skype";
    client_android_sfb: "Skype for Business on Android", "Android 上的商務用 Skype";
    client_wp_sfb: "Skype for Business on Windows Phone", "Windows Phone 上的商務用 Skype";
    short_ios_sfb: "iPhone/iPad, Skype for Business", "iPhone/iPad，商務用 Skype";
    short_android_sfb: "Android, Skype for Business", "Android，商務用 Skype";
    short_wp_sfb: "Windows Phone, Skype for Business", "Windows Phone，商務用 Skype";
    need_apns_by_choice: "Apple push (APNS), because you chose it beyond Microsoft's page, which turns on only MPNS for Skype for Business; msxfaq.de reports iOS push on premises since CU4HF1 (February 2017).", "Apple 推播 (APNS)，因為您選擇在 Microsoft 頁面之外開啟；該頁面只為商務用 Skype 開啟 MPNS；msxfaq.de 指出自 CU4HF1（2017 年 2 月）起內部部署支援 iOS 推播。";
    need_not_on_page: "Nothing turned on, as on Microsoft's Skype for Business page, which turns on only MPNS. Apple push (APNS) for this app is an opt-in: msxfaq.de reports it on premises since CU4HF1 (February 2017).", "不開啟任何開關，與 Microsoft 的商務用 Skype 頁面相同，該頁面只開啟 MPNS。此應用程式的 Apple 推播 (APNS) 需選擇加入：msxfaq.de 指出自 CU4HF1（2017 年 2 月）起內部部署支援。";
    choice_apns_for_sfb_ios: "Also turn on Apple push (APNS) for Skype for Business on iPhone/iPad: the wizard's addition to Microsoft's page", "同時為 iPhone/iPad 上的商務用 Skype 開啟 Apple 推播 (APNS)：精靈在 Microsoft 頁面之外的新增項目";
    diagram_not_on_page: "off, as on Microsoft's page", "關閉，與 Microsoft 頁面相同";
    verdict_not_recommended: "Not recommended: only Windows Phone clients would get push here, through MPNS, which Microsoft has deprecated and no longer supports. Configuring turns on federation for the whole organisation (unless it is on already) and needs a hosting provider, for a service that may no longer deliver.", "不建議：此處只有 Windows Phone 用戶端會收到推播，而其使用的 MPNS 已由 Microsoft 淘汰且不再支援。設定後會為整個組織開啟同盟（除非已開啟），並需要裝載提供者，而該服務可能已不再傳送通知。";
    advice_apns_opt_in: "Skype for Business on iPhone/iPad gets Apple push only as an opt-in beyond Microsoft's page ({0}).", "iPhone/iPad 上的商務用 Skype 只有在選擇加入時才會開啟 Apple 推播，這超出 Microsoft 頁面的範圍（{0}）。";
    advice_not_recommended: "Leave push off. To configure it anyway, choose \"Configure MPNS anyway\" (command line: {0}).", "維持推播關閉。若仍要設定，請選擇「仍要設定 MPNS」（命令列：{0}）。";
    configure_mpns_anyway: "Configure MPNS anyway: opens federation for the whole organisation and adds the hosting provider", "仍要設定 MPNS：為整個組織開啟同盟並新增裝載提供者";
    leave_mpns_off: "Leave MPNS off, as advised", "依建議維持 MPNS 關閉";
    note_hybrid_later: "Going hybrid later? Microsoft's page \"Configure federation with Skype for Business Online\" removes the provider for {0} and creates it again with -EnabledSharedAddressSpace $True: follow it, so that one provider federates with {0}, never two.", "之後要改為混合式部署？Microsoft 的「Configure federation with Skype for Business Online」頁面會移除 {0} 的提供者，再以 -EnabledSharedAddressSpace $True 重新建立：請依該頁面操作，讓只有一個提供者與 {0} 同盟，絕不要兩個。";
    note_apns_by_choice: "Beyond Microsoft's page, by your choice: Apple push (APNS) for Skype for Business on iOS. Microsoft's Skype for Business page turns on only MPNS; msxfaq.de reports iOS push on premises since CU4HF1 ({0}).", "在 Microsoft 頁面之外，依您的選擇：為 iOS 上的商務用 Skype 開啟 Apple 推播 (APNS)。Microsoft 的商務用 Skype 頁面只開啟 MPNS；msxfaq.de 指出自 CU4HF1 起內部部署支援 iOS 推播（{0}）。";
    note_retired_mpns_by_choice: "By your choice: push is configured although Windows Phone's MPNS, which Microsoft has deprecated and no longer supports, is the only reason. Federation opens for the whole organisation.", "依您的選擇：雖然唯一的原因是已由 Microsoft 淘汰且不再支援的 Windows Phone MPNS，仍設定推播。同盟會為整個組織開啟。";
    need_no_switch: "No switch to turn on: Microsoft's feature table lists push for the Android app, but the push settings have switches only for Apple (APNS) and Windows Phone (MPNS).", "沒有可開啟的開關：Microsoft 的功能比較表列出 Android 應用程式支援推播，但推播設定只有 Apple (APNS) 與 Windows Phone (MPNS) 的開關。";
    need_cannot_use_pool: "Cannot sign in to this pool: Lync 2010 Mobile uses the Mobility Service (MCX), which Microsoft removed from Skype for Business Server 2019 (\"What's deprecated from Skype for Business Server 2019\").", "無法登入此集區：Lync 2010 Mobile 使用行動服務 (MCX)，而 Microsoft 已從商務用 Skype Server 2019 移除此服務（「What's deprecated from Skype for Business Server 2019」）。";
    need_cannot_use_pool_se: "Cannot sign in to this pool: Lync 2010 Mobile uses the Mobility Service (MCX), which Microsoft removed from Skype for Business Server 2019 (\"What's deprecated from Skype for Business Server 2019\"); no Microsoft page says Subscription Edition brought it back.", "無法登入此集區：Lync 2010 Mobile 使用行動服務 (MCX)，而 Microsoft 已從商務用 Skype Server 2019 移除此服務（「What's deprecated from Skype for Business Server 2019」）；沒有任何 Microsoft 頁面指出 Subscription Edition 恢復了此服務。";
    verdict_hosting_sfb: "Configure push notifications ({0}) through hosting-provider federation with Skype for Business Online.", "透過與商務用 Skype Online 的裝載提供者同盟，設定推播通知（{0}）。";
    verdict_gap_2010_2019: "Push notifications are needed ({0}) but no steps are written for a {1} pool with a {2} Edge Server: Microsoft's 2019 migration guide covers Lync Server 2013 and Skype for Business Server 2015 only.", "需要推播通知（{0}），但不會為 {1} 集區搭配 {2} Edge Server 產生步驟：Microsoft 的 2019 移轉指南只涵蓋 Lync Server 2013 與商務用 Skype Server 2015。";
    verdict_gap_se_lync: "Push notifications are needed ({0}) but no steps are written for a {1} pool with a {2} Edge Server: no Microsoft page pairs Subscription Edition with Lync Server.", "需要推播通知（{0}），但不會為 {1} 集區搭配 {2} Edge Server 產生步驟：沒有任何 Microsoft 頁面將 Subscription Edition 與 Lync Server 搭配。";
    verdict_gap_ocs_sfb: "Push notifications are needed ({0}) but no steps are written for a {1} pool with a {2} Edge Server: Microsoft documents that Edge for Lync Server pools only.", "需要推播通知（{0}），但不會為 {1} 集區搭配 {2} Edge Server 產生步驟：Microsoft 只記載此 Edge 搭配 Lync Server 集區。";
    advice_undocumented_mix: "Check the versions you answered. Microsoft supports only Subscription Edition now, reached from Skype for Business Server 2015 or 2019 (a Microsoft blog), not from Lync Server.", "請檢查您回答的版本。Microsoft 目前只支援 Subscription Edition，可從商務用 Skype Server 2015 或 2019 升級（Microsoft 部落格），而非從 Lync Server。";
    verdict_cannot_use_pool: "These clients cannot use this pool: {0} has no Mobility Service (MCX), which Lync 2010 Mobile needs, so there is no push to configure for them.", "這些用戶端無法使用此集區：{0} 沒有 Lync 2010 Mobile 所需的行動服務 (MCX)，因此沒有要為其設定的推播。";
    advice_cannot_use_pool: "Move these users to a current client: Microsoft says users with legacy clients using MCX \"will need to upgrade to a current client\".", "請讓這些使用者改用目前的用戶端：Microsoft 指出使用 MCX 舊版用戶端的使用者「必須升級至目前的用戶端」。";
    advice_blocked_sfb: "Deploy an Edge Server first, then come back to configure push: of the Edge versions, Microsoft still supports only Subscription Edition's.", "請先部署 Edge Server，再回來設定推播：各版本的 Edge 中，Microsoft 目前只支援 Subscription Edition。";
    host_shell_sfb: "An internal server with Skype for Business Server Management Shell and Ocscore", "已安裝商務用 Skype Server 管理命令介面與 Ocscore 的內部伺服器";
    title_add_provider_sfb: "Add the Skype for Business Online hosting provider ({0})", "新增商務用 Skype Online 裝載提供者（{0}）";
    why_add_provider_sfb: "Your Edge Server reaches the Push Notification Service through hosting-provider federation with Skype for Business Online ({0}). Only one hosting provider may federate with it, so the script adds {1} only if none does yet.", "您的 Edge Server 透過與商務用 Skype Online（{0}）的裝載提供者同盟，連線至推播通知服務。只能有一個裝載提供者與 {0} 同盟，因此指令碼只會在尚無裝載提供者時新增 {1}。";
    note_internal_sfb: "Run the script on an internal server with Skype for Business Server Management Shell and Ocscore, not on the Edge Server: the settings live in the Central Management Store.", "請在已安裝商務用 Skype Server 管理命令介面與 Ocscore 的內部伺服器上執行指令碼，不要在 Edge Server 上執行：設定儲存在中央管理存放區。";
    note_unblock_sfb: "A downloaded script ({0}, {1}) is marked as from the internet, and the RemoteSigned policy refuses it until you unblock it: Unblock-File -Path .\\{0}, or right-click the file, click Properties, then Unblock.", "下載的指令碼（{0}、{1}）會標示為來自網際網路，在您解除封鎖之前，RemoteSigned 原則會拒絕執行：請執行 Unblock-File -Path .\\{0}，或以滑鼠右鍵按一下檔案，按一下 [內容]，再按一下 [解除封鎖]。";
    note_lync_pool_behind_sfb_edge: "Microsoft's \"Plan hybrid connectivity\" has the Federation Edge and the pool associated with SIP federation \"running Skype for Business 2015 or later. Users can remain on a Lync 2013 Pool if one exists\": Lync Server pools beside a Skype for Business federation pool and Edge. The push steps follow the Edge and are the same.", "Microsoft 的「Plan hybrid connectivity」要求同盟 Edge 與 SIP 同盟所關聯的集區「running Skype for Business 2015 or later. Users can remain on a Lync 2013 Pool if one exists」：Lync Server 集區可與商務用 Skype 同盟集區及 Edge 並存。推播步驟依 Edge 而定，步驟相同。";
    note_older_pool_behind_2019: "Microsoft documents moving federation to a Skype for Business Server 2019 Edge while pools of the previous version remain (\"Configure federation routes and media traffic\"); the push steps are the same.", "Microsoft 記載在保留前一版集區的同時，將同盟移至商務用 Skype Server 2019 Edge（「Configure federation routes and media traffic」）；推播步驟相同。";
    note_lync2010_edge_for_2015: "Microsoft: \"You can run Skype for Business Server 2015 in the same topology as ... Lync Server 2010\" (\"Plan to upgrade\"); new pools use the legacy Edge while you migrate, and \"Tri-existence is not supported\". The push steps are the same.", "Microsoft 記載商務用 Skype Server 2015 可與 Lync Server 2010 位於同一拓撲（「Plan to upgrade」），移轉期間新集區使用舊版 Edge；「Tri-existence is not supported」。推播步驟相同。";
    note_se_inferred: "No Microsoft page pairs Subscription Edition with a 2015 or 2019 pool or Edge; the wizard infers the pair from a Microsoft blog on upgrading from them, as for the 2019 migration pairs: check it against your upgrade plan.", "沒有任何 Microsoft 頁面將 Subscription Edition 與 2015 或 2019 的集區或 Edge 搭配；精靈依 Microsoft 部落格的升級說明推論此搭配，比照 2019 移轉的搭配：請對照您的升級計畫確認。";
    note_legacy_edge: "Microsoft documents a Skype for Business Server 2019 pool using a Lync Server 2013 or Skype for Business Server 2015 Edge Server as a step of the migration to 2019 (\"Connect pilot pool to legacy Edge Servers\"); the push steps are the same.", "Microsoft 將商務用 Skype Server 2019 集區使用 Lync Server 2013 或商務用 Skype Server 2015 Edge Server 記載為移轉至 2019 的步驟之一（「Connect pilot pool to legacy Edge Servers」）；推播步驟相同。";
    note_no_push_test: "There is no documented push test for {0}: Microsoft's page for Test-CsMcxPushNotification applies to Lync Server 2010, Lync Server 2013 and Skype for Business Server 2015 only (2019 was removed from it in 2018), although the deploy page still lists the test. The script runs the federation test, which checks the path to {1}; to see a notification arrive, send an IM to a test user whose mobile app is in the background.", "{0} 沒有記載的推播測試：Microsoft 的 Test-CsMcxPushNotification 頁面只適用於 Lync Server 2010、Lync Server 2013 與商務用 Skype Server 2015（2018 年已從中移除 2019），雖然部署頁面仍列出此測試。指令碼會執行同盟測試，檢查到 {1} 的路徑；若要確認通知送達，請傳送 IM 給行動應用程式在背景執行的測試使用者。";
    start_shell_sfb: "Start the Skype for Business Server Management Shell: click {0}.", "啟動商務用 Skype Server 管理命令介面：依序按一下 {0}。";
    start_shell_search: "Start the Skype for Business Server Management Shell: search for it from Start (Microsoft documents no Start-menu path for Subscription Edition).", "啟動商務用 Skype Server 管理命令介面：從 [開始] 搜尋（Microsoft 未記載 Subscription Edition 的 [開始] 功能表路徑）。";
    shell_name_sfb: "Skype for Business Server Management Shell", "商務用 Skype Server 管理命令介面";
    menu_sfb2015: "Skype for Business 2015", "商務用 Skype 2015";
    menu_sfb2019: "Microsoft Skype for Business Server 2019", "Microsoft 商務用 Skype Server 2019";
    runbook_title_sfb: "Push notifications for Skype for Business Server mobility: runbook", "商務用 Skype Server 行動功能推播通知：作業手冊";
    diagram_edge_sfb2015: "SfB Server 2015 Edge", "商務用 Skype Server 2015 Edge";
    diagram_edge_sfb2019: "SfB Server 2019 Edge", "商務用 Skype Server 2019 Edge";
    diagram_edge_sfbse: "SfB Server SE Edge", "SfB Server SE Edge";
    diagram_cannot_use_pool: "cannot use this pool", "無法使用此集區";
    field_pool: "Pool version", "集區版本";
    problem_pool_missing: "Choose the version of the pool where you run the Management Shell.", "請選擇您執行管理命令介面的集區版本。";
    question_pool: "Which version runs the pool where you use the Management Shell?", "您使用管理命令介面的集區是哪個版本？";
    pool_help: "The steps run in this version's Management Shell: its name, its Start-menu path, the hosting provider's example Identity and the tests follow from it. The Edge Server may be another version.", "步驟會在此版本的管理命令介面中執行：命令介面名稱、[開始] 功能表路徑、裝載提供者的範例 Identity 與測試都依此版本而定。Edge Server 可以是其他版本。";
    status_sfb2015: "Skype for Business Server 2015 reached the end of extended support on 14 October 2025.", "商務用 Skype Server 2015 的延伸支援已於 2025 年 10 月 14 日結束。";
    status_sfb2019: "Skype for Business Server 2019 reached the end of extended support on 14 October 2025.", "商務用 Skype Server 2019 的延伸支援已於 2025 年 10 月 14 日結束。";
    status_sfbse: "Skype for Business Server Subscription Edition is the version Microsoft supports; it follows the Modern Lifecycle Policy, which asks you to keep it current.", "Skype for Business Server Subscription Edition 是 Microsoft 支援的版本；它遵循新式生命週期原則，您必須讓它保持最新狀態。";
    status_lync2010_pool: "Lync Server 2010, which your pool runs, reached the end of extended support on 13 April 2021 (Microsoft's lifecycle data; an older Microsoft page gave 13 October 2020).", "您的集區所執行的 Lync Server 2010，其延伸支援已於 2021 年 4 月 13 日結束（依 Microsoft 生命週期資料；較早的 Microsoft 頁面則列為 2020 年 10 月 13 日）。";
    source_modern_lifecycle: "Modern Lifecycle Policy - Microsoft Lifecycle", "新式生命週期原則 - Microsoft 生命週期";
}}
