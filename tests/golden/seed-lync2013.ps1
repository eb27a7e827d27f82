# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard, rules 2026.11.27, from
# "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15))
#
# Answers
#   Edge Server:      Lync Server 2013 (lync2013)
#   Mobile clients:   ios-lync2010, wp-lync2013
#   Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider: none yet for sipfed.online.lync.com
#   Push settings:    global
#   Share link:       #edge=lync2013&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com
#
# Verdict: Configure push notifications (APNS and MPNS) through hosting-provider federation with
#   Lync Online.
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
        # Step 1 of 6: Add the Lync Online hosting provider (sipfed.online.lync.com)
        # Why: A Lync Server 2010 or 2013 Edge reaches the Push Notification Service through
        #   hosting-provider federation with Lync Online (sipfed.online.lync.com). Only one hosting
        #   provider may federate with it, so the script adds LyncOnline only if none does yet.
        # Needs: RtcUniversalServerAdmins. Seed: "To configure for push notifications with Lync
        #   Server 2013 or Lync Server 2010 Edge Server".
        Write-Host 'Step 1 of 6: Add the Lync Online hosting provider (sipfed.online.lync.com)'
        $provider = @(Get-CsHostingProvider | Where-Object { $_.ProxyFqdn -eq "sipfed.online.lync.com" })
        if ($provider.Count -gt 0) {
            Write-Host ('  Skipped: hosting provider ' + $provider[0].Identity + ' already federates with sipfed.online.lync.com, and only one may.')
            if (-not $provider[0].Enabled) {
                Write-Warning ('Hosting provider ' + $provider[0].Identity + ' is disabled; push needs it enabled (Set-CsHostingProvider -Enabled $True).')
            }
        }
        else {
            $sameName = @(Get-CsHostingProvider | Where-Object { [string]$_.Identity -eq "LyncOnline" })
            if ($sameName.Count -gt 0) {
                throw 'A hosting provider named LyncOnline exists with another ProxyFqdn, which cannot be changed. Check it with Get-CsHostingProvider before adding the Lync Online provider.'
            }
            New-CsHostingProvider -Identity "LyncOnline" -Enabled $True -ProxyFqdn "sipfed.online.lync.com" -VerificationLevel UseSourceVerification
            $record['CreatedHostingProvider'] = "LyncOnline"
            $record | Export-Clixml -Path $recordPath
            Write-Host '  Done: added hosting provider LyncOnline for sipfed.online.lync.com.'
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

        # Step 3 of 6: Turn on push notifications (APNS and MPNS, global)
        # Why: Push notifications are off by default. This turns on Apple (APNS) and Windows Phone
        #   (MPNS) push in the global settings; a service your clients do not need is left as it is.
        # Needs: CsAdministrator. Seed: "To enable push notifications".
        Write-Host 'Step 3 of 6: Turn on push notifications (APNS and MPNS, global)'
        $push = Get-CsPushNotificationConfiguration -Identity global
        if ($push.EnableApplePushNotificationService -and $push.EnableMicrosoftPushNotificationService) {
            Write-Host '  Skipped: already on in the global settings.'
        }
        else {
            if (-not $record.ContainsKey('PushBefore')) {
                $record['PushBefore'] = @{ Identity = 'global'; Existed = $true; Apple = [bool]$push.EnableApplePushNotificationService; Microsoft = [bool]$push.EnableMicrosoftPushNotificationService }
                $record | Export-Clixml -Path $recordPath
            }
            Set-CsPushNotificationConfiguration -EnableApplePushNotificationService $True -EnableMicrosoftPushNotificationService $True
            Write-Host '  Done: turned on in the global settings.'
        }
        # Site settings override the global ones for that site (facts:
        #   New-CsPushNotificationConfiguration).
        foreach ($site in @(Get-CsPushNotificationConfiguration -Filter "site:*")) {
            if (-not ($site.EnableApplePushNotificationService -and $site.EnableMicrosoftPushNotificationService)) {
                Write-Warning ('Settings ' + $site.Identity + ' override global and keep a needed service off: users of that site get no push there.')
            }
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
