# 為推播通知精靈讀取部署：唯讀
# 由 Lync Server 2013 推播通知精靈產生（規則 2026.12.07）。
#
# 唯讀：只呼叫 Get- Cmdlet 與 Get-Command（以及其自身區塊內的 Set-StrictMode -Off），不會變更任何項目。它不執行任何 Set-、New-、Remove- 或 Test-Cs Cmdlet（這些測試會進行同盟並寫入記錄），因此可以安全地在生產伺服器上執行。
# 它會讀取：Edge 集區、站台、Access Edge 設定、裝載提供者、push.lync.com 是否在允許與封鎖的網域清單上、各範圍的推播與行動功能設定、此命令介面有哪些推播 Cmdlet，以及複寫狀態摘要。
# 請在內部伺服器上的 Lync Server 或 商務用 Skype Server 管理命令介面中，以
#   RTCUniversalUserAdmins 或 RTCUniversalServerAdmins 成員身分執行（Microsoft 對這些
#   Get- Cmdlet 的說明頁面預設允許這兩個群組）。它適用於 Windows PowerShell 2.0（Lync Server 2010）到 5.1。命令介面缺少的部分，或此帳戶無權讀取的部分，會如實標示，其餘部分仍會讀取。
# 如果每個部分都標示為 absent，表示這不是管理命令介面：請從 [開始] 功能表啟動它，或先執行 Import-Module Lync（商務用 Skype Server：Import-Module SkypeForBusiness）。
# 它會輸出一個區塊，從「==== BEGIN LYNC-PUSH DISCOVERY v1 ====」這一行到其 END 行為止。請將區塊貼到精靈中，或將它存成檔案後交給命令列：
#   .\Get-LyncPushDeployment.zh-TW.ps1 > discovery.txt
#   lync-push-wizard --discovery discovery.txt
# 或將整個指令碼貼到管理命令介面中（貼上的內容不受執行原則限制）；如果主控台停在 >>，請再按一次 Enter。
# 此區塊包含內部 FQDN 與站台名稱：只在您願意分享拓撲的地方分享它。
# 每個值都以百分比編碼（與網址相同），每一行都不超過 72 個字元，END 行記載記錄數與檢查碼，因此複製時被截斷或變更的區塊都會被發現。
#
# 下載為 Get-LyncPushDeployment.zh-TW.ps1？Windows
#   會將它標示為來自網際網路，RemoteSigned 原則會拒絕執行，直到您解除封鎖：
#   PowerShell 3.0 及更新版本（Lync Server 2013）：Unblock-File -Path .\Get-LyncPushDeployment.zh-TW.ps1
#   PowerShell 2.0（Lync Server 2010）：在檔案總管中以滑鼠右鍵按一下檔案，按一下 [內容]，按一下 [解除封鎖]，然後按 [確定]。

