# Push notifications for Lync Server mobility
# Made by the Lync Server 2013 push-notification wizard, rules 2026.11.27, from
# "Configuring for push notifications in Lync Server 2013"
#   (https://technet.microsoft.com/en-us/library/Hh690047(v=OCS.15))
#
# Answers
#   Edge Server:      Office Communications Server 2007 R2 (ocs2007r2)
#   Mobile clients:   ios-lync2010, wp-lync2013
#   Access Edge FQDN: accessproxy.contoso.com
#   Hosting provider: none yet for sipfed.online.lync.com
#   Push settings:    global
#   Share link:       #edge=ocs2007r2&clients=ios-lync2010,wp-lync2013&access-edge=accessproxy.contoso.com
#
# Verdict: Configure push notifications (APNS and MPNS) through direct federation with push.lync.com
#   on the OCS 2007 R2 Edge Server.
# Follow the steps in order; the script is safe to run more than once.
#
# Step 1 is done by hand before this script runs: Federate the OCS 2007 R2 Edge Server with
#   push.lync.com (see the GUI steps).
# Run in the Lync Server Management Shell of Lync Server 2010 or 2013,
# on an internal server with Ocscore installed (not on the Edge Server).
# Steps 2-5 need CsAdministrator.
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
        # Step 2 of 5: Turn on push notifications (APNS and MPNS, global)
        # Why: Push notifications are off by default. This turns on Apple (APNS) and Windows Phone
        #   (MPNS) push in the global settings; a service your clients do not need is left as it is.
        # Needs: CsAdministrator. Seed: "To enable push notifications".
        Write-Host 'Step 2 of 5: Turn on push notifications (APNS and MPNS, global)'
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

        # Step 3 of 5: Enable federation on the Access Edge
        # Why: Push travels as federated traffic, so the Access Edge must allow federated users.
        # Needs: CsAdministrator. Seed: "To enable push notifications".
        Write-Host 'Step 3 of 5: Enable federation on the Access Edge'
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

        # Step 4 of 5: Test federation with push.lync.com
        # Why: Checks that your Access Edge can reach push.lync.com through sipfed.online.lync.com.
        # Needs: CsAdministrator. Seed: "To test federation and push notifications".
        Write-Host 'Step 4 of 5: Test federation with push.lync.com'
        # A read-only test: a failure is reported and the script goes on.
        try {
            $result = Test-CsFederatedPartner -TargetFqdn 'accessproxy.contoso.com' -Domain push.lync.com -ProxyFqdn sipfed.online.lync.com
            Write-Host ('  Result: ' + $result.Result + ' ' + $result.Error)
        }
        catch {
            Write-Host ('  Failed: ' + $_.Exception.Message) -ForegroundColor Yellow
        }

        # Step 5 of 5: Test push notifications
        # Why: Sends a test notification through the Push Notification Service.
        # Needs: CsAdministrator. Seed: "To test federation and push notifications".
        Write-Host 'Step 5 of 5: Test push notifications'
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
