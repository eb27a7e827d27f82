# Undo push notifications for Lync Server mobility
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
#
# Run it from the folder that holds the configuration script and its undo record
#   (LyncPushNotifications.undo.xml), in the Lync Server Management Shell.
# It restores the push switches and AllowFederatedUsers to the values recorded before the first
#   change, and removes the hosting provider and the allowed domain only if the configuration script
#   created them. Afterwards the record is renamed, so this runs once.

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
        # Undo step 4: Enable federation on the Access Edge
        Write-Host 'Undo step 4: Enable federation on the Access Edge'
        if ($record.ContainsKey('AllowFederatedUsersBefore')) {
            Set-CsAccessEdgeConfiguration -AllowFederatedUsers $record['AllowFederatedUsersBefore']
            Write-Host ('  Done: AllowFederatedUsers is ' + $record['AllowFederatedUsersBefore'] + ' again.')
        }
        else {
            Write-Host '  Skipped: the configuration script did not change it.'
        }

        # Undo step 3: Turn on push notifications (APNS only, site:Redmond)
        Write-Host 'Undo step 3: Turn on push notifications (APNS only, site:Redmond)'
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

        # Undo step 2: Allow federation with push.lync.com
        Write-Host 'Undo step 2: Allow federation with push.lync.com'
        if ($record.ContainsKey('CreatedAllowedDomain')) {
            $allowed = @(Get-CsAllowedDomain | Where-Object { $_.Domain -eq "push.lync.com" })
            if ($allowed.Count -gt 0) {
                Remove-CsAllowedDomain -Identity "push.lync.com"
                Write-Host '  Done: removed push.lync.com from the allowed domains.'
            }
            else {
                Write-Host '  Skipped: push.lync.com is no longer an allowed domain.'
            }
        }
        else {
            Write-Host '  Skipped: push.lync.com was allowed before the configuration script ran, so it stays.'
        }

        # Undo step 1: Check the existing hosting provider Office365 for sipfed.online.lync.com
        Write-Host 'Undo step 1: Check the existing hosting provider Office365 for sipfed.online.lync.com'
        Write-Host '  Nothing to undo: the existing hosting provider Office365 was never changed.'

        $doneName = 'LyncPushNotifications.undo.' + (Get-Date -Format 'yyyyMMdd-HHmmss') + '.done.xml'
        Rename-Item -Path $recordPath -NewName $doneName
        Write-Host ('Finished. The record is kept as ' + $doneName + ', so running this again changes nothing.')
    }
    catch {
        Write-Host ('Stopped: ' + $_.Exception.Message) -ForegroundColor Red
        Write-Host 'The undo record is kept. Fix the cause and run this again; what is already undone is skipped.'
    }
} $MyInvocation.MyCommand.Path
