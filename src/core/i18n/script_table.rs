//! The discovery script's comments (`render::powershell::discovery`), in English and zh-TW: the
//! zh-TW page offers the script with its comments in Traditional Chinese. Its code, and the
//! block it prints, are the same in both (tests/discovery.rs holds them to that). Terms as in
//! the main table's glossary (table.rs).

strings! { ScriptStrings, SCRIPT_EN, SCRIPT_ZH_TW {
    title: "Read the deployment for the push-notification wizard: read-only", "為推播通知精靈讀取部署：唯讀";
    made_by: "Made by the Lync Server 2013 push-notification wizard (rules {0}).", "由 Lync Server 2013 推播通知精靈產生（規則 {0}）。";
    read_only: "Read-only: it calls only Get- cmdlets and Get-Command (and Set-StrictMode -Off, inside its own block), and changes nothing. It runs no Set-, New-, Remove- or Test-Cs cmdlet (the tests federate and write logs), so it is safe to run on a production server.", "唯讀：只呼叫 Get- Cmdlet 與 Get-Command（以及其自身區塊內的 Set-StrictMode -Off），不會變更任何項目。它不執行任何 Set-、New-、Remove- 或 Test-Cs Cmdlet（這些測試會進行同盟並寫入記錄），因此可以安全地在生產伺服器上執行。";
    reads: "It reads the Edge pools, the sites, the Access Edge settings, the hosting providers, push.lync.com on the allowed and blocked lists, the push and mobility settings at every scope, which push cmdlets the shell has, and the replication status in sum.", "它會讀取：Edge 集區、站台、Access Edge 設定、裝載提供者、push.lync.com 是否在允許與封鎖的網域清單上、各範圍的推播與行動功能設定、此命令介面有哪些推播 Cmdlet，以及複寫狀態摘要。";
    run_as: "Run it in the Lync Server or Skype for Business Server Management Shell on an internal server, as a member of RTCUniversalUserAdmins or RTCUniversalServerAdmins (Microsoft's pages for these Get- cmdlets allow them by default). It is written for Windows PowerShell 2.0 (Lync Server 2010) to 5.1. A part the shell lacks, or that this account may not read, is reported as such and the rest is still read.", "請在內部伺服器上的 Lync Server 或 商務用 Skype Server 管理命令介面中，以 RTCUniversalUserAdmins 或 RTCUniversalServerAdmins 成員身分執行（Microsoft 對這些 Get- Cmdlet 的說明頁面預設允許這兩個群組）。它適用於 Windows PowerShell 2.0（Lync Server 2010）到 5.1。命令介面缺少的部分，或此帳戶無權讀取的部分，會如實標示，其餘部分仍會讀取。";
    all_absent: "If every part says absent, this is not the Management Shell: start it from the Start menu, or run Import-Module {0} (Skype for Business Server: Import-Module {1}) first.", "如果每個部分都標示為 absent，表示這不是管理命令介面：請從 [開始] 功能表啟動它，或先執行 Import-Module {0}（商務用 Skype Server：Import-Module {1}）。";
    prints: "It prints one block, from the line \"{0}\" to its END line. Paste the block into the wizard, or save it and give the file to the command line:", "它會輸出一個區塊，從「{0}」這一行到其 END 行為止。請將區塊貼到精靈中，或將它存成檔案後交給命令列：";
    paste: "Or paste the whole script into the Management Shell (the execution policy does not apply to a paste); if the console waits at >>, press Enter once more.", "或將整個指令碼貼到管理命令介面中（貼上的內容不受執行原則限制）；如果主控台停在 >>，請再按一次 Enter。";
    private: "The block holds internal FQDNs and site names: share it only where you would share your topology.", "此區塊包含內部 FQDN 與站台名稱：只在您願意分享拓撲的地方分享它。";
    encoding: "Every value is percent-encoded (as in web addresses), no line is longer than {0} characters, and the END line counts the records and carries their check value, so a block cut short or changed in copying is found.", "每個值都以百分比編碼（與網址相同），每一行都不超過 {0} 個字元，END 行記載記錄數與檢查碼，因此複製時被截斷或變更的區塊都會被發現。";
    unblock: "Downloaded as {0}? Windows marks it as from the internet, and the RemoteSigned policy refuses it until you unblock it:", "下載為 {0}？Windows 會將它標示為來自網際網路，RemoteSigned 原則會拒絕執行，直到您解除封鎖：";
    unblock_new: "  PowerShell 3.0 and later (Lync Server 2013): Unblock-File -Path .\\{0}", "  PowerShell 3.0 及更新版本（Lync Server 2013）：Unblock-File -Path .\\{0}";
    unblock_old: "  PowerShell 2.0 (Lync Server 2010): right-click the file in Explorer, click Properties, click Unblock, then OK.", "  PowerShell 2.0（Lync Server 2010）：在檔案總管中以滑鼠右鍵按一下檔案，按一下 [內容]，按一下 [解除封鎖]，然後按 [確定]。";
    block_scope: "The script block keeps $ErrorActionPreference and its variables out of your session.", "此指令碼區塊讓 $ErrorActionPreference 與其變數不影響您的工作階段。";
    strict_mode: "A strict mode set in your session would make reading a property an object lacks (RoutingMethod on older objects) an error; this block reads without it.", "工作階段中設定的 Strict 模式會讓讀取物件沒有的屬性（較舊物件上的 RoutingMethod）成為錯誤；此區塊在讀取時不使用它。";
    encode: "Values are percent-encoded: a byte outside A-Z a-z 0-9 - . _ : @ becomes %XX, so no value can break a line or a record.", "值以百分比編碼：A-Z a-z 0-9 - . _ : @ 以外的位元組都會變成 %XX，因此任何值都無法打斷一行或一筆記錄。";
    each_part: "Each part: absent when the shell lacks its cmdlet, its error when the cmdlet fails, else its items and their count.", "每個部分：命令介面缺少其 Cmdlet 時為 absent，Cmdlet 失敗時為其錯誤，否則為其項目與項目數。";
    about_cmdlets: "Which push cmdlets this shell has: Get-Command looks them up and runs none of them.", "此命令介面有哪些推播 Cmdlet：Get-Command 只查詢，不會執行其中任何一個。";
    about_edge: "Edge pools: PoolFqdn (the internal FQDN the tests need), SiteId and Version, as Microsoft's sample output prints them.", "Edge 集區：PoolFqdn（測試所需的內部 FQDN）、SiteId 與 Version，與 Microsoft 範例輸出所列相同。";
    about_edge_version: "No Microsoft page maps Version's numbers to products, so it is printed as it is.", "沒有任何 Microsoft 頁面說明 Version 的數字對應哪個產品，因此照原樣輸出。";
    about_sites: "Sites: Identity, the site's name that push settings take (site:<name>); Set-CsSite Example 3 passes Get-CsSite's $_.Identity as a site's name. DisplayName is not read: it may differ from the name (Set-CsSite Example 2).", "站台：Identity，即推播設定所用的站台名稱（site:<名稱>）；Set-CsSite 範例 3 以 Get-CsSite 的 $_.Identity 作為站台名稱。不讀取 DisplayName：它可能與名稱不同（Set-CsSite 範例 2）。";
    about_access_edge: "The Access Edge: the output type's name and RoutingMethod tell the routing (Get-CsAccessEdgeConfiguration, OUTPUTS; Microsoft's samples that print RoutingMethod are from Lync Server 2013 and later pages).", "Access Edge：輸出型別的名稱與 RoutingMethod 可判斷路由方式（Get-CsAccessEdgeConfiguration 的 OUTPUTS；列出 RoutingMethod 的 Microsoft 範例來自 Lync Server 2013 及之後的頁面）。";
    about_partner_discovery: "EnablePartnerDiscovery is read only from the DNS SRV routing object, the only one that has it.", "EnablePartnerDiscovery 只從 DNS SRV 路由物件讀取，只有該物件有此屬性。";
    about_providers: "Hosting providers: Identity, ProxyFqdn, Enabled, EnabledSharedAddressSpace, VerificationLevel. Get-CsHostingProvider's page has no sample output: Enabled and EnabledSharedAddressSpace are used in its examples, Identity, ProxyFqdn and VerificationLevel are documented as parameters (Microsoft's hybrid pages read $_.ProxyFqdn).", "裝載提供者：Identity、ProxyFqdn、Enabled、EnabledSharedAddressSpace、VerificationLevel。Get-CsHostingProvider 的頁面沒有範例輸出：其範例使用 Enabled 與 EnabledSharedAddressSpace，Identity、ProxyFqdn 與 VerificationLevel 以參數形式記載（Microsoft 的混合部署頁面讀取 $_.ProxyFqdn）。";
    about_allowed: "push.lync.com on the allowed domain list.", "push.lync.com 是否在允許的網域清單上。";
    about_blocked: "push.lync.com on the blocked domain list.", "push.lync.com 是否在封鎖的網域清單上。";
    about_push: "Push settings at every scope: Global and each site's.", "各範圍的推播設定：Global 與每個站台。";
    about_mcx: "Mobility settings at every scope: the push proxy they send to (PushNotificationProxyUri).", "各範圍的行動功能設定：推播傳送的目的 Proxy（PushNotificationProxyUri）。";
    about_replication: "Central Management Store replication, in sum: the replicas, and how many are UpToDate.", "中央管理存放區複寫摘要：複本數，以及其中有多少為 UpToDate。";
    registrar: "Registrar pools are not read: no Microsoft page shows a Registrar's Version, so the wizard asks for the pool's version.", "不讀取登錄器集區：沒有任何 Microsoft 頁面顯示登錄器的 Version，因此精靈會詢問集區的版本。";
    check_value: "The check value: Adler-32 of the records, each followed by a line feed.", "檢查碼：各筆記錄（每筆後接一個換行字元）的 Adler-32。";
}}
