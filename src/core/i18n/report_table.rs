//! What the wizard says about a run's pasted output (`core::run_report`): why it cannot be read,
//! what each step did, what the exit code means, and what to do next. The glossary is table.rs's;
//! one term is added here:
//!
//! | English | zh-TW | note |
//! |---|---|---|
//! | run report | 執行報告 | |
//! | mark (of a run) | 標記 | |
//! | transcript | 文字記錄 | Start-Transcript's file |

strings! { ReportStrings, REPORT_EN, REPORT_ZH_TW {
    problem_too_large: "The text is {0} bytes; a run's output is read from at most {1}. Paste one run's output, or its part of the transcript.", "貼上的文字有 {0} 位元組；執行輸出最多只讀取 {1} 位元組。請只貼上一次執行的輸出，或文字記錄中屬於該次執行的部分。";
    problem_no_run: "No run found: this output has no marks of the configuration script or the rollback (the grey lines that start with ~push). Paste what the script printed, from its first line to its last, or its transcript.", "找不到執行記錄：此輸出中沒有設定指令碼或復原指令碼的標記（以 ~push 開頭的灰色行）。請貼上指令碼輸出的內容，從第一行到最後一行，或其文字記錄。";
    problem_no_begin: "Line {0}: marks, but not the run's first one: the paste starts after the script began. Copy it again from the script's first line.", "第 {0} 行：有標記，但沒有執行的第一個標記：貼上的內容是從指令碼開始之後才開始的。請從指令碼的第一行重新複製。";
    problem_version: "Line {0}: marks of format version {1}; this wizard reads version {2}. Read it with the wizard that wrote the script.", "第 {0} 行：標記的格式版本為 {1}；本精靈讀取版本 {2}。請用產生該指令碼的精靈版本讀取。";
    problem_unclosed: "Line {0}: a mark that never ends: the output was cut short or edited here. Copy it again as the shell printed it.", "第 {0} 行：標記沒有結尾：輸出在此被截斷或編輯過。請依命令介面的輸出重新複製。";
    problem_characters: "Line {0}: characters a mark never holds (markup, or text an editor added). Paste the output as the shell printed it.", "第 {0} 行：含有標記不會有的字元（標記語言，或編輯器加入的文字）。請貼上命令介面輸出的原始內容。";
    problem_encoding: "Line {0}: a value is not encoded as the script encodes it.", "第 {0} 行：有一個值的編碼方式與指令碼的編碼不同。";
    problem_mark: "Line {0}: \"{1}\" is not a mark of this format, or has the wrong number of fields.", "第 {0} 行：「{1}」不是此格式的標記，或欄位數目不對。";
    problem_order: "Line {0}: a mark out of its place: the output was edited or pieced together.", "第 {0} 行：標記的位置不對：輸出曾被編輯或拼湊。";
    problem_count: "Line {0}: the last mark counts {1} marks before it, but the run holds {2}: lines were lost or added.", "第 {0} 行：最後一個標記記載前面有 {1} 個標記，但此次執行中有 {2} 個：有些行遺失或被加入。";
    problem_check: "Line {0}: the check value does not match the marks: a line was changed or lost in copying. Copy the output again.", "第 {0} 行：檢查碼與標記不符：複製時有一行被變更或遺失。請重新複製輸出。";
    problem_value: "Line {0}: \"{1}\" is not a value the script writes here.", "第 {0} 行：「{1}」不是指令碼在此處會寫入的值。";
    title_configure: "Run report: the configuration script", "執行報告：設定指令碼";
    title_rollback: "Run report: the rollback", "執行報告：復原指令碼";
    title_rollback_force: "Run report: the rollback, run with -Force", "執行報告：復原指令碼（以 -Force 執行）";
    exit_configure_0: "Exit code 0: every step is done and the tests passed.", "結束代碼 0：每個步驟都已完成，測試也都通過。";
    exit_configure_1: "Exit code 1: it stopped; the steps after it did not run.", "結束代碼 1：指令碼已停止；之後的步驟沒有執行。";
    exit_configure_2: "Exit code 2: every step is done, but a test did not pass.", "結束代碼 2：每個步驟都已完成，但有測試未通過。";
    exit_rollback_0: "Exit code 0: finished. The undo record was renamed, so running the rollback again changes nothing.", "結束代碼 0：已完成。復原記錄已重新命名，因此再次執行復原指令碼不會變更任何項目。";
    exit_rollback_1: "Exit code 1: it stopped, or found no undo record. The record is kept.", "結束代碼 1：指令碼已停止，或找不到復原記錄。記錄會保留。";
    exit_rollback_3: "Exit code 3: finished, except what needs -Force. The undo record is kept.", "結束代碼 3：已完成，但需要 -Force 的項目除外。復原記錄會保留。";
    exit_unfinished: "No exit code: the output ends before the script's last mark. The run was interrupted, or the output was cut short.", "沒有結束代碼：輸出在指令碼的最後一個標記之前就結束了。執行被中斷，或輸出被截斷。";
    made_by: "Written by wizard rules {0} for the answers #{1}.", "由精靈規則 {0} 依答案 #{1} 產生。";
    same_answers: "They match the answers open in the wizard.", "與精靈中目前開啟的答案相同。";
    other_answers: "They are not the answers open in the wizard: this output is of another script. Its steps are named as its answers make them.", "與精靈中目前開啟的答案不同：此輸出屬於另一個指令碼。其步驟名稱依該指令碼的答案而定。";
    restore_answers: "Use this run's answers", "改用此次執行的答案";
    other_rules: "This wizard is rules {0}; the run's marks are read the same way, and its steps named as this version names them.", "本精靈為規則 {0}；此次執行的標記讀法相同，步驟名稱則依本版本而定。";
    earlier_runs: "The text holds {0} earlier run(s): this report is of the last one.", "文字中還有 {0} 次較早的執行：此報告只針對最後一次。";
    preflight: "Pre-flight checks", "事前檢查";
    heading: "{0}: {1}", "{0}：{1}";
    list_separator: ", ", "、";
    step_label: "Step {0}", "步驟 {0}";
    undo_label: "Undo step {0}", "復原步驟 {0}";
    outcome_passed: "Passed", "通過";
    outcome_changed: "Changed", "已變更";
    outcome_already: "Already so: nothing to change", "已符合，不需變更";
    outcome_undone: "Undone", "已復原";
    outcome_already_undone: "Already undone, or gone", "已復原或已不存在";
    outcome_not_changed: "The configuration script did not change it: it stays", "設定指令碼未變更此項目：維持原狀";
    outcome_nothing_to_undo: "Nothing to undo: the existing hosting provider was never changed", "沒有需要復原的項目：現有的裝載提供者從未被變更";
    outcome_by_hand: "Done by hand: undo it by hand, as the script says", "此步驟以手動完成：請依指令碼的說明手動復原";
    outcome_left: "Left as it is", "維持原狀";
    outcome_test_passed: "Passed", "通過";
    outcome_test_failed: "Did not pass", "未通過";
    outcome_test_uncounted: "Did not pass (not counted)", "未通過（不計入）";
    outcome_stopped: "Stopped here", "在此停止";
    outcome_not_run: "Not run: the script stopped before it", "未執行：指令碼在此之前已停止";
    outcome_not_reached: "Not in the output: it ends before this step", "輸出中沒有：輸出在此步驟之前就結束了";
    item_provider: "hosting provider {0}", "裝載提供者 {0}";
    item_allowed: "allowed domain {0}", "允許的網域 {0}";
    item_push: "push settings {0}", "推播設定 {0}";
    item_accessedge: "Access Edge settings ({0})", "Access Edge 設定（{0}）";
    event_created: "Created {0}.", "已建立{0}。";
    event_set: "Set {1} of {0} from {2} to {3}.", "已將{0} 的 {1} 從 {2} 設為 {3}。";
    event_removed: "Removed {0}.", "已移除{0}。";
    event_left_force: "Left as it is: {0} has been changed since the configuration script made it. Only -Force removes it.", "維持原狀：{0} 在設定指令碼建立之後曾被變更。只有 -Force 才會移除。";
    event_left_federation: "Left as it is: AllowFederatedUsers stays True. Turning it off ends federation with every partner for the whole organisation; only -Force does it.", "維持原狀：AllowFederatedUsers 仍為 True。關閉它會結束整個組織與所有同盟夥伴的同盟；只有 -Force 才會這麼做。";
    event_left_never: "Left as it is, even with -Force: {0}. It has been changed since, or a hybrid deployment uses it.", "維持原狀（即使使用 -Force）：{0}。此項目之後曾被變更，或有混合式部署正在使用。";
    event_stop: "Stopped: {0}", "已停止：{0}";
    replication_label: "Before the tests: replication", "測試之前：複寫";
    replication_done: "Up to date", "已是最新狀態";
    replication_late: "Not up to date after the wait", "等候後仍未完成";
    replication_unread: "Not read", "無法讀取";
    event_replication_seen: "{0} of {1} replicas were up to date when the tests began.", "測試開始時，{1} 個複本中有 {0} 個是最新狀態。";
    event_replication_unread: "The status could not be read ({0}).", "無法讀取狀態（{0}）。";
    event_test_result: "Result: {0}", "Result：{0}";
    event_test_error: "Error: {0}", "Error：{0}";
    event_test_diagnosis: "Diagnosis: {0}", "Diagnosis：{0}";
    event_test_threw: "The test threw: {0}", "測試擲回錯誤：{0}";
    event_test_not_counted: "Not counted: this test's precondition is unmet on this route (see the warning).", "不計入：在此路徑上，此測試的前提條件不成立（請見警告）。";
    warning_provider_other_identity: "Warning: the hosting provider for sipfed.online.lync.com is {0}, not the one answered; it serves push all the same.", "警告：sipfed.online.lync.com 的裝載提供者是 {0}，不是您回答的那一個；它一樣可以處理推播。";
    warning_provider_disabled: "Warning: hosting provider {0} is disabled, and push needs it enabled. The script left it as it is.", "警告：裝載提供者 {0} 已停用，但推播需要將它啟用。指令碼未變更它。";
    warning_routing_unknown: "Warning: the Access Edge's routing could not be told ({0}). Hosting-provider federation needs DNS SRV routing.", "警告：無法判斷 Access Edge 的路由（{0}）。裝載提供者同盟需要 DNS SRV 路由。";
    warning_edge_fqdn: "Warning: the internal Access Edge FQDN answered, {0}, is not the FQDN of an Edge pool. The tests need the internal FQDN.", "警告：您回答的內部 Access Edge FQDN {0} 不是任何 Edge 集區的 FQDN。測試需要內部 FQDN。";
    warning_site_overrides: "Warning: {0} overrides the global settings and keeps a needed service off: users of that site get no push.", "警告：{0} 會覆寫全域設定，並讓需要的服務維持關閉：該站台的使用者收不到推播。";
    warning_test_not_counted: "Warning: {0} needs push.lync.com on the allowed domains, which this route does not add: its failure is not counted.", "警告：{0} 需要 push.lync.com 在允許的網域上，但此路徑不會加入它：其失敗不計入。";
    warning_earlier_record: "Warning: the record also holds push settings of {0} from an earlier version of the script, which are not undone.", "警告：記錄中還有較早版本指令碼留下的 {0} 推播設定，這些不會被復原。";
    next_heading: "What to do next", "下一步";
    next_done: "Done. The tests show the path to the clearing house, not delivery: send an IM to a test device whose app is in the background. Users get push only where their external access policy allows federation (EnableFederationAccess; the run prints each policy).", "完成。測試只證明通往清算中心的路徑，而非送達：請傳送 IM 給應用程式在背景執行的測試裝置。只有外部存取原則允許同盟（EnableFederationAccess；執行輸出會列出每個原則）的使用者才會收到推播。";
    next_fix: "Fix what it stopped on in step {0}, then run the script again: finished steps are skipped.", "請修正步驟 {0} 中造成停止的原因，然後再次執行指令碼：已完成的步驟會略過。";
    next_fix_preflight: "Fix what the pre-flight stopped on, then run the script again. Nothing was changed.", "請修正事前檢查中造成停止的原因，然後再次執行指令碼。沒有任何項目被變更。";
    next_fix_rollback: "Fix what it stopped on, then run the rollback again: what is already undone is skipped.", "請修正造成停止的原因，然後再次執行復原指令碼：已復原的項目會略過。";
    next_wait: "Replication had not reached every replica when the tests ran, and tests fail (504) until it has. Wait until Get-CsManagementStoreReplicationStatus shows every replica UpToDate, then run the tests again:", "測試執行時，複寫尚未到達每個複本，而在完成之前測試會失敗（504）。請等到 Get-CsManagementStoreReplicationStatus 顯示每個複本都是 UpToDate，然後再次執行測試：";
    next_troubleshoot: "Replication had reached every replica, so the failure is not only early. Work through the troubleshooting under each failed test, then run the tests again:", "複寫已到達每個複本，因此失敗不只是時間太早。請依每個未通過測試下方的疑難排解處理，然後再次執行測試：";
    next_or_rollback: "If you decide to undo the changes instead, run the rollback from the same folder: .\\{0}", "如果您決定改為復原變更，請從同一個資料夾執行復原指令碼：.\\{0}";
    next_undone: "Undone: everything the record holds that was not changed since is back as it was.", "已復原：記錄中自那之後未被變更的項目都已恢復原狀。";
    next_force: "Only -Force undoes what is left, and it undoes all of it at once: {0}. Where the Access Edge settings are listed, that turns federation off for the whole organisation, not only for push. Run the rollback again with -Force only if you mean all of that:", "只有 -Force 會復原剩下的項目，而且會一次全部復原：{0}。若清單中有 Access Edge 設定，這會關閉整個組織的同盟，而不只是推播。只有在您確定要全部復原時，才以 -Force 再次執行復原指令碼：";
    next_by_hand: "Or undo one item by hand instead, after checking it: Remove-CsHostingProvider -Identity <name>, Remove-CsAllowedDomain -Identity push.lync.com.", "或者，在檢查之後以手動方式只復原單一項目：Remove-CsHostingProvider -Identity <名稱>、Remove-CsAllowedDomain -Identity push.lync.com。";
    next_undo_done_steps: "What the finished steps changed is in place; the rollback beside the script undoes it: .\\{0}", "已完成步驟所做的變更仍然有效；指令碼旁的復原指令碼可以復原它們：.\\{0}";
    next_wait_troubles: "If they still fail once every replica is up to date, see the troubleshooting of each test in the plan.", "如果在每個複本都是最新狀態後測試仍然失敗，請參閱計畫中各測試的疑難排解。";
    next_unfinished: "Copy the output again, down to the script's last line. If the run was interrupted, run the script again: it is safe to, and finished steps are skipped.", "請重新複製輸出，一直到指令碼的最後一行。如果執行被中斷，請再次執行指令碼：這樣做是安全的，已完成的步驟會略過。";
    trouble_heading: "Troubleshooting", "疑難排解";
    panel_summary: "After the run: read what the script printed", "執行之後：讀取指令碼的輸出";
    panel_intro: "Paste the output of the configuration script or the rollback, or open its transcript (Start-Transcript). The wizard reads the grey ~push lines and says what each step did, what the exit code means and what to do next. It runs in this page; nothing is sent anywhere.", "貼上設定指令碼或復原指令碼的輸出，或開啟其文字記錄（Start-Transcript）。精靈會讀取以 ~push 開頭的灰色行，說明每個步驟做了什麼、結束代碼的意義，以及下一步該怎麼做。一切都在此頁面中進行，不會傳送到任何地方。";
    panel_paste_label: "The run's output", "執行輸出";
    panel_print: "Print the report", "列印報告";
    panel_unreadable: "This file could not be read. Save the output as text, or paste it.", "無法讀取此檔案。請將輸出另存為文字，或直接貼上。";
    panel_export: "Download the report with the runbook (Markdown)", "下載報告與執行手冊（Markdown）";
    panel_no_worker: "Opened from disk, this page cannot read a run's output. Open the hosted page, or run: lync-push-wizard --report FILE", "從磁碟開啟時，此頁面無法讀取執行輸出。請開啟網站上的頁面，或執行：lync-push-wizard --report FILE";
    trouble_check: "Check: {0}", "檢查：{0}";
    sentence_separator: " ", "";
}}
