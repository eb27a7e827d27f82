//! What the wizard says about a pasted discovery block (`core::discovery`): why it cannot be
//! read, what it fills, what stays open and what the deployment has now. Kept beside the main
//! table (which has no room left under the 450-line rule), with the same glossary (table.rs);
//! one term is added here:
//!
//! | English | zh-TW | note |
//! |---|---|---|
//! | discovery script, discovery block | 探查指令碼、探查區塊 | ours; 探索 stays for partner discovery |
//! | registrar pool | 登錄器集區 | |
//! | blocked domain | 封鎖的網域 | as 允許的網域 |
//! | replica | 複本 | |

strings! { DiscoveryStrings, DISCOVERY_EN, DISCOVERY_ZH_TW {
    problem_too_large: "The text is {0} bytes; a discovery block is read from at most {1}. Paste only the lines from the BEGIN line to the END line.", "貼上的文字有 {0} 位元組；探查區塊最多只讀取 {1} 位元組。請只貼上從 BEGIN 行到 END 行的內容。";
    problem_no_block: "No discovery block found. Paste what the discovery script printed, from its BEGIN line to its END line.", "找不到探查區塊。請貼上探查指令碼輸出的內容，從 BEGIN 行到 END 行。";
    problem_version: "Line {0}: a block of format version {1}; this wizard reads version {2}. Run the discovery script this wizard gives.", "第 {0} 行：此區塊的格式版本為 {1}；本精靈讀取版本 {2}。請執行本精靈提供的探查指令碼。";
    problem_no_end: "Line {0}: the block that begins here has no END line: it was cut short. Copy it again, down to the END line.", "第 {0} 行：從這裡開始的區塊沒有 END 行，內容被截斷了。請重新複製，一直到 END 行為止。";
    problem_characters: "Line {0}: characters a discovery block never holds (markup, or text an editor added). Paste the block as the shell printed it.", "第 {0} 行：含有探查區塊不會有的字元（標記語言，或編輯器加入的文字）。請貼上命令介面輸出的原始區塊。";
    problem_encoding: "Line {0}: a value is not encoded as the discovery script encodes it.", "第 {0} 行：有一個值的編碼方式與探查指令碼的編碼不同。";
    problem_record: "Line {0}: \"{1}\" is not a record of this block, or has the wrong number of fields.", "第 {0} 行：「{1}」不是此區塊的記錄，或欄位數目不對。";
    problem_part: "Line {0}: the part \"{1}\" is missing or out of place: the block was edited or pieced together.", "第 {0} 行：「{1}」部分遺失或位置不對：區塊曾被編輯或拼湊。";
    problem_count: "Line {0}: the END line counts {1} records, but the block holds {2}: lines were lost or added.", "第 {0} 行：END 行記載 {1} 筆記錄，但區塊中有 {2} 筆：有些行遺失或被加入。";
    problem_check: "Line {0}: the check value does not match the records: a line was changed or lost in copying. Copy the block again.", "第 {0} 行：檢查碼與記錄不符：複製時有一行被變更或遺失。請重新複製區塊。";
    problem_value: "Line {0}: \"{1}\" is not a value the discovery script writes here.", "第 {0} 行：「{1}」不是探查指令碼在此處會寫入的值。";
    open_edge_version: "Edge pool {0} reports version {1}. No Microsoft page maps this number to a product: confirm the Edge Server's version.", "Edge 集區 {0} 回報的版本為 {1}。沒有任何 Microsoft 頁面說明此數字對應哪個產品：請確認 Edge Server 的版本。";
    open_no_edge: "The topology has no Edge pool. An OCS 2007 R2 Edge Server is not part of it: answer the Edge Server yourself.", "拓撲中沒有 Edge 集區。OCS 2007 R2 Edge Server 不在拓撲中：請自行回答 Edge Server。";
    open_edge_pools: "Several Edge pools: {0}. Federation runs through one of them: give the internal FQDN of that one.", "有多個 Edge 集區：{0}。同盟只經由其中一個集區：請提供該集區的內部 FQDN。";
    open_pool: "Not read: no documented property of the registrar pools gives their version. Choose the pool's version yourself.", "未讀取：登錄器集區沒有任何記載的屬性可提供其版本。請自行選擇集區版本。";
    open_providers: "Several hosting providers federate with {0}: {1}. Only one may: check them with Get-CsHostingProvider.", "有多個裝載提供者與 {0} 同盟：{1}。只能有一個：請以 Get-CsHostingProvider 檢查。";
    open_scope: "Yours to choose: globally, or at one site. Sites in the topology: {0}.", "由您決定：全域，或某一個站台。拓撲中的站台：{0}。";
    not_read_failed: "Not read: {0} failed ({1}).", "未讀取：{0} 失敗（{1}）。";
    not_read_absent: "Not read: this shell has no {0}.", "未讀取：此命令介面沒有 {0}。";
    filled_access_edge: "{0}, the FQDN of the one Edge pool.", "{0}，即唯一 Edge 集區的 FQDN。";
    filled_provider: "{0}, which federates with {1}.", "{0}，已與 {1} 同盟。";
    filled_no_provider: "None federates with {0} yet: the configuration script adds one.", "尚無裝載提供者與 {0} 同盟：設定指令碼會新增一個。";
    state_blocked: "{0} is on the blocked domain list: it must come off that list before push can work.", "{0} 在封鎖的網域清單上：必須先從該清單移除，推播才能運作。";
    state_allowed: "{0} is on the allowed domain list already.", "{0} 已在允許的網域清單上。";
    state_not_allowed: "{0} is not on the allowed domain list yet.", "{0} 尚未在允許的網域清單上。";
    state_dns_srv: "The Access Edge uses DNS SRV routing.", "Access Edge 使用 DNS SRV 路由。";
    state_default_route: "The Access Edge uses default routing: hosting-provider federation, and so push, does not work with it.", "Access Edge 使用預設路由：在此設定下，裝載提供者同盟無法運作，推播也因此無法運作。";
    state_routing_unknown: "Neither the type nor RoutingMethod of the Access Edge configuration tells its routing.", "Access Edge 設定的型別與 RoutingMethod 都無法判斷其路由方式。";
    state_federation_on: "Federation is on (AllowFederatedUsers is True).", "同盟已開啟（AllowFederatedUsers 為 True）。";
    state_federation_off: "Federation is off (AllowFederatedUsers is False): the script turns it on, for the whole organisation.", "同盟目前為關閉（AllowFederatedUsers 為 False）：指令碼會為整個組織開啟同盟。";
    state_partner_discovery_on: "Partner discovery is on (EnablePartnerDiscovery is True): with federation on, users can reach any federated domain, not only the allowed ones.", "夥伴探索已開啟（EnablePartnerDiscovery 為 True）：開啟同盟後，使用者可與任何同盟網域通訊，而不僅限於允許的網域。";
    state_partner_discovery_off: "Partner discovery is off (EnablePartnerDiscovery is False): federation reaches only the allowed domains and the hosting providers.", "夥伴探索已關閉（EnablePartnerDiscovery 為 False）：同盟只會連到允許的網域與裝載提供者。";
    state_provider_elsewhere: "The hosting provider {0} points to {1}, not {2}. Its ProxyFqdn cannot be changed: where the configuration script would add a provider named {0}, it stops.", "裝載提供者 {0} 指向 {1}，而非 {2}。其 ProxyFqdn 無法變更：若設定指令碼需要新增名為 {0} 的裝載提供者，就會停止。";
    state_provider_disabled: "The hosting provider {0} for {1} is disabled (Enabled is False).", "與 {1} 同盟的裝載提供者 {0} 已停用（Enabled 為 False）。";
    state_missing_cmdlets: "This shell lacks {0}. In Lync Server 2010 the push cmdlets came with the November 2011 cumulative update; in a later version, this is not its Management Shell.", "此命令介面缺少 {0}。在 Lync Server 2010 中，推播 Cmdlet 隨 2011 年 11 月累積更新提供；若是較新的版本，表示這不是其管理命令介面。";
    state_push_on: "Push settings {0}: Apple (APNS) {1}, Microsoft (MPNS) {2}.", "推播設定 {0}：Apple (APNS) {1}，Microsoft (MPNS) {2}。";
    word_on: "on", "開啟";
    separator: ", ", "、";
    word_off: "off", "關閉";
    state_mcx_uri: "Mobility settings {0} send push to {1}, not {2}.", "行動功能設定 {0} 將推播傳送至 {1}，而非 {2}。";
    state_replication: "{0} of {1} replicas are up to date.", "{1} 個複本中有 {0} 個為最新狀態。";
    heading_filled: "Filled from the deployment", "從部署讀取並填入";
    heading_open: "To answer or confirm", "仍需回答或確認";
    open_answered: "You answered {0}. {1}", "您的答案為 {0}。{1}";
    heading_state: "What the deployment has now", "部署目前的狀態";
    made_by: "From the discovery script of wizard rules {0}.", "來自探查指令碼（規則版本 {0}）。";
    forecast_heading: "What the configuration script will do here", "設定指令碼在此部署上會做的事";
    forecast_recheck: "From the block; the script checks it all again when it runs, since the deployment may change in between.", "依據此區塊；由於部署在這之間可能變更，指令碼執行時仍會再次檢查全部項目。";
    forecast_already: "Already so: nothing changes.", "已符合，不需變更。";
    forecast_stopped: "Stops here, before any change: {0}", "會在此停止，不做任何變更：{0}";
    forecast_once_cleared: "Once that is cleared: {0}", "排除後：{0}";
    forecast_after_stops: "Once what stops it is cleared, the script would:", "排除上述停止原因後，指令碼會：";
    forecast_unknown: "Not known: {0} was not read.", "未知：未讀取 {0}。";
    change_add_provider: "Will add hosting provider {0} for {1}.", "會新增與 {1} 同盟的裝載提供者 {0}。";
    change_allow_domain: "Will add {0} to the allowed domains.", "會將 {0} 加入允許的網域。";
    change_create_settings: "Will create push settings {0}: Apple (APNS) {1}, Microsoft (MPNS) {2}.", "會建立推播設定 {0}：Apple (APNS) {1}，Microsoft (MPNS) {2}。";
    change_create_settings_copy: "Will create push settings {0}: Apple (APNS) {1}, Microsoft (MPNS) {2}. The service these clients do not need takes Global's value now; later changes to Global do not reach this site.", "會建立推播設定 {0}：Apple (APNS) {1}，Microsoft (MPNS) {2}。這些用戶端不需要的服務會沿用 Global 目前的值；之後對 Global 的變更不會套用到此站台。";
    change_turn_on: "Will change {0} of {1} from False to True.", "會將 {1} 的 {0} 從 False 變更為 True。";
    change_federation: "Will change AllowFederatedUsers from False to True, for the whole organisation.", "會將 AllowFederatedUsers 從 False 變更為 True，適用於整個組織。";
    stops_heading: "The script will stop before its first change", "指令碼會在第一項變更之前停止";
    stop_blocked: "{0} is on the blocked domain list.", "{0} 在封鎖的網域清單上。";
    stop_default_route: "The Access Edge uses default routing.", "Access Edge 使用預設路由。";
    stop_name_taken: "A hosting provider named {0} exists for {1}, and its ProxyFqdn cannot be changed. Check it with Get-CsHostingProvider; only if nothing uses it, remove it (Remove-CsHostingProvider -Identity {0}) and run the script again.", "已有名為 {0} 的裝載提供者指向 {1}，且其 ProxyFqdn 無法變更。請以 Get-CsHostingProvider 檢查；確定沒有任何項目使用它時，才移除它（Remove-CsHostingProvider -Identity {0}），然後重新執行指令碼。";
    stop_provider_missing: "The answers name hosting provider {0}, but none federates with {1}.", "答案指定了裝載提供者 {0}，但沒有任何裝載提供者與 {1} 同盟。";
    stop_no_site: "The topology has no site {0}.", "拓撲中沒有站台 {0}。";
    stop_cmdlets: "This shell lacks {0}.", "此命令介面缺少 {0}。";
    panel_summary: "Fill the answers from your deployment (optional)", "從您的部署填入答案（選用）";
    panel_intro: "Run the read-only discovery script in the Management Shell: it calls only Get- cmdlets and changes nothing. Then paste what it prints here, or drop the file you saved it to.", "在管理命令介面中執行唯讀的探查指令碼：它只呼叫 Get- Cmdlet，不會變更任何項目。然後將其輸出貼到這裡，或拖放您儲存的檔案。";
    panel_copy: "Copy the discovery script", "複製探查指令碼";
    panel_download: "Download {0}", "下載 {0}";
    panel_paste_label: "What the discovery script printed", "探查指令碼輸出的內容";
    panel_privacy: "The block stays in this browser, kept with your answers. It never goes into a share link.", "此區塊只保留在此瀏覽器中，與您的答案一起保存，絕不會放入分享連結。";
    panel_forget: "Forget the discovery output", "清除探查輸出";
    panel_read: "Read. The answers it gives are filled in; what it leaves open is listed below.", "已讀取。它提供的答案已填入；仍需回答的項目列於下方。";
    panel_forgotten: "Forgotten. The answers it filled stay as they are.", "已清除。它填入的答案維持不變。";
    panel_unreadable: "This file could not be read.", "無法讀取此檔案。";
    panel_no_worker: "This page cannot start the reader (opened from disk?). Use the hosted page, or lync-push-wizard --discovery FILE.", "此頁面無法啟動讀取器（是否從磁碟開啟？）。請使用網站上的頁面，或 lync-push-wizard --discovery FILE。";
}}
