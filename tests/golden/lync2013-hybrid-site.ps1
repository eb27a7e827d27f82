# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard, rules 2026.11.27, from
# "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15))
#
# Answers
#   Edge Server:      Lync Server 2013 (lync2013)
#   Mobile clients:   ios-lync2010, ios-lync2013
#   Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider: Office365 (already federates with sipfed.online.lync.com)
#   Push settings:    site:Redmond
#   Share link:       #edge=lync2013&clients=ios-lync2010,ios-lync2013&access-edge=accessproxy.contoso.com&existing-provider=Office365&site=Redmond
#
# Verdict: Configure push notifications (APNS only) through hosting-provider federation with Lync
#   Online.
# Follow the steps in order; the script is safe to run more than once.
#
# Run in the Lync Server Management Shell of Lync Server 2010 or 2013,
# on an internal server with Ocscore installed (not on the Edge Server).
# Steps 1-2 need RtcUniversalServerAdmins; steps 3-6 need CsAdministrator.
# Safe to run more than once: each change is made only when a check shows it is needed.
# It stops at the first error; on the next run, finished steps are skipped.

# The script block keeps $ErrorActionPreference and its variables out of your session.
& {
    param($scriptPath)
    $ErrorActionPreference = 'Stop'
    $recordFolder = (Get-Location).Path
    if ($scriptPath) {
        $recordFolder = Split-Path -Parent $scriptPath
    }
    $recordPath = Join-Path $recordFolder 'LyncPushNotifications.undo.xml'
    # The undo record: values from before the first change, and what this script created.
    # The rollback script reads it. A second run adds to it and keeps the earlier values.
    $record = @{}
    if (Test-Path -Path $recordPath) {
        $record = Import-Clixml -Path $recordPath
        Write-Host ('Adding to the undo record ' + $recordPath + '; values from before the first run are kept.')
    }
    try {
        # Step 1 of 6: Check the existing hosting provider Office365 for sipfed.online.lync.com
        # Why: You have a hosting provider (Office365) for sipfed.online.lync.com already. Only one
        #   may federate with it, so none is added; the script checks that it is there.
        # Needs: RtcUniversalServerAdmins. Seed: "To configure for push notifications with Lync
        #   Server 2013 or Lync Server 2010 Edge Server".
        Write-Host 'Step 1 of 6: Check the existing hosting provider Office365 for sipfed.online.lync.com'
        $provider = @(Get-CsHostingProvider | Where-Object { $_.ProxyFqdn -eq "sipfed.online.lync.com" })
        if ($provider.Count -eq 0) {
            throw 'No hosting provider federates with sipfed.online.lync.com, but the answers say Office365 does. Check that this is the right deployment, then answer the wizard again.'
        }
        if ([string]$provider[0].Identity -ne 'Office365') {
            Write-Warning ('The hosting provider for sipfed.online.lync.com is ' + $provider[0].Identity + ', not Office365; it serves push all the same.')
        }
        Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with sipfed.online.lync.com, and only one may.')
        if (-not $provider[0].Enabled) {
            Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled; push needs it enabled (Set-CsHostingProvider -Enabled $True).')
        }

        # Step 2 of 6: Allow federation with push.lync.com
        # Why: push.lync.com is the Office 365 domain of the Push Notification Service; without it
        #   on the allowed list, notifications time out (504).
        # Needs: RtcUniversalServerAdmins. Seed: "To configure for push notifications with Lync
        #   Server 2013 or Lync Server 2010 Edge Server".
        Write-Host 'Step 2 of 6: Allow federation with push.lync.com'
        $allowed = @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
        if ($allowed.Count -gt 0) {
            Write-Host '  Skipped: push.lync.com is already an allowed domain.'
        }
        else {
            # New-CsAllowedDomain fails for a domain on the blocked list, so say why first.
            $blocked = @(Get-CsBlockedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
            if ($blocked.Count -gt 0) {
                throw 'push.lync.com is on the blocked domain list, so it cannot be allowed. If your policy permits, remove it from that list, then run the script again.'
            }
            New-CsAllowedDomain -Identity "push.lync.com"
            $record['CreatedAllowedDomain'] = "push.lync.com"
            $record | Export-Clixml -Path $recordPath
            Write-Host '  Done: added push.lync.com to the allowed domains.'
        }

        # Step 3 of 6: Turn on push notifications (APNS only, site:Redmond)
        # Why: Push notifications are off by default. This turns on Apple (APNS) push in the
        #   settings of site Redmond (created if the site has none; they override global there); a
        #   service your clients do not need is left as it is.
        # Needs: CsAdministrator. Seed: "To enable push notifications".
        Write-Host 'Step 3 of 6: Turn on push notifications (APNS only, site:Redmond)'
        $siteIdentity = 'site:Redmond'
        $push = @(Get-CsPushNotificationConfiguration -Filter "site:*" | Where-Object { [string]$_.Identity -eq $siteIdentity })
        if ($push.Count -eq 0) {
            # New site settings override global there; a service not needed here keeps its global
            #   value.
            $globalPush = Get-CsPushNotificationConfiguration -Identity global
            if (-not $record.ContainsKey('PushBefore')) {
                $record['PushBefore'] = @{ Identity = $siteIdentity; Existed = $false }
                $record | Export-Clixml -Path $recordPath
            }
            New-CsPushNotificationConfiguration -Identity $siteIdentity -EnableApplePushNotificationService $True -EnableMicrosoftPushNotificationService $globalPush.EnableMicrosoftPushNotificationService
            Write-Host ('  Done: created ' + $siteIdentity + ' with push turned on.')
        }
        elseif ($push[0].EnableApplePushNotificationService) {
            Write-Host ('  Skipped: already on in ' + $siteIdentity + '.')
        }
        else {
            if (-not $record.ContainsKey('PushBefore')) {
                $record['PushBefore'] = @{ Identity = $siteIdentity; Existed = $true; Apple = [bool]$push[0].EnableApplePushNotificationService; Microsoft = [bool]$push[0].EnableMicrosoftPushNotificationService }
                $record | Export-Clixml -Path $recordPath
            }
            Set-CsPushNotificationConfiguration -Identity $siteIdentity -EnableApplePushNotificationService $True
            Write-Host ('  Done: turned on in ' + $siteIdentity + '.')
        }

        # Step 4 of 6: Enable federation on the Access Edge
        # Why: Push travels as federated traffic, so the Access Edge must allow federated users. The
        #   script also checks that the Access Edge uses DNS SRV routing, which hosting-provider
        #   federation needs.
        # Needs: CsAdministrator. Seed: "To enable push notifications".
        Write-Host 'Step 4 of 6: Enable federation on the Access Edge'
        $accessEdge = Get-CsAccessEdgeConfiguration
        if ($accessEdge.AllowFederatedUsers) {
            Write-Host '  Skipped: the Access Edge already allows federated users.'
        }
        else {
            if (-not $record.ContainsKey('AllowFederatedUsersBefore')) {
                $record['AllowFederatedUsersBefore'] = [bool]$accessEdge.AllowFederatedUsers
                $record | Export-Clixml -Path $recordPath
            }
            Set-CsAccessEdgeConfiguration -AllowFederatedUsers $True
            Write-Host '  Done: the Access Edge now allows federated users.'
        }
        if (-not $accessEdge.UseDnsSrvRouting) {
            Write-Warning 'The Access Edge uses default routing. Hosting-provider federation, and so push, needs DNS SRV routing.'
        }

        # Step 5 of 6: Test federation with push.lync.com
        # Why: Checks that your Access Edge can reach push.lync.com through sipfed.online.lync.com.
        # Needs: CsAdministrator. Seed: "To test federation and push notifications".
        Write-Host 'Step 5 of 6: Test federation with push.lync.com'
        # A read-only test: a failure is reported and the script goes on.
        try {
            $result = Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com
            Write-Host ('  Result: ' + $result.Result + ' ' + $result.Error)
        }
        catch {
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
        }

        # Step 6 of 6: Test push notifications
        # Why: Sends a test notification through the Push Notification Service.
        # Needs: CsAdministrator. Seed: "To test federation and push notifications".
        Write-Host 'Step 6 of 6: Test push notifications'
        # A read-only test. It throws on failure instead of returning Failure.
        try {
            $result = Test-CsMcxPushNotification -AccessEdgeFqdn 'accessproxy.contoso.com'
            Write-Host ('  Result: ' + $result.Result)
        }
        catch {
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
        }

        Write-Host 'Finished. Read any warnings above; the plan explains each one.'
    }
    catch {
        Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red
        Write-Host 'Later steps did not run. Fix the cause and run the script again; finished steps are skipped.'
    }
} $MyInvocation.MyCommand.Path
