# Undo push notifications for Lync Server mobility
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
#
# Run it from the folder that holds the configuration script and its undo record
#   (LyncPushNotifications.undo.xml), in the Lync Server Management Shell.
# It restores the push switches and AllowFederatedUsers to the values recorded before the first
#   change, and removes the hosting provider and the allowed domain only if the configuration script
#   created them. Afterwards the record is renamed, so this runs once.
# Step 1 was done by hand; undo it by hand too (the script says how).

# The script block keeps $ErrorActionPreference and its variables out of your session.
& {
    param($scriptPath)
    $ErrorActionPreference = 'Stop'
    $recordFolder = (Get-Location).Path
    if ($scriptPath) {
        $recordFolder = Split-Path -Parent $scriptPath
    }
    $recordPath = Join-Path $recordFolder 'LyncPushNotifications.undo.xml'
    if (-not (Test-Path -Path $recordPath)) {
        Write-Host ('No undo record at ' + $recordPath + '. Run this from the folder of the configuration script; without the record nothing is undone.')
        return
    }
    $record = Import-Clixml -Path $recordPath
    try {
        # Undo step 3: Enable federation on the Access Edge
        Write-Host 'Undo step 3: Enable federation on the Access Edge'
        if ($record.ContainsKey('AllowFederatedUsersBefore')) {
            Set-CsAccessEdgeConfiguration -AllowFederatedUsers $record['AllowFederatedUsersBefore']
            Write-Host ('  Done: AllowFederatedUsers is ' + $record['AllowFederatedUsersBefore'] + ' again.')
        }
        else {
            Write-Host '  Skipped: the configuration script did not change it.'
        }

        # Undo step 2: Turn on push notifications (APNS and MPNS, global)
        Write-Host 'Undo step 2: Turn on push notifications (APNS and MPNS, global)'
        if ($record.ContainsKey('PushBefore')) {
            $before = $record['PushBefore']
            if ($before['Existed']) {
                Set-CsPushNotificationConfiguration -Identity $before['Identity'] -EnableApplePushNotificationService $before['Apple'] -EnableMicrosoftPushNotificationService $before['Microsoft']
                Write-Host ('  Done: ' + $before['Identity'] + ' has its earlier push switches again.')
            }
            else {
                # The configuration script created these site settings; without them the global ones
                #   apply.
                Remove-CsPushNotificationConfiguration -Identity $before['Identity']
                Write-Host ('  Done: removed ' + $before['Identity'] + '; the global settings apply there again.')
            }
        }
        else {
            Write-Host '  Skipped: the configuration script did not change the push switches.'
        }

        # Undo step 1: Federate the OCS 2007 R2 Edge Server with push.lync.com
        Write-Host 'Undo step 1: Federate the OCS 2007 R2 Edge Server with push.lync.com'
        Write-Host '  This step was done by hand on the OCS 2007 R2 Edge Server; undo it there:'
        Write-Host '    Log on to the Edge Server as a member of the RtcUniversalServerAdmins group.'
        Write-Host '    Open Computer Management, expand Services and Applications, right-click Microsoft Office Communications Server 2007 R2, and then click Properties.'
        Write-Host '    On the Allow tab, select push.lync.com, click Remove, and then click OK.'

        $doneName = 'LyncPushNotifications.undo.' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.done.xml'
        Rename-Item -Path $recordPath -NewName $doneName
        Write-Host ('Finished. The record is kept as ' + $doneName + ', so running this again changes nothing.')
    }
    catch {
        Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red
        Write-Host 'The undo record is kept. Fix the cause and run this again; what is already undone is skipped.'
    }
} $MyInvocation.MyCommand.Path
