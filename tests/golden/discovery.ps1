# Read the deployment for the push-notification wizard: read-only
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07).
#
# Read-only: it calls only Get- cmdlets and Get-Command (and Set-StrictMode -Off, inside its own
#   block), and changes nothing. It runs no Set-, New-, Remove- or Test-Cs cmdlet (the tests
#   federate and write logs), so it is safe to run on a production server.
# It reads the Edge pools, the sites, the Access Edge settings, the hosting providers, push.lync.com
#   on the allowed and blocked lists, the push and mobility settings at every scope, which push
#   cmdlets the shell has, and the replication status in sum.
# Run it in the Lync Server or Skype for Business Server Management Shell on an internal server, as
#   a member of RTCUniversalUserAdmins or RTCUniversalServerAdmins (Microsoft's pages for these Get-
#   cmdlets allow them by default). It is written for Windows PowerShell 2.0 (Lync Server 2010) to
#   5.1. A part the shell lacks, or that this account may not read, is reported as such and the rest
#   is still read.
# If every part says absent, this is not the Management Shell: start it from the Start menu, or run
#   Import-Module Lync (Skype for Business Server: Import-Module SkypeForBusiness) first.
# It prints one block, from the line "==== BEGIN LYNC-PUSH DISCOVERY v1 ====" to its END line. Paste
#   the block into the wizard, or save it and give the file to the command line:
#   .\Get-LyncPushDeployment.ps1 > discovery.txt
#   lync-push-wizard --discovery discovery.txt
# Or paste the whole script into the Management Shell (the execution policy does not apply to a
#   paste); if the console waits at >>, press Enter once more.
# The block holds internal FQDNs and site names: share it only where you would share your topology.
# Every value is percent-encoded (as in web addresses), no line is longer than 72 characters, and
#   the END line counts the records and carries their check value, so a block cut short or changed
#   in copying is found.
#
# Downloaded as Get-LyncPushDeployment.ps1? Windows marks it as from the internet, and the
#   RemoteSigned policy refuses it until you unblock it:
#   PowerShell 3.0 and later (Lync Server 2013): Unblock-File -Path .\Get-LyncPushDeployment.ps1
#   PowerShell 2.0 (Lync Server 2010): right-click the file in Explorer, click Properties, click
#     Unblock, then OK.

# The script block keeps $ErrorActionPreference and its variables out of your session.
& {
    $ErrorActionPreference = 'Stop'
    # A strict mode set in your session would make reading a property an object lacks (RoutingMethod
    #   on older objects) an error; this block reads without it.
    Set-StrictMode -Off
    # Values are percent-encoded: a byte outside A-Z a-z 0-9 - . _ : @ becomes %XX, so no value can
    #   break a line or a record.
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
    # Each part: absent when the shell lacks its cmdlet, its error when the cmdlet fails, else its
    #   items and their count.
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
    # Which push cmdlets this shell has: Get-Command looks them up and runs none of them.
    $lines += & $readPart 'cmdlet' 'Get-Command' {
        foreach ($name in @('Get-CsPushNotificationConfiguration', 'Set-CsPushNotificationConfiguration', 'New-CsPushNotificationConfiguration', 'Remove-CsPushNotificationConfiguration', 'Test-CsMcxPushNotification', 'Get-CsMcxConfiguration')) {
            & $record 'cmdlet' @($name, (@(Get-Command -Name $name -ErrorAction SilentlyContinue).Count -gt 0))
        }
    }
    #
    # Edge pools: PoolFqdn (the internal FQDN the tests need), SiteId and Version, as Microsoft's
    #   sample output prints them.
    # No Microsoft page maps Version's numbers to products, so it is printed as it is.
    $lines += & $readPart 'edge' 'Get-CsService' {
        foreach ($item in @(Get-CsService -EdgeServer)) {
            & $record 'edge' @($item.PoolFqdn, $item.SiteId, $item.Version)
        }
    }
    #
    # Sites: Identity, the site's name that push settings take (site:<name>); Set-CsSite Example 3
    #   passes Get-CsSite's $_.Identity as a site's name. DisplayName is not read: it may differ
    #   from the name (Set-CsSite Example 2).
    $lines += & $readPart 'site' 'Get-CsSite' {
        foreach ($item in @(Get-CsSite)) {
            & $record 'site' (,$item.Identity)
        }
    }
    #
    # The Access Edge: the output type's name and RoutingMethod tell the routing
    #   (Get-CsAccessEdgeConfiguration, OUTPUTS; Microsoft's samples that print RoutingMethod are
    #   from Lync Server 2013 and later pages).
    # EnablePartnerDiscovery is read only from the DNS SRV routing object, the only one that has it.
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
    # Hosting providers: Identity, ProxyFqdn, Enabled, EnabledSharedAddressSpace, VerificationLevel.
    #   Get-CsHostingProvider's page has no sample output: Enabled and EnabledSharedAddressSpace are
    #   used in its examples, Identity, ProxyFqdn and VerificationLevel are documented as parameters
    #   (Microsoft's hybrid pages read $_.ProxyFqdn).
    $lines += & $readPart 'provider' 'Get-CsHostingProvider' {
        foreach ($item in @(Get-CsHostingProvider)) {
            & $record 'provider' @($item.Identity, $item.ProxyFqdn, $item.Enabled, $item.EnabledSharedAddressSpace, $item.VerificationLevel)
        }
    }
    #
    # push.lync.com on the allowed domain list.
    $lines += & $readPart 'allowed' 'Get-CsAllowedDomain' {
        foreach ($item in @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })) {
            & $record 'allowed' (,$item.Domain)
        }
    }
    #
    # push.lync.com on the blocked domain list.
    $lines += & $readPart 'blocked' 'Get-CsBlockedDomain' {
        foreach ($item in @(Get-CsBlockedDomain | Where-Object { $_.Domain -eq "push.lync.com" })) {
            & $record 'blocked' (,$item.Domain)
        }
    }
    #
    # Push settings at every scope: Global and each site's.
    $lines += & $readPart 'push' 'Get-CsPushNotificationConfiguration' {
        foreach ($item in @(Get-CsPushNotificationConfiguration)) {
            & $record 'push' @($item.Identity, $item.EnableApplePushNotificationService, $item.EnableMicrosoftPushNotificationService)
        }
    }
    #
    # Mobility settings at every scope: the push proxy they send to (PushNotificationProxyUri).
    $lines += & $readPart 'mcx' 'Get-CsMcxConfiguration' {
        foreach ($item in @(Get-CsMcxConfiguration)) {
            & $record 'mcx' @($item.Identity, $item.PushNotificationProxyUri)
        }
    }
    #
    # Central Management Store replication, in sum: the replicas, and how many are UpToDate.
    $lines += & $readPart 'replication' 'Get-CsManagementStoreReplicationStatus' {
        $replicas = @(Get-CsManagementStoreReplicationStatus)
        $upToDate = @($replicas | Where-Object { $_.UpToDate })
        & $record 'replication' @($replicas.Count, $upToDate.Count)
    }
    #
    # Registrar pools are not read: no Microsoft page shows a Registrar's Version, so the wizard
    #   asks for the pool's version.
    #
    # The check value: Adler-32 of the records, each followed by a line feed.
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
