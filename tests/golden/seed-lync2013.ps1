# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard (rules 2026.12.07), based on
# Microsoft's article "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15)), checked 2026-12-07.
#
# Answers
#   Edge Server:               Lync Server 2013 (lync2013)
#   Pool version:              Lync Server 2013 (lync2013), assumed: not given
#   Mobile clients:            ios-lync2010, wp-lync2013
#   Internal Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider:          none yet for sipfed.online.lync.com
#   Push settings:             global
#   Share link:                #edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com
#
# Verdict: Configure push notifications (APNS and MPNS) through hosting-provider federation with
#   Lync Online.
# Follow the steps in order; the script is safe to run more than once.
#
# Status in 2026:
# - Lync Server 2013 reached the end of extended support on 11 April 2023. (Source: Microsoft Lync
#   Server 2013 - Microsoft Lifecycle,
#   https://learn.microsoft.com/en-us/lifecycle/products/microsoft-lync-server-2013)
# - Microsoft has deprecated the Microsoft Push Notification Service (MPNS) and no longer supports
#   it: do not count on push notifications reaching Windows Phone. The push test at the end proves
#   only that requests reach the clearing house: an IM to a test Windows Phone whose app is in the
#   background shows delivery. (Source: Send an MPNS native notification - Notification Hubs REST
#   API, https://learn.microsoft.com/en-us/rest/api/notificationhubs/send-mpns-native-notification)
# - No Microsoft statement confirms that the Push Notification Service (push.lync.com, through
#   sipfed.online.lync.com) still relays notifications for on-premises servers: Microsoft announced
#   that it would decommission the Skype for Business Online infrastructure on or after 30 June
#   2022. The tests at the end prove only that requests reach it through the Edge: an IM to a test
#   device whose app is in the background shows delivery. (Source: Skype for Business Online
#   retirement,
#   https://learn.microsoft.com/en-us/microsoftteams/skype-for-business-online-retirement)
#
# Run in the Lync Server Management Shell of Lync Server 2010 or 2013,
# on an internal server with Ocscore installed (not on the Edge Server).
# Steps 1-2 need RtcUniversalServerAdmins; steps 3-6 need CsAdministrator.
# Before any change it checks that the shell has every cmdlet it uses, that nothing blocks a step,
#   and that it can write its undo record; if a check fails, it stops having changed nothing.
# Safe to run more than once: each change is made only when a check shows it is needed.
# It stops at the first error; on the next run, finished steps are skipped.
# Outcome, in $LASTEXITCODE: 0 all done and the tests passed; 2 all done, but a test did not pass; 1
#   stopped.
# It prints grey ~push lines beside its own words: they change nothing, and let the wizard read the
#   run back. To keep the run in a file: Start-Transcript -Path .\push-run.txt;
#   .\Enable-LyncPushNotifications.ps1; Stop-Transcript. Paste the output or that file into the
#   wizard ("After the run"), or: lync-push-wizard --report push-run.txt
#
# Downloaded as Enable-LyncPushNotifications.ps1? Windows marks it as from the internet, and the
#   RemoteSigned policy refuses it until you unblock it:
#   PowerShell 3.0 and later (Lync Server 2013): Unblock-File -Path .\Enable-LyncPushNotifications.ps1
#   PowerShell 2.0 (Lync Server 2010): right-click the file in Explorer, click Properties, click
#     Unblock, then OK.