# 此指令碼區塊讓 $ErrorActionPreference 與其變數不影響您的工作階段。
& {
    $ErrorActionPreference = 'Stop'
    # 工作階段中設定的 Strict 模式會讓讀取物件沒有的屬性（較舊物件上的
    #   RoutingMethod）成為錯誤；此區塊在讀取時不使用它。
    Set-StrictMode -Off
    # 值以百分比編碼：A-Z a-z 0-9 - . _ : @ 以外的位元組都會變成 %XX，因此任何值都無法打斷一行或一筆記錄。
    $encode = {
        param($value)
        $text = ''
        foreach ($byte in [System.Text.Encoding]::UTF8.GetBytes([string]$value)) {
            if (($byte -ge 45 -and $byte -le 46) -or ($byte -ge 48 -and $byte -le 58) -or ($byte -ge 64 -and $byte -le 90) -or $byte -eq 95 -or ($byte -ge 97 -and $byte -le 122)) {
                $text += [char]$byte
            }
            else {
                $text += '%' + $byte.ToString('X2')
            }
        }
        $text
    }
    $record = {
        param($tag, $values)
        $line = '~' + $tag
        foreach ($value in $values) {
            $line += '|' + (& $encode $value)
        }
        $line
    }
    # 每個部分：命令介面缺少其 Cmdlet 時為 absent，Cmdlet 失敗時為其錯誤，否則為其項目與項目數。
    $readPart = {
        param($part, $cmdlet, $read)
        try {
            if (@(Get-Command -Name $cmdlet -ErrorAction SilentlyContinue).Count -eq 0) {
                '~absent|' + $part
            }
            else {
                $items = @(& $read)
                $items
                '~ok|' + $part + '|' + $items.Count
            }
        }
        catch {
            $message = [string]$_.Exception.Message
            $at = $message.IndexOf('is set to Stop: ')
            if ($at -ge 0) {
                $message = $message.Substring($at + 16)
            }
            if ($message.Length -gt 200) {
                $message = $message.Substring(0, 200)
            }
            '~error|' + $part + '|' + (& $encode $message)
        }
    }
    $lines = @('~made|' + (& $encode '2026.12.07'))
    #
    # 此命令介面有哪些推播 Cmdlet：Get-Command 只查詢，不會執行其中任何一個。
    $lines += & $readPart 'cmdlet' 'Get-Command' {
        foreach ($name in @('Get-CsPushNotificationConfiguration', 'Set-CsPushNotificationConfiguration', 'New-CsPushNotificationConfiguration', 'Remove-CsPushNotificationConfiguration', 'Test-CsMcxPushNotification', 'Get-CsMcxConfiguration')) {
            & $record 'cmdlet' @($name, (@(Get-Command -Name $name -ErrorAction SilentlyContinue).Count -gt 0))
        }
    }
    #
    # Edge 集區：PoolFqdn（測試所需的內部 FQDN）、SiteId 與 Version，與 Microsoft 範例輸出所列相同。
    # 沒有任何 Microsoft 頁面說明 Version 的數字對應哪個產品，因此照原樣輸出。
    $lines += & $readPart 'edge' 'Get-CsService' {
        foreach ($item in @(Get-CsService -EdgeServer)) {
            & $record 'edge' @($item.PoolFqdn, $item.SiteId, $item.Version)
        }
    }
    #
    # 站台：Identity，即推播設定所用的站台名稱（site:<名稱>）；Set-CsSite 範例 3 以 Get-CsSite 的 $_.Identity 作為站台名稱。不讀取 DisplayName：它可能與名稱不同（Set-CsSite 範例 2）。
    $lines += & $readPart 'site' 'Get-CsSite' {
        foreach ($item in @(Get-CsSite)) {
            & $record 'site' (,$item.Identity)
        }
    }
    #
    # Access Edge：輸出型別的名稱與 RoutingMethod
    #   可判斷路由方式（Get-CsAccessEdgeConfiguration 的 OUTPUTS；列出 RoutingMethod 的
    #   Microsoft 範例來自 Lync Server 2013 及之後的頁面）。
    # EnablePartnerDiscovery 只從 DNS SRV 路由物件讀取，只有該物件有此屬性。
    $lines += & $readPart 'accessedge' 'Get-CsAccessEdgeConfiguration' {
        $accessEdge = Get-CsAccessEdgeConfiguration
        $type = $accessEdge.GetType().Name
        $method = [string]$accessEdge.RoutingMethod
        $partner = $null
        if ($type -like '*DnsSrvRouting' -or ($type -notlike '*DefaultRoute' -and $method -eq 'UseDnsSrvRouting')) {
            $partner = $accessEdge.EnablePartnerDiscovery
        }
        & $record 'accessedge' @($type, $method, $accessEdge.AllowFederatedUsers, $partner)
    }
    #
    # 裝載提供者：Identity、ProxyFqdn、Enabled、EnabledSharedAddressSpace、VerificationLevel。Get-CsHostingProvider
    #   的頁面沒有範例輸出：其範例使用 Enabled 與
    #   EnabledSharedAddressSpace，Identity、ProxyFqdn 與 VerificationLevel 以參數形式記載（Microsoft 的混合部署頁面讀取 $_.ProxyFqdn）。
    $lines += & $readPart 'provider' 'Get-CsHostingProvider' {
        foreach ($item in @(Get-CsHostingProvider)) {
            & $record 'provider' @($item.Identity, $item.ProxyFqdn, $item.Enabled, $item.EnabledSharedAddressSpace, $item.VerificationLevel)
        }
    }
    #
    # push.lync.com 是否在允許的網域清單上。
    $lines += & $readPart 'allowed' 'Get-CsAllowedDomain' {
        foreach ($item in @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })) {
            & $record 'allowed' (,$item.Domain)
        }
    }
    #
    # push.lync.com 是否在封鎖的網域清單上。
    $lines += & $readPart 'blocked' 'Get-CsBlockedDomain' {
        foreach ($item in @(Get-CsBlockedDomain | Where-Object { $_.Domain -eq "push.lync.com" })) {
            & $record 'blocked' (,$item.Domain)
        }
    }
    #
    # 各範圍的推播設定：Global 與每個站台。
    $lines += & $readPart 'push' 'Get-CsPushNotificationConfiguration' {
        foreach ($item in @(Get-CsPushNotificationConfiguration)) {
            & $record 'push' @($item.Identity, $item.EnableApplePushNotificationService, $item.EnableMicrosoftPushNotificationService)
        }
    }
    #
    # 各範圍的行動功能設定：推播傳送的目的 Proxy（PushNotificationProxyUri）。
    $lines += & $readPart 'mcx' 'Get-CsMcxConfiguration' {
        foreach ($item in @(Get-CsMcxConfiguration)) {
            & $record 'mcx' @($item.Identity, $item.PushNotificationProxyUri)
        }
    }
    #
    # 中央管理存放區複寫摘要：複本數，以及其中有多少為 UpToDate。
    $lines += & $readPart 'replication' 'Get-CsManagementStoreReplicationStatus' {
        $replicas = @(Get-CsManagementStoreReplicationStatus)
        $upToDate = @($replicas | Where-Object { $_.UpToDate })
        & $record 'replication' @($replicas.Count, $upToDate.Count)
    }
    #
    # 不讀取登錄器集區：沒有任何 Microsoft 頁面顯示登錄器的 Version，因此精靈會詢問集區的版本。
    #
    # 檢查碼：各筆記錄（每筆後接一個換行字元）的 Adler-32。
    $sumA = 1
    $sumB = 0
    foreach ($line in $lines) {
        foreach ($byte in [System.Text.Encoding]::UTF8.GetBytes($line + "`n")) {
            $sumA += $byte
            if ($sumA -ge 65521) {
                $sumA -= 65521
            }
            $sumB += $sumA
            if ($sumB -ge 65521) {
                $sumB -= 65521
            }
        }
    }
    '==== BEGIN LYNC-PUSH DISCOVERY v1 ===='
    foreach ($line in $lines) {
        $rest = $line
        while ($rest.Length -gt 72) {
            $rest.Substring(0, 72)
            $rest = $rest.Substring(72)
        }
        $rest
    }
    '==== END LYNC-PUSH DISCOVERY records=' + $lines.Count + ' check=' + $sumB.ToString('X4') + $sumA.ToString('X4') + ' ===='
}
