//! What only the page before the wasm shows (`render::page`, written by the release build): kept
//! out of the main table, which the wasm carries in both languages.

strings! { PageStrings, PAGE_EN, PAGE_ZH_TW {
    document_title: "Push notifications for Lync Server 2013: configuration wizard", "Lync Server 2013 推播通知：設定精靈";
    document_description: "Find out whether your Lync Server 2013 mobile users need push notifications (APNS, MPNS) and get the exact, re-runnable Lync Server Management Shell script, GUI steps and tests.", "判斷您的 Lync Server 2013 行動使用者是否需要推播通知（APNS、MPNS），並取得可重複執行的 Lync Server 管理命令介面指令碼、GUI 步驟與測試。";
    page_title: "Push notifications wizard", "推播通知精靈";
    page_eyebrow: "Lync Server 2013 mobility", "Lync Server 2013 行動功能";
    page_lede: "Answer five questions about your deployment. The wizard says whether your mobile users need push notifications, and writes the Management Shell script, the GUI steps and the tests. Your answers stay in this browser.", "請回答五個與您的部署相關的問題。精靈會判斷行動使用者是否需要推播通知，並產生管理命令介面指令碼、GUI 步驟與測試。您的答案只會保留在此瀏覽器中。";
    noscript: "This wizard needs JavaScript and WebAssembly to give the verdict and write the script; without them, only the questions below can be read. The command-line version, lync-push-wizard, gives the same script: its README says how to build and run it.", "此精靈需要 JavaScript 與 WebAssembly 才能判定並產生指令碼；沒有它們時，只能閱讀下方的問題。命令列版本 lync-push-wizard 會產生相同的指令碼，建置與執行方式請見其 README。";
    from_disk: "This page was opened from disk, where the browser refuses its script and styles. Open {0} instead: the whole wizard in one file, which works from disk.", "此頁面是從磁碟開啟的，瀏覽器會拒絕載入其指令碼與樣式。請改為開啟 {0}：整個精靈都在這一個檔案中，可直接從磁碟使用。";
    load_failed: "The wizard has not started: this browser or the network may be blocking its script or WebAssembly. Open {0} instead (the whole wizard in one file), or use the command-line version, lync-push-wizard.", "精靈尚未啟動：此瀏覽器或網路可能封鎖了它的指令碼或 WebAssembly。請改為開啟 {0}（整個精靈都在這一個檔案中），或使用命令列版本 lync-push-wizard。";
    load_waiting: "The wizard is still loading: it goes on to the next question as soon as it is ready.", "精靈仍在載入中，就緒後會立即前往下一個問題。";
    loading_saved: "Loading the answers saved in this browser…", "正在載入此瀏覽器中儲存的答案…";
    loading_link: "Opening the answers from the link…", "正在開啟連結中的答案…";
}}