# The script block keeps $ErrorActionPreference and its variables out of your session.
& {
    param($scriptPath)
    $ErrorActionPreference = 'Stop'
    $global:LASTEXITCODE = 1
    $recordFolder = (Get-Location).Path
    if ($scriptPath) {
        $recordFolder = Split-Path -Parent $scriptPath
    }
    $recordPath = Join-Path $recordFolder 'LyncPushNotifications.undo.xml'
    # Marks for the wizard's run report: the grey ~push lines. They change nothing; a mark that
    #   fails is left out (the last mark's count shows the gap), and never stops the script.
    # Values are percent-encoded ([System.Uri]::EscapeDataString, each value at most 1000
    #   characters), no line is longer than 72 characters, and the last mark counts the marks before
    #   it and carries a check value: Adler-32-style sums, a mark at a time, of each mark's bytes.
    $marks = @{ n = 0; a = 1; b = 0 }
    $mark = {
        param($values)
        try {
            $line = '~push1'
            foreach ($value in $values) {
                $text = [string]$value
                if ($text.Length -gt 1000) {
                    $text = $text.Substring(0, 1000)
                }
                $line += '|' + [System.Uri]::EscapeDataString($text).Replace('~', '%7E')
            }
            $line += '~'
            $sum = [int]([System.Text.Encoding]::UTF8.GetBytes($line + "`n") | Measure-Object -Sum).Sum
            while ($line.Length -gt 72) {
                Write-Host $line.Substring(0, 71) -ForegroundColor DarkGray
                $line = $line.Substring(71)
            }
            Write-Host $line -ForegroundColor DarkGray
            $marks['a'] = $marks['a'] + $sum
            while ($marks['a'] -ge 65521) {
                $marks['a'] = $marks['a'] - 65521
            }
            $marks['b'] = $marks['b'] + $marks['a']
            while ($marks['b'] -ge 65521) {
                $marks['b'] = $marks['b'] - 65521
            }
            $marks['n'] = $marks['n'] + 1
        }
        catch {
            # Left out: the run goes on as it would without marks.
        }
    }
    & $mark @('begin', 'configure', '2026.12.07', 'edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com', $false)
    try {
        # Pre-flight: nothing is changed until every check here has passed.
        Write-Host 'Pre-flight checks (nothing is changed until they pass)'
        $cmdlets = @('Get-CsHostingProvider', 'Get-CsAllowedDomain', 'Get-CsBlockedDomain', 'Get-CsAccessEdgeConfiguration', 'Get-CsService', 'New-CsHostingProvider', 'New-CsAllowedDomain', 'Get-CsPushNotificationConfiguration', 'Set-CsPushNotificationConfiguration', 'Get-CsExternalAccessPolicy', 'Set-CsAccessEdgeConfiguration', 'Get-CsManagementStoreReplicationStatus', 'Test-CsFederatedPartner', 'Test-CsMcxPushNotification')
        $missing = @()
        foreach ($name in $cmdlets) {
            if (-not (Get-Command -Name $name -ErrorAction SilentlyContinue)) {
                $missing += $name
            }
        }
        if ($missing.Count -eq $cmdlets.Count) {
            throw 'The Lync Server cmdlets are missing: this is not the Lync Server Management Shell. Start it from the Start menu (or run Import-Module Lync first), then run this again. Nothing was changed.'
        }
        if ($missing.Count -gt 0) {
            $why = ' Run this in the Lync Server Management Shell of a Lync Server deployment that has them.'
            if (@($missing | Where-Object { @('Get-CsPushNotificationConfiguration', 'Set-CsPushNotificationConfiguration', 'Test-CsMcxPushNotification') -contains $_ }).Count -gt 0) {
                $why = ' The push cmdlets came with the November 2011 cumulative update for Lync Server 2010: install that update, or a later one, on this Lync Server 2010 deployment.'
            }
            throw ('This shell lacks ' + ($missing -join ', ') + '.' + $why + ' Nothing was changed.')
        }
        Write-Host ('  OK: the ' + $cmdlets.Count + ' Lync Server cmdlets this script uses are all here.')
        $provider = @(Get-CsHostingProvider | Where-Object { $_.ProxyFqdn -eq "sipfed.online.lync.com" })
        if ($provider.Count -eq 0) {
            $sameName = @(Get-CsHostingProvider | Where-Object { [string]$_.Identity -eq "LyncOnline" })
            if ($sameName.Count -gt 0) {
                throw 'A hosting provider named LyncOnline exists with another ProxyFqdn, which cannot be changed. Check it with Get-CsHostingProvider before adding the Lync Online provider. Nothing was changed.'
            }
        }
        $allowed = @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
        if ($allowed.Count -eq 0) {
            # New-CsAllowedDomain fails for a domain on the blocked list, so say why first.
            $blocked = @(Get-CsBlockedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
            if ($blocked.Count -gt 0) {
                throw 'push.lync.com is on the blocked domain list, so it cannot be allowed. If your policy permits, remove it from that list, then run the script again. Nothing was changed.'
            }
        }
        $accessEdge = Get-CsAccessEdgeConfiguration
        $routing = $accessEdge.GetType().Name
        if ($routing -notlike '*DnsSrvRouting' -and $routing -notlike '*DefaultRoute') {
            $routing = [string]$accessEdge.RoutingMethod
        }
        if ($routing -like '*Default*') {
            throw ('The Access Edge uses default routing (' + $routing + '). Hosting-provider federation, and so push, does not work with default routing. Switching to DNS SRV routing (Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $False; $True also federates with domains not on the allowed list) changes federated routing for the whole organisation: decide that first, then run this again. Nothing was changed.')
        }
        if ($routing -notlike '*DnsSrvRouting') {
            Write-Warning 'Neither the type nor RoutingMethod of Get-CsAccessEdgeConfiguration tells the routing. Hosting-provider federation needs DNS SRV routing: check it before the tests.'
            & $mark @('warning', 'routing-unknown', $routing)
        }
        $edgePools = @(Get-CsService -EdgeServer | ForEach-Object { [string]$_.PoolFqdn })
        if ($edgePools -notcontains 'accessproxy.contoso.com') {
            Write-Warning ('The internal Access Edge FQDN answered, accessproxy.contoso.com, is not the FQDN of an Edge pool (' + ($edgePools -join ', ') + '). The tests need the internal FQDN: check the answer (an Edge Server''s own internal FQDN is fine).')
            & $mark @('warning', 'edge-fqdn-not-a-pool', 'accessproxy.contoso.com')
        }
        # The undo record: values from before the first change, and what this script created.
        # The rollback script reads it. A second run adds to it and keeps the earlier values.
        $record = @{}
        if ($recordPath.Contains('[') -or $recordPath.Contains(']') -or $recordPath.Contains('`')) {
            throw ('PowerShell 2.0 cannot write the undo record in ' + $recordFolder + ' ([, ] and ` are wildcards to -Path). Use a folder without them. Nothing was changed.')
        }
        if (Test-Path -LiteralPath $recordPath) {
            $record = Import-Clixml -Path $recordPath
            Write-Host ('  Adding to the undo record ' + $recordPath + '; values from before the first run are kept.')
        }
        if (-not $record.ContainsKey('PushSettings')) {
            $record['PushSettings'] = @{}
        }
        try {
            $record | Export-Clixml -Path $recordPath
        }
        catch {
            throw ('The undo record cannot be written to ' + $recordPath + ' (' + $_.Exception.Message + '). Run the script from a folder you can write to. Nothing was changed.')
        }
        Write-Host ('  OK: nothing blocks the changes, and the undo record is ' + $recordPath)
        $changeStart = $null
        #
        # Step 1 of 6: Add the Lync Online hosting provider (sipfed.online.lync.com)
        # Why: Your Edge Server reaches the Push Notification Service through hosting-provider
        #   federation with Lync Online (sipfed.online.lync.com). Only one hosting provider may
        #   federate with it, so the script adds LyncOnline only if none does yet.
        # Needs: RtcUniversalServerAdmins. Source: "To configure for push notifications with Lync
        #   Server 2013 or Lync Server 2010 Edge Server".
        Write-Host 'Step 1 of 6: Add the Lync Online hosting provider (sipfed.online.lync.com)'
        & $mark @('step', 1)
        if ($provider.Count -gt 0) {
            Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with sipfed.online.lync.com, and only one may.')
            if (-not $provider[0].Enabled) {
                Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled, and push needs it enabled. This script leaves it as it is; to enable it, run: Set-CsHostingProvider -Identity ''' + $provider[0].Identity + ''' -Enabled $True')
                & $mark @('warning', 'provider-disabled', $provider[0].Identity)
            }
        }
        else {
            $record['CreatedHostingProvider'] = "LyncOnline"
            if (-not $changeStart) {
                $changeStart = Get-Date
                $record['ChangeStart'] = $changeStart
            }
            $record | Export-Clixml -Path $recordPath
            New-CsHostingProvider -Identity "LyncOnline" -Enabled $True -ProxyFqdn "sipfed.online.lync.com" -VerificationLevel UseSourceVerification -EnabledSharedAddressSpace $False -HostsOCSUsers $False
            Write-Host '  Done: added hosting provider LyncOnline for sipfed.online.lync.com.'
            & $mark @('created', 'provider', 'LyncOnline')
        }
        #
        # Step 2 of 6: Allow federation with push.lync.com
        # Why: push.lync.com is the Office 365 domain of the Push Notification Service, so your Edge
        #   Server must be allowed to federate with it.
        # Needs: RtcUniversalServerAdmins. Source: "To configure for push notifications with Lync
        #   Server 2013 or Lync Server 2010 Edge Server".
        Write-Host 'Step 2 of 6: Allow federation with push.lync.com'
        & $mark @('step', 2)
        if ($allowed.Count -gt 0) {
            Write-Host '  Skipped: push.lync.com is already an allowed domain.'
        }
        else {
            $record['CreatedAllowedDomain'] = "push.lync.com"
            if (-not $changeStart) {
                $changeStart = Get-Date
                $record['ChangeStart'] = $changeStart
            }
            $record | Export-Clixml -Path $recordPath
            New-CsAllowedDomain -Identity "push.lync.com"
            Write-Host '  Done: added push.lync.com to the allowed domains.'
            & $mark @('created', 'allowed', 'push.lync.com')
        }
        #
        # Step 3 of 6: Turn on push notifications (APNS and MPNS, global)
        # Why: Push notifications are off by default. This turns on Apple (APNS) and Windows Phone
        #   (MPNS) push in the global settings; a service your clients do not need is left as it is.
        # Needs: CsAdministrator. Source: "To enable push notifications".
        Write-Host 'Step 3 of 6: Turn on push notifications (APNS and MPNS, global)'
        & $mark @('step', 3)
        $push = Get-CsPushNotificationConfiguration -Identity Global
        if ($push.EnableApplePushNotificationService -and $push.EnableMicrosoftPushNotificationService) {
            Write-Host '  Skipped: already on in the global settings.'
        }
        else {
            if (-not $record['PushSettings'].ContainsKey('Global')) {
                $record['PushSettings']['Global'] = @{ Existed = $true; AppleBefore = [bool]$push.EnableApplePushNotificationService; MicrosoftBefore = [bool]$push.EnableMicrosoftPushNotificationService; AppleSet = $null; MicrosoftSet = $null }
            }
            if (-not $push.EnableApplePushNotificationService) {
                $record['PushSettings']['Global']['AppleSet'] = $true
            }
            if (-not $push.EnableMicrosoftPushNotificationService) {
                $record['PushSettings']['Global']['MicrosoftSet'] = $true
            }
            if (-not $changeStart) {
                $changeStart = Get-Date
                $record['ChangeStart'] = $changeStart
            }
            $record | Export-Clixml -Path $recordPath
            Set-CsPushNotificationConfiguration -EnableApplePushNotificationService $True -EnableMicrosoftPushNotificationService $True
            Write-Host '  Done: turned on in the global settings.'
            if (-not $push.EnableApplePushNotificationService) {
                & $mark @('set', 'push', 'Global', 'EnableApplePushNotificationService', [bool]$push.EnableApplePushNotificationService, $true)
            }
            if (-not $push.EnableMicrosoftPushNotificationService) {
                & $mark @('set', 'push', 'Global', 'EnableMicrosoftPushNotificationService', [bool]$push.EnableMicrosoftPushNotificationService, $true)
            }
        }
        # Site settings override the global ones for that site (Microsoft's help for
        #   New-CsPushNotificationConfiguration).
        foreach ($site in @(Get-CsPushNotificationConfiguration -Filter "site:*")) {
            if (-not ($site.EnableApplePushNotificationService -and $site.EnableMicrosoftPushNotificationService)) {
                Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')
                & $mark @('warning', 'site-overrides-global', $site.Identity)
            }
        }
        #
        # Step 4 of 6: Enable federation on the Access Edge
        # Why: Push travels as federated traffic, so the Access Edge must allow federated users. It
        #   reaches only users whose external access policy allows federation
        #   (EnableFederationAccess). This is organisation-wide: every internal user can then talk
        #   to users of every allowed domain, and of any domain while partner discovery
        #   (EnablePartnerDiscovery) is on; the script shows that setting before the change. Before
        #   any change, the script checks that the Access Edge uses DNS SRV routing, which
        #   hosting-provider federation needs, and stops if it does not.
        # Needs: CsAdministrator. Source: "To enable push notifications".
        Write-Host 'Step 4 of 6: Enable federation on the Access Edge'
        & $mark @('step', 4)
        $accessEdge = Get-CsAccessEdgeConfiguration
        $routing = $accessEdge.GetType().Name
        if ($routing -notlike '*DnsSrvRouting' -and $routing -notlike '*DefaultRoute') {
            $routing = [string]$accessEdge.RoutingMethod
        }
        if ($routing -like '*DnsSrvRouting') {
            Write-Host ('  Partner discovery (EnablePartnerDiscovery): ' + $accessEdge.EnablePartnerDiscovery)
        }
        foreach ($policy in @(Get-CsExternalAccessPolicy)) {
            Write-Host ('  External access policy ' + $policy.Identity + ', EnableFederationAccess: ' + $policy.EnableFederationAccess)
        }
        if ($accessEdge.AllowFederatedUsers) {
            Write-Host '  Skipped: the Access Edge already allows federated users.'
        }
        else {
            Write-Host '  This is organisation-wide: every internal user can then talk to users of every allowed federated domain, and of any domain while partner discovery is on.'
            if (-not $record.ContainsKey('AllowFederatedUsersBefore')) {
                $record['AllowFederatedUsersBefore'] = [bool]$accessEdge.AllowFederatedUsers
            }
            if (-not $changeStart) {
                $changeStart = Get-Date
                $record['ChangeStart'] = $changeStart
            }
            $record | Export-Clixml -Path $recordPath
            Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True
            Write-Host '  Done: the Access Edge now allows federated users.'
            & $mark @('set', 'accessedge', 'Global', 'AllowFederatedUsers', [bool]$accessEdge.AllowFederatedUsers, $true)
        }
        #
        # Before the tests: changes reach the Edge Server through Central Management Store
        #   replication.
        Write-Host 'Before the tests: waiting for replication of the changes (at most 5 minutes)'
        # Read-only: if the status cannot be read, the tests still run.
        # Until the store has created the update of the last run that changed something
        #   (LastUpdateCreation), replicas still say UpToDate.
        try {
            $replicas = @(Get-CsManagementStoreReplicationStatus)
            $pending = @($replicas | Where-Object { -not $_.UpToDate -or ($record['ChangeStart'] -and $_.LastUpdateCreation -lt $record['ChangeStart']) })
            $waited = 0
            while ($pending.Count -gt 0 -and $waited -lt 300) {
                Write-Host ('  ' + $pending.Count + ' of ' + $replicas.Count + ' replicas are not up to date yet; checking again in 15 seconds.')
                Start-Sleep -Seconds 15
                $waited = $waited + 15
                $replicas = @(Get-CsManagementStoreReplicationStatus)
                $pending = @($replicas | Where-Object { -not $_.UpToDate -or ($record['ChangeStart'] -and $_.LastUpdateCreation -lt $record['ChangeStart']) })
            }
            & $mark @('replication', $pending.Count, $replicas.Count)
            if ($pending.Count -gt 0) {
                Write-Warning ('' + $pending.Count + ' of ' + $replicas.Count + ' replicas are still not up to date after 5 minutes (Get-CsManagementStoreReplicationStatus shows them). The tests below may fail only because of that; run them again later with these commands:')
                Write-Host '    Test-CsFederatedPartner -TargetFqdn ''accessproxy.contoso.com'' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com'
                Write-Host '    Test-CsMcxPushNotification -AccessEdgeFqdn ''accessproxy.contoso.com'''
            }
            else {
                Write-Host ('  All ' + $replicas.Count + ' replicas are up to date.')
            }
        }
        catch {
            Write-Warning ('The replication status could not be read (' + $_.Exception.Message + '). If the tests below fail, wait a few minutes and run them again.')
            & $mark @('replication', '?', $_.Exception.Message)
        }
        $testFailures = 0
        #
        # Step 5 of 6: Test federation with push.lync.com
        # Why: Checks that your Access Edge can reach push.lync.com through sipfed.online.lync.com.
        # Needs: CsAdministrator. Source: "To test federation and push notifications".
        Write-Host 'Step 5 of 6: Test federation with push.lync.com'
        & $mark @('step', 5)
        # A read-only test: a failure is reported and the script goes on.
        try {
            $result = Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com
            Write-Host ('  Result: ' + $result.Result)
            $testMark = @('test', $true, 'returned', $result.Result, '', '')
            if ([string]$result.Result -ne 'Success') {
                $testFailures = $testFailures + 1
                Write-Host ('  Error: ' + $result.Error)
                Write-Host ('  Diagnosis: ' + $result.Diagnosis)
                $testMark = @('test', $true, 'returned', $result.Result, $result.Error, $result.Diagnosis)
            }
        }
        catch {
            $testFailures = $testFailures + 1
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
            $testMark = @('test', $true, 'threw', '', $_.Exception.Message, '')
        }
        & $mark $testMark
        #
        # Step 6 of 6: Test push notifications
        # Why: Proves only that push requests reach the clearing house through the Edge, not
        #   delivery by APNS or MPNS. To check delivery, send an IM to a test device whose app is in
        #   the background.
        # Needs: CsAdministrator. Source: "To test federation and push notifications".
        Write-Host 'Step 6 of 6: Test push notifications'
        & $mark @('step', 6)
        # A read-only test. Microsoft's page "Test push notifications to smart phones" says it
        #   usually throws on failure; a returned Failure is reported too.
        try {
            $result = Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'
            Write-Host ('  Result: ' + $result.Result)
            $testMark = @('test', $true, 'returned', $result.Result, '', '')
            if ([string]$result.Result -ne 'Success') {
                $testFailures = $testFailures + 1
                Write-Host ('  Error: ' + $result.Error)
                Write-Host ('  Diagnosis: ' + $result.Diagnosis)
                $testMark = @('test', $true, 'returned', $result.Result, $result.Error, $result.Diagnosis)
            }
        }
        catch {
            $testFailures = $testFailures + 1
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
            $testMark = @('test', $true, 'threw', '', $_.Exception.Message, '')
        }
        & $mark $testMark
        #
        if ($testFailures -gt 0) {
            $global:LASTEXITCODE = 2
            Write-Warning ('Every step is done, but ' + $testFailures + ' test(s) did not pass: see the results above and the troubleshooting in the plan.')
        }
        else {
            $global:LASTEXITCODE = 0
            Write-Host 'Finished: every step is done and both tests passed (they show the path to the clearing house, not delivery to devices). Read any warnings above; the plan explains each one.'
        }
    }
    catch {
        $global:LASTEXITCODE = 1
        Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red
        & $mark @('stop', $_.Exception.Message)
        Write-Host 'Later steps did not run. Fix the cause and run the script again; finished steps are skipped.'
    }
    & $mark @('end', $global:LASTEXITCODE, $marks['n'], ($marks['b'].ToString('X4') + $marks['a'].ToString('X4')))
} $MyInvocation.MyCommand.Path
# Run as a file, the exit code is the outcome ($LASTEXITCODE); pasted into a shell, the shell stays
#   open.
if ($MyInvocation.MyCommand.Path) {
    exit $LASTEXITCODE
}
